"""Reviewer decisions: approve or correct a field (or a table cell), approve or reject a document.

The browser UI and the review API call these same functions. Each decision is written as a
`ReviewDecision` and an `AuditEvent` in the transaction of the change. Approving the last held
document of a job releases its result (with the reviewed values) and completes the job;
rejecting fails it with `REVIEW_REJECTED`. `review.completed` is published at those moments.
"""

from __future__ import annotations

import copy
from typing import Any

from django.db import transaction
from django.utils import timezone

from cases.actors import Actor
from cases.errors import Conflict, InvalidTransition, NotFound, ValidationFailed
from cases.models import AuditEvent, Case, Document
from cases.services import audit_record, case_update, user_get_in_workspace
from extraction.engine.table_checks import SUBTOTAL_KEYS
from extraction.engine.types import FieldType
from extraction.events import ReviewOutcome
from extraction.gate import GateFlag, table_recheck
from extraction.learning import services as learning
from extraction.models import DocumentField, ExtractionJob
from extraction.services import document_release, job_fail, review_completed_publish
from review.models import ReviewDecision
from review.values import reviewed_value

REJECTED_CODE = "REVIEW_REJECTED"


def _held_job_lock(document: Document) -> ExtractionJob | None:
    """Lock the job holding the document, before the document itself.

    Decisions that can end a job (approve, reject) take the job row first and the document
    second, always in that order: two reviewers releasing two documents of one job then run
    one after the other, so the second sees the first's release (no job left held forever)
    and neither waits on a lock the other holds (no deadlock).
    """
    return (
        ExtractionJob.objects.select_for_update()
        .filter(documents=document, status=ExtractionJob.Status.REVIEW_REQUIRED)
        .first()
    )


def _document_in_review(document: Document) -> Document:
    locked = (
        Document.objects.select_for_update(of=("self",))
        .select_related("case__case_type")
        .get(pk=document.pk)
    )
    if locked.status != Document.Status.REVIEW_REQUIRED:
        raise InvalidTransition(
            f"Document {locked.public_id} is not awaiting review (it is {locked.status}).",
            code="NOT_IN_REVIEW",
        )
    return locked


def _field(document: Document, key: str) -> DocumentField:
    field = DocumentField.objects.filter(document=document, key=key).first()
    if field is None:
        raise NotFound(
            f"Document {document.public_id} has no field {key!r}.", code="FIELD_NOT_FOUND"
        )
    return field


def _field_spec(document: Document, key: str) -> dict[str, Any]:
    specs = {spec["key"]: spec for spec in document.case.case_type.field_schema}
    return specs.get(key, {"key": key, "type": FieldType.TEXT})


def _decide(
    *,
    document: Document,
    action: str,
    actor: Actor,
    field_key: str = "",
    row: int | None = None,
    column: str = "",
    old_value: Any = None,
    new_value: Any = None,
    reason: str = "",
    verb: str,
) -> ReviewDecision:
    decision = ReviewDecision.objects.create(
        workspace_id=document.workspace_id,
        document=document,
        action=action,
        field_key=field_key,
        row=row,
        column=column,
        old_value=old_value,
        new_value=new_value,
        reason=reason,
        **actor.audit_fields(),
    )
    audit_record(
        workspace=document.workspace,
        case=document.case,
        document=document,
        verb=verb,
        actor=actor,
        data={
            key: value
            for key, value in {
                "field": field_key,
                "row": row,
                "column": column,
                "old_value": old_value,
                "new_value": new_value,
                "reason": reason,
            }.items()
            if value not in ("", None)
        },
    )
    return decision


def _mark_reviewed(field: DocumentField) -> None:
    field.reviewed = True
    field.reviewed_at = timezone.now()
    field.confidence = 100


@transaction.atomic
def field_approve(*, document: Document, key: str, actor: Actor) -> DocumentField:
    """Accept the field's current value as right."""
    document = _document_in_review(document)
    field = _field(document, key)
    _mark_reviewed(field)
    field.save(update_fields=["reviewed", "reviewed_at", "confidence"])
    _decide(
        document=document,
        action=ReviewDecision.Action.FIELD_APPROVE,
        actor=actor,
        field_key=key,
        old_value=field.value,
        new_value=field.value,
        verb=AuditEvent.Verb.FIELD_APPROVED,
    )
    return field


@transaction.atomic
def field_correct(
    *,
    document: Document,
    key: str,
    value: Any,
    actor: Actor,
    row: int | None = None,
    column: str | None = None,
) -> DocumentField:
    """Replace a field's value (or one table cell's) with a reviewer's, typed like the field."""
    document = _document_in_review(document)
    field = _field(document, key)
    spec = _field_spec(document, key)
    if field.field_type == FieldType.TABLE or spec.get("type") == FieldType.TABLE:
        old_value, new_value = _cell_correct(
            field=field, spec=spec, row=row, column=column, value=value
        )
        _table_recheck(document=document, field=field, spec=spec)
        if not any(flag.startswith(GateFlag.TABLE_CHECK_FAILED) for flag in field.flags):
            _mark_reviewed(field)
    else:
        if row is not None or column:
            raise ValidationFailed(f"{key}: only table fields take row and column.")
        new_value = reviewed_value(spec, value)
        old_value = field.value
        field.value = new_value
        if new_value is not None:
            field.text = str(new_value)
        _mark_reviewed(field)
    field.save(
        update_fields=[
            "value",
            "text",
            "rows",
            "reviewed",
            "reviewed_at",
            "confidence",
            "flags",
            "flagged",
        ]
    )
    if key in SUBTOTAL_KEYS:
        _tables_recheck(document=document)
    _decide(
        document=document,
        action=ReviewDecision.Action.FIELD_CORRECT,
        actor=actor,
        field_key=key,
        row=row,
        column=column or "",
        old_value=old_value,
        new_value=new_value,
        verb=AuditEvent.Verb.FIELD_CORRECTED,
    )
    return field


def field_decide(
    *,
    document: Document,
    key: str,
    action: str,
    actor: Actor,
    value: Any = None,
    row: int | None = None,
    column: str | None = None,
) -> DocumentField:
    """The review page's one decision: `action` "approve" approves the field, any other
    corrects it (or one table cell, with row and column) to `value`."""
    if action == "approve":
        return field_approve(document=document, key=key, actor=actor)
    return field_correct(
        document=document, key=key, value=value, actor=actor, row=row, column=column
    )


def _cell_correct(
    *, field: DocumentField, spec: dict[str, Any], row: int | None, column: str | None, value: Any
) -> tuple[Any, Any]:
    if row is None or not column:
        raise ValidationFailed(f"{field.key}: a table cell needs row and column.")
    if not 0 <= row < len(field.rows):
        raise ValidationFailed(f"row: {field.key} has rows 0 to {len(field.rows) - 1}.")
    columns = {c["key"]: c for c in spec.get("columns") or []}
    if column not in columns:
        raise ValidationFailed(f"column: {field.key} has columns {', '.join(columns)}.")
    new_value = reviewed_value(columns[column], value)
    rows = copy.deepcopy(field.rows)
    cell = rows[row].setdefault(column, {"value": None, "text": "", "confidence": 0})
    old_value = cell.get("value")
    cell.setdefault("machineValue", old_value)
    cell.update(value=new_value, text="" if new_value is None else str(new_value), reviewed=True)
    field.rows = rows
    return old_value, new_value


def _table_recheck(*, document: Document, field: DocumentField, spec: dict[str, Any]) -> None:
    """Re-run the table's checks on its rows as they now stand, replacing its check flags.

    A table whose checks still fail after a correction stays held: the reviewer fixes the
    other cells, or approves the table as it is.
    """
    subtotal = (
        DocumentField.objects.filter(document=document, key__in=SUBTOTAL_KEYS)
        .values_list("value", flat=True)
        .first()
    )
    field.rows, check_flags = table_recheck(rows=field.rows, spec=spec, subtotal=subtotal)
    kept = [flag for flag in field.flags if not flag.startswith(GateFlag.TABLE_CHECK_FAILED)]
    field.flags = [*kept, *check_flags]
    field.flagged = field.flagged or bool(check_flags)


def _tables_recheck(*, document: Document) -> None:
    """After the subtotal changes, every table's sum check is judged again."""
    for table in DocumentField.objects.filter(document=document, field_type=FieldType.TABLE):
        _table_recheck(document=document, field=table, spec=_field_spec(document, table.key))
        if table.reviewed or not table.flagged:
            table.save(update_fields=["rows", "flags", "flagged"])
            continue
        if not any(flag.startswith(GateFlag.TABLE_CHECK_FAILED) for flag in table.flags) and any(
            cell.get("reviewed") for row in table.rows for cell in row.values()
        ):
            _mark_reviewed(table)
        table.save(
            update_fields=["rows", "flags", "flagged", "reviewed", "reviewed_at", "confidence"]
        )


@transaction.atomic
def fields_approve_remaining(*, document: Document, actor: Actor) -> list[DocumentField]:
    """Approve every field not yet reviewed (the reviewer's "approve all")."""
    document = _document_in_review(document)
    approved = []
    for field in DocumentField.objects.filter(document=document, reviewed=False):
        approved.append(field_approve(document=document, key=field.key, actor=actor))
    return approved


@transaction.atomic
def document_approve(*, document: Document, actor: Actor) -> Document:
    """Release the document; the job completes once none of its documents is held."""
    _held_job_lock(document)
    document = _document_in_review(document)
    pending = list(
        DocumentField.objects.filter(document=document, flagged=True, reviewed=False).values_list(
            "key", flat=True
        )
    )
    if pending:
        raise Conflict(
            f"Review the flagged fields first: {', '.join(pending)}.",
            code="FIELDS_PENDING",
            details={"fields": pending},
        )
    _decide(
        document=document,
        action=ReviewDecision.Action.DOCUMENT_APPROVE,
        actor=actor,
        verb=AuditEvent.Verb.DOCUMENT_APPROVED,
    )
    job = document_release(document=document, actor=actor)
    if job is not None and job.status == ExtractionJob.Status.COMPLETED:
        review_completed_publish(job=job, actor=actor, outcome=ReviewOutcome.APPROVED)
    # The reviewed values teach layout memory and become verdicts, once the approval stands.
    document_pk = document.pk
    transaction.on_commit(lambda: learning.document_learn_on_commit(document_id=document_pk))
    document.refresh_from_db()
    return document


@transaction.atomic
def document_reject(*, document: Document, reason: str, actor: Actor) -> Document:
    """Fail the document's job with REVIEW_REJECTED and the reviewer's reason."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationFailed.for_field("reason", "say why the document is rejected.")
    job = _held_job_lock(document)
    document = _document_in_review(document)
    _decide(
        document=document,
        action=ReviewDecision.Action.DOCUMENT_REJECT,
        actor=actor,
        reason=reason,
        verb=AuditEvent.Verb.DOCUMENT_REJECTED,
    )
    if job is not None:
        job = job_fail(job=job, code=REJECTED_CODE, message=reason, actor=actor)
        review_completed_publish(job=job, actor=actor, outcome=ReviewOutcome.REJECTED)
    document.refresh_from_db()
    return document


def case_reassign(
    *, case: Case, actor: Actor, stage_id: str, assignee_id: str
) -> dict[str, dict[str, Any]]:
    """Move a case to one of its case type's stages (by public id) and assign it to a member of
    its workspace (by public id; empty: nobody), through `cases.services.case_update`.

    Returns what changed (empty when nothing did). An unknown stage raises `ValidationFailed`,
    a user outside the workspace `NotFound`.
    """
    stage = next((s for s in case.case_type.stages.all() if s.public_id == stage_id), None)
    if stage is None:
        raise ValidationFailed(
            f"stage_id: no stage {stage_id} for this case type.",
            details={"fields": {"stage_id": ["Unknown stage for this case type."]}},
        )
    assignee = (
        user_get_in_workspace(workspace=case.workspace, public_id=assignee_id)
        if assignee_id
        else None
    )
    _, changes = case_update(case=case, actor=actor, stage=stage, assigned_to=assignee)
    return changes
