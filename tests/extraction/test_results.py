"""`extraction.results`: the result document (SPEC §5) built from the stored fields."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from urllib.parse import urlparse

import pytest
from django.utils import timezone

from cases.errors import Conflict, DomainError
from extraction.models import DocumentField, ExtractionJob
from extraction.results import (
    document_result_build,
    field_result,
    field_value,
    job_result_available,
    job_result_build,
)
from tests.factories import ITEMS_VALUES, engine_result, processed_job, simple_case_type

pytestmark = pytest.mark.django_db


def _items_case_type(tenant):
    return simple_case_type(
        tenant.workspace,
        slug="items",
        review_threshold=50,
        field_schema=[
            {"key": "invoice_number", "label": "Invoice number", "type": "text"},
            {"key": "total_amount", "label": "Total", "type": "money"},
            {
                "key": "line_items",
                "label": "Line items",
                "type": "table",
                "columns": [
                    {"key": "description", "label": "Description", "type": "text"},
                    {"key": "quantity", "label": "Quantity", "type": "number"},
                    {"key": "unit_price", "label": "Unit price", "type": "money"},
                    {"key": "amount", "label": "Amount", "type": "money"},
                ],
            },
        ],
    )


def test_a_job_result_lists_its_documents_with_every_field_and_the_pages(tenant):
    case_type = _items_case_type(tenant)
    job = processed_job(case_type, engine_result(case_type, ITEMS_VALUES))

    result = job_result_build(job)

    assert result["originalName"] == "invoice.pdf"
    assert result["processedPages"] == 1
    (document,) = result["documents"]
    assert document["index"] == 0
    assert document["templateName"] == case_type.slug
    assert document["pages"] == [1]
    assert set(document["fields"]) == {"invoice_number", "total_amount", "line_items"}
    assert document["fields"]["invoice_number"]["value"] == "INV-7001"
    assert Decimal(document["fields"]["total_amount"]["value"]) == Decimal("23.80")
    assert "text" not in document
    assert "documentUrl" not in document


def test_a_tables_released_value_is_plain_rows_of_cell_values(tenant):
    case_type = _items_case_type(tenant)
    job = processed_job(case_type, engine_result(case_type, ITEMS_VALUES))
    table = DocumentField.objects.get(document__in=job.documents.all(), key="line_items")

    rows = field_value(table)

    assert [row["description"] for row in rows] == ["Screws M4", "Wall plugs"]
    assert all(not isinstance(cell, dict) for row in rows for cell in row.values())
    (document,) = job_result_build(job)["documents"]
    assert document["tables"] == [{"key": "line_items", "rows": table.rows}]


def test_a_reviewed_field_carries_the_machines_value_and_confidence_beside_its_own(tenant):
    case_type = _items_case_type(tenant)
    job = processed_job(case_type, engine_result(case_type, ITEMS_VALUES, confidence=70))
    field = DocumentField.objects.get(document__in=job.documents.all(), key="invoice_number")
    field.value, field.reviewed = "INV-7002", True
    field.save(update_fields=["value", "reviewed"])

    body = field_result(field)

    assert body["value"] == "INV-7002"
    assert body["reviewed"] is True
    assert body["machineValue"] == "INV-7001"
    assert body["machineConfidence"] == 70


def test_an_unreviewed_field_has_no_machine_value_keys(tenant):
    case_type = _items_case_type(tenant)
    job = processed_job(case_type, engine_result(case_type, ITEMS_VALUES))
    field = DocumentField.objects.get(document__in=job.documents.all(), key="invoice_number")

    assert "machineValue" not in field_result(field)


def test_return_text_adds_the_documents_text(tenant):
    case_type = _items_case_type(tenant)
    job = processed_job(
        case_type, engine_result(case_type, ITEMS_VALUES, page_text="Invoice INV-7001")
    )
    document = job.documents.get()

    assert document_result_build(document, options={"returnText": True})["text"] == (document.text)
    assert "Invoice INV-7001" in document.text


def test_return_documents_adds_a_signed_download_url_valid_while_the_result_is_kept(
    tenant, settings
):
    settings.RESULT_RETENTION_HOURS = 2
    case_type = _items_case_type(tenant)
    job = processed_job(case_type, options={"returnDocuments": True})

    (document,) = job_result_build(job)["documents"]

    assert document["fileId"]
    assert urlparse(document["documentUrl"]).path.startswith("/")
    expires_at = datetime.fromisoformat(document["documentUrlExpiresAt"].replace("Z", "+00:00"))
    assert timedelta(hours=1.9) < expires_at - timezone.now() <= timedelta(hours=2)


def _completed_job(tenant):
    case_type = _items_case_type(tenant)
    return processed_job(case_type, engine_result(case_type, ITEMS_VALUES))


def test_a_completed_jobs_result_is_available(tenant):
    job = _completed_job(tenant)

    assert job.status == ExtractionJob.Status.COMPLETED
    job_result_available(job)  # raises nothing


@pytest.mark.parametrize(
    ("status", "code"),
    [
        (ExtractionJob.Status.REVIEW_REQUIRED, "REVIEW_REQUIRED"),
        (ExtractionJob.Status.FAILED, "JOB_FAILED"),
        (ExtractionJob.Status.QUEUED, "RESULT_NOT_READY"),
        (ExtractionJob.Status.PROCESSING, "RESULT_NOT_READY"),
    ],
)
def test_a_job_without_a_result_to_give_is_a_409_naming_why(tenant, status, code):
    job = _completed_job(tenant)
    job.status = status
    job.error_code, job.error_message = "PDF_ENCRYPTED", "The PDF is encrypted."

    with pytest.raises(Conflict) as refused:
        job_result_available(job)

    assert refused.value.code == code
    if code == "JOB_FAILED":
        assert refused.value.details == {
            "error": {"code": "PDF_ENCRYPTED", "message": "The PDF is encrypted."}
        }


@pytest.mark.parametrize("how", ["past_expiry", "purged"])
def test_a_result_past_its_retention_is_410_result_expired(tenant, how):
    job = _completed_job(tenant)
    if how == "past_expiry":
        job.result_expires_at = timezone.now() - timedelta(seconds=1)
    else:  # as the retention sweep leaves it
        job.result, job.result_purged_at = None, timezone.now()

    with pytest.raises(DomainError) as refused:
        job_result_available(job)

    assert (refused.value.code, refused.value.status_code) == ("RESULT_EXPIRED", 410)
