"""The field schema of a case type is validated and normalised on every save."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from cases.schema import validate_field_schema


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
    ],
)
def test_invalid_schemas_say_what_is_wrong(schema, message):
    with pytest.raises(ValidationError) as caught:
        validate_field_schema(schema)
    assert any(message in text for text in caught.value.message_dict["field_schema"])
