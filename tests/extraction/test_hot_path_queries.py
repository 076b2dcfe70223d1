"""The hot paths' database work, pinned: a status poll and a job creation must not silently
grow queries (each one is a round trip on PostgreSQL, at hundreds of polls a second)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cases.credits import credits_check
from cases.models import Workspace
from extraction import submission
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


def test_polling_a_queued_job_with_a_duplicate_costs_two_queries(
    tenant, django_assert_max_num_queries
):
    _create(tenant)
    second = _create(tenant)  # same bytes: its document is a duplicate
    tenant.client.get(f"{JOBS}/{second}")  # the key's last use is recorded once a minute
    # the API key (with its workspace); the job with its case, case type, documents (with
    # what they duplicate) and queue position in one statement (extraction.polling)
    with django_assert_max_num_queries(2):
        response = tenant.client.get(f"{JOBS}/{second}")
    job = response.json()["job"]
    assert job["status"] == "queued"
    assert job["queuePosition"] == 2
    assert job["duplicates"][0]["documentId"] == job["documentIds"][0]


def test_polling_a_completed_job_costs_two_queries(tenant, django_assert_max_num_queries):
    job = processed_job(tenant.case_type)
    tenant.client.get(f"{JOBS}/{job.pk}")
    with django_assert_max_num_queries(2):
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


def test_pages_estimate_examines_a_bounded_number_of_windows(monkeypatch):
    """A file padded with page-tree words (the old patterns scanned 400 bytes after each of a
    million `/Type /Pages`: 45 s of a web process's CPU for 50 MB) costs at most
    MAX_COUNTS_EXAMINED windows of the reach on either side."""
    searched: list[int] = []
    real = submission._PAGES_TYPE

    class Counting:
        def search(self, data: bytes):
            searched.append(len(data))
            return real.search(data)

    monkeypatch.setattr(submission, "_PAGES_TYPE", Counting())
    padded = b"%PDF-1.7 " + b"/Type/Pages /Count 1 " * 200_000 + b"<< /Type /Pages /Count 9 >>"
    assert pages_estimate(padded) == 1  # the real tree lies past the bound: an estimate
    assert len(searched) <= 2 * submission.MAX_COUNTS_EXAMINED
    assert sum(searched) <= 2 * submission.MAX_COUNTS_EXAMINED * (submission.PAGE_TREE_REACH + 16)


def _both_reads(tenant, job_id):
    from extraction import selectors
    from extraction.polling import job_status_read
    from extraction.serializers import job_status

    fast = job_status_read(workspace=tenant.workspace, job_id=job_id)
    assert fast is not None
    orm = selectors.job_status_get(workspace=tenant.workspace, job_id=job_id)
    return (
        job_status(fast[0], queue_position=fast[1]),
        job_status(orm, queue_position=selectors.job_queue_position(orm)),
    )


def test_the_one_statement_read_answers_what_the_orm_read_answers(tenant):
    first = _create(tenant)
    second = _create(tenant)  # a duplicate of the first, second in the queue
    third = _create(tenant, content=pdf_with_lines([*INVOICE_LINES, "a third"]))
    job = ExtractionJob.objects.get(pk=second)
    job.documents.add(*ExtractionJob.objects.get(pk=third).documents.all())  # order kept
    fast, orm = _both_reads(tenant, second)
    assert fast == orm
    assert fast["queuePosition"] == 2
    assert len(fast["documentIds"]) == 2
    assert fast["duplicates"]
    assert _both_reads(tenant, first)[0]["queuePosition"] == 1


def test_the_one_statement_read_of_a_finished_job_without_case_or_case_type(tenant):
    job = processed_job(tenant.case_type)
    ExtractionJob.objects.filter(pk=job.pk).update(case=None, case_type=None)
    fast, orm = _both_reads(tenant, job.pk)
    assert fast == orm
    assert fast["caseId"] is None
    assert "queuePosition" not in fast


def test_the_one_statement_read_finds_no_other_workspaces_job(tenant, outsider):
    from extraction.polling import job_status_read

    job = processed_job(tenant.case_type)
    assert job_status_read(workspace=outsider.workspace, job_id=job.pk) is None
    assert job_status_read(workspace=tenant.workspace, job_id="not-a-uuid") is None


def test_with_the_key_cache_a_poll_is_one_query(tenant, settings, django_assert_num_queries):
    settings.API_KEY_CACHE_SECONDS = 600
    job = processed_job(tenant.case_type)
    tenant.client.get(f"{JOBS}/{job.pk}")
    with django_assert_num_queries(1):
        response = tenant.client.get(f"{JOBS}/{job.pk}")
    assert response.json()["job"]["status"] == ExtractionJob.Status.COMPLETED


def test_a_job_creation_with_its_after_commit_work_is_pinned(
    tenant, django_capture_on_commit_callbacks, monkeypatch, django_assert_max_num_queries
):
    """What runs after the commit counts too: the status-event snapshot of the new document
    is computed once, not once per audit row of the transaction (48 queries before)."""
    from extraction import services

    monkeypatch.setattr(services, "job_enqueue", lambda *, job_id: None)
    with django_capture_on_commit_callbacks(execute=True):
        _create(tenant)
    with (
        django_assert_max_num_queries(40),
        django_capture_on_commit_callbacks(execute=True),
    ):
        _create(tenant, content=pdf_with_lines([*INVOICE_LINES, "another"]))


def test_the_one_statement_read_carries_a_jobs_result_once_not_per_document(tenant):
    """A completed job of three documents: the statement's three rows carry the result on
    the first only (on every row it made a 20-document poll ten times the ORM read's cost),
    and the answer is still the ORM read's."""
    from django.db import connection

    from cases import services as case_services
    from extraction.polling import _status_sql
    from tests.factories import api_actor, invoice_pdf

    job = processed_job(tenant.case_type)
    assert job.case is not None
    more = case_services.case_documents_add(
        case=job.case,
        files=[
            case_services.IncomingFile(
                filename=f"more-{number}.pdf",
                content=invoice_pdf() + bytes([number]),
                media_type="application/pdf",
            )
            for number in range(2)
        ],
        actor=api_actor(tenant.workspace),
    )
    job.documents.add(*more)
    queued = ExtractionJob.Status.QUEUED
    job_id = ExtractionJob._meta.get_field("id").get_db_prep_value(job.pk, connection)
    params = [queued, queued, tenant.workspace.pk, job_id]
    rows = list(ExtractionJob.objects.raw(_status_sql(connection.vendor), params))
    assert [row.result is not None for row in rows] == [True, False, False]
    assert "workspace_id" in rows[0].get_deferred_fields()  # columns the answer never reads
    fast, orm = _both_reads(tenant, job.pk)
    assert fast == orm
    assert fast["resultAvailable"] is True
    assert len(fast["documentIds"]) == 3
