"""The web process's ASGI handler (config/handler.py): a request's sync work in one hop to a
reused thread, the connection given back before the answer is sent, streams still streamed."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import pytest
from asgiref.sync import SyncToAsync
from django.core.signals import request_finished, request_started

pytestmark = pytest.mark.django_db(transaction=True)  # the request runs in another thread


def _call(
    path: str, headers: list[tuple[bytes, bytes]] | None = None, log: list | None = None
) -> tuple[int, list]:
    """One GET through `config.asgi.application`; the ASGI messages it sent, in order (their
    types also appended to `log` as they are sent)."""
    from config.asgi import application

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1"), *(headers or [])],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }
    messages: list[Any] = []
    received = False

    async def receive() -> dict[str, Any]:
        nonlocal received
        if received:
            await asyncio.sleep(3600)
        received = True
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Any) -> None:
        messages.append(message)
        if log is not None:
            log.append(message["type"])

    asyncio.run(application(scope, receive, send))
    return messages[0]["status"], messages


def test_a_request_crosses_to_a_thread_once(monkeypatch):
    calls = []
    original = SyncToAsync.__call__

    async def counted(self, *args, **kwargs):
        calls.append(self.func)
        return await original(self, *args, **kwargs)

    monkeypatch.setattr(SyncToAsync, "__call__", counted)
    status, _ = _call("/healthz")
    assert status == 200
    assert len(calls) == 1  # Django's own handler makes about 30 crossings here


def test_requests_reuse_the_pool_threads(monkeypatch):
    _call("/healthz")  # the pool has a thread now
    started = []
    original = threading.Thread.start

    def counted(thread):
        started.append(thread.name)
        original(thread)

    monkeypatch.setattr(threading.Thread, "start", counted)
    for _ in range(10):
        assert _call("/healthz")[0] == 200
    assert len(started) <= 1, started  # Django's own handler starts a thread per request


def test_the_request_runs_off_the_event_loop_with_its_signals_in_the_same_thread():
    threads = []

    def seen(**kwargs):
        threads.append(threading.get_ident())

    request_started.connect(seen, dispatch_uid="test-handler-started")
    request_finished.connect(seen, dispatch_uid="test-handler-finished")
    try:
        status, messages = _call("/healthz", [(b"x-request-id", b"abc-123")])
    finally:
        request_started.disconnect(dispatch_uid="test-handler-started")
        request_finished.disconnect(dispatch_uid="test-handler-finished")
    assert status == 200
    assert len(threads) == 2
    assert threads[0] == threads[1] != threading.get_ident()
    assert (b"X-Request-ID", b"abc-123") in messages[0]["headers"]  # middleware ran


def test_the_request_is_finished_before_its_answer_is_sent(monkeypatch):
    """request_finished gives the database connection back to the pool: a slow client
    reading the answer does not hold one."""
    order = []

    def finished(**kwargs):
        order.append("finished")

    request_finished.connect(finished, dispatch_uid="test-handler-order")
    try:
        status, _ = _call("/healthz", log=order)
    finally:
        request_finished.disconnect(dispatch_uid="test-handler-order")
    assert status == 200
    assert order[0] == "finished"
    assert order[1] == "http.response.start"


def test_an_api_error_still_answers_the_json_envelope():
    status, messages = _call("/api/v1/casetypes")
    assert status == 401
    assert b'"UNAUTHORIZED"' in b"".join(m.get("body", b"") for m in messages[1:])
