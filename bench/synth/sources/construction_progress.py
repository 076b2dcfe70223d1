"""`construction-progress`: construction and trades invoices in English: US progress billing
(G702/G703-style applications for payment and subcontractors' progress invoices), UK interim
applications and valuations (retention, VAT or the domestic reverse charge, CIS deductions),
Australian progress claims under the Security of Payment Acts (GST 10 %, retention), and small
trades invoices (plumbers, electricians, gas and heating engineers) in the UK, the US and
Australia, some written by hand in a duplicate invoice book.

A progress claim bills part of a contract: the page is mostly figures about the contract that are
not what this document asks for (the contract sum, approved changes, work completed to date,
retention held, what was certified or paid before), and the figure asked for is near the bottom
after the retention and the previous payments are taken off.

Truth rules, per family (money always as printed in the document's one money style).

- `g702` (US application and certificate for payment, continuation sheet on page 2):
  `total_amount` is line 8, `CURRENT PAYMENT DUE` (total earned less retainage, less previous
  certificates): the amount this application asks for; retainage is taken off before it. US
  progress billing charges no sales tax, so there is no `tax_amount` and no `subtotal_amount`.
  The architect's `AMOUNT CERTIFIED` (blank, equal, or a reduced figure) is a decoy.
- `us-progress` (a subcontractor's progress invoice from accounting software): `total_amount` is
  the amount due on this invoice (`Amount due this invoice`, `Total due`, `Net amount due`) after
  the retainage on this period's billing; the gross billed this period (`Total this period`,
  `Subtotal`) is a decoy and, there being no tax, not the `subtotal_amount`; no `tax_amount`. An
  account summary (past-due balance, total account balance) below it is a decoy.
- `uk-valuation` (an interim application for payment or an interim invoice referring to a
  valuation): `subtotal_amount` is the net amount due this application before VAT (gross
  valuation less retention less previous payments); `tax_amount` the VAT charged on it (20 %), or
  0.00 where a reverse-charge page prints a VAT row of `0.00`; `total_amount` the application's
  total including the VAT charged (`Total due this application inc VAT`, `Invoice total`), before
  the CIS deduction: `Less CIS deduction` on the labour element and the `Amount payable` after it
  are below the total (as `pt-fatura` keeps the total before its IRS withholding). Under the
  domestic reverse charge no VAT is added: the total is the net amount; where the VAT row reads
  only `Reverse charge` (no figure) the tax is left out, and the VAT the customer must account
  for (`Reverse charge VAT @ 20%: £3,485.60`, printed for information, not added) is a decoy;
  where the net due is the last figure before the CIS block (no separate total row) the subtotal
  is left out.
- `au-claim` (an Australian tax invoice / payment claim): `subtotal_amount` is the net claim
  excluding GST (claimed this period less retention), `tax_amount` the GST at 10 % on it,
  `total_amount` the amount claimed including GST (`Total this claim (incl GST)`, `Amount
  claimed this period inc GST`); the gross `Claimed this period (excl GST)` before retention is a
  decoy, as are the revised contract sum, the work completed to date, the previous claims and the
  retention held to date.
- `trades` (a small trades invoice; software, letterhead or a handwritten duplicate book): lines
  of quantity x unit price (call-out fee, labour hours x rate, materials) that add up to the
  subtotal; `tax_amount` the VAT, GST or the sales tax on materials (US); `total_amount` the
  invoice total including tax, before a deposit already paid (`Less deposit paid` and the
  `Balance due` are below the total). A trader who is not VAT or GST registered (or a US job
  with no sales tax) prints the total alone (lines add up to it; no subtotal, no tax in the
  truth) or a `Subtotal` equal to it (then in the truth, no tax).

Common to all: `invoice_number` is in the truth only where the page prints an invoice number
(`Invoice No.`, `Invoice #`, `Tax invoice no.`); the application, valuation or claim number (a
sequence within the contract: `Application No. 7`, `Valuation No. 4`, `Payment claim no. 12`),
the job, project, contract, PO and sub-contract order numbers are decoys, so a page that prints
only an application number has no `invoice_number`. `invoice_date` is the date of the
application, claim or invoice (`Application date`, `Date of application`, `Claim date`, `Invoice
date`, `Date`), never `Period to`, `Period ending`, the valuation date, the reference date, the
contract date, the date of work or a notary's date. `due_date` is in the truth only where the page
prints a date labelled as due (`Payment due date`, `Due date`, `Payment due by`, `Due`); a UK
`Final date for payment` printed beside a due date is a decoy and, printed alone, not a due date
(none in the truth); terms without a date (`Net 30`, `15 business days`) give none. `vendor_name`
is the contractor, subcontractor or trader who asks to be paid, as printed. `line_items` only on
`trades` (the schedules of values and valuation breakdowns are percentages of contract values, not
quantity x unit price). Currency USD, GBP or AUD.

Layouts. `g702`: Letter, two pages: a header grid (`To Owner`, `From Contractor`, `Project`, `Via
Architect`, `Application No`, `Period To`, `Application Date` on most, `Project Nos`, `Contract
Date`, an `Invoice No` on some, distribution tick boxes), lines 1-9 of the application with the
5a/5b retainage split, the change order summary, the contractor's certification with a signature,
its date and a notary block, the architect's certificate; page 2 the continuation sheet (columns
A-I with grand totals). Labels in capitals or title case, `$` on the figures or not.
`us-progress`: letterhead with a licence number, a right-hand meta block (`Invoice #`, `Date`,
`Due Date` on most, `Terms`, `Job #`, `Subcontract #`, `Billing #`, `Period ending`), bill-to and
project blocks, a schedule-of-values table, a boxed contract summary beside the invoice totals.
`uk-valuation`: A4, an application (`INTERIM APPLICATION FOR PAYMENT No. 6`, `VALUATION No. 4`)
or an interim invoice (`INVOICE`, `Re: Interim valuation No. 4`), a facts block with valuation or
period-ending dates, order and job numbers, due and final dates on some, a breakdown table (`Ref /
Description / Contract value / % complete / Value to date`, VO, dayworks and materials-on-site
rows), the summary with retention and previous payments, VAT or the reverse charge, a CIS block,
the DRC and HGCRA notes, bank details. `au-claim`: A4 `TAX INVOICE` with `PAYMENT CLAIM No.`, ABN
and state licence, the Security of Payment Act statement of the vendor's state, contract-works and
approved-variations tables, the claim summary and the retention held beside it. `trades`: a
software invoice (initial badge, meta block with job and service dates), a word-processor
letterhead (`Re:` line, work date), or a stationer's A5 duplicate book filled in by hand (italic
ink, red serial number = the invoice number, the trader's rubber stamp, ruled Qty / Description /
Rate / Amount grid, amounts often without grouping, dates like `2/3/24`).

Decoys and awkward parts: contract sum, net change by change orders, contract sum to date,
completed and stored to date, balance to finish, retainage / retention held to date, previous
certificates and payments, the architect's amount certified, the change order summary, the gross
valuation and net valuation, the labour element and CIS figures, the reverse-charge VAT shown for
information, a deposit and balance due, an account's past-due balance; application, valuation,
claim, project, job, PO, licence, Gas Safe, NICEIC, UTR and ABN numbers; period-to, valuation,
reference, contract, notary, commission-expiry and work dates, the final date for payment; owner,
architect, main contractor and customer names. Scans: about a third of the G702 forms (signed and
notarised copies, page 1 only), a fifth of the other progress documents, a quarter to a third of
the printed trades invoices and every handwritten invoice book.
"""

from __future__ import annotations

import datetime as dt
import random
import textwrap
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from bench.synth import names
from bench.synth.canvas import A4, LETTER, Align, Canvas
from bench.synth.common import Column, Rules, choose, draw_table
from bench.synth.document import Line, Rendered, net_totals, pick_dates, truth_fields
from bench.synth.formats import DateStyle, MoneyStyle, QuantityStyle, money

Country = Literal["US", "GB", "AU"]
Image = Literal["png", "jpg"] | None

A5 = (419.53, 595.28)
GREY = (0.4, 0.4, 0.4)
LIGHT = (0.92, 0.92, 0.92)
RED = (0.72, 0.1, 0.1)
ACCENTS = ((0.1, 0.25, 0.5), (0.55, 0.2, 0.05), (0.0, 0.4, 0.3), (0.2, 0.2, 0.2), (0.45, 0.1, 0.1))
CURRENCY = {"US": "USD", "GB": "GBP", "AU": "AUD"}
SYMBOL = {"US": "$", "GB": "£", "AU": "$"}
DATE_STYLES = {
    "US": ("{mm}/{dd}/{yyyy}", "{m}/{d}/{yyyy}", "{month} {d}, {yyyy}", "{mm}/{dd}/{yy}"),
    "GB": ("{dd}/{mm}/{yyyy}", "{d} {month} {yyyy}", "{d} {mon} {yyyy}", "{dd}.{mm}.{yy}"),
    "AU": ("{dd}/{mm}/{yyyy}", "{d} {mon} {yyyy}", "{d} {month} {yyyy}", "{d}/{m}/{yyyy}"),
}

US_PLACES = [
    "Ironwood",
    "Keystone",
    "Summit",
    "Cascade",
    "Prairie",
    "Liberty",
    "Bayside",
    "Heartland",
    "Tri-County",
    "Red River",
    "Blue Ridge",
    "Lakeshore",
    "Pioneer",
    "Granite",
]
US_TRADES = [
    "Construction",
    "Builders",
    "Mechanical",
    "Electric",
    "Concrete",
    "Drywall & Acoustics",
    "Roofing",
    "Plumbing & Heating",
    "Contracting",
    "Steel Erectors",
    "Site Development",
    "Interiors",
    "Fire Protection",
    "Glass & Glazing",
    "Masonry",
]
US_FORMS = ["Inc.", "LLC", "Co.", "Corp.", "Inc."]
GB_PLACES = [
    "Pennine",
    "Severn",
    "Mercia",
    "Wessex",
    "Northgate",
    "Cotswold",
    "Thameside",
    "Chiltern",
    "Humber",
]
GB_TRADES = [
    "Groundworks",
    "Brickwork",
    "Electrical Contractors",
    "Drylining",
    "Roofing",
    "Scaffolding",
    "Mechanical Services",
    "Building Services",
    "Civils",
    "Plastering",
    "Joinery",
    "Steel Fabrications",
    "Construction",
]
AU_PLACES = "Southern Cross|Coastal|Red Gum|Harbour City|Ironbark|Eastern|Bayside|Tablelands"
AU_TRADES = [
    "Concreting",
    "Formwork",
    "Electrical",
    "Plumbing",
    "Carpentry",
    "Steel Fixing",
    "Civil",
    "Waterproofing",
    "Tiling",
    "Building Group",
    "Constructions",
]
AU_SURNAMES = [
    "Walsh",
    "Nguyen",
    "Papadopoulos",
    "Murray",
    "Campbell",
    "Russo",
    "Fraser",
    "Kelly",
    "Singh",
    "McDonald",
]
AU_STREETS = ["Banksia St", "Wattle Ave", "Ocean Pde", "Station Rd", "Kurrajong Way", "Hume Hwy"]
AU_SUBURBS = [
    ("Parramatta", "NSW", "2150"),
    ("Blacktown", "NSW", "2148"),
    ("Geelong West", "VIC", "3218"),
    ("Dandenong", "VIC", "3175"),
    ("Toowoomba", "QLD", "4350"),
    ("Chermside", "QLD", "4032"),
    ("Mawson Lakes", "SA", "5095"),
]
SOPA = {
    "NSW": "Building and Construction Industry Security of Payment Act 1999 (NSW)",
    "VIC": "Building and Construction Industry Security of Payment Act 2002 (Vic)",
    "QLD": "Building Industry Fairness (Security of Payment) Act 2017 (Qld)",
    "SA": "Building and Construction Industry Security of Payment Act 2009 (SA)",
}
US_STATES = [("Texas", "Travis"), ("Ohio", "Franklin"), ("Colorado", "Denver"), ("Oregon", "Lane")]

US_SOV = [
    "General Conditions",
    "Mobilization",
    "Bonds & Insurance",
    "Demolition",
    "Sitework / Excavation",
    "Concrete Foundations",
    "Slab on Grade",
    "Masonry",
    "Structural Steel",
    "Rough Carpentry",
    "Millwork & Finish Carpentry",
    "Roofing & Sheet Metal",
    "Doors, Frames & Hardware",
    "Storefront & Glazing",
    "Framing & Drywall",
    "Acoustical Ceilings",
    "Flooring",
    "Painting & Wallcovering",
    "Fire Sprinkler",
    "Plumbing - Rough-in",
    "Plumbing - Trim",
    "HVAC - Ductwork",
    "HVAC - Equipment",
    "Electrical - Rough-in",
    "Electrical - Fixtures & Trim",
    "Low Voltage / Data",
    "Landscaping",
    "Final Clean & Closeout",
]
US_PROJECTS = [
    "Riverside Medical Office Building",
    "Lincoln Elementary School Addition",
    "Maple Court Apartments - Phase 2",
    "Fire Station No. 4 Renovation",
    "Westgate Retail Center Tenant Improvements",
    "County Public Library Expansion",
    "Harbor View Senior Living",
    "Northside Distribution Warehouse",
]
CHANGE_ORDERS = [
    "Added storefront at east entry",
    "Owner-requested outlet relocations",
    "Unsuitable soils removal",
    "Upgrade to LVT flooring",
    "Additional roof drains",
    "Revised door hardware",
    "Rock excavation allowance",
]
GB_SECTIONS = [
    "Preliminaries",
    "Substructure",
    "Groundworks & drainage",
    "Brickwork & blockwork",
    "Roof coverings",
    "First fix",
    "Second fix",
    "Drylining & partitions",
    "Mechanical installation",
    "Electrical installation",
    "External works",
    "Decorations",
]
GB_PROJECTS = [
    "Plots 12-24, Meadow View, Chorley",
    "Riverside Quarter Block B",
    "St Anne's Primary School Extension",
    "Unit 4 Enterprise Park",
    "The Maltings, Phase 3",
    "Kingsway Health Centre Refurbishment",
]
AU_ITEMS = [
    "Site establishment",
    "Excavation & footings",
    "Slab & pier works",
    "Frame stage",
    "Lock-up stage",
    "Roof & gutters",
    "Rough-in (plumbing & electrical)",
    "Waterproofing",
    "Fixing stage",
    "Tiling",
    "Practical completion works",
]
AU_PROJECTS = [
    "Lot 14 Banksia Estate - Townhouses",
    "Parramatta Mixed Use - Stage 2",
    "Chermside Childcare Centre",
    "Geelong Waterfront Apartments",
    "Mawson Lakes Medical Suites",
]


# ----------------------------------------------------------------------------- helpers


def _d(style: DateStyle, value: dt.date) -> str:
    return style.format(value)


def _month_end(value: dt.date) -> dt.date:
    following = value.replace(day=28) + dt.timedelta(days=4)
    return following - dt.timedelta(days=following.day)


def _ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def _wrap(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    width: int,
    *,
    size: float = 7,
    color: tuple[float, float, float] = (0, 0, 0),
) -> float:
    """Text wrapped at `width` characters; returns the y after the last line."""
    for row in textwrap.wrap(text, width):
        canvas.text(x, y, row, size=size, color=color)
        y += size + 2
    return y


def _less(style: MoneyStyle, value: Decimal, mode: str, *, symbol: bool = True) -> str:
    """A deduction: printed in brackets, with a minus, or plain under a `Less` label."""
    figure = style.amount(value) if symbol else style.number(value)
    return {"parens": f"({figure})", "minus": f"-{figure}", "plain": figure}[mode]


def _split(rng: random.Random, total: Decimal, count: int, step: int) -> list[Decimal]:
    """`total` split into `count` uneven parts rounded to `step`, the last taking the rest."""
    weights = [rng.uniform(0.4, 2.5) for _ in range(count)]
    scale = sum(weights)
    parts = [
        Decimal(int(total * Decimal(w / scale) / step) * step) for w in weights[:-1]
    ]  # rounded down
    parts.append(total - sum(parts, Decimal(0)))
    return parts


def _us_company(rng: random.Random) -> str:
    shape = rng.random()
    if shape < 0.5:
        return f"{rng.choice(US_PLACES)} {rng.choice(US_TRADES)} {rng.choice(US_FORMS)}"
    if shape < 0.8:
        return f"{names.surname(rng, 'us')} {rng.choice(US_TRADES)} {rng.choice(US_FORMS)}"
    a, b = rng.sample(names.SURNAMES["us"].split(), 2)
    return f"{a} & {b} {rng.choice(('Construction', 'Builders', 'Contractors'))}, Inc."


def _gb_company(rng: random.Random) -> str:
    shape = rng.random()
    form = rng.choice(("Ltd", "Ltd", "Limited"))
    if shape < 0.45:
        return f"{rng.choice(GB_PLACES)} {rng.choice(GB_TRADES)} {form}"
    if shape < 0.8:
        return f"{names.surname(rng, 'en')} {rng.choice(GB_TRADES)} {form}"
    a, b = rng.sample(names.SURNAMES["en"].split(), 2)
    return f"{a} & {b} {rng.choice(('Construction', 'Contractors', 'Building'))} {form}"


def _au_company(rng: random.Random) -> str:
    if rng.random() < 0.55:
        return f"{rng.choice(AU_PLACES.split('|'))} {rng.choice(AU_TRADES)} Pty Ltd"
    return f"{rng.choice(AU_SURNAMES)} {rng.choice(AU_TRADES)} Pty Ltd"


def _company(rng: random.Random, country: Country) -> str:
    return {"US": _us_company, "GB": _gb_company, "AU": _au_company}[country](rng)


def _previous_month_end(value: dt.date) -> dt.date:
    return value - dt.timedelta(days=value.day)


def _address(rng: random.Random, country: Country, state: str | None = None) -> list[str]:
    if country == "US":
        return names.address(rng, "us")
    if country == "GB":
        return names.address(rng, "en")
    suburbs = [row for row in AU_SUBURBS if state is None or row[1] == state]
    suburb, state, code = rng.choice(suburbs)
    return [f"{rng.randint(1, 240)} {rng.choice(AU_STREETS)}", f"{suburb} {state} {code}"]


def _abn(rng: random.Random) -> str:
    groups = " ".join(names.digits(rng, 3) for _ in range(3))
    return f"{rng.randint(10, 99)} {groups}"


def _sort_code(rng: random.Random) -> str:
    return "-".join(str(rng.randint(10, 99)) for _ in range(3))


def _bsb(rng: random.Random) -> str:
    return f"{names.digits(rng, 3)}-{names.digits(rng, 3)}"


def _phone(rng: random.Random, country: Country) -> str:
    if country == "AU":
        return f"0{rng.choice((2, 3, 7, 8))} {names.digits(rng, 4)} {names.digits(rng, 4)}"
    return names.phone(rng, country)


def _money_style(rng: random.Random, country: Country) -> MoneyStyle:
    return MoneyStyle(",", ".", SYMBOL[country], symbol_space=rng.random() < 0.3)


def _dates(rng: random.Random, country: Country) -> DateStyle:
    return DateStyle(rng.choice(DATE_STYLES[country]))


def _invoice_no(rng: random.Random, year: int) -> str:
    return rng.choice(
        (
            f"INV-{rng.randint(1000, 29999)}",
            f"{year % 100:02d}-{rng.randint(100, 9999):04d}",
            f"{rng.randint(1000, 99999)}",
            f"PB{year}{rng.randint(10, 999):03d}",
            f"IN{rng.randint(100000, 999999)}",
        )
    )


def _rows(
    canvas: Canvas,
    x: float,
    right: float,
    y: float,
    rows: list[tuple[str, str]],
    *,
    size: float = 8.5,
    step: float = 13,
    bold: tuple[str, ...] = (),
    rule_before: tuple[str, ...] = (),
) -> float:
    for label, value in rows:
        if label in rule_before:
            canvas.line(x, y - size - 2, right, y - size - 2, width=0.6)
        strong = label in bold
        canvas.text(x, y, label, size=size, bold=strong)
        canvas.text(right, y, value, size=size, bold=strong, align="right")
        y += step
    return y


def _pairs(
    canvas: Canvas,
    x: float,
    gap: float,
    y: float,
    rows: list[tuple[str, str]],
    *,
    size: float = 8.5,
    step: float = 12,
    bold_labels: bool = True,
) -> float:
    for label, value in rows:
        canvas.text(x, y, label, size=size, bold=bold_labels)
        canvas.text(x + gap, y, value, size=size)
        y += step
    return y


def _image(rng: random.Random, share: float) -> Image:
    if rng.random() >= share:
        return None
    return choose(rng, [(3, "jpg"), (1, "png")])


# ----------------------------------------------------------------------------- schedule of values


@dataclass
class Item:
    """One schedule-of-values row: scheduled value, completed before, this period, stored."""

    number: str
    description: str
    scheduled: Decimal
    previous: Decimal
    this_period: Decimal
    stored: Decimal = Decimal(0)

    @property
    def to_date(self) -> Decimal:
        return self.previous + self.this_period + self.stored

    @property
    def percent(self) -> Decimal:
        return (self.to_date / self.scheduled * 100) if self.scheduled else Decimal(0)


def _schedule(
    rng: random.Random, contract: Decimal, descriptions: list[str], progress: float
) -> list[Item]:
    """Rows whose scheduled values add up to `contract`; `progress` is the share done before."""
    values = _split(rng, contract, len(descriptions), rng.choice((50, 100, 500)))
    items = []
    for index, (text, value) in enumerate(zip(descriptions, values, strict=True)):
        before = min(1.0, max(0.0, rng.gauss(progress, 0.25)))
        if index < 2 and rng.random() < 0.6:
            before = 1.0
        now = 0.0 if before >= 1 or rng.random() < 0.3 else rng.uniform(0.05, 1 - before)
        previous = money(value * Decimal(str(round(before, 2))))
        this_period = money(value * Decimal(str(round(now, 2))))
        this_period = min(this_period, value - previous)
        items.append(Item(str(index + 1), text, value, previous, this_period))
    if not any(item.this_period > 0 for item in items):
        target = max(items, key=lambda item: item.scheduled - item.previous)
        target.this_period = money((target.scheduled - target.previous) / 2)
    return items


# ----------------------------------------------------------------------------- g702


def _g702(rng: random.Random) -> Rendered:
    style = MoneyStyle(",", ".", "$", symbol_space=rng.random() < 0.6)
    dstyle = _dates(rng, "US")
    canvas = Canvas(*LETTER, family=rng.choice(("helv", "helv", "tiro")))
    dates = pick_dates(rng, dstyle, due_days=(30, 30, 45))
    issue = dates.issue
    period_to = _month_end(issue) if issue.day >= 15 else issue - dt.timedelta(days=issue.day)
    if rng.random() < 0.1:
        period_to = issue
    contract_date = issue - dt.timedelta(days=rng.randint(90, 420))
    vendor = _us_company(rng)
    city = rng.choice(names.CITIES["us"].split("|")).split(",")[0]
    owner = rng.choice(
        (
            f"{rng.choice(('City', 'County'))} of {city}",
            f"{names.surname(rng, 'us')} Development Partners, LLC",
            f"{rng.choice(US_PLACES)} Independent School District",
            f"{rng.choice(US_PLACES)} Health System",
        )
    )
    firm = rng.choice(("Architects", "Design Group", "+ Partners Architecture"))
    architect = f"{names.surname(rng, 'us')} {firm}"
    project = rng.choice(US_PROJECTS)
    app_no = rng.randint(1, 16)
    progress = min(0.9, app_no / 18 + rng.uniform(0, 0.2)) if app_no > 1 else 0.0

    contract = Decimal(rng.randint(120, 4800) * 1000) + Decimal(rng.choice((0, 0, 250, 500, 875)))
    count = rng.randint(6, 16)
    descriptions = rng.sample(US_SOV, count)
    descriptions.sort(key=US_SOV.index)
    items = _schedule(rng, contract, descriptions, progress)
    if app_no == 1:
        for item in items:
            item.previous = Decimal(0)
    changes: list[tuple[int, Decimal, bool]] = []  # number, amount, approved this month
    for number in range(1, rng.choice((0, 0, 1, 2, 3, 4)) + 1):
        amount = Decimal(rng.randint(15, 400) * 100) + Decimal(rng.choice((0, 0, 37, 50)))
        changes.append((number, amount, rng.random() < 0.3))
    for number, amount, _ in changes:
        text = f"CO #{number} - {rng.choice(CHANGE_ORDERS)}"
        done = rng.choice((0, 0.5, 1.0))
        previous = money(amount * Decimal(str(done))) if app_no > 1 else Decimal(0)
        now = money((amount - previous) * Decimal(str(rng.choice((0, 0.5, 1.0)))))
        items.append(Item(f"{len(items) + 1}", text, amount, previous, now))
    for item in rng.sample(items, k=min(len(items), rng.choice((0, 0, 1, 2)))):
        room = item.scheduled - item.previous - item.this_period
        if room > 100:
            item.stored = money(room * Decimal(str(rng.choice((0.2, 0.3, 0.5)))))
    rate_work = Decimal(rng.choice((10, 10, 5)))
    rate_stored = rate_work if rng.random() < 0.7 else Decimal(0)
    ret_work = [money((item.previous + item.this_period) * rate_work / 100) for item in items]
    ret_stored = [money(item.stored * rate_stored / 100) for item in items]
    net_change = sum((amount for _, amount, _ in changes), Decimal(0))
    to_date_sum = contract + net_change
    completed = sum((item.to_date for item in items), Decimal(0))
    ret_a, ret_b = sum(ret_work, Decimal(0)), sum(ret_stored, Decimal(0))
    retainage = ret_a + ret_b
    earned = completed - retainage
    previous_cert = sum(
        (item.previous - money(item.previous * rate_work / 100) for item in items), Decimal(0)
    )
    current = earned - previous_cert
    balance = to_date_sum - earned

    invoice_no = _invoice_no(rng, issue.year) if rng.random() < 0.4 else None
    due_printed = rng.random() < 0.2
    caps = rng.random() < 0.7

    def cap(text: str) -> str:
        return text.upper() if caps else text

    size = 7.5
    left, right = 36.0, 576.0
    title = rng.choice(
        (
            "APPLICATION AND CERTIFICATE FOR PAYMENT",
            "APPLICATION AND CERTIFICATION FOR PAYMENT",
            "CONTRACTOR'S APPLICATION FOR PAYMENT",
        )
    )
    canvas.text(left, 44, title, size=12.5, bold=True)
    canvas.text(
        right, 44, rng.choice(("PAGE ONE OF TWO PAGES", "Page 1 of 2")), size=7, align="right"
    )
    canvas.line(left, 50, right, 50, width=1)
    y0 = 64.0
    canvas.text(left, y0, cap("To Owner:"), size=size, bold=True)
    owner_addr = names.address(rng, "us")
    for offset, row in enumerate([owner, *owner_addr]):
        canvas.text(left + 52, y0 + offset * 10, row, size=size + 0.5)
    canvas.text(220, y0, cap("Project:"), size=size, bold=True)
    site = names.address(rng, "us")
    for offset, row in enumerate([project, *site]):
        canvas.text(256, y0 + offset * 10, row, size=size + 0.5)
    y1 = y0 + 46
    canvas.text(left, y1, cap("From Contractor:"), size=size, bold=True)
    vendor_addr = names.address(rng, "us")
    for offset, row in enumerate([vendor, *vendor_addr]):
        canvas.text(left + 70, y1 + offset * 10, row, size=size + 0.5)
    canvas.text(220, y1, cap("Via Architect:"), size=size, bold=True)
    canvas.text(276, y1, architect, size=size + 0.5)
    canvas.text(276, y1 + 10, names.address(rng, "us")[1], size=size + 0.5)
    y2 = y1 + 42
    canvas.text(left, y2, cap("Contract For:"), size=size, bold=True)
    canvas.text(
        left + 60,
        y2,
        rng.choice(
            ("General Construction", "Mechanical", "Electrical", "Sitework", "Interior Finishes")
        ),
        size=size + 0.5,
    )

    facts: list[tuple[str, str]] = [
        (cap("Application No:"), str(app_no)),
        (cap("Period To:"), _d(dstyle, period_to)),
    ]
    if rng.random() < 0.85:
        facts.append((cap("Application Date:"), _d(dstyle, issue)))
    facts.append((cap("Project Nos:"), f"{rng.randint(18, 25)}-{rng.randint(100, 999)}"))
    facts.append((cap("Contract Date:"), _d(dstyle, contract_date)))
    if invoice_no:
        facts.insert(rng.choice((0, 1)), (cap("Invoice No:"), invoice_no))
    if due_printed:
        facts.append((cap("Payment Due:"), _d(dstyle, dates.due)))
    _pairs(canvas, 410, 78, y0, facts, size=size, step=11)
    dist_x = 410
    canvas.text(dist_x, y0 + len(facts) * 11 + 6, cap("Distribution to:"), size=size - 1, bold=True)
    for offset, who in enumerate(("OWNER", "ARCHITECT", "CONTRACTOR", "FIELD")):
        yy = y0 + len(facts) * 11 + 16 + offset * 9
        canvas.box(dist_x, yy - 6, dist_x + 6, yy, width=0.4)
        canvas.text(dist_x + 10, yy, who, size=size - 1.5)
    top = max(y2, y0 + len(facts) * 11 + 50) + 10
    canvas.line(left, top, right, top, width=1)

    # Left half: the application.
    y = top + 14
    canvas.text(left, y, "CONTRACTOR'S APPLICATION FOR PAYMENT", size=9, bold=True)
    y = _wrap(
        canvas,
        left,
        y + 11,
        "Application is made for payment, as shown below, in connection with the Contract. "
        + rng.choice(("Continuation Sheet is attached.", "Continuation Sheet, G703, is attached.")),
        64,
        size=6.5,
    )
    amount_x = 292.0
    inner_x = 228.0
    sym = rng.random() < 0.7

    def amt(value: Decimal) -> str:
        return style.amount(value) if sym else style.number(value)

    lines = [
        ("1.", cap("Original Contract Sum"), "", amt(contract)),
        ("2.", cap("Net change by Change Orders"), "", amt(net_change)),
        ("3.", cap("Contract Sum to Date"), "(Line 1 ± 2)", amt(to_date_sum)),
        (
            "4.",
            cap("Total Completed & Stored to Date"),
            "(Column G on Continuation Sheet)",
            amt(completed),
        ),
    ]
    y += 6
    for num, label, note, value in lines:
        canvas.text(left, y, f"{num} {label}", size=size + 0.5)
        if note:
            canvas.text(left + 10, y + 8, note, size=6, color=GREY)
        canvas.text(amount_x, y, value, size=size + 0.5, align="right")
        y += 20 if note else 14
    canvas.text(left, y, f"5. {cap('Retainage')}:", size=size + 0.5)
    y += 11
    canvas.text(left + 10, y, f"a. {rate_work} % of Completed Work", size=size)
    canvas.text(inner_x, y, amt(ret_a), size=size, align="right")
    canvas.text(left + 20, y + 8, "(Columns D + E on Continuation Sheet)", size=6, color=GREY)
    y += 19
    canvas.text(left + 10, y, f"b. {rate_stored} % of Stored Material", size=size)
    canvas.text(inner_x, y, amt(ret_b), size=size, align="right")
    canvas.text(left + 20, y + 8, "(Column F on Continuation Sheet)", size=6, color=GREY)
    y += 19
    canvas.text(left + 10, y, "Total Retainage (Lines 5a + 5b, or Total in Column I)", size=size)
    canvas.text(amount_x, y, amt(retainage), size=size + 0.5, align="right")
    y += 15
    tail = [
        (
            "6.",
            cap("Total Earned Less Retainage"),
            "(Line 4 less Line 5 Total)",
            amt(earned),
            False,
        ),
        (
            "7.",
            cap("Less Previous Certificates for Payment"),
            "(Line 6 from prior Certificate)",
            amt(previous_cert),
            False,
        ),
        ("8.", cap("Current Payment Due"), "", amt(current), True),
        (
            "9.",
            cap("Balance to Finish, Including Retainage"),
            "(Line 3 less Line 6)",
            amt(balance),
            False,
        ),
    ]
    for num, label, note, value, strong in tail:
        canvas.text(left, y, f"{num} {label}", size=size + 0.5, bold=strong)
        if note:
            canvas.text(left + 10, y + 8, note, size=6, color=GREY)
        canvas.text(
            amount_x, y, value, size=size + 0.5 + (1 if strong else 0), bold=strong, align="right"
        )
        if strong:
            canvas.box(amount_x - 84, y - 10, amount_x + 3, y + 4, width=0.8)
        y += 20 if note else 15

    # Change order summary.
    y += 6
    prev_add = sum((a for _, a, now in changes if not now), Decimal(0))
    this_add = sum((a for _, a, now in changes if now), Decimal(0))
    zero = amt(Decimal(0))
    co_rows = [
        ["Total changes approved in previous months by Owner", amt(prev_add), zero],
        ["Total approved this Month", amt(this_add), zero],
        ["TOTALS", amt(net_change), zero],
        ["NET CHANGES by Change Order", amt(net_change), ""],
    ]
    draw_table(
        canvas,
        y,
        [
            Column("CHANGE ORDER SUMMARY", left + 2),
            Column("ADDITIONS", 240, "right"),
            Column("DEDUCTIONS", 296, "right"),
        ],
        co_rows,
        left=left,
        right=300,
        size=6.2,
        row_height=11,
        rules="grid",
    )

    # Right half: certification, notary, architect.
    rx = 318.0
    y = top + 14
    y = _wrap(
        canvas,
        rx,
        y,
        "The undersigned Contractor certifies that to the best of the Contractor's knowledge, "
        "information and belief the Work covered by this Application for Payment has been "
        "completed in accordance with the Contract Documents, that all amounts have been paid by "
        "the Contractor for Work for which previous Certificates for Payment were issued and "
        "payments received from the Owner, and that current payment shown herein is now due.",
        66,
        size=6.3,
    )
    y += 8
    canvas.text(rx, y, cap("Contractor:"), size=size, bold=True)
    canvas.text(rx + 52, y, vendor, size=size + 0.5)
    y += 16
    canvas.text(rx, y, "By:", size=size)
    canvas.line(rx + 16, y + 1, rx + 150, y + 1, width=0.4)
    canvas.text(
        rx + 20, y - 1, names.person(rng, "us"), size=9, fontname="tiit", color=(0.1, 0.15, 0.5)
    )
    canvas.text(rx + 160, y, "Date:", size=size)
    canvas.text(rx + 184, y, _d(dstyle, issue), size=size)
    y += 14
    state, county = rng.choice(US_STATES)
    canvas.text(rx, y, f"State of: {state}", size=size)
    canvas.text(rx + 120, y, f"County of: {county}", size=size)
    y += 11
    notary = issue + dt.timedelta(days=rng.choice((0, 0, 1, 2)))
    canvas.text(
        rx,
        y,
        f"Subscribed and sworn to before me this {_ordinal(notary.day)} day of "
        f"{notary.strftime('%B')}, {notary.year}",
        size=6.8,
    )
    y += 11
    canvas.text(rx, y, "Notary Public:", size=size)
    canvas.line(rx + 56, y + 1, rx + 200, y + 1, width=0.4)
    y += 11
    expires = issue + dt.timedelta(days=rng.randint(200, 1400))
    canvas.text(rx, y, f"My Commission expires: {_d(dstyle, expires)}", size=size)
    y += 16
    canvas.line(rx, y - 8, right, y - 8, width=0.6)
    canvas.text(rx, y, "ARCHITECT'S CERTIFICATE FOR PAYMENT", size=9, bold=True)
    y = _wrap(
        canvas,
        rx,
        y + 11,
        "In accordance with the Contract Documents, based on on-site observations and the data "
        "comprising this application, the Architect certifies to the Owner that to the best of the "
        "Architect's knowledge the Work has progressed as indicated and the Contractor is entitled "
        "to payment of the AMOUNT CERTIFIED.",
        66,
        size=6.3,
    )
    y += 6
    certified_mode = rng.random()
    canvas.text(rx, y, "AMOUNT CERTIFIED", size=size + 0.5, bold=True)
    if certified_mode < 0.45:
        canvas.text(rx + 100, y, "$", size=size + 0.5)
        canvas.line(rx + 108, y + 1, right, y + 1, width=0.4)
    else:
        certified = current
        if certified_mode > 0.8:
            certified = money(current * Decimal(str(rng.choice((0.8, 0.9, 0.95)))))
        canvas.text(
            right,
            y,
            style.amount(certified),
            size=size + 0.5,
            fontname="tiit",
            align="right",
            color=(0.1, 0.15, 0.5),
        )
    y += 10
    canvas.text(
        rx,
        y,
        "(Attach explanation if amount certified differs from the amount applied.)",
        size=5.8,
        color=GREY,
    )
    y += 14
    canvas.text(rx, y, cap("Architect:"), size=size, bold=True)
    canvas.text(rx + 50, y, architect, size=size)
    y += 14
    canvas.text(rx, y, "By:", size=size)
    canvas.line(rx + 16, y + 1, rx + 150, y + 1, width=0.4)
    canvas.text(rx + 160, y, "Date:", size=size)
    canvas.line(rx + 184, y + 1, right, y + 1, width=0.4)
    y += 14
    _wrap(
        canvas,
        rx,
        y,
        "This Certificate is not negotiable. The AMOUNT CERTIFIED is payable only to the "
        "Contractor named herein. Issuance, payment and acceptance of payment are without "
        "prejudice to any rights of the Owner or Contractor under this Contract.",
        70,
        size=5.8,
        color=GREY,
    )
    canvas.line(306, top + 4, 306, y + 24, width=0.5)

    # Page 2: continuation sheet.
    canvas.new_page()
    canvas.text(left, 44, "CONTINUATION SHEET", size=12, bold=True)
    canvas.text(
        right, 44, rng.choice(("PAGE TWO OF TWO PAGES", "Page 2 of 2")), size=7, align="right"
    )
    canvas.line(left, 50, right, 50, width=1)
    head = [
        (cap("Application No:"), str(app_no)),
        (cap("Application Date:"), _d(dstyle, issue)),
        (cap("Period To:"), _d(dstyle, period_to)),
        (cap("Architect's Project No:"), f"{rng.randint(2019, 2024)}.{rng.randint(10, 99)}"),
    ]
    _pairs(canvas, 380, 100, 64, head, size=size, step=10.5)
    _wrap(
        canvas,
        left,
        64,
        "Application and Certificate for Payment, containing Contractor's signed certification, "
        "is attached. Use Column I on Contracts where variable retainage for line items may apply.",
        70,
        size=6.3,
    )
    places = rng.choice((0, 1))
    table_rows = []
    for item, ra, rb in zip(items, ret_work, ret_stored, strict=True):
        table_rows.append(
            [
                item.number,
                item.description[:38],
                style.number(item.scheduled),
                style.number(item.previous),
                style.number(item.this_period),
                style.number(item.stored),
                style.number(item.to_date),
                f"{item.percent:.{places}f}%",
                style.number(item.scheduled - item.to_date),
                style.number(ra + rb),
            ]
        )
    sums = [
        "",
        "GRAND TOTALS",
        amt(to_date_sum),
        amt(sum((i.previous for i in items), Decimal(0))),
        amt(sum((i.this_period for i in items), Decimal(0))),
        amt(sum((i.stored for i in items), Decimal(0))),
        amt(completed),
        f"{completed / to_date_sum * 100:.0f}%",
        amt(to_date_sum - completed),
        amt(retainage),
    ]
    table_rows.append(sums)
    columns = [
        Column("A", 40),
        Column("B  Description of Work", 56),
        Column("C  Scheduled", 224, "right"),
        Column("D  Previous", 278, "right"),
        Column("E  This Period", 330, "right"),
        Column("F  Stored", 372, "right"),
        Column("G  Completed", 428, "right"),
        Column("G÷C", 456, "right"),
        Column("H  To Finish", 518, "right"),
        Column("I  Retainage", 574, "right"),
    ]
    draw_table(
        canvas,
        104,
        columns,
        table_rows,
        left=left,
        right=right,
        size=5.9,
        row_height=12,
        rules=rng.choice(("grid", "header", "zebra")),
        header_fill=LIGHT,
    )

    fields = truth_fields(
        number=invoice_no or "",
        issue=issue,
        due=dates.due if due_printed else None,
        vendor=vendor,
        total=current,
        subtotal=None,
        tax=None,
        currency="USD",
    )
    if not invoice_no:
        fields.pop("invoice_number")
    rendered = Rendered(
        fields,
        "en",
        "invoice",
        canvas.pdf(title=f"Application {app_no}"),
        style,
        dstyle,
        QuantityStyle(),
        ("$",),
    )
    return rendered


# ----------------------------------------------------------------------------- us-progress


def _us_progress(rng: random.Random) -> Rendered:
    style = _money_style(rng, "US")
    dstyle = _dates(rng, "US")
    dates = pick_dates(rng, dstyle, due_days=(30, 30, 45, 60))
    issue = dates.issue
    vendor = _us_company(rng)
    customer = _us_company(rng)
    while customer == vendor:
        customer = _us_company(rng)
    project = rng.choice(US_PROJECTS)
    accent = rng.choice(ACCENTS)
    canvas = Canvas(*LETTER, family=rng.choice(("helv", "helv", "tiro")))
    left, right = 40.0, 572.0
    billing_no = rng.randint(2, 14)
    contract = Decimal(rng.randint(50, 1800) * 500)
    count = rng.randint(4, 10)
    descriptions = sorted(rng.sample(US_SOV, count), key=US_SOV.index)
    items = _schedule(rng, contract, descriptions, min(0.85, billing_no / 16 + 0.1))
    for number in range(1, rng.choice((0, 1, 1, 2)) + 1):
        amount = Decimal(rng.randint(8, 120) * 100)
        now = amount if rng.random() < 0.5 else money(amount / 2)
        items.append(
            Item(
                str(len(items) + 1),
                f"CO {number:02d} - {rng.choice(CHANGE_ORDERS)}",
                amount,
                Decimal(0),
                now,
            )
        )
    revised = sum((item.scheduled for item in items), Decimal(0))
    this_period = sum((item.this_period for item in items), Decimal(0))
    to_date = sum((item.to_date for item in items), Decimal(0))
    rate = Decimal(rng.choice((10, 10, 5)))
    retainage = money(this_period * rate / 100)
    total = this_period - retainage
    held = money(to_date * rate / 100)

    # Letterhead.
    size = 8.5
    y = 48.0
    centred = rng.random() < 0.35
    x_head = 306.0 if centred else left
    align: Align = "center" if centred else "left"
    canvas.text(x_head, y, vendor, size=15, bold=True, color=accent, align=align)
    vendor_addr = names.address(rng, "us")
    contact = [
        *vendor_addr,
        f"Tel {names.phone(rng, 'US')}",
        rng.choice(
            (
                f"Contractor License No. {rng.randint(100000, 999999)}",
                f"Lic. #{names.digits(rng, 7)}",
                f"TX Master Plumber M-{names.digits(rng, 5)}",
            )
        ),
    ]
    for offset, row in enumerate(contact):
        canvas.text(x_head, y + 13 + offset * 10, row, size=7.5, color=GREY, align=align)
    title = rng.choice(("PROGRESS INVOICE", "INVOICE", "Progress Billing Invoice"))
    ty = y + 13 + len(contact) * 10 + 16 if centred else y
    canvas.text(right, ty, title, size=16 if centred else 18, bold=True, align="right")
    meta: list[tuple[str, str]] = [
        (rng.choice(("Invoice #", "Invoice No.", "Invoice Number")), _invoice_no(rng, issue.year)),
        (rng.choice(("Date", "Invoice Date")), _d(dstyle, issue)),
    ]
    invoice_no = meta[0][1]
    due_printed = rng.random() < 0.7
    terms = rng.choice(("Net 30", "Net 30", "Net 45", "Due on receipt of payment from Owner"))
    if due_printed:
        meta.append(("Due Date", _d(dstyle, dates.due)))
    meta.append(("Terms", terms))
    meta.append(
        (
            rng.choice(("Job #", "Job No.", "Our Job")),
            f"{rng.randint(20, 25)}{rng.randint(100, 999)}",
        )
    )
    meta.append(
        (
            rng.choice(("PO #", "Subcontract #", "Your PO")),
            f"SC-{issue.year}-{rng.randint(1, 250):03d}",
        )
    )
    meta.append((rng.choice(("Billing #", "Pay App #", "Application #")), str(billing_no)))
    meta.append(("Period ending", _d(dstyle, _previous_month_end(issue))))
    my = ty + 16
    for label, value in meta:
        canvas.text(right - 170, my, label, size=size, bold=True)
        canvas.text(right, my, value, size=size, align="right")
        my += 12
    by = max(my, y + 13 + len(contact) * 10) + 14
    canvas.text(left, by, "Bill To", size=size, bold=True, color=accent)
    customer_addr = names.address(rng, "us")
    for offset, row in enumerate(
        [customer, f"Attn: Accounts Payable - {names.person(rng, 'us')}", *customer_addr]
    ):
        canvas.text(left, by + 12 + offset * 10.5, row, size=size)
    canvas.text(320, by, "Project", size=size, bold=True, color=accent)
    for offset, row in enumerate([project, *names.address(rng, "us")]):
        canvas.text(320, by + 12 + offset * 10.5, row, size=size)

    # Schedule of values.
    y = by + 70
    rows = []
    for item in items:
        rows.append(
            [
                item.description[:34],
                style.number(item.scheduled),
                style.number(item.previous),
                f"{item.percent:.0f}%",
                style.number(item.to_date),
                style.number(item.this_period),
            ]
        )
    columns = [
        Column("Description", left + 4),
        Column("Scheduled Value", 270, "right"),
        Column("Prev. Billed", 340, "right"),
        Column("% Compl.", 392, "right"),
        Column("Billed to Date", 470, "right"),
        Column(rng.choice(("This Period", "Current Billing", "This Invoice")), right - 4, "right"),
    ]
    y = draw_table(
        canvas,
        y,
        columns,
        rows,
        left=left,
        right=right,
        size=7.8,
        row_height=14,
        rules=rng.choice(("grid", "header", "zebra")),
        header_fill=LIGHT if rng.random() < 0.6 else None,
    )
    less_mode = rng.choice(("parens", "minus", "plain"))
    sums = [
        (
            rng.choice(("Total this period", "Subtotal", "Gross amount this period")),
            style.amount(this_period),
        ),
        (f"Less retainage ({rate}%)", _less(style, retainage, less_mode)),
    ]
    total_label = rng.choice(
        ("Amount due this invoice", "Total due", "Net amount due", "TOTAL DUE")
    )
    sums.append((total_label, style.amount(total)))
    yt = _rows(
        canvas,
        360,
        right - 4,
        y + 14,
        sums,
        size=size + 0.5,
        step=14,
        bold=(total_label,),
        rule_before=(total_label,),
    )
    if rng.random() < 0.3:
        past = money(Decimal(rng.randint(2000, 60000)) + Decimal(rng.randint(0, 99)) / 100)
        yt = _rows(
            canvas,
            360,
            right - 4,
            yt + 8,
            [
                ("Past due balance", style.amount(past)),
                ("Total account balance", style.amount(past + total)),
            ],
            size=size - 0.5,
            step=12,
        )

    # Contract summary box.
    sy = y + 14
    canvas.text(left, sy, "Contract Summary", size=size, bold=True, color=accent)
    summary = [
        ("Original contract", style.amount(contract)),
        ("Approved change orders", style.amount(revised - contract)),
        ("Revised contract", style.amount(revised)),
        ("Completed to date", style.amount(to_date)),
        (f"Retainage held to date ({rate}%)", style.amount(held)),
        ("Balance to finish", style.amount(revised - to_date)),
    ]
    sy = _rows(canvas, left, 300, sy + 14, summary, size=size - 0.5, step=12)
    canvas.box(left - 4, y + 4, 304, sy - 6, width=0.5, stroke=GREY)
    y = max(sy, yt) + 20
    notes = [
        f"Please reference invoice {invoice_no} with your payment. "
        f"Make checks payable to {vendor}.",
        "Retainage will be invoiced separately upon substantial completion.",
        f"Lien waivers (conditional, progress) enclosed for the period. Terms: {terms}.",
    ]
    for offset, text in enumerate(notes):
        canvas.text(left, y + offset * 11, text, size=7, color=GREY)
    canvas.text(306, 750, "Thank you for your business!", size=8, align="center")

    fields = truth_fields(
        number=invoice_no,
        issue=issue,
        due=dates.due if due_printed else None,
        vendor=vendor,
        total=total,
        subtotal=None,
        tax=None,
        currency="USD",
    )
    return Rendered(
        fields,
        "en",
        "invoice",
        canvas.pdf(title=f"Invoice {invoice_no}"),
        style,
        dstyle,
        QuantityStyle(),
        ("$",),
    )


# ----------------------------------------------------------------------------- uk-valuation


def _uk_valuation(rng: random.Random) -> Rendered:
    style = MoneyStyle(",", ".", "£", symbol_space=False)
    dstyle = _dates(rng, "GB")
    dates = pick_dates(rng, dstyle, due_days=(14, 21, 28, 30))
    issue = dates.issue
    vendor = _gb_company(rng)
    contractor = _gb_company(rng)
    while contractor == vendor:
        contractor = _gb_company(rng)
    project = rng.choice(GB_PROJECTS)
    accent = rng.choice(ACCENTS)
    canvas = Canvas(*A4, family=rng.choice(("helv", "helv", "tiro")))
    left, right = 42.0, 553.0
    app_no = rng.randint(2, 18)
    invoice_style = rng.random() < 0.4

    # The valuation.
    contract = Decimal(rng.randint(40, 1500) * 1000) + Decimal(rng.choice((0, 0, 250, 480, 750)))
    sections = sorted(rng.sample(GB_SECTIONS, rng.randint(4, 8)), key=GB_SECTIONS.index)
    values = _split(rng, contract, len(sections), rng.choice((10, 50, 100)))
    progress = min(0.92, app_no / 20 + rng.uniform(0.1, 0.35))
    rows: list[tuple[str, str, Decimal | None, str, Decimal]] = []  # ref, text, value, pct, to date
    for index, (text, value) in enumerate(zip(sections, values, strict=True)):
        pct = min(100, max(0, round(rng.gauss(progress, 0.25) * 100 / 5) * 5))
        if index == 0:
            pct = min(100, max(pct, 60))
        rows.append((f"{index + 1}", text, value, f"{pct}%", money(value * pct / 100)))
    for number in range(1, rng.choice((0, 1, 2, 3)) + 1):
        vo = money(Decimal(rng.randint(300, 18000)) + Decimal(rng.randint(0, 99)) / 100)
        text = rng.choice(
            (
                "Additional sockets to kitchens",
                "Revised drainage layout",
                "Extra over for engineering bricks",
                "Omit and replace fire doors",
                "Out-of-sequence working",
                "Additional steel lintels",
            )
        )
        rows.append((f"VO {number:02d}", text, vo, "100%", vo))
    if rng.random() < 0.35:
        dw = money(Decimal(rng.randint(200, 4000)) + Decimal(rng.choice((0, 50))))
        rows.append((f"DW {rng.randint(1, 30):03d}", "Dayworks (sheets attached)", None, "", dw))
    if rng.random() < 0.3:
        mos = money(Decimal(rng.randint(800, 12000)))
        rows.append(("MOS", "Materials on site (schedule attached)", None, "", mos))
    gross = sum((row[4] for row in rows), Decimal(0))
    rate = rng.choice((Decimal(3), Decimal(5), Decimal(3), Decimal("2.5"), Decimal("1.5")))
    retention = money(gross * rate / 100)
    net_valuation = gross - retention
    previous_gross = money(gross * Decimal(str(rng.uniform(0.55, 0.9))))
    previous = previous_gross - money(previous_gross * rate / 100)
    net_due = net_valuation - previous

    vat_mode = choose(rng, [(4, "standard"), (2.5, "drc_zero"), (2, "drc_text"), (1.5, "drc_info")])
    drc = vat_mode != "standard"
    vat = money(net_due * Decimal("0.2")) if vat_mode == "standard" else Decimal(0)
    total = net_due + vat
    total_row = vat_mode in ("standard", "drc_zero") or rng.random() < 0.5
    cis = rng.random() < (0.75 if drc else 0.25)
    cis_rate = Decimal(30) if rng.random() < 0.15 else Decimal(20)
    labour = money(net_due * Decimal(str(rng.uniform(0.35, 0.85))))
    cis_amount = money(labour * cis_rate / 100)

    # Letterhead.
    size = 8.5
    canvas.box(0, 0, A4[0], 8, stroke=None, fill=accent)
    canvas.text(left, 46, vendor, size=16, bold=True, color=accent)
    addr = names.address(rng, "en")
    contact = [
        ", ".join(addr),
        f"Tel {names.phone(rng, 'GB')}  accounts@{vendor.split()[0].lower()}.co.uk",
    ]
    for offset, row in enumerate(contact):
        canvas.text(left, 60 + offset * 10, row, size=7.5, color=GREY)
    if invoice_style:
        title = rng.choice(("INVOICE", "TAX INVOICE", "INTERIM INVOICE"))
    else:
        title = rng.choice(
            (
                f"INTERIM APPLICATION FOR PAYMENT No. {app_no}",
                "APPLICATION FOR PAYMENT",
                f"VALUATION No. {app_no}",
                f"Interim Application No. {app_no}",
            )
        )
    canvas.text(right, 46, title, size=13 if len(title) > 14 else 18, bold=True, align="right")

    # To and facts.
    y = 104.0
    canvas.text(left, y, rng.choice(("To:", "Main Contractor:", "Client:")), size=size, bold=True)
    for offset, row in enumerate([contractor, *names.address(rng, "en")]):
        canvas.text(left, y + 12 + offset * 10.5, row, size=size)
    facts: list[tuple[str, str]] = []
    invoice_no = None
    if invoice_style:
        invoice_no = _invoice_no(rng, issue.year)
        facts.append((rng.choice(("Invoice No:", "Invoice number:")), invoice_no))
        facts.append(
            (rng.choice(("Invoice date:", "Date / tax point:", "Date:")), _d(dstyle, issue))
        )
        facts.append(("Application No:", str(app_no)))
    else:
        if "No." not in title:
            facts.append((rng.choice(("Application No:", "Application ref:")), f"{app_no}"))
        facts.append(
            (rng.choice(("Application date:", "Date of application:", "Date:")), _d(dstyle, issue))
        )
    valuation_date = (
        _previous_month_end(issue)
        if rng.random() < 0.5
        else issue - dt.timedelta(days=rng.randint(2, 9))
    )
    facts.append(
        (
            rng.choice(("Valuation date:", "Period ending:", "Works valued to:")),
            _d(dstyle, valuation_date),
        )
    )
    facts.append(
        (
            rng.choice(("Sub-contract order:", "Order No:", "Your ref:")),
            f"{rng.choice(('SC', 'PO', 'ORD'))}-{rng.randint(1000, 9999)}",
        )
    )
    facts.append(("Our job no:", f"J{rng.randint(1000, 4999)}"))
    due_printed = rng.random() < 0.6
    final_printed = rng.random() < 0.5
    final = dates.due + dt.timedelta(days=rng.choice((14, 17, 21, 28)))
    if due_printed:
        facts.append((rng.choice(("Due date:", "Payment due date:")), _d(dstyle, dates.due)))
    if final_printed:
        facts.append(("Final date for payment:", _d(dstyle, final)))
    fy = _pairs(canvas, 330, 100, y, facts, size=size, step=12)
    y = max(fy, y + 60) + 8
    canvas.text(left, y, "Project:", size=size, bold=True)
    canvas.text(left + 48, y, project, size=size)
    y += 12
    if invoice_style:
        canvas.text(
            left,
            y,
            f"Re: Interim valuation No. {app_no} - works to {_d(dstyle, valuation_date)}",
            size=size,
        )
        y += 12

    # Breakdown.
    table = [
        [ref, text, style.number(value) if value is not None else "", pct, style.number(to_date)]
        for ref, text, value, pct, to_date in rows
    ]
    y = draw_table(
        canvas,
        y + 6,
        [
            Column("Ref", left + 3),
            Column("Description", left + 42),
            Column(rng.choice(("Contract value", "Sub-contract sum", "Budget")), 360, "right"),
            Column("% complete", 420, "right"),
            Column(
                rng.choice(("Value to date", "Valued to date", "Gross to date")), right - 3, "right"
            ),
        ],
        table,
        left=left,
        right=right,
        size=7.8,
        row_height=13.5,
        rules=rng.choice(("grid", "header", "zebra")),
        header_fill=LIGHT if rng.random() < 0.5 else None,
    )

    # Summary.
    less_mode = rng.choice(("parens", "minus", "plain"))
    summary = [
        (
            rng.choice(
                ("Gross valuation to date", "Gross valuation", "Total value of works to date")
            ),
            style.amount(gross),
        ),
        (f"Less retention @ {rate}%", _less(style, retention, less_mode)),
    ]
    if rng.random() < 0.7:
        summary.append(("Net valuation", style.amount(net_valuation)))
    summary.append(
        (
            rng.choice(
                (
                    "Less previous payments",
                    "Less amount previously certified",
                    f"Less previous applications (1-{app_no - 1})",
                )
            ),
            _less(style, previous, less_mode),
        )
    )
    net_label = rng.choice(
        (
            "Net amount due this application",
            "Amount due this application (excl VAT)",
            "Net due this valuation",
            "Sub-total (excl. VAT)",
        )
    )
    summary.append((net_label, style.amount(net_due)))
    if vat_mode == "standard":
        summary.append(("VAT @ 20%", style.amount(vat)))
    elif vat_mode == "drc_zero":
        summary.append(
            (
                rng.choice(("VAT @ 0% (reverse charge)", "VAT - domestic reverse charge")),
                style.amount(vat),
            )
        )
    elif vat_mode == "drc_text":
        summary.append(("VAT", "Reverse charge"))
    total_label = rng.choice(
        (
            "Total due this application",
            "Total due this application inc VAT" if not drc else "Total due this application",
            "Invoice total",
            "TOTAL",
        )
    )
    if total_row:
        summary.append((total_label, style.amount(total)))
    bold_rows = (total_label,) if total_row else (net_label,)
    y = _rows(
        canvas,
        300,
        right - 3,
        y + 14,
        summary,
        size=size + 0.5,
        step=14,
        bold=bold_rows,
        rule_before=bold_rows,
    )
    if cis:
        y += 4
        canvas.text(
            300,
            y,
            f"Labour element {style.amount(labour)}   Materials {style.amount(net_due - labour)}",
            size=7.5,
            color=GREY,
        )
        y = _rows(
            canvas,
            300,
            right - 3,
            y + 14,
            [
                (
                    f"Less CIS deduction @ {cis_rate}% on labour",
                    _less(style, cis_amount, less_mode),
                ),
                (
                    rng.choice(("Amount payable", "Net payment due after CIS", "Amount to pay")),
                    style.amount(total - cis_amount),
                ),
            ],
            size=size + 0.5,
            step=14,
        )

    # Retention held and notes.
    held = money(gross * rate / 100)
    ny = y + 14
    if rng.random() < 0.6:
        canvas.text(left, ny, f"Retention held to date: {style.amount(held)} ({rate}%)", size=7.5)
        ny += 11
    notes = []
    if drc:
        notes.append(
            rng.choice(
                (
                    "Reverse charge: Customer to account to HMRC for the reverse charge.",
                    "Domestic reverse charge applies. Customer to pay the VAT to HMRC.",
                    "Customer to account to HMRC for the reverse charge (VAT Act 1994 s55A).",
                )
            )
        )
        if vat_mode == "drc_info":
            notes.append(
                f"Reverse charge VAT @ 20%: {style.amount(money(net_due * Decimal('0.2')))}"
            )
    elif not invoice_style and rng.random() < 0.5:
        notes.append(
            "This application is not a VAT invoice. "
            "A VAT invoice will be issued on receipt of payment."
        )
    if cis:
        notes.append(
            f"CIS: UTR {names.digits(rng, 5)} {names.digits(rng, 5)}. "
            f"Verification no. V{names.digits(rng, 10)}."
        )
    notes.append(
        "Application made under the Housing Grants, Construction and Regeneration Act 1996 "
        "(as amended)."
    )
    for text in notes:
        canvas.text(
            left, ny, text, size=7.5, bold=text.startswith(("Reverse", "Domestic", "Customer"))
        )
        ny += 11
    ny += 8
    canvas.text(left, ny, "Payment by BACS to:", size=7.5, bold=True)
    canvas.text(
        left,
        ny + 11,
        f"{rng.choice(('Barclays', 'NatWest', 'Lloyds', 'HSBC'))}  Sort code {_sort_code(rng)}  "
        f"Account {names.digits(rng, 8)}",
        size=7.5,
    )
    footer = (
        f"{vendor}  Registered in England No. {names.digits(rng, 8)}  "
        f"VAT Reg. No. {names.vat_id(rng, 'GB')}"
    )
    canvas.text(297, 812, footer, size=6.5, color=GREY, align="center")

    fields = truth_fields(
        number=invoice_no or "",
        issue=issue,
        due=dates.due if due_printed else None,
        vendor=vendor,
        total=total,
        subtotal=net_due if total_row else None,
        tax=vat if vat_mode in ("standard", "drc_zero") else None,
        currency="GBP",
    )
    if not invoice_no:
        fields.pop("invoice_number")
    return Rendered(
        fields, "en", "invoice", canvas.pdf(title=title), style, dstyle, QuantityStyle(), ("£",)
    )


# ----------------------------------------------------------------------------- au-claim


def _au_claim(rng: random.Random) -> Rendered:
    style = MoneyStyle(",", ".", "$", symbol_space=False)
    dstyle = _dates(rng, "AU")
    dates = pick_dates(rng, dstyle, due_days=(10, 15, 20, 21, 28))
    issue = dates.issue
    vendor = _au_company(rng)
    builder = _au_company(rng)
    while builder == vendor:
        builder = _au_company(rng)
    state = rng.choice(tuple(SOPA))
    project = rng.choice(AU_PROJECTS)
    accent = rng.choice(ACCENTS)
    canvas = Canvas(*A4, family=rng.choice(("helv", "helv", "tiro")))
    left, right = 40.0, 555.0
    claim_no = rng.randint(2, 15)

    contract = Decimal(rng.randint(30, 2400) * 1000) + Decimal(rng.choice((0, 0, 500, 650)))
    descriptions = sorted(rng.sample(AU_ITEMS, rng.randint(5, 9)), key=AU_ITEMS.index)
    items = _schedule(rng, contract, descriptions, min(0.85, claim_no / 16 + 0.15))
    variations: list[Item] = []
    for number in range(1, rng.choice((0, 1, 2, 3)) + 1):
        value = money(Decimal(rng.randint(400, 25000)))
        text = rng.choice(
            (
                "Extra set-downs",
                "Additional stormwater pit",
                "Upgrade tapware",
                "Latent conditions - rock",
                "Extra power points",
            )
        )
        done = value if rng.random() < 0.6 else money(value / 2)
        prev = Decimal(0) if rng.random() < 0.6 else done
        variations.append(Item(f"V{number:02d}", text, value, prev, done - prev))
    every = items + variations
    completed = sum((item.to_date for item in every), Decimal(0))
    previous = sum((item.previous for item in every), Decimal(0))
    this_claim = completed - previous
    rate = Decimal(rng.choice((5, 5, 10)))
    cap = money(contract * 5 / 100)
    held_before = min(cap, money(previous * rate / 100))
    retention = min(money(this_claim * rate / 100), cap - held_before)
    net = this_claim - retention
    gst = money(net / 10)
    total = net + gst
    revised = contract + sum((v.scheduled for v in variations), Decimal(0))

    size = 8.5
    canvas.text(left, 48, vendor, size=15, bold=True, color=accent)
    addr = _address(rng, "AU", state)
    licence = {
        "NSW": f"Contractor Licence No. {names.digits(rng, 6)}C",
        "VIC": f"Registered Building Practitioner DB-U {names.digits(rng, 5)}",
        "QLD": f"QBCC Licence No. {names.digits(rng, 7)}",
        "SA": f"Building Work Contractors Licence BLD {names.digits(rng, 6)}",
    }[state]
    for offset, row in enumerate(
        [", ".join(addr), f"ABN {_abn(rng)}", licence, f"Ph {_phone(rng, 'AU')}"]
    ):
        canvas.text(left, 61 + offset * 10, row, size=7.5, color=GREY)
    canvas.text(right, 48, "TAX INVOICE", size=18, bold=True, align="right")
    canvas.text(
        right,
        64,
        rng.choice(
            (f"PAYMENT CLAIM No. {claim_no}", f"Progress Claim {claim_no}", "Payment Claim")
        ),
        size=11,
        bold=True,
        align="right",
        color=accent,
    )

    y = 118.0
    canvas.text(
        left, y, rng.choice(("To:", "Head contractor:", "Respondent:")), size=size, bold=True
    )
    for offset, row in enumerate([builder, *_address(rng, "AU")]):
        canvas.text(left, y + 12 + offset * 10.5, row, size=size)
    facts: list[tuple[str, str]] = []
    invoice_no = _invoice_no(rng, issue.year) if rng.random() < 0.6 else None
    if invoice_no:
        facts.append(
            (rng.choice(("Invoice No:", "Invoice number:", "Tax invoice no:")), invoice_no)
        )
    facts.append(("Claim No:", str(claim_no)))
    facts.append(
        (rng.choice(("Claim date:", "Date of claim:", "Invoice date:", "Date:")), _d(dstyle, issue))
    )
    reference = _previous_month_end(issue)
    facts.append(
        (rng.choice(("Reference date:", "Claim period to:", "Works to:")), _d(dstyle, reference))
    )
    due_printed = rng.random() < 0.6
    if due_printed:
        facts.append((rng.choice(("Payment due by:", "Due date:", "Due:")), _d(dstyle, dates.due)))
    else:
        facts.append(
            ("Terms:", rng.choice(("15 business days", "20 business days", "Per subcontract")))
        )
    facts.append(
        (
            rng.choice(("Subcontract No:", "Order No:", "Contract ref:")),
            f"{rng.choice(('SC', 'PO'))}{rng.randint(1000, 9999)}",
        )
    )
    fy = _pairs(canvas, 330, 92, y, facts, size=size, step=12)
    y = max(fy, y + 58) + 6
    canvas.text(left, y, f"Project: {project}", size=size, bold=True)
    y += 12
    canvas.text(
        left,
        y,
        f"This is a payment claim made under the {SOPA[state]}.",
        size=7.5,
        bold=rng.random() < 0.5,
    )

    def table_rows(group: list[Item]) -> list[list[str]]:
        return [
            [
                item.number,
                item.description[:32],
                style.number(item.scheduled),
                f"{item.percent:.0f}%",
                style.number(item.to_date),
                style.number(item.previous),
                style.number(item.this_period),
            ]
            for item in group
        ]

    columns = [
        Column("Item", left + 3),
        Column("Description", left + 30),
        Column("Contract value", 302, "right"),
        Column("%", 334, "right"),
        Column("Completed to date", 410, "right"),
        Column("Prev. claimed", 478, "right"),
        Column("This claim", right - 3, "right"),
    ]
    rules: Rules = rng.choice(("grid", "header", "zebra"))
    y = draw_table(
        canvas,
        y + 10,
        columns,
        table_rows(items),
        left=left,
        right=right,
        size=7.6,
        row_height=13,
        rules=rules,
        header_fill=LIGHT,
    )
    if variations:
        canvas.text(left, y + 10, "Approved variations", size=size, bold=True)
        y = draw_table(
            canvas,
            y + 14,
            columns,
            table_rows(variations),
            left=left,
            right=right,
            size=7.6,
            row_height=13,
            rules=rules,
        )

    less_mode = rng.choice(("parens", "minus", "plain"))
    summary = [
        ("Contract sum", style.amount(contract)),
        ("Approved variations", style.amount(revised - contract)),
        ("Revised contract sum", style.amount(revised)),
        ("Value of work completed to date", style.amount(completed)),
        ("Less previously claimed", _less(style, previous, less_mode)),
        ("Claimed this period (excl GST)", style.amount(this_claim)),
    ]
    if retention > 0:
        summary.append((f"Less retention {rate}%", _less(style, retention, less_mode)))
    else:
        summary.append(("Retention (limit reached)", style.amount(Decimal(0))))
    net_label = rng.choice(("Net claim (excl GST)", "Subtotal excl GST", "Amount claimed ex GST"))
    summary.append((net_label, style.amount(net)))
    summary.append(("GST 10%", style.amount(gst)))
    total_label = rng.choice(
        (
            "Total this claim (incl GST)",
            "Amount claimed this period inc GST",
            "TOTAL CLAIMED INC GST",
        )
    )
    summary.append((total_label, style.amount(total)))
    y = _rows(
        canvas,
        290,
        right - 3,
        y + 16,
        summary,
        size=size + 0.5,
        step=13.5,
        bold=(total_label,),
        rule_before=(net_label, total_label),
    )
    held = held_before + retention
    side = y - 13.5 * len(summary)
    canvas.text(left, side, f"Retention held to date: {style.amount(held)}", size=7.5)
    canvas.text(
        left, side + 11, f"Retention limit (5% of contract sum): {style.amount(cap)}", size=7.5
    )
    y += 14
    canvas.text(left, y, "Payment details", size=size, bold=True, color=accent)
    bank = f"BSB {_bsb(rng)}  Account {names.digits(rng, 4)} {names.digits(rng, 4)}"
    canvas.text(left, y + 12, f"{vendor}  {bank}", size=7.5)
    canvas.text(
        left,
        y + 23,
        f"Please quote claim {claim_no}"
        + (f" / invoice {invoice_no}" if invoice_no else "")
        + " as the reference.",
        size=7.5,
    )
    canvas.text(
        297,
        812,
        "Prices include GST where shown. Retention is held in accordance with the subcontract.",
        size=6.5,
        color=GREY,
        align="center",
    )

    fields = truth_fields(
        number=invoice_no or "",
        issue=issue,
        due=dates.due if due_printed else None,
        vendor=vendor,
        total=total,
        subtotal=net,
        tax=gst,
        currency="AUD",
    )
    if not invoice_no:
        fields.pop("invoice_number")
    return Rendered(
        fields,
        "en",
        "invoice",
        canvas.pdf(title=f"Payment claim {claim_no}"),
        style,
        dstyle,
        QuantityStyle(),
        ("$",),
    )


# ----------------------------------------------------------------------------- trades

MATERIALS = {
    "plumber": [
        ("15mm copper pipe (3 m length)", 9, 22),
        ("15mm compression elbow", 2, 6),
        ("Isolation valve 15mm", 3, 9),
        ("Flexible tap connector", 4, 12),
        ("Basin mixer tap", 45, 160),
        ("Thermostatic radiator valve (pair)", 18, 45),
        ("Central heating inhibitor 1L", 14, 28),
        ("40mm bottle trap", 5, 14),
        ("Silicone sealant", 5, 11),
        ("Expansion vessel 8L", 28, 65),
        ("Pressure relief valve", 22, 55),
        ("Fill valve (toilet cistern)", 12, 30),
    ],
    "electrician": [
        ("Double socket 13A, white", 4, 12),
        ("Consumer unit 10-way with RCBOs", 180, 420),
        ("2.5mm twin & earth cable (per m)", 1, 3),
        ("LED downlight, fire rated", 9, 26),
        ("Smoke alarm, mains interlinked", 24, 55),
        ("RCBO 32A Type A", 22, 48),
        ("Outdoor socket IP66", 18, 40),
        ("Cable clips (box of 100)", 3, 8),
        ("Light switch 2-gang", 4, 11),
        ("Extractor fan 100mm with timer", 35, 85),
    ],
    "heating": [
        ("Diverter valve", 55, 140),
        ("Boiler PCB (genuine part)", 160, 320),
        ("Flue gas analyser test", 25, 45),
        ("Pump head 6m", 85, 190),
        ("Magnetic system filter 22mm", 75, 160),
        ("Gas fittings and sundries", 8, 35),
        ("Condensate pipe 21.5mm (3 m)", 6, 14),
    ],
}
US_MATERIALS = {
    "plumber": [
        ("Water heater 50 gal gas", 650, 1250),
        ('1/2" PEX tubing (100 ft)', 38, 70),
        ('Shut-off valve 1/2"', 9, 24),
        ("Wax ring w/ flange", 6, 14),
        ("Garbage disposal 3/4 HP", 140, 260),
        ('P-trap assembly 1-1/2"', 11, 24),
        ("Toilet fill valve", 12, 28),
    ],
    "electrician": [
        ("GFCI receptacle 20A", 18, 32),
        ("12/2 NM-B cable (per ft)", 1, 2),
        ("20A single-pole breaker", 12, 28),
        ("Smoke/CO combo detector", 35, 60),
        ("LED wafer light 6in", 14, 30),
        ("Weatherproof in-use cover", 9, 22),
    ],
}
WORK = {
    "plumber": [
        "Attended to leak under kitchen sink, replaced trap and isolation valves.",
        "Replaced basin mixer tap in bathroom and resealed basin.",
        "Repaired overflowing toilet cistern, new fill valve fitted.",
        "Hot water cylinder fault - replaced pressure relief valve and tested.",
    ],
    "electrician": [
        "Replaced consumer unit, tested and certified installation.",
        "Installed additional double sockets to kitchen and lounge.",
        "Fault finding on tripping RCD, replaced faulty outdoor socket.",
        "Fitted LED downlights and interlinked smoke alarms.",
    ],
    "heating": [
        "Boiler breakdown - no hot water. Diagnosed and replaced diverter valve.",
        "Annual boiler service and safety check, flue gas analysis.",
        "Power flushed system, fitted magnetic filter and inhibitor.",
    ],
}
TRADE_NAMES = {
    "plumber": ("Plumbing", "Plumbing & Heating", "Plumbing Services"),
    "electrician": ("Electrical", "Electrical Services", "Electrics"),
    "heating": ("Heating", "Gas & Heating", "Boiler Services"),
}


def _trader(rng: random.Random, country: Country, trade: str) -> str:
    word = rng.choice(TRADE_NAMES[trade])
    if country == "US":
        word = {"Electrics": "Electric", "Boiler Services": "Heating & Air"}.get(word, word)
        surname = names.surname(rng, "us")
        return rng.choice(
            (
                f"{surname} {word} LLC",
                f"{surname} & Sons {word}",
                f"{rng.choice(US_PLACES)} {word} Inc.",
            )
        )
    if country == "AU":
        surname = rng.choice(AU_SURNAMES)
        return rng.choice(
            (
                f"{surname} {word} Pty Ltd",
                f"{surname} {word}",
                f"{rng.choice(AU_PLACES.split('|'))} {word}",
            )
        )
    surname = names.surname(rng, "en")
    first = rng.choice(names.FIRST["en"].split())
    return rng.choice(
        (
            f"{surname} {word} Ltd",
            f"{first[0]}. {surname} {word}",
            f"{rng.choice(GB_PLACES)} {word}",
            f"{first} {surname} {word}",
        )
    )


def _trade_lines(rng: random.Random, country: Country, trade: str) -> tuple[list[Line], list[bool]]:
    """The lines and whether each is materials (US sales tax falls on materials only)."""
    lines: list[Line] = []
    materials: list[bool] = []
    rate_range = {"US": (75, 145), "GB": (40, 75), "AU": (85, 130)}[country]
    if rng.random() < 0.65:
        label = {
            "US": ("Service call", "Trip charge"),
            "GB": ("Call-out fee", "Call out charge"),
            "AU": ("Call out fee", "Service call fee"),
        }[country]
        lines.append(
            Line(
                rng.choice(label),
                Decimal(1),
                Decimal(rng.choice((45, 60, 65, 75, 85, 95, 99, 120))),
            )
        )
        materials.append(False)
    hours = Decimal(rng.randint(1, 16)) / 2
    labour = rng.choice(
        ("Labor", "Labor - journeyman", "Labor (hrs)")
        if country == "US"
        else ("Labour", "Labour (hours)", "Labour - engineer", "Labour - 2 men")
    )
    lines.append(
        Line(
            labour,
            hours,
            Decimal(rng.randint(*rate_range)) + rng.choice((Decimal(0), Decimal("0.50"))),
            "hrs",
        )
    )
    materials.append(False)
    pool = US_MATERIALS[trade] if country == "US" else MATERIALS[trade]
    for text, low, high in rng.sample(pool, rng.randint(1, min(5, len(pool)))):
        qty = Decimal(
            rng.choice((1, 1, 1, 2, 2, 3, 4, 6, 10, 25))
            if "per" in text
            else rng.choice((1, 1, 1, 2, 2, 4))
        )
        unit = Decimal(str(round(rng.uniform(low, high), 2)))
        if rng.random() < 0.4:
            unit = Decimal(int(unit)) + Decimal("0.99") if unit > 5 else unit
        lines.append(Line(text, qty, unit))
        materials.append(True)
    if rng.random() < 0.2:
        lines.append(
            Line("Disposal of old materials", Decimal(1), Decimal(rng.choice((15, 20, 25, 35))))
        )
        materials.append(False)
    return lines, materials


def _trades(rng: random.Random) -> Rendered:
    country: Country = choose(rng, [(4, "GB"), (3, "US"), (2.5, "AU")])
    trade = rng.choice(
        ("plumber", "plumber", "electrician", "heating" if country == "GB" else "plumber")
    )
    layout = choose(rng, [(4, "software"), (3.5, "letterhead"), (2.5, "book")])
    vendor = _trader(rng, country, trade)
    lines, is_material = _trade_lines(rng, country, trade)
    registered = rng.random() < {"GB": 0.55, "AU": 0.75, "US": 0.6}[country]
    if country == "US":
        tax_rate = Decimal(rng.choice(("6.25", "7", "8.25", "6.5", "8.875", "5.5")))
        rates = [tax_rate if mat and registered else Decimal(0) for mat in is_material]
    else:
        tax_rate = Decimal(20 if country == "GB" else 10)
        rates = [tax_rate if registered else Decimal(0) for _ in lines]
    _, subtotal, tax, total = net_totals(lines, rates)
    hand = layout == "book"
    symbol = SYMBOL[country]
    style = MoneyStyle("" if hand and rng.random() < 0.6 else ",", ".", symbol, symbol_space=False)
    if hand:
        pattern = {"US": "{m}/{d}/{yy}", "GB": "{d}/{m}/{yy}", "AU": "{d}/{m}/{yy}"}[country]
        dstyle = DateStyle(rng.choice((pattern, DATE_STYLES[country][0])))
    else:
        dstyle = _dates(rng, country)
    dates = pick_dates(rng, dstyle, due_days=(7, 14, 14, 30))
    issue = dates.issue
    work_date = issue - dt.timedelta(days=rng.randint(1, 10))
    customer = names.person(rng, "us" if country == "US" else "en")
    site = _address(rng, country)
    deposit = (
        money(total * Decimal(rng.choice(("0.2", "0.25", "0.3")))) if rng.random() < 0.15 else None
    )
    subtotal_printed = registered or rng.random() < 0.35
    due_printed = not hand and rng.random() < 0.55
    number = (
        f"{rng.randint(1, 2999):04d}"
        if hand
        else rng.choice(
            (
                f"{rng.randint(100, 9999)}",
                f"INV-{rng.randint(1000, 9999)}",
                f"{issue.year}-{rng.randint(10, 480):03d}",
            )
        )
    )
    tax_label = {
        "GB": "VAT @ 20%",
        "AU": "GST 10%",
        "US": f"Sales tax {tax_rate}% (materials)",
    }[country]
    regs = {
        "GB": (
            f"Gas Safe Reg. No. {names.digits(rng, 6)}"
            if trade != "electrician"
            else f"NICEIC Approved Contractor No. {names.digits(rng, 6)}"
        ),
        "AU": f"ABN {_abn(rng)}  Lic. No. {names.digits(rng, 6)}",
        "US": f"License #{rng.choice(('M', 'E', 'PL'))}{names.digits(rng, 6)}",
    }[country]
    vat_no = f"VAT Reg. No. {names.vat_id(rng, 'GB')}" if country == "GB" and registered else ""
    unregistered_note = {
        "GB": "Not VAT registered.",
        "AU": "Not registered for GST - no GST has been charged.",
        "US": "No sales tax charged on labor.",
    }[country]

    totals: list[tuple[str, str]] = []
    if subtotal_printed:
        totals.append((rng.choice(("Subtotal", "Sub Total", "Net")), style.amount(subtotal)))
    if registered:
        totals.append((tax_label, style.amount(tax)))
    total_label = rng.choice(
        ("TOTAL", "Total", "Invoice total", "Total due" if deposit is None else "Total")
    )
    totals.append((total_label, style.amount(total)))
    if deposit is not None:
        totals.append(("Less deposit paid", _less(style, deposit, "minus")))
        totals.append(("Balance due", style.amount(total - deposit)))

    qstyle = QuantityStyle()
    if hand:
        pdf = _trade_book(
            rng,
            country,
            vendor,
            regs,
            number,
            issue,
            dstyle,
            customer,
            site,
            lines,
            totals,
            style,
            qstyle,
            tax_label if registered else "",
        )
        image: Image = choose(rng, [(3, "jpg"), (1, "png")])
    else:
        width, height = LETTER if country == "US" else A4
        canvas = Canvas(width, height, family=rng.choice(("helv", "tiro", "helv")))
        left, right = 44.0, width - 44
        accent = rng.choice(ACCENTS)
        size = 9.0
        if layout == "letterhead":
            cx = width / 2
            canvas.text(cx, 52, vendor, size=17, bold=True, align="center", color=accent)
            contact = f"{', '.join(_address(rng, country))}  |  {_phone(rng, country)}"
            canvas.text(cx, 66, contact, size=7.5, align="center", color=GREY)
            canvas.text(
                cx,
                76,
                regs + (f"  |  {vat_no}" if vat_no else ""),
                size=7.5,
                align="center",
                color=GREY,
            )
            canvas.line(left, 84, right, 84, width=0.8, color=accent)
            canvas.text(
                left,
                112,
                "TAX INVOICE" if country == "AU" and registered else "INVOICE",
                size=15,
                bold=True,
            )
            meta = [("Invoice No:", number), ("Date:", _d(dstyle, issue))]
            if due_printed:
                meta.append((rng.choice(("Payment due:", "Due date:")), _d(dstyle, dates.due)))
            _pairs(canvas, right - 170, 70, 112, meta, size=size, step=13)
            canvas.text(left, 140, "To:", size=size, bold=True)
            for offset, row in enumerate([customer, *site]):
                canvas.text(left + 24, 140 + offset * 11.5, row, size=size)
            y = 200.0
            canvas.text(
                left,
                y,
                f"Re: {rng.choice(WORK[trade])}",
                size=size,
            )
            canvas.text(
                left,
                y + 13,
                f"Work carried out on {_d(dstyle, work_date)} at {site[0]}.",
                size=size - 0.5,
                color=GREY,
            )
            y += 24
        else:
            canvas.box(left, 36, left + 36, 72, stroke=None, fill=accent)
            canvas.text(
                left + 18, 60, vendor[0], size=20, bold=True, align="center", color=(1, 1, 1)
            )
            canvas.text(left + 46, 52, vendor, size=14, bold=True)
            canvas.text(left + 46, 64, f"{_phone(rng, country)}  {regs}", size=7.5, color=GREY)
            if vat_no:
                canvas.text(left + 46, 74, vat_no, size=7.5, color=GREY)
            canvas.text(
                right,
                54,
                "Tax Invoice" if country == "AU" and registered else "Invoice",
                size=20,
                bold=True,
                align="right",
                color=accent,
            )
            meta = [
                (rng.choice(("Invoice #", "Invoice No.", "Invoice number")), number),
                (rng.choice(("Invoice date", "Date", "Issue date")), _d(dstyle, issue)),
            ]
            if due_printed:
                meta.append(("Due date", _d(dstyle, dates.due)))
            meta.append(
                (rng.choice(("Job #", "Job ref", "Work order")), f"J{rng.randint(1000, 9999)}")
            )
            meta.append(
                (rng.choice(("Date of work", "Attended", "Service date")), _d(dstyle, work_date))
            )
            my = 96.0
            for label, value in meta:
                canvas.text(right - 160, my, label, size=size - 0.5, color=GREY)
                canvas.text(right, my, value, size=size - 0.5, align="right")
                my += 12
            canvas.text(left, 96, "Bill to", size=size - 0.5, color=GREY)
            for offset, row in enumerate([customer, *site]):
                canvas.text(left, 108 + offset * 11, row, size=size)
            y = max(my, 150) + 14
            canvas.text(left, y, "Job description", size=size - 0.5, color=GREY)
            canvas.text(
                left,
                y + 12,
                rng.choice(WORK[trade]),
                size=size,
            )
            y += 20
        rows = [
            [
                line.description,
                qstyle.number(line.quantity)
                + (f" {line.unit}" if line.unit and rng.random() < 0.5 else ""),
                style.number(line.unit_price),
                style.number(line.amount),
            ]
            for line in lines
        ]
        y = draw_table(
            canvas,
            y + 8,
            [
                Column("Description", left + 4),
                Column(rng.choice(("Qty", "Qty/Hrs", "Quantity")), right - 170, "right"),
                Column(rng.choice(("Rate", "Unit price", "Price")), right - 90, "right"),
                Column("Amount", right - 4, "right"),
            ],
            rows,
            left=left,
            right=right,
            size=size - 0.5,
            row_height=15,
            rules=rng.choice(("grid", "header", "zebra")),
            header_fill=LIGHT if layout == "software" else None,
        )
        y = _rows(
            canvas,
            right - 210,
            right - 4,
            y + 16,
            totals,
            size=size,
            step=14,
            bold=(total_label,),
            rule_before=(total_label,),
        )
        y += 10
        if not registered:
            canvas.text(left, y, unregistered_note, size=size - 1)
            y += 12
        terms = (
            f"Payment due by {_d(dstyle, dates.due)}."
            if due_printed and rng.random() < 0.3
            else rng.choice(
                (
                    "Payment within 14 days please.",
                    "Payment due on completion.",
                    "Thank you for your custom.",
                )
            )
        )
        canvas.text(left, y, terms, size=size - 1)
        if country == "GB":
            bank = f"Bank transfer: Sort code {_sort_code(rng)}  Acc {names.digits(rng, 8)}"
        elif country == "AU":
            bank = f"EFT: BSB {_bsb(rng)}  Acc {names.digits(rng, 8)}"
        else:
            bank = f"Checks payable to {vendor}. Card payments accepted (3% fee)."
        canvas.text(left, y + 12, bank, size=size - 1)
        pdf = canvas.pdf(title=f"Invoice {number}")
        image = _image(rng, 0.25 if layout == "software" else 0.3)

    fields = truth_fields(
        number=number,
        issue=issue,
        due=dates.due if due_printed else None,
        vendor=vendor,
        total=total,
        subtotal=subtotal if subtotal_printed else None,
        tax=tax if registered else None,
        currency=CURRENCY[country],
        lines=lines,
    )
    rendered = Rendered(
        fields,
        "en",
        "invoice",
        pdf,
        style,
        dstyle,
        qstyle,
        (symbol,),
        prices_include_tax=not registered,
        image=image,
    )
    return rendered


def _trade_book(
    rng: random.Random,
    country: Country,
    vendor: str,
    regs: str,
    number: str,
    issue: dt.date,
    dstyle: DateStyle,
    customer: str,
    site: list[str],
    lines: list[Line],
    totals: list[tuple[str, str]],
    style: MoneyStyle,
    qstyle: QuantityStyle,
    tax_label: str,
) -> bytes:
    """A stationer's duplicate invoice book (A5), filled in with a ballpoint, the trader's name
    from a rubber stamp."""
    canvas = Canvas(*A5, family=rng.choice(("helv", "tiro")))
    width = A5[0]
    left, right = 24.0, width - 24
    form = rng.choice(((0.15, 0.15, 0.15), (0.12, 0.3, 0.55), (0.1, 0.4, 0.25)))
    ink = rng.choice(((0.1, 0.12, 0.5), (0.08, 0.08, 0.12), (0.15, 0.2, 0.6)))
    pen = rng.choice(("tiit", "tiit", "heit"))

    def hand(x: float, y: float, text: str, *, size: float = 10, align: Align = "left") -> None:
        canvas.text(
            x + rng.uniform(-1.5, 1.5),
            y + rng.uniform(-1.2, 1.0),
            text,
            size=size * rng.uniform(0.95, 1.06),
            fontname=pen,
            color=ink,
            align=align,
        )

    canvas.text(left, 36, "INVOICE", size=18, bold=True, color=form)
    canvas.text(right, 36, "No", size=10, bold=True, color=form, align="right", fontname="helv")
    canvas.text(right, 50, number, size=13, fontname="cobo", color=RED, align="right")
    stamp = (0.35, 0.2, 0.55) if rng.random() < 0.5 else ink
    canvas.box(left, 48, left + 230, 94, stroke=stamp, width=1.2)
    canvas.text(
        left + 115,
        64,
        vendor,
        size=11 if len(vendor) < 30 else 9.5,
        bold=True,
        align="center",
        color=stamp,
    )
    canvas.text(left + 115, 76, _phone(rng, country), size=8, align="center", color=stamp)
    canvas.text(left + 115, 87, regs, size=6.5, align="center", color=stamp)
    y = 112.0
    for label in ("Name", "Address", ""):
        canvas.text(left, y, label, size=7.5, color=form)
        canvas.line(left + 36, y + 2, right - 110, y + 2, width=0.3, color=form)
        y += 16
    hand(left + 40, 111, customer)
    hand(left + 40, 127, site[0], size=9)
    hand(left + 40, 143, site[1], size=9)
    canvas.text(right - 100, 112, "Date", size=7.5, color=form)
    canvas.line(right - 80, 114, right, 114, width=0.3, color=form)
    hand(right - 76, 111, _d(dstyle, issue), size=9.5)
    canvas.text(right - 100, 128, "Order No", size=7.5, color=form)
    canvas.line(right - 64, 130, right, 130, width=0.3, color=form)
    top = 162.0
    cols = [left, left + 34, right - 110, right - 60, right]
    canvas.box(left, top, right, top + 14, stroke=form, fill=None, width=0.6)
    for index, label in enumerate(("Qty", "Description", "Rate", "Amount")):
        canvas.text(
            (cols[index] + cols[index + 1]) / 2,
            top + 10,
            label,
            size=7,
            bold=True,
            color=form,
            align="center",
        )
    row_h = 18.0
    count = max(12, len(lines) + 2)
    bottom = top + 14 + count * row_h
    canvas.box(left, top, right, bottom, stroke=form, width=0.6)
    for x in cols[1:-1]:
        canvas.line(x, top, x, bottom, width=0.4, color=form)
    for index in range(count):
        canvas.line(
            left,
            top + 14 + (index + 1) * row_h,
            right,
            top + 14 + (index + 1) * row_h,
            width=0.25,
            color=form,
        )
    for index, line in enumerate(lines):
        ry = top + 14 + (index + 1) * row_h - 5
        hand(cols[0] + 17, ry, qstyle.number(line.quantity), size=9.5, align="center")
        hand(cols[1] + 4, ry, line.description, size=8.5 if len(line.description) > 26 else 9.5)
        hand(cols[3] - 4, ry, style.number(line.unit_price), size=9, align="right")
        hand(cols[4] - 4, ry, style.number(line.amount), size=9.5, align="right")
    y = bottom + 16
    for label, value in totals:
        printed = {"Subtotal": "Sub Total", "Net": "Sub Total"}.get(label, label)
        if tax_label and label == tax_label:
            printed = "VAT" if country == "GB" else "GST" if country == "AU" else "Tax"
        canvas.text(cols[2] + 2, y, printed, size=7.5, bold=True, color=form)
        canvas.box(cols[3] - 2, y - 11, right, y + 4, stroke=form, width=0.5)
        hand(right - 4, y, value, size=10, align="right")
        y += 17
    canvas.text(
        left,
        bottom + 16,
        rng.choice(("Payment: Cash / Cheque / Bank transfer", "With thanks", "E. & O.E."))
        if tax_label or rng.random() < 0.5
        else {"GB": "Not VAT registered", "AU": "No GST charged", "US": "No tax"}[country],
        size=7,
        color=form,
    )
    if rng.random() < 0.4:
        hand(left + 20, bottom + 40, "Paid with thanks", size=12)
    canvas.text(
        width / 2,
        A5[1] - 20,
        f"Duplicate book  Form {rng.randint(100, 999)}  50 sets",
        size=5.5,
        color=form,
        align="center",
    )
    return canvas.pdf(title=f"Invoice {number}")


# ----------------------------------------------------------------------------- build


def build(rng: random.Random) -> Rendered:
    family = choose(
        rng,
        [
            (2, "g702"),
            (1.5, "us-progress"),
            (2.5, "uk-valuation"),
            (2, "au-claim"),
            (2.5, "trades"),
        ],
    )
    maker = {
        "g702": _g702,
        "us-progress": _us_progress,
        "uk-valuation": _uk_valuation,
        "au-claim": _au_claim,
        "trades": _trades,
    }[family]
    rendered = maker(rng)
    if family != "trades":  # trades decide by layout: every handwritten book is scanned
        rendered.image = _image(rng, 0.35 if family == "g702" else 0.2)
    return rendered
