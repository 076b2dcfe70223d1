"""The one place that turns any API error into SPEC §5's envelope.

`api_exception_handler` (DRF's `EXCEPTION_HANDLER`) and `cases.apikit.middleware.ApiErrorMiddleware`
(everything DRF never sees: 404 routes, 413 bodies, 500s) render
`{"success": false, "status": "error", "status_code", "error": {code, message, details}}` from the
`DomainError`s of `cases.errors` and DRF's own exceptions.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from rest_framework import exceptions as drf_exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_default_handler

from cases.errors import DomainError


def error_body(status_code: int, code: str, message: str, details: dict | None = None) -> dict:
    return {
        "success": False,
        "status": "error",
        "status_code": status_code,
        "error": {"code": code, "message": message, "details": details or {}},
    }


def error_response(
    status_code: int, code: str, message: str, details: dict | None = None
) -> JsonResponse:
    return JsonResponse(error_body(status_code, code, message, details), status=status_code)


_DRF_CODES: dict[type[Exception], tuple[str, str]] = {
    drf_exceptions.NotAuthenticated: ("UNAUTHORIZED", "An API key is required."),
    drf_exceptions.AuthenticationFailed: ("UNAUTHORIZED", "The API key is missing or invalid."),
    drf_exceptions.PermissionDenied: ("FORBIDDEN", "You may not do this."),
    drf_exceptions.NotFound: ("NOT_FOUND", "Not found."),
    drf_exceptions.MethodNotAllowed: ("METHOD_NOT_ALLOWED", "This method is not allowed here."),
    drf_exceptions.NotAcceptable: ("NOT_ACCEPTABLE", "The requested format is not available."),
    drf_exceptions.UnsupportedMediaType: ("UNSUPPORTED_MEDIA_TYPE", "Unsupported content type."),
    drf_exceptions.Throttled: ("RATE_LIMITED", "Too many requests."),
    drf_exceptions.ParseError: ("INVALID_BODY", "The request body could not be parsed."),
}


def _flatten_validation(detail: Any, prefix: str = "") -> dict[str, list[str]]:
    """DRF's nested error detail as {"field.sub": ["message", ...]}."""
    if isinstance(detail, dict):
        flat: dict[str, list[str]] = {}
        for key, value in detail.items():
            name = key if key != "non_field_errors" else "request"
            flat.update(_flatten_validation(value, f"{prefix}.{name}" if prefix else name))
        return flat
    if isinstance(detail, list):
        if all(not isinstance(item, dict | list) for item in detail):
            return {prefix or "request": [str(item) for item in detail]}
        flat = {}
        for index, item in enumerate(detail):
            flat.update(_flatten_validation(item, f"{prefix}[{index}]"))
        return flat
    return {prefix or "request": [str(detail)]}


def api_exception_handler(exc: Exception, context: dict) -> Response | None:
    """DRF's EXCEPTION_HANDLER: every error an API view raises, in the spec's envelope."""
    if isinstance(exc, DomainError):
        response = Response(
            error_body(exc.status_code, exc.code, exc.message, exc.details), status=exc.status_code
        )
        for name, value in exc.headers.items():
            response[name] = value
        return response
    if isinstance(exc, Http404):
        exc = drf_exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = drf_exceptions.PermissionDenied()
    if isinstance(exc, drf_exceptions.ValidationError):
        fields = _flatten_validation(exc.detail)
        first_field, first_messages = next(iter(fields.items()))
        message = f"{first_field}: {first_messages[0]}"
        return Response(
            error_body(400, "VALIDATION_ERROR", message, {"fields": fields}), status=400
        )
    if isinstance(exc, drf_exceptions.APIException):
        code, default_message = next(
            (value for kind, value in _DRF_CODES.items() if isinstance(exc, kind)),
            ("ERROR", "The request failed."),
        )
        status_code = exc.status_code
        if isinstance(exc, drf_exceptions.NotAuthenticated | drf_exceptions.AuthenticationFailed):
            status_code = 401
        message = str(exc.detail) if isinstance(exc.detail, str) else default_message
        default = drf_default_handler(exc, context)
        body = Response(error_body(status_code, code, message), status=status_code)
        if default is not None:
            for name in ("Retry-After", "Allow", "WWW-Authenticate"):
                if name in default:
                    body[name] = default[name]
        if status_code == 401:
            body["WWW-Authenticate"] = 'api-key realm="casefile"'
        return body
    return None
