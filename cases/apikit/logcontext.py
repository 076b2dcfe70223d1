"""Structured logs: one JSON object per line, carrying the request id and the job id.

`RequestIdMiddleware` takes the caller's `X-Request-ID` (when it is a sane token) or makes one,
binds it for the request and echoes it on the response; the pipeline binds the job id while a
job runs (`bound(job_id=...)`). `ContextFilter` copies both onto every log record and
`JsonFormatter` writes them out, so one grep follows a request or a job across the web process
and the workers. Context variables survive Django's hops between the event loop and threads.
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from django.core.signals import request_finished
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse

from cases.apikit.dualmode import DualModeMiddleware

REQUEST_ID_HEADER = "X-Request-ID"
_VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")

request_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "request_id", default=None
)
job_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar("job_id", default=None)


@contextmanager
def bound(*, job_id: str | None = None, request_id: str | None = None) -> Iterator[None]:
    """Bind ids for the duration of a block (a job run, a request)."""
    tokens = []
    if job_id is not None:
        tokens.append((job_id_var, job_id_var.set(job_id)))
    if request_id is not None:
        tokens.append((request_id_var, request_id_var.set(request_id)))
    try:
        yield
    finally:
        for var, token in reversed(tokens):
            var.reset(token)


def request_id_from(header: str | None) -> str:
    """The caller's id when it is a short token (no spaces, no control characters), else new."""
    if header and _VALID_REQUEST_ID.fullmatch(header):
        return header
    return uuid.uuid4().hex


class RequestIdMiddleware(DualModeMiddleware):
    """Binds the request id for the request's logs and returns it in `X-Request-ID`.

    Sync or async as the handler it wraps (on the event loop under ASGI: no thread hop)."""

    def __call__(self, request: HttpRequest) -> Any:
        request_id = self._bind(request)
        if self.async_mode:
            return self._acall(request, request_id)
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request_id
        return response

    async def _acall(self, request: HttpRequest, request_id: str) -> HttpResponse:
        response = await self.get_response(request)
        response[REQUEST_ID_HEADER] = request_id
        return response

    @staticmethod
    def _bind(request: HttpRequest) -> str:
        request_id = request_id_from(request.headers.get(REQUEST_ID_HEADER))
        request.request_id = request_id  # type: ignore[attr-defined]
        # Not reset on the way out: Django logs a 4xx/5xx after the middleware chain returns;
        # `request_finished` (below) clears it once the response is closed.
        request_id_var.set(request_id)
        return request_id


@receiver(request_finished)
def _request_id_clear(**kwargs: object) -> None:
    request_id_var.set(None)


class ContextFilter(logging.Filter):
    """Adds `request_id` and `job_id` (None outside a request or a job) to every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get()
        record.job_id = job_id_var.get()
        return True


_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "request_id", "job_id"}


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time, level, logger, message, ids, extras, exception."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key in ("request_id", "job_id"):
            value = getattr(record, key, None)
            if value is not None:
                entry[key] = value
        for key, value in vars(record).items():
            if key == "request" and isinstance(value, HttpRequest):
                entry["method"], entry["path"] = value.method, value.path
            elif key not in _STANDARD and not key.startswith("_"):
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)
