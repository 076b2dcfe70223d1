"""Case types as YAML or JSON files: import (the `importcasetype` command, bootstrap) and export.

A file holds `name`, `slug`, `fields` and optionally `description`, `review_threshold`,
`keywords`, `stages` (each `{name, system_role?}`), `validation_rules`, `qa_sample_percent`,
`locale` (a BCP 47 tag such as `de-DE`).
Importing a slug that exists updates it in place; its stages are kept, so cases keep theirs.
Reading a file without Django is `cases.casetype_definitions`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.db import transaction

from cases import services
from cases.casetype_definitions import (
    DEMO_CASE_TYPE_DIR,
    CaseTypeFileError,
    case_type_definition_parse,
    case_type_definition_read,
)
from cases.errors import ValidationFailed
from cases.models import CaseType, Stage, User, Workspace

__all__ = [
    "DEMO_CASE_TYPE_DIR",
    "case_type_definition_from_upload",
    "case_type_definition_load",
    "case_type_export",
    "case_type_import",
]


def case_type_definition_load(path: Path) -> dict[str, Any]:
    """The file's definition; a malformed file is the domain's `ValidationFailed`."""
    try:
        return case_type_definition_read(path)
    except CaseTypeFileError as exc:
        raise ValidationFailed(str(exc)) from None


def case_type_definition_from_upload(*, content: bytes, filename: str) -> dict[str, Any]:
    """The definition in an uploaded YAML or JSON file (the editor's import); errors are
    `ValidationFailed` naming `file`."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationFailed.for_field("file", "the file is not UTF-8 text.") from None
    try:
        return case_type_definition_parse(
            text, name=filename, as_json=filename.lower().endswith(".json")
        )
    except CaseTypeFileError as exc:
        raise ValidationFailed.for_field("file", str(exc)) from None


@transaction.atomic
def case_type_import(
    *, workspace: Workspace, definition: dict[str, Any], by: User | None = None
) -> tuple[CaseType, bool]:
    """Create or update the case type the definition describes; returns (case_type, created).
    `by` is recorded as who saved the version the import makes (None: a command or bootstrap)."""
    attributes = {
        "name": definition["name"],
        # an optional key left empty (null) is as if it were left out
        "description": definition.get("description") or "",
        "field_schema": definition["fields"],
        "review_threshold": definition.get("review_threshold"),
        "keywords": definition.get("keywords") or [],
        "validation_rules": definition.get("validation_rules") or [],
        "qa_sample_percent": definition.get("qa_sample_percent") or 0,
        "locale": definition.get("locale") or "",
    }
    existing = CaseType.objects.filter(workspace=workspace, slug=definition["slug"]).first()
    if existing is not None:
        return services.case_type_update(case_type=existing, by=by, **attributes), False
    stages = [
        (stage["name"], stage.get("system_role") or Stage.SystemRole.NONE)
        for stage in definition.get("stages") or []
    ] or list(services.DEFAULT_STAGES)
    case_type = services.case_type_create(
        workspace=workspace, slug=definition["slug"], stages=stages, created_by=by, **attributes
    )
    return case_type, True


def case_type_export(case_type: CaseType) -> dict[str, Any]:
    """The case type as a file's mapping (`CaseType.as_definition`)."""
    return case_type.as_definition()
