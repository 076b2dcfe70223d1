"""Fit the confidence calibration table from evaluation corpora.

Run: `python bench/calibrate.py CORPUS_DIR [CORPUS_DIR ...]`. Runs the engine with an identity
calibration so that each field's published score is its raw evidence product, then fits a
monotone (pool-adjacent-violators) map from raw score to observed accuracy, shrunk toward
caution with a Beta(1, 1) prior, and prints knots for `confidence.CALIBRATION`. Development
tool only: the engine never runs it.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extraction.engine import confidence, run_engine
from extraction.engine.demo_schemas import INVOICE, PURCHASE_ORDER
from extraction.engine.evaluation import evaluate_corpus


def pooled(points: list[tuple[float, bool]]) -> list[tuple[float, float, int]]:
    """Pool-adjacent-violators over (raw, correct) sorted by raw: (max raw, accuracy, count)."""
    blocks: list[list[float]] = []  # [sum_correct, count, max_raw]
    for raw, correct in sorted(points):
        blocks.append([float(correct), 1.0, raw])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            last = blocks.pop()
            blocks[-1][0] += last[0]
            blocks[-1][1] += last[1]
            blocks[-1][2] = last[2]
    return [(b[2], (b[0] + 1) / (b[1] + 2), int(b[1])) for b in blocks]


def main(folders: list[str]) -> None:
    confidence.CALIBRATION = ((0.0, 0), (1.0, 100))
    schemas = {"invoice": INVOICE, "purchase_order": PURCHASE_ORDER}
    points: list[tuple[float, bool]] = []
    for folder in folders:
        report = evaluate_corpus(folder, schemas, run_engine)
        points.extend((o.confidence / 100, o.correct) for o in report.outcomes if o.confidence)
    for raw, accuracy, count in pooled(points):
        print(f"raw <= {raw:.3f}: accuracy {accuracy:.3f} over {count} fields")


if __name__ == "__main__":
    main(sys.argv[1:])
