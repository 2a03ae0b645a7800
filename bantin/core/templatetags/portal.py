import datetime

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Page

from bantin.core import text
from bantin.core.cache import SHELL, depends, remembered, remembered_showing, until
from bantin.core.models import readable
from bantin.core.routing import site_for_request

register = template.Library()


@register.filter
def vn_date(value, style=""):
    """``{{ d|vn_date }}`` → ``07/02/2025``; with ``:"weekday"`` → ``Thứ Sáu, 07/02/2025``."""
    return text.format_date(value, weekday=(style == "weekday"))


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    """The navigation: the home page's sections shown in menus, each with its subsections."""
    request = context.get("request")
    site = site_for_request(request) if request else None
    current = context.get("page")
    if site is None:
        return {"items": [], "current": current, "request": request}
    root = site.root_page
    items = remembered(f"menu:{site.pk}", [SHELL], lambda: _menu_items(root))
    current_path = current.path if isinstance(current, Page) else ""
    items = [
        {**item, "active": bool(current_path) and current_path.startswith(item["page"].path)}
        for item in items
    ]
    # The request lets {% pageurl %} reuse the site's root paths instead of reading them anew.
    return {"items": items, "home": root, "current": current, "request": request}


def _rendered(context, name, key):
    """``name`` rendered in ``context``, kept in the shared cache under ``key`` (shell tag)."""
    template = context.template.engine.get_template(name)
    if key is None:
        return template.render(context)
    return remembered(key, [SHELL], lambda: template.render(context))


@register.simple_tag(takes_context=True)
def portal_header(context):
    """The header (brand, search box, menu), rendered once per menu state and site.

    The menu marks the current section and page, so the key holds which item is
    active and whether the page itself is in the menu; a search page (whose box
    shows the query) is rendered each time.
    """
    request = context.get("request")
    site = site_for_request(request) if request else None
    if site is None or context.get("query"):
        return _rendered(context, "components/header.html", None)
    current = context.get("page")
    path = current.path if isinstance(current, Page) else ""
    items = remembered(f"menu:{site.pk}", [SHELL], lambda: _menu_items(site.root_page))
    active = next((item["page"].pk for item in items if path.startswith(item["page"].path)), 0)
    pages = [item["page"].pk for item in items] + [
        child.pk for item in items for child in item["children"]
    ]
    exact = (
        current.pk if isinstance(current, Page) and current.pk in pages + [site.root_page_id] else 0
    )
    return _rendered(context, "components/header.html", f"header:{site.pk}:{active}:{exact}")


@register.simple_tag(takes_context=True)
def portal_footer(context):
    """The footer, rendered once per site until the portal's settings change."""
    request = context.get("request")
    site = site_for_request(request) if request else None
    key = f"footer:{site.pk}" if site is not None else None
    return _rendered(context, "components/footer.html", key)


@register.simple_tag(takes_context=True)
def article_card(context, article, heading="h3", show_lead=False, large=False):
    """An article's card in a list (``components/article_card.html``), rendered once per
    article and variant until the article or its image changes."""
    request = context.get("request")
    site = site_for_request(request) if request else None
    variant = {"article": article, "heading": heading, "show_lead": show_lead, "large": large}
    template = context.template.engine.get_template("components/article_card.html")

    def render():
        return template.render(context.new({**variant, "request": request}))

    if site is None:
        return render()
    image_id = getattr(article, "featured_image_id", None)
    tags = [f"page:{article.pk}"] + ([f"image:{image_id}"] if image_id else [])
    if request is not None:
        depends(request, *tags)
    key = f"card:{site.pk}:{article.pk}:{heading}:{int(bool(show_lead))}:{int(bool(large))}"
    return remembered(key, tags, render)


@register.simple_tag(takes_context=True)
def card_list(context, articles, key, tags, heading="h3", show_lead=False):
    """``<li>`` cards of ``articles``, the whole list kept in the shared cache under ``key``
    until one of ``tags`` (what decides which articles are listed) or one of the
    articles changes; a listing page then costs no query for its articles at all."""
    request = context.get("request")
    site = site_for_request(request) if request else None

    def build():
        items, shown, expiry = [], [], None
        for article in articles:
            card = article_card(context, article, heading=heading, show_lead=show_lead)
            items.append(format_html("<li>{}</li>", card))
            shown.append(f"page:{article.pk}")
            if getattr(article, "featured_image_id", None):
                shown.append(f"image:{article.featured_image_id}")
            if article.expire_at is not None:
                moment = article.expire_at.timestamp()
                expiry = moment if expiry is None else min(expiry, moment)
        return (mark_safe("".join(items)), expiry), shown, expiry

    if site is None:
        return build()[0][0]
    (html, expiry), shown = remembered_showing(f"cards:{site.pk}:{key}", list(tags), build)
    if request is not None:
        depends(request, *tags, *shown)
        if expiry is not None:
            until(request, datetime.datetime.fromtimestamp(expiry, tz=datetime.UTC))
    return html


def _menu_items(root):
    pages = list(
        readable(Page.objects.in_menu().descendant_of(root))
        .filter(depth__in=(root.depth + 1, root.depth + 2))
        .order_by("path")
    )
    items = []
    for page in pages:
        if page.depth == root.depth + 1:
            items.append({"page": page, "children": []})
        elif items and page.path.startswith(items[-1]["page"].path):
            items[-1]["children"].append(page)
    return items
