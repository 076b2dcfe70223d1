"""Case types in the app (settings): the list with filters, the editor, versions, import and
export, and the live preview. Every member may look; workspace admins change things.

The rules live in `cases.services` (one save is one version; stages keep their cases; filters),
`cases.casetype_files` (YAML/JSON) and `extraction.preview` (the engine on a sample, on the
workers); the forms in `review.casetype_forms` only turn the editor's rows into a definition.
"""

from __future__ import annotations

import json
from typing import Any

import yaml
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cases import selectors, services
from cases.casetype_files import case_type_definition_from_upload, case_type_import
from cases.errors import DomainError
from cases.models import CaseType, CaseTypeFilter, User, Workspace
from extraction.preview import case_type_preview_result, case_type_preview_start
from review.access import admin_required, current_access, member_required
from review.casetype_forms import (
    RULE_HELP,
    STARTER_FIELDS,
    Editor,
    FilterForm,
    ImportForm,
    NewCaseTypeForm,
    PreviewForm,
)
from review.fragments import HtmxHttpRequest

EDITOR_TEMPLATE = "settings/casetype_edit.html"
LIST_TEMPLATE = "settings/casetype_list.html"
PREVIEW_TEMPLATE = "settings/_casetype_preview.html"


@member_required
@require_GET
def casetype_list(request: HtmxHttpRequest) -> HttpResponse:
    return render(request, LIST_TEMPLATE, _list_context(request))


@member_required
@admin_required
@require_POST
def casetype_create(request: HtmxHttpRequest) -> HttpResponse:
    form = NewCaseTypeForm(request.POST, case_type_choices=_case_type_choices(request))
    if not form.is_valid():
        return render(request, LIST_TEMPLATE, _list_context(request, new_form=form), status=400)
    workspace = current_access(request).workspace
    source = form.cleaned_data["copy_from"]
    copied = selectors.case_type_get(workspace=workspace, public_id=source) if source else None
    try:
        case_type = services.case_type_create(
            workspace=workspace,
            name=form.cleaned_data["name"],
            slug=form.cleaned_data["slug"],
            created_by=_user(request),
            **_copied_attributes(copied),
        )
    except DomainError as error:
        form.add_error(None, error.message)
        return render(request, LIST_TEMPLATE, _list_context(request, new_form=form), status=400)
    return redirect("review:casetype-edit", casetype_id=case_type.public_id)


@member_required
@admin_required
@require_POST
def casetype_import(request: HtmxHttpRequest) -> HttpResponse:
    form = ImportForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            definition = case_type_definition_from_upload(
                content=upload.read(), filename=upload.name
            )
            case_type, created = case_type_import(
                workspace=current_access(request).workspace,
                definition=definition,
                by=_user(request),
            )
        except DomainError as error:
            form.add_error("file", error.message)
    if form.errors:
        return render(request, LIST_TEMPLATE, _list_context(request, import_form=form), status=400)
    messages.success(request, f"{'Imported' if created else 'Updated'} {case_type.name}.")
    return redirect("review:casetype-edit", casetype_id=case_type.public_id)


@member_required
@require_http_methods(["GET", "POST"])
def casetype_edit(request: HtmxHttpRequest, casetype_id: str) -> HttpResponse:
    case_type = _case_type(request, casetype_id)
    if request.method == "GET":
        return _editor_render(request, case_type, Editor(_editor_definition(case_type)))
    if not current_access(request).is_admin:
        return _editor_render(request, case_type, Editor(request.POST), status=403)
    editor = Editor(data=request.POST)
    if not editor.is_valid():
        return _editor_render(request, case_type, editor, status=400)
    try:
        services.case_type_edit(
            case_type=case_type, by=_user(request), **_edit_arguments(editor, case_type)
        )
    except DomainError as error:
        return _editor_render(request, case_type, editor, status=400, error=error)
    version = selectors.case_type_version_current(case_type)
    messages.success(
        request, f"Saved {case_type.name} as version {version.number if version else 1}."
    )
    return redirect("review:casetype-edit", casetype_id=case_type.public_id)


@member_required
@require_GET
def casetype_export(request: HtmxHttpRequest, casetype_id: str, fmt: str) -> HttpResponse:
    case_type = _case_type(request, casetype_id)
    definition = case_type.as_definition()
    if fmt == "json":
        body, media_type = json.dumps(definition, indent=2, ensure_ascii=False), "application/json"
    else:
        body = yaml.safe_dump(definition, sort_keys=False, allow_unicode=True)
        media_type = "application/yaml"
    response = HttpResponse(body, content_type=f"{media_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{case_type.slug}.{fmt}"'
    return response


@member_required
@admin_required
@require_POST
def casetype_version_restore(
    request: HtmxHttpRequest, casetype_id: str, number: int
) -> HttpResponse:
    case_type = _case_type(request, casetype_id)
    try:
        services.case_type_version_restore(case_type=case_type, number=number, by=_user(request))
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"Version {number} restored as the current version.")
    return redirect("review:casetype-edit", casetype_id=case_type.public_id)


@member_required
@admin_required
@require_POST
def casetype_preview(request: HtmxHttpRequest, casetype_id: str) -> HttpResponse:
    """Start a preview of the editor's current draft on the sample; answers the polling panel."""
    case_type = _case_type(request, casetype_id)
    editor, upload = Editor(data=request.POST), PreviewForm(request.POST, request.FILES)
    context: dict[str, Any] = {"case_type": case_type, "task_id": "", "preview": None}
    try:
        if not (editor.is_valid() and upload.is_valid()):
            raise _Invalid(_first_error(editor, upload))
        sample = upload.cleaned_data["document"]
        context["task_id"] = case_type_preview_start(
            workspace_id=current_access(request).workspace.public_id,
            definition=editor.definition(slug=case_type.slug),
            content=sample.read(),
            filename=sample.name,
        )
    except (_Invalid, DomainError) as error:
        context["error"] = str(error) if isinstance(error, _Invalid) else error.message
    return render(request, PREVIEW_TEMPLATE, context, status=400 if "error" in context else 200)


@member_required
@admin_required
@require_GET
def casetype_preview_result(
    request: HtmxHttpRequest, casetype_id: str, task_id: str
) -> HttpResponse:
    case_type = _case_type(request, casetype_id)
    preview = case_type_preview_result(
        task_id=task_id, workspace_id=current_access(request).workspace.public_id
    )
    context = {"case_type": case_type, "task_id": task_id, "preview": preview}
    return render(request, PREVIEW_TEMPLATE, context)


@member_required
@admin_required
@require_POST
def filter_save(request: HtmxHttpRequest, filter_id: str = "") -> HttpResponse:
    workspace = current_access(request).workspace
    existing = _filter_or_none(workspace, filter_id)
    form = FilterForm(
        request.POST, case_type_choices=_case_type_choices(request), prefix=filter_id or None
    )
    if not form.is_valid():
        messages.error(request, _first_error(form))
        return redirect("review:casetype-list")
    chosen = selectors.case_types_by_ids(
        workspace=workspace, public_ids=form.cleaned_data["case_types"]
    )
    try:
        services.case_type_filter_save(
            workspace=workspace,
            name=form.cleaned_data["name"],
            case_types=chosen,
            case_type_filter=existing,
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"Filter {form.cleaned_data['name']} saved.")
    return redirect("review:casetype-list")


@member_required
@admin_required
@require_POST
def filter_delete(request: HtmxHttpRequest, filter_id: str) -> HttpResponse:
    workspace = current_access(request).workspace
    found = selectors.case_type_filter_get(workspace=workspace, public_id=filter_id)
    services.case_type_filter_delete(case_type_filter=found)
    messages.success(request, f"Filter {found.name} deleted.")
    return redirect("review:casetype-list")


# --- Helpers ------------------------------------------------------------------------------


def _user(request: HtmxHttpRequest) -> User:
    """The signed-in member (`member_required` guarantees one)."""
    assert isinstance(request.user, User)
    return request.user


def _filter_or_none(workspace: Workspace, filter_id: str) -> CaseTypeFilter | None:
    """The workspace's filter `filter_id` (404 through `NotFound`), None when no id was given."""
    if not filter_id:
        return None
    return selectors.case_type_filter_get(workspace=workspace, public_id=filter_id)


class _Invalid(Exception):
    """A form part is invalid; the message names the first problem."""


def _case_type(request: HtmxHttpRequest, casetype_id: str) -> CaseType:
    return selectors.case_type_get(
        workspace=current_access(request).workspace, public_id=casetype_id
    )


def _case_type_choices(request: HtmxHttpRequest) -> list[tuple[str, str]]:
    case_types = selectors.case_type_list(workspace=current_access(request).workspace)
    return [(case_type.public_id, case_type.name) for case_type in case_types]


def _copied_attributes(source: CaseType | None) -> dict[str, Any]:
    if source is None:
        return {"field_schema": STARTER_FIELDS}
    return {
        "field_schema": source.field_schema,
        "validation_rules": source.validation_rules,
        "keywords": source.keywords,
        "review_threshold": source.review_threshold,
        "qa_sample_percent": source.qa_sample_percent,
        "locale": source.locale,
        "description": source.description,
        "stages": [(stage.name, stage.system_role) for stage in source.stages.all()],
    }


def _editor_definition(case_type: CaseType) -> dict[str, Any]:
    """The case type's definition with its stages' public ids, so saving keeps their cases."""
    definition = case_type.as_definition()
    definition["stages"] = [
        {"name": stage.name, "system_role": stage.system_role, "public_id": stage.public_id}
        for stage in case_type.stages.all()
    ]
    return definition


def _edit_arguments(editor: Editor, case_type: CaseType) -> dict[str, Any]:
    definition = editor.definition(slug=case_type.slug)
    stages = [
        services.StageSpec(stage["name"], stage["system_role"], stage["public_id"])
        for stage in definition["stages"]
    ]
    changes = {
        key: definition[key]
        for key in (
            "name",
            "description",
            "review_threshold",
            "qa_sample_percent",
            "locale",
            "keywords",
        )
    }
    changes.update(
        field_schema=definition["fields"], validation_rules=definition["validation_rules"]
    )
    return {"changes": changes, "stages": stages}


def _first_error(*parts: Any) -> str:
    expanded = [piece for part in parts for piece in getattr(part, "parts", (part,))]
    for part in expanded:
        forms = getattr(part, "forms", [part])
        for form in forms:
            for name, errors in form.errors.items():
                label = "form" if name == "__all__" else name
                return f"{label}: {errors[0]}"
        for error in getattr(part, "non_form_errors", list)():
            return str(error)
    return "The form is not valid."


def _editor_render(
    request: HtmxHttpRequest,
    case_type: CaseType,
    editor: Editor,
    *,
    status: int = 200,
    error: DomainError | None = None,
) -> HttpResponse:
    context = {
        "section": "casetypes",
        "case_type": case_type,
        "editor": editor,
        "error": error,
        "section_errors": _section_errors(error),
        "is_admin": current_access(request).is_admin,
        "versions": selectors.case_type_versions(case_type)[:20],
        "rule_help": RULE_HELP,
        "preview_form": PreviewForm(),
        "field_keys": [spec["key"] for spec in case_type.field_schema],
    }
    return render(request, EDITOR_TEMPLATE, context, status=status)


_SECTIONS = {"field_schema": "fields", "validation_rules": "rules", "stages": "stages"}


def _section_errors(error: DomainError | None) -> dict[str, list[str]]:
    """The services' problems by editor card (general, fields, stages, rules), so each shows
    beside what it names; a problem naming nothing known goes to the general card."""
    sections: dict[str, list[str]] = {"general": [], "fields": [], "stages": [], "rules": []}
    if error is None:
        return sections
    named: dict[str, Any] = dict(error.details.get("fields") or {})
    if error.details.get("stages"):
        named["stages"] = error.details["stages"]
    for name, problems in named.items():
        section = _SECTIONS.get(name, "general")
        for problem in problems if isinstance(problems, list) else [problems]:
            prefix = "" if section != "general" else f"{name}: "
            sections[section].append(f"{prefix}{problem}")
    if not any(sections.values()):
        sections["general"].append(error.message)
    return sections


def _list_context(request: HtmxHttpRequest, **forms: Any) -> dict[str, Any]:
    access = current_access(request)
    choices = _case_type_choices(request)
    filters = selectors.case_type_filter_list(workspace=access.workspace)
    return {
        "section": "casetypes",
        "is_admin": access.is_admin,
        "case_types": [
            (case_type, selectors.case_type_version_current(case_type))
            for case_type in selectors.case_type_list(workspace=access.workspace)
        ],
        "filters": [(found, _filter_form(found, choices)) for found in filters],
        "new_filter_form": FilterForm(case_type_choices=choices),
        "new_form": forms.get("new_form") or NewCaseTypeForm(case_type_choices=choices),
        "import_form": forms.get("import_form") or ImportForm(),
    }


def _filter_form(found: CaseTypeFilter, choices: list[tuple[str, str]]) -> FilterForm:
    """The edit form of one saved filter, prefixed by its id (many on one page)."""
    return FilterForm(
        initial={"name": found.name, "case_types": [ct.public_id for ct in found.case_types.all()]},
        case_type_choices=choices,
        prefix=found.public_id,
    )
