"""The admin screens of the editorial workflow speak Vietnamese, for every role."""

import re
from functools import cache
from pathlib import Path

import polib
import pytest
import wagtail
from bs4 import BeautifulSoup
from django.utils import translation

from tests.news.factories import make_article
from tests.publishing.conftest import client_for, edit_page
from tests.publishing.test_permissions import submitted

ENGLISH_WORDS = re.compile(
    r"\b(the|and|of|to|your|you|page|pages|edit|add|delete|save|publish|cancel|search|"
    r"settings|status|actions|more|view|live|draft|history|revisions?|workflow|submit|"
    r"approve|reports?|users?|groups?|images?|documents?|help|sort|filter|title|updated|"
    r"created|by|with|no|yes)\b",
    re.IGNORECASE,
)
ATTRIBUTES = ("placeholder", "aria-label", "title", "alt", "data-w-tooltip-content-value")


@cache
def english_labels():
    """Every user-facing English string of Wagtail and Django that lacks a Vietnamese
    translation in the running portal."""
    roots = [Path(wagtail.__file__).parent, Path(translation.__file__).parents[2]]
    labels = set()
    with translation.override("vi"):
        for root in roots:
            for po_path in root.rglob("locale/en/LC_MESSAGES/django.po"):
                for entry in polib.pofile(str(po_path)):
                    text = entry.msgid
                    if entry.msgid_plural or "%" in text or "{" in text or len(text) < 3:
                        continue
                    translated = (
                        translation.pgettext(entry.msgctxt, text)
                        if entry.msgctxt
                        else translation.gettext(text)
                    )
                    if translated == text and re.search("[a-z]", text):
                        labels.add(text)
    return labels


def untranslated(html):
    soup = BeautifulSoup(html, "html.parser")
    for node in soup(["script", "style", "template", "svg", "code", "pre"]):
        node.decompose()
    texts = [s.strip() for s in soup.find_all(string=True)]
    for tag in soup.find_all(True):
        texts += [tag.get(name, "") for name in ATTRIBUTES if isinstance(tag.get(name), str)]
    found = set()
    for text in texts:
        text = " ".join(text.split())
        if not text or not re.search("[A-Za-z]", text):
            continue
        plain_english = re.fullmatch(r"[A-Za-z ,.:?!'’/&()-]+", text) and ENGLISH_WORDS.search(text)
        if text in english_labels() or plain_english:
            found.add(text)
    return found


# Names, abbreviations and content (the title of Wagtail's own welcome page, which the
# audit log lists after the test site replaces it) are not labels.
ALLOWED = {
    "Wagtail",
    "Facebook",
    "Zalo",
    "OK",
    "URL",
    "ID",
    "API",
    "PDF",
    "CSV",
    "XLSX",
    "Welcome to your new Wagtail site!",
}


def screens(role, page, reviewing, section):
    common = [
        "/admin/",
        f"/admin/pages/{section.pk}/",
        f"/admin/pages/{page.pk}/edit/",
        f"/admin/pages/add/news/articlepage/{section.pk}/",
        f"/admin/pages/{page.pk}/history/",
        f"/admin/pages/{page.pk}/revisions/compare/earliest...latest/",
        f"/admin/pages/{reviewing.pk}/edit/",
        "/admin/account/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/reports/locked/",
    ]
    if role == "chief":
        common += ["/admin/nhat-ky-bien-tap/", f"/admin/pages/{page.pk}/revisions/"]
    if role == "admin":
        common += ["/admin/users/", "/admin/groups/", "/admin/users/new/"]
    return common


@pytest.mark.parametrize("role", ["reporter", "editor", "chief", "admin"])
def test_admin_screens_have_no_english_labels(role, section, staff):
    user = staff[role]
    client = client_for(user)
    page = make_article(section, "Bài thử giao diện", owner=user)
    edit_page(client, page, lead="Sapo lần hai.")
    reviewing = submitted(section, staff, 1)
    problems = {}
    for url in screens(role, page, reviewing, section):
        response = client.get(url)
        if response.status_code != 200:
            continue
        found = untranslated(response.content.decode()) - ALLOWED
        if found:
            problems[url] = sorted(found)
    assert not problems, problems


def test_login_page_is_vietnamese(client, db):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert not untranslated(response.content.decode()) - ALLOWED
    assert "Đăng nhập" in response.content.decode()
