"""Structured logs: JSON lines carrying the request id (from and to `X-Request-ID`) and the
job id of the job being run."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest
from django.test import Client

from cases.apikit.logcontext import (
    ContextFilter,
    JsonFormatter,
    bound,
    job_id_var,
    request_id_var,
)
from extraction import pipeline
from tests.factories import uploaded_document


@pytest.fixture
def captured() -> Iterator[io.StringIO]:
    """What the root logger writes through the production filter and formatter."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(ContextFilter())
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    previous = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    # A test client request whose response was never closed (a download not read to its end)
    # leaves its request id bound in this thread: start outside any request, as a process does.
    tokens = [request_id_var.set(None), job_id_var.set(None)]
    yield stream
    for var, token in zip((request_id_var, job_id_var), tokens, strict=True):
        var.reset(token)
    root.removeHandler(handler)
    root.setLevel(previous)


def _lines(stream: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_a_log_line_is_one_json_object_with_the_bound_ids_and_extras(captured):
    with bound(job_id="job_42", request_id="req-7"):
        logging.getLogger("casefile.test").warning("hello %s", "world", extra={"pages": 3})
    logging.getLogger("casefile.test").warning("outside")
    inside, outside = _lines(captured)
    assert inside["message"] == "hello world"
    assert inside["level"] == "WARNING"
    assert inside["logger"] == "casefile.test"
    assert (inside["job_id"], inside["request_id"], inside["pages"]) == ("job_42", "req-7", 3)
    assert "job_id" not in outside
    assert "request_id" not in outside


def test_an_exception_is_logged_inside_the_json_object(captured):
    try:
        raise ValueError("broken")
    except ValueError:
        logging.getLogger("casefile.test").exception("failed")
    [line] = _lines(captured)
    assert "ValueError: broken" in line["exception"]


@pytest.mark.django_db
def test_the_callers_request_id_is_echoed_and_carried_by_the_requests_log_lines(captured):
    response = Client().get("/api/v1/no-such-route", HTTP_X_REQUEST_ID="abc-123")
    assert response.status_code == 404
    assert response["X-Request-ID"] == "abc-123"
    lines = [line for line in _lines(captured) if line["logger"] == "django.request"]
    assert lines
    assert all(line["request_id"] == "abc-123" for line in lines)
    assert lines[0]["path"] == "/api/v1/no-such-route"


@pytest.mark.parametrize("given", [None, "", "has spaces", "x" * 129, "new\nline"])
def test_a_missing_or_unsafe_request_id_is_replaced_by_a_new_one(given):
    headers = {} if given is None else {"HTTP_X_REQUEST_ID": given}
    response = Client().get("/healthz", **headers)
    made = response["X-Request-ID"]
    assert made != given
    assert len(made) == 32
    assert Client().get("/healthz", **headers)["X-Request-ID"] != made


@pytest.mark.django_db
def test_the_jobs_log_lines_carry_its_id(tenant, captured, monkeypatch):
    _, job = uploaded_document(tenant.case_type)
    pipeline.extraction_job_run(job_id=str(job.pk))
    ended = [line for line in _lines(captured) if line["message"].startswith(f"Job {job.pk} ended")]
    assert ended
    assert ended[0]["job_id"] == str(job.pk)
    assert ended[0]["status"] in {"completed", "review_required", "failed"}
    assert ended[0]["seconds"] >= 0
