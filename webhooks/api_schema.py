"""OpenAPI declarations of the webhook endpoint API: the shapes `webhooks.serializers` writes.

Used by the `@extend_schema` decorators in `webhooks.api` when the schema is generated; the JSON
itself is still written by the representation builders (`tests/config/test_openapi.py` checks
the two agree).
"""

from __future__ import annotations

from rest_framework import serializers

from cases.apikit.schema import success_envelope


class EndpointOutput(serializers.Serializer):
    id = serializers.CharField()
    url = serializers.CharField()
    description = serializers.CharField(allow_blank=True)
    events = serializers.ListField(
        child=serializers.CharField(), help_text="Event types it receives; empty: all."
    )
    enabled = serializers.BooleanField()
    disabled_reason = serializers.CharField(allow_null=True)
    disabled_at = serializers.DateTimeField(allow_null=True)
    failing_since = serializers.DateTimeField(allow_null=True)
    previous_secret_expires_at = serializers.DateTimeField(
        allow_null=True, help_text="After a rotation: until when the old secret still signs."
    )
    created_at = serializers.DateTimeField()
    modified_at = serializers.DateTimeField()


class EndpointWithSecretOutput(EndpointOutput):
    secret = serializers.CharField(help_text="Shown once, when created or rotated.")


class EndpointListOutput(serializers.Serializer):
    webhooks = EndpointOutput(many=True)
    total_count = serializers.IntegerField()


class AttemptOutput(serializers.Serializer):
    number = serializers.IntegerField()
    status_code = serializers.IntegerField(allow_null=True, help_text="The receiver's answer.")
    duration_ms = serializers.IntegerField()
    error = serializers.CharField(allow_null=True)
    response_excerpt = serializers.CharField(
        allow_blank=True, help_text="The first KiB of the answer."
    )
    created_at = serializers.DateTimeField()


class DeliveryOutput(serializers.Serializer):
    id = serializers.CharField()
    webhook_id = serializers.CharField()
    event = serializers.CharField()
    event_id = serializers.CharField(allow_null=True)
    status = serializers.CharField()
    attempt_count = serializers.IntegerField()
    next_attempt_at = serializers.DateTimeField(allow_null=True)
    last_status_code = serializers.IntegerField(allow_null=True)
    last_error = serializers.CharField(allow_null=True)
    delivered_at = serializers.DateTimeField(allow_null=True)
    created_at = serializers.DateTimeField()
    attempts = AttemptOutput(many=True)


class DeliveryListOutput(serializers.Serializer):
    deliveries = DeliveryOutput(many=True)
    total_count = serializers.IntegerField()
    limit = serializers.IntegerField()
    offset = serializers.IntegerField()


class DeletedOutput(serializers.Serializer):
    id = serializers.CharField()
    deleted = serializers.BooleanField()


ENDPOINT_LIST = success_envelope("WebhookListEnvelope", EndpointListOutput())
ENDPOINT = success_envelope("WebhookEnvelope", EndpointOutput())
ENDPOINT_CREATED = success_envelope(
    "WebhookCreatedEnvelope", EndpointWithSecretOutput(), message=True
)
ENDPOINT_WITH_SECRET = success_envelope("WebhookSecretEnvelope", EndpointWithSecretOutput())
ENDPOINT_DELETED = success_envelope("WebhookDeletedEnvelope", DeletedOutput())
DELIVERY = success_envelope("WebhookDeliveryEnvelope", DeliveryOutput())
DELIVERY_LIST = success_envelope("WebhookDeliveryListEnvelope", DeliveryListOutput())
