"""Bulk actions of the review queue: assign the checked documents (to me or a member), reject
them with one reason.

Each document goes through the same service a single action uses (`cases.services.case_update`
for the assignee, which a document has through its case; `review.services.document_reject`),
one transaction per document, so one that changed meanwhile (approved, rejected, claimed by
someone else) is skipped with its reason and the others still go through. The result counts
both, for the message the queue shows ("3 assigned, 1 skipped: approved meanwhile").
Called by `review.views`; nothing here reads requests.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction

from cases.actors import Actor
from cases.errors import DomainError, ValidationFailed
from cases.models import Case, Document, User, Workspace
from cases.services import case_update, user_get_in_workspace
from review import services
from review.claims import ClaimHeld, claim_live

ME = "me"
"""The assignee value meaning "the member acting"."""

MAX_BULK = 200
"""Documents one bulk action takes at most (the queue shows 50 a page)."""


@dataclass
class BulkResult:
    verb: str
    done: int = 0
    skipped: Counter[str] = field(default_factory=Counter)

    def skip(self, reason: str) -> None:
        self.skipped[reason] += 1

    @property
    def summary(self) -> str:
        """ "3 assigned, 1 skipped: approved meanwhile" (several reasons: "2 skipped: 1 …, 1 …")."""
        text = f"{self.done} {self.verb}"
        total = sum(self.skipped.values())
        if not total:
            return text
        if len(self.skipped) == 1:
            reasons = next(iter(self.skipped))
        else:
            reasons = ", ".join(f"{count} {reason}" for reason, count in self.skipped.items())
        return f"{text}, {total} skipped: {reasons}"


def _no_longer_held(document: Document) -> str:
    if document.status == Document.Status.PROCESSED:
        return "approved meanwhile"
    if document.status == Document.Status.FAILED:
        return "rejected meanwhile"
    return "no longer in review"


def _documents(workspace: Workspace, document_ids: Iterable[str]) -> tuple[list[Document], int]:
    """The workspace's documents named, in the order given, and how many names were unknown."""
    wanted = list(dict.fromkeys(document_ids))[:MAX_BULK]
    found = {
        d.public_id: d
        for d in Document.objects.filter(workspace=workspace, public_id__in=wanted).select_related(
            "case__assigned_to", "workspace"
        )
    }
    return [found[i] for i in wanted if i in found], sum(1 for i in wanted if i not in found)


def documents_assign(
    *, workspace: Workspace, document_ids: Iterable[str], assignee: User, actor: Actor
) -> BulkResult:
    """Assign each held document (its case) to `assignee`, a member of `workspace`.

    A document already theirs is skipped ("already assigned to …") unless an earlier document
    of the same case was assigned by this very action (then it counts as assigned too).
    """
    result = BulkResult(verb="assigned")
    documents, unknown = _documents(workspace, document_ids)
    for _ in range(unknown):
        result.skip("not found")
    assigned_cases: set[int] = set()
    for document in documents:
        with transaction.atomic():
            # The case before the document, as review decisions lock them (no deadlock).
            Case.objects.select_for_update(no_key=True).filter(pk=document.case_id).first()
            current = Document.objects.select_for_update().get(pk=document.pk)
            if current.status != Document.Status.REVIEW_REQUIRED:
                result.skip(_no_longer_held(current))
                continue
            if document.case_id in assigned_cases:
                result.done += 1
                continue
            case, changes = case_update(case=document.case, actor=actor, assigned_to=assignee)
            if not changes:
                result.skip(f"already assigned to {assignee.get_username()}")
                continue
            assigned_cases.add(case.pk)
            result.done += 1
    return result


def documents_reject(
    *, workspace: Workspace, document_ids: Iterable[str], reason: str, actor: Actor
) -> BulkResult:
    """Reject each held document with `reason`; one someone else is reviewing (a live claim)
    or that was decided meanwhile is skipped with why."""
    result = BulkResult(verb="rejected")
    documents, unknown = _documents(workspace, document_ids)
    for _ in range(unknown):
        result.skip("not found")
    for document in documents:
        if document.status != Document.Status.REVIEW_REQUIRED:
            result.skip(_no_longer_held(document))
            continue
        try:
            services.document_reject(document=document, reason=reason, actor=actor)
        except ClaimHeld:
            claim = claim_live(document=document)
            holder = claim.user.get_username() if claim else "someone else"
            result.skip(f"claimed by {holder}")
            continue
        except DomainError as exc:
            if exc.code == "VALIDATION_ERROR":
                raise
            document.refresh_from_db()
            result.skip(_no_longer_held(document))
            continue
        result.done += 1
    return result


def documents_bulk(
    *,
    workspace: Workspace,
    actor: Actor,
    action: str,
    documents: list[str],
    assignee: str = "",
    reason: str = "",
    **_: object,
) -> BulkResult:
    """The queue's bulk bar: `action` "assign" (to `assignee`, a member's public id, or "me")
    or "reject" (with `reason`)."""
    if action == "reject":
        reason = (reason or "").strip()
        if not reason:
            raise ValidationFailed.for_field("reason", "say why the documents are rejected.")
        return documents_reject(
            workspace=workspace, document_ids=documents, reason=reason, actor=actor
        )
    if not assignee or assignee == ME:
        if actor.user is None:
            raise ValidationFailed.for_field("assignee", "choose a member.")
        user = actor.user
    else:
        user = user_get_in_workspace(workspace=workspace, public_id=assignee)
    return documents_assign(workspace=workspace, document_ids=documents, assignee=user, actor=actor)
