"""The search page, the header box and the JSON search, over real HTTP."""

import datetime

import pytest

from tests.news.factories import make_article, make_section


@pytest.fixture
def articles(home):
    section = make_section(home, "Tin tức - Sự kiện")
    other = make_section(home, "Kinh tế")
    make_article(section, "Ra quân xóa nhà tạm ở Chợ Đồn", date=datetime.date(2024, 10, 16))
    make_article(other, "Xóa nhà tạm: doanh nghiệp chung tay", date=datetime.date(2025, 3, 1))
    for number in range(12):
        make_article(section, f"Điểm tin tỉnh số {number}", date=datetime.date(2023, 1, number + 1))
    return section, other


def test_search_page_lists_hits_with_date_section_and_marked_snippet(client, articles):
    response = client.get("/tim-kiem/", {"q": "xoa nha tam"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "2 kết quả" in html
    assert html.index("Xóa nhà tạm: doanh nghiệp") < html.index("Ra quân xóa nhà tạm")
    assert "Thứ Bảy, 01/03/2025" in html and "Kinh tế" in html
    assert "<mark>xóa</mark> <mark>nhà</mark> <mark>tạm</mark>" in html


def test_filters_pagination_and_the_empty_result(client, articles):
    section, other = articles
    html = client.get("/tim-kiem/", {"q": "xoa nha tam", "chuyen-muc": other.pk}).content.decode()
    assert "1 kết quả" in html and "Ra quân" not in html
    html = client.get("/tim-kiem/", {"q": "diem tin tinh", "page": 2}).content.decode()
    assert "12 kết quả" in html and html.count('class="search-hit"') == 2
    assert 'href="?q=diem+tin+tinh&amp;page=1"' in html
    html = client.get(
        "/tim-kiem/", {"q": "xoa nha tam", "tu-ngay": "01/01/2010", "den-ngay": "31/12/2010"}
    ).content.decode()
    assert "Không tìm thấy" in html and "Bỏ bộ lọc" in html


@pytest.mark.parametrize(
    "params",
    [
        {"q": '"'},
        {"q": "\x00"},
        {"q": "   "},
        {"q": "!!!"},
        {"q": "'; DROP TABLE x; --"},
        {"q": "tỉnh " * 500},
        {"q": "a" * 10_000},
        {"q": "x", "page": "-5"},
        {"q": "x", "page": "9" * 40},
        {"q": "tinh", "tu-ngay": "31/02/2024", "chuyen-muc": "abc", "lanh-dao": "1e99"},
        {"q": "tinh", "den-ngay": "\x00"},
        {"q": "tinh", "lanh-dao": "11406087393523475639435264"},
        {"q": "tinh", "chuyen-muc": "-1", "lanh-dao": "١٢"},
    ],
)
def test_hostile_input_gets_a_page_not_an_error(client, articles, params):
    response = client.get("/tim-kiem/", params)
    assert response.status_code == 200


def test_bad_filters_are_explained(client, articles):
    html = client.get("/tim-kiem/", {"q": "tinh", "tu-ngay": "31/02/2024"}).content.decode()
    assert "không phải một ngày" in html


def test_every_page_has_a_search_box(client, articles):
    html = client.get("/").content.decode()
    assert 'action="/tim-kiem/"' in html and 'name="q"' in html


@pytest.mark.parametrize("leader", ["11406087393523475639435264", "9" * 19, "-3", "1.5"])
def test_json_search_refuses_odd_ids_with_a_400(client, articles, leader):
    response = client.get("/api/v2/search/", {"q": "tinh", "lanh-dao": leader})
    assert response.status_code == 400
    assert "lanh-dao" in response.content.decode()


def test_json_search(client, articles):
    data = client.get("/api/v2/search/", {"q": "xoa nha tam", "limit": 1}).json()
    assert data["count"] == 2 and len(data["results"]) == 1
    first = data["results"][0]
    assert first["title"] == "Xóa nhà tạm: doanh nghiệp chung tay"
    assert first["date"] == "2025-03-01" and first["section"] == "Kinh tế"
    assert "<mark>" in first["snippet_html"]
    assert client.get("/api/v2/search/", {"q": "x", "limit": "abc"}).status_code == 400
    bad = client.get("/api/v2/search/", {"q": "x", "tu-ngay": "hôm qua"})
    assert bad.status_code == 400 and "tu-ngay" in bad.json()["fields"]
    assert client.get("/api/v2/search/", {"q": '"'}).json()["count"] == 0


def test_administrators_edit_the_synonym_list(admin_client, home):
    from bantin.search.models import Synonym

    listing = admin_client.get("/admin/snippets/search/synonym/")
    assert listing.status_code == 200 and "Từ đồng nghĩa" in listing.content.decode()
    assert Synonym.objects.count() >= 30
    bad = admin_client.post("/admin/snippets/search/synonym/add/", {"expressions": "chỉ một"})
    assert bad.status_code == 200 and "Cần ít nhất hai cách gọi" in bad.content.decode()
    admin_client.post(
        "/admin/snippets/search/synonym/add/", {"expressions": "chè\ntrà", "note": ""}
    )
    assert Synonym.objects.filter(expressions="chè\ntrà").exists()


def test_filter_choices_follow_new_sections_and_leaders(client, articles, home):
    from tests.leaders.factories import make_leader, make_leader_index

    index = make_leader_index(home)
    html = client.get("/tim-kiem/", {"q": "tinh"}).content.decode()
    assert "Du lịch" not in html and "Nguyễn Đăng Bình" not in html
    make_section(home, "Du lịch")
    make_leader(index, "Nguyễn Đăng Bình", ["Chủ tịch UBND tỉnh"])
    html = client.get("/tim-kiem/", {"q": "tinh"}).content.decode()
    assert ">Du lịch</option>" in html and ">Nguyễn Đăng Bình</option>" in html
