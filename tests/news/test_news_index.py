import datetime

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from tests.news.factories import make_article, make_section


@pytest.fixture
def sections(home):
    news = make_section(home, "Tin tức - Sự kiện")
    leaders = make_section(news, "Hoạt động của lãnh đạo tỉnh")
    economy = make_section(news, "Kinh tế")
    return news, leaders, economy


def titles(response):
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select(".article-list .card__title a")]


def test_section_lists_its_subsections_articles_newest_first(client, sections, image_factory):
    news, leaders, economy = sections
    make_article(leaders, "Ngày 3/2", date=datetime.date(2025, 2, 3))
    make_article(
        economy, "Ngày 7/2", date=datetime.date(2025, 2, 7), featured_image=image_factory()
    )
    make_article(news, "Ngày 5/2", date=datetime.date(2025, 2, 5))
    make_article(leaders, "Bản nháp", live=False)
    private = make_article(leaders, "Nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    response = client.get(news.url)
    assert titles(response) == ["Ngày 7/2", "Ngày 5/2", "Ngày 3/2"]
    soup = BeautifulSoup(response.content, "html.parser")
    first = soup.select_one(".article-list .card")
    assert first.select_one("img")
    assert first.select_one("time").get_text() == "07/02/2025"
    assert first.select_one(".card__lead").get_text() == "Sapo của bài Ngày 7/2."
    assert [a.get_text() for a in soup.select(".subsections a")] == [
        "Hoạt động của lãnh đạo tỉnh",
        "Kinh tế",
    ]
    assert titles(client.get(leaders.url)) == ["Ngày 3/2"]


def test_listing_query_count_stays_flat_as_the_section_grows(
    client, sections, image_factory, django_assert_max_num_queries
):
    news, leaders, _ = sections
    for day in range(1, 4):
        make_article(
            leaders, f"Tin {day}", date=datetime.date(2025, 1, day), featured_image=image_factory()
        )
    client.get(news.url)
    with django_assert_max_num_queries(30) as small:
        client.get(news.url)
    for day in range(4, 13):
        make_article(
            leaders, f"Tin {day}", date=datetime.date(2025, 1, day), featured_image=image_factory()
        )
    client.get(news.url)
    with django_assert_max_num_queries(30) as large:
        client.get(news.url)
    assert len(large.captured_queries) == len(small.captured_queries)


@pytest.mark.parametrize(
    ("query", "expected_page"),
    [
        ("", 1),
        ("?page=1", 1),
        ("?page=2", 2),
        ("?page=abc", 1),
        ("?page=", 1),
        ("?page=1.5", 1),
        ("?page=0", 2),
        ("?page=-3", 2),
        ("?page=999", 2),
        ("?page=99999999999999999999999999", 2),
        ("?page=%00", 1),
        ("?page=1&page=2", 2),
    ],
)
def test_pagination_never_fails(client, sections, query, expected_page):
    news, leaders, _ = sections
    for day in range(1, 16):
        make_article(leaders, f"Tin ngày {day}", date=datetime.date(2025, 1, day))
    response = client.get(news.url + query)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    current = soup.select_one(".pagination .is-current")
    assert current.get_text() == str(expected_page)
    assert len(titles(response)) == (12 if expected_page == 1 else 3)


def test_empty_section_says_so(client, sections):
    news, _, _ = sections
    response = client.get(news.url)
    assert "Chuyên mục chưa có bài viết nào được xuất bản." in response.content.decode()


def test_rebuild_listing_restores_the_listing_index(client, sections):
    from django.core.management import call_command

    from bantin.news.models import ListingEntry

    news, leaders, _ = sections
    make_article(leaders, "Tin còn lại", date=datetime.date(2025, 1, 5))
    ListingEntry.objects.all().delete()
    assert titles(client.get(leaders.url + "?page=1")) == []
    call_command("rebuild_listing")
    # One entry under the subsection, one under the section above it.
    assert ListingEntry.objects.count() == 2
    assert titles(client.get(leaders.url + "?page=1")) == ["Tin còn lại"]
