"""Positioned words for every page: the PDF text layer where usable, OCR elsewhere.

Called by `run_engine` after loading. A text layer is judged unusable when it holds too little
text or too many unreadable glyphs; such pages are rendered at the configured DPI (lowered when
the pixel cap requires it) and read by `ocr.py`. Boxes always come back in page space: PDF points
for PDF pages, pixels for image uploads.
"""

from __future__ import annotations

import re

import pymupdf
from PIL import Image

from extraction.engine.layout import document_lines, page_text
from extraction.engine.loading import LoadedFile
from extraction.engine.ocr import ocr_image
from extraction.engine.types import EngineLimits, PageResult, Word

MIN_TEXT_CHARS = 25
"""A page with fewer alphanumeric characters in its text layer is sent to OCR."""


def extract_pages(loaded: LoadedFile, limits: EngineLimits) -> list[PageResult]:
    if loaded.pdf is not None:
        return [_pdf_page(page, limits) for page in loaded.pdf]
    return [_image_page(index + 1, image) for index, image in enumerate(loaded.images)]


def text_layer_words(page: pymupdf.Page) -> list[Word]:
    words: list[Word] = []
    for x0, y0, x1, y1, text, *_ in page.get_text("words", sort=True):
        cleaned = text.replace("\u00a0", " ").strip()
        if cleaned and x1 > x0 and y1 > y0:
            words.append(Word(cleaned, (x0, y0, x1, y1), 100.0))
    return words


def text_layer_is_usable(words: list[Word]) -> bool:
    """Enough readable characters, few replacement or private-use glyphs."""
    text = "".join(word.text for word in words)
    alnum = sum(ch.isalnum() for ch in text)
    if alnum < MIN_TEXT_CHARS:
        return False
    bad = len(re.findall(r"[\ufffd\ue000-\uf8ff\x00-\x08]", text))
    return bad <= 0.05 * len(text)


def _pdf_page(page: pymupdf.Page, limits: EngineLimits) -> PageResult:
    number = page.number + 1
    width, height = page.rect.width, page.rect.height
    words = text_layer_words(page)
    if text_layer_is_usable(words):
        return _result(number, width, height, words, "text", 0)
    dpi = _render_dpi(width, height, limits)
    pixmap = page.get_pixmap(dpi=dpi)
    image = Image.frombytes("RGB", (pixmap.width, pixmap.height), pixmap.samples)
    scale = 72.0 / dpi
    return _ocr_result(number, image, scale, width, height)


def _render_dpi(width: float, height: float, limits: EngineLimits) -> int:
    dpi = limits.ocr_dpi
    while dpi > 72 and (width * dpi / 72) * (height * dpi / 72) > limits.max_pixels:
        dpi -= 25
    return dpi


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
