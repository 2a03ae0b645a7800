import datetime

from bs4 import BeautifulSoup

from tests.leaders.factories import make_leader, make_leader_index
from tests.news.factories import make_article, make_section


def soup(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_leadership_list_and_profile_with_activities_by_month(client, home):
    index = make_leader_index(home)
    chief = make_leader(index, "Phương Thị Thanh", ["Chủ tịch HĐND tỉnh"])
    make_leader(
        index,
        "Người Đã Thôi",
        ["Phó Chủ tịch HĐND tỉnh"],
        start=datetime.date(2016, 1, 1),
        end=datetime.date(2020, 12, 31),
    )
    section = make_section(home, "Hoạt động của lãnh đạo tỉnh")
    for day in range(1, 13):
        make_article(
            section,
            f"Tháng 1 ngày {day}",
            date=datetime.date(2025, 1, day),
            lead="Chủ tịch HĐND tỉnh Phương Thị Thanh làm việc.",
        )
    make_article(
        section,
        "Tháng 2",
        date=datetime.date(2025, 2, 3),
        lead="Chủ tịch HĐND tỉnh Phương Thị Thanh làm việc.",
    )
    make_article(section, "Bản nháp", live=False, lead="Phương Thị Thanh.")
    make_article(section, "Không nhắc đến ai", date=datetime.date(2025, 2, 4))

    page = soup(client, index.url)
    cards = {
        c.select_one(".leader-card__name").get_text(strip=True): c
        for c in page.select(".leader-card")
    }
    assert [
        li.get_text() for li in cards["Phương Thị Thanh"].select(".leader-card__positions li")
    ] == ["Chủ tịch HĐND tỉnh"]
    assert cards["Người Đã Thôi"].select(".leader-card__positions li") == []

    page = soup(client, chief.url)
    assert page.select_one("h1").get_text() == "Phương Thị Thanh"
    titles = [a.get_text() for a in page.select(".card__title a")]
    assert titles[0] == "Tháng 2" and len(titles) == 10
    assert "Bản nháp" not in titles and "Không nhắc đến ai" not in titles
    assert [o["value"] for o in page.select("#thang option")] == ["", "2025-02", "2025-01"]

    page = soup(client, chief.url, thang="2025-01", page="2")
    assert [a.get_text() for a in page.select(".card__title a")] == [
        "Tháng 1 ngày 2",
        "Tháng 1 ngày 1",
    ]
    page = soup(client, chief.url, thang="2024-05")
    assert "Không có hoạt động nào trong tháng 05/2024." in page.get_text()
    for bad in ("khong-phai-thang", "2025-13", "%00", "9999999-1", "99999999999999999999999-1"):
        assert client.get(chief.url, {"thang": bad}).status_code == 200
