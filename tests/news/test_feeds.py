"""RSS feeds: what aggregators read, and how cheaply they poll."""

import datetime

import feedparser
import pytest

from tests.news.factories import make_article

HIDDEN = ("Bản nháp chưa duyệt", "Tin nội bộ", "Tin đã hết hạn")


def parsed(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed, response


def test_all_news_feed_lists_published_articles_newest_first(client, news_portal):
    feed, _ = parsed(client, "/rss/")
    titles = [entry.title for entry in feed.entries]
    assert titles == [
        "Hội nghị tổng kết công tác năm 2024",
        "Chợ phiên vùng cao",
        "Thăm và chúc Tết",
    ]
    assert feed.version == "rss20"
    assert feed.feed.language == "vi"
    assert "Cổng thông tin điện tử tỉnh Thử Nghiệm" in feed.feed.title
    for hidden in HIDDEN:
        assert hidden not in titles


def test_items_carry_date_lead_category_author_and_image(client, news_portal):
    feed, response = parsed(client, "/rss/")
    entry = feed.entries[0]
    assert entry.link == "http://testserver" + news_portal["meeting"].url
    assert entry.summary == news_portal["meeting"].lead
    assert [tag.term for tag in entry.tags] == ["Hoạt động của lãnh đạo tỉnh"]
    assert entry.author == "Bích Huệ (tổng hợp)"
    # The editor's date, in Vietnam's time zone.
    assert "+0700" in entry.published
    published = datetime.datetime(*entry.published_parsed[:6])
    assert published.date() == datetime.date(2025, 2, 6) or published.date() == datetime.date(
        2025, 2, 7
    )
    assert b"Fri, 07 Feb 2025 00:00:00 +0700" in response.content
    (enclosure,) = entry.enclosures
    assert enclosure.href.startswith("http://testserver/media/images/")
    assert enclosure.type == "image/png"
    assert int(enclosure.length) > 0


def test_section_feed_holds_only_its_subtree(client, news_portal):
    feed, _ = parsed(client, "/rss/tin-tuc-su-kien/")
    assert {entry.title for entry in feed.entries} == {
        "Hội nghị tổng kết công tác năm 2024",
        "Thăm và chúc Tết",
    }
    feed, _ = parsed(client, "/rss/tin-tuc-su-kien/hoat-dong-cua-lanh-dao-tinh/")
    assert [entry.title for entry in feed.entries] == ["Hội nghị tổng kết công tác năm 2024"]
    assert "Hoạt động của lãnh đạo tỉnh" in feed.feed.title


@pytest.mark.parametrize(
    "url",
    ["/rss/khong-co/", "/rss/noi-bo/", "/rss/hoat-dong-cua-lanh-dao-tinh/", "/rss/a/b/c/d/"],
)
def test_unknown_or_private_section_feed_is_not_found(client, news_portal, url):
    assert client.get(url).status_code == 404


def test_feed_is_cached_and_answers_304_on_repeat(client, news_portal):
    first = client.get("/rss/")
    assert first["X-Page-Cache"] == "miss"
    again = client.get("/rss/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    since = client.get("/rss/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304


def test_uncached_feed_still_answers_conditionally(client, news_portal, settings):
    settings.PAGE_CACHE_ENABLED = False
    first = client.get("/rss/tin-tuc-su-kien/")
    assert first.has_header("Last-Modified")
    again = client.get("/rss/tin-tuc-su-kien/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 304


def test_publishing_an_article_shows_in_the_feeds_at_once(client, news_portal):
    client.get("/rss/")
    client.get("/rss/kinh-te/")
    assert client.get("/rss/kinh-te/")["X-Page-Cache"] == "hit"
    make_article(news_portal["economy"], "Giá nông sản tăng", date=datetime.date(2025, 2, 9))
    for url in ("/rss/", "/rss/kinh-te/"):
        feed, _ = parsed(client, url)
        assert feed.entries[0].title == "Giá nông sản tăng"


def test_unpublishing_or_editing_an_item_refreshes_the_feed(client, news_portal):
    client.get("/rss/")
    meeting = news_portal["meeting"]
    meeting.title = "Hội nghị tổng kết (đã sửa)"
    meeting.save_revision().publish()
    feed, _ = parsed(client, "/rss/")
    assert feed.entries[0].title == "Hội nghị tổng kết (đã sửa)"
    news_portal["market"].unpublish()
    feed, _ = parsed(client, "/rss/")
    assert "Chợ phiên vùng cao" not in [entry.title for entry in feed.entries]


def test_feed_directory_lists_every_public_section(client, news_portal):
    response = client.get("/kenh-rss/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/rss/"' in html
    assert 'href="/rss/tin-tuc-su-kien/hoat-dong-cua-lanh-dao-tinh/"' in html
    assert 'href="/rss/kinh-te/"' in html
    assert "/rss/noi-bo/" not in html
    assert 'href="/kenh-rss/"' in client.get("/").content.decode()


def test_a_feed_costs_the_same_queries_however_many_items(
    client, news_portal, image_factory, settings, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.PAGE_CACHE_ENABLED = False
    section = news_portal["meeting"].get_parent()

    def cost():
        client.get("/rss/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/rss/").status_code == 200
        return len(queries.captured_queries)

    few = cost()
    photo = image_factory(title="Ảnh thêm")
    for day in range(1, 16):
        make_article(
            section,
            f"Tin thêm {day}",
            date=datetime.date(2025, 3, day),
            featured_image=photo,
            author="Phóng viên",
            author_note="theo Báo Bắc Kạn",
        )
    assert cost() == few <= 4
