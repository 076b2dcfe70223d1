"""The field schema of a case type is validated and normalised on every save."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from cases import schema
from cases.schema import validate_field_schema
from extraction.engine import parsers, types
from extraction.engine.types import FieldType


def test_a_valid_schema_is_normalised_with_defaults():
    [field] = validate_field_schema([{"key": "total", "type": "money"}])
    assert field == {
        "key": "total",
        "label": "Total",
        "type": "money",
        "required": False,
        "synonyms": [],
        "pattern": None,
        "choices": [],
        "columns": [],
        "threshold": None,
    }


@pytest.mark.parametrize(
    ("schema", "message"),
    [
        ({"key": "x"}, "must be a list"),
        ([{"key": "Total Amount"}], "lower_snake_case"),
        ([{"key": "x", "type": "colour"}], "type must be one of"),
        ([{"key": "x"}, {"key": "x"}], "used twice"),
        ([{"key": "x", "type": "enum"}], "needs a non-empty list of choices"),
        ([{"key": "x", "type": "table"}], "needs a non-empty list of columns"),
        ([{"key": "x", "columns": [{"key": "a"}]}], "only table fields have columns"),
        ([{"key": "x", "pattern": "("}], "not a valid regular expression"),
        ([{"key": "x", "threshold": 100}], "threshold must be a whole number from 1 to 99"),
        ([{"key": "x", "required": "yes"}], "required must be true or false"),
        ([{"key": "x", "colour": "red"}], "unknown attributes"),
        (
            [{"key": "x", "type": "table", "columns": [{"key": "a", "type": "table"}]}],
            "column 'a' type",
        ),
        ([{"key": "x", "type": "enum", "choices": ["a", 2]}], "choices must be a list of non"),
        (
            [{"key": "x", "type": "table", "columns": [{"key": "a", "label": 7}]}],
            "column 'a' label must be text",
        ),
        (
            [{"key": "x", "type": "table", "columns": [{"key": "a", "synonyms": [None]}]}],
            "column 'a' synonyms must be a list of non-empty strings",
        ),
    ],
)
def test_invalid_schemas_say_what_is_wrong(schema, message):
    with pytest.raises(ValidationError) as caught:
        validate_field_schema(schema)
    assert any(message in text for text in caught.value.message_dict["field_schema"])


def test_choices_left_empty_on_a_field_that_is_not_an_enum_count_as_none():
    [field] = validate_field_schema([{"key": "total", "type": "money", "choices": None}])
    assert field["choices"] == []


def test_field_type_enum_is_the_list_the_validator_and_the_engine_use():
    assert schema.FIELD_TYPES is types.FIELD_TYPES
    assert schema.COLUMN_TYPES is types.COLUMN_TYPES
    assert schema.FieldType is types.FieldType is parsers.FieldType
    assert list(types.FIELD_TYPES) == list(types.FieldType)
    assert [str(t) for t in types.COLUMN_TYPES] == [
        t.value for t in types.FieldType if t is not types.FieldType.TABLE
    ]


def test_every_field_type_is_accepted_and_stored_as_its_plain_string():
    for field_type in FieldType:
        spec: dict[str, Any] = {"key": "f", "type": field_type.value}
        if field_type is FieldType.ENUM:
            spec["choices"] = ["a"]
        if field_type is FieldType.TABLE:
            spec["columns"] = [{"key": "c"}]
        (stored,) = validate_field_schema([spec])
        assert stored["type"] == field_type.value
    (defaulted,) = validate_field_schema([{"key": "f"}])
    assert json.loads(json.dumps(defaulted))["type"] == "text"


def test_a_table_column_may_be_required_and_must_say_so_with_a_boolean():
    table = {"key": "items", "type": "table"}
    stored = validate_field_schema(
        [{**table, "columns": [{"key": "amount", "type": "money", "required": True}]}]
    )
    assert stored[0]["columns"][0]["required"] is True
    assert (
        validate_field_schema([{**table, "columns": [{"key": "note"}]}])[0]["columns"][0][
            "required"
        ]
        is False
    )
    with pytest.raises(ValidationError, match="column 'amount' required must be true or false"):
        validate_field_schema([{**table, "columns": [{"key": "amount", "required": "yes"}]}])
