"""Bản Tin settings: one module, driven by the environment.

With nothing set, the portal runs on SQLite and a file cache under ``var/``.
In production the operator sets ``SECRET_KEY``, ``ALLOWED_HOSTS`` and
usually ``DATABASE_URL`` and ``CACHE_URL``; see README.md.
"""

import secrets
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
PROJECT_DIR = BASE_DIR / "bantin"

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
# Set by `make run` and `make test`: a single machine serving on loopback, over plain HTTP.
LOCAL = env.bool("BANTIN_LOCAL", default=False)

VAR_DIR = Path(env.str("BANTIN_VAR_DIR", default=str(BASE_DIR / "var")))


def _local_secret_key():
    """Return the key kept in var/secret_key for local runs, creating it once."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY and (DEBUG or LOCAL):
    SECRET_KEY = _local_secret_key()
elif not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY chưa được đặt. Đặt biến môi trường SECRET_KEY (chuỗi ngẫu nhiên dài) "
        "hoặc chạy bằng `make run` trên máy cục bộ."
    )

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
if not ALLOWED_HOSTS and (DEBUG or LOCAL):
    ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]
elif not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS chưa được đặt. Đặt biến môi trường ALLOWED_HOSTS, ví dụ "
        "ALLOWED_HOSTS=congthongtin.example.gov.vn"
    )

CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "bantin.core",
    # Before news: leaders overrides news' article-annotations template.
    "bantin.leaders",
    "bantin.news",
    "bantin.importer",
    "bantin.publishing",
    "bantin.demo",
    "bantin.search",
    "bantin.api",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The JSON API's limits and CORS headers, before any other work is spent on a request.
    "bantin.api.middleware.ApiMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Before sessions and authentication: a cached page costs none of their work.
    "bantin.core.cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "bantin.core.redirects.CachedRedirectMiddleware",
]

ROOT_URLCONF = "bantin.urls"
WSGI_APPLICATION = "bantin.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL says otherwise.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'bantin.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=600)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers (web workers) run while the task worker writes;
    # IMMEDIATE transactions avoid "database is locked" on lock upgrades.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    if DATABASES["default"]["NAME"] not in ("", ":memory:"):
        Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # The test database is a file too, so that tests of concurrent workers see
    # SQLite's real locking (an in-memory database shares one cache instead).
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache shared by every worker process: a file cache by default, Redis via CACHE_URL.
CACHES = {
    "default": env.cache("CACHE_URL", default=f"filecache://{VAR_DIR / 'cache'}"),
}
if CACHES["default"]["BACKEND"].endswith("FileBasedCache"):
    # The default of 300 entries would evict pages (and the stamps that keep them fresh).
    CACHES["default"].setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", 200_000)

# Page cache for anonymous readers (bantin.core.cache): seconds browsers (max-age) and
# shared caches such as a CDN (s-maxage) may keep a page without asking again.
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE_ENABLED", default=True)
PAGE_CACHE_TIMEOUT = env.int("PAGE_CACHE_TIMEOUT", default=24 * 3600)
PAGE_CACHE_MAX_AGE = env.int("PAGE_CACHE_MAX_AGE", default=0)
# Shared caches keep pages only as long as they can be told of a change.
PAGE_CACHE_SHARED_MAX_AGE = env.int(
    "PAGE_CACHE_SHARED_MAX_AGE", default=600 if "FRONTEND_CACHE_URL" in env.ENVIRON else 0
)
PAGE_CACHE_STALE_WHILE_REVALIDATE = env.int("PAGE_CACHE_STALE_WHILE_REVALIDATE", default=30)
# nginx's page store (deploy/nginx/): a folder the portal writes published pages to.
PAGE_STORE_DIR = env.str("PAGE_STORE_DIR", default="")
# A CDN or caching proxy purged through Wagtail's front-end cache, e.g. an HTTP purge
# endpoint: FRONTEND_CACHE_URL=http://127.0.0.1:8081/purge
if "FRONTEND_CACHE_URL" in env.ENVIRON:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": env.str("FRONTEND_CACHE_URL"),
        }
    }
# Query parameters the cached pages read (listing page, leader's month, sitemap page); a request
# with any other parameter is answered by the app without the cache.
PAGE_CACHE_QUERY_PARAMETERS = ["page", "thang", "p"]
# Largest clock difference between app servers, in seconds (see bantin.core.cache).
PAGE_CACHE_CLOCK_MARGIN = env.float("PAGE_CACHE_CLOCK_MARGIN", default=1.0)

# Background work (Wagtail's reference index and search index updates, cache purges).
# "database" queues tasks for `manage.py db_worker`, which `make run` starts;
# "immediate" runs them in the request (tests, or a site without a worker).
TASKS_BACKEND = env.str("TASKS_BACKEND", default="database")
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
if TASKS_BACKEND not in _TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND={TASKS_BACKEND!r} không hợp lệ; chọn một trong: "
        + ", ".join(sorted(_TASK_BACKENDS))
    )
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[TASKS_BACKEND]}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
# Our Vietnamese catalogue completes and overrides Wagtail's and Django's.
LOCALE_PATHS = [PROJECT_DIR / "locale"]
LANGUAGES = [("vi", "Tiếng Việt")]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=DEBUG or LOCAL)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Security. Local runs are plain HTTP on loopback; everywhere else HTTPS is assumed
# (behind a proxy that sets X-Forwarded-Proto).
_SECURE = not (DEBUG or LOCAL)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=_SECURE)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=_SECURE)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=_SECURE)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000 if _SECURE else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=_SECURE)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=_SECURE)
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

# E-mail: printed to the console unless EMAIL_URL names an SMTP server
# (smtp+tls://user:password@mail.example.gov.vn:587).
if "EMAIL_URL" in env.ENVIRON:
    vars().update(env.email_url("EMAIL_URL"))
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="congthongtin@localhost")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
    # Each 404 is already in the web server's access log; writing it again costs every
    # request for a missing page (crawlers ask for many).
    "loggers": {"django.request": {"level": env.str("LOG_LEVEL_REQUESTS", default="ERROR")}},
}

# Wagtail
WAGTAIL_SITE_NAME = "Bản Tin"
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_I18N_ENABLED = False
# Avatars from a third-party service would leak staff e-mail hashes and fail offline.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Vietnamese search in the database by default; a very large archive can move to
# OpenSearch or Elasticsearch (SEARCH_BACKEND=opensearch3|elasticsearch8, SEARCH_URLS).
SEARCH_BACKEND = env.str("SEARCH_BACKEND", default="database")
if SEARCH_BACKEND == "database":
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "bantin.search.backends"}}
else:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": f"modelsearch.backends.{SEARCH_BACKEND}",
            "URLS": env.list("SEARCH_URLS", default=["http://127.0.0.1:9200"]),
            "INDEX_PREFIX": env.str("SEARCH_INDEX_PREFIX", default="bantin_"),
            "TIMEOUT": 5,
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
        }
    }
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "doc",
    "docx",
    "odt",
    "pdf",
    "ppt",
    "pptx",
    "rtf",
    "txt",
    "xls",
    "xlsx",
    "zip",
]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
TAGGIT_CASE_INSENSITIVE = True

# The JSON API (/api/v2/): requests per minute from one client address (0: no limit), and
# the request header naming the client when a proxy stands in front (e.g. X-Real-IP).
API_RATE_LIMIT = env.int("API_RATE_LIMIT", default=120)
API_CLIENT_IP_HEADER = env.str("API_CLIENT_IP_HEADER", default="")
# The most items one API request may ask for.
API_MAX_LIMIT = 50
# Rich text in the API's StreamField blocks: display HTML, links resolved.
WAGTAILAPI_RICH_TEXT_FORMAT = "html"

# The importer refuses legacy dumps larger than this (bytes).
BANTIN_IMPORT_MAX_BYTES = env.int("BANTIN_IMPORT_MAX_BYTES", default=2 * 1024 * 1024)
