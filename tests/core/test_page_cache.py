"""The anonymous page cache: what it serves, to whom, and how precisely it is invalidated."""

import datetime

import pytest
import time_machine
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction

from bantin.core.models import PortalSettings
from tests.news.factories import make_article, make_section


@pytest.fixture(autouse=True)
def _one_clock(settings):
    # One process, one clock: no margin needed between render start and stamps.
    settings.PAGE_CACHE_CLOCK_MARGIN = 0


@pytest.fixture
def portal(home):
    news = make_section(home, "Tin tức - Sự kiện")
    economy = make_section(news, "Kinh tế")
    culture = make_section(home, "Văn hóa - Xã hội")
    articles = [
        make_article(economy, f"Kinh tế {day}", date=datetime.date(2025, 2, day))
        for day in range(1, 16)
    ]
    festival = make_article(culture, "Lễ hội Lồng tồng", date=datetime.date(2025, 2, 10))
    return {
        "home": home,
        "news": news,
        "economy": economy,
        "culture": culture,
        "articles": articles,
        "festival": festival,
    }


def state(client, url, **headers):
    response = client.get(url, **headers)
    return response.status_code, response.get("X-Page-Cache")


def warm(client, *urls):
    for url in urls:
        client.get(url)
        assert state(client, url)[1] == "hit", url


def test_second_anonymous_view_is_served_from_the_cache(client, portal):
    article = portal["articles"][0]
    first = client.get(article.url)
    second = client.get(article.url)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert first.content == second.content
    assert b"Kinh t\xe1\xba\xbf 1" in second.content
    cache_control = second["Cache-Control"]
    for part in ("public", "max-age=", "s-maxage=", "stale-while-revalidate="):
        assert part in cache_control
    assert second["ETag"] == first["ETag"]
    assert "Cookie" not in second.get("Vary", "")


def test_repeat_with_validators_gets_304(client, portal):
    url = portal["economy"].url
    response = client.get(url)
    etag, modified = response["ETag"], response["Last-Modified"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH='"khac"').status_code == 200


def test_unrelated_cookies_still_get_cached_pages(client, portal):
    url = portal["home"].url
    client.get(url)
    client.cookies["_ga"] = "GA1.1.123"
    client.cookies["csrftoken"] = "x" * 32
    assert state(client, url) == (200, "hit")


def test_staff_and_posts_bypass_the_cache(client, portal, django_user_model):
    url = portal["articles"][0].url
    client.get(url)
    staff = django_user_model.objects.create_superuser("bientap", "b@example.vn", "mat-khau-1")
    client.force_login(staff)
    response = client.get(url)
    assert response.get("X-Page-Cache") is None
    client.logout()
    client.cookies.pop("sessionid", None)
    assert client.post(url).get("X-Page-Cache") is None
    assert state(client, url) == (200, "hit")


def test_head_is_answered_from_the_cache_without_a_body(client, portal):
    url = portal["articles"][0].url
    client.get(url)
    response = client.head(url)
    assert response.status_code == 200 and response["X-Page-Cache"] == "hit"
    assert response.content == b""


def publish_edit(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()


def test_editing_an_article_purges_exactly_what_shows_it(client, portal):
    economy, news, culture = portal["economy"], portal["news"], portal["culture"]
    newest, oldest = portal["articles"][-1], portal["articles"][0]
    other = portal["articles"][7]
    urls = {
        "article": newest.url,
        "other_article": other.url,
        "economy_1": economy.url,
        "economy_2": economy.url + "?page=2",
        "news_1": news.url,
        "home": portal["home"].url,
        "culture": culture.url,
        "festival": portal["festival"].url,
        "oldest": oldest.url,
    }
    warm(client, *urls.values())

    publish_edit(newest, title="Kinh tế 15 (đã sửa)")

    stale = {name for name, url in urls.items() if state(client, url)[1] == "miss"}
    # The article itself, the first page of both sections that list it, the home page,
    # and the articles whose "related" box shows it; not page 2, not the other section.
    assert {"article", "economy_1", "news_1", "home", "other_article"} <= stale
    assert not stale & {"economy_2", "culture", "festival"}
    assert "Kinh tế 15 (đã sửa)" in client.get(urls["economy_1"]).content.decode()
    assert "Kinh tế 15 (đã sửa)" in client.get(urls["home"]).content.decode()


def test_publishing_a_new_article_shifts_every_page_of_its_sections(client, portal):
    economy, culture = portal["economy"], portal["culture"]
    urls = [economy.url, economy.url + "?page=2", portal["home"].url, culture.url]
    warm(client, *urls)
    fresh = make_article(economy, "Tin mới nhất", date=datetime.date(2025, 3, 1))
    assert [state(client, url)[1] for url in urls] == ["miss", "miss", "miss", "hit"]
    assert "Tin mới nhất" in client.get(economy.url).content.decode()
    assert client.get(fresh.url).status_code == 200


def test_unpublishing_and_deleting_reach_the_next_request(client, portal):
    economy = portal["economy"]
    first, second = portal["articles"][-1], portal["articles"][-2]
    warm(client, first.url, second.url, economy.url)

    first.unpublish()
    assert client.get(first.url).status_code == 404
    assert "Kinh tế 15" not in client.get(economy.url).content.decode()

    warm(client, economy.url)
    url = second.url
    second.delete()
    assert client.get(url).status_code == 404
    assert "Kinh tế 14" not in client.get(economy.url).content.decode()


def test_moving_an_article_updates_both_sections_and_both_addresses(client, portal):
    economy, culture = portal["economy"], portal["culture"]
    article = portal["articles"][-1]
    old_url = article.url
    warm(client, old_url, economy.url, culture.url)
    article.move(culture, pos="last-child")
    article.refresh_from_db()
    # The old address now redirects (Wagtail records a redirect on a move).
    assert client.get(old_url).status_code == 301
    assert client.get(article.url).status_code == 200
    assert "Kinh tế 15" not in client.get(economy.url).content.decode()
    assert "Kinh tế 15" in client.get(culture.url).content.decode()


def test_a_cached_404_gives_way_to_a_page_published_there(client, portal):
    url = portal["culture"].url + "tin-moi/"
    assert client.get(url).status_code == 404
    assert state(client, url) == (404, "hit")
    make_article(portal["culture"], "Tin mới", slug="tin-moi")
    assert client.get(url).status_code == 200


def test_a_redirect_replaces_a_cached_404(client, portal):
    client.get("/cong-cu/")
    assert state(client, "/cong-cu/") == (404, "hit")
    Redirect.objects.create(old_path="/cong-cu", redirect_link="/")
    assert client.get("/cong-cu/").status_code == 301


def test_settings_and_menu_changes_reach_every_page(client, portal):
    urls = [portal["home"].url, portal["festival"].url]
    warm(client, *urls)
    settings = PortalSettings.objects.get()
    settings.portal_name = "Cổng thông tin điện tử tỉnh Mới"
    settings.save()
    for url in urls:
        assert "tỉnh Mới" in client.get(url).content.decode()
    warm(client, *urls)
    make_section(portal["home"], "Thông báo", show_in_menus=True)
    for url in urls:
        assert "Thông báo" in client.get(url).content.decode()


def test_a_new_restriction_hides_cached_pages_at_once(client, portal):
    article = portal["festival"]
    warm(client, article.url)
    PageViewRestriction.objects.create(page=portal["culture"], restriction_type="login")
    assert client.get(article.url).status_code == 302


def test_an_expiring_article_leaves_the_cache_at_its_expiry(client, portal):
    article = portal["festival"]
    expiry = timezone.now() + datetime.timedelta(hours=1)
    publish_edit(article, expire_at=expiry)
    warm(client, article.url, portal["culture"].url)
    with time_machine.travel(expiry + datetime.timedelta(seconds=1), tick=False):
        assert client.get(article.url).status_code == 404
        assert "Lễ hội Lồng tồng" not in client.get(portal["culture"].url).content.decode()


@pytest.fixture
def file_cache(settings, tmp_path):
    """The embedded default: a file cache, with stamps in a table beside it."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    }
    return tmp_path / "cache"


def test_file_stamps_are_one_table_for_every_process(tmp_path):
    from bantin.core.cache import FileStamps

    first, second = FileStamps(tmp_path / "stamps.bin"), FileStamps(tmp_path / "stamps.bin")
    assert first.table == second.table
    first.write(["page:7"], 1234.5)
    assert second.read(["page:7", "page:8"], missing=None) == {"page:7": 1234.5, "page:8": 0.0}
    (tmp_path / "stamps.bin").unlink()
    assert FileStamps(tmp_path / "stamps.bin").table != first.table


def test_the_file_cache_serves_and_invalidates_across_processes(client, portal, file_cache):
    from tests.conftest import run_python

    article, other = portal["festival"], portal["articles"][0]
    warm(client, article.url, other.url)
    assert (file_cache / "bantin-stamps.bin").exists()
    # Another process (a second worker, the task worker) touches the article's tag.
    result = run_python(
        f"from bantin.core.cache import touch; touch('page:{article.pk}')",
        env={"CACHE_URL": f"filecache://{file_cache}"},
    )
    assert result.returncode == 0, result.stderr
    assert state(client, article.url)[1] == "miss"
    assert state(client, other.url)[1] == "hit"
    publish_edit(article, title="Lễ hội Lồng tồng 2025")
    assert "Lễ hội Lồng tồng 2025" in client.get(article.url).content.decode()
    assert "Lễ hội Lồng tồng 2025" in client.get(portal["culture"].url).content.decode()


def test_leader_pages_follow_their_leaders_and_activities(client, portal):
    from tests.leaders.factories import make_leader, make_leader_index

    index = make_leader_index(portal["home"])
    leader = make_leader(index, "Nguyễn Đăng Bình", ["Chủ tịch UBND tỉnh"])
    warm(client, index.url, leader.url)

    leader.unpublish()
    assert "Nguyễn Đăng Bình" not in client.get(index.url).content.decode()
    leader.save_revision().publish()
    assert "Nguyễn Đăng Bình" in client.get(index.url).content.decode()

    warm(client, leader.url)
    article = make_article(
        portal["economy"], "Chủ tịch UBND tỉnh Nguyễn Đăng Bình làm việc với doanh nghiệp"
    )
    assert article.title in client.get(leader.url).content.decode()
    assert "Nguyễn Đăng Bình" in client.get(article.url).content.decode()


def test_unknown_query_parameters_are_answered_without_filling_the_cache(client, portal):
    url = portal["economy"].url
    for number in range(3):
        response = client.get(f"{url}?utm_source=zalo&n={number}")
        assert response.status_code == 200 and response.get("X-Page-Cache") is None
    client.get(url + "?page=2")
    assert state(client, url + "?page=2") == (200, "hit")


def test_unreadable_cache_entries_are_rendered_again(client, portal):
    from django.core.cache import cache
    from django.test import RequestFactory

    from bantin.core.cache import _key

    url = portal["festival"].url
    cache.set(_key(RequestFactory().get(url)), {"left": "by an older release"})
    response = client.get(url)
    assert response.status_code == 200 and response["X-Page-Cache"] == "miss"


def test_touches_inside_a_deferred_block_are_stamped_once(db, monkeypatch):
    from bantin.core import cache

    touched = []
    monkeypatch.setattr(cache, "touch_listeners", [touched.append])
    with cache.touches_deferred():
        cache.touch("page:1", "list:2")
        with cache.touches_deferred():
            cache.touch("list:2", "page:3")
        assert touched == []
    assert touched == [["list:2", "page:1", "page:3"]]
    assert cache.stamps(["page:3"]).keys() == {"page:3"}


def test_a_new_release_never_serves_what_an_older_one_cached(client, portal, monkeypatch):
    from bantin.core import cache

    url = portal["festival"].url
    warm(client, url)
    monkeypatch.setattr(cache, "RELEASE", "ban-moi")
    monkeypatch.setattr(cache, "PAGE_PREFIX", "bantin:page:ban-moi:")
    assert state(client, url)[1] == "miss"


def test_a_password_form_is_never_shared(client, portal):
    PageViewRestriction.objects.create(
        page=portal["festival"], restriction_type="password", password="mat-khau"
    )
    client.cookies["csrftoken"] = "b" * 32
    url = portal["festival"].url
    first, second = client.get(url), client.get(url)
    assert first.status_code == second.status_code == 200
    assert b"password" in second.content
    assert second.get("X-Page-Cache") != "hit"
