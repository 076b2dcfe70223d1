"""A simulated reviewer for `manage.py evaluate --learn`: a held document's truth applied
through the same services a person's decisions go through (`review.services`).

Each field with a truth is approved when the machine read it right and corrected to the truth
otherwise, flagged or not (a reviewer sees the whole document); a flagged field without a truth
(a table, a key the corpus does not label) is approved as read; then the document is approved,
which commits and so teaches layout memory (`extraction.learning`).
"""

from __future__ import annotations

from collections.abc import Mapping

from cases.actors import Actor
from cases.errors import DomainError
from cases.models import Document
from extraction.engine.types import FieldType
from extraction.evaluation.compare import values_match
from extraction.models import DocumentField
from review import services


def truth_review(*, document: Document, expected: Mapping[str, object], actor: Actor) -> int:
    """Review a held document to its truth and approve it; returns how many fields were
    corrected."""
    corrected = 0
    for field in DocumentField.objects.filter(document=document).order_by("position"):
        if field.key not in expected or field.field_type == FieldType.TABLE:
            if field.flagged and not field.reviewed:
                services.field_approve(document=document, key=field.key, actor=actor)
            continue
        truth = expected[field.key]
        if values_match(field.field_type, truth, field.value):
            services.field_approve(document=document, key=field.key, actor=actor)
            continue
        try:
            services.field_correct(document=document, key=field.key, value=truth, actor=actor)
            corrected += 1
        except DomainError:
            # A truth the field's type cannot hold (none for a required field): keep the read.
            services.field_approve(document=document, key=field.key, actor=actor)
    services.document_approve(document=document, actor=actor)
    return corrected
