from django.core.management.base import BaseCommand

from bantin.demo.services import demo_load


class Command(BaseCommand):
    help = (
        "Nạp nội dung mẫu (trang chủ, chuyên mục, bài mẫu có ảnh). Không làm gì nếu đã có nội dung."
    )

    def handle(self, *args, **options):
        if demo_load(stdout=self.stdout):
            self.stdout.write(self.style.SUCCESS("Đã nạp nội dung mẫu."))
        else:
            self.stdout.write("Cổng đã có nội dung; không nạp nội dung mẫu.")
