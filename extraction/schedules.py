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
}
