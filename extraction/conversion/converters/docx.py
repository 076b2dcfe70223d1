"""The `pdf2docx` engine: a PDF as an editable Word document, through the pdf2docx library.

pdf2docx rebuilds paragraphs (fonts, sizes, colours, spacing), images and tables (as Word
tables, from ruling lines and from text alignment) page by page. It reads the PDF that
`pages.text_pdf` gives it, so a scanned page arrives as OCR'd text rather than a picture.
Progress moves page by page through the library's public page objects.
"""

from __future__ import annotations

import io
import logging

from pdf2docx import Converter

from extraction.conversion.converters.pages import Progress
from extraction.engine.types import EngineError

log = logging.getLogger(__name__)

CONVERSION_FAILED = "CONVERSION_FAILED"


def to_docx(pdf: bytes, progress: Progress | None = None) -> bytes:
    converter = Converter(stream=pdf)
    try:
        settings = converter.default_settings
        settings.update({"ignore_page_error": False, "raw_exceptions": False})
        converter.load_pages()
        converter.parse_document(**settings)
        pages = [page for page in converter.pages if not page.skip_parsing]
        for done, page in enumerate(pages, start=1):
            try:
                page.parse(**settings)
            except Exception as exc:
                raise EngineError(
                    CONVERSION_FAILED, f"Page {page.id + 1} could not be converted: {exc}"
                ) from exc
            if progress:
                progress(done, len(pages))
        buffer = io.BytesIO()
        converter.make_docx(buffer, **settings)
        return buffer.getvalue()
    finally:
        converter.close()
