"""Search benchmark: a 15-year archive, its index build time and query latency.

    .venv/bin/python bench/search.py [--count 100000] [--databases sqlite,postgres]

For each database: a fresh database is created and migrated, ``archive.py``
writes ``--count`` articles, ``manage.py update_index`` builds the search index
(timed), then every query below runs ``--repeat`` times through the same service
the search page uses (first page of ten hits, with snippets), timed one by one.
The table is printed and written into ``bench/README.md``. Not part of ``make test``.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
POSTGRES_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"

QUERIES = [
    "tỉnh",
    "các",
    "năm",
    "tinh",
    "của các",
    "ủy ban nhân dân tỉnh",
    "UBND tỉnh",
    "xoa nha tam",
    "xóa nhà tạm",
    "lũ quét",
    "lu quet na ri",
    "Hoàng Duy Chinh",
    "nguyen dang binh",
    '"hồ Ba Bể"',
    '"nông thôn mới" Chợ Đồn',
    "giải ngân vốn đầu tư công",
    "giai ngan von dau tu cong 2024",
    "chuyển đổi số",
    "homstay pác ngòi",
    "thi tot nghiep thpt",
    "HĐND tỉnh kỳ họp",
    "KT-XH quý 1",
    "ĐBQH tiếp xúc cử tri",
    "sạt lở -2017",
    "phòng chống thiên tai năm 2020",
    "tháng 6/2015",
    "OCOP",
    "du lịch cộng đồng",
    "mien dong",
    "cai cach hanh chinh",
    "tỉnh các năm của và",
    "Ủy ban nhân dân tỉnh tổ chức hội nghị tổng kết công tác phòng chống thiên tai "
    "và tìm kiếm cứu nạn năm 2024 tại thành phố",
]


def _env(database_url):
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        BANTIN_LOCAL="1",
        DEBUG="0",
        TASKS_BACKEND="immediate",
        CACHE_URL="locmemcache://",
        DJANGO_SETTINGS_MODULE="bantin.settings",
    )
    return env


def _database(name, count, postgres_name=None):
    if name == "sqlite":
        folder = ROOT / "var" / "bench"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"search-{count}.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}", lambda: None
    import psycopg

    database = postgres_name or f"bantin_bench_{count}"
    with psycopg.connect(
        POSTGRES_ADMIN.replace("postgres://", "postgresql://"), autocommit=True
    ) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{database}"')
        c.execute(f'CREATE DATABASE "{database}"')

    def drop():
        with psycopg.connect(
            POSTGRES_ADMIN.replace("postgres://", "postgresql://"), autocommit=True
        ) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{database}"')

    return f"postgres://postgres@127.0.0.1:5432/{database}", drop


def run_one(name, count, repeat, postgres_name=None):
    url, drop = _database(name, count, postgres_name)
    env = _env(url)
    try:
        subprocess.run([PYTHON, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
        inner = subprocess.run(
            [PYTHON, __file__, "--inner", "--count", str(count), "--repeat", str(repeat)],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        return json.loads(inner.stdout.strip().splitlines()[-1])
    finally:
        drop()


def inner(count, repeat):
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bantin.search import services
    from bench.archive import archive_generate

    started = time.perf_counter()
    archive_generate(count, seed=1)
    generated = time.perf_counter() - started

    started = time.perf_counter()
    with open(os.devnull, "w") as quiet:
        call_command("update_index", stdout=quiet, stderr=quiet)
    if connection.vendor == "postgresql":
        # What autovacuum does on a live server: statistics and visibility map.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    indexed = time.perf_counter() - started

    # Reference measured in the same run: the newest ten articles of the largest
    # section, the query a section page makes. Ratios to it hold across machines.
    from bantin.news import selectors
    from bantin.news.models import NewsIndexPage

    largest = max(NewsIndexPage.objects.all(), key=lambda section: section.get_descendant_count())
    reference = []
    for _ in range(10 * repeat):
        started = time.perf_counter()
        list(selectors.section_articles(largest)[:10])
        reference.append((time.perf_counter() - started) * 1000)

    timings, per_query = [], {}
    for text in QUERIES:
        # One untimed run warms the connection and the database's cache.
        services.articles_search(services.ArticleSearch(text=text), limit=10)
        for _ in range(repeat):
            started = time.perf_counter()
            outcome = services.articles_search(services.ArticleSearch(text=text), limit=10)
            elapsed = (time.perf_counter() - started) * 1000
            timings.append(elapsed)
            per_query.setdefault(text, []).append(elapsed)
        per_query[text] = (max(per_query[text]), outcome.count, outcome.capped)
    timings.sort()
    print(
        json.dumps(
            {
                "generated_s": round(generated, 1),
                "index_s": round(indexed, 1),
                "p50_ms": round(statistics.median(timings), 1),
                "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 1),
                "max_ms": round(timings[-1], 1),
                "reference_ms": round(statistics.median(reference), 1),
                "queries": len(QUERIES),
                "runs": len(timings),
                "slowest": sorted(per_query.items(), key=lambda item: -item[1][0])[:3],
            },
            ensure_ascii=False,
        )
    )


def table(count, results):
    lines = [
        f"Archive of {count:,} articles; {len(QUERIES)} queries, each timed "
        f"{next(iter(results.values()))['runs'] // len(QUERIES)} times.",
        "",
        "| database | archive written (s) | index build (s) | p50 (ms) | p95 (ms) | max (ms) "
        "| section listing (ms) | p95 ÷ listing |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, result in results.items():
        lines.append(
            f"| {name} | {result['generated_s']} | {result['index_s']} | {result['p50_ms']} "
            f"| {result['p95_ms']} | {result['max_ms']} | {result['reference_ms']} "
            f"| {result['p95_ms'] / result['reference_ms']:.1f} |"
        )
    lines += [
        "",
        "“section listing” is the reference measured in the same run: the newest ten "
        "articles of the largest section, the query behind a section page.",
        "",
    ]
    for name, result in results.items():
        slowest = ", ".join(f"“{q[:40]}” {t[0]:.0f} ms" for q, t in result["slowest"])
        lines.append(f"Slowest on {name}: {slowest}.")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--no-readme", action="store_true", help="print only")
    parser.add_argument(
        "--postgres-database",
        help="name of the PostgreSQL database to create and drop (default bantin_bench_COUNT)",
    )
    args = parser.parse_args()
    if args.inner:
        inner(args.count, args.repeat)
        return
    # Results are kept per database, so one database can be measured again alone.
    store = ROOT / "var" / "bench" / f"search-{args.count}.json"
    store.parent.mkdir(parents=True, exist_ok=True)
    results = json.loads(store.read_text()) if store.exists() else {}
    for name in args.databases.split(","):
        print(f"{name}: {args.count} articles…", file=sys.stderr, flush=True)
        results[name] = run_one(name, args.count, args.repeat, args.postgres_database)
        print(json.dumps(results[name], ensure_ascii=False), file=sys.stderr, flush=True)
        store.write_text(json.dumps(results, ensure_ascii=False))
    report = table(args.count, results)
    print(report)
    if not args.no_readme:
        readme = ROOT / "bench" / "README.md"
        content = readme.read_text(encoding="utf-8") if readme.exists() else ""
        start, end = "<!-- search:start -->", "<!-- search:end -->"
        if start in content and end in content:
            head, rest = content.split(start, 1)
            content = head + start + "\n" + report + "\n" + end + rest.split(end, 1)[1]
            readme.write_text(content, encoding="utf-8")


if __name__ == "__main__":
    main()
