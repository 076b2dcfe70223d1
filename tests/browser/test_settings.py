"""An admin creates an API key (shown once, copyable), uses it, and revokes it."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from rest_framework.test import APIClient

from tests.browser.conftest import screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_admin_creates_and_revokes_an_api_key(page: Page, tenant):
    sign_in(page, tenant.admin.username)
    page.get_by_role("link", name="API settings").click()
    expect(page.get_by_role("heading", name="API keys")).to_be_visible()
    page.get_by_label("Key name").fill("CI pipeline")
    page.get_by_role("button", name="Create key").click()
    new_key = page.locator("#new-key-value")
    expect(new_key).to_be_visible()
    raw_key = new_key.input_value()
    assert raw_key.startswith("cf_live_")
    page.get_by_role("button", name="Copy").click()
    expect(page.locator(".new-key")).to_contain_text("shown only once")
    screenshot(page, "08-api-key-created")

    client = APIClient()
    client.credentials(HTTP_X_API_KEY=raw_key)
    assert client.get("/api/v1/casetypes").status_code == 200

    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Revoke CI pipeline").click()
    row = page.locator("#api-keys tr", has_text="CI pipeline")
    expect(row).to_contain_text("Revoked")
    expect(page.locator("#new-key-value")).to_have_count(0)
    screenshot(page, "09-api-key-revoked")
    assert client.get("/api/v1/casetypes").status_code == 401


def test_reviewer_sees_keys_without_admin_actions(page: Page, tenant):
    sign_in(page, tenant.reviewer.username)
    page.goto("/settings/api/")
    expect(page.locator("#api-keys")).to_contain_text("Only workspace admins")
    expect(page.get_by_role("button", name="Create key")).to_have_count(0)
    screenshot(page, "10-api-settings-reviewer")
