"""Delete case artifacts that carry values of documents not released.

Until artifacts waited for release (`extraction.artifacts.ARTIFACT_STATUSES`), listing a case's
files made a result JSON and an extracted text for documents held for review, and put their
machine values in the case's field export. Those rows and blobs are deleted here: the result
and text of every document that is not `processed`, and every field export (each is made again,
from released documents only, the next time its case's files are listed). Split PDFs hold only
the document's own pages and stay. Signed URLs of a deleted file answer 404.
"""

from __future__ import annotations

import logging

from django.db import migrations
from django.db.models import ProtectedError, Q

logger = logging.getLogger(__name__)

VALUE_KINDS = ("result", "text")


def _withheld_artifacts_delete(apps, schema_editor) -> None:
    StoredFile = apps.get_model("cases", "StoredFile")
    withheld = StoredFile.objects.filter(
        Q(kind__in=VALUE_KINDS, document__isnull=False) & ~Q(document__status="processed")
        | Q(kind="export")
    )
    for stored in list(withheld):
        name, storage = stored.blob.name, stored.blob.storage
        try:
            stored.delete()
        except ProtectedError:  # a job's source (never made from these kinds, but kept if so)
            continue
        if name:
            try:
                storage.delete(name)
            except Exception:  # the row is gone; a leftover blob is logged for the operator
                logger.exception("Could not delete blob %s of file %s.", name, stored.pk)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0007_stage_role_rejected"),
        ("extraction", "0008_job_case_type_version"),
    ]

    operations = [migrations.RunPython(_withheld_artifacts_delete, migrations.RunPython.noop)]
