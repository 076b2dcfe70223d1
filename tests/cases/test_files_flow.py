"""Seed 001 §3 end to end: a `case.updated` webhook names the case's documents; the integrator
lists the case's files (§2 step 1), asks for a signed URL (step 2) and downloads (step 3)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from rest_framework.test import APIClient

from cases.models import Stage
from tests.factories import invoice_pdf, processed_document
from webhooks.models import WebhookEvent


def streamed(response: Any) -> bytes:
    return b"".join(response.streaming_content)


def test_webhook_then_files_then_url_then_download(tenant):
    document = processed_document(tenant.case_type, filename="email.pdf")
    case = document.case
    review = tenant.case_type.stages.get(system_role=Stage.SystemRole.REVIEW)
    response = tenant.client.patch(
        f"/api/v1/external/agents/{tenant.case_type.public_id}/case/{case.public_id}",
        {"stage_id": review.public_id},
        format="json",
    )
    assert response.status_code == 200

    # The webhook: the case and its related documents.
    event = WebhookEvent.objects.filter(type="case.updated").latest("id")
    payload = event.payload["data"]
    assert payload["case_id"] == case.public_id
    (related,) = payload["case"]["documents"]
    assert related == {
        "doc_id": document.public_id,
        "filename": "email.pdf",
        "status": "processed",
        "file_id": document.file.public_id,
    }
    assert payload["case"]["files_url"].endswith(f"/api/v1/cases/{case.public_id}/files")

    # Step 1: find the file.
    files = tenant.client.get(
        f"/api/v1/chatot/cases/{payload['case_id']}/files", {"q": "email"}
    ).json()
    upload = next(row for row in files if row["kind"] == "upload")
    assert upload["id"] == related["file_id"]

    # Step 2: a signed URL.
    data = tenant.client.get(
        f"/api/v1/chatot/cases/{case.public_id}/chat/artifacts/{upload['id']}/url",
        {"download": "true"},
    ).json()["data"]
    assert data["filename"] == "email.pdf"

    # Step 3: download without the API key.
    url = urlsplit(data["url"])
    content = APIClient().get(url.path, HTTP_HOST=url.netloc)
    assert content.status_code == 200
    assert streamed(content) == invoice_pdf()
    assert content["Content-Disposition"].startswith("attachment;")
