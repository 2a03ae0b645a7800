"""What a page tells link previews and search engines: its shared image, canonical URL,
Open Graph and Twitter tags, structured data (schema.org JSON-LD)."""

import json
import mimetypes

from django.templatetags.static import static
from django.utils.safestring import mark_safe

from bantin.core.cache import SHELL, depends, pinned, remembered

# The large card's rendition: already made for the home page, wide enough for previews.
SHARE_FILTER = "fill-960x540"
LOGO_FILTER = "max-600x60"


def share_image(image, request):
    """``{url, width, height, type, length}`` of ``image``'s shared rendition (absolute
    URL), or ``None`` without an image or when its file is missing."""
    if image is None:
        return None
    try:
        rendition = image.get_rendition(SHARE_FILTER)
        length = rendition.file.size
    except (OSError, ValueError):
        return None
    return {
        "url": request.build_absolute_uri(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "type": mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg",
        "length": length,
    }


def portal_settings(request):
    from bantin.core.models import PortalSettings

    return PortalSettings.for_request(request)


def publisher_logo(portal, request):
    if portal.emblem is not None:
        try:
            rendition = portal.emblem.get_rendition(LOGO_FILTER)
            return {
                "url": request.build_absolute_uri(rendition.url),
                "width": rendition.width,
                "height": rendition.height,
            }
        except (OSError, ValueError):
            pass
    return {"url": request.build_absolute_uri(static("bantin/img/emblem.svg"))}


def json_ld(data):
    """``data`` as the text of a ``<script type="application/ld+json">``, safe in HTML."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escaped)
    # Safe: every character that could close the script element is escaped above.
    return mark_safe(text)


def open_graph(kind, portal, title, url, description):
    """The Open Graph tags every shared page carries, as ``(property, content)`` pairs."""
    og = [
        ("og:type", kind),
        ("og:locale", "vi_VN"),
        ("og:site_name", portal.portal_name),
        ("og:title", title),
        ("og:url", url),
    ]
    if description:
        og.append(("og:description", description))
    return og


def website_preview(page, request, description=""):
    """Tags for a home or section page: ``og:type`` website, canonical URL, description."""
    portal = portal_settings(request)
    url = request.build_absolute_uri(page.get_url(request))
    title = page.seo_title or page.title
    description = page.search_description or description
    og = open_graph("website", portal, title, url, description)
    return {
        "canonical": url,
        "description": description,
        "og": og,
        "twitter": [("twitter:card", "summary"), ("twitter:title", title)],
        "json_ld": None,
    }


def page_preview(page, request):
    """``page.link_preview(request)``, kept in the shared cache until the page, the
    portal's settings or an image the preview shows (the page's featured image, the
    portal's emblem) changes. A preview of a draft is built each time, and so is one
    of a page not read by ``core.routing`` (whose stamp was not pinned before its row).

    The address a reader used (scheme and host) is part of the key: every URL in a
    preview is absolute.
    """
    portal = portal_settings(request)
    images = {getattr(page, "featured_image_id", None), portal.emblem_id} - {None}
    shown = [f"image:{image_id}" for image_id in sorted(images)]
    depends(request, *shown)
    # Built from the page row this request read: kept only if the page's stamp was read
    # before that row (see cache.pin), so that it never outlives a newer publication.
    if getattr(request, "is_preview", False) or not pinned(request, f"page:{page.pk}"):
        return page.link_preview(request)
    key = f"preview:{request.scheme}://{request.get_host()}:{page.pk}"
    tags = [f"page:{page.pk}", SHELL, *shown]
    return remembered(key, tags, lambda: page.link_preview(request))
