"""Webhook writes: publishing events into the outbox, managing endpoints, resending.

`event_publish` is the one entry point through which the rest of Casefile announces events. It
must be called inside the transaction of the change it announces: it writes the event with its
body frozen (SPEC §6 shape: event, timestamp, data) and one `WebhookDelivery` per enabled,
subscribed endpoint, and enqueues their dispatch only after that transaction commits.

Called by the API, the admin and (for `event_publish`) the other apps' services. Sending is
not done here: it runs in the worker (`webhooks.tasks` -> `webhooks.delivery`), never in a
request; this module only queues it after commit. Transitions are compare-and-set on status.
"""

from __future__ import annotations

import ipaddress
import json
import logging
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from cases.actors import SYSTEM, Actor
from cases.errors import Conflict, InvalidTransition, ValidationFailed
from cases.models import Workspace
from webhooks import client
from webhooks.models import (
    TEST_EVENT_TYPE,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
    new_endpoint_secret,
)

logger = logging.getLogger(__name__)

DELIVER_TASK = "webhooks.tasks.webhook_delivery_deliver"
MAX_GRACE_PERIOD = timedelta(days=7)

Status = WebhookDelivery.Status
OPEN_STATUSES = (Status.PENDING, Status.FAILED_RETRYING)
RESENDABLE_STATUSES = (Status.DEAD, Status.SUCCEEDED, Status.FAILED_RETRYING)


EventType = WebhookEvent.Type
"""The event types an endpoint may subscribe to; `event_publish` takes one."""


# --- Publishing ---------------------------------------------------------------------------


def event_publish(
    *, workspace: Workspace, event_type: EventType, data: dict[str, Any]
) -> WebhookEvent:
    """Write the event and its deliveries in the caller's transaction; send after commit.

    `event_type` is an `EventType` (the model's choices, exported here because callers reach
    webhooks through this module only); each event's `data` comes from its one builder
    (`extraction.events` for extraction's events)."""
    if event_type not in WebhookEvent.Type.values:
        raise ValueError(f"Unknown webhook event type {event_type!r}.")
    timestamp = timezone.now()
    payload = {
        "event": event_type,
        "timestamp": iso_timestamp(timestamp),
        "data": json.loads(json.dumps(data, cls=DjangoJSONEncoder)),
    }
    with transaction.atomic():
        event = WebhookEvent.objects.create(workspace=workspace, type=event_type, payload=payload)
        endpoints = _endpoints_subscribed(workspace=workspace, event_type=event_type)
        if endpoints:
            body = _body(payload)
            deliveries = WebhookDelivery.objects.bulk_create(
                [
                    WebhookDelivery(
                        endpoint=endpoint,
                        event=event,
                        event_type=event_type,
                        body=body,
                        next_attempt_at=timestamp,
                    )
                    for endpoint in endpoints
                ]
            )
            _enqueue_on_commit([delivery.public_id for delivery in deliveries])
        return event


def event_has_listener(*, workspace: Workspace, event_type: EventType) -> bool:
    """Whether `event_publish` would deliver `event_type` anywhere: an enabled endpoint of the
    workspace subscribes to it (jobs with `deliveryMode=webhook` are refused without one)."""
    return bool(_endpoints_subscribed(workspace=workspace, event_type=event_type))


def _endpoints_subscribed(*, workspace: Workspace, event_type: str) -> list[WebhookEndpoint]:
    endpoints = WebhookEndpoint.objects.filter(workspace=workspace, enabled=True)
    return [endpoint for endpoint in endpoints if endpoint.subscribes_to(event_type)]


def iso_timestamp(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _body(payload: dict[str, Any]) -> str:
    """The exact text sent: frozen once, so every attempt signs and sends the same bytes."""
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False, cls=DjangoJSONEncoder)


def _enqueue_on_commit(delivery_ids: Sequence[str]) -> None:
    """Enqueue after commit; if the broker fails then, the dispatcher picks the rows up."""
    ids = list(delivery_ids)
    transaction.on_commit(lambda: deliveries_enqueue(delivery_ids=ids), robust=True)


def deliveries_enqueue(*, delivery_ids: Iterable[str]) -> None:
    from django_q.tasks import async_task

    for delivery_id in delivery_ids:
        async_task(
            DELIVER_TASK,
            delivery_id,
            task_name=f"webhook-{delivery_id}",
            cluster=settings.WEBHOOKS_QUEUE,
        )


# --- Endpoints ----------------------------------------------------------------------------


def _invalid(field: str, message: str) -> ValidationFailed:
    return ValidationFailed.for_field(field, message)


def endpoint_url_check(url: str) -> str:
    """An endpoint URL must be absolute http(s) with a host; literal private hosts are refused.

    Names are resolved and checked again on every attempt (`webhooks.client`); this check only
    gives an early, clear answer for targets that can never be allowed.
    """
    url = url.strip()
    try:
        parts = urlsplit(url)
        hostname = parts.hostname or ""
        _ = parts.port
    except ValueError:
        raise _invalid("url", "Not a valid URL.") from None
    if parts.scheme not in ("http", "https"):
        raise _invalid("url", "The URL must start with http:// or https://.")
    if not hostname:
        raise _invalid("url", "The URL must name a host.")
    if len(url) > 2000:
        raise _invalid("url", "The URL must be at most 2000 characters long.")
    if any(character.isspace() or not character.isprintable() for character in url):
        # no request can carry it; one-label hosts (`http://receiver:8080/`) stay allowed
        raise _invalid("url", "The URL must not contain spaces or control characters.")
    if not settings.WEBHOOKS_ALLOW_PRIVATE_IPS:
        if hostname == "localhost" or hostname.endswith(".localhost"):
            raise _invalid("url", "Webhooks are only sent to public addresses, not localhost.")
        try:
            address = ipaddress.ip_address(hostname)
        except ValueError:
            address = None
        reason = client.address_refusal(address) if address is not None else None
        if reason is not None:
            raise _invalid(
                "url", f"Webhooks are only sent to public addresses; {hostname} is {reason}."
            )
    return url


def endpoint_events_check(events: Sequence[str]) -> list[str]:
    unknown = [name for name in events if name not in WebhookEvent.Type.values]
    if unknown:
        known = ", ".join(WebhookEvent.Type.values)
        raise _invalid("events", f"Unknown event type {unknown[0]!r}; known types: {known}.")
    return list(dict.fromkeys(events))


@transaction.atomic
def endpoint_create(
    *,
    workspace: Workspace,
    url: str,
    description: str = "",
    events: Sequence[str] = (),
    enabled: bool = True,
) -> WebhookEndpoint:
    """Create an endpoint with a fresh `whsec_` secret (the caller shows it to the user)."""
    return WebhookEndpoint.objects.create(
        workspace=workspace,
        url=endpoint_url_check(url),
        description=description.strip()[:500],
        events=endpoint_events_check(events),
        enabled=enabled,
    )


@transaction.atomic
def endpoint_update(
    *,
    endpoint: WebhookEndpoint,
    actor: Actor = SYSTEM,
    url: str | None = None,
    description: str | None = None,
    events: Sequence[str] | None = None,
    enabled: bool | None = None,
) -> WebhookEndpoint:
    """Change what was given; `enabled` goes through `endpoint_enable`/`endpoint_disable`."""
    changed: list[str] = []
    if url is not None:
        endpoint.url = endpoint_url_check(url)
        changed.append("url")
    if description is not None:
        endpoint.description = description.strip()[:500]
        changed.append("description")
    if events is not None:
        endpoint.events = endpoint_events_check(events)
        changed.append("events")
    if changed:
        endpoint.save(update_fields=[*changed, "modified_at"])
    if enabled is True:
        endpoint = endpoint_enable(endpoint=endpoint)
    elif enabled is False:
        endpoint = endpoint_disable(endpoint=endpoint, reason=f"Disabled by {actor.label}.")
    return endpoint


@transaction.atomic
def endpoint_delete(*, endpoint: WebhookEndpoint) -> None:
    """Delete the endpoint with its delivery log; a task still holding one finds nothing."""
    endpoint.delete()


@transaction.atomic
def endpoint_secret_rotate(
    *,
    endpoint: WebhookEndpoint,
    grace_period: timedelta = timedelta(hours=24),
    now: datetime | None = None,
) -> WebhookEndpoint:
    """Give the endpoint a new secret; the old one keeps signing for `grace_period`.

    Only one previous secret is kept: rotating again inside a grace period ends the older one.
    The secret kept is the one stored, read under the row's lock, not `endpoint`'s copy: of two
    rotations at once, the second keeps the first one's secret, which its caller was given.
    """
    now = now or timezone.now()
    if grace_period < timedelta(0) or grace_period > MAX_GRACE_PERIOD:
        raise _invalid("grace_period_hours", "The grace period must be between 0 and 168 hours.")
    keep_previous = grace_period > timedelta(0)
    stored_secret = (
        WebhookEndpoint.objects.select_for_update()
        .filter(pk=endpoint.pk)
        .values_list("secret", flat=True)
        .get()
    )
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(
        secret=new_endpoint_secret(),
        previous_secret=stored_secret if keep_previous else "",
        previous_secret_expires_at=now + grace_period if keep_previous else None,
        modified_at=now,
    )
    endpoint.refresh_from_db()
    return endpoint


@transaction.atomic
def endpoint_disable(
    *, endpoint: WebhookEndpoint, reason: str, now: datetime | None = None
) -> WebhookEndpoint:
    """Disable with a reason admins see; its queued deliveries become dead (and resendable).

    Disabling an endpoint that is already disabled keeps the first reason.
    """
    now = now or timezone.now()
    updated = WebhookEndpoint.objects.filter(pk=endpoint.pk, enabled=True).update(
        enabled=False, disabled_reason=reason[:500], disabled_at=now, modified_at=now
    )
    if updated:
        WebhookDelivery.objects.filter(endpoint_id=endpoint.pk, status__in=OPEN_STATUSES).update(
            status=Status.DEAD,
            next_attempt_at=None,
            last_error=f"ENDPOINT_DISABLED: {reason}"[:500],
            modified_at=now,
        )
        logger.warning("Webhook endpoint %s disabled: %s", endpoint.public_id, reason)
    endpoint.refresh_from_db()
    return endpoint


@transaction.atomic
def endpoint_enable(*, endpoint: WebhookEndpoint) -> WebhookEndpoint:
    """Enable again; the failure history starts afresh. Dead deliveries wait for a resend."""
    WebhookEndpoint.objects.filter(pk=endpoint.pk, enabled=False).update(
        enabled=True,
        disabled_reason="",
        disabled_at=None,
        failing_since=None,
        modified_at=timezone.now(),
    )
    endpoint.refresh_from_db()
    return endpoint


@transaction.atomic
def endpoint_test_send(
    *, endpoint: WebhookEndpoint, now: datetime | None = None
) -> WebhookDelivery:
    """Queue a `webhook.test` message to this endpoint only, delivered like any event."""
    now = now or timezone.now()
    _require_enabled(endpoint)
    payload = {
        "event": TEST_EVENT_TYPE,
        "timestamp": iso_timestamp(now),
        "data": {
            "webhook_id": endpoint.public_id,
            "workspace_id": endpoint.workspace.public_id,
            "message": "A test event from Casefile: your endpoint is reachable.",
        },
    }
    delivery = WebhookDelivery.objects.create(
        endpoint=endpoint,
        event=None,
        event_type=TEST_EVENT_TYPE,
        body=_body(payload),
        next_attempt_at=now,
    )
    _enqueue_on_commit([delivery.public_id])
    return delivery


def _require_enabled(endpoint: WebhookEndpoint) -> None:
    if not WebhookEndpoint.objects.filter(pk=endpoint.pk, enabled=True).exists():
        raise Conflict(
            "The endpoint is disabled; enable it first.",
            code="ENDPOINT_DISABLED",
            details={"disabled_reason": endpoint.disabled_reason},
        )


# --- Delivering ---------------------------------------------------------------------------


@transaction.atomic
def delivery_resend(*, delivery: WebhookDelivery, now: datetime | None = None) -> WebhookDelivery:
    """Queue a dead, succeeded or waiting delivery again, with a fresh retry schedule.

    The message id stays the same, so receivers that already processed it can recognise it.
    """
    now = now or timezone.now()
    _require_enabled(delivery.endpoint)
    updated = WebhookDelivery.objects.filter(pk=delivery.pk, status__in=RESENDABLE_STATUSES).update(
        status=Status.PENDING,
        schedule_position=0,
        next_attempt_at=now,
        locked_until=None,
        last_error="",
        modified_at=now,
    )
    if not updated:
        raise InvalidTransition(
            "The delivery is already queued or being sent.", code="DELIVERY_IN_PROGRESS"
        )
    _enqueue_on_commit([delivery.public_id])
    delivery.refresh_from_db()
    return delivery
