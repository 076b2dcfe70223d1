"""Scoring a corpus: strict fields, table cells, per-source sections, the reliability table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extraction.engine.types import (
    CellResult,
    DocumentResult,
    EngineInput,
    EngineResult,
    FieldResult,
)
from extraction.evaluation import (
    THRESHOLDS,
    CorpusError,
    CorpusItem,
    evaluate_items,
    format_report,
    reliability,
)
from tests.schemas import SCHEMAS

PREDICTIONS: dict[str, tuple[FieldResult, ...]] = {
    "a.pdf": (
        FieldResult("invoice_number", "INV-1", "INV-1", 97),
        FieldResult("vendor_name", "Proﬁle GmbH", "Proﬁle GmbH", 92),
        FieldResult("total_amount", "23.8", "23,80", 85),
        FieldResult(
            "line_items",
            None,
            "",
            88,
            rows=(
                {
                    "description": CellResult("Bolts", "Bolts", 90),
                    "amount": CellResult("15.00", "15,00", 91),
                },
                {
                    "description": CellResult("Dowels", "Dowels", 70),
                    "amount": CellResult("8.80", "8,80", 72),
                },
            ),
        ),
    ),
    "b.png": (
        FieldResult("invoice_number", "b-2", "b-2", 55),
        FieldResult("total_amount", "9.00", "9.00", 65),
    ),
}


def fake_engine(engine_input: EngineInput) -> EngineResult:
    fields = PREDICTIONS[engine_input.filename]
    document = DocumentResult(0, engine_input.schemas[0].slug, 100, (1,), fields)
    return EngineResult(1, (), (document,), "application/pdf")


EXPECTED_A = {
    "invoice_number": "INV-1",
    "vendor_name": "Profile GmbH",
    "total_amount": "23.80",
    "line_items": [
        {"description": "Bolts", "amount": "15.00"},
        {"description": "Dowels", "amount": "8.80"},
    ],
}


def _item(tmp_path: Path, filename: str, expected: dict, source: str = "s") -> CorpusItem:
    path = tmp_path / filename
    path.write_bytes(b"")
    return CorpusItem(path.stem, path, "invoice", expected, source)


@pytest.fixture
def report(tmp_path):
    items = [
        _item(tmp_path, "a.pdf", EXPECTED_A, "born-digital"),
        _item(tmp_path, "b.png", {"invoice_number": "B-2", "total_amount": "9"}, "scans"),
    ]
    return evaluate_items(items, SCHEMAS, fake_engine)


def test_fields_are_scored_strictly_and_tables_cell_by_cell(report):
    a = {o.key: o for o in report.documents[0].fields}
    assert a["invoice_number"].correct
    assert not a["vendor_name"].correct  # the ligature is what the reviewer would fix
    assert a["total_amount"].correct
    assert a["line_items"].correct
    assert [(c.column, c.correct) for c in a["line_items"].cells] == [
        ("description", True),
        ("amount", True),
        ("description", True),
        ("amount", True),
    ]
    b = {o.key: o for o in report.documents[1].fields}
    assert not b["invoice_number"].correct  # "b-2" is not "B-2"
    assert report.per_field()["line_items.amount"] == (2, 2)


def test_a_table_with_a_wrong_cell_or_a_missing_row_is_wrong(tmp_path):
    expected = {
        "line_items": [{"description": "Bolts"}, {"description": "Dowels"}, {"description": "Nuts"}]
    }
    report = evaluate_items([_item(tmp_path, "a.pdf", expected)], SCHEMAS, fake_engine)
    outcome = report.documents[0].fields[0]
    assert not outcome.correct
    assert [c.correct for c in outcome.cells] == [True, True, False]
    assert outcome.predicted[1] == {"description": "Dowels", "amount": "8.80"}


def test_a_table_truth_must_be_a_list_of_rows(tmp_path):
    item = _item(tmp_path, "a.pdf", {"line_items": "Bolts"})
    with pytest.raises(CorpusError, match="list of row objects"):
        evaluate_items([item], SCHEMAS, fake_engine)


def test_reliability_counts_released_fields_and_the_share_right():
    rows = {
        row["threshold"]: row
        for row in reliability([(97, True), (92, False), (85, True), (55, False)])
    }
    assert tuple(rows) == THRESHOLDS
    assert rows[50]["released"] == 4
    assert rows[50]["released_accuracy"] == 0.5
    assert rows[90]["released"] == 2
    assert rows[90]["released_share"] == 0.5
    assert rows[90]["released_correct"] == 1
    assert rows[95]["released_accuracy"] == 1.0
    assert reliability([(40, True)])[0]["released_accuracy"] is None


def test_the_report_has_a_section_per_source_and_the_total(report):
    text = format_report(report)
    assert text.index("== source born-digital") < text.index("== source scans")
    assert text.index("== source scans") < text.index("== all sources")
    assert "documents: 2  fields: 6  accuracy: 66.7%  cells: 4/4 (100.0%)" in text
    data = report.as_dict()
    assert data["fields"] == 6
    assert set(data["per_source"]) == {"born-digital", "scans"}
    assert data["per_source"]["scans"]["accuracy"] == 0.5
    assert [row["threshold"] for row in data["per_source"]["scans"]["thresholds"]] == list(
        THRESHOLDS
    )
    assert data["cells"] == {"correct": 4, "total": 4, "accuracy": 1.0}
    first = data["results"][0]
    assert first["source"] == "born-digital"
    assert first["fields"]["vendor_name"]["predicted"] == "Proﬁle GmbH"
    assert first["fields"]["line_items"]["cells"][1]["confidence"] == 91
    json.dumps(data)


def test_an_unknown_case_type_scores_every_field_as_not_found():
    report = evaluate_items(
        [CorpusItem("x", Path("x.pdf"), "recipe", {"a": "1"}, "s")], {}, fake_engine
    )
    assert report.documents[0].error == "UNKNOWN_CASE_TYPE: recipe"
    assert report.accuracy() == 0.0
