"""Every API error is JSON in SPEC §5's envelope: unknown routes, methods, big bodies, crashes."""

import pytest
from django.urls import path
from rest_framework.views import APIView

from config.urls import urlpatterns as root_urlpatterns


def test_unknown_api_route_is_json_404(tenant):
    response = tenant.client.get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["error"]["code"] == "NOT_FOUND"


def test_wrong_method_is_json_405(tenant):
    response = tenant.client.delete("/api/v1/casetypes")
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "METHOD_NOT_ALLOWED"


def test_body_over_the_limit_is_json_413_before_it_is_read(tenant, settings):
    settings.MAX_REQUEST_BYTES = 1024
    response = tenant.client.post(
        "/api/v1/cases", data=b"x" * 4096, content_type="application/octet-stream"
    )
    assert response.status_code == 413
    body = response.json()
    assert body["error"]["code"] == "PAYLOAD_TOO_LARGE"
    assert body["error"]["details"]["limit_bytes"] == 1024


def test_malformed_json_is_400(tenant, invoice_type):
    response = tenant.client.generic(
        "PATCH",
        f"/api/v1/casetypes/{invoice_type.public_id}/cases/case__x",
        "{not json",
        content_type="application/json",
    )
    assert response.status_code in {400, 404}
    assert response.json()["success"] is False


class _Exploding(APIView):
    def get(self, request):
        raise RuntimeError("secret internals")


@pytest.fixture
def exploding_route(settings):
    import sys
    import types

    module = types.ModuleType("tests_exploding_urls")
    module.urlpatterns = [path("api/v1/explode", _Exploding.as_view()), *root_urlpatterns]
    sys.modules[module.__name__] = module
    settings.ROOT_URLCONF = module.__name__
    yield
    del sys.modules[module.__name__]


def test_unhandled_error_is_json_500_without_a_trace(tenant, exploding_route, client):
    client.raise_request_exception = False
    response = client.get("/api/v1/explode", HTTP_X_API_KEY=tenant.raw_key)
    assert response.status_code == 500
    body = response.json()
    assert body["error"]["code"] == "INTERNAL_ERROR"
    assert "secret internals" not in response.content.decode()
