"""Which extracted fields a human must see before a result is released (SPEC §4).

Pure: given field specs, the machine's values and the threshold, it says which fields are
flagged and why: low confidence, required and missing, or a failed validation rule (which
flags even without a threshold). A case type may also send a deterministic sample of otherwise
clean documents to review. It lives beside the pipeline because the pipeline runs it as its
last step; the review app then releases or rejects what it held.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cases.rules import Check

LOW_CONFIDENCE = "low_confidence"
REQUIRED_MISSING = "required_missing"
RULE_FAILED = "rule_failed"


@dataclass(frozen=True)
class GateField:
    key: str
    value: Any
    confidence: int


def effective_threshold(
    *, job_threshold: int | None, case_type_threshold: int | None
) -> int | None:
    """The job's `documentReview` wins, then the case type's default, else no threshold."""
    return job_threshold if job_threshold is not None else case_type_threshold


def field_flags(
    *, spec: Mapping[str, Any], field: GateField, threshold: int | None, checks: list[Check] = ()
) -> list[str]:
    """The reasons to hold one field; a field spec's own threshold overrides the document's."""
    flags: list[str] = []
    missing = field.value in (None, "", [])
    if spec.get("required") and missing:
        flags.append(REQUIRED_MISSING)
    field_threshold = spec.get("threshold") or threshold
    if field_threshold is not None and not missing and field.confidence < field_threshold:
        flags.append(LOW_CONFIDENCE)
    for check in checks:
        if not check.passed and field.key in check.fields:
            flags.append(f"{RULE_FAILED}:{check.rule}")
    return flags


def qa_sampled(*, document_id: str, percent: int) -> bool:
    """Whether a clean document is sent to review anyway: the same document always gets the
    same answer, and about `percent` in a hundred documents are chosen."""
    if percent <= 0:
        return False
    bucket = int(hashlib.sha256(document_id.encode()).hexdigest()[:8], 16) % 100
    return bucket < percent
