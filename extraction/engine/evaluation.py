"""Scoring the engine against a corpus with ground truth: what `manage.py evaluate` prints.

Called by the `evaluate` management command and by benchmarks; pure apart from reading the
corpus folder. A corpus is a folder of `NAME.pdf|png|jpg|jpeg|tif|tiff` beside `NAME.json` =
`{"case_type": SLUG, "fields": {key: expected}}`. Values are compared after normalising by the
field's type (text casefolded with whitespace collapsed, numbers and money as decimals, dates as
dates). Reported: per-field and overall accuracy, and for each review threshold the share of
fields released without review (confidence >= T) and how many of those were right.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from extraction.engine.parsers import normalise_expected
from extraction.engine.types import EngineError, EngineInput, EngineResult, Schema

THRESHOLDS = (50, 70, 80, 90, 95)
DOCUMENT_SUFFIXES = (".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff")

Runner = Callable[[EngineInput], EngineResult]


@dataclass(frozen=True)
class CorpusItem:
    name: str
    path: Path
    case_type: str
    expected: dict[str, object]


@dataclass(frozen=True)
class FieldOutcome:
    key: str
    expected: object
    predicted: object
    confidence: int
    correct: bool


@dataclass(frozen=True)
class DocumentOutcome:
    name: str
    case_type: str
    fields: tuple[FieldOutcome, ...]
    error: str | None = None
    seconds: float = 0.0


@dataclass
class Report:
    documents: list[DocumentOutcome] = field(default_factory=list)

    @property
    def outcomes(self) -> list[FieldOutcome]:
        return [f for doc in self.documents for f in doc.fields]

    def accuracy(self) -> float:
        outcomes = self.outcomes
        return sum(o.correct for o in outcomes) / len(outcomes) if outcomes else 0.0

    def per_field(self) -> dict[str, tuple[int, int]]:
        """key -> (correct, total)."""
        table: dict[str, list[int]] = {}
        for outcome in self.outcomes:
            counts = table.setdefault(outcome.key, [0, 0])
            counts[0] += int(outcome.correct)
            counts[1] += 1
        return {key: (c, t) for key, (c, t) in sorted(table.items())}

    def thresholds(self) -> list[dict[str, float | int]]:
        """For each T: share released (confidence >= T) and accuracy among released."""
        outcomes = self.outcomes
        rows: list[dict[str, float | int]] = []
        for threshold in THRESHOLDS:
            released = [o for o in outcomes if o.confidence >= threshold]
            rows.append(
                {
                    "threshold": threshold,
                    "released": len(released),
                    "released_share": len(released) / len(outcomes) if outcomes else 0.0,
                    "released_accuracy": (
                        sum(o.correct for o in released) / len(released) if released else 1.0
                    ),
                }
            )
        return rows

    def as_dict(self) -> dict[str, object]:
        return {
            "documents": len(self.documents),
            "fields": len(self.outcomes),
            "accuracy": round(self.accuracy(), 4),
            "per_field": {
                key: {"correct": c, "total": t, "accuracy": round(c / t, 4)}
                for key, (c, t) in self.per_field().items()
            },
            "thresholds": [
                {k: round(v, 4) if isinstance(v, float) else v for k, v in row.items()}
                for row in self.thresholds()
            ],
            "results": [
                {
                    "document": doc.name,
                    "case_type": doc.case_type,
                    "error": doc.error,
                    "seconds": round(doc.seconds, 3),
                    "fields": {
                        o.key: {
                            "expected": o.expected,
                            "predicted": o.predicted,
                            "confidence": o.confidence,
                            "correct": o.correct,
                        }
                        for o in doc.fields
                    },
                }
                for doc in self.documents
            ],
        }


def load_corpus(folder: Path | str) -> list[CorpusItem]:
    """Documents with a JSON truth beside them, sorted by name; others are skipped."""
    items: list[CorpusItem] = []
    for path in sorted(Path(folder).iterdir()):
        if path.suffix.lower() not in DOCUMENT_SUFFIXES or not path.is_file():
            continue
        truth_path = path.with_suffix(".json")
        if not truth_path.exists():
            continue
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        items.append(
            CorpusItem(path.stem, path, str(truth["case_type"]), dict(truth.get("fields", {})))
        )
    return items


def values_match(field_type: str, expected: object, predicted: object) -> bool:
    if predicted is None:
        return expected is None
    return normalise_expected(field_type, expected) == normalise_expected(field_type, predicted)


def evaluate_item(item: CorpusItem, schema: Schema, runner: Runner) -> DocumentOutcome:
    import time

    types = {spec.key: spec.type for spec in schema.fields}
    started = time.monotonic()
    try:
        result = runner(EngineInput(item.path.read_bytes(), item.path.name, (schema,)))
    except EngineError as exc:
        missing = tuple(FieldOutcome(k, v, None, 0, False) for k, v in item.expected.items())
        return DocumentOutcome(
            item.name,
            item.case_type,
            missing,
            f"{exc.code}: {exc.message}",
            time.monotonic() - started,
        )
    seconds = time.monotonic() - started
    predicted = {f.key: f for f in result.documents[0].fields} if result.documents else {}
    outcomes: list[FieldOutcome] = []
    for key, expected in item.expected.items():
        found = predicted.get(key)
        value = found.value if found else None
        score = found.confidence if found else 0
        correct = values_match(types.get(key, "text"), expected, value)
        outcomes.append(FieldOutcome(key, expected, value, score, correct))
    return DocumentOutcome(item.name, item.case_type, tuple(outcomes), None, seconds)


def evaluate_corpus(
    folder: Path | str, schemas: dict[str, Schema], runner: Runner | None = None
) -> Report:
    """Run every document through `runner` (default: the isolated engine) and score it."""
    if runner is None:
        from extraction.engine.isolation import run_engine_isolated

        runner = run_engine_isolated
    report = Report()
    for item in load_corpus(folder):
        schema = schemas.get(item.case_type)
        if schema is None:
            missing = tuple(FieldOutcome(k, v, None, 0, False) for k, v in item.expected.items())
            report.documents.append(
                DocumentOutcome(
                    item.name, item.case_type, missing, f"UNKNOWN_CASE_TYPE: {item.case_type}"
                )
            )
            continue
        report.documents.append(evaluate_item(item, schema, runner))
    return report


def format_report(report: Report) -> str:
    """The plain-text table `evaluate` prints."""
    lines = [
        f"documents: {len(report.documents)}  fields: {len(report.outcomes)}  "
        f"accuracy: {report.accuracy():.1%}",
        "",
        "field                     correct  accuracy",
    ]
    for key, (correct, total) in report.per_field().items():
        lines.append(f"{key:25} {correct:>3}/{total:<3}  {correct / total:7.1%}")
    lines += ["", "threshold  released  share    accuracy"]
    for row in report.thresholds():
        lines.append(
            f"{row['threshold']:>9}  {row['released']:>8}  {row['released_share']:6.1%}  "
            f"{row['released_accuracy']:8.1%}"
        )
    errors = [doc for doc in report.documents if doc.error]
    for doc in errors:
        lines.append(f"error: {doc.name}: {doc.error}")
    return "\n".join(lines)
