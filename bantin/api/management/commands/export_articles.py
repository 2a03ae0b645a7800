from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from bantin.api.export import FORMATS, ExportError, articles_export, since_parse


class Command(BaseCommand):
    help = "Xuất dữ liệu mở: thông tin các bài đã xuất bản (CSV hoặc JSON)."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=FORMATS, default="csv", help="csv hoặc json")
        parser.add_argument("--since", help="Chỉ bài từ ngày này (07/02/2025 hoặc 2025-02-07).")
        parser.add_argument("--output", help="Tệp ghi ra; mặc định in ra màn hình.")

    def handle(self, *args, format, since, output, **options):
        try:
            since = since_parse(since)
        except ExportError as error:
            raise CommandError(str(error)) from None
        site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
        if site is None:
            raise CommandError("Chưa có trang thông tin mặc định (Site) nào.")
        if output:
            try:
                with open(output, "w", encoding="utf-8", newline="") as out:
                    count = articles_export(site=site, format=format, out=out, since=since)
            except OSError as error:
                raise CommandError(f"Không ghi được tệp “{output}”: {error.strerror}.") from None
            self.stderr.write(f"Đã xuất {count} bài vào {output}.")
        else:
            # The raw stream: OutputWrapper would end every chunk with a newline.
            count = articles_export(site=site, format=format, out=self.stdout._out, since=since)
            self.stderr.write(f"Đã xuất {count} bài.")
