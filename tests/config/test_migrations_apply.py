"""Every migration applies to an empty database of the suite's engine, as `make run` and a
deployment apply them.

The rest of the suite builds its tables straight from the models (`--no-migrations` in
pyproject.toml: a few seconds less per test process), and `make migrations` checks that the
migration files describe those models; this test is what still runs the files themselves, on
SQLite and, in the PostgreSQL run, on a throwaway PostgreSQL database.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.conf import settings
from psycopg import sql

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def empty_database_url(tmp_path: Path) -> Iterator[str]:
    """A database URL for an empty database of the engine the suite runs on, dropped after."""
    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.postgresql":
        yield f"sqlite:///{tmp_path / 'empty.sqlite3'}"
        return
    host, port = database["HOST"] or "127.0.0.1", database["PORT"] or 5432
    login = quote(database["USER"] or "", safe="")
    if database.get("PASSWORD"):
        login += ":" + quote(database["PASSWORD"], safe="")
    name = f"casefile_migrations_{uuid.uuid4().hex[:12]}"
    server = f"postgresql://{login}@{host}:{port}/postgres"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield f"postgres://{login}@{host}:{port}/{name}"
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))


def _manage(*arguments: str, database_url: str, data_dir: Path) -> subprocess.CompletedProcess:
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "CASEFILE_DATA_DIR": str(data_dir),
        "CASEFILE_DEBUG": "true",
    }
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_every_migration_applies_to_an_empty_database(empty_database_url, tmp_path):
    applied = _manage("migrate", "--noinput", database_url=empty_database_url, data_dir=tmp_path)

    assert applied.returncode == 0, applied.stderr
    assert "Applying extraction.0001_initial... OK" in applied.stdout
