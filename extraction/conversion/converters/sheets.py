"""The `tables` engine: every table Casefile finds in a PDF, as XLSX (one sheet per table) or CSV.

Tables come from extraction's own table extractor (`extraction/engine/tables.py`): ruled grids
from the page's vector rules where the words are the text layer's, and unruled tables found by
text alignment among the other words (OCR'd pages included). Cells that hold a number, an
amount, a percentage or a date become typed cells (a number, a date with a date format), read
with extraction's parsers and the document's own decimal and date conventions; anything else
stays text, exactly as printed. CSV has the same tables one after another, a blank row between.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from decimal import Decimal

import pymupdf
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from extraction.conversion.converters.csv_safety import csv_cell_safe
from extraction.conversion.converters.pages import ReadPage
from extraction.engine.parsers import DateOrder, date_order_hint, parse_date, parse_number
from extraction.engine.tables import region_table, table_grids
from extraction.engine.types import BBox, Word
from extraction.engine.unruled import area_table, table_areas, text_runs

Rows = list[list[str]]

_NUMBER = re.compile(
    r"[(]?[-−+]?\s?[€$£¥₹]?\s?(?:\d{1,3}(?:[,.'’\u202f ]\d{3})+|\d+)(?:[.,]\d+)?\s?[€$£¥₹]?[)]?"
)
_PERCENT = re.compile(r"[-−+]?\d+(?:[.,]\d+)?\s?%")
_NUMERIC_DATE = re.compile(r"\d{1,4}\s?[./\-]\s?\d{1,2}\s?[./\-]\s?\d{2,4}")
_WORD_DATE = re.compile(r"[\w.,\- ]{6,30}")
_LEADING_ZERO = re.compile(r"0\d")
_DECIMAL_COMMA = re.compile(r"\d,\d{2}(?!\d)")
_DECIMAL_POINT = re.compile(r"\d\.\d{2}(?!\d)")


@dataclass(frozen=True)
class Table:
    page: int
    """1-based page number."""
    rows: Rows


def find_tables(document: pymupdf.Document, pages: list[ReadPage]) -> list[Table]:
    """Every table of every page, top to bottom: ruled grids (text-layer pages read upright),
    then unruled tables among the words outside them."""
    found: list[Table] = []
    for page in pages:
        words = list(page.result.words)
        rows_found: list[Rows] = []
        if not page.ocr and page.result.rotation == 0:
            pdf_page = document[page.index]
            grids = table_grids(pdf_page, words)
            rows_found += [region_table(pdf_page, words, grid.bbox) for grid in grids]
            words = [w for w in words if not any(_inside(w.bbox, g.bbox) for g in grids)]
        rows_found += [rows for _, rows in unruled_areas(words)]
        tables = (tidy(rows) for rows in rows_found)
        found += [Table(page.index + 1, rows) for rows in tables if _is_table(rows)]
    return found


def unruled_areas(words: list[Word]) -> list[tuple[BBox, Rows]]:
    """Unruled tables among `words` by text alignment (`extraction/engine/unruled.py`), with
    overlapping areas joined first, so no line of text is read into two tables."""
    runs = text_runs(words)
    if not runs:
        return []
    areas: list[BBox] = []
    for area in sorted(table_areas(runs), key=lambda a: a[1]):
        if areas and _overlap(areas[-1], area):
            last = areas[-1]
            areas[-1] = (
                min(last[0], area[0]),
                min(last[1], area[1]),
                max(last[2], area[2]),
                max(last[3], area[3]),
            )
        else:
            areas.append(area)
    found = [(area, area_table(runs, area)) for area in areas]
    return [(area, rows) for area, rows in found if rows]


def _overlap(a: BBox, b: BBox) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def tidy(rows: Rows) -> Rows:
    """Without the rows and columns that are empty throughout (gaps of the layout), and with
    neighbouring columns that never both hold text in one row joined (`_join_columns`)."""
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    width = max((len(row) for row in rows), default=0)
    keep = [c for c in range(width) if any(c < len(row) and row[c].strip() for row in rows)]
    return _join_columns([[row[c] if c < len(row) else "" for c in keep] for row in rows])


def _join_columns(rows: Rows) -> Rows:
    """Join each column into the one on its left when no row has text in both.

    A ruled grid splits a column wherever a header above it is split (a spanning header, a
    sub-column rule): the values then sit in one grid column and their header in the next,
    never on the same row. Columns that share any row (a header row included) stay apart, so
    sparse columns under their own headers (debit, credit) are kept.
    """
    if not rows:
        return rows
    columns = [[row[c] for row in rows] for c in range(len(rows[0]))]
    joined: list[list[str]] = [columns[0]] if columns else []
    for column in columns[1:]:
        left = joined[-1]
        if any(a.strip() and b.strip() for a, b in zip(left, column, strict=True)):
            joined.append(column)
        else:
            joined[-1] = [a if a.strip() else b for a, b in zip(left, column, strict=True)]
    return [[column[r] for column in joined] for r in range(len(rows))]


def _inside(box: BBox, area: BBox) -> bool:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return area[0] <= cx <= area[2] and area[1] <= cy <= area[3]


def _is_table(rows: Rows) -> bool:
    """Two rows and two columns with text at least: a lone line is no table."""
    filled = [row for row in rows if sum(1 for cell in row if cell.strip()) >= 2]
    return len(filled) >= 2


@dataclass(frozen=True)
class Conventions:
    decimal_comma: bool | None
    date_order: DateOrder


def conventions(tables: list[Table]) -> Conventions:
    """The document's decimal separator and date order, from all its table text."""
    text = "\n".join(cell for table in tables for row in table.rows for cell in row)
    commas, points = len(_DECIMAL_COMMA.findall(text)), len(_DECIMAL_POINT.findall(text))
    decimal_comma = None if commas == points else commas > points
    return Conventions(decimal_comma, date_order_hint(text) or "DMY")


def typed(text: str, rules: Conventions) -> object:
    """A cell's value: int, Decimal, a percentage as a fraction, a date, or the text."""
    cell = text.strip()
    if not cell or not any(ch.isdigit() for ch in cell):
        return cell
    if _PERCENT.fullmatch(cell):
        parsed = parse_number(cell.rstrip("%").strip(), rules.decimal_comma)
        return Percent(Decimal(str(parsed.value)) / 100) if parsed and parsed.exact else cell
    if _NUMERIC_DATE.fullmatch(cell) or (_WORD_DATE.fullmatch(cell) and _has_letters(cell)):
        date = parse_date(cell, rules.date_order)
        if date is not None:
            return dt.date.fromisoformat(str(date.value))
    if _NUMBER.fullmatch(cell) and not _LEADING_ZERO.match(cell.lstrip("(-−+€$£¥₹ ")):
        negative = cell.startswith("(") and cell.endswith(")")
        parsed = parse_number(cell.strip("()"), rules.decimal_comma)
        if parsed is None:
            return cell
        number = str(parsed.value)
        value = Decimal(number)
        value = -value if negative and value > 0 else value
        if value == value.to_integral_value() and "." not in number:
            return int(value)
        return value
    return cell


def _has_letters(text: str) -> bool:
    return sum(ch.isalpha() for ch in text) >= 3


@dataclass(frozen=True)
class Percent:
    fraction: Decimal


def to_xlsx(tables: list[Table]) -> bytes:
    """One sheet per table, named by page and position, cells typed."""
    rules = conventions(tables)
    workbook = Workbook()
    workbook.remove(workbook.active)
    per_page: dict[int, int] = {}
    for table in tables:
        per_page[table.page] = per_page.get(table.page, 0) + 1
        sheet = workbook.create_sheet(f"Page {table.page} table {per_page[table.page]}")
        widths: dict[int, int] = {}
        for r, row in enumerate(table.rows, start=1):
            for c, text in enumerate(row, start=1):
                value = typed(text, rules)
                cell = sheet.cell(row=r, column=c)
                if isinstance(value, Percent):
                    cell.value = float(value.fraction)
                    cell.number_format = "0.00%"
                elif isinstance(value, Decimal):
                    cell.value = float(value)
                    places = max(0, -value.as_tuple().exponent)  # type: ignore[operator]
                    cell.number_format = "#,##0." + "0" * places if places else "#,##0"
                elif isinstance(value, dt.date):
                    cell.value = value
                    cell.number_format = "yyyy-mm-dd"
                else:
                    cell.value = value
                    if isinstance(value, str):
                        # Text from the PDF stays text: `=HYPERLINK(...)` printed on a page
                        # must not become a live formula in the workbook.
                        cell.data_type = "s"
                widths[c] = max(widths.get(c, 0), len(text))
        for c, width in widths.items():
            sheet.column_dimensions[get_column_letter(c)].width = min(max(width + 2, 8), 60)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def to_csv(tables: list[Table]) -> bytes:
    """The tables' cell texts as printed, one table after another with a blank row between."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for position, table in enumerate(tables):
        if position:
            writer.writerow([])
        writer.writerows([[csv_cell_safe(text) for text in row] for row in table.rows])
    return buffer.getvalue().encode("utf-8-sig")
