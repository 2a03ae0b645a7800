import csv
import datetime
import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import ModelLogEntry, PageLogEntry

from bantin.news.models import ArticlePage
from bantin.publishing.audit import (
    audit_chain_verify,
    audit_record_append,
    audit_records_append,
)
from bantin.publishing.models import AuditRecord
from tests.news.factories import make_article, make_section
from tests.publishing.conftest import PASSWORD, add_article, client_for, edit_page
from tests.publishing.test_permissions import approve


def verify():
    out = io.StringIO()
    call_command("verify_audit_log", stdout=out)
    return out.getvalue()


def test_every_editorial_action_is_recorded_with_who_and_what(home, section, staff):
    reporter, editor, chief = (client_for(staff[k]) for k in ("reporter", "editor", "chief"))
    add_article(reporter, section, "Tin được ghi nhật ký")
    page = ArticlePage.objects.get(title="Tin được ghi nhật ký")
    edit_page(reporter, page, lead="Sapo sửa.")
    edit_page(reporter, page, "action-submit")
    page.refresh_from_db()
    approve(editor, page)
    page.refresh_from_db()
    chief.post(
        f"/admin/pages/workflow/action/{page.pk}/reject/{page.current_workflow_task_state.pk}/",
        {"comment": "Xem lại"},
    )
    edit_page(chief, page, "action-publish")
    chief.post(f"/admin/pages/{page.pk}/unpublish/")
    other = make_section(home, "Thông báo")
    chief.post(f"/admin/pages/{page.pk}/move/{other.pk}/confirm/")
    chief.post(f"/admin/pages/{page.pk}/delete/")
    login = Client()
    assert (
        login.post("/admin/login/", {"username": "phongvien", "password": PASSWORD}).status_code
        == 302
    )
    login.post("/admin/logout/")

    actions = set(AuditRecord.objects.values_list("action", flat=True))
    for expected in (
        "wagtail.create",
        "wagtail.edit",
        "wagtail.workflow.start",
        "wagtail.workflow.approve",
        "wagtail.workflow.reject",
        "wagtail.publish",
        "wagtail.unpublish",
        "wagtail.move",
        "wagtail.delete",
        "bantin.login",
        "bantin.logout",
    ):
        assert expected in actions, expected
    created = AuditRecord.objects.get(action="wagtail.create", object_label="Tin được ghi nhật ký")
    assert created.user == staff["reporter"]
    assert created.object_label == "Tin được ghi nhật ký"
    assert created.page_path.startswith(section.path)
    published = AuditRecord.objects.get(action="wagtail.publish", user=staff["chief"])
    assert published.revision_id is not None
    assert published.action_label == "Xuất bản"
    assert (
        AuditRecord.objects.count() == PageLogEntry.objects.count() + ModelLogEntry.objects.count()
    )
    assert audit_chain_verify() is None
    assert "Nhật ký nguyên vẹn" in verify()


def test_scheduling_is_recorded(section, staff):
    own = make_article(section, "Hẹn giờ", live=False, owner=staff["chief"])
    go_live = timezone.localtime() + datetime.timedelta(days=1)
    edit_page(
        client_for(staff["chief"]),
        own,
        "action-publish",
        go_live_at=go_live.strftime("%Y-%m-%d %H:%M"),
    )
    assert AuditRecord.objects.filter(action="wagtail.publish.schedule").exists()


def test_entries_appended_together_chain_as_if_appended_one_by_one(section, staff):
    page = make_article(section, "Tin ghi nhật ký theo lô")
    first = AuditRecord.objects.count()
    entries = PageLogEntry.objects.bulk_create(
        PageLogEntry(
            content_type=page.content_type,
            label=page.title,
            action=action,
            timestamp=timezone.now(),
            page=page,
            user=staff["editor"] if action == "wagtail.edit" else None,
            data={},
        )
        for action in ("wagtail.edit", "wagtail.publish", "wagtail.unpublish")
    )
    (login,) = ModelLogEntry.objects.bulk_create(
        [
            ModelLogEntry(
                content_type=ContentType.objects.get_for_model(staff["chief"]),
                label="truongban",
                action="bantin.login",
                timestamp=timezone.now(),
                object_id=str(staff["chief"].pk),
                user=staff["chief"],
                data={},
            )
        ]
    )

    records = audit_records_append(entries=[*entries, login, entries[0]])

    assert [r.action for r in records] == [
        "wagtail.edit",
        "wagtail.publish",
        "wagtail.unpublish",
        "bantin.login",
    ]
    assert records[0].user == staff["editor"] and records[0].user_label == "bientapvien"
    assert records[1].user_label == "Hệ thống" and records[1].page_path == page.path
    assert records[1].action_label == "Xuất bản"
    assert AuditRecord.objects.count() == first + 4
    assert audit_chain_verify() is None
    # Appended again, alone or together: nothing is recorded twice.
    assert audit_record_append(entry=entries[1]).pk == records[1].pk
    assert audit_records_append(entries=entries) == []
    assert AuditRecord.objects.count() == first + 4
    assert audit_chain_verify() is None


@pytest.mark.parametrize("tamper", ["edit", "delete_middle", "delete_last"])
def test_tampering_with_the_database_is_caught(section, staff, tamper):
    for number in range(4):
        make_article(section, f"Tin {number}")
    records = list(AuditRecord.objects.order_by("id"))
    assert len(records) >= 8 and audit_chain_verify() is None
    target = records[len(records) // 2]
    if tamper == "edit":
        AuditRecord.objects.filter(pk=target.pk).update(object_label="Nội dung bị sửa lén")
    elif tamper == "delete_middle":
        AuditRecord.objects.filter(pk=target.pk).delete()
    else:
        AuditRecord.objects.filter(pk=records[-1].pk).delete()
    broken = audit_chain_verify()
    assert broken is not None
    with pytest.raises(CommandError) as error:
        verify()
    if tamper == "edit":
        assert broken.record_id == target.pk
        assert f"bản ghi số {target.pk}" in str(error.value)
        assert "bị sửa" in str(error.value)
    elif tamper == "delete_middle":
        assert broken.record_id == records[len(records) // 2 + 1].pk
    else:
        assert "bản ghi mới nhất đã bị xóa" in str(error.value)


def test_audit_report_filters_and_exports_for_chief_editors_only(home, section, staff):
    other = make_section(home, "Du lịch")
    make_article(section, "Tin lãnh đạo", owner=staff["reporter"])
    make_article(other, "Tin du lịch", owner=staff["reporter"])
    chief = client_for(staff["chief"])
    response = chief.get("/admin/nhat-ky-bien-tap/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Nhật ký biên tập" in text and "Tin du lịch" in text
    response = chief.get("/admin/nhat-ky-bien-tap/", {"section": section.path})
    text = response.content.decode()
    assert "Tin lãnh đạo" in text and "Tin du lịch" not in text
    response = chief.get("/admin/nhat-ky-bien-tap/", {"action": "wagtail.publish"})
    assert "Xuất bản" in response.content.decode()
    response = chief.get("/admin/nhat-ky-bien-tap/", {"user": staff["reporter"].pk})
    assert "Tin du lịch" in response.content.decode()
    response = chief.get("/admin/nhat-ky-bien-tap/", {"user": staff["chief"].pk})
    assert "Tin du lịch" not in response.content.decode()
    today = timezone.localdate()
    response = chief.get(
        "/admin/nhat-ky-bien-tap/", {"timestamp_from": str(today - datetime.timedelta(days=3))}
    )
    assert "Tin du lịch" in response.content.decode()
    response = chief.get(
        "/admin/nhat-ky-bien-tap/", {"timestamp_to": str(today - datetime.timedelta(days=3))}
    )
    assert "Tin du lịch" not in response.content.decode()
    response = chief.get(
        "/admin/nhat-ky-bien-tap/",
        {"section": other.path, "export": "csv"},
    )
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8"))))
    assert rows[0][:4] == ["Số thứ tự", "Thời điểm", "Người thực hiện", "Thao tác"]
    labels = {row[4] for row in rows[1:]}
    assert "Tin du lịch" in labels and "Tin lãnh đạo" not in labels

    for role in ("reporter", "editor"):
        assert client_for(staff[role]).get("/admin/nhat-ky-bien-tap/").status_code in (302, 403)


def test_records_cannot_be_changed_through_the_admin(section, staff):
    make_article(section, "Tin")
    admin = client_for(staff["admin"])
    record = AuditRecord.objects.first()
    for url in (
        f"/admin/snippets/publishing/auditrecord/edit/{record.pk}/",
        f"/admin/snippets/publishing/auditrecord/delete/{record.pk}/",
        f"/django-admin/publishing/auditrecord/{record.pk}/change/",
    ):
        assert admin.get(url).status_code == 404
        assert admin.post(url, {"object_label": "x"}).status_code in (403, 404, 405)
    assert AuditRecord.objects.get(pk=record.pk).object_label == record.object_label
    assert audit_chain_verify() is None
