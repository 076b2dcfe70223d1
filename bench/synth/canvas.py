"""A small drawing surface over PyMuPDF for the synthetic sources: text in the Base-14 fonts at
absolute positions (left, right or centre aligned), lines and boxes, several pages, and a
deterministic PDF at the end.

Operations are recorded first and drawn in `pdf()`, so a source can decide the page height after
laying out (till receipts grow with their items). Text goes through `TextWriter` with the
built-in fonts, which carry €, ł and the other Latin glyphs `insert_text` cannot encode; fonts
are subset and the metadata fixed so the same layout gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Literal

import pymupdf

A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)
RECEIPT_WIDTH = 226.77  # 80 mm

FAMILIES = {
    "helv": ("helv", "hebo"),
    "tiro": ("tiro", "tibo"),
    "cour": ("cour", "cobo"),
    "noto": ("noto", "notobo"),
}
STROKED = "notobo"
"""Noto Serif has no bold in MuPDF: `notobo` is Noto drawn filled and stroked."""
Align = Literal["left", "right", "center"]
Color = tuple[float, float, float]
BLACK: Color = (0, 0, 0)


@cache
def font(name: str) -> pymupdf.Font:
    """A Base-14 font by its name, or MuPDF's built-in Noto Serif (`noto`, `notobo`: Latin
    script with Vietnamese letters, `₱`) and Noto Serif Thai (`thai`: the baht sign)."""
    if name in ("noto", STROKED):
        return pymupdf.Font(script=1)
    if name == "thai":
        return pymupdf.Font(script=19)
    return pymupdf.Font(name)


def text_width(text: str, fontname: str, size: float) -> float:
    return font(fontname).text_length(text, fontsize=size)


@dataclass
class _Page:
    texts: list[tuple[float, float, str, str, float, Color]] = field(default_factory=list)
    lines: list[tuple[float, float, float, float, float, Color]] = field(default_factory=list)
    boxes: list[tuple[float, float, float, float, Color | None, Color | None, float]] = field(
        default_factory=list
    )


class Canvas:
    """Pages of one size; coordinates in points from the top-left, y is the text baseline."""

    def __init__(self, width: float, height: float, *, family: str = "helv") -> None:
        self.width = width
        self.height = height
        self.regular, self.bold = FAMILIES[family]
        self.pages: list[_Page] = [_Page()]

    @property
    def page(self) -> _Page:
        return self.pages[-1]

    def new_page(self) -> None:
        self.pages.append(_Page())

    def text(
        self,
        x: float,
        y: float,
        text: str,
        *,
        size: float = 9,
        bold: bool = False,
        align: Align = "left",
        color: Color = BLACK,
        fontname: str | None = None,
    ) -> float:
        """Place one span; returns its width. `x` is the left, right or centre edge by `align`."""
        name = fontname or (self.bold if bold else self.regular)
        width = text_width(text, name, size)
        if align == "right":
            x -= width
        elif align == "center":
            x -= width / 2
        self.page.texts.append((x, y, text, name, size, color))
        return width

    def width_of(self, text: str, *, size: float = 9, bold: bool = False) -> float:
        return text_width(text, self.bold if bold else self.regular, size)

    def line(
        self,
        x0: float,
        y0: float,
        x1: float,
        y1: float,
        *,
        width: float = 0.5,
        color: Color = BLACK,
    ) -> None:
        self.page.lines.append((x0, y0, x1, y1, width, color))

    def box(
        self,
        x0: float,
        y0: float,
        x1: float,
        y1: float,
        *,
        stroke: Color | None = BLACK,
        fill: Color | None = None,
        width: float = 0.5,
    ) -> None:
        self.page.boxes.append((x0, y0, x1, y1, stroke, fill, width))

    def pdf(self, *, title: str) -> bytes:
        document = pymupdf.open()
        for recorded in self.pages:
            page = document.new_page(width=self.width, height=self.height)
            for x0, y0, x1, y1, stroke, fill, width in recorded.boxes:
                page.draw_rect(pymupdf.Rect(x0, y0, x1, y1), color=stroke, fill=fill, width=width)
            for x0, y0, x1, y1, width, color in recorded.lines:
                page.draw_line((x0, y0), (x1, y1), color=color, width=width)
            writers: dict[tuple[Color, bool], pymupdf.TextWriter] = {}
            for x, y, text, name, size, color in recorded.texts:
                key = (color, name == STROKED)
                writer = writers.setdefault(key, pymupdf.TextWriter(page.rect, color=color))
                writer.append((x, y), text, font=font(name), fontsize=size)
            for (_, stroked), writer in writers.items():
                writer.write_text(page, render_mode=2 if stroked else 0)
        document.set_metadata(
            {
                "title": title,
                "producer": "casefile bench.synth",
                "creator": "casefile bench.synth",
                "creationDate": "D:20240101000000Z",
                "modDate": "D:20240101000000Z",
            }
        )
        document.subset_fonts()
        data = document.tobytes(garbage=3, deflate=True, no_new_id=True)
        document.close()
        return data
