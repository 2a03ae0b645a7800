from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from bantin.core.models import HomePage, PortalSettings
from bantin.news.models import ArticlePage, NewsIndexPage
from bantin.publishing import roles


def test_load_demo_builds_a_living_portal_once(client, db):
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "Đã nạp nội dung mẫu." in out.getvalue()

    site = Site.objects.get(is_default_site=True)
    home = HomePage.objects.get()
    assert site.root_page_id == home.pk
    assert PortalSettings.for_site(site).portal_name == "Cổng thông tin điện tử tỉnh Bắc Kạn"
    leaders = NewsIndexPage.objects.get(slug="hoat-dong-cua-lanh-dao-tinh")
    assert leaders.get_parent().slug == "tin-tuc-su-kien"
    seed = ArticlePage.objects.get(legacy_id="000_f266ab5f928e3e3e")
    assert seed.get_parent().pk == leaders.pk and seed.live
    assert home.featured_article_id == seed.pk
    articles = ArticlePage.objects.live()
    assert articles.count() >= 15
    assert len({a.get_parent().pk for a in articles}) >= 4
    assert all(article.featured_image_id for article in articles)

    from bantin.leaders.selectors import article_leaders

    assert len(article_leaders(seed)) == 5
    for url in (
        "/",
        "/tin-tuc-su-kien/",
        leaders.url,
        seed.url,
        "/du-lich/",
        "/lanh-dao-tinh/",
        "/lanh-dao-tinh/hoang-duy-chinh/",
    ):
        assert client.get(url).status_code == 200, url

    counts = (Page.objects.count(), Revision.objects.count())
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "không nạp nội dung mẫu" in out.getvalue()
    assert (Page.objects.count(), Revision.objects.count()) == counts


def test_prepare_portal_sets_up_once_and_then_changes_nothing(db, monkeypatch):
    monkeypatch.setenv("BANTIN_ADMIN_PASSWORD", "mot-mat-khau-dai-2025")
    monkeypatch.delenv("BANTIN_DEMO_PASSWORD", raising=False)
    out = StringIO()
    call_command("prepare_portal", stdout=out)
    assert "Đã nạp nội dung mẫu." in out.getvalue()
    assert "Đã tạo tài khoản quản trị" in out.getvalue()
    # One demo account per editorial role, each password printed once.
    User = get_user_model()
    for username, role in (
        ("phongvien", roles.REPORTER),
        ("bientapvien", roles.EDITOR),
        ("truongban", roles.CHIEF_EDITOR),
        ("quantri", roles.ADMINISTRATOR),
    ):
        line = next(li for li in out.getvalue().splitlines() if li.strip().startswith(username))
        password = line.split()[-1]
        user = User.objects.get(username=username)
        assert user.check_password(password)
        assert list(user.groups.values_list("name", flat=True)) == [role]
    counts = (Page.objects.count(), Revision.objects.count())
    out = StringIO()
    call_command("prepare_portal", stdout=out)
    assert "không nạp nội dung mẫu" in out.getvalue()
    assert "Đã có tài khoản quản trị" in out.getvalue()
    assert "Tài khoản mẫu" not in out.getvalue()
    assert (Page.objects.count(), Revision.objects.count()) == counts
