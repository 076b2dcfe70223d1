"""Running one extraction job: claim it, run the engine in isolation, persist and gate.

`extraction_job_run` is what the worker task calls. It claims the job (queued -> processing,
with an attempt count and a lease), runs the pure engine in a child process with memory and
time limits, stores every document's pages and fields, runs the case type's validation rules
and the review gate, and then completes the job or holds it for review through the
transitions in `extraction.services`. Running it twice is harmless: the second claim fails.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from cases.actors import SYSTEM
from cases.apikit import logcontext
from cases.credits import InsufficientCredits, credits_charge_pages, credits_check
from cases.models import Case, CaseType, Document
from cases.outbound import FetchError
from cases.rules import rules_check
from cases.selectors import case_type_version_current
from cases.services import case_create
from extraction.engine.types import (
    DocumentResult,
    EngineError,
    EngineInput,
    EngineLimits,
    EngineResult,
    PageResult,
)
from extraction.gate import (
    DocumentFlag,
    GateField,
    HoldReason,
    classification_hold,
    effective_threshold,
    field_flags,
    qa_sampled,
)
from extraction.learning import services as learning
from extraction.models import DocumentField, DocumentPage, ExtractionJob
from extraction.realtime.recording import page_progress_reporter
from extraction.schemas import engine_schema_from_case_type
from extraction.services import (
    document_transition,
    job_audit,
    job_complete,
    job_fail,
    job_hold_for_review,
    job_steps_set,
)
from extraction.upload import upload_document_preset, upload_source_fetch

logger = logging.getLogger(__name__)

LEASE_MARGIN = timedelta(seconds=60)
"""How long past the parse time limit a claimed job's lease runs before the sweep calls it lost."""


def extraction_job_run(*, job_id: str) -> ExtractionJob | None:
    """The worker's entry point: claim, run the engine, persist, gate. Safe to call twice.

    Every log line written meanwhile carries the job id (`cases.apikit.logcontext`)."""
    with logcontext.bound(job_id=job_id):
        started = time.perf_counter()
        job = _job_run(job_id=job_id)
        if job is not None:
            seconds = round(time.perf_counter() - started, 3)
            logger.info(
                "Job %s ended %s after %s s.",
                job_id,
                job.status,
                seconds,
                extra={"status": job.status, "seconds": seconds},
            )
        return job


def _job_run(*, job_id: str) -> ExtractionJob | None:
    job = _job_claim(job_id=job_id)
    if job is None:
        logger.info("Job %s was not queued any more; nothing to do.", job_id)
        return None
    try:
        upload_source_fetch(job=job)  # a URL upload's file arrives here, in the worker
        credits_check(workspace=job.workspace, pages=1)  # none left: fail before any work
        case_types = _candidate_case_types(job)
        engine_result = _engine_run(
            _engine_input(job, case_types), on_page=page_progress_reporter(job)
        )
        return _job_persist_and_gate(job=job, engine_result=engine_result, case_types=case_types)
    except EngineError as error:
        return job_fail(job=job, code=error.code, message=error.message, attempt=job.attempts)
    except (FetchError, InsufficientCredits) as error:
        return job_fail(job=job, code=error.code, message=error.message, attempt=job.attempts)
    except Exception:
        # A bug, not a bad document: record it on the job at once (rather than leaving it to
        # the lease sweep), then let it propagate so the worker logs the traceback.
        job_fail(
            job=job,
            code="PROCESSING_ERROR",
            message="Document processing failed.",
            attempt=job.attempts,
        )
        raise


def extraction_job_result_store(
    *, job_id: str, engine_result: EngineResult
) -> ExtractionJob | None:
    """Claim a queued job and store an engine result already in hand, exactly as the worker
    does after running the engine: pages, fields, rules, the gate and the job's transition.
    For callers that hold a result (test factories build a fixed one); None if the job was not
    queued any more."""
    job = _job_claim(job_id=job_id)
    if job is None:
        return None
    return _job_persist_and_gate(
        job=job, engine_result=engine_result, case_types=_candidate_case_types(job)
    )


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
        job_audit(job=job, from_state=ExtractionJob.Status.QUEUED, to_state=job.status)
        for document in job.documents.all():
            document_transition(
                document=document,
                allowed_from=(Document.Status.QUEUED,),
                to=Document.Status.PROCESSING,
                actor=SYSTEM,
                job=job,
            )
        in_progress = ExtractionJob.StepState.IN_PROGRESS
        job_steps_set(
            job, {ExtractionJob.Step.OCR: in_progress, ExtractionJob.Step.STRUCTURE: in_progress}
        )
    return job


def _engine_input(job: ExtractionJob, case_types: list[CaseType]) -> EngineInput:
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
        memory=learning.memory_for(case_types=case_types),
    )


def _candidate_case_types(job: ExtractionJob) -> list[CaseType]:
    """The job's case type, or those of its filter as they stand when the job starts (read
    once per run: the engine classifies among them and the gate judges the choice)."""
    if job.case_type is not None:
        return [job.case_type]
    filter_name = job.options.get("filterName")
    case_types = list(
        CaseType.objects.filter(workspace=job.workspace, filters__name=filter_name).order_by("slug")
    )
    if not case_types:
        raise EngineError("FILTER_EMPTY", f"The filter {filter_name!r} names no case type.")
    return case_types


def _engine_run(
    engine_input: EngineInput, on_page: Callable[[int, int], None] | None = None
) -> EngineResult:
    """Parse in a child process with memory and time limits (SPEC §8), unless turned off;
    `on_page` hears of each page read (the job's progress, `extraction.realtime.recording`).

    Imported here so that web processes, which only enqueue, never load the parsing stack.
    """
    from extraction.engine import run_engine
    from extraction.engine.isolation import run_engine_isolated

    if not settings.EXTRACTION_ISOLATION:
        return run_engine(engine_input, on_page=on_page)
    return run_engine_isolated(
        engine_input,
        timeout_seconds=settings.EXTRACTION_TIMEOUT,
        memory_limit_bytes=settings.EXTRACTION_MEMORY_MB * 1024 * 1024,
        on_page=on_page,
    )


@transaction.atomic
def _job_persist_and_gate(
    *, job: ExtractionJob, engine_result: EngineResult, case_types: list[CaseType]
) -> ExtractionJob | None:
    locked = ExtractionJob.objects.select_for_update().get(pk=job.pk)
    if locked.status != ExtractionJob.Status.PROCESSING or locked.attempts != job.attempts:
        logger.warning(
            "Job %s changed while it ran (now %s); result dropped.", job.pk, locked.status
        )
        return None
    # Every processed page counts once (the job id makes a retried job's charge a no-op);
    # over the limit, nothing is stored and the job fails with INSUFFICIENT_CREDITS.
    credits_charge_pages(
        workspace=job.workspace,
        pages=engine_result.page_count,
        reference=f"extraction-job:{job.pk}",
    )
    by_slug = {case_type.slug: case_type for case_type in case_types}
    classification_threshold = _classification_threshold(job=job, case_types=case_types)
    documents = list(job.documents.order_by("created_at", "id"))
    flagged_total = 0
    reasons: set[HoldReason] = set()
    thresholds = []
    for position, document_result in enumerate(engine_result.documents):
        case_type = by_slug[document_result.schema_slug]
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
            document_result=learning.document_result_recalibrate(
                case_type=case_type, document_result=document_result
            ),
            engine_result=engine_result,
            case_type=case_type,
            threshold=threshold,
        )
        uncertain = classification_hold(
            confidence=document_result.classification_confidence,
            threshold=classification_threshold,
            candidates=[case_type.name]
            + [other.name for other in case_types if other.pk != case_type.pk],
        )
        sampled = (
            not flagged
            and not uncertain
            and qa_sampled(document_id=document.public_id, percent=case_type.qa_sample_percent)
        )
        _document_marks_set(document, uncertain=uncertain, sampled=sampled)
        learning.document_layout_record(
            document=document,
            case_type=case_type,
            document_result=document_result,
            engine_result=engine_result,
        )
        flagged_total += flagged
        if flagged:
            reasons.add(HoldReason.FIELDS_FLAGGED)
        if uncertain:
            reasons.add(HoldReason.CASE_TYPE_UNCERTAIN)
        if sampled:
            reasons.add(HoldReason.QA_SAMPLE)
    job.processed_pages = engine_result.page_count
    job.case_type_version = case_type_version_current(job.case_type) if job.case_type else None
    job.review_threshold = next((t for t in thresholds if t is not None), None)
    job.review_flagged_field_count = flagged_total
    job.review_reasons = [reason.value for reason in HoldReason if reason in reasons]
    job.save(
        update_fields=[
            "case",
            "case_type",
            "case_type_version",
            "processed_pages",
            "review_threshold",
            "review_flagged_field_count",
            "review_reasons",
            "updated_at",
        ]
    )
    job_steps_set(
        job,
        dict.fromkeys(
            (
                ExtractionJob.Step.OCR,
                ExtractionJob.Step.STRUCTURE,
                ExtractionJob.Step.CLASSIFICATION,
                ExtractionJob.Step.EXTRACTION,
            ),
            ExtractionJob.StepState.COMPLETE,
        ),
    )
    if reasons:
        return job_hold_for_review(job=job)
    return job_complete(job=job, actor=SYSTEM)


def _classification_threshold(*, job: ExtractionJob, case_types: list[CaseType]) -> int | None:
    """The threshold a classification among `case_types` is judged by: the job's
    `documentReview`, else the strictest of the candidates' own (a case type without one would
    otherwise take in every doubtful document)."""
    thresholds = [ct.review_threshold for ct in case_types if ct.review_threshold is not None]
    return effective_threshold(
        job_threshold=job.options.get("documentReview"),
        case_type_threshold=max(thresholds, default=None),
    )


def _document_marks_set(
    document: Document, *, uncertain: dict[str, Any] | None, sampled: bool
) -> None:
    """Record why the gate holds the whole document (`DocumentFlag`) and whether it is a QA
    sample, replacing what an earlier extraction of it recorded."""
    metadata = {
        key: value
        for key, value in document.metadata.items()
        if key not in (DocumentFlag.CASE_TYPE_UNCERTAIN, "qa_sample")
    }
    if uncertain:
        metadata[DocumentFlag.CASE_TYPE_UNCERTAIN] = uncertain
    if sampled:
        metadata["qa_sample"] = True
    if metadata != document.metadata:
        document.metadata = metadata
        document.save(update_fields=["metadata"])


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
        **upload_document_preset(job),
    )
    job.documents.add(document)
    return document


def _page_words(page: PageResult) -> list[list[Any]]:
    """The page's words as [x0, y0, x1, y1, text] (coordinates rounded to 0.1), for capture."""
    return [[*(round(float(v), 1) for v in word.bbox), word.text] for word in page.words]


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
            words=_page_words(pages_by_number[page_number]),
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
        rows = [
            {column: _cell_json(cell) for column, cell in row.items()} for row in field_result.rows
        ]
        flags = field_flags(
            spec=spec,
            field=GateField(
                key=field_result.key,
                value=field_result.value,
                confidence=field_result.confidence,
                rows=tuple(rows),
            ),
            threshold=threshold,
            checks=checks,
        )
        flagged += bool(flags)
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
        "issues": list(cell.issues),
    }
