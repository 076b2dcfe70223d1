"""The status-event log: one event per committed status change, the worker's page-by-page
progress, nothing for rolled-back changes, and pruning."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from cases.actors import SYSTEM
from cases.models import ApiKey
from extraction import services
from extraction.models import ExtractionJob
from extraction.pipeline import extraction_job_run
from extraction.realtime.feed import subscription_open
from extraction.realtime.models import StatusEvent
from extraction.realtime.recording import (
    job_progress_report,
    page_progress_reporter,
    status_events_prune,
    status_events_record,
)
from extraction.realtime.tokens import realtime_token_mint, realtime_token_verify
from tests.documents import INVOICE_LINES, pdf_with_lines
from tests.factories import processed_document, uploaded_document


def statuses(document) -> list[str]:
    return [
        event.data["status"]
        for event in StatusEvent.objects.filter(document=document).order_by("pk")
    ]


def test_an_upload_logs_one_event_with_the_state_its_transaction_left(
    tenant, run_on_commit, no_enqueue
):
    document, _ = run_on_commit(uploaded_document, tenant.case_type)
    (event,) = StatusEvent.objects.filter(document=document)
    assert event.workspace == tenant.workspace
    assert event.type == "document.status"
    assert event.data["status"] == "queued"
    assert event.data["queue_position"] == 1


def test_every_transition_through_completion_is_logged_in_order(tenant, run_on_commit, no_enqueue):
    document = run_on_commit(processed_document, tenant.case_type)
    events = list(StatusEvent.objects.filter(document=document).order_by("pk"))
    assert [event.data["status"] for event in events][-1] == "processed"
    final = events[-1].data
    assert final["workflow_complete"] is True
    assert final["progress"]["review"] == "skipped"
    ids = [event.pk for event in events]
    assert ids == sorted(ids)


def test_a_failure_is_logged_with_its_error(tenant, run_on_commit, no_enqueue):
    document, job = run_on_commit(uploaded_document, tenant.case_type)
    run_on_commit(services.job_fail, job=job, code="CORRUPT_FILE", message="Unreadable.")
    assert statuses(document) == ["queued", "failed"]
    last = StatusEvent.objects.filter(document=document).last()
    assert last is not None
    assert last.data["error"] == {"code": "CORRUPT_FILE", "message": "Unreadable."}


def test_a_rolled_back_change_logs_nothing(tenant, run_on_commit, no_enqueue):
    document, job = run_on_commit(uploaded_document, tenant.case_type)

    def fail_then_roll_back():
        with transaction.atomic():
            services.job_fail(job=job, code="X", message="x", actor=SYSTEM)
            raise RuntimeError("rolled back")

    with pytest.raises(RuntimeError):
        run_on_commit(fail_then_roll_back)
    assert statuses(document) == ["queued"]


def test_an_unchanged_snapshot_is_not_logged_twice(tenant, run_on_commit, no_enqueue):
    document, _ = run_on_commit(uploaded_document, tenant.case_type)
    first = status_events_record(document_ids=[document.pk])
    second = status_events_record(document_ids=[document.pk])
    assert first == second
    assert StatusEvent.objects.filter(document=document).count() == 1


def test_progress_moves_forward_page_by_page_only_while_processing(
    tenant, run_on_commit, no_enqueue
):
    document, job = run_on_commit(uploaded_document, tenant.case_type)
    job_progress_report(job_id=str(job.pk), pages_done=1, pages_total=4)
    job.refresh_from_db()
    assert job.progress == 0  # still queued: nothing moves
    ExtractionJob.objects.filter(pk=job.pk).update(status=ExtractionJob.Status.PROCESSING)
    seen = []
    for done in range(1, 5):
        job_progress_report(job_id=str(job.pk), pages_done=done, pages_total=4)
        job.refresh_from_db()
        seen.append(job.progress)
    assert seen == sorted(seen)
    assert seen[0] > 5
    assert seen[-1] == 60
    job_progress_report(job_id=str(job.pk), pages_done=1, pages_total=4)
    job.refresh_from_db()
    assert job.progress == 60  # never back
    percents = [e.data["progress_percent"] for e in StatusEvent.objects.filter(document=document)]
    assert percents[-4:] == seen


def test_a_progress_reporter_that_fails_does_not_fail_the_job(tenant, monkeypatch, caplog):
    _, job = uploaded_document(tenant.case_type)
    from extraction.realtime import recording

    def broken(**kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(recording, "job_progress_report", broken)
    page_progress_reporter(job)(1, 2)
    assert "could not be recorded" in caplog.text


@pytest.mark.parametrize("isolation", [False, True])
def test_a_worker_run_reports_progress_for_each_page(
    tenant, run_on_commit, no_enqueue, settings, isolation
):
    """The engine reads a 4-page upload; the job's progress is logged after every page, in the
    child process's case over its pipe."""
    settings.EXTRACTION_ISOLATION = isolation
    pages = [[*INVOICE_LINES[:3], f"Page {n}"] for n in range(1, 5)]
    document, job = run_on_commit(
        uploaded_document, tenant.case_type, content=pdf_with_lines(pages)
    )
    run_on_commit(extraction_job_run, job_id=str(job.pk))
    events = [e.data for e in StatusEvent.objects.filter(document=document).order_by("pk")]
    processing = [e["progress_percent"] for e in events if e["status"] == "processing"]
    assert [p for p in processing if 5 < p <= 60] == [19, 33, 46, 60]
    assert events[-1]["status"] in {"processed", "review_required"}


def test_old_events_are_pruned(tenant, run_on_commit, no_enqueue, settings):
    settings.REALTIME_EVENT_RETENTION_HOURS = 1
    document, _ = run_on_commit(uploaded_document, tenant.case_type)
    StatusEvent.objects.filter(document=document).update(
        created_at=timezone.now() - timedelta(hours=2)
    )
    fresh = StatusEvent.objects.create(
        workspace=tenant.workspace,
        document=document,
        document_public_id=document.public_id,
        data={"status": "queued"},
    )
    assert status_events_prune() == 1
    assert list(StatusEvent.objects.all()) == [fresh]


def test_pruning_keeps_the_newest_event_so_new_streams_start_after_it(
    tenant, run_on_commit, no_enqueue, settings
):
    settings.REALTIME_EVENT_RETENTION_HOURS = 1
    run_on_commit(uploaded_document, tenant.case_type)
    StatusEvent.objects.update(created_at=timezone.now() - timedelta(hours=2))
    newest = StatusEvent.objects.latest("pk")

    status_events_prune()

    assert list(StatusEvent.objects.all()) == [newest]
    grant = realtime_token_verify(
        realtime_token_mint(api_key=ApiKey.objects.get(workspace=tenant.workspace)).token
    )
    assert subscription_open(grant=grant, document_ids=[], last_event_id=None).cursor == newest.pk


def test_pruning_is_scheduled_hourly():
    from extraction.realtime import tasks
    from extraction.realtime.schedules import SCHEDULES

    func, minutes = SCHEDULES["realtime-status-events-prune"]
    assert func == "extraction.realtime.tasks.status_events_prune"
    assert minutes == 60
    assert callable(tasks.status_events_prune)


def _computed_snapshots(monkeypatch) -> list[list[int]]:
    from extraction.realtime import recording

    calls: list[list[int]] = []
    original = recording.status_events_record

    def counted(*, document_ids):
        calls.append(sorted(document_ids))
        return original(document_ids=document_ids)

    monkeypatch.setattr(recording, "status_events_record", counted)
    return calls


def test_a_job_creation_computes_its_documents_snapshot_once(
    tenant, run_on_commit, no_enqueue, monkeypatch
):
    calls = _computed_snapshots(monkeypatch)
    document, _ = run_on_commit(uploaded_document, tenant.case_type)
    # three audit rows (the upload, the job's document, the job) in one transaction
    assert calls == [[document.pk]]
    assert statuses(document) == ["queued"]


def test_a_rolled_back_savepoint_does_not_lose_the_snapshot_of_the_same_document(
    tenant, run_on_commit, no_enqueue, monkeypatch
):
    from cases.services import audit_record

    document, job = run_on_commit(uploaded_document, tenant.case_type)
    calls = _computed_snapshots(monkeypatch)

    def change() -> None:
        with transaction.atomic():
            try:
                with transaction.atomic():
                    audit_record(
                        workspace=tenant.workspace, verb="x", actor=SYSTEM, document=document
                    )
                    raise RuntimeError("rolled back")
            except RuntimeError:
                pass
            audit_record(workspace=tenant.workspace, verb="y", actor=SYSTEM, job_id=job.pk)

    run_on_commit(change)
    assert calls == [[document.pk]]


def test_each_transaction_records_anew(tenant, run_on_commit, no_enqueue, monkeypatch):
    from cases.services import audit_record

    document, _ = run_on_commit(uploaded_document, tenant.case_type)
    calls = _computed_snapshots(monkeypatch)
    for verb in ("first", "second"):
        run_on_commit(
            audit_record, workspace=tenant.workspace, verb=verb, actor=SYSTEM, document=document
        )
    assert calls == [[document.pk], [document.pk]]
