import pytest

from tests.conftest import run_python


def test_healthz_answers_without_touching_the_database(client):
    # No django_db mark: any database access here would raise.
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_is_ready_when_database_and_cache_answer(client):
    response = client.get("/readyz/")
    assert response.status_code == 200
    assert response.json()["checks"] == {"database:default": "ok", "cache": "ok"}


@pytest.mark.django_db
def test_readyz_is_unavailable_when_the_cache_does_not_answer(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    response = client.get("/readyz/")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["database:default"] == "ok"
    assert body["checks"]["cache"].startswith("lỗi")


def test_readyz_is_unavailable_when_the_database_does_not_answer():
    script = (
        "from django.test import Client; "
        "r = Client().get('/readyz/'); print(r.status_code, r.json()['checks'])"
    )
    result = run_python(
        script,
        env={"DATABASE_URL": "postgres://postgres@127.0.0.1:1/none"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("503")
    assert "'database:default': 'lỗi" in result.stdout
