"""Reads of extraction jobs, scoped to one workspace (another workspace's job is not found)."""

from __future__ import annotations

import uuid

from django.db.models import Prefetch, QuerySet

from cases.errors import NotFound
from cases.models import Case, Document, Workspace
from extraction.models import ExtractionJob

STATUS_DOCUMENTS = Document.objects.select_related("duplicate_of").only(
    "id", "public_id", "duplicate_of__public_id"
)
"""What a job's status names of its documents: ids and what each duplicates, in one query (the
duplicate's id deferred would cost a query per document)."""
STATUS_JOB_FIELDS = tuple(field.name for field in ExtractionJob._meta.concrete_fields)


def job_list(*, workspace: Workspace, status: str | None = None) -> QuerySet[ExtractionJob]:
    jobs = (
        ExtractionJob.objects.filter(workspace=workspace)
        .select_related("case", "case_type")
        .prefetch_related(Prefetch("documents", queryset=STATUS_DOCUMENTS))
        .order_by("-created_at", "-pk")
    )
    if status:
        jobs = jobs.filter(status=status)
    return jobs


def job_status_find(*, workspace: Workspace, job_id: object) -> ExtractionJob | None:
    """The job for its status answer (`serializers.job_status`), or None when the workspace has
    no such job: the job's own columns with only the case's id and the case type's slug (not
    its schema), and its documents prefetched. Two queries."""
    try:
        pk = uuid.UUID(str(job_id))
    except ValueError:  # not a UUID: no such job
        return None
    jobs = list(
        ExtractionJob.objects.filter(workspace=workspace, pk=pk)
        .select_related("case", "case_type")
        .only(*STATUS_JOB_FIELDS, "case__public_id", "case_type__slug")
        .prefetch_related(Prefetch("documents", queryset=STATUS_DOCUMENTS))
        .order_by()[:1]
    )
    return jobs[0] if jobs else None


def job_status_get(*, workspace: Workspace, job_id: object) -> ExtractionJob:
    """`job_status_find`, or the 404 of an unknown job."""
    job = job_status_find(workspace=workspace, job_id=job_id)
    if job is None:
        raise NotFound(f"No extraction job {job_id}.", code="JOB_NOT_FOUND")
    return job


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
