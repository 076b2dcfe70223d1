"""The production web topology for real, on loopback: nginx with `config/nginx.conf` in front
of granian serving `config.wsgi` and uvicorn serving `config.asgi`, on the test PostgreSQL
database. Plain requests are answered by the WSGI server; long polls, the event stream and
one-call extraction by the streaming one (the WSGI server would answer them 421). Skipped
without nginx (CI installs it) and on SQLite (the servers are other processes).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import httpx
import pytest
from django.db import connection

from extraction import services
from tests.config.test_db_pool import _free_port, _server, _wait_until_up
from tests.factories import invoice_pdf, uploaded_document

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

NGINX_CONF = Path(__file__).resolve().parents[2] / "config" / "nginx.conf"
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)


def _nginx(directory: Path, port: int, web_port: int, streams_port: int) -> subprocess.Popen:
    """nginx running config/nginx.conf with its upstreams and listener moved to loopback ports."""
    assert NGINX is not None
    site = (
        NGINX_CONF.read_text()
        .replace("server web:8000;", f"server 127.0.0.1:{web_port};")
        .replace("server streams:8001;", f"server 127.0.0.1:{streams_port};")
        .replace("listen 8000;", f"listen 127.0.0.1:{port};")
    )
    (directory / "casefile.conf").write_text(site)
    temp = "\n".join(
        f"    {kind}_temp_path {directory / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (directory / "nginx.conf").write_text(
        f"worker_processes 1;\ndaemon off;\npid {directory / 'nginx.pid'};\n"
        f"error_log {directory / 'error.log'} warn;\n"
        + ("user root;\n" if os.geteuid() == 0 else "")
        + "events { worker_connections 256; }\n"
        + f"http {{\n    access_log off;\n{temp}\n    include {directory / 'casefile.conf'};\n}}\n"
    )
    return subprocess.Popen(
        [NGINX, "-e", str(directory / "error.log"), "-p", str(directory), "-c", "nginx.conf"],
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _stop(process: subprocess.Popen) -> float:
    """SIGTERM to the process group; the seconds it took to exit."""
    started = time.monotonic()
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)
    return time.monotonic() - started


def test_the_proxy_sends_plain_requests_to_wsgi_and_waiting_ones_to_the_streaming_server(
    tenant, monkeypatch, tmp_path
):
    if connection.vendor != "postgresql":
        pytest.skip("the servers are other processes: PostgreSQL only")
    if NGINX is None:
        pytest.skip("needs nginx")
    monkeypatch.setattr(services, "job_enqueue", lambda *, job_id: None)  # stays queued
    _, job = uploaded_document(tenant.case_type)
    port, web_port, streams_port = _free_port(), _free_port(), _free_port()
    heartbeat = "1"  # seconds: the event stream's first bytes come at once
    web = _server(
        web_port,
        f"casefile-test-{web_port}",
        pool=True,
        wsgi=True,
        CASEFILE_REALTIME_HEARTBEAT_SECONDS=heartbeat,
    )
    streams = _server(
        streams_port,
        f"casefile-test-{streams_port}",
        pool=True,
        CASEFILE_REALTIME_HEARTBEAT_SECONDS=heartbeat,
    )
    proxy = _nginx(tmp_path, port, web_port, streams_port)
    base = f"http://127.0.0.1:{port}"
    headers = {"X-API-Key": tenant.raw_key}
    try:
        for server_port in (web_port, streams_port, port):
            _wait_until_up(f"http://127.0.0.1:{server_port}/api/v1/casetypes", tenant.raw_key)
        with httpx.Client(base_url=base, headers=headers, timeout=30) as http:
            poll = http.get(f"/api/v1/extraction-jobs/{job.pk}")
            started = time.monotonic()
            long_poll = http.get(f"/api/v1/extraction-jobs/{job.pk}?wai%74=1")
            waited = time.monotonic() - started
            direct = httpx.get(
                f"http://127.0.0.1:{web_port}/api/v1/extraction-jobs/{job.pk}?wait=1",
                headers=headers,
            )
            minted = http.post("/ws/token").json()
            token = minted["token"]
            with http.stream("GET", "/api/v1/events", params={"token": token}) as stream:
                first = next(stream.iter_raw())
                stream_type = stream.headers["content-type"]
            extract = http.post(
                "/v1/extract",
                data={"templateName": tenant.case_type.slug, "mode": "callback"},
                files={"file": ("invoice.pdf", invoice_pdf(), "application/pdf")},
            )
            _stop(streams)
            poll_without_streams = http.get(f"/api/v1/extraction-jobs/{job.pk}")
            long_poll_without_streams = http.get(f"/api/v1/extraction-jobs/{job.pk}?wait=1")
    finally:
        for process in (proxy, streams):
            if process.poll() is None:
                _stop(process)
        web_stop_seconds = _stop(web)

    assert poll.status_code == 200
    assert long_poll.status_code == 200, long_poll.text
    assert waited >= 0.9
    assert direct.status_code == 421  # what the WSGI server says to a long poll
    assert minted["sse_url"].startswith(f"{base}/api/v1/events?")  # Host kept its port
    assert stream_type.startswith("text/event-stream")
    assert first.startswith((b":", b"id:", b"data:", b"retry:"))
    assert extract.status_code == 202, extract.text
    assert poll_without_streams.status_code == 200  # plain requests never went there
    assert long_poll_without_streams.status_code == 502
    assert web_stop_seconds < 10  # granian stops on SIGTERM
