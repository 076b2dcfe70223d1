"""A case's artifacts (`extraction.artifacts`) and the case's file list that shows them (seed 001
§2 step 1), with `returnDocuments` download URLs in job results."""

from __future__ import annotations

import csv
import importlib
import io
import json
from dataclasses import replace
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

import pymupdf
import pytest
from django.apps import apps as django_apps
from django.core.files.storage import default_storage
from django.db import connection
from rest_framework.test import APIClient

from cases import files
from cases.actors import Actor
from cases.models import StoredFile
from extraction.artifacts import case_artifacts_refresh, document_download_file
from extraction.models import DocumentField
from extraction.retention import extraction_results_expire
from review.services import document_approve, field_correct, fields_approve_remaining
from tests.documents import INVOICE_LINES, pdf_with_lines
from tests.factories import (
    engine_result,
    held_document,
    processed_document,
    processed_job,
)


def in_store(stored: StoredFile) -> bool:
    name = stored.blob.name
    return name is not None and default_storage.exists(name)


def streamed(response: Any) -> bytes:
    return b"".join(response.streaming_content)


PREFIXES = ["/api/v1/chatot/cases", "/api/v1/cases"]


def two_document_result(case_type):
    """An upload of two pages that the engine split into two documents, one per page."""
    one = engine_result(case_type)
    first = replace(one.documents[0], index=0, pages=(1,))
    second = replace(one.documents[0], index=1, pages=(2,))
    page_two = replace(one.pages[0], number=2, text="Second invoice INV-2024-0043")
    return replace(one, page_count=2, pages=(one.pages[0], page_two), documents=(first, second))


@pytest.fixture
def document(tenant):
    return processed_document(tenant.case_type, filename="email.pdf")


def file_list(tenant, case_id, prefix="/api/v1/cases", **params):
    response = tenant.client.get(f"{prefix}/{case_id}/files", params)
    assert response.status_code == 200, response.json()
    return response.json()


@pytest.mark.parametrize("prefix", PREFIXES)
def test_file_list_shows_the_upload_and_its_artifacts_with_the_seed_fields(
    tenant, document, prefix
):
    rows = file_list(tenant, document.case.public_id, prefix)
    by_kind = {row["kind"]: row for row in rows}
    assert set(by_kind) == {"upload", "result", "text", "export"}
    assert by_kind["upload"]["id"] == document.file.public_id
    assert by_kind["upload"]["filename"] == "email.pdf"
    assert by_kind["result"]["filename"] == "email.result.json"
    assert by_kind["text"]["filename"] == "email.txt"
    assert by_kind["export"]["filename"].endswith(".fields.csv")
    for row in rows:
        assert set(row) >= {"id", "filename", "status", "created_at"}
        assert row["status"] in {"processed", "available"}
    assert by_kind["result"]["document_id"] == document.public_id
    assert by_kind["result"]["content_type"] == "application/json"


def test_artifacts_hold_the_result_the_text_and_the_fields(tenant, document):
    case_artifacts_refresh(case=document.case)
    result = StoredFile.objects.get(document=document, kind="result")
    body = json.loads(files.file_read(result))
    assert body["documentId"] == document.public_id
    assert body["fields"]["invoice_number"]["value"] == "INV-2024-0042"
    text = StoredFile.objects.get(document=document, kind="text")
    assert "Invoice number: INV-2024-0042" in files.file_read(text).decode()
    export = StoredFile.objects.get(case=document.case, kind="export")
    rows = list(csv.DictReader(io.StringIO(files.file_read(export).decode())))
    assert rows[0]["document_id"] == document.public_id
    assert rows[0]["invoice_number"] == "INV-2024-0042"


def test_a_correction_updates_the_result_file_under_the_same_id(tenant, document):
    case_artifacts_refresh(case=document.case)
    result = StoredFile.objects.get(document=document, kind="result")
    DocumentField.objects.filter(document=document, key="invoice_number").update(value="INV-FIXED")
    case_artifacts_refresh(case=document.case)
    again = StoredFile.objects.get(document=document, kind="result")
    assert again.public_id == result.public_id
    assert again.sha256 != result.sha256
    assert json.loads(files.file_read(again))["fields"]["invoice_number"]["value"] == "INV-FIXED"
    assert StoredFile.objects.filter(document=document, kind="result").count() == 1


def test_a_held_document_gets_no_artifact_until_a_reviewer_approves_it(tenant):
    held = held_document(tenant.case_type, filename="held.pdf")
    rows = file_list(tenant, held.case.public_id)
    assert [row["kind"] for row in rows] == ["upload"]
    assert not StoredFile.objects.filter(document=held).exclude(kind="upload").exists()
    reviewer = Actor(user=tenant.reviewer)
    field_correct(document=held, key="invoice_number", value="INV-REVIEWED", actor=reviewer)
    fields_approve_remaining(document=held, actor=reviewer)
    document_approve(document=held, actor=reviewer)
    by_kind = {row["kind"]: row for row in file_list(tenant, held.case.public_id)}
    assert set(by_kind) == {"upload", "result", "text", "export"}
    result = StoredFile.objects.get(document=held, kind="result")
    released = json.loads(files.file_read(result))["fields"]["invoice_number"]
    assert (released["value"], released["reviewed"]) == ("INV-REVIEWED", True)


def test_refreshing_twice_writes_nothing_new(tenant, document):
    case_artifacts_refresh(case=document.case)
    before = {s.public_id: (s.sha256, s.blob.name) for s in StoredFile.objects.all()}
    case_artifacts_refresh(case=document.case)
    after = {s.public_id: (s.sha256, s.blob.name) for s in StoredFile.objects.all()}
    assert before == after


def test_a_split_upload_gets_one_pdf_per_document(tenant):
    content = pdf_with_lines([INVOICE_LINES, ["Second invoice INV-2024-0043"]])
    first = processed_document(
        tenant.case_type,
        two_document_result(tenant.case_type),
        content=content,
        filename="batch.pdf",
    )
    documents = list(first.case.documents.order_by("created_at", "id"))
    assert len(documents) == 2
    rows = file_list(tenant, first.case.public_id)
    assert [row["filename"] for row in rows if row["kind"] == "upload"] == ["batch.pdf"]
    splits = [row for row in rows if row["kind"] == "split"]
    assert sorted(row["filename"] for row in splits) == ["batch.pages-1.pdf", "batch.pages-2.pdf"]
    second_split = document_download_file(documents[1])
    with pymupdf.open(stream=files.file_read(second_split)) as pdf:
        assert pdf.page_count == 1
        assert "INV-2024-0043" in pdf[0].get_text()


def test_a_single_document_upload_is_its_own_download_file(document):
    assert document_download_file(document) == document.file


def test_q_matches_file_names(tenant, document):
    rows = file_list(tenant, document.case.public_id, q="email.result")
    assert [row["filename"] for row in rows] == ["email.result.json"]
    assert file_list(tenant, document.case.public_id, q="nothing-like-it") == []


def test_q_matches_document_text(tenant, document):
    rows = file_list(tenant, document.case.public_id, q="Harbour")
    assert "email.pdf" in {row["filename"] for row in rows}
    assert "email.result.json" in {row["filename"] for row in rows}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search: PostgreSQL")
def test_q_is_full_text_search_on_postgresql(tenant, document):
    # Words in any order, not a substring of the text.
    rows = file_list(tenant, document.case.public_id, q="Bristol Harbour")
    assert "email.pdf" in {row["filename"] for row in rows}
    rows = file_list(tenant, document.case.public_id, q="Harbour -Bristol")
    assert rows == []


def test_expired_and_deleted_artifacts_are_not_listed(tenant, document):
    case_artifacts_refresh(case=document.case)
    text = StoredFile.objects.get(document=document, kind="text")
    files.file_delete(stored=text)
    export = StoredFile.objects.get(case=document.case, kind="export")
    files.file_expire(stored=export)
    rows = file_list(tenant, document.case.public_id)
    ids = {row["id"] for row in rows}
    assert text.public_id not in ids
    assert export.public_id not in ids


def test_an_artifact_downloads_through_its_signed_url(tenant, document):
    rows = file_list(tenant, document.case.public_id, q="email.result")
    response = tenant.client.get(
        f"/api/v1/cases/{document.case.public_id}/files/{rows[0]['id']}/url",
        {"download": "true"},
    )
    url = urlsplit(response.json()["data"]["url"])
    content = APIClient().get(url.path, HTTP_HOST=url.netloc)
    assert content.status_code == 200
    assert content["Content-Type"] == "application/json"
    assert json.loads(streamed(content))["documentId"] == document.public_id


def test_file_list_of_another_workspace_is_404(document, outsider):
    response = outsider.client.get(f"/api/v1/cases/{document.case.public_id}/files")
    assert response.status_code == 404


def test_return_documents_gives_a_signed_url_of_the_document(tenant):
    job = processed_job(tenant.case_type, options={"returnDocuments": True})
    assert job.result is not None
    (entry,) = job.result["documents"]
    assert entry["fileId"] == job.source_file.public_id
    url = urlsplit(entry["documentUrl"])
    response = APIClient().get(url.path, HTTP_HOST=url.netloc)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert entry["documentUrlExpiresAt"]


def test_return_documents_of_a_split_upload_gives_each_document_its_pages(tenant):
    content = pdf_with_lines([INVOICE_LINES, ["Second invoice INV-2024-0043"]])
    job = processed_job(
        tenant.case_type,
        two_document_result(tenant.case_type),
        content=content,
        options={"returnDocuments": True},
    )
    assert job.result is not None
    first, second = job.result["documents"]
    assert first["fileId"] != second["fileId"] != job.source_file.public_id
    url = urlsplit(second["documentUrl"])
    response = APIClient().get(url.path, HTTP_HOST=url.netloc)
    with pymupdf.open(stream=streamed(response)) as pdf:
        assert pdf.page_count == 1
        assert "INV-2024-0043" in pdf[0].get_text()


def test_retention_deletes_a_job_api_documents_artifacts_from_the_store(
    tenant, django_capture_on_commit_callbacks
):
    job = processed_job(tenant.case_type, options={"returnDocuments": True})
    (document,) = job.documents.all()
    case_artifacts_refresh(case=document.case)
    artifacts = list(StoredFile.objects.filter(document=document))
    assert {a.kind for a in artifacts} == {"result", "text"}
    assert job.result_expires_at is not None
    later = job.result_expires_at + timedelta(seconds=1)
    with django_capture_on_commit_callbacks(execute=True):
        extraction_results_expire(now=later)
    for stored in [job.source_file, *artifacts]:
        stored.refresh_from_db()
        assert stored.deleted_at == later
        assert not in_store(stored)
        assert stored.expires_at is not None
        assert stored.expires_at <= later


def test_file_list_with_an_overlong_q_is_400(tenant, document):
    response = tenant.client.get(f"/api/v1/cases/{document.case.public_id}/files", {"q": "x" * 201})
    assert response.status_code == 400
    assert "q" in response.json()["error"]["details"]["fields"]


def test_a_deleted_artifact_is_not_made_again(tenant, document):
    case_artifacts_refresh(case=document.case)
    text = StoredFile.objects.get(document=document, kind="text")
    assert tenant.client.delete(f"/api/v1/files/{text.public_id}").status_code == 204
    rows = file_list(tenant, document.case.public_id)
    assert "text" not in {row["kind"] for row in rows}
    assert StoredFile.objects.filter(document=document, kind="text").count() == 1


def test_the_migration_deletes_artifacts_made_for_held_documents_before_the_fix(tenant, document):
    """Artifacts of released documents stay; a held document's result and text, and every
    field export (made again from released documents on the next listing), go with their blobs."""
    migration = importlib.import_module("extraction.migrations.0009_withheld_artifacts_delete")
    case_artifacts_refresh(case=document.case)
    held = held_document(tenant.case_type, filename="held.pdf")
    made_before = [
        files.file_create(
            workspace=held.workspace,
            filename=f"held.{kind}",
            content=b"INV-2024-0042",
            media_type="text/plain",
            kind=kind,
            case=held.case,
            document=held,
        )
        for kind in ("result", "text")
    ]
    export = StoredFile.objects.get(case=document.case, kind="export")
    migration._withheld_artifacts_delete(django_apps, None)
    assert not StoredFile.objects.filter(pk__in=[s.pk for s in made_before]).exists()
    assert not any(in_store(stored) for stored in made_before)
    assert not StoredFile.objects.filter(pk=export.pk).exists()
    assert StoredFile.objects.filter(document=document, kind="result").exists()
    assert {row["kind"] for row in file_list(tenant, document.case.public_id)} >= {"export"}
