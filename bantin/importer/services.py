"""Bring the legacy portal's article dumps into the portal as ArticlePages."""

from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.html import escape
from wagtail.rich_text import RichText

from bantin.importer.legacy_text import LegacyFormatError, parse_bulletin
from bantin.importer.models import ImportedBulletin
from bantin.news.models import ArticlePage

CREATED, UPDATED, UNCHANGED, SKIPPED, FAILED = (
    "created",
    "updated",
    "unchanged",
    "skipped",
    "failed",
)
# The old portal's weekly round-ups are recognised by their title.
ROUNDUP_TITLE_PREFIX = "Điểm hoạt động nổi bật"

STATUS_LABELS = {
    CREATED: "tạo mới",
    UPDATED: "cập nhật",
    UNCHANGED: "không đổi",
    SKIPPED: "bỏ qua",
    FAILED: "lỗi",
}


@dataclass
class FileOutcome:
    path: Path
    status: str
    message: str = ""
    page_id: int | None = None


@dataclass
class ImportReport:
    outcomes: list[FileOutcome] = field(default_factory=list)

    def count(self, status):
        return sum(1 for outcome in self.outcomes if outcome.status == status)

    @property
    def failed(self):
        return [outcome for outcome in self.outcomes if outcome.status == FAILED]


def dump_paths(paths):
    """Expand files and folders into the list of dump files to read, in a stable order.

    Folders are searched recursively for ``*.txt``; a path that does not exist is
    kept so that the import reports it.
    """
    found = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*.txt") if p.is_file()))
        else:
            found.append(path)
    return found


def _body_from(bulletin):
    blocks = []
    for section in bulletin.sections:
        if section.heading:
            blocks.append(("heading", section.heading))
        for paragraph in section.paragraphs:
            blocks.append(("paragraph", RichText(f"<p>{escape(paragraph)}</p>")))
    return blocks


def _fill(page, bulletin, legacy_id):
    page.title = bulletin.title
    page.date = bulletin.date
    page.lead = bulletin.lead
    page.body = _body_from(bulletin)
    page.author = bulletin.author
    page.author_note = bulletin.author_note
    page.legacy_id = legacy_id
    page.is_roundup = bulletin.title.startswith(ROUNDUP_TITLE_PREFIX)


def _read(path, max_bytes):
    if not path.exists():
        raise LegacyFormatError("không tìm thấy tệp")
    if not path.is_file():
        raise LegacyFormatError("không phải tệp thông thường")
    with path.open("rb") as handle:
        # Read one byte past the limit: enough to tell the file is too large
        # without loading a huge file into memory.
        return handle.read(max_bytes + 1)


def bulletin_import(*, path, section, update=False, publish=False, dry_run=False):
    """Import one dump file into ``section``; return a ``FileOutcome``, never raise for bad input.

    - same content imported before (same fingerprint): ``unchanged``, nothing written;
    - same file name (legacy id) with other content: ``skipped``, or with ``update``
      a new revision of the existing article (``updated``);
    - otherwise a new ArticlePage under ``section`` (``created``), a draft unless ``publish``.

    Each file is written all-or-nothing; ``dry_run`` does the whole import and rolls it back.
    """
    path = Path(path)
    max_bytes = settings.BANTIN_IMPORT_MAX_BYTES
    legacy_id = path.stem
    try:
        bulletin = parse_bulletin(_read(path, max_bytes), max_bytes)
    except (LegacyFormatError, OSError) as error:
        return FileOutcome(path, FAILED, str(error))

    fingerprint = bulletin.fingerprint
    same_content = ImportedBulletin.objects.filter(fingerprint=fingerprint).first()
    if same_content is not None:
        return FileOutcome(
            path, UNCHANGED, f"đã nhập ({same_content.legacy_id})", same_content.page_id
        )
    record = ImportedBulletin.objects.filter(legacy_id=legacy_id).select_related("page").first()
    if record is not None and not update:
        return FileOutcome(
            path,
            SKIPPED,
            "đã nhập trước đây nhưng nội dung nay khác; dùng --update để cập nhật",
            record.page_id,
        )

    try:
        with transaction.atomic():
            if record is None:
                page = ArticlePage(live=False)
                _fill(page, bulletin, legacy_id)
                section.add_child(instance=page)
                record = ImportedBulletin(legacy_id=legacy_id, page=page)
                status = CREATED
            else:
                page = record.page.get_latest_revision_as_object()
                _fill(page, bulletin, legacy_id)
                status = UPDATED
            revision = page.save_revision(log_action=True)
            if publish:
                revision.publish()
            record.fingerprint = fingerprint
            record.source_name = str(path)
            record.save()
            if dry_run:
                transaction.set_rollback(True)
    except ValidationError as error:
        messages = "; ".join(
            f"{name}: {', '.join(errs)}" for name, errs in error.message_dict.items()
        )
        return FileOutcome(path, FAILED, f"dữ liệu không hợp lệ: {messages}")
    return FileOutcome(path, status, "", None if dry_run else page.pk)


def bulletins_import(*, paths, section, update=False, publish=False, dry_run=False, progress=None):
    """Import every dump under ``paths``; return an ``ImportReport`` with one outcome per file.

    ``progress``, if given, wraps the list of files (e.g. a progress bar).
    """
    files = dump_paths(paths)
    report = ImportReport()
    for path in progress(files) if progress else files:
        report.outcomes.append(
            bulletin_import(
                path=path, section=section, update=update, publish=publish, dry_run=dry_run
            )
        )
    return report
