"""Line items read with the document's conventions, and tables carried across page breaks."""

from __future__ import annotations

import pymupdf

from extraction.engine import run_engine
from extraction.engine.types import EngineInput, FieldResult
from tests.schemas import INVOICE

COLUMNS = (50, 300, 380, 480)
"""x of Description, Qty, Unit price, Amount."""
RULES = (40.0, 290.0, 370.0, 470.0, 560.0)


def _run(content: bytes) -> FieldResult:
    result = run_engine(EngineInput(content, "x.pdf", (INVOICE,)))
    return next(f for f in result.documents[0].fields if f.key == "line_items")


def _write(page: pymupdf.Page, y: float, cells: tuple[str, ...]) -> None:
    for x, text in zip(COLUMNS, cells, strict=False):
        if text:
            page.insert_text((x, y), text, fontsize=10)


def test_german_cells_are_read_with_decimal_comma():
    document = pymupdf.open()
    page = document.new_page(width=595, height=842)
    page.insert_text((50, 60), "Rechnung Nr. 7 vom 03.02.2024, Betrag 1.234,50 EUR", fontsize=10)
    _write(page, 200, ("Beschreibung", "Menge", "Einzelpreis", "Betrag"))
    _write(page, 220, ("Kabel", "1,234", "1.000,00", "1.234,00"))
    _write(page, 236, ("Stecker", "2", "0,25", "0,50"))
    page.insert_text((380, 280), "Gesamtbetrag", fontsize=10)
    page.insert_text((480, 280), "1.234,50", fontsize=10)
    rows = _run(document.tobytes()).rows
    assert [row["quantity"].value for row in rows] == ["1.234", "2"]
    assert [row["unit_price"].value for row in rows] == ["1000.00", "0.25"]
    assert [row["amount"].value for row in rows] == ["1234.00", "0.50"]


def _continued(carry: str, brought: str, *, repeat_header: bool) -> bytes:
    header = ("Beschreibung", "Menge", "Einzelpreis", "Betrag")
    document = pymupdf.open()
    first = document.new_page(width=595, height=842)
    first.insert_text((50, 60), "Rechnung 2024-17", fontsize=10)
    _write(first, 600, header)
    for index in range(5):
        _write(first, 620 + 16 * index, (f"Artikel {index + 1}", "1", "10,00", "10,00"))
    _write(first, 720, (carry, "", "", "50,00"))
    first.insert_text((250, 800), "Seite 1 von 2", fontsize=8)
    second = document.new_page(width=595, height=842)
    second.insert_text((50, 40), "Rechnung 2024-17", fontsize=10)
    y = 80.0
    if repeat_header:
        _write(second, y, header)
        y += 20
    _write(second, y, (brought, "", "", "50,00"))
    for index in range(2):
        _write(second, y + 16 * (index + 1), (f"Artikel {index + 6}", "2", "5,00", "10,00"))
    second.insert_text((380, y + 80), "Gesamtbetrag", fontsize=10)
    second.insert_text((480, y + 80), "70,00", fontsize=10)
    return document.tobytes()


def test_unruled_table_keeps_every_row_across_uebertrag_lines():
    rows = _run(_continued("Zwischensumme/Übertrag", "Übertrag", repeat_header=True)).rows
    assert [row["description"].value for row in rows] == [f"Artikel {n}" for n in range(1, 8)]
    assert [row["amount"].page for row in rows] == [1] * 5 + [2] * 2


def test_unruled_table_keeps_every_row_across_carried_forward_lines_without_header():
    rows = _run(_continued("Carried forward", "Brought forward", repeat_header=False)).rows
    assert [row["description"].value for row in rows] == [f"Artikel {n}" for n in range(1, 8)]


def test_unruled_transport_lines_at_the_break_are_carries_but_a_transport_item_stays():
    rows = _run(_continued("Transport", "Transport", repeat_header=True)).rows
    assert len(rows) == 7
    document = pymupdf.open()
    page = document.new_page(width=595, height=842)
    _write(page, 200, ("Description", "Qty", "Unit price", "Amount"))
    _write(page, 220, ("Widget", "1", "10.00", "10.00"))
    _write(page, 236, ("Transport", "1", "25.00", "25.00"))
    page.insert_text((380, 280), "Total", fontsize=10)
    page.insert_text((480, 280), "35.00", fontsize=10)
    rows = _run(document.tobytes()).rows
    assert [row["description"].value for row in rows] == ["Widget", "Transport"]


def _ruled(page: pymupdf.Page, top: float, rows: list[tuple[str, ...]]) -> None:
    height = 20.0
    bottom = top + height * len(rows)
    for index in range(len(rows) + 1):
        page.draw_line((RULES[0], top + index * height), (RULES[-1], top + index * height))
    for x in RULES:
        page.draw_line((x, top), (x, bottom))
    for index, row in enumerate(rows):
        for column, text in enumerate(row):
            if text:
                page.insert_text((RULES[column] + 4, top + index * height + 14), text, fontsize=10)


def test_ruled_table_keeps_every_row_across_a_reporter_rows():
    header = ("Désignation", "Quantité", "Prix unitaire", "Montant")
    document = pymupdf.open()
    first = document.new_page(width=595, height=842)
    items = [(f"Article {n}", "1", "10,00", "10,00") for n in range(1, 5)]
    _ruled(first, 600, [header, *items, ("À reporter", "", "", "40,00")])
    second = document.new_page(width=595, height=842)
    _ruled(
        second,
        60,
        [
            header,
            ("Report", "", "", "40,00"),
            ("Article 5", "3", "1,50", "4,50"),
            ("Total", "", "", "44,50"),
        ],
    )
    rows = _run(document.tobytes()).rows
    assert [row["description"].value for row in rows] == [f"Article {n}" for n in range(1, 6)]
    assert rows[-1]["amount"].value == "4.50"
    assert rows[-1]["amount"].page == 2


def test_an_unknown_quantity_heading_is_placed_on_every_page_that_repeats_it():
    """Page 2 repeats the header without its `Pos` column: `Kpl` is still the same column."""
    document = pymupdf.open()
    first = document.new_page(width=595, height=842)
    first.insert_text((50, 60), "Invoice", fontsize=10)
    for x, text in ((40, "Pos"), (80, "Description"), (300, "Kpl"), (380, "Unit price")):
        first.insert_text((x, 200), text, fontsize=10)
    first.insert_text((480, 200), "Amount", fontsize=10)
    for y, cells in (
        (220, ("1", "Widget", "3", "10.00", "30.00")),
        (236, ("2", "Bolt", "2", "5.50", "11.00")),
    ):
        for x, text in zip((40, 80, 300, 380, 480), cells, strict=True):
            first.insert_text((x, y), text, fontsize=10)
    second = document.new_page(width=595, height=842)
    for x, text in ((80, "Description"), (300, "Kpl"), (380, "Unit price"), (480, "Amount")):
        second.insert_text((x, 60), text, fontsize=10)
    for x, text in zip((80, 300, 380, 480), ("Nut", "4", "0.25", "1.00"), strict=True):
        second.insert_text((x, 80), text, fontsize=10)
    second.insert_text((380, 120), "Total", fontsize=10)
    second.insert_text((480, 120), "42.00", fontsize=10)
    rows = _run(document.tobytes()).rows
    assert [row["quantity"].value for row in rows] == ["3", "2", "4"]
