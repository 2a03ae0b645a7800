from io import StringIO

import polib
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Page, WorkflowPage

from bantin.news.models import ArticlePage
from bantin.publishing import roles
from tests.news.factories import make_article
from tests.publishing.conftest import client_for


def test_migration_created_the_roles_and_the_workflow(db):
    assert set(roles.ROLES) <= set(Group.objects.values_list("name", flat=True))
    workflow = WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow
    assert workflow.name == "Duyệt tin hai bước"
    assert [task.name for task in workflow.tasks] == ["Biên tập", "Phê duyệt"]
    assert [g.name for g in workflow.tasks[0].specific.groups.all()] == [roles.EDITOR]
    assert [g.name for g in workflow.tasks[1].specific.groups.all()] == [roles.CHIEF_EDITOR]


def test_setup_roles_is_idempotent(db):
    before = (Group.objects.count(), GroupPagePermission.objects.count())
    out = StringIO()
    call_command("setup_roles", stdout=out)
    call_command("setup_roles", stdout=out)
    assert (Group.objects.count(), GroupPagePermission.objects.count()) == before
    assert "Đã áp dụng 4 vai trò." in out.getvalue()


def test_setup_roles_rejects_an_unknown_section(db):
    import pytest
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="Không có chuyên mục"):
        call_command("setup_roles", "--section", "khong-co", stdout=StringIO())


def test_chief_editor_compares_and_reverts_revisions(client, section, staff):
    article = make_article(section, "Bản đầu", owner=staff["reporter"])
    first = article.latest_revision
    article.title = "Bản hai"
    article.save_revision(user=staff["reporter"]).publish()
    chief = client_for(staff["chief"])
    compare = chief.get(f"/admin/pages/{article.pk}/revisions/compare/{first.pk}...live/")
    assert compare.status_code == 200
    assert "So sánh" in compare.content.decode()
    revert = chief.get(f"/admin/pages/{article.pk}/revisions/{first.pk}/revert/")
    assert revert.status_code == 200
    from tests.publishing.conftest import form_data

    data = form_data(revert, "form#page-edit-form")
    data["action-publish"] = "action-publish"
    chief.post(f"/admin/pages/{article.pk}/revisions/{first.pk}/revert/", data)
    assert ArticlePage.objects.get(pk=article.pk).title == "Bản đầu"
    assert client.get(article.url).status_code == 200


def test_compiled_catalogue_matches_its_source():
    folder = settings.LOCALE_PATHS[0] / "vi" / "LC_MESSAGES"
    for domain in ("django", "djangojs"):
        source = {
            (e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural.get(0)
            for e in polib.pofile(str(folder / f"{domain}.po"))
            if e.translated()
        }
        compiled = {
            (e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural.get(0)
            for e in polib.mofile(str(folder / f"{domain}.mo"))
            if e.msgid
        }
        assert source == compiled, f"chạy: msgfmt -o {domain}.mo {domain}.po"
