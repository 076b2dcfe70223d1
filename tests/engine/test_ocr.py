"""OCR: images and text-less PDF pages are read, rotation is undone, words carry confidence."""

from __future__ import annotations

import pymupdf
import pytest
from PIL import Image, ImageDraw

from extraction.engine import ocr, run_engine
from extraction.engine.ocr import (
    DETECT_TEXT_PX,
    OCR_MAX_SIDE,
    RAPID_DEFAULT_DETECTION,
    RapidLine,
    _boundaries_from,
    detect_rotation,
    detection_size,
    line_words,
    ocr_image,
    tesseract_available,
    working_image,
)
from extraction.engine.types import EngineInput, Word
from tests.engine.conftest import image_bytes, text_image
from tests.schemas import INVOICE

LINES = ["Invoice No: 48213", "Invoice Date: 12/20/2020", "Total: $144.00"]


@pytest.fixture(scope="module")
def invoice_image():
    return text_image(LINES, size=(760, 220), scale=34)


def test_png_invoice_is_read_by_ocr(invoice_image):
    result = run_engine(EngineInput(image_bytes(invoice_image), "scan.pdf", (INVOICE,)))
    assert result.media_type == "image/png"
    assert result.pages[0].source == "ocr"
    fields = {f.key: f for f in result.documents[0].fields}
    assert fields["invoice_number"].value == "48213"
    assert fields["invoice_date"].value == "2020-12-20"
    assert fields["total_amount"].value == "144.00"
    assert 0 < fields["total_amount"].confidence <= 100


def test_ocr_words_have_boxes_inside_the_image_and_confidence(invoice_image):
    page = ocr_image(invoice_image)
    assert page.words
    for word in page.words:
        x0, y0, x1, y1 = word.bbox
        assert 0 <= x0 < x1 <= invoice_image.width + 2
        assert 0 <= y0 < y1 <= invoice_image.height + 2
        assert 0 < word.confidence <= 100


@pytest.mark.parametrize("angle", [90, 180, 270])
def test_rotated_page_is_detected(invoice_image, angle):
    turned = invoice_image.rotate(angle, expand=True)
    assert detect_rotation(turned, use_tesseract=tesseract_available()) == angle


@pytest.mark.parametrize("angle", [90, 270])
def test_rotation_is_detected_without_tesseract(angle):
    small = text_image(LINES[:2], size=(480, 110), scale=26)
    turned = small.rotate(angle, expand=True)
    assert detect_rotation(turned, use_tesseract=False) == angle


def test_pdf_page_without_text_layer_goes_to_ocr(invoice_image):
    document = pymupdf.open()
    page = document.new_page(width=380, height=110)
    page.insert_image(page.rect, stream=image_bytes(invoice_image))
    result = run_engine(EngineInput(document.tobytes(), "scan.pdf", (INVOICE,)))
    assert result.pages[0].source == "ocr"
    fields = {f.key: f for f in result.documents[0].fields}
    assert fields["invoice_number"].value == "48213"
    total = fields["total_amount"]
    assert total.bbox[2] <= 380 + 1, "boxes are mapped back to PDF points"


def test_glued_rapidocr_words_are_split_at_case_changes_and_colons():
    text = "VendorName:BaloziKhamisi"
    line = RapidLine(
        text,
        (0, 0, 240, 20),
        0.99,
        tuple((i * 10.0, i * 10.0 + 9) for i in range(len(text))),
        tuple(0.99 for _ in text),
    )
    assert [w.text for w in line_words(line, None)] == ["Vendor", "Name:", "Balozi", "Khamisi"]


def test_tesseract_boundaries_are_mapped_onto_rapidocr_text():
    boundaries, agreement = _boundaries_from(
        "CompanyName:HigglyBooks", ["Company", "Name:", "Higgly", "Books"]
    )
    assert boundaries == {7, 12, 18}
    assert agreement == 1.0


def test_large_image_is_scaled_down_to_the_working_size():
    image = Image.new("RGB", (2 * OCR_MAX_SIDE, OCR_MAX_SIDE // 2), "white")
    working, factor = working_image(image)
    assert max(working.size) == OCR_MAX_SIDE
    assert factor == 2.0
    small = Image.new("RGB", (800, 600), "white")
    assert working_image(small) == (small, 1.0)


def test_boxes_of_a_downscaled_image_come_back_in_its_own_pixels(monkeypatch):
    seen: list[tuple[int, int]] = []

    def read(image, text_px=None):
        seen.append(image.size)
        return [Word("48213", (100.0, 50.0, 200.0, 80.0), 90.0)], 0

    monkeypatch.setattr(ocr, "tesseract_available", lambda: True)
    monkeypatch.setattr(ocr, "_read_fused", read)
    image = Image.new("RGB", (2 * OCR_MAX_SIDE, OCR_MAX_SIDE), "white")
    ImageDraw.Draw(image).rectangle((10, 10, 400, 60), fill="black")
    page = ocr_image(image)
    assert seen == [(OCR_MAX_SIDE, OCR_MAX_SIDE // 2)]
    assert (page.width, page.height) == image.size
    assert page.words[0].bbox == (200.0, 100.0, 400.0, 160.0)


def test_words_of_a_turned_rapidocr_line_sit_where_their_characters_are():
    text = "Total 144.00"
    line = RapidLine(
        text,
        (0, 0, 240, 40),
        0.99,
        tuple((i * 20.0, i * 20.0 + 18) for i in range(len(text))),
        tuple(0.99 for _ in text),
        tuple((20.0 - i * 1.5, 40.0 - i * 1.5) for i in range(len(text))),
    )
    first, second = line_words(line, None)
    assert (first.bbox[1], first.bbox[3]) == (14.0, 40.0)
    assert (second.bbox[1], second.bbox[3]) == (3.5, 31.0)


def test_rapidocr_words_on_a_line_climbing_to_the_right_climb_too():
    image = text_image(["Total amount due 144.00"], size=(900, 140), scale=40)
    turned = image.rotate(2.5, resample=Image.Resampling.BICUBIC, expand=True, fillcolor="white")
    words = [w for line in ocr.rapid_lines(turned) for w in line_words(line, None)]
    assert len(words) >= 3
    centres = [(w.bbox[1] + w.bbox[3]) / 2 for w in sorted(words, key=lambda w: w.bbox[0])]
    assert centres[0] - centres[-1] > 10, "700 px at 2.5 degrees climb about 30 px"


def test_tesseract_cut_inside_an_amount_does_not_split_rapidocr_reading():
    boundaries, _ = _boundaries_from("SUBTOTAL170.98", ["SUBTOTAL", "170.", "98"])
    assert boundaries == {8}
    line = RapidLine(
        "170.98",
        (0, 0, 60, 20),
        0.99,
        tuple((i * 10.0, i * 10.0 + 9) for i in range(6)),
        tuple(0.99 for _ in range(6)),
    )
    cuts, _ = _boundaries_from(line.text, ["170", "98"])
    assert [w.text for w in line_words(line, cuts)] == ["170.98"]


PAGE_LINES = [
    "Invoice No: 48213",
    "Invoice Date: 12/20/2020",
    "Customer: Harbour Supplies Ltd",
    "Delivery to: 14 Quay Street, Leith",
    "Net amount: $120.00",
    "Total: $144.00",
]


@pytest.fixture(scope="module")
def page_image():
    return text_image(PAGE_LINES, size=(900, 420), scale=34)


@pytest.mark.parametrize("tesseract", [True, False])
def test_page_read_clearly_upright_gets_no_orientation_check(page_image, monkeypatch, tesseract):
    if tesseract and not tesseract_available():
        pytest.skip("Tesseract is not installed")
    checks: list[str] = []

    def refuse(name):
        def check(image):
            checks.append(name)
            return 0

        return check

    monkeypatch.setattr(ocr, "tesseract_available", lambda: tesseract)
    monkeypatch.setattr(ocr, "_tesseract_rotation", refuse("osd"))
    monkeypatch.setattr(ocr, "_rapid_rotation", refuse("rapid"))
    page = ocr_image(page_image)
    assert checks == [], "an upright page read confidently is not checked for rotation"
    assert page.rotation == 0
    assert "48213" in {w.text for w in page.words}


# Each engine path once (OSD then both engines again; RapidOCR's four orientations then RapidOCR
# again): the angles themselves are covered by the detect_rotation tests above, at a fraction of
# the cost of a whole page read twice.
@pytest.mark.parametrize(("angle", "tesseract"), [(90, True), (180, False)])
def test_turned_page_is_still_turned_upright_and_read(page_image, monkeypatch, tesseract, angle):
    if tesseract and not tesseract_available():
        pytest.skip("Tesseract is not installed")
    monkeypatch.setattr(ocr, "tesseract_available", lambda: tesseract)
    page = ocr_image(page_image.rotate(angle, expand=True))
    assert page.rotation == angle
    assert "48213" in {w.text for w in page.words}


@pytest.mark.skipif(not tesseract_available(), reason="Tesseract is not installed")
def test_tesseract_runs_with_one_openmp_thread(invoice_image, monkeypatch):
    import pytesseract.pytesseract as runner

    environments: list[dict[str, str]] = []
    popen = runner.subprocess.Popen

    def spy(*args, **kwargs):
        environments.append(dict(kwargs.get("env") or {}))
        return popen(*args, **kwargs)

    monkeypatch.delenv("OMP_THREAD_LIMIT", raising=False)
    monkeypatch.setattr(runner.subprocess, "Popen", spy)
    ocr.tesseract_words(invoice_image, "eng")
    assert environments
    assert all(env.get("OMP_THREAD_LIMIT") == "1" for env in environments)


def test_detector_reads_large_text_at_a_reduced_size_and_unknown_text_at_its_default():
    assert detection_size((1200, 1600), None) == RAPID_DEFAULT_DETECTION
    limit_type, side = detection_size((1200, 1600), 2 * DETECT_TEXT_PX)
    assert (limit_type, side) == ("max", 800)
    assert detection_size((1200, 1600), DETECT_TEXT_PX / 2) == ("max", 1600), "never enlarged"
    # RapidOCR shrinks anything over 2000 px first; the ratio applies to what it reads.
    assert detection_size((1500, 4000), 4 * DETECT_TEXT_PX) == ("max", 1000)


def test_detector_is_given_the_smaller_image_and_the_page_still_reads(monkeypatch):
    image = text_image(["Invoice No: 48213", "Total: $144.00"], size=(640, 160), scale=40)
    detector = ocr._rapid_engine()._load_det_model()
    shapes: list[tuple[int, ...]] = []
    run = detector.session.__class__.__call__

    def spy(session, batch):
        shapes.append(batch.shape)
        return run(session, batch)

    monkeypatch.setattr(detector.session.__class__, "__call__", spy)
    lines = ocr.rapid_lines(image, text_height=2 * DETECT_TEXT_PX)
    assert max(shapes[0][2:]) == 320, "lines of 32 px are detected on a half-size copy"
    text = " ".join(line.text for line in lines)
    assert "48213" in text
    assert "144.00" in text


def test_a_narrow_roll_is_judged_upright_on_a_sample_inside_the_image(monkeypatch):
    # A crop past the image's edge is filled with black: a till roll's sample was mostly
    # black, so OSD could not tell and the four-orientation check ran (4 s on a long roll).
    samples: list[Image.Image] = []

    def rotation(image: Image.Image, **options: object) -> int:
        samples.append(image)
        return 0

    monkeypatch.setattr(ocr, "detect_rotation", rotation)
    monkeypatch.setattr(ocr, "_read_upright", lambda *args: [])
    ocr._read_tiled(Image.new("RGB", (500, 5000), "white"), "auto", False, None)
    assert samples[0].size == (500, ocr.TILE_SIDE)
    assert samples[0].getextrema() == ((255, 255), (255, 255), (255, 255))
