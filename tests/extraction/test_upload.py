"""The upload service: what it creates for each target, the promised id of a filter upload,
the worker's fetch (once, duplicates noted) and the page estimate of the credit pre-check."""

from __future__ import annotations

import pytest

from cases.models import CaseTypeFilter, Document
from extraction.models import ExtractionJob
from extraction.pipeline import extraction_job_run
from extraction.upload import (
    UploadRequest,
    pages_estimate,
    upload_create,
    upload_job_for_document,
    upload_source_fetch,
)
from tests.documents import INVOICE_LINES, pdf_with_lines
from tests.factories import api_actor, invoice_pdf, uploaded_document
from tests.raw_http import ok, raw_server


@pytest.fixture
def loopback_allowed(settings):
    settings.FETCH_ALLOWED_NETWORKS = ["127.0.0.1/32"]


def test_a_filter_upload_promises_a_document_id_the_pipeline_keeps(tenant, settings):
    settings.EXTRACTION_ISOLATION = False
    document_filter = CaseTypeFilter.objects.create(workspace=tenant.workspace, name="mixed")
    document_filter.case_types.add(tenant.case_type)
    result = upload_create(
        workspace=tenant.workspace,
        actor=api_actor(tenant.workspace),
        request=UploadRequest(
            file_name="inv.pdf", content=invoice_pdf(), filter_name="mixed", metadata={"a": 1}
        ),
    )
    assert not Document.objects.filter(public_id=result.document_id).exists()
    assert (
        upload_job_for_document(workspace=tenant.workspace, document_id=result.document_id)
        == result.job
    )
    assert upload_job_for_document(workspace=tenant.workspace, document_id="doc__other") is None

    extraction_job_run(job_id=str(result.job.pk))
    document = Document.objects.get(public_id=result.document_id)
    assert document.metadata["client_metadata"] == {"a": 1}
    assert list(result.job.documents.all()) == [document]


def test_the_worker_fetches_once_and_notes_a_duplicate(tenant, loopback_allowed):
    earlier, _ = uploaded_document(tenant.case_type)
    with raw_server() as server:
        server.routes["/inv.pdf"] = ok(invoice_pdf())
        result = upload_create(
            workspace=tenant.workspace,
            actor=api_actor(tenant.workspace),
            request=UploadRequest(
                file_name="inv.pdf",
                url=server.url("/inv.pdf"),
                casetype_id=tenant.case_type.public_id,
            ),
        )
        job = ExtractionJob.objects.get(pk=result.job.pk)
        upload_source_fetch(job=job)
        upload_source_fetch(job=job)  # nothing pending any more: no second download
        assert server.paths == ["/inv.pdf"]
    document = Document.objects.get(public_id=result.document_id)
    assert document.duplicate_of == earlier
    assert document.file.sha256 == earlier.file.sha256


def test_a_url_upload_is_stored_empty_until_the_worker_fetches_it(tenant):
    result = upload_create(
        workspace=tenant.workspace,
        actor=api_actor(tenant.workspace),
        request=UploadRequest(
            file_name="scope.pdf",
            url="https://files.example.com/scope.pdf",
            template_name=tenant.case_type.slug,
            metadata={"xn_address": "team@example.xn"},
        ),
    )
    document = Document.objects.get(public_id=result.document_id)
    assert document.file.size == 0
    assert document.file.case == document.case  # listed with the case's files
    assert document.metadata["client_metadata"] == {"xn_address": "team@example.xn"}
    assert result.job.options["sourceUrl"] == "https://files.example.com/scope.pdf"
    assert result.status == Document.Status.QUEUED


@pytest.mark.parametrize(
    ("content", "pages"),
    [
        (pdf_with_lines([INVOICE_LINES] * 4), 4),
        (b"%PDF-1.7\n1 0 obj <</Type /Pages /Kids [] /Count 12>> endobj", 12),
        (b"%PDF-1.7\n1 0 obj <</Count 7 /Type/Pages>> endobj", 7),
        (b"%PDF-1.7\n1 0 obj <</Type /ObjStm>> stream compressed", 1),
        (b"\xff\xd8\xff\xe0 jpeg", 1),
    ],
)
def test_the_page_estimate(content, pages):
    assert pages_estimate(content) == pages
