"""The async job API of seed 003: every request rule, status shape and status code."""

from __future__ import annotations

import base64
import threading
import unicodedata
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import timezone
from rest_framework.test import APIClient

from cases.models import Case, CaseTypeFilter, Document
from extraction.models import ExtractionJob, IdempotencyRecord
from tests.documents import INVOICE_LINES, pdf_with_lines
from tests.factories import classified_job, demo_case_type, engine_result, processed_job
from webhooks.models import WebhookEndpoint

JOBS = "/api/v1/extraction-jobs"
INVOICE_PDF = pdf_with_lines(INVOICE_LINES)


def pdf_file(name: str = "invoice.pdf", content: bytes = INVOICE_PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def create(tenant, run_on_commit, data=None, *, fmt="multipart", **headers):
    payload = {"templateName": tenant.case_type.slug, "file": pdf_file(), **(data or {})}
    payload = {key: value for key, value in payload.items() if value is not None}
    return run_on_commit(tenant.client.post, JOBS, payload, format=fmt, **headers)


def test_create_answers_202_with_the_seed_shape(tenant, run_on_commit):
    response = create(tenant, run_on_commit)
    assert response.status_code == 202
    body = response.json()
    assert body["success"] is True
    job = body["job"]
    assert set(job) == {"id", "status", "statusUrl", "retryAfterMs"}
    assert job["status"] == "queued"
    assert job["statusUrl"] == f"/api/v1/extraction-jobs/{job['id']}"
    assert job["retryAfterMs"] == 5000


def test_json_body_with_base64_file_and_filename(tenant, run_on_commit):
    response = run_on_commit(
        tenant.client.post,
        JOBS,
        {
            "file": base64.b64encode(INVOICE_PDF).decode(),
            "filename": "from-json.pdf",
            "templateName": tenant.case_type.slug,
        },
        format="json",
    )
    assert response.status_code == 202
    job = ExtractionJob.objects.get(pk=response.json()["job"]["id"])
    assert job.filename == "from-json.pdf"
    assert job.status == ExtractionJob.Status.COMPLETED


def test_completed_job_status_and_result_shapes(tenant, run_on_commit):
    job_id = create(tenant, run_on_commit).json()["job"]["id"]
    status = tenant.client.get(f"{JOBS}/{job_id}").json()["job"]
    assert status["status"] == "completed"
    assert status["resultAvailable"] is True
    assert status["resultUrl"] == f"/api/v1/extraction-jobs/{job_id}/result"
    assert status["completedAt"].endswith("Z")
    assert status["caseId"].startswith("case__")
    assert status["documentIds"][0].startswith("doc__")
    result = tenant.client.get(f"{JOBS}/{job_id}/result")
    assert result.status_code == 200
    body = result.json()
    assert body["job"] == {
        "id": job_id,
        "status": "completed",
        "completedAt": status["completedAt"],
    }
    data = body["data"]
    assert data["originalName"] == "invoice.pdf"
    assert data["processedPages"] == 1
    assert isinstance(data["completionTime"], float)
    document = data["documents"][0]
    assert document["templateName"] == tenant.case_type.slug
    assert document["pages"] == [1]
    total = document["fields"]["total_amount"]
    assert set(total) >= {"value", "text", "confidence", "page", "bbox", "reviewed"}
    assert total["value"] == "121.00"
    assert "text" not in document


def test_return_text_adds_the_document_text(tenant, run_on_commit):
    job_id = create(tenant, run_on_commit, {"returnText": "true"}).json()["job"]["id"]
    document = tenant.client.get(f"{JOBS}/{job_id}/result").json()["data"]["documents"][0]
    assert "Invoice number" in document["text"]


def test_document_review_gate_withholds_the_result(tenant, run_on_commit):
    job_id = create(tenant, run_on_commit, {"documentReview": "99"}).json()["job"]["id"]
    status = tenant.client.get(f"{JOBS}/{job_id}").json()["job"]
    assert status["status"] == "review_required"
    assert status["resultAvailable"] is False
    assert status["reviewThreshold"] == 99
    assert status["reviewFlaggedFieldCount"] > 0
    assert status["reviewReasons"] == ["fields_flagged"]
    assert status["reviewRequiredAt"].endswith("Z")
    result = tenant.client.get(f"{JOBS}/{job_id}/result")
    assert result.status_code == 409
    assert result.json()["error"]["code"] == "REVIEW_REQUIRED"


def test_queued_job_reports_queue_position_and_result_not_ready(tenant):
    response = tenant.client.post(
        JOBS, {"templateName": tenant.case_type.slug, "file": pdf_file()}, format="multipart"
    )  # on-commit callbacks not run: the job stays queued
    job_id = response.json()["job"]["id"]
    status = tenant.client.get(f"{JOBS}/{job_id}").json()["job"]
    assert status["status"] == "queued"
    assert status["queuePosition"] == 1
    assert status["retryAfterMs"] == 5000
    result = tenant.client.get(f"{JOBS}/{job_id}/result")
    assert result.status_code == 409
    assert result.json()["error"]["code"] == "RESULT_NOT_READY"


def test_failed_job_status_and_result(tenant, run_on_commit):
    job_id = create(tenant, run_on_commit, {"file": pdf_file(content=b"%PDF-1.4 broken")}).json()[
        "job"
    ]["id"]
    status = tenant.client.get(f"{JOBS}/{job_id}").json()["job"]
    assert status["status"] == "failed"
    assert status["error"]["code"] == "CORRUPT_FILE"
    assert status["failedAt"].endswith("Z")
    result = tenant.client.get(f"{JOBS}/{job_id}/result")
    assert result.status_code == 409
    assert result.json()["error"]["code"] == "JOB_FAILED"


def test_expired_result_is_410(tenant):
    job_id = str(processed_job(tenant.case_type).pk)
    ExtractionJob.objects.filter(pk=job_id).update(result_expires_at=timezone.now())
    response = tenant.client.get(f"{JOBS}/{job_id}/result")
    assert response.status_code == 410
    assert response.json()["error"]["code"] == "RESULT_EXPIRED"


def test_filter_name_classifies_and_creates_the_case(tenant, run_on_commit, invoice_type):
    document_filter = CaseTypeFilter.objects.create(workspace=tenant.workspace, name="docs")
    document_filter.case_types.set(
        [invoice_type, demo_case_type(tenant.workspace, "purchase_order")]
    )
    response = create(tenant, run_on_commit, {"templateName": None, "filterName": "docs"})
    assert response.status_code == 202
    job = ExtractionJob.objects.get(pk=response.json()["job"]["id"])
    assert job.case_type == invoice_type
    assert job.case.case_type == invoice_type
    document = job.documents.get()
    assert document.classification_confidence is not None


def test_a_case_type_classified_under_the_threshold_holds_the_document(tenant, invoice_type):
    job = classified_job(invoice_type, classification_confidence=60)
    assert job.status == ExtractionJob.Status.REVIEW_REQUIRED
    document = job.documents.get()
    assert document.status == Document.Status.REVIEW_REQUIRED
    assert not document.fields.filter(flagged=True).exists()
    assert document.metadata["case_type_uncertain"] == {
        "confidence": 60,
        "threshold": 80,
        "candidates": ["Invoice", "Purchase order"],
    }
    response = tenant.client.get(f"/api/v1/documents/{document.public_id}")
    (flag,) = response.json()["document"]["document_flags"]
    assert flag["flag"] == "case_type_uncertain"
    assert "chose Invoice over Purchase order with confidence 60" in flag["reason"]
    assert tenant.client.get(f"{JOBS}/{job.pk}/result").status_code == 409
    status = tenant.client.get(f"{JOBS}/{job.pk}").json()["job"]
    assert status["reviewFlaggedFieldCount"] == 0
    assert status["reviewReasons"] == ["case_type_uncertain"]
    (queued,) = tenant.client.get("/api/v1/review/queue").json()["documents"]
    assert [f["flag"] for f in queued["document_flags"]] == ["case_type_uncertain"]
    approved = tenant.client.post(f"/api/v1/documents/{document.public_id}/approve")
    assert approved.status_code == 200, approved.content
    after = tenant.client.get(f"/api/v1/documents/{document.public_id}").json()["document"]
    assert after["document_flags"] == []
    assert tenant.client.get(f"{JOBS}/{job.pk}/result").status_code == 200


def test_a_job_status_names_every_reason_it_is_held_in_order(tenant, invoice_type):
    invoice_type.qa_sample_percent = 100
    invoice_type.save(update_fields=["qa_sample_percent"])
    sampled = processed_job(invoice_type, engine_result(invoice_type, confidence=100))
    both = classified_job(
        invoice_type,
        classification_confidence=10,
        result=engine_result(invoice_type, confidence=10, classification_confidence=10),
    )
    answers = {
        job.pk: tenant.client.get(f"{JOBS}/{job.pk}").json()["job"] for job in (sampled, both)
    }
    assert answers[sampled.pk]["reviewReasons"] == ["qa_sample"]
    assert answers[sampled.pk]["reviewFlaggedFieldCount"] == 0
    assert answers[both.pk]["reviewReasons"] == ["fields_flagged", "case_type_uncertain"]
    assert answers[both.pk]["reviewFlaggedFieldCount"] > 0


def test_a_case_type_classified_at_the_threshold_is_released(tenant, invoice_type):
    job = classified_job(invoice_type, classification_confidence=80)
    assert job.status == ExtractionJob.Status.COMPLETED
    assert "case_type_uncertain" not in job.documents.get().metadata


def test_a_classification_is_judged_by_the_strictest_candidates_threshold(tenant, invoice_type):
    """The chosen case type has no threshold, the other one has: a doubtful document must not
    slip through the type that holds nothing."""
    invoice_type.review_threshold = None
    invoice_type.save(update_fields=["review_threshold"])
    job = classified_job(
        invoice_type,
        classification_confidence=10,
        options={"documentReview": None},
        result=engine_result(invoice_type, confidence=100, classification_confidence=10),
    )
    assert job.status == ExtractionJob.Status.REVIEW_REQUIRED
    uncertain = job.documents.get().metadata["case_type_uncertain"]
    assert uncertain["threshold"] == 90  # the demo purchase order's review_threshold


def test_a_named_template_is_no_classification_to_doubt(tenant, invoice_type):
    job = processed_job(
        invoice_type,
        engine_result(invoice_type, classification_confidence=0),
        options={"documentReview": 80},
    )
    assert job.status == ExtractionJob.Status.COMPLETED


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"templateName": None}, "templateName"),
        ({"filterName": "docs"}, "templateName"),
        ({"documentReview": "0"}, "documentReview"),
        ({"documentReview": "100"}, "documentReview"),
        ({"documentReview": "high"}, "documentReview"),
        ({"schemaChunking": "sometimes"}, "schemaChunking"),
        ({"deliveryMode": "carrier-pigeon"}, "deliveryMode"),
        ({"documentSplitting": "perhaps"}, "documentSplitting"),
        ({"options.documentReview": "90"}, "options"),
        ({"colour": "blue"}, "colour"),
        ({"file": None}, "file"),
    ],
)
def test_invalid_requests_are_400_naming_the_field(tenant, data, field):
    payload = {"templateName": tenant.case_type.slug, "file": pdf_file(), **data}
    payload = {key: value for key, value in payload.items() if value is not None}
    response = tenant.client.post(JOBS, payload, format="multipart")
    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith(field)
    assert not ExtractionJob.objects.exists()


def test_nested_options_object_in_json_is_rejected(tenant):
    response = tenant.client.post(
        JOBS,
        {
            "file": base64.b64encode(INVOICE_PDF).decode(),
            "templateName": tenant.case_type.slug,
            "options": {"documentReview": 90},
        },
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith("options")


def test_invalid_base64_is_400(tenant):
    response = tenant.client.post(
        JOBS, {"file": "not base64!!", "templateName": tenant.case_type.slug}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith("file")


def test_return_bounding_boxes_is_accepted_and_ignored(tenant, run_on_commit):
    assert create(tenant, run_on_commit, {"returnBoundingBoxes": "true"}).status_code == 202


def test_unknown_template_and_filter_are_404(tenant):
    for data in ({"templateName": "nope"}, {"filterName": "nope"}):
        payload = {"file": pdf_file(), **data}
        response = tenant.client.post(JOBS, payload, format="multipart")
        assert response.status_code == 404
    assert not Case.objects.exists()


def test_webhook_delivery_needs_a_subscribed_endpoint(tenant, run_on_commit):
    response = create(tenant, run_on_commit, {"deliveryMode": "webhook"})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "WEBHOOK_NOT_CONFIGURED"
    WebhookEndpoint.objects.create(
        workspace=tenant.workspace, url="https://example.com/hook", events=["case.created"]
    )
    assert create(tenant, run_on_commit, {"deliveryMode": "webhook"}).status_code == 400
    WebhookEndpoint.objects.create(
        workspace=tenant.workspace, url="https://example.com/all", events=[], enabled=False
    )
    assert create(tenant, run_on_commit, {"deliveryMode": "webhook"}).status_code == 400
    WebhookEndpoint.objects.create(
        workspace=tenant.workspace,
        url="https://example.com/done",
        events=["extraction.completed"],
    )
    response = create(tenant, run_on_commit, {"deliveryMode": "webhook"})
    assert response.status_code == 202
    job = ExtractionJob.objects.get(pk=response.json()["job"]["id"])
    assert job.delivery_mode == "webhook"


def test_delivery_mode_alias_in_json_and_form(tenant, run_on_commit):
    WebhookEndpoint.objects.create(workspace=tenant.workspace, url="https://example.com/h")
    response = run_on_commit(
        tenant.client.post,
        JOBS,
        {
            "file": base64.b64encode(INVOICE_PDF).decode(),
            "templateName": tenant.case_type.slug,
            "delivery": {"mode": "webhook"},
        },
        format="json",
    )
    assert ExtractionJob.objects.get(pk=response.json()["job"]["id"]).delivery_mode == "webhook"
    response = create(tenant, run_on_commit, {"delivery.mode": "poll", "deliveryMode": "webhook"})
    assert response.status_code == 400


def test_password_is_not_kept_after_the_job_ends(tenant, run_on_commit):
    job_id = create(tenant, run_on_commit, {"password": "s3cret"}).json()["job"]["id"]
    assert "password" not in ExtractionJob.objects.get(pk=job_id).options


# --- idempotency --------------------------------------------------------------------------


def test_idempotent_replay_returns_the_same_job_with_200(tenant, run_on_commit):
    first = create(tenant, run_on_commit, HTTP_IDEMPOTENCY_KEY="inv-1001-upload-1")
    second = create(tenant, run_on_commit, HTTP_IDEMPOTENCY_KEY="inv-1001-upload-1")
    assert first.status_code == 202
    assert second.status_code == 200
    assert second["X-Idempotent-Replay"] == "true"
    assert second.json()["job"]["id"] == first.json()["job"]["id"]
    assert set(second.json()["job"]) == set(first.json()["job"])
    assert ExtractionJob.objects.count() == 1


def test_a_replay_answers_with_its_job_after_the_template_is_renamed(tenant, run_on_commit):
    old_slug = tenant.case_type.slug
    first = create(tenant, run_on_commit, HTTP_IDEMPOTENCY_KEY="before-rename")
    tenant.case_type.slug = "renamed"
    tenant.case_type.save(update_fields=["slug"])
    # The client retries the very request it sent, naming the template by its old slug.
    retry = {"templateName": old_slug}
    second = create(tenant, run_on_commit, retry, HTTP_IDEMPOTENCY_KEY="before-rename")
    assert second.status_code == 200
    assert second.json()["job"]["id"] == first.json()["job"]["id"]


def test_a_replay_answers_with_its_job_after_its_webhook_endpoint_is_disabled(
    tenant, run_on_commit
):
    endpoint = WebhookEndpoint.objects.create(
        workspace=tenant.workspace, url="https://example.com/done", events=[]
    )
    data = {"deliveryMode": "webhook"}
    first = create(tenant, run_on_commit, data, HTTP_IDEMPOTENCY_KEY="hooked")
    endpoint.enabled = False
    endpoint.save(update_fields=["enabled"])
    second = create(tenant, run_on_commit, data, HTTP_IDEMPOTENCY_KEY="hooked")
    assert first.status_code == 202
    assert second.status_code == 200
    assert second.json()["job"]["id"] == first.json()["job"]["id"]
    # A new request asking for webhook delivery is still refused.
    assert create(tenant, run_on_commit, data).status_code == 400


def test_same_key_with_a_different_request_is_422(tenant, run_on_commit):
    create(tenant, run_on_commit, HTTP_IDEMPOTENCY_KEY="k1")
    response = create(tenant, run_on_commit, {"documentReview": "80"}, HTTP_IDEMPOTENCY_KEY="k1")
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "IDEMPOTENCY_KEY_REUSED"


def test_same_key_while_the_first_is_being_created_is_409(tenant, run_on_commit):
    create(tenant, run_on_commit, HTTP_IDEMPOTENCY_KEY="k2")
    IdempotencyRecord.objects.filter(key="k2").update(job=None)
    response = create(tenant, run_on_commit, HTTP_IDEMPOTENCY_KEY="k2")
    assert response.status_code == 409
    assert response["Retry-After"] == "1"


def test_keys_are_scoped_per_workspace(tenant, outsider, run_on_commit):
    mine = create(tenant, run_on_commit, HTTP_IDEMPOTENCY_KEY="shared")
    theirs = create(outsider, run_on_commit, HTTP_IDEMPOTENCY_KEY="shared")
    assert theirs.status_code == 202
    assert theirs.json()["job"]["id"] != mine.json()["job"]["id"]


def test_expired_key_creates_a_new_job(tenant, run_on_commit):
    first = create(tenant, run_on_commit, HTTP_IDEMPOTENCY_KEY="old")
    IdempotencyRecord.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    second = create(tenant, run_on_commit, HTTP_IDEMPOTENCY_KEY="old")
    assert second.status_code == 202
    assert second.json()["job"]["id"] != first.json()["job"]["id"]


def test_keys_are_kept_at_least_a_day(tenant, run_on_commit):
    create(tenant, run_on_commit, HTTP_IDEMPOTENCY_KEY="day")
    record = IdempotencyRecord.objects.get(key="day")
    assert record.expires_at - record.created_at >= timedelta(hours=24)


def test_failed_creation_releases_the_key(tenant):
    response = tenant.client.post(
        JOBS,
        {"templateName": "nope", "file": pdf_file()},
        format="multipart",
        HTTP_IDEMPOTENCY_KEY="retry-me",
    )
    assert response.status_code == 404
    assert not IdempotencyRecord.objects.filter(key="retry-me").exists()


@pytest.mark.django_db(transaction=True)
def test_concurrent_requests_with_one_key_create_one_job(tenant):
    """Real concurrency: several threads, each with its own database connection."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's concurrent writers")
    barrier = threading.Barrier(5)
    statuses: list[int] = []
    job_ids: set[str] = set()

    def post() -> None:
        client = APIClient()
        client.credentials(HTTP_X_API_KEY=tenant.raw_key)
        barrier.wait()
        try:
            response = client.post(
                JOBS,
                {"templateName": tenant.case_type.slug, "file": pdf_file()},
                format="multipart",
                HTTP_IDEMPOTENCY_KEY="race",
            )
            statuses.append(response.status_code)
            if response.status_code in (200, 202):
                job_ids.add(response.json()["job"]["id"])
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert ExtractionJob.objects.count() == 1
    assert Document.objects.count() == 1
    assert statuses.count(202) == 1
    assert set(statuses) <= {202, 200, 409}
    assert len(job_ids) == 1


# --- status polling -----------------------------------------------------------------------


def test_status_polling_over_the_limit_is_429_with_retry_after(tenant, settings):
    settings.JOB_STATUS_POLLS_PER_MINUTE = 3
    job_id = str(processed_job(tenant.case_type).pk)
    codes = [tenant.client.get(f"{JOBS}/{job_id}").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    response = tenant.client.get(f"{JOBS}/{job_id}")
    assert 1 <= int(response["Retry-After"]) <= 60
    assert response.json()["error"]["code"] == "RATE_LIMITED"
    assert "polled more than 3 times a minute" in response.json()["error"]["message"]


def test_polls_from_another_workspace_do_not_spend_the_owners_budget(tenant, outsider, settings):
    settings.JOB_STATUS_POLLS_PER_MINUTE = 2
    job_id = str(processed_job(tenant.case_type).pk)
    assert [outsider.client.get(f"{JOBS}/{job_id}").status_code for _ in range(3)] == [404] * 3
    assert [tenant.client.get(f"{JOBS}/{job_id}").status_code for _ in range(3)] == [200, 200, 429]


def test_long_poll_returns_as_soon_as_the_job_changes(monkeypatch):
    from extraction import polling

    states = iter([("queued", 0), ("queued", 0), ("processing", 20)])
    monkeypatch.setattr(polling, "job_state_token", lambda job_id: next(states))
    monkeypatch.setattr(polling, "RECHECK_SECONDS", 0.01)
    polling.wait_for_change(job_id="j", seconds=30)
    assert next(states, "drained") == "drained"


def test_long_poll_gives_up_after_the_wait(monkeypatch):
    from extraction import polling

    calls = []
    monkeypatch.setattr(polling, "job_state_token", lambda job_id: calls.append(1) or ("queued",))
    monkeypatch.setattr(polling, "RECHECK_SECONDS", 0.01)
    polling.wait_for_change(job_id="j", seconds=1)
    assert len(calls) > 2


def test_wait_parameter_answers_with_the_current_status(tenant):
    job_id = str(processed_job(tenant.case_type).pk)
    response = tenant.client.get(f"{JOBS}/{job_id}", {"wait": 5})
    assert response.status_code == 200
    assert response.json()["job"]["status"] == "completed"


def test_bad_wait_is_400(tenant):
    job_id = str(processed_job(tenant.case_type).pk)
    assert tenant.client.get(f"{JOBS}/{job_id}", {"wait": "soon"}).status_code == 400


# --- listing and isolation ----------------------------------------------------------------


def test_list_is_paginated_newest_first_and_filterable(tenant):
    ids = [str(processed_job(tenant.case_type).pk) for _ in range(3)]
    body = tenant.client.get(JOBS, {"limit": 2}).json()
    assert body["total"] == 3
    assert [job["id"] for job in body["jobs"]] == ids[::-1][:2]
    assert tenant.client.get(JOBS, {"status": "failed"}).json()["total"] == 0
    assert tenant.client.get(JOBS, {"status": "sideways"}).status_code == 400
    assert tenant.client.get(JOBS, {"limit": 2, "offset": 2}).json()["jobs"][0]["id"] == ids[0]
    for params in ({"limit": 0}, {"limit": 101}, {"limit": "ten"}, {"offset": -1}):
        bad = tenant.client.get(JOBS, params)
        assert bad.status_code == 400, params
        assert list(bad.json()["error"]["details"]["fields"]) == list(params)


def test_another_workspaces_job_is_404_everywhere(tenant, outsider):
    job_id = str(processed_job(outsider.case_type).pk)
    assert tenant.client.get(f"{JOBS}/{job_id}").status_code == 404
    assert tenant.client.get(f"{JOBS}/{job_id}/result").status_code == 404
    assert tenant.client.get(JOBS).json()["total"] == 0
    assert tenant.client.get(f"{JOBS}/not-a-uuid").status_code == 404


def test_job_api_requires_a_key(db):
    assert APIClient().get(JOBS).status_code == 401


def test_a_duplicate_upload_says_so_in_the_job_status_and_the_result(tenant, run_on_commit):
    first = create(tenant, run_on_commit).json()["job"]["id"]
    second = create(tenant, run_on_commit).json()["job"]["id"]
    original = tenant.client.get(f"{JOBS}/{first}").json()["job"]["documentIds"][0]
    status = tenant.client.get(f"{JOBS}/{second}").json()["job"]
    assert tenant.client.get(f"{JOBS}/{first}").json()["job"]["duplicates"] == []
    assert status["duplicates"] == [
        {"documentId": status["documentIds"][0], "duplicateOf": original}
    ]
    document = tenant.client.get(f"{JOBS}/{second}/result").json()["data"]["documents"][0]
    assert document["duplicateOf"] == original


def test_file_names_are_stored_in_composed_unicode(tenant, run_on_commit):
    decomposed = unicodedata.normalize("NFD", "Rechnung-März.pdf")
    job_id = create(tenant, run_on_commit, {"file": pdf_file(decomposed)}).json()["job"]["id"]
    status = tenant.client.get(f"{JOBS}/{job_id}").json()["job"]
    assert status["filename"] == unicodedata.normalize("NFC", "Rechnung-März.pdf")
