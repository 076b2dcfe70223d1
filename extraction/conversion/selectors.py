"""Reads of conversion jobs for the browser pages (the API reads through its own views)."""

from __future__ import annotations

import uuid

from django.db.models import QuerySet

from cases.errors import NotFound
from cases.models import Case, Workspace
from extraction.conversion.models import ConversionJob

ACTIVE = (ConversionJob.Status.QUEUED, ConversionJob.Status.PROCESSING)


def conversion_job_list(
    *, workspace: Workspace, case: Case | None = None, limit: int = 25
) -> list[ConversionJob]:
    """The newest jobs of the workspace (or of one case), newest first."""
    jobs: QuerySet[ConversionJob] = ConversionJob.objects.filter(workspace=workspace)
    if case is not None:
        jobs = jobs.filter(case=case)
    return list(
        jobs.select_related("source_file", "output_file", "case").order_by("-created_at", "-id")[
            :limit
        ]
    )


def conversion_job_for_member(*, workspaces: list[Workspace], job_id: str) -> ConversionJob:
    """A job of one of the member's workspaces; NotFound otherwise (or for a malformed id)."""
    try:
        key = uuid.UUID(job_id)
    except ValueError:
        raise NotFound(f"No conversion job {job_id}.", code="JOB_NOT_FOUND") from None
    job = (
        ConversionJob.objects.filter(workspace__in=workspaces, pk=key)
        .select_related("source_file", "output_file", "workspace")
        .first()
    )
    if job is None:
        raise NotFound(f"No conversion job {job_id}.", code="JOB_NOT_FOUND")
    return job


def any_active(jobs: list[ConversionJob]) -> bool:
    return any(job.status in ACTIVE for job in jobs)
