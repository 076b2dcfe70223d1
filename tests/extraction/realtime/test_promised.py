"""A document the upload API promised while the workspace's default filter chooses its case
type: its status and events come from the upload job until the pipeline creates it under the
promised id, then from the document."""

from __future__ import annotations

import base64
from datetime import timedelta

import pytest
from django.utils import timezone

from cases.models import ApiKey, CaseTypeFilter, Document
from extraction.models import ExtractionJob
from extraction.pipeline import extraction_job_run
from extraction.realtime.feed import subscription_open, subscription_poll
from extraction.realtime.models import StatusEvent
from extraction.realtime.tokens import realtime_token_mint, realtime_token_verify
from tests.factories import invoice_pdf


@pytest.fixture
def promised(tenant, settings, run_on_commit, no_enqueue) -> tuple[str, ExtractionJob]:
    settings.UPLOAD_DEFAULT_FILTER = "documents"
    settings.EXTRACTION_ISOLATION = False
    document_filter = CaseTypeFilter.objects.create(workspace=tenant.workspace, name="documents")
    document_filter.case_types.add(tenant.case_type)
    response = run_on_commit(
        tenant.client.post,
        "/upload",
        {"file_base64": base64.b64encode(invoice_pdf()).decode(), "file_name": "inv.pdf"},
        format="json",
    )
    assert response.status_code == 202, response.json()
    document_id = response.json()["document_id"]
    assert not Document.objects.filter(public_id=document_id).exists()
    return document_id, ExtractionJob.objects.get(options__documentId=document_id)


def test_status_of_a_promised_document_comes_from_its_upload_job(tenant, promised):
    document_id, job = promised
    response = tenant.client.get(f"/status/{document_id}")
    assert response.status_code == 200
    body = response.json()
    assert body["document_id"] == document_id
    assert body["status"] == "queued"
    assert body["queue_position"] == 1
    assert body["workflow_id"] is None
    assert body["job_id"] == str(job.pk)
    assert body["workflow_complete"] is False


def test_a_promised_document_is_404_to_another_workspace(promised, outsider):
    document_id, _ = promised
    assert outsider.client.get(f"/status/{document_id}").status_code == 404


def test_once_created_the_promised_document_reports_its_own_status(tenant, promised, run_on_commit):
    document_id, job = promised
    run_on_commit(extraction_job_run, job_id=str(job.pk))
    body = tenant.client.get(f"/api/v1/status/{document_id}").json()
    assert body["status"] in {"processed", "review_required"}
    assert body["workflow_id"] == tenant.case_type.public_id
    events = StatusEvent.objects.filter(document_public_id=document_id).order_by("pk")
    statuses = [event.data["status"] for event in events]
    assert statuses[0] == "queued"
    assert "processing" in statuses
    first, last = events.first(), events.last()
    assert first is not None
    assert first.document is None  # logged before the document existed
    assert last is not None
    assert last.document is not None
    assert last.document.public_id == document_id


def test_a_stream_may_name_a_promised_document(tenant, promised, run_on_commit):
    document_id, job = promised
    # Events older than the gap grace settle the cursor (PostgreSQL sequences skip the ids of
    # earlier tests' rolled-back rows; a fresh gap would hold the next events back a moment).
    StatusEvent.objects.update(created_at=timezone.now() - timedelta(seconds=10))
    grant = realtime_token_verify(
        realtime_token_mint(api_key=ApiKey.objects.get(workspace=tenant.workspace)).token
    )
    subscription = subscription_open(grant=grant, document_ids=[document_id], last_event_id=None)
    (initial,) = subscription.initial
    assert initial["data"]["status"] == "queued"
    run_on_commit(extraction_job_run, job_id=str(job.pk))
    later = subscription_poll(subscription)
    assert later
    assert later[-1]["data"]["workflow_complete"] is True
    assert all(message["data"]["document_id"] == document_id for message in later)
