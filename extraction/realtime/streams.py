"""The two realtime streams over one subscription: server-sent events and a WebSocket.

Both are async (uvicorn serves them without holding a thread), read the log every
`REALTIME_POLL_MS` in a worker thread that closes its database connection after each read,
send a heartbeat when nothing else was sent for `REALTIME_HEARTBEAT_SECONDS`, and end after
`REALTIME_STREAM_SECONDS` or when the token expires, whichever comes first; a client then
reconnects (EventSource does so by itself, sending `Last-Event-ID`) and loses nothing.

The WebSocket is a plain ASGI application (`config.asgi` routes `/ws/status` to it): the
protocol needs no more than accept, send text, close, and uvicorn (with `websockets`) does the
framing. Query parameters are the SSE stream's (`token`, repeatable `document_id`) plus
`last_event_id` for resuming. A refused connection is accepted, sent the error envelope as one
message, and closed with code 4000 + the HTTP status (4401, 4403, 4404, 4400): browsers cannot
read the body of a refused handshake.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import parse_qs

from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone

from cases.apikit.envelope import error_body
from cases.apikit.request_limits import Receive, Scope, Send
from cases.errors import DomainError
from extraction.realtime.feed import (
    Subscription,
    subscription_open,
    subscription_poll_disconnected,
)
from extraction.realtime.tokens import realtime_token_verify

logger = logging.getLogger(__name__)

RETRY_MS = 2000
"""The reconnection delay a stream asks EventSource for."""


def _seconds_left(subscription: Subscription) -> float:
    until_expiry = (subscription.expires_at - timezone.now()).total_seconds()
    return max(0.0, min(float(settings.REALTIME_STREAM_SECONDS), until_expiry))


async def _read(subscription: Subscription) -> list[dict[str, Any]]:
    """The next events, read in a worker thread; a database error is logged and the read is
    tried again at the next tick (the cursor only moves on a successful read)."""
    try:
        return await sync_to_async(subscription_poll_disconnected, thread_sensitive=False)(
            subscription
        )
    except DatabaseError:
        logger.warning("Reading the status-event log failed; retrying.", exc_info=True)
        return []


def sse_frame(message: dict[str, Any]) -> str:
    return f"id: {message['id']}\ndata: {json.dumps(message, separators=(',', ':'))}\n\n"


async def sse_stream(subscription: Subscription) -> AsyncIterator[str]:
    """The body of a `text/event-stream` response."""
    deadline = time.monotonic() + _seconds_left(subscription)
    poll = settings.REALTIME_POLL_MS / 1000
    heartbeat = settings.REALTIME_HEARTBEAT_SECONDS
    yield f"retry: {RETRY_MS}\n: stream open\n\n"
    for message in subscription.initial:
        yield sse_frame(message)
    last_sent = time.monotonic()
    while time.monotonic() < deadline:
        for message in await _read(subscription):
            yield sse_frame(message)
            last_sent = time.monotonic()
        if time.monotonic() - last_sent >= heartbeat:
            yield ": heartbeat\n\n"
            last_sent = time.monotonic()
        await asyncio.sleep(max(0.0, min(poll, deadline - time.monotonic())))
    yield ": stream lifetime reached; reconnect with Last-Event-ID\n\n"


async def status_websocket(scope: Scope, receive: Receive, send: Send) -> None:
    """The ASGI application of `/ws/status`."""
    message = await receive()
    if message["type"] != "websocket.connect":
        return
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    try:
        subscription = await sync_to_async(_open, thread_sensitive=False)(query)
    except DomainError as error:
        await send({"type": "websocket.accept"})
        body = error_body(error.status_code, error.code, error.message, error.details)
        await send({"type": "websocket.send", "text": json.dumps(body)})
        await send({"type": "websocket.close", "code": 4000 + error.status_code})
        return
    await send({"type": "websocket.accept"})
    closed = asyncio.Event()
    listener = asyncio.create_task(_until_disconnect(receive, closed))
    try:
        await _websocket_send_events(subscription, send, closed)
    finally:
        listener.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await listener


def _open(query: dict[str, list[str]]) -> Subscription:
    def first(name: str) -> str | None:
        values = query.get(name)
        return values[0] if values else None

    try:
        return subscription_open(
            grant=realtime_token_verify(first("token")),
            document_ids=query.get("document_id", []),
            last_event_id=first("last_event_id"),
        )
    finally:
        connection.close()  # the socket may stay open for minutes: hold no connection


async def _until_disconnect(receive: Receive, closed: asyncio.Event) -> None:
    """Read (and ignore) what the client sends until it goes away."""
    while True:
        message = await receive()
        if message["type"] == "websocket.disconnect":
            closed.set()
            return


async def _websocket_send_events(
    subscription: Subscription, send: Send, closed: asyncio.Event
) -> None:
    deadline = time.monotonic() + _seconds_left(subscription)
    poll = settings.REALTIME_POLL_MS / 1000
    heartbeat = settings.REALTIME_HEARTBEAT_SECONDS
    pending = list(subscription.initial)
    last_sent = time.monotonic()
    while not closed.is_set() and time.monotonic() < deadline:
        pending.extend(await _read(subscription))
        for message in pending:
            await send({"type": "websocket.send", "text": json.dumps(message)})
            last_sent = time.monotonic()
        pending = []
        if time.monotonic() - last_sent >= heartbeat:
            await send({"type": "websocket.send", "text": json.dumps({"type": "heartbeat"})})
            last_sent = time.monotonic()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(closed.wait(), max(0.0, min(poll, deadline - time.monotonic())))
    if not closed.is_set():
        await send(
            {
                "type": "websocket.close",
                "code": 1000,
                "reason": "stream lifetime reached; reconnect with last_event_id",
            }
        )
