"""Status polling: the per-job polling limit (a DRF throttle: 429 with Retry-After) and
`?wait=` long polls.

The limit counts requests per job in a one-minute window in the cache (Redis when configured,
so every web process shares it; one round trip a poll: `cases.apikit.throttling.window_count`);
`extraction.api.ExtractionJobDetailApi` lists the throttle after the per-key one. A long poll
re-reads the job until its status or progress changes or the wait runs out; its internal
re-reads are not counted against the limit.
"""

from __future__ import annotations

import math
import time
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import connection
from rest_framework.throttling import BaseThrottle

from cases.apikit.authentication import request_workspace
from cases.apikit.throttling import window_count
from cases.errors import DomainError
from extraction.models import ExtractionJob
from extraction.selectors import job_state_token, job_status_find

if TYPE_CHECKING:
    from rest_framework.request import Request
    from rest_framework.views import APIView

WINDOW_SECONDS = 60
RECHECK_SECONDS = 0.25
POLL_LIMIT_HIT = "_casefile_job_status_poll_limit_hit"
POLLED_JOB = "_casefile_polled_job"


class JobStatusPollThrottle(BaseThrottle):
    """At most `CASEFILE_JOB_STATUS_POLLS_PER_MINUTE` status reads of one job a minute.

    A fixed one-minute window counted atomically in the cache (`window_count`), so every
    web process shares one count (DRF's `SimpleRateThrottle` reads and rewrites a list of
    timestamps, which loses counts between processes). Only reads of a job in the caller's
    workspace count: anything else is the view's 404, and a caller from another workspace
    cannot spend the owner's budget.
    """

    def __init__(self) -> None:
        self.retry_after: int | None = None

    def allow_request(self, request: Request, view: APIView) -> bool:
        job = job_status_find(
            workspace=request_workspace(request), job_id=view.kwargs.get("job_id")
        )
        setattr(request, POLLED_JOB, job)
        if job is None:
            return True
        job_id = job.pk
        window = int(time.time() // WINDOW_SECONDS)
        key = f"job-status-polls:{job_id}:{window}"
        count, _ = window_count(key, WINDOW_SECONDS * 2)
        if count <= settings.JOB_STATUS_POLLS_PER_MINUTE:
            return True
        self.retry_after = max(1, int(WINDOW_SECONDS - time.time() % WINDOW_SECONDS))
        setattr(request, POLL_LIMIT_HIT, True)
        return False

    def wait(self) -> int | None:
        return self.retry_after


def polled_job(request: Request) -> ExtractionJob | None:
    """The job `JobStatusPollThrottle` read for this request (None when it read none)."""
    return getattr(request, POLLED_JOB, None)


def status_poll_limit_error(request: Request, wait: float | None) -> DomainError | None:
    """The 429 to answer when `JobStatusPollThrottle` refused the request (None otherwise):
    the limit, when to retry, and what to do instead of polling."""
    if not getattr(request, POLL_LIMIT_HIT, False):
        return None
    limit = settings.JOB_STATUS_POLLS_PER_MINUTE
    retry_after = max(1, math.ceil(wait or 1))
    return DomainError(
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
        sleep_between_reads(min(RECHECK_SECONDS, max(0.0, deadline - time.monotonic())))
        if job_state_token(job_id) != initial:
            return


def sleep_between_reads(seconds: float) -> None:
    """Sleep holding no pooled database connection: a web process's pool is small
    (`CASEFILE_DB_POOL_MAX`), and waits of up to a minute would otherwise keep it drained."""
    if getattr(connection, "pool", None) is not None and not connection.in_atomic_block:
        connection.close()  # back to the pool; the next read borrows one again
    time.sleep(seconds)


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
        sleep_between_reads(min(RECHECK_SECONDS, max(0.0, deadline - time.monotonic())))
