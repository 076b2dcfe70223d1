"""The learning selectors read directly: automation per ISO week, the error among released
fields with its intervals, the reliability table, layouts by trust, the calibration in use, and
the summary that gathers them, each scoped to one case type of one workspace.

Documents are stored through the pipeline's persistence and gate with fixed results
(`tests.factories`); verdicts, layouts and fits are rows written as the learning services write
them, and one test makes verdicts through a real review and `document_learn`. The clock is
frozen on a Wednesday of ISO week 2026-W03; a document is placed in a week by setting its
`DocumentLayout.created_at`, the time the selector counts by.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine

from cases.actors import Actor
from cases.models import CaseType, Document
from extraction.engine.types import EngineResult
from extraction.learning import services
from extraction.learning.models import (
    CalibrationFit,
    DocumentLayout,
    Layout,
    LayoutPosition,
    Verdict,
)
from extraction.learning.selectors import (
    automation_by_week,
    calibration_state,
    layouts,
    learning_summary,
    released_error,
    reliability,
)
from review import services as review
from tests import factories

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 1, 14, 12, 0, tzinfo=UTC)
"""A Wednesday of ISO week 2026-W03."""

NO_INTERVAL = {"count": 0, "errors": 0, "rate": None, "low": None, "high": None}


@pytest.fixture(autouse=True)
def _frozen_clock() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def case_type(tenant) -> CaseType:
    """The tenant's three-field case type (two required), holding fields scored under 90."""
    tenant.case_type.review_threshold = 90
    tenant.case_type.save(update_fields=["review_threshold"])
    return tenant.case_type


def _result(case_type: CaseType, unread: tuple[str, ...] = (), **confidences: int) -> EngineResult:
    """Every field read (the invoice's values) at 95, except those named with their score and
    the `unread` ones, not found."""
    values = {k: v for k, v in factories.INVOICE_VALUES.items() if k not in unread}
    result = factories.engine_result(case_type, values, confidence=95)
    document = result.documents[0]
    fields = tuple(
        replace(field, confidence=confidences.get(field.key, field.confidence))
        for field in document.fields
    )
    return replace(result, documents=(replace(document, fields=fields),))


def _stored(
    case_type: CaseType,
    at: datetime | None = None,
    unread: tuple[str, ...] = (),
    **confidences: int,
) -> Document:
    """A document stored by the pipeline, recorded as stored at `at` (default: now)."""
    document = factories.processed_document(case_type, _result(case_type, unread, **confidences))
    if at is not None:
        _moved(document, at)
    return document


def _moved(document: Document, at: datetime) -> None:
    """Record the document as stored by the pipeline at `at` (what the weeks are counted by)."""
    DocumentLayout.objects.filter(document=document).update(created_at=at)


def _weeks(case_type: CaseType, **window: int) -> list[tuple[str, int]]:
    return [(w["week"], w["documents"]) for w in automation_by_week(case_type=case_type, **window)]


def _document(case_type: CaseType) -> Document:
    """A document to hang verdicts on, uploaded but never extracted: the error, reliability
    and calibration figures read verdicts only (and it counts in no week)."""
    document, _ = factories.uploaded_document(case_type)
    return document


def _verdicts(
    case_type: CaseType,
    document: Document,
    rows: list[tuple[int, bool, bool, bool]],
    **extra: Any,
) -> None:
    """Verdicts as `document_learn` writes them: (confidence, correct, flagged, qa_sample),
    one field each."""
    start = Verdict.objects.filter(document=document).count()
    Verdict.objects.bulk_create(
        Verdict(
            workspace_id=case_type.workspace_id,
            case_type=case_type,
            document=document,
            field_key=f"field_{index}",
            engine_confidence=confidence,
            confidence=confidence,
            correct=correct,
            flagged=flagged,
            qa_sample=qa_sample,
            **extra,
        )
        for index, (confidence, correct, flagged, qa_sample) in enumerate(rows, start)
    )


def _layout(
    case_type: CaseType, *, right: int = 0, wrong: int = 0, keys: tuple[str, ...] = (), **fields
) -> Layout:
    """A remembered layout whose places read `right` and `wrong` in all (on its first key)."""
    layout = Layout.objects.create(workspace=case_type.workspace, case_type=case_type, **fields)
    for index, key in enumerate(keys):
        LayoutPosition.objects.create(
            layout=layout,
            field_key=key,
            page=1,
            bbox=[0.1, 0.1 * index, 0.3, 0.1 * index + 0.05],
            right=right if index == 0 else 0,
            wrong=wrong if index == 0 else 0,
        )
    return layout


def _empty_summary(case_type: CaseType, min_verdicts: int) -> dict[str, Any]:
    return {
        "casetype_id": case_type.public_id,
        "documents": 0,
        "documents_released": 0,
        "fields": 0,
        "fields_released": 0,
        "automation": [],
        "released_error": {"qa_sample": NO_INTERVAL, "corrections": NO_INTERVAL},
        "reliability": [
            {
                "threshold": threshold,
                "released": 0,
                "released_share": None,
                "released_accuracy": None,
            }
            for threshold in (50, 60, 70, 80, 90, 95)
        ],
        "layouts": [],
        "calibration": {
            "source": "global",
            "verdicts": 0,
            "min_verdicts": min_verdicts,
            "fitted_verdicts": None,
            "fitted_at": None,
            "knots": [],
        },
        "documents_matched": 0,
    }


# --- automation_by_week ---------------------------------------------------------------------


def test_automation_buckets_documents_by_iso_week_monday_to_sunday_oldest_first(case_type):
    _stored(case_type, datetime(2025, 12, 28, 23, 59, 59, 999999, tzinfo=UTC))  # a Sunday
    moving = _stored(case_type)

    for at, weeks in (
        (datetime(2025, 12, 28, tzinfo=UTC), [("2025-W52", 2)]),
        (datetime(2025, 12, 29, tzinfo=UTC), [("2025-W52", 1), ("2026-W01", 1)]),
        (datetime(2026, 1, 4, 23, 59, 59, 999999, tzinfo=UTC), [("2025-W52", 1), ("2026-W01", 1)]),
        (datetime(2026, 1, 5, tzinfo=UTC), [("2025-W52", 1), ("2026-W02", 1)]),
    ):
        _moved(moving, at)
        assert _weeks(case_type) == weeks, at


def test_automation_counts_documents_stored_from_exactly_the_window_start(case_type):
    start = NOW - timedelta(weeks=1)  # Wednesday 2026-01-07 12:00, in 2026-W02
    document = _stored(case_type, start)
    assert _weeks(case_type, weeks=1) == [("2026-W02", 1)]

    _moved(document, start - timedelta(microseconds=1))
    assert _weeks(case_type, weeks=1) == []
    assert _weeks(case_type, weeks=2) == [("2026-W02", 1)]

    _moved(document, NOW - timedelta(weeks=12))  # the default window: 2025-10-22, 2025-W43
    assert _weeks(case_type) == [("2025-W43", 1)]
    _moved(document, NOW - timedelta(weeks=12, microseconds=1))
    assert _weeks(case_type) == []


def test_automation_releases_only_clean_unsampled_documents_and_their_unheld_fields(case_type):
    _stored(case_type, unread=("invoice_date",))  # clean (an optional field not found)
    _stored(case_type, invoice_number=80, total_amount=70)  # held: 1 field of 3 released
    case_type.qa_sample_percent = 100
    case_type.save(update_fields=["qa_sample_percent"])
    sampled = _stored(case_type)  # clean, but sent to review: its 3 fields count as released
    assert sampled.status == Document.Status.REVIEW_REQUIRED
    assert sampled.metadata["qa_sample"] is True
    _document(case_type)  # uploaded, not extracted yet: not stored by the pipeline

    assert automation_by_week(case_type=case_type) == [
        {
            "week": "2026-W03",
            "documents": 3,
            "documents_released": 1,
            "fields": 9,
            "fields_released": 7,
            "document_rate": 0.3333,
            "field_rate": 0.7778,
        }
    ]


def test_automation_counts_none_of_a_document_held_whole_for_its_case_type(invoice_type):
    job = factories.classified_job(invoice_type, classification_confidence=10)
    document = Document.objects.get(jobs=job)
    assert "case_type_uncertain" in document.metadata
    assert not document.fields.filter(flagged=True).exists()  # every field was read clean

    (week,) = automation_by_week(case_type=invoice_type)

    assert week["documents"] == 1
    assert week["fields"] == len(invoice_type.field_schema)
    assert (week["documents_released"], week["fields_released"]) == (0, 0)
    assert (week["document_rate"], week["field_rate"]) == (0.0, 0.0)


# --- released_error -------------------------------------------------------------------------


def test_released_error_splits_qa_samples_from_reviewed_documents_and_ignores_held_fields(
    case_type,
):
    document = _document(case_type)
    qa = [(95, True, False, True)] * 8 + [(95, False, False, True)] * 2
    reviewed = [(92, True, False, False)] * 3 + [(91, False, False, False)]
    held = [(60, False, True, True)] * 5 + [(70, False, True, False)] * 5
    _verdicts(case_type, document, qa + reviewed + held)

    assert released_error(case_type=case_type) == {
        "qa_sample": {"count": 10, "errors": 2, "rate": 0.2, "low": 0.0567, "high": 0.5098},
        "corrections": {"count": 4, "errors": 1, "rate": 0.25, "low": 0.0456, "high": 0.6994},
    }


def test_released_error_intervals_stay_within_zero_and_one(case_type):
    document = _document(case_type)
    _verdicts(case_type, document, [(95, True, False, True)] * 4 + [(95, False, False, False)] * 3)

    assert released_error(case_type=case_type) == {
        "qa_sample": {"count": 4, "errors": 0, "rate": 0.0, "low": 0.0, "high": 0.4899},
        "corrections": {"count": 3, "errors": 3, "rate": 1.0, "low": 0.4385, "high": 1.0},
    }


def test_released_error_is_empty_without_verdicts_of_released_fields(case_type):
    _verdicts(case_type, _document(case_type), [(60, False, True, True), (60, True, True, False)])

    assert released_error(case_type=case_type) == {
        "qa_sample": NO_INTERVAL,
        "corrections": NO_INTERVAL,
    }


def test_released_error_counts_what_reviewers_corrected_after_the_gate_released_it(
    case_type, tenant
):
    """Verdicts made the real way: a review, an approval and `document_learn`."""
    reviewer = Actor(user=tenant.reviewer)
    held = _stored(case_type, total_amount=80)  # held for its total only
    review.field_correct(document=held, key="invoice_date", value="2024-03-15", actor=reviewer)
    review.field_approve(document=held, key="total_amount", actor=reviewer)
    review.document_approve(document=held, actor=reviewer)
    services.document_learn(document_id=held.pk)
    case_type.qa_sample_percent = 100
    case_type.save(update_fields=["qa_sample_percent"])
    sampled = _stored(case_type)
    review.field_correct(document=sampled, key="total_amount", value="122.00", actor=reviewer)
    review.field_correct(document=sampled, key="invoice_number", value="INV-9", actor=reviewer)
    review.document_approve(document=sampled, actor=reviewer)
    services.document_learn(document_id=sampled.pk)

    assert released_error(case_type=case_type) == {
        "qa_sample": {"count": 3, "errors": 2, "rate": 0.6667, "low": 0.2077, "high": 0.9385},
        "corrections": {"count": 2, "errors": 1, "rate": 0.5, "low": 0.0945, "high": 0.9055},
    }
    assert reliability(case_type=case_type)[3] == {  # T = 80: the held total counts here
        "threshold": 80,
        "released": 6,
        "released_share": 1.0,
        "released_accuracy": 0.5,
    }


# --- reliability ----------------------------------------------------------------------------


def test_reliability_counts_fields_scored_at_or_above_each_threshold(case_type):
    document = _document(case_type)
    _verdicts(
        case_type,
        document,
        [
            (40, False, True, False),
            (50, True, True, False),
            (69, False, True, False),
            (70, True, True, False),
            (90, False, False, False),
            (94, True, False, True),
            (95, True, False, True),
            (99, True, False, False),
        ],
    )

    assert reliability(case_type=case_type) == [
        {"threshold": 50, "released": 7, "released_share": 0.875, "released_accuracy": 0.7143},
        {"threshold": 60, "released": 6, "released_share": 0.75, "released_accuracy": 0.6667},
        {"threshold": 70, "released": 5, "released_share": 0.625, "released_accuracy": 0.8},
        {"threshold": 80, "released": 4, "released_share": 0.5, "released_accuracy": 0.75},
        {"threshold": 90, "released": 4, "released_share": 0.5, "released_accuracy": 0.75},
        {"threshold": 95, "released": 2, "released_share": 0.25, "released_accuracy": 1.0},
    ]


def test_reliability_has_no_accuracy_where_nothing_is_released(case_type):
    _verdicts(case_type, _document(case_type), [(55, True, True, False), (58, False, True, False)])

    table = reliability(case_type=case_type)

    assert table[0] == {
        "threshold": 50,
        "released": 2,
        "released_share": 1.0,
        "released_accuracy": 0.5,
    }
    assert table[1:] == [
        {"threshold": t, "released": 0, "released_share": 0.0, "released_accuracy": None}
        for t in (60, 70, 80, 90, 95)
    ]


# --- layouts --------------------------------------------------------------------------------


def test_layouts_list_the_least_trusted_first_with_their_record(case_type):
    trusted = _layout(case_type, right=10, keys=("total_amount",), name="Trusted Ltd")
    shaky = _layout(
        case_type,
        right=1,
        wrong=3,
        keys=("total_amount", "invoice_number", "total_amount"),
        name="ACME GmbH",
        issuer="DE123456789",
        documents_learned=4,
    )
    fresh = _layout(case_type, name="Fresh Co")

    found = layouts(case_type=case_type)

    assert [entry["layout_id"] for entry in found] == [
        shaky.public_id,
        fresh.public_id,
        trusted.public_id,
    ]
    assert found[0] == {
        "layout_id": shaky.public_id,
        "name": "ACME GmbH",
        "issuer": "DE123456789",
        "documents_learned": 4,
        "fields": ["invoice_number", "total_amount"],
        "reused_right": 1,
        "reused_wrong": 3,
        "trust": 60,
        "losing_trust": True,
        "created_at": shaky.created_at,
        "updated_at": shaky.updated_at,
    }
    assert [(e["trust"], e["losing_trust"], e["fields"]) for e in found[1:]] == [
        (95, False, []),  # nothing read yet: the prior
        (98, False, ["total_amount"]),
    ]


def test_a_layout_loses_trust_below_90(case_type):
    _layout(case_type, right=7, wrong=1, keys=("total_amount",), name="Seven right")
    _layout(case_type, right=6, wrong=1, keys=("total_amount",), name="Six right")

    assert [(e["name"], e["trust"], e["losing_trust"]) for e in layouts(case_type=case_type)] == [
        ("Six right", 89, True),
        ("Seven right", 90, False),
    ]


def test_layouts_of_equal_trust_are_ordered_by_name_falling_back_to_issuer_then_id(case_type):
    unnamed = _layout(case_type)
    by_issuer = _layout(case_type, issuer="DE999")
    named = _layout(case_type, name="Beta", issuer="DE111")

    found = [(e["layout_id"], e["name"], e["trust"]) for e in layouts(case_type=case_type)]

    assert found == [
        (named.public_id, "Beta", 95),
        (by_issuer.public_id, "DE999", 95),
        (unnamed.public_id, unnamed.public_id, 95),
    ]


# --- calibration_state ----------------------------------------------------------------------


def test_calibration_is_global_without_a_fit_and_counts_only_the_engines_own_verdicts(
    case_type, settings
):
    settings.LEARNING_RECALIBRATION_MIN_VERDICTS = 7
    document = _document(case_type)
    _verdicts(case_type, document, [(90, True, False, False)] * 3)
    _verdicts(case_type, document, [(0, False, True, False)])  # nothing read: no example
    _verdicts(case_type, document, [(99, True, False, False)] * 4, from_memory=True)

    assert calibration_state(case_type=case_type) == {
        "source": "global",
        "verdicts": 3,
        "min_verdicts": 7,
        "fitted_verdicts": None,
        "fitted_at": None,
        "knots": [],
    }


def test_calibration_is_the_workspaces_own_once_fitted(case_type, settings):
    settings.LEARNING_RECALIBRATION_MIN_VERDICTS = 2
    _verdicts(
        case_type, _document(case_type), [(95, True, False, False), (95, False, False, False)]
    )
    fit = CalibrationFit.objects.create(
        case_type=case_type, workspace=case_type.workspace, knots=[[0, 0], [95, 50]], verdicts=2
    )

    assert calibration_state(case_type=case_type) == {
        "source": "workspace",
        "verdicts": 2,
        "min_verdicts": 2,
        "fitted_verdicts": 2,
        "fitted_at": NOW,
        "knots": [[0, 0], [95, 50]],
    }
    assert fit.fitted_at == NOW


# --- learning_summary -----------------------------------------------------------------------


def test_learning_summary_of_a_case_type_with_nothing_learned(case_type, settings):
    assert learning_summary(case_type=case_type) == _empty_summary(
        case_type, settings.LEARNING_RECALIBRATION_MIN_VERDICTS
    )


def test_learning_summary_adds_up_the_weeks_asked_for_and_counts_matched_documents(case_type):
    layout = _layout(case_type, right=2, keys=("invoice_number",), name="ACME")
    this_week = _stored(case_type)
    _stored(case_type, NOW - timedelta(weeks=1, microseconds=1), total_amount=80)  # 2 of 3
    DocumentLayout.objects.filter(document=this_week).update(layout=layout)
    _verdicts(case_type, this_week, [(95, True, False, True), (95, False, False, False)])

    summary = learning_summary(case_type=case_type)

    assert summary["casetype_id"] == case_type.public_id
    assert [(w["week"], w["documents"], w["fields_released"]) for w in summary["automation"]] == [
        ("2026-W02", 1, 2),
        ("2026-W03", 1, 3),
    ]
    assert (
        summary["documents"],
        summary["documents_released"],
        summary["fields"],
        summary["fields_released"],
    ) == (2, 1, 6, 5)
    assert summary["documents_matched"] == 1
    assert summary["released_error"] == released_error(case_type=case_type)
    assert summary["released_error"]["qa_sample"]["count"] == 1
    assert summary["reliability"] == reliability(case_type=case_type)
    assert summary["layouts"] == layouts(case_type=case_type)
    assert [entry["name"] for entry in summary["layouts"]] == ["ACME"]
    assert summary["calibration"] == calibration_state(case_type=case_type)
    assert summary["calibration"]["verdicts"] == 2
    last_week = learning_summary(case_type=case_type, weeks=1)
    assert [w["week"] for w in last_week["automation"]] == ["2026-W03"]
    assert (last_week["documents"], last_week["fields_released"]) == (1, 3)


def test_documents_matched_counts_only_the_weeks_asked_for_like_documents(case_type):
    layout = _layout(case_type, right=2, keys=("invoice_number",), name="ACME")
    old = _stored(case_type, NOW - timedelta(weeks=20))
    recent = _stored(case_type)
    DocumentLayout.objects.filter(document__in=[old, recent]).update(layout=layout)

    summary = learning_summary(case_type=case_type)
    wide = learning_summary(case_type=case_type, weeks=30)

    assert (summary["documents"], summary["documents_matched"]) == (1, 1)
    assert (wide["documents"], wide["documents_matched"]) == (2, 2)


# --- Scope ----------------------------------------------------------------------------------


def test_another_case_types_or_workspaces_learning_is_never_counted(
    case_type, tenant, outsider, settings
):
    sibling = factories.simple_case_type(tenant.workspace, slug="sibling", name="Sibling")
    for other in (sibling, outsider.case_type):
        document = _stored(other)
        layout = _layout(other, right=1, wrong=5, keys=("total_amount",), name="Elsewhere")
        DocumentLayout.objects.filter(document=document).update(layout=layout)
        _verdicts(other, document, [(95, False, False, True), (95, False, False, False)])
        CalibrationFit.objects.create(
            case_type=other, workspace=other.workspace, knots=[[0, 0]], verdicts=2
        )

    assert learning_summary(case_type=case_type) == _empty_summary(
        case_type, settings.LEARNING_RECALIBRATION_MIN_VERDICTS
    )
    for other in (sibling, outsider.case_type):  # each counts its own
        summary = learning_summary(case_type=other)
        assert (summary["documents"], summary["documents_matched"]) == (1, 1)
        assert summary["released_error"]["qa_sample"]["count"] == 1
        assert summary["released_error"]["corrections"]["count"] == 1
        assert [layout["name"] for layout in summary["layouts"]] == ["Elsewhere"]
        assert summary["calibration"]["source"] == "workspace"
