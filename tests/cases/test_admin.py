"""Every model the admin shows opens: list (with search and filters) and a change page."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.urls import reverse

from cases.models import CaseType


@pytest.fixture
def superuser_client(client, tenant):
    tenant.admin.is_staff = tenant.admin.is_superuser = True
    tenant.admin.save()
    client.force_login(tenant.admin)
    return client


def test_every_admin_list_opens_with_a_search(superuser_client):
    for model in admin.site._registry:
        meta = model._meta
        url = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        response = superuser_client.get(url, {"q": "x"})
        assert response.status_code == 200, url


def test_every_admin_add_form_opens(superuser_client, tenant, rf):
    request = rf.get("/admin/")
    request.user = tenant.admin
    for model, model_admin in admin.site._registry.items():
        if not model_admin.has_add_permission(request):
            continue
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")
        assert superuser_client.get(url).status_code == 200, url


def test_case_type_page_shows_the_schema_at_a_glance(superuser_client, tenant):
    url = reverse("admin:cases_casetype_change", args=[tenant.case_type.pk])
    response = superuser_client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Fields at a glance" in content
    assert "<code>invoice_number</code>" in content


def test_admin_refuses_an_invalid_field_schema(superuser_client, tenant):
    case_type = tenant.case_type
    url = reverse("admin:cases_casetype_change", args=[case_type.pk])
    response = superuser_client.post(
        url,
        {
            "workspace": case_type.workspace_id,
            "name": case_type.name,
            "slug": case_type.slug,
            "field_schema": '[{"key": "Bad Key"}]',
            "validation_rules": "[]",
            "keywords": "[]",
            "qa_sample_percent": 0,
            "stages-TOTAL_FORMS": 0,
            "stages-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 200
    assert "lower_snake_case" in response.content.decode()
    assert CaseType.objects.get(pk=case_type.pk).field_schema[0]["key"] == "invoice_number"


def test_an_admin_edit_of_a_case_type_records_a_version(superuser_client, tenant):
    import json

    case_type = tenant.case_type
    before = case_type.versions.count()
    response = superuser_client.post(
        reverse("admin:cases_casetype_change", args=[case_type.pk]),
        {
            "workspace": case_type.workspace_id,
            "name": "Renamed in the admin",
            "slug": case_type.slug,
            "field_schema": json.dumps(case_type.field_schema),
            "validation_rules": "[]",
            "keywords": "[]",
            "qa_sample_percent": 0,
            "stages-TOTAL_FORMS": 0,
            "stages-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]
    latest = case_type.versions.order_by("-number").first()
    assert case_type.versions.count() == before + 1
    assert latest is not None
    assert latest.definition["name"] == "Renamed in the admin"
    assert latest.created_by == tenant.admin


def test_job_admin_masks_the_pdf_password(superuser_client, tenant):
    from cases.services import IncomingFile, stored_file_create
    from extraction.models import ExtractionJob

    stored = stored_file_create(
        workspace=tenant.workspace, incoming=IncomingFile(filename="x.pdf", content=b"%PDF-1.4")
    )
    job = ExtractionJob.objects.create(
        workspace=tenant.workspace,
        source_file=stored,
        filename="x.pdf",
        options={"templateName": "simple", "password": "hunter2"},
    )
    response = superuser_client.get(reverse("admin:extraction_extractionjob_change", args=[job.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "hunter2" not in content
    assert "templateName" in content


def test_admin_refuses_a_locale_that_is_no_language_tag(superuser_client, tenant):
    case_type = tenant.case_type
    url = reverse("admin:cases_casetype_change", args=[case_type.pk])
    form = {
        "workspace": case_type.workspace_id,
        "name": case_type.name,
        "slug": case_type.slug,
        "field_schema": '[{"key": "invoice_number"}]',
        "validation_rules": "[]",
        "keywords": "[]",
        "qa_sample_percent": 0,
        "stages-TOTAL_FORMS": 0,
        "stages-INITIAL_FORMS": 0,
    }
    response = superuser_client.post(url, {**form, "locale": "German"})
    assert response.status_code == 200
    assert "BCP 47 language tag" in response.content.decode()
    response = superuser_client.post(url, {**form, "locale": "de-DE"})
    assert response.status_code == 302
    assert CaseType.objects.get(pk=case_type.pk).locale == "de-DE"
