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
from tests.engine.conftest import build_pdf
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
    ],
)
def test_portuguese_italian_and_spanish_column_headings_are_known(header):
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
