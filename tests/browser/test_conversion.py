"""A member uploads a PDF, converts it to a spreadsheet and downloads the result; a case page
lists the conversions of its documents."""

from __future__ import annotations

import io

import openpyxl
import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import screenshot, sign_in
from tests.extraction.conversion.samples import table_pdf
from tests.factories import uploaded_document

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_member_uploads_converts_and_downloads_a_pdf(page: Page, tenant):
    sign_in(page, tenant.reviewer.username)
    page.get_by_role("link", name="Conversions").click()
    expect(page.get_by_role("heading", name="Convert a PDF")).to_be_visible()
    page.get_by_label("PDF file").set_input_files(
        {"name": "fruit.pdf", "mimeType": "application/pdf", "buffer": table_pdf()}
    )
    page.get_by_label("Convert to").select_option("tables:xlsx")
    page.get_by_role("button", name="Convert").click()
    download_link = page.get_by_role("link", name="Download fruit.xlsx")
    expect(download_link).to_be_visible(timeout=60_000)
    row = page.locator("#conversion-jobs tr", has_text="fruit.pdf")
    expect(row).to_contain_text("Completed")
    screenshot(page, "conversion-completed")
    with page.expect_download() as download_info:
        download_link.click()
    download = download_info.value
    assert download.suggested_filename == "fruit.xlsx"
    workbook = openpyxl.load_workbook(io.BytesIO(download.path().read_bytes()))
    assert workbook.active["A2"].value == "Apples"
    assert workbook.active["B2"].value == 12


def test_a_non_pdf_is_refused_on_the_form(page: Page, tenant):
    sign_in(page, tenant.reviewer.username)
    page.goto("/settings/conversions/")
    page.get_by_label("PDF file").set_input_files(
        {"name": "notes.pdf", "mimeType": "application/pdf", "buffer": b"just text"}
    )
    page.get_by_role("button", name="Convert").click()
    expect(page.locator("#conversion-form")).to_contain_text("is not a PDF")
    expect(page.locator("#conversion-jobs")).to_contain_text("No conversions yet.")


def test_a_case_page_converts_one_of_its_documents(page: Page, tenant):
    document, _ = uploaded_document(tenant.case_type, content=table_pdf(), filename="fruit.pdf")
    sign_in(page, tenant.reviewer.username)
    page.goto(f"/cases/{document.case.public_id}/")
    section = page.locator("#case-conversions")
    expect(section.get_by_role("heading", name="Conversions")).to_be_visible()
    section.get_by_label("Convert to").select_option("text:md")
    section.get_by_role("button", name="Convert").click()
    expect(section.get_by_role("link", name="Download fruit.md")).to_be_visible(timeout=60_000)
    screenshot(page, "conversion-case-page", full_page=True)
