"""A case's audit trail as the case page shows it: who did what, from what to what, with the
details of the change in words (stage and user ids resolved to names).

Built by `review.case_views` from `review.selectors.case_history`; pure over loaded rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cases.models import AuditEvent

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
            label=event.get_verb_display(),
            actor=event.actor_label,
            from_state=_name(event.from_state, names),
            to_state=_name(event.to_state, names),
            details=_details(event.data or {}, names),
            document=event.document.filename if event.document else "",
            created_at=event.created_at,
        )
        for event in events
    ]


def _name(value: Any, names: Mapping[str, str]) -> str:
    if value is None or value == "":
        return "—"
    text = str(value)
    return names.get(text, text.replace("_", " "))


def _details(data: Mapping[str, Any], names: Mapping[str, str]) -> list[tuple[str, str]]:
    details = []
    for key, value in data.items():
        if key == "changes" and isinstance(value, Mapping):
            for change, values in value.items():
                if isinstance(values, Mapping):
                    before = _name(values.get("from"), names)
                    after = _name(values.get("to"), names)
                    details.append((_CHANGE_LABELS.get(change, change), f"{before} → {after}"))
            continue
        if value in (None, "", [], {}):
            continue
        label = _DATA_LABELS.get(key, key.replace("_", " "))
        shown = str(value + 1) if key == "row" and isinstance(value, int) else _name(value, names)
        details.append((label, shown))
    return details
