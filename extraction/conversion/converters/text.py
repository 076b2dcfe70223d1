"""The `text` engine: a PDF as Markdown (headings, lists, tables) or as plain text.

Lines come from PyMuPDF's structured text on text-layer pages (font size and weight kept) and
from the engine's words on OCR'd pages (grouped into lines by `extraction/engine/layout.py`).
Tables are the ones the `tables` engine finds (extraction's table extractor); their lines are
left out of the running text and the table is written where it stands on the page, as a
Markdown table (TXT: cells separated by tabs). Headings: lines set clearly larger than the
body text, ranked by size (`#` to `###`); a short line that is bold throughout is a `####`
heading. Lists: lines opening with a bullet or a number. Lines of one block are joined into
a paragraph (a word hyphenated across lines is rejoined). Pages are separated by `---` in
Markdown and by a form feed in TXT.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

import pymupdf

from extraction.conversion.converters.pages import ReadPage
from extraction.conversion.converters.sheets import Rows, _inside, _is_table, tidy, unruled_areas
from extraction.engine.layout import group_lines
from extraction.engine.tables import region_table, table_grids
from extraction.engine.types import BBox, Word

HEADING_RATIO = 1.2
"""A line at least this much larger than the body text is a heading."""
MAX_HEADING_CHARS = 120
BULLETS = "•●○◦▪■□►▸‣⁃-–—*·"
_BULLET = re.compile(r"^\s*[" + re.escape(BULLETS) + r"]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*(\(?\d{1,3}[.)]|\(?[a-z][.)])\s+(.*)$")
BOLD_FLAG = 16
SIZE_CHANGE = 0.25
"""Lines whose sizes differ by more than this share belong to different blocks."""
BLOCK_GAP = 0.8
"""A vertical gap above this many line heights starts a new paragraph."""


@dataclass(frozen=True)
class TextLine:
    text: str
    size: float
    bold: bool
    bbox: BBox
    block: int


@dataclass(frozen=True)
class TableItem:
    rows: Rows
    top: float


Item = TextLine | TableItem


def page_items(document: pymupdf.Document, page: ReadPage) -> list[Item]:
    """The page's lines outside tables, and its tables, in reading order."""
    words = list(page.result.words)
    areas: list[tuple[BBox, Rows]] = []
    upright_layer = not page.ocr and page.result.rotation == 0
    if upright_layer:
        pdf_page = document[page.index]
        grids = table_grids(pdf_page, words)
        areas += [(grid.bbox, region_table(pdf_page, words, grid.bbox)) for grid in grids]
        rest = [w for w in words if not any(_inside(w.bbox, g.bbox) for g in grids)]
    else:
        rest = words
    areas += unruled_areas(rest)
    tables = [(area, tidy(rows)) for area, rows in areas]
    tables = [(area, rows) for area, rows in tables if _is_table(rows)]
    lines = _paragraphs(_layer_lines(document[page.index]) if upright_layer else _word_lines(words))
    kept: list[Item] = [
        line for line in lines if not any(_inside(line.bbox, area) for area, _ in tables)
    ]
    items = kept + [TableItem(rows, area[1]) for area, rows in tables]
    return _ordered(items)


def _ordered(items: list[Item]) -> list[Item]:
    """Tables go before the first line below their top; lines keep their reading order."""
    lines = [item for item in items if isinstance(item, TextLine)]
    tables = sorted((item for item in items if isinstance(item, TableItem)), key=lambda t: t.top)
    out: list[Item] = []
    for line in lines:
        while tables and tables[0].top <= line.bbox[1]:
            out.append(tables.pop(0))
        out.append(line)
    return out + tables


def _layer_lines(pdf_page: pymupdf.Page) -> list[TextLine]:
    lines: list[TextLine] = []
    data = pdf_page.get_text("dict", flags=pymupdf.TEXTFLAGS_TEXT)
    for block in data["blocks"]:
        for line in block.get("lines", []):
            if line["dir"][0] < 0.9:  # vertical or upside-down text: not running text
                continue
            spans = [s for s in line["spans"] if s["text"].strip()]
            if not spans:
                continue
            text = " ".join(" ".join(s["text"].split()) for s in spans)
            chars = Counter[float]()
            for span in spans:
                chars[round(span["size"], 1)] += len(span["text"].strip())
            size = chars.most_common(1)[0][0]
            bold = all(s["flags"] & BOLD_FLAG or "bold" in s["font"].lower() for s in spans)
            lines.append(TextLine(text, size, bold, tuple(line["bbox"]), 0))
    return lines


def _word_lines(words: list[Word]) -> list[TextLine]:
    lines: list[TextLine] = []
    for line in group_lines(words, 1, 0):
        heights = sorted(token.bbox[3] - token.bbox[1] for token in line.tokens)
        size = float(round(heights[len(heights) // 2] * 0.8))
        lines.append(TextLine(line.text, size, False, line.bbox, 0))
    return lines


def _paragraphs(lines: list[TextLine]) -> list[TextLine]:
    """Lines on one baseline joined (a bullet and its text), then numbered into blocks: a new
    block where the gap above a line is wide, the size changes or the line is not below the
    previous one (another column)."""
    joined: list[TextLine] = []
    for line in lines:
        last = joined[-1] if joined else None
        if (
            last is not None
            and _same_baseline(last.bbox, line.bbox)
            and line.bbox[0] >= last.bbox[2] - 1
        ):
            box = (
                last.bbox[0],
                min(last.bbox[1], line.bbox[1]),
                line.bbox[2],
                max(last.bbox[3], line.bbox[3]),
            )
            joined[-1] = TextLine(
                f"{last.text} {line.text}", last.size, last.bold and line.bold, box, last.block
            )
        else:
            joined.append(line)
    out: list[TextLine] = []
    block = 0
    for line in joined:
        if out:
            last = out[-1]
            height = max(last.bbox[3] - last.bbox[1], 1.0)
            gap = line.bbox[1] - last.bbox[3]
            overlaps = line.bbox[0] < last.bbox[2] and line.bbox[2] > last.bbox[0]
            if (
                gap > BLOCK_GAP * height
                or gap < -height
                or not overlaps
                or abs(line.size - last.size) > SIZE_CHANGE * last.size
            ):
                block += 1
        out.append(TextLine(line.text, line.size, line.bold, line.bbox, block))
    return out


def _same_baseline(a: BBox, b: BBox) -> bool:
    overlap = min(a[3], b[3]) - max(a[1], b[1])
    return overlap >= 0.6 * max(1e-6, min(a[3] - a[1], b[3] - b[1]))


def body_size(pages: list[list[Item]]) -> float:
    sizes = Counter[float]()
    for items in pages:
        for item in items:
            if isinstance(item, TextLine):
                sizes[item.size] += len(item.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def to_markdown(pages: list[list[Item]]) -> bytes:
    body = body_size(pages)
    heading_sizes = sorted(
        {
            item.size
            for items in pages
            for item in items
            if isinstance(item, TextLine)
            and body
            and item.size >= body * HEADING_RATIO
            and len(item.text) <= MAX_HEADING_CHARS
        },
        reverse=True,
    )
    level = {size: min(rank + 1, 3) for rank, size in enumerate(heading_sizes)}
    parts = []
    for items in pages:
        blocks = _markdown_blocks(items, level)
        text = blocks[0] if blocks else ""
        for previous, block in itertools.pairwise(blocks):
            tight = _LIST_ITEM.match(previous) and _LIST_ITEM.match(block)
            text += ("\n" if tight else "\n\n") + block
        parts.append(text)
    return ("\n\n---\n\n".join(part for part in parts) + "\n").encode("utf-8")


def _markdown_blocks(items: list[Item], level: dict[float, int]) -> list[str]:
    blocks: list[str] = []
    paragraph: list[str] = []
    current_block: int | None = None
    heading_open = False

    def flush() -> None:
        if paragraph:
            blocks.append(_join(paragraph))
            paragraph.clear()

    for item in items:
        if isinstance(item, TableItem):
            flush()
            current_block, heading_open = None, False
            blocks.append(markdown_table(item.rows))
            continue
        if item.size in level and (item.block != current_block or heading_open):
            if heading_open and item.block == current_block:
                blocks[-1] += " " + _escape_md(item.text)  # a heading set on two lines
                continue
            flush()
            blocks.append("#" * level[item.size] + " " + _escape_md(item.text))
            current_block, heading_open = item.block, True
            continue
        heading_open = False
        bullet = _BULLET.match(item.text)
        numbered = _NUMBERED.match(item.text)
        if bullet or numbered:
            flush()
            if bullet:
                paragraph.append("- " + _escape_md(bullet.group(1)))
            else:
                assert numbered is not None
                marker = numbered.group(1).strip("()").rstrip(".)")
                prefix = f"{marker}. " if marker.isdigit() else f"- {marker}) "
                paragraph.append(prefix + _escape_md(numbered.group(2)))
            current_block = item.block
            continue
        if item.bold and len(item.text) <= 80 and item.block != current_block:
            flush()
            blocks.append("#### " + _escape_md(item.text))
            current_block = None
            continue
        if item.block != current_block:
            flush()
            current_block = item.block
        paragraph.append(_escape_md(item.text))
    flush()
    return blocks


def _join(lines: list[str]) -> str:
    text = lines[0]
    for line in lines[1:]:
        if text.endswith("-") and line[:1].islower():
            text = text[:-1] + line
        else:
            text += " " + line
    return text


_LIST_ITEM = re.compile(r"^(- |\d+\. )")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def _escape_md(text: str) -> str:
    escaped = _MD_SPECIAL.sub(r"\\\1", text)
    return re.sub(r"^(#+|\d+\.|[-+])(\s)", r"\\\1\2", escaped)


def markdown_table(rows: Rows) -> str:
    width = max(len(row) for row in rows)
    cells = [[_escape_md(cell.replace("\n", " ")) for cell in row] for row in rows]
    cells = [row + [""] * (width - len(row)) for row in cells]
    lines = ["| " + " | ".join(cells[0]) + " |", "|" + "---|" * width]
    lines += ["| " + " | ".join(row) + " |" for row in cells[1:]]
    return "\n".join(lines)


def to_text(pages: list[list[Item]]) -> bytes:
    parts = []
    for items in pages:
        paragraphs: list[str] = []
        lines: list[str] = []
        current_block: int | None = None
        for item in items:
            if isinstance(item, TableItem):
                paragraphs += ["\n".join(lines)] if lines else []
                lines = []
                current_block = None
                paragraphs.append("\n".join("\t".join(row) for row in item.rows))
                continue
            if item.block != current_block and lines:
                paragraphs.append("\n".join(lines))
                lines = []
            current_block = item.block
            lines.append(item.text)
        paragraphs += ["\n".join(lines)] if lines else []
        parts.append("\n\n".join(paragraphs))
    return ("\n\f".join(parts) + "\n").encode("utf-8")
