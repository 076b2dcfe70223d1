"""Refitting the confidence map from verdicts: monotone, conservative, applied as steps."""

from __future__ import annotations

import random

from extraction.learning import calibration


def test_fit_keeps_the_promise_on_its_own_verdicts():
    rng = random.Random(3)
    examples = []
    for _ in range(3000):
        score = rng.randint(30, 99)
        truth = min(0.99, score / 100 - 0.08)  # an engine 8 points over-confident
        examples.append((score, rng.random() < truth))
    knots = calibration.fit(examples)
    published = [(calibration.apply(knots, score), correct) for score, correct in examples]
    for threshold in (50, 70, 80, 90):
        kept = [correct for score, correct in published if score >= threshold]
        if kept:
            assert sum(kept) / len(kept) >= threshold / 100
    values = [value for _, value in knots]
    assert values == sorted(values)


def test_apply_is_a_step_through_the_knots_and_keeps_not_found_at_zero():
    knots = [(0, 0), (50, 40), (90, 88)]
    assert calibration.apply(knots, 0) == 0
    assert calibration.apply(knots, 49) == 0
    assert calibration.apply(knots, 50) == 40
    assert calibration.apply(knots, 95) == 88
    assert calibration.apply([], 77) == 77


def test_wilson_lower_bound_is_below_the_rate_and_tightens_with_more_examples():
    assert calibration.wilson_lower(0, 0) == 0.0
    small = calibration.wilson_lower(9, 10)
    large = calibration.wilson_lower(900, 1000)
    assert small < large < 0.9
