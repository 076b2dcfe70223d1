"""PDFs made for the conversion tests with PyMuPDF: a ruled table with typed cells, a page of
headings, a list and prose, a scanned page (an image of text, no text layer)."""

from __future__ import annotations

import io

import pymupdf
from PIL import Image, ImageDraw, ImageFont

TABLE_ROWS = [
    ["Item", "Quantity", "Price", "Date", "Share"],
    ["Apples", "12", "1,250.50", "2024-03-14", "25%"],
    ["Pears", "7", "99.90", "2024-04-01", "10%"],
    ["Plums", "3", "(15.00)", "2024-05-20", "5%"],
]


def table_pdf(table_rows: list[list[str]] | None = None) -> bytes:
    """One page: a title line and a ruled table (by default `TABLE_ROWS`, 4x5)."""
    table_rows = table_rows or TABLE_ROWS
    document = pymupdf.open()
    page = document.new_page(width=595, height=842)
    page.insert_text((72, 80), "Fruit report", fontsize=20)
    x0, y0, width, height = 72.0, 120.0, 90.0, 24.0
    columns, rows = len(table_rows[0]), len(table_rows)
    for r in range(rows + 1):
        page.draw_line((x0, y0 + r * height), (x0 + columns * width, y0 + r * height))
    for c in range(columns + 1):
        page.draw_line((x0 + c * width, y0), (x0 + c * width, y0 + rows * height))
    for r, row in enumerate(table_rows):
        for c, text in enumerate(row):
            page.insert_text((x0 + c * width + 4, y0 + r * height + 16), text, fontsize=10)
    data = document.tobytes()
    document.close()
    return data


def prose_pdf() -> bytes:
    """Headings (larger type), a bulleted list and a paragraph set on two lines."""
    document = pymupdf.open()
    page = document.new_page(width=595, height=842)
    page.insert_text((72, 80), "Annual Summary", fontsize=24)
    page.insert_text((72, 130), "Highlights", fontsize=16)
    y = 160.0
    for item in ("Revenue grew in every region", "Two new offices opened"):
        page.insert_text((72, y), f"\u2022 {item}", fontsize=11)
        y += 16
    closing = "The year closed with a strong fourth quarter and the"
    page.insert_text((72, y + 20), closing, fontsize=11)
    page.insert_text((72, y + 34), "board proposes a higher dividend.", fontsize=11)
    data = document.tobytes()
    document.close()
    return data


def scanned_pdf() -> bytes:
    """One page that is only a picture of two lines of text (no text layer)."""
    image = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=48)
    draw.text((120, 200), "Scanned contract", fill="black", font=font)
    draw.text((120, 300), "Payment due within thirty days", fill="black", font=font)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    document = pymupdf.open()
    page = document.new_page(width=595, height=842)
    page.insert_image(page.rect, stream=buffer.getvalue())
    data = document.tobytes()
    document.close()
    return data
