"""The OpenAPI 3 schema is served, valid and complete, and says what the API really answers.

`manage.py spectacular --validate --fail-on-warn` must stay clean; every operation of every API
family documents its success body and its errors (the one `ErrorEnvelope`); and the JSON real
requests get back matches the documented shapes (no undocumented key, no missing required one),
so the schema declarations cannot drift from the builders that write the answers.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from drf_spectacular.drainage import reset_generator_stats

from cases.models import Document
from tests.api_schema import api_schema
from tests.documents import INVOICE_LINES, pdf_with_lines

ERROR_REF = "#/components/schemas/ErrorEnvelope"
FAMILIES = {"cases", "extraction", "review", "webhooks", "seed paths"}
INVOICE_PDF = pdf_with_lines(INVOICE_LINES)


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return api_schema()


def operations(schema: dict[str, Any]):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if method in {"get", "post", "put", "patch", "delete"}:
                yield path, method, operation


# --- the schema itself --------------------------------------------------------------------


@pytest.mark.django_db
def test_schema_lists_every_api_family(client):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    assert schema["openapi"].startswith("3.")
    paths = set(schema["paths"])
    for path in (
        "/api/v1/cases",
        "/api/v1/casetypes/{casetype_id}/cases",
        "/api/v1/extraction-jobs",
        "/api/v1/extraction-jobs/{job_id}/result",
        "/api/v1/extract",
        "/api/v1/review",
        "/api/v1/review/queue",
        "/api/v1/documents/{document_id}/approve",
        "/api/v1/webhooks",
    ):
        assert path in paths, path
    assert "ApiKey" in schema["components"]["securitySchemes"]


@pytest.mark.django_db
def test_interactive_docs_open(client):
    assert client.get("/api/docs/").status_code == 200


def test_schema_validates_without_any_error_or_warning(tmp_path):
    reset_generator_stats()
    # Raises SchemaGenerationError on any warning or error, SchemaValidationError if invalid.
    call_command(
        "spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml")
    )


def test_operation_ids_are_unique(schema):
    ids = [operation["operationId"] for _, _, operation in operations(schema)]
    assert len(ids) == len(set(ids))


def test_seed_paths_are_tagged_apart_with_their_own_operation_ids(schema):
    extract = schema["paths"]["/v1/extract"]["post"]
    assert extract["tags"] == ["seed paths"]
    assert extract["operationId"] == "extract_seed_path"
    assert schema["paths"]["/api/v1/extract"]["post"]["operationId"] == "extract"


def test_every_family_documents_its_response_bodies_and_errors(schema):
    families = set()
    for path, method, operation in operations(schema):
        where = f"{method.upper()} {path}"
        families.update(operation["tags"])
        answers = operation["responses"]
        successes = [code for code in answers if code.startswith("2")]
        assert successes, where
        for code in successes:
            if code == "204":  # No Content; bodies are JSON, an SSE stream or bytes (files, images)
                assert "content" not in answers[code], (where, code)
                continue
            content = answers[code]["content"]
            for media_type, body in content.items():
                assert body["schema"], (where, code, media_type)
                if media_type not in {"application/json", "text/event-stream"}:
                    assert body["schema"].get("format") == "binary", (where, code, media_type)
        errors = [code for code in answers if code[0] in "45"]
        if "security" in operation:  # not the signed download: its signature is the key
            assert {"401", "429"} <= set(errors), where
        for code in errors:
            body = answers[code]["content"]["application/json"]["schema"]
            assert body == {"$ref": ERROR_REF}, (where, code)
    assert families == FAMILIES


def test_every_429_says_when_to_retry(schema):
    for path, method, operation in operations(schema):
        if "429" not in operation["responses"]:
            assert "security" not in operation, (method, path)  # only keyless routes
            continue
        assert "Retry-After" in operation["responses"]["429"]["headers"], (method, path)


def test_uploads_are_binary_in_multipart_and_base64_in_json(schema):
    body = schema["paths"]["/api/v1/extraction-jobs"]["post"]["requestBody"]["content"]
    components = schema["components"]["schemas"]
    multipart = components[body["multipart/form-data"]["schema"]["$ref"].rsplit("/", 1)[1]]
    as_json = components[body["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]]
    assert multipart["properties"]["file"]["format"] == "binary"
    assert as_json["properties"]["file"]["type"] == "string"
    assert "format" not in as_json["properties"]["file"]


# --- what the API answers matches what the schema says ------------------------------------


def mismatches(schema: dict, value: Any, components: dict, where: str = "$") -> list[str]:
    """Where `value` breaks `schema`: undocumented or missing keys, wrong types, nulls."""
    if "$ref" in schema:
        schema = {**components[schema["$ref"].rsplit("/", 1)[1]], **schema}
        schema.pop("$ref")
    if value is None:
        return [] if schema.get("nullable") or not schema else [f"{where}: null"]
    problems = []
    for part in schema.get("allOf", []):
        problems += mismatches(part, value, components, where)
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        if not isinstance(value, dict):
            return [f"{where}: not an object"]
        properties = schema.get("properties", {})
        if properties:
            problems += [f"{where}.{key}: undocumented" for key in set(value) - set(properties)]
        problems += [
            f"{where}.{key}: missing" for key in set(schema.get("required", [])) - set(value)
        ]
        extra = schema.get("additionalProperties")
        for key, item in value.items():
            if key in properties:
                problems += mismatches(properties[key], item, components, f"{where}.{key}")
            elif isinstance(extra, dict):
                problems += mismatches(extra, item, components, f"{where}.{key}")
    elif kind == "array":
        if not isinstance(value, list):
            return [f"{where}: not an array"]
        for index, item in enumerate(value):
            problems += mismatches(schema.get("items", {}), item, components, f"{where}[{index}]")
    elif kind in ("string", "integer", "number", "boolean"):
        expected = {"string": str, "integer": int, "number": (int, float), "boolean": bool}[kind]
        if not isinstance(value, expected) or (kind != "boolean" and isinstance(value, bool)):
            problems.append(f"{where}: {value!r} is not {kind}")
    return problems


class Documented:
    """Checks answers against the schema's response for their path template and status."""

    def __init__(self, schema: dict) -> None:
        self.schema = schema

    def __call__(self, response, method: str, path: str) -> dict:
        operation = self.schema["paths"][path][method]
        answer = operation["responses"].get(str(response.status_code))
        assert answer, f"{method.upper()} {path}: {response.status_code} is not documented"
        body_schema = answer["content"]["application/json"]["schema"]
        body = response.json()
        problems = mismatches(body_schema, body, self.schema["components"]["schemas"])
        assert not problems, (method.upper(), path, response.status_code, problems)
        return body


def test_the_shape_check_notices_undocumented_missing_and_mistyped_keys(schema):
    components = schema["components"]["schemas"]
    envelope = {"$ref": ERROR_REF}
    error = {"code": "X", "message": "m", "details": {}}
    good = {"success": False, "status": "error", "status_code": 400, "error": error}
    assert mismatches(envelope, good, components) == []
    assert mismatches(envelope, {**good, "extra": 1}, components) == ["$.extra: undocumented"]
    assert mismatches(envelope, {**good, "error": {**error, "code": None}}, components) == [
        "$.error.code: null"
    ]
    missing = {key: value for key, value in good.items() if key != "status"}
    assert mismatches(envelope, missing, components) == ["$.status: missing"]
    assert mismatches(envelope, {**good, "status_code": "400"}, components) == [
        "$.status_code: '400' is not integer"
    ]


def pdf(name: str = "invoice.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, INVOICE_PDF, content_type="application/pdf")


def test_case_api_answers_match_the_schema(tenant, run_on_commit, schema):
    check = Documented(schema)
    client = tenant.client
    casetype = tenant.case_type.public_id
    created = check(
        run_on_commit(
            client.post,
            "/api/v1/cases",
            {"casetype_id": casetype, "files": [pdf()], "trigger_workflow": "false"},
            format="multipart",
        ),
        "post",
        "/api/v1/cases",
    )
    case_id = created["data"]["case_id"]
    check(
        run_on_commit(client.post, f"/api/v1/cases/{case_id}/extract"),
        "post",
        "/api/v1/cases/{case_id}/extract",
    )
    check(
        client.get(f"/api/v1/casetypes/{casetype}/cases", {"limit": 5}),
        "get",
        "/api/v1/casetypes/{casetype_id}/cases",
    )
    check(
        client.get(f"/api/v1/casetypes/{casetype}/cases/{case_id}"),
        "get",
        "/api/v1/casetypes/{casetype_id}/cases/{case_id}",
    )
    check(
        client.patch(
            f"/api/v1/casetypes/{casetype}/cases/{case_id}", {"case_name": "Renamed"}, format="json"
        ),
        "patch",
        "/api/v1/casetypes/{casetype_id}/cases/{case_id}",
    )
    check(client.get(f"/api/v1/cases/{case_id}/files"), "get", "/api/v1/cases/{case_id}/files")
    check(client.get("/api/v1/casetypes"), "get", "/api/v1/casetypes")
    check(client.get(f"/api/v1/casetypes/{casetype}"), "get", "/api/v1/casetypes/{casetype_id}")
    check(
        client.get(f"/api/v1/casetypes/{casetype}/cases", {"limit": 500}),
        "get",
        "/api/v1/casetypes/{casetype_id}/cases",
    )
    check(client.get("/api/v1/casetypes/casetype__nope"), "get", "/api/v1/casetypes/{casetype_id}")


def test_job_and_review_api_answers_match_the_schema(tenant, run_on_commit, schema):
    check = Documented(schema)
    client = tenant.client
    jobs = "/api/v1/extraction-jobs"
    created = check(
        run_on_commit(
            client.post,
            jobs,
            {"file": pdf(), "templateName": tenant.case_type.slug},
            format="multipart",
        ),
        "post",
        jobs,
    )
    job_id = created["job"]["id"]
    check(client.get(f"{jobs}/{job_id}"), "get", f"{jobs}/{{job_id}}")
    check(client.get(f"{jobs}/{job_id}/result"), "get", f"{jobs}/{{job_id}}/result")
    check(client.get(jobs, {"limit": 10}), "get", jobs)
    check(client.get(f"{jobs}/not-a-job"), "get", f"{jobs}/{{job_id}}")

    held = check(
        run_on_commit(
            client.post,
            jobs,
            {"file": pdf("held.pdf"), "templateName": tenant.case_type.slug, "documentReview": 99},
            format="multipart",
        ),
        "post",
        jobs,
    )
    status = check(client.get(f"{jobs}/{held['job']['id']}"), "get", f"{jobs}/{{job_id}}")
    assert status["job"]["status"] == "review_required"
    check(client.get(f"{jobs}/{held['job']['id']}/result"), "get", f"{jobs}/{{job_id}}/result")
    queue = check(client.get("/api/v1/review/queue"), "get", "/api/v1/review/queue")
    document = Document.objects.get(public_id=queue["documents"][0]["document_id"])
    for field in document.fields.filter(flagged=True, reviewed=False):
        check(
            client.post(
                f"/api/v1/documents/{document.public_id}/fields/{field.key}",
                {"action": "approve"},
                format="json",
            ),
            "post",
            "/api/v1/documents/{document_id}/fields/{key}",
        )
    undo_path = "/api/v1/documents/{document_id}/undo"
    undone = check(client.post(f"/api/v1/documents/{document.public_id}/undo"), "post", undo_path)
    assert undone["field"] is not None
    key = undone["field"]["key"]
    reset = check(
        client.post(
            f"/api/v1/documents/{document.public_id}/fields/{key}",
            {"action": "reset"},
            format="json",
        ),
        "post",
        "/api/v1/documents/{document_id}/fields/{key}",
    )
    assert reset["field"]["key"] == key
    check(
        client.post(
            f"/api/v1/documents/{document.public_id}/fields/{key}",
            {"action": "approve"},
            format="json",
        ),
        "post",
        "/api/v1/documents/{document_id}/fields/{key}",
    )
    check(
        client.post(f"/api/v1/documents/{document.public_id}/undo", {"key": "nothing"}),
        "post",
        undo_path,
    )
    check(
        run_on_commit(client.post, f"/api/v1/documents/{document.public_id}/approve"),
        "post",
        "/api/v1/documents/{document_id}/approve",
    )
    check(client.get(f"{jobs}/{held['job']['id']}/result"), "get", f"{jobs}/{{job_id}}/result")
    check(
        client.post(
            "/api/v1/review",
            {"workflow_id": tenant.case_type.public_id, "document_id": document.public_id},
            format="json",
        ),
        "post",
        "/api/v1/review",
    )
    check(
        run_on_commit(
            client.post,
            "/api/v1/extract",
            {"file": pdf(), "templateName": tenant.case_type.slug, "mode": "callback"},
            format="multipart",
        ),
        "post",
        "/api/v1/extract",
    )


def test_webhook_api_answers_match_the_schema(tenant, run_on_commit, schema):
    check = Documented(schema)
    client = tenant.client
    created = check(
        client.post(
            "/api/v1/webhooks",
            {"url": "https://hooks.example.com/casefile", "events": ["extraction.completed"]},
            format="json",
        ),
        "post",
        "/api/v1/webhooks",
    )
    webhook = f"/api/v1/webhooks/{created['data']['id']}"
    check(client.get("/api/v1/webhooks"), "get", "/api/v1/webhooks")
    check(client.get(webhook), "get", "/api/v1/webhooks/{webhook_id}")
    check(
        client.patch(webhook, {"description": "ERP"}, format="json"),
        "patch",
        "/api/v1/webhooks/{webhook_id}",
    )
    check(
        client.post(f"{webhook}/rotate-secret", {}, format="json"),
        "post",
        "/api/v1/webhooks/{webhook_id}/rotate-secret",
    )
    check(client.post(f"{webhook}/test"), "post", "/api/v1/webhooks/{webhook_id}/test")
    check(client.get(f"{webhook}/deliveries"), "get", "/api/v1/webhooks/{webhook_id}/deliveries")
    check(client.delete(webhook), "delete", "/api/v1/webhooks/{webhook_id}")


@pytest.mark.django_db(transaction=True)
def test_extract_in_response_mode_answers_match_the_schema(tenant, schema):
    # The job must commit (and run, inline) before `mode=response` can see it finish.
    check = Documented(schema)
    done = check(
        tenant.client.post(
            "/v1/extract",
            {"file": pdf(), "templateName": tenant.case_type.slug},
            format="multipart",
        ),
        "post",
        "/v1/extract",
    )
    assert done["status"] == "completed"
    held = check(
        tenant.client.post(
            "/api/v1/extract",
            {"file": pdf(), "templateName": tenant.case_type.slug, "documentReview": 99},
            format="multipart",
        ),
        "post",
        "/api/v1/extract",
    )
    assert held["status"] == "review_required"


def test_files_api_and_signed_url_answers_match_the_schema(tenant, run_on_commit, schema):
    check = Documented(schema)
    client = tenant.client
    created = check(
        client.post("/api/v1/files", {"file": pdf()}, format="multipart"), "post", "/api/v1/files"
    )
    file_id = created["file_id"]
    check(client.get(f"/api/v1/files/{file_id}"), "get", "/api/v1/files/{file_id}")
    check(client.get("/api/v1/files/file__nope"), "get", "/api/v1/files/{file_id}")
    case = run_on_commit(
        client.post,
        "/api/v1/cases",
        {"casetype_id": tenant.case_type.public_id, "files": [pdf()], "trigger_workflow": "false"},
        format="multipart",
    ).json()["data"]
    upload_id = Document.objects.get(public_id=case["documents"][0]["doc_id"]).file.public_id
    check(
        client.get(f"/api/v1/cases/{case['case_id']}/files/{upload_id}/url", {"download": "1"}),
        "get",
        "/api/v1/cases/{case_id}/files/{file_id}/url",
    )
    check(
        client.get(f"/api/v1/cases/{case['case_id']}/files/{file_id}/url"),
        "get",
        "/api/v1/cases/{case_id}/files/{file_id}/url",
    )


def test_the_api_docs_page_loads_swagger_ui_from_our_own_static_files(client):
    page = client.get("/api/docs/").content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in page
    assert "cdn.jsdelivr.net" not in page
