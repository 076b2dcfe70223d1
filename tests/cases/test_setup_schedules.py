"""setup_schedules: django-q2's schedules follow the code's declarations, and only Casefile's."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_q.models import Schedule

from extraction import schedules as extraction_schedules

pytestmark = pytest.mark.django_db

DECLARED = {
    "cases-files-expire": ("cases.files.files_expire", 15),
    "extraction-jobs-recover": ("extraction.tasks.extraction_jobs_recover", 1),
    "extraction-results-expire": ("extraction.tasks.extraction_results_expire", 60),
    "webhooks-deliveries-dispatch": ("webhooks.tasks.webhook_deliveries_dispatch", 1),
    "conversion-jobs-recover": ("extraction.conversion.tasks.conversion_jobs_recover", 1),
    "learning-recalibrate": ("extraction.learning.tasks.learning_recalibrate", 60),
    "realtime-status-events-prune": ("extraction.realtime.tasks.status_events_prune", 60),
}


def setup_schedules() -> str:
    out = StringIO()
    call_command("setup_schedules", stdout=out)
    return out.getvalue()


def rows() -> dict[str, tuple[str, str, int, int]]:
    return {s.name: (s.func, s.schedule_type, s.minutes, s.repeats) for s in Schedule.objects.all()}


def test_setup_schedules_creates_every_declared_schedule_to_run_forever():
    output = setup_schedules()
    assert rows() == {
        name: (func, Schedule.MINUTES, minutes, -1) for name, (func, minutes) in DECLARED.items()
    }
    assert output.count(": created") == len(DECLARED)


def test_setup_schedules_is_idempotent_and_keeps_the_next_run():
    setup_schedules()
    later = timezone.now() + timedelta(minutes=30)
    Schedule.objects.update(next_run=later)
    before = rows()
    output = setup_schedules()
    assert rows() == before
    assert Schedule.objects.count() == len(DECLARED)
    assert set(Schedule.objects.values_list("next_run", flat=True)) == {later}
    assert output.count(": up to date") == len(DECLARED)
    assert "created" not in output
    assert "updated" not in output


def test_setup_schedules_updates_a_changed_interval_and_runs_it_at_once(monkeypatch):
    setup_schedules()
    Schedule.objects.update(next_run=timezone.now() + timedelta(minutes=60))
    monkeypatch.setitem(
        extraction_schedules.SCHEDULES,
        "extraction-results-expire",
        ("extraction.tasks.extraction_results_expire", 5),
    )
    output = setup_schedules()
    schedule = Schedule.objects.get(name="extraction-results-expire")
    assert schedule.minutes == 5
    assert schedule.next_run <= timezone.now()
    assert "Schedule extraction-results-expire: updated" in output
    assert Schedule.objects.get(name="extraction-jobs-recover").next_run > timezone.now()


def test_setup_schedules_adopts_a_row_a_data_migration_made_and_merges_duplicates():
    Schedule.objects.all().delete()
    for _ in range(2):
        Schedule.objects.create(
            name="webhooks-deliveries-dispatch",
            func="webhooks.tasks.webhook_deliveries_dispatch",
            schedule_type=Schedule.MINUTES,
            minutes=1,
        )
    setup_schedules()
    assert Schedule.objects.filter(name="webhooks-deliveries-dispatch").count() == 1


def test_setup_schedules_removes_an_obsolete_schedule_of_ours_and_leaves_others_alone():
    setup_schedules()
    Schedule.objects.create(
        name="extraction-old-sweep", func="extraction.tasks.gone", schedule_type=Schedule.MINUTES
    )
    Schedule.objects.create(
        name="nightly-backup", func="ops.tasks.backup", schedule_type=Schedule.DAILY
    )
    Schedule.objects.create(name=None, func="ops.tasks.unnamed", schedule_type=Schedule.HOURLY)
    output = setup_schedules()
    assert "Schedule extraction-old-sweep: removed" in output
    assert set(Schedule.objects.values_list("name", flat=True)) == {
        *DECLARED,
        "nightly-backup",
        None,
    }


@pytest.mark.parametrize(
    ("name", "func", "message"),
    [
        (
            "nightly-sweep",
            "extraction.tasks.extraction_jobs_recover",
            "must start with extraction-",
        ),
        ("extraction-typo", "extraction.tasks.no_such_task", "no task"),
    ],
)
def test_setup_schedules_refuses_a_declaration_it_could_not_manage(
    monkeypatch, name, func, message
):
    monkeypatch.setitem(extraction_schedules.SCHEDULES, name, (func, 5))
    with pytest.raises(CommandError, match=message):
        setup_schedules()
    assert not Schedule.objects.filter(name=name).exists()
