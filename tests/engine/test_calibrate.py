"""`bench/calibrate.py`: the monotone fit, leave-one-source-out and the knots it prints.

Synthetic points only: no engine runs here.
"""

from __future__ import annotations

import random

from bench import calibrate
from bench.calibrate import Block, Point
from extraction.engine import confidence
from extraction.evaluation.compare import CellOutcome
from extraction.evaluation.report import DocumentOutcome, FieldOutcome, Report


def _points(source: str, accuracy_of_raw, *, per_raw: int = 100, seed: int = 1) -> list[Point]:
    rng = random.Random(seed)
    points = []
    for step in range(10, 101, 5):
        raw = step / 100
        for index in range(per_raw):
            correct = rng.random() < accuracy_of_raw(raw)
            points.append(Point(raw, correct, source, "total_amount", f"{source}-{index}"))
    return points


def test_pav_pools_violators_and_equal_raw_scores():
    pairs = [(0.2, True), (0.3, False), (0.3, False), (0.5, True), (0.5, False), (0.9, True)]
    assert calibrate.pav(pairs) == [
        Block(0.2, 0.3, 1, 3),
        Block(0.5, 0.5, 1, 2),
        Block(0.9, 0.9, 1, 1),
    ]
    blocks = calibrate.pav([(0.1, True), (0.2, False), (0.3, True), (0.4, True)])
    accuracies = [block.accuracy for block in blocks]
    assert accuracies == sorted(accuracies)
    assert blocks[-1] == Block(0.3, 0.4, 2, 2)


def test_wilson_lower_bound_is_cautious_for_few_points():
    assert calibrate.wilson_lower(0, 0) == 0.0
    assert 0.78 < calibrate.wilson_lower(10, 10) < 0.79
    assert calibrate.wilson_lower(10, 10) < calibrate.wilson_lower(100, 100) < 1.0
    assert calibrate.wilson_lower(50, 100) < 0.5


def test_fit_is_monotone_and_keeps_its_promise_in_sample():
    points = _points("a", lambda raw: raw * 0.95)
    knots = calibrate.fit((p.raw, p.correct) for p in points)
    assert knots[0] == (0.0, 0)
    assert knots[-1][0] == 1.0
    xs = [x for x, _ in knots]
    ys = [y for _, y in knots]
    assert xs == sorted(set(xs))
    assert ys == sorted(ys)
    assert ys[-1] < 95  # never above what the data can support
    scored = [(calibrate.published(knots, p.raw), p.correct) for p in points]
    for threshold in (50, 60, 70, 80, 90):
        released = [correct for score, correct in scored if score >= threshold]
        if released:
            assert sum(released) / len(released) >= threshold / 100


def test_published_applies_knots_exactly_like_the_engine(monkeypatch):
    knots = ((0.0, 0), (0.25, 31), (0.6, 72), (0.8, 88), (1.0, 93))
    monkeypatch.setattr(confidence, "CALIBRATION", knots)
    for step in range(101):
        raw = step / 100
        assert calibrate.published(knots, raw) == confidence.calibrate(raw)


def test_each_source_is_scored_by_a_map_fitted_without_it():
    good = [Point(0.9, True, "good", "k", f"g{i}") for i in range(50)]
    bad = [Point(0.9, False, "bad", "k", f"b{i}") for i in range(50)]
    held_out = calibrate.leave_one_source_out(good + bad)
    assert set(held_out) == {"good", "bad"}
    assert {score for score, _ in held_out["good"]} == {0}  # fitted on "bad" only
    assert {score for score, _ in held_out["bad"]} == {
        calibrate.published(calibrate.fit([(0.9, True)] * 50), 0.9)
    }
    assert all(score > 90 for score, _ in held_out["bad"])
    table = calibrate.held_out_table(held_out)
    assert "| **pooled** | 100 |" in table
    assert "✗" in table.splitlines()[3]  # "bad", scored by "good"'s map, breaks the promise


def test_knots_print_as_pasteable_python_and_markdown():
    knots = ((0.0, 0), (0.35, 40), (0.9, 93), (1.0, 96))
    text = calibrate.knots_python(knots)
    assert text.startswith("CALIBRATION: tuple[tuple[float, int], ...] = (\n    (0, 0),\n")
    namespace: dict = {}
    exec(text, namespace)  # the printed text must be valid Python
    assert namespace["CALIBRATION"] == knots
    assert "| 0.35 | 40 |" in calibrate.knots_markdown(knots)


def test_points_come_from_scored_fields_and_table_cells_and_survive_the_cache(tmp_path):
    cells = (
        CellOutcome(0, "amount", "1.00", "1.00", 81, True),
        CellOutcome(0, "description", "Bolts", None, 0, False),
    )
    document = DocumentOutcome(
        "inv",
        "invoice",
        (
            FieldOutcome("total_amount", "1.00", "1.00", 93, True),
            FieldOutcome("due_date", "2024-01-01", None, 0, False),
            FieldOutcome("line_items", [], None, 70, True, cells),
        ),
        source="dev",
    )
    points = calibrate.points_from_report(Report([document]))
    assert points == [
        Point(0.93, True, "dev", "total_amount", "inv"),
        Point(0.81, True, "dev", "line_items.amount", "inv"),
    ]
    path = tmp_path / "var" / "points.json"
    calibrate.points_save(path, points, ["dev"])
    assert calibrate.points_load(path) == points


def test_cells_that_failed_a_table_check_give_no_point():
    cells = (
        CellOutcome(0, "amount", "1.00", "1.10", 40, False, failed_check=True),
        CellOutcome(0, "description", "Bolts", "Bolts", 97, True),
    )
    document = DocumentOutcome(
        "inv",
        "invoice",
        (FieldOutcome("line_items", [], None, 40, False, cells),),
        source="dev",
    )
    points = calibrate.points_from_report(Report([document]))
    assert points == [Point(0.97, True, "dev", "line_items.description", "inv")]


def test_main_refits_from_cached_points_without_running_the_engine(tmp_path, capsys):
    points = _points("a", lambda raw: raw) + _points("b", lambda raw: raw * 0.9, seed=2)
    path = tmp_path / "points.json"
    calibrate.points_save(path, points, [])
    assert calibrate.main(["--points", str(path)]) == 0
    out = capsys.readouterr().out
    assert "from 2 sources: a, b" in out
    assert "| a | " in out
    assert "| **pooled** |" in out
    assert "CALIBRATION: tuple[tuple[float, int], ...] = (" in out
    assert "| raw evidence | published confidence |" in out


def test_main_merges_the_points_of_several_runs(tmp_path, capsys):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    calibrate.points_save(first, _points("a", lambda raw: raw), [])
    calibrate.points_save(second, _points("b", lambda raw: raw * 0.9, seed=2), [])
    assert calibrate.main(["--points", str(first), str(second)]) == 0
    assert "from 2 sources: a, b" in capsys.readouterr().out
