import secrets

from tests.conftest import run_manage, run_python

PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "congthongtin.example.gov.vn",
    "DATABASE_URL": "sqlite:////tmp/bantin-deploy-check.sqlite3",
    "CACHE_URL": "redis://127.0.0.1:6379/1",
}


def test_deploy_check_has_no_warnings_with_production_variables():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION, drop=("BANTIN_LOCAL",)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNINGS" not in result.stdout + result.stderr


def test_refuses_to_start_without_a_secret_key():
    env = {key: value for key, value in PRODUCTION.items() if key != "SECRET_KEY"}
    result = run_manage("check", env=env, drop=("BANTIN_LOCAL", "SECRET_KEY"))
    assert result.returncode != 0
    assert "SECRET_KEY chưa được đặt" in result.stderr
    assert "Traceback" not in result.stderr


def test_refuses_to_start_without_allowed_hosts():
    env = {key: value for key, value in PRODUCTION.items() if key != "ALLOWED_HOSTS"}
    result = run_manage("check", env=env, drop=("BANTIN_LOCAL", "ALLOWED_HOSTS"))
    assert result.returncode != 0
    assert "ALLOWED_HOSTS chưa được đặt" in result.stderr


def test_defaults_are_sqlite_and_a_shared_file_cache(tmp_path):
    script = (
        "from django.conf import settings as s; "
        "print(s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME']); "
        "print(s.CACHES['default']['BACKEND']); print(s.LANGUAGE_CODE, s.TIME_ZONE)"
    )
    result = run_python(
        script,
        env={"BANTIN_VAR_DIR": str(tmp_path)},
        drop=("DATABASE_URL", "CACHE_URL"),
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"django.db.backends.sqlite3 {tmp_path / 'bantin.sqlite3'}"
    assert lines[1] == "django.core.cache.backends.filebased.FileBasedCache"
    assert lines[2] == "vi Asia/Ho_Chi_Minh"
    assert (tmp_path / "secret_key").exists()


def test_rejects_an_unknown_task_backend():
    result = run_manage("check", env={"TASKS_BACKEND": "celery"})
    assert result.returncode != 0
    assert "TASKS_BACKEND" in result.stderr


def test_mail_goes_to_the_console_unless_an_smtp_server_is_configured():
    script = (
        "from django.conf import settings as s; "
        "print(s.EMAIL_BACKEND, getattr(s, 'EMAIL_HOST', ''), getattr(s, 'EMAIL_PORT', ''), "
        "getattr(s, 'EMAIL_USE_TLS', ''))"
    )
    result = run_python(script, drop=("EMAIL_URL",))
    assert result.stdout.split()[0] == "django.core.mail.backends.console.EmailBackend"
    result = run_python(
        script,
        env={"EMAIL_URL": "smtp+tls://cong:bi-mat@mail.example.gov.vn:587"},
    )
    assert result.stdout.split() == [
        "django.core.mail.backends.smtp.EmailBackend",
        "mail.example.gov.vn",
        "587",
        "True",
    ]
