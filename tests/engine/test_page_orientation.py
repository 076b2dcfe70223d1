"""Text-layer pages that are turned (`/Rotate`) or carry vertical text, read in reading order.

Boxes are in the page as displayed (as the review page renders it), so a word's box must cover
its ink on the rendered page; a page whose text mostly runs sideways is turned upright the way
OCR turns a sideways scan, and says so in `PageResult.rotation`.
"""

from __future__ import annotations

import numpy as np
import pymupdf
import pytest

from extraction.engine import words
from extraction.engine.layout import document_lines, turn_box
from extraction.engine.loading import load_file
from extraction.engine.types import EngineLimits
from extraction.engine.words import extract_pages

LINES = ["Invoice number 48213", "Customer Harbour Foods", "Total amount 144.00"]


def _fail(*args: object, **kwargs: object) -> None:
    raise AssertionError("a page with a good text layer must not be rendered")


@pytest.fixture(autouse=True)
def _no_rendering(monkeypatch):
    monkeypatch.setattr(words, "render_page", _fail)
    monkeypatch.setattr(words, "ocr_image", _fail)


def _read(content: bytes):
    limits = EngineLimits()
    return extract_pages(load_file(content, None, limits), limits)[0]


def _upright_on_rotated_page(rotation: int) -> bytes:
    """A /Rotate page whose content is drawn turned back, so it displays upright (a landscape
    page stored as portrait, the way printers and scanners write them)."""
    document = pymupdf.open()
    page = document.new_page(width=300, height=420)
    page.set_rotation(rotation)
    for index, line in enumerate(LINES):
        point = pymupdf.Point(30, 50 + 30 * index) * page.derotation_matrix
        page.insert_text(point, line, fontsize=12, rotate=rotation)
    return document.tobytes()


def _ink_under(content: bytes, box: tuple[float, float, float, float]) -> float:
    """Share of dark pixels inside a box (displayed-page points) of the rendered page."""
    page = pymupdf.open(stream=content, filetype="pdf")[0]
    pixmap = page.get_pixmap(dpi=72, colorspace=pymupdf.csGRAY)
    pixels = np.frombuffer(pixmap.samples, dtype=np.uint8).reshape(pixmap.height, pixmap.width)
    x0, y0, x1, y1 = (round(v) for v in box)
    return float((pixels[y0:y1, x0:x1] < 128).mean())


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_rotated_page_displayed_upright_reads_in_order_with_displayed_boxes(rotation):
    content = _upright_on_rotated_page(rotation)
    page = _read(content)
    assert page.source == "text"
    assert page.rotation == 0
    displayed = pymupdf.open(stream=content, filetype="pdf")[0].rect
    assert (page.width, page.height) == (displayed.width, displayed.height)
    assert page.text.splitlines() == LINES
    first = page.words[[w.text for w in page.words].index("Invoice")]
    assert 25 <= first.bbox[0] <= 35
    assert _ink_under(content, first.bbox) > 0.05


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_upright_content_shown_sideways_is_turned_like_ocr_turns_a_scan(rotation):
    document = pymupdf.open()
    page = document.new_page(width=300, height=420)
    for index, line in enumerate(LINES):
        page.insert_text((30, 50 + 30 * index), line, fontsize=12)
    page.set_rotation(rotation)
    content = document.tobytes()
    result = _read(content)
    assert result.text.splitlines() == LINES
    assert result.rotation == (360 - rotation) % 360
    assert (result.width, result.height) == (300, 420)
    first = result.words[0]
    assert first.text == "Invoice"
    assert 29 <= first.bbox[0] <= 31


def test_vertical_text_on_an_upright_page_keeps_its_own_lines_in_reading_order():
    document = pymupdf.open()
    page = document.new_page(width=300, height=420)
    for index, line in enumerate(LINES):
        page.insert_text((60, 50 + 14 * index), line, fontsize=12)
    page.insert_text((30, 300), "Order reference 7731 upward", fontsize=12, rotate=90)
    page.insert_text((270, 40), "Copy for customer downward", fontsize=12, rotate=270)
    content = document.tobytes()
    result = _read(content)
    lines = document_lines([result])
    texts = [line.text for line in lines]
    assert texts[:3] == LINES, "vertical words must not join the horizontal lines they cross"
    assert "Copy for customer downward" in texts
    assert "Order reference 7731 upward" in texts
    upward = next(line for line in lines if line.text.startswith("Order"))
    assert [p.text for p in upward.phrases] == ["Order reference 7731 upward"]
    assert _ink_under(content, upward.tokens[0].bbox) > 0.05


def test_turn_box_matches_turning_the_page_image():
    box = (10.0, 20.0, 30.0, 25.0)
    assert turn_box(box, 90, 100, 200) == (175.0, 10.0, 180.0, 30.0)
    assert turn_box(box, 180, 100, 200) == (70.0, 175.0, 90.0, 180.0)
    assert turn_box(box, 270, 100, 200) == (20.0, 70.0, 25.0, 90.0)
