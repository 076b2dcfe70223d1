"""Learning services: verdicts and layout memory from approvals, scope, reset, recalibration."""

from __future__ import annotations

import random
from dataclasses import replace
from functools import cache

import pytest

from bench.repeat_layouts import invoice, vendor
from cases.actors import Actor
from cases.errors import NotFound
from cases.models import Case, CaseType, Document, Stage, StoredFile
from extraction.engine.run import run_engine
from extraction.engine.types import EngineInput, EngineResult, LayoutReading
from extraction.learning import services, tasks
from extraction.learning.models import (
    CalibrationFit,
    DocumentLayout,
    Layout,
    LayoutPosition,
    Verdict,
)
from extraction.models import DocumentField, ExtractionJob
from extraction.schemas import engine_schema_from_case_type
from review.replay import truth_review
from tests import factories


@cache
def _pdf(vendor_index: int, number: int) -> tuple[bytes, dict[str, str]]:
    v = vendor(random.Random(f"test-learning:{vendor_index}"), vendor_index)
    return invoice(v, random.Random(f"test-learning:{vendor_index}:{number}"))


def _held(case_type: CaseType, vendor_index: int, number: int) -> Document:
    """A document of the vendor's layout extracted by the engine with the workspace's memory,
    stored through the pipeline's persistence, held for review (every field under 99 is
    flagged, and a clean document is QA-sampled)."""
    content, _ = _pdf(vendor_index, number)
    case_type.review_threshold = 99
    case_type.qa_sample_percent = 100
    case_type.save(update_fields=["review_threshold", "qa_sample_percent"])
    result = run_engine(
        EngineInput(
            content,
            "invoice.pdf",
            (engine_schema_from_case_type(case_type),),
            memory=services.memory_for(case_types=[case_type]),
        )
    )
    return factories.processed_document(case_type, result, content=content)


def _review(document: Document, truth: dict, actor: Actor, capture) -> None:
    with capture(execute=True):
        truth_review(document=document, expected=truth, actor=actor)


@pytest.fixture
def reviewer(tenant) -> Actor:
    return Actor(user=tenant.reviewer)


def test_an_approved_document_becomes_verdicts_and_teaches_its_layout(
    invoice_type, reviewer, django_capture_on_commit_callbacks
):
    document = _held(invoice_type, 0, 0)
    assert DocumentLayout.objects.get(document=document).layout is None
    truth = _pdf(0, 0)[1]
    _review(document, truth, reviewer, django_capture_on_commit_callbacks)

    verdicts = {v.field_key: v for v in Verdict.objects.filter(document=document)}
    assert set(truth) <= set(verdicts)
    machine = {f.key: f for f in DocumentField.objects.filter(document=document)}
    for key in truth:
        assert verdicts[key].correct == (machine[key].value == machine[key].machine_value)
    layout = Layout.objects.get(case_type=invoice_type)
    assert layout.documents_learned == 1
    assert layout.name == truth["vendor_name"]
    taught = set(layout.positions.values_list("field_key", flat=True))
    assert {"invoice_number", "invoice_date", "total_amount"} <= taught
    record = DocumentLayout.objects.get(document=document)
    assert record.learned_at is not None
    assert (record.pages, record.readings) == ([], [])  # the words are not kept once taught


def test_a_document_teaches_once(invoice_type, reviewer, django_capture_on_commit_callbacks):
    document = _held(invoice_type, 0, 0)
    _review(document, _pdf(0, 0)[1], reviewer, django_capture_on_commit_callbacks)
    count = Verdict.objects.count()
    assert services.document_learn(document_id=document.pk) == []
    assert Verdict.objects.count() == count
    assert Layout.objects.get().documents_learned == 1


def test_the_next_document_of_the_layout_is_read_from_memory_and_scores_it(
    invoice_type, reviewer, django_capture_on_commit_callbacks
):
    _review(_held(invoice_type, 0, 0), _pdf(0, 0)[1], reviewer, django_capture_on_commit_callbacks)
    second = _held(invoice_type, 0, 1)
    record = DocumentLayout.objects.get(document=second)
    layout = Layout.objects.get()
    assert record.layout == layout
    assert record.readings
    truth = _pdf(0, 1)[1]
    _review(second, truth, reviewer, django_capture_on_commit_callbacks)
    positions = LayoutPosition.objects.filter(layout=layout, field_key="invoice_number")
    assert sum(p.right for p in positions) >= 1
    assert Layout.objects.count() == 1
    assert Layout.objects.get().documents_learned == 2
    number = DocumentField.objects.get(document=second, key="invoice_number")
    assert number.machine_value == truth["invoice_number"]


def test_a_corrected_place_loses_trust_and_the_right_place_is_learned(
    invoice_type, reviewer, django_capture_on_commit_callbacks
):
    """A poisoned lesson: the total was approved at the subtotal's place once; the next
    reviewer's correction scores that place wrong and teaches the right one."""
    first = _held(invoice_type, 0, 0)
    _review(first, _pdf(0, 0)[1], reviewer, django_capture_on_commit_callbacks)
    layout = Layout.objects.get()
    total = LayoutPosition.objects.filter(layout=layout, field_key="total_amount")
    subtotal = LayoutPosition.objects.filter(layout=layout, field_key="subtotal_amount").first()
    assert subtotal is not None
    total.delete()
    LayoutPosition.objects.create(
        layout=layout,
        field_key="total_amount",
        page=subtotal.page,
        bbox=subtotal.bbox,
        label=subtotal.label,
        offset=subtotal.offset,
    )
    second = _held(invoice_type, 0, 1)
    truth = _pdf(0, 1)[1]
    assert (
        DocumentField.objects.get(document=second, key="total_amount").machine_value
        != (truth["total_amount"])
        or "total_amount" not in DocumentLayout.objects.get(document=second).from_memory
    )
    _review(second, truth, reviewer, django_capture_on_commit_callbacks)
    places = list(LayoutPosition.objects.filter(layout=layout, field_key="total_amount"))
    poisoned = next(p for p in places if p.label == subtotal.label)
    assert poisoned.wrong == 1
    assert len(places) >= 2  # the right place was learned beside it
    third = _held(invoice_type, 0, 2)
    field = DocumentField.objects.get(document=third, key="total_amount")
    assert field.machine_value == _pdf(0, 2)[1]["total_amount"]


def test_memory_is_scoped_to_the_workspace_and_case_type(
    tenant, outsider, invoice_type, reviewer, django_capture_on_commit_callbacks
):
    _review(_held(invoice_type, 0, 0), _pdf(0, 0)[1], reviewer, django_capture_on_commit_callbacks)
    assert services.memory_for(case_types=[invoice_type])
    other = factories.demo_case_type(outsider.workspace, "invoice")
    assert services.memory_for(case_types=[other]) == ()
    assert services.memory_for(case_types=[tenant.case_type]) == ()


def test_memory_is_deleted_with_its_case_type(
    invoice_type, reviewer, django_capture_on_commit_callbacks
):
    document = _held(invoice_type, 0, 0)
    _review(document, _pdf(0, 0)[1], reviewer, django_capture_on_commit_callbacks)
    assert Layout.objects.exists()
    # Cases and stages protect a case type; once they are gone, memory goes with it.
    ExtractionJob.objects.filter(case_type=invoice_type).delete()
    Document.objects.filter(case__case_type=invoice_type).delete()
    StoredFile.objects.filter(case__case_type=invoice_type).delete()
    Case.objects.filter(case_type=invoice_type).delete()
    Stage.objects.filter(case_type=invoice_type).delete()
    CaseType.objects.filter(pk=invoice_type.pk).delete()
    assert not Layout.objects.exists()
    assert not LayoutPosition.objects.exists()
    assert not Verdict.objects.exists()


def test_a_layout_is_reset_and_the_next_document_is_read_as_new(
    invoice_type, reviewer, django_capture_on_commit_callbacks
):
    _review(_held(invoice_type, 0, 0), _pdf(0, 0)[1], reviewer, django_capture_on_commit_callbacks)
    layout = Layout.objects.get()
    services.layout_reset(case_type=invoice_type, layout_id=layout.public_id, actor=reviewer)
    assert not Layout.objects.exists()
    assert Verdict.objects.exists()  # what happened stays
    record = DocumentLayout.objects.get(document=_held(invoice_type, 0, 1))
    assert record.layout is None
    assert record.from_memory == []


def test_resetting_an_unknown_or_foreign_layout_is_not_found(
    invoice_type, outsider, reviewer, django_capture_on_commit_callbacks
):
    _review(_held(invoice_type, 0, 0), _pdf(0, 0)[1], reviewer, django_capture_on_commit_callbacks)
    layout = Layout.objects.get()
    other = factories.demo_case_type(outsider.workspace, "invoice")
    with pytest.raises(NotFound):
        services.layout_reset(case_type=other, layout_id=layout.public_id, actor=reviewer)
    with pytest.raises(NotFound):
        services.layout_reset(case_type=invoice_type, layout_id="layout__nope", actor=reviewer)
    assert Layout.objects.exists()


def test_memory_never_overrides_a_failed_validation_rule(invoice_type):
    """A value memory set with its highest confidence is still held when a rule fails."""
    invoice_type.validation_rules = [
        {"type": "range", "field": "total_amount", "min": "0", "max": "1"}
    ]
    invoice_type.review_threshold = 90
    invoice_type.save(update_fields=["validation_rules", "review_threshold"])
    result = factories.engine_result(invoice_type, confidence=99)
    document_result = replace(
        result.documents[0],
        layout=LayoutReading("", (), "layout__x", 1.0, (), ("total_amount",)),
    )
    document = factories.processed_document(
        invoice_type, replace(result, documents=(document_result,))
    )
    total = DocumentField.objects.get(document=document, key="total_amount")
    assert total.confidence == 99
    assert total.flagged
    assert any(flag.startswith("rule_failed") for flag in total.flags)
    assert document.status == Document.Status.REVIEW_REQUIRED


def _verdicts(case_type: CaseType, document: Document, pairs: list[tuple[int, bool]]) -> None:
    Verdict.objects.bulk_create(
        Verdict(
            workspace_id=case_type.workspace_id,
            case_type=case_type,
            document=document,
            field_key=f"f{index}",
            engine_confidence=score,
            confidence=score,
            correct=correct,
            flagged=score < 90,
        )
        for index, (score, correct) in enumerate(pairs)
    )


def test_recalibration_waits_for_enough_verdicts_and_falls_back_to_the_global_map(
    invoice_type, settings
):
    settings.LEARNING_RECALIBRATION_MIN_VERDICTS = 100
    document = factories.processed_document(invoice_type)
    _verdicts(invoice_type, document, [(95, True)] * 99)
    assert services.calibration_refit(case_type=invoice_type) is None
    result = factories.engine_result(invoice_type, confidence=95).documents[0]
    same = services.document_result_recalibrate(case_type=invoice_type, document_result=result)
    assert same == result


def test_recalibration_lowers_a_workspace_where_95_is_often_wrong(invoice_type, settings):
    settings.LEARNING_RECALIBRATION_MIN_VERDICTS = 100
    document = factories.processed_document(invoice_type)
    _verdicts(invoice_type, document, [(95, True)] * 70 + [(95, False)] * 30 + [(99, True)] * 60)
    fit = services.calibration_refit(case_type=invoice_type)
    assert fit is not None
    assert fit.verdicts == 160
    result = factories.engine_result(invoice_type, confidence=95).documents[0]
    result = replace(result, layout=LayoutReading("", (), None, 0, (), ("invoice_date",)))
    mapped = services.document_result_recalibrate(case_type=invoice_type, document_result=result)
    by_key = {f.key: f for f in mapped.fields}
    assert by_key["invoice_number"].confidence < 90  # 70% right cannot publish as 95
    assert by_key["invoice_date"].confidence == 95  # memory's own record is left alone
    assert services.calibrations_refit_all() == 1
    assert CalibrationFit.objects.get(case_type=invoice_type).knots


def test_engine_memory_result_is_recorded_for_the_review(invoice_type):
    content, _ = _pdf(1, 0)
    result: EngineResult = run_engine(
        EngineInput(content, "x.pdf", (engine_schema_from_case_type(invoice_type),))
    )
    document = factories.processed_document(invoice_type, result, content=content)
    record = DocumentLayout.objects.get(document=document)
    assert record.signature
    assert record.pages[0]["words"]
    assert record.engine_confidence["invoice_number"] == next(
        f.confidence for f in result.documents[0].fields if f.key == "invoice_number"
    )


# --- Learning runs as a task after the approval ---------------------------------------------


def test_an_approval_queues_its_lesson_and_does_not_wait_for_it(
    invoice_type, reviewer, django_capture_on_commit_callbacks, monkeypatch
):
    import django_q.tasks

    queued: list[tuple] = []
    monkeypatch.setattr(
        django_q.tasks, "async_task", lambda func, *args, **kw: queued.append((func, *args))
    )
    document = _held(invoice_type, 0, 0)
    _review(document, _pdf(0, 0)[1], reviewer, django_capture_on_commit_callbacks)
    document.refresh_from_db()
    assert document.status == Document.Status.PROCESSED
    assert queued == [(services.LEARN_TASK, document.pk)]
    assert not Verdict.objects.filter(document=document).exists()  # not learned in the request

    assert tasks.learning_document_learn(document.pk) > 0  # what the worker runs
    assert Layout.objects.get(case_type=invoice_type).documents_learned == 1


def test_a_failing_lesson_is_logged_and_the_approval_stands(
    invoice_type, reviewer, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    def broken(**kwargs):
        raise RuntimeError("disk full")

    # `tasks` is imported with the module, so its own name for `document_learn` is the real
    # one and is put back after the test (imported after the patch, it kept `broken`).
    monkeypatch.setattr(services, "document_learn", broken)
    monkeypatch.setattr(tasks, "document_learn", broken)
    document = _held(invoice_type, 0, 0)
    _review(document, _pdf(0, 0)[1], reviewer, django_capture_on_commit_callbacks)
    document.refresh_from_db()
    assert document.status == Document.Status.PROCESSED
    assert not Verdict.objects.exists()
    assert f"Learning from reviewed document {document.pk} failed" in caplog.text


def test_a_broker_that_is_down_never_fails_the_approval(
    invoice_type, reviewer, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    import django_q.tasks

    def down(*args, **kwargs):
        raise ConnectionError("broker unreachable")

    monkeypatch.setattr(django_q.tasks, "async_task", down)
    document = _held(invoice_type, 0, 0)
    _review(document, _pdf(0, 0)[1], reviewer, django_capture_on_commit_callbacks)
    document.refresh_from_db()
    assert document.status == Document.Status.PROCESSED
    assert "broker unreachable" in caplog.text


def test_a_document_deleted_before_its_lesson_teaches_nothing(invoice_type):
    document = _held(invoice_type, 0, 0)
    document_id = document.pk
    document.delete()
    assert tasks.learning_document_learn(document_id) == 0


def test_a_stored_documents_anchors_are_its_first_pages_words_until_it_is_taught(
    invoice_type, reviewer, django_capture_on_commit_callbacks
):
    """What `evaluate --learn` compares designs by: the anchors the engine would align the
    document by, read back from its stored words; none once its lesson dropped the words."""
    document = _held(invoice_type, 0, 0)
    record = DocumentLayout.objects.get(document=document)
    anchors = services.document_anchors(record)
    assert len(anchors) >= 10
    static = {entry.split("@")[0] for entry in record.signature}
    assert {word for word, _, _ in anchors} <= static
    assert all(0 <= x <= 1 and 0 <= y <= 1.5 for _, x, y in anchors)  # in page widths
    _review(document, _pdf(0, 0)[1], reviewer, django_capture_on_commit_callbacks)
    record.refresh_from_db()
    assert services.document_anchors(record) == ()
