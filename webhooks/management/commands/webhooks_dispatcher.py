"""`manage.py webhooks_dispatcher`: sends every webhook retry on time.

django-q2 runs its scheduler about every 30 seconds, and Casefile's dispatch schedule once a
minute, so a retry planned for 2 s after a failure used to wait up to a minute. This loop
sleeps until the next delivery falls due (`webhooks.delivery.next_due_at`, at most
`--interval` seconds, so new rows are seen quickly), then claims what is due and enqueues it on
the webhooks queue (`deliveries_dispatch`): a retry leaves within about `--interval` of its
planned time. Several dispatchers may run (claims are compare-and-set, rows are picked with
SKIP LOCKED); the one-minute schedule stays as a safety net.

A lost database (PostgreSQL restarting) or broker (Redis unreachable while enqueueing) is
logged and retried after a pause, never fatal: claimed rows whose tasks were not enqueued are
claimed again when their lease ends. SIGTERM and SIGINT stop the loop within one interval.
"""

from __future__ import annotations

import logging
import signal
import threading
from datetime import datetime
from typing import Any

from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections, connection
from django.utils import timezone

from webhooks.delivery import deliveries_dispatch, next_due_at

logger = logging.getLogger(__name__)

DEFAULT_INTERVAL = 0.5
ERROR_PAUSE = 2.0


def seconds_until(moment: datetime | None, *, now: datetime, interval: float) -> float:
    """How long to sleep: until `moment`, but never longer than `interval` nor below 10 ms."""
    if moment is None:
        return interval
    return max(0.01, min(interval, (moment - now).total_seconds()))


class Command(BaseCommand):
    help = "Send webhook retries when they fall due (runs until SIGTERM)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--interval", type=float, default=DEFAULT_INTERVAL)
        parser.add_argument(
            "--max-seconds", type=float, default=None, help="Stop after this long (tests)."
        )

    def handle(
        self, *args: Any, interval: float, max_seconds: float | None, **options: Any
    ) -> None:
        stop = threading.Event()

        def request_stop(signum: int, _frame: Any) -> None:
            logger.info("Webhook dispatcher stopping (signal %s).", signum)
            stop.set()

        previous = {number: signal.getsignal(number) for number in (signal.SIGTERM, signal.SIGINT)}
        for number in previous:
            signal.signal(number, request_stop)
        try:
            self._loop(stop, interval=interval, max_seconds=max_seconds)
        finally:
            for number, handler in previous.items():
                signal.signal(number, handler)
        logger.info("Webhook dispatcher stopped.")

    @staticmethod
    def _loop(stop: threading.Event, *, interval: float, max_seconds: float | None) -> None:
        started = timezone.now()
        logger.info("Webhook dispatcher running (interval %.2f s).", interval)
        while not stop.is_set():
            if max_seconds is not None and (timezone.now() - started).total_seconds() > max_seconds:
                break
            try:
                claimed = deliveries_dispatch()
                if claimed:
                    logger.info("Dispatched %d webhook deliveries.", len(claimed))
                pause = seconds_until(next_due_at(), now=timezone.now(), interval=interval)
            except DatabaseError as error:
                logger.warning("Webhook dispatcher: database unavailable (%s); retrying.", error)
                pause = ERROR_PAUSE
            except Exception:  # the broker (Redis) or anything else: the loop must go on
                logger.exception("Webhook dispatcher: dispatch failed; retrying.")
                pause = ERROR_PAUSE
            if not connection.in_atomic_block:  # (a test's transaction must stay open)
                close_old_connections()  # drops a broken connection; the next query reconnects
            stop.wait(pause)
