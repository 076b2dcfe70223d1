"""Document language and the evidence for reading ambiguous dates."""

from __future__ import annotations

from dataclasses import replace

from extraction.engine import confidence, run_engine
from extraction.engine.language import date_order_evidence, document_language, locale_date_order
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


def test_the_case_types_locale_reads_a_date_by_its_region():
    assert locale_date_order("en-US") == "MDY"
    assert locale_date_order("es-PR") == "MDY"
    assert locale_date_order("en-Latn-PH") == "MDY"
    assert locale_date_order("en-GB") == "DMY"
    assert locale_date_order("de-CH-1996") == "DMY"
    assert locale_date_order("fr-CA") == "DMY"
    assert locale_date_order("de") == "DMY"
    assert locale_date_order("en") is None
    assert locale_date_order(None) is None


def test_the_locale_ranks_between_the_pages_dates_and_its_language():
    assert date_order_evidence("", language="de", currency="EUR", locale="en-US") == (
        "MDY",
        "locale",
    )
    assert date_order_evidence("due 25/04/2024", language=None, currency=None, locale="en-US") == (
        "DMY",
        "dates",
    )
    assert date_order_evidence("", language="en", currency="USD", locale="en") == (
        "MDY",
        "currency",
    )


def _date_read_with(lines: list[tuple[float, float, str]], locale: str | None):
    schema = replace(demo_engine_schemas()["invoice"], locale=locale)
    result = run_engine(EngineInput(build_pdf([lines]), "x.pdf", (schema,)))
    return next(f for f in result.documents[0].fields if f.key == "invoice_date")


US_PRICED_PAGE = [
    (50, 60, "Invoice"),
    (50, 90, "Invoice date: 03/04/2024"),
    (300, 200, "Total"),
    (400, 200, "150.00 USD"),
]


def test_an_ambiguous_date_is_read_month_first_for_en_us_and_day_first_for_de_de():
    assert _date_read_with(US_PRICED_PAGE, None).value == "2024-03-04"  # by its currency
    assert _date_read_with(US_PRICED_PAGE, "en-US").value == "2024-03-04"
    assert _date_read_with(US_PRICED_PAGE, "de-DE").value == "2024-04-03"
    bare = [(50, 60, "Invoice"), (50, 90, "Invoice date: 03/04/2024")]
    assert _date_read_with(bare, None).value == "2024-04-03"  # a bare guess
    assert _date_read_with(bare, "en-US").value == "2024-03-04"


def test_other_dates_on_the_page_win_over_the_locale():
    page = [*US_PRICED_PAGE, (50, 110, "Delivered: 28/03/2024")]
    assert _date_read_with(page, "en-US").value == "2024-04-03"


def test_a_date_settled_by_the_locale_scores_higher_than_by_the_language_alone(monkeypatch):
    # The published calibration is a step function fitted on the corpora; a linear table keeps
    # the raw evidence's order visible, which is what this test is about.
    monkeypatch.setattr(confidence, "CALIBRATION", ((0.0, 0), (1.0, 100)))
    page = [
        (50, 60, "Rechnung für die Lieferung und den Einbau"),
        (50, 90, "Rechnungsdatum: 03/04/2024"),
    ]
    by_language = _date_read_with(page, None)
    by_locale = _date_read_with(page, "de-DE")
    assert by_language.value == by_locale.value == "2024-04-03"
    assert by_locale.confidence > by_language.confidence
