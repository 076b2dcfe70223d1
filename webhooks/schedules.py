"""webhooks' periodic tasks, by schedule name: which task runs, every how many minutes.

Registered in django-q2 by `manage.py setup_schedules` (run on each deploy), which creates,
updates and removes schedules to match this table; a name starts with the app's label.
"""

from __future__ import annotations

SCHEDULES: dict[str, tuple[str, int]] = {
    # Every delivery whose next attempt is due, including ones whose enqueue was lost (SPEC §6):
    # the safety net behind `manage.py webhooks_dispatcher`, which sends retries on time.
    "webhooks-deliveries-dispatch": ("webhooks.tasks.webhook_deliveries_dispatch", 1),
}
