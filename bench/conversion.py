"""PDF conversion fidelity beside LibreOffice: cells in the right place, words in the right order.

Called by `bench/__main__.py` and usable alone (`python -m bench.conversion [--quick]`). Every
measured page is cut out of its PDF into a one-page PDF, which each tool converts:
- Casefile `tables` -> XLSX and `pdf2docx` -> DOCX, `text` -> Markdown and TXT, each page in
  a child process as the workers run it (`convert_isolated`, CASEFILE_PAGE_TIMEOUT), timed per
  page (the fork included);
- LibreOffice headless (`soffice --infilter=writer_pdf_import --convert-to docx`, what
  Stirling-PDF runs), all pages of a set in one call (its start-up spread over them), when
  `soffice` is installed (`apt-get install libreoffice-writer-nogui`); otherwise its column says
  "not installed".

Cell fidelity, on the tables of the shared table sets (tabula-java's cases with an expected CSV,
ICDAR 2013's `-str.xml` cells): the share of the truth's non-empty cells whose text is found in
the right cell of an output table: the table and the placement (row and column offset) that
place the most truth cells are chosen per truth table, then a cell counts when the output cell
at its row and column (plus that offset) holds the same text. Texts compare lower-cased without
whitespace; a typed XLSX number or date compares by value (`1,250.50` = 1250.5, `25%` = 0.25).
A DOCX's cells are its Word tables' cells; text that is not in a Word table places no cell.

Word-order agreement, on text pages (the first page of each ICDAR 2013 PDF, which are report
pages of prose, headings and tables, and the docling OCR pages, whose truth is the expected
text): 2*M / (words in the reference + words in the output), where M is the number of words
matched in order (difflib's longest matching blocks, the Ratcliff-Obershelp measure). The
reference is the page's own text layer in PyMuPDF's reading order, or the expected text for the
scanned pages; outputs are read whole (a DOCX's body, tables and text frames, in document
order; Markdown without its markup).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import difflib
import io
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import docx
import openpyxl
import pymupdf

from bench.tables import Cell, load_set
from extraction.conversion.converters.isolation import convert_isolated
from extraction.engine.types import EngineError, EngineLimits

REPO = Path(__file__).resolve().parents[1]
DEFAULT_EVAL_DIR = REPO.parent / "shared" / "eval"
ICDAR_TABLE_PAGES = 8
"""Pages of ICDAR 2013 measured (its first, in file order): pdf2docx takes seconds a page."""
QUICK_TABLE_PAGES = 6
TEXT_PAGES = 6
QUICK_TEXT_PAGES = 3
LIBREOFFICE_TIMEOUT = 900
CASEFILE_PAGE_TIMEOUT = 180.0
"""A page Casefile has not converted in this time (in a child process, as the workers run it)
counts as a failure, like a timed-out job."""
SOFFICE = "soffice"

Grid = list[list[object]]
Log = Callable[[str], None]


@dataclass(frozen=True)
class TruthTable:
    source: str
    page_pdf: Path
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class TextPage:
    source: str
    page_pdf: Path
    reference: str


@dataclass
class Tally:
    correct: int = 0
    total: int = 0
    seconds: float = 0.0
    pages: int = 0
    failures: int = 0

    @property
    def share(self) -> float | None:
        return self.correct / self.total if self.total else None


@dataclass
class Agreement:
    scores: list[float] = field(default_factory=list)
    seconds: float = 0.0
    pages: int = 0
    failures: int = 0

    @property
    def mean(self) -> float | None:
        return sum(self.scores) / len(self.scores) if self.scores else None


# --- Sets ----------------------------------------------------------------------------------


def page_pdf(pdf: Path, page: int, folder: Path) -> Path:
    """The 1-based `page` of `pdf` as a one-page PDF in `folder` (made once)."""
    target = folder / f"{pdf.stem}-p{page}.pdf"
    if not target.exists():
        with pymupdf.open(pdf) as source, pymupdf.open() as single:
            single.insert_pdf(source, from_page=page - 1, to_page=page - 1)
            single.save(target)
    return target


def tabula_tables(eval_dir: Path, folder: Path) -> list[TruthTable]:
    """tabula-java's cases that have an expected CSV, one per PDF page (the first listed)."""
    base = eval_dir / "tables" / "tabula-java"
    manifest = base / "manifest.json"
    if not manifest.exists():
        return []
    import json

    tables: list[TruthTable] = []
    seen: set[tuple[str, int]] = set()
    for case in json.loads(manifest.read_text())["cases"]:
        expected = [name for name in case["expected"] if name.endswith(".csv")]
        pdf = (base / case["pdf"]).resolve()
        key = (str(pdf), int(case["page"]))
        if not expected or not pdf.exists() or key in seen:
            continue
        seen.add(key)
        with open(base / expected[0], newline="", encoding="utf-8") as handle:
            rows = list(csv.reader(handle))
        cells = tuple(
            Cell(r, c, r, c, text)
            for r, row in enumerate(rows)
            for c, text in enumerate(row)
            if text.strip()
        )
        tables.append(TruthTable(f"tabula-java/{pdf.name}", page_pdf(pdf, key[1], folder), cells))
    return tables


def icdar_tables(eval_dir: Path, folder: Path, pages: int) -> list[TruthTable]:
    """ICDAR 2013's tables on its first `pages` table pages."""
    icdar = eval_dir / "tables" / "icdar2013"
    if not icdar.is_dir():
        return []
    chosen: list[tuple[Path, int]] = []
    tables: list[TruthTable] = []
    for table in load_set(icdar):
        key = (table.pdf, table.page)
        if key not in chosen:
            if len(chosen) >= pages:
                break
            chosen.append(key)
        source = f"icdar2013/{table.pdf.stem} p{table.page}"
        tables.append(TruthTable(source, page_pdf(table.pdf, table.page, folder), table.cells))
    return tables


def text_pages(eval_dir: Path, folder: Path, pages: int) -> list[TextPage]:
    """The first page of the first ICDAR 2013 PDFs (text layer as reference) and the docling
    OCR pages (expected text as reference)."""
    found: list[TextPage] = []
    icdar = eval_dir / "tables" / "icdar2013"
    for pdf in sorted(icdar.glob("*.pdf"))[:pages]:
        single = page_pdf(pdf, 1, folder)
        with pymupdf.open(single) as document:
            reference = document[0].get_text("text")
        if len(words(reference)) >= 50:
            found.append(TextPage(f"icdar2013/{pdf.stem} p1", single, reference))
    docling = eval_dir / "ocr" / "docling-samples"
    expected = docling / "ocr_test.expected.txt"
    if expected.exists():
        reference = expected.read_text(encoding="utf-8")
        names = (
            ["ocr_test.pdf"]
            if pages <= QUICK_TEXT_PAGES
            else sorted(p.name for p in docling.glob("ocr_test*.pdf"))
        )
        for name in names:
            found.append(
                TextPage(
                    f"docling/{name} (scanned)", page_pdf(docling / name, 1, folder), reference
                )
            )
    return found


# --- Reading outputs -----------------------------------------------------------------------


def xlsx_grids(content: bytes) -> list[Grid]:
    workbook = openpyxl.load_workbook(io.BytesIO(content), data_only=True)
    return [[list(row) for row in sheet.iter_rows(values_only=True)] for sheet in workbook]


def docx_grids(content: bytes) -> list[Grid]:
    """The Word tables' cell texts. A table python-docx cannot read (a vertical merge with no
    cell above it, as pdf2docx sometimes writes) places no cell: it counts as missed."""
    document = docx.Document(io.BytesIO(content))
    grids: list[Grid] = []
    pending = list(document.tables)
    while pending:
        table = pending.pop(0)
        try:
            rows = [list(row.cells) for row in table.rows]
        except ValueError:
            continue
        grids.append([[cell.text for cell in row] for row in rows])
        for row in rows:
            for cell in row:
                pending.extend(cell.tables)
    return grids


_W_T = re.compile(rb"<w:t(?: [^>]*)?>([^<]*)</w:t>|<w:(?:p|br|tab)[ />]")


def docx_text(content: bytes) -> str:
    """Every run of text of the DOCX body (paragraphs, tables, text frames and shapes) in
    document order; paragraph ends, breaks and tabs as spaces."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        xml = archive.read("word/document.xml")
    parts = []
    for match in _W_T.finditer(xml):
        parts.append(match.group(1).decode("utf-8") if match.group(1) is not None else " ")
    import html

    return html.unescape("".join(parts))


_MD_MARKUP = re.compile(r"^#+\s|^\s*[-*]\s|^\|?-{3,}.*$|\\(?=[\\`*_\[\]<>|#+-])|\|", re.MULTILINE)


def markdown_text(content: bytes) -> str:
    return _MD_MARKUP.sub(" ", content.decode("utf-8"))


# --- Scoring -------------------------------------------------------------------------------

_NUMBER = re.compile(r"\(?[-−+]?[$€£]?\d[\d,.]*%?\)?")


def canon(value: object) -> str:
    """A cell's comparable form: numbers and dates by value, text lower-cased without spaces."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float | Decimal):
        return _decimal(Decimal(str(value)))
    if isinstance(value, dt.datetime | dt.date):
        return (value.date() if isinstance(value, dt.datetime) else value).isoformat()
    text = re.sub(r"\s+", "", str(value)).lower()
    if _NUMBER.fullmatch(text):
        negative = (text.startswith("(") and text.endswith(")")) or text.lstrip("(").startswith(
            ("-", "−")
        )
        digits = re.sub(r"[^\d.,]", "", text)
        head, comma, tail = digits.rpartition(",")
        if comma and "." not in tail and len(tail) != 3:  # a decimal comma: 1.393,4
            digits = head.replace(".", "") + "." + tail
        digits = digits.replace(",", "")
        try:
            number = Decimal(digits)
        except InvalidOperation:
            return text
        if text.rstrip(")").endswith("%"):
            number /= 100
        return _decimal(-number if negative else number)
    return text


def _decimal(number: Decimal) -> str:
    normal = number.normalize()
    return format(normal, "f") if normal == normal else str(number)


def table_score(truth: tuple[Cell, ...], grids: list[Grid]) -> int:
    """Truth cells placed right in the best output table at its best offset."""
    wanted = [(cell.row, cell.col, canon(cell.text)) for cell in truth if canon(cell.text)]
    best = 0
    for grid in grids:
        where: dict[str, list[tuple[int, int]]] = {}
        for r, row in enumerate(grid):
            for c, value in enumerate(row):
                key = canon(value)
                if key:
                    where.setdefault(key, []).append((r, c))
        votes: Counter[tuple[int, int]] = Counter()
        for row_index, col_index, text in wanted:
            for r, c in where.get(text, [])[:20]:
                votes[(r - row_index, c - col_index)] += 1
        for (dr, dc), _ in votes.most_common(3):
            placed = sum(
                1
                for row, col, text in wanted
                if 0 <= row + dr < len(grid)
                and 0 <= col + dc < len(grid[row + dr])
                and canon(grid[row + dr][col + dc]) == text
            )
            best = max(best, placed)
    return best


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def order_agreement(reference: str, output: str) -> float:
    ref, out = words(reference), words(output)
    if not ref and not out:
        return 1.0
    matcher = difflib.SequenceMatcher(None, ref, out, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return 2 * matched / (len(ref) + len(out))


# --- Running -------------------------------------------------------------------------------


def casefile_output(
    page: Path, engine: str, output_format: str, tally: Tally | Agreement
) -> bytes | None:
    content = page.read_bytes()
    started = time.perf_counter()
    try:
        result = convert_isolated(
            content,
            engine,
            output_format,
            limits=EngineLimits(),
            timeout_seconds=CASEFILE_PAGE_TIMEOUT,
            memory_limit_bytes=None,
        ).content
    except EngineError:
        result = None
        tally.failures += 1
    tally.seconds += time.perf_counter() - started
    tally.pages += 1
    return result


def libreoffice_available() -> bool:
    return shutil.which(SOFFICE) is not None


def libreoffice_convert(pages: list[Path], folder: Path) -> tuple[dict[Path, bytes], float, str]:
    """Every page to DOCX in one soffice call; (outputs by page, wall seconds, problem)."""
    out = folder / "libreoffice"
    out.mkdir(exist_ok=True)
    profile = folder / "lo-profile"
    command = [
        SOFFICE,
        f"-env:UserInstallation=file://{profile}",
        "--headless",
        "--norestore",
        "--infilter=writer_pdf_import",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        str(out),
        *[str(page) for page in pages],
    ]
    started = time.perf_counter()
    problem = ""
    try:
        subprocess.run(command, capture_output=True, timeout=LIBREOFFICE_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        problem = f"timed out after {LIBREOFFICE_TIMEOUT} s"
    seconds = time.perf_counter() - started
    outputs = {}
    for page in pages:
        produced = out / f"{page.stem}.docx"
        if produced.exists():
            outputs[page] = produced.read_bytes()
    return outputs, seconds, problem


@dataclass
class Report:
    cells: dict[str, dict[str, Tally]] = field(default_factory=dict)
    order: dict[str, dict[str, Agreement]] = field(default_factory=dict)
    truth_tables: dict[str, int] = field(default_factory=dict)
    text_pages: int = 0
    libreoffice: str = ""
    notes: list[str] = field(default_factory=list)


TABLE_TOOLS = ("Casefile tables XLSX", "Casefile pdf2docx DOCX", "LibreOffice DOCX")
TEXT_TOOLS = ("Casefile text MD", "Casefile text TXT", "Casefile pdf2docx DOCX", "LibreOffice DOCX")


def measure_cells(
    sets: dict[str, list[TruthTable]], folder: Path, report: Report, log: Log
) -> None:
    lo = libreoffice_available()
    for name, tables in sets.items():
        tallies = {tool: Tally() for tool in TABLE_TOOLS}
        report.cells[name] = tallies
        report.truth_tables[name] = len(tables)
        pages = list(dict.fromkeys(table.page_pdf for table in tables))
        log(f"conversion: {name}, {len(tables)} tables on {len(pages)} pages ...")
        xlsx: dict[Path, list[Grid]] = {}
        docx_out: dict[Path, list[Grid]] = {}
        for page in pages:
            produced = casefile_output(page, "tables", "xlsx", tallies[TABLE_TOOLS[0]])
            xlsx[page] = xlsx_grids(produced) if produced else []
            produced = casefile_output(page, "pdf2docx", "docx", tallies[TABLE_TOOLS[1]])
            docx_out[page] = docx_grids(produced) if produced else []
        lo_out: dict[Path, list[Grid]] = {}
        if lo:
            outputs, seconds, problem = libreoffice_convert(pages, folder)
            tally = tallies[TABLE_TOOLS[2]]
            tally.seconds, tally.pages = seconds, len(pages)
            tally.failures = len(pages) - len(outputs)
            if problem:
                report.notes.append(f"LibreOffice on {name}: {problem}.")
            lo_out = {page: docx_grids(content) for page, content in outputs.items()}
        for table in tables:
            total = sum(1 for cell in table.cells if canon(cell.text))
            for tool, grids in zip(TABLE_TOOLS, (xlsx, docx_out, lo_out), strict=True):
                if tool == TABLE_TOOLS[2] and not lo:
                    continue
                tallies[tool].total += total
                tallies[tool].correct += table_score(table.cells, grids.get(table.page_pdf, []))


def measure_order(pages: list[TextPage], folder: Path, report: Report, log: Log) -> None:
    log(f"conversion: word order on {len(pages)} text pages ...")
    agreements = {tool: Agreement() for tool in TEXT_TOOLS}
    report.order["text pages"] = agreements
    report.text_pages = len(pages)
    readers = (
        ("text", "md", markdown_text),
        ("text", "txt", lambda content: content.decode("utf-8")),
        ("pdf2docx", "docx", docx_text),
    )
    for page in pages:
        for tool, (engine, output_format, read) in zip(TEXT_TOOLS, readers, strict=False):
            produced = casefile_output(page.page_pdf, engine, output_format, agreements[tool])
            text = read(produced) if produced else ""
            agreements[tool].scores.append(order_agreement(page.reference, text))
    if libreoffice_available():
        outputs, seconds, problem = libreoffice_convert([p.page_pdf for p in pages], folder)
        lo = agreements[TEXT_TOOLS[3]]
        lo.seconds, lo.pages = seconds, len(pages)
        lo.failures = len(pages) - len(outputs)
        if problem:
            report.notes.append(f"LibreOffice on text pages: {problem}.")
        for page in pages:
            text = docx_text(outputs[page.page_pdf]) if page.page_pdf in outputs else ""
            lo.scores.append(order_agreement(page.reference, text))


def libreoffice_version() -> str:
    if not libreoffice_available():
        return ""
    try:
        done = subprocess.run([SOFFICE, "--version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return "LibreOffice (version unknown)"
    return done.stdout.strip() or "LibreOffice"


def measure(eval_dir: Path, *, quick: bool, log: Log, icdar_pages: int | None = None) -> list[str]:
    """Run the conversion bench and return its Markdown section. `icdar_pages`: how many of
    ICDAR 2013's table pages (default `ICDAR_TABLE_PAGES`; 0 for all of them)."""
    report = Report(libreoffice=libreoffice_version())
    with tempfile.TemporaryDirectory(prefix="casefile-conversion-bench-") as temp:
        folder = Path(temp)
        table_pages = QUICK_TABLE_PAGES if quick else ICDAR_TABLE_PAGES
        if icdar_pages is not None:
            table_pages = icdar_pages or 10_000
        label = "every table page" if table_pages >= 10_000 else f"first {table_pages} table pages"
        sets = {
            "tabula-java cases": tabula_tables(eval_dir, folder),
            f"ICDAR 2013 ({label})": icdar_tables(eval_dir, folder, table_pages),
        }
        sets = {name: tables for name, tables in sets.items() if tables}
        measure_cells(sets, folder, report, log)
        pages = text_pages(eval_dir, folder, QUICK_TEXT_PAGES if quick else TEXT_PAGES)
        if pages:
            measure_order(pages, folder, report, log)
    return render(report)


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def _per_page(seconds: float, pages: int) -> str:
    return f"{seconds / pages:.2f}" if pages else "–"


def render(report: Report) -> list[str]:
    lo = report.libreoffice or "not installed (`apt-get install libreoffice-writer-nogui`)"
    lines = [
        "## PDF conversion beside LibreOffice",
        "",
        "`bench/conversion.py`: each measured page cut into a one-page PDF and converted by"
        " Casefile's engines (a child process per page, as the workers run them) and by"
        " LibreOffice's PDF import to DOCX"
        f" (`soffice --headless --infilter=writer_pdf_import`; {lo}; all pages of a set in one"
        " call, so its start-up is spread over them). Cell fidelity: the share of the truth's"
        " non-empty cells whose text lands in the right cell of an output table (best table and"
        " placement per truth table; XLSX numbers and dates compared by value). Word order:"
        " 2 x words matched in order / (reference words + output words).",
        "",
        "| table set | tables | truth cells | " + " | ".join(TABLE_TOOLS) + " |",
        "|---|--:|--:|" + "--:|" * len(TABLE_TOOLS),
    ]
    for name, tallies in report.cells.items():
        first = next(iter(tallies.values()))
        shares = [
            _pct(t.share) if t.total and (t.pages or not tool.startswith("LibreOffice")) else "–"
            for tool, t in tallies.items()
        ]
        lines.append(
            f"| {name} | {report.truth_tables[name]} | {first.total} | " + " | ".join(shares) + " |"
        )
    if report.order:
        lines += [
            "",
            f"Word-order agreement on {report.text_pages} text pages (report pages of ICDAR 2013"
            " against their own text layer; the docling scans against their expected text):",
            "",
            "| pages | " + " | ".join(TEXT_TOOLS) + " |",
            "|---|" + "--:|" * len(TEXT_TOOLS),
        ]
        for name, agreements in report.order.items():
            lines.append(
                f"| {name} | "
                + " | ".join(_pct(a.mean) if a.pages else "–" for a in agreements.values())
                + " |"
            )
    lines += [
        "",
        "Seconds per page (wall, this machine under its current load; failures are pages a tool"
        " produced nothing for):",
        "",
        "| tool | table pages s/page | text pages s/page | failures |",
        "|---|--:|--:|--:|",
    ]
    table_tallies: dict[str, Tally] = {}
    for tallies in report.cells.values():
        for tool, tally in tallies.items():
            sum_ = table_tallies.setdefault(tool, Tally())
            sum_.seconds += tally.seconds
            sum_.pages += tally.pages
            sum_.failures += tally.failures
    text: dict[str, Agreement] = next(iter(report.order.values()), {})
    for tool in dict.fromkeys([*TABLE_TOOLS, *TEXT_TOOLS]):
        t = table_tallies.get(tool)
        a = text.get(tool) if text else None
        failures = (t.failures if t else 0) + (a.failures if a else 0)
        lines.append(
            f"| {tool} | {_per_page(t.seconds, t.pages) if t else '–'} | "
            f"{_per_page(a.seconds, a.pages) if a else '–'} | {failures} |"
        )
    lines += [f"- {note}" for note in report.notes]
    return lines


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.conversion", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--quick", action="store_true", help="fewer pages")
    parser.add_argument(
        "--icdar-pages",
        type=int,
        default=None,
        help=f"ICDAR 2013 table pages to measure (default {ICDAR_TABLE_PAGES}; 0: all)",
    )
    parser.add_argument("--eval-dir", default=str(DEFAULT_EVAL_DIR))
    args = parser.parse_args(argv)
    lines = measure(Path(args.eval_dir), quick=args.quick, log=_log, icdar_pages=args.icdar_pages)
    print("\n".join(lines))
    return 0


def _log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
