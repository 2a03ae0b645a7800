import datetime

from django.contrib.contenttypes.models import ContentType
from django.contrib.sitemaps import views as sitemap_views
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from bantin.core.cache import RESTRICTIONS, SHELL, SITES, depends, until
from bantin.core.routing import site_for_request
from bantin.news import selectors
from bantin.news.models import ArticlePage
from bantin.news.sitemaps import PortalSitemap

# An edit that keeps an article where it is changes only that article's lastmod; the
# sitemap does not follow every article, so it is rebuilt at least this often.
SITEMAP_FRESHNESS = datetime.timedelta(hours=1)


def _site(request):
    site = site_for_request(request)
    if site is None:
        raise Http404("Không có trang thông tin nào ở địa chỉ này.")
    return site


def feed_directory(request):
    """The list of the portal's RSS feeds: all news, then each section in tree order."""
    site = _site(request)
    depends(request, SHELL, RESTRICTIONS, SITES)
    root = site.root_page
    sections = [
        {
            "title": section.title,
            "level": (section.depth - root.depth - 1),
            "url": section.get_url(request),
            "feed": reverse("feed_section", args=[section.url_path[len(root.url_path) : -1]]),
        }
        for section in selectors.readable_sections()
        if section.url_path.startswith(root.url_path)
    ]
    return render(
        request,
        "news/feed_directory.html",
        {"sections": sections, "all_feed": reverse("feed_all")},
    )


def _sitemap_depends(request, sitemap):
    depends(request, SHELL, RESTRICTIONS, SITES)
    for section in selectors.top_sections():
        depends(request, f"list:{section.pk}")
    # Pages other than articles join their parent's children when first published.
    others = sitemap.pages().exclude(content_type=ContentType.objects.get_for_model(ArticlePage))
    depends(request, *(f"children:{pk}" for pk in others.values_list("pk", flat=True)))
    expiring = (
        sitemap.pages()
        .filter(expire_at__isnull=False)
        .order_by("expire_at")
        .values_list("expire_at", flat=True)
        .first()
    )
    until(request, min(filter(None, [expiring, timezone.now() + SITEMAP_FRESHNESS])))


def sitemap_xml(request):
    """``/sitemap.xml``: the sitemap itself, or an index of its pages past 50,000 addresses."""
    _site(request)
    sitemap = PortalSitemap(request)
    _sitemap_depends(request, sitemap)
    sitemaps = {"trang": sitemap}
    if sitemap.paginator.num_pages > 1 and "p" not in request.GET:
        return sitemap_views.index(request, sitemaps, sitemap_url_name="sitemap_section")
    return sitemap_views.sitemap(request, sitemaps, template_name="news/sitemap.xml")


def sitemap_section(request, section):
    """One numbered page of the sitemap (``/sitemap-trang.xml?p=2``)."""
    _site(request)
    if section != "trang":
        raise Http404("Không có phần này trong sơ đồ trang.")
    sitemap = PortalSitemap(request)
    _sitemap_depends(request, sitemap)
    return sitemap_views.sitemap(
        request, {"trang": sitemap}, section=section, template_name="news/sitemap.xml"
    )


def robots_txt(request):
    """Crawlers may read every public page; the sitemap's absolute address is given."""
    depends(request, SITES)
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /tim-kiem/",
        "Disallow: /api/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
