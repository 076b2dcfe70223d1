"""`manage.py worker [--stop-seconds N]`: django-q2's `qcluster`, stopped
in bounded time.

On SIGTERM or SIGINT `qcluster` stops taking tasks and then waits for every running task to
finish, with no limit: django-q2's guard, which kills a task past its `timeout`, has already
stopped by then, so one hung task (a receiver that never answers, a lock that is never granted)
kept the process alive until something killed it. This command runs the same cluster and, on
a stop signal, gives running tasks `--stop-seconds` (default `CASEFILE_WORKER_STOP_SECONDS`,
30) to finish; then it kills the cluster's processes and exits 0. An interrupted task is not
lost: extraction jobs and webhook deliveries are leased rows that the recovery sweeps hand to
the next worker (the ORM broker also redelivers its task after `retry`).

A SIGTERM to the whole process group (`make run`'s Ctrl-C, whose trap runs `kill 0`;
`kill -- -PGID`) also reaches the cluster's own processes, and django-q2's sentinel and
workers keep SIGTERM's default action: they end at once (their tasks with them, back to the
queue as above). Then there is nothing left to stop, and django-q2's `Cluster.stop()` must not
be called: it wakes the sentinel through a shared event and waits, without limit, for a
sentinel that the signal killed to acknowledge it. So the command first gives the signal
`GROUP_SIGNAL_SECONDS` to land and stops gracefully only a cluster whose sentinel is still
alive. (A Ctrl-C typed at a terminal is SIGINT, which django-q2's processes ignore: graceful.)

`Q_CLUSTER_NAME=webhooks manage.py worker` serves the webhook queue, as with `qcluster` (the
name must be in the environment before Django starts: django-q2 reads it at import).
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import threading
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

logger = logging.getLogger(__name__)

GROUP_SIGNAL_SECONDS = 0.5
"""How long a stop signal sent to the whole process group may take to end the sentinel."""


def child_ended(pid: int) -> bool:
    """Whether this process's child `pid` has exited, reaped or not. Reaps nothing (`waitid`
    with `WNOWAIT`, unlike `waitpid`) and, asking only about its own children, cannot mistake
    a recycled pid for the child."""
    try:
        return os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None
    except ChildProcessError:  # already reaped
        return True


def descendants(pid: int) -> list[int]:
    """Every process below `pid` (Linux `/proc`), children before grandchildren."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError, ValueError, IndexError):
            stat = (entry / "stat").read_text()
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry.name))
    found: list[int] = []
    queue = [pid]
    while queue:
        for child in children.get(queue.pop(0), []):
            found.append(child)
            queue.append(child)
    return found


class Command(BaseCommand):
    help = "Run a django-q2 cluster that stops within --stop-seconds of SIGTERM."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--stop-seconds", type=float, default=float(settings.WORKER_STOP_SECONDS)
        )

    def handle(self, *args: Any, stop_seconds: float, **options: Any) -> None:
        from django_q.cluster import Cluster

        stopping: list[int] = []  # the signals received; a handler only appends (no locks)

        def stop(signum: int, _frame: Any) -> None:
            stopping.append(signum)

        q = Cluster()  # installs its own handlers; ours replace them below
        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        q.start()
        while not stopping:
            if q.sentinel is None or not q.sentinel.is_alive():
                return  # the cluster ended by itself
            time.sleep(0.5)
        # Further signals (a process group signalled again and again) change nothing now.
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        sentinel_pid = q.sentinel.pid if q.sentinel is not None else None
        landed = time.monotonic() + GROUP_SIGNAL_SECONDS
        while sentinel_pid and not child_ended(sentinel_pid) and time.monotonic() < landed:
            time.sleep(0.02)
        if sentinel_pid is None or child_ended(sentinel_pid):
            logger.info(
                "Worker stopped: the stop signal reached the whole process group and ended the "
                "cluster's processes; their tasks return to the queue when their leases end."
            )
            return
        logger.info("Stopping the worker: running tasks get %.0f s to finish.", stop_seconds)
        graceful = threading.Thread(target=q.stop, daemon=True)
        graceful.start()
        deadline = time.monotonic() + stop_seconds
        while graceful.is_alive() and time.monotonic() < deadline:
            graceful.join(0.1)
            if child_ended(sentinel_pid):  # a signal that came late: nothing to wait for
                graceful.join(0.5)
                break
        if graceful.is_alive() and not child_ended(sentinel_pid):
            tree = descendants(sentinel_pid)
            logger.warning(
                "Tasks still running after %.0f s: killing %d worker processes; their jobs "
                "and deliveries return to the queue when their leases end.",
                stop_seconds,
                len(tree),
            )
            for pid in [*tree, sentinel_pid]:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            deadline = time.monotonic() + 5
            while q.sentinel is not None and q.sentinel.is_alive() and time.monotonic() < deadline:
                time.sleep(0.05)
        logger.info("Worker stopped.")
