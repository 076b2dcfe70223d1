"""`evaluate --learn`: documents replayed in order through the pipeline and a simulated
reviewer; first-seen and repeat layouts reported apart; the throwaway workspace removed."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command

from bench.repeat_layouts import write
from cases.models import Workspace
from extraction.evaluation.corpus import CorpusItem
from extraction.evaluation.learn import (
    SAME_DESIGN,
    Fingerprint,
    LearnDocument,
    classify_repeat,
    layout_group,
    layout_named,
)
from extraction.learning.models import Layout, Verdict


@pytest.fixture
def corpus(tmp_path):
    write(tmp_path, vendors=1, per_vendor=3, seed=7)
    return tmp_path


@pytest.mark.django_db(transaction=True)
def test_learn_replays_with_a_reviewer_and_reports_repeat_layouts_apart(corpus, settings):
    settings.EXTRACTION_ISOLATION = False
    before = Workspace.objects.count()
    out, err = StringIO(), StringIO()
    call_command("evaluate", "--learn", "--json", str(corpus), stdout=out, stderr=err)
    report = json.loads(out.getvalue())
    assert report["threshold"] == 90
    first, repeat = report["first_seen"], report["repeat"]
    assert first["documents"] == 1
    assert first["matched_layout"] == 0
    assert repeat["documents"] == 2
    assert repeat["matched_layout"] == 2  # the reviewed first document taught its layout
    assert repeat["fields"] == 16
    assert [d["repeat"] for d in report["documents"]] == [False, True, True]
    assert "[3/3]" in err.getvalue()
    # The throwaway workspace and everything it learned are gone.
    assert Workspace.objects.count() == before
    assert not Layout.objects.exists()
    assert not Verdict.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_learn_prints_a_table_of_first_seen_and_repeat(corpus, settings):
    settings.EXTRACTION_ISOLATION = False
    out = StringIO()
    call_command("evaluate", "--learn", str(corpus), stdout=out, stderr=StringIO())
    text = out.getvalue()
    assert "ALL                          first_seen" in text
    assert "ALL                          repeat" in text


def test_layout_groups_come_from_the_truth_file(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({"layout": "acme", "case_type": "invoice"}))
    (tmp_path / "b.json").write_text(json.dumps({"merchant_slug": "aldi"}))
    (tmp_path / "c.json").write_text(json.dumps({}))
    (tmp_path / "d.json").write_text(json.dumps({}))
    (tmp_path / "e.json").write_text(json.dumps({}))
    po: dict[str, object] = {"merchant": "Hero Limited", "vendor_name": "Jack Sprat"}
    items = [
        CorpusItem("a", tmp_path / "a.pdf", "invoice", {}, "s"),
        CorpusItem("b", tmp_path / "b.pdf", "invoice", {}, "s"),
        CorpusItem("c", tmp_path / "c.pdf", "invoice", {"vendor_name": "ACME  Ltd"}, "s"),
        CorpusItem("d", tmp_path / "d.pdf", "invoice", {}, "s"),
        CorpusItem("e", tmp_path / "e.png", "purchase_order", po, "s"),
    ]
    assert [layout_group(item) for item in items] == [
        "s:acme",
        "s:aldi",
        "s:vendor:acme ltd",
        "s:d",
        "s:vendor:hero limited",
    ]


def test_scanned_repeat_layouts_never_sit_at_the_same_place_twice(tmp_path):
    """`bench.repeat_layouts --scan`: every invoice of a vendor as a page image of one sheet
    size, each shifted, scaled and turned differently (what layout memory must align)."""
    import numpy as np
    from PIL import Image

    write(tmp_path, vendors=1, per_vendor=2, seed=3, scan=True)
    images = sorted(tmp_path.rglob("*.png"))
    assert len(images) == 2
    truths = [json.loads(p.with_suffix(".json").read_text()) for p in images]
    assert truths[0]["layout"] == truths[1]["layout"]
    pixels = [np.asarray(Image.open(p).convert("L"), dtype=np.float32) for p in images]
    assert pixels[0].shape == pixels[1].shape

    def ink_top_left(image):
        rows, cols = np.nonzero(image < image.mean() - 60)
        return rows.min(), cols.min()

    assert ink_top_left(pixels[0]) != ink_top_left(pixels[1])


def _outcome(name: str = "b") -> LearnDocument:
    return LearnDocument(name, "s", "s:vendor:acme", False, True, True, True, ())


def _print(words: list[str], shift: float = 0.0) -> Fingerprint:
    """A fingerprint of a page whose static words sit in a column, moved by `shift`."""
    signature = tuple(sorted(f"{word}@0.{i}" for i, word in enumerate(words)))
    places = tuple((word, 0.1 + shift, 0.05 * i + shift) for i, word in enumerate(words))
    return signature, places


WORDS = ["invoice", "date", "total", "payable", "street", "bank", "terms", "thanks"]


def test_a_document_of_a_reviewed_issuer_in_the_same_design_is_repeat():
    earlier = [_print(WORDS)]
    outcome = classify_repeat(_outcome(), _print(WORDS, shift=0.01), earlier, named=False)
    assert outcome.repeat
    assert not outcome.new_design
    assert outcome.design == 1.0


def test_a_new_design_of_a_reviewed_issuer_counts_first_seen_and_apart():
    """Same seller name (the truth group), other static words and places: not a repeat of
    its layout, whatever memory matched."""
    other = ["rechnung", "datum", "summe", "zahlbar", "strasse", "konto", "invoice", "date"]
    outcome = classify_repeat(_outcome(), _print(other, shift=0.2), [_print(WORDS)], named=False)
    assert not outcome.repeat
    assert outcome.new_design
    assert outcome.design is not None
    assert outcome.design < SAME_DESIGN


def test_a_layout_named_by_the_truth_is_repeat_whatever_its_signature():
    other = ["rechnung", "datum", "summe", "zahlbar", "strasse", "konto", "bla", "blub"]
    outcome = classify_repeat(_outcome(), _print(other), [_print(WORDS)], named=True)
    assert outcome.repeat
    assert not outcome.new_design


def test_the_first_document_of_a_group_is_first_seen():
    outcome = classify_repeat(_outcome(), _print(WORDS), [], named=False)
    assert not outcome.repeat
    assert not outcome.new_design


def test_the_design_test_is_kept_to_groups_of_issuer_names(tmp_path):
    """A truth `layout` or a receipt's `merchant_slug` names the layout (a chain's till prints
    one); a group of an issuer's name does not, so only there must the design agree."""
    (tmp_path / "a.json").write_text(json.dumps({"layout": "acme"}))
    (tmp_path / "b.json").write_text(json.dumps({"merchant_slug": "aldi"}))
    (tmp_path / "c.json").write_text(json.dumps({}))
    items = [
        CorpusItem("a", tmp_path / "a.pdf", "invoice", {}, "s"),
        CorpusItem("b", tmp_path / "b.jpg", "invoice", {}, "s"),
        CorpusItem("c", tmp_path / "c.pdf", "invoice", {"vendor_name": "ACME Ltd"}, "s"),
    ]
    assert [layout_named(item) for item in items] == [True, True, False]
