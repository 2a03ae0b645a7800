"""The article toolbar's text size buttons, by mouse and by keyboard, remembered across pages."""

import re

from tests.e2e.support import OTHER_ARTICLE, PAGES

BODY_TEXT = ".article__body p"


def font_size(page):
    size = page.locator(BODY_TEXT).first.evaluate("e => getComputedStyle(e).fontSize")
    return float(size.removesuffix("px"))


def test_bigger_and_smaller_step_within_bounds(open_page):
    page = open_page(PAGES["article"])
    bigger = page.get_by_role("button", name="Tăng cỡ chữ")
    smaller = page.get_by_role("button", name="Giảm cỡ chữ")
    start = font_size(page)
    assert 16 <= start <= 18

    sizes = [start]
    while bigger.is_enabled():
        bigger.click()
        sizes.append(font_size(page))
        assert len(sizes) < 20, "the size has an upper bound"
    assert all(a < b for a, b in zip(sizes, sizes[1:], strict=False)), sizes
    assert sizes[-1] <= start * 1.6 + 0.5
    assert len(sizes) > 3, "several steps up"
    assert page.get_by_role("status").inner_text() == "Cỡ chữ 160%"

    down = [sizes[-1]]
    while smaller.is_enabled():
        smaller.click()
        down.append(font_size(page))
        assert len(down) < 20, "the size has a lower bound"
    assert all(a > b for a, b in zip(down, down[1:], strict=False)), down
    assert down[-1] >= start * 0.8 - 0.5
    assert down[-1] < start


def test_the_choice_survives_another_article_and_a_reload(open_page):
    page = open_page(PAGES["article"])
    start = font_size(page)
    bigger = page.get_by_role("button", name="Tăng cỡ chữ")
    bigger.click()
    bigger.click()
    chosen = font_size(page)
    assert chosen > start

    page.goto(page.base_url + OTHER_ARTICLE)
    assert font_size(page) == chosen
    page.reload()
    assert font_size(page) == chosen
    # Applied before the first paint: the size never flashes back to the default.
    first = page.evaluate("document.documentElement.style.getPropertyValue('--article-scale')")
    assert first == "1.2"


def tab_to(page, name, limit=60):
    for _ in range(limit):
        page.keyboard.press("Tab")
        label = page.evaluate("document.activeElement.textContent.trim()")
        if name in label:
            return
    raise AssertionError(f"Tab never reached “{name}”")


def test_both_buttons_work_from_the_keyboard_with_a_visible_focus_ring(open_page):
    page = open_page(PAGES["article"])
    start = font_size(page)

    tab_to(page, "Tăng cỡ chữ")
    ring = page.evaluate(
        """() => { const s = getComputedStyle(document.activeElement);
                   return [s.outlineStyle, parseFloat(s.outlineWidth), s.outlineColor]; }"""
    )
    assert ring[0] != "none" and ring[1] >= 2, ring
    page.keyboard.press("Enter")
    after_enter = font_size(page)
    assert after_enter > start
    page.keyboard.press("Space")
    assert font_size(page) > after_enter

    tab_to(page, "Giảm cỡ chữ", limit=3)
    ring = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert ring != "none"
    page.keyboard.press("Enter")
    page.keyboard.press("Space")
    assert font_size(page) == start
    assert re.fullmatch(r"Cỡ chữ \d+%", page.get_by_role("status").inner_text())
