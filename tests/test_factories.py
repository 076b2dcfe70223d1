"""The factories' fixed engine results stay true to the real path: a document held by the
factory has the fields, values, rows, flags and status that uploading the same PDF through the
API and running the engine gives (so tests built on the factories test what users get)."""

from __future__ import annotations

import pytest

from cases.models import Document
from extraction.models import ExtractionJob
from tests import factories
from tests.review.samples import ITEMS_TEXT, items_pdf, upload_held


def _fields(document: Document) -> dict[str, tuple]:
    return {
        field.key: (
            field.field_type,
            field.value,
            field.text,
            [{column: cell["value"] for column, cell in row.items()} for row in field.rows],
            field.flagged,
        )
        for field in document.fields.order_by("position")
    }


def _pages(document: Document) -> list[tuple]:
    return list(document.pages.values_list("number", "source_page", "width", "height", "text"))


@pytest.mark.parametrize("table", [False, True], ids=["invoice", "items"])
def test_held_document_matches_the_upload_and_engine_path(
    tenant, run_on_commit, invoice_type, table
):
    case_type, content = (invoice_type, items_pdf()) if table else (tenant.case_type, None)
    real = upload_held(tenant.client, run_on_commit, case_type, content=content)
    made = factories.held_document(
        case_type,
        factories.ITEMS_VALUES if table else factories.INVOICE_VALUES,
        content=content,
        page_text=ITEMS_TEXT if table else None,
    )
    assert _fields(made) == _fields(real)
    assert made.status == real.status == Document.Status.REVIEW_REQUIRED
    assert made.page_count == real.page_count == 1
    assert [page[:4] for page in _pages(made)] == [page[:4] for page in _pages(real)]
    assert made.file.sha256 == real.file.sha256
    made_job, real_job = (ExtractionJob.objects.get(documents=d) for d in (made, real))
    assert made_job.status == real_job.status == ExtractionJob.Status.REVIEW_REQUIRED
    assert made_job.steps == real_job.steps


def test_processed_job_completes_with_a_result_like_the_job_api(tenant):
    job = factories.processed_job(tenant.case_type)
    assert job.source == ExtractionJob.Source.JOB_API
    assert job.status == ExtractionJob.Status.COMPLETED
    assert job.result is not None
    fields = job.result["documents"][0]["fields"]
    assert fields["invoice_number"]["value"] == "INV-2024-0042"
    assert fields["total_amount"]["value"] == "121.00"
