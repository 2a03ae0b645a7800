"""Bring the legacy portal's article dumps into the portal as ArticlePages."""

import itertools
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.html import escape
from wagtail.log_actions import log
from wagtail.models import Page, Revision
from wagtail.rich_text import RichText
from wagtail.signals import page_published

from bantin.importer.batches import article_updates_deferred
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
# Files written in one transaction, indexed and invalidated together.
BATCH_SIZE = 200
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


class _Placement:
    """Where a batch's new articles go in the page tree: after the section's last child.

    The section's row stays locked until the batch commits, so nobody else adds a child
    meanwhile (``add_child`` takes the same lock); the section's child count is brought
    up to date once, by ``finish()``.
    """

    def __init__(self, section):
        self.section = section
        locked = Page.objects.select_for_update().filter(pk=section.pk)
        self.depth, numchild = locked.values_list("depth", "numchild").get()
        last = (
            Page.objects.filter(path__startswith=section.path, depth=self.depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        self.depth += 1
        self.step = Page._str2int(last[-Page.steplen :]) if last else 0
        self.added = 0

    def place(self, page):
        if len(Page._int2str(self.step + 1)) > Page.steplen:
            raise ValidationError({"path": "chuyên mục đã đầy, không thêm được bài"})
        page.depth = self.depth
        page.path = Page._get_path(self.section.path, self.depth, self.step + 1)
        # Wagtail and the portal ask for the parent (slug, URL path): no query for it.
        page._cached_parent_obj = self.section

    def placed(self):
        """Count the page last placed, once its savepoint is released."""
        self.step += 1
        self.added += 1

    def finish(self):
        if self.added:
            Page.objects.filter(pk=self.section.pk).update(numchild=F("numchild") + self.added)
            self.section.numchild += self.added


def _article_create(placement, page, *, publish):
    """Add ``page`` under the placement's section with its first revision, published if
    ``publish``; raise ``ValidationError`` if the page is not valid.

    The same rows, log entries ("created", then "published" with the revision) and signal
    as creating and publishing the page in the admin, with one save of the page instead
    of three: it is written already in the state publishing leaves it in.
    """
    if publish:
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = timezone.now()
    else:
        page.live = False
        page.has_unpublished_changes = True
    placement.place(page)
    # Saving a draft cleans it only minimally; a new revision is validated in full.
    page.full_clean()
    page.save(clean=False)
    revision = Revision.objects.create(
        content_object=page,
        base_content_type=page.get_base_content_type(),
        content=page.serializable_data(),
        object_str=str(page),
    )
    page.latest_revision = revision
    page.latest_revision_created_at = revision.created_at
    if publish:
        page.live_revision = revision
    Page.objects.filter(pk=page.pk).update(
        latest_revision=revision,
        latest_revision_created_at=revision.created_at,
        live_revision=page.live_revision,
    )
    if publish:
        log(instance=page, action="wagtail.publish", revision=revision, content_changed=True)
        page_published.send(sender=ArticlePage, instance=page, revision=revision)
    return page


def _item_import(path, *, placement, update, publish, batch):
    max_bytes = settings.BANTIN_IMPORT_MAX_BYTES
    legacy_id = path.stem
    try:
        bulletin = parse_bulletin(_read(path, max_bytes), max_bytes)
    except (LegacyFormatError, OSError) as error:
        return FileOutcome(path, FAILED, str(error))

    fingerprint = bulletin.fingerprint
    known = {
        (record.fingerprint == fingerprint, record.legacy_id == legacy_id): record
        for record in ImportedBulletin.objects.filter(
            Q(fingerprint=fingerprint) | Q(legacy_id=legacy_id)
        ).order_by("-pk")
    }
    same_content = known.get((True, True)) or known.get((True, False))
    if same_content is not None:
        return FileOutcome(
            path, UNCHANGED, f"đã nhập ({same_content.legacy_id})", same_content.page_id
        )
    record = known.get((False, True))
    if record is not None and not update:
        return FileOutcome(
            path,
            SKIPPED,
            "đã nhập trước đây nhưng nội dung nay khác; dùng --update để cập nhật",
            record.page_id,
        )

    try:
        # A savepoint: a dump that fails leaves nothing behind, the rest of the batch stays.
        with transaction.atomic():
            if record is None:
                page = ArticlePage()
                _fill(page, bulletin, legacy_id)
                _article_create(placement, page, publish=publish)
                record = ImportedBulletin(legacy_id=legacy_id, page=page)
                status = CREATED
            else:
                page = record.page.get_latest_revision_as_object()
                _fill(page, bulletin, legacy_id)
                revision = page.save_revision(log_action=True)
                if publish:
                    revision.publish()
                status = UPDATED
            record.fingerprint = fingerprint
            record.source_name = str(path)
            record.save()
    except ValidationError as error:
        messages = "; ".join(
            f"{name}: {', '.join(errs)}" for name, errs in error.message_dict.items()
        )
        return FileOutcome(path, FAILED, f"dữ liệu không hợp lệ: {messages}")
    if status == CREATED:
        placement.placed()
    batch.add(page)
    return FileOutcome(path, status, "", page.pk)


def _batch_import(files, *, section, update, publish, dry_run):
    outcomes = []
    with transaction.atomic():
        placement = _Placement(section)
        with article_updates_deferred() as batch:
            for path in files:
                outcomes.append(
                    _item_import(
                        Path(path),
                        placement=placement,
                        update=update,
                        publish=publish,
                        batch=batch,
                    )
                )
            placement.finish()
            if dry_run:
                batch.articles.clear()
        if dry_run:
            transaction.set_rollback(True)
            for outcome in outcomes:
                outcome.page_id = None
    return outcomes


def bulletin_import(*, path, section, update=False, publish=False, dry_run=False):
    """Import one dump file into ``section``; return a ``FileOutcome``, never raise for bad input.

    - same content imported before (same fingerprint): ``unchanged``, nothing written;
    - same file name (legacy id) with other content: ``skipped``, or with ``update``
      a new revision of the existing article (``updated``);
    - otherwise a new ArticlePage under ``section`` (``created``), a draft unless ``publish``.

    The file is written all-or-nothing; ``dry_run`` does the whole import and rolls it back.
    """
    return _batch_import([path], section=section, update=update, publish=publish, dry_run=dry_run)[
        0
    ]


def bulletins_import(
    *,
    paths,
    section,
    update=False,
    publish=False,
    dry_run=False,
    progress=None,
    batch_size=BATCH_SIZE,
):
    """Import every dump under ``paths``; return an ``ImportReport`` with one outcome per file.

    Each file is imported as ``bulletin_import`` would, all-or-nothing, but ``batch_size``
    files share a transaction, and their search and reference indexing and cache
    invalidation are done once per batch. A file that fails is reported and leaves the
    others of its batch alone. ``progress``, if given, wraps the list of files (e.g. a
    progress bar).
    """
    files = dump_paths(paths)
    report = ImportReport()
    remaining = iter(progress(files) if progress else files)
    while batch := _batch_import(
        itertools.islice(remaining, batch_size),
        section=section,
        update=update,
        publish=publish,
        dry_run=dry_run,
    ):
        report.outcomes.extend(batch)
    return report
