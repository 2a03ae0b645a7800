"""The portal's shared cache: tags, values that follow them, and the anonymous page cache.

A *tag* names something a cached thing was built from (``page:42`` for a page's
own content, ``list:7`` for which articles a section lists and in what order,
``shell`` for the site's header, menu and footer). Each tag has a *stamp* in
the shared cache: the time it last changed. Changing content calls ``touch()``
on its tags; a cached page stays valid only while every tag it was built from
is older than the moment its rendering began. That one rule makes invalidation
precise (only what depends on the changed tag goes) and safe under races: a
render that read the old content before a publish committed began before the
publish's stamp, so what it stored is never served.

Every worker process shares the cache (file cache by default, Redis with
``CACHE_URL``), so a touch in one process reaches all of them at once.
"""

import contextlib
import contextvars
import datetime
import hashlib
import mmap
import os
import secrets
import struct
import time
import zlib
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.http import http_date, parse_http_date_safe

# Tags every page depends on: the header, menu and footer; the list of sites; which
# subtrees are restricted; the redirects (which can replace a 404).
SHELL = "shell"
SITES = "sites"
RESTRICTIONS = "restrictions"
REDIRECTS = "redirects"

STAMP_PREFIX = "bantin:tag:"
# Part of every page and fragment key: raised when what is stored changes shape.
FORMAT = "2"


def _release():
    """A fingerprint of the portal's own code and templates.

    It is part of every page and fragment key, so that after an upgrade no worker
    serves HTML an older release rendered (the shared cache outlives processes).
    The same files give the same fingerprint on every server.
    """
    digest = hashlib.blake2b(FORMAT.encode(), digest_size=6)
    package = Path(__file__).resolve().parent.parent
    for path in sorted(package.rglob("*")):
        code = path.suffix == ".py" and "migrations" not in path.parts
        template = path.suffix in (".html", ".txt", ".xml") and "templates" in path.parts
        if code or template:
            digest.update(str(path.relative_to(package)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


RELEASE = _release()
PAGE_PREFIX = f"bantin:page:{RELEASE}:"
# Headers a cached response keeps; anything personal (cookies) never is stored.
KEPT_HEADERS = ("Content-Type", "Content-Language", "Link", "X-Robots-Tag")


class CacheStamps:
    """Stamps kept in the shared cache itself: right for Redis and several app servers.

    A cache may evict a stamp; ``read`` then stamps it ``missing`` (see ``stamps()``).
    """

    table = "cache"

    def read(self, tags, missing):
        keys = {STAMP_PREFIX + tag: tag for tag in tags}
        found = cache.get_many(list(keys))
        absent = [key for key in keys if key not in found]
        if absent:
            stamp = missing()
            for key in absent:
                cache.add(key, stamp, timeout=None)
            found.update(cache.get_many(absent))
        return {keys[key]: value for key, value in found.items()}

    def write(self, tags, value):
        cache.set_many({STAMP_PREFIX + tag: value for tag in tags}, timeout=None)


class FileStamps:
    """Stamps in a memory-mapped table beside the file cache: one machine, every worker.

    Reading a stamp is a memory read rather than a file per tag, which keeps a cache
    hit close to the cost of the smallest view. Tags share slots by hash; two tags in
    one slot only ever make a page stale early. A table made anew (deleted, or a new
    cache folder) gets a new id, which every entry built on the old one fails to match.
    """

    SLOTS = 1 << 20
    HEADER = 16
    MAGIC = b"BTSTAMP1"

    def __init__(self, path):
        self.path = Path(path)
        self.pid = os.getpid()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        size = self.HEADER + 8 * self.SLOTS
        if not self.path.exists():
            temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}")
            with open(temporary, "wb") as file:
                file.write(self.MAGIC + secrets.token_bytes(8))
                file.truncate(size)
            with contextlib.suppress(FileExistsError):
                os.link(temporary, self.path)
            temporary.unlink()
        with open(self.path, "r+b") as file:
            self.map = mmap.mmap(file.fileno(), size)
        if self.map[:8] != self.MAGIC:
            raise ImproperlyConfigured(f"{self.path} không phải bảng dấu thời gian của cổng.")
        self.table = self.map[8:16].hex()

    def _slot(self, tag):
        return self.HEADER + 8 * (zlib.crc32(tag.encode()) & (self.SLOTS - 1))

    def read(self, tags, missing):
        return {tag: struct.unpack_from("<d", self.map, self._slot(tag))[0] for tag in tags}

    def write(self, tags, value):
        packed = struct.pack("<d", value)
        for tag in tags:
            slot = self._slot(tag)
            self.map[slot : slot + 8] = packed


_stores = {}


def stamp_store():
    """Where stamps live: a table file beside a file cache, else the cache itself."""
    config = settings.CACHES["default"]
    location = (config["BACKEND"], config.get("LOCATION"), os.getpid())
    store = _stores.get(location)
    if store is None:
        if config["BACKEND"].endswith("FileBasedCache"):
            store = FileStamps(Path(config["LOCATION"]) / "bantin-stamps.bin")
        else:
            store = CacheStamps()
        _stores[location] = store
    return store


# Stamps already read while answering the current request: each tag is read once.
_seen = contextvars.ContextVar("bantin_stamps_seen", default=None)


def stamps(tags, missing=None, *, recheck=False):
    """Return ``{tag: stamp}`` for ``tags``; a tag never touched (or evicted) is stamped
    ``missing``: by default just before the current render began, or now outside one.

    That is the safe reading of "we don't know when it last changed": whatever was
    built before this moment is stale, while this render (and later ones) are not.
    Within a request each tag is read once, unless ``recheck``.
    """
    tags = list(tags)
    if not tags:
        return {}
    seen = None if recheck else _seen.get()
    known = {tag: seen[tag] for tag in tags if tag in seen} if seen is not None else {}
    wanted = [tag for tag in tags if tag not in known]
    if wanted:

        def stamp():
            if missing is not None:
                return missing
            started = _render.get()
            return time.time() if started is None else _just_before(started)

        read = stamp_store().read(wanted, stamp)
        if seen is not None:
            seen.update(read)
        known.update(read)
    return known


# Functions told of every touch (``fn(tags)``) and of every page stored
# (``fn(request, entry)``): how a front such as nginx's page store or a CDN follows
# the cache without core knowing about it.
touch_listeners = []
store_listeners = []


def touch(*tags):
    """Mark ``tags`` as changed now, and once more when the current transaction commits.

    The second stamp matters: a reader that started between the first stamp and
    the commit still read the old rows, and must not be taken as fresh.
    """
    tags = sorted({tag for tag in tags if tag})
    if not tags:
        return
    deferred = _deferred_tags.get()
    if deferred is not None:
        deferred.update(tags)
        return

    def stamp():
        now = time.time()
        stamp_store().write(tags, now)
        seen = _seen.get()
        if seen is not None:
            seen.update(dict.fromkeys(tags, now))
        for listener in touch_listeners:
            listener(tags)

    stamp()
    transaction.on_commit(stamp)


# Tags touched inside ``touches_deferred()``, stamped once when it ends.
_deferred_tags = contextvars.ContextVar("bantin_deferred_tags", default=None)


@contextlib.contextmanager
def touches_deferred():
    """Gather the tags touched inside the block and touch them once when it ends.

    For bulk writes (an import) that would otherwise stamp the same tags once per
    object. Leave the block before the transaction commits, so that the stamp on
    commit still follows the writes. Nested blocks gather into the outermost one.
    """
    if _deferred_tags.get() is not None:
        yield
        return
    gathered = set()
    token = _deferred_tags.set(gathered)
    try:
        yield
    finally:
        _deferred_tags.reset(token)
        touch(*gathered)


def fresh_since(tags, started):
    """Whether none of ``tags`` changed since ``started`` (less the clock margin)."""
    current = stamps(tags, recheck=True)
    limit = started - settings.PAGE_CACHE_CLOCK_MARGIN
    return all(current.get(tag, limit + 1) < limit for tag in tags)


def versioned_key(key, tags):
    """A cache key for ``key`` that changes whenever one of ``tags`` changes."""
    current = sorted(stamps(tags).items())
    version = hashlib.blake2b(repr((stamp_store().table, current)).encode(), digest_size=8)
    version = version.hexdigest()
    return f"bantin:value:{RELEASE}:{key}:{version}"


class _Recent:
    """A small per-process memo in front of the shared cache.

    Safe only for keys that say themselves whether a value is still good: versioned
    keys (``remembered``), or entries checked against the stamps on every use (pages).
    Values are shared between requests: callers must not change them.
    """

    def __init__(self, size):
        self.size = size
        self.items = OrderedDict()

    def get(self, key):
        value = self.items.get(key)
        if value is not None:
            self.items.move_to_end(key)
        return value

    def put(self, key, value):
        self.items[key] = value
        self.items.move_to_end(key)
        while len(self.items) > self.size:
            self.items.popitem(last=False)

    def pop(self, key):
        self.items.pop(key, None)


_recent = _Recent(512)


def remembered(key, tags, build, timeout=3600):
    """Return ``build()``, kept in the shared cache until one of ``tags`` changes."""
    full_key = versioned_key(key, tags)
    value = _recent.get(full_key)
    if value is None:
        value = cache.get(full_key)
        if value is None:
            value = build()
            cache.set(full_key, value, timeout)
        _recent.put(full_key, value)
    return value


def remembered_showing(key, tags, build, timeout=3600):
    """Like ``remembered()`` for a value whose dependencies are known only once it is built.

    ``build()`` returns ``(value, shown)`` or ``(value, shown, expires)``: ``shown`` are
    the tags of what the value shows, ``expires`` (a timestamp or ``None``) when it must
    be built again regardless. The result ``(value, shown)`` is kept until one of
    ``tags`` changes, one of ``shown`` changes after it was built, or it expires.
    Callers pass ``shown`` on to ``depends()``.
    """
    full_key = versioned_key(key, tags)
    entry = _recent.get(full_key) or cache.get(full_key)
    if (
        isinstance(entry, tuple)
        and len(entry) == 4
        and (entry[3] is None or entry[3] > time.time())
        and fresh_since(entry[1], entry[2])
    ):
        _recent.put(full_key, entry)
        return entry[0], entry[1]
    started = time.time()
    value, shown, *rest = build()
    shown = tuple(sorted(set(shown)))
    stamps(shown, missing=_just_before(started))
    entry = (value, shown, started, rest[0] if rest else None)
    cache.set(full_key, entry, timeout)
    _recent.put(full_key, entry)
    return value, shown


# The page cache -------------------------------------------------------------------

# When the response being rendered in this thread began (None outside the page cache).
_render = contextvars.ContextVar("bantin_render_started", default=None)


def _just_before(started):
    return started - settings.PAGE_CACHE_CLOCK_MARGIN - 0.001


def pin(request, *tags):
    """Read the stamps of ``tags`` now and keep them for the rest of ``request``.

    Call it before reading rows that values kept with ``remembered()`` are then built
    from (the page row a request is served from): they are kept under the stamps as
    they were before the read, so a change committing in between leaves them stale
    instead of stored as current. Only within ``PageCacheMiddleware``, which keeps the
    stamps a request read; see ``pinned()``.
    """
    if _seen.get() is None:
        return
    stamps(tags)
    done = getattr(request, "_page_cache_pinned", None)
    if done is None:
        done = request._page_cache_pinned = set()
    done.update(tags)


def pinned(request, tag):
    """Whether ``tag``'s stamp was pinned for ``request`` (see ``pin()``)."""
    return tag in getattr(request, "_page_cache_pinned", ())


def depends(request, *tags):
    """Record that the response to ``request`` shows what ``tags`` name.

    Only responses whose view called this (the portal's pages, feeds, sitemap)
    are stored; a view that never calls it is never cached.
    """
    recorded = getattr(request, "_page_cache_tags", None)
    if recorded is None:
        recorded = request._page_cache_tags = set()
    recorded.update(tag for tag in tags if tag)


def until(request, moment):
    """Record that the response to ``request`` must not be served from the cache after
    ``moment`` (an aware datetime), such as the expiry time of a page it shows."""
    deadline = moment.timestamp()
    current = getattr(request, "_page_cache_until", None)
    if current is None or deadline < current:
        request._page_cache_until = deadline


def next_midnight():
    """The coming local midnight: when anything computed "for today" goes stale."""
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time()))


@dataclass
class CachedPage:
    """What the page cache keeps of a response."""

    status: int
    headers: dict
    content: bytes
    tags: tuple
    started: float
    table: str = ""
    expires: float | None = None
    stored: float = field(default_factory=time.time)

    etag: str = ""

    def __post_init__(self):
        if not self.etag:
            self.etag = '"' + hashlib.blake2b(self.content, digest_size=12).hexdigest() + '"'


def _cacheable_request(request):
    """Anonymous GET/HEAD without a session: the only requests the cache answers or fills."""
    if request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    # Only parameters the portal's pages read: a stray "?x=1" per request must not fill
    # the cache with copies of the same page.
    if not set(request.GET).issubset(settings.PAGE_CACHE_QUERY_PARAMETERS):
        return False
    return not request.path.startswith(PAGE_CACHE_SKIP)


PAGE_CACHE_SKIP = ("/admin/", "/static/", "/media/", "/documents/", "/healthz/", "/readyz/")


def _key(request):
    raw = f"{request.get_host()}{request.get_full_path()}"
    return PAGE_PREFIX + hashlib.blake2b(raw.encode(), digest_size=16).hexdigest()


def _fresh(entry):
    if entry.expires is not None and entry.expires <= time.time():
        return False
    if entry.table != stamp_store().table:
        return False
    # Stamps from several app servers are compared with each other: an entry counts as
    # fresh only if its tags are older than its start by a margin covering clock skew.
    return fresh_since(entry.tags, entry.started)


def _cache_headers(response, entry):
    max_age = settings.PAGE_CACHE_MAX_AGE
    shared_max_age = settings.PAGE_CACHE_SHARED_MAX_AGE
    response["Cache-Control"] = (
        f"public, max-age={max_age}, s-maxage={shared_max_age}, "
        f"stale-while-revalidate={settings.PAGE_CACHE_STALE_WHILE_REVALIDATE}"
    )
    response["ETag"] = entry.etag
    response["Last-Modified"] = http_date(entry.stored)


def _not_modified(request, entry):
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        return entry.etag in [tag.strip() for tag in if_none_match.split(",")] or (
            if_none_match.strip() == "*"
        )
    since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE") or "")
    return since is not None and int(entry.stored) <= since


def _respond(request, entry, state):
    if entry.status == 200 and _not_modified(request, entry):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(
            b"" if request.method == "HEAD" else entry.content, status=entry.status
        )
        for name, value in entry.headers.items():
            response[name] = value
        response["Content-Length"] = str(len(entry.content))
    _cache_headers(response, entry)
    response["X-Page-Cache"] = state
    return response


class PageCacheMiddleware:
    """Serves anonymous readers from the shared cache; stores what the portal's views mark.

    Staff (any request carrying a session cookie), POSTs, previews and the admin
    always go to the view. Other cookies (a CSRF token, analytics) do not matter:
    a page a view marked cacheable is the same for every anonymous reader.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seen = _seen.set({})
        try:
            return self._answer(request)
        finally:
            _seen.reset(seen)

    def _answer(self, request):
        if not settings.PAGE_CACHE_ENABLED or not _cacheable_request(request):
            return self.get_response(request)
        key = _key(request)
        entry = _recent.get(key)
        if entry is None or not _fresh(entry):
            entry = cache.get(key)
        if isinstance(entry, CachedPage) and _fresh(entry):
            _recent.put(key, entry)
            for listener in store_listeners:
                listener(request, entry)
            return _respond(request, entry, "hit")
        started = time.time()
        token = _render.set(started)
        try:
            response = self.get_response(request)
        finally:
            _render.reset(token)
        tags = getattr(request, "_page_cache_tags", None)
        if not tags or not self._storable(request, response):
            return response
        entry = CachedPage(
            status=response.status_code,
            headers={name: response[name] for name in KEPT_HEADERS if response.has_header(name)},
            content=response.content,
            tags=tuple(sorted(tags)),
            started=started,
            table=stamp_store().table,
            expires=getattr(request, "_page_cache_until", None),
        )
        if entry.expires is not None and entry.expires <= started:
            return response
        # A tag nobody has stamped yet has not changed since before this render began
        # (had it been evicted after a change, later renders would stamp it past ours).
        stamps(entry.tags, missing=_just_before(started))
        cache.set(key, entry, settings.PAGE_CACHE_TIMEOUT)
        for listener in store_listeners:
            listener(request, entry)
        if response.status_code == 200 and _not_modified(request, entry):
            return _respond(request, entry, "miss")
        _cache_headers(response, entry)
        response["X-Page-Cache"] = "miss"
        # The same for every anonymous reader: a "Vary: Cookie" (Wagtail's user bar
        # adds one) would only stop browsers and proxies from sharing it.
        vary = [part.strip() for part in response.get("Vary", "").split(",")]
        vary = [part for part in vary if part and part.lower() != "cookie"]
        if vary:
            response["Vary"] = ", ".join(vary)
        elif response.has_header("Vary"):
            del response["Vary"]
        return response

    @staticmethod
    def _storable(request, response):
        if response.status_code not in (200, 404) or response.streaming:
            return False
        if response.cookies or getattr(request, "is_preview", False):
            return False
        # A view that varies by who is asking (a logged-in user, a language) is personal.
        vary = {part.strip().lower() for part in response.get("Vary", "").split(",")}
        if vary - {"", "accept-encoding", "cookie"}:
            return False
        cache_control = response.get("Cache-Control", "").lower()
        return "private" not in cache_control and "no-store" not in cache_control
