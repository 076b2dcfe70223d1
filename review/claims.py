"""Claims: which reviewer is working on a held document, so two people never decide it at once.

Opening the review page claims the document for `settings.REVIEW_CLAIM_SECONDS`; each decision
renews the claim; approving, rejecting, postponing, skipping and "Release" end it; another
member may "Take over" (recorded as a `ReviewDecision`, the review's own history, with who
took it from whom). An expired claim is free.

Every transition is one compare-and-set `UPDATE ... WHERE` (or an `INSERT` guarded by the
one-claim-per-document constraint), so two reviewers racing for a document get one winner
whatever the interleaving. `claim_guard` is what the decision services in `review.services`
call, under their lock of the document:

- a person (a user actor) may decide when nobody else holds a live claim; deciding claims the
  document for them, or renews their claim;
- an API key (an integrator's own review screen) needs no claim, but is refused while a person
  holds a live one: people in the browser and a script never decide the same document at once;
- the system (pipeline) is never refused.

Refusals raise `ClaimHeld` (409 `CLAIMED`, naming the holder and until when). Nothing here
renders or reads requests; the views and the API call these functions.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from cases.actors import Actor
from cases.errors import Conflict, InvalidTransition, ValidationFailed
from cases.models import Document, User
from review import selectors
from review.models import DocumentClaim, ReviewDecision

CLAIMED_CODE = "CLAIMED"


class ClaimHeld(InvalidTransition):
    """Someone else holds a live claim on the document: a decision now is refused (409).

    An `InvalidTransition`, so every view already answering 409 for a document that changed
    under the reviewer (the review page's decision queue, htmx, the API) answers the same here.
    """

    code = CLAIMED_CODE
    status_code = 409


def claim_ttl() -> timedelta:
    return timedelta(seconds=settings.REVIEW_CLAIM_SECONDS)


def claim_live(*, document: Document, now: datetime | None = None) -> DocumentClaim | None:
    """The document's claim if one is live, with its holder: not expired, and made during the
    document's current review. A claim left from an earlier review (the document was decided,
    failed with its job, extracted again and held anew) is stale and counts for nothing."""
    if document.status != Document.Status.REVIEW_REQUIRED:
        return None
    now = now or timezone.now()
    return (
        DocumentClaim.objects.select_related("user")
        .filter(document=document, expires_at__gt=now)
        .exclude(_stale(document))
        .first()
    )


def _stale(document: Document) -> Q:
    """Claims made before the document's current review began."""
    if document.review_required_at is None:
        return Q(pk__in=[])
    return Q(claimed_at__lt=document.review_required_at)


def claim_held_error(claim: DocumentClaim) -> ClaimHeld:
    until = timezone.localtime(claim.expires_at).strftime("%H:%M")
    holder = claim.user.get_username()
    return ClaimHeld(
        f"{holder} is reviewing this document (claimed until {until}); take it over to decide.",
        details={
            "claimed_by": claim.user.public_id,
            "claimed_by_name": holder,
            "claimed_until": claim.expires_at.isoformat(),
        },
    )


def claim_take(*, document: Document, user: User) -> DocumentClaim:
    """Claim the document for `user`: free (no claim, or an expired one) or already theirs
    (then it is renewed). Held live by someone else: `ClaimHeld`.

    First an `UPDATE` of the existing row where it is `user`'s or expired; with no row at all,
    an `INSERT` that the unique document key lets only one racer win.
    """
    if document.status != Document.Status.REVIEW_REQUIRED:
        raise InvalidTransition(
            "The document is not held for review; there is nothing to claim.", code="NOT_HELD"
        )
    now = timezone.now()
    expires = now + claim_ttl()
    mine_or_free = Q(user=user) | Q(expires_at__lte=now) | _stale(document)
    # Renewed in place only while live: a claim left from an earlier review is taken afresh
    # below (claimed now), or it would stay stale, held by nobody for `claim_live`.
    ours = DocumentClaim.objects.filter(document=document, user=user, expires_at__gt=now)
    renewed = ours.exclude(_stale(document)).update(expires_at=expires)
    if renewed or DocumentClaim.objects.filter(document=document).filter(mine_or_free).update(
        user=user, claimed_at=now, expires_at=expires
    ):
        return DocumentClaim.objects.select_related("user").get(document=document)
    if not DocumentClaim.objects.filter(document=document).exists():
        try:
            with transaction.atomic():
                return DocumentClaim.objects.create(
                    document=document,
                    workspace_id=document.workspace_id,
                    user=user,
                    claimed_at=now,
                    expires_at=expires,
                )
        except IntegrityError:
            pass  # someone claimed it between our UPDATE and INSERT
    claim = claim_live(document=document)
    if claim is None or claim.user_id == user.pk:  # theirs expired at once, or it is ours
        return claim_take(document=document, user=user)
    raise claim_held_error(claim)


def claim_renew(*, document: Document, user: User) -> DocumentClaim:
    """Push back the expiry of `user`'s claim (live, or expired and not taken since).

    A claim that is gone (released, or taken over) is not renewed: `ClaimHeld` when someone
    else holds it now, `Conflict` (`CLAIM_LOST`) when nobody does.
    """
    now = timezone.now()
    # a claim from an earlier review (the document was held anew since) is not renewed: the
    # page that renews it shows that review, and the reviewer must open the document again
    ours = DocumentClaim.objects.filter(document=document, user=user).exclude(_stale(document))
    if ours.update(expires_at=now + claim_ttl()):
        return DocumentClaim.objects.select_related("user").get(document=document)
    claim = claim_live(document=document, now=now)
    if claim is not None:
        raise claim_held_error(claim)
    raise Conflict("You no longer hold this document; open it again.", code="CLAIM_LOST")


def claim_release(*, document: Document, user: User) -> bool:
    """End `user`'s claim; True when there was one. Someone else's claim is left alone."""
    deleted, _ = DocumentClaim.objects.filter(document=document, user=user).delete()
    return bool(deleted)


@transaction.atomic
def claim_take_over(
    *, document: Document, user: User, holder_id: str | None = None
) -> DocumentClaim:
    """Move the claim to `user`, whoever holds it, and record who took it from whom.

    `holder_id` is the public id of the holder the page showed when the reviewer confirmed:
    if the claim changed hands since (or expired), the confirmation was about someone else,
    so `Conflict` (`CLAIM_CHANGED`) asks again. Without `holder_id`, any holder is replaced.
    A free document is simply claimed.
    """
    if document.status != Document.Status.REVIEW_REQUIRED:
        raise InvalidTransition(
            f"Document {document.public_id} is not awaiting review.", code="NOT_IN_REVIEW"
        )
    now = timezone.now()
    claim = claim_live(document=document, now=now)
    if claim is None or claim.user_id == user.pk:
        if holder_id and (claim is None or claim.user.public_id != holder_id):
            raise Conflict(
                "The claim changed since the page was shown: look again.", code="CLAIM_CHANGED"
            )
        return claim_take(document=document, user=user)
    if holder_id and claim.user.public_id != holder_id:
        raise Conflict(
            f"{claim.user.get_username()} holds this document now: look again before taking "
            "it over.",
            code="CLAIM_CHANGED",
        )
    previous = claim.user
    updated = DocumentClaim.objects.filter(pk=claim.pk, user=previous, expires_at__gt=now).update(
        user=user, claimed_at=now, expires_at=now + claim_ttl()
    )
    if not updated:  # released, expired or taken by a third person meanwhile
        raise Conflict(
            "The claim changed while you were taking it over: look again.", code="CLAIM_CHANGED"
        )
    actor = Actor(user=user)
    ReviewDecision.objects.create(
        workspace_id=document.workspace_id,
        document=document,
        action=ReviewDecision.Action.CLAIM_TAKE_OVER,
        old_value=previous.get_username(),
        new_value=user.get_username(),
        reason=f"taken over from {previous.get_username()}",
        **actor.audit_fields(),
    )
    return DocumentClaim.objects.select_related("user").get(pk=claim.pk)


@dataclass(frozen=True)
class ClaimState:
    """What the review page says about the claim: the reader's (`mine`), someone else's
    (`holder`, `holder_id`, `until`), or nobody's on a document no longer held."""

    mine: bool
    holder: str = ""
    holder_id: str = ""
    until: datetime | None = None

    @property
    def held_by_other(self) -> bool:
        return bool(self.holder) and not self.mine


def claim_state(*, document: Document, user: User) -> ClaimState:
    """The claim as `user` sees it; a free document counts as theirs to take (the page claims
    it on opening; a prefetched page claims it once shown)."""
    if document.status != Document.Status.REVIEW_REQUIRED:
        return ClaimState(mine=False)
    claim = claim_live(document=document)
    if claim is None:
        return ClaimState(mine=True)
    return ClaimState(
        mine=claim.user_id == user.pk,
        holder=claim.user.get_username(),
        holder_id=claim.user.public_id,
        until=claim.expires_at,
    )


def claim_open(*, document: Document, user: User) -> ClaimState:
    """Opening the review page: claim the held document for `user` when nobody else holds
    it (renew it when they do already), then say how the claim stands."""
    if document.status == Document.Status.REVIEW_REQUIRED:
        with contextlib.suppress(ClaimHeld):
            claim_take(document=document, user=user)
    return claim_state(document=document, user=user)


CLAIM_ACTIONS = ("take", "take_over", "release")


def claim_change(*, document: Document, user: User, action: str, holder_id: str = "") -> ClaimState:
    """The review page's claim buttons: take (after a page swapped in), take over (confirmed
    against the holder the page showed), release."""
    if action == "take":
        claim_take(document=document, user=user)
    elif action == "take_over":
        claim_take_over(document=document, user=user, holder_id=holder_id or None)
    elif action == "release":
        claim_release(document=document, user=user)
    else:
        raise ValidationFailed.for_field("action", f"one of {', '.join(CLAIM_ACTIONS)}.")
    return claim_state(document=document, user=user)


def claim_guard(*, document: Document, actor: Actor) -> DocumentClaim | None:
    """Refuse a decision by `actor` while someone else holds a live claim; a person's decision
    claims (or renews) the document for them. Called by every decision service after it
    locked the document row, so decisions on one document run one at a time. A document not
    held for review has no claims; the decision service judges its state."""
    if document.status != Document.Status.REVIEW_REQUIRED:
        return None
    if actor.user is not None:
        return claim_take(document=document, user=actor.user)
    if actor.api_key is not None:
        claim = claim_live(document=document)
        if claim is not None:
            raise claim_held_error(claim)
    return None


def claim_end(*, document: Document) -> None:
    """The document's review ended (approved, rejected): whoever held it, it is free now."""
    DocumentClaim.objects.filter(document=document).delete()


CLAIM_NEXT_TRIES = 20
"""How many candidates "Start reviewing" tries when others keep winning them."""


def claim_next(*, documents: QuerySet[Document], user: User) -> Document | None:
    """Claim the first document of `documents` (a filtered, sorted queue) that nobody else
    is reviewing, for `user`; None when there is none. A document lost to a faster reviewer
    between the read and the claim is passed over for the next."""
    candidates = selectors.review_queue_unclaimed(documents=documents, user=user)
    for document in candidates[:CLAIM_NEXT_TRIES]:
        try:
            claim_take(document=document, user=user)
        except ClaimHeld:
            continue
        return document
    return None
