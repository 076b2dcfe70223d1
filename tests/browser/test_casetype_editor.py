"""An admin builds a case type in the editor, previews it on a sample and runs a job with it;
a reviewer sees the editor read-only. Screenshots at desktop width and at 390 px."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pymupdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import Browser, Page, ViewportSize, expect
from rest_framework.test import APIClient

from cases.models import CaseType
from extraction.models import ExtractionJob
from tests.browser.conftest import screenshot, sign_in
from tests.documents import INVOICE_LINES, pdf_with_lines

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SAMPLE_LINES = [
    *INVOICE_LINES,
    "",
    "Description          Qty          Amount",
    "Paper                   2           40.00",
    "Toner                   1           60.00",
]
PHONE: ViewportSize = {"width": 390, "height": 844}
DESKTOP: ViewportSize = {"width": 1366, "height": 768}


def fill_row(page: Page, prefix: str, **values: str) -> None:
    for name, value in values.items():
        element = page.locator(f'[name="{prefix}-{name}"]')
        if element.evaluate("e => e.tagName") == "SELECT":
            element.select_option(value)
        else:
            element.fill(value)


def box_of(page: Page, key: str) -> dict[str, float]:
    """The preview box of a field as percent of its page (left, top, width, height)."""
    style = page.locator(f'.preview-box[data-key="{key}"]').get_attribute("style") or ""
    return {name: float(value) for name, value in re.findall(r"([a-z]+): ([\d.]+)%", style)}


def word_percent(sample: bytes, text: str) -> tuple[float, float, float, float]:
    """Where `text` is printed on the sample's first page, as percent (x0, y0, x1, y1)."""
    with pymupdf.open(stream=sample, filetype="pdf") as document:
        page = document[0]
        (rect,) = page.search_for(text)
        width, height = page.rect.width, page.rect.height
        return (
            rect.x0 / width * 100,
            rect.y0 / height * 100,
            rect.x1 / width * 100,
            rect.y1 / height * 100,
        )


def test_an_admin_builds_previews_and_runs_a_case_type(page: Page, tenant):
    sample = pdf_with_lines(SAMPLE_LINES)
    sign_in(page, tenant.admin.username)
    page.get_by_role("link", name="Case types").first.click()
    expect(page.get_by_role("heading", name="Case types", level=1)).to_be_visible()
    page.get_by_label("Name", exact=True).fill("Supplier invoice")
    page.get_by_label("templateName").fill("supplier-invoice")
    page.get_by_label("Start from").select_option(label="One text field")
    page.get_by_role("button", name="Create and edit").click()
    expect(page.get_by_role("heading", name="Supplier invoice", level=1)).to_be_visible()

    # Rename the starter field and add four more with the "Add field" button.
    fill_row(page, "fields-0", key="invoice_number", label="Invoice number")
    page.locator('[name="fields-0-required"]').check()
    fields = [
        {"key": "subtotal", "label": "Subtotal", "type": "money"},
        {"key": "vat", "label": "VAT", "type": "money"},
        {"key": "total", "label": "Total", "type": "money"},
        {"key": "items", "label": "Items", "type": "table"},
    ]
    for number, values in enumerate(fields, start=1):
        if page.locator(f'[name="fields-{number}-key"]').count() == 0:
            page.get_by_role("button", name="Add field").click()
        fill_row(page, f"fields-{number}", **values)
    fill_row(
        page,
        "fields-4",
        columns="description | Description | text | required\n"
        "qty | Qty | number\namount | Amount | money | required",
    )
    assert page.locator('[name="fields-TOTAL_FORMS"]').input_value() == "5"

    rule = page.locator('[name="rules-0-type"]')
    rule.select_option("fields_sum")
    # Only the inputs a fields_sum rule reads stay enabled.
    expect(page.locator('[name="rules-0-pattern"]')).to_be_disabled()
    expect(page.locator('[name="rules-0-min"]')).to_be_disabled()
    expect(page.locator('[name="rules-0-addends"]')).to_be_enabled()
    fill_row(page, "rules-0", field="total", addends="subtotal, vat", tolerance="0.01")
    stage_rows = page.locator("#stage-rows tbody tr")
    blank_stage = stage_rows.count() - 1
    fill_row(page, f"stages-{blank_stage}", name="Filed")
    screenshot(page, "casetype-editor-draft", full_page=True)

    # Preview the draft before saving: values, confidence and boxes on the page image.
    page.locator("#id_document").set_input_files(
        {"name": "sample.pdf", "mimeType": "application/pdf", "buffer": sample}
    )
    page.get_by_role("button", name="Preview").click()
    preview = page.locator("#preview-fields")
    expect(preview).to_be_visible(timeout=60_000)
    total_row = preview.locator('tr[data-key="total"]')
    expect(total_row).to_contain_text("121")
    expect(total_row.locator("td").nth(2)).to_have_text(re.compile(r"^\d+"))
    expect(preview.locator('tr[data-key="invoice_number"]')).to_contain_text("INV-2024-0042")
    expect(page.locator(".preview-canvas img")).to_be_visible()
    page.wait_for_function(
        "Array.from(document.querySelectorAll('.preview-canvas img'))"
        ".every(i => i.complete && i.naturalWidth > 0)"
    )
    expect(page.locator(".checks")).to_contain_text("fields_sum")
    for key, printed in (("total", "121.00"), ("invoice_number", "INV-2024-0042")):
        box = box_of(page, key)
        x0, y0, x1, y1 = word_percent(sample, printed)
        # The box covers the printed value (to rounding) and sits on its line.
        assert box["left"] <= x0 + 0.5, (key, box)
        assert box["left"] + box["width"] >= x1 - 0.5, (key, box)
        assert y0 <= box["top"] + box["height"] / 2 <= y1, (key, box)
    page.locator("#preview").scroll_into_view_if_needed()
    screenshot(page, "casetype-preview-result")
    page.set_viewport_size(PHONE)
    page.locator("#preview").scroll_into_view_if_needed()
    screenshot(page, "casetype-preview-result-390")
    page.set_viewport_size(DESKTOP)

    page.get_by_role("button", name="Save as a new version").click()
    expect(page.get_by_text("as version 2")).to_be_visible()
    expect(page.locator('[name="fields-4-columns"]')).to_have_value(
        re.compile(r"^description \| Description \| text \| required\n")
    )
    case_type = CaseType.objects.get(workspace=tenant.workspace, slug="supplier-invoice")
    assert [spec["key"] for spec in case_type.field_schema] == [
        "invoice_number",
        "subtotal",
        "vat",
        "total",
        "items",
    ]
    assert case_type.validation_rules[0]["type"] == "fields_sum"
    assert [stage.name for stage in case_type.stages.all()][-1] == "Filed"
    screenshot(page, "casetype-editor", full_page=True)
    page.set_viewport_size(PHONE)
    screenshot(page, "casetype-editor-390", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    client = APIClient()
    client.credentials(HTTP_X_API_KEY=tenant.raw_key)
    response = client.post(
        "/api/v1/extraction-jobs",
        {"templateName": "supplier-invoice", "file": _upload(sample)},
        format="multipart",
    )
    assert response.status_code in (200, 201, 202), response.content
    job = ExtractionJob.objects.get(case_type=case_type)
    assert job.case_type_version is not None
    assert job.case_type_version.number == 2

    page.set_viewport_size(DESKTOP)
    page.goto("/settings/case-types/")
    expect(page.locator("table").first).to_contain_text("supplier-invoice")
    screenshot(page, "casetype-list", full_page=True)
    page.set_viewport_size(PHONE)
    screenshot(page, "casetype-list-390", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_reviewer_sees_the_editor_read_only(page: Page, tenant):
    sign_in(page, tenant.reviewer.username)
    page.goto("/settings/case-types/")
    expect(page.get_by_role("button", name="Create and edit")).to_have_count(0)
    page.locator("#casetype-rows").get_by_role("link", name="View").first.click()
    expect(page.get_by_text("Only workspace admins can change case types.")).to_be_visible()
    expect(page.locator('[name="fields-0-key"]')).to_be_disabled()
    expect(page.locator('[name="general-name"]')).to_be_disabled()
    expect(page.get_by_role("button", name="Save as a new version")).to_have_count(0)
    expect(page.get_by_role("button", name="Add field")).to_have_count(0)
    expect(page.get_by_role("button", name="Restore")).to_have_count(0)
    screenshot(page, "casetype-editor-reviewer")


@pytest.fixture
def page_without_js(browser: Browser, live_server) -> Iterator[Page]:
    context = browser.new_context(
        base_url=live_server.url, viewport=DESKTOP, java_script_enabled=False
    )
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def test_without_javascript_a_blank_row_adds_a_field(page_without_js: Page, tenant):
    page = page_without_js
    sign_in(page, tenant.admin.username)
    page.goto(f"/settings/case-types/{tenant.case_type.public_id}/")
    expect(page.get_by_role("button", name="Add field")).to_have_count(0)
    blank = page.locator("#field-rows tbody tr").count() - 1
    fill_row(page, f"fields-{blank}", key="po_number", label="PO number")
    page.get_by_role("button", name="Save as a new version").click()
    expect(page.get_by_text("as version 2")).to_be_visible()
    tenant.case_type.refresh_from_db()
    assert tenant.case_type.field_schema[-1]["key"] == "po_number"


def _upload(content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("sample.pdf", content, content_type="application/pdf")
