"""Document language and the evidence for reading ambiguous dates."""

from __future__ import annotations

from extraction.engine import run_engine
from extraction.engine.language import date_order_evidence, document_language
from extraction.engine.types import EngineInput
from extraction.schemas import demo_engine_schemas
from tests.engine.conftest import build_pdf


def test_document_language_is_the_clear_leader_of_stop_words():
    assert document_language("Rechnung für die Lieferung und den Einbau mit Bitte um") == "de"
    assert document_language("Facture pour la livraison et le montage de votre") == "fr"
    assert document_language("Thank you for your order, please pay the total") == "en"
    assert document_language("BROT 1,29 MILCH 0,99") is None


def test_other_dates_on_the_page_settle_the_order_before_language_or_currency():
    assert date_order_evidence("due 04/25/2024", language="de", currency="EUR") == (
        "MDY",
        "dates",
    )
    assert date_order_evidence("", language="fr", currency=None) == ("DMY", "language")
    assert date_order_evidence("", language="en", currency="USD") == ("MDY", "currency")
    assert date_order_evidence("", language=None, currency=None) == ("DMY", "none")


def _invoice_date(lines: list[tuple[float, float, str]]):
    schema = demo_engine_schemas()["invoice"]
    result = run_engine(EngineInput(build_pdf([lines]), "x.pdf", (schema,)))
    return next(f for f in result.documents[0].fields if f.key == "invoice_date")


def test_an_ambiguous_date_without_evidence_scores_below_common_thresholds():
    bare = _invoice_date([(50, 60, "Invoice"), (50, 90, "Invoice date: 03/04/2024")])
    settled = _invoice_date(
        [
            (50, 60, "Invoice"),
            (50, 90, "Invoice date: 03/04/2024"),
            (50, 110, "Delivered: 03/28/2024"),
        ]
    )
    assert bare.value == "2024-04-03"
    assert bare.confidence < 80
    assert settled.value == "2024-03-04"
    assert settled.confidence > bare.confidence


def test_a_credit_notes_total_is_negative_even_when_printed_without_a_sign():
    schema = demo_engine_schemas()["invoice"]
    page = [
        (50, 60, "Credit note"),
        (50, 90, "Credit note number: CN-1001"),
        (300, 200, "Total"),
        (400, 200, "150.00 EUR"),
    ]
    result = run_engine(EngineInput(build_pdf([page]), "x.pdf", (schema,)))
    total = next(f for f in result.documents[0].fields if f.key == "total_amount")
    assert total.value == "-150.00"
