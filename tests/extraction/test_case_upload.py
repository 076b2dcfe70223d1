"""`extraction.case_upload.case_upload`: the case API's upload into a new or an existing case,
with or without starting extraction; every refusal writes nothing."""

from __future__ import annotations

import pytest

from cases.credits import InsufficientCredits, credits_charge_pages
from cases.errors import NotFound, ValidationFailed
from cases.models import Case, Document, StoredFile
from cases.services import IncomingFile
from extraction.case_upload import case_upload
from extraction.models import ExtractionJob
from tests.documents import INVOICE_LINES, pdf_with_lines
from tests.factories import api_actor, uploaded_document

ONE_PAGE = pdf_with_lines(INVOICE_LINES)
THREE_PAGES = pdf_with_lines([INVOICE_LINES] * 3)


def incoming(filename: str = "invoice.pdf", content: bytes = ONE_PAGE) -> IncomingFile:
    return IncomingFile(filename=filename, content=content)


def upload(tenant, files, **options):
    return case_upload(
        workspace=tenant.workspace,
        case_type=tenant.case_type,
        actor=api_actor(tenant.workspace),
        files=files,
        **options,
    )


def assert_nothing_written() -> None:
    assert not Case.objects.exists()
    assert not Document.objects.exists()
    assert not StoredFile.objects.exists()
    assert not ExtractionJob.objects.exists()


def test_a_new_case_is_named_after_the_first_file_and_each_document_queued(tenant):
    done = upload(tenant, [incoming("march.pdf"), incoming("april.pdf")])
    assert not done.appended
    assert done.case.name == "march"
    assert done.case.case_type == tenant.case_type
    assert [document.filename for document in done.documents] == ["march.pdf", "april.pdf"]
    for document in done.documents:
        document.refresh_from_db()
        assert document.status == Document.Status.QUEUED
        assert document.file.media_type == "application/pdf"  # sniffed from the bytes
    assert ExtractionJob.objects.filter(source=ExtractionJob.Source.CASE_UPLOAD).count() == 2


def test_a_case_name_given_wins_and_without_trigger_the_documents_wait(tenant):
    done = upload(tenant, [incoming()], case_name="Supplier A", trigger_workflow=False)
    assert done.case.name == "Supplier A"
    (document,) = done.documents
    document.refresh_from_db()
    assert document.status == Document.Status.UPLOADED
    assert not ExtractionJob.objects.exists()


def test_files_are_appended_to_the_case_named_by_case_id(tenant):
    existing, _ = uploaded_document(tenant.case_type)
    done = upload(tenant, [incoming("more.pdf")], case_id=existing.case.public_id)
    assert done.appended
    assert done.case == existing.case
    assert Case.objects.count() == 1
    assert existing.case.documents.count() == 2


def test_a_case_of_another_case_type_is_refused(tenant, invoice_type):
    existing, _ = uploaded_document(invoice_type)
    with pytest.raises(ValidationFailed, match="case_id: the case belongs to another case type"):
        upload(tenant, [incoming()], case_id=existing.case.public_id)
    assert existing.case.documents.count() == 1


def test_an_unknown_case_is_404(tenant):
    with pytest.raises(NotFound):
        upload(tenant, [incoming()], case_id="case__0000000000000000")
    assert_nothing_written()


def test_a_file_that_is_no_pdf_or_image_is_refused_by_its_index(tenant):
    with pytest.raises(ValidationFailed, match=r"files\[1\]: notes.pdf") as raised:
        upload(tenant, [incoming(), incoming("notes.pdf", b"plain words, no PDF")])
    assert raised.value.code == "UNSUPPORTED_FILE_TYPE"
    assert_nothing_written()


def test_credits_are_checked_for_every_page_only_when_extraction_starts(tenant):
    tenant.workspace.credits_limit = 10
    tenant.workspace.save()
    credits_charge_pages(workspace=tenant.workspace, pages=8, reference="earlier")
    with pytest.raises(InsufficientCredits):
        upload(tenant, [incoming("three.pdf", THREE_PAGES)])
    assert_nothing_written()
    done = upload(tenant, [incoming("three.pdf", THREE_PAGES)], trigger_workflow=False)
    assert len(done.documents) == 1
