"""Import benchmark: legacy dumps into a fresh portal, in articles per second.

    .venv/bin/python bench/importer.py [--count 10000] [--databases sqlite,postgres]

``--count`` legacy dumps are written to a temporary folder, one subfolder per
section, in the old portal's text format: dates over 2011–2025, titles and
bodies of a few paragraphs mixed from the demo bulletins' sentences, about a
third naming a leader by name or by title. For each database a fresh database
is created and migrated and the demo portal loaded (sections, leaders, the demo
articles); then every section's folder goes through the service behind
``manage.py import_bulletins --publish`` (timed), and the result is checked: every
article live with its revision, the audit chain whole, listings and the search
index holding every article. The table is printed and written into
``bench/README.md``. Not part of ``make test``.
"""

import argparse
import datetime
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
POSTGRES_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
POSTGRES_DATABASE = "bantin_importbench"
BULLETINS = ROOT / "bantin" / "demo" / "content" / "bulletins"
README_START, README_END = "<!-- importer:start -->", "<!-- importer:end -->"

# Share of the dumps each demo section receives.
SECTION_WEIGHTS = {
    "hoat-dong-cua-lanh-dao-tinh": 4,
    "kinh-te": 3,
    "van-hoa-xa-hoi": 3,
    "du-lich": 1,
    "thong-bao": 1,
}
FIRST_DAY = datetime.date(2011, 1, 1)
LAST_DAY = datetime.date(2025, 12, 31)
AUTHORS = ["Bích Huệ", "Thu Trang", "Văn Tiến", "Minh Anh", "Quốc Khánh", "Hoàng Lan", "Ngọc Ánh"]
AUTHOR_NOTES = ["", "", "", "tổng hợp", "theo Báo Bắc Kạn"]
LEADER_SENTENCES = [
    "Đồng chí Hoàng Duy Chinh, Bí thư Tỉnh ủy, dự và phát biểu chỉ đạo.",
    "Chủ tịch UBND tỉnh Nguyễn Đăng Bình chủ trì buổi làm việc.",
    "Tham dự có Chủ tịch HĐND tỉnh Phương Thị Thanh cùng lãnh đạo các sở, ngành.",
    "Phó Chủ tịch HĐND tỉnh Trần Thị Lộc đề nghị các địa phương khẩn trương triển khai.",
    "Đồng chí Đồng Văn Lưu, Phó Chủ tịch HĐND tỉnh, kiểm tra tiến độ tại cơ sở.",
    "Bí thư Tỉnh ủy nhấn mạnh yêu cầu hoàn thành đúng tiến độ đề ra.",
    "Chủ tịch UBND tỉnh yêu cầu các sở, ngành phối hợp chặt chẽ.",
]
TITLE_OPENINGS = [
    "Hội nghị triển khai",
    "Đẩy mạnh",
    "Tăng cường",
    "Kiểm tra tiến độ",
    "Tổng kết",
    "Nâng cao hiệu quả",
    "Ra quân",
    "Sơ kết",
]
TITLE_SUBJECTS = [
    "công tác cải cách hành chính",
    "chương trình xây dựng nông thôn mới",
    "giải ngân vốn đầu tư công",
    "phòng, chống thiên tai",
    "phát triển du lịch cộng đồng",
    "chuyển đổi số",
    "sản phẩm OCOP",
    "xóa nhà tạm, nhà dột nát",
    "bảo vệ rừng",
    "công tác tiếp công dân",
]
PLACES = ["huyện Ba Bể", "huyện Chợ Đồn", "huyện Na Rì", "huyện Pác Nặm", "thành phố Bắc Kạn"]


def _corpus():
    """Titles, headings and sentences of the demo bulletins."""
    sys.path.insert(0, str(ROOT))
    from bantin.importer.legacy_text import parse_bulletin

    titles, headings, sentences = [], [], []
    for path in sorted(BULLETINS.rglob("*.txt")):
        bulletin = parse_bulletin(path.read_bytes(), 1_000_000)
        titles.append(bulletin.title)
        for section in bulletin.sections:
            if section.heading:
                headings.append(section.heading)
            for paragraph in section.paragraphs:
                sentences += [
                    s for s in re.split(r"(?<=[.!?…])\s+", paragraph) if len(s.split()) > 4
                ]
    return titles, headings, sentences


def dumps_generate(folder, count, seed=1):
    """Write ``count`` legacy dumps under ``folder/<section-slug>/``; return the section slugs."""
    rng = random.Random(seed)
    titles, headings, sentences = _corpus()
    slugs = list(SECTION_WEIGHTS)
    weights = list(SECTION_WEIGHTS.values())
    span = (LAST_DAY - FIRST_DAY).days
    for slug in slugs:
        (folder / slug).mkdir(parents=True, exist_ok=True)
    for number in range(count):
        slug = rng.choices(slugs, weights)[0]
        day = FIRST_DAY + datetime.timedelta(days=rng.randrange(span))
        if rng.random() < 0.3:
            title = rng.choice(titles)
        else:
            title = f"{rng.choice(TITLE_OPENINGS)} {rng.choice(TITLE_SUBJECTS)}"
        title = f"{title} tại {rng.choice(PLACES)} năm {day.year}"
        lead = " ".join(rng.sample(sentences, 2))
        lines = [
            "PublishingPortal - Block_BanTin_Toolbar",
            "",
            day.strftime("%d/%m/%Y"),
            "Tăng cỡ chữ Giảm cỡ chữ",
            title,
            lead,
            "",
            "PublishingPortal - Block_BanTin_ViewData",
            "",
        ]
        mentions = rng.random() < 0.35
        for part in range(rng.randint(1, 3)):
            if part or rng.random() < 0.5:
                lines += [rng.choice(headings), ""]
            for _ in range(rng.randint(2, 4)):
                paragraph = rng.sample(sentences, rng.randint(2, 4))
                if mentions and rng.random() < 0.5:
                    paragraph.insert(1, rng.choice(LEADER_SENTENCES))
                    mentions = False
                lines += [" ".join(paragraph), ""]
        if mentions:
            lines[-2] = rng.choice(LEADER_SENTENCES) + " " + lines[-2]
        note = rng.choice(AUTHOR_NOTES)
        lines.append(rng.choice(AUTHORS) + (f" ({note})" if note else ""))
        name = f"{number:06d}_{rng.getrandbits(64):016x}.txt"
        (folder / slug / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return slugs


def _env(database_url):
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        BANTIN_LOCAL="1",
        DEBUG="0",
        # All the work of an import is done and timed in it, none left to a worker.
        TASKS_BACKEND="immediate",
        # As bench/search.py: the cache in memory, so the figures are the import's own.
        CACHE_URL="locmemcache://",
        DJANGO_SETTINGS_MODULE="bantin.settings",
    )
    return env


def _postgres(statement):
    import psycopg

    with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as connection:
        connection.execute(statement)


def _database(name):
    if name == "sqlite":
        path = ROOT / "var" / "bench" / "importer.sqlite3"
        path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}", lambda: None
    _postgres(f'DROP DATABASE IF EXISTS "{POSTGRES_DATABASE}"')
    _postgres(f'CREATE DATABASE "{POSTGRES_DATABASE}"')
    return (
        f"postgres://postgres@127.0.0.1:5432/{POSTGRES_DATABASE}",
        lambda: _postgres(f'DROP DATABASE IF EXISTS "{POSTGRES_DATABASE}"'),
    )


def run_one(name, folder, count):
    url, drop = _database(name)
    env = _env(url)
    try:
        subprocess.run([PYTHON, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
        inner = subprocess.run(
            [PYTHON, __file__, "--inner", "--folder", str(folder), "--count", str(count)],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        return json.loads(inner.stdout.strip().splitlines()[-1])
    finally:
        drop()


def inner(folder, count):
    """In a migrated database: load the demo portal, import ``folder`` timed, check the result."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from wagtail.models import PageLogEntry

    from bantin.importer import services
    from bantin.importer.models import ImportedBulletin
    from bantin.news.models import ArticlePage, ListingEntry, NewsIndexPage
    from bantin.publishing.audit import audit_chain_verify
    from bantin.search import services as search
    from bantin.search.models import SearchDocument

    with open(os.devnull, "w") as quiet:
        call_command("load_demo", stdout=quiet)
    before = ArticlePage.objects.count()
    sections = {section.slug: section for section in NewsIndexPage.objects.all()}
    folders = sorted(p for p in folder.iterdir() if p.is_dir())

    started = time.perf_counter()
    outcomes = []
    for section_folder in folders:
        report = services.bulletins_import(
            paths=[section_folder], section=sections[section_folder.name], publish=True
        )
        outcomes += report.outcomes
    elapsed = time.perf_counter() - started

    created = [o for o in outcomes if o.status == services.CREATED]
    created_ids = [o.page_id for o in created]
    imported = ArticlePage.objects.filter(pk__in=created_ids)
    linked = imported.filter(leader_links__isnull=False).distinct().count()
    checks = {
        "created": len(created),
        "failed": sum(1 for o in outcomes if o.status == services.FAILED),
        "live": imported.filter(live=True, live_revision__isnull=False).count(),
        "audit_whole": audit_chain_verify() is None,
        "publish_log_entries": PageLogEntry.objects.filter(
            action="wagtail.publish", page__in=imported
        ).count(),
        "listed": ListingEntry.objects.filter(article__in=imported)
        .values("article")
        .distinct()
        .count(),
        "indexed": SearchDocument.objects.filter(
            object_id__in=[str(pk) for pk in created_ids]
        ).count(),
        "leaders_linked": linked,
        "demo_articles": before,
        "total_imported": ImportedBulletin.objects.count(),
    }
    sample = ArticlePage.objects.get(pk=created[len(created) // 2].page_id)
    found = search.articles_search(search.ArticleSearch(text=sample.title), limit=50)
    checks["search_finds_sample"] = any(hit.article.pk == sample.pk for hit in found.hits)
    print(
        json.dumps(
            {
                "database": connection.vendor,
                "count": count,
                "seconds": round(elapsed, 1),
                "rate": round(len(outcomes) / elapsed, 1),
                **checks,
            },
            ensure_ascii=False,
        )
    )


TARGETS = {"sqlite": 100, "postgres": 50}


def table(results):
    lines = [
        "| database | dumps | import (s) | articles/s | target | live with revision "
        "| audit chain | listed | indexed | leaders linked |",
        "|---|---:|---:|---:|---:|---:|---|---:|---:|---:|",
    ]
    for name, r in results.items():
        lines.append(
            f"| {name} | {r['count']:,} | {r['seconds']} | {r['rate']} | {TARGETS[name]} "
            f"| {r['live']:,} | {'whole' if r['audit_whole'] else 'BROKEN'} | {r['listed']:,} "
            f"| {r['indexed']:,} | {r['leaders_linked']:,} |"
        )
    return "\n".join(lines)


def readme_write(report):
    readme = ROOT / "bench" / "README.md"
    content = readme.read_text(encoding="utf-8")
    if README_START in content and README_END in content:
        head, rest = content.split(README_START, 1)
        content = (
            head + README_START + "\n" + report + "\n" + README_END + rest.split(README_END, 1)[1]
        )
    else:
        content = content.rstrip("\n") + f"\n\n{README_START}\n{report}\n{README_END}\n"
    readme.write_text(content, encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-readme", action="store_true", help="print only")
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inner:
        inner(args.folder, args.count)
        return
    results = {}
    with tempfile.TemporaryDirectory(prefix="bantin-importbench-") as tmp:
        folder = Path(tmp)
        dumps_generate(folder, args.count, seed=args.seed)
        for name in args.databases.split(","):
            print(f"{name}: {args.count} dumps…", file=sys.stderr, flush=True)
            results[name] = run_one(name, folder, args.count)
            print(json.dumps(results[name], ensure_ascii=False), file=sys.stderr, flush=True)
    report = table(results)
    print(report)
    if not args.no_readme:
        readme_write(report)


if __name__ == "__main__":
    main()
