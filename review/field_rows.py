"""What the review page shows of a document: its fields (held ones first), their table cells,
and the boxes drawn over the page images, ready to render.

Built by `review.views` from a document loaded by `review.selectors.document_for_review`. Pure
functions over loaded model instances: no queries beyond the prefetched relations, no writes,
no decisions left to the templates. Boxes are percentages of their page (bounding boxes are in
PDF points from the top-left, pages carry their size in the same unit), so they stay on the
image at every zoom level.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from cases.models import Document
from extraction.engine.table_checks import (
    FAILED_CHECK_CAP,
    REQUIRED_CELL_MISSING,
    ROW_ARITHMETIC,
    SUM_MISMATCH,
    UNREADABLE_CELL,
    column_role,
)
from extraction.engine.types import FieldType
from extraction.gate import DocumentFlag, GateFlag, effective_threshold
from extraction.models import DocumentField, DocumentPage

CONFIDENCE_HIGH = 90
CONFIDENCE_MEDIUM = 70

FLAG_LABELS: dict[str, str] = {
    GateFlag.LOW_CONFIDENCE: "Below the review threshold",
    GateFlag.REQUIRED_MISSING: "Required value missing",
    GateFlag.TABLE_CHECK_FAILED.detail(ROW_ARITHMETIC): "Quantity × unit price ≠ amount in a row",
    GateFlag.TABLE_CHECK_FAILED.detail(SUM_MISMATCH): "Row amounts do not add up to the subtotal",
    GateFlag.TABLE_CHECK_FAILED.detail(REQUIRED_CELL_MISSING): "A required cell is empty",
    GateFlag.TABLE_CHECK_FAILED.detail(UNREADABLE_CELL): "A cell could not be read as its type",
}
CELL_ISSUE_LABELS = {
    ROW_ARITHMETIC: "quantity × unit price ≠ amount",
    SUM_MISMATCH: "amounts do not add up to the subtotal",
    REQUIRED_CELL_MISSING: "required, empty",
    UNREADABLE_CELL: "not a valid value of this column",
}


def flag_label(flag: str) -> str:
    """Why a field is held, in words: `rule_failed:totals_add_up` reads "Check “totals add up”
    failed", not the stored code."""
    if flag in FLAG_LABELS:
        return FLAG_LABELS[flag]
    kind, _, detail = str(flag).partition(":")
    words = detail.replace("_", " ").strip()
    if kind == GateFlag.RULE_FAILED and words:
        return f"Check “{words}” failed"
    if kind == GateFlag.TABLE_CHECK_FAILED and words:
        return f"Table check “{words}” failed"
    text = str(flag).replace("_", " ").replace(":", ": ")
    return text[:1].upper() + text[1:]


INPUT_HINTS: dict[str, str] = {
    FieldType.DATE: "YYYY-MM-DD",
    FieldType.MONEY: "Amount, e.g. 1234.50",
    FieldType.NUMBER: "Number, e.g. 12 or 3.5",
    FieldType.EMAIL: "Email address",
    FieldType.PHONE: "Phone number",
    FieldType.IBAN: "IBAN",
    FieldType.BOOLEAN: "true or false",
}


def confidence_level(confidence: int) -> str:
    """`high`, `medium` or `low`: the colour band of a confidence."""
    if confidence >= CONFIDENCE_HIGH:
        return "high"
    if confidence >= CONFIDENCE_MEDIUM:
        return "medium"
    return "low"


def value_display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@dataclass(frozen=True)
class Box:
    """A rectangle in percent of its page."""

    page: int
    left: float
    top: float
    width: float
    height: float

    @property
    def style(self) -> str:
        return (
            f"left:{self.left:.3f}%;top:{self.top:.3f}%;"
            f"width:{self.width:.3f}%;height:{self.height:.3f}%"
        )


def box_from_bbox(
    bbox: Any, page_number: int | None, pages: Mapping[int, DocumentPage]
) -> Box | None:
    """The box of `bbox` (x0, y0, x1, y1) on document page `page_number`, if it can be drawn."""
    page = pages.get(page_number) if page_number else None
    if page is None or not bbox or len(bbox) != 4 or page.width <= 0 or page.height <= 0:
        return None
    x0, y0, x1, y1 = (float(v) for v in bbox)
    left = max(0.0, min(x0, x1)) / page.width * 100
    top = max(0.0, min(y0, y1)) / page.height * 100
    width = min(abs(x1 - x0) / page.width * 100, 100 - left)
    height = min(abs(y1 - y0) / page.height * 100, 100 - top)
    return Box(page=page.number, left=left, top=top, width=width, height=height)


@dataclass(frozen=True)
class FieldError:
    """A reviewer's value the services refused, to show beside the input it came from."""

    key: str
    message: str
    value: str
    row: int | None = None
    column: str = ""


@dataclass(frozen=True)
class CellView:
    key: str
    row: int
    column: str
    label: str
    value: str
    text: str
    confidence: int
    level: str
    reviewed: bool
    box: Box | None
    input_value: str
    error: str
    issues: list[str] = field(default_factory=list)
    """Checks the cell failed, as sentences for the reviewer (empty once corrected)."""
    role: str = ""
    """`quantity`, `unit_price` or `amount` for the row arithmetic the page re-checks live."""

    @property
    def dom_id(self) -> str:
        return f"cell-{self.key}-{self.row}-{self.column}"

    @property
    def empty(self) -> bool:
        """Nothing was read (or kept) in the cell: shown as empty, not as a confidence of 0."""
        return not self.value

    @property
    def number(self) -> int:
        return self.row + 1


@dataclass(frozen=True)
class TableRow:
    number: int
    cells: list[CellView]


@dataclass(frozen=True)
class FieldView:
    key: str
    label: str
    field_type: str
    value: str
    text: str
    confidence: int
    level: str
    pending: bool
    flagged: bool
    reviewed: bool
    flags: list[str]
    page: int | None
    box: Box | None
    machine_value: str
    hint: str
    choices: list[str]
    editing: bool
    input_value: str
    error: str
    columns: list[tuple[str, str]] = field(default_factory=list)
    rows: list[TableRow] = field(default_factory=list)
    required: bool = False
    threshold: int | None = None
    resettable: bool = False
    """A reviewer changed it: "reset to machine value" is offered."""

    @property
    def dom_id(self) -> str:
        return f"field-{self.key}"

    @property
    def missing(self) -> bool:
        """Nothing was found (and nobody filled it in)."""
        return not self.is_table and self.value == "" and not self.reviewed

    @property
    def optional_missing(self) -> bool:
        """An optional field with no value: shown as missing, not as a red confidence 0."""
        return self.missing and not self.required

    @property
    def below_threshold(self) -> bool:
        return self.threshold is not None and self.confidence < self.threshold

    @property
    def is_table(self) -> bool:
        return self.field_type == FieldType.TABLE

    @property
    def corrected(self) -> bool:
        return self.reviewed and self.machine_value != self.value and not self.is_table

    @property
    def state(self) -> str:
        """`pending`, `reviewed` or `clean`: what the row and its box are coloured as."""
        if self.pending:
            return "pending"
        return "reviewed" if self.reviewed else "clean"


@dataclass(frozen=True)
class BoxView:
    """One rectangle drawn over a page image, linked to its field (and cell)."""

    field_key: str
    dom_id: str
    label: str
    level: str
    state: str
    box: Box
    cell_id: str = ""


@dataclass(frozen=True)
class PageView:
    number: int
    width: float
    height: float
    boxes: list[BoxView]


@dataclass(frozen=True)
class ReviewView:
    fields: list[FieldView]
    pages: list[PageView]
    pending_count: int
    decidable: bool
    threshold: int | None = None
    document_flags: list[dict[str, str]] = field(default_factory=list)
    """Why the gate holds the whole document: `{"flag", "reason"}` (`document_flag_reasons`)."""

    @property
    def approvable(self) -> bool:
        """Approve document is offered once nothing is held."""
        return self.decidable and self.pending_count == 0


def review_view_build(
    document: Document, *, editing: str | None = None, error: FieldError | None = None
) -> ReviewView:
    """Everything the review page renders for `document` (loaded with fields and pages)."""
    pages = {page.number: page for page in document.pages.all()}
    specs = _specs(document)
    threshold = document_threshold(document)
    changed = _changed_keys(document)
    held = document.status == Document.Status.REVIEW_REQUIRED
    fields = [
        field_view_build(
            f,
            spec=specs.get(f.key, {}),
            pages=pages,
            editing=editing,
            error=error,
            threshold=threshold,
            resettable=f.key in changed,
            held=held,
        )
        for f in sorted(document.fields.all(), key=lambda f: (not f.is_pending, f.position, f.pk))
    ]
    return ReviewView(
        fields=fields,
        pages=[
            PageView(
                number=page.number,
                width=page.width,
                height=page.height,
                boxes=_boxes(fields, page.number),
            )
            for page in pages.values()
        ],
        pending_count=sum(f.pending for f in fields),
        decidable=document.status == Document.Status.REVIEW_REQUIRED,
        threshold=threshold,
        document_flags=document_flag_reasons(document),
    )


def document_flag_reasons(document: Document) -> list[dict[str, str]]:
    """Why the gate holds the whole document, each as `{"flag", "reason"}` with the sentence
    the review page shows (`extraction.gate.DocumentFlag`; none for most documents, and none
    once the document is decided)."""
    uncertain = document.metadata.get(DocumentFlag.CASE_TYPE_UNCERTAIN)
    if not uncertain or document.status != Document.Status.REVIEW_REQUIRED:
        return []
    chosen, *others = uncertain["candidates"]
    reason = (
        f"Case type uncertain: classification chose {chosen} over {', '.join(others)} with "
        f"confidence {uncertain['confidence']}, under the threshold {uncertain['threshold']}. "
        f"Approve only if the document is of the case type {chosen}; otherwise reject it "
        "(“Not a document of this case type”) so that it is sent again with the right "
        "templateName."
    )
    return [{"flag": DocumentFlag.CASE_TYPE_UNCERTAIN.value, "reason": reason}]


def document_threshold(document: Document) -> int | None:
    """The review threshold the gate held the document with: its job's, else its case type's."""
    jobs = list(document.jobs.all())
    job_threshold = jobs[0].review_threshold if jobs else None
    return effective_threshold(
        job_threshold=job_threshold, case_type_threshold=document.case.case_type.review_threshold
    )


def _changed_keys(document: Document) -> set[str]:
    """Fields a reviewer changed (those with a decision that recorded the field before it)."""
    return set(
        document.decisions.filter(before__isnull=False)
        .exclude(field_key="")
        .values_list("field_key", flat=True)
    )


def field_view_for(
    document: Document, key: str, *, editing: str | None = None, error: FieldError | None = None
) -> FieldView | None:
    """One field's row (after a decision), or None if the document has no such field."""
    pages = {page.number: page for page in document.pages.all()}
    spec = _specs(document).get(key, {})
    found = next((f for f in document.fields.all() if f.key == key), None)
    if found is None:
        return None
    return field_view_build(
        found,
        spec=spec,
        pages=pages,
        editing=editing,
        error=error,
        threshold=document_threshold(document),
        resettable=key in _changed_keys(document),
        held=document.status == Document.Status.REVIEW_REQUIRED,
    )


def field_view_build(
    document_field: DocumentField,
    *,
    spec: Mapping[str, Any],
    pages: Mapping[int, DocumentPage],
    editing: str | None,
    error: FieldError | None,
    threshold: int | None = None,
    resettable: bool = False,
    held: bool = True,
) -> FieldView:
    """One field's row; a field of a document no longer `held` for review (approved, rejected)
    is never pending: nothing on it waits for a reviewer."""
    key = document_field.key
    field_type = document_field.field_type or spec.get("type", FieldType.TEXT)
    own_error = error if error is not None and error.key == key else None
    field_error = own_error if own_error is not None and own_error.row is None else None
    value = value_display(document_field.value)
    columns, rows = [], []
    if field_type == FieldType.TABLE:
        columns = _columns(spec, document_field.rows)
        rows = _table_rows(document_field, columns, pages, own_error)
    return FieldView(
        key=key,
        label=str(spec.get("label") or key.replace("_", " ").capitalize()),
        field_type=field_type,
        value=value,
        text=document_field.text,
        confidence=document_field.confidence,
        level=confidence_level(document_field.confidence),
        pending=held and document_field.is_pending,
        flagged=document_field.flagged,
        reviewed=document_field.reviewed,
        flags=[flag_label(flag) for flag in document_field.flags],
        page=document_field.page,
        box=box_from_bbox(document_field.bbox, document_field.page, pages),
        machine_value=value_display(document_field.machine_value),
        hint=INPUT_HINTS.get(field_type, ""),
        choices=[str(choice) for choice in spec.get("choices") or []]
        or (["true", "false"] if field_type == FieldType.BOOLEAN else []),
        editing=editing == key or field_error is not None,
        input_value=field_error.value if field_error is not None else value,
        error=field_error.message if field_error is not None else "",
        columns=columns,
        rows=rows,
        required=bool(spec.get("required")),
        threshold=threshold,
        resettable=resettable,
    )


def _specs(document: Document) -> dict[str, Mapping[str, Any]]:
    return {spec["key"]: spec for spec in document.case.case_type.field_schema}


def _columns(spec: Mapping[str, Any], rows: Iterable[Mapping[str, Any]]) -> list[tuple[str, str]]:
    columns = [(str(c["key"]), str(c.get("label") or c["key"])) for c in spec.get("columns") or []]
    known = {key for key, _ in columns}
    for row in rows:
        for key in row:
            if key not in known:
                known.add(key)
                columns.append((key, key.replace("_", " ").capitalize()))
    return columns


def _table_rows(
    document_field: DocumentField,
    columns: list[tuple[str, str]],
    pages: Mapping[int, DocumentPage],
    error: FieldError | None,
) -> list[TableRow]:
    rows = []
    for index, row in enumerate(document_field.rows):
        cells = []
        for column, label in columns:
            cell = row.get(column) or {}
            cell_error = (
                error
                if error is not None and error.row == index and error.column == column
                else None
            )
            value = value_display(cell.get("value"))
            confidence = int(cell.get("confidence") or 0)
            reviewed = bool(cell.get("reviewed"))
            issues = (
                []
                if reviewed
                else [
                    CELL_ISSUE_LABELS.get(issue, issue.replace("_", " "))
                    for issue in cell.get("issues") or ()
                ]
            )
            if issues:
                # The table's confidence is capped while a check fails; so are its cells'.
                confidence = min(confidence, FAILED_CHECK_CAP)
            cells.append(
                CellView(
                    key=document_field.key,
                    row=index,
                    column=column,
                    label=label,
                    value=value,
                    text=str(cell.get("text") or ""),
                    confidence=confidence,
                    level=confidence_level(confidence),
                    reviewed=reviewed,
                    box=box_from_bbox(cell.get("bbox"), cell.get("page"), pages),
                    input_value=cell_error.value if cell_error is not None else value,
                    error=cell_error.message if cell_error is not None else "",
                    issues=issues,
                    role=column_role(column) or "",
                )
            )
        rows.append(TableRow(number=index + 1, cells=cells))
    return rows


def _boxes(fields: Iterable[FieldView], page_number: int) -> list[BoxView]:
    boxes = []
    for view in fields:
        if view.box is not None and view.box.page == page_number:
            boxes.append(
                BoxView(
                    field_key=view.key,
                    dom_id=f"box-{view.key}",
                    label=view.label,
                    level=view.level,
                    state=view.state,
                    box=view.box,
                )
            )
        for row in view.rows:
            for cell in row.cells:
                if cell.box is not None and cell.box.page == page_number:
                    boxes.append(
                        BoxView(
                            field_key=view.key,
                            dom_id=f"box-{cell.dom_id}",
                            label=f"{view.label}, row {row.number}, {cell.label}",
                            level=cell.level,
                            state="reviewed" if cell.reviewed else view.state,
                            box=cell.box,
                            cell_id=cell.dom_id,
                        )
                    )
    return boxes
