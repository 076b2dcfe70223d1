"""Reviewer decisions: who approved, corrected or rejected what, when, and what it was before.

Nothing a reviewer does is lost: every decision is a row, written in the same transaction as
the change it made (SPEC §2, "ReviewDecision").
"""

from datetime import datetime

from django.conf import settings
from django.db import models

from cases.models import ApiKey, Document, Workspace

UNDO_REASON_PREFIX = "undo of "
"""An undone decision is recorded as a field change whose reason starts with this."""


class ReviewDecision(models.Model):
    class Action(models.TextChoices):
        FIELD_APPROVE = "field_approve", "Field approved"
        FIELD_CORRECT = "field_correct", "Field corrected"
        DOCUMENT_APPROVE = "document_approve", "Document approved"
        DOCUMENT_REJECT = "document_reject", "Document rejected"
        DOCUMENT_POSTPONE = "document_postpone", "Document postponed"
        FIELD_RESET = "field_reset", "Field reset to the machine value"
        DECISION_UNDO = "decision_undo", "Decision undone"
        ROW_ADD = "row_add", "Table row added"
        ROW_DELETE = "row_delete", "Table row deleted"
        ROW_MOVE = "row_move", "Table row moved"
        CLAIM_TAKE_OVER = "claim_take_over", "Claim taken over"

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="decisions")
    action = models.CharField(max_length=30, choices=Action.choices)
    field_key = models.CharField(max_length=63, blank=True)
    row = models.PositiveIntegerField(null=True, blank=True)
    column = models.CharField(max_length=63, blank=True)
    old_value = models.JSONField(null=True, blank=True)
    new_value = models.JSONField(null=True, blank=True)
    reason = models.TextField(blank=True)
    before = models.JSONField(
        null=True,
        blank=True,
        help_text="The field as it stood before this decision, so it can be undone or reset.",
    )
    undone = models.BooleanField(default=False)
    actor_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_api_key = models.ForeignKey(
        ApiKey, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_label = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        target = f" {self.field_key}" if self.field_key else ""
        return f"{self.get_action_display()}{target} by {self.actor_label}"


class DocumentClaim(models.Model):
    """Who is reviewing a document right now, and until when (SPEC §7, issue 13 item 5).

    One row per document at most. Opening the review page claims the document for
    `CASEFILE_REVIEW_CLAIM_SECONDS`; each decision renews it; approving, rejecting, postponing,
    skipping or "Release" ends it (the row is deleted). A claim whose `expires_at` has passed is
    free: anyone may claim it. Transitions live in `review.claims`, each a compare-and-set:
      free (no row, or expired) -> held by U      (claim_take)
      held by U -> held by U, later expiry        (claim_renew, and every decision of U)
      held by U -> free                           (claim_release)
      held by U -> held by V                      (claim_take_over, recorded as a decision)
    """

    document = models.OneToOneField(Document, on_delete=models.CASCADE, related_name="review_claim")
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    claimed_at = models.DateTimeField()
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.document_id} claimed by {self.user_id} until {self.expires_at}"

    def is_live(self, now: datetime) -> bool:
        return self.expires_at > now
