"""A throwaway Casefile for the service benchmarks (`bench/load.py`, `bench/poll_cpu.py`,
`bench/perf.py`): a PostgreSQL database of its own on DATABASE_URL's server (default
127.0.0.1:5432), dropped afterwards, a temporary data directory, Redis database 15 emptied for
the broker and the cache (the ORM broker and the memory cache without a Redis server), and the
production-like environment variables a Casefile process needs to use them."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432/postgres"

SETTINGS = {
    "CASEFILE_DEBUG": "false",
    "CASEFILE_SECRET_KEY": "bench-only-secret-key",
    "CASEFILE_LOG_LEVEL": "WARNING",
}
UNLIMITED = {
    "CASEFILE_API_RATE_LIMIT": "1000000/min",
    "CASEFILE_JOB_STATUS_POLLS_PER_MINUTE": "1000000",
}
"""The limits out of the way: otherwise the 429s are what gets measured."""


@dataclass(frozen=True)
class Throwaway:
    environment: dict[str, str]
    """The variables to run Casefile with (REDIS_URL only when a Redis server answered)."""
    data_dir: str
    redis_url: str | None

    def apply(self) -> None:
        """Set this process's environment to run Django here (before `django.setup()`)."""
        os.environ.update({"DJANGO_SETTINGS_MODULE": "config.settings", **self.environment})
        if self.redis_url is None:
            os.environ.pop("REDIS_URL", None)

    def process_environment(self) -> dict[str, str]:
        """This process's environment with the throwaway's, for a child process."""
        environment = {**os.environ, **self.environment}
        if self.redis_url is None:
            environment.pop("REDIS_URL", None)
        return environment


@contextmanager
def throwaway_casefile(name: str, **variables: str) -> Iterator[Throwaway]:
    """A throwaway database `casefile_<name>_<pid>` and data directory (removed on the way
    out, the database with its connections), with `variables` added to the environment."""
    server = os.environ.get("DATABASE_URL") or DEFAULT_SERVER
    database = f"casefile_{name}_{os.getpid()}"
    admin_sql(server, f"CREATE DATABASE {database}")
    try:
        with tempfile.TemporaryDirectory(prefix=f"casefile-{name}-") as data_dir:
            redis_url = bench_redis_url()
            environment = {
                "DATABASE_URL": database_url(server, database),
                "CASEFILE_DATA_DIR": data_dir,
                **SETTINGS,
                **variables,
                **({"REDIS_URL": redis_url} if redis_url else {}),
            }
            yield Throwaway(environment, data_dir, redis_url)
    finally:
        if "django.db" in sys.modules:  # this process's own connections, if it set Django up
            from django.conf import settings
            from django.db import connections

            if settings.configured:
                connections.close_all()
        admin_sql(server, f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")


def bench_redis_url() -> str | None:
    """A Redis database of its own for the bench's queues (the production broker), emptied
    before use; None without a Redis server (then the ORM broker is measured)."""
    import redis

    url = os.environ.get("CASEFILE_BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=1)
        client.flushdb()
    except redis.RedisError:
        return None
    return url


def database_url(server: str, name: str) -> str:
    parts = urlsplit(server)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, ""))


def admin_sql(server: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(database_url(server, "postgres"), autocommit=True) as connection:
        connection.execute(sql)
