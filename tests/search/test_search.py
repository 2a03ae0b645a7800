"""Searching through Wagtail's API with the Vietnamese backend, on the real database."""

import datetime

import pytest
from wagtail.models import Page, PageViewRestriction
from wagtail.rich_text import RichText
from wagtail.search.backends import get_search_backend

from bantin.news.models import ArticlePage
from bantin.search import services
from bantin.search.models import SearchDocument, SearchTerm, Synonym
from tests.news.factories import make_article, make_section


def body(*paragraphs):
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in paragraphs]


def found(text, **filters):
    outcome = services.articles_search(services.ArticleSearch(text=text, **filters), limit=50)
    return [hit.article.title for hit in outcome.hits]


@pytest.fixture
def section(home):
    return make_section(home, "Tin tức - Sự kiện")


def test_typed_without_diacritics_finds_the_article(section):
    make_article(section, "Ra quân xóa nhà tạm cho hộ nghèo", body=body("Đoàn viên giúp dựng nhà."))
    make_article(section, "Hội nghị tổng kết công tác đoàn", body=body("Không liên quan."))
    assert found("xoa nha tam") == ["Ra quân xóa nhà tạm cho hộ nghèo"]
    assert found("XÓA NHÀ TẠM") == ["Ra quân xóa nhà tạm cho hộ nghèo"]
    assert found("doan vien") == ["Ra quân xóa nhà tạm cho hộ nghèo"]


def test_old_and_new_tone_placement_and_decomposed_text_match(section):
    make_article(section, "Kiên cố hóa kênh mương thủy lợi", body=body("Hoà Bình, Uỷ ban xã."))
    assert found("kiên cố hoá thuỷ lợi") == ["Kiên cố hóa kênh mương thủy lợi"]
    assert found("hòa bình ủy ban") == ["Kiên cố hóa kênh mương thủy lợi"]
    assert found("ki\u0302\u0301n co\u0302\u0301") == []
    assert found("kie\u0302n co\u0302\u0301") == ["Kiên cố hóa kênh mương thủy lợi"]


def test_exact_diacritics_rank_above_folded_matches(section):
    make_article(section, "Chuyện con ma ở bản", date=datetime.date(2025, 2, 7))
    make_article(section, "Bà má anh hùng", date=datetime.date(2024, 2, 7))
    assert found("má") == ["Bà má anh hùng", "Chuyện con ma ở bản"]
    assert found("ma")[0] == "Chuyện con ma ở bản"


def test_title_ranks_above_lead_above_body(section):
    make_article(
        section, "Tin trong thân bài", lead="Sapo khác.", body=body("Giống lúa mới Thái Xuyên.")
    )
    make_article(section, "Tin trong sapo", lead="Giống lúa mới được gieo.", body=body("Khác."))
    make_article(section, "Giống lúa mới cho vụ xuân", lead="Sapo.", body=body("Khác."))
    assert found("giong lua moi") == [
        "Giống lúa mới cho vụ xuân",
        "Tin trong sapo",
        "Tin trong thân bài",
    ]


def test_newer_first_when_relevance_is_equal(section):
    for year in (2016, 2024, 2020):
        make_article(section, f"Lễ hội Lồng tồng năm {year}", date=datetime.date(year, 2, 1))
    assert found("le hoi long tong") == [
        "Lễ hội Lồng tồng năm 2024",
        "Lễ hội Lồng tồng năm 2020",
        "Lễ hội Lồng tồng năm 2016",
    ]
    assert found("le hoi long tong 2016")[0] == "Lễ hội Lồng tồng năm 2016"


def test_a_full_name_brings_that_persons_articles_first(section):
    make_article(section, "Kiểm tra công trình", body=body("Đồng chí Phương Thị Thanh kiểm tra."))
    make_article(section, "Tin phường", body=body("Phường Thanh Bình, thị trấn Phương Viên."))
    assert found("phuong thi thanh")[0] == "Kiểm tra công trình"


def test_phrases_exclusions_and_most_words(section):
    make_article(section, "Du lịch hồ Ba Bể", body=body("Du khách đến hồ Ba Bể."))
    make_article(section, "Ba hồ nước ở Bể", body=body("Ba cái hồ, một cái bể."))
    make_article(section, "Lũ quét ở Na Rì năm 2017", date=datetime.date(2017, 7, 1))
    assert found('"hồ Ba Bể"') == ["Du lịch hồ Ba Bể"]
    assert found("lũ quét -2017") == []
    assert found('ho ba be -"du khach"') == ["Ba hồ nước ở Bể"]
    # One word too many still finds the article, below full matches.
    assert found("lũ quét Na Rì tháng bảy")[0] == "Lũ quét ở Na Rì năm 2017"


def test_synonyms_from_the_admin_list(section):
    make_article(section, "UBND tỉnh họp phiên thường kỳ")
    make_article(section, "Ủy ban nhân dân huyện tiếp dân")
    assert set(found("ủy ban nhân dân")) == {
        "UBND tỉnh họp phiên thường kỳ",
        "Ủy ban nhân dân huyện tiếp dân",
    }
    assert set(found("ubnd")) == set(found("uy ban nhan dan"))
    make_article(section, "Phát triển chè Shan tuyết")
    assert found("trà shan") == []
    Synonym.objects.create(expressions="chè\ntrà")
    assert found("trà shan") == ["Phát triển chè Shan tuyết"]


def test_a_misspelt_word_is_corrected_from_the_index(section):
    make_article(section, "Dịch vụ homestay ở bản Pác Ngòi")
    outcome = services.articles_search(services.ArticleSearch(text="homstay pác ngòi"))
    assert [hit.article.title for hit in outcome.hits] == ["Dịch vụ homestay ở bản Pác Ngòi"]
    assert outcome.corrections == {"homstay": "homestay"}


def test_matched_words_are_marked_in_the_snippet_also_when_folded(section):
    make_article(
        section, "Tin", lead="", body=body("Huyện Chợ Đồn khắc phục <b>lũ quét</b> & sạt lở.")
    )
    outcome = services.articles_search(services.ArticleSearch(text="cho don lu quet"))
    snippet = str(outcome.hits[0].snippet)
    assert "<mark>Chợ</mark> <mark>Đồn</mark>" in snippet
    assert "<mark>lũ</mark> <mark>quét</mark> &amp; sạt lở" in snippet


def test_index_follows_publishing_editing_unpublishing_and_deleting(section):
    article = make_article(section, "Khánh thành cầu treo Nà Phặc", live=False)
    assert found("cau treo") == []
    article.save_revision().publish()
    assert found("cau treo") == ["Khánh thành cầu treo Nà Phặc"]

    article = ArticlePage.objects.get(pk=article.pk)
    article.title = "Khánh thành cầu bê tông Nà Phặc"
    article.lead = "Cầu mới."
    article.body = body("Cây cầu mới bắc qua sông.")
    article.save_revision().publish()
    assert found("cau treo") == []
    assert found("cau be tong") == ["Khánh thành cầu bê tông Nà Phặc"]

    article.unpublish()
    assert found("cau be tong") == []
    article.save_revision().publish()
    assert found("cau be tong") == ["Khánh thành cầu bê tông Nà Phặc"]

    Page.objects.get(pk=article.pk).delete()
    assert found("cau be tong") == []
    assert not SearchDocument.objects.filter(object_id=str(article.pk)).exists()


def test_drafts_of_live_pages_private_pages_and_expired_pages_stay_hidden(section):
    article = make_article(section, "Họp bàn giải ngân vốn")
    article = ArticlePage.objects.get(pk=article.pk)
    article.title = "Bản nháp tuyệt mật chưa duyệt"
    article.save_revision()  # a draft awaiting review; the live version is unchanged
    assert found("tuyet mat") == []
    assert found("giai ngan") == ["Họp bàn giải ngân vốn"]

    private = make_section(section, "Nội bộ")
    make_article(private, "Tài liệu nội bộ về giải ngân")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    make_article(
        section,
        "Thông báo đã hết hạn về giải ngân",
        expire_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC),
    )
    assert found("giai ngan") == ["Họp bàn giải ngân vốn"]


def test_filters_by_section_date_and_leader(section, home):
    other = make_section(home, "Kinh tế")
    make_article(section, "Hội nghị xúc tiến đầu tư 2023", date=datetime.date(2023, 5, 1))
    make_article(other, "Xúc tiến đầu tư vào khu công nghiệp", date=datetime.date(2024, 5, 1))
    assert len(found("xuc tien dau tu")) == 2
    assert found("xuc tien dau tu", section=other) == ["Xúc tiến đầu tư vào khu công nghiệp"]
    assert found(
        "xuc tien dau tu", date_from=datetime.date(2023, 1, 1), date_to=datetime.date(2023, 12, 31)
    ) == ["Hội nghị xúc tiến đầu tư 2023"]


def test_common_words_over_many_articles_stay_bounded(section, settings, monkeypatch):
    from bantin.search import backends

    monkeypatch.setattr(backends, "CANDIDATES", 5)
    for number in range(8):
        make_article(section, f"Tin số {number} của tỉnh", date=datetime.date(2024, 1, number + 1))
    outcome = services.articles_search(services.ArticleSearch(text="tỉnh"), limit=3)
    assert outcome.capped
    assert [hit.article.title for hit in outcome.hits] == [
        "Tin số 7 của tỉnh",
        "Tin số 6 của tỉnh",
        "Tin số 5 của tỉnh",
    ]


def test_every_indexed_model_goes_through_the_vietnamese_backend(section, image_factory):
    make_article(section, "Đại hội Đoàn thanh niên")
    image = image_factory(title="Ảnh Đại hội Đoàn")
    backend = get_search_backend()
    assert [p.title for p in backend.search("dai hoi doan", Page)] == ["Đại hội Đoàn thanh niên"]
    assert [i.title for i in backend.search("anh dai hoi", type(image))] == ["Ảnh Đại hội Đoàn"]
    assert [p.title for p in backend.autocomplete("dai ho", Page)] == ["Đại hội Đoàn thanh niên"]


def test_word_counts_follow_the_index(section):
    article = make_article(section, "Vườn quốc gia Ba Bể")
    assert SearchTerm.objects.get(term="vuon").documents == 1
    Page.objects.get(pk=article.pk).delete()
    assert SearchTerm.objects.get(term="vuon").documents == 0


def test_phrases_and_synonyms_are_marked_only_where_they_stand_whole(section):
    make_article(section, "Tin", lead="", body=body("Ủy ban nhân dân tỉnh mua bàn ghế cho dân."))
    outcome = services.articles_search(services.ArticleSearch(text="UBND"))
    snippet = str(outcome.hits[0].snippet)
    assert "<mark>Ủy ban nhân dân</mark> tỉnh mua bàn ghế cho dân." in snippet


def test_titles_alone_with_an_exclusion(section):
    make_article(section, "Đại hội Đoàn thanh niên", body=body("Đại hội lần thứ X."))
    make_article(section, "Đại hội Hội Nông dân", body=body("Đại hội và Đoàn viên."))
    backend = get_search_backend()
    titles = [p.title for p in backend.search("dai hoi -doan", ArticlePage, fields=["title"])]
    assert titles == []  # every article mentions "Đoàn" somewhere
    titles = [p.title for p in backend.search("dai hoi -nong", ArticlePage, fields=["title"])]
    assert titles == ["Đại hội Đoàn thanh niên"]


def test_an_empty_index_is_built_when_the_portal_is_prepared(section):
    make_article(section, "Vườn quốc gia Ba Bể")
    assert services.search_index_ensure() == 0
    SearchDocument.objects.all().delete()
    assert services.search_index_ensure() >= 1
    assert found("vuon quoc gia") == ["Vườn quốc gia Ba Bể"]


def test_a_past_year_finds_the_newest_articles_of_that_year_and_later_mentions(
    section, monkeypatch
):
    from bantin.search import backends, engines

    # However many articles the words are expected to match.
    monkeypatch.setattr(engines.PostgresEngine, "SPARSE", 0)
    monkeypatch.setattr(backends, "CANDIDATES", 3)
    make_article(section, "Hội nghị sơ kết", date=datetime.date(2022, 6, 1))
    make_article(section, "Hội nghị giữa năm", date=datetime.date(2022, 7, 1))
    make_article(section, "Hội nghị cuối năm", date=datetime.date(2022, 12, 20))
    make_article(section, "Hội nghị đầu năm", date=datetime.date(2023, 1, 5))
    make_article(
        section,
        "Hội nghị nhìn lại",
        date=datetime.date(2023, 3, 1),
        body=body("Kết quả của năm 2022 được đánh giá cao."),
    )
    outcome = services.articles_search(services.ArticleSearch(text="hội nghị 2022"), limit=10)
    assert outcome.capped
    # The year's own articles, a later one naming the year, then one lacking it.
    assert [hit.article.title for hit in outcome.hits] == [
        "Hội nghị cuối năm",
        "Hội nghị giữa năm",
        "Hội nghị sơ kết",
        "Hội nghị nhìn lại",
        "Hội nghị đầu năm",
    ]


def test_common_words_with_rare_ones_and_an_exclusion(section, monkeypatch):
    from bantin.search import engines

    # Checking documents free: the index is asked for the rarest word alone.
    monkeypatch.setattr(engines, "CHECK_COST", 0)
    for number in range(6):
        make_article(section, f"Tin số {number} của tỉnh")
    make_article(section, "Homestay Pác Ngòi của tỉnh", body=body("Du lịch cộng đồng."))
    make_article(section, "Bản Pác Ngòi của tỉnh", body=body("Lễ hội truyền thống."))
    everything = found("của tỉnh pác ngòi")
    assert everything[:2] == ["Bản Pác Ngòi của tỉnh", "Homestay Pác Ngòi của tỉnh"]
    excluding = found("của tỉnh pác ngòi -homestay")
    assert excluding[0] == "Bản Pác Ngòi của tỉnh"
    assert "Homestay Pác Ngòi của tỉnh" not in excluding
    assert found('"ngòi của" bản') == ["Bản Pác Ngòi của tỉnh"]


def test_the_walk_copy_of_the_vectors_follows_the_index(section):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the copy exists on PostgreSQL only")

    def differences():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM search_searchdocument d "
                "FULL JOIN search_walk_vector w ON w.key = d.key "
                "WHERE w.key IS NULL OR d.key IS NULL OR w.vector <> d.vector"
            )
            return cursor.fetchone()[0]

    article = make_article(section, "Khánh thành cầu treo Nà Phặc")
    make_article(section, "Lễ hội Lồng Tồng")
    assert differences() == 0
    article.title = "Khánh thành cầu bê tông Nà Phặc"
    article.save_revision().publish()
    assert differences() == 0
    Page.objects.get(pk=article.pk).delete()
    assert differences() == 0
    SearchDocument.objects.all().delete()
    assert differences() == 0
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_walk_vector")
        assert cursor.fetchone()[0] == 0


def test_a_rebuild_brings_the_planner_statistics_up_to_date(section):
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("planner statistics are PostgreSQL's")
    for number in range(3):
        make_article(section, f"Hội nghị số {number}")

    def rows_known():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT relname, reltuples FROM pg_class "
                "WHERE relname IN ('search_searchdocument', 'search_walk_vector')"
            )
            return dict(cursor.fetchall())

    call_command("update_index", verbosity=0)
    counted = SearchDocument.objects.count()
    assert rows_known() == {"search_searchdocument": counted, "search_walk_vector": counted}
