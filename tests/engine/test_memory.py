"""Layout memory in the pure engine: fingerprints, matching, reading remembered places, trust."""

from __future__ import annotations

import random
from dataclasses import replace
from functools import cache

import pytest

from bench.repeat_layouts import invoice, vendor
from extraction.engine import memory
from extraction.engine.fields import build_context, context_for_schema
from extraction.engine.layout import document_lines
from extraction.engine.run import run_engine
from extraction.engine.types import (
    EngineInput,
    EngineResult,
    FieldSpec,
    RememberedLayout,
    RememberedPosition,
    Schema,
)
from extraction.schemas import demo_engine_schemas

SCHEMA = demo_engine_schemas()["invoice"]
SPECS = {spec.key: spec for spec in SCHEMA.fields}


@cache
def _vendor(index: int):
    return vendor(random.Random(f"test-memory:{index}"), index)


@cache
def _document(vendor_index: int, number: int) -> tuple[bytes, dict[str, str]]:
    return invoice(_vendor(vendor_index), random.Random(f"test-memory:{vendor_index}:{number}"))


def _run(content: bytes, layouts: tuple[RememberedLayout, ...] = ()) -> EngineResult:
    return run_engine(EngineInput(content, "invoice.pdf", (SCHEMA,), memory=layouts))


def _taught(result: EngineResult, truth: dict[str, str], keys: tuple[str, ...]) -> RememberedLayout:
    """The layout a reviewer would teach from this document: every key's value located."""
    pages = list(result.pages)
    lines = document_lines(pages)
    context = context_for_schema(build_context(lines), SCHEMA)
    issuer, signature = memory.fingerprint(lines, pages)
    positions: list[RememberedPosition] = []
    for key in keys:
        for place in memory.locate(context, pages, SPECS[key], truth[key]):
            positions.append(
                RememberedPosition(
                    f"{key}-{len(positions)}",
                    key,
                    place.page,
                    place.bbox,
                    place.label,
                    place.offset,
                )
            )
    return RememberedLayout("layout-1", SCHEMA.slug, issuer, signature, tuple(positions))


def _field(result: EngineResult, key: str):
    return next(f for f in result.documents[0].fields if f.key == key)


def test_identities_are_vat_ids_and_valid_ibans():
    found = memory._identities("USt-IdNr. DE 123 456 789\nIBAN DE89 3704 0044 0532 0130 00")
    assert found == {"DE123456789", "DE89370400440532013000"}
    assert memory._identities("IBAN DE00 3704 0044 0532 0130 00") == set()


def test_fingerprint_reads_the_issuers_vat_id_and_static_words_only():
    content, _ = _document(0, 0)
    result = _run(content)
    lines = document_lines(list(result.pages))
    issuer, signature = memory.fingerprint(lines, list(result.pages))
    v = _vendor(0)
    compact_vat = "".join(v.vat.split()).replace(".", "").replace("-", "")
    assert compact_vat in issuer.split("|")
    assert signature
    assert all(not any(ch.isdigit() for ch in e.split("@")[0]) for e in signature)


def test_documents_of_one_vendor_match_its_layout_and_another_vendors_do_not():
    first = _run(_document(0, 0)[0])
    layout = _taught(first, _document(0, 0)[1], ("invoice_number",))
    for content, expected in ((_document(0, 1)[0], "layout-1"), (_document(1, 0)[0], None)):
        reading = _run(content, (layout,)).documents[0].layout
        assert reading is not None
        assert reading.layout_id == expected


def test_identities_that_differ_never_match_whatever_the_signature():
    layout = RememberedLayout("a", "invoice", "DE123456789", ("total@1.1", "net@1.2"))
    match, _ = memory.match_layout("DE999999999", layout.signature, [layout], "invoice")
    assert match is None
    match, _ = memory.match_layout("DE123456789", layout.signature, [layout], "invoice")
    assert match is layout
    match, _ = memory.match_layout("DE123456789", layout.signature, [layout], "receipt")
    assert match is None


def test_without_identities_only_a_close_signature_matches():
    layout = RememberedLayout("a", "invoice", "", tuple(f"w{i}@1.{i}" for i in range(10)))
    close = (*tuple(f"w{i}@1.{i}" for i in range(9)), "other@2.2")
    far = tuple(f"w{i}@1.{i}" for i in range(3)) + tuple(f"x{i}@3.3" for i in range(7))
    assert memory.match_layout("", close, [layout], "invoice")[0] is layout
    assert memory.match_layout("", far, [layout], "invoice")[0] is None


def test_a_remembered_place_reads_the_next_documents_value_with_its_track_record():
    first_content, first_truth = _document(0, 0)
    layout = _taught(_run(first_content), first_truth, ("invoice_number", "total_amount"))
    content, truth = _document(0, 2)
    result = _run(content, (layout,))
    reading = result.documents[0].layout
    assert reading is not None
    read = {key: value for _, key, value in reading.readings}
    assert read["invoice_number"] == truth["invoice_number"]
    assert memory.same_value("money", read["total_amount"], truth["total_amount"])
    assert _field(result, "invoice_number").value == truth["invoice_number"]
    assert _field(result, "invoice_number").confidence >= memory.track_score(0, 0)


def test_memory_sets_a_value_the_generic_reading_got_wrong():
    content, truth = _document(0, 1)
    plain = _field(_run(content), "invoice_number")
    wrong = RememberedPosition(
        "p", "invoice_number", 1, (0, 0, 0.01, 0.01)
    )  # reads nothing: no effect
    layout = _taught(_run(_document(0, 0)[0]), _document(0, 0)[1], ("invoice_number",))
    layout = replace(layout, positions=(*layout.positions, wrong))
    result = _run(content, (layout,))
    field = _field(result, "invoice_number")
    assert field.value == truth["invoice_number"]
    reading = result.documents[0].layout
    assert reading is not None
    if plain.value != truth["invoice_number"]:
        assert "invoice_number" in reading.from_memory


def test_track_score_starts_at_the_prior_and_falls_fast_with_corrections():
    assert memory.track_score(0, 0) == 95
    assert memory.track_score(1, 0) > 95
    assert memory.track_score(0, 1) < 90
    assert memory.track_score(5, 3) < memory.track_score(5, 0)
    # A layout whose places keep being corrected lowers the trust of its other places too.
    assert memory.track_score(0, 0, layout_wrong=4) < 90


def _merge(generic_value, generic_confidence, reads):
    spec = FieldSpec("total_amount", "Total", "money")
    generic = memory.FieldResult("total_amount", generic_value, "", generic_confidence)
    return memory._merge(spec, generic, reads)


def _read(position_id: str, value: str, right: int = 0, wrong: int = 0) -> memory.Read:
    position = RememberedPosition(
        position_id, "total_amount", 1, (0, 0, 1, 1), right=right, wrong=wrong
    )
    return memory.Read(position, value, value, 1, (0, 0, 1, 1), memory.track_score(right, wrong))


def test_memory_agreeing_with_the_generic_value_raises_its_confidence():
    merged = _merge("10.00", 74, [_read("a", "10.00")])
    assert merged is not None
    assert merged.value == "10.00"
    assert merged.confidence == 95


def test_memory_disagreeing_wins_only_when_trusted_more_and_is_marked_down():
    merged = _merge("10.00", 74, [_read("a", "12.00")])
    assert merged is not None
    assert merged.value == "12.00"
    assert merged.confidence == 95 - memory.DISAGREE_PENALTY
    assert _merge("10.00", 99, [_read("a", "12.00")]) is None


def test_a_poisoned_place_is_outvoted_once_a_later_verdict_corrects_it():
    """A wrong value approved once taught a wrong place; the reviewer's next correction scored
    it wrong and taught the right place, which now wins and is published below neither."""
    poisoned = _read("poisoned", "8.40", right=0, wrong=1)
    learned = _read("learned", "10.00", right=0, wrong=0)
    merged = _merge(None, 0, [poisoned, learned])
    assert merged is not None
    assert merged.value == "10.00"
    assert merged.confidence < 90  # places that disagree hold the field for review
    later = _merge(None, 0, [_read("poisoned", "8.40", 0, 2), _read("learned", "10.00", 1, 0)])
    assert later is not None
    assert later.value == "10.00"


def test_conflicting_places_hold_the_field():
    merged = _merge(None, 0, [_read("a", "10.00"), _read("b", "12.00")])
    assert merged is not None
    assert merged.confidence < 90


@pytest.mark.parametrize(
    ("field_type", "a", "b", "same"),
    [
        ("money", "10.0", "10.00", True),
        ("money", "10.01", "10.00", False),
        ("iban", "DE89 3704", "de893704", True),
        ("text", "ACME  Ltd", "ACME Ltd", True),
        ("text", "ACME Ltd", "Acme Ltd", False),
        ("date", None, None, True),
        ("date", "2024-01-01", None, False),
    ],
)
def test_same_value_compares_by_type(field_type, a, b, same):
    assert memory.same_value(field_type, a, b) is same


def test_schema_without_memory_runs_as_before():
    content, _ = _document(1, 1)
    result = _run(content)
    reading = result.documents[0].layout
    assert reading is not None
    assert reading.layout_id is None
    assert not reading.from_memory
    assert isinstance(SCHEMA, Schema)


def test_a_reading_leaves_out_a_neighbour_the_margin_caught():
    from extraction.engine.layout import Token

    words = [("Global", 70, 105), ("Goods", 108, 140), ("Inc.", 143, 160), ("·", 163, 166)]
    tokens = [Token(text, (x0, 100, x1, 110), 100.0, 1) for text, x0, x1 in words]
    best = memory._runs_by_fit(tokens, (70, 100, 160, 110))[0]
    assert [t.text for t in best] == ["Global", "Goods", "Inc."]
