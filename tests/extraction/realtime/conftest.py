"""Fixtures of the status and realtime tests."""

from __future__ import annotations

import pytest

from extraction import services


@pytest.fixture
def no_enqueue(monkeypatch):
    """Jobs stay queued: the test drives them (other on-commit callbacks still run)."""
    monkeypatch.setattr(services, "job_enqueue", lambda *, job_id: None)
