"""Builds the engine's frozen `Schema` from a case type's stored field schema.

The engine never sees the ORM; this is the one translation from `CaseType` rows to its input.
"""

from __future__ import annotations

from cases.models import CaseType
from extraction.engine.types import ColumnSpec, FieldSpec, Schema


def engine_schema_from_case_type(case_type: CaseType) -> Schema:
    return Schema(
        slug=case_type.slug,
        keywords=tuple(case_type.keywords or ()),
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
                        type=column.get("type", "text"),
                        synonyms=tuple(column.get("synonyms") or ()),
                    )
                    for column in spec.get("columns") or ()
                ),
            )
            for spec in case_type.field_schema
        ),
    )


def field_schema_from_engine_schema(schema: Schema) -> list[dict]:
    """The inverse, for seeding case types from the engine's built-in demo schemas."""
    return [
        {
            "key": spec.key,
            "label": spec.label,
            "type": spec.type,
            "required": spec.required,
            "synonyms": list(spec.synonyms),
            "pattern": spec.pattern,
            "choices": list(spec.choices),
            "threshold": spec.threshold,
            "columns": [
                {
                    "key": column.key,
                    "label": column.label,
                    "type": column.type,
                    "synonyms": list(column.synonyms),
                }
                for column in spec.columns
            ],
        }
        for spec in schema.fields
    ]
