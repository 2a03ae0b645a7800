from django.core.management.base import BaseCommand, CommandError

from bantin.publishing.audit import audit_chain_verify
from bantin.publishing.models import AuditRecord


class Command(BaseCommand):
    help = "Kiểm tra chuỗi mã băm của nhật ký biên tập; báo mắt xích hỏng đầu tiên."

    def handle(self, *args, **options):
        broken = audit_chain_verify()
        if broken is None:
            count = AuditRecord.objects.count()
            self.stdout.write(self.style.SUCCESS(f"Nhật ký nguyên vẹn: {count} bản ghi."))
            return
        where = f"bản ghi số {broken.record_id}" if broken.record_id else "cuối chuỗi"
        raise CommandError(f"Nhật ký bị can thiệp tại {where}: {broken.reason}.")
