"""The review API: the queue, a document's fields and page images as the reviewer sees them,
field decisions (approve, correct, reset) and undo, approve and reject (SPEC §5, beyond the
seeds).

The same services and selectors the reviewer UI uses; the actor recorded is the API key. An API
key needs no claim, but its decisions answer 409 `CLAIMED` while a person holds a live claim on
the document (`review.claims`); the queue says who does (`claimed_by`) and `?unclaimed=true`
leaves those documents out. An
integrator's own review screen reads `GET documents/{id}` (fields with values, text,
confidence, flags with reasons, page and box, table cells; pages with their size and image
URL), draws `GET documents/{id}/pages/{n}` (PNG) and, to capture values, the page's words.
"""

from __future__ import annotations

from django.http import FileResponse
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from cases.apikit.authentication import api_actor, request_workspace
from cases.apikit.pagination import LimitOffsetPage
from cases.errors import NotFound
from review import claims, page_images, selectors, services
from review.serializers import (
    FieldDecisionInput,
    PageImageInput,
    QueueInput,
    RejectInput,
    UndoInput,
    document_review,
    document_state,
    field_representation,
    queue_item,
    review_fields,
)

PAGE_CACHE_CONTROL = "private, max-age=604800"


class QueuePage(LimitOffsetPage):
    """`limit` 1-100 (default 20) and `offset`, in the queue's envelope."""

    def get_paginated_response(self, data: list) -> Response:
        return Response(
            {"success": True, "documents": data, "total": self.count, **self.page_fields()}
        )


class ReviewQueueApi(APIView):
    pagination_class = QueuePage

    @extend_schema(
        parameters=[QueueInput, *QueuePage.schema_parameters()], operation_id="review_queue"
    )
    def get(self, request: Request) -> Response:
        params = QueueInput(data=request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        documents = selectors.review_queue(
            workspaces=[request_workspace(request)],
            case_type_id=data.get("casetype_id"),
            assignee_id=data.get("assigned_to"),
        )
        if data["unclaimed"]:
            documents = selectors.review_queue_unclaimed(documents=documents, user=None)
        paginator = QueuePage()
        page = paginator.paginate_queryset(documents, request, view=self)
        return paginator.get_paginated_response([queue_item(document) for document in page])


def _document(request: Request, document_id: str):
    return selectors.document_for_review(
        workspaces=[request_workspace(request)], public_id=document_id
    )


class FieldDecisionApi(APIView):
    @extend_schema(request=FieldDecisionInput)
    def post(self, request: Request, document_id: str, key: str) -> Response:
        document = _document(request, document_id)
        params = FieldDecisionInput(data=request.data)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        field = services.field_decide(
            document=document,
            key=key,
            action=data["action"],
            value=data.get("value"),
            row=data.get("row"),
            column=data.get("column"),
            actor=api_actor(request),
        )
        return Response({"success": True, "field": field_representation(field)})


class DecisionUndoApi(APIView):
    @extend_schema(request=UndoInput)
    def post(self, request: Request, document_id: str) -> Response:
        params = UndoInput(data=request.data)
        params.is_valid(raise_exception=True)
        field = services.decision_undo(
            document=_document(request, document_id),
            actor=api_actor(request),
            key=params.validated_data.get("key"),
        )
        return Response({"success": True, "field": field_representation(field) if field else None})


class DocumentApproveApi(APIView):
    @extend_schema(request=None)
    def post(self, request: Request, document_id: str) -> Response:
        document = services.document_approve(
            document=_document(request, document_id), actor=api_actor(request)
        )
        return Response({"success": True, "document": document_state(document)})


class DocumentRejectApi(APIView):
    @extend_schema(request=RejectInput)
    def post(self, request: Request, document_id: str) -> Response:
        params = RejectInput(data=request.data)
        params.is_valid(raise_exception=True)
        document = services.document_reject(
            document=_document(request, document_id),
            reason=params.validated_data["reason"],
            actor=api_actor(request),
        )
        return Response({"success": True, "document": document_state(document)})


class ReviewDocumentApi(APIView):
    def get(self, request: Request, document_id: str) -> Response:
        document = _document(request, document_id)
        claim = claims.claim_live(document=document)
        return Response(
            {"success": True, "document": document_review(document, request, claim=claim)}
        )


class ReviewFieldsApi(APIView):
    def get(self, request: Request, document_id: str) -> Response:
        return Response({"success": True, "fields": review_fields(_document(request, document_id))})


def _page(request: Request, document_id: str, number: int):
    return selectors.document_page_get(
        workspaces=[request_workspace(request)], public_id=document_id, number=number
    )


class PageImageApi(APIView):
    def get(self, request: Request, document_id: str, number: int) -> FileResponse:
        params = PageImageInput(data=request.query_params)
        params.is_valid(raise_exception=True)
        page = _page(request, document_id, number)
        try:
            path = page_images.document_page_png(page=page, width=params.validated_data["width"])
        except page_images.PageImageError as exc:
            raise NotFound(str(exc), code="PAGE_NOT_RENDERABLE") from None
        response = FileResponse(path.open("rb"), content_type="image/png")
        response["Cache-Control"] = PAGE_CACHE_CONTROL
        return response


class PageWordsApi(APIView):
    def get(self, request: Request, document_id: str, number: int) -> Response:
        page = _page(request, document_id, number)
        return Response(
            {
                "success": True,
                "page": page.number,
                "width": page.width,
                "height": page.height,
                "words": page.words,
            }
        )
