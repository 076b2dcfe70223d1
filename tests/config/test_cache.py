"""The Redis cache backend (config/cache.py) against the real Redis server: one client and one
connection per process however many cache instances Django makes, and counting in one round
trip. Skipped when no Redis answers on 127.0.0.1:6379."""

from __future__ import annotations

import uuid

import pytest

from config.cache import SharedRedisCache

LOCATION = "redis://127.0.0.1:6379/14"


@pytest.fixture
def redis_available():
    import redis

    try:
        redis.Redis.from_url(LOCATION, socket_connect_timeout=1).ping()
    except redis.RedisError:
        pytest.skip("no Redis server on 127.0.0.1:6379")


def _cache() -> SharedRedisCache:
    """A new instance, as Django makes one per request under ASGI."""
    return SharedRedisCache(LOCATION, {"KEY_PREFIX": "test-cache"})


def test_instances_share_one_client_and_one_connection(redis_available):
    first, second = _cache(), _cache()
    key = f"shared-{uuid.uuid4().hex}"
    first.set(key, 1, 30)
    assert second.get(key) == 1
    client = first._cache.get_client(key, write=True)
    assert client is second._cache.get_client(key)  # Django's makes a new one per call
    pool = client.connection_pool
    for _ in range(20):
        _cache().get(key)
    assert len(pool._available_connections) + len(pool._in_use_connections) == 1
    first.delete(key)


def test_count_creates_adds_and_reads_the_other_counter(redis_available):
    cache = _cache()
    key, other = f"count-{uuid.uuid4().hex}", f"other-{uuid.uuid4().hex}"
    assert cache.count(key, 30) == (1, 0)
    cache.set(other, 7, 30)
    assert cache.count(key, 30, also_read=other) == (2, 7)
    assert cache.get(key) == 2  # an integer Django's cache API reads back
    client = cache._cache.get_client(key)
    ttl = client.ttl(cache.make_and_validate_key(key))
    assert 0 < ttl <= 30
    cache.delete_many([key, other])


def test_count_keeps_the_counters_expiry(redis_available):
    cache = _cache()
    key = f"expiry-{uuid.uuid4().hex}"
    cache.count(key, 30)
    client = cache._cache.get_client(key)
    client.expire(cache.make_and_validate_key(key), 5)
    cache.count(key, 30)  # not pushed back to 30 s: the window still ends on time
    assert client.ttl(cache.make_and_validate_key(key)) <= 5
    cache.delete(key)


def _sent_commands(cache: SharedRedisCache, monkeypatch) -> list[bytes]:
    """What the cache's client sends to Redis from now on, one entry per round trip."""
    client = cache._cache.get_client(None, write=True)
    connection = client.connection_pool.get_connection()
    client.connection_pool.release(connection)
    sent: list[bytes] = []
    original = type(connection).send_packed_command

    def counted(self, command, check_health=True):
        sent.append(command)
        return original(self, command, check_health)

    monkeypatch.setattr(type(connection), "send_packed_command", counted)
    return sent


def test_count_is_one_round_trip(redis_available, monkeypatch):
    cache = _cache()
    key = f"trips-{uuid.uuid4().hex}"
    sent = _sent_commands(cache, monkeypatch)
    cache.count(key, 30, also_read="x")
    assert len(sent) == 1
    cache.delete(key)


def _settings_caches(monkeypatch, tmp_path, redis_url: str) -> dict:
    """`CACHES` as config/settings.py builds it with this REDIS_URL (the module run afresh)."""
    import runpy
    from pathlib import Path

    import config

    monkeypatch.setenv("REDIS_URL", redis_url)
    monkeypatch.setenv("CASEFILE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("CASEFILE_SECRET_KEY", "test-only")
    return runpy.run_path(str(Path(config.__file__).parent / "settings.py"))["CACHES"]


def test_a_redis_that_hangs_fails_a_call_in_half_a_second(monkeypatch, tmp_path):
    """A server that takes the connection and never answers (a listening socket nobody
    accepts from): with the settings' timeouts the call raises a RedisError (which the API
    catches, `cases/apikit/cachedown.py`) instead of holding the thread."""
    import socket
    import time

    import redis

    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        url = f"redis://127.0.0.1:{silent.getsockname()[1]}/0"
        params = _settings_caches(monkeypatch, tmp_path, url)["default"]
        cache = SharedRedisCache(params["LOCATION"], params)
        started = time.monotonic()
        with pytest.raises(redis.RedisError):
            cache.get("anything")
        elapsed = time.monotonic() - started
    assert elapsed < 2, f"the call waited {elapsed:.1f} s"


def test_a_read_uses_the_client_of_the_server_it_drew(monkeypatch):
    """With replicas, each read draws one server: the client kept for that draw is made on
    that server's connection pool (one draw, not a second one for the pool)."""
    import random

    servers = ["redis://127.0.0.1:6379/1", "redis://127.0.0.1:6379/2", "redis://127.0.0.1:6379/3"]
    client = SharedRedisCache(",".join(servers), {})._cache
    draws = iter([1, 2] * 50)
    monkeypatch.setattr(random, "randint", lambda low, high: next(draws))
    for _ in range(20):
        for index in (1, 2):
            kept = client.get_client()
            assert kept.connection_pool.connection_kwargs["db"] == index + 1
    assert client.get_client(write=True).connection_pool.connection_kwargs["db"] == 1
