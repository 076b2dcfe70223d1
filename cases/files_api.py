"""The files API (seed 004: `POST /files`, `GET`/`DELETE /files/{id}`, `GET /files/{id}/content`),
the signed download URL of a case's file (seed 001 §2) and the download behind it.

Thin views over `cases.files` and `cases.signed_urls`. Seed 004 answers plain objects; seed
001's URL route keeps its success envelope.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import FileResponse
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from cases import files, selectors
from cases.apikit.authentication import request_workspace
from cases.apikit.schema import ErrorEnvelope, error_responses, responses, success_envelope
from cases.apikit.serializers import LenientBooleanField, success
from cases.errors import ValidationFailed
from cases.files_api_schema import FileOutput, FileUploadInput, SignedUrlOutput
from cases.models import StoredFile
from cases.signed_urls import signed_url_create, signed_url_resolve

NOT_FOUND_FILE = (404, "No such file in your workspace, or it was deleted (FILE_NOT_FOUND).")
GONE_FILE = (410, "The file passed its retention period (FILE_EXPIRED).")
BINARY = OpenApiResponse(OpenApiTypes.BINARY, description="The file's bytes, streamed.")


def binary_responses(*errors: int | tuple[int, str]) -> dict[Any, Any]:
    """The bytes under any media type (`(200, "*/*")`), and the errors in the JSON envelope."""
    return {(200, "*/*"): BINARY, **error_responses(*errors)}


class DownloadInput(serializers.Serializer):
    download = LenientBooleanField(required=False, default=True)


class SignedUrlInput(serializers.Serializer):
    download = LenientBooleanField(required=False, default=False)
    expires_in = serializers.IntegerField(
        required=False, min_value=10, help_text="Seconds the URL works (default 900)."
    )


def file_representation(stored: StoredFile, request: Request | None = None) -> dict[str, Any]:
    path = reverse("cases:file-content", kwargs={"file_id": stored.public_id})
    return {
        "file_id": stored.public_id,
        "filename": stored.filename,
        "size": stored.size,
        "content_type": stored.media_type or files.OCTET_STREAM,
        "sha256": stored.sha256,
        "kind": stored.kind,
        "created_at": stored.created_at,
        "expires_at": stored.expires_at,
        "content_url": request.build_absolute_uri(path) if request else settings.BASE_URL + path,
    }


def file_response(stored: StoredFile, *, download: bool) -> FileResponse:
    """The bytes, streamed, with their type and an RFC 6266 disposition; a type a browser
    could run (HTML, SVG...) is always an attachment and sandboxed."""
    media_type = stored.media_type or files.OCTET_STREAM
    inline_safe = files.file_is_inline_safe(media_type)
    response = FileResponse(
        files.file_open(stored),
        content_type=media_type,
        as_attachment=download or not inline_safe,
        filename=stored.filename,
    )
    response["Content-Length"] = str(stored.size)
    response["X-Content-Type-Options"] = "nosniff"
    response["ETag"] = f'"{stored.sha256}"'
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    if media_type != "application/pdf":  # Chromium's PDF viewer does not run in a sandbox
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


class FileCollectionApi(APIView):
    @extend_schema(
        operation_id="files_create",
        summary="Upload a file (multipart `file`); it expires after the retention period",
        request={"multipart/form-data": FileUploadInput},
        responses=responses(
            {201: FileOutput},
            400,
            (413, "The file is over the upload limit (FILE_TOO_LARGE)."),
        ),
    )
    def post(self, request: Request) -> Response:
        uploads = request.FILES.getlist("file")
        if len(uploads) != 1:
            raise ValidationFailed.for_field(
                "file", "send exactly one file as multipart/form-data field `file`."
            )
        stored = files.file_upload_store(workspace=request_workspace(request), upload=uploads[0])
        return Response(file_representation(stored, request), status=201)


class FileDetailApi(APIView):
    @extend_schema(
        operation_id="files_get",
        summary="A file's name, size, type and expiry",
        responses=responses({200: FileOutput}, NOT_FOUND_FILE, GONE_FILE),
    )
    def get(self, request: Request, file_id: str) -> Response:
        stored = files.file_get(workspace=request_workspace(request), file_id=file_id)
        return Response(file_representation(stored, request))

    @extend_schema(
        operation_id="files_delete",
        summary="Delete a file from the store now; its signed URLs stop working",
        responses=responses(
            {204: None},
            NOT_FOUND_FILE,
            GONE_FILE,
            (409, "A document of a case is this file; it is kept with its case (FILE_IN_USE)."),
        ),
    )
    def delete(self, request: Request, file_id: str) -> Response:
        stored = files.file_get(workspace=request_workspace(request), file_id=file_id)
        files.file_delete_unused(stored=stored)
        return Response(status=204)


class FileSignedUrlOutput(SignedUrlOutput):
    file_id = serializers.CharField()


class FileUrlApi(APIView):
    @extend_schema(
        operation_id="files_url",
        summary="A signed URL that downloads the file without an API key",
        parameters=[
            OpenApiParameter("download", bool, description="Attachment (true) or inline."),
            OpenApiParameter("expires_in", int, description="Seconds; default 900."),
        ],
        responses=responses({200: FileSignedUrlOutput}, 400, NOT_FOUND_FILE, GONE_FILE),
    )
    def get(self, request: Request, file_id: str) -> Response:
        params = SignedUrlInput(data=request.query_params)
        params.is_valid(raise_exception=True)
        stored = files.file_get(workspace=request_workspace(request), file_id=file_id)
        data = _signed_url_data(request, stored, params.validated_data)
        return Response({"file_id": stored.public_id, **data})


class FileUrlsRevokeOutput(serializers.Serializer):
    file_id = serializers.CharField()
    urls_revoked_at = serializers.DateTimeField(
        help_text="Signed URLs issued up to now are refused (410 SIGNED_URL_REVOKED)."
    )


class FileUrlsRevokeApi(APIView):
    @extend_schema(
        operation_id="files_urls_revoke",
        summary="Refuse every signed URL of the file issued so far (new ones work)",
        request=None,
        responses=responses(
            {200: FileUrlsRevokeOutput},
            NOT_FOUND_FILE,
            GONE_FILE,
            (409, "Signed URLs are the object store's presigned URLs (REVOCATION_UNSUPPORTED)."),
        ),
    )
    def post(self, request: Request, file_id: str) -> Response:
        stored = files.file_get(workspace=request_workspace(request), file_id=file_id)
        stored = files.file_urls_revoke(stored=stored)
        return Response({"file_id": stored.public_id, "urls_revoked_at": stored.urls_revoked_at})


class FileContentApi(APIView):
    @extend_schema(
        operation_id="files_content",
        summary="The file's bytes (attachment unless download=false)",
        parameters=[OpenApiParameter("download", bool, description="Default true.")],
        responses=binary_responses(400, NOT_FOUND_FILE, GONE_FILE),
    )
    def get(self, request: Request, file_id: str) -> FileResponse:
        params = DownloadInput(data=request.query_params)
        params.is_valid(raise_exception=True)
        stored = files.file_get(workspace=request_workspace(request), file_id=file_id)
        return file_response(stored, download=params.validated_data["download"])


class CaseFileUrlApi(APIView):
    @extend_schema(
        operation_id="cases_files_url",
        summary="A signed URL that downloads one file of the case without an API key",
        parameters=[
            OpenApiParameter("download", bool, description="Attachment (true) or inline."),
            OpenApiParameter("expires_in", int, description="Seconds; default 900."),
        ],
        responses=responses(
            {200: success_envelope("SignedUrlEnvelope", SignedUrlOutput(), message=True)},
            400,
            (404, "No such case or file in it (CASE_NOT_FOUND, FILE_NOT_FOUND)."),
            GONE_FILE,
        ),
    )
    def get(self, request: Request, case_id: str, file_id: str) -> Response:
        params = SignedUrlInput(data=request.query_params)
        params.is_valid(raise_exception=True)
        case = selectors.case_get(workspace=request_workspace(request), public_id=case_id)
        stored = files.case_file_get(case=case, file_id=file_id)
        data = _signed_url_data(request, stored, params.validated_data)
        return Response(success(data, message="Download URL generated"))


def _signed_url_data(
    request: Request, stored: StoredFile, params: dict[str, Any]
) -> dict[str, Any]:
    signed = signed_url_create(
        stored=stored,
        download=params["download"],
        base_url=request.build_absolute_uri("/"),
        ttl_seconds=params.get("expires_in"),
    )
    return {
        "filename": signed.filename,
        "url": signed.url,
        "expires_at": signed.expires_at,
        "content_type": stored.media_type or files.OCTET_STREAM,
        "size": stored.size,
    }


class SignedDownloadApi(APIView):
    """The target of a signed URL: no API key, the signature is the credential."""

    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    throttle_classes: list[Any] = []

    @extend_schema(
        operation_id="files_signed_download",
        summary="Download through a signed URL (no API key)",
        auth=[],
        responses={
            (200, "*/*"): BINARY,
            403: OpenApiResponse(
                ErrorEnvelope,
                description="The link was changed or is incomplete (SIGNED_URL_INVALID).",
            ),
            410: OpenApiResponse(
                ErrorEnvelope,
                description="Expired, revoked, or the file is "
                "gone (SIGNED_URL_EXPIRED, SIGNED_URL_REVOKED, FILE_EXPIRED).",
            ),
        },
    )
    def get(self, request: Request, token: str) -> FileResponse:
        stored, download = signed_url_resolve(token)
        return file_response(stored, download=download)
