"""The isolated runner: results come back, failures become EngineError codes, never crashes."""

from __future__ import annotations

import os
import signal
import time

import pytest

import extraction.engine as engine
from extraction.engine import isolation, run_engine_isolated
from extraction.engine.types import EngineError, EngineInput
from tests.schemas import INVOICE


def _input(content: bytes = b"%PDF-1.4") -> EngineInput:
    return EngineInput(content, "x.pdf", (INVOICE,))


def _code(**kwargs) -> str:
    with pytest.raises(EngineError) as caught:
        run_engine_isolated(_input(), **kwargs)
    return caught.value.code


def test_isolated_runner_returns_the_engine_result(invoice_pdf):
    result = run_engine_isolated(_input(invoice_pdf), timeout_seconds=60)
    fields = {f.key: f.value for f in result.documents[0].fields}
    assert fields["total_amount"] == "23.80"


def test_isolated_runner_passes_engine_errors_through():
    with pytest.raises(EngineError) as caught:
        run_engine_isolated(_input(b"not a document"))
    assert caught.value.code == "UNSUPPORTED_FILE_TYPE"


def test_hanging_engine_is_killed_at_the_deadline(monkeypatch):
    monkeypatch.setattr(engine, "run_engine", lambda _input, **_kwargs: time.sleep(30))
    started = time.monotonic()
    assert _code(timeout_seconds=1) == "TIMEOUT"
    assert time.monotonic() - started < 10


def test_crashing_engine_reports_worker_crashed(monkeypatch):
    monkeypatch.setattr(engine, "run_engine", lambda _input, **_kwargs: os._exit(70))
    assert _code(timeout_seconds=20) == "WORKER_CRASHED"


def test_memory_hungry_engine_reports_memory_limit(monkeypatch):
    def hog(_input, **_kwargs):
        return bytearray(2 * 1024**3)

    monkeypatch.setattr(engine, "run_engine", hog)
    assert _code(timeout_seconds=20, memory_limit_bytes=1024**3) == "MEMORY_LIMIT"


def test_unexpected_exception_in_child_is_worker_crashed(monkeypatch):
    def broken(_input, **_kwargs):
        raise KeyError("boom")

    monkeypatch.setattr(engine, "run_engine", broken)
    assert _code(timeout_seconds=20) == "WORKER_CRASHED"


def _run_in_daemon(content: bytes, results) -> None:  # pragma: no cover - runs in the daemon
    try:
        result = run_engine_isolated(_input(content), timeout_seconds=60)
        results.put(("ok", result.page_count))
    except Exception as exc:
        results.put(("error", f"{type(exc).__name__}: {exc}"))


def test_isolated_runner_works_inside_a_daemonic_worker_process(invoice_pdf):
    """django-q2 runs tasks in daemonic processes, which multiprocessing forbids children."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    results = context.Queue()
    daemon = context.Process(target=_run_in_daemon, args=(invoice_pdf, results), daemon=True)
    daemon.start()
    outcome = results.get(timeout=60)
    daemon.join(timeout=10)
    assert outcome == ("ok", 1)


def test_a_crash_tells_users_a_sentence_and_logs_the_traceback(monkeypatch, caplog):
    def broken(_input, **_kwargs):
        raise KeyError("/srv/casefile/secret/path.py")

    monkeypatch.setattr(engine, "run_engine", broken)
    with pytest.raises(EngineError) as caught:
        run_engine_isolated(_input(), timeout_seconds=20)
    assert caught.value.code == "WORKER_CRASHED"
    assert "Traceback" not in str(caught.value)
    assert "/srv/" not in str(caught.value)
    assert "KeyError" in str(caught.value)
    logged = [r.getMessage() for r in caplog.records if r.name == "extraction.engine.isolation"]
    assert any("Traceback" in text and "/srv/casefile/secret/path.py" in text for text in logged)


def test_a_mupdf_error_inside_the_engine_is_malformed_pdf(monkeypatch):
    import pymupdf

    def broken(_input, **_kwargs):
        pymupdf.open(stream=b"%PDF-1.4 nothing", filetype="pdf")

    monkeypatch.setattr(engine, "run_engine", broken)
    assert _code(timeout_seconds=20) == "MALFORMED_PDF"


def test_the_child_reports_each_page_read_to_the_parent():
    """Progress crosses the pipe: the parent's `on_page` hears (pages read, pages in all)."""
    from tests.documents import INVOICE_LINES, pdf_with_lines

    content = pdf_with_lines([INVOICE_LINES[:4]] * 3)
    heard: list[tuple[int, int]] = []
    result = run_engine_isolated(
        _input(content), timeout_seconds=60, on_page=lambda done, total: heard.append((done, total))
    )
    assert result.page_count == 3
    assert heard == [(1, 3), (2, 3), (3, 3)]


class _OutsideTimeout(BaseException):
    """Stands in for django-q2's task timeout, raised in the worker while it waits."""


def test_a_parent_leaving_on_an_outside_exception_kills_the_child_before_reaping(monkeypatch):
    """django-q2 terminates the worker moments after its timeout exception: the graceful wait
    in `reap` would let it die first and leave the child parsing, with no deadline."""
    calls: list[str] = []
    monkeypatch.setattr(isolation._Child, "kill", _recording(isolation._Child.kill, "kill", calls))
    monkeypatch.setattr(isolation._Child, "reap", _recording(isolation._Child.reap, "reap", calls))

    def hang_after_a_page(_input, *, on_page):
        on_page(1, 2)
        time.sleep(30)

    def outside_timeout(done, total):
        raise _OutsideTimeout

    monkeypatch.setattr(engine, "run_engine", hang_after_a_page)
    with pytest.raises(_OutsideTimeout):
        run_engine_isolated(_input(), timeout_seconds=30, on_page=outside_timeout)
    assert calls[:2] == ["kill", "reap"]


def test_a_child_its_parent_cannot_kill_ends_at_its_own_alarm(monkeypatch):
    monkeypatch.setattr(isolation, "CHILD_ALARM_MARGIN_SECONDS", 0)
    children: list[isolation._Child] = []
    real_init = isolation._Child.__init__

    def remember(self, pid):
        real_init(self, pid)
        children.append(self)

    monkeypatch.setattr(isolation._Child, "__init__", remember)
    monkeypatch.setattr(isolation._Child, "kill", lambda self: None)  # the parent "cannot"
    monkeypatch.setattr(isolation._Child, "reap", lambda self: None)
    monkeypatch.setattr(engine, "run_engine", lambda _input, **_kwargs: time.sleep(30))

    def only_raises(signum, frame):  # as django-q2's worker's handler does; a fork inherits it
        raise RuntimeError("timeout")

    previous = signal.signal(signal.SIGALRM, only_raises)
    try:
        assert _code(timeout_seconds=1) == "TIMEOUT"
    finally:
        signal.signal(signal.SIGALRM, previous)
    (child,) = children
    _, status = os.waitpid(child.pid, 0)  # ends by itself, about a second after it began
    assert os.waitstatus_to_exitcode(status) == -signal.SIGALRM


def _recording(method, name: str, calls: list[str]):
    def recorded(self, *args, **kwargs):
        calls.append(name)
        return method(self, *args, **kwargs)

    return recorded
