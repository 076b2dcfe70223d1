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
    count = getattr(cache, "count", None)
    if count is not None:
        current, other = count(key, timeout, also_read=also_read)
        return current, other
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


class ApiKeyRateThrottle(BaseThrottle):
    scope = "api_key"

    def __init__(self) -> None:
        self.retry_after: float | None = None

    def allow_request(self, request: Request, view: APIView) -> bool:
        if request.auth is None:
            return True
        limit, period = parse_rate(settings.API_RATE_LIMIT)
        now = time.time()
        window = int(now // period)
        key = f"throttle_{self.scope}:{request.auth.pk}:{period}"
        try:
            current, previous = window_count(
                f"{key}:{window}", period * 2, also_read=f"{key}:{window - 1}"
            )
        except CACHE_ERRORS as error:
            cache_down("the per-key rate limit lets requests through", error)
            return True
        elapsed = now - window * period
        if previous * (1 - elapsed / period) + current <= limit:
            return True
        with contextlib.suppress(ValueError, *CACHE_ERRORS):  # refused requests do not count
            cache.decr(f"{key}:{window}")
        self.retry_after = retry_after(
            limit=limit, period=period, elapsed=elapsed, current=current - 1, previous=previous
        )
        return False

    def wait(self) -> float | None:
        return None if self.retry_after is None else max(1.0, math.ceil(self.retry_after))
