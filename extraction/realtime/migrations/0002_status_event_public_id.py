"""Status events are keyed by the document's public id, and may exist before the document
(an upload job promised it while a filter chooses its case type)."""

from django.db import migrations, models


def fill_public_ids(apps, schema_editor):
    StatusEvent = apps.get_model("realtime", "StatusEvent")
    for event in StatusEvent.objects.select_related("document").iterator():
        event.document_public_id = event.document.public_id
        event.save(update_fields=["document_public_id"])


class Migration(migrations.Migration):
    dependencies = [
        ("realtime", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="statusevent",
            name="document_public_id",
            field=models.CharField(db_index=True, default="", max_length=40),
            preserve_default=False,
        ),
        migrations.RunPython(fill_public_ids, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="statusevent",
            name="document",
            field=models.ForeignKey(
                blank=True,
                help_text="Empty while an upload job classifies the document it promised.",
                null=True,
                on_delete=models.deletion.CASCADE,
                related_name="+",
                to="cases.document",
            ),
        ),
        migrations.AddIndex(
            model_name="statusevent",
            index=models.Index(fields=["document_public_id", "id"], name="status_event_public_id"),
        ),
    ]
