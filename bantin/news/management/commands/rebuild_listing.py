from django.core.management.base import BaseCommand

from bantin.news.listing import listing_rebuild


class Command(BaseCommand):
    help = (
        "Dựng lại chỉ mục danh sách tin của các chuyên mục từ các bản tin đã xuất bản "
        "(sau khi nhập hàng loạt trực tiếp vào cơ sở dữ liệu hoặc khôi phục bản sao lưu)."
    )

    def handle(self, *args, **options):
        written = listing_rebuild()
        self.stdout.write(self.style.SUCCESS(f"Đã ghi {written} mục danh sách."))
