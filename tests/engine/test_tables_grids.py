"""Ruled grids from a page's vector rules (grids.py), on pages drawn in the test."""

from __future__ import annotations

import pymupdf

from extraction.engine.grids import page_grids


def _page() -> tuple[pymupdf.Document, pymupdf.Page]:
    document = pymupdf.open()
    return document, document.new_page(width=595, height=842)


def test_drawn_grid_gives_its_cells_by_row_and_column():
    _, page = _page()
    for y in (100, 120, 140, 160):
        page.draw_line((50, y), (350, y))
    for x in (50, 150, 250, 350):
        page.draw_line((x, 100), (x, 160))
    grids = page_grids(page)
    assert len(grids) == 1
    rows = grids[0].rows
    assert len(rows) == 3
    assert all(len(row) == 3 for row in rows)
    assert rows[1][2] == (250.0, 120.0, 350.0, 140.0)


def test_merged_cell_sits_in_its_first_column():
    _, page = _page()
    for y in (100, 120, 140):
        page.draw_line((50, y), (350, y))
    for x in (50, 350):
        page.draw_line((x, 100), (x, 140))
    page.draw_line((200, 120), (200, 140))
    rows = page_grids(page)[0].rows
    assert rows[0] == ((50.0, 100.0, 350.0, 120.0), None)
    assert rows[1] == ((50.0, 120.0, 200.0, 140.0), (200.0, 120.0, 350.0, 140.0))


def test_boxed_text_and_lone_rules_are_not_tables():
    _, page = _page()
    page.draw_rect(pymupdf.Rect(50, 50, 250, 90))
    page.draw_line((50, 300), (500, 300))
    assert page_grids(page) == []


def test_grid_without_outer_frame_closes_on_its_drawings_when_they_hold_text():
    _, page = _page()
    for y in (100, 120, 140, 160):
        page.draw_line((50, y), (350, y))
    for x in (150, 250):
        page.draw_line((x, 100), (x, 160))
    assert [len(row) for row in page_grids(page)[0].rows] == [1, 1, 1]
    rows = page_grids(page, [(60.0, 105.0, 90.0, 115.0)])[0].rows
    assert [len(row) for row in rows] == [3, 3, 3]
    assert rows[0][0] == (50.0, 100.0, 150.0, 120.0)


def test_rotated_page_grid_is_in_the_space_of_its_words():
    _, page = _page()
    for y in (100, 120, 140):
        page.draw_line((50, y), (350, y))
    for x in (50, 200, 350):
        page.draw_line((x, 100), (x, 140))
    page.set_rotation(90)
    grid = page_grids(page)[0]
    expected = pymupdf.Rect(50, 100, 350, 140) * page.rotation_matrix
    assert abs(grid.bbox[0] - expected.x0) < 1
    assert abs(grid.bbox[3] - expected.y1) < 1
