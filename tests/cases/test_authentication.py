"""API key authentication in every header form of SPEC §5, and its failures."""

import pytest
from rest_framework.test import APIClient

from cases import services
from cases.models import ApiKey

LIST_URL = "/api/v1/casetypes"


@pytest.mark.parametrize(
    ("header", "template"),
    [
        ("HTTP_X_API_KEY", "{key}"),
        ("HTTP_APIKEY", "{key}"),
        ("HTTP_CAPOUT_API_KEY", "{key}"),
        ("HTTP_AUTHORIZATION", "api-key {key}"),
        ("HTTP_AUTHORIZATION", "Api-Key {key}"),
        ("HTTP_AUTHORIZATION", "Bearer {key}"),
    ],
)
def test_every_documented_header_form_authenticates(tenant, header, template):
    response = APIClient().get(LIST_URL, **{header: template.format(key=tenant.raw_key)})
    assert response.status_code == 200
    assert response.json()["status"] == "success"


def test_missing_key_is_401_in_the_error_envelope(db):
    response = APIClient().get(LIST_URL)
    assert response.status_code == 401
    body = response.json()
    assert body == {
        "success": False,
        "status": "error",
        "status_code": 401,
        "error": {"code": "UNAUTHORIZED", "message": body["error"]["message"], "details": {}},
    }
    assert "WWW-Authenticate" in response


def test_unknown_key_is_401(db):
    response = APIClient().get(LIST_URL, HTTP_X_API_KEY="cf_live_not-a-real-key")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "UNAUTHORIZED"


def test_unknown_authorization_scheme_is_401(tenant):
    response = APIClient().get(LIST_URL, HTTP_AUTHORIZATION=f"Basic {tenant.raw_key}")
    assert response.status_code == 401


def test_revoked_key_is_401(tenant):
    api_key = ApiKey.objects.get(workspace=tenant.workspace)
    services.api_key_revoke(api_key=api_key)
    response = APIClient().get(LIST_URL, HTTP_X_API_KEY=tenant.raw_key)
    assert response.status_code == 401


def test_session_cookie_is_not_accepted_by_the_api(tenant):
    client = APIClient()
    client.force_login(tenant.admin)
    assert client.get(LIST_URL).status_code == 401


def test_key_is_stored_only_as_hash_and_prefix(tenant):
    api_key = ApiKey.objects.get(workspace=tenant.workspace)
    assert tenant.raw_key.startswith("cf_live_")
    assert len(tenant.raw_key) >= len("cf_live_") + 43
    assert api_key.key_hash == ApiKey.hash_key(tenant.raw_key)
    assert tenant.raw_key.startswith(api_key.prefix)
    assert tenant.raw_key not in {api_key.prefix, api_key.key_hash}


def test_use_records_last_used(tenant):
    APIClient().get(LIST_URL, HTTP_X_API_KEY=tenant.raw_key)
    assert ApiKey.objects.get(workspace=tenant.workspace).last_used_at is not None


def test_each_key_has_its_own_rate_limit(tenant, outsider, settings):
    from django.core.cache import cache

    cache.clear()
    settings.API_RATE_LIMIT = "3/min"
    codes = [tenant.client.get(LIST_URL).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    limited = tenant.client.get(LIST_URL)
    assert limited.json()["error"]["code"] == "RATE_LIMITED"
    assert int(limited["Retry-After"]) > 0
    assert outsider.client.get(LIST_URL).status_code == 200


def test_two_different_keys_in_two_headers_are_refused_as_ambiguous(tenant, outsider):
    response = APIClient().get(
        LIST_URL, HTTP_X_API_KEY=tenant.raw_key, HTTP_AUTHORIZATION=f"Bearer {outsider.raw_key}"
    )
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "UNAUTHORIZED"
    assert "two different API keys" in response.json()["error"]["message"]


def test_a_revoked_key_beside_a_valid_one_is_refused_as_ambiguous(tenant):
    revoked, revoked_raw = services.api_key_create(workspace=tenant.workspace, name="old")
    services.api_key_revoke(api_key=revoked)
    for first, second in ((tenant.raw_key, revoked_raw), (revoked_raw, tenant.raw_key)):
        response = APIClient().get(LIST_URL, HTTP_X_API_KEY=first, HTTP_APIKEY=second)
        assert response.status_code == 401, (first, second)


def test_two_keys_joined_in_one_repeated_header_are_refused(tenant, outsider):
    response = APIClient().get(LIST_URL, HTTP_X_API_KEY=f"{tenant.raw_key}, {outsider.raw_key}")
    assert response.status_code == 401


def test_the_same_key_in_two_headers_authenticates(tenant):
    response = APIClient().get(
        LIST_URL, HTTP_X_API_KEY=tenant.raw_key, HTTP_AUTHORIZATION=f"api-key {tenant.raw_key}"
    )
    assert response.status_code == 200
