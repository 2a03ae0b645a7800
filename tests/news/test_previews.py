"""Link previews and structured data in the head of article, section and home pages."""

import datetime
import json

from bs4 import BeautifulSoup


def head(client, url):
    response = client.get(url)
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
