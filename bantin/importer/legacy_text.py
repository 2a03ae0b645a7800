"""Read the legacy portal's text dumps of article pages.

A dump holds the two blocks of the old article page, each opened by a marker
line::

    PublishingPortal - Block_BanTin_Toolbar
    07/02/2025                       the article date
    Tăng cỡ chữ Giảm cỡ chữ          the toolbar's labels (ignored)
    <title>
    <lead, one or more lines>
    PublishingPortal - Block_BanTin_ViewData
    <section heading>                short, no final punctuation, a paragraph follows
    <paragraph> ...
    Bích Huệ (tổng hợp)              the byline, last

``parse_bulletin`` turns the raw bytes into a ``LegacyBulletin`` or raises
``LegacyFormatError`` saying what is wrong.
"""

import datetime
import hashlib
import json
import re
from dataclasses import asdict, dataclass, field

from bantin.core import text

TOOLBAR_MARKER = "Block_BanTin_Toolbar"
VIEWDATA_MARKER = "Block_BanTin_ViewData"
TOOLBAR_LABELS = ("Tăng cỡ chữ", "Giảm cỡ chữ", "In bài", "Chia sẻ", "Gửi email", "Bản in")

TITLE_MAX_CHARS = 255
HEADING_MAX_CHARS = 160
HEADING_MAX_WORDS = 30
BYLINE_MAX_WORDS = 8
# Control characters other than tab, line and page breaks: a few are tolerated, more
# mean a binary file.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
FINAL_PUNCTUATION = '.!?…:;,"”’)]»'


class LegacyFormatError(ValueError):
    """The file is not a legacy article dump we can read; the message says why."""


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class LegacyBulletin:
    title: str
    date: datetime.date
    lead: str
    sections: list[Section]
    author: str = ""
    author_note: str = ""

    @property
    def fingerprint(self):
        """A hash of the content that stays the same however the file was encoded or laid out."""
        data = asdict(self)
        data["date"] = self.date.isoformat()
        payload = json.dumps(data, ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def decode(raw, max_bytes):
    """Return the text of a dump's bytes, or raise ``LegacyFormatError``.

    Refuses files over ``max_bytes``, empty files, binary files and text that is
    not UTF-8 (with the byte offset of the first bad byte).
    """
    if len(raw) > max_bytes:
        raise LegacyFormatError(
            f"tệp quá lớn ({len(raw):,} byte, tối đa {max_bytes:,} byte)".replace(",", ".")
        )
    if not raw.strip():
        raise LegacyFormatError("tệp rỗng")
    if b"\x00" in raw:
        raise LegacyFormatError("tệp nhị phân, không phải văn bản")
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise LegacyFormatError(
            f"không phải văn bản UTF-8 (byte lỗi ở vị trí {error.start})"
        ) from None
    controls = len(_CONTROLS.findall(content))
    if controls > max(3, len(content) // 100):
        raise LegacyFormatError("tệp nhị phân, không phải văn bản")
    return text.normalise(content)


def _clean_lines(block):
    return [line.strip() for line in block if line.strip()]


def _split_blocks(content):
    lines = content.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    toolbar_at = viewdata_at = None
    for number, line in enumerate(lines):
        if TOOLBAR_MARKER in line and toolbar_at is None:
            toolbar_at = number
        elif VIEWDATA_MARKER in line and viewdata_at is None:
            viewdata_at = number
    if toolbar_at is None:
        raise LegacyFormatError(f"thiếu dòng đánh dấu khối “{TOOLBAR_MARKER}”")
    if viewdata_at is None:
        raise LegacyFormatError(f"thiếu dòng đánh dấu khối “{VIEWDATA_MARKER}”")
    if viewdata_at < toolbar_at:
        raise LegacyFormatError(f"khối “{VIEWDATA_MARKER}” đứng trước khối “{TOOLBAR_MARKER}”")
    return lines[toolbar_at + 1 : viewdata_at], lines[viewdata_at + 1 :]


def _strip_toolbar_labels(line):
    for label in TOOLBAR_LABELS:
        line = line.replace(label, " ")
    return line.strip()


def _parse_toolbar(block):
    lines = _clean_lines(block)
    if not lines:
        raise LegacyFormatError("khối đầu bài trống: không có ngày, tiêu đề")
    date_line = lines.pop(0)
    # A date line may carry a time after the date ("07/02/2025 10:30").
    date_text = date_line.split()[0]
    try:
        date = text.parse_date(date_text)
    except ValueError as error:
        raise LegacyFormatError(f"không có ngày đăng hợp lệ ở dòng đầu khối: {error}") from None
    while lines and not _strip_toolbar_labels(lines[0]):
        lines.pop(0)
    if not lines:
        raise LegacyFormatError("không có tiêu đề bài")
    title = lines.pop(0)
    if len(title) > TITLE_MAX_CHARS:
        raise LegacyFormatError(
            f"tiêu đề dài {len(title)} ký tự, quá {TITLE_MAX_CHARS} ký tự: có thể thiếu xuống dòng"
        )
    lead = " ".join(lines)
    return title, date, lead


def _ends_like_sentence(line):
    return line.endswith(tuple(FINAL_PUNCTUATION))


def _is_heading(line):
    return (
        len(line) <= HEADING_MAX_CHARS
        and len(line.split()) <= HEADING_MAX_WORDS
        and not _ends_like_sentence(line)
    )


_BYLINE = re.compile(r"^(?P<author>[^()]+?)\s*(?:\((?P<note>[^()]{1,60})\))?$")


def _parse_byline(line):
    """Return ``(author, note)`` if ``line`` reads as a byline, else ``None``."""
    match = _BYLINE.match(line)
    if not match or _ends_like_sentence(match["author"]):
        return None
    words = match["author"].split()
    if not words or len(words) > BYLINE_MAX_WORDS:
        return None
    if not all(word[0].isupper() or not word[0].isalpha() for word in words):
        return None
    return match["author"].strip(), (match["note"] or "").strip()


def _parse_view(block):
    lines = _clean_lines(block)
    author = note = ""
    if lines:
        byline = _parse_byline(lines[-1])
        if byline:
            author, note = byline
            lines.pop()
    if not lines:
        raise LegacyFormatError("khối nội dung bài trống")
    sections = []
    for index, line in enumerate(lines):
        next_line = lines[index + 1] if index + 1 < len(lines) else None
        if _is_heading(line) and next_line is not None and not _is_heading(next_line):
            sections.append(Section(heading=line))
        else:
            if not sections:
                sections.append(Section(heading=""))
            sections[-1].paragraphs.append(line)
    return sections, author, note


def parse_bulletin(raw, max_bytes):
    """Parse a dump's bytes into a ``LegacyBulletin``; raise ``LegacyFormatError`` if unreadable."""
    content = decode(raw, max_bytes)
    toolbar, view = _split_blocks(content)
    title, date, lead = _parse_toolbar(toolbar)
    sections, author, note = _parse_view(view)
    return LegacyBulletin(
        title=title, date=date, lead=lead, sections=sections, author=author, author_note=note
    )
