"""Keeps every API answer JSON, including the ones DRF never sees.

Unknown API routes (404), bodies over the request limit (413, refused before they are read),
Django's own refusals (a `Host` not in `ALLOWED_HOSTS`, too many form fields, query parameters
or files, any other `SuspiciousOperation` or `BadRequest`: 400, logged as one warning line
without a traceback) and unhandled exceptions (500, logged with the traceback, answered without
it; a lost database connection is a 503 with `Retry-After`, logged as one line) all get SPEC
§5's error envelope. Browser pages are left to Django's own handling.

It must be the first entry of `MIDDLEWARE`: the `Host` check runs before any other middleware
asks for the host (Django's `CommonMiddleware` would answer an HTML 400 and log a traceback).
"""

from __future__ import annotations

import logging
import re
from typing import Any

from django.conf import settings
from django.core.exceptions import (
    BadRequest,
    DisallowedHost,
    RequestDataTooBig,
    SuspiciousOperation,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse

from cases.apikit.dualmode import DualModeMiddleware
from cases.apikit.envelope import error_response

logger = logging.getLogger(__name__)

API_PATH_ROOTS = ("api/v1", "v1", "upload", "status", "ws", "credits", "files", "castdoc")
"""The first path segments of the API's routes (seeds and `/api/v1/`): a path is the API's when
it is one of them or lies under one (`/files`, `/files/f_1`), never when it only starts with
the same letters (`/uploads/`, `/files-archive`), so a browser page can never lose its CSRF
and session middleware by its name (`config/middleware.py`)."""
_API_ROOTS_PATTERN = "|".join(re.escape(root) for root in API_PATH_ROOTS)
_API_PATH = re.compile(rf"/(?:{_API_ROOTS_PATTERN})(?:/|$)")
DATABASE_RETRY_AFTER_SECONDS = 2
_STATUS_CODES = {
    400: ("BAD_REQUEST", "The request is malformed."),
    403: ("FORBIDDEN", "You may not do this."),
    404: ("NOT_FOUND", "No such resource."),
    405: ("METHOD_NOT_ALLOWED", "This method is not allowed here."),
    413: ("PAYLOAD_TOO_LARGE", "The request body is too large."),
}


def is_api_path(path: str) -> bool:
    return _API_PATH.match(path) is not None


class ApiErrorMiddleware(DualModeMiddleware):
    """Sync or async as the handler it wraps (on the event loop under ASGI: no thread hop;
    `process_exception` Django always calls in a thread)."""

    def __call__(self, request: HttpRequest) -> Any:
        if self.async_mode:
            return self._acall(request)
        if not is_api_path(request.path):
            return self.get_response(request)
        refusal = self._refuse_before(request)
        if refusal is not None:
            return refusal
        return self._as_json(self.get_response(request))

    async def _acall(self, request: HttpRequest) -> HttpResponse:
        if not is_api_path(request.path):
            return await self.get_response(request)
        refusal = self._refuse_before(request)
        if refusal is not None:
            return refusal
        return self._as_json(await self.get_response(request))

    def _refuse_before(self, request: HttpRequest) -> HttpResponse | None:
        try:
            request.get_host()
        except DisallowedHost as exc:
            return _refusal(request, exc)
        return self._refuse_oversized(request)

    @staticmethod
    def _as_json(response: HttpResponse) -> HttpResponse:
        content_type = response.get("Content-Type", "")
        if response.status_code >= 400 and not content_type.startswith("application/json"):
            code, message = _STATUS_CODES.get(
                response.status_code, ("ERROR", "The request failed.")
            )
            json_response = error_response(response.status_code, code, message)
            if "Allow" in response:
                json_response["Allow"] = response["Allow"]
            return json_response
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not is_api_path(request.path):
            return None
        if isinstance(exception, RequestDataTooBig):
            request._mark_post_parse_error()  # type: ignore[attr-defined]
            logger.warning("Refused %s %s: %s", request.method, request.path, exception)
            return self._too_large()
        if isinstance(exception, SuspiciousOperation | BadRequest):
            return _refusal(request, exception)
        if isinstance(exception, OperationalError | InterfaceError):
            # The database is down or restarting: the client may retry; Django reconnects on
            # the next request (a broken connection is closed when this one ends).
            logger.warning(
                "Database unavailable on %s %s: %s",
                request.method,
                request.path,
                str(exception).splitlines()[0][:200] if str(exception) else type(exception),
            )
            response = error_response(
                503, "SERVICE_UNAVAILABLE", "The service is briefly unavailable; retry shortly."
            )
            response["Retry-After"] = str(DATABASE_RETRY_AFTER_SECONDS)
            return response
        logger.exception("Unhandled error on %s %s", request.method, request.path)
        return error_response(500, "INTERNAL_ERROR", "Something went wrong on our side.")

    def _refuse_oversized(self, request: HttpRequest) -> HttpResponse | None:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return error_response(400, "BAD_REQUEST", "Content-Length is not a number.")
        if length > settings.MAX_REQUEST_BYTES:
            return self._too_large()
        return None

    @staticmethod
    def _too_large() -> HttpResponse:
        limit_mb = settings.MAX_REQUEST_BYTES // (1024 * 1024)
        return error_response(
            413,
            "PAYLOAD_TOO_LARGE",
            f"The request body is larger than the limit of {limit_mb} MB.",
            {"limit_bytes": settings.MAX_REQUEST_BYTES},
        )


_REFUSALS: tuple[tuple[type[Exception], str, str], ...] = (
    (DisallowedHost, "DISALLOWED_HOST", "The Host header names a host this server does not serve."),
    (
        TooManyFieldsSent,
        "TOO_MANY_FIELDS",
        "The request has more form fields or query parameters than the server accepts.",
    ),
    (TooManyFilesSent, "TOO_MANY_FILES", "The request has more files than the server accepts."),
    (SuspiciousOperation, "BAD_REQUEST", "The request was refused as malformed."),
    (BadRequest, "BAD_REQUEST", "The request is malformed."),
)


def _refusal(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Django's own refusal as a 400 envelope, logged as one line (it is the client's fault)."""
    if isinstance(exception, TooManyFieldsSent | TooManyFilesSent):
        request._mark_post_parse_error()  # type: ignore[attr-defined]
    code, message = next(
        (code, message) for kind, code, message in _REFUSALS if isinstance(exception, kind)
    )
    logger.warning(
        "Refused %s %s (%s): %s", request.method, request.path, code, str(exception)[:300]
    )
    return error_response(400, code, message)
