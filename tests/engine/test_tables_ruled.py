"""Table fields from PyMuPDF's ruled tables: typed cells with cell boxes, page continuation."""

from __future__ import annotations

import io

import pymupdf
from PIL import Image

from extraction.engine import run_engine
from extraction.engine.types import EngineInput, FieldResult
from tests.schemas import INVOICE

EDGES = (40.0, 260.0, 330.0, 430.0, 540.0)
HEADER = ("Description", "Qty", "Unit price", "Amount")


def _grid(page: pymupdf.Page, top: float, rows: list[tuple[str, ...]]) -> float:
    """Draw a ruled grid with one text line per cell; returns the grid's bottom."""
    height = 20.0
    bottom = top + height * len(rows)
    for index in range(len(rows) + 1):
        page.draw_line((EDGES[0], top + index * height), (EDGES[-1], top + index * height))
    for x in EDGES:
        page.draw_line((x, top), (x, bottom))
    for index, row in enumerate(rows):
        for column, text in enumerate(row):
            page.insert_text((EDGES[column] + 4, top + index * height + 14), text, fontsize=10)
    return bottom


def _run(content: bytes) -> FieldResult:
    result = run_engine(EngineInput(content, "x.pdf", (INVOICE,)))
    return next(f for f in result.documents[0].fields if f.key == "line_items")


def _values(field: FieldResult) -> list[dict[str, object]]:
    return [{key: cell.value for key, cell in row.items()} for row in field.rows]


def test_ruled_table_rows_are_typed_with_cell_boxes():
    document = pymupdf.open()
    page = document.new_page(width=595, height=842)
    page.insert_text((40, 60), "Invoice INV-7", fontsize=12)
    _grid(
        page,
        100,
        [
            HEADER,
            ("Widget, blue", "3", "4.50", "13.50"),
            ("Gadget", "1", "20.00", "20.00"),
        ],
    )
    page.insert_text((330, 200), "Total", fontsize=10)
    page.insert_text((434, 200), "33.50", fontsize=10)
    field = _run(document.tobytes())
    assert _values(field) == [
        {"description": "Widget, blue", "quantity": "3", "unit_price": "4.50", "amount": "13.50"},
        {"description": "Gadget", "quantity": "1", "unit_price": "20.00", "amount": "20.00"},
    ]
    cell = field.rows[1]["amount"]
    assert cell.page == 1
    assert cell.text == "20.00"
    assert cell.confidence >= 80
    x0, y0, x1, y1 = cell.bbox
    assert abs(x0 - 430) < 1
    assert abs(x1 - 540) < 1
    assert abs(y0 - 140) < 1
    assert abs(y1 - 160) < 1
    assert field.page == 1


def test_ruled_table_continued_on_next_page_is_merged():
    document = pymupdf.open()
    first = document.new_page(width=595, height=842)
    _grid(first, 700, [HEADER, ("Item one", "1", "10.00", "10.00")])
    second = document.new_page(width=595, height=842)
    _grid(second, 60, [("Item two", "2", "5.00", "10.00"), ("Total", "", "", "20.00")])
    field = _run(document.tobytes())
    rows = field.rows
    assert [row["description"].value for row in rows] == ["Item one", "Item two"]
    assert [row["amount"].value for row in rows] == ["10.00", "10.00"]
    assert [row["amount"].page for row in rows] == [1, 2]
    _, y0, _, y1 = rows[1]["amount"].bbox
    assert y0 >= 59
    assert y1 <= 81
    assert rows[1]["description"].bbox[2] > 250  # the grid cell, not the words' box


def test_headerless_grid_with_other_columns_does_not_continue():
    document = pymupdf.open()
    first = document.new_page(width=595, height=842)
    _grid(first, 700, [HEADER, ("Item one", "1", "10.00", "10.00")])
    second = document.new_page(width=595, height=842)
    second.draw_rect(pymupdf.Rect(40, 60, 300, 80))
    second.draw_line((150, 60), (150, 80))
    second.insert_text((44, 74), "Other", fontsize=10)
    second.insert_text((154, 74), "99.00", fontsize=10)
    field = _run(document.tobytes())
    assert [row["description"].value for row in field.rows] == ["Item one"]


def test_image_only_page_is_unaffected():
    image = Image.new("RGB", (400, 200), "white")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    document = pymupdf.open()
    page = document.new_page(width=595, height=842)
    page.insert_image(pymupdf.Rect(40, 40, 440, 240), stream=buffer.getvalue())
    field = _run(document.tobytes())
    assert field.rows == ()
    assert field.value is None
    assert field.confidence == 0


def test_a_ruled_table_places_a_number_column_under_an_unknown_heading():
    """Rows this tall end the unruled reading after its first row, so the grid is read; its
    `Kpl` column is the quantity because quantity × unit price = amount in every row."""
    document = pymupdf.open()
    page = document.new_page(width=595, height=842)
    page.insert_text((40, 60), "Invoice INV-8", fontsize=12)
    rows = [
        ("Description", "Kpl", "Unit price", "Amount"),
        ("Widget", "3", "10.00", "30.00"),
        ("Bolt", "2", "5.50", "11.00"),
        ("Nut", "4", "0.25", "1.00"),
    ]
    heights = (20.0, 90.0, 90.0, 90.0)
    tops = [100.0]
    for height in heights:
        tops.append(tops[-1] + height)
    for y in tops:
        page.draw_line((EDGES[0], y), (EDGES[-1], y))
    for x in EDGES:
        page.draw_line((x, tops[0]), (x, tops[-1]))
    for top, row in zip(tops, rows, strict=False):
        for column, text in enumerate(row):
            page.insert_text((EDGES[column] + 4, top + 14), text, fontsize=10)
    page.insert_text((330, tops[-1] + 20), "Total", fontsize=10)
    page.insert_text((434, tops[-1] + 20), "42.00", fontsize=10)
    field = _run(document.tobytes())
    assert [row["quantity"].value for row in field.rows] == ["3", "2", "4"]
    assert [row["unit_price"].value for row in field.rows] == ["10.00", "5.50", "0.25"]


def test_a_merged_section_row_under_an_unnamed_column_does_not_end_the_grid():
    edges = (40.0, 80.0, 260.0, 330.0, 430.0, 540.0)
    rows = [
        ("Pos.", "Description", "Qty", "Unit price", "Amount"),
        ("1", "Widget", "3", "4.50", "13.50"),
        ("VAT exempt services",),
        ("2", "Gadget", "1", "20.00", "20.00"),
    ]
    document = pymupdf.open()
    page = document.new_page(width=595, height=842)
    page.insert_text((40, 60), "Invoice INV-9", fontsize=12)
    top, height = 100.0, 20.0
    for index in range(len(rows) + 1):
        page.draw_line((edges[0], top + index * height), (edges[-1], top + index * height))
    for index, row in enumerate(rows):
        y0, y1 = top + index * height, top + (index + 1) * height
        for x in edges if len(row) > 1 else (edges[0], edges[-1]):
            page.draw_line((x, y0), (x, y1))
        for column, text in enumerate(row):
            page.insert_text((edges[column] + 4, y0 + 14), text, fontsize=10)
    page.insert_text((330, 220), "Total", fontsize=10)
    page.insert_text((434, 220), "33.50", fontsize=10)
    field = _run(document.tobytes())
    assert [row["description"].value for row in field.rows] == ["Widget", "Gadget"]


def test_a_grid_cell_drops_its_service_period_line_and_footnote_mark():
    document = pymupdf.open()
    page = document.new_page(width=595, height=842)
    page.insert_text((40, 60), "Invoice INV-11", fontsize=12)
    bottom = _grid(
        page,
        100,
        [HEADER, ("Premium support *", "3", "99.00", "297.00"), ("Gadget", "1", "20.00", "20.00")],
    )
    page.insert_text((44, 137), "8 Oct 2025 - 7 Oct 2026", fontsize=6)
    page.insert_text((330, bottom + 20), "Total", fontsize=10)
    page.insert_text((434, bottom + 20), "317.00", fontsize=10)
    field = _run(document.tobytes())
    assert [row["description"].value for row in field.rows] == ["Premium support", "Gadget"]
