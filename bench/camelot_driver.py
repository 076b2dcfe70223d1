"""Runs in camelot's own virtual environment (see `bench/tables.py`); never imported by Casefile.

Reads a JSON list of jobs on stdin ({"id", "pdf", "page" (1-based), optional "area" as x0, y0,
x1, y1 in PDF points from the bottom-left}) and prints one JSON line per job: the tables camelot's
stream mode finds (rows of cell texts) and the seconds it took.
"""

from __future__ import annotations

import json
import sys
import time
import warnings

import camelot


def main() -> int:
    warnings.simplefilter("ignore")
    for job in json.load(sys.stdin):
        options = {"pages": str(job["page"]), "flavor": "stream"}
        if job.get("area"):
            x0, y0, x1, y1 = job["area"]
            options["table_areas"] = [f"{x0},{y1},{x1},{y0}"]
        started = time.perf_counter()
        try:
            found = camelot.read_pdf(job["pdf"], **options)
            tables = [table.df.astype(str).values.tolist() for table in found]
        except Exception as exc:  # a failing page scores as no table, and says why
            print(f"{job['id']}: {exc}", file=sys.stderr)
            tables = []
        seconds = time.perf_counter() - started
        print(json.dumps({"id": job["id"], "tables": tables, "seconds": seconds}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
