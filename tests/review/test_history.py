"""The case history as shown: names instead of ids, changes in words."""

from __future__ import annotations

from django.utils import timezone

from cases.models import AuditEvent
from review.history import history_entries


def event(**fields) -> AuditEvent:
    return AuditEvent(created_at=timezone.now(), actor_label="alice", **fields)


def test_stage_and_user_ids_are_shown_by_name():
    names = {"stage__a": "Review", "stage__b": "Paid", "user__1": "bob"}
    [entry] = history_entries(
        [
            event(
                verb=AuditEvent.Verb.CASE_UPDATED,
                from_state="stage__a",
                to_state="stage__b",
                data={
                    "changes": {
                        "stage_id": {"from": "stage__a", "to": "stage__b"},
                        "assigned_to": {"from": None, "to": "user__1"},
                    }
                },
            )
        ],
        names=names,
    )
    assert (entry.label, entry.actor) == ("Case updated", "alice")
    assert (entry.from_state, entry.to_state) == ("Review", "Paid")
    assert entry.details == [("assignee", "none → bob")]


def test_field_decisions_show_values_and_rows_counted_from_one():
    [entry] = history_entries(
        [
            event(
                verb=AuditEvent.Verb.FIELD_CORRECTED,
                data={
                    "field": "line_items",
                    "row": 0,
                    "column": "amount",
                    "old_value": "1",
                    "new_value": "2",
                },
            )
        ],
        names={},
    )
    assert entry.details == [
        ("field", "line items"),
        ("row", "1"),
        ("column", "amount"),
        ("was", "1"),
        ("now", "2"),
    ]
    assert (entry.from_state, entry.to_state, entry.document) == ("", "", "")


def test_approvals_show_the_value_once_and_values_keep_their_underscores():
    [entry] = history_entries(
        [
            event(
                verb=AuditEvent.Verb.FIELD_APPROVED,
                data={"field": "invoice_number", "old_value": "INV_1", "new_value": "INV_1"},
            )
        ],
        names={},
    )
    assert entry.details == [("field", "invoice number"), ("value", "INV_1")]


def test_a_stage_move_is_not_repeated_in_the_details():
    [entry] = history_entries(
        [
            event(
                verb=AuditEvent.Verb.STAGE_CHANGED,
                from_state="stage__a",
                to_state="stage__b",
                data={"changes": {"stage_id": {"from": "stage__a", "to": "stage__b"}}},
            )
        ],
        names={"stage__a": "Review", "stage__b": "Paid"},
    )
    assert (entry.from_state, entry.to_state, entry.details) == ("Review", "Paid", [])
