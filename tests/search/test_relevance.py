"""Search quality on the relevance set: MRR and recall@10 over the judged queries."""

import tomllib
from pathlib import Path

import pytest

from bantin.importer.services import bulletin_import
from bantin.news.models import ArticlePage
from bantin.search import services
from tests.news.factories import make_section

RELEVANCE = Path(__file__).parent / "relevance"


@pytest.fixture
def archive(home):
    section = make_section(home, "Tin tức")
    for path in sorted((RELEVANCE / "articles").glob("*.txt")):
        assert bulletin_import(path=path, section=section, publish=True).status == "created"
    return {page.pk: page.legacy_id for page in ArticlePage.objects.all()}


def test_mrr_and_recall_at_10(archive):
    queries = tomllib.loads((RELEVANCE / "queries.toml").read_text(encoding="utf-8"))["query"]
    reciprocal_ranks, recalls = [], []
    for query in queries:
        outcome = services.articles_search(services.ArticleSearch(text=query["q"]), limit=10)
        ranked = [archive[hit.article.pk] for hit in outcome.hits]
        relevant = query["relevant"]
        first = next((i for i, stem in enumerate(ranked, 1) if stem in relevant), None)
        reciprocal_ranks.append(1 / first if first else 0.0)
        recalls.append(len(set(ranked) & set(relevant)) / len(relevant))
    mrr = sum(reciprocal_ranks) / len(queries)
    recall = sum(recalls) / len(queries)
    assert mrr >= 0.85, f"MRR {mrr:.3f}"
    assert recall >= 0.95, f"recall@10 {recall:.3f}"
