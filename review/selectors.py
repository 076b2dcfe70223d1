"""Reads for reviewers: the queue of held documents, one document with its fields, its pages.

Reads of cases, members and API keys are `cases.selectors`'; a case's documents with their
jobs are `extraction.selectors.case_document_list`.

Scoped to the workspaces the caller may see; another workspace's document is not found.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Count, F, Max, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce

from cases.errors import NotFound
from cases.models import Document, Workspace
from extraction.models import DocumentField, DocumentPage, ExtractionJob
from review.models import ReviewDecision


def review_queue(
    *,
    workspaces: Iterable[Workspace],
    case_type_id: str | None = None,
    assignee_id: str | None = None,
) -> QuerySet[Document]:
    """Documents waiting for a reviewer, oldest first, with their count of pending fields.

    A postponed document counts as arriving when it was postponed: it goes to the end.
    """
    documents = (
        Document.objects.filter(
            workspace__in=list(workspaces), status=Document.Status.REVIEW_REQUIRED
        )
        .select_related("case__case_type", "case__assigned_to", "workspace")
        .annotate(
            pending_count=Count(
                "fields", filter=Q(fields__flagged=True, fields__reviewed=False), distinct=True
            ),
            postponed_at=Max(
                "decisions__created_at",
                filter=Q(decisions__action=ReviewDecision.Action.DOCUMENT_POSTPONE),
            ),
            queued_at=Coalesce(F("postponed_at"), F("review_required_at"), F("created_at")),
        )
        .order_by("queued_at", "created_at", "id")
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


def next_in_queue(
    *, workspaces: Iterable[Workspace], after: Document, leave_out: Iterable[str] = ()
) -> Document | None:
    """The next held document after `after` in queue order (or the first one), if any;
    `leave_out` names (public ids) documents the reviewer already took or skipped."""
    return (
        review_queue(workspaces=workspaces)
        .exclude(pk=after.pk)
        .exclude(public_id__in=list(leave_out))
        .first()
    )


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


def queue_position(
    *, workspaces: Iterable[Workspace], document: Document, leave_out: Iterable[str] = ()
) -> dict[str, int]:
    """Where `document` stands in the queue: `position` (1-based; 0 when it is not held) and
    the queue's `total`, not counting `leave_out` (public ids the reviewer already decided)."""
    queue = review_queue(workspaces=workspaces).exclude(public_id__in=list(leave_out))
    ids = list(queue.values_list("pk", flat=True))
    position = ids.index(document.pk) + 1 if document.pk in ids else 0
    return {"position": position, "total": len(ids)}


def decisions_by_others(*, document: Document, user: Any) -> int:
    """How many decisions people other than `user` (or API keys) took on the document."""
    decisions = ReviewDecision.objects.filter(document=document)
    if getattr(user, "pk", None) is not None:
        decisions = decisions.exclude(actor_user=user)
    return decisions.count()


def document_outcome(*, document: Document) -> ReviewDecision | None:
    """The decision that ended the document's review (approve or reject), if one did."""
    return (
        ReviewDecision.objects.filter(
            document=document,
            action__in=(
                ReviewDecision.Action.DOCUMENT_APPROVE,
                ReviewDecision.Action.DOCUMENT_REJECT,
            ),
        )
        .order_by("-created_at", "-id")
        .first()
    )
