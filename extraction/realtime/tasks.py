"""django-q2 entry point of the realtime sub-app."""

from __future__ import annotations

from extraction.realtime import recording


def status_events_prune() -> int:
    return recording.status_events_prune()
