"""Reading a case-type file (YAML or JSON) into a definition mapping, without Django.

Called by `cases.casetype_files` (import, bootstrap) and by `extraction.schemas` (the engine
schemas that `evaluate`, `make bench`, `bench/calibrate.py` and the engine tests build from the
shipped case types in `cases/casetypes/`). Pure: reads one file, touches no settings or database,
so the bench tools can use it without configuring Django. Errors are `CaseTypeFileError`, which
`casetype_files` turns into the domain's `ValidationFailed`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from cases.language_tags import is_language_tag
from cases.storable import unstorable_character

DEMO_CASE_TYPE_DIR = Path(__file__).resolve().parent / "casetypes"
"""The shipped case types: the one definition of `invoice` and `purchase_order`."""

ALLOWED_KEYS = frozenset(
    {
        "name",
        "slug",
        "description",
        "review_threshold",
        "keywords",
        "stages",
        "fields",
        "validation_rules",
        "qa_sample_percent",
        "locale",
    }
)


class CaseTypeFileError(ValueError):
    """The file is not one well-formed case type."""


def case_type_definition_read(path: Path) -> dict[str, Any]:
    """The file's mapping, checked for shape (known keys, `name`, `slug`, `fields`, a
    well-formed `locale` when there is one) only."""
    text = path.read_text(encoding="utf-8")
    return case_type_definition_parse(text, name=path.name, as_json=path.suffix.lower() == ".json")


def case_type_definition_parse(text: str, *, name: str, as_json: bool) -> dict[str, Any]:
    """`case_type_definition_read` for text already read (an upload); `name` is used in errors.
    JSON is a subset of YAML, so `as_json=False` reads both."""
    try:
        data = json.loads(text) if as_json else yaml.safe_load(text)
    except (ValueError, yaml.YAMLError) as exc:
        raise CaseTypeFileError(f"{name} is not valid YAML or JSON: {exc}") from None
    if not isinstance(data, dict):
        raise CaseTypeFileError(f"{name} must hold one case type (a mapping).")
    unknown = set(data) - ALLOWED_KEYS
    if unknown:
        raise CaseTypeFileError(f"{name}: unknown keys {sorted(unknown)}.")
    for required in ("name", "slug", "fields"):
        if required not in data:
            raise CaseTypeFileError(f"{name}: `{required}` is required.")
    locale = data.get("locale")
    if locale not in (None, "") and not (isinstance(locale, str) and is_language_tag(locale)):
        raise CaseTypeFileError(
            f"{name}: `locale` must be a BCP 47 language tag such as de-DE or en-US."
        )
    problem = _shape_problem(data)
    if problem:
        raise CaseTypeFileError(f"{name}: {problem}")
    return data


def _shape_problem(data: dict[str, Any]) -> str:
    """The first value of the wrong type or that no column can store, described; "" when none.
    An optional key left empty (`keywords:` reads as null) counts as left out. What `fields`
    and `validation_rules` hold is checked by the schema rules when the case type is saved."""
    for key in ("name", "slug"):
        if not isinstance(data[key], str) or not data[key].strip():
            return f"`{key}` must be non-empty text."
    if not isinstance(data.get("description") or "", str):
        return "`description` must be text."
    for key in ("review_threshold", "qa_sample_percent"):
        value = data.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            return f"`{key}` must be a whole number."
    keywords = data.get("keywords") or []
    if not isinstance(keywords, list) or not all(isinstance(word, str) for word in keywords):
        return "`keywords` must be a list of words."
    for key in ("fields", "validation_rules"):
        if not isinstance(data.get(key) or [], list):
            return f"`{key}` must be a list."
    stages = data.get("stages") or []
    if not isinstance(stages, list) or not all(_stage_shaped(stage) for stage in stages):
        return "`stages` must be a list of mappings, each a `name` and an optional `system_role`."
    unstorable = unstorable_character(data)
    if unstorable:
        return f"it holds {unstorable}, which cannot be stored as text."
    return ""


def _stage_shaped(stage: Any) -> bool:
    return (
        isinstance(stage, dict)
        and set(stage) <= {"name", "system_role"}
        and isinstance(stage.get("name"), str)
        and isinstance(stage.get("system_role") or "", str)
    )
