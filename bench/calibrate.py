"""Fit `confidence.CALIBRATION` so that it holds on sources it was not fitted on.

Run from the repository root:

    .venv/bin/python -m bench.calibrate                     # shared corpora, caches points
    .venv/bin/python -m bench.calibrate var/synth            # ... plus one source per sub-folder
    .venv/bin/python -m bench.calibrate --points var/calibration-points.json   # refit, no engine
    .venv/bin/python -m bench.calibrate --points var/a.json var/b.json         # runs merged

1. Points: every labelled document of the sources is run once through `run_engine` with an
   identity calibration (the module attribute is patched for the run and restored), so each
   field's published score is its raw evidence product. Each scored field found with a score
   above 0 gives one point (raw, correct, source, key, document); a table gives one point per
   expected cell instead, leaving out cells that failed a table check (their table is held at
   the check's cap, `table_checks.FAILED_CHECK_CAP`, whatever the map says). Points are cached
   as JSON (`var/calibration-points.json`, or `--save FILE`), so refits with `--points FILE`
   take a second.
2. Leave one source out: for each source, a map is fitted on all other sources and applied to
   the held-out one; the held-out reliability table (threshold -> share released, share right)
   is printed per source and pooled over every held-out prediction. This is the evidence that
   "scored >= T means >= T% right" carries over to documents unlike the fitting set.
3. The map fitted on all sources, printed as `CALIBRATION = (...)` ready to paste into
   `extraction/engine/confidence.py`, and as a Markdown table for the README.

Fitting: pool-adjacent-violators on (raw, correct) gives a monotone step function; each step
publishes the lower Wilson bound of its accuracy (one-sided, `--z`, default 95%), so small steps
are shrunk toward caution; a step never publishes less than a lower step (PAV's monotone
assumption). Sources are folders (see `extraction.evaluation.corpus`): each `dev/<source>`,
`invoices` and `invoices-ocr` as one source (the same invoices), `purchase-orders`, and any folder
passed. Development tool only: the engine never imports it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from extraction.evaluation import CorpusItem, Report, evaluate_items, load_sources, reliability
from extraction.evaluation.report import THRESHOLDS

REPO = Path(__file__).resolve().parents[1]
DEFAULT_EVAL_DIR = REPO.parent / "shared" / "eval"
DEFAULT_POINTS = REPO / "var" / "calibration-points.json"
IDENTITY: tuple[tuple[float, int], ...] = ((0.0, 0), (1.0, 100))
Z_95 = 1.645
"""One-sided 95% normal quantile for the Wilson lower bound."""

Knots = tuple[tuple[float, int], ...]


@dataclass(frozen=True)
class Point:
    raw: float
    correct: bool
    source: str
    key: str
    document: str


@dataclass(frozen=True)
class Block:
    """One step of the monotone fit: raw scores low..high, correct out of count."""

    low: float
    high: float
    correct: int
    count: int

    @property
    def accuracy(self) -> float:
        return self.correct / self.count


def shared_folders(eval_dir: Path) -> list[str]:
    """The shared corpora as source arguments: dev's sub-folders, invoices (+ OCR), orders."""
    folders: list[str] = []
    if (eval_dir / "dev").is_dir():
        folders.append(str(eval_dir / "dev"))
    for name in ("invoices", "invoices-ocr"):
        if (eval_dir / name).is_dir():
            folders.append(f"invoices={eval_dir / name}")
    if (eval_dir / "purchase-orders").is_dir():
        folders.append(str(eval_dir / "purchase-orders"))
    return folders


def points_from_report(report: Report) -> list[Point]:
    points: list[Point] = []
    for doc in report.documents:
        for outcome in doc.fields:
            scored = (
                [
                    (f"{outcome.key}.{c.column}", c.confidence, c.correct)
                    for c in outcome.cells
                    if not c.failed_check  # held with its table at the check's cap
                ]
                if outcome.cells
                else [(outcome.key, outcome.confidence, outcome.correct)]
            )
            points += [
                Point(score / 100, correct, doc.source, key, doc.name)
                for key, score, correct in scored
                if score > 0
            ]
    return points


def points_collect(folders: list[str]) -> list[Point]:
    """Run the engine once per document with the identity calibration; raw points."""
    from extraction.engine import confidence, run_engine
    from extraction.schemas import demo_engine_schemas

    items = load_sources(folders)
    saved = confidence.CALIBRATION
    confidence.CALIBRATION = IDENTITY
    try:
        report = evaluate_items(items, demo_engine_schemas(), run_engine, _progress)
    finally:
        confidence.CALIBRATION = saved
    return points_from_report(report)


def points_save(path: Path, points: list[Point], folders: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "created": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "commit": _commit(),
        "calibration": "identity: each score is the raw evidence product x 100",
        "folders": folders,
        "points": [asdict(point) for point in points],
    }
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def points_load(path: Path) -> list[Point]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [Point(**point) for point in data["points"]]


def pav(pairs: Iterable[tuple[float, bool]]) -> list[Block]:
    """Pool-adjacent-violators: blocks of non-decreasing accuracy over increasing raw.

    Equal raw scores share a block (a map cannot tell them apart), and adjacent blocks of equal
    accuracy are pooled too, so a step is as large, and its bound as tight, as the data allow.
    """
    by_raw: dict[float, list[int]] = {}
    for raw, correct in pairs:
        counts = by_raw.setdefault(raw, [0, 0])
        counts[0] += int(correct)
        counts[1] += 1
    blocks: list[Block] = []
    for raw in sorted(by_raw):
        block = Block(raw, raw, *by_raw[raw])
        while blocks and blocks[-1].correct * block.count >= block.correct * blocks[-1].count:
            last = blocks.pop()
            block = Block(
                last.low, block.high, last.correct + block.correct, last.count + block.count
            )
        blocks.append(block)
    return blocks


def wilson_lower(correct: int, count: int, z: float = Z_95) -> float:
    """Lower Wilson score bound of a proportion: cautious for small counts, exact for none."""
    if count == 0:
        return 0.0
    p = correct / count
    denominator = 1 + z * z / count
    centre = p + z * z / (2 * count)
    margin = z * math.sqrt(p * (1 - p) / count + z * z / (4 * count * count))
    return max(0.0, (centre - margin) / denominator)


def fit(points: Iterable[tuple[float, bool]], *, z: float = Z_95) -> Knots:
    """Knots (raw, published) of the cautious monotone map; identity-free, starts at (0, 0)."""
    blocks = pav(points)
    values: list[int] = []
    for block in blocks:
        bound = math.floor(100 * wilson_lower(block.correct, block.count, z))
        values.append(max([bound, *values[-1:]]))
    knots: list[tuple[float, int]] = [(0.0, 0)]
    for block, value in zip(blocks, values, strict=True):
        for x in (block.low, block.high):
            x = round(x, 4)
            if x > knots[-1][0]:
                knots.append((x, value))
    if knots[-1][0] < 1.0:
        knots.append((1.0, knots[-1][1]))
    return _without_flat_middles(knots)


def _without_flat_middles(knots: list[tuple[float, int]]) -> Knots:
    kept = knots[:1]
    for index in range(1, len(knots) - 1):
        if not (kept[-1][1] == knots[index][1] == knots[index + 1][1]):
            kept.append(knots[index])
    return tuple([*kept, knots[-1]] if len(knots) > 1 else kept)


def published(knots: Knots, raw: float) -> int:
    """The score `confidence.calibrate` publishes for `raw` under `knots` (same rule)."""
    index = 0
    while index + 1 < len(knots) and knots[index + 1][0] <= raw:
        index += 1
    if index >= len(knots) - 1:
        return knots[-1][1]
    (x0, y0), (x1, y1) = knots[index], knots[index + 1]
    value = y0 + (y1 - y0) * (raw - x0) / (x1 - x0)
    return round(min(max(value, 0), 100))


def leave_one_source_out(
    points: Sequence[Point], *, z: float = Z_95
) -> dict[str, list[tuple[int, bool]]]:
    """Source -> (published score, correct) of its points under a map fitted without it."""
    sources = list(dict.fromkeys(point.source for point in points))
    held_out: dict[str, list[tuple[int, bool]]] = {}
    for source in sources:
        knots = fit(((p.raw, p.correct) for p in points if p.source != source), z=z)
        held_out[source] = [
            (published(knots, p.raw), p.correct) for p in points if p.source == source
        ]
    return held_out


def held_out_table(held_out: dict[str, list[tuple[int, bool]]]) -> str:
    """Markdown: per source and pooled, share released and share right at each threshold.

    A cell reads `released% · right%`; `✗` marks a threshold where share right < T.
    """
    header = "| source | fields | " + " | ".join(f"≥ {t}" for t in THRESHOLDS) + " |"
    lines = [header, "|---|--:|" + "--:|" * len(THRESHOLDS)]
    pooled = [pair for pairs in held_out.values() for pair in pairs]
    for name, pairs in [*held_out.items(), ("**pooled**", pooled)]:
        cells = []
        for row in reliability(pairs):
            accuracy = row["released_accuracy"]
            if not isinstance(accuracy, float):
                cells.append("0% · –")
                continue
            mark = "" if accuracy * 100 >= row["threshold"] else " ✗"
            cells.append(f"{row['released_share']:.0%} · {accuracy:.0%}{mark}")
        lines.append(f"| {name} | {len(pairs)} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def knots_python(knots: Knots) -> str:
    body = "".join(f"    ({x:g}, {y}),\n" for x, y in knots)
    return f"CALIBRATION: tuple[tuple[float, int], ...] = (\n{body})"


def knots_markdown(knots: Knots) -> str:
    lines = ["| raw evidence | published confidence |", "|--:|--:|"]
    lines += [f"| {x:.2f} | {y} |" for x, y in knots]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    args = _parse(argv)
    if args.points:
        points = [point for path in args.points for point in points_load(Path(path))]
        _log(f"{len(points)} points from {', '.join(args.points)}")
    else:
        folders = ([] if args.no_shared else shared_folders(Path(args.eval_dir))) + args.folders
        if not folders:
            _log("No folders: pass some or --eval-dir.")
            return 2
        points = points_collect(folders)
        points_save(Path(args.save), points, folders)
        _log(f"{len(points)} points written to {args.save}; refit with --points {args.save}")
    sources = sorted({point.source for point in points})
    print(f"{len(points)} scored fields from {len(sources)} sources: {', '.join(sources)}\n")
    if len(sources) > 1:
        print("## Held out: each source scored by a map fitted on the others\n")
        print(held_out_table(leave_one_source_out(points, z=args.z)))
        print("\nA cell is `share released · share right`; ✗ marks share right < threshold.\n")
    else:
        print("One source only: no leave-one-source-out check.\n")
    knots = fit(((p.raw, p.correct) for p in points), z=args.z)
    print("## Fitted on all sources: paste into extraction/engine/confidence.py\n")
    print(knots_python(knots))
    print("\n## For the README\n")
    print(knots_markdown(knots))
    return 0


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.calibrate", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "folders", nargs="*", help="extra corpus folders (NAME=FOLDER names the source)"
    )
    parser.add_argument("--eval-dir", default=str(DEFAULT_EVAL_DIR), help="shared corpora")
    parser.add_argument("--no-shared", action="store_true", help="only the folders given")
    parser.add_argument(
        "--points",
        metavar="FILE",
        nargs="+",
        help="reuse cached points, from one file or several runs' (merged); no engine run",
    )
    parser.add_argument("--save", metavar="FILE", default=str(DEFAULT_POINTS))
    parser.add_argument("--z", type=float, default=Z_95, help="one-sided normal quantile")
    return parser.parse_args(argv)


def _progress(position: int, total: int, item: CorpusItem) -> None:
    _log(f"[{position}/{total}] {item.source}/{item.name}")


def _log(message: str) -> None:
    print(f"[calibrate] {message}", file=sys.stderr, flush=True)


def _commit() -> str:
    completed = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    return completed.stdout.strip()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
