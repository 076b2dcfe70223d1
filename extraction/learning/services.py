"""Learning from reviewers: what the pipeline hands the engine, and what a review teaches.

- `memory_for`: the remembered layouts of the case types a job may use, as the engine's plain
  data (`RememberedLayout`), scoped to the job's workspace.
- `document_result_recalibrate`: a document's field confidences through its workspace's refitted
  map (`CalibrationFit`), when one exists; memory's own confidences are left alone.
- `document_layout_record`: what the engine saw of a stored document, kept until it is reviewed.
- `document_learn`: after a reviewer approves a document, every field becomes a `Verdict`,
  remembered positions are scored (right or wrong), and the value's place is remembered for the
  layout. The review app calls `document_learn_on_commit` once the approval is committed,
  which queues it as a django-q task (`tasks.learning_document_learn`) and never raises.
- `layout_reset`, `calibration_refit`, `calibrations_refit_all` (the scheduled task's work).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from cases.actors import Actor
from cases.errors import NotFound
from cases.models import CaseType, Document
from extraction.engine import memory
from extraction.engine.fields import build_context, context_for_schema
from extraction.engine.layout import document_lines
from extraction.engine.types import (
    DocumentResult,
    EngineResult,
    FieldType,
    PageResult,
    RememberedLayout,
    RememberedPosition,
    Word,
)
from extraction.learning import calibration
from extraction.learning.models import (
    CalibrationFit,
    DocumentLayout,
    Layout,
    LayoutPosition,
    Verdict,
)
from extraction.models import DocumentField
from extraction.schemas import engine_schema_from_case_type

logger = logging.getLogger(__name__)

MAX_POSITIONS_PER_FIELD = 4
"""Competing remembered places of one field on one layout; the least trusted goes first."""


# --- Before and after the engine ----------------------------------------------------------


def memory_for(*, case_types: list[CaseType]) -> tuple[RememberedLayout, ...]:
    """The layouts reviewers taught for these case types (most recently used first)."""
    if not settings.LEARNING_MEMORY or not case_types:
        return ()
    slugs = {case_type.pk: case_type.slug for case_type in case_types}
    layouts = (
        Layout.objects.filter(case_type__in=case_types)
        .prefetch_related("positions")
        .order_by("-updated_at")[: settings.LEARNING_MAX_LAYOUTS]
    )
    return tuple(_remembered(layout, slugs[layout.case_type_id]) for layout in layouts)


def _remembered(layout: Layout, slug: str) -> RememberedLayout:
    return RememberedLayout(
        id=layout.public_id,
        schema_slug=slug,
        issuer=layout.issuer,
        signature=tuple(layout.signature),
        anchors=tuple((str(w), float(x), float(y)) for w, x, y in layout.anchors or ()),
        page_size=(float(layout.page_size[0]), float(layout.page_size[1]))
        if len(layout.page_size or ()) == 2
        else (0.0, 0.0),
        positions=tuple(
            RememberedPosition(
                id=str(position.pk),
                key=position.field_key,
                page=position.page,
                bbox=_box(position.bbox),
                label=position.label,
                offset=(float(position.offset[0]), float(position.offset[1]))
                if position.offset
                else (0.0, 0.0),
                right=position.right,
                wrong=position.wrong,
            )
            for position in layout.positions.all()
        ),
    )


def _box(values: Any) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = (float(v) for v in values)
    return (x0, y0, x1, y1)


def document_result_recalibrate(
    *, case_type: CaseType, document_result: DocumentResult
) -> DocumentResult:
    """The result with each non-table field's confidence mapped through the case type's fit in
    this workspace; unchanged without a fit (the global map stands) and for fields set by
    layout memory (their confidence is their own track record)."""
    fit = CalibrationFit.objects.filter(case_type=case_type).first()
    if fit is None or not fit.knots:
        return document_result
    from_memory = set(document_result.layout.from_memory) if document_result.layout else set()
    fields = tuple(
        field
        if field.rows or field.key in from_memory or field.value is None
        else replace(field, confidence=calibration.apply(fit.knots, field.confidence))
        for field in document_result.fields
    )
    return replace(document_result, fields=fields)


def document_layout_record(
    *,
    document: Document,
    case_type: CaseType,
    document_result: DocumentResult,
    engine_result: EngineResult,
) -> DocumentLayout:
    """Keep what the engine saw of a stored document until a reviewer's verdict arrives:
    its fingerprint and matched layout, what memory read, the engine's confidences and the
    document's words (to find a corrected value's place)."""
    reading = document_result.layout
    layout = None
    if reading is not None and reading.layout_id:
        layout = Layout.objects.filter(case_type=case_type, public_id=reading.layout_id).first()
    pages = {page.number: page for page in engine_result.pages}
    record, _ = DocumentLayout.objects.update_or_create(
        document=document,
        defaults={
            "workspace_id": document.workspace_id,
            "case_type": case_type,
            "layout": layout,
            "similarity": reading.similarity if reading else 0.0,
            "issuer": reading.issuer if reading else "",
            "signature": list(reading.signature) if reading else [],
            "readings": [list(r) for r in reading.readings] if reading else [],
            "from_memory": list(reading.from_memory) if reading else [],
            "engine_confidence": {f.key: f.confidence for f in document_result.fields},
            "pages": [_page_json(pages[n]) for n in document_result.pages if n in pages],
            "learned_at": None,
        },
    )
    return record


def _page_json(page: PageResult) -> dict[str, Any]:
    return {
        "number": page.number,
        "width": page.width,
        "height": page.height,
        "source": page.source,
        "words": [
            [w.text, *(round(v, 2) for v in w.bbox), round(w.confidence, 1), w.direction]
            for w in page.words
        ],
    }


def _pages(record: DocumentLayout) -> list[PageResult]:
    return [
        PageResult(
            number=int(page["number"]),
            width=float(page["width"]),
            height=float(page["height"]),
            text="",
            source=str(page.get("source", "text")),
            words=tuple(
                Word(str(w[0]), (w[1], w[2], w[3], w[4]), float(w[5]), int(w[6]))
                for w in page["words"]
            ),
        )
        for page in record.pages
    ]


def document_anchors(record: DocumentLayout) -> tuple[memory.Anchor, ...]:
    """The anchors of a stored document's first page (its words kept until it is learned;
    none after)."""
    pages = _pages(record)
    return memory.anchors(document_lines(pages), pages)


# --- Learning from a reviewed document ----------------------------------------------------


LEARN_TASK = "extraction.learning.tasks.learning_document_learn"
_learn_inline: ContextVar[bool] = ContextVar("learn_inline", default=False)


@contextmanager
def learning_inline() -> Iterator[None]:
    """Within it, an approval teaches memory in the calling process before it returns: what
    `evaluate --learn` needs (the next document must see what the last review taught)."""
    token = _learn_inline.set(True)
    try:
        yield
    finally:
        _learn_inline.reset(token)


def document_learn_on_commit(*, document_id: int) -> None:
    """What the review app calls once an approval is committed: the learning is queued as a
    django-q task (`LEARN_TASK`), so the approval never waits for it, and never fails a review:
    a broker that is down, like a failing lesson, is logged with its traceback, and the
    document can be learned later (`document_learn` is idempotent)."""
    try:
        if _learn_inline.get():
            document_learn(document_id=document_id)
            return
        from django_q.tasks import async_task

        async_task(LEARN_TASK, document_id, task_name=f"learning-{document_id}")
    except Exception:
        logger.exception("Learning from reviewed document %s failed.", document_id)


@transaction.atomic
def document_learn(*, document_id: int) -> list[Verdict]:
    """Turn an approved document's fields into verdicts and teach its layout. Idempotent: a
    document teaches once."""
    document = Document.objects.select_related("case__case_type").get(pk=document_id)
    case_type = document.case.case_type
    # One learner per case type at a time: two approvals of the same vendor must neither
    # create two layouts for it nor lose an increment of a remembered place's track record.
    CaseType.objects.select_for_update().filter(pk=case_type.pk).exists()
    record = DocumentLayout.objects.select_for_update().filter(document=document).first()
    if record is not None and record.learned_at is not None:
        return []
    if Verdict.objects.filter(document=document).exists():
        return []
    fields = [
        f
        for f in DocumentField.objects.filter(document=document).order_by("position")
        if f.field_type != FieldType.TABLE
    ]
    layout = _layout_for(record, case_type) if record is not None else None
    if layout is not None and record is not None:
        _score_readings(layout, record, fields)
        _teach(layout, record, case_type, fields)
        layout.documents_learned += 1
        layout.save(update_fields=["documents_learned", "updated_at"])
        record.layout = layout
        record.learned_at = timezone.now()
        # Taught: the page's words and the values read are not kept past this point.
        record.pages = []
        record.readings = []
        record.save(update_fields=["layout", "learned_at", "pages", "readings"])
    qa = bool(document.metadata.get("qa_sample"))
    engine = record.engine_confidence if record is not None else {}
    from_memory = set(record.from_memory) if record is not None else set()
    verdicts = [
        Verdict(
            workspace_id=document.workspace_id,
            case_type=case_type,
            document=document,
            layout=layout,
            field_key=f.key,
            engine_confidence=int(engine.get(f.key, f.machine_confidence)),
            confidence=f.machine_confidence,
            correct=memory.same_value(f.field_type, f.machine_value, f.value),
            flagged=f.flagged,
            from_memory=f.key in from_memory,
            qa_sample=qa,
        )
        for f in fields
        if f.machine_value is not None or f.value is not None
    ]
    Verdict.objects.bulk_create(verdicts)
    return verdicts


def _layout_for(record: DocumentLayout, case_type: CaseType) -> Layout | None:
    """The layout the document had (or has now matched, or a new one, framed by this
    document's first page)."""
    if not record.pages:
        return None
    if record.layout is not None:
        return record.layout
    pages = _pages(record)
    page_anchors = document_anchors(record)
    known = list(Layout.objects.filter(case_type=case_type).order_by("-updated_at")[:500])
    remembered = [_remembered(layout, case_type.slug) for layout in known]
    match, _ = memory.match_layout(
        record.issuer, tuple(record.signature), remembered, case_type.slug, page_anchors
    )
    if match is not None:
        return next(layout for layout in known if layout.public_id == match.id)
    return Layout.objects.create(
        workspace_id=record.workspace_id,
        case_type=case_type,
        issuer=record.issuer,
        signature=record.signature,
        anchors=[list(anchor) for anchor in page_anchors],
        page_size=[pages[0].width, pages[0].height] if pages else [],
    )


def _score_readings(layout: Layout, record: DocumentLayout, fields: list[DocumentField]) -> None:
    """Each remembered position that read a value is right or wrong by the reviewed value."""
    final = {f.key: f for f in fields}
    positions = {str(p.pk): p for p in layout.positions.all()}
    for position_id, key, value in record.readings:
        position = positions.get(str(position_id))
        field = final.get(key)
        if position is None or field is None:
            continue
        if memory.same_value(field.field_type, value, field.value):
            position.right += 1
        else:
            position.wrong += 1
            logger.info(
                "Layout %s: the remembered place of %s read %r, the reviewer kept %r.",
                layout.public_id,
                key,
                value,
                field.value,
            )
        position.save(update_fields=["right", "wrong"])


def _teach(
    layout: Layout, record: DocumentLayout, case_type: CaseType, fields: list[DocumentField]
) -> None:
    """Remember where each reviewed value sits, unless a remembered place already read it."""
    read_right = {
        key
        for _, key, value in record.readings
        for f in fields
        if f.key == key and memory.same_value(f.field_type, value, f.value)
    }
    todo = [f for f in fields if f.value not in (None, "") and f.key not in read_right]
    if not todo:
        return
    schema = engine_schema_from_case_type(case_type)
    specs = {spec.key: spec for spec in schema.fields}
    pages = _pages(record)
    lines = document_lines(pages)
    context = context_for_schema(build_context(lines), schema)
    frame = _frame(layout)
    # Places found on this document are kept in the layout's frame (its first document's).
    alignment = memory.align(memory.anchors(lines, pages), frame.anchors) if frame else None
    for field in todo:
        spec = specs.get(field.key)
        if spec is None:
            continue
        unchanged = memory.same_value(field.field_type, field.machine_value, field.value)
        hint = (field.page, _box(field.bbox)) if unchanged and field.page and field.bbox else None
        for place in memory.locate(context, pages, spec, field.value, hint=hint):
            if frame is not None and alignment is not None:
                place = memory.reframe(place, pages[place.page - 1], frame.page_size, alignment)
            LayoutPosition.objects.create(
                layout=layout,
                field_key=field.key,
                page=place.page,
                bbox=list(place.bbox),
                label=place.label,
                offset=list(place.offset),
            )
        _prune(layout, field.key)
    if not layout.name:
        name = next((f.value for f in fields if f.key in ("vendor_name", "issuer_name")), None)
        layout.name = str(name or layout.issuer.split("|")[0] or "")[:200]
        layout.save(update_fields=["name"])


def _frame(layout: Layout) -> RememberedLayout | None:
    """The layout's frame (anchors and page size), None for a layout taught without one."""
    remembered = _remembered(layout, "")
    return remembered if remembered.anchors and remembered.page_size[0] else None


def _prune(layout: Layout, key: str) -> None:
    positions = list(layout.positions.filter(field_key=key))
    if len(positions) <= MAX_POSITIONS_PER_FIELD:
        return
    positions.sort(key=lambda p: (memory.track_score(p.right, p.wrong), -p.pk))
    for position in positions[: len(positions) - MAX_POSITIONS_PER_FIELD]:
        position.delete()


# --- Admin actions and the scheduled refit ------------------------------------------------


@transaction.atomic
def layout_reset(*, case_type: CaseType, layout_id: str, actor: Actor) -> None:
    """Forget one layout: its remembered places and their track record. Verdicts stay (they
    are what happened); documents of the layout are read as new from then on."""
    layout = Layout.objects.filter(case_type=case_type, public_id=layout_id).first()
    if layout is None:
        raise NotFound(f"No layout {layout_id} for this case type.", code="LAYOUT_NOT_FOUND")
    logger.info(
        "Layout %s (%s) of case type %s reset by %s.",
        layout_id,
        layout.name,
        case_type.public_id,
        actor.label,
    )
    layout.delete()


def calibration_refit(*, case_type: CaseType) -> CalibrationFit | None:
    """Refit the case type's confidence map from its workspace's verdicts on fields the engine
    scored itself (not memory's), once `LEARNING_RECALIBRATION_MIN_VERDICTS` exist; below that,
    any old fit is removed and the global map stands."""
    examples = list(
        Verdict.objects.filter(case_type=case_type, from_memory=False, engine_confidence__gt=0)
        .order_by("-created_at")
        .values_list("engine_confidence", "correct")[: settings.LEARNING_RECALIBRATION_WINDOW]
    )
    if len(examples) < settings.LEARNING_RECALIBRATION_MIN_VERDICTS:
        CalibrationFit.objects.filter(case_type=case_type).delete()
        return None
    knots = calibration.fit([(int(score), bool(correct)) for score, correct in examples])
    fit, _ = CalibrationFit.objects.update_or_create(
        case_type=case_type,
        defaults={
            "workspace_id": case_type.workspace_id,
            "knots": [list(k) for k in knots],
            "verdicts": len(examples),
        },
    )
    return fit


def calibrations_refit_all() -> int:
    """Refit every case type with verdicts; returns how many now have their own map."""
    fitted = 0
    ids = (
        Verdict.objects.values_list("case_type", flat=True)
        .annotate(n=Count("id"))
        .order_by("case_type")
    )
    for case_type in CaseType.objects.filter(pk__in=set(ids)):
        fitted += calibration_refit(case_type=case_type) is not None
    return fitted
