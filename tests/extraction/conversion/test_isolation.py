"""A conversion runs in a forked child: a crash, a hang or a memory blow-up fails the
conversion with a code and leaves the calling process (the worker) running."""

from __future__ import annotations

import os
import time
from collections.abc import Callable

import pytest

from extraction.conversion.converters import Converted, isolation
from extraction.engine.types import EngineError, EngineErrorCode, EngineLimits
from tests.documents import pdf_with_lines


def _run(
    *,
    timeout_seconds: float = 30.0,
    memory_limit_bytes: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> Converted:
    return isolation.convert_isolated(
        pdf_with_lines(["Hello"]),
        "text",
        "txt",
        limits=EngineLimits(),
        timeout_seconds=timeout_seconds,
        memory_limit_bytes=memory_limit_bytes,
        progress=progress,
    )


def test_a_converted_pdf_comes_back_with_its_progress():
    seen: list[int] = []
    result = _run(progress=seen.append)
    assert result.content.decode().strip() == "Hello"
    assert seen == [95]


def test_a_child_that_dies_is_worker_crashed(monkeypatch):
    monkeypatch.setattr(isolation, "convert", lambda *a, **k: os._exit(3))
    with pytest.raises(EngineError) as caught:
        _run()
    assert caught.value.code == EngineErrorCode.WORKER_CRASHED


def test_a_child_past_its_deadline_is_killed_with_timeout(monkeypatch):
    monkeypatch.setattr(isolation, "convert", lambda *a, **k: time.sleep(60))
    started = time.monotonic()
    with pytest.raises(EngineError) as caught:
        _run(timeout_seconds=1.0)
    assert caught.value.code == EngineErrorCode.TIMEOUT
    assert time.monotonic() - started < 15


def test_a_child_over_its_memory_limit_is_memory_limit(monkeypatch):
    def hog(*args, **kwargs):
        blocks = []
        for _ in range(64):
            blocks.append(bytearray(64 * 1024 * 1024))
        return blocks

    monkeypatch.setattr(isolation, "convert", hog)
    with pytest.raises(EngineError) as caught:
        _run(memory_limit_bytes=256 * 1024 * 1024)
    assert caught.value.code == EngineErrorCode.MEMORY_LIMIT


def test_a_bug_in_the_child_is_worker_crashed_with_a_sentence_and_a_logged_traceback(
    monkeypatch, caplog
):
    """Users see the exception's type in a sentence; its text and traceback go to the log."""

    def broken(*args, **kwargs):
        raise KeyError("/srv/casefile/secret/path boom")

    monkeypatch.setattr(isolation, "convert", broken)
    with pytest.raises(EngineError) as caught:
        _run()
    assert caught.value.code == EngineErrorCode.WORKER_CRASHED
    assert "KeyError" in caught.value.message
    assert "/srv" not in caught.value.message
    assert "boom" not in caught.value.message
    assert "Traceback" in caplog.text
    assert "boom" in caplog.text
