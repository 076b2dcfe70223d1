"""The django-q2 Redis broker with one Redis connection pool per process.

django-q2 builds a new broker for every `async_task` (and every health or metrics read of a
queue), and its Redis broker a new `redis.Redis` with its own connection pool each time, so
every enqueue opened and closed a TCP connection to Redis (issue 14). `PooledRedisBroker` keeps
one client per process and Redis address; redis-py's pool is thread-safe and starts afresh in a
forked child (its pid check), so the web process's threads and the cluster's workers share it
safely.

Selected by `Q_CLUSTER["broker_class"]` in settings when `REDIS_URL` is set; the queues,
keys and messages are django-q2's own (`django_q:<cluster>:q`), so a cluster running the stock
broker reads what this one enqueues.
"""

from __future__ import annotations

import threading
from typing import Any

import redis
from django_q.brokers.redis_broker import Redis as RedisBroker
from django_q.conf import Conf

CONNECT_TIMEOUT_SECONDS = 2.0
"""How long an enqueue waits to reach Redis before it fails (the caller handles the error)."""
READ_TIMEOUT_SECONDS = 10.0
"""How long a command may wait for Redis's answer: above the worker's 1-second blocking pop."""

_clients: dict[str, redis.Redis] = {}
_clients_lock = threading.Lock()


def shared_redis_client(address: str | dict[str, Any]) -> redis.Redis:
    """The process's client for `address` (a `redis://` URL, or the keyword arguments of
    `redis.Redis` as django-q2's `redis` option allows), made on first use."""
    identity = address if isinstance(address, str) else repr(sorted(address.items()))
    client = _clients.get(identity)
    if client is None:
        with _clients_lock:
            client = _clients.get(identity)
            if client is None:
                timeouts = {
                    "socket_connect_timeout": CONNECT_TIMEOUT_SECONDS,
                    "socket_timeout": READ_TIMEOUT_SECONDS,
                }
                if isinstance(address, str):
                    client = redis.Redis.from_url(address, **timeouts)
                else:
                    client = redis.Redis(**{**timeouts, **address})
                _clients[identity] = client
    return client


class PooledRedisBroker(RedisBroker):
    """django-q2's Redis broker on the process's shared client (see the module docstring)."""

    @staticmethod
    def get_connection(list_key: str | None = None) -> redis.Redis:
        return shared_redis_client(Conf.REDIS)
