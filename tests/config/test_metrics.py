"""`/metrics` serves Prometheus text computed from the database, to loopback or a token."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from prometheus_client.parser import text_string_to_metric_families

from cases.models import Document
from extraction.models import ExtractionJob
from tests.factories import held_document, processed_job, uploaded_document
from webhooks import services as webhook_services
from webhooks.models import WebhookAttempt, WebhookDelivery


def _samples(response) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    text = response.content.decode()
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


@pytest.mark.django_db
def test_metrics_report_queue_jobs_review_backlog_and_webhook_lag(tenant):
    uploaded_document(tenant.case_type)  # one queued job
    finished = processed_job(tenant.case_type)
    assert finished.completed_at is not None
    ExtractionJob.objects.filter(pk=finished.pk).update(
        started_at=finished.completed_at - timedelta(seconds=3)
    )
    held_document(tenant.case_type)  # one document waiting for review
    endpoint = webhook_services.endpoint_create(
        workspace=tenant.workspace, url="https://hooks.example.com/in"
    )
    now = timezone.now()
    sent = WebhookDelivery.objects.create(
        endpoint=endpoint, event_type="extraction.completed", body="{}", status="succeeded"
    )
    WebhookDelivery.objects.filter(pk=sent.pk).update(created_at=now - timedelta(seconds=1.5))
    WebhookAttempt.objects.create(delivery=sent, number=1, request_body="{}", response_status=200)
    overdue = WebhookDelivery.objects.create(
        endpoint=endpoint, event_type="extraction.completed", body="{}", status="pending"
    )
    WebhookDelivery.objects.filter(pk=overdue.pk).update(
        next_attempt_at=now - timedelta(seconds=40)
    )

    response = Client().get("/metrics")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    samples = _samples(response)
    queued = ExtractionJob.objects.filter(status="queued").count()
    assert samples[("casefile_extraction_jobs", (("status", "queued"),))] == queued >= 1
    assert (
        samples[("casefile_review_backlog_documents", ())]
        == Document.objects.filter(status="review_required").count()
        >= 1
    )
    assert samples[("casefile_job_duration_seconds_count", ())] >= 1
    assert (
        samples[("casefile_job_duration_seconds_bucket", (("le", "2.0"),))]
        < samples[("casefile_job_duration_seconds_bucket", (("le", "5.0"),))]
    ), "the 3-second job falls between the 2 s and 5 s buckets"
    assert samples[("casefile_webhook_first_attempt_lag_seconds_count", ())] == 1
    assert samples[("casefile_webhook_first_attempt_lag_seconds_bucket", (("le", "1.0"),))] == 0
    assert samples[("casefile_webhook_first_attempt_lag_seconds_bucket", (("le", "2.0"),))] == 1
    assert samples[("casefile_webhook_deliveries_due", ())] >= 1
    assert samples[("casefile_webhook_oldest_due_seconds", ())] >= 40
    assert ("casefile_queue_depth", (("queue", "casefile"),)) in samples


@pytest.mark.django_db
def test_metrics_are_refused_to_a_remote_client_without_a_token():
    response = Client(REMOTE_ADDR="203.0.113.9").get("/metrics")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "FORBIDDEN"


@pytest.mark.django_db
def test_metrics_with_a_token_need_it_even_from_loopback(settings):
    settings.METRICS_TOKEN = "s3cret-scrape-token"
    assert Client().get("/metrics").status_code == 403
    wrong = Client().get("/metrics", HTTP_AUTHORIZATION="Bearer nope")
    assert wrong.status_code == 403
    remote = Client(REMOTE_ADDR="203.0.113.9")
    right = remote.get("/metrics", HTTP_AUTHORIZATION="Bearer s3cret-scrape-token")
    assert right.status_code == 200
    assert b"casefile_queue_depth" in right.content
