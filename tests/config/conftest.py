"""Fixtures of the configuration tests: the test Redis server, with django-q2 pointed at it."""

from __future__ import annotations

import os

import pytest

TEST_REDIS_URL = os.environ.get("CASEFILE_TEST_REDIS_URL", "redis://127.0.0.1:6379/14")
"""The Redis database these tests may fill and empty (`CASEFILE_TEST_REDIS_URL`)."""


@pytest.fixture
def q_redis(monkeypatch) -> str:
    """django-q2's Redis address set to the test server (`Conf.REDIS`), the ORM broker off;
    skips the test when no Redis server answers. Returns the URL."""
    import redis
    from django_q.conf import Conf

    try:
        redis.Redis.from_url(TEST_REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError:
        pytest.skip("needs a Redis server")
    monkeypatch.setattr(Conf, "REDIS", TEST_REDIS_URL)
    monkeypatch.setattr(Conf, "ORM", None)
    return TEST_REDIS_URL
