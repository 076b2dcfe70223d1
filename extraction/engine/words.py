"""Positioned words for every page: the PDF text layer where usable, OCR elsewhere.

Called by `run_engine` after loading. `textlayer.py` judges each PDF page's text layer: usable
as is, unusable (too little text, unreadable glyphs, mostly garbage), or to be checked against the
page image (scans with an embedded OCR layer, layers with many garbage-shaped tokens). Pages that
need the image are rendered once, and that one image serves both the check and OCR. The scale is
chosen from the size of the text, so OCR sees lines about TARGET_TEXT_PX high whatever the page
size (a till roll, a poster): the height comes from the layer's word boxes, or from the glyphs of
a small grey rendering when there is no layer. Every rendering's pixel count is computed before
it is made and kept within `EngineLimits.max_pixels`. A layer that disagrees with its image is
replaced by OCR, unless OCR reads less than half as much text (then the image is too poor to beat
the layer, which is kept with its words' confidence lowered by the measured agreement).

Boxes always come back in page space: PDF points of the page as displayed (after its `/Rotate`)
for PDF pages, pixels for image uploads. When most of a page's text runs vertically or upside
down as displayed, the page is turned the way OCR turns a sideways scan: `PageResult.rotation`
says by how many degrees clockwise, and boxes, width and height are those of the turned page.
"""

from __future__ import annotations

import math
from statistics import median

import numpy as np
import pymupdf
from PIL import Image

from extraction.engine.layout import document_lines, page_text, turn_box
from extraction.engine.loading import LoadedFile
from extraction.engine.ocr import (
    ESTIMATE_PIXELS,
    MIN_TEXT_PX,
    OCR_MAX_SIDE,
    glyph_line_height,
    ocr_image,
)
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
TARGET_TEXT_PX = 32
"""Line height, in pixels, OCR should see: 10-point Helvetica at 200 dpi."""
MIN_DPI = 100
MAX_DPI = 400
"""Bounds of the text-driven rendering resolution (the pixel cap may go lower still)."""
MIN_LAYER_WORDS = 5
"""Fewer horizontal layer words than this do not tell the text size; the glyphs are measured."""


def extract_pages(loaded: LoadedFile, limits: EngineLimits) -> list[PageResult]:
    if loaded.pdf is not None:
        return [_pdf_page(page, limits) for page in loaded.pdf]
    return [_image_page(index + 1, image) for index, image in enumerate(loaded.images)]


def _pdf_page(page: pymupdf.Page, limits: EngineLimits) -> PageResult:
    number = page.number + 1
    width, height = page.rect.width, page.rect.height
    words = text_layer_words(page)
    rotation = _upright_turn(words)
    if rotation:
        words = [
            Word(
                w.text,
                turn_box(w.bbox, rotation, width, height),
                w.confidence,
                (w.direction + rotation) % 360,
            )
            for w in words
        ]
        if rotation in (90, 270):
            width, height = height, width
    verdict = assess_text_layer(page, words)
    if verdict is Verdict.USABLE:
        return _result(number, width, height, words, "text", rotation)
    line_height = _text_height(page, words, limits)
    scale = render_scale(page.rect, line_height, limits)
    if verdict is not Verdict.VERIFY:
        scale = read_scale(page.rect, line_height, scale)  # OCR alone reads this image
    image = render_page(page, scale, limits)
    agreement = None
    if verdict is Verdict.VERIFY:
        turned = image.rotate(-rotation, expand=True) if rotation else image
        agreement = image_agreement(turned, words, scale)
        if agreement is None or agreement >= MIN_AGREEMENT:
            return _layer_result(number, width, height, words, agreement, rotation)
    text_px = line_height * scale if line_height else None
    ocr = _ocr_result(number, image, 1 / scale, page.rect.width, page.rect.height, text_px)
    if agreement is not None and _alnum(ocr.words) < MIN_OCR_READ_SHARE * _alnum(words):
        return _layer_result(number, width, height, words, agreement, rotation)
    return ocr


def _upright_turn(words: list[Word]) -> int:
    """Clockwise degrees that bring most of the page's text (by characters) upright; 0 on ties."""
    weights: dict[int, int] = {}
    for word in words:
        weights[word.direction] = weights.get(word.direction, 0) + len(word.text)
    direction = max(weights, key=lambda d: (weights[d], d == 0), default=0)
    return (360 - direction) % 360


def _text_height(page: pymupdf.Page, words: list[Word], limits: EngineLimits) -> float | None:
    """Typical line height in points: the layer's horizontal word boxes, else measured glyphs."""
    heights = [w.bbox[3] - w.bbox[1] for w in words if w.direction == 0]
    if len(heights) >= MIN_LAYER_WORDS:
        return median(heights)
    area = max(page.rect.width * page.rect.height, 1.0)
    scale = min(math.sqrt(ESTIMATE_PIXELS / area), MAX_DPI / 72)
    pixmap = _pixmap(page, scale, limits, gray=True)
    pixels = np.frombuffer(pixmap.samples, dtype=np.uint8).reshape(
        pixmap.height, pixmap.width, pixmap.n
    )[:, :, 0]
    if pixels.size == 0 or int(pixels.max()) - int(pixels.min()) < 24:
        return None
    height = glyph_line_height(np.ascontiguousarray(pixels))
    return height / scale if height else None


def render_scale(rect: pymupdf.Rect, line_height: float | None, limits: EngineLimits) -> float:
    """Pixels per point: lines of TARGET_TEXT_PX within MIN_DPI-MAX_DPI, `ocr_dpi` when the text
    size is unknown, and never more pixels than the cap."""
    if line_height:
        scale = min(max(TARGET_TEXT_PX / line_height, MIN_DPI / 72), MAX_DPI / 72)
    else:
        scale = limits.ocr_dpi / 72
    return min(scale, cap_scale(rect, limits.max_pixels))


def read_scale(rect: pymupdf.Rect, line_height: float | None, scale: float) -> float:
    """The scale OCR reads a rendering at: `ocr.working_image` shrinks an image towards
    OCR_MAX_SIDE, but not below lines of MIN_TEXT_PX; rendering larger only costs memory (a
    poster-sized page at the cap is 120 MB of RGB). Without a line height (its glyphs could
    not be measured on a small rendering, nor will OCR's own estimate) OCR shrinks to
    OCR_MAX_SIDE."""
    longest = max(rect.width, rect.height, 1e-6)
    if line_height is None:
        return min(scale, OCR_MAX_SIDE / longest)
    return min(scale, max(OCR_MAX_SIDE / longest, MIN_TEXT_PX / line_height))


def cap_scale(rect: pymupdf.Rect, max_pixels: int) -> float:
    """The largest scale at which the rendered pixmap (its size rounded outwards) fits the cap."""
    scale = math.sqrt(max_pixels / max(rect.width * rect.height, 1e-6))
    while scale > 0:
        box = (rect * pymupdf.Matrix(scale, scale)).irect
        if box.width * box.height <= max_pixels:
            return scale
        scale *= 0.995
    return scale


def render_page(page: pymupdf.Page, scale: float, limits: EngineLimits) -> Image.Image:
    pixmap = _pixmap(page, scale, limits, gray=False)
    # From the pixmap's own memory: `samples` would first copy all of it into a bytes object.
    return Image.frombytes("RGB", (pixmap.width, pixmap.height), pixmap.samples_mv)


def _pixmap(
    page: pymupdf.Page, scale: float, limits: EngineLimits, *, gray: bool
) -> pymupdf.Pixmap:
    """The one place pages are rasterised: the scale is lowered to the cap before rendering."""
    scale = min(scale, cap_scale(page.rect, limits.max_pixels))
    colorspace = pymupdf.csGRAY if gray else pymupdf.csRGB
    return page.get_pixmap(matrix=pymupdf.Matrix(scale, scale), colorspace=colorspace, alpha=False)


def _layer_result(
    number: int,
    width: float,
    height: float,
    words: list[Word],
    agreement: float | None,
    rotation: int,
) -> PageResult:
    """A checked layer, its words scored from the measured per-character agreement.

    A word of n characters is right with probability about agreement**n, the same meaning an
    OCR word's confidence has; so a long number on a layer that agrees at 0.97 scores about 78.
    """
    if agreement is not None:
        rate = min(max(agreement, 0.0), 1.0)
        words = [
            Word(w.text, w.bbox, min(w.confidence, _word_score(w.text, rate)), w.direction)
            for w in words
        ]
    return _result(number, width, height, words, "text", rotation)


def _word_score(text: str, rate: float) -> float:
    return round(100.0 * rate ** max(1, sum(ch.isalnum() for ch in text)), 1)


def _alnum(words: list[Word] | tuple[Word, ...]) -> int:
    return sum(ch.isalnum() for word in words for ch in word.text)


def _image_page(number: int, image: Image.Image) -> PageResult:
    return _ocr_result(number, image, 1.0, float(image.width), float(image.height))


def _ocr_result(
    number: int,
    image: Image.Image,
    scale: float,
    width: float,
    height: float,
    text_height: float | None = None,
) -> PageResult:
    page = ocr_image(image, text_height=text_height)
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
