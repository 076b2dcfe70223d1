"""The API with its shared cache (Redis) unreachable: requests still answer, authentication
still refuses what it must, and keys can still be created and revoked.

The cache is pointed at a closed port (127.0.0.1:1: the connection is refused at once), with
the timeouts `config/settings.py` gives the Redis cache.
"""

from __future__ import annotations

import logging

import pytest
from rest_framework.test import APIClient

from cases import services
from cases.apikit import cachedown, keycache
from cases.models import ApiKey
from tests.factories import uploaded_document

LIST_URL = "/api/v1/casetypes"
DOWN = {
    "default": {
        "BACKEND": "config.cache.SharedRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
}


@pytest.fixture
def redis_down(settings):
    """Switch the cache to the unreachable Redis (Django drops its cache handlers)."""
    cachedown._last_warned.clear()  # every test sees its own warnings
    keycache._entries.clear()

    def down() -> None:
        settings.CACHES = DOWN

    yield down
    keycache._entries.clear()
    cachedown._last_warned.clear()


def _client(raw_key: str) -> APIClient:
    client = APIClient(raise_request_exception=False)
    client.credentials(HTTP_X_API_KEY=raw_key)
    return client


def _warnings(caplog) -> list[str]:
    return [
        record.getMessage()
        for record in caplog.records
        if record.name == cachedown.__name__ and record.levelno == logging.WARNING
    ]


@pytest.mark.parametrize("key_cache_seconds", [5, 0])
def test_api_requests_answer_with_the_cache_down(
    tenant, settings, redis_down, caplog, key_cache_seconds
):
    settings.API_KEY_CACHE_SECONDS = key_cache_seconds
    redis_down()
    response = _client(tenant.raw_key).get(LIST_URL)
    assert response.status_code == 200, response.content
    logged = _warnings(caplog)
    assert any("the per-key rate limit lets requests through" in line for line in logged)
    reads_keys = any("API keys are read from the database" in line for line in logged)
    assert reads_keys == (key_cache_seconds > 0)
    assert all("ConnectionError" in line for line in logged)


def test_an_outage_is_logged_once_not_per_request(tenant, settings, redis_down, caplog):
    settings.API_KEY_CACHE_SECONDS = 5
    redis_down()
    client = _client(tenant.raw_key)
    for _ in range(5):
        assert client.get(LIST_URL).status_code == 200
    assert len(_warnings(caplog)) == 2  # the key cache's and the rate limit's


def test_unknown_and_revoked_keys_are_still_refused_with_the_cache_down(
    tenant, settings, redis_down
):
    settings.API_KEY_CACHE_SECONDS = 5
    redis_down()
    assert _client("cf_live_not-a-key").get(LIST_URL).status_code == 401
    services.api_key_revoke(api_key=ApiKey.objects.get(workspace=tenant.workspace))
    response = _client(tenant.raw_key).get(LIST_URL)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "UNAUTHORIZED"


def test_a_key_cached_before_the_outage_is_not_trusted_during_it(tenant, settings, redis_down):
    settings.API_KEY_CACHE_SECONDS = 600
    client = _client(tenant.raw_key)
    assert client.get(LIST_URL).status_code == 200  # cached, under the working cache's token
    assert keycache._entries
    redis_down()
    # revoked by another process, whose token write failed as well
    ApiKey.objects.filter(workspace=tenant.workspace).update(revoked_at="2026-01-01T00:00Z")
    assert client.get(LIST_URL).status_code == 401
    assert not keycache._entries


@pytest.mark.django_db(transaction=True)  # the key's on-commit work runs as in production
def test_keys_are_created_and_revoked_in_the_ui_with_the_cache_down(tenant, settings, redis_down):
    settings.API_KEY_CACHE_SECONDS = 5
    redis_down()
    browser = APIClient(raise_request_exception=False)
    browser.force_login(tenant.admin)
    created = browser.post("/settings/api/keys/", {"name": "during the outage"})
    assert created.status_code == 200, created.content[:500]
    api_key = ApiKey.objects.get(workspace=tenant.workspace, name="during the outage")
    assert api_key.revoked_at is None
    old_key = ApiKey.objects.get(workspace=tenant.workspace, name="test key")
    assert _client(tenant.raw_key).get(LIST_URL).status_code == 200
    revoked = browser.post(f"/settings/api/keys/{old_key.public_id}/revoke/")
    assert revoked.status_code == 302, revoked.content[:500]
    old_key.refresh_from_db()
    assert old_key.revoked_at is not None
    assert _client(tenant.raw_key).get(LIST_URL).status_code == 401


def test_a_job_status_poll_answers_with_the_cache_down(tenant, settings, redis_down, caplog):
    settings.API_KEY_CACHE_SECONDS = 5
    _, job = uploaded_document(tenant.case_type)
    redis_down()
    response = _client(tenant.raw_key).get(f"/api/v1/extraction-jobs/{job.pk}")
    assert response.status_code == 200, response.content
    assert any("the per-job polling limit lets polls through" in line for line in _warnings(caplog))


def test_the_rate_limit_still_refuses_with_the_cache_up(tenant, settings):
    """The control: with a working cache the same limits refuse (so the tests above pass
    because the cache is down, not because the limits are off)."""
    settings.API_RATE_LIMIT = "2/min"
    client = _client(tenant.raw_key)
    statuses = [client.get(LIST_URL).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_a_failed_version_write_still_drops_this_processs_keys(tenant, settings, redis_down):
    import redis

    settings.API_KEY_CACHE_SECONDS = 600
    assert _client(tenant.raw_key).get(LIST_URL).status_code == 200
    assert keycache._entries
    redis_down()
    with pytest.raises(redis.RedisError):
        keycache._new_version()  # on commit it is `robust`: logged, and the request goes on
    assert not keycache._entries
