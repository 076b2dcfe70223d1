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
invoice's `vendor_name`). A document is *repeat* when an earlier document of its layout was
reviewed, *first-seen* otherwise. A truth `"layout"` (or a receipt's `"merchant_slug"`) names
the layout itself; a group read from the issuer's name only says who printed the document, and
one issuer may print several designs (the ZUGFeRD examples reuse seller names and a demo VAT id
on unrelated pages), so there the earlier document must also have the same design: its layout
signature (the engine's own fingerprint of static words and their places, `memory.similarity`)
at least `SAME_DESIGN` like this one's. A document of a known issuer in a new design counts as
first-seen and is counted apart (`new_design`). The design test compares the two documents
themselves, not what memory matched, and its bar is fixed here, apart from the engine's
matching thresholds: a repeat the engine fails to match stays a repeat, and tuning the matcher
cannot move documents between the parts.

Reported for each part: field accuracy, share of fields released at T (confidence >= T and not
held by the gate for another reason), share of those right, and how many documents the engine
matched to a remembered layout (on first-seen documents: matches to another layout). The
workspace is deleted at the end (its memory with it).
"""

from __future__ import annotations

import contextlib
import json
import logging
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from cases.actors import Actor
from cases.casetype_files import DEMO_CASE_TYPE_DIR, case_type_definition_load, case_type_import
from cases.models import Document, Workspace
from cases.services import IncomingFile, workspace_get_or_create
from extraction.engine import memory
from extraction.engine.loading import sniff_media_type
from extraction.engine.types import FieldType
from extraction.evaluation.compare import values_match
from extraction.evaluation.corpus import CorpusItem
from extraction.learning.models import DocumentLayout
from extraction.learning.services import document_anchors, learning_inline
from extraction.models import DocumentField
from extraction.pipeline import extraction_job_run
from extraction.submission import JobOptions, JobRequest, job_submit

logger = logging.getLogger(__name__)

Reviewer = Callable[..., int]
Progress = Callable[[int, int, CorpusItem], None]


SAME_DESIGN = 0.5
"""Signature similarity from which two documents of one issuer count as one layout: the bar
the engine has always needed to match a layout on its signature alone (on the shared corpora
the pages of one design score 0.57-0.99 against each other, languages of one design included;
different designs sharing a seller or a demo VAT id at most 0.42)."""

Fingerprint = tuple[tuple[str, ...], tuple[memory.Anchor, ...]]


@dataclass(frozen=True)
class LearnField:
    key: str
    correct: bool
    confidence: int
    released: bool
    from_memory: bool
    value: object = None
    expected: object = None


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
    similarity: float = 0.0
    """The engine's signature similarity to the layout it matched (0 without a match)."""
    design: float | None = None
    """The best signature similarity to an earlier reviewed document of its group, where the
    group does not name its layout (`SAME_DESIGN`)."""
    new_design: bool = False
    """A known issuer in a design not reviewed before: counted first-seen."""


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
            "new_design": sum(d.new_design for d in docs),
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
                    "similarity": d.similarity,
                    "design": d.design,
                    "new_design": d.new_design,
                    "held": d.held,
                    "fields": {
                        f.key: {
                            "correct": f.correct,
                            "confidence": f.confidence,
                            "released": f.released,
                            "memory": f.from_memory,
                            "value": f.value,
                            "expected": f.expected,
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


def _truth(item: CorpusItem) -> dict[str, Any]:
    truth: dict[str, Any] = {}
    with contextlib.suppress(OSError, ValueError):
        truth = json.loads(item.path.with_suffix(".json").read_text(encoding="utf-8"))
    return truth


def layout_named(item: CorpusItem) -> bool:
    """Whether the truth names the document's layout (`"layout"`, or the `"merchant_slug"` of
    a till receipt: one chain's till prints one layout), rather than only its issuer's name.
    The design test is kept to groups of issuer names: a photographed receipt's OCR may blur
    its signature, and a repeat the engine cannot see must not leave the repeat part."""
    truth = _truth(item)
    return bool(truth.get("layout") or truth.get("merchant_slug"))


def layout_group(item: CorpusItem) -> str:
    """The document's true layout group: its truth's `layout` or `merchant_slug`, else the
    source with the labelled issuer (`ISSUER_KEYS`), else the document alone."""
    truth = _truth(item)
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
        reviewed: dict[str, list[Fingerprint | None]] = {}
        for position, item in enumerate(items, start=1):
            if progress is not None:
                progress(position, len(items), item)
            group = layout_group(item)
            outcome, seen = _replay_one(workspace, item, group, reviewer, actor, threshold)
            outcome = classify_repeat(outcome, seen, reviewed.get(group, []), layout_named(item))
            report.documents.append(outcome)
            if outcome.reviewed:
                reviewed.setdefault(group, []).append(seen)
    finally:
        if not keep_workspace:
            try:
                _workspace_delete(workspace)
            except Exception:  # the measurements stand; say what is left behind
                logger.exception("evaluate --learn: workspace %s was not deleted.", workspace.slug)
    return report


def classify_repeat(
    outcome: LearnDocument,
    seen: Fingerprint | None,
    earlier: Sequence[Fingerprint | None],
    named: bool,
) -> LearnDocument:
    """The outcome marked repeat or first-seen (see the module doc)."""
    if not earlier:
        return outcome
    if named or seen is None or any(other is None for other in earlier):
        return replace(outcome, repeat=True)
    design = max(
        memory.similarity(seen[0], other[0], seen[1], other[1])
        for other in earlier
        if other is not None
    )
    same = design >= SAME_DESIGN
    return replace(outcome, repeat=same, design=round(design, 4), new_design=not same)


def _replay_one(
    workspace: Workspace,
    item: CorpusItem,
    group: str,
    reviewer: Reviewer,
    actor: Actor,
    threshold: int,
) -> tuple[LearnDocument, Fingerprint | None]:
    """The document run and, if held, reviewed; `repeat` is decided by the caller. With it,
    its fingerprint (signature and anchors) as the engine saw it."""
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
        failed = LearnDocument(
            item.name, item.source, group, False, False, False, False, (), job.error_code or "?"
        )
        return failed, None
    record = DocumentLayout.objects.filter(document=document).first()
    from_memory = set(record.from_memory) if record else set()
    matched = bool(record and record.layout_id)
    seen = (tuple(record.signature), document_anchors(record)) if record else None
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
    outcome = LearnDocument(
        item.name,
        item.source,
        group,
        False,
        matched,
        held,
        reviewed,
        fields,
        similarity=record.similarity if record and matched else 0.0,
    )
    return outcome, seen


def _scored(f: DocumentField, expected: Mapping[str, object], from_memory: set[str]) -> LearnField:
    return LearnField(
        key=f.key,
        correct=values_match(f.field_type, expected[f.key], f.machine_value),
        confidence=f.machine_confidence,
        released=not f.flagged and f.machine_value is not None,
        from_memory=f.key in from_memory,
        value=f.machine_value,
        expected=expected[f.key],
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
    renamed = data["first_seen"]["new_design"]
    if renamed:
        lines.append(
            f"{renamed} first-seen document(s) of a known issuer in a new design (signature "
            f"similarity to the issuer's reviewed documents below {SAME_DESIGN})."
        )
    for error in data["errors"]:
        lines.append(f"error: {error['name']}: {error['error']}")
    return "\n".join(lines) + "\n"
