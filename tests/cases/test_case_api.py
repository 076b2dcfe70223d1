"""The case API of seed 001: shapes, parameters, bad inputs and workspace isolation."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cases.models import AuditEvent, Case, Document, StoredFile
from tests.documents import INVOICE_LINES, pdf_with_lines
from webhooks.models import WebhookEvent

UPLOAD_PATHS = ["/api/v1/cases", "/api/v1/upload-service/agents/casetype/case"]


def pdf_upload(name: str = "invoice_1.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_with_lines(INVOICE_LINES), content_type="application/pdf")


def create_case(tenant, *, files=None, trigger_workflow="false", **extra):
    data = {
        "casetype_id": tenant.case_type.public_id,
        "trigger_workflow": trigger_workflow,
        "files": files or [pdf_upload("invoice_1.pdf"), pdf_upload("invoice_2.pdf")],
        **extra,
    }
    return tenant.client.post("/api/v1/cases", data, format="multipart")


def list_url(tenant, alias=False):
    if alias:
        return f"/api/v1/external/agents/{tenant.case_type.public_id}/cases"
    return f"/api/v1/casetypes/{tenant.case_type.public_id}/cases"


# --- create and append --------------------------------------------------------------------


@pytest.mark.parametrize("url", UPLOAD_PATHS)
def test_create_case_with_several_files_answers_seed_shape(tenant, url):
    response = tenant.client.post(
        url,
        {
            "casetype_id": tenant.case_type.public_id,
            "trigger_workflow": "false",
            "files": [pdf_upload("invoice_1.pdf"), pdf_upload("invoice_2.pdf")],
        },
        format="multipart",
    )
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "success"
    assert body["status_code"] == 200
    assert body["message"] == "File upload successful"
    data = body["data"]
    assert data["case_id"].startswith("case__")
    assert len(data["case_id"]) == len("case__") + 32
    assert data["casetype_id"] == tenant.case_type.public_id
    assert [d["filename"] for d in data["documents"]] == ["invoice_1.pdf", "invoice_2.pdf"]
    assert all(d["doc_id"].startswith("doc__") for d in data["documents"])
    assert {d["status"] for d in data["documents"]} == {"uploaded"}


def test_create_case_records_audit_and_events(tenant):
    response = create_case(tenant)
    case = Case.objects.get(public_id=response.json()["data"]["case_id"])
    verbs = list(AuditEvent.objects.filter(case=case).values_list("verb", flat=True))
    assert verbs.count(AuditEvent.Verb.CASE_CREATED) == 1
    assert verbs.count(AuditEvent.Verb.DOCUMENT_UPLOADED) == 2
    types = list(
        WebhookEvent.objects.filter(workspace=tenant.workspace).values_list("type", flat=True)
    )
    assert sorted(types) == ["case.created", "document.uploaded", "document.uploaded"]
    actor = AuditEvent.objects.filter(case=case).first()
    assert actor.actor_api_key is not None


def test_append_files_with_case_id(tenant):
    case_id = create_case(tenant).json()["data"]["case_id"]
    response = tenant.client.post(
        "/api/v1/upload-service/agents/casetype/case",
        {
            "casetype_id": tenant.case_type.public_id,
            "case_id": case_id,
            "trigger_workflow": "false",
            "files": [pdf_upload("additional_document.pdf")],
        },
        format="multipart",
    )
    assert response.status_code == 200
    body = response.json()
    assert body["message"] == "File successfully appended to case"
    assert body["data"]["case_id"] == case_id
    assert [d["filename"] for d in body["data"]["documents"]] == ["additional_document.pdf"]
    assert Document.objects.filter(case__public_id=case_id).count() == 3


def test_same_content_twice_is_accepted_and_marked_duplicate(tenant):
    content = pdf_with_lines(INVOICE_LINES)
    first_file = SimpleUploadedFile("a.pdf", content, content_type="application/pdf")
    second_file = SimpleUploadedFile("b.pdf", content, content_type="application/pdf")
    first = create_case(tenant, files=[first_file]).json()["data"]["documents"][0]
    second = create_case(tenant, files=[second_file]).json()["data"]["documents"][0]
    assert "duplicate_of" not in first
    assert second["duplicate_of"] == first["doc_id"]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"casetype_id": None}, "casetype_id"),
        ({"trigger_workflow": "maybe"}, "trigger_workflow"),
        ({"files": []}, "files"),
    ],
)
def test_create_case_bad_values_are_400_naming_the_field(tenant, data, field):
    payload = {
        "casetype_id": tenant.case_type.public_id,
        "trigger_workflow": "false",
        "files": [pdf_upload()],
        **data,
    }
    payload = {key: value for key, value in payload.items() if value is not None}
    response = tenant.client.post("/api/v1/cases", payload, format="multipart")
    assert response.status_code == 400
    body = response.json()
    assert body["error"]["message"].startswith(field)
    assert Case.objects.count() == 0


def test_one_empty_file_among_several_creates_nothing(tenant):
    empty = SimpleUploadedFile("empty.pdf", b"", content_type="application/pdf")
    response = create_case(tenant, files=[pdf_upload("good.pdf"), empty])
    assert response.status_code == 400
    assert "files[1]" in response.json()["error"]["message"]
    assert Case.objects.count() == 0
    assert Document.objects.count() == 0
    assert StoredFile.objects.count() == 0


def test_file_over_the_upload_limit_is_413_naming_the_file_and_creates_nothing(tenant, settings):
    settings.MAX_UPLOAD_BYTES = 100
    response = create_case(tenant, files=[pdf_upload()])
    assert response.status_code == 413
    error = response.json()["error"]
    assert error["code"] == "FILE_TOO_LARGE"
    assert "files[0]" in error["details"]["fields"]
    assert Case.objects.count() == 0


def test_unknown_casetype_is_404(tenant):
    response = tenant.client.post(
        "/api/v1/cases",
        {"casetype_id": "casetype__nope", "files": [pdf_upload()]},
        format="multipart",
    )
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "CASETYPE_NOT_FOUND"


def test_append_to_case_of_other_case_type_is_400(tenant, invoice_type):
    case_id = create_case(tenant).json()["data"]["case_id"]
    response = tenant.client.post(
        "/api/v1/cases",
        {"casetype_id": invoice_type.public_id, "case_id": case_id, "files": [pdf_upload()]},
        format="multipart",
    )
    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith("case_id")


def test_cannot_upload_into_another_workspaces_case_type_or_case(tenant, outsider):
    theirs = create_case(outsider).json()["data"]["case_id"]
    response = tenant.client.post(
        "/api/v1/cases",
        {"casetype_id": outsider.case_type.public_id, "files": [pdf_upload()]},
        format="multipart",
    )
    assert response.status_code == 404
    response = tenant.client.post(
        "/api/v1/cases",
        {"casetype_id": tenant.case_type.public_id, "case_id": theirs, "files": [pdf_upload()]},
        format="multipart",
    )
    assert response.status_code == 404
    assert Document.objects.filter(case__public_id=theirs).count() == 2


# --- list ---------------------------------------------------------------------------------


@pytest.mark.parametrize("alias", [False, True])
def test_list_answers_seed_shape_with_total_count(tenant, alias):
    for _ in range(3):
        create_case(tenant, files=[pdf_upload()])
    response = tenant.client.get(list_url(tenant, alias), {"limit": 2})
    assert response.status_code == 200
    data = response.json()["data"]
    assert data["total_count"] == 3
    assert len(data["cases"]) == 2
    item = data["cases"][0]
    assert set(item) >= {
        "case_id",
        "case_name",
        "stage_id",
        "status",
        "created_date",
        "modified_date",
        "assigned_to",
    }
    assert item["stage_id"].startswith("stage__")
    assert item["status"] == "uploaded"


def test_list_limit_zero_returns_only_the_count(tenant):
    create_case(tenant, files=[pdf_upload()])
    data = tenant.client.get(list_url(tenant), {"limit": 0}).json()["data"]
    assert data["cases"] == []
    assert data["total_count"] == 1


def test_list_offset_pages_through(tenant):
    ids = [create_case(tenant, files=[pdf_upload()]).json()["data"]["case_id"] for _ in range(3)]
    page = tenant.client.get(
        list_url(tenant), {"limit": 1, "offset": 1, "sort_by": "created_date.asc"}
    )
    assert [c["case_id"] for c in page.json()["data"]["cases"]] == [ids[1]]


@pytest.mark.parametrize(
    "sort_by", ["created_date.asc", "created_date.desc", "modified_date.asc", "modified_date.desc"]
)
def test_list_sorts_by_each_documented_value(tenant, sort_by):
    ids = [create_case(tenant, files=[pdf_upload()]).json()["data"]["case_id"] for _ in range(3)]
    # Touch the cases so modified order differs from created order: 2, then 1, then 0 last.
    for case_id in (ids[1], ids[2], ids[0]):
        tenant.client.patch(
            f"{list_url(tenant)}/{case_id}", {"case_name": f"renamed {case_id}"}, format="json"
        )
    order = {
        "created_date.asc": ids,
        "created_date.desc": ids[::-1],
        "modified_date.asc": [ids[1], ids[2], ids[0]],
        "modified_date.desc": [ids[0], ids[2], ids[1]],
    }[sort_by]
    listed = tenant.client.get(list_url(tenant), {"sort_by": sort_by}).json()["data"]["cases"]
    assert [c["case_id"] for c in listed] == order


def test_list_filters_by_repeated_stage_id_and_assigned_to(tenant):
    first = create_case(tenant, files=[pdf_upload()]).json()["data"]["case_id"]
    second = create_case(tenant, files=[pdf_upload()]).json()["data"]["case_id"]
    create_case(tenant, files=[pdf_upload()])
    stages = list(tenant.case_type.stages.all())
    review, approved = stages[1], stages[2]
    url = list_url(tenant)
    tenant.client.patch(f"{url}/{first}", {"stage_id": review.public_id}, format="json")
    tenant.client.patch(
        f"{url}/{second}",
        {"stage_id": approved.public_id, "assigned_to": tenant.reviewer.public_id},
        format="json",
    )
    query = f"?stage_id={review.public_id}&stage_id={approved.public_id}"
    by_stage = tenant.client.get(url + query).json()["data"]
    assert {c["case_id"] for c in by_stage["cases"]} == {first, second}
    assert by_stage["total_count"] == 2
    by_assignee = tenant.client.get(url, {"assigned_to": tenant.reviewer.public_id}).json()["data"]
    assert [c["case_id"] for c in by_assignee["cases"]] == [second]
    assert by_assignee["cases"][0]["assigned_to"] == tenant.reviewer.public_id


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": 101}, "limit"),
        ({"limit": -1}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"offset": -5}, "offset"),
        ({"sort_by": "name.asc"}, "sort_by"),
        ({"stage_id": "stage__unknown"}, "stage_id"),
    ],
)
def test_list_bad_parameters_are_400_naming_the_field(tenant, params, field):
    response = tenant.client.get(list_url(tenant), params)
    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith(field)


def test_list_of_another_workspaces_case_type_is_404(tenant, outsider):
    create_case(outsider, files=[pdf_upload()])
    response = tenant.client.get(list_url(outsider))
    assert response.status_code == 404


def test_list_never_shows_another_workspaces_cases(tenant, outsider):
    create_case(outsider, files=[pdf_upload()])
    data = tenant.client.get(list_url(tenant)).json()["data"]
    assert data["total_count"] == 0


# --- get and patch ------------------------------------------------------------------------


def test_get_case_shows_documents(tenant):
    case_id = create_case(tenant).json()["data"]["case_id"]
    response = tenant.client.get(f"{list_url(tenant)}/{case_id}")
    assert response.status_code == 200
    data = response.json()["data"]
    assert data["case_id"] == case_id
    assert [d["filename"] for d in data["documents"]] == ["invoice_1.pdf", "invoice_2.pdf"]


@pytest.mark.parametrize("alias", [False, True])
def test_patch_changes_stage_assignee_and_name_in_seed_shape(tenant, alias):
    case_id = create_case(tenant).json()["data"]["case_id"]
    review = tenant.case_type.stages.get(system_role="review")
    url = (
        f"/api/v1/external/agents/{tenant.case_type.public_id}/case/{case_id}"
        if alias
        else f"{list_url(tenant)}/{case_id}"
    )
    response = tenant.client.patch(
        url,
        {
            "stage_id": review.public_id,
            "assigned_to": tenant.reviewer.public_id,
            "case_name": "Updated Invoice Batch A",
        },
        format="json",
    )
    assert response.status_code == 200
    body = response.json()
    assert body["message"] == "Case updated successfully"
    assert body["data"] == {
        "case_id": case_id,
        "casetype_id": tenant.case_type.public_id,
        "case_name": "Updated Invoice Batch A",
        "stage_id": review.public_id,
        "assigned_to": tenant.reviewer.public_id,
        "modified_date": body["data"]["modified_date"],
    }
    event = WebhookEvent.objects.filter(type="case.updated").get()
    assert set(event.payload["data"]["changes"]) == {"stage_id", "assigned_to", "case_name"}
    assert event.payload["data"]["source"] == "api"


def test_patch_with_nothing_changed_fires_no_event(tenant):
    case_id = create_case(tenant).json()["data"]["case_id"]
    case = Case.objects.get(public_id=case_id)
    response = tenant.client.patch(
        f"{list_url(tenant)}/{case_id}", {"case_name": case.name}, format="json"
    )
    assert response.status_code == 200
    assert not WebhookEvent.objects.filter(type="case.updated").exists()


def test_patch_can_unassign(tenant):
    case_id = create_case(tenant).json()["data"]["case_id"]
    url = f"{list_url(tenant)}/{case_id}"
    tenant.client.patch(url, {"assigned_to": tenant.reviewer.public_id}, format="json")
    response = tenant.client.patch(url, {"assigned_to": None}, format="json")
    assert response.json()["data"]["assigned_to"] is None


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"stage_id": "stage__unknown"}, "stage_id"),
        ({"assigned_to": "user__nobody"}, "assigned_to"),
        ({"case_name": "x" * 301}, "case_name"),
        ({"colour": "red"}, "colour"),
        ({}, "request"),
    ],
)
def test_patch_bad_values_are_400_naming_the_field(tenant, payload, field):
    case_id = create_case(tenant).json()["data"]["case_id"]
    response = tenant.client.patch(f"{list_url(tenant)}/{case_id}", payload, format="json")
    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith(field)


def test_patch_cannot_assign_a_user_of_another_workspace(tenant, outsider):
    case_id = create_case(tenant).json()["data"]["case_id"]
    response = tenant.client.patch(
        f"{list_url(tenant)}/{case_id}", {"assigned_to": outsider.reviewer.public_id}, format="json"
    )
    assert response.status_code == 400


def test_patch_cannot_use_a_stage_of_another_case_type(tenant, invoice_type):
    case_id = create_case(tenant).json()["data"]["case_id"]
    foreign_stage = invoice_type.stages.first()
    response = tenant.client.patch(
        f"{list_url(tenant)}/{case_id}", {"stage_id": foreign_stage.public_id}, format="json"
    )
    assert response.status_code == 400


def test_get_and_patch_of_another_workspaces_case_are_404(tenant, outsider):
    theirs = create_case(outsider).json()["data"]["case_id"]
    for url in (
        f"{list_url(outsider)}/{theirs}",
        f"{list_url(tenant)}/{theirs}",
    ):
        assert tenant.client.get(url).status_code == 404
        assert tenant.client.patch(url, {"case_name": "mine"}, format="json").status_code == 404
    assert Case.objects.get(public_id=theirs).name != "mine"


# --- files and case types -----------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["/api/v1/cases", "/api/v1/chatot/cases"])
def test_case_files_are_searchable_by_name(tenant, prefix):
    case_id = create_case(tenant, files=[pdf_upload("email.pdf"), pdf_upload("scope.pdf")]).json()[
        "data"
    ]["case_id"]
    response = tenant.client.get(f"{prefix}/{case_id}/files", {"q": "email"})
    assert response.status_code == 200
    files = response.json()
    assert [f["filename"] for f in files] == ["email.pdf"]
    assert files[0]["id"].startswith("file__")
    assert set(files[0]) >= {"id", "filename", "status", "created_at"}


def test_case_files_of_another_workspace_are_404(tenant, outsider):
    theirs = create_case(outsider).json()["data"]["case_id"]
    assert tenant.client.get(f"/api/v1/cases/{theirs}/files").status_code == 404


def test_case_types_are_listed_and_scoped(tenant, outsider):
    listed = tenant.client.get("/api/v1/casetypes").json()["data"]["casetypes"]
    assert [ct["casetype_id"] for ct in listed] == [tenant.case_type.public_id]
    detail = tenant.client.get(f"/api/v1/casetypes/{tenant.case_type.public_id}").json()["data"]
    assert [s["system_role"] for s in detail["stages"]] == [
        "extraction",
        "review",
        "approved",
        "rejected",
    ]
    assert tenant.client.get(f"/api/v1/casetypes/{outsider.case_type.public_id}").status_code == 404


def test_a_case_types_locale_is_in_its_representation_and_null_when_unknown(tenant):
    url = f"/api/v1/casetypes/{tenant.case_type.public_id}"
    assert tenant.client.get(url).json()["data"]["locale"] is None
    tenant.case_type.locale = "de-DE"
    tenant.case_type.save()
    assert tenant.client.get(url).json()["data"]["locale"] == "de-DE"


# --- starting extraction later ------------------------------------------------------------


def test_documents_stored_without_workflow_can_be_started_later(tenant, run_on_commit):
    case_id = create_case(tenant).json()["data"]["case_id"]
    response = run_on_commit(tenant.client.post, f"/api/v1/cases/{case_id}/extract")
    assert response.status_code == 200
    body = response.json()
    assert body["message"] == "Extraction started"
    assert [d["status"] for d in body["data"]["documents"]] == ["queued", "queued"]
    statuses = set(
        Document.objects.filter(case__public_id=case_id).values_list("status", flat=True)
    )
    assert statuses == {"processed"}
    again = tenant.client.post(f"/api/v1/cases/{case_id}/extract")
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "NOTHING_TO_EXTRACT"


def test_starting_another_workspaces_case_is_404(tenant, outsider):
    theirs = create_case(outsider).json()["data"]["case_id"]
    assert tenant.client.post(f"/api/v1/cases/{theirs}/extract").status_code == 404
    assert set(
        Document.objects.filter(case__public_id=theirs).values_list("status", flat=True)
    ) == {"uploaded"}
