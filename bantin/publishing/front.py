"""The front: published pages as files nginx serves without Python, and CDN purges.

With ``PAGE_STORE_DIR`` set, every page the page cache stores for anonymous
readers is also written to ``<store>/<host>/<path>/index.html`` (listing pages:
``trang-<n>.html``), with a gzip copy beside it, and recorded with the tags it
shows (``FrontPage``). When content changes, ``bantin.core.cache.touch`` calls
``front_forget``, which deletes exactly the files showing the changed tags —
before the publish returns — and queues their re-rendering, so nginx falls
through to the app for them until then and is never stale. With Wagtail's
front-end cache configured (``FRONTEND_CACHE_URL``) the same URLs are purged at
the CDN.
"""

import gzip
import logging
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, transaction

from bantin.core.cache import fresh_since

logger = logging.getLogger(__name__)

PAGE_QUERY = re.compile(r"page=([1-9][0-9]{0,5})")
STORE_PATH = re.compile(r"/(?:[a-z0-9][a-z0-9\-]*/)*")
HOSTNAME = re.compile(r"[a-z0-9](?:[a-z0-9\-.]*[a-z0-9])?")


def store_dir():
    """The page store's folder, or ``None`` when the portal has none."""
    return Path(settings.PAGE_STORE_DIR) if settings.PAGE_STORE_DIR else None


def cdn_configured():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def store_name(request):
    """The file (relative to the store) holding the response to ``request``, or ``None``
    when nginx could not serve it from there (other query strings, odd hosts or paths)."""
    query = request.META.get("QUERY_STRING", "")
    if not query:
        filename = "index.html"
    elif match := PAGE_QUERY.fullmatch(query):
        filename = f"trang-{match[1]}.html"
    else:
        return None
    host = request.get_host().rsplit(":", 1)[0].lower() if "]" not in request.get_host() else ""
    if not HOSTNAME.fullmatch(host) or not STORE_PATH.fullmatch(request.path):
        return None
    return f"{host}{request.path}{filename}"


def _remove(name):
    folder = store_dir()
    if folder is None:
        return
    for suffix in ("", ".gz"):
        (folder / (name + suffix)).unlink(missing_ok=True)


def _write(path, content):
    path.parent.mkdir(parents=True, exist_ok=True)
    for target, data in (
        (path.with_name(path.name + ".gz"), gzip.compress(content, 6)),
        (path, content),
    ):
        temporary = target.with_name(f".{target.name}.{os.getpid()}")
        temporary.write_bytes(data)
        os.replace(temporary, target)


def front_remember(request, entry):
    """Record (and, with a store, write) a page the cache just stored or served.

    Called by the page cache for every 200 it stores or serves; cheap when the
    file already exists. The file is removed again at once if a change touched
    its tags while it was being rendered.
    """
    from bantin.publishing.models import FrontPage, FrontPageTag

    if entry.status != 200:
        return
    folder = store_dir()
    if folder is None and not cdn_configured():
        return
    name = store_name(request)
    if name is None:
        return
    path = folder / name if folder is not None else None
    if path is not None and path.exists():
        return
    try:
        with transaction.atomic():
            page, _ = FrontPage.objects.update_or_create(
                name=name, defaults={"url": request.build_absolute_uri()}
            )
            page.tags.all().delete()
            FrontPageTag.objects.bulk_create(FrontPageTag(page=page, tag=tag) for tag in entry.tags)
    except IntegrityError:
        # Another worker recorded the same page at the same moment: theirs stands.
        return
    if path is None:
        return
    _write(path, entry.content)
    if not fresh_since(entry.tags, entry.started):
        _remove(name)


def front_forget(tags):
    """Delete the stored copies of every page showing one of ``tags``, purge them at the
    CDN, and queue their re-rendering. Returns the URLs concerned."""
    from bantin.publishing.models import FrontPage

    if store_dir() is None and not cdn_configured():
        return []
    pages = list(
        FrontPage.objects.filter(tags__tag__in=tags).distinct().values_list("pk", "name", "url")
    )
    if not pages:
        return []
    for _pk, name, _url in pages:
        _remove(name)
    FrontPage.objects.filter(pk__in=[pk for pk, _name, _url in pages]).delete()
    urls = sorted({url for _pk, _name, url in pages})
    if cdn_configured():
        from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

        purge_urls_from_cache(urls)
    if store_dir() is not None:
        from bantin.publishing.tasks import front_render_task

        transaction.on_commit(lambda: front_render_task.enqueue(urls=urls))
    return urls


def front_render(urls):
    """Render ``urls`` as an anonymous reader would, which stores them in the front.

    Returns ``{status: count}``.
    """
    from django.test import Client

    counts = {}
    for url in urls:
        parts = urlsplit(url)
        secure = parts.scheme == "https"
        client = Client(
            HTTP_HOST=parts.netloc,
            raise_request_exception=False,
            **({"HTTP_X_FORWARDED_PROTO": "https"} if secure else {}),
        )
        try:
            response = client.get(
                parts.path + (f"?{parts.query}" if parts.query else ""), secure=secure
            )
            status = response.status_code
        except Exception:  # one bad page must not stop the others
            logger.exception("front: could not render %s", url)
            status = 500
        counts[status] = counts.get(status, 0) + 1
    return counts


def front_urls(every_listing_page=False):
    """Absolute URLs of every public page of every site; with ``every_listing_page``,
    also each page number of each section listing."""
    from wagtail.models import Page, Site

    from bantin.core.models import readable
    from bantin.news import selectors
    from bantin.news.models import NewsIndexPage

    urls = []
    for site in Site.objects.select_related("root_page"):
        pages = readable(Page.objects.descendant_of(site.root_page, inclusive=True))
        for page in pages.specific(defer=True).iterator(chunk_size=1000):
            url = site.root_url + page.url_path[len(site.root_page.url_path) - 1 :]
            urls.append(url)
            if every_listing_page and isinstance(page, NewsIndexPage):
                last = -(-selectors.section_count(page) // page.per_page)
                urls += [f"{url}?page={number}" for number in range(2, last + 1)]
    return urls


def front_publish(*, rebuild=False):
    """Fill the page store: every public page not yet in it; with ``rebuild``, empty the
    store first and write every page, each listing page number included.

    Returns ``(written, failed)``. Raises ``ValueError`` when no store is configured.
    """
    import shutil

    from bantin.publishing.models import FrontPage

    folder = store_dir()
    if folder is None:
        raise ValueError("Chưa cấu hình kho trang: đặt biến môi trường PAGE_STORE_DIR.")
    if rebuild:
        FrontPage.objects.all().delete()
        for child in folder.glob("*") if folder.exists() else ():
            shutil.rmtree(child) if child.is_dir() else child.unlink()
    counts = front_render(front_urls(every_listing_page=rebuild))
    written = counts.get(200, 0)
    return written, sum(count for status, count in counts.items() if status != 200)


DEPLOY_DIR = Path(settings.BASE_DIR) / "deploy" / "nginx"


def nginx_config(*, listen="80", app="127.0.0.1:8000", server_names=None):
    """The nginx server configuration for this portal (``deploy/nginx/bantin.conf.template``
    with the paths and names from the settings). Raises ``ValueError`` without a store."""
    folder = store_dir()
    if folder is None:
        raise ValueError("Chưa cấu hình kho trang: đặt biến môi trường PAGE_STORE_DIR.")
    names = server_names or [host for host in settings.ALLOWED_HOSTS if host != "*"] or ["_"]
    values = {
        "@APP@": app,
        "@LISTEN@": str(listen),
        "@SERVER_NAMES@": " ".join(names),
        "@SESSION_COOKIE@": re.escape(settings.SESSION_COOKIE_NAME),
        "@STATIC_ROOT@": str(Path(settings.STATIC_ROOT).resolve()),
        "@MEDIA_ROOT@": str(Path(settings.MEDIA_ROOT).resolve()),
        "@STORE@": str(folder.resolve()),
        "@DEPLOY_DIR@": str(DEPLOY_DIR.resolve()),
    }
    text = (DEPLOY_DIR / "bantin.conf.template").read_text(encoding="utf-8")
    for placeholder, value in values.items():
        text = text.replace(placeholder, value)
    return text
