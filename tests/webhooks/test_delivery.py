"""Delivery from the worker against a real HTTP receiver on 127.0.0.1.

Publishing runs its on-commit callbacks (the first attempt, inline as django-q2 runs tasks in
tests); later attempts come from the periodic dispatcher after time travel, never from sleeps.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import socket
import time
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
import time_machine

from webhooks import delivery, services, signing, tasks
from webhooks.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint

from .conftest import Reply

START = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
Status = WebhookDelivery.Status


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


@pytest.fixture
def endpoint(tenant, receiver, loopback_allowed) -> WebhookEndpoint:
    return services.endpoint_create(workspace=tenant.workspace, url=receiver.url)


@pytest.fixture
def publish(tenant, django_capture_on_commit_callbacks):
    """Publish an event; `enqueue=False` loses the after-commit enqueue (a crash right then)."""

    def run(
        event_type: services.EventType = services.EventType.EXTRACTION_COMPLETED,
        *,
        enqueue: bool = True,
    ):
        with django_capture_on_commit_callbacks(execute=enqueue):
            return services.event_publish(
                workspace=tenant.workspace,
                event_type=event_type,
                data={"job_id": "job-1", "filename": "invoice.pdf"},
            )

    return run


def around(moment: datetime | None, expected: datetime) -> bool:
    """Recorded times are the end of an attempt: the start plus its (real) duration."""
    return moment is not None and expected <= moment < expected + timedelta(seconds=2)


def seed_verify_signature(body: bytes, signature: str, secret: str) -> bool:
    """Seed 000's snippet, verbatim."""
    expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


def readme_verify_standard_webhook(headers, body: bytes, secret: str, tolerance: int = 300) -> bool:
    """webhooks/README_SECTION.md's Standard Webhooks snippet, verbatim."""
    msg_id = headers["webhook-id"]
    timestamp = headers["webhook-timestamp"]
    if abs(time.time() - int(timestamp)) > tolerance:
        return False  # too old or too far in the future: a replay
    key = base64.b64decode(secret.removeprefix("whsec_"))
    digest = hmac.new(key, f"{msg_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()
    expected = "v1," + base64.b64encode(digest).decode()
    return any(
        hmac.compare_digest(expected, candidate)
        for candidate in headers["webhook-signature"].split()
    )


class CaseInsensitive(dict):
    """Header access as in Django's and Flask's `request.headers`."""

    def __getitem__(self, name: str) -> str:
        return next(v for k, v in self.items() if k.lower() == name.lower())


def the_delivery() -> WebhookDelivery:
    return WebhookDelivery.objects.get()


# --- Arrival and signatures ---------------------------------------------------------------


def test_a_published_event_arrives_once_with_both_signatures_valid(
    endpoint, publish, receiver, clock
):
    event = publish()

    (request,) = receiver.requests
    sent = the_delivery()
    assert sent.status == Status.SUCCEEDED
    assert json.loads(request.body) == event.payload
    assert request.header("Content-Type") == "application/json"
    assert request.header("X-Webhook-Event") == "extraction.completed"
    assert request.header("X-Webhook-Id") == request.header("webhook-id") == sent.public_id
    timestamp = request.header("webhook-timestamp")
    assert timestamp == request.header("X-Webhook-Timestamp") == str(int(START.timestamp()))
    assert seed_verify_signature(
        request.body, request.header("X-Webhook-Signature"), endpoint.secret
    )
    assert signing.standard_signature_valid(
        message_id=request.header("webhook-id"),
        timestamp=int(timestamp),
        body=request.body,
        signature_header=request.header("webhook-signature"),
        secret=endpoint.secret,
        now=int(START.timestamp()),
    )


def test_the_readme_snippets_verify_a_delivered_request_and_refuse_a_replay(
    endpoint, publish, receiver, clock
):
    publish()
    (request,) = receiver.requests
    headers = CaseInsensitive(request.headers)
    assert seed_verify_signature(request.body, headers["X-Webhook-Signature"], endpoint.secret)
    assert readme_verify_standard_webhook(headers, request.body, endpoint.secret)
    assert not readme_verify_standard_webhook(headers, request.body + b" ", endpoint.secret)
    clock.shift(timedelta(minutes=6))
    assert not readme_verify_standard_webhook(headers, request.body, endpoint.secret)


def test_a_binary_answer_with_nul_bytes_is_logged_and_the_delivery_succeeds(
    endpoint, publish, receiver, clock
):
    """PostgreSQL's text refuses NUL: before, the attempt could not be recorded, the delivery
    stayed `delivering` and was sent again at every lease's end, forever."""
    receiver.reply(Reply(200, body=b"GIF89a\x01\x00\x01\x00\x00\xff"))
    publish()
    (attempt,) = WebhookAttempt.objects.all()
    assert attempt.response_excerpt.startswith("GIF89a\x01\ufffd")
    assert "\x00" not in attempt.response_excerpt
    assert the_delivery().status == "succeeded"


def test_every_attempt_is_logged_without_the_secret(endpoint, publish, receiver, clock):
    receiver.reply(Reply(200, body=b'{"received": true}'))
    publish()
    (attempt,) = WebhookAttempt.objects.all()
    assert attempt.number == 1
    assert attempt.response_status == 200
    assert attempt.response_excerpt == '{"received": true}'
    assert attempt.error == ""
    assert attempt.request_body == the_delivery().body
    assert attempt.request_headers["webhook-id"] == the_delivery().public_id
    assert endpoint.secret not in json.dumps(attempt.request_headers)
    assert endpoint.secret.removeprefix("whsec_") not in json.dumps(attempt.request_headers)


def test_during_a_rotation_both_secrets_sign_and_the_hex_header_uses_the_new_one(
    endpoint, publish, receiver, clock
):
    old = endpoint.secret
    rotated = services.endpoint_secret_rotate(endpoint=endpoint, grace_period=timedelta(hours=1))
    publish()
    (request,) = receiver.requests
    header = request.header("webhook-signature")
    assert len(header.split(" ")) == 2
    for secret in (rotated.secret, old):
        assert signing.standard_signature_valid(
            message_id=request.header("webhook-id"),
            timestamp=int(request.header("webhook-timestamp")),
            body=request.body,
            signature_header=header,
            secret=secret,
            now=int(START.timestamp()),
        )
    assert seed_verify_signature(
        request.body, request.header("X-Webhook-Signature"), rotated.secret
    )
    assert not seed_verify_signature(request.body, request.header("X-Webhook-Signature"), old)


def test_after_the_grace_period_only_the_new_secret_signs(endpoint, publish, receiver, clock):
    services.endpoint_secret_rotate(endpoint=endpoint, grace_period=timedelta(hours=1))
    clock.shift(timedelta(hours=2))
    publish()
    (request,) = receiver.requests
    assert len(request.header("webhook-signature").split(" ")) == 1


# --- Retries ------------------------------------------------------------------------------


def test_a_receiver_failing_twice_gets_the_event_on_the_third_attempt(
    endpoint, publish, receiver, clock
):
    receiver.reply(Reply(500), Reply(502))
    publish()
    first = the_delivery()
    assert first.status == Status.FAILED_RETRYING
    assert first.last_status_code == 500
    assert START + timedelta(seconds=9) <= first.next_attempt_at <= START + timedelta(seconds=13)
    assert around(WebhookEndpoint.objects.get(pk=endpoint.pk).failing_since, START)

    clock.shift(timedelta(seconds=12))
    assert tasks.webhook_deliveries_dispatch() == 1
    assert the_delivery().status == Status.FAILED_RETRYING

    clock.shift(timedelta(seconds=23))
    assert tasks.webhook_deliveries_dispatch() == 1

    done = the_delivery()
    assert done.status == Status.SUCCEEDED
    assert done.attempt_count == 3
    assert done.next_attempt_at is None
    assert [a.response_status for a in done.attempts.all()] == [500, 502, 200]
    assert len({r.header("webhook-id") for r in receiver.requests}) == 1
    assert len({r.body for r in receiver.requests}) == 1
    assert WebhookEndpoint.objects.get(pk=endpoint.pk).failing_since is None


def test_nothing_is_sent_before_the_next_attempt_is_due(endpoint, publish, receiver, clock):
    receiver.reply(Reply(500))
    publish()
    clock.shift(timedelta(seconds=5))
    assert tasks.webhook_deliveries_dispatch() == 0
    assert len(receiver.requests) == 1


def test_a_receiver_down_for_the_whole_schedule_leaves_a_dead_delivery_a_resend_delivers(
    endpoint, publish, receiver, clock, run_on_commit
):
    receiver.stop()
    publish()
    clock.shift(timedelta(seconds=12))
    tasks.webhook_deliveries_dispatch()
    clock.shift(timedelta(seconds=23))
    tasks.webhook_deliveries_dispatch()

    dead = the_delivery()
    assert dead.status == Status.DEAD
    assert dead.attempt_count == 3
    assert dead.next_attempt_at is None
    assert all(a.error.startswith("CONNECTION_FAILED") for a in dead.attempts.all())
    clock.shift(timedelta(hours=1))
    assert tasks.webhook_deliveries_dispatch() == 0

    receiver.start()
    run_on_commit(services.delivery_resend, delivery=dead)

    resent = the_delivery()
    assert resent.status == Status.SUCCEEDED
    assert resent.attempt_count == 4
    assert len(receiver.requests) == 1
    assert receiver.requests[0].header("webhook-id") == dead.public_id


def test_a_timeout_is_retried(endpoint, publish, receiver, clock, settings):
    settings.WEBHOOKS_TIMEOUT = 0.3
    receiver.reply(Reply(delay=1.0))
    publish()
    timed_out = the_delivery()
    assert timed_out.status == Status.FAILED_RETRYING
    assert timed_out.last_error.startswith("TIMEOUT")
    assert timed_out.last_status_code is None


def test_a_redirect_is_a_failure_and_is_not_followed(endpoint, publish, receiver, clock):
    receiver.reply(Reply(301, {"Location": f"http://127.0.0.1:{receiver.port}/moved"}))
    publish()
    redirected = the_delivery()
    assert redirected.status == Status.FAILED_RETRYING
    assert redirected.last_status_code == 301
    assert "redirect" in redirected.last_error
    assert [r.path for r in receiver.requests] == ["/hooks"]


def test_retry_after_is_honoured(endpoint, publish, receiver, clock):
    receiver.reply(Reply(503, {"Retry-After": "120"}))
    publish()
    waiting = the_delivery()
    assert waiting.next_attempt_at >= START + timedelta(seconds=120)

    clock.shift(timedelta(seconds=60))
    assert tasks.webhook_deliveries_dispatch() == 0
    clock.shift(timedelta(seconds=61))
    assert tasks.webhook_deliveries_dispatch() == 1
    assert the_delivery().status == Status.SUCCEEDED
    assert len(receiver.requests) == 2


# --- Disabling ----------------------------------------------------------------------------


def test_410_gone_disables_the_endpoint_with_its_reason(endpoint, publish, receiver, clock):
    receiver.reply(Reply(410))
    publish()
    gone = the_delivery()
    assert gone.status == Status.DEAD
    endpoint.refresh_from_db()
    assert not endpoint.enabled
    assert "410" in endpoint.disabled_reason
    assert around(endpoint.disabled_at, START)

    publish()
    assert WebhookDelivery.objects.count() == 1
    assert len(receiver.requests) == 1


def test_an_endpoint_failing_continuously_for_too_long_is_disabled(
    endpoint, publish, receiver, clock, settings
):
    settings.WEBHOOKS_DISABLE_AFTER_HOURS = 1
    settings.WEBHOOKS_RETRY_SCHEDULE = [1800, 1800, 1800]
    receiver.default = Reply(500)
    publish()
    clock.shift(timedelta(minutes=35))
    tasks.webhook_deliveries_dispatch()
    assert WebhookEndpoint.objects.get(pk=endpoint.pk).enabled

    clock.shift(timedelta(minutes=35))
    tasks.webhook_deliveries_dispatch()

    endpoint.refresh_from_db()
    assert not endpoint.enabled
    assert "failed since" in endpoint.disabled_reason
    assert around(endpoint.failing_since, START)
    failed = the_delivery()
    assert failed.status == Status.DEAD
    assert failed.last_error.startswith("ENDPOINT_DISABLED")
    assert len(receiver.requests) == 3


def test_a_success_in_between_resets_the_failure_clock(
    endpoint, publish, receiver, clock, settings
):
    settings.WEBHOOKS_DISABLE_AFTER_HOURS = 1
    receiver.reply(Reply(500))
    publish()
    clock.shift(timedelta(minutes=50))
    publish()
    assert WebhookEndpoint.objects.get(pk=endpoint.pk).failing_since is None
    receiver.reply(Reply(500))
    clock.shift(timedelta(minutes=20))
    publish()
    endpoint.refresh_from_db()
    assert endpoint.enabled
    assert around(endpoint.failing_since, START + timedelta(minutes=70))


def test_a_failure_after_a_quiet_spell_starts_a_new_run_of_failures(
    endpoint, publish, receiver, clock, settings
):
    """An outage a day long kills one delivery; days later the receiver is fixed and quiet,
    and the next event's first failure must not disable the endpoint at once."""
    settings.WEBHOOKS_DISABLE_AFTER_HOURS = 72
    settings.WEBHOOKS_RETRY_SCHEDULE = [3600]
    receiver.default = Reply(500)
    publish()
    clock.shift(timedelta(hours=1, minutes=10))
    tasks.webhook_deliveries_dispatch()
    assert the_delivery().status == Status.DEAD
    clock.shift(timedelta(days=4))
    publish()
    endpoint.refresh_from_db()
    assert endpoint.enabled
    assert around(endpoint.failing_since, START + timedelta(days=4, hours=1, minutes=10))


# --- The address guard --------------------------------------------------------------------


def test_the_address_guard_refuses_private_targets_by_default(
    endpoint, publish, receiver, clock, settings
):
    settings.WEBHOOKS_ALLOW_PRIVATE_IPS = False
    publish()
    refused = the_delivery()
    assert refused.status == Status.FAILED_RETRYING
    assert refused.last_error.startswith("ADDRESS_REFUSED")
    assert receiver.requests == []


# --- At least once, at most one sender at a time ------------------------------------------


def test_nothing_is_lost_when_the_enqueue_after_commit_never_ran(
    endpoint, publish, receiver, clock
):
    publish(services.EventType.CASE_CREATED, enqueue=False)
    assert receiver.requests == []

    assert tasks.webhook_deliveries_dispatch() == 1
    assert the_delivery().status == Status.SUCCEEDED
    assert len(receiver.requests) == 1


def test_a_fresh_dispatcher_resumes_the_schedule_from_the_rows(endpoint, publish, receiver, clock):
    receiver.reply(Reply(500))
    publish()
    # The worker "restarts": no state but the rows; a new dispatcher run picks the retry up.
    clock.shift(timedelta(seconds=12))
    claimed = delivery.deliveries_dispatch()
    assert claimed == [(the_delivery().public_id, 2)]
    assert the_delivery().status == Status.SUCCEEDED


def test_a_worker_that_died_mid_attempt_is_replaced_after_its_lease(
    endpoint, publish, receiver, clock
):
    publish(enqueue=False)
    item = the_delivery()
    # A worker claims attempt 1, then dies before recording anything.
    assert delivery._claim(now=START, pk=item.pk) == 1
    assert tasks.webhook_deliveries_dispatch() == 0

    clock.shift(delivery._lease() + timedelta(seconds=1))
    assert tasks.webhook_deliveries_dispatch() == 1

    recovered = the_delivery()
    assert recovered.status == Status.SUCCEEDED
    assert [a.number for a in recovered.attempts.all()] == [2]
    assert len(receiver.requests) == 1


def test_a_duplicated_task_does_not_send_twice(endpoint, publish, receiver, clock):
    publish(enqueue=False)
    delivery_id = the_delivery().public_id
    assert tasks.webhook_delivery_deliver(delivery_id) == Status.SUCCEEDED
    assert tasks.webhook_delivery_deliver(delivery_id) is None
    assert len(receiver.requests) == 1


def test_a_task_that_starts_as_its_lease_runs_out_sends_nothing(endpoint, publish, receiver, clock):
    """Its request could still be out when the lease ends and the dispatcher claims and
    sends the delivery again: two sends of one message at once."""
    publish(enqueue=False)
    item = the_delivery()
    number = delivery._claim(now=START, pk=item.pk)
    clock.shift(delivery._lease() - delivery._send_margin() + timedelta(seconds=1))
    assert tasks.webhook_delivery_deliver(item.public_id, number) is None
    assert receiver.requests == []
    clock.shift(delivery._send_margin())  # the lease has ended: claimed and sent once
    assert tasks.webhook_deliveries_dispatch() == 1
    assert len(receiver.requests) == 1
    assert the_delivery().status == Status.SUCCEEDED


def test_a_task_cannot_send_while_another_worker_holds_the_claim(
    endpoint, publish, receiver, clock
):
    publish(enqueue=False)
    item = the_delivery()
    number = delivery._claim(now=START, pk=item.pk)
    assert tasks.webhook_delivery_deliver(item.public_id) is None
    assert tasks.webhook_delivery_deliver(item.public_id, number + 1) is None
    assert receiver.requests == []
    assert tasks.webhook_delivery_deliver(item.public_id, number) == Status.SUCCEEDED
    assert tasks.webhook_delivery_deliver(item.public_id, number) is None
    assert len(receiver.requests) == 1


def test_a_deleted_endpoint_leaves_nothing_for_a_late_task(endpoint, publish, receiver, clock):
    publish(enqueue=False)
    delivery_id = the_delivery().public_id
    services.endpoint_delete(endpoint=endpoint)
    assert tasks.webhook_delivery_deliver(delivery_id) is None
    assert receiver.requests == []


def test_the_dispatcher_is_registered_to_run_every_minute(db):
    from django.core.management import call_command
    from django_q.models import Schedule

    call_command("setup_schedules", stdout=StringIO())
    schedule = Schedule.objects.get(func="webhooks.tasks.webhook_deliveries_dispatch")
    assert schedule.schedule_type == Schedule.MINUTES
    assert schedule.minutes == 1
    assert schedule.repeats == -1


def test_loopback_receiver_port_is_really_closed_while_stopped(receiver):
    receiver.stop()
    with (
        pytest.raises(ConnectionRefusedError),
        socket.create_connection(("127.0.0.1", receiver.port), timeout=1),
    ):
        pass
