"""OpenAPI declarations shared by every API family.

The error envelope every endpoint answers 4xx/5xx with (one component, `ErrorEnvelope`), the
seed-001 success envelope and the `responses(...)` builder. The views' `@extend_schema`
decorators use them; drf-spectacular reads them when it builds `/api/schema/`. Nothing here runs
while a request is answered, and nothing here may change what a request is answered: the JSON
itself is written by `cases.apikit.envelope`, `cases.apikit.serializers` and each app's
builders, and `tests/config/test_openapi.py` checks that the two agree.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import build_basic_type
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, inline_serializer
from rest_framework import serializers

ERROR_MEANINGS = {
    400: "Bad input; the offending field is named in `error.details.fields`.",
    401: "The API key is missing or invalid.",
    402: "The workspace has no credits left for this.",
    404: "Not found, or not in the caller's workspace.",
    409: "The object's current state does not allow this.",
    410: "Gone: the stored result passed its retention period.",
    413: "The request body, or a file in it, is over the size limit (FILE_TOO_LARGE, ...).",
    422: "The request cannot be processed as sent.",
    429: "Too many requests; retry after `Retry-After` seconds.",
    500: "Processing failed on our side.",
    504: "Processing took longer than the deadline; the work goes on.",
}
ALWAYS = (401, 429)
"""Every operation needs an API key and counts against the key's rate limit."""


class LenientBooleanFieldSchema(OpenApiSerializerFieldExtension):
    """`cases.apikit.serializers.LenientBooleanField` is a boolean (it also takes "yes", 1...)."""

    target_class = "cases.apikit.serializers.LenientBooleanField"

    def map_serializer_field(self, auto_schema: Any, direction: str) -> dict[str, Any]:
        return build_basic_type(OpenApiTypes.BOOL)


class ErrorDetailOutput(serializers.Serializer):
    code = serializers.CharField(help_text="Stable UPPER_SNAKE code, e.g. `JOB_NOT_FOUND`.")
    message = serializers.CharField(help_text="A human sentence.")
    details = serializers.DictField(
        child=serializers.JSONField(),
        help_text="More about the error; `fields` maps each bad field to its messages.",
    )


class ErrorEnvelope(serializers.Serializer):
    """SPEC §5: the one shape of every error, on every endpoint."""

    success = serializers.BooleanField(help_text="Always false.")
    status = serializers.CharField(help_text='Always "error".')
    status_code = serializers.IntegerField(help_text="The HTTP status, repeated.")
    error = ErrorDetailOutput()


RETRY_AFTER = OpenApiParameter(
    "Retry-After",
    OpenApiTypes.INT,
    location=OpenApiParameter.HEADER,
    response=[429],
    description="Seconds to wait before the next request.",
)


def error_responses(*codes: int | tuple[int, str]) -> dict[int, OpenApiResponse]:
    """The error envelope under each status code, 401 and 429 always included.

    A code may come with its own description, `(409, "... RESULT_NOT_READY ...")`, to name the
    error codes the operation answers with it.
    """
    described = dict.fromkeys(ALWAYS, "")
    for code in codes:
        number, text = code if isinstance(code, tuple) else (code, "")
        described[number] = text
    return {
        number: OpenApiResponse(ErrorEnvelope, description=text or ERROR_MEANINGS[number])
        for number, text in sorted(described.items())
    }


def success_envelope(
    name: str, data: serializers.Field, *, message: bool = False
) -> serializers.Serializer:
    """Seed 001's `{"status": "success", "status_code", "message"?, "data"}` around `data`."""
    fields: dict[str, Any] = {
        "status": serializers.CharField(help_text='Always "success".'),
        "status_code": serializers.IntegerField(),
    }
    if message:
        fields["message"] = serializers.CharField()
    fields["data"] = data
    return inline_serializer(name, fields=fields)


def responses(
    success: dict[int, Any], *errors: int | tuple[int, str]
) -> dict[int, OpenApiResponse | Any]:
    """One operation's responses: its success bodies and its errors."""
    return {**success, **error_responses(*errors)}
