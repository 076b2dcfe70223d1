"""Domain errors: every app's services raise `DomainError` subclasses with a stable `code`.

The API turns them into SPEC §5's envelope in `cases.apikit.envelope`; htmx views re-render the
fragment with the message. No Django or DRF here: this is the lowest floor every app stands on.
"""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A rule of the domain was broken; `status_code` is what the API answers."""

    code = "BAD_REQUEST"
    status_code = 400

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        status_code: int | None = None,
        details: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        if code:
            self.code = code
        if status_code:
            self.status_code = status_code
        self.details = details or {}
        self.headers = headers or {}


class ValidationFailed(DomainError):
    code = "VALIDATION_ERROR"
    status_code = 400

    @classmethod
    def for_field(cls, field: str, message: str, *, code: str | None = None) -> ValidationFailed:
        """A 400 naming one field: "field: message", with the field in `details.fields`."""
        return cls(f"{field}: {message}", code=code, details={"fields": {field: [message]}})


class NotFound(DomainError):
    code = "NOT_FOUND"
    status_code = 404


class Conflict(DomainError):
    code = "CONFLICT"
    status_code = 409


class InvalidTransition(DomainError):
    """A user asked for a state change the object's current state does not allow."""

    code = "INVALID_STATE"
    status_code = 409
