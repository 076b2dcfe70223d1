"""Reads for reviewers: the queue of held documents, one document with its fields, its pages.

Reads of cases, members and API keys are `cases.selectors`'; a case's documents with their
jobs are `extraction.selectors.case_document_list`.

Scoped to the workspaces the caller may see; another workspace's document is not found.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Count, Prefetch, Q, QuerySet

from cases.errors import NotFound
from cases.models import Document, Workspace
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
