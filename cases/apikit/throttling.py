"""Rate limits per API key (SPEC §8): a request budget per key, shared by every web process
when the cache is Redis. Over it, the API answers 429 with `Retry-After`.

The budget is a sliding window estimated from two fixed-window counters (this window's count,
plus the previous window's weighted by how much of it still overlaps the last `period`
seconds): one Redis round trip a request (`window_count`), atomic across processes, and the
same cost whatever the budget. DRF's `SimpleRateThrottle` kept a list of every request's time
in the cache, read and rewritten whole on each request: at 1,200 requests a minute that is a
pickled list of 1,200 floats twice per request, and two processes writing it lose each other's
requests. A refused request is not counted (as with DRF), so a client that keeps knocking while
limited is not pushed further back. When the cache does not answer, the limit lets the request
through and logs a warning (`cachedown`): rate limits fail open.
"""

from __future__ import annotations

import contextlib
import math
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.cache import cache
from rest_framework.throttling import BaseThrottle

from cases.apikit.cachedown import CACHE_ERRORS, cache_down

if TYPE_CHECKING:  # DRF imports this module while `rest_framework.views` is loading
    from rest_framework.request import Request
    from rest_framework.views import APIView

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def window_count(key: str, timeout: int, *, also_read: str | None = None) -> tuple[int, int]:
    """Count one more request under `key` (a counter that lives `timeout` seconds) and return
    the new count, with the count under `also_read` (0 when there is none).

    One round trip with the Redis backend (`config.cache.SharedRedisCache.count`); with any
    other cache, `add` creates the counter atomically and `incr` adds to it."""
    return window_counts([(key, timeout, also_read)])[0]


def window_counts(counters: list[tuple[str, int, str | None]]) -> list[tuple[int, int]]:
    """`window_count` for each (key, timeout, also_read): one round trip for all of them with
    the Redis backend (`count_many`)."""
    count_many = getattr(cache, "count_many", None)
    if count_many is not None:
        counts: list[tuple[int, int]] = count_many(counters)
        return counts
    return [_count_one(key, timeout, also_read) for key, timeout, also_read in counters]


def _count_one(key: str, timeout: int, also_read: str | None) -> tuple[int, int]:
    if cache.add(key, 1, timeout=timeout):
        current = 1
    else:
        try:
            current = cache.incr(key)
        except ValueError:  # expired or evicted between add and incr
            cache.set(key, 1, timeout=timeout)
            current = 1
    return current, (cache.get(also_read, 0) if also_read is not None else 0)


def parse_rate(rate: str) -> tuple[int, int]:
    """`"1200/min"` → (1200, 60): requests and seconds, as DRF reads a rate."""
    number, _, period = rate.partition("/")
    return int(number), PERIODS[period[:1]]


def retry_after(*, limit: int, period: int, elapsed: float, current: int, previous: int) -> float:
    """Seconds until the estimate leaves room for one request, if no other request comes."""
    room = limit - 1
    if current <= room and previous > 0:
        # still in this window: the previous window's weight falls with time
        return max(0.0, period * (1 - (room - current) / previous) - elapsed)
    # the next window: this window's count becomes the previous one and fades
    return (period - elapsed) + (period * (1 - room / current) if current > 0 else 0.0)


@dataclass(frozen=True)
class KeyBudget:
    """One request's place in its key's budget (`CASEFILE_API_RATE_LIMIT`): the counter to
    add it to and the previous window's, read in the same round trip (`counter`)."""

    limit: int
    period: int
    now: float
    key: str

    @classmethod
    def of(cls, api_key_pk: object) -> KeyBudget:
        limit, period = parse_rate(settings.API_RATE_LIMIT)
        return cls(
            limit, period, time.time(), f"throttle_{ApiKeyRateThrottle.scope}:{api_key_pk}:{period}"
        )

    @property
    def window(self) -> int:
        return int(self.now // self.period)

    @property
    def counter(self) -> tuple[str, int, str | None]:
        """The (key, timeout, also_read) `window_counts` takes."""
        return f"{self.key}:{self.window}", self.period * 2, f"{self.key}:{self.window - 1}"

    def refusal(self, current: int, previous: int) -> float | None:
        """None when the request is within the budget; otherwise seconds until there is room
        again, and the request is taken off the count (refused requests do not count)."""
        elapsed = self.now - self.window * self.period
        if previous * (1 - elapsed / self.period) + current <= self.limit:
            return None
        with contextlib.suppress(ValueError, *CACHE_ERRORS):
            cache.decr(f"{self.key}:{self.window}")
        return retry_after(
            limit=self.limit,
            period=self.period,
            elapsed=elapsed,
            current=current - 1,
            previous=previous,
        )


KEY_LIMIT_CACHE_DOWN = "the per-key rate limit lets requests through"


class ApiKeyRateThrottle(BaseThrottle):
    scope = "api_key"

    def __init__(self) -> None:
        self.retry_after: float | None = None

    def allow_request(self, request: Request, view: APIView) -> bool:
        if request.auth is None:
            return True
        budget = KeyBudget.of(request.auth.pk)
        try:
            current, previous = window_count(*budget.counter[:2], also_read=budget.counter[2])
        except CACHE_ERRORS as error:
            cache_down(KEY_LIMIT_CACHE_DOWN, error)
            return True
        self.retry_after = budget.refusal(current, previous)
        return self.retry_after is None

    def wait(self) -> float | None:
        return key_wait(self.retry_after)


def key_wait(retry_after: float | None) -> float | None:
    """The seconds DRF's 429 states (`Retry-After`) for a refusal by the key's budget."""
    return None if retry_after is None else max(1.0, math.ceil(retry_after))
