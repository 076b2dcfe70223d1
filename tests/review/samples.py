"""Sample invoices, and documents held for review through the real path: the upload API,
the worker and the engine (tasks inline).

`upload_held` is the end-to-end way, kept for the browser tests; tests that only need a held
document use `tests.factories.held_document`, which stores a fixed engine result instead. A case
type with `review_threshold` 99 holds every extracted field, so each upload reaches
`review_required` with flagged fields.
"""

from __future__ import annotations

from collections.abc import Callable

import pymupdf
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from cases.models import CaseType, Document
from tests.factories import invoice_pdf

ITEMS_PAGE: list[tuple[float, float, str]] = [
    (50, 60, "ACME Supplies Ltd"),
    (350, 120, "Invoice"),
    (350, 140, "Invoice number:"),
    (450, 140, "INV-7001"),
    (350, 154, "Invoice date:"),
    (450, 154, "14 March 2024"),
    (50, 220, "Description"),
    (300, 220, "Quantity"),
    (380, 220, "Unit price"),
    (480, 220, "Amount"),
    (50, 240, "Screws M4"),
    (300, 240, "10"),
    (380, 240, "1.50 EUR"),
    (480, 240, "15.00 EUR"),
    (50, 256, "Wall plugs"),
    (300, 256, "100"),
    (380, 256, "0.05 EUR"),
    (480, 256, "5.00 EUR"),
    (380, 300, "Subtotal"),
    (480, 300, "20.00 EUR"),
    (380, 314, "VAT"),
    (480, 314, "3.80 EUR"),
    (380, 328, "Total"),
    (480, 328, "23.80 EUR"),
]


def items_pdf(*, second_amount: str = "5.00 EUR") -> bytes:
    """An invoice with a two-line item table, laid out in columns; a `second_amount` other
    than 5.00 makes the second row's arithmetic (100 × 0.05) fail."""
    document = pymupdf.open()
    page = document.new_page(width=595, height=842)
    for x, y, text in ITEMS_PAGE:
        page.insert_text((x, y), second_amount if text == "5.00 EUR" else text, fontsize=10)
    data = document.tobytes()
    document.close()
    return data


ITEMS_TEXT = "\n".join(text for _, _, text in ITEMS_PAGE)
"""The page text of `items_pdf()`, for a fixed engine result."""


def hold_for_review(case_type: CaseType) -> None:
    case_type.review_threshold = 99
    case_type.save(update_fields=["review_threshold"])


def upload_held(
    api_client: APIClient,
    run_on_commit: Callable,
    case_type: CaseType,
    *,
    content: bytes | None = None,
    filename: str = "invoice.pdf",
) -> Document:
    """Upload one file through POST /api/v1/cases and return its document, held for review."""
    hold_for_review(case_type)
    upload = SimpleUploadedFile(filename, content or invoice_pdf(), content_type="application/pdf")
    response = run_on_commit(
        api_client.post,
        "/api/v1/cases",
        {"casetype_id": case_type.public_id, "files": [upload]},
        format="multipart",
    )
    assert response.status_code == 200, response.content
    document = Document.objects.get(public_id=response.json()["data"]["documents"][0]["doc_id"])
    assert document.status == Document.Status.REVIEW_REQUIRED, document.error_message
    # Calibrated confidence tops out at 99, which passes threshold 99: hold every found field
    # directly, so that the review tests do not depend on the engine's scores.
    for field in document.fields.filter(flagged=False):
        if field.value not in (None, "") or field.rows:
            field.flagged, field.flags = True, ["low_confidence"]
            field.save(update_fields=["flagged", "flags"])
    return document
