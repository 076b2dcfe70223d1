"""The service benchmarks' throwaway Casefile (`bench/throwaway.py`): the parts that need no
database server."""

from __future__ import annotations

from bench.throwaway import SETTINGS, UNLIMITED, Throwaway, database_url


def test_database_url_names_the_database_on_the_same_server():
    server = "postgres://postgres:secret@db.local:5433/postgres?sslmode=disable"
    assert database_url(server, "casefile_bench_7") == (
        "postgres://postgres:secret@db.local:5433/casefile_bench_7?sslmode=disable"
    )


def test_without_redis_a_child_process_gets_no_redis_url(monkeypatch):
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")  # the caller's own
    throwaway = Throwaway({"CASEFILE_DATA_DIR": "/tmp/x", **SETTINGS}, "/tmp/x", None)
    environment = throwaway.process_environment()
    assert "REDIS_URL" not in environment
    assert environment["CASEFILE_DEBUG"] == "false"


def test_with_redis_a_child_process_uses_the_benchs_database(monkeypatch):
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")
    url = "redis://127.0.0.1:6379/15"
    throwaway = Throwaway({"REDIS_URL": url, **UNLIMITED}, "/tmp/x", url)
    environment = throwaway.process_environment()
    assert environment["REDIS_URL"] == url
    assert environment["CASEFILE_API_RATE_LIMIT"] == "1000000/min"
