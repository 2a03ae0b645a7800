"""Bring the legacy portal's article dumps into the portal as ArticlePages."""

import functools
import itertools
import operator
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connections, router, transaction
from django.db.models import CharField, F, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.html import escape
from modelcluster.models import get_all_child_relations
from wagtail.log_actions import get_active_log_context
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.rich_text import RichText
from wagtail.signals import page_published

from bantin.core import text
from bantin.core.models import normalise_fields
from bantin.importer.batches import article_updates_deferred
from bantin.importer.legacy_text import LegacyBulletin, LegacyFormatError, parse_bulletin
from bantin.importer.models import ImportedBulletin
from bantin.news import annotations
from bantin.news.listing import listings_refresh
from bantin.news.models import ArticlePage
from bantin.publishing.audit import audit_records_append
from bantin.search import engines

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
        depth, self.locale_id = locked.values_list("depth", "locale").get()
        last = (
            Page.objects.filter(path__startswith=section.path, depth=depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        self.depth = depth + 1
        self.step = Page._str2int(last[-Page.steplen :]) if last else 0
        self.added = 0

    def place(self, page, offset):
        """Put ``page`` at the free position ``offset`` (0: the first), its parent known."""
        step = self.step + offset + 1
        if len(Page._int2str(step)) > Page.steplen:
            raise ValidationError({"path": "chuyên mục đã đầy, không thêm được bài"})
        page.depth = self.depth
        page.path = Page._get_path(self.section.path, self.depth, step)
        # Wagtail and the portal ask for the parent (slug, URL path): no query for it.
        page._cached_parent_obj = self.section

    def placed(self, count):
        """Count the first ``count`` free positions as taken, once their writes are kept."""
        self.step += count
        self.added += count

    def finish(self):
        if self.added:
            Page.objects.filter(pk=self.section.pk).update(numchild=F("numchild") + self.added)
            self.section.numchild += self.added


@dataclass
class _Dump:
    """One file of a batch: what was read from it and, once known, its outcome."""

    path: Path
    outcome: FileOutcome | None = None
    bulletin: LegacyBulletin | None = None
    fingerprint: str = ""

    @property
    def legacy_id(self):
        return self.path.stem

    def fail(self, message):
        self.outcome = FileOutcome(self.path, FAILED, message)


def _dump_read(path):
    dump = _Dump(path)
    max_bytes = settings.BANTIN_IMPORT_MAX_BYTES
    try:
        dump.bulletin = parse_bulletin(_read(path, max_bytes), max_bytes)
    except (LegacyFormatError, OSError) as error:
        dump.fail(str(error))
    else:
        dump.fingerprint = dump.bulletin.fingerprint
    return dump


def _chunks(values, size=500):
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start : start + size]


class _Records:
    """The ImportedBulletins sharing a fingerprint or a legacy id with the dumps read."""

    def __init__(self):
        self.by_fingerprint = {}
        self.by_legacy_id = {}

    def add(self, record):
        self.by_fingerprint.setdefault(record.fingerprint, {})[record.pk] = record
        self.by_legacy_id.setdefault(record.legacy_id, {})[record.pk] = record

    def read(self, dumps):
        fingerprints = sorted({dump.fingerprint for dump in dumps})
        legacy_ids = sorted({dump.legacy_id for dump in dumps})
        for some_fingerprints, some_legacy_ids in itertools.zip_longest(
            _chunks(fingerprints), _chunks(legacy_ids), fillvalue=()
        ):
            for record in ImportedBulletin.objects.filter(
                Q(fingerprint__in=some_fingerprints) | Q(legacy_id__in=some_legacy_ids)
            ):
                self.add(record)

    def known(self, dump):
        """``{(same content, same legacy id): record}``, the oldest record of each kind."""
        records = {
            **self.by_fingerprint.get(dump.fingerprint, {}),
            **self.by_legacy_id.get(dump.legacy_id, {}),
        }
        known = {}
        for pk in sorted(records):
            record = records[pk]
            known.setdefault(
                (record.fingerprint == dump.fingerprint, record.legacy_id == dump.legacy_id),
                record,
            )
        return known


def _invalid(error):
    if hasattr(error, "error_dict"):
        messages = "; ".join(
            f"{name}: {', '.join(errs)}" for name, errs in error.message_dict.items()
        )
    else:
        messages = "; ".join(error.messages)
    return f"dữ liệu không hợp lệ: {messages}"


class _SiblingSlugs:
    """The slugs taken under a section, read once for a run of new articles.

    Gives the slug ``core.models.unique_slug`` would: the base, else the first free of
    ``base-2``, ``base-3``...
    """

    def __init__(self, section, bases):
        self.section = section
        self.taken = set()
        self.read(bases)

    def read(self, bases):
        """Add the siblings' slugs that start with one of ``bases``."""
        children = self.section.get_children()
        for chunk in _chunks(sorted(set(bases) - {""})):
            starts = functools.reduce(operator.or_, (Q(slug__startswith=base) for base in chunk))
            self.taken.update(children.filter(starts).values_list("slug", flat=True))

    def free(self, base):
        candidate, suffix = base, 1
        while candidate in self.taken:
            suffix += 1
            candidate = f"{base}-{suffix}"
        return candidate

    def take(self, slug):
        self.taken.add(slug)


def _article_validate(page, *, placement, slugs, offset):
    """Set the defaults and make the checks of ``page.full_clean()``, which the admin runs
    on a page it publishes; raise ``ValidationError``.

    What is the same for every article of a batch is looked up once: the section's
    locale (what Wagtail gives a new child), the content type and the slugs taken under
    the section. The checks that would read the database for each article are answered
    by construction: the slug is free among the siblings read, the tree position is
    given under the section's lock and the translation key is new.
    """
    placement.place(page, offset)
    page.locale_id = placement.locale_id
    normalise_fields(page)
    base = text.slugify(page.slug or page.title)
    if not base:
        # Nothing to fold into a slug: Wagtail's own rules make one, checked against the
        # database only, then against the slugs this batch gives too.
        page.full_clean()
        if page.slug:
            slugs.read([page.slug])
            page.slug = slugs.free(page.slug)
        return
    page.slug = slugs.free(base)
    annotations.annotate(page)
    page.draft_title = page.title
    page.clean_fields(exclude=["content_type", "locale"])
    page.validate_constraints()


def _rows_per_statement(model, objs, fields=None):
    """How many of ``objs`` to insert per statement, for rows holding long escaped JSON
    (a page's body, a revision's content).

    On PostgreSQL, Django sends the rows of one statement as arrays, which psycopg, binding
    on the client, escapes character by character in Python: for such rows that costs
    several times more than sending a statement per row.
    """
    connection = connections[router.db_for_write(model)]
    if connection.vendor == "postgresql":
        return 1
    fields = fields or model._meta.concrete_fields
    return connection.ops.bulk_batch_size(fields, objs) or len(objs)


def _rows_insert(objs):
    """Insert the new ``objs``, all of one model, table by table as ``Model.save()`` does for
    one object, but in as few statements as ``_rows_per_statement`` allows: ``bulk_create``
    refuses models with a parent table, as page types have. No signal is sent."""
    model = type(objs[0])
    using = router.db_for_write(model)
    connection = connections[using]
    for table in [*reversed(model._meta.get_parent_list()), model]:
        meta = table._meta
        for parent, link in meta.parents.items():
            if link is not None:
                for obj in objs:
                    setattr(obj, link.attname, obj._get_pk_val(parent._meta))
        fields = [f for f in meta.local_concrete_fields if f is not meta.auto_field]
        returning = meta.db_returning_fields
        size = 1
        if connection.features.can_return_rows_from_bulk_insert:
            size = _rows_per_statement(table, objs, fields)
        for chunk in _chunks(objs, size):
            rows = table._base_manager._insert(
                chunk, fields=fields, returning_fields=returning, using=using
            )
            for obj, row in zip(chunk, rows or [], strict=False):
                for value, returned in zip(row, returning, strict=True):
                    setattr(obj, returned.attname, value)
    for obj in objs:
        obj._state.adding = False
        obj._state.db = using


def _children_insert(pages):
    """Write the child relations (leader links, tags, comments) the new ``pages`` hold in
    memory, a statement per relation for all pages, and announce each child as saving it
    would (``post_save``). A relation never set is set empty: a new page has none."""
    using = pages[0]._state.db
    for relation in get_all_child_relations(type(pages[0])):
        name = relation.get_accessor_name()
        children = []
        for page in pages:
            if name not in getattr(page, "_cluster_related_objects", {}):
                setattr(page, name, [])
            for child in getattr(page, name).all():
                setattr(child, relation.field.attname, page.pk)
                children.append(child)
        if children:
            relation.related_model.objects.using(using).bulk_create(children)
            for child in children:
                post_save.send(
                    sender=type(child),
                    instance=child,
                    created=True,
                    update_fields=None,
                    raw=False,
                    using=using,
                )


def _log_entry(page, action, *, revision=None):
    """The entry ``wagtail.log_actions.log(instance=page, action=action, revision=revision,
    content_changed=True)`` saves, unsaved; "created" is by the page's owner, as Wagtail
    logs it."""
    context = get_active_log_context()
    user = page.owner if action == "wagtail.create" else None
    return PageLogEntry(
        content_type=ContentType.objects.get_for_model(page, for_concrete_model=False),
        label=page.specific_deferred.get_admin_display_title(),
        action=action,
        timestamp=timezone.now(),
        data={},
        user=user or context.user,
        uuid=context.uuid,
        page=page,
        revision=revision,
        content_changed=True,
    )


def _articles_create(placement, dumps, *, publish):
    """Create an ArticlePage under the placement's section for each of ``dumps``, with its
    first revision, published if ``publish``; return ``[(dump, page, record)]`` for those
    written, ``record`` being the dump's ImportedBulletin.

    A dump whose article is not valid is given its failure and left out. The others are
    written together, each as creating and publishing it in the admin leaves it: the page
    rows (written once, in the state publishing leaves them), its child relations, its
    revision, the log entries "created" then "published" with the revision, appended to
    the audit chain in that order, its listing entries and the ``page_published`` signal.
    The caller counts the positions taken (``placement.placed``) once the writes are kept.
    """
    built = []
    for dump in dumps:
        page = ArticlePage()
        _fill(page, dump.bulletin, dump.legacy_id)
        built.append((dump, page))
    slugs = _SiblingSlugs(
        placement.section, [text.slugify(page.slug or page.title) for _, page in built]
    )
    written = []
    now = timezone.now()
    for dump, page in built:
        if publish:
            page.live = True
            page.has_unpublished_changes = False
            page.first_published_at = page.last_published_at = now
        else:
            page.live = False
            page.has_unpublished_changes = True
        record = ImportedBulletin(
            legacy_id=dump.legacy_id, fingerprint=dump.fingerprint, source_name=str(dump.path)
        )
        try:
            _article_validate(page, placement=placement, slugs=slugs, offset=len(written))
            record.clean_fields(exclude=["page"])
        except ValidationError as error:
            dump.fail(_invalid(error))
            continue
        slugs.take(page.slug)
        page.set_url_path(placement.section)
        written.append((dump, page, record))
    if not written:
        return []
    pages = [page for _, page, _ in written]

    _rows_insert(pages)
    _children_insert(pages)
    revisions = [
        Revision(
            content_type_id=page.content_type_id,
            base_content_type=page.get_base_content_type(),
            object_id=str(page.pk),
            content=page.serializable_data(),
            object_str=str(page),
            created_at=now,
        )
        for page in pages
    ]
    Revision.objects.bulk_create(revisions, batch_size=_rows_per_statement(Revision, revisions))
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision = revision
        page.latest_revision_created_at = revision.created_at
        page.live_revision = revision if publish else None
    # Each new page has this one revision: one statement points every page at its own.
    own_revision = Subquery(
        Revision.objects.filter(
            base_content_type=pages[0].get_base_content_type(),
            object_id=Cast(OuterRef("pk"), CharField()),
        ).values("pk")[:1]
    )
    Page.objects.filter(pk__in=[page.pk for page in pages]).update(
        latest_revision=own_revision,
        latest_revision_created_at=now,
        live_revision=own_revision if publish else None,
    )
    entries = []
    for page, revision in zip(pages, revisions, strict=True):
        entries.append(_log_entry(page, "wagtail.create"))
        if publish:
            entries.append(_log_entry(page, "wagtail.publish", revision=revision))
    audit_records_append(entries=PageLogEntry.objects.bulk_create(entries))
    for _, page, record in written:
        record.page = page
    ImportedBulletin.objects.bulk_create(record for _, _, record in written)
    listings_refresh(pages)
    if publish:
        for page, revision in zip(pages, revisions, strict=True):
            page_published.send(sender=ArticlePage, instance=page, revision=revision)
    return written


class _NewArticles:
    """The new articles of a batch, gathered, then written together by ``write()``; the
    records of those written join ``records``."""

    def __init__(self, placement, *, publish, batch, records):
        self.placement = placement
        self.records = records
        self.publish = publish
        self.batch = batch
        self.pending = []
        self.fingerprints = set()
        self.legacy_ids = set()

    def add(self, dump):
        self.pending.append(dump)
        self.fingerprints.add(dump.fingerprint)
        self.legacy_ids.add(dump.legacy_id)

    def clashes(self, dump):
        """Whether ``dump`` repeats the content or the file name of one gathered."""
        return dump.fingerprint in self.fingerprints or dump.legacy_id in self.legacy_ids

    def write(self):
        pending, self.pending = self.pending, []
        self.fingerprints.clear()
        self.legacy_ids.clear()
        if not pending:
            return
        try:
            with transaction.atomic():
                written = _articles_create(self.placement, pending, publish=self.publish)
        except (DatabaseError, ValidationError):
            # A write the checks did not foresee was refused: write the articles one by one,
            # each in its own savepoint, so that only the dump at fault fails.
            written = []
            for dump in pending:
                if dump.outcome is not None:
                    continue
                try:
                    with transaction.atomic():
                        one = _articles_create(self.placement, [dump], publish=self.publish)
                except ValidationError as error:
                    dump.fail(_invalid(error))
                except DatabaseError as error:
                    dump.fail(f"không ghi được vào cơ sở dữ liệu: {error}")
                else:
                    self.placement.placed(len(one))
                    written += one
        else:
            self.placement.placed(len(written))
        for dump, page, record in written:
            dump.outcome = FileOutcome(dump.path, CREATED, "", page.pk)
            self.batch.add(page, created=True)
            self.records.add(record)


def _article_update(dump, record, *, publish, batch):
    before = record.fingerprint, record.source_name
    try:
        # A savepoint: a dump that fails leaves nothing behind, the rest of the batch stays.
        with transaction.atomic():
            page = record.page.get_latest_revision_as_object()
            _fill(page, dump.bulletin, dump.legacy_id)
            revision = page.save_revision(log_action=True)
            if publish:
                revision.publish()
            record.fingerprint = dump.fingerprint
            record.source_name = str(dump.path)
            record.save()
    except ValidationError as error:
        record.fingerprint, record.source_name = before
        dump.fail(_invalid(error))
        return
    batch.add(page)
    dump.outcome = FileOutcome(dump.path, UPDATED, "", page.pk)


def _dump_import(dump, records, *, new, update, publish, batch):
    known = records.known(dump)
    same_content = known.get((True, True)) or known.get((True, False))
    if same_content is not None:
        dump.outcome = FileOutcome(
            dump.path, UNCHANGED, f"đã nhập ({same_content.legacy_id})", same_content.page_id
        )
        return
    record = known.get((False, True))
    if record is None:
        new.add(dump)
    elif update:
        _article_update(dump, record, publish=publish, batch=batch)
        records.add(record)
    else:
        dump.outcome = FileOutcome(
            dump.path,
            SKIPPED,
            "đã nhập trước đây nhưng nội dung nay khác; dùng --update để cập nhật",
            record.page_id,
        )


def _batch_import(files, *, section, update, publish, dry_run):
    dumps = [_dump_read(Path(path)) for path in files]
    if not dumps:
        return []
    readable = [dump for dump in dumps if dump.outcome is None]
    with transaction.atomic():
        placement = _Placement(section)
        with article_updates_deferred() as batch, annotations.annotating_many():
            records = _Records()
            records.read(readable)
            new = _NewArticles(placement, publish=publish, batch=batch, records=records)
            for dump in readable:
                if new.clashes(dump):
                    # The same content or file name twice in a batch: the second is
                    # compared with the first once that is written, as in a later batch.
                    new.write()
                _dump_import(dump, records, new=new, update=update, publish=publish, batch=batch)
            new.write()
            placement.finish()
            if dry_run:
                batch.articles.clear()
        if dry_run:
            transaction.set_rollback(True)
    outcomes = [dump.outcome for dump in dumps]
    if dry_run:
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
    if not dry_run and len(report.outcomes) >= batch_size:
        # A bulk load: the search tables' planner statistics are out of date.
        engines.statistics_refresh()
    return report
