import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from bantin.publishing import roles
from tests.news.factories import make_section

PASSWORD = "mat-khau-thu-nghiem-2025"


@pytest.fixture
def section(home):
    news = make_section(home, "Tin tức - Sự kiện")
    return make_section(news, "Hoạt động của lãnh đạo tỉnh")


def make_user(username, role=None, **fields):
    user = get_user_model().objects.create_user(
        username=username, password=PASSWORD, email=f"{username}@bantin.test", **fields
    )
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def staff(db):
    """One user per editorial role (the groups come from the data migration)."""
    return {
        "reporter": make_user("phongvien", roles.REPORTER, first_name="Minh Anh"),
        "reporter2": make_user("phongvien2", roles.REPORTER),
        "editor": make_user("bientapvien", roles.EDITOR),
        "chief": make_user("truongban", roles.CHIEF_EDITOR),
        "admin": make_user("quantri", roles.ADMINISTRATOR),
    }


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def form_data(response, form_selector="form[method=post]"):
    """The values a browser would send for the page's main form, as a dict."""
    soup = BeautifulSoup(response.content, "html.parser")
    form = soup.select_one(form_selector)
    fields = form.select("input[name], textarea[name], select[name]")
    if form.get("id"):
        # Fields placed outside the form element (e.g. the scheduling dialog) join it by id.
        fields += soup.select(f'[form="{form["id"]}"][name]')
    data = {}
    for field in fields:
        name = field["name"]
        if field.name == "textarea":
            data[name] = field.get_text()
        elif field.name == "select":
            chosen = field.select_one("option[selected]")
            data[name] = chosen["value"] if chosen else ""
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        elif field.get("type") not in ("submit", "button", "file"):
            data[name] = field.get("value", "")
    data.setdefault("body-count", "0")
    for key, value in (
        ("TOTAL_FORMS", "0"),
        ("INITIAL_FORMS", "0"),
        ("MIN_NUM_FORMS", "0"),
        ("MAX_NUM_FORMS", "1000"),
    ):
        data.setdefault(f"comments-{key}", value)
    return data


def edit_page(client, page, action=None, **changes):
    """Open the page editor as ``client`` and post it back with ``changes`` and an action
    ("action-submit", "action-publish", ...). Returns the editor GET response if the user
    cannot even open it."""
    url = f"/admin/pages/{page.pk}/edit/"
    response = client.get(url)
    if response.status_code != 200:
        return response
    data = form_data(response, "form#page-edit-form")
    data.update(changes)
    if action:
        data[action] = action
    return client.post(url, data)


def add_article(client, section, title, action=None, **changes):
    url = f"/admin/pages/add/news/articlepage/{section.pk}/"
    response = client.get(url)
    if response.status_code != 200:
        return response
    data = form_data(response, "form#page-edit-form")
    data.update({"title": title, "slug": "", "lead": "Sapo.", "date": "2025-02-07"}, **changes)
    if action:
        data[action] = action
    return client.post(url, data)


def form_errors(response):
    """The error messages an editor would see on a re-rendered form."""
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        node.get_text(" ", strip=True)
        for node in soup.select(".error-message, .help-critical, .w-field__errors, [role=alert]")
    ]
