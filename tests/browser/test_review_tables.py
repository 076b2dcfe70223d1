"""Table fields are reviewed cell by cell; zoom and the reject form on the review page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from extraction.models import DocumentField
from tests.browser.conftest import screenshot, sign_in, wait_for_page_images
from tests.review.samples import items_pdf, upload_held

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def selected() -> re.Pattern[str]:
    return re.compile(r"(^|\s)is-selected(\s|$)")


def test_reviewer_corrects_a_table_cell_and_zooms(page: Page, tenant, run_on_commit, invoice_type):
    document = upload_held(tenant.client, run_on_commit, invoice_type, content=items_pdf())
    sign_in(page, tenant.reviewer.username)
    page.goto(f"/review/{document.public_id}/")

    table = page.locator("#field-line_items")
    table.locator(".field-label").click()
    expect(table).to_have_class(selected())
    expect(page.locator("#box-line_items")).to_have_class(selected())
    page.keyboard.press("e")
    first_cell = page.locator("#input-cell-line_items-0-description")
    expect(first_cell).to_be_focused()
    expect(page.locator("#box-cell-line_items-0-description")).to_have_class(selected())

    quantity = page.locator("#input-cell-line_items-1-quantity")
    quantity.click()
    quantity.fill("many")
    page.keyboard.press("Enter")
    expect(page.locator("#error-cell-line_items-1-quantity")).to_contain_text("is not a number")
    expect(page.locator("#input-cell-line_items-1-quantity")).to_be_focused()
    page.locator("#input-cell-line_items-1-quantity").fill("120")
    page.keyboard.press("Enter")
    expect(page.locator("#cell-line_items-1-quantity")).to_contain_text("Corrected")
    expect(page.locator("#input-cell-line_items-1-quantity")).to_have_value("120")

    page.locator("body").click(position={"x": 5, "y": 300})
    page.keyboard.press("+")
    expect(page.locator('.zoom-link[data-zoom="150"]')).to_have_attribute("aria-current", "true")
    assert "zoom=150" in page.url
    page.locator("#input-cell-line_items-1-quantity").focus()
    page.wait_for_function(
        "Array.from(document.querySelectorAll('.page img'))"
        ".every(i => i.currentSrc.includes('width=1600'))"
    )
    wait_for_page_images(page)
    screenshot(page, "11-review-table-zoomed")

    page.get_by_text("Reject…").click()
    expect(page.get_by_label("Reason for rejecting")).to_be_visible()
    page.get_by_role("button", name="Reject document").click()
    expect(page.locator("#reject-error")).to_contain_text("Say why")
    screenshot(page, "12-review-reject-reason")

    cell = DocumentField.objects.get(document=document, key="line_items").rows[1]["quantity"]
    assert (cell["value"], cell["machineValue"], cell["reviewed"]) == ("120", "100", True)


def test_cells_that_fail_the_tables_checks_are_marked_for_the_reviewer(
    page: Page, tenant, run_on_commit, invoice_type
):
    content = items_pdf(second_amount="50.00 EUR")
    document = upload_held(tenant.client, run_on_commit, invoice_type, content=content)
    table = DocumentField.objects.get(document=document, key="line_items")
    assert "table_check_failed:row_arithmetic" in table.flags
    sign_in(page, tenant.reviewer.username)
    page.goto(f"/review/{document.public_id}/")

    amount = page.locator("#cell-line_items-1-amount")
    expect(amount).to_have_class(re.compile(r"cell-check-failed"))
    expect(amount).to_contain_text("quantity × unit price ≠ amount")
    expect(page.locator("#cell-line_items-0-amount")).to_contain_text(
        "amounts do not add up to the subtotal"
    )
    expect(page.locator("#cell-line_items-0-quantity")).not_to_have_class(
        re.compile(r"cell-check-failed")
    )
    expect(page.locator("#field-line_items")).to_contain_text(
        "Quantity × unit price ≠ amount in a row"
    )
    wait_for_page_images(page)
    screenshot(page, "13-review-table-check-failed")
