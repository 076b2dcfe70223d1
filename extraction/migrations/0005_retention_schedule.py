"""Used to register the hourly sweep that deletes expired results and files (SPEC §5, 410).

Schedules are now made by `manage.py setup_schedules` (`extraction-results-expire` is declared in
`extraction/schedules.py`), which `make run` and every deploy run after `migrate`: a data
migration's rows were erased by a test flush and could not follow a changed interval. This
migration stays, as a no-op, because deployed databases have it applied; it neither creates nor
deletes the schedule (a database migrated before keeps its row, and setup_schedules adopts it by
name).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("extraction", "0004_idempotency_records")]

    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
