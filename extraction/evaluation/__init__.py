"""Measuring the engine on labelled corpora: `manage.py evaluate`, `make bench`, calibration.

Lives outside `extraction/engine/` on purpose: the engine is what is measured and never imports
this package; this package imports the engine. It needs no database or Django settings, so the
bench tools use it as a library. Modules: `corpus` (folders, truth files, sources), `compare`
(the strict comparison and table cells), `report` (running, scoring, reliability, text and JSON).
"""

from extraction.evaluation.compare import values_match
from extraction.evaluation.corpus import CorpusError, CorpusItem, load_corpus, load_sources
from extraction.evaluation.report import (
    THRESHOLDS,
    DocumentOutcome,
    FieldOutcome,
    Report,
    evaluate_item,
    evaluate_items,
    format_report,
    reliability,
)

__all__ = [
    "THRESHOLDS",
    "CorpusError",
    "CorpusItem",
    "DocumentOutcome",
    "FieldOutcome",
    "Report",
    "evaluate_item",
    "evaluate_items",
    "format_report",
    "load_corpus",
    "load_sources",
    "reliability",
    "values_match",
]
