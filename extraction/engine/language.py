"""The language a document is written in, and what it implies for reading its dates.

Called by `fields.build_context` (and `fields.context_for_schema`, which weighs in the case
type's locale once classification has picked it). A small stop-word vote over the document's
words (the languages Casefile's labels know: English, German, French, Dutch, Spanish, Italian,
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
    "tr": _words(
        "ve bir bu için ile olarak tutar tutarı toplam toplamı sayın tarihi kdv vergi dairesi "
        "birim fiyat miktar hizmet vade iskonto hesaplanan dahil yalnız adet"
    ),
}
MIN_VOTES = 3
"""Fewer stop words than this (a receipt of item names and prices) decides nothing."""

MONTH_FIRST_CURRENCIES = frozenset({"USD"})
"""Currencies whose home country writes the month first (03/04 is March 4)."""

MONTH_FIRST_REGIONS = frozenset({"US", "AS", "GU", "MP", "PR", "UM", "VI", "FM", "MH", "PH", "PA"})
"""Regions (ISO 3166-1 alpha-2, as in a language tag) whose numeric dates put the month first.

The United States and its territories (American Samoa, Guam, Northern Mariana Islands, Puerto
Rico, the Minor Outlying Islands, US Virgin Islands) and the freely associated Micronesia and
Marshall Islands write MDY (Wikipedia, "List of date formats by country"; Unicode CLDR's short
date `M/d/yy` for `en`, which en-AS, en-GU, en-MH, en-MP, en-PR, en-UM and en-VI inherit). The
Philippines (CLDR en-PH and fil-PH `M/d/yy`; Wikipedia: MDY beside DMY) and Panama (CLDR es-PA
`MM/dd/yy`) write numeric dates month-first too. Canada mixes orders and CLDR gives en-CA and
fr-CA `y-MM-dd`, so it counts as day-first like every other region.
"""


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


def locale_date_order(locale: str | None) -> DateOrder | None:
    """The order a case type's locale (a BCP 47 tag such as `en-US`) writes numeric dates in.

    The region decides: month-first in `MONTH_FIRST_REGIONS`, day-first elsewhere. A tag without
    a region says only the language: English is written both ways (`en` alone is no evidence),
    every other language day-first. The tag was validated where the case type was saved; here
    an unreadable one is simply no evidence.
    """
    if not locale:
        return None
    language, *rest = locale.strip().replace("_", "-").split("-")
    region = None
    for subtag in rest:
        if (len(subtag) == 2 and subtag.isalpha()) or (len(subtag) == 3 and subtag.isdigit()):
            region = subtag.upper()
            break
        if not (len(subtag) in (3, 4) and subtag.isalpha()):
            break  # past the extended language and script subtags: variants, extensions
    if region is None:
        return None if language.lower() in ("", "en") else "DMY"
    return "MDY" if region in MONTH_FIRST_REGIONS else "DMY"


def date_order_evidence(
    text: str, *, language: str | None, currency: str | None, locale: str | None = None
) -> tuple[DateOrder, str]:
    """How to read an ambiguous numeric date, and on what evidence.

    Returns (order, evidence): `dates` when other dates on the page settle it, `locale` when the
    case type's locale does (`locale_date_order`: the case type says where its documents come
    from), `language` when the document's language does (every language but English writes the
    day first), `currency` for English documents priced in a month-first or day-first country's
    money, `none` for a bare guess. Confidence scoring doubts an ambiguous date by how weak this
    evidence is.
    """
    hint = date_order_hint(text)
    if hint is not None:
        return hint, "dates"
    from_locale = locale_date_order(locale)
    if from_locale is not None:
        return from_locale, "locale"
    if language is not None and language != "en":
        return "DMY", "language"
    if currency is not None:
        return ("MDY" if currency in MONTH_FIRST_CURRENCIES else "DMY"), "currency"
    return "DMY", "none"
