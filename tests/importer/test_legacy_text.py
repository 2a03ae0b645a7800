import datetime
import unicodedata

import pytest

from bantin.importer.legacy_text import LegacyFormatError, parse_bulletin
from tests.conftest import SEED_FILE

MAX = 2 * 1024 * 1024
HEADINGS = [
    "Lãnh đạo tỉnh gặp mặt đầu Xuân",
    "Kỳ họp HĐND tỉnh giải quyết công việc phát sinh đột xuất",
    "Phiên họp UBND tỉnh tháng 1/2025",
    "Họp Ban Chỉ đạo triển khai xóa nhà tạm, nhà dột nát trên địa bàn tỉnh lần thứ hai",
]
MINIMAL = (
    "PublishingPortal - Block_BanTin_Toolbar\n\n07/02/2025\nTăng cỡ chữ Giảm cỡ chữ\n"
    "Tiêu đề bài\nSapo bài.\n\nPublishingPortal - Block_BanTin_ViewData\n\n"
    "Mục một\n\nĐoạn văn thứ nhất.\n\nThu Trang\n"
)


def test_seed_parses_field_by_field():
    bulletin = parse_bulletin(SEED_FILE.read_bytes(), MAX)
    assert bulletin.title == (
        "Điểm hoạt động nổi bật của lãnh đạo tỉnh trong tuần, từ 3/2 - 7/2/2025"
    )
    assert bulletin.date == datetime.date(2025, 2, 7)
    assert bulletin.lead == (
        "Gặp mặt đầu Xuân Ất Tỵ; Kỳ họp HĐND tỉnh giải quyết công việc phát sinh đột xuất "
        "(tháng 2/2025); Phiên họp UBND tỉnh tháng 1/2025… là những hoạt động nổi bật của "
        "lãnh đạo tỉnh trong tuần, từ 3/2 - 7/2/2025."
    )
    assert [s.heading for s in bulletin.sections] == HEADINGS
    assert [len(s.paragraphs) for s in bulletin.sections] == [4, 4, 8, 3]
    assert (
        bulletin.sections[0]
        .paragraphs[0]
        .startswith("Sáng 3/2, các đồng chí Thường trực Tỉnh ủy, HĐND tỉnh")
    )
    assert bulletin.sections[1].paragraphs[0] == (
        "Chiều 3/2, Chủ tịch HĐND tỉnh Phương Thị Thanh và các Phó Chủ tịch HĐND tỉnh "
        "Trần Thị Lộc, Đồng Văn Lưu điều hành Kỳ họp giải quyết công việc phát sinh đột xuất "
        "(tháng 2/2025)."
    )
    last = bulletin.sections[3].paragraphs[-1]
    assert last.endswith("phải bám sát địa bàn trong quá trình triển khai thực hiện.../.")
    assert (bulletin.author, bulletin.author_note) == ("Bích Huệ", "tổng hợp")


def test_paragraph_text_is_kept_exactly():
    raw = SEED_FILE.read_text(encoding="utf-8")
    bulletin = parse_bulletin(SEED_FILE.read_bytes(), MAX)
    for section in bulletin.sections:
        for paragraph in section.paragraphs:
            assert paragraph in raw


def test_layout_and_encoding_do_not_change_the_fingerprint():
    seed = SEED_FILE.read_bytes()
    original = parse_bulletin(seed, MAX)
    crlf = parse_bulletin(seed.replace(b"\n", b"\r\n"), MAX)
    decomposed = parse_bulletin(
        unicodedata.normalize("NFD", seed.decode("utf-8")).encode("utf-8"), MAX
    )
    with_bom = parse_bulletin(b"\xef\xbb\xbf" + seed, MAX)
    assert original.fingerprint == crlf.fingerprint == decomposed.fingerprint
    assert original.fingerprint == with_bom.fingerprint
    assert decomposed.title == original.title
    edited = parse_bulletin(seed.replace("Bích Huệ".encode(), b"Thu Trang"), MAX)
    assert edited.fingerprint != original.fingerprint


def test_byline_without_mark_and_article_without_headings():
    bulletin = parse_bulletin(MINIMAL.encode(), MAX)
    assert bulletin.title == "Tiêu đề bài"
    assert [s.heading for s in bulletin.sections] == ["Mục một"]
    assert (bulletin.author, bulletin.author_note) == ("Thu Trang", "")
    plain = MINIMAL.replace("Mục một\n\n", "")
    assert parse_bulletin(plain.encode(), MAX).sections[0].heading == ""


def test_a_last_sentence_is_not_taken_for_a_byline():
    text = MINIMAL.replace("Thu Trang\n", "Thông báo này có hiệu lực từ ngày ký\n")
    bulletin = parse_bulletin(text.encode(), MAX)
    assert bulletin.author == ""
    assert bulletin.sections[-1].paragraphs[-1] == "Thông báo này có hiệu lực từ ngày ký"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "tệp rỗng"),
        (b"  \n\n \t\n", "tệp rỗng"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "tệp nhị phân"),
        ("Tiêu đề".encode("utf-16"), "tệp nhị phân"),
        (MINIMAL.encode("cp1258", errors="replace"), "không phải văn bản UTF-8"),
        (b"\x01\x02\x03\x04\x05\x06\x07 text \x0e\x0f\x10", "tệp nhị phân"),
        (MINIMAL.replace("PublishingPortal - Block_BanTin_Toolbar", "").encode(), "Toolbar"),
        (MINIMAL.replace("PublishingPortal - Block_BanTin_ViewData", "").encode(), "ViewData"),
        (MINIMAL.replace("07/02/2025", "Thứ Sáu").encode(), "không có ngày đăng hợp lệ"),
        (MINIMAL.replace("07/02/2025", "31/02/2025").encode(), "không tồn tại"),
        (
            MINIMAL.replace("Tiêu đề bài\nSapo bài.\n", "").encode(),
            "không có tiêu đề",
        ),
        (MINIMAL.replace("Tiêu đề bài", "Rất dài " * 60).encode(), "tiêu đề dài"),
        (
            "PublishingPortal - Block_BanTin_Toolbar\n\n07/02/2025\nTiêu đề\n"
            "PublishingPortal - Block_BanTin_ViewData\n\n".encode(),
            "khối nội dung bài trống",
        ),
    ],
)
def test_bad_input_is_refused_with_a_reason(raw, reason):
    with pytest.raises(LegacyFormatError, match=reason):
        parse_bulletin(raw, MAX)


def test_absurdly_large_file_is_refused():
    with pytest.raises(LegacyFormatError, match="tệp quá lớn"):
        parse_bulletin(MINIMAL.encode() + b"x" * 2000, 1000)
