import unicodedata

from bs4 import BeautifulSoup
from wagtail.models import Page

from bantin.core.models import PortalPageForm, unique_slug
from bantin.news.models import ArticlePage
from tests.news.factories import make_article, make_section


def nfd(value):
    return unicodedata.normalize("NFD", value)


def test_text_is_stored_in_nfc_whatever_the_keyboard_sent(home):
    section = make_section(home, nfd("Tin tức - Sự kiện"))
    article = make_article(
        section,
        nfd("Kỳ họp HĐND tỉnh"),
        lead=nfd("Chiều 3/2, Chủ tịch HĐND tỉnh điều hành Kỳ họp."),
        author=nfd("Bích Huệ"),
        author_note=nfd("tổng hợp"),
        body=[
            ("heading", nfd("Phiên họp UBND tỉnh")),
            ("paragraph", nfd("<p>Đồng chí Bí thư</p>")),
        ],
    )
    stored = ArticlePage.objects.get(pk=article.pk)
    assert section.title == "Tin tức - Sự kiện"
    assert stored.title == "Kỳ họp HĐND tỉnh"
    assert stored.lead == "Chiều 3/2, Chủ tịch HĐND tỉnh điều hành Kỳ họp."
    assert stored.byline == "Bích Huệ (tổng hợp)"
    assert stored.body[0].value == "Phiên họp UBND tỉnh"
    assert stored.body[1].value.source == "<p>Đồng chí Bí thư</p>"
    revision_title = stored.get_latest_revision().content["title"]
    assert revision_title == "Kỳ họp HĐND tỉnh"


def test_slug_folds_vietnamese_including_d_bar(home):
    section = make_section(home, "Hoạt động của lãnh đạo tỉnh")
    assert section.slug == "hoat-dong-cua-lanh-dao-tinh"
    draft = make_article(section, "Đồng chí Bí thư Tỉnh ủy làm việc", live=False)
    assert draft.slug == "dong-chi-bi-thu-tinh-uy-lam-viec"


def test_clashing_slug_gets_a_suffix_instead_of_an_error(home):
    section = make_section(home, "Thông báo")
    first = make_article(section, "Lịch tiếp công dân")
    second = make_article(section, "Lịch tiếp công dân")
    third = make_article(section, "Lịch tiếp công dân", live=False)
    assert [first.slug, second.slug, third.slug] == [
        "lich-tiep-cong-dan",
        "lich-tiep-cong-dan-2",
        "lich-tiep-cong-dan-3",
    ]
    # Re-saving a page keeps its own slug.
    second.save_revision().publish()
    second.refresh_from_db()
    assert second.slug == "lich-tiep-cong-dan-2"
    assert unique_slug(section, "lich-tiep-cong-dan") == "lich-tiep-cong-dan-4"


def test_admin_folds_and_suffixes_the_typed_slug(home, admin_client):
    section = make_section(home, "Kinh tế")
    make_article(section, "Điểm tin kinh tế")
    url = f"/admin/pages/add/news/articlepage/{section.pk}/"
    response = admin_client.get(url)
    assert response.status_code == 200
    data = {
        "title": nfd("Điểm tin kinh tế"),
        "slug": "Điểm tin kinh tế",
        "date": "2025-02-07",
        "lead": "Sapo.",
        "author": "Bích Huệ",
        "author_note": "tổng hợp",
        "tags": "",
        "body-count": "0",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
        "action-publish": "action-publish",
    }
    soup = BeautifulSoup(response.content, "html.parser")
    for field in soup.select("input[type=hidden][name]"):
        data.setdefault(field["name"], field.get("value", ""))
    response = admin_client.post(url, data)
    if response.status_code != 302:
        errs = BeautifulSoup(response.content, "html.parser").select(
            ".error-message, .help-critical, [role=alert]"
        )
        raise AssertionError([e.get_text(" ", strip=True) for e in errs])
    assert issubclass(ArticlePage.get_edit_handler().get_form_class(), PortalPageForm)
    created = ArticlePage.objects.exclude(slug="diem-tin-kinh-te").get()
    assert created.title == "Điểm tin kinh tế"
    assert created.slug == "diem-tin-kinh-te-2"
    assert created.live
    assert Page.objects.get(pk=created.pk).url_path.endswith("/kinh-te/diem-tin-kinh-te-2/")
