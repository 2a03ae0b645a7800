"""Named reads of the leaders directory and of the activities (articles) of a leader."""

import datetime

from django.db.models import Prefetch, QuerySet
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils import timezone

from bantin.core.cache import remembered_showing
from bantin.core.models import readable
from bantin.leaders.models import LeaderPage, LeaderPosition
from bantin.news import selectors as news_selectors


def live_leaders():
    """Every published leader with their positions loaded."""
    return list(
        LeaderPage.objects.live().prefetch_related(
            Prefetch("positions", queryset=LeaderPosition.objects.order_by("start_date"))
        )
    )


def leaders_with_current_positions(index):
    """The leaders under ``index``, each with ``current_positions`` for today."""
    today = timezone.localdate()
    leaders = list(
        readable(LeaderPage.objects.child_of(index))
        .select_related("portrait")
        .prefetch_related("positions")
    )
    for leader in leaders:
        leader.current_positions = leader.positions_on(today)
    return leaders


def parse_month(value):
    """``"2025-02"`` → 1 February 2025; anything else → ``None``."""
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        return datetime.date(year, month, 1)
    except (ValueError, OverflowError):
        return None


def leader_activities(leader, month=None):
    """Published articles linked to ``leader``, newest first, optionally within ``month``."""
    articles = news_selectors.newest_first(
        news_selectors.published_articles().filter(
            leader_links__leader=leader, leader_links__excluded=False
        )
    ).distinct()
    if month is not None:
        following = (month + datetime.timedelta(days=32)).replace(day=1)
        articles = articles.filter(sort_date__gte=month, sort_date__lt=following)
    return articles


def activity_months(leader):
    """The months (first days) in which ``leader`` has activities, newest first."""
    pairs = (
        leader_activities(leader)
        .annotate(year=ExtractYear("sort_date"), month=ExtractMonth("sort_date"))
        .order_by()
        .values_list("year", "month")
        .distinct()
    )
    return sorted((datetime.date(y, m, 1) for y, m in pairs), reverse=True)


def article_leaders(article):
    """The published leaders an article is linked to, in the editor's order.

    Reads the article's own relation, so a preview of a draft shows the draft's links.
    """
    links = article.leader_links.all()
    if isinstance(links, QuerySet):
        links = links.filter(excluded=False, leader__live=True).select_related("leader")
        return [link.leader for link in links]
    return [link.leader for link in links if not link.excluded and link.leader.live]


def article_leader_summaries(article):
    """``(leaders, tags)``: title and address of the published leaders ``article`` links
    to, kept until the article or one of them changes; ``tags`` for ``depends()``."""

    def build():
        leaders = article_leaders(article)
        return (
            [{"title": leader.title, "url": leader.url} for leader in leaders],
            [f"page:{leader.pk}" for leader in leaders],
        )

    leaders, shown = remembered_showing(
        f"article-leaders:{article.pk}", [f"page:{article.pk}"], build
    )
    return leaders, [f"page:{article.pk}", *shown]
