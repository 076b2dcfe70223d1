"""Field confidence: evidence about a chosen value -> an integer 0-100 meant as a probability.

Called by `fields.py` and `tables.py`. The score combines where the text came from (text layer or
OCR, and OCR's own confidence), how well the label matched, where the value sat relative to the
label, whether the text parsed cleanly as the field's type, how strongly other candidates with a
different value competed, and whether arithmetic across fields (subtotal + tax = total) agrees.
The raw product is mapped through a monotone calibration table fitted with `bench/calibrate.py`
(pool-adjacent-violators, each step at a lower confidence bound) and checked leaving one source
out, so that among fields scored >= T at least T% are right on documents unlike the fitting set.
A missing field scores 0.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

POSITION_PRIOR = {
    "inline": 0.96,
    "right": 0.94,
    "below": 0.88,
    "table": 0.9,
    "document": 0.75,
    "derived": 0.62,
    "layout": 0.6,
}

CALIBRATION: tuple[tuple[float, int], ...] = (
    (0, 0),
    (0.29, 0),
    (0.3, 11),
    (0.32, 11),
    (0.33, 33),
    (0.39, 33),
    (0.4, 41),
    (0.43, 41),
    (0.44, 60),
    (0.57, 60),
    (0.58, 67),
    (0.66, 67),
    (0.67, 68),
    (0.68, 68),
    (0.69, 77),
    (0.72, 77),
    (0.73, 92),
    (0.75, 92),
    (0.76, 97),
    (0.87, 97),
    (0.88, 98),
    (0.89, 98),
    (0.9, 99),
    (1, 99),
)
"""Raw evidence product -> published confidence (piecewise linear, monotone).

Fitted by `python -m bench.calibrate var/synth` on 11,425 scored fields and cells of 34 sources
(the shared corpora and 28 of `bench.synth`'s, 20 documents each; cells that failed a table check
left out), each step at the lower 95% Wilson bound of its accuracy; every source held out in
turn kept "scored >= 90 -> >= 90% right" (README). Engine of 6652e01, 2026-12-01."""


@dataclass(frozen=True)
class Evidence:
    position: str
    """inline, right, below, table, document (pattern found anywhere) or layout (no label)."""
    label_score: float = 1.0
    """0-1 similarity of the printed label; 1 when no label was involved."""
    steps: int = 0
    """Phrases or lines skipped between the label and the value."""
    exact: bool = True
    """The text parsed without guessing (date order, decimal separator, extra words)."""
    source_confidence: float = 100.0
    """0-100: 100 for the text layer, the OCR engine's word confidence otherwise."""
    ambiguity: float = 0.0
    """0-1: score of the best candidate with a different value, relative to this one."""
    support: int = 0
    """How many other candidates read the same value."""
    consistent: bool | None = None
    """True/False when a cross-field check (subtotal + tax = total) applies."""
    doubt: float = 0.0
    """0-1: a known reason to doubt the reading itself, such as a date whose day and month
    could be swapped with weak evidence for the order chosen."""


def raw_probability(evidence: Evidence) -> float:
    p = POSITION_PRIOR.get(evidence.position, 0.6)
    label_quality = min(1.0, max(0.0, (evidence.label_score - 0.8) / 0.2))
    p *= 0.75 + 0.25 * label_quality
    p *= 0.93**evidence.steps
    if not evidence.exact:
        p *= 0.85
    source = min(max(evidence.source_confidence, 0.0), 100.0) / 100.0
    p *= 0.4 + 0.6 * source**2
    p *= 1.0 - 0.5 * min(max(evidence.ambiguity, 0.0), 1.0)
    if evidence.support:
        p = 1.0 - (1.0 - p) * (0.7 ** min(evidence.support, 3))
    if evidence.consistent is True:
        p = 1.0 - (1.0 - p) * 0.3
    elif evidence.consistent is False:
        p *= 0.8
    # Last: more mentions of the same reading cannot settle a doubt about how it is read.
    p *= 1.0 - min(max(evidence.doubt, 0.0), 1.0)
    return min(max(p, 0.0), 1.0)


def calibrate(raw: float) -> int:
    """Map a raw probability through the calibration table (linear between knots)."""
    xs = [x for x, _ in CALIBRATION]
    index = bisect_right(xs, raw) - 1
    if index >= len(CALIBRATION) - 1:
        return CALIBRATION[-1][1]
    (x0, y0), (x1, y1) = CALIBRATION[index], CALIBRATION[index + 1]
    value = y0 + (y1 - y0) * (raw - x0) / (x1 - x0)
    return round(min(max(value, 0), 100))


def score(evidence: Evidence) -> int:
    return calibrate(raw_probability(evidence))
