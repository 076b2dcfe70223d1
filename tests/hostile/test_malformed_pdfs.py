"""Malformed PDFs and engine crashes, end to end: the job fails with a clean code and message,
and no surface a user sees (job, result, case API, case page, webhook body, `/v1/extract`)
holds a traceback or a server path."""

from __future__ import annotations

import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

import extraction.engine as engine
from extraction.models import ExtractionJob
from extraction.services import error_message_shown
from tests.hostile.inputs import pdf_with_lying_page_count, pdf_with_page_tree_cycle
from webhooks.models import WebhookEvent

committed = pytest.mark.django_db(transaction=True)
LEAKS = re.compile(r"Traceback|File \"|/srv/|/work/|/usr/|site-packages|\.py\b")


def _upload(tenant, content: bytes, url: str = "/api/v1/extraction-jobs"):
    upload = SimpleUploadedFile("broken.pdf", content, "application/pdf")
    return tenant.client.post(
        url, {"templateName": tenant.case_type.slug, "file": upload}, format="multipart"
    )


def _surfaces(tenant, job: ExtractionJob) -> dict[str, str]:
    """Every place a user can read the job's failure, as text."""
    document = job.documents.get()
    browser = Client()
    browser.force_login(tenant.admin)
    return {
        "job": tenant.client.get(f"/api/v1/extraction-jobs/{job.pk}").content.decode(),
        "result": tenant.client.get(f"/api/v1/extraction-jobs/{job.pk}/result").content.decode(),
        "case api": tenant.client.get(
            f"/api/v1/casetypes/{tenant.case_type.public_id}/cases/{document.case.public_id}"
        ).content.decode(),
        "case page": browser.get(f"/cases/{document.case.public_id}/").content.decode(),
        "webhook body": json.dumps(
            [event.payload for event in WebhookEvent.objects.filter(workspace=tenant.workspace)]
        ),
    }


@committed
@pytest.mark.parametrize("make", [pdf_with_lying_page_count, pdf_with_page_tree_cycle])
def test_a_malformed_pdf_fails_as_malformed_pdf_everywhere_without_leaks(tenant, make):
    response = _upload(tenant, make())
    assert response.status_code == 202
    job = ExtractionJob.objects.get(pk=response.json()["job"]["id"])
    assert job.status == ExtractionJob.Status.FAILED
    assert job.error_code == "MALFORMED_PDF"
    for surface, text in _surfaces(tenant, job).items():
        assert "MALFORMED_PDF" in text or surface == "case page", surface
        assert not LEAKS.search(text), (surface, LEAKS.search(text))


@committed
def test_extract_answers_a_malformed_pdf_without_a_traceback(tenant):
    response = _upload(tenant, pdf_with_page_tree_cycle(), url="/v1/extract")
    assert response.status_code >= 400
    error = response.json()["error"]
    assert error["code"] == "MALFORMED_PDF"
    assert not LEAKS.search(response.content.decode())


@committed
def test_an_engine_crash_shows_users_a_sentence_and_no_path(tenant, monkeypatch):
    def crash(_input, **_kwargs):
        raise OSError("[Errno 2] No such file: '/srv/casefile/var/tmp/x.py'")

    monkeypatch.setattr(engine, "run_engine", crash)
    response = _upload(tenant, pdf_with_lying_page_count(1))
    job = ExtractionJob.objects.get(pk=response.json()["job"]["id"])
    assert job.error_code == "WORKER_CRASHED"
    for surface, text in _surfaces(tenant, job).items():
        assert not LEAKS.search(text), (surface, LEAKS.search(text))


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ('ValueError: bad\nTraceback (most recent call last):\n  File "/b.py"', "ValueError: bad"),
        ("cannot open /var/lib/casefile/files/x.pdf now", "cannot open <path> now"),
        ("see https://example.com/a/b for help", "see https://example.com/a/b for help"),
        ('  File "/usr/lib/python3/x.py", line 1', "Document processing failed."),
        ("C:\\Users\\me\\file.pdf broke", "<path> broke"),
    ],
)
def test_error_messages_lose_tracebacks_and_paths(raw, shown):
    assert error_message_shown(raw) == shown


def test_error_messages_are_bounded():
    assert len(error_message_shown("word " * 1000)) <= 500
