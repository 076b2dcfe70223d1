"""Loading: type sniffing from bytes, encrypted PDFs, corrupt files, page and pixel limits."""

from __future__ import annotations

import pymupdf
import pytest
from PIL import Image

from extraction.engine.loading import load_file, sniff_media_type
from extraction.engine.types import EngineError, EngineErrorCode, EngineLimits
from tests.engine.conftest import build_pdf, image_bytes
from tests.hostile.inputs import MALFORMED_PDFS


def _code(content: bytes, password: str | None = None, limits: EngineLimits | None = None) -> str:
    with pytest.raises(EngineError) as caught:
        load_file(content, password, limits or EngineLimits())
    return caught.value.code


def test_sniff_reads_magic_bytes_not_names():
    image = Image.new("RGB", (10, 10), "white")
    assert sniff_media_type(build_pdf([[(10, 10, "x")]])) == "application/pdf"
    assert sniff_media_type(image_bytes(image, "PNG")) == "image/png"
    assert sniff_media_type(image_bytes(image, "JPEG")) == "image/jpeg"
    assert sniff_media_type(image_bytes(image, "TIFF")) == "image/tiff"


def test_unknown_bytes_are_unsupported_file_type():
    assert _code(b"PK\x03\x04 a zip file") == "UNSUPPORTED_FILE_TYPE"


def test_empty_file_is_corrupt():
    assert _code(b"") == "CORRUPT_FILE"


def test_truncated_pdf_is_corrupt_or_readable_never_a_crash():
    data = build_pdf([[(50, 50, "hello")]])
    assert _code(data[:40]) == "CORRUPT_FILE"


def test_garbage_after_pdf_magic_is_corrupt():
    assert _code(b"%PDF-1.7\n" + b"\x00garbage" * 50) == "CORRUPT_FILE"


def test_encrypted_pdf_without_password_needs_one():
    data = build_pdf(
        [[(50, 50, "secret")]],
        encryption=pymupdf.PDF_ENCRYPT_AES_256,
        user_pw="pw",
        owner_pw="owner",
    )
    assert _code(data) == "PASSWORD_REQUIRED"
    assert _code(data, "wrong") == "INVALID_PASSWORD"
    loaded = load_file(data, "pw", EngineLimits())
    assert loaded.pdf[0].get_text().strip() == "secret"
    loaded.close()


def test_pdf_over_page_limit_is_rejected():
    data = build_pdf([[(50, 50, "p")]] * 3)
    assert _code(data, limits=EngineLimits(max_pages=2)) == "TOO_MANY_PAGES"


def test_image_over_pixel_cap_is_rejected_before_decoding():
    data = image_bytes(Image.new("L", (3000, 3000), 255), "PNG")
    assert _code(data, limits=EngineLimits(max_pixels=1_000_000)) == "IMAGE_TOO_LARGE"


def test_truncated_png_is_corrupt():
    data = image_bytes(Image.new("RGB", (200, 200), "red"), "PNG")
    assert _code(data[:60]) == "CORRUPT_FILE"


def test_multipage_tiff_gives_one_image_per_page():
    frames = [Image.new("RGB", (50, 40), color) for color in ("white", "black")]
    data = image_bytes(frames[0], "TIFF", save_all=True, append_images=frames[1:])
    loaded = load_file(data, None, EngineLimits())
    assert loaded.media_type == "image/tiff"
    assert loaded.page_count == 2


def test_image_pillow_refuses_as_a_decompression_bomb_is_too_large_not_corrupt(monkeypatch):
    data = image_bytes(Image.new("L", (400, 300), 255), "PNG")
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 50_000)
    assert _code(data) == "IMAGE_TOO_LARGE"


def test_engine_error_codes_are_their_stable_names():
    assert all(code.value == code.name for code in EngineErrorCode)
    with pytest.raises(EngineError) as caught:
        load_file(b"not a document", None, EngineLimits())
    assert caught.value.code is EngineErrorCode.UNSUPPORTED_FILE_TYPE
    assert caught.value.code == "UNSUPPORTED_FILE_TYPE"


@pytest.mark.parametrize("name", sorted(MALFORMED_PDFS))
def test_a_pdf_whose_page_tree_lies_is_malformed_pdf_at_load(name):
    with pytest.raises(EngineError) as caught:
        load_file(MALFORMED_PDFS[name](), None, EngineLimits())
    assert caught.value.code == "MALFORMED_PDF"
    assert "Traceback" not in caught.value.message
    assert "/" not in caught.value.message.split("(", 1)[0]
