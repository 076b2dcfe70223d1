"""Tables: line items under a header, ruled grids and unruled columns against tabula's truth."""

from __future__ import annotations

import csv
from pathlib import Path

import pymupdf
import pytest

from extraction.engine import run_engine
from extraction.engine.tables import ruled_tables, stream_table
from extraction.engine.types import EngineInput
from extraction.engine.words import text_layer_words
from tests.engine.conftest import Placed, build_pdf
from tests.schemas import INVOICE

TABULA = Path(__file__).resolve().parents[3] / "shared" / "eval" / "tables" / "tabula-java"
needs_tabula = pytest.mark.skipif(not TABULA.exists(), reason="shared/eval corpus not present")


def _line_items(content: bytes) -> list[dict]:
    result = run_engine(EngineInput(content, "x.pdf", (INVOICE,)))
    field = next(f for f in result.documents[0].fields if f.key == "line_items")
    return [{key: cell.value for key, cell in row.items()} for row in field.rows]


def test_line_items_are_read_under_their_header(invoice_pdf):
    rows = _line_items(invoice_pdf)
    assert rows == [
        {"description": "Schrauben M4", "quantity": "10", "unit_price": "1.50", "amount": "15.00"},
        {"description": "Dübel 6 mm", "quantity": "100", "unit_price": "0.05", "amount": "5.00"},
    ]


def test_line_item_cells_carry_boxes_and_confidence(invoice_pdf):
    result = run_engine(EngineInput(invoice_pdf, "x.pdf", (INVOICE,)))
    field = next(f for f in result.documents[0].fields if f.key == "line_items")
    cell = field.rows[0]["amount"]
    assert cell.page == 1
    assert cell.bbox[0] > 470
    assert cell.confidence >= 80


def test_description_continuation_lines_join_their_row():
    page = [
        (50, 100, "Description"),
        (300, 100, "Qty"),
        (400, 100, "Amount"),
        (50, 120, "Consulting services"),
        (300, 120, "2"),
        (400, 120, "200.00"),
        (50, 132, "on site, March"),
        (50, 150, "Travel"),
        (300, 150, "1"),
        (400, 150, "80.00"),
        (300, 190, "Total"),
        (400, 190, "280.00"),
    ]
    rows = _line_items(build_pdf([page]))
    assert [r["description"] for r in rows] == ["Consulting services on site, March", "Travel"]
    assert [r["amount"] for r in rows] == ["200.00", "80.00"]


def test_table_continuing_on_next_page_is_merged():
    header = [(50, 100, "Description"), (300, 100, "Qty"), (400, 100, "Amount")]
    first = [*header, (50, 120, "Item one"), (300, 120, "1"), (400, 120, "10.00")]
    second = [
        *header,
        (50, 120, "Item two"),
        (300, 120, "2"),
        (400, 120, "20.00"),
        (300, 160, "Total"),
        (400, 160, "30.00"),
    ]
    rows = _line_items(build_pdf([first, second]))
    assert [r["description"] for r in rows] == ["Item one", "Item two"]


def test_document_without_table_has_empty_line_items():
    assert _line_items(build_pdf([[(50, 50, "Invoice 123 with no table at all, just text")]])) == []


def _expected(name: str) -> list[list[str]]:
    with open(TABULA / "expected" / name, newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


@needs_tabula
def test_ruled_table_matches_tabula_spanning_cells():
    document = pymupdf.open(TABULA / "pdf" / "spanning_cells.pdf")
    page = document[0]
    rows = [row for table in ruled_tables(page, text_layer_words(page)) for row in table]
    expected = _expected("spanning_cells.csv")
    assert len(rows) == len(expected)
    matching = sum(1 for got, want in zip(rows, expected, strict=True) if got == want)
    assert matching / len(expected) >= 0.9


@needs_tabula
def test_unruled_table_matches_tabula_numeric_columns():
    document = pymupdf.open(TABULA / "pdf" / "indictb1h_14.pdf")
    words = text_layer_words(document[0])
    rows = stream_table(words, (120.0, 205.0, 459.9, 622.82))
    expected = _expected("indictb1h_14.csv")
    got = {tuple(row[:6]) for row in rows}
    want = [tuple(row[:6]) for row in expected if any(row[:6])]
    assert sum(1 for row in want if row in got) / len(want) >= 0.9


def _line_item_cells(header: list[str], rows: list[list[str]]) -> list[dict]:
    """Line items of a page with a table at the given columns (x = 50, 250, 330, 430)."""
    xs = (50, 250, 330, 430)
    page: list[tuple[float, float, str]] = [
        (x, 100, title) for x, title in zip(xs, header, strict=True)
    ]
    for offset, row in enumerate(rows, 1):
        page += [(x, 100 + 16 * offset, text) for x, text in zip(xs, row, strict=True)]
    page.append((330, 100 + 16 * (len(rows) + 2), "Total"))
    result = run_engine(EngineInput(build_pdf([page]), "x.pdf", (INVOICE,)))
    field = next(f for f in result.documents[0].fields if f.key == "line_items")
    return [dict(row) for row in field.rows]


def test_an_unrecognised_quantity_heading_is_read_when_row_arithmetic_confirms_it():
    """`Kpl` names no column the engine knows: its numbers are the quantity only because
    quantity × unit price = amount holds in every row with them."""
    rows = _line_item_cells(
        ["Description", "Kpl", "Unit price", "Amount"],
        [["Widget", "3", "10.00", "30.00"], ["Bolt", "2", "5.50", "11.00"]],
    )
    assert [row["quantity"].value for row in rows] == ["3", "2"]
    assert all(row["quantity"].confidence >= 90 for row in rows)


def test_an_unrecognised_column_that_breaks_row_arithmetic_is_not_the_quantity():
    rows = _line_item_cells(
        ["Description", "Ref", "Unit price", "Amount"],
        [["Widget", "4711", "10.00", "30.00"], ["Bolt", "4712", "5.50", "11.00"]],
    )
    assert [row["quantity"].value for row in rows] == [None, None]


def test_an_unrecognised_column_is_not_guessed_when_two_columns_could_be_it():
    """Neither quantity nor unit price is named, and nothing can be checked: `Kpl` could be
    either, so neither is guessed."""
    rows = _line_item_cells(
        ["Description", "Kpl", "Note", "Amount"],
        [["Widget", "3", "blue", "30.00"], ["Bolt", "2", "grey", "11.00"]],
    )
    assert [(row["quantity"].value, row["unit_price"].value) for row in rows] == [(None, None)] * 2


def test_a_column_headed_with_a_percent_sign_holds_rates_not_quantities():
    rows = _line_item_cells(
        ["Description", "VAT %", "Note", "Amount"],
        [["Widget", "21", "blue", "30.00"], ["Bolt", "21", "grey", "11.00"]],
    )
    assert [row["quantity"].value for row in rows] == [None, None]


def test_a_note_with_a_date_inside_the_table_is_no_item_row():
    rows = _line_item_cells(
        ["Description", "Qty", "Unit price", "Amount"],
        [
            ["Delivery note 4711 of", "12/09/2024", "", ""],
            ["Widget", "3", "10.00", "30.00"],
        ],
    )
    assert [row["description"].value for row in rows] == ["Widget"]
    assert rows[0]["quantity"].value == "3"


@pytest.mark.parametrize(
    "header",
    [
        ["Descrição", "Qtd.", "Preço Unit.", "Valor"],
        ["Descrizione", "Q.tà", "Prezzo", "Importo"],
        ["Descripción", "Cant.", "Precio", "Importe"],
        ["Descrição", "Quantidade", "Valor unitário", "Valor total"],
        ["Benämning", "Lev ant", "À-pris", "Summa"],
        ["Beskrivelse", "Antal", "Stk. pris", "Beløb"],
        ["Beskrivelse", "Antall", "Enhetspris", "Beløp"],
    ],
)
def test_southern_and_nordic_column_headings_are_known(header):
    rows = _line_item_cells(header, [["Cimento", "3", "10,00", "30,00"]])
    assert [
        (row["description"].value, row["quantity"].value, row["unit_price"].value) for row in rows
    ] == [("Cimento", "3", "10.00")]


def test_a_dated_note_under_an_item_joins_its_description_not_its_quantity():
    rows = _line_item_cells(
        ["Description", "Qty", "Unit price", "Amount"],
        [
            ["Widget", "3", "10.00", "30.00"],
            ["Delivered", "12/09/2024", "", ""],
            ["Bolt", "2", "5.50", "11.00"],
        ],
    )
    assert [(row["description"].text, row["quantity"].value) for row in rows] == [
        ("Widget Delivered 12/09/2024", "3"),
        ("Bolt", "2"),
    ]


def test_a_service_period_under_an_item_is_not_part_of_its_description():
    rows = _line_item_cells(
        ["Description", "Qty", "Unit price", "Amount"],
        [
            ["Premium support", "3", "99.00", "297.00"],
            ["6 Mar 2023 – 5 Apr 2023", "", "", ""],
            ["Payroll module", "1", "28.50", "28.50"],
            ["1 April 2023 to 30 April 2023", "", "", ""],
        ],
    )
    assert [row["description"].value for row in rows] == ["Premium support", "Payroll module"]


def test_a_footnote_mark_is_no_part_of_a_description_and_its_legend_ends_the_table():
    rows = _line_item_cells(
        ["Description", "Qty", "Unit price", "Amount"],
        [
            ["Medical consumables *", "2", "291.00", "582.00"],
            ["Bottled water 24 x 600 ml *", "1", "36.50", "36.50"],
            ["* GST-free item", "", "", ""],
        ],
    )
    assert [row["description"].value for row in rows] == [
        "Medical consumables",
        "Bottled water 24 x 600 ml",
    ]


def test_totals_beside_notes_on_the_same_line_end_the_items():
    page: list[Placed] = [
        (50, 100, "Description"),
        (300, 100, "Qty"),
        (360, 100, "Unit price"),
        (460, 100, "Amount"),
        (50, 120, "Tile installation"),
        (300, 120, "2"),
        (360, 120, "100.00"),
        (460, 120, "200.00"),
        (50, 136, "Travel"),
        (300, 136, "1"),
        (360, 136, "80.00"),
        (460, 136, "80.00"),
        (50, 160, "Terms: payable upon receipt of this"),
        (360, 160, "Subtotal"),
        (460, 160, "280.00"),
        (50, 174, "Interest of 2% per month on arrears"),
        (360, 174, "GST 5%"),
        (460, 174, "14.00"),
        (360, 188, "Total"),
        (460, 188, "294.00"),
    ]
    rows = _line_items(build_pdf([page]))
    assert [r["description"] for r in rows] == ["Tile installation", "Travel"]


def test_a_tax_code_after_an_items_quantity_and_price_is_part_of_the_item():
    page: list[Placed] = [
        (50, 100, "Description"),
        (250, 100, "Qty"),
        (300, 100, "Unit price"),
        (380, 100, "Tax"),
        (460, 100, "Amount"),
        (50, 120, "Tile installation"),
        (250, 120, "2"),
        (300, 120, "100.00"),
        (380, 120, "GST"),
        (460, 120, "200.00"),
        (50, 136, "Travel"),
        (250, 136, "1"),
        (300, 136, "80.00"),
        (380, 136, "GST"),
        (460, 136, "80.00"),
        (360, 170, "Total"),
        (460, 170, "294.00"),
    ]
    rows = _line_items(build_pdf([page]))
    assert [r["amount"] for r in rows] == ["200.00", "80.00"]


def test_description_words_under_a_neighbouring_text_heading_stay_in_the_description():
    page: list[Placed] = [
        (50, 100, "S.No."),
        (110, 100, "Product Description"),
        (300, 100, "HSN/SAC"),
        (360, 100, "Qty"),
        (400, 100, "Rate"),
        (480, 100, "Amount"),
        (50, 120, "1"),
        (66, 120, "CNC Machining Charges"),
        (300, 120, "998873"),
        (360, 120, "2"),
        (400, 120, "1,574.00"),
        (480, 120, "3,148.00"),
        (50, 136, "2"),
        (66, 136, "V-Belt B-52"),
        (300, 136, "4010"),
        (360, 136, "20"),
        (400, 136, "226.50"),
        (480, 136, "4,530.00"),
        (400, 170, "Total"),
        (480, 170, "7,678.00"),
    ]
    rows = _line_items(build_pdf([page]))
    assert [r["description"] for r in rows] == ["CNC Machining Charges", "V-Belt B-52"]
    assert [r["quantity"] for r in rows] == ["2", "20"]


def test_a_description_without_a_word_is_doubted():
    rows = _line_item_cells(
        ["Description", "Qty", "Unit price", "Amount"],
        [["433", "1", "567.95", "567.95"], ["Fragt", "6", "10.00", "60.00"]],
    )
    assert rows[0]["description"].confidence < 90
    assert rows[1]["description"].confidence >= 90


def test_a_tax_code_before_an_items_quantity_is_part_of_the_item():
    rows = _line_item_cells(
        ["Description", "Tax", "Qty", "Amount"],
        [["Tile installation", "GST", "2", "200.00"], ["Travel", "GST", "1", "80.00"]],
    )
    assert [row["amount"].value for row in rows] == ["200.00", "80.00"]


def test_an_item_row_starting_with_a_star_is_an_item_not_a_legend():
    rows = _line_item_cells(
        ["Description", "Qty", "Unit price", "Amount"],
        [
            ["Widget", "1", "5.00", "5.00"],
            ["* Gadget", "2", "3.00", "6.00"],
            ["Bolt", "1", "1.00", "1.00"],
        ],
    )
    assert [row["amount"].value for row in rows] == ["5.00", "6.00", "1.00"]


def test_a_single_date_under_an_item_still_joins_its_description():
    rows = _line_item_cells(
        ["Description", "Qty", "Unit price", "Amount"],
        [["Widget", "3", "10.00", "30.00"], ["12.03.2024", "", "", ""]],
    )
    assert rows[0]["description"].value == "Widget 12.03.2024"


def test_a_lone_number_under_an_unknown_heading_keeps_its_column():
    page: list[Placed] = [
        (50, 100, "Description"),
        (140, 100, "Kpl"),
        (300, 100, "Unit price"),
        (460, 100, "Amount"),
        (50, 120, "Widget assembly 3"),
        (300, 120, "10.00"),
        (460, 120, "30.00"),
        (400, 160, "Total"),
        (460, 160, "30.00"),
    ]
    rows = _line_items(build_pdf([page]))
    assert rows[0]["description"] == "Widget assembly"


def test_two_headings_set_close_together_are_two_columns():
    # `Cantidad` and `Unidad` close enough to read as one phrase: the unit is a column of its
    # own, so neither the quantity nor the description takes in the unit's words.
    page: list[Placed] = [
        (60, 100, "Cantidad"),
        (110, 100, "Unidad"),
        (200, 100, "Descripción"),
        (420, 100, "Precio unitario"),
        (520, 100, "Importe"),
        (100, 120, "2"),
        (110, 120, "Unidad de servicio"),
        (200, 120, "Impresión de volantes"),
        (420, 120, "479.50"),
        (520, 120, "959.00"),
        (100, 136, "3"),
        (110, 136, "Hora"),
        (200, 136, "Soporte técnico"),
        (420, 136, "836.00"),
        (520, 136, "2,508.00"),
        (420, 170, "Total"),
        (520, 170, "3,467.00"),
    ]
    rows = _line_items(build_pdf([page]))
    assert [r["description"] for r in rows] == ["Impresión de volantes", "Soporte técnico"]
    assert [r["quantity"] for r in rows] == ["2", "3"]


def test_a_line_of_labelled_data_under_an_item_is_read_as_text_and_doubted():
    # The second line runs on, one phrase, from the description under the unit price with
    # words: it is no price, and whether it belongs to the description is for a reviewer.
    page: list[Placed] = [
        (50, 100, "Description"),
        (300, 100, "Unit price"),
        (460, 100, "Amount"),
        (50, 120, "Laptop 14 inch"),
        (300, 120, "1,403.00"),
        (460, 120, "1,403.00"),
        (50, 134, "Clave prod./serv.: 43211503 Clave unidad: H87 Objeto imp.: 02 IVA 16%"),
        (50, 150, "Soporte remoto"),
        (300, 150, "836.00"),
        (460, 150, "836.00"),
        (300, 180, "Total"),
        (460, 180, "2,239.00"),
    ]
    result = run_engine(EngineInput(build_pdf([page]), "x.pdf", (INVOICE,)))
    rows = next(f for f in result.documents[0].fields if f.key == "line_items").rows
    assert [row["unit_price"].value for row in rows] == ["1403.00", "836.00"]
    assert rows[0]["description"].text.startswith("Laptop 14 inch Clave")
    assert rows[0]["description"].text.endswith("IVA 16%")
    assert rows[0]["description"].confidence < 90
    assert rows[1]["description"].confidence >= 90


def test_a_column_that_adds_up_in_every_row_is_the_amount_over_a_named_one_that_never_does():
    # Pohoda prints the net (`Bez DPH`, unknown) before the gross line total (`Celkem`, an
    # amount heading); only the net is quantity x unit price.
    page: list[Placed] = [
        (50, 100, "Oznaceni dodavky"),
        (250, 100, "Pocet"),
        (310, 100, "J.cena"),
        (380, 100, "Bez DPH"),
        (450, 100, "DPH"),
        (510, 100, "Celkem"),
        (50, 120, "Doprava"),
        (250, 120, "25,00"),
        (310, 120, "24,00"),
        (380, 120, "600,00"),
        (450, 120, "126,00"),
        (510, 120, "726,00"),
        (50, 135, "Servis kotle"),
        (250, 135, "2,00"),
        (310, 135, "2 163,00"),
        (380, 135, "4 326,00"),
        (450, 135, "908,46"),
        (510, 135, "5 234,46"),
    ]
    rows = _line_items(build_pdf([page]))
    assert [r["amount"] for r in rows] == ["600.00", "4326.00"]


def test_a_named_amount_below_quantity_times_price_keeps_its_column():
    # A discount taken off every row: the amount is less than quantity x unit price, and the
    # list value beside it, which adds up, is not the amount.
    page: list[Placed] = [
        (50, 100, "Description"),
        (200, 100, "Qty"),
        (250, 100, "Unit price"),
        (330, 100, "List value"),
        (410, 100, "Disc."),
        (480, 100, "Amount"),
        (50, 120, "Widget A"),
        (200, 120, "10"),
        (250, 120, "5.00"),
        (330, 120, "50.00"),
        (410, 120, "5.00"),
        (480, 120, "45.00"),
        (50, 135, "Widget B"),
        (200, 135, "4"),
        (250, 135, "25.00"),
        (330, 135, "100.00"),
        (410, 135, "10.00"),
        (480, 135, "90.00"),
    ]
    rows = _line_items(build_pdf([page]))
    assert [r["amount"] for r in rows] == ["45.00", "90.00"]


def _sized_pdf(placed: list[tuple[float, float, str, float]]) -> bytes:
    document = pymupdf.open()
    page = document.new_page(width=595, height=842)
    for x, y, text, size in placed:
        page.insert_text((x, y), text, fontsize=size)
    data = document.tobytes()
    document.close()
    return data


@pytest.mark.parametrize(("note_size", "doubted"), [(7.5, True), (9.0, False)])
def test_a_line_in_smaller_type_under_an_item_is_doubted_as_its_description(note_size, doubted):
    # `20 mars – 20 avr. 2024` in small grey type under `Offre Growth`: a note or part of the
    # description, by the issuer's convention; the same line in the item's own type is not.
    content = _sized_pdf(
        [
            (50, 100, "Description", 9.0),
            (300, 100, "Qty", 9.0),
            (380, 100, "Unit price", 9.0),
            (480, 100, "Amount", 9.0),
            (50, 120, "Offre Growth", 9.0),
            (300, 120, "25", 9.0),
            (380, 120, "39.00", 9.0),
            (480, 120, "975.00", 9.0),
            (50, 131, "20 mars - 20 avr. 2024", note_size),
            (50, 150, "Module SSO", 9.0),
            (300, 150, "25", 9.0),
            (380, 150, "3.00", 9.0),
            (480, 150, "75.00", 9.0),
            (380, 180, "Total", 9.0),
            (480, 180, "1,050.00", 9.0),
        ]
    )
    result = run_engine(EngineInput(content, "x.pdf", (INVOICE,)))
    rows = next(f for f in result.documents[0].fields if f.key == "line_items").rows
    assert rows[0]["description"].text == "Offre Growth 20 mars - 20 avr. 2024"
    assert (rows[0]["description"].confidence < 90) is doubted
    assert rows[1]["description"].confidence >= 90


def test_a_currency_beside_a_heading_qualifies_it_and_is_no_column():
    page: list[Placed] = [
        (50, 100, "Description"),
        (300, 100, "Qty"),
        (420, 100, "Total"),
        (451, 100, "EUR"),
        (50, 120, "Monthly support plan"),
        (300, 120, "1"),
        (440, 120, "100.00"),
        (50, 136, "Hosting"),
        (300, 136, "1"),
        (446, 136, "20.00"),
    ]
    rows = _line_items(build_pdf([page]))
    assert [r["amount"] for r in rows] == ["100.00", "20.00"]


def test_a_description_beside_its_position_number_and_two_matched_headings_in_one_phrase():
    # `2 V-Belt B-52`: the words under no heading go to the nearest one, the description;
    # `Antall Enhet`: two headings the engine knows stay one column, owned by the first.
    page: list[Placed] = [
        (33, 100, "S.No."),
        (110, 100, "Product Description"),
        (300, 100, "Antall"),
        (334, 100, "Enhet"),
        (409, 100, "Pris"),
        (519, 100, "Beløb"),
        (41, 120, "2"),
        (52, 120, "V-Belt B-52"),
        (316, 120, "10 m"),
        (404, 120, "49,00"),
        (517, 120, "490,00"),
        (41, 136, "3"),
        (52, 136, "Kabel PFSP"),
        (320, 136, "2 stk"),
        (392, 136, "1 565,99"),
        (510, 136, "3 131,98"),
    ]
    rows = _line_items(build_pdf([page]))
    assert [r["description"] for r in rows] == ["V-Belt B-52", "Kabel PFSP"]
    assert [r["unit_price"] for r in rows] == ["49.00", "1565.99"]


def test_a_title_ends_after_its_qualifier_so_a_dash_under_the_next_heading_is_no_sign():
    # `Amount (AED)` and `VAT %` set close together: the `-` of an untaxed disbursement
    # under `VAT %` is no minus of its amount.
    page: list[Placed] = [
        (52, 100, "Description"),
        (300, 100, "Qty"),
        (394, 100, "Amount (AED)"),
        (466, 100, "VAT %"),
        (525, 100, "VAT Amt"),
        (52, 120, "Terminal Handling"),
        (300, 120, "2"),
        (415, 120, "1,550.00"),
        (474, 120, "0%"),
        (530, 120, "0.00"),
        (52, 136, "Customs Duty (paid on your behalf)"),
        (300, 136, "1"),
        (411, 136, "25,527.35"),
        (478, 136, "-"),
        (530, 136, "0.00"),
    ]
    rows = _line_items(build_pdf([page]))
    assert [r["amount"] for r in rows] == ["1550.00", "25527.35"]


def test_two_known_headings_set_close_together_stay_two_columns():
    page: list[Placed] = [
        (50, 100, "Description"),
        (300, 100, "Qty"),
        (324, 100, "Unit Price"),
        (460, 100, "Amount"),
        (50, 120, "Widget A"),
        (306, 120, "2"),
        (340, 120, "10.00"),
        (460, 120, "20.00"),
        (50, 136, "Widget B"),
        (306, 136, "3"),
        (345, 136, "5.00"),
        (460, 136, "15.00"),
    ]
    rows = _line_items(build_pdf([page]))
    assert [(r["quantity"], r["unit_price"]) for r in rows] == [("2", "10.00"), ("3", "5.00")]
