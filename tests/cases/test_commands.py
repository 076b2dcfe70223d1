"""bootstrap, createapikey and importcasetype."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from cases.models import ApiKey, CaseType, CaseTypeFilter, Membership, User, Workspace


def run(*args, **options) -> str:
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO(), **options)
    return out.getvalue()


def key_from(output: str) -> str:
    return next(line.split()[-1] for line in output.splitlines() if "API key:" in line)


@pytest.mark.django_db
def test_bootstrap_creates_the_demo_and_is_idempotent(settings):
    settings.CASEFILE_ADMIN_USER = "boss"
    settings.CASEFILE_ADMIN_PASSWORD = ""
    first = run("bootstrap")
    second = run("bootstrap")
    workspace = Workspace.objects.get(slug="demo")
    assert set(CaseType.objects.filter(workspace=workspace).values_list("slug", flat=True)) == {
        "invoice",
        "purchase_order",
    }
    invoice = CaseType.objects.get(slug="invoice")
    keys = {field["key"] for field in invoice.field_schema}
    assert keys == {
        "invoice_number",
        "invoice_date",
        "due_date",
        "vendor_name",
        "total_amount",
        "subtotal_amount",
        "tax_amount",
        "currency",
        "line_items",
    }
    assert CaseTypeFilter.objects.get(workspace=workspace).case_types.count() == 2
    user = User.objects.get(username="boss")
    assert Membership.objects.get(user=user, workspace=workspace).role == "admin"
    assert user.is_superuser
    assert key_from(first) == key_from(second)
    assert ApiKey.objects.filter(workspace=workspace).count() == 1
    password = next(line for line in second.splitlines() if "Admin login" in line).split()[-1]
    assert user.check_password(password)


@pytest.mark.django_db
def test_bootstrap_uses_the_configured_admin_password(settings):
    settings.CASEFILE_ADMIN_USER = "root2"
    settings.CASEFILE_ADMIN_PASSWORD = "a long enough secret"
    run("bootstrap")
    assert User.objects.get(username="root2").check_password("a long enough secret")


@pytest.mark.django_db
def test_bootstrap_key_works_against_the_api(client):
    raw_key = key_from(run("bootstrap"))
    response = client.get("/api/v1/casetypes", HTTP_X_API_KEY=raw_key)
    assert response.status_code == 200
    assert len(response.json()["data"]["casetypes"]) == 2


@pytest.mark.django_db
def test_createapikey_creates_the_workspace_and_prints_a_working_key(client):
    raw_key = run("createapikey", "--workspace", "Globex").strip()
    assert raw_key.startswith("cf_live_")
    assert Workspace.objects.filter(slug="globex").exists()
    assert client.get("/api/v1/casetypes", HTTP_X_API_KEY=raw_key).status_code == 200
    second = run("createapikey", "--workspace", "globex").strip()
    assert second != raw_key
    assert Workspace.objects.filter(slug="globex").count() == 1


@pytest.mark.django_db
def test_importcasetype_creates_then_updates(tmp_path):
    path = tmp_path / "receipt.yaml"
    path.write_text("name: Receipt\nslug: receipt\nfields:\n  - {key: total, type: money}\n")
    assert "Created case type receipt" in run("importcasetype", str(path), "--workspace", "shop")
    path.write_text("name: Till receipt\nslug: receipt\nfields:\n  - {key: total, type: money}\n")
    assert "Updated case type receipt" in run("importcasetype", str(path), "--workspace", "shop")
    case_type = CaseType.objects.get(slug="receipt")
    assert case_type.name == "Till receipt"
    assert [stage.system_role for stage in case_type.stages.all()] == [
        "extraction",
        "review",
        "approved",
        "rejected",
    ]


@pytest.mark.django_db
def test_importcasetype_explains_a_bad_file(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("name: Bad\nslug: bad\nfields:\n  - {key: Bad Key}\n")
    with pytest.raises(CommandError, match="lower_snake_case"):
        run("importcasetype", str(path))
    with pytest.raises(CommandError, match="No such file"):
        run("importcasetype", str(tmp_path / "missing.yaml"))


@pytest.mark.django_db
def test_importcasetype_reads_the_locale_and_refuses_a_malformed_one(tmp_path):
    path = tmp_path / "receipt.yaml"
    path.write_text("name: Receipt\nslug: receipt\nlocale: en-US\nfields:\n  - {key: total}\n")
    run("importcasetype", str(path), "--workspace", "shop")
    assert CaseType.objects.get(slug="receipt").locale == "en-US"
    path.write_text("name: Receipt\nslug: receipt\nlocale: en_US\nfields:\n  - {key: total}\n")
    with pytest.raises(CommandError, match="BCP 47"):
        run("importcasetype", str(path), "--workspace", "shop")
    assert CaseType.objects.get(slug="receipt").locale == "en-US"


@pytest.mark.django_db
def test_exportcasetype_writes_what_importcasetype_reads_back(tmp_path):
    run("bootstrap")
    exported = tmp_path / "invoice.json"
    assert "Wrote invoice" in run(
        "exportcasetype", "invoice", "--workspace", "demo", "--format", "json", "--output", exported
    )
    run("importcasetype", str(exported), "--workspace", "copy")
    original = CaseType.objects.get(workspace__slug="demo", slug="invoice")
    copied = CaseType.objects.get(workspace__slug="copy", slug="invoice")
    assert copied.as_definition() == original.as_definition()
    assert "validation_rules:" in run("exportcasetype", "invoice", "--workspace", "demo")


@pytest.mark.django_db
def test_exportcasetype_names_an_unknown_case_type_or_workspace():
    run("bootstrap")
    with pytest.raises(CommandError, match="No case type named 'nope'"):
        run("exportcasetype", "nope", "--workspace", "demo")
    with pytest.raises(CommandError, match="No workspace 'elsewhere'"):
        run("exportcasetype", "invoice", "--workspace", "elsewhere")
