import datetime
import unicodedata

import pytest

from bantin.core import text

SEED_TITLE = "Điểm hoạt động nổi bật của lãnh đạo tỉnh trong tuần, từ 3/2 - 7/2/2025"


def test_normalise_composes_decomposed_vietnamese():
    decomposed = unicodedata.normalize("NFD", "Ủy ban nhân dân tỉnh")
    assert decomposed != "Ủy ban nhân dân tỉnh"
    assert text.normalise(decomposed) == "Ủy ban nhân dân tỉnh"


@pytest.mark.parametrize(
    ("source", "folded"),
    [
        ("Đồng Văn Lưu", "Dong Van Luu"),
        ("đường", "duong"),
        ("Hội đồng nhân dân", "Hoi dong nhan dan"),
        ("ộ ầ ự ẫ ỹ", "o a u a y"),
        ("Nguyễn Đăng Bình", "Nguyen Dang Binh"),
    ],
)
def test_fold_maps_every_vietnamese_letter_to_ascii(source, folded):
    assert text.fold(source) == folded
    assert text.fold(unicodedata.normalize("NFD", source)) == folded


def test_slugify_seed_title():
    assert text.slugify(SEED_TITLE) == (
        "diem-hoat-dong-noi-bat-cua-lanh-dao-tinh-trong-tuan-tu-3-2-7-2-2025"
    )


def test_slugify_cuts_long_text_at_a_word_boundary():
    slug = text.slugify("Họp Ban Chỉ đạo " * 40, max_length=50)
    assert len(slug) <= 50
    assert not slug.endswith("-")
    assert slug.startswith("hop-ban-chi-dao-hop")


@pytest.mark.parametrize("source", ["", "   ", "!!! ??? …", None])
def test_slugify_without_letters_is_empty(source):
    assert text.slugify(source) == ""


def test_format_date_with_and_without_weekday():
    day = datetime.date(2025, 2, 7)
    assert text.format_date(day) == "07/02/2025"
    assert text.format_date(day, weekday=True) == "Thứ Sáu, 07/02/2025"
    assert text.format_date(datetime.date(2025, 2, 9), weekday=True) == "Chủ Nhật, 09/02/2025"
    assert text.format_date(None) == ""


def test_format_date_converts_aware_datetimes_to_local_time():
    # 20:00 UTC on 6 February is 03:00 on 7 February in Hà Nội.
    moment = datetime.datetime(2025, 2, 6, 20, 0, tzinfo=datetime.UTC)
    assert text.format_date(moment, weekday=True) == "Thứ Sáu, 07/02/2025"


def test_parse_date():
    assert text.parse_date("07/02/2025") == datetime.date(2025, 2, 7)
    assert text.parse_date("7/2/2025") == datetime.date(2025, 2, 7)
    with pytest.raises(ValueError, match="không tồn tại"):
        text.parse_date("31/02/2025")
    with pytest.raises(ValueError, match="DD/MM/YYYY"):
        text.parse_date("2025-02-07")


@pytest.mark.parametrize(
    ("value", "expected"),
    [("07/02/2025", datetime.date(2025, 2, 7)), (" 2025-02-07 ", datetime.date(2025, 2, 7))],
)
def test_parse_any_date_reads_both_ways_of_writing_a_date(value, expected):
    assert text.parse_any_date(value) == expected


@pytest.mark.parametrize("value", ["2025-02-30", "31/02/2025", "07-02-2025", "", "\x00"])
def test_parse_any_date_refuses_anything_else(value):
    with pytest.raises(ValueError):
        text.parse_any_date(value)
