"""How the engines choose to look for matches, on their own."""

import datetime

from bantin.search import analysis, engines
from bantin.search.query import Slot


def slot(*alternatives):
    return Slot(tuple(tuple(analysis.words(text)) for text in alternatives))


FREQUENCIES = {"": 1000, "tinh": 990, "cua": 950, "pac": 12, "ngoi": 15, "ho": 300, "ba": 600}


def test_words_in_most_documents_are_left_to_the_check():
    slots = [slot("tỉnh"), slot("của"), slot("Pác"), slot("Ngòi")]
    narrow = engines._narrowest(slots, [], FREQUENCIES)
    assert [s.words[0].folded for s in narrow] == ["pac", "ngoi"]


def test_rare_words_alone_are_all_asked_of_the_index():
    slots = [slot("Pác"), slot("Ngòi")]
    assert engines._narrowest(slots, [], FREQUENCIES) == slots


def test_a_past_year_is_date_correlated_unless_the_range_ends_before_it_is_over():
    year = slot("2019")
    whole = (0, 2**63 - 1)
    assert engines._dated([[slot("lũ"), year]], whole)
    assert not engines._dated([[slot("lũ")]], whole)
    assert not engines._dated([[slot("lũ"), year], [slot("lũ")]], whole)
    until = datetime.date(2019, 12, 31)
    assert not engines._dated([[year]], (0, (until.toordinal() + 1) * engines.DAY - 1))
    assert not engines._dated([[slot("9999")]], whole)
