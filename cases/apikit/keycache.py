"""A brief per-process cache of API keys, so a request need not read its key from the database.

Each web process keeps, for `CASEFILE_API_KEY_CACHE_SECONDS` (5 with Redis, off without: see
below), the columns of a key it found and of its workspace, and builds fresh model instances
from them for each request (no object is shared between requests or threads). Unknown and
revoked keys are never cached: a new key works at once.

Revoking, deleting or changing a key or its workspace takes effect at once in every process:
`api_key_cache_invalidate()` (called by `cases.services.api_key_revoke` and, through the signal
receivers below, by every save or delete of an `ApiKey` or a `Workspace`, cascades included)
writes a new version token to the shared cache once the transaction commits. Each request reads
that token (one Redis `GET`) before it trusts an entry, and an entry made under another token
is read again from the database. The token is read before the database, so a lookup that races
a revocation is stored under the old token and discarded by the next request. A token lost
from the cache (Redis restarted, evicted) is replaced by a new one, which discards every entry.

The token must be shared by every process that serves or changes keys, so the cache is only on
when the cache backend is Redis (`REDIS_URL`); with the per-process memory cache of the embedded
setup it is off by default. A revocation by raw SQL or `QuerySet.update()` outside
`api_key_revoke` is not seen before the entry expires.

When the cache does not answer (Redis down or unreachable: `cachedown`), a request reads its
key from the database and stores nothing, and the process drops every entry it held; a key
created, changed or revoked meanwhile commits as usual (the token write is logged and
skipped). A process that served no request during a short outage may trust an entry made
before it until that entry expires (`CASEFILE_API_KEY_CACHE_SECONDS`).
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from cases.apikit.cachedown import CACHE_ERRORS, cache_down
from cases.models import ApiKey, Workspace

VERSION_KEY = "api-keys:version"
_KEY_FIELDS = tuple(field.attname for field in ApiKey._meta.concrete_fields)
_WORKSPACE_FIELDS = tuple(field.attname for field in Workspace._meta.concrete_fields)
MAX_ENTRIES = 10_000


@dataclass
class _Entry:
    version: str
    expires: float
    key_values: tuple[Any, ...]
    workspace_values: tuple[Any, ...]

    def build(self) -> ApiKey:
        api_key = ApiKey.from_db(ApiKey.objects.db, _KEY_FIELDS, self.key_values)
        api_key.workspace = Workspace.from_db(
            Workspace.objects.db, _WORKSPACE_FIELDS, self.workspace_values
        )
        return api_key


_entries: dict[str, _Entry] = {}
_lock = threading.Lock()


def api_key_find(key_hash: str, lookup: Callable[[str], ApiKey | None]) -> ApiKey | None:
    """The active key with this hash (its workspace loaded): from this process's cache while
    its entry is fresh and the shared version token unchanged, else from `lookup`."""
    seconds = settings.API_KEY_CACHE_SECONDS
    if seconds <= 0:
        return lookup(key_hash)
    try:
        version = _current_version()
    except CACHE_ERRORS as error:
        # Without the token a revocation may have gone unseen: trust nothing held here
        # (dropped, so nothing from before the outage is trusted after it either).
        cache_down("API keys are read from the database", error)
        with _lock:
            _entries.clear()
        return lookup(key_hash)
    entry = _entries.get(key_hash)
    now = time.monotonic()
    if entry is not None and entry.version == version and entry.expires > now:
        return entry.build()
    api_key = lookup(key_hash)
    if api_key is None:
        _entries.pop(key_hash, None)
        return None
    key_values = tuple(getattr(api_key, name) for name in _KEY_FIELDS)
    workspace_values = tuple(getattr(api_key.workspace, name) for name in _WORKSPACE_FIELDS)
    with _lock:
        if len(_entries) >= MAX_ENTRIES:
            _entries.clear()
        _entries[key_hash] = _Entry(version, now + seconds, key_values, workspace_values)
    return api_key


def api_key_used(key_hash: str, when: datetime) -> None:
    """Note the key's new `last_used_at` in its entry, so the once-a-minute write stays so."""
    entry = _entries.get(key_hash)
    if entry is not None:
        index = _KEY_FIELDS.index("last_used_at")
        values = list(entry.key_values)
        values[index] = when
        entry.key_values = tuple(values)


def api_key_cache_invalidate() -> None:
    """Discard every process's cached keys once the current transaction commits.

    `robust`: with the cache down the change still commits and its request answers normally
    (the failed write is logged); this process has dropped its entries, and the others trust
    none of theirs while they cannot read the token (`api_key_find`)."""
    transaction.on_commit(_new_version, robust=True)


def _new_version() -> None:
    with _lock:
        _entries.clear()  # first: this process must not trust them even if the write fails
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def _current_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    return str(version)


@receiver(post_save, sender=ApiKey, dispatch_uid="api_key_cache_key_saved")
@receiver(post_delete, sender=ApiKey, dispatch_uid="api_key_cache_key_deleted")
@receiver(post_save, sender=Workspace, dispatch_uid="api_key_cache_workspace_saved")
@receiver(post_delete, sender=Workspace, dispatch_uid="api_key_cache_workspace_deleted")
def _changed(**kwargs: object) -> None:
    api_key_cache_invalidate()
