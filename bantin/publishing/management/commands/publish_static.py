from django.core.management.base import BaseCommand, CommandError

from bantin.publishing.front import front_publish


class Command(BaseCommand):
    help = (
        "Ghi các trang đã xuất bản vào kho trang (PAGE_STORE_DIR) để nginx phục vụ trực tiếp. "
        "Mặc định ghi những trang chưa có; --all làm lại toàn bộ kho, kể cả mọi trang danh sách."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--all",
            action="store_true",
            help="Xóa kho rồi ghi lại mọi trang, kể cả từng số trang của mỗi chuyên mục.",
        )

    def handle(self, *args, **options):
        try:
            written, failed = front_publish(rebuild=options["all"])
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Đã ghi {written} trang vào kho."))
        if failed:
            self.stdout.write(self.style.WARNING(f"{failed} trang không ghi được (xem nhật ký)."))
