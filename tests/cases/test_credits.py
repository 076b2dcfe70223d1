"""Credits: the period window, the pre-check, idempotent charging, the limit, settings, and
that concurrent charges cannot spend past the limit (PostgreSQL, real threads)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import connection

from cases.credits import (
    InsufficientCredits,
    credits_charge_pages,
    credits_check,
    credits_settings_update,
    credits_summary,
    period_window,
)
from cases.errors import ValidationFailed
from cases.models import CreditAccount, CreditCharge, Workspace


def at(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


# --- Periods ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "anchor", "now", "start", "end"),
    [
        ("month", at(2026, 1, 1), at(2026, 3, 15, 12), at(2026, 3, 1), at(2026, 4, 1)),
        ("month", at(2026, 1, 31), at(2026, 2, 28, 23), at(2026, 2, 28), at(2026, 3, 31)),
        ("month", at(2026, 1, 31), at(2026, 3, 30), at(2026, 2, 28), at(2026, 3, 31)),
        ("month", at(2026, 1, 15), at(2026, 1, 15), at(2026, 1, 15), at(2026, 2, 15)),
        ("month", at(2026, 5, 10), at(2026, 5, 1), at(2026, 4, 10), at(2026, 5, 10)),
        ("year", at(2024, 2, 29), at(2025, 6, 1), at(2025, 2, 28), at(2026, 2, 28)),
        ("week", at(2026, 1, 5), at(2026, 1, 20, 8), at(2026, 1, 19), at(2026, 1, 26)),
        ("day", at(2026, 1, 1, 6), at(2026, 1, 3, 5), at(2026, 1, 2, 6), at(2026, 1, 3, 6)),
        ("none", at(2026, 1, 1), at(2030, 1, 1), at(2026, 1, 1), None),
    ],
)
def test_period_window_contains_now_and_follows_the_anchor(period, anchor, now, start, end):
    assert period_window(period=period, anchor=anchor, now=now) == (start, end)


# --- Summary, check and charge ------------------------------------------------------------


@pytest.fixture
def workspace(db) -> Workspace:
    return Workspace.objects.create(name="Acme", slug="acme-credits", credits_limit=10)


def test_a_new_workspace_has_monthly_calendar_periods(workspace):
    with time_machine.travel(at(2026, 4, 14, 14, 30), tick=False):
        summary = credits_summary(workspace=workspace)
    assert summary.as_json() == {
        "credits_remaining": 10,
        "credits_used": 0,
        "credits_limit": 10,
        "period_start": "2026-04-01T00:00:00Z",
        "period_end": "2026-05-01T00:00:00Z",
        "unit": "page",
    }


def test_charging_uses_credits_and_the_same_reference_counts_once(workspace):
    credits_charge_pages(workspace=workspace, pages=3, reference="extraction-job:a")
    credits_charge_pages(workspace=workspace, pages=3, reference="extraction-job:a")
    credits_charge_pages(workspace=workspace, pages=2, reference="conversion-job:b")
    summary = credits_summary(workspace=workspace)
    assert (summary.used, summary.remaining) == (5, 5)
    assert CreditCharge.objects.filter(workspace=workspace).count() == 2


def test_a_charge_past_the_limit_is_refused_and_charges_nothing(workspace):
    credits_charge_pages(workspace=workspace, pages=8, reference="a")
    with pytest.raises(InsufficientCredits) as caught:
        credits_charge_pages(workspace=workspace, pages=3, reference="b")
    assert caught.value.status_code == 402
    assert caught.value.code == "INSUFFICIENT_CREDITS"
    assert caught.value.details["credits_remaining"] == 2
    assert credits_summary(workspace=workspace).used == 8
    credits_charge_pages(workspace=workspace, pages=2, reference="c")  # exactly the limit
    assert credits_summary(workspace=workspace).remaining == 0


def test_the_check_refuses_work_over_what_remains(workspace):
    credits_charge_pages(workspace=workspace, pages=9, reference="a")
    credits_check(workspace=workspace, pages=1)
    with pytest.raises(InsufficientCredits):
        credits_check(workspace=workspace, pages=2)


def test_no_limit_means_unlimited(workspace):
    workspace.credits_limit = None
    workspace.save()
    credits_charge_pages(workspace=workspace, pages=10_000, reference="a")
    credits_check(workspace=workspace, pages=10_000)
    summary = credits_summary(workspace=workspace).as_json()
    assert summary["credits_limit"] is None
    assert summary["credits_remaining"] is None
    assert summary["credits_used"] == 10_000


def test_a_new_period_starts_with_all_credits(workspace):
    with time_machine.travel(at(2026, 3, 31, 23, 59), tick=False):
        credits_charge_pages(workspace=workspace, pages=10, reference="march")
        with pytest.raises(InsufficientCredits):
            credits_check(workspace=workspace, pages=1)
    with time_machine.travel(at(2026, 4, 1, 0, 0, 1), tick=False):
        summary = credits_summary(workspace=workspace)
        credits_check(workspace=workspace, pages=10)
    assert summary.used == 0
    assert summary.period_start == at(2026, 4, 1)


def test_charges_are_per_workspace(workspace):
    other = Workspace.objects.create(name="Other", slug="other-credits", credits_limit=1)
    credits_charge_pages(workspace=workspace, pages=10, reference="same")
    credits_charge_pages(workspace=other, pages=1, reference="same")
    assert credits_summary(workspace=other).used == 1


def test_settings_set_the_limit_period_and_anchor(workspace):
    with time_machine.travel(at(2026, 6, 10), tick=False):
        credits_charge_pages(workspace=workspace, pages=4, reference="a")
        summary = credits_settings_update(
            workspace=workspace, limit=None, period="week", period_anchor=at(2026, 6, 8)
        )
    assert summary.limit is None
    assert (summary.period_start, summary.period_end) == (at(2026, 6, 8), at(2026, 6, 15))
    assert summary.used == 4
    workspace.refresh_from_db()
    assert workspace.credits_limit is None
    assert CreditAccount.objects.get(workspace=workspace).period == "week"


@pytest.mark.parametrize(("limit", "period"), [(-1, "month"), (5, "fortnight")])
def test_settings_refuse_a_negative_limit_or_an_unknown_period(workspace, limit, period):
    with pytest.raises(ValidationFailed):
        credits_settings_update(workspace=workspace, limit=limit, period=period)


# --- Concurrency --------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_concurrent_charges_cannot_spend_past_the_limit():
    """Eight threads, each with its own connection, charge 3 pages against a limit of 10 at
    the same moment: exactly three succeed, the others are refused, 9 pages are used."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's concurrent writers")
    workspace = Workspace.objects.create(name="Race", slug="race-credits", credits_limit=10)
    credits_summary(workspace=workspace)  # the account row exists before the race
    barrier = threading.Barrier(8)
    outcomes: list[str] = []

    def charge(index: int) -> None:
        try:
            barrier.wait()
            credits_charge_pages(workspace=workspace, pages=3, reference=f"job-{index}")
            outcomes.append("charged")
        except InsufficientCredits:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=charge, args=(index,)) for index in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["charged"] * 3 + ["refused"] * 5
    assert credits_summary(workspace=workspace).used == 9


@pytest.mark.django_db(transaction=True)
def test_concurrent_charges_of_one_reference_count_once():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's concurrent writers")
    workspace = Workspace.objects.create(name="Retry", slug="retry-credits", credits_limit=None)
    barrier = threading.Barrier(4)
    charges: list[int] = []
    errors: list[Exception] = []

    def charge() -> None:
        try:
            barrier.wait()
            charged = credits_charge_pages(
                workspace=workspace, pages=5, reference="extraction-job:same"
            )
            charges.append(charged.pk)
        except Exception as error:  # any error fails the test below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=charge) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert len(charges) == 4
    assert len(set(charges)) == 1
    assert CreditCharge.objects.filter(workspace=workspace).count() == 1
    assert credits_summary(workspace=workspace).used == 5


def test_time_passes_between_period_edges(workspace):
    """A charge made just before the period's end counts in that period only."""
    with time_machine.travel(at(2026, 4, 30, 23, 59, 59), tick=False):
        credits_charge_pages(workspace=workspace, pages=2, reference="edge")
    with time_machine.travel(at(2026, 4, 30, 23, 59, 59) + timedelta(seconds=2), tick=False):
        assert credits_summary(workspace=workspace).used == 0
