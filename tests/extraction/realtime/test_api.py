"""Seed 002's document status and realtime token endpoints: shapes, every status code, the
long poll, and workspace isolation."""

from __future__ import annotations

import threading
import time
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.utils import timezone

from cases.models import Document
from extraction.models import ExtractionJob
from extraction.realtime.tokens import realtime_token_verify
from extraction.services import job_fail
from tests.factories import processed_document, uploaded_document

STEPS = {"ocr", "structure", "classification", "extraction", "review"}


@pytest.mark.parametrize("prefix", ["", "/api/v1"])
def test_status_of_a_queued_document_has_the_seed_shape_and_queue_position(tenant, prefix):
    document, job = uploaded_document(tenant.case_type)
    response = tenant.client.get(f"{prefix}/status/{document.public_id}")
    assert response.status_code == 200
    body = response.json()
    assert body["document_id"] == document.public_id
    assert body["status"] == "queued"
    assert set(body["progress"]) == STEPS
    assert set(body["progress"].values()) == {"pending"}
    assert body["workflow_complete"] is False
    assert body["completed_at"] is None
    assert body["updated_at"].endswith("Z")
    assert body["queue_position"] == 1
    assert body["job_id"] == str(job.pk)
    assert body["workflow_id"] == tenant.case_type.public_id
    assert body["status_url"] == f"/status/{document.public_id}"


def test_queue_position_counts_the_jobs_queued_before(tenant):
    uploaded_document(tenant.case_type, filename="first.pdf")
    second, _ = uploaded_document(tenant.case_type, filename="second.pdf")
    assert tenant.client.get(f"/status/{second.public_id}").json()["queue_position"] == 2


def test_status_of_a_processed_document_is_complete(tenant):
    document = processed_document(tenant.case_type)
    body = tenant.client.get(f"/status/{document.public_id}").json()
    assert body["status"] == "processed"
    assert body["workflow_complete"] is True
    assert body["completed_at"] is not None
    assert body["progress_percent"] == 100
    assert body["progress"] == {
        "ocr": "complete",
        "structure": "complete",
        "classification": "complete",
        "extraction": "complete",
        "review": "skipped",
    }
    assert body["queue_position"] is None
    assert body["error"] is None


def test_status_of_a_failed_document_names_the_error(tenant):
    document, job = uploaded_document(tenant.case_type)
    job_fail(job=job, code="CORRUPT_FILE", message="The PDF cannot be read.")
    body = tenant.client.get(f"/status/{document.public_id}").json()
    assert body["status"] == "failed"
    assert body["workflow_complete"] is True
    assert body["completed_at"] is not None
    assert body["error"] == {"code": "CORRUPT_FILE", "message": "The PDF cannot be read."}


def test_status_names_the_document_a_duplicate_matches(tenant):
    first = processed_document(tenant.case_type, filename="a.pdf")
    second, _ = uploaded_document(tenant.case_type, filename="b.pdf")
    assert second.duplicate_of_id == first.pk
    assert tenant.client.get(f"/status/{second.public_id}").json()["duplicate_of"] == (
        first.public_id
    )


def test_status_of_a_document_uploaded_without_extraction(tenant, run_on_commit):
    response = run_on_commit(
        tenant.client.post,
        "/api/v1/cases",
        {
            "casetype_id": tenant.case_type.public_id,
            "trigger_workflow": "false",
            "files": [_pdf("held.pdf")],
        },
        format="multipart",
    )
    document_id = response.json()["data"]["documents"][0]["doc_id"]
    body = tenant.client.get(f"/status/{document_id}").json()
    assert body["status"] == "uploaded"
    assert body["job_id"] is None
    assert body["progress_percent"] == 0


def test_another_workspaces_document_is_404(tenant, outsider):
    document, _ = uploaded_document(tenant.case_type)
    response = outsider.client.get(f"/status/{document.public_id}")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "DOCUMENT_NOT_FOUND"


def test_unknown_document_is_404_in_the_envelope(tenant):
    response = tenant.client.get("/api/v1/status/doc__nothing")
    assert response.status_code == 404
    assert response.json()["status"] == "error"


def test_status_without_an_api_key_is_401(tenant):
    document, _ = uploaded_document(tenant.case_type)
    response = tenant.client.__class__().get(f"/status/{document.public_id}")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "UNAUTHORIZED"


@pytest.mark.parametrize("wait", ["-1", "3601", "soon"])
def test_a_bad_wait_is_400_naming_the_field(tenant, wait):
    document, _ = uploaded_document(tenant.case_type)
    response = tenant.client.get(f"/status/{document.public_id}?wait={wait}")
    assert response.status_code == 400
    assert "wait" in response.json()["error"]["details"]["fields"]


def test_over_the_rate_limit_is_429_with_retry_after(tenant, settings):
    settings.API_RATE_LIMIT = "1/min"
    document, _ = uploaded_document(tenant.case_type)
    assert tenant.client.get(f"/status/{document.public_id}").status_code == 200
    response = tenant.client.get(f"/status/{document.public_id}")
    assert response.status_code == 429
    assert "Retry-After" in response


def test_wait_on_a_finished_document_answers_at_once(tenant):
    document = processed_document(tenant.case_type)
    started = time.monotonic()
    response = tenant.client.get(f"/status/{document.public_id}?wait=20")
    assert response.status_code == 200
    assert time.monotonic() - started < 10  # at once, not after the 20 s asked for


def test_wait_gives_up_after_the_server_cap(tenant, settings):
    settings.LONG_POLL_MAX_SECONDS = 1
    document, _ = uploaded_document(tenant.case_type)
    started = time.monotonic()
    response = tenant.client.get(f"/status/{document.public_id}?wait=30")
    assert response.status_code == 200
    assert 0.9 <= time.monotonic() - started < 10  # the cap, not the 30 s asked for
    assert response.json()["status"] == "queued"


@pytest.mark.django_db(transaction=True)
def test_wait_answers_as_soon_as_the_status_changes(tenant, settings, no_enqueue):
    settings.LONG_POLL_MAX_SECONDS = 20
    document, job = uploaded_document(tenant.case_type)

    def claim_soon() -> None:
        time.sleep(0.6)
        try:
            ExtractionJob.objects.filter(pk=job.pk).update(
                status=ExtractionJob.Status.PROCESSING, progress=5, updated_at=timezone.now()
            )
            Document.objects.filter(pk=document.pk).update(
                status=Document.Status.PROCESSING, modified_at=timezone.now()
            )
        finally:
            connection.close()

    worker = threading.Thread(target=claim_soon)
    started = time.monotonic()
    worker.start()
    response = tenant.client.get(f"/status/{document.public_id}?wait=20")
    elapsed = time.monotonic() - started
    worker.join()
    assert response.json()["status"] == "processing"
    assert 0.5 <= elapsed < 5


# --- the realtime token -------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/ws/token", "/api/v1/ws/token"])
def test_token_answers_token_expiry_and_absolute_urls(tenant, path, settings):
    settings.REALTIME_TOKEN_TTL_SECONDS = 600
    before = timezone.now()
    response = tenant.client.post(path)
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"token", "expires_at", "sse_url", "ws_url"}
    sse, ws = urlsplit(body["sse_url"]), urlsplit(body["ws_url"])
    assert (sse.scheme, sse.netloc, sse.path) == ("http", "testserver", "/api/v1/events")
    assert (ws.scheme, ws.netloc, ws.path) == ("ws", "testserver", "/ws/status")
    assert parse_qs(sse.query)["token"] == [body["token"]]
    assert parse_qs(ws.query)["token"] == [body["token"]]
    grant = realtime_token_verify(body["token"])
    assert grant.workspace == tenant.workspace
    lifetime = (grant.expires_at - before).total_seconds()
    assert 590 <= lifetime <= 601


def test_token_over_https_gives_wss(tenant):
    body = tenant.client.post("/ws/token", secure=True).json()
    assert body["sse_url"].startswith("https://")
    assert body["ws_url"].startswith("wss://")


def test_token_without_an_api_key_is_401(db):
    from rest_framework.test import APIClient

    response = APIClient().post("/ws/token")
    assert response.status_code == 401
    assert response.json()["status"] == "error"


def test_token_with_a_revoked_key_is_401(tenant):
    from cases.models import ApiKey

    ApiKey.objects.filter(workspace=tenant.workspace).update(revoked_at=timezone.now())
    assert tenant.client.post("/ws/token").status_code == 401


def _pdf(name: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.factories import invoice_pdf

    return SimpleUploadedFile(name, invoice_pdf(), content_type="application/pdf")


def test_status_and_token_answers_match_the_openapi_schema(tenant):
    from tests.api_schema import api_schema
    from tests.config.test_openapi import Documented

    documented = Documented(api_schema())
    queued, _ = uploaded_document(tenant.case_type, filename="queued.pdf")
    processed = processed_document(tenant.case_type, filename="done.pdf")
    for document in (queued, processed):
        response = tenant.client.get(f"/api/v1/status/{document.public_id}")
        documented(response, "get", "/api/v1/status/{document_id}")
    documented(tenant.client.get("/status/doc__missing"), "get", "/status/{document_id}")
    documented(tenant.client.post("/api/v1/ws/token"), "post", "/api/v1/ws/token")
