"""`cases.casetype_files`: case types imported from and exported to YAML/JSON files."""

from __future__ import annotations

import json

import pytest
import yaml

from cases.casetype_files import (
    DEMO_CASE_TYPE_DIR,
    case_type_definition_from_upload,
    case_type_definition_load,
    case_type_export,
    case_type_import,
)
from cases.errors import ValidationFailed
from cases.models import Stage

pytestmark = pytest.mark.django_db

DEFINITION = {
    "name": "Delivery note",
    "slug": "delivery-note",
    "review_threshold": 85,
    "stages": [{"name": "New", "system_role": "extraction"}, {"name": "Checked"}],
    "fields": [{"key": "note_number", "label": "Note number", "type": "text", "required": True}],
}


def test_importing_a_new_slug_creates_the_case_type_with_its_stages(tenant):
    case_type, created = case_type_import(workspace=tenant.workspace, definition=DEFINITION)

    assert created is True
    assert case_type.review_threshold == 85
    assert [(s.name, s.system_role) for s in case_type.stages.all()] == [
        ("New", Stage.SystemRole.EXTRACTION),
        ("Checked", Stage.SystemRole.NONE),
    ]


def test_importing_an_existing_slug_updates_it_in_place_and_keeps_its_stages(tenant):
    case_type, _ = case_type_import(workspace=tenant.workspace, definition=DEFINITION)
    stage_ids = list(case_type.stages.values_list("pk", flat=True))
    changed = {**DEFINITION, "review_threshold": 70, "stages": [{"name": "Elsewhere"}]}

    updated, created = case_type_import(workspace=tenant.workspace, definition=changed)

    assert created is False
    assert updated.pk == case_type.pk
    assert updated.review_threshold == 70
    assert list(updated.stages.values_list("pk", flat=True)) == stage_ids


def test_an_export_imports_into_another_workspace_as_the_same_case_type(tenant, outsider):
    case_type, _ = case_type_import(workspace=tenant.workspace, definition=DEFINITION)
    exported = case_type_export(case_type)

    copy, created = case_type_import(workspace=outsider.workspace, definition=exported)

    assert created is True
    assert case_type_export(copy) == exported


def test_every_shipped_case_type_file_loads_and_its_export_round_trips(tenant, outsider):
    paths = sorted(DEMO_CASE_TYPE_DIR.glob("*.yaml"))
    assert paths
    for path in paths:
        definition = case_type_definition_load(path)
        case_type, _ = case_type_import(workspace=tenant.workspace, definition=definition)
        exported = case_type_export(case_type)
        copy, _ = case_type_import(workspace=outsider.workspace, definition=exported)

        assert [f["key"] for f in exported["fields"]] == [f["key"] for f in definition["fields"]]
        assert case_type_export(copy) == exported, path.name


def test_an_uploaded_yaml_or_json_file_reads_the_same(tenant):
    as_yaml = yaml.safe_dump(DEFINITION).encode()
    as_json = json.dumps(DEFINITION).encode()

    assert case_type_definition_from_upload(content=as_yaml, filename="x.yaml") == (
        case_type_definition_from_upload(content=as_json, filename="x.JSON")
    )


@pytest.mark.parametrize(
    ("content", "filename"),
    [
        (b"\xff\xfe\x00bad", "x.yaml"),
        (b"{not json", "x.json"),
        (b"name: [unclosed", "x.yaml"),
        (b"- just\n- a list\n", "x.yaml"),
    ],
)
def test_an_unreadable_upload_is_refused_naming_the_file_field(content, filename):
    with pytest.raises(ValidationFailed) as error:
        case_type_definition_from_upload(content=content, filename=filename)

    assert "file" in str(error.value.details or error.value)


def test_a_malformed_file_on_disk_is_a_validation_error(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("fields: {")

    with pytest.raises(ValidationFailed):
        case_type_definition_load(path)
