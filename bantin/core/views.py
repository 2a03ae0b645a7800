import logging
import secrets

from django.core.cache import cache
from django.db import connections
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


@never_cache
@require_safe
def healthz(request):
    """Liveness: the process answers. Touches neither the database nor the cache."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


@never_cache
@require_safe
def readyz(request):
    """Readiness: 200 when every database and the cache answer, else 503 naming what failed."""
    checks = {}
    for alias in connections:
        try:
            with connections[alias].cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()
            checks[f"database:{alias}"] = "ok"
        except Exception as error:  # any failure means "not ready", never a 500
            logger.warning("readyz: database %s failed: %s", alias, error)
            checks[f"database:{alias}"] = f"lỗi: {type(error).__name__}"
    try:
        key, token = "bantin:readyz", secrets.token_hex(8)
        cache.set(key, token, timeout=10)
        if cache.get(key) != token:
            raise RuntimeError("giá trị đọc lại không khớp")
        checks["cache"] = "ok"
    except Exception as error:
        logger.warning("readyz: cache failed: %s", error)
        checks["cache"] = f"lỗi: {type(error).__name__}"
    ready = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", "checks": checks},
        status=200 if ready else 503,
        json_dumps_params={"ensure_ascii": False},
    )
