"""The webhook endpoint API (SPEC §5 "webhook endpoints", §6).

Thin views: parse with a serializer, call one selector or service, answer in the envelope of
`cases.apikit.serializers.success`. Every endpoint is looked up in the caller's workspace, so
another workspace's endpoint or delivery answers 404. Nothing here sends HTTP: tests and resends are
queued and delivered by the worker.
"""

from __future__ import annotations

from datetime import timedelta

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from cases.actors import Actor
from cases.apikit.authentication import request_api_key, request_workspace
from cases.apikit.pagination import LimitOffsetPage
from cases.apikit.schema import responses
from cases.apikit.serializers import success
from webhooks import selectors, services
from webhooks.api_schema import (
    DELIVERY,
    DELIVERY_LIST,
    ENDPOINT,
    ENDPOINT_CREATED,
    ENDPOINT_DELETED,
    ENDPOINT_LIST,
    ENDPOINT_WITH_SECRET,
)
from webhooks.models import WebhookDelivery
from webhooks.serializers import (
    DeliveryListInput,
    EndpointCreateInput,
    EndpointUpdateInput,
    SecretRotateInput,
    delivery_representation,
    endpoint_representation,
)

WEBHOOK_NOT_FOUND = (404, "No such webhook endpoint in your workspace (WEBHOOK_NOT_FOUND).")


def _answer(data: object, *, status_code: int = 200, message: str | None = None) -> Response:
    return Response(success(data, message=message, status_code=status_code), status=status_code)


class WebhookEndpointListApi(APIView):
    """`GET` lists the workspace's endpoints; `POST` creates one and shows its secret once."""

    @extend_schema(
        operation_id="webhooks_list",
        summary="The workspace's webhook endpoints",
        responses=responses({200: ENDPOINT_LIST}),
    )
    def get(self, request: Request) -> Response:
        endpoints = selectors.endpoint_list(workspace=request_workspace(request))
        items = [endpoint_representation(endpoint) for endpoint in endpoints]
        return _answer({"webhooks": items, "total_count": len(items)})

    @extend_schema(
        operation_id="webhooks_create",
        summary="Add a webhook endpoint (its secret is shown once)",
        request=EndpointCreateInput,
        responses=responses({201: ENDPOINT_CREATED}, 400),
    )
    def post(self, request: Request) -> Response:
        params = EndpointCreateInput(data=request.data)
        params.is_valid(raise_exception=True)
        endpoint = services.endpoint_create(
            workspace=request_workspace(request), **params.validated_data
        )
        return _answer(
            endpoint_representation(endpoint, secret=endpoint.secret),
            status_code=201,
            message="Webhook endpoint created; store its secret now, it is not shown again.",
        )


class WebhookEndpointDetailApi(APIView):
    """`GET`, `PATCH` and `DELETE` one endpoint."""

    @extend_schema(
        operation_id="webhooks_get",
        summary="One webhook endpoint",
        responses=responses({200: ENDPOINT}, WEBHOOK_NOT_FOUND),
    )
    def get(self, request: Request, webhook_id: str) -> Response:
        endpoint = selectors.endpoint_get(
            workspace=request_workspace(request), public_id=webhook_id
        )
        return _answer(endpoint_representation(endpoint))

    @extend_schema(
        operation_id="webhooks_update",
        summary="Change a webhook endpoint's URL, description, events or enabled state",
        request=EndpointUpdateInput,
        responses=responses({200: ENDPOINT}, 400, WEBHOOK_NOT_FOUND),
    )
    def patch(self, request: Request, webhook_id: str) -> Response:
        endpoint = selectors.endpoint_get(
            workspace=request_workspace(request), public_id=webhook_id
        )
        params = EndpointUpdateInput(data=request.data)
        params.is_valid(raise_exception=True)
        endpoint = services.endpoint_update(
            endpoint=endpoint,
            actor=Actor(api_key=request_api_key(request)),
            **params.validated_data,
        )
        return _answer(endpoint_representation(endpoint))

    @extend_schema(
        operation_id="webhooks_delete",
        summary="Delete a webhook endpoint",
        responses=responses({200: ENDPOINT_DELETED}, WEBHOOK_NOT_FOUND),
    )
    def delete(self, request: Request, webhook_id: str) -> Response:
        endpoint = selectors.endpoint_get(
            workspace=request_workspace(request), public_id=webhook_id
        )
        services.endpoint_delete(endpoint=endpoint)
        return _answer({"id": webhook_id, "deleted": True})


class WebhookSecretRotateApi(APIView):
    """A new secret, shown once; the old one keeps signing for `grace_period_hours` (24)."""

    @extend_schema(
        operation_id="webhooks_secret_rotate",
        summary="Rotate a webhook endpoint's secret",
        request=SecretRotateInput,
        responses=responses({200: ENDPOINT_WITH_SECRET}, 400, WEBHOOK_NOT_FOUND),
    )
    def post(self, request: Request, webhook_id: str) -> Response:
        endpoint = selectors.endpoint_get(
            workspace=request_workspace(request), public_id=webhook_id
        )
        params = SecretRotateInput(data=request.data)
        params.is_valid(raise_exception=True)
        endpoint = services.endpoint_secret_rotate(
            endpoint=endpoint,
            grace_period=timedelta(hours=params.validated_data["grace_period_hours"]),
        )
        return _answer(endpoint_representation(endpoint, secret=endpoint.secret))


class WebhookTestApi(APIView):
    """Queue a `webhook.test` message to this endpoint only; 202, delivered by the worker."""

    @extend_schema(
        operation_id="webhooks_test",
        summary="Queue a webhook.test message to this endpoint",
        request=None,
        responses=responses(
            {202: DELIVERY},
            WEBHOOK_NOT_FOUND,
            (409, "The endpoint is disabled (ENDPOINT_DISABLED)."),
        ),
    )
    def post(self, request: Request, webhook_id: str) -> Response:
        endpoint = selectors.endpoint_get(
            workspace=request_workspace(request), public_id=webhook_id
        )
        delivery = services.endpoint_test_send(endpoint=endpoint)
        delivery = selectors.delivery_get(endpoint=endpoint, public_id=delivery.public_id)
        return _answer(delivery_representation(delivery), status_code=202)


class DeliveryPage(LimitOffsetPage):
    def get_paginated_response(self, data: list) -> Response:
        return _answer({"deliveries": data, "total_count": self.count, **self.page_fields()})


class WebhookDeliveryListApi(APIView):
    """The delivery log of one endpoint, newest first, with every attempt."""

    pagination_class = DeliveryPage

    @extend_schema(
        operation_id="webhooks_deliveries_list",
        summary="An endpoint's delivery log, newest first, with every attempt",
        parameters=[
            *DeliveryPage.schema_parameters(),
            OpenApiParameter("status", str, enum=WebhookDelivery.Status.values),
        ],
        responses=responses({200: DELIVERY_LIST}, 400, WEBHOOK_NOT_FOUND),
    )
    def get(self, request: Request, webhook_id: str) -> Response:
        endpoint = selectors.endpoint_get(
            workspace=request_workspace(request), public_id=webhook_id
        )
        params = DeliveryListInput(data=request.query_params)
        params.is_valid(raise_exception=True)
        deliveries = selectors.delivery_list(
            endpoint=endpoint, status=params.validated_data["status"] or None
        )
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(deliveries, request, view=self)
        return paginator.get_paginated_response(
            [delivery_representation(delivery) for delivery in page]
        )


class WebhookDeliveryResendApi(APIView):
    """Queue a delivery again (dead ones above all); 202, delivered by the worker."""

    @extend_schema(
        operation_id="webhooks_delivery_resend",
        summary="Queue a delivery again",
        request=None,
        responses=responses(
            {202: DELIVERY},
            (404, "No such endpoint or delivery (WEBHOOK_NOT_FOUND, DELIVERY_NOT_FOUND)."),
            (409, "The delivery is already queued or being sent (DELIVERY_IN_PROGRESS)."),
        ),
    )
    def post(self, request: Request, webhook_id: str, delivery_id: str) -> Response:
        endpoint = selectors.endpoint_get(
            workspace=request_workspace(request), public_id=webhook_id
        )
        delivery = selectors.delivery_get(endpoint=endpoint, public_id=delivery_id)
        services.delivery_resend(delivery=delivery)
        delivery = selectors.delivery_get(endpoint=endpoint, public_id=delivery_id)
        return _answer(delivery_representation(delivery), status_code=202)
