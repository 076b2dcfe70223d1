"""The WSGI application (`config.wsgi`, the production server for requests that answer at once),
called in process with a PEP 3333 environ as granian builds it: Django answers plain requests;
requests that wait are refused 421; bodies over the limit 413 before Django reads them; chunked
bodies reach Django; the server's environment stays out of `request.META`; forwarded client
addresses are trusted only from the allowed proxies."""

from __future__ import annotations

import io
import json
import os
import sys
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

from cases.apikit import request_limits
from extraction import services
from extraction.models import ExtractionJob
from tests.factories import invoice_pdf, uploaded_document


class _Unreadable(io.RawIOBase):
    def read(self, size: int = -1) -> bytes:
        raise AssertionError("the body was read")


def wsgi_call(
    method: str,
    path: str,
    *,
    query: str = "",
    headers: dict[str, str] | None = None,
    body: bytes = b"",
    chunked: bool = False,
    remote_addr: str = "127.0.0.1",
    stream: Any = None,
    app: Any = None,
) -> tuple[int, dict[str, str], bytes]:
    """One request through `config.wsgi.application` (or `app`): status, headers, body."""
    from config.wsgi import application

    environ: dict[str, Any] = {
        **os.environ,  # as granian starts each environ
        "REQUEST_METHOD": method,
        "SCRIPT_NAME": "",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": remote_addr,
        "HTTP_HOST": "testserver",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": stream if stream is not None else io.BytesIO(body),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
        "wsgi.input_terminated": True,
    }
    if chunked:
        environ["HTTP_TRANSFER_ENCODING"] = "chunked"
    elif body:
        environ["CONTENT_LENGTH"] = str(len(body))
    for name, value in (headers or {}).items():
        key = name.upper().replace("-", "_")
        environ[key if key in ("CONTENT_TYPE", "CONTENT_LENGTH") else f"HTTP_{key}"] = value
    answer: dict[str, Any] = {}

    def start_response(status: str, response_headers: list, exc_info: Any = None) -> None:
        answer["status"] = int(status.split()[0])
        answer["headers"] = dict(response_headers)

    # As Django's test client does: the test's own database connection stays open (the
    # handler's request signals would close it, and with it the test's transaction).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        chunks = (app or application)(environ, start_response)
        try:
            content = b"".join(chunks)
        finally:
            getattr(chunks, "close", lambda: None)()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return answer["status"], answer["headers"], content


def _job_upload(tenant) -> tuple[bytes, dict[str, str]]:
    body = encode_multipart(
        BOUNDARY,
        {
            "templateName": tenant.case_type.slug,
            "file": SimpleUploadedFile("invoice.pdf", invoice_pdf(), "application/pdf"),
        },
    )
    return body, {"Content-Type": MULTIPART_CONTENT, "X-API-Key": tenant.raw_key}


def test_a_status_poll_is_answered_by_django(tenant):
    _, job = uploaded_document(tenant.case_type)

    status, headers, body = wsgi_call(
        "GET", f"/api/v1/extraction-jobs/{job.pk}", headers={"X-API-Key": tenant.raw_key}
    )

    assert status == 200, body
    assert json.loads(body)["job"]["id"] == str(job.pk)
    assert headers["Content-Type"] == "application/json"


@pytest.mark.parametrize(
    ("method", "path", "query"),
    [
        ("GET", "/ws/status", ""),
        ("GET", "/api/v1/events", "token=abc"),
        ("POST", "/v1/extract", ""),
        ("POST", "/api/v1/review", ""),
        ("GET", "/api/v1/extraction-jobs/job_1", "wait=5"),
        ("GET", "/status/doc_1", "a=1&wait=30"),
    ],
)
def test_requests_that_wait_are_refused_421_before_django(db, method, path, query):
    status, _, body = wsgi_call(method, path, query=query, stream=_Unreadable())

    assert status == 421
    error = json.loads(body)["error"]
    assert error["code"] == "MISDIRECTED_REQUEST"
    assert "config.asgi" in error["message"]


def test_a_poll_with_wait_0_does_not_wait_and_is_answered(tenant):
    _, job = uploaded_document(tenant.case_type)

    status, _, _ = wsgi_call(
        "GET",
        f"/api/v1/extraction-jobs/{job.pk}",
        query="wait=0",
        headers={"X-API-Key": tenant.raw_key},
    )

    assert status == 200


def test_a_chunked_upload_reaches_django_whole_and_creates_its_job(tenant, monkeypatch):
    monkeypatch.setattr(services, "job_enqueue", lambda *, job_id: None)
    body, headers = _job_upload(tenant)
    monkeypatch.setattr(request_limits, "SPOOL_IN_MEMORY_BYTES", 1024)  # spooled to disk

    status, _, answer = wsgi_call(
        "POST", "/api/v1/extraction-jobs", headers=headers, body=body, chunked=True
    )

    assert status == 202, answer
    job = ExtractionJob.objects.get(pk=json.loads(answer)["job"]["id"])
    assert job.source_file.blob.read() == invoice_pdf()


def test_a_body_without_any_length_reaches_django_whole(tenant, monkeypatch):
    """HTTP/2 sends a body without `content-length` and without chunked transfer coding."""
    monkeypatch.setattr(services, "job_enqueue", lambda *, job_id: None)
    body, headers = _job_upload(tenant)

    status, _, answer = wsgi_call(
        "POST", "/api/v1/extraction-jobs", headers=headers, stream=io.BytesIO(body)
    )

    assert status == 202, answer


def test_the_spooled_body_is_closed_with_the_response(db):
    from cases.apikit.request_limits import WsgiRequestSizeLimit

    bodies: list[Any] = []

    def app(environ, start_response):
        bodies.append(environ["wsgi.input"])
        assert environ["wsgi.input"].read() == b"x" * 10
        start_response("200 OK", [])
        return [b"ok"]

    wsgi_call("POST", "/anything", body=b"x" * 10, chunked=True, app=WsgiRequestSizeLimit(app))

    assert bodies[0].closed


def test_a_chunked_body_over_the_limit_is_refused_413_and_creates_nothing(
    tenant, settings, monkeypatch
):
    monkeypatch.setattr(services, "job_enqueue", lambda *, job_id: None)
    body, headers = _job_upload(tenant)
    settings.MAX_REQUEST_BYTES = len(body) - 1

    status, _, answer = wsgi_call(
        "POST", "/api/v1/extraction-jobs", headers=headers, body=body, chunked=True
    )

    assert status == 413
    assert json.loads(answer)["error"]["code"] == "PAYLOAD_TOO_LARGE"
    assert not ExtractionJob.objects.exists()


def test_a_declared_length_over_the_limit_is_refused_without_reading_the_body(db, settings):
    settings.MAX_REQUEST_BYTES = 1000

    status, headers, answer = wsgi_call(
        "POST",
        "/api/v1/extraction-jobs",
        headers={"Content-Length": "1001", "Content-Type": MULTIPART_CONTENT},
        stream=_Unreadable(),
    )

    assert status == 413
    assert json.loads(answer)["error"]["details"] == {"limit_bytes": 1000}
    assert "Connection" not in headers  # hop-by-hop: the server's to set (PEP 3333)


def _seen_environ(app_wrapper, **call) -> dict[str, Any]:
    seen: dict[str, Any] = {}

    def app(environ, start_response):
        seen.update(environ)
        start_response("204 No Content", [])
        return []

    wsgi_call("GET", "/healthz", app=app_wrapper(app), **call)
    return seen


def test_the_servers_environment_variables_stay_out_of_the_request(monkeypatch):
    from config.wsgi import WithoutProcessEnvironment

    monkeypatch.setenv("CASEFILE_TEST_SECRET", "s3cret")
    monkeypatch.setenv("HTTP_PROXY", "http://proxy.internal:3128")  # a header's name
    monkeypatch.setenv("CONTENT_TYPE", "text/x-process")  # a CGI variable's name

    seen = _seen_environ(WithoutProcessEnvironment, query="a=1")

    assert "CASEFILE_TEST_SECRET" not in seen
    assert "PATH" not in seen
    assert "HTTP_PROXY" not in seen
    assert "CONTENT_TYPE" not in seen
    assert seen["QUERY_STRING"] == "a=1"
    assert seen["HTTP_HOST"] == "testserver"


def test_a_request_header_that_shares_a_process_variables_name_is_kept(monkeypatch):
    from config.wsgi import WithoutProcessEnvironment

    monkeypatch.setenv("HTTP_X_TRACE", "from-the-process")

    seen = _seen_environ(WithoutProcessEnvironment, headers={"X-Trace": "from-the-client"})

    assert seen["HTTP_X_TRACE"] == "from-the-client"


@pytest.mark.parametrize(
    ("remote_addr", "forwarded_for", "expected"),
    [
        ("127.0.0.1", None, 200),  # loopback itself
        ("127.0.0.1", "203.0.113.7", 403),  # the allowed proxy says: a client elsewhere
        ("198.51.100.2", "127.0.0.1", 403),  # a client that is not an allowed proxy claims loopback
    ],
)
def test_forwarded_addresses_are_trusted_only_from_allowed_proxies(
    db, settings, remote_addr, forwarded_for, expected
):
    """`/metrics` without a token answers loopback clients only: behind the proxy it must see
    the client's address, and a client must not pass for loopback by sending the header."""
    settings.METRICS_TOKEN = ""
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}

    status, _, _ = wsgi_call("GET", "/metrics", headers=headers, remote_addr=remote_addr)

    assert status == expected
