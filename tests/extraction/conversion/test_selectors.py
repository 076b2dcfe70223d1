"""The conversion selectors the browser pages read: a workspace's (or a case's) newest jobs,
one job of the member's workspaces, and whether a list still has work in flight.

Jobs are created through `conversion_job_create` on a small PDF of the file store; the enqueue
waits for a commit that never comes inside the test's transaction, so nothing is converted.
Statuses and creation times are then set on the rows directly.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from cases import files
from cases import services as case_services
from cases.actors import Actor
from cases.errors import NotFound
from cases.models import Case, StoredFile, Workspace
from extraction.conversion import services
from extraction.conversion.models import ConversionJob
from extraction.conversion.selectors import (
    any_active,
    conversion_job_for_member,
    conversion_job_list,
)
from tests.documents import pdf_with_lines

pytestmark = pytest.mark.django_db

NOON = datetime(2026, 1, 14, 12, 0, tzinfo=UTC)


def _source(workspace: Workspace) -> StoredFile:
    return files.file_create(
        workspace=workspace,
        filename="in.pdf",
        content=pdf_with_lines([["Page 1"]]),
        retention_hours=1,
    )


def _job(
    workspace: Workspace,
    *,
    case: Case | None = None,
    minutes: int = 0,
    status: str = ConversionJob.Status.QUEUED,
) -> ConversionJob:
    """A queued text-to-markdown job, recorded as created `minutes` after noon."""
    job = services.conversion_job_create(
        workspace=workspace,
        actor=Actor(),
        engine="text",
        file_id=_source(workspace).public_id,
        output_format=None,
        case=case,
    )
    ConversionJob.objects.filter(pk=job.pk).update(
        created_at=NOON + timedelta(minutes=minutes), status=status
    )
    job.refresh_from_db()
    return job


def _case(tenant, name: str) -> Case:
    return case_services.case_create(
        workspace=tenant.workspace, case_type=tenant.case_type, actor=Actor(), name=name
    )


def _ids(jobs: list[ConversionJob]) -> list[uuid.UUID]:
    return [job.pk for job in jobs]


# --- conversion_job_list --------------------------------------------------------------------


def test_job_list_is_the_workspaces_jobs_newest_first(tenant, outsider):
    middle = _job(tenant.workspace, minutes=5)
    newest = _job(tenant.workspace, minutes=9)
    oldest = _job(tenant.workspace, minutes=1)
    _job(outsider.workspace, minutes=7)

    jobs = conversion_job_list(workspace=tenant.workspace)

    assert _ids(jobs) == [newest.pk, middle.pk, oldest.pk]


def test_job_list_of_a_case_keeps_only_that_cases_jobs(tenant):
    case = _case(tenant, "March invoices")
    other_case = _case(tenant, "April invoices")
    first = _job(tenant.workspace, case=case, minutes=1)
    second = _job(tenant.workspace, case=case, minutes=2)
    in_other_case = _job(tenant.workspace, case=other_case, minutes=3)
    without_case = _job(tenant.workspace, minutes=4)

    assert _ids(conversion_job_list(workspace=tenant.workspace, case=case)) == [
        second.pk,
        first.pk,
    ]
    assert _ids(conversion_job_list(workspace=tenant.workspace)) == [
        without_case.pk,
        in_other_case.pk,
        second.pk,
        first.pk,
    ]


def test_job_list_of_a_case_in_another_workspace_is_empty(tenant, outsider):
    case = _case(tenant, "March invoices")
    _job(tenant.workspace, case=case)

    assert conversion_job_list(workspace=outsider.workspace, case=case) == []


def test_job_list_keeps_the_newest_25_unless_told_otherwise(tenant):
    job = _job(tenant.workspace)
    ConversionJob.objects.bulk_create(
        ConversionJob(
            workspace=tenant.workspace,
            source_file=job.source_file,
            engine="text",
            output_format="md",
        )
        for _ in range(25)
    )
    ConversionJob.objects.exclude(pk=job.pk).update(created_at=NOON + timedelta(minutes=1))

    newest = conversion_job_list(workspace=tenant.workspace)
    assert len(newest) == 25
    assert job.pk not in _ids(newest)  # the oldest of 26 is left out
    assert len(conversion_job_list(workspace=tenant.workspace, limit=26)) == 26
    assert _ids(conversion_job_list(workspace=tenant.workspace, limit=2)) == _ids(newest)[:2]


def test_job_list_is_ready_to_render_without_further_queries(tenant, django_assert_num_queries):
    case = _case(tenant, "March invoices")
    _job(tenant.workspace, case=case, minutes=1)
    _job(tenant.workspace, minutes=2)

    with django_assert_num_queries(1):
        jobs = conversion_job_list(workspace=tenant.workspace)
    with django_assert_num_queries(0):
        shown = [
            (job.source_file.filename, job.case.name if job.case else None, job.output_file)
            for job in jobs
        ]

    assert shown == [("in.pdf", None, None), ("in.pdf", "March invoices", None)]


# --- conversion_job_for_member --------------------------------------------------------------


def test_job_for_member_finds_a_job_in_any_of_the_members_workspaces(tenant, outsider):
    job = _job(outsider.workspace)

    found = conversion_job_for_member(
        workspaces=[tenant.workspace, outsider.workspace], job_id=str(job.pk)
    )

    assert found.pk == job.pk
    assert found.workspace == outsider.workspace


def test_job_for_member_is_ready_to_render_without_further_queries(
    tenant, django_assert_num_queries
):
    job = _job(tenant.workspace)

    with django_assert_num_queries(1):
        found = conversion_job_for_member(workspaces=[tenant.workspace], job_id=str(job.pk))
    with django_assert_num_queries(0):
        shown = (found.workspace.slug, found.source_file.filename, found.output_file)

    assert shown == ("acme", "in.pdf", None)


def test_job_for_member_of_another_workspace_is_not_found(tenant, outsider):
    job = _job(outsider.workspace)

    with pytest.raises(NotFound) as caught:
        conversion_job_for_member(workspaces=[tenant.workspace], job_id=str(job.pk))

    assert (caught.value.code, caught.value.status_code) == ("JOB_NOT_FOUND", 404)
    assert caught.value.message == f"No conversion job {job.pk}."


def test_job_for_member_without_workspaces_is_not_found(tenant):
    job = _job(tenant.workspace)

    with pytest.raises(NotFound) as caught:
        conversion_job_for_member(workspaces=[], job_id=str(job.pk))

    assert caught.value.code == "JOB_NOT_FOUND"


def test_job_for_member_with_an_unknown_id_is_not_found(tenant):
    _job(tenant.workspace)
    unknown = str(uuid.uuid4())

    with pytest.raises(NotFound) as caught:
        conversion_job_for_member(workspaces=[tenant.workspace], job_id=unknown)

    assert (caught.value.code, caught.value.status_code) == ("JOB_NOT_FOUND", 404)
    assert caught.value.message == f"No conversion job {unknown}."


@pytest.mark.parametrize("job_id", ["", "not-a-uuid", "12345", "conv_abc"])
def test_job_for_member_with_a_malformed_id_is_not_found(tenant, job_id):
    with pytest.raises(NotFound) as caught:
        conversion_job_for_member(workspaces=[tenant.workspace], job_id=job_id)

    assert (caught.value.code, caught.value.status_code) == ("JOB_NOT_FOUND", 404)
    assert caught.value.message == f"No conversion job {job_id}."
    assert caught.value.__suppress_context__  # the ValueError is not chained into the answer


# --- any_active -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("statuses", "active"),
    [
        ([], False),
        (["completed", "failed"], False),
        (["completed", "queued"], True),
        (["failed", "processing"], True),
    ],
)
def test_any_active_is_true_while_a_job_is_queued_or_processing(statuses, active):
    jobs = [ConversionJob(status=ConversionJob.Status(status)) for status in statuses]

    assert any_active(jobs) is active
