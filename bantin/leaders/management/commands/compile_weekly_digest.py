import datetime

from django.core.management.base import BaseCommand, CommandError

from bantin.leaders.digest import DigestError, digest_compile
from bantin.news.management.arguments import section_argument
from bantin.news.selectors import SectionNotFound


class Command(BaseCommand):
    help = (
        "Tổng hợp hoạt động của lãnh đạo tỉnh trong tuần (thứ Hai–Chủ nhật) chứa ngày đã cho "
        "thành một bản nháp “Điểm hoạt động nổi bật…” và gửi duyệt."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--week", required=True, metavar="YYYY-MM-DD", help="một ngày trong tuần"
        )
        parser.add_argument(
            "--section", metavar="SLUG", help="chuyên mục (mặc định: hoạt động lãnh đạo)"
        )
        parser.add_argument(
            "--by", default="", metavar="NAME", help="tên người tổng hợp (ghi cuối bài)"
        )
        parser.add_argument(
            "--force", action="store_true", help="tạo bản nháp mới cả khi tuần đã xuất bản"
        )

    def handle(self, *args, **options):
        try:
            day = datetime.date.fromisoformat(options["week"])
        except ValueError:
            raise CommandError(
                f"--week “{options['week']}” không phải ngày dạng YYYY-MM-DD (ví dụ 2025-02-03)."
            ) from None
        section = section_argument(options["section"]) if options["section"] else None
        try:
            result = digest_compile(
                day=day, section=section, by=options["by"], force=options["force"]
            )
        except (DigestError, SectionNotFound) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(result.message)
