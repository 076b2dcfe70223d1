"""PDF conversion engines, pure code (no Django): PDF bytes in, DOCX/XLSX/CSV/MD/TXT bytes out.

`ENGINES` lists the engines and their output formats; `convert` runs one. Every engine reads
the PDF page by page through extraction's page reader (`pages.read_pages`: text layer, OCR for
scanned pages), then writes its format: `pdf2docx` (`docx.py`), `tables` (`sheets.py`, the
extraction table extractor) and `text` (`text.py`). Failures are `EngineError`s with stable
codes: extraction's (UNSUPPORTED_FILE_TYPE, CORRUPT_FILE, PASSWORD_REQUIRED, TOO_MANY_PAGES,
...) and NO_TABLES_FOUND, CONVERSION_FAILED. `isolation.convert_isolated` runs `convert` in a
child process with the same memory and time limits as extraction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from extraction.engine.types import EngineError, EngineLimits

PercentDone = Callable[[int], None]

NO_TABLES_FOUND = "NO_TABLES_FOUND"


@dataclass(frozen=True)
class OutputFormat:
    name: str
    extension: str
    media_type: str


FORMATS = {
    "docx": OutputFormat(
        "docx",
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "xlsx": OutputFormat(
        "xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    ),
    "csv": OutputFormat("csv", "csv", "text/csv; charset=utf-8"),
    "md": OutputFormat("md", "md", "text/markdown; charset=utf-8"),
    "txt": OutputFormat("txt", "txt", "text/plain; charset=utf-8"),
}


@dataclass(frozen=True)
class Engine:
    id: str
    name: str
    description: str
    input_formats: tuple[str, ...]
    output_formats: tuple[str, ...]


ENGINES: dict[str, Engine] = {
    engine.id: engine
    for engine in (
        Engine(
            "pdf2docx",
            "PDF to Word",
            "An editable Word document: paragraphs with their fonts, images, and tables as Word"
            " tables (pdf2docx). Scanned pages are OCR'd first.",
            ("pdf",),
            ("docx",),
        ),
        Engine(
            "tables",
            "PDF tables to spreadsheet",
            "Every table Casefile's table extractor finds, one sheet per table; numbers,"
            " amounts, percentages and dates as typed cells. CSV: the tables one after another.",
            ("pdf",),
            ("xlsx", "csv"),
        ),
        Engine(
            "text",
            "PDF to text",
            "Markdown with headings, lists and tables as Markdown tables, or plain text, in"
            " reading order. Scanned pages are OCR'd first.",
            ("pdf",),
            ("md", "txt"),
        ),
    )
}


@dataclass(frozen=True)
class Converted:
    content: bytes
    format: OutputFormat
    pages: int


def convert(
    content: bytes,
    engine: str,
    output_format: str,
    *,
    limits: EngineLimits | None = None,
    progress: PercentDone | None = None,
) -> Converted:
    """Convert a PDF; `progress` gets whole percents (0-99) as pages are done."""
    from extraction.conversion.converters import pages as reading

    if engine not in ENGINES or output_format not in ENGINES[engine].output_formats:
        raise ValueError(f"{engine} cannot write {output_format}")
    limits = limits or EngineLimits()
    reading_share = 50 if engine == "pdf2docx" else 95

    def read_progress(done: int, total: int) -> None:
        if progress:
            progress(done * reading_share // total)

    document = reading.open_document(content, limits)
    try:
        read = reading.read_pages(document, limits, read_progress)
        if engine == "pdf2docx":
            from extraction.conversion.converters.docx import to_docx

            def docx_progress(done: int, total: int) -> None:
                if progress:
                    progress(min(99, reading_share + done * (99 - reading_share) // total))

            data = to_docx(reading.text_pdf(document, read), docx_progress)
        elif engine == "tables":
            from extraction.conversion.converters import sheets

            tables = sheets.find_tables(document, read)
            if not tables:
                raise EngineError(NO_TABLES_FOUND, "No table was found in the PDF.")
            data = sheets.to_xlsx(tables) if output_format == "xlsx" else sheets.to_csv(tables)
        else:
            from extraction.conversion.converters import text

            items = [text.page_items(document, page) for page in read]
            data = text.to_markdown(items) if output_format == "md" else text.to_text(items)
        return Converted(data, FORMATS[output_format], len(read))
    finally:
        document.close()
