"""Which page answers an address, read in one query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from bantin.core.routing import page_for_path
from bantin.news.models import ArticlePage, NewsIndexPage
from tests.news.factories import make_article, make_section


@pytest.fixture
def article(home, image_factory):
    section = make_section(home, "Tin tức - Sự kiện", intro="Tin tức của tỉnh.")
    return make_article(
        section,
        "Hội nghị tổng kết",
        featured_image=image_factory(),
        author="Bích Huệ",
        author_note="tổng hợp",
    )


def values(page, skip=()):
    return {
        field.attname: getattr(page, field.attname)
        for field in type(page)._meta.concrete_fields
        if field.attname not in skip
    }


def test_an_article_is_read_in_one_query_without_its_body(article):
    site = Site.objects.get(is_default_site=True)
    path = "/tin-tuc-su-kien/hoi-nghi-tong-ket/"
    page_for_path(site, path)  # the address is now in the shared cache
    with CaptureQueriesContext(connection) as queries:
        page = page_for_path(site, path)
    assert len(queries) == 1
    assert type(page) is ArticlePage and page.pk == article.pk
    assert page.get_deferred_fields() == {"body"}
    stored = ArticlePage.objects.get(pk=article.pk)
    assert values(page, skip={"body"}) == values(stored, skip={"body"})
    assert page.featured_image_id is not None and page.byline == "Bích Huệ (tổng hợp)"
    # The body is still there for whoever needs it, read when first asked for.
    assert list(page.body.raw_data) == list(stored.body.raw_data)


def test_a_section_and_the_home_page_are_read_whole(article, home):
    site = Site.objects.get(is_default_site=True)
    section = page_for_path(site, "/tin-tuc-su-kien/")
    assert type(section) is NewsIndexPage and section.get_deferred_fields() == set()
    assert section.intro == "Tin tức của tỉnh."
    assert page_for_path(site, "/").pk == home.pk


def test_a_page_deleted_after_its_address_was_kept_is_not_found(article):
    site = Site.objects.get(is_default_site=True)
    path = "/tin-tuc-su-kien/hoi-nghi-tong-ket/"
    assert page_for_path(site, path).pk == article.pk
    article.delete()
    assert page_for_path(site, path) is None
