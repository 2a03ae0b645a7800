"""Compile the week's leaders' activities into one round-up draft, as editors did by hand."""

import datetime
import re
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils.html import escape
from wagtail.rich_text import RichText

from bantin.leaders.models import WeeklyDigest
from bantin.news import selectors as news_selectors
from bantin.news.models import ArticlePage

DEFAULT_SECTION = "hoat-dong-cua-lanh-dao-tinh"
TITLE = "Điểm hoạt động nổi bật của lãnh đạo tỉnh trong tuần, từ {range}"
LEAD_END = "… là những hoạt động nổi bật của lãnh đạo tỉnh trong tuần, từ {range}."
HIGHLIGHTS = 3
EXCERPT_CHARS = 900
# "Sáng 3/2", "Chiều 4/2/2025", "Ngày 5/2" opening a lead: when the event happened.
TIME_PHRASE = re.compile(
    r"^\s*(ngày|sáng|trưa|chiều|tối|đêm)\s+(\d{1,2})/(\d{1,2})(?:/(\d{4}))?", re.IGNORECASE
)
PART_OF_DAY = {"ngày": 0, "sáng": 1, "trưa": 2, "chiều": 3, "tối": 4, "đêm": 5}


class DigestError(ValueError):
    """The round-up cannot be compiled as asked; the message says why."""


@dataclass
class DigestResult:
    page: ArticlePage | None
    created: bool = False
    items: list = field(default_factory=list)
    message: str = ""


def week_of(day):
    """The Monday and Sunday of the week containing ``day``."""
    monday = day - datetime.timedelta(days=day.weekday())
    return monday, monday + datetime.timedelta(days=6)


def event_moment(article):
    """When the item's event happened: the lead's opening time phrase, else the article date.

    Returns ``(date, order within the day)`` for sorting.
    """
    published = article.display_date
    match = TIME_PHRASE.match(article.lead or "")
    if match:
        part, day, month, year = match.groups()
        try:
            when = datetime.date(int(year or published.year), int(month), int(day))
        except ValueError:
            when = None
        if when is not None:
            if not year and when > published + datetime.timedelta(days=31):
                when = when.replace(year=when.year - 1)
            return when, PART_OF_DAY[part.lower()]
    return published, len(PART_OF_DAY)


def date_range(start, end):
    """``3/2 - 7/2/2025`` (the year once, days and months without leading zeros)."""
    left = f"{start.day}/{start.month}" + (f"/{start.year}" if start.year != end.year else "")
    return f"{left} - {end.day}/{end.month}/{end.year}"


def week_items(monday, sunday, section):
    """Published, non-round-up articles of the week from ``section`` or linked to a leader,
    in the order their events happened."""
    articles = news_selectors.newest_first(
        news_selectors.published_articles().filter(is_roundup=False)
    ).filter(sort_date__gte=monday, sort_date__lte=sunday)
    articles = articles.filter(
        Q(path__startswith=section.path)
        | Q(leader_links__isnull=False, leader_links__excluded=False)
    ).distinct()
    return sorted(articles, key=lambda article: (event_moment(article), article.pk))


def _paragraphs(article):
    for block in article.body:
        if block.block_type == "paragraph":
            yield block.value.source


def _excerpt(article):
    """The item's lead, then its first paragraphs up to about ``EXCERPT_CHARS`` characters."""
    blocks = []
    if article.lead:
        blocks.append(("paragraph", RichText(f"<p>{escape(article.lead)}</p>")))
    used = len(article.lead or "")
    for html in _paragraphs(article):
        if used >= EXCERPT_CHARS:
            break
        blocks.append(("paragraph", RichText(html)))
        used += len(html)
    blocks.append(
        (
            "paragraph",
            RichText(
                f'<p>Xem toàn văn: <a linktype="page" id="{article.pk}">'
                f"{escape(article.title)}</a></p>"
            ),
        )
    )
    return blocks


def _fill(page, items, start, end, byline):
    span = date_range(start, end)
    page.title = TITLE.format(range=span)
    highlights = "; ".join(item.title for item in items[:HIGHLIGHTS])
    page.lead = highlights + LEAD_END.format(range=span)
    body = []
    for item in items:
        body.append(("heading", item.title))
        body.extend(_excerpt(item))
    page.body = body
    page.author = byline
    page.author_note = "tổng hợp"
    page.date = end
    page.is_roundup = True


@transaction.atomic
def digest_compile(*, day, section=None, by="", user=None, force=False):
    """Compile the round-up of the week containing ``day`` as a draft and submit it for review.

    - collects the week's published items (``week_items``); none → nothing is created;
    - the week's existing draft gets a new revision instead of a second article;
    - a week whose round-up is already published is refused unless ``force``;
    - the draft lives in ``section`` (default: the leaders' activities section) and
      enters the section's approval workflow; it is never published here.

    Raises ``DigestError`` for a missing section or a published week without ``force``.
    """
    if section is None:
        section = news_selectors.section_find(DEFAULT_SECTION)
    monday, sunday = week_of(day)
    items = week_items(monday, sunday, section)
    if not items:
        return DigestResult(
            None,
            message=f"Tuần {date_range(monday, sunday)} không có hoạt động nào; không tạo bài.",
        )
    moments = [event_moment(item)[0] for item in items]
    start = min(monday, min(moments))
    end = max(monday + datetime.timedelta(days=4), max(moments))
    byline = by or (user.get_full_name() if user else "") or "Ban biên tập"

    record = WeeklyDigest.objects.filter(week_start=monday).select_related("page").first()
    if record is not None and record.page.live and not force:
        raise DigestError(
            f"Điểm tin tuần {date_range(monday, sunday)} đã xuất bản; "
            "dùng --force (hoặc đánh dấu “Tạo lại”) để tạo phiên bản nháp mới."
        )
    created = record is None
    if created:
        page = ArticlePage(live=False, owner=user)
        _fill(page, items, start, end, byline)
        section.add_child(instance=page)
        record = WeeklyDigest(week_start=monday, page=page)
    else:
        page = record.page.get_latest_revision_as_object()
        _fill(page, items, start, end, byline)
    page.save_revision(user=user, log_action=True)
    record.save()
    record.sources.set(items)
    page = ArticlePage.objects.get(pk=page.pk)
    workflow = page.get_workflow()
    if workflow is not None and not page.workflow_in_progress:
        workflow.start(page, user)
    verb = "Đã tạo" if created else "Đã cập nhật"
    return DigestResult(
        page,
        created,
        items,
        f"{verb} bản nháp “{page.get_latest_revision_as_object().title}” "
        f"từ {len(items)} tin và gửi duyệt.",
    )
