"""Importing in batches: what readers and editors find is what one-by-one publishing leaves."""

import datetime

import pytest
from django.db import IntegrityError
from django.db.models import QuerySet
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision

from bantin.core import cache
from bantin.importer import services
from bantin.importer.models import ImportedBulletin
from bantin.leaders.selectors import article_leaders
from bantin.news.models import ArticlePage, ListingEntry
from bantin.publishing.audit import audit_chain_verify
from bantin.publishing.models import AuditRecord
from bantin.search import services as search
from bantin.search.models import SearchDocument
from tests.conftest import SEED_FILE
from tests.leaders.factories import make_leader_index, make_seed_leaders
from tests.news.factories import make_article, make_section

DUMP = (
    "PublishingPortal - Block_BanTin_Toolbar\n\n{date}\nTăng cỡ chữ Giảm cỡ chữ\n{title}\n"
    "Sapo về {word}.\n\nPublishingPortal - Block_BanTin_ViewData\n\nMục một\n\n"
    "Đoạn văn nói về {word} trên địa bàn tỉnh.\n\nThu Trang\n"
)
WORDS = ["mía", "chè", "quế", "hồi", "miến", "gạo", "cam", "quýt"]


@pytest.fixture
def sections(home):
    news = make_section(home, "Tin tức - Sự kiện")
    return news, make_section(news, "Kinh tế")


def write_dumps(folder, count, first_day=1):
    folder.mkdir(exist_ok=True)
    for number in range(count):
        (folder / f"{number:02d}_bai.txt").write_text(
            DUMP.format(
                date=f"{first_day + number:02d}/03/2025",
                title=f"Sản phẩm {WORDS[number]} của tỉnh",
                word=WORDS[number],
            )
        )
    return folder


def found(text):
    outcome = search.articles_search(search.ArticleSearch(text=text), limit=50)
    return [hit.article.title for hit in outcome.hits]


def test_batches_publish_every_article_as_publishing_it_one_by_one_would(sections, tmp_path):
    news, economy = sections
    folder = write_dumps(tmp_path / "dumps", 5)

    report = services.bulletins_import(paths=[folder], section=economy, publish=True, batch_size=2)

    assert [o.status for o in report.outcomes] == ["created"] * 5
    articles = list(ArticlePage.objects.order_by("path"))
    assert [a.pk for a in articles] == [o.page_id for o in report.outcomes]
    for number, article in enumerate(articles):
        assert article.live and not article.has_unpublished_changes
        assert article.first_published_at == article.last_published_at is not None
        assert article.live_revision_id == article.latest_revision_id
        assert article.draft_title == article.title
        assert article.url_path == f"{economy.url_path}{article.slug}/"
        assert article.get_parent().pk == economy.pk
        revision = Revision.objects.get(object_id=str(article.pk))
        assert revision.as_object().title == article.title
        assert revision.object_str == article.title
        assert list(
            PageLogEntry.objects.filter(page=article)
            .order_by("pk")
            .values_list("action", "revision")
        ) == [("wagtail.create", None), ("wagtail.publish", revision.pk)]
        assert found(WORDS[number]) == [article.title]
    economy.refresh_from_db()
    assert economy.numchild == 5
    assert Page.find_problems() == ([], [], [], [], [])
    assert audit_chain_verify() is None
    assert AuditRecord.objects.filter(source="wagtailcore.pagelogentry").count() == (
        PageLogEntry.objects.count()
    )
    for section in (news, economy):
        listed = ListingEntry.objects.filter(section=section).values_list("article", flat=True)
        assert sorted(listed) == sorted(a.pk for a in articles)


def test_an_imported_article_reads_and_reverts_as_any_other(sections, tmp_path, client):
    _, economy = sections
    path = tmp_path / "bai.txt"
    path.write_text(DUMP.format(date="03/03/2025", title="Tiêu đề cũ", word="mía"))
    services.bulletins_import(paths=[path], section=economy, publish=True)
    path.write_text(DUMP.format(date="03/03/2025", title="Tiêu đề mới", word="chè"))
    report = services.bulletins_import(paths=[path], section=economy, publish=True, update=True)
    assert report.outcomes[0].status == "updated"

    article = ArticlePage.objects.get()
    assert article.title == "Tiêu đề mới"
    assert "Tiêu đề mới" in client.get(economy.url).content.decode()
    assert client.get(article.url).status_code == 200
    first, second = article.revisions.order_by("created_at", "pk")
    assert article.live_revision_id == second.pk
    # Reverting, as the admin's history does: a new revision from the old one, published.
    old = first.as_object()
    old.save_revision(previous_revision=first, log_action=True).publish()
    article.refresh_from_db()
    assert article.title == "Tiêu đề cũ"
    assert found("mía") == ["Tiêu đề cũ"]
    assert audit_chain_verify() is None


def test_a_bad_dump_fails_alone_and_leaves_nothing_behind(
    sections, tmp_path, settings, monkeypatch
):
    _, economy = sections
    folder = write_dumps(tmp_path / "dumps", 6)
    (folder / "01_bai.txt").write_bytes(b"")
    # A file name longer than a legacy id may be: refused when the article is validated.
    (folder / "02_bai.txt").rename(folder / ("02_" + "x" * 120 + ".txt"))
    # Refused by the database after its page, revision, log entries and audit records
    # were written, with those of the others.
    real_bulk_create = QuerySet.bulk_create

    def bulk_create(queryset, objs, *args, **kwargs):
        objs = list(objs)
        if queryset.model is ImportedBulletin and any(o.legacy_id == "04_bai" for o in objs):
            raise IntegrityError("lỗi thử")
        return real_bulk_create(queryset, objs, *args, **kwargs)

    monkeypatch.setattr(QuerySet, "bulk_create", bulk_create)

    report = services.bulletins_import(paths=[folder], section=economy, publish=True, batch_size=10)

    statuses = {o.path.name[:5]: (o.status, o.message) for o in report.outcomes}
    assert statuses["01_ba"] == ("failed", "tệp rỗng")
    assert statuses["02_xx"][0] == "failed" and "legacy_id" in statuses["02_xx"][1]
    assert statuses["04_ba"] == ("failed", "không ghi được vào cơ sở dữ liệu: lỗi thử")
    assert [statuses[n][0] for n in ("00_ba", "03_ba", "05_ba")] == ["created"] * 3
    good = {o.page_id for o in report.outcomes if o.status == "created"}
    assert set(ArticlePage.objects.values_list("pk", flat=True)) == good
    assert set(ImportedBulletin.objects.values_list("page_id", flat=True)) == good
    revisions = Revision.objects.filter(content_type__model="articlepage")
    assert {int(pk) for pk in revisions.values_list("object_id", flat=True)} == good
    entries = PageLogEntry.objects.filter(content_type__model="articlepage")
    assert set(entries.values_list("page_id", flat=True)) == good
    assert audit_chain_verify() is None
    economy.refresh_from_db()
    assert economy.numchild == 3
    assert Page.find_problems() == ([], [], [], [], [])
    articles = SearchDocument.objects.filter(object_id__in=[str(pk) for pk in good])
    assert articles.count() == 3
    assert found("quế") == found("miến") == []
    assert sorted(found("mía") + found("hồi") + found("gạo")) == sorted(
        ArticlePage.objects.values_list("title", flat=True)
    )
    assert set(ListingEntry.objects.filter(section=economy).values_list("article", flat=True)) == (
        good
    )


def test_reimporting_writes_nothing_and_repeated_content_is_imported_once(sections, tmp_path):
    _, economy = sections
    folder = write_dumps(tmp_path / "dumps", 4)
    (folder / "09_ban_sao.txt").write_bytes((folder / "00_bai.txt").read_bytes())
    first = services.bulletins_import(paths=[folder], section=economy, publish=True, batch_size=3)
    assert [o.status for o in first.outcomes] == ["created"] * 4 + ["unchanged"]
    assert first.outcomes[-1].page_id == first.outcomes[0].page_id
    counts = [
        model.objects.count() for model in (Page, Revision, PageLogEntry, AuditRecord, ListingEntry)
    ]

    again = services.bulletins_import(paths=[folder], section=economy, publish=True, batch_size=3)

    assert [o.status for o in again.outcomes] == ["unchanged"] * 5
    assert [
        model.objects.count() for model in (Page, Revision, PageLogEntry, AuditRecord, ListingEntry)
    ] == counts
    assert audit_chain_verify() is None


def test_drafts_get_their_revision_and_stay_out_of_sight(sections, tmp_path):
    _, economy = sections
    folder = write_dumps(tmp_path / "dumps", 3)
    services.bulletins_import(paths=[folder], section=economy, batch_size=2)
    for article in ArticlePage.objects.all():
        assert not article.live and article.has_unpublished_changes
        assert article.live_revision is None
        assert article.latest_revision.as_object().title == article.title
        assert list(PageLogEntry.objects.filter(page=article).values_list("action", flat=True)) == [
            "wagtail.create"
        ]
    assert not ListingEntry.objects.exists()
    assert found("mía") == []
    assert audit_chain_verify() is None


def test_leaders_mentioned_are_linked(home):
    leaders = make_seed_leaders(make_leader_index(home))
    activities = make_section(make_section(home, "Tin tức - Sự kiện"), "Hoạt động")
    report = services.bulletins_import(paths=[SEED_FILE], section=activities, publish=True)
    article = ArticlePage.objects.get(pk=report.outcomes[0].page_id)
    assert sorted(leader.title for leader in article_leaders(article)) == sorted(leaders)
    assert sorted(
        link["leader"] for link in article.live_revision.content["leader_links"]
    ) == sorted(leader.pk for leader in leaders.values())


def test_each_batch_stamps_its_cache_tags_once_and_listings_follow(
    sections, tmp_path, client, settings, monkeypatch
):
    settings.PAGE_CACHE_CLOCK_MARGIN = 0
    _, economy = sections
    make_article(economy, "Bài cũ", date=datetime.date(2025, 1, 1))
    client.get(economy.url)
    assert client.get(economy.url)["X-Page-Cache"] == "hit"
    touched = []
    monkeypatch.setattr(cache, "touch_listeners", [touched.append])

    services.bulletins_import(
        paths=[write_dumps(tmp_path / "dumps", 5)], section=economy, publish=True, batch_size=2
    )

    # Three batches; the commit's second stamp is not run inside a test's transaction.
    assert len(touched) == 3
    assert all(f"list:{economy.pk}" in tags for tags in touched)
    response = client.get(economy.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Sản phẩm miến của tỉnh" in response.content.decode()


def test_articles_saved_outside_an_import_are_still_indexed_one_by_one(sections, tmp_path):
    _, economy = sections
    services.bulletins_import(paths=[write_dumps(tmp_path / "dumps", 1)], section=economy)
    article = ArticlePage.objects.get()
    article.title = "Sản phẩm cam sành"
    article.save_revision().publish()
    assert found("cam sành") == ["Sản phẩm cam sành"]
    other = make_article(economy, "Vụ quýt năm nay")
    assert found("quýt") == [other.title]


def test_a_bad_dump_in_the_middle_of_a_batch_leaves_the_tree_and_the_chain_whole(
    home, sections, tmp_path
):
    leaders = make_seed_leaders(make_leader_index(home))
    _, economy = sections
    make_article(economy, "Sản phẩm mía của tỉnh")
    folder = write_dumps(tmp_path / "dumps", 7)
    (folder / "03_bai.txt").rename(folder / ("03_" + "x" * 120 + ".txt"))
    (folder / "05_bai.txt").write_text(
        SEED_FILE.read_text(encoding="utf-8").replace("07/02/2025", "08/02/2025")
    )

    report = services.bulletins_import(paths=[folder], section=economy, publish=True)

    assert [o.status for o in report.outcomes] == ["created"] * 3 + ["failed"] + ["created"] * 3
    assert Page.find_problems() == ([], [], [], [], [])
    economy.refresh_from_db()
    children = list(economy.get_children().specific().order_by("path"))
    assert economy.numchild == len(children) == 7
    # The new articles follow the existing one, in the order of their files, with no gap.
    assert [Page._str2int(c.path[-Page.steplen :]) for c in children] == list(range(1, 8))
    assert [c.pk for c in children[1:]] == [o.page_id for o in report.outcomes if o.page_id]
    assert children[1].slug == "san-pham-mia-cua-tinh-2"
    for article in children[1:]:
        # What the admin's own validation would make of it: nothing to change, nothing wrong.
        slug = article.slug
        article.full_clean()
        assert article.slug == slug
        assert article.url_path == f"{economy.url_path}{slug}/"
        revision = article.live_revision
        assert revision == article.latest_revision
        # The revision holds the content, written before publishing: not what publishing set.
        kept, live = revision.as_object().serializable_data(), article.serializable_data()
        for name in ("live_revision", "first_published_at", "last_published_at"):
            del kept[name], live[name]
        assert kept == live
        assert revision.created_at == article.latest_revision_created_at
        assert ImportedBulletin.objects.get(page=article).fingerprint
    roundup = children[-2]
    assert sorted(leader.title for leader in article_leaders(roundup)) == sorted(leaders)
    references = set(ReferenceIndex.objects.values_list("object_id", "to_object_id", "model_path"))
    for article in children[1:]:
        ReferenceIndex.create_or_update_for_object(article)
    assert (
        set(ReferenceIndex.objects.values_list("object_id", "to_object_id", "model_path"))
        == references
    )
    assert {(str(roundup.pk), str(leader.pk)) for leader in leaders.values()} <= {
        (object_id, to_object_id) for object_id, to_object_id, _ in references
    }
    assert audit_chain_verify() is None
    assert AuditRecord.objects.filter(source="wagtailcore.pagelogentry").count() == (
        PageLogEntry.objects.count()
    )
    assert list(
        AuditRecord.objects.filter(object_id=str(children[1].pk))
        .order_by("id")
        .values_list("action", "revision_id", "page_path")
    ) == [
        ("wagtail.create", None, children[1].path),
        ("wagtail.publish", children[1].live_revision_id, children[1].path),
    ]


def test_titles_repeated_in_a_batch_get_the_slugs_one_by_one_import_gives(sections, tmp_path):
    _, economy = sections
    make_article(economy, "Sản phẩm chè của tỉnh", slug="san-pham-che-cua-tinh-2")
    folder = tmp_path / "dumps"
    folder.mkdir()
    for number in range(3):
        (folder / f"{number:02d}_che.txt").write_text(
            DUMP.format(date=f"0{number + 1}/03/2025", title="Sản phẩm chè của tỉnh", word="chè")
        )

    services.bulletins_import(paths=[folder], section=economy, publish=True)

    assert sorted(economy.get_children().values_list("slug", flat=True)) == [
        "san-pham-che-cua-tinh",
        "san-pham-che-cua-tinh-2",
        "san-pham-che-cua-tinh-3",
        "san-pham-che-cua-tinh-4",
    ]


def test_a_file_repeated_in_one_batch_is_compared_with_its_first_copy(sections, tmp_path):
    _, economy = sections
    first, second = tmp_path / "dot1", tmp_path / "dot2"
    write_dumps(first, 2)
    write_dumps(second, 3, first_day=10)
    (second / "02_bai.txt").rename(second / "02_ban_sao.txt")
    (second / "02_ban_sao.txt").write_bytes((first / "00_bai.txt").read_bytes())

    report = services.bulletins_import(paths=[first, second], section=economy, publish=True)

    statuses = [(o.path.parent.name, o.path.stem, o.status) for o in report.outcomes]
    assert statuses == [
        ("dot1", "00_bai", "created"),
        ("dot1", "01_bai", "created"),
        ("dot2", "00_bai", "skipped"),
        ("dot2", "01_bai", "skipped"),
        ("dot2", "02_ban_sao", "unchanged"),
    ]
    assert report.outcomes[4].page_id == report.outcomes[0].page_id
    assert ArticlePage.objects.count() == ImportedBulletin.objects.count() == 2
    assert Page.find_problems() == ([], [], [], [], [])
    assert audit_chain_verify() is None


@pytest.mark.parametrize("unicode_slugs", [False, True])
def test_titles_with_nothing_to_fold_get_wagtails_own_slug_or_fail_clearly(
    sections, tmp_path, settings, unicode_slugs
):
    settings.WAGTAIL_ALLOW_UNICODE_SLUGS = unicode_slugs
    _, economy = sections
    folder = tmp_path / "dumps"
    folder.mkdir()
    for number in range(2):
        (folder / f"{number:02d}_bai.txt").write_text(
            DUMP.format(date=f"0{number + 1}/03/2025", title="北京 上海", word="chè")
        )

    report = services.bulletins_import(paths=[folder], section=economy, publish=True)

    slugs = sorted(economy.get_children().values_list("slug", flat=True))
    if unicode_slugs:
        assert [o.status for o in report.outcomes] == ["created"] * 2
        assert slugs == ["北京-上海", "北京-上海-2"]
    else:
        assert [(o.status, o.message) for o in report.outcomes] == [
            ("failed", "dữ liệu không hợp lệ: slug: Trường này không được để trắng.")
        ] * 2
        assert slugs == []


def test_a_bulk_import_brings_the_search_statistics_up_to_date(sections, tmp_path):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("planner statistics are PostgreSQL's")
    news, economy = sections
    folder = write_dumps(tmp_path / "dumps", 4)
    services.bulletins_import(paths=[folder], section=economy, publish=True, batch_size=2)
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'search_walk_vector'")
        assert cursor.fetchone()[0] == SearchDocument.objects.count()
