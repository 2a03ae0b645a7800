"""The tamper-evident editorial log: every Wagtail log entry, chained by SHA-256."""

import hashlib
import json
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import translation
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import Page, PageLogEntry

from bantin.publishing.models import AuditChainHead, AuditRecord

GENESIS = "0" * 64
HASHED_FIELDS = (
    "timestamp",
    "action",
    "action_label",
    "user_id",
    "user_label",
    "object_label",
    "object_type",
    "object_id",
    "page_path",
    "revision_id",
    "data",
    "source",
    "source_id",
    "previous_hash",
)


def record_digest(record):
    """SHA-256 of the record's fields as canonical JSON (the ``hash`` it must carry)."""
    values = {name: getattr(record, name) for name in HASHED_FIELDS}
    values["timestamp"] = record.timestamp.isoformat(timespec="microseconds")
    payload = json.dumps(values, cls=DjangoJSONEncoder, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _action_label(action):
    with translation.override("vi"):
        try:
            return str(log_action_registry.get_action_label(action))
        except KeyError:
            return action


def _record(entry, *, page_path, user, previous_hash):
    content_type = (
        ContentType.objects.get_for_id(entry.content_type_id) if entry.content_type_id else None
    )
    record = AuditRecord(
        timestamp=entry.timestamp,
        action=entry.action,
        action_label=_action_label(entry.action),
        user=user,
        user_label=(user.get_full_name() or user.get_username()) if user else "Hệ thống",
        object_label=entry.label or "",
        object_type=f"{content_type.app_label}.{content_type.model}" if content_type else "",
        object_id=str(getattr(entry, "object_id", None) or entry.page_id or ""),
        page_path=page_path or "",
        revision_id=entry.revision_id,
        data=json.loads(json.dumps(entry.data or {}, cls=DjangoJSONEncoder)),
        source=entry._meta.label_lower,
        source_id=entry.pk,
        previous_hash=previous_hash,
    )
    record.hash = record_digest(record)
    return record


def _chunks(values, size=500):
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start : start + size]


def audit_records_append(*, entries):
    """Append the saved Wagtail log ``entries`` (page or model) to the chain, in their order;
    return the new records.

    Appends are serialised on the chain head's row, so concurrent writers still produce
    one unbroken chain; the head is locked once and the records are written together.
    An entry already recorded is not recorded twice.
    """
    entries = list(entries)
    if not entries:
        return []
    with transaction.atomic():
        AuditChainHead.objects.get_or_create(pk=1)
        head = AuditChainHead.objects.select_for_update().get(pk=1)
        recorded = set()
        for source in {entry._meta.label_lower for entry in entries}:
            ids = [entry.pk for entry in entries if entry._meta.label_lower == source]
            for chunk in _chunks(ids):
                recorded.update(
                    (source, source_id)
                    for source_id in AuditRecord.objects.filter(
                        source=source, source_id__in=chunk
                    ).values_list("source_id", flat=True)
                )
        page_ids = {
            entry.page_id for entry in entries if isinstance(entry, PageLogEntry) and entry.page_id
        }
        paths = {}
        for chunk in _chunks(page_ids):
            paths.update(Page.objects.filter(pk__in=chunk).values_list("pk", "path"))
        users = get_user_model().objects.in_bulk(
            {entry.user_id for entry in entries if entry.user_id}
        )
        previous = head.last_hash or GENESIS
        records = []
        for entry in entries:
            key = (entry._meta.label_lower, entry.pk)
            if key in recorded:
                continue
            recorded.add(key)
            # A user id that no longer resolves fails here as reading ``entry.user`` would.
            user = (users.get(entry.user_id) or entry.user) if entry.user_id else None
            page_path = paths.get(entry.page_id) if isinstance(entry, PageLogEntry) else ""
            record = _record(entry, page_path=page_path, user=user, previous_hash=previous)
            records.append(record)
            previous = record.hash
        if records:
            AuditRecord.objects.bulk_create(records)
            head.last_hash = previous
            head.length += len(records)
            head.save(update_fields=["last_hash", "length"])
        return records


def audit_record_append(*, entry):
    """Append the Wagtail log ``entry`` (page or model) to the chain; return its record.

    See ``audit_records_append``; an entry already recorded returns its existing record.
    """
    appended = audit_records_append(entries=[entry])
    if appended:
        return appended[0]
    return AuditRecord.objects.get(source=entry._meta.label_lower, source_id=entry.pk)


@dataclass
class ChainBreak:
    record_id: int | None
    reason: str


def audit_chain_verify():
    """Walk the chain oldest first; return the first ``ChainBreak``, or ``None`` if it is whole."""
    previous = GENESIS
    count = 0
    for record in AuditRecord.objects.order_by("id").iterator(chunk_size=2000):
        count += 1
        if record.previous_hash != previous:
            return ChainBreak(
                record.id, "mã băm bản ghi trước không khớp: có bản ghi bị xóa hoặc chèn"
            )
        if record_digest(record) != record.hash:
            return ChainBreak(record.id, "nội dung bản ghi đã bị sửa sau khi ghi")
        previous = record.hash
    head = AuditChainHead.objects.filter(pk=1).first()
    expected_length = head.length if head else 0
    expected_last = (head.last_hash if head else "") or GENESIS
    if count != expected_length or previous != expected_last:
        return ChainBreak(
            None,
            f"chuỗi có {count} bản ghi nhưng đầu chuỗi ghi {expected_length}: "
            "bản ghi mới nhất đã bị xóa",
        )
    return None
