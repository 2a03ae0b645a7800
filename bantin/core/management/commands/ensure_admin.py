import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Tạo tài khoản quản trị nếu chưa có. Tên và mật khẩu lấy từ BANTIN_ADMIN_USER và "
        "BANTIN_ADMIN_PASSWORD; không có mật khẩu thì tạo ngẫu nhiên và in ra một lần."
    )

    def handle(self, *args, **options):

        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write("Đã có tài khoản quản trị; không tạo thêm.")
            return
        username = os.environ.get("BANTIN_ADMIN_USER") or "admin"
        password = os.environ.get("BANTIN_ADMIN_PASSWORD")
        generated = not password
        if generated:
            password = secrets.token_urlsafe(12)
        with transaction.atomic():
            User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(self.style.SUCCESS(f"Đã tạo tài khoản quản trị “{username}”."))
        if generated:
            self.stdout.write(
                f"Mật khẩu: {password}\n"
                "Mật khẩu chỉ in ra lần này; hãy lưu lại hoặc đổi trong trang quản trị."
            )
