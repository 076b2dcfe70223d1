"""The pipeline end to end: upload -> job in django-q2 (run inline) -> fields -> stage moves."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from cases.actors import SYSTEM
from cases.models import AuditEvent, Case, Document
from extraction import pipeline, recovery, services
from extraction.models import DocumentField, ExtractionJob
from tests.documents import INVOICE_LINES, pdf_with_lines
from webhooks.models import WebhookEvent


def upload(tenant, run_on_commit, files, *, case_type=None, **extra):
    data = {"casetype_id": (case_type or tenant.case_type).public_id, "files": files, **extra}
    response = run_on_commit(tenant.client.post, "/api/v1/cases", data, format="multipart")
    assert response.status_code == 200, response.content
    return response.json()["data"]


def invoice_pdf(name="invoice.pdf"):
    return SimpleUploadedFile(name, pdf_with_lines(INVOICE_LINES), content_type="application/pdf")


def test_upload_runs_extraction_and_stores_typed_fields_with_boxes(tenant, run_on_commit):
    data = upload(tenant, run_on_commit, [invoice_pdf()])
    document = Document.objects.get(public_id=data["documents"][0]["doc_id"])
    assert data["documents"][0]["status"] == "queued"
    assert document.status == Document.Status.PROCESSED
    assert document.page_count == 1
    fields = {field.key: field for field in document.fields.all()}
    assert fields["invoice_number"].value == "INV-2024-0042"
    assert fields["invoice_date"].value == "2024-03-14"
    assert fields["total_amount"].value == "121.00"
    total = fields["total_amount"]
    assert 0 < total.confidence <= 100
    assert total.page == 1
    x0, y0, x1, y1 = total.bbox
    assert 0 <= x0 < x1 <= 595
    assert 0 <= y0 < y1 <= 842
    assert "121.00" in total.text
    assert total.machine_value == total.value
    assert "Invoice number" in document.text


def test_clean_document_moves_case_to_approved_and_completes_job(tenant, run_on_commit):
    data = upload(tenant, run_on_commit, [invoice_pdf()])
    case = Case.objects.get(public_id=data["case_id"])
    assert case.stage.system_role == "approved"
    job = ExtractionJob.objects.get(case=case)
    assert job.status == ExtractionJob.Status.COMPLETED
    assert job.progress == 100
    assert job.attempts == 1
    assert job.result["documents"][0]["fields"]["invoice_number"]["value"] == "INV-2024-0042"
    assert WebhookEvent.objects.filter(type="extraction.completed").count() == 1
    transitions = list(
        AuditEvent.objects.filter(document__case=case, verb=AuditEvent.Verb.DOCUMENT_STATUS)
        .order_by("id")
        .values_list("from_state", "to_state")
    )
    assert transitions == [
        ("uploaded", "queued"),
        ("queued", "processing"),
        ("processing", "processed"),
    ]


def test_field_under_the_threshold_holds_the_case_in_review(tenant, run_on_commit):
    tenant.case_type.review_threshold = 99
    tenant.case_type.save()
    data = upload(tenant, run_on_commit, [invoice_pdf()])
    case = Case.objects.get(public_id=data["case_id"])
    document = case.documents.get()
    assert document.status == Document.Status.REVIEW_REQUIRED
    assert case.stage.system_role == "review"
    job = ExtractionJob.objects.get(case=case)
    assert job.status == ExtractionJob.Status.REVIEW_REQUIRED
    assert job.review_threshold == 99
    flagged = DocumentField.objects.filter(document=document).exclude(flags=[])
    assert job.review_flagged_field_count == flagged.count() > 0
    assert job.result is None
    assert not WebhookEvent.objects.filter(type="extraction.completed").exists()


def test_missing_required_field_is_flagged_even_without_a_threshold(tenant, run_on_commit):
    content = pdf_with_lines(["A letter with no invoice fields at all.", "Kind regards"])
    data = upload(tenant, run_on_commit, [SimpleUploadedFile("letter.pdf", content)])
    document = Document.objects.get(public_id=data["documents"][0]["doc_id"])
    assert document.status == Document.Status.REVIEW_REQUIRED
    number = document.fields.get(key="invoice_number")
    assert number.value is None
    assert number.confidence == 0
    assert number.flags == ["required_missing"]


def test_trigger_workflow_false_leaves_documents_uploaded(tenant, run_on_commit):
    data = upload(tenant, run_on_commit, [invoice_pdf()], trigger_workflow="false")
    assert Document.objects.get(public_id=data["documents"][0]["doc_id"]).status == "uploaded"
    assert not ExtractionJob.objects.exists()


@pytest.mark.parametrize(
    ("content", "codes"),
    [
        (b"%PDF-1.7\n this is not really a pdf", {"CORRUPT_FILE"}),
        (pdf_with_lines(["Invoice number: 1"])[:200], {"CORRUPT_FILE"}),
    ],
)
def test_bad_file_fails_its_job_with_a_clear_code(tenant, run_on_commit, content, codes):
    data = upload(tenant, run_on_commit, [SimpleUploadedFile("broken.pdf", content)])
    document = Document.objects.get(public_id=data["documents"][0]["doc_id"])
    assert document.status == Document.Status.FAILED
    assert document.error_code in codes
    assert document.error_message
    job = ExtractionJob.objects.get(documents=document)
    assert job.status == ExtractionJob.Status.FAILED
    assert job.error_code == document.error_code
    detail = tenant.client.get(
        f"/api/v1/casetypes/{tenant.case_type.public_id}/cases/{data['case_id']}"
    ).json()["data"]
    assert detail["documents"][0]["error"]["code"] == document.error_code
    assert detail["status"] == "failed"


def test_worker_keeps_running_after_a_bad_file(tenant, run_on_commit):
    bad = SimpleUploadedFile("broken.pdf", b"%PDF-1.4 garbage")
    data = upload(tenant, run_on_commit, [bad, invoice_pdf("good.pdf")])
    statuses = [Document.objects.get(public_id=d["doc_id"]).status for d in data["documents"]]
    assert statuses == [Document.Status.FAILED, Document.Status.PROCESSED]


def test_running_a_job_twice_yields_one_result_and_one_event(tenant, run_on_commit):
    data = upload(tenant, run_on_commit, [invoice_pdf()])
    job = ExtractionJob.objects.get(case__public_id=data["case_id"])
    assert pipeline.extraction_job_run(job_id=str(job.pk)) is None
    job.refresh_from_db()
    assert job.attempts == 1
    assert (
        DocumentField.objects.filter(
            document__case__public_id=data["case_id"], key="total_amount"
        ).count()
        == 1
    )
    assert WebhookEvent.objects.filter(type="extraction.completed").count() == 1


def _stuck_job(tenant, run_on_commit, *, attempts: int) -> ExtractionJob:
    data = upload(tenant, run_on_commit, [invoice_pdf()], trigger_workflow="false")
    document = Document.objects.get(public_id=data["documents"][0]["doc_id"])
    # Queue without running, then pretend a worker claimed it and died.
    [job] = services.documents_extraction_queue(documents=[document], actor=SYSTEM)
    ExtractionJob.objects.filter(pk=job.pk).update(
        status=ExtractionJob.Status.PROCESSING,
        attempts=attempts,
        lease_expires_at=timezone.now() - timedelta(seconds=1),
    )
    Document.objects.filter(pk=document.pk).update(status=Document.Status.PROCESSING)
    return job


def test_job_whose_worker_died_is_retried(tenant, run_on_commit):
    job = _stuck_job(tenant, run_on_commit, attempts=1)
    outcome = run_on_commit(recovery.extraction_jobs_recover)
    assert outcome == {"requeued": 1, "failed": 0, "reenqueued": 0}
    job.refresh_from_db()
    assert job.status == ExtractionJob.Status.COMPLETED
    assert job.attempts == 2


def test_unexpected_error_fails_the_job_at_once_and_propagates(tenant, run_on_commit, monkeypatch):
    data = upload(tenant, run_on_commit, [invoice_pdf()], trigger_workflow="false")
    document = Document.objects.get(public_id=data["documents"][0]["doc_id"])
    [job] = services.documents_extraction_queue(documents=[document], actor=SYSTEM)

    def broken(**kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(pipeline, "_job_persist_and_gate", broken)
    with pytest.raises(RuntimeError):
        pipeline.extraction_job_run(job_id=str(job.pk))
    job.refresh_from_db()
    assert job.status == ExtractionJob.Status.FAILED
    assert job.error_code == "PROCESSING_ERROR"
    assert job.documents.get().status == Document.Status.FAILED


def test_a_run_that_outlived_its_lease_cannot_fail_the_retry(tenant, run_on_commit):
    data = upload(tenant, run_on_commit, [invoice_pdf()], trigger_workflow="false")
    document = Document.objects.get(public_id=data["documents"][0]["doc_id"])
    [job] = services.documents_extraction_queue(documents=[document], actor=SYSTEM)
    stale = ExtractionJob.objects.get(pk=job.pk)
    stale.attempts = 1
    # A second attempt has since claimed the job.
    ExtractionJob.objects.filter(pk=job.pk).update(
        status=ExtractionJob.Status.PROCESSING, attempts=2
    )
    services.job_fail(job=stale, code="TIMEOUT", message="late", attempt=1)
    job.refresh_from_db()
    assert job.status == ExtractionJob.Status.PROCESSING
    assert job.error_code == ""


def test_a_job_left_queued_is_enqueued_again_and_runs(tenant, run_on_commit):
    data = upload(tenant, run_on_commit, [invoice_pdf()], trigger_workflow="false")
    document = Document.objects.get(public_id=data["documents"][0]["doc_id"])
    # Queued, but its broker message was lost (the on-commit enqueue never ran).
    [job] = services.documents_extraction_queue(documents=[document], actor=SYSTEM)
    assert recovery.extraction_jobs_recover()["reenqueued"] == 0  # still fresh
    ExtractionJob.objects.filter(pk=job.pk).update(updated_at=timezone.now() - timedelta(hours=1))
    assert recovery.extraction_jobs_recover() == {"requeued": 0, "failed": 0, "reenqueued": 1}
    job.refresh_from_db()
    assert job.status == ExtractionJob.Status.COMPLETED


def test_a_broker_outage_at_enqueue_does_not_fail_the_request(tenant, run_on_commit, monkeypatch):
    def broker_down(**kwargs):
        raise ConnectionError("broker unavailable")

    monkeypatch.setattr(services, "job_enqueue", broker_down)
    data = upload(tenant, run_on_commit, [invoice_pdf()])
    assert data["documents"][0]["status"] == "queued"
    assert ExtractionJob.objects.get(case__public_id=data["case_id"]).status == "queued"


def test_a_file_that_is_no_document_is_refused_at_upload(tenant, run_on_commit):
    text = SimpleUploadedFile("notes.pdf", b"just some words in a text file")
    response = run_on_commit(
        tenant.client.post,
        "/api/v1/cases",
        {"casetype_id": tenant.case_type.public_id, "files": [invoice_pdf(), text]},
        format="multipart",
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "UNSUPPORTED_FILE_TYPE"
    assert error["message"].startswith("files[1]: notes.pdf")
    assert not Case.objects.exists()


def test_the_sniffed_media_type_is_recorded(tenant, run_on_commit):
    data = upload(tenant, run_on_commit, [invoice_pdf("scan.png")], trigger_workflow="false")
    document = Document.objects.get(public_id=data["documents"][0]["doc_id"])
    assert document.file.media_type == "application/pdf"


def test_the_case_types_locale_reaches_the_engine_and_reads_an_ambiguous_date(
    tenant, run_on_commit
):
    lines = [
        line.replace("14 March 2024", "03/04/2024")
        for line in INVOICE_LINES
        if not line.startswith("Due date")
    ]

    def invoice_date() -> str:
        upload_file = SimpleUploadedFile("us.pdf", pdf_with_lines(lines), "application/pdf")
        data = upload(tenant, run_on_commit, [upload_file])
        document = Document.objects.get(public_id=data["documents"][0]["doc_id"])
        return document.fields.get(key="invoice_date").value

    assert invoice_date() == "2024-04-03"  # English, priced in EUR: day first
    tenant.case_type.locale = "en-US"
    tenant.case_type.save()
    assert invoice_date() == "2024-03-04"
