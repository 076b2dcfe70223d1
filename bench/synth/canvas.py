"""A small drawing surface over PyMuPDF for the synthetic sources: text in the Base-14 fonts at
absolute positions (left, right or centre aligned), lines and boxes, several pages, and a
deterministic PDF at the end.

Operations are recorded first and drawn in `pdf()`, so a source can decide the page height after
laying out (till receipts grow with their items). Text goes through `TextWriter` with the
built-in fonts, which carry €, ł and the other Latin glyphs `insert_text` cannot encode; fonts
are subset and the metadata fixed so the same layout gives the same bytes. Right-to-left and
mixed-direction text (Arabic, Hebrew) goes through `shaped()`: MuPDF's HTML engine shapes it with
HarfBuzz and orders it by the bidi algorithm, falling back to its built-in Noto Naskh Arabic and
Noto Serif Hebrew for those scripts.
"""

from __future__ import annotations

import html
import re
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


SHAPED_FAMILIES = {"helv": "Helvetica", "tiro": "Times", "cour": "Courier", "noto": "Times"}
"""The CSS family of the Latin words and figures inside shaped text, per canvas family; Arabic and
Hebrew letters fall back to MuPDF's Noto Naskh Arabic (`Font(script=6)`) and Noto Serif Hebrew
(`Font(script=5)`)."""
Direction = Literal["rtl", "ltr"]
_MEASURE = 2000.0


def _shaped_html(
    text: str, size: float, bold: bool, color: Color, family: str, direction: str
) -> tuple[str, str]:
    """The paragraph and style sheet `shaped()` text is laid out from: aligned to the start of
    its direction (right for `rtl`), which is where `pdf()` puts the box's edge."""
    rgb = "".join(f"{round(channel * 255):02x}" for channel in color)
    css = (
        "body {margin: 0} p {margin: 0; padding: 0}"
        f" p {{font-family: {SHAPED_FAMILIES[family]}; font-size: {size}pt; color: #{rgb};"
        f" font-weight: {'bold' if bold else 'normal'}; white-space: nowrap; line-height: 1.3}}"
    )
    return f'<p dir="{direction}">{html.escape(text)}</p>', css


Glyph = tuple[str, str, str]
"""A glyph shaping drew: its font's name, its glyph name and the text it stands for."""


@cache
def _layout(
    text: str, size: float, bold: bool, family: str, direction: str
) -> tuple[float, float, float, tuple[Glyph, ...]]:
    """Width, baseline offset below the box top and gap to the box's start edge (right for
    `rtl`) of shaped text, measured from where MuPDF's layout puts the glyphs, and the glyphs."""
    mupdf = pymupdf.mupdf
    body, css = _shaped_html(text, size, bold, (0, 0, 0), family, direction)
    story = pymupdf.Story(html=body, user_css=css)
    story.place(pymupdf.Rect(0, 0, _MEASURE, size * 4))
    page = mupdf.FzStextPage(mupdf.FzRect(0, 0, _MEASURE, size * 4))
    device = mupdf.fz_new_stext_device(page, mupdf.FzStextOptions())
    story.draw(device)
    mupdf.fz_close_device(device)
    buffer = mupdf.FzBuffer(1024)
    output = mupdf.FzOutput(buffer)
    device = mupdf.fz_new_trace_device(output)
    story = pymupdf.Story(html=body, user_css=css)  # a story is drawn once
    story.place(pymupdf.Rect(0, 0, _MEASURE, size * 4))
    story.draw(device)
    mupdf.fz_close_device(device)
    output.fz_close_output()
    trace = buffer.fz_buffer_extract().decode()
    glyphs = []
    for span in re.finditer(r'<span font="([^"]*)"(.*?)</span>', trace, re.S):
        for char, name in re.findall(r'<g unicode="([^"]*)" glyph="([^"]*)"', span.group(2)):
            glyphs.append((span.group(1), name, html.unescape(char)))
    x0, x1, baseline = _MEASURE, 0.0, size
    for block in pymupdf.TextPage(page).extractRAWDICT()["blocks"]:
        for line in block.get("lines", ()):
            for span in line["spans"]:
                for char in span["chars"]:
                    if char["c"].isspace():
                        continue
                    x0, x1 = min(x0, char["bbox"][0]), max(x1, char["bbox"][2])
                    baseline = char["origin"][1]
    if x1 <= x0:
        return 0.0, baseline, 0.0, tuple(glyphs)
    gap = _MEASURE - x1 if direction == "rtl" else x0
    return x1 - x0, baseline, gap, tuple(glyphs)


def shaped_extent(
    text: str, size: float, bold: bool, family: str, direction: str
) -> tuple[float, float, float]:
    """Width, baseline offset and start gap of shaped text (see `_layout`)."""
    return _layout(text, size, bold, family, direction)[:3]


@cache
def _script_font(name: str) -> tuple[pymupdf.Font, frozenset[int]] | None:
    """MuPDF's built-in Arabic or Hebrew font by its name, and the glyphs its character map
    reaches (those MuPDF's ToUnicode maps already)."""
    for script in (6, 5):
        face = pymupdf.Font(script=script)
        if face.name == name:
            return face, frozenset(face.has_glyph(cp) for cp in face.valid_codepoints())
    return None


def _repair_to_unicode(document: pymupdf.Document, glyphs: set[Glyph]) -> None:
    """MuPDF writes the ToUnicode map of an embedded font from the font's character map, so the
    glyphs shaping substitutes and the map does not reach (Arabic lam's contextual forms, the
    lam-alef ligature's parts) would read back as nonsense: add them, with the text the layout
    drew them for, as PDF producers do. Glyphs the map reaches keep their presentation forms."""
    extra: dict[str, dict[int, str]] = {}
    for font_name, glyph_name, text in sorted(glyphs):
        found = _script_font(font_name)
        if found is None or not text:
            continue
        face, reached = found
        gid = pymupdf.mupdf.fz_encode_character_by_glyph_name(face.this, glyph_name)
        if gid > 0 and gid not in reached:
            extra.setdefault(font_name, {})[gid] = text
    for xref in range(1, document.xref_length()):
        if document.xref_get_key(xref, "Subtype") != ("name", "/Type0"):
            continue
        base = document.xref_get_key(xref, "BaseFont")[1].lstrip("/").replace("#20", " ")
        mapping = extra.get(base.split("+")[-1])
        kind, ref = document.xref_get_key(xref, "ToUnicode")
        if not mapping or kind != "xref":
            continue
        target = int(ref.split()[0])
        cmap = document.xref_stream(target).decode("latin-1")
        items = sorted(mapping.items())
        blocks = []
        for start in range(0, len(items), 100):
            chunk = items[start : start + 100]
            rows = "".join(
                f"<{gid:04x}> <{text.encode('utf-16-be').hex()}>\n" for gid, text in chunk
            )
            blocks.append(f"{len(chunk)} beginbfchar\n{rows}endbfchar\n")
        cmap = cmap.replace("endcmap", "".join(blocks) + "endcmap", 1)
        document.update_stream(target, cmap.encode("latin-1"))


@dataclass
class _Page:
    texts: list[tuple[float, float, str, str, float, Color]] = field(default_factory=list)
    lines: list[tuple[float, float, float, float, float, Color]] = field(default_factory=list)
    boxes: list[tuple[float, float, float, float, Color | None, Color | None, float]] = field(
        default_factory=list
    )
    shaped: list[tuple[float, float, str, float, bool, Color, str, str]] = field(
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

    def shaped(
        self,
        x: float,
        y: float,
        text: str,
        *,
        size: float = 9,
        bold: bool = False,
        align: Align = "right",
        color: Color = BLACK,
        direction: Direction = "rtl",
    ) -> float:
        """Place one line of right-to-left or mixed text (Arabic, Hebrew, with Latin words and
        figures), given in logical order: shaped and ordered in `pdf()` by `insert_htmlbox`.
        `x` is the right, left or centre edge by `align`, `y` the baseline; returns the width.
        Bold is drawn filled and stroked (the built-in Arabic and Hebrew fonts have no bold)."""
        family = {value: key for key, value in FAMILIES.items()}[(self.regular, self.bold)]
        width = self.shaped_width(text, size=size, bold=bold, direction=direction)
        right = {"right": x, "left": x + width, "center": x + width / 2}[align]
        self.page.shaped.append((right, y, text, size, bold, color, family, direction))
        return width

    def shaped_width(
        self, text: str, *, size: float = 9, bold: bool = False, direction: Direction = "rtl"
    ) -> float:
        family = {value: key for key, value in FAMILIES.items()}[(self.regular, self.bold)]
        return shaped_extent(text, size, bold, family, direction)[0]

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
            for right, y, text, size, bold, color, family, direction in recorded.shaped:
                _draw_shaped(page, right, y, text, size, bold, color, family, direction)
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
        glyphs = {
            glyph
            for recorded in self.pages
            for _, _, text, size, bold, _, family, direction in recorded.shaped
            for glyph in _layout(text, size, bold, family, direction)[3]
        }
        if glyphs:
            _repair_to_unicode(document, glyphs)
        data = document.tobytes(garbage=3, deflate=True, no_new_id=True)
        document.close()
        return data


def _draw_shaped(
    page: pymupdf.Page,
    right: float,
    y: float,
    text: str,
    size: float,
    bold: bool,
    color: Color,
    family: str,
    direction: str,
) -> None:
    width, baseline, gap = shaped_extent(text, size, bold, family, direction)
    body, css = _shaped_html(text, size, bold, color, family, direction)
    top = y - baseline
    if direction == "rtl":
        rect = pymupdf.Rect(right + gap - width - 2 * size, top, right + gap, top + size * 4)
    else:
        left = right - width - gap
        rect = pymupdf.Rect(left, top, left + gap + width + 2 * size, top + size * 4)
    before = {xref for xref, *_ in page.get_xobjects()}
    page.insert_htmlbox(rect, body, css=css, scale_low=1)
    if not bold:
        return
    document = page.parent
    for xref, name, *_ in page.get_xobjects():
        if xref in before or name != "fullpage":
            continue
        stroke = " ".join(f"{channel:g}" for channel in color)
        content = document.xref_stream(xref).replace(b"BT\n", b"BT\n2 Tr\n")
        document.update_stream(xref, f"{size * 0.035:.3f} w {stroke} RG\n".encode() + content)
