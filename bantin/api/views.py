"""The read-only JSON API (``/api/v2/``): thin views over the API's selectors.

Built on Wagtail API v2's view set and router; parameters are read strictly
(``api.params``) so a bad value is a 400 naming it, never a 500.
"""

from django.http import Http404, JsonResponse
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import BaseAPIViewSet

from bantin.api import openapi, representations, selectors
from bantin.api.params import BadParameter, date_read, page_read, query_read
from bantin.core.routing import site_for_request
from bantin.leaders import selectors as leader_selectors
from bantin.leaders.models import LeaderPage
from bantin.news import selectors as news_selectors
from bantin.news.models import ArticlePage, NewsIndexPage
from bantin.search import services as search_services

LARGEST_ID = 2**63 - 1


class PortalAPIViewSet(BaseAPIViewSet):
    """A Wagtail API v2 endpoint answering only what the portal documents."""

    renderer_classes = [JSONRenderer]
    listing_parameters = frozenset(["limit", "offset"])
    not_found = "Không tìm thấy."

    @classmethod
    def get_urlpatterns(cls):
        from django.urls import path

        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            path("<int:pk>/", cls.as_view({"get": "detail_view"}), name="detail"),
        ]

    def handle_exception(self, exc):
        if isinstance(exc, BadParameter):
            return Response({"message": exc.message, "parameter": exc.parameter}, status=400)
        if isinstance(exc, Http404):
            return Response({"message": self.not_found}, status=404)
        return super().handle_exception(exc)

    @property
    def http(self):
        return self.request._request

    def site_root(self):
        site = site_for_request(self.http)
        if site is None:
            raise Http404
        return site.root_page

    def object_or_404(self, queryset, pk):
        query_read(self.request.GET, frozenset())
        found = queryset.filter(pk=pk).first() if int(pk) <= LARGEST_ID else None
        if found is None:
            raise Http404
        return found

    def listing(self, items, total, limit, offset):
        return Response(
            {"meta": {"total_count": total, "limit": limit, "offset": offset}, "items": items}
        )


class ArticlesAPIViewSet(PortalAPIViewSet):
    name = "articles"
    model = ArticlePage
    listing_parameters = frozenset(
        ["limit", "offset", "section", "date_from", "date_to", "tag", "search"]
    )
    not_found = "Không có bài viết này (hoặc bài chưa được xuất bản)."

    def _section(self, values, root):
        raw = values.get("section")
        if raw is None:
            return None
        if raw.isascii() and raw.isdigit():
            section = next(
                (s for s in news_selectors.readable_sections() if str(s.pk) == raw), None
            )
        else:
            section = news_selectors.section_at(root, raw)
        if section is None or not section.url_path.startswith(root.url_path):
            raise BadParameter(
                "section",
                f"Không có chuyên mục “{raw}”. Dùng mã số hoặc đường dẫn của chuyên mục "
                "(xem /api/v2/sections/).",
            )
        return section

    def _items(self, articles, root, detail=False):
        http = self.http
        ids = [article.pk for article in articles]
        sections = {section.path: section for section in news_selectors.readable_sections()}
        tags = selectors.tags_for(ids)
        renditions = selectors.share_renditions([a.featured_image for a in articles])
        return [
            representations.article_item(
                http, article, root=root, sections=sections, tags=tags, renditions=renditions
            )
            for article in articles
        ]

    def listing_view(self, request):
        values = query_read(request.GET, self.listing_parameters)
        limit, offset = page_read(values)
        root = self.site_root()
        section = self._section(values, root)
        date_from, date_to = date_read(values, "date_from"), date_read(values, "date_to")
        if date_from and date_to and date_from > date_to:
            raise BadParameter("date_to", "Tham số “date_to” phải không sớm hơn “date_from”.")
        search, tag = values.get("search"), values.get("tag")
        if search is not None:
            if tag is not None:
                raise BadParameter(
                    "tag", "Tham số “tag” chưa dùng được cùng “search”; hãy bỏ một trong hai."
                )
            outcome = search_services.articles_search(
                search_services.ArticleSearch(
                    text=search, section=section, date_from=date_from, date_to=date_to
                ),
                offset=offset,
                limit=limit,
            )
            ids = [hit.article.pk for hit in outcome.hits]
            found, _ = selectors.articles_filtered(section=section)
            by_id = {article.pk: article for article in found.filter(pk__in=ids).order_by()}
            articles = [by_id[pk] for pk in ids if pk in by_id]
            total = outcome.count
        else:
            found, sections = selectors.articles_filtered(
                section=section, date_from=date_from, date_to=date_to, tag=tag
            )
            filtered = bool(date_from or date_to or tag)
            articles = list(found[offset : offset + limit])
            total = selectors.articles_count(found, sections, filtered)
        return self.listing(self._items(articles, root), total, limit, offset)

    def detail_view(self, request, pk):
        root = self.site_root()
        article = self.object_or_404(news_selectors.published_articles().descendant_of(root), pk)
        item = self._items([article], root)[0]
        leaders = selectors.leaders_for([article.pk]).get(article.pk, [])
        return Response(representations.article_detail(self.http, article, item, leaders))


class SectionsAPIViewSet(PortalAPIViewSet):
    name = "sections"
    model = NewsIndexPage
    not_found = "Không có chuyên mục này."

    def _sections(self, root):
        return [
            section
            for section in news_selectors.readable_sections()
            if section.url_path.startswith(root.url_path)
        ]

    def _item(self, section, root, sections):
        return representations.section_item(
            self.http,
            section,
            root=root,
            sections=sections,
            count=news_selectors.section_count(section),
        )

    def listing_view(self, request):
        values = query_read(request.GET, self.listing_parameters)
        limit, offset = page_read(values)
        root = self.site_root()
        every = self._sections(root)
        by_path = {section.path: section for section in every}
        shown = every[offset : offset + limit]
        items = [self._item(section, root, by_path) for section in shown]
        return self.listing(items, len(every), limit, offset)

    def detail_view(self, request, pk):
        query_read(request.GET, frozenset())
        root = self.site_root()
        every = self._sections(root)
        section = next((s for s in every if s.pk == int(pk)), None) if pk <= LARGEST_ID else None
        if section is None:
            raise Http404
        return Response(self._item(section, root, {s.path: s for s in every}))


class LeadersAPIViewSet(PortalAPIViewSet):
    name = "leaders"
    model = LeaderPage
    not_found = "Không có lãnh đạo này."
    recent = 10

    def listing_view(self, request):
        values = query_read(request.GET, self.listing_parameters)
        limit, offset = page_read(values)
        root = self.site_root()
        leaders = selectors.public_leaders().descendant_of(root)
        items = [
            representations.leader_item(self.http, leader)
            for leader in leaders[offset : offset + limit]
        ]
        return self.listing(items, leaders.count(), limit, offset)

    def detail_view(self, request, pk):
        root = self.site_root()
        leader = self.object_or_404(selectors.public_leaders().descendant_of(root), pk)
        activity_ids = list(
            leader_selectors.leader_activities(leader).values_list("pk", flat=True)[: self.recent]
        )
        return Response(representations.leader_detail(self.http, leader, activity_ids))


router = WagtailAPIRouter("api")
router.register_endpoint("articles", ArticlesAPIViewSet)
router.register_endpoint("sections", SectionsAPIViewSet)
router.register_endpoint("leaders", LeadersAPIViewSet)


def not_found(request):
    return JsonResponse(
        {"message": "Không có địa chỉ này trong API. Xem /api/v2/openapi.json."},
        status=404,
        json_dumps_params={"ensure_ascii": False},
    )


def openapi_document(request):
    """The OpenAPI 3 description of every endpoint under ``/api/v2/``."""
    return JsonResponse(
        openapi.document(request.build_absolute_uri("/api/v2")),
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
