"""run_engine end to end on PDFs made in the test: fields, boxes, confidence, errors."""

from __future__ import annotations

import pytest

from extraction.engine import run_engine
from extraction.engine.types import EngineError, EngineInput, FieldSpec, Schema
from tests.engine.conftest import build_pdf
from tests.schemas import INVOICE, PURCHASE_ORDER


def _fields(content: bytes, schema: Schema = INVOICE) -> dict:
    result = run_engine(EngineInput(content, "upload.bin", (schema,)))
    return {f.key: f for f in result.documents[0].fields}


def test_run_engine_reads_german_invoice_fields(invoice_pdf):
    fields = _fields(invoice_pdf)
    assert fields["invoice_number"].value == "RE-2024-0042"
    assert fields["invoice_date"].value == "2024-03-14"
    assert fields["due_date"].value == "2024-03-28"
    assert fields["total_amount"].value == "23.80"
    assert fields["subtotal_amount"].value == "20.00"
    assert fields["tax_amount"].value == "3.80"
    assert fields["currency"].value == "EUR"


def test_consistent_totals_score_high_and_carry_boxes(invoice_pdf):
    total = _fields(invoice_pdf)["total_amount"]
    assert total.confidence >= 90
    assert total.page == 1
    x0, y0, x1, y1 = total.bbox
    assert 470 < x0 < x1 < 560
    assert 310 < y0 < y1 < 335


def test_missing_field_has_no_value_and_zero_confidence():
    content = build_pdf([[(50, 60, "Invoice Number: 12345"), (50, 80, "Nothing else here at all")]])
    fields = _fields(content)
    assert fields["due_date"].value is None
    assert fields["due_date"].confidence == 0


def test_longer_label_wins_over_its_prefix():
    content = build_pdf([[(50, 60, "Invoice Date: 01/02/2023"), (50, 80, "Invoice No: A-77")]])
    fields = _fields(content)
    assert fields["invoice_number"].value == "A-77"
    assert fields["invoice_date"].value == "2023-02-01"


def test_value_below_label_is_found():
    content = build_pdf(
        [
            [
                (50, 60, "Factuurnummer"),
                (200, 60, "Factuurdatum"),
                (50, 74, "F2023-118"),
                (200, 74, "3-4-2023"),
                (50, 200, "Some padding text for the text layer"),
            ]
        ]
    )
    fields = _fields(content)
    assert fields["invoice_number"].value == "F2023-118"
    assert fields["invoice_date"].value == "2023-04-03"


def test_custom_schema_uses_its_own_label_and_type():
    schema = Schema(
        "claim",
        (
            FieldSpec("policy", "Policy ref", "text"),
            FieldSpec("iban", "Bank account", "iban"),
            FieldSpec("urgent", "Urgent", "boolean"),
        ),
    )
    content = build_pdf(
        [
            [
                (50, 60, "Policy ref: PX-99812"),
                (50, 80, "Bank account: DE89 3704 0044 0532 0130 00"),
                (50, 100, "Urgent: yes"),
                (50, 140, "Filler text so the page has a text layer"),
            ]
        ]
    )
    fields = _fields(content, schema)
    assert fields["policy"].value == "PX-99812"
    assert fields["iban"].value == "DE89370400440532013000"
    assert fields["urgent"].value is True


def test_purchase_order_fields_from_text_layer():
    content = build_pdf(
        [
            [
                (200, 50, "Hero Limited"),
                (50, 100, "Company Phone: 555-348-6512"),
                (350, 100, "Purchase Order #: 948284"),
                (50, 114, "Website: www.herolimited.com"),
                (350, 114, "Dated As: 12/20/2020"),
                (50, 128, "Email: accounts@herolimited.com"),
                (50, 160, "Vendor Name: Balozi Khamisi"),
                (50, 174, "Company Name: Higgly Wiggly Books"),
            ]
        ]
    )
    fields = _fields(content, PURCHASE_ORDER)
    assert fields["purchase_order_number"].value == "948284"
    assert fields["order_date"].value == "2020-12-20"
    assert fields["phone_number"].value == "555-348-6512"
    assert fields["website"].value == "www.herolimited.com"
    assert fields["email"].value == "accounts@herolimited.com"
    assert fields["vendor_name"].value == "Balozi Khamisi"
    assert fields["company_name"].value == "Higgly Wiggly Books"


def test_run_engine_reports_media_type_and_page_text_when_asked(invoice_pdf):
    result = run_engine(EngineInput(invoice_pdf, "x.png", (INVOICE,), return_text=True))
    assert result.media_type == "application/pdf"
    assert result.page_count == 1
    assert result.pages[0].source == "text"
    assert "Gesamtbetrag" in result.pages[0].text
    assert "Gesamtbetrag" in result.documents[0].text


def test_run_engine_without_schema_is_an_error(invoice_pdf):
    with pytest.raises(EngineError) as caught:
        run_engine(EngineInput(invoice_pdf, "x.pdf", ()))
    assert caught.value.code == "NO_SCHEMA"


def test_engine_imports_without_django_settings():
    import subprocess
    import sys

    code = (
        "import os; os.environ.pop('DJANGO_SETTINGS_MODULE', None); "
        "from extraction.engine import run_engine, run_engine_isolated; print('ok')"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin"},
        cwd=".",
    )
    assert done.stdout.strip() == "ok", done.stderr
