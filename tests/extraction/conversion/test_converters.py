"""The pure conversion engines: PDF bytes in, DOCX/XLSX/CSV/MD/TXT bytes out."""

from __future__ import annotations

import csv
import datetime as dt
import io

import docx
import openpyxl
import pytest

from extraction.conversion.converters import ENGINES, NO_TABLES_FOUND, convert
from extraction.engine.types import EngineError, EngineErrorCode, EngineLimits
from tests.documents import pdf_with_lines
from tests.extraction.conversion.samples import TABLE_ROWS


def test_every_engine_lists_pdf_in_and_its_formats_out():
    assert {engine: e.output_formats for engine, e in ENGINES.items()} == {
        "pdf2docx": ("docx",),
        "tables": ("xlsx", "csv"),
        "text": ("md", "txt"),
    }


def test_tables_to_xlsx_writes_one_sheet_per_table_with_typed_cells(table_pdf):
    result = convert(table_pdf, "tables", "xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(result.content))
    assert workbook.sheetnames == ["Page 1 table 1"]
    rows = [list(row) for row in workbook.active.iter_rows(values_only=True)]
    assert rows[0] == TABLE_ROWS[0]
    assert rows[1][0] == "Apples"
    assert rows[1][1] == 12
    assert rows[1][2] == pytest.approx(1250.50)
    assert rows[1][3] == dt.datetime(2024, 3, 14)
    assert rows[1][4] == pytest.approx(0.25)
    assert rows[3][2] == pytest.approx(-15.0)
    sheet = workbook.active
    assert sheet["D2"].number_format == "yyyy-mm-dd"
    assert sheet["E2"].number_format == "0.00%"
    assert result.pages == 1


def test_tables_to_csv_keeps_cells_as_printed(table_pdf):
    result = convert(table_pdf, "tables", "csv")
    rows = list(csv.reader(io.StringIO(result.content.decode("utf-8-sig"))))
    assert rows == TABLE_ROWS
    assert result.format.media_type.startswith("text/csv")


FORMULA_ROWS = [
    ["Item", "Note", "Amount"],
    ["Tea", "=HYPERLINK(A9)", "-12.50"],
    ["Cake", "@SUM(1+1)", "+3.00"],
]


def test_cell_text_that_looks_like_a_formula_stays_text_in_xlsx_and_csv():
    from tests.extraction.conversion.samples import table_pdf as make_table

    pdf = make_table(FORMULA_ROWS)
    workbook = openpyxl.load_workbook(io.BytesIO(convert(pdf, "tables", "xlsx").content))
    note = workbook.active["B2"]
    assert note.data_type == "s"
    assert str(note.value).startswith("=HYPERLINK")
    assert workbook.active["C2"].value == pytest.approx(-12.5)  # numbers stay numbers
    rows = list(csv.reader(io.StringIO(convert(pdf, "tables", "csv").content.decode("utf-8-sig"))))
    assert rows[1][1].startswith("'=HYPERLINK")
    assert rows[2][1] == "'@SUM(1+1)"
    assert (rows[1][2], rows[2][2]) == ("-12.50", "+3.00")


def test_tables_on_a_pdf_without_tables_fails_with_no_tables_found():
    with pytest.raises(EngineError) as caught:
        convert(pdf_with_lines(["Just one line of prose."]), "tables", "xlsx")
    assert caught.value.code == NO_TABLES_FOUND


def test_text_to_markdown_has_headings_lists_paragraphs_and_tables(prose_pdf, table_pdf):
    markdown = convert(prose_pdf, "text", "md").content.decode()
    assert "# Annual Summary" in markdown
    assert "## Highlights" in markdown
    assert "- Revenue grew in every region\n- Two new offices opened" in markdown
    assert "strong fourth quarter and the board proposes a higher dividend." in markdown
    table_markdown = convert(table_pdf, "text", "md").content.decode()
    assert "| Item | Quantity | Price | Date | Share |\n|---|---|---|---|---|" in table_markdown
    assert "| Apples | 12 | 1,250.50 | 2024-03-14 | 25% |" in table_markdown


def test_text_to_txt_is_plain_text_in_reading_order(prose_pdf):
    text = convert(prose_pdf, "text", "txt").content.decode()
    assert "#" not in text
    assert text.index("Annual Summary") < text.index("Highlights") < text.index("dividend")


def test_pdf2docx_writes_paragraphs_and_the_table_as_a_word_table(table_pdf):
    result = convert(table_pdf, "pdf2docx", "docx")
    document = docx.Document(io.BytesIO(result.content))
    assert "Fruit report" in "\n".join(p.text for p in document.paragraphs)
    assert len(document.tables) == 1
    cells = [[cell.text.strip() for cell in row.cells] for row in document.tables[0].rows]
    assert cells == TABLE_ROWS


def test_a_scanned_pdf_is_ocrd_so_every_engine_outputs_its_text(scanned_pdf, ocr_once):
    progress: list[int] = []
    text = convert(scanned_pdf, "text", "txt", progress=progress.append).content.decode()
    assert "Scanned contract" in text
    assert "thirty days" in text
    assert progress
    assert progress[-1] >= 90
    document = docx.Document(io.BytesIO(convert(scanned_pdf, "pdf2docx", "docx").content))
    assert "Scanned contract" in "\n".join(p.text for p in document.paragraphs)


def test_progress_moves_page_by_page():
    pdf = pdf_with_lines([[f"Page {n} text"] for n in range(1, 5)])
    progress: list[int] = []
    convert(pdf, "text", "md", progress=progress.append)
    assert progress == sorted(progress)
    assert len(set(progress)) == 4


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"0" * 64, EngineErrorCode.UNSUPPORTED_FILE_TYPE),
        (b"plain text, not a PDF", EngineErrorCode.UNSUPPORTED_FILE_TYPE),
        (b"%PDF-1.7\n garbage without objects", EngineErrorCode.CORRUPT_FILE),
    ],
)
def test_anything_but_a_readable_pdf_fails_with_a_stable_code(content, code):
    with pytest.raises(EngineError) as caught:
        convert(content, "text", "md")
    assert caught.value.code == code


def test_a_pdf_over_the_page_limit_fails_with_too_many_pages():
    pdf = pdf_with_lines([["one"], ["two"], ["three"]])
    with pytest.raises(EngineError) as caught:
        convert(pdf, "text", "txt", limits=EngineLimits(max_pages=2))
    assert caught.value.code == EngineErrorCode.TOO_MANY_PAGES


def test_an_unknown_engine_or_format_is_refused():
    with pytest.raises(ValueError, match="cannot write"):
        convert(pdf_with_lines(["x"]), "tables", "docx")


def test_tidy_drops_empty_rows_and_columns_and_joins_a_header_split_from_its_values():
    from extraction.conversion.converters.sheets import tidy

    rows = [
        ["", "", "THRESHOLD", "", ""],
        ["", "", "to air", "", "to water"],
        ["", "", "", "", ""],
        ["Carbon dioxide", "100 million", "", "-", ""],
        ["Methane", "100 000", "", "-", ""],
    ]
    assert tidy(rows) == [
        ["", "THRESHOLD", ""],
        ["", "to air", "to water"],
        ["Carbon dioxide", "100 million", "-"],
        ["Methane", "100 000", "-"],
    ]


def test_tidy_keeps_sparse_columns_that_share_a_header_row():
    from extraction.conversion.converters.sheets import tidy

    rows = [["Item", "Debit", "Credit"], ["Rent", "900.00", ""], ["Refund", "", "40.00"]]
    assert tidy(rows) == rows
