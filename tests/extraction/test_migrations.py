"""Data migrations of the extraction app, run with the historical models of their state."""

import importlib

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from extraction.models import ExtractionJob
from tests.factories import classified_job, engine_result, processed_job

FILL = ("extraction", "0011_job_review_reasons_fill")
review_reasons_fill = importlib.import_module(f"extraction.migrations.{FILL[1]}")


def test_jobs_held_before_review_reasons_existed_get_theirs(tenant, invoice_type, settings):
    held = classified_job(
        invoice_type,
        classification_confidence=10,
        result=engine_result(invoice_type, confidence=10, classification_confidence=10),
    )
    released = processed_job(invoice_type, engine_result(invoice_type, confidence=100))
    invoice_type.qa_sample_percent = 100
    invoice_type.save(update_fields=["qa_sample_percent"])
    sampled = processed_job(invoice_type, engine_result(invoice_type, confidence=100))
    ExtractionJob.objects.update(review_reasons=[])
    settings.MIGRATION_MODULES = {}  # the suite builds its tables from the models (--no-migrations)
    historical = MigrationExecutor(connection).loader.project_state(FILL).apps

    review_reasons_fill.held_jobs_reasons_fill(historical, None)

    for job in (held, released, sampled):
        job.refresh_from_db()
    assert held.review_reasons == ["fields_flagged", "case_type_uncertain"]
    assert sampled.review_reasons == ["qa_sample"]
    assert released.status == ExtractionJob.Status.COMPLETED
    assert released.review_reasons == []
