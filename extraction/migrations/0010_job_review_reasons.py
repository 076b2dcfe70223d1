"""`ExtractionJob.review_reasons`, filled in for jobs held when it arrives from what their
documents record (the values of `extraction.gate.HoldReason`, written out: a migration must not
change when that enum does)."""

from django.db import migrations, models


def held_jobs_reasons_fill(apps, schema_editor):
    ExtractionJob = apps.get_model("extraction", "ExtractionJob")
    held = ExtractionJob.objects.filter(status="review_required").prefetch_related("documents")
    for job in held.iterator(chunk_size=500):
        metadata = [document.metadata or {} for document in job.documents.all()]
        reasons = []
        if job.review_flagged_field_count:
            reasons.append("fields_flagged")
        if any(meta.get("case_type_uncertain") for meta in metadata):
            reasons.append("case_type_uncertain")
        if any(meta.get("qa_sample") for meta in metadata):
            reasons.append("qa_sample")
        if reasons:
            job.review_reasons = reasons
            job.save(update_fields=["review_reasons"])


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
        migrations.RunPython(held_jobs_reasons_fill, migrations.RunPython.noop),
    ]
