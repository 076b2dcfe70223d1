"""Declarative validation rules: checking values and validating rule definitions."""

from __future__ import annotations

import pytest

from cases import services
from cases.errors import ValidationFailed
from cases.rules import rules_check, rules_problems

KEYS = [
    "invoice_number",
    "invoice_date",
    "due_date",
    "total_amount",
    "subtotal_amount",
    "line_items",
]


@pytest.mark.parametrize(
    ("rule", "values", "passed"),
    [
        ({"type": "required", "field": "invoice_number"}, {"invoice_number": "A1"}, True),
        ({"type": "required", "field": "invoice_number"}, {"invoice_number": ""}, False),
        (
            {"type": "pattern", "field": "invoice_number", "pattern": "^A[0-9]+$"},
            {"invoice_number": "A12"},
            True,
        ),
        (
            {"type": "pattern", "field": "invoice_number", "pattern": "^A[0-9]+$"},
            {"invoice_number": "B12"},
            False,
        ),
        (
            {"type": "range", "field": "total_amount", "min": "0", "max": "100"},
            {"total_amount": "100.00"},
            True,
        ),
        (
            {"type": "range", "field": "total_amount", "min": "0", "max": "100"},
            {"total_amount": "100.01"},
            False,
        ),
        ({"type": "range", "field": "total_amount", "min": "0"}, {"total_amount": None}, True),
        (
            {"type": "date_order", "before": "invoice_date", "after": "due_date"},
            {"invoice_date": "2024-03-01", "due_date": "2024-03-31"},
            True,
        ),
        (
            {"type": "date_order", "before": "invoice_date", "after": "due_date"},
            {"invoice_date": "2024-04-01", "due_date": "2024-03-31"},
            False,
        ),
        (
            {
                "type": "sum_equals",
                "table": "line_items",
                "column": "amount",
                "field": "subtotal_amount",
            },
            {"line_items": [{"amount": "10.00"}, {"amount": "5.50"}], "subtotal_amount": "15.50"},
            True,
        ),
        (
            {
                "type": "sum_equals",
                "table": "line_items",
                "column": "amount",
                "field": "subtotal_amount",
            },
            {"line_items": [{"amount": "10.00"}, {"amount": "5.50"}], "subtotal_amount": "16.00"},
            False,
        ),
    ],
)
def test_each_rule_type_passes_and_fails_as_it_should(rule, values, passed):
    [check] = rules_check([rule], values)
    assert check.passed is passed
    assert check.rule == rule["type"]
    assert check.message


def test_a_rule_can_carry_its_own_name_and_message():
    rule = {
        "type": "required",
        "field": "invoice_number",
        "name": "has-number",
        "message": "Need it",
    }
    [check] = rules_check([rule], {})
    assert (check.rule, check.message, check.fields) == (
        "has-number",
        "Need it",
        ("invoice_number",),
    )


@pytest.mark.parametrize(
    ("rules", "problem"),
    [
        ("not a list", "must be a list"),
        ([{"type": "vibes"}], "type must be one of"),
        ([{"type": "range"}], "needs field"),
        ([{"type": "required", "field": "colour"}], "names no field"),
        ([{"type": "pattern", "field": "invoice_number", "pattern": "("}], "not a valid regular"),
        ([{"type": "range", "field": "total_amount", "min": "lots"}], "min must be a number"),
        ([{"type": "required", "field": "invoice_number", "extra": 1}], "unknown attributes"),
    ],
)
def test_invalid_rule_definitions_are_explained(rules, problem):
    problems = rules_problems(rules, KEYS)
    assert any(problem in text for text in problems), problems


def test_case_type_refuses_invalid_rules_on_save(tenant):
    with pytest.raises(ValidationFailed) as caught:
        services.case_type_update(
            case_type=tenant.case_type, validation_rules=[{"type": "required", "field": "colour"}]
        )
    assert caught.value.message.startswith("validation_rules")


# --- fields_sum: subtotal + tax = total -----------------------------------------------------

TOTALS = {"fields": ["subtotal_amount", "tax_amount"], "field": "total_amount"}


@pytest.mark.parametrize(
    ("values", "passed"),
    [
        ({"subtotal_amount": "100.00", "tax_amount": "19.00", "total_amount": "119.00"}, True),
        ({"subtotal_amount": "100.00", "tax_amount": "19.00", "total_amount": "119.01"}, True),
        ({"subtotal_amount": "100.00", "tax_amount": "19.00", "total_amount": "120.00"}, False),
        ({"subtotal_amount": "-100.00", "tax_amount": "-19.00", "total_amount": "-119.00"}, True),
        ({"subtotal_amount": "100.00", "total_amount": "120.00"}, True),
    ],
)
def test_fields_sum_checks_that_the_fields_add_up_to_the_total(values, passed):
    [check] = rules_check([{"type": "fields_sum", **TOTALS}], values)
    assert check.passed is passed
    assert check.fields == ("subtotal_amount", "tax_amount", "total_amount")


def test_a_failed_fields_sum_says_both_sums():
    values = {"subtotal_amount": "100.00", "tax_amount": "19.00", "total_amount": "120.00"}
    [check] = rules_check([{"type": "fields_sum", **TOTALS}], values)
    assert check.message == (
        "subtotal_amount + tax_amount (119.00) does not equal total_amount (120.00)."
    )


@pytest.mark.parametrize(
    ("rule", "problem"),
    [
        ({"type": "fields_sum", "field": "total_amount"}, "rule 1: needs fields."),
        (
            {"type": "fields_sum", "fields": [], "field": "total_amount"},
            "rule 1: fields must be a non-empty list of field keys.",
        ),
        (
            {"type": "fields_sum", "fields": ["subtotal_amount", "vat"], "field": "total_amount"},
            "rule 1: fields names 'vat', no field of this case type.",
        ),
    ],
)
def test_fields_sum_rules_that_name_no_fields_are_refused(rule, problem):
    keys = ["subtotal_amount", "tax_amount", "total_amount"]
    assert problem in rules_problems([rule], keys)


def test_a_non_finite_number_compares_with_nothing_instead_of_raising():
    values = {"subtotal_amount": "NaN", "tax_amount": "19.00", "total_amount": "119.00"}
    [check] = rules_check([{"type": "fields_sum", **TOTALS}], values)
    assert check.passed is True
    assert "nothing to compare" in check.message
    assert "rule 1: tolerance must be a number." in rules_problems(
        [{"type": "fields_sum", **TOTALS, "tolerance": "NaN"}],
        ["subtotal_amount", "tax_amount", "total_amount"],
    )
