"""Liveness and readiness probes for load balancers and orchestrators.

`/healthz` answers as long as the process serves requests (it touches nothing else), so a
restart is only triggered by a stuck process. `/readyz` checks what a request needs: the
database, the cache, the task broker (every queue the clusters read) and the file storage; it
answers 503 while any is down, so traffic goes elsewhere until it recovers. Both are JSON and
need no key; failures name the check and the kind of error, never hosts or credentials (those
go to the log).
"""

from __future__ import annotations

import logging
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connections
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def _database() -> None:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _cache() -> None:
    key = f"readyz:{os.getpid()}"
    value = str(time.monotonic_ns())
    cache.set(key, value, timeout=10)
    if cache.get(key) != value:
        raise RuntimeError("the cache did not return what was stored")


def queue_names() -> list[str]:
    """The broker queues of every cluster: the default one and any alternative clusters."""
    conf = settings.Q_CLUSTER
    return [conf.get("cluster_name", conf["name"]), *conf.get("ALT_CLUSTERS", {})]


def _broker() -> None:
    from django_q.brokers import get_broker

    for name in queue_names():
        broker = get_broker(list_key=name)
        if not broker.ping():
            raise RuntimeError(f"the broker of queue {name} does not answer")
        broker.queue_size()


def _storage() -> None:
    if isinstance(default_storage, FileSystemStorage):
        root = Path(default_storage.location)
        root.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=root, prefix=".readyz-"):
            return  # a file can be created (and is gone again)
    default_storage.exists("readyz-probe")  # a round trip to the object store


CHECKS: dict[str, Callable[[], None]] = {
    "database": _database,
    "cache": _cache,
    "broker": _broker,
    "storage": _storage,
}


def readiness() -> tuple[bool, dict[str, dict[str, object]]]:
    results: dict[str, dict[str, object]] = {}
    for name, check in CHECKS.items():
        started = time.perf_counter()
        try:
            check()
        except Exception as exc:
            logger.warning("Readiness check %s failed: %s", name, exc, exc_info=True)
            results[name] = {"ok": False, "error": type(exc).__name__}
        else:
            results[name] = {"ok": True}
        results[name]["ms"] = round((time.perf_counter() - started) * 1000, 1)
    return all(result["ok"] for result in results.values()), results


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


@never_cache
@require_safe
def readyz(request: HttpRequest) -> JsonResponse:
    ready, checks = readiness()
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", "checks": checks},
        status=200 if ready else 503,
    )
