"""A case page's Files section in Chromium: the uploads and artifacts load, search narrows them,
and a download arrives with the file's name."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import screenshot, sign_in
from tests.factories import invoice_pdf, processed_document

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reviewer_finds_and_downloads_a_case_file(page: Page, tenant):
    document = processed_document(tenant.case_type, filename="email.pdf")
    sign_in(page, tenant.reviewer.username)
    page.goto(f"/cases/{document.case.public_id}/")
    files = page.locator("#case-files")
    expect(files.locator("tbody tr")).to_have_count(4)
    expect(files).to_contain_text("email.result.json")
    files.scroll_into_view_if_needed()
    screenshot(page, "40-case-files")

    files.get_by_label("Search the case's files").fill("result")
    expect(page.locator("#case-files tbody tr")).to_have_count(1)
    expect(page.locator("#case-files")).to_contain_text("email.result.json")

    page.locator("#case-files").get_by_label("Search the case's files").fill("")
    expect(page.locator("#case-files tbody tr")).to_have_count(4)
    row = page.locator("#case-files tr", has_text="email.pdf").first
    with page.expect_download() as info:
        row.get_by_role("link", name="Download").click()
    download = info.value
    assert download.suggested_filename == "email.pdf"
    with open(download.path(), "rb") as handle:
        assert handle.read() == invoice_pdf()
