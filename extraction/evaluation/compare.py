"""Strict comparison of a predicted value with the truth, and cell-by-cell table scoring.

Called by `extraction.evaluation.report` and `bench/scoring.py`, so `evaluate`, `make bench` and
calibration score by one rule. Normalisation by the field's type, and nothing more:
- text (and email, phone, enum, anything else): whitespace runs collapsed to one space and the
  ends stripped. No casefolding and no Unicode folding: `ﬁ` is not `fi` and `ACME` is not `Acme`,
  because a reviewer would have to correct either;
- money and number: as decimals (`23.8` equals `23.80`);
- date: as dates (ISO `YYYY-MM-DD`);
- boolean: as booleans; IBAN: without spaces, upper case (the standard's own form).
A value that does not parse as its type is compared as text. Pure.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from extraction.engine.types import FieldType


def text_normalise(value: object) -> str:
    return " ".join(str(value).split())


def value_normalise(field_type: str, value: object) -> object:
    """Comparable form of a value of `field_type`; None stays None."""
    if value is None:
        return None
    if field_type in (FieldType.MONEY, FieldType.NUMBER) and not isinstance(value, bool):
        try:
            return Decimal(text_normalise(value))
        except InvalidOperation:
            return text_normalise(value)
    if field_type == FieldType.DATE:
        try:
            return date.fromisoformat(text_normalise(value))
        except ValueError:
            return text_normalise(value)
    if field_type == FieldType.BOOLEAN:
        if isinstance(value, bool):
            return value
        lowered = text_normalise(value).lower()
        return {"true": True, "false": False}.get(lowered, lowered)
    if field_type == FieldType.IBAN:
        return "".join(str(value).split()).upper()
    return text_normalise(value)


def values_match(field_type: str, expected: object, predicted: object) -> bool:
    if predicted is None or expected is None:
        return expected is None and predicted is None
    return value_normalise(field_type, expected) == value_normalise(field_type, predicted)


@dataclass(frozen=True)
class PredictedCell:
    value: object
    confidence: int
    failed_check: bool = False
    """The cell failed a table check (`CellResult.issues`): its table is held at the check's
    cap, and the review page shows the cell at most at it."""


@dataclass(frozen=True)
class CellOutcome:
    row: int
    """0-based index of the expected row."""
    column: str
    expected: object
    predicted: object
    confidence: int
    correct: bool
    failed_check: bool = False
    """See `PredictedCell.failed_check`."""


def table_cells(
    column_types: Mapping[str, str],
    expected_rows: Sequence[Mapping[str, object]],
    predicted_rows: Sequence[Mapping[str, PredictedCell]],
) -> tuple[CellOutcome, ...]:
    """One outcome per expected cell.

    Expected rows are paired, in order, with the predicted rows that agree on the most cells
    (an alignment, so one extra or missing row does not shift every row after it). An expected
    row with no partner scores its cells as not found. Extra predicted rows score no cell; the
    table field as a whole is wrong when the row counts differ (see `report`).
    """
    pairs = _align(column_types, expected_rows, predicted_rows)
    outcomes: list[CellOutcome] = []
    for index, expected in enumerate(expected_rows):
        partner = pairs.get(index)
        predicted = predicted_rows[partner] if partner is not None else {}
        for column, value in expected.items():
            cell = predicted.get(column)
            guess = cell.value if cell is not None else None
            score = cell.confidence if cell is not None else 0
            failed_check = cell.failed_check if cell is not None else False
            correct = values_match(column_types.get(column, "text"), value, guess)
            outcomes.append(CellOutcome(index, column, value, guess, score, correct, failed_check))
    return tuple(outcomes)


def _agreement(
    column_types: Mapping[str, str],
    expected: Mapping[str, object],
    predicted: Mapping[str, PredictedCell],
) -> int:
    return sum(
        values_match(
            column_types.get(column, "text"),
            value,
            predicted[column].value if column in predicted else None,
        )
        for column, value in expected.items()
    )


def _align(
    column_types: Mapping[str, str],
    expected_rows: Sequence[Mapping[str, object]],
    predicted_rows: Sequence[Mapping[str, PredictedCell]],
) -> dict[int, int]:
    """Expected row index -> predicted row index, order kept, most agreeing cells in total."""
    n, m = len(expected_rows), len(predicted_rows)
    agree = [
        [_agreement(column_types, expected_rows[i], predicted_rows[j]) for j in range(m)]
        for i in range(n)
    ]
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            best[i][j] = max(
                best[i - 1][j], best[i][j - 1], best[i - 1][j - 1] + agree[i - 1][j - 1]
            )
    pairs: dict[int, int] = {}
    i, j = n, m
    while i and j:
        if agree[i - 1][j - 1] and best[i][j] == best[i - 1][j - 1] + agree[i - 1][j - 1]:
            pairs[i - 1] = j - 1
            i, j = i - 1, j - 1
        elif best[i][j] == best[i - 1][j]:
            i -= 1
        else:
            j -= 1
    if not any(agree[i][j] for i in range(n) for j in range(m)):
        # Nothing agrees anywhere: pair by position so the report shows what was read.
        pairs = {index: index for index in range(min(n, m))}
    return pairs
