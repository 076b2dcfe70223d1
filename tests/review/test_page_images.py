"""Page rendering for the review page: PDFs and image uploads, width snapping, the disk cache."""

from __future__ import annotations

import hashlib
import io

import pytest
from PIL import Image

from review import page_images
from tests.review.samples import invoice_pdf


def image_bytes(fmt: str, *, pages: int = 1, size: tuple[int, int] = (800, 400)) -> bytes:
    frames = [Image.new("RGB", size, colour) for colour in ("white", "black", "red")[:pages]]
    buffer = io.BytesIO()
    frames[0].save(buffer, format=fmt, save_all=pages > 1, append_images=frames[1:])
    return buffer.getvalue()


def png_size(png: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(png)) as image:
        return image.size


@pytest.mark.parametrize(
    ("requested", "snapped"), [(1, 600), (600, 600), (601, 1000), (9999, 2400)]
)
def test_widths_snap_to_a_few_sizes(requested, snapped):
    assert page_images.width_snap(requested) == snapped


def test_pdf_page_renders_at_the_requested_width():
    png = page_images.render_png(invoice_pdf(), page=1, width=600)
    assert png.startswith(b"\x89PNG")
    width, height = png_size(png)
    assert width == 600
    assert height == pytest.approx(600 * 842 / 595, abs=2)


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "TIFF"])
def test_image_uploads_render_like_pdfs(fmt):
    png = page_images.render_png(image_bytes(fmt), page=1, width=1000)
    assert png_size(png) == (1000, 500)


def test_multi_page_tiff_renders_the_page_asked_for():
    content = image_bytes("TIFF", pages=3)
    second = page_images.render_png(content, page=2, width=600)
    with Image.open(io.BytesIO(second)) as image:
        assert image.convert("RGB").getpixel((10, 10)) == (0, 0, 0)
    with pytest.raises(page_images.PageImageError, match="no page 4"):
        page_images.render_png(content, page=4, width=600)


def test_tall_pages_are_capped_in_pixels(monkeypatch):
    # A smaller cap than the real 12 MP: the same check, without encoding a 12 MP PNG.
    monkeypatch.setattr(page_images, "MAX_PIXELS", 1_000_000)
    png = page_images.render_png(image_bytes("PNG", size=(100, 8000)), page=1, width=2400)
    width, height = png_size(png)
    assert width * height <= page_images.MAX_PIXELS
    assert width < 2400


def test_unreadable_files_raise_a_page_image_error():
    with pytest.raises(page_images.PageImageError):
        page_images.render_png(b"%PDF-1.7 not really", page=1, width=600)


def test_rendering_is_cached_by_hash_page_and_width(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    content = invoice_pdf()
    sha256 = hashlib.sha256(content).hexdigest()
    path = page_images.page_png_path(content=content, sha256=sha256, page=1, width=600)
    assert path == tmp_path / "page-cache" / sha256[:2] / f"{sha256}-p1-w600.png"
    assert path.read_bytes().startswith(b"\x89PNG")
    assert page_images.page_png_path(content=None, sha256=sha256, page=1, width=600) == path
    assert not list(path.parent.glob("*.tmp"))
    with pytest.raises(page_images.PageImageError):
        page_images.page_png_path(content=None, sha256=sha256, page=1, width=1000)


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_a_page_the_engine_turned_is_shown_turned_the_same_way(rotation):
    # A landscape scan with a dark mark at its top-left corner.
    image = Image.new("RGB", (400, 200), "white")
    image.paste((0, 0, 0), (0, 0, 40, 40))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    png = page_images.render_png(buffer.getvalue(), page=1, width=600, rotation=rotation)
    shown = Image.open(io.BytesIO(png)).convert("L")
    assert shown.width == 600
    corner = {
        90: (shown.width - 5, 5),  # turned clockwise: the top-left corner is now top-right
        180: (shown.width - 5, shown.height - 5),
        270: (5, shown.height - 5),
    }[rotation]
    assert shown.getpixel(corner) < 60
    assert shown.getpixel((5, 5)) > 200
    assert (shown.width > shown.height) == (rotation == 180)
