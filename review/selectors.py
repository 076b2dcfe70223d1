"""Reads for reviewers: the queue of held documents (filtered, searched, sorted, with claims and
SLA ages), one document with its fields, its pages.

Reads of cases, members and API keys are `cases.selectors`'; a case's documents with their
jobs are `extraction.selectors.case_document_list`.

Scoped to the workspaces the caller may see; another workspace's document is not found.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db.models import Case as SqlCase
from django.db.models import Count, F, Max, Min, Prefetch, Q, QuerySet, When
from django.db.models.expressions import OrderBy
from django.db.models.functions import Coalesce
from django.utils import timezone

from cases import selectors as case_selectors
from cases.errors import NotFound
from cases.models import Document, Workspace
from cases.selectors import StatusCount
from extraction.models import REJECTED_CODE, DocumentField, DocumentPage, ExtractionJob
from review.models import ReviewDecision

QUEUE_SORTS: dict[str, tuple[str | OrderBy, ...]] = {
    "oldest": ("queued_at", "created_at", "id"),
    "newest": ("-queued_at", "-created_at", "-id"),
    "confidence": (F("lowest_confidence").asc(nulls_last=True), "queued_at", "id"),
    "case_type": ("case__case_type__name", "queued_at", "id"),
}
"""The queue's orders: oldest first (the default), newest first, lowest confidence of a held
field first, by case type (then oldest first)."""


def review_queue(
    *,
    workspaces: Iterable[Workspace],
    case_type_id: str | None = None,
    assignee_id: str | None = None,
    unassigned: bool = False,
    search: str = "",
    sort: str = "oldest",
    now: datetime | None = None,
) -> QuerySet[Document]:
    """Documents waiting for a reviewer (oldest first unless `sort` says otherwise), with
    their count of pending fields, the lowest confidence among them and, while a claim on
    them is live, who holds it (`claimed_by`, `claimed_by_id`) and until when.

    A postponed document counts as arriving when it was postponed: it goes to the end.
    `search` matches the document's name or id and its case's name or id.
    """
    live = _claim_live(now or timezone.now())
    documents = (
        Document.objects.filter(
            workspace__in=list(workspaces), status=Document.Status.REVIEW_REQUIRED
        )
        .select_related("case__case_type", "case__assigned_to", "workspace")
        .annotate(
            pending_count=Count(
                "fields", filter=Q(fields__flagged=True, fields__reviewed=False), distinct=True
            ),
            lowest_confidence=Min(
                "fields__confidence", filter=Q(fields__flagged=True, fields__reviewed=False)
            ),
            postponed_at=Max(
                "decisions__created_at",
                filter=Q(decisions__action=ReviewDecision.Action.DOCUMENT_POSTPONE),
            ),
            queued_at=Coalesce(F("postponed_at"), F("review_required_at"), F("created_at")),
            waiting_since=Coalesce(F("review_required_at"), F("created_at")),
            claimed_by=SqlCase(When(live, then=F("review_claim__user__username"))),
            claimed_by_id=SqlCase(When(live, then=F("review_claim__user_id"))),
            claimed_by_public_id=SqlCase(When(live, then=F("review_claim__user__public_id"))),
            claimed_until=SqlCase(When(live, then=F("review_claim__expires_at"))),
        )
        .order_by(*QUEUE_SORTS.get(sort, QUEUE_SORTS["oldest"]))
    )
    if case_type_id:
        documents = documents.filter(case__case_type__public_id=case_type_id)
    if assignee_id:
        documents = documents.filter(case__assigned_to__public_id=assignee_id)
    if unassigned:
        documents = documents.filter(case__assigned_to__isnull=True)
    search = search.strip()
    if search:
        documents = documents.filter(
            Q(filename__icontains=search)
            | Q(public_id__icontains=search)
            | Q(case__name__icontains=search)
            | Q(case__public_id__icontains=search)
        )
    return documents


def review_queue_unclaimed(
    *, documents: QuerySet[Document], user: Any, now: datetime | None = None
) -> QuerySet[Document]:
    """`documents` (a `review_queue`) without those someone other than `user` holds a live
    claim on: what "Start reviewing" and the next document may open."""
    return documents.exclude(
        _claim_live(now or timezone.now()) & ~Q(review_claim__user_id=getattr(user, "pk", None))
    )


def _claim_live(now: datetime) -> Q:
    """A held document's claim is live (`review.claims.claim_live`, in SQL): not expired, and
    taken during the document's current review; one left from an earlier review is free."""
    return Q(review_claim__expires_at__gt=now) & (
        Q(review_required_at__isnull=True)
        | Q(review_claim__claimed_at__gte=F("review_required_at"))
    )


@dataclass(frozen=True)
class QueueRow:
    """One line of the queue page: the document and what the page says about it."""

    document: Document
    age: str
    sla_level: str
    """"ok", "soon" or "late": the colour of the age (with `sla_label`, never colour alone)."""
    sla_label: str
    claimed_by: str
    claimed_until: datetime | None
    claimed_by_me: bool


SLA_LABELS = {"ok": "on time", "soon": "due soon", "late": "overdue"}
SLA_SOON_SHARE = 0.75
"""A document is "due soon" from three quarters of the SLA on, "overdue" past it."""


def age_text(delta: timedelta) -> str:
    """A waiting time as people say it: "12 min", "3 h 20 min", "2 d 4 h"."""
    minutes = max(0, int(delta.total_seconds() // 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return f"{days} d {hours} h" if hours else f"{days} d"
    if hours:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    return f"{minutes} min"


def sla_level(delta: timedelta, *, sla_hours: int) -> str:
    hours = delta.total_seconds() / 3600
    if hours >= sla_hours:
        return "late"
    if hours >= sla_hours * SLA_SOON_SHARE:
        return "soon"
    return "ok"


def queue_rows(
    documents: Iterable[Document], *, user: Any, sla_hours: int, now: datetime | None = None
) -> list[QueueRow]:
    """The queue page's lines for `documents` (annotated by `review_queue`): age since the
    document was first held (postponing does not reset it) against the SLA, and the claim."""
    now = now or timezone.now()
    rows = []
    for document in documents:
        since = getattr(document, "waiting_since", None)
        waited = now - since if since else timedelta(0)
        level = sla_level(waited, sla_hours=sla_hours)
        holder_id = getattr(document, "claimed_by_id", None)
        rows.append(
            QueueRow(
                document=document,
                age=age_text(waited),
                sla_level=level,
                sla_label=SLA_LABELS[level],
                claimed_by=getattr(document, "claimed_by", None) or "",
                claimed_until=getattr(document, "claimed_until", None),
                claimed_by_me=holder_id is not None and holder_id == getattr(user, "pk", None),
            )
        )
    return rows


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
    *,
    workspaces: Iterable[Workspace],
    after: Document,
    leave_out: Iterable[str] = (),
    user: Any = None,
    queue: QuerySet[Document] | None = None,
) -> Document | None:
    """The first held document in queue order other than `after`, if any; `leave_out` names
    (public ids) documents the reviewer already took or skipped. Documents
    someone other than `user` is reviewing (a live claim) are passed over. `queue` is the
    reviewer's filtered and sorted `review_queue`, when they started from one."""
    queue = review_queue(workspaces=workspaces) if queue is None else queue
    return (
        review_queue_unclaimed(documents=queue, user=user)
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
    *,
    workspaces: Iterable[Workspace],
    document: Document,
    leave_out: Iterable[str] = (),
    queue: QuerySet[Document] | None = None,
) -> dict[str, int]:
    """Where `document` stands in the queue (`queue`, the reviewer's filtered one, or the whole
    queue): `position` (1-based; 0 when it is not in it) and the queue's `total`, not counting
    `leave_out` (public ids the reviewer already decided)."""
    queue = review_queue(workspaces=workspaces) if queue is None else queue
    queue = queue.exclude(public_id__in=list(leave_out))
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


def document_status_counts_shown(*, workspace: Workspace) -> list[StatusCount]:
    """`cases.selectors.document_status_counts` with the documents a reviewer rejected counted
    as "Rejected", apart from those that failed to be read."""
    rejected = Document.objects.filter(
        workspace=workspace, status=Document.Status.FAILED, error_code=REJECTED_CODE
    ).count()
    shown: list[StatusCount] = []
    for item in case_selectors.document_status_counts(workspace=workspace):
        if item.status == Document.Status.FAILED:
            shown.append(StatusCount(status="rejected", label="Rejected", count=rejected))
            item = StatusCount(status=item.status, label=item.label, count=item.count - rejected)
        shown.append(item)
    return shown
