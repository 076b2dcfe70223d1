"""Lines, phrases and label anchoring on positioned words."""

from __future__ import annotations

from extraction.engine.labels import compact, find_label_hits, label_variants, value_spots
from extraction.engine.layout import group_lines
from extraction.engine.types import FieldSpec, Word


def _word(text: str, x: float, y: float, width: float | None = None) -> Word:
    return Word(text, (x, y, x + (width or 6 * len(text)), y + 10), 100.0)


def test_words_on_one_baseline_form_one_line_in_x_order():
    words = [_word("World", 60, 101), _word("Hello", 10, 100), _word("Below", 10, 130)]
    lines = group_lines(words, 1, 0)
    assert [line.text for line in lines] == ["Hello World", "Below"]


def test_wide_gap_starts_a_new_phrase():
    words = [_word("Invoice", 10, 100), _word("Date:", 55, 100), _word("2024-01-01", 300, 100)]
    line = group_lines(words, 1, 0)[0]
    assert [p.text for p in line.phrases] == ["Invoice Date:", "2024-01-01"]


def test_compact_ignores_case_accents_spacing_and_punctuation():
    assert compact("Numéro de Facture :") == "numerodefacture"
    assert compact("Vendor Name:") == compact("VendorName")


def test_label_variants_include_builtin_synonyms_for_known_keys():
    variants = label_variants(FieldSpec("invoice_number", "Invoice number"))
    assert "rechnungsnummer" in variants
    assert "factuurnummer" in variants


def test_fuzzy_label_match_tolerates_an_ocr_typo():
    spec = FieldSpec("policy", "Policy Number")
    lines = group_lines([_word("Po1icy", 10, 100), _word("Number:", 50, 100)], 1, 0)
    hits = find_label_hits(lines, (spec,))
    assert hits
    assert 0.85 <= hits[0].score < 1.0


def test_short_labels_must_match_exactly():
    spec = FieldSpec("tax", "Tax")
    lines = group_lines([_word("Tux", 10, 100)], 1, 0)
    assert find_label_hits(lines, (spec,)) == []


def test_label_glued_to_its_value_is_found():
    spec = FieldSpec("email", "Email", "email")
    lines = group_lines([_word("Email:info@example.com", 10, 100)], 1, 0)
    hits = find_label_hits(lines, (spec,))
    assert hits[0].partial_tail == "info@example.com"


def test_label_missing_the_word_that_qualifies_it_is_no_fuzzy_match():
    spec = FieldSpec("subtotal_amount", "Subtotal")
    lines = group_lines([_word("MONTANT=", 10, 100), _word("15,75", 80, 100)], 1, 0)
    assert [hit for hit in find_label_hits(lines, (spec,)) if hit.variant == "montantht"] == []
    printed = group_lines([_word("Montant", 10, 100), _word("HT", 60, 100)], 1, 0)
    assert [hit.variant for hit in find_label_hits(printed, (spec,))] == ["montantht"]


def test_the_date_of_another_event_refers_elsewhere():
    spec = FieldSpec("invoice_date", "Invoice date", "date")
    words = [_word("Date", 10, 100), _word("of", 40, 100), _word("Supply", 56, 100)]
    lines = group_lines([*words, _word(":", 110, 100), _word("13-02-2024", 120, 100)], 1, 0)
    hits = [hit for hit in find_label_hits(lines, (spec,)) if hit.variant == "date"]
    assert hits
    assert all(hit.refers_elsewhere() for hit in hits)
    issue = group_lines(
        [_word("Date", 10, 100), _word("of", 40, 100), _word("issue", 56, 100)], 1, 0
    )
    assert not any(hit.refers_elsewhere() for hit in find_label_hits(issue, (spec,)))


def test_a_label_word_inside_a_sentence_heads_no_value_below_it():
    spec = FieldSpec("vendor_name", "Vendor name")
    words, x = [], 10.0
    for text in ("For", "professional", "services", "rendered", "from", "2024-07-01"):
        words.append(_word(text, x, 100))
        x += 6 * len(text) + 4
    lines = group_lines([*words, _word("Description", 205, 114)], 1, 0)
    hit = next(hit for hit in find_label_hits(lines, (spec,)) if hit.variant == "from")
    assert [spot.position for spot in value_spots(hit, lines, set())] == ["inline"]
