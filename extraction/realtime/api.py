"""Seed 002's document status, realtime token and the SSE stream (thin views).

`GET /status/{document_id}` (and `/api/v1/status/...`) answers the status in the seed's flat
shape, with `?wait=` long poll; `POST /ws/token` mints the token; `GET /api/v1/events` checks
the token and the documents, answering the JSON error envelope when refused, and otherwise
streams `text/event-stream` from an async iterator (uvicorn serves it without a thread).
"""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.http import HttpRequest, StreamingHttpResponse
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.authentication import BaseAuthentication
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from cases.apikeys import keys_from_request
from cases.apikit.authentication import ApiPrincipal, request_api_key, request_workspace
from cases.apikit.schema import error_responses, responses
from cases.models import ApiKey
from extraction.realtime.api_schema import (
    DOCUMENT_ID,
    LAST_EVENT_ID,
    TOKEN,
    WAIT,
    DocumentStatusOutput,
    RealtimeTokenOutput,
    StatusEventOutput,
)
from extraction.realtime.feed import subscription_open
from extraction.realtime.status import status_subject, status_wait_for_change, subject_status
from extraction.realtime.streams import sse_stream
from extraction.realtime.tokens import realtime_token_mint, realtime_token_verify
from extraction.serializers import timestamp

DOCUMENT_NOT_FOUND = (404, "No such document in your workspace (DOCUMENT_NOT_FOUND).")
SSE_PATH = "/api/v1/events"
WS_PATH = "/ws/status"


class StatusWaitInput(serializers.Serializer):
    wait = serializers.IntegerField(required=False, min_value=0, max_value=3600, default=0)


class DocumentStatusApi(APIView):
    @extend_schema(
        operation_id="document_status",
        summary="A document's status (long poll with ?wait=)",
        parameters=[WAIT],
        responses=responses({200: DocumentStatusOutput}, 400, DOCUMENT_NOT_FOUND),
    )
    def get(self, request: Request, document_id: str) -> Response:
        params = StatusWaitInput(data=request.query_params)
        params.is_valid(raise_exception=True)
        workspace = request_workspace(request)
        subject = status_subject(workspace=workspace, document_id=document_id)
        if params.validated_data["wait"]:
            status_wait_for_change(
                subject=subject, document_id=document_id, seconds=params.validated_data["wait"]
            )
            subject = status_subject(workspace=workspace, document_id=document_id)
        return Response(subject_status(subject, document_id))


class RealtimeTokenApi(APIView):
    @extend_schema(
        operation_id="realtime_token",
        summary="Mint a short-lived token for the SSE and WebSocket streams",
        request=None,
        responses=responses({200: RealtimeTokenOutput}),
    )
    def post(self, request: Request) -> Response:
        minted = realtime_token_mint(api_key=request_api_key(request))
        sse_url = request.build_absolute_uri(SSE_PATH) + f"?token={minted.token}"
        ws_url = request.build_absolute_uri(WS_PATH).replace("http", "ws", 1)
        return Response(
            {
                "token": minted.token,
                "expires_at": timestamp(minted.expires_at),
                "sse_url": sse_url,
                "ws_url": f"{ws_url}?token={minted.token}",
            }
        )


class FirstRendererNegotiation(BaseContentNegotiation):
    """EventSource sends `Accept: text/event-stream`; errors before the stream are JSON."""

    def select_parser(self, request: Request, parsers: Any) -> Any:
        return parsers[0] if parsers else None

    def select_renderer(self, request: Request, renderers: Any, format_suffix: Any = None) -> Any:
        return (renderers[0], renderers[0].media_type)


class RealtimeTokenAuthentication(BaseAuthentication):
    """The `token` query parameter stands for the key that minted it (EventSource cannot send
    headers), so the per-key rate limit applies; a refused token is the view's 401/403."""

    def authenticate(self, request: Request) -> tuple[ApiPrincipal, ApiKey]:
        grant = realtime_token_verify(request.query_params.get("token"))
        api_key = ApiKey.objects.select_related("workspace").get(pk=grant.api_key_id)
        return ApiPrincipal(api_key=api_key), api_key

    def authenticate_header(self, request: Request) -> str:
        return "Bearer"


class EventStreamApi(APIView):
    """Authenticated by the realtime token alone: no API key is needed."""

    authentication_classes = [RealtimeTokenAuthentication]
    content_negotiation_class = FirstRendererNegotiation

    @extend_schema(
        operation_id="realtime_events",
        summary="Server-sent events: status events of the documents named (or all)",
        parameters=[TOKEN, DOCUMENT_ID, LAST_EVENT_ID],
        responses={
            (200, "text/event-stream"): OpenApiResponse(
                StatusEventOutput,
                description="A stream: `id: N` and `data: {event JSON}` per event, a "
                "`: heartbeat` comment when idle; it ends after the stream lifetime and "
                "the client reconnects with Last-Event-ID.",
            ),
            **error_responses(
                (400, "Malformed Last-Event-ID, or more than 100 documents."),
                (
                    401,
                    "Missing, altered or expired token (TOKEN_REQUIRED, TOKEN_INVALID, "
                    "TOKEN_EXPIRED).",
                ),
                (
                    403,
                    "The key that minted the token was revoked (TOKEN_REVOKED), or an API "
                    "key of another workspace came with it (TOKEN_FOREIGN).",
                ),
                (404, "A document_id is not a document of the token's workspace."),
            ),
        },
    )
    def get(self, request: Request) -> StreamingHttpResponse:
        django_request: HttpRequest = request._request
        subscription = subscription_open(
            grant=realtime_token_verify(request.query_params.get("token")),
            document_ids=request.query_params.getlist("document_id"),
            last_event_id=django_request.headers.get("Last-Event-ID")
            or request.query_params.get("last_event_id"),
            api_key_hashes=[ApiKey.hash_key(key) for key in keys_from_request(django_request)],
        )
        if not connection.in_atomic_block:
            connection.close()  # the stream lasts minutes; its reads open their own
        response = StreamingHttpResponse(sse_stream(subscription), content_type="text/event-stream")
        response["Cache-Control"] = "no-cache, no-transform"
        response["X-Accel-Buffering"] = "no"
        return response
