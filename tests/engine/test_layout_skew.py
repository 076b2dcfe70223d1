"""Lines on slightly turned scans: the skew is measured from the words and lines are grouped
level, so a label at the left keeps the amount at the right edge of its own line."""

from __future__ import annotations

import math

import pytest
from PIL import Image, ImageDraw, ImageFont

from extraction.engine import layout, run_engine
from extraction.engine.layout import document_lines, estimate_skew, group_lines
from extraction.engine.types import EngineInput, PageResult, Word
from tests.engine.conftest import image_bytes
from tests.schemas import INVOICE

HEADER = ["GOLDEN LEAF MINIMART", "12 JURONG WEST STREET 52", "TEL 6339 7914"]
AMOUNTS = [
    ("SUBTOTAL", "62.84"),
    ("GST 8%", "5.03"),
    ("TOTAL (RM)", "67.87"),
    ("ROUNDING", "-0.02"),
    ("CASH", "100.00"),
    ("CHANGE", "32.15"),
]
WIDTH, HEIGHT = 650, 520
LINE_PITCH = 34
"""Lines this close apart: at 2 degrees, 560 px across a line drift by 20 px, most of a line."""


def _level_words() -> list[Word]:
    """A receipt's words as OCR boxes them: headers centred, labels left, amounts right."""
    words: list[Word] = []
    y = 30.0
    for text in HEADER:
        x = (WIDTH - 14 * len(text)) / 2
        for part in text.split():
            words.append(Word(part, (x, y, x + 14 * len(part), y + 24), 95.0))
            x += 14 * (len(part) + 1)
        y += LINE_PITCH
    y += LINE_PITCH
    for label, amount in AMOUNTS:
        x = 40.0
        for part in label.split():
            words.append(Word(part, (x, y, x + 14 * len(part), y + 24), 95.0))
            x += 14 * (len(part) + 1)
        words.append(Word(amount, (620 - 14 * len(amount), y, 620, y + 24), 95.0))
        y += LINE_PITCH
    return words


def _turned(words: list[Word], degrees: float) -> list[Word]:
    """The words of the page turned clockwise by `degrees` about its centre, each boxed the way
    OCR boxes a turned word: the upright rectangle around the turned one."""
    angle = math.radians(degrees)
    turned: list[Word] = []
    for word in words:
        x0, y0, x1, y1 = word.bbox
        cx, cy = (x0 + x1) / 2 - WIDTH / 2, (y0 + y1) / 2 - HEIGHT / 2
        x = cx * math.cos(angle) - cy * math.sin(angle) + WIDTH / 2
        y = cx * math.sin(angle) + cy * math.cos(angle) + HEIGHT / 2
        w, h = x1 - x0, y1 - y0
        half_w = (w * math.cos(angle) + h * abs(math.sin(angle))) / 2
        half_h = (w * abs(math.sin(angle)) + h * math.cos(angle)) / 2
        turned.append(Word(word.text, (x - half_w, y - half_h, x + half_w, y + half_h), 95.0))
    return turned


def _ocr_page(words: list[Word]) -> PageResult:
    return PageResult(1, WIDTH, HEIGHT, "", "ocr", 0, tuple(words))


def _line_holding(lines: list[layout.Line], text: str) -> str:
    return next(line.text for line in lines if line.text.startswith(text))


@pytest.mark.parametrize("degrees", [2.0, -2.0, 1.2, 3.0])
def test_estimate_skew_measures_the_angle_of_a_turned_page(degrees):
    assert estimate_skew(_turned(_level_words(), degrees)) == pytest.approx(degrees, abs=0.25)


def test_level_page_has_no_skew():
    assert estimate_skew(_level_words()) == 0.0


@pytest.mark.parametrize("degrees", [2.0, -2.0, 3.0])
def test_each_label_keeps_its_own_amount_on_a_turned_page(degrees):
    words = _turned(_level_words(), degrees)
    assert any(
        line.text not in {f"{label} {amount}" for label, amount in AMOUNTS}
        for line in group_lines(words, 1, 0)
        if line.text[0].isalpha() and line.text.split()[0] in {"SUBTOTAL", "TOTAL", "ROUNDING"}
    ), "the page is turned enough to mix lines up when grouped as is"
    lines = document_lines([_ocr_page(words)])
    for label, amount in AMOUNTS:
        assert _line_holding(lines, label) == f"{label} {amount}"
    assert [line.text for line in lines[:3]] == HEADER


def test_turned_page_keeps_every_word_box_as_read():
    words = _turned(_level_words(), 2.0)
    lines = document_lines([_ocr_page(words)])
    assert sorted(token.bbox for line in lines for token in line.tokens) == sorted(
        word.bbox for word in words
    )


def test_level_page_gives_the_same_lines_as_plain_grouping():
    words = _level_words()
    expected = [(line.text, line.tokens) for line in group_lines(words, 1, 0)]
    lines = document_lines([_ocr_page(words)])
    assert [(line.text, line.tokens) for line in lines] == expected


def test_text_layer_pages_are_not_measured(monkeypatch):
    def fail(words):
        raise AssertionError("a text-layer page is level by construction")

    monkeypatch.setattr(layout, "estimate_skew", fail)
    page = PageResult(1, WIDTH, HEIGHT, "", "text", 0, tuple(_level_words()))
    assert [line.text for line in document_lines([page])][:3] == HEADER


def test_few_words_are_not_enough_to_measure_a_skew():
    assert estimate_skew(_turned(_level_words(), 2.0)[:5]) == 0.0


def _receipt_image(degrees: float) -> Image.Image:
    image = Image.new("L", (760, 620), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=26)
    y = 30
    for text in HEADER:
        draw.text((380, y), text, fill=0, font=font, anchor="mt")
        y += 40
    draw.text((40, y), "DATE: 13/05/2023", fill=0, font=font)
    y += 60
    for label, amount in AMOUNTS:
        draw.text((40, y), label, fill=0, font=font)
        draw.text((720, y), amount, fill=0, font=font, anchor="ra")
        y += 38
    return image.rotate(-degrees, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)


@pytest.mark.parametrize("degrees", [2.0, -2.0])
def test_scanned_receipt_turned_two_degrees_pairs_labels_with_their_amounts(degrees):
    image = _receipt_image(degrees)
    result = run_engine(EngineInput(image_bytes(image, "PNG"), "receipt.png", (INVOICE,)))
    lines = document_lines(result.pages)
    assert _line_holding(lines, "TOTAL").endswith("67.87")
    assert _line_holding(lines, "ROUNDING").endswith("0.02")
    assert _line_holding(lines, "SUBTOTAL").endswith("62.84")
    fields = {f.key: f.value for f in result.documents[0].fields}
    assert fields["total_amount"] == "67.87"
    assert fields["subtotal_amount"] == "62.84"
