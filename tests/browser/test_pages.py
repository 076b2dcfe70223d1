"""Sign-in, the case list and a case page where a reviewer moves the case to another stage."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from cases.models import AuditEvent, Case
from tests.browser.conftest import PASSWORD, screenshot
from tests.review.samples import upload_held

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reviewer_signs_in_finds_a_case_and_moves_it(
    page: Page, tenant, run_on_commit, invoice_type
):
    upload_held(tenant.client, run_on_commit, tenant.case_type, filename="alpha.pdf")
    document = upload_held(tenant.client, run_on_commit, invoice_type, filename="beta.pdf")
    case = document.case

    page.goto("/cases/")
    page.wait_for_url("**/login/?next=/cases/")
    page.get_by_label("Username").fill(tenant.reviewer.username)
    page.get_by_label("Password").fill("wrong")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_be_visible()
    screenshot(page, "13-login-error")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/cases/")

    expect(page.locator("#case-list tbody tr")).to_have_count(2)
    page.get_by_label("Search").fill("beta")
    expect(page.locator("#case-list tbody tr")).to_have_count(1)
    assert "q=beta" in page.url
    screenshot(page, "14-case-list")

    page.locator("#case-list").get_by_role("link", name=case.name or "Unnamed case").click()
    expect(page.locator("#case-documents")).to_contain_text("beta.pdf")
    page.get_by_label("Move to stage").select_option(label="Paid")
    page.get_by_label("Assign to").select_option(label=tenant.reviewer.username)
    page.get_by_role("button", name="Save changes").click()
    # beta.pdf is still held: the page warns before the case skips its review.
    expect(page.locator("#case-summary")).to_contain_text("still held for review")
    screenshot(page, "15-case-held-warning")
    page.get_by_label("Move it anyway, past the review of its held documents").check()
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator("#case-summary .stage-badge")).to_have_text("Paid")
    expect(page.locator("#case-history")).to_contain_text("Case updated")
    screenshot(page, "15-case-moved")

    case = Case.objects.select_related("stage").get(pk=case.pk)
    assert (case.stage.name, case.assigned_to) == ("Paid", tenant.reviewer)
    assert AuditEvent.objects.filter(
        case=case, verb=AuditEvent.Verb.CASE_UPDATED, actor_user=tenant.reviewer
    ).exists()
