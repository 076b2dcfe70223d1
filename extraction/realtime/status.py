"""A document's status (seed 002's shape with our step names): reads, the builder the API and
the event log share, and the `?wait=` long poll.

Any document of the workspace has a status, however it was uploaded (case upload, extraction
jobs, extract, review, upload API, UI): it is read from the document and its newest job. A
document the upload API promised but whose case type a filter is still choosing (the pipeline
creates it once classified) has the status of the upload job that promised it.
"""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.db.models import Max

from cases.errors import NotFound
from cases.models import Document, Workspace
from extraction.models import ExtractionJob
from extraction.polling import sleep_between_reads
from extraction.selectors import job_queue_position
from extraction.serializers import timestamp
from extraction.upload import upload_job_for_document

RECHECK_SECONDS = 0.25
FINISHED = (Document.Status.PROCESSED, Document.Status.FAILED)


def status_url(document_id: str) -> str:
    return f"/status/{document_id}"


def document_for_status(*, workspace: Workspace, document_id: str) -> Document:
    """The workspace's document with this public id; another workspace's is not found."""
    document = (
        Document.objects.select_related("case__case_type", "duplicate_of")
        .filter(workspace=workspace, public_id=document_id)
        .first()
    )
    if document is None:
        raise NotFound(f"No document {document_id}.", code="DOCUMENT_NOT_FOUND")
    return document


def status_subject(*, workspace: Workspace, document_id: str) -> Document | ExtractionJob:
    """The document, or the upload job that promised it; `NotFound` when neither exists in
    the workspace (another workspace's document included)."""
    try:
        return document_for_status(workspace=workspace, document_id=document_id)
    except NotFound:
        job = upload_job_for_document(workspace=workspace, document_id=document_id)
        if job is None:
            raise
        return job


def subject_status(subject: Document | ExtractionJob, document_id: str) -> dict[str, Any]:
    if isinstance(subject, Document):
        return document_status(subject)
    return promised_document_status(subject, document_id)


def promised_document_status(job: ExtractionJob, document_id: str) -> dict[str, Any]:
    """The status of a document an upload job promised and has not created yet: the job's,
    in the document's words (`completed` is `processed`)."""
    Status = ExtractionJob.Status
    status = Document.Status.PROCESSED if job.status == Status.COMPLETED else job.status
    steps = dict.fromkeys(ExtractionJob.Step.values, ExtractionJob.StepState.PENDING.value)
    steps.update({step: str(state) for step, state in (job.steps or {}).items()})
    failed = job.status == Status.FAILED
    return {
        "document_id": document_id,
        "status": str(status),
        "progress": steps,
        "progress_percent": job.progress,
        "workflow_complete": job.is_terminal,
        "completed_at": timestamp(job.failed_at if failed else job.completed_at),
        "updated_at": timestamp(job.updated_at),
        "queue_position": job_queue_position(job),
        "duplicate_of": None,
        "workflow_id": job.case_type.public_id if job.case_type else None,
        "case_id": job.case.public_id if job.case else None,
        "job_id": str(job.pk),
        "filename": job.filename,
        "page_count": None,
        "error": {"code": job.error_code, "message": job.error_message} if failed else None,
        "status_url": status_url(document_id),
    }


def document_latest_job(document: Document) -> ExtractionJob | None:
    # a status never reads the result (the largest column of a finished job)
    return document.jobs.defer("result").order_by("-created_at", "-pk").first()


def document_status(document: Document) -> dict[str, Any]:
    """The status body of one document (also the `data` of its `document.status` events).

    `status` is the document's (`uploaded queued processing review_required processed
    failed`); `progress` maps each step to `pending in_progress complete skipped`;
    `progress_percent` is 0-100; `queue_position` is 1 for the next job a worker takes (null
    once it left the queue); `duplicate_of` is the earlier document with the same content in
    the same case type.
    """
    job = document_latest_job(document)
    steps = dict.fromkeys(ExtractionJob.Step.values, ExtractionJob.StepState.PENDING.value)
    if job is not None:
        steps.update({step: str(state) for step, state in (job.steps or {}).items()})
    failed = document.status == Document.Status.FAILED
    completed_at = document.processed_at
    if failed:
        completed_at = job.failed_at if job is not None and job.failed_at else document.modified_at
    updated_at = max(
        [document.modified_at, *([job.updated_at] if job is not None else [])],
    )
    error = None
    if failed:
        error = {"code": document.error_code, "message": document.error_message}
    return {
        "document_id": document.public_id,
        "status": document.status,
        "progress": steps,
        "progress_percent": _percent(document, job),
        "workflow_complete": document.status in FINISHED,
        "completed_at": timestamp(completed_at) if document.status in FINISHED else None,
        "updated_at": timestamp(updated_at),
        "queue_position": job_queue_position(job)
        if job is not None and document.status == Document.Status.QUEUED
        else None,
        "duplicate_of": document.duplicate_of.public_id if document.duplicate_of else None,
        "workflow_id": document.case.case_type.public_id,
        "case_id": document.case.public_id,
        "job_id": str(job.pk) if job is not None else None,
        "filename": document.filename,
        "page_count": document.page_count,
        "error": error,
        "status_url": status_url(document.public_id),
    }


def _percent(document: Document, job: ExtractionJob | None) -> int:
    if document.status == Document.Status.PROCESSED:
        return 100
    if job is None or document.status == Document.Status.UPLOADED:
        return 0
    return job.progress


def document_state_token(document_pk: int) -> tuple[Any, ...]:
    """What a long poll compares to see whether a document's status changed: its own row and
    its jobs' status, progress and last change."""
    document = Document.objects.filter(pk=document_pk).values_list("status", "modified_at").first()
    jobs = ExtractionJob.objects.filter(documents__pk=document_pk).aggregate(
        updated=Max("updated_at"), progress=Max("progress")
    )
    statuses = tuple(
        ExtractionJob.objects.filter(documents__pk=document_pk)
        .order_by("pk")
        .values_list("status", flat=True)
    )
    return (document, jobs["updated"], jobs["progress"], statuses)


def promised_state_token(job_id: Any, document_id: str) -> tuple[Any, ...]:
    """A promised document's long-poll state: its job's, and whether it exists yet."""
    job = ExtractionJob.objects.filter(pk=job_id).values_list("status", "progress", "updated_at")
    return (job.first(), Document.objects.filter(public_id=document_id).exists())


def status_wait_for_change(
    *, subject: Document | ExtractionJob, document_id: str, seconds: int
) -> None:
    """Return as soon as the status differs from now, or after `seconds` (capped at
    `LONG_POLL_MAX_SECONDS`); at once when the workflow is complete."""
    seconds = min(seconds, settings.LONG_POLL_MAX_SECONDS)
    if isinstance(subject, Document):
        finished = subject.status in FINISHED
        pk = subject.pk

        def token() -> tuple[Any, ...]:
            return document_state_token(pk)
    else:
        finished = subject.is_terminal
        job_id = subject.pk

        def token() -> tuple[Any, ...]:
            return promised_state_token(job_id, document_id)

    if seconds <= 0 or finished:
        return
    initial = token()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        # Between reads the pooled connection goes back to the pool (a wait may last 30 s).
        sleep_between_reads(min(RECHECK_SECONDS, max(0.0, deadline - time.monotonic())))
        if token() != initial:
            return
