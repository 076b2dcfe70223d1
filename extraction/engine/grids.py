"""Ruled grids of a PDF page from its vector lines: the cells that drawn rules enclose.

Called by `tables.py` for line items and generic tables. It does what the "lines" strategy of
pdfplumber and of PyMuPDF's `Page.find_tables` does (snap and join the page's horizontal and
vertical rules, intersect them, close cells, group cells sharing corners into tables) from
`Page.get_cdrawings()` alone. `find_tables` also extracts every character of the page in Python
before looking at a rule (and PyMuPDF 2.0 runs a layout model first): 30-90 ms a page against
about 2 ms here, on pages whose text Casefile has already read. No text is read here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pymupdf

from extraction.engine.types import BBox

SNAP = 3.0
"""Rules this close (points) across their direction are one rule; gaps this short are joined."""
MIN_LENGTH = 3.0
THIN = 3.0
"""A filled rectangle at most this thick is a rule, not a box."""


@dataclass(frozen=True)
class Grid:
    bbox: BBox
    rows: tuple[tuple[BBox | None, ...], ...]
    """Cells by row (top to bottom) and grid column (one per distinct left edge); a cell spanning
    several columns is in its first one, the others are None."""


def page_grids(page: pymupdf.Page, text: list[BBox] | None = None) -> list[Grid]:
    """The page's ruled tables (two cells or more), top to bottom, in the page's rotated space
    (where its words are).

    With the boxes of the page's words in `text`, a cluster of touching drawings that holds text
    also gets its outline as rules, as PyMuPDF does: a grid drawn without an outer frame (rows
    shaded, columns ruled) still closes its outer cells.
    """
    horizontal, vertical = _rules(page, text or [])
    horizontal = _join(horizontal)
    vertical = _join(vertical)
    cells = _cells(horizontal, vertical)
    return sorted(
        (_grid(group) for group in _groups(cells) if len(group) > 1),
        key=lambda grid: (round(grid.bbox[1]), grid.bbox[0]),
    )


Rule = tuple[float, float, float]
"""A horizontal rule (y, x0, x1) or a vertical one (x, y0, y1)."""


def _rules(page: pymupdf.Page, text: list[BBox]) -> tuple[list[Rule], list[Rule]]:
    horizontal: list[Rule] = []
    vertical: list[Rule] = []
    matrix = page.rotation_matrix if page.rotation else None

    def place(rect: pymupdf.Rect) -> pymupdf.Rect:
        return (rect * matrix).normalize() if matrix is not None else rect.normalize()

    def box(rect: pymupdf.Rect) -> None:
        x0, y0, x1, y1 = rect.x0, rect.y0, rect.x1, rect.y1
        if y1 - y0 <= THIN and x1 - x0 > y1 - y0:
            horizontal.append(((y0 + y1) / 2, x0, x1))
        elif x1 - x0 <= THIN and y1 - y0 > x1 - x0:
            vertical.append(((x0 + x1) / 2, y0, y1))
        else:
            horizontal.extend([(y0, x0, x1), (y1, x0, x1)])
            vertical.extend([(x0, y0, y1), (x1, y0, y1)])

    area = abs(page.rect)
    outlines: list[pymupdf.Rect] = []
    for path in page.get_cdrawings():
        if abs(pymupdf.Rect(path["rect"])) > 0.8 * area:
            continue  # a page background or frame, not a table
        outlines.append(place(pymupdf.Rect(path["rect"])))
        for item in path["items"]:
            kind = item[0]
            if kind == "l":
                a, b = pymupdf.Point(item[1]), pymupdf.Point(item[2])
                if matrix is not None:
                    a, b = a * matrix, b * matrix
                if abs(a.y - b.y) <= 1:
                    horizontal.append(((a.y + b.y) / 2, min(a.x, b.x), max(a.x, b.x)))
                elif abs(a.x - b.x) <= 1:
                    vertical.append(((a.x + b.x) / 2, min(a.y, b.y), max(a.y, b.y)))
            elif kind == "re":
                box(place(pymupdf.Rect(item[1])))
            elif kind == "qu":
                quad = pymupdf.Quad(item[1])
                if quad.is_rectangular:
                    box(place(quad.rect))
    for outline in _envelopes(outlines):
        if any(_holds(outline, word) for word in text):
            box(outline)
    return horizontal, vertical


def _envelopes(rects: list[pymupdf.Rect]) -> list[pymupdf.Rect]:
    """Unions of several drawings that touch (within SNAP), transitively."""
    pending = sorted(rects, key=lambda r: (r.y1, r.x0))
    envelopes: list[pymupdf.Rect] = []
    while pending:
        current = pymupdf.Rect(pending.pop(0))
        merged = 0
        grown = True
        while grown:
            grown = False
            for index in range(len(pending) - 1, -1, -1):
                other = pending[index]
                if (
                    other.x0 - SNAP <= current.x1
                    and current.x0 - SNAP <= other.x1
                    and other.y0 - SNAP <= current.y1
                    and current.y0 - SNAP <= other.y1
                ):
                    current = pymupdf.Rect(  # `|=` would skip a line's empty rectangle
                        min(current.x0, other.x0),
                        min(current.y0, other.y0),
                        max(current.x1, other.x1),
                        max(current.y1, other.y1),
                    )
                    del pending[index]
                    grown = True
                    merged += 1
        if merged:
            envelopes.append(current)
    return envelopes


def _holds(outline: pymupdf.Rect, word: BBox) -> bool:
    cx, cy = (word[0] + word[2]) / 2, (word[1] + word[3]) / 2
    return outline.x0 <= cx <= outline.x1 and outline.y0 <= cy <= outline.y1


def _join(rules: list[Rule]) -> list[Rule]:
    """Rules snapped to shared positions and collinear pieces joined across short gaps."""
    joined: list[Rule] = []
    cluster: list[Rule] = []
    for rule in sorted(rules):
        if cluster and rule[0] - cluster[-1][0] > SNAP:
            joined.extend(_join_cluster(cluster))
            cluster = []
        cluster.append(rule)
    if cluster:
        joined.extend(_join_cluster(cluster))
    return [rule for rule in joined if rule[2] - rule[1] >= MIN_LENGTH]


def _join_cluster(cluster: list[Rule]) -> list[Rule]:
    position = sum(rule[0] for rule in cluster) / len(cluster)
    pieces: list[list[float]] = []
    for _, start, end in sorted(cluster, key=lambda rule: rule[1]):
        if pieces and start <= pieces[-1][1] + SNAP:
            pieces[-1][1] = max(pieces[-1][1], end)
        else:
            pieces.append([start, end])
    return [(position, start, end) for start, end in pieces]


def _cells(horizontal: list[Rule], vertical: list[Rule]) -> list[BBox]:
    """Smallest rectangles whose four corners are rule crossings joined by rules.

    A crossing is keyed by its position and remembers which rules pass through it; two crossings
    are joined when one rule passes through both.
    """
    crossings: dict[tuple[float, float], tuple[set[int], set[int]]] = {}
    for h_index, (y, x0, x1) in enumerate(horizontal):
        for v_index, (x, y0, y1) in enumerate(vertical):
            if x0 - SNAP <= x <= x1 + SNAP and y0 - SNAP <= y <= y1 + SNAP:
                on_h, on_v = crossings.setdefault((x, y), (set(), set()))
                on_h.add(h_index)
                on_v.add(v_index)
    by_x: dict[float, list[float]] = defaultdict(list)
    by_y: dict[float, list[float]] = defaultdict(list)
    for x, y in crossings:
        by_x[x].append(y)
        by_y[y].append(x)
    for values in (*by_x.values(), *by_y.values()):
        values.sort()
    cells: list[BBox] = []
    for (x, y), (on_h, on_v) in crossings.items():
        below = [b for b in by_x[x] if b > y and crossings[(x, b)][1] & on_v]
        right = [r for r in by_y[y] if r > x and crossings[(r, y)][0] & on_h]
        found = False
        for bottom in below:
            for side in right:
                corner = crossings.get((side, bottom))
                if (
                    corner is not None
                    and corner[0] & crossings[(x, bottom)][0]
                    and corner[1] & crossings[(side, y)][1]
                ):
                    cells.append((x, y, side, bottom))
                    found = True
                    break
            if found:
                break
    return cells


def _groups(cells: list[BBox]) -> list[list[BBox]]:
    """Cells that share a corner, transitively: one table each."""
    parent = list(range(len(cells)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    owner: dict[tuple[float, float], int] = {}
    for index, (x0, y0, x1, y1) in enumerate(cells):
        for corner in ((x0, y0), (x1, y0), (x0, y1), (x1, y1)):
            if corner in owner:
                parent[root(index)] = root(owner[corner])
            else:
                owner[corner] = index
    groups: dict[int, list[BBox]] = defaultdict(list)
    for index, cell in enumerate(cells):
        groups[root(index)].append(cell)
    return list(groups.values())


def _grid(cells: list[BBox]) -> Grid:
    lefts = sorted({cell[0] for cell in cells})
    tops = sorted({cell[1] for cell in cells})
    rows: list[list[BBox | None]] = [[None] * len(lefts) for _ in tops]
    for cell in cells:
        rows[tops.index(cell[1])][lefts.index(cell[0])] = cell
    bbox = (
        min(cell[0] for cell in cells),
        min(cell[1] for cell in cells),
        max(cell[2] for cell in cells),
        max(cell[3] for cell in cells),
    )
    return Grid(bbox, tuple(tuple(row) for row in rows))
