"""`professional-services`: invoices of professional practices in English, from the US, the UK,
Ireland, Australia and New Zealand: law firms, medical, dental and veterinary practices,
accountants and consultants, architects and engineers.

Conventions by country: GBP `£1,234.56` with VAT 20 %, EUR `€1,234.56` with VAT 23 % (Ireland),
AUD `$1,234.56` with GST 10 %, NZD `$1,234.56` with GST 15 %, USD `$1,234.56` with no tax on
professional services. Dates day first outside the US (`05/03/2024`, `5 March 2024`, `05 Mar
2024`), month first in the US (`03/05/2024`, `March 5, 2024`); numeric dates are often ambiguous.
Hours print as `0.3`, `1.50` or `2.0` by the document; unit prices and amounts at two decimals.
The currency is the ISO code of the country even where only `$` is printed.

Truth rules. `total_amount` is the charges of this invoice with VAT/GST: `Total this invoice`,
`Total amount of this invoice`, `Total for this bill`, `Invoice total`, `Total (including VAT)`,
`Total`, `Amount due this invoice` (a stage-fee claim), `Total Charges` (a patient statement);
never the balance due, which adds a previous balance and takes off payments received, money on
account, a retainer, trust funds applied, standing-order instalments, insurance payments and
adjustments; never fees to date, the agreed overall fee, a construction cost or a trust /
client-account balance. On a medical or dental patient statement the total is the practice's own
charges (the sum of the `Charges` column, printed as `Total Charges`), not `Patient
responsibility` / `Amount You Owe` / `Please Pay This Amount`, which is what is left after the
insurer paid, the contractual adjustment and a copay; such statements print no subtotal and no
tax, so both are left out. `subtotal_amount` is in the truth only where the page prints the
invoice's whole net charges as one figure: a `Subtotal` / `Sub-Total` / `Total excl. VAT` / `Net
total` / `Net amount this invoice` row, the sum line under several fee paragraphs, or the fees
row (`Professional fees`, `Our fee`, `Fee this invoice`) when fees are the only charge (no
disbursements, costs advanced, expenses or filing fee), whether or not tax follows; a bill that
prints fees and disbursements (or a fee and an outside-the-scope filing fee) without a net row
leaves it out. On a vet, dental or physio invoice with prices including tax, the subtotal is the
`Total excl. GST/VAT` row where printed. `tax_amount` is in the truth where the whole invoice's
VAT/GST is printed as one figure (`VAT at 20%`, `GST (10%)`, `GST included`, `VAT @ 20%
included`); a bill that prints `VAT on fees` and `VAT on disbursements` without a sum, a practice
that is not VAT-registered, a dental or physio practice outside NZ (GST-free or VAT-exempt
health care) and US bills leave it out. `invoice_number` is the printed invoice / bill / fee
note / tax invoice / statement number (`Invoice No.`, `Bill No.`, `Fee Note No.`, `No. 10372`,
`Statement No.`); matter, client, file and account numbers, our/your references, project
numbers, fee-claim numbers, previous invoice numbers, patient and claim numbers are decoys, and a
patient statement that prints no invoice or statement number has none in the truth.
`invoice_date` is the invoice, bill or statement date (a fee note's date at the top right);
dates of service, time-entry dates, the period billed, year-end dates, payment dates, previous
invoice dates and a pet's next vaccination date are decoys. `due_date` only where a date to pay
by is printed (`Due date`, `Payment due`, `Please pay by`, `Payment due by`); `Payable within 30
days`, `Net 30`, `Due upon receipt` give none. `vendor_name` is the practice's name as its
letterhead prints it (taglines such as `Solicitors` or `Chartered Accountants` on their own line
are not part of it); clients, counsel, insurers, banks and regulators are decoys.

Line items. Time entries are line items (quantity = hours, unit price = hourly rate, amount =
hours x rate at two decimals, the narrative as the description) only where they make up the whole
net charge: on a law bill with time detail and no disbursements, and on a practice-management
invoice, where the time entries and the expense rows (cost x quantity) together add up to the
printed `Sub-Total`. A law bill whose disbursements are a list of amounts, fixed-fee bills,
accountants' fee notes (narrative amounts), architects' stage fees (percentages of a fee) and
patient statements (charges without a unit price) have no line items. A vet, dental or physio
practice invoice's rows (quantity x unit price, VAT/GST included in the prices, summing to the
total) are line items. Fee-earner summaries (hours and rates per person) are a second view of
the same fees and never line items.

Six layout families.

- `law-bill` (solicitors, attorneys, lawyers; A4 or Letter): letterhead with the firm, tagline and
  VAT/ABN/GST/Tax ID, client address, a block with `Invoice No.` / `Bill No.` beside `Matter No.`,
  `Client No.`, `Our ref` and `Your ref`, a `Re:` line; either a UK-style letter (page 1 a
  narrative `To our professional charges...` and a summary of fees, disbursements and VAT, page 2
  the schedule of time entries with a fee-earner summary and the disbursements) or a US-style
  detail-first bill on one page (time entries, `Total fees`, a costs-advanced list, totals); a
  fixed-fee bill has no time detail. Disbursements split into subject / not subject to VAT, the
  VAT split into `VAT on fees` and `VAT on disbursements` on some.
  Some end with an account section (`Previous balance`, `Payments received`, `Less money on
  account`, `Balance due`) and a trust or client account balance note; regulatory small print.
- `practice-mgmt` (a Clio-like practice-management or consultant's modern invoice): `INVOICE` with
  `Invoice #`, `Invoice Date`, `Due Date`, a matter or project, a time-entries table (`Date / EE /
  Description / Rate / Hours / Line Total`) and an expenses table (`Cost / Qty`), `Time Entry
  Sub-Total`, `Expense Sub-Total`, `Sub-Total`, tax, `Total`, `Payment from trust` or `Amount
  paid`, `Balance Due`, a trust-account summary and an outstanding-invoices table as decoys; a
  consultant's version has one `Description / Hours/Qty / Rate / Amount` table with fixed-fee
  rows (quantity 1) and expenses in it.
- `fee-note` (an accountant's or tax adviser's letter-style fee note, often scanned): `FEE NOTE` /
  `INVOICE` / `TAX INVOICE`, `To professional services rendered...` with the work described, one
  fee or several fee paragraphs each with an amount, a filing fee outside the scope of VAT,
  VAT/GST, total, and standing-order (US: monthly) payments taken off to a `Balance now due`;
  some practices are not VAT-registered and say so.
- `stage-fee` (architects and engineers): the appointment's fee basis (a percentage of a
  construction cost), a stage table (`Stage / % of fee / Stage fee / % complete / Fee to date`),
  `Fees to date`, `Less previously invoiced`, `Fee this invoice`, expenses, VAT/GST, total.
- `patient-statement` (a US medical or dental practice's statement, often scanned): `Statement
  date`, account and patient numbers, a `Please pay this amount` box, `DOS / Code / Description /
  Charges / Ins. Paid / Adjust. / Pt. Resp.` with CPT or CDT codes, or a transaction list
  (charges, then the insurer's payment with its claim number, the contractual adjustment and the
  copay as negatives), a summary (`Total Charges`, `Insurance Payments`, `Adjustments`, `Patient
  Payments`, `Amount You Owe`) and an aging row.
- `practice-invoice` (a vet, dental or physiotherapy practice in GB, IE, AU or NZ): `Tax
  Invoice` / `Invoice`, client and patient (a pet with its species), `Date / Code / Description /
  Qty / Unit price / Amount` with prices including VAT/GST, `Total`, `GST included` or `VAT
  included`, payments by card, and a pet insurance or health fund (HICAPS) claim as decoys.

About a quarter to a third of the documents are scanned images: patient statements and fee notes
most, two-page law bills never.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from bench.synth import names
from bench.synth.canvas import A4, LETTER, Canvas
from bench.synth.common import Column, Rules, choose, draw_table
from bench.synth.document import Line, Rendered, inclusive_tax, pick_dates, truth_fields
from bench.synth.formats import DateStyle, FixedQuantity, MoneyStyle, QuantityStyle, money

Country = Literal["GB", "IE", "US", "AU", "NZ"]
Family = Literal[
    "law-bill", "practice-mgmt", "fee-note", "stage-fee", "patient-statement", "practice-invoice"
]
Image = Literal["png", "jpg"] | None

GREY = (0.4, 0.4, 0.4)
LIGHT = (0.92, 0.92, 0.92)
ACCENTS = ((0.1, 0.2, 0.4), (0.35, 0.1, 0.15), (0.05, 0.35, 0.3), (0.2, 0.2, 0.2), (0.3, 0.2, 0.5))

CURRENCY = {"GB": "GBP", "IE": "EUR", "US": "USD", "AU": "AUD", "NZ": "NZD"}
SYMBOL = {"GB": "£", "IE": "€", "US": "$", "AU": "$", "NZ": "$"}
TAX = {
    "GB": ("VAT", Decimal(20)),
    "IE": ("VAT", Decimal(23)),
    "AU": ("GST", Decimal(10)),
    "NZ": ("GST", Decimal(15)),
    "US": ("", Decimal(0)),
}
DATE_STYLES = {
    "GB": ("{d} {month} {yyyy}", "{dd}/{mm}/{yyyy}", "{dd} {mon} {yyyy}", "{d} {mon} {yyyy}"),
    "IE": ("{d} {month} {yyyy}", "{dd}/{mm}/{yyyy}", "{dd}-{mon}-{yyyy}", "{dd}.{mm}.{yyyy}"),
    "US": ("{mm}/{dd}/{yyyy}", "{month} {d}, {yyyy}", "{mon} {d}, {yyyy}", "{mm}/{dd}/{yy}"),
    "AU": ("{dd}/{mm}/{yyyy}", "{d} {month} {yyyy}", "{d} {mon} {yyyy}", "{dd}/{mm}/{yy}"),
    "NZ": ("{dd}/{mm}/{yyyy}", "{d} {month} {yyyy}", "{dd} {mon} {yyyy}", "{d}/{mm}/{yyyy}"),
}

IRISH = "Murphy Kelly O'Sullivan Walsh Byrne Ryan O'Brien Doyle McCarthy Gallagher Quinn Nolan"
ANZ = "Campbell Thompson Fraser McDonald Henderson Wilson Ngata Chen Russo Papadopoulos Singh"
FIRST_ANZ = "Jack Mia Liam Chloe Noah Isla Lachlan Ruby Aroha Tane Sienna Cooper"
IE_PLACES = [
    ("Naas", "Co. Kildare", "W91"),
    ("Ennis", "Co. Clare", "V95"),
    ("Rathmines", "Dublin 6", "D06"),
    ("Salthill", "Galway", "H91"),
    ("Douglas", "Cork", "T12"),
]
AU_PLACES = [
    ("PARRAMATTA", "NSW", "2150"),
    ("Fitzroy", "VIC", "3065"),
    ("Toowong", "QLD", "4066"),
    ("Norwood", "SA", "5067"),
    ("Subiaco", "WA", "6008"),
]
NZ_PLACES = [
    ("Ponsonby", "Auckland", "1011"),
    ("Riccarton", "Christchurch", "8011"),
    ("Te Aro", "Wellington", "6011"),
    ("Hamilton East", "Hamilton", "3216"),
]
ANZ_STREETS = "Wattle St|Ocean Pde|Station Rd|Jacaranda Dr|Kowhai Rd|Victoria St|Beach Rd"


# ----------------------------------------------------------------------------- shared helpers


@dataclass(frozen=True)
class Place:
    country: Country
    style: MoneyStyle
    dstyle: DateStyle
    currency: str
    symbol: str
    tax_name: str
    rate: Decimal

    @property
    def taxed(self) -> bool:
        return self.rate > 0


def _place(rng: random.Random, countries: tuple[Country, ...] | None = None) -> Place:
    country: Country = rng.choice(countries) if countries else _country(rng)
    symbol = SYMBOL[country]
    style = MoneyStyle(
        ",", ".", symbol, symbol_space=False, negative=rng.choice(("minus", "parens"))
    )
    tax_name, rate = TAX[country]
    dstyle = DateStyle(rng.choice(DATE_STYLES[country]))
    return Place(country, style, dstyle, CURRENCY[country], symbol, tax_name, rate)


def _country(rng: random.Random) -> Country:
    return choose(rng, [(3, "GB"), (3, "US"), (1.3, "IE"), (2, "AU"), (1.2, "NZ")])


def _surnames(country: Country) -> list[str]:
    if country == "IE":
        return IRISH.split()
    if country in ("AU", "NZ"):
        return ANZ.split() + names.SURNAMES["en"].split()[:8]
    if country == "US":
        return names.SURNAMES["us"].split()
    return names.SURNAMES["en"].split()


def _person(rng: random.Random, country: Country) -> str:
    first = {
        "US": names.FIRST["us"],
        "AU": FIRST_ANZ,
        "NZ": FIRST_ANZ,
    }.get(country, names.FIRST["en"])
    return f"{rng.choice(first.split())} {rng.choice(_surnames(country))}"


def _address(rng: random.Random, country: Country) -> list[str]:
    if country == "GB":
        return names.address(rng, "en")
    if country == "US":
        return names.address(rng, "us")
    if country == "IE":
        town, county, routing = rng.choice(IE_PLACES)
        code = f"{routing} {rng.choice('ACDEFHKNPRTVWXY')}{names.digits(rng, 1)}"
        code += f"{rng.choice('ACDEFHKNPRTVWXY')}{names.digits(rng, 1)}"
        street = rng.choice(("Main Street", "Church Road", "The Crescent", "Abbey Park"))
        return [f"{rng.randint(1, 90)} {street}", f"{town}, {county}", code]
    town, state, code = rng.choice(AU_PLACES if country == "AU" else NZ_PLACES)
    street = f"{rng.randint(1, 240)} {rng.choice(ANZ_STREETS.split('|'))}"
    return [street, f"{town} {state} {code}"]


def _client_company(rng: random.Random, country: Country) -> str:
    company = names.company(rng, "us" if country == "US" else "en")
    if country in ("AU", "NZ"):
        company = company.replace(" Limited", " Pty Ltd" if country == "AU" else " Limited")
        company = company.replace(" Ltd.", " Pty Ltd" if country == "AU" else " Ltd")
    return company


def _abn(rng: random.Random) -> str:
    weights = (10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19)
    tail = [rng.randint(0, 9) for _ in range(9)]
    rest = sum(d * w for d, w in zip(tail, weights[2:], strict=True))
    head = (-rest) % 89
    text = "".join(map(str, [head // 10 + 1, head % 10, *tail]))
    return f"{text[:2]} {text[2:5]} {text[5:8]} {text[8:]}"


def _tax_id(rng: random.Random, country: Country) -> str:
    return {
        "GB": f"VAT Reg. No. {names.vat_id(rng, 'GB')}",
        "IE": f"VAT No. IE{names.digits(rng, 7)}{rng.choice('ABCDHKTW')}",
        "AU": f"ABN {_abn(rng)}",
        "NZ": f"GST No. {names.digits(rng, 2)}-{names.digits(rng, 3)}-{names.digits(rng, 3)}",
        "US": f"Tax ID {names.digits(rng, 2)}-{names.digits(rng, 7)}",
    }[country]


def _phone(rng: random.Random, country: Country) -> str:
    if country in ("GB", "US"):
        return names.phone(rng, country)
    if country == "IE":
        return f"+353 {rng.randint(1, 99)} {names.digits(rng, 3)} {names.digits(rng, 4)}"
    if country == "AU":
        area = rng.choice(("02", "03", "07", "08"))
        return f"({area}) {names.digits(rng, 4)} {names.digits(rng, 4)}"
    return f"+64 {rng.randint(3, 9)} {names.digits(rng, 3)} {names.digits(rng, 4)}"


def _bank(rng: random.Random, country: Country) -> str:
    if country == "GB":
        return (
            f"Sort code {names.digits(rng, 2)}-{names.digits(rng, 2)}-{names.digits(rng, 2)}"
            f"  Account {names.digits(rng, 8)}"
        )
    if country == "IE":
        return f"IBAN IE{names.digits(rng, 2)} AIBK {names.digits(rng, 4)} {names.digits(rng, 4)}"
    if country == "AU":
        return f"BSB {names.digits(rng, 3)}-{names.digits(rng, 3)}  Account {names.digits(rng, 8)}"
    if country == "NZ":
        return (
            f"Account {names.digits(rng, 2)}-{names.digits(rng, 4)}-{names.digits(rng, 7)}"
            f"-{names.digits(rng, 2)}"
        )
    return f"ABA {names.digits(rng, 9)}  Account {names.digits(rng, 10)}"


def _wrap(canvas: Canvas, text: str, width: float, size: float) -> list[str]:
    rows: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and canvas.width_of(trial, size=size) > width:
            rows.append(current)
            current = word
        else:
            current = trial
    if current:
        rows.append(current)
    return rows


def _paragraph(canvas: Canvas, x: float, y: float, text: str, width: float, size: float) -> float:
    for row in _wrap(canvas, text, width, size):
        canvas.text(x, y, row, size=size)
        y += size * 1.35
    return y


def _neg(place: Place, value: Decimal) -> str:
    """A positive amount printed as a deduction: `-£500.00` or `(£500.00)`."""
    figure = place.style.amount(value)
    return f"({figure})" if place.style.negative == "parens" else f"-{figure}"


def _rows(
    canvas: Canvas,
    left: float,
    right: float,
    y: float,
    rows: list[tuple[str, str]],
    *,
    size: float,
    step: float,
    bold: tuple[str, ...] = (),
    rule_before: tuple[str, ...] = (),
) -> float:
    for label, value in rows:
        if label in rule_before:
            canvas.line(left, y - size - 2, right, y - size - 2, width=0.6)
        strong = label in bold
        canvas.text(left, y, label, size=size, bold=strong)
        canvas.text(right, y, value, size=size, bold=strong, align="right")
        y += step
    return y


def _letterhead(
    canvas: Canvas,
    rng: random.Random,
    vendor: str,
    tagline: str,
    lines: list[str],
    *,
    accent: tuple[float, float, float],
    align: Literal["left", "center", "right"],
) -> float:
    """The practice's name, tagline and contact lines; returns the y below them."""
    margin = 50.0
    x = {"left": margin, "center": canvas.width / 2, "right": canvas.width - margin}[align]
    size = rng.choice((15.0, 17.0, 19.0))
    while canvas.width_of(vendor, size=size, bold=True) > canvas.width - 2 * margin:
        size -= 1
    canvas.text(x, 58, vendor, size=size, bold=True, align=align, color=accent)
    y = 58 + 14.0
    if tagline:
        canvas.text(x, y, tagline, size=9.5, align=align, color=accent)
        y += 12
    for row in lines:
        canvas.text(x, y, row, size=7.5, align=align, color=GREY)
        y += 9.5
    canvas.line(margin, y, canvas.width - margin, y, width=0.8, color=accent)
    return y + 18


def _qstyle(rng: random.Random) -> QuantityStyle:
    return choose(
        rng, [(2, QuantityStyle()), (2, FixedQuantity(places=2)), (1, FixedQuantity(places=1))]
    )


def _hours(rng: random.Random, qstyle: QuantityStyle) -> Decimal:
    if (isinstance(qstyle, FixedQuantity) and qstyle.places == 1) or rng.random() < 0.7:
        return Decimal(rng.choice((1, 1, 2, 2, 3, 3, 4, 5, 6, 8, 10, 12, 15, 18, 25, 32))) / 10
    return Decimal(rng.choice((1, 2, 3, 4, 5, 6, 7, 10))) / 4


def _finish(
    rng: random.Random,
    fields: dict,
    canvas: Canvas,
    place: Place,
    title: str,
    qstyle: QuantityStyle,
    *,
    image: Image,
    inclusive: bool = False,
) -> Rendered:
    return Rendered(
        fields,
        "en",
        "invoice",
        canvas.pdf(title=title),
        place.style,
        place.dstyle,
        qstyle,
        (place.symbol, place.currency),
        prices_include_tax=inclusive,
        image=image if len(canvas.pages) == 1 else None,
    )


# ----------------------------------------------------------------------------- law firms

EARNER_GRADES = {
    "GB": [
        ("Partner", 320, 480),
        ("Associate", 220, 310),
        ("Trainee Solicitor", 120, 170),
        ("Paralegal", 95, 140),
    ],
    "IE": [("Partner", 300, 450), ("Solicitor", 200, 290), ("Trainee", 110, 150)],
    "US": [("Partner", 450, 750), ("Associate", 260, 425), ("Paralegal", 125, 195)],
    "AU": [
        ("Partner", 480, 680),
        ("Senior Associate", 380, 470),
        ("Lawyer", 260, 360),
        ("Law Clerk", 150, 190),
    ],
    "NZ": [("Partner", 420, 560), ("Senior Solicitor", 320, 400), ("Solicitor", 240, 310)],
}

MATTERS = {
    "litigation": [
        "Review defendant's disclosure",
        "Draft witness statement of client",
        "Telephone call with counsel re strategy",
        "Attend case management conference",
        "Prepare hearing bundle",
        "Correspondence with opponent's solicitors",
        "Revise particulars of claim",
        "Email to client re settlement offer",
        "Consider expert's report",
        "Prepare schedule of loss",
    ],
    "property": [
        "Review title documents",
        "Raise enquiries with seller's solicitors",
        "Review local authority search results",
        "Report on title to client",
        "Prepare completion statement",
        "Attend to exchange of contracts",
        "Review mortgage offer and conditions",
        "Telephone call with agent re completion date",
        "Prepare transfer deed",
    ],
    "estate": [
        "Meeting with client re estate plan",
        "Draft will and letter of wishes",
        "Review asset schedule",
        "Prepare lasting power of attorney",
        "Correspondence with executors",
        "Prepare inheritance tax account",
        "Letter to bank re estate accounts",
        "Attend signing of will",
    ],
    "corporate": [
        "Review shareholders' agreement",
        "Revise share purchase agreement",
        "Prepare board minutes",
        "Conference call with client re due diligence",
        "Review disclosure letter",
        "Draft service agreement for director",
        "Prepare completion checklist",
        "Email to buyer's counsel re warranties",
    ],
}
MATTER_TITLES = {
    "litigation": ("Contract dispute", "Breach of warranty claim", "Debt recovery"),
    "estate": ("Estate planning", "Wills and powers of attorney"),
    "corporate": ("General corporate", "Share sale", "Shareholder agreement"),
}
US_MATTERS = {
    "litigation": [
        "Review and analyze motion to dismiss",
        "Draft opposition to motion to compel",
        "Conference call with client re discovery",
        "Prepare for deposition of witness",
        "Legal research re statute of limitations",
        "Revise responses to interrogatories",
        "Review document production",
        "Draft meet and confer letter",
        "Attend status conference",
    ],
    "estate": [
        "Meeting with client re estate plan",
        "Draft revocable living trust",
        "Prepare pour-over will",
        "Prepare durable power of attorney",
        "Prepare deed transferring residence to trust",
        "Review beneficiary designations",
        "Telephone conference with financial advisor",
    ],
    "corporate": [
        "Draft operating agreement",
        "Review asset purchase agreement",
        "Prepare closing checklist",
        "Revise employment agreement",
        "Call with client re financing terms",
        "Prepare written consent of members",
    ],
}
DISBURSEMENTS = {
    # (description, amount, subject to VAT/GST)
    "GB": [
        ("Court fee - issue of claim", "455.00", False),
        ("Court fee - application notice", "275.00", False),
        ("Counsel's fee - advice on merits", "750.00", True),
        ("HM Land Registry fee", "150.00", False),
        ("Local authority search fee", "188.40", False),
        ("Bankruptcy search", "7.00", False),
        ("Telegraphic transfer fee", "40.00", True),
        ("Process server", "85.00", True),
        ("Office copy entries", "14.00", False),
    ],
    "IE": [
        ("Stamp duty", "1,250.00", False),
        ("Land Registry fee", "130.00", False),
        ("Commissioner for oaths", "10.00", False),
        ("Counsel's fee", "900.00", True),
        ("Law searches", "96.00", True),
        ("Courier", "25.00", True),
    ],
    "US": [
        ("Filing fee - Superior Court", "435.00", False),
        ("Service of process", "95.00", False),
        ("Court reporter - deposition transcript", "612.40", False),
        ("Certified copies", "24.00", False),
        ("Recording fee - County Recorder", "87.00", False),
        ("Messenger service", "45.00", False),
    ],
    "AU": [
        ("Title search", "22.50", False),
        ("Court filing fee", "1,142.00", False),
        ("PEXA settlement fee", "123.75", True),
        ("ASIC company search", "23.00", False),
        ("Courier", "38.00", True),
    ],
    "NZ": [
        ("LINZ registration fee", "130.00", True),
        ("Title search", "18.00", True),
        ("Court filing fee", "220.00", False),
        ("Courier", "25.00", True),
    ],
}
FIXED_FEES = {
    "property": "Our agreed fixed fee for acting on the purchase",
    "estate": "Fixed fee for the preparation of wills and powers of attorney",
    "litigation": "Our fee for work done to date as per the enclosed narrative",
    "corporate": "Our fee for the transaction as agreed in our engagement letter",
}


def _law_firm(rng: random.Random, country: Country) -> tuple[str, str]:
    a, b, c = rng.sample(_surnames(country), 3)
    if country == "US":
        first = rng.choice(names.FIRST["us"].split())
        vendor = rng.choice(
            (
                f"{a} & {b}, P.C.",
                f"{a} {b} LLP",
                f"Law Offices of {first} {a}",
                f"{a}, {b} & {c}, PLLC",
            )
        )
        return vendor, rng.choice(("Attorneys at Law", "Attorneys and Counselors", ""))
    if country == "GB":
        vendor = rng.choice((f"{a} {b} LLP", f"{a} & {b}", f"{a} {b} & Co", f"{a} Law Limited"))
        return vendor, rng.choice(("Solicitors", "Solicitors & Notaries", ""))
    if country == "IE":
        return rng.choice((f"{a} {b} LLP", f"{a} & Co.", f"{a} {b}")), "Solicitors"
    if country == "AU":
        return rng.choice((f"{a} {b} Lawyers", f"{a} & {b} Legal", f"{a} {b} Partners")), ""
    return rng.choice((f"{a} {b} Law", f"{a} & {b}")), "Barristers & Solicitors"


@dataclass(frozen=True)
class Entry:
    day: dt.date
    initials: str
    text: str
    hours: Decimal
    rate: Decimal

    @property
    def amount(self) -> Decimal:
        return money(self.hours * self.rate)


def _earners(rng: random.Random, country: Country) -> list[tuple[str, str, str, Decimal]]:
    """(initials, name, grade, rate) of one to three fee earners."""
    grades = EARNER_GRADES[country]
    chosen = [grades[0], *rng.sample(grades[1:], rng.randint(0, 2))]
    people = []
    for grade, low, high in chosen:
        name = _person(rng, country)
        middle = rng.choice("ABCDEJKLMRST")
        initials = f"{name.split()[0][0]}{middle}{name.split()[-1][0].upper()}"
        rate = Decimal(rng.randrange(low, high + 1, 5))
        people.append((initials, name, grade, rate))
    return people


def _entries(
    rng: random.Random,
    place: Place,
    kind: str,
    issue: dt.date,
    count: int,
    qstyle: QuantityStyle,
    earners: list[tuple[str, str, str, Decimal]],
) -> list[Entry]:
    pool = (US_MATTERS if place.country == "US" else MATTERS).get(kind) or MATTERS[kind]
    start = issue - dt.timedelta(days=rng.randint(25, 45))
    days = sorted(start + dt.timedelta(days=rng.randint(0, 20)) for _ in range(count))
    texts = rng.sample(pool, min(count, len(pool)))
    while len(texts) < count:
        texts.append(f"{rng.choice(pool)} (further)")
    out = []
    for day, text in zip(days, texts, strict=True):
        initials, _, _, rate = rng.choice(earners)
        out.append(Entry(day, initials, text, _hours(rng, qstyle), rate))
    return out


def _law_bill(rng: random.Random) -> Rendered:
    place = _place(rng)
    country = place.country
    style = place.style
    canvas = Canvas(
        *(LETTER if country == "US" else A4), family=rng.choice(("helv", "tiro", "tiro"))
    )
    width = canvas.width
    dates = pick_dates(rng, place.dstyle, due_days=(14, 30, 30))
    issue = dates.issue
    vendor, tagline = _law_firm(rng, country)
    accent = rng.choice(ACCENTS)
    qstyle = _qstyle(rng)
    kinds = ["litigation", "estate", "corporate"] + ([] if country == "US" else ["property"])
    kind = rng.choice(kinds)
    layout = (
        "detail-first"
        if (country == "US" and rng.random() < 0.7)
        else rng.choice(("letter", "letter", "detail-first"))
    )
    detail = rng.random() < (0.85 if layout == "detail-first" else 0.65)
    earners = _earners(rng, country)
    count = rng.randint(3, 8 if layout == "detail-first" else 14)
    entries = _entries(rng, place, kind, issue, count, qstyle, earners) if detail else []
    fees = (
        sum((e.amount for e in entries), Decimal(0))
        if detail
        else Decimal(rng.randrange(450, 3500, 25))
    )
    disb: list[tuple[str, Decimal, bool]] = []
    if rng.random() < 0.6:
        for text, amount, vat in rng.sample(DISBURSEMENTS[country], rng.randint(1, 3)):
            disb.append((text, Decimal(amount.replace(",", "")), vat and place.taxed))
    d_vat = sum((a for _, a, v in disb if v), Decimal(0))
    d_out = sum((a for _, a, v in disb if not v), Decimal(0))
    tax_fees = money(fees * place.rate / 100)
    tax_disb = money(d_vat * place.rate / 100)
    tax = tax_fees + tax_disb
    net = fees + d_vat + d_out
    total = net + tax

    number = rng.choice(
        (
            f"{rng.randint(10000, 99999)}",
            f"INV-{issue.year}-{rng.randint(100, 9999):04d}",
            f"{rng.randint(1, 9)}{names.digits(rng, 5)}",
            f"B{names.digits(rng, 6)}",
        )
    )
    letters = rng.choice("ABCDHKMPRSTW") + rng.choice("AEIOU") + rng.choice("LMNRST")
    client_no = f"{letters}{names.digits(rng, 3)}"
    matter_no = (
        f"{client_no}-{rng.randint(1, 12):04d}" if rng.random() < 0.5 else names.digits(rng, 6)
    )
    lead = earners[0]
    our_ref = f"{lead[0]}/{names.digits(rng, 5)}/{rng.randint(1, 9)}"

    contact = [
        " ".join(_address(rng, country)),
        f"T {_phone(rng, country)}   E accounts@{vendor.split()[0].lower().strip(',&')}law.com",
        _tax_id(rng, country) if country != "US" or rng.random() < 0.5 else "",
    ]
    y = _letterhead(
        canvas,
        rng,
        vendor,
        tagline,
        [c for c in contact if c],
        accent=accent,
        align=rng.choice(("left", "center", "right")),
    )

    # Client and info block.
    if rng.random() < 0.5:
        client = _person(rng, country)
        client_lines = [client, *_address(rng, country)]
        other = _client_company(rng, country)
    else:
        client = _client_company(rng, country)
        attention = f"Attn: {_person(rng, country)}" if rng.random() < 0.5 else ""
        client_lines = [client, *([attention] if attention else []), *_address(rng, country)]
        other = _person(rng, country)
    for offset, row in enumerate(client_lines):
        canvas.text(50, y + offset * 11, row, size=9)
    title = {
        "GB": rng.choice(("INVOICE", "VAT INVOICE", "Invoice")),
        "IE": rng.choice(("INVOICE", "Fee Note", "VAT INVOICE")),
        "US": rng.choice(("INVOICE", "STATEMENT FOR LEGAL SERVICES", "Invoice")),
        "AU": "TAX INVOICE",
        "NZ": rng.choice(("TAX INVOICE", "Tax Invoice")),
    }[country]
    number_label = rng.choice(("Invoice No.", "Invoice number", "Bill No.", "Invoice #"))
    if title == "Fee Note":
        number_label = "Fee Note No."
    date_label = rng.choice(("Date", "Invoice date", "Date of invoice", "Bill date"))
    info: list[tuple[str, str]] = [(number_label, number), (date_label, place.dstyle.format(issue))]
    info.append(("Client No." if rng.random() < 0.5 else "Client ID", client_no))
    info.append(("Matter No." if rng.random() < 0.6 else "File No.", matter_no))
    if rng.random() < 0.6:
        info.append(("Our ref", our_ref))
    if rng.random() < 0.35:
        info.append(("Your ref", f"{rng.choice('JKLMPR')}{names.digits(rng, 4)}"))
    show_due = rng.random() < 0.35
    if show_due:
        info.append(
            (
                rng.choice(("Due date", "Payment due", "Please pay by")),
                place.dstyle.format(dates.due),
            )
        )
    rng.shuffle(info[2:])
    right = width - 50
    canvas.text(right, y - 6, title, size=13, bold=True, align="right", color=accent)
    iy = y + 10
    for label, value in info:
        canvas.text(right - 175, iy, label, size=8.5, bold=True)
        canvas.text(right, iy, value, size=8.5, align="right")
        iy += 11.5
    y = max(iy, y + len(client_lines) * 11) + 14

    if kind == "litigation":
        re_line = f"{client.split(',')[0]} v {other}"
    elif kind == "property":
        re_line = f"Purchase of {_address(rng, country)[0]}"
    elif kind == "estate":
        re_line = rng.choice(
            ("Wills and estate planning", f"Estate of the late {_person(rng, country)}")
        )
    else:
        re_line = f"Acquisition of {_client_company(rng, country)}"
    canvas.text(50, y, f"Re: {re_line}", size=9.5, bold=True)
    y += 18

    size = 8.5
    fee_label = rng.choice(("Professional fees", "Our fees", "Fees for professional services"))
    if country == "US":
        fee_label = rng.choice(
            ("Total fees", "Total fees for professional services", "Total professional fees")
        )
    disb_word = {"US": "Costs advanced", "IE": rng.choice(("Outlays", "Disbursements"))}.get(
        country, "Disbursements"
    )
    qfmt = qstyle.number

    def time_table(top: float) -> float:
        columns = [
            Column("Date", 52),
            Column(rng.choice(("Fee earner", "By", "Atty")) if country != "US" else "Atty", 112),
            Column("Description", 155),
            Column("Hours", right - 130, "right"),
            Column("Rate", right - 70, "right"),
            Column("Amount", right - 2, "right"),
        ]
        rows = [
            [
                place.dstyle.format(e.day),
                e.initials,
                e.text,
                qfmt(e.hours),
                style.number(e.rate),
                style.number(e.amount),
            ]
            for e in entries
        ]
        return draw_table(
            canvas,
            top,
            columns,
            rows,
            left=50,
            right=right,
            size=7.8,
            row_height=12.5,
            rules=rng.choice(("header", "zebra", "none")),
            header_fill=rng.choice((None, LIGHT)),
        )

    def disb_table(top: float) -> float:
        canvas.text(50, top, disb_word, size=9, bold=True)
        yy = top + 13
        for text, amount, vat in disb:
            mark = "" if not place.taxed else ("" if vat else "  *")
            canvas.text(60, yy, f"{text}{mark}", size=size)
            canvas.text(right, yy, style.number(amount), size=size, align="right")
            yy += 11.5
        if place.taxed and any(not v for _, _, v in disb):
            canvas.text(60, yy, f"* Not subject to {place.tax_name}", size=7, color=GREY)
            yy += 10
        return yy + 4

    # Summary rows: which figures are printed decides subtotal and tax in the truth.
    summary: list[tuple[str, str]] = [(fee_label, style.amount(fees))]
    subtotal_shown = not disb
    tax_single = place.taxed
    split_vat = place.taxed and d_vat > 0 and rng.random() < 0.5
    if disb:
        if split_vat:
            summary.append((f"{place.tax_name} on fees at {place.rate}%", style.amount(tax_fees)))
            summary.append((f"{disb_word} subject to {place.tax_name}", style.amount(d_vat)))
            summary.append((f"{place.tax_name} on {disb_word.lower()}", style.amount(tax_disb)))
            if d_out:
                summary.append(
                    (f"{disb_word} not subject to {place.tax_name}", style.amount(d_out))
                )
            tax_single = False
        else:
            summary.append((disb_word, style.amount(d_vat + d_out)))
            if place.taxed and rng.random() < 0.6:
                net_label = rng.choice(("Subtotal", f"Total excl. {place.tax_name}", "Net total"))
                summary.append((net_label, style.amount(net)))
                subtotal_shown = True
    if place.taxed and not split_vat:
        summary.append((f"{place.tax_name} at {place.rate}%", style.amount(tax)))
    total_label = rng.choice(
        (
            "Total this invoice",
            "Total amount of this invoice",
            "Invoice total",
            "Total for this bill",
        )
    )
    if place.taxed and rng.random() < 0.3:
        total_label = f"Total (including {place.tax_name})"
    summary.append((total_label, style.amount(total)))

    # The account side: what is due after money held and earlier bills.
    account: list[tuple[str, str]] = []
    mode = choose(rng, [(3, "none"), (2, "on-account"), (2, "statement")])
    held = Decimal(0)
    if mode == "on-account":
        held = money(total * Decimal(rng.choice(("0.3", "0.5", "1", "0.25"))))
        held_label = (
            "Less: retainer applied"
            if country == "US"
            else rng.choice(
                (
                    "Less: money on account",
                    "Less: paid on account",
                    "Less: transfer from client account",
                )
            )
        )
        account = [(held_label, _neg(place, held)), ("Balance due", style.amount(total - held))]
    elif mode == "statement":
        previous = money(Decimal(rng.randrange(800, 9000)) + Decimal(rng.randint(0, 99)) / 100)
        paid = previous if rng.random() < 0.6 else money(previous * Decimal("0.5"))
        account = [
            ("Previous balance", style.amount(previous)),
            ("Payments received - thank you", _neg(place, paid)),
            ("Current invoice", style.amount(total)),
            (
                rng.choice(("Balance due", "Total balance now due", "Amount due")),
                style.amount(previous - paid + total),
            ),
        ]
    trust_note = ""
    if rng.random() < 0.45:
        trust = money(Decimal(rng.randrange(500, 25000)) + Decimal(rng.randint(0, 99)) / 100)
        trust_note = (
            f"Funds held in trust on your behalf: {style.amount(trust)}"
            if country in ("US", "AU", "NZ")
            else f"Balance held on client account: {style.amount(trust)}"
        )

    def summary_block(top: float) -> float:
        left = right - 290
        yy = _rows(
            canvas,
            left,
            right,
            top,
            summary,
            size=9,
            step=13.5,
            bold=(total_label,),
            rule_before=(total_label,),
        )
        if account:
            yy += 4
            yy = _rows(
                canvas,
                left,
                right,
                yy,
                account,
                size=9,
                step=13,
                bold=(account[-1][0],),
                rule_before=(account[-1][0],),
            )
        return yy

    def closing(top: float) -> float:
        yy = top + 6
        if trust_note:
            canvas.text(50, yy, trust_note, size=8.5, bold=True)
            yy += 13
        terms = (
            f"Payment due by {place.dstyle.format(dates.due)}."
            if show_due and rng.random() < 0.5
            else rng.choice(
                (
                    "Payable within 30 days of the date of this invoice.",
                    "Due upon receipt. Thank you for your business.",
                    "Our terms are strictly 14 days.",
                )
            )
        )
        canvas.text(50, yy, terms, size=8.5)
        yy += 12
        canvas.text(
            50, yy, f"Please quote {number} with your payment.  {_bank(rng, country)}", size=8
        )
        return yy + 12

    reg = {
        "GB": "Authorised and regulated by the Solicitors Regulation Authority "
        f"(SRA No. {names.digits(rng, 6)}).",
        "IE": "Regulated by the Law Society of Ireland. A list of partners is available at our "
        "offices.",
        "US": "Questions about this statement? Contact our billing department.",
        "AU": "Liability limited by a scheme approved under Professional Standards Legislation.",
        "NZ": "Our standard terms of engagement apply. Interest may be charged on overdue "
        "accounts.",
    }[country]

    if layout == "letter":
        intro = rng.choice(
            (
                "To our professional charges for acting on your behalf in connection with the "
                "above matter, including taking your instructions, attendances, correspondence "
                "and advising you generally",
                "For professional services rendered in the above matter during the period to "
                f"{place.dstyle.format(issue - dt.timedelta(days=rng.randint(1, 6)))}"
                + (", as per the attached schedule of time" if detail else ""),
            )
        )
        if not detail:
            intro += f". {FIXED_FEES[kind]}."
        y = _paragraph(canvas, 50, y, intro, width - 100, 9) + 10
        y = summary_block(y) + 8
        y = closing(y)
        canvas.text(
            width / 2,
            800 if canvas.height > 800 else 752,
            reg,
            size=6.5,
            align="center",
            color=GREY,
        )
        if detail:
            canvas.new_page()
            canvas.text(50, 60, vendor, size=11, bold=True, color=accent)
            canvas.text(
                50,
                76,
                rng.choice(("Schedule of time recorded", "Narrative of work done", "Time detail")),
                size=10,
                bold=True,
            )
            canvas.text(right, 76, f"{number_label} {number}", size=8.5, align="right")
            yy = time_table(86)
            canvas.text(right - 70, yy + 6, "Total", size=8.5, bold=True, align="right")
            canvas.text(right, yy + 6, style.number(fees), size=8.5, bold=True, align="right")
            yy += 26
            canvas.text(50, yy, "Fee earner summary", size=9, bold=True)
            yy += 12
            for initials, name, grade, rate in earners:
                worked = [e for e in entries if e.initials == initials]
                if not worked:
                    continue
                hours = sum((e.hours for e in worked), Decimal(0))
                canvas.text(60, yy, f"{initials}  {name}, {grade}", size=8)
                canvas.text(right - 130, yy, qfmt(hours), size=8, align="right")
                canvas.text(right - 70, yy, style.number(rate), size=8, align="right")
                canvas.text(
                    right,
                    yy,
                    style.number(sum((e.amount for e in worked), Decimal(0))),
                    size=8,
                    align="right",
                )
                yy += 11
            if disb:
                disb_table(yy + 14)
    else:
        canvas.text(
            50,
            y,
            rng.choice(
                ("For professional services rendered", "Professional services", "Time entries")
            ),
            size=9.5,
            bold=True,
        )
        y += 4
        if detail:
            y = time_table(y)
            canvas.text(right - 70, y + 8, fee_label, size=8.5, bold=True, align="right")
            canvas.text(right, y + 8, style.amount(fees), size=8.5, bold=True, align="right")
            y += 24
        else:
            y = _paragraph(canvas, 50, y + 12, FIXED_FEES[kind], width - 100, 9) + 6
        if disb:
            y = disb_table(y)
        y = summary_block(y + 6)
        y = closing(y)
        canvas.text(width / 2, canvas.height - 36, reg, size=6.5, align="center", color=GREY)

    lines = entries if detail and not disb else None
    fields = truth_fields(
        number=number,
        issue=issue,
        due=dates.due if show_due else None,
        vendor=vendor,
        total=total,
        subtotal=net if subtotal_shown else None,
        tax=tax if tax_single else None,
        currency=place.currency,
        lines=[Line(e.text, e.hours, e.rate) for e in lines] if lines else None,
    )
    image: Image = choose(rng, [(4, None), (1, "jpg"), (0.4, "png")])
    return _finish(rng, fields, canvas, place, f"Invoice {number}", qstyle, image=image)


# ----------------------------------------------------------------------------- practice management

CONSULT_ROWS = [
    "Strategy workshop facilitation",
    "Stakeholder interviews",
    "Process mapping and analysis",
    "Draft findings report",
    "Project management",
    "Data migration planning",
    "Board presentation preparation",
    "HR policy review",
    "Market sizing analysis",
    "Steering committee meeting",
]
EXPENSES = {
    "US": [
        ("Filing fee", 1, "435.00"),
        ("Photocopies", 120, "0.25"),
        ("Mileage", 46, "0.67"),
        ("Postage", 1, "12.40"),
        ("Parking", 2, "18.00"),
    ],
    "GB": [
        ("Travel - rail fare", 1, "86.40"),
        ("Photocopying", 240, "0.10"),
        ("Mileage", 62, "0.45"),
        ("Courier", 1, "24.00"),
    ],
    "IE": [("Travel", 1, "64.00"), ("Mileage", 80, "0.43"), ("Courier", 1, "22.00")],
    "AU": [("Printing", 150, "0.30"), ("Travel - taxi", 1, "48.60"), ("Mileage", 55, "0.88")],
    "NZ": [("Printing", 100, "0.40"), ("Mileage", 70, "0.95"), ("Courier", 1, "18.50")],
}


def _practice_mgmt(rng: random.Random) -> Rendered:
    place = _place(rng)
    country = place.country
    style = place.style
    law = rng.random() < 0.6
    canvas = Canvas(
        *(LETTER if country == "US" else A4), family=rng.choice(("helv", "helv", "tiro"))
    )
    right = canvas.width - 45
    dates = pick_dates(rng, place.dstyle, due_days=(14, 15, 30))
    qstyle = _qstyle(rng)
    accent = rng.choice(ACCENTS)
    if law:
        vendor, _ = _law_firm(rng, country)
    else:
        a, b = rng.sample(_surnames(country), 2)
        adj = rng.choice(names.ADJECTIVES["en"].split())
        form = {"US": "LLC", "GB": "Ltd", "IE": "Ltd", "AU": "Pty Ltd", "NZ": "Limited"}[country]
        vendor = rng.choice(
            (
                f"{a} Consulting {form}",
                f"{adj} Advisory {form}",
                f"{a} {b} Partners",
                f"{adj} Management Consultants",
            )
        )
    number = rng.choice(
        (
            str(rng.randint(100, 4999)),
            f"INV-{rng.randint(1, 999):05d}",
            f"{issue_prefix(dates.issue)}{rng.randint(1, 299):03d}",
        )
    )

    # Rows: time entries (law: dated, with the fee earner) and expenses.
    earners = _earners(rng, country)
    kind = rng.choice(("litigation", "estate", "corporate"))
    if law:
        entries = _entries(rng, place, kind, dates.issue, rng.randint(3, 9), qstyle, earners)
        times = [Line(e.text, e.hours, e.rate) for e in entries]
        time_dates = [place.dstyle.format(e.day) for e in entries]
        who = [e.initials for e in entries]
    else:
        rate = Decimal(rng.randrange(95, 260, 5))
        times = []
        for text in rng.sample(CONSULT_ROWS, rng.randint(2, 6)):
            if rng.random() < 0.25:
                times.append(
                    Line(f"{text} (fixed fee)", Decimal(1), Decimal(rng.randrange(500, 4000, 50)))
                )
            else:
                times.append(Line(text, Decimal(rng.randint(2, 36)) / 2, rate))
        time_dates, who = [], []
    expenses = [
        Line(text, Decimal(qty), Decimal(unit))
        for text, qty, unit in rng.sample(EXPENSES[country], rng.randint(0, 3))
    ]
    time_sum = sum((line.amount for line in times), Decimal(0))
    exp_sum = sum((line.amount for line in expenses), Decimal(0))
    subtotal = time_sum + exp_sum
    tax = money(subtotal * place.rate / 100)
    total = subtotal + tax

    # Header.
    canvas.text(45, 60, vendor, size=15, bold=True, color=accent)
    y = 74.0
    for row in [
        *_address(rng, country),
        _phone(rng, country),
        _tax_id(rng, country) if place.taxed else "",
    ]:
        if row:
            canvas.text(45, y, row, size=8, color=GREY)
            y += 10
    heading = "TAX INVOICE" if country in ("AU", "NZ") else rng.choice(("INVOICE", "Invoice"))
    canvas.text(right, 62, heading, size=20, bold=True, align="right", color=accent)
    show_due = rng.random() < 0.85
    info = [
        (rng.choice(("Invoice #", "Invoice Number", "Invoice No.")), number),
        (rng.choice(("Invoice Date", "Date", "Issue Date")), place.dstyle.format(dates.issue)),
        ("Due Date", place.dstyle.format(dates.due))
        if show_due
        else ("Terms", rng.choice(("Net 30", "14 days"))),
    ]
    if law:
        info.append(("Matter", f"{names.digits(rng, 5)}-{rng.choice(_surnames(country))}"))
    elif rng.random() < 0.5:
        info.append(("PO Number", f"PO-{names.digits(rng, 6)}"))
    iy = 80.0
    for label, value in info:
        canvas.text(right - 150, iy, label, size=8.5, bold=True)
        canvas.text(right, iy, value, size=8.5, align="right")
        iy += 12
    y = max(y, iy) + 14
    canvas.text(
        45, y, rng.choice(("Bill To", "BILL TO", "Invoice To")), size=8.5, bold=True, color=accent
    )
    client = [
        _client_company(rng, country) if rng.random() < 0.6 else _person(rng, country),
        *_address(rng, country),
    ]
    for offset, row in enumerate(client):
        canvas.text(45, y + 12 + offset * 10.5, row, size=8.5)
    if law:
        matter = rng.choice(MATTER_TITLES[kind])
        canvas.text(300, y + 12, f"Matter description: {matter}", size=8.5)
    y += 20 + len(client) * 10.5

    fill = rng.choice((None, LIGHT))
    rules: Rules = rng.choice(("header", "zebra", "grid"))
    if law:
        canvas.text(45, y, "Time Entries", size=10, bold=True)
        order = rng.random() < 0.5
        columns = [Column("Date", 48), Column("EE", 108), Column("Description", 140)]
        columns += (
            [Column("Rate", right - 110, "right"), Column("Hours", right - 60, "right")]
            if order
            else [Column("Hours", right - 110, "right"), Column("Rate", right - 60, "right")]
        )
        columns.append(Column("Line Total", right - 3, "right"))
        rows = []
        for day, initials, line in zip(time_dates, who, times, strict=True):
            pair = [style.number(line.unit_price), qstyle.number(line.quantity)]
            rows.append(
                [
                    day,
                    initials,
                    line.description,
                    *(pair if order else pair[::-1]),
                    style.number(line.amount),
                ]
            )
        y = draw_table(
            canvas,
            y + 4,
            columns,
            rows,
            left=45,
            right=right,
            size=7.8,
            row_height=13,
            rules=rules,
            header_fill=fill,
        )
        if expenses:
            y += 8
            canvas.text(45, y, "Expenses", size=10, bold=True)
            columns = [
                Column("Description", 48),
                Column("Cost", right - 110, "right"),
                Column("Qty", right - 60, "right"),
                Column("Line Total", right - 3, "right"),
            ]
            rows = [
                [
                    e.description,
                    style.number(e.unit_price),
                    qstyle.number(e.quantity),
                    style.number(e.amount),
                ]
                for e in expenses
            ]
            y = draw_table(
                canvas,
                y + 4,
                columns,
                rows,
                left=45,
                right=right,
                size=7.8,
                row_height=13,
                rules=rules,
                header_fill=fill,
            )
    else:
        qty_head = rng.choice(("Hours/Qty", "Qty", "Hrs"))
        columns = [
            Column("Description", 48),
            Column(qty_head, right - 150, "right"),
            Column(rng.choice(("Rate", "Unit Price")), right - 80, "right"),
            Column("Amount", right - 3, "right"),
        ]
        rows = [
            [
                line.description,
                qstyle.number(line.quantity),
                style.number(line.unit_price),
                style.number(line.amount),
            ]
            for line in [*times, *expenses]
        ]
        y = draw_table(
            canvas,
            y + 4,
            columns,
            rows,
            left=45,
            right=right,
            size=8.3,
            row_height=14,
            rules=rules,
            header_fill=fill,
        )

    totals: list[tuple[str, str]] = []
    if law:
        totals.append(("Time Entry Sub-Total", style.amount(time_sum)))
        if expenses:
            totals.append(("Expense Sub-Total", style.amount(exp_sum)))
    sub_label = rng.choice(("Sub-Total", "Subtotal"))
    totals.append((sub_label, style.amount(subtotal)))
    if place.taxed:
        totals.append(
            (
                f"{place.tax_name} ({place.rate}%)"
                if rng.random() < 0.5
                else f"{place.tax_name} {place.rate}%",
                style.amount(tax),
            )
        )
    totals.append(("Total", style.amount(total)))
    paid = Decimal(0)
    if rng.random() < 0.5:
        paid = total if rng.random() < 0.4 else money(total * Decimal(rng.choice(("0.25", "0.5"))))
        pay_label = (
            "Payment from trust"
            if law and country != "GB"
            else rng.choice(("Amount Paid", "Less retainer"))
        )
        totals.append((pay_label, _neg(place, paid)))
    totals.append(
        ("Balance Due" if rng.random() < 0.6 else "Amount Due", style.amount(total - paid))
    )
    y = _rows(
        canvas,
        right - 230,
        right,
        y + 16,
        totals,
        size=9,
        step=14,
        bold=("Total", totals[-1][0]),
        rule_before=("Total",),
    )

    if law and rng.random() < 0.6:
        y += 8
        opening = money(Decimal(rng.randrange(2000, 30000)))
        deposits = money(Decimal(rng.randrange(0, 10000, 250)))
        label = "Trust Account" if country != "GB" else "Client Account"
        canvas.text(45, y, f"{label} Summary", size=9.5, bold=True)
        rows_t = [
            ("Opening balance", style.amount(opening)),
            ("Deposits", style.amount(deposits)),
            ("Payments", _neg(place, paid)),
            ("Closing balance", style.amount(opening + deposits - paid)),
        ]
        y = _rows(canvas, 45, 300, y + 14, rows_t, size=8.5, step=12)
    if rng.random() < 0.45:
        y += 8
        canvas.text(45, y, "Outstanding Invoices", size=9.5, bold=True)
        columns = [
            Column("Invoice #", 48),
            Column("Invoice Date", 140),
            Column("Amount", 330, "right"),
            Column("Balance", 420, "right"),
        ]
        rows = []
        for back in (rng.randint(40, 70), rng.randint(70, 110))[: rng.randint(1, 2)]:
            amount = money(Decimal(rng.randrange(300, 9000)) + Decimal(rng.randint(0, 99)) / 100)
            rows.append(
                [
                    str(rng.randint(50, 99)) + names.digits(rng, 2),
                    place.dstyle.format(dates.issue - dt.timedelta(days=back)),
                    style.number(amount),
                    style.number(money(amount * Decimal("0.5"))),
                ]
            )
        y = draw_table(canvas, y + 4, columns, rows, left=45, right=425, size=8, row_height=12)
    y += 14
    canvas.text(45, y, f"Please make payment to: {_bank(rng, country)}", size=8)
    canvas.text(
        45,
        y + 11,
        rng.choice(("Thank you for your business.", "We appreciate your prompt payment.")),
        size=8,
        color=GREY,
    )

    fields = truth_fields(
        number=number,
        issue=dates.issue,
        due=dates.due if show_due else None,
        vendor=vendor,
        total=total,
        subtotal=subtotal,
        tax=tax if place.taxed else None,
        currency=place.currency,
        lines=[*times, *expenses],
    )
    image: Image = choose(rng, [(6, None), (1, "png")])
    return _finish(rng, fields, canvas, place, f"Invoice {number}", qstyle, image=image)


def issue_prefix(day: dt.date) -> str:
    return f"{day.year % 100:02d}{day.month:02d}-"


# ----------------------------------------------------------------------------- accountants

FEE_ITEMS = [
    "Preparation of the financial statements for the year ended {ye} from the books and records "
    "supplied",
    "Preparation and submission of the corporation tax return for the year ended {ye}",
    "Preparation of your personal tax return for the year ended {ye}, including computation of "
    "the liability and submission online",
    "Quarterly bookkeeping and preparation of VAT returns for the period to {ye}",
    "Payroll services for the period to {ye}, including year-end submissions",
    "Advice on the restructuring of the business and meetings with you and your bank",
    "Company secretarial services, including preparation of the confirmation statement",
    "Attending to correspondence with the tax authority regarding the enquiry into the return",
]
OUTSIDE = {
    "GB": "Companies House filing fee (outside the scope of VAT)",
    "IE": "CRO annual return filing fee (outside the scope of VAT)",
    "AU": "ASIC annual review fee (GST-free)",
    "NZ": "Companies Office annual return fee (no GST)",
}
OUTSIDE_FEE = {"GB": "13.00", "IE": "20.00", "AU": "321.00", "NZ": "58.70"}


def _fee_note(rng: random.Random) -> Rendered:
    place = _place(rng)
    country = place.country
    style = place.style
    canvas = Canvas(
        *(LETTER if country == "US" else A4), family=rng.choice(("tiro", "tiro", "helv"))
    )
    width = canvas.width
    right = width - 60
    dates = pick_dates(rng, place.dstyle, due_days=(14, 21, 30))
    a, b = rng.sample(_surnames(country), 2)
    if country == "US":
        vendor = rng.choice((f"{a} & {b}, CPAs", f"{a} {b} CPA, PLLC", f"{a} & Company, P.C."))
        tagline = "Certified Public Accountants"
    else:
        vendor = rng.choice((f"{a} & Co", f"{a} {b} Accountants Ltd", f"{a} {b} LLP", f"{a} & {b}"))
        if country == "AU":
            vendor = vendor.replace(" Ltd", " Pty Ltd")
        tagline = rng.choice(
            (
                "Chartered Accountants",
                "Chartered Accountants & Business Advisers",
                "Chartered Tax Advisers",
                "Accountants and Tax Advisers",
            )
        )
    registered = place.taxed and rng.random() < 0.88
    contact = [" ".join(_address(rng, country)), f"Tel {_phone(rng, country)}"]
    if registered or country == "AU":
        contact.append(_tax_id(rng, country))
    y = _letterhead(
        canvas,
        rng,
        vendor,
        tagline,
        contact,
        accent=rng.choice(ACCENTS),
        align=rng.choice(("center", "center", "left")),
    )

    client = _client_company(rng, country) if rng.random() < 0.6 else _person(rng, country)
    lines = [client, *_address(rng, country)]
    for offset, row in enumerate(lines):
        canvas.text(60, y + offset * 11.5, row, size=10)
    canvas.text(right, y, place.dstyle.format(dates.issue), size=10, align="right")
    code = f"{client.split()[0][:3].upper()}{names.digits(rng, 3)}"
    canvas.text(right, y + 13, f"Client code: {code}", size=9, align="right")
    y += len(lines) * 11.5 + 22

    title = (
        "TAX INVOICE"
        if registered and country in ("AU", "NZ")
        else rng.choice(("FEE NOTE", "INVOICE"))
    )
    if country == "US":
        title = rng.choice(("INVOICE", "STATEMENT OF PROFESSIONAL FEES"))
    number = rng.choice(
        (
            str(rng.randint(1000, 19999)),
            f"{a[:3].upper()}/{dates.issue.year % 100}/{rng.randint(1, 999):04d}",
            f"F{rng.randint(100, 9999)}",
        )
    )
    canvas.text(width / 2, y, title, size=13, bold=True, align="center")
    canvas.text(
        width / 2,
        y + 15,
        f"No. {number}" if rng.random() < 0.5 else f"{title.title()} number: {number}",
        size=10,
        align="center",
    )
    y += 38
    ye_day = dates.issue - dt.timedelta(days=rng.randint(60, 300))
    ye = DateStyle("{month} {d}, {yyyy}" if country == "US" else "{d} {month} {yyyy}").format(
        ye_day
    )
    opener = rng.choice(
        (
            "To professional services rendered",
            "To: Professional services rendered in connection with the following",
            "For professional services rendered",
        )
    )
    canvas.text(60, y, opener + ("" if opener.endswith("following") else ":"), size=10, bold=True)
    y += 20
    texts = [t.format(ye=ye) for t in rng.sample(FEE_ITEMS, rng.randint(1, 3))]
    if country == "US":
        texts = [
            t.replace("corporation tax return", "Form 1120-S")
            .replace("VAT returns", "sales tax returns")
            .replace("Companies House", "state")
            for t in texts
        ]
    elif country in ("AU", "NZ"):
        texts = [
            t.replace("corporation tax return", "company income tax return")
            .replace("VAT returns", "GST returns")
            .replace("the tax authority", "the ATO" if country == "AU" else "Inland Revenue")
            for t in texts
        ]
    fees = [Decimal(rng.randrange(250, 3000, 25)) for _ in texts]
    text_width = right - 60 - 110
    if len(texts) == 1 or rng.random() < 0.3:
        for text in texts:
            canvas.text(66, y, "-", size=10)
            y = _paragraph(canvas, 78, y, text, text_width, 10) + 4
        fee_rows = [
            (rng.choice(("Our fee", "Our fee for the above", "Fee")), sum(fees, Decimal(0)))
        ]
    else:
        fee_rows = []
        for text, fee in zip(texts, fees, strict=True):
            end = _paragraph(canvas, 60, y, text, text_width, 10)
            canvas.text(right, end - 13.5, style.number(fee), size=10, align="right")
            y = end + 6
    fee_sum = sum(fees, Decimal(0))
    outside = (
        Decimal(OUTSIDE_FEE[country]) if country != "US" and rng.random() < 0.35 else Decimal(0)
    )
    tax = money(fee_sum * place.rate / 100) if registered else Decimal(0)
    total = fee_sum + tax + outside
    y += 6
    rows: list[tuple[str, str]] = [(label, style.amount(value)) for label, value in fee_rows]
    subtotal_shown = not outside and bool(fee_rows)
    if not fee_rows and (rng.random() < 0.6 or registered):
        canvas.line(right - 80, y - 10, right, y - 10, width=0.5)
        rows.append(("", style.number(fee_sum)))
        subtotal_shown = not outside
    if registered:
        rows.append((f"{place.tax_name} @ {place.rate}%", style.amount(tax)))
    if outside:
        rows.append((OUTSIDE[country], style.amount(outside)))
    total_label = rng.choice(("Total", "Total fee", "Amount of this invoice", "TOTAL"))
    rows.append((total_label, style.amount(total)))
    y = _rows(
        canvas,
        60,
        right,
        y,
        rows,
        size=10,
        step=16,
        bold=(total_label,),
        rule_before=(total_label,),
    )
    instalments = "monthly payments received" if country == "US" else "paid by standing order"
    if rng.random() < 0.4:
        months = rng.randint(3, 12)
        monthly = money(total / Decimal(months * 2) + 1)
        paid = monthly * months
        if paid < total:
            y = _rows(
                canvas,
                60,
                right,
                y + 4,
                [
                    (
                        f"Less: {instalments} ({months} x {style.amount(monthly)})",
                        _neg(place, paid),
                    ),
                    ("Balance now due", style.amount(total - paid)),
                ],
                size=10,
                step=16,
                bold=("Balance now due",),
            )
    if not registered and place.taxed:
        canvas.text(60, y + 6, f"We are not registered for {place.tax_name}.", size=9, color=GREY)
        y += 14
    show_due = rng.random() < 0.4
    terms = (
        f"Payment due by {place.dstyle.format(dates.due)}."
        if show_due
        else rng.choice(
            (
                "Terms: strictly 14 days net.",
                "Our terms are payment within 30 days.",
                "Payable on receipt.",
            )
        )
    )
    y += 18
    canvas.text(60, y, terms, size=9.5)
    canvas.text(60, y + 13, f"Bank: {_bank(rng, country)}  Reference: {number}", size=9)
    canvas.text(
        width / 2,
        canvas.height - 40,
        f"E. & O.E.   {vendor} - {tagline}",
        size=7,
        align="center",
        color=GREY,
    )

    fields = truth_fields(
        number=number,
        issue=dates.issue,
        due=dates.due if show_due else None,
        vendor=vendor,
        total=total,
        subtotal=fee_sum if subtotal_shown else None,
        tax=tax if registered else None,
        currency=place.currency,
    )
    image: Image = choose(rng, [(2, None), (1, "jpg"), (0.3, "png")])
    return _finish(rng, fields, canvas, place, f"Fee note {number}", QuantityStyle(), image=image)


# ------------------------------------------------------------------- architects, engineers

PROJECTS = (
    "Extension and refurbishment",
    "New dwelling",
    "Office fit-out",
    "Mixed-use development",
)
RIBA = [
    ("0-1", "Strategic Definition and Preparation & Briefing", 5),
    ("2", "Concept Design", 15),
    ("3", "Spatial Coordination", 20),
    ("4", "Technical Design", 25),
    ("5", "Manufacturing and Construction", 30),
    ("6", "Handover", 5),
]
PHASES = {
    "US": [
        ("SD", "Schematic Design", 15),
        ("DD", "Design Development", 20),
        ("CD", "Construction Documents", 40),
        ("BN", "Bidding and Negotiation", 5),
        ("CA", "Construction Administration", 20),
    ],
    "AU": [
        ("1", "Concept Design", 15),
        ("2", "Schematic Design", 15),
        ("3", "Design Development", 20),
        ("4", "Contract Documentation", 30),
        ("5", "Tender", 5),
        ("6", "Contract Administration", 15),
    ],
}


def _stage_fee(rng: random.Random) -> Rendered:
    place = _place(rng)
    country = place.country
    style = place.style
    canvas = Canvas(
        *(LETTER if country == "US" else A4), family=rng.choice(("helv", "helv", "tiro"))
    )
    width = canvas.width
    right = width - 50
    dates = pick_dates(rng, place.dstyle, due_days=(14, 30, 30))
    a, b = rng.sample(_surnames(country), 2)
    adj = rng.choice(names.ADJECTIVES["en" if country != "US" else "us"].split())
    engineer = rng.random() < 0.35
    if engineer:
        vendor = rng.choice(
            (
                f"{a} {b} Consulting Engineers",
                f"{adj} Structural Engineers",
                f"{a} & {b} Engineering",
            )
        )
        tagline = rng.choice(
            ("Structural and Civil Engineering", "Building Services Engineers", "")
        )
    else:
        vendor = rng.choice(
            (
                f"{a} {b} Architects",
                f"{a} Architects",
                f"{adj} Architecture Studio",
                f"{a} + {b} Architects",
            )
        )
        tagline = {
            "GB": "RIBA Chartered Practice",
            "IE": "RIAI Registered Practice",
            "US": "Architecture | Interiors | Planning",
            "AU": "Architects",
            "NZ": "Architects",
        }[country]
    if country == "GB" and rng.random() < 0.5:
        vendor += " Ltd"
    accent = rng.choice(ACCENTS)
    y = _letterhead(
        canvas,
        rng,
        vendor,
        tagline,
        [
            " ".join(_address(rng, country)),
            _phone(rng, country),
            _tax_id(rng, country) if place.taxed else "",
        ][: 3 if place.taxed else 2],
        accent=accent,
        align=rng.choice(("left", "right")),
    )

    stages = RIBA if country in ("GB", "IE") else PHASES["US" if country == "US" else "AU"]
    cost = Decimal(rng.randrange(250_000, 3_000_000, 5_000))
    percent = Decimal(rng.choice(("6.5", "7.5", "8", "9.5", "10", "12")))
    fee = money(cost * percent / 100)
    current = rng.randint(1, len(stages) - 2)
    now = [100 if i < current else 0 for i in range(len(stages))]
    now[current] = rng.choice((25, 50, 75, 100))
    before = list(now)
    before[current] = rng.choice([p for p in (0, 25, 50, 75) if p < now[current]])
    if before[current] == 0 and rng.random() < 0.5:
        before[current - 1] = rng.choice((50, 75))
    stage_fees = [money(fee * share / 100) for _, _, share in stages]
    to_date = [money(f * p / 100) for f, p in zip(stage_fees, now, strict=True)]
    earned = sum(to_date, Decimal(0))
    previously = sum(
        (money(f * p / 100) for f, p in zip(stage_fees, before, strict=True)), Decimal(0)
    )
    this_fee = earned - previously
    expenses = Decimal(0)
    if rng.random() < 0.4:
        expenses = money(Decimal(rng.randint(3000, 60000)) / 100)
    net = this_fee + expenses
    tax = money(net * place.rate / 100)
    total = net + tax

    number = rng.choice(
        (
            str(rng.randint(1000, 9999)),
            f"{names.digits(rng, 4)}-{rng.randint(1, 20):02d}",
            f"INV{names.digits(rng, 5)}",
        )
    )
    project_no = (
        f"{dates.issue.year % 100}{names.digits(rng, 3)}"
        if rng.random() < 0.6
        else f"P{names.digits(rng, 4)}"
    )
    client = _client_company(rng, country) if rng.random() < 0.5 else _person(rng, country)
    for offset, row in enumerate([client, *_address(rng, country)]):
        canvas.text(50, y + offset * 11, row, size=9)
    title = (
        "TAX INVOICE"
        if country in ("AU", "NZ")
        else rng.choice(("INVOICE", "Fee Invoice", "Invoice"))
    )
    canvas.text(right, y - 4, title, size=13, bold=True, align="right", color=accent)
    show_due = rng.random() < 0.5
    info = [
        (rng.choice(("Invoice No.", "Invoice number", "Invoice #")), number),
        (rng.choice(("Date", "Invoice date")), place.dstyle.format(dates.issue)),
        ("Project No.", project_no),
        ("Fee claim", f"No. {rng.randint(2, 9)}"),
    ]
    if show_due:
        info.append(("Due date", place.dstyle.format(dates.due)))
    iy = y + 12
    for label, value in info:
        canvas.text(right - 160, iy, label, size=8.5, bold=True)
        canvas.text(right, iy, value, size=8.5, align="right")
        iy += 11.5
    y = max(iy, y + 50) + 12
    site = _address(rng, country)[0]
    canvas.text(
        50,
        y,
        f"Project: {rng.choice(PROJECTS)} at {site}",
        size=9.5,
        bold=True,
    )
    y += 14
    appointment = {
        "GB": "RIBA Professional Services Contract 2020",
        "IE": "RIAI Client Architect Agreement",
        "US": "AIA B101-2017 Owner-Architect Agreement",
        "AU": "Client Architect Agreement",
        "NZ": "NZIA Agreement for Architect's Services",
    }[country]
    if engineer:
        appointment = "our letter of appointment"
    basis = (
        f"Fee basis: {percent}% of the estimated construction cost of {style.amount(cost)} = "
        f"{style.amount(fee)} (excl. {place.tax_name or 'reimbursables'}), per {appointment}."
    )
    y = _paragraph(canvas, 50, y, basis, width - 100, 8.5) + 8

    columns = [
        Column("Stage", 52),
        Column("Description", 90),
        Column("% of fee", right - 250, "right"),
        Column("Stage fee", right - 170, "right"),
        Column("Complete", right - 100, "right"),
        Column("Fee to date", right - 3, "right"),
    ]
    rows = [
        [code, text, f"{share}%", style.number(sf), f"{p}%", style.number(td)]
        for (code, text, share), sf, p, td in zip(stages, stage_fees, now, to_date, strict=True)
    ]
    y = draw_table(
        canvas,
        y,
        columns,
        rows,
        left=50,
        right=right,
        size=7.8,
        row_height=13,
        rules=rng.choice(("grid", "header")),
        header_fill=rng.choice((None, LIGHT)),
    )
    rows_s: list[tuple[str, str]] = [
        (rng.choice(("Fees to date", "Total fee earned to date")), style.amount(earned)),
        (
            rng.choice(("Less previously invoiced", "Less: fees previously invoiced")),
            _neg(place, previously),
        ),
        (rng.choice(("Fee this invoice", "Fees due this invoice")), style.amount(this_fee)),
    ]
    subtotal_shown = not expenses
    if expenses:
        rows_s.append(
            (
                rng.choice(("Expenses (schedule attached)", "Reimbursable expenses")),
                style.amount(expenses),
            )
        )
        if place.taxed and rng.random() < 0.6:
            rows_s.append((rng.choice(("Net amount this invoice", "Subtotal")), style.amount(net)))
            subtotal_shown = True
    if place.taxed:
        rows_s.append((f"{place.tax_name} at {place.rate}%", style.amount(tax)))
    total_label = rng.choice(("Total this invoice", "Amount due this invoice", "Total"))
    rows_s.append((total_label, style.amount(total)))
    y = _rows(
        canvas,
        right - 280,
        right,
        y + 14,
        rows_s,
        size=9,
        step=14,
        bold=(total_label,),
        rule_before=(total_label,),
    )
    if rng.random() < 0.5:
        y += 6
        canvas.text(50, y, "Previous invoices", size=8.5, bold=True)
        first = money(previously * Decimal("0.4"))
        for offset, (back, amount) in enumerate(
            ((rng.randint(70, 120), first), (rng.randint(30, 60), previously - first))
        ):
            inv = f"{rng.randint(1000, 9999)}"
            canvas.text(
                60,
                y + 12 + offset * 11,
                f"{inv}   {place.dstyle.format(dates.issue - dt.timedelta(days=back))}"
                f"   {style.amount(amount)}",
                size=8,
            )
        y += 36
    terms = (
        f"Payment due by {place.dstyle.format(dates.due)}."
        if show_due
        else "Payment within 28 days of the invoice date, please."
    )
    canvas.text(50, y + 10, terms, size=8.5)
    canvas.text(50, y + 22, f"Remittance: {_bank(rng, country)}", size=8.5)

    fields = truth_fields(
        number=number,
        issue=dates.issue,
        due=dates.due if show_due else None,
        vendor=vendor,
        total=total,
        subtotal=net if subtotal_shown else None,
        tax=tax if place.taxed else None,
        currency=place.currency,
    )
    image: Image = choose(rng, [(4, None), (1, "jpg")])
    return _finish(rng, fields, canvas, place, f"Invoice {number}", QuantityStyle(), image=image)


# ----------------------------------------------------------------------------- US patient statement

CPT = [
    ("99213", "Office visit, est. patient, level 3", "165.00"),
    ("99214", "Office visit, est. patient, level 4", "235.00"),
    ("99203", "Office visit, new patient, level 3", "210.00"),
    ("85025", "CBC with differential", "38.00"),
    ("80053", "Comprehensive metabolic panel", "52.00"),
    ("36415", "Venipuncture", "18.00"),
    ("90686", "Influenza vaccine, quadrivalent", "42.00"),
    ("90471", "Immunization administration", "28.00"),
    ("93000", "Electrocardiogram, complete", "85.00"),
    ("71046", "Chest X-ray, 2 views", "145.00"),
]
CDT = [
    ("D0120", "Periodic oral evaluation", "68.00"),
    ("D1110", "Prophylaxis - adult", "112.00"),
    ("D0274", "Bitewings - four radiographic images", "78.00"),
    ("D2392", "Resin composite - two surfaces, posterior", "245.00"),
    ("D0330", "Panoramic radiographic image", "135.00"),
    ("D1208", "Topical fluoride varnish", "42.00"),
    ("D2740", "Crown - porcelain/ceramic", "1,350.00"),
]
INSURERS = (
    "Aetna",
    "UnitedHealthcare",
    "Blue Cross Blue Shield",
    "Cigna",
    "Humana",
    "Delta Dental",
    "MetLife Dental",
)


def _patient_statement(rng: random.Random) -> Rendered:
    place = _place(rng, ("US",))
    style = place.style
    canvas = Canvas(*LETTER, family=rng.choice(("helv", "helv", "cour")))
    right = canvas.width - 40
    dental = rng.random() < 0.35
    adj = rng.choice(names.ADJECTIVES["us"].split())
    a, b = rng.sample(_surnames("US"), 2)
    if dental:
        vendor = rng.choice((f"{adj} Dental Group", f"{a} Family Dentistry", f"{a} & {b} DDS, PC"))
    else:
        vendor = rng.choice(
            (
                f"{adj} Family Medicine",
                f"{a} Pediatrics, P.A.",
                f"{adj} Orthopedic Associates",
                f"{a} Internal Medicine",
                f"{adj} Dermatology & Skin Care",
            )
        )
    dates = pick_dates(rng, place.dstyle, due_days=(14, 21, 30))
    codes = CDT if dental else CPT
    insurer = rng.choice(INSURERS[5:] if dental else INSURERS[:5])
    visits = sorted(
        dates.issue - dt.timedelta(days=rng.randint(15, 90)) for _ in range(rng.randint(1, 3))
    )
    rows: list[tuple[dt.date, str, str, Decimal, Decimal, Decimal]] = []
    for day in visits:
        for code, text, charge in rng.sample(codes, rng.randint(1, 4)):
            amount = Decimal(charge.replace(",", ""))
            if rng.random() < 0.15:
                paid, adjust = Decimal(0), Decimal(0)
            else:
                paid = money(amount * Decimal(rng.randint(35, 70)) / 100)
                adjust = money(amount * Decimal(rng.randint(5, 25)) / 100)
            rows.append((day, code, text, amount, paid, adjust))
    charges = sum((r[3] for r in rows), Decimal(0))
    ins = sum((r[4] for r in rows), Decimal(0))
    adjust = sum((r[5] for r in rows), Decimal(0))
    copay = Decimal(rng.choice((0, 0, 20, 25, 40)))
    owe = charges - ins - adjust - copay
    account = names.digits(rng, rng.choice((6, 7, 8)))
    patient = _person(rng, "US")
    guarantor = patient if rng.random() < 0.7 else _person(rng, "US")

    # Tear-off top: practice, statement box.
    canvas.text(40, 50, vendor, size=13, bold=True)
    y = 63.0
    for row in [*names.address(rng, "us"), f"Billing questions: {names.phone(rng, 'US')}"]:
        canvas.text(40, y, row, size=8)
        y += 10
    number_kind = choose(rng, [(3, "invoice"), (2, "statement"), (5, None)])
    number = f"{names.digits(rng, 7)}" if number_kind else ""
    show_due = rng.random() < 0.6
    box: list[tuple[str, str]] = [("Statement Date", place.dstyle.format(dates.issue))]
    if number_kind == "invoice":
        box.append(("Invoice No.", number))
    elif number_kind == "statement":
        box.append(("Statement No.", number))
    box.append((rng.choice(("Account Number", "Account #", "Acct No.")), account))
    if show_due:
        box.append(
            (
                rng.choice(("Due Date", "Please pay by", "Payment Due")),
                place.dstyle.format(dates.due),
            )
        )
    owe_label = rng.choice(("Amount You Owe", "Please Pay This Amount", "Patient Balance Due"))
    box.append((owe_label, style.amount(owe)))
    box.append(("Amount Enclosed", "$__________"))
    canvas.box(330, 40, right, 46 + len(box) * 14, width=0.7)
    _rows(canvas, 338, right - 8, 54, box, size=8.5, step=14, bold=(owe_label,))
    y = max(y, 46 + len(box) * 14) + 16
    canvas.text(40, y, guarantor.upper(), size=9)
    for offset, row in enumerate(names.address(rng, "us")):
        canvas.text(40, y + 11 + offset * 11, row.upper(), size=9)
    y += 48
    canvas.text(
        306,
        y,
        "Please detach and return the top portion with your payment.",
        size=7,
        align="center",
        color=GREY,
    )
    y += 6
    x = 20.0
    while x < canvas.width - 20:
        canvas.line(x, y, x + 4, y, width=0.6)
        x += 8
    y += 20
    canvas.text(40, y, f"Patient: {patient}", size=9, bold=True)
    canvas.text(250, y, f"Patient ID: {names.digits(rng, 8)}", size=8.5)
    canvas.text(right, y, f"Primary insurance: {insurer}", size=8.5, align="right")
    y += 8
    transactions = rng.random() < 0.45
    if transactions:
        columns = [
            Column("Date", 42),
            Column("Code", 110),
            Column("Description", 160),
            Column("Amount", right - 3, "right"),
        ]
        table = []
        claim = names.digits(rng, 10)
        for day, code, text, amount, *_ in rows:
            table.append([place.dstyle.format(day), code, text, style.number(amount)])
        for label, value in (
            (f"Insurance payment - {insurer} (claim {claim})", ins),
            ("Contractual adjustment", adjust),
            ("Patient payment - thank you", copay),
        ):
            if value:
                table.append(
                    [
                        place.dstyle.format(visits[-1] + dt.timedelta(days=rng.randint(10, 14))),
                        "",
                        label,
                        style.number(-value),
                    ]
                )
    else:
        columns = [
            Column("DOS", 42),
            Column("Code", 100),
            Column("Description", 145),
            Column("Charges", right - 190, "right"),
            Column("Ins. Paid", right - 125, "right"),
            Column("Adjust.", right - 65, "right"),
            Column("Pt. Resp.", right - 3, "right"),
        ]
        table = [
            [
                place.dstyle.format(day),
                code,
                text,
                style.number(amount),
                style.number(paid),
                style.number(adj_),
                style.number(amount - paid - adj_),
            ]
            for day, code, text, amount, paid, adj_ in rows
        ]
    y = draw_table(
        canvas,
        y,
        columns,
        table,
        left=40,
        right=right,
        size=7.6,
        row_height=12.5,
        rules=rng.choice(("header", "grid")),
        header_fill=rng.choice((None, LIGHT)),
    )
    summary = [
        (rng.choice(("Total Charges", "Total charges")), style.amount(charges)),
        ("Insurance Payments", _neg(place, ins)),
        ("Adjustments", _neg(place, adjust)),
    ]
    if copay:
        summary.append(("Patient Payments", _neg(place, copay)))
    summary.append((owe_label, style.amount(owe)))
    y = _rows(
        canvas,
        right - 220,
        right,
        y + 14,
        summary,
        size=9,
        step=13.5,
        bold=(owe_label,),
        rule_before=(owe_label,),
    )
    canvas.text(40, y + 8, "Account aging", size=8.5, bold=True)
    aging = ["Current", "31-60", "61-90", "Over 90"]
    for offset, label in enumerate(aging):
        value = owe if offset == 0 else Decimal(0)
        canvas.text(40 + offset * 80, y + 20, label, size=8)
        canvas.text(40 + offset * 80, y + 31, style.number(value), size=8)
    note = rng.choice(
        (
            "Your insurance has paid its portion. The balance is your responsibility.",
            "We accept Visa, MasterCard and Discover. Pay online at our patient portal.",
            "If you have questions about your bill, please call our billing office.",
        )
    )
    canvas.text(40, y + 52, note, size=8)

    fields = truth_fields(
        number=number,
        issue=dates.issue,
        due=dates.due if show_due else None,
        vendor=vendor,
        total=charges,
        subtotal=None,
        tax=None,
        currency="USD",
    )
    if not number:
        fields.pop("invoice_number")
    image: Image = choose(rng, [(1, None), (0.8, "jpg"), (0.4, "png")])
    return _finish(rng, fields, canvas, place, f"Statement {account}", QuantityStyle(), image=image)


# ----------------------------------------------------------------------------- vet, dental, physio

VET_ITEMS = [
    ("CONS", "Consultation - standard", 1, "68.00"),
    ("VAC", "Vaccination - annual booster", 1, "89.50"),
    ("MEL10", "Meloxicam 1.5mg/ml oral suspension 10ml", 1, "21.40"),
    ("CARP50", "Carprofen 50mg tablet", 14, "1.35"),
    ("NEX", "Spot-on flea and worm treatment, medium dog", 3, "24.95"),
    ("DENT", "Dental scale and polish", 1, "285.00"),
    ("GA30", "General anaesthetic - first 30 min", 1, "210.00"),
    ("BLD", "Blood test - in-house biochemistry", 1, "145.00"),
    ("WASTE", "Clinical waste disposal", 1, "4.50"),
    ("CHIP", "Microchip implant", 1, "45.00"),
    ("NAIL", "Nail clip", 1, "16.00"),
    ("AMOX", "Amoxicillin/clavulanate 250mg tablet", 10, "1.90"),
]
DENTAL_ITEMS = {
    "AU": [
        ("011", "Comprehensive oral examination", 1, "85.00"),
        ("114", "Removal of calculus", 1, "140.00"),
        ("121", "Topical remineralisation agent", 1, "45.00"),
        ("022", "Intraoral periapical radiograph", 2, "42.00"),
        ("531", "Adhesive restoration - 1 surface posterior", 1, "185.00"),
    ],
    "other": [
        ("EX", "Examination", 1, "55.00"),
        ("SP", "Scale and polish", 1, "75.00"),
        ("XR", "Small X-ray", 2, "18.00"),
        ("WF", "White filling", 1, "140.00"),
        ("FLU", "Fluoride application", 1, "25.00"),
    ],
}
PHYSIO_ITEMS = [
    ("IC", "Initial consultation", 1, "95.00"),
    ("SC", "Standard consultation", 1, "80.00"),
    ("DN", "Dry needling", 1, "15.00"),
    ("TB", "Exercise band", 2, "12.50"),
    ("TAPE", "Strapping tape", 1, "9.90"),
]
PETS = [
    ("Bella", "Canine", "Labrador"),
    ("Max", "Canine", "Border Collie"),
    ("Luna", "Feline", "DSH"),
    ("Charlie", "Canine", "Cavoodle"),
    ("Milo", "Feline", "Ragdoll"),
    ("Poppy", "Canine", "Jack Russell"),
]


def _practice_invoice(rng: random.Random) -> Rendered:
    place = _place(rng, ("GB", "IE", "AU", "NZ"))
    country = place.country
    style = place.style
    canvas = Canvas(*A4, family=rng.choice(("helv", "helv", "tiro", "cour")))
    right = canvas.width - 45
    kind = choose(rng, [(6, "vet"), (2.5, "dental"), (1.5, "physio")])
    taxed = kind == "vet" or country == "NZ"
    adj = rng.choice(names.ADJECTIVES["en"].split())
    a = rng.choice(_surnames(country))
    vendor = {
        "vet": rng.choice(
            (
                f"{adj} Veterinary Clinic",
                f"{a} Vets",
                f"{adj} Animal Hospital",
                f"{a} Veterinary Surgery",
            )
        ),
        "dental": rng.choice((f"{a} Dental", f"{adj} Dental Care", f"{adj} Dental Practice")),
        "physio": rng.choice((f"{a} Physiotherapy", f"{adj} Physio & Sports Injury Clinic")),
    }[kind]
    dates = pick_dates(rng, place.dstyle, due_days=(7, 14, 30))
    pool = {
        "vet": VET_ITEMS,
        "dental": DENTAL_ITEMS["AU" if country == "AU" else "other"],
        "physio": PHYSIO_ITEMS,
    }[kind]
    lines = []
    codes = []
    for code, text, qty, unit in rng.sample(pool, rng.randint(2, min(6, len(pool)))):
        unit_price = Decimal(unit)
        if rng.random() < 0.3:
            unit_price = money(unit_price * Decimal(rng.choice(("1.05", "0.95", "1.1"))))
        lines.append(Line(text, Decimal(qty), unit_price))
        codes.append(code)
    total = sum((line.amount for line in lines), Decimal(0))
    tax = inclusive_tax(total, place.rate) if taxed else Decimal(0)
    qstyle = rng.choice((QuantityStyle(), FixedQuantity(places=2)))

    canvas.text(45, 56, vendor, size=16, bold=True, color=rng.choice(ACCENTS))
    y = 70.0
    contact = [", ".join(_address(rng, country)), f"Ph {_phone(rng, country)}"]
    if taxed or country == "AU":
        contact.append(_tax_id(rng, country))
    for row in contact:
        canvas.text(45, y, row, size=8, color=GREY)
        y += 10
    title = (
        "Tax Invoice"
        if country in ("AU", "NZ") and taxed
        else rng.choice(("Invoice", "INVOICE", "Invoice / Receipt"))
    )
    canvas.text(right, 58, title, size=15, bold=True, align="right")
    number = rng.choice((str(rng.randint(10000, 999999)), f"INV{rng.randint(10000, 99999)}"))
    show_due = rng.random() < 0.25
    info = [
        (rng.choice(("Invoice No.", "Invoice #", "Invoice Number")), number),
        (rng.choice(("Date", "Invoice Date")), place.dstyle.format(dates.issue)),
        (rng.choice(("Client No.", "Account No.")), names.digits(rng, 5)),
    ]
    if show_due:
        info.append(("Due Date", place.dstyle.format(dates.due)))
    iy = 74.0
    for label, value in info:
        canvas.text(right - 140, iy, label, size=8.5, bold=True)
        canvas.text(right, iy, value, size=8.5, align="right")
        iy += 11.5
    y = max(y, iy) + 14
    owner = _person(rng, country)
    for offset, row in enumerate([owner, *_address(rng, country)]):
        canvas.text(45, y + offset * 11, row, size=9)
    if kind == "vet":
        pet, species, breed = rng.choice(PETS)
        canvas.text(300, y, f"Patient: {pet}", size=9, bold=True)
        canvas.text(
            300,
            y + 11,
            f"{species}, {breed}, {rng.randint(2, 38)} kg"
            if species == "Canine"
            else f"{species}, {breed}",
            size=8.5,
        )
        canvas.text(300, y + 22, f"Patient ID: {names.digits(rng, 6)}", size=8.5)
    else:
        canvas.text(300, y, f"Patient: {owner}", size=9, bold=True)
        canvas.text(300, y + 11, f"Practitioner: {_person(rng, country)}", size=8.5)
        if country == "AU" and kind == "dental":
            canvas.text(
                300,
                y + 22,
                f"Provider No. {names.digits(rng, 6)}{rng.choice('ABCDFHJK')}",
                size=8.5,
            )
    y += 56
    visit = dates.issue if rng.random() < 0.7 else dates.other[0]
    columns = [
        Column("Date", 48),
        Column("Code" if kind != "dental" or country != "AU" else "Item", 110),
        Column("Description", 160),
        Column("Qty", right - 150, "right"),
        Column("Unit price", right - 80, "right"),
        Column("Amount", right - 3, "right"),
    ]
    table = [
        [
            place.dstyle.format(visit),
            code,
            line.description,
            qstyle.number(line.quantity),
            style.number(line.unit_price),
            style.number(line.amount),
        ]
        for code, line in zip(codes, lines, strict=True)
    ]
    y = draw_table(
        canvas,
        y,
        columns,
        table,
        left=45,
        right=right,
        size=8,
        row_height=13.5,
        rules=rng.choice(("header", "zebra", "grid")),
        header_fill=rng.choice((None, LIGHT)),
    )
    label = (
        f"Total (incl. {place.tax_name})"
        if taxed and rng.random() < 0.6
        else rng.choice(("Total", "Invoice total"))
    )
    rows: list[tuple[str, str]] = []
    subtotal_shown = taxed and rng.random() < 0.4
    if subtotal_shown:
        rows.append((f"Total excl. {place.tax_name}", style.amount(total - tax)))
    if taxed and rng.random() < 0.5:
        rows.append((label, style.amount(total)))
        rows.append(
            (
                f"{place.tax_name} included"
                if rng.random() < 0.5
                else f"{place.tax_name} @ {place.rate}% included",
                style.amount(tax),
            )
        )
    else:
        if taxed:
            rows.append((f"{place.tax_name}", style.amount(tax)))
        rows.append((label, style.amount(total)))
    decoys: list[tuple[str, str]] = []
    paid = total
    if kind == "dental" and country == "AU" and rng.random() < 0.7:
        benefit = money(total * Decimal(rng.randint(40, 70)) / 100)
        decoys = [
            ("Health fund benefit (HICAPS)", _neg(place, benefit)),
            ("Gap payment (EFTPOS)", _neg(place, total - benefit)),
        ]
    else:
        if rng.random() < 0.2:
            paid = money(total * Decimal("0.5"))
        method = rng.choice(("EFTPOS", "Visa", "Mastercard", "Cash", "Card payment"))
        decoys = [(f"Payment - {method}", _neg(place, paid))]
    decoys.append(
        (
            rng.choice(("Balance owing", "Balance", "Amount outstanding")),
            style.amount(total - paid if not decoys[0][0].startswith("Health") else Decimal(0)),
        )
    )
    y = _rows(
        canvas,
        right - 230,
        right,
        y + 14,
        rows,
        size=9,
        step=13.5,
        bold=(label,),
        rule_before=(label,),
    )
    y = _rows(canvas, right - 230, right, y + 4, decoys, size=9, step=13.5)
    if kind == "vet":
        reminder = dates.issue + dt.timedelta(days=rng.choice((180, 365)))
        canvas.text(45, y + 10, f"Next vaccination due: {place.dstyle.format(reminder)}", size=8.5)
        if rng.random() < 0.4:
            insurer = rng.choice(("PetSure", "Petplan", "Bow Wow Meow", "Southern Cross Pet"))
            claim = money(total * Decimal("0.8"))
            canvas.text(
                45,
                y + 22,
                f"Insurance claim lodged with {insurer}: estimated benefit {style.amount(claim)}",
                size=8.5,
            )
    canvas.text(
        45,
        y + 40,
        rng.choice(
            (
                "Thank you for choosing us.",
                "Payment is due at the time of consultation.",
                "Accounts are payable within 7 days.",
            )
        ),
        size=8,
        color=GREY,
    )

    fields = truth_fields(
        number=number,
        issue=dates.issue,
        due=dates.due if show_due else None,
        vendor=vendor,
        total=total,
        subtotal=total - tax if subtotal_shown else None,
        tax=tax if taxed else None,
        currency=place.currency,
        lines=lines,
    )
    image: Image = choose(rng, [(2, None), (1, "jpg")])
    return _finish(
        rng, fields, canvas, place, f"Invoice {number}", qstyle, image=image, inclusive=True
    )


# ----------------------------------------------------------------------------- build


def build(rng: random.Random) -> Rendered:
    family: Family = choose(
        rng,
        [
            (3, "law-bill"),
            (2, "practice-mgmt"),
            (1.7, "fee-note"),
            (1.3, "stage-fee"),
            (1.5, "patient-statement"),
            (1.5, "practice-invoice"),
        ],
    )
    return {
        "law-bill": _law_bill,
        "practice-mgmt": _practice_mgmt,
        "fee-note": _fee_note,
        "stage-fee": _stage_fee,
        "patient-statement": _patient_statement,
        "practice-invoice": _practice_invoice,
    }[family](rng)
