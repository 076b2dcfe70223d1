"""`extraction.one_call`: the workflow a review names, and waiting for a job to settle within
the deadline of `mode=response` (what its end means for the caller)."""

from __future__ import annotations

import pytest

from cases.errors import DomainError, NotFound
from extraction import one_call, polling
from extraction.engine.types import EngineErrorCode
from extraction.models import ExtractionJob
from tests.factories import processed_job, uploaded_document


def test_workflow_get_finds_the_workspaces_case_type(tenant):
    found = one_call.workflow_get(
        workspace=tenant.workspace, workflow_id=tenant.case_type.public_id
    )
    assert found == tenant.case_type


def test_another_workspaces_workflow_is_404_workflow_not_found(tenant, outsider):
    with pytest.raises(NotFound) as raised:
        one_call.workflow_get(workspace=tenant.workspace, workflow_id=outsider.case_type.public_id)
    assert raised.value.code == "WORKFLOW_NOT_FOUND"


def test_a_completed_job_is_returned_read_again(tenant):
    job = processed_job(tenant.case_type)
    stale = ExtractionJob.objects.get(pk=job.pk)
    stale.status = ExtractionJob.Status.PROCESSING  # as the view last saw it
    settled = one_call.job_settled_wait(job=stale)
    assert settled.status == ExtractionJob.Status.COMPLETED
    assert settled.case_type == tenant.case_type


def test_a_job_held_for_review_is_returned(tenant):
    job = processed_job(tenant.case_type, options={"documentReview": 99})
    assert one_call.job_settled_wait(job=job).status == ExtractionJob.Status.REVIEW_REQUIRED


def test_a_job_still_queued_at_the_deadline_is_504_timeout_naming_its_status_url(
    tenant, settings, monkeypatch
):
    settings.EXTRACT_RESPONSE_DEADLINE_SECONDS = 0.2
    monkeypatch.setattr(polling, "RECHECK_SECONDS", 0.05)
    _, job = uploaded_document(tenant.case_type)
    with pytest.raises(DomainError, match=r"longer than 0\.2 s; the job goes on") as raised:
        one_call.job_settled_wait(job=job)
    error = raised.value
    assert (error.code, error.status_code) == ("TIMEOUT", 504)
    assert error.details["statusUrl"] == f"/api/v1/extraction-jobs/{job.pk}"
    job.refresh_from_db()
    assert job.status == ExtractionJob.Status.QUEUED


def failed(job: ExtractionJob, code: str, message: str) -> ExtractionJob:
    ExtractionJob.objects.filter(pk=job.pk).update(
        status=ExtractionJob.Status.FAILED, error_code=code, error_message=message
    )
    return job


@pytest.mark.parametrize(
    ("code", "status", "message"),
    [
        (EngineErrorCode.PASSWORD_REQUIRED, 400, "The PDF is encrypted."),
        (EngineErrorCode.CORRUPT_FILE, 500, "Document processing failed: The PDF is encrypted."),
        ("", 500, "Document processing failed: The PDF is encrypted."),
    ],
)
def test_a_failed_job_is_400_when_the_request_caused_it_else_500(tenant, code, status, message):
    _, job = uploaded_document(tenant.case_type)
    failed(job, code, "The PDF is encrypted.")
    with pytest.raises(DomainError) as raised:
        one_call.job_settled_wait(job=job)
    error = raised.value
    assert (error.code, error.status_code, error.message) == (
        code or "PROCESSING_ERROR",
        status,
        message,
    )
    assert error.details == {"job_id": str(job.pk)}
