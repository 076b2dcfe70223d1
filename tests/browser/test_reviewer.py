"""A reviewer's whole path in a real browser: sign in, queue, correct with the keyboard, approve."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from cases.models import Document
from extraction.models import DocumentField, ExtractionJob
from tests.browser.conftest import screenshot, sign_in, wait_for_page_images
from tests.review.samples import upload_held

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reviewer_corrects_a_flagged_field_with_the_keyboard_and_approves(
    page: Page, tenant, run_on_commit
):
    document = upload_held(tenant.client, run_on_commit, tenant.case_type)
    job = ExtractionJob.objects.get(documents=document)
    assert job.status == ExtractionJob.Status.REVIEW_REQUIRED

    sign_in(page, tenant.reviewer.username)
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
    screenshot(page, "01-dashboard")

    page.get_by_role("link", name="Review queue", exact=True).click()
    expect(page.locator("#queue-list")).to_contain_text(document.filename)
    screenshot(page, "02-queue")

    page.locator("#queue-list").get_by_role("link", name="Review").click()
    expect(page.get_by_role("heading", name=document.filename)).to_be_visible()
    wait_for_page_images(page)
    first = page.locator("#field-list > li.field").first
    expect(first).to_have_class(has_class("is-selected"))
    screenshot(page, "03-review")

    # j selects the date, e opens its editor, Enter saves: first a bad value, then a good one.
    page.keyboard.press("j")
    date_row = page.locator("#field-invoice_date")
    expect(date_row).to_have_class(has_class("is-selected"))
    expect(page.locator("#box-invoice_date")).to_have_class(has_class("is-selected"))
    page.keyboard.press("e")
    date_input = page.locator("#input-invoice_date")
    expect(date_input).to_be_focused()
    date_input.fill("31/02/someday")
    page.keyboard.press("Enter")
    expect(date_row.locator(".field-error")).to_contain_text("is not a date")
    expect(page.locator("#input-invoice_date")).to_be_focused()
    screenshot(page, "04-review-invalid-date")

    page.keyboard.press("Escape")
    expect(page.locator("#edit-invoice_date")).to_be_hidden()
    page.keyboard.press("e")
    page.locator("#input-invoice_date").fill("2024-03-15")
    page.keyboard.press("Enter")
    expect(date_row.locator(".value")).to_have_text("2024-03-15")
    expect(date_row).to_contain_text("Reviewed")
    # Saving moved the selection on to the next field: approve it and the rest with a.
    expect(page.locator("#field-total_amount")).to_have_class(has_class("is-selected"))
    page.keyboard.press("a")
    expect(page.locator("#field-total_amount")).to_contain_text("Reviewed")
    page.keyboard.press("k")
    page.keyboard.press("k")
    expect(page.locator("#field-invoice_number")).to_have_class(has_class("is-selected"))
    page.keyboard.press("a")
    expect(page.locator("#field-invoice_number")).to_contain_text("Reviewed")
    approve = page.locator("#approve-document")
    expect(approve).to_be_enabled()
    screenshot(page, "05-review-all-reviewed")

    page.keyboard.press("Shift+A")
    page.wait_for_url("**/review/")
    expect(page.locator(".messages")).to_contain_text("approved")
    expect(page.locator("#queue-list")).to_contain_text("Nothing is waiting for review")
    screenshot(page, "06-queue-empty")

    document.refresh_from_db()
    assert document.status == Document.Status.PROCESSED
    field = DocumentField.objects.get(document=document, key="invoice_date")
    assert (field.value, field.machine_value, field.reviewed) == ("2024-03-15", "2024-03-14", True)
    job.refresh_from_db()
    assert job.status == ExtractionJob.Status.COMPLETED
    released = job.result["documents"][0]["fields"]["invoice_date"]
    assert (released["value"], released["reviewed"], released["machineValue"]) == (
        "2024-03-15",
        True,
        "2024-03-14",
    )
    answer = tenant.client.get(f"/api/v1/extraction-jobs/{job.pk}/result")
    assert answer.status_code == 200, answer.content
    fields = answer.json()["data"]["documents"][0]["fields"]
    assert (fields["invoice_date"]["value"], fields["invoice_date"]["reviewed"]) == (
        "2024-03-15",
        True,
    )

    page.goto(f"/cases/{document.case.public_id}/")
    expect(page.locator("#case-history")).to_contain_text("Field corrected")
    screenshot(page, "07-case")


def has_class(name: str) -> re.Pattern[str]:
    """A class-list matcher for `to_have_class`: the element has `name` among its classes."""
    return re.compile(rf"(^|\s){re.escape(name)}(\s|$)")
