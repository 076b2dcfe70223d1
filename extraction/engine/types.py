"""Frozen inputs and outputs of the extraction engine.

The engine is pure: it takes an `EngineInput` (bytes, schemas, options) and returns an
`EngineResult`. It never touches the ORM, Django settings or the network. The worker builds the
input from the database and persists the result; `evaluate` and `make bench` call the engine
directly with the same types.

Value conventions (what `FieldResult.value` holds, by field type):
- text, email, phone, iban, enum: `str`
- number, money: decimal string (`"1234.50"`), never a float
- date: ISO `YYYY-MM-DD`
- boolean: `bool`
- table: `list[dict[column_key, CellResult]]`, carried in `FieldResult.rows`, value is None
A field that was not found has `value=None`, `confidence=0`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

BBox = tuple[float, float, float, float]
"""x0, y0, x1, y1 in PDF points of the page, origin top-left (PyMuPDF's convention)."""


class FieldType(StrEnum):
    """The field types of SPEC §2, the one list: `cases.schema` validates case types against it
    and the engine parses by it. A member equals (and serialises as) its string value, so stored
    schemas and API payloads keep the plain strings."""

    TEXT = "text"
    NUMBER = "number"
    MONEY = "money"
    DATE = "date"
    EMAIL = "email"
    PHONE = "phone"
    IBAN = "iban"
    ENUM = "enum"
    BOOLEAN = "boolean"
    TABLE = "table"


FIELD_TYPES = tuple(FieldType)
COLUMN_TYPES = tuple(t for t in FieldType if t is not FieldType.TABLE)
"""A table's cells take every type but `table`."""


@dataclass(frozen=True)
class ColumnSpec:
    key: str
    label: str
    type: str = FieldType.TEXT
    synonyms: tuple[str, ...] = ()
    required: bool = False
    """Every row must have this cell; an empty one holds the table for review."""


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str
    type: str = FieldType.TEXT
    required: bool = False
    synonyms: tuple[str, ...] = ()
    pattern: str | None = None
    choices: tuple[str, ...] = ()
    columns: tuple[ColumnSpec, ...] = ()
    threshold: int | None = None


@dataclass(frozen=True)
class Schema:
    """One case type as the engine sees it."""

    slug: str
    fields: tuple[FieldSpec, ...]
    keywords: tuple[str, ...] = ()
    locale: str | None = None
    """Where the case type's documents come from, as a BCP 47 tag (`de-DE`, `en-US`); None
    when unknown. Evidence for reading ambiguous dates (`language.locale_date_order`)."""


@dataclass(frozen=True)
class EngineLimits:
    max_pages: int = 200
    max_pixels: int = 40_000_000
    ocr_dpi: int = 200


@dataclass(frozen=True)
class RememberedPosition:
    """Where a field's right value sat on a layout, learned from a reviewer (`engine.memory`)."""

    id: str
    key: str
    page: int
    bbox: BBox
    """The value's box as fractions of the page's width and height (0-1)."""
    label: str = ""
    """The static words next to the value (left on its line, else above it); "" when none."""
    offset: tuple[float, float] = (0.0, 0.0)
    """The value's top-left corner minus the label's, in points."""
    right: int = 0
    """Later documents of the layout on which this position read the reviewed value."""
    wrong: int = 0
    """Later documents on which it read something else."""


@dataclass(frozen=True)
class RememberedLayout:
    """One layout a workspace's reviewers taught, as plain data for the pure engine."""

    id: str
    schema_slug: str
    issuer: str
    """The issuer's identity printed on the page (VAT id or IBAN), "" when none was found."""
    signature: tuple[str, ...]
    """The page's static words with their coarse positions (`engine.memory.fingerprint`)."""
    positions: tuple[RememberedPosition, ...] = ()
    anchors: tuple[tuple[str, float, float], ...] = ()
    """Words printed once on the first page (word, centre x, centre y in page widths) of the
    document the layout was first taught from: its frame (`engine.memory.anchors`)."""
    page_size: tuple[float, float] = (0.0, 0.0)
    """Width and height of that first page (points); (0, 0) for a layout without a frame."""


@dataclass(frozen=True)
class EngineInput:
    content: bytes
    filename: str
    schemas: tuple[Schema, ...]
    """One schema (templateName) or several candidates (filterName) to classify among."""
    password: str | None = None
    split_documents: bool = False
    return_text: bool = False
    limits: EngineLimits = field(default_factory=EngineLimits)
    memory: tuple[RememberedLayout, ...] = ()
    """Layouts the workspace's reviewers taught for these schemas (layout memory)."""


@dataclass(frozen=True)
class Word:
    text: str
    bbox: BBox
    confidence: float
    """0-100; text-layer words are 100 unless the layer is judged unusable."""
    direction: int = 0
    """Clockwise degrees (0, 90, 180, 270) the word's baseline is turned from left-to-right in
    the frame of `bbox`: 90 reads downwards, 270 upwards. Only text-layer words on vertical lines
    have one; OCR reads its page turned upright."""


@dataclass(frozen=True)
class PageResult:
    number: int
    """1-based page number in the uploaded file."""
    width: float
    height: float
    text: str
    source: str
    """`text` (PDF text layer) or `ocr`."""
    rotation: int = 0
    words: tuple[Word, ...] = ()


@dataclass(frozen=True)
class CellResult:
    value: object
    text: str
    confidence: int
    page: int | None = None
    bbox: BBox | None = None
    issues: tuple[str, ...] = ()
    """Checks this cell failed (`table_checks.CELL_ISSUES`); the review page marks them."""


@dataclass(frozen=True)
class FieldResult:
    key: str
    value: object
    text: str
    confidence: int
    """0-100; means: among fields scored >= T, at least T% are right."""
    page: int | None = None
    bbox: BBox | None = None
    rows: tuple[dict[str, CellResult], ...] = ()
    """Only for table fields."""


@dataclass(frozen=True)
class DocumentResult:
    index: int
    schema_slug: str
    classification_confidence: int
    pages: tuple[int, ...]
    """1-based page numbers of the upload that form this document."""
    fields: tuple[FieldResult, ...]
    text: str = ""
    layout: LayoutReading | None = None
    """The document's layout fingerprint and what layout memory read on it."""


@dataclass(frozen=True)
class LayoutReading:
    """A document's layout as the engine saw it, and what each remembered position read."""

    issuer: str
    signature: tuple[str, ...]
    layout_id: str | None = None
    """The remembered layout it matched, None for a layout not seen before."""
    similarity: float = 0.0
    readings: tuple[tuple[str, str, str], ...] = ()
    """(position id, field key, value read as a string) per remembered position that read a
    value parsing as its field's type."""
    from_memory: tuple[str, ...] = ()
    """Field keys whose value and confidence came from layout memory."""


@dataclass(frozen=True)
class EngineResult:
    page_count: int
    pages: tuple[PageResult, ...]
    documents: tuple[DocumentResult, ...]
    media_type: str
    """Sniffed from the bytes: application/pdf, image/png, image/jpeg, image/tiff."""


class EngineErrorCode(StrEnum):
    """The engine's stable failure codes (SPEC §8); a job that fails with one stores and
    publishes the string."""

    NO_SCHEMA = "NO_SCHEMA"
    UNSUPPORTED_FILE_TYPE = "UNSUPPORTED_FILE_TYPE"
    CORRUPT_FILE = "CORRUPT_FILE"
    MALFORMED_PDF = "MALFORMED_PDF"
    PASSWORD_REQUIRED = "PASSWORD_REQUIRED"
    INVALID_PASSWORD = "INVALID_PASSWORD"
    TOO_MANY_PAGES = "TOO_MANY_PAGES"
    IMAGE_TOO_LARGE = "IMAGE_TOO_LARGE"
    TIMEOUT = "TIMEOUT"
    MEMORY_LIMIT = "MEMORY_LIMIT"
    WORKER_CRASHED = "WORKER_CRASHED"


class EngineError(Exception):
    """An expected failure of one input; `code` is an `EngineErrorCode`, or a code of the
    pipeline around the engine (`FILTER_EMPTY`) that fails a job the same way."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
