"""Uncached pages cost a small number of queries, whatever the size of the archive."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bantin.news.models import ArticlePage
from tests.news.factories import make_article, make_section

BUDGETS = {"article": 6, "section": 6, "section_deep": 6, "home": 10, "missing": 3}


def add_articles(section, count, start, image=None):
    """Published articles straight into the tree (no revisions: only their number matters)."""
    for number in range(start, start + count):
        day = datetime.date(2020, 1, 1) + datetime.timedelta(days=number)
        section.add_child(
            instance=ArticlePage(
                title=f"Bản tin số {number}",
                lead=f"Sapo của bản tin số {number}.",
                date=day,
                live=True,
                featured_image=image,
                first_published_at=datetime.datetime(
                    day.year, day.month, day.day, tzinfo=datetime.UTC
                ),
            )
        )


def costs(client, urls):
    counted = {}
    for name, url in urls.items():
        client.get(url)  # fills the site, menu and settings caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == (404 if name == "missing" else 200), name
        counted[name] = len(queries.captured_queries)
    return counted


@pytest.mark.django_db
def test_query_counts_stay_flat_from_ten_to_a_thousand_articles(
    client, home, settings, image_factory
):
    settings.PAGE_CACHE_ENABLED = False
    news = make_section(home, "Tin tức - Sự kiện", show_in_menus=True)
    economy = make_section(news, "Kinh tế", show_in_menus=True)
    make_section(home, "Văn hóa - Xã hội", show_in_menus=True)
    image = image_factory()
    article = make_article(economy, "Bài theo dõi", featured_image=image)
    add_articles(economy, 9, 0, image=image)
    urls = {
        "article": article.url,
        "section": news.url,
        "section_deep": news.url + "?page=2",
        "home": home.url,
        "missing": "/khong-co-trang-nay/",
    }
    small = costs(client, urls)
    add_articles(economy, 990, 9, image=image)
    urls["section_deep"] = news.url + "?page=80"
    large = costs(client, urls)
    assert large == small
    assert all(large[name] <= budget for name, budget in BUDGETS.items()), large
