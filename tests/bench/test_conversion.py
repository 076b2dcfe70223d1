"""The conversion bench's scoring: cells by value and place, words in order, outputs read."""

from __future__ import annotations

import datetime as dt
import io

import docx

from bench.conversion import (
    Grid,
    canon,
    docx_grids,
    docx_text,
    markdown_text,
    order_agreement,
)
from bench.conversion import table_score as score
from bench.tables import Cell


def test_canon_compares_numbers_percentages_and_dates_by_value():
    assert canon("1,250.50") == canon(1250.5) == "1250.5"
    assert canon("(15.00)") == canon(-15) == "-15"
    assert canon("25%") == canon(0.25) == "0.25"
    assert canon(dt.datetime(2024, 3, 14)) == "2024-03-14"
    assert canon(" Apples  Red ") == "applesred"
    assert canon(None) == ""


def _cells(rows: list[list[str]]) -> tuple[Cell, ...]:
    return tuple(
        Cell(r, c, r, c, text) for r, row in enumerate(rows) for c, text in enumerate(row) if text
    )


def test_a_table_found_at_an_offset_places_every_cell():
    truth = _cells([["Item", "Qty"], ["Apples", "12"]])
    output: Grid = [[None, None, None], [None, "Item", "Qty"], [None, "Apples", 12]]
    assert score(truth, [output]) == 4


def test_cells_in_the_wrong_column_do_not_count():
    truth = _cells([["Item", "Qty"], ["Apples", "12"]])
    shifted: Grid = [["Item", "Qty"], ["Apples", None, "12"]]
    assert score(truth, [shifted]) == 3
    assert score(truth, []) == 0


def test_word_order_agreement_is_one_for_the_same_text_and_falls_with_disorder():
    assert order_agreement("one two three four", "One, two; three four.") == 1.0
    assert order_agreement("one two three four", "three four one two") == 0.5
    assert order_agreement("one two", "") == 0.0


def test_docx_text_reads_paragraphs_and_tables_and_grids_read_word_tables():
    document = docx.Document()
    document.add_paragraph("Annual report")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Apples"
    table.rows[0].cells[1].text = "12"
    buffer = io.BytesIO()
    document.save(buffer)
    content = buffer.getvalue()
    assert docx_text(content).split() == ["Annual", "report", "Apples", "12"]
    assert docx_grids(content) == [[["Apples", "12"]]]


def test_markdown_text_drops_the_markup():
    text = markdown_text(b"# Title\n\n- item\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    assert text.split() == ["Title", "item", "a", "b", "1", "2"]
