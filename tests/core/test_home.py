import datetime

import time_machine
from bs4 import BeautifulSoup
from django.utils import timezone

from tests.news.factories import make_article, make_section


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_home_shows_featured_article_and_each_top_level_section(client, home, image_factory):
    news = make_section(home, "Tin tức - Sự kiện", show_in_menus=True)
    leaders = make_section(news, "Hoạt động của lãnh đạo tỉnh", show_in_menus=True)
    notices = make_section(home, "Thông báo", show_in_menus=True)
    old = make_article(leaders, "Tin cũ", date=datetime.date(2025, 1, 2))
    newest = make_article(
        leaders, "Tin mới nhất", date=datetime.date(2025, 2, 7), featured_image=image_factory()
    )
    notice = make_article(notices, "Thông báo lịch tiếp công dân", date=datetime.date(2025, 1, 6))
    make_article(notices, "Bản nháp chưa duyệt", live=False)

    soup = soup_of(client.get("/"))
    assert soup.html["lang"] == "vi"
    featured = soup.select_one(".home-top .card--large")
    assert featured.select_one(".card__title").get_text(strip=True) == newest.title
    assert featured.select_one("img")["src"]
    sections = {
        s.select_one(".home-section__title").get_text(strip=True): [
            a.get_text(strip=True) for a in s.select(".card__title")
        ]
        for s in soup.select(".home-section")
    }
    assert sections == {"Tin tức - Sự kiện": [old.title], "Thông báo": [notice.title]}
    assert "Bản nháp chưa duyệt" not in soup.get_text()


def test_chosen_featured_article_wins(client, home):
    section = make_section(home, "Tin tức")
    chosen = make_article(section, "Bài được chọn", date=datetime.date(2024, 12, 1))
    make_article(section, "Bài mới hơn", date=datetime.date(2025, 2, 1))
    home.featured_article = chosen
    home.save_revision().publish()
    soup = soup_of(client.get("/"))
    assert soup.select_one(".card--large .card__title").get_text(strip=True) == chosen.title


def test_header_navigation_and_footer_come_from_site_settings(client, home):
    news = make_section(home, "Tin tức - Sự kiện", show_in_menus=True)
    make_section(news, "Hoạt động của lãnh đạo tỉnh", show_in_menus=True)
    make_section(home, "Ẩn khỏi menu", show_in_menus=False)
    soup = soup_of(client.get("/"))
    assert soup.select_one(".brand__name").get_text(strip=True) == (
        "Cổng thông tin điện tử tỉnh Thử Nghiệm"
    )
    nav = soup.select_one("nav#dieu-huong")
    assert [a.get_text(strip=True) for a in nav.select(".main-nav__link")] == [
        "Trang chủ",
        "Tin tức - Sự kiện",
    ]
    assert [a["href"] for a in nav.select(".main-nav__sub a")] == [
        "/tin-tuc-su-kien/hoat-dong-cua-lanh-dao-tinh/"
    ]
    footer = soup.select_one("footer").get_text(" ", strip=True)
    for expected in (
        "Cơ quan chủ quản: Ủy ban nhân dân tỉnh Thử Nghiệm",
        "Chịu trách nhiệm chính: Chánh Văn phòng UBND tỉnh",
        "Địa chỉ: Số 1 đường Trường Chinh",
        "Điện thoại: 0209 3870 000",
        "cong@thunghiem.gov.vn",
        "Ghi rõ nguồn “Cổng thông tin điện tử tỉnh Thử Nghiệm” khi phát hành lại thông tin",
    ):
        assert expected in footer
    assert soup.select_one("a.skip-link")["href"] == "#noi-dung"
    assert soup.select_one("main#noi-dung")


def test_unknown_url_gives_a_vietnamese_404(client, home):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_hostile_requests_get_clear_vietnamese_answers(client, home):
    csrf_client = client.__class__(enforce_csrf_checks=True)
    response = csrf_client.post("/", {"x": "1"})
    assert response.status_code == 403
    assert "Biểu mẫu đã hết hạn" in response.content.decode()
    response = client.get("/", headers={"host": "evil.example"})
    assert response.status_code == 400
    assert "Yêu cầu không hợp lệ" in response.content.decode()


def test_an_expired_featured_article_gives_way_to_the_newest(client, home):
    section = make_section(home, "Tin tức")
    chosen = make_article(
        section, "Bài đã hết hạn", expire_at=timezone.now() + datetime.timedelta(seconds=1)
    )
    newest = make_article(section, "Bài còn hạn", date=datetime.date(2025, 1, 1))
    home.featured_article = chosen
    home.save_revision().publish()
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=1), tick=False):
        soup = soup_of(client.get("/"))
    assert soup.select_one(".card--large .card__title").get_text(strip=True) == newest.title
    assert "Bài đã hết hạn" not in soup.get_text()
