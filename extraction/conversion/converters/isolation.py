"""Run a conversion in a forked child with extraction's memory limit and wall-clock kill.

The same mechanism as `extraction/engine/isolation.py` (whose child-process helpers it reuses):
the child sets RLIMIT_AS and is killed at the deadline, so a hostile PDF fails the job with
TIMEOUT, MEMORY_LIMIT or WORKER_CRASHED (a sentence for users, the traceback in the log) and
never the worker; the child dies with its parent and at its own alarm past the deadline. The
child also sends progress messages, which reach the caller's `progress` callback in the
caller's process (the worker stores them on the job) while it waits.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import resource
import signal
import time
import traceback
from multiprocessing.connection import Connection
from typing import Any

from extraction.conversion.converters import Converted, PercentDone, convert
from extraction.engine.isolation import (
    _address_space_bytes,
    _Child,
    _looks_like_memory,
    _send_quietly,
    child_bounded,
    crash_raise,
)
from extraction.engine.types import EngineError, EngineErrorCode, EngineLimits


def _child(
    content: bytes,
    engine: str,
    output_format: str,
    limits: EngineLimits,
    memory_limit: int | None,
    sender: Connection,
    parent_pid: int,
    timeout_seconds: float,
) -> None:  # pragma: no cover - runs in the forked child; tested through the parent
    child_bounded(parent_pid=parent_pid, timeout_seconds=timeout_seconds)
    try:
        if memory_limit:
            ceiling = _address_space_bytes() + memory_limit
            resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))
        last = [-1]

        def progress(percent: int) -> None:
            if percent != last[0]:
                last[0] = percent
                sender.send(("progress", percent))

        result = convert(content, engine, output_format, limits=limits, progress=progress)
        sender.send(("ok", result))
    except EngineError as exc:
        _send_quietly(sender, ("error", exc.code, exc.message))
    except MemoryError:
        _send_quietly(sender, ("error", "MEMORY_LIMIT", "The job exceeded its memory limit."))
    except Exception as exc:
        message = f"{type(exc).__name__}: {exc}"
        if _looks_like_memory(exc):
            _send_quietly(sender, ("error", "MEMORY_LIMIT", "The job exceeded its memory limit."))
        else:
            # Users see a sentence; the traceback goes to the worker's log (parent side).
            _send_quietly(sender, ("crash", message, traceback.format_exc(limit=8)))
    finally:
        sender.close()
        os._exit(0)


def convert_isolated(
    content: bytes,
    engine: str,
    output_format: str,
    *,
    limits: EngineLimits,
    timeout_seconds: float,
    memory_limit_bytes: int | None,
    progress: PercentDone | None = None,
) -> Converted:
    """`convert` in a forked child; raises EngineError on any failure, never crashes."""
    receiver, sender = multiprocessing.Pipe(duplex=False)
    parent_pid = os.getpid()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child; it always ends in os._exit
        receiver.close()
        _child(
            content,
            engine,
            output_format,
            limits,
            memory_limit_bytes,
            sender,
            parent_pid,
            timeout_seconds,
        )
    sender.close()
    deadline = time.monotonic() + timeout_seconds
    with _Child(pid) as child, contextlib.closing(receiver):
        message = _receive(receiver, child, deadline, progress)
    if message is None:
        code = child.exitcode
        if code is not None and code < 0 and -code == signal.SIGKILL and memory_limit_bytes:
            raise EngineError(
                EngineErrorCode.MEMORY_LIMIT, "The job was killed, probably for memory."
            )
        raise EngineError(
            EngineErrorCode.WORKER_CRASHED, f"The conversion process died (exit code {code})."
        )
    if message[0] == "ok":
        return message[1]
    if message[0] == "crash":
        crash_raise(message[1], message[2], what="conversion")
    raise EngineError(message[1], message[2])


def _receive(
    receiver: Connection, child: _Child, deadline: float, progress: PercentDone | None
) -> tuple[Any, ...] | None:
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            child.kill()
            raise EngineError(
                EngineErrorCode.TIMEOUT, "The job ran past its time limit and was stopped."
            )
        if receiver.poll(min(remaining, 0.5)):
            try:
                message = receiver.recv()
            except (EOFError, OSError):
                return None
            except MemoryError as exc:
                raise EngineError(
                    EngineErrorCode.MEMORY_LIMIT, "The result was too large to receive."
                ) from exc
            if message[0] == "progress":
                if progress:
                    progress(message[1])
                continue
            return message
        if not child.is_alive() and not receiver.poll(0):
            return None
