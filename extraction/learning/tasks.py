"""Learning's background work: the scheduled refit of per-workspace confidence maps."""

from __future__ import annotations

from extraction.learning.services import calibrations_refit_all


def learning_recalibrate() -> int:
    """Refit every case type's confidence map from its verdicts (django-q2 schedule)."""
    return calibrations_refit_all()
