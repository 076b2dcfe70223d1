"""Seed 000's review against a workflow: the case type's validation rules as checks.

For a new file the pipeline runs the rules (see `pipeline._document_store_result`); for a
`document_id` of the same workflow they are run here on the released document's values
(reviewed ones included), without storing them.
Both answer in one shape: `checks` (`rule`, `passed`, `message`, `fields`) and `fields`.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from cases.actors import Actor
from cases.errors import Conflict, NotFound
from cases.models import CaseType, Document, Workspace
from cases.rules import rules_check
from extraction.events import ReviewOutcome, review_completed_data
from extraction.models import DocumentField, ExtractionJob
from extraction.results import field_result, field_value
from webhooks.services import EventType, event_publish


def document_values(document: Document) -> dict[str, Any]:
    """Field values as the rules see them: tables as lists of plain row dicts."""
    return {
        field.key: field_value(field) for field in DocumentField.objects.filter(document=document)
    }


def document_rule_checks(*, case_type: CaseType, document: Document) -> list[dict[str, Any]]:
    """The case type's validation rules run on the document's stored values, as JSON checks
    (`rule`, `passed`, `message`, `fields`)."""
    return [
        check.as_json()
        for check in rules_check(case_type.validation_rules, document_values(document))
    ]


@transaction.atomic
def document_checks_run(
    *, workspace: Workspace, case_type: CaseType, document_id: str, actor: Actor
) -> tuple[Document, list[dict[str, Any]]]:
    """Run the workflow's rules on a released document of that workflow; announce
    `review.completed`. A document still held (or failed) gives no values away: the same
    409s as the job's result."""
    document = (
        Document.objects.select_related("case")
        .filter(workspace=workspace, public_id=document_id, case__case_type=case_type)
        .first()
    )
    if document is None:
        raise NotFound(f"No document {document_id} in this workflow.", code="DOCUMENT_NOT_FOUND")
    if document.status == Document.Status.REVIEW_REQUIRED:
        raise Conflict("The document is awaiting manual review.", code="REVIEW_REQUIRED")
    if document.status == Document.Status.FAILED:
        raise Conflict(
            f"The document's extraction failed ({document.error_code}).", code="JOB_FAILED"
        )
    if document.status != Document.Status.PROCESSED:
        raise Conflict("The document has not been extracted yet.", code="RESULT_NOT_READY")
    checks = document_rule_checks(case_type=case_type, document=document)
    passed = all(check["passed"] for check in checks)
    event_publish(
        workspace=workspace,
        event_type=EventType.REVIEW_COMPLETED,
        data=review_completed_data(
            document=document,
            case_type=case_type,
            outcome=ReviewOutcome.PASSED if passed else ReviewOutcome.FAILED,
            reviewed_by=actor.label,
            checks=checks,
        ),
    )
    return document, checks


def review_body(
    document: Document,
    *,
    case_type: CaseType,
    job: ExtractionJob | None = None,
    checks: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The review answer; `checks` default to those the pipeline stored for the document."""
    checks = document.metadata.get("validation", []) if checks is None else checks
    body: dict[str, Any] = {
        "success": True,
        "workflow_id": case_type.public_id,
        "document_id": document.public_id,
        "status": document.status,
        "passed": all(check["passed"] for check in checks),
        "checks": checks,
        "fields": {field.key: field_result(field) for field in document.fields.all()},
    }
    if job is not None:
        body["job_id"] = str(job.pk)
    return body
