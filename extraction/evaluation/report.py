"""Scoring the engine on labelled corpora: accuracy, table cells, reliability, per source.

Called by `manage.py evaluate` (what users run, and the only path whose figures are published),
`bench/calibrate.py` and tests. Pure apart from running the given runner on the corpus files; it
imports the engine, never the other way round.

Reported per source and over all sources:
- accuracy per field and overall (`compare.values_match`); a table field is right when every
  expected cell is right and no row is missing or extra, and its cells are counted apart;
- the reliability table: for each threshold T, the fields released without review
  (confidence >= T), their share of all scored fields, and the share right among them. A
  calibrated engine has share right >= T% on every row.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from extraction.engine.types import (
    EngineError,
    EngineInput,
    EngineResult,
    FieldResult,
    FieldSpec,
    FieldType,
    Schema,
)
from extraction.evaluation.compare import CellOutcome, PredictedCell, table_cells, values_match
from extraction.evaluation.corpus import CorpusError, CorpusItem

THRESHOLDS = (50, 60, 70, 80, 90, 95)

Runner = Callable[[EngineInput], EngineResult]
Progress = Callable[[int, int, CorpusItem], None]


@dataclass(frozen=True)
class FieldOutcome:
    key: str
    expected: object
    predicted: object
    confidence: int
    correct: bool
    cells: tuple[CellOutcome, ...] = ()
    """Table fields only: one outcome per expected cell."""


@dataclass(frozen=True)
class DocumentOutcome:
    name: str
    case_type: str
    fields: tuple[FieldOutcome, ...]
    error: str | None = None
    seconds: float = 0.0
    source: str = ""


def reliability(scored: Iterable[tuple[int, bool]]) -> list[dict[str, object]]:
    """Rows of (threshold, released, released_share, released_correct, released_accuracy).

    `scored` is (confidence, correct) per field. `released_accuracy` is None when nothing is
    released at that threshold (no claim to check).
    """
    pairs = list(scored)
    rows: list[dict[str, object]] = []
    for threshold in THRESHOLDS:
        released = [correct for score, correct in pairs if score >= threshold]
        right = sum(released)
        rows.append(
            {
                "threshold": threshold,
                "released": len(released),
                "released_share": len(released) / len(pairs) if pairs else 0.0,
                "released_correct": right,
                "released_accuracy": right / len(released) if released else None,
            }
        )
    return rows


@dataclass
class Report:
    documents: list[DocumentOutcome] = field(default_factory=list)

    @property
    def outcomes(self) -> list[FieldOutcome]:
        return [f for doc in self.documents for f in doc.fields]

    @property
    def cells(self) -> list[CellOutcome]:
        return [cell for outcome in self.outcomes for cell in outcome.cells]

    def accuracy(self) -> float:
        outcomes = self.outcomes
        return sum(o.correct for o in outcomes) / len(outcomes) if outcomes else 0.0

    def per_field(self) -> dict[str, tuple[int, int]]:
        """key -> (correct, total); a table's cells as `key.column`."""
        table: dict[str, list[int]] = {}
        for outcome in self.outcomes:
            counts = table.setdefault(outcome.key, [0, 0])
            counts[0] += int(outcome.correct)
            counts[1] += 1
            for cell in outcome.cells:
                counts = table.setdefault(f"{outcome.key}.{cell.column}", [0, 0])
                counts[0] += int(cell.correct)
                counts[1] += 1
        return {key: (c, t) for key, (c, t) in sorted(table.items())}

    def thresholds(self) -> list[dict[str, object]]:
        return reliability((o.confidence, o.correct) for o in self.outcomes)

    def sources(self) -> list[str]:
        return list(dict.fromkeys(doc.source for doc in self.documents))

    def for_source(self, source: str) -> Report:
        return Report([doc for doc in self.documents if doc.source == source])

    def summary(self) -> dict[str, object]:
        """Counts, accuracy, per field, cells and the reliability table (no documents)."""
        cells = self.cells
        right = sum(cell.correct for cell in cells)
        return {
            "documents": len(self.documents),
            "fields": len(self.outcomes),
            "accuracy": round(self.accuracy(), 4),
            "per_field": {
                key: {"correct": c, "total": t, "accuracy": round(c / t, 4)}
                for key, (c, t) in self.per_field().items()
            },
            "cells": {
                "correct": right,
                "total": len(cells),
                "accuracy": round(right / len(cells), 4) if cells else None,
            },
            "thresholds": [_rounded(row) for row in self.thresholds()],
        }

    def as_dict(self) -> dict[str, object]:
        return {
            **self.summary(),
            "per_source": {source: self.for_source(source).summary() for source in self.sources()},
            "results": [_document_dict(doc) for doc in self.documents],
        }


def _rounded(row: dict[str, object]) -> dict[str, object]:
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in row.items()}


def _document_dict(doc: DocumentOutcome) -> dict[str, object]:
    return {
        "document": doc.name,
        "source": doc.source,
        "case_type": doc.case_type,
        "error": doc.error,
        "seconds": round(doc.seconds, 3),
        "fields": {
            o.key: {
                "expected": o.expected,
                "predicted": o.predicted,
                "confidence": o.confidence,
                "correct": o.correct,
                **(
                    {
                        "cells": [
                            {
                                "row": c.row,
                                "column": c.column,
                                "expected": c.expected,
                                "predicted": c.predicted,
                                "confidence": c.confidence,
                                "correct": c.correct,
                            }
                            for c in o.cells
                        ]
                    }
                    if o.cells
                    else {}
                ),
            }
            for o in doc.fields
        },
    }


def field_outcome(
    spec: FieldSpec | None, key: str, expected: object, found: FieldResult | None
) -> FieldOutcome:
    """Score one expected field against what the engine returned for its key.

    A key the case type lacks is compared as text (and is never found).
    """
    score = found.confidence if found else 0
    field_type = spec.type if spec else "text"
    if field_type != FieldType.TABLE or spec is None:
        value = found.value if found else None
        return FieldOutcome(key, expected, value, score, values_match(field_type, expected, value))
    if not isinstance(expected, list) or not all(isinstance(row, dict) for row in expected):
        raise CorpusError(f"{key}: a table's truth is a list of row objects.")
    rows = [
        {
            column: PredictedCell(cell.value, cell.confidence, bool(cell.issues))
            for column, cell in row.items()
        }
        for row in (found.rows if found else ())
    ]
    cells = table_cells({c.key: c.type for c in spec.columns}, expected, rows)
    predicted = [{column: cell.value for column, cell in row.items()} for row in rows]
    correct = len(rows) == len(expected) and all(cell.correct for cell in cells)
    return FieldOutcome(key, expected, predicted or None, score, correct, cells)


def evaluate_item(item: CorpusItem, schema: Schema, runner: Runner) -> DocumentOutcome:
    started = time.monotonic()
    try:
        result = runner(EngineInput(item.path.read_bytes(), item.path.name, (schema,)))
    except EngineError as exc:
        return _failed(item, f"{exc.code}: {exc.message}", time.monotonic() - started)
    seconds = time.monotonic() - started
    predicted = {f.key: f for f in result.documents[0].fields} if result.documents else {}
    specs = {spec.key: spec for spec in schema.fields}
    outcomes = [
        field_outcome(specs.get(key), key, expected, predicted.get(key))
        for key, expected in item.expected.items()
    ]
    return DocumentOutcome(item.name, item.case_type, tuple(outcomes), None, seconds, item.source)


def _failed(item: CorpusItem, error: str, seconds: float = 0.0) -> DocumentOutcome:
    missing = tuple(FieldOutcome(k, v, None, 0, False) for k, v in item.expected.items())
    return DocumentOutcome(item.name, item.case_type, missing, error, seconds, item.source)


def evaluate_items(
    items: list[CorpusItem],
    schemas: dict[str, Schema],
    runner: Runner | None = None,
    progress: Progress | None = None,
) -> Report:
    """Run every document through `runner` (default: the isolated engine, as the worker runs
    it) and score it; a document of an unknown case type scores every field as not found."""
    if runner is None:
        from extraction.engine.isolation import run_engine_isolated

        runner = run_engine_isolated
    report = Report()
    for position, item in enumerate(items, start=1):
        if progress is not None:
            progress(position, len(items), item)
        schema = schemas.get(item.case_type)
        if schema is None:
            report.documents.append(_failed(item, f"UNKNOWN_CASE_TYPE: {item.case_type}"))
            continue
        report.documents.append(evaluate_item(item, schema, runner))
    return report


def format_report(report: Report) -> str:
    """The plain text `evaluate` prints: one section per source (when several), then the total."""
    sections: list[str] = []
    sources = report.sources()
    if len(sources) > 1:
        sections += [_format_section(f"source {s}", report.for_source(s)) for s in sources]
    title = "all sources" if len(sources) > 1 else f"source {sources[0]}" if sources else "empty"
    sections.append(_format_section(title, report))
    errors = [
        f"error: {doc.source}/{doc.name}: {doc.error}" for doc in report.documents if doc.error
    ]
    return "\n\n".join(sections + (["\n".join(errors)] if errors else []))


def _format_section(title: str, report: Report) -> str:
    cells = report.cells
    right = sum(cell.correct for cell in cells)
    cell_text = f"  cells: {right}/{len(cells)} ({right / len(cells):.1%})" if cells else ""
    lines = [
        f"== {title}",
        f"documents: {len(report.documents)}  fields: {len(report.outcomes)}  "
        f"accuracy: {report.accuracy():.1%}{cell_text}",
        "",
        "field                          correct  accuracy",
    ]
    for key, (correct, total) in report.per_field().items():
        lines.append(f"{key:30} {correct:>3}/{total:<3}  {correct / total:7.1%}")
    lines += ["", "threshold  released  share    right"]
    for row in report.thresholds():
        accuracy = row["released_accuracy"]
        right_text = f"{accuracy:8.1%}" if isinstance(accuracy, float) else f"{'–':>8}"
        lines.append(
            f"{row['threshold']:>9}  {row['released']:>8}  {row['released_share']:6.1%}  "
            f"{right_text}"
        )
    return "\n".join(lines)
