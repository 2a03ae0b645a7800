"""The Vietnamese analysis and the query language, on their own."""

import pytest

from bantin.search import analysis, query

GROUPS = [(("ubnd",), ("uy", "ban", "nhan", "dan")), (("kt", "xh"), ("kinh", "te", "xa", "hoi"))]


def folded(words):
    return [word.folded for word in words]


def test_every_vietnamese_letter_folds_to_ascii_and_old_tones_match_new():
    found = analysis.words("Đồng chí ĐOÀN Thị Ngọc Ánh, Uỷ ban, thuỷ lợi, hoà giải, Nguyễn")
    assert folded(found) == [
        "dong",
        "chi",
        "doan",
        "thi",
        "ngoc",
        "anh",
        "uy",
        "ban",
        "thuy",
        "loi",
        "hoa",
        "giai",
        "nguyen",
    ]
    exact = [word.exact for word in found]
    assert "ủy" in exact and "thủy" in exact and "hòa" in exact
    assert all(word.folded.isascii() for word in analysis.words("ộ ầ ự ẫ ỡ ữ ặ ẻ đ Đ"))


def test_decomposed_input_is_the_same_word():
    assert analysis.words("Ba Be\u0302\u0309") == analysis.words("Ba Bể")


def test_exact_forms_keep_the_words_apart():
    ma, ma_acute, ma_grave = (analysis.words(w)[0] for w in ("ma", "má", "mà"))
    assert ma.folded == ma_acute.folded == ma_grave.folded == "ma"
    assert len({ma.exact, ma_acute.exact, ma_grave.exact}) == 3
    assert not ma.marked and ma_acute.marked


def test_words_phrases_and_exclusions():
    parsed = query.parse('lũ quét "hồ Ba Bể" -2017 -"Na Rì"')
    assert query.ParsedQuery is type(parsed)
    assert [folded(slot.words) for slot in parsed.slots] == [["lu"], ["quet"], ["ho", "ba", "be"]]
    assert parsed.slots[2].quoted
    assert [folded(seq) for seq in parsed.excluded] == [["2017"], ["na", "ri"]]
    assert parsed.describe() == "lũ quét “hồ ba bể” -2017 -na rì"


def test_hyphenated_words_are_not_exclusions():
    parsed = query.parse("KT-XH covid-19")
    assert not parsed.excluded
    assert [folded(slot.words) for slot in parsed.slots] == [["kt"], ["xh"], ["covid"], ["19"]]


def test_synonyms_join_a_run_of_words_into_one_slot():
    parsed = query.parse("ủy ban nhân dân tỉnh", GROUPS)
    assert len(parsed.slots) == 2
    assert [folded(seq) for seq in parsed.slots[0].alternatives] == [
        ["uy", "ban", "nhan", "dan"],
        ["ubnd"],
    ]
    short = query.parse("KT-XH quý 1", GROUPS)
    assert [folded(seq) for seq in short.slots[0].alternatives] == [
        ["kt", "xh"],
        ["kinh", "te", "xa", "hoi"],
    ]
    quoted = query.parse('"UBND"', GROUPS)
    assert len(quoted.slots[0].alternatives) == 2


@pytest.mark.parametrize(
    "raw",
    [
        '"',
        '""',
        "\x00",
        "   ",
        "\t\n",
        "!!!",
        "-",
        "- -",
        '-"',
        "“”",
        "\u200b",
        "%",
        "_",
        "*",
        None,
    ],
)
def test_inputs_with_nothing_to_search_give_an_empty_query(raw):
    assert not query.parse(raw)


@pytest.mark.parametrize(
    "raw",
    [
        "'; DROP TABLE wagtailcore_page; --",
        'NEAR(a b) OR "x" AND NOT y*',
        "title:abc {body}: ^x",
        "a & b | !c <-> d:*",
        "((((((((((x",
        "\\'\\\"",
    ],
)
def test_sql_and_full_text_syntax_are_just_words(raw):
    parsed = query.parse(raw)
    for slot in parsed.slots:
        for seq in slot.alternatives:
            assert all(word.folded.isalnum() for word in seq)


def test_long_and_repetitive_queries_are_capped():
    assert len(query.parse("tỉnh " * 500).slots) == 1
    many = query.parse(" ".join(f"từ{i}" for i in range(500)))
    assert sum(len(slot.words) for slot in many.slots) <= query.MAX_WORDS
    assert many.truncated
    huge = query.parse("a" * 10_000)
    assert huge.truncated and len(huge.slots[0].words[0].folded) <= query.MAX_CHARS
