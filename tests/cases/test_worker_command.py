"""`manage.py worker` as a real process: SIGTERM stops it within its stop time even while a
task is still running (plain `qcluster` waits for the task, however long it takes)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from cases.management.commands.worker import child_ended, descendants

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = "redis://127.0.0.1:6379/12"


def _redis() -> redis.Redis | None:
    client = redis.from_url(REDIS_URL, socket_timeout=1)
    try:
        client.ping()
    except redis.RedisError:
        return None
    return client


def test_descendants_lists_a_process_tree():
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert child.pid in descendants(os.getpid())
    finally:
        child.kill()
        child.wait()


def test_child_ended_tells_a_running_child_from_an_exited_one_and_reaps_nothing():
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert not child_ended(child.pid)
        child.kill()
        deadline = time.monotonic() + 10
        while not child_ended(child.pid):
            assert time.monotonic() < deadline
            time.sleep(0.01)
        # still a zombie: the check reaped nothing, so the child's status is there to collect
        assert os.waitid(os.P_PID, child.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None
    finally:
        child.kill()
        child.wait()
    assert child_ended(child.pid)  # reaped


def _worker_start(
    tmp_path, stop_seconds: int = 2
) -> tuple[subprocess.Popen, list[str], threading.Thread]:
    """`manage.py worker --stop-seconds N` on Redis in its own session, its output collected."""
    environment = {
        **os.environ,
        "REDIS_URL": REDIS_URL,
        "CASEFILE_DATA_DIR": str(tmp_path),
        "CASEFILE_WORKERS": "1",
        "CASEFILE_LOG_LEVEL": "INFO",
        "CASEFILE_QUEUE_LOG_LEVEL": "INFO",
        "PYTHONUNBUFFERED": "1",
    }
    environment.pop("DATABASE_URL", None)
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "worker", "--stop-seconds", str(stop_seconds)],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(worker.stdout or []), daemon=True)
    reader.start()
    return worker, lines, reader


def _logged(lines: list[str], text: str, seconds: float) -> bool:
    """Whether the worker's output has a line with `text` within `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if any(text in line for line in list(lines)):
            return True
        time.sleep(0.1)
    return False


@contextlib.contextmanager
def _running_worker(
    tmp_path, stop_seconds: int = 2
) -> Iterator[tuple[subprocess.Popen, list[str]]]:
    """A worker on an emptied Redis database that has logged "running." (skipped without
    Redis); killed on the way out if it is still running, its output then read to the end."""
    client = _redis()
    if client is None:
        pytest.skip("needs Redis on 127.0.0.1:6379")
    client.flushdb()
    worker, lines, reader = _worker_start(tmp_path, stop_seconds)
    try:
        assert _logged(lines, "running.", 90), "".join(lines[-20:])
        yield worker, lines
    finally:
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait()
        reader.join(timeout=5)


def test_sigterm_stops_the_worker_within_its_stop_time_while_a_task_runs(tmp_path, monkeypatch):
    with _running_worker(tmp_path) as (worker, lines):
        from django_q.conf import Conf
        from django_q.tasks import async_task

        monkeypatch.setattr(Conf, "SYNC", False)
        monkeypatch.setattr(Conf, "ORM", None)
        monkeypatch.setattr(Conf, "REDIS", REDIS_URL)
        async_task("time.sleep", 120)
        assert _logged(lines, "processing", 30), "".join(lines[-20:])

        started = time.monotonic()
        worker.send_signal(signal.SIGTERM)
        code = worker.wait(timeout=30)
        stopped_after = time.monotonic() - started
    assert code == 0
    assert stopped_after < 2 + 8, stopped_after  # the task alone would have taken 120 s
    assert any("killing" in line for line in lines), "".join(lines[-20:])


def test_a_storm_of_group_signals_stops_the_worker_once_and_cleanly(tmp_path):
    """`make run`'s Ctrl-C or `kill 0` signals the whole process group, the cluster's own
    processes included, possibly several times: the worker stops once, without a traceback."""
    with _running_worker(tmp_path) as (worker, lines):
        for _ in range(20):
            os.killpg(worker.pid, signal.SIGTERM)
            time.sleep(0.01)
        code = worker.wait(timeout=30)
    output = "".join(lines)
    assert code == 0, output[-2000:]
    assert "Traceback" not in output
    assert "RecursionError" not in output


def test_a_group_sigterm_ends_the_worker_at_once_without_waiting_on_the_ended_cluster(tmp_path):
    """A SIGTERM to the whole group ends django-q2's sentinel and workers with it (they keep
    SIGTERM's default action); the worker sees that and exits instead of calling the cluster's
    stop, which could wait without limit for the dead sentinel (1 stop in 65 in a local loop)."""
    with _running_worker(tmp_path, stop_seconds=30) as (worker, lines):
        started = time.monotonic()
        os.killpg(worker.pid, signal.SIGTERM)
        code = worker.wait(timeout=40)
        stopped_after = time.monotonic() - started
    output = "".join(lines)
    assert code == 0, output[-2000:]
    assert stopped_after < 5, stopped_after  # not the 30 s stop time
    assert "reached the whole process group" in output, output[-2000:]
    assert "Stopping the worker" not in output
    assert _group_members(worker.pid) == [], "none of the cluster's processes is left"


def _group_members(group: int) -> list[int]:
    """Live processes (zombies aside) in process group `group` (Linux `/proc`)."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            members.append(int(entry.name))
    return members
