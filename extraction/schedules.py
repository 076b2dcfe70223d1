"""extraction's periodic tasks, by schedule name: which task runs, every how many minutes.

Registered in django-q2 by `manage.py setup_schedules` (run on each deploy), which creates,
updates and removes schedules to match this table; a name starts with the app's label.
"""

from __future__ import annotations

SCHEDULES: dict[str, tuple[str, int]] = {
    # Jobs whose worker died (lease expired) or whose queue message was lost (SPEC §3, §8).
    "extraction-jobs-recover": ("extraction.tasks.extraction_jobs_recover", 1),
    # Expired results and files are deleted (SPEC §5, answered with 410 afterwards).
    "extraction-results-expire": ("extraction.tasks.extraction_results_expire", 60),
    # Conversion jobs whose worker died or whose queue message was lost (seed 004).
    "extraction-conversion-jobs-recover": (
        "extraction.conversion.tasks.conversion_jobs_recover",
        1,
    ),
}

# The learning sub-app's schedules (setup_schedules reads top-level apps only).
from extraction.learning.schedules import SCHEDULES as _LEARNING_SCHEDULES  # noqa: E402

SCHEDULES.update(_LEARNING_SCHEDULES)

# The realtime sub-app's (the status-event log is pruned).
from extraction.realtime.schedules import SCHEDULES as _REALTIME_SCHEDULES  # noqa: E402

SCHEDULES.update(_REALTIME_SCHEDULES)
