"""WCAG 2.1 AA in a real browser: axe-core, the skip link, landmarks, images, 200 % zoom."""

from pathlib import Path

import pytest

from tests.e2e.support import DESKTOP, PAGES, PHONES, screenshot

AXE = (Path(__file__).parent / "assets" / "axe.min.js").read_text()
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def axe_violations(page):
    page.add_script_tag(content=AXE)
    return page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
            return result.violations.map((v) => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
            }));
        }""",
        AXE_TAGS,
    )


def describe(violations):
    return "\n".join(f"{v['impact']}: {v['id']} ({v['help']}) at {v['nodes']}" for v in violations)


@pytest.mark.parametrize("viewport", ["desktop", "360x740"])
@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_nothing_serious(open_page, name, viewport):
    page = open_page(PAGES[name], viewport=DESKTOP if viewport == "desktop" else PHONES[viewport])
    violations = axe_violations(page)
    screenshot(page, f"{name}-{viewport}")
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert not serious, describe(serious)
    # Colour contrast (AA) is among the rules that ran; it is named here on its own so
    # that a failure reads plainly.
    assert "color-contrast" not in {v["id"] for v in violations}, describe(violations)
    # Nothing moderate either: what axe reports on these pages has been fixed.
    assert not violations, describe(violations)


def test_the_skip_link_is_the_first_stop_and_moves_focus_to_the_content(open_page):
    page = open_page(PAGES["article"])
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => [document.activeElement.className, document.activeElement.textContent.trim()]"
    )
    assert focused == ["skip-link", "Bỏ qua, đến nội dung chính"]
    box = page.locator(".skip-link").bounding_box()
    assert box["y"] >= 0 and box["height"] > 20, "the focused skip link is on screen"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "noi-dung"
    page.keyboard.press("Tab")
    inside = page.evaluate("document.getElementById('noi-dung').contains(document.activeElement)")
    assert inside, "the next Tab stays in the main content"


@pytest.mark.parametrize("name", ["home", "section", "article", "search", "leader"])
def test_landmarks_and_one_main_heading(open_page, name):
    page = open_page(PAGES[name])
    for role in ("banner", "navigation", "main", "contentinfo", "search"):
        assert page.get_by_role(role).count() >= 1, f"{name}: no {role} landmark"
    assert page.get_by_role("main").count() == 1
    assert page.locator("h1").count() == 1, f"{name}: exactly one h1"
    assert page.evaluate("document.documentElement.lang") == "vi"


@pytest.mark.parametrize("name", list(PAGES))
def test_every_image_has_alt_text(open_page, name):
    page = open_page(PAGES[name])
    missing = page.evaluate(
        """() => [...document.images]
            .filter((img) => !img.hasAttribute("alt")
                || (img.alt.trim() === "" && !img.closest("[aria-hidden=true]")
                    && !img.closest("a")?.textContent.trim()))
            .map((img) => img.currentSrc || img.src)"""
    )
    assert missing == []


@pytest.mark.parametrize("name", ["home", "article", "search"])
def test_the_page_works_at_200_percent_zoom(open_page, name):
    # A 1280 px window at 200 % lays out in 640 CSS pixels, at twice the pixel density.
    page = open_page(PAGES[name], viewport={"width": 640, "height": 450}, device_scale_factor=2)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    toggle = page.get_by_role("button", name="Danh mục")
    toggle.click()
    assert page.get_by_role("navigation", name="Điều hướng chính").is_visible()
    assert page.locator("h1").is_visible()
    clipped = page.evaluate(
        """() => [...document.querySelectorAll("h1, h2, h3, p, li, a, button")]
            .filter((e) => e.offsetParent && e.scrollWidth > e.clientWidth + 1
                && e.clientWidth > 1 && getComputedStyle(e).overflowX === "hidden")
            .map((e) => e.textContent.trim().slice(0, 40))"""
    )
    assert clipped == []
    screenshot(page, f"{name}-zoom-200")
