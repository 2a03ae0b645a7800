import os

from django.core.management import call_command
from django.core.management.base import BaseCommand

from bantin.demo.services import demo_users_ensure
from bantin.search.services import search_index_ensure


class Command(BaseCommand):
    help = (
        "Chuẩn bị cổng trên máy cục bộ trong một lần chạy: cập nhật CSDL (migrate), "
        "nạp nội dung mẫu nếu chưa có, tạo tài khoản quản trị và tài khoản mẫu cho từng vai trò "
        "(mật khẩu lấy từ BANTIN_DEMO_PASSWORD, nếu không có thì tạo ngẫu nhiên và in ra một lần)."
    )

    def handle(self, *args, **options):
        call_command("migrate", interactive=False, verbosity=0, stdout=self.stdout)
        call_command("load_demo", stdout=self.stdout)
        call_command("ensure_admin", stdout=self.stdout)
        indexed = search_index_ensure()
        if indexed:
            self.stdout.write(f"Đã lập chỉ mục tìm kiếm cho {indexed} mục.")
        created = demo_users_ensure(password=os.environ.get("BANTIN_DEMO_PASSWORD"))
        if created:
            self.stdout.write("Tài khoản mẫu theo vai trò (mật khẩu chỉ in ra lần này):")
            for username, role, password in created:
                self.stdout.write(f"  {username:<12} {role:<28} {password}")
