"""The gate's flags: thresholds, required fields, failed rules, an uncertain case type and the
QA sample."""

from __future__ import annotations

import json

from cases.rules import Check
from extraction.gate import (
    GateField,
    GateFlag,
    classification_hold,
    effective_threshold,
    field_flags,
    qa_sampled,
)


def test_job_threshold_wins_over_the_case_types():
    assert effective_threshold(job_threshold=80, case_type_threshold=95) == 80
    assert effective_threshold(job_threshold=None, case_type_threshold=95) == 95
    assert effective_threshold(job_threshold=None, case_type_threshold=None) is None


def test_low_confidence_is_flagged_only_under_a_threshold():
    field = GateField(key="total", value="10.00", confidence=70)
    assert field_flags(spec={}, field=field, threshold=80) == ["low_confidence"]
    assert field_flags(spec={}, field=field, threshold=70) == []
    assert field_flags(spec={}, field=field, threshold=None) == []


def test_a_field_specs_own_threshold_overrides_the_documents():
    field = GateField(key="total", value="10.00", confidence=85)
    assert field_flags(spec={"threshold": 90}, field=field, threshold=50) == ["low_confidence"]


def test_missing_required_field_is_flagged_without_a_threshold():
    missing = GateField(key="number", value=None, confidence=0)
    assert field_flags(spec={"required": True}, field=missing, threshold=None) == [
        "required_missing"
    ]
    assert field_flags(spec={}, field=missing, threshold=90) == []


def test_a_failed_rule_flags_its_fields_even_without_a_threshold():
    field = GateField(key="total", value="10.00", confidence=99)
    failed = Check(rule="range", passed=False, message="too big", fields=("total",))
    passed = Check(rule="required", passed=True, message="ok", fields=("total",))
    assert field_flags(spec={}, field=field, threshold=None, checks=[failed, passed]) == [
        "rule_failed:range"
    ]


def test_qa_sample_is_deterministic_and_near_its_percentage():
    ids = [f"doc__{number:016x}" for number in range(2000)]
    chosen = [qa_sampled(document_id=doc_id, percent=10) for doc_id in ids]
    assert chosen == [qa_sampled(document_id=doc_id, percent=10) for doc_id in ids]
    assert 140 <= sum(chosen) <= 260
    assert not any(qa_sampled(document_id=doc_id, percent=0) for doc_id in ids)
    assert all(qa_sampled(document_id=doc_id, percent=100) for doc_id in ids)


def _cell(value, confidence, issues=()):
    return {"value": value, "text": value or "", "confidence": confidence, "issues": list(issues)}


def test_a_table_below_the_threshold_is_held_like_any_field():
    rows = ({"amount": _cell("15.00", 88)},)
    table = GateField(key="line_items", value=None, confidence=88, rows=rows)
    assert field_flags(spec={"type": "table"}, field=table, threshold=90) == ["low_confidence"]
    assert field_flags(spec={"type": "table"}, field=table, threshold=85) == []


def test_a_table_with_rows_is_not_missing_and_an_empty_required_table_is():
    rows = ({"amount": _cell("15.00", 99)},)
    table = GateField(key="line_items", value=None, confidence=99, rows=rows)
    assert field_flags(spec={"required": True}, field=table, threshold=90) == []
    empty = GateField(key="line_items", value=None, confidence=0)
    assert field_flags(spec={"required": True}, field=empty, threshold=90) == ["required_missing"]


def test_each_kind_of_failed_cell_check_flags_the_table_once_even_without_a_threshold():
    rows = (
        {"amount": _cell("50.00", 40, ["row_arithmetic", "sum_mismatch"])},
        {"amount": _cell("5.00", 95, ["sum_mismatch"])},
    )
    table = GateField(key="line_items", value=None, confidence=40, rows=rows)
    assert field_flags(spec={}, field=table, threshold=None) == [
        "table_check_failed:row_arithmetic",
        "table_check_failed:sum_mismatch",
    ]


def test_gate_flags_are_stored_as_their_plain_strings():
    assert [flag.value for flag in GateFlag] == [
        "low_confidence",
        "required_missing",
        "rule_failed",
        "table_check_failed",
    ]
    assert GateFlag.RULE_FAILED.detail("sum_equals") == "rule_failed:sum_equals"
    flags = field_flags(
        spec={"key": "total", "required": True},
        field=GateField(key="total", value=None, confidence=0),
        threshold=90,
    )
    assert json.dumps(flags) == '["required_missing"]'


def test_a_case_type_classified_under_the_threshold_holds_the_document():
    held = classification_hold(confidence=60, threshold=90, candidates=["Invoice", "Receipt"])
    assert held == {"confidence": 60, "threshold": 90, "candidates": ["Invoice", "Receipt"]}
    assert (
        classification_hold(confidence=90, threshold=90, candidates=["Invoice", "Receipt"]) is None
    )


def test_no_classification_hold_without_a_choice_or_a_threshold():
    assert classification_hold(confidence=0, threshold=90, candidates=["Invoice"]) is None
    assert (
        classification_hold(confidence=0, threshold=None, candidates=["Invoice", "Receipt"]) is None
    )
