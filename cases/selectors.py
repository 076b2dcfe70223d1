"""Reads of cases, case types, members and API keys, always scoped to one workspace (or, for
the browser UI, to the workspaces the member belongs to).

An object of another workspace is simply not found, so callers answer 404 and ids reveal
nothing (SPEC §2).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import connection
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from cases.errors import NotFound
from cases.models import (
    ApiKey,
    AuditEvent,
    Case,
    CaseType,
    CaseTypeFilter,
    CaseTypeVersion,
    Document,
    Membership,
    StoredFile,
    User,
    Workspace,
)

CASE_SORTS = {
    "created_date.asc": ("created_at", "id"),
    "created_date.desc": ("-created_at", "-id"),
    "modified_date.asc": ("modified_at", "id"),
    "modified_date.desc": ("-modified_at", "-id"),
}


def case_type_list(*, workspace: Workspace) -> QuerySet[CaseType]:
    return CaseType.objects.filter(workspace=workspace).prefetch_related("stages").order_by("name")


def case_types_by_ids(*, workspace: Workspace, public_ids: Sequence[str]) -> list[CaseType]:
    """The workspace's case types among `public_ids` (unknown ids and other workspaces' skipped)."""
    return list(case_type_list(workspace=workspace).filter(public_id__in=public_ids))


def case_type_get(*, workspace: Workspace, public_id: str) -> CaseType:
    case_type = case_type_list(workspace=workspace).filter(public_id=public_id).first()
    if case_type is None:
        raise NotFound(f"No case type {public_id}.", code="CASETYPE_NOT_FOUND")
    return case_type


def case_type_filter_list(*, workspace: Workspace) -> QuerySet[CaseTypeFilter]:
    return (
        CaseTypeFilter.objects.filter(workspace=workspace)
        .prefetch_related("case_types")
        .order_by("name")
    )


def case_type_filter_get(*, workspace: Workspace, public_id: str) -> CaseTypeFilter:
    found = case_type_filter_list(workspace=workspace).filter(public_id=public_id).first()
    if found is None:
        raise NotFound(f"No filter {public_id}.", code="FILTER_NOT_FOUND")
    return found


def case_type_version_current(case_type: CaseType) -> CaseTypeVersion | None:
    """The case type's latest version (None only before its first save through the services)."""
    return case_type.versions.order_by("-number").first()


def case_type_versions(case_type: CaseType) -> QuerySet[CaseTypeVersion]:
    """Newest first, with who saved each and how many jobs ran with it."""
    return (
        case_type.versions.select_related("created_by")
        .annotate(job_count=Count("jobs"))
        .order_by("-number")
    )


def case_type_get_by_slug(*, workspace: Workspace, slug: str) -> CaseType:
    case_type = case_type_list(workspace=workspace).filter(slug=slug).first()
    if case_type is None:
        raise NotFound(f"No case type named {slug!r}.", code="TEMPLATE_NOT_FOUND")
    return case_type


def case_list(
    *,
    workspace: Workspace,
    case_type: CaseType | None = None,
    stage_ids: Sequence[str] = (),
    assignee_ids: Sequence[str] = (),
    sort_by: str = "created_date.desc",
    search: str = "",
) -> QuerySet[Case]:
    cases = (
        Case.objects.filter(workspace=workspace)
        .select_related("case_type", "stage", "assigned_to")
        .prefetch_related(
            Prefetch("documents", queryset=Document.objects.only("id", "case_id", "status"))
        )
    )
    if case_type is not None:
        cases = cases.filter(case_type=case_type)
    if stage_ids:
        cases = cases.filter(stage__public_id__in=stage_ids)
    if assignee_ids:
        cases = cases.filter(assigned_to__public_id__in=assignee_ids)
    if search:
        cases = cases.filter(
            Q(name__icontains=search)
            | Q(public_id__icontains=search)
            | Q(documents__filename__icontains=search)
        ).distinct()
    return cases.order_by(*CASE_SORTS[sort_by])


def case_get(*, workspace: Workspace, public_id: str, case_type: CaseType | None = None) -> Case:
    cases = Case.objects.filter(workspace=workspace, public_id=public_id)
    if case_type is not None:
        cases = cases.filter(case_type=case_type)
    case = (
        cases.select_related("case_type", "stage", "assigned_to")
        .prefetch_related(
            Prefetch("documents", queryset=Document.objects.select_related("file", "duplicate_of"))
        )
        .first()
    )
    if case is None:
        raise NotFound(f"No case {public_id}.", code="CASE_NOT_FOUND")
    return case


def case_status(case: Case) -> str:
    """One word for a case from its documents' statuses (the list's `status`)."""
    statuses = {document.status for document in case.documents.all()}
    for status in (
        Document.Status.REVIEW_REQUIRED,
        Document.Status.PROCESSING,
        Document.Status.QUEUED,
    ):
        if status in statuses:
            return "processing" if status == Document.Status.QUEUED else status
    if statuses == {Document.Status.PROCESSED}:
        return "processed"
    if Document.Status.FAILED in statuses:
        return "failed"
    return "uploaded" if statuses else "empty"


@dataclass(frozen=True)
class CaseFile:
    """One row of a case's file list: an upload (one per document) or an artifact."""

    stored: StoredFile
    filename: str
    status: str
    document: Document | None
    created_at: datetime


def case_file_list(*, case: Case, query: str = "", now: datetime | None = None) -> list[CaseFile]:
    """The case's uploads and live artifacts, oldest first. `query` matches file names and the
    text of their documents: full-text search (websearch syntax, any language) on PostgreSQL,
    a substring elsewhere."""
    now = now or timezone.now()
    documents = case.documents.select_related("file").order_by("created_at", "id")
    live = Q(expires_at__isnull=True) | Q(expires_at__gt=now)
    artifacts = (
        StoredFile.objects.filter(live, case=case, deleted_at__isnull=True)
        .exclude(kind=StoredFile.Kind.UPLOAD)
        .select_related("document")
        .order_by("created_at", "id")
    )
    if query:
        text_ids = _documents_matching_text(case=case, query=query)
        documents = documents.filter(Q(filename__icontains=query) | Q(pk__in=text_ids))
        artifacts = artifacts.filter(Q(filename__icontains=query) | Q(document_id__in=text_ids))
    uploads: dict[int, CaseFile] = {}  # an upload the engine split is listed once
    for document in documents:
        if document.file.deleted_at is None and not document.file.is_expired(now):
            uploads.setdefault(
                document.file_id,
                CaseFile(
                    stored=document.file,
                    filename=document.filename,
                    status=document.status,
                    document=document,
                    created_at=document.created_at,
                ),
            )
    rows = list(uploads.values())
    rows += [
        CaseFile(
            stored=stored,
            filename=stored.filename,
            status=stored.document.status if stored.document else "available",
            document=stored.document,
            created_at=stored.created_at,
        )
        for stored in artifacts
    ]
    return rows


def _documents_matching_text(*, case: Case, query: str) -> QuerySet[Document, Any]:
    documents = Document.objects.filter(case=case)
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        return (
            documents.annotate(search=SearchVector("text", config="simple"))
            .filter(search=SearchQuery(query, search_type="websearch", config="simple"))
            .values("pk")
        )
    return documents.filter(text__icontains=query).values("pk")


def stored_file_get(*, workspace: Workspace, public_id: str) -> StoredFile:
    stored = StoredFile.objects.filter(workspace=workspace, public_id=public_id).first()
    if stored is None:
        raise NotFound(f"No file {public_id}.", code="FILE_NOT_FOUND")
    return stored


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
