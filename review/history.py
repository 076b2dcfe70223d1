"""A case's audit trail as the case page shows it: who did what, from what to what, with the
details of the change in words (stage and user ids resolved to names).

Built by `review.case_views` from `cases.selectors.case_history`; pure over loaded rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cases.models import AuditEvent
from extraction.models import REJECTED_CODE
from review.models import UNDO_REASON_PREFIX

_DATA_LABELS = {
    "filename": "file",
    "field": "field",
    "row": "row",
    "column": "column",
    "old_value": "was",
    "new_value": "now",
    "reason": "reason",
    "duplicate_of": "duplicate of",
    "error_code": "error",
}
_CHANGE_LABELS = {"stage_id": "stage", "assigned_to": "assignee", "case_name": "name"}


@dataclass(frozen=True)
class HistoryEntry:
    verb: str
    label: str
    actor: str
    from_state: str
    to_state: str
    details: list[tuple[str, str]]
    document: str
    created_at: datetime


def history_entries(
    events: Iterable[AuditEvent], *, names: Mapping[str, str]
) -> list[HistoryEntry]:
    """`names` maps stage and user public ids to what a person calls them."""
    return [
        HistoryEntry(
            verb=event.verb,
            label=_label(event),
            actor=event.actor_label,
            from_state=_name(event.from_state, names),
            to_state=_name(event.to_state, names),
            details=_details(event.data or {}, names, shows_stage=bool(event.to_state)),
            document=event.document.filename if event.document else "",
            created_at=event.created_at,
        )
        for event in events
    ]


def _label(event: AuditEvent) -> str:
    """The verb in words; an undo (recorded as a field change) says so."""
    reason = str((event.data or {}).get("reason") or "")
    if event.verb == AuditEvent.Verb.FIELD_CORRECTED and reason.startswith(UNDO_REASON_PREFIX):
        return "Decision undone"
    return event.get_verb_display()


def _name(value: Any, names: Mapping[str, str]) -> str:
    """A stage, user or status as people call it (`review_required` reads "review required")."""
    if value is None or value == "":
        return ""
    text = str(value)
    return names.get(text, text.replace("_", " "))


def _shown(key: str, value: Any, names: Mapping[str, str]) -> str:
    if key == "row" and isinstance(value, int):
        return str(value + 1)
    if key == "field":
        return str(value).replace("_", " ")
    if key == "error_code" and value == REJECTED_CODE:
        return "rejected by a reviewer"
    text = str(value)
    return names.get(text, text)


def _details(
    data: Mapping[str, Any], names: Mapping[str, str], *, shows_stage: bool
) -> list[tuple[str, str]]:
    """The data of an event in words; what the entry already shows is not repeated."""
    details = []
    unchanged = "old_value" in data and data.get("old_value") == data.get("new_value")
    for key, value in data.items():
        if key == "changes" and isinstance(value, Mapping):
            for change, values in value.items():
                if isinstance(values, Mapping) and not (change == "stage_id" and shows_stage):
                    before = _name(values.get("from"), names) or "none"
                    after = _name(values.get("to"), names) or "none"
                    details.append((_CHANGE_LABELS.get(change, change), f"{before} → {after}"))
            continue
        if value in (None, "", [], {}) or (unchanged and key == "new_value"):
            continue
        label = _DATA_LABELS.get(key, key.replace("_", " "))
        if unchanged and key == "old_value":
            label = "value"
        details.append((label, _shown(key, value, names)))
    return details
