from types import SimpleNamespace

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from bantin.importer import services
from bantin.news.management.arguments import section_argument


class Command(BaseCommand):
    help = "Nhập các tệp dump bài viết của cổng thông tin cũ (tệp hoặc thư mục) vào một chuyên mục."

    def add_arguments(self, parser):
        parser.add_argument(
            "paths", nargs="+", metavar="PATH", help="tệp dump hoặc thư mục chứa *.txt"
        )
        parser.add_argument(
            "--into",
            required=True,
            metavar="SECTION_SLUG",
            help="slug (hoặc đường dẫn) của chuyên mục nhận bài",
        )
        parser.add_argument("--dry-run", action="store_true", help="đọc và kiểm tra, không ghi gì")
        parser.add_argument(
            "--update",
            action="store_true",
            help="bài đã nhập mà tệp nay khác: thêm phiên bản mới thay vì bỏ qua",
        )
        parser.add_argument(
            "--publish", action="store_true", help="xuất bản ngay (mặc định: bản nháp)"
        )

    def handle(self, *args, **options):
        section = section_argument(options["into"])

        # tqdm redraws its line with "\r": hand it our stderr without the newline it adds.
        bar_stream = SimpleNamespace(
            write=lambda chunk: self.stderr.write(chunk, ending=""), flush=self.stderr.flush
        )

        def progress(files):
            return tqdm(
                files,
                desc="Nhập bài",
                unit="tệp",
                file=bar_stream,
                disable=len(files) < 2 or options["verbosity"] < 1,
            )

        report = services.bulletins_import(
            paths=options["paths"],
            section=section,
            update=options["update"],
            publish=options["publish"],
            dry_run=options["dry_run"],
            progress=progress,
        )
        for outcome in report.outcomes:
            label = services.STATUS_LABELS[outcome.status]
            line = f"{label}: {outcome.path}" + (f" — {outcome.message}" if outcome.message else "")
            if outcome.status == services.FAILED:
                self.stderr.write(self.style.ERROR(line))
            elif options["verbosity"] > 1 or (
                options["verbosity"] == 1 and outcome.status != services.UNCHANGED
            ):
                self.stdout.write(line)

        counts = ", ".join(
            f"{report.count(status)} {label}" for status, label in services.STATUS_LABELS.items()
        )
        prefix = "Chạy thử (không ghi gì): " if options["dry_run"] else ""
        self.stdout.write(f"{prefix}{len(report.outcomes)} tệp: {counts}.")
        if report.failed:
            raise CommandError(
                f"{len(report.failed)} tệp không nhập được (xem các dòng “lỗi” ở trên)."
            )
