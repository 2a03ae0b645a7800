from django import template
from wagtail.models import Page

from bantin.core import text
from bantin.core.cache import SHELL, remembered
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
        return {"items": [], "current": current}
    root = site.root_page
    items = remembered(f"menu:{site.pk}", [SHELL], lambda: _menu_items(root))
    current_path = current.path if isinstance(current, Page) else ""
    items = [
        {**item, "active": bool(current_path) and current_path.startswith(item["page"].path)}
        for item in items
    ]
    return {"items": items, "home": root, "current": current}


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
