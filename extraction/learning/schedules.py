"""Learning's periodic tasks, merged into `extraction.schedules` (a sub-app is not found by
`setup_schedules`, which reads the project's top-level apps; names start with `extraction-`)."""

from __future__ import annotations

SCHEDULES: dict[str, tuple[str, int]] = {
    # Per workspace and case type, confidence refitted from reviewers' verdicts (SPEC §9).
    "extraction-learning-recalibrate": ("extraction.learning.tasks.learning_recalibrate", 60),
}
