"""Phones: no sideways scrolling, a menu button that works, targets big enough for a thumb."""

import pytest

from tests.e2e.support import PAGES, PHONES, screenshot

# Links inside a sentence are exempt (WCAG's inline exception); every other link,
# button and form control must offer a 44 × 44 px target.
SMALL_TARGETS = """() => {
    const inSentence = (e) => getComputedStyle(e).display === "inline"
        && [...e.parentElement.childNodes].some(
            (n) => n !== e && n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    return [...document.querySelectorAll("a[href], button, input, select, textarea, summary")]
        .filter((e) => e.checkVisibility() && !inSentence(e) && e.type !== "hidden")
        .map((e) => [e.getBoundingClientRect(), e])
        .filter(([r]) => r.width > 0 && (r.width < 44 || r.height < 44))
        .map(([r, e]) => `${e.tagName} “${(e.textContent || e.name).trim().slice(0, 40)}” `
            + `${Math.round(r.width)}×${Math.round(r.height)}`);
}"""


@pytest.mark.parametrize("phone", list(PHONES))
@pytest.mark.parametrize("name", ["home", "section", "article", "search", "leaders", "leader"])
def test_no_sideways_scrolling_and_big_targets(open_page, name, phone):
    page = open_page(PAGES[name], viewport=PHONES[phone], is_mobile=True, has_touch=True)
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"{name} scrolls sideways: {widths}"
    page.get_by_role("button", name="Danh mục").click()
    assert page.evaluate(SMALL_TARGETS) == []
    screenshot(page, f"{name}-{phone}-menu")


@pytest.mark.parametrize("phone", list(PHONES))
def test_the_menu_button_opens_and_closes_the_menu(open_page, phone):
    page = open_page(PAGES["article"], viewport=PHONES[phone], is_mobile=True, has_touch=True)
    toggle = page.get_by_role("button", name="Danh mục")
    nav = page.get_by_role("navigation", name="Điều hướng chính")
    assert toggle.is_visible()
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not nav.is_visible()

    toggle.tap()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert nav.is_visible()
    culture = nav.get_by_role("link", name="Văn hóa - Xã hội")
    assert culture.is_visible()

    toggle.tap()
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not nav.is_visible()

    toggle.tap()
    culture.tap()
    page.wait_for_url("**/tin-tuc-su-kien/van-hoa-xa-hoi/")
    assert page.locator("h1").inner_text() == "Văn hóa - Xã hội"


def test_escape_closes_the_menu_and_returns_focus(open_page):
    page = open_page(PAGES["home"], viewport=PHONES["360x740"])
    toggle = page.get_by_role("button", name="Danh mục")
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.classList.contains('menu-toggle')")
