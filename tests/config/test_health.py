"""`/healthz` answers while the process lives; `/readyz` checks database, cache, broker and
storage, and answers 503 naming the failing check (never its error text) while one is down."""

from __future__ import annotations

import pytest
from django.db import OperationalError, connections
from django.test import Client

from config import health


@pytest.fixture
def client() -> Client:
    return Client()


def test_healthz_answers_ok_in_json_without_a_key(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Cache-Control"].startswith("max-age=0")


@pytest.mark.django_db
def test_readyz_is_ready_when_database_cache_broker_and_storage_answer(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "broker", "storage"}
    assert all(check["ok"] for check in body["checks"].values())


@pytest.mark.django_db
def test_readyz_is_unavailable_when_the_cache_loses_what_it_stores(client, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["cache"] == {
        "ok": False,
        "error": "RuntimeError",
        "ms": pytest.approx(body["checks"]["cache"]["ms"]),
    }
    assert body["checks"]["database"]["ok"] is True


@pytest.mark.django_db
def test_readyz_reports_a_database_outage_without_its_message(client, monkeypatch):
    def refused(*args, **kwargs):
        raise OperationalError('connection to server at "db.internal" (10.0.0.5) refused')

    monkeypatch.setattr(connections["default"], "cursor", refused)
    response = client.get("/readyz")
    assert response.status_code == 503
    check = response.json()["checks"]["database"]
    assert check["ok"] is False
    assert check["error"] == "OperationalError"
    assert "10.0.0.5" not in response.content.decode()


@pytest.mark.django_db
def test_readyz_is_unavailable_when_the_file_storage_cannot_be_written(client, settings, tmp_path):
    settings.MEDIA_ROOT = "/proc/casefile-files"  # /proc refuses new entries, even to root
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["storage"]["ok"] is False


def test_every_cluster_queue_is_checked(settings):
    settings.Q_CLUSTER = {**settings.Q_CLUSTER, "ALT_CLUSTERS": {"casefile-webhooks": {}}}
    assert health.queue_names() == [settings.Q_CLUSTER["name"], "casefile-webhooks"]
