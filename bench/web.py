"""Load benchmark of the public pages: uncached, app-cached and behind nginx's page store.

``make bench`` (or ``.venv/bin/python bench/web.py``) builds a portal of 100,000
articles once (SQLite under ``var/bench/``; PostgreSQL with ``DATABASE_URL``), then
starts gunicorn (2 sync workers) and nginx on loopback and runs bounded ``wrk``
rounds, interleaved, against:

* ``/healthz/`` — the app server's floor (a view touching neither database nor cache);
* nginx serving a static copy of the article — the limit;
* the article, a section's page 1 and page 500, home, search and a 404, each
  uncached (``PAGE_CACHE_ENABLED=0``), app-cached, and through the nginx front.

Every figure is reported next to a reference measured in the same round, so the
ratios hold on a busy or slow machine. Results go to ``bench/README.md``.
"""

import argparse
import contextlib
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
README = ROOT / "bench" / "README.md"
REPORTS = ROOT / "var" / "bench"
HOST = "127.0.0.1"
TICKS = os.sysconf("SC_CLK_TCK")

TARGETS = {
    # (mode, page): (reference, minimum ratio)
    ("uncached", "article"): ("floor", 0.12),
    ("uncached", "section"): ("floor", 0.08),
    ("uncached", "section_500"): ("floor", 0.08),
    ("uncached", "missing"): ("floor", 0.30),
    ("cached", "article"): ("floor", 0.90),
    ("cached+cookies", "article"): ("floor", 0.90),
    ("front", "article"): ("static", 0.50),
    ("front", "section"): ("static", 0.50),
    ("front", "home"): ("static", 0.50),
}
PAGES = ("article", "section", "section_500", "home", "search", "missing")
LABELS = {
    "floor": "`/healthz/` (floor)",
    "static": "nginx, static copy of the article (limit)",
    "article": "article",
    "section": "section, page 1",
    "section_500": "section, page 500",
    "home": "home",
    "search": "search",
    "missing": "404",
}


def log(message):
    print(message, file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def wait_for(port, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        with contextlib.suppress(OSError):
            socket.create_connection((HOST, port), timeout=0.5).close()
            return
        time.sleep(0.2)
    raise RuntimeError(f"nothing answers on {HOST}:{port}")


# The portal under test ------------------------------------------------------------------


def environment(database_url, var_dir, **extra):
    env = {
        **os.environ,
        "BANTIN_LOCAL": "1",
        "BANTIN_VAR_DIR": str(var_dir),
        "DATABASE_URL": database_url,
        "TASKS_BACKEND": "immediate",
        "DEBUG": "0",
        "LOG_LEVEL": "ERROR",
        "BANTIN_DEMO_PASSWORD": "bench-" + "x" * 12,
    }
    env.pop("CACHE_URL", None)
    env.update({key: str(value) for key, value in extra.items()})
    return env


def manage(env, *args, capture=False):
    return subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        capture_output=capture,
    )


def portal_build(database_url, var_dir, count):
    """Build the benchmark portal once; later runs reuse it (marker file in ``var_dir``)."""
    marker = var_dir / f"built-{count}.json"
    if marker.exists():
        log(f"portal: reusing {database_url}")
        # A newer release may bring migrations; bring the kept portal up to date.
        manage(environment(database_url, var_dir), "migrate", "-v0")
        manage(environment(database_url, var_dir), "collectstatic", "--noinput", "-v0")
        statistics_refresh(environment(database_url, var_dir))
        return json.loads(marker.read_text())
    env = environment(database_url, var_dir)
    timings = {}
    started = time.perf_counter()
    log("portal: migrate and demo content")
    manage(env, "prepare_portal")
    timings["prepare"] = time.perf_counter() - started
    started = time.perf_counter()
    log(f"portal: {count:,} articles")
    subprocess.run(
        [PYTHON, "bench/archive.py", "--count", str(count), "--quiet"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    manage(env, "rebuild_listing")
    timings["archive"] = time.perf_counter() - started
    started = time.perf_counter()
    log("portal: search index (minutes)")
    manage(env, "update_index")
    timings["index"] = time.perf_counter() - started
    manage(env, "collectstatic", "--noinput", "-v0")
    statistics_refresh(env)
    marker.write_text(json.dumps(timings))
    return timings


def statistics_refresh(env):
    """PostgreSQL: the planner's statistics of every table, as autovacuum would leave
    them after a bulk load (on a test server it may be off)."""
    if env["DATABASE_URL"].startswith("postgres"):
        script = "from django.db import connection; connection.cursor().execute('ANALYZE')"
        manage(env, "shell", "-v0", "-c", script)


PICK_URLS = """
import json
from wagtail.models import Site
from bantin.news.models import ArticlePage, NewsIndexPage
from bantin.news import selectors
site = Site.objects.get(is_default_site=True)
sections = sorted(NewsIndexPage.objects.live(), key=selectors.section_count, reverse=True)
largest = sections[0]
article = selectors.section_articles(largest).first()
root = site.root_page.url_path
path = lambda page: page.url_path[len(root) - 1:]
print(json.dumps({
    "host": site.hostname,
    "port": site.port,
    "count": selectors.section_count(largest),
    "article": path(article),
    "section": path(largest),
    "section_500": path(largest) + "?page=500",
    "home": "/",
    "search": "/tim-kiem/?q=ubnd+tinh+hoi+nghi",
    "missing": "/khong-co-trang-nay/",
    "sections": [path(section) for section in sections[:10]],
    "articles": [path(page) for page in selectors.section_articles(largest)[:200]],
}))
"""


def pick_urls(env):
    out = manage(env, "shell", "-v", "0", "-c", PICK_URLS, capture=True).stdout
    return json.loads(out.strip().splitlines()[-1])


@contextlib.contextmanager
def gunicorn(env, port):
    process = subprocess.Popen(
        [
            GUNICORN,
            "bantin.wsgi",
            "--bind",
            f"{HOST}:{port}",
            "--workers",
            "2",
            "--log-level",
            "error",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        wait_for(port)
        time.sleep(1)
        yield process
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def process_tree(pid):
    pids = [pid]
    with contextlib.suppress(OSError):
        for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split():
            pids += process_tree(int(child))
    return pids


def cpu_seconds(pid):
    total = 0
    for member in process_tree(pid):
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{member}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
    return total / TICKS


def worker_rss_mb(pid):
    sizes = []
    for member in process_tree(pid)[1:]:
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{member}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(int(line.split()[1]) / 1024)
    return max(sizes) if sizes else 0.0


@contextlib.contextmanager
def nginx(folder, server, ports):
    """nginx running ``server`` (a server block) until the block ends."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "server.conf").write_text(server)
    user = "user root;" if os.geteuid() == 0 else ""
    temp = " ".join(
        f"{name}_temp_path {folder / name};"
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (folder / "nginx.conf").write_text(
        f"""daemon off; worker_processes 1; pid {folder / "nginx.pid"};
error_log {folder / "error.log"} error; {user}
events {{ worker_connections 1024; }}
http {{
  include /etc/nginx/mime.types; access_log off; {temp}
  include {folder / "server.conf"};
}}
"""
    )
    process = subprocess.Popen(["nginx", "-c", str(folder / "nginx.conf"), "-p", str(folder)])
    try:
        for port in ports:
            wait_for(port)
        yield process
    finally:
        process.send_signal(signal.SIGQUIT)
        process.wait(timeout=30)


# wrk ------------------------------------------------------------------------------------


def _duration_ms(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(url, duration, connections=16, headers=(), script=None, pid=None):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "10s"]
    for header in headers:
        command += ["-H", header]
    if script:
        command += ["-s", str(script)]
    before = cpu_seconds(pid) if pid else 0
    out = subprocess.run(
        command + [url], capture_output=True, text=True, check=True, timeout=duration + 60
    ).stdout
    cpu = (cpu_seconds(pid) - before) if pid else 0
    requests = int(re.search(r"(\d+) requests in", out)[1])
    result = {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1]),
        "requests": requests,
        "p50": _duration_ms(re.search(r"\s50%\s+(\S+)", out)[1]),
        "p99": _duration_ms(re.search(r"\s99%\s+(\S+)", out)[1]),
        "errors": sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out)),
        "non_2xx": int((re.search(r"Non-2xx or 3xx responses: (\d+)", out) or [0, 0])[1]),
        "cpu_ms": 1000 * cpu / requests if requests and pid else None,
    }
    return result


def drain(url, timeout=120):
    """Wait until the app answers its floor view at once again."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        started = time.perf_counter()
        get(url)
        if time.perf_counter() - started < 0.05:
            return
        time.sleep(0.5)


def get(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


# The run --------------------------------------------------------------------------------


def median(results):
    keys = results[0].keys()
    return {
        key: statistics.median(r[key] for r in results) if results[0][key] is not None else None
        for key in keys
    } | {
        "errors": sum(r["errors"] for r in results),
        "non_2xx": sum(r["non_2xx"] for r in results),
    }


def run(args):
    database_url = os.environ.get("DATABASE_URL", "")
    if database_url:
        kind = "postgres"
        var_dir = ROOT / "var" / "bench" / f"web-pg-{urlsplit(database_url).path.strip('/')}"
    else:
        kind = "sqlite"
        var_dir = ROOT / "var" / "bench" / f"web-sqlite-{args.count}"
        database_url = f"sqlite:///{var_dir / 'bantin.sqlite3'}"
    var_dir.mkdir(parents=True, exist_ok=True)
    build = portal_build(database_url, var_dir, args.count)
    base_env = environment(database_url, var_dir)
    urls = pick_urls(base_env)
    host = urls["host"] + (f":{urls['port']}" if urls["port"] != 80 else "")
    host_header = f"Host: {host}"
    log(f"largest section: {urls['section']} ({urls['count']:,} articles)")

    app_port, front_port, static_port = free_port(), free_port(), free_port()
    store = var_dir / "store"
    shutil.rmtree(store, ignore_errors=True)
    results = {}
    rss = {}
    mixed = None
    article = b""
    with contextlib.ExitStack() as stack:
        temp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bantin-bench-")))
        static_root = temp / "static"
        static_root.mkdir()
        stack.enter_context(
            nginx(
                temp / "nginx-static",
                f"server {{ listen {HOST}:{static_port}; root {static_root}; charset utf-8; }}",
                [static_port],
            )
        )
        static_url = f"http://{HOST}:{static_port}/article.html"
        modes = [
            ("uncached", {"PAGE_CACHE_ENABLED": 0}),
            ("cached", {}),
            ("front", {"PAGE_STORE_DIR": store}),
        ]
        for mode, extra in modes:
            env = environment(database_url, var_dir, **extra)
            with gunicorn(env, app_port) as app, contextlib.ExitStack() as front:
                app_base = f"http://{HOST}:{app_port}"
                base = app_base
                if not article:
                    article = get(app_base + urls["article"], {"Host": host})[2]
                    (static_root / "article.html").write_bytes(article)
                if mode == "front":
                    config = manage(
                        env,
                        "nginx_config",
                        "--listen",
                        f"{HOST}:{front_port}",
                        "--app",
                        f"{HOST}:{app_port}",
                        capture=True,
                    ).stdout
                    front.enter_context(nginx(temp / "nginx-front", config, [front_port]))
                    base = f"http://{HOST}:{front_port}"
                for page in PAGES:
                    for _ in range(3):  # fill the cache and the store
                        get(base + urls[page], {"Host": host})
                plan = [
                    ("floor", f"{app_base}/healthz/", [], app.pid),
                    ("static", static_url, [], None),
                ]
                plan += [(page, base + urls[page], [host_header], app.pid) for page in PAGES]
                if mode == "cached":
                    cookies = "Cookie: _ga=GA1.1.1234.5678; csrftoken=" + "a" * 32
                    plan.append(
                        ("article+cookies", base + urls["article"], [host_header, cookies], app.pid)
                    )
                rounds = {name: [] for name, *_ in plan}
                for round_number in range(args.rounds):
                    for name, url, headers, pid in plan:
                        rounds[name].append(wrk(url, args.duration, headers=headers, pid=pid))
                        # Slow requests (search) still queued at gunicorn must not be
                        # counted against the next measurement.
                        drain(f"{app_base}/healthz/")
                    log(f"{mode}: round {round_number + 1}/{args.rounds} done")
                for name, measured in rounds.items():
                    if name == "article+cookies":
                        results[("cached+cookies", "article")] = median(measured)
                    else:
                        results[(mode, name)] = median(measured)
                if mode == "uncached":
                    rss = memory_check(app, app_base + urls["article"], host_header, args.duration)
                if mode == "front":
                    mixed = mixed_load(temp, base, urls, host_header, args.mixed_duration)
    return {
        "database": kind,
        "count": args.count,
        "section_count": urls["count"],
        "build": build,
        "results": {f"{mode}|{page}": value for (mode, page), value in results.items()},
        "rss": rss,
        "mixed": mixed,
        "article_bytes": len(article),
    }


def memory_check(app, url, host_header, duration):
    """Worker RSS after 10,000 and after 20,000 uncached article requests."""
    done, rss = 0, {}
    for mark in (10_000, 20_000):
        while done < mark:
            done += wrk(url, duration, headers=[host_header])["requests"]
        rss[mark] = worker_rss_mb(app.pid)
        log(f"rss after {done:,} requests: {rss[mark]:.0f} MB")
    return rss


MIXED_LUA = """
local articles = {%(articles)s}
local sections = {%(sections)s}
local searches = {"/tim-kiem/?q=ubnd+tinh", "/tim-kiem/?q=xoa+nha+tam", "/tim-kiem/?q=OCOP"}
math.randomseed(7)
request = function()
  local roll = math.random(100)
  local path
  if roll <= 70 then path = articles[math.random(#articles)]
  elseif roll <= 85 then path = sections[math.random(#sections)] .. "?page=" .. math.random(5)
  elseif roll <= 95 then path = "/"
  else path = searches[math.random(#searches)] end
  return wrk.format("GET", path)
end
"""


def mixed_load(temp, base, urls, host_header, duration):
    """70 % articles, 15 % sections, 10 % home, 5 % search; 64 connections."""
    quote = lambda paths: ", ".join(json.dumps(path) for path in paths)  # noqa: E731
    script = temp / "mixed.lua"
    script.write_text(
        MIXED_LUA % {"articles": quote(urls["articles"]), "sections": quote(urls["sections"])}
    )
    log(f"mixed load: 64 connections, {duration} s")
    return wrk(base + "/", duration, connections=64, headers=[host_header], script=script)


# Report ---------------------------------------------------------------------------------


def table(report):
    results = {tuple(key.split("|")): value for key, value in report["results"].items()}
    lines = [
        f"{report['database']}: {report['count']:,} articles; largest section "
        f"{report['section_count']:,} articles; article page {report['article_bytes']:,} bytes. "
        "gunicorn, 2 sync workers; `wrk -t2 -c16`; median of the rounds.",
        "",
        "| mode | page | req/s | ÷ reference | target | p50 (ms) | p99 (ms) | CPU/req (ms) |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    ok = True
    for (mode, page), value in results.items():
        if page in ("floor", "static"):
            reference = None
        else:
            reference = "static" if mode == "front" else "floor"
        # Each page against the reference measured in the same rounds (same gunicorn).
        same = mode.split("+")[0]
        ratio = value["rps"] / results[(same, reference)]["rps"] if reference else None
        target = TARGETS.get((mode, page))
        verdict = ""
        if target:
            passed = ratio >= target[1]
            ok &= passed
            verdict = f"≥ {target[1]:.0%} {'✓' if passed else '✗'}"
        cpu = value["cpu_ms"]
        lines.append(
            f"| {mode} | {LABELS[page]} | {value['rps']:,.0f} | "
            f"{f'{ratio:.0%} of {reference}' if ratio else '—'} | {verdict} | "
            f"{value['p50']:.2f} | {value['p99']:.2f} | {f'{cpu:.2f}' if cpu else '—'} |"
        )
    rss = report["rss"]
    if rss:
        first, second = rss[10_000], rss[20_000]
        growth = second / first - 1
        passed = second <= 150 and growth <= 0.10
        ok &= passed
        lines += [
            "",
            f"Worker RSS: {first:.0f} MB after 10,000 uncached article requests, "
            f"{second:.0f} MB after 20,000 ({growth:+.1%}; target ≤ 150 MB, ≤ +10 %) "
            f"{'✓' if passed else '✗'}",
        ]
    mixed = report["mixed"]
    if mixed:
        passed = mixed["errors"] == 0 and mixed["non_2xx"] == 0 and mixed["requests"] > 0
        ok &= passed
        lines.append(
            f"Mixed load through the nginx front (70 % articles, 15 % sections, 10 % home, "
            f"5 % search; 64 connections): {mixed['requests']:,} requests, "
            f"{mixed['rps']:,.0f} req/s, p99 {mixed['p99']:.1f} ms, {mixed['errors']} socket "
            f"errors, {mixed['non_2xx']} non-2xx/3xx {'✓' if passed else '✗'}"
        )
    return "\n".join(lines), ok


def readme_write(kind, text):
    start, end = f"<!-- web:{kind}:start -->", f"<!-- web:{kind}:end -->"
    content = README.read_text(encoding="utf-8")
    block = f"{start}\n{text}\n{end}"
    if start in content:
        content = re.sub(
            re.escape(start) + ".*?" + re.escape(end), lambda _: block, content, flags=re.S
        )
    else:
        content = content.rstrip() + "\n\n" + block + "\n"
    README.write_text(content, encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=100_000, help="articles in the portal")
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds")
    parser.add_argument("--mixed-duration", type=int, default=60, help="seconds of mixed load")
    parser.add_argument("--no-readme", action="store_true", help="print only")
    parser.add_argument(
        "--from-report", action="store_true", help="redo the table from the last run's results"
    )
    args = parser.parse_args()
    for tool in ("wrk", "nginx"):
        if not shutil.which(tool) and not Path(f"/usr/sbin/{tool}").exists():
            sys.exit(f"{tool} is needed: apt-get install -y {tool}")
    kind = "postgres" if os.environ.get("DATABASE_URL") else "sqlite"
    report_path = REPORTS / f"web-report-{kind}.json"
    if args.from_report:
        report = json.loads(report_path.read_text())
        report["rss"] = {int(key): value for key, value in report["rss"].items()}
    else:
        report = run(args)
        report_path.parent.mkdir(parents=True, exist_ok=True)
        report_path.write_text(json.dumps(report, indent=1))
    text, ok = table(report)
    print(text)
    if not args.no_readme:
        readme_write(report["database"], text)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
