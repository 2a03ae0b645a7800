from django.conf import settings
from django.db import models


class AuditRecord(models.Model):
    """One link of the editorial log's hash chain, mirroring one Wagtail log entry.

    ``hash`` covers the record's own fields and ``previous_hash``, so changing or
    removing any record breaks every later link; ``AuditChainHead`` holds the
    last hash and the length, so removing the newest records is caught too.
    """

    timestamp = models.DateTimeField("Thời điểm", db_index=True)
    action = models.CharField("Thao tác", max_length=255, db_index=True)
    action_label = models.CharField("Tên thao tác", max_length=255)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Người thực hiện",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        db_constraint=False,
        related_name="+",
    )
    user_label = models.CharField("Tên người thực hiện", max_length=255, blank=True)
    object_label = models.TextField("Đối tượng", blank=True)
    object_type = models.CharField("Loại đối tượng", max_length=255, blank=True)
    object_id = models.CharField("Mã đối tượng", max_length=255, blank=True)
    page_path = models.CharField(
        "Vị trí trong cây trang", max_length=255, blank=True, db_index=True
    )
    revision_id = models.BigIntegerField("Phiên bản", null=True, blank=True)
    data = models.JSONField("Chi tiết", default=dict, blank=True)
    source = models.CharField("Nguồn", max_length=100, help_text="Bảng nhật ký gốc của Wagtail.")
    source_id = models.BigIntegerField("Mã trong nhật ký gốc")
    previous_hash = models.CharField("Mã băm bản ghi trước", max_length=64)
    hash = models.CharField("Mã băm", max_length=64, unique=True)

    class Meta:
        verbose_name = "Bản ghi nhật ký biên tập"
        verbose_name_plural = "Nhật ký biên tập"
        ordering = ["-id"]
        constraints = [
            models.UniqueConstraint(fields=["source", "source_id"], name="audit_source_once")
        ]

    def __str__(self):
        return f"{self.timestamp:%d/%m/%Y %H:%M} {self.user_label} {self.action_label}"


class AuditChainHead(models.Model):
    """The end of the chain: a single row, locked while a record is appended."""

    last_hash = models.CharField(max_length=64, blank=True)
    length = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "Đầu chuỗi nhật ký"

    def __str__(self):
        return f"{self.length} bản ghi, cuối: {self.last_hash[:12]}"


class SchedulerLock(models.Model):
    """A row that scheduled-publishing runs lock so that only one runs at a time."""

    name = models.CharField(max_length=100, unique=True)
    last_run_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "Khóa lịch xuất bản"

    def __str__(self):
        return self.name


class FrontPage(models.Model):
    """A page the front holds — a file in nginx's page store, or a copy at a CDN — and
    what it shows, so that a change removes exactly the copies that show it."""

    name = models.CharField("Tệp trong kho trang", max_length=600, unique=True)
    url = models.URLField("Địa chỉ", max_length=800)
    stored_at = models.DateTimeField("Lưu lúc", auto_now=True)

    class Meta:
        verbose_name = "Trang ở lớp trước"
        verbose_name_plural = "Trang ở lớp trước"

    def __str__(self):
        return self.url


class FrontPageTag(models.Model):
    """One thing (see ``bantin.core.cache``) a front page shows."""

    page = models.ForeignKey(FrontPage, on_delete=models.CASCADE, related_name="tags")
    tag = models.CharField(max_length=120, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "tag"], name="publishing_frontpagetag_unique")
        ]

    def __str__(self):
        return self.tag
