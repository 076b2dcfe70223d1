"""What a synthetic source returns: the truth in the evaluation format, the PDF, the styles it
was printed in (for the self-check), and the arithmetic shared by all sources.

Invariants every source keeps (tested): line amount = quantity x unit price rounded half up;
line amounts sum to the subtotal (net-priced documents) or to the total (tax-inclusive till
receipts); subtotal + tax = total; a field is in the truth only when the page prints it.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from bench.synth.formats import (
    DateStyle,
    MoneyStyle,
    QuantityStyle,
    money,
    truth_money,
    truth_number,
)


@dataclass(frozen=True)
class Line:
    description: str
    quantity: Decimal
    unit_price: Decimal
    unit: str = ""

    @property
    def amount(self) -> Decimal:
        return money(self.quantity * self.unit_price)

    def truth(self) -> dict[str, str]:
        return {
            "description": self.description,
            "quantity": truth_number(self.quantity),
            "unit_price": truth_money(self.unit_price),
            "amount": truth_money(self.amount),
        }


@dataclass(frozen=True)
class TaxGroup:
    rate: Decimal
    base: Decimal
    tax: Decimal


def tax_groups(lines: list[Line], rates: list[Decimal]) -> list[TaxGroup]:
    """Net lines taxed per rate: `rates[i]` applies to `lines[i]`; tax rounded per rate."""
    bases: dict[Decimal, Decimal] = {}
    for line, rate in zip(lines, rates, strict=True):
        bases[rate] = bases.get(rate, Decimal(0)) + line.amount
    return [TaxGroup(rate, base, money(base * rate / 100)) for rate, base in sorted(bases.items())]


def net_totals(
    lines: list[Line], rates: list[Decimal]
) -> tuple[list[TaxGroup], Decimal, Decimal, Decimal]:
    """Tax groups, subtotal, tax and total of net-priced lines: the tax is the sum of the
    per-rate taxes (not the subtotal times a rate), so the invariants in this module hold."""
    groups = tax_groups(lines, rates)
    subtotal = sum((line.amount for line in lines), Decimal(0))
    tax = sum((group.tax for group in groups), Decimal(0))
    return groups, subtotal, tax, subtotal + tax


def inclusive_tax(gross: Decimal, rate: Decimal) -> Decimal:
    """The tax contained in a tax-inclusive amount, as till receipts print it."""
    return money(gross * rate / (100 + rate))


@dataclass
class Rendered:
    """One generated document. `image` is None for a PDF, else the raster format written."""

    fields: dict[str, Any]
    language: str
    kind: Literal["invoice", "credit_note", "receipt", "purchase_order"]
    pdf: bytes
    money: MoneyStyle
    dates: DateStyle
    quantities: QuantityStyle
    currency_marks: tuple[str, ...]
    prices_include_tax: bool = False
    image: Literal["png", "jpg"] | None = None
    image_bytes: bytes | None = None
    date_overrides: dict[str, DateStyle] = field(default_factory=dict)
    """Fields printed in another date style than `dates` (a long-form issue date, say)."""

    def date_style(self, key: str) -> DateStyle:
        return self.date_overrides.get(key, self.dates)

    @property
    def case_type(self) -> str:
        """The shipped case type the truth is for: `purchase_order`, else `invoice`."""
        return "purchase_order" if self.kind == "purchase_order" else "invoice"

    def truth(self, source: str) -> dict[str, Any]:
        return {
            "case_type": self.case_type,
            "fields": self.fields,
            "source": f"synth:{source}",
            "language": self.language,
            "kind": self.kind,
        }


def prune(fields: dict[str, Any]) -> dict[str, Any]:
    """Drop keys the document does not print (None), keep the evaluation key order."""
    order = (
        "invoice_number",
        "invoice_date",
        "due_date",
        "vendor_name",
        "total_amount",
        "subtotal_amount",
        "tax_amount",
        "currency",
        "line_items",
    )
    return {key: fields[key] for key in order if fields.get(key) is not None}


def truth_fields(
    *,
    number: str,
    issue: dt.date,
    vendor: str,
    total: Decimal,
    subtotal: Decimal | None,
    tax: Decimal | None,
    currency: str,
    due: dt.date | None = None,
    lines: Sequence[Line] | None = None,
) -> dict[str, Any]:
    """The truth in the evaluation format. A source passes None for what its page does not
    print (a due date left to the terms, a tax split over rates without a sum), so the field is
    not in the truth either."""
    return prune(
        {
            "invoice_number": number,
            "invoice_date": issue.isoformat(),
            "due_date": due.isoformat() if due is not None else None,
            "vendor_name": vendor,
            "total_amount": truth_money(total),
            "subtotal_amount": truth_money(subtotal) if subtotal is not None else None,
            "tax_amount": truth_money(tax) if tax is not None else None,
            "currency": currency,
            "line_items": [line.truth() for line in lines] if lines is not None else None,
        }
    )


@dataclass(frozen=True)
class Dates:
    issue: dt.date
    due: dt.date
    other: tuple[dt.date, ...]
    """Decoy dates (delivery, order, period) printed beside the issue and due dates."""


def pick_dates(
    rng: random.Random, style: DateStyle, *, due_days: tuple[int, ...] = (14, 30)
) -> Dates:
    """Issue, due and decoy dates. With a numeric day/month style a third of the documents get
    an ambiguous issue date (day and month both <= 12 and different); half of those also print
    another date with a day above 12 that settles the order, the other half do not."""
    year = rng.choice((2022, 2023, 2024, 2025))
    mode = rng.random() if style.day_month_ambiguous else 1.0
    if mode < 1 / 3:
        settle = mode < 1 / 6
        while True:
            day, month = rng.randint(1, 12), rng.randint(1, 11)
            if day != month:
                break
        issue = dt.date(year, month, day)
        if settle:
            due = issue + dt.timedelta(days=rng.choice(due_days))
            while due.day <= 12:
                due += dt.timedelta(days=1)
            other = (issue - dt.timedelta(days=rng.randint(13, 20)),)
            other = tuple(d if d.day > 12 else d - dt.timedelta(days=d.day) for d in other)
        else:
            due = _ambiguous_after(rng, issue)
            other = (_ambiguous_before(rng, issue),)
        return Dates(issue, due, other)
    issue = dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(0, 360))
    if style.day_month_ambiguous:
        while issue.day <= 12:
            issue += dt.timedelta(days=1)
    due = issue + dt.timedelta(days=rng.choice(due_days))
    other = (issue - dt.timedelta(days=rng.randint(1, 12)),)
    return Dates(issue, due, other)


def _ambiguous(value: dt.date) -> bool:
    return value.day <= 12 and value.day != value.month


def _ambiguous_after(rng: random.Random, issue: dt.date) -> dt.date:
    value = issue + dt.timedelta(days=rng.choice((28, 30, 31, 60)))
    while not _ambiguous(value):
        value += dt.timedelta(days=1)
    return value


def _ambiguous_before(rng: random.Random, issue: dt.date) -> dt.date:
    value = issue - dt.timedelta(days=rng.randint(20, 40))
    while not _ambiguous(value):
        value -= dt.timedelta(days=1)
    return value


def price(rng: random.Random, low: float, high: float) -> Decimal:
    """A unit price that looks set by a person: whole, .50, .95, .99 or any cents."""
    value = Decimal(str(round(rng.uniform(low, high), 2)))
    ending = rng.random()
    if ending < 0.25:
        return Decimal(int(value))
    if ending < 0.4:
        return Decimal(int(value)) + Decimal("0.50")
    if ending < 0.55:
        return Decimal(int(value)) + Decimal("0.95")
    if ending < 0.65:
        return Decimal(int(value)) + Decimal("0.99")
    return value


def quantity(rng: random.Random, *, fractional: float = 0.1) -> Decimal:
    if rng.random() < fractional:
        return Decimal(rng.choice(("0.5", "1.5", "2.5", "7.5", "0.25", "3.75", "12.5")))
    return Decimal(rng.choice((1, 1, 1, 2, 2, 3, 4, 5, 6, 10, 12, 20, 25, 50)))
