"""Classification: pick the schema (case type) that best fits a document among candidates.

Called by `run_engine` when a filter names several case types. Each schema is scored by its
keywords found in the document (whole words, accents ignored) and by the share of its fields
whose labels are found with a parsable value nearby. The classification confidence reflects the
margin between the best and the runner-up. Pure: lines in, (schema, confidence) out.
"""

from __future__ import annotations

import re

from extraction.engine.fields import DocumentContext, field_candidates
from extraction.engine.labels import compact, find_label_hits
from extraction.engine.types import FieldType, Schema


def keyword_score(context: DocumentContext, schema: Schema) -> float:
    """Share of the schema's keywords printed in the document (0-1)."""
    if not schema.keywords:
        return 0.0
    text = " " + " ".join(compact(word) for word in re.split(r"\s+", context.text)) + " "
    squashed = text.replace(" ", "")
    found = 0
    for keyword in schema.keywords:
        form = compact(keyword)
        if not form:
            continue
        if (" " in keyword.strip() and form in squashed) or f" {form} " in text:
            found += 1
    return found / len(schema.keywords)


def field_score(context: DocumentContext, schema: Schema) -> float:
    """Share of the schema's non-table fields with a labelled, parsable value."""
    specs = tuple(spec for spec in schema.fields if spec.type != FieldType.TABLE)
    if not specs:
        return 0.0
    hits = find_label_hits(list(context.lines), specs)
    label_tokens = {id(hit.line.tokens[hit.start]) for hit in hits}
    found = 0
    for spec in specs:
        candidates = field_candidates(context, spec, hits, label_tokens)
        if any(c.evidence.position in ("inline", "right", "below") for c in candidates):
            found += 1
    return found / len(specs)


def schema_score(context: DocumentContext, schema: Schema) -> float:
    return 0.4 * min(1.0, 2.5 * keyword_score(context, schema)) + 0.6 * field_score(context, schema)


def classify(context: DocumentContext, schemas: tuple[Schema, ...]) -> tuple[Schema, int]:
    """The best schema and a 0-100 confidence; a single schema is taken with confidence 100."""
    if len(schemas) == 1:
        return schemas[0], 100
    scored = sorted(((schema_score(context, s), s) for s in schemas), key=lambda item: -item[0])
    best_score, best = scored[0]
    runner_up = scored[1][0]
    if best_score <= 0:
        return best, 0
    margin = (best_score - runner_up) / best_score
    strength = min(1.0, best_score / 0.5)
    return best, round(100 * strength * (0.5 + 0.5 * margin))
