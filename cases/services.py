"""Writes and state changes of workspaces, keys, case types, cases and documents.

Every public service is atomic, takes keyword-only arguments and returns what it changed. The
API views, the browser views, the admin and the management commands all call these, so a rule
lives in exactly one place. Each change writes its `AuditEvent` and announces its webhook event
in the same transaction.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from cases.actors import SYSTEM, Actor
from cases.apikeys import display_prefix, generate_raw_key
from cases.apikit.keycache import api_key_cache_invalidate
from cases.errors import DomainError, NotFound, ValidationFailed
from cases.files import file_create
from cases.models import (
    ApiKey,
    AuditEvent,
    Case,
    CaseType,
    CaseTypeFilter,
    CaseTypeVersion,
    Document,
    Membership,
    Stage,
    StoredFile,
    User,
    Workspace,
)
from webhooks.services import EventType, event_publish

logger = logging.getLogger(__name__)

DEFAULT_STAGES: tuple[tuple[str, str], ...] = (
    ("Extraction", Stage.SystemRole.EXTRACTION),
    ("Review", Stage.SystemRole.REVIEW),
    ("Approved", Stage.SystemRole.APPROVED),
    ("Rejected", Stage.SystemRole.REJECTED),
)
"""A new case type's workflow when it names none: a rejected document's case then leaves the
Review stage as an approved one does (the shipped case types have the same four)."""


class _Unset:
    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()
"""Marks an argument the caller did not give (None is a real value: "unassign")."""


# --- Workspaces, members and keys ---------------------------------------------------------


@transaction.atomic
def workspace_get_or_create(*, slug: str, name: str | None = None) -> tuple[Workspace, bool]:
    slug = slugify(slug)
    if not slug:
        raise ValidationFailed("A workspace needs a name made of letters or digits.")
    return Workspace.objects.get_or_create(slug=slug, defaults={"name": name or slug})


@transaction.atomic
def membership_set(*, user: User, workspace: Workspace, role: str) -> Membership:
    """Give `user` `role` in the workspace. Demoting the workspace's last admin is refused
    (`ValidationFailed` naming `role`): someone must always be able to manage it."""
    if role not in Membership.Role.values:
        raise ValidationFailed(f"role must be one of {', '.join(Membership.Role.values)}.")
    if role != Membership.Role.ADMIN:
        _last_admin_keep(workspace=workspace, leaving=user, field="role")
    membership, _ = Membership.objects.update_or_create(
        user=user, workspace=workspace, defaults={"role": role}
    )
    return membership


@transaction.atomic
def membership_remove(*, user: User, workspace: Workspace) -> None:
    """Take `user` out of the workspace; the last admin cannot be removed."""
    _last_admin_keep(workspace=workspace, leaving=user, field="user")
    Membership.objects.filter(user=user, workspace=workspace).delete()


def _last_admin_keep(*, workspace: Workspace, leaving: User, field: str) -> None:
    # Lock the workspace's admin rows so two admins demoting each other cannot both succeed.
    admins = list(
        Membership.objects.select_for_update()
        .filter(workspace=workspace, role=Membership.Role.ADMIN)
        .values_list("user_id", flat=True)
    )
    if admins == [leaving.pk]:
        raise ValidationFailed.for_field(
            field,
            f"{leaving} is the last admin of {workspace.name}; make someone else admin first.",
        )


@transaction.atomic
def api_key_create(
    *, workspace: Workspace, name: str, created_by: User | None = None
) -> tuple[ApiKey, str]:
    """Create a key; the raw key is returned once and never stored."""
    name = name.strip()
    if not name:
        raise ValidationFailed.for_field("name", "an API key needs a name.")
    raw_key = generate_raw_key()
    api_key = ApiKey.objects.create(
        workspace=workspace,
        name=name[:200],
        prefix=display_prefix(raw_key),
        key_hash=ApiKey.hash_key(raw_key),
        created_by=created_by,
    )
    return api_key, raw_key


@transaction.atomic
def api_key_revoke(*, api_key: ApiKey) -> ApiKey:
    """Revoke a key; revoking twice is harmless and keeps the first revocation time."""
    ApiKey.objects.filter(pk=api_key.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
    api_key_cache_invalidate()  # an update() sends no signal: every process drops the key now
    api_key.refresh_from_db(fields=["revoked_at"])
    return api_key


# --- Case types ---------------------------------------------------------------------------


@transaction.atomic
def case_type_create(
    *,
    workspace: Workspace,
    name: str,
    slug: str,
    field_schema: list[dict[str, Any]],
    review_threshold: int | None = None,
    keywords: Sequence[str] = (),
    validation_rules: Sequence[dict[str, Any]] = (),
    description: str = "",
    qa_sample_percent: int = 0,
    locale: str = "",
    stages: Iterable[tuple[str, str]] = DEFAULT_STAGES,
    created_by: User | None = None,
) -> CaseType:
    """A case type with its stages (in order; each `(name, system role)`) and its first version.

    Errors: `ValidationFailed` naming the field: an attribute the model refuses, a `slug` the
    workspace has already, `stages` that break the rules of `case_type_stages_set` (none, a
    system role twice or unknown, a stage without a name, two stages of one name)."""
    case_type = CaseType(
        workspace=workspace,
        name=name,
        slug=slug,
        description=description,
        field_schema=field_schema,
        review_threshold=review_threshold,
        keywords=list(keywords),
        validation_rules=list(validation_rules),
        qa_sample_percent=qa_sample_percent,
        locale=locale,
    )
    _full_clean(case_type)
    if CaseType.objects.filter(workspace=workspace, slug=slug).exists():
        raise ValidationFailed.for_field(
            "slug", f"a case type named {slug!r} exists already in this workspace."
        )
    specs = [StageSpec(name=stage_name, system_role=role) for stage_name, role in stages]
    problems = _stages_problems(specs)
    if problems:
        raise ValidationFailed(f"stages: {problems[0]}", details={"stages": problems})
    case_type.save()
    Stage.objects.bulk_create(
        Stage(case_type=case_type, name=spec.name, position=position, system_role=spec.system_role)
        for position, spec in enumerate(specs)
    )
    case_type_version_record(case_type=case_type, by=created_by)
    return case_type


@transaction.atomic
def case_type_update(*, case_type: CaseType, by: User | None = None, **changes: Any) -> CaseType:
    """Change the case type's attributes (not its slug: jobs name it) and record a version."""
    _case_type_attributes_apply(case_type, changes)
    case_type_version_record(case_type=case_type, by=by)
    return case_type


@dataclass(frozen=True)
class StageSpec:
    """A stage as the editor sends it: an existing stage's `public_id` keeps its cases."""

    name: str
    system_role: str = ""
    public_id: str = ""


@transaction.atomic
def case_type_stages_set(
    *, case_type: CaseType, stages: Sequence[StageSpec], by: User | None = None
) -> list[Stage]:
    """Make the case type's stages exactly `stages`, in that order, and record a version.

    Existing stages named by `public_id` are renamed and moved (their cases stay in them); a
    stage left out is deleted only when no case is in it. Each system role at most once.
    Errors: `ValidationFailed` naming `stages`."""
    result = _case_type_stages_apply(case_type, stages)
    case_type_version_record(case_type=case_type, by=by)
    return result


CASE_TYPE_CHANGEABLE = frozenset(
    {
        "name",
        "description",
        "field_schema",
        "review_threshold",
        "keywords",
        "validation_rules",
        "qa_sample_percent",
        "locale",
    }
)
"""The attributes a case type's editor, import and version restore may change (not its slug:
jobs name it)."""


def _case_type_attributes_apply(case_type: CaseType, changes: dict[str, Any]) -> None:
    unknown = set(changes) - CASE_TYPE_CHANGEABLE
    if unknown:
        raise ValidationFailed(f"Cannot change {', '.join(sorted(unknown))} of a case type.")
    with _unchanged_if_refused(case_type):
        for attribute, value in changes.items():
            setattr(case_type, attribute, value)
        _full_clean(case_type)
    case_type.save()


@contextmanager
def _unchanged_if_refused(case_type: CaseType) -> Iterator[None]:
    """Put the changeable attributes (and the modification time a save stamps) back as they
    were when the block raises `ValidationFailed`: a refused change leaves the caller's object
    as it is stored (the surrounding transaction undoes the rows)."""
    kept = (*CASE_TYPE_CHANGEABLE, "modified_at")
    before = {name: getattr(case_type, name) for name in kept}
    try:
        yield
    except ValidationFailed:
        for name, value in before.items():
            setattr(case_type, name, value)
        raise


def _case_type_stages_apply(case_type: CaseType, stages: Sequence[StageSpec]) -> list[Stage]:
    problems = _stages_problems(stages)
    if problems:
        raise ValidationFailed(f"stages: {problems[0]}", details={"stages": problems})
    existing = {stage.public_id: stage for stage in case_type.stages.all()}
    unknown = [
        spec.public_id for spec in stages if spec.public_id and spec.public_id not in existing
    ]
    if unknown:
        raise ValidationFailed(f"stages: no stage {unknown[0]} in this case type.")
    kept_ids = {spec.public_id for spec in stages if spec.public_id}
    for public_id, stage in existing.items():
        if public_id not in kept_ids:
            if stage.cases.exists():
                raise ValidationFailed(
                    f"stages: {stage.name!r} still holds cases; move them before removing it.",
                    details={"stages": [f"{stage.name} holds cases"]},
                )
            stage.delete()
    # Clear roles first, so that swapping two stages' roles does not trip the unique constraint.
    Stage.objects.filter(case_type=case_type).update(system_role="")
    result = []
    for position, spec in enumerate(stages):
        stage = existing.get(spec.public_id) or Stage(case_type=case_type)
        stage.name = spec.name.strip()
        stage.position = position
        stage.system_role = spec.system_role
        stage.save()
        result.append(stage)
    return result


def _stages_problems(stages: Sequence[StageSpec]) -> list[str]:
    problems = []
    if not stages:
        problems.append("a case type needs at least one stage.")
    roles = [spec.system_role for spec in stages if spec.system_role]
    for role in sorted({role for role in roles if roles.count(role) > 1}):
        problems.append(f"the system role {role!r} is given to more than one stage.")
    for role in roles:
        if role not in Stage.SystemRole.values:
            problems.append(f"{role!r} is not a system role.")
    names = [spec.name.strip() for spec in stages]
    if not all(names):
        problems.append("every stage needs a name.")
    longest = Stage._meta.get_field("name").max_length or 0
    if any(len(name) > longest for name in names):
        problems.append(f"a stage name has at most {longest} characters.")
    for name in sorted({name for name in names if name and names.count(name) > 1}):
        # a version restore finds stages by name: two of one name would merge into one
        problems.append(f"two stages are named {name!r}.")
    ids = [spec.public_id for spec in stages if spec.public_id]
    for public_id in sorted({public_id for public_id in ids if ids.count(public_id) > 1}):
        problems.append(f"the stage {public_id!r} is listed more than once.")
    return problems


@transaction.atomic
def case_type_edit(
    *,
    case_type: CaseType,
    changes: dict[str, Any],
    stages: Sequence[StageSpec] | None = None,
    by: User | None = None,
) -> CaseType:
    """One save of the case type editor: attributes and (optionally) stages together, as one
    version. Errors are `ValidationFailed` (nothing saved, `case_type` left as it was)."""
    with _unchanged_if_refused(case_type):
        _case_type_attributes_apply(case_type, changes)
        if stages is not None:
            _case_type_stages_apply(case_type, stages)
    case_type_version_record(case_type=case_type, by=by)
    return case_type


@transaction.atomic
def case_type_filter_save(
    *,
    workspace: Workspace,
    name: str,
    case_types: Sequence[CaseType],
    case_type_filter: CaseTypeFilter | None = None,
) -> CaseTypeFilter:
    """Create a filter (a named set of case types that `filterName` classifies among) or
    change one. Errors: `ValidationFailed` naming `name` or `case_types`."""
    slug = slugify(name)
    if not slug:
        raise ValidationFailed.for_field("name", "a filter needs a name of letters or digits.")
    if not case_types:
        raise ValidationFailed.for_field("case_types", "a filter needs at least one case type.")
    if any(case_type.workspace_id != workspace.pk for case_type in case_types):
        raise ValidationFailed.for_field("case_types", "a case type of another workspace.")
    clash = CaseTypeFilter.objects.filter(workspace=workspace, name=slug)
    if case_type_filter is not None:
        clash = clash.exclude(pk=case_type_filter.pk)
    if clash.exists():
        raise ValidationFailed.for_field("name", f"a filter named {slug!r} exists already.")
    if case_type_filter is None:
        case_type_filter = CaseTypeFilter.objects.create(workspace=workspace, name=slug)
    else:
        case_type_filter.name = slug
        case_type_filter.save(update_fields=["name"])
    case_type_filter.case_types.set(case_types)
    return case_type_filter


def case_type_filter_delete(*, case_type_filter: CaseTypeFilter) -> None:
    case_type_filter.delete()


def case_type_version_record(*, case_type: CaseType, by: User | None = None) -> CaseTypeVersion:
    """Snapshot the case type as it now stands, unless the latest version already says so."""
    definition = case_type.as_definition()
    latest = case_type.versions.order_by("-number").first()
    if latest is not None and latest.definition == definition:
        return latest
    return CaseTypeVersion.objects.create(
        case_type=case_type,
        number=(latest.number + 1) if latest else 1,
        definition=definition,
        created_by=by,
    )


@transaction.atomic
def case_type_version_restore(
    *, case_type: CaseType, number: int, by: User | None = None
) -> CaseType:
    """Make an earlier version current again (recorded as a new version). The slug stays.

    Errors: `NotFound` for an unknown version; `ValidationFailed` when stages it lists by
    name can no longer be matched (a stage holding cases would be dropped)."""
    version = case_type.versions.filter(number=number).first()
    if version is None:
        raise NotFound(f"No version {number} of {case_type.slug}.", code="VERSION_NOT_FOUND")
    definition = version.definition
    by_name = {stage.name: stage for stage in case_type.stages.all()}
    _case_type_stages_apply(
        case_type,
        [
            StageSpec(
                name=stage["name"],
                system_role=stage.get("system_role") or "",
                public_id=by_name[stage["name"]].public_id if stage["name"] in by_name else "",
            )
            for stage in definition.get("stages") or []
        ],
    )
    _case_type_attributes_apply(
        case_type,
        {
            "name": definition["name"],
            "description": definition.get("description", ""),
            "field_schema": definition["fields"],
            "review_threshold": definition.get("review_threshold"),
            "keywords": definition.get("keywords", []),
            "validation_rules": definition.get("validation_rules", []),
            "qa_sample_percent": definition.get("qa_sample_percent", 0),
            "locale": definition.get("locale") or "",
        },
    )
    case_type_version_record(case_type=case_type, by=by)
    return case_type


def _full_clean(instance: Any) -> None:
    try:
        instance.full_clean(exclude=["workspace"], validate_unique=True)
    except ValidationError as exc:
        fields = {name: [str(m) for m in messages] for name, messages in exc.message_dict.items()}
        first_name, first_messages = next(iter(fields.items()))
        raise ValidationFailed(
            f"{first_name}: {first_messages[0]}", details={"fields": fields}
        ) from None


# --- Cases --------------------------------------------------------------------------------


@dataclass(frozen=True)
class IncomingFile:
    """An upload as the services see it: a name and its bytes, validated before any write."""

    filename: str
    content: bytes
    media_type: str = ""
    """Sniffed from the bytes by the upload views (`extraction.submission.upload_type_check`)."""


def incoming_files_from_uploads(
    uploads: Sequence[UploadedFile], *, field: str = "files"
) -> list[IncomingFile]:
    """Read and check every upload before anything is written, so one bad file creates nothing."""
    if not uploads:
        raise ValidationFailed(
            f"{field}: at least one file is required.",
            details={"fields": {field: ["At least one file is required."]}},
        )
    if len(uploads) > settings.MAX_FILES_PER_REQUEST:
        message = f"at most {settings.MAX_FILES_PER_REQUEST} files per request."
        raise ValidationFailed.for_field(field, message)
    incoming = []
    for index, upload in enumerate(uploads):
        incoming.append(
            incoming_file_check(
                filename=upload.name or "", content=upload.read(), field=f"{field}[{index}]"
            )
        )
    return incoming


def incoming_file_check(*, filename: str, content: bytes, field: str = "file") -> IncomingFile:
    """An upload checked before anything is written: a name, some bytes, at most
    `MAX_UPLOAD_BYTES` (413 `FILE_TOO_LARGE`, as every upload route answers), else 400."""
    name = unicodedata.normalize("NFC", PurePath(filename.replace("\\", "/")).name.strip())
    problem = None
    if not name:
        problem = "the file has no name."
    elif not content:
        problem = f"{name} is empty."
    elif len(content) > settings.MAX_UPLOAD_BYTES:
        limit_mib = settings.MAX_UPLOAD_BYTES // (1024 * 1024)
        raise DomainError(
            f"{field}: {name} is larger than the limit of {limit_mib} MiB "
            f"({settings.MAX_UPLOAD_BYTES} bytes).",
            code="FILE_TOO_LARGE",
            status_code=413,
            details={"fields": {field: [f"Larger than {settings.MAX_UPLOAD_BYTES} bytes."]}},
        )
    if problem:
        raise ValidationFailed.for_field(field, problem)
    return IncomingFile(filename=name[:255], content=content)


def stored_file_create(
    *,
    workspace: Workspace,
    incoming: IncomingFile,
    kind: str = StoredFile.Kind.UPLOAD,
    case: Case | None = None,
) -> StoredFile:
    """Write the blob, then its row, through the one file store (`cases.files`)."""
    return file_create(
        workspace=workspace,
        filename=incoming.filename,
        content=incoming.content,
        media_type=incoming.media_type,
        kind=kind,
        case=case,
    )


@transaction.atomic
def case_create(*, workspace: Workspace, case_type: CaseType, actor: Actor, name: str = "") -> Case:
    stage = case_type.stage_with_role(Stage.SystemRole.EXTRACTION) or case_type.stages.first()
    if stage is None:
        raise ValidationFailed(f"Case type {case_type.slug} has no stages.")
    case = Case.objects.create(
        workspace=workspace, case_type=case_type, name=name[:300], stage=stage
    )
    audit_record(
        workspace=workspace,
        case=case,
        verb=AuditEvent.Verb.CASE_CREATED,
        actor=actor,
        to_state=stage.public_id,
    )
    event_publish(
        workspace=workspace,
        event_type=EventType.CASE_CREATED,
        data={
            "case_id": case.public_id,
            "casetype_id": case_type.public_id,
            "case": case_summary(case),
            "source": actor.source,
        },
    )
    return case


@transaction.atomic
def case_documents_add(
    *, case: Case, files: Sequence[IncomingFile], actor: Actor
) -> list[Document]:
    """Store each file as a document of `case` (status `uploaded`).

    The files were checked before this call; should a write still fail, the blobs this call
    wrote are removed before the error propagates and the transaction rolls back.
    """
    documents: list[Document] = []
    written: list[StoredFile] = []
    try:
        for incoming in files:
            written.append(
                stored_file_create(workspace=case.workspace, incoming=incoming, case=case)
            )
            documents.append(_document_create(case=case, stored=written[-1], actor=actor))
    except Exception:
        for stored in written:
            stored.blob.delete(save=False)
        raise
    Case.objects.filter(pk=case.pk).update(modified_at=timezone.now())
    return documents


def _document_create(*, case: Case, stored: StoredFile, actor: Actor) -> Document:
    duplicate_of = (
        Document.objects.filter(
            workspace=case.workspace, case__case_type=case.case_type, file__sha256=stored.sha256
        )
        .order_by("created_at")
        .first()
    )
    document = Document.objects.create(
        workspace=case.workspace,
        case=case,
        file=stored,
        filename=stored.filename,
        duplicate_of=duplicate_of,
    )
    audit_record(
        workspace=case.workspace,
        case=case,
        document=document,
        verb=AuditEvent.Verb.DOCUMENT_UPLOADED,
        actor=actor,
        to_state=document.status,
        data={
            "filename": document.filename,
            "duplicate_of": duplicate_of.public_id if duplicate_of else None,
        },
    )
    event_publish(
        workspace=case.workspace,
        event_type=EventType.DOCUMENT_UPLOADED,
        data={
            "case_id": case.public_id,
            "document_id": document.public_id,
            "filename": document.filename,
            "duplicate_of": duplicate_of.public_id if duplicate_of else None,
            "source": actor.source,
        },
    )
    return document


@transaction.atomic
def case_update(
    *,
    case: Case,
    actor: Actor,
    stage: Stage | None = UNSET,
    assigned_to: User | None = UNSET,
    name: str = UNSET,
) -> tuple[Case, dict[str, dict[str, Any]]]:
    """Change stage, assignee or name; fires `case.updated` with what changed, from any source."""
    case = (
        Case.objects.select_for_update(of=("self",))
        .select_related("stage", "assigned_to", "case_type")
        .get(pk=case.pk)
    )
    changes: dict[str, dict[str, Any]] = {}
    if stage is not UNSET and stage is not None and stage.pk != case.stage_id:
        if stage.case_type_id != case.case_type_id:
            raise ValidationFailed(
                "stage_id: the stage belongs to another case type.",
                details={"fields": {"stage_id": ["Unknown stage for this case type."]}},
            )
        changes["stage_id"] = {"from": case.stage.public_id, "to": stage.public_id}
        case.stage = stage
    if (
        assigned_to is not UNSET
        and (assigned_to.pk if assigned_to else None) != case.assigned_to_id
    ):
        if (
            assigned_to is not None
            and not assigned_to.memberships.filter(workspace=case.workspace).exists()
        ):
            raise ValidationFailed(
                "assigned_to: the user is not a member of this workspace.",
                details={"fields": {"assigned_to": ["Unknown user."]}},
            )
        changes["assigned_to"] = {
            "from": case.assigned_to.public_id if case.assigned_to else None,
            "to": assigned_to.public_id if assigned_to else None,
        }
        case.assigned_to = assigned_to
    if name is not UNSET and name != case.name:
        changes["case_name"] = {"from": case.name, "to": name}
        case.name = name[:300]
    if not changes:
        return case, changes
    case.save()
    verb = (
        AuditEvent.Verb.STAGE_CHANGED
        if set(changes) == {"stage_id"}
        else AuditEvent.Verb.CASE_UPDATED
    )
    audit_record(
        workspace=case.workspace,
        case=case,
        verb=verb,
        actor=actor,
        from_state=changes.get("stage_id", {}).get("from", ""),
        to_state=changes.get("stage_id", {}).get("to", ""),
        data={"changes": changes},
    )
    event_publish(
        workspace=case.workspace,
        event_type=EventType.CASE_UPDATED,
        data={
            "case_id": case.public_id,
            "casetype_id": case.case_type.public_id,
            "changes": changes,
            "source": actor.source,
            "case": case_summary(case),
        },
    )
    return case, changes


def case_stage_move_to_role(*, case: Case, role: str, actor: Actor = SYSTEM) -> Case:
    """Move a case to its case type's stage with `role`, if it has one (pipeline moves)."""
    stage = Stage.objects.filter(case_type_id=case.case_type_id, system_role=role).first()
    if stage is None:
        return case
    case, _ = case_update(case=case, actor=actor, stage=stage)
    return case


def case_summary(case: Case) -> dict[str, Any]:
    """The case in `case.created`/`case.updated` webhooks, with its related documents (seed 001
    §3) and where to list its files for the download flow (§2)."""
    documents = (
        Document.objects.filter(case=case).select_related("file").order_by("created_at", "id")
    )
    return {
        "case_id": case.public_id,
        "case_name": case.name,
        "casetype_id": case.case_type.public_id,
        "stage_id": case.stage.public_id,
        "assigned_to": case.assigned_to.public_id if case.assigned_to else None,
        "modified_date": case.modified_at,
        "documents": [
            {
                "doc_id": document.public_id,
                "filename": document.filename,
                "status": document.status,
                "file_id": document.file.public_id,
            }
            for document in documents
        ],
        "files_url": f"{settings.BASE_URL}/api/v1/cases/{case.public_id}/files",
    }


def audit_record(
    *,
    workspace: Workspace,
    verb: str,
    actor: Actor,
    case: Case | None = None,
    document: Document | None = None,
    job_id: Any = None,
    from_state: str = "",
    to_state: str = "",
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    return AuditEvent.objects.create(
        workspace=workspace,
        case=case,
        document=document,
        job_id=job_id,
        verb=verb,
        from_state=from_state,
        to_state=to_state,
        data=data or {},
        **actor.audit_fields(),
    )


def user_get_in_workspace(*, workspace: Workspace, public_id: str) -> User:
    user = User.objects.filter(public_id=public_id, memberships__workspace=workspace).first()
    if user is None:
        raise NotFound(f"No user {public_id} in this workspace.")
    return user
