"""Extraction jobs: queueing, claiming, running the engine, persisting and gating the result.

Each state transition is one function written as compare-and-set on the job's status, so a
task delivered twice, or a worker that died and was replaced, cannot run a job twice or
overwrite a newer state. Enqueueing happens in `transaction.on_commit`, by dotted path.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from cases.actors import SYSTEM, Actor
from cases.errors import InvalidTransition
from cases.models import AuditEvent, Case, CaseType, Document, Stage, StoredFile, Workspace
from cases.rules import rules_check
from cases.services import audit_record, case_create, case_stage_move_to_role
from extraction.engine.types import (
    DocumentResult,
    EngineError,
    EngineInput,
    EngineLimits,
    EngineResult,
)
from extraction.gate import GateField, effective_threshold, field_flags, qa_sampled
from extraction.models import DocumentField, DocumentPage, ExtractionJob
from extraction.results import job_result_build
from extraction.schemas import engine_schema_from_case_type
from webhooks.services import event_publish

logger = logging.getLogger(__name__)

RUN_TASK = "extraction.tasks.extraction_job_run"
LEASE_MARGIN = timedelta(seconds=60)


# --- Queueing -----------------------------------------------------------------------------


@transaction.atomic
def job_create(
    *,
    workspace: Workspace,
    actor: Actor,
    source_file: StoredFile,
    filename: str,
    source: str,
    options: dict[str, Any] | None = None,
    case_type: CaseType | None = None,
    documents: Sequence[Document] = (),
    delivery_mode: str = ExtractionJob.DeliveryMode.POLL,
    idempotency_key: str | None = None,
) -> ExtractionJob:
    """A queued job over one stored file; it is enqueued once the transaction commits.

    `documents` are the uploaded documents it reads (they move to `queued`); without them the
    pipeline creates the documents (and, for `filterName` jobs, their case) as it finds them.
    """
    case = documents[0].case if documents else None
    if case is None and case_type is not None:
        case = case_create(workspace=workspace, case_type=case_type, actor=actor, name=filename)
    job = ExtractionJob.objects.create(
        workspace=workspace,
        case=case,
        case_type=case_type or (case.case_type if case else None),
        source_file=source_file,
        filename=filename,
        source=source,
        created_by_key=actor.api_key,
        options=dict(options or {}),
        delivery_mode=delivery_mode,
        idempotency_key=idempotency_key,
        max_attempts=settings.EXTRACTION_MAX_ATTEMPTS,
        steps=_initial_steps(),
    )
    for document in documents:
        job.documents.add(document)
        _document_transition(
            document=document,
            allowed_from=(
                Document.Status.UPLOADED,
                Document.Status.FAILED,
                Document.Status.PROCESSED,
            ),
            to=Document.Status.QUEUED,
            actor=actor,
            job=job,
        )
    _job_audit(job=job, from_state="", to_state=job.status, actor=actor)
    _job_enqueue_on_commit(job)
    return job


@transaction.atomic
def documents_extraction_queue(
    *, documents: Sequence[Document], actor: Actor, options: dict[str, Any] | None = None
) -> list[ExtractionJob]:
    """Start one job per uploaded document (the case API's `trigger_workflow`)."""
    return [
        job_create(
            workspace=document.workspace,
            actor=actor,
            source_file=document.file,
            filename=document.filename,
            source=ExtractionJob.Source.CASE_UPLOAD,
            options=options,
            documents=[document],
        )
        for document in documents
    ]


def _initial_steps() -> dict[str, str]:
    return dict.fromkeys(ExtractionJob.STEPS, "pending")


def _job_enqueue_on_commit(job: ExtractionJob) -> None:
    job_id = str(job.pk)
    transaction.on_commit(lambda: job_enqueue(job_id=job_id))


def job_enqueue(*, job_id: str) -> None:
    from django_q.tasks import async_task

    async_task(RUN_TASK, job_id, task_name=f"extraction-{job_id}")


# --- Running ------------------------------------------------------------------------------


def extraction_job_run(*, job_id: str) -> ExtractionJob | None:
    """The worker's entry point: claim, run the engine, persist, gate. Safe to call twice."""
    job = _job_claim(job_id=job_id)
    if job is None:
        logger.info("Job %s was not queued any more; nothing to do.", job_id)
        return None
    try:
        engine_result = _engine_run(_engine_input(job))
        return _job_persist_and_gate(job=job, engine_result=engine_result)
    except EngineError as error:
        return job_fail(job=job, code=error.code, message=error.message)
    except Exception:
        # A bug, not a bad document: record it on the job at once (rather than leaving it to
        # the lease sweep), then let it propagate so the worker logs the traceback.
        job_fail(job=job, code="PROCESSING_ERROR", message="Document processing failed.")
        raise


def _job_claim(*, job_id: str) -> ExtractionJob | None:
    now = timezone.now()
    lease = now + timedelta(seconds=settings.EXTRACTION_TIMEOUT) + LEASE_MARGIN
    with transaction.atomic():
        claimed = ExtractionJob.objects.filter(
            pk=job_id, status=ExtractionJob.Status.QUEUED, attempts__lt=F("max_attempts")
        ).update(
            status=ExtractionJob.Status.PROCESSING,
            attempts=F("attempts") + 1,
            lease_expires_at=lease,
            started_at=now,
            progress=5,
            updated_at=now,
        )
        if not claimed:
            return None
        job = ExtractionJob.objects.select_related(
            "case_type", "case", "source_file", "workspace"
        ).get(pk=job_id)
        _job_audit(job=job, from_state=ExtractionJob.Status.QUEUED, to_state=job.status)
        for document in job.documents.all():
            _document_transition(
                document=document,
                allowed_from=(Document.Status.QUEUED,),
                to=Document.Status.PROCESSING,
                actor=SYSTEM,
                job=job,
            )
        _job_steps_set(job, ocr="in_progress", structure="in_progress")
    return job


def _engine_input(job: ExtractionJob) -> EngineInput:
    case_types = _candidate_case_types(job)
    with job.source_file.blob.open("rb") as blob:
        content = blob.read()
    return EngineInput(
        content=content,
        filename=job.filename,
        schemas=tuple(engine_schema_from_case_type(case_type) for case_type in case_types),
        password=job.options.get("password"),
        split_documents=bool(job.options.get("documentSplitting")),
        return_text=True,
        limits=EngineLimits(
            max_pages=settings.EXTRACTION_MAX_PAGES, max_pixels=settings.EXTRACTION_MAX_PIXELS
        ),
    )


def _candidate_case_types(job: ExtractionJob) -> list[CaseType]:
    if job.case_type is not None:
        return [job.case_type]
    filter_name = job.options.get("filterName")
    case_types = list(
        CaseType.objects.filter(workspace=job.workspace, filters__name=filter_name).order_by("slug")
    )
    if not case_types:
        raise EngineError("FILTER_EMPTY", f"The filter {filter_name!r} names no case type.")
    return case_types


def _engine_run(engine_input: EngineInput) -> EngineResult:
    """Parse in a child process with memory and time limits (SPEC §8), unless turned off.

    Imported here so that web processes, which only enqueue, never load the parsing stack.
    """
    from extraction.engine import run_engine
    from extraction.engine.isolation import run_engine_isolated

    if not settings.EXTRACTION_ISOLATION:
        return run_engine(engine_input)
    return run_engine_isolated(
        engine_input,
        timeout_seconds=settings.EXTRACTION_TIMEOUT,
        memory_limit_bytes=settings.EXTRACTION_MEMORY_MB * 1024 * 1024,
    )


@transaction.atomic
def _job_persist_and_gate(
    *, job: ExtractionJob, engine_result: EngineResult
) -> ExtractionJob | None:
    locked = ExtractionJob.objects.select_for_update().get(pk=job.pk)
    if locked.status != ExtractionJob.Status.PROCESSING or locked.attempts != job.attempts:
        logger.warning(
            "Job %s changed while it ran (now %s); result dropped.", job.pk, locked.status
        )
        return None
    case_types = {ct.slug: ct for ct in _candidate_case_types(job)}
    documents = list(job.documents.order_by("created_at", "id"))
    flagged_total = 0
    held = False
    thresholds = []
    for position, document_result in enumerate(engine_result.documents):
        case_type = case_types[document_result.schema_slug]
        if position < len(documents):
            document = documents[position]
        else:
            document = _found_document_create(job=job, case_type=case_type)
        threshold = effective_threshold(
            job_threshold=job.options.get("documentReview"),
            case_type_threshold=case_type.review_threshold,
        )
        thresholds.append(threshold)
        flagged = _document_store_result(
            document=document,
            document_result=document_result,
            engine_result=engine_result,
            case_type=case_type,
            threshold=threshold,
        )
        sampled = not flagged and qa_sampled(
            document_id=document.public_id, percent=case_type.qa_sample_percent
        )
        if sampled:
            document.metadata = {**document.metadata, "qa_sample": True}
            document.save(update_fields=["metadata"])
        flagged_total += flagged
        held = held or bool(flagged) or sampled
    job.processed_pages = engine_result.page_count
    job.review_threshold = next((t for t in thresholds if t is not None), None)
    job.review_flagged_field_count = flagged_total
    job.save(
        update_fields=[
            "case",
            "case_type",
            "processed_pages",
            "review_threshold",
            "review_flagged_field_count",
            "updated_at",
        ]
    )
    _job_steps_set(
        job, ocr="complete", structure="complete", classification="complete", extraction="complete"
    )
    if held:
        return _job_hold_for_review(job=job)
    return job_complete(job=job, actor=SYSTEM)


def _found_document_create(*, job: ExtractionJob, case_type: CaseType) -> Document:
    """A document the engine found beyond those created at upload: a further part of a split
    upload, or (for `filterName` jobs) the first, once its case type is known. It goes into the
    job's case when that case is of the same type, else into a new case of the job's."""
    case = job.case if job.case and job.case.case_type_id == case_type.pk else None
    if case is None:
        case = Case.objects.filter(documents__jobs=job, case_type=case_type).first() or case_create(
            workspace=job.workspace, case_type=case_type, actor=SYSTEM, name=job.filename
        )
    if job.case is None:
        job.case = case
        job.case_type = case_type
    document = Document.objects.create(
        workspace=job.workspace,
        case=case,
        file=job.source_file,
        filename=job.filename,
        status=Document.Status.PROCESSING,
    )
    job.documents.add(document)
    return document


def _document_store_result(
    *,
    document: Document,
    document_result: DocumentResult,
    engine_result: EngineResult,
    case_type: CaseType,
    threshold: int | None,
) -> int:
    """Replace the document's fields and pages with the engine's, run the case type's rules,
    and return how many fields the gate holds."""
    specs = {spec["key"]: spec for spec in case_type.field_schema}
    document.fields.all().delete()
    document.pages.all().delete()
    pages_by_number = {page.number: page for page in engine_result.pages}
    DocumentPage.objects.bulk_create(
        DocumentPage(
            document=document,
            number=index,
            source_page=page_number,
            width=pages_by_number[page_number].width,
            height=pages_by_number[page_number].height,
            rotation=pages_by_number[page_number].rotation,
            text_source=pages_by_number[page_number].source,
            text=pages_by_number[page_number].text,
        )
        for index, page_number in enumerate(document_result.pages, start=1)
    )
    values = {
        result.key: [{c: cell.value for c, cell in row.items()} for row in result.rows]
        if result.rows
        else result.value
        for result in document_result.fields
    }
    checks = rules_check(case_type.validation_rules, values)
    flagged = 0
    fields = []
    for position, field_result in enumerate(document_result.fields):
        spec = specs.get(field_result.key, {})
        flags = field_flags(
            spec=spec,
            field=GateField(
                key=field_result.key, value=field_result.value, confidence=field_result.confidence
            ),
            threshold=threshold,
            checks=checks,
        )
        flagged += bool(flags)
        rows = [
            {column: _cell_json(cell) for column, cell in row.items()} for row in field_result.rows
        ]
        fields.append(
            DocumentField(
                document=document,
                key=field_result.key,
                field_type=spec.get("type", "text"),
                position=position,
                value=field_result.value,
                text=field_result.text,
                confidence=field_result.confidence,
                page=field_result.page,
                bbox=list(field_result.bbox) if field_result.bbox else None,
                rows=rows,
                machine_value=rows or field_result.value,
                machine_confidence=field_result.confidence,
                flags=flags,
                flagged=bool(flags),
            )
        )
    DocumentField.objects.bulk_create(fields)
    document.page_count = len(document_result.pages)
    document.first_page = min(document_result.pages) if document_result.pages else None
    document.last_page = max(document_result.pages) if document_result.pages else None
    document.text = document_result.text or "\n\f".join(
        pages_by_number[n].text for n in document_result.pages if n in pages_by_number
    )
    document.classification_confidence = document_result.classification_confidence
    document.metadata = {**document.metadata, "validation": [c.as_json() for c in checks]}
    document.save(
        update_fields=[
            "page_count",
            "first_page",
            "last_page",
            "text",
            "classification_confidence",
            "metadata",
            "modified_at",
        ]
    )
    return flagged


def _cell_json(cell: Any) -> dict[str, Any]:
    return {
        "value": cell.value,
        "text": cell.text,
        "confidence": cell.confidence,
        "page": cell.page,
        "bbox": list(cell.bbox) if cell.bbox else None,
    }


# --- Transitions --------------------------------------------------------------------------


def _job_hold_for_review(*, job: ExtractionJob) -> ExtractionJob:
    now = timezone.now()
    updated = ExtractionJob.objects.filter(
        pk=job.pk, status=ExtractionJob.Status.PROCESSING
    ).update(
        status=ExtractionJob.Status.REVIEW_REQUIRED,
        review_required_at=now,
        lease_expires_at=None,
        progress=90,
        updated_at=now,
    )
    job.refresh_from_db()
    if not updated:
        return job
    _job_steps_set(job, review="in_progress")
    _job_audit(job=job, from_state=ExtractionJob.Status.PROCESSING, to_state=job.status)
    for document in job.documents.all():
        _document_transition(
            document=document,
            allowed_from=(Document.Status.PROCESSING,),
            to=Document.Status.REVIEW_REQUIRED,
            actor=SYSTEM,
            job=job,
            review_required_at=now,
        )
    if job.case is not None:
        case_stage_move_to_role(case=job.case, role=Stage.SystemRole.REVIEW)
    return job


@transaction.atomic
def job_complete(*, job: ExtractionJob, actor: Actor) -> ExtractionJob:
    """processing | review_required -> completed: release the result and announce it."""
    now = timezone.now()
    previous = job.status
    updated = ExtractionJob.objects.filter(
        pk=job.pk,
        status__in=(ExtractionJob.Status.PROCESSING, ExtractionJob.Status.REVIEW_REQUIRED),
    ).update(
        status=ExtractionJob.Status.COMPLETED,
        completed_at=now,
        lease_expires_at=None,
        progress=100,
        updated_at=now,
        error_code="",
        error_message="",
    )
    job.refresh_from_db()
    if not updated:
        return job
    for document in job.documents.all():
        _document_transition(
            document=document,
            allowed_from=(Document.Status.PROCESSING, Document.Status.REVIEW_REQUIRED),
            to=Document.Status.PROCESSED,
            actor=actor,
            job=job,
            processed_at=now,
        )
    steps = {
        "review": "complete" if previous == ExtractionJob.Status.REVIEW_REQUIRED else "skipped"
    }
    _job_steps_set(job, **steps)
    job.result = job_result_build(job)
    job.result_expires_at = now + timedelta(hours=settings.RESULT_RETENTION_HOURS)
    job.options = _without_password(job.options)
    job.save(update_fields=["result", "result_expires_at", "options", "updated_at"])
    _job_audit(job=job, from_state=previous, to_state=job.status, actor=actor)
    if job.case is not None and _case_fully_processed(job.case):
        case_stage_move_to_role(case=job.case, role=Stage.SystemRole.APPROVED, actor=actor)
    event_publish(
        workspace=job.workspace,
        event_type="extraction.completed",
        data=_extraction_event_data(job),
    )
    if (
        job.source == ExtractionJob.Source.REVIEW_API
        and previous == ExtractionJob.Status.PROCESSING
    ):
        review_completed_publish(job=job, actor=actor, outcome="passed")
    return job


@transaction.atomic
def job_fail(
    *, job: ExtractionJob, code: str, message: str, actor: Actor = SYSTEM
) -> ExtractionJob:
    now = timezone.now()
    previous = job.status
    updated = ExtractionJob.objects.filter(
        pk=job.pk,
        status__in=(
            ExtractionJob.Status.QUEUED,
            ExtractionJob.Status.PROCESSING,
            ExtractionJob.Status.REVIEW_REQUIRED,
        ),
    ).update(
        status=ExtractionJob.Status.FAILED,
        failed_at=now,
        lease_expires_at=None,
        error_code=code,
        error_message=message,
        updated_at=now,
    )
    job.refresh_from_db()
    if not updated:
        return job
    job.options = _without_password(job.options)
    job.save(update_fields=["options"])
    for document in job.documents.all():
        _document_transition(
            document=document,
            allowed_from=(
                Document.Status.QUEUED,
                Document.Status.PROCESSING,
                Document.Status.REVIEW_REQUIRED,
            ),
            to=Document.Status.FAILED,
            actor=actor,
            job=job,
            error_code=code,
            error_message=message,
        )
    _job_audit(
        job=job, from_state=previous, to_state=job.status, actor=actor, data={"error_code": code}
    )
    event_publish(
        workspace=job.workspace,
        event_type="extraction.completed",
        data=_extraction_event_data(job),
    )
    if (
        job.source == ExtractionJob.Source.REVIEW_API
        and previous != ExtractionJob.Status.REVIEW_REQUIRED
    ):
        review_completed_publish(job=job, actor=actor, outcome="failed")
    return job


@transaction.atomic
def document_release(*, document: Document, actor: Actor) -> ExtractionJob | None:
    """review_required -> processed for one document; completes its job once none is held."""
    job = document.jobs.filter(status=ExtractionJob.Status.REVIEW_REQUIRED).first()
    released = _document_transition(
        document=document,
        allowed_from=(Document.Status.REVIEW_REQUIRED,),
        to=Document.Status.PROCESSED,
        actor=actor,
        job=job,
        processed_at=timezone.now(),
    )
    if not released:
        raise InvalidTransition(f"Document {document.public_id} is not awaiting review.")
    if job is None:
        return None
    if job.documents.filter(status=Document.Status.REVIEW_REQUIRED).exists():
        return job
    return job_complete(job=job, actor=actor)


def review_completed_publish(*, job: ExtractionJob, actor: Actor, outcome: str) -> None:
    """`review.completed`: a reviewer approved or rejected the job, or a review-API job passed
    the gate without one (outcome `approved`, `rejected` or `passed`)."""
    data: dict[str, Any] = {
        "job_id": str(job.pk),
        "filename": job.filename,
        "workflow_id": job.case_type.public_id if job.case_type else None,
        "case_id": job.case.public_id if job.case else None,
        "document_ids": [d.public_id for d in job.documents.all()],
        "outcome": outcome,
        "reviewed_by": actor.label,
        "status": job.status,
        "checks": [
            check
            for document in job.documents.all()
            for check in document.metadata.get("validation", [])
        ],
    }
    if job.status == ExtractionJob.Status.COMPLETED:
        data["result"] = job.result
    else:
        data["error"] = {"code": job.error_code, "message": job.error_message}
    event_publish(workspace=job.workspace, event_type="review.completed", data=data)


def _without_password(options: dict[str, Any]) -> dict[str, Any]:
    """A finished job needs no PDF password any more; it is not kept."""
    return {key: value for key, value in options.items() if key != "password"}


def _case_fully_processed(case: Case) -> bool:
    return not case.documents.exclude(status=Document.Status.PROCESSED).exists()


def _extraction_event_data(job: ExtractionJob) -> dict[str, Any]:
    data: dict[str, Any] = {
        "job_id": str(job.pk),
        "filename": job.filename,
        "status": job.status,
        "case_id": job.case.public_id if job.case else None,
        "document_ids": [d.public_id for d in job.documents.all()],
    }
    if job.status == ExtractionJob.Status.COMPLETED:
        data["result"] = job.result
    else:
        data["error"] = {"code": job.error_code, "message": job.error_message}
    return data


def _document_transition(
    *,
    document: Document,
    allowed_from: Sequence[str],
    to: str,
    actor: Actor,
    job: ExtractionJob | None = None,
    **extra: Any,
) -> bool:
    previous = Document.objects.filter(pk=document.pk).values_list("status", flat=True).first()
    updated = Document.objects.filter(pk=document.pk, status__in=allowed_from).update(
        status=to, modified_at=timezone.now(), **extra
    )
    if not updated:
        return False
    document.status = to
    audit_record(
        workspace=document.workspace,
        case=document.case,
        document=document,
        job_id=job.pk if job else None,
        verb=AuditEvent.Verb.DOCUMENT_STATUS,
        actor=actor,
        from_state=previous or "",
        to_state=to,
        data={key: value for key, value in extra.items() if key.startswith("error")},
    )
    return True


def _job_audit(
    *,
    job: ExtractionJob,
    from_state: str,
    to_state: str,
    actor: Actor = SYSTEM,
    data: dict | None = None,
) -> None:
    audit_record(
        workspace=job.workspace,
        case=job.case,
        job_id=job.pk,
        verb=AuditEvent.Verb.JOB_STATUS,
        actor=actor,
        from_state=from_state,
        to_state=to_state,
        data=data,
    )


def _job_steps_set(job: ExtractionJob, **steps: str) -> None:
    job.steps = {**_initial_steps(), **(job.steps or {}), **steps}
    done = sum(1 for state in job.steps.values() if state in {"complete", "skipped"})
    progress = max(job.progress, min(95, 5 + done * 18))
    if job.status == ExtractionJob.Status.COMPLETED:
        progress = 100
    ExtractionJob.objects.filter(pk=job.pk).update(steps=job.steps, progress=progress)
    job.progress = progress


# --- Recovery -----------------------------------------------------------------------------


def extraction_jobs_recover() -> dict[str, int]:
    """Requeue jobs whose worker vanished (lease expired), or fail them with WORKER_LOST once
    their attempts are used up. Run periodically by the cluster's schedule."""
    now = timezone.now()
    requeued = failed = 0
    expired = ExtractionJob.objects.filter(
        status=ExtractionJob.Status.PROCESSING, lease_expires_at__lt=now
    ).values_list("pk", "attempts", "max_attempts")
    for job_id, attempts, max_attempts in expired:
        if attempts < max_attempts:
            requeued += _job_requeue(job_id=job_id, now=now)
        else:
            job = ExtractionJob.objects.get(pk=job_id)
            job_fail(
                job=job,
                code="WORKER_LOST",
                message=f"The worker running this job stopped responding {attempts} times.",
            )
            failed += 1
    return {"requeued": requeued, "failed": failed}


@transaction.atomic
def _job_requeue(*, job_id: Any, now: Any) -> int:
    updated = ExtractionJob.objects.filter(
        pk=job_id, status=ExtractionJob.Status.PROCESSING, lease_expires_at__lt=now
    ).update(status=ExtractionJob.Status.QUEUED, lease_expires_at=None, updated_at=now)
    if not updated:
        return 0
    job = ExtractionJob.objects.get(pk=job_id)
    _job_audit(
        job=job,
        from_state=ExtractionJob.Status.PROCESSING,
        to_state=job.status,
        data={"reason": "lease expired"},
    )
    for document in job.documents.all():
        _document_transition(
            document=document,
            allowed_from=(Document.Status.PROCESSING,),
            to=Document.Status.QUEUED,
            actor=SYSTEM,
            job=job,
        )
    _job_enqueue_on_commit(job)
    return 1
