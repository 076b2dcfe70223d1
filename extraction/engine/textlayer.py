"""Should a PDF page's own text layer be trusted, or the page be read by OCR?

Called by `words.py` for every PDF page. Cheap checks on the words come first: too little text,
unmapped glyphs (U+FFFD, private use) or a majority of implausible tokens make the layer unusable
outright. A layer that passes them but is suspect is checked against the page image:

- suspect means the page is a scan (one image covers it and the text is invisible or under the
  image, the way scanners and OCR tools embed their reading), or more than a few tokens look like
  OCR garbage (`1NCOaron`, `WIW[E6tl,NYN9l`), judged by their shape alone, without a dictionary;
- the check crops a spread-out sample of the layer's phrases from the rendered page and reads each
  crop with the OCR recogniser alone (no detection, so it is cheap): a layer that says what the
  image shows at the place it claims agrees; wrong words, misplaced boxes or text where the page is
  blank disagree. Crops the recogniser cannot read confidently are not counted either way.

Born-digital pages with ordinary text never reach the image check, so their cost stays a text
extraction. This module decides; it never OCRs whole pages (that is `words.py`'s job).
"""

from __future__ import annotations

import enum
import re

import pymupdf
from PIL import Image
from rapidfuzz.distance import Levenshtein

from extraction.engine.layout import group_lines
from extraction.engine.ocr import is_blank, read_crops
from extraction.engine.types import BBox, Word

MIN_TEXT_CHARS = 25
"""A page with fewer alphanumeric characters in its text layer is sent to OCR."""
MAX_BAD_GLYPH_SHARE = 0.05
"""Share of replacement, private-use or control characters above which the layer is unusable."""
SUSPECT_TOKEN_SHARE = 0.15
"""Share of characters in implausible tokens above which the layer is checked against the image
(born-digital invoices of the evaluation corpora stay below 0.08: ids like `OUDJQ_office`)."""
GARBAGE_TOKEN_SHARE = 0.4
"""Share above which the layer is unusable without looking at the image."""
SCAN_IMAGE_COVER = 0.8
"""An image covering this share of the page makes it a scan."""
SAMPLE_PHRASES = 30
MIN_SAMPLE_PHRASES = 4
"""Fewer confidently read crops than this give no verdict; the cheap checks stand."""
MIN_READ_SCORE = 0.8
"""The recogniser's own score below which a crop is not evidence either way."""
MIN_AGREEMENT = 0.9
"""Character agreement between the layer and the image below which the page is OCR'd. Layers
that Tesseract made from the born-digital evaluation invoices rendered at 150-300 dpi agree at
0.95-1.0; poor ones (the worst made at 100 dpi, the scanned DocILE invoice) at 0.53-0.88."""


class Verdict(enum.Enum):
    USABLE = "usable"
    UNUSABLE = "unusable"
    VERIFY = "verify"
    """Passes the cheap checks but must be compared with the page image."""


def text_layer_words(page: pymupdf.Page) -> list[Word]:
    words: list[Word] = []
    for x0, y0, x1, y1, text, *_ in page.get_text("words", sort=True):
        cleaned = text.replace("\u00a0", " ").strip()
        if cleaned and x1 > x0 and y1 > y0:
            words.append(Word(cleaned, (x0, y0, x1, y1), 100.0))
    return words


def text_layer_is_usable(words: list[Word]) -> bool:
    """Enough readable characters, few replacement or private-use glyphs, not mostly garbage."""
    return _readable(words) and implausible_share(words) < GARBAGE_TOKEN_SHARE


def assess_text_layer(page: pymupdf.Page, words: list[Word]) -> Verdict:
    """The cheap verdict; VERIFY asks the caller to run `image_agreement` on the rendered page."""
    if not _readable(words):
        return Verdict.UNUSABLE
    share = implausible_share(words)
    if share >= GARBAGE_TOKEN_SHARE:
        return Verdict.UNUSABLE
    if share > SUSPECT_TOKEN_SHARE or is_scanned(page):
        return Verdict.VERIFY
    return Verdict.USABLE


def _readable(words: list[Word]) -> bool:
    text = "".join(word.text for word in words)
    if sum(ch.isalnum() for ch in text) < MIN_TEXT_CHARS:
        return False
    bad = len(re.findall(r"[\ufffd\ue000-\uf8ff\x00-\x08]", text))
    return bad <= MAX_BAD_GLYPH_SHARE * len(text)


_EDGE = "\"'`.,:;!?*#()[]{}<>-–—/\\|_·•"
_NUMBER = re.compile(r"[+-]?[$€£¥₹]?\d[\d.,/:'’%-]*[$€£¥₹%]?")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_CODE = re.compile(r"[A-Z0-9]+(?:[-/._][A-Za-z0-9]+)*|[A-Za-z]+[_-]?\d+|\d+[A-Za-z°]{1,3}")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"(?:https?://)?(?:[\w-]+\.)+[a-z]{2,}(?:/\S*)?", re.IGNORECASE)


def token_is_plausible(text: str) -> bool | None:
    """Does a token have the shape of a word, number, code, e-mail or address? None: too short.

    Shape only, in any alphabet: a word is lower case, upper case or capitalised (one inner
    capital is allowed, `McKenzie`); a code is upper case and digits with separators; OCR garbage
    mixes cases, digits and symbols inside one token.
    """
    core = text.strip(_EDGE)
    if len(core) < 2:
        return None
    if core.isalpha():
        return core.islower() or core.isupper() or sum(ch.isupper() for ch in core[1:]) <= 1
    if core.isdigit():
        return True
    if _NUMBER.fullmatch(core) or _EMAIL.fullmatch(core) or _URL.fullmatch(core):
        return True
    if _WORD.fullmatch(core):
        letters = re.sub(r"['’-]", "", core)
        inner_capitals = sum(ch.isupper() for ch in letters[1:])
        return letters.islower() or letters.isupper() or inner_capitals <= 1
    if _CODE.fullmatch(core):
        return True
    parts = re.split(r"[,;:/]", core)
    return len(parts) > 1 and all(token_is_plausible(part) is not False for part in parts)


def implausible_share(words: list[Word]) -> float:
    """Share of alphanumeric characters that sit in implausible tokens."""
    total = bad = 0
    for word in words:
        plausible = token_is_plausible(word.text)
        if plausible is None:
            continue
        size = sum(ch.isalnum() for ch in word.text)
        total += size
        bad += 0 if plausible else size
    return bad / total if total else 0.0


def is_scanned(page: pymupdf.Page) -> bool:
    """One image covers the page and most of the text is invisible or drawn beneath it.

    Pages without an image big enough to be a scan (50 dpi over the covered area) are ruled out
    from the resource list alone, before the content is interpreted for the drawing order.
    """
    page_area = abs(page.rect)
    if page_area <= 0:
        return False
    least_pixels = SCAN_IMAGE_COVER * page_area / 72**2 * 50**2
    if not any(image[2] * image[3] >= least_pixels for image in page.get_images()):
        return False
    log = page.get_bboxlog()
    covering = SCAN_IMAGE_COVER * page_area
    cover_index = -1
    for index, (kind, box) in enumerate(log):
        if kind == "fill-image" and abs(pymupdf.Rect(box) & page.rect) >= covering:
            cover_index = index
    if cover_index < 0:
        return False
    hidden = shown = 0.0
    for index, (kind, box) in enumerate(log):
        if "text" not in kind:
            continue
        area = max(abs(pymupdf.Rect(box)), 1.0)
        if kind == "ignore-text" or index < cover_index:
            hidden += area
        else:
            shown += area
    return hidden > shown


def image_agreement(image: Image.Image, words: list[Word], scale: float) -> float | None:
    """How far the layer's text agrees with what the image shows where the layer puts it.

    `scale` maps page units to image pixels. Returns the character agreement (0-1) over a sample
    of phrases, or None when too few crops could be read to tell.
    """
    phrases = [
        phrase
        for line in group_lines(words, 1, 0)
        for phrase in line.phrases
        if len(_compact(phrase.text)) >= 3 and _is_horizontal(phrase.bbox)
    ]
    if not phrases:
        return None
    step = max(1.0, len(phrases) / SAMPLE_PHRASES)
    sample = [phrases[int(i * step)] for i in range(min(SAMPLE_PHRASES, len(phrases)))]
    crops = [_crop(image, phrase.bbox, scale) for phrase in sample]
    inked = [i for i, crop in enumerate(crops) if crop is not None and not is_blank(crop)]
    reads = dict(zip(inked, read_crops([crops[i] for i in inked]), strict=True))
    matched = total = 0
    counted = 0
    for index, phrase in enumerate(sample):
        expected = _compact(phrase.text)
        if index not in reads:
            total += len(expected)
            counted += 1
            continue
        text, read_score = reads[index]
        if read_score < MIN_READ_SCORE:
            continue
        seen = _compact(text)
        size = max(len(expected), len(seen))
        matched += size - Levenshtein.distance(expected, seen)
        total += size
        counted += 1
    if counted < min(MIN_SAMPLE_PHRASES, len(sample)):
        return None
    return matched / total if total else None


def _compact(text: str) -> str:
    """Letters, digits and currency signs, casefolded: spacing and punctuation do not count."""
    return re.sub(r"[^\w$€£¥₹¢]|_", "", text).casefold()


def _is_horizontal(box: BBox) -> bool:
    return box[2] - box[0] >= box[3] - box[1]


def _crop(image: Image.Image, box: BBox, scale: float) -> Image.Image | None:
    """The phrase's box in pixels, padded by a fraction of its height; None outside the image."""
    height = box[3] - box[1]
    left = max(0, int((box[0] - 0.4 * height) * scale))
    top = max(0, int((box[1] - 0.2 * height) * scale))
    right = min(image.width, int((box[2] + 0.4 * height) * scale) + 1)
    bottom = min(image.height, int((box[3] + 0.2 * height) * scale) + 1)
    if right - left < 4 or bottom - top < 4:
        return None
    return image.crop((left, top, right, bottom))
