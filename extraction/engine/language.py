"""The language a document is written in, and what it implies for reading its dates.

Called by `fields.build_context`. A small stop-word vote over the document's words (the
languages Casefile's labels know: English, German, French, Dutch, Spanish, Italian,
Portuguese, Polish): enough to tell a German invoice from a US one, not a general language
identifier. Pure: text in, ISO 639-1 code (or None) out.
"""

from __future__ import annotations

import re
from collections import Counter

from extraction.engine.parsers import DateOrder, date_order_hint


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOP_WORDS: dict[str, frozenset[str]] = {
    "en": _words("the and of to for with your our this is are please from by total invoice"),
    "de": _words("der die das und für mit ihre wir bitte von zu den dem ist rechnung betrag"),
    "fr": _words("le la les et pour avec votre nous de des du est une facture montant"),
    "nl": _words("de het en voor met uw wij van een is te factuur bedrag"),
    "es": _words("el la los las y para con su de del es una factura importe"),
    "it": _words("il lo la gli le e per con di del della è una fattura importo"),
    "pt": _words("o a os as e para com seu sua de do da é uma fatura valor"),
    "pl": _words("i w na z do dla jest oraz faktura kwota razem"),
}
MIN_VOTES = 3
"""Fewer stop words than this (a receipt of item names and prices) decides nothing."""

MONTH_FIRST_CURRENCIES = frozenset({"USD"})
"""Currencies whose home country writes the month first (03/04 is March 4)."""


def document_language(text: str) -> str | None:
    """The language whose stop words occur most often, if it clearly leads."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    votes: Counter[str] = Counter()
    for word in words:
        for language, stops in STOP_WORDS.items():
            if word in stops:
                votes[language] += 1
    if not votes:
        return None
    (best, count), *rest = votes.most_common()
    runner_up = rest[0][1] if rest else 0
    if count < MIN_VOTES or count < 1.3 * runner_up:
        return None
    return best


def date_order_evidence(
    text: str, *, language: str | None, currency: str | None
) -> tuple[DateOrder, str]:
    """How to read an ambiguous numeric date, and on what evidence.

    Returns (order, evidence): `dates` when other dates on the page settle it, `language` when
    the document's language does (every language but English writes the day first), `currency`
    for English documents priced in a month-first or day-first country's money, `none` for a
    bare guess. Confidence scoring doubts an ambiguous date by how weak this evidence is.
    """
    hint = date_order_hint(text)
    if hint is not None:
        return hint, "dates"
    if language is not None and language != "en":
        return "DMY", "language"
    if currency is not None:
        return ("MDY" if currency in MONTH_FIRST_CURRENCIES else "DMY"), "currency"
    return "DMY", "none"
