"""The published OpenAPI document, and the API checked against it by schemathesis."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from bantin.api import openapi


def test_document_describes_every_endpoint(client, api_portal):
    response = client.get("/api/v2/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.")
    assert document["servers"] == [{"url": "http://testserver/api/v2"}]
    assert set(document["paths"]) == {
        "/articles/",
        "/articles/{id}/",
        "/sections/",
        "/sections/{id}/",
        "/leaders/",
        "/leaders/{id}/",
        "/search/",
    }
    names = {p["name"] for p in document["paths"]["/articles/"]["get"]["parameters"]}
    assert names == {"limit", "offset", "section", "date_from", "date_to", "tag", "search"}


schema = schemathesis.openapi.from_dict(openapi.document("http://testserver/api/v2"))
schema.app = get_wsgi_application()


@pytest.fixture
def unlimited(settings):
    """No rate limit, and the test's database connection kept open across requests made
    straight to the WSGI application (as Django's test client keeps it)."""
    settings.API_RATE_LIMIT = 0
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@hypothesis_settings(
    max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True
)
def test_api_conforms_to_its_document(case, api_portal, unlimited):
    case.call_and_validate(
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ]
    )
