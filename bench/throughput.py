"""Engine throughput: pages per second on a text-layer corpus and on an OCR corpus.

Run: `python bench/throughput.py [TEXT_DIR] [OCR_DIR]` (defaults: shared/eval/invoices and
shared/eval/invoices-ocr beside the repository). Each document goes through `run_engine` in
process, once, after one warm-up call so that model loading is not counted.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extraction.engine import run_engine
from extraction.engine.demo_schemas import INVOICE
from extraction.engine.evaluation import DOCUMENT_SUFFIXES
from extraction.engine.types import EngineInput

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def measure(folder: Path) -> tuple[int, float]:
    """(pages, seconds) over every document of the folder."""
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in DOCUMENT_SUFFIXES)
    if files:
        run_engine(EngineInput(files[0].read_bytes(), files[0].name, (INVOICE,)))
    pages = 0
    started = time.perf_counter()
    for path in files:
        result = run_engine(EngineInput(path.read_bytes(), path.name, (INVOICE,)))
        pages += result.page_count
    return pages, time.perf_counter() - started


def main(argv: list[str]) -> None:
    text_dir = Path(argv[0]) if argv else EVAL / "invoices"
    ocr_dir = Path(argv[1]) if len(argv) > 1 else EVAL / "invoices-ocr"
    for label, folder in (("text layer", text_dir), ("ocr", ocr_dir)):
        pages, seconds = measure(folder)
        rate = pages / seconds if seconds else 0.0
        print(f"{label:10}  {pages:4} pages  {seconds:7.2f} s  {rate:7.2f} pages/s")


if __name__ == "__main__":
    main(sys.argv[1:])
