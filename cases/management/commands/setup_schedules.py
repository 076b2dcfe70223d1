"""`manage.py setup_schedules`: django-q2's periodic tasks, made to match the code.

Each of Casefile's apps may declare its periodic tasks in a `schedules` module (`SCHEDULES`:
schedule name -> (task's dotted path, every how many minutes); see `extraction/schedules.py`).
This command creates each missing schedule, updates one whose task or interval changed, leaves
an unchanged one alone (its next run included) and deletes Casefile's schedules that the code
no longer declares. A schedule is Casefile's when its name starts with one of Casefile's app
labels and a dash (`extraction-…`); schedules an operator added under other names are never
touched. Idempotent: `make run` runs it after `migrate`, and a deploy runs it every time.

It replaces the data migrations that used to insert these rows (a test flush erased them, and
a migration cannot follow a changed interval). Apps are found through Django's app registry,
like the admin's autodiscovery, so `cases` names no upper app.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Any

from django.apps import AppConfig, apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string, module_has_submodule
from django_q.models import Schedule


@dataclass(frozen=True)
class PeriodicTask:
    name: str
    func: str
    minutes: int


def project_apps() -> list[AppConfig]:
    """Casefile's own apps: packages inside the project (top-level apps and sub-apps such as
    `extraction.realtime`), not the installed packages."""
    base = Path(settings.BASE_DIR).resolve()
    return [app for app in apps.get_app_configs() if base in Path(app.path).resolve().parents]


def periodic_tasks_declared() -> list[PeriodicTask]:
    declared = []
    for app in project_apps():
        if not module_has_submodule(app.module, "schedules"):
            continue
        module = import_module(f"{app.name}.schedules")
        for name, (func, minutes) in module.SCHEDULES.items():
            if not name.startswith(f"{app.label}-"):
                raise CommandError(f"Schedule {name!r} of {app.name} must start with {app.label}-")
            if minutes < 1:
                raise CommandError(f"Schedule {name!r} must run every 1 minute or more")
            try:  # a typo fails the deploy, not every run of the worker's scheduler
                import_string(func)
            except ImportError as error:
                raise CommandError(f"Schedule {name!r}: no task {func!r} ({error})") from error
            declared.append(PeriodicTask(name=name, func=func, minutes=minutes))
    return declared


# What a declared schedule's row holds; anything else (a hook, arguments, a cron) is reset.
def _fields(task: PeriodicTask) -> dict[str, Any]:
    return {
        "func": task.func,
        "schedule_type": Schedule.MINUTES,
        "minutes": task.minutes,
        "repeats": -1,
        "hook": None,
        "args": None,
        "kwargs": None,
        "cron": None,
        "cluster": None,
    }


class Command(BaseCommand):
    help = (
        "Create or update Casefile's django-q2 schedules to match the code and remove the ones "
        "it no longer declares (idempotent; run after migrate on each deploy)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        declared = periodic_tasks_declared()
        ours = tuple(f"{app.label}-" for app in project_apps())
        with transaction.atomic():
            for task in declared:
                self._ensure(task)
            names = {task.name for task in declared}
            for schedule in Schedule.objects.exclude(name__in=names).order_by("name", "pk"):
                if schedule.name and schedule.name.startswith(ours):
                    schedule.delete()
                    self.stdout.write(f"Schedule {schedule.name}: removed (no longer declared)")

    def _ensure(self, task: PeriodicTask) -> None:
        wanted = _fields(task)
        rows = list(Schedule.objects.select_for_update().filter(name=task.name).order_by("pk"))
        for duplicate in rows[1:]:
            duplicate.delete()
        described = f"{task.func} every {task.minutes} min"
        if not rows:
            Schedule.objects.create(name=task.name, next_run=timezone.now(), **wanted)
            self.stdout.write(f"Schedule {task.name}: created ({described})")
            return
        schedule = rows[0]
        changed = [field for field, value in wanted.items() if getattr(schedule, field) != value]
        if not changed and len(rows) == 1:
            self.stdout.write(f"Schedule {task.name}: up to date ({described})")
            return
        for field, value in wanted.items():
            setattr(schedule, field, value)
        # A new interval takes effect now, not after the old one has run out.
        schedule.next_run = timezone.now()
        schedule.save()
        reasons = ", ".join(changed) or "duplicates removed"
        self.stdout.write(f"Schedule {task.name}: updated ({described}; {reasons})")
