"""Reads of cases and case types, always scoped to one workspace.

An object of another workspace is simply not found, so callers answer 404 and ids reveal
nothing (SPEC §2).
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import Prefetch, Q, QuerySet

from cases.errors import NotFound
from cases.models import Case, CaseType, Document, StoredFile, Workspace

CASE_SORTS = {
    "created_date.asc": ("created_at", "id"),
    "created_date.desc": ("-created_at", "-id"),
    "modified_date.asc": ("modified_at", "id"),
    "modified_date.desc": ("-modified_at", "-id"),
}


def case_type_list(*, workspace: Workspace) -> QuerySet[CaseType]:
    return CaseType.objects.filter(workspace=workspace).prefetch_related("stages").order_by("name")


def case_type_get(*, workspace: Workspace, public_id: str) -> CaseType:
    case_type = case_type_list(workspace=workspace).filter(public_id=public_id).first()
    if case_type is None:
        raise NotFound(f"No case type {public_id}.", code="CASETYPE_NOT_FOUND")
    return case_type


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


def case_file_list(*, case: Case, query: str = "") -> QuerySet[Document]:
    documents = case.documents.select_related("file").order_by("created_at", "id")
    if query:
        documents = documents.filter(Q(filename__icontains=query) | Q(text__icontains=query))
    return documents


def stored_file_get(*, workspace: Workspace, public_id: str) -> StoredFile:
    stored = StoredFile.objects.filter(workspace=workspace, public_id=public_id).first()
    if stored is None:
        raise NotFound(f"No file {public_id}.", code="FILE_NOT_FOUND")
    return stored
