"""Document splitting: one upload holding several documents -> page groups, one per document.

Called by `run_engine` when `split_documents` is set. A page starts a new document when its own
page numbering says so (`Page 1 of 3`, `Seite 1/2`, `1/4`), or, without numbering, when it
carries a document title in its top part and an identifier (invoice or order number) that differs
from the previous page's. A page saying `Page 2 of 3` always continues. Pure: pages in, groups
of 1-based page numbers out.
"""

from __future__ import annotations

import re

from extraction.engine.labels import compact
from extraction.engine.layout import Line, group_lines
from extraction.engine.types import PageResult

_PAGE_MARK = re.compile(
    r"\b(?:page|seite|pagina|página|pag\.?|p\.)\s*(\d{1,3})\s*(?:(?:of|von|de|sur|van|/)\s*(\d{1,3}))?",
    re.IGNORECASE,
)
_FRACTION = re.compile(r"^\s*(\d{1,3})\s*/\s*(\d{1,3})\s*$")
_TITLES = (
    "invoice",
    "taxinvoice",
    "rechnung",
    "facture",
    "factuur",
    "factura",
    "purchaseorder",
    "receipt",
    "paymentreceipt",
    "creditnote",
    "gutschrift",
    "avoir",
    "bestellung",
    "statement",
    "quote",
    "quotation",
    "angebot",
    "devis",
    "offerte",
    "lieferschein",
)
_IDENTIFIER = re.compile(
    r"(?:invoice|rechnung|facture|factuur|factura|order|bestell|commande|receipt)\w*"
    r"\s*(?:number|no\.?|nr\.?|n°|nº|#|nummer|num[eé]ro)?\s*[:#]?\s*([A-Z0-9][A-Z0-9/\-_.]{2,})",
    re.IGNORECASE,
)


def page_number_mark(lines: list[Line]) -> tuple[int, int | None] | None:
    """The page's own number (and total) as printed, looking at header and footer lines."""
    candidates = lines[:4] + lines[-4:]
    for line in candidates:
        match = _PAGE_MARK.search(line.text)
        if match:
            total = int(match.group(2)) if match.group(2) else None
            return int(match.group(1)), total
        for phrase in line.phrases:
            fraction = _FRACTION.match(phrase.text)
            if fraction and int(fraction.group(1)) <= int(fraction.group(2)) <= 999:
                return int(fraction.group(1)), int(fraction.group(2))
    return None


def _has_title(lines: list[Line], height: float) -> bool:
    for line in lines:
        if line.bbox[1] > 0.35 * height:
            break
        for phrase in line.phrases:
            if compact(phrase.text) in _TITLES:
                return True
    return False


def _identifier(lines: list[Line]) -> str | None:
    for line in lines[:30]:
        match = _IDENTIFIER.search(line.text)
        if match and re.search(r"\d", match.group(1)):
            return match.group(1).upper()
    return None


def split_pages(pages: list[PageResult]) -> list[list[int]]:
    groups: list[list[int]] = []
    previous_id: str | None = None
    for page in pages:
        lines = group_lines(page.words, page.number, 0)
        mark = page_number_mark(lines)
        identifier = _identifier(lines)
        starts = not groups
        if not starts and mark is not None:
            starts = mark[0] == 1
        elif not starts:
            starts = (
                _has_title(lines, page.height)
                and identifier is not None
                and previous_id is not None
                and identifier != previous_id
            )
        if starts:
            groups.append([page.number])
        else:
            groups[-1].append(page.number)
        previous_id = identifier or previous_id
    return groups
