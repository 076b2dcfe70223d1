"""ASGI and WSGI wrappers that refuse request bodies over `CASEFILE_MAX_REQUEST_MB` before Django
reads them.

Django's ASGI handler spools the whole body to a temporary file before any middleware runs,
so a size check in middleware comes too late to protect the disk. `RequestSizeLimit` (ASGI)
answers 413 at once when `Content-Length` is over the limit, and for bodies without one
(chunked) it counts the bytes as they stream in and stops the request as soon as they pass the
limit. `WsgiRequestSizeLimit` does the same for the WSGI server (`config.wsgi`), where Django
reads only a body of declared length: a body without `Content-Length` (chunked, or HTTP/2
without one; PEP 3333's `wsgi.input_terminated`) is spooled first, up to the limit, and handed
on with its length. API paths get SPEC §5's JSON envelope; other paths a plain sentence.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any

from django.conf import settings

from cases.apikit.envelope import error_body
from cases.apikit.middleware import is_api_path

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]
SPOOL_IN_MEMORY_BYTES = 1024 * 1024
"""A chunked body up to this size is spooled in memory, a larger one in a temporary file."""
READ_BYTES = 64 * 1024
BODYLESS_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
"""Methods whose body nothing here reads: one without a length is not spooled."""


class RequestSizeLimit:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = settings.MAX_REQUEST_BYTES
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await _refuse(scope, send, limit)
            return
        received = 0
        over_limit = False
        response_started = False

        async def limited_receive() -> Message:
            nonlocal received, over_limit
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    over_limit = True
                    return {"type": "http.disconnect"}  # Django stops reading and gives up
            return message

        async def tracked_send(message: Message) -> None:
            nonlocal response_started
            if message["type"] == "http.response.start":
                response_started = True
            await send(message)

        await self.app(scope, limited_receive, tracked_send)
        if over_limit and not response_started:
            await _refuse(scope, send, limit)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _refusal(path: str, limit: int) -> tuple[bytes, str]:
    """The 413 answer's body and content type for a request to `path`."""
    message = f"The request body is larger than the limit of {limit // (1024 * 1024)} MB."
    if is_api_path(path):
        body = error_body(413, "PAYLOAD_TOO_LARGE", message, {"limit_bytes": limit})
        return json.dumps(body).encode(), "application/json"
    return message.encode(), "text/plain; charset=utf-8"


async def _refuse(scope: Scope, send: Send, limit: int) -> None:
    body, content_type = _refusal(scope.get("path", ""), limit)
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", content_type.encode()),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class WsgiRequestSizeLimit:
    """The WSGI counterpart of `RequestSizeLimit`: 413 for a declared length over the limit;
    a body without one (chunked, or HTTP/2 without `content-length`) spooled (memory up to
    SPOOL_IN_MEMORY_BYTES, then a temporary file) and refused as soon as it passes the limit,
    else handed to Django with its `CONTENT_LENGTH` and closed when the response is."""

    def __init__(self, app: WSGIApp) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        limit = settings.MAX_REQUEST_BYTES
        declared = environ.get("CONTENT_LENGTH")
        if declared:
            try:
                too_large = int(declared) > limit
            except ValueError:
                too_large = False  # Django reads a malformed length as an empty body
            if too_large:
                return _refuse_wsgi(environ, start_response, limit)
        elif environ.get("REQUEST_METHOD") not in BODYLESS_METHODS:
            # Outlives this call: Django reads it as the body; `_ClosingBody` closes it.
            spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY_BYTES)  # noqa: SIM115
            try:
                received = 0
                while chunk := environ["wsgi.input"].read(READ_BYTES):
                    received += len(chunk)
                    if received > limit:
                        spool.close()
                        return _refuse_wsgi(environ, start_response, limit)
                    spool.write(chunk)
                spool.seek(0)
                environ["wsgi.input"] = spool
                environ["CONTENT_LENGTH"] = str(received)
                return _ClosingBody(self.app(environ, start_response), spool)
            except BaseException:
                spool.close()
                raise
        return self.app(environ, start_response)


class _ClosingBody:
    """A response that closes the spooled request body with itself (PEP 3333 `close()`)."""

    def __init__(self, response: Iterable[bytes], body: Any) -> None:
        self.response = response
        self.body = body

    def __iter__(self) -> Any:
        return iter(self.response)

    def close(self) -> None:
        try:
            getattr(self.response, "close", lambda: None)()
        finally:
            self.body.close()


def _refuse_wsgi(environ: dict[str, Any], start_response: StartResponse, limit: int) -> list[bytes]:
    body, content_type = _refusal(environ.get("PATH_INFO", ""), limit)
    start_response(
        "413 Content Too Large",
        [
            ("Content-Type", content_type),
            ("Content-Length", str(len(body))),
        ],
    )
    return [body]
