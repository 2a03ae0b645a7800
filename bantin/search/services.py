"""Searching the portal's published articles, for the search page and the JSON API."""

import re
from dataclasses import dataclass, field
from html import unescape

from wagtail.search.backends import get_search_backend

from bantin.core.models import readable
from bantin.news.models import ArticlePage
from bantin.search import backends, snippets

# Snippets are cut from the start of the text: enough for the lead and the first
# paragraphs, where the words readers search for usually are.
SNIPPET_SOURCE = 2500
# The portal's own rich text, cleaned when saved: removing tags needs no parser.
_TAG = re.compile(r"<[^>]*>")


@dataclass
class ArticleSearch:
    """What a reader asked for; every filter is optional."""

    text: str = ""
    section: object = None
    date_from: object = None
    date_to: object = None
    leader: object = None


@dataclass
class Hit:
    article: ArticlePage
    section: object
    snippet: str


@dataclass
class SearchOutcome:
    hits: list = field(default_factory=list)
    count: int = 0
    capped: bool = False
    understood: str = ""
    corrections: dict = field(default_factory=dict)
    truncated: bool = False


def articles_search(search, *, offset=0, limit=10):
    """Search published, public, unexpired articles; return a ``SearchOutcome``.

    Drafts, pages under review, private and expired pages are never returned:
    the search runs over the same read path as the section pages.
    """
    # Hits show no pictures: the readable articles without the image prefetch.
    articles = readable(ArticlePage.objects.all())
    if search.section is not None:
        articles = articles.descendant_of(search.section)
    if search.date_from:
        articles = articles.filter(date__gte=search.date_from)
    if search.date_to:
        articles = articles.filter(date__lte=search.date_to)
    if search.leader is not None:
        articles = articles.filter(
            leader_links__leader=search.leader, leader_links__excluded=False
        ).distinct()
    backend = get_search_backend()
    if isinstance(backend, backends.VietnameseSearchBackend):
        results = backend.search(
            search.text,
            articles,
            within=search.section,
            date_from=search.date_from,
            date_to=search.date_to,
        )
    else:
        results = backend.search(search.text, articles)
    outcome = SearchOutcome()
    page = list(results[offset : offset + limit])
    outcome.count = results.count()
    if isinstance(results, backends.VietnameseSearchResults):
        outcome.capped = results.capped
        outcome.understood = results.parsed.describe()
        outcome.corrections = results.corrections
        outcome.truncated = results.parsed.truncated
        words = results.parsed.highlight_sequences()
    else:
        words = set()
    parents = _parents(page)
    for article in page:
        outcome.hits.append(
            Hit(
                article=article,
                section=parents.get(article.pk),
                snippet=snippets.snippet(_plain_text(article), words),
            )
        )
    return outcome


def _plain_text(article):
    """The lead and the opening text blocks of ``article``, without markup."""
    parts, size = [article.lead or ""], len(article.lead or "")
    for block in article.body.raw_data:
        value = block.get("value")
        if block.get("type") in ("paragraph", "heading") and isinstance(value, str):
            parts.append(_TAG.sub(" ", value))
            size += len(parts[-1])
            if size > SNIPPET_SOURCE:
                break
    return unescape(" ".join(parts))[:SNIPPET_SOURCE]


def _parents(articles):
    """Each article's section, in one query."""
    from wagtail.models import Page

    paths = {article.pk: article.path[: -ArticlePage.steplen] for article in articles}
    sections = {page.path: page for page in Page.objects.filter(path__in=set(paths.values()))}
    return {pk: sections.get(path) for pk, path in paths.items()}


def search_index_ensure():
    """Build the search index when it is empty but the site has content (a portal
    upgraded to this version, or one restored from a backup without the index).

    Returns the number of documents indexed, 0 when the index was already there.
    """
    from django.core.management import call_command
    from wagtail.models import Page

    from bantin.search.models import SearchDocument

    if SearchDocument.objects.exists() or not Page.objects.filter(depth__gt=1).exists():
        return 0
    call_command("update_index", verbosity=0)
    return SearchDocument.objects.count()
