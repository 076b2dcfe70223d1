"""Shapes of the webhook endpoint API: input serializers check shape only (the rules on URLs
and event types live in `webhooks.services`), output builders write the JSON answered."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from cases.apikit.serializers import LenientBooleanField
from webhooks.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint


class StrictInput(serializers.Serializer):
    """Refuses keys it does not know, so a typo is a 400 instead of a silent no-op."""

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        unknown = set(self.initial_data) - set(self.fields)
        if unknown:
            raise serializers.ValidationError(
                {name: ["Unknown field."] for name in sorted(unknown)}
            )
        return attrs


class EndpointCreateInput(StrictInput):
    url = serializers.CharField(max_length=2000)
    description = serializers.CharField(
        max_length=500, required=False, allow_blank=True, default=""
    )
    events = serializers.ListField(
        child=serializers.CharField(max_length=40), required=False, default=list
    )
    enabled = LenientBooleanField(required=False, default=True)


class EndpointUpdateInput(StrictInput):
    url = serializers.CharField(max_length=2000, required=False)
    description = serializers.CharField(max_length=500, required=False, allow_blank=True)
    events = serializers.ListField(child=serializers.CharField(max_length=40), required=False)
    enabled = LenientBooleanField(required=False)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs = super().validate(attrs)
        if not attrs:
            raise serializers.ValidationError(
                "Give at least one of url, description, events, enabled."
            )
        return attrs


class SecretRotateInput(StrictInput):
    grace_period_hours = serializers.IntegerField(
        min_value=0, max_value=168, required=False, default=24
    )


class DeliveryListInput(serializers.Serializer):
    """The delivery log's filter; `limit` and `offset` are read by `webhooks.api.DeliveryPage`."""

    status = serializers.ChoiceField(
        choices=WebhookDelivery.Status.values, required=False, allow_blank=True, default=""
    )


def endpoint_representation(
    endpoint: WebhookEndpoint, *, secret: str | None = None
) -> dict[str, Any]:
    """An endpoint as the API shows it; the secret only when it was just made (create, rotate)."""
    body: dict[str, Any] = {
        "id": endpoint.public_id,
        "url": endpoint.url,
        "description": endpoint.description,
        "events": list(endpoint.events),
        "enabled": endpoint.enabled,
        "disabled_reason": endpoint.disabled_reason or None,
        "disabled_at": endpoint.disabled_at,
        "failing_since": endpoint.failing_since,
        "previous_secret_expires_at": endpoint.previous_secret_expires_at
        if endpoint.previous_secret
        else None,
        "created_at": endpoint.created_at,
        "modified_at": endpoint.modified_at,
    }
    if secret is not None:
        body["secret"] = secret
    return body


def attempt_representation(attempt: WebhookAttempt) -> dict[str, Any]:
    return {
        "number": attempt.number,
        "status_code": attempt.response_status,
        "duration_ms": attempt.duration_ms,
        "error": attempt.error or None,
        "response_excerpt": attempt.response_excerpt,
        "created_at": attempt.created_at,
    }


def delivery_representation(delivery: WebhookDelivery) -> dict[str, Any]:
    return {
        "id": delivery.public_id,
        "webhook_id": delivery.endpoint.public_id,
        "event": delivery.event_type,
        "event_id": str(delivery.event_id) if delivery.event_id else None,
        "status": delivery.status,
        "attempt_count": delivery.attempt_count,
        "next_attempt_at": delivery.next_attempt_at,
        "last_status_code": delivery.last_status_code,
        "last_error": delivery.last_error or None,
        "delivered_at": delivery.delivered_at,
        "created_at": delivery.created_at,
        "attempts": [attempt_representation(attempt) for attempt in delivery.attempts.all()],
    }
