"""Extraction jobs and their documents: creating, queueing and every status transition.

Each transition is one function written as compare-and-set on the current status, so a task
delivered twice, or a worker that died and was replaced, cannot apply a change twice or
overwrite a newer state; each writes its audit row, and announces its webhook event, in the
same transaction. Enqueueing happens in `transaction.on_commit`, by dotted path. Running a job
is `extraction.pipeline`; recovering lost ones is `extraction.recovery`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from cases.actors import SYSTEM, Actor
from cases.errors import Conflict, InvalidTransition
from cases.models import AuditEvent, Case, CaseType, Document, Stage, StoredFile, Workspace
from cases.services import audit_record, case_create, case_stage_move_to_role
from extraction.checks import document_rule_checks
from extraction.events import ReviewOutcome, extraction_completed_data, review_completed_data
from extraction.models import REJECTED_CODE, ExtractionJob
from extraction.results import job_result_build
from webhooks.services import EventType, event_publish

RUN_TASK = "extraction.tasks.extraction_job_run"
MAX_ERROR_MESSAGE_CHARS = 500
_TRACEBACK = re.compile(r"Traceback \(most recent call last\)|^\s*File \"", re.MULTILINE)
_SERVER_PATH = re.compile(r"(?<![\w.:/])(?:/[\w.@+-]+){2,}/?|[A-Za-z]:\\[^\s\"']+")


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
        steps=initial_steps(),
    )
    for document in documents:
        job.documents.add(document)
        document_transition(
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
    job_audit(job=job, from_state="", to_state=job.status, actor=actor)
    job_enqueue_on_commit(job)
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


@transaction.atomic
def case_extraction_start(*, case: Case, actor: Actor) -> list[Document]:
    """Start extraction of a case's documents stored with `trigger_workflow=false`."""
    waiting = list(
        Document.objects.select_for_update()
        .filter(case=case, status=Document.Status.UPLOADED)
        .select_related("case", "file", "workspace")
    )
    if not waiting:
        raise Conflict(
            "No document of this case is waiting to be extracted.", code="NOTHING_TO_EXTRACT"
        )
    documents_extraction_queue(documents=waiting, actor=actor)
    return waiting


def initial_steps() -> dict[ExtractionJob.Step, ExtractionJob.StepState]:
    return dict.fromkeys(ExtractionJob.Step, ExtractionJob.StepState.PENDING)


def job_enqueue_on_commit(job: ExtractionJob) -> None:
    """Enqueue after commit. `robust`: a broker that is down is logged, not raised, because the
    job row is already durable and `extraction.recovery` re-enqueues a job left queued."""
    job_id = str(job.pk)
    transaction.on_commit(lambda: job_enqueue(job_id=job_id), robust=True)


def job_enqueue(*, job_id: str) -> None:
    from django_q.tasks import async_task

    async_task(RUN_TASK, job_id, task_name=f"extraction-{job_id}")


# --- Transitions --------------------------------------------------------------------------


def job_hold_for_review(*, job: ExtractionJob) -> ExtractionJob:
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
    job_steps_set(job, {ExtractionJob.Step.REVIEW: ExtractionJob.StepState.IN_PROGRESS})
    job_audit(job=job, from_state=ExtractionJob.Status.PROCESSING, to_state=job.status)
    for document in job.documents.all():
        document_transition(
            document=document,
            allowed_from=(Document.Status.PROCESSING,),
            to=Document.Status.REVIEW_REQUIRED,
            actor=SYSTEM,
            job=job,
            review_required_at=now,
        )
    for case in _job_cases(job):  # a split upload's parts may be in several cases
        case_stage_move_to_role(case=case, role=Stage.SystemRole.REVIEW)
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
        document_transition(
            document=document,
            allowed_from=(Document.Status.PROCESSING, Document.Status.REVIEW_REQUIRED),
            to=Document.Status.PROCESSED,
            actor=actor,
            job=job,
            processed_at=now,
        )
    held = previous == ExtractionJob.Status.REVIEW_REQUIRED
    state = ExtractionJob.StepState.COMPLETE if held else ExtractionJob.StepState.SKIPPED
    job_steps_set(job, {ExtractionJob.Step.REVIEW: state})
    job.result = job_result_build(job)
    job.result_expires_at = now + timedelta(hours=settings.RESULT_RETENTION_HOURS)
    job.options = _without_password(job.options)
    job.save(update_fields=["result", "result_expires_at", "options", "updated_at"])
    job_audit(job=job, from_state=previous, to_state=job.status, actor=actor)
    cases_review_settle(cases=_job_cases(job), actor=actor)
    event_publish(
        workspace=job.workspace,
        event_type=EventType.EXTRACTION_COMPLETED,
        data=extraction_completed_data(job),
    )
    if (
        job.source == ExtractionJob.Source.REVIEW_API
        and previous == ExtractionJob.Status.PROCESSING
    ):
        review_completed_publish(job=job, actor=actor, outcome=ReviewOutcome.PASSED)
    return job


def error_message_shown(message: str) -> str:
    """What users may see of a failure: no traceback, no server path, one bounded paragraph.

    Every failure a job records passes here (`job_fail`), so the job, its documents, the case
    API and page, the webhook body and `/v1/extract`'s answer all show the same clean text.
    Whatever follows a Python traceback's first line is cut; absolute paths become `<path>`.
    """
    found = _TRACEBACK.search(message)
    if found is not None:
        message = message[: found.start()]
    message = _SERVER_PATH.sub("<path>", message)
    message = " ".join(message.split())
    if len(message) > MAX_ERROR_MESSAGE_CHARS:
        message = message[: MAX_ERROR_MESSAGE_CHARS - 1].rstrip() + "…"
    return message or "Document processing failed."


@transaction.atomic
def job_fail(
    *,
    job: ExtractionJob,
    code: str,
    message: str,
    actor: Actor = SYSTEM,
    attempt: int | None = None,
    message_from_person: bool = False,
) -> ExtractionJob:
    """-> failed. A worker passes its `attempt`, so a run that outlived its lease cannot fail a
    job that a later attempt has taken over. `message` is cleaned by `error_message_shown`,
    unless it is a person's own words (`message_from_person`: a reviewer's reason for rejecting,
    kept whole, paths such as `/finance/po/2024` included)."""
    message = message.strip() if message_from_person else error_message_shown(message)
    now = timezone.now()
    previous = job.status
    candidates = ExtractionJob.objects.filter(
        pk=job.pk,
        status__in=(
            ExtractionJob.Status.QUEUED,
            ExtractionJob.Status.PROCESSING,
            ExtractionJob.Status.REVIEW_REQUIRED,
        ),
    )
    if attempt is not None:
        candidates = candidates.filter(status=ExtractionJob.Status.PROCESSING, attempts=attempt)
    updated = candidates.update(
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
    running = [
        step
        for step, state in (job.steps or {}).items()
        if state == ExtractionJob.StepState.IN_PROGRESS
    ]
    if running:  # the step the job failed in says so, instead of "in progress" forever
        job_steps_set(job, dict.fromkeys(running, ExtractionJob.StepState.FAILED))
    for document in job.documents.all():
        document_transition(
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
    job_audit(
        job=job, from_state=previous, to_state=job.status, actor=actor, data={"error_code": code}
    )
    if code != REJECTED_CODE:  # a reviewer's rejection settles the rejected document's case
        cases_review_settle(cases=_job_cases(job), actor=actor)
    event_publish(
        workspace=job.workspace,
        event_type=EventType.EXTRACTION_COMPLETED,
        data=extraction_completed_data(job),
    )
    if (
        job.source == ExtractionJob.Source.REVIEW_API
        and previous != ExtractionJob.Status.REVIEW_REQUIRED
    ):
        review_completed_publish(job=job, actor=actor, outcome=ReviewOutcome.FAILED)
    return job


@transaction.atomic
def document_release(*, document: Document, actor: Actor) -> ExtractionJob | None:
    """review_required -> processed for one document; completes its job once none is held.

    The case type's validation rules run again on the released values first (a reviewer's
    corrections included), so the result's `validation` and `review.completed`'s `checks`
    judge what is released, not what the engine read."""
    job = document.jobs.filter(status=ExtractionJob.Status.REVIEW_REQUIRED).first()
    _document_validation_refresh(document)
    released = document_transition(
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


def _document_validation_refresh(document: Document) -> None:
    """Store the case type's rules run on the document's current field values."""
    checks = document_rule_checks(case_type=document.case.case_type, document=document)
    document.metadata = {**document.metadata, "validation": checks}
    Document.objects.filter(pk=document.pk).update(metadata=document.metadata)


def review_completed_publish(*, job: ExtractionJob, actor: Actor, outcome: ReviewOutcome) -> None:
    """`review.completed` for a job: a reviewer approved or rejected it, or a review-API job
    passed or failed without one (shape: `extraction.events.review_completed_data`).

    `checks` only when the job's values are released (passed, approved): a check's message
    names the value it judged (`total_amount = 48210.00 is within …`), and a rejected or failed
    job's values never passed the gate."""
    released = outcome in (ReviewOutcome.PASSED, ReviewOutcome.APPROVED)
    checks = [
        check
        for document in (job.documents.all() if released else ())
        for check in document.metadata.get("validation", [])
    ]
    event_publish(
        workspace=job.workspace,
        event_type=EventType.REVIEW_COMPLETED,
        data=review_completed_data(
            job=job, outcome=outcome, reviewed_by=actor.label, checks=checks
        ),
    )


def _without_password(options: dict[str, Any]) -> dict[str, Any]:
    """A finished job needs no PDF password any more; it is not kept."""
    return {key: value for key, value in options.items() if key != "password"}


CASE_WAITING_STATUSES = (
    Document.Status.UPLOADED,
    Document.Status.QUEUED,
    Document.Status.PROCESSING,
    Document.Status.REVIEW_REQUIRED,
)
"""A case with a document in one of these has not been settled by review yet."""


def _job_cases(job: ExtractionJob) -> list[Case]:
    """The cases the job's documents are in (a split `filterName` upload may fill several)."""
    return list(Case.objects.filter(documents__jobs=job).distinct().order_by("pk"))


def cases_review_settle(*, cases: Sequence[Case], actor: Actor) -> None:
    """Move each case to where review left it, once none of its documents is still waiting
    (uploaded, queued, being extracted or held): to its case type's approved stage when every
    document was released, to its rejected stage when a reviewer rejected one (whichever
    decision came last). Only a case still in review's hands moves (`_case_in_review_hands`):
    a stage a person chose is kept. A case type without that stage keeps the case where it
    is; a case with a document whose extraction failed otherwise stays for a person.

    The one place a case leaves review: called when a job completes or fails (a reviewer's
    rejection excepted: it settles only the rejected document's case) and after every
    reviewer's approval or rejection. The case row is locked first, so two transactions
    settling one case (two reviewers deciding its last two documents) run one after the
    other and the second sees the first's decision."""
    for case in cases:
        case = Case.objects.select_for_update(no_key=True).get(pk=case.pk)
        if not _case_in_review_hands(case):
            continue
        documents = case.documents.all()
        if documents.filter(status__in=CASE_WAITING_STATUSES).exists():
            continue
        if not documents.exclude(status=Document.Status.PROCESSED).exists():
            case_stage_move_to_role(case=case, role=Stage.SystemRole.APPROVED, actor=actor)
        elif documents.filter(status=Document.Status.FAILED, error_code=REJECTED_CODE).exists():
            case_stage_move_to_role(case=case, role=Stage.SystemRole.REJECTED, actor=actor)


def _case_in_review_hands(case: Case) -> bool:
    """Whether Casefile may still move the case: its stage is an extraction or review stage,
    or a stage without a role ordered before the case type's first review, approved or
    rejected stage (an inbox, where a workflow without an extraction stage starts cases). An
    approved or rejected stage, or one a person moved the case on to, is theirs."""
    role = case.stage.system_role
    if role in (Stage.SystemRole.EXTRACTION, Stage.SystemRole.REVIEW):
        return True
    if role != Stage.SystemRole.NONE:
        return False
    boundary = (
        Stage.objects.filter(
            case_type_id=case.case_type_id,
            system_role__in=(
                Stage.SystemRole.REVIEW,
                Stage.SystemRole.APPROVED,
                Stage.SystemRole.REJECTED,
            ),
        )
        .order_by("position", "pk")
        .first()
    )
    return boundary is not None and (case.stage.position, case.stage.pk) < (
        boundary.position,
        boundary.pk,
    )


def document_transition(
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


def job_audit(
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


def job_steps_set(
    job: ExtractionJob, steps: Mapping[ExtractionJob.Step, ExtractionJob.StepState]
) -> None:
    """Record step states (stored as their strings) and move `progress` forward, never back."""
    job.steps = {**initial_steps(), **(job.steps or {}), **steps}
    finished = {ExtractionJob.StepState.COMPLETE, ExtractionJob.StepState.SKIPPED}
    done = sum(1 for state in job.steps.values() if state in finished)
    progress = max(job.progress, min(95, 5 + done * 18))
    if job.status == ExtractionJob.Status.COMPLETED:
        progress = 100
    ExtractionJob.objects.filter(pk=job.pk).update(steps=job.steps, progress=progress)
    job.progress = progress
