"""Used to register the periodic dispatcher that sends due webhook deliveries (SPEC §6).

Schedules are now made by `manage.py setup_schedules` (`webhooks-deliveries-dispatch` is declared in
`webhooks/schedules.py`), which `make run` and every deploy run after `migrate`: a data
migration's rows were erased by a test flush and could not follow a changed interval. This
migration stays, as a no-op, because deployed databases have it applied; it neither creates nor
deletes the schedule (a database migrated before keeps its row, and setup_schedules adopts it by
name).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("webhooks", "0002_endpoints_deliveries"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
