"""Judging a PDF text layer: cheap checks, scan detection, and agreement with the page image.

The scanned pages here are made the way scanners and OCR tools make them: the page is one image,
and an OCR reading is laid over it as invisible text (render mode 3). A reading that says what
the image shows is kept; a wrong one is replaced by OCR; born-digital pages never reach OCR.
"""

from __future__ import annotations

import pymupdf
import pytest

from extraction.engine import ocr, textlayer, words
from extraction.engine.loading import load_file
from extraction.engine.textlayer import (
    Verdict,
    assess_text_layer,
    image_agreement,
    implausible_share,
    is_scanned,
    text_layer_is_usable,
    text_layer_words,
    token_is_plausible,
)
from extraction.engine.types import EngineLimits, Word
from extraction.engine.words import extract_pages

LINES = [
    "Invoice number 48213",
    "Invoice date 12/20/2020",
    "Customer Harbour Foods",
    "Payment terms 30 days",
    "Total amount 144.00",
    "Thank you for your order",
]
WRONG = [
    "Lorem ipsum dolor sit",
    "Amet consectetur elit",
    "Sed do eiusmod tempor",
    "Incididunt labore magna",
    "Aliqua enim minim veniam",
    "Quis nostrud exercitation",
]
PAGE = pymupdf.Rect(0, 0, 420, 260)


def _words(texts: list[str]) -> list[Word]:
    return [Word(text, (0, 0, 10, 10), 100.0) for text in texts]


def _write(page: pymupdf.Page, lines: list[str], *, render_mode: int = 0) -> None:
    for index, line in enumerate(lines):
        page.insert_text((30, 40 + 34 * index), line, fontsize=16, render_mode=render_mode)


def _born_digital(lines: list[str]) -> pymupdf.Document:
    document = pymupdf.open()
    _write(document.new_page(width=PAGE.width, height=PAGE.height), lines)
    return document


def _scanned(layer: list[str]) -> bytes:
    """A page that is one image of LINES, with `layer` as its invisible OCR text."""
    picture = _born_digital(LINES)[0].get_pixmap(dpi=150)
    document = pymupdf.open()
    page = document.new_page(width=PAGE.width, height=PAGE.height)
    page.insert_image(page.rect, pixmap=picture)
    _write(page, layer, render_mode=3)
    return document.tobytes()


def _page_of(content: bytes) -> pymupdf.Page:
    return pymupdf.open(stream=content, filetype="pdf")[0]


def _fail(*args: object, **kwargs: object) -> None:
    raise AssertionError("OCR must not run for this page")


PLAUSIBLE = [
    *("Invoice", "TOTAL", "McKenzie", "48213", "1,269.12-", "12/20/2020", "€144.00", "B3G2F"),
    *("RE-2024-0042", "billing@example.com", "www.example.com", "Gomti,Nagar", "10kg"),
]


@pytest.mark.parametrize("token", PLAUSIBLE)
def test_ordinary_tokens_are_plausible(token):
    assert token_is_plausible(token) is True


@pytest.mark.parametrize(
    "token", ["1NCOaron", "nTSo", "WIW[E6tl,NYN9lWEIXl", "lYX%%8", "24'y000", "1XXEx8", "5¢E"]
)
def test_ocr_garbage_tokens_are_implausible(token):
    assert token_is_plausible(token) is False


def test_single_characters_are_not_judged():
    assert token_is_plausible("-") is None
    assert token_is_plausible("a") is None


def test_implausible_share_weighs_characters():
    clean = _words(["Invoice", "number", "48213", "Total", "144.00"])
    assert implausible_share(clean) == 0.0
    dirty = _words(["Invoice", "WIW[E6tl,NYN9lWEIXlIXMACWJM", "48213"])
    assert implausible_share(dirty) > 0.5


def test_text_layer_with_enough_readable_characters_is_usable():
    assert text_layer_is_usable(_words(["Invoice", "number", "12345", "total", "amount", "due"]))


def test_nearly_empty_text_layer_is_not_usable():
    assert not text_layer_is_usable(_words(["1"]))


def test_text_layer_of_unmapped_glyphs_is_not_usable():
    assert not text_layer_is_usable(_words(["\ufffd" * 40, "abc" * 10]))


def test_text_layer_of_mostly_garbage_tokens_is_not_usable():
    garbage = ["xQ3#kLm9", "pW7&zRt2", "Invoice", "vB5!nHq8", "tY4%gJk1", "mN6@cXs3"]
    assert not text_layer_is_usable(_words(garbage))


def test_scan_with_invisible_layer_is_recognised_as_scanned():
    assert is_scanned(_page_of(_scanned(LINES)))


def test_born_digital_page_is_not_scanned():
    assert not is_scanned(_born_digital(LINES)[0])


def test_visible_text_over_a_background_image_is_not_a_scan():
    picture = _born_digital(["Letterhead"])[0].get_pixmap(dpi=50)
    document = pymupdf.open()
    page = document.new_page(width=PAGE.width, height=PAGE.height)
    page.insert_image(page.rect, pixmap=picture)
    _write(page, LINES)
    assert not is_scanned(page)


def test_born_digital_page_is_usable_without_looking_at_the_image():
    page = _born_digital(LINES)[0]
    assert assess_text_layer(page, text_layer_words(page)) is Verdict.USABLE


def test_scanned_page_layer_is_verified():
    page = _page_of(_scanned(LINES))
    assert assess_text_layer(page, text_layer_words(page)) is Verdict.VERIFY


def _agreement(layer: list[str]) -> float | None:
    page = _page_of(_scanned(layer))
    image = page.get_pixmap(dpi=150).pil_image()
    return image_agreement(image, text_layer_words(page), 150 / 72)


def test_layer_that_says_what_the_image_shows_agrees():
    agreement = _agreement(LINES)
    assert agreement is not None
    assert agreement >= textlayer.MIN_AGREEMENT


def test_layer_with_wrong_words_disagrees():
    agreement = _agreement(WRONG)
    assert agreement is not None
    assert agreement < 0.5


def test_layer_text_where_the_page_is_blank_disagrees():
    document = pymupdf.open()
    page = document.new_page(width=PAGE.width, height=PAGE.height)
    page.insert_image(page.rect, pixmap=_born_digital(["x"])[0].get_pixmap(dpi=30))
    _write(page, LINES, render_mode=3)
    image = page.get_pixmap(dpi=150).pil_image()
    assert image_agreement(image, text_layer_words(page), 150 / 72) == 0.0


def test_scanned_page_with_a_wrong_invisible_layer_is_ocrd():
    loaded = load_file(_scanned(WRONG), None, EngineLimits())
    page = extract_pages(loaded, EngineLimits())[0]
    assert page.source == "ocr"
    assert "48213" in page.text
    assert "Lorem" not in page.text


def test_scanned_page_with_a_faithful_layer_keeps_it(monkeypatch):
    monkeypatch.setattr(words, "ocr_image", _fail)
    loaded = load_file(_scanned(LINES), None, EngineLimits())
    page = extract_pages(loaded, EngineLimits())[0]
    assert page.source == "text"
    assert "Harbour Foods" in page.text
    assert all(0 < w.confidence <= 100 for w in page.words)


def test_kept_layer_words_score_like_ocr_words_per_character():
    assert words._word_score("48213", 1.0) == 100.0
    assert words._word_score("48213", 0.97) == pytest.approx(85.9, abs=0.1)
    assert words._word_score("RE-2024-0042", 0.97) < words._word_score("RE", 0.97)


def test_good_text_layer_page_is_neither_checked_nor_ocrd(monkeypatch):
    monkeypatch.setattr(words, "ocr_image", _fail)
    monkeypatch.setattr(textlayer, "read_crops", _fail)
    monkeypatch.setattr(ocr, "read_crops", _fail)
    loaded = load_file(_born_digital(LINES).tobytes(), None, EngineLimits())
    page = extract_pages(loaded, EngineLimits())[0]
    assert page.source == "text"
    assert all(w.confidence == 100.0 for w in page.words)


def test_rejected_layer_is_kept_when_ocr_reads_far_less(monkeypatch):
    def reads_nothing(image, **kwargs):
        return ocr.OcrPage((), 0, image.width, image.height, "none")

    monkeypatch.setattr(words, "ocr_image", reads_nothing)
    loaded = load_file(_scanned(WRONG), None, EngineLimits())
    page = extract_pages(loaded, EngineLimits())[0]
    assert page.source == "text"
    assert "Lorem" in page.text
    assert all(w.confidence < textlayer.MIN_AGREEMENT * 100 for w in page.words)


# --- Short layers: a cover page or a page number is read from its layer, not OCR'd ------------


def _short_page(lines: list[str]) -> pymupdf.Page:
    return _born_digital(lines)[0]


@pytest.mark.parametrize("lines", [["Page 2"], ["Appendix"], []])
def test_a_short_layer_on_a_page_drawing_nothing_else_is_read_without_ocr(monkeypatch, lines):
    monkeypatch.setattr(words, "ocr_image", _fail)
    monkeypatch.setattr(textlayer, "read_crops", _fail)
    loaded = load_file(_born_digital(lines).tobytes(), None, EngineLimits())

    page = extract_pages(loaded, EngineLimits())[0]

    assert page.source == "text"
    assert page.text.split() == " ".join(lines).split()


def test_a_short_layer_with_ruled_lines_and_a_small_logo_is_usable():
    page = _short_page(["Page 2"])
    page.draw_rect(pymupdf.Rect(20, 20, 400, 240), color=(0, 0, 0))
    page.draw_line((20, 60), (400, 60))
    page.draw_circle((380, 40), 12, fill=(0, 0, 1))

    assert assess_text_layer(page, text_layer_words(page)) is Verdict.USABLE


def test_a_short_layer_beside_an_image_is_ocrd():
    page = _short_page(["Page 2"])
    picture = _born_digital(LINES)[0].get_pixmap(dpi=50)
    page.insert_image(pymupdf.Rect(30, 80, 400, 250), pixmap=picture)

    assert assess_text_layer(page, text_layer_words(page)) is Verdict.UNUSABLE


def test_a_short_layer_beside_text_drawn_as_outlines_is_ocrd():
    page = _short_page(["Page 2"])
    shape = page.new_shape()
    for index in range(textlayer.MAX_CURVED_SHAPES + 10):  # one curved shape per "glyph"
        x, y = 30 + (index % 30) * 12, 120 + (index // 30) * 20
        shape.draw_bezier((x, y), (x + 3, y - 9), (x + 7, y - 9), (x + 10, y))
        shape.finish(fill=(0, 0, 0), closePath=True)
    shape.commit()

    assert assess_text_layer(page, text_layer_words(page)) is Verdict.UNUSABLE


def test_a_short_invisible_layer_is_ocrd():
    document = pymupdf.open()
    page = document.new_page(width=PAGE.width, height=PAGE.height)
    _write(page, ["Page 2"], render_mode=3)

    assert assess_text_layer(page, text_layer_words(page)) is Verdict.UNUSABLE


def test_a_short_layer_of_unmapped_glyphs_is_still_unusable():
    page = _short_page(["Page 2"])

    assert assess_text_layer(page, [Word("\ufffd\ufffd\ufffd", (30, 30, 60, 46), 100.0)]) is (
        Verdict.UNUSABLE
    )
