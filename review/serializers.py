"""Shapes of the review API: input checks shape only; decisions live in `review.services`."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from cases.apikit.pagination import MAX_OFFSET
from cases.models import Document
from extraction.engine.types import FieldType
from extraction.models import DocumentField
from extraction.results import field_result


class FieldDecisionInput(serializers.Serializer):
    action = serializers.ChoiceField(choices=["approve", "correct"])
    value = serializers.JSONField(required=False, allow_null=True)
    row = serializers.IntegerField(required=False, min_value=0)
    column = serializers.CharField(required=False, max_length=63)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs["action"] == "correct" and "value" not in self.initial_data:
            raise serializers.ValidationError({"value": ["Required to correct a field."]})
        return attrs


class RejectInput(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)


class QueueInput(serializers.Serializer):
    casetype_id = serializers.CharField(required=False, max_length=40)
    assigned_to = serializers.CharField(required=False, max_length=40)
    limit = serializers.IntegerField(required=False, min_value=1, max_value=100, default=20)
    offset = serializers.IntegerField(required=False, min_value=0, max_value=MAX_OFFSET, default=0)


def field_representation(field: DocumentField) -> dict[str, Any]:
    return {
        "key": field.key,
        "type": field.field_type,
        **field_result(field),
        "flags": field.flags,
        "pending": field.is_pending,
        "rows": field.rows if field.field_type == FieldType.TABLE else None,
    }


def queue_item(document: Document) -> dict[str, Any]:
    return {
        "document_id": document.public_id,
        "filename": document.filename,
        "case_id": document.case.public_id,
        "casetype_id": document.case.case_type.public_id,
        "templateName": document.case.case_type.slug,
        "assigned_to": document.case.assigned_to.public_id if document.case.assigned_to else None,
        "flagged_field_count": document.pending_count,
        "review_required_at": document.review_required_at,
    }


def document_state(document: Document) -> dict[str, Any]:
    job = document.jobs.order_by("-created_at").first()
    return {
        "document_id": document.public_id,
        "status": document.status,
        "case_id": document.case.public_id,
        "job": {"id": str(job.pk), "status": job.status} if job else None,
    }
