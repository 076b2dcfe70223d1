"""Which requests wait, and so belong on the streaming (ASGI) server rather than the WSGI one.

Production runs two web servers of one application (README, deployment): `config.wsgi` under
granian for every request that answers at once, and `config.asgi` under uvicorn for the
requests that wait: the WebSocket and server-sent-event streams, long polls (`?wait=`) and
seed 000's one-call extraction (`/v1/extract`, `/v1/review`: `mode=response`, the default, waits
for the result). The TLS proxy sends these to the streaming server by path and query
(`config/nginx.conf`, whose list `tests/config/test_routing.py` checks against this one); the
WSGI application answers any that still reach it with 421 Misdirected Request (RFC 9110,
15.5.20) rather than hold one of its few threads for up to a minute.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any
from urllib.parse import parse_qsl

from cases.apikit.envelope import error_body
from cases.apikit.request_limits import StartResponse, WSGIApp

WEBSOCKET_PATHS = ("/ws/status", "/ws/status/")
"""WebSocket endpoints (`config.asgi` routes them to their handlers)."""
WAITING_PATHS = (
    *WEBSOCKET_PATHS,
    "/api/v1/events",
    "/api/v1/extract",
    "/v1/extract",
    "/api/v1/review",
    "/v1/review",
)
"""Paths whose requests wait or stream whatever their query."""
WAIT_PARAMETER = "wait"
"""The long-poll query parameter (`GET /api/v1/extraction-jobs/{id}?wait=`, `/status/{id}`)."""
MISDIRECTED_MESSAGE = (
    "This request waits (a stream, a WebSocket, a long poll or a one-call extraction) and is "
    "served by Casefile's streaming server (config.asgi), not this one (config.wsgi): the proxy "
    "in front should route it there (README, Running it in production)."
)


def query_may_wait(query_string: str) -> bool:
    """The proxy's rule (`config/nginx.conf`, on the raw query): a query holding `wait` or any
    percent-escape (`wai%74=30` is `wait=30` to Django) goes to the streaming server. A query
    without either cannot name `wait` however it is decoded."""
    return WAIT_PARAMETER in query_string or "%" in query_string


def request_waits(path: str, query_string: str) -> bool:
    """True for a request that streams or waits: a WAITING_PATHS path, or a `wait` query
    parameter whose value Django's views use (the last one, decoded) is other than empty or 0
    (a malformed one too; the streaming server's view refuses it). Whatever the proxy sends
    here (`query_may_wait` false) never waits."""
    if path in WAITING_PATHS:
        return True
    if not query_may_wait(query_string):  # the common case, without parsing
        return False
    values = [
        value
        for name, value in parse_qsl(query_string, keep_blank_values=True)
        if name == WAIT_PARAMETER
    ]
    return bool(values) and values[-1] not in ("", "0")


class RefuseWaitingRequests:
    """WSGI wrapper: 421 `MISDIRECTED_REQUEST` (JSON envelope) for a request that waits."""

    def __init__(self, app: WSGIApp) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if not request_waits(environ.get("PATH_INFO", ""), environ.get("QUERY_STRING", "")):
            return self.app(environ, start_response)
        body = json.dumps(error_body(421, "MISDIRECTED_REQUEST", MISDIRECTED_MESSAGE)).encode()
        start_response(
            "421 Misdirected Request",
            [("Content-Type", "application/json"), ("Content-Length", str(len(body)))],
        )
        return [body]
