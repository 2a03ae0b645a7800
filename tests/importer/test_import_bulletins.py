import datetime
import shutil

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from bantin.importer.models import ImportedBulletin
from bantin.news.models import ArticlePage
from tests.conftest import SEED_FILE
from tests.news.factories import make_section

SEED_SLUG = "diem-hoat-dong-noi-bat-cua-lanh-dao-tinh-trong-tuan-tu-3-2-7-2-2025"
GOOD = (
    "PublishingPortal - Block_BanTin_Toolbar\n\n{date}\nTăng cỡ chữ Giảm cỡ chữ\n{title}\n"
    "Sapo bài.\n\nPublishingPortal - Block_BanTin_ViewData\n\nMục một\n\nĐoạn văn.\n\nThu Trang\n"
)


@pytest.fixture
def leaders(home):
    news = make_section(home, "Tin tức - Sự kiện")
    return make_section(news, "Hoạt động của lãnh đạo tỉnh")


def run(*args):
    from io import StringIO

    out, err = StringIO(), StringIO()
    try:
        call_command("import_bulletins", *args, stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


def test_seed_imports_as_a_draft_field_by_field(leaders):
    out, _, error = run(str(SEED_FILE), "--into", "hoat-dong-cua-lanh-dao-tinh")
    assert error is None
    assert "1 tạo mới" in out
    article = ArticlePage.objects.get()
    assert article.get_parent().specific == leaders
    assert not article.live
    assert article.slug == SEED_SLUG
    assert article.title == "Điểm hoạt động nổi bật của lãnh đạo tỉnh trong tuần, từ 3/2 - 7/2/2025"
    assert article.date == datetime.date(2025, 2, 7)
    assert article.lead.startswith("Gặp mặt đầu Xuân Ất Tỵ;")
    headings = [block.value for block in article.body if block.block_type == "heading"]
    assert headings == [
        "Lãnh đạo tỉnh gặp mặt đầu Xuân",
        "Kỳ họp HĐND tỉnh giải quyết công việc phát sinh đột xuất",
        "Phiên họp UBND tỉnh tháng 1/2025",
        "Họp Ban Chỉ đạo triển khai xóa nhà tạm, nhà dột nát trên địa bàn tỉnh lần thứ hai",
    ]
    assert sum(1 for block in article.body if block.block_type == "paragraph") == 19
    assert (article.author, article.author_note, article.byline) == (
        "Bích Huệ",
        "tổng hợp",
        "Bích Huệ (tổng hợp)",
    )
    assert article.legacy_id == "000_f266ab5f928e3e3e"
    record = ImportedBulletin.objects.get()
    assert record.page_id == article.pk and len(record.fingerprint) == 64


def test_reimport_creates_nothing_and_publish_makes_it_live(leaders):
    run(str(SEED_FILE), "--into", "hoat-dong-cua-lanh-dao-tinh", "--publish")
    pages, revisions = Page.objects.count(), ArticlePage.objects.get().revisions.count()
    out, _, error = run(str(SEED_FILE), "--into", "hoat-dong-cua-lanh-dao-tinh", "--publish")
    assert error is None
    assert "1 không đổi" in out
    assert Page.objects.count() == pages
    article = ArticlePage.objects.get()
    assert article.live
    assert article.revisions.count() == revisions


def test_changed_file_is_skipped_unless_update_is_given(leaders, tmp_path):
    path = tmp_path / "000_f266ab5f928e3e3e.txt"
    shutil.copy(SEED_FILE, path)
    run(str(path), "--into", "hoat-dong-cua-lanh-dao-tinh", "--publish")
    article = ArticlePage.objects.get()
    path.write_text(SEED_FILE.read_text(encoding="utf-8").replace("Bích Huệ", "Thu Hà"))

    out, _, error = run(str(path), "--into", "hoat-dong-cua-lanh-dao-tinh")
    assert error is None and "1 bỏ qua" in out and "--update" in out
    assert ArticlePage.objects.get().author == "Bích Huệ"

    revisions = article.revisions.count()
    out, _, error = run(str(path), "--into", "hoat-dong-cua-lanh-dao-tinh", "--update", "--publish")
    assert error is None and "1 cập nhật" in out
    assert ArticlePage.objects.count() == 1
    article.refresh_from_db()
    assert article.author == "Thu Hà"
    assert article.revisions.count() == revisions + 1
    assert article.slug == SEED_SLUG


def test_update_without_publish_leaves_the_live_version_alone(leaders, tmp_path):
    path = tmp_path / "bai.txt"
    path.write_text(GOOD.format(date="07/02/2025", title="Tiêu đề cũ"))
    run(str(path), "--into", "hoat-dong-cua-lanh-dao-tinh", "--publish")
    path.write_text(GOOD.format(date="07/02/2025", title="Tiêu đề mới"))
    _, _, error = run(str(path), "--into", "hoat-dong-cua-lanh-dao-tinh", "--update")
    assert error is None
    article = ArticlePage.objects.get()
    assert article.title == "Tiêu đề cũ"
    assert article.has_unpublished_changes
    assert article.get_latest_revision_as_object().title == "Tiêu đề mới"


def test_dry_run_writes_nothing(leaders):
    pages = Page.objects.count()
    out, _, error = run(str(SEED_FILE), "--into", "hoat-dong-cua-lanh-dao-tinh", "--dry-run")
    assert error is None
    assert out.splitlines()[-1].startswith("Chạy thử (không ghi gì): 1 tệp: 1 tạo mới")
    assert Page.objects.count() == pages
    assert not ImportedBulletin.objects.exists()


def test_bad_files_are_reported_and_the_others_still_import(leaders, tmp_path, settings):
    settings.BANTIN_IMPORT_MAX_BYTES = 4096
    folder = tmp_path / "dumps"
    folder.mkdir()
    (folder / "01_good.txt").write_text(GOOD.format(date="03/02/2025", title="Bài tốt một"))
    (folder / "02_empty.txt").write_bytes(b"")
    (folder / "03_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00IHDR")
    (folder / "04_latin.txt").write_bytes(
        GOOD.format(date="03/02/2025", title="Bai").encode() + "é".encode("latin-1")
    )
    (folder / "05_notitle.txt").write_text(
        "PublishingPortal - Block_BanTin_Toolbar\n07/02/2025\nTăng cỡ chữ Giảm cỡ chữ\n"
        "PublishingPortal - Block_BanTin_ViewData\nĐoạn.\n"
    )
    (folder / "06_nodate.txt").write_text(GOOD.format(date="", title="Không ngày"))
    (folder / "07_huge.txt").write_text(GOOD.format(date="03/02/2025", title="Lớn") + "x" * 5000)
    (folder / "08_good.txt").write_text(GOOD.format(date="04/02/2025", title="Bài tốt hai"))
    (folder / "ghi-chu.md").write_text("không phải dump")
    missing = tmp_path / "khong-co.txt"

    out, err, error = run(str(folder), str(missing), "--into", "hoat-dong-cua-lanh-dao-tinh")
    assert isinstance(error, CommandError)
    assert "7 tệp không nhập được" in str(error)
    assert sorted(ArticlePage.objects.values_list("title", flat=True)) == [
        "Bài tốt hai",
        "Bài tốt một",
    ]
    expected = {
        "02_empty.txt": "tệp rỗng",
        "03_binary.txt": "tệp nhị phân",
        "04_latin.txt": "không phải văn bản UTF-8",
        "05_notitle.txt": "không có tiêu đề",
        "06_nodate.txt": "không có ngày đăng hợp lệ",
        "07_huge.txt": "tệp quá lớn",
        "khong-co.txt": "không tìm thấy tệp",
    }
    error_lines = [line for line in err.splitlines() if line.startswith("lỗi: ")]
    assert len(error_lines) == len(expected)
    for name, reason in expected.items():
        assert any(name in line and reason in line for line in error_lines), (name, err)
    assert "9 tệp: 2 tạo mới, 0 cập nhật, 0 không đổi, 0 bỏ qua, 7 lỗi." in out
    assert "Nhập bài" in err  # the progress bar


def test_unknown_section_is_a_clear_error(leaders):
    _, _, error = run(str(SEED_FILE), "--into", "khong-co")
    assert isinstance(error, CommandError)
    assert "Không có chuyên mục “khong-co”" in str(error)
    assert "hoat-dong-cua-lanh-dao-tinh" in str(error)


def test_section_can_be_named_by_path_when_slugs_repeat(home):
    first = make_section(home, "Tin tức")
    second = make_section(home, "Du lịch")
    make_section(first, "Thông báo")
    wanted = make_section(second, "Thông báo")
    _, _, error = run(str(SEED_FILE), "--into", "thong-bao")
    assert "Có nhiều chuyên mục" in str(error)
    _, _, error = run(str(SEED_FILE), "--into", "du-lich/thong-bao")
    assert error is None
    assert ArticlePage.objects.get().get_parent().pk == wanted.pk
