"""`utility-bill`: household and small-business utility, telecom and subscription bills in English
(UK, Ireland, US, Australia): electricity and gas, water and sewer, mobile and broadband.

A bill is first an account statement: beside the charges of the period it carries the balance from
the last bill, the payments received since (`Payment received - thank you`), the balance brought
forward, credits and rebates that are not charges of the period (the Warm Home Discount in winter,
Ireland's government electricity credit, the Energy Bill Relief Fund), the new balance, and what to
pay and when (`Amount to pay`, `Total amount due`, `Please pay by`), or that nothing is to be paid
(`You're £84.12 in credit`). The dates are many: the bill or statement date, the billing period
from-to, the meter read dates, a due date, a Direct Debit or AutoPay collection date, the next bill
date. The numbers are many: account number, customer reference, MPAN (the UK `S` box), the MPRN (UK
gas, Irish electricity), the Australian NMI, meter serial numbers, a BPAY reference, a bill or
invoice number (printed on some bills only: when it is not printed it is not in the truth).

Truth rules. `total_amount` is the charges of this bill: `Total charges for this period`, `Your
charges this period (inc VAT)`, `Total current charges`, `New charges (incl GST)`, `Invoice total`,
with VAT, GST and taxes included; never the amount due or to pay, which adds the previous balance,
takes off payments, credits and rebates, and which equals the total only when the last bill was
paid in full and no credit was applied. Every layout prints that charges figure. The invoice date
is the date the page gives the bill (`Bill date`, `Date of bill`, `Statement date`, `Issue date`,
`Invoice date / tax point`); the due date is in the truth only where the page prints a date to pay
by (`Please pay by`, `Due date`, `Payment due`): the date a Direct Debit will be collected on, a
`Next payment` or an AutoPay date is not a due date, so a Direct Debit bill usually has no due date
in the truth. `subtotal_amount` is in the truth only where the page prints the whole bill's charges
before VAT/GST as one figure (`Total charges before VAT`, `Charges excluding VAT` of a VAT summary
when every charge bears VAT, `Total charges (excl GST)`); `tax_amount` only where the whole bill's
VAT/GST or tax is printed as one figure. A UK dual-fuel bill that prints VAT per fuel without a
sum, a US bill with several tax lines and no `Total taxes`, a US phone bill's `Taxes, governmental
surcharges & fees` (fees mixed in) and a phone bill whose device plan is outside the scope of VAT
(no whole-bill net figure) leave those fields out. Energy unit rates are printed in pence or cents
per kWh or with four or five decimals, so energy and water bills have no `line_items`; only the
business telecom invoice, whose rows are quantity x unit price at two decimals that add up to the
net total, has them.

Five layout families.

- `energy-uk` (a UK or Irish energy supplier's two-page bill, always born-digital): page 1 has
  the supplier, `Your energy bill`, a `Bill date / Account number / Bill number / Billing period`
  block (the bill number on some), the customer's address, an account-summary box (`Balance from
  your last bill`, `Payments received - thank you`, `Your charges this period (inc VAT)`, a Warm
  Home Discount or government credit, `Your new balance`, shown as `£84.12 in credit`, `£84.12 CR`
  or `-£84.12` when in credit), a callout (`Amount to pay` with `Please pay by`, or the Direct
  Debit amount and its next collection date, or `Nothing to pay`), a tariff box (tariff name and
  end date, payment method, estimated annual consumption and cost, the tariff comparison rate in
  pence per kWh, exit fees), `Important information` on help and complaints, a bank giro
  credit slip repeating the amount and the account number for those who pay on receipt; page 2 has
  the meter readings (MPAN `S` box or MPRN, meter serial, previous and latest reads marked A / E /
  C, gas in m³ or hundreds of cubic feet converted to kWh with the calorific value), the charges
  per fuel (`345 kWh x 24.50p`, `31 days x 60.10p`, Economy 7 day and night units; in Ireland
  `612 kWh @ €0.3215`, `61 days @ €0.7321`, the PSO levy, a unit-rate discount), VAT at 5 % (UK)
  or 9 % (Ireland) on the whole bill or per fuel, and a usage history.
- `telecom` (a mobile, broadband or TV provider's consumer bill, UK, Ireland or US, one page):
  `Your bill at a glance` (`Your last bill`, `Payment received 14 Feb - thank you`, `Balance
  brought forward`, `This month's charges`, `Total to pay`), monthly charges billed in advance and
  usage billed in arrears (two periods), one-off charges (engineer visit, late payment fee),
  discounts, a device plan `payment 14 of 36` outside the scope of VAT, data used `18.4GB of
  30GB`; UK and Irish prices include VAT and a VAT summary gives the net and VAT; US bills list
  surcharges and taxes line by line, an AutoPay discount and an AutoPay date beside the due date.
- `business-comms` (a business telecoms and IT services invoice, UK or Australian `TAX
  INVOICE`): `Invoice number / Invoice date (tax point) / Account number / Customer reference /
  Your PO`, a `Description / Period / Qty / Unit price / Amount` table with rentals billed in
  advance, call charges in arrears and service credits as negative rows, `Total excluding VAT /
  VAT @ 20% / Invoice total` or `Net total / VAT at 20% / Total including VAT` (`Total ex GST /
  GST / Total inc GST`), and an account statement
  (`Opening balance / Payments received / This invoice / Balance due`) with overdue balances; a
  BPAY box (biller code, reference) in Australia, a Direct Debit note or `Payment due` in the UK.
- `us-utility` (a US municipal utility, electric co-op or water district, Letter, one page): no
  bill number, `Statement date` or `Bill date`, `Account number`, service address, a meter table
  (`Meter number / Service / Previous / Present / Mult. / Usage`), charges in
  dollars per kWh or per 1,000 gallons with five or four decimals (`612 kWh @ $0.11874`), a power
  cost adjustment that can be a credit, franchise fees, one or more taxes, `Total current
  charges`, `Previous balance / Payment received 02/28 - thank you / Past due / Total amount
  due`, `Amount due after 04/05/2024` with a late fee, a usage history, and a tear-off stub
  repeating account, due date, amount due, the late amount and `Amount enclosed`.
- `energy-au` (an Australian electricity retailer's tax invoice, one page): `Tax invoice`, ABN,
  `Account number / Invoice number / Issue date / Bill period`, the NMI and meter number, a
  `Total amount due` box with the due date and on some a pay-on-time discount (`Pay $X if paid
  by the due date`), the account summary with an Energy Bill Relief Fund credit, charges
  excluding GST with rates in dollars per kWh or per day at four decimals (peak, off peak,
  controlled load, supply charge, a solar feed-in credit that bears no GST), `GST`, `Total new
  charges`, the average daily use and cost, and a `How to pay` box (BPAY biller code and
  reference, Direct Debit date, Post Billpay).

Decoys and awkward parts: the amount due beside the new charges (a previous balance unpaid,
credits, rebates, a balance in credit), the estimated annual cost, a Direct Debit amount, the
late-payment amount, the pay-on-time amount, average daily cost, a usage-history chart with
amounts or kWh; the account, customer, meter, MPAN/MPRN/NMI, BPAY and payment reference numbers,
some as long as a bill number; the billing period, meter read dates, a Direct Debit date, the
last payment date, the next bill date; a bank giro slip that reads `Amount due £0.00` on a bill in
credit. About a quarter of the one-page bills (half of the US utility bills) are scanned images;
the two-page energy bills are always PDFs.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from bench.synth import names
from bench.synth.canvas import A4, LETTER, Canvas
from bench.synth.common import Column, choose, draw_table
from bench.synth.document import Line, Rendered, truth_fields
from bench.synth.formats import DateStyle, MoneyStyle, QuantityStyle, money

Country = Literal["GB", "IE", "US", "AU"]
Layout = Literal["energy-uk", "telecom", "business-comms", "us-utility", "energy-au"]
AccountMode = Literal["paid", "arrears", "dd"]

GREY = (0.42, 0.42, 0.42)
LIGHT = (0.92, 0.93, 0.95)
ACCENTS = (
    (0.05, 0.33, 0.55),
    (0.45, 0.1, 0.45),
    (0.0, 0.45, 0.35),
    (0.75, 0.2, 0.1),
    (0.1, 0.1, 0.1),
)

MONEY = {
    "GB": MoneyStyle(",", ".", "£", symbol_space=False),
    "IE": MoneyStyle(",", ".", "€", symbol_space=False),
    "US": MoneyStyle(",", ".", "$", symbol_space=False),
    "AU": MoneyStyle(",", ".", "$", symbol_space=False),
}
CURRENCY = {"GB": "GBP", "IE": "EUR", "US": "USD", "AU": "AUD"}
DATE_STYLES = {
    "GB": ("{d} {month} {yyyy}", "{dd} {mon} {yyyy}", "{dd}/{mm}/{yyyy}", "{d} {mon} {yyyy}"),
    "IE": ("{dd} {mon} {yyyy}", "{dd}/{mm}/{yyyy}", "{d} {month} {yyyy}", "{dd}.{mm}.{yyyy}"),
    "US": ("{mm}/{dd}/{yyyy}", "{month} {d}, {yyyy}", "{mon} {d}, {yyyy}", "{mm}/{dd}/{yy}"),
    "AU": ("{d} {mon} {yyyy}", "{dd}/{mm}/{yyyy}", "{d} {month} {yyyy}", "{dd} {mon} {yy}"),
}
SHORT = {"GB": "{d} {mon}", "IE": "{d} {mon}", "US": "{mm}/{dd}", "AU": "{d} {mon}"}

IRISH_SURNAMES = [
    "Murphy",
    "Kelly",
    "O'Sullivan",
    "Walsh",
    "Byrne",
    "Ryan",
    "O'Brien",
    "Doyle",
    "McCarthy",
    "Gallagher",
    "Kennedy",
    "Lynch",
    "Quinn",
    "Brennan",
    "Nolan",
    "Fitzgerald",
]
IE_TOWNS = [
    ("Ballincollig", "Co. Cork", "P31"),
    ("Naas", "Co. Kildare", "W91"),
    ("Athlone", "Co. Westmeath", "N37"),
    ("Castlebar", "Co. Mayo", "F23"),
    ("Drogheda", "Co. Louth", "A92"),
    ("Rathmines", "Dublin 6", "D06"),
    ("Salthill", "Galway", "H91"),
    ("Ennis", "Co. Clare", "V95"),
]
IE_STREETS = [
    "Main Street",
    "Church Road",
    "Castle View",
    "Oakwood Drive",
    "The Crescent",
    "Abbey Park",
    "Riverside Avenue",
    "Greenfields",
]
AU_SUBURBS = [
    ("PARRAMATTA", "NSW", "2150"),
    ("BLACKTOWN", "NSW", "2148"),
    ("GEELONG WEST", "VIC", "3218"),
    ("FRANKSTON", "VIC", "3199"),
    ("TOOWOOMBA", "QLD", "4350"),
    ("CHERMSIDE", "QLD", "4032"),
    ("MAWSON LAKES", "SA", "5095"),
    ("BELCONNEN", "ACT", "2617"),
]
AU_STREETS = [
    "BANKSIA ST",
    "WATTLE AVE",
    "OCEAN PDE",
    "BOTTLEBRUSH CRES",
    "STATION RD",
    "KURRAJONG WAY",
    "JACARANDA DR",
]
AU_FIRST = ["Jack", "Mia", "Liam", "Chloe", "Noah", "Isla", "Lachlan", "Ruby", "Cooper", "Sienna"]
AU_SURNAMES = [
    "Smith",
    "Nguyen",
    "Kelly",
    "Walsh",
    "Papadopoulos",
    "Murray",
    "Campbell",
    "Thompson",
    "Russo",
    "Chen",
    "McDonald",
    "Fraser",
    "Singh",
]


# ----------------------------------------------------------------------------- small helpers


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def _bill_dates(rng: random.Random, lengths: tuple[int, int]) -> tuple[dt.date, Period]:
    """The bill date and the period it bills, which ends a few days before."""
    year = rng.choice((2023, 2024, 2025))
    issue = dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(0, 360))
    end = issue - dt.timedelta(days=rng.randint(1, 6))
    start = end - dt.timedelta(days=rng.randint(*lengths) - 1)
    return issue, Period(start, end)


def _d(style: DateStyle, value: dt.date) -> str:
    return style.format(value)


def _short(country: Country, value: dt.date) -> str:
    return DateStyle(SHORT[country]).format(value)


def _credit(style: MoneyStyle, value: Decimal, mode: str) -> str:
    """A positive `value` printed as a credit or a payment taken off the balance."""
    figure = style.amount(value)
    return {
        "minus": f"-{figure}",
        "cr": f"{figure} CR",
        "crlow": f"{figure}cr",
        "parens": f"({figure})",
    }[mode]


def _signed(style: MoneyStyle, value: Decimal, mode: str) -> str:
    """A balance: owed (positive) as the amount, in credit (negative) as a credit."""
    if value < 0:
        if mode == "words":
            return f"{style.amount(-value)} in credit"
        return _credit(style, -value, mode)
    return style.amount(value)


def _dashed(canvas: Canvas, y: float, left: float, right: float) -> None:
    x = left
    while x < right:
        canvas.line(x, y, x + 4, y, width=0.6, color=GREY)
        x += 8


def _rows(
    canvas: Canvas,
    left: float,
    right: float,
    y: float,
    rows: list[tuple[str, str]],
    *,
    size: float = 8.5,
    step: float = 13,
    bold: tuple[str, ...] = (),
    rule_before: tuple[str, ...] = (),
) -> float:
    """`label ... value` rows, the value right-aligned at `right`; returns the y after."""
    for label, value in rows:
        if label in rule_before:
            canvas.line(left, y - size - 1.5, right, y - size - 1.5, width=0.5)
        strong = label in bold
        canvas.text(left, y, label, size=size, bold=strong)
        canvas.text(right, y, value, size=size, bold=strong, align="right")
        y += step
    return y


def _person(rng: random.Random, country: Country) -> str:
    if country == "GB":
        name = names.person(rng, "en")
        male = name.split()[0] in ("Oliver", "Jack", "Harry", "Thomas", "James")
        title = rng.choice(("Mr", "Mr", "Dr") if male else ("Mrs", "Ms", "Miss", "Dr"))
        return f"{title} {name}"
    if country == "IE":
        return f"{rng.choice(names.FIRST['en'].split())} {rng.choice(IRISH_SURNAMES)}"
    if country == "AU":
        return f"{rng.choice(AU_FIRST)} {rng.choice(AU_SURNAMES)}".upper()
    return names.person(rng, "us")


def _address(rng: random.Random, country: Country) -> list[str]:
    if country == "GB":
        street, town = names.address(rng, "en")
        city, postcode = town.rsplit(" ", 2)[0], " ".join(town.rsplit(" ", 2)[1:])
        flat = f"Flat {rng.randint(1, 24)}, " if rng.random() < 0.2 else ""
        return [f"{flat}{street}", city, postcode]
    if country == "IE":
        town, county, routing = rng.choice(IE_TOWNS)
        code = f"{routing} {rng.choice('ACDEFHKNPRTVWXY')}{rng.randint(0, 9)}"
        code += f"{rng.choice('ACDEFHKNPRTVWXY')}{rng.randint(0, 9)}"
        return [f"{rng.randint(1, 140)} {rng.choice(IE_STREETS)}", town, county, code]
    if country == "AU":
        suburb, state, code = rng.choice(AU_SUBURBS)
        unit = f"UNIT {rng.randint(1, 12)} " if rng.random() < 0.25 else ""
        return [f"{unit}{rng.randint(1, 240)} {rng.choice(AU_STREETS)}", f"{suburb} {state} {code}"]
    return names.address(rng, "us")


def _abn(rng: random.Random) -> str:
    """A valid ABN (the weighted sum, first digit less one, is a multiple of 89)."""
    weights = (10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19)
    tail = [rng.randint(0, 9) for _ in range(9)]
    rest = sum(d * w for d, w in zip(tail, weights[2:], strict=True))
    head = (-rest) % 89
    digits = "".join(map(str, [head // 10 + 1, head % 10, *tail]))
    return f"{digits[:2]} {digits[2:5]} {digits[5:8]} {digits[8:]}"


def _grouped(text: str, size: int = 4) -> str:
    return " ".join(text[i : i + size] for i in range(0, len(text), size))


def _history(
    canvas: Canvas,
    x: float,
    y: float,
    width: float,
    height: float,
    values: list[int],
    labels: list[str],
    color: tuple[float, float, float],
    size: float = 6,
) -> None:
    """A bar chart of past use, with the figures over the bars (decoy numbers)."""
    top = max(values)
    step = width / len(values)
    canvas.line(x, y + height, x + width, y + height, width=0.5)
    for index, (value, label) in enumerate(zip(values, labels, strict=True)):
        bar = height * value / top * 0.8
        left = x + index * step + step * 0.2
        canvas.box(left, y + height - bar, left + step * 0.6, y + height, stroke=None, fill=color)
        canvas.text(
            left + step * 0.3, y + height - bar - 2, str(value), size=size - 1, align="center"
        )
        canvas.text(left + step * 0.3, y + height + 8, label, size=size - 1, align="center")


def _past_months(end: dt.date, count: int) -> list[str]:
    labels = []
    year, month = end.year, end.month
    for _ in range(count):
        labels.append(dt.date(year, month, 1).strftime("%b"))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return labels[::-1]


def _footer(canvas: Canvas, lines: list[str], bottom: float = 818, size: float = 6.5) -> None:
    for offset, text in enumerate(reversed(lines)):
        canvas.text(
            canvas.width / 2, bottom - offset * 8.5, text, size=size, color=GREY, align="center"
        )


# ----------------------------------------------------------------------------- account summary


@dataclass(frozen=True)
class Account:
    """The balance side of a bill: previous balance, payments, credits, the new balance."""

    previous: Decimal
    payments: tuple[tuple[dt.date, Decimal], ...]
    credits: tuple[tuple[str, Decimal], ...]
    charges: Decimal

    @property
    def brought_forward(self) -> Decimal:
        return self.previous - sum((amount for _, amount in self.payments), Decimal(0))

    @property
    def balance(self) -> Decimal:
        credits = sum((amount for _, amount in self.credits), Decimal(0))
        return self.brought_forward + self.charges - credits


def _account(
    rng: random.Random,
    charges: Decimal,
    period: Period,
    *,
    mode: AccountMode,
    dd_amount: Decimal | None = None,
    credits: tuple[tuple[str, Decimal], ...] = (),
    payments: int = 1,
) -> Account:
    """`paid`: the last bill paid in full; `arrears`: part or none of it paid; `dd`: fixed Direct
    Debit payments against a running balance, often in credit."""
    last = rng.randint(2, 20)
    paid_on = sorted(period.end - dt.timedelta(days=last + 30 * k) for k in range(payments))
    if mode == "dd":
        assert dd_amount is not None
        previous = money(Decimal(rng.uniform(-260, 70)))
        return Account(previous, tuple((day, dd_amount) for day in paid_on), credits, charges)
    previous = money(charges * Decimal(str(rng.uniform(0.7, 1.35))))
    if mode == "paid":
        return Account(previous, ((paid_on[0], previous),), credits, charges)
    if rng.random() < 0.5:
        return Account(previous, (), credits, charges)
    part = money(previous * Decimal(str(rng.choice((0.25, 0.5, 0.6)))))
    return Account(previous, ((paid_on[0], part),), credits, charges)


# ----------------------------------------------------------------------------- energy-uk


ENERGY_WORDS = {
    "GB": [
        "Brightwell",
        "Northgate",
        "Kestrel",
        "Meridian",
        "Greenfield",
        "Ashdown",
        "Lumen",
        "Thistle",
        "Pennine",
        "Beacon",
        "Solstice",
        "Harbourside",
    ],
    "IE": ["Shannonside", "Corrib", "Liffey", "Slaney", "Lakeland", "Atlantic", "Emerald", "Boyne"],
    "AU": [
        "Southern Cross",
        "Coastline",
        "Wattle",
        "Redgum",
        "Bluegum",
        "Ironbark",
        "Banksia",
        "Sunrise",
    ],
}


def _energy_vendor(rng: random.Random, country: Country) -> str:
    word = rng.choice(ENERGY_WORDS[country])
    forms = {
        "GB": (
            "{w} Energy Ltd",
            "{w} Energy Supply Limited",
            "{w} Power & Gas Ltd",
            "{w} Energy plc",
        ),
        "IE": ("{w} Energy DAC", "{w} Electricity Ltd", "{w} Power Limited"),
        "AU": ("{w} Energy Pty Ltd", "{w} Power Pty Ltd", "{w} Energy Retail Pty Ltd"),
    }[country]
    return rng.choice(forms).format(w=word)


@dataclass
class Fuel:
    name: str
    reads: list[list[str]]
    """Rows of the readings table."""
    notes: list[str]
    charges: list[tuple[str, str, Decimal]]
    """(description, quantity x rate, amount)."""

    @property
    def total(self) -> Decimal:
        return sum((amount for _, _, amount in self.charges), Decimal(0))


def _read_type(rng: random.Random, country: Country) -> str:
    return rng.choice(("A", "A", "E", "C", "S")) if country == "GB" else rng.choice("AAEC")


def _uk_electricity(
    rng: random.Random, country: Country, period: Period, dstyle: DateStyle, style: MoneyStyle
) -> Fuel:
    days = period.days
    two_rate = rng.random() < (0.25 if country == "GB" else 0.4)
    serial = rng.choice(
        (
            f"E{rng.randint(10, 19)}BG{names.digits(rng, 5)}",
            f"{rng.randint(10, 23)}K{names.digits(rng, 7)}",
            f"S{rng.randint(11, 19)}{rng.choice('ABCD')}{names.digits(rng, 6)}",
        )
    )
    registers = [("Day", 0.62), ("Night", 0.38)] if two_rate else [("Single", 1.0)]
    if country == "GB" and two_rate:
        registers = [("Economy 7 day", 0.62), ("Economy 7 night", 0.38)]
    daily = rng.uniform(5, 16)
    reads: list[list[str]] = []
    charges: list[tuple[str, str, Decimal]] = []
    for register, share in registers:
        units = max(12, round(daily * days * share))
        before = rng.randint(1000, 89000)
        first, last = _read_type(rng, country), _read_type(rng, country)
        reads.append(
            [
                serial,
                register,
                f"{before:05d} {first}",
                f"{before + units:05d} {last}",
                f"{units:,}",
            ]
        )
        if country == "GB":
            low, high = (2150, 3050) if share >= 0.6 or share == 1.0 else (1150, 1750)
            rate = Decimal(rng.randint(low, high)) / 100
            if rng.random() < 0.3:
                rate = Decimal(rng.randint(low * 10, high * 10)) / 1000
            amount = money(units * rate / 100)
            label = "Energy used" if register == "Single" else register
            charges.append((label, f"{units:,} kWh x {rate}p", amount))
        else:
            low, high = (3000, 4200) if register == "Day" else (1600, 2200)
            if register == "Single":
                low, high = 2900, 4000
            rate = Decimal(rng.randint(low, high)) / 10000
            amount = money(units * rate)
            label = {"Day": "Day units", "Night": "Night units", "Single": "24hr units"}[register]
            charges.append((label, f"{units:,} kWh @ €{rate}", amount))
    if country == "GB":
        standing = Decimal(rng.randint(4200, 6400)) / 100
        charges.append(
            ("Standing charge", f"{days} days x {standing}p", money(days * standing / 100))
        )
        notes = [
            f"Readings taken {_d(dstyle, period.start)} and {_d(dstyle, period.end)}. "
            "A = actual, E = estimated, C = customer read, S = smart read."
        ]
    else:
        standing = Decimal(rng.randint(6500, 8500)) / 10000
        charges.append(("Standing charge", f"{days} days @ €{standing}", money(days * standing)))
        if rng.random() < 0.5:
            discount = Decimal(rng.choice((5, 8, 10, 12, 15)))
            units_total = sum((amount for _, _, amount in charges[:-1]), Decimal(0))
            charges.append(
                (f"Discount {discount}% on unit rates", "", -money(units_total * discount / 100))
            )
        levy = Decimal(rng.choice(("3.23", "1.65", "2.94")))
        months = 2 if days > 45 else 1
        charges.append(("PSO levy", f"{months} months @ €{levy}", money(months * levy)))
        notes = ["Read types: A = actual, E = estimated, C = customer read."]
    return Fuel("Electricity", reads, notes, charges)


def _uk_gas(rng: random.Random, period: Period, dstyle: DateStyle) -> Fuel:
    days = period.days
    serial = rng.choice(
        (f"G4A{names.digits(rng, 8)}", f"E6S{names.digits(rng, 8)}", f"M{names.digits(rng, 7)}")
    )
    imperial = rng.random() < 0.25
    volume = rng.randint(25, 190) * days // 30
    before = rng.randint(1000, 9000)
    first, last = _read_type(rng, "GB"), _read_type(rng, "GB")
    unit = "hundreds of cubic feet" if imperial else "m³"
    reads = [
        [serial, "Gas", f"{before:04d} {first}", f"{before + volume:04d} {last}", f"{volume:,}"]
    ]
    cubic = Decimal(volume) * Decimal("2.83") if imperial else Decimal(volume)
    cv = Decimal(rng.randint(386, 398)) / 10
    kwh = int(money(cubic * Decimal("1.02264") * cv / Decimal("3.6")).to_integral_value())
    converted = f"{cubic} m³" if not imperial else f"{volume} x 2.83 = {cubic} m³"
    notes = [
        f"Reads in {unit}. Converting to kWh: {converted} x 1.02264 (volume correction) "
        f"x {cv} (calorific value) / 3.6 = {kwh:,} kWh",
    ]
    rate = Decimal(rng.randint(550, 790)) / 100
    if rng.random() < 0.3:
        rate = Decimal(rng.randint(5500, 7900)) / 1000
    standing = Decimal(rng.randint(2700, 3300)) / 100
    charges = [
        ("Energy used", f"{kwh:,} kWh x {rate}p", money(kwh * rate / 100)),
        ("Standing charge", f"{days} days x {standing}p", money(days * standing / 100)),
    ]
    return Fuel("Gas", reads, notes, charges)


def _energy_uk(rng: random.Random) -> Rendered:
    country: Country = choose(rng, [(3, "GB"), (1.2, "IE")])
    gb = country == "GB"
    style = MONEY[country]
    dstyle = DateStyle(rng.choice(DATE_STYLES[country]))
    vendor = _energy_vendor(rng, country)
    accent = rng.choice(ACCENTS)
    canvas = Canvas(*A4, family=rng.choice(("helv", "helv", "tiro")))
    size = 8.5
    issue, period = _bill_dates(rng, (28, 33) if gb else (58, 63))
    fuels = [_uk_electricity(rng, country, period, dstyle, style)]
    if gb and rng.random() < 0.55:
        fuels.append(_uk_gas(rng, period, dstyle))
    vat_rate = Decimal(5) if gb else Decimal(9)
    per_fuel_vat = len(fuels) > 1 and rng.random() < 0.35
    fuel_vat = [money(fuel.total * vat_rate / 100) for fuel in fuels]
    subtotal = sum((fuel.total for fuel in fuels), Decimal(0))
    vat = sum(fuel_vat, Decimal(0)) if per_fuel_vat else money(subtotal * vat_rate / 100)
    total = subtotal + vat

    account_no = rng.choice(
        (
            names.digits(rng, 10),
            f"{names.digits(rng, 4)} {names.digits(rng, 4)} {names.digits(rng, 4)}",
            f"A-{names.digits(rng, 8)}",
        )
    )
    number = None
    if rng.random() < 0.65:
        number = rng.choice(
            (names.digits(rng, 9), f"{names.digits(rng, 12)}", f"BN{names.digits(rng, 8)}")
        )
    method: AccountMode = choose(rng, [(6, "dd"), (3, "paid"), (1.2, "arrears")])
    payments = 1 if gb else 2
    dd_amount = money(total / payments * Decimal(str(rng.uniform(0.85, 1.2))))
    dd_amount = Decimal(dd_amount.to_integral_value())
    credits: tuple[tuple[str, Decimal], ...] = ()
    # The Warm Home Discount is paid in winter; Ireland's electricity credits ran 2022-2024.
    season = issue.month in (10, 11, 12, 1, 2, 3) if gb else issue.year <= 2024
    if season and rng.random() < 0.35:
        credits = (
            (("Warm Home Discount", Decimal(150)),)
            if gb
            else (("Government Electricity Credit", Decimal(150)),)
        )
    account = _account(
        rng,
        total,
        period,
        mode=method,
        dd_amount=dd_amount,
        credits=credits,
        payments=payments,
    )
    balance = account.balance
    due = issue + dt.timedelta(days=rng.choice((14, 21, 28)))
    pays_by_dd = method == "dd"
    due_printed = not pays_by_dd and balance > 0
    credit_mode = rng.choice(("words", "cr", "minus"))

    # Page 1: header.
    name_size = 17.0
    while canvas.width_of(vendor, size=name_size, bold=True) > 280:
        name_size -= 1
    canvas.text(40, 56, vendor, size=name_size, bold=True, color=accent)
    title = "Your energy bill" if len(fuels) > 1 else "Your electricity bill"
    canvas.text(40, 74, title, size=12, color=accent)
    facts = [
        ("Bill date" if rng.random() < 0.7 else "Date of bill", _d(dstyle, issue)),
        ("Account number", account_no),
    ]
    if number:
        facts.append((rng.choice(("Bill number", "Invoice number", "Bill no.")), number))
    facts.append(("Billing period", f"{_d(dstyle, period.start)} - {_d(dstyle, period.end)}"))
    if not gb:
        mprn = f"10{names.digits(rng, 9)}"
        facts.append(("MPRN", mprn))
    y = _rows(canvas, 340, 555, 48, facts, size=size, step=12)
    canvas.text(340, y, "Page 1 of 2", size=size - 1.5, color=GREY)

    customer = _person(rng, country)
    for offset, row in enumerate([customer, *_address(rng, country)]):
        canvas.text(56, 118 + offset * 11, row, size=size + 0.5)

    # Account summary box.
    top = 200
    canvas.box(40, top, 320, top + 18, stroke=None, fill=accent)
    canvas.text(48, top + 12.5, "Your account summary", size=size + 1, bold=True, color=(1, 1, 1))
    labels = rng.choice(
        (
            (
                "Balance from your last bill",
                "Payment received - thank you",
                "Your charges this period (inc VAT)",
                "Your new balance",
            ),
            (
                "Previous balance",
                "Payments received, thank you",
                "Total charges for this period",
                "Balance",
            ),
            (
                "Opening balance",
                "Payment received - thank you",
                "New charges including VAT",
                "Closing balance",
            ),
        )
    )
    rows = [(labels[0], _signed(style, account.previous, credit_mode))]
    for day, amount in account.payments:
        rows.append((f"{labels[1]} ({_short(country, day)})", _credit(style, amount, "minus")))
    if not account.payments:
        rows.append(("Payments received", style.amount(Decimal(0))))
    if rng.random() < 0.4:
        rows.append(
            ("Balance brought forward", _signed(style, account.brought_forward, credit_mode))
        )
    rows.append((labels[2], style.amount(total)))
    for text, amount in credits:
        rows.append((text, _credit(style, amount, "minus")))
    rows.append((labels[3], _signed(style, balance, credit_mode)))
    y = _rows(
        canvas,
        48,
        312,
        top + 34,
        rows,
        size=size,
        step=14,
        bold=(labels[3],),
        rule_before=(labels[3],),
    )
    canvas.box(40, top, 320, y - 4, width=0.6, stroke=accent)

    # Callout: what to pay, or the Direct Debit.
    cx = 336
    canvas.box(cx, top, 555, top + 112, stroke=None, fill=LIGHT)
    if pays_by_dd:
        nxt = dt.date(
            issue.year + (issue.month == 12), issue.month % 12 + 1, rng.choice((1, 5, 15, 28))
        )
        canvas.text(cx + 10, top + 18, "Your Direct Debit", size=size + 1, bold=True)
        canvas.text(
            cx + 10,
            top + 40,
            f"{style.amount(dd_amount)} a month",
            size=15,
            bold=True,
            color=accent,
        )
        canvas.text(cx + 10, top + 58, f"Next payment: {_d(dstyle, nxt)}", size=size)
        if balance < 0:
            canvas.text(cx + 10, top + 76, f"You're {style.amount(-balance)} in credit.", size=size)
            canvas.text(cx + 10, top + 88, "There's nothing to pay.", size=size)
        else:
            canvas.text(cx + 10, top + 76, "Your balance will be collected through your", size=size)
            canvas.text(
                cx + 10, top + 88, "Direct Debit. You don't need to do anything.", size=size
            )
    elif balance > 0:
        canvas.text(
            cx + 10,
            top + 18,
            rng.choice(("Amount to pay", "Total due", "Please pay")),
            size=size + 1,
            bold=True,
        )
        canvas.text(cx + 10, top + 42, style.amount(balance), size=18, bold=True, color=accent)
        canvas.text(cx + 10, top + 62, f"Please pay by {_d(dstyle, due)}", size=size + 1, bold=True)
        canvas.text(cx + 10, top + 80, "Pay online, by phone or at any bank or", size=size - 0.5)
        canvas.text(cx + 10, top + 91, "Post Office using the slip below.", size=size - 0.5)
    else:
        canvas.text(cx + 10, top + 18, "Nothing to pay", size=size + 2, bold=True)
        canvas.text(
            cx + 10,
            top + 40,
            f"You're {style.amount(-balance)} in credit",
            size=12,
            bold=True,
            color=accent,
        )
        canvas.text(cx + 10, top + 58, "We'll carry this over to your next bill.", size=size)

    # Tariff box.
    y = max(y, top + 112) + 22
    canvas.text(40, y, "About your tariff", size=size + 1.5, bold=True, color=accent)
    y += 16
    tariff = rng.choice(
        (
            "Standard Variable",
            "Fixed Saver 12M v4",
            "Green Fix 24M",
            "Flexible Online",
            "Home Plus Dual",
        )
    )
    annual_kwh = rng.randint(1800, 4200)
    annual_cost = money(Decimal(rng.uniform(700, 2400)))
    info = [
        ("Tariff name", tariff),
        ("Tariff ends", rng.choice(("No end date", _d(dstyle, issue + dt.timedelta(days=300))))),
        ("Payment method", "Direct Debit" if pays_by_dd else "Pay on receipt of bill"),
        ("Estimated annual consumption", f"{annual_kwh:,} kWh"),
        ("Estimated annual cost", style.amount(annual_cost)),
    ]
    if gb:
        info.append(("Tariff Comparison Rate", f"{Decimal(rng.randint(2400, 3300)) / 100}p/kWh"))
        info.append(("Exit fees", rng.choice(("None", f"£{rng.choice((25, 50, 75))} per fuel"))))
    else:
        info.append(("Your next bill", f"on or around {_d(dstyle, issue + dt.timedelta(days=61))}"))
    y = _rows(canvas, 40, 320, y, info, size=size, step=12.5)
    canvas.text(340, y - len(info) * 12.5, "Could you pay less?", size=size + 0.5, bold=True)
    advice = [
        "Based on your usage over the last 12 months,",
        "you could save by switching to another tariff.",
        "Compare tariffs at our website or call us.",
    ]
    for offset, text in enumerate(advice):
        canvas.text(340, y - len(info) * 12.5 + 14 + offset * 11, text, size=size - 0.5)
    if not gb:
        canvas.text(
            340,
            y - len(info) * 12.5 + 54,
            "Emergencies: ESB Networks 1800 372 999",
            size=size - 0.5,
            color=GREY,
        )

    # Bank giro credit / payment slip.
    reg = (
        f"{vendor}. Registered in England and Wales No. {names.digits(rng, 8)}. "
        f"VAT No. {names.vat_id(rng, 'GB')}."
        if gb
        else f"{vendor}. Registered in Ireland No. {names.digits(rng, 6)}. "
        f"VAT No. IE{names.digits(rng, 7)}{rng.choice('ABCDEFGHW')}."
    )
    info_top = max(y + 24, 520)
    canvas.text(40, info_top, "Important information", size=size + 0.5, bold=True, color=accent)
    important = (
        [
            "Struggling to pay? Call us as soon as you can: we can agree a payment plan with you.",
            "If you or someone you live with needs extra support, join our Priority Services "
            "Register.",
            "Not happy with our service? If we can't put it right within 8 weeks, you can contact "
            "the Energy Ombudsman.",
        ]
        if gb
        else [
            "Having difficulty paying? Contact us and we will agree an arrangement with you.",
            "Register as a vulnerable or medically dependent customer by calling us.",
            "If you are not satisfied with how we handled a complaint, contact the Commission "
            "for Regulation of Utilities (CRU).",
        ]
    )
    for offset, text in enumerate(important):
        canvas.text(40, info_top + 14 + offset * 11, text, size=size - 1)
    slip_top = 640
    if not pays_by_dd:
        _dashed(canvas, slip_top, 30, 565)
        canvas.text(
            40, slip_top + 18, "bank giro credit" if gb else "Payment slip", size=12, bold=True
        )
        canvas.text(40, slip_top + 32, vendor, size=size)
        sort = f"{rng.randint(10, 99)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}"
        bank = (
            [("Sort code", sort), ("Account", names.digits(rng, 8))]
            if gb
            else [("IBAN", names.iban(rng, "GB").replace("GB", "IE", 1)), ("BIC", "BOFIIE2D")]
        )
        bank.append(("Reference", f"{account_no.replace(' ', '')}{rng.randint(10, 99)}"))
        _rows(canvas, 40, 270, slip_top + 50, bank, size=size - 0.5, step=12)
        slip = [
            ("Account number", account_no),
            ("Amount due", style.amount(max(balance, Decimal(0)))),
        ]
        if due_printed:
            slip.append(("Pay by", _d(dstyle, due)))
        slip.append(("Amount paid", f"{style.symbol} ____________"))
        _rows(canvas, 330, 555, slip_top + 18, slip, size=size, step=14, bold=("Amount due",))
        canvas.text(330, slip_top + 90, "Cashier's stamp and initials", size=size - 1.5, color=GREY)
        canvas.box(330, slip_top + 94, 555, slip_top + 140, width=0.4, stroke=GREY)
    else:
        canvas.text(
            40,
            slip_top + 10,
            "Thinking of moving home? Tell us at least 48 hours before.",
            size=size,
            color=GREY,
        )
    _footer(canvas, [reg, "Calls may be recorded for training and quality purposes."])

    # Page 2: the charges in detail.
    canvas.new_page()
    canvas.text(40, 44, vendor, size=10, bold=True, color=accent)
    head = f"Account number {account_no}   Bill date {_d(dstyle, issue)}"
    if number:
        head += f"   {facts[2][0]} {number}"
    canvas.text(40, 58, head, size=size - 1, color=GREY)
    canvas.text(555, 44, "Page 2 of 2", size=size - 1, color=GREY, align="right")
    canvas.text(40, 84, "Your charges in detail", size=13, bold=True)
    y = 104
    fuel_rows: list[tuple[str, str]] = []
    for fuel, fvat in zip(fuels, fuel_vat, strict=True):
        band = f"{fuel.name}  {_d(dstyle, period.start)} to {_d(dstyle, period.end)}"
        canvas.box(40, y - 11, 555, y + 4, stroke=None, fill=LIGHT)
        canvas.text(46, y, band, size=size + 1, bold=True, color=accent)
        y += 18
        if fuel.name == "Electricity" and gb:
            # The MPAN's S box: profile class, meter time-switch code, line loss factor over the
            # distributor, the unique number and the check digits.
            top_row = [
                "S",
                f"0{rng.randint(1, 4)}",
                str(rng.randint(800, 850)),
                str(rng.randint(100, 999)),
            ]
            core = [
                str(rng.randint(10, 23)),
                names.digits(rng, 4),
                names.digits(rng, 4),
                names.digits(rng, 3),
            ]
            canvas.text(46, y + 4, "Supply number (MPAN)", size=size - 1, bold=True)
            canvas.box(150, y - 6, 300, y + 16, width=0.6)
            canvas.text(156, y + 3, "   ".join(top_row), size=size - 1)
            canvas.text(170, y + 13, "   ".join(core), size=size - 1)
            y += 26
        elif fuel.name == "Electricity":
            canvas.text(46, y, f"MPRN {facts[-1][1]}   DG1 Urban   MCC01", size=size - 0.5)
            y += 12
        else:
            canvas.text(
                46,
                y,
                f"Meter point reference (MPRN) {names.digits(rng, rng.randint(7, 10))}",
                size=size - 0.5,
            )
            y += 12
        columns = [
            Column("Meter serial", 46),
            Column("Register", 140),
            Column(f"Previous read {_short(country, period.start)}", 330, "right"),
            Column(f"Latest read {_short(country, period.end)}", 450, "right"),
            Column("Units", 550, "right"),
        ]
        y = draw_table(
            canvas,
            y + 2,
            columns,
            fuel.reads,
            left=40,
            right=555,
            size=size - 1,
            rules="header",
            row_height=12,
        )
        for note in fuel.notes:
            canvas.text(46, y + 6, note, size=size - 2, color=GREY)
            y += 10
        y += 10
        for label, detail, amount in fuel.charges:
            canvas.text(46, y, label, size=size)
            canvas.text(250, y, detail, size=size)
            canvas.text(550, y, _signed(style, amount, "minus"), size=size, align="right")
            y += 12.5
        canvas.line(300, y - 8, 555, y - 8, width=0.4)
        canvas.text(
            46, y + 2, f"Total {fuel.name.lower()} charges (excl VAT)", size=size, bold=True
        )
        canvas.text(550, y + 2, style.amount(fuel.total), size=size, bold=True, align="right")
        y += 14
        if per_fuel_vat:
            canvas.text(46, y + 2, f"VAT at {vat_rate}% on {style.amount(fuel.total)}", size=size)
            canvas.text(550, y + 2, style.amount(fvat), size=size, align="right")
            y += 13
            canvas.text(
                46, y + 2, f"Total {fuel.name.lower()} charges (incl VAT)", size=size, bold=True
            )
            canvas.text(
                550, y + 2, style.amount(fuel.total + fvat), size=size, bold=True, align="right"
            )
            y += 13
        fuel_rows.append((fuel.name, style.amount(fuel.total + (fvat if per_fuel_vat else 0))))
        y += 18

    canvas.text(300, y, "Summary of charges", size=size + 1.5, bold=True)
    y += 16
    if per_fuel_vat:
        summary = [(f"{name} (incl VAT)", value) for name, value in fuel_rows]
        total_label = "Total charges for this period"
        summary.append((total_label, style.amount(total)))
        subtotal_printed = tax_printed = False
    else:
        total_label = rng.choice(
            (
                "Total charges for this period",
                "Total charges including VAT",
                "Total charges this bill",
            )
        )
        summary = (
            [
                (f"{name} charges", style.number(fuel.total))
                for name, fuel in zip([f.name for f in fuels], fuels, strict=True)
            ]
            if len(fuels) > 1
            else []
        )
        summary += [
            ("Total charges before VAT", style.amount(subtotal)),
            (f"VAT @ {vat_rate}%", style.amount(vat)),
            (total_label, style.amount(total)),
        ]
        subtotal_printed = tax_printed = True
    y = _rows(
        canvas,
        300,
        550,
        y,
        summary,
        size=size,
        step=13,
        bold=(total_label,),
        rule_before=(total_label,),
    )

    y += 16
    if y < 680:
        canvas.text(40, y, "Your electricity use (kWh)", size=size + 0.5, bold=True)
        months = _past_months(period.end, 12)
        usage = [rng.randint(140, 520) for _ in months]
        _history(canvas, 40, y + 10, 300, 70, usage, months, (0.7, 0.78, 0.88))
        tips = [
            "Your next bill is due around",
            f"{_d(dstyle, issue + dt.timedelta(days=period.days))}. Send us a meter reading",
            "a few days before to avoid an estimated bill.",
        ]
        for offset, text in enumerate(tips):
            canvas.text(360, y + 20 + offset * 11, text, size=size - 1)
    _footer(canvas, [reg])

    fields = truth_fields(
        number=number or "",
        issue=issue,
        due=due if due_printed else None,
        vendor=vendor,
        total=total,
        subtotal=subtotal if subtotal_printed else None,
        tax=vat if tax_printed else None,
        currency=CURRENCY[country],
    )
    if not number:
        fields.pop("invoice_number")
    return Rendered(
        fields,
        "en",
        "invoice",
        canvas.pdf(title=f"Bill {account_no}"),
        style,
        dstyle,
        QuantityStyle(),
        (style.symbol,),
    )


# ----------------------------------------------------------------------------- telecom

TELECOM_WORDS = [
    "Skyline",
    "Clearwave",
    "Fibrenet",
    "Orbit",
    "Signal",
    "Lightspeed",
    "Airlink",
    "Bluebird",
    "Cobalt",
    "Zest",
]
GB_MOBILE_PLANS = [
    ("Unlimited Data SIM Only", 18, 35),
    ("30GB Airtime Plan", 14, 26),
    ("Unlimited Max Airtime", 30, 48),
    ("Essentials 10GB", 8, 14),
]
GB_HOME_PLANS = [
    ("Full Fibre 150", 27, 38),
    ("Full Fibre 500", 35, 52),
    ("Superfast Fibre 2", 29, 41),
    ("Fibre Broadband 36Mb", 22, 31),
]
US_PLANS = [
    ("Unlimited Plus", 45, 80),
    ("Unlimited Welcome", 35, 65),
    ("Connect 5G", 40, 70),
    ("Internet 500 Mbps", 55, 80),
]


def _telecom_vendor(rng: random.Random, country: Country) -> str:
    word = rng.choice(TELECOM_WORDS)
    if country == "US":
        return rng.choice(
            ("{w} Wireless, Inc.", "{w} Communications LLC", "{w} Cable & Internet, Inc.")
        ).format(w=word)
    forms: tuple[str, ...] = (
        "{w} Telecom Ltd",
        "{w} Mobile Ltd",
        "{w} Broadband Limited",
        "{w} Communications plc",
    )
    if country == "IE":
        forms = ("{w} Telecom Ireland DAC", "{w} Mobile Ltd", "{w} Broadband Ireland Limited")
    return rng.choice(forms).format(w=word)


def _mobile_number(rng: random.Random, country: Country) -> str:
    if country == "GB":
        return f"07{rng.randint(400, 999)} {names.digits(rng, 6)}"
    if country == "IE":
        return f"08{rng.choice('35679')} {names.digits(rng, 3)} {names.digits(rng, 4)}"
    return f"({rng.randint(201, 989)}) {names.digits(rng, 3)}-{names.digits(rng, 4)}"


def _telecom(rng: random.Random) -> Rendered:
    country: Country = choose(rng, [(3, "GB"), (1.3, "IE"), (2, "US")])
    us = country == "US"
    style = MONEY[country]
    dstyle = DateStyle(rng.choice(DATE_STYLES[country]))
    vendor = _telecom_vendor(rng, country)
    accent = rng.choice(ACCENTS)
    width, height = LETTER if us else A4
    right = width - 40
    canvas = Canvas(width, height, family=rng.choice(("helv", "helv", "tiro")))
    size = 8.5
    issue, usage_period = _bill_dates(rng, (28, 31))
    advance = Period(
        usage_period.end + dt.timedelta(days=1),
        usage_period.end + dt.timedelta(days=usage_period.days),
    )
    mobile = rng.random() < 0.6
    vat_rate = {"GB": Decimal(20), "IE": Decimal(23), "US": Decimal(0)}[country]

    def p(low: float, high: float) -> Decimal:
        return Decimal(rng.randint(int(low * 100), int(high * 100))) / 100

    def retail(low: float, high: float) -> Decimal:
        # Consumer prices end in .99, .50 or .00 more often than not.
        base = Decimal(rng.randint(int(low), int(high)))
        return base + Decimal(rng.choice(("0.99", "0.50", "0.00", "0.49", "0.75")))

    # Sections of charges: (heading, [(description, amount, vatable)]).
    sections: list[tuple[str, list[tuple[str, Decimal, bool]]]] = []
    monthly: list[tuple[str, Decimal, bool]] = []
    number_line = _mobile_number(rng, country)
    if us:
        plan, low, high = rng.choice(US_PLANS)
        lines = rng.randint(1, 4)
        monthly.append(
            (
                f"{plan} - {lines} line{'s' if lines > 1 else ''}",
                retail(low * lines, high * lines),
                True,
            )
        )
        if rng.random() < 0.6:
            model = rng.choice(("iPhone 15 128GB", "Galaxy S24", "Pixel 8", "Moto g 5G"))
            nth = rng.randint(2, 35)
            monthly.append((f"Device payment - {model} (agreement {nth} of 36)", p(11, 42), False))
        if rng.random() < 0.5:
            monthly.append(("Device protection", retail(7, 17), True))
        if rng.random() < 0.6:
            monthly.append(
                ("AutoPay & paper-free billing discount", -Decimal(rng.choice((5, 10))), True)
            )
        sections.append(
            (
                f"Plan & services {_short(country, advance.start)} - "
                f"{_short(country, advance.end)}",
                monthly,
            )
        )
        surcharges = [
            ("Regulatory charge", p(0.5, 2.5), True),
            ("Administrative & telco recovery charge", p(2.5, 4.5), True),
        ]
        sections.append(("Surcharges", surcharges))
        taxes = [
            ("Federal Universal Service Fund", p(1.2, 4.8), True),
            ("State & local sales tax", p(1.5, 6.5), True),
            ("911 / E911 fee", p(0.75, 2.0), True),
        ]
        if rng.random() < 0.5:
            taxes.append(("County communications tax", p(0.4, 2.2), True))
        sections.append(("Taxes, governmental surcharges & fees", taxes))
        if rng.random() < 0.35:
            sections.append(("One-time charges", [("Upgrade fee", Decimal(35), True)]))
    else:
        if mobile:
            plan, low, high = rng.choice(GB_MOBILE_PLANS)
            monthly.append((plan, retail(low, high), True))
            if rng.random() < 0.5:
                model = rng.choice(("iPhone 15 128GB", "Samsung Galaxy A55", "Google Pixel 8a"))
                nth = rng.randint(2, 35)
                monthly.append((f"Device Plan - {model} (payment {nth} of 36)", p(14, 46), False))
            if rng.random() < 0.4:
                monthly.append(("Entertainment add-on", retail(5, 10), True))
        else:
            plan, low, high = rng.choice(GB_HOME_PLANS)
            monthly.append((f"Broadband: {plan}", retail(low, high), True))
            if rng.random() < 0.5:
                monthly.append(("Anytime Calls", retail(8, 12), True))
            if rng.random() < 0.4:
                monthly.append(("TV Essentials", retail(9, 19), True))
        if rng.random() < 0.4:
            monthly.append(("Loyalty discount", -Decimal(rng.choice((3, 5, 7))), True))
        sections.append(
            (
                f"Monthly charges {_short(country, advance.start)} - "
                f"{_short(country, advance.end)}",
                monthly,
            )
        )
        usage: list[tuple[str, Decimal, bool]] = []
        if mobile:
            if rng.random() < 0.7:
                calls = rng.randint(1, 9)
                usage.append(
                    (
                        f"Calls to 084/087 numbers ({calls} calls, "
                        f"{rng.randint(2, 59)}m {rng.randint(0, 59)}s)",
                        p(0.4, 6.0),
                        True,
                    )
                )
            if rng.random() < 0.4:
                daysroam = rng.randint(1, 7)
                daily = Decimal("2.42") if country == "GB" else Decimal("2.99")
                usage.append(
                    (
                        f"Roaming pass - {daysroam} days @ {style.amount(daily)}",
                        money(daysroam * daily),
                        True,
                    )
                )
            if rng.random() < 0.3:
                usage.append(("Texts to premium short codes", p(1.0, 9.0), True))
        else:
            if rng.random() < 0.6:
                usage.append((f"Calls to mobiles ({rng.randint(3, 40)} calls)", p(0.8, 12.0), True))
            if rng.random() < 0.4:
                usage.append(("Calls to international numbers", p(1.0, 15.0), True))
        if usage:
            sections.append(
                (
                    f"Usage charges {_short(country, usage_period.start)} - "
                    f"{_short(country, usage_period.end)}",
                    usage,
                )
            )
        oneoff: list[tuple[str, Decimal, bool]] = []
        if rng.random() < 0.3:
            oneoff.append(
                rng.choice(
                    (
                        ("Engineer visit - no fault found", Decimal(75), True),
                        ("Router delivery", Decimal("7.99"), True),
                        ("Replacement SIM", Decimal(0), True),
                        ("Late payment fee", Decimal(10), True),
                    )
                )
            )
        if rng.random() < 0.25:
            oneoff.append(
                ("Paper bill charge", Decimal("1.50") if country == "GB" else Decimal(2), True)
            )
        if oneoff:
            sections.append(("One-off charges", oneoff))

    items = [item for _, rows in sections for item in rows]
    total = sum((amount for _, amount, _ in items), Decimal(0))
    vatable = sum((amount for _, amount, flag in items if flag), Decimal(0))
    outside = total - vatable
    vat = money(vatable * vat_rate / (100 + vat_rate)) if not us else Decimal(0)
    net = vatable - vat

    account_no = rng.choice(
        (
            names.digits(rng, 10),
            f"{names.digits(rng, 9)}-00001",
            f"{rng.choice('ABCDFGH')}{names.digits(rng, 8)}",
        )
    )
    number = None
    if rng.random() < (0.6 if us else 0.8):
        number = rng.choice(
            (
                names.digits(rng, 10),
                f"{rng.choice(('VB', 'M', 'IN'))}{names.digits(rng, 8)}",
                f"{names.digits(rng, 4)}-{names.digits(rng, 6)}",
            )
        )
    method: AccountMode = choose(rng, [(5, "paid"), (1.5, "arrears")])
    autopay = rng.random() < (0.6 if us else 0.65)
    account = _account(rng, total, usage_period, mode="paid" if autopay else method)
    balance = account.balance
    due = issue + dt.timedelta(days=rng.choice((14, 21, 25)))
    collect = (
        due - dt.timedelta(days=rng.randint(0, 4))
        if us
        else issue + dt.timedelta(days=rng.randint(10, 16))
    )
    due_printed = us or not autopay

    # Header.
    name_size = 16.0
    while canvas.width_of(vendor, size=name_size, bold=True) > 260:
        name_size -= 1
    canvas.box(0, 0, width, 84, stroke=None, fill=accent)
    canvas.text(40, 40, vendor, size=name_size, bold=True, color=(1, 1, 1))
    canvas.text(
        40,
        58,
        rng.choice(("Your bill", "Your monthly bill", "Your statement"))
        if not us
        else "Your wireless statement"
        if mobile
        else "Your monthly statement",
        size=11,
        color=(1, 1, 1),
    )
    facts = [
        (
            rng.choice(
                ("Bill date", "Date of bill", "Statement date")
                if us
                else ("Bill date", "Invoice date", "Date of bill")
            ),
            _d(dstyle, issue),
        ),
        ("Account number", account_no),
    ]
    if number:
        facts.append((rng.choice(("Invoice number", "Bill number", "Bill reference")), number))
    facts.append(
        (
            "Mobile number" if mobile else "Phone number",
            number_line
            if mobile
            else (
                f"01{rng.randint(100, 999)} {names.digits(rng, 6)}"
                if country == "GB"
                else f"0{rng.randint(21, 98)} {names.digits(rng, 7)}"
                if country == "IE"
                else _mobile_number(rng, "US")
            ),
        )
    )
    for offset, (label, value) in enumerate(facts):
        canvas.text(width - 250, 26 + offset * 12, label, size=size - 0.5, color=(1, 1, 1))
        canvas.text(
            right,
            26 + offset * 12,
            value,
            size=size - 0.5,
            color=(1, 1, 1),
            align="right",
            bold=True,
        )
    customer = _person(rng, country)
    for offset, row in enumerate([customer, *_address(rng, country)]):
        canvas.text(50, 110 + offset * 11, row, size=size + 0.5)

    # Bill at a glance.
    top = 178
    canvas.text(
        40,
        top,
        "Your bill at a glance" if not us else "Bill summary",
        size=12,
        bold=True,
        color=accent,
    )
    labels = (
        (
            "Previous balance",
            "Payment - thank you",
            "Balance forward",
            "New charges",
            "Total amount due",
        )
        if us
        else rng.choice(
            (
                (
                    "Your last bill",
                    "Payment received - thank you",
                    "Balance brought forward",
                    "This month's charges",
                    "Total to pay",
                ),
                (
                    "Previous bill",
                    "Payments received, thank you",
                    "Balance carried forward",
                    "New charges",
                    "Amount due",
                ),
            )
        )
    )
    rows = [(labels[0], style.amount(account.previous))]
    for day, amount in account.payments:
        rows.append((f"{labels[1]} {_short(country, day)}", _credit(style, amount, "minus")))
    rows.append((labels[2], style.amount(account.brought_forward)))
    rows.append((labels[3], style.amount(total)))
    rows.append((labels[4], style.amount(balance)))
    y = _rows(
        canvas,
        40,
        300,
        top + 20,
        rows,
        size=size + 0.5,
        step=15,
        bold=(labels[4],),
        rule_before=(labels[4],),
    )
    box_x = 330
    canvas.box(box_x, top - 12, right, top + 88, stroke=None, fill=LIGHT)
    canvas.text(box_x + 12, top + 6, labels[4], size=size + 1, bold=True)
    canvas.text(box_x + 12, top + 32, style.amount(balance), size=20, bold=True, color=accent)
    if us:
        canvas.text(box_x + 12, top + 50, f"Due by {_d(dstyle, due)}", size=size + 1, bold=True)
        if autopay:
            canvas.text(
                box_x + 12, top + 64, f"AutoPay is scheduled for {_d(dstyle, collect)}.", size=size
            )
            canvas.text(box_x + 12, top + 76, "Please do not send a payment.", size=size)
        elif account.brought_forward > 0:
            canvas.text(
                box_x + 12,
                top + 64,
                f"Includes a past due balance of {style.amount(account.brought_forward)}",
                size=size,
            )
    elif autopay:
        canvas.text(box_x + 12, top + 50, "We'll collect this by Direct Debit", size=size)
        canvas.text(box_x + 12, top + 62, f"on or after {_d(dstyle, collect)}.", size=size)
    else:
        canvas.text(
            box_x + 12, top + 50, f"Please pay by {_d(dstyle, due)}", size=size + 1, bold=True
        )
        if account.brought_forward > 0:
            canvas.text(
                box_x + 12, top + 64, "Your last bill has not been paid in full.", size=size
            )

    # Charges.
    y = max(y, top + 100) + 10
    canvas.text(
        40,
        y,
        "Your charges in detail" if not us else "Charges by category",
        size=11,
        bold=True,
        color=accent,
    )
    y += 16
    negative = "minus" if us else rng.choice(("minus", "cr", "crlow"))
    for heading, rows_ in sections:
        canvas.box(40, y - 10, right, y + 4, stroke=None, fill=LIGHT)
        canvas.text(46, y, heading, size=size, bold=True)
        y += 14
        for description, amount, vatable_ in rows_:
            label = description if vatable_ or us else f"{description} (no VAT)"
            canvas.text(52, y, label, size=size)
            shown = _credit(style, -amount, negative) if amount < 0 else style.amount(amount)
            canvas.text(right - 6, y, shown, size=size, align="right")
            y += 12
        subtotal_ = sum((amount for _, amount, _ in rows_), Decimal(0))
        if len(rows_) > 1 and us:
            canvas.text(
                52,
                y,
                f"Total {heading.split(' 0')[0].split(' 1')[0].lower()}",
                size=size,
                color=GREY,
            )
            canvas.text(right - 6, y, style.amount(subtotal_), size=size, color=GREY, align="right")
            y += 12
        y += 6
    total_label = rng.choice(("Total new charges", "Total charges this month"))
    if not us:
        total_label += rng.choice((" (inc VAT)", " including VAT", ""))
    canvas.line(300, y - 8, right, y - 8, width=0.6)
    canvas.text(300, y + 4, total_label, size=size + 0.5, bold=True)
    canvas.text(right - 6, y + 4, style.amount(total), size=size + 0.5, bold=True, align="right")
    y += 26

    subtotal_printed = tax_printed = False
    if not us:
        canvas.text(40, y, "VAT summary", size=size + 1, bold=True)
        vat_rows = [
            ("Charges excluding VAT", style.amount(net)),
            (f"VAT at {vat_rate}%", style.amount(vat)),
        ]
        if outside:
            vat_rows.append(("Device Plan (outside the scope of VAT)", style.amount(outside)))
        vat_rows.append(("Total including VAT", style.amount(total)))
        y = _rows(canvas, 40, 300, y + 15, vat_rows, size=size, step=12)
        subtotal_printed = outside == 0
        tax_printed = True
        usage_x, usage_y = 330, y - len(vat_rows) * 12 - 15
    else:
        usage_x, usage_y = 330, y - 4
        y += 6
    if mobile:
        allowance = rng.choice((10, 30, 50, 100))
        used = Decimal(rng.randint(5, allowance * 10)) / 10
        canvas.text(usage_x, usage_y, "Your usage this period", size=size + 1, bold=True)
        canvas.text(usage_x, usage_y + 15, f"Data: {used}GB of {allowance}GB", size=size)
        canvas.text(
            usage_x, usage_y + 27, f"Minutes: {rng.randint(40, 900)} of Unlimited", size=size
        )
        canvas.text(usage_x, usage_y + 39, f"Texts: {rng.randint(5, 400)} of Unlimited", size=size)
    else:
        canvas.text(usage_x, usage_y, "Your package", size=size + 1, bold=True)
        canvas.text(
            usage_x, usage_y + 15, f"Average download speed {rng.randint(60, 480)} Mbps", size=size
        )
        canvas.text(
            usage_x,
            usage_y + 27,
            f"Contract ends {_d(dstyle, issue + dt.timedelta(days=rng.randint(60, 600)))}",
            size=size,
        )
    y = max(y, usage_y + 50) + 10
    notes = [
        "Monthly charges are billed in advance and usage charges in arrears.",
        f"Your prices will change on 1 April by {rng.choice(('£3.00', '8.8%', '£1.50', '14.4%'))} "
        "a month, as set out in your contract."
        if country == "GB"
        else "Prices include VAT at 23% unless stated otherwise."
        if country == "IE"
        else "Taxes and surcharges are subject to change. Visit our website for details.",
    ]
    for offset, text in enumerate(notes):
        canvas.text(40, y + offset * 11, text, size=size - 1, color=GREY)
    y += 30
    if us and not autopay and y < height - 130:
        # A remittance stub.
        stub = height - 120
        _dashed(canvas, stub, 30, width - 30)
        canvas.text(
            40,
            stub + 18,
            "Please return this portion with your payment.",
            size=size - 0.5,
            color=GREY,
        )
        canvas.text(40, stub + 32, vendor, size=size, bold=True)
        canvas.text(40, stub + 44, f"PO Box {rng.randint(1000, 99999)}", size=size)
        canvas.text(
            40,
            stub + 56,
            rng.choice(("Dallas, TX 75265", "Carol Stream, IL 60197", "Newark, NJ 07101")),
            size=size,
        )
        stub_rows = [
            ("Account number", account_no),
            ("Due date", _d(dstyle, due)),
            ("Total amount due", style.amount(balance)),
            ("Amount enclosed", "$__________"),
        ]
        _rows(
            canvas,
            width - 260,
            right,
            stub + 18,
            stub_rows,
            size=size,
            step=14,
            bold=("Total amount due",),
        )
    if country == "GB":
        reg = (
            f"{vendor}, registered in England No. {names.digits(rng, 8)}. "
            f"VAT registration number {names.vat_id(rng, 'GB')}."
        )
    elif country == "IE":
        reg = (
            f"{vendor}, registered in Ireland No. {names.digits(rng, 6)}. "
            f"VAT No. IE{names.digits(rng, 7)}{rng.choice('ABCDEFGHW')}."
        )
    else:
        reg = f"{vendor}  Customer service 1-800-{names.digits(rng, 3)}-{names.digits(rng, 4)}"
    _footer(canvas, [reg], bottom=height - 18)

    fields = truth_fields(
        number=number or "",
        issue=issue,
        due=due if due_printed else None,
        vendor=vendor,
        total=total,
        subtotal=net if subtotal_printed else None,
        tax=vat if tax_printed else None,
        currency=CURRENCY[country],
    )
    if not number:
        fields.pop("invoice_number")
    return Rendered(
        fields,
        "en",
        "invoice",
        canvas.pdf(title=f"Bill {account_no}"),
        style,
        dstyle,
        QuantityStyle(),
        (style.symbol,),
    )


# ----------------------------------------------------------------------------- business-comms

# (description, quantity range, unit price range, billed: "advance" | "arrears" | "once")
BIZ_ITEMS = {
    "GB": [
        ("SoGEA Broadband 80/20 - monthly rental", (1, 1), (32, 55), "advance"),
        ("FTTP Business 500/75 - monthly rental", (1, 1), (45, 89), "advance"),
        ("Static IP address (block of 1)", (1, 1), (5, 5), "advance"),
        ("Hosted telephony user licence", (2, 20), (8.5, 14), "advance"),
        ("Business mobile - 30GB tariff", (2, 10), (12, 22), "advance"),
        ("Microsoft 365 Business Basic", (2, 25), (4.9, 4.9), "advance"),
        ("Managed router and firewall", (1, 1), (12, 18), "advance"),
        ("Call recording add-on", (2, 12), (2.5, 4), "advance"),
        ("0333 number rental", (1, 3), (3, 5), "advance"),
        ("Call charges (see itemised calls)", (1, 1), (3.1, 98.8), "arrears"),
        ("Mobile usage outside bundle", (1, 1), (1.2, 36.5), "arrears"),
        ("Installation - new connection", (1, 1), (99, 149), "once"),
    ],
    "AU": [
        ("NBN Business 100/40 - monthly", (1, 1), (89, 129), "advance"),
        ("NBN Enterprise Ethernet 200/200", (1, 1), (299, 449), "advance"),
        ("Cloud PBX user", (2, 20), (15, 29), "advance"),
        ("Business mobile 40GB", (2, 10), (35, 55), "advance"),
        ("Static IP address", (1, 1), (10, 10), "advance"),
        ("Microsoft 365 Business Standard", (2, 25), (18.7, 18.7), "advance"),
        ("Inbound 1300 number", (1, 2), (20, 25), "advance"),
        ("Call charges (see call detail)", (1, 1), (4.1, 120.5), "arrears"),
        ("Hardware - Yealink T54W handset", (1, 6), (289, 289), "once"),
    ],
}


def _biz_vendor(rng: random.Random, country: Country) -> str:
    word = rng.choice([*TELECOM_WORDS, "Northpoint", "Keystone", "Evolve"])
    if country == "AU":
        return rng.choice(
            ("{w} Telecom Pty Ltd", "{w} Connect Pty Ltd", "{w} Networks Pty Ltd")
        ).format(w=word)
    return rng.choice(
        ("{w} Business Communications Ltd", "{w} Networks Ltd", "{w} Voice & Data Ltd")
    ).format(w=word)


def _business_comms(rng: random.Random) -> Rendered:
    country: Country = choose(rng, [(3, "GB"), (2, "AU")])
    gb = country == "GB"
    style = MONEY[country]
    if gb:
        dstyle = DateStyle(
            rng.choice(("{dd}/{mm}/{yyyy}", "{d} {mon} {yyyy}", "{dd} {month} {yyyy}"))
        )
    else:
        dstyle = DateStyle(rng.choice(("{dd}/{mm}/{yyyy}", "{d} {mon} {yyyy}")))
    table_dates = DateStyle("{dd}/{mm}/{yy}")
    vendor = _biz_vendor(rng, country)
    accent = rng.choice(ACCENTS)
    canvas = Canvas(*A4, family=rng.choice(("helv", "tiro", "helv")))
    size = 8.5
    issue, arrears = _bill_dates(rng, (28, 31))
    advance = Period(
        arrears.end + dt.timedelta(days=1), arrears.end + dt.timedelta(days=arrears.days)
    )
    rate = Decimal(20) if gb else Decimal(10)

    pool = BIZ_ITEMS[country]
    count = rng.randint(3, min(8, len(pool)))
    picks = rng.sample(pool, count)
    lines: list[Line] = []
    periods: list[str] = []
    for description, (qlow, qhigh), (plow, phigh), billed in picks:
        qty = Decimal(rng.randint(qlow, qhigh))
        unit = Decimal(rng.randint(int(plow * 100), int(phigh * 100))) / 100
        if billed == "advance" and rng.random() < 0.5:
            unit = unit.to_integral_value() + Decimal(rng.choice(("0.00", "0.50", "0.95", "0.99")))
        lines.append(Line(description, qty, unit))
        span = advance if billed == "advance" else arrears
        periods.append(
            ""
            if billed == "once"
            else f"{table_dates.format(span.start)} - {table_dates.format(span.end)}"
        )
    if rng.random() < 0.25:
        outage = rng.randint(1, 5)
        lines.append(
            Line(
                f"Service credit - {outage} day outage",
                Decimal(1),
                -Decimal(rng.randint(500, 3500)) / 100,
            )
        )
        periods.append(table_dates.format(arrears.start + dt.timedelta(days=rng.randint(0, 20))))
    subtotal = sum((line.amount for line in lines), Decimal(0))
    tax = money(subtotal * rate / 100)
    total = subtotal + tax

    number = rng.choice(
        (
            f"INV{names.digits(rng, 7)}",
            f"{rng.randint(100000, 999999)}",
            f"SI-{issue.year}-{names.digits(rng, 5)}",
        )
    )
    account_no = rng.choice(
        (
            f"ACC{names.digits(rng, 6)}",
            names.digits(rng, 8),
            f"{names.digits(rng, 4)}-{names.digits(rng, 4)}",
        )
    )
    customer_ref = (
        f"{rng.choice('ABCDEFGHKLMNPRSTW')}{rng.choice('ABCDEFGHKLMNPRSTW')}{names.digits(rng, 5)}"
    )
    po = f"PO-{names.digits(rng, 5)}" if rng.random() < 0.4 else None
    due = issue + dt.timedelta(days=rng.choice((14, 14, 30)))
    dd = rng.random() < (0.5 if gb else 0.3)
    dd_date = issue + dt.timedelta(days=rng.randint(7, 14))
    due_printed = not dd or rng.random() < 0.4

    # Header: vendor left, INVOICE right.
    name_size = 15.0
    while canvas.width_of(vendor, size=name_size, bold=True) > 300:
        name_size -= 1
    canvas.text(40, 54, vendor, size=name_size, bold=True, color=accent)
    if gb:
        street, town = names.address(rng, "en")
        vendor_lines = [
            f"{street}, {town}",
            f"VAT Reg No. {names.vat_id(rng, 'GB')}",
            f"Tel {names.phone(rng, 'GB')}",
        ]
    else:
        addr = _address(rng, "AU")
        vendor_lines = [
            f"{addr[0].title()}, {addr[1]}",
            f"ABN {_abn(rng)}",
            f"Phone 13 {names.digits(rng, 2)} {names.digits(rng, 2)}",
        ]
    for offset, row in enumerate(vendor_lines):
        canvas.text(40, 68 + offset * 10, row, size=size - 1, color=GREY)
    title = "INVOICE" if gb else "TAX INVOICE"
    if gb and rng.random() < 0.3:
        title = "VAT INVOICE"
    canvas.text(555, 56, title, size=18, bold=True, align="right")

    bill_to = [
        rng.choice(
            (
                names.company(rng, "en"),
                f"{rng.choice(AU_SURNAMES)} & Co Accountants",
                f"{rng.choice(ENERGY_WORDS['AU'])} Dental Pty Ltd",
            )
        )
        if not gb
        else names.company(rng, "en")
    ]
    bill_to.append(
        "Attn: Accounts Payable"
        if rng.random() < 0.5
        else f"Attn: {_person(rng, 'US' if not gb else 'GB')}"
    )
    bill_to += _address(rng, country)
    canvas.text(40, 122, "Invoice to", size=size - 0.5, bold=True, color=accent)
    for offset, row in enumerate(bill_to):
        canvas.text(40, 136 + offset * 11, row, size=size, bold=offset == 0)
    date_label = "Invoice date / tax point" if gb and rng.random() < 0.5 else "Invoice date"
    if not gb:
        date_label = rng.choice(("Invoice date", "Issue date"))
    facts = [
        ("Invoice number", number),
        (date_label, _d(dstyle, issue)),
        ("Account number", account_no),
        ("Customer reference", customer_ref),
    ]
    if po:
        facts.append(("Your PO", po))
    if due_printed:
        facts.append((rng.choice(("Payment due", "Due date")), _d(dstyle, due)))
    _rows(canvas, 330, 555, 122, facts, size=size, step=12.5)

    # The table.
    y = max(136 + len(bill_to) * 11, 122 + len(facts) * 12.5) + 18
    columns = [
        Column("Description", 44),
        Column("Period", 258),
        Column("Qty", 372, "right"),
        Column("Unit price", 430, "right"),
        Column(f"Amount{' (ex VAT)' if gb else ' ex GST'}", 551, "right"),
    ]
    rows = [
        [
            line.description,
            period,
            str(line.quantity),
            style.number(line.unit_price),
            style.number(line.amount),
        ]
        for line, period in zip(lines, periods, strict=True)
    ]
    y = draw_table(
        canvas,
        y,
        columns,
        rows,
        left=40,
        right=555,
        size=size - 0.5,
        rules=rng.choice(("header", "zebra", "grid")),
        row_height=14,
        header_fill=LIGHT,
    )
    y += 10
    labels = (
        ("Total excluding VAT", "VAT @ 20%", "Invoice total")
        if gb and rng.random() < 0.5
        else ("Net total", "VAT at 20%", "Total including VAT")
        if gb
        else ("Total ex GST", "GST", "Total inc GST")
    )
    sums = [
        (labels[0], style.amount(subtotal)),
        (labels[1], style.amount(tax)),
        (labels[2], style.amount(total)),
    ]
    y_totals = _rows(
        canvas,
        360,
        551,
        y + 4,
        sums,
        size=size,
        step=14,
        bold=(labels[2],),
        rule_before=(labels[2],),
    )

    # Account statement.
    method: AccountMode = choose(rng, [(5, "paid"), (2, "arrears")])
    account = _account(rng, total, arrears, mode=method)
    balance = account.balance
    top = y_totals + 14
    canvas.box(40, top, 555, top + 16, stroke=None, fill=LIGHT)
    canvas.text(46, top + 11.5, "Account statement", size=size, bold=True)
    statement = [("Opening balance", style.amount(account.previous))]
    for day, amount in account.payments:
        statement.append(
            (
                f"Payment received {table_dates.format(day)} - thank you",
                _credit(style, amount, "parens"),
            )
        )
    statement.append(("This invoice", style.amount(total)))
    statement.append(("Balance due", style.amount(balance)))
    y = _rows(canvas, 46, 300, top + 30, statement, size=size, step=12.5, bold=("Balance due",))
    if account.brought_forward > 0:
        canvas.text(
            330,
            top + 30,
            "OVERDUE: please pay the overdue",
            size=size,
            bold=True,
            color=(0.7, 0.1, 0.1),
        )
        canvas.text(
            330,
            top + 42,
            f"balance of {style.amount(account.brought_forward)} now.",
            size=size,
            bold=True,
            color=(0.7, 0.1, 0.1),
        )

    # Payment.
    y += 14
    canvas.text(40, y, "How to pay", size=size + 1, bold=True, color=accent)
    y += 14
    pay: list[str] = []
    if dd:
        pay.append(
            f"{style.amount(balance)} will be collected by Direct Debit on or after "
            f"{_d(dstyle, dd_date)}."
        )
    if gb:
        pay.append(
            f"Bank transfer: sort code {rng.randint(10, 99)}-{rng.randint(10, 99)}-"
            f"{rng.randint(10, 99)}, account {names.digits(rng, 8)}, quoting {account_no}."
        )
        pay.append(
            f"Payment terms: {(due - issue).days} days from invoice date. Late payment interest "
            "may be "
            "charged under the Late Payment of Commercial Debts Act."
        )
    else:
        biller = names.digits(rng, rng.choice((4, 5, 6)))
        ref = names.digits(rng, 11)
        canvas.box(420, y - 10, 555, y + 30, width=0.6)
        canvas.text(426, y, "BPAY", size=size + 1, bold=True, color=(0.1, 0.2, 0.5))
        canvas.text(426, y + 12, f"Biller code: {biller}", size=size - 0.5)
        canvas.text(426, y + 23, f"Ref: {ref}", size=size - 0.5)
        pay.append(
            f"EFT: BSB {rng.randint(0, 9)}{names.digits(rng, 2)}-{names.digits(rng, 3)}  "
            f"Account {names.digits(rng, 8)}"
        )
        pay.append("Credit card payments incur a 1.1% surcharge.")
    for offset, text in enumerate(pay):
        canvas.text(40, y + offset * 11, text, size=size - 1)
    reg = (
        f"{vendor}. Registered in England & Wales No. {names.digits(rng, 8)}."
        if gb
        else f"{vendor} ABN {vendor_lines[1][4:]}"
    )
    _footer(canvas, [reg, "Itemised call details are available in the customer portal."])

    fields = truth_fields(
        number=number,
        issue=issue,
        due=due if due_printed else None,
        vendor=vendor,
        total=total,
        subtotal=subtotal,
        tax=tax,
        currency=CURRENCY[country],
        lines=lines,
    )
    return Rendered(
        fields,
        "en",
        "invoice",
        canvas.pdf(title=number),
        style,
        dstyle,
        QuantityStyle(),
        (style.symbol,),
    )


# ----------------------------------------------------------------------------- us-utility

US_PLACES = [
    "Cedar Valley",
    "Pine Ridge",
    "Riverbend",
    "Clearwater",
    "Prairie",
    "Blue Mesa",
    "Kettle Creek",
    "Fox Hollow",
    "Willow Springs",
]
US_TOWNS = ["Fairview", "Springdale", "Millbrook", "Lakewood", "Greenville", "Oak Harbor"]


def _us_utility(rng: random.Random) -> Rendered:
    kind = choose(rng, [(4, "electric"), (3, "water"), (3, "city")])
    style = MONEY["US"]
    dstyle = DateStyle(
        rng.choice(("{mm}/{dd}/{yyyy}", "{mm}/{dd}/{yyyy}", "{mon} {d}, {yyyy}", "{mm}/{dd}/{yy}"))
    )
    place, town = rng.choice(US_PLACES), rng.choice(US_TOWNS)
    vendor = {
        "electric": rng.choice(
            (
                f"{place} Electric Cooperative, Inc.",
                f"{place} Power & Light Company",
                f"{place} Public Utility District",
            )
        ),
        "water": rng.choice((f"{place} Water District", f"{place} Water & Sewer Authority")),
        "city": rng.choice((f"City of {town} Utilities", f"Town of {town} Utility Billing")),
    }[kind]
    accent = rng.choice(ACCENTS)
    canvas = Canvas(*LETTER, family=rng.choice(("helv", "cour", "helv")))
    size = 8.5 if canvas.regular != "cour" else 8
    issue, period = _bill_dates(rng, (28, 33))

    usage_now = 0
    charges: list[tuple[str, str, Decimal]] = []
    taxes: list[tuple[str, Decimal]] = []
    meters: list[list[str]] = []
    electric_total = Decimal(0)
    if kind in ("electric", "city"):
        kwh = rng.randint(300, 1800)
        before = rng.randint(10000, 90000)
        multiplier = 1
        meters.append(
            [
                f"{rng.randint(10, 99)}{names.digits(rng, 6)}",
                "Electric",
                f"{before:,}",
                f"{before + kwh:,}",
                str(multiplier),
                f"{kwh:,} kWh",
            ]
        )
        charges.append(("Customer charge", "", Decimal(rng.randint(900, 3500)) / 100))
        rate = Decimal(rng.randint(9500, 14500)) / 100000
        if kwh > 1000 and rng.random() < 0.5:
            rate2 = rate + Decimal(rng.randint(800, 2500)) / 100000
            charges.append(
                ("Energy charge - first 1,000 kWh", f"1,000 kWh @ ${rate}", money(1000 * rate))
            )
            charges.append(
                (
                    "Energy charge - over 1,000 kWh",
                    f"{kwh - 1000:,} kWh @ ${rate2}",
                    money((kwh - 1000) * rate2),
                )
            )
        else:
            charges.append(("Energy charge", f"{kwh:,} kWh @ ${rate}", money(kwh * rate)))
        pca = Decimal(rng.randint(-1500, 2500)) / 100000
        pca_text = f"-${-pca}" if pca < 0 else f"${pca}"
        charges.append(("Power cost adjustment", f"{kwh:,} kWh @ {pca_text}", money(kwh * pca)))
        if rng.random() < 0.4:
            charges.append(
                (
                    "Franchise fee",
                    "3.00%",
                    money(sum((c[2] for c in charges), Decimal(0)) * 3 / 100),
                )
            )
        electric_total = sum((amount for _, _, amount in charges), Decimal(0))
        usage_now = kwh
        tax_rate = Decimal(rng.choice(("6.25", "4.00", "5.50", "7.00")))
        taxes.append((f"State sales tax {tax_rate}%", money(electric_total * tax_rate / 100)))
        if rng.random() < 0.4:
            uut = Decimal(rng.choice(("5.00", "3.50", "7.50")))
            taxes.append((f"Utility users tax {uut}%", money(electric_total * uut / 100)))
    electric_count = len(charges)
    if kind in ("water", "city"):
        gallons = rng.randint(2, 14) * 1000 + rng.choice((0, 0, 500))
        if kind == "water":
            usage_now = gallons // 1000
        before = rng.randint(100000, 900000)
        meters.append(
            [
                f"W{names.digits(rng, 7)}",
                "Water",
                f"{before:,}",
                f"{before + gallons:,}",
                "1",
                f"{gallons:,} gal",
            ]
        )
        size_text = rng.choice(('5/8"', '3/4"', '1"'))
        charges.append(
            (f"Water base charge ({size_text} meter)", "", Decimal(rng.randint(1200, 3200)) / 100)
        )
        wrate = Decimal(rng.randint(250, 650)) / 100
        thousands = Decimal(gallons) / 1000
        if gallons > 5000 and rng.random() < 0.5:
            wrate2 = wrate + Decimal(rng.randint(50, 200)) / 100
            charges.append(("Water usage 0 - 5,000 gal", f"5.0 kgal @ ${wrate}", money(5 * wrate)))
            charges.append(
                (
                    "Water usage over 5,000 gal",
                    f"{thousands - 5:.1f} kgal @ ${wrate2}",
                    money((thousands - 5) * wrate2),
                )
            )
        else:
            charges.append(
                ("Water usage", f"{thousands:.1f} kgal @ ${wrate}", money(thousands * wrate))
            )
        charges.append(("Sewer base charge", "", Decimal(rng.randint(1500, 4000)) / 100))
        srate = Decimal(rng.randint(300, 800)) / 100
        charges.append(
            ("Sewer usage", f"{thousands:.1f} kgal @ ${srate}", money(thousands * srate))
        )
        if rng.random() < 0.7:
            charges.append(("Solid waste - 1 cart", "", Decimal(rng.randint(1800, 3400)) / 100))
        if rng.random() < 0.6:
            charges.append(("Stormwater fee (1 ERU)", "", Decimal(rng.randint(400, 1200)) / 100))
    tax_total = sum((amount for _, amount in taxes), Decimal(0))
    total = sum((amount for _, _, amount in charges), Decimal(0)) + tax_total

    account_no = rng.choice(
        (
            f"{names.digits(rng, 6)}-{names.digits(rng, 3)}",
            f"{names.digits(rng, 4)}-{names.digits(rng, 5)}-{names.digits(rng, 2)}",
            names.digits(rng, 10),
        )
    )
    customer_no = names.digits(rng, 7)
    due = issue + dt.timedelta(days=rng.choice((15, 20, 21, 25)))
    autopay = rng.random() < 0.25
    method: AccountMode = "paid" if autopay else choose(rng, [(5, "paid"), (2, "arrears")])
    account = _account(rng, total, period, mode=method)
    balance = account.balance
    late_fee = max(Decimal(5), money(balance * Decimal("0.015")))
    if rng.random() < 0.4:
        late_fee = money(balance * Decimal("0.10"))

    name_size = 15.0
    while canvas.width_of(vendor, size=name_size, bold=True) > 330:
        name_size -= 1
    canvas.text(40, 50, vendor, size=name_size, bold=True, color=accent)
    office = names.address(rng, "us")
    canvas.text(40, 64, f"{office[0]}, {office[1]}", size=size - 1, color=GREY)
    canvas.text(
        40,
        74,
        f"Customer service ({rng.randint(201, 989)}) {names.digits(rng, 3)}-"
        f"{names.digits(rng, 4)}  -  Outages 24/7 1-800-{names.digits(rng, 3)}-"
        f"{names.digits(rng, 4)}",
        size=size - 1,
        color=GREY,
    )
    date_label = rng.choice(("Statement date", "Bill date", "Billing date"))
    facts = [
        (date_label, _d(dstyle, issue)),
        ("Account number", account_no),
        ("Customer number", customer_no),
        ("Service period", f"{_d(dstyle, period.start)} - {_d(dstyle, period.end)}"),
        ("Days in period", str(period.days)),
    ]
    _rows(canvas, 380, 572, 46, facts, size=size - 0.5, step=11.5)
    customer = _person(rng, "US").upper()
    service = [line.upper() for line in names.address(rng, "us")]
    canvas.text(40, 108, "SERVICE ADDRESS", size=size - 1.5, bold=True, color=GREY)
    for offset, row in enumerate([customer, *service]):
        canvas.text(40, 120 + offset * 10.5, row, size=size)

    # Account summary, top right.
    top = 112
    canvas.box(330, top - 10, 572, top + 96, stroke=accent, width=0.8)
    canvas.text(338, top + 2, "ACCOUNT SUMMARY", size=size, bold=True, color=accent)
    rows = [("Previous balance", style.amount(account.previous))]
    for day, amount in account.payments:
        rows.append(
            (f"Payment received {_short('US', day)} - thank you", _credit(style, amount, "minus"))
        )
    if account.brought_forward > 0:
        rows.append(("Past due balance", style.amount(account.brought_forward)))
    else:
        rows.append(("Balance forward", style.amount(account.brought_forward)))
    rows.append(("Current charges", style.amount(total)))
    rows.append(("Total amount due", style.amount(balance)))
    y = _rows(
        canvas,
        338,
        564,
        top + 17,
        rows,
        size=size - 0.5,
        step=12,
        bold=("Total amount due",),
        rule_before=("Total amount due",),
    )
    canvas.text(338, y + 2, f"Due date: {_d(dstyle, due)}", size=size, bold=True)
    if autopay:
        canvas.text(338, y + 13, "AutoPay - do not pay. Amount will be drafted", size=size - 1.5)
        canvas.text(
            338,
            y + 22,
            f"from your bank on {_d(dstyle, due - dt.timedelta(days=2))}.",
            size=size - 1.5,
        )
    else:
        canvas.text(
            338,
            y + 13,
            f"Amount due after {_d(dstyle, due)}: {style.amount(balance + late_fee)}",
            size=size - 1,
        )

    # Meter readings.
    y = max(y + 30, 190)
    canvas.text(40, y, "METER READINGS", size=size, bold=True, color=accent)
    columns = [
        Column("Meter number", 40),
        Column("Service", 130),
        Column("Previous", 290, "right"),
        Column("Present", 360, "right"),
        Column("Mult.", 410, "right"),
        Column("Usage", 500, "right"),
    ]
    reads = [[m[0], m[1], m[2], m[3], m[4], m[5]] for m in meters]
    y = draw_table(
        canvas,
        y + 4,
        columns,
        reads,
        left=40,
        right=572,
        size=size - 0.5,
        rules="header",
        row_height=12,
    )
    canvas.text(
        40,
        y + 4,
        f"Read dates {_d(dstyle, period.start)} to {_d(dstyle, period.end)}. "
        f"Read type: {rng.choice(('Actual', 'Actual', 'Estimated'))}",
        size=size - 1.5,
        color=GREY,
    )

    # Current charges.
    y += 24
    canvas.text(40, y, "CURRENT CHARGES", size=size, bold=True, color=accent)
    y += 14
    electric_rows, other_rows = charges[:electric_count], charges[electric_count:]

    def charge_rows(rows: list[tuple[str, str, Decimal]], y: float) -> float:
        for label, detail, amount in rows:
            canvas.text(46, y, label, size=size - 0.5)
            canvas.text(300, y, detail, size=size - 0.5)
            canvas.text(560, y, style.number(amount), size=size - 0.5, align="right")
            y += 11.5
        return y

    taxes_summed = len(taxes) > 1 and rng.random() < 0.45
    if electric_rows:
        if kind == "city":
            canvas.text(46, y, "Electric service", size=size - 0.5, bold=True)
            y += 12
        y = charge_rows(electric_rows, y)
        if kind == "city":
            canvas.text(46, y, "Total electric charges before tax", size=size - 0.5, color=GREY)
            canvas.text(
                560, y, style.number(electric_total), size=size - 0.5, align="right", color=GREY
            )
            y += 11.5
        for label, amount in taxes:
            canvas.text(46, y, label, size=size - 0.5)
            canvas.text(560, y, style.number(amount), size=size - 0.5, align="right")
            y += 11.5
        if taxes_summed:
            canvas.text(46, y, "Total taxes", size=size - 0.5)
            canvas.text(560, y, style.number(tax_total), size=size - 0.5, align="right")
            y += 11.5
    if other_rows:
        if kind == "city":
            y += 3
            canvas.text(46, y, "Water, sewer & sanitation", size=size - 0.5, bold=True)
            y += 12
        y = charge_rows(other_rows, y)
    canvas.line(380, y - 7, 572, y - 7, width=0.5)
    total_label = rng.choice(("Total current charges", "Total new charges", "Current charges due"))
    canvas.text(46, y + 4, total_label, size=size, bold=True)
    canvas.text(560, y + 4, style.amount(total), size=size, bold=True, align="right")
    y += 24

    # Usage history.
    if y < 500:
        unit = "kWh" if kind != "water" else "gallons (thousands)"
        canvas.text(40, y, f"USAGE HISTORY ({unit})", size=size, bold=True, color=accent)
        months = _past_months(period.end, 13)
        values = [rng.randint(300, 1800) if kind != "water" else rng.randint(2, 14) for _ in months]
        values[-1] = usage_now
        _history(canvas, 40, y + 8, 300, 60, values, months, (0.75, 0.8, 0.85))
        days = period.days
        stats = [
            f"Average daily use: {Decimal(values[-1]) / days:.1f} kWh"
            if kind != "water"
            else f"Average daily use: {gallons / days:.0f} gal",
            f"Same period last year: {values[0]:,}",
            f"Average temperature: {rng.randint(28, 86)}°F",
            f"Cost per day: {style.amount(money(total / days))}",
        ]
        for offset, text in enumerate(stats):
            canvas.text(370, y + 20 + offset * 11, text, size=size - 1)
        y += 92
    if y < 560:
        messages = [
            "Paying by phone or online? Have your account number ready.",
            "A late fee is charged on balances not paid by the due date.",
        ]
        for offset, text in enumerate(messages):
            canvas.text(40, y + offset * 10, text, size=size - 1, color=GREY)

    # Tear-off stub.
    stub = 600
    _dashed(canvas, stub, 20, 592)
    canvas.text(
        306,
        stub + 10,
        "Please detach and return this portion with your payment.",
        size=size - 2,
        color=GREY,
        align="center",
    )
    canvas.text(40, stub + 30, vendor, size=size + 1, bold=True)
    po = f"PO Box {rng.randint(100, 9999)}"
    canvas.text(40, stub + 42, po, size=size)
    canvas.text(40, stub + 53, names.address(rng, "us")[1], size=size)
    stub_rows = [
        ("Account number", account_no),
        ("Due date", _d(dstyle, due)),
        ("Total amount due", style.amount(balance)),
    ]
    if not autopay:
        stub_rows.append(("After due date pay", style.amount(balance + late_fee)))
    stub_rows.append(("Amount enclosed", "$ ____________"))
    _rows(canvas, 340, 572, stub + 30, stub_rows, size=size, step=14, bold=("Total amount due",))
    for offset, row in enumerate([customer, *service]):
        canvas.text(80, stub + 100 + offset * 10.5, row, size=size)
    scan_line = (
        f"{account_no.replace('-', '')}{names.digits(rng, 2)} {int(balance * 100):09d} "
        f"{names.digits(rng, 1)}"
    )
    canvas.text(306, 770, scan_line, size=10, fontname="cour", align="center")

    fields = truth_fields(
        number="",
        issue=issue,
        due=due,
        vendor=vendor,
        total=total,
        subtotal=None,
        tax=(tax_total if (len(taxes) == 1 or taxes_summed) else None) if taxes else None,
        currency="USD",
    )
    fields.pop("invoice_number")
    return Rendered(
        fields,
        "en",
        "invoice",
        canvas.pdf(title=f"Statement {account_no}"),
        style,
        dstyle,
        QuantityStyle(),
        ("$",),
    )


# ----------------------------------------------------------------------------- energy-au


def _energy_au(rng: random.Random) -> Rendered:
    style = MONEY["AU"]
    dstyle = DateStyle(rng.choice(DATE_STYLES["AU"]))
    vendor = _energy_vendor(rng, "AU")
    abn = _abn(rng)
    accent = rng.choice(ACCENTS)
    canvas = Canvas(*A4, family=rng.choice(("helv", "helv", "tiro")))
    size = 8
    issue, period = _bill_dates(rng, (88, 93) if rng.random() < 0.6 else (29, 32))
    days = period.days
    nmi = rng.choice(
        (
            f"{rng.choice(('41', '43', '61', '63', '20'))}{names.digits(rng, 8)}",
            f"NCCC{names.digits(rng, 6)}",
        )
    )
    meter = names.digits(rng, rng.choice((6, 7, 8)))

    daily = rng.uniform(8, 26)
    tou = rng.random() < 0.5
    rows: list[tuple[str, str, str, Decimal, bool]] = []  # label, quantity, rate, amount, gst
    reads: list[list[str]] = []

    def kwh(share: float) -> Decimal:
        return Decimal(round(daily * days * share * 1000)) / 1000

    def rate(low: int, high: int) -> Decimal:
        return Decimal(rng.randint(low, high)) / 10000

    registers = (
        [
            ("Peak", 0.45, (2800, 4200)),
            ("Shoulder", 0.3, (2200, 3300)),
            ("Off peak", 0.25, (1500, 2400)),
        ]
        if tou
        else [("General usage", 1.0, (2600, 3900))]
    )
    if rng.random() < 0.3:
        registers.append(("Controlled load", 0.2, (1500, 2300)))
    for label, share, (low, high) in registers:
        units = kwh(share)
        price_ = rate(low, high)
        rows.append((label, f"{units:,.3f} kWh", f"${price_}", money(units * price_), True))
        before = Decimal(rng.randint(10000, 90000)) + Decimal(rng.randint(0, 999)) / 1000
        reads.append(
            [
                meter,
                label,
                f"{before:.3f}",
                f"{before + units:.3f}",
                rng.choice(("Actual", "Actual", "Estimate")),
                f"{units:,.3f}",
            ]
        )
    supply = rate(8500, 14500)
    rows.append(("Supply charge", f"{days} days", f"${supply}", money(days * supply), True))
    solar = rng.random() < 0.35
    if solar:
        exported = kwh(rng.uniform(0.2, 0.6))
        fit = rate(300, 900)
        rows.append(
            (
                "Solar feed-in credit",
                f"{exported:,.3f} kWh",
                f"${fit}",
                -money(exported * fit),
                False,
            )
        )
        reads.append([meter, "Solar export", "", "", "Actual", f"{exported:,.3f}"])
    subtotal = sum((amount for *_, amount, _ in rows), Decimal(0))
    gst = money(sum((amount for *_, amount, flag in rows if flag), Decimal(0)) / 10)
    total = subtotal + gst

    credits: tuple[tuple[str, Decimal], ...] = ()
    if rng.random() < 0.35:
        credits = (
            (
                rng.choice(
                    (
                        "Energy Bill Relief Fund credit",
                        "Energy rebate",
                        "Low Income Household Rebate",
                    )
                ),
                Decimal(rng.choice((75, 125, 85))),
            ),
        )
    dd = rng.random() < 0.4
    method: AccountMode = "paid" if dd else choose(rng, [(5, "paid"), (2, "arrears")])
    account = _account(rng, total, period, mode=method, credits=credits)
    balance = account.balance
    due = issue + dt.timedelta(days=rng.choice((14, 18, 21, 22)))
    pay_on_time = rng.random() < 0.3 and balance > 0

    # Header.
    name_size = 16.0
    while canvas.width_of(vendor, size=name_size, bold=True) > 300:
        name_size -= 1
    canvas.text(40, 52, vendor, size=name_size, bold=True, color=accent)
    canvas.text(40, 65, f"ABN {abn}", size=size, color=GREY)
    canvas.text(40, 84, "Tax invoice", size=13, bold=True)
    canvas.text(
        40, 97, "Electricity" + ("" if not solar else " and solar"), size=size + 1, color=GREY
    )
    number = f"{names.digits(rng, 10)}" if rng.random() < 0.7 else None
    facts = [
        ("Account number", f"{names.digits(rng, 3)} {names.digits(rng, 3)} {names.digits(rng, 3)}")
    ]
    if number:
        facts.append(("Invoice number", number))
    facts += [
        (rng.choice(("Issue date", "Date of issue", "Bill issued")), _d(dstyle, issue)),
        ("Bill period", f"{_d(dstyle, period.start)} to {_d(dstyle, period.end)} ({days} days)"),
        ("NMI", nmi),
    ]
    _rows(canvas, 330, 555, 46, facts, size=size, step=11.5)

    customer = _person(rng, "AU")
    addr = _address(rng, "AU")
    state = addr[1].split()[-2]
    for offset, row in enumerate([customer, *addr]):
        canvas.text(52, 126 + offset * 10.5, row, size=size + 0.5)
    canvas.text(
        52, 126 + 3 * 10.5 + 4, f"Supply address: {addr[0]}, {addr[1]}", size=size - 1, color=GREY
    )

    # Amount due box.
    top = 120
    canvas.box(330, top - 4, 555, top + 78, stroke=None, fill=accent)
    white = (1.0, 1.0, 1.0)
    canvas.text(340, top + 12, "Total amount due", size=size + 2, bold=True, color=white)
    canvas.text(
        340, top + 36, style.amount(max(balance, Decimal(0))), size=20, bold=True, color=white
    )
    canvas.text(340, top + 52, f"Due date {_d(dstyle, due)}", size=size + 2, bold=True, color=white)
    if pay_on_time:
        discount = money(
            sum(
                (amount for label, _, _, amount, _ in rows if "Supply" not in label and amount > 0),
                Decimal(0),
            )
            * Decimal("0.07")
            * Decimal("1.1")
        )
        canvas.text(
            340,
            top + 68,
            f"Pay {style.amount(balance - discount)} if paid by the due date "
            "(7% pay-on-time discount)",
            size=size - 1.5,
            color=white,
        )
    elif dd:
        canvas.text(
            340,
            top + 68,
            f"Direct debit on {_d(dstyle, due)} - no need to pay",
            size=size - 1,
            color=white,
        )

    # Account summary.
    y: float = 222
    canvas.text(40, y, "Account summary", size=size + 2, bold=True, color=accent)
    summary = [("Opening balance", style.amount(account.previous))]
    for day, amount in account.payments:
        summary.append(
            (f"Payment received {_short('AU', day)}, thank you", _credit(style, amount, "minus"))
        )
    summary.append(("Balance carried forward", style.amount(account.brought_forward)))
    summary.append(("New charges (incl GST)", style.amount(total)))
    for text, amount in credits:
        summary.append((text, _credit(style, amount, "minus")))
    summary.append(("Total amount due", style.amount(balance)))
    y_sum = _rows(
        canvas,
        40,
        290,
        y + 16,
        summary,
        size=size + 0.5,
        step=13,
        bold=("Total amount due",),
        rule_before=("Total amount due",),
    )
    # Averages.
    canvas.text(330, y, "Your average daily usage", size=size + 1, bold=True, color=accent)
    avg = [
        f"This bill: {Decimal(daily):.1f} kWh",
        f"Same time last year: {rng.uniform(8, 26):.1f} kWh",
        f"Average cost per day: {style.amount(money(total / days))}",
        f"Greenhouse gas emissions: {rng.uniform(0.4, 2.5):.2f} tonnes",
    ]
    for offset, text in enumerate(avg):
        canvas.text(330, y + 16 + offset * 11.5, text, size=size)
    y = max(y_sum, y + 64) + 12

    # Charges.
    canvas.text(40, y, "Your charges", size=size + 2, bold=True, color=accent)
    columns = [
        Column("Description", 44),
        Column("Quantity", 290, "right"),
        Column("Rate (excl GST)", 390, "right"),
        Column("Amount (excl GST)", 551, "right"),
    ]
    table = [
        [label, qty, rate_, _signed(style, amount, "minus")]
        for label, qty, rate_, amount, _ in rows
    ]
    y = draw_table(
        canvas,
        y + 6,
        columns,
        table,
        left=40,
        right=555,
        size=size,
        rules="header",
        row_height=13,
        header_fill=LIGHT,
    )
    subtotal_printed = rng.random() < 0.6
    sums = []
    if subtotal_printed:
        sums.append(("Total charges (excl GST)", style.amount(subtotal)))
    sums.append(("GST", style.amount(gst)))
    sums.append(("Total new charges", style.amount(total)))
    y = _rows(
        canvas,
        330,
        551,
        y + 10,
        sums,
        size=size + 0.5,
        step=13,
        bold=("Total new charges",),
        rule_before=("Total new charges",),
    )
    if solar:
        canvas.text(
            40, y, "GST does not apply to your solar feed-in credit.", size=size - 1, color=GREY
        )
        y += 10

    # Meter readings.
    y += 10
    canvas.text(40, y, "Meter readings", size=size + 1, bold=True, color=accent)
    columns = [
        Column("Meter", 44),
        Column("Register", 110),
        Column(f"Previous {_short('AU', period.start)}", 290, "right"),
        Column(f"Current {_short('AU', period.end)}", 380, "right"),
        Column("Read type", 400),
        Column("kWh", 551, "right"),
    ]
    y = draw_table(
        canvas,
        y + 4,
        columns,
        reads,
        left=40,
        right=555,
        size=size - 0.5,
        rules="header",
        row_height=12,
    )

    # How to pay.
    y = max(y + 16, 640)
    _dashed(canvas, y - 12, 30, 565)
    canvas.text(40, y + 4, "How to pay", size=size + 2, bold=True, color=accent)
    biller = names.digits(rng, rng.choice((4, 5, 6)))
    ref = names.digits(rng, rng.choice((10, 12)))
    canvas.box(40, y + 12, 200, y + 56, width=0.6)
    canvas.text(48, y + 26, "BPAY", size=size + 2, bold=True, color=(0.1, 0.2, 0.5))
    canvas.text(48, y + 38, f"Biller code: {biller}", size=size)
    canvas.text(48, y + 49, f"Ref: {ref}", size=size)
    ways = [
        f"Direct debit: your payment will be debited on {_d(dstyle, due)}."
        if dd
        else "Direct debit: set up a direct debit online or call us.",
        f"Post Billpay: Billpay code {names.digits(rng, 4)}  Ref {_grouped(ref)}",
        "Centrepay: call us to arrange deductions from your Centrelink payment.",
        "Card: pay online or by phone (a surcharge may apply).",
    ]
    for offset, text in enumerate(ways):
        canvas.text(215, y + 22 + offset * 11, text, size=size - 0.5)
    slip = [
        ("Account", facts[0][1]),
        ("Amount due", style.amount(max(balance, Decimal(0)))),
        ("Due date", _d(dstyle, due)),
    ]
    _rows(canvas, 215, 555, y + 78, slip, size=size, step=12)
    distributor = {
        "NSW": "Endeavour Energy",
        "VIC": "Powercor",
        "QLD": "Energex",
        "SA": "SA Power Networks",
        "ACT": "Evoenergy",
    }[state]
    _footer(
        canvas,
        [
            f"Faults and emergencies: {distributor} 13 {names.digits(rng, 2)} "
            f"{names.digits(rng, 2)}.  Compare energy offers at energymadeeasy.gov.au.",
            f"{vendor} ABN {abn}",
        ],
    )

    fields = truth_fields(
        number=number or "",
        issue=issue,
        due=due,
        vendor=vendor,
        total=total,
        subtotal=subtotal if subtotal_printed else None,
        tax=gst,
        currency="AUD",
    )
    if not number:
        fields.pop("invoice_number")
    return Rendered(
        fields,
        "en",
        "invoice",
        canvas.pdf(title=f"Tax invoice {facts[0][1]}"),
        style,
        dstyle,
        QuantityStyle(),
        ("$",),
    )


# ----------------------------------------------------------------------------- build


def build(rng: random.Random) -> Rendered:
    layout: Layout = choose(
        rng,
        [
            (2.5, "energy-uk"),
            (2.5, "telecom"),
            (1.8, "business-comms"),
            (2, "us-utility"),
            (1.7, "energy-au"),
        ],
    )
    rendered = {
        "energy-uk": _energy_uk,
        "telecom": _telecom,
        "business-comms": _business_comms,
        "us-utility": _us_utility,
        "energy-au": _energy_au,
    }[layout](rng)
    weights: dict[Layout, list[tuple[float, Literal["png", "jpg"] | None]]] = {
        "energy-uk": [(1, None)],
        "telecom": [(4, None), (1, "jpg")],
        "business-comms": [(6, None), (1, "png")],
        "us-utility": [(4, None), (3, "jpg"), (1, "png")],
        "energy-au": [(5, None), (2, "jpg")],
    }
    rendered.image = choose(rng, weights[layout])
    return rendered
