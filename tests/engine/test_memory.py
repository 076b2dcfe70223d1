"""Layout memory in the pure engine: fingerprints, matching, reading remembered places, trust."""

from __future__ import annotations

import cmath
import math
import random
from dataclasses import replace
from functools import cache

import pytest

from bench.repeat_layouts import invoice, vendor
from extraction.engine import memory
from extraction.engine.fields import build_context, context_for_schema
from extraction.engine.labels import compact
from extraction.engine.layout import document_lines
from extraction.engine.run import run_engine
from extraction.engine.types import (
    EngineInput,
    EngineResult,
    FieldResult,
    FieldSpec,
    PageResult,
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


def test_a_reading_its_label_no_longer_confirms_never_outvotes_the_generic_value():
    unconfirmed = replace(_read("a", "12.00"), at_label=False)
    assert _merge("10.00", 74, [unconfirmed]) is None
    alone = _merge(None, 0, [unconfirmed])  # with nothing generic read, it is still offered
    assert alone is not None
    assert alone.value == "12.00"


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


# --- Scans of a layout: alignment by anchor words -------------------------------------------


def _framed(result: EngineResult, truth: dict[str, str], keys: tuple[str, ...]) -> RememberedLayout:
    """The taught layout with its frame: the first page's anchors and size."""
    pages = list(result.pages)
    layout = _taught(result, truth, keys)
    anchors = memory.anchors(document_lines(pages), pages)
    return replace(layout, anchors=anchors, page_size=(pages[0].width, pages[0].height))


def _moved(result: EngineResult, turn: complex, shift: complex) -> list[PageResult]:
    """The pages as a scanner might place them: every word's corners through z -> turn*z+shift
    (points), the boxes kept upright."""
    pages = []
    for page in result.pages:
        words = []
        for word in page.words:
            a = turn * complex(word.bbox[0], word.bbox[1]) + shift
            b = turn * complex(word.bbox[2], word.bbox[3]) + shift
            box = (
                min(a.real, b.real),
                min(a.imag, b.imag),
                max(a.real, b.real),
                max(a.imag, b.imag),
            )
            words.append(replace(word, bbox=box))
        pages.append(replace(page, words=tuple(words)))
    return pages


def _context(pages: list[PageResult]):
    return context_for_schema(build_context(document_lines(pages)), SCHEMA)


SCANNED = cmath.rect(1.03, math.radians(0.4))
"""3% larger and turned 0.4 degrees; with a shift of (18, -14) points."""


def test_align_recovers_a_shift_scale_and_turn_and_ignores_words_that_moved():
    rng = random.Random(7)
    source = [(f"word{i}", rng.uniform(0.05, 0.95), rng.uniform(0.05, 1.35)) for i in range(30)]
    turn, shift = cmath.rect(0.97, math.radians(-1.2)), complex(0.02, -0.015)
    target = []
    for index, (word, x, y) in enumerate(source):
        z = turn * complex(x, y) + shift
        if index < 5:  # variable words that happen to repeat, elsewhere on the page
            z += complex(0.2, 0.3)
        target.append((word, z.real, z.imag))
    alignment = memory.align(tuple(source), tuple(target))
    assert alignment is not None
    assert alignment.inliers == 25
    assert alignment.common == 30
    x, y = alignment.point(0.5, 0.7)
    expected = turn * complex(0.5, 0.7) + shift
    assert abs(complex(x, y) - expected) < 0.002


def test_align_finds_nothing_between_unrelated_pages():
    rng = random.Random(8)
    words = [f"word{i}" for i in range(30)]
    source = tuple((w, rng.uniform(0, 1), rng.uniform(0, 1.4)) for w in words)
    target = tuple((w, rng.uniform(0, 1), rng.uniform(0, 1.4)) for w in words)
    alignment = memory.align(source, target)
    assert alignment is None or alignment.share < 0.3


def test_a_shifted_and_scaled_scan_of_the_layout_matches_it_and_reads_its_values():
    keys = ("invoice_number", "invoice_date", "total_amount", "subtotal_amount")
    layout = _framed(_run(_document(2, 0)[0]), _document(2, 0)[1], keys)
    content, truth = _document(2, 3)
    pages = _moved(_run(content), SCANNED, complex(18, -14))
    lines = document_lines(pages)
    issuer, signature = memory.fingerprint(lines, pages)
    _, framed_score = memory.match_layout(
        issuer, signature, [layout], "invoice", memory.anchors(lines, pages)
    )
    _, coarse_score = memory.match_layout(
        issuer, signature, [replace(layout, anchors=())], "invoice"
    )
    # The coarse grid loses the shifted words: without an issuer it would not match at all.
    assert framed_score >= memory.MATCH_WITHOUT_ISSUER > coarse_score

    fields, reading = memory.remember(_context(pages), pages, SCHEMA, (layout,), {})
    assert reading.layout_id == layout.id
    read = {key: value for _, key, value in reading.readings}
    assert read["invoice_number"] == truth["invoice_number"]
    assert read["invoice_date"] == truth["invoice_date"]
    assert memory.same_value("money", read["total_amount"], truth["total_amount"])
    assert memory.same_value("money", read["subtotal_amount"], truth["subtotal_amount"])
    assert fields["total_amount"].confidence == memory.track_score(0, 0)


def test_a_place_learned_on_a_shifted_scan_is_kept_in_the_layouts_frame():
    original = _run(_document(2, 1)[0])
    truth = _document(2, 1)[1]
    layout = _framed(_run(_document(2, 0)[0]), _document(2, 0)[1], ("invoice_number",))
    pages = _moved(original, SCANNED, complex(18, -14))
    alignment = memory.align(memory.anchors(document_lines(pages), pages), layout.anchors)
    assert alignment is not None
    spec = SPECS["total_amount"]
    moved = memory.locate(_context(pages), pages, spec, truth["total_amount"])[0]
    unmoved = memory.locate(
        _context(list(original.pages)), list(original.pages), spec, truth["total_amount"]
    )[0]
    kept = memory.reframe(moved, pages[0], layout.page_size, alignment)
    assert all(abs(a - b) < 0.004 for a, b in zip(kept.bbox, unmoved.bbox, strict=True))
    assert kept.label == unmoved.label
    assert abs(kept.offset[0] - unmoved.offset[0]) < 2
    assert abs(kept.offset[1] - unmoved.offset[1]) < 2


def test_a_reading_whose_label_is_not_beside_it_is_marked_down():
    layout = _framed(_run(_document(2, 0)[0]), _document(2, 0)[1], ("invoice_number",))
    label = next(p.label for p in layout.positions)
    assert label
    result = _run(_document(2, 2)[0])
    label_words = {compact(word) for word in label.split()}
    pages = [
        replace(
            page,
            words=tuple(
                replace(w, text="xxxx") if compact(w.text) in label_words else w for w in page.words
            ),
        )
        for page in result.pages
    ]
    reads = memory.read_layout(_context(pages), pages, SCHEMA, layout)
    assert reads
    assert all(r.score == memory.track_score(0, 0) - memory.LABEL_MISSING_PENALTY for r in reads)


def test_a_free_text_place_is_held_until_a_later_document_proved_it():
    """Any text parses as a name, so a name place is published below 90 until it has read the
    reviewed value once (its trust still decides against a weaker generic value); a typed place
    (an amount) is not capped."""
    keys = ("vendor_name", "total_amount")
    layout = _framed(_run(_document(2, 0)[0]), _document(2, 0)[1], keys)
    pages = list(_run(_document(2, 1)[0]).pages)
    fields, _ = memory.remember(_context(pages), pages, SCHEMA, (layout,), {})
    assert fields["vendor_name"].confidence == memory.UNPROVEN_TEXT_SCORE < 90
    assert fields["total_amount"].confidence == memory.track_score(0, 0)
    weak = {"vendor_name": FieldResult("vendor_name", "Someone Else", "Someone Else", 81)}
    fields, _ = memory.remember(_context(pages), pages, SCHEMA, (layout,), weak)
    assert fields["vendor_name"].value == _document(2, 1)[1]["vendor_name"]  # trust decided
    assert fields["vendor_name"].confidence == memory.UNPROVEN_TEXT_SCORE
    proven = replace(
        layout,
        positions=tuple(
            replace(p, right=1) if p.key == "vendor_name" else p for p in layout.positions
        ),
    )
    fields, _ = memory.remember(_context(pages), pages, SCHEMA, (proven,), {})
    assert fields["vendor_name"].confidence >= 90


def test_a_name_is_read_on_to_its_columns_gap_and_stops_at_a_separator():
    """The remembered box held a shorter name: a name read there runs on to the gap (not cut at
    the old box's width), and stops at a separator (`Name · Street`)."""
    from extraction.engine.layout import Line, Token

    def line(words):
        tokens = tuple(Token(text, (x0, 100, x1, 110), 100.0, 1) for text, x0, x1 in words)
        return Line(tokens, 1, 0, ())

    name = [("Lieferant", 70, 110), ("GmbH", 113, 135), ("&", 138, 143), ("Co.", 146, 160)]
    longer = line([*name, ("KG", 163, 175), ("Rechnung", 400, 450)])
    box = (70.0, 100.0, 110.0, 110.0)
    cut = memory._tokens_at([longer], box, set())
    whole = memory._without_separators(memory._tokens_at([longer], box, set(), to_gap=True))
    assert [t.text for t in cut] == ["Lieferant", "GmbH"]
    assert [t.text for t in whole] == ["Lieferant", "GmbH", "&", "Co.", "KG"]
    listed = line([("Apex", 70, 90), ("Ltd.", 93, 110), ("·", 113, 116), ("Street", 119, 140)])
    read = memory._tokens_at([listed], (70.0, 100.0, 110.0, 110.0), set(), to_gap=True)
    assert [t.text for t in memory._without_separators(read)] == ["Apex", "Ltd."]


def test_a_name_place_does_not_read_a_label_and_its_value():
    """A remembered name place that lands on `Customer no.: 12345` on this document reads
    nothing there (a label ends in a colon; names do not)."""
    from extraction.engine.layout import Line, Token

    words = [("Globale", 70, 100), ("Nummer:", 103, 140), ("4333741000005", 143, 200)]
    tokens = tuple(Token(text, (x0, 100, x1, 110), 100.0, 1) for text, x0, x1 in words)
    line = Line(tokens, 1, 0, ())
    context = _context(list(_run(_document(2, 0)[0]).pages))
    context = replace(context, lines=(line,))
    page = PageResult(1, 600.0, 800.0, "", "text")
    position = RememberedPosition(
        "p", "vendor_name", 1, (70 / 600, 100 / 800, 140 / 600, 110 / 800)
    )
    assert memory._read_position(context, SPECS["vendor_name"], page, position) is None
    named = (
        Token("Musterlieferant", (70, 100, 140, 110), 100.0, 1),
        Token("GmbH", (143, 100, 170, 110), 100.0, 1),
    )
    context = replace(context, lines=(Line(named, 1, 0, ()),))
    found = memory._read_position(context, SPECS["vendor_name"], page, position)
    assert found is not None
    assert found[1] == "Musterlieferant GmbH"
