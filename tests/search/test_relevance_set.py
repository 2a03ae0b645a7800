"""The relevance set (articles and judged queries) that search quality is measured on."""

import tomllib
import unicodedata
from pathlib import Path

import pytest

from bantin.core import text
from bantin.importer.legacy_text import parse_bulletin

RELEVANCE = Path(__file__).parent / "relevance"
ARTICLES = sorted((RELEVANCE / "articles").glob("*.txt"))


@pytest.fixture(scope="module")
def queries():
    return tomllib.loads((RELEVANCE / "queries.toml").read_text(encoding="utf-8"))["query"]


def test_every_article_reads_as_a_legacy_dump():
    assert len(ARTICLES) >= 60
    for path in ARTICLES:
        raw = path.read_bytes()
        assert unicodedata.is_normalized("NFC", raw.decode("utf-8")), path.name
        bulletin = parse_bulletin(raw, 2 * 1024 * 1024)
        assert bulletin.author, path.name
        assert sum(len(section.paragraphs) for section in bulletin.sections) >= 2, path.name


def test_queries_are_judged_against_existing_articles(queries):
    stems = {path.stem for path in ARTICLES}
    assert len(queries) >= 40
    for query in queries:
        assert query["q"].strip()
        assert 1 <= len(query["relevant"]) <= 5, query["q"]
        assert set(query["relevant"]) <= stems, query["q"]
    plain = [q for q in queries if text.fold(q["q"]) == q["q"]]
    assert len(plain) * 2 >= len(queries)
