"""Fault tests: the world misbehaves and Casefile keeps its promises.

- the webhook receiver is down for the whole retry schedule: every delivery ends `dead`,
  visible in the delivery log, none lost (in-process, real time, the real dispatcher);
- PostgreSQL restarts under load: API requests fail cleanly (JSON 503 with Retry-After), then
  succeed again without restarting Casefile (a real uvicorn process behind a TCP proxy that
  drops every connection and refuses new ones for a while, as a restarting server does);
- a worker is killed mid-job on the Redis broker (the ORM broker's case is
  `tests/extraction/test_worker_kill.py`): one result, one set of webhook events;
- the web process is killed mid-upload (while the body arrives, and at moments while it is
  handled): nothing half-created, every row whole and its file on disk. A file written just
  before the kill may remain without a row (`cases.files`: harmless by design).

Tests that need PostgreSQL, Redis or child processes are marked and skip cleanly without them.
"""

from __future__ import annotations

import pytest
from django.core.management import call_command

from webhooks import services
from webhooks.models import WebhookDelivery

Status = WebhookDelivery.Status


def deliveries_open(endpoint) -> bool:
    return WebhookDelivery.objects.filter(endpoint=endpoint).exclude(status=Status.DEAD).exists()


def test_a_receiver_down_for_the_whole_schedule_leaves_every_delivery_dead_and_visible(
    tenant, receiver, loopback_allowed, settings, django_capture_on_commit_callbacks
):
    settings.WEBHOOKS_RETRY_SCHEDULE = [0.2, 0.2]
    endpoint = services.endpoint_create(workspace=tenant.workspace, url=receiver.url)
    receiver.stop()
    events = 5
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(events):
            services.event_publish(
                workspace=tenant.workspace,
                event_type=services.EventType.EXTRACTION_COMPLETED,
                data={"job_id": f"job-{number}"},
            )
    for _ in range(40):  # bounded: the schedule needs about a second; a loaded machine more
        call_command("webhooks_dispatcher", interval=0.05, max_seconds=0.5)
        if not deliveries_open(endpoint):
            break

    deliveries = WebhookDelivery.objects.filter(endpoint=endpoint)
    assert deliveries.count() == events
    assert set(deliveries.values_list("status", flat=True)) == {Status.DEAD}
    assert set(deliveries.values_list("attempt_count", flat=True)) == {3}
    log = tenant.client.get(f"/api/v1/webhooks/{endpoint.public_id}/deliveries?status=dead")
    assert log.status_code == 200
    listed = log.json()["data"]
    assert listed["total_count"] == events
    assert {item["status"] for item in listed["deliveries"]} == {"dead"}
    assert receiver.requests == []


def _load(port: int, key: str, *, seconds: float, clients: int = 4) -> list[tuple[int, str, str]]:
    """`clients` threads polling the case-type list for `seconds`: (status, code, Retry-After)."""
    import threading
    import time

    import httpx

    seen: list[tuple[int, str, str]] = []
    deadline = time.monotonic() + seconds

    def poll() -> None:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=15) as client:
            while time.monotonic() < deadline:
                response = client.get("/api/v1/casetypes", headers={"X-API-Key": key})
                code = ""
                if response.status_code >= 400:
                    try:
                        code = response.json()["error"]["code"]
                    except ValueError:
                        code = f"NOT JSON: {response.text[:200]}"
                seen.append((response.status_code, code, response.headers.get("Retry-After", "")))

    threads = [threading.Thread(target=poll) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 30)
    return seen


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_postgresql_restarting_under_load_is_a_clean_503_then_recovers_by_itself(tenant):
    from django.conf import settings
    from django.db import connection

    from tests.hostile.processes import (
        TcpProxy,
        free_port,
        stop,
        wait_for,
        wait_until_serving,
        web_process,
    )

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (run with DATABASE_URL, as CI's second pass does)")
    db = connection.settings_dict
    proxy = TcpProxy(int(db["PORT"] or 5432), db["HOST"] or "127.0.0.1")
    proxy.up()
    port = free_port()
    web = web_process(
        {
            "DATABASE_URL": f"postgres://{db['USER']}@127.0.0.1:{proxy.port}/{db['NAME']}",
            "CASEFILE_SECRET_KEY": settings.SECRET_KEY,
            "CASEFILE_DATA_DIR": str(settings.DATA_DIR),
            "CASEFILE_DB_POOL_TIMEOUT": "2",
            "CASEFILE_API_RATE_LIMIT": "100000/min",
        },
        port,
    )
    try:
        assert wait_until_serving(port), "uvicorn did not start"
        before = _load(port, tenant.raw_key, seconds=1.0)
        assert before
        assert {status for status, _, _ in before} == {200}

        proxy.down()  # every connection reset, new ones refused: PostgreSQL is restarting
        during = _load(port, tenant.raw_key, seconds=3.0)
        assert during
        assert {(status, code) for status, code, _ in during} == {(503, "SERVICE_UNAVAILABLE")}
        assert all(retry_after for _, _, retry_after in during)

        proxy.up()  # PostgreSQL is back; Casefile is not restarted
        recovering: list[tuple[int, str, str]] = []

        def recovered() -> bool:
            recovering.extend(_load(port, tenant.raw_key, seconds=0.1, clients=1))
            return bool(recovering) and recovering[-1][0] == 200

        assert wait_for(recovered, seconds=20, step=0.2), recovering[-5:]
        assert {status for status, _, _ in recovering} <= {200, 503}, recovering
        after = _load(port, tenant.raw_key, seconds=1.0)
        assert {status for status, _, _ in after} == {200}
    finally:
        stop(web)
        proxy.down()


REDIS_URL_FOR_FAULTS = "redis://127.0.0.1:6379/13"


def _redis_available() -> bool:
    import redis

    try:
        return bool(redis.from_url(REDIS_URL_FOR_FAULTS, socket_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_job_on_the_redis_broker_gives_one_result_and_one_event(
    tenant, monkeypatch
):
    """As `tests/extraction/test_worker_kill.py` does for the ORM broker, on Redis: the task
    is lost with the worker (Redis pops it), the job's lease brings it back, once."""
    import os
    import signal
    import subprocess
    import sys
    import time
    from datetime import timedelta

    import redis
    from django.conf import settings
    from django.db import connection
    from django.utils import timezone
    from django_q.conf import Conf

    from cases.actors import SYSTEM
    from cases.services import IncomingFile, case_create, case_documents_add
    from extraction import recovery
    from extraction import services as extraction_services
    from extraction.models import ExtractionJob
    from tests.extraction.test_worker_kill import _long_pdf
    from tests.hostile.processes import ROOT, wait_for
    from webhooks.models import WebhookEvent

    if connection.vendor != "postgresql":
        pytest.skip("a second process needs a shared database (PostgreSQL)")
    if not _redis_available():
        pytest.skip("needs Redis on 127.0.0.1:6379")
    redis.from_url(REDIS_URL_FOR_FAULTS).flushdb()
    monkeypatch.setattr(Conf, "SYNC", False)
    monkeypatch.setattr(Conf, "ORM", None)
    monkeypatch.setattr(Conf, "REDIS", REDIS_URL_FOR_FAULTS)
    services.endpoint_create(workspace=tenant.workspace, url="https://hooks.example/in")
    case = case_create(workspace=tenant.workspace, case_type=tenant.case_type, actor=SYSTEM)
    [document] = case_documents_add(
        case=case, files=[IncomingFile(filename="long.pdf", content=_long_pdf(40))], actor=SYSTEM
    )
    db = connection.settings_dict
    host, port = db["HOST"] or "127.0.0.1", db["PORT"] or 5432
    cluster = subprocess.Popen(
        [sys.executable, "manage.py", "qcluster"],
        cwd=ROOT,
        env={
            **os.environ,
            "DATABASE_URL": f"postgres://{db['USER']}@{host}:{port}/{db['NAME']}",
            "REDIS_URL": REDIS_URL_FOR_FAULTS,
            "CASEFILE_DATA_DIR": str(settings.DATA_DIR),
            "CASEFILE_MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "CASEFILE_WORKERS": "1",
            "CASEFILE_SECRET_KEY": settings.SECRET_KEY,
        },
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        [job] = extraction_services.documents_extraction_queue(documents=[document], actor=SYSTEM)

        def processing() -> bool:
            job.refresh_from_db()
            return job.status == ExtractionJob.Status.PROCESSING

        assert wait_for(processing, seconds=60), f"the worker never took the job ({job.status})"
    finally:
        os.killpg(cluster.pid, signal.SIGKILL)
        cluster.wait(timeout=30)
    time.sleep(0.3)
    job.refresh_from_db()
    assert job.status == ExtractionJob.Status.PROCESSING
    assert job.attempts == 1

    ExtractionJob.objects.filter(pk=job.pk).update(
        lease_expires_at=timezone.now() - timedelta(seconds=1)
    )
    monkeypatch.setattr(Conf, "SYNC", True)  # the retried task runs inline
    assert recovery.extraction_jobs_recover()["requeued"] == 1
    assert recovery.extraction_jobs_recover()["requeued"] == 0
    job.refresh_from_db()
    assert job.status == ExtractionJob.Status.COMPLETED
    assert job.attempts == 2
    assert WebhookEvent.objects.filter(type="extraction.completed").count() == 1
    events = list(WebhookEvent.objects.values_list("type", flat=True))
    assert len(events) == len(set(events)), events  # no event announced twice
    assert WebhookDelivery.objects.count() == len(events)  # one endpoint: one delivery each


def _multipart(fields: dict[str, str], filename: str, content: bytes) -> tuple[bytes, str]:
    boundary = "casefile-fault-boundary"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
        "Content-Type: application/pdf\r\n\r\n".encode()
        + content
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def _send_upload(port: int, key: str, body: bytes, content_type: str, *, send: int, idem: str):
    """Open a raw connection and send the request with only the first `send` bytes of body."""
    import socket

    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    head = (
        "POST /api/v1/extraction-jobs HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"X-API-Key: {key}\r\nIdempotency-Key: {idem}\r\nContent-Type: {content_type}\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode()
    sock.sendall(head + body[:send])
    return sock


def _nothing_half_created(workspace) -> None:
    """Rows come whole or not at all, and every stored row's file is on disk."""
    from cases.models import Case, StoredFile
    from extraction.models import ExtractionJob, IdempotencyRecord

    for job in ExtractionJob.objects.filter(workspace=workspace):
        assert job.source_file.blob.storage.exists(str(job.source_file.blob.name)), job.pk
        assert job.documents.count() == 1, job.pk
    for case in Case.objects.filter(workspace=workspace):
        assert case.documents.count() >= 1, case.public_id
    for stored in StoredFile.objects.filter(workspace=workspace):
        assert stored.blob.storage.exists(str(stored.blob.name)), stored.public_id
    for record in IdempotencyRecord.objects.filter(workspace=workspace, job__isnull=False):
        assert record.job is not None
        assert record.job.workspace_id == workspace.pk


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_web_process_killed_mid_upload_leaves_nothing_half_created(tenant):
    import time

    from django.conf import settings
    from django.db import connection

    from cases.models import Case, StoredFile
    from extraction.models import ExtractionJob, IdempotencyRecord
    from tests.extraction.test_worker_kill import _long_pdf
    from tests.hostile.processes import free_port, stop, wait_until_serving, web_process

    if connection.vendor != "postgresql":
        pytest.skip("a second process needs a shared database (PostgreSQL)")
    db = connection.settings_dict
    environment = {
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}",
        "CASEFILE_SECRET_KEY": settings.SECRET_KEY,
        "CASEFILE_DATA_DIR": str(settings.DATA_DIR),
        "CASEFILE_MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    content = _long_pdf(60)
    body, content_type = _multipart({"templateName": tenant.case_type.slug}, "big.pdf", content)
    workspace = tenant.workspace

    # 1. Killed while the body is still arriving: nothing at all exists afterwards.
    port = free_port()
    web = web_process(environment, port)
    try:
        assert wait_until_serving(port), "uvicorn did not start"
        sock = _send_upload(
            port, tenant.raw_key, body, content_type, send=len(body) // 2, idem="half"
        )
        time.sleep(0.3)
    finally:
        stop(web)
    sock.close()
    assert not ExtractionJob.objects.filter(workspace=workspace).exists()
    assert not Case.objects.filter(workspace=workspace).exists()
    assert not StoredFile.objects.filter(workspace=workspace).exists()
    assert not IdempotencyRecord.objects.filter(workspace=workspace).exists()

    # 2. Killed right after the last byte, at a few moments while the request is handled:
    #    each time, what exists is whole.
    for number, pause in enumerate((0.02, 0.3)):
        port = free_port()
        web = web_process(environment, port)
        try:
            assert wait_until_serving(port), "uvicorn did not start"
            sock = _send_upload(
                port, tenant.raw_key, body, content_type, send=len(body), idem=f"whole-{number}"
            )
            time.sleep(pause)
        finally:
            stop(web)
        sock.close()
        _nothing_half_created(workspace)
