"""Hostile inputs made by code (no stored binaries): PDFs whose structure lies.

`pdf_from_objects` writes a PDF from numbered object bodies with a correct cross-reference
table, so MuPDF opens it without repairing and meets exactly the lie each builder tells.
"""

from __future__ import annotations

_CONTENT = b"BT /F1 12 Tf 72 720 Td (Invoice INV-42 Total 10.00) Tj ET"
_CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
_STREAM = b"<< /Length %d >>\nstream\n" % len(_CONTENT) + _CONTENT + b"\nendstream"
_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def pdf_from_objects(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF of the object bodies (numbered from 1) with an exact xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        root,
        xref,
    )
    return bytes(out)


def _page(parent: int = 2) -> bytes:
    return (
        b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>" % parent
    )


def pdf_with_lying_page_count(count: int = 3) -> bytes:
    """One page, but the page tree's /Count claims `count`."""
    pages = b"<< /Type /Pages /Kids [3 0 R] /Count %d >>" % count
    return pdf_from_objects([_CATALOG, pages, _page(), _STREAM, _FONT])


def pdf_with_page_tree_cycle() -> bytes:
    """A page tree whose second kid is a /Pages node pointing back at the root."""
    pages = b"<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>"
    loop = b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>"
    return pdf_from_objects([_CATALOG, pages, _page(), _STREAM, _FONT, loop])


def pdf_with_self_kid() -> bytes:
    """The root /Pages node lists itself among its kids."""
    pages = b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>"
    return pdf_from_objects([_CATALOG, pages, _page(), _STREAM, _FONT])


def pdf_with_huge_page_count() -> bytes:
    """/Count far past any real page tree (MuPDF refuses it at open)."""
    return pdf_with_lying_page_count(5000)


MALFORMED_PDFS = {
    "lying page count": pdf_with_lying_page_count,
    "huge page count": pdf_with_huge_page_count,
    "page tree cycle": pdf_with_page_tree_cycle,
    "page tree lists itself": pdf_with_self_kid,
}
