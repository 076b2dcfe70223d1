"""Shapes of the review API: input checks shape only; decisions live in `review.services`."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from rest_framework import serializers
from rest_framework.request import Request

from cases.models import Document
from extraction.engine.types import FieldType
from extraction.models import DocumentField
from extraction.results import field_result
from review import page_images
from review.field_rows import (
    CELL_ISSUE_LABELS,
    document_flag_reasons,
    document_threshold,
    flag_label,
)
from review.models import DocumentClaim


class FieldDecisionInput(serializers.Serializer):
    action = serializers.ChoiceField(
        choices=["approve", "correct", "reset"],
        help_text=(
            "approve: the value as read; correct: set it to `value` (one table cell with `row` "
            "and `column`); reset: put back what the engine read (value, box, cells and flags; "
            "held again if the gate held it)."
        ),
    )
    value = serializers.JSONField(required=False, allow_null=True)
    row = serializers.IntegerField(required=False, min_value=0)
    column = serializers.CharField(required=False, max_length=63)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs["action"] == "correct" and "value" not in self.initial_data:
            raise serializers.ValidationError({"value": ["Required to correct a field."]})
        if attrs["action"] != "correct":
            for name in ("row", "column"):
                if name in attrs:
                    raise serializers.ValidationError(
                        {
                            name: [
                                "Only a correction names a table cell; "
                                f"{attrs['action']} acts on the whole field."
                            ]
                        }
                    )
        return attrs


class UndoInput(serializers.Serializer):
    key = serializers.CharField(
        required=False,
        max_length=63,
        help_text=(
            "The field whose decision the client means to undo: when the key's last decision "
            "is on another field (a retry after the first undo went through), nothing is undone "
            "and the answer is 409 UNDO_FIELD_MISMATCH."
        ),
    )


class RejectInput(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)


class PageImageInput(serializers.Serializer):
    width = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=10_000,
        default=page_images.DEFAULT_WIDTH,
        help_text=f"Pixels wide; snapped up to one of {', '.join(map(str, page_images.WIDTHS))}.",
    )


class QueueInput(serializers.Serializer):
    casetype_id = serializers.CharField(required=False, max_length=40)
    assigned_to = serializers.CharField(required=False, max_length=40)
    unclaimed = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Only documents nobody is reviewing in the browser now (no live claim).",
    )


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
        "document_flags": document_flag_reasons(document),
        "review_required_at": document.review_required_at,
        "claimed_by": getattr(document, "claimed_by_public_id", None),
        "claimed_until": getattr(document, "claimed_until", None),
    }


def document_state(document: Document) -> dict[str, Any]:
    job = document.jobs.order_by("-created_at").first()
    return {
        "document_id": document.public_id,
        "status": document.status,
        "case_id": document.case.public_id,
        "job": {"id": str(job.pk), "status": job.status} if job else None,
    }


def flag_reasons(flags: list[str]) -> list[dict[str, str]]:
    """Each gate flag with the sentence the review page shows for it."""
    return [{"flag": flag, "reason": flag_label(flag)} for flag in flags]


def _cells(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A table's rows with each cell's failed checks explained."""
    return [
        {
            column: {
                **cell,
                "issue_reasons": [
                    CELL_ISSUE_LABELS.get(issue, issue) for issue in cell.get("issues") or ()
                ],
            }
            for column, cell in row.items()
        }
        for row in rows
    ]


def review_fields(document: Document) -> list[dict[str, Any]]:
    """The document's fields as the review page shows them: held ones first."""
    specs = {spec["key"]: spec for spec in document.case.case_type.field_schema}
    ordered = sorted(document.fields.all(), key=lambda f: (not f.is_pending, f.position, f.pk))
    fields = []
    for field in ordered:
        spec = specs.get(field.key, {})
        body = field_representation(field)
        body.update(
            label=str(spec.get("label") or field.key),
            required=bool(spec.get("required")),
            flagged=field.flagged,
            flag_reasons=flag_reasons(field.flags),
            machineValue=field.machine_value,
            machineConfidence=field.machine_confidence,
            rows=_cells(field.rows) if field.field_type == FieldType.TABLE else None,
        )
        fields.append(body)
    return fields


def document_review(
    document: Document, request: Request, *, claim: DocumentClaim | None = None
) -> dict[str, Any]:
    """A document with its fields and pages (size, image and words URLs), and who reviews it
    in the browser now (`claim`, a live one: decisions answer 409 CLAIMED until it ends)."""
    pages = []
    for page in document.pages.all():
        args = [document.public_id, page.number]
        pages.append(
            {
                "number": page.number,
                "width": page.width,
                "height": page.height,
                "rotation": page.rotation,
                "text_source": page.text_source,
                "image_url": request.build_absolute_uri(
                    reverse("review-api:page-image", args=args)
                ),
                "words_url": request.build_absolute_uri(
                    reverse("review-api:page-words", args=args)
                ),
            }
        )
    fields = review_fields(document)
    return {
        **document_state(document),
        "filename": document.filename,
        "casetype_id": document.case.case_type.public_id,
        "templateName": document.case.case_type.slug,
        "review_threshold": document_threshold(document),
        "pending_count": sum(1 for f in fields if f["pending"]),
        "document_flags": document_flag_reasons(document),
        "claimed_by": claim.user.public_id if claim else None,
        "claimed_until": claim.expires_at if claim else None,
        "pages": pages,
        "fields": fields,
    }
