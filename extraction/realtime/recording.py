"""Appending to the status-event log: whenever a document's status snapshot changes, one row.

Every status transition of a document or a job writes an audit row (`cases.services
.audit_record`, called by `extraction.services`' transitions); a `post_save` receiver on
`AuditEvent` schedules, for after the surrounding transaction commits, a fresh snapshot of each
document concerned, so the event shows the state the transaction left (steps, progress and
status together), never a half-written one, and nothing is logged for a rolled-back change.
The worker's page-by-page OCR progress is written by `job_progress_report`, outside any
transaction. A snapshot equal to the document's last event is not appended again. A document
the upload API promised before a filter chose its case type has events too, from its upload
job, keyed by the promised id (`document_public_id`) until the pipeline creates it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone

from cases.models import AuditEvent, Document
from extraction.models import ExtractionJob
from extraction.realtime.models import StatusEvent
from extraction.realtime.status import document_status, promised_document_status
from extraction.upload import DOCUMENT_ID_OPTION

logger = logging.getLogger(__name__)

SNAPSHOT_UNUSED = (
    "text",
    "metadata",
    "duplicate_of__text",
    "duplicate_of__metadata",
    "case__case_type__field_schema",
    "case__case_type__validation_rules",
    "case__case_type__keywords",
)
"""Large columns a status snapshot never reads (a document's text, a case type's schema):
not loaded for it."""

OCR_PROGRESS_FLOOR = 5
OCR_PROGRESS_CEILING = 60
"""Progress runs 5 -> 60 while pages are read; the remaining steps take it on (see
`extraction.services.job_steps_set`)."""


def connect_signals() -> None:
    post_save.connect(_audit_event_saved, sender=AuditEvent, dispatch_uid="realtime-status-events")


_pending = threading.local()


class _Batch:
    """What the callbacks of one committed transaction have recorded so far."""

    def __init__(self) -> None:
        self.documents: set[int] = set()
        self.jobs: set[Any] = set()


def _audit_event_saved(sender: Any, instance: AuditEvent, created: bool, **kwargs: Any) -> None:
    if not created:
        return
    document_id, job_id = instance.document_id, instance.job_id
    if document_id is None and job_id is None:
        return
    # The audit rows of one transaction (a job creation writes three, about its document and
    # its job) share a batch: after the commit, a document whose snapshot a callback of the
    # batch recorded is not computed again by the next ones. Each row still registers its own
    # callback, so a savepoint rolled back with one of them loses nothing.
    batch = getattr(_pending, "batch", None)
    if batch is None:
        batch = _pending.batch = _Batch()

    def record() -> None:
        if getattr(_pending, "batch", None) is batch:
            _pending.batch = None  # the next transaction starts a new batch
        status_events_concerning(document_id=document_id, job_id=job_id, batch=batch)

    transaction.on_commit(record, robust=True)


def status_events_concerning(
    *, document_id: int | None, job_id: Any, batch: _Batch | None = None
) -> None:
    """Log the status of the document changed, or of each document of the job changed (the
    document it promised, while it has none); skip what `batch` already recorded."""
    batch = batch or _Batch()
    if document_id is not None:
        if document_id not in batch.documents:
            batch.documents.add(document_id)
            status_events_record(document_ids=[document_id])
        return
    if job_id in batch.jobs:
        return
    batch.jobs.add(job_id)
    documents = list(Document.objects.filter(jobs__pk=job_id).values_list("pk", flat=True))
    if documents:
        new = [document for document in documents if document not in batch.documents]
        batch.documents.update(new)
        if new:
            status_events_record(document_ids=new)
    else:
        promised_status_record(job_id=job_id)


def _append(
    *, workspace_id: int, document: Document | None, public_id: str, data: dict[str, Any]
) -> StatusEvent:
    last = StatusEvent.objects.filter(document_public_id=public_id).order_by("-pk").first()
    if last is not None and last.data == data:
        return last
    return StatusEvent.objects.create(
        workspace_id=workspace_id, document=document, document_public_id=public_id, data=data
    )


def promised_status_record(*, job_id: Any) -> StatusEvent | None:
    """Log the status of the document a job promised, while the document does not exist."""
    job = ExtractionJob.objects.select_related("case", "case_type").filter(pk=job_id).first()
    promised = job.options.get(DOCUMENT_ID_OPTION) if job is not None else None
    if job is None or not promised or Document.objects.filter(public_id=promised).exists():
        return None
    return _append(
        workspace_id=job.workspace_id,
        document=None,
        public_id=promised,
        data=promised_document_status(job, promised),
    )


def status_events_record(*, document_ids: Iterable[int]) -> list[StatusEvent]:
    """Append each document's current snapshot unless it equals its last event; returns the
    documents' latest events (new or existing), oldest first."""
    latest = []
    documents = (
        Document.objects.select_related("case__case_type", "duplicate_of")
        .defer(*SNAPSHOT_UNUSED)
        .filter(pk__in=set(document_ids))
    )
    for document in documents.order_by("pk"):
        latest.append(
            _append(
                workspace_id=document.workspace_id,
                document=document,
                public_id=document.public_id,
                data=document_status(document),
            )
        )
    return sorted(latest, key=lambda event: event.pk)


def job_progress_report(*, job_id: str, pages_done: int, pages_total: int) -> None:
    """A worker read `pages_done` of `pages_total` pages: move the job's progress forward
    (never back, only while it is processing) and log its documents' new status."""
    if pages_total <= 0:
        return
    share = min(1.0, pages_done / pages_total)
    progress = OCR_PROGRESS_FLOOR + round((OCR_PROGRESS_CEILING - OCR_PROGRESS_FLOOR) * share)
    moved = ExtractionJob.objects.filter(
        pk=job_id, status=ExtractionJob.Status.PROCESSING, progress__lt=progress
    ).update(progress=progress, updated_at=timezone.now())
    if moved:
        status_events_concerning(document_id=None, job_id=job_id)


def status_events_prune() -> int:
    """Delete events older than `REALTIME_EVENT_RETENTION_HOURS`, except the newest event;
    returns how many. The newest stays so that a new stream always finds a settled position
    to start after (`feed._settled_head`): with the log emptied by a quiet spell, the first
    events after it would wait out the gap grace, as if an id before them might still come."""
    cutoff = timezone.now() - timedelta(hours=settings.REALTIME_EVENT_RETENTION_HOURS)
    old = StatusEvent.objects.filter(created_at__lt=cutoff)
    newest = StatusEvent.objects.order_by("-pk").values_list("pk", flat=True).first()
    if newest is not None:
        old = old.exclude(pk=newest)
    deleted, _ = old.delete()
    return deleted


def page_progress_reporter(job: ExtractionJob) -> Callable[[int, int], None]:
    """The engine's `on_page` for a worker's job: reports progress, never fails the job (a
    progress write that fails is logged and the parsing goes on)."""
    job_id = str(job.pk)

    def report(pages_done: int, pages_total: int) -> None:
        try:
            job_progress_report(job_id=job_id, pages_done=pages_done, pages_total=pages_total)
        except Exception:
            logger.exception("Progress of job %s could not be recorded.", job_id)

    return report
