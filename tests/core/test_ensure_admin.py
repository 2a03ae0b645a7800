from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command


def test_creates_the_admin_from_the_environment_once(db, monkeypatch):
    monkeypatch.setenv("BANTIN_ADMIN_USER", "quantri")
    monkeypatch.setenv("BANTIN_ADMIN_PASSWORD", "mat-khau-rat-dai-2025")
    out = StringIO()
    call_command("ensure_admin", stdout=out)
    user = get_user_model().objects.get()
    assert user.username == "quantri" and user.is_superuser
    assert user.check_password("mat-khau-rat-dai-2025")
    assert "Mật khẩu" not in out.getvalue()

    out = StringIO()
    call_command("ensure_admin", stdout=out)
    assert "Đã có tài khoản quản trị" in out.getvalue()
    assert get_user_model().objects.count() == 1


def test_generates_and_prints_a_password_when_none_is_given(db, monkeypatch):
    monkeypatch.delenv("BANTIN_ADMIN_USER", raising=False)
    monkeypatch.delenv("BANTIN_ADMIN_PASSWORD", raising=False)
    out = StringIO()
    call_command("ensure_admin", stdout=out)
    password = out.getvalue().split("Mật khẩu: ")[1].split()[0]
    user = get_user_model().objects.get()
    assert user.username == "admin"
    assert user.check_password(password)
