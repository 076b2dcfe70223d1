"""`manage.py evaluate`: the report, its JSON form, sources, and clear errors."""

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
    assert f"[1/1] {corpus.name}/acme" in err
    assert "fields: 3" in out
    assert "accuracy: 66.7%" in out  # the currency is EUR on the page, not USD
    assert "invoice_number" in out
    for threshold in (50, 60, 70, 80, 90, 95):
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
    assert [row["threshold"] for row in report["thresholds"]] == [50, 60, 70, 80, 90, 95]
    assert report["results"][0]["source"] == corpus.name
    assert set(report["per_source"]) == {corpus.name}


def test_evaluate_gives_a_section_per_sub_folder_and_the_total(corpus, tmp_path_factory):
    parent = tmp_path_factory.mktemp("corpora")
    for source in ("born-digital", "copies"):
        (parent / source).mkdir()
        for suffix in (".pdf", ".json"):
            (parent / source / f"acme{suffix}").write_bytes((corpus / f"acme{suffix}").read_bytes())
    out, err = run(str(parent))
    assert "[1/2] born-digital/acme" in err
    assert "[2/2] copies/acme" in err
    assert "== source born-digital" in out
    assert "== source copies" in out
    assert "== all sources\ndocuments: 2  fields: 6" in out
    report = json.loads(run(str(parent), "--json")[0])
    assert report["per_source"]["copies"]["fields"] == 3


def test_evaluate_reads_the_shipped_case_types(corpus):
    """The purchase order's two phones are told apart by the YAML labels users get."""
    lines = [
        "Hero Limited",
        "Company Phone: 555-348-6512",
        "Purchase Order #: 948284",
        "Shipped To",
        "Company Name: Higgly Wiggly Books",
        "Phone: 938-294-2949",
    ]
    (corpus / "acme.pdf").write_bytes(pdf_with_lines(lines))
    truth = {
        "case_type": "purchase_order",
        "fields": {"phone_number": "555-348-6512", "company_phone_number": "938-294-2949"},
    }
    (corpus / "acme.json").write_text(json.dumps(truth))
    report = json.loads(run(str(corpus), "--json")[0])
    fields = report["results"][0]["fields"]
    assert fields["phone_number"]["predicted"] == "555-348-6512"
    assert fields["company_phone_number"]["predicted"] == "938-294-2949"


def test_evaluate_refuses_a_missing_folder(tmp_path):
    with pytest.raises(CommandError, match="No such folder"):
        run(str(tmp_path / "nowhere"))


def test_evaluate_refuses_an_unknown_case_type(corpus):
    (corpus / "acme.json").write_text(json.dumps({"case_type": "recipe", "fields": {}}))
    with pytest.raises(CommandError, match="no case type 'recipe'"):
        run(str(corpus))
