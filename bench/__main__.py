"""`make bench` (`python -m bench`): throughput, accuracy and API latency, beside invoice2data.

One run measures, on the shared evaluation corpora (`../shared/eval`, or `--eval-dir`):
- Casefile's engine: pages per second for text-layer PDFs and for OCR'd pages, seconds per
  document, field accuracy (`bench/casefile.py`);
- invoice2data with its bundled templates on the same documents, in its own virtual environment
  (`bench/peer.py`): seconds per document and accuracy on the fields both tools output, scored
  by the same rule (`bench/scoring.py`);
- API latency percentiles in process on a throwaway SQLite database (`bench/api_latency.py`);
- reviewer keystrokes and UI wait per 9-field document in Chromium (`bench/review_ui.py`);
- service performance over HTTP with the production server settings: status polls, job
  creation, webhook first-attempt lag, peak memory on 500 pages (`bench/perf.py`);
- table extraction on the ICDAR 2013 set, adjacency-relation F1 beside camelot's stream mode
  (`bench/tables.py`).
- PDF conversion (`bench/conversion.py`): cell fidelity of the XLSX and DOCX outputs on the
  shared table sets, word-order agreement on text pages and seconds per page, beside
  LibreOffice's PDF import when `soffice` is installed.
It prints one report (Markdown tables) and with `--write FILE` saves it. Numbers are what this
machine did in this run; compare ratios within a run, not absolute times across machines. Nothing
is asserted on timings. `--quick` trims the corpora and requests for a run of a minute or two.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench import conversion as conversion_bench
from bench import peer
from bench import tables as table_bench
from bench.casefile import CorpusRun, run_corpus, warm_up
from bench.scoring import Score, score
from extraction.engine.types import Schema
from extraction.evaluation import CorpusItem, load_corpus
from extraction.schemas import demo_engine_schemas

REPO = Path(__file__).resolve().parents[1]
DEFAULT_EVAL_DIR = REPO.parent / "shared" / "eval"
CORPORA = ("invoices", "invoices-ocr", "purchase-orders")
TEXT_REPEATS = 5
"""Text-layer documents take milliseconds: each is run this many times and its median kept."""
QUICK_DOCUMENTS = 2
"""With --quick, documents per image corpus."""


@dataclass(frozen=True)
class CorpusReport:
    name: str
    items: list[CorpusItem]
    casefile: CorpusRun
    peer: CorpusRun | None
    peer_note: str = ""


def main(argv: list[str]) -> int:
    args = _parse(argv)
    eval_dir = Path(args.eval_dir)
    if not eval_dir.is_dir():
        print(f"No evaluation corpora at {eval_dir}; pass --eval-dir.", file=sys.stderr)
        return 2
    started = time.perf_counter()
    load_before = os.getloadavg()
    schemas = demo_engine_schemas()
    setup = (
        peer.prepare(_log)
        if not args.skip_peer
        else peer.PeerSetup(None, problems=("skipped (--skip-peer)",))
    )
    for problem in setup.problems:
        _log(f"invoice2data: {problem}")
    _log("Loading OCR models ...")
    warm_seconds = warm_up()
    reports: list[CorpusReport] = []
    for name in CORPORA:
        folder = eval_dir / name
        if not folder.is_dir():
            _log(f"{name}: not found under {eval_dir}, skipped")
            continue
        items = load_corpus(folder)
        images = [item for item in items if item.path.suffix.lower() != ".pdf"]
        if args.quick and images:
            items = items[:QUICK_DOCUMENTS]
        repeats = 1 if args.quick or images else TEXT_REPEATS
        _log(f"{name}: Casefile on {len(items)} documents ...")
        casefile = run_corpus(name, items, schemas, repeats=repeats)
        peer_run, note = _peer(setup, name, items)
        reports.append(CorpusReport(name, items, casefile, peer_run, note))
    latency = None if args.skip_api else _api_latency(args.requests)
    table_lines = (
        []
        if args.skip_tables
        else table_bench.measure(
            eval_dir / "tables" / "icdar2013", peer=not args.skip_peer, log=_log
        )
    )
    perf_lines = [] if args.skip_perf else _perf(args.quick)
    review_ui_lines = [] if args.skip_review_ui else _review_ui(args.quick)
    conversion_lines = (
        []
        if args.skip_conversion
        else conversion_bench.measure(eval_dir, quick=args.quick, log=_log)
    )
    load_after = os.getloadavg()
    text = render(
        reports,
        schemas,
        setup,
        latency,
        warm_seconds=warm_seconds,
        load=(load_before[0], load_after[0]),
        seconds=time.perf_counter() - started,
        quick=args.quick,
        tables=[
            *table_lines,
            *([""] if table_lines and conversion_lines else []),
            *conversion_lines,
        ],
    )
    text = "\n".join([text, "", *perf_lines]) if perf_lines else text
    text = "\n".join([text, "", *review_ui_lines]) if review_ui_lines else text
    print(text)
    if args.write:
        write_report(Path(args.write), text)
        _log(f"Written to {args.write}")
    return 0


KEEP_MARKER = "<!-- Kept by `python -m bench --write`: notes below this line. -->"


def write_report(path: Path, text: str) -> None:
    """Replace the generated report in `path`, keeping hand-written notes after KEEP_MARKER."""
    kept = ""
    if path.exists():
        previous = path.read_text(encoding="utf-8")
        if KEEP_MARKER in previous:
            kept = previous[previous.index(KEEP_MARKER) :]
    path.write_text(text + "\n\n" + (kept or KEEP_MARKER + "\n"), encoding="utf-8")


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer documents and requests")
    parser.add_argument(
        "--eval-dir", default=os.environ.get("CASEFILE_EVAL_DIR", str(DEFAULT_EVAL_DIR))
    )
    parser.add_argument("--requests", type=int, default=None, help="API requests per endpoint")
    parser.add_argument("--skip-peer", action="store_true", help="do not run invoice2data")
    parser.add_argument("--skip-api", action="store_true", help="do not measure API latency")
    parser.add_argument(
        "--skip-tables", action="store_true", help="do not run the ICDAR 2013 table benchmark"
    )
    parser.add_argument(
        "--skip-perf", action="store_true", help="do not run bench/perf.py (HTTP load, webhooks)"
    )
    parser.add_argument(
        "--skip-review-ui",
        action="store_true",
        help="do not run bench/review_ui.py (reviewer keystrokes and UI wait in Chromium)",
    )
    parser.add_argument(
        "--skip-conversion",
        action="store_true",
        help="do not run the PDF conversion bench (cells and word order beside LibreOffice)",
    )
    parser.add_argument("--write", metavar="FILE", help="also write the report to FILE")
    args = parser.parse_args(argv)
    if args.requests is None:
        args.requests = 50 if args.quick else 200
    return args


def _log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def _peer(
    setup: peer.PeerSetup, name: str, items: list[CorpusItem]
) -> tuple[CorpusRun | None, str]:
    if setup.python is None:
        return None, "not run"
    files = [item.path for item in items]
    module = peer.module_for(files[0]) if files else "pdftotext"
    if module not in setup.modules:
        return None, f"skipped: {module} missing"
    _log(f"{name}: invoice2data ({module}) on {len(files)} documents ...")
    try:
        run, _ = peer.run_peer(setup, name, files)
    except subprocess.CalledProcessError as exc:
        return None, f"failed: {exc.stderr.strip()[-200:]}"
    except subprocess.TimeoutExpired:
        return None, "failed: timed out"
    return run, module


def _api_latency(requests: int) -> dict[str, object] | None:
    _log(f"API latency: {requests} requests per endpoint ...")
    completed = subprocess.run(
        [sys.executable, "-m", "bench.api_latency", "--requests", str(requests)],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    if completed.returncode != 0:
        _log(f"API latency failed: {completed.stderr.strip()[-500:]}")
        return None
    return json.loads(completed.stdout.strip().splitlines()[-1])


def _review_ui(quick: bool) -> list[str]:
    """bench/review_ui.py's section: keystrokes and UI wait per 9-field document, in Chromium."""
    _log("Review UI (bench/review_ui.py, Chromium) ...")
    completed = subprocess.run(
        [sys.executable, "-m", "bench.review_ui", *(["--documents", "3"] if quick else [])],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
        timeout=900,
    )
    if completed.returncode != 0:
        _log(f"Review UI failed: {completed.stderr.strip()[-500:]}")
        return []
    from bench.review_ui import render as review_ui_render

    result = json.loads(completed.stdout.strip().splitlines()[-1])
    if "error" in result:
        _log(f"Review UI not measured: {result['error']}")
        return []
    return review_ui_render(result)


def _perf(quick: bool) -> list[str]:
    """bench/perf.py's section: status polls, job creation, webhook lag, 500-page memory."""
    _log("Service performance (bench/perf.py) ...")
    completed = subprocess.run(
        [sys.executable, "-m", "bench.perf", "--markdown", *(["--quick"] if quick else [])],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
        timeout=1800,
    )
    if completed.returncode != 0:
        _log(f"Service performance failed: {completed.stderr.strip()[-500:]}")
        return []
    return completed.stdout.strip().splitlines()


def render(
    reports: list[CorpusReport],
    schemas: dict[str, Schema],
    setup: peer.PeerSetup,
    latency: dict[str, object] | None,
    *,
    warm_seconds: float,
    load: tuple[float, float],
    seconds: float,
    quick: bool,
    tables: list[str] | tuple[str, ...] = (),
) -> str:
    """The whole report as Markdown: header, speed, throughput, accuracy, per document, API."""
    lines = [
        "# Casefile bench results",
        "",
        f"- Date: {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}"
        + ("  (`--quick`: trimmed corpora)" if quick else ""),
        f"- Machine: {_machine()}",
        f"- Load average (1 min) at start / end: {load[0]:.1f} / {load[1]:.1f}"
        " (other work on the machine slows both tools alike)",
        f"- Casefile: `run_engine` in process, OCR models loaded beforehand ({warm_seconds:.1f} s);"
        f" text-layer documents are each run {1 if quick else TEXT_REPEATS} times (median"
        " kept), the rest once.",
        "- invoice2data: "
        + (
            f"{setup.version}, bundled templates, `pdftotext` for PDFs and `tesseract` for"
            " images, in `var/bench-venv`; time per document excludes loading templates."
            if setup.python
            else "not run (" + "; ".join(setup.problems) + ")."
        ),
        f"- Total bench time: {seconds / 60:.1f} min.",
        "",
        "## Speed",
        "",
        "Wall seconds per document, and CPU seconds (the process and the programs it runs:"
        " Tesseract, pdftotext), which other work on the machine disturbs less.",
        "",
        "| corpus | docs | pages (text/OCR) | Casefile pages/s | Casefile s/doc "
        "| Casefile CPU s/doc | invoice2data s/doc | invoice2data CPU s/doc "
        "| time ratio Casefile/invoice2data |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    lines += [_speed_row(report) for report in reports]
    lines += [
        "",
        *_throughput(reports),
        "",
        "## Accuracy",
        "",
        "Shared fields: the expected fields invoice2data can output too (invoice number, dates,"
        " amounts, currency); both tools are scored on them with the evaluation's normalisation.",
        "",
        "| corpus | shared fields | Casefile (shared) | invoice2data (shared) "
        "| Casefile (all fields) |",
        "|---|--:|--:|--:|--:|",
    ]
    lines += [_accuracy_row(report, schemas) for report in reports]
    lines += ["", "## Per document", ""]
    lines += _per_document(reports, schemas)
    if latency:
        lines += ["", *_latency_table(latency)]
    if tables:
        lines += ["", *tables]
    lines += ["", *_notes(setup)]
    return "\n".join(lines)


def _speed_row(report: CorpusReport) -> str:
    run = report.casefile
    docs = len(run.documents)
    sources = run.pages_by_source
    ours = run.seconds / docs if docs else 0.0
    ours_cpu = run.cpu_seconds / docs if docs else 0.0
    if report.peer is not None and report.peer.documents:
        count = len(report.peer.documents)
        theirs = report.peer.seconds / count
        peer_cells = (
            f"{theirs:.3f} ({report.peer_note}) | {report.peer.cpu_seconds / count:.3f} "
            f"| {ours / theirs:.2f}×"
            if theirs
            else "– | – | –"
        )
    else:
        peer_cells = f"– ({report.peer_note}) | – | –"
    return (
        f"| {report.name} | {docs} | {run.pages} ({sources['text']}/{sources['ocr']}) "
        f"| {run.pages_per_second():.2f} | {ours:.3f} | {ours_cpu:.3f} | {peer_cells} |"
    )


def _accuracy_row(report: CorpusReport, schemas: dict[str, Schema]) -> str:
    items = report.items
    shared = _shared_keys(items)
    predictions = {doc.name: doc.values for doc in report.casefile.documents}
    ours_shared = score(items, predictions, schemas, shared)
    ours_all = score(items, predictions, schemas)
    theirs = "–"
    if report.peer is not None and report.peer.documents:
        peer_predictions = {doc.name: doc.values for doc in report.peer.documents}
        theirs = _pct(score(items, peer_predictions, schemas, shared))
    return (
        f"| {report.name} | {ours_shared.total} | {_pct(ours_shared)} | {theirs} "
        f"| {_pct(ours_all)} |"
    )


def _throughput(reports: list[CorpusReport]) -> list[str]:
    """Casefile pages per second over all corpora, text-layer and OCR'd documents apart."""
    totals = {"text layer": [0, 0.0, 0.0], "OCR": [0, 0.0, 0.0]}
    for report in reports:
        for doc in report.casefile.documents:
            if not doc.sources:
                continue
            kind = "text layer" if all(source == "text" for source in doc.sources) else "OCR"
            totals[kind][0] += doc.pages
            totals[kind][1] += doc.seconds
            totals[kind][2] += doc.cpu_seconds
    lines = ["Casefile throughput, one process:"]
    for kind, (pages, seconds, cpu) in totals.items():
        if pages and seconds:
            lines.append(
                f"- {kind}: {pages / seconds:.3g} pages/s, {seconds / pages:.3g} s/page wall,"
                f" {cpu / pages:.3g} CPU s/page ({pages} pages)"
            )
    return lines


def _per_document(reports: list[CorpusReport], schemas: dict[str, Schema]) -> list[str]:
    lines = [
        "| corpus | document | Casefile s | Casefile correct (shared / all) "
        "| invoice2data s | invoice2data correct (shared) |",
        "|---|---|--:|--:|--:|--:|",
    ]
    for report in reports:
        shared = _shared_keys(report.items)
        peer_docs = {doc.name: doc for doc in report.peer.documents} if report.peer else {}
        for item, doc in zip(report.items, report.casefile.documents, strict=True):
            ours = {doc.name: doc.values}
            mine_shared = score([item], ours, schemas, shared)
            mine_all = score([item], ours, schemas)
            other = peer_docs.get(item.name)
            if other is not None:
                theirs = score([item], {item.name: other.values}, schemas, shared)
                peer_cells = f"{other.seconds:.3f} | {theirs.correct}/{theirs.total}"
                if not other.values:
                    peer_cells += " (no output)"
            else:
                peer_cells = "– | –"
            lines.append(
                f"| {report.name} | {item.name} | {doc.seconds:.3f} "
                f"| {mine_shared.correct}/{mine_shared.total} / {mine_all.correct}/{mine_all.total}"
                f" | {peer_cells} |"
            )
    return lines


def _latency_table(latency: dict[str, object]) -> list[str]:
    lines = [
        "## API latency",
        "",
        f"Django test client in process, throwaway SQLite database, {latency['requests']} requests"
        " per endpoint after 10 warm-up requests (no HTTP server or network in the path). Cases"
        " are created with `trigger_workflow=false`, so the job list stays empty.",
        "",
        "| endpoint | p50 ms | p95 ms | p99 ms | mean ms |",
        "|---|--:|--:|--:|--:|",
    ]
    endpoints = latency["endpoints"]
    assert isinstance(endpoints, dict)
    for label, stats in endpoints.items():
        lines.append(
            f"| {label} | {stats['p50_ms']:.1f} | {stats['p95_ms']:.1f} | {stats['p99_ms']:.1f}"
            f" | {stats['mean_ms']:.1f} |"
        )
    return lines


def _notes(setup: peer.PeerSetup) -> list[str]:
    notes = [
        "## Reading these numbers",
        "",
        "- The invoice corpus comes from invoice2data's own test suite, and its bundled templates"
        " were written for these very issuers; Casefile uses no per-issuer template. When no"
        " template matches with the chosen backend, or a required field is missing, invoice2data"
        ' outputs nothing ("no output"), which scores every field as wrong.',
        "- The purchase orders have no invoice2data template; only their amounts are shared"
        " fields.",
        "- invoice2data's time is mostly its text backend (`pdftotext`, or Tesseract with every"
        " installed language for images); Casefile's OCR runs RapidOCR and Tesseract together.",
    ]
    notes += [f"- {problem}" for problem in setup.problems]
    return notes


def _shared_keys(items: list[CorpusItem]) -> set[str]:
    return {key for item in items for key in item.expected if key in peer.SHARED_KEYS}


def _pct(value: Score) -> str:
    if value.accuracy is None:
        return "–"
    return f"{value.accuracy:.1%} ({value.correct}/{value.total})"


def _machine() -> str:
    cpus = len(os.sched_getaffinity(0))
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    return (
        f"{cpus} CPU cores{f' ({model})' if model else ''}, {memory:.0f} GiB RAM, "
        f"{platform.system()} {platform.machine()}, Python {platform.python_version()};"
        f" one core's speed: {_reference_loop_seconds():.2f} s for a fixed pure-Python loop"
        " (5 M additions, best of 3), to compare reports from different machines"
    )


def _reference_loop_seconds() -> float:
    """Seconds of CPU a fixed pure-Python loop takes on one core (best of three): machines
    sold under one name differ by two or three times, and every figure here scales with it."""
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        total = 0
        for number in range(5_000_000):
            total += number
        best = min(best, time.process_time() - started)
    return best


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
