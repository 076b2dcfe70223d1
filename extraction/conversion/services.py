"""Conversion jobs: create, run, complete, fail, recover (seed 004, SPEC §5).

Public services:
- `conversion_job_create(workspace=, actor=, engine=, file_id=, output_format=, case=None)`:
  checks the engine, the format, the input file (a live PDF of the workspace) and the credits
  its pages need (`cases.credits`, 402), creates the job `queued` and enqueues it after commit.
- `conversion_job_create_from_upload(...)`: the browser's upload-and-convert in one step.
- `conversion_job_run(job_id=)`: the worker's entry point: claim, convert in an isolated child
  (page-by-page progress stored on the job), charge the pages converted (once per job), store
  the output file, complete or fail, announce `conversion.completed`. Running it twice is
  harmless: the second claim fails.
- `conversion_jobs_recover(now=)`: the sweep for jobs whose worker died (lease expired) or
  whose queue message was lost.
Every state change is one compare-and-set function below.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from pathlib import PurePath

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from cases import credits, files
from cases.actors import Actor
from cases.credits import InsufficientCredits
from cases.errors import DomainError, ValidationFailed
from cases.models import Case, StoredFile, Workspace
from extraction.conversion import selectors
from extraction.conversion.converters import ENGINES, FORMATS, Converted
from extraction.conversion.models import ConversionJob
from extraction.engine.types import EngineError, EngineLimits
from extraction.events import conversion_completed_data
from extraction.services import error_message_shown
from extraction.submission import pages_estimate
from webhooks.services import EventType, event_publish

logger = logging.getLogger(__name__)

RUN_TASK = "extraction.conversion.tasks.conversion_job_run"
LEASE_MARGIN = timedelta(seconds=60)
PDF_MAGIC = b"%PDF-"


# --- Creation ------------------------------------------------------------------------------


def engine_and_format_check(*, engine: str, output_format: str | None) -> str:
    """The output format to use (the engine's first when none is given); 400 naming the field."""
    if engine not in ENGINES:
        known = ", ".join(ENGINES)
        raise ValidationFailed.for_field(
            "engine", f"unknown engine {engine!r}; one of {known}.", code="UNKNOWN_ENGINE"
        )
    formats = ENGINES[engine].output_formats
    if not output_format:
        return formats[0]
    if output_format not in formats:
        raise ValidationFailed.for_field(
            "output_format",
            f"{engine} writes {', '.join(formats)}, not {output_format!r}.",
            code="UNSUPPORTED_OUTPUT_FORMAT",
        )
    return output_format


def source_file_check(*, workspace: Workspace, file_id: str) -> StoredFile:
    """A live file of the workspace whose bytes are a PDF (404/410 otherwise, 415 not a PDF)."""
    try:
        stored = files.file_get(workspace=workspace, file_id=file_id)
    except DomainError as error:
        error.message = f"file_id: {error.message}"
        error.details = {**error.details, "fields": {"file_id": [error.message]}}
        raise
    with files.file_open(stored) as handle:
        head = handle.read(1024)
    pdf_check(head, filename=stored.filename, field="file_id")
    return stored


def pdf_check(head: bytes, *, filename: str, field: str) -> None:
    """415 UNSUPPORTED_FILE_TYPE naming `field` unless the bytes start a PDF."""
    if PDF_MAGIC not in head[:1024]:
        raise DomainError(
            f"{field}: {filename} is not a PDF; only PDF files can be converted.",
            code="UNSUPPORTED_FILE_TYPE",
            status_code=415,
            details={"fields": {field: ["Not a PDF."]}},
        )


def credits_check_pages(*, workspace: Workspace, stored: StoredFile) -> None:
    """402 INSUFFICIENT_CREDITS before any work when the PDF's pages exceed what is left.

    The pages are estimated without parsing the PDF (`pages_estimate`): the web process never
    opens an untrusted PDF; the worker charges the pages it converted."""
    credits.credits_check(workspace=workspace, pages=pages_estimate(files.file_read(stored)))


@transaction.atomic
def conversion_job_create(
    *,
    workspace: Workspace,
    actor: Actor,
    engine: str,
    file_id: str,
    output_format: str | None,
    case: Case | None = None,
) -> ConversionJob:
    output_format = engine_and_format_check(engine=engine, output_format=output_format)
    source = source_file_check(workspace=workspace, file_id=file_id)
    return _job_create(
        workspace=workspace,
        actor=actor,
        engine=engine,
        output_format=output_format,
        source=source,
        case=case,
    )


@transaction.atomic
def conversion_job_create_from_upload(
    *,
    workspace: Workspace,
    actor: Actor,
    engine: str,
    output_format: str | None,
    filename: str,
    content: bytes,
    case: Case | None = None,
) -> ConversionJob:
    """The browser's one step: check, store the uploaded PDF (expiring like API files), and
    start its conversion."""
    output_format = engine_and_format_check(engine=engine, output_format=output_format)
    pdf_check(content, filename=filename, field="file")
    source = files.file_create(
        workspace=workspace,
        filename=filename,
        content=content,
        media_type="application/pdf",
        case=case,
        retention_hours=settings.FILES_RETENTION_HOURS,
    )
    return _job_create(
        workspace=workspace,
        actor=actor,
        engine=engine,
        output_format=output_format,
        source=source,
        case=case,
    )


def _job_create(
    *,
    workspace: Workspace,
    actor: Actor,
    engine: str,
    output_format: str,
    source: StoredFile,
    case: Case | None,
) -> ConversionJob:
    credits_check_pages(workspace=workspace, stored=source)
    job = ConversionJob.objects.create(
        workspace=workspace,
        case=case,
        source_file=source,
        engine=engine,
        output_format=output_format,
        created_by_key=actor.api_key,
        created_by_user=actor.user,
        max_attempts=settings.EXTRACTION_MAX_ATTEMPTS,
    )
    job_enqueue_on_commit(job)
    return job


def job_enqueue_on_commit(job: ConversionJob) -> None:
    """After commit; a broker that is down is logged, and the recovery sweep enqueues again."""
    job_id = str(job.pk)
    transaction.on_commit(lambda: job_enqueue(job_id=job_id), robust=True)


def job_enqueue(*, job_id: str) -> None:
    from django_q.tasks import async_task

    async_task(RUN_TASK, job_id, task_name=f"conversion-{job_id}")


def output_filename(job: ConversionJob) -> str:
    stem = PurePath(job.source_file.filename).stem or "converted"
    return f"{stem}.{FORMATS[job.output_format].extension}"


# --- Running -------------------------------------------------------------------------------


def conversion_job_run(*, job_id: str) -> ConversionJob | None:
    """Claim, convert in isolation, store the output, complete or fail. Safe to call twice."""
    job = _job_claim(job_id=job_id)
    if job is None:
        logger.info("Conversion job %s was not queued any more; nothing to do.", job_id)
        return None
    try:
        content = files.file_read(job.source_file)
        converted = _convert(job, content)
    except EngineError as error:
        return job_fail(job=job, code=error.code, message=error.message, attempt=job.attempts)
    except DomainError as error:  # the input file went away (deleted or expired) meanwhile
        return job_fail(job=job, code=error.code, message=error.message, attempt=job.attempts)
    except Exception:
        job_fail(
            job=job,
            code="PROCESSING_ERROR",
            message="The conversion failed.",
            attempt=job.attempts,
        )
        raise
    return job_complete(job=job, converted=converted)


def _job_claim(*, job_id: str) -> ConversionJob | None:
    now = timezone.now()
    lease = now + timedelta(seconds=settings.EXTRACTION_TIMEOUT) + LEASE_MARGIN
    claimed = ConversionJob.objects.filter(
        pk=job_id, status=ConversionJob.Status.QUEUED, attempts__lt=F("max_attempts")
    ).update(
        status=ConversionJob.Status.PROCESSING,
        attempts=F("attempts") + 1,
        lease_expires_at=lease,
        started_at=now,
        progress=0,
        updated_at=now,
    )
    if not claimed:
        return None
    return ConversionJob.objects.select_related("source_file", "workspace").get(pk=job_id)


def _convert(job: ConversionJob, content: bytes) -> Converted:
    """In a child process with extraction's limits (SPEC §8), unless isolation is turned off.
    Imported here so that web processes, which only enqueue, never load the parsing stack."""
    from extraction.conversion.converters import convert
    from extraction.conversion.converters.isolation import convert_isolated

    limits = EngineLimits(
        max_pages=settings.EXTRACTION_MAX_PAGES, max_pixels=settings.EXTRACTION_MAX_PIXELS
    )

    def progress(percent: int) -> None:
        job_progress_set(job=job, percent=percent)

    if not settings.EXTRACTION_ISOLATION:
        return convert(content, job.engine, job.output_format, limits=limits, progress=progress)
    return convert_isolated(
        content,
        job.engine,
        job.output_format,
        limits=limits,
        timeout_seconds=settings.EXTRACTION_TIMEOUT,
        memory_limit_bytes=settings.EXTRACTION_MEMORY_MB * 1024 * 1024,
        progress=progress,
    )


# --- Transitions ---------------------------------------------------------------------------


def job_progress_set(*, job: ConversionJob, percent: int) -> None:
    """Progress only moves forward, and only while this attempt holds the job."""
    percent = max(0, min(99, percent))
    ConversionJob.objects.filter(
        pk=job.pk,
        status=ConversionJob.Status.PROCESSING,
        attempts=job.attempts,
        progress__lt=percent,
    ).update(progress=percent, updated_at=timezone.now())


@transaction.atomic
def job_complete(*, job: ConversionJob, converted: Converted) -> ConversionJob | None:
    """processing -> completed: the output is stored (expiring with the files' retention)."""
    locked = ConversionJob.objects.select_for_update().get(pk=job.pk)
    if locked.status != ConversionJob.Status.PROCESSING or locked.attempts != job.attempts:
        logger.warning("Conversion job %s changed while it ran; output dropped.", job.pk)
        return None
    try:
        credits.credits_charge_pages(
            workspace=locked.workspace,
            pages=converted.pages,
            reference=f"conversion-job:{locked.pk}",
        )
    except InsufficientCredits as error:
        return job_fail(job=locked, code=error.code, message=error.message, attempt=job.attempts)
    output = files.file_create(
        workspace=locked.workspace,
        filename=output_filename(locked),
        content=converted.content,
        media_type=converted.format.media_type,
        kind=StoredFile.Kind.CONVERSION,
        case=locked.case,
        retention_hours=settings.FILES_RETENTION_HOURS,
    )
    now = timezone.now()
    locked.status = ConversionJob.Status.COMPLETED
    locked.output_file = output
    locked.progress = 100
    locked.pages = converted.pages
    locked.completed_at = now
    locked.expires_at = output.expires_at
    locked.lease_expires_at = None
    locked.save()
    _announce(locked)
    return locked


def job_fail(
    *, job: ConversionJob, code: str, message: str, attempt: int | None = None
) -> ConversionJob:
    """-> failed with a code. A worker passes its `attempt`, so a run that outlived its lease
    cannot fail a job that a later attempt has taken over. `message` is cleaned as extraction's
    are (`error_message_shown`: no traceback, no server path)."""
    now = timezone.now()
    candidates = ConversionJob.objects.filter(
        pk=job.pk, status__in=(ConversionJob.Status.QUEUED, ConversionJob.Status.PROCESSING)
    )
    if attempt is not None:
        candidates = candidates.filter(status=ConversionJob.Status.PROCESSING, attempts=attempt)
    with transaction.atomic():
        updated = candidates.update(
            status=ConversionJob.Status.FAILED,
            error_code=str(code)[:60],
            error_message=error_message_shown(message),
            completed_at=now,
            expires_at=now + timedelta(hours=settings.FILES_RETENTION_HOURS),
            lease_expires_at=None,
            updated_at=now,
        )
        job.refresh_from_db()
        if updated:
            _announce(job)
    return job


def _announce(job: ConversionJob) -> None:
    event_publish(
        workspace=job.workspace,
        event_type=EventType.CONVERSION_COMPLETED,
        data=conversion_completed_data(job),
    )


def job_requeue(*, job: ConversionJob) -> bool:
    """processing -> queued after a lost worker (lease expired, attempts left)."""
    updated = ConversionJob.objects.filter(
        pk=job.pk, status=ConversionJob.Status.PROCESSING, attempts=job.attempts
    ).update(
        status=ConversionJob.Status.QUEUED,
        lease_expires_at=None,
        progress=0,
        updated_at=timezone.now(),
    )
    if updated:
        job_enqueue_on_commit(job)
    return bool(updated)


def conversion_jobs_recover(*, now: datetime | None = None) -> dict[str, int]:
    """Jobs whose lease expired are retried or failed WORKER_LOST; jobs queued for longer than
    `EXTRACTION_REENQUEUE_AFTER_MINUTES` (a lost queue message) are enqueued again."""
    now = now or timezone.now()
    counts = {"requeued": 0, "failed": 0, "reenqueued": 0}
    stuck = ConversionJob.objects.filter(
        status=ConversionJob.Status.PROCESSING, lease_expires_at__lt=now
    ).select_related("workspace", "source_file")
    for job in stuck:
        with transaction.atomic():
            if job.attempts < job.max_attempts and job_requeue(job=job):
                counts["requeued"] += 1
            elif job.attempts >= job.max_attempts:
                job_fail(
                    job=job,
                    code="WORKER_LOST",
                    message="The worker running this conversion stopped; no attempts are left.",
                    attempt=job.attempts,
                )
                counts["failed"] += 1
    waited = now - timedelta(minutes=settings.EXTRACTION_REENQUEUE_AFTER_MINUTES)
    for job in ConversionJob.objects.filter(
        status=ConversionJob.Status.QUEUED, updated_at__lt=waited
    ):
        ConversionJob.objects.filter(pk=job.pk).update(updated_at=now)
        job_enqueue(job_id=str(job.pk))
        counts["reenqueued"] += 1
    return counts


def conversion_job_get(*, workspace: Workspace, job_id: str) -> ConversionJob:
    """A job of the workspace; 404 JOB_NOT_FOUND for another's, an unknown or a malformed id."""
    return selectors.conversion_job_for_member(workspaces=[workspace], job_id=job_id)
