"""Learning's background work: lessons from approved documents (queued by each approval) and
the scheduled refit of per-workspace confidence maps."""

from __future__ import annotations

import logging

from cases.models import Document
from extraction.learning.services import calibrations_refit_all, document_learn

logger = logging.getLogger(__name__)


def learning_document_learn(document_id: int) -> int:
    """Teach memory from one approved document (django-q2 task queued by the approval); how
    many verdicts it made. A document deleted before its turn teaches nothing; any other
    failure is logged with its traceback and recorded as the task's failure."""
    try:
        return len(document_learn(document_id=document_id))
    except Document.DoesNotExist:
        logger.info("Reviewed document %s was deleted before it was learned from.", document_id)
        return 0
    except Exception:
        logger.exception("Learning from reviewed document %s failed.", document_id)
        raise


def learning_recalibrate() -> int:
    """Refit every case type's confidence map from its verdicts (django-q2 schedule)."""
    return calibrations_refit_all()
