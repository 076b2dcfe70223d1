"""The gate's document-level hold in the browser: a document whose case type classification
doubted is shown with the reason and can be approved as it stands."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from cases.models import Document
from extraction.models import ExtractionJob
from tests import factories
from tests.browser.conftest import review_open, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_reviewer_sees_an_uncertain_case_type_and_approves_the_document(
    page: Page, tenant, invoice_type
):
    job = factories.classified_job(invoice_type, classification_confidence=52)
    document = job.documents.get()
    review_open(page, tenant.reviewer.username, document)

    flag = page.locator("#document-flag-case_type_uncertain")
    expect(flag).to_contain_text("chose Invoice over Purchase order with confidence 52")
    approve = page.locator("#approve-document")
    expect(approve).to_be_enabled()
    screenshot(page, "70-review-case-type-uncertain")

    approve.click()
    page.wait_for_url("**/review/")
    document.refresh_from_db()
    assert document.status == Document.Status.PROCESSED
    job.refresh_from_db()
    assert job.status == ExtractionJob.Status.COMPLETED
