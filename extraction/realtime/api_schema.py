"""OpenAPI declarations of the status and realtime endpoints (seed 002's shapes).

Read only when the schema is built; the JSON itself is written by
`extraction.realtime.status.document_status` and `extraction.realtime.api`.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, inline_serializer
from rest_framework import serializers

from extraction.models import ExtractionJob

STATES_HELP = "One of: " + ", ".join(ExtractionJob.StepState.values) + "."


class StepsOutput(serializers.Serializer):
    """Each step's state: `pending`, `in_progress`, `complete` or `skipped`."""

    ocr = serializers.CharField(help_text=STATES_HELP)
    structure = serializers.CharField(help_text=STATES_HELP)
    classification = serializers.CharField(help_text=STATES_HELP)
    extraction = serializers.CharField(help_text=STATES_HELP)
    review = serializers.CharField(help_text=STATES_HELP)


class StatusErrorOutput(serializers.Serializer):
    code = serializers.CharField()
    message = serializers.CharField()


class DocumentStatusOutput(serializers.Serializer):
    document_id = serializers.CharField()
    status = serializers.ChoiceField(
        choices=["uploaded", "queued", "processing", "review_required", "processed", "failed"]
    )
    progress = StepsOutput(help_text="Each step's state.")
    progress_percent = serializers.IntegerField(min_value=0, max_value=100)
    workflow_complete = serializers.BooleanField(help_text="Processed or failed.")
    completed_at = serializers.DateTimeField(allow_null=True)
    updated_at = serializers.DateTimeField()
    queue_position = serializers.IntegerField(
        allow_null=True, help_text="1 for the next job a worker takes; null unless queued."
    )
    duplicate_of = serializers.CharField(
        allow_null=True, help_text="The earlier document with the same content, if any."
    )
    workflow_id = serializers.CharField(
        allow_null=True, help_text="The case type's id (null while a filter is choosing it)."
    )
    case_id = serializers.CharField(allow_null=True)
    job_id = serializers.CharField(allow_null=True)
    filename = serializers.CharField()
    page_count = serializers.IntegerField(allow_null=True)
    error = StatusErrorOutput(allow_null=True, help_text="Set when the document failed.")
    status_url = serializers.CharField()


class RealtimeTokenOutput(serializers.Serializer):
    token = serializers.CharField()
    expires_at = serializers.DateTimeField()
    sse_url = serializers.URLField(help_text="Absolute; carries the token already.")
    ws_url = serializers.CharField(help_text="Absolute (ws:// or wss://); carries the token.")


StatusEventOutput = inline_serializer(
    "StatusEventOutput",
    fields={
        "id": serializers.IntegerField(help_text="Also the SSE `id:`; resume after it."),
        "type": serializers.ChoiceField(choices=["document.status"]),
        "data": DocumentStatusOutput(),
    },
)
"""One event of the stream (the `data:` of an SSE event, or one WebSocket message)."""


WAIT = OpenApiParameter(
    "wait",
    int,
    description="Seconds to wait for the status to change (long poll), 0-3600, capped by "
    "the server (CASEFILE_LONG_POLL_MAX_SECONDS).",
)
TOKEN = OpenApiParameter("token", str, required=True, description="From POST /ws/token.")
DOCUMENT_ID = OpenApiParameter(
    "document_id",
    str,
    many=True,
    description="Repeatable; none: every document of the workspace.",
)
LAST_EVENT_ID = OpenApiParameter(
    "Last-Event-ID",
    OpenApiTypes.INT,
    location=OpenApiParameter.HEADER,
    description="Replay every event after this id (EventSource sends it when it reconnects); "
    "also accepted as the `last_event_id` query parameter.",
)


class RealtimeTokenScheme(OpenApiAuthenticationExtension):
    """The SSE stream's credential: the realtime token in the `token` query parameter."""

    target_class = "extraction.realtime.api.RealtimeTokenAuthentication"
    name = "RealtimeToken"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "apiKey",
            "in": "query",
            "name": "token",
            "description": "A short-lived token from POST /ws/token (or /api/v1/ws/token).",
        }
