import datetime

import time_machine
from django.core import mail
from django.utils import timezone
from wagtail.models import Page, WorkflowState

from bantin.news.models import ArticlePage
from bantin.publishing.services import scheduled_publish_run
from tests.news.factories import make_article
from tests.publishing.conftest import add_article, client_for, edit_page


def current_task_state(page):
    state = WorkflowState.objects.get(
        base_content_type__isnull=False,
        object_id=str(page.pk),
        status=WorkflowState.STATUS_IN_PROGRESS,
    )
    return state.current_task_state


def workflow_action(client, page, action, **data):
    task_state = current_task_state(page)
    url = f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/"
    return client.post(url, data)


def invisible_to_readers(client, page, section, home):
    page_url = f"{section.url}{page.slug}/"
    assert client.get(page_url).status_code == 404
    for url in (section.url, section.get_parent().url, "/"):
        assert page.title not in client.get(url).content.decode(), url


def test_reporter_editor_chief_happy_path(client, home, section, staff):
    reporter, editor, chief = (client_for(staff[k]) for k in ("reporter", "editor", "chief"))
    response = add_article(reporter, section, "Tin thử quy trình", action="action-submit")
    assert response.status_code == 302
    page = ArticlePage.objects.get(title="Tin thử quy trình")
    assert not page.live
    assert page.current_workflow_task.name == "Biên tập"
    assert any("bientapvien@bantin.test" in m.to for m in mail.outbox)
    invisible_to_readers(client, page, section, home)

    mail.outbox.clear()
    assert workflow_action(editor, page, "approve").status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Phê duyệt"
    assert any("truongban@bantin.test" in m.to for m in mail.outbox)
    invisible_to_readers(client, page, section, home)

    assert workflow_action(chief, page, "approve").status_code == 302
    page.refresh_from_db()
    assert page.live
    assert client.get(page.url).status_code == 200
    assert page.title in client.get(section.url).content.decode()


def test_request_changes_returns_the_article_to_its_author(client, home, section, staff):
    reporter, editor = client_for(staff["reporter"]), client_for(staff["editor"])
    add_article(reporter, section, "Tin cần sửa", action="action-submit")
    page = ArticlePage.objects.get(title="Tin cần sửa")
    mail.outbox.clear()
    response = workflow_action(editor, page, "reject", comment="Bổ sung nguồn tin.")
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    state = page.workflow_states.order_by("-created_at").first()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "Bổ sung nguồn tin."
    to_author = [m for m in mail.outbox if "phongvien@bantin.test" in m.to]
    assert to_author and "Bổ sung nguồn tin." in to_author[0].body
    invisible_to_readers(client, page, section, home)
    # The author edits and submits again; the review starts over.
    assert edit_page(reporter, page, "action-submit", lead="Sapo đã sửa.").status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Biên tập"


def test_approval_with_a_go_live_time_schedules_and_the_worker_publishes(client, section, staff):
    reporter, editor, chief = (client_for(staff[k]) for k in ("reporter", "editor", "chief"))
    go_live = timezone.localtime() + datetime.timedelta(days=1)
    add_article(
        reporter,
        section,
        "Tin hẹn giờ",
        action="action-submit",
        go_live_at=go_live.strftime("%Y-%m-%d %H:%M"),
    )
    page = ArticlePage.objects.get(title="Tin hẹn giờ")
    workflow_action(editor, page, "approve")
    workflow_action(chief, page, "approve")
    page.refresh_from_db()
    assert not page.live
    assert page.get_latest_revision().approved_go_live_at is not None
    assert scheduled_publish_run() == (0, 0)
    with time_machine.travel(go_live + datetime.timedelta(minutes=1), tick=False):
        assert scheduled_publish_run() == (1, 0)
        page.refresh_from_db()
        assert page.live
        assert client.get(page.url).status_code == 200


def test_expired_article_disappears_at_its_expiry_even_before_the_worker_runs(
    client, home, section, staff
):
    expiry = timezone.now() + datetime.timedelta(hours=2)
    page = make_article(section, "Tin có hạn", expire_at=expiry)
    assert client.get(page.url).status_code == 200
    with time_machine.travel(expiry + datetime.timedelta(seconds=1), tick=False):
        invisible_to_readers(client, page, section, home)
        page.refresh_from_db()
        assert page.live  # the worker has not run yet
        assert scheduled_publish_run() == (0, 1)
        page.refresh_from_db()
        assert not page.live and page.expired


def test_live_article_with_changes_under_review_keeps_showing_the_published_version(
    client, section, staff
):
    page = make_article(section, "Bản đã xuất bản", owner=staff["reporter"])
    reporter = client_for(staff["reporter"])
    edit_page(reporter, page, "action-submit", title="Bản đang chờ duyệt")
    body = client.get(page.url).content.decode()
    assert "Bản đã xuất bản" in body and "Bản đang chờ duyệt" not in body
    assert Page.objects.get(pk=page.pk).title == "Bản đã xuất bản"
