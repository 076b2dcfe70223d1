"""The case page's Files section: the case's uploads and artifacts, search, downloads for the
case's members; another workspace's case or file is 404."""

from __future__ import annotations

import json
from typing import Any

import pytest

from cases.models import StoredFile
from tests.factories import invoice_pdf, processed_document


def streamed(response: Any) -> bytes:
    return b"".join(response.streaming_content)


@pytest.fixture
def document(tenant):
    return processed_document(tenant.case_type, filename="email.pdf")


def test_the_case_page_loads_the_files_section(reviewer_client, document):
    page = reviewer_client.get(f"/cases/{document.case.public_id}/").content.decode()
    assert f'hx-get="/cases/{document.case.public_id}/files/"' in page


def test_the_section_lists_uploads_and_artifacts_with_links(reviewer_client, document):
    response = reviewer_client.get(f"/cases/{document.case.public_id}/files/")
    assert response.status_code == 200
    page = response.content.decode()
    for name in ("email.pdf", "email.result.json", "email.txt"):
        assert name in page
    assert f"/cases/{document.case.public_id}/files/{document.file.public_id}/" in page


def test_an_htmx_search_answers_only_the_section(reviewer_client, document):
    response = reviewer_client.get(
        f"/cases/{document.case.public_id}/files/",
        {"q": "result"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="case-files",
    )
    page = response.content.decode()
    assert "<html" not in page
    assert 'id="case-files"' in page
    assert "email.result.json" in page
    assert "email.txt" not in page


def test_a_search_without_hits_says_so(reviewer_client, document):
    page = reviewer_client.get(
        f"/cases/{document.case.public_id}/files/", {"q": "zebra"}
    ).content.decode()
    assert "No file of this case matches" in page


def test_a_member_downloads_a_file_and_opens_one_inline(reviewer_client, document):
    url = f"/cases/{document.case.public_id}/files/{document.file.public_id}/"
    download = reviewer_client.get(url)
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment;")
    assert streamed(download) == invoice_pdf()
    inline = reviewer_client.get(url, {"inline": "1"})
    assert inline["Content-Disposition"].startswith("inline;")
    reviewer_client.get(f"/cases/{document.case.public_id}/files/")  # makes the artifacts
    result = StoredFile.objects.get(document=document, kind="result")
    body = reviewer_client.get(f"/cases/{document.case.public_id}/files/{result.public_id}/")
    assert json.loads(streamed(body))["documentId"] == document.public_id


def test_another_workspace_cannot_list_or_download(outsider_client, document):
    case_id = document.case.public_id
    assert outsider_client.get(f"/cases/{case_id}/files/").status_code == 404
    url = f"/cases/{case_id}/files/{document.file.public_id}/"
    assert outsider_client.get(url).status_code == 404


def test_a_file_of_another_case_is_404(reviewer_client, tenant, document):
    other = processed_document(tenant.case_type, filename="other.pdf")
    url = f"/cases/{document.case.public_id}/files/{other.file.public_id}/"
    assert reviewer_client.get(url).status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in(client, document):
    response = client.get(f"/cases/{document.case.public_id}/files/")
    assert response.status_code == 302
    assert "/login/" in response["Location"]
