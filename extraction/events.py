"""The payloads of the webhook events extraction announces, one builder per event type.

`extraction.services` (a job completes, fails, or a reviewer decides) and `extraction.checks`
(a workflow's rules run on a released document) publish through these, so each event has one
documented shape; the README's "What arrives" section repeats it. Builders only read: they
return the `data` object and never publish, write or enqueue.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from cases.models import CaseType, Document
from extraction.conversion.models import ConversionJob
from extraction.models import ExtractionJob


class ReviewOutcome(StrEnum):
    """`review.completed`'s `outcome`: a reviewer `approved` or `rejected` a held job; a job of
    the review API (or a workflow's checks run on a released document) `passed` or `failed`
    without a reviewer."""

    APPROVED = "approved"
    REJECTED = "rejected"
    PASSED = "passed"
    FAILED = "failed"


def extraction_completed_data(job: ExtractionJob) -> dict[str, Any]:
    """`extraction.completed`: `job_id`, `filename`, `status` (`completed` or `failed`),
    `case_id` (null without a case), `document_ids`, and `result` (the job's result JSON when
    completed, null when failed, with `error` (`code`, `message`) beside it)."""
    data: dict[str, Any] = {
        "job_id": str(job.pk),
        "filename": job.filename,
        "status": job.status,
        "case_id": job.case.public_id if job.case else None,
        "document_ids": [d.public_id for d in job.documents.all()],
    }
    data.update(_job_outcome(job))
    return data


def review_completed_data(
    *,
    outcome: ReviewOutcome,
    reviewed_by: str,
    checks: list[dict[str, Any]],
    job: ExtractionJob | None = None,
    document: Document | None = None,
    case_type: CaseType | None = None,
) -> dict[str, Any]:
    """`review.completed`, for a job (a reviewer's decision, or a review-API job through the
    gate) or for one released document whose workflow checks ran (`document`, `case_type`).

    Every payload has the same keys: `job_id` (null for a checks run on a document),
    `filename`, `workflow_id`, `case_id`, `document_id` (the document when there is exactly
    one, else null), `document_ids`, `outcome` (`ReviewOutcome`), `reviewed_by`, `status`
    (the job's: `completed` or `failed`; a checks run is on a completed document), `checks`
    (`rule`, `passed`, `message`, `fields`), `result` (the job's result JSON when `status` is
    `completed`, null for a checks run and when `failed`), and `error` (`code`, `message`)
    beside it when `failed`.
    """
    if job is not None:
        documents = list(job.documents.all())
        data: dict[str, Any] = {
            "job_id": str(job.pk),
            "filename": job.filename,
            "workflow_id": job.case_type.public_id if job.case_type else None,
            "case_id": job.case.public_id if job.case else None,
        }
        outcome_keys = _job_outcome(job)
        status: str = job.status
    else:
        assert document is not None
        assert case_type is not None
        documents = [document]
        data = {
            "job_id": None,
            "filename": document.filename,
            "workflow_id": case_type.public_id,
            "case_id": document.case.public_id,
        }
        outcome_keys = {"result": None}
        status = ExtractionJob.Status.COMPLETED
    data.update(
        {
            "document_id": documents[0].public_id if len(documents) == 1 else None,
            "document_ids": [d.public_id for d in documents],
            "outcome": outcome,
            "reviewed_by": reviewed_by,
            "status": status,
            "checks": checks,
            **outcome_keys,
        }
    )
    return data


def _job_outcome(job: ExtractionJob) -> dict[str, Any]:
    if job.status == ExtractionJob.Status.COMPLETED:
        return {"result": job.result}
    # `result` is in every body (SPEC §6: `data: {job_id, filename, result, …}`): null here.
    return {"result": None, "error": {"code": job.error_code, "message": job.error_message}}


def conversion_completed_data(job: ConversionJob) -> dict[str, Any]:
    """`conversion.completed` (a conversion job completed or failed): `job_id`, `filename` (the
    input's), `status` (`completed` or `failed`), `engine`, `output_format`, `file_id` (the
    input), `case_id` (null unless started from a case), `pages`; then `output_file_id` and
    `output_filename` when completed, or `error` (`code`, `message`) when failed."""
    data: dict[str, Any] = {
        "job_id": str(job.pk),
        "filename": job.source_file.filename,
        "status": job.status,
        "engine": job.engine,
        "output_format": job.output_format,
        "file_id": job.source_file.public_id,
        "case_id": job.case.public_id if job.case else None,
        "pages": job.pages,
    }
    if job.status == ConversionJob.Status.COMPLETED and job.output_file is not None:
        data["output_file_id"] = job.output_file.public_id
        data["output_filename"] = job.output_file.filename
    else:
        data["error"] = {"code": job.error_code, "message": job.error_message}
    return data
