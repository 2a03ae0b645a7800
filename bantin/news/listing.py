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


def _wanted(article):
    """``{section_id: (sort_date, published_at)}`` the article should be listed under."""
    if not article.live:
        return {}
    sort_date = article.date or (
        timezone.localdate(article.first_published_at)
        if article.first_published_at
        else timezone.localdate()
    )
    ancestors = NewsIndexPage.objects.filter(
        path__in=[
            article.path[:end] for end in range(article.steplen, len(article.path), article.steplen)
        ]
    ).values_list("pk", flat=True)
    return {section_id: (sort_date, article.first_published_at) for section_id in ancestors}


def listing_refresh(article):
    """Bring ``article``'s entries up to date; return the ids of sections whose listing changed."""
    wanted = _wanted(article)
    current = {
        entry.section_id: (entry.sort_date, entry.published_at)
        for entry in ListingEntry.objects.filter(article_id=article.pk)
    }
    if wanted == current:
        return set()
    changed = {
        section_id
        for section_id in wanted.keys() | current.keys()
        if wanted.get(section_id) != current.get(section_id)
    }
    with transaction.atomic():
        ListingEntry.objects.filter(article_id=article.pk, section_id__in=changed).delete()
        ListingEntry.objects.bulk_create(
            ListingEntry(
                section_id=section_id,
                article_id=article.pk,
                sort_date=value[0],
                published_at=value[1],
            )
            for section_id, value in wanted.items()
            if section_id in changed
        )
    touch(*(list_tag(section_id) for section_id in changed))
    return changed


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
