"""Gives API keys a public id (`key__…`) so URLs never name a key by its secret's prefix.

Added nullable, filled with a distinct id per existing key, then made unique and required.
"""

from django.db import migrations, models

import cases.ids


def fill_public_ids(apps, schema_editor):
    ApiKey = apps.get_model("cases", "ApiKey")
    for api_key in ApiKey.objects.filter(public_id__isnull=True).only("pk"):
        api_key.public_id = cases.ids.new_api_key_id()
        api_key.save(update_fields=["public_id"])


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="apikey",
            name="public_id",
            field=models.CharField(editable=False, max_length=40, null=True),
        ),
        migrations.RunPython(fill_public_ids, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="apikey",
            name="public_id",
            field=models.CharField(
                default=cases.ids.new_api_key_id, editable=False, max_length=40, unique=True
            ),
        ),
    ]
