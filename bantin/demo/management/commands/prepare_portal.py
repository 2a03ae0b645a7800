from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Chuẩn bị cổng trên máy cục bộ trong một lần chạy: cập nhật CSDL (migrate), "
        "nạp nội dung mẫu nếu chưa có nội dung, tạo tài khoản quản trị nếu chưa có."
    )

    def handle(self, *args, **options):
        call_command("migrate", interactive=False, verbosity=0, stdout=self.stdout)
        call_command("load_demo", stdout=self.stdout)
        call_command("ensure_admin", stdout=self.stdout)
