"""The case type editor in settings: list, create, import/export, edit as versions, stages,
rules, filters, and the live preview, for admins; reviewers may look but not change."""

from __future__ import annotations

import json

import pytest
import yaml
from django.core.files.uploadedfile import SimpleUploadedFile

from cases import selectors, services
from cases.models import CaseType, CaseTypeFilter, CaseTypeVersion
from review.casetype_forms import Editor
from tests.documents import INVOICE_LINES, pdf_with_lines
from tests.factories import simple_case_type


@pytest.fixture
def case_type(tenant) -> CaseType:
    return simple_case_type(tenant.workspace, slug="editable", name="Editable invoice")


def editor_post(case_type: CaseType, **overrides) -> dict[str, str]:
    """The editor's form data as the page renders it for `case_type`, with `overrides`."""
    stages = [
        {"name": s.name, "system_role": s.system_role, "public_id": s.public_id}
        for s in case_type.stages.all()
    ]
    editor = Editor({**case_type.as_definition(), "stages": stages})
    data: dict[str, str] = {}
    for part in editor.parts:
        forms = getattr(part, "forms", [part])
        if hasattr(part, "management_form"):
            for field in part.management_form:
                data[field.html_name] = str(field.value())
        for form in forms:
            for field in form:
                value = field.value()
                if value is None or value is False:
                    continue
                data[field.html_name] = "on" if value is True else str(value)
    data.update(overrides)
    return data


def current_version(case_type: CaseType) -> CaseTypeVersion:
    version = selectors.case_type_version_current(case_type)
    assert version is not None
    return version


def test_members_see_the_case_types_and_reviewers_get_no_actions(case_type, reviewer_client):
    page = reviewer_client.get("/settings/case-types/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Editable invoice" in html
    assert "Create and edit" not in html
    editor = reviewer_client.get(f"/settings/case-types/{case_type.public_id}/")
    assert "Only workspace admins can change case types." in editor.content.decode()


def test_a_reviewer_cannot_save_create_or_import(case_type, reviewer_client):
    answer = reviewer_client.post(
        f"/settings/case-types/{case_type.public_id}/", editor_post(case_type)
    )
    assert answer.status_code == 403
    assert (
        reviewer_client.post("/settings/case-types/new/", {"name": "X", "slug": "x"}).status_code
        == 403
    )
    assert current_version(case_type).number == 1


def test_an_admin_creates_a_case_type_and_lands_in_its_editor(tenant, admin_client):
    answer = admin_client.post("/settings/case-types/new/", {"name": "Receipts", "slug": "receipt"})
    created = CaseType.objects.get(workspace=tenant.workspace, slug="receipt")
    assert answer.status_code == 302
    assert answer["Location"] == f"/settings/case-types/{created.public_id}/"
    assert created.versions.get().number == 1


def test_a_taken_template_name_is_refused_on_the_form(case_type, admin_client):
    answer = admin_client.post("/settings/case-types/new/", {"name": "Again", "slug": "editable"})
    assert answer.status_code == 400
    assert "slug" in answer.content.decode().lower()


def test_saving_the_editor_adds_a_field_a_rule_and_a_stage_as_one_new_version(
    case_type, admin_client
):
    data = editor_post(
        case_type,
        **{
            "general-review_threshold": "85",
            "fields-3-key": "due_date",
            "fields-3-label": "Due date",
            "fields-3-type": "date",
            "fields-3-threshold": "95",
            "rules-0-type": "date_order",
            "rules-0-field": "invoice_date",
            "rules-0-other": "due_date",
            "stages-3-name": "Paid",
        },
    )
    answer = admin_client.post(f"/settings/case-types/{case_type.public_id}/", data)

    assert answer.status_code == 302, (
        [p.errors for p in answer.context["editor"].parts] if answer.context else answer.status_code
    )
    case_type.refresh_from_db()
    assert case_type.review_threshold == 85
    assert case_type.field_schema[-1]["key"] == "due_date"
    assert case_type.field_schema[-1]["threshold"] == 95
    assert case_type.validation_rules == [
        {"type": "date_order", "before": "invoice_date", "after": "due_date"}
    ]
    assert [s.name for s in case_type.stages.all()][-1] == "Paid"
    assert current_version(case_type).number == 2


def test_a_table_field_takes_its_columns_one_per_line(case_type, admin_client):
    data = editor_post(
        case_type,
        **{
            "fields-3-key": "line_items",
            "fields-3-label": "Line items",
            "fields-3-type": "table",
            "fields-3-columns": "description | Description | text | required\n"
            "amount | Amount | money | optional | Total, Betrag",
        },
    )
    assert (
        admin_client.post(f"/settings/case-types/{case_type.public_id}/", data).status_code == 302
    )
    case_type.refresh_from_db()
    columns = case_type.field_schema[-1]["columns"]
    assert [(c["key"], c["type"], c["required"]) for c in columns] == [
        ("description", "text", True),
        ("amount", "money", False),
    ]
    assert columns[1]["synonyms"] == ["Total", "Betrag"]


def test_deleting_a_field_row_removes_the_field(case_type, admin_client):
    data = editor_post(case_type, **{"fields-1-DELETE": "on"})
    assert (
        admin_client.post(f"/settings/case-types/{case_type.public_id}/", data).status_code == 302
    )
    case_type.refresh_from_db()
    assert [f["key"] for f in case_type.field_schema] == ["invoice_number", "total_amount"]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"fields-3-key": "Bad Key", "fields-3-type": "text"}, "lower_snake_case"),
        ({"fields-3-key": "kind", "fields-3-type": "enum"}, "needs a non-empty list of choices"),
        ({"rules-0-type": "required", "rules-0-field": "nope"}, "names no field"),
        ({"fields-0-threshold": "120"}, "less than or equal to 99"),
        (
            {"fields-3-key": "items", "fields-3-type": "table", "fields-3-columns": "a | A | blob"},
            "line 1: type must be one of",
        ),
    ],
)
def test_an_invalid_draft_is_not_saved_and_says_why(case_type, admin_client, overrides, message):
    answer = admin_client.post(
        f"/settings/case-types/{case_type.public_id}/", editor_post(case_type, **overrides)
    )
    assert answer.status_code == 400
    assert message in answer.content.decode()
    assert current_version(case_type).number == 1


def test_problems_show_beside_the_row_or_card_they_name(case_type, admin_client):
    rows = admin_client.post(
        f"/settings/case-types/{case_type.public_id}/",
        editor_post(case_type, **{"fields-1-threshold": "120"}),
    ).content.decode()
    in_row = rows[rows.index('name="fields-1-threshold"') : rows.index('name="fields-2-key"')]
    assert "less than or equal to 99" in in_row

    rules = admin_client.post(
        f"/settings/case-types/{case_type.public_id}/",
        editor_post(case_type, **{"rules-0-type": "required", "rules-0-field": "nope"}),
    ).content.decode()
    rules_card = rules[rules.index("<h2>Validation rules</h2>") : rules.index('id="rule-rows"')]
    assert "names no field" in rules_card
    fields_card = rules[rules.index("<h2>Fields</h2>") : rules.index("<h2>Validation rules</h2>")]
    assert "names no field" not in fields_card


def test_export_gives_the_definition_as_yaml_and_json_downloads(case_type, reviewer_client):
    as_yaml = reviewer_client.get(f"/settings/case-types/{case_type.public_id}/export.yaml")
    as_json = reviewer_client.get(f"/settings/case-types/{case_type.public_id}/export.json")
    assert as_yaml["Content-Disposition"] == 'attachment; filename="editable.yaml"'
    assert yaml.safe_load(as_yaml.content) == case_type.as_definition()
    assert json.loads(as_json.content) == case_type.as_definition()


def test_an_exported_file_imports_back_and_updates_the_case_type(case_type, admin_client, tenant):
    definition = {**case_type.as_definition(), "review_threshold": 60}
    upload = SimpleUploadedFile("editable.yaml", yaml.safe_dump(definition).encode())
    answer = admin_client.post("/settings/case-types/import/", {"file": upload})
    assert answer.status_code == 302
    case_type.refresh_from_db()
    assert case_type.review_threshold == 60
    assert current_version(case_type).number == 2
    assert current_version(case_type).created_by == tenant.admin


def test_a_broken_import_file_is_refused_naming_the_file(tenant, admin_client):
    upload = SimpleUploadedFile("broken.yaml", b"name: X\nfields: [\n")
    answer = admin_client.post("/settings/case-types/import/", {"file": upload})
    assert answer.status_code == 400
    assert "not valid YAML or JSON" in answer.content.decode()


@pytest.mark.parametrize(
    ("stages", "message"),
    [
        (
            [{"name": "In", "system_role": "review"}, {"name": "Out", "system_role": "review"}],
            "the system role &#x27;review&#x27; is given to more than one stage.",
        ),
        ([{"name": "In", "system_role": "archive"}], "&#x27;archive&#x27; is not a system role."),
        ([{"name": "A"}, {"name": "A", "system_role": "review"}], "two stages are named"),
    ],
)
def test_an_import_whose_stages_break_the_rules_is_refused_and_creates_nothing(
    tenant, admin_client, stages, message
):
    definition = {"name": "New", "slug": "new", "fields": [{"key": "a", "type": "text"}]}
    upload = SimpleUploadedFile(
        "new.yaml", yaml.safe_dump({**definition, "stages": stages}).encode()
    )

    answer = admin_client.post("/settings/case-types/import/", {"file": upload})

    assert answer.status_code == 400
    assert message in answer.content.decode()
    assert not CaseType.objects.filter(workspace=tenant.workspace, slug="new").exists()


def test_an_earlier_version_is_restored_from_the_versions_list(case_type, admin_client):
    services.case_type_update(case_type=case_type, review_threshold=42)
    answer = admin_client.post(f"/settings/case-types/{case_type.public_id}/versions/1/restore/")
    assert answer.status_code == 302
    case_type.refresh_from_db()
    assert case_type.review_threshold is None
    assert current_version(case_type).number == 3


def test_filters_are_created_changed_and_deleted(tenant, case_type, admin_client):
    other = tenant.case_type
    admin_client.post(
        "/settings/filters/",
        {"name": "inbox", "case_types": [case_type.public_id, other.public_id]},
    )
    found = CaseTypeFilter.objects.get(workspace=tenant.workspace, name="inbox")
    assert set(found.case_types.all()) == {case_type, other}

    prefix = found.public_id
    admin_client.post(
        f"/settings/filters/{found.public_id}/",
        {f"{prefix}-name": "inbox2", f"{prefix}-case_types": [case_type.public_id]},
    )
    found.refresh_from_db()
    assert found.name == "inbox2"
    assert list(found.case_types.all()) == [case_type]

    admin_client.post(f"/settings/filters/{found.public_id}/delete/")
    assert not CaseTypeFilter.objects.filter(pk=found.pk).exists()


def test_a_filter_without_case_types_is_refused_with_a_message(tenant, admin_client):
    answer = admin_client.post("/settings/filters/", {"name": "empty"}, follow=True)
    assert "case_types" in answer.content.decode()
    assert not CaseTypeFilter.objects.filter(name="empty").exists()


def test_the_preview_runs_the_draft_on_a_sample_and_shows_values_and_boxes(case_type, admin_client):
    sample = SimpleUploadedFile("sample.pdf", pdf_with_lines(INVOICE_LINES))
    data = editor_post(case_type, **{"general-review_threshold": "99"})
    started = admin_client.post(
        f"/settings/case-types/{case_type.public_id}/preview/", {**data, "document": sample}
    )
    assert started.status_code == 200
    html = started.content.decode()
    assert "hx-get" in html  # the panel polls for the result
    task_id = html.split("/preview/")[1].split("/")[0]

    shown = admin_client.get(f"/settings/case-types/{case_type.public_id}/preview/{task_id}/")

    html = shown.content.decode()
    assert "INV-2024-0042" in html
    assert "121.00" in html
    assert 'class="preview-box' in html
    assert "data:image/png;base64," in html
    assert "held" in html  # threshold 99 holds fields scored below it
    assert current_version(case_type).number == 1  # nothing saved


def test_a_preview_of_another_workspace_is_not_shown(case_type, admin_client, outsider):
    from extraction.preview import case_type_preview_start

    task_id = case_type_preview_start(
        workspace_id=outsider.workspace.public_id,
        definition={"slug": "x", "fields": [{"key": "total_amount", "type": "money"}]},
        content=pdf_with_lines(INVOICE_LINES),
        filename="theirs.pdf",
    )
    shown = admin_client.get(f"/settings/case-types/{case_type.public_id}/preview/{task_id}/")
    html = shown.content.decode()
    assert "PREVIEW_FAILED" in html
    assert "theirs.pdf" not in html


def test_a_preview_without_a_sample_says_so(case_type, admin_client):
    answer = admin_client.post(
        f"/settings/case-types/{case_type.public_id}/preview/", editor_post(case_type)
    )
    assert answer.status_code == 400
    assert "document" in answer.content.decode()


def test_a_preview_counts_its_pages_against_the_credits_and_is_refused_without_them(
    tenant, case_type, admin_client
):
    from cases.credits import credits_summary

    def preview():
        sample = SimpleUploadedFile("sample.pdf", pdf_with_lines(INVOICE_LINES))
        return admin_client.post(
            f"/settings/case-types/{case_type.public_id}/preview/",
            {**editor_post(case_type), "document": sample},
        )

    tenant.workspace.credits_limit = 1
    tenant.workspace.save()
    assert preview().status_code == 200
    assert credits_summary(workspace=tenant.workspace).used == 1

    refused = preview()
    assert refused.status_code == 400
    assert "0 of 1 remain" in refused.content.decode()


def test_an_export_in_another_format_is_not_found(case_type, reviewer_client):
    assert (
        reviewer_client.get(f"/settings/case-types/{case_type.public_id}/export.txt").status_code
        == 404
    )
    answer = reviewer_client.get(f"/settings/case-types/{case_type.public_id}/export.json%0d%0aX")
    assert answer.status_code == 404


def test_a_bad_pattern_is_refused_beside_its_input_not_at_the_top(case_type, admin_client):
    page = admin_client.post(
        f"/settings/case-types/{case_type.public_id}/",
        editor_post(case_type, **{"fields-1-pattern": "([unclosed"}),
    ).content.decode()
    in_row = page[page.index('name="fields-1-pattern"') : page.index('name="fields-2-key"')]
    assert "Not a valid regular expression" in in_row
    assert "field_schema:" not in page
    assert current_version(case_type).number == 1


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/settings/case-types/casetype__typo/"),
        ("get", "/settings/case-types/casetype__typo/export.json"),
        ("post", "/settings/case-types/casetype__typo/versions/1/restore/"),
        ("post", "/settings/filters/filter__gone/"),
        ("post", "/settings/filters/filter__gone/delete/"),
    ],
)
def test_an_unknown_or_stale_id_is_the_404_page_not_a_server_error(admin_client, method, path):
    """A typo, another workspace's link, or a filter deleted from a second tab."""
    response = getattr(admin_client, method)(path)
    assert response.status_code == 404


def test_another_workspaces_case_type_is_not_found(admin_client, outsider):
    response = admin_client.get(f"/settings/case-types/{outsider.case_type.public_id}/")
    assert response.status_code == 404
