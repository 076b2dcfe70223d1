"""Reads of extraction jobs, scoped to one workspace (another workspace's job is not found)."""

from __future__ import annotations

import uuid

from django.db.models import Prefetch, QuerySet

from cases.errors import NotFound
from cases.models import Case, Document, Workspace
from extraction.models import ExtractionJob


def job_list(*, workspace: Workspace, status: str | None = None) -> QuerySet[ExtractionJob]:
    jobs = (
        ExtractionJob.objects.filter(workspace=workspace)
        .select_related("case", "case_type")
        .prefetch_related(Prefetch("documents", queryset=Document.objects.only("id", "public_id")))
        .order_by("-created_at", "-pk")
    )
    if status:
        jobs = jobs.filter(status=status)
    return jobs


def job_get(*, workspace: Workspace, job_id: str) -> ExtractionJob:
    try:
        job = job_list(workspace=workspace).filter(pk=uuid.UUID(str(job_id))).first()
    except ValueError:  # not a UUID: no such job
        job = None
    if job is None:
        raise NotFound(f"No extraction job {job_id}.", code="JOB_NOT_FOUND")
    return job


def job_queue_position(job: ExtractionJob) -> int | None:
    """1 for the next job a worker will take; None once the job left the queue."""
    if job.status != ExtractionJob.Status.QUEUED:
        return None
    ahead = ExtractionJob.objects.filter(
        status=ExtractionJob.Status.QUEUED, created_at__lt=job.created_at
    ).count()
    return ahead + 1


def job_state_token(job_id: str) -> tuple | None:
    """What a long poll compares to see whether a job changed."""
    return (
        ExtractionJob.objects.filter(pk=job_id)
        .values_list("status", "progress", "updated_at")
        .first()
    )


def case_document_list(*, case: Case) -> QuerySet[Document]:
    """The case's documents, oldest first, each with its jobs newest first in `job_list`."""
    return (
        Document.objects.filter(case=case)
        .prefetch_related(
            Prefetch(
                "jobs",
                queryset=ExtractionJob.objects.order_by("-created_at"),
                to_attr="job_list",
            )
        )
        .order_by("created_at", "id")
    )
