"""The review page's flow in Chromium: a queue cleared by keyboard only without page reloads,
keys faster than the server, a failed request retried, a stale document, capture from the page,
undo and reopen, and the page at 390 px."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from cases.actors import Actor
from cases.models import Document
from extraction.models import DocumentField, ExtractionJob
from review import claims, services
from tests import factories
from tests.browser.conftest import (
    CaptureTarget,
    screenshot,
    sign_in,
    wait_for_page_images,
)
from tests.review.samples import ITEMS_TEXT, items_pdf

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SELECTED = re.compile(r"(^|\s)is-selected(\s|$)")
MARK = "window.__sameDocument = true"
SAME_DOCUMENT = "() => window.__sameDocument === true"


def approve_pending_fields(page: Page) -> None:
    """`a` on every held field, each as soon as the previous one is selected (no waiting on
    the server: the decisions go through the page's queue)."""
    count = page.locator('#field-list > li.field[data-state="pending"]').count()
    for _ in range(count):
        page.keyboard.press("a")


def approved_by_someone_else(document: Document, admin) -> None:
    """The admin takes the document over from the reviewer holding it and approves it."""
    claims.claim_take_over(document=document, user=admin)
    actor = Actor(user=admin)
    services.fields_approve_remaining(document=document, actor=actor)
    services.document_approve(document=document, actor=actor)


def test_a_reviewer_clears_a_mixed_queue_by_keyboard_without_reloads(
    page: Page, tenant, invoice_type
):
    simple = factories.held_document(tenant.case_type, filename="simple.pdf")
    wrong = factories.held_document(tenant.case_type, filename="not-ours.pdf")
    table = factories.held_document(
        invoice_type,
        factories.ITEMS_VALUES,
        content=items_pdf(),
        page_text=ITEMS_TEXT,
        filename="items.pdf",
    )
    sign_in(page, tenant.reviewer.username)
    page.goto(f"/review/{simple.public_id}/")
    page.evaluate(MARK)
    expect(page.locator("#queue-progress")).to_have_text("1 of 3")
    wait_for_page_images(page)
    screenshot(page, "30-flow-first")

    approve_pending_fields(page)
    page.keyboard.press("Shift+A")
    expect(page.get_by_role("heading", name="not-ours.pdf")).to_be_visible()
    expect(page.locator("#queue-progress")).to_have_text("2 of 3")
    expect(page.locator("#review-notices")).to_contain_text("simple.pdf approved")
    # The approval goes out after its undo window; the notice says when it has landed.
    expect(page.locator("#review-notices")).to_contain_text(
        "simple.pdf approved; its result is released", timeout=15_000
    )

    page.keyboard.press("r")
    expect(page.locator("#reject-reason")).to_be_focused()
    screenshot(page, "31-flow-reject-templates")
    page.keyboard.press("Escape")
    page.keyboard.press("r")
    page.locator("#reject-reason").blur()
    page.keyboard.press("2")
    expect(page.get_by_role("heading", name="items.pdf")).to_be_visible()
    expect(page.locator("#queue-progress")).to_have_text("3 of 3")

    # The table: a cell corrected with the keyboard (e moves into the first cell), then a.
    # (The swapped-in page's image and words requests finish before anything is posted.)
    page.locator("#field-line_items").wait_for()
    wait_for_page_images(page)
    page.wait_for_load_state("networkidle")
    while (
        page.locator("#field-list > li.field.is-selected").get_attribute("data-field")
        != "line_items"
    ):
        page.keyboard.press("j")
    page.keyboard.press("e")
    expect(page.locator("#input-cell-line_items-0-description")).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(page.locator("#input-cell-line_items-1-description")).to_be_focused()
    page.keyboard.press("Control+a")
    page.keyboard.type("Wall plugs 6 mm")
    page.keyboard.press("Enter")
    try:
        expect(page.locator("#cell-line_items-1-description")).to_contain_text("Corrected")
    except AssertionError:
        screenshot(page, "39-flow-cell-not-corrected")
        raise AssertionError(page.locator("#review-notices").inner_text()) from None
    page.keyboard.press("Escape")
    page.locator("#field-line_items").focus()
    page.keyboard.press("k")
    page.keyboard.press("j")
    approve_pending_fields_everywhere(page)
    screenshot(page, "32-flow-last-all-reviewed")
    page.keyboard.press("Shift+A")
    expect(page.locator(".queue-clear")).to_be_visible()
    assert page.evaluate(SAME_DOCUMENT), "the documents swapped in without a page load"
    page.wait_for_url("**/review/", timeout=20_000)

    for document in (simple, table):
        document.refresh_from_db()
        assert document.status == Document.Status.PROCESSED, document.filename
    wrong.refresh_from_db()
    assert wrong.status == Document.Status.FAILED
    job = ExtractionJob.objects.get(documents=wrong)
    assert job.error_message == "Duplicate of a document already processed"
    cell = DocumentField.objects.get(document=table, key="line_items").rows[1]["description"]
    assert (cell["value"], cell["machineValue"]) == ("Wall plugs 6 mm", "Wall plugs")


def approve_pending_fields_everywhere(page: Page) -> None:
    """From the top, `a` on every field still held (the table included)."""
    page.keyboard.press("k")
    for _ in range(page.locator("#field-list > li.field").count()):
        page.keyboard.press("k")
    rows = page.locator("#field-list > li.field")
    for index in range(rows.count()):
        if rows.nth(index).get_attribute("data-state") == "pending":
            page.keyboard.press("a")
        else:
            page.keyboard.press("j")


def test_keys_faster_than_the_server_are_all_applied_in_order(page: Page, tenant):
    document = factories.held_document(tenant.case_type)
    factories.held_document(tenant.case_type, filename="next.pdf")
    sign_in(page, tenant.reviewer.username)
    page.goto(f"/review/{document.public_id}/")
    page.locator("#field-list > li.field.is-selected").wait_for()

    def slow(route: Route) -> None:
        page.wait_for_timeout(150)
        route.continue_()

    page.route("**/fields/**", slow)
    for _ in range(3):
        page.keyboard.press("a")
        page.wait_for_timeout(80)
    page.keyboard.press("Shift+A")
    expect(page.get_by_role("heading", name="next.pdf")).to_be_visible()
    page.keyboard.press("j")  # the first action here ends the undo window: the approval is sent
    expect(page.locator("#review-notices")).to_contain_text(
        "approved; its result is released", timeout=15_000
    )
    document.refresh_from_db()
    assert document.status == Document.Status.PROCESSED
    approvals = list(document.decisions.values_list("action", "field_key"))
    assert [a for a, _ in approvals].count("field_approve") == 3
    assert approvals[-1] == ("document_approve", "")


def test_a_failed_request_is_put_back_and_retried(page: Page, tenant):
    document = factories.held_document(tenant.case_type)
    sign_in(page, tenant.reviewer.username)
    page.goto(f"/review/{document.public_id}/")
    first = page.locator("#field-list > li.field").first
    key = first.get_attribute("data-field")
    failures = {"left": 1}

    def flaky(route):
        if failures["left"]:
            failures["left"] -= 1
            route.abort()
        else:
            route.continue_()

    page.wait_for_load_state("networkidle")  # review.js (deferred) has bound its keys
    page.route("**/fields/**", flaky)
    first.click()
    page.keyboard.press("a")
    notice = page.locator("#review-notices .notice-error")
    expect(notice).to_contain_text("the connection failed")
    expect(page.locator(f"#field-{key}")).to_have_attribute("data-state", "pending")
    screenshot(page, "33-flow-failed-request")
    notice.get_by_role("button", name="Retry").click()
    expect(page.locator(f"#field-{key}")).to_have_attribute("data-state", "reviewed")
    expect(page.locator("#review-notices .notice-error")).to_have_count(0)
    expect(page.locator("#notice-saving")).to_have_count(0)
    assert DocumentField.objects.get(document=document, key=key).reviewed


def test_a_document_someone_else_approved_says_so(page: Page, tenant):
    document = factories.held_document(tenant.case_type)
    sign_in(page, tenant.reviewer.username)
    page.goto(f"/review/{document.public_id}/")
    page.locator("#field-list > li.field.is-selected").wait_for()
    approved_by_someone_else(document, tenant.admin)
    page.keyboard.press("a")
    expect(page.locator("#notice-stale")).to_contain_text("not awaiting review")
    screenshot(page, "34-flow-stale")


def test_a_value_is_captured_by_clicking_its_words_on_the_page(
    page: Page, due_date_capture: CaptureTarget
):
    document, due = due_date_capture.document, due_date_capture.word
    page.mouse.click(*due_date_capture.point)
    expect(page.locator("#input-invoice_date")).to_be_focused()
    expect(page.locator("#input-invoice_date")).to_have_value("13 April 2024")
    screenshot(page, "35-flow-captured")
    page.keyboard.press("Enter")
    row = page.locator("#field-invoice_date")
    expect(row.locator(".value")).to_have_text("2024-04-13")
    stored = DocumentField.objects.get(document=document, key="invoice_date")
    assert stored.value == "2024-04-13"
    assert stored.bbox is not None
    assert stored.bbox[0] == pytest.approx(due[0], abs=0.5)
    assert stored.bbox[1] == pytest.approx(due[1], abs=0.5)


def test_undo_and_reopen_the_document_just_approved(page: Page, tenant):
    document = factories.held_document(tenant.case_type, filename="first.pdf")
    factories.held_document(tenant.case_type, filename="second.pdf")
    sign_in(page, tenant.reviewer.username)
    page.goto(f"/review/{document.public_id}/")
    first = page.locator("#field-list > li.field.is-selected")
    key = first.get_attribute("data-field")
    page.keyboard.press("a")
    expect(page.locator(f"#field-{key}")).to_have_attribute("data-state", "reviewed")
    page.keyboard.press("z")
    expect(page.locator(f"#field-{key}")).to_have_attribute("data-state", "pending")
    approve_pending_fields_everywhere(page)
    page.keyboard.press("Shift+A")
    expect(page.get_by_role("heading", name="second.pdf")).to_be_visible()
    page.keyboard.press("z")
    expect(page.get_by_role("heading", name="first.pdf")).to_be_visible()
    document.refresh_from_db()
    assert document.status == Document.Status.REVIEW_REQUIRED
    page.keyboard.press("?")
    expect(page.locator("#shortcuts")).to_be_visible()
    screenshot(page, "36-flow-shortcuts")


def test_the_review_page_fits_390_px_without_sideways_scrolling(
    browser: Browser, live_server, tenant, invoice_type
):
    document = factories.held_document(
        invoice_type, factories.ITEMS_VALUES, content=items_pdf(), page_text=ITEMS_TEXT
    )
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        sign_in(page, tenant.reviewer.username)
        for path in ("/", "/review/", f"/review/{document.public_id}/"):
            page.goto(path)
            width = page.evaluate("document.documentElement.scrollWidth")
            wide = page.evaluate(
                "Array.from(document.querySelectorAll('body *'))"
                ".filter(e => e.getBoundingClientRect().right > 391)"
                ".slice(0, 5).map(e => e.tagName + '.' + e.className)"
            )
            assert width <= 390, (path, width, wide)
        wait_for_page_images(page)
        screenshot(page, "37-review-390", full_page=True)
        approve = page.locator("#approve-document")
        box = approve.bounding_box()
        assert box is not None
        assert box["x"] + box["width"] <= 390
    finally:
        context.close()


def test_approve_all_remaining_goes_through_the_queue(page: Page, tenant):
    document = factories.held_document(tenant.case_type)
    sign_in(page, tenant.reviewer.username)
    page.goto(f"/review/{document.public_id}/")
    page.get_by_role("button", name="Approve all remaining").click()
    expect(page.locator('#field-list > li.field[data-state="pending"]')).to_have_count(0)
    expect(page.locator("#approve-document")).to_be_enabled()
    expect(page.locator("#notice-saving")).to_have_count(0)
    assert not DocumentField.objects.filter(document=document, reviewed=False).exists()


def test_an_open_page_learns_that_someone_else_approved_the_document(page: Page, tenant):
    document = factories.held_document(tenant.case_type)
    sign_in(page, tenant.reviewer.username)
    page.goto(f"/review/{document.public_id}/")
    page.locator("#field-list > li.field.is-selected").wait_for()
    approved_by_someone_else(document, tenant.admin)
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    expect(page.locator("#notice-stale")).to_contain_text("Someone else decided this document")


def test_the_queue_is_walked_by_keyboard_and_its_refresh_keeps_focus(page: Page, tenant):
    first = factories.held_document(tenant.case_type, filename="first.pdf")
    second = factories.held_document(tenant.case_type, filename="second.pdf")
    sign_in(page, tenant.reviewer.username)
    page.goto("/review/")
    expect(page.locator("#start-reviewing")).to_have_attribute(
        "href", f"/review/{first.public_id}/"
    )
    page.keyboard.press("j")
    page.keyboard.press("j")
    link = page.locator("#queue-list").get_by_role("link", name="second.pdf")
    expect(link).to_be_focused()
    page.wait_for_timeout(6000)  # past one refresh period: the list is not swapped under focus
    expect(link).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="second.pdf")).to_be_visible()
    assert second.public_id in page.url
