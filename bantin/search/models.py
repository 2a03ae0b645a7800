from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models

from bantin.search import analysis


class SearchDocument(models.Model):
    """One indexed object in the Vietnamese search index.

    ``key`` orders documents by date (newest highest) so that the index can
    hand out the newest matches of a common word without ranking all of them.
    The full-text structures (an FTS5 table on SQLite, generated ``tsvector``
    columns on PostgreSQL) are built from these columns by the database itself.
    """

    key = models.BigIntegerField(primary_key=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=255)
    date = models.DateField()
    title = models.TextField(blank=True)
    lead = models.TextField(blank=True)
    body = models.TextField(blank=True)
    exact = models.TextField(blank=True)
    scope = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="search_document_object"
            )
        ]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id}"


class SearchTerm(models.Model):
    """How many documents hold each folded word; the empty term counts all documents."""

    term = models.CharField(max_length=255, primary_key=True)
    documents = models.IntegerField(default=0)

    def __str__(self):
        return f"{self.term}: {self.documents}"


class Synonym(models.Model):
    """Expressions that mean the same to readers: an abbreviation and its expansion,
    or two spellings of one place name."""

    expressions = models.TextField(
        "Các cách gọi tương đương",
        help_text=(
            "Mỗi dòng một cách gọi, ví dụ “UBND” và “Ủy ban nhân dân”. "
            "Tìm một cách gọi sẽ thấy cả bài viết dùng cách gọi kia; có dấu hay không dấu đều được."
        ),
    )
    note = models.CharField("Ghi chú", max_length=255, blank=True)

    class Meta:
        verbose_name = "Từ đồng nghĩa"
        verbose_name_plural = "Từ đồng nghĩa"
        ordering = ["expressions"]

    def __str__(self):
        return " = ".join(self.variants())

    def variants(self):
        """The expressions, one per non-empty line, normalised, duplicates dropped."""
        seen, found = set(), []
        for line in self.expressions.splitlines():
            line = " ".join(line.split())
            folded = tuple(word.folded for word in analysis.words(line))
            if folded and folded not in seen:
                seen.add(folded)
                found.append(line)
        return found

    def clean(self):
        super().clean()
        lines = [line for line in self.expressions.splitlines() if line.strip()]
        for number, line in enumerate(lines, start=1):
            if not analysis.words(line):
                raise ValidationError(
                    {"expressions": f"Dòng {number} (“{line.strip()}”) không có chữ hay số nào."}
                )
        if len(self.variants()) < 2:
            raise ValidationError(
                {"expressions": "Cần ít nhất hai cách gọi khác nhau, mỗi cách một dòng."}
            )
