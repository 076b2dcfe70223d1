"""A real qcluster is killed mid-job: the job is not lost, not doubled, and finishes on retry.

Runs `manage.py qcluster` as a separate process against the test database, so it needs a
database two processes can share: PostgreSQL (skipped on SQLite's in-memory test database).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pymupdf
import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone
from django_q.conf import Conf

from cases.actors import SYSTEM
from cases.services import IncomingFile, case_create, case_documents_add
from extraction import recovery, services
from extraction.models import ExtractionJob
from webhooks.models import WebhookEvent

ROOT = Path(__file__).resolve().parents[2]


def _long_pdf(pages: int = 60) -> bytes:
    """Enough text that the engine takes seconds, leaving time to kill the worker."""
    document = pymupdf.open()
    for number in range(pages):
        page = document.new_page()
        for line in range(40):
            page.insert_text(
                (50, 60 + 18 * line),
                f"Line {line} of page {number}: Invoice number INV-{number} total 12.50 EUR",
                fontsize=9,
            )
    return document.tobytes()


def _cluster(database_name: str) -> subprocess.Popen:
    db = connection.settings_dict
    host, port = db["HOST"] or "127.0.0.1", db["PORT"] or 5432
    environment = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}@{host}:{port}/{database_name}",
        "CASEFILE_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "CASEFILE_DATA_DIR": str(settings.DATA_DIR),
        "CASEFILE_WORKERS": "1",
        "CASEFILE_SECRET_KEY": settings.SECRET_KEY,  # django-q2 signs tasks with it
    }
    environment.pop("REDIS_URL", None)
    return subprocess.Popen(
        [sys.executable, "manage.py", "qcluster"],
        cwd=ROOT,
        env=environment,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wait_for(predicate, *, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.django_db(transaction=True)
def test_killed_worker_leaves_a_job_that_is_retried_once_and_completes(tenant, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("a second process needs a shared database (PostgreSQL)")
    monkeypatch.setattr(Conf, "SYNC", False)  # the real cluster takes the task from the broker
    case = case_create(workspace=tenant.workspace, case_type=tenant.case_type, actor=SYSTEM)
    [document] = case_documents_add(
        case=case, files=[IncomingFile(filename="long.pdf", content=_long_pdf())], actor=SYSTEM
    )
    cluster = _cluster(connection.settings_dict["NAME"])
    try:
        [job] = services.documents_extraction_queue(documents=[document], actor=SYSTEM)

        def processing() -> bool:
            job.refresh_from_db()
            return job.status == ExtractionJob.Status.PROCESSING

        assert _wait_for(processing, seconds=60), f"the worker never took the job ({job.status})"
    finally:
        os.killpg(cluster.pid, signal.SIGKILL)
        cluster.wait(timeout=30)

    time.sleep(0.5)
    job.refresh_from_db()
    assert job.status == ExtractionJob.Status.PROCESSING
    assert job.attempts == 1
    assert job.lease_expires_at > timezone.now()

    # Nothing happens while the lease is alive; once it expires the sweep requeues the job.
    assert recovery.extraction_jobs_recover() == {"requeued": 0, "failed": 0, "reenqueued": 0}
    ExtractionJob.objects.filter(pk=job.pk).update(
        lease_expires_at=timezone.now() - timedelta(seconds=1)
    )
    monkeypatch.setattr(Conf, "SYNC", True)  # run the retried task inline
    assert recovery.extraction_jobs_recover() == {"requeued": 1, "failed": 0, "reenqueued": 0}
    job.refresh_from_db()
    assert job.status == ExtractionJob.Status.COMPLETED
    assert job.attempts == 2
    assert WebhookEvent.objects.filter(type="extraction.completed").count() == 1
    assert job.documents.get().status == "processed"
