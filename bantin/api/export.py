"""Open data: the metadata of every published, public article as CSV or JSON."""

import csv
import json

from django.db.models import Prefetch

from bantin.core import text
from bantin.leaders.models import ArticleLeader
from bantin.news import selectors as news_selectors
from bantin.news.models import ArticlePageTag, NewsIndexPage
from bantin.news.previews import modified_moment, published_moment

FORMATS = ("csv", "json")
COLUMNS = [
    "id",
    "title",
    "url",
    "section",
    "date",
    "published_at",
    "modified_at",
    "author",
    "tags",
    "leaders",
]
CHUNK = 2000


class ExportError(ValueError):
    """The export cannot run as asked; the message says why, in Vietnamese."""


def since_parse(value):
    """``07/02/2025`` or ``2025-02-07`` → a date; ``None`` for nothing; else ``ExportError``."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        return text.parse_any_date(value)
    except ValueError:
        raise ExportError(
            f"Ngày “{value[:40]}” không hợp lệ; viết dạng 07/02/2025 hoặc 2025-02-07."
        ) from None


def _records(site, since):
    root = site.root_page
    base = site.root_url
    sections = dict(NewsIndexPage.objects.values_list("path", "title"))
    articles = (
        news_selectors.published_articles()
        .descendant_of(root)
        .select_related(None)
        .only(
            "id",
            "title",
            "path",
            "depth",
            "url_path",
            "date",
            "first_published_at",
            "last_published_at",
            "author",
            "author_note",
        )
        .prefetch_related(
            Prefetch("tagged_items", queryset=ArticlePageTag.objects.select_related("tag")),
            Prefetch(
                "leader_links",
                queryset=ArticleLeader.objects.filter(excluded=False, leader__live=True)
                .select_related("leader")
                .only("article_id", "sort_order", "leader__id", "leader__title"),
            ),
        )
        .order_by("pk")
    )
    if since is not None:
        articles = news_selectors.newest_first(articles).filter(sort_date__gte=since)
        articles = articles.order_by("pk")
    for article in articles.iterator(chunk_size=CHUNK):
        yield {
            "id": article.pk,
            "title": article.title,
            "url": base + "/" + article.url_path[len(root.url_path) :],
            "section": sections.get(article.path[: -article.steplen], ""),
            "date": article.display_date.isoformat(),
            "published_at": published_moment(article).isoformat(),
            "modified_at": modified_moment(article).isoformat(),
            "author": article.byline,
            "tags": sorted(item.tag.name for item in article.tagged_items.all()),
            "leaders": [link.leader.title for link in article.leader_links.all()],
        }


class _Lines:
    """A file-like sink that hands back what csv.writer wrote."""

    def write(self, value):
        return value


def articles_export_lines(*, site, format, since=None):
    """Yield the export of ``site``'s published, public articles as text chunks.

    ``format`` is ``csv`` (tags and leaders joined by "; ") or ``json`` (a list of
    objects). Raises ``ExportError`` for an unknown format.
    """
    if format not in FORMATS:
        raise ExportError(f"Định dạng “{format}” không hỗ trợ; chọn csv hoặc json.")
    records = _records(site, since)
    if format == "csv":
        writer = csv.writer(_Lines())
        yield "\ufeff" + writer.writerow(COLUMNS)
        for record in records:
            yield writer.writerow(
                [
                    "; ".join(record[column])
                    if isinstance(record[column], list)
                    else record[column]
                    for column in COLUMNS
                ]
            )
        return
    yield "["
    for index, record in enumerate(records):
        yield ("," if index else "") + "\n" + json.dumps(record, ensure_ascii=False)
    yield "\n]\n"


def articles_export(*, site, format, out, since=None):
    """Write the export to the text stream ``out``; return the number of articles."""
    count = 0
    for chunk in articles_export_lines(site=site, format=format, since=since):
        out.write(chunk)
        count += 1
    # The header line (CSV) or the closing bracket (JSON) is not an article.
    return count - (1 if format == "csv" else 2)
