"""The conversion pages: upload and convert, the list with progress, downloads, a case's
conversions; each refuses another workspace's jobs and cases."""

from __future__ import annotations

import io

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile

from cases import files
from extraction.conversion.models import ConversionJob
from tests.extraction.conversion.samples import table_pdf
from tests.factories import uploaded_document


def _post_pdf(client, content: bytes, target: str = "tables:xlsx", **extra):
    upload = SimpleUploadedFile("fruit.pdf", content, content_type="application/pdf")
    return client.post("/settings/conversions/", {"file": upload, "target": target}, **extra)


def test_the_page_lists_every_engine_and_format(reviewer_client):
    page = reviewer_client.get("/settings/conversions/").content.decode()
    for value in ("pdf2docx:docx", "tables:xlsx", "tables:csv", "text:md", "text:txt"):
        assert f'value="{value}"' in page
    assert "No conversions yet." in page


def test_uploading_a_pdf_converts_it_and_the_result_downloads(
    tenant, reviewer_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _post_pdf(reviewer_client, table_pdf())
    assert response.status_code == 302
    job = ConversionJob.objects.get(workspace=tenant.workspace)
    assert job.status == ConversionJob.Status.COMPLETED
    assert job.created_by_user == tenant.reviewer
    page = reviewer_client.get("/settings/conversions/").content.decode()
    assert "fruit.xlsx" in page
    download = reviewer_client.get(f"/settings/conversions/{job.pk}/download/")
    assert download.status_code == 200
    assert "attachment" in download["Content-Disposition"]
    workbook = openpyxl.load_workbook(io.BytesIO(download.getvalue()))
    assert workbook.active["A2"].value == "Apples"


def test_an_htmx_upload_answers_the_form_region_and_a_running_list_polls(
    reviewer_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        response = _post_pdf(
            reviewer_client, table_pdf(), HTTP_HX_REQUEST="true", HTTP_HX_TARGET="conversion-form"
        )
    body = response.content.decode()
    assert response.status_code == 200
    assert 'id="conversion-form"' in body
    assert "Converting fruit.pdf" in body
    assert "<html" not in body
    jobs = reviewer_client.get(
        "/settings/conversions/", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="conversion-jobs"
    ).content.decode()
    assert 'hx-trigger="every 2s"' in jobs
    assert "Queued" in jobs


def test_a_non_pdf_upload_is_refused_on_the_form_and_creates_nothing(reviewer_client):
    response = _post_pdf(reviewer_client, b"hello, not a pdf")
    assert response.status_code == 400
    assert "is not a PDF" in response.content.decode()
    assert not ConversionJob.objects.exists()


def test_a_failed_conversion_shows_its_code(tenant, reviewer_client, run_on_commit):
    run_on_commit(_post_pdf, reviewer_client, b"%PDF-1.4\n\x00broken")
    page = reviewer_client.get("/settings/conversions/").content.decode()
    assert "CORRUPT_FILE" in page


def test_another_workspaces_job_does_not_download(outsider, reviewer_client):
    source = files.file_create(workspace=outsider.workspace, filename="x.pdf", content=b"%PDF-")
    job = ConversionJob.objects.create(
        workspace=outsider.workspace,
        source_file=source,
        engine="text",
        output_format="md",
        status=ConversionJob.Status.COMPLETED,
        output_file=source,
    )
    assert reviewer_client.get(f"/settings/conversions/{job.pk}/download/").status_code == 404
    assert reviewer_client.get("/settings/conversions/nope/download/").status_code == 404


def test_a_case_converts_its_document_and_lists_the_conversion(
    tenant, reviewer_client, django_capture_on_commit_callbacks
):
    document, _ = uploaded_document(tenant.case_type, content=table_pdf(), filename="fruit.pdf")
    url = f"/cases/{document.case.public_id}/conversions/"
    section = reviewer_client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert f'value="{document.file.public_id}"' in section
    with django_capture_on_commit_callbacks(execute=True):
        response = reviewer_client.post(
            url,
            {"document": document.file.public_id, "target": "text:md"},
            HTTP_HX_REQUEST="true",
            HTTP_HX_TARGET="case-conversions",
        )
    assert response.status_code == 200
    job = ConversionJob.objects.get(case=document.case)
    assert job.status == ConversionJob.Status.COMPLETED
    assert "fruit.md" in reviewer_client.get(url, HTTP_HX_REQUEST="true").content.decode()
    case_page = reviewer_client.get(f"/cases/{document.case.public_id}/").content.decode()
    assert url in case_page


def test_another_workspaces_case_has_no_conversions_section(outsider, reviewer_client):
    document, _ = uploaded_document(outsider.case_type, content=table_pdf(), filename="x.pdf")
    assert reviewer_client.get(f"/cases/{document.case.public_id}/conversions/").status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get("/settings/conversions/")
    assert response.status_code == 302
    assert "/login/" in response["Location"]
