"""Corpus folders: documents paired with their truth, and sources from folders."""

from __future__ import annotations

import json

import pytest

from extraction.evaluation.corpus import CorpusError, load_corpus, load_sources


def _document(folder, name: str, fields: dict | None = None, suffix: str = ".pdf") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}{suffix}").write_bytes(b"%PDF-1.4")
    truth = {"case_type": "invoice", "fields": fields or {"total_amount": "1.00"}}
    (folder / f"{name}.json").write_text(json.dumps(truth))


def test_load_corpus_pairs_documents_with_their_truth(tmp_path):
    _document(tmp_path, "inv")
    (tmp_path / "orphan.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "notes.txt").write_text("ignored")
    items = load_corpus(tmp_path)
    assert [(item.name, item.case_type, item.source) for item in items] == [
        ("inv", "invoice", tmp_path.name)
    ]


def test_a_parent_folder_gives_one_source_per_sub_folder(tmp_path):
    _document(tmp_path / "receipts", "r1", suffix=".jpg")
    _document(tmp_path / "zugferd", "z1")
    _document(tmp_path / "zugferd", "z2")
    (tmp_path / "upstream").mkdir()
    (tmp_path / "upstream" / "z1.json").write_text("{}")
    items = load_sources([tmp_path])
    assert [(item.source, item.name) for item in items] == [
        ("receipts", "r1"),
        ("zugferd", "z1"),
        ("zugferd", "z2"),
    ]


def test_several_folders_are_several_sources_and_a_name_joins_them(tmp_path):
    _document(tmp_path / "invoices", "a")
    _document(tmp_path / "invoices-ocr", "a", suffix=".png")
    _document(tmp_path / "orders", "o")
    separate = load_sources([tmp_path / "invoices", tmp_path / "invoices-ocr"])
    assert [item.source for item in separate] == ["invoices", "invoices-ocr"]
    joined = load_sources(
        [
            f"invoices={tmp_path / 'invoices'}",
            f"invoices={tmp_path / 'invoices-ocr'}",
            tmp_path / "orders",
        ]
    )
    assert [(item.source, item.path.suffix) for item in joined] == [
        ("invoices", ".pdf"),
        ("invoices", ".png"),
        ("orders", ".pdf"),
    ]


def test_two_unnamed_folders_with_one_name_are_refused(tmp_path):
    _document(tmp_path / "a" / "invoices", "x")
    _document(tmp_path / "b" / "invoices", "y")
    with pytest.raises(CorpusError, match="NAME=FOLDER"):
        load_sources([tmp_path / "a" / "invoices", tmp_path / "b" / "invoices"])


def test_a_missing_folder_and_a_broken_truth_are_errors(tmp_path):
    with pytest.raises(CorpusError, match="No such folder"):
        load_sources([tmp_path / "nowhere"])
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "bad.json").write_text('{"fields": {}}')
    with pytest.raises(CorpusError, match="not a truth file"):
        load_corpus(tmp_path)
