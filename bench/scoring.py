"""Field accuracy of either tool against a corpus's truth, with the evaluation's comparison.

Called by `bench/__main__.py`. Values are compared with `values_match` from
`extraction.evaluation.compare` (text with whitespace collapsed and nothing else folded, money
and numbers as decimals, dates as dates), typed by the case type's schema, so both tools are
scored by the rule `manage.py evaluate` uses.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from extraction.engine.types import Schema
from extraction.evaluation import CorpusItem, values_match


@dataclass(frozen=True)
class Score:
    correct: int
    total: int

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None

    def __add__(self, other: Score) -> Score:
        return Score(self.correct + other.correct, self.total + other.total)


def score(
    items: list[CorpusItem],
    predictions: dict[str, dict[str, object]],
    schemas: dict[str, Schema],
    keys: Iterable[str] | None = None,
) -> Score:
    """Correct and scored fields over the corpus; `keys` limits scoring to those field keys.

    A document missing from `predictions` (the tool skipped or failed it) scores every expected
    field as wrong. Table fields are not scored here (the peer outputs none); `evaluate` scores
    them cell by cell.
    """
    wanted = set(keys) if keys is not None else None
    correct = total = 0
    for item in items:
        types = {spec.key: spec.type for spec in schemas[item.case_type].fields}
        predicted = predictions.get(item.name, {})
        for key, expected in item.expected.items():
            if wanted is not None and key not in wanted:
                continue
            if types.get(key) == "table":
                continue
            total += 1
            correct += values_match(types.get(key, "text"), expected, predicted.get(key))
    return Score(correct, total)
