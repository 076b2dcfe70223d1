"""The per-key rate limit: a sliding window estimated from two counters, one round trip."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from cases.apikit import throttling
from cases.apikit.throttling import parse_rate, retry_after, window_count

LIST_URL = "/api/v1/casetypes"


@pytest.fixture
def clock(monkeypatch):
    """Time stands at 10 s into a one-minute window until a test moves it."""
    now = {"t": 60_000.0 * 60 + 10}
    monkeypatch.setattr(throttling.time, "time", lambda: now["t"])
    return now


def test_rates_read_as_drf_reads_them():
    assert parse_rate("1200/min") == (1200, 60)
    assert parse_rate("5/s") == (5, 1)
    assert parse_rate("100/hour") == (100, 3600)


def test_window_count_adds_one_and_reads_the_other_counter():
    cache.set("other", 7)
    assert window_count("mine", 60, also_read="other") == (1, 7)
    assert window_count("mine", 60) == (2, 0)
    assert window_count("mine", 60, also_read="missing") == (3, 0)


def test_the_previous_window_still_counts_for_its_overlap(tenant, settings, clock):
    settings.API_RATE_LIMIT = "4/min"
    assert [tenant.client.get(LIST_URL).status_code for _ in range(4)] == [200] * 4
    clock["t"] += 60  # next window, 10 s in: 5/6 of the previous window overlaps (4 × 5/6)
    assert tenant.client.get(LIST_URL).status_code == 429
    clock["t"] += 40  # 50 s in: 1/6 overlaps, room again
    assert tenant.client.get(LIST_URL).status_code == 200


def test_refused_requests_do_not_count(tenant, settings, clock):
    settings.API_RATE_LIMIT = "2/min"
    codes = [tenant.client.get(LIST_URL).status_code for _ in range(10)]
    assert codes == [200, 200] + [429] * 8
    clock["t"] += 120  # two windows on: nothing of the refused eight is left
    assert [tenant.client.get(LIST_URL).status_code for _ in range(3)] == [200, 200, 429]


def test_retry_after_names_when_there_is_room_again(tenant, settings, clock):
    settings.API_RATE_LIMIT = "3/min"
    for _ in range(3):
        tenant.client.get(LIST_URL)
    refused = tenant.client.get(LIST_URL)
    assert refused.status_code == 429
    wait = int(refused["Retry-After"])
    assert wait == 70  # 50 s to the window's end, then 20 s until 3 × (1 - 20/60) = 2 < 3
    clock["t"] += wait
    assert tenant.client.get(LIST_URL).status_code == 200


@pytest.mark.parametrize(
    ("limit", "current", "previous", "elapsed", "expected"),
    [
        (2, 0, 10, 30, 24.0),  # 10 × (1 - 54/60) = 1: room for one 54 s into the window
        (5, 5, 0, 30, 30 + 60 * (1 - 4 / 5)),  # full: the next window, once 5 fades to 4
        (5, 1, 4, 0, 60 * (1 - 3 / 4)),
    ],
)
def test_retry_after_formula(limit, current, previous, elapsed, expected):
    seconds = retry_after(
        limit=limit, period=60, elapsed=elapsed, current=current, previous=previous
    )
    assert seconds == pytest.approx(expected)
