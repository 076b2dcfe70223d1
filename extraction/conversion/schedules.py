"""The conversion sub-app's periodic task, by schedule name (see `extraction/schedules.py` and
`manage.py setup_schedules`; a name starts with the app's label)."""

from __future__ import annotations

SCHEDULES: dict[str, tuple[str, int]] = {
    # Conversion jobs whose worker died or whose queue message was lost (seed 004).
    "conversion-jobs-recover": ("extraction.conversion.tasks.conversion_jobs_recover", 1),
}
