"""An admin sees the page credits on the dashboard, then sets a limit and a weekly period."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from cases.credits import credits_charge_pages, credits_summary
from tests.browser.conftest import screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_admin_sees_usage_on_the_dashboard_and_sets_limit_and_period(page: Page, tenant):
    tenant.workspace.credits_limit = 100
    tenant.workspace.save()
    credits_charge_pages(workspace=tenant.workspace, pages=64, reference="extraction-job:a")
    sign_in(page, tenant.admin.username)
    usage = page.locator("#credits-usage")
    expect(usage).to_contain_text("64 of 100 pages used")
    screenshot(page, "credits-01-dashboard", full_page=True)

    usage.get_by_role("link", name="Credit settings").click()
    expect(page.get_by_role("heading", name="Limit and period")).to_be_visible()
    page.get_by_label("Pages per period").fill("60")
    page.get_by_label("Period", exact=True).select_option("week")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#credit-settings")).to_contain_text("Credit settings saved.")
    summary = credits_summary(workspace=tenant.workspace)
    assert (summary.limit, summary.period) == (60, "week")
    page.reload()
    expect(page.locator("#credits-usage")).to_contain_text("No credits left")
    screenshot(page, "credits-02-settings", full_page=True)
