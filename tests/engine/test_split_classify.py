"""Splitting one upload into documents, and choosing the schema of each."""

from __future__ import annotations

from extraction.engine import run_engine
from extraction.engine.classify import classify
from extraction.engine.fields import build_context
from extraction.engine.layout import document_lines
from extraction.engine.types import EngineInput
from extraction.engine.words import text_layer_words
from tests.engine.conftest import INVOICE_PAGE, build_pdf
from tests.schemas import INVOICE, PURCHASE_ORDER

PO_PAGE = [
    (200, 50, "Purchase Order"),
    (50, 100, "Purchase Order #: 948284"),
    (50, 114, "Order Date: 12/20/2020"),
    (50, 128, "Vendor Name: Balozi Khamisi"),
    (50, 142, "Company Name: Higgly Wiggly Books"),
    (50, 156, "Shipped To"),
    (50, 170, "Quantity 20"),
]


def _invoice(number: str, page: str | None = None) -> list:
    placed = [
        (350, 120, "Invoice"),
        (350, 140, f"Invoice Number: {number}"),
        (350, 154, "Invoice Date: 01/03/2024"),
        (350, 330, "Total: 10.00 EUR"),
        (50, 400, "Thank you for your business and prompt payment."),
    ]
    if page:
        placed.append((500, 800, page))
    return placed


def _pages(content: bytes, split: bool = True) -> list[tuple[int, ...]]:
    result = run_engine(EngineInput(content, "x.pdf", (INVOICE,), split_documents=split))
    return [doc.pages for doc in result.documents]


def test_split_uses_printed_page_numbers():
    content = build_pdf(
        [
            _invoice("A-1", "Page 1 of 2"),
            _invoice("A-1", "Page 2 of 2"),
            _invoice("B-2", "Page 1 of 1"),
        ]
    )
    assert _pages(content) == [(1, 2), (3,)]


def test_split_starts_a_document_at_a_new_title_and_number():
    content = build_pdf([_invoice("A-100"), _invoice("B-200"), _invoice("B-200")])
    assert _pages(content) == [(1,), (2, 3)]


def test_without_splitting_all_pages_form_one_document():
    content = build_pdf([_invoice("A-100"), _invoice("B-200")])
    assert _pages(content, split=False) == [(1, 2)]


def test_split_documents_get_their_own_fields():
    content = build_pdf([_invoice("A-100"), _invoice("B-200")])
    result = run_engine(EngineInput(content, "x.pdf", (INVOICE,), split_documents=True))
    numbers = [
        next(f.value for f in doc.fields if f.key == "invoice_number") for doc in result.documents
    ]
    assert numbers == ["A-100", "B-200"]


def _context(placed: list):
    import pymupdf

    document = pymupdf.open(stream=build_pdf([placed]))
    from extraction.engine.types import PageResult

    words = tuple(text_layer_words(document[0]))
    return build_context(document_lines([PageResult(1, 595, 842, "", "text", 0, words)]))


def test_classify_picks_purchase_order_for_an_order():
    schema, score = classify(_context(PO_PAGE), (INVOICE, PURCHASE_ORDER))
    assert schema.slug == "purchase_order"
    assert score >= 50


def test_classify_picks_invoice_for_an_invoice():
    schema, score = classify(_context(INVOICE_PAGE), (PURCHASE_ORDER, INVOICE))
    assert schema.slug == "invoice"
    assert score >= 50


def test_single_schema_is_taken_with_full_confidence():
    assert classify(_context(PO_PAGE), (INVOICE,)) == (INVOICE, 100)


def test_run_engine_reports_the_classified_schema():
    result = run_engine(EngineInput(build_pdf([PO_PAGE]), "x.pdf", (INVOICE, PURCHASE_ORDER)))
    document = result.documents[0]
    assert document.schema_slug == "purchase_order"
    assert [f.key for f in document.fields] == [f.key for f in PURCHASE_ORDER.fields]
