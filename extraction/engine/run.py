"""`run_engine`: the engine's whole pipeline on one upload, in this process.

Called through `extraction.engine.run_engine` (and by `isolation.py` in the child process).
load -> words (text layer or OCR) -> split -> classify -> fields and tables -> table checks.
Pure: no Django, no ORM, no network.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any, cast

from extraction.engine.classify import classify
from extraction.engine.fields import build_context, context_for_schema, extract_fields
from extraction.engine.layout import document_lines
from extraction.engine.loading import LoadedFile, load_file
from extraction.engine.memory import remember
from extraction.engine.split import split_pages
from extraction.engine.table_checks import check_table
from extraction.engine.tables import extract_table_fields
from extraction.engine.types import (
    DocumentResult,
    EngineError,
    EngineErrorCode,
    EngineInput,
    EngineResult,
    FieldResult,
    PageResult,
)
from extraction.engine.words import extract_pages

PageProgress = Callable[[int, int], None]
"""Called with (pages read, pages in the upload) as each page's words are ready."""


def run_engine(engine_input: EngineInput, on_page: PageProgress | None = None) -> EngineResult:
    """Run the whole pipeline on one upload; expected failures raise `EngineError`.

    `on_page` hears of each page read (text layer or OCR), for the job's progress."""
    if not engine_input.schemas:
        raise EngineError(
            EngineErrorCode.NO_SCHEMA, "At least one schema is needed to extract fields."
        )
    loaded = load_file(engine_input.content, engine_input.password, engine_input.limits)
    try:
        reading = loaded if on_page is None else _reporting_pages(loaded, on_page)
        pages = extract_pages(reading, engine_input.limits)
        if engine_input.split_documents and len(pages) > 1:
            groups = split_pages(pages)
        else:
            groups = [[page.number for page in pages]]
        documents = tuple(
            _document(index, [pages[n - 1] for n in group], engine_input, loaded)
            for index, group in enumerate(groups)
        )
    finally:
        loaded.close()
    if not engine_input.return_text:
        pages = [
            PageResult(p.number, p.width, p.height, "", p.source, p.rotation, p.words)
            for p in pages
        ]
    return EngineResult(len(pages), tuple(pages), documents, loaded.media_type)


def _document(
    index: int, pages: list[PageResult], engine_input: EngineInput, loaded: object
) -> DocumentResult:
    lines = document_lines(pages)
    context = build_context(lines)
    schema, classification = classify(context, engine_input.schemas)
    context = context_for_schema(context, schema)
    fields = {f.key: f for f in extract_fields(context, schema)} if lines else {}
    fields, layout = remember(context, pages, schema, engine_input.memory, fields)
    specs = {spec.key: spec for spec in schema.fields}
    tables = {
        f.key: check_table(f, specs[f.key], fields)
        for f in extract_table_fields(pages, lines, schema, context, loaded)
    }
    ordered = tuple(
        fields.get(spec.key) or tables.get(spec.key) or FieldResult(spec.key, None, "", 0)
        for spec in schema.fields
    )
    text = "\n\n".join(page.text for page in pages) if engine_input.return_text else ""
    return DocumentResult(
        index=index,
        schema_slug=schema.slug,
        classification_confidence=classification if lines else 0,
        pages=tuple(page.number for page in pages),
        fields=ordered,
        text=text,
        layout=layout,
    )


def _reporting_pages(loaded: LoadedFile, on_page: PageProgress) -> LoadedFile:
    """The upload, its pages wrapped so that reading them page by page reports progress."""
    total = loaded.page_count
    if loaded.pdf is not None:
        return replace(loaded, pdf=cast(Any, _ReportingPages(loaded.pdf, total, on_page)))
    return replace(loaded, images=cast(Any, _ReportingPages(loaded.images, total, on_page)))


class _ReportingPages:
    """Forwards to the pages (a PDF document or a list of images); iterating it calls
    `on_page(n, total)` once page n has been handled, i.e. when page n + 1 is asked for."""

    def __init__(self, pages: Any, total: int, on_page: PageProgress) -> None:
        self._pages = pages
        self._total = total
        self._on_page = on_page

    def __iter__(self) -> Iterator[Any]:
        for number, page in enumerate(self._pages, start=1):
            yield page
            self._on_page(number, self._total)

    def __len__(self) -> int:
        return len(self._pages)

    def __getitem__(self, index: Any) -> Any:
        return self._pages[index]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pages, name)
