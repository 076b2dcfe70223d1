"""Oversized bodies are refused by the ASGI wrapper before Django reads them."""

from __future__ import annotations

import asyncio
import json

from cases.apikit.request_limits import RequestSizeLimit


def _run(app, scope, chunks):
    sent = []
    pending = [{"type": "http.request", "body": chunk, "more_body": True} for chunk in chunks]
    pending.append({"type": "http.request", "body": b"", "more_body": False})
    read = []

    async def receive():
        message = pending.pop(0) if pending else {"type": "http.disconnect"}
        read.append(message)
        return message

    async def send(message):
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    return sent, read


def _scope(path="/api/v1/cases", length=None):
    headers = [(b"content-type", b"application/octet-stream")]
    if length is not None:
        headers.append((b"content-length", str(length).encode()))
    return {"type": "http", "method": "POST", "path": path, "headers": headers}


class _Recorder:
    """Stands in for Django: reads the whole body, then answers 200."""

    def __init__(self):
        self.body = b""
        self.called = False

    async def __call__(self, scope, receive, send):
        self.called = True
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            self.body += message.get("body", b"")
            if not message.get("more_body"):
                break
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})


def test_declared_length_over_the_limit_is_refused_before_the_app_runs(settings):
    settings.MAX_REQUEST_BYTES = 1024
    django = _Recorder()
    sent, read = _run(RequestSizeLimit(django), _scope(length=10_000), [b"x" * 10_000])
    assert not django.called
    assert read == []
    assert sent[0]["status"] == 413
    body = json.loads(sent[1]["body"])
    assert body["error"]["code"] == "PAYLOAD_TOO_LARGE"


def test_streamed_body_is_cut_off_once_it_passes_the_limit(settings):
    settings.MAX_REQUEST_BYTES = 1024
    django = _Recorder()
    chunks = [b"x" * 512] * 10
    sent, read = _run(RequestSizeLimit(django), _scope(), chunks)
    assert len(django.body) <= 1024
    assert len(read) < len(chunks)
    assert [message["status"] for message in sent if "status" in message] == [413]


def test_browser_paths_get_a_plain_413(settings):
    settings.MAX_REQUEST_BYTES = 10
    sent, _ = _run(RequestSizeLimit(_Recorder()), _scope(path="/cases/", length=100), [b"x" * 100])
    assert sent[0]["status"] == 413
    assert sent[1]["body"].startswith(b"The request body is larger")


def test_bodies_within_the_limit_pass_through(settings):
    settings.MAX_REQUEST_BYTES = 1024
    django = _Recorder()
    sent, _ = _run(RequestSizeLimit(django), _scope(length=100), [b"x" * 100])
    assert django.body == b"x" * 100
    assert sent[0]["status"] == 200
