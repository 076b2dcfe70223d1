"""Lines, phrases and label anchoring on positioned words."""

from __future__ import annotations

from extraction.engine.labels import compact, find_label_hits, label_variants
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
