"""An ASGI wrapper that refuses request bodies over `CASEFILE_MAX_REQUEST_MB` before Django
reads them.

Django's ASGI handler spools the whole body to a temporary file before any middleware runs,
so a size check in middleware comes too late to protect the disk. This wrapper answers 413 at
once when `Content-Length` is over the limit, and for bodies without one (chunked) it counts
the bytes as they stream in and stops the request as soon as they pass the limit. API paths get
SPEC §5's JSON envelope; other paths a plain sentence.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from django.conf import settings

from cases.apikit.envelope import error_body
from cases.apikit.middleware import is_api_path

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


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


async def _refuse(scope: Scope, send: Send, limit: int) -> None:
    message = f"The request body is larger than the limit of {limit // (1024 * 1024)} MB."
    if is_api_path(scope.get("path", "")):
        body = json.dumps(
            error_body(413, "PAYLOAD_TOO_LARGE", message, {"limit_bytes": limit})
        ).encode()
        content_type = b"application/json"
    else:
        body = message.encode()
        content_type = b"text/plain; charset=utf-8"
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", content_type),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
