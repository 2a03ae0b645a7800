"""The sitemap and robots.txt, checked against the sitemap protocol."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest

from bantin.news.sitemaps import PortalSitemap
from tests.news.factories import make_article

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
W3C_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$")


def urlset(client, url="/sitemap.xml"):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{NS}urlset"
    entries = {}
    for node in root:
        assert node.tag == f"{NS}url"
        loc = node.find(f"{NS}loc").text
        lastmod = node.find(f"{NS}lastmod").text
        assert loc.startswith("http://testserver/"), loc
        assert W3C_DATETIME.match(lastmod), lastmod
        entries[loc] = lastmod
    assert len(entries) <= 50_000
    return entries


def test_sitemap_lists_every_public_page_with_lastmod(client, news_portal):
    entries = urlset(client)
    base = "http://testserver"
    expected = {
        base + "/",
        base + "/tin-tuc-su-kien/",
        base + "/tin-tuc-su-kien/hoat-dong-cua-lanh-dao-tinh/",
        base + "/kinh-te/",
        base + news_portal["meeting"].url,
        base + news_portal["visit"].url,
        base + news_portal["market"].url,
    }
    assert set(entries) == expected
    meeting = news_portal["meeting"]
    meeting.refresh_from_db()
    lastmod = datetime.datetime.fromisoformat(entries[base + meeting.url])
    assert lastmod.utcoffset() == datetime.timedelta(hours=7)
    assert abs(lastmod - meeting.last_published_at) < datetime.timedelta(seconds=1)


def test_sitemap_follows_publication(client, news_portal):
    urlset(client)
    assert client.get("/sitemap.xml")["X-Page-Cache"] == "hit"
    article = make_article(news_portal["economy"], "Bài mới về kinh tế")
    assert "http://testserver" + article.url in urlset(client)
    article.unpublish()
    assert "http://testserver" + article.url not in urlset(client)


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr(PortalSitemap, "limit", 3)


def test_sitemap_becomes_an_index_past_the_limit(client, news_portal, small_pages):
    response = client.get("/sitemap.xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{NS}sitemapindex"
    locations = [node.find(f"{NS}loc").text for node in root]
    assert locations == [
        "http://testserver/sitemap-trang.xml",
        "http://testserver/sitemap-trang.xml?p=2",
        "http://testserver/sitemap-trang.xml?p=3",
    ]
    for node in root:
        assert W3C_DATETIME.match(node.find(f"{NS}lastmod").text)
    pages = [urlset(client, location.removeprefix("http://testserver")) for location in locations]
    assert [len(page) for page in pages] == [3, 3, 1]
    assert len(set().union(*pages)) == 7
    assert client.get("/sitemap-trang.xml?p=9").status_code == 404
    assert client.get("/sitemap-khac.xml").status_code == 404


def test_robots_txt_points_at_the_sitemap(client, news_portal):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
