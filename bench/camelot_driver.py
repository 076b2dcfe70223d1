"""Runs in the peers' own virtual environment (see `bench/tables.py`); never imported by Casefile.

Reads a JSON list of jobs on stdin ({"id", "tool" ("camelot" or "pdfplumber"), "pdf", "page"
(1-based), optional "area" as x0, y0, x1, y1 in PDF points from the bottom-left}) and prints one
JSON line per job: the tables the tool finds (rows of cell texts) and the seconds it took.
camelot runs its stream mode; pdfplumber its table finder with the text strategies (unruled
tables), on the page cropped to the area when one is given.
"""

from __future__ import annotations

import json
import sys
import time
import warnings

import camelot
import pdfplumber

TEXT_STRATEGIES = {"vertical_strategy": "text", "horizontal_strategy": "text"}


def camelot_tables(job: dict) -> list[list[list[str]]]:
    options = {"pages": str(job["page"]), "flavor": "stream"}
    if job.get("area"):
        x0, y0, x1, y1 = job["area"]
        options["table_areas"] = [f"{x0},{y1},{x1},{y0}"]
    found = camelot.read_pdf(job["pdf"], **options)
    return [table.df.astype(str).values.tolist() for table in found]


def pdfplumber_tables(job: dict) -> list[list[list[str]]]:
    with pdfplumber.open(job["pdf"]) as document:
        page = document.pages[job["page"] - 1]
        if job.get("area"):
            x0, y0, x1, y1 = job["area"]
            height = float(page.height)
            box = (
                max(x0, page.bbox[0]),
                max(height - y1, page.bbox[1]),
                min(x1, page.bbox[2]),
                min(height - y0, page.bbox[3]),
            )
            page = page.crop(box)
        tables = page.extract_tables(TEXT_STRATEGIES)
    return [[[cell or "" for cell in row] for row in table] for table in tables]


TOOLS = {"camelot": camelot_tables, "pdfplumber": pdfplumber_tables}


def main() -> int:
    warnings.simplefilter("ignore")
    for job in json.load(sys.stdin):
        started = time.perf_counter()
        try:
            tables = TOOLS[job.get("tool", "camelot")](job)
        except Exception as exc:  # a failing page scores as no table, and says why
            print(f"{job['id']}: {exc}", file=sys.stderr)
            tables = []
        seconds = time.perf_counter() - started
        print(json.dumps({"id": job["id"], "tables": tables, "seconds": seconds}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
