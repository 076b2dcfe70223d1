"""The pipeline charges page credits: once per job (a job run again is not charged again),
refusing before the engine when nothing is left and failing the job, with nothing stored, when
its pages would take the workspace past the limit."""

from __future__ import annotations

import pytest

from cases.credits import credits_summary
from cases.models import CreditCharge, Document
from extraction.models import ExtractionJob
from extraction.pipeline import extraction_job_run
from tests.documents import INVOICE_LINES, pdf_with_lines
from tests.factories import uploaded_document


@pytest.fixture(autouse=True)
def _engine_in_process(settings):
    settings.EXTRACTION_ISOLATION = False


def test_a_processed_job_charges_each_page_once(tenant):
    _, job = uploaded_document(tenant.case_type, content=pdf_with_lines([INVOICE_LINES] * 2))
    extraction_job_run(job_id=str(job.pk))
    (charge,) = CreditCharge.objects.filter(workspace=tenant.workspace)
    assert (charge.reference, charge.pages) == (f"extraction-job:{job.pk}", 2)
    assert credits_summary(workspace=tenant.workspace).used == 2


def test_a_job_run_again_is_not_charged_again(tenant):
    _, job = uploaded_document(tenant.case_type)
    extraction_job_run(job_id=str(job.pk))
    # A redelivered or re-queued run of the same job (as recovery does after a lost lease).
    ExtractionJob.objects.filter(pk=job.pk).update(status=ExtractionJob.Status.QUEUED)
    Document.objects.filter(jobs=job).update(status=Document.Status.QUEUED)
    extraction_job_run(job_id=str(job.pk))
    job.refresh_from_db()
    assert job.attempts == 2
    assert CreditCharge.objects.filter(workspace=tenant.workspace).count() == 1
    assert credits_summary(workspace=tenant.workspace).used == 1


def test_no_credit_left_fails_the_job_before_the_engine_runs(tenant, monkeypatch):
    _, job = uploaded_document(tenant.case_type)
    tenant.workspace.credits_limit = 0
    tenant.workspace.save()

    def engine_must_not_run(*args, **kwargs):
        raise AssertionError("the engine ran")

    monkeypatch.setattr("extraction.pipeline._engine_run", engine_must_not_run)
    extraction_job_run(job_id=str(job.pk))
    job.refresh_from_db()
    assert job.status == ExtractionJob.Status.FAILED
    assert job.error_code == "INSUFFICIENT_CREDITS"


def test_pages_past_the_limit_fail_the_job_and_store_nothing(tenant):
    document, job = uploaded_document(tenant.case_type, content=pdf_with_lines([INVOICE_LINES] * 3))
    tenant.workspace.credits_limit = 2
    tenant.workspace.save()
    extraction_job_run(job_id=str(job.pk))
    job.refresh_from_db()
    document.refresh_from_db()
    assert job.status == ExtractionJob.Status.FAILED
    assert job.error_code == "INSUFFICIENT_CREDITS"
    assert document.status == Document.Status.FAILED
    assert not document.fields.exists()
    assert not document.pages.exists()
    assert credits_summary(workspace=tenant.workspace).used == 0
