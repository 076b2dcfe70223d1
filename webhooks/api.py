"""The webhook endpoint API (SPEC §5 "webhook endpoints", §6).

Thin views: parse with a serializer, call one selector or service, answer in the envelope of
`cases.serializers.success`. Every endpoint is looked up in the caller's workspace, so another
workspace's endpoint or delivery answers 404. Nothing here sends HTTP: tests and resends are
queued and delivered by the worker.
"""

from __future__ import annotations

from datetime import timedelta

from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers as drf_serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from cases.actors import Actor
from cases.serializers import success
from webhooks import selectors, services
from webhooks.serializers import (
    DeliveryListInput,
    EndpointCreateInput,
    EndpointUpdateInput,
    SecretRotateInput,
    delivery_representation,
    endpoint_representation,
)

ENVELOPE = inline_serializer("WebhookEnvelope", fields={"status": drf_serializers.CharField()})


def _answer(data: object, *, status_code: int = 200, message: str | None = None) -> Response:
    return Response(success(data, message=message, status_code=status_code), status=status_code)


class WebhookEndpointListApi(APIView):
    """`GET` lists the workspace's endpoints; `POST` creates one and shows its secret once."""

    @extend_schema(responses=ENVELOPE)
    def get(self, request: Request) -> Response:
        endpoints = selectors.endpoint_list(workspace=request.user.workspace)
        items = [endpoint_representation(endpoint) for endpoint in endpoints]
        return _answer({"webhooks": items, "total_count": len(items)})

    @extend_schema(request=EndpointCreateInput, responses=ENVELOPE)
    def post(self, request: Request) -> Response:
        params = EndpointCreateInput(data=request.data)
        params.is_valid(raise_exception=True)
        endpoint = services.endpoint_create(
            workspace=request.user.workspace, **params.validated_data
        )
        return _answer(
            endpoint_representation(endpoint, secret=endpoint.secret),
            status_code=201,
            message="Webhook endpoint created; store its secret now, it is not shown again.",
        )


class WebhookEndpointDetailApi(APIView):
    """`GET`, `PATCH` and `DELETE` one endpoint."""

    @extend_schema(responses=ENVELOPE)
    def get(self, request: Request, webhook_id: str) -> Response:
        endpoint = selectors.endpoint_get(workspace=request.user.workspace, public_id=webhook_id)
        return _answer(endpoint_representation(endpoint))

    @extend_schema(request=EndpointUpdateInput, responses=ENVELOPE)
    def patch(self, request: Request, webhook_id: str) -> Response:
        endpoint = selectors.endpoint_get(workspace=request.user.workspace, public_id=webhook_id)
        params = EndpointUpdateInput(data=request.data)
        params.is_valid(raise_exception=True)
        endpoint = services.endpoint_update(
            endpoint=endpoint, actor=Actor(api_key=request.auth), **params.validated_data
        )
        return _answer(endpoint_representation(endpoint))

    @extend_schema(responses=ENVELOPE)
    def delete(self, request: Request, webhook_id: str) -> Response:
        endpoint = selectors.endpoint_get(workspace=request.user.workspace, public_id=webhook_id)
        services.endpoint_delete(endpoint=endpoint)
        return _answer({"id": webhook_id, "deleted": True})


class WebhookSecretRotateApi(APIView):
    """A new secret, shown once; the old one keeps signing for `grace_period_hours` (24)."""

    @extend_schema(request=SecretRotateInput, responses=ENVELOPE)
    def post(self, request: Request, webhook_id: str) -> Response:
        endpoint = selectors.endpoint_get(workspace=request.user.workspace, public_id=webhook_id)
        params = SecretRotateInput(data=request.data)
        params.is_valid(raise_exception=True)
        endpoint = services.endpoint_secret_rotate(
            endpoint=endpoint,
            grace_period=timedelta(hours=params.validated_data["grace_period_hours"]),
        )
        return _answer(endpoint_representation(endpoint, secret=endpoint.secret))


class WebhookTestApi(APIView):
    """Queue a `webhook.test` message to this endpoint only; 202, delivered by the worker."""

    @extend_schema(request=None, responses=ENVELOPE)
    def post(self, request: Request, webhook_id: str) -> Response:
        endpoint = selectors.endpoint_get(workspace=request.user.workspace, public_id=webhook_id)
        delivery = services.endpoint_test_send(endpoint=endpoint)
        delivery = selectors.delivery_get(endpoint=endpoint, public_id=delivery.public_id)
        return _answer(delivery_representation(delivery), status_code=202)


class WebhookDeliveryListApi(APIView):
    """The delivery log of one endpoint, newest first, with every attempt."""

    @extend_schema(
        parameters=[
            OpenApiParameter("limit", int),
            OpenApiParameter("offset", int),
            OpenApiParameter("status", str),
        ],
        responses=ENVELOPE,
    )
    def get(self, request: Request, webhook_id: str) -> Response:
        endpoint = selectors.endpoint_get(workspace=request.user.workspace, public_id=webhook_id)
        params = DeliveryListInput(data=request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        deliveries = selectors.delivery_list(endpoint=endpoint, status=data["status"] or None)
        page = deliveries[data["offset"] : data["offset"] + data["limit"]]
        return _answer(
            {
                "deliveries": [delivery_representation(delivery) for delivery in page],
                "total_count": deliveries.count(),
                "limit": data["limit"],
                "offset": data["offset"],
            }
        )


class WebhookDeliveryResendApi(APIView):
    """Queue a delivery again (dead ones above all); 202, delivered by the worker."""

    @extend_schema(request=None, responses=ENVELOPE)
    def post(self, request: Request, webhook_id: str, delivery_id: str) -> Response:
        endpoint = selectors.endpoint_get(workspace=request.user.workspace, public_id=webhook_id)
        delivery = selectors.delivery_get(endpoint=endpoint, public_id=delivery_id)
        services.delivery_resend(delivery=delivery)
        delivery = selectors.delivery_get(endpoint=endpoint, public_id=delivery_id)
        return _answer(delivery_representation(delivery), status_code=202)
