"""`extraction.recovery`: the sweep that requeues jobs whose worker vanished, fails them once
their attempts are spent, and enqueues again jobs whose broker message was lost. State is built
with the factories; enqueueing is recorded instead of run (the end-to-end path, a real worker
killed mid-job, lives in test_worker_kill.py)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from cases.models import AuditEvent, Document
from extraction import recovery
from extraction.models import ExtractionJob
from tests.factories import uploaded_document


@pytest.fixture
def enqueued(monkeypatch) -> list[str]:
    """Job ids the sweep enqueued, directly or on commit."""
    calls: list[str] = []
    monkeypatch.setattr(recovery, "job_enqueue", lambda *, job_id: calls.append(job_id))
    monkeypatch.setattr(recovery, "job_enqueue_on_commit", lambda job: calls.append(str(job.pk)))
    return calls


def stuck_job(invoice_type, *, attempts: int, lease_left: timedelta) -> ExtractionJob:
    """A job a worker claimed (`processing`, lease set) and, for a past lease, died on."""
    document, job = uploaded_document(invoice_type)
    ExtractionJob.objects.filter(pk=job.pk).update(
        status=ExtractionJob.Status.PROCESSING,
        attempts=attempts,
        lease_expires_at=timezone.now() + lease_left,
    )
    Document.objects.filter(pk=document.pk).update(status=Document.Status.PROCESSING)
    job.refresh_from_db()
    return job


def test_a_job_whose_lease_expired_with_attempts_left_is_queued_again(invoice_type, enqueued):
    job = stuck_job(invoice_type, attempts=1, lease_left=-timedelta(seconds=1))

    assert recovery.extraction_jobs_recover() == {"requeued": 1, "failed": 0, "reenqueued": 0}

    job.refresh_from_db()
    assert job.status == ExtractionJob.Status.QUEUED
    assert job.lease_expires_at is None
    assert job.documents.get().status == Document.Status.QUEUED
    assert enqueued == [str(job.pk)]
    assert AuditEvent.objects.filter(
        from_state=ExtractionJob.Status.PROCESSING,
        to_state=ExtractionJob.Status.QUEUED,
        data__reason="lease expired",
    ).exists()


def test_a_job_whose_lease_expired_with_no_attempts_left_fails_with_worker_lost(
    invoice_type, enqueued
):
    job = stuck_job(invoice_type, attempts=3, lease_left=-timedelta(seconds=1))

    assert recovery.extraction_jobs_recover() == {"requeued": 0, "failed": 1, "reenqueued": 0}

    job.refresh_from_db()
    assert job.status == ExtractionJob.Status.FAILED
    assert job.error_code == "WORKER_LOST"
    assert "3 times" in job.error_message
    assert job.documents.get().status == Document.Status.FAILED
    assert enqueued == []


def test_a_last_attempt_that_finishes_as_the_sweep_runs_is_not_failed_after_the_fact(
    invoice_type, enqueued, monkeypatch
):
    """The sweep read the job as processing with its lease past; before it fails it, the
    worker's last attempt holds it for review: the hold stands."""
    job = stuck_job(invoice_type, attempts=3, lease_left=-timedelta(seconds=1))
    real_fail = recovery.job_fail

    def worker_finishes_first(**kwargs):
        ExtractionJob.objects.filter(pk=job.pk).update(
            status=ExtractionJob.Status.REVIEW_REQUIRED, lease_expires_at=None
        )
        return real_fail(**kwargs)

    monkeypatch.setattr(recovery, "job_fail", worker_finishes_first)
    assert recovery.extraction_jobs_recover() == {"requeued": 0, "failed": 0, "reenqueued": 0}
    job.refresh_from_db()
    assert job.status == ExtractionJob.Status.REVIEW_REQUIRED
    assert job.error_code == ""


def test_a_job_whose_lease_is_still_running_is_left_alone(invoice_type, enqueued):
    job = stuck_job(invoice_type, attempts=1, lease_left=timedelta(minutes=5))

    assert recovery.extraction_jobs_recover() == {"requeued": 0, "failed": 0, "reenqueued": 0}

    job.refresh_from_db()
    assert job.status == ExtractionJob.Status.PROCESSING
    assert enqueued == []


def test_a_job_queued_too_long_is_enqueued_again_once(invoice_type, enqueued, settings):
    _, job = uploaded_document(invoice_type)
    assert recovery.extraction_jobs_recover()["reenqueued"] == 0  # still fresh
    long_ago = timezone.now() - timedelta(minutes=settings.EXTRACTION_REENQUEUE_AFTER_MINUTES + 1)
    ExtractionJob.objects.filter(pk=job.pk).update(updated_at=long_ago)

    assert recovery.extraction_jobs_recover() == {"requeued": 0, "failed": 0, "reenqueued": 1}
    # The sweep moved updated_at on (its compare-and-set): the next run finds it fresh again.
    assert recovery.extraction_jobs_recover()["reenqueued"] == 0
    assert enqueued == [str(job.pk)]
    job.refresh_from_db()
    assert job.status == ExtractionJob.Status.QUEUED
