"""Reading structure over positioned words: lines and phrases.

Called by label anchoring, tables, splitting and classification, for words from the text layer
and from OCR alike. A line is a run of words sharing a baseline band; a phrase is a run of words
on a line separated by ordinary spaces (a wide gap starts a new phrase). Pure geometry: no parsing.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from statistics import median

from extraction.engine.types import BBox, PageResult, Word


@dataclass(frozen=True)
class Token:
    text: str
    bbox: BBox
    confidence: float
    page: int


@dataclass(frozen=True)
class Phrase:
    tokens: tuple[Token, ...]
    page: int
    line: int
    """Index of the line in the document's line list."""

    @property
    def text(self) -> str:
        return " ".join(token.text for token in self.tokens)

    @property
    def bbox(self) -> BBox:
        return union([token.bbox for token in self.tokens])

    @property
    def confidence(self) -> float:
        return min(token.confidence for token in self.tokens)


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


def group_lines(words: tuple[Word, ...] | list[Word], page: int, start_index: int) -> list[Line]:
    """Cluster words into lines by vertical overlap, then split each line into phrases."""
    ordered = sorted(words, key=lambda w: ((w.bbox[1] + w.bbox[3]) / 2, w.bbox[0]))
    rows: list[list[Word]] = []
    row_boxes: list[BBox] = []
    for word in ordered:
        placed = False
        for index in range(len(rows) - 1, max(-1, len(rows) - 4), -1):
            if _vertical_overlap(row_boxes[index], word.bbox) >= 0.5 and not _collides(
                rows[index], word
            ):
                rows[index].append(word)
                row_boxes[index] = union([row_boxes[index], word.bbox])
                placed = True
                break
        if not placed:
            rows.append([word])
            row_boxes.append(word.bbox)
    order = sorted(range(len(rows)), key=lambda i: (row_boxes[i][1] + row_boxes[i][3]) / 2)
    lines: list[Line] = []
    for position, row_index in enumerate(order):
        row = sorted(rows[row_index], key=lambda w: w.bbox[0])
        tokens = tuple(Token(w.text, w.bbox, w.confidence, page) for w in row)
        index = start_index + position
        lines.append(Line(tokens, page, index, split_phrases(tokens, page, index)))
    return lines


def _collides(row: list[Word], word: Word) -> bool:
    """True when the word overlaps a word already in the row horizontally (another line)."""
    for other in row:
        overlap = min(other.bbox[2], word.bbox[2]) - max(other.bbox[0], word.bbox[0])
        if overlap > 0.5 * min(other.bbox[2] - other.bbox[0], word.bbox[2] - word.bbox[0]):
            return True
    return False


def split_phrases(tokens: tuple[Token, ...], page: int, line: int) -> tuple[Phrase, ...]:
    if not tokens:
        return ()
    height = median([t.bbox[3] - t.bbox[1] for t in tokens])
    gap_limit = max(0.8 * height, 3.0)
    phrases: list[Phrase] = []
    current: list[Token] = [tokens[0]]
    for previous, token in pairwise(tokens):
        if token.bbox[0] - previous.bbox[2] > gap_limit:
            phrases.append(Phrase(tuple(current), page, line))
            current = []
        current.append(token)
    phrases.append(Phrase(tuple(current), page, line))
    return tuple(phrases)


def document_lines(pages: tuple[PageResult, ...] | list[PageResult]) -> list[Line]:
    """Lines of all pages in reading order, indexed across the whole document."""
    lines: list[Line] = []
    for page in pages:
        lines.extend(group_lines(page.words, page.number, len(lines)))
    return lines


def page_text(lines: list[Line]) -> str:
    return "\n".join(line.text for line in lines)
