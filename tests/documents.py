"""Small documents made in the tests: text-layer PDFs written with PyMuPDF."""

from __future__ import annotations

from collections.abc import Iterable

import pymupdf


def pdf_with_lines(
    lines: Iterable[str] | Iterable[Iterable[str]], *, font_size: float = 11
) -> bytes:
    """A PDF with one page per list of lines (or one page for a flat list of strings)."""
    pages = list(lines)
    if pages and isinstance(pages[0], str):
        pages = [pages]
    document = pymupdf.open()
    for page_lines in pages:
        page = document.new_page(width=595, height=842)
        y = 72.0
        for line in page_lines:
            page.insert_text((72, y), line, fontsize=font_size)
            y += font_size * 1.8
    data = document.tobytes()
    document.close()
    return data


INVOICE_LINES = [
    "ACME Supplies Ltd",
    "12 Harbour Road, Bristol",
    "",
    "Invoice number: INV-2024-0042",
    "Invoice date: 14 March 2024",
    "Due date: 13 April 2024",
    "",
    "Subtotal: 100.00 EUR",
    "VAT: 21.00 EUR",
    "Total: 121.00 EUR",
]
