"""The realtime sub-app's periodic task (merged into `extraction.schedules`, whose label the
name carries): the status-event log is pruned past `REALTIME_EVENT_RETENTION_HOURS`."""

from __future__ import annotations

SCHEDULES: dict[str, tuple[str, int]] = {
    "extraction-status-events-prune": ("extraction.realtime.tasks.status_events_prune", 60),
}
