"""Casefile's engine over the evaluation corpora: seconds per document, pages by source, values.

Called by `bench/__main__.py`. Documents go through `run_engine` in this process (the engine
alone: no job, no database, no fork of `run_engine_isolated`), after a warm-up that loads the OCR
models so that model loading is reported separately instead of charged to the first document.
Scoring lives in `bench/scoring.py`; this module only runs and times.
"""

from __future__ import annotations

import resource
import statistics
import time
from collections import Counter
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

from extraction.engine import run_engine
from extraction.engine.ocr import ocr_image
from extraction.engine.types import EngineError, EngineInput, Schema
from extraction.evaluation import CorpusItem


@dataclass(frozen=True)
class DocumentRun:
    name: str
    seconds: float
    values: dict[str, object]
    """Field key -> predicted value (None when not found)."""
    cpu_seconds: float = 0.0
    """CPU time of this process and the programs it ran (Tesseract), less sensitive than wall
    time to other work on the machine."""
    pages: int = 0
    sources: tuple[str, ...] = ()
    """Per page: `text` (PDF text layer) or `ocr`."""
    error: str | None = None


@dataclass(frozen=True)
class CorpusRun:
    corpus: str
    documents: tuple[DocumentRun, ...]

    @property
    def pages(self) -> int:
        return sum(doc.pages for doc in self.documents)

    @property
    def seconds(self) -> float:
        return sum(doc.seconds for doc in self.documents)

    @property
    def cpu_seconds(self) -> float:
        return sum(doc.cpu_seconds for doc in self.documents)

    @property
    def pages_by_source(self) -> Counter[str]:
        return Counter(source for doc in self.documents for source in doc.sources)

    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0


def warm_up() -> float:
    """Load the OCR models once (seconds taken), so no document pays for it."""
    image = Image.new("RGB", (420, 90), "white")
    ImageDraw.Draw(image).text(
        (20, 25), "Invoice 48213", fill="black", font=ImageFont.load_default(size=32)
    )
    started = time.perf_counter()
    ocr_image(image)
    return time.perf_counter() - started


def run_corpus(
    name: str, items: list[CorpusItem], schemas: dict[str, Schema], *, repeats: int = 1
) -> CorpusRun:
    """Every document `repeats` times; a document's time is the median of its runs."""
    runs: dict[str, list[DocumentRun]] = {item.name: [] for item in items}
    for _ in range(max(1, repeats)):
        for item in items:
            runs[item.name].append(run_document(item, schemas))
    documents = tuple(
        DocumentRun(
            first.name,
            statistics.median(run.seconds for run in runs[item.name]),
            first.values,
            statistics.median(run.cpu_seconds for run in runs[item.name]),
            first.pages,
            first.sources,
            first.error,
        )
        for item in items
        for first in runs[item.name][:1]
    )
    return CorpusRun(name, documents)


def cpu_time() -> float:
    """User and system seconds of this process and of its finished child processes."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_document(item: CorpusItem, schemas: dict[str, Schema]) -> DocumentRun:
    schema = schemas[item.case_type]
    content = item.path.read_bytes()
    started, cpu_started = time.perf_counter(), cpu_time()
    try:
        result = run_engine(EngineInput(content, item.path.name, (schema,)))
    except EngineError as exc:
        seconds, cpu = time.perf_counter() - started, cpu_time() - cpu_started
        return DocumentRun(item.name, seconds, {}, cpu, error=exc.code)
    seconds, cpu = time.perf_counter() - started, cpu_time() - cpu_started
    fields = result.documents[0].fields if result.documents else ()
    return DocumentRun(
        item.name,
        seconds,
        {field.key: field.value for field in fields},
        cpu,
        result.page_count,
        tuple(page.source for page in result.pages),
    )
