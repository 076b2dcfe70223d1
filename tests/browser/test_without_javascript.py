"""With JavaScript off, links and forms still carry a review from the queue to approval."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from cases.models import Document
from extraction.models import DocumentField
from tests.browser.conftest import screenshot, sign_in
from tests.review.samples import upload_held

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page_without_js(browser: Browser, live_server) -> Iterator[Page]:
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": 1366, "height": 768},
        java_script_enabled=False,
    )
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def test_a_review_works_without_javascript(page_without_js: Page, tenant, run_on_commit):
    page = page_without_js
    document = upload_held(tenant.client, run_on_commit, tenant.case_type)
    sign_in(page, tenant.reviewer.username)
    page.get_by_role("link", name="Review queue", exact=True).click()
    page.locator("#queue-list").get_by_role("link", name="Review").click()

    page.locator("#field-total_amount").get_by_role("link", name="Edit").click()
    page.wait_for_url("**edit=total_amount**")
    page.get_by_label("New value for total").fill("twelve")
    page.locator("#edit-total_amount").get_by_role("button", name="Save").click()
    expect(page.locator("#error-total_amount")).to_contain_text("is not an amount")
    screenshot(page, "19-no-js-error")
    page.get_by_label("New value for total").fill("120.00")
    page.locator("#edit-total_amount").get_by_role("button", name="Save").click()
    expect(page.locator("#field-total_amount .value")).to_have_text("120.00")

    page.get_by_role("button", name="Approve all remaining").click()
    expect(page.locator(".messages")).to_contain_text("Every remaining field is approved")
    page.get_by_role("button", name="Approve document").click()
    page.wait_for_url("**/review/")
    expect(page.locator(".messages")).to_contain_text("approved")

    document.refresh_from_db()
    assert document.status == Document.Status.PROCESSED
    assert DocumentField.objects.get(document=document, key="total_amount").value == "120.00"
