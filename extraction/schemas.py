"""Builds the engine's frozen `Schema` from a case type: a stored row or a case-type file.

The engine never sees the ORM; this is the one translation from case types to its input. The
worker calls `engine_schema_from_case_type`; `evaluate`, `make bench`, `bench/calibrate.py` and
the engine tests call `demo_engine_schemas()`, which reads the shipped YAML case types in
`cases/casetypes/` (the only definition of `invoice` and `purchase_order`) without a database or
Django settings. This module must stay importable without Django: models only as type hints.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cases.casetype_definitions import DEMO_CASE_TYPE_DIR, case_type_definition_read
from cases.schema import validate_field_schema
from extraction.engine.types import ColumnSpec, FieldSpec, FieldType, Schema

if TYPE_CHECKING:
    from cases.models import CaseType


def engine_schema_build(
    *,
    slug: str,
    keywords: Iterable[str],
    field_schema: Iterable[Mapping[str, Any]],
    locale: str | None = None,
) -> Schema:
    """The engine schema of a validated field schema (every key present, as stored).

    `locale` is the case type's language tag; blank means unknown and reaches the engine as None.
    """
    return Schema(
        slug=slug,
        keywords=tuple(keywords or ()),
        locale=locale or None,
        fields=tuple(
            FieldSpec(
                key=spec["key"],
                label=spec["label"],
                type=spec["type"],
                required=spec.get("required", False),
                synonyms=tuple(spec.get("synonyms") or ()),
                pattern=spec.get("pattern"),
                choices=tuple(spec.get("choices") or ()),
                threshold=spec.get("threshold"),
                columns=tuple(
                    ColumnSpec(
                        key=column["key"],
                        label=column["label"],
                        type=column.get("type", FieldType.TEXT),
                        synonyms=tuple(column.get("synonyms") or ()),
                        required=bool(column.get("required", False)),
                    )
                    for column in spec.get("columns") or ()
                ),
            )
            for spec in field_schema
        ),
    )


def engine_schema_from_case_type(case_type: CaseType) -> Schema:
    return engine_schema_build(
        slug=case_type.slug,
        keywords=case_type.keywords or (),
        field_schema=case_type.field_schema,
        locale=case_type.locale,
    )


def engine_schema_load(path: Path) -> Schema:
    """The engine schema of a case-type file, validated as an import would validate it.

    Raises `CaseTypeFileError` for a malformed file and Django's `ValidationError` for an
    invalid field schema (both pure exceptions; no settings are read).
    """
    definition = case_type_definition_read(path)
    return engine_schema_build(
        slug=definition["slug"],
        keywords=definition.get("keywords") or (),
        field_schema=validate_field_schema(definition["fields"]),
        locale=definition.get("locale"),
    )


def demo_engine_schemas() -> dict[str, Schema]:
    """Slug -> engine schema of every shipped case type (a fresh dict: two small files)."""
    schemas = (engine_schema_load(path) for path in sorted(DEMO_CASE_TYPE_DIR.glob("*.yaml")))
    return {schema.slug: schema for schema in schemas}
