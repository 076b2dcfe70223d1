"""Positioned words for every page: the PDF text layer where usable, OCR elsewhere.

Called by `run_engine` after loading. `textlayer.py` judges each PDF page's text layer: usable
as is, unusable (too little text, unreadable glyphs, mostly garbage), or to be checked against the
page image (scans with an embedded OCR layer, layers with many garbage-shaped tokens). Pages that
need the image are rendered once, at the configured DPI but no larger than OCR's working size and
the pixel cap, and that one image serves both the check and OCR. A layer that disagrees with its
image is replaced by OCR, unless OCR reads less than half as much text (then the image is too poor
to beat the layer, which is kept with its words' confidence lowered by the measured agreement).
Boxes always come back in page space: PDF points for PDF pages, pixels for image uploads.
"""

from __future__ import annotations

import pymupdf
from PIL import Image

from extraction.engine.layout import document_lines, page_text
from extraction.engine.loading import LoadedFile
from extraction.engine.ocr import OCR_MAX_SIDE, ocr_image
from extraction.engine.textlayer import (
    MIN_AGREEMENT,
    Verdict,
    assess_text_layer,
    image_agreement,
    text_layer_words,
)
from extraction.engine.types import EngineLimits, PageResult, Word

__all__ = ["extract_pages", "text_layer_words"]

MIN_OCR_READ_SHARE = 0.5
"""OCR must read at least this share of a rejected layer's characters to replace it."""


def extract_pages(loaded: LoadedFile, limits: EngineLimits) -> list[PageResult]:
    if loaded.pdf is not None:
        return [_pdf_page(page, limits) for page in loaded.pdf]
    return [_image_page(index + 1, image) for index, image in enumerate(loaded.images)]


def _pdf_page(page: pymupdf.Page, limits: EngineLimits) -> PageResult:
    number = page.number + 1
    width, height = page.rect.width, page.rect.height
    words = text_layer_words(page)
    verdict = assess_text_layer(page, words)
    if verdict is Verdict.USABLE:
        return _result(number, width, height, words, "text", 0)
    dpi = _render_dpi(width, height, limits)
    pixmap = page.get_pixmap(dpi=dpi)
    image = Image.frombytes("RGB", (pixmap.width, pixmap.height), pixmap.samples)
    agreement = None
    if verdict is Verdict.VERIFY:
        agreement = image_agreement(image, words, dpi / 72.0)
        if agreement is None or agreement >= MIN_AGREEMENT:
            return _layer_result(number, width, height, words, agreement)
    ocr = _ocr_result(number, image, 72.0 / dpi, width, height)
    if agreement is not None and _alnum(ocr.words) < MIN_OCR_READ_SHARE * _alnum(words):
        return _layer_result(number, width, height, words, agreement)
    return ocr


def _render_dpi(width: float, height: float, limits: EngineLimits) -> int:
    """The configured DPI, lowered so the longest side fits OCR's working size and the cap."""
    dpi = min(limits.ocr_dpi, max(72, int(OCR_MAX_SIDE * 72 / max(width, height, 1.0))))
    while dpi > 72 and (width * dpi / 72) * (height * dpi / 72) > limits.max_pixels:
        dpi -= 25
    return dpi


def _layer_result(
    number: int, width: float, height: float, words: list[Word], agreement: float | None
) -> PageResult:
    """A checked layer, its words scored from the measured per-character agreement.

    A word of n characters is right with probability about agreement**n, the same meaning an
    OCR word's confidence has; so a long number on a layer that agrees at 0.97 scores about 78.
    """
    if agreement is not None:
        rate = min(max(agreement, 0.0), 1.0)
        words = [Word(w.text, w.bbox, min(w.confidence, _word_score(w.text, rate))) for w in words]
    return _result(number, width, height, words, "text", 0)


def _word_score(text: str, rate: float) -> float:
    return round(100.0 * rate ** max(1, sum(ch.isalnum() for ch in text)), 1)


def _alnum(words: list[Word] | tuple[Word, ...]) -> int:
    return sum(ch.isalnum() for word in words for ch in word.text)


def _image_page(number: int, image: Image.Image) -> PageResult:
    return _ocr_result(number, image, 1.0, float(image.width), float(image.height))


def _ocr_result(
    number: int, image: Image.Image, scale: float, width: float, height: float
) -> PageResult:
    page = ocr_image(image)
    if page.rotation in (90, 270):
        width, height = height, width
    words = [
        Word(w.text, tuple(v * scale for v in w.bbox), w.confidence)  # type: ignore[arg-type]
        for w in page.words
    ]
    return _result(number, width, height, words, "ocr", page.rotation)


def _result(
    number: int, width: float, height: float, words: list[Word], source: str, rotation: int
) -> PageResult:
    lines = document_lines([PageResult(number, width, height, "", source, rotation, tuple(words))])
    return PageResult(number, width, height, page_text(lines), source, rotation, tuple(words))
