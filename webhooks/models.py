"""Webhook events, endpoints, deliveries and attempts (SPEC §6).

An event row is written in the same transaction as the state change it announces, with its
payload frozen, so nothing announced can be lost and nothing rolled back is announced. In the
same transaction `webhooks.services.event_publish` writes one `WebhookDelivery` per subscribed
endpoint (the outbox); the worker sends it and logs every try as a `WebhookAttempt`.

Models hold data, constraints and pure predicates only: every transition is a compare-and-set
in `webhooks.services` (publishing, endpoints, resends) or `webhooks.delivery` (the worker), and
nothing here performs I/O.
"""

from __future__ import annotations

import base64
import secrets
import uuid
from datetime import datetime

from django.db import models
from django.db.models import Q

from cases.ids import prefixed_id
from cases.models import Workspace
from webhooks.signing import SECRET_PREFIX

SECRET_BYTES = 32
TEST_EVENT_TYPE = "webhook.test"


def new_endpoint_id() -> str:
    return prefixed_id("whk", 20)


def new_delivery_id() -> str:
    return prefixed_id("dlv", 24)


def new_endpoint_secret() -> str:
    """`whsec_` + base64 of 32 random bytes: the Standard Webhooks secret format."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode("ascii")


class WebhookEvent(models.Model):
    class Type(models.TextChoices):
        EXTRACTION_COMPLETED = "extraction.completed", "Extraction completed"
        REVIEW_COMPLETED = "review.completed", "Review completed"
        CASE_CREATED = "case.created", "Case created"
        CASE_UPDATED = "case.updated", "Case updated"
        DOCUMENT_UPLOADED = "document.uploaded", "Document uploaded"
        CONVERSION_COMPLETED = "conversion.completed", "Conversion completed"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    workspace = models.ForeignKey(
        Workspace, on_delete=models.CASCADE, related_name="webhook_events"
    )
    type = models.CharField(max_length=40, choices=Type.choices, db_index=True)
    payload = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.type} {self.id}"


class WebhookEndpoint(models.Model):
    """A URL of a workspace that receives signed events.

    `events` lists the subscribed event types; an empty list means every type, including types
    added later. During a secret rotation `previous_secret` keeps signing (beside `secret`) until
    `previous_secret_expires_at`, so receivers can switch without losing a delivery.

    Transitions (services only): enabled -> disabled (by a person, by a 410 Gone answer, or
    after failing continuously for `WEBHOOKS_DISABLE_AFTER_HOURS`, with `disabled_reason`);
    disabled -> enabled (by a person, which clears the reason and `failing_since`).
    """

    public_id = models.CharField(
        max_length=40, unique=True, default=new_endpoint_id, editable=False
    )
    workspace = models.ForeignKey(
        Workspace, on_delete=models.CASCADE, related_name="webhook_endpoints"
    )
    url = models.URLField(max_length=2000)
    description = models.CharField(max_length=500, blank=True)
    secret = models.CharField(max_length=100, default=new_endpoint_secret, editable=False)
    previous_secret = models.CharField(max_length=100, blank=True, editable=False)
    previous_secret_expires_at = models.DateTimeField(null=True, blank=True, editable=False)
    events = models.JSONField(
        default=list, blank=True, help_text="Subscribed event types; empty means all."
    )
    enabled = models.BooleanField(default=True)
    disabled_reason = models.CharField(max_length=500, blank=True)
    disabled_at = models.DateTimeField(null=True, blank=True)
    failing_since = models.DateTimeField(
        null=True, blank=True, help_text="First failure since the last successful delivery."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = "webhook endpoint"

    def __str__(self) -> str:
        return f"{self.url} ({self.public_id})"

    def subscribes_to(self, event_type: str) -> bool:
        return not self.events or event_type in self.events

    def signing_secrets(self, now: datetime) -> list[str]:
        """The secrets that sign a request sent at `now`: the current one first."""
        valid = [self.secret]
        if (
            self.previous_secret
            and self.previous_secret_expires_at is not None
            and self.previous_secret_expires_at > now
        ):
            valid.append(self.previous_secret)
        return valid


class WebhookDelivery(models.Model):
    """One event (or test message) owed to one endpoint, with its body frozen at publish time.

    Statuses and their transitions (compare-and-set in `webhooks.delivery`, resends and
    disabling in `webhooks.services`):
      pending -> delivering            claimed by a worker when `next_attempt_at` is due
      failed_retrying -> delivering    the same, for a later attempt
      delivering -> delivering         re-claimed after `locked_until` passed (worker lost)
      delivering -> succeeded          the endpoint answered 2xx
      delivering -> failed_retrying    any other answer, a timeout or a network error, while
                                       the retry schedule has attempts left
      delivering -> dead               schedule exhausted, 410 Gone, or endpoint disabled
      pending|failed_retrying -> dead  the endpoint was disabled
      dead|succeeded|failed_retrying -> pending   resent by a person
    """

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        DELIVERING = "delivering", "Delivering"
        SUCCEEDED = "succeeded", "Succeeded"
        FAILED_RETRYING = "failed_retrying", "Failed, retrying"
        DEAD = "dead", "Dead"

    public_id = models.CharField(
        max_length=40, unique=True, default=new_delivery_id, editable=False
    )
    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries"
    )
    event = models.ForeignKey(
        WebhookEvent,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="deliveries",
        help_text="Empty for test messages.",
    )
    event_type = models.CharField(max_length=40, db_index=True)
    body = models.TextField(help_text="The exact JSON sent, frozen when the event was published.")
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    attempt_count = models.PositiveIntegerField(default=0)
    schedule_position = models.PositiveIntegerField(
        default=0,
        help_text="Failed attempts since creation or the last resend: the index into "
        "WEBHOOKS_RETRY_SCHEDULE.",
    )
    next_attempt_at = models.DateTimeField(null=True, blank=True, db_index=True)
    locked_until = models.DateTimeField(null=True, blank=True)
    last_status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    modified_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "webhook deliveries"
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="delivering") | Q(locked_until__isnull=False),
                name="webhookdelivery_delivering_has_lease",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event_type} -> {self.endpoint_id} ({self.status})"

    @property
    def is_terminal(self) -> bool:
        return self.status in (self.Status.SUCCEEDED, self.Status.DEAD)

    @property
    def message_id(self) -> str:
        """The id receivers deduplicate on: stable across retries and resends."""
        return self.public_id


class WebhookAttempt(models.Model):
    """One HTTP try of a delivery: what was sent (never a secret) and what came back."""

    delivery = models.ForeignKey(WebhookDelivery, on_delete=models.CASCADE, related_name="attempts")
    number = models.PositiveIntegerField()
    request_headers = models.JSONField(default=dict)
    request_body = models.TextField()
    response_status = models.PositiveSmallIntegerField(null=True, blank=True)
    duration_ms = models.PositiveIntegerField(default=0)
    response_excerpt = models.TextField(blank=True, help_text="The first KiB of the answer.")
    error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["delivery", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["delivery", "number"], name="webhookattempt_unique_number"
            ),
        ]

    def __str__(self) -> str:
        return f"attempt {self.number} of {self.delivery_id}"

    @property
    def succeeded(self) -> bool:
        return self.response_status is not None and 200 <= self.response_status < 300
