"""Per-client rate limit and CORS on the API."""

import pytest

from bantin.api.middleware import rate_take


@pytest.fixture
def small_limit(settings):
    settings.API_RATE_LIMIT = 3


def test_client_over_the_limit_gets_429_with_retry_after(client, home, small_limit):
    for _ in range(3):
        assert client.get("/api/v2/sections/").status_code == 200
    response = client.get("/api/v2/sections/")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "yêu cầu mỗi phút" in response.json()["message"]
    # The search endpoint shares the budget; another client has its own.
    assert client.get("/api/v2/search/", {"q": "x"}).status_code == 429
    other = client.get("/api/v2/sections/", REMOTE_ADDR="10.0.0.2")
    assert other.status_code == 200
    # Pages are not limited.
    assert client.get("/").status_code == 200


def test_proxy_header_names_the_client(client, home, small_limit, settings):
    settings.API_CLIENT_IP_HEADER = "X-Real-IP"
    for _ in range(3):
        client.get("/api/v2/sections/", HTTP_X_REAL_IP="203.0.113.5")
    assert client.get("/api/v2/sections/", HTTP_X_REAL_IP="203.0.113.5").status_code == 429
    assert client.get("/api/v2/sections/", HTTP_X_REAL_IP="203.0.113.6").status_code == 200


def test_counter_starts_again_each_minute(db):
    assert rate_take("198.51.100.1", 1, now=120.0) == 0
    assert rate_take("198.51.100.1", 1, now=150.0) == 30
    assert rate_take("198.51.100.1", 1, now=181.0) == 0


def test_limit_zero_switches_it_off(client, home, settings):
    settings.API_RATE_LIMIT = 0
    for _ in range(5):
        assert client.get("/api/v2/sections/").status_code == 200


def test_unknown_api_address_is_json(client, home):
    response = client.get("/api/v2/khong-co/")
    assert response.status_code == 404
    assert "message" in response.json()
