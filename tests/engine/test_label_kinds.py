"""Label faults found on unseen layouts, each as a kind, on pages made in the test."""

from __future__ import annotations

import pytest

from extraction.engine import run_engine
from extraction.engine.amount_labels import amount_role, is_rate_heading
from extraction.engine.types import EngineInput, FieldResult
from extraction.schemas import demo_engine_schemas
from tests.engine.conftest import build_pdf


def _fields(*lines: tuple[float, float, str]) -> dict[str, FieldResult]:
    schema = demo_engine_schemas()["invoice"]
    result = run_engine(EngineInput(build_pdf([list(lines)]), "x.pdf", (schema,)))
    return {f.key: f for f in result.documents[0].fields}


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Gesamtbetrag", "total_amount"),
        ("Gesamtbetrag der Zuschläge", "other"),
        ("Net Total Amount", "subtotal_amount"),
        ("Gross Total Amount", "total_amount"),
        ("Total TVA", "tax_amount"),
        ("Total HT", "subtotal_amount"),
        ("Rechnungssumme ohne USt.", "subtotal_amount"),
        ("Umsatzsteuer (19,00 %)", "tax_amount"),
        ("CHANGE", "other"),
        ("Amount", None),
        ("%IVA", "other"),
        ("VAT %", "other"),
        ("Tax (%)", "other"),
        ("IVA 21 %", "tax_amount"),
        ("19% MwSt.", "tax_amount"),
        ("Total (inc GST)", "total_amount"),
        ("Total ex GST", "subtotal_amount"),
        ("Total GST", "tax_amount"),
        ("Total Ilíquido", "subtotal_amount"),
    ],
)
def test_an_amount_label_is_read_by_all_its_words(label, role):
    assert amount_role(label) == role


@pytest.mark.parametrize(
    ("label", "heading"),
    [
        ("%IVA", True),
        ("VAT %", True),
        ("Tax (%)", True),
        ("TVA 20 %", False),
        ("Rabatt 10%", False),
    ],
)
def test_a_percent_sign_without_a_number_heads_rates(label, heading):
    assert is_rate_heading(label) is heading


def test_a_label_inside_a_longer_label_for_something_else_is_not_the_total():
    fields = _fields(
        (50, 60, "Rechnung"),
        (50, 300, "Gesamtbetrag der Zuschläge"),
        (400, 300, "0,00 €"),
        (50, 315, "Rechnungssumme ohne USt."),
        (400, 315, "100,00 €"),
        (50, 330, "Umsatzsteuer 19 %"),
        (400, 330, "19,00 €"),
        (50, 345, "Bruttosumme"),
        (400, 345, "119,00 €"),
    )
    assert fields["total_amount"].value == "119.00"
    assert fields["subtotal_amount"].value == "100.00"
    assert fields["tax_amount"].value == "19.00"


def test_a_rate_heading_above_a_rate_is_not_the_tax_amount():
    """A box of rates and totals with each heading above its value: the tax is the amount
    under `Totale imposta`, never the rate under `%IVA`."""
    fields = _fields(
        (50, 60, "Fattura"),
        (50, 300, "Esigibilità IVA"),
        (250, 300, "%IVA"),
        (350, 300, "Totale imponibile"),
        (470, 300, "Totale imposta"),
        (50, 315, "I (immediata)"),
        (250, 315, "22,00"),
        (350, 315, "1.000,00"),
        (470, 315, "220,00"),
    )
    assert fields["tax_amount"].value == "220.00"


def test_net_and_gross_qualifiers_decide_between_subtotal_and_total():
    fields = _fields(
        (50, 60, "Invoice"),
        (300, 300, "Net Total Amount"),
        (450, 300, "$135.00"),
        (300, 315, "Value Added Tax (19.00%)"),
        (450, 315, "$25.65"),
        (300, 330, "Gross Total Amount"),
        (450, 330, "$160.65"),
    )
    assert fields["subtotal_amount"].value == "135.00"
    assert fields["tax_amount"].value == "25.65"
    assert fields["total_amount"].value == "160.65"


def test_a_summary_label_heading_a_table_column_does_not_take_a_cell():
    fields = _fields(
        (50, 60, "Rechnung"),
        (50, 200, "Beschreibung"),
        (250, 200, "Menge"),
        (350, 200, "Nettobetrag"),
        (450, 200, "Steuerbetrag"),
        (50, 215, "Schrauben"),
        (250, 215, "10"),
        (350, 215, "15,00"),
        (450, 215, "2,85"),
        (50, 230, "Dübel"),
        (250, 230, "100"),
        (350, 230, "5,00"),
        (450, 230, "0,95"),
    )
    assert fields["subtotal_amount"].value is None
    assert fields["tax_amount"].value is None


def test_the_number_and_date_inside_a_title_line_are_found():
    fields = _fields(
        (50, 60, "Stylesheet-Version: 2.6 vom 10.11.2025"),
        (50, 100, "Handelsrechnung (380) Nr. 471102 vom 15.11.2024"),
    )
    assert fields["invoice_number"].value == "471102"
    assert fields["invoice_date"].value == "2024-11-15"


def test_a_party_headings_name_line_is_the_vendor_not_its_number_label():
    fields = _fields(
        (50, 60, "Rechnung"),
        (50, 200, "Verkäufer"),
        (50, 215, "Nummer:"),
        (250, 215, "549910"),
        (50, 230, "Name:"),
        (250, 230, "Handwerker GmbH"),
        (50, 245, "Anschrift:"),
        (250, 245, "Handwerkerstraße 20"),
        (50, 400, "Verkäufer-BIC:"),
        (250, 400, "PBNKDEFF"),
    )
    assert fields["vendor_name"].value == "Handwerker GmbH"


def test_a_label_word_that_opens_a_company_name_is_part_of_the_name():
    fields = _fields(
        (50, 60, "Rechnung"),
        (50, 200, "Verkäufer:"),
        (50, 215, "Lieferant GmbH"),
        (50, 230, "Lieferantenstraße 20"),
    )
    assert fields["vendor_name"].value == "Lieferant GmbH"


def test_a_label_naming_another_documents_number_is_not_this_documents():
    fields = _fields(
        (50, 40, "CREDIT NOTE"),
        (300, 110, "Credit Note No."),
        (450, 110, "C21651"),
        (300, 125, "Original Invoice"),
        (450, 125, "RE-0566 dated 13/05/2022"),
    )
    assert fields["invoice_number"].value == "C21651"


def test_an_amount_without_cents_among_amounts_with_cents_is_doubted():
    fields = _fields(
        (50, 60, "Invoice"),
        (50, 100, "Subtotal"),
        (300, 100, "10.00"),
        (50, 115, "Tax"),
        (300, 115, "417969"),
    )
    assert fields["tax_amount"].confidence < 80


def test_several_amounts_beside_one_label_make_it_a_guess():
    fields = _fields(
        (50, 60, "Faktura nr 270/2023"),
        (50, 300, "Razem"),
        (250, 300, "39 783,83"),
        (350, 300, "8 950,26"),
        (450, 300, "48 734,09"),
    )
    assert fields["total_amount"].confidence < 80


def test_a_word_like_a_label_inside_a_company_name_is_no_label():
    fields = _fields(
        (50, 60, "ACME Supplies Ltd"),
        (350, 120, "Invoice"),
        (50, 220, "Description"),
        (300, 220, "Amount"),
        (50, 240, "Screws M4"),
        (300, 240, "15.00"),
    )
    assert fields["vendor_name"].value == "ACME Supplies Ltd"


def test_a_discount_on_the_page_explains_totals_that_do_not_add_up_alone():
    fields = _fields(
        (50, 60, "Invoice"),
        (300, 300, "Subtotal"),
        (450, 300, "100.00"),
        (300, 315, "Discount"),
        (450, 315, "10.00"),
        (300, 330, "Total"),
        (450, 330, "90.00"),
    )
    assert fields["total_amount"].value == "90.00"
    assert fields["total_amount"].confidence >= 90


def test_payment_terms_and_weights_are_no_amount_labels():
    fields = _fields(
        (50, 60, "Invoice"),
        (50, 100, "Payment terms: Net 30"),
        (50, 115, "Net weight 12.50 kg"),
        (300, 300, "Total"),
        (450, 300, "100.00"),
    )
    assert fields["subtotal_amount"].value in (None, "100.00")


def test_a_dollar_is_the_issuers_not_the_customers_country():
    fields = _fields(
        (50, 40, "Lone Star Supplies Inc."),
        (50, 55, "100 Congress Ave, Austin, TX 78701"),
        (50, 100, "Bill to:"),
        (50, 115, "Maple Foods Ltd"),
        (50, 130, "Toronto ON, Canada"),
        (300, 300, "Total"),
        (450, 300, "$120.00"),
    )
    assert fields["currency"].value == "USD"


def test_an_invoice_mentioning_a_credit_note_stays_positive():
    fields = _fields(
        (50, 60, "Rechnung"),
        (50, 80, "Gutschrift 2024-17 wird verrechnet"),
        (300, 300, "Gesamtbetrag"),
        (450, 300, "119,00 €"),
    )
    assert fields["total_amount"].value == "119.00"


def test_a_signed_credit_note_keeps_its_printed_signs():
    fields = _fields(
        (50, 40, "AVOIR"),
        (300, 300, "Total HT"),
        (450, 300, "-1 046,08 €"),
        (300, 315, "TVA 20 %"),
        (450, 315, "-209,22 €"),
        (300, 330, "Total TTC"),
        (450, 330, "-1 255,30 €"),
    )
    assert fields["total_amount"].value == "-1255.30"
    assert fields["subtotal_amount"].value == "-1046.08"


def test_an_invoice_number_printed_across_a_space_is_held_as_a_guess():
    fields = _fields((50, 60, "Fatura"), (50, 100, "Fatura n.º:"), (150, 100, "FT A2025/506"))
    number = fields["invoice_number"]
    assert number.value == "FTA2025/506"
    assert number.confidence < 90


def test_only_an_identifier_joined_from_several_words_is_doubted():
    from extraction.engine.fields import SPACING_DOUBT, _identifier, _identifier_spacing

    parsed = _identifier("IBZY 2087")
    assert parsed is not None
    assert parsed.value == "IBZY2087"
    assert _identifier_spacing(parsed, "IBZY 2087") == SPACING_DOUBT
    whole = _identifier("INV-2087")
    assert whole is not None
    assert _identifier_spacing(whole, "INV-2087") == 0.0


@pytest.mark.parametrize(
    ("line", "number"),
    [("Ticket n° 1202", "1202"), ("ST# 1234 OP# 00012 TE# 07 TR# 04521", "04521")],
)
def test_a_till_receipt_names_its_number_as_tills_do(line, number):
    fields = _fields((50, 60, "SUPERMARCHE"), (50, 100, line), (50, 140, "TOTAL 12,50"))
    assert fields["invoice_number"].value == number


def test_a_subtotal_equal_to_the_total_beside_a_tax_is_not_confirmed_by_it():
    """A receipt whose card slip repeats the paid amount: `MONTANT=` equals the total, and a
    tax is printed, so the two do not confirm each other as subtotal and total."""
    fields = _fields(
        (50, 60, "Relais des Tilleuls"),
        (50, 100, "A PAYER"),
        (200, 100, "32,89 €"),
        (50, 130, "Taux"),
        (100, 130, "HT"),
        (150, 130, "TVA"),
        (200, 130, "TTC"),
        (50, 145, "20,00%"),
        (100, 145, "27,41"),
        (150, 145, "5,48"),
        (200, 145, "32,89"),
        (80, 175, "CARTE BANCAIRE"),
        (80, 200, "MONTANT= 32,89 EUR"),
    )
    subtotal = fields["subtotal_amount"]
    assert subtotal.value != "32.89" or subtotal.confidence < 90


@pytest.mark.parametrize("reference", ["Check # 1234", "Support ticket 4711 - password reset"])
def test_a_cheque_or_support_ticket_number_does_not_doubt_the_invoice_number(reference):
    fields = _fields((50, 60, "INVOICE # 5521"), (50, 100, reference), (50, 140, "Total 12.50"))
    assert fields["invoice_number"].value == "5521"
    assert fields["invoice_number"].confidence >= 90
