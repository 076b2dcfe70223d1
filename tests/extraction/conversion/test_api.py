"""The conversion API (seed 004) at its seed paths and canonical ones: engines, job creation,
the job running in the (inline) worker, polling, history, and every refusal."""

from __future__ import annotations

import io

import openpyxl
import pytest
from rest_framework.test import APIClient

from cases import files
from cases.models import StoredFile
from extraction.conversion.models import ConversionJob
from tests.documents import pdf_with_lines
from webhooks.models import WebhookEvent

PREFIXES = [
    pytest.param(("/castdoc/engines", "/castdoc/jobs"), id="seed"),
    pytest.param(("/api/v1/conversion-engines", "/api/v1/conversion-jobs"), id="canonical"),
]


def bearer(tenant) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {tenant.raw_key}")
    return client


def upload(tenant, content: bytes, filename: str = "report.pdf") -> StoredFile:
    return files.file_create(
        workspace=tenant.workspace, filename=filename, content=content, retention_hours=24
    )


@pytest.mark.parametrize("paths", PREFIXES)
def test_engines_lists_each_engine_with_its_formats(tenant, paths):
    response = bearer(tenant).get(paths[0])
    assert response.status_code == 200
    engines = {e["id"]: e for e in response.json()["engines"]}
    assert engines["pdf2docx"]["output_formats"] == ["docx"]
    assert engines["tables"]["output_formats"] == ["xlsx", "csv"]
    assert engines["text"]["output_formats"] == ["md", "txt"]
    assert all(e["input_formats"] == ["pdf"] for e in engines.values())


@pytest.mark.parametrize("paths", PREFIXES)
def test_a_job_is_accepted_with_202_runs_and_its_output_downloads(
    tenant, paths, table_pdf, django_capture_on_commit_callbacks
):
    source = upload(tenant, table_pdf)
    client = bearer(tenant)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            paths[1],
            {"engine": "tables", "file_id": source.public_id, "output_format": "xlsx"},
            format="json",
        )
    assert response.status_code == 202
    accepted = response.json()
    assert accepted["status"] == "queued"
    assert accepted["file_id"] == source.public_id
    assert "output_file_id" not in accepted
    assert "error" not in accepted
    job = client.get(f"{paths[1]}/{accepted['job_id']}").json()
    assert job["status"] == "completed"
    assert job["progress"] == 100
    assert job["pages"] == 1
    assert job["completed_at"]
    assert job["expires_at"]
    assert job["updated_at"]
    assert job["output_filename"] == "report.xlsx"
    content = client.get(f"/files/{job['output_file_id']}/content")
    assert content.status_code == 200
    assert content["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = openpyxl.load_workbook(io.BytesIO(content.getvalue()))
    assert workbook.active["B2"].value == 12


def test_output_format_defaults_to_the_engines_first(tenant, prose_pdf, run_on_commit):
    source = upload(tenant, prose_pdf)
    response = run_on_commit(
        bearer(tenant).post, "/castdoc/jobs", {"engine": "text", "file_id": source.public_id}
    )
    assert response.status_code == 202
    assert response.json()["output_format"] == "md"
    job = ConversionJob.objects.get(pk=response.json()["job_id"])
    assert job.status == ConversionJob.Status.COMPLETED
    assert job.output_file is not None
    assert files.file_read(job.output_file).decode().startswith("# Annual Summary")


def test_a_completed_job_announces_conversion_completed(tenant, table_pdf, run_on_commit):
    source = upload(tenant, table_pdf)
    response = run_on_commit(
        bearer(tenant).post,
        "/castdoc/jobs",
        {"engine": "tables", "file_id": source.public_id, "output_format": "csv"},
    )
    event = WebhookEvent.objects.get(workspace=tenant.workspace, type="conversion.completed")
    data = event.payload["data"]
    assert data["job_id"] == response.json()["job_id"]
    assert data["status"] == "completed"
    assert data["output_file_id"].startswith("file")
    assert data["filename"] == "report.pdf"


def test_a_hostile_pdf_fails_the_job_with_a_code_and_announces_it(tenant, run_on_commit):
    source = upload(tenant, b"%PDF-1.7\n" + b"\x00garbage" * 100)
    response = run_on_commit(
        bearer(tenant).post, "/castdoc/jobs", {"engine": "text", "file_id": source.public_id}
    )
    job = bearer(tenant).get(f"/castdoc/jobs/{response.json()['job_id']}").json()
    assert job["status"] == "failed"
    assert job["error"]["code"] == "CORRUPT_FILE"
    assert job["error"]["message"]
    assert "output_file_id" not in job
    event = WebhookEvent.objects.get(workspace=tenant.workspace, type="conversion.completed")
    assert event.payload["data"]["error"]["code"] == "CORRUPT_FILE"


def test_a_pdf_without_tables_fails_the_tables_job_with_no_tables_found(tenant, run_on_commit):
    source = upload(tenant, pdf_with_lines(["Only prose here."]))
    response = run_on_commit(
        bearer(tenant).post, "/castdoc/jobs", {"engine": "tables", "file_id": source.public_id}
    )
    job = bearer(tenant).get(f"/castdoc/jobs/{response.json()['job_id']}").json()
    assert job["error"]["code"] == "NO_TABLES_FOUND"


def test_history_is_newest_first_and_paginated(tenant, outsider):
    source = upload(tenant, pdf_with_lines(["x"]))
    jobs = [
        ConversionJob.objects.create(
            workspace=tenant.workspace, source_file=source, engine="text", output_format="md"
        )
        for _ in range(3)
    ]
    other = upload(outsider, pdf_with_lines(["y"]))
    ConversionJob.objects.create(
        workspace=outsider.workspace, source_file=other, engine="text", output_format="md"
    )
    body = bearer(tenant).get("/castdoc/jobs?limit=2").json()
    assert body["total"] == 3
    assert [j["job_id"] for j in body["jobs"]] == [str(jobs[2].pk), str(jobs[1].pk)]
    second = bearer(tenant).get("/api/v1/conversion-jobs?limit=2&offset=2").json()
    assert [j["job_id"] for j in second["jobs"]] == [str(jobs[0].pk)]
    assert bearer(tenant).get("/castdoc/jobs?status=failed").json()["total"] == 0


@pytest.mark.parametrize(
    ("query", "field"),
    [("limit=500", "limit"), ("offset=-1", "offset"), ("status=done", "status")],
)
def test_history_refuses_bad_parameters_naming_them(tenant, query, field):
    response = bearer(tenant).get(f"/castdoc/jobs?{query}")
    assert response.status_code == 400
    assert field in response.json()["error"]["details"]["fields"]


def test_a_job_of_another_workspace_or_unknown_is_404(tenant, outsider):
    other = upload(outsider, pdf_with_lines(["y"]))
    job = ConversionJob.objects.create(
        workspace=outsider.workspace, source_file=other, engine="text", output_format="md"
    )
    for job_id in (str(job.pk), "not-a-uuid", "00000000-0000-0000-0000-000000000000"):
        response = bearer(tenant).get(f"/castdoc/jobs/{job_id}")
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "JOB_NOT_FOUND"


@pytest.mark.parametrize(
    ("body", "status", "code", "field"),
    [
        ({"engine": "ocrmagic", "output_format": "md"}, 400, "UNKNOWN_ENGINE", "engine"),
        (
            {"engine": "tables", "output_format": "docx"},
            400,
            "UNSUPPORTED_OUTPUT_FORMAT",
            "output_format",
        ),
        ({"output_format": "md"}, 400, "VALIDATION_ERROR", "engine"),
    ],
)
def test_a_bad_engine_or_format_is_400_naming_the_field(tenant, body, status, code, field):
    source = upload(tenant, pdf_with_lines(["x"]))
    response = bearer(tenant).post(
        "/castdoc/jobs", {"file_id": source.public_id, **body}, format="json"
    )
    assert response.status_code == status
    error = response.json()["error"]
    assert error["code"] == code
    assert field in error["details"]["fields"]
    assert not ConversionJob.objects.exists()


def test_a_missing_file_id_is_400_naming_it(tenant):
    response = bearer(tenant).post("/castdoc/jobs", {"engine": "text"}, format="json")
    assert response.status_code == 400
    assert "file_id" in response.json()["error"]["details"]["fields"]


def test_an_unknown_or_foreign_file_is_404_naming_file_id(tenant, outsider):
    foreign = upload(outsider, pdf_with_lines(["y"]))
    for file_id in ("file_doesnotexist", foreign.public_id):
        response = bearer(tenant).post(
            "/castdoc/jobs", {"engine": "text", "file_id": file_id}, format="json"
        )
        assert response.status_code == 404
        error = response.json()["error"]
        assert error["code"] == "FILE_NOT_FOUND"
        assert "file_id" in error["details"]["fields"]
    assert not ConversionJob.objects.exists()


def test_an_expired_file_is_410(tenant):
    source = upload(tenant, pdf_with_lines(["x"]))
    files.file_expire(stored=source)
    response = bearer(tenant).post(
        "/castdoc/jobs", {"engine": "text", "file_id": source.public_id}, format="json"
    )
    assert response.status_code == 410
    assert response.json()["error"]["code"] == "FILE_EXPIRED"


def test_a_non_pdf_input_is_415_naming_file_id(tenant):
    source = upload(tenant, b"\x89PNG\r\n\x1a\n" + b"0" * 100, filename="picture.pdf")
    response = bearer(tenant).post(
        "/castdoc/jobs", {"engine": "pdf2docx", "file_id": source.public_id}, format="json"
    )
    assert response.status_code == 415
    error = response.json()["error"]
    assert error["code"] == "UNSUPPORTED_FILE_TYPE"
    assert "file_id" in error["details"]["fields"]
    assert not ConversionJob.objects.exists()


@pytest.mark.parametrize(
    "path", ["/castdoc/engines", "/castdoc/jobs", "/castdoc/jobs/x", "/api/v1/conversion-jobs"]
)
def test_without_a_key_every_route_is_401(db, path):
    response = APIClient().get(path)
    assert response.status_code == 401
    assert response.json()["status"] == "error"


def test_an_unsupported_method_is_405_in_json(tenant):
    response = bearer(tenant).delete("/castdoc/engines")
    assert response.status_code == 405
    assert response.json()["status_code"] == 405


def test_conversion_answers_match_the_openapi_schema(tenant, table_pdf, run_on_commit):
    from tests.api_schema import api_schema
    from tests.config.test_openapi import Documented

    check = Documented(api_schema())
    client = bearer(tenant)
    source = upload(tenant, table_pdf)
    check(client.get("/castdoc/engines"), "get", "/castdoc/engines")
    accepted = check(
        run_on_commit(
            client.post, "/castdoc/jobs", {"engine": "tables", "file_id": source.public_id}
        ),
        "post",
        "/castdoc/jobs",
    )
    check(
        client.get(f"/api/v1/conversion-jobs/{accepted['job_id']}"),
        "get",
        "/api/v1/conversion-jobs/{job_id}",
    )
    check(client.get("/api/v1/conversion-jobs"), "get", "/api/v1/conversion-jobs")
    broken = upload(tenant, b"%PDF-1.7\n\x00broken")
    failed = run_on_commit(
        client.post, "/castdoc/jobs", {"engine": "text", "file_id": broken.public_id}
    ).json()
    check(client.get(f"/castdoc/jobs/{failed['job_id']}"), "get", "/castdoc/jobs/{job_id}")
    check(
        client.post("/castdoc/jobs", {"engine": "nope", "file_id": "x"}),
        "post",
        "/castdoc/jobs",
    )
