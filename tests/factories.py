"""factory_boy factories for the domain. Writes with rules go through the services.

Documents with an extraction result are made without the engine: `engine_result` builds a fixed
`EngineResult` in Python, and `processed_document` / `held_document` upload a small real PDF
through the upload services and store that result through the pipeline's own persistence
(`extraction_job_result_store`), so pages, fields, flags, rules and the job's status are what
the worker would have made of it. The real path (upload -> worker -> engine) stays covered by a
few end-to-end tests per API family and the browser tests.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from functools import cache
from typing import Any

import factory
from django.db import transaction

from cases import services
from cases.actors import Actor
from cases.casetype_files import DEMO_CASE_TYPE_DIR, case_type_definition_load, case_type_import
from cases.models import ApiKey, CaseType, CaseTypeFilter, Document, Membership, User, Workspace
from extraction.engine.types import (
    CellResult,
    DocumentResult,
    EngineResult,
    FieldResult,
    PageResult,
)
from extraction.models import ExtractionJob
from extraction.pipeline import extraction_job_result_store
from extraction.services import documents_extraction_queue
from extraction.submission import JobOptions, JobRequest, job_submit
from tests.documents import INVOICE_LINES, pdf_with_lines


class WorkspaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workspace

    name = factory.Sequence(lambda n: f"Workspace {n}")
    slug = factory.Sequence(lambda n: f"workspace-{n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def member(workspace: Workspace, role: str = Membership.Role.REVIEWER, **user_fields) -> User:
    user = UserFactory(**user_fields)
    services.membership_set(user=user, workspace=workspace, role=role)
    return user


@cache
def _demo_definition(slug: str) -> dict[str, Any]:
    """The demo case type file, read once per test process (parsing the YAML is most of the
    cost of a demo case type)."""
    return case_type_definition_load(DEMO_CASE_TYPE_DIR / f"{slug}.yaml")


def demo_case_type(workspace: Workspace, slug: str = "invoice") -> CaseType:
    definition = copy.deepcopy(_demo_definition(slug))  # the case type keeps its lists
    case_type, _ = case_type_import(workspace=workspace, definition=definition)
    return case_type


def simple_case_type(workspace: Workspace, **overrides) -> CaseType:
    fields = overrides.pop(
        "field_schema",
        [
            {"key": "invoice_number", "label": "Invoice number", "type": "text", "required": True},
            {"key": "invoice_date", "label": "Invoice date", "type": "date"},
            {"key": "total_amount", "label": "Total", "type": "money", "required": True},
        ],
    )
    return services.case_type_create(
        workspace=workspace,
        name=overrides.pop("name", "Simple invoice"),
        slug=overrides.pop("slug", "simple"),
        field_schema=fields,
        **overrides,
    )


# --- Documents with a fixed extraction result ------------------------------------------------

Found = str | tuple[str, str] | list[dict[str, str | tuple[str, str]]]
"""A found value: the value (its text the same), `(value, text)`, or a table's rows of those."""

INVOICE_VALUES: dict[str, Found] = {
    "invoice_number": "INV-2024-0042",
    "invoice_date": ("2024-03-14", "14 March 2024"),
    "due_date": ("2024-04-13", "13 April 2024"),
    "vendor_name": "ACME Supplies Ltd",
    "total_amount": ("121.00", "121.00 EUR"),
    "subtotal_amount": ("100.00", "100.00 EUR"),
    "tax_amount": ("21.00", "21.00 EUR"),
    "currency": "EUR",
}
"""What the engine reads from `tests.documents.INVOICE_LINES` (`invoice_pdf`)."""

ITEMS_VALUES: dict[str, Found] = {
    "invoice_number": "INV-7001",
    "invoice_date": ("2024-03-14", "14 March 2024"),
    "vendor_name": "ACME Supplies Ltd",
    "total_amount": ("23.80", "23.80 EUR"),
    "subtotal_amount": ("20.00", "20.00 EUR"),
    "tax_amount": ("3.80", "3.80 EUR"),
    "currency": "EUR",
    "line_items": [
        {
            "description": "Screws M4",
            "quantity": "10",
            "unit_price": ("1.50", "1.50 EUR"),
            "amount": ("15.00", "15.00 EUR"),
        },
        {
            "description": "Wall plugs",
            "quantity": "100",
            "unit_price": ("0.05", "0.05 EUR"),
            "amount": ("5.00", "5.00 EUR"),
        },
    ],
}
"""What the engine reads from `tests.review.samples.items_pdf()`: an invoice with a two-row item
table whose arithmetic holds."""

PAGE_WIDTH, PAGE_HEIGHT = 595.0, 842.0


@cache
def invoice_pdf() -> bytes:
    """The one-page text invoice of `INVOICE_LINES` (cached: the bytes never change)."""
    return pdf_with_lines(INVOICE_LINES)


def _value_text(found: str | tuple[str, str]) -> tuple[str, str]:
    return found if isinstance(found, tuple) else (found, found)


def _bbox(row: int, column: int = 0) -> tuple[float, float, float, float]:
    x, y = 72.0 + column * 110, 60.0 + row * 20
    return (x, y, x + 100, y + 14)


def engine_result(
    case_type: CaseType,
    values: Mapping[str, Found] | None = None,
    *,
    confidence: int = 90,
    page_text: str | None = None,
    cell_issues: Mapping[tuple[int, str], tuple[str, ...]] | None = None,
    classification_confidence: int = 100,
) -> EngineResult:
    """A fixed one-page, one-document result for `case_type`: every field of its schema, found
    with `confidence` when `values` has it (default `INVOICE_VALUES`), else not found.
    `cell_issues` marks table cells, by (row, column key), with the checks they failed;
    `classification_confidence` is how surely the document was classified as `case_type`."""
    values = INVOICE_VALUES if values is None else values
    cell_issues = cell_issues or {}
    fields = []
    for row_number, spec in enumerate(case_type.field_schema):
        found = values.get(spec["key"])
        if found is None:
            fields.append(FieldResult(key=spec["key"], value=None, text="", confidence=0))
        elif isinstance(found, list):
            rows = tuple(
                {
                    column: CellResult(
                        *_value_text(cell),
                        confidence=confidence,
                        page=1,
                        bbox=_bbox(row_number + index, position),
                        issues=cell_issues.get((index, column), ()),
                    )
                    for position, (column, cell) in enumerate(row.items())
                }
                for index, row in enumerate(found)
            )
            fields.append(
                FieldResult(
                    key=spec["key"],
                    value=None,
                    text="",
                    confidence=confidence,
                    page=1,
                    bbox=_bbox(row_number),
                    rows=rows,
                )
            )
        else:
            value, text = _value_text(found)
            fields.append(
                FieldResult(
                    key=spec["key"],
                    value=value,
                    text=text,
                    confidence=confidence,
                    page=1,
                    bbox=_bbox(row_number),
                )
            )
    text = "\n".join(line for line in INVOICE_LINES if line) if page_text is None else page_text
    return EngineResult(
        page_count=1,
        pages=(PageResult(1, PAGE_WIDTH, PAGE_HEIGHT, text=text, source="text"),),
        documents=(
            DocumentResult(
                index=0,
                schema_slug=case_type.slug,
                classification_confidence=classification_confidence,
                pages=(1,),
                fields=tuple(fields),
            ),
        ),
        media_type="application/pdf",
    )


def api_actor(workspace: Workspace) -> Actor:
    """The actor an upload through the workspace's API key is recorded as."""
    return Actor(api_key=ApiKey.objects.filter(workspace=workspace).first())


def uploaded_document(
    case_type: CaseType,
    *,
    content: bytes | None = None,
    filename: str = "invoice.pdf",
    actor: Actor | None = None,
) -> tuple[Document, ExtractionJob]:
    """A document uploaded into a new case and queued for extraction, as `POST /api/v1/cases`
    does (through the same services; nothing is enqueued in a test's transaction)."""
    workspace = case_type.workspace
    actor = actor or api_actor(workspace)
    incoming = services.IncomingFile(
        filename=filename, content=content or invoice_pdf(), media_type="application/pdf"
    )
    case = services.case_create(
        workspace=workspace, case_type=case_type, actor=actor, name=filename.rsplit(".", 1)[0]
    )
    (document,) = services.case_documents_add(case=case, files=[incoming], actor=actor)
    (job,) = documents_extraction_queue(documents=[document], actor=actor)
    return document, job


def processed_document(
    case_type: CaseType,
    result: EngineResult | None = None,
    *,
    content: bytes | None = None,
    filename: str = "invoice.pdf",
    actor: Actor | None = None,
) -> Document:
    """A document uploaded and extracted with a fixed `result` (default: `engine_result` of the
    case type) through the pipeline's persistence and gate; its status is what the gate made
    of it (`processed`, or `review_required` when it held a field).

    One transaction: under `transaction=True` tests the upload's on-commit enqueue then runs
    after the result is stored and finds the job no longer queued, so the engine never runs."""
    with transaction.atomic():
        document, job = uploaded_document(
            case_type, content=content, filename=filename, actor=actor
        )
        stored = extraction_job_result_store(
            job_id=str(job.pk), engine_result=result or engine_result(case_type)
        )
    assert stored is not None
    document.refresh_from_db()
    return document


def processed_job(
    case_type: CaseType,
    result: EngineResult | None = None,
    *,
    content: bytes | None = None,
    filename: str = "invoice.pdf",
    options: Mapping[str, Any] | None = None,
    idempotency_key: str | None = None,
    actor: Actor | None = None,
) -> ExtractionJob:
    """A job of the job API (`POST /api/v1/extraction-jobs` with `templateName`), submitted
    through the same service (`job_submit`) and finished with a fixed `result` through the
    pipeline's persistence and gate: `completed` with its result, or `review_required`.
    `options` may replace `templateName` (`{"templateName": None, "filterName": ...}`)."""
    workspace = case_type.workspace
    request = JobRequest(
        file=services.IncomingFile(
            filename=filename, content=content or invoice_pdf(), media_type="application/pdf"
        ),
        options=JobOptions(**{"templateName": case_type.slug, **dict(options or {})}),
    )
    with transaction.atomic():
        job, _ = job_submit(
            workspace=workspace,
            actor=actor or api_actor(workspace),
            request=request,
            idempotency_key=idempotency_key,
        )
        stored = extraction_job_result_store(
            job_id=str(job.pk), engine_result=result or engine_result(case_type)
        )
    assert stored is not None
    job.refresh_from_db()
    return job


def classified_job(
    case_type: CaseType,
    *,
    classification_confidence: int,
    options: Mapping[str, Any] | None = None,
    result: EngineResult | None = None,
) -> ExtractionJob:
    """A `filterName` job among `case_type` and the demo purchase order, classified as
    `case_type` with `classification_confidence`: every field read at 90 (or `result`),
    `documentReview` 80 unless `options` say otherwise."""
    document_filter = CaseTypeFilter.objects.create(workspace=case_type.workspace, name="inbox")
    document_filter.case_types.set(
        [case_type, demo_case_type(case_type.workspace, "purchase_order")]
    )
    return processed_job(
        case_type,
        result or engine_result(case_type, classification_confidence=classification_confidence),
        options={
            "templateName": None,
            "filterName": "inbox",
            "documentReview": 80,
            **(options or {}),
        },
    )


def held_document(
    case_type: CaseType,
    values: Mapping[str, Found] | None = None,
    *,
    content: bytes | None = None,
    filename: str = "invoice.pdf",
    actor: Actor | None = None,
    page_text: str | None = None,
    cell_issues: Mapping[tuple[int, str], tuple[str, ...]] | None = None,
) -> Document:
    """A document held for review with every found field flagged `low_confidence`: the case
    type's `review_threshold` is raised to 99 and the fixed result's fields score 90."""
    case_type.review_threshold = 99
    case_type.save(update_fields=["review_threshold"])
    document = processed_document(
        case_type,
        engine_result(case_type, values, page_text=page_text, cell_issues=cell_issues),
        content=content,
        filename=filename,
        actor=actor,
    )
    assert document.status == Document.Status.REVIEW_REQUIRED, document.status
    return document
