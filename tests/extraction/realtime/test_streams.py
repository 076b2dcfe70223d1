"""The SSE stream and the WebSocket over the real ASGI app (uvicorn in a thread): events from
another thread's (a worker's) writes, ids, heartbeat, lifetime, replay after Last-Event-ID,
document and workspace scoping, and every refusal."""

from __future__ import annotations

import json
import threading
import time
from datetime import timedelta
from typing import Any

import httpx
import pytest
from django.db import connection
from django.utils import timezone
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.sync.client import connect

from cases.models import ApiKey
from extraction.pipeline import extraction_job_run
from extraction.realtime.models import StatusEvent
from extraction.realtime.tokens import realtime_token_mint
from tests.extraction.realtime.server import asgi_server
from tests.factories import uploaded_document

pytestmark = pytest.mark.django_db(transaction=True, reset_sequences=True)


@pytest.fixture
def fast_streams(settings, no_enqueue, concurrent_sqlite):
    settings.REALTIME_POLL_MS = 50
    settings.REALTIME_HEARTBEAT_SECONDS = 1
    settings.REALTIME_STREAM_SECONDS = 20
    settings.EXTRACTION_ISOLATION = False


@pytest.fixture
def server(fast_streams):
    with asgi_server() as url:
        yield url


def token_for(tenant) -> str:
    return realtime_token_mint(api_key=ApiKey.objects.get(workspace=tenant.workspace)).token


class Worker:
    """A worker elsewhere runs the job (the engine reads the small PDF), started once the
    client has its first event, i.e. is connected."""

    def __init__(self, job) -> None:
        self.thread = threading.Thread(target=self._work, args=(str(job.pk),))

    @staticmethod
    def _work(job_id: str) -> None:
        try:
            extraction_job_run(job_id=job_id)
        finally:
            connection.close()

    def start_once(self) -> None:
        if self.thread.ident is None:
            self.thread.start()

    def join(self) -> None:
        if self.thread.ident is not None:
            self.thread.join()


def sse_read(response: httpx.Response, *, until, limit: float = 15) -> tuple[list[dict], list[str]]:
    """The events (`id`, `data`) and comments read until `until(event)` or the stream ends."""
    events: list[dict[str, Any]] = []
    comments: list[str] = []
    frame: dict[str, Any] = {}
    deadline = time.monotonic() + limit
    for line in response.iter_lines():
        if time.monotonic() > deadline:
            break
        if line == "":
            if "data" in frame:
                events.append(frame)
                if until(frame):
                    break
            frame = {}
        elif line.startswith(":"):
            comments.append(line)
        elif line.startswith("id: "):
            frame["id"] = int(line[4:])
        elif line.startswith("data: "):
            frame["data"] = json.loads(line[6:])
    return events, comments


def finished(event: dict) -> bool:
    return event["data"]["data"]["workflow_complete"]


def test_sse_streams_a_documents_events_through_completion(tenant, server):
    document, job = uploaded_document(tenant.case_type)
    worker = Worker(job)

    def until(event: dict) -> bool:
        worker.start_once()
        return finished(event)

    params = {"token": token_for(tenant), "document_id": document.public_id}
    with httpx.stream("GET", f"{server}/api/v1/events", params=params, timeout=10) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        assert response.headers["cache-control"].startswith("no-cache")
        events, _ = sse_read(response, until=until)
    worker.join()
    assert events[0]["data"]["data"]["status"] == "queued"  # the state when connected
    statuses = [event["data"]["data"]["status"] for event in events]
    assert "processing" in statuses
    assert (
        statuses[-1] in {"processed", "review_required"}
        or events[-1]["data"]["data"]["workflow_complete"]
    )
    ids = [event["id"] for event in events]
    assert ids == sorted(set(ids))
    assert all(event["data"]["id"] == event["id"] for event in events)
    assert all(event["data"]["type"] == "document.status" for event in events)
    logged = StatusEvent.objects.filter(document=document, pk__gte=ids[0])
    assert ids == list(logged.values_list("pk", flat=True))  # none skipped


def test_sse_sends_heartbeats_and_ends_after_its_lifetime(tenant, server, settings):
    settings.REALTIME_STREAM_SECONDS = 3
    document, _ = uploaded_document(tenant.case_type)
    params = {"token": token_for(tenant), "document_id": document.public_id}
    started = time.monotonic()
    with httpx.stream("GET", f"{server}/api/v1/events", params=params, timeout=10) as response:
        events, comments = sse_read(response, until=lambda event: False)
    assert 2.5 < time.monotonic() - started < 8
    assert len(events) == 1
    assert comments.count(": heartbeat") >= 1
    assert comments[-1].startswith(": stream lifetime reached")


def test_sse_replays_every_event_after_last_event_id(tenant, server):
    document, job = uploaded_document(tenant.case_type)
    first = StatusEvent.objects.filter(document=document).last()
    assert first is not None
    extraction_job_run(job_id=str(job.pk))  # happens while the client is away
    missed = list(
        StatusEvent.objects.filter(document=document, pk__gt=first.pk).values_list("pk", flat=True)
    )
    assert missed
    params = {"token": token_for(tenant), "document_id": document.public_id}
    with httpx.stream(
        "GET",
        f"{server}/api/v1/events",
        params=params,
        headers={"Last-Event-ID": str(first.pk)},
        timeout=10,
    ) as response:
        events, _ = sse_read(response, until=finished)
    assert [event["id"] for event in events] == missed


def test_sse_without_document_ids_streams_the_whole_workspace_and_nothing_else(
    tenant, outsider, server
):
    params = {"token": token_for(tenant)}
    with httpx.stream("GET", f"{server}/api/v1/events", params=params, timeout=10) as response:
        theirs, _ = uploaded_document(outsider.case_type, filename="theirs.pdf")
        ours, _ = uploaded_document(tenant.case_type, filename="ours.pdf")
        events, _ = sse_read(response, until=lambda event: True)
    assert [event["data"]["data"]["document_id"] for event in events] == [ours.public_id]
    assert theirs.public_id != ours.public_id


def test_sse_named_documents_only(tenant, server):
    wanted, _ = uploaded_document(tenant.case_type, filename="wanted.pdf")
    params = {"token": token_for(tenant), "document_id": wanted.public_id}
    with httpx.stream("GET", f"{server}/api/v1/events", params=params, timeout=10) as response:
        other, _ = uploaded_document(tenant.case_type, filename="other.pdf")
        StatusEvent.objects.create(
            workspace=tenant.workspace,
            document=wanted,
            document_public_id=wanted.public_id,
            data={"status": "x", "marker": 1},
        )
        events, _ = sse_read(response, until=lambda event: "marker" in event["data"]["data"])
    assert {event["data"]["data"]["document_id"] for event in events[:-1]} == {wanted.public_id}
    assert other.public_id not in json.dumps([event["data"] for event in events])


# --- refusals, before anything is streamed ------------------------------------------------


def test_sse_refusals_answer_the_json_envelope(tenant, outsider, client):
    document, _ = uploaded_document(tenant.case_type)
    token = token_for(tenant)
    tampered = token[:-2] + ("A" if token[-2] != "A" else "B") + token[-1]
    cases = [
        ({}, {}, 401, "TOKEN_REQUIRED"),
        ({"token": tampered}, {}, 401, "TOKEN_INVALID"),
        ({"token": "nonsense"}, {}, 401, "TOKEN_INVALID"),
        ({"token": token, "document_id": "doc__missing"}, {}, 404, "DOCUMENT_NOT_FOUND"),
        ({"token": token}, {"HTTP_LAST_EVENT_ID": "abc"}, 400, "VALIDATION_ERROR"),
        ({"token": token}, {"HTTP_X_API_KEY": outsider.raw_key}, 403, "TOKEN_FOREIGN"),
        (
            {"token": token_for(outsider), "document_id": document.public_id},
            {},
            404,
            "DOCUMENT_NOT_FOUND",
        ),
    ]
    for params, headers, status, code in cases:
        response = client.get("/api/v1/events", params, HTTP_ACCEPT="text/event-stream", **headers)
        assert response.status_code == status, (params, headers)
        assert response["Content-Type"] == "application/json"
        body = response.json()
        assert body["status"] == "error"
        assert body["error"]["code"] == code


def test_sse_refuses_an_expired_token(tenant, client, settings):
    token = token_for(tenant)
    future = timezone.now() + timedelta(seconds=settings.REALTIME_TOKEN_TTL_SECONDS + 1)
    from unittest import mock

    with mock.patch("django.utils.timezone.now", return_value=future):
        response = client.get("/api/v1/events", {"token": token})
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "TOKEN_EXPIRED"


def test_sse_refuses_a_token_whose_key_was_revoked(tenant, client):
    token = token_for(tenant)
    ApiKey.objects.filter(workspace=tenant.workspace).update(revoked_at=timezone.now())
    response = client.get("/api/v1/events", {"token": token})
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "TOKEN_REVOKED"


def test_sse_over_the_document_limit_is_400(tenant, client):
    params = {"token": token_for(tenant), "document_id": [f"doc__{n}" for n in range(101)]}
    response = client.get("/api/v1/events", params)
    assert response.status_code == 400
    assert "document_id" in response.json()["error"]["details"]["fields"]


# --- WebSocket ----------------------------------------------------------------------------


def ws_url(server: str, query: str) -> str:
    return server.replace("http://", "ws://") + "/ws/status?" + query


def test_websocket_serves_the_same_events(tenant, server):
    document, job = uploaded_document(tenant.case_type)
    worker = Worker(job)
    messages = []
    with connect(
        ws_url(server, f"token={token_for(tenant)}&document_id={document.public_id}")
    ) as ws:
        while True:
            message = json.loads(ws.recv(timeout=10))
            if message["type"] == "heartbeat":
                continue
            messages.append(message)
            worker.start_once()
            if message["data"]["workflow_complete"]:
                break
    worker.join()
    logged = StatusEvent.objects.filter(document=document, pk__gte=messages[0]["id"])
    assert [message["id"] for message in messages] == list(logged.values_list("pk", flat=True))
    assert messages[0]["data"]["status"] == "queued"


def test_websocket_resumes_after_last_event_id_and_sends_heartbeats(tenant, server):
    document, job = uploaded_document(tenant.case_type)
    first = StatusEvent.objects.filter(document=document).last()
    assert first is not None
    extraction_job_run(job_id=str(job.pk))
    missed = list(
        StatusEvent.objects.filter(document=document, pk__gt=first.pk).values_list("pk", flat=True)
    )
    query = f"token={token_for(tenant)}&document_id={document.public_id}&last_event_id={first.pk}"
    with connect(ws_url(server, query)) as ws:
        received = [json.loads(ws.recv(timeout=10)) for _ in missed]
        heartbeat = json.loads(ws.recv(timeout=5))
    assert [message["id"] for message in received] == missed
    assert heartbeat == {"type": "heartbeat"}


@pytest.mark.parametrize(
    ("query", "code", "error"),
    [
        ("", 4401, "TOKEN_REQUIRED"),
        ("token=forged", 4401, "TOKEN_INVALID"),
        ("document_id=doc__missing&token={token}", 4404, "DOCUMENT_NOT_FOUND"),
    ],
)
def test_websocket_refusal_sends_the_envelope_and_closes_with_4000_plus_status(
    tenant, server, query, code, error
):
    with connect(ws_url(server, query.format(token=token_for(tenant)))) as ws:
        body = json.loads(ws.recv(timeout=5))
        with pytest.raises(ConnectionClosed) as closed:
            ws.recv(timeout=5)
    assert body["error"]["code"] == error
    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == code


def test_websocket_unknown_path_is_refused(tenant, server):
    with pytest.raises(InvalidStatus) as refused:
        connect(server.replace("http://", "ws://") + "/ws/nothing")
    assert refused.value.response.status_code == 403


def test_websocket_ends_after_its_lifetime(tenant, server, settings):
    settings.REALTIME_STREAM_SECONDS = 1
    code = None
    with connect(ws_url(server, f"token={token_for(tenant)}")) as ws:
        try:
            for _ in range(10):
                ws.recv(timeout=5)
        except ConnectionClosed as closed:
            code = closed.rcvd.code if closed.rcvd else None
    assert code == 1000


def test_sse_counts_against_the_minting_keys_rate_limit(tenant, client, settings):
    settings.API_RATE_LIMIT = "1/min"
    params = {"token": token_for(tenant), "document_id": "doc__missing"}
    assert client.get("/api/v1/events", params).status_code == 404
    response = client.get("/api/v1/events", params)
    assert response.status_code == 429
    assert "Retry-After" in response
