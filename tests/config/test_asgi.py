"""The web process's ASGI application (`config.asgi`, Django's own `ASGIHandler`): a streamed
file gives its pooled database connection back, and long polls do not hold up other requests.

A custom handler once ran each request in a thread of a fixed per-process pool: a file
download's `request_finished` (which returns the connection to the pool) ran on another thread
than the view, so every download kept a pooled connection checked out until the pool was
drained and requests failed after `CASEFILE_DB_POOL_TIMEOUT`; and as many `?wait=` polls as the
pool had threads stopped every other request, `/healthz` included.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import signal
import time
from typing import Any

import httpx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, connections

from extraction import services
from tests.config.test_db_pool import _free_port, _server, _wait_until_up
from tests.factories import uploaded_document

pytestmark = pytest.mark.django_db(transaction=True)  # the requests run in other threads

POOL_MAX = 2
DOWNLOADS = 3 * POOL_MAX
POLLS_FIRST = 6
LONG_POLLS = 16  # more than any thread cap this test means to catch


def _asgi_get(path: str, query: bytes = b"", headers: list[tuple[bytes, bytes]] | None = None):
    """A GET through `config.asgi.application`: the coroutine and the messages it sends."""
    return asgi_request("GET", path, query, headers)


def asgi_request(
    method: str,
    path: str,
    query: bytes = b"",
    headers: list[tuple[bytes, bytes]] | None = None,
    body: bytes = b"",
):
    """A request through `config.asgi.application`: the coroutine and the messages it sends."""
    from config.asgi import application

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query,
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
            await asyncio.sleep(3600)  # the client stays connected
        received = True
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: Any) -> None:
        messages.append(message)

    return application(scope, receive, send), messages


@pytest.mark.postgres
def test_file_downloads_give_their_pooled_connection_back(tenant, monkeypatch):
    """After a few long polls (so the server has several threads), three times as many
    downloads as the pool has connections, one after the other, then another request: each
    answers at once. A download that kept its connection checked out would leave the third
    waiting `CASEFILE_DB_POOL_TIMEOUT` seconds for one, then failing with 500."""
    if connection.vendor != "postgresql":
        pytest.skip("the connection pool is PostgreSQL's")
    monkeypatch.setattr(services, "job_enqueue", lambda *, job_id: None)  # stays queued
    _, job = uploaded_document(tenant.case_type)
    content = b"%PDF-1.4\n" + os.urandom(300_000)  # several of the handler's chunks
    upload = SimpleUploadedFile("a.pdf", content, "application/pdf")
    uploaded = tenant.client.post("/api/v1/files", {"file": upload}, format="multipart")
    assert uploaded.status_code == 201, uploaded.content
    file_id = uploaded.json()["file_id"]
    port = _free_port()
    server = _server(
        port,
        f"casefile-test-{port}",
        pool=True,
        CASEFILE_DB_POOL_MAX=str(POOL_MAX),
        CASEFILE_DB_POOL_TIMEOUT="3",
    )
    base = f"http://127.0.0.1:{port}/api/v1"
    headers = {"X-API-Key": tenant.raw_key}

    def long_poll(_: int) -> int:
        url = f"{base}/extraction-jobs/{job.pk}?wait=1"
        return httpx.get(url, headers=headers, timeout=30).status_code

    downloads = []
    try:
        _wait_until_up(f"{base}/casetypes", tenant.raw_key)
        with concurrent.futures.ThreadPoolExecutor(POLLS_FIRST) as pollers:
            polls = list(pollers.map(long_poll, range(POLLS_FIRST)))
        with httpx.Client(timeout=30, headers=headers) as http:
            for _ in range(DOWNLOADS):
                started = time.monotonic()
                response = http.get(f"{base}/files/{file_id}/content")
                downloads.append((response.status_code, time.monotonic() - started))
                assert response.status_code != 200 or response.content == content
            started = time.monotonic()
            after = http.get(f"{base}/casetypes").status_code
            after_seconds = time.monotonic() - started
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    assert polls == [200] * POLLS_FIRST
    assert [status for status, _ in downloads] == [200] * DOWNLOADS, downloads
    assert max(seconds for _, seconds in downloads) < 2, downloads
    assert after == 200
    assert after_seconds < 2


def test_health_check_and_api_answer_while_long_polls_wait(tenant, monkeypatch):
    monkeypatch.setattr(services, "job_enqueue", lambda *, job_id: None)  # stays queued
    # each request's thread closes its connection when it ends, as with the web's pool
    monkeypatch.setitem(connections.settings["default"], "CONN_MAX_AGE", 0)
    _, job = uploaded_document(tenant.case_type)
    key = [(b"x-api-key", tenant.raw_key.encode())]
    # the key's first use is written once, before the polls (sixteen writers at once would
    # lock the test's shared in-memory SQLite database)
    assert tenant.client.get("/api/v1/casetypes").status_code == 200

    async def scenario() -> tuple[list[Any], float, float, list[int]]:
        polls = [
            _asgi_get(f"/api/v1/extraction-jobs/{job.pk}", b"wait=4", key)
            for _ in range(LONG_POLLS)
        ]
        waiting = [asyncio.create_task(call) for call, _ in polls]
        await asyncio.sleep(1.0)  # every poll is in its view, waiting
        health, health_messages = _asgi_get("/healthz")
        started = time.monotonic()
        await health
        health_seconds = time.monotonic() - started
        api, api_messages = _asgi_get("/api/v1/casetypes", headers=key)
        started = time.monotonic()
        await api
        api_seconds = time.monotonic() - started
        still_waiting = sum(not task.done() for task in waiting)
        await asyncio.gather(*waiting)
        statuses = [health_messages[0]["status"], api_messages[0]["status"], still_waiting]
        return (
            [messages[0]["status"] for _, messages in polls],
            health_seconds,
            api_seconds,
            statuses,
        )

    polls, health_seconds, api_seconds, (health, api, still_waiting) = asyncio.run(scenario())
    assert still_waiting == LONG_POLLS, "the polls were still waiting when the others answered"
    assert (health, api) == (200, 200)
    assert health_seconds < 1, f"/healthz took {health_seconds:.2f} s"
    assert api_seconds < 1, f"an API request took {api_seconds:.2f} s"
    assert polls == [200] * LONG_POLLS
