"""Review services beyond the API tests: table cells, approve-all, and the QA sample path."""

from __future__ import annotations

import pytest

from cases.actors import Actor
from cases.errors import Conflict, ValidationFailed
from cases.models import Document
from extraction.models import DocumentField, ExtractionJob
from review import services
from tests import factories
from webhooks.models import WebhookEvent


@pytest.fixture
def held_invoice(tenant, invoice_type) -> Document:
    """An invoice-type document held for review, with a two-row line_items table."""
    rows: factories.Found = [
        {"description": "Paper", "amount": "10.00"},
        {"description": "Ink", "amount": "5.00"},
    ]
    return factories.held_document(invoice_type, {**factories.INVOICE_VALUES, "line_items": rows})


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


def test_qa_sampled_clean_document_is_held_and_approvable(tenant, monkeypatch):
    from extraction import pipeline

    monkeypatch.setattr(pipeline, "qa_sampled", lambda **kwargs: True)
    tenant.case_type.qa_sample_percent = 100
    tenant.case_type.save()
    document = factories.processed_document(tenant.case_type)
    job = ExtractionJob.objects.get(documents=document)
    assert job.status == ExtractionJob.Status.REVIEW_REQUIRED
    assert job.review_flagged_field_count == 0
    assert document.metadata["qa_sample"] is True
    services.document_approve(document=document, actor=Actor(user=tenant.reviewer))
    job.refresh_from_db()
    assert job.status == ExtractionJob.Status.COMPLETED


def _table_with_arithmetic(document: Document, *, subtotal: str = "20.00") -> None:
    """Two rows, the second wrong (100 × 0.05 is not 50.00), under a stored subtotal."""

    def cell(value: str) -> dict:
        return {"value": value, "text": value, "confidence": 95, "page": 1, "bbox": None}

    rows = [
        {
            "description": cell("Screws"),
            "quantity": cell("10"),
            "unit_price": cell("1.50"),
            "amount": cell("15.00"),
        },
        {
            "description": cell("Plugs"),
            "quantity": cell("100"),
            "unit_price": cell("0.05"),
            "amount": {**cell("50.00"), "issues": ["row_arithmetic"]},
        },
    ]
    DocumentField.objects.filter(document=document, key="line_items").update(
        rows=rows, flagged=True, reviewed=False, flags=["table_check_failed:row_arithmetic"]
    )
    DocumentField.objects.filter(document=document, key="subtotal_amount").update(value=subtotal)
    DocumentField.objects.filter(document=document).exclude(key="line_items").update(
        flagged=False, flags=[]
    )


def test_a_correction_that_leaves_a_tables_check_failing_keeps_the_table_held(tenant, held_invoice):
    _table_with_arithmetic(held_invoice)
    actor = Actor(user=tenant.reviewer)
    field = services.field_correct(
        document=held_invoice,
        key="line_items",
        row=0,
        column="description",
        value="Bolts",
        actor=actor,
    )
    assert field.is_pending
    assert field.flags == [
        "table_check_failed:row_arithmetic",
        "table_check_failed:sum_mismatch",
    ]
    assert field.rows[1]["amount"]["issues"] == ["row_arithmetic", "sum_mismatch"]
    assert field.rows[0]["description"]["issues"] == []
    with pytest.raises(Conflict):
        services.document_approve(document=held_invoice, actor=actor)


def test_correcting_the_wrong_cell_clears_the_check_and_releases_the_table(tenant, held_invoice):
    _table_with_arithmetic(held_invoice, subtotal="20.00")
    actor = Actor(user=tenant.reviewer)
    field = services.field_correct(
        document=held_invoice,
        key="line_items",
        row=1,
        column="amount",
        value="5.00",
        actor=actor,
    )
    assert not field.is_pending
    assert all(not cell["issues"] for row in field.rows for cell in row.values())
    assert not [flag for flag in field.flags if flag.startswith("table_check_failed")]
    services.document_approve(document=held_invoice, actor=actor)


def test_correcting_the_subtotal_judges_the_tables_sum_again(tenant, held_invoice):
    _table_with_arithmetic(held_invoice, subtotal="65.00")
    actor = Actor(user=tenant.reviewer)
    services.field_correct(
        document=held_invoice,
        key="line_items",
        row=1,
        column="amount",
        value="5.00",
        actor=actor,
    )
    table = DocumentField.objects.get(document=held_invoice, key="line_items")
    assert "table_check_failed:sum_mismatch" in table.flags
    assert table.is_pending
    services.field_correct(document=held_invoice, key="subtotal_amount", value="20.00", actor=actor)
    table.refresh_from_db()
    assert "table_check_failed:sum_mismatch" not in table.flags
    assert not table.is_pending


def test_approving_a_table_accepts_it_as_it_is(tenant, held_invoice):
    _table_with_arithmetic(held_invoice)
    actor = Actor(user=tenant.reviewer)
    services.field_approve(document=held_invoice, key="line_items", actor=actor)
    services.document_approve(document=held_invoice, actor=actor)
    held_invoice.refresh_from_db()
    assert held_invoice.status == Document.Status.PROCESSED


def test_release_judges_the_reviewed_values_with_the_case_types_rules(tenant):
    """A value the engine read wrong fails its pattern rule; once the reviewer corrects it, the
    released result and `review.completed` say the rule passed."""
    case_type = tenant.case_type
    case_type.validation_rules = [
        {"type": "pattern", "field": "invoice_number", "pattern": "^INV-[0-9]{4}-[0-9]{4}$"}
    ]
    case_type.save(update_fields=["validation_rules"])
    document = factories.held_document(case_type, {"invoice_number": "1NV-2O24-OO42"})
    assert document.metadata["validation"][0]["passed"] is False
    actor = Actor(user=tenant.reviewer)
    services.field_correct(
        document=document, key="invoice_number", value="INV-2024-0042", actor=actor
    )
    services.fields_approve_remaining(document=document, actor=actor)
    services.document_approve(document=document, actor=actor)
    job = ExtractionJob.objects.get(documents=document)
    assert job.status == ExtractionJob.Status.COMPLETED
    assert job.result is not None
    (released,) = job.result["documents"]
    assert [check["passed"] for check in released["validation"]] == [True]
    event = WebhookEvent.objects.get(type="review.completed")
    assert [check["passed"] for check in event.payload["data"]["checks"]] == [True]


def test_clearing_an_optional_field_clears_its_text_too(tenant):
    document = factories.held_document(tenant.case_type)
    field = services.field_correct(
        document=document, key="invoice_date", value="", actor=Actor(user=tenant.reviewer)
    )
    assert (field.value, field.text) == (None, "")
    assert field.machine_value is not None  # the engine's reading is kept beside it
