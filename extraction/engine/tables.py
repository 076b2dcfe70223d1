"""Tables: ruled grids from PyMuPDF, unruled tables from word positions, and `table` fields.

Called by `run_engine` for every `table` field (invoice line items and the like) and usable on
its own (`page_tables`) for generic table extraction. Ruled tables come from PyMuPDF's
`find_tables` (cell geometry only; cell text is rebuilt from the page's words, which keeps spaces
right). The unruled fallback anchors on a header row whose phrases match the field's column
labels, derives column bands from the header, and reads rows below it until a totals line, a
wide gap or the page end; a table cut by a page break continues on the next page below a repeated
header or from the top. Description lines without numbers are merged into their row.
"""

from __future__ import annotations

from dataclasses import dataclass

import pymupdf

from extraction.engine import confidence
from extraction.engine.confidence import Evidence
from extraction.engine.fields import DocumentContext
from extraction.engine.labels import compact, find_label_hits
from extraction.engine.layout import Line, Token, group_lines, union
from extraction.engine.parsers import parse_value
from extraction.engine.synonyms import BUILTIN_SYNONYMS, LINE_ITEM_COLUMNS
from extraction.engine.types import (
    BBox,
    CellResult,
    ColumnSpec,
    FieldResult,
    FieldSpec,
    PageResult,
    Schema,
    Word,
)

STOP_KEYS = ("total_amount", "subtotal_amount", "tax_amount")


@dataclass(frozen=True)
class Header:
    page: int
    line_index: int
    bottom: float
    columns: tuple[tuple[str, float, float], ...]
    """(column key, x0, x1) for matched columns; unmatched header phrases use key ''."""


def _column_spec(column: ColumnSpec) -> FieldSpec:
    extra = LINE_ITEM_COLUMNS.get(column.key, ())
    return FieldSpec(column.key, column.label, column.type, synonyms=(*column.synonyms, *extra))


def find_header(lines: list[Line], spec: FieldSpec, start: int = 0) -> Header | None:
    """The line (from `start`) naming the most distinct columns, at least two."""
    column_specs = tuple(_column_spec(c) for c in spec.columns)
    best: tuple[int, Header] | None = None
    for line in lines[start:]:
        hits = find_label_hits([line], column_specs)
        keys = {hit.key for hit in hits if hit.start == 0 or _at_phrase_start(hit)}
        if len(keys) < 2:
            continue
        columns: list[tuple[str, float, float]] = []
        used: set[str] = set()
        for phrase in line.phrases:
            key = ""
            for hit in hits:
                if hit.key not in used and any(t is phrase.tokens[0] for t in hit.tokens):
                    key = hit.key
                    break
            used.add(key)
            columns.append((key, phrase.bbox[0], phrase.bbox[2]))
        header = Header(line.page, line.index, line.bbox[3], tuple(columns))
        if best is None or len(keys) > best[0]:
            best = (len(keys), header)
        if len(keys) >= min(3, len(spec.columns)):
            break
    return best[1] if best else None


def _at_phrase_start(hit) -> bool:
    return hit.phrase_start


def _stop_forms() -> set[str]:
    forms: set[str] = set()
    for key in STOP_KEYS:
        forms.update(compact(s) for s in BUILTIN_SYNONYMS[key])
    return forms


def _is_stop_line(line: Line, stops: set[str]) -> bool:
    first = compact(line.phrases[0].text) if line.phrases else ""
    words = [compact(t.text) for t in line.tokens[:3]]
    joined = ""
    for word in words:
        joined += word
        if joined in stops:
            return True
    return first in stops


def _assign(token: Token, header: Header) -> str:
    """The column whose header band the token falls into (by overlap, else nearest center)."""
    cx = (token.bbox[0] + token.bbox[2]) / 2
    best_key, best_overlap = "", 0.0
    for key, x0, x1 in header.columns:
        overlap = min(token.bbox[2], x1) - max(token.bbox[0], x0)
        if overlap > best_overlap:
            best_key, best_overlap = key, overlap
    if best_overlap > 0:
        return best_key
    nearest = min(header.columns, key=lambda col: min(abs(cx - col[1]), abs(cx - col[2])))
    return nearest[0]


def read_rows(lines: list[Line], header: Header, spec: FieldSpec) -> list[dict[str, CellResult]]:
    """Rows under a header until a totals line, a wide vertical gap or the document's end."""
    stops = _stop_forms()
    types = {c.key: c.type for c in spec.columns}
    numeric = [c.key for c in spec.columns if c.type in ("money", "number")]
    rows: list[dict[str, list[Token]]] = []
    previous_bottom = header.bottom
    line_height = 12.0
    current_page = header.page
    for line in lines[header.line_index + 1 :]:
        if line.page != current_page:
            repeated = find_header([line], spec)
            current_page = line.page
            previous_bottom = line.bbox[1]
            if repeated is not None:
                header = Header(line.page, line.index, line.bbox[3], repeated.columns)
                previous_bottom = line.bbox[3]
                continue
        line_height = max(4.0, min(30.0, line.bbox[3] - line.bbox[1]))
        if _is_stop_line(line, stops) or line.bbox[1] - previous_bottom > 4 * line_height:
            break
        previous_bottom = line.bbox[3]
        cells: dict[str, list[Token]] = {}
        for token in line.tokens:
            cells.setdefault(_assign(token, header), []).append(token)
        has_number = any(
            key in cells and parse_value(types[key], _text(cells[key])) is not None
            for key in numeric
        )
        if has_number or not rows:
            if not has_number and not cells.get("description"):
                continue
            rows.append(cells)
        else:
            for key, tokens in cells.items():
                rows[-1].setdefault(key, []).extend(tokens)
    return [_row_result(row, spec) for row in rows if _is_item(row, numeric, types)]


def _is_item(row: dict[str, list[Token]], numeric: list[str], types: dict[str, str]) -> bool:
    return any(key in row and parse_value(types[key], _text(row[key])) for key in numeric)


def _text(tokens: list[Token]) -> str:
    return " ".join(t.text for t in tokens)


def _row_result(row: dict[str, list[Token]], spec: FieldSpec) -> dict[str, CellResult]:
    result: dict[str, CellResult] = {}
    for column in spec.columns:
        tokens = row.get(column.key, [])
        if not tokens:
            result[column.key] = CellResult(None, "", 0)
            continue
        text = _text(tokens)
        parsed = parse_value(column.type, text)
        source = min(t.confidence for t in tokens)
        evidence = Evidence(
            "table", exact=parsed.exact if parsed else False, source_confidence=source
        )
        value = parsed.value if parsed else None
        score = confidence.score(evidence) if parsed else 0
        result[column.key] = CellResult(
            value, text, score, tokens[0].page, union([t.bbox for t in tokens])
        )
    return result


def extract_table_fields(
    pages: list[PageResult],
    lines: list[Line],
    schema: Schema,
    context: DocumentContext,
    loaded: object,
) -> list[FieldResult]:
    """One FieldResult per table field of the schema; value None, rows in `rows`."""
    del context, loaded
    results: list[FieldResult] = []
    for spec in schema.fields:
        if spec.type != "table" or not spec.columns:
            continue
        header = find_header(lines, spec)
        if header is None:
            results.append(FieldResult(spec.key, None, "", 0))
            continue
        rows = read_rows(lines, header, spec)
        scores = [cell.confidence for row in rows for cell in row.values() if cell.text]
        score = min(scores) if scores else 0
        boxes = [cell.bbox for row in rows for cell in row.values() if cell.bbox]
        bbox: BBox | None = union(boxes) if boxes else None
        results.append(FieldResult(spec.key, None, "", score, header.page, bbox, tuple(rows)))
    return results


def ruled_tables(page: pymupdf.Page, words: list[Word]) -> list[list[list[str]]]:
    """Ruled tables of a PDF page as rows of cell texts rebuilt from positioned words.

    A cell spanning several grid columns is reported once, in its first column, like tabula.
    """
    tables: list[list[list[str]]] = []
    found = page.find_tables(strategy="lines").tables
    for table in sorted(found, key=lambda t: (round(t.bbox[1]), t.bbox[0])):
        grid: list[list[str]] = []
        for row in table.rows:
            grid.append([_cell_text(cell, words) if cell else "" for cell in row.cells])
        tables.append(grid)
    return tables


def _cell_text(cell: tuple[float, float, float, float], words: list[Word]) -> str:
    inside = [
        w
        for w in words
        if cell[0] - 1 <= (w.bbox[0] + w.bbox[2]) / 2 <= cell[2] + 1
        and cell[1] - 1 <= (w.bbox[1] + w.bbox[3]) / 2 <= cell[3] + 1
    ]
    lines = group_lines(inside, 0, 0)
    return " ".join(line.text for line in lines)


def stream_table(words: list[Word], area: BBox | None = None) -> list[list[str]]:
    """An unruled table from word positions: columns are the x-gaps shared by all rows."""
    chosen = [w for w in words if area is None or _inside(w.bbox, area)]
    lines = group_lines(chosen, 0, 0)
    if not lines:
        return []
    boundaries = _column_gaps(lines)
    table: list[list[str]] = []
    for line in lines:
        cells = [""] * (len(boundaries) + 1)
        for token in line.tokens:
            center = (token.bbox[0] + token.bbox[2]) / 2
            index = sum(1 for b in boundaries if center > b)
            cells[index] = (cells[index] + " " + token.text).strip()
        table.append(cells)
    return table


def _inside(box: BBox, area: BBox) -> bool:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return area[0] <= cx <= area[2] and area[1] <= cy <= area[3]


def _column_gaps(lines: list[Line]) -> list[float]:
    """X positions free of words in most rows, between occupied runs: column boundaries."""
    left = min(line.bbox[0] for line in lines)
    right = max(line.bbox[2] for line in lines)
    width = int(right - left) + 1
    cover = [0] * width
    for line in lines:
        for phrase in line.phrases:
            for x in range(int(phrase.bbox[0] - left), int(phrase.bbox[2] - left) + 1):
                if 0 <= x < width:
                    cover[x] += 1
    limit = max(1, len(lines) // 10)
    gaps: list[float] = []
    run_start = None
    for x, count in enumerate([*cover, limit + 1]):
        if count < limit and run_start is None:
            run_start = x
        elif count >= limit and run_start is not None:
            if run_start > 0 and x < width and x - run_start >= 3:
                gaps.append(left + (run_start + x) / 2)
            run_start = None
    return gaps
