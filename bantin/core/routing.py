"""Serving a page in a bounded number of queries, whatever the depth of the tree.

Wagtail finds a page by walking the tree one URL segment at a time (two queries
per level) after looking the Site up in the database. Here the Site list comes
from the shared cache, and so does which page answers an address (found once by
its slug and full URL path), so serving a page costs one query: the page's own
row. Page types that define their own ``route()`` keep Wagtail's walk, so
nothing that relies on it changes.
"""

from functools import cache as memoise

from django.contrib.contenttypes.models import ContentType
from django.db import connections, router
from django.http import Http404, HttpResponse
from django.http.request import split_domain_port
from wagtail import hooks
from wagtail.models import Page, Site, get_page_models
from wagtail.url_routing import RouteResult

from bantin.core.cache import REDIRECTS, RESTRICTIONS, SHELL, SITES, depends, pin, remembered


def sites():
    """Every Site with its root page, from the shared cache."""
    return remembered("sites", [SITES], lambda: list(Site.objects.select_related("root_page")))


def _port(request):
    try:
        return int(request.get_port())
    except (TypeError, ValueError):
        return None


def site_for_request(request):
    """The Site answering ``request``, chosen as Wagtail chooses it; ``None`` if none does.

    Wagtail's order: hostname and port, then hostname on the default site, then
    the one other site with this hostname, then the default site.
    """
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    hostname = split_domain_port(request._get_raw_host())[0]
    port = _port(request)
    candidates = [site for site in sites() if site.hostname == hostname or site.is_default_site]
    site = None
    exact = [site for site in candidates if site.hostname == hostname and site.port == port]
    if exact:
        site = exact[0]
    else:
        default = [site for site in candidates if site.is_default_site]
        named = [site for site in candidates if site.hostname == hostname]
        if default and default[0].hostname == hostname:
            site = default[0]
        elif default:
            others = [site for site in named if not site.is_default_site]
            site = others[0] if len(others) == 1 else default[0]
        elif len(named) == 1:
            site = named[0]
    request._wagtail_site = site
    return site


@memoise
def _custom_routing():
    """Whether any page type routes its own URLs (then Wagtail's walk is used everywhere)."""
    return any(model.route is not Page.route for model in get_page_models())


def _route(root, components):
    """``(id, content type id)`` of the page at ``components`` under ``root``, or ``()``."""
    url_path = root.url_path + "".join(f"{part}/" for part in components)
    if not components:
        return (root.pk, root.content_type_id)
    found = (
        Page.objects.filter(
            slug=components[-1], depth=root.depth + len(components), url_path=url_path
        )
        .values_list("pk", "content_type_id")
        .first()
    )
    return found or ()


def _row_query(model):
    """The queryset reading one page of ``model`` by id, without the fields its type
    serves from its own fragments (``route_defer``, such as an article's body)."""
    return model.objects.defer(*getattr(model, "route_defer", ())).order_by()


@memoise
def _row_reader(model, alias):
    """``(sql, field names, converters)`` reading one row of ``model`` by id on the
    database ``alias``; ``None`` when the compiled query cannot be reused for any id.

    Compiling the ORM query costs more than running it on PostgreSQL, and this one runs
    on every page view: it is compiled once per process and page type.
    """
    compiler = _row_query(model).using(alias).filter(pk=0)[:1].query.get_compiler(using=alias)
    sql, params = compiler.as_sql()
    if list(params) != [0] or compiler.klass_info is None:
        return None
    fields = compiler.klass_info["select_fields"]
    columns = [column for column, _sql, _alias in compiler.select]
    names = [column.target.attname for column in columns[fields[0] : fields[-1] + 1]]
    if len(names) != len(columns):
        return None
    return sql, names, compiler.get_converters(columns)


def _page_row(model, page_id):
    """The page of type ``model`` with id ``page_id``, in one query; ``None`` if gone."""
    alias = router.db_for_read(model)
    reader = _row_reader(model, alias)
    if reader is None:
        return next(iter(_row_query(model).filter(pk=page_id)[:1]), None)
    sql, names, converters = reader
    connection = connections[alias]
    with connection.cursor() as cursor:
        cursor.execute(sql, [page_id])
        row = cursor.fetchone()
    if row is None:
        return None
    if converters:
        row = list(row)
        for position, (functions, expression) in converters.items():
            for function in functions:
                row[position] = function(row[position], expression, connection)
    return model.from_db(alias, names, row)


def page_for_path(site, path, request=None):
    """The page at ``path`` under ``site``'s root (specific, live or not), or ``None``.

    Which page answers an address is kept in the shared cache until something is
    published at that address, so finding it costs one query: the page's own row.
    A page since moved or renamed is caught by comparing its address, and looked
    up afresh. With ``request``, the page's stamp is pinned for it before the row is
    read (``cache.pin``), so values built from the row may be kept.
    """
    root = site.root_page
    components = [part for part in path.split("/") if part]
    url_path = root.url_path + "".join(f"{part}/" for part in components)
    found = remembered(
        f"route:{site.pk}:{url_path}",
        [url_tag(site.pk, path)],
        lambda: _route(root, components),
    )
    for attempt in (found, None):
        if attempt is None:
            attempt = _route(root, components)
        if not attempt:
            return None
        page_id, content_type_id = attempt
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if request is not None:
            pin(request, f"page:{page_id}")
        page = _page_row(model, page_id) if model is not None else None
        if page is not None and page.url_path == url_path:
            return page
    return None


def serve(request, path):
    """Wagtail's page view, with the Site from the cache and the page in one query."""
    site = site_for_request(request)
    if site is None or _custom_routing():
        from wagtail.views import serve as wagtail_serve

        return wagtail_serve(request, path)
    depends(request, SHELL, RESTRICTIONS)
    page = page_for_path(site, path, request)
    if page is None or not page.live:
        # A 404 changes when a page is published at this address or a redirect is added.
        depends(request, REDIRECTS, url_tag(site.pk, path))
        raise Http404
    depends(request, f"page:{page.pk}")
    request._wagtail_route_for_request = RouteResult(page)

    def chain(page, request, args, kwargs):
        return page.serve(request, *args, **kwargs)

    for wrap in reversed(hooks.get_hooks("on_serve_page")):
        chain = wrap(chain)
    for hook in hooks.get_hooks("before_serve_page"):
        result = hook(page, request, (), {})
        if isinstance(result, HttpResponse):
            return result
    return chain(page, request, (), {})


def url_tag(site_id, path):
    """The tag of a URL path under a site (what a cached 404 depends on)."""
    return "url:{}:/{}".format(site_id, "".join(f"{part}/" for part in path.split("/") if part))
