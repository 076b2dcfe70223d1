"""Reviewer decisions: who approved, corrected or rejected what, when, and what it was before.

Nothing a reviewer does is lost: every decision is a row, written in the same transaction as
the change it made (SPEC §2, "ReviewDecision").
"""

from django.conf import settings
from django.db import models

from cases.models import ApiKey, Document, Workspace


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
