"""Typed value parsers: text as printed on a page -> the engine's value conventions.

Called by label anchoring, tables and evaluation. Every parser is pure, takes the raw text (and
optional document-level hints such as the date order or the decimal convention) and returns a
`Parsed` or None when the text is not a valid value of the type. Parsers never guess beyond the
text: a value that cannot be read unambiguously is returned with `exact=False` so that
confidence scoring can lower it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from stdnum import iban as stdnum_iban

from extraction.engine.amount_labels import amount_role
from extraction.engine.types import FieldType

MONTHS: dict[str, int] = {}
_MONTH_NAMES = {  # English, German, French, Spanish, Dutch, Indonesian and Malay
    1: "january jan januar janvier janv janvier enero ene januari jänner jän",
    2: "february feb februar février fevrier févr fevr febrero februari pebruari",
    3: "march mar märz maerz mars marzo maart mrt maret",
    4: "april apr avril avr abril",
    5: "may mai mayo mei",
    6: "june jun juni juin junio",
    7: "july jul juli juillet juil julio julai",
    8: "august aug août aout agosto augustus ago agustus ogos",
    9: "september sep sept septembre septiembre set",
    10: "october oct oktober octobre octubre okt",
    11: "november nov novembre noviembre nopember",
    12: "december dec dez dezember décembre decembre diciembre dic desember disember",
}
_MONTH_NAMES_OTHER_SCRIPTS = {  # Russian, Ukrainian, Bulgarian, Serbian (genitive too), Greek
    1: "января январь січня січень януари јануар јануара ιανουαριου ιανουαριος ιαν",
    2: "февраля февраль лютого лютий февруари фебруар фебруара φεβρουαριου φεβρουαριος φεβ",
    3: "марта март березня березень мар март марта μαρτιου μαρτιος μαρ",
    4: "апреля апрель квітня квітень април априла απριλιου απριλιος απρ",
    5: "мая май травня травень май мај маја μαιου μαιος",
    6: "июня июнь червня червень юни јун јуна ιουνιου ιουνιος ιουν",
    7: "июля июль липня липень юли јул јула ιουλιου ιουλιος ιουλ",
    8: "августа август серпня серпень август августа αυγουστου αυγουστος αυγ",
    9: "сентября сентябрь вересня вересень септември септембар септембра σεπτεμβριου σεπ",
    10: "октября октябрь жовтня жовтень октомври октобар октобра οκτωβριου οκτωβριος οκτ",
    11: "ноября ноябрь листопада листопад ноември новембар новембра νοεμβριου νοεμβριος νοε",
    12: "декабря декабрь грудня грудень декември децембар децембра δεκεμβριου δεκεμβριος δεκ",
}
for _names_by_month in (_MONTH_NAMES, _MONTH_NAMES_OTHER_SCRIPTS):
    for _number, _names in _names_by_month.items():
        for _name in _names.split():
            MONTHS.setdefault(_name, _number)


def _month(name: str) -> int | None:
    """The month a name means, in any case and with or without accents (`Μαρτίου`, `мая`)."""
    lowered = name.casefold()
    found = MONTHS.get(lowered)
    if found is None and not lowered.isascii():
        plain = "".join(
            ch for ch in unicodedata.normalize("NFKD", lowered) if not unicodedata.combining(ch)
        )
        found = MONTHS.get(plain)
    return found


CURRENCY_SYMBOLS: dict[str, str] = {
    "€": "EUR",
    "$": "USD",
    "us$": "USD",
    "£": "GBP",
    "¥": "JPY",
    "￥": "JPY",
    "₹": "INR",
    "rs": "INR",
    "rs.": "INR",
    "inr": "INR",
    "rupee": "INR",
    "rupees": "INR",
    "chf": "CHF",
    "fr.": "CHF",
    "kr": "SEK",
    "zł": "PLN",
    "₽": "RUB",
    "₺": "TRY",
    "tl": "TRY",
    "r$": "BRL",
    "a$": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "au$": "AUD",
    "euro": "EUR",
    "euros": "EUR",
    "eur": "EUR",
    "dollar": "USD",
    "dollars": "USD",
    "rm": "MYR",
    "s$": "SGD",
    "hk$": "HKD",
    "nz$": "NZD",
    "mx$": "MXN",
    "kč": "CZK",
    "ft": "HUF",
    "lei": "RON",
    "₩": "KRW",
    "₫": "VND",
    "₱": "PHP",
    "฿": "THB",
    "₪": "ILS",
    "₦": "NGN",
    "rp": "IDR",
    "zl": "PLN",
    "ksh": "KES",
    "kshs": "KES",
    "ghs": "GHS",
    "ghc": "GHS",
    "gh₵": "GHS",
    "gh¢": "GHS",
    "naira": "NGN",
    "cedis": "GHS",
    "rand": "ZAR",
    "baht": "THB",
    "ringgit": "MYR",
    "rupiah": "IDR",
    "nt$": "TWD",
    "₴": "UAH",
    "₸": "KZT",
    "円": "JPY",
    "元": "CNY",
    "원": "KRW",
    "руб": "RUB",
    "руб.": "RUB",
    "рублей": "RUB",
    "рубля": "RUB",
    "грн": "UAH",
    "грн.": "UAH",
    "тенге": "KZT",
    "лв": "BGN",
    "лв.": "BGN",
    "лева": "BGN",
    "дин": "RSD",
    "дин.": "RSD",
    "динара": "RSD",
    "美元": "USD",
    "欧元": "EUR",
    "歐元": "EUR",
    "港元": "HKD",
    "港币": "HKD",
    "港幣": "HKD",
    "日元": "JPY",
    "韩元": "KRW",
    "韓元": "KRW",
    "英镑": "GBP",
    "英鎊": "GBP",
    "人民币": "CNY",
    "人民幣": "CNY",
    "新臺幣": "TWD",
    "新台幣": "TWD",
    "ر.س": "SAR",
    "د.إ": "AED",
    "ج.م": "EGP",
    'ש"ח': "ILS",
    "ש״ח": "ILS",
}
"""Symbols and words of currencies. `¥` and `元` are read as JPY and CNY here; the document
decides which one a bare mark means (`fields.yen_currency`)."""
ISO_CURRENCIES = frozenset(
    {
        "EUR",
        "USD",
        "GBP",
        "JPY",
        "INR",
        "CHF",
        "SEK",
        "NOK",
        "DKK",
        "PLN",
        "CZK",
        "HUF",
        "RON",
        "BGN",
        "HRK",
        "RUB",
        "TRY",
        "BRL",
        "AUD",
        "CAD",
        "NZD",
        "CNY",
        "HKD",
        "SGD",
        "ZAR",
        "MXN",
        "ARS",
        "CLP",
        "COP",
        "PEN",
        "AED",
        "SAR",
        "ILS",
        "KRW",
        "THB",
        "IDR",
        "MYR",
        "PHP",
        "VND",
        "NGN",
        "KES",
        "GHS",
        "EGP",
        "MAD",
        "UAH",
        "KZT",
        "TWD",
    }
)

DateOrder = str
"""`DMY` or `MDY`: how to read an ambiguous numeric date like 03/04/2020."""


@dataclass(frozen=True)
class Parsed:
    value: object
    """The normalised value in the engine's convention (see types.py)."""
    exact: bool = True
    """False when the reading needed a guess (ambiguous date order, decimal separator)."""
    currency: str | None = None
    ambiguous_order: bool = False
    """A numeric date whose day and month could be swapped (03/04/2020) was read in the
    caller's order; how much to doubt it depends on the evidence for that order."""


_DATE_NUMERIC = re.compile(r"(?<!\d)(\d{1,4})\s?([./\-])\s?(\d{1,2})\s?\2\s?(\d{2,4})(?!\d)")
_DATE_WORDS = re.compile(
    r"(?<![\w])(\d{1,2})(?:st|nd|rd|th|er|\.|º|°|»|”|\")?\s*(?:de\s+|-|\s)?"
    r"([a-zA-Zéûäè]{3,10}|[^\W\d_a-zA-Z]{3,12})\.?\s*(?:de\s+|-|,\s*|\s)?(\d{4}|\d{2})(?!\d)"
)
_DATE_WORDS_US = re.compile(
    r"(?<![\w])([a-zA-Zéûäè]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s*,?\s*(\d{4})(?!\d)"
)


BUDDHIST_ERA_OFFSET = 543
"""Thai documents date by the Buddhist era (`13/01/2566` is 13 January 2023)."""


_DATE_VIETNAMESE = re.compile(
    r"ng[àa]y\s*(?:\(\w+\)\s*)?(\d{1,2})\s*th[áa]ng\s*(?:\(\w+\)\s*)?(\d{1,2})\s*"
    r"n[ăa]m\s*(?:\(\w+\)\s*)?(\d{4})",
    re.IGNORECASE,
)
"""A Vietnamese date in words: `Ngày 28 tháng 04 năm 2024` (day, month, year), glosses in
parentheses allowed (`Ngày (Date) 28 tháng (month) 04 năm (year) 2024`)."""


_DATE_CJK = re.compile(
    r"(令和|平成|昭和|民國|民国|中華民國)?\s*(\d{1,4}|元)\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]"
)
"""A Chinese, Japanese or Korean date: `2025年8月12日`, `2025년 08월 12일`, a Japanese era
year (`令和7年8月12日`, `令和元年`) or a Taiwanese (Republic of China) one (`民國114年`, and
`114年08月12日`: a three-digit year is the ROC's)."""
_ERA_OFFSETS = {
    "令和": 2018,
    "平成": 1988,
    "昭和": 1925,
    "民國": 1911,
    "民国": 1911,
    "中華民國": 1911,
}


def _cjk_year(era: str | None, year: str) -> int | None:
    number = 1 if year == "元" else int(year)
    if era:
        return _ERA_OFFSETS[era] + number
    if len(year) == 4:
        return number
    if len(year) == 3:
        return number + 1911
    return None


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 70 else 1900
    elif 2400 <= year <= 2700:  # no Gregorian document year: a Buddhist-era one
        year -= BUDDHIST_ERA_OFFSET
    return year


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_date(text: str, order: DateOrder = "DMY") -> Parsed | None:
    """Read the first date in `text`: numeric (ISO, D/M/Y, M/D/Y) or with a month name.

    A numeric date whose day and month are both <= 12 is read in `order` and marked
    `ambiguous_order`; the caller weighs the evidence for that order.
    """
    found = find_dates(text, order)
    return found[0][1] if found else None


def find_dates(text: str, order: DateOrder = "DMY") -> list[tuple[int, Parsed]]:
    """All dates in `text` with their start offsets, in reading order."""
    results: list[tuple[int, Parsed]] = []
    for match in _DATE_NUMERIC.finditer(text):
        numeric_order = "DMY" if match.group(2) == "." else order
        parsed = _numeric_date(match.group(1), match.group(3), match.group(4), numeric_order)
        if parsed is not None and match.group(2) == "." and parsed.ambiguous_order:
            parsed = Parsed(parsed.value)
        if parsed is not None:
            results.append((match.start(), parsed))
    for match in _DATE_WORDS.finditer(text):
        month = _month(match.group(2))
        if month is None:
            continue
        day = _safe_date(_year(match.group(3)), month, int(match.group(1)))
        if day is not None:
            results.append((match.start(), Parsed(day.isoformat())))
    for match in _DATE_WORDS_US.finditer(text):
        month = MONTHS.get(match.group(1).lower())
        if month is None:
            continue
        day = _safe_date(int(match.group(3)), month, int(match.group(2)))
        if day is not None:
            results.append((match.start(), Parsed(day.isoformat())))
    for match in _DATE_CJK.finditer(text):
        year = _cjk_year(match.group(1), match.group(2))
        day = _safe_date(year, int(match.group(3)), int(match.group(4))) if year else None
        if day is not None:
            results.append((match.start(), Parsed(day.isoformat())))
    for match in _DATE_VIETNAMESE.finditer(text):
        day = _safe_date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        if day is not None:
            results.append((match.start(), Parsed(day.isoformat())))
    results.sort(key=lambda item: item[0])
    return results


def _numeric_date(first: str, second: str, third: str, order: DateOrder) -> Parsed | None:
    if len(first) == 4:
        day = _safe_date(int(first), int(second), int(third))
        return Parsed(day.isoformat()) if day and len(third) <= 2 else None
    if len(third) not in (2, 4):
        return None
    year = _year(third)
    a, b = int(first), int(second)
    dmy = _safe_date(year, b, a)
    mdy = _safe_date(year, a, b)
    if dmy and mdy and a != b:
        chosen = mdy if order == "MDY" else dmy
        return Parsed(chosen.isoformat(), ambiguous_order=True)
    chosen = dmy or mdy
    return Parsed(chosen.isoformat()) if chosen else None


def date_order_hint(text: str) -> DateOrder | None:
    """The order that the document's unambiguous numeric dates show, if any.

    Dates written with dots (`03.04.2020`) are day-first wherever they are printed, so they
    count as evidence for DMY too.
    """
    votes = {"DMY": 0, "MDY": 0}
    for match in _DATE_NUMERIC.finditer(text):
        first, second = match.group(1), match.group(3)
        if len(first) == 4:
            continue
        if match.group(2) == ".":
            votes["DMY"] += 1
            continue
        a, b = int(first), int(second)
        if a > 12 >= b >= 1:
            votes["DMY"] += 1
        elif b > 12 >= a >= 1 and b <= 31:
            votes["MDY"] += 1
    if votes["DMY"] == votes["MDY"]:
        return None
    return "DMY" if votes["DMY"] > votes["MDY"] else "MDY"


_LAKH_AMOUNT = re.compile(r"(?<![\w.,])[-−]?\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d{1,2})?(?![\d])")
"""Indian digit grouping (`1,01,044.00`: lakh and crore), read unless decimals are commas."""
_AMOUNT = re.compile(
    r"(?<![\w.,])[-−]?\d{1,3}(?:[ .,'’\u202f]\d{3})*(?:[.,](?:\d{1,2}|\d{4,6}))?(?![\d])|"
    r"(?<![\w.,])[-−]?\d+(?:[.,](?:\d{1,2}|\d{4,6}))?(?!\d)"
)
"""An amount or number: digits in groups of three or not, then 1-2 decimals or 4-6 (a unit
price printed to the ten-thousandth, `12,9900`; four digits after a separator are never a
group of thousands). Three digits after a lone separator are read by `_to_decimal`."""
_CURRENCY_TOKEN = re.compile(
    r"((?<![a-z])nt\$|us\$|r\$|a\$|c\$|ca\$|au\$|s\$|hk\$|nz\$|mx\$|gh[₵¢]|"
    r"美元|[欧歐]元|港[元币幣]|日元|[韩韓]元|英[镑鎊]|人民[币幣]|新[臺台]幣|"
    r"[€$£¥￥₹₽₺₩₫₱฿₪₦₴₸円元원]|ر\.س|د\.إ|ج\.م|ש[\"״]ח|"
    r"\b(?:rs\.?|fr\.|zł|kč|kshs|[a-z]{2,3}|euros?|dollars?|rupees?|lei|naira|cedis|rand|baht|"
    r"ringgit|rupiah|руб(?:\.|лей|ля)?|грн\.?|тенге|лв\.?|лева|дин\.?|динара)(?!\w))",
    re.IGNORECASE,
)
_WORD_CURRENCIES = frozenset({"rm", "rp", "ft", "kr", "lei", "zl", "rand"})
"""Local currency words that are also ordinary letters: only upper or title case counts."""


def detect_currency(text: str, *, beside_amount: bool = False) -> str | None:
    """The ISO 4217 code named or symbolised in `text`, if exactly one kind appears.

    A code or currency word counts only as a whole word, a three-letter code only in capitals,
    and neither inside an item name: beside another all-capital word that is no amount label
    (`BALL PEN`, `EURO BISCUIT`), it is part of the name (`TOTAL USD 5.00` still counts).
    A name that is also an ordinary word (`Rand`, `GHS`) counts beside a number, or anywhere
    in `text` when the caller took the amount out of it (`beside_amount`).
    """
    codes: list[str] = []
    for match in _CURRENCY_TOKEN.finditer(text):
        token = match.group(1)
        code = _token_currency(token)
        if code and token.isalpha() and _inside_item_name(text, match.start(), match.end()):
            code = None
        if token.lower() == "tl" and not _lira_mark(text, token, match.end()):
            code = None
        if (
            token.lower() in _WORDS_BESIDE_AN_AMOUNT
            and not beside_amount
            and not _beside_a_number(text, match)
        ):
            code = None
        if (
            token in _UNITS_AFTER_AN_AMOUNT
            and not beside_amount
            and not re.search(r"\d\s?$", text[: match.start()])
        ):
            code = None  # `회원 12345` (member), `令和元年`: no amount before the mark
        if code:
            codes.append(code)
    return codes[0] if codes and len(set(codes)) == 1 else None


_WORDS_BESIDE_AN_AMOUNT = frozenset(
    {"rand", "ghs", "ghc", "ksh", "kshs", "naira", "cedis", "baht", "ringgit", "rupiah", "元", "원"}
)
"""Currency names and codes that are also ordinary words or other codes (`Rand` is a German
edge and a company name, `GHS` the hazard-labelling system; `元` and `원` end ordinary words,
`令和元年`, `회원`): a currency only beside a number."""


_UNITS_AFTER_AN_AMOUNT = frozenset({"元", "원"})
"""Marks written after the amount only (`1234元`, `12,345원`)."""


def _beside_a_number(text: str, match: re.Match[str]) -> bool:
    return bool(
        re.search(r"\d\s?$", text[max(0, match.start() - 2) : match.start()])
        or re.match(r"\s?\d", text[match.end() : match.end() + 2])
    )


def _lira_mark(text: str, token: str, end: int) -> bool:
    """`TL` as the Turkish lira: in capitals, a word of its own (not `TL-WR841N`, not Czech
    `tl.` for thickness), in a text with a number."""
    return (
        token == "TL"
        and text[end : end + 1] not in ("-", "/", ".")
        and bool(re.search(r"\d", text))
    )


def _token_currency(token: str) -> str | None:
    """The currency one token names (`€`, `RM`, `USD`), if it names one."""
    lowered = token.lower()
    code = CURRENCY_SYMBOLS.get(lowered)
    if lowered in _WORD_CURRENCIES and not (token.isupper() or token.istitle()):
        return None
    if code is None and token.upper() in ISO_CURRENCIES and token.isupper():
        return token.upper()
    return code


def _inside_item_name(text: str, start: int, end: int) -> bool:
    """Whether a currency word sits beside an all-capital word that is not an amount label.

    The words before it are read together (`ZU ZAHLEN EURO`: `ZU ZAHLEN` is an amount label
    although `ZAHLEN` alone is not)."""
    if amount_role(text[:start].strip(" :")) not in (None, "other"):
        return False
    before = re.search(r"([A-Za-zÀ-ÿ]{2,})\s+$", text[:start])
    after = re.match(r"^\s+([A-Za-zÀ-ÿ]{2,})", text[end:])
    for found in (before, after):
        if found is None:
            continue
        word = found.group(1)
        if word.isupper() and word not in ISO_CURRENCIES and amount_role(word) is None:
            return True
    return False


def _to_decimal(raw: str, decimal_comma: bool | None) -> tuple[Decimal, bool] | None:
    """Read one numeric token with either convention; bool says whether it was unambiguous."""
    text = raw.replace("−", "-").replace("\u202f", "").replace("'", "").replace("’", "")
    text = text.replace(" ", "")
    negative = text.startswith("-")
    text = text.lstrip("-")
    exact = True
    if "," in text and "." in text:
        decimal_sep = "," if text.rfind(",") > text.rfind(".") else "."
    elif "," in text or "." in text:
        sep = "," if "," in text else "."
        head, _, tail = text.rpartition(sep)
        if text.count(sep) > 1:
            decimal_sep = "" if len(tail) == 3 else sep
        elif len(tail) == 3:
            if decimal_comma is None:
                exact = False
                decimal_sep = ""
            else:
                decimal_sep = "" if (sep == ",") != decimal_comma else sep
                exact = len(head) <= 3 and head != "0"
            if head in ("0", ""):
                decimal_sep = sep
        else:
            decimal_sep = sep
    else:
        decimal_sep = ""
    thousands = {",", "."} - {decimal_sep}
    for sep in thousands:
        text = text.replace(sep, "")
    if decimal_sep:
        text = text.replace(decimal_sep, ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return (-value if negative else value), exact


_AMOUNT_SHAPE = r"[€$£¥₹]?\s?\d[\d.,'’\s]*(?:[.,]\d{1,2})?\s?(?:[€$£¥₹]|[A-Za-z]{1,3}\$?)?"
_WITH_CENTS = r"\d[.,]\d{2}"


_PERCENT = re.compile(r"\(?\s*\d+(?:[.,]\d+)?\s?%\s*\)?")
"""A rate (`19 %`, `(19.00%)`): removed before reading an amount, never an amount itself."""


def _split_sign(text: str) -> tuple[str, bool]:
    """Accounting notations of a negative amount: `(150.00)`, `150.00 CR`, `125.00-`,
    `-£125.00`, `£-125.00`, `- 125,00 €`. Returns the text without the mark and the sign.

    Only amount shapes count: `(Page 1)`, `INV-001`, `12345 -` are no negative amounts; a
    trailing mark needs cents before it (`125,00-`, `12,50 €-`)."""
    stripped = text.strip()
    paren = re.fullmatch(r"\(\s*(" + _AMOUNT_SHAPE + r")\s*\)", stripped)
    if paren and (re.search(_WITH_CENTS, paren.group(1)) or re.search(r"[€$£¥₹]", stripped)):
        return paren.group(1), True
    credit = re.fullmatch(r"(.*" + _WITH_CENTS + r")\s*(?:CR|Cr|cr)\.?", stripped)
    if credit:
        return credit.group(1), True
    trailing = re.fullmatch(r"(.*" + _WITH_CENTS + r")\s*([^\d\s\-−–]{1,4})?\s*[-−–]", stripped)
    if trailing:
        return f"{trailing.group(1)} {trailing.group(2) or ''}".strip(), True
    trailing = re.fullmatch(r"(.*" + _WITH_CENTS + r")[-−–]\s*([^\d\s]{1,4})?", stripped)
    if trailing:
        return f"{trailing.group(1)} {trailing.group(2) or ''}".strip(), True
    leading = re.fullmatch(r"([^\d\s]{0,4})\s*[-−–]\s*(\d.*)", stripped)
    if leading and (not leading.group(1) or _token_currency(leading.group(1).strip())):
        return f"{leading.group(1)} {leading.group(2)}".strip(), True
    before_symbol = re.fullmatch(r"[-−–]\s*([^\d\s\-−–]{1,4})\s*(\d.*)", stripped)
    if before_symbol and _token_currency(before_symbol.group(1)):
        return f"{before_symbol.group(1)} {before_symbol.group(2)}", True
    return stripped, False


def parse_money(text: str, decimal_comma: bool | None = None) -> Parsed | None:
    """Read an amount with optional currency symbol or code; value is a 2-place decimal string.

    Negative amounts keep their sign in every common notation (see `_split_sign`).
    """
    cleaned, negative = _split_sign(_PERCENT.sub(" ", text).strip())
    if not cleaned or len(cleaned) > 40 or _DATE_NUMERIC.search(cleaned):
        return None
    cleaned = _unglue_currency(_KOPECKS.sub(r"\1.\2", cleaned))
    cleaned, joined = join_split_group(cleaned)
    matches = list(_AMOUNT.finditer(cleaned))
    if decimal_comma is not True:
        lakh = list(_LAKH_AMOUNT.finditer(cleaned))
        inside = [
            m for m in matches if any(m.start() < k.end() and k.start() < m.end() for k in lakh)
        ]
        matches = [m for m in matches if m not in inside] + lakh
    if not matches:
        return None
    match = max(matches, key=lambda m: (not _LONG_DECIMALS.search(m.group(0)), len(m.group(0))))
    rest = (cleaned[: match.start()] + " " + cleaned[match.end() :]).strip()
    currency = detect_currency(rest, beside_amount=True)
    leftover = _CURRENCY_TOKEN.sub(
        lambda m: "" if _token_currency(m.group(1)) else m.group(0), rest
    )
    leftover = re.sub(
        r"[\s:()*+\-=/]|\b(ttc|ht|incl|excl|net|vat|tax|tva)\b\.?",
        "",
        leftover,
        flags=re.IGNORECASE,
    )
    read = _to_decimal(match.group(0), decimal_comma)
    if read is None:
        return None
    value, exact = read
    if len(matches) > 1 or leftover or joined:
        exact = False
        if len(leftover) > 6:
            return None
    if negative and value > 0:
        value = -value
    cents = value.quantize(Decimal("0.01"))
    if cents != value:  # `12,9950` is 13.00 only to two places: a rounding, not the print
        exact = False
    return Parsed(f"{cents}", exact=exact, currency=currency)


_KOPECKS = re.compile(r"(?<![\w\-.,])(\d{1,3}(?:[ \u00a0]\d{3})+|\d{3})-(\d{2})(?![\d\-])")
"""Roubles and kopecks after a hyphen, as Russian invoices write amounts (`24 887-04`,
`481-00`): the hyphen is the decimal point. Only with groups of thousands set apart by spaces
or three digits before it: a range (`10-15`), a year and month (`2022-08`), a financial year
(`2023-24`) or an order line (`100234-01`) is none."""


_GLUED_CURRENCY = re.compile(r"^([A-Z]{3}|Rp|RM|Rs\.?|KSh|Kshs)(?=\d[\d.,]*[.,]\d+(?:\s|$))")


def _unglue_currency(text: str) -> str:
    """A currency code or abbreviation printed against its amount (`Rp310.000`, `RM12.50`,
    `USD1,200.00`) with a space put between them, so `_AMOUNT` finds its word boundary. Only a
    known currency before an amount with a separator: `INV2024`, `EUR2024-17` and `PEN100`
    stay no amounts."""
    match = _GLUED_CURRENCY.match(text)
    if match is None or _token_currency(match.group(1)) is None:
        return text
    return match.group(1) + " " + text[match.end() :]


_SPLIT_GROUP = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:([.,])\d{3})*([.,])(\d{1,2})) (\d{1,2})(?=([.,])\d{1,2}(?!\d))"
)
"""An amount OCR cut inside a group of thousands (`£37,3 96.61` for `£37,396.61`): a number
ending in a group of one or two digits, a space, the rest of the group and the decimals, with
a decimal separator other than the grouping one (`2.5 10.00`, hours and a rate, stays two), and
a money mark before it or a whole group in its first piece (`1,5 12.00` stays two)."""


def join_split_group(text: str) -> tuple[str, bool]:
    """`text` with an amount OCR cut inside a group of thousands joined again, and whether one
    was (the reading is then a guess: which words belong to the amount is not certain)."""
    for match in _SPLIT_GROUP.finditer(text):
        grouping, tail, rest, decimal = match.group(3, 4, 5, 6)
        separators = {match.group(2) or grouping, grouping}
        if len(tail) + len(rest) != 3 or len(separators) != 1 or decimal == grouping:
            continue
        # A money mark before it, or a whole group of thousands in its first piece: a quantity
        # and a price in two conventions (`1,5 12.00`) have neither.
        marked = re.search(r"[€$£¥₹₦₱฿]\s?$|\b[A-Z]{3}\s$", text[: match.start()])
        if marked or match.group(2):
            return text[: match.start(5) - 1] + text[match.start(5) :], True
    return text, False


_LONG_DECIMALS = re.compile(r"[.,]\d{4,6}$")
"""An amount read to four decimals or more: a price, or a month and year (`03.2024`) beside
one; the amount with cents wins."""


def parse_number(text: str, decimal_comma: bool | None = None) -> Parsed | None:
    """Read a plain number (quantity, count); value is a normalised decimal string."""
    cleaned = text.strip()
    match = _AMOUNT.fullmatch(cleaned) or _AMOUNT.search(cleaned)
    if match is None:
        return None
    read = _to_decimal(match.group(0), decimal_comma)
    if read is None:
        return None
    value, exact = read
    if match.group(0) != cleaned:
        exact = False
        if len(cleaned) - len(match.group(0)) > 8:
            return None
    normal = value.normalize()
    return Parsed(format(normal, "f"), exact=exact)


_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")


def parse_email(text: str) -> Parsed | None:
    match = _EMAIL.search(text)
    if match is None:
        return None
    exact = match.group(0).strip() == text.strip()
    return Parsed(match.group(0).lower().rstrip("."), exact=exact)


_PHONE = re.compile(r"(?<![\w])(\+?\(?\d[\d\s().\-/]{5,}\d)(?![\w])")


def parse_phone(text: str) -> Parsed | None:
    """A phone number of 7 to 15 digits, keeping the printed grouping."""
    for match in _PHONE.finditer(text):
        raw = match.group(1).strip()
        digits = re.sub(r"\D", "", raw)
        if 7 <= len(digits) <= 15 and not _looks_like_date(raw):
            exact = raw == text.strip()
            return Parsed(raw, exact=exact)
    return None


def _looks_like_date(text: str) -> bool:
    return bool(_DATE_NUMERIC.fullmatch(text.strip()))


_IBAN = re.compile(r"\b([A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,4})?)\b")


def iban_is_valid(iban: str) -> bool:
    """ISO 13616: python-stdnum's mod-97 check plus the country's IBAN length and BBAN format."""
    return stdnum_iban.is_valid(re.sub(r"\s", "", iban))


def parse_iban(text: str) -> Parsed | None:
    for match in _IBAN.finditer(text.upper()):
        compact = re.sub(r"\s", "", match.group(1))
        if iban_is_valid(compact):
            return Parsed(compact)
    return None


_TRUE = {"yes", "y", "true", "ja", "oui", "si", "sí", "x", "☒", "☑", "✓", "✔", "1", "wahr", "vrai"}
_FALSE = {"no", "n", "false", "nein", "non", "nee", "☐", "0", "falsch", "faux"}


def parse_boolean(text: str) -> Parsed | None:
    token = text.strip().lower().rstrip(".")
    if token in _TRUE:
        return Parsed(True)
    if token in _FALSE:
        return Parsed(False)
    return None


def parse_enum(text: str, choices: tuple[str, ...]) -> Parsed | None:
    """The choice that the text names (case-insensitive, whole words)."""
    lowered = text.lower()
    hits = [c for c in choices if re.search(rf"(?<!\w){re.escape(c.lower())}(?!\w)", lowered)]
    if len(hits) == 1:
        return Parsed(hits[0], exact=lowered.strip() == hits[0].lower())
    return None


def printed_text(text: str) -> str:
    """`text` with the ligatures and presentation forms of its text layer made plain letters
    (`ﬁ` → `fi`, Arabic `ﻓﺎﺗﻮﺭﺓ` → `فاتورة`, Hebrew `שׁ` → `שׁ`), everything else as printed."""
    if text.isascii():
        return text
    return unicodedata.normalize(
        "NFC",
        "".join(
            unicodedata.normalize("NFKC", ch) if _is_presentation_form(ord(ch)) else ch
            for ch in text
        ),
    )


def _is_presentation_form(code: int) -> bool:
    return 0xFB00 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF


def parse_text(text: str) -> Parsed | None:
    cleaned = " ".join(text.split()).strip(" :;,")
    return Parsed(cleaned) if cleaned else None


def parse_value(
    field_type: str,
    text: str,
    *,
    date_order: DateOrder = "DMY",
    decimal_comma: bool | None = None,
    choices: tuple[str, ...] = (),
    pattern: str | None = None,
) -> Parsed | None:
    """Dispatch on the field type; a `pattern` (regex) must match the text for a value.

    Typed values are read from the NFKC form of the text (ligatures `ﬁ` and full-width digits
    become plain characters); text keeps what was printed (`（10本入）` with its full-width
    parentheses) but for the forms a font or a shaping engine put in a text layer: Latin and
    Hebrew ligatures and Arabic presentation forms (`printed_text`). Callers keep the printed
    text separately.
    """
    if field_type == FieldType.TEXT and not pattern:
        return parse_text(printed_text(text))
    text = unicodedata.normalize("NFKC", text)
    if pattern:
        match = re.search(pattern, text)
        if match is None:
            return None
        text = match.group(1) if match.groups() else match.group(0)
    if field_type == FieldType.DATE:
        return parse_date(text, date_order)
    if field_type == FieldType.MONEY:
        return parse_money(text, decimal_comma)
    if field_type == FieldType.NUMBER:
        return parse_number(text, decimal_comma)
    if field_type == FieldType.EMAIL:
        return parse_email(text)
    if field_type == FieldType.PHONE:
        return parse_phone(text)
    if field_type == FieldType.IBAN:
        return parse_iban(text)
    if field_type == FieldType.BOOLEAN:
        return parse_boolean(text)
    if field_type == FieldType.ENUM:
        return parse_enum(text, choices)
    return parse_text(text)


def normalise_expected(field_type: str, value: object) -> object:
    """Comparable form of a value for scoring: Decimal, date, casefolded text."""
    if value is None:
        return None
    if field_type in (FieldType.MONEY, FieldType.NUMBER):
        try:
            return Decimal(str(value))
        except InvalidOperation:
            return " ".join(str(value).split()).casefold()
    if field_type == FieldType.DATE:
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            return str(value)
    if field_type == FieldType.BOOLEAN:
        return bool(value)
    if field_type == FieldType.IBAN:
        return re.sub(r"\s", "", str(value)).upper()
    return " ".join(str(value).split()).casefold()
