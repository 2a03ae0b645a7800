from django.db import models


class ImportedBulletin(models.Model):
    """One legacy dump brought into the portal: where it came from and what it held."""

    legacy_id = models.CharField(
        "Mã trên cổng cũ", max_length=100, unique=True, help_text="Tên tệp dump, bỏ phần mở rộng."
    )
    fingerprint = models.CharField(
        "Dấu vân tay nội dung",
        max_length=64,
        db_index=True,
        help_text="SHA-256 của nội dung đã đọc.",
    )
    page = models.ForeignKey(
        "news.ArticlePage",
        verbose_name="Bài viết",
        on_delete=models.CASCADE,
        related_name="+",
    )
    source_name = models.CharField("Tệp nguồn", max_length=500)
    imported_at = models.DateTimeField("Nhập lúc", auto_now_add=True)
    updated_at = models.DateTimeField("Cập nhật lúc", auto_now=True)

    class Meta:
        verbose_name = "Bài nhập từ cổng cũ"
        verbose_name_plural = "Bài nhập từ cổng cũ"

    def __str__(self):
        return self.legacy_id
