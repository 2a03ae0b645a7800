"""With JavaScript off the portal still reads fully and can be navigated."""

import pytest

from tests.e2e.support import DESKTOP, PAGES, PHONES, screenshot


@pytest.mark.parametrize("viewport", ["desktop", "360x740"])
def test_the_article_reads_fully_and_the_site_is_navigable(open_page, viewport):
    size = DESKTOP if viewport == "desktop" else PHONES[viewport]
    page = open_page(PAGES["home"], viewport=size, java_script_enabled=False)
    nav = page.get_by_role("navigation", name="Điều hướng chính")
    assert nav.is_visible()
    nav.get_by_role("link", name="Tin tức - Sự kiện", exact=True).click()
    page.wait_for_url("**/tin-tuc-su-kien/")

    page.goto(page.base_url + PAGES["article"])
    assert page.locator("h1").is_visible()
    paragraphs = page.locator(".article__body p")
    assert paragraphs.count() > 10
    assert paragraphs.evaluate_all("els => els.every(e => e.checkVisibility())")
    assert page.locator(".article__byline").is_visible()
    # Buttons that need a script are not shown; the links that work without one are.
    assert not page.get_by_role("button", name="Tăng cỡ chữ").is_visible()
    assert not page.get_by_role("button", name="Danh mục").is_visible()
    assert page.get_by_role("link", name="Facebook").is_visible()
    screenshot(page, f"article-{viewport}-no-js")

    page.get_by_role("navigation", name="Vị trí trang").get_by_role(
        "link", name="Hoạt động của lãnh đạo tỉnh"
    ).click()
    page.wait_for_url("**/hoat-dong-cua-lanh-dao-tinh/")
    page.get_by_role("search").get_by_role("searchbox").fill("lanh dao")
    page.get_by_role("search").get_by_role("button", name="Tìm").click()
    page.wait_for_url("**/tim-kiem/?q=lanh+dao")
    assert page.locator(".search-hit").count() > 0
