"""The webhook endpoint API: shapes, bad input naming the field, workspace isolation, and the
test, resend and rotate operations end to end against the loopback receiver."""

from __future__ import annotations

import pytest
from django.urls import include, path

from config.urls import urlpatterns as root_urlpatterns
from webhooks import services, signing
from webhooks.models import WebhookDelivery, WebhookEndpoint

from .conftest import Reply

# Mount the webhook routes until config/urls.py includes them; then this adds nothing.
urlpatterns = [
    *(
        []
        if any(getattr(p, "namespace", None) == "webhooks" for p in root_urlpatterns)
        else [path("api/v1/", include("webhooks.urls"))]
    ),
    *root_urlpatterns,
]
pytestmark = pytest.mark.urls(__name__)

Status = WebhookDelivery.Status


@pytest.fixture
def endpoint(tenant, receiver, loopback_allowed) -> WebhookEndpoint:
    return services.endpoint_create(workspace=tenant.workspace, url=receiver.url)


def test_creating_an_endpoint_shows_its_secret_once(tenant):
    response = tenant.client.post(
        "/api/v1/webhooks",
        {
            "url": "https://hooks.example.com/casefile",
            "description": "Accounting",
            "events": ["extraction.completed", "review.completed"],
        },
        format="json",
    )
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "success"
    assert body["status_code"] == 201
    data = body["data"]
    assert data["id"].startswith("whk__")
    assert data["secret"].startswith("whsec_")
    assert data["events"] == ["extraction.completed", "review.completed"]
    assert data["enabled"] is True
    assert WebhookEndpoint.objects.get(public_id=data["id"]).secret == data["secret"]

    listed = tenant.client.get("/api/v1/webhooks").json()["data"]
    assert listed["total_count"] == 1
    assert "secret" not in listed["webhooks"][0]
    shown = tenant.client.get(f"/api/v1/webhooks/{data['id']}").json()["data"]
    assert "secret" not in shown
    assert shown["description"] == "Accounting"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"url": "ftp://hooks.example.com/in"}, "url"),
        ({"url": "not a url"}, "url"),
        ({"url": "http://169.254.169.254/latest"}, "url"),
        ({}, "url"),
        ({"url": "https://hooks.example.com", "events": ["case.exploded"]}, "events"),
        ({"url": "https://hooks.example.com", "events": "case.created"}, "events"),
        ({"url": "https://hooks.example.com", "enabled": "maybe"}, "enabled"),
        ({"url": "https://hooks.example.com", "secret": "mine"}, "secret"),
    ],
)
def test_bad_input_is_a_400_naming_the_field_and_creates_nothing(tenant, payload, field):
    response = tenant.client.post("/api/v1/webhooks", payload, format="json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "VALIDATION_ERROR"
    assert field in error["details"]["fields"]
    assert error["message"].startswith(field)
    assert not WebhookEndpoint.objects.exists()


def test_patch_changes_only_what_is_given(tenant, endpoint):
    response = tenant.client.patch(
        f"/api/v1/webhooks/{endpoint.public_id}", {"events": ["case.updated"]}, format="json"
    )
    assert response.status_code == 200
    data = response.json()["data"]
    assert data["events"] == ["case.updated"]
    assert data["url"] == endpoint.url


def test_patch_disabling_records_the_api_key_and_enabling_clears_it(tenant, endpoint):
    url = f"/api/v1/webhooks/{endpoint.public_id}"
    disabled = tenant.client.patch(url, {"enabled": False}, format="json").json()["data"]
    assert disabled["enabled"] is False
    assert "API key" in disabled["disabled_reason"]
    enabled = tenant.client.patch(url, {"enabled": True}, format="json").json()["data"]
    assert enabled["enabled"] is True
    assert enabled["disabled_reason"] is None


@pytest.mark.parametrize(
    ("payload", "field"),
    [({}, "request"), ({"url": "gopher://x"}, "url"), ({"colour": "red"}, "colour")],
)
def test_patch_with_bad_input_is_a_400_naming_the_field(tenant, endpoint, payload, field):
    response = tenant.client.patch(f"/api/v1/webhooks/{endpoint.public_id}", payload, format="json")
    assert response.status_code == 400
    assert field in response.json()["error"]["details"]["fields"]


def test_delete_removes_the_endpoint(tenant, endpoint):
    response = tenant.client.delete(f"/api/v1/webhooks/{endpoint.public_id}")
    assert response.status_code == 200
    assert response.json()["data"] == {"id": endpoint.public_id, "deleted": True}
    assert not WebhookEndpoint.objects.exists()
    assert tenant.client.get(f"/api/v1/webhooks/{endpoint.public_id}").status_code == 404


def test_rotating_shows_the_new_secret_and_both_sign_during_the_grace_period(
    tenant, endpoint, receiver, django_capture_on_commit_callbacks
):
    old = endpoint.secret
    response = tenant.client.post(
        f"/api/v1/webhooks/{endpoint.public_id}/rotate-secret",
        {"grace_period_hours": 2},
        format="json",
    )
    assert response.status_code == 200
    data = response.json()["data"]
    assert data["secret"].startswith("whsec_")
    assert data["secret"] != old
    assert data["previous_secret_expires_at"] is not None

    with django_capture_on_commit_callbacks(execute=True):
        tenant.client.post(f"/api/v1/webhooks/{endpoint.public_id}/test")
    (request,) = receiver.requests
    assert len(request.header("webhook-signature").split(" ")) == 2
    assert signing.body_signature_valid(
        body=request.body, signature=request.header("X-Webhook-Signature"), secret=data["secret"]
    )


def test_rotating_with_a_grace_period_out_of_range_is_a_400(tenant, endpoint):
    response = tenant.client.post(
        f"/api/v1/webhooks/{endpoint.public_id}/rotate-secret",
        {"grace_period_hours": 500},
        format="json",
    )
    assert response.status_code == 400
    assert "grace_period_hours" in response.json()["error"]["details"]["fields"]


def test_the_test_operation_sends_a_test_event_to_that_endpoint_only(
    tenant, endpoint, receiver, django_capture_on_commit_callbacks
):
    services.endpoint_create(workspace=tenant.workspace, url=f"http://127.0.0.1:{receiver.port}/b")
    with django_capture_on_commit_callbacks(execute=True):
        response = tenant.client.post(f"/api/v1/webhooks/{endpoint.public_id}/test")
    assert response.status_code == 202
    data = response.json()["data"]
    assert data["event"] == "webhook.test"
    assert data["event_id"] is None
    (request,) = receiver.requests
    assert request.path == "/hooks"
    assert request.header("webhook-id") == data["id"]
    assert WebhookDelivery.objects.get(public_id=data["id"]).status == Status.SUCCEEDED


def test_testing_a_disabled_endpoint_is_a_409(tenant, endpoint):
    services.endpoint_disable(endpoint=endpoint, reason="Paused.")
    response = tenant.client.post(f"/api/v1/webhooks/{endpoint.public_id}/test")
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "ENDPOINT_DISABLED"


def test_the_delivery_log_lists_deliveries_with_their_attempts(
    tenant, endpoint, receiver, django_capture_on_commit_callbacks
):
    receiver.reply(Reply(500, body=b"database down"))
    with django_capture_on_commit_callbacks(execute=True):
        services.event_publish(
            workspace=tenant.workspace,
            event_type=services.EventType.CASE_CREATED,
            data={"case_id": "case__1"},
        )
    response = tenant.client.get(f"/api/v1/webhooks/{endpoint.public_id}/deliveries")
    assert response.status_code == 200
    data = response.json()["data"]
    assert data["total_count"] == 1
    (item,) = data["deliveries"]
    assert item["id"].startswith("dlv__")
    assert item["event"] == "case.created"
    assert item["status"] == "failed_retrying"
    assert item["last_status_code"] == 500
    (attempt,) = item["attempts"]
    assert attempt["number"] == 1
    assert attempt["status_code"] == 500
    assert attempt["response_excerpt"] == "database down"
    assert attempt["duration_ms"] >= 0

    filtered = tenant.client.get(
        f"/api/v1/webhooks/{endpoint.public_id}/deliveries?status=succeeded"
    ).json()["data"]
    assert filtered["total_count"] == 0
    bad = tenant.client.get(f"/api/v1/webhooks/{endpoint.public_id}/deliveries?status=lost")
    assert bad.status_code == 400
    assert "status" in bad.json()["error"]["details"]["fields"]


def test_the_delivery_log_pages_with_limit_and_offset_and_refuses_a_bad_limit(tenant, endpoint):
    for number in range(3):
        services.event_publish(
            workspace=tenant.workspace,
            event_type=services.EventType.CASE_CREATED,
            data={"n": number},
        )
    url = f"/api/v1/webhooks/{endpoint.public_id}/deliveries"
    data = tenant.client.get(url, {"limit": 2, "offset": 2}).json()["data"]
    assert (len(data["deliveries"]), data["total_count"], data["limit"], data["offset"]) == (
        1,
        3,
        2,
        2,
    )
    for params in ({"limit": 0}, {"limit": 101}, {"limit": "ten"}, {"offset": -1}):
        bad = tenant.client.get(url, params)
        assert bad.status_code == 400, params
        assert list(bad.json()["error"]["details"]["fields"]) == list(params)


def test_resending_a_dead_delivery_delivers_it(
    tenant, endpoint, receiver, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        services.event_publish(
            workspace=tenant.workspace, event_type=services.EventType.CASE_CREATED, data={}
        )
    dead = WebhookDelivery.objects.get()
    WebhookDelivery.objects.filter(pk=dead.pk).update(status=Status.DEAD, next_attempt_at=None)
    url = f"/api/v1/webhooks/{endpoint.public_id}/deliveries/{dead.public_id}/resend"
    with django_capture_on_commit_callbacks(execute=True):
        response = tenant.client.post(url)
    assert response.status_code == 202
    assert response.json()["data"]["id"] == dead.public_id
    assert WebhookDelivery.objects.get().status == Status.SUCCEEDED
    assert len(receiver.requests) == 1


def test_resending_a_delivery_already_queued_is_a_409(
    tenant, endpoint, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        services.event_publish(
            workspace=tenant.workspace, event_type=services.EventType.CASE_CREATED, data={}
        )
    queued = WebhookDelivery.objects.get()
    url = f"/api/v1/webhooks/{endpoint.public_id}/deliveries/{queued.public_id}/resend"
    response = tenant.client.post(url)
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "DELIVERY_IN_PROGRESS"


def test_an_unknown_delivery_is_a_404(tenant, endpoint):
    url = f"/api/v1/webhooks/{endpoint.public_id}/deliveries/dlv__nope/resend"
    response = tenant.client.post(url)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "DELIVERY_NOT_FOUND"


@pytest.mark.parametrize(
    ("method", "suffix"),
    [
        ("get", ""),
        ("patch", ""),
        ("delete", ""),
        ("get", "/deliveries"),
        ("post", "/rotate-secret"),
        ("post", "/test"),
    ],
)
def test_another_workspace_cannot_see_or_touch_an_endpoint(
    outsider, endpoint, method, suffix, receiver
):
    response = getattr(outsider.client, method)(
        f"/api/v1/webhooks/{endpoint.public_id}{suffix}", {"description": "x"}, format="json"
    )
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "WEBHOOK_NOT_FOUND"
    endpoint.refresh_from_db()
    assert endpoint.description == ""
    assert receiver.requests == []
    assert outsider.client.get("/api/v1/webhooks").json()["data"]["total_count"] == 0


def test_another_workspace_cannot_resend_a_delivery(
    tenant, outsider, endpoint, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        services.event_publish(
            workspace=tenant.workspace, event_type=services.EventType.CASE_CREATED, data={}
        )
    item = WebhookDelivery.objects.get()
    url = f"/api/v1/webhooks/{endpoint.public_id}/deliveries/{item.public_id}/resend"
    assert outsider.client.post(url).status_code == 404


def test_the_api_needs_a_key(endpoint):
    from rest_framework.test import APIClient

    response = APIClient().get("/api/v1/webhooks")
    assert response.status_code == 401
    assert response.json()["status"] == "error"
