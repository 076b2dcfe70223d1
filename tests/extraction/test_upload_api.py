"""Seed 002's upload (`POST /upload`, `POST /api/v1/upload`): every request rule and status code,
and nothing created when a request is refused. URL uploads are fetched by the worker from a
loopback server the tests allow explicitly (`FETCH_ALLOWED_NETWORKS`)."""

from __future__ import annotations

import base64

import pytest
from rest_framework.test import APIClient

from cases.models import Case, CaseTypeFilter, Document, StoredFile
from extraction.models import ExtractionJob
from tests.factories import invoice_pdf
from tests.raw_http import ok, raw_server

UPLOAD = "/api/v1/upload"
SEED_UPLOAD = "/upload"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def server(settings):
    settings.FETCH_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    with raw_server() as raw:
        yield raw


def b64(content: bytes) -> str:
    return base64.b64encode(content).decode()


def post(tenant, run_on_commit, body, path=UPLOAD, **kwargs):
    return run_on_commit(tenant.client.post, path, body, format="json", **kwargs)


def nothing_created() -> bool:
    return not (
        Case.objects.exists()
        or Document.objects.exists()
        or ExtractionJob.objects.exists()
        or StoredFile.objects.exists()
    )


@pytest.fixture
def fast_engine(settings):
    settings.EXTRACTION_ISOLATION = False


# --- Accepted uploads ---------------------------------------------------------------------


@pytest.mark.parametrize("path", [UPLOAD, SEED_UPLOAD])
def test_base64_upload_answers_the_seed_shape_and_runs_extraction(
    tenant, run_on_commit, fast_engine, path
):
    response = post(
        tenant,
        run_on_commit,
        {
            "file_base64": b64(invoice_pdf()),
            "file_name": "claim-123-scope.pdf",
            "casetype_id": tenant.case_type.public_id,
            "xn_address": "restoration-team@example.xn",
        },
        path=path,
    )
    assert response.status_code == 202, response.json()
    body = response.json()
    assert set(body) == {
        "document_id",
        "workflow_id",
        "job_id",
        "status",
        "created_at",
        "status_url",
        "ws_url",
    }
    assert body["workflow_id"] == tenant.case_type.public_id
    assert body["status"] == Document.Status.QUEUED
    assert body["status_url"] == f"/status/{body['document_id']}"  # seed 002's own form
    assert body["ws_url"] == "/ws/status"
    assert body["created_at"].endswith("Z")
    document = Document.objects.get(public_id=body["document_id"])
    assert document.filename == "claim-123-scope.pdf"
    assert document.metadata["client_metadata"] == {"xn_address": "restoration-team@example.xn"}
    assert document.status in {Document.Status.PROCESSED, Document.Status.REVIEW_REQUIRED}
    job = ExtractionJob.objects.get(pk=body["job_id"])
    assert job.source == ExtractionJob.Source.UPLOAD_API
    assert list(job.documents.all()) == [document]


def test_template_name_chooses_the_case_type(tenant, run_on_commit):
    response = post(
        tenant,
        run_on_commit,
        {"file_base64": b64(PNG), "file_name": "scan.png", "templateName": tenant.case_type.slug},
    )
    assert response.status_code == 202
    assert response.json()["workflow_id"] == tenant.case_type.public_id


def test_without_a_case_type_the_default_filter_classifies_under_the_promised_id(
    tenant, run_on_commit, fast_engine, settings
):
    settings.UPLOAD_DEFAULT_FILTER = "documents"
    document_filter = CaseTypeFilter.objects.create(workspace=tenant.workspace, name="documents")
    document_filter.case_types.add(tenant.case_type)
    response = post(
        tenant,
        run_on_commit,
        {"file_base64": b64(invoice_pdf()), "file_name": "inv.pdf", "ref": 7},
    )
    assert response.status_code == 202, response.json()
    body = response.json()
    assert body["workflow_id"] is None
    document = Document.objects.get(public_id=body["document_id"])
    assert document.case.case_type == tenant.case_type
    assert document.metadata["client_metadata"] == {"ref": 7}


def test_a_url_upload_is_fetched_by_the_worker(tenant, run_on_commit, fast_engine, server):
    server.routes["/claims/123/scope.pdf"] = ok(invoice_pdf())
    response = post(
        tenant,
        run_on_commit,
        {
            "url": server.url("/claims/123/scope.pdf"),
            "casetype_id": tenant.case_type.public_id,
            "xn_address": "restoration-team@example.xn",
        },
    )
    assert response.status_code == 202, response.json()
    document = Document.objects.get(public_id=response.json()["document_id"])
    assert document.filename == "scope.pdf"
    assert document.file.size == len(invoice_pdf())
    assert document.file.media_type == "application/pdf"
    assert document.status in {Document.Status.PROCESSED, Document.Status.REVIEW_REQUIRED}
    assert server.paths == ["/claims/123/scope.pdf"]
    job = ExtractionJob.objects.get(pk=response.json()["job_id"])
    assert "sourceUrl" not in job.options


@pytest.mark.parametrize(
    ("route", "code"),
    [("/missing.pdf", "FETCH_FAILED"), ("/big.pdf", "FILE_TOO_LARGE")],
)
def test_a_url_that_fails_in_the_worker_fails_the_job_with_its_code(
    tenant, run_on_commit, server, settings, route, code
):
    settings.MAX_UPLOAD_BYTES = 1000
    server.routes["/big.pdf"] = ok(b"%PDF-1.4\n" + b"x" * 5000)
    response = post(
        tenant,
        run_on_commit,
        {"url": server.url(route), "casetype_id": tenant.case_type.public_id},
    )
    assert response.status_code == 202
    job = ExtractionJob.objects.get(pk=response.json()["job_id"])
    assert job.status == ExtractionJob.Status.FAILED
    assert job.error_code == code
    document = Document.objects.get(public_id=response.json()["document_id"])
    assert document.status == Document.Status.FAILED
    assert document.error_code == code


def test_a_url_redirecting_to_a_private_address_fails_with_url_not_allowed(
    tenant, run_on_commit, server
):
    from tests.raw_http import redirect

    server.routes["/a.pdf"] = redirect("http://10.0.0.9/a.pdf")
    response = post(tenant, run_on_commit, {"url": server.url("/a.pdf"), "templateName": "simple"})
    job = ExtractionJob.objects.get(pk=response.json()["job_id"])
    assert job.error_code == "URL_NOT_ALLOWED"


def test_a_fetched_file_of_an_unsupported_type_fails_the_job(tenant, run_on_commit, server):
    server.routes["/notes.txt"] = ok(b"just text")
    response = post(
        tenant, run_on_commit, {"url": server.url("/notes.txt"), "templateName": "simple"}
    )
    job = ExtractionJob.objects.get(pk=response.json()["job_id"])
    assert job.error_code == "UNSUPPORTED_FILE_TYPE"


# --- Refused uploads: status codes, nothing created ---------------------------------------


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"file_name": "a.pdf"}, "url"),
        ({"url": "https://example.com/a.pdf", "file_base64": b64(PNG), "file_name": "a"}, "url"),
        ({"file_base64": b64(PNG)}, "file_name"),
        ({"file_base64": "not base64!", "file_name": "a.png"}, "file_base64"),
        ({"file_base64": b64(PNG)[:-2], "file_name": "a.png"}, "file_base64"),
        (
            {"file_base64": b64(PNG)[:20] + "\n" + b64(PNG)[20:], "file_name": "a.png"},
            "file_base64",
        ),
        ({"file_base64": "", "file_name": "a.png"}, "file_base64"),
        ({"file_base64": b64(b"hello world"), "file_name": "a.txt"}, "file_base64"),
        ({"url": "ftp://example.com/a.pdf"}, "url"),
        ({"url": "http://169.254.169.254/latest/meta-data/"}, "url"),
        ({"url": "http://localhost:8000/a.pdf"}, "url"),
        (
            {"url": "https://example.com/a.pdf", "casetype_id": "x", "templateName": "y"},
            "templateName",
        ),
    ],
)
def test_bad_bodies_are_400_naming_the_field_and_create_nothing(tenant, body, field):
    body = {"casetype_id": tenant.case_type.public_id, **body}
    response = tenant.client.post(UPLOAD, body, format="json")
    assert response.status_code == 400, response.json()
    error = response.json()["error"]
    if field:
        assert field in error["details"]["fields"]
    assert nothing_created()


def test_invalid_base64_says_so_with_its_code(tenant):
    response = tenant.client.post(
        UPLOAD,
        {"file_base64": "@@@@", "file_name": "a.pdf", "templateName": "simple"},
        format="json",
    )
    assert response.json()["error"]["code"] == "INVALID_BASE64"


def test_a_refused_url_is_url_not_allowed(tenant):
    response = tenant.client.post(
        UPLOAD, {"url": "http://10.0.0.1/a.pdf", "templateName": "simple"}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "URL_NOT_ALLOWED"
    assert "url" in response.json()["error"]["details"]["fields"]
    assert nothing_created()


def test_a_data_url_prefix_is_accepted(tenant, run_on_commit):
    response = post(
        tenant,
        run_on_commit,
        {
            "file_base64": "data:image/png;base64," + b64(PNG),
            "file_name": "a.png",
            "templateName": "simple",
        },
    )
    assert response.status_code == 202


def test_a_file_over_the_limit_is_413_in_json_and_creates_nothing(tenant, settings):
    settings.MAX_UPLOAD_BYTES = 1024
    response = tenant.client.post(
        UPLOAD,
        {
            "file_base64": b64(b"%PDF-1.4\n" + b"x" * 4000),
            "file_name": "a.pdf",
            "templateName": "simple",
        },
        format="json",
    )
    assert response.status_code == 413
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["error"]["code"] == "FILE_TOO_LARGE"
    assert nothing_created()


def test_a_body_over_the_request_limit_is_413_in_json(tenant, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2048
    response = tenant.client.post(
        UPLOAD,
        {
            "file_base64": b64(b"%PDF-1.4\n" + b"x" * 4000),
            "file_name": "a.pdf",
            "templateName": "simple",
        },
        format="json",
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "PAYLOAD_TOO_LARGE"
    assert nothing_created()


def test_a_body_that_is_not_json_is_415(tenant):
    response = tenant.client.post(UPLOAD, {"url": "https://example.com/a.pdf"}, format="multipart")
    assert response.status_code == 415
    assert response.json()["error"]["code"] == "UNSUPPORTED_MEDIA_TYPE"


def test_a_json_body_that_is_not_an_object_is_400(tenant):
    response = tenant.client.post(UPLOAD, ["a"], format="json")
    assert response.status_code == 400


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"casetype_id": "ct_unknown"}, "CASETYPE_NOT_FOUND"),
        ({"templateName": "unknown"}, "TEMPLATE_NOT_FOUND"),
        ({"filterName": "unknown"}, "FILTER_NOT_FOUND"),
    ],
)
def test_an_unknown_case_type_template_or_filter_is_404(tenant, body, code):
    response = tenant.client.post(
        UPLOAD, {"file_base64": b64(PNG), "file_name": "a.png", **body}, format="json"
    )
    assert response.status_code == 404
    assert response.json()["error"]["code"] == code
    assert nothing_created()


def test_another_workspaces_case_type_is_404(tenant, outsider):
    response = tenant.client.post(
        UPLOAD,
        {
            "file_base64": b64(PNG),
            "file_name": "a.png",
            "casetype_id": outsider.case_type.public_id,
        },
        format="json",
    )
    assert response.status_code == 404


def test_without_case_type_or_default_filter_the_upload_is_400(tenant, settings):
    settings.UPLOAD_DEFAULT_FILTER = "documents"
    response = tenant.client.post(
        UPLOAD, {"file_base64": b64(PNG), "file_name": "a.png"}, format="json"
    )
    assert response.status_code == 400
    assert "casetype_id" in response.json()["error"]["details"]["fields"]
    assert nothing_created()


def test_without_an_api_key_the_upload_is_401(db):
    response = APIClient().post(UPLOAD, {"url": "https://example.com/a.pdf"}, format="json")
    assert response.status_code == 401


def test_over_the_credit_limit_the_upload_is_402_and_creates_nothing(tenant):
    tenant.workspace.credits_limit = 0
    tenant.workspace.save()
    response = tenant.client.post(
        UPLOAD,
        {"file_base64": b64(PNG), "file_name": "a.png", "templateName": "simple"},
        format="json",
    )
    assert response.status_code == 402
    assert response.json()["error"]["code"] == "INSUFFICIENT_CREDITS"
    assert nothing_created()


def test_too_much_metadata_is_400(tenant):
    body: dict[str, object] = {
        "file_base64": b64(PNG),
        "file_name": "a.png",
        "templateName": "simple",
    }
    body.update({f"key{index}": index for index in range(60)})
    response = tenant.client.post(UPLOAD, body, format="json")
    assert response.status_code == 400
    assert nothing_created()
