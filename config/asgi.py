"""ASGI entry point (uvicorn), so server-sent events stream without holding a thread.

HTTP goes to Django's own `ASGIHandler`; oversized request bodies are refused before Django
reads them (`cases.apikit.request_limits`). WebSocket connections are routed by path to plain ASGI
handlers (`/ws/status`: `extraction.realtime.streams.status_websocket`); an unknown path is
refused (closed before the handshake completes: HTTP 403). uvicorn speaks the WebSocket
protocol with the `websockets` package.
"""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
# The web process borrows PostgreSQL connections from a bounded pool (see settings, Database).
os.environ.setdefault("CASEFILE_DB_POOL", "true")
# django.setup(set_prefix=False), then Django's ASGIHandler: each request's sync work in a
# thread of its own, a streamed response (files, SSE) closed on the thread that served it, so
# its pooled database connection goes back to the pool.
django_application = get_asgi_application()

from cases.apikit.request_limits import (  # noqa: E402
    Receive,
    RequestSizeLimit,
    Scope,
    Send,
)
from config.routing import WEBSOCKET_PATHS  # noqa: E402
from extraction.realtime.streams import status_websocket  # noqa: E402

# ASGIHandler's stubs type its scope as a dict, RequestSizeLimit's as a MutableMapping
http_application = RequestSizeLimit(django_application)  # type: ignore[arg-type]

WEBSOCKET_ROUTES = dict.fromkeys(WEBSOCKET_PATHS, status_websocket)


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
