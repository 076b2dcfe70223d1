"""Status polling: the per-job polling limit (429 with Retry-After) and `?wait=` long polls.

The limit counts requests per job in a one-minute window in the cache (Redis when configured,
so every web process shares it). A long poll re-reads the job until its status or progress
changes or the wait runs out; its internal re-reads are not counted against the limit.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache

from cases.errors import DomainError
from extraction.models import ExtractionJob
from extraction.selectors import job_state_token

WINDOW_SECONDS = 60
RECHECK_SECONDS = 0.25


def status_poll_allow(*, job_id: str) -> None:
    window = int(time.time() // WINDOW_SECONDS)
    key = f"job-status-polls:{job_id}:{window}"
    cache.add(key, 0, timeout=WINDOW_SECONDS * 2)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=WINDOW_SECONDS * 2)
        count = 1
    limit = settings.JOB_STATUS_POLLS_PER_MINUTE
    if count > limit:
        retry_after = max(1, int(WINDOW_SECONDS - time.time() % WINDOW_SECONDS))
        raise DomainError(
            f"This job's status was polled more than {limit} times a minute; "
            f"retry in {retry_after} s, or use ?wait= or a webhook.",
            code="RATE_LIMITED",
            status_code=429,
            headers={"Retry-After": str(retry_after)},
        )


def wait_for_change(*, job_id: str, seconds: int) -> None:
    """Return once the job's state differs from now, or after `seconds` (capped)."""
    seconds = min(seconds, settings.LONG_POLL_MAX_SECONDS)
    if seconds <= 0:
        return
    initial = job_state_token(job_id)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        time.sleep(min(RECHECK_SECONDS, max(0.0, deadline - time.monotonic())))
        if job_state_token(job_id) != initial:
            return


SETTLED = (
    ExtractionJob.Status.COMPLETED,
    ExtractionJob.Status.FAILED,
    ExtractionJob.Status.REVIEW_REQUIRED,
)


def wait_until_settled(*, job_id: str, seconds: float) -> bool:
    """Wait (for `mode=response`) until the job completed, failed or is held for review.

    Returns False when the deadline passed first; the job goes on regardless.
    """
    deadline = time.monotonic() + seconds
    while True:
        token = job_state_token(job_id)
        if token is not None and token[0] in SETTLED:
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(min(RECHECK_SECONDS, max(0.0, deadline - time.monotonic())))
