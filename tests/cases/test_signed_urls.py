"""Signed download URLs (seed 001 §2 steps 2 and 3): the URL route at the seed path and the
canonical one, and the download behind the URL without an API key."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import pytest
import time_machine
from django.core import signing
from django.utils import timezone
from rest_framework.test import APIClient

from cases import files, signed_urls
from cases.models import StoredFile
from tests.factories import invoice_pdf, uploaded_document


def streamed(response: Any) -> bytes:
    return b"".join(response.streaming_content)


def url_route(case_id: str, file_id: str, *, seed: bool) -> str:
    if seed:
        return f"/api/v1/chatot/cases/{case_id}/chat/artifacts/{file_id}/url"
    return f"/api/v1/cases/{case_id}/files/{file_id}/url"


@pytest.fixture
def document(tenant):
    document, _ = uploaded_document(tenant.case_type, filename="email.pdf")
    return document


def signed_url(tenant, document, **params) -> str:
    response = tenant.client.get(
        url_route(document.case.public_id, document.file.public_id, seed=True), params
    )
    assert response.status_code == 200, response.json()
    return response.json()["data"]["url"]


def download(url: str):
    """GET the URL as an anonymous client would (no API key)."""
    parts = urlsplit(url)
    return APIClient().get(parts.path, HTTP_HOST=parts.netloc)


@pytest.mark.parametrize("seed", [True, False])
def test_url_route_answers_the_seed_envelope_with_an_absolute_expiring_url(tenant, document, seed):
    before = timezone.now()
    response = tenant.client.get(
        url_route(document.case.public_id, document.file.public_id, seed=seed),
        {"download": "true"},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "success"
    assert body["status_code"] == 200
    assert body["message"] == "Download URL generated"
    data = body["data"]
    assert data["filename"] == "email.pdf"
    assert data["url"].startswith("http://testserver/api/v1/downloads/")
    expires_at = datetime.fromisoformat(data["expires_at"].replace("Z", "+00:00"))
    assert before + timedelta(minutes=15) <= expires_at + timedelta(seconds=1)
    assert expires_at <= timezone.now() + timedelta(minutes=15)
    assert data["content_type"] == "application/pdf"


def test_signed_url_downloads_without_an_api_key_as_attachment(tenant, document):
    response = download(signed_url(tenant, document, download="true"))
    assert response.status_code == 200
    assert streamed(response) == invoice_pdf()
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == 'attachment; filename="email.pdf"'
    assert response["Referrer-Policy"] == "no-referrer"


def test_signed_url_without_download_serves_inline(tenant, document):
    response = download(signed_url(tenant, document))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'inline; filename="email.pdf"'


def test_a_tampered_url_is_403_in_the_json_envelope(tenant, document):
    url = signed_url(tenant, document)
    token = urlsplit(url).path.rsplit("/", 1)[1]
    payload, signature = token.rsplit(":", 1)
    forged = f"{payload}:{'A' if signature[0] != 'A' else 'B'}{signature[1:]}"
    response = APIClient().get(f"/api/v1/downloads/{forged}")
    assert response.status_code == 403
    body = response.json()
    assert body["success"] is False
    assert body["error"]["code"] == "SIGNED_URL_INVALID"


def test_a_url_for_another_file_cannot_be_made_by_editing_the_payload(tenant, document, outsider):
    theirs = files.file_create(workspace=outsider.workspace, filename="x.pdf", content=b"%PDF-1")
    url = signed_url(tenant, document)
    token = urlsplit(url).path.rsplit("/", 1)[1]
    claims = signing.loads(token, salt=signed_urls.SALT)
    payload = signing.dumps({**claims, "f": theirs.public_id}, salt="wrong", compress=False)
    forged = f"{payload.rsplit(':', 1)[0]}:{token.rsplit(':', 1)[1]}"
    response = APIClient().get(f"/api/v1/downloads/{forged}")
    assert response.status_code == 403


def test_garbage_token_is_403(db):
    assert APIClient().get("/api/v1/downloads/not-a-token").status_code == 403


def test_an_expired_url_is_410(tenant, document):
    url = signed_url(tenant, document)
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        response = download(url)
    assert response.status_code == 410
    assert response.json()["error"]["code"] == "SIGNED_URL_EXPIRED"


def test_the_lifetime_is_a_setting_and_a_parameter(tenant, document, settings):
    settings.SIGNED_URL_TTL_SECONDS = 60
    url = signed_url(tenant, document)
    with time_machine.travel(timezone.now() + timedelta(seconds=90)):
        assert download(url).status_code == 410
    longer = signed_url(tenant, document, expires_in=3600)
    with time_machine.travel(timezone.now() + timedelta(seconds=90)):
        assert download(longer).status_code == 200


def test_a_revoked_url_is_410_and_a_new_one_works(tenant, document):
    url = signed_url(tenant, document)
    files.file_urls_revoke(stored=document.file)
    response = download(url)
    assert response.status_code == 410
    assert response.json()["error"]["code"] == "SIGNED_URL_REVOKED"
    assert download(signed_url(tenant, document)).status_code == 200


def test_a_url_of_a_deleted_file_is_refused(tenant, django_capture_on_commit_callbacks):
    stored = files.file_create(workspace=tenant.workspace, filename="a.pdf", content=b"%PDF-1")
    url = signed_urls.signed_url_create(stored=stored, base_url="http://testserver").url
    assert download(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        files.file_delete(stored=stored)
    response = download(url)
    assert response.status_code == 410
    assert response.json()["error"]["code"] == "SIGNED_URL_REVOKED"


def test_a_url_of_an_expired_file_is_410_file_expired(tenant):
    stored = files.file_create(
        workspace=tenant.workspace, filename="a.pdf", content=b"%PDF-1", retention_hours=1
    )
    url = signed_urls.signed_url_create(stored=stored, base_url="http://testserver").url
    StoredFile.objects.filter(pk=stored.pk).update(expires_at=timezone.now())
    response = download(url)
    assert response.status_code == 410
    assert response.json()["error"]["code"] == "FILE_EXPIRED"


def test_a_url_never_outlives_its_file(tenant):
    stored = files.file_create(
        workspace=tenant.workspace,
        filename="a.pdf",
        content=b"%PDF-1",
        expires_at=timezone.now() + timedelta(minutes=5),
    )
    signed = signed_urls.signed_url_create(stored=stored)
    assert signed.expires_at == stored.expires_at


def test_url_route_for_a_file_of_another_case_is_404(tenant, document):
    other, _ = uploaded_document(tenant.case_type, filename="other.pdf")
    response = tenant.client.get(
        url_route(document.case.public_id, other.file.public_id, seed=False)
    )
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "FILE_NOT_FOUND"


def test_url_route_for_a_case_of_another_workspace_is_404(tenant, document, outsider):
    response = outsider.client.get(
        url_route(document.case.public_id, document.file.public_id, seed=True)
    )
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "CASE_NOT_FOUND"


def test_url_route_for_an_expired_file_is_410(tenant, document):
    StoredFile.objects.filter(pk=document.file.pk).update(expires_at=timezone.now())
    response = tenant.client.get(
        url_route(document.case.public_id, document.file.public_id, seed=True)
    )
    assert response.status_code == 410


@pytest.mark.parametrize("params", [{"download": "maybe"}, {"expires_in": "5"}])
def test_url_route_with_bad_parameters_is_400(tenant, document, params):
    response = tenant.client.get(
        url_route(document.case.public_id, document.file.public_id, seed=True), params
    )
    assert response.status_code == 400
    assert set(response.json()["error"]["details"]["fields"]) == set(params)


def test_url_route_without_a_key_is_401(document):
    response = APIClient().get(
        url_route(document.case.public_id, document.file.public_id, seed=True)
    )
    assert response.status_code == 401


def test_content_disposition_is_rfc_6266_for_any_name():
    header = signed_urls.content_disposition('Bericht "März".pdf', download=True)
    assert header.startswith("attachment; filename*=utf-8''")
    assert "M%C3%A4rz" in header


def test_revoke_route_refuses_earlier_urls(tenant, document):
    url = signed_url(tenant, document)
    response = tenant.client.post(f"/api/v1/files/{document.file.public_id}/revoke-urls")
    assert response.status_code == 200
    assert response.json()["file_id"] == document.file.public_id
    assert response.json()["urls_revoked_at"]
    assert download(url).status_code == 410
    assert download(signed_url(tenant, document)).status_code == 200


def test_revoke_route_of_another_workspace_is_404(document, outsider):
    response = outsider.client.post(f"/api/v1/files/{document.file.public_id}/revoke-urls")
    assert response.status_code == 404


def test_revoke_route_of_an_expired_file_is_410(tenant, document):
    StoredFile.objects.filter(pk=document.file.pk).update(expires_at=timezone.now())
    response = tenant.client.post(f"/api/v1/files/{document.file.public_id}/revoke-urls")
    assert response.status_code == 410


def test_revoking_presigned_store_urls_is_refused_as_unsupported(tenant, document, settings):
    settings.SIGNED_URLS_FROM_STORE = True
    response = tenant.client.post(f"/api/v1/files/{document.file.public_id}/revoke-urls")
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "REVOCATION_UNSUPPORTED"
    document.file.refresh_from_db()
    assert document.file.urls_revoked_at is None
