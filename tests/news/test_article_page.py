import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from bantin.importer.services import bulletin_import
from tests.conftest import SEED_FILE
from tests.news.factories import make_article, make_section

SEED_HEADINGS = [
    "Lãnh đạo tỉnh gặp mặt đầu Xuân",
    "Kỳ họp HĐND tỉnh giải quyết công việc phát sinh đột xuất",
    "Phiên họp UBND tỉnh tháng 1/2025",
    "Họp Ban Chỉ đạo triển khai xóa nhà tạm, nhà dột nát trên địa bàn tỉnh lần thứ hai",
]


@pytest.fixture
def leaders(home):
    news = make_section(home, "Tin tức - Sự kiện", show_in_menus=True)
    return make_section(news, "Hoạt động của lãnh đạo tỉnh", show_in_menus=True)


@pytest.fixture
def seed_article(leaders):
    outcome = bulletin_import(path=SEED_FILE, section=leaders, publish=True)
    assert outcome.status == "created", outcome.message
    return leaders.get_children().get(pk=outcome.page_id).specific


def page_soup(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_seed_article_renders_the_two_legacy_blocks(client, seed_article):
    soup = page_soup(client, seed_article)
    article = soup.select_one("article#bai-viet")

    toolbar = article.select_one(".toolbar")
    assert toolbar.select_one("time").get_text(strip=True) == "Thứ Sáu, 07/02/2025"
    assert toolbar.select_one("time")["datetime"] == "2025-02-07"
    buttons = {b.get_text(" ", strip=True): b for b in toolbar.select("button")}
    assert "A+ Tăng cỡ chữ" in buttons and "A− Giảm cỡ chữ" in buttons
    assert buttons["A+ Tăng cỡ chữ"]["type"] == "button"
    assert buttons["A+ Tăng cỡ chữ"]["aria-controls"] == "noi-dung-bai"
    assert "In bài" in buttons
    share = toolbar.select_one("a[href^='https://www.facebook.com/sharer/sharer.php']")
    assert "diem-hoat-dong-noi-bat-cua-lanh-dao-tinh-trong-tuan-tu-3-2-7-2-2025" in share["href"]

    h1s = soup.select("h1")
    assert [h.get_text(strip=True) for h in h1s] == [seed_article.title]
    assert (
        article.select_one(".article__lead")
        .get_text(strip=True)
        .startswith("Gặp mặt đầu Xuân Ất Tỵ; Kỳ họp HĐND tỉnh")
    )
    assert [h.get_text(strip=True) for h in article.select("h2")] == SEED_HEADINGS
    paragraphs = article.select(".article__body p")
    assert len(paragraphs) == 19
    assert paragraphs[-1].get_text().endswith("trong quá trình triển khai thực hiện.../.")
    view = article.select_one(".article__view")
    last = [child for child in view.children if getattr(child, "name", None)][-1]
    assert last.get_text(strip=True) == "Bích Huệ (tổng hợp)"
    assert "article__byline" in last["class"]


def test_article_works_without_javascript(client, seed_article):
    soup = page_soup(client, seed_article)
    # Buttons that need JavaScript start hidden; the text and the links do not.
    for button in soup.select(".toolbar button"):
        assert button.has_attr("hidden")
    assert soup.select_one(".article__body").get_text(strip=True)
    assert soup.select_one("html")["class"] == ["no-js"]


def test_related_articles_are_the_newest_others_of_the_same_section(client, leaders, home):
    other_section = make_section(home, "Du lịch")
    current = make_article(leaders, "Bài đang đọc", date=datetime.date(2025, 2, 7))
    older = make_article(leaders, "Bài cũ hơn", date=datetime.date(2025, 2, 1))
    newer = make_article(leaders, "Bài mới hơn", date=datetime.date(2025, 2, 9))
    make_article(leaders, "Bản nháp", live=False)
    make_article(other_section, "Bài chuyên mục khác")
    soup = page_soup(client, current)
    related = [a.get_text(strip=True) for a in soup.select(".related__list a")]
    assert related == [newer.title, older.title]


def test_drafts_and_private_articles_are_not_served(client, leaders):
    draft = make_article(leaders, "Bản nháp", live=False)
    private = make_article(leaders, "Bài nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert client.get(f"{leaders.url}{draft.slug}/").status_code == 404
    assert client.get(private.url).status_code == 302


def test_every_body_block_renders(client, leaders, image_factory):
    Document = get_document_model()
    document = Document(title="Kế hoạch số 12/KH-UBND")
    document.file.save("ke-hoach.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    video = "https://www.youtube.com/watch?v=bantin-demo"
    # A stored embed is what Wagtail looks up before asking the provider over the network.
    Embed.objects.create(
        hash=get_embed_hash(video), url=video, type="video", html='<iframe title="Video"></iframe>'
    )
    article = make_article(
        leaders,
        "Bài đủ loại khối",
        author="Thu Trang",
        body=[
            ("heading", "Mục một"),
            ("paragraph", RichText("<p>Đoạn <b>đậm</b>.</p>")),
            ("image", {"image": image_factory(), "caption": "Toàn cảnh hội nghị", "alt_text": ""}),
            ("quote", {"text": "Nói đi đôi với làm.", "attribution": "Đại biểu"}),
            (
                "table",
                {
                    "data": [["Chỉ tiêu", "Kết quả"], ["Tăng trưởng", "8,5%"]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": "Kết quả tháng 1",
                },
            ),
            ("document", {"document": document, "title": ""}),
            ("embed", video),
        ],
    )
    soup = page_soup(client, article)
    body = soup.select_one(".article__body")
    assert body.select_one("h2").get_text() == "Mục một"
    assert body.select_one(".rich-text b").get_text() == "đậm"
    figure = body.select_one(".article__figure")
    assert figure.select_one("figcaption").get_text() == "Toàn cảnh hội nghị"
    assert figure.select_one("img")["alt"] == "Toàn cảnh hội nghị"
    assert (
        body.select_one(".article__quote blockquote").get_text(strip=True) == "Nói đi đôi với làm."
    )
    assert [th.get_text() for th in body.select("thead th")] == ["Chỉ tiêu", "Kết quả"]
    assert body.select_one("caption").get_text() == "Kết quả tháng 1"
    link = body.select_one(".article__document a")
    assert link.get_text() == "Kế hoạch số 12/KH-UBND"
    assert link["href"].startswith("/documents/")
    assert body.select_one(".article__embed iframe")
    assert soup.select_one(".article__byline").get_text() == "Thu Trang"


def test_display_date_defaults_to_first_publication(leaders):
    article = make_article(leaders, "Không ghi ngày", date=None)
    assert article.date is None
    assert (
        article.display_date
        == article.first_published_at.astimezone(
            datetime.timezone(datetime.timedelta(hours=7))
        ).date()
    )
