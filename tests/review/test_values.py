"""`review.values.reviewed_value`: what a reviewer may type for each field type."""

from __future__ import annotations

import pytest

from cases.errors import ValidationFailed
from review.values import reviewed_value


def spec(field_type: str, **extra) -> dict:
    return {"key": "field", "type": field_type, **extra}


@pytest.mark.parametrize(
    ("field_type", "typed", "stored"),
    [
        ("date", "2024-03-14", "2024-03-14"),
        ("date", "14.03.2024", "2024-03-14"),
        ("money", "1 234.50", "1234.50"),
        ("money", "1.234,50", "1234.50"),
        ("number", "3.5", "3.5"),
        ("text", "  ACME GmbH ", "ACME GmbH"),
        ("iban", "DE89 3704 0044 0532 0130 00", "DE89370400440532013000"),
    ],
)
def test_a_typed_value_is_stored_in_its_field_types_normal_form(field_type, typed, stored):
    assert str(reviewed_value(spec(field_type), typed)) == stored


def test_one_separator_followed_by_three_digits_reads_as_thousands_only_when_it_is_a_comma():
    assert str(reviewed_value(spec("money"), "1,234")) == "1234.00"
    assert str(reviewed_value(spec("number"), "1,5")) == "1.5"


@pytest.mark.parametrize("empty", [None, "", "   "])
def test_an_empty_value_clears_an_optional_field(empty):
    assert reviewed_value(spec("money"), empty) is None


def test_a_required_field_cannot_be_cleared():
    with pytest.raises(ValidationFailed, match="field: a value is required"):
        reviewed_value(spec("money", required=True), " ")


@pytest.mark.parametrize(
    ("field_type", "typed", "expected"),
    [
        ("date", "next tuesday", "a date such as 2024-03-14"),
        ("money", "lots", "an amount such as 1234.50"),
        ("iban", "DE00 0000", "a valid IBAN"),
    ],
)
def test_a_value_that_does_not_parse_names_the_field_and_the_form_expected(
    field_type, typed, expected
):
    with pytest.raises(ValidationFailed) as refused:
        reviewed_value(spec(field_type), typed)
    assert expected in str(refused.value)
    assert refused.value.details == {"field": "field"}


def test_an_enum_value_must_be_one_of_its_choices():
    enum = spec("enum", choices=["EUR", "USD"])
    assert reviewed_value(enum, "EUR") == "EUR"
    with pytest.raises(ValidationFailed, match="one of EUR, USD"):
        reviewed_value(enum, "Yen")


def test_a_boolean_is_kept_as_sent():
    assert reviewed_value(spec("boolean"), False) is False


@pytest.mark.parametrize(
    ("field_type", "typed"),
    [
        ("money", "12x.5"),
        ("money", "12.5.0"),
        ("money", "1O0.00"),
        ("money", "12,50 EUR extra"),
        ("number", "7a"),
        ("number", "3 pcs"),
    ],
)
def test_a_typo_in_a_typed_number_is_refused_not_read_as_another_number(field_type, typed):
    with pytest.raises(ValidationFailed) as refused:
        reviewed_value(spec(field_type), typed)
    assert refused.value.details == {"field": "field"}


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("€ 12.50", "12.50"),
        ("12,50 EUR", "12.50"),
        ("USD 1,234.00", "1234.00"),
        ("-3.20", "-3.20"),
        ("(45.00)", "-45.00"),
        ("1'234.50", "1234.50"),
    ],
)
def test_a_typed_amount_may_carry_a_currency_sign_or_group_separators(typed, stored):
    assert str(reviewed_value(spec("money"), typed)) == stored


def test_a_refused_value_is_quoted_as_the_reviewer_typed_it():
    with pytest.raises(ValidationFailed, match="'EDITED VALUE' is not an amount"):
        reviewed_value(spec("money"), "EDITED VALUE")
