"""Sample documents for engine tests, made on the fly with PyMuPDF and Pillow."""

from __future__ import annotations

import io
from collections.abc import Callable

import pymupdf
import pytest
from PIL import Image, ImageDraw, ImageFont

Placed = tuple[float, float, str]
"""x, y (baseline, points from the top-left) and text."""


def build_pdf(pages: list[list[Placed]], *, fontsize: float = 10, **save: object) -> bytes:
    document = pymupdf.open()
    for placed in pages:
        page = document.new_page(width=595, height=842)
        for x, y, text in placed:
            page.insert_text((x, y), text, fontsize=fontsize)
    data = document.tobytes(**save)
    document.close()
    return data


INVOICE_PAGE: list[Placed] = [
    (50, 60, "ACME Supplies GmbH"),
    (50, 74, "Hauptstrasse 5, 10115 Berlin"),
    (350, 120, "Rechnung"),
    (350, 140, "Rechnungsnummer:"),
    (450, 140, "RE-2024-0042"),
    (350, 154, "Rechnungsdatum:"),
    (450, 154, "14. März 2024"),
    (350, 168, "Fällig am:"),
    (450, 168, "28.03.2024"),
    (50, 220, "Beschreibung"),
    (300, 220, "Menge"),
    (380, 220, "Einzelpreis"),
    (480, 220, "Betrag"),
    (50, 240, "Schrauben M4"),
    (300, 240, "10"),
    (380, 240, "1,50 EUR"),
    (480, 240, "15,00 EUR"),
    (50, 256, "Dübel 6 mm"),
    (300, 256, "100"),
    (380, 256, "0,05 EUR"),
    (480, 256, "5,00 EUR"),
    (380, 300, "Nettobetrag"),
    (480, 300, "20,00 EUR"),
    (380, 314, "MwSt. 19%"),
    (480, 314, "3,80 EUR"),
    (380, 328, "Gesamtbetrag"),
    (480, 328, "23,80 EUR"),
    (50, 400, "IBAN: DE89 3704 0044 0532 0130 00"),
]


@pytest.fixture
def invoice_pdf() -> bytes:
    return build_pdf([INVOICE_PAGE])


@pytest.fixture
def pdf_factory() -> Callable[..., bytes]:
    return build_pdf


def text_image(
    lines: list[str], *, size: tuple[int, int] = (900, 300), scale: int = 36
) -> Image.Image:
    """A white image with large black text, readable by OCR."""
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=scale)
    for index, line in enumerate(lines):
        draw.text((30, 30 + index * int(scale * 1.6)), line, fill="black", font=font)
    return image


def image_bytes(image: Image.Image, fmt: str = "PNG", **params: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **params)
    return buffer.getvalue()
