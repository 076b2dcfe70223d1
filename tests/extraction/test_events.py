"""Each webhook event extraction announces has one builder and one documented shape."""

from __future__ import annotations

import json
from types import SimpleNamespace
from typing import Any

from extraction.events import ReviewOutcome, extraction_completed_data, review_completed_data
from extraction.models import ExtractionJob

REVIEW_COMPLETED_KEYS = {
    "job_id",
    "filename",
    "workflow_id",
    "case_id",
    "document_id",
    "document_ids",
    "outcome",
    "reviewed_by",
    "status",
    "checks",
}
CHECK = {"rule": "total", "passed": True, "message": "", "fields": ["total"]}


def _job(status: str, documents: int = 1) -> Any:
    docs = [SimpleNamespace(public_id=f"doc_{n}") for n in range(documents)]
    return SimpleNamespace(
        pk="6f1c",
        filename="invoice.pdf",
        status=status,
        case=SimpleNamespace(public_id="case_1"),
        case_type=SimpleNamespace(public_id="ct_1"),
        documents=SimpleNamespace(all=lambda: docs),
        result={"documents": []},
        error_code="CORRUPT_FILE",
        error_message="Broken.",
    )


def test_extraction_completed_carries_the_result_or_the_error():
    done = extraction_completed_data(_job(ExtractionJob.Status.COMPLETED))
    assert set(done) == {"job_id", "filename", "status", "case_id", "document_ids", "result"}
    failed = extraction_completed_data(_job(ExtractionJob.Status.FAILED))
    assert failed["error"] == {"code": "CORRUPT_FILE", "message": "Broken."}
    assert failed["result"] is None  # the seed's body always names `result`


def test_review_completed_for_a_job_has_the_documented_keys():
    data = review_completed_data(
        job=_job(ExtractionJob.Status.COMPLETED),
        outcome=ReviewOutcome.APPROVED,
        reviewed_by="ana@example.com",
        checks=[CHECK],
    )
    assert set(data) == REVIEW_COMPLETED_KEYS | {"result"}
    assert data["document_id"] == "doc_0"
    assert json.loads(json.dumps(data))["outcome"] == "approved"
    rejected = review_completed_data(
        job=_job(ExtractionJob.Status.FAILED, documents=2),
        outcome=ReviewOutcome.REJECTED,
        reviewed_by="ana@example.com",
        checks=[],
    )
    assert set(rejected) == REVIEW_COMPLETED_KEYS | {"result", "error"}
    assert rejected["result"] is None
    assert rejected["document_id"] is None
    assert rejected["document_ids"] == ["doc_0", "doc_1"]


def test_review_completed_for_a_checks_run_has_the_same_keys():
    document: Any = SimpleNamespace(
        public_id="doc_9", filename="bill.pdf", case=SimpleNamespace(public_id="case_2")
    )
    case_type: Any = SimpleNamespace(public_id="ct_2")
    data = review_completed_data(
        document=document,
        case_type=case_type,
        outcome=ReviewOutcome.FAILED,
        reviewed_by="key:erp",
        checks=[CHECK],
    )
    assert set(data) == REVIEW_COMPLETED_KEYS | {"result"}
    assert data["job_id"] is None
    assert data["document_id"] == "doc_9"
    assert data["document_ids"] == ["doc_9"]
    assert data["workflow_id"] == "ct_2"
    assert data["status"] == "completed"
    assert data["result"] is None


def test_review_outcomes_are_the_published_strings():
    assert [o.value for o in ReviewOutcome] == ["approved", "rejected", "passed", "failed"]
