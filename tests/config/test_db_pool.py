"""Under ASGI on PostgreSQL the web process holds a bounded number of server connections.

A real uvicorn serves the test database while eight clients call an authenticated endpoint
for a few seconds; PostgreSQL's own `pg_stat_activity` counts the server's connections (tagged
by `application_name`). With persistent per-thread connections (`CONN_MAX_AGE=60`, the old
setting) every request thread kept its own, and eight clients exhausted the server; with the
pool the count never exceeds the pool's size. PostgreSQL only (skipped on SQLite).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from django.conf import settings
from django.db import connection

from extraction import services
from tests.factories import uploaded_document

ROOT = Path(__file__).resolve().parents[2]
POOL_MAX = 3
CLIENTS = 8
SECONDS = 3.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _server(
    port: int, app_name: str, *, pool: bool, wsgi: bool = False, threads: int = 2, **extra: str
) -> subprocess.Popen:
    """A web process of the test database on loopback `port`: uvicorn serving `config.asgi`,
    or with `wsgi` granian serving `config.wsgi` (one worker, `threads` threads)."""
    db = connection.settings_dict
    host, db_port = db["HOST"] or "127.0.0.1", db["PORT"] or 5432
    environment = {
        **os.environ,
        "DATABASE_URL": (
            f"postgres://{db['USER']}@{host}:{db_port}/{db['NAME']}?application_name={app_name}"
        ),
        "CASEFILE_DB_POOL": "true" if pool else "false",
        "CASEFILE_DB_POOL_MAX": str(POOL_MAX),
        "CASEFILE_API_RATE_LIMIT": "1000000/min",
        "CASEFILE_SECRET_KEY": settings.SECRET_KEY,
        "CASEFILE_DATA_DIR": str(settings.DATA_DIR),
        "CASEFILE_LOG_LEVEL": "WARNING",
        **extra,
    }
    environment.pop("REDIS_URL", None)
    command = (
        [*("granian", "--interface", "wsgi", "config.wsgi:application"), *_threads(threads)]
        if wsgi
        else ["uvicorn", "config.asgi:application"]
    )
    return subprocess.Popen(
        [sys.executable, "-m", *command, *_bind(port)],
        cwd=ROOT,
        env=environment,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _threads(count: int) -> list[str]:
    return ["--blocking-threads", str(count)]


def _bind(port: int) -> list[str]:
    return ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]


def _server_connections(app_name: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s", [app_name]
        )
        return int(cursor.fetchone()[0])


def _wait_until_up(url: str, raw_key: str) -> None:
    with httpx.Client(timeout=5) as probe:
        deadline = time.monotonic() + 30
        while True:
            try:
                probe.get(url, headers={"X-API-Key": raw_key})
                return
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)


def _load(port: int, raw_key: str, app_name: str) -> tuple[int, int, list[int]]:
    """Eight clients for SECONDS; returns (ok responses, other responses, connection samples)."""
    url = f"http://127.0.0.1:{port}/api/v1/casetypes"
    _wait_until_up(url, raw_key)
    counts = {"ok": 0, "other": 0}
    lock = threading.Lock()
    stop = time.monotonic() + SECONDS

    def client() -> None:
        with httpx.Client(timeout=10, headers={"X-API-Key": raw_key}) as http:
            while time.monotonic() < stop:
                status = http.get(url).status_code
                with lock:
                    counts["ok" if status == 200 else "other"] += 1

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    samples = []
    while any(thread.is_alive() for thread in threads):
        samples.append(_server_connections(app_name))
        time.sleep(0.2)
    for thread in threads:
        thread.join()
    return counts["ok"], counts["other"], samples


def _run(tenant, *, pool: bool, wsgi: bool = False) -> tuple[int, int, list[int]]:
    if connection.vendor != "postgresql":
        pytest.skip("connection handling against PostgreSQL")
    port = _free_port()
    app_name = f"casefile-test-{port}"
    # granian with a thread per client: without the pool each would keep a connection
    server = _server(port, app_name, pool=pool, wsgi=wsgi, threads=CLIENTS)
    try:
        return _load(port, tenant.raw_key, app_name)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("wsgi", [False, True], ids=["uvicorn-asgi", "granian-wsgi"])
def test_web_process_under_load_holds_no_more_connections_than_its_pool(tenant, wsgi):
    ok, other, samples = _run(tenant, pool=True, wsgi=wsgi)
    assert other == 0, "every request succeeds"
    assert ok > 50
    assert max(samples) <= POOL_MAX, samples


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("wsgi", [False, True], ids=["uvicorn-asgi", "granian-wsgi"])
def test_persistent_connections_without_the_pool_grow_past_it_under_the_same_load(tenant, wsgi):
    """The control: the same load with the old setting (a connection kept per request thread)
    opens more connections than the pool allows, so the bound above is the pool's doing."""
    ok, _, samples = _run(tenant, pool=False, wsgi=wsgi)
    assert ok > 50
    assert max(samples) > POOL_MAX, samples


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("poll_path", ["extraction-jobs/{job}", "status/{document}"])
def test_long_polls_do_not_hold_pooled_connections_while_they_wait(tenant, monkeypatch, poll_path):
    """Four `?wait=` polls (of a queued job, of its document's status) against a pool of two:
    other requests still get a connection at once (a waiting poll returns its connection
    between re-reads)."""
    if connection.vendor != "postgresql":
        pytest.skip("connection handling against PostgreSQL")
    monkeypatch.setattr(services, "job_enqueue", lambda *, job_id: None)  # stays queued
    document, job = uploaded_document(tenant.case_type)
    polled = poll_path.format(job=job.pk, document=document.public_id)
    port = _free_port()
    server = _server(
        port,
        f"casefile-test-{port}",
        pool=True,
        CASEFILE_DB_POOL_MAX="2",
        CASEFILE_DB_POOL_TIMEOUT="3",
    )
    base = f"http://127.0.0.1:{port}/api/v1"
    headers = {"X-API-Key": tenant.raw_key}
    try:
        _wait_until_up(f"{base}/casetypes", tenant.raw_key)
        answers: list[int] = []

        def long_poll() -> None:
            with httpx.Client(timeout=30, headers=headers) as http:
                answers.append(http.get(f"{base}/{polled}?wait=4").status_code)

        polls = [threading.Thread(target=long_poll) for _ in range(4)]
        for poll in polls:
            poll.start()
        time.sleep(1.0)  # the polls are waiting now (until 4 s)
        with httpx.Client(timeout=30, headers=headers) as http:
            started = time.monotonic()
            statuses = [http.get(f"{base}/casetypes").status_code for _ in range(5)]
            elapsed = time.monotonic() - started
        for poll in polls:
            poll.join()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    assert statuses == [200] * 5
    assert elapsed < 2.5, f"requests waited {elapsed:.1f} s for a connection"
    assert answers == [200] * 4
