"""Delivery timing: retries leave on schedule (the dispatcher), a dripping receiver is cut off
at the total deadline and logged as a timeout, and deliveries go to their own queue."""

from __future__ import annotations

import logging
import signal
from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import call_command

from webhooks import delivery, services
from webhooks.management.commands import webhooks_dispatcher as dispatcher
from webhooks.management.commands.webhooks_dispatcher import seconds_until
from webhooks.models import WebhookDelivery, WebhookEndpoint

from .conftest import Reply
from .test_client import DrippingReceiver

Status = WebhookDelivery.Status


@pytest.fixture
def endpoint(tenant, receiver, loopback_allowed) -> WebhookEndpoint:
    return services.endpoint_create(workspace=tenant.workspace, url=receiver.url)


def publish(tenant, django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        services.event_publish(
            workspace=tenant.workspace,
            event_type=services.EventType.EXTRACTION_COMPLETED,
            data={"job_id": "job-1"},
        )


def _stop_when_nothing_is_due(monkeypatch) -> None:
    """The dispatcher stops itself (its own SIGTERM handling) once no delivery is open, instead
    of running out its `max_seconds`, which stays the bound if a retry never leaves."""
    real = dispatcher.next_due_at

    def next_due_at():
        moment = real()
        if moment is None:
            signal.raise_signal(signal.SIGTERM)
        return moment

    monkeypatch.setattr(dispatcher, "next_due_at", next_due_at)


def test_retries_leave_within_a_second_of_their_planned_time(
    tenant, endpoint, receiver, settings, django_capture_on_commit_callbacks, monkeypatch
):
    settings.WEBHOOKS_RETRY_SCHEDULE = [1, 1, 1]
    receiver.reply(Reply(status=500), Reply(status=503))
    publish(tenant, django_capture_on_commit_callbacks)
    planned = WebhookDelivery.objects.get().next_attempt_at
    assert planned is not None
    _stop_when_nothing_is_due(monkeypatch)
    call_command("webhooks_dispatcher", interval=0.2, max_seconds=8)
    sent = WebhookDelivery.objects.get()
    assert sent.status == Status.SUCCEEDED
    _first, second, third = sent.attempts.order_by("number")
    # A once-a-minute sweep would leave the retry up to 60 s late; "on time" is within a second
    # or two (the bound leaves room for a loaded CI machine, far below the sweep's lateness).
    assert abs((second.created_at - planned).total_seconds()) < 2.0
    gap = (third.created_at - second.created_at).total_seconds()
    assert 0.85 < gap < 1.1 + 2.0, gap  # 1 s ±10% jitter, plus the dispatcher's wake-up


def test_a_broker_error_is_logged_and_the_dispatcher_goes_on(db, monkeypatch, caplog):
    """Redis refusing the enqueue used to end the process (only database errors were caught)."""
    calls = []

    def dispatch():
        calls.append(1)
        if len(calls) == 1:
            raise ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")
        return []

    monkeypatch.setattr(dispatcher, "deliveries_dispatch", dispatch)
    monkeypatch.setattr(dispatcher, "ERROR_PAUSE", 0.05)
    monkeypatch.setattr(dispatcher, "next_due_at", lambda: None)
    call_command("webhooks_dispatcher", interval=0.05, max_seconds=0.5)
    assert len(calls) >= 2
    assert "dispatch failed" in caplog.text


def test_the_dispatcher_sleeps_until_the_next_due_delivery_but_never_long():
    now = datetime(2026, 1, 1, tzinfo=UTC)
    assert seconds_until(None, now=now, interval=0.5) == 0.5
    assert seconds_until(now + timedelta(seconds=0.2), now=now, interval=0.5) == 0.2
    assert seconds_until(now + timedelta(minutes=5), now=now, interval=0.5) == 0.5
    assert seconds_until(now - timedelta(seconds=3), now=now, interval=0.5) == 0.01


def test_next_due_at_is_the_earliest_open_delivery(
    tenant, endpoint, receiver, settings, django_capture_on_commit_callbacks
):
    assert delivery.next_due_at() is None
    receiver.reply(Reply(status=500))
    publish(tenant, django_capture_on_commit_callbacks)
    assert delivery.next_due_at() == WebhookDelivery.objects.get().next_attempt_at


def test_deliveries_are_enqueued_on_the_webhooks_queue(
    tenant, endpoint, monkeypatch, django_capture_on_commit_callbacks
):
    import django_q.tasks

    sent: list[dict] = []
    monkeypatch.setattr(django_q.tasks, "async_task", lambda *a, **kw: sent.append(kw))
    publish(tenant, django_capture_on_commit_callbacks)
    WebhookDelivery.objects.update(status=Status.FAILED_RETRYING)
    delivery.deliveries_dispatch()
    assert len(sent) == 2  # the first attempt after publishing, then the dispatcher's
    assert {kw["cluster"] for kw in sent} == {"webhooks"}


def test_a_dripping_receiver_is_a_logged_timeout_and_is_retried(
    tenant, loopback_allowed, settings, caplog, django_capture_on_commit_callbacks
):
    settings.WEBHOOKS_TIMEOUT = 1
    dripping = DrippingReceiver(gap=0.05)
    try:
        services.endpoint_create(
            workspace=tenant.workspace, url=f"http://127.0.0.1:{dripping.port}/hook"
        )
        with caplog.at_level(logging.WARNING, logger="webhooks.delivery"):
            publish(tenant, django_capture_on_commit_callbacks)
    finally:
        dripping.close()
    timed_out = WebhookDelivery.objects.get()
    assert timed_out.status == Status.FAILED_RETRYING
    assert timed_out.last_error.startswith("TIMEOUT")
    assert timed_out.attempts.get().duration_ms < 1800
    assert any("TIMEOUT" in r.getMessage() for r in caplog.records if r.name == "webhooks.delivery")


def test_the_dispatcher_process_stops_at_once_on_sigterm(tmp_path):
    """A real `manage.py webhooks_dispatcher` (its database has no tables: errors are logged
    and retried, never fatal) exits 0 promptly after SIGTERM."""
    import os
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    environment = {**os.environ, "CASEFILE_DATA_DIR": str(tmp_path), "PYTHONUNBUFFERED": "1"}
    environment.pop("DATABASE_URL", None)
    process = subprocess.Popen(
        [sys.executable, "manage.py", "webhooks_dispatcher", "--interval", "0.2"],
        cwd=root,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert process.stdout is not None
        for line in process.stdout:  # bounded by the process: it runs until signalled
            if "dispatcher running" in line:
                break
        time.sleep(0.5)
        started = time.monotonic()
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0
        assert time.monotonic() - started < 5  # ~10 ms on an idle machine
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
