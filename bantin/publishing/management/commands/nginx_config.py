from django.core.management.base import BaseCommand, CommandError

from bantin.publishing.front import nginx_config


class Command(BaseCommand):
    help = (
        "In cấu hình nginx cho cổng (kho trang PAGE_STORE_DIR, tệp tĩnh, ứng dụng phía sau); "
        "đưa vào khối http của nginx."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--listen", default="80", help="Cổng nginx nghe, ví dụ 80 hoặc 127.0.0.1:8080."
        )
        parser.add_argument("--app", default="127.0.0.1:8000", help="Địa chỉ gunicorn.")
        parser.add_argument(
            "--server-name", action="append", dest="server_names", help="Tên miền (lặp lại được)."
        )

    def handle(self, *args, **options):
        try:
            text = nginx_config(
                listen=options["listen"], app=options["app"], server_names=options["server_names"]
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(text, ending="")
