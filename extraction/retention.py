"""Result retention: the periodic sweep that deletes expired results and uploaded files.

A job's result is kept for `CASEFILE_RESULT_RETENTION_HOURS` after it ends; then the sweep
deletes the result, the extracted fields and text of the documents the job API created, and
their uploaded file and artifacts from the store (through `cases.files.file_expire`; the
documents stay, marked `result_expired_at`, so their case says what happened), and the result
endpoint answers 410 `RESULT_EXPIRED`. Documents uploaded
into cases through the case API are the customer's records and are kept. Expired
`Idempotency-Key` records go too.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from cases.files import file_expire
from cases.models import StoredFile
from extraction.learning.models import DocumentLayout
from extraction.models import DocumentField, DocumentPage, ExtractionJob, IdempotencyRecord

logger = logging.getLogger(__name__)

API_SOURCES = (
    ExtractionJob.Source.JOB_API,
    ExtractionJob.Source.EXTRACT_API,
    ExtractionJob.Source.REVIEW_API,
    ExtractionJob.Source.UPLOAD_API,
)


def extraction_results_expire(*, now: datetime | None = None) -> dict[str, int]:
    now = now or timezone.now()
    retention = timedelta(hours=settings.RESULT_RETENTION_HOURS)
    expired = ExtractionJob.objects.filter(result_purged_at__isnull=True).filter(
        Q(status=ExtractionJob.Status.COMPLETED, result_expires_at__lte=now)
        | Q(status=ExtractionJob.Status.FAILED, failed_at__lte=now - retention)
    )
    purged = sum(
        _job_purge(job_id=job_id, now=now) for job_id in expired.values_list("pk", flat=True)
    )
    keys, _ = IdempotencyRecord.objects.filter(expires_at__lte=now).delete()
    return {"results": purged, "idempotency_keys": keys}


@transaction.atomic
def _job_purge(*, job_id: object, now: datetime) -> int:
    job = (
        ExtractionJob.objects.select_for_update()
        .filter(pk=job_id, result_purged_at__isnull=True)
        .first()
    )
    if job is None:
        return 0
    job.result = None
    job.result_purged_at = now
    job.save(update_fields=["result", "result_purged_at", "updated_at"])
    if job.source not in API_SOURCES:
        return 1
    documents = list(job.documents.all())
    DocumentField.objects.filter(document__in=documents).delete()
    DocumentPage.objects.filter(document__in=documents).delete()
    # The layout reading keeps the page's words and the values read: text of the document.
    DocumentLayout.objects.filter(document__in=documents).delete()
    for document in documents:
        document.text = ""
        document.metadata = {**document.metadata, "result_expired_at": now.isoformat()}
        document.save(update_fields=["text", "metadata", "modified_at"])
    for stored in [job.source_file, *StoredFile.objects.filter(document__in=documents)]:
        file_expire(stored=stored, now=now)  # blob deleted from the store after commit
    logger.info("Purged the expired result and file of job %s.", job.pk)
    return 1
