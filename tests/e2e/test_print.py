"""Printing an article: the text alone, on paper and in a PDF."""

import io
import re
import unicodedata

from tests.e2e.support import PAGES, screenshot


def squeezed(text):
    # A PDF's text comes back in runs split around tone marks: compare without spaces.
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def test_print_shows_the_article_alone_and_whole(open_page):
    page = open_page(PAGES["article"])
    assert not page.locator(".article__source").is_visible()
    page.emulate_media(media="print")
    assert page.locator(".article__source").inner_text() == f"Nguồn: {page.url}"
    for selector in (
        ".site-header",
        ".main-nav",
        ".toolbar__actions",
        ".site-footer",
        ".breadcrumbs",
        ".skip-link",
        ".related",
    ):
        hidden = page.locator(selector).evaluate_all("els => els.every(e => !e.checkVisibility())")
        assert hidden, f"{selector} is printed"
    for selector in (".article__title", ".toolbar__date", ".article__lead", ".article__byline"):
        assert page.locator(selector).is_visible(), f"{selector} is not printed"
    paragraphs = page.locator(".article__body p")
    assert paragraphs.count() > 10
    assert paragraphs.evaluate_all("els => els.every(e => e.checkVisibility())")
    # Nothing is cut off: the article's box is as tall as its content.
    assert page.locator(".article__body").evaluate("e => e.scrollHeight <= e.clientHeight + 1")
    screenshot(page, "article-print")


def test_the_pdf_has_the_title_byline_and_text(open_page):
    from pypdf import PdfReader

    page = open_page(PAGES["article"])
    title = squeezed(page.locator(".article__title").inner_text())
    byline = squeezed(page.locator(".article__byline").inner_text())
    last = squeezed(page.locator(".article__body p").last.inner_text())
    document = page.pdf(format="A4", print_background=False)

    reader = PdfReader(io.BytesIO(document))
    text = squeezed(" ".join(sheet.extract_text() for sheet in reader.pages))
    assert title in text
    assert byline in text
    assert last[-50:] in text
    assert squeezed("Thứ Sáu, 07/02/2025") in text
    assert squeezed(f"Nguồn: {page.url}") in text
    assert squeezed("Tăng cỡ chữ") not in text
    assert squeezed("Bỏ qua, đến nội dung chính") not in text
