"""Rate limit and CORS for the JSON API (``/api/``), its search endpoint included."""

import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, JsonResponse

API_PREFIX = "/api/"
WINDOW = 60


def client_address(request):
    """The client's address: ``API_CLIENT_IP_HEADER`` set by the proxy, else the socket's."""
    header = settings.API_CLIENT_IP_HEADER
    if header:
        value = request.headers.get(header, "")
        if value:
            return value.split(",")[0].strip()[:64]
    return request.META.get("REMOTE_ADDR", "")


def rate_take(address, limit, now=None):
    """Count one request from ``address`` in the current minute; return the seconds to
    wait when it is over ``limit``, else 0. The counter lives in the shared cache."""
    now = time.time() if now is None else now
    window = int(now // WINDOW)
    key = f"bantin:api-rate:{address}:{window}"
    cache.add(key, 0, timeout=WINDOW + 5)
    try:
        count = cache.incr(key)
    except ValueError:
        # Evicted between add() and incr(): count from here.
        cache.set(key, 1, timeout=WINDOW + 5)
        count = 1
    if count <= limit:
        return 0
    return max(1, int((window + 1) * WINDOW - now + 0.999))


def _cors(response):
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
    response["Access-Control-Expose-Headers"] = "Retry-After"
    return response


class ApiMiddleware:
    """Answers CORS preflights, limits each client to ``API_RATE_LIMIT`` requests a minute
    (429 with ``Retry-After``), and opens every API response to other origins."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS":
            response = _cors(HttpResponse(status=204))
            response["Access-Control-Allow-Headers"] = "*"
            response["Access-Control-Max-Age"] = "86400"
            return response
        limit = settings.API_RATE_LIMIT
        if limit > 0:
            wait = rate_take(client_address(request), limit)
            if wait:
                response = JsonResponse(
                    {
                        "message": f"Quá {limit} yêu cầu mỗi phút từ địa chỉ này. "
                        f"Vui lòng thử lại sau {wait} giây."
                    },
                    status=429,
                    json_dumps_params={"ensure_ascii": False},
                )
                response["Retry-After"] = str(wait)
                return _cors(response)
        return _cors(self.get_response(request))
