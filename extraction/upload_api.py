"""`POST /upload` and `POST /api/v1/upload` (seed 002): one document by URL or base64.

A thin view: the body is parsed here (shape only: exactly one of `url` and `file_base64`,
strict base64, sizes, the metadata's bounds) into an `extraction.upload.UploadRequest`, and
`upload_create` does the rest. The answer is seed 002's flat shape with the status and realtime
URLs of the document.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import unicodedata
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

from django.conf import settings
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from cases.apikit.authentication import api_actor, request_workspace
from cases.apikit.parsers import BoundedJSONParser
from cases.apikit.schema import responses
from cases.errors import DomainError, ValidationFailed
from extraction.realtime.status import status_url
from extraction.serializers import timestamp
from extraction.upload import UploadRequest, upload_create

KNOWN_FIELDS = frozenset(
    {"url", "file_base64", "file_name", "casetype_id", "templateName", "filterName"}
)
MAX_METADATA_KEYS = 50
MAX_METADATA_BYTES = 16 * 1024
WS_PATH = "/ws/status"
_DATA_URL = re.compile(r"^data:[\w.+/-]*(;[\w.+-]+=[\w.+-]+)*;base64,", re.IGNORECASE)


class UploadInput(serializers.Serializer):
    url = serializers.CharField(
        required=False, max_length=2000, help_text="An http(s) URL the worker downloads."
    )
    file_base64 = serializers.CharField(
        required=False,
        trim_whitespace=False,
        help_text="The file's bytes in standard base64 (a `data:...;base64,` prefix is allowed).",
    )
    file_name = serializers.CharField(
        required=False, max_length=255, help_text="Required with file_base64."
    )
    casetype_id = serializers.CharField(required=False, max_length=40)
    templateName = serializers.CharField(required=False, max_length=100)
    filterName = serializers.CharField(
        required=False,
        max_length=100,
        help_text="Classify among this filter's case types; the default filter when none of "
        "casetype_id, templateName and filterName is given.",
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        sources = [name for name in ("url", "file_base64") if name in attrs]
        if len(sources) != 1:
            message = (
                "Give either url or file_base64, not both."
                if sources
                else "Give url or file_base64."
            )
            raise serializers.ValidationError({"url": [message], "file_base64": [message]})
        targets = [name for name in ("casetype_id", "templateName", "filterName") if name in attrs]
        if len(targets) > 1:
            raise serializers.ValidationError(
                {name: [f"Give at most one of {', '.join(targets)}."] for name in targets}
            )
        if "file_base64" in attrs and not attrs.get("file_name"):
            raise serializers.ValidationError({"file_name": ["Required with file_base64."]})
        return attrs


class UploadOutput(serializers.Serializer):
    document_id = serializers.CharField()
    workflow_id = serializers.CharField(
        allow_null=True, help_text="The case type; null while a filter is still classifying."
    )
    job_id = serializers.CharField(help_text="The extraction job (`/api/v1/extraction-jobs/…`).")
    status = serializers.CharField(help_text="The document's status, `queued` at first.")
    created_at = serializers.DateTimeField()
    status_url = serializers.CharField()
    ws_url = serializers.CharField()


class UploadApi(APIView):
    """Seed 002's upload; JSON only."""

    parser_classes = [BoundedJSONParser]

    @extend_schema(
        operation_id="upload",
        summary="Upload one document by URL or base64 and start its extraction",
        request=UploadInput,
        examples=[
            OpenApiExample(
                "By URL",
                value={
                    "url": "https://example.com/claims/123/scope.pdf",
                    "file_name": "claim-123-scope.pdf",
                    "xn_address": "restoration-team@example.xn",
                },
                request_only=True,
            )
        ],
        responses=responses(
            {202: OpenApiResponse(UploadOutput, description="Accepted; extraction is queued.")},
            (
                400,
                "Bad body: both or neither of url/file_base64, invalid base64 "
                "(INVALID_BASE64), a URL refused on its face (URL_NOT_ALLOWED), an unsupported "
                "file (UNSUPPORTED_FILE_TYPE), no case type and no default filter.",
            ),
            (402, "The workspace's page credits would be exceeded (INSUFFICIENT_CREDITS)."),
            (404, "No such case type, template or filter (CASETYPE_NOT_FOUND, ...)."),
            (413, "The file (FILE_TOO_LARGE) or the body (PAYLOAD_TOO_LARGE) is over the limit."),
            (415, "The body is not JSON (UNSUPPORTED_MEDIA_TYPE)."),
        ),
    )
    def post(self, request: Request) -> Response:
        upload = upload_request_parse(request.data)
        result = upload_create(
            workspace=request_workspace(request), actor=api_actor(request), request=upload
        )
        return Response(
            {
                "document_id": result.document_id,
                "workflow_id": result.case_type.public_id if result.case_type else None,
                "job_id": str(result.job.pk),
                "status": result.status,
                "created_at": timestamp(result.job.created_at),
                "status_url": status_url(result.document_id),
                "ws_url": WS_PATH,
            },
            status=202,
        )


def upload_request_parse(data: Any) -> UploadRequest:
    """The body as an `UploadRequest`; every refusal names its field."""
    if not isinstance(data, dict):
        raise ValidationFailed("The request body must be a JSON object.")
    params = UploadInput(data={key: value for key, value in data.items() if key in KNOWN_FIELDS})
    params.is_valid(raise_exception=True)
    values = params.validated_data
    metadata = _metadata({key: value for key, value in data.items() if key not in KNOWN_FIELDS})
    content = _decoded(values["file_base64"]) if "file_base64" in values else None
    url = values.get("url")
    return UploadRequest(
        file_name=_file_name(values.get("file_name"), url),
        url=url,
        content=content,
        casetype_id=values.get("casetype_id"),
        template_name=values.get("templateName"),
        filter_name=values.get("filterName"),
        metadata=metadata,
    )


def _decoded(text: str) -> bytes:
    """Strict base64: the standard alphabet with correct padding, nothing else (whitespace and
    line breaks included); a `data:` URL prefix is the one thing taken off."""
    text = _DATA_URL.sub("", text, count=1)
    limit = settings.MAX_UPLOAD_BYTES
    if len(text) // 4 * 3 > limit + 2:
        raise _too_large(limit)
    try:
        content = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise ValidationFailed.for_field(
            "file_base64",
            "is not valid base64 (standard alphabet, padded, no whitespace).",
            code="INVALID_BASE64",
        ) from None
    if not content:
        raise ValidationFailed.for_field("file_base64", "the file is empty.")
    if len(content) > limit:
        raise _too_large(limit)
    return content


def _too_large(limit: int) -> DomainError:
    return DomainError(
        f"file_base64: the file is larger than the limit of {limit // (1024 * 1024)} MB.",
        code="FILE_TOO_LARGE",
        status_code=413,
        details={"fields": {"file_base64": ["Over the size limit."]}, "limit_bytes": limit},
    )


def _file_name(given: str | None, url: str | None) -> str:
    """The caller's name, else the URL's last path segment, as a plain file name."""
    raw = given or ""
    if not raw and url:
        raw = unquote(urlsplit(url).path)
    name = unicodedata.normalize("NFC", PurePosixPath(raw.replace("\\", "/")).name.strip())
    if not name:
        if given:
            raise ValidationFailed.for_field("file_name", "must name a file.")
        name = "document"
    return name[:255]


def _metadata(extra: dict[str, Any]) -> dict[str, Any]:
    if len(extra) > MAX_METADATA_KEYS:
        raise ValidationFailed(
            f"At most {MAX_METADATA_KEYS} metadata keys besides the upload's own fields.",
            details={"fields": {"metadata": ["Too many keys."]}},
        )
    for key in extra:
        if not key or len(key) > 100:
            raise ValidationFailed.for_field(key[:100] or "metadata", "keys are 1-100 characters.")
    if len(json.dumps(extra, ensure_ascii=False).encode()) > MAX_METADATA_BYTES:
        raise ValidationFailed(
            f"The metadata keys take more than {MAX_METADATA_BYTES // 1024} KiB.",
            details={"fields": {"metadata": ["Too large."]}},
        )
    return extra
