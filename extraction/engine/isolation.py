"""Run the engine in a child process with a memory limit and a wall-clock kill.

Called by the extraction worker (and `evaluate`) instead of `run_engine` directly. PyMuPDF is
neither thread-safe nor crash-proof on hostile files, and OCR can exhaust memory: the child
process (forked with `os.fork`, so nothing is re-imported, and so it also works inside
django-q2's daemonic worker processes, which `multiprocessing` refuses to give children) sets
RLIMIT_AS and is killed when the deadline passes. The caller gets the `EngineResult`, or an
`EngineError` with code TIMEOUT, MEMORY_LIMIT or WORKER_CRASHED, or the child's own
`EngineError` (CORRUPT_FILE, PASSWORD_REQUIRED, ...); an error MuPDF raises mid-engine is
MALFORMED_PDF. A crash in the child never propagates to the caller's process, and its
traceback goes to this module's log, never into the error message users see.

The child never outlives its deadline, even when the parent cannot kill it: the parent kills
it at once when it leaves on an exception of its own (django-q2's task timeout raises one in
the worker, and then terminates the worker), the child dies with its parent (Linux
`PR_SET_PDEATHSIG`), and it has its own alarm a few seconds past the deadline.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import math
import multiprocessing
import os
import resource
import signal
import time
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from extraction.engine.types import EngineError, EngineErrorCode, EngineInput, EngineResult

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT_SECONDS = 300.0
DEFAULT_MEMORY_LIMIT_BYTES = 3 * 1024**3
CHILD_ALARM_MARGIN_SECONDS = 5
"""How long past the deadline the child's own alarm ends it, if the parent has not."""
PR_SET_PDEATHSIG = 1


def _child(
    engine_input: EngineInput,
    memory_limit: int | None,
    sender: Connection,
    parent_pid: int,
    timeout_seconds: float,
) -> None:  # pragma: no cover - runs in the forked child; its outcomes are tested via the parent
    child_bounded(parent_pid=parent_pid, timeout_seconds=timeout_seconds)
    try:
        if memory_limit:
            # A forked child inherits its parent's address space (a worker that has loaded
            # PyMuPDF and ONNX models starts near a gigabyte); the limit is what it may add.
            ceiling = _address_space_bytes() + memory_limit
            resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))
        from extraction.engine import run_engine

        result = run_engine(
            engine_input, on_page=lambda done, total: sender.send(("page", done, total))
        )
        sender.send(("ok", result))
    except EngineError as exc:
        sender.send(("error", exc.code, exc.message))
    except MemoryError:
        _send_quietly(sender, ("error", "MEMORY_LIMIT", "The job exceeded its memory limit."))
    except Exception as exc:
        message = f"{type(exc).__name__}: {exc}"
        if _looks_like_memory(exc):
            _send_quietly(sender, ("error", "MEMORY_LIMIT", "The job exceeded its memory limit."))
        elif _is_mupdf_error(exc):
            _send_quietly(sender, ("error", "MALFORMED_PDF", _MUPDF_FAILED))
        else:
            # Users see a plain sentence; the traceback goes to the worker's log (parent side).
            _send_quietly(sender, ("crash", message, traceback.format_exc(limit=8)))
    finally:
        sender.close()
        os._exit(0)


def child_bounded(
    *, parent_pid: int, timeout_seconds: float
) -> None:  # pragma: no cover - runs in a forked child; tested through the parent
    """First thing in a forked child: die with the parent (SIGKILL on its death, Linux
    `PR_SET_PDEATHSIG`; elsewhere the alarm still holds) and at CHILD_ALARM_MARGIN_SECONDS past
    `timeout_seconds` (SIGALRM's default action), whatever becomes of the parent."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent_pid:  # the parent died before the request was in place
        os._exit(0)
    # The default action, which ends the process even inside C code: a fork inherits the
    # parent's handlers, and django-q2's worker has a Python one that only raises.
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    signal.alarm(math.ceil(timeout_seconds) + CHILD_ALARM_MARGIN_SECONDS)


def crash_raise(kind_and_message: str, trace: str, *, what: str = "engine") -> None:
    """A child's unexpected exception, in the parent: the traceback to this module's log
    (naming `what` crashed), a sentence naming only the exception's type to users
    (WORKER_CRASHED)."""
    logger.error("The %s crashed: %s\n%s", what, kind_and_message, trace)
    kind = kind_and_message.split(":", 1)[0]
    raise EngineError(EngineErrorCode.WORKER_CRASHED, _CRASHED.format(kind=kind))


_MUPDF_FAILED = (
    "The PDF is malformed: its structure broke while it was being read. Save or print it to a "
    "new PDF and upload that."
)
_CRASHED = "The engine failed on this document ({kind}); the failure is logged for the operators."


def _is_mupdf_error(exc: BaseException) -> bool:
    """An error MuPDF raised about the file (PyMuPDF's classes, or its C layer's)."""
    import pymupdf

    return isinstance(exc, pymupdf.FileDataError | pymupdf.mupdf.FzErrorBase)


def _address_space_bytes() -> int:
    """This process's current virtual size (Linux `/proc/self/statm`, in pages)."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[0])
    return pages * os.sysconf("SC_PAGE_SIZE")


def _looks_like_memory(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "memory" in text or "cannot allocate" in text or "bad_alloc" in text


def _send_quietly(sender: Connection, message: tuple[Any, ...]) -> None:
    with contextlib.suppress(OSError, MemoryError, ValueError):
        sender.send(message)


def run_engine_isolated(
    engine_input: EngineInput,
    *,
    timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS,
    memory_limit_bytes: int | None = DEFAULT_MEMORY_LIMIT_BYTES,
    on_page: Callable[[int, int], None] | None = None,
) -> EngineResult:
    """`run_engine` in a forked child; raises EngineError on any failure, never crashes.

    The child reports each page read over the pipe (`("page", done, total)`); the parent
    passes it to `on_page` (it writes the job's progress: the child has no database)."""
    receiver, sender = multiprocessing.Pipe(duplex=False)
    parent_pid = os.getpid()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child; it always ends in os._exit
        receiver.close()
        _child(engine_input, memory_limit_bytes, sender, parent_pid, timeout_seconds)
    sender.close()
    deadline = time.monotonic() + timeout_seconds
    with _Child(pid) as child, contextlib.closing(receiver):
        message = _receive(receiver, child, deadline)
        while message is not None and message[0] == "page":
            if on_page is not None:
                on_page(message[1], message[2])
            message = _receive(receiver, child, deadline)
    if message is None:
        code = child.exitcode
        if code is not None and code < 0 and -code == signal.SIGKILL and memory_limit_bytes:
            raise EngineError(
                EngineErrorCode.MEMORY_LIMIT, "The job was killed, probably for memory."
            )
        raise EngineError(
            EngineErrorCode.WORKER_CRASHED, f"The engine process died (exit code {code})."
        )
    if message[0] == "ok":
        return message[1]
    if message[0] == "crash":
        crash_raise(message[1], message[2])
    raise EngineError(message[1], message[2])


class _Child:
    """A forked child process: liveness, kill and reaping by pid.

    As a context manager it reaps the child on the way out, killing it first when the block
    leaves on an exception: our own deadline (TIMEOUT, killed already) or one from outside
    (django-q2's task timeout raises in this process and terminates it moments later, too soon
    for the graceful wait in `reap`)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.exitcode: int | None = None

    def __enter__(self) -> _Child:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *_: object) -> None:
        if exc_type is not None:
            self.kill()
        self.reap()

    def is_alive(self) -> bool:
        if self.exitcode is not None:
            return False
        finished, status = os.waitpid(self.pid, os.WNOHANG)
        if finished == 0:
            return True
        self.exitcode = os.waitstatus_to_exitcode(status)
        return False

    def kill(self) -> None:
        if self.is_alive():
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)

    def reap(self) -> None:
        deadline = time.monotonic() + 5
        while self.is_alive() and time.monotonic() < deadline:
            time.sleep(0.02)
        if self.is_alive():
            self.kill()
            _, status = os.waitpid(self.pid, 0)
            self.exitcode = os.waitstatus_to_exitcode(status)


def _receive(receiver: Connection, child: _Child, deadline: float) -> tuple[Any, ...] | None:
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            child.kill()
            raise EngineError(
                EngineErrorCode.TIMEOUT, "The job ran past its time limit and was stopped."
            )
        if receiver.poll(min(remaining, 0.5)):
            try:
                return receiver.recv()
            except (EOFError, OSError):
                return None
            except MemoryError as exc:
                raise EngineError(
                    EngineErrorCode.MEMORY_LIMIT, "The result was too large to receive."
                ) from exc
        if not child.is_alive() and not receiver.poll(0):
            return None
