"""Label faults found on unseen layouts, each as a kind, on pages made in the test."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from extraction.engine import run_engine
from extraction.engine.amount_labels import amount_role, is_rate_heading
from extraction.engine.fields import build_context, extract_fields
from extraction.engine.labels import compact
from extraction.engine.layout import document_lines
from extraction.engine.types import EngineInput, FieldResult, PageResult, Word
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
        ("Celkem s DPH", "total_amount"),
        ("Celkem vč. DPH", "total_amount"),
        ("Celkem bez DPH", "subtotal_amount"),
        ("Total avant taxes", "subtotal_amount"),
        ("bez. Betrag", None),
        ("Total Ilíquido", "subtotal_amount"),
        ("Mal Hizmet Toplam Tutarı", "subtotal_amount"),
        ("Hesaplanan KDV(%20)", "tax_amount"),
        ("Vergiler Dahil Toplam Tutar", "total_amount"),
        ("Ödenecek Tutar", "total_amount"),
        ("Toplam İskonto", "other"),
        ("Hesaplanan KDV Tevkifat(%90)", "other"),
        ("VALOR TOTAL DOS PRODUTOS", "subtotal_amount"),
        ("VALOR TOTAL DA NOTA", "total_amount"),
        ("Valor do ISS (R$)", "tax_amount"),
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
        ("KDV (%20)", False),
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


@pytest.mark.parametrize(
    "issuer_line",
    [
        "7583, rue Notre-Dame Est, Lévis (Québec) G5T 8N6",
        "200 Burrard St, Vancouver, BC V6C 3L6",
        "GST/HST No. 123456789 RT0001",
        "TVQ : 1006543210TQ0001",
    ],
)
def test_a_dollar_is_canadian_when_the_issuer_has_a_canadian_address_or_tax_number(issuer_line):
    fields = _fields(
        (50, 40, "Toitures Girard ltée"),
        (50, 55, issuer_line),
        (50, 100, "Bill to:"),
        (50, 115, "Lone Star Supplies Inc."),
        (50, 130, "100 Congress Ave, Austin, TX 78701"),
        (300, 300, "Total"),
        (450, 300, "$120.00"),
    )
    assert fields["currency"].value == "CAD"


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
    assert _identifier_spacing(parsed, "IBZY 2087", ocr=False) == SPACING_DOUBT
    whole = _identifier("INV-2087")
    assert whole is not None
    assert _identifier_spacing(whole, "INV-2087", ocr=True) == 0.0


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


@pytest.mark.parametrize(
    "legal_name",
    ["Serralharia Lopes, Lda.", "Nordbygg Oyj", "Tatra Stav s.r.o.", "Maple Leaf Ltée"],
)
def test_a_company_name_with_its_countrys_legal_form_is_the_vendor(legal_name):
    document = pymupdf.open()
    page = document.new_page(width=595, height=842)
    page.insert_text((50, 70), legal_name.split()[0].upper(), fontsize=24)
    page.insert_text((50, 90), legal_name, fontsize=10)
    page.insert_text((50, 104), "Rua do Ouro 12, 1100-060 Lisboa", fontsize=10)
    page.insert_text((350, 160), "Fatura FT 2024/12", fontsize=12)
    page.insert_text((50, 780), "Processado por programa certificado", fontsize=8)
    schema = demo_engine_schemas()["invoice"]
    result = run_engine(EngineInput(document.tobytes(), "x.pdf", (schema,)))
    vendor = next(f for f in result.documents[0].fields if f.key == "vendor_name")
    assert vendor.value == legal_name


def test_a_tax_word_inside_an_item_description_is_no_tax_label():
    fields = _fields(
        (50, 60, "Invoice"),
        (50, 200, "Meeting with client re: tax planning"),
        (300, 200, "5.75"),
        (400, 200, "776.25"),
        (300, 400, "Total"),
        (450, 400, "776.25"),
    )
    assert fields["tax_amount"].value is None


@pytest.mark.parametrize("label", ["HST 13% on 3,547.50", "TPS / GST 5%", "TVQ 9,975 %"])
def test_canadian_sales_taxes_are_tax_labels(label):
    fields = _fields(
        (50, 60, "Invoice"),
        (300, 380, label),
        (450, 380, "461.18"),
        (300, 400, "Total"),
        (450, 400, "4,033.68"),
    )
    assert fields["tax_amount"].value == "461.18"


def test_a_brand_printed_large_is_named_by_its_legal_name_from_the_footer():
    document = pymupdf.open()
    page = document.new_page(width=595, height=842)
    page.insert_text((50, 70), "FORSBERG PLÅT", fontsize=24)
    page.insert_text((350, 70), "Faktura", fontsize=16)
    page.insert_text((50, 150), "Lindqvist Plåt HB", fontsize=10)
    page.insert_text((50, 164), "Drottninggatan 136, 351 98 Luleå", fontsize=10)
    page.insert_text((350, 300), "Att betala", fontsize=10)
    page.insert_text((480, 300), "41 125,00 kr", fontsize=10)
    page.insert_text((50, 780), "Forsberg Plåt HB", fontsize=8)
    page.insert_text((50, 790), "Storgatan 67, 720 31 Västerås", fontsize=8)
    schema = demo_engine_schemas()["invoice"]
    result = run_engine(EngineInput(document.tobytes(), "x.pdf", (schema,)))
    vendor = next(f for f in result.documents[0].fields if f.key == "vendor_name")
    assert vendor.value == "Forsberg Plåt HB"


def test_each_amount_in_a_strip_of_boxes_is_read_from_its_own_box():
    fields = _fields(
        (50, 60, "Faktura"),
        (54, 362, "Exkl. moms"),
        (178, 362, "Moms"),
        (302, 362, "Öresavrundning"),
        (425, 362, "Att betala"),
        (135, 376, "7 951,65"),
        (264, 376, "1 987,91"),
        (395, 376, "0,44"),
        (491, 376, "9 940,00 SEK"),
        (50, 400, "Betala till bankgiro 105-8783. Ange OCR-nummer 1251677 vid betalning."),
    )
    assert fields["total_amount"].value == "9940.00"
    assert fields["subtotal_amount"].value == "7951.65"
    assert fields["tax_amount"].value == "1987.91"


@pytest.mark.parametrize(
    ("subtotal", "tax", "total"),
    [
        ("Sum eks. mva", "MVA 25 %", "Å betale"),
        ("Belopp exkl. moms", "Moms 25 %", "Att betala"),
        ("Subtotal", "Moms 25%", "I alt"),
    ],
)
def test_nordic_summary_labels_are_read(subtotal, tax, total):
    fields = _fields(
        (50, 40, "Andersen Rør AS"),
        (350, 40, "FAKTURA"),
        (300, 300, subtotal),
        (450, 300, "1 000,00"),
        (300, 315, tax),
        (450, 315, "250,00"),
        (300, 330, total),
        (450, 330, "1 250,00"),
    )
    assert [fields[key].value for key in ("subtotal_amount", "tax_amount", "total_amount")] == [
        "1000.00",
        "250.00",
        "1250.00",
    ]


@pytest.mark.parametrize("title", ["FAKTURA", "Fattura", "Kvittering"])
def test_a_document_title_printed_large_is_not_the_vendor(title):
    document = pymupdf.open()
    page = document.new_page(width=595, height=842)
    page.insert_text((350, 70), title, fontsize=24)
    page.insert_text((50, 70), "Andersen Rør", fontsize=10)
    page.insert_text((350, 300), "Å betale", fontsize=10)
    page.insert_text((480, 300), "1 250,00", fontsize=10)
    schema = demo_engine_schemas()["invoice"]
    result = run_engine(EngineInput(document.tobytes(), "x.pdf", (schema,)))
    vendor = next(f for f in result.documents[0].fields if f.key == "vendor_name")
    assert vendor.value != title


@pytest.mark.parametrize(
    "label", ["Due Date of Payment:", "Échéance du paiement :", "Fälligkeitsdat.:"]
)
def test_a_due_date_label_naming_the_payment_or_cut_short_still_reads(label):
    fields = _fields(
        (50, 60, "Invoice"),
        (50, 120, label),
        (200, 120, "30/04/2024"),
        (300, 400, "Total"),
        (450, 400, "100.00"),
    )
    assert fields["due_date"].value == "2024-04-30"


def test_a_table_column_whose_next_cell_carries_a_currency_code_is_no_summary_value():
    fields = _fields(
        (50, 60, "Faktura"),
        (50, 200, "Description"),
        (250, 200, "Qty"),
        (400, 200, "Total"),
        (50, 215, "Crane hire"),
        (250, 215, "1"),
        (400, 215, "1 250 000,00 SEK"),
        (50, 230, "Operator"),
        (250, 230, "1"),
        (400, 230, "2 100 000,00 SEK"),
    )
    assert fields["total_amount"].value is None


def test_a_vat_table_heading_misread_with_a_digit_still_heads_a_column():
    fields = _fields(
        (50, 60, "Nærbutikken Olsen"),
        (50, 200, "Å betale"),
        (200, 200, "555,37 kr"),
        (50, 230, "MVA8"),
        (110, 230, "MVA"),
        (170, 230, "Grunnlag"),
        (240, 230, "Sum"),
        (50, 245, "25,00"),
        (110, 245, "27,98"),
        (170, 245, "111,90"),
        (240, 245, "139,88"),
        (50, 260, "15,00"),
        (110, 260, "54,19"),
        (170, 260, "361,30"),
        (240, 260, "415,49"),
    )
    assert fields["tax_amount"].value != "27.98"


DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


@pytest.mark.skipif(not Path(DEJAVU).exists(), reason="DejaVu Sans is not installed")
def test_czech_invoice_labels_are_read():
    document = pymupdf.open()
    page = document.new_page(width=595, height=842)
    for x, y, text in [
        (50, 60, "Faktura č. 240100123"),
        (50, 100, "DODAVATEL"),
        (300, 100, "ODBĚRATEL"),
        (50, 115, "KOVO Pardubice a.s."),
        (300, 115, "DŘEVOS s.r.o."),
        (50, 200, "Datum objednávky:"),
        (200, 200, "27.02.2024"),
        (50, 215, "Datum vystavení:"),
        (200, 215, "16.03.2024"),
        (50, 230, "Datum splatnosti:"),
        (200, 230, "30.03.2024"),
        (300, 400, "Celkem bez DPH"),
        (450, 400, "1 000,00"),
        (300, 415, "DPH celkem"),
        (450, 415, "210,00"),
        (300, 430, "Celkem k úhradě"),
        (450, 430, "1 210,00 Kč"),
    ]:
        page.insert_text((x, y), text, fontsize=10, fontfile=DEJAVU, fontname="F0")
    schema = demo_engine_schemas()["invoice"]
    result = run_engine(EngineInput(document.tobytes(), "x.pdf", (schema,)))
    fields = {f.key: f.value for f in result.documents[0].fields if f.key != "line_items"}
    assert fields == {
        "invoice_number": "240100123",
        "invoice_date": "2024-03-16",
        "due_date": "2024-03-30",
        "vendor_name": "KOVO Pardubice a.s.",
        "subtotal_amount": "1000.00",
        "tax_amount": "210.00",
        "total_amount": "1210.00",
        "currency": "CZK",
    }


def test_the_rest_of_a_sentence_after_a_party_label_is_no_name():
    fields = _fields(
        (50, 60, "Faktura 2024-0123"),
        (50, 100, "Dodavatel:"),
        (50, 115, "Radek Novák"),
        (50, 600, "Dodavatel není plátcem DPH."),
        (300, 400, "Celkem k úhradě"),
        (450, 400, "1 210,00 Kč"),
    )
    assert fields["vendor_name"].value == "Radek Novák"


def test_in_a_row_of_labels_the_next_label_names_no_event_of_this_one():
    fields = _fields(
        (50, 60, "Invoice"),
        (50, 200, "Invoice No."),
        (200, 200, "Order Date"),
        (350, 200, "Date"),
        (50, 215, "INV-4711"),
        (200, 215, "01.02.2024"),
        (350, 215, "05.02.2024"),
        (300, 400, "Total"),
        (450, 400, "100.00"),
    )
    assert fields["invoice_number"].value == "INV-4711"


def test_an_order_date_in_another_language_is_still_the_order_date():
    schema = demo_engine_schemas()["purchase_order"]
    content = build_pdf(
        [[(50, 60, "Objednávka"), (50, 120, "Datum objednávky:"), (200, 120, "12.03.2024")]]
    )
    result = run_engine(EngineInput(content, "x.pdf", (schema,)))
    order_date = next(f for f in result.documents[0].fields if f.key == "order_date")
    assert (order_date.value, order_date.confidence >= 90) == ("2024-03-12", True)


@pytest.mark.parametrize("name", ["eBay Inc.", "van der Meer B.V."])
def test_a_company_name_in_lower_case_ending_with_a_full_stop_is_a_name(name):
    fields = _fields(
        (50, 60, "Invoice"),
        (50, 120, "Seller:"),
        (120, 120, name),
        (50, 135, "2025 Hamilton Avenue, San Jose"),
        (300, 400, "Total"),
        (450, 400, "100.00"),
    )
    assert fields["vendor_name"].value == name


def test_paid_written_bez_on_a_german_receipt_is_no_subtotal():
    fields = _fields(
        (50, 60, "Kassenbon"),
        (300, 300, "Summe EUR"),
        (450, 300, "11,90"),
        (300, 315, "bez. Betrag"),
        (450, 315, "20,00"),
        (300, 330, "Rückgeld"),
        (450, 330, "8,10"),
    )
    assert fields["subtotal_amount"].value != "20.00"


def test_a_total_after_numbers_in_its_phrase_is_still_a_total():
    fields = _fields((50, 60, "Line 3 of page 1: Invoice number INV-7 total 12.50 EUR"))
    assert fields["total_amount"].value == "12.50"


def test_a_name_read_from_layout_leaves_its_label_and_a_centred_buyer_heading_holds_its_box():
    # A Brazilian NFS-e: each party's box under a heading centred across the page, each name
    # after `Nome/Razão Social:`. The provider is a person (no legal form): the customer's
    # company below `TOMADOR DE SERVIÇOS` is no issuer.
    page = [
        (200, 60, "NOTA FISCAL ELETRÔNICA DE SERVIÇOS - NFS-e"),
        (400, 80, "Número da Nota 00066827"),
        (250, 110, "PRESTADOR DE SERVIÇOS"),
        (40, 125, "CPF/CNPJ: 81.504.218/0001-85"),
        (40, 139, "Nome/Razão Social: JOÃO PEREIRA DA SILVA"),
        (40, 153, "Município: São Paulo"),
        (253, 180, "TOMADOR DE SERVIÇOS"),
        (40, 195, "Nome/Razão Social: ALFA METALÚRGICA LTDA"),
        (40, 209, "CPF/CNPJ: 78.972.299/0001-33"),
        (40, 223, "Endereço: RUA JOÃO PESSOA, 2619 - SÃO CRISTÓVÃO"),
        (540, 700, "Página 1 de 1"),
    ]
    vendor = _fields(*page)["vendor_name"]
    assert vendor.value != "ALFA METALÚRGICA LTDA"
    assert "Nome" not in str(vendor.value or "")
    page[4] = (40, 139, "Nome/Razão Social: PEREIRA & SILVA CONSULTORIA EMPRESARIAL LTDA")
    assert _fields(*page)["vendor_name"].value == "PEREIRA & SILVA CONSULTORIA EMPRESARIAL LTDA"


def test_a_turkish_e_fatura_gives_its_totals_in_lira_and_its_labels_in_either_case():
    fields = _fields(
        (50, 60, "SERKAN KARA"),
        (50, 120, "SAYIN"),
        (50, 134, "MARMARA HIRDAVAT LTD. ŞTİ."),
        (350, 120, "Fatura No:"),
        (450, 120, "KAR2023000002972"),
        (350, 134, "FATURA TARIHI:"),
        (450, 134, "13-02-2023"),
        (350, 148, "Son Ödeme Tarihi:"),
        (450, 148, "28-02-2023"),
        (300, 300, "Mal Hizmet Toplam Tutarı"),
        (470, 300, "14.866,50 TL"),
        (300, 314, "Hesaplanan KDV(%8)"),
        (470, 314, "1.189,32 TL"),
        (300, 328, "Vergiler Dahil Toplam Tutar"),
        (470, 328, "16.055,82 TL"),
        (300, 342, "Ödenecek Tutar"),
        (470, 342, "16.055,82 TL"),
    )
    values = {key: field.value for key, field in fields.items()}
    assert values["invoice_number"] == "KAR2023000002972"
    assert values["invoice_date"] == "2023-02-13"  # `TARIHI` in capitals is `Tarihi`
    assert values["due_date"] == "2023-02-28"
    assert (values["subtotal_amount"], values["tax_amount"]) == ("14866.50", "1189.32")
    assert (values["total_amount"], values["currency"]) == ("16055.82", "TRY")
    assert values["vendor_name"] != "MARMARA HIRDAVAT LTD. ŞTİ."


def test_the_amount_due_on_a_page_carrying_an_earlier_balance_is_doubted_as_the_total():
    # A utility bill's account summary: what is due holds last bill's unpaid balance.
    summary = [
        (50, 60, "Northwind Energy Ltd"),
        (300, 200, "Previous balance"),
        (480, 200, "£278.97"),
        (540, 200, "This bill: 21.4 kWh"),
        (300, 214, "Current charges"),
        (480, 214, "£225.19"),
        (300, 228, "Amount due"),
        (480, 228, "£504.16"),
    ]
    assert _fields(*summary)["total_amount"].confidence < 90
    plain = [summary[0], (300, 228, "Amount due"), (480, 228, "£225.19")]
    assert _fields(*plain)["total_amount"].confidence >= 90


def test_a_label_word_in_the_end_of_a_sentence_names_no_value():
    fields = _fields(
        (50, 60, "Clearwater Electric Cooperative, Inc."),
        (300, 200, "AutoPay - do not pay. Amount will be drafted"),
        (300, 214, "from your bank on May 29, 2023."),
        (300, 240, "Meter"),
        (400, 240, "Present"),
    )
    assert fields["vendor_name"].value != "Present"
    assert "your bank" not in str(fields["vendor_name"].value)


def test_a_purchase_orders_letterhead_is_its_merchant_never_also_its_vendor():
    schema = demo_engine_schemas()["purchase_order"]
    page: list[tuple[float, float, str]] = [
        (50, 60, "Westgate Supplies LLP"),
        (400, 60, "PURCHASE ORDER"),
        (400, 80, "PO Number: P00042"),
        (50, 140, "Radcliffe Joinery Ltd"),
        (50, 154, "12 Mill Lane, Leeds"),
        (300, 400, "Total"),
        (450, 400, "1,200.00"),
        (300, 700, "Page 1 of 1"),
    ]
    result = run_engine(EngineInput(build_pdf([page]), "x.pdf", (schema,)))
    fields = {f.key: f for f in result.documents[0].fields}
    assert fields["merchant"].value == "Westgate Supplies LLP"
    assert fields["vendor_name"].value != "Westgate Supplies LLP"


def _ocr_fields(*lines: tuple[float, float, str]) -> dict[str, FieldResult]:
    """The invoice fields of a page of OCR words (confidence 90), one word per text piece."""
    words = []
    for x, y, text in lines:
        for word in text.split():
            words.append(Word(word, (x, y - 10, x + 6 * len(word), y), 90.0))
            x += 6 * len(word) + 4
    page = PageResult(1, 595.0, 842.0, "", "ocr", 0, tuple(words))
    schema = demo_engine_schemas()["invoice"]
    context = build_context(document_lines([page]))
    return {f.key: f for f in extract_fields(context, schema)}


def test_a_pound_sign_read_by_ocr_on_a_page_not_in_english_is_doubted():
    # OCR takes the Turkish lira's `₺` for `£`; a reviewer confirms the currency.
    turkish = [
        (50, 60, "Ömer Yılmaz"),
        (300, 80, "Fatura No: F-2023108"),
        (300, 94, "Fatura Tarihi: 19.07.2023"),
        (50, 200, "Sayın müşterimiz, bu fatura için teşekkür ederiz ve toplam tutar aşağıdadır"),
        (300, 300, "Genel Toplam"),
        (450, 300, "£10.134,56"),
    ]
    assert _ocr_fields(*turkish)["currency"].confidence < 90
    english = [
        (50, 60, "Ömer Yılmaz Ltd"),
        (300, 80, "Invoice No: F-2023108"),
        (50, 200, "Thank you for your order and please pay the total within the month"),
        (300, 300, "Total"),
        (450, 300, "£10,134.56"),
    ]
    assert _ocr_fields(*english)["currency"].value == "GBP"
    assert _ocr_fields(*english)["currency"].confidence >= 90


def test_a_signature_is_the_person_without_their_job_title():
    schema = demo_engine_schemas()["purchase_order"]
    page: list[tuple[float, float, str]] = [
        (50, 60, "Westgate Supplies LLP"),
        (400, 80, "PO Number: P00042"),
        (300, 400, "Total"),
        (450, 400, "1,200.00"),
        (50, 600, "Authorized by: Brian Patterson, Procurement Lead"),
        (300, 760, "Page 1 of 1"),
    ]
    result = run_engine(EngineInput(build_pdf([page]), "x.pdf", (schema,)))
    fields = {f.key: f for f in result.documents[0].fields}
    assert fields["signature"].value == "Brian Patterson"


def test_an_account_line_with_nothing_carried_does_not_doubt_the_amount_due():
    page = [
        (50, 60, "Northwind Energy Ltd"),
        (300, 200, "Balance forward"),
        (480, 200, "£0.00"),
        (300, 214, "Payments received"),
        (480, 214, "£0.00"),
        (300, 228, "Amount due"),
        (480, 228, "£225.19"),
    ]
    assert _fields(*page)["total_amount"].confidence >= 90


def test_a_whole_word_buyer_heading_does_not_take_in_names_that_begin_with_it():
    fields = _fields(
        (50, 60, "Alicia Ramos"),
        (50, 74, "Ramos Interiors Ltd"),
        (50, 88, "12 Dock Road, Hull"),
        (350, 140, "Invoice number:"),
        (450, 140, "INV-0042"),
        (380, 328, "Total"),
        (480, 328, "100.00 GBP"),
    )
    assert fields["vendor_name"].value == "Ramos Interiors Ltd"  # `Alicia` is no `Alıcı`


def test_layout_signatures_keep_the_letters_they_were_stored_with():
    assert compact("Płatność", fold=False) == "patnosc"
    assert compact("Płatność") == "platnosc"


def test_a_name_read_by_ocr_on_a_turkish_page_with_a_capital_i_is_doubted():
    # The recogniser reads `ELEKTRİK` as `ELEKTRIK`: only a reviewer can restore the dot.
    page = [
        (50, 60, "ÖZKANLAR ELEKTRIK PAZARLAMA LTD. ŞTI."),
        (50, 74, "Vergi Dairesi: Konak"),
        (300, 80, "Fatura No: A-010127"),
        (50, 200, "Sayın müşterimiz bu fatura için toplam tutar ve KDV aşağıdadır"),
        (300, 300, "Genel Toplam"),
        (450, 300, "10.134,56 TL"),
    ]
    vendor = _ocr_fields(*page)["vendor_name"]
    assert vendor.value == "ÖZKANLAR ELEKTRIK PAZARLAMA LTD. ŞTI."
    assert vendor.confidence < 90
    page[0] = (50, 60, "ÖZKANLAR ELEKTROTEKNİK PAZARLAMA LTD. ŞTİ.")
    assert _ocr_fields(*page)["vendor_name"].confidence > vendor.confidence


@pytest.mark.parametrize("signed", ["Fischer, Lea", "Doe, Jane (Manager)"])
def test_a_surname_first_signature_keeps_its_first_name(signed):
    schema = demo_engine_schemas()["purchase_order"]
    page: list[tuple[float, float, str]] = [
        (50, 60, "Westgate Supplies LLP"),
        (50, 74, "Registered Office: 1 Mill Lane, Leeds"),
        (400, 80, "PO Number: P00042"),
        (300, 400, "Total"),
        (450, 400, "1,200.00"),
        (50, 600, f"Authorized by: {signed}"),
        (300, 760, "Page 1 of 1"),
    ]
    result = run_engine(EngineInput(build_pdf([page]), "x.pdf", (schema,)))
    fields = {f.key: f for f in result.documents[0].fields}
    assert fields["signature"].value == signed


def test_one_phone_read_by_two_phone_fields_is_doubted_in_both():
    schema = demo_engine_schemas()["purchase_order"]
    page: list[tuple[float, float, str]] = [
        (50, 60, "Westgate Supplies LLP"),
        (50, 74, "Phone: 970.584.2619"),
        (400, 60, "PURCHASE ORDER"),
        (400, 80, "PO Number: P00042"),
        (300, 400, "Total"),
        (450, 400, "1,200.00"),
    ]
    result = run_engine(EngineInput(build_pdf([page]), "x.pdf", (schema,)))
    fields = {f.key: f for f in result.documents[0].fields}
    phones = [fields["phone_number"], fields["company_phone_number"]]
    assert [f.value for f in phones] == ["970.584.2619", "970.584.2619"]
    assert all(f.confidence < 90 for f in phones)


def test_two_phones_on_their_own_lines_are_not_doubted_for_each_other():
    schema = demo_engine_schemas()["purchase_order"]
    page: list[tuple[float, float, str]] = [
        (50, 60, "Westgate Supplies LLP"),
        (50, 74, "Company phone: 970.584.2619"),
        (400, 60, "PURCHASE ORDER"),
        (400, 80, "PO Number: P00042"),
        (50, 200, "Ship to: Radcliffe Joinery Ltd"),
        (50, 214, "Phone: 612.970.9390"),
        (300, 400, "Total"),
        (450, 400, "1,200.00"),
    ]
    result = run_engine(EngineInput(build_pdf([page]), "x.pdf", (schema,)))
    fields = {f.key: f for f in result.documents[0].fields}
    assert (fields["phone_number"].value, fields["phone_number"].confidence >= 90) == (
        "970.584.2619",
        True,
    )
    assert (
        fields["company_phone_number"].value,
        fields["company_phone_number"].confidence >= 90,
    ) == ("612.970.9390", True)


def test_total_charges_is_the_total_and_a_zero_amount_due_is_not():
    fields = _fields(
        (50, 60, "VELOX RENT A CAR"),
        (50, 80, "INVOICE # 4287711161"),
        (300, 300, "SUBTOTAL"),
        (500, 300, "417.87"),
        (300, 315, "STATE TAX 7.00%"),
        (500, 315, "27.01"),
        (300, 330, "LOCAL TAX 2.25%"),
        (500, 330, "8.68"),
        (300, 345, "TOTAL CHARGES"),
        (500, 345, "$453.56"),
        (300, 360, "MASTERCARD xxxx8804"),
        (500, 360, "-453.56"),
        (300, 375, "AMOUNT DUE"),
        (500, 375, "$0.00"),
    )
    assert fields["total_amount"].value == "453.56"


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("TOTAL CHARGES", "total_amount"),
        ("Total current charges", "total_amount"),
        ("Total charges due", "total_amount"),
        ("Total service charge", "other"),
        ("Total monthly charges", "other"),
        ("Total delivery charges", "other"),
        ("Finance charge", "other"),
    ],
)
def test_charges_in_all_are_the_total_and_some_charges_are_not(label, role):
    assert amount_role(label) == role


def test_a_lone_zero_total_is_held():
    fields = _fields(
        (50, 60, "Invoice 1042"),
        (50, 200, "Consulting"),
        (500, 200, "1,200.00"),
        (300, 375, "Balance due"),
        (500, 375, "0.00"),
    )
    assert (fields["total_amount"].value, fields["total_amount"].confidence < 90) == ("0.00", True)


def test_a_total_beside_an_amount_that_adds_up_to_a_larger_one_is_doubted():
    # A Romanian form: `Total` over the net and VAT columns, the payable amount in a box beside.
    fields = _fields(
        (50, 60, "FACTURA"),
        (50, 80, "Seria PA nr. 02314"),
        (418, 475, "Total"),
        (453, 492, "7.172,00"),
        (528, 492, "1.362,68"),
        (435, 505, "Semnatura"),
        (518, 505, "Total de plata"),
        (435, 516, "de primire"),
        (518, 516, "(col. 5 + col. 6)"),
        (528, 540, "8.534,68"),
    )
    assert fields["total_amount"].confidence < 90


def test_a_total_with_cash_and_change_elsewhere_is_not_doubted_as_outgrown():
    fields = _fields(
        (50, 60, "CORNER STORE"),
        (50, 200, "Milk"),
        (300, 200, "41.85"),
        (50, 215, "Bread"),
        (300, 215, "50.00"),
        (50, 260, "TOTAL"),
        (300, 260, "91.85"),
        (50, 275, "CASH"),
        (300, 275, "100.00"),
        (50, 290, "CHANGE"),
        (300, 290, "8.15"),
    )
    assert (fields["total_amount"].value, fields["total_amount"].confidence >= 90) == (
        "91.85",
        True,
    )


@pytest.mark.parametrize(
    ("after", "doubted"), [("52", True), ("Till 4", False), ("1 of 2", False), ("2024", False)]
)
def test_a_number_read_by_ocr_before_a_group_of_digits_is_doubted(after, doubted):
    # OCR splits `384152` into `3841 52`; which digits belong to the number is a guess. A year
    # or a page count after the number is no part of it. Compared with a word after it.
    def number(line: str) -> FieldResult:
        page = ((50, 60, "OAKLEY NEWSAGENTS"), (50, 500, line), (300, 400, "Total 11.24"))
        return _ocr_fields(*page)["invoice_number"]

    read, plain = number(f"Receipt No 3841 {after}"), number("Receipt No 3841 Thanks")
    assert read.value == "3841"
    assert (read.confidence < plain.confidence) is doubted


def test_a_text_layers_number_before_a_group_of_digits_is_not_doubted():
    fields = _fields((50, 60, "OAKLEY NEWSAGENTS"), (50, 500, "Invoice number: 4711 12"))
    assert (fields["invoice_number"].value, fields["invoice_number"].confidence >= 90) == (
        "4711",
        True,
    )


# --- Kinds found on sources written after the 2026-12-01 fit (construction progress claims,
# African and South-East Asian invoices): each released a wrong value at 92-98 before.


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Total Retainage (Lines 5a + 5b, or Total in Column I)", "other"),
        ("TOTAL COMPLETED & STORED TO DATE", "other"),
        ("ORIGINAL CONTRACT SUM", "other"),
        ("TOTAL EARNED LESS RETAINAGE", "other"),
        ("Less retention @ 3%", "other"),
        ("Less CIS deduction", "other"),
        ("Sicherheitseinbehalt 5 %", "other"),
        ("Retención IRPF", "other"),
        ("8. CURRENT PAYMENT DUE", "total_amount"),
        ("VATable Sales", "subtotal_amount"),
        ("VAT-Exempt Sales", "other"),
        ("Zero-Rated Sales", "other"),
        ("Total Sales (VAT Inclusive)", "total_amount"),
        ("DPP", "subtotal_amount"),
        ("DPP Nilai Lain", "other"),
        ("PPN 11%", "tax_amount"),
        ("PPh 23 (2%)", "other"),
        ("Cộng tiền hàng (Total amount):", "subtotal_amount"),
        ("Tiền thuế GTGT (VAT amount):", "tax_amount"),
        ("Tổng cộng tiền thanh toán (Total payment):", "total_amount"),
        # what remains after an amount held back, or before it, is still named
        ("Amount due after retention", "total_amount"),
        ("Total due after CIS deduction", "total_amount"),
        ("Net à payer après retenue", "total_amount"),
        ("Total a pagar (con retención)", "total_amount"),
        ("Subtotal before retention", "subtotal_amount"),
        ("Invoice total (completed works)", "total_amount"),
        ("Total (exempt)", "total_amount"),
        ("VAT (zero rated)", "tax_amount"),
        ("Tong", None),  # sole, on a Dutch receipt; Vietnamese `Tổng cộng` is the total
    ],
)
def test_amounts_held_back_and_a_contracts_running_figures_are_no_total(label, role):
    assert amount_role(label) == role


def test_a_progress_claims_payment_due_is_its_total_not_the_retainage():
    fields = _fields(
        (50, 40, "APPLICATION AND CERTIFICATION FOR PAYMENT"),
        (50, 100, "1. ORIGINAL CONTRACT SUM"),
        (400, 100, "$ 1,781,875.00"),
        (50, 115, "4. TOTAL COMPLETED & STORED TO DATE"),
        (400, 115, "$ 1,535,426.00"),
        (50, 130, "Total Retainage (Lines 5a + 5b, or Total in Column I)"),
        (400, 130, "$ 153,542.60"),
        (50, 145, "6. TOTAL EARNED LESS RETAINAGE"),
        (400, 145, "$ 1,381,883.40"),
        (50, 160, "7. LESS PREVIOUS CERTIFICATES FOR PAYMENT"),
        (400, 160, "$ 1,220,105.25"),
        (50, 175, "8. CURRENT PAYMENT DUE"),
        (400, 175, "$ 161,778.15"),
    )
    assert fields["total_amount"].value == "161778.15"


def test_a_label_word_in_a_parenthetical_note_names_no_value():
    fields = _fields(
        (50, 40, "Pioneer Masonry Inc."),
        (50, 60, "Invoice"),
        (50, 200, "7. LESS PREVIOUS CERTIFICATES FOR PAYMENT"),
        (60, 212, "(Line 6 from prior Certificate)"),
        (300, 300, "Total"),
        (450, 300, "100.00"),
    )
    assert fields["vendor_name"].value != "prior Certificate)"


def test_a_label_word_in_running_text_takes_no_lower_case_words_after_it():
    fields = _fields(
        (50, 40, "Invoice"),
        (50, 200, "were issued and payments received from the Owner, and that current"),
        (300, 300, "Total"),
        (450, 300, "100.00"),
    )
    assert fields["vendor_name"].value != "the Owner, and that current"


def test_a_near_label_word_inside_a_company_name_is_no_label():
    # `Supplies` is near `Supplier`; inside a name it is a word of the name.
    fields = _fields(
        (50, 40, "Botha & Sons Supplies CC"),
        (350, 120, "TAX INVOICE"),
        (50, 220, "Description"),
        (300, 220, "Amount"),
        (50, 240, "Screws M4"),
        (300, 240, "15.00"),
    )
    assert fields["vendor_name"].value == "Botha & Sons Supplies CC"


def test_a_letterheads_list_of_trades_is_no_label_and_no_name():
    fields = _fields(
        (150, 40, "Cederberg Logistics (Pty) Ltd"),
        (150, 55, "Suppliers | Contractors | Consultants"),
        (150, 70, "99 Florida Rd"),
        (350, 120, "TAX INVOICE"),
        (300, 300, "Total"),
        (450, 300, "100.00"),
    )
    assert fields["vendor_name"].value == "Cederberg Logistics (Pty) Ltd"


def test_a_document_title_with_its_kind_is_not_the_issuer():
    document = pymupdf.open()
    page = document.new_page(width=595, height=842)
    page.insert_text((50, 50), "Cebu Supplies Enterprises", fontsize=16)
    page.insert_text((380, 50), "SERVICE INVOICE", fontsize=16)
    for y, text in ((70, "Lot 76 Km. 23 Aguinaldo Hi-way"), (84, "Dasmariñas, Cavite 4114")):
        page.insert_text((50, y), text, fontsize=10)
    page.insert_text((300, 300), "Total        100.00", fontsize=10)
    schema = demo_engine_schemas()["invoice"]
    result = run_engine(EngineInput(document.tobytes(), "x.pdf", (schema,)))
    fields = {f.key: f for f in result.documents[0].fields}
    assert fields["vendor_name"].value == "Cebu Supplies Enterprises"


def test_a_receipts_gross_subtotal_gives_way_to_the_vatable_amount_that_adds_up():
    fields = _fields(
        (50, 40, "Chao Phraya Cafe"),
        (50, 60, "RECEIPT / TAX INVOICE (ABB)"),
        (50, 200, "SUBTOTAL"),
        (300, 200, "1,124.00"),
        (50, 215, "TOTAL"),
        (300, 215, "1,124.00"),
        (50, 245, "VATable"),
        (300, 245, "1,050.47"),
        (50, 260, "VAT 7%"),
        (300, 260, "73.53"),
    )
    assert (fields["subtotal_amount"].value, fields["tax_amount"].value) == ("1050.47", "73.53")


def test_an_amount_ocr_cut_inside_a_group_of_thousands_is_joined_and_doubted():
    def total(amount: str) -> FieldResult:
        page = ((50, 60, "Pennine Mechanical Services Limited"), (300, 400, f"Total {amount}"))
        return _ocr_fields(*page)["total_amount"]

    cut, whole = total("£37,3 96.61"), total("£37,396.61")
    assert (cut.value, whole.value) == ("37396.61", "37396.61")
    assert cut.confidence < 90 <= whole.confidence


def test_an_invoice_title_with_its_kind_above_a_credit_note_title_keeps_it_a_credit_note():
    fields = _fields(
        (50, 40, "Harbour Marine Ltd"),
        (350, 40, "CREDIT INVOICE"),
        (350, 60, "Credit Note No. C21651"),
        (300, 300, "Total"),
        (450, 300, "119.00"),
    )
    assert fields["total_amount"].value == "-119.00"


def test_a_misread_label_before_a_colon_inside_a_phrase_still_names_its_value():
    fields = _fields(
        (50, 40, "Invoice"),
        (50, 100, "Sales Invoice Dale: 12/03/2024"),
        (50, 115, "Due Date: 15/04/2024"),
    )
    assert fields["invoice_date"].value == "2024-03-12"


def test_a_name_followed_on_its_line_by_a_separator_keeps_the_name():
    fields = _fields(
        (50, 40, "Invoice"),
        (50, 100, "Supplier: Bright Sparks Electrical | 07700 900123"),
        (300, 300, "Total"),
        (450, 300, "100.00"),
    )
    assert fields["vendor_name"].value == "Bright Sparks Electrical"


def test_indonesian_labels_and_a_till_total_against_its_currency_are_read():
    fields = _fields(
        (50, 40, "Warung Kopi Nusantara"),
        (50, 60, "STRUK BELANJA"),
        (50, 80, "Nomor Faktur:"),
        (200, 80, "230211-5195"),
        (50, 95, "Tanggal:"),
        (200, 95, "11.02.2023 11:26"),
        (50, 200, "TOTAL BELANJA"),
        (250, 200, "Rp310.000,00"),
    )
    assert (
        fields["invoice_number"].value,
        fields["invoice_date"].value,
        fields["total_amount"].value,
        fields["currency"].value,
    ) == ("230211-5195", "2023-02-11", "310000.00", "IDR")


def test_a_vietnamese_invoice_title_is_not_its_issuer():
    document = pymupdf.open()
    page = document.new_page(width=595, height=842)
    font = pymupdf.Font(script=1)  # MuPDF's Noto Serif: the Base-14 fonts lack Vietnamese
    writer = pymupdf.TextWriter(page.rect)
    writer.append((50, 50), "Đơn vị bán hàng: CÔNG TY TNHH VẬN TẢI THÀNH ĐẠT", font, 10)
    writer.append((150, 120), "HÓA ĐƠN GIÁ TRỊ GIA TĂNG", font, 16)
    writer.append((160, 140), "Ngày 28 tháng 04 năm 2024", font, 10)
    writer.append((50, 300), "Tổng cộng tiền thanh toán:     316.761.375", font, 10)
    writer.write_text(page)
    schema = demo_engine_schemas()["invoice"]
    result = run_engine(EngineInput(document.tobytes(), "x.pdf", (schema,)))
    fields = {f.key: f for f in result.documents[0].fields}
    assert fields["vendor_name"].value != "HÓA ĐƠN GIÁ TRỊ GIA TĂNG"
    assert fields["invoice_date"].value == "2024-04-28"
    assert fields["total_amount"].value == "316761375.00"


def test_a_contacts_name_near_a_short_date_label_is_no_date_label():
    # `Tarik` is one letter from Malay `Tarikh`; the period's date below it is no invoice date.
    fields = _fields(
        (50, 40, "Stuttgart, 12.03.2024"),
        (50, 60, "Rechnung Nr. 2024-118"),
        (50, 100, "Ansprechpartner:"),
        (200, 100, "Tarik Yılmaz"),
        (50, 115, "Leistungszeitraum:"),
        (200, 115, "01.02.2024 - 29.02.2024"),
    )
    assert fields["invoice_date"].value != "2024-02-01"


@pytest.mark.parametrize(
    "lines",
    [
        [(50, 40, "Sino Ocean Shipping"), (50, 55, "2088 Gloucester Road")],
        [(50, 40, "Harbour Trading"), (50, 100, "Exento de IVA:  Sí  No"), (50, 115, "PED-77812")],
    ],
)
def test_a_word_spelt_like_a_philippine_si_no_label_is_no_invoice_number_label(lines):
    fields = _fields(*lines, (300, 300, "Total"), (450, 300, "100.00"))
    assert fields["invoice_number"].value is None


def test_a_philippine_si_no_label_names_the_invoice_number():
    fields = _fields((50, 40, "Bayanihan Bakeshop"), (50, 100, "SI No.:"), (200, 100, "000739452"))
    assert fields["invoice_number"].value == "000739452"
