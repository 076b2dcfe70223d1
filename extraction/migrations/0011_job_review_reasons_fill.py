"""Fill in `ExtractionJob.review_reasons` for jobs held when it arrived, from what their
documents record (the values of `extraction.gate.HoldReason`, written out: a migration must not
change when that enum does). Apart from 0010, so that the column's lock is not held while the
rows are read; reads only the columns it needs and writes in batches."""

from django.db import migrations
from django.db.models import Prefetch

BATCH = 500


def held_jobs_reasons_fill(apps, schema_editor):
    ExtractionJob = apps.get_model("extraction", "ExtractionJob")
    Document = apps.get_model("cases", "Document")
    held = (
        ExtractionJob.objects.filter(status="review_required")
        .only("pk", "review_flagged_field_count", "review_reasons")
        .prefetch_related(Prefetch("documents", queryset=Document.objects.only("pk", "metadata")))
        .order_by("pk")
    )
    changed = []
    for job in held.iterator(chunk_size=BATCH):
        metadata = [document.metadata or {} for document in job.documents.all()]
        reasons = []
        if job.review_flagged_field_count:
            reasons.append("fields_flagged")
        if any(meta.get("case_type_uncertain") for meta in metadata):
            reasons.append("case_type_uncertain")
        if any(meta.get("qa_sample") for meta in metadata):
            reasons.append("qa_sample")
        if reasons and reasons != job.review_reasons:
            job.review_reasons = reasons
            changed.append(job)
        if len(changed) >= BATCH:
            ExtractionJob.objects.bulk_update(changed, ["review_reasons"])
            changed = []
    ExtractionJob.objects.bulk_update(changed, ["review_reasons"])


class Migration(migrations.Migration):
    dependencies = [
        ("extraction", "0010_job_review_reasons"),
    ]

    operations = [
        migrations.RunPython(held_jobs_reasons_fill, migrations.RunPython.noop),
    ]
