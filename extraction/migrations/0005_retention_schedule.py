"""Registers the hourly sweep that deletes expired results and files (SPEC §5, 410)."""

from django.db import migrations

SCHEDULE_NAME = "extraction-results-expire"


def add_schedule(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.update_or_create(
        name=SCHEDULE_NAME,
        defaults={
            "func": "extraction.tasks.extraction_results_expire",
            "schedule_type": "I",
            "minutes": 60,
            "repeats": -1,
        },
    )


def remove_schedule(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name=SCHEDULE_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [("extraction", "0004_idempotency_records")]

    operations = [migrations.RunPython(add_schedule, remove_schedule)]
