import datetime
import unicodedata

import pytest
from bs4 import BeautifulSoup

from bantin.importer.services import bulletin_import
from bantin.leaders.models import ArticleLeader
from bantin.leaders.selectors import article_leaders
from bantin.news import annotations
from bantin.news.models import ArticlePage
from tests.conftest import SEED_FILE
from tests.leaders.factories import make_leader, make_leader_index, make_seed_leaders
from tests.news.factories import make_article, make_section
from tests.publishing.conftest import client_for, edit_page, form_data


@pytest.fixture
def leaders_index(home):
    return make_leader_index(home)


@pytest.fixture
def seed_leaders(leaders_index):
    return make_seed_leaders(leaders_index)


@pytest.fixture
def activities(home):
    return make_section(make_section(home, "Tin tức - Sự kiện"), "Hoạt động của lãnh đạo tỉnh")


def names(article):
    return [leader.title for leader in article_leaders(ArticlePage.objects.get(pk=article.pk))]


def test_seed_article_links_exactly_the_five_leaders(seed_leaders, activities, client):
    outcome = bulletin_import(path=SEED_FILE, section=activities, publish=True)
    article = ArticlePage.objects.get(pk=outcome.page_id)
    assert article.is_roundup
    assert sorted(names(article)) == sorted(seed_leaders)
    soup = BeautifulSoup(client.get(article.url).content, "html.parser")
    shown = [a.get_text() for a in soup.select(".mentioned__list a")]
    assert sorted(shown) == sorted(seed_leaders)


def test_names_match_however_the_diacritics_are_composed(seed_leaders, activities):
    decomposed = unicodedata.normalize("NFD", "Đồng chí Phương Thị Thanh chủ trì.")
    article = make_article(activities, "Tin", lead=decomposed)
    assert names(article) == ["Phương Thị Thanh"]


def test_old_and_new_tone_placement_are_the_same_name(leaders_index, activities):
    make_leader(leaders_index, "Lê Văn Hòa", ["Giám đốc Sở Y tế"])
    article = make_article(activities, "Tin", lead="Ông Lê Văn Hoà phát biểu.")
    assert names(article) == ["Lê Văn Hòa"]


def test_a_title_links_whoever_held_it_on_the_article_date(leaders_index, activities):
    earlier = make_leader(
        leaders_index,
        "Lý Văn Tiền Nhiệm",
        ["Chủ tịch UBND tỉnh"],
        start=datetime.date(2016, 7, 1),
        end=datetime.date(2021, 6, 30),
    )
    current = make_leader(leaders_index, "Nguyễn Đăng Bình", ["Chủ tịch UBND tỉnh"])
    then = make_article(
        activities,
        "Tin cũ",
        date=datetime.date(2019, 3, 4),
        lead="Chủ tịch UBND tỉnh làm việc với các sở.",
    )
    now = make_article(
        activities,
        "Tin mới",
        date=datetime.date(2025, 2, 4),
        lead="Chủ tịch UBND tỉnh làm việc với các sở.",
    )
    assert names(then) == [earlier.title]
    assert names(now) == [current.title]


def test_a_deputy_title_is_not_the_chair_and_a_shared_title_links_nobody(seed_leaders, activities):
    article = make_article(activities, "Tin", lead="Phó Chủ tịch HĐND tỉnh dự hội nghị.")
    assert names(article) == []
    article = make_article(activities, "Tin 2", lead="Chủ tịch HĐND tỉnh dự hội nghị.")
    assert names(article) == ["Phương Thị Thanh"]


def test_articles_annotated_in_a_row_read_the_leaders_once(
    seed_leaders, activities, django_assert_num_queries
):
    articles = [
        ArticlePage(title="Tin 1", lead="Chủ tịch HĐND tỉnh dự hội nghị."),
        ArticlePage(title="Tin 2", lead="Đồng chí Phương Thị Thanh chủ trì."),
        ArticlePage(title="Tin 3", lead="Không nhắc ai."),
    ]
    # The leaders, then their positions, once for the three.
    with annotations.annotating_many(), django_assert_num_queries(2):
        for article in articles:
            annotations.annotate(article)
    linked = [[link.leader.title for link in a.leader_links.all()] for a in articles]
    assert linked == [["Phương Thị Thanh"], ["Phương Thị Thanh"], []]


def test_editor_adds_and_removes_links_and_a_removed_link_stays_removed(
    seed_leaders, activities, staff
):
    article = make_article(
        activities,
        "Tin",
        lead="Bí thư Tỉnh ủy Hoàng Duy Chinh làm việc.",
        owner=staff["chief"],
    )
    assert names(article) == ["Hoàng Duy Chinh"]
    chief = client_for(staff["chief"])
    response = chief.get(f"/admin/pages/{article.pk}/edit/")
    assert "Lãnh đạo được nhắc đến" in response.content.decode()
    data = form_data(response, "form#page-edit-form")
    link = ArticleLeader.objects.get(article=article)
    data.update(
        {
            "leader_links-TOTAL_FORMS": "2",
            "leader_links-INITIAL_FORMS": "1",
            "leader_links-MIN_NUM_FORMS": "0",
            "leader_links-MAX_NUM_FORMS": "1000",
            "leader_links-0-id": str(link.pk),
            "leader_links-0-leader": str(link.leader_id),
            "leader_links-0-excluded": "on",
            "leader_links-0-ORDER": "1",
            "leader_links-1-id": "",
            "leader_links-1-leader": str(seed_leaders["Nguyễn Đăng Bình"].pk),
            "leader_links-1-ORDER": "2",
            "action-publish": "action-publish",
        }
    )
    response = chief.post(f"/admin/pages/{article.pk}/edit/", data)
    assert response.status_code == 302
    assert names(article) == ["Nguyễn Đăng Bình"]
    # Saving again (the text still names him) does not bring the removed link back.
    edit_page(
        chief,
        ArticlePage.objects.get(pk=article.pk),
        "action-publish",
        lead="Bí thư Tỉnh ủy Hoàng Duy Chinh làm việc lần hai.",
    )
    assert names(article) == ["Nguyễn Đăng Bình"]
    assert ArticleLeader.objects.get(
        article=article, leader=seed_leaders["Hoàng Duy Chinh"]
    ).excluded


def test_a_draft_preview_shows_the_drafts_leaders(seed_leaders, activities, staff):
    article = make_article(
        activities,
        "Tin nháp",
        live=False,
        owner=staff["chief"],
        lead="Chủ tịch UBND tỉnh Nguyễn Đăng Bình làm việc.",
    )
    response = client_for(staff["chief"]).get(f"/admin/pages/{article.pk}/view_draft/")
    soup = BeautifulSoup(response.content, "html.parser")
    assert [a.get_text() for a in soup.select(".mentioned__list a")] == ["Nguyễn Đăng Bình"]
