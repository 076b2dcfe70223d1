"""The result document of a job (SPEC §5, "Result document"), built from the stored fields.

Built from the database rather than the engine's output, so a released result carries the
reviewed values, with the machine's value and confidence beside each corrected field.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils import timezone

from cases.errors import Conflict, DomainError
from cases.signed_urls import signed_url_create
from extraction.engine.types import FieldType
from extraction.models import DocumentField, ExtractionJob


def job_result_build(job: ExtractionJob) -> dict[str, Any]:
    documents = job.documents.select_related("case__case_type", "duplicate_of").prefetch_related(
        "fields", "pages"
    )
    return {
        "completionTime": job.completion_seconds,
        "originalName": job.filename,
        "processedPages": job.processed_pages,
        "documents": [
            _document_result(index, document, job)
            for index, document in enumerate(documents.order_by("created_at", "id"))
        ],
    }


def job_result_available(job: ExtractionJob) -> None:
    """Raise the seed's answer when `job` has no result to give: 409 `REVIEW_REQUIRED`,
    `JOB_FAILED` (with the job's error) or `RESULT_NOT_READY`, 410 `RESULT_EXPIRED` once the
    result passed its retention period or was purged."""
    Status = ExtractionJob.Status
    if job.status == Status.REVIEW_REQUIRED:
        raise Conflict(
            "The job is awaiting manual review; its result is released once a reviewer "
            "approves it.",
            code="REVIEW_REQUIRED",
        )
    if job.status == Status.FAILED:
        raise Conflict(
            f"The job failed ({job.error_code}): {job.error_message}",
            code="JOB_FAILED",
            details={"error": {"code": job.error_code, "message": job.error_message}},
        )
    if job.status != Status.COMPLETED:
        raise Conflict("The job's result is not ready yet.", code="RESULT_NOT_READY")
    if not job_result_kept(job):
        raise DomainError(
            "The job completed, but its stored result is no longer available.",
            code="RESULT_EXPIRED",
            status_code=410,
        )


def job_result_kept(job: ExtractionJob) -> bool:
    """True while a job's stored result can be fetched: it is stored (the retention sweep
    clears it when it purges) and its retention period (`result_expires_at`) has not passed,
    even if the sweep has not run yet. The status's `resultAvailable` and the result
    endpoint's 410 both ask."""
    if job.result is None:
        return False
    return job.result_expires_at is None or job.result_expires_at > timezone.now()


def _document_result(index: int, document: Any, job: ExtractionJob) -> dict[str, Any]:
    return document_result_build(document, index=index, options=job.options)


def document_result_build(
    document: Any, *, index: int = 0, options: dict[str, Any] | None = None
) -> dict[str, Any]:
    """One entry of `data.documents[]`; `options` are the job's (`returnText`,
    `returnDocuments`). With `returnDocuments`, `documentUrl` is a signed URL of the
    document's own file (its pages only when the upload held several documents), valid as long
    as the result is kept."""
    options = options or {}
    fields = list(document.fields.all())
    result: dict[str, Any] = {
        "index": index,
        "documentId": document.public_id,
        "templateName": document.case.case_type.slug,
        "classificationConfidence": document.classification_confidence,
        "pages": [page.source_page for page in document.pages.all()],
        "fields": {field.key: field_result(field) for field in fields},
        "tables": [
            {"key": field.key, "rows": field.rows}
            for field in fields
            if field.field_type == FieldType.TABLE
        ],
        "validation": document.metadata.get("validation", []),
        "duplicateOf": document.duplicate_of.public_id if document.duplicate_of else None,
    }
    if options.get("returnText"):
        result["text"] = document.text
    if options.get("returnDocuments"):
        from extraction.artifacts import document_download_file  # artifacts build results

        stored = document_download_file(document)
        signed = signed_url_create(  # valid as long as the result is kept
            stored=stored, download=True, ttl_seconds=settings.RESULT_RETENTION_HOURS * 3600
        )
        result["fileId"] = stored.public_id
        result["documentUrl"] = signed.url
        result["documentUrlExpiresAt"] = signed.expires_at.isoformat(
            timespec="milliseconds"
        ).replace("+00:00", "Z")
    return result


def field_value(field: DocumentField) -> Any:
    """The released value: a table's rows as plain `{column: value}` dicts."""
    if field.field_type == FieldType.TABLE:
        return [{column: cell.get("value") for column, cell in row.items()} for row in field.rows]
    return field.value


def field_result(field: DocumentField) -> dict[str, Any]:
    body: dict[str, Any] = {
        "value": field_value(field),
        "text": field.text,
        "confidence": field.confidence,
        "page": field.page,
        "bbox": field.bbox,
        "reviewed": field.reviewed,
    }
    if field.reviewed:
        body["machineValue"] = field.machine_value
        body["machineConfidence"] = field.machine_confidence
    return body
