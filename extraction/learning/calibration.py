"""Refitting the confidence map from reviewers' verdicts: pure, no Django.

`fit` takes (engine confidence, correct) pairs and returns knots (engine confidence ->
published confidence): pool-adjacent-violators over the confidences in order, each pooled
block published at the lower 95% Wilson bound of its accuracy, so that among fields published
at >= T, at least T% were right on these verdicts (the bound leaves room for chance). `apply`
maps a confidence through knots (a step function: the block a confidence falls in).
"""

from __future__ import annotations

from bisect import bisect_right
from math import sqrt

Z = 1.96


def wilson_lower(right: int, total: int) -> float:
    if total == 0:
        return 0.0
    p = right / total
    centre = p + Z * Z / (2 * total)
    spread = Z * sqrt(p * (1 - p) / total + Z * Z / (4 * total * total))
    return max(0.0, (centre - spread) / (1 + Z * Z / total))


def fit(examples: list[tuple[int, bool]], *, min_block: int = 20) -> list[tuple[int, int]]:
    """Knots [(lowest engine confidence of a block, published confidence)], increasing."""
    by_score: dict[int, list[int]] = {}
    for score, correct in examples:
        counts = by_score.setdefault(int(score), [0, 0])
        counts[0] += int(correct)
        counts[1] += 1
    blocks: list[list[int]] = []  # [start score, right, total]
    for score in sorted(by_score):
        right, total = by_score[score]
        blocks.append([score, right, total])
        # Merge small blocks and blocks that break monotonicity with their predecessor.
        while len(blocks) > 1 and (
            blocks[-2][2] < min_block
            or blocks[-1][1] / blocks[-1][2] <= blocks[-2][1] / blocks[-2][2]
        ):
            last = blocks.pop()
            blocks[-1][1] += last[1]
            blocks[-1][2] += last[2]
    knots: list[tuple[int, int]] = []
    floor = 0
    for start, right, total in blocks:
        published = max(floor, int(wilson_lower(right, total) * 100))
        knots.append((start, min(published, 99)))
        floor = knots[-1][1]
    return knots


def apply(knots: list[tuple[int, int]] | list[list[int]], confidence: int) -> int:
    """The published confidence for an engine confidence (0 stays 0: not found)."""
    if not knots or confidence <= 0:
        return confidence
    starts = [int(k[0]) for k in knots]
    index = bisect_right(starts, confidence) - 1
    if index < 0:
        return 0
    return int(knots[index][1])
