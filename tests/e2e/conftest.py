"""Browser tests: the demo portal under gunicorn, read by Debian's Chromium through Playwright.

The portal runs in processes of its own with the demo content: on SQLite in a temporary
folder, or, when the suite runs on PostgreSQL, in a database of its own beside the test
database (dropped afterwards). Screenshots go to ``var/screenshots/`` (``E2E_SCREENSHOTS``
moves them).
"""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.e2e.support import CHROMIUM, CHROMIUM_ARGS, DEMO_PASSWORD, DESKTOP, PROJECT_DIR


def _missing():
    """Why the browser tests can't run here, or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "chưa cài Playwright cho Python (make .venv/.installed)"
    if not os.access(CHROMIUM, os.X_OK):
        return f"không có Chromium tại {CHROMIUM} (apt-get install -y chromium)"
    return None


MISSING = _missing()


def pytest_collection_modifyitems(config, items):
    if MISSING is None:
        return
    skip = pytest.mark.skip(reason=f"bỏ qua kiểm thử trình duyệt: {MISSING}")
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(skip)


def pytest_terminal_summary(terminalreporter):
    if MISSING is not None:
        terminalreporter.write_line(
            f"Kiểm thử trình duyệt (tests/e2e) đã bị bỏ qua: {MISSING}.", yellow=True, bold=True
        )


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url, process, log):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn dừng khi khởi động:\n{log.read_text()}")
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=2) as response:
            if response.status == 200:
                return
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn không trả lời sau 60 giây:\n{log.read_text()}")


@contextlib.contextmanager
def _own_postgres_database(database_url):
    """A fresh database on the suite's PostgreSQL server, dropped when the block ends."""
    import psycopg

    parts = urlsplit(database_url)
    name = f"{parts.path.lstrip('/') or 'bantin'}_e2e_{os.getpid()}"
    server = urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(server, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="package")
def portal_url(tmp_path_factory):
    """The demo portal served by gunicorn on a free loopback port."""
    with contextlib.ExitStack() as stack:
        database_url = os.environ.get("DATABASE_URL", "")
        if database_url.startswith(("postgres://", "postgresql://")):
            database_url = stack.enter_context(_own_postgres_database(database_url))
        else:
            database_url = None
        yield from _serve_demo(tmp_path_factory.mktemp("e2e-portal"), database_url)


def _serve_demo(folder, database_url):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "CACHE_URL", "FRONTEND_CACHE_URL", "PAGE_STORE_DIR")
    }
    env.update(
        BANTIN_LOCAL="1",
        BANTIN_VAR_DIR=str(folder),
        BANTIN_DEMO_PASSWORD=DEMO_PASSWORD,
        TASKS_BACKEND="immediate",
        DEBUG="0",
    )
    if database_url:
        env["DATABASE_URL"] = database_url
    python = sys.executable
    for command in (["prepare_portal"], ["collectstatic", "--noinput", "--verbosity", "0"]):
        done = subprocess.run(
            [python, "manage.py", *command],
            cwd=PROJECT_DIR,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if done.returncode:
            raise RuntimeError(f"manage.py {command[0]} thất bại:\n{done.stderr[-3000:]}")
    port = _free_port()
    log = folder / "gunicorn.log"
    gunicorn = shutil.which("gunicorn", path=str(Path(python).parent)) or "gunicorn"
    with log.open("w") as output:
        process = subprocess.Popen(
            [gunicorn, "bantin.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
            cwd=PROJECT_DIR,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(f"{url}/healthz/", process, log)
        yield url
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="package")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser, portal_url):
    """``open_page(path, viewport=..., **context options)``: a new tab in a fresh context."""
    contexts = []

    def make(path, viewport=DESKTOP, **options):
        context = browser.new_context(viewport=viewport, locale="vi-VN", **options)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.base_url = portal_url
        if path is not None:
            response = page.goto(portal_url + path)
            assert response.status == 200, f"{path}: {response.status}"
        return page

    yield make
    for context in contexts:
        context.close()
