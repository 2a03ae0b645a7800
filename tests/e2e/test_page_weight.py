"""The article page's weight, from the browser's own network log."""

from urllib.parse import urlsplit

import pytest

from tests.e2e.support import PAGES, PHONES

BUDGET = 150 * 1024


def load(open_page, name="article", viewport=None):
    page = open_page(None, **({"viewport": viewport} if viewport else {}))
    requests = []
    page.on("requestfinished", lambda request: requests.append(request))
    page.goto(page.base_url + PAGES[name], wait_until="networkidle")
    return page, requests


def test_html_css_and_js_stay_under_150_kb_compressed(open_page):
    page, requests = load(open_page)
    own = [r for r in requests if r.resource_type in ("document", "stylesheet", "script")]
    kinds = {r.resource_type for r in own}
    assert {"document", "stylesheet", "script"} <= kinds, kinds
    sizes = {r.url: r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"] for r in own}
    total = sum(sizes.values())
    assert total < BUDGET, sizes
    for request in own:
        if request.resource_type != "document":
            encoding = request.response().header_value("content-encoding")
            assert encoding in ("gzip", "br"), f"{request.url} is sent uncompressed"


@pytest.mark.parametrize("name", ["home", "article"])
def test_nothing_is_fetched_from_another_site(open_page, name):
    page, requests = load(open_page, name, viewport=PHONES["360x740"])
    origin = urlsplit(page.base_url).netloc
    foreign = [
        r.url
        for r in requests
        if urlsplit(r.url).scheme in ("http", "https") and urlsplit(r.url).netloc != origin
    ]
    assert foreign == []
    # Images and any font come from the portal itself.
    assert any(r.resource_type == "image" for r in requests)
