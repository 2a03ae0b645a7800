"""Link previews and structured data in the head of article, section and home pages."""

import contextvars
import datetime
import json

from bs4 import BeautifulSoup

from bantin.core import routing
from bantin.core.models import PortalSettings
from bantin.news.models import ArticlePage


def head(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").head


def meta(soup, key):
    node = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return node["content"] if node else None


def test_article_page_carries_open_graph_and_twitter_tags(client, news_portal):
    article = news_portal["meeting"]
    soup = head(client, article.url)
    url = "http://testserver" + article.url
    assert soup.find("link", rel="canonical")["href"] == url
    assert meta(soup, "og:type") == "article"
    assert meta(soup, "og:url") == url
    assert meta(soup, "og:title") == article.title
    assert meta(soup, "og:description") == article.lead
    assert meta(soup, "og:locale") == "vi_VN"
    assert meta(soup, "og:site_name") == "Cổng thông tin điện tử tỉnh Thử Nghiệm"
    assert meta(soup, "og:image").startswith("http://testserver/media/images/")
    assert (meta(soup, "og:image:width"), meta(soup, "og:image:height")) == ("960", "540")
    published = datetime.datetime.fromisoformat(meta(soup, "article:published_time"))
    assert published.utcoffset() == datetime.timedelta(hours=7)
    assert published.date() == datetime.date(2025, 2, 7)
    assert datetime.datetime.fromisoformat(meta(soup, "article:modified_time")) >= published
    assert meta(soup, "twitter:card") == "summary_large_image"
    assert meta(soup, "twitter:image") == meta(soup, "og:image")
    assert meta(soup, "description") == article.lead


def test_article_json_ld_is_a_news_article(client, news_portal):
    article = news_portal["meeting"]
    soup = head(client, article.url)
    (script,) = soup.find_all("script", type="application/ld+json")
    data = json.loads(script.string)
    url = "http://testserver" + article.url
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == article.title
    assert data["description"] == article.lead
    assert data["datePublished"].startswith("2025-02-07T00:00:00+07:00")
    assert datetime.datetime.fromisoformat(data["dateModified"]) >= datetime.datetime.fromisoformat(
        data["datePublished"]
    )
    assert data["author"] == {"@type": "Person", "name": "Bích Huệ"}
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    (image,) = data["image"]
    assert image["url"].startswith("http://testserver/media/images/")
    assert (image["width"], image["height"]) == (960, 540)
    publisher = data["publisher"]
    assert publisher["name"] == "Ủy ban nhân dân tỉnh Thử Nghiệm"
    assert publisher["logo"]["url"].startswith("http://testserver/static/")


def test_article_without_image_gets_a_summary_card(client, news_portal):
    soup = head(client, news_portal["visit"].url)
    assert meta(soup, "twitter:card") == "summary"
    assert meta(soup, "og:image") is None
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert "image" not in data


def test_json_ld_cannot_close_its_script(client, news_portal):
    article = news_portal["visit"]
    article.lead = "</script><script>alert(1)</script> & <b>"
    article.save_revision().publish()
    soup = head(client, article.url)
    script = soup.find("script", type="application/ld+json")
    assert json.loads(script.string)["description"] == article.lead
    assert "</script>" not in script.string


def test_section_and_home_pages_are_websites(client, news_portal):
    soup = head(client, "/tin-tuc-su-kien/")
    assert meta(soup, "og:type") == "website"
    assert soup.find("link", rel="canonical")["href"] == "http://testserver/tin-tuc-su-kien/"
    assert meta(soup, "og:description") == "Tin tức của tỉnh."
    assert meta(soup, "description") == "Tin tức của tỉnh."
    home = head(client, "/")
    assert meta(home, "og:type") == "website"
    assert home.find("link", rel="canonical")["href"] == "http://testserver/"
    assert home.find("script", type="application/ld+json") is None
    feed = home.find("link", type="application/rss+xml")
    assert feed["href"] == "/rss/"


def test_a_kept_preview_follows_the_article_its_image_and_the_portal(client, news_portal, settings):
    # Without the page cache, what the head shows comes from the preview's own fragment.
    settings.PAGE_CACHE_ENABLED = False
    article, photo = news_portal["meeting"], news_portal["photo"]
    first = head(client, article.url)
    assert head(client, article.url).decode() == first.decode()
    # A new focal point makes a new share rendition.
    photo.focal_point_x, photo.focal_point_y = 100, 100
    photo.focal_point_width, photo.focal_point_height = 50, 50
    photo.save()
    moved = head(client, article.url)
    assert meta(moved, "og:image") != meta(first, "og:image")
    assert meta(moved, "og:image").startswith("http://testserver/media/images/")
    # A deleted image leaves the preview (the page row loses it without a publication).
    photo.delete()
    gone = head(client, article.url)
    assert meta(gone, "og:image") is None and meta(gone, "twitter:card") == "summary"
    article.refresh_from_db()
    article.title = "Hội nghị tổng kết năm 2024 (cập nhật)"
    article.save_revision().publish()
    assert meta(head(client, article.url), "og:title") == article.title
    portal = PortalSettings.objects.get()
    portal.portal_name = "Cổng thông tin điện tử tỉnh Mới"
    portal.save()
    assert meta(head(client, article.url), "og:site_name") == "Cổng thông tin điện tử tỉnh Mới"


def test_each_address_of_the_portal_gets_its_own_absolute_urls(client, news_portal, settings):
    settings.PAGE_CACHE_ENABLED = False
    article = news_portal["meeting"]
    for host in ("testserver", "127.0.0.1", "testserver"):
        soup = head(client, article.url, HTTP_HOST=host)
        assert soup.find("link", rel="canonical")["href"] == f"http://{host}{article.url}"
        assert meta(soup, "og:image").startswith(f"http://{host}/media/images/")
    secure = head(client, article.url, secure=True)
    assert meta(secure, "og:url") == f"https://testserver{article.url}"


def test_a_draft_preview_shows_the_drafts_own_tags(client, admin_client, news_portal):
    article = news_portal["meeting"]
    head(client, article.url)
    article.title = "Tiêu đề bản nháp"
    article.save_revision()
    response = admin_client.get(f"/admin/pages/{article.pk}/view_draft/")
    draft = BeautifulSoup(response.content, "html.parser").head
    assert meta(draft, "og:title") == "Tiêu đề bản nháp"
    assert meta(head(client, article.url), "og:title") == "Hội nghị tổng kết công tác năm 2024"


def test_a_preview_of_a_row_read_before_a_publication_is_not_kept(
    client, news_portal, settings, monkeypatch
):
    settings.PAGE_CACHE_ENABLED = False
    article = news_portal["meeting"]
    read_row = routing._page_row

    def publish_after_the_read(model, page_id):
        # Another editor's publication (another process: none of this request's
        # context) commits just after this request read the page.
        monkeypatch.setattr(routing, "_page_row", read_row)
        row = read_row(model, page_id)
        newer = ArticlePage.objects.get(pk=page_id)
        newer.title = "Tiêu đề vừa xuất bản"
        contextvars.Context().run(lambda: newer.save_revision().publish())
        return row

    monkeypatch.setattr(routing, "_page_row", publish_after_the_read)
    assert meta(head(client, article.url), "og:title") == "Hội nghị tổng kết công tác năm 2024"
    assert meta(head(client, article.url), "og:title") == "Tiêu đề vừa xuất bản"
