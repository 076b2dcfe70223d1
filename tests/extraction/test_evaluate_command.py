"""`manage.py evaluate`: the report, its JSON form, and clear errors."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.documents import INVOICE_LINES, pdf_with_lines


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "acme.pdf").write_bytes(pdf_with_lines(INVOICE_LINES))
    truth = {
        "case_type": "invoice",
        "fields": {"invoice_number": "INV-2024-0042", "total_amount": "121.00", "currency": "USD"},
    }
    (tmp_path / "acme.json").write_text(json.dumps(truth))
    return tmp_path


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("evaluate", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_evaluate_prints_accuracy_per_field_and_threshold(corpus):
    out, err = run(str(corpus))
    assert "[1/1] acme" in err
    assert "fields: 3" in out
    assert "accuracy: 66.7%" in out  # the currency is EUR on the page, not USD
    assert "invoice_number" in out
    for threshold in (50, 70, 80, 90, 95):
        assert f"\n{threshold:>9}  " in out


def test_evaluate_json_lists_predictions_beside_expectations(corpus):
    out, _ = run(str(corpus), "--json")
    report = json.loads(out)
    assert report["fields"] == 3
    assert report["documents"] == 1
    by_key = report["results"][0]["fields"]
    assert by_key["total_amount"]["predicted"] == "121.00"
    assert by_key["total_amount"]["expected"] == "121.00"
    assert by_key["currency"]["correct"] is False
    assert 0 <= by_key["total_amount"]["confidence"] <= 100
    assert [row["threshold"] for row in report["thresholds"]] == [50, 70, 80, 90, 95]


def test_evaluate_refuses_a_missing_folder(tmp_path):
    with pytest.raises(CommandError, match="No such folder"):
        run(str(tmp_path / "nowhere"))


def test_evaluate_refuses_an_unknown_case_type(corpus):
    (corpus / "acme.json").write_text(json.dumps({"case_type": "recipe", "fields": {}}))
    with pytest.raises(CommandError, match="no case type 'recipe'"):
        run(str(corpus))
