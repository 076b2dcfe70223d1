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


# --- The per-process key cache (cases/apikit/keycache.py) ------------------------------------


@pytest.fixture
def key_cache(settings):
    """The key cache on, for longer than any test takes (so only invalidation can clear it)."""
    from cases.apikit import keycache

    settings.API_KEY_CACHE_SECONDS = 600
    keycache._entries.clear()
    yield keycache
    keycache._entries.clear()


def _key_queries(client) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(LIST_URL).status_code == 200
    return sum(ApiKey._meta.db_table in query["sql"] for query in queries.captured_queries)


def test_a_cached_key_is_not_read_from_the_database_again(tenant, key_cache):
    assert _key_queries(tenant.client) >= 1
    assert _key_queries(tenant.client) == 0


def test_without_the_cache_every_request_reads_its_key(tenant, settings):
    settings.API_KEY_CACHE_SECONDS = 0
    tenant.client.get(LIST_URL)
    assert _key_queries(tenant.client) == 1


def test_a_revoked_key_is_refused_at_once_though_it_was_cached(
    tenant, key_cache, django_capture_on_commit_callbacks
):
    assert tenant.client.get(LIST_URL).status_code == 200  # now cached
    with django_capture_on_commit_callbacks(execute=True):
        services.api_key_revoke(api_key=ApiKey.objects.get(workspace=tenant.workspace))
    response = tenant.client.get(LIST_URL)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "UNAUTHORIZED"


def test_a_deleted_key_is_refused_at_once_though_it_was_cached(
    tenant, key_cache, django_capture_on_commit_callbacks
):
    assert tenant.client.get(LIST_URL).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        ApiKey.objects.filter(workspace=tenant.workspace).delete()
    assert tenant.client.get(LIST_URL).status_code == 401


def test_a_revocation_in_another_process_is_seen_through_the_shared_version(tenant, key_cache):
    from django.core.cache import cache

    assert tenant.client.get(LIST_URL).status_code == 200
    # Another process revoked it: the row changed, and that process wrote a new version token
    # to the shared cache; this process's entry is still there.
    ApiKey.objects.filter(workspace=tenant.workspace).update(revoked_at="2026-01-01T00:00Z")
    assert key_cache._entries
    cache.set(key_cache.VERSION_KEY, "written-by-another-process")
    assert tenant.client.get(LIST_URL).status_code == 401


def test_a_lost_version_token_discards_the_cached_keys(tenant, key_cache):
    from django.core.cache import cache

    assert tenant.client.get(LIST_URL).status_code == 200
    cache.delete(key_cache.VERSION_KEY)  # Redis restarted or evicted it
    assert _key_queries(tenant.client) == 1


def test_a_cached_key_expires(tenant, key_cache, monkeypatch):
    import time

    tenant.client.get(LIST_URL)
    later = time.monotonic() + 601
    monkeypatch.setattr(key_cache.time, "monotonic", lambda: later)
    assert _key_queries(tenant.client) == 1


def test_each_request_gets_its_own_key_and_workspace_objects(tenant, key_cache):
    from cases.models import Workspace

    tenant.client.get(LIST_URL)
    key_hash = ApiKey.hash_key(tenant.raw_key)
    first = key_cache.api_key_find(key_hash, lambda _: None)
    second = key_cache.api_key_find(key_hash, lambda _: None)
    assert first is not None
    assert second is not None
    assert first is not second
    assert first.workspace is not second.workspace
    assert first.pk == second.pk
    assert first.workspace == Workspace.objects.get(pk=first.workspace_id)
    assert not first._state.adding


def test_last_use_is_still_recorded_at_most_once_a_minute_with_the_cache(tenant, key_cache):
    from datetime import timedelta

    from django.utils import timezone

    tenant.client.get(LIST_URL)
    ApiKey.objects.filter(workspace=tenant.workspace).update(last_used_at=None)
    tenant.client.get(LIST_URL)  # the cached entry says it was used just now: no write
    assert ApiKey.objects.get(workspace=tenant.workspace).last_used_at is None
    key_hash = ApiKey.hash_key(tenant.raw_key)
    key_cache.api_key_used(key_hash, timezone.now() - timedelta(minutes=2))
    tenant.client.get(LIST_URL)
    assert ApiKey.objects.get(workspace=tenant.workspace).last_used_at is not None
