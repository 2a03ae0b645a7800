"""Open-data export: the command and the staff download."""

import csv
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from bantin.api.export import articles_export
from tests.conftest import run_manage

TITLES = {"Hội nghị tổng kết công tác năm 2024", "Chợ phiên vùng cao", "Thăm và chúc Tết"}


def export(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("export_articles", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_json_export_holds_published_public_articles(api_portal):
    out, err = export("--format", "json")
    records = json.loads(out)
    assert {record["title"] for record in records} == TITLES
    assert "Đã xuất 3 bài" in err
    meeting = next(r for r in records if r["id"] == api_portal["meeting"].pk)
    assert meeting["url"] == "http://testserver" + api_portal["meeting"].url
    assert meeting["section"] == "Hoạt động của lãnh đạo tỉnh"
    assert meeting["date"] == "2025-02-07"
    assert meeting["published_at"].startswith("2025-02-07T00:00:00+07:00")
    assert meeting["author"] == "Bích Huệ (tổng hợp)"
    assert meeting["tags"] == ["Hội nghị", "Tổng kết"]
    assert meeting["leaders"] == ["Nguyễn Đăng Bình"]


def test_csv_export_to_a_file_since_a_date(api_portal, tmp_path):
    target = tmp_path / "bai-viet.csv"
    _, err = export("--format", "csv", "--since", "04/02/2025", "--output", str(target))
    assert "Đã xuất 2 bài" in err
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert {row["title"] for row in rows} == TITLES - {"Thăm và chúc Tết"}
    meeting = next(row for row in rows if row["id"] == str(api_portal["meeting"].pk))
    assert meeting["tags"] == "Hội nghị; Tổng kết"
    assert meeting["leaders"] == "Nguyễn Đăng Bình"


@pytest.mark.parametrize("since", ["31/02/2025", "hôm qua", "2025-13-01"])
def test_bad_since_is_a_clear_error(api_portal, since):
    with pytest.raises(CommandError, match="không hợp lệ"):
        export("--since", since)


def test_command_runs_from_the_shell_and_refuses_bad_dates():
    result = run_manage("export_articles", "--since", "32/01/2025")
    assert result.returncode != 0
    assert "Ngày “32/01/2025” không hợp lệ" in result.stderr


def test_export_query_count_does_not_grow_with_articles(api_portal, django_assert_max_num_queries):
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    with django_assert_max_num_queries(8):
        assert articles_export(site=site, format="json", out=io.StringIO()) == 3


def test_staff_download_from_the_admin(client, api_portal):
    staff = get_user_model().objects.create_superuser("quantri", "q@example.com", "x")
    client.force_login(staff)
    page = client.get("/admin/du-lieu-mo/")
    assert page.status_code == 200
    assert "Xuất dữ liệu mở" in page.content.decode()
    response = client.get("/admin/du-lieu-mo/", {"format": "json"})
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    records = json.loads(b"".join(response.streaming_content))
    assert {record["title"] for record in records} == TITLES
    csv_response = client.get("/admin/du-lieu-mo/", {"format": "csv"})
    assert csv_response["Content-Type"].startswith("text/csv")


def test_non_staff_cannot_download(client, api_portal):
    from django.contrib.auth.models import Permission

    user = get_user_model().objects.create_user("phongvien", "p@example.com", "x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get("/admin/du-lieu-mo/", {"format": "csv"}).status_code in (302, 403)
