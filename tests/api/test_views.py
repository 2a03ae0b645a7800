"""The read-only JSON API: what it returns and what it refuses."""

import pytest

from tests.news.factories import make_article

TITLES = ["Hội nghị tổng kết công tác năm 2024", "Chợ phiên vùng cao", "Thăm và chúc Tết"]


def get(client, url, status=200, **params):
    response = client.get(url, params)
    assert response.status_code == status, response.content[:500]
    assert response["Access-Control-Allow-Origin"] == "*"
    return response.json()


def titles(data):
    return [item["title"] for item in data["items"]]


def test_articles_lists_published_public_articles_newest_first(client, api_portal):
    data = get(client, "/api/v2/articles/")
    assert titles(data) == TITLES
    assert data["meta"] == {"total_count": 3, "limit": 20, "offset": 0}
    item = data["items"][0]
    meeting = api_portal["meeting"]
    assert item["id"] == meeting.pk
    assert item["url"] == "http://testserver" + meeting.url
    assert item["detail_url"] == f"http://testserver/api/v2/articles/{meeting.pk}/"
    assert item["date"] == "2025-02-07"
    assert item["published_at"].startswith("2025-02-07T00:00:00+07:00")
    assert item["author"] == "Bích Huệ (tổng hợp)"
    assert item["tags"] == ["Hội nghị", "Tổng kết"]
    assert item["section"] == {
        "id": api_portal["leaders"].pk,
        "title": "Hoạt động của lãnh đạo tỉnh",
        "path": "tin-tuc-su-kien/hoat-dong-cua-lanh-dao-tinh",
    }
    assert item["image"]["url"].startswith("http://testserver/media/images/")
    assert (item["image"]["width"], item["image"]["height"]) == (960, 540)


def test_articles_filters(client, api_portal):
    news = api_portal["news"]
    assert titles(get(client, "/api/v2/articles/", section=news.pk)) == [TITLES[0], TITLES[2]]
    assert titles(get(client, "/api/v2/articles/", section="tin-tuc-su-kien/")) == [
        TITLES[0],
        TITLES[2],
    ]
    assert titles(get(client, "/api/v2/articles/", date_from="04/02/2025")) == TITLES[:2]
    assert titles(
        get(client, "/api/v2/articles/", date_from="2025-02-04", date_to="2025-02-06")
    ) == [TITLES[1]]
    assert titles(get(client, "/api/v2/articles/", tag="hội nghị")) == [TITLES[0]]
    assert titles(get(client, "/api/v2/articles/", tag="tong-ket")) == [TITLES[0]]
    page = get(client, "/api/v2/articles/", limit=1, offset=1)
    assert titles(page) == [TITLES[1]]
    assert page["meta"] == {"total_count": 3, "limit": 1, "offset": 1}


def test_articles_search_uses_the_portal_search(client, api_portal):
    data = get(client, "/api/v2/articles/", search="cho phien")
    assert titles(data) == ["Chợ phiên vùng cao"]
    assert data["meta"]["total_count"] == 1
    assert get(client, "/api/v2/articles/", search="Tin nội bộ")["items"] == []


def test_article_detail_has_blocks_html_and_leaders(client, api_portal):
    meeting = api_portal["meeting"]
    data = get(client, f"/api/v2/articles/{meeting.pk}/")
    assert data["title"] == meeting.title
    assert data["body"][0]["type"] == "paragraph"
    assert "Nội dung bài" in data["body"][0]["value"]
    assert "<p>Nội dung bài" in data["body_html"]
    leader = api_portal["leader"]
    assert data["leaders"] == [
        {
            "id": leader.pk,
            "name": "Nguyễn Đăng Bình",
            "detail_url": f"http://testserver/api/v2/leaders/{leader.pk}/",
        }
    ]


@pytest.mark.parametrize("hidden", ["draft", "private", "expired"])
def test_hidden_articles_are_not_found(client, api_portal, hidden):
    data = get(client, f"/api/v2/articles/{api_portal[hidden].pk}/", status=404)
    assert "Không có bài viết" in data["message"]


def test_new_article_appears_at_once(client, api_portal):
    get(client, "/api/v2/articles/")
    make_article(
        api_portal["economy"], "Giá nông sản tăng", date=__import__("datetime").date(2025, 2, 9)
    )
    data = get(client, "/api/v2/articles/")
    assert titles(data)[0] == "Giá nông sản tăng"
    assert data["meta"]["total_count"] == 4


def test_sections(client, api_portal):
    data = get(client, "/api/v2/sections/")
    assert [item["path"] for item in data["items"]] == [
        "tin-tuc-su-kien",
        "tin-tuc-su-kien/hoat-dong-cua-lanh-dao-tinh",
        "kinh-te",
    ]
    leaders = data["items"][1]
    assert leaders["parent_id"] == api_portal["news"].pk
    assert leaders["article_count"] == 1
    assert (
        leaders["rss_url"] == "http://testserver/rss/tin-tuc-su-kien/hoat-dong-cua-lanh-dao-tinh/"
    )
    assert data["items"][0]["parent_id"] is None
    detail = get(client, f"/api/v2/sections/{api_portal['economy'].pk}/")
    assert detail["title"] == "Kinh tế"
    assert detail["article_count"] == 1
    get(client, f"/api/v2/sections/{api_portal['private_section'].pk}/", status=404)


def test_leaders(client, api_portal):
    leader = api_portal["leader"]
    data = get(client, "/api/v2/leaders/")
    (item,) = data["items"]
    assert item["name"] == "Nguyễn Đăng Bình"
    assert item["url"] == "http://testserver" + leader.url
    assert item["positions"] == [
        {
            "title": "Chủ tịch UBND tỉnh",
            "body": "",
            "start_date": "2021-07-01",
            "end_date": None,
            "current": True,
        }
    ]
    detail = get(client, f"/api/v2/leaders/{leader.pk}/")
    assert detail["recent_activity_ids"] == [api_portal["meeting"].pk]


HOSTILE = [
    ({"limit": "0"}, "limit"),
    ({"limit": "51"}, "limit"),
    ({"limit": "99999999999999999999999"}, "limit"),
    ({"limit": "-1"}, "limit"),
    ({"limit": "1e3"}, "limit"),
    ({"offset": "-5"}, "offset"),
    ({"offset": "18446744073709551616"}, "offset"),
    ({"limit": ["1", "2"]}, "limit"),
    ({"section": "1' OR '1'='1"}, "section"),
    ({"section": "99999999999999999999"}, "section"),
    ({"section": "noi-bo"}, "section"),
    ({"date_from": "31/02/2025"}, "date_from"),
    ({"date_from": "2025-13-01"}, "date_from"),
    ({"date_to": "hôm qua"}, "date_to"),
    ({"date_from": "07/02/2025", "date_to": "01/02/2025"}, "date_to"),
    ({"tag": "a\x00b"}, "tag"),
    ({"search": "x\x00"}, "search"),
    ({"search": "á" * 500}, "search"),
    ({"tag": "x", "search": "y"}, "tag"),
    ({"order": "-title"}, "order"),
    ({"fields": "*"}, "fields"),
    ({"type": "wagtailcore.Page"}, "type"),
    ({"x\x00y": "1"}, "x?y"),
]


@pytest.mark.parametrize(("params", "parameter"), HOSTILE)
def test_bad_parameters_are_refused_by_name(client, api_portal, params, parameter):
    data = get(client, "/api/v2/articles/", status=400, **params)
    assert data["parameter"] == parameter
    assert data["message"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/articles/99999999999999999999999/",
        "/api/v2/sections/99999999999999999999999/",
        "/api/v2/leaders/99999999999999999999999/",
        "/api/v2/articles/0/",
    ],
)
def test_unknown_ids_are_not_found(client, api_portal, url):
    assert "message" in get(client, url, status=404)


def test_detail_refuses_query_parameters(client, api_portal):
    data = get(client, f"/api/v2/articles/{api_portal['meeting'].pk}/", status=400, fields="*")
    assert data["parameter"] == "fields"


def test_unicode_and_sql_in_search_are_just_text(client, api_portal):
    for text in ["'; DROP TABLE wagtailcore_page; --", "😀 ☃ \u202e", "%", "\\"]:
        get(client, "/api/v2/articles/", search=text)


def test_preflight_is_answered(client, api_portal):
    response = client.options("/api/v2/articles/")
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]


def test_search_endpoint_is_open_to_other_origins(client, api_portal):
    response = client.get("/api/v2/search/", {"q": "chợ phiên"})
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
