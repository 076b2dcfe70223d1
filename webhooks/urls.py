"""Canonical routes of the webhook endpoint API under /api/v1/ (SPEC §5)."""

from django.urls import path

from webhooks import api

app_name = "webhooks"

urlpatterns = [
    path("webhooks", api.WebhookEndpointListApi.as_view(), name="webhook-list"),
    path(
        "webhooks/<str:webhook_id>", api.WebhookEndpointDetailApi.as_view(), name="webhook-detail"
    ),
    path(
        "webhooks/<str:webhook_id>/rotate-secret",
        api.WebhookSecretRotateApi.as_view(),
        name="webhook-secret-rotate",
    ),
    path("webhooks/<str:webhook_id>/test", api.WebhookTestApi.as_view(), name="webhook-test"),
    path(
        "webhooks/<str:webhook_id>/deliveries",
        api.WebhookDeliveryListApi.as_view(),
        name="webhook-delivery-list",
    ),
    path(
        "webhooks/<str:webhook_id>/deliveries/<str:delivery_id>/resend",
        api.WebhookDeliveryResendApi.as_view(),
        name="webhook-delivery-resend",
    ),
]
