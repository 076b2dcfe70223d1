"""Words per page: the text layer when usable, OCR otherwise, boxes in page space."""

from __future__ import annotations

import pymupdf

from extraction.engine.loading import load_file
from extraction.engine.ocr import OCR_MAX_SIDE
from extraction.engine.types import EngineLimits
from extraction.engine.words import _render_dpi, extract_pages
from tests.engine.conftest import build_pdf


def test_text_layer_words_keep_pdf_point_boxes():
    content = build_pdf([[(100, 200, "Hello world, this page has a proper text layer.")]])
    loaded = load_file(content, None, EngineLimits())
    page = extract_pages(loaded, EngineLimits())[0]
    assert page.source == "text"
    assert (page.width, page.height) == (595, 842)
    first = page.words[0]
    assert first.text == "Hello"
    assert 99 <= first.bbox[0] < 102
    assert first.bbox[3] <= 203
    assert first.confidence == 100.0


def test_render_dpi_keeps_the_longest_side_within_ocr_working_size():
    assert _render_dpi(595, 842, EngineLimits(ocr_dpi=200)) == 200, "A4 keeps the set DPI"
    dpi = _render_dpi(842, 1191, EngineLimits(ocr_dpi=200))
    assert dpi < 200
    assert 1191 * dpi / 72 <= OCR_MAX_SIDE


def test_render_dpi_is_lowered_to_respect_the_pixel_cap():
    lowered = _render_dpi(595, 842, EngineLimits(ocr_dpi=300, max_pixels=2_000_000))
    assert (595 * lowered / 72) * (842 * lowered / 72) <= 2_000_000


def test_blank_pdf_page_goes_to_ocr_and_yields_no_words():
    document = pymupdf.open()
    document.new_page(width=200, height=100)
    loaded = load_file(document.tobytes(), None, EngineLimits())
    page = extract_pages(loaded, EngineLimits())[0]
    assert page.source == "ocr"
    assert page.words == ()
