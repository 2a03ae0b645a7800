"""Snippets of a hit's text with the reader's words marked, folded matches included."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from bantin.core import text

_WORD = re.compile(r"[^\W_]+")


def _folded_copy(value):
    """``value`` lower-cased, tones modernised and folded, character for character
    when possible (so offsets match), else ``None``."""
    folded = text.fold(text.modern_tones(value).lower())
    return folded if len(folded) == len(value) else None


def snippet(value, words, size=260):
    """Return HTML: about ``size`` characters of ``value`` around the densest run of
    ``words`` (folded words), each occurrence wrapped in ``<mark>``."""
    value = " ".join(text.normalise(value or "").split())
    if not value:
        return mark_safe("")
    folded = _folded_copy(value)
    hits = []
    for match in _WORD.finditer(value):
        word = (
            folded[match.start() : match.end()]
            if folded is not None
            else text.fold(text.modern_tones(match.group()).lower())
        )
        if word in words:
            hits.append((match.start(), match.end(), word))

    start = 0
    if hits:
        best = max(
            range(len(hits)),
            key=lambda i: (len({h[2] for h in hits[i:] if h[0] < hits[i][0] + size}), -i),
        )
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
