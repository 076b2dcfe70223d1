"""Learning's periodic tasks, by schedule name (found by `manage.py setup_schedules`; a name
starts with the app's label)."""

from __future__ import annotations

SCHEDULES: dict[str, tuple[str, int]] = {
    # Per workspace and case type, confidence refitted from reviewers' verdicts (SPEC §9).
    "learning-recalibrate": ("extraction.learning.tasks.learning_recalibrate", 60),
}
