"""Reads for reviewers: the queue of held documents and one document with its fields.

Scoped to the workspaces the caller may see; another workspace's document is not found.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from cases.errors import NotFound
from cases.models import ApiKey, AuditEvent, Case, CaseType, Document, Membership, User, Workspace
from extraction.models import DocumentField, DocumentPage, ExtractionJob


def review_queue(
    *,
    workspaces: Iterable[Workspace],
    case_type_id: str | None = None,
    assignee_id: str | None = None,
) -> QuerySet[Document]:
    """Documents waiting for a reviewer, oldest first, with their count of pending fields."""
    documents = (
        Document.objects.filter(
            workspace__in=list(workspaces), status=Document.Status.REVIEW_REQUIRED
        )
        .select_related("case__case_type", "case__assigned_to", "workspace")
        .annotate(
            pending_count=Count(
                "fields", filter=Q(fields__flagged=True, fields__reviewed=False), distinct=True
            )
        )
        .order_by("review_required_at", "created_at", "id")
    )
    if case_type_id:
        documents = documents.filter(case__case_type__public_id=case_type_id)
    if assignee_id:
        documents = documents.filter(case__assigned_to__public_id=assignee_id)
    return documents


def document_for_review(*, workspaces: Iterable[Workspace], public_id: str) -> Document:
    """One document with its fields (held ones first), pages and jobs."""
    document = (
        Document.objects.filter(workspace__in=list(workspaces), public_id=public_id)
        .select_related("case__case_type", "case__stage", "case__assigned_to", "file", "workspace")
        .prefetch_related(
            Prefetch(
                "fields",
                queryset=DocumentField.objects.order_by("-flagged", "reviewed", "position"),
            ),
            "pages",
            Prefetch("jobs", queryset=ExtractionJob.objects.order_by("-created_at")),
        )
        .first()
    )
    if document is None:
        raise NotFound(f"No document {public_id}.", code="DOCUMENT_NOT_FOUND")
    return document


def next_in_queue(*, workspaces: Iterable[Workspace], after: Document) -> Document | None:
    """The next held document after `after` in queue order (or the first one), if any."""
    return review_queue(workspaces=workspaces).exclude(pk=after.pk).first()


# --- Reads of the browser UI (dashboard, case pages, settings) ----------------------------


def membership_list(*, user: User) -> QuerySet[Membership]:
    """The user's memberships with their workspaces, in workspace name order."""
    return (
        Membership.objects.filter(user=user)
        .select_related("workspace")
        .order_by("workspace__name", "workspace_id")
    )


@dataclass(frozen=True)
class StatusCount:
    status: str
    label: str
    count: int


@dataclass(frozen=True)
class StageCount:
    stage_id: str
    name: str
    system_role: str
    count: int


@dataclass(frozen=True)
class CaseTypeStageCounts:
    case_type_id: str
    name: str
    total: int
    stages: list[StageCount]


def document_status_counts(*, workspace: Workspace) -> list[StatusCount]:
    """Every document status of the workspace with its count (zeros included), in flow order."""
    counts = dict(
        Document.objects.filter(workspace=workspace)
        .order_by()
        .values_list("status")
        .annotate(count=Count("id"))
        .values_list("status", "count")
    )
    return [
        StatusCount(status=status, label=label, count=counts.get(status, 0))
        for status, label in Document.Status.choices
    ]


def case_stage_counts(*, workspace: Workspace) -> list[CaseTypeStageCounts]:
    """Per case type, its stages in order with the number of cases in each."""
    counts = dict(
        Case.objects.filter(workspace=workspace)
        .order_by()
        .values_list("stage_id")
        .annotate(count=Count("id"))
        .values_list("stage_id", "count")
    )
    result = []
    for case_type in CaseType.objects.filter(workspace=workspace).prefetch_related("stages"):
        stages = [
            StageCount(
                stage_id=stage.public_id,
                name=stage.name,
                system_role=stage.system_role,
                count=counts.get(stage.pk, 0),
            )
            for stage in case_type.stages.all()
        ]
        result.append(
            CaseTypeStageCounts(
                case_type_id=case_type.public_id,
                name=case_type.name,
                total=sum(stage.count for stage in stages),
                stages=stages,
            )
        )
    return result


def case_get_for_member(*, workspaces: Iterable[Workspace], public_id: str) -> Case:
    """One case in any of the member's workspaces; another workspace's case is not found."""
    case = (
        Case.objects.filter(workspace__in=list(workspaces), public_id=public_id)
        .select_related("workspace", "case_type", "stage", "assigned_to")
        .prefetch_related("case_type__stages")
        .first()
    )
    if case is None:
        raise NotFound(f"No case {public_id}.", code="CASE_NOT_FOUND")
    return case


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


def case_history(*, case: Case) -> QuerySet[AuditEvent]:
    """Every audit row of the case, newest first."""
    return (
        AuditEvent.objects.filter(case=case)
        .select_related("document")
        .order_by("-created_at", "-id")
    )


def workspace_member_list(*, workspace: Workspace) -> QuerySet[User]:
    """The users who may be assigned a case of the workspace."""
    return User.objects.filter(memberships__workspace=workspace).order_by("username", "id")


def api_key_list(*, workspace: Workspace) -> QuerySet[ApiKey]:
    """The workspace's API keys, newest first, active and revoked."""
    return (
        ApiKey.objects.filter(workspace=workspace)
        .select_related("created_by")
        .order_by("-created_at", "-id")
    )


def api_key_get(*, workspace: Workspace, public_id: str) -> ApiKey:
    """A key of the workspace by its public id (`key__…`)."""
    api_key = api_key_list(workspace=workspace).filter(public_id=public_id).first()
    if api_key is None:
        raise NotFound(f"No API key {public_id}.", code="API_KEY_NOT_FOUND")
    return api_key


def document_page_get(
    *, workspaces: Iterable[Workspace], public_id: str, number: int
) -> DocumentPage:
    """Page `number` of a document in the caller's workspaces, with its file and jobs."""
    page = (
        DocumentPage.objects.filter(
            document__workspace__in=list(workspaces),
            document__public_id=public_id,
            number=number,
        )
        .select_related("document__file")
        .prefetch_related("document__jobs")
        .first()
    )
    if page is None:
        raise NotFound(f"No page {number} of document {public_id}.", code="PAGE_NOT_FOUND")
    return page
