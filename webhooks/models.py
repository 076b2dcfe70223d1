"""Webhook events: the outbox of everything integrators can subscribe to (SPEC §6).

An event row is written in the same transaction as the state change it announces, with its
payload frozen, so nothing announced can be lost and nothing rolled back is announced.
"""

import uuid

from django.db import models

from cases.models import Workspace


class WebhookEvent(models.Model):
    class Type(models.TextChoices):
        EXTRACTION_COMPLETED = "extraction.completed", "Extraction completed"
        REVIEW_COMPLETED = "review.completed", "Review completed"
        CASE_CREATED = "case.created", "Case created"
        CASE_UPDATED = "case.updated", "Case updated"
        DOCUMENT_UPLOADED = "document.uploaded", "Document uploaded"
        CONVERSION_COMPLETED = "conversion.completed", "Conversion completed"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    workspace = models.ForeignKey(
        Workspace, on_delete=models.CASCADE, related_name="webhook_events"
    )
    type = models.CharField(max_length=40, choices=Type.choices, db_index=True)
    payload = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.type} {self.id}"
