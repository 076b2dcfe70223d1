"""Seed 000's extract and review in one call (`POST /extract`, `POST /review`): the workflow a
review names, and waiting within the deadline for the job the call created to settle.

`extraction.api.ExtractApi` and `ReviewApi` call these after `extraction.submission.job_submit`;
the views only turn the settled job into the seed's answer. Nothing here writes: whatever the
caller is told, the job goes on in the worker.
"""

from __future__ import annotations

from django.conf import settings

from cases.errors import DomainError, NotFound
from cases.models import CaseType, Workspace
from cases.selectors import case_type_get
from extraction.engine.types import EngineErrorCode
from extraction.models import ExtractionJob
from extraction.polling import wait_until_settled
from extraction.serializers import job_urls

REQUEST_ERROR_CODES = frozenset(
    {
        EngineErrorCode.PASSWORD_REQUIRED,
        EngineErrorCode.INVALID_PASSWORD,
        EngineErrorCode.TOO_MANY_PAGES,
        EngineErrorCode.IMAGE_TOO_LARGE,
    }
)
"""Failures the request itself caused: `mode=response` answers them 400, not 500 (seed 000)."""


def workflow_get(*, workspace: Workspace, workflow_id: str) -> CaseType:
    """The case type a review names as its workflow; 404 `WORKFLOW_NOT_FOUND` for one that
    does not exist or belongs to another workspace."""
    try:
        return case_type_get(workspace=workspace, public_id=workflow_id)
    except NotFound:
        raise NotFound(
            "The workflow does not exist or does not belong to you.", code="WORKFLOW_NOT_FOUND"
        ) from None


def job_settled_wait(*, job: ExtractionJob) -> ExtractionJob:
    """Wait up to `EXTRACT_RESPONSE_DEADLINE_SECONDS` for the job to complete, fail or be held
    for review; return it read again: completed or review required.

    Errors: 504 `TIMEOUT` when the deadline passed first (the job goes on; the details name its
    status URL); a failed job's own code, 400 when the request caused it (`REQUEST_ERROR_CODES`:
    a password, too many pages...) else 500 (`PROCESSING_ERROR` when it has no code)."""
    seconds = settings.EXTRACT_RESPONSE_DEADLINE_SECONDS
    settled = wait_until_settled(job_id=str(job.pk), seconds=seconds)
    job = ExtractionJob.objects.select_related("case", "case_type").get(pk=job.pk)
    if not settled:
        raise DomainError(
            f"Processing took longer than {seconds} s; the job goes on: poll its statusUrl or "
            "wait for the webhook.",
            code="TIMEOUT",
            status_code=504,
            details={"job_id": str(job.pk), **job_urls(job)},
        )
    if job.status == ExtractionJob.Status.FAILED:
        caused_by_request = job.error_code in REQUEST_ERROR_CODES
        raise DomainError(
            job.error_message
            if caused_by_request
            else f"Document processing failed: {job.error_message}",
            code=job.error_code or "PROCESSING_ERROR",
            status_code=400 if caused_by_request else 500,
            details={"job_id": str(job.pk)},
        )
    return job
