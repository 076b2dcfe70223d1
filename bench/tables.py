"""ICDAR 2013 table competition: adjacency-relation F1 of Casefile's generic table extraction.

Called by `bench/__main__.py` and usable alone (`python -m bench.tables [--peer]`). The set
(`../shared/eval/tables/icdar2013`, see its README) gives each table's page and area
(`NAME-reg.xml`) and its cells (`NAME-str.xml`). The score is the competition's: every cell and
its nearest non-empty neighbour to the right and below form relations (content pair and
direction); precision and recall count relations found in the truth, micro-averaged over the
set. Contents are compared lower-cased without whitespace. Two modes:
- page: the extractor finds the tables itself on each page that holds a table;
- region: the extractor is given each table's area.
Casefile runs in process (`page_tables` and `region_table` of `extraction/engine/tables.py`);
the peers, camelot's stream mode and pdfplumber's table finder with its text strategies (the
libraries considered for unruled tables), run in their own virtual environment
(`var/bench-tables-venv`) through `bench/camelot_driver.py`, so they never touch Casefile's
dependencies. Casefile's page time includes reading the page's words, as the peers' includes
parsing the page.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pymupdf

from extraction.engine.tables import page_tables, region_table
from extraction.engine.words import text_layer_words

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SET = REPO.parent / "shared" / "eval" / "tables" / "icdar2013"
PEER_VENV = REPO / "var" / "bench-tables-venv"
PEER_DRIVER = Path(__file__).resolve().parent / "camelot_driver.py"
PEER_PACKAGES = ("camelot-py==2.0.0", "pdfplumber==0.11.10")
PEERS = (
    ("camelot", "camelot stream (2.0.0)"),
    ("pdfplumber", "pdfplumber text strategies (0.11.10)"),
)

Grid = list[list[str]]
Relation = tuple[str, str, str]
Log = Callable[[str], None]


@dataclass(frozen=True)
class Cell:
    row: int
    col: int
    end_row: int
    end_col: int
    text: str


@dataclass(frozen=True)
class Table:
    pdf: Path
    page: int
    """1-based."""
    area: tuple[float, float, float, float]
    """x0, top, x1, bottom in PDF points from the top-left (PyMuPDF's space)."""
    cells: tuple[Cell, ...]
    pdf_area: tuple[float, float, float, float]
    """The same area as the set gives it: x0, y0, x1, y1 from the bottom-left."""


@dataclass
class Tally:
    found: int = 0
    predicted: int = 0
    expected: int = 0
    seconds: float = 0.0
    pages: int = 0

    def add(self, predicted: Counter[Relation], expected: Counter[Relation]) -> None:
        self.found += sum((predicted & expected).values())
        self.predicted += sum(predicted.values())
        self.expected += sum(expected.values())

    @property
    def precision(self) -> float:
        return self.found / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Result:
    name: str
    page: Tally = field(default_factory=Tally)
    region: Tally = field(default_factory=Tally)
    note: str = ""


def normalise(text: str) -> str:
    return "".join(text.split()).lower()


def relations(cells: Iterable[Cell]) -> Counter[Relation]:
    """Each cell with its nearest non-empty neighbour to the right and below (spans included)."""
    grid: dict[tuple[int, int], Cell] = {}
    for cell in cells:
        if not normalise(cell.text):
            continue
        for r in range(cell.row, cell.end_row + 1):
            for c in range(cell.col, cell.end_col + 1):
                grid[(r, c)] = cell
    if not grid:
        return Counter()
    width = max(c for _, c in grid) + 1
    height = max(r for r, _ in grid) + 1
    found: set[tuple[Cell, Cell, str]] = set()
    for cell in set(grid.values()):
        for r in range(cell.row, cell.end_row + 1):
            for c in range(cell.end_col + 1, width):
                if (r, c) in grid:
                    found.add((cell, grid[(r, c)], "h"))
                    break
        for c in range(cell.col, cell.end_col + 1):
            for r in range(cell.end_row + 1, height):
                if (r, c) in grid:
                    found.add((cell, grid[(r, c)], "v"))
                    break
    return Counter((normalise(a.text), normalise(b.text), d) for a, b, d in found)


def grid_cells(grid: Grid) -> list[Cell]:
    return [
        Cell(r, c, r, c, text) for r, row in enumerate(grid) for c, text in enumerate(row) if text
    ]


def load_set(folder: Path) -> list[Table]:
    """The set's tables, in file and table order, with PyMuPDF-space areas."""
    tables: list[Table] = []
    for pdf in sorted(folder.glob("*.pdf")):
        structure = folder / f"{pdf.stem}-str.xml"
        regions = folder / f"{pdf.stem}-reg.xml"
        if not structure.exists() or not regions.exists():
            continue
        with pymupdf.open(pdf) as document:
            heights = [page.mediabox.height for page in document]
        areas = {
            (table.get("id"), region.get("page")): region.find("bounding-box")
            for table in ET.parse(regions).getroot().iter("table")
            for region in table.iter("region")
        }
        for table in ET.parse(structure).getroot().iter("table"):
            for region in table.iter("region"):
                page = int(region.get("page", "1"))
                box = areas.get((table.get("id"), region.get("page")))
                if box is None:
                    continue
                x1, y1, x2, y2 = (float(box.get(k, "0")) for k in ("x1", "y1", "x2", "y2"))
                height = heights[page - 1]
                cells = tuple(
                    Cell(
                        int(cell.get("start-row", "0")),
                        int(cell.get("start-col", "0")),
                        int(cell.get("end-row", cell.get("start-row", "0"))),
                        int(cell.get("end-col", cell.get("start-col", "0"))),
                        cell.findtext("content") or "",
                    )
                    for cell in region.iter("cell")
                )
                area = (min(x1, x2), height - max(y1, y2), max(x1, x2), height - min(y1, y2))
                pdf_area = (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))
                tables.append(Table(pdf, page, area, cells, pdf_area))
    return tables


def score(
    tables: list[Table],
    page_grids: dict[tuple[str, int], list[Grid]],
    region_grids: list[Grid] | None,
) -> tuple[Tally, Tally]:
    """Page mode pools every table of a page; region mode compares table by table."""
    page, region = Tally(), Tally()
    expected_by_page: dict[tuple[str, int], Counter[Relation]] = {}
    for table in tables:
        key = (table.pdf.name, table.page)
        expected_by_page.setdefault(key, Counter()).update(relations(table.cells))
    for key, expected in expected_by_page.items():
        predicted: Counter[Relation] = Counter()
        for grid in page_grids.get(key, []):
            predicted.update(relations(grid_cells(grid)))
        page.add(predicted, expected)
    if region_grids is not None:
        for table, grid in zip(tables, region_grids, strict=True):
            region.add(relations(grid_cells(grid)), relations(table.cells))
    return page, region


def run_casefile(tables: list[Table]) -> Result:
    page_grids: dict[tuple[str, int], list[Grid]] = {}
    region_grids: list[Grid] = []
    documents: dict[Path, pymupdf.Document] = {}
    page_seconds = region_seconds = 0.0
    for table in tables:
        document = documents.get(table.pdf) or documents.setdefault(
            table.pdf, pymupdf.open(table.pdf)
        )
        page = document[table.page - 1]
        key = (table.pdf.name, table.page)
        started = time.perf_counter()
        words = text_layer_words(page)
        if key not in page_grids:
            page_grids[key] = page_tables(page, words)
            page_seconds += time.perf_counter() - started
        started = time.perf_counter()
        region_grids.append(region_table(page, words, table.area))
        region_seconds += time.perf_counter() - started
    for document in documents.values():
        document.close()
    result = Result("Casefile")
    result.page, result.region = score(tables, page_grids, region_grids)
    result.page.seconds, result.page.pages = page_seconds, len(page_grids)
    result.region.seconds, result.region.pages = region_seconds, len(tables)
    return result


def prepare_peer(log: Log) -> Path | None:
    """The peers in their own environment, installed once; None (and a log line) when
    impossible."""
    python = PEER_VENV / "bin" / "python"
    if _peer_ready(python):
        return python
    log(f"Setting up {', '.join(PEER_PACKAGES)} in {PEER_VENV.relative_to(REPO)} (once) ...")
    try:
        if not python.exists():
            subprocess.run([sys.executable, "-m", "venv", str(PEER_VENV)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", *PEER_PACKAGES],
            capture_output=True,
            text=True,
            check=True,
            timeout=900,
        )
    except (OSError, subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        detail = getattr(exc, "stderr", "") or str(exc)
        log(f"could not install {', '.join(PEER_PACKAGES)}: {str(detail).strip()[-300:]}")
        return None
    return python if _peer_ready(python) else None


def _peer_ready(python: Path) -> bool:
    if not python.exists():
        return False
    probe = subprocess.run(
        [str(python), "-c", "import camelot, pdfplumber"], capture_output=True, check=False
    )
    return probe.returncode == 0


def run_peer(python: Path, tables: list[Table], tool: str, name: str) -> Result:
    """A peer on each page (page mode) and on each table's area (region mode)."""
    jobs = []
    seen: set[tuple[str, int]] = set()
    for index, table in enumerate(tables):
        key = (table.pdf.name, table.page)
        if key not in seen:
            seen.add(key)
            jobs.append(
                {
                    "id": f"page:{key[0]}:{key[1]}",
                    "tool": tool,
                    "pdf": str(table.pdf),
                    "page": key[1],
                }
            )
        jobs.append(
            {
                "id": f"region:{index}",
                "tool": tool,
                "pdf": str(table.pdf),
                "page": table.page,
                "area": table.pdf_area,
            }
        )
    completed = subprocess.run(
        [str(python), str(PEER_DRIVER)],
        input=json.dumps(jobs),
        capture_output=True,
        text=True,
        check=True,
        timeout=3600,
    )
    answers = {a["id"]: a for a in map(json.loads, completed.stdout.splitlines())}
    page_grids = {
        (table.pdf.name, table.page): answers[f"page:{table.pdf.name}:{table.page}"]["tables"]
        for table in tables
    }
    region_grids = [
        [row for grid in answers[f"region:{index}"]["tables"] for row in grid]
        for index in range(len(tables))
    ]
    result = Result(name)
    result.page, result.region = score(tables, page_grids, region_grids)
    result.page.seconds = sum(a["seconds"] for k, a in answers.items() if k.startswith("page:"))
    result.region.seconds = sum(a["seconds"] for k, a in answers.items() if k.startswith("reg"))
    result.page.pages, result.region.pages = len(page_grids), len(tables)
    return result


def render(results: list[Result], tables: list[Table]) -> list[str]:
    documents = len({table.pdf for table in tables})
    lines = [
        "## Tables: ICDAR 2013",
        "",
        f"{len(tables)} table regions in {documents} PDFs. Adjacency-relation F1 of the competition"
        " (micro-averaged; contents lower-cased without whitespace). Page mode: the tool finds the"
        " tables on each page holding one; region mode: it is given each table's area.",
        "",
        "| tool | page F1 | page precision / recall | region F1 | region precision / recall "
        "| s/page (page mode) |",
        "|---|--:|--:|--:|--:|--:|",
    ]
    for result in results:
        page, region = result.page, result.region
        per_page = page.seconds / page.pages if page.pages else 0.0
        lines.append(
            f"| {result.name} | {page.f1:.1%} | {page.precision:.1%} / {page.recall:.1%} "
            f"| {region.f1:.1%} | {region.precision:.1%} / {region.recall:.1%} | {per_page:.3f} |"
        )
    return lines


def measure(folder: Path, *, peer: bool, log: Log) -> list[str]:
    """The report section; an empty list when the set is not there."""
    if not folder.is_dir():
        log(f"ICDAR 2013 set not found at {folder}, skipped")
        return []
    tables = load_set(folder)
    log(f"ICDAR 2013: Casefile on {len(tables)} tables ...")
    results = [run_casefile(tables)]
    if peer:
        python = prepare_peer(log)
        if python is not None:
            for tool, name in PEERS:
                log(f"ICDAR 2013: {name} ...")
                try:
                    results.append(run_peer(python, tables, tool, name))
                except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
                    log(f"{tool} failed: {str(getattr(exc, 'stderr', exc)).strip()[-300:]}")
    return render(results, tables)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.tables", description=__doc__)
    parser.add_argument(
        "--set",
        default=os.environ.get("CASEFILE_ICDAR_DIR", str(DEFAULT_SET)),
        help="folder of the ICDAR 2013 set",
    )
    parser.add_argument(
        "--peer", action="store_true", help="also run camelot and pdfplumber (own venv)"
    )
    args = parser.parse_args(argv)
    lines = measure(Path(args.set), peer=args.peer, log=_log)
    if not lines:
        return 2
    print("\n".join(lines))
    return 0


def _log(message: str) -> None:
    print(f"[bench.tables] {message}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
