"""Every API that starts extraction refuses with 402 INSUFFICIENT_CREDITS, before anything is
written, when the file's pages would exceed the workspace's credits."""

from __future__ import annotations

import base64

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cases.credits import credits_charge_pages
from cases.models import Case, Document
from extraction.models import ExtractionJob
from extraction.upload import pages_estimate
from tests.documents import INVOICE_LINES, pdf_with_lines

THREE_PAGES = pdf_with_lines([INVOICE_LINES] * 3)


@pytest.fixture
def two_credits_left(tenant):
    tenant.workspace.credits_limit = 10
    tenant.workspace.save()
    credits_charge_pages(workspace=tenant.workspace, pages=8, reference="earlier")
    return tenant


def pdf() -> SimpleUploadedFile:
    return SimpleUploadedFile("three.pdf", THREE_PAGES, content_type="application/pdf")


def assert_refused(response) -> None:
    assert response.status_code == 402, response.json()
    error = response.json()["error"]
    assert error["code"] == "INSUFFICIENT_CREDITS"
    assert error["details"]["credits_remaining"] == 2
    assert error["details"]["credits_required"] == 3
    assert not ExtractionJob.objects.exists()
    assert not Document.objects.exists()
    assert not Case.objects.exists()


def test_the_page_estimate_reads_a_pdfs_page_count():
    assert pages_estimate(THREE_PAGES) == 3
    assert pages_estimate(pdf_with_lines(INVOICE_LINES)) == 1
    assert pages_estimate(b"\x89PNG\r\n\x1a\n") == 1


def test_job_api_refuses_over_the_credits(two_credits_left):
    response = two_credits_left.client.post(
        "/api/v1/extraction-jobs", {"templateName": "simple", "file": pdf()}, format="multipart"
    )
    assert_refused(response)


def test_extract_refuses_over_the_credits(two_credits_left):
    response = two_credits_left.client.post(
        "/v1/extract", {"templateName": "simple", "file": pdf()}, format="multipart"
    )
    assert_refused(response)


def test_review_refuses_over_the_credits(two_credits_left):
    response = two_credits_left.client.post(
        "/v1/review",
        {"workflow_id": two_credits_left.case_type.public_id, "file": pdf()},
        format="multipart",
    )
    assert_refused(response)


def test_case_upload_refuses_over_the_credits(two_credits_left):
    response = two_credits_left.client.post(
        "/api/v1/cases",
        {"casetype_id": two_credits_left.case_type.public_id, "files": [pdf()]},
        format="multipart",
    )
    assert_refused(response)


def test_case_upload_without_extraction_needs_no_credits(two_credits_left):
    response = two_credits_left.client.post(
        "/api/v1/cases",
        {
            "casetype_id": two_credits_left.case_type.public_id,
            "files": [pdf()],
            "trigger_workflow": "false",
        },
        format="multipart",
    )
    assert response.status_code == 200


def test_upload_refuses_over_the_credits(two_credits_left):
    response = two_credits_left.client.post(
        "/upload",
        {
            "file_base64": base64.b64encode(THREE_PAGES).decode(),
            "file_name": "three.pdf",
            "templateName": "simple",
        },
        format="json",
    )
    assert_refused(response)


def test_a_replay_answers_with_its_job_even_after_the_credits_ran_out(tenant):
    def create():
        return tenant.client.post(
            "/api/v1/extraction-jobs",
            {"templateName": "simple", "file": pdf()},
            format="multipart",
            HTTP_IDEMPOTENCY_KEY="order-7",
        )

    first = create()
    assert first.status_code == 202
    tenant.workspace.credits_limit = 1
    tenant.workspace.save()
    credits_charge_pages(workspace=tenant.workspace, pages=1, reference="spent")

    replay = create()

    assert replay.status_code == 200, replay.json()
    assert replay["X-Idempotent-Replay"] == "true"
    assert replay.json()["job"]["id"] == first.json()["job"]["id"]


def test_a_refused_request_releases_its_idempotency_key(two_credits_left):
    from extraction.models import IdempotencyRecord

    response = two_credits_left.client.post(
        "/api/v1/extraction-jobs",
        {"templateName": "simple", "file": pdf()},
        format="multipart",
        HTTP_IDEMPOTENCY_KEY="order-8",
    )
    assert_refused(response)
    assert not IdempotencyRecord.objects.exists()
