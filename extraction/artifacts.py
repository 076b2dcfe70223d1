"""A case's artifacts: the files its documents produced, kept in the one file store.

- `case_artifacts_refresh(case=) -> None`: for every released document (`processed`: passed
  the gate or approved by a reviewer; a held document's values stay withheld here as they are by
  the result endpoint's 409 `REVIEW_REQUIRED`), make or update its result JSON
  (`<name>.result.json`, the result document of SPEC §5), its extracted text (`<name>.txt`),
  its split PDF when the upload held several documents (`<name>.pages-3-5.pdf`), and the
  case's field export (`<case>.fields.csv`, one row per document). Contents are compared by
  hash, so a reviewer's correction updates the result file (same `file_id`) and an unchanged
  one is not rewritten.
- `document_download_file(document) -> StoredFile`: the file holding just this document (the
  split PDF, or the upload itself).

Artifacts are made when asked for (the case's file list, `returnDocuments`), not by the worker,
so nothing is written for cases nobody looks at. The split is cut from a PDF the engine already
opened in its isolated child; it is copied page by page, never rendered.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import PurePath
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.db.models import Count

from cases.files import file_create, file_open, file_replace
from cases.models import Case, Document, StoredFile
from extraction.conversion.converters.csv_safety import csv_cell_safe
from extraction.results import document_result_build, field_value

ARTIFACT_STATUSES = (Document.Status.PROCESSED,)
"""Documents whose values may leave Casefile: released ones only (SPEC §4)."""
Kind = StoredFile.Kind


def case_artifacts_refresh(*, case: Case) -> None:
    documents = list(
        case.documents.filter(status__in=ARTIFACT_STATUSES)
        .select_related("file", "case__case_type", "duplicate_of")
        .prefetch_related("fields", "pages")
        .order_by("created_at", "id")
    )
    if not documents:
        return
    existing = {
        (artifact.document_id, artifact.kind): artifact
        for artifact in StoredFile.objects.filter(
            document__in=documents, deleted_at__isnull=True
        ).exclude(kind=Kind.UPLOAD)
    }
    shared = _shared_file_ids(documents)
    for index, document in enumerate(documents):
        stem = PurePath(document.filename).stem or document.public_id
        result = document_result_build(document, index=index)
        _artifact_put(
            existing.get((document.pk, Kind.RESULT)),
            document=document,
            kind=Kind.RESULT,
            filename=f"{stem}.result.json",
            content=json.dumps(result, cls=DjangoJSONEncoder, indent=2).encode(),
            media_type="application/json",
        )
        if document.text:
            _artifact_put(
                existing.get((document.pk, Kind.TEXT)),
                document=document,
                kind=Kind.TEXT,
                filename=f"{stem}.txt",
                content=document.text.encode(),
                media_type="text/plain; charset=utf-8",
            )
        if document.file_id in shared and (document.pk, Kind.SPLIT) not in existing:
            _split_create(document)
    _case_export_put(case, documents)


def document_download_file(document: Document) -> StoredFile:
    """The file of exactly this document: its split PDF when its upload held several."""
    if not _shared_file_ids([document]):
        return document.file
    split = StoredFile.objects.filter(
        document=document, kind=Kind.SPLIT, deleted_at__isnull=True
    ).first()
    return split or _split_create(document) or document.file


def _shared_file_ids(documents: list[Document]) -> set[int]:
    return set(
        Document.objects.filter(file_id__in={d.file_id for d in documents})
        .values("file_id")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .values_list("file_id", flat=True)
    )


def _artifact_put(
    artifact: StoredFile | None,
    *,
    document: Document,
    kind: str,
    filename: str,
    content: bytes,
    media_type: str,
) -> StoredFile | None:
    if artifact is not None:
        return file_replace(stored=artifact, content=content)
    try:
        with transaction.atomic():  # two readers at once: the second one's row is refused
            return file_create(
                workspace=document.workspace,
                filename=filename,
                content=content,
                media_type=media_type,
                kind=kind,
                case=document.case,
                document=document,
            )
    except IntegrityError:
        return None


def _split_create(document: Document) -> StoredFile | None:
    pages = sorted(page.source_page for page in document.pages.all())
    if not pages or document.file.media_type != "application/pdf":
        return None
    import pymupdf

    with (
        file_open(document.file) as handle,
        pymupdf.open(stream=handle.read()) as source,
        pymupdf.open() as part,
    ):
        for page in pages:
            if 1 <= page <= source.page_count:
                part.insert_pdf(source, from_page=page - 1, to_page=page - 1)
        if not part.page_count:
            return None
        content = part.tobytes(garbage=3, deflate=True)
    stem = PurePath(document.filename).stem or document.public_id
    span = f"{pages[0]}" if len(pages) == 1 else f"{pages[0]}-{pages[-1]}"
    return _artifact_put(
        None,
        document=document,
        kind=Kind.SPLIT,
        filename=f"{stem}.pages-{span}.pdf",
        content=content,
        media_type="application/pdf",
    )


def _case_export_put(case: Case, documents: list[Document]) -> None:
    keys = [spec["key"] for spec in case.case_type.field_schema]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["document_id", "filename", "status", *keys])
    for document in documents:
        values: dict[str, Any] = {field.key: field_value(field) for field in document.fields.all()}
        writer.writerow(
            [
                document.public_id,
                csv_cell_safe(document.filename),
                document.status,
                *(csv_cell_safe(_cell(values.get(key))) for key in keys),
            ]
        )
    content = buffer.getvalue().encode()
    with transaction.atomic():
        # The case row serializes two readers making the export at once (one export per case).
        Case.objects.select_for_update().filter(pk=case.pk).exists()
        artifact = StoredFile.objects.filter(
            case=case, kind=Kind.EXPORT, document__isnull=True, deleted_at__isnull=True
        ).first()
        if artifact is not None:
            file_replace(stored=artifact, content=content)
            return
        file_create(
            workspace=case.workspace,
            filename=f"{case.name or case.public_id}.fields.csv",
            content=content,
            media_type="text/csv; charset=utf-8",
            kind=Kind.EXPORT,
            case=case,
        )


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, cls=DjangoJSONEncoder)
    return str(value)
