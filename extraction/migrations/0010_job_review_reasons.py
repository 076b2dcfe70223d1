"""`ExtractionJob.review_reasons`; 0011 fills it in for jobs already held."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("extraction", "0009_withheld_artifacts_delete"),
    ]

    operations = [
        migrations.AddField(
            model_name="extractionjob",
            name="review_reasons",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text=(
                    "Why the gate held the job: `extraction.gate.HoldReason` values, in its order."
                ),
            ),
        ),
    ]
