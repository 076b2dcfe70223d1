"""The webhook section of the API settings page, through the webhooks services."""

from __future__ import annotations

import pytest
from django.test import Client

from webhooks import services as webhook_services
from webhooks.models import WebhookDelivery, WebhookEndpoint

URL = "https://hooks.example.com/casefile"


def htmx(target: str) -> dict[str, str]:
    return {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": target}


@pytest.fixture
def endpoint(tenant) -> WebhookEndpoint:
    return webhook_services.endpoint_create(workspace=tenant.workspace, url=URL)


def card(endpoint: WebhookEndpoint) -> str:
    return f"webhook-{endpoint.public_id}"


def test_admin_adds_an_endpoint_and_sees_its_secret_once(tenant, admin_client: Client):
    answer = admin_client.post(
        "/settings/api/webhooks/",
        {"url": URL, "description": "ERP", "events": ["case.created", "review.completed"]},
        **htmx("webhooks"),
    )
    assert answer.status_code == 200
    assert "no-store" in answer["Cache-Control"]
    endpoint = WebhookEndpoint.objects.get(workspace=tenant.workspace)
    assert endpoint.events == ["case.created", "review.completed"]
    html = answer.content.decode()
    assert html.lstrip().startswith('<section id="webhooks"')
    assert endpoint.secret in html
    assert endpoint.secret not in admin_client.get("/settings/api/").content.decode()


def test_a_refused_url_rerenders_the_form_with_the_services_message(tenant, admin_client):
    answer = admin_client.post(
        "/settings/api/webhooks/", {"url": "http://127.0.0.1/hook"}, **htmx("webhooks")
    )
    assert answer.status_code == 200
    assert "only sent to public addresses" in answer.content.decode()
    assert not WebhookEndpoint.objects.exists()


def test_admin_edits_events_rotates_disables_and_enables(endpoint, admin_client):
    base = f"/settings/api/webhooks/{endpoint.public_id}"
    prefix = endpoint.public_id
    edited = admin_client.post(
        f"{base}/",
        {f"{prefix}-url": URL, f"{prefix}-description": "", f"{prefix}-events": ["case.updated"]},
        **htmx(card(endpoint)),
    )
    assert edited.content.decode().lstrip().startswith(f'<article id="{card(endpoint)}"')
    endpoint.refresh_from_db()
    assert endpoint.events == ["case.updated"]

    old_secret = endpoint.secret
    rotated = admin_client.post(f"{base}/rotate/", **htmx(card(endpoint)))
    endpoint.refresh_from_db()
    assert endpoint.secret != old_secret
    assert endpoint.previous_secret == old_secret
    assert endpoint.secret in rotated.content.decode()
    assert "no-store" in rotated["Cache-Control"]

    admin_client.post(f"{base}/disable/", **htmx(card(endpoint)))
    endpoint.refresh_from_db()
    assert not endpoint.enabled
    assert endpoint.disabled_reason.startswith("Disabled by ")
    refused = admin_client.post(f"{base}/test/", **htmx(card(endpoint)))
    assert "enable it first" in refused.content.decode()

    plain = admin_client.post(f"{base}/enable/")
    assert plain.status_code == 302
    endpoint.refresh_from_db()
    assert endpoint.enabled


def test_send_test_event_queues_a_delivery_shown_in_the_log(endpoint, admin_client):
    answer = admin_client.post(
        f"/settings/api/webhooks/{endpoint.public_id}/test/", **htmx(card(endpoint))
    )
    delivery = WebhookDelivery.objects.get(endpoint=endpoint)
    html = answer.content.decode()
    assert delivery.public_id in html
    assert "Test event queued" in html
    assert 'hx-trigger="every 2s [' in html  # polls while the delivery moves


def test_a_dead_delivery_is_resent_from_the_log(endpoint, admin_client):
    delivery = webhook_services.endpoint_test_send(endpoint=endpoint)
    WebhookDelivery.objects.filter(pk=delivery.pk).update(status=WebhookDelivery.Status.DEAD)
    url = f"/settings/api/webhooks/{endpoint.public_id}/deliveries/{delivery.public_id}/resend/"
    answer = admin_client.post(url, **htmx(card(endpoint)))
    assert answer.status_code == 200
    delivery.refresh_from_db()
    assert delivery.status == WebhookDelivery.Status.PENDING
    again = admin_client.post(url, **htmx(card(endpoint)))
    assert "already queued" in again.content.decode()


def test_reviewers_see_endpoints_but_may_not_change_them(endpoint, reviewer_client):
    page = reviewer_client.get("/settings/api/").content.decode()
    assert URL in page
    assert "New endpoint" not in page
    assert "Rotate secret" not in page
    base = f"/settings/api/webhooks/{endpoint.public_id}"
    for path in (
        "/settings/api/webhooks/",
        f"{base}/",
        f"{base}/rotate/",
        f"{base}/test/",
        f"{base}/disable/",
        f"{base}/enable/",
    ):
        assert reviewer_client.post(path, {"url": URL}).status_code == 403, path
    endpoint.refresh_from_db()
    assert endpoint.enabled


def test_another_workspaces_endpoint_is_not_found(outsider, admin_client):
    other = webhook_services.endpoint_create(workspace=outsider.workspace, url=URL)
    base = f"/settings/api/webhooks/{other.public_id}"
    assert admin_client.get(f"{base}/", **htmx(f"webhook-{other.public_id}")).status_code == 404
    assert admin_client.post(f"{base}/disable/").status_code == 404
    other.refresh_from_db()
    assert other.enabled
    assert URL not in admin_client.get("/settings/api/").content.decode()
