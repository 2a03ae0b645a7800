"""Snippets of a hit's text with the reader's words marked, folded matches included."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from bantin.core import text


def _folded_copy(value):
    """``value`` lower-cased, tones modernised and folded, character for character,
    so that offsets in the copy are offsets in ``value``."""
    folded = text.fold(text.modern_tones(value).lower())
    if len(folded) == len(value):
        return folded
    return "".join((text.fold(ch.lower()) or ch)[:1] for ch in value)


def _spans(value, sequences):
    """``(start, end, sequence)`` of each run of words in ``value`` that spells one of
    ``sequences`` (tuples of folded words), longest first, not overlapping."""
    if not sequences:
        return []
    pattern = re.compile(
        r"(?<![^\W_])("
        + "|".join(re.escape(" ".join(seq)) for seq in sorted(sequences, key=lambda seq: -len(seq)))
        + r")(?![^\W_])"
    )
    return [
        (match.start(), match.end(), match.group(1))
        for match in pattern.finditer(_folded_copy(value))
    ]


def _densest(hits, size):
    """Index of the hit that opens the window of ``size`` characters holding the
    most distinct sequences (the first such window)."""
    best, best_count, inside, end = 0, -1, {}, 0
    for index, (start, _, sequence) in enumerate(hits):
        while end < len(hits) and hits[end][0] < start + size:
            inside[hits[end][2]] = inside.get(hits[end][2], 0) + 1
            end += 1
        if len(inside) > best_count:
            best, best_count = index, len(inside)
        inside[sequence] -= 1
        if not inside[sequence]:
            del inside[sequence]
    return best


def snippet(value, sequences, size=260):
    """Return HTML: about ``size`` characters of ``value`` around the densest run of
    ``sequences`` (tuples of folded words), each occurrence wrapped in ``<mark>``."""
    value = " ".join(text.normalise(value or "").split())
    if not value:
        return mark_safe("")
    hits = _spans(value, sequences)

    start = 0
    if hits:
        best = _densest(hits, size)
        start = max(0, hits[best][0] - size // 5)
        if start:
            space = value.find(" ", start)
            start = space + 1 if 0 <= space < hits[best][0] else start
    end = min(len(value), start + size)
    if end < len(value):
        space = value.rfind(" ", start, end)
        end = space if space > start else end

    parts, position = [], start
    for hit_start, hit_end, _ in hits:
        if hit_start < start or hit_end > end:
            continue
        parts.append(escape(value[position:hit_start]))
        parts.append(f"<mark>{escape(value[hit_start:hit_end])}</mark>")
        position = hit_end
    parts.append(escape(value[position:end]))
    return mark_safe(("… " if start else "") + "".join(parts) + (" …" if end < len(value) else ""))
