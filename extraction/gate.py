"""Which extracted fields a human must see before a result is released (SPEC §4).

Pure: given field specs, the machine's fields and the threshold, it says which fields are
flagged and why. The pipeline calls it as its last step; the review app releases or rejects
what it held. It lives beside the pipeline because the pipeline runs it and imports flow from
`extraction` to `review`, never back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

LOW_CONFIDENCE = "low_confidence"
REQUIRED_MISSING = "required_missing"


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


def field_flags(*, spec: Mapping[str, Any], field: GateField, threshold: int | None) -> list[str]:
    """The reasons to hold one field; a field spec's own threshold overrides the document's."""
    flags: list[str] = []
    missing = field.value in (None, "", [])
    if spec.get("required") and missing:
        flags.append(REQUIRED_MISSING)
    field_threshold = spec.get("threshold") or threshold
    if field_threshold is not None and not missing and field.confidence < field_threshold:
        flags.append(LOW_CONFIDENCE)
    return flags
