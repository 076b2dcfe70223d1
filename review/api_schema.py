"""OpenAPI declarations of the review API (`review.api`): its query, request and response shapes.

Kept apart from the views as drf-spectacular view extensions, loaded by `config.api_schema` when
the schema is generated; the JSON itself is still written by `review.serializers`
(`tests/config/test_openapi.py` checks the two agree). These can move into `@extend_schema`
decorators on the views at any time; the schema would not change.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiViewExtension
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.views import APIView

from cases.apikit.schema import responses
from extraction.api_schema import FieldResultOutput
from review.serializers import FieldDecisionInput, RejectInput


class QueueItemOutput(serializers.Serializer):
    document_id = serializers.CharField()
    filename = serializers.CharField()
    case_id = serializers.CharField()
    casetype_id = serializers.CharField()
    templateName = serializers.CharField()
    assigned_to = serializers.CharField(allow_null=True)
    flagged_field_count = serializers.IntegerField(help_text="Fields still waiting for a decision.")
    review_required_at = serializers.DateTimeField(allow_null=True)


class ReviewQueueEnvelope(serializers.Serializer):
    success = serializers.BooleanField()
    documents = QueueItemOutput(many=True)
    total = serializers.IntegerField()
    limit = serializers.IntegerField()
    offset = serializers.IntegerField()


class ReviewFieldOutput(FieldResultOutput):
    key = serializers.CharField()
    type = serializers.CharField(help_text="The field's type, e.g. text, date, money, table.")
    flags = serializers.ListField(
        child=serializers.JSONField(), help_text="Why the gate holds this field."
    )
    pending = serializers.BooleanField(help_text="Still waiting for a decision.")
    rows = serializers.ListField(
        child=serializers.DictField(child=serializers.JSONField()),
        allow_null=True,
        help_text="A table's rows, each cell with its value, confidence and box.",
    )


class FieldDecisionEnvelope(serializers.Serializer):
    success = serializers.BooleanField()
    field = ReviewFieldOutput()


class ReviewJobBriefOutput(serializers.Serializer):
    id = serializers.UUIDField()
    status = serializers.CharField()


class DocumentStateOutput(serializers.Serializer):
    document_id = serializers.CharField()
    status = serializers.CharField()
    case_id = serializers.CharField()
    job = ReviewJobBriefOutput(allow_null=True)


class DocumentDecisionEnvelope(serializers.Serializer):
    success = serializers.BooleanField()
    document = DocumentStateOutput()


def documented(view: type[APIView], **methods: Any) -> type[APIView]:
    """A subclass of `view` carrying the declarations, so the view itself is left as it is."""
    subclass = type(view.__name__, (view,), {"__module__": __name__})
    return extend_schema_view(**methods)(subclass)


class ReviewQueueSchema(OpenApiViewExtension):
    target_class = "review.api.ReviewQueueApi"

    def view_replacement(self) -> type[APIView]:
        return documented(
            self.target_class,
            get=extend_schema(
                operation_id="review_queue",
                summary="Documents waiting for review, oldest first",
                responses=responses({200: ReviewQueueEnvelope}, 400),
            ),
        )


class FieldDecisionSchema(OpenApiViewExtension):
    target_class = "review.api.FieldDecisionApi"

    def view_replacement(self) -> type[APIView]:
        return documented(
            self.target_class,
            post=extend_schema(
                operation_id="review_field_decide",
                summary="Approve or correct one field (a table cell by row and column)",
                request=FieldDecisionInput,
                responses=responses(
                    {200: FieldDecisionEnvelope},
                    400,
                    (404, "No such document in review, or no such field."),
                    (409, "The document is not in review (NOT_IN_REVIEW)."),
                ),
            ),
        )


DOCUMENT_DECISION_ERRORS = (
    (404, "No such document in review."),
    (409, "The document is not in review, or fields are still pending (FIELDS_PENDING)."),
)


class DocumentApproveSchema(OpenApiViewExtension):
    target_class = "review.api.DocumentApproveApi"

    def view_replacement(self) -> type[APIView]:
        return documented(
            self.target_class,
            post=extend_schema(
                operation_id="review_document_approve",
                summary="Approve a document once no field is pending; releases its result",
                request=None,
                responses=responses({200: DocumentDecisionEnvelope}, *DOCUMENT_DECISION_ERRORS),
            ),
        )


class DocumentRejectSchema(OpenApiViewExtension):
    target_class = "review.api.DocumentRejectApi"

    def view_replacement(self) -> type[APIView]:
        return documented(
            self.target_class,
            post=extend_schema(
                operation_id="review_document_reject",
                summary="Reject a document, with the reason",
                request=RejectInput,
                responses=responses(
                    {200: DocumentDecisionEnvelope}, 400, *DOCUMENT_DECISION_ERRORS
                ),
            ),
        )
