"""Open an upload: sniff its type from the bytes, decrypt PDFs, enforce page and pixel limits.

Called by `run_engine` first. The file name is never trusted; only magic bytes decide. Failures
are `EngineError`s with the stable codes of SPEC §8 (UNSUPPORTED_FILE_TYPE, CORRUPT_FILE,
PASSWORD_REQUIRED, INVALID_PASSWORD, TOO_MANY_PAGES, IMAGE_TOO_LARGE) and MALFORMED_PDF: a PDF
that opens but whose structure is broken (a page count that lies, a page-tree cycle), found by
loading every page once before any work starts. Nothing here runs OCR.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import pymupdf
from PIL import Image

from extraction.engine.types import EngineError, EngineErrorCode, EngineLimits

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
TIFF = "image/tiff"


def sniff_media_type(content: bytes) -> str:
    """The media type the bytes really are; raises UNSUPPORTED_FILE_TYPE otherwise."""
    if not content:
        raise EngineError(EngineErrorCode.CORRUPT_FILE, "The file is empty.")
    head = content[:1024]
    if b"%PDF-" in head:
        return PDF
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if content.startswith(b"\xff\xd8\xff"):
        return JPEG
    if content.startswith((b"II*\x00", b"MM\x00*")):
        return TIFF
    raise EngineError(
        EngineErrorCode.UNSUPPORTED_FILE_TYPE,
        "Only PDF, PNG, JPEG and TIFF files can be processed.",
    )


@dataclass
class LoadedFile:
    """An opened upload: a PDF document or a list of page images (never both)."""

    media_type: str
    pdf: pymupdf.Document | None = None
    images: list[Image.Image] = field(default_factory=list)

    @property
    def page_count(self) -> int:
        return self.pdf.page_count if self.pdf is not None else len(self.images)

    def close(self) -> None:
        if self.pdf is not None:
            self.pdf.close()
        for image in self.images:
            image.close()


def load_file(content: bytes, password: str | None, limits: EngineLimits) -> LoadedFile:
    media_type = sniff_media_type(content)
    if media_type == PDF:
        return LoadedFile(media_type, pdf=open_pdf(content, password, limits))
    return LoadedFile(media_type, images=open_images(content, limits))


def open_pdf(content: bytes, password: str | None, limits: EngineLimits) -> pymupdf.Document:
    try:
        document = pymupdf.open(stream=content, filetype="pdf")
    except pymupdf.FileDataError as exc:
        raise EngineError(EngineErrorCode.CORRUPT_FILE, f"The PDF cannot be read: {exc}") from exc
    except (RuntimeError, ValueError, pymupdf.mupdf.FzErrorBase) as exc:
        raise EngineError(EngineErrorCode.MALFORMED_PDF, _malformed(exc)) from exc
    if document.needs_pass:
        if not password:
            document.close()
            raise EngineError(
                EngineErrorCode.PASSWORD_REQUIRED, "The PDF is encrypted; give its password."
            )
        if not document.authenticate(password):
            document.close()
            raise EngineError(
                EngineErrorCode.INVALID_PASSWORD, "The password does not open this PDF."
            )
    try:
        count = document.page_count  # MuPDF walks the page tree's /Count here
    except (RuntimeError, ValueError, pymupdf.mupdf.FzErrorBase) as exc:
        document.close()
        raise EngineError(EngineErrorCode.MALFORMED_PDF, _malformed(exc)) from exc
    if count == 0:
        document.close()
        raise EngineError(EngineErrorCode.CORRUPT_FILE, "The PDF has no pages.")
    if count > limits.max_pages:
        document.close()
        raise EngineError(
            EngineErrorCode.TOO_MANY_PAGES,
            f"The PDF has {count} pages; the limit is {limits.max_pages}.",
        )
    _page_tree_check(document)
    return document


def _page_tree_check(document: pymupdf.Document) -> None:
    """Load every page the PDF claims to have; a page that cannot be found is MALFORMED_PDF.

    Loading a page parses its dictionary only (nothing is drawn or read), so this costs little,
    and it turns a count that lies or a cycle in the page tree into one clear error here
    instead of a crash in the middle of the engine.
    """
    for index in range(document.page_count):
        try:
            document.load_page(index)
        except (RuntimeError, ValueError, pymupdf.mupdf.FzErrorBase) as exc:
            document.close()
            raise EngineError(
                EngineErrorCode.MALFORMED_PDF, _malformed(exc, page=index + 1)
            ) from exc


def _malformed(exc: BaseException, *, page: int | None = None) -> str:
    reason = str(exc).split("\n")[0].removeprefix("code=7: ").strip()[:200] or "unreadable"
    where = f"page {page} cannot be loaded" if page else "it cannot be opened"
    return (
        f"The PDF is malformed: {where} ({reason}); its page tree is broken (for example a "
        "page count that does not match its pages, or a cycle). Save or print it to a new PDF "
        "and upload that."
    )


def open_images(content: bytes, limits: EngineLimits) -> list[Image.Image]:
    """Decode every frame, checking the pixel cap before any frame is decoded.

    Only the header is read before the check; Pillow's own decompression-bomb refusal (twice
    its `MAX_IMAGE_PIXELS`) is the same IMAGE_TOO_LARGE, not a corrupt file.
    """
    try:
        image = Image.open(io.BytesIO(content))
    except Image.DecompressionBombError as exc:
        raise EngineError(
            EngineErrorCode.IMAGE_TOO_LARGE, f"The image is too large: {exc}"
        ) from exc
    except (OSError, ValueError) as exc:
        raise EngineError(EngineErrorCode.CORRUPT_FILE, f"The image cannot be read: {exc}") from exc
    frames: list[Image.Image] = []
    frame_count = getattr(image, "n_frames", 1)
    if frame_count > limits.max_pages:
        raise EngineError(
            EngineErrorCode.TOO_MANY_PAGES,
            f"The image has {frame_count} pages; the limit is {limits.max_pages}.",
        )
    for index in range(frame_count):
        try:
            image.seek(index)
        except EOFError:
            break
        width, height = image.size
        if width * height > limits.max_pixels:
            raise EngineError(
                EngineErrorCode.IMAGE_TOO_LARGE,
                f"Page {index + 1} has {width}x{height} pixels; the limit is {limits.max_pixels}.",
            )
        try:
            frames.append(_normalised_frame(image))
        except (OSError, ValueError, SyntaxError) as exc:
            raise EngineError(
                EngineErrorCode.CORRUPT_FILE, f"The image cannot be decoded: {exc}"
            ) from exc
    if not frames:
        raise EngineError(EngineErrorCode.CORRUPT_FILE, "The image has no pages.")
    return frames


def _normalised_frame(image: Image.Image) -> Image.Image:
    """A decoded RGB copy, turned upright by its EXIF orientation."""
    image.load()
    frame = image.copy()
    try:
        from PIL import ImageOps

        frame = ImageOps.exif_transpose(frame) or frame
    except (OSError, ValueError, KeyError):
        pass
    if frame.mode not in ("RGB", "L"):
        frame = frame.convert("RGB")
    return frame
