"""Validation of a case type's field schema (SPEC §2, "Field spec").

Called by `CaseType.clean()` (admin, services, import). It returns a normalised copy so what is
stored always has every key with its default, which keeps readers free of `.get()` guesswork.
The field types are the engine's `FieldType` (one list for the validator and the parsers).
"""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError

from extraction.engine.types import COLUMN_TYPES, FIELD_TYPES, FieldType

KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,62}$")
_FIELD_KEYS = {
    "key",
    "label",
    "type",
    "required",
    "synonyms",
    "pattern",
    "choices",
    "columns",
    "threshold",
}
_COLUMN_KEYS = {"key", "label", "type", "synonyms", "required"}


def validate_field_schema(raw: Any) -> list[dict[str, Any]]:
    if not isinstance(raw, list):
        raise ValidationError({"field_schema": "The field schema must be a list of field specs."})
    errors: list[str] = []
    normalised: list[dict[str, Any]] = []
    seen: set[str] = set()
    for position, spec in enumerate(raw, start=1):
        where = f"field {position}"
        if not isinstance(spec, dict):
            errors.append(f"{where}: must be an object with at least key, label and type.")
            continue
        key = spec.get("key")
        if isinstance(key, str):
            where = f"field {key!r}"
        field, problems = _normalise_field(spec)
        errors.extend(f"{where}: {problem}" for problem in problems)
        if field["key"] in seen:
            errors.append(f"{where}: the key is used twice.")
        seen.add(field["key"])
        normalised.append(field)
    if errors:
        raise ValidationError({"field_schema": errors})
    return normalised


def _normalise_field(spec: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    problems: list[str] = []
    unknown = set(spec) - _FIELD_KEYS
    if unknown:
        problems.append(f"unknown attributes {sorted(unknown)}.")
    key = spec.get("key")
    if not isinstance(key, str) or not KEY_PATTERN.match(key):
        problems.append("key must be lower_snake_case letters, digits and underscores.")
        key = str(key)
    field_type = spec.get("type", FieldType.TEXT)
    if field_type not in FIELD_TYPES:
        problems.append(f"type must be one of {', '.join(FIELD_TYPES)}.")
    label = spec.get("label") or key.replace("_", " ").capitalize()
    if not isinstance(label, str):
        problems.append("label must be text.")
    synonyms = spec.get("synonyms", [])
    if not isinstance(synonyms, list) or not all(isinstance(s, str) and s for s in synonyms):
        problems.append("synonyms must be a list of non-empty strings.")
        synonyms = []
    pattern = spec.get("pattern")
    if pattern is not None:
        try:
            re.compile(pattern)
        except (re.error, TypeError) as exc:
            problems.append(f"pattern is not a valid regular expression ({exc}).")
    choices = spec.get("choices") or []
    if field_type == FieldType.ENUM and (not isinstance(choices, list) or not choices):
        problems.append("an enum field needs a non-empty list of choices.")
    elif not isinstance(choices, list) or not all(isinstance(c, str) and c for c in choices):
        problems.append("choices must be a list of non-empty strings.")
        choices = []
    threshold = spec.get("threshold")
    if threshold is not None and (
        isinstance(threshold, bool) or not isinstance(threshold, int) or not 1 <= threshold <= 99
    ):
        problems.append("threshold must be a whole number from 1 to 99.")
    required = spec.get("required", False)
    if not isinstance(required, bool):
        problems.append("required must be true or false.")
    columns = spec.get("columns", [])
    normalised_columns: list[dict[str, Any]] = []
    if field_type == FieldType.TABLE:
        if not isinstance(columns, list) or not columns:
            problems.append("a table field needs a non-empty list of columns.")
            columns = []
        for column in columns:
            column_spec, column_problems = _normalise_column(column)
            problems.extend(column_problems)
            normalised_columns.append(column_spec)
    elif columns:
        problems.append("only table fields have columns.")
    return (
        {
            "key": key,
            "label": label,
            "type": field_type,
            "required": bool(required),
            "synonyms": list(synonyms),
            "pattern": pattern,
            "choices": list(choices) if isinstance(choices, list) else [],
            "columns": normalised_columns,
            "threshold": threshold,
        },
        problems,
    )


def _normalise_column(column: Any) -> tuple[dict[str, Any], list[str]]:
    if not isinstance(column, dict):
        return {
            "key": "",
            "label": "",
            "type": FieldType.TEXT,
            "synonyms": [],
            "required": False,
        }, ["each column must be an object."]
    problems: list[str] = []
    unknown = set(column) - _COLUMN_KEYS
    if unknown:
        problems.append(f"column has unknown attributes {sorted(unknown)}.")
    key = column.get("key")
    if not isinstance(key, str) or not KEY_PATTERN.match(key):
        problems.append("each column key must be lower_snake_case.")
        key = str(key)
    column_type = column.get("type", FieldType.TEXT)
    if column_type not in COLUMN_TYPES:
        problems.append(f"column {key!r} type must be one of {', '.join(COLUMN_TYPES)}.")
    synonyms = column.get("synonyms", [])
    if not isinstance(synonyms, list) or not all(isinstance(s, str) and s for s in synonyms):
        problems.append(f"column {key!r} synonyms must be a list of non-empty strings.")
        synonyms = []
    required = column.get("required", False)
    if not isinstance(required, bool):
        problems.append(f"column {key!r} required must be true or false.")
    label = column.get("label") or key.replace("_", " ").capitalize()
    if not isinstance(label, str):
        problems.append(f"column {key!r} label must be text.")
        label = key
    normalised = {
        "key": key,
        "label": label,
        "type": column_type,
        "synonyms": list(synonyms),
        "required": bool(required),
    }
    return normalised, problems
