"""How money, quantities and dates are printed in each convention the synthetic sources use.

The sources print every truth value through these styles, and the self-check in
`tests/bench/test_synth.py` formats the truth with the same style and looks for it in the page
text, so a style is the single definition of "the document's format". Pure functions, no I/O.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

CENT = Decimal("0.01")

Negative = Literal["minus", "parens", "cr", "trailing"]


def money(value: Decimal) -> Decimal:
    """Round half up to cents, the way invoicing software rounds each line and each tax."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def truth_money(value: Decimal) -> str:
    """Money in the evaluation format: a decimal string with two places, negative with '-'."""
    return f"{money(value):.2f}"


def truth_number(value: Decimal) -> str:
    """A quantity in the evaluation format: no exponent, no trailing zeros (`2`, `2.5`)."""
    text = format(value.normalize(), "f")
    return text


def _group(digits: str, separator: str) -> str:
    if not separator:
        return digits
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return separator.join(parts)


@dataclass(frozen=True)
class MoneyStyle:
    """A printed amount: grouping, decimal mark, currency mark and how a negative is shown.

    `number()` is the figure alone (tables), `amount()` adds the currency mark (totals).
    """

    thousands: str = ","
    decimal: str = "."
    symbol: str = ""
    symbol_after: bool = False
    symbol_space: bool = True
    negative: Negative = "minus"

    def number(self, value: Decimal) -> str:
        value = money(value)
        units, cents = f"{abs(value):.2f}".split(".")
        text = f"{_group(units, self.thousands)}{self.decimal}{cents}"
        if value >= 0:
            return text
        return {
            "minus": f"-{text}",
            "parens": f"({text})",
            "cr": f"{text} CR",
            "trailing": f"{text}-",
        }[self.negative]

    def amount(self, value: Decimal, symbol: str | None = None) -> str:
        mark = self.symbol if symbol is None else symbol
        figure = self.number(value)
        if not mark:
            return figure
        gap = " " if self.symbol_space else ""
        return f"{figure}{gap}{mark}" if self.symbol_after else f"{mark}{gap}{figure}"


@dataclass(frozen=True)
class QuantityStyle:
    """Quantities print with the document's decimal mark and no trailing zeros."""

    decimal: str = "."

    def number(self, value: Decimal) -> str:
        return truth_number(value).replace(".", self.decimal)


@dataclass(frozen=True)
class FixedQuantity(QuantityStyle):
    """Quantities always with `places` decimals (`1,00`, `2,500`), as ERPs and invoicing
    programs print them."""

    places: int = 2

    def number(self, value: Decimal) -> str:
        return f"{value:.{self.places}f}".replace(".", self.decimal)


MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października "
    "listopada grudnia",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
    "dicembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro "
    "dezembro",
}


@dataclass(frozen=True)
class DateStyle:
    """A printed date. `pattern` uses {d} {dd} {m} {mm} {yyyy} {yy} {month} {mon} placeholders;
    `{month}` is the month name in `language`, `{mon}` its first three letters."""

    pattern: str
    language: str = "en"

    def month_name(self, month: int) -> str:
        """The month's name in `language` (1 = January); a source whose language the shared
        table lacks overrides this, not `format`."""
        return MONTHS[self.language].split()[month - 1]

    def format(self, value: dt.date) -> str:
        month = self.month_name(value.month)
        return self.pattern.format(
            d=value.day,
            dd=f"{value.day:02d}",
            m=value.month,
            mm=f"{value.month:02d}",
            yyyy=value.year,
            yy=f"{value.year % 100:02d}",
            month=month,
            mon=month[:3].title() if self.language == "en" else month[:3],
        )

    @property
    def day_month_ambiguous(self) -> bool:
        """Numeric day and month with the year not first: `05/03/2024` reads either way."""
        return (
            "{month" not in self.pattern
            and "{mon}" not in self.pattern
            and not (self.pattern.startswith("{yyyy}"))
        )
