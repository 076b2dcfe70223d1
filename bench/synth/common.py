"""Building blocks the sources share: random line items, document numbers and a table drawer.

Each source still decides its own layout (positions, labels, rules, fonts); these helpers only
save retyping the arithmetic and the column bookkeeping.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal, TypeVar

from bench.synth.canvas import Canvas
from bench.synth.document import Line, price, quantity
from bench.synth.names import ITEMS, digits

T = TypeVar("T")


def make_lines(
    rng: random.Random,
    lang: str,
    count: int,
    *,
    low: float = 4,
    high: float = 480,
    fractional: float = 0.1,
) -> list[Line]:
    """`count` lines with distinct descriptions where the list allows it."""
    pool = ITEMS[lang]
    picks = rng.sample(pool, min(count, len(pool)))
    while len(picks) < count:
        picks.append(rng.choice(pool))
    lines = []
    for index, (description, unit) in enumerate(picks):
        text = description if index < len(pool) else f"{description} ({index + 1})"
        lines.append(Line(text, quantity(rng, fractional=fractional), price(rng, low, high), unit))
    return lines


def line_rates(
    rng: random.Random,
    count: int,
    standard: Decimal,
    choices: Sequence[Decimal],
    *,
    mixed_share: float,
) -> list[Decimal]:
    """A tax rate per line: the standard rate on every line, except on the `mixed_share` of
    documents that mix rates, where each line draws from `choices` (repeat a rate to weight it)."""
    mixed = rng.random() < mixed_share
    return [rng.choice(choices) if mixed else standard for _ in range(count)]


def number(rng: random.Random, pattern: str, year: int) -> str:
    """A document number from a pattern: `#` a digit, `{yyyy}` `{yy}` the year."""
    text = pattern.replace("{yyyy}", str(year)).replace("{yy}", f"{year % 100:02d}")
    return "".join(digits(rng, 1) if ch == "#" else ch for ch in text)


@dataclass(frozen=True)
class Column:
    header: str
    edge: float
    """Left edge for left-aligned columns, right edge for right-aligned ones."""
    align: Literal["left", "right"] = "left"


Rules = Literal["header", "grid", "none", "zebra"]


def draw_table(
    canvas: Canvas,
    top: float,
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    *,
    left: float,
    right: float,
    size: float = 8.5,
    row_height: float = 14,
    rules: Rules = "header",
    header_fill: tuple[float, float, float] | None = None,
    header_bold: bool = True,
) -> float:
    """Header and rows from `top`; returns the y below the last row."""
    height = row_height + 2
    if header_fill is not None:
        canvas.box(left, top, right, top + height, stroke=None, fill=header_fill)
    for column in columns:
        canvas.text(
            column.edge,
            top + height - 5,
            column.header,
            size=size,
            bold=header_bold,
            align=column.align,
        )
    y = top + height
    if rules in ("header", "zebra", "grid"):
        canvas.line(left, y, right, y, width=0.8)
    for index, row in enumerate(rows):
        if rules == "zebra" and index % 2 == 1:
            canvas.box(left, y, right, y + row_height, stroke=None, fill=(0.93, 0.93, 0.93))
        for column, cell in zip(columns, row, strict=True):
            canvas.text(column.edge, y + row_height - 4, cell, size=size, align=column.align)
        y += row_height
        if rules == "grid":
            canvas.line(left, y, right, y, width=0.3)
    if rules == "grid":
        canvas.box(left, top, right, y, width=0.6)
    elif rules != "none":
        canvas.line(left, y + 1, right, y + 1, width=0.6)
    return y + 4


def label_pairs(
    canvas: Canvas,
    x: float,
    y: float,
    pairs: Sequence[tuple[str, str]],
    *,
    size: float = 9,
    gap: float = 90,
    step: float = 13,
    bold_labels: bool = True,
    value_align: Literal["left", "right"] = "left",
) -> float:
    """`Label: value` rows, the value at `x + gap`; returns the y after the last row."""
    for label, value in pairs:
        canvas.text(x, y, label, size=size, bold=bold_labels)
        canvas.text(x + gap, y, value, size=size, align=value_align)
        y += step
    return y


def total_rows(
    canvas: Canvas,
    x: float,
    right: float,
    y: float,
    rows: Sequence[tuple[str, str]],
    *,
    bold: Collection[str],
    size: float = 9,
    step: float = 14,
    label_align: Literal["left", "right"] = "left",
) -> float:
    """The totals under a table: the label at `x`, the amount right-aligned at `right`, label and
    amount bold on the rows whose label is in `bold` (the amount due); returns the y after the
    last row. Each source still picks the labels, positions, spacing and any rules or box."""
    for label, value in rows:
        strong = label in bold
        canvas.text(x, y, label, size=size, bold=strong, align=label_align)
        canvas.text(right, y, value, size=size, bold=strong, align="right")
        y += step
    return y


def choose(rng: random.Random, weighted: Sequence[tuple[float, T]]) -> T:
    """A weighted pick (`[(5, "jpg"), (2, "png")]`)."""
    total = sum(weight for weight, _ in weighted)
    pick = rng.uniform(0, total)
    for weight, value in weighted:
        pick -= weight
        if pick <= 0:
            return value
    return weighted[-1][1]
