"""The delivery engine: claiming due deliveries, sending one attempt, recording it, retrying.

Called by `webhooks.tasks` only (the worker), never from a request. Every transition is a
compare-and-set on `WebhookDelivery.status` (see the model's docstring): a claim moves a due
delivery into `delivering` with a lease and the number of the attempt it may make; the result is
recorded only if that claim still holds. So a task delivered twice, a dispatcher racing the
enqueue that followed a publish, or a worker that died mid-attempt can neither send a delivery
twice at the same time nor lose it: state lives in rows, not in the worker.

Tasks go to the webhooks queue (`WEBHOOKS_QUEUE`, served by its own django-q2 cluster:
`Q_CLUSTER_NAME=webhooks manage.py qcluster`), so a slow receiver never holds an extraction
worker. Retries are sent on time by `manage.py webhooks_dispatcher`, which calls
`deliveries_dispatch` as soon as the next delivery falls due (`next_due_at`); the one-minute
schedule calls it too, as a safety net when no dispatcher runs.

`WEBHOOKS_RETRY_SCHEDULE`, `WEBHOOKS_TIMEOUT` and `WEBHOOKS_DISABLE_AFTER_HOURS` are read at call
time so tests can shrink them. HTTP goes through `webhooks.client`; signing is
`webhooks.signing`; endpoint state changes go through `webhooks.services`.
"""

from __future__ import annotations

import logging
import random
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from webhooks import client, signing
from webhooks.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint
from webhooks.services import DELIVER_TASK, OPEN_STATUSES, endpoint_disable, iso_timestamp

logger = logging.getLogger(__name__)

DISPATCH_BATCH = 100
LEASE_BASE = timedelta(minutes=5)
JITTER = 0.1
MAX_RETRY_AFTER = timedelta(days=1)
DEFAULT_DISABLE_AFTER_HOURS = 72

Status = WebhookDelivery.Status


def _due(now: datetime) -> Q:
    """Deliveries a worker may claim at `now`: due ones, and ones whose worker was lost."""
    return (
        Q(status__in=OPEN_STATUSES, next_attempt_at__lte=now)
        | Q(status=Status.DELIVERING, locked_until__lt=now)
    ) & Q(endpoint__enabled=True)


def _lease() -> timedelta:
    return LEASE_BASE + _send_margin()


def _send_margin() -> timedelta:
    """Lease an attempt must have left to start: its request (bounded by `WEBHOOKS_TIMEOUT`,
    a total deadline) and its recording end before the lease does."""
    return timedelta(seconds=2 * float(settings.WEBHOOKS_TIMEOUT))


def _claim(*, now: datetime, **lookup: Any) -> int | None:
    """Compare-and-set into `delivering`; returns the claimed attempt's number, or None."""
    updated = WebhookDelivery.objects.filter(_due(now), **lookup).update(
        status=Status.DELIVERING,
        locked_until=now + _lease(),
        attempt_count=F("attempt_count") + 1,
        modified_at=now,
    )
    if not updated:
        return None
    return WebhookDelivery.objects.filter(**lookup).values_list("attempt_count", flat=True).get()


def deliveries_dispatch(
    *, now: datetime | None = None, limit: int = DISPATCH_BATCH
) -> list[tuple[str, int]]:
    """The periodic dispatcher: claim due deliveries, then enqueue one task per claim.

    Rows are picked with `SELECT … FOR UPDATE SKIP LOCKED` where the database has it, so
    dispatchers on several machines share the work; SQLite serialises writers instead. A claim
    is a lease: if its task is lost, the row is claimed again once the lease has passed.
    """
    from django_q.tasks import async_task

    now = now or timezone.now()
    claimed: list[tuple[str, int]] = []
    with transaction.atomic():
        due = WebhookDelivery.objects.filter(_due(now)).order_by("next_attempt_at", "id")
        if connection.features.has_select_for_update_skip_locked:
            due = due.select_for_update(skip_locked=True, of=("self",))
        for pk, public_id in list(due.values_list("pk", "public_id")[:limit]):
            number = _claim(now=now, pk=pk)
            if number is not None:
                claimed.append((public_id, number))
    for public_id, number in claimed:
        async_task(
            DELIVER_TASK,
            public_id,
            number,
            task_name=f"webhook-{public_id}-{number}",
            cluster=settings.WEBHOOKS_QUEUE,
        )
    return claimed


def next_due_at() -> datetime | None:
    """When the earliest open delivery falls due (None when none waits): the dispatcher
    sleeps until then. A lost claim (`delivering` past its lease) counts from its lease's end."""
    waiting = (
        WebhookDelivery.objects.filter(
            status__in=OPEN_STATUSES, next_attempt_at__isnull=False, endpoint__enabled=True
        )
        .order_by("next_attempt_at")
        .values_list("next_attempt_at", flat=True)
        .first()
    )
    leased = (
        WebhookDelivery.objects.filter(status=Status.DELIVERING, locked_until__isnull=False)
        .order_by("locked_until")
        .values_list("locked_until", flat=True)
        .first()
    )
    moments = [moment for moment in (waiting, leased) if moment is not None]
    return min(moments) if moments else None


def webhook_delivery_attempt(
    *, delivery_id: str, attempt_number: int | None = None, now: datetime | None = None
) -> WebhookDelivery | None:
    """Send one attempt of a delivery and record it; None when there is nothing to do.

    Without `attempt_number` the delivery is claimed here (the path right after publishing).
    With it, the dispatcher already claimed it, and the attempt goes ahead only while that
    claim still holds: a task that ran late, twice, or after its lease passed sends nothing.
    Nor does one whose lease ends within `_send_margin()`: its request could still be out when
    the lease ends and the row is claimed and sent again (two sends at once); it is left to
    that claim instead.
    """
    now = now or timezone.now()
    if attempt_number is None:
        attempt_number = _claim(now=now, public_id=delivery_id)
        if attempt_number is None:
            return None
    delivery = (
        WebhookDelivery.objects.select_related("endpoint").filter(public_id=delivery_id).first()
    )
    if (
        delivery is None
        or delivery.status != Status.DELIVERING
        or delivery.attempt_count != attempt_number
        or delivery.locked_until is None
        or delivery.locked_until - now <= _send_margin()
    ):
        return None
    endpoint = delivery.endpoint
    body = delivery.body.encode()
    headers = {
        "Content-Type": "application/json",
        "User-Agent": client.USER_AGENT,
        "X-Webhook-Event": delivery.event_type,
        **signing.signature_headers(
            message_id=delivery.message_id,
            timestamp=int(now.timestamp()),
            body=body,
            secrets=endpoint.signing_secrets(now),
        ),
    }
    result = client.webhook_post(url=endpoint.url, body=body, headers=headers)
    if not result.is_success:
        logger.warning(
            "Webhook delivery %s attempt %s to endpoint %s failed after %s ms: %s",
            delivery.public_id,
            attempt_number,
            endpoint.public_id,
            result.duration_ms,
            result.error_code or f"HTTP {result.status_code}",
        )
    return _attempt_record(
        delivery=delivery,
        number=attempt_number,
        headers=headers,
        result=result,
        finished_at=now + timedelta(milliseconds=result.duration_ms),
    )


@transaction.atomic
def _attempt_record(
    *,
    delivery: WebhookDelivery,
    number: int,
    headers: dict[str, str],
    result: client.PostResult,
    finished_at: datetime,
) -> WebhookDelivery:
    """Log the attempt and move the delivery on, compare-and-set on the claim it came from."""
    if not WebhookDelivery.objects.select_for_update().filter(pk=delivery.pk).exists():
        return delivery  # The endpoint was deleted with its log while the request was out.
    error = _attempt_error(result)
    WebhookAttempt.objects.create(
        delivery=delivery,
        number=number,
        request_headers=headers,
        request_body=delivery.body,
        response_status=result.status_code,
        duration_ms=result.duration_ms,
        response_excerpt=result.excerpt,
        error=error,
    )
    endpoint_enabled = WebhookEndpoint.objects.filter(
        pk=delivery.endpoint_id, enabled=True
    ).exists()
    changes: dict[str, Any] = {
        "locked_until": None,
        "last_status_code": result.status_code,
        "last_error": error,
        "modified_at": finished_at,
    }
    gone = result.status_code == 410
    if result.is_success:
        changes.update(status=Status.SUCCEEDED, next_attempt_at=None, delivered_at=finished_at)
    elif gone or not endpoint_enabled:
        changes.update(status=Status.DEAD, next_attempt_at=None)
    else:
        delay = retry_delay(
            position=delivery.schedule_position, retry_after=result.retry_after, now=finished_at
        )
        if delay is None:
            changes.update(status=Status.DEAD, next_attempt_at=None)
        else:
            changes.update(status=Status.FAILED_RETRYING, next_attempt_at=finished_at + delay)
        changes["schedule_position"] = F("schedule_position") + 1
    updated = WebhookDelivery.objects.filter(
        pk=delivery.pk, status=Status.DELIVERING, attempt_count=number
    ).update(**changes)
    if updated:
        endpoint = delivery.endpoint
        if result.is_success:
            WebhookEndpoint.objects.filter(pk=endpoint.pk, failing_since__isnull=False).update(
                failing_since=None
            )
        elif gone:
            endpoint_disable(
                endpoint=endpoint,
                reason=f"The endpoint answered 410 Gone on {iso_timestamp(finished_at)}.",
                now=finished_at,
            )
        else:
            _endpoint_failure_note(endpoint=endpoint, now=finished_at)
    delivery.refresh_from_db()
    return delivery


def _attempt_error(result: client.PostResult) -> str:
    if result.error_code:
        return f"{result.error_code}: {result.error}"[:500]
    status = result.status_code
    if status is None or 200 <= status < 300:
        return ""
    if 300 <= status < 400:
        return f"HTTP_{status}: the endpoint answered a redirect, which is not followed."
    return f"HTTP_{status}: the endpoint answered {status}; only 2xx counts as delivered."


def _endpoint_failure_note(*, endpoint: WebhookEndpoint, now: datetime) -> None:
    """Remember when failing began; disable after failing continuously for too long.

    A failure after a quiet spell longer than any wait between two attempts (the retry
    schedule's longest gap, or a day of `Retry-After`) begins a new run of failures: an
    endpoint whose last delivery went dead days ago is not disabled on its next first failure."""
    before_this = (
        WebhookAttempt.objects.filter(delivery__endpoint_id=endpoint.pk)
        .order_by("-created_at", "-id")
        .values_list("created_at", flat=True)[1:2]
    )
    previous = next(iter(before_this), None)
    if previous is not None and now - previous > _longest_wait_between_attempts():
        WebhookEndpoint.objects.filter(pk=endpoint.pk).update(failing_since=now)
    WebhookEndpoint.objects.filter(pk=endpoint.pk, failing_since__isnull=True).update(
        failing_since=now
    )
    failing_since = (
        WebhookEndpoint.objects.filter(pk=endpoint.pk).values_list("failing_since", flat=True).get()
    )
    hours = getattr(settings, "WEBHOOKS_DISABLE_AFTER_HOURS", DEFAULT_DISABLE_AFTER_HOURS)
    if failing_since is not None and now - failing_since >= timedelta(hours=hours):
        endpoint_disable(
            endpoint=endpoint,
            reason=(
                f"Every delivery has failed since {iso_timestamp(failing_since)} "
                f"(more than {hours:g} hours); fix the receiver, then enable the endpoint "
                "and resend the dead deliveries."
            ),
            now=now,
        )


def _longest_wait_between_attempts() -> timedelta:
    """The longest a failing delivery waits for its next attempt: the schedule's longest gap
    with its jitter, or the longest `Retry-After` honoured, plus twice the request's timeout
    (the send margin a claim keeps)."""
    longest_gap = max(settings.WEBHOOKS_RETRY_SCHEDULE, default=0) * (1 + JITTER)
    waiting = max(timedelta(seconds=longest_gap), MAX_RETRY_AFTER)
    return waiting + _send_margin()


def retry_delay(*, position: int, retry_after: str | None, now: datetime) -> timedelta | None:
    """How long to wait after the failed attempt at `position` (0-based); None when exhausted.

    `WEBHOOKS_RETRY_SCHEDULE` holds the growing (exponential) gaps between attempts; each gap
    gets ±10% jitter so that receivers recovering from an outage are not hit by every retry at
    once. A `Retry-After` answer is honoured by never retrying sooner than it asks (capped at a
    day); it does not add attempts to the schedule.
    """
    schedule = list(settings.WEBHOOKS_RETRY_SCHEDULE)
    if position >= len(schedule):
        return None
    seconds = float(schedule[position]) * random.uniform(1 - JITTER, 1 + JITTER)
    asked = retry_after_seconds(retry_after, now=now)
    if asked is not None:
        seconds = max(seconds, min(asked, MAX_RETRY_AFTER.total_seconds()))
    return timedelta(seconds=seconds)


def retry_after_seconds(value: str | None, *, now: datetime) -> float | None:
    """A `Retry-After` header (delta-seconds or an HTTP date, RFC 9110 §10.2.3) in seconds
    from `now`; None when it is neither. Delta-seconds are ASCII digits only: `str.isdigit`
    also takes `²` or `٣`, which `float` refuses."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():
        return float(value)
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        return None
    return max(0.0, (moment - now).total_seconds())
