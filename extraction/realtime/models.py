"""The status-event log the realtime streams serve (SPEC §5, seed 002).

Append-only: one row each time a document's status snapshot changes, written by whichever
process changed it (web or worker), so any web process can stream it. The auto-increment
primary key is the SSE event id; a reader resumes after the id a client last saw
(`Last-Event-ID`).
"""

from __future__ import annotations

from django.db import models

from cases.models import Document, Workspace


class StatusEvent(models.Model):
    class Type(models.TextChoices):
        DOCUMENT_STATUS = "document.status", "Document status"

    id = models.BigAutoField(primary_key=True)
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    document = models.ForeignKey(
        Document,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text="Empty while an upload job classifies the document it promised.",
    )
    document_public_id = models.CharField(max_length=40, db_index=True)
    type = models.CharField(max_length=40, choices=Type.choices, default=Type.DOCUMENT_STATUS)
    data = models.JSONField(help_text="The document's status, as GET /status/{id} answers it.")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["id"]
        indexes = [
            models.Index(fields=["workspace", "id"], name="status_event_workspace_id"),
            models.Index(fields=["document", "id"], name="status_event_document_id"),
            models.Index(fields=["document_public_id", "id"], name="status_event_public_id"),
        ]

    def __str__(self) -> str:
        return f"{self.type} #{self.pk}"
