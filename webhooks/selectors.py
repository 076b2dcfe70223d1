"""Reads of webhook endpoints and deliveries, always scoped to one workspace.

An endpoint of another workspace is simply not found, so the API answers 404 and ids reveal
nothing (SPEC §2). Querysets come back ready to render; callers add no queries.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from cases.errors import NotFound
from cases.models import Workspace
from webhooks.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint


def endpoint_list(*, workspace: Workspace) -> QuerySet[WebhookEndpoint]:
    return WebhookEndpoint.objects.filter(workspace=workspace).order_by("created_at", "id")


def endpoint_get(*, workspace: Workspace, public_id: str) -> WebhookEndpoint:
    endpoint = (
        endpoint_list(workspace=workspace)
        .select_related("workspace")
        .filter(public_id=public_id)
        .first()
    )
    if endpoint is None:
        raise NotFound(f"No webhook endpoint {public_id}.", code="WEBHOOK_NOT_FOUND")
    return endpoint


def delivery_list(
    *, endpoint: WebhookEndpoint, status: str | None = None
) -> QuerySet[WebhookDelivery]:
    """Newest first, each with its attempts (without the request bodies) prefetched."""
    deliveries = (
        WebhookDelivery.objects.filter(endpoint=endpoint)
        .select_related("endpoint")
        .defer("body")
        .prefetch_related(
            Prefetch(
                "attempts",
                queryset=WebhookAttempt.objects.defer("request_body", "request_headers").order_by(
                    "number"
                ),
            )
        )
    )
    if status:
        deliveries = deliveries.filter(status=status)
    return deliveries.order_by("-created_at", "-id")


@dataclass(frozen=True)
class DeliveryLog:
    """The latest deliveries of an endpoint (with their attempts) and how many there are."""

    deliveries: list[WebhookDelivery]
    total: int


def delivery_log(*, endpoint: WebhookEndpoint, limit: int) -> DeliveryLog:
    """The endpoint's `limit` newest deliveries and its count of deliveries (the settings card)."""
    deliveries = delivery_list(endpoint=endpoint)
    return DeliveryLog(deliveries=list(deliveries[:limit]), total=deliveries.count())


def delivery_get(*, endpoint: WebhookEndpoint, public_id: str) -> WebhookDelivery:
    delivery = delivery_list(endpoint=endpoint).filter(public_id=public_id).first()
    if delivery is None:
        raise NotFound(f"No delivery {public_id} for this endpoint.", code="DELIVERY_NOT_FOUND")
    return delivery
