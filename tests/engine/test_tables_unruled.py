"""Generic tables without hints: unruled ones by text alignment (unruled.py), ruled grids."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from bench.tables import DEFAULT_SET, grid_cells, load_set, relations
from extraction.engine.tables import page_tables, region_table, table_grids
from extraction.engine.types import Word
from extraction.engine.unruled import table_areas, text_runs, unruled_tables
from extraction.engine.words import text_layer_words

PROSE = [
    "Quarterly figures were collected from every regional office and checked twice.",
    "The table below gives the shipments by product; totals follow the last row.",
]
HEADER = ("Product", "Units", "Price", "Revenue")
BODY = [
    ("Copper wire", "120", "4.10", "492.00"),
    ("Steel bolts", "3400", "0.12", "408.00"),
    ("Brass fittings", "75", "2.90", "217.50"),
    ("Aluminium sheet", "18", "31.00", "558.00"),
    ("Rubber seals", "900", "0.35", "315.00"),
]
COLUMNS = (60, 220, 300, 380)


def _page(document: pymupdf.Document, *, rules: bool = False) -> pymupdf.Page:
    """Two lines of prose, then a four-column table without rules (or boxed text when asked)."""
    page = document.new_page(width=595, height=842)
    for index, text in enumerate(PROSE):
        page.insert_text((60, 100 + 14 * index), text, fontsize=10)
    for row, cells in enumerate([HEADER, *BODY]):
        for x, text in zip(COLUMNS, cells, strict=True):
            page.insert_text((x, 200 + 16 * row), text, fontsize=10)
    if rules:
        page.draw_rect(pymupdf.Rect(50, 60, 300, 130))
        page.draw_line((300, 60), (545, 60))
    return page


def _words(texts: list[tuple[str, float]], y: float = 100.0) -> list[Word]:
    return [Word(text, (x, y, x + 6.0 * len(text), y + 10), 100.0) for text, x in texts]


def test_words_a_space_apart_stay_one_run_and_a_column_gap_splits_them():
    runs = text_runs(_words([("Copper", 60.0), ("wire", 99.0), ("120", 220.0)]))
    assert [run.text for run in runs] == ["Copper wire", "120"]


def test_unruled_table_is_found_below_prose_with_its_rows_and_columns():
    with pymupdf.open() as document:
        page = _page(document)
        words = text_layer_words(page)
        tables = page_tables(page, words)
    assert len(tables) == 1
    table = [row for row in tables[0] if any(row)]
    assert table[-6:] == [list(HEADER), *map(list, BODY)]
    assert all(PROSE[0] not in cell for row in table for cell in row)


def test_page_without_aligned_text_has_no_table_area_and_only_a_whole_text_fallback():
    words = _words([("Just", 60.0), ("one", 88.0), ("line", 110.0), ("of", 138.0), ("text", 154.0)])
    assert table_areas(text_runs(words)) == []
    assert unruled_tables(words, whole=False) == []
    assert unruled_tables(words, whole=True) == [[["Just one line of text"]]]


def test_ruled_grid_is_read_by_its_rules_and_unruled_table_beside_it_by_alignment():
    with pymupdf.open() as document:
        page = _page(document)
        for y in (400, 420, 440, 460):
            page.draw_line((60, y), (360, y))
        for x in (60, 160, 260, 360):
            page.draw_line((x, 400), (x, 460))
        cells = [["Code", "Name", "Stock"], ["A-1", "Valve", "12"], ["B-2", "Pump", "3"]]
        for row, texts in enumerate(cells):
            for column, text in enumerate(texts):
                page.insert_text((65 + 100 * column, 414 + 20 * row), text, fontsize=10)
        words = text_layer_words(page)
        tables = page_tables(page, words)
        assert len(table_grids(page, words)) == 1
    assert tables[0] == cells
    assert any([*map(list, BODY)] == [row for row in table if any(row)][-5:] for table in tables)


def test_rules_framing_a_block_of_text_are_not_read_as_a_ruled_table():
    with pymupdf.open() as document:
        page = _page(document)
        page.draw_rect(pymupdf.Rect(50, 180, 300, 290))
        page.draw_rect(pymupdf.Rect(300, 180, 450, 290))
        words = text_layer_words(page)
        assert table_grids(page, words) == []
        region = region_table(page, words, (50.0, 180.0, 450.0, 290.0))
    assert [row for row in region if any(row)] == [list(HEADER), *map(list, BODY)]


needs_icdar = pytest.mark.skipif(not Path(DEFAULT_SET).is_dir(), reason="ICDAR 2013 not present")


@needs_icdar
def test_icdar_page_with_a_ruled_header_over_an_unruled_body_is_read_by_alignment(tmp_path):
    """us-001 page 1: rules split the header from the body, three grid rows for 40 text rows."""
    for name in ("us-001.pdf", "us-001-str.xml", "us-001-reg.xml"):  # not the whole set
        (tmp_path / name).symlink_to(Path(DEFAULT_SET) / name)
    tables = [t for t in load_set(tmp_path) if t.pdf.name == "us-001.pdf" and t.page == 1]
    expected = relations(cell for table in tables for cell in table.cells)
    with pymupdf.open(tables[0].pdf) as document:
        page = document[0]
        found = page_tables(page, text_layer_words(page))
    predicted = relations(cell for grid in found for cell in grid_cells(grid))
    right = sum((predicted & expected).values())
    assert right / sum(expected.values()) >= 0.9
    assert right / sum(predicted.values()) >= 0.85
