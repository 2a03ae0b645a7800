"""Wagtail's redirects, without a database query for each 404 that has none."""

from django.core.cache import cache
from wagtail.contrib.redirects.middleware import RedirectMiddleware

from bantin.core.cache import REDIRECTS, versioned_key
from bantin.core.routing import site_for_request


class CachedRedirectMiddleware(RedirectMiddleware):
    """Asks Wagtail's redirects only for addresses not already known to have none.

    Crawlers and old links ask for the same missing addresses over and over; the
    answer "no redirect here" is kept in the shared cache until a redirect changes.
    """

    def process_response(self, request, response):
        if response.status_code != 404:
            return response
        site = site_for_request(request)
        key = versioned_key(
            f"no-redirect:{site.pk if site else 0}:{request.get_full_path()}", [REDIRECTS]
        )
        if cache.get(key):
            return response
        answer = super().process_response(request, response)
        if answer.status_code == 404:
            cache.set(key, True, 24 * 3600)
        return answer
