"""Conversion services beyond the API: credits by page, progress, recovery of lost workers."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from cases import credits, files
from cases.actors import Actor
from cases.credits import InsufficientCredits
from cases.errors import DomainError
from cases.models import CreditCharge, StoredFile
from extraction.conversion import services
from extraction.conversion.models import ConversionJob
from tests.documents import pdf_with_lines


def _source(tenant, pages: int = 1):
    pdf = pdf_with_lines([[f"Page {n}"] for n in range(pages)])
    return files.file_create(
        workspace=tenant.workspace, filename="in.pdf", content=pdf, retention_hours=1
    )


def _create(tenant, source, engine="text"):
    return services.conversion_job_create(
        workspace=tenant.workspace,
        actor=Actor(),
        engine=engine,
        file_id=source.public_id,
        output_format=None,
    )


def test_a_completed_job_charges_its_pages_once(tenant, run_on_commit):
    job = run_on_commit(_create, tenant, _source(tenant, pages=3))
    job.refresh_from_db()
    assert job.status == ConversionJob.Status.COMPLETED
    charge = CreditCharge.objects.get(workspace=tenant.workspace)
    assert charge.pages == 3
    assert charge.reference == f"conversion-job:{job.pk}"
    assert credits.credits_summary(workspace=tenant.workspace).used == 3


def test_a_job_over_the_credit_limit_is_refused_with_402_before_any_work(tenant):
    tenant.workspace.credits_limit = 2
    tenant.workspace.save()
    with pytest.raises(InsufficientCredits) as caught:
        _create(tenant, _source(tenant, pages=3))
    assert caught.value.status_code == 402
    assert not ConversionJob.objects.exists()


def test_a_job_that_outran_the_credits_while_queued_fails_with_insufficient_credits(
    tenant, django_capture_on_commit_callbacks
):
    source = _source(tenant, pages=2)
    with django_capture_on_commit_callbacks(execute=False):
        job = _create(tenant, source)
    tenant.workspace.credits_limit = 1
    tenant.workspace.save()
    services.conversion_job_run(job_id=str(job.pk))
    job.refresh_from_db()
    assert job.status == ConversionJob.Status.FAILED
    assert job.error_code == "INSUFFICIENT_CREDITS"
    assert job.output_file is None


def test_progress_only_moves_forward_while_the_attempt_holds_the_job(tenant):
    job = ConversionJob.objects.create(
        workspace=tenant.workspace,
        source_file=_source(tenant),
        engine="text",
        output_format="md",
        status=ConversionJob.Status.PROCESSING,
        attempts=1,
    )
    services.job_progress_set(job=job, percent=40)
    services.job_progress_set(job=job, percent=20)
    job.refresh_from_db()
    assert job.progress == 40
    job.attempts = 2  # a stale attempt
    services.job_progress_set(job=job, percent=90)
    job.refresh_from_db()
    assert job.progress == 40


def test_running_a_job_twice_converts_it_once(tenant, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        job = _create(tenant, _source(tenant))
    assert services.conversion_job_run(job_id=str(job.pk)) is not None
    assert services.conversion_job_run(job_id=str(job.pk)) is None


def _stuck(tenant, attempts: int) -> ConversionJob:
    return ConversionJob.objects.create(
        workspace=tenant.workspace,
        source_file=_source(tenant),
        engine="text",
        output_format="txt",
        status=ConversionJob.Status.PROCESSING,
        attempts=attempts,
        max_attempts=3,
        lease_expires_at=timezone.now() - timedelta(seconds=1),
    )


def test_recovery_requeues_a_lost_job_with_attempts_left_and_runs_it(tenant, run_on_commit):
    job = _stuck(tenant, attempts=1)
    counts = run_on_commit(services.conversion_jobs_recover)
    assert counts["requeued"] == 1
    job.refresh_from_db()
    assert job.status == ConversionJob.Status.COMPLETED
    assert job.attempts == 2


def test_recovery_fails_a_lost_job_without_attempts_left_with_worker_lost(tenant):
    job = _stuck(tenant, attempts=3)
    assert services.conversion_jobs_recover()["failed"] == 1
    job.refresh_from_db()
    assert job.status == ConversionJob.Status.FAILED
    assert job.error_code == "WORKER_LOST"


def test_recovery_leaves_a_job_with_a_live_lease_alone(tenant):
    job = _stuck(tenant, attempts=1)
    job.lease_expires_at = timezone.now() + timedelta(minutes=5)
    job.save()
    assert services.conversion_jobs_recover() == {"requeued": 0, "failed": 0, "reenqueued": 0}


def test_recovery_enqueues_again_a_job_whose_queue_message_was_lost(tenant, monkeypatch):
    job = ConversionJob.objects.create(
        workspace=tenant.workspace, source_file=_source(tenant), engine="text", output_format="md"
    )
    ConversionJob.objects.filter(pk=job.pk).update(updated_at=timezone.now() - timedelta(hours=1))
    enqueued: list[str] = []
    monkeypatch.setattr(services, "job_enqueue", lambda *, job_id: enqueued.append(job_id))
    assert services.conversion_jobs_recover()["reenqueued"] == 1
    assert enqueued == [str(job.pk)]


def test_upload_and_convert_refuses_a_non_pdf_naming_file_and_stores_nothing(tenant):
    with pytest.raises(DomainError) as caught:
        services.conversion_job_create_from_upload(
            workspace=tenant.workspace,
            actor=Actor(),
            engine="text",
            output_format="md",
            filename="notes.pdf",
            content=b"not a pdf at all",
        )
    assert caught.value.status_code == 415
    assert caught.value.details["fields"] == {"file": ["Not a PDF."]}
    assert not ConversionJob.objects.exists()
    assert not StoredFile.objects.exists()


def test_a_running_job_stores_its_progress_page_by_page(
    tenant, monkeypatch, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        job = _create(tenant, _source(tenant, pages=4))
    seen: list[int] = []
    store = services.job_progress_set

    def recording(*, job, percent):
        seen.append(percent)
        store(job=job, percent=percent)

    monkeypatch.setattr(services, "job_progress_set", recording)
    services.conversion_job_run(job_id=str(job.pk))
    assert seen == sorted(seen)
    assert len(set(seen)) == 4  # one step per page, through the isolation pipe
    job.refresh_from_db()
    assert job.progress == 100
