"""Review page defects found by hand in Chromium (issue 13), each pinned by one test:
reason templates by number key, table cells kept when the reviewer moves on, live table checks."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from cases.models import Document
from extraction.models import DocumentField
from review import claims
from review.forms import REJECT_REASONS
from review.models import ReviewDecision
from tests import factories
from tests.browser.conftest import (
    CaptureTarget,
    review_open,
    screenshot,
    sign_in,
    wait_for_page_images,
)
from tests.review.samples import ITEMS_TEXT, items_pdf, upload_held

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_r_then_a_number_rejects_with_that_reason_template_not_the_digit(page: Page, tenant):
    document = factories.held_document(tenant.case_type, filename="wrong.pdf")
    review_open(page, tenant.reviewer.username, document)

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
    review_open(page, tenant.reviewer.username, document)

    page.keyboard.press("r")
    page.keyboard.type("Page 2 missing")
    expect(page.locator("#reject-reason")).to_have_value("Page 2 missing")
    screenshot(page, "60-fixes-reason-typed")
    assert not ReviewDecision.objects.filter(document=document).exists()
    document.refresh_from_db()
    assert document.status == Document.Status.REVIEW_REQUIRED


def retype(page: Page, input_id: str, text: str) -> None:
    """Click into the input, select what it holds and type `text` over it, as a person does."""
    page.locator(f"#{input_id}").click()
    page.keyboard.press("Control+a")
    page.keyboard.type(text)


def visible_checks(page: Page, cell_id: str) -> list[str]:
    return page.locator(f"#{cell_id} .tag-check:visible").all_inner_texts()


def test_table_checks_follow_the_typed_values_and_each_shows_once(
    page: Page, tenant, run_on_commit, invoice_type
):
    content = items_pdf(second_amount="50.00 EUR")
    document = upload_held(tenant.client, run_on_commit, invoice_type, content=content)
    review_open(page, tenant.reviewer.username, document)

    amount = page.locator("#cell-line_items-1-amount")
    expect(amount).to_have_class(re.compile(r"cell-check-failed"))
    shown = " ".join(visible_checks(page, "cell-line_items-1-amount"))
    assert shown.count("quantity × unit price ≠ amount") == 1

    page.locator("#input-cell-line_items-1-amount").fill("5.00")
    expect(amount).not_to_have_class(re.compile(r"cell-check-failed"))
    assert visible_checks(page, "cell-line_items-1-amount") == []
    assert visible_checks(page, "cell-line_items-0-amount") == []
    page.locator("#input-cell-line_items-1-quantity").fill("7")
    expect(amount).to_have_class(re.compile(r"cell-check-failed"))
    assert visible_checks(page, "cell-line_items-1-quantity") == ["quantity × unit price ≠ amount"]
    screenshot(page, "61-fixes-table-live-check")


def test_table_cells_typed_with_tab_and_clicks_are_all_kept(
    page: Page, tenant, held_table_document
):
    document = held_table_document
    review_open(page, tenant.reviewer.username, document)
    page.wait_for_load_state("networkidle")

    # An edit left by clicking another cell is saved, not dropped.
    retype(page, "input-cell-line_items-0-quantity", "7")
    page.locator("#input-cell-line_items-1-description").click()
    expect(page.locator("#cell-line_items-0-quantity")).to_contain_text("Corrected")

    # Tab moves to the next cell (not the Save button); Alt+N starts the new row at its
    # first cell; a row typed with Tab between the cells keeps every value.
    page.keyboard.press("Tab")
    expect(page.locator("#input-cell-line_items-1-quantity")).to_be_focused()
    page.keyboard.press("Shift+Tab")
    expect(page.locator("#input-cell-line_items-1-description")).to_be_focused()
    page.keyboard.press("Alt+n")
    expect(page.locator("#input-cell-line_items-2-description")).to_be_focused()
    for index, text in enumerate(("Nails", "4", "0.25", "1.00")):
        if index:
            page.keyboard.press("Tab")
        page.keyboard.type(text)
    page.locator("#field-line_items .field-label").click()
    expect(page.locator("#notice-saving")).to_have_count(0)
    screenshot(page, "62-fixes-table-row-typed")

    def stored() -> list[dict]:
        return DocumentField.objects.get(document=document, key="line_items").rows

    rows = stored()
    assert rows[0]["quantity"]["value"] == "7"
    assert [rows[2][c]["value"] for c in ("description", "quantity", "unit_price", "amount")] == [
        "Nails",
        "4",
        "0.25",
        "1.00",
    ]


OVERFLOW = """(selector) => Array.from(document.querySelectorAll(selector)).map(
    (e) => e.scrollWidth - e.clientWidth).concat(
    [document.documentElement.scrollWidth - window.innerWidth])"""


def test_queue_review_table_and_case_type_editor_fit_a_1366_px_screen(
    page: Page, tenant, invoice_type
):
    long_name = "SammyMaystoneLinesTest-with-a-long-name.pdf"
    factories.held_document(tenant.case_type, filename=long_name)
    table = factories.held_document(
        invoice_type, factories.ITEMS_VALUES, content=items_pdf(), page_text=ITEMS_TEXT
    )
    sign_in(page, tenant.admin.username)

    page.goto("/review/")
    expect(page.get_by_role("link", name=long_name)).to_be_visible()
    assert max(page.evaluate(OVERFLOW, ".queue-table")) <= 0
    screenshot(page, "63-fixes-queue-1366")

    page.goto(f"/review/{table.public_id}/")
    wait_for_page_images(page)
    assert max(page.evaluate(OVERFLOW, "#field-line_items .table-wrap")) <= 0
    screenshot(page, "64-fixes-review-table-1366")

    page.goto(f"/settings/case-types/{invoice_type.public_id}/")
    assert max(page.evaluate(OVERFLOW, "#casetype-editor .table-wrap, main")) <= 0
    screenshot(page, "65-fixes-casetype-editor-1366")


def test_a_captured_box_moves_at_once_and_esc_drops_the_capture_message(
    page: Page, due_date_capture: CaptureTarget
):
    x, y = due_date_capture.point

    page.mouse.click(x, y)
    expect(page.locator("#notice-capture")).to_contain_text("Enter saves it")
    page.keyboard.press("Escape")
    expect(page.locator("#notice-capture")).to_have_count(0)

    page.mouse.click(x, y)
    expect(page.locator("#input-invoice_date")).to_have_value("13 April 2024")
    page.keyboard.press("Enter")
    expect(page.locator("#field-invoice_date .value")).to_have_text("2024-04-13")
    expect(page.locator("#notice-capture")).to_have_count(0)
    box = page.locator("#box-invoice_date").bounding_box()
    assert box is not None
    assert box["x"] <= x <= box["x"] + box["width"]
    assert box["y"] <= y <= box["y"] + box["height"]
    screenshot(page, "66-fixes-captured-box-moved")


def test_clicking_again_on_boxes_that_overlap_selects_the_next_one_not_a_capture(
    page: Page, tenant, held_table_document
):
    document = held_table_document
    total = DocumentField.objects.get(document=document, key="total_amount")
    DocumentField.objects.filter(document=document, key="currency").update(
        bbox=total.bbox, page=total.page
    )
    review_open(page, tenant.reviewer.username, document)
    box = page.locator("#box-total_amount").bounding_box()
    assert box is not None
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2

    page.mouse.click(x, y)
    first = page.locator("#field-list > li.field.is-selected").get_attribute("data-field")
    page.mouse.click(x, y)
    second = page.locator("#field-list > li.field.is-selected").get_attribute("data-field")
    assert {first, second} == {"total_amount", "currency"}
    expect(page.locator("#notice-capture")).to_have_count(0)
    expect(page.locator("#field-list .edit-form:visible")).to_have_count(0)


def test_a_document_taken_over_redraws_the_page_as_read_only_with_one_notice(page: Page, tenant):
    document = factories.held_document(tenant.case_type)
    sign_in(page, tenant.reviewer.username)
    page.goto(f"/review/{document.public_id}/")
    page.locator("#field-list > li.field.is-selected").wait_for()
    expect(page.locator("#claim-mine")).to_contain_text("You are reviewing this document")
    claims.claim_take_over(document=document, user=tenant.admin)

    page.keyboard.press("a")
    page.keyboard.press("a")
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    expect(page.locator("#claim-banner")).to_contain_text(f"Claimed by {tenant.admin.username}")
    expect(page.locator("#claim-mine")).to_have_count(0)
    expect(page.locator("#approve-document")).to_have_count(0)
    expect(page.locator("#review-notices > *")).to_have_count(1)
    expect(page.locator("#notice-stale")).to_contain_text(tenant.admin.username)
    screenshot(page, "67-fixes-taken-over")
    assert not DocumentField.objects.filter(document=document, reviewed=True).exists()


def test_approving_a_table_right_after_typing_in_a_cell_keeps_the_typed_value(
    page: Page, tenant, held_table_document
):
    document = held_table_document
    review_open(page, tenant.reviewer.username, document)
    page.wait_for_load_state("networkidle")

    retype(page, "input-cell-line_items-0-quantity", "7")
    page.locator("#field-line_items [data-approve]").click()
    expect(page.locator("#notice-saving")).to_have_count(0)
    expect(page.locator("#input-cell-line_items-0-quantity")).to_have_value("7")

    table = DocumentField.objects.get(document=document, key="line_items")
    assert (table.rows[0]["quantity"]["value"], table.reviewed) == ("7", True)


def test_a_line_items_table_at_390_px_shows_every_cell_and_row_button_without_sideways_scroll(
    page: Page, tenant, held_table_document
):
    table = held_table_document
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, tenant.admin.username)

    page.goto(f"/review/{table.public_id}/")
    wait_for_page_images(page)

    assert max(page.evaluate(OVERFLOW, "#field-line_items .table-wrap")) <= 0
    buttons = page.locator("#field-line_items .row-actions .icon-button")
    assert buttons.count() >= 4
    for index in range(buttons.count()):
        box = buttons.nth(index).bounding_box()
        assert box is not None
        assert box["x"] + box["width"] <= 390
    expect(page.locator("#cell-line_items-0-amount")).to_contain_text("Amount")
    screenshot(page, "69-fixes-review-table-390", full_page=True)
