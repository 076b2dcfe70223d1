"""Read a PDF page by page for conversion: the text layer where it is usable, OCR where not.

Each page goes through the extraction engine's own page reader (`extract_pages`: text layer,
its checks, OCR of scanned or unreadable pages), so a scanned PDF converts to text exactly as
it extracts. `text_pdf` rebuilds the document with every OCR'd page replaced by a page of
visible text at the words' positions, which is what the layout converters (pdf2docx) read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pymupdf

from extraction.engine.layout import group_lines
from extraction.engine.loading import PDF, LoadedFile, open_pdf, sniff_media_type
from extraction.engine.types import BBox, EngineError, EngineErrorCode, EngineLimits, PageResult
from extraction.engine.words import extract_pages

Progress = Callable[[int, int], None]
"""Called with (pages done, pages in all) as the work moves."""

OCR_FONT = "helv"
MIN_FONT_SIZE = 4.0
MAX_FONT_SIZE = 48.0


@dataclass(frozen=True)
class ReadPage:
    """One page as read: its engine result (words in upright page space) and whether its
    words came from the text layer as is (`ocr` False) or from OCR."""

    index: int
    """0-based page index in the PDF."""
    result: PageResult

    @property
    def ocr(self) -> bool:
        return self.result.source != "text"


def open_document(content: bytes, limits: EngineLimits) -> pymupdf.Document:
    """The PDF, opened with extraction's checks; anything but a PDF is UNSUPPORTED_FILE_TYPE."""
    try:
        media_type = sniff_media_type(content)
    except EngineError:
        media_type = ""
    if media_type != PDF:
        raise EngineError(EngineErrorCode.UNSUPPORTED_FILE_TYPE, "Only PDF files can be converted.")
    return open_pdf(content, None, limits)


def read_pages(
    document: pymupdf.Document, limits: EngineLimits, progress: Progress | None = None
) -> list[ReadPage]:
    """Every page through the engine's page reader, one at a time, reporting progress."""
    pages: list[ReadPage] = []
    total = document.page_count
    for index in range(total):
        single = pymupdf.open()
        try:
            single.insert_pdf(document, from_page=index, to_page=index)
            result = extract_pages(LoadedFile(PDF, pdf=single), limits)[0]
        finally:
            single.close()
        pages.append(ReadPage(index, result))
        if progress:
            progress(index + 1, total)
    return pages


def text_pdf(document: pymupdf.Document, pages: list[ReadPage]) -> bytes:
    """The PDF with each OCR'd page replaced by its words drawn as visible text."""
    if not any(page.ocr for page in pages):
        return document.tobytes()
    out = pymupdf.open()
    for page in pages:
        if not page.ocr:
            out.insert_pdf(document, from_page=page.index, to_page=page.index)
            continue
        drawn = out.new_page(width=page.result.width, height=page.result.height)
        for line in group_lines(page.result.words, 1, 0):
            for phrase in line.phrases:
                _draw_phrase(drawn, phrase.text, phrase.bbox)
    try:
        return out.tobytes(garbage=3, deflate=True)
    finally:
        out.close()


def _draw_phrase(page: pymupdf.Page, text: str, box: BBox) -> None:
    """The phrase in Helvetica on its box's baseline, at the size that fills the box's width
    (kept within 60-100% of the box's height), so spaces and columns survive."""
    height = box[3] - box[1]
    width = box[2] - box[0]
    if height <= 0 or width <= 0:
        return
    unit = pymupdf.get_text_length(text, fontname=OCR_FONT, fontsize=1.0)
    size = width / unit if unit else height * 0.8
    size = min(max(size, height * 0.6, MIN_FONT_SIZE), height, MAX_FONT_SIZE)
    page.insert_text((box[0], box[3] - height * 0.2), text, fontname=OCR_FONT, fontsize=size)
