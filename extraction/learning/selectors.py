"""What Casefile has learned for one case type, as admins read it (page and API).

`learning_summary` gathers, for a workspace's case type:
- automation: per week, documents and fields the gate released without review;
- the estimated error rate among released fields: from QA-sampled documents (clean ones sent
  to review on purpose: an unbiased sample of what is released) and, separately, from fields the
  gate would have released on documents reviewed for other reasons (biased: those documents had
  something doubtful), each with a 95% interval;
- the reliability table from reviewers' verdicts (T -> fields scored >= T, share right);
- the known layouts with their track record, the least trusted first, and whether the
  confidence map is the workspace's own fit or the global one.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from math import sqrt
from typing import Any

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone

from cases.models import CaseType, Document
from extraction.engine import memory
from extraction.gate import DocumentFlag
from extraction.learning.models import CalibrationFit, DocumentLayout, Layout, Verdict

THRESHOLDS = (50, 60, 70, 80, 90, 95)
TRUSTED = 90
"""A layout whose memory would publish below this is reported as losing trust."""


def _interval(part: int, whole: int) -> dict[str, Any]:
    """Share with its 95% Wilson interval; None shares when nothing was seen."""
    if not whole:
        return {"count": 0, "errors": 0, "rate": None, "low": None, "high": None}
    z = 1.96
    p = part / whole
    centre = p + z * z / (2 * whole)
    spread = z * sqrt(p * (1 - p) / whole + z * z / (4 * whole * whole))
    denominator = 1 + z * z / whole
    return {
        "count": whole,
        "errors": part,
        "rate": round(p, 4),
        "low": round(max(0.0, (centre - spread) / denominator), 4),
        "high": round(min(1.0, (centre + spread) / denominator), 4),
    }


def _window_start(weeks: int) -> datetime:
    """The start of the last `weeks` weeks: what the per-week figures and their totals count."""
    return timezone.now() - timedelta(weeks=weeks)


def automation_by_week(*, case_type: CaseType, weeks: int = 12) -> list[dict[str, Any]]:
    """Documents the pipeline stored per week (oldest first), and how many of them and of
    their fields the gate released without review (a document held whole, its case type in
    doubt, released none of its fields; a QA sample's unflagged fields count as released)."""
    since = _window_start(weeks)
    documents = (
        Document.objects.filter(layout__case_type=case_type, layout__created_at__gte=since)
        .annotate(
            field_count=Count("fields"),
            held_count=Count("fields", filter=Q(fields__flagged=True)),
        )
        .values("layout__created_at", "field_count", "held_count", "metadata")
    )
    by_week: dict[str, dict[str, Any]] = {}
    for row in documents:
        year, number, _ = row["layout__created_at"].isocalendar()
        entry = by_week.setdefault(
            f"{year}-W{number:02d}",
            {"documents": 0, "documents_released": 0, "fields": 0, "fields_released": 0},
        )
        metadata = row["metadata"] or {}
        sampled = bool(metadata.get("qa_sample"))
        held_whole = DocumentFlag.CASE_TYPE_UNCERTAIN in metadata  # none of its fields left
        entry["documents"] += 1
        entry["documents_released"] += int(
            row["held_count"] == 0 and not sampled and not held_whole
        )
        entry["fields"] += row["field_count"]
        entry["fields_released"] += 0 if held_whole else row["field_count"] - row["held_count"]
    result = []
    for week in sorted(by_week):
        entry = by_week[week]
        result.append(
            {
                "week": week,
                **entry,
                "document_rate": round(entry["documents_released"] / entry["documents"], 4),
                "field_rate": round(entry["fields_released"] / entry["fields"], 4)
                if entry["fields"]
                else None,
            }
        )
    return result


def released_error(*, case_type: CaseType) -> dict[str, Any]:
    """Error among fields the gate released: from QA samples (unbiased) and from fields not
    held on documents reviewed anyway (later corrections; biased towards doubtful documents)."""
    released = Verdict.objects.filter(case_type=case_type, flagged=False)
    qa = released.filter(qa_sample=True).aggregate(
        n=Count("id"), wrong=Count("id", filter=Q(correct=False))
    )
    reviewed = released.filter(qa_sample=False).aggregate(
        n=Count("id"), wrong=Count("id", filter=Q(correct=False))
    )
    return {
        "qa_sample": _interval(qa["wrong"], qa["n"]),
        "corrections": _interval(reviewed["wrong"], reviewed["n"]),
    }


def reliability(*, case_type: CaseType) -> list[dict[str, Any]]:
    """From reviewers' verdicts: for each T, fields published >= T, their share, share right."""
    rows = list(Verdict.objects.filter(case_type=case_type).values_list("confidence", "correct"))
    table = []
    for threshold in THRESHOLDS:
        released = [correct for score, correct in rows if score >= threshold]
        table.append(
            {
                "threshold": threshold,
                "released": len(released),
                "released_share": round(len(released) / len(rows), 4) if rows else None,
                "released_accuracy": round(sum(released) / len(released), 4) if released else None,
            }
        )
    return table


def layouts(*, case_type: CaseType) -> list[dict[str, Any]]:
    """The case type's remembered layouts, least trusted first."""
    found = []
    for layout in Layout.objects.filter(case_type=case_type).prefetch_related("positions"):
        positions = list(layout.positions.all())
        right = sum(p.right for p in positions)
        wrong = sum(p.wrong for p in positions)
        trust = memory.track_score(0, 0, layout_right=right, layout_wrong=wrong)
        found.append(
            {
                "layout_id": layout.public_id,
                "name": layout.name or layout.issuer or layout.public_id,
                "issuer": layout.issuer,
                "documents_learned": layout.documents_learned,
                "fields": sorted({p.field_key for p in positions}),
                "reused_right": right,
                "reused_wrong": wrong,
                "trust": trust,
                "losing_trust": trust < TRUSTED,
                "created_at": layout.created_at,
                "updated_at": layout.updated_at,
            }
        )
    found.sort(key=lambda entry: (entry["trust"], entry["name"]))
    return found


def calibration_state(*, case_type: CaseType) -> dict[str, Any]:
    fit = CalibrationFit.objects.filter(case_type=case_type).first()
    return {
        "source": "workspace" if fit else "global",
        "verdicts": Verdict.objects.filter(
            case_type=case_type, from_memory=False, engine_confidence__gt=0
        ).count(),
        "min_verdicts": settings.LEARNING_RECALIBRATION_MIN_VERDICTS,
        "fitted_verdicts": fit.verdicts if fit else None,
        "fitted_at": fit.fitted_at if fit else None,
        "knots": fit.knots if fit else [],
    }


def learning_summary(*, case_type: CaseType, weeks: int = 12) -> dict[str, Any]:
    automation = automation_by_week(case_type=case_type, weeks=weeks)
    documents = sum(w["documents"] for w in automation)
    fields = sum(w["fields"] for w in automation)
    return {
        "casetype_id": case_type.public_id,
        "documents": documents,
        "documents_released": sum(w["documents_released"] for w in automation),
        "fields": fields,
        "fields_released": sum(w["fields_released"] for w in automation),
        "automation": automation,
        "released_error": released_error(case_type=case_type),
        "reliability": reliability(case_type=case_type),
        "layouts": layouts(case_type=case_type),
        "calibration": calibration_state(case_type=case_type),
        # of `documents`: the same weeks, so never more than they
        "documents_matched": DocumentLayout.objects.filter(
            case_type=case_type, layout__isnull=False, created_at__gte=_window_start(weeks)
        ).count(),
    }
