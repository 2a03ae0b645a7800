"""nginx's page store: written from the page cache, removed precisely, served by nginx."""

import contextlib
import datetime
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import RequestFactory
from wagtail.models import Site

from bantin.publishing.front import front_publish, nginx_config, store_name
from bantin.publishing.models import FrontPage
from tests.conftest import run_manage
from tests.news.factories import make_article, make_section


@pytest.fixture
def store(settings, tmp_path):
    settings.PAGE_STORE_DIR = str(tmp_path / "store")
    settings.PAGE_CACHE_CLOCK_MARGIN = 0
    return tmp_path / "store"


@pytest.fixture
def portal(home):
    economy = make_section(home, "Kinh tế")
    culture = make_section(home, "Văn hóa")
    articles = [
        make_article(economy, f"Kinh tế {day}", date=datetime.date(2025, 2, day))
        for day in range(1, 4)
    ]
    festival = make_article(culture, "Lễ hội", date=datetime.date(2025, 2, 10))
    return {
        "home": home,
        "economy": economy,
        "culture": culture,
        "articles": articles,
        "festival": festival,
    }


def stored(store, url, query=""):
    name = "index.html" if not query else f"trang-{query.split('=')[1]}.html"
    return store / "testserver" / url.lstrip("/") / name


@pytest.mark.parametrize(
    ("path", "query", "expected"),
    [
        ("/", "", "testserver/index.html"),
        ("/kinh-te/bai-1/", "", "testserver/kinh-te/bai-1/index.html"),
        ("/kinh-te/", "page=3", "testserver/kinh-te/trang-3.html"),
        ("/kinh-te/", "page=0", None),
        ("/kinh-te/", "page=3&x=1", None),
        ("/kinh-te/", "utm_source=zalo", None),
        ("/Kinh-Te/", "", None),
        ("/kinh-te/../", "", None),
    ],
)
def test_store_names_only_what_nginx_can_find(path, query, expected):
    request = RequestFactory().get(path, QUERY_STRING=query)
    request.META["QUERY_STRING"] = query
    assert store_name(request) == expected


def test_pages_read_anonymously_are_written_with_a_gzip_copy(client, store, portal):
    url = portal["articles"][0].url
    body = client.get(url).content
    path = stored(store, url)
    assert path.read_bytes() == body
    assert path.with_name("index.html.gz").exists()
    client.get(portal["economy"].url + "?page=1")
    assert stored(store, portal["economy"].url, "page=1").exists()
    assert not (store / "testserver" / "tim-kiem").exists()


def test_staff_views_are_never_written(client, store, portal, django_user_model):
    staff = django_user_model.objects.create_superuser("qt", "qt@example.vn", "mat-khau-1")
    client.force_login(staff)
    client.get(portal["festival"].url)
    assert not stored(store, portal["festival"].url).exists()


def test_a_change_removes_exactly_the_files_that_show_it(
    client, store, portal, django_capture_on_commit_callbacks
):
    economy, culture = portal["economy"], portal["culture"]
    article, festival = portal["articles"][-1], portal["festival"]
    urls = [article.url, economy.url, portal["home"].url, culture.url, festival.url]
    for url in urls:
        client.get(url)
    assert all(stored(store, url).exists() for url in urls)

    with django_capture_on_commit_callbacks(execute=True):
        article.title = "Kinh tế 3 (đã sửa)"
        article.save_revision().publish()

    # The article, its section and the home page were removed and rendered again
    # (the re-rendering task runs at once in tests); the other section was not touched.
    for url in (article.url, economy.url, portal["home"].url):
        assert "Kinh tế 3 (đã sửa)" in stored(store, url).read_text(), url
    assert "Kinh tế 3 (đã sửa)" not in stored(store, culture.url).read_text()
    assert FrontPage.objects.count() == len(urls)


def test_unpublishing_removes_the_file_and_does_not_write_it_again(
    client, store, portal, django_capture_on_commit_callbacks
):
    article = portal["articles"][0]
    client.get(article.url)
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    assert not stored(store, article.url).exists()


def test_publish_static_builds_the_store(store, portal):
    written, failed = front_publish()
    assert (written, failed) == (7, 0)  # home, two sections, four articles
    assert stored(store, portal["festival"].url).exists()
    for number in range(2, 40):
        make_article(portal["economy"], f"Thêm {number}", date=datetime.date(2024, 1, 1))
    written, failed = front_publish(rebuild=True)
    assert failed == 0
    assert stored(store, portal["economy"].url, "page=4").exists()


def test_publish_static_command_explains_a_missing_store(settings):
    settings.PAGE_STORE_DIR = ""
    result = run_manage("publish_static", drop=("PAGE_STORE_DIR",))
    assert result.returncode != 0
    assert "PAGE_STORE_DIR" in result.stderr


# nginx in front of a live server -----------------------------------------------------

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url, cookie=None):
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


@contextlib.contextmanager
def running_nginx(folder, app):
    """nginx with the portal's configuration on a free loopback port; yields its base URL."""
    if not Path(NGINX).exists():
        pytest.skip("nginx không có trên máy này (apt-get install -y nginx)")
    port = free_port()
    folder.mkdir()
    (folder / "bantin.conf").write_text(nginx_config(listen=f"127.0.0.1:{port}", app=app))
    user = "user root;" if os.geteuid() == 0 else ""
    temp = " ".join(
        f"{name}_temp_path {folder / name};"
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (folder / "nginx.conf").write_text(
        f"daemon off; worker_processes 1; pid {folder / 'nginx.pid'};"
        f" error_log {folder / 'error.log'}; {user} events {{ worker_connections 64; }}"
        f" http {{ include /etc/nginx/mime.types; access_log off; {temp}"
        f" include {folder / 'bantin.conf'}; }}"
    )
    process = subprocess.Popen([NGINX, "-c", str(folder / "nginx.conf"), "-p", str(folder)])
    try:
        for _ in range(50):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def nginx(tmp_path, live_server, store):
    with running_nginx(tmp_path / "nginx", live_server.url.removeprefix("http://")) as base:
        yield base


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_nginx_serves_stored_pages_and_falls_through_for_the_rest(nginx, home, store):
    base = nginx
    host = base.removeprefix("http://").split(":")[0]
    Site.objects.filter(is_default_site=True).update(hostname=host)
    section = make_section(home, "Kinh tế")
    article = make_article(section, "Bản tin nginx")

    status, headers, body = fetch(base + article.url)
    assert status == 200 and "X-Page-Store" not in headers  # first view: the app
    assert "Bản tin nginx" in body
    status, headers, body = fetch(base + article.url)
    assert status == 200 and headers.get("X-Page-Store") == "hit"
    assert "Bản tin nginx" in body and "charset=utf-8" in headers["Content-Type"]

    # Staff (a session cookie) always reach the app.
    status, headers, _ = fetch(base + article.url, cookie="sessionid=abc")
    assert "X-Page-Store" not in headers

    # A change removes the file before the publish returns: the next reader gets the app.
    article.title = "Bản tin nginx (đã sửa)"
    article.save_revision().publish()
    status, headers, body = fetch(base + article.url)
    assert "Bản tin nginx (đã sửa)" in body


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_stored_pages_stay_readable_when_the_app_is_down(tmp_path, store, home):
    page = store / "127.0.0.1" / "kinh-te" / "bai-1" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text("<!DOCTYPE html><title>Bài 1</title>", encoding="utf-8")
    with running_nginx(tmp_path / "down", f"127.0.0.1:{free_port()}") as base:
        assert fetch(base + "/kinh-te/bai-1/")[0] == 200
        assert fetch(base + "/kinh-te/bai-1/", cookie="sessionid=abc")[0] == 200
        status, _headers, body = fetch(base + "/chua-luu/")
        assert status == 503 and "tạm thời gián đoạn" in body


def test_nginx_config_is_valid(tmp_path, store):
    if not Path(NGINX).exists():
        pytest.skip("nginx không có trên máy này (apt-get install -y nginx)")
    conf = tmp_path / "nginx.conf"
    (tmp_path / "bantin.conf").write_text(nginx_config(listen="127.0.0.1:18080"))
    conf.write_text(
        f"pid {tmp_path / 'nginx.pid'}; error_log {tmp_path / 'error.log'}; events {{}}"
        f" http {{ include /etc/nginx/mime.types; include {tmp_path / 'bantin.conf'}; }}"
    )
    result = subprocess.run(
        [NGINX, "-t", "-c", str(conf), "-p", str(tmp_path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_nginx_config_command(store):
    call_command("nginx_config", "--listen", "8080", "--server-name", "congthongtin.example.vn")


@pytest.fixture
def purge_server():
    """A local HTTP endpoint recording PURGE requests, as a CDN or caching proxy would."""
    import http.server
    import threading

    purged = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
            purged.append(self.headers["Host"] + self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", purged
    server.shutdown()


def test_a_cdn_is_purged_of_exactly_the_pages_that_show_a_change(
    client, settings, portal, purge_server, django_capture_on_commit_callbacks
):
    location, purged = purge_server
    settings.PAGE_STORE_DIR = ""
    settings.PAGE_CACHE_CLOCK_MARGIN = 0
    settings.WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": location,
        }
    }
    economy, culture = portal["economy"], portal["culture"]
    article = portal["articles"][-1]
    for url in (article.url, economy.url, portal["home"].url, culture.url):
        client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        article.title = "Kinh tế 3 (CDN)"
        article.save_revision().publish()
    assert {f"testserver{article.url}", f"testserver{economy.url}", "testserver/"} <= set(purged)
    assert f"testserver{culture.url}" not in purged
