"""Evaluation: corpus loading, type-aware comparison, accuracy and threshold tables."""

from __future__ import annotations

import json

from extraction.engine import run_engine
from extraction.engine.demo_schemas import INVOICE
from extraction.engine.evaluation import (
    evaluate_corpus,
    format_report,
    load_corpus,
    values_match,
)
from tests.engine.conftest import INVOICE_PAGE, build_pdf


def _corpus(tmp_path, expected: dict) -> None:
    (tmp_path / "inv.pdf").write_bytes(build_pdf([INVOICE_PAGE]))
    (tmp_path / "inv.json").write_text(json.dumps({"case_type": "invoice", "fields": expected}))
    (tmp_path / "notes.txt").write_text("ignored")
    (tmp_path / "orphan.pdf").write_bytes(build_pdf([INVOICE_PAGE]))


def test_load_corpus_pairs_documents_with_their_truth(tmp_path):
    _corpus(tmp_path, {"total_amount": "23.80"})
    items = load_corpus(tmp_path)
    assert [item.name for item in items] == ["inv"]
    assert items[0].case_type == "invoice"


def test_values_match_normalises_by_type():
    assert values_match("money", "23.8", "23.80")
    assert values_match("date", "2024-03-14", "2024-03-14")
    assert values_match("text", "ACME  supplies", "acme Supplies")
    assert not values_match("money", "23.80", None)


def test_evaluate_corpus_reports_accuracy_and_thresholds(tmp_path):
    _corpus(tmp_path, {"total_amount": "23.80", "invoice_number": "WRONG-1"})
    report = evaluate_corpus(tmp_path, {"invoice": INVOICE}, run_engine)
    assert report.accuracy() == 0.5
    assert report.per_field() == {"invoice_number": (0, 1), "total_amount": (1, 1)}
    rows = {row["threshold"]: row for row in report.thresholds()}
    assert set(rows) == {50, 70, 80, 90, 95}
    assert 0 <= rows[90]["released_share"] <= 1
    data = report.as_dict()
    predicted = data["results"][0]["fields"]["total_amount"]
    assert predicted["predicted"] == "23.80"
    assert predicted["expected"] == "23.80"
    assert "confidence" in predicted
    assert "accuracy" in format_report(report)


def test_unknown_case_type_is_reported_not_raised(tmp_path):
    _corpus(tmp_path, {"total_amount": "23.80"})
    report = evaluate_corpus(tmp_path, {}, run_engine)
    assert report.documents[0].error.startswith("UNKNOWN_CASE_TYPE")
    assert report.accuracy() == 0.0
