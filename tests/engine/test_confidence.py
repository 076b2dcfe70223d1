"""Confidence: monotone calibration, and each kind of evidence moves the score the right way."""

from __future__ import annotations

from extraction.engine.confidence import Evidence, calibrate, score


def test_calibration_is_monotone_and_bounded():
    values = [calibrate(x / 100) for x in range(101)]
    assert values == sorted(values)
    assert values[0] == 0
    assert values[-1] <= 100


def test_clean_inline_text_layer_value_scores_high():
    assert score(Evidence("inline")) >= 90


def test_low_ocr_confidence_lowers_the_score():
    assert score(Evidence("inline", source_confidence=60)) < score(Evidence("inline"))


def test_ambiguity_between_candidates_lowers_the_score():
    assert score(Evidence("right", ambiguity=1.0)) < score(Evidence("right")) - 20


def test_weak_label_match_and_guessing_lower_the_score():
    assert score(Evidence("inline", label_score=0.86)) < score(Evidence("inline"))
    assert score(Evidence("inline", exact=False)) < score(Evidence("inline"))


def test_agreeing_candidates_and_arithmetic_raise_the_score():
    base = score(Evidence("below"))
    assert score(Evidence("below", support=2)) > base
    assert score(Evidence("below", consistent=True)) > base


def test_layout_guesses_stay_below_high_review_thresholds():
    assert score(Evidence("layout")) < 80
