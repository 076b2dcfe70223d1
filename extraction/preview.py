"""Live preview of a case type draft: what the engine reads from a sample document with it.

The case type editor (`review.casetype_views`) sends the draft definition and the sample's
bytes to `case_type_preview_start`, which validates the draft and enqueues
`case_type_preview_run` on the workers (the engine runs isolated there, as for jobs: a hostile
sample fails the preview, never the web process). The editor polls `case_type_preview_result`
by task id; django-q2 keeps task results in the database, so web and worker may be separate
processes or machines. Nothing of the sample is stored beyond that task result, which holds the
fields read and small page images (PNG data URIs) for the boxes, and django-q2's task row,
which holds the sample among the task's arguments; `Q_CLUSTER.save_limit` prunes old ones. A
sample is at most `MAX_UPLOAD_BYTES`, and its pages count against the workspace's credits like
any extraction (checked before, charged once after).

A preview result (a dict, JSON-serialisable):
`{"workspace": public id, "filename": str, "error": None | {"code", "message"},
  "pages": [{"number", "width", "height", "image"}],
  "fields": [{"key", "label", "type", "value", "text", "confidence", "page", "bbox",
              "box_percent", "held", "rows"}], "checks": [{"rule", "passed", "message", "fields"}]}`
where `bbox` is `[x0, y0, x1, y1]` in points of its page as the engine read it (turned
upright), `box_percent` the same as `[left, top, width, height]` percent of that page, and
`held` says whether the gate would hold the field at the draft's thresholds.
"""

from __future__ import annotations

import base64
import math
import uuid
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError

from cases.credits import InsufficientCredits, credits_charge_pages, credits_check
from cases.errors import ValidationFailed
from cases.models import Workspace
from cases.rules import rules_check, rules_problems
from cases.schema import validate_field_schema
from extraction.engine.types import EngineInput, EngineLimits, FieldResult, PageResult
from extraction.schemas import engine_schema_build
from extraction.submission import pages_estimate

PREVIEW_TASK = "extraction.preview.case_type_preview_run"
PREVIEW_PAGES = 3
"""Pages rendered for the preview's boxes."""
PREVIEW_IMAGE_WIDTH = 900
PREVIEW_MAX_PIXELS = 4_000_000


def case_type_preview_start(
    *, workspace_id: str, definition: dict[str, Any], content: bytes, filename: str
) -> str:
    """Validate the draft and enqueue its preview; returns the task id to poll.

    Errors: `ValidationFailed` naming `fields` or `validation_rules` for an invalid draft, or
    `document` for an empty file (nothing is enqueued)."""
    from django_q.tasks import async_task

    if not content:
        raise ValidationFailed.for_field("document", "the sample document is empty.")
    if len(content) > settings.MAX_UPLOAD_BYTES:
        raise ValidationFailed.for_field(
            "document", f"the sample is larger than {settings.MAX_UPLOAD_BYTES} bytes."
        )
    fields = _fields_checked(definition)
    workspace = Workspace.objects.get(public_id=workspace_id)
    credits_check(workspace=workspace, pages=pages_estimate(content))  # 402 before any work
    draft = {**definition, "fields": fields}
    return str(
        async_task(
            PREVIEW_TASK,
            workspace_id,
            draft,
            content,
            filename,
            f"casetype-preview:{uuid.uuid4().hex}",
            task_name=f"preview-{definition.get('slug', 'draft')}",
            group="casetype-preview",
        )
    )


def case_type_preview_result(*, task_id: str, workspace_id: str) -> dict[str, Any] | None:
    """The finished preview, or None while it runs. A task of another workspace, or one that
    does not exist, reads as an error result (never another workspace's document)."""
    from django_q.tasks import fetch

    task = fetch(task_id)
    if task is None:
        return None
    result = task.result if task.success else None
    if not isinstance(result, dict) or result.get("workspace") != workspace_id:
        return _error_result(
            workspace_id, "", "PREVIEW_FAILED", "The preview could not be run; try again."
        )
    return result


def case_type_preview_run(
    workspace_id: str,
    definition: dict[str, Any],
    content: bytes,
    filename: str,
    reference: str = "",
) -> dict[str, Any]:
    """The task: run the engine on the sample with the draft, isolated, and describe it.
    The pages read are charged to the workspace's credits once, under `reference`."""
    from extraction.engine import EngineError, run_engine_isolated

    schema = engine_schema_build(
        slug=definition.get("slug") or "draft",
        keywords=definition.get("keywords") or (),
        field_schema=definition["fields"],
        locale=definition.get("locale"),
    )
    engine_input = EngineInput(
        content=content,
        filename=filename,
        schemas=(schema,),
        limits=EngineLimits(
            max_pages=settings.EXTRACTION_MAX_PAGES, max_pixels=settings.EXTRACTION_MAX_PIXELS
        ),
    )
    try:
        result = run_engine_isolated(
            engine_input,
            timeout_seconds=settings.EXTRACTION_TIMEOUT,
            memory_limit_bytes=settings.EXTRACTION_MEMORY_MB * 1024 * 1024,
        )
    except EngineError as error:
        return _error_result(workspace_id, filename, str(error.code), error.message)
    if reference:
        try:
            credits_charge_pages(
                workspace=Workspace.objects.get(public_id=workspace_id),
                pages=result.page_count,
                reference=reference,
            )
        except InsufficientCredits as refused:
            return _error_result(workspace_id, filename, refused.code, refused.message)
    if not result.documents:
        return _error_result(workspace_id, filename, "NO_DOCUMENT", "No document was found.")
    document = result.documents[0]
    specs = {spec["key"]: spec for spec in definition["fields"]}
    values = {field.key: _plain(field) for field in document.fields}
    checks = rules_check(definition.get("validation_rules") or [], values)
    failed = {key for check in checks if not check.passed for key in check.fields}
    threshold = definition.get("review_threshold")
    pages = {page.number: page for page in result.pages}
    shown = set(document.pages[:PREVIEW_PAGES])
    return {
        "workspace": workspace_id,
        "filename": filename,
        "error": None,
        "pages": _page_images(content, [page for number, page in pages.items() if number in shown]),
        "fields": [
            _field_json(field, specs.get(field.key, {}), threshold, field.key in failed, pages)
            for field in document.fields
        ],
        "checks": [check.as_json() for check in checks],
    }


def _fields_checked(definition: dict[str, Any]) -> list[dict[str, Any]]:
    try:
        fields = validate_field_schema(definition.get("fields") or [])
    except ValidationError as exc:
        messages = exc.message_dict.get("field_schema", [str(exc)])
        raise ValidationFailed(
            f"fields: {messages[0]}", details={"fields": {"fields": messages}}
        ) from None
    if not fields:
        raise ValidationFailed.for_field("fields", "the draft has no field to look for.")
    problems = rules_problems(
        definition.get("validation_rules") or [], [field["key"] for field in fields]
    )
    if problems:
        raise ValidationFailed(
            f"validation_rules: {problems[0]}",
            details={"fields": {"validation_rules": problems}},
        )
    return fields


def _plain(field: FieldResult) -> Any:
    if field.rows:
        return [{key: cell.value for key, cell in row.items()} for row in field.rows]
    return field.value


def _field_json(
    field: FieldResult,
    spec: dict[str, Any],
    threshold: int | None,
    rule_failed: bool,
    pages: dict[int, PageResult],
) -> dict[str, Any]:
    field_threshold = spec.get("threshold") or threshold
    missing = field.value in (None, "", []) and not field.rows
    held = rule_failed or (
        (spec.get("required") and missing)
        or (field_threshold is not None and not missing and field.confidence < field_threshold)
    )
    return {
        "key": field.key,
        "label": spec.get("label", field.key),
        "type": spec.get("type", "text"),
        "value": None if field.value is None else str(field.value),
        "text": field.text,
        "confidence": field.confidence,
        "page": field.page,
        "bbox": list(field.bbox) if field.bbox else None,
        "box_percent": _box_percent(field, pages),
        "held": bool(held),
        "rows": [
            {key: None if cell.value is None else str(cell.value) for key, cell in row.items()}
            for row in field.rows
        ],
    }


def _box_percent(field: FieldResult, pages: dict[int, PageResult]) -> list[float] | None:
    """The field's box as [left, top, width, height] percent of its page as the engine read it
    (turned upright), for placing it over the page image."""
    page = pages.get(field.page or 0)
    if field.bbox is None or page is None or page.width <= 0 or page.height <= 0:
        return None
    x0, y0, x1, y1 = field.bbox
    return [
        round(100 * x0 / page.width, 3),
        round(100 * y0 / page.height, 3),
        round(100 * (x1 - x0) / page.width, 3),
        round(100 * (y1 - y0) / page.height, 3),
    ]


def _page_images(content: bytes, pages: list[PageResult]) -> list[dict[str, Any]]:
    """Small PNG renderings of the sample's first pages, turned as the engine read them, for
    drawing the fields' boxes."""
    import pymupdf

    images = []
    try:
        document = pymupdf.open(stream=content)
    except (RuntimeError, ValueError):
        return []
    with document:
        for shown in pages:
            if not 1 <= shown.number <= document.page_count:
                continue
            page = document[shown.number - 1]
            rect = page.rect
            if rect.width <= 0 or rect.height <= 0:
                continue
            turned = shown.rotation in (90, 270)
            scale = PREVIEW_IMAGE_WIDTH / (rect.height if turned else rect.width)
            pixels = rect.width * rect.height * scale * scale
            if pixels > PREVIEW_MAX_PIXELS:  # estimated before rendering, at any page size
                scale *= math.sqrt(PREVIEW_MAX_PIXELS / pixels) * 0.99
            matrix = pymupdf.Matrix(scale, scale).prerotate(shown.rotation % 360)
            pixmap = page.get_pixmap(matrix=matrix, alpha=False)
            images.append(
                {
                    "number": shown.number,
                    "width": shown.width,
                    "height": shown.height,
                    "image": "data:image/png;base64,"
                    + base64.b64encode(pixmap.tobytes("png")).decode("ascii"),
                }
            )
    return images


def _error_result(workspace_id: str, filename: str, code: str, message: str) -> dict[str, Any]:
    return {
        "workspace": workspace_id,
        "filename": filename,
        "error": {"code": code, "message": message},
        "pages": [],
        "fields": [],
        "checks": [],
    }
