"""RSS 2.0 feeds: all news (``/rss/``) and one per section (``/rss/<section path>/``).

Feeds are anonymous pages like any other: the page cache keeps them until the
listing they read (``list:<section>``) or one of the items they show changes,
and they answer ``If-Modified-Since`` / ``If-None-Match`` themselves when the
cache does not (a request with tracking parameters, or the cache off).
"""

import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed
from django.views.decorators.http import condition

from bantin.core.cache import RESTRICTIONS, SHELL, depends, stamps, until
from bantin.core.models import PortalSettings
from bantin.core.previews import share_image
from bantin.core.routing import site_for_request
from bantin.news import selectors
from bantin.news.previews import modified_moment, published_moment

FEED_SIZE = 20


class PortalRssFeed(Rss201rev2Feed):
    content_type = "application/rss+xml; charset=utf-8"


def _site_or_404(request):
    site = site_for_request(request)
    if site is None:
        raise Http404("Không có trang thông tin nào ở địa chỉ này.")
    return site


def feed_source(request, section_path=None):
    """``(section or None, articles, sections whose listing it reads)`` for a feed request.

    Raises ``Http404`` for a path that names no live, public section.
    """
    site = _site_or_404(request)
    if section_path is None:
        articles, sections = selectors.all_articles()
        return None, articles, sections
    section = selectors.section_at(site.root_page, section_path)
    if section is None:
        raise Http404("Không có chuyên mục này.")
    return section, selectors.section_articles(section), [section]


FEED_FIELDS = ("author", "author_note", "last_published_at")


def _items(request, section_path):
    cached = getattr(request, "_feed_items", None)
    if cached is None:
        section, articles, sections = feed_source(request, section_path)
        # Cards plus what an item of a feed adds (byline, modification time).
        articles = articles.only(*selectors.CARD_FIELDS, *FEED_FIELDS)
        cached = request._feed_items = (section, list(articles[:FEED_SIZE]), sections)
    return cached


def feed_last_modified(request, section_path=None):
    """The latest of the newest item's publication and the last change of the listing."""
    _section, items, sections = _items(request, section_path)
    moments = [item.last_published_at or item.first_published_at for item in items]
    moments = [moment.timestamp() for moment in moments if moment is not None]
    listing = stamps([f"list:{section.pk}" for section in sections]).values()
    latest = max([*moments, *listing], default=None)
    return datetime.datetime.fromtimestamp(latest, tz=datetime.UTC) if latest else None


class ArticlesFeed(Feed):
    """The 20 newest published articles of the portal or of one section (subsections included)."""

    feed_type = PortalRssFeed

    def get_object(self, request, section_path=None):
        section, items, sections = _items(request, section_path)
        depends(request, SHELL, RESTRICTIONS, *(f"list:{s.pk}" for s in sections))
        for item in items:
            depends(request, f"page:{item.pk}")
            if item.expire_at is not None:
                until(request, item.expire_at)
        self.request = request
        self.portal = PortalSettings.for_request(request)
        self.sections = {s.path: s for s in selectors.readable_sections()}
        return {"section": section, "items": items}

    def title(self, obj):
        if obj["section"] is None:
            return f"{self.portal.portal_name} – Tin mới"
        return f"{obj['section'].title} – {self.portal.portal_name}"

    def link(self, obj):
        if obj["section"] is None:
            return "/"
        return obj["section"].get_url(self.request)

    def feed_url(self, obj):
        return self.request.path

    def description(self, obj):
        section = obj["section"]
        if section is not None and section.intro:
            return section.intro
        name = self.portal.agency_name or self.portal.portal_name
        if section is None:
            return f"Tin mới nhất của {name}."
        return f"Tin mới nhất chuyên mục {section.title} của {name}."

    def items(self, obj):
        return obj["items"]

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        return self.request.build_absolute_uri(item.get_url(self.request))

    def item_guid_is_permalink(self, item):
        return True

    def item_description(self, item):
        return item.lead

    def item_pubdate(self, item):
        return published_moment(item)

    def item_updateddate(self, item):
        return modified_moment(item)

    def item_author_name(self, item):
        return item.byline or None

    def item_categories(self, item):
        parent = self.sections.get(item.path[: -item.steplen])
        return [parent.title] if parent is not None else []

    def item_enclosures(self, item):
        image = share_image(item.featured_image, self.request)
        if image is None:
            return []
        return [Enclosure(image["url"], str(image["length"]), image["type"])]


@condition(last_modified_func=feed_last_modified)
def articles_feed(request, section_path=None):
    # A feed object per request: it keeps the request for its item methods.
    return ArticlesFeed()(request, section_path=section_path)
