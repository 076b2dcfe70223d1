"""Recovering lost jobs (SPEC §3, §8): a periodic sweep over expired leases and stale queues.

django-q2 does not count attempts of a task whose worker was killed, so the job row carries
its own: a job still `processing` after its lease expired is requeued while it has attempts
left, and failed with `WORKER_LOST` after that. Never left `processing` forever. A job still
`queued` long after it was enqueued (its broker message lost, or the broker down when it was
created) is enqueued again; the worker's compare-and-set claim makes a duplicate harmless.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from cases.actors import SYSTEM
from cases.models import Document
from extraction.models import ExtractionJob
from extraction.services import (
    document_transition,
    job_audit,
    job_enqueue,
    job_enqueue_on_commit,
    job_fail,
)


def extraction_jobs_recover() -> dict[str, int]:
    """Requeue jobs whose worker vanished (lease expired), or fail them with WORKER_LOST once
    their attempts are used up; re-enqueue jobs queued for too long. Run every minute."""
    now = timezone.now()
    requeued = failed = 0
    reenqueued = _stale_queued_reenqueue(now=now)
    expired = ExtractionJob.objects.filter(
        status=ExtractionJob.Status.PROCESSING, lease_expires_at__lt=now
    ).values_list("pk", "attempts", "max_attempts")
    for job_id, attempts, max_attempts in expired:
        if attempts < max_attempts:
            requeued += _job_requeue(job_id=job_id, now=now)
        else:
            job = ExtractionJob.objects.get(pk=job_id)
            # With the attempt read above: a worker that finished this attempt since (held
            # for review, completed) is not failed after the fact.
            job = job_fail(
                job=job,
                code="WORKER_LOST",
                message=f"The worker running this job stopped responding {attempts} times.",
                attempt=attempts,
            )
            failed += int(job.status == ExtractionJob.Status.FAILED)
    return {"requeued": requeued, "failed": failed, "reenqueued": reenqueued}


def _stale_queued_reenqueue(*, now: datetime) -> int:
    stale_before = now - timedelta(minutes=settings.EXTRACTION_REENQUEUE_AFTER_MINUTES)
    stale = ExtractionJob.objects.filter(
        status=ExtractionJob.Status.QUEUED, updated_at__lt=stale_before
    ).values_list("pk", "updated_at")
    reenqueued = 0
    for job_id, updated_at in stale:
        # Compare-and-set on updated_at: two sweeps running at once enqueue it once.
        taken = ExtractionJob.objects.filter(
            pk=job_id, status=ExtractionJob.Status.QUEUED, updated_at=updated_at
        ).update(updated_at=now)
        if taken:
            job_enqueue(job_id=str(job_id))
            reenqueued += 1
    return reenqueued


@transaction.atomic
def _job_requeue(*, job_id: Any, now: Any) -> int:
    updated = ExtractionJob.objects.filter(
        pk=job_id, status=ExtractionJob.Status.PROCESSING, lease_expires_at__lt=now
    ).update(status=ExtractionJob.Status.QUEUED, lease_expires_at=None, updated_at=now)
    if not updated:
        return 0
    job = ExtractionJob.objects.get(pk=job_id)
    job_audit(
        job=job,
        from_state=ExtractionJob.Status.PROCESSING,
        to_state=job.status,
        data={"reason": "lease expired"},
    )
    for document in job.documents.all():
        document_transition(
            document=document,
            allowed_from=(Document.Status.PROCESSING,),
            to=Document.Status.QUEUED,
            actor=SYSTEM,
            job=job,
        )
    job_enqueue_on_commit(job)
    return 1
