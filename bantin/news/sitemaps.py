"""The sitemap of every public page, light enough for an archive of 100,000 articles.

Pages are read as ``(url_path, last_published_at)`` rows, never as page objects;
past ``limit`` addresses ``/sitemap.xml`` becomes an index of numbered pages.
"""

from django.db.models import Max
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from bantin.core.models import readable
from bantin.core.routing import site_for_request


class PortalSitemap(Sitemap):
    """Every live, public, unexpired page of the request's site, in tree order."""

    limit = 50_000

    def __init__(self, request=None):
        super().__init__(request)
        self.site = site_for_request(request)

    def pages(self):
        root = self.site.root_page
        return readable(Page.objects.filter(path__startswith=root.path, depth__gte=root.depth))

    def items(self):
        return (
            self.pages()
            .order_by("path")
            .values_list(
                "url_path", "last_published_at", "latest_revision_created_at", "first_published_at"
            )
        )

    def get_latest_lastmod(self):
        return self.pages().aggregate(latest=Max("last_published_at"))["latest"]

    def _urls(self, page, protocol, domain):
        root_path = self.site.root_page.url_path
        base = self.request.build_absolute_uri("/")[:-1]
        urls = []
        latest = None
        for url_path, published, revised, first in self.paginator.page(page).object_list:
            lastmod = published or revised or first
            urls.append({"location": base + "/" + url_path[len(root_path) :], "lastmod": lastmod})
            if lastmod is not None and (latest is None or lastmod > latest):
                latest = lastmod
        self.latest_lastmod = latest
        return urls
