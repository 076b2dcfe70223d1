"""Data migrations of the extraction app, run on state built as it stood before them."""

import importlib

from django.apps import apps

from extraction.models import ExtractionJob
from tests.factories import classified_job, engine_result, processed_job

review_reasons_migration = importlib.import_module("extraction.migrations.0010_job_review_reasons")


def test_jobs_held_before_review_reasons_existed_get_theirs(tenant, invoice_type):
    held = classified_job(
        invoice_type,
        classification_confidence=10,
        result=engine_result(invoice_type, confidence=10, classification_confidence=10),
    )
    released = processed_job(invoice_type, engine_result(invoice_type, confidence=100))
    ExtractionJob.objects.update(review_reasons=[])

    review_reasons_migration.held_jobs_reasons_fill(apps, None)

    held.refresh_from_db()
    released.refresh_from_db()
    assert held.review_reasons == ["fields_flagged", "case_type_uncertain"]
    assert released.status == ExtractionJob.Status.COMPLETED
    assert released.review_reasons == []
