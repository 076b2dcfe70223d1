"""Case types as YAML or JSON files: import (the `importcasetype` command, bootstrap) and export.

A file holds `name`, `slug`, `fields` and optionally `description`, `review_threshold`,
`keywords`, `stages` (each `{name, system_role?}`), `validation_rules`, `qa_sample_percent`.
Importing a slug that exists updates it in place; its stages are kept, so cases keep theirs.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction

from cases import services
from cases.errors import ValidationFailed
from cases.models import CaseType, Stage, Workspace

DEMO_CASE_TYPE_DIR = Path(__file__).resolve().parent / "casetypes"
_ALLOWED_KEYS = {
    "name",
    "slug",
    "description",
    "review_threshold",
    "keywords",
    "stages",
    "fields",
    "validation_rules",
    "qa_sample_percent",
}


def case_type_definition_load(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except (ValueError, yaml.YAMLError) as exc:
        raise ValidationFailed(f"{path.name} is not valid YAML or JSON: {exc}") from None
    if not isinstance(data, dict):
        raise ValidationFailed(f"{path.name} must hold one case type (a mapping).")
    unknown = set(data) - _ALLOWED_KEYS
    if unknown:
        raise ValidationFailed(f"{path.name}: unknown keys {sorted(unknown)}.")
    for required in ("name", "slug", "fields"):
        if required not in data:
            raise ValidationFailed(f"{path.name}: `{required}` is required.")
    return data


@transaction.atomic
def case_type_import(*, workspace: Workspace, definition: dict[str, Any]) -> tuple[CaseType, bool]:
    """Create or update the case type the definition describes; returns (case_type, created)."""
    attributes = {
        "name": definition["name"],
        "description": definition.get("description", ""),
        "field_schema": definition["fields"],
        "review_threshold": definition.get("review_threshold"),
        "keywords": definition.get("keywords", []),
        "validation_rules": definition.get("validation_rules", []),
        "qa_sample_percent": definition.get("qa_sample_percent", 0),
    }
    existing = CaseType.objects.filter(workspace=workspace, slug=definition["slug"]).first()
    if existing is not None:
        return services.case_type_update(case_type=existing, **attributes), False
    stages = [
        (stage["name"], stage.get("system_role") or Stage.SystemRole.NONE)
        for stage in definition.get("stages") or []
    ] or list(services.DEFAULT_STAGES)
    case_type = services.case_type_create(
        workspace=workspace, slug=definition["slug"], stages=stages, **attributes
    )
    return case_type, True


def case_type_export(case_type: CaseType) -> dict[str, Any]:
    return {
        "name": case_type.name,
        "slug": case_type.slug,
        "description": case_type.description,
        "review_threshold": case_type.review_threshold,
        "qa_sample_percent": case_type.qa_sample_percent,
        "keywords": case_type.keywords,
        "stages": [
            {
                "name": stage.name,
                **({"system_role": stage.system_role} if stage.system_role else {}),
            }
            for stage in case_type.stages.all()
        ],
        "fields": case_type.field_schema,
        "validation_rules": case_type.validation_rules,
    }
