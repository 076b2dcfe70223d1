"""Words per page: the text layer when usable, OCR otherwise, boxes in page space."""

from __future__ import annotations

import pymupdf
import pytest

from extraction.engine import words
from extraction.engine.loading import load_file
from extraction.engine.ocr import MIN_TEXT_PX, OCR_MAX_SIDE, OcrPage
from extraction.engine.types import EngineLimits
from extraction.engine.words import (
    MAX_DPI,
    MIN_DPI,
    TARGET_TEXT_PX,
    extract_pages,
    read_scale,
    render_scale,
)
from tests.engine.conftest import build_pdf

A4 = pymupdf.Rect(0, 0, 595, 842)


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


def test_render_scale_gives_ocr_lines_of_the_target_height():
    assert render_scale(A4, 11.6, EngineLimits()) * 11.6 == pytest.approx(TARGET_TEXT_PX)
    assert render_scale(A4, 60.0, EngineLimits()) == MIN_DPI / 72, "large print is not shrunk away"
    assert render_scale(A4, 2.0, EngineLimits()) == MAX_DPI / 72
    assert render_scale(A4, None, EngineLimits(ocr_dpi=200)) == 200 / 72


def test_render_scale_does_not_follow_page_size_for_a_long_receipt():
    receipt = pymupdf.Rect(0, 0, 160, 7344)
    assert render_scale(receipt, 8.0, EngineLimits()) * 8.0 == pytest.approx(TARGET_TEXT_PX)


@pytest.mark.parametrize("side", [842, 7344, 14400])
def test_render_scale_keeps_every_rendering_within_the_pixel_cap(side):
    rect = pymupdf.Rect(0, 0, side, side)
    for cap in (1_000_000, 4_000_000, 40_000_000):
        scale = render_scale(rect, 4.0, EngineLimits(max_pixels=cap))
        box = (rect * pymupdf.Matrix(scale, scale)).irect
        assert box.width * box.height <= cap


def test_huge_page_is_never_rendered_above_the_cap(monkeypatch):
    """A 14400 pt square page (200 in) with too little text for its layer, and a picture that
    might hold more: it goes to OCR."""
    cap = 4_000_000
    sizes = []
    render = pymupdf.Page.get_pixmap

    def checked(page, *args, matrix=pymupdf.Identity, **kwargs):
        box = (page.rect * matrix).irect
        assert box.width * box.height <= cap, "a rendering above the cap was asked for"
        sizes.append(box.width * box.height)
        return render(page, *args, matrix=matrix, **kwargs)

    monkeypatch.setattr(pymupdf.Page, "get_pixmap", checked)
    monkeypatch.setattr(
        words, "ocr_image", lambda image, **kw: OcrPage((), 0, image.width, image.height, "none")
    )
    document = pymupdf.open()
    page = document.new_page(width=14400, height=14400)
    page.insert_text((200, 400), "Hi", fontsize=200)
    _insert_picture(page)
    limits = EngineLimits(max_pixels=cap)
    result = extract_pages(load_file(document.tobytes(), None, limits), limits)[0]
    assert result.source == "ocr"
    assert sizes
    assert max(sizes) <= cap


def test_read_scale_renders_no_more_than_ocr_reads():
    """OCR shrinks an image towards OCR_MAX_SIDE but keeps lines of MIN_TEXT_PX: rendering
    larger than that only costs memory."""
    small_print = render_scale(A4, 8.0, EngineLimits())
    assert read_scale(A4, 8.0, small_print) == pytest.approx(OCR_MAX_SIDE / 842)
    receipt = pymupdf.Rect(0, 0, 160, 7344)
    assert read_scale(receipt, 8.0, 4.0) * 8.0 == pytest.approx(MIN_TEXT_PX), "lines stay legible"
    assert read_scale(A4, 11.6, 2.76) == 2.76, "a page within OCR's size is left alone"
    poster = pymupdf.Rect(0, 0, 14400, 14400)
    assert read_scale(poster, None, 0.44) * 14400 == pytest.approx(OCR_MAX_SIDE)


def test_poster_page_is_rendered_at_the_size_ocr_reads_not_at_the_pixel_cap(monkeypatch):
    """A 14400 pt page at the 40 Mpx cap was a 120 MB RGB image (and 360 MB of copies) that
    OCR then shrank to 2400 px: it is now rendered at 2400 px directly."""
    sizes = []
    render = pymupdf.Page.get_pixmap

    def recorded(page, *args, matrix=pymupdf.Identity, **kwargs):
        box = (page.rect * matrix).irect
        sizes.append((box.width, box.height))
        return render(page, *args, matrix=matrix, **kwargs)

    seen = []

    def read(image, **kwargs) -> OcrPage:
        seen.append(image.size)
        return OcrPage((), 0, image.width, image.height, "none")

    monkeypatch.setattr(pymupdf.Page, "get_pixmap", recorded)
    monkeypatch.setattr(words, "ocr_image", read)
    document = pymupdf.open()
    page = document.new_page(width=14400, height=14400)
    page.insert_text((200, 400), "Hi", fontsize=200)
    _insert_picture(page)
    limits = EngineLimits()
    result = extract_pages(load_file(document.tobytes(), None, limits), limits)[0]
    assert result.source == "ocr"
    assert max(seen[0]) <= OCR_MAX_SIDE + 1
    assert max(width * height for width, height in sizes) <= (OCR_MAX_SIDE + 1) ** 2


def _scanned_receipt(lines: list[str], fontsize: float, step: float) -> bytes:
    """A narrow, long till roll: text drawn, photographed at 300 dpi, stored as one image."""
    width, height = 170, 40 + len(lines) * step
    drawn = pymupdf.open()
    page = drawn.new_page(width=width, height=height)
    for index, line in enumerate(lines):
        page.insert_text((8, 30 + index * step), line, fontsize=fontsize)
    picture = page.get_pixmap(dpi=300)
    scanned = pymupdf.open()
    scanned.new_page(width=width, height=height).insert_image(
        pymupdf.Rect(0, 0, width, height), pixmap=picture
    )
    return scanned.tobytes()


def test_long_receipt_with_small_print_is_read_at_a_resolution_fit_for_its_text():
    # 4-point print on a roll 1700 points long: the old page-size rule rendered it at 101 dpi,
    # where only 3 of the 20 amounts and not the shop's name came out. Twenty lines spread
    # along the roll cost a fifth less CPU to read than sixty, on the same page.
    items = [f"ITEM {n:02d} COFFEE BEANS {n * 1.25 + 2:.2f}" for n in range(1, 21)]
    content = _scanned_receipt(["HARBOUR FOODS MARKET", *items, "TOTAL 4411.25"], 4, 76)
    limits = EngineLimits()
    page = extract_pages(load_file(content, None, limits), limits)[0]
    assert page.source == "ocr"
    assert page.height > 10 * page.width
    text = page.text
    assert "HARBOUR FOODS MARKET" in text
    assert "4411.25" in text
    found = sum(f"{n * 1.25 + 2:.2f}" in text for n in range(1, 21))
    assert found >= 19


def test_blank_pdf_page_is_not_ocrd_and_yields_no_words(monkeypatch):
    monkeypatch.setattr(words, "ocr_image", _no_ocr)
    document = pymupdf.open()
    document.new_page(width=200, height=100)
    loaded = load_file(document.tobytes(), None, EngineLimits())
    page = extract_pages(loaded, EngineLimits())[0]
    assert page.source == "text"
    assert page.words == ()


def test_blank_page_with_a_picture_goes_to_ocr_and_yields_no_words():
    document = pymupdf.open()
    _insert_picture(document.new_page(width=200, height=100))
    loaded = load_file(document.tobytes(), None, EngineLimits())
    page = extract_pages(loaded, EngineLimits())[0]
    assert page.source == "ocr"
    assert page.words == ()


def _no_ocr(*args: object, **kwargs: object) -> None:
    raise AssertionError("a blank page must not be OCR'd")


def _insert_picture(page: pymupdf.Page) -> None:
    """A small blank picture: something the text layer cannot vouch for."""
    picture = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 16, 16), False)
    picture.clear_with(255)
    page.insert_image(pymupdf.Rect(10, 10, 40, 40), pixmap=picture)
