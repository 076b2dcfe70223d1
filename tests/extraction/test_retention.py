"""Expired results and files are deleted by the sweep; the API then answers 410."""

from __future__ import annotations

import os
from datetime import timedelta

from django.utils import timezone

from extraction.learning.models import DocumentLayout
from extraction.models import DocumentField, ExtractionJob, IdempotencyRecord
from extraction.retention import extraction_results_expire
from tests.factories import processed_document, processed_job


def test_sweep_deletes_expired_results_fields_and_files(tenant, run_on_commit):
    job = processed_job(tenant.case_type, idempotency_key="k")
    assert job.status == ExtractionJob.Status.COMPLETED
    assert DocumentField.objects.filter(document__jobs=job).exists()
    assert DocumentLayout.objects.filter(document__jobs=job).exists()
    blob_path = job.source_file.blob.path
    later = timezone.now() + timedelta(days=30)
    outcome = run_on_commit(extraction_results_expire, now=later)
    assert outcome == {"results": 1, "idempotency_keys": 1}
    job.refresh_from_db()
    assert job.result is None
    assert job.result_purged_at == later
    assert not DocumentField.objects.filter(document__jobs=job).exists()
    assert not DocumentLayout.objects.filter(document__jobs=job).exists()  # its words went too
    document = job.documents.get()
    assert document.metadata["result_expired_at"]
    detail = tenant.client.get(
        f"/api/v1/casetypes/{tenant.case_type.public_id}/cases/{document.case.public_id}"
    ).json()["data"]
    assert detail["documents"][0]["result_expired_at"]
    assert not IdempotencyRecord.objects.exists()
    assert not os.path.exists(blob_path)
    response = tenant.client.get(f"/api/v1/extraction-jobs/{job.pk}/result")
    assert response.status_code == 410
    status = tenant.client.get(f"/api/v1/extraction-jobs/{job.pk}").json()["job"]
    assert status["resultAvailable"] is False


def test_sweep_leaves_results_within_retention(tenant):
    job = processed_job(tenant.case_type)
    assert job.result is not None
    assert extraction_results_expire(now=timezone.now() + timedelta(hours=1))["results"] == 0
    job.refresh_from_db()
    assert job.result is not None


def test_sweep_keeps_documents_uploaded_into_cases(tenant):
    document = processed_document(tenant.case_type)
    assert document.fields.exists()
    extraction_results_expire(now=timezone.now() + timedelta(days=30))
    assert document.fields.exists()
    assert document.file.blob.storage.exists(document.file.blob.name)


def test_a_result_past_its_retention_is_unavailable_before_the_sweep_runs(tenant):
    """The status and the result endpoint agree from the moment the period ends."""
    job = processed_job(tenant.case_type)
    status_url = f"/api/v1/extraction-jobs/{job.pk}"
    assert tenant.client.get(status_url).json()["job"]["resultAvailable"] is True
    ExtractionJob.objects.filter(pk=job.pk).update(
        result_expires_at=timezone.now() - timedelta(seconds=1)
    )
    assert tenant.client.get(status_url).json()["job"]["resultAvailable"] is False
    assert tenant.client.get(f"{status_url}/result").status_code == 410
    assert ExtractionJob.objects.get(pk=job.pk).result is not None  # not swept yet
