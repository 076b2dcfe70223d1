"""ASGI entry point (uvicorn), so server-sent events stream without holding a thread.

HTTP goes to Django (its sync middleware and views in one hop to a pooled thread,
`config.handler`); oversized request bodies are refused before Django reads them
(`cases.apikit.request_limits`). WebSocket connections are routed by path to plain ASGI
handlers (`/ws/status`: `extraction.realtime.streams.status_websocket`); an unknown path is
refused (closed before the handshake completes: HTTP 403). uvicorn speaks the WebSocket
protocol with the `websockets` package.
"""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
# The web process borrows PostgreSQL connections from a bounded pool (see settings, Database).
os.environ.setdefault("CASEFILE_DB_POOL", "true")
django.setup(set_prefix=False)  # what django.core.asgi.get_asgi_application does first

from config.handler import OneHopASGIHandler  # noqa: E402

# Django's ASGIHandler, less its ~30 crossings between the event loop and threads a request
# (config/handler.py).
django_application = OneHopASGIHandler()

from cases.apikit.request_limits import (  # noqa: E402
    Receive,
    RequestSizeLimit,
    Scope,
    Send,
)
from extraction.realtime.streams import status_websocket  # noqa: E402

http_application = RequestSizeLimit(django_application)  # type: ignore[arg-type]

WEBSOCKET_ROUTES = {"/ws/status": status_websocket, "/ws/status/": status_websocket}


async def application(scope: Scope, receive: Receive, send: Send) -> None:
    if scope["type"] == "websocket":
        handler = WEBSOCKET_ROUTES.get(scope["path"])
        if handler is None:
            await receive()  # websocket.connect
            await send({"type": "websocket.close", "code": 4404})
            return
        await handler(scope, receive, send)
        return
    await http_application(scope, receive, send)
