"""Text layers whose characters are wrong although the page shows real text.

Each page here is drawn with a real font, so its rendering reads right, while its text layer
maps the glyphs to something else: private-use code points, `(cid:N)` placeholders, a CID font
without ToUnicode (MuPDF then gives glyph ids), symbols, or UTF-8 read as Windows-1252. The engine
must read such pages by OCR (or, for mojibake that round-trips, decode it back), and must leave a
clean page to its text layer without rendering it.
"""

from __future__ import annotations

import glob

import pymupdf
import pytest

from extraction.engine import textlayer, words
from extraction.engine.loading import load_file
from extraction.engine.textlayer import (
    Verdict,
    assess_text_layer,
    bad_glyph_count,
    repair_mojibake,
    symbol_share,
    text_layer_is_usable,
    text_layer_words,
)
from extraction.engine.types import EngineLimits, Word
from extraction.engine.words import extract_pages

LINES = [
    "Rechnung Nummer 48213 vom 14. März 2024",
    "Kunde Müller Großhandel GmbH",
    "Gesamtbetrag 1.234,56 EUR",
    "Zahlbar innerhalb von 30 Tagen",
]
DEJAVU = sorted(glob.glob("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))


def _cmap(mapping: dict[int, str]) -> bytes:
    def hex_of(text: str) -> str:
        return text.encode("utf-16-be").hex().upper()

    entries = "\n".join(f"<{code:02X}> <{hex_of(text)}>" for code, text in mapping.items())
    return (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <00> <FF> endcodespacerange\n"
        f"{len(mapping)} beginbfchar\n{entries}\nendbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode()


def _page_with_layer(spell) -> bytes:
    """LINES in Helvetica, with a ToUnicode map sending each character to `spell(character)`."""
    document = pymupdf.open()
    page = document.new_page(width=420, height=200)
    for index, line in enumerate(LINES):
        page.insert_text((20, 40 + 34 * index), line, fontsize=14)
    font_xref = page.get_fonts()[0][0]
    mapping = {}
    for code in range(32, 256):
        char = bytes([code]).decode("cp1252", errors="replace")
        if char != "\ufffd":
            mapping[code] = spell(char)
    xref = document.get_new_xref()
    document.update_object(xref, "<<>>")
    document.update_stream(xref, _cmap(mapping))
    document.xref_set_key(font_xref, "ToUnicode", f"{xref} 0 R")
    return document.tobytes()


def _cid_font_without_to_unicode() -> bytes:
    document = pymupdf.open()
    page = document.new_page(width=420, height=200)
    for index, line in enumerate(LINES):
        page.insert_text(
            (20, 40 + 34 * index), line, fontsize=14, fontfile=DEJAVU[0], fontname="F0"
        )
    for font in page.get_fonts():
        document.xref_set_key(font[0], "ToUnicode", "null")
    return document.tobytes(garbage=3)


def _first_page(content: bytes):
    limits = EngineLimits()
    return extract_pages(load_file(content, None, limits), limits)[0]


def _verdict(content: bytes) -> Verdict:
    page = pymupdf.open(stream=content, filetype="pdf")[0]
    return assess_text_layer(page, text_layer_words(page))


def _assert_read_by_ocr(content: bytes) -> None:
    page = _first_page(content)
    assert page.source == "ocr"
    assert "48213" in page.text
    assert "Gesamtbetrag" in page.text
    assert "Rechnung" in page.text


def _private_use(char: str) -> str:
    return chr(0xE000 + ord(char)) if char.isalnum() else char


def _placeholder(char: str) -> str:
    return f"(cid:{ord(char)})" if char.isalpha() else char


def _symbol(char: str) -> str:
    """Lower-case letters become arrows; capitals and digits stay, so enough is alphanumeric."""
    return chr(0x2190 + ord(char) % 96) if char.islower() else char


def _mojibake(char: str) -> str:
    """The character's UTF-8 bytes read one by one as Windows-1252 (Latin-1 where undefined)."""
    return "".join(_cp1252(byte) for byte in char.encode("utf-8"))


def _cp1252(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


def test_private_use_layer_is_read_by_ocr(ocr_once):
    content = _page_with_layer(_private_use)
    assert _verdict(content) is Verdict.UNUSABLE
    _assert_read_by_ocr(content)


def test_cid_placeholder_layer_is_read_by_ocr(ocr_once):
    content = _page_with_layer(_placeholder)
    assert _verdict(content) is Verdict.UNUSABLE
    _assert_read_by_ocr(content)


def test_symbol_layer_is_read_by_ocr(ocr_once):
    content = _page_with_layer(_symbol)
    assert _verdict(content) is Verdict.UNUSABLE
    _assert_read_by_ocr(content)


@pytest.mark.skipif(not DEJAVU, reason="DejaVu Sans is not installed")
def test_cid_font_without_to_unicode_is_read_by_ocr(ocr_once):
    content = _cid_font_without_to_unicode()
    layer = pymupdf.open(stream=content, filetype="pdf")[0].get_text()
    assert "Rechnung" not in layer, "the sample must really be garbled"
    assert _verdict(content) is not Verdict.USABLE
    _assert_read_by_ocr(content)


def _fail(*args: object, **kwargs: object) -> None:
    raise AssertionError("this page must not be rendered or OCR'd")


def test_mojibake_layer_is_decoded_back_without_rendering(monkeypatch):
    monkeypatch.setattr(words, "render_page", _fail)
    monkeypatch.setattr(words, "ocr_image", _fail)
    content = _page_with_layer(_mojibake)
    assert "MÃ¤rz" in pymupdf.open(stream=content, filetype="pdf")[0].get_text()
    page = _first_page(content)
    assert page.source == "text"
    assert "14. März 2024" in page.text
    assert "Müller Großhandel" in page.text


def test_clean_page_stays_on_its_text_layer_without_rendering(monkeypatch):
    monkeypatch.setattr(words, "render_page", _fail)
    monkeypatch.setattr(words, "ocr_image", _fail)
    monkeypatch.setattr(textlayer, "read_crops", _fail)
    page = _first_page(_page_with_layer(lambda char: char))
    assert page.source == "text"
    assert "Müller Großhandel GmbH" in page.text


@pytest.mark.parametrize("text", ["été", "Größe", "NÃO", "Ça va", "€ 12,00", "naïve café"])
def test_ordinary_accented_text_is_not_taken_for_mojibake(text):
    assert repair_mojibake(text) == text


@pytest.mark.parametrize(
    ("broken", "fixed"), [("MÃ¤rz", "März"), ("â‚¬", "€"), ("GroÃŸ", "Groß"), ("Ã©tÃ©", "été")]
)
def test_mojibake_tokens_are_decoded_back(broken, fixed):
    assert repair_mojibake(broken) == fixed


def test_glyph_ids_in_the_control_range_count_as_unmapped():
    assert bad_glyph_count("5HFKQXQJ\x031XPPHU\x03\x17\x1b\x15") == 5
    assert bad_glyph_count("Invoice\tno.\n48213") == 0
    assert bad_glyph_count("(cid:12)(cid:7)a") == len("(cid:12)(cid:7)")


def test_rules_and_leaders_are_not_unreadable_symbols():
    layer = [Word(t, (0, 0, 1, 1), 100.0) for t in ["Total", "........", "144.00", "______"]]
    assert symbol_share(layer) == 0.0
    garbled = [Word(t, (0, 0, 1, 1), 100.0) for t in ["↑↗↔↙", "↘↓", "Total", "→↕↖"]]
    assert symbol_share(garbled) > textlayer.MAX_SYMBOL_SHARE
    assert not text_layer_is_usable(
        [*garbled, Word("Invoice number 48213 total", (0, 0, 1, 1), 100)]
    )


def test_text_layer_words_of_a_private_use_layer_are_unusable():
    page = pymupdf.open(stream=_page_with_layer(_private_use), filetype="pdf")[0]
    assert not text_layer_is_usable(text_layer_words(page))
