"""Page images for the review page: one page of a stored file rendered to PNG by PyMuPDF.

Called by `review.views.page_image`. A rendering is cached on disk under
`settings.DATA_DIR / "page-cache"`, keyed by the file's SHA-256, the page of the upload and the
width, so the same upload shared by several split documents renders once and a cache entry can
never show another file's page. Widths are snapped to a few sizes so a client cannot fill the
disk with one entry per pixel, and the pixel count is capped below the extraction limit.

PyMuPDF opens PDFs and the image formats uploads may be (PNG, JPEG, TIFF, multi-page TIFF) the
same way. It is not thread-safe, so rendering holds a process-wide lock. The file has already
been parsed by the isolated extraction worker before a reviewer can open it; this module never
queries the database (`document_page_png` takes a page loaded with its file and jobs).
"""

from __future__ import annotations

import math
import os
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import pymupdf
from django.conf import settings

if TYPE_CHECKING:
    from extraction.models import DocumentPage

WIDTHS = (600, 1000, 1600, 2400)
DEFAULT_WIDTH = 1000
MAX_PIXELS = 12_000_000

_render_lock = threading.Lock()


class PageImageError(Exception):
    """The file cannot be rendered (missing page, wrong password, unreadable)."""


def width_snap(requested: int) -> int:
    """The smallest rendered width at least `requested`, or the largest one."""
    return next((width for width in WIDTHS if width >= requested), WIDTHS[-1])


def cache_path(*, sha256: str, page: int, width: int, rotation: int = 0) -> Path:
    turn = f"-r{rotation}" if rotation else ""
    name = f"{sha256}-p{page}-w{width}{turn}.png"
    return Path(settings.DATA_DIR) / "page-cache" / sha256[:2] / name


def page_png_path(
    *,
    content: bytes | None,
    sha256: str,
    page: int,
    width: int,
    password: str | None = None,
    rotation: int = 0,
) -> Path:
    """The cached PNG of upload page `page` (1-based) at `width`, rendering it on a miss.

    `content` may be None when the caller expects a hit; a miss without content is an error.
    `rotation` is the page's `DocumentPage.rotation`: the engine read the page turned clockwise
    by that many degrees, and its boxes are on the turned page, so the image is turned too.
    """
    path = cache_path(sha256=sha256, page=page, width=width, rotation=rotation)
    if path.exists():
        return path
    if content is None:
        raise PageImageError("The page is not cached and no file content was given.")
    png = render_png(content, page=page, width=width, password=password, rotation=rotation)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as output:
            output.write(png)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def document_page_png(*, page: DocumentPage, width: int) -> Path:
    """The cached PNG of a document's page at `width` (snapped), rendered from its stored file
    on a miss, opened with the password one of the document's jobs was given, if any.

    `page` comes from `review.selectors.document_page_get` (file and jobs loaded).
    """
    stored = page.document.file
    width = width_snap(width)
    path = cache_path(
        sha256=stored.sha256, page=page.source_page, width=width, rotation=page.rotation
    )
    if path.exists():
        return path
    with stored.blob.open("rb") as handle:
        content = handle.read()
    passwords = [job.options.get("password") for job in page.document.jobs.all()]
    return page_png_path(
        content=content,
        sha256=stored.sha256,
        page=page.source_page,
        width=width,
        password=next((value for value in passwords if value), None),
        rotation=page.rotation,
    )


def render_png(
    content: bytes, *, page: int, width: int, password: str | None = None, rotation: int = 0
) -> bytes:
    """Render one page to PNG bytes, `width` pixels wide (less if the pixel cap requires),
    turned clockwise by `rotation` degrees (0, 90, 180, 270) as the engine read it."""
    with _render_lock:
        try:
            document = pymupdf.open(stream=content)
        except (RuntimeError, ValueError) as exc:
            raise PageImageError(f"The file cannot be opened: {exc}") from exc
        try:
            if document.needs_pass and not document.authenticate(password or ""):
                raise PageImageError("The file is encrypted and its password is not known.")
            if not 1 <= page <= document.page_count:
                raise PageImageError(f"The file has no page {page}.")
            pdf_page = document[page - 1]
            rect = pdf_page.rect
            if rect.width <= 0 or rect.height <= 0:
                raise PageImageError(f"Page {page} has no area.")
            shown_width = rect.height if rotation in (90, 270) else rect.width
            scale = width / shown_width
            pixels = rect.width * scale * rect.height * scale
            cap = min(MAX_PIXELS, settings.EXTRACTION_MAX_PIXELS)
            if pixels > cap:
                scale *= math.sqrt(cap / pixels) * 0.99  # pixmaps round their size up
            matrix = pymupdf.Matrix(scale, scale).prerotate(rotation % 360)
            pixmap = pdf_page.get_pixmap(matrix=matrix, alpha=False)
            return pixmap.tobytes("png")
        finally:
            document.close()
