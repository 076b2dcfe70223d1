"""Hostile requests, made by code: each answer is the JSON envelope with a 4xx, never a 500.

Django's own refusals (disallowed `Host`, too many fields, query parameters or files), bodies
nested a thousand deep, numbers past 2^63 in every numeric query parameter of every list, and
Idempotency-Key spellings. Refusals are logged as one line, without a traceback.
"""

from __future__ import annotations

import logging

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from extraction.models import ExtractionJob
from tests.documents import INVOICE_LINES, pdf_with_lines

JOBS = "/api/v1/extraction-jobs"
CASETYPES = "/api/v1/casetypes"
INVOICE_PDF = pdf_with_lines(INVOICE_LINES)


def assert_envelope(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["success"] is False
    assert body["status_code"] == status
    if code:
        assert body["error"]["code"] == code
    return body


def assert_logged_without_traceback(caplog) -> None:
    refusals = [r for r in caplog.records if r.name == "cases.apikit.middleware"]
    assert refusals, "the refusal is logged"
    assert all(r.exc_info is None and r.levelno == logging.WARNING for r in refusals)
    assert not [r for r in caplog.records if r.exc_info], "no traceback anywhere"


def test_disallowed_host_on_the_api_is_a_json_400_logged_without_traceback(tenant, caplog):
    response = tenant.client.get(CASETYPES, HTTP_HOST="evil.example")
    assert_envelope(response, 400, "DISALLOWED_HOST")
    assert_logged_without_traceback(caplog)


def test_disallowed_host_on_a_browser_page_stays_django_html(db):
    response = Client().get("/login/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert not response["Content-Type"].startswith("application/json")


def test_too_many_query_parameters_is_a_json_400(tenant, settings, caplog):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 50
    query = "&".join(f"p{n}=1" for n in range(60))
    response = tenant.client.get(f"{CASETYPES}?{query}")
    assert_envelope(response, 400, "TOO_MANY_FIELDS")
    assert_logged_without_traceback(caplog)


def test_too_many_form_fields_is_a_json_400(tenant, settings, caplog):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 50
    data = {f"f{n}": "x" for n in range(60)}
    response = tenant.client.post(JOBS, data, format="multipart")
    assert_envelope(response, 400, "TOO_MANY_FIELDS")
    assert_logged_without_traceback(caplog)
    assert ExtractionJob.objects.count() == 0


def test_too_many_files_is_a_json_400(tenant, settings, caplog):
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 3
    files = [SimpleUploadedFile(f"{n}.pdf", b"%PDF-1.4", "application/pdf") for n in range(5)]
    response = tenant.client.post(
        JOBS, {"file": files, "templateName": tenant.case_type.slug}, format="multipart"
    )
    assert_envelope(response, 400, "TOO_MANY_FILES")
    assert_logged_without_traceback(caplog)
    assert ExtractionJob.objects.count() == 0


@pytest.mark.parametrize("depth", [65, 1000, 100_000])
def test_a_json_body_nested_deep_is_refused_before_parsing(tenant, depth):
    body = b'{"templateName": ' + b"[" * depth + b"]" * depth + b"}"
    response = tenant.client.post(JOBS, body, content_type="application/json")
    body = assert_envelope(response, 400, "INVALID_BODY")
    assert "nested deeper than 64" in body["error"]["message"]


def test_a_json_body_64_deep_is_parsed_and_judged_on_its_fields(tenant):
    body = b'{"templateName": ' + b"[" * 63 + b"]" * 63 + b"}"
    response = tenant.client.post(JOBS, body, content_type="application/json")
    assert_envelope(response, 400, "VALIDATION_ERROR")


def test_brackets_inside_strings_do_not_count_as_depth(tenant):
    body = b'{"templateName": "' + b"[" * 5000 + b'\\"[["}'
    response = tenant.client.post(JOBS, body, content_type="application/json")
    assert response.json()["error"]["code"] != "INVALID_BODY"


@pytest.mark.parametrize(
    ("escaped", "named"),
    [
        (rb'"\ud800"', "an unpaired surrogate (\\ud800)"),
        (rb'"a\u0000b"', "a NUL character (\\u0000)"),
    ],
)
@pytest.mark.parametrize("path", [JOBS, "/api/v1/upload", "/v1/extract", "/api/v1/webhooks"])
def test_a_json_string_no_text_column_can_hold_is_refused_with_400(tenant, path, escaped, named):
    """In a value or a key, anywhere in the body: before, the upload's metadata answered 500
    (UTF-8 encoding of the lone surrogate) and PostgreSQL refused NUL in jsonb (500)."""
    for body in (b'{"xn_address": ' + escaped + b"}", b"{" + escaped + b': {"a": [1]}}'):
        response = tenant.client.post(path, body, content_type="application/json")
        answer = assert_envelope(response, 400, "INVALID_BODY")
        assert named in answer["error"]["message"]


def _idempotent_create(tenant, run_on_commit, key: str):
    pdf = SimpleUploadedFile("i.pdf", INVOICE_PDF, "application/pdf")
    return run_on_commit(
        tenant.client.post,
        JOBS,
        {"templateName": tenant.case_type.slug, "file": pdf},
        format="multipart",
        HTTP_IDEMPOTENCY_KEY=key,
    )


def test_quoted_and_bare_idempotency_keys_are_one_key(tenant, run_on_commit):
    first = _idempotent_create(tenant, run_on_commit, '"order-17"')
    second = _idempotent_create(tenant, run_on_commit, "order-17")
    assert first.status_code == 202
    assert second.status_code == 200
    assert second.json()["job"]["id"] == first.json()["job"]["id"]
    assert ExtractionJob.objects.get().idempotency_key == "order-17"


@pytest.mark.parametrize("key", ["k" * 256, '"' + "k" * 256 + '"', '"open', "a,b"])
def test_long_or_malformed_idempotency_keys_are_400_and_create_nothing(tenant, run_on_commit, key):
    body = assert_envelope(_idempotent_create(tenant, run_on_commit, key), 400)
    assert "Idempotency-Key" in body["error"]["details"]["fields"]
    assert ExtractionJob.objects.count() == 0


def _integer_query_operations() -> list[tuple[str, str]]:
    """(path template, parameter) of every GET operation with an integer query parameter."""
    from tests.api_schema import api_schema

    schema = api_schema()
    found = []
    for path, operations in schema["paths"].items():
        for parameter in operations.get("get", {}).get("parameters", []):
            if parameter["in"] == "query" and parameter["schema"].get("type") == "integer":
                found.append((path, parameter["name"]))
    return found


@pytest.mark.parametrize("value", [str(2**63), str(2**64 + 5), "9" * 40, "-1", "1e3", "0x10"])
def test_every_numeric_query_parameter_refuses_out_of_range_values_naming_it(tenant, value):
    from tests.factories import processed_document, processed_job
    from webhooks.models import WebhookEndpoint

    job = processed_job(tenant.case_type)
    document = processed_document(tenant.case_type)
    endpoint = WebhookEndpoint.objects.create(
        workspace=tenant.workspace, url="https://hooks.example/in", events=["*"]
    )
    ids = {
        "casetype_id": tenant.case_type.public_id,
        "job_id": str(job.pk),
        "document_id": document.public_id,
        "webhook_id": endpoint.public_id,
        "case_id": document.case.public_id,
    }
    checked = []
    for template, name in _integer_query_operations():
        try:
            path = template.format(**ids)
        except KeyError:
            continue  # an object this test does not build (covered by the schemathesis run)
        response = tenant.client.get(path, {name: value})
        if value in ("-1",) and response.status_code == 200:
            continue  # a parameter whose range includes -1 is not out of range
        body = assert_envelope(response, 400)
        assert name in body["error"]["details"].get("fields", {}), (path, name, body)
        checked.append((template, name))
    lists = {
        "/api/v1/extraction-jobs",
        "/api/v1/review/queue",
        "/api/v1/casetypes/{casetype_id}/cases",
        "/api/v1/webhooks/{webhook_id}/deliveries",
    }
    assert lists <= {template for template, _ in checked}


def test_a_form_body_over_djangos_memory_limit_is_a_json_413(tenant, settings, caplog):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 200
    response = tenant.client.post(
        JOBS, "templateName=" + "x" * 2000, content_type="application/x-www-form-urlencoded"
    )
    assert_envelope(response, 413, "PAYLOAD_TOO_LARGE")
    assert not [r for r in caplog.records if r.exc_info]
