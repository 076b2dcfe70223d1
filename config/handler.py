"""Django's ASGI handler, with a request's sync work done in one hop to a pooled thread.

Django's `ASGIHandler` runs its middleware in async mode: every `MiddlewareMixin` hook, the
`request_started` and `request_finished` signals and the (sync) DRF views each cross from the
event loop to a thread and back (about 30 crossings a request here), and each request gets a
new thread of its own (`ThreadSensitiveContext`). Every view of Casefile is sync, so the
crossings buy nothing; on a status poll they cost more CPU than the view (issue 14).

`OneHopASGIHandler` loads the middleware in sync mode and serves a request with one call in a
worker thread: the `request_started` signal, the middleware chain and the view, and, for a
response that is not streamed, the `request_finished` signal (which gives the database
connection back to the pool) before the event loop sends the bytes. Streamed responses (the
SSE stream, files) are sent from the event loop as Django does, watching for the client's
disconnect, then closed in a thread. The threads come from one pool per process, reused across
requests, of `CASEFILE_WEB_THREADS` threads: at most that many requests (long polls included)
are in Django at once in one web process; the rest wait for a thread.
"""

from __future__ import annotations

import asyncio
import contextlib
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from asgiref.sync import sync_to_async
from django.conf import settings
from django.core import signals
from django.core.exceptions import RequestAborted
from django.core.handlers.asgi import ASGIHandler, get_script_prefix
from django.core.handlers.base import BaseHandler
from django.http import FileResponse, HttpResponseBase
from django.urls import set_script_prefix


class OneHopASGIHandler(ASGIHandler):
    def __init__(self) -> None:
        BaseHandler.__init__(self)  # not ASGIHandler's: it loads the middleware in async mode
        self.load_middleware(is_async=False)
        self.executor = ThreadPoolExecutor(
            max_workers=settings.WEB_THREADS, thread_name_prefix="casefile-web"
        )

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            raise ValueError(f"Django can only handle ASGI/HTTP connections, not {scope['type']}.")
        # No ThreadSensitiveContext: it would start a new thread per request.
        await self.handle(scope, receive, send)

    async def handle(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        try:
            body_file = await self.read_body(receive)
        except RequestAborted:
            return
        try:
            response = await self._in_thread(self._respond, scope, body_file)
            if not response.streaming:
                await self.send_response(response, send)  # already closed in the thread
                return
            await self._stream(response, receive, send)
        finally:
            body_file.close()

    def _respond(self, scope: dict[str, Any], body_file: Any) -> HttpResponseBase:
        """In the worker thread: the whole request, closed unless it streams."""
        set_script_prefix(get_script_prefix(scope))
        signals.request_started.send(sender=self.__class__, scope=scope)
        request, refusal = self.create_request(scope, body_file)
        response: Any = refusal if request is None else self.get_response(request)
        response._handler_class = self.__class__
        if isinstance(response, FileResponse):
            response.block_size = self.chunk_size
        if not response.streaming:
            response.close()  # request_finished: connections back to the pool
        return response

    async def _stream(self, response: HttpResponseBase, receive: Any, send: Any) -> None:
        """Send a streamed response, stopping when the client goes away, then close it."""
        sending = asyncio.create_task(self.send_response(response, send))
        listening = asyncio.create_task(self.listen_for_disconnect(receive))
        await asyncio.wait([listening, sending], return_when=asyncio.FIRST_COMPLETED)
        for task in (listening, sending):
            if not task.done():
                task.cancel()
            with contextlib.suppress(asyncio.CancelledError, RequestAborted):
                await task
        await self._in_thread(response.close)

    async def _in_thread(self, function: Any, *args: Any) -> Any:
        return await sync_to_async(function, thread_sensitive=False, executor=self.executor)(*args)
