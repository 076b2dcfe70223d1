"""OpenAPI declarations of the review API (`review.api`): its query, request and response shapes.

Kept apart from the views as drf-spectacular view extensions, loaded by `config.api_schema` when
the schema is generated; the JSON itself is still written by `review.serializers`
(`tests/config/test_openapi.py` checks the two agree). These can move into `@extend_schema`
decorators on the views at any time; the schema would not change.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiViewExtension
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.views import APIView

from cases.apikit.schema import responses
from extraction.api_schema import FieldResultOutput
from review.serializers import FieldDecisionInput, PageImageInput, RejectInput, UndoInput


class FlagReasonOutput(serializers.Serializer):
    flag = serializers.CharField(help_text="The gate's flag, e.g. low_confidence.")
    reason = serializers.CharField(help_text="The sentence the review page shows for it.")


DOCUMENT_FLAGS_HELP = (
    "Why the gate holds the whole document, while it is held: case_type_uncertain when "
    "classification (filterName) chose its case type with a confidence under the threshold."
)


class QueueItemOutput(serializers.Serializer):
    document_id = serializers.CharField()
    filename = serializers.CharField()
    case_id = serializers.CharField()
    casetype_id = serializers.CharField()
    templateName = serializers.CharField()
    assigned_to = serializers.CharField(allow_null=True)
    flagged_field_count = serializers.IntegerField(help_text="Fields still waiting for a decision.")
    document_flags = FlagReasonOutput(many=True, help_text=DOCUMENT_FLAGS_HELP)
    review_required_at = serializers.DateTimeField(allow_null=True)
    claimed_by = serializers.CharField(
        allow_null=True,
        help_text="The user id of the person reviewing it in the browser now (a live claim): "
        "decisions answer 409 CLAIMED until `claimed_until`.",
    )
    claimed_until = serializers.DateTimeField(allow_null=True)


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
            self.target,
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
            self.target,
            post=extend_schema(
                operation_id="review_field_decide",
                summary="Approve, correct (a table cell by row and column) or reset one field",
                request=FieldDecisionInput,
                responses=responses(
                    {200: FieldDecisionEnvelope},
                    400,
                    (404, "No such document in review, or no such field."),
                    (
                        409,
                        "The document is not in review (NOT_IN_REVIEW), or a person is "
                        "reviewing it in the browser (CLAIMED).",
                    ),
                ),
            ),
        )


class UndoEnvelope(serializers.Serializer):
    success = serializers.BooleanField()
    field = ReviewFieldOutput(
        allow_null=True,
        help_text="The field as it now stands; null when there was nothing to undo.",
    )


class DecisionUndoSchema(OpenApiViewExtension):
    target_class = "review.api.DecisionUndoApi"

    def view_replacement(self) -> type[APIView]:
        return documented(
            self.target,
            post=extend_schema(
                operation_id="review_decision_undo",
                summary="Undo this API key's last field decision on the document",
                request=UndoInput,
                responses=responses(
                    {200: UndoEnvelope},
                    400,
                    (404, "No such document in review."),
                    (
                        409,
                        "The document is not in review (NOT_IN_REVIEW), someone decided on that "
                        "field since (DECISION_OVERTAKEN), the last decision is on another field "
                        "than `key` (UNDO_FIELD_MISMATCH), or a person is reviewing it in the "
                        "browser (CLAIMED).",
                    ),
                ),
            ),
        )


DOCUMENT_DECISION_ERRORS = (
    (404, "No such document in review."),
    (
        409,
        "The document is not in review, fields are still pending (FIELDS_PENDING), or a "
        "person is reviewing it in the browser (CLAIMED).",
    ),
)


class DocumentApproveSchema(OpenApiViewExtension):
    target_class = "review.api.DocumentApproveApi"

    def view_replacement(self) -> type[APIView]:
        return documented(
            self.target,
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
            self.target,
            post=extend_schema(
                operation_id="review_document_reject",
                summary="Reject a document, with the reason",
                request=RejectInput,
                responses=responses(
                    {200: DocumentDecisionEnvelope}, 400, *DOCUMENT_DECISION_ERRORS
                ),
            ),
        )


class ReviewDocumentFieldOutput(ReviewFieldOutput):
    label = serializers.CharField()  # type: ignore[assignment]
    required = serializers.BooleanField()  # type: ignore[assignment]
    flagged = serializers.BooleanField(help_text="The gate held it.")
    flag_reasons = FlagReasonOutput(many=True)
    machineValue = serializers.JSONField(allow_null=True, help_text="What the engine read.")  # type: ignore[assignment]
    machineConfidence = serializers.IntegerField()


class ReviewPageOutput(serializers.Serializer):
    number = serializers.IntegerField()
    width = serializers.FloatField(help_text="In the unit of the boxes (PDF points or pixels).")
    height = serializers.FloatField()
    rotation = serializers.IntegerField()
    text_source = serializers.CharField(help_text="text (PDF text layer) or ocr.")
    image_url = serializers.URLField()
    words_url = serializers.URLField()


class ReviewDocumentOutput(DocumentStateOutput):
    filename = serializers.CharField()
    casetype_id = serializers.CharField()
    templateName = serializers.CharField()
    review_threshold = serializers.IntegerField(allow_null=True)
    pending_count = serializers.IntegerField(help_text="Fields still waiting for a decision.")
    document_flags = FlagReasonOutput(many=True, help_text=DOCUMENT_FLAGS_HELP)
    claimed_by = serializers.CharField(
        allow_null=True,
        help_text="The user id of the person reviewing it in the browser now: decisions "
        "answer 409 CLAIMED until `claimed_until`.",
    )
    claimed_until = serializers.DateTimeField(allow_null=True)
    pages = ReviewPageOutput(many=True)
    fields = ReviewDocumentFieldOutput(many=True)  # type: ignore[assignment]


class ReviewDocumentEnvelope(serializers.Serializer):
    success = serializers.BooleanField()
    document = ReviewDocumentOutput()


class ReviewFieldsEnvelope(serializers.Serializer):
    success = serializers.BooleanField()
    fields = ReviewDocumentFieldOutput(many=True)  # type: ignore[assignment]


class PageWordsEnvelope(serializers.Serializer):
    success = serializers.BooleanField()
    page = serializers.IntegerField()
    width = serializers.FloatField()
    height = serializers.FloatField()
    words = serializers.ListField(
        child=serializers.ListField(child=serializers.JSONField()),
        help_text="Each word as [x0, y0, x1, y1, text], from the page's top-left.",
    )


NO_DOCUMENT = (404, "No such document (DOCUMENT_NOT_FOUND).")
PNG_RESPONSE: dict[Any, Any] = {
    (200, "image/png"): OpenApiResponse(OpenApiTypes.BINARY, description="The PNG.")
}
NO_PAGE = (404, "No such document or page (PAGE_NOT_FOUND).")


class ReviewDocumentSchema(OpenApiViewExtension):
    target_class = "review.api.ReviewDocumentApi"

    def view_replacement(self) -> type[APIView]:
        return documented(
            self.target,
            get=extend_schema(
                operation_id="review_document_get",
                summary="A document as the reviewer sees it: fields, flags with reasons, pages",
                responses=responses({200: ReviewDocumentEnvelope}, NO_DOCUMENT),
            ),
        )


class ReviewFieldsSchema(OpenApiViewExtension):
    target_class = "review.api.ReviewFieldsApi"

    def view_replacement(self) -> type[APIView]:
        return documented(
            self.target,
            get=extend_schema(
                operation_id="review_document_fields",
                summary="A document's fields, held ones first, with table cells",
                responses=responses({200: ReviewFieldsEnvelope}, NO_DOCUMENT),
            ),
        )


class PageImageSchema(OpenApiViewExtension):
    target_class = "review.api.PageImageApi"

    def view_replacement(self) -> type[APIView]:
        return documented(
            self.target,
            get=extend_schema(
                operation_id="review_page_image",
                summary="A page of the document as PNG, for drawing its fields' boxes on",
                parameters=[PageImageInput],
                responses=responses(
                    PNG_RESPONSE,
                    400,
                    (404, "No such document or page, or the page cannot be rendered."),
                ),
            ),
        )


class PageWordsSchema(OpenApiViewExtension):
    target_class = "review.api.PageWordsApi"

    def view_replacement(self) -> type[APIView]:
        return documented(
            self.target,
            get=extend_schema(
                operation_id="review_page_words",
                summary="The words of a page with their boxes, to capture values from the page",
                responses=responses({200: PageWordsEnvelope}, NO_PAGE),
            ),
        )
