"""The pooled django-q2 Redis broker: one client per process and address, and django-q2's own
queue keys, so tasks it enqueues are taken by a stock broker (Redis only; skipped without it)."""

from __future__ import annotations

from django_q.brokers.redis_broker import Redis as StockRedisBroker

from config.taskqueue import PooledRedisBroker, shared_redis_client
from tests.config.conftest import TEST_REDIS_URL


def test_every_broker_of_a_process_shares_one_client_and_pool(q_redis):
    first = PooledRedisBroker(list_key="casefile-test-pool")
    second = PooledRedisBroker(list_key="casefile-test-pool")

    assert first.connection is second.connection
    assert first.connection.connection_pool is shared_redis_client(TEST_REDIS_URL).connection_pool


def test_many_enqueues_reuse_the_pools_connections(q_redis):
    broker = PooledRedisBroker(list_key="casefile-test-reuse")
    broker.delete_queue()
    try:
        for number in range(50):
            PooledRedisBroker(list_key="casefile-test-reuse").enqueue(f"task-{number}")

        assert broker.queue_size() == 50
        # A stock broker would have opened one connection per enqueue.
        assert len(broker.connection.connection_pool._available_connections) <= 2
    finally:
        broker.delete_queue()


def test_a_stock_broker_takes_what_the_pooled_broker_enqueued(q_redis):
    pooled = PooledRedisBroker(list_key="casefile-test-interop")
    stock = StockRedisBroker(list_key="casefile-test-interop")
    stock.delete_queue()
    try:
        pooled.enqueue("signed-package")

        assert pooled.list_key == stock.list_key == "django_q:casefile-test-interop:q"
        assert stock.dequeue() == [(None, b"signed-package")]
    finally:
        stock.delete_queue()


def test_clients_are_kept_apart_per_address(q_redis):
    other_database = TEST_REDIS_URL.rsplit("/", 1)[0] + "/13"

    assert shared_redis_client(TEST_REDIS_URL) is shared_redis_client(TEST_REDIS_URL)
    assert shared_redis_client(other_database) is not shared_redis_client(TEST_REDIS_URL)


def _settings_q_cluster(monkeypatch, tmp_path, redis_url: str | None) -> dict:
    """`Q_CLUSTER` as config/settings.py builds it with this REDIS_URL (the module run afresh)."""
    import runpy
    from pathlib import Path

    import config

    if redis_url is None:
        monkeypatch.delenv("REDIS_URL", raising=False)
    else:
        monkeypatch.setenv("REDIS_URL", redis_url)
    monkeypatch.setenv("CASEFILE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("CASEFILE_SECRET_KEY", "test-only")
    return runpy.run_path(str(Path(config.__file__).parent / "settings.py"))["Q_CLUSTER"]


def test_the_pooled_broker_is_selected_with_redis_and_the_orm_without(monkeypatch, tmp_path):
    with_redis = _settings_q_cluster(monkeypatch, tmp_path, TEST_REDIS_URL)
    without = _settings_q_cluster(monkeypatch, tmp_path, None)

    assert with_redis["broker_class"] == "config.taskqueue.PooledRedisBroker"
    assert with_redis["redis"] == TEST_REDIS_URL
    assert "broker_class" not in without
    assert without["orm"] == "default"
