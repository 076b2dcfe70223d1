"""Optical character recognition of page images into positioned, scored words.

Called by `words.py` for images and for PDF pages without a usable text layer, and by
`textlayer.py` (`read_crops`) to check a text layer against its page image. RapidOCR (ONNX models
shipped in its wheel) is always available and reads characters well but often drops the spaces
between Latin words; Tesseract, when its binary is installed, segments words well and gives
per-word confidence. When both are present their outputs are fused: RapidOCR's characters,
Tesseract's word boundaries. Page rotation (0/90/180/270) is detected by Tesseract's OSD or,
without it, by comparing RapidOCR's confidence on the four orientations.

Speed on small machines: an image larger than OCR_MAX_SIDE is scaled down first. RapidOCR
reads at no more than 2000 px anyway; OSD and Tesseract cost grows with pixels, and below about
2400 px (200 dpi on A4 or Letter) Tesseract starts to lose small print on 350-dpi scans. The
scaling stops where it would make the text lines lower than MIN_TEXT_PX (their height is
estimated from the image's connected components, or given by the caller): such an image (a till
roll, a poster-sized page) is turned upright once and read in overlapping tiles of TILE_SIDE. With
Tesseract, Tesseract reads the image as it is in one worker thread while RapidOCR reads it in the
calling thread. Orientation is checked only when RapidOCR's reading is not clearly upright (most
pages are upright, and OSD cost 0.4-2 CPU seconds a page); a page that turns out rotated is read
again. RapidOCR gets one CPU fewer than the process may use, leaving one for Tesseract, which runs
without OpenMP threads, instead of oversubscribing.
RapidOCR's own cost is its text detector and its recogniser. The detector reads a copy scaled so
lines are DETECT_TEXT_PX high (it used to see a scan at full size, up to 2000 px, where it cost
about as much as recognition), from the text height the caller gives or the connected components
estimate; the recogniser still reads every line from the image itself, one line per run (a batch
pads each line to the widest one in it).
Coordinates returned are pixels of the upright input image; the caller maps them to page space.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from PIL import Image
from rapidfuzz.distance import Levenshtein

from extraction.engine.types import BBox, Word

TESSERACT_LANGS = ("eng", "deu", "fra", "nld", "spa")
OCR_MAX_SIDE = 2400
"""Longest side, in pixels, of the image OCR reads; larger images are scaled down first."""
MIN_TEXT_PX = 20
"""Lowest line height (ascender to descender), in pixels, that scaling down may leave."""
RAPID_MAX_SIDE = 2000
"""RapidOCR's own largest working size: it shrinks larger images to it before reading."""
TILE_SIDE = RAPID_MAX_SIDE
"""Side of the tiles a large image is read in: RapidOCR's own largest working size."""
TILE_OVERLAP = 240
"""Pixels each tile reaches into its neighbours, so every word lies whole inside one tile."""
ESTIMATE_PIXELS = 2_000_000
"""Pixels of the copy whose connected components estimate the text height."""
LINE_PER_GLYPH = 1.7
"""Line height (a text-layer word box) over the median glyph component height: 1.4-2.4 on the
evaluation invoices at 100-300 dpi, depending on the font's metrics."""
DETECT_TEXT_PX = 16
"""Line height, in pixels, RapidOCR's text detector is given. The evaluation scans have lines of
22-56 px; detecting at 16 px cost a third as much, with the same fields right but one (a
handwritten signature whose reading changes with any resize). Recognition still reads each line
from the full-resolution image."""
RAPID_DEFAULT_DETECTION = ("min", 736)
"""RapidOCR's own detector sizing (shorter side at least 736 px), used when the text height is
unknown."""


@dataclass(frozen=True)
class OcrPage:
    words: tuple[Word, ...]
    rotation: int
    """Clockwise degrees the image was turned by before reading (0, 90, 180, 270)."""
    width: int
    height: int
    engine: str


@functools.cache
def _rapid_engine() -> Any:
    """RapidOCR 3 (the maintained `rapidocr` package) with the models its wheel ships
    (PP-OCRv6 small detection and recognition, the mobile angle classifier): no download.

    Its call options persist between calls (`update_params`), so every call passes all of
    them, under `_RAPID_LOCK`."""
    import rapidocr
    from rapidocr import RapidOCR

    # Each model named by its path in the wheel: a missing file is then an error, never a
    # download (RapidOCR otherwise fetches a model whose file or checksum it cannot find).
    models = Path(rapidocr.__file__).parent / "models"
    return RapidOCR(
        params={
            "Global.log_level": "critical",
            "EngineConfig.onnxruntime.intra_op_num_threads": _rapid_threads(),
            # One line per recognition run: in a batch of six every line is padded to the widest,
            # which cost a fifth more recognition CPU on the evaluation scans.
            "Rec.rec_batch_num": 1,
            "Det.model_path": str(models / "PP-OCRv6_det_small.onnx"),
            "Rec.model_path": str(models / "PP-OCRv6_rec_small.onnx"),
            "Cls.model_path": str(models / "ch_ppocr_mobile_v2.0_cls_mobile.onnx"),
        }
    )


_RAPID_LOCK = threading.Lock()


def _rapid_threads() -> int:
    """One CPU fewer than the process may use (at least one): Tesseract reads alongside."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - platforms without affinity masks
        cpus = os.cpu_count() or 1
    return max(1, cpus - 1)


def _one_tesseract_thread() -> None:
    """Tesseract's OpenMP threads off (`OMP_THREAD_LIMIT=1`, unless the operator set it).

    Tesseract reads beside RapidOCR, so a second core is already busy; its OpenMP threads then
    spin more than they work: on the evaluation scans an A4 page cost 3.8 CPU seconds with them
    and 1.7 without, with the same words. pytesseract starts Tesseract with this process's
    environment, so the limit is set there."""
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")


@functools.cache
def tesseract_available() -> bool:
    if shutil.which("tesseract") is None:
        return False
    try:
        import pytesseract  # noqa: F401
    except ImportError:
        return False
    return True


@functools.cache
def _tesseract_langs() -> str:
    import pytesseract

    try:
        installed = set(pytesseract.get_languages(config=""))
    except (OSError, RuntimeError, pytesseract.TesseractError):
        installed = {"eng"}
    langs = [lang for lang in TESSERACT_LANGS if lang in installed]
    return "+".join(langs or ["eng"])


def ocr_image(
    image: Image.Image, *, engine: str = "auto", text_height: float | None = None
) -> OcrPage:
    """Read an image, turning it upright first; `engine` is auto, rapidocr or tesseract.

    `text_height` is the typical line height in pixels when the caller knows it; otherwise it
    is estimated, and only when the image is larger than OCR_MAX_SIDE.
    """
    rgb = image if image.mode == "RGB" else image.convert("RGB")
    if is_blank(rgb):
        return OcrPage((), 0, rgb.width, rgb.height, "none")
    if text_height is None:
        text_height = estimate_text_height(rgb)
    working, factor = working_image(rgb, text_height)
    text_px = text_height / factor if text_height else None
    use_tesseract = engine in ("auto", "tesseract") and tesseract_available()
    if max(working.size) > OCR_MAX_SIDE:
        words, rotation = _read_tiled(working, engine, use_tesseract, text_px)
        name = "tiled"
    elif engine == "tesseract" and use_tesseract:
        rotation = detect_rotation(working, use_tesseract=True)
        words = tesseract_words(_turn(working, rotation))
        name = "tesseract"
    elif use_tesseract:
        words, rotation = _read_fused(working, text_px)
        name = "rapidocr+tesseract"
    else:
        lines, rotation = _read_rapid(working, text_px)
        words = [w for line in lines for w in line_words(line, None)]
        name = "rapidocr"
    if factor != 1.0:
        words = [Word(w.text, _scaled(w.bbox, factor), w.confidence) for w in words]
    width, height = (rgb.height, rgb.width) if rotation in (90, 270) else (rgb.width, rgb.height)
    return OcrPage(tuple(words), rotation, width, height, name)


def working_image(
    image: Image.Image, text_height: float | None = None
) -> tuple[Image.Image, float]:
    """The image scaled down towards OCR_MAX_SIDE, and the factor from its pixels to the input's.

    With a known text height the scaling stops at MIN_TEXT_PX lines, so small print on a long
    or huge page stays legible (the result may then exceed OCR_MAX_SIDE and is read in tiles).
    """
    factor = max(image.width, image.height) / OCR_MAX_SIDE
    if text_height is not None:
        factor = min(factor, text_height / MIN_TEXT_PX)
    if factor <= 1.0:
        return image, 1.0
    size = (max(1, round(image.width / factor)), max(1, round(image.height / factor)))
    resized = image.resize(size, Image.Resampling.LANCZOS)
    return resized, image.width / resized.width


def estimate_text_height(image: Image.Image) -> float | None:
    """Typical line height of the image's text in its pixels, from glyph-sized components.

    The image is measured on a copy of at most ESTIMATE_PIXELS; None when too few components
    look like glyphs (blank page, or text too small to separate at that size).
    """
    gray = image.convert("L")
    shrink = max(1.0, (gray.width * gray.height / ESTIMATE_PIXELS) ** 0.5)
    if shrink > 1.0:
        size = (max(1, int(gray.width / shrink)), max(1, int(gray.height / shrink)))
        gray = gray.resize(size, Image.Resampling.BOX)
    return glyph_line_height(np.asarray(gray), shrink)


def glyph_line_height(pixels: np.ndarray, shrink: float = 1.0) -> float | None:
    _, ink = cv2.threshold(pixels, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    heights = stats[1:count, cv2.CC_STAT_HEIGHT]
    widths = stats[1:count, cv2.CC_STAT_WIDTH]
    glyphs = (heights >= 4) & (heights <= pixels.shape[0] / 8) & (widths <= 2 * heights)
    if int(glyphs.sum()) < 12:
        return None
    return float(np.median(heights[glyphs])) * LINE_PER_GLYPH * shrink


def _read_tiled(
    image: Image.Image, engine: str, use_tesseract: bool, text_px: float | None
) -> tuple[list[Word], int]:
    """Turn the image upright (judged on a central crop at reading size), read it tile by tile.

    A word belongs to the tile whose core (the tile without its overlap) holds its centre; the
    cut-off halves of words at a tile's edge have their centres in the neighbour's core.
    """
    left = max(0, (image.width - TILE_SIDE) // 2)
    top = max(0, (image.height - TILE_SIDE) // 2)
    # Within the image: a crop past its edge is filled with black, which a narrow till roll
    # would have turned mostly black (OSD then could not tell, and the slow check ran).
    sample = image.crop(
        (left, top, min(image.width, left + TILE_SIDE), min(image.height, top + TILE_SIDE))
    )
    rotation = detect_rotation(sample, use_tesseract=use_tesseract)
    upright = _turn(image, rotation)
    words: list[Word] = []
    for x0, x1, core_x0, core_x1 in _spans(upright.width):
        for y0, y1, core_y0, core_y1 in _spans(upright.height):
            tile = upright.crop((x0, y0, x1, y1))
            if is_blank(tile):
                continue
            for word in _read_upright(tile, engine, use_tesseract, text_px):
                box = (word.bbox[0] + x0, word.bbox[1] + y0, word.bbox[2] + x0, word.bbox[3] + y0)
                cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
                if core_x0 <= cx < core_x1 and core_y0 <= cy < core_y1:
                    words.append(Word(word.text, box, word.confidence))
    return words, rotation


def _spans(length: int) -> list[tuple[int, int, float, float]]:
    """Tiles along one side: (start, end, core start, core end), cores partitioning the side."""
    count = max(1, -(-length // (TILE_SIDE - 2 * TILE_OVERLAP)))
    core = length / count
    return [
        (
            max(0, int(i * core) - TILE_OVERLAP),
            min(length, int((i + 1) * core) + TILE_OVERLAP),
            0.0 if i == 0 else i * core,
            float(length) if i == count - 1 else (i + 1) * core,
        )
        for i in range(count)
    ]


def _read_upright(
    image: Image.Image, engine: str, use_tesseract: bool, text_px: float | None
) -> list[Word]:
    if engine == "tesseract" and use_tesseract:
        return tesseract_words(image)
    if use_tesseract:
        return fuse(*_read_both(image, text_px))
    return [w for line in rapid_lines(image, text_height=text_px) for w in line_words(line, None)]


def _scaled(box: BBox, factor: float) -> BBox:
    return (box[0] * factor, box[1] * factor, box[2] * factor, box[3] * factor)


def _turn(image: Image.Image, rotation: int) -> Image.Image:
    return image.rotate(-rotation, expand=True) if rotation else image


def _read_fused(image: Image.Image, text_px: float | None = None) -> tuple[list[Word], int]:
    """RapidOCR and Tesseract together, each reading the image as it is (Tesseract in a worker
    thread). A page RapidOCR reads as clearly upright is upright: no orientation check runs.
    Otherwise OSD decides (RapidOCR's four orientations when OSD cannot tell), and a turned page
    is read again by both."""
    lines, tess = _read_both(image, text_px)
    if _clearly_upright(lines):
        return fuse(lines, tess), 0
    rotation = detect_rotation(image, use_tesseract=True)
    if rotation:
        lines, tess = _read_both(_turn(image, rotation), text_px)
    return fuse(lines, tess), rotation


def _read_both(
    image: Image.Image, text_px: float | None = None
) -> tuple[list[RapidLine], list[Word]]:
    """RapidOCR's lines (this thread) and Tesseract's English words (a worker thread) at once."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        pending = pool.submit(tesseract_words, image, "eng")
        lines = rapid_lines(image, text_height=text_px)
        return lines, pending.result()


def _read_rapid(image: Image.Image, text_px: float | None = None) -> tuple[list[RapidLine], int]:
    """RapidOCR alone: the image as it is when that reads clearly upright, else turned the way
    RapidOCR's four orientations say."""
    lines = rapid_lines(image, text_height=text_px)
    if _clearly_upright(lines):
        return lines, 0
    rotation = _rapid_rotation(image)
    if not rotation:
        return lines, 0
    return rapid_lines(_turn(image, rotation), text_height=text_px), rotation


def is_blank(image: Image.Image) -> bool:
    """No ink at all: every pixel within a narrow band of one grey level."""
    low, high = image.convert("L").getextrema()
    return high - low < 24


@dataclass(frozen=True)
class RapidLine:
    text: str
    box: tuple[float, float, float, float]
    score: float
    char_boxes: tuple[tuple[float, float], ...]
    """x0, x1 per character of `text`."""
    char_scores: tuple[float, ...]
    char_rows: tuple[tuple[float, float], ...] = ()
    """y0, y1 per character, from its quad; empty when RapidOCR gave none (then `box` holds)."""


def rapid_lines(
    image: Image.Image, *, use_cls: bool = False, text_height: float | None = None
) -> list[RapidLine]:
    """RapidOCR lines of an image that is already upright.

    RapidOCR's 0/180 line classifier is off by default: once the page is turned upright it only
    does harm, turning short runs of digits over (`99999` read as `66666`, `60,000` as `000'09`).
    Rotation detection relies on upside-down text staying unreadable without it.
    With `text_height` (line height in the image's pixels) the detector reads a copy scaled so
    lines are DETECT_TEXT_PX high (`detection_size`); recognition reads the image itself.
    """
    engine = _rapid_engine()
    with _RAPID_LOCK:
        # RapidOCR 3's detector takes its sizing from these two attributes on every call.
        detector = engine._load_det_model()
        detector.limit_type, detector.limit_side_len = detection_size(image.size, text_height)
        output = engine(
            np.asarray(image),
            use_det=True,
            use_cls=use_cls,
            use_rec=True,
            return_word_box=True,
            return_single_char_box=True,
        )
    if getattr(output, "boxes", None) is None:
        return []
    lines: list[RapidLine] = []
    for points, raw_text, raw_score, pieces in zip(
        output.boxes, output.txts, output.scores, output.word_results or (), strict=False
    ):
        text, score = str(raw_text), float(raw_score)
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        box = (min(xs), min(ys), max(xs), max(ys))
        char_boxes, char_scores, char_rows = _char_geometry(text, pieces)
        if not char_boxes:
            step = (box[2] - box[0]) / max(len(text), 1)
            char_boxes = tuple(
                (box[0] + i * step, box[0] + (i + 1) * step) for i in range(len(text))
            )
            char_scores = tuple(score for _ in text)
        lines.append(RapidLine(text, box, score, char_boxes, char_scores, char_rows))
    return lines


def detection_size(size: tuple[int, int], text_height: float | None) -> tuple[str, int]:
    """RapidOCR's detector sizing (`limit_type`, `limit_side_len`) for an image of `size`.

    Its default, the shorter side brought up to 736 px, leaves a scan at full size (up to the
    2000 px RapidOCR reads at), where detection costs about as much as recognition. Lines need
    only be DETECT_TEXT_PX high to be found, so the longest side is shrunk by that ratio; the
    image is never enlarged for detection when its text is smaller than that.
    """
    if not text_height:
        return RAPID_DEFAULT_DETECTION
    longest = min(max(size), RAPID_MAX_SIDE)
    ratio = min(1.0, DETECT_TEXT_PX / (text_height * longest / max(size)))
    return "max", max(32, round(longest * ratio))


def _char_geometry(
    text: str, pieces: Any
) -> tuple[tuple[tuple[float, float], ...], tuple[float, ...], tuple[tuple[float, float], ...]]:
    """Per-character x spans, scores and y spans of a line from RapidOCR's character boxes.

    RapidOCR 3 gives a box per character (`return_single_char_box`) but none for spaces; a
    space spans the gap between its neighbours. A piece of several characters is divided
    evenly. Empty tuples when the pieces do not account for the line's characters."""
    spans: list[tuple[float, float, float, float, float]] = []  # x0, x1, y0, y1, score
    for piece_text, piece_score, quad in pieces or ():
        xs = [p[0] for p in quad]
        ys = [p[1] for p in quad]
        characters = [c for c in str(piece_text) if not c.isspace()]
        step = (max(xs) - min(xs)) / max(len(characters), 1)
        for index, _ in enumerate(characters):
            left = min(xs) + index * step
            spans.append((left, left + step, min(ys), max(ys), float(piece_score)))
    if len(spans) != sum(1 for c in text if not c.isspace()):
        return (), (), ()
    boxes: list[tuple[float, float]] = []
    scores: list[float] = []
    rows: list[tuple[float, float]] = []
    upcoming = iter(spans)
    pending = next(upcoming, None)
    for character in text:
        if character.isspace():
            left = boxes[-1][1] if boxes else (pending[0] if pending else 0.0)
            right = pending[0] if pending else left
            boxes.append((left, max(left, right)))
            rows.append(rows[-1] if rows else ((pending[2], pending[3]) if pending else (0, 0)))
            scores.append(scores[-1] if scores else (pending[4] if pending else 0.0))
            continue
        assert pending is not None
        boxes.append((pending[0], pending[1]))
        rows.append((pending[2], pending[3]))
        scores.append(pending[4])
        pending = next(upcoming, None)
    return tuple(boxes), tuple(scores), tuple(rows)


def read_crops(crops: list[Image.Image]) -> list[tuple[str, float]]:
    """Read small images that each hold one line of text: RapidOCR's recogniser alone.

    No detection and no angle classifier, so a crop costs a few milliseconds; used to check a
    PDF's text layer against the page image. Returns (text, score 0-1) per crop, in order.
    """
    engine = _rapid_engine()
    reads: list[tuple[str, float]] = []
    for crop in crops:
        with _RAPID_LOCK:
            output = engine(
                np.asarray(crop.convert("RGB")),
                use_det=False,
                use_cls=False,
                use_rec=True,
                return_word_box=False,
                return_single_char_box=False,
            )
        texts = getattr(output, "txts", None) or ()
        scores = getattr(output, "scores", None) or ()
        if texts and scores:
            reads.append((str(texts[0]).strip(), float(scores[0])))
        else:
            reads.append(("", 0.0))
    return reads


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=:)(?=\S)")


def line_words(line: RapidLine, boundaries: set[int] | None) -> list[Word]:
    """Split a RapidOCR line into words at spaces and at the given character boundaries.

    Without Tesseract's boundaries, a lower-to-upper case change or a colon glued to the next
    word also starts a word (RapidOCR's typical lost spaces: `VendorName:Balozi`). Chinese and
    Japanese are written without spaces: no boundary cuts between two of their characters
    (Tesseract, reading them as Latin, puts boundaries anywhere).
    """
    cuts = {
        index
        for index in boundaries or ()
        if not (
            0 < index < len(line.text)
            and _UNSPACED.match(line.text[index - 1])
            and _UNSPACED.match(line.text[index])
        )
    }
    if boundaries is None:
        cuts.update(m.start() for m in _CAMEL.finditer(line.text))
    words: list[Word] = []
    start = None
    for index, char in enumerate(line.text + " "):
        if index in cuts and start is not None and char != " ":
            words.append(_make_word(line, start, index))
            start = None
        if char == " ":
            if start is not None:
                words.append(_make_word(line, start, index))
                start = None
        elif start is None:
            start = index
    return [w for w in words if w.text]


_UNSPACED = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
"""A character of Chinese or Japanese writing: Han, kana, their punctuation and full-width forms."""


def _make_word(line: RapidLine, start: int, end: int) -> Word:
    """A word of the line; its height is that of its own characters' quads where RapidOCR gave
    them. On a level line that is the line's height; on a slightly turned one the word sits where
    it is on the slope, not spread over the whole line's box, so layout can measure the skew."""
    text = line.text[start:end]
    x0 = line.char_boxes[start][0]
    x1 = line.char_boxes[end - 1][1]
    y0, y1 = line.box[1], line.box[3]
    if len(line.char_rows) == len(line.text):
        rows = line.char_rows[start:end]
        y0, y1 = min(r[0] for r in rows), max(r[1] for r in rows)
    scores = line.char_scores[start:end] or (line.score,)
    mean = sum(scores) / len(scores)
    confidence = 100.0 * min(0.7 * mean + 0.3 * min(scores), line.score + 0.02)
    box = (float(x0), float(y0), float(max(x1, x0 + 1)), float(max(y1, y0 + 1)))
    return Word(text, box, confidence)


def tesseract_words(image: Image.Image, lang: str | None = None) -> list[Word]:
    """Tesseract's words; `lang` defaults to every installed language of TESSERACT_LANGS.

    When fusing with RapidOCR only word boundaries are needed, and English alone is faster.
    """
    import pytesseract

    _one_tesseract_thread()
    data = pytesseract.image_to_data(
        image,
        lang=lang or _tesseract_langs(),
        config="--psm 11",
        output_type=pytesseract.Output.DICT,
    )
    words: list[Word] = []
    for i, text in enumerate(data["text"]):
        text = (text or "").strip()
        conf = float(data["conf"][i])
        if not text or conf < 0:
            continue
        left, top = float(data["left"][i]), float(data["top"][i])
        box = (left, top, left + float(data["width"][i]), top + float(data["height"][i]))
        words.append(Word(text, box, conf))
    return words


def _center_inside(word: Word, box: tuple[float, float, float, float]) -> bool:
    cx = (word.bbox[0] + word.bbox[2]) / 2
    cy = (word.bbox[1] + word.bbox[3]) / 2
    return box[0] - 2 <= cx <= box[2] + 2 and box[1] - 2 <= cy <= box[3] + 2


def fuse(lines: list[RapidLine], tess: list[Word]) -> list[Word]:
    """RapidOCR characters split at Tesseract's word boundaries; Tesseract fills what Rapid missed.

    A word on which the two engines disagree keeps RapidOCR's reading with a lowered confidence.
    """
    used: set[int] = set()
    words: list[Word] = []
    for line in lines:
        inside = [i for i, w in enumerate(tess) if i not in used and _center_inside(w, line.box)]
        inside.sort(key=lambda i: tess[i].bbox[0])
        used.update(inside)
        boundaries, agreement = _boundaries_from(line.text, [tess[i].text for i in inside])
        for word in line_words(line, boundaries if inside else None):
            if inside and agreement < 0.8:
                word = Word(word.text, word.bbox, word.confidence * (0.6 + 0.4 * agreement))
            words.append(word)
    for index, word in enumerate(tess):
        if index in used or word.confidence < 70:
            continue
        if sum(ch.isalnum() for ch in word.text) >= max(2, len(word.text) // 2):
            words.append(Word(word.text, word.bbox, word.confidence * 0.9))
    return words


def _boundaries_from(text: str, tess_texts: list[str]) -> tuple[set[int], float]:
    """Word starts (indexes into `text`) implied by Tesseract's words, and how well they agree."""
    compact_index = [i for i, ch in enumerate(text) if ch != " "]
    compact = "".join(text[i] for i in compact_index)
    other = "".join(tess_texts)
    if not compact or not other:
        return set(), 0.0
    starts_in_other: set[int] = set()
    position = 0
    for item in tess_texts:
        if position:
            starts_in_other.add(position)
        position += len(item)
    mapping = _align(other, compact)
    boundaries = {
        compact_index[mapping[pos]]
        for pos in starts_in_other
        if pos in mapping and mapping[pos] < len(compact_index)
    }
    boundaries -= {i for i in boundaries if _inside_decimal(text, i)}
    agreement = Levenshtein.normalized_similarity(compact.lower(), other.lower())
    return boundaries, agreement


def _inside_decimal(text: str, index: int) -> bool:
    """True when `index` falls just after the separator of a decimal (`170.|98`): Tesseract
    often cuts an amount at a faint point, RapidOCR reads it whole, and the cut would leave two
    numbers where there is one amount."""
    return (
        2 <= index < len(text)
        and text[index].isdigit()
        and text[index - 1] in ".,"
        and text[index - 2].isdigit()
    )


def _align(source: str, target: str) -> dict[int, int]:
    """Map character positions of `source` to positions of `target` along an edit script."""
    mapping: dict[int, int] = {}
    for tag, s0, s1, t0, t1 in Levenshtein.opcodes(source.lower(), target.lower()):
        if tag in ("equal", "replace"):
            for offset in range(min(s1 - s0, t1 - t0)):
                mapping[s0 + offset] = t0 + offset
        elif tag == "delete":
            for pos in range(s0, s1):
                mapping[pos] = t0
    return mapping


def detect_rotation(image: Image.Image, *, use_tesseract: bool) -> int:
    """Clockwise rotation of the text on the page: 0, 90, 180 or 270."""
    if use_tesseract:
        angle = _tesseract_rotation(image)
        if angle is not None:
            return angle
    return _rapid_rotation(image)


def _tesseract_rotation(image: Image.Image) -> int | None:
    import pytesseract

    _one_tesseract_thread()
    try:
        osd = pytesseract.image_to_osd(image, output_type=pytesseract.Output.DICT)
    except pytesseract.TesseractError:
        return None
    confidence = float(osd.get("orientation_conf", 0))
    angle = int(osd.get("rotate", 0)) % 360
    if angle and confidence < 1.5:
        return None
    return angle


def _rapid_rotation(image: Image.Image) -> int:
    """Score each orientation of a downscaled copy by recognised characters times confidence.

    Each orientation is pasted on a square white canvas: RapidOCR's detector scales an image's
    shorter side up to 736 px, which makes a thin strip of text many times more expensive.
    """
    small = image.copy()
    small.thumbnail((800, 800))
    side = max(small.size)
    scores: dict[int, float] = {}
    for angle in (0, 90, 180, 270):
        turned = small.rotate(-angle, expand=True) if angle else small
        canvas = Image.new("RGB", (side, side), "white")
        canvas.paste(turned, (0, 0))
        lines = rapid_lines(canvas)
        scores[angle] = sum(
            line.score**4 * sum(ch.isalnum() for ch in line.text)
            for line in lines
            if line.box[2] - line.box[0] >= line.box[3] - line.box[1]
        )
        if angle == 0 and _clearly_upright(lines):
            return 0
    return max(scores, key=lambda a: scores[a])


def _clearly_upright(lines: list[RapidLine]) -> bool:
    wide = [line for line in lines if line.box[2] - line.box[0] > 2 * (line.box[3] - line.box[1])]
    if len(wide) < 5:
        return False
    return sum(line.score for line in wide) / len(wide) > 0.93
