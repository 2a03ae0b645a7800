import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.rich_text import RichText

from bantin.importer.legacy_text import parse_bulletin
from bantin.leaders.digest import digest_compile, event_moment
from bantin.leaders.models import WeeklyDigest
from bantin.news.models import ArticlePage
from tests.conftest import SEED_FILE
from tests.leaders.factories import make_leader_index, make_seed_leaders
from tests.news.factories import make_article, make_section
from tests.publishing.conftest import client_for

SEED_TITLE = "Điểm hoạt động nổi bật của lãnh đạo tỉnh trong tuần, từ 3/2 - 7/2/2025"
ITEM_DATES = [datetime.date(2025, 2, d) for d in (3, 3, 4, 7)]


@pytest.fixture
def activities(home):
    news = make_section(home, "Tin tức - Sự kiện")
    return make_section(news, "Hoạt động của lãnh đạo tỉnh")


@pytest.fixture
def seed_items(home, activities):
    """The seed split into its four news items, published, in a shuffled order."""
    make_seed_leaders(make_leader_index(home))
    bulletin = parse_bulletin(SEED_FILE.read_bytes(), 2 * 1024 * 1024)
    items = []
    for section, day in reversed(list(zip(bulletin.sections, ITEM_DATES, strict=True))):
        first, *rest = section.paragraphs
        items.append(
            make_article(
                activities,
                section.heading,
                date=day,
                lead=first,
                body=[("paragraph", RichText(f"<p>{p}</p>")) for p in rest],
            )
        )
    return bulletin


def test_golden_the_seed_week_compiles_back_into_the_seed(client, seed_items, activities):
    result = digest_compile(day=datetime.date(2025, 2, 3), by="Bích Huệ")
    assert result.created
    page = ArticlePage.objects.get(pk=result.page.pk)
    draft = page.get_latest_revision_as_object()
    assert draft.title == SEED_TITLE
    assert [b.value for b in draft.body if b.block_type == "heading"] == [
        s.heading for s in seed_items.sections
    ]
    assert draft.lead.endswith(
        "là những hoạt động nổi bật của lãnh đạo tỉnh trong tuần, từ 3/2 - 7/2/2025."
    )
    assert draft.lead.startswith("Lãnh đạo tỉnh gặp mặt đầu Xuân; Kỳ họp HĐND tỉnh")
    assert draft.byline == "Bích Huệ (tổng hợp)"
    assert draft.is_roundup and draft.date == datetime.date(2025, 2, 7)
    assert not page.live
    assert page.workflow_in_progress
    assert page.current_workflow_task.name == "Biên tập"
    assert client.get(f"{activities.url}{page.slug}/").status_code == 404
    assert SEED_TITLE not in client.get(activities.url).content.decode()
    assert len(WeeklyDigest.objects.get().sources.all()) == 4
    assert sorted(link.leader.title for link in draft.leader_links.all()) == sorted(
        ["Hoàng Duy Chinh", "Phương Thị Thanh", "Trần Thị Lộc", "Đồng Văn Lưu", "Nguyễn Đăng Bình"]
    )
    links = [
        b.value.source
        for b in draft.body
        if b.block_type == "paragraph" and "Xem toàn văn" in b.value.source
    ]
    assert len(links) == 4 and 'linktype="page"' in links[0]


def test_order_follows_the_time_phrase_of_the_lead(activities):
    late_published = make_article(
        activities, "B", date=datetime.date(2025, 2, 6), lead="Sáng 4/2, đoàn công tác ..."
    )
    afternoon = make_article(
        activities, "A", date=datetime.date(2025, 2, 4), lead="Chiều 4/2, Ban Chỉ đạo họp."
    )
    whole_day = make_article(
        activities, "C", date=datetime.date(2025, 2, 5), lead="Ngày 4/2, tỉnh tổ chức ..."
    )
    assert event_moment(late_published) == (datetime.date(2025, 2, 4), 1)
    result = digest_compile(day=datetime.date(2025, 2, 4))
    assert [item.title for item in result.items] == [
        whole_day.title,
        late_published.title,
        afternoon.title,
    ]


def test_recompiling_updates_the_draft_and_a_published_week_needs_force(seed_items, staff):
    first = digest_compile(day=datetime.date(2025, 2, 5))
    revisions = first.page.revisions.count()
    again = digest_compile(day=datetime.date(2025, 2, 6))
    assert not again.created and again.page.pk == first.page.pk
    assert again.page.revisions.count() == revisions + 1
    assert ArticlePage.objects.filter(is_roundup=True).count() == 1

    page = ArticlePage.objects.get(pk=first.page.pk)
    page.get_latest_revision().publish()
    with pytest.raises(Exception, match="đã xuất bản"):
        digest_compile(day=datetime.date(2025, 2, 5))
    forced = digest_compile(day=datetime.date(2025, 2, 5), force=True)
    assert forced.page.pk == page.pk and forced.page.live
    assert forced.page.has_unpublished_changes


def test_round_ups_are_never_items_of_a_week(seed_items, activities):
    from bantin.importer.services import bulletin_import

    bulletin_import(path=SEED_FILE, section=activities, publish=True)
    result = digest_compile(day=datetime.date(2025, 2, 3))
    assert SEED_TITLE not in [item.title for item in result.items]
    assert len(result.items) == 4


def test_command_reports_empty_weeks_and_bad_arguments(seed_items):
    out = StringIO()
    call_command("compile_weekly_digest", "--week", "2024-06-12", stdout=out)
    assert "không có hoạt động nào" in out.getvalue()
    assert not WeeklyDigest.objects.exists()
    for args, message in (
        (["--week", "03/02/2025"], "không phải ngày dạng YYYY-MM-DD"),
        (["--week", "2025-02-30"], "không phải ngày dạng YYYY-MM-DD"),
        (["--week", "2025-02-03", "--section", "khong-co"], "Không có chuyên mục"),
    ):
        with pytest.raises(CommandError, match=message):
            call_command("compile_weekly_digest", *args, stdout=StringIO())
    out = StringIO()
    call_command("compile_weekly_digest", "--week", "2025-02-03", "--by", "Bích Huệ", stdout=out)
    assert "Đã tạo bản nháp" in out.getvalue()
    assert ArticlePage.objects.get(is_roundup=True).get_latest_revision_as_object().byline == (
        "Bích Huệ (tổng hợp)"
    )


def test_admin_button_compiles_the_week(seed_items, activities, staff):
    editor = client_for(staff["editor"])
    response = editor.get("/admin/tong-hop-tuan/")
    assert response.status_code == 200 and "Tổng hợp tuần" in response.content.decode()
    response = editor.post("/admin/tong-hop-tuan/", {"day": "2025-02-04", "section": activities.pk})
    assert response.status_code == 302
    page = ArticlePage.objects.get(is_roundup=True)
    assert response["Location"] == f"/admin/pages/{page.pk}/edit/"
    draft = page.get_latest_revision_as_object()
    assert draft.title == SEED_TITLE
    assert draft.author == staff["editor"].get_full_name() or draft.author == "Ban biên tập"
    response = editor.post(
        "/admin/tong-hop-tuan/", {"day": "không phải ngày", "section": activities.pk}
    )
    assert response.status_code == 200
    assert "Nhập một ngày hợp lệ" in response.content.decode()
