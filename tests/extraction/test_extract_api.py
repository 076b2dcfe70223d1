"""Seed 000: POST /v1/extract (response and callback modes) and POST /v1/review."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cases import services as case_services
from extraction import polling
from extraction.models import ExtractionJob
from tests.documents import INVOICE_LINES, pdf_with_lines
from tests.factories import processed_job
from webhooks.models import WebhookEvent

INVOICE_PDF = pdf_with_lines(INVOICE_LINES)
# The job must commit (and run, inline) before `mode=response` can see it finish.
committed = pytest.mark.django_db(transaction=True)


def pdf(name="invoice.pdf", content=INVOICE_PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@committed
@pytest.mark.parametrize("url", ["/api/v1/extract", "/v1/extract"])
def test_extract_in_response_mode_returns_the_result(tenant, url):
    response = tenant.client.post(
        url, {"file": pdf(), "templateName": tenant.case_type.slug}, format="multipart"
    )
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "completed"
    assert body["filename"] == "invoice.pdf"
    fields = body["result"]["documents"][0]["fields"]
    assert fields["invoice_number"]["value"] == "INV-2024-0042"
    assert WebhookEvent.objects.filter(type="extraction.completed").count() == 1


@committed
def test_extract_answers_202_with_status_when_review_is_required(tenant):
    response = tenant.client.post(
        "/v1/extract",
        {"file": pdf(), "templateName": tenant.case_type.slug, "documentReview": 99},
        format="multipart",
    )
    assert response.status_code == 202
    body = response.json()
    assert body["status"] == "review_required"
    assert body["job"]["reviewFlaggedFieldCount"] > 0
    assert "result" not in body
    assert not WebhookEvent.objects.filter(type="extraction.completed").exists()


@committed
def test_extract_of_a_broken_file_is_500_with_the_reason(tenant):
    response = tenant.client.post(
        "/v1/extract",
        {"file": pdf(content=b"%PDF-1.5 nonsense"), "templateName": tenant.case_type.slug},
        format="multipart",
    )
    assert response.status_code == 500
    error = response.json()["error"]
    assert error["code"] == "CORRUPT_FILE"
    assert error["details"]["job_id"]


def test_extract_past_the_deadline_is_504_and_the_job_goes_on(tenant, settings, monkeypatch):
    settings.EXTRACT_RESPONSE_DEADLINE_SECONDS = 1
    monkeypatch.setattr(polling, "RECHECK_SECONDS", 0.05)
    response = tenant.client.post(
        "/v1/extract", {"file": pdf(), "templateName": tenant.case_type.slug}, format="multipart"
    )  # not committed here: the job stays queued, as a busy queue would leave it
    assert response.status_code == 504
    error = response.json()["error"]
    assert error["code"] == "TIMEOUT"
    job = ExtractionJob.objects.get(pk=error["details"]["job_id"])
    assert job.status == ExtractionJob.Status.QUEUED
    assert error["details"]["statusUrl"] == f"/api/v1/extraction-jobs/{job.pk}"


def test_extract_in_callback_mode_answers_202_at_once(tenant, run_on_commit):
    response = run_on_commit(
        tenant.client.post,
        "/v1/extract",
        {"file": pdf(), "templateName": tenant.case_type.slug, "mode": "callback"},
        format="multipart",
    )
    assert response.status_code == 202
    body = response.json()
    assert body["status"] == "queued"
    job = ExtractionJob.objects.get(pk=body["job_id"])
    assert job.source == ExtractionJob.Source.EXTRACT_API
    job.refresh_from_db()
    assert job.status == ExtractionJob.Status.COMPLETED
    assert WebhookEvent.objects.filter(type="extraction.completed").count() == 1


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"mode": "later"}, "mode"),
        ({"templateName": None}, "templateName"),
        ({"file": None}, "file"),
    ],
)
def test_extract_bad_requests_are_400(tenant, data, field):
    payload = {"file": pdf(), "templateName": tenant.case_type.slug, **data}
    payload = {key: value for key, value in payload.items() if value is not None}
    response = tenant.client.post("/v1/extract", payload, format="multipart")
    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith(field)


def test_extract_needs_a_key(client):
    assert client.post("/v1/extract").status_code == 401


# --- review against a workflow ------------------------------------------------------------


@pytest.fixture
def workflow(tenant):
    return case_services.case_type_update(
        case_type=tenant.case_type,
        validation_rules=[
            {"type": "required", "field": "invoice_number"},
            {"type": "range", "field": "total_amount", "min": "0", "max": "100"},
        ],
    )


@committed
@pytest.mark.parametrize("url", ["/api/v1/review", "/v1/review"])
def test_review_runs_extraction_and_returns_checks_with_fields(tenant, url):
    workflow = case_services.case_type_update(
        case_type=tenant.case_type,
        validation_rules=[{"type": "required", "field": "invoice_number"}],
    )
    response = tenant.client.post(
        url, {"file": pdf(), "workflow_id": workflow.public_id}, format="multipart"
    )
    assert response.status_code == 200
    body = response.json()
    assert body["workflow_id"] == workflow.public_id
    assert body["checks"] == [
        {
            "rule": "required",
            "passed": True,
            "message": "invoice_number is present.",
            "fields": ["invoice_number"],
        }
    ]
    assert body["fields"]["total_amount"]["value"] == "121.00"
    event = WebhookEvent.objects.get(type="review.completed")
    assert event.payload["data"]["outcome"] == "passed"


@committed
def test_failed_rule_holds_the_document_for_a_reviewer(tenant, workflow):
    response = tenant.client.post(
        "/v1/review", {"file": pdf(), "workflow_id": workflow.public_id}, format="multipart"
    )
    assert response.status_code == 202
    assert response.json()["status"] == "review_required"
    job = ExtractionJob.objects.get(pk=response.json()["job_id"])
    total = job.documents.get().fields.get(key="total_amount")
    assert total.flags == ["rule_failed:range"]
    assert not WebhookEvent.objects.filter(type="review.completed").exists()


def test_review_of_an_extracted_document_answers_at_once(tenant):
    document = processed_job(tenant.case_type).documents.get()
    assert document.status == "processed"
    # The workflow's rules change after extraction; the review runs today's rules.
    workflow = case_services.case_type_update(
        case_type=tenant.case_type,
        validation_rules=[
            {"type": "required", "field": "invoice_number"},
            {"type": "range", "field": "total_amount", "min": "0", "max": "100"},
        ],
    )
    response = tenant.client.post(
        "/v1/review",
        {"document_id": document.public_id, "workflow_id": workflow.public_id},
        format="json",
    )
    assert response.status_code == 200
    body = response.json()
    assert body["passed"] is False
    assert [check["passed"] for check in body["checks"]] == [True, False]
    assert body["checks"][1]["fields"] == ["total_amount"]
    assert WebhookEvent.objects.filter(type="review.completed").count() == 1


@pytest.mark.parametrize(("mode", "status"), [("callback", 200), ("response", 200), ("later", 400)])
def test_review_of_an_extracted_document_checks_its_mode(tenant, mode, status):
    document = processed_job(tenant.case_type).documents.get()
    response = tenant.client.post(
        "/v1/review",
        {
            "document_id": document.public_id,
            "workflow_id": tenant.case_type.public_id,
            "mode": mode,
        },
        format="json",
    )
    assert response.status_code == status
    if status == 400:
        assert "mode" in response.json()["error"]["details"]["fields"]
        assert not WebhookEvent.objects.filter(type="review.completed").exists()
    else:
        assert "checks" in response.json()


def test_review_against_another_workspaces_workflow_is_404(tenant, outsider):
    response = tenant.client.post(
        "/v1/review",
        {"file": pdf(), "workflow_id": outsider.case_type.public_id},
        format="multipart",
    )
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "WORKFLOW_NOT_FOUND"


def test_review_of_another_workspaces_document_is_404(tenant, outsider, workflow):
    response = tenant.client.post(
        "/v1/review",
        {"document_id": "doc__0000000000000000", "workflow_id": workflow.public_id},
        format="json",
    )
    assert response.status_code == 404


def test_review_needs_a_workflow_id(tenant):
    response = tenant.client.post("/v1/review", {"file": pdf()}, format="multipart")
    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith("workflow_id")


def test_review_of_a_held_document_gives_no_values_away(tenant, workflow):
    job = processed_job(tenant.case_type, options={"documentReview": 99})
    assert job.status == ExtractionJob.Status.REVIEW_REQUIRED
    document = job.documents.get()
    response = tenant.client.post(
        "/v1/review",
        {"document_id": document.public_id, "workflow_id": workflow.public_id},
        format="json",
    )
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "REVIEW_REQUIRED"
    assert not WebhookEvent.objects.filter(type="review.completed").exists()


def test_review_of_a_document_of_another_workflow_is_404(tenant, invoice_type):
    document = processed_job(tenant.case_type).documents.get()
    response = tenant.client.post(
        "/v1/review",
        {"document_id": document.public_id, "workflow_id": invoice_type.public_id},
        format="json",
    )
    assert response.status_code == 404
    document.refresh_from_db()
    assert document.metadata["validation"] == []


def test_review_with_a_json_array_body_is_400(tenant):
    response = tenant.client.post("/v1/review", [1, 2], format="json")
    assert response.status_code == 400


def test_extract_of_a_file_of_an_unsupported_type_is_400(tenant):
    response = tenant.client.post(
        "/v1/extract",
        {"file": pdf("notes.txt", content=b"plain words"), "templateName": tenant.case_type.slug},
        format="multipart",
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "UNSUPPORTED_FILE_TYPE"
    assert not ExtractionJob.objects.exists()


@committed
def test_extract_of_an_encrypted_pdf_without_its_password_is_400(tenant):
    import pymupdf

    document = pymupdf.open()
    document.new_page().insert_text((72, 72), "Invoice number: 1")
    locked = document.tobytes(
        encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="s3cret", owner_pw="o"
    )
    response = tenant.client.post(
        "/v1/extract",
        {"file": pdf(content=locked), "templateName": tenant.case_type.slug},
        format="multipart",
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "PASSWORD_REQUIRED"
    response = tenant.client.post(
        "/v1/extract",
        {"file": pdf(content=locked), "templateName": tenant.case_type.slug, "password": "s3cret"},
        format="multipart",
    )
    # Opened and read: held only because this one-line page has no (required) total.
    assert response.status_code == 202
    assert response.json()["status"] == "review_required"


@pytest.mark.parametrize(
    ("url", "field"),
    [("/v1/extract", ("templateName", "slug")), ("/v1/review", ("workflow_id", "public_id"))],
)
def test_a_bad_mode_is_400_before_any_job_is_created(tenant, url, field):
    name, attribute = field
    payload = {"file": pdf(), name: getattr(tenant.case_type, attribute), "mode": "later"}
    response = tenant.client.post(url, payload, format="multipart")
    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith("mode")
    assert not ExtractionJob.objects.exists()
