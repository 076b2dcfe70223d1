"""Claims and the queue at volume in Chromium: two reviewers in two browser contexts, one
claims a document, the other sees it claimed and takes it over; the queue's search, scope,
selection by keyboard and bulk assign; both at desktop width and at 390 px."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from cases.models import Document
from extraction.models import DocumentField
from review import claims
from review.models import ReviewDecision
from tests import factories
from tests.browser.conftest import screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _page(browser: Browser, live_server, width: int = 1366, height: int = 800) -> Page:
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": width, "height": height}
    )
    context.set_default_timeout(10_000)
    return context.new_page()


@pytest.fixture
def second_page(browser: Browser, live_server) -> Iterator[Page]:
    page = _page(browser, live_server)
    yield page
    page.context.close()


def _no_sideways_scroll(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    wide = page.evaluate(
        "Array.from(document.querySelectorAll('body *'))"
        ".filter(e => e.getBoundingClientRect().right > 391)"
        ".slice(0, 5).map(e => e.tagName + '.' + e.className)"
    )
    assert width <= 390, (width, wide)


def test_one_reviewer_claims_the_other_sees_it_claimed_and_takes_it_over(
    page: Page, second_page: Page, tenant
):
    document = factories.held_document(tenant.case_type, filename="po-4711.pdf")
    sign_in(page, tenant.reviewer.username)
    page.goto("/review/")
    page.locator("#start-reviewing").click()
    expect(page.get_by_role("heading", name="po-4711.pdf")).to_be_visible()
    expect(page.locator("#claim-mine")).to_contain_text("You are reviewing this document")
    page.locator("#field-list > li.field.is-selected").wait_for()

    sign_in(second_page, tenant.admin.username)
    second_page.goto("/review/")
    row = second_page.locator(f"#queue-row-{document.public_id}")
    expect(row).to_contain_text(f"{tenant.reviewer.username} until")
    screenshot(second_page, "60-queue-claimed-by")
    row.get_by_role("link", name="View").click()
    banner = second_page.locator("#claim-banner")
    expect(banner).to_contain_text(f"Claimed by {tenant.reviewer.username} until")
    expect(second_page.locator("#approve-document")).to_have_count(0)
    expect(second_page.locator("#review-root")).to_have_attribute("data-decidable", "false")
    second_page.keyboard.press("a")  # a decision key does nothing on a claimed document
    screenshot(second_page, "61-review-claimed-by-other")
    assert not ReviewDecision.objects.filter(document=document).exists()

    banner.get_by_text("Take over…").click()
    second_page.locator("#take-over-confirm").click()
    expect(second_page.locator("#claim-mine")).to_be_visible()
    expect(second_page.locator("#approve-document")).to_be_visible()
    claim = claims.claim_live(document=document)
    assert claim is not None
    assert claim.user == tenant.admin
    assert ReviewDecision.objects.filter(
        document=document, action=ReviewDecision.Action.CLAIM_TAKE_OVER, actor_user=tenant.admin
    ).exists()

    # The first reviewer's page learns it on its next look at the document's state, and a
    # decision it still sends is refused with who holds the document now.
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    expect(page.locator("#notice-stale")).to_contain_text(f"{tenant.admin.username} took over")
    screenshot(page, "62-review-taken-over")
    assert not DocumentField.objects.filter(document=document, reviewed=True).exists()


def test_a_decision_sent_after_a_take_over_is_refused_naming_the_new_holder(page: Page, tenant):
    document = factories.held_document(tenant.case_type)
    sign_in(page, tenant.reviewer.username)
    page.goto(f"/review/{document.public_id}/")
    page.locator("#field-list > li.field.is-selected").wait_for()
    claims.claim_take_over(document=document, user=tenant.admin)
    page.keyboard.press("a")
    expect(page.locator("#notice-stale")).to_contain_text(
        f"{tenant.admin.username} is reviewing this document"
    )
    assert not DocumentField.objects.filter(document=document, reviewed=True).exists()


def test_the_queue_is_searched_selected_by_keyboard_and_bulk_assigned(page: Page, tenant):
    now = timezone.now()
    made = {}
    for name, hours in (("old.pdf", 30), ("middle.pdf", 20), ("new.pdf", 1)):
        document = factories.held_document(tenant.case_type, filename=name)
        Document.objects.filter(pk=document.pk).update(
            review_required_at=now - timedelta(hours=hours)
        )
        made[name] = document
    claims.claim_take(document=made["new.pdf"], user=tenant.admin)
    sign_in(page, tenant.reviewer.username)
    page.goto("/review/")
    expect(page.locator(f"#queue-row-{made['old.pdf'].public_id}")).to_contain_text("overdue")
    expect(page.locator(f"#queue-row-{made['middle.pdf'].public_id}")).to_contain_text("due soon")
    expect(page.locator(f"#queue-row-{made['new.pdf'].public_id}")).to_contain_text("on time")
    screenshot(page, "63-queue-desktop", full_page=True)

    # j moves to the first row, x checks it, j x the second; focus never leaves the list.
    page.keyboard.press("j")
    page.keyboard.press("x")
    page.keyboard.press("j")
    page.keyboard.press("x")
    expect(page.locator("#bulk-count")).to_have_text("2 documents checked")
    page.wait_for_timeout(5500)  # past one refresh period: the checked boxes stay checked
    expect(page.locator("[data-queue-check]:checked")).to_have_count(2)
    screenshot(page, "64-queue-checked")
    page.locator("#bulk-assign").click()
    expect(page.locator(".messages")).to_contain_text("2 assigned")
    for name in ("old.pdf", "middle.pdf"):
        made[name].case.refresh_from_db()
        assert made[name].case.assigned_to == tenant.reviewer

    page.get_by_role("radio", name="Mine").check(force=True)
    expect(page.locator("#queue-count")).to_have_text("2 documents waiting")
    page.get_by_label("Search").fill("middle")
    expect(page.locator("#queue-count")).to_have_text("1 document waiting")
    expect(page.get_by_label("Search")).to_be_focused()
    page.locator("#start-reviewing").click()
    expect(page.get_by_role("heading", name="middle.pdf")).to_be_visible()


def test_the_queue_and_a_claimed_review_page_fit_390_px(browser: Browser, live_server, tenant):
    document = factories.held_document(tenant.case_type, filename="a-long-file-name-2024.pdf")
    factories.held_document(tenant.case_type, filename="second.pdf")
    claims.claim_take(document=document, user=tenant.admin)
    page = _page(browser, live_server, width=390, height=844)
    try:
        sign_in(page, tenant.reviewer.username)
        page.goto("/review/")
        _no_sideways_scroll(page)
        page.locator("[data-queue-check]").first.check()
        page.locator("#bulk-reject summary").click()
        _no_sideways_scroll(page)
        screenshot(page, "65-queue-390", full_page=True)
        page.goto(f"/review/{document.public_id}/")
        expect(page.locator("#claim-banner")).to_be_visible()
        _no_sideways_scroll(page)
        page.locator("#take-over summary").click()
        _no_sideways_scroll(page)
        box = page.locator("#take-over-confirm").bounding_box()
        assert box is not None
        assert box["x"] + box["width"] <= 390
        screenshot(page, "66-review-claimed-390")
    finally:
        page.context.close()
