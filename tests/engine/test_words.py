"""Words per page: the text layer when usable, OCR otherwise, boxes in page space."""

from __future__ import annotations

import pymupdf

from extraction.engine.loading import load_file
from extraction.engine.types import EngineLimits, Word
from extraction.engine.words import _render_dpi, extract_pages, text_layer_is_usable
from tests.engine.conftest import build_pdf


def _words(texts: list[str]) -> list[Word]:
    return [Word(text, (0, 0, 10, 10), 100.0) for text in texts]


def test_text_layer_with_enough_readable_characters_is_usable():
    assert text_layer_is_usable(_words(["Invoice", "number", "12345", "total", "amount", "due"]))


def test_nearly_empty_text_layer_is_not_usable():
    assert not text_layer_is_usable(_words(["1"]))


def test_text_layer_of_unmapped_glyphs_is_not_usable():
    assert not text_layer_is_usable(_words(["\ufffd" * 40, "abc" * 10]))


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


def test_render_dpi_is_lowered_to_respect_the_pixel_cap():
    assert _render_dpi(595, 842, EngineLimits(ocr_dpi=200)) == 200
    lowered = _render_dpi(595, 842, EngineLimits(ocr_dpi=300, max_pixels=2_000_000))
    assert (595 * lowered / 72) * (842 * lowered / 72) <= 2_000_000


def test_blank_pdf_page_goes_to_ocr_and_yields_no_words():
    document = pymupdf.open()
    document.new_page(width=200, height=100)
    loaded = load_file(document.tobytes(), None, EngineLimits())
    page = extract_pages(loaded, EngineLimits())[0]
    assert page.source == "ocr"
    assert page.words == ()
