"""Unruled tables of a page from text alignment alone: where they are, then their cells.

Called by `tables.py` (`page_tables`, `region_table`) for generic table extraction; the invoice
`table` fields do not come through here. It follows camelot's stream flavour (MIT licence),
which implements the text-edge detection of Anssi Nurminen's thesis ("Algorithmic extraction of
data in tables in PDF documents", Tampere 2013), over the words Casefile has already read:
- words are joined into text runs (a gap wider than about a character splits a run, as
  pdfminer's `char_margin=1.0` does for camelot);
- runs whose left, right or middle x agree within half a point, one under the other with no
  vertical gap over EDGE_TOLERANCE, form text edges; an edge crossing REQUIRED_RUNS runs or more
  counts, and only edges of the alignment that crosses the most runs are kept;
- edges overlapping vertically make one table area, widened to the runs lying within its
  vertical extent and padded (more above, for the header);
- inside an area, runs make rows (bottoms within ROW_TOLERANCE); the most common number of runs
  in a row gives the columns, from the x-extents of the runs of such rows, merged when they
  overlap, plus those of runs falling outside or between them.
No text is read here and nothing is parsed; pure geometry over word boxes in PyMuPDF's space
(origin top-left, y downwards).
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass, field

from extraction.engine.types import BBox, Word

EDGE_TOLERANCE = 50.0
"""Points a text edge may skip vertically and still continue (camelot's `edge_tol`)."""
ALIGN_TOLERANCE = 0.5
"""Points within which two runs share a left, right or middle edge."""
REQUIRED_RUNS = 4
"""Runs an edge must cross to count."""
ROW_TOLERANCE = 2.0
"""Points within which the bottoms of runs on one row agree (camelot's `row_tol`)."""
PADDING = 10.0
"""Points added to a table area left, right and below."""
HEADER_ROWS = 5
"""Average run heights added above an area, where a header usually sits."""
RUN_GAP = 1.0
"""A gap wider than this many average character widths splits a text run."""

Table = list[list[str]]


@dataclass(frozen=True)
class Run:
    """Words on one line with no wide gap between them: pdfminer's text line."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def middle(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class _Edge:
    coord: float
    top: float
    bottom: float
    runs: int = 1

    @property
    def valid(self) -> bool:
        return self.runs >= REQUIRED_RUNS


@dataclass
class _Alignment:
    """Edges of one kind (left, right or middle), kept sorted by their x."""

    edges: list[_Edge] = field(default_factory=list)

    def register(self, coord: float, run: Run) -> None:
        """Extend the nearest edge within ALIGN_TOLERANCE, or start one.

        As in camelot, a run aligned with an edge that ended too far above it is dropped,
        not the start of a new edge at the same x.
        """
        edges = self.edges
        low, high = 0, len(edges)
        while low < high:
            mid = (low + high) // 2
            if edges[mid].coord < coord:
                low = mid + 1
            else:
                high = mid
        nearest = min(
            (i for i in (low - 1, low) if 0 <= i < len(edges)),
            key=lambda i: abs(edges[i].coord - coord),
            default=None,
        )
        if nearest is not None and abs(edges[nearest].coord - coord) < ALIGN_TOLERANCE:
            edge = edges[nearest]
            if abs(edge.bottom - run.bottom) <= EDGE_TOLERANCE:
                edge.coord = (edge.coord * edge.runs + coord) / (edge.runs + 1)
                edge.runs += 1
                edge.bottom = run.bottom
            return
        edges.insert(low, _Edge(coord, run.top, run.bottom))


def text_runs(words: list[Word] | tuple[Word, ...]) -> list[Run]:
    """Horizontal words joined into runs, top to bottom then left to right."""
    upright = sorted(
        (w for w in words if w.direction == 0 and w.text.strip()),
        key=lambda w: ((w.bbox[1] + w.bbox[3]) / 2, w.bbox[0]),
    )
    lines: list[list[Word]] = []
    for word in upright:
        for line in reversed(lines[-3:]):
            if _same_line(line[-1].bbox, word.bbox) and word.bbox[0] >= line[-1].bbox[0]:
                line.append(word)
                break
        else:
            lines.append([word])
    runs: list[Run] = []
    for line in lines:
        line.sort(key=lambda w: w.bbox[0])
        current = [line[0]]
        for word in line[1:]:
            previous = current[-1]
            allowed = RUN_GAP * max(_char_width(previous), _char_width(word))
            if word.bbox[0] - previous.bbox[2] > allowed:
                runs.append(_run(current))
                current = []
            current.append(word)
        runs.append(_run(current))
    runs.sort(key=lambda r: (r.bottom, r.x0))
    return runs


def _same_line(a: BBox, b: BBox) -> bool:
    overlap = min(a[3], b[3]) - max(a[1], b[1])
    return overlap >= 0.5 * max(1e-6, min(a[3] - a[1], b[3] - b[1]))


def _char_width(word: Word) -> float:
    return (word.bbox[2] - word.bbox[0]) / max(1, len(word.text))


def _run(words: list[Word]) -> Run:
    return Run(
        " ".join(w.text for w in words),
        min(w.bbox[0] for w in words),
        min(w.bbox[1] for w in words),
        max(w.bbox[2] for w in words),
        max(w.bbox[3] for w in words),
    )


def table_areas(runs: list[Run]) -> list[BBox]:
    """Areas of the page that hold unruled tables, top to bottom (empty when none)."""
    alignments = {"left": _Alignment(), "right": _Alignment(), "middle": _Alignment()}
    for run in runs:
        if len(run.text.strip()) > 1:
            alignments["left"].register(run.x0, run)
            alignments["right"].register(run.x1, run)
            alignments["middle"].register(run.middle, run)
    counts = {
        name: sum(e.runs for e in alignment.edges if e.valid)
        for name, alignment in alignments.items()
    }
    best = max(counts, key=lambda name: counts[name])
    edges = sorted(
        (e for e in alignments[best].edges if e.valid), key=lambda e: (e.bottom, e.coord)
    )
    areas: list[list[float]] = []
    for edge in edges:
        for area in areas:
            if edge.top <= area[3] and edge.bottom >= area[1]:
                area[1] = min(area[1], edge.top)
                area[2] = max(area[2], edge.coord)
                area[3] = max(area[3], edge.bottom)
                break
        else:
            areas.append([edge.coord, edge.top, edge.coord, edge.bottom])
    for run in runs:
        for area in areas:
            if run.bottom <= area[3] and run.top >= area[1]:
                area[0] = min(area[0], run.x0)
                area[2] = max(area[2], run.x1)
                break
    height = sum(r.bottom - r.top for r in runs) / len(runs) if runs else 0.0
    padded = [
        (a[0] - PADDING, a[1] - HEADER_ROWS * height, a[2] + PADDING, a[3] + PADDING) for a in areas
    ]
    return sorted(padded, key=lambda a: a[1])


def area_table(runs: list[Run], area: BBox) -> Table:
    """The cells of the table in `area`, as rows of texts (empty when no run lies in it)."""
    inside = [r for r in runs if _centre_in(r, area)]
    if not inside:
        return []
    rows = _rows(inside)
    columns = _columns(rows, inside)
    bounds = _row_bounds(rows)
    table = [[""] * len(columns) for _ in rows]
    for run in sorted(inside, key=lambda r: (r.bottom, r.x0)):
        middle = (run.top + run.bottom) / 2
        row = next((i for i, (top, bottom) in enumerate(bounds) if top <= middle < bottom), None)
        if row is None:
            row = len(bounds) - 1 if middle >= bounds[-1][1] else 0
        column = _column_of(run, columns)
        table[row][column] = f"{table[row][column]} {run.text}".strip()
    return table


def unruled_tables(words: list[Word] | tuple[Word, ...], *, whole: bool) -> list[Table]:
    """Every unruled table among the words. With `whole`, when no area stands out, all their
    text is one table, as camelot does (the caller expects a table on the page)."""
    runs = text_runs(words)
    if not runs:
        return []
    areas = table_areas(runs)
    if not areas and whole:
        areas = [text_extent(runs)]
    tables = [area_table(runs, area) for area in areas]
    return [table for table in tables if table]


def text_extent(runs: list[Run]) -> BBox:
    return (
        min(r.x0 for r in runs),
        min(r.top for r in runs),
        max(r.x1 for r in runs),
        max(r.bottom for r in runs),
    )


def text_rows_in(runs: list[Run], area: BBox) -> list[list[Run]]:
    """The rows of text whose runs have their centre in `area`."""
    inside = [r for r in runs if _centre_in(r, area)]
    return _rows(inside) if inside else []


def _centre_in(run: Run, area: BBox) -> bool:
    cx, cy = run.middle, (run.top + run.bottom) / 2
    return area[0] - 2 <= cx <= area[2] + 2 and area[1] - 2 <= cy <= area[3] + 2


def _rows(runs: list[Run]) -> list[list[Run]]:
    """Runs grouped by their bottoms, each row left to right."""
    rows: list[list[Run]] = []
    row_bottom: float | None = None
    for run in sorted(runs, key=lambda r: (r.bottom, r.x0)):
        if row_bottom is None or abs(run.bottom - row_bottom) > ROW_TOLERANCE:
            rows.append([])
            row_bottom = run.bottom
        rows[-1].append(run)
    return [sorted(row, key=lambda r: r.x0) for row in rows]


def _row_bounds(rows: list[list[Run]]) -> list[tuple[float, float]]:
    """Top and bottom of each row, touching their neighbours halfway across the gap."""
    bounds = [[min(r.top for r in row), max(r.bottom for r in row)] for row in rows]
    for upper, lower in itertools.pairwise(bounds):
        upper[1] = lower[0] = (upper[1] + lower[0]) / 2
    return [(top, bottom) for top, bottom in bounds]


def _columns(rows: list[list[Run]], runs: list[Run]) -> list[tuple[float, float]]:
    left = min(r.x0 for r in runs)
    right = max(r.x1 for r in runs)
    counts = Counter(len(row) for row in rows)
    width = _mode(counts)
    if width == 1:
        del counts[1]
        width = _mode(counts) if counts else 1
    spans = _merge(sorted((r.x0, r.x1) for row in rows if len(row) == width for r in row))
    if not spans:
        return [(left, right)]
    others = [r for r in runs if r.x0 > spans[-1][1] or r.x1 < spans[0][0]]
    for (_, gap_left), (gap_right, _) in itertools.pairwise(spans):
        others.extend(r for r in runs if r.x0 > gap_left and r.x1 < gap_right)
    if others:
        extra_rows = _rows(others)
        most = max(len(row) for row in extra_rows)
        spans.extend(
            _merge(sorted((r.x0, r.x1) for row in extra_rows if len(row) == most for r in row))
        )
    spans.sort()
    cuts = [left] + [(b[0] + a[1]) / 2 for a, b in itertools.pairwise(spans)] + [right]
    return list(itertools.pairwise(cuts))


def _mode(counts: Counter[int]) -> int:
    """The most common row width; ties go to the narrower, as camelot's set order does."""
    return max(sorted(counts), key=lambda width: counts[width])


def _merge(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    merged: list[tuple[float, float]] = []
    for x0, x1 in spans:
        if merged and x0 <= merged[-1][1]:
            merged[-1] = (min(merged[-1][0], x0), max(merged[-1][1], x1))
        else:
            merged.append((x0, x1))
    return merged


def _column_of(run: Run, columns: list[tuple[float, float]]) -> int:
    """The column the run covers most, relative to the column's width (camelot's rule); the
    nearest when none overlaps."""
    best, best_share = -1, -1.0
    for index, (x0, x1) in enumerate(columns):
        if x0 <= run.x1 and x1 >= run.x0:
            share = (min(run.x1, x1) - max(run.x0, x0)) / max(x1 - x0, 1e-6)
            if share > best_share:
                best, best_share = index, share
    if best >= 0:
        return best
    return min(
        range(len(columns)),
        key=lambda i: min(abs(run.x0 - columns[i][1]), abs(run.x1 - columns[i][0])),
    )
