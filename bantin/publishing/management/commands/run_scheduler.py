import time

from django.core.management.base import BaseCommand
from django.utils import timezone

from bantin.publishing.tasks import publish_scheduled_task


class Command(BaseCommand):
    help = (
        "Mỗi phút xếp một lượt xuất bản/hết hạn theo lịch vào hàng đợi tác vụ "
        "(db_worker thực hiện). Chạy nhiều bản cùng lúc vẫn an toàn."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="xếp một lượt rồi thoát")
        parser.add_argument(
            "--interval", type=int, default=60, help="số giây giữa hai lượt (mặc định 60)"
        )

    def handle(self, *args, **options):
        interval = max(1, options["interval"])
        while True:
            result = publish_scheduled_task.enqueue()
            if options["verbosity"] > 1:
                self.stdout.write(f"{timezone.localtime():%H:%M:%S} đã xếp lượt {result.id}")
            if options["once"]:
                self.stdout.write("Đã xếp một lượt xuất bản theo lịch.")
                return
            # Sleep to the start of the next interval so runs stay on the minute.
            time.sleep(interval - time.time() % interval)
