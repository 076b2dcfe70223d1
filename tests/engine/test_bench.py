"""The bench's pure helpers: scoring both tools alike, mapping the peer's keys, percentiles.

`make bench` itself is not run here (it takes minutes and measures time); these are the parts
whose mistakes would silently skew its comparison.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bench import peer
from bench.__main__ import KEEP_MARKER, write_report
from bench.api_latency import percentiles
from bench.invoice2data_driver import jsonable
from bench.scoring import Score, score
from extraction.evaluation import CorpusItem
from tests.schemas import INVOICE

SCHEMAS = {"invoice": INVOICE}
ITEMS = [
    CorpusItem(
        "a",
        Path("a.pdf"),
        "invoice",
        {"invoice_number": "INV-1", "invoice_date": "2024-03-14", "total_amount": "23.80"},
    ),
    CorpusItem("b", Path("b.pdf"), "invoice", {"invoice_number": "B-2", "currency": "EUR"}),
]


def test_score_normalises_values_by_field_type():
    predictions = {
        "a": {"invoice_number": "inv-1", "invoice_date": "2024-03-14", "total_amount": "23.8"},
        "b": {"invoice_number": "B-3", "currency": "EUR"},
    }
    # "inv-1" is not "INV-1": text is compared strictly, like `evaluate` does.
    assert score(ITEMS, predictions, SCHEMAS) == Score(3, 5)


def test_score_counts_a_skipped_document_as_wrong_and_can_limit_keys():
    predictions = {"a": {"invoice_number": "INV-1"}}
    assert score(ITEMS, predictions, SCHEMAS, {"invoice_number"}) == Score(1, 2)
    assert Score(1, 2).accuracy == 0.5
    assert Score(0, 0).accuracy is None


def test_peer_keys_are_mapped_onto_casefile_keys():
    fields = {"amount": "279.84", "date": "2023-03-01", "issuer": "Azure", "amount_tax": "16.94"}
    assert peer.mapped(fields) == {
        "total_amount": "279.84",
        "invoice_date": "2023-03-01",
        "tax_amount": "16.94",
    }


def test_peer_backend_follows_the_file_type():
    assert peer.module_for(Path("x.PDF")) == "pdftotext"
    assert peer.module_for(Path("x.png")) == "tesseract"


def test_driver_output_is_json_with_iso_dates_and_decimal_strings():
    value = {"date": dt.datetime(2017, 12, 31, 0, 0), "amount": 1939.0, "lines": [{"qty": 2}]}
    assert jsonable(value) == {"date": "2017-12-31", "amount": "1939.0", "lines": [{"qty": "2"}]}


def test_percentiles_are_in_milliseconds():
    stats = percentiles([i / 1000 for i in range(1, 101)])
    assert stats["p50_ms"] == pytest.approx(50.5)
    assert stats["p99_ms"] == pytest.approx(99.01)
    assert stats["mean_ms"] == pytest.approx(50.5)


def test_writing_the_report_keeps_notes_below_the_marker(tmp_path):
    path = tmp_path / "RESULTS.md"
    write_report(path, "# first")
    path.write_text(path.read_text() + "A hand-written note.\n")
    write_report(path, "# second")
    text = path.read_text()
    assert text.startswith("# second")
    assert "# first" not in text
    assert text.endswith(KEEP_MARKER + "\nA hand-written note.\n")
