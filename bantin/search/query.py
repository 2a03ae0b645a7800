"""The query language readers type: plain words, ``"quoted phrases"`` and ``-excluded`` words.

Parsing never fails: whatever the input, the result is a ``ParsedQuery``,
possibly empty. The input is cut to ``MAX_CHARS`` characters and ``MAX_WORDS``
distinct words so that no query can make the index work without bound.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from bantin.core import text
from bantin.search import analysis

MAX_CHARS = 300
MAX_WORDS = 24

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "＂": '"'})
_PART = re.compile(r'(?P<minus>(?<!\S)-)?(?:"(?P<phrase>[^"]*)"|(?P<bare>[^\s"]+))')


@dataclass(frozen=True)
class Slot:
    """Something a document should contain: any one of ``alternatives``,
    each a sequence of words (one word, or a phrase that must appear in order)."""

    alternatives: tuple
    quoted: bool = False

    @property
    def words(self):
        return self.alternatives[0]

    def folded_key(self):
        return tuple(tuple(word.folded for word in seq) for seq in self.alternatives)


@dataclass
class ParsedQuery:
    slots: list = field(default_factory=list)
    excluded: list = field(default_factory=list)
    truncated: bool = False

    def __bool__(self):
        return bool(self.slots)

    def highlight_sequences(self):
        """Folded word sequences a snippet should mark: single words, and phrases
        (typed in quotes or from a synonym) only where they stand whole."""
        return {
            tuple(word.folded for word in seq) for slot in self.slots for seq in slot.alternatives
        }

    def describe(self):
        """The query as understood, for display: words, "phrases" and -exclusions."""
        parts = []
        for slot in self.slots:
            shown = " ".join(word.exact for word in slot.words)
            parts.append(f"“{shown}”" if slot.quoted else shown)
        parts += ["-" + " ".join(word.exact for word in seq) for seq in self.excluded]
        return " ".join(parts)


def clean(raw):
    """Return ``raw`` as NFC text without control characters, cut to ``MAX_CHARS``.

    The second value says whether anything was cut off.
    """
    value = text.normalise(str(raw or ""))
    value = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch for ch in value
    )
    value = " ".join(value.translate(_QUOTES).split())
    if len(value) <= MAX_CHARS:
        return value, False
    cut = value[:MAX_CHARS]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut, True


def parse(raw, synonym_groups=()):
    """Parse what a reader typed into slots, expanded with ``synonym_groups``."""
    value, truncated = clean(raw)
    query = ParsedQuery(truncated=truncated)
    seen, budget = set(), MAX_WORDS
    pending = []  # unquoted single words waiting for synonym expansion

    def add(slot):
        nonlocal budget
        key = slot.folded_key()
        if key in seen or budget <= 0:
            query.truncated = query.truncated or budget <= 0
            return
        seen.add(key)
        budget -= len(slot.words)
        query.slots.append(slot)

    def flush():
        for slot in _expand(pending, synonym_groups):
            add(slot)
        pending.clear()

    for match in _PART.finditer(value):
        found = analysis.words(match["phrase"] if match["phrase"] is not None else match["bare"])
        if not found:
            continue
        if match["minus"]:
            if len(query.excluded) < MAX_WORDS:
                query.excluded.append(tuple(found))
        elif match["phrase"] is not None:
            flush()
            add(_expand_phrase(tuple(found), synonym_groups))
        else:
            pending.extend(found)
    flush()
    return query


def _variant_words(folded_seq):
    return tuple(analysis.Word(word, word) for word in folded_seq)


def _expand_phrase(seq, synonym_groups):
    folded = tuple(word.folded for word in seq)
    alternatives = [seq]
    for group in synonym_groups:
        if folded in group:
            alternatives += [_variant_words(v) for v in group if v != folded]
    return Slot(tuple(alternatives), quoted=len(seq) > 1)


def _expand(words, synonym_groups):
    """Turn unquoted words into slots, joining runs that spell a synonym into one slot."""
    slots, index = [], 0
    folded = [word.folded for word in words]
    while index < len(words):
        best = None
        for group in synonym_groups:
            for variant in group:
                end = index + len(variant)
                if tuple(folded[index:end]) == variant and (best is None or len(variant) > best[0]):
                    best = (len(variant), group, variant)
        if best is None:
            slots.append(Slot(((words[index],),)))
            index += 1
            continue
        length, group, variant = best
        typed = tuple(words[index : index + length])
        others = [_variant_words(v) for v in group if v != variant]
        slots.append(Slot((typed, *others)))
        index += length
    return slots
