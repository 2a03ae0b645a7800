"""Keeping ``ListingEntry`` rows in step with what is published.

An article has one entry for each section above it while it is live; the entry
carries the date readers see, so "newest first" is an index scan. When an
article's entries change (published, unpublished, moved, re-dated) the
``list:<section>`` tags of the sections concerned are touched, which is how a
cached listing knows it is stale; an edit that leaves the order alone touches
only the article's own ``page:<id>``.
"""

from django.db import transaction
from django.utils import timezone

from bantin.core.cache import touch
from bantin.news.models import ArticlePage, ListingEntry, NewsIndexPage


def list_tag(section_id):
    return f"list:{section_id}"


def _ancestor_paths(article):
    return [
        article.path[:end] for end in range(article.steplen, len(article.path), article.steplen)
    ]


def _wanted(article, sections):
    """``{section_id: (sort_date, published_at)}`` the article should be listed under."""
    if not article.live:
        return {}
    value = (article.display_date, article.first_published_at)
    return {sections[path]: value for path in _ancestor_paths(article) if path in sections}


def _chunks(values, size=500):
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start : start + size]


def listings_refresh(articles):
    """Bring the entries of ``articles`` up to date; return the ids of sections whose listing
    changed. Reads and writes the entries of all of them together."""
    articles = {article.pk: article for article in articles}
    if not articles:
        return set()
    sections = {}
    paths = {
        path for article in articles.values() if article.live for path in _ancestor_paths(article)
    }
    for chunk in _chunks(paths):
        sections.update(NewsIndexPage.objects.filter(path__in=chunk).values_list("path", "pk"))
    current = {}
    for chunk in _chunks(articles):
        for entry in ListingEntry.objects.filter(article_id__in=chunk):
            current.setdefault(entry.article_id, {})[entry.section_id] = entry
    stale, fresh, changed = [], [], set()
    for pk, article in articles.items():
        wanted = _wanted(article, sections)
        entries = current.get(pk, {})
        for section_id in wanted.keys() | entries.keys():
            entry = entries.get(section_id)
            now = (entry.sort_date, entry.published_at) if entry is not None else None
            if wanted.get(section_id) == now:
                continue
            changed.add(section_id)
            if entry is not None:
                stale.append(entry.pk)
            if section_id in wanted:
                sort_date, published_at = wanted[section_id]
                fresh.append(
                    ListingEntry(
                        section_id=section_id,
                        article_id=pk,
                        sort_date=sort_date,
                        published_at=published_at,
                    )
                )
    if not changed:
        return set()
    with transaction.atomic():
        for chunk in _chunks(stale):
            ListingEntry.objects.filter(pk__in=chunk).delete()
        ListingEntry.objects.bulk_create(fresh, batch_size=500)
    touch(*(list_tag(section_id) for section_id in changed))
    return changed


def listing_refresh(article):
    """Bring ``article``'s entries up to date; return the ids of sections whose listing changed."""
    return listings_refresh([article])


def listing_rebuild(under=None, batch=2000):
    """Rebuild the entries of every article (or of those under the page ``under``).

    Returns the number of entries written. Used after moving a section, after a
    bulk import and by the migration that introduced the listing.
    """
    articles = ArticlePage.objects.all()
    entries = ListingEntry.objects.all()
    if under is not None:
        articles = articles.filter(path__startswith=under.path)
        entries = entries.filter(article__path__startswith=under.path)
    sections = dict(NewsIndexPage.objects.values_list("path", "pk"))
    steplen = ArticlePage.steplen
    written = 0
    with transaction.atomic():
        touched = set(entries.values_list("section_id", flat=True).distinct())
        entries.delete()
        rows = []
        for pk, path, live, date, first_published_at in articles.values_list(
            "pk", "path", "live", "date", "first_published_at"
        ).iterator(chunk_size=batch):
            if not live:
                continue
            sort_date = date or (
                timezone.localdate(first_published_at)
                if first_published_at
                else timezone.localdate()
            )
            for end in range(steplen, len(path), steplen):
                section_id = sections.get(path[:end])
                if section_id is not None:
                    rows.append(
                        ListingEntry(
                            section_id=section_id,
                            article_id=pk,
                            sort_date=sort_date,
                            published_at=first_published_at,
                        )
                    )
                    touched.add(section_id)
            if len(rows) >= batch:
                ListingEntry.objects.bulk_create(rows)
                written += len(rows)
                rows = []
        ListingEntry.objects.bulk_create(rows)
        written += len(rows)
    touch(*(list_tag(section_id) for section_id in touched))
    return written
