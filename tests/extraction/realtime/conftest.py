"""Fixtures of the status and realtime tests."""

from __future__ import annotations

import pytest

from extraction import services


@pytest.fixture
def no_enqueue(monkeypatch):
    """Jobs stay queued: the test drives them (other on-commit callbacks still run)."""
    monkeypatch.setattr(services, "job_enqueue", lambda *, job_id: None)


@pytest.fixture
def concurrent_sqlite():
    """Threads of one test process share SQLite's in-memory test database through its shared
    cache, where a reader's table lock makes a concurrent writer fail at once ("database table
    is locked") instead of waiting as a file database in WAL mode (what Casefile runs on) lets
    it. Connections read without table locks while a test runs a server and a worker side by
    side; the realtime streams read only committed event rows, written after their commit.
    Nothing changes on PostgreSQL."""
    from django.db import connection
    from django.db.backends.signals import connection_created

    def no_read_locks(sender, connection, **kwargs) -> None:
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA read_uncommitted = 1")

    connection_created.connect(no_read_locks, dispatch_uid="realtime-tests-read-uncommitted")
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        no_read_locks(None, connection)
    yield
    connection_created.disconnect(dispatch_uid="realtime-tests-read-uncommitted")
