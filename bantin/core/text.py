"""Vietnamese text: normalisation, folding, slugs and dates.

The one place the portal handles Vietnamese text; slugs, the importer, search
analysis and mention linking all call it.
"""

import datetime
import re
import unicodedata

from django.utils import timezone

# Unicode decomposition leaves these letters whole, so they are mapped by hand.
_UNDECOMPOSABLE = str.maketrans({"đ": "d", "Đ": "D", "ð": "d", "Ð": "D"})

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")


def normalise(text):
    """Return ``text`` in Unicode NFC, the form everything stored is kept in."""
    return unicodedata.normalize("NFC", text) if text else text


def _fold_slowly(text):
    decomposed = unicodedata.normalize("NFD", text.translate(_UNDECOMPOSABLE))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


# Every character below U+2000 that folds to something else, folded once up front:
# translating with this table is many times faster than decomposing each text.
_FOLD_TABLE = {
    code: _fold_slowly(chr(code))
    for code in range(0x80, 0x2000)
    if _fold_slowly(chr(code)) != chr(code)
}


def fold(text):
    """Return ``text`` with every Vietnamese letter reduced to plain ASCII.

    Tone and vowel marks are dropped and ``đ``/``Đ`` become ``d``/``D``;
    case is kept. Characters outside Latin script pass through unchanged.
    """
    return unicodedata.normalize("NFC", text).translate(_FOLD_TABLE)


def slugify(text, max_length=200):
    """Return an ASCII slug for ``text``: folded, lower case, words joined by ``-``.

    The slug is cut at a word boundary so it never exceeds ``max_length``.
    Returns an empty string when ``text`` holds no letter or digit.
    """
    words = re.findall(r"[a-z0-9]+", fold(normalise(text or "")).lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    return slug or (words[0][:max_length] if words else "")


def format_date(value, weekday=False):
    """Format a date the Vietnamese way: ``07/02/2025``, or ``Thứ Sáu, 07/02/2025``.

    Accepts a ``date`` or an aware ``datetime`` (converted to local time first);
    returns ``""`` for ``None``.
    """
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    text = value.strftime("%d/%m/%Y")
    return f"{WEEKDAYS[value.weekday()]}, {text}" if weekday else text


def parse_date(text):
    """Parse ``DD/MM/YYYY`` (also ``D/M/YYYY``) into a ``date``.

    Raises ``ValueError`` with a Vietnamese message if the text is not such a
    date or names a day that does not exist.
    """
    match = re.fullmatch(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*", text or "")
    if not match:
        raise ValueError(f"“{text}” không phải ngày dạng DD/MM/YYYY")
    day, month, year = (int(part) for part in match.groups())
    try:
        return datetime.date(year, month, day)
    except ValueError:
        raise ValueError(f"ngày “{text}” không tồn tại") from None


def parse_any_date(text):
    """Parse a date as readers write it (``07/02/2025``) or as forms and APIs send it
    (``2025-02-07``). Raises ``ValueError`` (Vietnamese message) for anything else."""
    value = (text or "").strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"ngày “{value}” không tồn tại") from None
    return parse_date(value)


def normalise_data(value):
    """Return ``value`` with every string inside it (lists, dicts) in NFC."""
    if isinstance(value, str):
        return normalise(value)
    if isinstance(value, list):
        return [normalise_data(item) for item in value]
    if isinstance(value, dict):
        return {key: normalise_data(item) for key, item in value.items()}
    return value


# Old-style tone placement ("hoà", "thuỷ") puts the mark on the second vowel of a final
# "oa", "oe" or "uy"; the modern style ("hòa", "thủy") on the first. Both are correct
# Vietnamese and must compare equal.
_TONE_MOVES = {}
for _first, _second, _marked in (
    ("o", "a", "àáảãạ"),
    ("o", "e", "èéẻẽẹ"),
    ("u", "y", "ỳýỷỹỵ"),
):
    _first_marked = {"o": "òóỏõọ", "u": "ùúủũụ"}[_first]
    for _tone, _mark in enumerate(_marked):
        _TONE_MOVES[_first + _mark] = _first_marked[_tone] + _second
        _TONE_MOVES[(_first + _mark).upper()] = (_first_marked[_tone] + _second).upper()
        _TONE_MOVES[_first.upper() + _mark] = _first_marked[_tone].upper() + _second
_OLD_TONES = re.compile(r"(?<![qQ])(" + "|".join(map(re.escape, _TONE_MOVES)) + r")(?![^\W\d_])")


def modern_tones(text):
    """Return NFC ``text`` with old-style tone placement moved to the modern style."""
    return _OLD_TONES.sub(lambda match: _TONE_MOVES[match.group(1)], normalise(text))
