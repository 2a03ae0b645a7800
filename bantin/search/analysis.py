"""Vietnamese analysis shared by indexing and querying.

Every word is kept in two forms: the *exact* form (NFC, lower case, tone marks
in the modern position, so "hoà" and "hòa" are one word) and the *folded* form
(plain ASCII, ``đ`` → ``d``). Documents are matched on folded forms, so a query
typed without diacritics finds them; exact forms only raise the rank of
documents that carry the very word the reader typed ("má" is not "mà").
"""

import re
from dataclasses import dataclass

from bantin.core import text

# Letters and digits; the underscore separates words like any punctuation, as it
# does for both SQLite's and PostgreSQL's tokenisers.
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class Word:
    exact: str
    folded: str

    @property
    def marked(self):
        """Whether the reader typed diacritics in this word."""
        return self.exact != self.folded


def words(value):
    """Return the ``Word``s of ``value`` in order."""
    if not value:
        return []
    exacts = _WORD.findall(text.modern_tones(text.normalise(value)).lower())
    # Folding once for the whole text is several times faster than word by word.
    folded = text.fold(" ".join(exacts)).split(" ")
    if len(folded) != len(exacts):
        folded = [text.fold(exact) for exact in exacts]
    return [Word(exact, fold) for exact, fold in zip(exacts, folded, strict=True)]


@dataclass(frozen=True, slots=True)
class Analysed:
    """The index form of one text: folded words in order, and the exact words
    that differ from their folded form (for ranking only)."""

    folded: str
    exact: frozenset


def analyse(value):
    """Analyse a document's text; works on whole strings, not ``Word``s, because
    indexing runs it over every word of the archive."""
    if not value:
        return Analysed(folded="", exact=frozenset())
    exacts = " ".join(_WORD.findall(text.modern_tones(text.normalise(value)).lower()))
    return Analysed(
        folded=text.fold(exacts),
        exact=frozenset(word for word in set(exacts.split()) if not word.isascii()),
    )
