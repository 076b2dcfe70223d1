"""An admin adds a webhook endpoint, sends a test event to a real local receiver, reads the
delivery log, rotates the secret and disables the endpoint."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import screenshot, sign_in
from webhooks.models import WebhookDelivery, WebhookEndpoint

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


class _Receiver(BaseHTTPRequestHandler):
    received: list[bytes] = []

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.received.append(self.rfile.read(length))
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args: object) -> None:
        return


@pytest.fixture
def receiver_url(settings) -> Iterator[str]:
    settings.WEBHOOKS_ALLOW_PRIVATE_IPS = True
    _Receiver.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Receiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/hooks"
    server.shutdown()
    server.server_close()


def test_admin_adds_tests_rotates_and_disables_a_webhook(page: Page, tenant, receiver_url):
    sign_in(page, tenant.admin.username)
    page.goto("/settings/api/")
    page.get_by_text("New endpoint…").click()
    page.get_by_label("Endpoint URL").fill(receiver_url)
    page.get_by_label("Description (optional)").fill("Local receiver")
    page.get_by_label("review.completed").check()
    page.get_by_label("extraction.completed").check()
    page.get_by_role("button", name="Add endpoint").click()
    expect(page.locator("article.webhook")).to_have_count(1)

    endpoint = WebhookEndpoint.objects.get(workspace=tenant.workspace)
    card = page.locator(f"#webhook-{endpoint.public_id}")
    expect(card).to_contain_text("Signing secret")
    screenshot(page, "16-webhook-added", full_page=True)
    assert card.locator("input[readonly]").input_value() == endpoint.secret
    expect(card).to_contain_text("extraction.completed, review.completed")

    card.get_by_role("button", name="Send test event").click()
    expect(card.locator(".delivery-log tbody tr")).to_have_count(1)
    expect(card.locator(".delivery-log")).to_contain_text("Succeeded")
    assert len(_Receiver.received) == 1
    card.locator("details.attempts summary").click()
    expect(card.locator(".attempt-list")).to_contain_text("HTTP 200")
    screenshot(page, "17-webhook-tested", full_page=True)

    page.on("dialog", lambda dialog: dialog.accept())
    old_secret = endpoint.secret
    card.get_by_role("button", name="Rotate secret").click()
    expect(card).to_contain_text("previous secret keeps signing")
    endpoint.refresh_from_db()
    assert endpoint.secret != old_secret

    card.get_by_role("button", name="Resend").click()
    expect(card).to_contain_text("queued again")
    expect(card.locator(".delivery-log")).to_contain_text("Succeeded")
    assert len(_Receiver.received) == 2

    card.get_by_role("button", name="Disable").click()
    expect(card).to_contain_text("Disabled by")
    expect(card.get_by_role("button", name="Send test event")).to_have_count(0)
    screenshot(page, "18-webhook-disabled", full_page=True)
    endpoint.refresh_from_db()
    assert not endpoint.enabled


def test_a_moving_delivery_log_never_wipes_an_open_edit_form(page: Page, tenant):
    """The card refreshes every 2 s while a delivery is queued, but not while its edit form is
    open or focused: what the admin is typing stays."""
    from webhooks import services

    endpoint = services.endpoint_create(
        workspace=tenant.workspace, url="https://hooks.example.com/in"
    )
    services.event_publish(
        workspace=tenant.workspace,
        event_type=services.EventType.EXTRACTION_COMPLETED,
        data={"job_id": "job-1"},
    )
    # Still queued (whatever the inline send made of it): the card polls while it is.
    WebhookDelivery.objects.update(status=WebhookDelivery.Status.PENDING)
    sign_in(page, tenant.admin.username)
    page.goto("/settings/api/")
    card = page.locator(f"#webhook-{endpoint.public_id}")
    trigger = card.get_attribute("hx-trigger", timeout=5000)
    assert trigger is not None
    assert trigger.startswith("every 2s")
    card.get_by_text("Edit URL, description and events").click()
    field = card.get_by_label("Description (optional)")
    field.fill("typed while the log moves")
    page.wait_for_timeout(4500)  # two refresh periods
    expect(card.get_by_label("Description (optional)")).to_have_value("typed while the log moves")
