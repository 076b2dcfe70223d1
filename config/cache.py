"""The Redis cache backend of the web process and the workers: one client per process.

Django's `RedisCache` makes its client (and with it a new connection pool) per cache instance,
and Django makes a cache instance per thread or per async context, that is per request under
ASGI; its client also builds a new `redis.Redis` (about 170 response callbacks) for every
call. So every request opened a new TCP connection to Redis, and redis-py read its own package
metadata from disk to introduce itself on it (issue 14: a third of a status poll's CPU).

`SharedRedisCache` keeps one `RedisCacheClient`, one connection pool and one `redis.Redis` per
process and server list; redis-py's pool is thread-safe and reopens its connections in a
forked child. Its connections time out (`CACHES` OPTIONS in settings), so a Redis that hangs
raises an error the callers catch instead of holding a thread. It also counts in one round
trip (`count`, for the rate limits): Django's `incr` is two (`EXISTS`, then `INCR`) and fails
on a missing key.
"""

from __future__ import annotations

import threading
from typing import Any, ClassVar

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.utils.functional import cached_property


class SharedRedisCacheClient(RedisCacheClient):
    """Django's client with one `redis.Redis` per connection pool instead of one per call."""

    def __init__(self, servers: list[str], **options: Any) -> None:
        super().__init__(servers, **options)
        self._clients: dict[int, Any] = {}
        self._lock = threading.Lock()

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        django_client: Any = self  # Django's private helpers, which its stubs do not declare
        # Drawn once (a read picks a replica at random): the client kept under this index is
        # made on this index's server.
        index = django_client._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            with self._lock:
                client = self._clients.get(index)
                if client is None:
                    pool = self._connection_pool(index)
                    client = self._clients[index] = django_client._client(connection_pool=pool)
        return client

    def _connection_pool(self, index: int) -> Any:
        """The connection pool of server `index` (Django's `_get_connection_pool` draws its
        own index). Called under the lock."""
        django_client: Any = self
        pools = django_client._pools
        if index not in pools:
            pools[index] = django_client._pool_class.from_url(
                django_client._servers[index], **django_client._pool_options
            )
        return pools[index]


class SharedRedisCache(RedisCache):
    _shared: ClassVar[dict[tuple[str, ...], SharedRedisCacheClient]] = {}
    _shared_lock: ClassVar[threading.Lock] = threading.Lock()

    @cached_property
    def _cache(self) -> SharedRedisCacheClient:
        django_cache: Any = self  # RedisCache's own attributes, which its stubs do not declare
        servers, options = django_cache._servers, django_cache._options
        identity = (*servers, repr(sorted(options.items())))
        with self._shared_lock:
            client = self._shared.get(identity)
            if client is None:
                client = self._shared[identity] = SharedRedisCacheClient(servers, **options)
        return client

    def count(self, key: str, timeout: int, *, also_read: str | None = None) -> tuple[int, int]:
        """Add one to the counter `key` (made at 0 with `timeout` seconds to live when missing)
        and return it, with the integer at `also_read` (0 when missing): one round trip."""
        key = self.make_and_validate_key(key)
        client = self._cache.get_client(key, write=True)
        pipeline = client.pipeline(transaction=False)
        pipeline.set(key, 0, ex=timeout, nx=True)
        pipeline.incr(key)
        if also_read is not None:
            pipeline.get(self.make_and_validate_key(also_read))
        answers = pipeline.execute()
        other = answers[2] if also_read is not None else None
        return int(answers[1]), int(other) if other is not None else 0
