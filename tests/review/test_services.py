"""Review services beyond the API tests: table cells, approve-all, and the QA sample path."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cases.actors import Actor
from cases.errors import ValidationFailed
from cases.models import Document
from extraction.models import DocumentField, ExtractionJob
from review import services
from tests.documents import INVOICE_LINES, pdf_with_lines


@pytest.fixture
def held_invoice(tenant, invoice_type, run_on_commit) -> Document:
    """An invoice-type document held for review, with a two-row line_items table."""
    upload = SimpleUploadedFile("invoice.pdf", pdf_with_lines(INVOICE_LINES))
    response = run_on_commit(
        tenant.client.post,
        "/api/v1/extraction-jobs",
        {"templateName": "invoice", "file": upload, "documentReview": 99},
        format="multipart",
    )
    job = ExtractionJob.objects.get(pk=response.json()["job"]["id"])
    document = job.documents.get()
    assert document.status == Document.Status.REVIEW_REQUIRED
    cell = {"value": None, "text": "", "confidence": 40, "page": 1, "bbox": None}
    DocumentField.objects.filter(document=document, key="line_items").update(
        rows=[
            {"description": {**cell, "value": "Paper"}, "amount": {**cell, "value": "10.00"}},
            {"description": {**cell, "value": "Ink"}, "amount": {**cell, "value": "5.00"}},
        ],
        flagged=True,
    )
    return document


def test_table_cell_is_corrected_with_its_machine_value_kept(tenant, held_invoice):
    actor = Actor(user=tenant.reviewer)
    field = services.field_correct(
        document=held_invoice, key="line_items", row=1, column="amount", value="5,50", actor=actor
    )
    cell = field.rows[1]["amount"]
    assert cell["value"] == "5.50"
    assert cell["machineValue"] == "5.00"
    assert cell["reviewed"] is True
    assert field.rows[0]["amount"]["value"] == "10.00"
    assert held_invoice.decisions.get(field_key="line_items").row == 1


@pytest.mark.parametrize(
    ("row", "column", "value", "message"),
    [
        (None, "amount", "1", "needs row and column"),
        (5, "amount", "1", "row"),
        (0, "colour", "1", "column"),
        (0, "amount", "lots", "not an amount"),
    ],
)
def test_bad_cell_corrections_are_refused(tenant, held_invoice, row, column, value, message):
    with pytest.raises(ValidationFailed, match=message):
        services.field_correct(
            document=held_invoice,
            key="line_items",
            row=row,
            column=column,
            value=value,
            actor=Actor(user=tenant.reviewer),
        )


def test_approve_all_then_approve_document_completes_the_job(tenant, held_invoice):
    actor = Actor(user=tenant.reviewer)
    approved = services.fields_approve_remaining(document=held_invoice, actor=actor)
    assert len(approved) == held_invoice.fields.count()
    document = services.document_approve(document=held_invoice, actor=actor)
    assert document.status == Document.Status.PROCESSED
    job = ExtractionJob.objects.get(documents=held_invoice)
    assert job.status == ExtractionJob.Status.COMPLETED
    tables = job.result["documents"][0]["tables"]
    assert tables[0]["key"] == "line_items"
    assert job.result["documents"][0]["fields"]["line_items"]["value"][1]["amount"] == "5.00"


def test_qa_sampled_clean_document_is_held_and_approvable(tenant, run_on_commit, monkeypatch):
    from extraction import pipeline

    monkeypatch.setattr(pipeline, "qa_sampled", lambda **kwargs: True)
    tenant.case_type.qa_sample_percent = 100
    tenant.case_type.save()
    upload = SimpleUploadedFile("invoice.pdf", pdf_with_lines(INVOICE_LINES))
    response = run_on_commit(
        tenant.client.post,
        "/api/v1/extraction-jobs",
        {"templateName": tenant.case_type.slug, "file": upload},
        format="multipart",
    )
    job = ExtractionJob.objects.get(pk=response.json()["job"]["id"])
    assert job.status == ExtractionJob.Status.REVIEW_REQUIRED
    assert job.review_flagged_field_count == 0
    document = job.documents.get()
    assert document.metadata["qa_sample"] is True
    services.document_approve(document=document, actor=Actor(user=tenant.reviewer))
    job.refresh_from_db()
    assert job.status == ExtractionJob.Status.COMPLETED
