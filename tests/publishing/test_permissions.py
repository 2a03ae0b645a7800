"""Who may do what, through the admin's real HTTP endpoints, including direct POSTs
that the interface would not offer to that role."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page, WorkflowState

from bantin.news.models import ArticlePage
from tests.news.factories import make_article
from tests.publishing.conftest import PASSWORD, add_article, client_for, edit_page

ROLES = ("reporter", "editor", "chief", "admin")
ALLOWED = {
    "create": {"reporter", "editor", "chief", "admin"},
    "edit_own": {"reporter", "editor", "chief", "admin"},
    "edit_others": {"editor", "chief", "admin"},
    "submit": {"reporter", "editor", "chief", "admin"},
    "approve_step_1": {"editor"},
    "approve_step_2": {"chief"},
    "publish_directly": {"chief", "admin"},
    "unpublish": {"chief", "admin"},
    "schedule": {"chief", "admin"},
    "delete": {"chief", "admin"},
    "manage_users": {"admin"},
}


def latest_title(page):
    return ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object().title


def submitted(section, staff, step):
    """A reporter's article in review, at step 1 or 2 of the workflow."""
    article = make_article(section, f"Chờ duyệt bước {step}", live=False, owner=staff["reporter2"])
    workflow = article.get_workflow()
    workflow.start(article, staff["reporter2"])
    if step == 2:
        article.current_workflow_task_state.approve(user=staff["editor"])
    return ArticlePage.objects.get(pk=article.pk)


def in_progress_task(page):
    state = page.workflow_states.filter(status=WorkflowState.STATUS_IN_PROGRESS).first()
    return state.current_task_state if state else None


def approve(client, page):
    task_state = in_progress_task(page)
    before = task_state.task.name
    client.post(f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/")
    page = ArticlePage.objects.get(pk=page.pk)
    after = in_progress_task(page)
    return after is None or after.task.name != before


def act(action, client, user, section, staff):
    own = make_article(section, "Bài của tôi", live=False, owner=user)
    if action == "create":
        add_article(client, section, "Bài mới tạo")
        return ArticlePage.objects.filter(title="Bài mới tạo").exists()
    if action == "edit_own":
        edit_page(client, own, title="Bài của tôi (đã sửa)")
        return latest_title(own) == "Bài của tôi (đã sửa)"
    if action == "edit_others":
        other = make_article(section, "Bài người khác", live=False, owner=staff["reporter2"])
        edit_page(client, other, title="Bị sửa")
        return latest_title(other) == "Bị sửa"
    if action == "submit":
        edit_page(client, own, "action-submit")
        return in_progress_task(own) is not None
    if action == "approve_step_1":
        return approve(client, submitted(section, staff, 1))
    if action == "approve_step_2":
        return approve(client, submitted(section, staff, 2))
    if action == "publish_directly":
        edit_page(client, own, "action-publish")
        return ArticlePage.objects.get(pk=own.pk).live
    if action == "unpublish":
        live = make_article(section, "Bài đang xuất bản", owner=staff["reporter2"])
        client.post(f"/admin/pages/{live.pk}/unpublish/")
        return not ArticlePage.objects.get(pk=live.pk).live
    if action == "schedule":
        go_live = timezone.localtime() + datetime.timedelta(days=2)
        edit_page(client, own, "action-publish", go_live_at=go_live.strftime("%Y-%m-%d %H:%M"))
        latest = ArticlePage.objects.get(pk=own.pk).get_latest_revision()
        return latest.approved_go_live_at is not None
    if action == "delete":
        live = make_article(section, "Bài sẽ xóa", owner=staff["reporter2"])
        client.post(f"/admin/pages/{live.pk}/delete/")
        return not Page.objects.filter(pk=live.pk).exists()
    if action == "manage_users":
        client.post(
            "/admin/users/new/",
            {
                "username": "nguoimoi",
                "email": "nguoimoi@bantin.test",
                "first_name": "Người",
                "last_name": "Mới",
                "password1": PASSWORD,
                "password2": PASSWORD,
                "is_active": "on",
            },
        )
        return get_user_model().objects.filter(username="nguoimoi").exists()
    raise AssertionError(action)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(ALLOWED))
def test_permission_matrix(role, action, section, staff):
    user = staff[role]
    happened = act(action, client_for(user), user, section, staff)
    assert happened == (role in ALLOWED[action]), (
        f"{role} {'could' if happened else 'could not'} {action}"
    )


def test_section_scoped_roles_stop_at_their_section(home, section, staff):
    from django.core.management import call_command

    from bantin.publishing import roles
    from tests.news.factories import make_section
    from tests.publishing.conftest import make_user

    economy = make_section(home, "Kinh tế")
    call_command("setup_roles", "--section", economy.slug, verbosity=0)
    editor = make_user("bientap_kinhte", f"{roles.EDITOR} – Kinh tế")
    client = client_for(editor)
    inside = make_article(economy, "Tin kinh tế", live=False, owner=staff["reporter2"])
    outside = make_article(section, "Tin lãnh đạo", live=False, owner=staff["reporter2"])
    edit_page(client, inside, title="Tin kinh tế (sửa)")
    edit_page(client, outside, title="Tin lãnh đạo (sửa)")
    assert latest_title(inside) == "Tin kinh tế (sửa)"
    assert latest_title(outside) == "Tin lãnh đạo"
    assert client.get(f"/admin/pages/add/news/articlepage/{section.pk}/").status_code != 200
    assert client.get(f"/admin/pages/add/news/articlepage/{economy.pk}/").status_code == 200
