"""The hot paths' database work, pinned: a status poll and a job creation must not silently
grow queries (each one is a round trip on PostgreSQL, at hundreds of polls a second)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cases.credits import credits_check
from cases.models import Workspace
from extraction.models import ExtractionJob
from extraction.submission import pages_estimate
from tests.documents import INVOICE_LINES, pdf_with_lines
from tests.factories import processed_job

JOBS = "/api/v1/extraction-jobs"
INVOICE_PDF = pdf_with_lines(INVOICE_LINES)


def _create(tenant, content: bytes = INVOICE_PDF):
    """A job left queued: the test's transaction never commits, so no worker task runs."""
    upload = SimpleUploadedFile("invoice.pdf", content, content_type="application/pdf")
    payload = {"templateName": tenant.case_type.slug, "file": upload}
    response = tenant.client.post(JOBS, payload, format="multipart")
    assert response.status_code == 202
    return response.json()["job"]["id"]


def test_polling_a_queued_job_with_a_duplicate_costs_four_queries(
    tenant, django_assert_max_num_queries
):
    _create(tenant)
    second = _create(tenant)  # same bytes: its document is a duplicate
    tenant.client.get(f"{JOBS}/{second}")  # the key's last use is recorded once a minute
    # the API key (with its workspace), the job (with case and case type), its documents
    # (with what they duplicate), the queue position
    with django_assert_max_num_queries(4):
        response = tenant.client.get(f"{JOBS}/{second}")
    job = response.json()["job"]
    assert job["status"] == "queued"
    assert job["queuePosition"] == 2
    assert job["duplicates"][0]["documentId"] == job["documentIds"][0]


def test_polling_a_completed_job_costs_three_queries(tenant, django_assert_max_num_queries):
    job = processed_job(tenant.case_type)
    tenant.client.get(f"{JOBS}/{job.pk}")
    with django_assert_max_num_queries(3):
        response = tenant.client.get(f"{JOBS}/{job.pk}")
    assert response.json()["job"]["status"] == ExtractionJob.Status.COMPLETED
    assert response.json()["job"]["resultAvailable"] is True


def test_polling_another_workspaces_job_is_still_404(tenant, outsider):
    job = processed_job(tenant.case_type)
    assert outsider.client.get(f"{JOBS}/{job.pk}").status_code == 404
    assert tenant.client.get(f"{JOBS}/{job.pk}").status_code == 200


@pytest.mark.parametrize("limit", [None, 1000])
def test_creating_a_job_costs_a_pinned_number_of_queries(
    tenant, django_assert_max_num_queries, limit
):
    Workspace.objects.filter(pk=tenant.workspace.pk).update(credits_limit=limit)
    _create(tenant)  # first use: key touched, credit account created
    # an unlimited workspace skips summing its usage (2 queries fewer)
    with django_assert_max_num_queries(34 if limit is None else 36):
        _create(tenant, content=pdf_with_lines([*INVOICE_LINES, "another"]))


def test_an_unlimited_workspace_is_checked_with_one_query(tenant, django_assert_num_queries):
    with django_assert_num_queries(1):
        credits_check(workspace=tenant.workspace, pages=10**6)


@pytest.mark.parametrize(
    ("content", "pages"),
    [
        (b" \n\t%PDF-1.7 1 0 obj << /Type /Pages /Count 7 >>", 7),
        (b"%PDF-1.7 << /Count 4 /Kids [] /Type /Pages >>", 4),
        (b"%PDF-1.7 << /Type /Page >> no page tree in plain text", 1),
        (b"GIF89a << /Type /Pages /Count 7 >>", 1),
    ],
)
def test_pages_estimate_reads_the_page_tree_count(content, pages):
    assert pages_estimate(content) == pages
