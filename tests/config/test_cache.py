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


def test_count_is_one_round_trip(redis_available, monkeypatch):
    cache = _cache()
    key = f"trips-{uuid.uuid4().hex}"
    client = cache._cache.get_client(key, write=True)
    connection = client.connection_pool.get_connection()
    client.connection_pool.release(connection)
    sent = []
    original = type(connection).send_packed_command

    def counted(self, command, check_health=True):
        sent.append(command)
        return original(self, command, check_health)

    monkeypatch.setattr(type(connection), "send_packed_command", counted)
    cache.count(key, 30, also_read="x")
    assert len(sent) == 1
    cache.delete(key)
