"""Reviewer decisions: approve or correct a field (or a table cell), approve or reject a document.

The browser UI and the review API call these same functions. Each takes the document's lock
and then `review.claims.claim_guard`: while someone else holds a live claim the decision is
refused (409 `CLAIMED`); approving and rejecting end the claim. Each decision is written as a
`ReviewDecision` and an `AuditEvent` in the transaction of the change. Approving the last held
document of a job releases its result (with the reviewed values) and completes the job;
rejecting fails it with `REVIEW_REJECTED`. `review.completed` is published at those moments.
"""

from __future__ import annotations

import copy
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from cases.actors import Actor
from cases.errors import Conflict, InvalidTransition, NotFound, ValidationFailed
from cases.models import AuditEvent, Case, Document, Stage
from cases.services import (
    audit_record,
    case_update,
    user_get_in_workspace,
)
from extraction.engine.table_checks import SUBTOTAL_KEYS
from extraction.engine.types import FieldType
from extraction.events import ReviewOutcome
from extraction.gate import GateFlag, table_recheck
from extraction.learning import services as learning
from extraction.models import REJECTED_CODE, DocumentField, ExtractionJob
from extraction.services import (
    cases_review_settle,
    document_release,
    job_fail,
    review_completed_publish,
)
from review import claims
from review.models import UNDO_REASON_PREFIX, ReviewDecision
from review.values import reviewed_value


def _held_job_lock(document: Document) -> ExtractionJob | None:
    """Lock the document's case and the other cases of the job holding it (in primary-key
    order), then that job, before the document.

    Decisions that can end a job or settle a case (approve, reject) take the case rows first,
    the job row second and the document third, always in that order (bulk assignment takes
    the case before the document too): two reviewers deciding two documents of one case or
    one job then run one after the other, so the second sees the first's decision (no job
    left held, no case left in review) and neither waits on a lock the other holds (no
    deadlock). The cases are locked before any audit row referring to them is written; the
    job's completion settles them all (`cases_review_settle`, which takes the same locks).
    """
    held_jobs_cases = Case.objects.filter(
        documents__jobs__documents=document,
        documents__jobs__status=ExtractionJob.Status.REVIEW_REQUIRED,
    ).values("pk")
    list(
        Case.objects.select_for_update(no_key=True)
        .filter(Q(pk=document.case_id) | Q(pk__in=held_jobs_cases))
        .order_by("pk")
    )
    return (
        ExtractionJob.objects.select_for_update()
        .filter(documents=document, status=ExtractionJob.Status.REVIEW_REQUIRED)
        .first()
    )


def _document_in_review(document: Document, actor: Actor) -> Document:
    """Lock the held document, then check `actor` may decide on it now (`claims.claim_guard`:
    refused while someone else holds a live claim; a person's decision claims or renews it)."""
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
    claims.claim_guard(document=locked, actor=actor)
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
    before: dict[str, Any] | None = None,
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
        before=before,
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
    document = _document_in_review(document, actor)
    field = _field(document, key)
    before = field_snapshot(field)
    _mark_reviewed(field)
    field.save(update_fields=["reviewed", "reviewed_at", "confidence"])
    _decide(
        document=document,
        before=before,
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
    page: int | None = None,
    bbox: list[float] | None = None,
) -> DocumentField:
    """Replace a field's value (or one table cell's) with a reviewer's, typed like the field.

    `page` and `bbox` say where on the document the reviewer captured the value: the field's
    (or cell's) box moves there. Without them a corrected value keeps no box of the machine's,
    which pointed at the old value.
    """
    document = _document_in_review(document, actor)
    field = _field(document, key)
    spec = _field_spec(document, key)
    before = field_snapshot(field)
    location = _captured_location(document, page, bbox)
    if field.field_type == FieldType.TABLE or spec.get("type") == FieldType.TABLE:
        old_value, new_value = _cell_correct(
            field=field, spec=spec, row=row, column=column, value=value, location=location
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
        field.text = "" if new_value is None else str(new_value)  # cleared: no stale reading
        if location is not None:
            field.page, field.bbox = location
        _mark_reviewed(field)
    field.save(
        update_fields=[
            "value",
            "text",
            "page",
            "bbox",
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
        before=before,
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
    page: int | None = None,
    bbox: list[float] | None = None,
) -> DocumentField:
    """The review page's one decision: `action` "approve" approves the field, "reset" puts
    back the machine's value, any other corrects it (or one table cell, with row and column)
    to `value`, captured at `page`/`bbox` when given."""
    if action == "approve":
        return field_approve(document=document, key=key, actor=actor)
    if action == "reset":
        return field_reset(document=document, key=key, actor=actor)
    return field_correct(
        document=document,
        key=key,
        value=value,
        actor=actor,
        row=row,
        column=column,
        page=page,
        bbox=bbox,
    )


def _cell_correct(
    *,
    field: DocumentField,
    spec: dict[str, Any],
    row: int | None,
    column: str | None,
    value: Any,
    location: tuple[int, list[float]] | None = None,
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
    if location is not None:
        cell["page"], cell["bbox"] = location
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
    document = _document_in_review(document, actor)
    approved = []
    for field in DocumentField.objects.filter(document=document, reviewed=False):
        approved.append(field_approve(document=document, key=field.key, actor=actor))
    return approved


@transaction.atomic
def document_approve(*, document: Document, actor: Actor) -> Document:
    """Release the document; the job completes once none of its documents is held."""
    _held_job_lock(document)
    document = _document_in_review(document, actor)
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
    claims.claim_end(document=document)
    if job is not None and job.status == ExtractionJob.Status.COMPLETED:
        review_completed_publish(job=job, actor=actor, outcome=ReviewOutcome.APPROVED)
    cases_review_settle(cases=[document.case], actor=actor)
    # The reviewed values teach layout memory and become verdicts, once the approval stands.
    document_pk = document.pk
    transaction.on_commit(lambda: learning.document_learn_on_commit(document_id=document_pk))
    document.refresh_from_db()
    return document


@transaction.atomic
def document_reject(*, document: Document, reason: str, actor: Actor) -> Document:
    """Fail the document's job with REVIEW_REJECTED and the reviewer's reason; once no
    document of the case is held, the case moves to its case type's `rejected` stage."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationFailed.for_field("reason", "say why the document is rejected.")
    job = _held_job_lock(document)
    document = _document_in_review(document, actor)
    _decide(
        document=document,
        action=ReviewDecision.Action.DOCUMENT_REJECT,
        actor=actor,
        reason=reason,
        verb=AuditEvent.Verb.DOCUMENT_REJECTED,
    )
    claims.claim_end(document=document)
    if job is not None:
        job = job_fail(
            job=job, code=REJECTED_CODE, message=reason, actor=actor, message_from_person=True
        )
        review_completed_publish(job=job, actor=actor, outcome=ReviewOutcome.REJECTED)
    cases_review_settle(cases=[document.case], actor=actor)
    document.refresh_from_db()
    return document


def case_reassign(
    *,
    case: Case,
    actor: Actor,
    stage_id: str,
    assignee_id: str,
    past_review_confirmed: bool = False,
) -> dict[str, dict[str, Any]]:
    """Move a case to one of its case type's stages (by public id) and assign it to a member of
    its workspace (by public id; empty: nobody), through `cases.services.case_update`.

    Returns what changed (empty when nothing did). An unknown stage raises `ValidationFailed`,
    a user outside the workspace `NotFound`. Moving the case past its review stage while one
    of its documents is still held raises `Conflict` (`HELD_FOR_REVIEW`, naming them) unless
    `past_review_confirmed`: the reviewer is warned before a case skips its review.
    """
    stage = next((s for s in case.case_type.stages.all() if s.public_id == stage_id), None)
    if stage is None:
        raise ValidationFailed(
            f"stage_id: no stage {stage_id} for this case type.",
            details={"fields": {"stage_id": ["Unknown stage for this case type."]}},
        )
    held = _held_past_review(case=case, stage=stage)
    if held and not past_review_confirmed:
        names = ", ".join(document.filename for document in held[:3])
        more = f" and {len(held) - 3} more" if len(held) > 3 else ""
        raise Conflict(
            f"{len(held)} document{'s' if len(held) > 1 else ''} of this case "
            f"{'are' if len(held) > 1 else 'is'} still held for review ({names}{more}); "
            f"moving the case to {stage.name} skips that review.",
            code="HELD_FOR_REVIEW",
            details={"documents": [document.public_id for document in held]},
        )
    assignee = (
        user_get_in_workspace(workspace=case.workspace, public_id=assignee_id)
        if assignee_id
        else None
    )
    _, changes = case_update(case=case, actor=actor, stage=stage, assigned_to=assignee)
    return changes


def _held_past_review(*, case: Case, stage: Stage) -> list[Document]:
    """The case's documents held for review when `stage` lies after the review stage."""
    review = case.case_type.stage_with_role(Stage.SystemRole.REVIEW)
    if review is None or stage.position <= review.position:
        return []
    return list(
        case.documents.filter(status=Document.Status.REVIEW_REQUIRED).order_by("created_at", "id")
    )


# --- Capture, undo, reset, table rows, postpone ------------------------------------------------

SNAPSHOT_FIELDS = (
    "value",
    "text",
    "confidence",
    "page",
    "bbox",
    "rows",
    "flags",
    "flagged",
    "reviewed",
)


def field_snapshot(field: DocumentField) -> dict[str, Any]:
    """What a decision may change on a field, to restore it on undo or reset."""
    snapshot = {name: copy.deepcopy(getattr(field, name)) for name in SNAPSHOT_FIELDS}
    snapshot["reviewed_at"] = field.reviewed_at.isoformat() if field.reviewed_at else None
    return snapshot


def _snapshot_restore(field: DocumentField, snapshot: dict[str, Any]) -> None:
    for name in SNAPSHOT_FIELDS:
        if name in snapshot:
            setattr(field, name, copy.deepcopy(snapshot[name]))
    field.reviewed_at = timezone.now() if field.reviewed else None
    field.save(update_fields=[*SNAPSHOT_FIELDS, "reviewed_at"])


def _captured_location(
    document: Document, page: int | None, bbox: list[float] | None
) -> tuple[int, list[float]] | None:
    """`(page, bbox)` of a value captured on the page image, checked against the page's size."""
    if page is None and bbox is None:
        return None
    if page is None or bbox is None:
        raise ValidationFailed("bbox: a captured value needs both page and bbox.")
    found = document.pages.filter(number=page).first()
    if found is None:
        raise ValidationFailed(f"page: document {document.public_id} has no page {page}.")
    if len(bbox) != 4:
        raise ValidationFailed("bbox: four numbers, [x0, y0, x1, y1].")
    x0, y0, x1, y1 = (float(v) for v in bbox)
    if not (0 <= x0 < x1 <= found.width + 0.5 and 0 <= y0 < y1 <= found.height + 0.5):
        raise ValidationFailed("bbox: the box must lie on the page, x0 < x1 and y0 < y1.")
    return page, [round(x0, 2), round(y0, 2), round(x1, 2), round(y1, 2)]


@transaction.atomic
def field_reset(*, document: Document, key: str, actor: Actor) -> DocumentField:
    """Put back the field as the machine read it (value, box, cells, flags), held again if the
    gate held it. Recorded as a decision, so it can itself be undone."""
    document = _document_in_review(document, actor)
    field = _field(document, key)
    first = (
        ReviewDecision.objects.filter(document=document, field_key=key, before__isnull=False)
        .order_by("created_at", "id")
        .first()
    )
    if first is None or first.before is None:
        return field
    before = field_snapshot(field)
    _snapshot_restore(field, first.before)
    if key in SUBTOTAL_KEYS:
        _tables_recheck(document=document)
    _decide(
        document=document,
        before=before,
        action=ReviewDecision.Action.FIELD_RESET,
        actor=actor,
        field_key=key,
        old_value=before["value"],
        new_value=field.value,
        verb=AuditEvent.Verb.FIELD_CORRECTED,
    )
    return field


@transaction.atomic
def decision_undo(
    *, document: Document, actor: Actor, key: str | None = None
) -> DocumentField | None:
    """Undo the actor's last field decision on the document not yet undone: the field returns
    to how it stood before it. None when there is nothing to undo; 409 `DECISION_OVERTAKEN`
    when anyone decided on that field since, whose decision the undo would wipe (for a table,
    a decision on any of its cells or rows: the field is restored whole, rows included);
    409 `UNDO_FIELD_MISMATCH` when `key` is given and that decision is on another field."""
    document = _document_in_review(document, actor)
    last = (
        ReviewDecision.objects.filter(
            document=document,
            before__isnull=False,
            undone=False,
            actor_user=actor.user,
            actor_api_key=actor.api_key,
        )
        .exclude(action=ReviewDecision.Action.DECISION_UNDO)
        .order_by("-created_at", "-id")
        .first()
    )
    if last is None or last.before is None:
        return None
    if key is not None and last.field_key != key:
        raise Conflict(
            f"Your last decision not yet undone is on {last.field_key}, not {key}; nothing "
            "was undone.",
            code="UNDO_FIELD_MISMATCH",
        )
    overtaken = (
        ReviewDecision.objects.filter(document=document, field_key=last.field_key, undone=False)
        .filter(Q(created_at__gt=last.created_at) | Q(created_at=last.created_at, pk__gt=last.pk))
        .exclude(action=ReviewDecision.Action.DECISION_UNDO)
    )
    if overtaken.exists():
        # Someone decided on the same field since: restoring our "before" would wipe that.
        raise Conflict(
            f"{last.field_key} was decided again after your decision; undo theirs first or "
            "decide it anew.",
            code="DECISION_OVERTAKEN",
        )
    field = _field(document, last.field_key)
    before = field_snapshot(field)
    _snapshot_restore(field, last.before)
    if last.field_key in SUBTOTAL_KEYS:
        _tables_recheck(document=document)
    last.undone = True
    last.save(update_fields=["undone"])
    _decide(
        document=document,
        action=ReviewDecision.Action.DECISION_UNDO,
        actor=actor,
        field_key=last.field_key,
        row=last.row,
        column=last.column,
        old_value=before["value"],
        new_value=field.value,
        reason=f"{UNDO_REASON_PREFIX}{last.get_action_display().lower()}",
        verb=AuditEvent.Verb.FIELD_CORRECTED,
    )
    return field


ROW_OPERATIONS = ("add", "delete", "move")


@transaction.atomic
def table_row_change(
    *,
    document: Document,
    key: str,
    operation: str,
    row: int,
    actor: Actor,
    to: int | None = None,
) -> DocumentField:
    """Add an empty row after `row` (-1: at the top), delete `row`, or move `row` to `to`.

    The table's checks run again on the rows as they now stand; the table counts as reviewed
    once they pass.
    """
    document = _document_in_review(document, actor)
    field = _field(document, key)
    spec = _field_spec(document, key)
    if field.field_type != FieldType.TABLE and spec.get("type") != FieldType.TABLE:
        raise ValidationFailed(f"{key}: only a table has rows.")
    if operation not in ROW_OPERATIONS:
        raise ValidationFailed(f"operation: one of {', '.join(ROW_OPERATIONS)}.")
    before = field_snapshot(field)
    rows = copy.deepcopy(field.rows)
    last = len(rows) - 1
    if operation == "add":
        if not -1 <= row <= last:
            raise ValidationFailed(f"row: {key} has rows 0 to {last}; -1 adds at the top.")
        columns = [str(c["key"]) for c in spec.get("columns") or []]
        empty = {
            column: {"value": None, "text": "", "confidence": 100, "reviewed": True}
            for column in columns
        }
        rows.insert(row + 1, empty)
        action = ReviewDecision.Action.ROW_ADD
    else:
        if not 0 <= row <= last:
            raise ValidationFailed(f"row: {key} has rows 0 to {last}.")
        if operation == "delete":
            rows.pop(row)
            action = ReviewDecision.Action.ROW_DELETE
        else:
            if to is None or not 0 <= to <= last:
                raise ValidationFailed(f"to: {key} has rows 0 to {last}.")
            rows.insert(to, rows.pop(row))
            action = ReviewDecision.Action.ROW_MOVE
    field.rows = rows
    _table_recheck(document=document, field=field, spec=spec)
    if not any(flag.startswith(GateFlag.TABLE_CHECK_FAILED) for flag in field.flags):
        _mark_reviewed(field)
    field.save(update_fields=["rows", "flags", "flagged", "reviewed", "reviewed_at", "confidence"])
    _decide(
        document=document,
        before=before,
        action=action,
        actor=actor,
        field_key=key,
        row=row if row >= 0 else None,
        new_value={"to": to} if operation == "move" else None,
        verb=AuditEvent.Verb.FIELD_CORRECTED,
    )
    return field


@transaction.atomic
def document_postpone(*, document: Document, actor: Actor) -> Document:
    """Send the document to the end of the review queue, undecided, and release the claim."""
    document = _document_in_review(document, actor)
    # Recorded as a decision (the queue orders by it) but not audited: nothing changed.
    ReviewDecision.objects.create(
        workspace_id=document.workspace_id,
        document=document,
        action=ReviewDecision.Action.DOCUMENT_POSTPONE,
        **actor.audit_fields(),
    )
    if actor.user is not None:
        claims.claim_release(document=document, user=actor.user)
    return document
