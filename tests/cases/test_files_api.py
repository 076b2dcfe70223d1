"""The files API of seed 004 at its own paths and the canonical ones: every route and code."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from rest_framework.test import APIClient

from cases import files
from cases.models import StoredFile
from tests.factories import uploaded_document


def in_store(stored: StoredFile) -> bool:
    name = stored.blob.name
    return name is not None and default_storage.exists(name)


def streamed(response: Any) -> bytes:
    return b"".join(response.streaming_content)


PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"
PREFIXES = ["/files", "/api/v1/files"]


def upload(client, prefix="/files", name="report.pdf", content=PDF):
    return client.post(
        prefix, {"file": SimpleUploadedFile(name, content, "application/pdf")}, format="multipart"
    )


def bearer(tenant) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {tenant.raw_key}")
    return client


@pytest.mark.parametrize("prefix", PREFIXES)
def test_upload_answers_201_with_the_file(tenant, prefix):
    before = timezone.now()
    response = upload(bearer(tenant), prefix, name="Übersicht 2024.pdf")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["file_id"].startswith("file__")
    assert body["filename"] == "Übersicht 2024.pdf"
    assert body["size"] == len(PDF)
    assert body["content_type"] == "application/pdf"
    assert body["kind"] == "upload"
    assert body["created_at"]
    expires_at = datetime.fromisoformat(body["expires_at"].replace("Z", "+00:00"))
    assert expires_at >= before + timedelta(hours=24) - timedelta(seconds=5)
    assert body["content_url"].startswith("http://testserver/api/v1/files/")
    stored = StoredFile.objects.get(public_id=body["file_id"])
    assert stored.workspace == tenant.workspace


def test_upload_without_a_file_is_400_naming_the_field(tenant):
    response = tenant.client.post("/files", {}, format="multipart")
    assert response.status_code == 400
    assert response.json()["error"]["details"]["fields"]["file"]
    assert not StoredFile.objects.exists()


def test_upload_of_an_empty_file_is_400(tenant):
    response = upload(tenant.client, content=b"")
    assert response.status_code == 400
    assert "empty" in response.json()["error"]["message"]
    assert not StoredFile.objects.exists()


def test_upload_over_the_limit_is_413_in_json(tenant, settings):
    settings.MAX_UPLOAD_BYTES = 10
    response = upload(tenant.client)
    assert response.status_code == 413
    body = response.json()
    assert body["error"]["code"] == "FILE_TOO_LARGE"
    assert body["success"] is False
    assert not StoredFile.objects.exists()


def test_upload_without_a_key_is_401(db):
    response = upload(APIClient())
    assert response.status_code == 401
    assert response.json()["status_code"] == 401


@pytest.mark.parametrize("prefix", PREFIXES)
def test_get_file_answers_its_metadata(tenant, prefix):
    file_id = upload(tenant.client).json()["file_id"]
    response = bearer(tenant).get(f"{prefix}/{file_id}")
    assert response.status_code == 200
    assert response.json()["file_id"] == file_id
    assert response.json()["size"] == len(PDF)


@pytest.mark.parametrize("prefix", PREFIXES)
def test_content_streams_the_bytes_as_attachment_with_type_and_nosniff(tenant, prefix):
    file_id = upload(tenant.client, name="Übersicht 2024.pdf").json()["file_id"]
    response = tenant.client.get(f"{prefix}/{file_id}/content")
    assert response.status_code == 200
    assert response.streaming
    assert streamed(response) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Length"] == str(len(PDF))
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=utf-8''%C3%9Cbersicht%202024.pdf" in disposition


def test_content_inline_when_download_is_false(tenant):
    file_id = upload(tenant.client).json()["file_id"]
    response = tenant.client.get(f"/files/{file_id}/content?download=false")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("inline;")


def test_content_with_a_bad_download_flag_is_400(tenant):
    file_id = upload(tenant.client).json()["file_id"]
    response = tenant.client.get(f"/files/{file_id}/content?download=maybe")
    assert response.status_code == 400
    assert "download" in response.json()["error"]["details"]["fields"]


def test_html_is_never_served_inline(tenant):
    response = upload(tenant.client, name="page.html", content=b"<html><script>alert(1)</script>")
    file_id = response.json()["file_id"]
    assert response.json()["content_type"] == "text/html"
    content = tenant.client.get(f"/files/{file_id}/content?download=false")
    assert content["Content-Disposition"].startswith("attachment;")
    assert "sandbox" in content["Content-Security-Policy"]


@pytest.mark.parametrize("suffix", ["", "/content"])
def test_a_file_of_another_workspace_is_404(tenant, outsider, suffix):
    file_id = upload(tenant.client).json()["file_id"]
    response = outsider.client.get(f"/files/{file_id}{suffix}")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "FILE_NOT_FOUND"
    assert outsider.client.delete(f"/files/{file_id}").status_code == 404
    assert in_store(StoredFile.objects.get(public_id=file_id))


def test_unknown_file_is_404(tenant):
    assert tenant.client.get("/api/v1/files/file__nope").status_code == 404


@pytest.mark.parametrize("suffix", ["", "/content"])
def test_an_expired_file_is_410(tenant, suffix):
    file_id = upload(tenant.client).json()["file_id"]
    StoredFile.objects.filter(public_id=file_id).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    response = tenant.client.get(f"/files/{file_id}{suffix}")
    assert response.status_code == 410
    assert response.json()["error"]["code"] == "FILE_EXPIRED"


@pytest.mark.parametrize("prefix", PREFIXES)
def test_delete_answers_204_removes_the_blob_and_then_404(
    tenant, prefix, django_capture_on_commit_callbacks
):
    file_id = upload(tenant.client).json()["file_id"]
    stored = StoredFile.objects.get(public_id=file_id)
    with django_capture_on_commit_callbacks(execute=True):
        response = bearer(tenant).delete(f"{prefix}/{file_id}")
    assert response.status_code == 204
    assert not in_store(stored)
    assert tenant.client.get(f"/files/{file_id}").status_code == 404
    assert tenant.client.get(f"/files/{file_id}/content").status_code == 404
    assert tenant.client.delete(f"/files/{file_id}").status_code == 404


def test_delete_of_a_case_document_file_is_409(tenant):
    document, _ = uploaded_document(tenant.case_type)
    response = tenant.client.delete(f"/files/{document.file.public_id}")
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "FILE_IN_USE"
    assert in_store(document.file)


def test_the_sweep_removes_expired_uploads_from_the_store(
    tenant, django_capture_on_commit_callbacks
):
    file_id = upload(tenant.client).json()["file_id"]
    stored = StoredFile.objects.get(public_id=file_id)
    assert stored.expires_at is not None
    with django_capture_on_commit_callbacks(execute=True):
        assert files.files_expire(now=stored.expires_at + timedelta(seconds=1)) == 1
    assert not in_store(stored)


def test_file_url_gives_a_signed_url_of_any_file_of_the_workspace(tenant, outsider):
    file_id = upload(tenant.client).json()["file_id"]
    response = tenant.client.get(f"/api/v1/files/{file_id}/url", {"download": "true"})
    assert response.status_code == 200
    data = response.json()
    assert data["file_id"] == file_id
    assert data["url"].startswith("http://testserver/api/v1/downloads/")
    download = APIClient().get(data["url"].removeprefix("http://testserver"))
    assert download.status_code == 200
    assert streamed(download) == PDF
    assert outsider.client.get(f"/api/v1/files/{file_id}/url").status_code == 404
    bad = tenant.client.get(f"/api/v1/files/{file_id}/url", {"expires_in": "1"})
    assert bad.status_code == 400


def test_file_url_of_an_expired_file_is_410(tenant):
    file_id = upload(tenant.client).json()["file_id"]
    StoredFile.objects.filter(public_id=file_id).update(expires_at=timezone.now())
    response = tenant.client.get(f"/api/v1/files/{file_id}/url")
    assert response.status_code == 410
    assert response.json()["error"]["code"] == "FILE_EXPIRED"


def test_files_api_is_rate_limited_per_key_with_retry_after(tenant, settings):
    file_id = upload(tenant.client).json()["file_id"]
    settings.API_RATE_LIMIT = "2/min"
    statuses = [tenant.client.get(f"/files/{file_id}").status_code for _ in range(3)]
    assert statuses[-1] == 429
    response = tenant.client.get(f"/files/{file_id}/content")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
