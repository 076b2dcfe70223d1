"""`evaluate --learn`: replaying a corpus as a reviewer would, to measure what memory learns.

Unlike the rest of this package it needs the database: documents go, in order, through the
real path (a job submitted with `templateName` and `documentReview` T, the worker's pipeline with
layout memory and the gate) in a throwaway workspace; a held document is then reviewed to its
truth by `reviewer` (the review app's `review.replay.truth_review`, named by the setting
`LEARNING_REPLAY_REVIEWER`: the review app sits above extraction, so this package takes it as a
callable rather than importing it), whose approval teaches memory. A released document is not
reviewed: what it released is scored, but nothing is learned from it.

Every document belongs to a true layout group read from its truth file (`"layout"`, else
`"merchant_slug"`, else the source and the labelled issuer: a purchase order's `merchant`, an
invoice's `vendor_name`); a document is *repeat* when an
earlier document of its group was reviewed, *first-seen* otherwise. Reported for each part:
field accuracy, share of fields released at T (confidence >= T and not held by the gate for
another reason), share of those right, and how many repeat documents the engine matched to a
remembered layout. The workspace is deleted at the end (its memory with it).
"""

from __future__ import annotations

import contextlib
import json
import logging
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from cases.actors import Actor
from cases.casetype_files import DEMO_CASE_TYPE_DIR, case_type_definition_load, case_type_import
from cases.models import Document, Workspace
from cases.services import IncomingFile, workspace_get_or_create
from extraction.engine.loading import sniff_media_type
from extraction.engine.types import FieldType
from extraction.evaluation.compare import values_match
from extraction.evaluation.corpus import CorpusItem
from extraction.learning.models import DocumentLayout
from extraction.learning.services import learning_inline
from extraction.models import DocumentField
from extraction.pipeline import extraction_job_run
from extraction.submission import JobOptions, JobRequest, job_submit

logger = logging.getLogger(__name__)

Reviewer = Callable[..., int]
Progress = Callable[[int, int, CorpusItem], None]


@dataclass(frozen=True)
class LearnField:
    key: str
    correct: bool
    confidence: int
    released: bool
    from_memory: bool


@dataclass(frozen=True)
class LearnDocument:
    name: str
    source: str
    group: str
    repeat: bool
    matched: bool
    held: bool
    reviewed: bool
    fields: tuple[LearnField, ...]
    error: str = ""


@dataclass
class LearnReport:
    threshold: int
    documents: list[LearnDocument] = field(default_factory=list)

    def part(self, *, repeat: bool, source: str | None = None) -> dict[str, Any]:
        docs = [
            d
            for d in self.documents
            if d.repeat == repeat and not d.error and (source is None or d.source == source)
        ]
        fields = [f for d in docs for f in d.fields]
        released = [f for f in fields if f.released]
        return {
            "documents": len(docs),
            "fields": len(fields),
            "accuracy": _share(sum(f.correct for f in fields), len(fields)),
            "released": len(released),
            "released_share": _share(len(released), len(fields)),
            "released_accuracy": _share(sum(f.correct for f in released), len(released)),
            "from_memory": sum(f.from_memory for f in fields),
            "matched_layout": sum(d.matched for d in docs),
            "held": sum(d.held for d in docs),
        }

    def as_dict(self) -> dict[str, Any]:
        sources = sorted({d.source for d in self.documents})
        return {
            "threshold": self.threshold,
            "first_seen": self.part(repeat=False),
            "repeat": self.part(repeat=True),
            "sources": {
                source: {
                    "first_seen": self.part(repeat=False, source=source),
                    "repeat": self.part(repeat=True, source=source),
                }
                for source in sources
            },
            "errors": [{"name": d.name, "error": d.error} for d in self.documents if d.error],
            "documents": [
                {
                    "name": d.name,
                    "source": d.source,
                    "group": d.group,
                    "repeat": d.repeat,
                    "matched": d.matched,
                    "held": d.held,
                    "fields": {
                        f.key: {
                            "correct": f.correct,
                            "confidence": f.confidence,
                            "released": f.released,
                            "memory": f.from_memory,
                        }
                        for f in d.fields
                    },
                }
                for d in self.documents
            ],
        }


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


ISSUER_KEYS = ("merchant", "vendor_name")
"""Truth fields naming who printed the document: a purchase order's `merchant` (the ordering
company whose form it is; its `vendor_name` is the party it is sent to), an invoice's
`vendor_name`."""


def layout_group(item: CorpusItem) -> str:
    """The document's true layout: its truth's `layout` or `merchant_slug`, else the source
    with the labelled issuer (`ISSUER_KEYS`), else the document alone."""
    truth: dict[str, Any] = {}
    with contextlib.suppress(OSError, ValueError):
        truth = json.loads(item.path.with_suffix(".json").read_text(encoding="utf-8"))
    for key in ("layout", "merchant_slug"):
        if truth.get(key):
            return f"{item.source}:{truth[key]}"
    issuer = next((item.expected[key] for key in ISSUER_KEYS if item.expected.get(key)), None)
    if issuer:
        return f"{item.source}:vendor:{' '.join(str(issuer).split()).casefold()}"
    return f"{item.source}:{item.name}"


def evaluate_learning(
    items: list[CorpusItem],
    *,
    reviewer: Reviewer,
    actor: Actor,
    threshold: int = 90,
    progress: Progress | None = None,
    keep_workspace: bool = False,
) -> LearnReport:
    """Replay `items` in order through the pipeline and `reviewer` (see the module doc)."""
    workspace, _ = workspace_get_or_create(
        slug=f"evaluate-learn-{uuid.uuid4().hex[:10]}", name="evaluate --learn"
    )
    report = LearnReport(threshold)
    try:
        for path in sorted(DEMO_CASE_TYPE_DIR.glob("*.yaml")):
            case_type_import(workspace=workspace, definition=case_type_definition_load(path))
        reviewed_groups: set[str] = set()
        for position, item in enumerate(items, start=1):
            if progress is not None:
                progress(position, len(items), item)
            group = layout_group(item)
            outcome = _replay_one(
                workspace, item, group, group in reviewed_groups, reviewer, actor, threshold
            )
            report.documents.append(outcome)
            if outcome.reviewed:
                reviewed_groups.add(group)
    finally:
        if not keep_workspace:
            try:
                _workspace_delete(workspace)
            except Exception:  # the measurements stand; say what is left behind
                logger.exception("evaluate --learn: workspace %s was not deleted.", workspace.slug)
    return report


def _replay_one(
    workspace: Workspace,
    item: CorpusItem,
    group: str,
    repeat: bool,
    reviewer: Reviewer,
    actor: Actor,
    threshold: int,
) -> LearnDocument:
    content = item.path.read_bytes()
    request = JobRequest(
        file=IncomingFile(
            filename=item.path.name, content=content, media_type=sniff_media_type(content)
        ),
        options=JobOptions(templateName=item.case_type, documentReview=threshold),
    )
    job, _ = job_submit(workspace=workspace, actor=actor, request=request)
    job = extraction_job_run(job_id=str(job.pk)) or job
    job.refresh_from_db()
    document = job.documents.order_by("created_at", "id").first()
    if document is None or job.error_code:
        return LearnDocument(
            item.name, item.source, group, repeat, False, False, False, (), job.error_code or "?"
        )
    record = DocumentLayout.objects.filter(document=document).first()
    from_memory = set(record.from_memory) if record else set()
    matched = bool(record and record.layout_id)
    held = document.status == Document.Status.REVIEW_REQUIRED
    fields = tuple(
        _scored(f, item.expected, from_memory)
        for f in DocumentField.objects.filter(document=document).order_by("position")
        if f.key in item.expected and f.field_type != FieldType.TABLE
    )
    reviewed = False
    if held:
        with learning_inline():  # the next document must see what this review teaches
            reviewer(document=document, expected=item.expected, actor=actor)
        reviewed = True
    return LearnDocument(item.name, item.source, group, repeat, matched, held, reviewed, fields)


def _scored(f: DocumentField, expected: Mapping[str, object], from_memory: set[str]) -> LearnField:
    return LearnField(
        key=f.key,
        correct=values_match(f.field_type, expected[f.key], f.machine_value),
        confidence=f.machine_confidence,
        released=not f.flagged and f.machine_value is not None,
        from_memory=f.key in from_memory,
    )


def _workspace_delete(workspace: Workspace) -> None:
    """Delete the throwaway workspace and everything in it (cases, files, memory)."""
    from cases.models import Case, StoredFile
    from extraction.models import ExtractionJob

    ExtractionJob.objects.filter(workspace=workspace).delete()
    Document.objects.filter(workspace=workspace).delete()
    for stored in StoredFile.objects.filter(workspace=workspace):
        stored.blob.delete(save=False)
    StoredFile.objects.filter(workspace=workspace).delete()
    Case.objects.filter(workspace=workspace).delete()
    workspace.delete()


def format_learning(report: LearnReport) -> str:
    """The report as text: first-seen and repeat layouts, over all and per source."""
    t = report.threshold
    lines = [
        f"Layout memory, simulated reviewer (T={t}). A document is 'repeat' once an earlier "
        "document of its layout was reviewed.",
        "",
        f"{'source':28} {'part':10} {'docs':>5} {'fields':>6} {'accuracy':>9} "
        f"{'released':>9} {'right':>7} {'matched':>8} {'memory':>7}",
    ]

    def row(name: str, part_name: str, part: dict[str, Any]) -> str:
        def pct(value: float | None) -> str:
            return "-" if value is None else f"{100 * value:.1f}%"

        return (
            f"{name[:28]:28} {part_name:10} {part['documents']:5d} {part['fields']:6d} "
            f"{pct(part['accuracy']):>9} {pct(part['released_share']):>9} "
            f"{pct(part['released_accuracy']):>7} {part['matched_layout']:8d} "
            f"{part['from_memory']:7d}"
        )

    data = report.as_dict()
    for source, parts in data["sources"].items():
        for part_name in ("first_seen", "repeat"):
            if parts[part_name]["documents"]:
                lines.append(row(source, part_name, parts[part_name]))
    lines.append("")
    lines.append(row("ALL", "first_seen", data["first_seen"]))
    lines.append(row("ALL", "repeat", data["repeat"]))
    for error in data["errors"]:
        lines.append(f"error: {error['name']}: {error['error']}")
    return "\n".join(lines) + "\n"
