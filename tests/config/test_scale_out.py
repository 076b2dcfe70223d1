"""Two qclusters, each in its own process group, share one PostgreSQL and one Redis: every job
is run exactly once, even when the broker hands each task out twice.

The clusters are real `manage.py worker` processes (django-q2's qcluster with the bounded stop
production runs); which cluster ran a job is read from their JSON log lines (the job id bound
by the pipeline). PostgreSQL and Redis only (skipped on SQLite or without a Redis server).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pymupdf
import pytest
from django.conf import settings
from django.db import connection
from django_q.conf import Conf

from extraction import services
from extraction.models import ExtractionJob
from tests.config.conftest import TEST_REDIS_URL
from tests.factories import uploaded_document
from webhooks.models import WebhookEvent

ROOT = Path(__file__).resolve().parents[2]
JOBS = 8


def _pdf(number: int) -> bytes:
    document = pymupdf.open()
    page = document.new_page()
    for line, text in enumerate([f"Invoice INV-{number:04d}", "Total 12.50 EUR", "Thank you"]):
        page.insert_text((60, 80 + 20 * line), text, fontsize=11)
    return document.tobytes()


def _cluster(log: Path) -> subprocess.Popen:
    db = connection.settings_dict
    host, port = db["HOST"] or "127.0.0.1", db["PORT"] or 5432
    environment = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}@{host}:{port}/{db['NAME']}",
        "REDIS_URL": TEST_REDIS_URL,
        "CASEFILE_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "CASEFILE_DATA_DIR": str(settings.DATA_DIR),
        "CASEFILE_WORKERS": "1",
        "CASEFILE_SECRET_KEY": settings.SECRET_KEY,  # django-q2 signs tasks with it
        "CASEFILE_LOG_FORMAT": "json",
        "CASEFILE_LOG_LEVEL": "INFO",
        "CASEFILE_QUEUE_LOG_LEVEL": "INFO",
    }
    with log.open("wb") as sink:
        return subprocess.Popen(
            # Stopped by a process-group SIGTERM below, which ends the cluster's processes at
            # once; a stop bounded well inside the 15 s wait, should one be graceful instead.
            [sys.executable, "manage.py", "worker", "--stop-seconds", "5"],
            cwd=ROOT,
            env=environment,
            start_new_session=True,  # its own process group
            stdout=sink,
            stderr=subprocess.STDOUT,
        )


def _json_lines(log: Path) -> list[dict]:
    lines = []
    for raw in log.read_text(errors="replace").splitlines():
        try:
            lines.append(json.loads(raw))
        except ValueError:
            continue
    return lines


def _ran(log: Path) -> list[str]:
    """Job ids this cluster ran to the end (one "ended" line per run)."""
    return [
        line["job_id"]
        for line in _json_lines(log)
        if line.get("job_id") and " ended " in line.get("message", "")
    ]


def _wait_for(predicate, *, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


@pytest.fixture
def redis_broker(q_redis, monkeypatch):
    from django_q.brokers.redis_broker import Redis

    monkeypatch.setattr(Conf, "SYNC", False)
    broker = Redis(list_key=settings.Q_CLUSTER["name"])
    broker.purge_queue()
    yield broker
    broker.purge_queue()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_clusters_on_one_database_and_redis_run_every_job_exactly_once(
    tenant, redis_broker, monkeypatch, tmp_path
):
    if connection.vendor != "postgresql":
        pytest.skip("two processes need a shared database (PostgreSQL)")
    from django_q.tasks import async_task

    monkeypatch.setattr(services, "job_enqueue", lambda *, job_id: None)  # enqueued below
    jobs = [
        uploaded_document(tenant.case_type, content=_pdf(n), filename=f"inv-{n}.pdf")[1]
        for n in range(JOBS)
    ]
    logs = [Path(os.environ.get("H6_LOGS", tmp_path)) / f"cluster-{n}.log" for n in "ab"]
    clusters = [_cluster(log) for log in logs]
    try:
        assert _wait_for(
            lambda: all("running" in log.read_text(errors="replace") for log in logs), seconds=60
        ), "both clusters start"
        for job in jobs:  # every task handed out twice, as a broker redelivery would
            for _ in range(2):
                async_task(services.RUN_TASK, str(job.pk), broker=redis_broker, sync=False)

        def all_done() -> bool:
            return not ExtractionJob.objects.filter(
                pk__in=[job.pk for job in jobs],
                status__in=[ExtractionJob.Status.QUEUED, ExtractionJob.Status.PROCESSING],
            ).exists()

        assert _wait_for(all_done, seconds=120), "every job finishes"
        assert _wait_for(lambda: redis_broker.queue_size() == 0, seconds=30)
        time.sleep(1.0)  # let the second copies of the last tasks be taken and dropped
    finally:
        for cluster in clusters:
            os.killpg(cluster.pid, signal.SIGTERM)
        exit_codes = []
        for cluster in clusters:
            try:
                exit_codes.append(cluster.wait(timeout=15))
            except subprocess.TimeoutExpired:
                os.killpg(cluster.pid, signal.SIGKILL)
                exit_codes.append(cluster.wait(timeout=30))

    assert exit_codes == [0, 0], "both workers stop cleanly on SIGTERM, with nothing running"

    ran = [_ran(log) for log in logs]
    every = ran[0] + ran[1]
    assert sorted(every) == sorted(str(job.pk) for job in jobs), "each job ran once, none twice"
    assert all(ran), f"both clusters took work: {[len(r) for r in ran]}"
    for job in jobs:
        job.refresh_from_db()
        assert job.status == ExtractionJob.Status.COMPLETED, job.error_message
        assert job.attempts == 1
    assert WebhookEvent.objects.filter(type="extraction.completed").count() == JOBS
