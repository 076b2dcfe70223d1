"""`extraction.preview`: a case type draft run on a sample document (the editor's live preview).

`case_type_preview_run` is the worker task; it runs the real engine (isolated) on a small text
PDF, so these tests read what the draft would extract without a broker."""

from __future__ import annotations

from typing import Any

import pytest

from cases.errors import ValidationFailed
from extraction.preview import case_type_preview_run, case_type_preview_start
from tests.factories import invoice_pdf

pytestmark = pytest.mark.django_db

FIELDS = [
    {"key": "invoice_number", "label": "Invoice number", "type": "text", "required": True},
    {"key": "total_amount", "label": "Total", "type": "money", "required": True},
    {"key": "purchase_order", "label": "PO number", "type": "text", "required": True},
]


def _draft(**overrides: Any) -> dict[str, Any]:
    return {"name": "Draft", "slug": "draft", "fields": FIELDS, "review_threshold": 50, **overrides}


def _start(tenant, definition: dict[str, Any], content: bytes | None = None) -> str:
    return case_type_preview_start(
        workspace_id=tenant.workspace.public_id,
        definition=definition,
        content=invoice_pdf() if content is None else content,
        filename="sample.pdf",
    )


@pytest.mark.parametrize(
    ("definition", "content", "field"),
    [
        (_draft(), b"", "document"),
        (_draft(fields=[]), None, "fields"),
        (_draft(fields=[{"key": "Bad Key!", "type": "text"}]), None, "fields"),
        (
            _draft(validation_rules=[{"rule": "date_order", "fields": ["nope", "total_amount"]}]),
            None,
            "validation_rules",
        ),
    ],
)
def test_an_invalid_draft_or_sample_is_refused_before_anything_is_enqueued(
    tenant, definition, content, field
):
    with pytest.raises(ValidationFailed) as refused:
        _start(tenant, definition, content)

    assert field in str(refused.value)


def test_the_preview_shows_each_fields_value_confidence_and_box_on_a_page_image(tenant):
    result = case_type_preview_run(tenant.workspace.public_id, _draft(), invoice_pdf(), "a.pdf")

    assert result["error"] is None
    fields = {field["key"]: field for field in result["fields"]}
    assert fields["invoice_number"]["value"] == "INV-2024-0042"
    assert fields["invoice_number"]["confidence"] > 50
    left, top, width, height = fields["invoice_number"]["box_percent"]
    assert 0 <= left < 100
    assert 0 <= top < 100
    assert width > 0
    assert height > 0
    (page,) = result["pages"]
    assert page["image"].startswith("data:image/png;base64,")


def test_a_missing_required_field_is_shown_as_held(tenant):
    result = case_type_preview_run(tenant.workspace.public_id, _draft(), invoice_pdf(), "a.pdf")

    fields = {field["key"]: field for field in result["fields"]}
    assert fields["purchase_order"]["value"] is None
    assert fields["purchase_order"]["held"] is True
    assert fields["invoice_number"]["held"] is False


def test_a_field_below_its_own_threshold_is_held_even_when_the_draft_default_is_lower(tenant):
    vendor = {"key": "vendor_name", "label": "Vendor", "type": "text"}
    lenient = _draft(fields=[vendor], review_threshold=10)
    strict = _draft(fields=[{**vendor, "threshold": 99}], review_threshold=10)

    (as_default,) = case_type_preview_run(
        tenant.workspace.public_id, lenient, invoice_pdf(), "a.pdf"
    )["fields"]
    (as_strict,) = case_type_preview_run(
        tenant.workspace.public_id, strict, invoice_pdf(), "a.pdf"
    )["fields"]

    assert 10 <= as_default["confidence"] < 99
    assert as_default["held"] is False
    assert as_strict["held"] is True


def test_a_sample_the_engine_cannot_read_is_an_error_result_not_an_exception(tenant):
    result = case_type_preview_run(
        tenant.workspace.public_id, _draft(), b"%PDF-1.7\nnot really", "broken.pdf"
    )

    assert result["error"]["code"]
    assert result["fields"] == []
    assert "Traceback" not in result["error"]["message"]
