"""Which extracted fields a human must see before a result is released (SPEC §4).

Pure: given field specs, the machine's values and the threshold, it says which fields are
flagged and why: low confidence, required and missing, or a failed validation rule (which
flags even without a threshold). A whole document is held when classification chose its case
type among several with a confidence under the threshold, and a case type may also send a
deterministic sample of otherwise clean documents to review. It lives beside the pipeline
because the pipeline runs it as its last step; the review app then releases or rejects what
it held.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from cases.rules import Check
from extraction.engine.table_checks import CELL_ISSUES, row_issues


class GateFlag(StrEnum):
    """Why the gate holds a field, as stored in `DocumentField.flags` and shown by the API.

    `rule_failed` and `table_check_failed` are prefixes: the stored flag names the rule or the
    cell check after a colon (`rule_failed:sum_equals`, `table_check_failed:row_arithmetic`),
    made by `detail`.
    """

    LOW_CONFIDENCE = "low_confidence"
    REQUIRED_MISSING = "required_missing"
    RULE_FAILED = "rule_failed"
    TABLE_CHECK_FAILED = "table_check_failed"

    def detail(self, name: str) -> str:
        return f"{self.value}:{name}"


class DocumentFlag(StrEnum):
    """Why the gate holds a whole document rather than a field, as a key of
    `Document.metadata`.

    `case_type_uncertain` maps to `{"confidence", "threshold", "candidates"}` (the candidates'
    names, the chosen one first) and is made by `classification_hold`.
    """

    CASE_TYPE_UNCERTAIN = "case_type_uncertain"


class HoldReason(StrEnum):
    """Why the gate held a job for review when it was extracted, as its status answer's
    `reviewReasons` says (in this order): some field is flagged (`GateFlag`), some document's
    case type is in doubt (`DocumentFlag.CASE_TYPE_UNCERTAIN`), or a document was drawn for
    quality assurance (`CaseType.qa_sample_percent`) although nothing in it is flagged.
    """

    FIELDS_FLAGGED = "fields_flagged"
    CASE_TYPE_UNCERTAIN = "case_type_uncertain"
    QA_SAMPLE = "qa_sample"


@dataclass(frozen=True)
class GateField:
    key: str
    value: Any
    confidence: int
    rows: tuple[Mapping[str, Mapping[str, Any]], ...] = ()
    """A table's rows as stored: column key -> cell JSON with `confidence` and `issues`."""


def effective_threshold(
    *, job_threshold: int | None, case_type_threshold: int | None
) -> int | None:
    """The job's `documentReview` wins, then the case type's default, else no threshold."""
    return job_threshold if job_threshold is not None else case_type_threshold


def field_flags(
    *,
    spec: Mapping[str, Any],
    field: GateField,
    threshold: int | None,
    checks: Sequence[Check] = (),
) -> list[str]:
    """The reasons to hold one field; a field spec's own threshold overrides the document's.

    A table is present when it has rows; its confidence is its weakest cell's (see
    `extraction.engine.table_checks`), and every kind of check its cells failed is a flag.
    """
    flags: list[str] = []
    missing = field.value in (None, "", []) and not field.rows
    if spec.get("required") and missing:
        flags.append(GateFlag.REQUIRED_MISSING)
    field_threshold = spec.get("threshold") or threshold
    if field_threshold is not None and not missing and field.confidence < field_threshold:
        flags.append(GateFlag.LOW_CONFIDENCE)
    failed = {
        issue for row in field.rows for cell in row.values() for issue in cell.get("issues", ())
    }
    flags.extend(
        GateFlag.TABLE_CHECK_FAILED.detail(issue) for issue in CELL_ISSUES if issue in failed
    )
    for check in checks:
        if not check.passed and field.key in check.fields:
            flags.append(GateFlag.RULE_FAILED.detail(check.rule))
    return flags


def classification_hold(
    *, confidence: int, threshold: int | None, candidates: Sequence[str]
) -> dict[str, Any] | None:
    """What the gate records when the case type itself is in doubt, else None.

    `candidates` are the names of the case types classification chose among, the chosen one
    first. A single candidate is no choice (a `templateName` job); without a threshold nothing
    is held for confidence, as for fields. The classification confidence (0-100: how strongly
    the best case type's keywords and labelled fields are found, scaled by its margin over
    the runner-up, `extraction.engine.classify`) is conservative: on the shared corpora every
    document classified at 55 or more had the right type.
    """
    if len(candidates) < 2 or threshold is None or confidence >= threshold:
        return None
    return {"confidence": confidence, "threshold": threshold, "candidates": list(candidates)}


def qa_sampled(*, document_id: str, percent: int) -> bool:
    """Whether a clean document is sent to review anyway: the same document always gets the
    same answer, and about `percent` in a hundred documents are chosen."""
    if percent <= 0:
        return False
    bucket = int(hashlib.sha256(document_id.encode()).hexdigest()[:8], 16) % 100
    return bucket < percent


def table_recheck(
    *, rows: list[dict[str, Any]], spec: Mapping[str, Any], subtotal: Any
) -> tuple[list[dict[str, Any]], list[str]]:
    """A stored table's rows with each cell's `issues` recomputed, and the table's check flags.

    Used after a reviewer changes a cell (or the subtotal): the same checks as the engine's,
    on the values as they now stand. `rows` are stored rows (column -> cell JSON); the returned
    rows are new dicts; flags are `table_check_failed:<check>`, one per kind still failing.
    """
    columns = [(str(c["key"]), bool(c.get("required"))) for c in spec.get("columns") or []]
    plain = [
        {key: (cell.get("value"), str(cell.get("text") or "")) for key, cell in row.items()}
        for row in rows
    ]
    marks = row_issues(plain, columns, subtotal)
    checked = [
        {key: {**cell, "issues": found.get(key, [])} for key, cell in row.items()}
        for row, found in zip(rows, marks, strict=True)
    ]
    failed = {issue for found in marks for issues in found.values() for issue in issues}
    return checked, [
        GateFlag.TABLE_CHECK_FAILED.detail(issue) for issue in CELL_ISSUES if issue in failed
    ]
