"""Should a PDF page's own text layer be trusted, or the page be read by OCR?

Called by `words.py` for every PDF page. Words come back in the page's displayed orientation
(after its `/Rotate`), each with the direction of its line, so vertical text keeps its reading
order. UTF-8 text that a producer wrote as Latin-1 or Windows-1252 (`MÃ¤rz`, `â‚¬`) is decoded
back when it round-trips exactly. Cheap checks on the words come first: too little text, glyphs
without a mapping (U+FFFD, private use, control characters: a CID font without ToUnicode
yields its glyph ids, `(cid:12)` placeholders), mojibake that cannot be decoded, text that is
mostly unreadable symbols, or a majority of implausible tokens make the layer unusable outright.
A layer that passes them but is suspect is checked against the page image:

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
import math
import re
import unicodedata

import pymupdf
from PIL import Image
from rapidfuzz.distance import Levenshtein

from extraction.engine.layout import Phrase, group_lines
from extraction.engine.ocr import is_blank, read_crops
from extraction.engine.types import BBox, Word

MIN_TEXT_CHARS = 25
"""A page with fewer alphanumeric characters in its text layer is sent to OCR."""
MAX_BAD_GLYPH_SHARE = 0.05
"""Share of unmapped glyphs (replacement, private-use, control or unassigned characters, `(cid:N)`
placeholders, undecodable mojibake) above which the layer is unusable."""
MAX_SYMBOL_SHARE = 0.25
"""Share of non-space characters that are uncommon symbols (in tokens of two or more different
characters) above which the layer is unusable: fonts whose codes map to the wrong characters."""
SUSPECT_TOKEN_SHARE = 0.15
"""Share of characters in implausible tokens above which the layer is checked against the image
(born-digital invoices of the evaluation corpora stay below 0.08: ids like `OUDJQ_office`)."""
GARBAGE_TOKEN_SHARE = 0.4
"""Share above which the layer is unusable without looking at the image."""
MAX_CURVED_SHAPES = 24
"""Glyph-sized curved shapes a short-layer page may draw (a logo, icons, rounded boxes) and still
be read from its layer; text converted to outlines draws one shape per glyph, hundreds a page."""
MAX_GLYPH_POINTS = 40.0
"""Tallest shape, in points, counted as possibly a glyph."""
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
    """The layer's words in displayed-page space (PDF points after `/Rotate`), with directions.

    Line directions come from the structured extraction only when some line does not look like
    ordinary left-to-right text, so born-digital pages pay for one word extraction.
    """
    textpage = page.get_textpage(flags=pymupdf.TEXTFLAGS_WORDS)
    raw = page.get_text("words", sort=True, textpage=textpage)
    directions = _line_directions(textpage) if _has_unusual_lines(raw) else {}
    rotation = page.rotation
    matrix = page.rotation_matrix
    words: list[Word] = []
    for x0, y0, x1, y1, text, block, line, _ in raw:
        cleaned = repair_mojibake(text).replace("\u00a0", " ").strip()
        if not cleaned or x1 <= x0 or y1 <= y0:
            continue
        box = pymupdf.Rect(x0, y0, x1, y1) * matrix if rotation else (x0, y0, x1, y1)
        direction = (directions.get((block, line), 0) + rotation) % 360
        words.append(Word(cleaned, tuple(box), 100.0, direction))
    return words


def _has_unusual_lines(raw: list[tuple]) -> bool:
    """Any line whose words do not run left to right, or a lone long word taller than wide."""
    lines: dict[tuple[int, int], list[tuple]] = {}
    for item in raw:
        lines.setdefault((item[5], item[6]), []).append(item)
    for items in lines.values():
        if len(items) == 1:
            x0, y0, x1, y1, text = items[0][:5]
            if len(text) >= 3 and y1 - y0 > 1.3 * (x1 - x0):
                return True
            continue
        first, last = min(items, key=lambda w: w[7]), max(items, key=lambda w: w[7])
        if last[0] <= first[0] or abs((last[1] + last[3]) - (first[1] + first[3])) > (
            first[3] - first[1]
        ):
            return True
    return False


def _line_directions(textpage: pymupdf.TextPage) -> dict[tuple[int, int], int]:
    """Clockwise quarter turns of each (block, line) of the unrotated page; y points down."""
    directions: dict[tuple[int, int], int] = {}
    for block in textpage.extractDICT()["blocks"]:
        for index, line in enumerate(block.get("lines", ())):
            cos, sin = line["dir"]
            angle = round(math.degrees(math.atan2(sin, cos)) / 90) * 90 % 360
            directions[(block["number"], index)] = angle
    return directions


_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a"
    "\u20ac\u2122]"
)
"""A UTF-8 lead byte followed by a continuation byte, both read as Windows-1252 or Latin-1."""


def repair_mojibake(text: str) -> str:
    """UTF-8 that was decoded as Windows-1252/Latin-1, decoded back; other text unchanged.

    Only a token whose every character maps back to one byte and whose bytes are valid UTF-8
    is changed, so ordinary accented text (`été`, `Größe`, `NÃO`) never is.
    """
    if not _MOJIBAKE.search(text):
        return text
    raw = bytearray()
    for char in text:
        try:
            raw += char.encode("cp1252")
        except UnicodeEncodeError:
            if ord(char) > 0xFF:
                return text
            raw.append(ord(char))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return text


def text_layer_is_usable(words: list[Word]) -> bool:
    """Enough readable characters, few replacement or private-use glyphs, not mostly garbage."""
    return _readable(words) and implausible_share(words) < GARBAGE_TOKEN_SHARE


def assess_text_layer(page: pymupdf.Page, words: list[Word]) -> Verdict:
    """The cheap verdict; VERIFY asks the caller to run `image_agreement` on the rendered page.

    A short layer (a cover page, a page number, a blank page) is usable as it is when nothing
    else on the page can hold text it lacks (`draws_only_its_layer`): OCR would read the same
    words at a cost of seconds."""
    if not _readable(words):
        if _clean(words) and draws_only_its_layer(page, words):
            return Verdict.USABLE
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
    return _clean(words)


def _clean(words: list[Word]) -> bool:
    """No unmapped glyphs, and not mostly unreadable symbols (however little text there is)."""
    text = "".join(word.text for word in words)
    if bad_glyph_count(text) > MAX_BAD_GLYPH_SHARE * len(text):
        return False
    if symbol_share(words) > MAX_SYMBOL_SHARE:
        return False
    return implausible_share(words) < GARBAGE_TOKEN_SHARE


def draws_only_its_layer(page: pymupdf.Page, words: list[Word]) -> bool:
    """Nothing on the page can show text that its layer lacks.

    Read from the page's drawing log, without rendering: no image (a scan, a photo, a logo with
    a word mark), no invisible text (an OCR layer over something), no more glyph-sized curved
    shapes than `MAX_CURVED_SHAPES` (text converted to outlines draws one per glyph), and text
    drawn only where the layer has words (a font whose glyphs extract as nothing)."""
    log = page.get_bboxlog()
    if any("image" in kind or kind == "ignore-text" for kind, _ in log):
        return False
    drawn_text = sum(1 for kind, _ in log if kind.endswith("-text"))
    if drawn_text and not words:
        return False
    if not any(kind.endswith("-path") for kind, _ in log):
        return True
    curved = 0
    for path in page.get_drawings():
        rect = path["rect"]
        if rect.height <= MAX_GLYPH_POINTS and any(item[0] == "c" for item in path["items"]):
            curved += 1
            if curved > MAX_CURVED_SHAPES:
                return False
    return True


_CID = re.compile(r"\(cid:\d+\)")
_UNMAPPED_CATEGORIES = frozenset({"Cc", "Co", "Cn", "Cs"})


def bad_glyph_count(text: str) -> int:
    """Characters that stand for glyphs without a real mapping.

    U+FFFD, private use, unassigned and control characters (MuPDF gives a CID font without
    ToUnicode its glyph ids, which land in the control range), every character of a `(cid:N)`
    placeholder, and both characters of each mojibake pair that did not decode.
    """
    count = sum(len(match) for match in _CID.findall(text))
    count += 2 * len(_MOJIBAKE.findall(text))
    for char in _CID.sub("", text):
        if char == "\ufffd" or (
            char not in "\t\n\r" and unicodedata.category(char) in _UNMAPPED_CATEGORIES
        ):
            count += 1
    return count


_COMMON_MARKS = set(".,:;-–—/\\()[]'\"‘’“”%&+*#@!?_=<>|°§$€£¥₹¢")


def symbol_share(words: list[Word]) -> float:
    """Share of non-space characters that are uncommon symbols or punctuation.

    Runs of one repeated character (rules, dotted leaders) do not count: only tokens mixing at
    least two different characters, the way a wrongly mapped font writes words.
    """
    total = odd = 0
    for word in words:
        total += len(word.text)
        if len(set(word.text)) < 2:
            continue
        odd += sum(
            1
            for ch in word.text
            if not ch.isalnum() and ch not in _COMMON_MARKS and unicodedata.category(ch)[0] in "PS"
        )
    return odd / total if total else 0.0


_EDGE = "\"'`.,:;!?*#()[]{}<>-–—/\\|_·•"
_NUMBER = re.compile(r"[+-]?[$€£¥₹]?\d[\d.,/:'’%-]*[$€£¥₹%]?")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_CODE = re.compile(r"[A-Z0-9]+(?:[-/._][A-Za-z0-9]+)*|[^\W\d_]+[_-]?\d+|\d+(?:[^\W\d_]|°){1,3}")
"""A code: capitals and digits with separators, letters then digits (`INV_7`, `АБ123`), or a
number with a unit of up to three letters in any script (`3kg`, `10шт`, `5個`)."""
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"(?:https?://)?(?:[\w-]+\.)+[a-z]{2,}(?:/\S*)?", re.IGNORECASE)


_UNSPACED_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
"""Han and kana: scripts written without spaces, whose words run on into digits and their
own punctuation (`発行日：2021年1月21日`, `电子发票（普通发票）`); a token holding them has no
Latin shape to check."""


def token_is_plausible(text: str) -> bool | None:
    """Does a token have the shape of a word, number, code, e-mail or address? None: too short.

    Shape only, in any alphabet: a word is lower case, upper case or capitalised (one inner
    capital is allowed, `McKenzie`); a code is upper case and digits with separators; OCR garbage
    mixes cases, digits and symbols inside one token. A token in a script written without
    spaces (`_UNSPACED_SCRIPT`) is plausible.
    """
    core = text.strip(_EDGE)
    if len(core) < 2:
        return None
    if _UNSPACED_SCRIPT.search(core):
        return True
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
        if len(_compact(phrase.text)) >= 3 and _is_horizontal(phrase) and _ocr_reads(phrase.text)
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


_SCRIPTS_OCR_CANNOT_READ = frozenset({"CYRILLIC", "ARABIC", "HEBREW", "HANGUL"})
"""Scripts neither OCR engine reads (Tesseract's languages here are Latin; RapidOCR's
recogniser reads Latin, Greek, Chinese and Japanese). A phrase in one of them says nothing
about its layer when OCR reads it: it is left out of the sample. (Thai is read as before.)"""


def _ocr_reads(text: str) -> bool:
    return not any(
        unicodedata.name(ch, "").partition(" ")[0] in _SCRIPTS_OCR_CANNOT_READ
        for ch in text
        if ch.isalpha() and not ch.isascii()
    )


def _compact(text: str) -> str:
    """Letters, digits and currency signs, casefolded: spacing and punctuation do not count."""
    return re.sub(r"[^\w$€£¥₹¢]|_", "", text).casefold()


def _is_horizontal(phrase: Phrase) -> bool:
    box = phrase.bbox
    return phrase.tokens[0].direction == 0 and box[2] - box[0] >= box[3] - box[1]


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
