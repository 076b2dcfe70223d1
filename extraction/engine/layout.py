"""Reading structure over positioned words: lines and phrases.

Called by label anchoring, tables, splitting and classification, for words from the text layer
and from OCR alike. A line is a run of words sharing a baseline band; a phrase is a run of words
on a line separated by ordinary spaces (a wide gap starts a new phrase). Pure geometry: no parsing.

Words keep their boxes in page space; a word on a vertical or upside-down line (`Word.direction`)
is grouped with the words of its own direction, measured in the frame where that text reads left
to right, so a vertical margin note never joins the horizontal lines it crosses. Those lines
follow the page's horizontal ones. `turn_box` maps boxes into a page turned by quarter turns.

A scanned or photographed page is often turned by a degree or two, enough to put a label at the
left and its amount at the far right at the heights of different lines. `estimate_skew` measures
that residual angle from the OCR'd words themselves, and the page's horizontal words are grouped
with their centres turned level; every token keeps its box on the original image, where the
review page draws it. Text-layer pages are level by construction and skip the estimate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from math import cos, radians, sin
from statistics import median

import numpy as np

from extraction.engine.types import BBox, PageResult, Word

SKEW_LIMIT = 5.0
"""Largest residual skew searched for, in degrees either way; beyond it a page is not a slightly
turned scan, and OCR would have read it badly anyway."""
SKEW_STEP = 0.1
"""Resolution of the search: across 1000 px it leaves under 2 px between a line's two ends."""
MIN_SKEW = 0.3
"""Smaller estimates count as level: across a wide page they move words by a fraction of a line."""
MIN_SKEW_WORDS = 8
"""Fewer horizontal words than this cannot tell a page's angle from chance alignments."""
SKEW_GAIN = 1.05
"""The profile of word centres must be this much sharper at the estimate than level."""


@dataclass(frozen=True)
class Token:
    text: str
    bbox: BBox
    confidence: float
    page: int
    direction: int = 0


@dataclass(frozen=True)
class Phrase:
    tokens: tuple[Token, ...]
    page: int
    line: int
    """Index of the line in the document's line list."""

    @property
    def text(self) -> str:
        """The words in reading order: left to right, or right to left when every letter is
        Hebrew or Arabic (`יעל פרידמן`, whose words stand right to left on the page)."""
        tokens = self.tokens[::-1] if _right_to_left(self.tokens) else self.tokens
        return " ".join(token.text for token in tokens)

    @property
    def bbox(self) -> BBox:
        return union([token.bbox for token in self.tokens])

    @property
    def confidence(self) -> float:
        return min(token.confidence for token in self.tokens)


def _plain_colon(text: str) -> str:
    """A full-width colon (`発行日：`, `名称：`) read as the colon it is, so a Chinese or Japanese
    label ends where a Latin one does."""
    return text.replace("：", ":")


_RIGHT_TO_LEFT = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff"
_RIGHT_TO_LEFT_LETTER = re.compile(f"[{_RIGHT_TO_LEFT}]")
_OTHER_LETTER = re.compile(f"[^\\W\\d_{_RIGHT_TO_LEFT}]")


def _right_to_left(tokens: tuple[Token, ...]) -> bool:
    """Every letter is of a right-to-left script (Hebrew, Arabic; their presentation forms)."""
    if len(tokens) < 2:
        return False
    joined = "".join(token.text for token in tokens)
    return bool(_RIGHT_TO_LEFT_LETTER.search(joined)) and not _OTHER_LETTER.search(joined)


@dataclass(frozen=True)
class Line:
    tokens: tuple[Token, ...]
    page: int
    index: int
    phrases: tuple[Phrase, ...]

    @property
    def text(self) -> str:
        return " ".join(token.text for token in self.tokens)

    @property
    def bbox(self) -> BBox:
        return union([token.bbox for token in self.tokens])


def union(boxes: list[BBox]) -> BBox:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def _vertical_overlap(a: BBox, b: BBox) -> float:
    """Overlap of two boxes' vertical extents, relative to the smaller height."""
    top, bottom = max(a[1], b[1]), min(a[3], b[3])
    smaller = max(min(a[3] - a[1], b[3] - b[1]), 1e-6)
    return max(0.0, bottom - top) / smaller


def group_lines(
    words: tuple[Word, ...] | list[Word], page: int, start_index: int, *, skew: float = 0.0
) -> list[Line]:
    """Cluster words into lines by vertical overlap, then split each line into phrases.

    Horizontal words come first, top to bottom; each other direction follows, its lines ordered
    the way that text is read (upward text: left to right). `skew` (degrees, `estimate_skew`'s
    convention) is the angle of the horizontal words' lines; they are grouped as if turned level.
    """
    by_direction: dict[int, list[Word]] = {}
    for word in words:
        by_direction.setdefault(word.direction % 360, []).append(word)
    lines: list[Line] = []
    for direction in sorted(by_direction):
        lines.extend(
            _lines_of(
                by_direction[direction],
                direction,
                page,
                start_index + len(lines),
                skew if direction == 0 else 0.0,
            )
        )
    return lines


def estimate_skew(words: tuple[Word, ...] | list[Word]) -> float:
    """Angle, in degrees, by which the page's horizontal lines descend to the right (negative:
    they climb); 0.0 when the page is level or the words cannot tell.

    A projection profile of word centres: at the right angle, the centres of words on one line
    fall into one narrow band, so the sum of squared band counts peaks. Every angle within
    SKEW_LIMIT is scored at once (soft bins a quarter of the median word height wide); the peak
    must beat the level profile by SKEW_GAIN and lie beyond MIN_SKEW, so a level page, or one
    whose few words line up by chance at some angle, stays exactly as it was.
    """
    boxes = np.array([word.bbox for word in words if word.direction % 360 == 0], dtype=float)
    if len(boxes) < MIN_SKEW_WORDS:
        return 0.0
    heights = boxes[:, 3] - boxes[:, 1]
    band = max(float(np.median(heights)) / 4, 1.0)
    cx = (boxes[:, 0] + boxes[:, 2]) / 2
    cy = (boxes[:, 1] + boxes[:, 3]) / 2
    cx, cy = cx - cx.mean(), cy - cy.mean()
    steps = round(SKEW_LIMIT / SKEW_STEP)
    angles = np.radians(np.arange(-steps, steps + 1) * SKEW_STEP)
    levelled = np.outer(np.cos(angles), cy) - np.outer(np.sin(angles), cx)
    position = (levelled - levelled.min()) / band
    low = np.floor(position).astype(np.int64)
    upper = position - low
    bins = int(low.max()) + 2
    offsets = (np.arange(len(angles)) * bins)[:, None]
    profile = np.bincount((low + offsets).ravel(), (1 - upper).ravel(), len(angles) * bins)
    profile += np.bincount((low + 1 + offsets).ravel(), upper.ravel(), len(angles) * bins)
    scores = (profile.reshape(len(angles), bins) ** 2).sum(axis=1)
    best = int(np.argmax(scores))
    angle = (best - steps) * SKEW_STEP
    if abs(angle) < MIN_SKEW or scores[best] < SKEW_GAIN * scores[steps]:
        return 0.0
    return round(angle, 2)


def _lines_of(
    words: list[Word], direction: int, page: int, start_index: int, skew: float = 0.0
) -> list[Line]:
    upright = [upright_box(word.bbox, direction) for word in words]
    if skew:
        upright = [_levelled(box, skew) for box in upright]
    order = sorted(
        range(len(words)), key=lambda i: ((upright[i][1] + upright[i][3]) / 2, upright[i][0])
    )
    rows: list[list[int]] = []
    row_boxes: list[BBox] = []
    for i in order:
        placed = False
        for index in range(len(rows) - 1, max(-1, len(rows) - 4), -1):
            if _vertical_overlap(row_boxes[index], upright[i]) >= 0.5 and not _collides(
                [upright[j] for j in rows[index]], upright[i]
            ):
                rows[index].append(i)
                row_boxes[index] = union([row_boxes[index], upright[i]])
                placed = True
                break
        if not placed:
            rows.append([i])
            row_boxes.append(upright[i])
    row_order = sorted(range(len(rows)), key=lambda r: (row_boxes[r][1] + row_boxes[r][3]) / 2)
    lines: list[Line] = []
    for position, row_index in enumerate(row_order):
        row = sorted(rows[row_index], key=lambda i: upright[i][0])
        tokens = tuple(
            Token(_plain_colon(words[i].text), words[i].bbox, words[i].confidence, page, direction)
            for i in row
        )
        index = start_index + position
        lines.append(Line(tokens, page, index, split_phrases(tokens, page, index)))
    return lines


def _levelled(box: BBox, skew: float) -> BBox:
    """The box, of the same size, moved to where its centre lands once the page is turned level
    (about the origin: grouping only compares positions, so the pivot does not matter)."""
    angle = radians(skew)
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    x = cx * cos(angle) + cy * sin(angle)
    y = cy * cos(angle) - cx * sin(angle)
    half_w, half_h = (box[2] - box[0]) / 2, (box[3] - box[1]) / 2
    return (x - half_w, y - half_h, x + half_w, y + half_h)


def upright_box(box: BBox, direction: int) -> BBox:
    """The box in a frame where text of `direction` reads left to right (origin irrelevant)."""
    x0, y0, x1, y1 = box
    if direction == 90:
        return (y0, -x1, y1, -x0)
    if direction == 180:
        return (-x1, -y1, -x0, -y0)
    if direction == 270:
        return (-y1, x0, -y0, x1)
    return box


def turn_box(box: BBox, rotation: int, width: float, height: float) -> BBox:
    """The box on a `width` x `height` page after turning the page clockwise by `rotation`
    degrees (the way PIL's `rotate(-rotation, expand=True)` turns its image)."""
    x0, y0, x1, y1 = box
    if rotation == 90:
        return (height - y1, x0, height - y0, x1)
    if rotation == 180:
        return (width - x1, height - y1, width - x0, height - y0)
    if rotation == 270:
        return (y0, width - x1, y1, width - x0)
    return box


def _collides(row: list[BBox], box: BBox) -> bool:
    """True when the box overlaps a box already in the row horizontally (another line)."""
    for other in row:
        overlap = min(other[2], box[2]) - max(other[0], box[0])
        if overlap > 0.5 * min(other[2] - other[0], box[2] - box[0]):
            return True
    return False


def split_phrases(tokens: tuple[Token, ...], page: int, line: int) -> tuple[Phrase, ...]:
    """Tokens in reading order, cut where the gap along the line is wider than 0.8 of its height."""
    if not tokens:
        return ()
    boxes = [upright_box(t.bbox, t.direction) for t in tokens]
    height = median([b[3] - b[1] for b in boxes])
    gap_limit = max(0.8 * height, 3.0)
    phrases: list[Phrase] = []
    current: list[Token] = [tokens[0]]
    for (previous, _), (box, token) in pairwise(zip(boxes, tokens, strict=True)):
        if box[0] - previous[2] > gap_limit:
            phrases.append(Phrase(tuple(current), page, line))
            current = []
        current.append(token)
    phrases.append(Phrase(tuple(current), page, line))
    return tuple(phrases)


def document_lines(pages: tuple[PageResult, ...] | list[PageResult]) -> list[Line]:
    """Lines of all pages in reading order, indexed across the whole document.

    OCR'd pages are grouped level at their estimated skew; text-layer pages are level already.
    """
    lines: list[Line] = []
    for page in pages:
        skew = estimate_skew(page.words) if page.source != "text" else 0.0
        lines.extend(group_lines(page.words, page.number, len(lines), skew=skew))
    return lines


def page_text(lines: list[Line]) -> str:
    return "\n".join(line.text for line in lines)
