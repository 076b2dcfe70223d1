"""Cell texts a spreadsheet will not run as formulas (CSV injection, OWASP "CSV Injection").

Used by the `tables` converter's CSV and by the case export CSV (`extraction.artifacts`); light
on purpose (no PDF or workbook library), so the web process can import it.
"""

from __future__ import annotations

import re

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?[\d.,' ]*\d[\d.,' ]*%?$")


def csv_cell_safe(text: str) -> str:
    """A cell text a spreadsheet will not run as a formula (CSV injection, OWASP): text that
    starts with = + - @ or a tab or return gets a leading apostrophe, unless it is a number
    such as -12.50 or +3%."""
    if text.startswith(_FORMULA_START) and not _NUMBER.match(text):
        return "'" + text
    return text
