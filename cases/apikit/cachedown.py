"""What the API does when the shared cache (Redis) does not answer.

The cache only speeds requests up and counts rate limits; it is never the authority on who may
call. So a cache error is caught where the cache is used: the API key cache reads the key from
the database and trusts nothing it holds (`keycache`), and the rate limits let the request
through (`throttling`, `extraction.polling`): they fail open, authentication never does. Each
such error is logged as a warning, at most once every `WARN_EVERY_SECONDS` per kind, so an
outage does not write a line per request. `CACHE_ERRORS` are the errors meant: redis-py's
(refused or lost connections, timeouts); anything else still fails the request.
"""

from __future__ import annotations

import logging
import time

from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

CACHE_ERRORS: tuple[type[Exception], ...] = (RedisError,)
WARN_EVERY_SECONDS = 10.0

_last_warned: dict[str, float] = {}


def cache_down(consequence: str, error: Exception) -> None:
    """Log (as a warning, rate-limited per `consequence`) that the cache failed and what the
    request does instead."""
    now = time.monotonic()
    last = _last_warned.get(consequence)
    if last is not None and now - last < WARN_EVERY_SECONDS:
        return
    _last_warned[consequence] = now
    logger.warning(
        "The cache did not answer (%s: %s); %s.",
        type(error).__name__,
        error,
        consequence,
        extra={"cache_error": type(error).__name__},
    )
