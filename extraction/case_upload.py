"""The case API's upload (seed 001, `POST /cases`): a new case with files, or files appended to
one (`case_id`), and with `trigger_workflow` one extraction job per document.

`extraction.api.CaseUploadApi` calls `case_upload` once it has read the uploads
(`cases.services.incoming_files_from_uploads`). Every file's type (by its bytes) and the credits
its pages need are checked before anything is written; the case, its documents and their jobs
are then written in one transaction. It sits in `extraction`, not `cases`, because it starts
extraction. It knows nothing of HTTP: the view picks the answer's message.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction

from cases.actors import Actor
from cases.credits import credits_check
from cases.errors import ValidationFailed
from cases.models import Case, CaseType, Document, Workspace
from cases.selectors import case_get
from cases.services import IncomingFile, case_create, case_documents_add
from extraction.services import documents_extraction_queue
from extraction.submission import pages_estimate, upload_type_check


@dataclass(frozen=True)
class CaseUpload:
    case: Case
    documents: list[Document]
    appended: bool
    """The files went into an existing case (`case_id`), not a new one."""


def case_upload(
    *,
    workspace: Workspace,
    case_type: CaseType,
    actor: Actor,
    files: Sequence[IncomingFile],
    case_id: str | None = None,
    case_name: str | None = None,
    trigger_workflow: bool = True,
) -> CaseUpload:
    """Store `files` as documents of a new case of `case_type` (named `case_name`, else after
    the first file) or of the case `case_id`, and queue their extraction if asked.

    Errors, in this order, nothing written: 400 for a file of another type than PDF, PNG, JPEG
    or TIFF (naming `files[i]`), 402 `INSUFFICIENT_CREDITS` (only when extraction starts), 404
    `CASE_NOT_FOUND`, 400 for a `case_id` of another case type."""
    incoming = [
        upload_type_check(file, field=f"files[{index}]") for index, file in enumerate(files)
    ]
    if trigger_workflow:
        credits_check(
            workspace=workspace, pages=sum(pages_estimate(file.content) for file in incoming)
        )
    with transaction.atomic():
        if case_id:
            case = _case_of_type(workspace=workspace, case_type=case_type, case_id=case_id)
        else:
            name = case_name or incoming[0].filename.rsplit(".", 1)[0]
            case = case_create(workspace=workspace, case_type=case_type, actor=actor, name=name)
        documents = case_documents_add(case=case, files=incoming, actor=actor)
        if trigger_workflow:
            documents_extraction_queue(documents=documents, actor=actor)
    return CaseUpload(case=case, documents=documents, appended=bool(case_id))


def _case_of_type(*, workspace: Workspace, case_type: CaseType, case_id: str) -> Case:
    case = case_get(workspace=workspace, public_id=case_id)
    if case.case_type_id != case_type.pk:
        raise ValidationFailed(
            "case_id: the case belongs to another case type.",
            details={"fields": {"case_id": ["The case belongs to another case type."]}},
        )
    return case
