"""The realtime sub-app's periodic task (found by `manage.py setup_schedules`; the name starts
with the app's label): the status-event log is pruned past `REALTIME_EVENT_RETENTION_HOURS`."""

from __future__ import annotations

SCHEDULES: dict[str, tuple[str, int]] = {
    "realtime-status-events-prune": ("extraction.realtime.tasks.status_events_prune", 60),
}
