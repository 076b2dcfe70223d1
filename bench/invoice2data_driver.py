"""Run invoice2data over documents and print one JSON line per document: fields and seconds.

Executed by `bench/peer.py` with the python of the separate benchmark environment
(`var/bench-venv`), never imported by Casefile: it must only use the standard library and
invoice2data. Templates are invoice2data's bundled ones, loaded once before timing starts (the
load time is printed first as `{"setup_seconds": ...}`). Each document is timed around
`extract_data` alone, which includes the text backend (`pdftotext` for PDFs, `tesseract` for
images) that invoice2data runs as a subprocess.

Usage: python invoice2data_driver.py --module pdftotext|tesseract FILE [FILE ...]
"""

from __future__ import annotations

import argparse
import datetime as dt
import decimal
import json
import logging
import resource
import sys
import time


def jsonable(value: object) -> object:
    """Dates as ISO dates, numbers as decimal strings, the rest as text."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float | decimal.Decimal):
        return str(value)
    if isinstance(value, list):
        return [jsonable(item) for item in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    return None if value is None else str(value)


def cpu_time() -> float:
    """User and system seconds of this process and of the programs it ran (pdftotext, ...)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--module", required=True, choices=("pdftotext", "tesseract"))
    parser.add_argument("files", nargs="+")
    args = parser.parse_args(argv)
    logging.disable(logging.CRITICAL)

    from invoice2data import extract_data
    from invoice2data.extract.loader import read_templates

    started = time.perf_counter()
    templates = read_templates()
    print(json.dumps({"setup_seconds": time.perf_counter() - started, "templates": len(templates)}))
    for path in args.files:
        error = None
        started, cpu_started = time.perf_counter(), cpu_time()
        try:
            result = extract_data(path, templates=templates, input_module=args.module) or {}
        except Exception as exc:  # any failure of the peer is recorded as its result
            result, error = {}, f"{type(exc).__name__}: {exc}"
        seconds, cpu = time.perf_counter() - started, cpu_time() - cpu_started
        line = {
            "file": path,
            "seconds": seconds,
            "cpu_seconds": cpu,
            "fields": jsonable(result),
            "error": error,
        }
        print(json.dumps(line), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
