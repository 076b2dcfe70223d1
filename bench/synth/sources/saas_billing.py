"""`saas-billing`: software-as-a-service and online-marketplace invoices and receipts as billing
systems print them, mostly in English, some in German, French and Spanish, in USD, EUR, GBP, CAD
and AUD. No real brand is named or copied: every issuer is made up.

What these documents share is that a program prints them from a subscription or an order, so
they carry many identifiers (an invoice number beside a receipt number, an order, account,
customer or subscription id), several dates (date of issue, date due or date paid, billing periods
`Nov 1 – Dec 1, 2025`, the date a seat change or a plan change took effect, a renewal or a charge
date), lines that are not simple goods (seats, prorated `Remaining time` and negative `Unused
time` lines, coupon lines, metered usage with unit prices of four to ten decimals whose amount is
rounded to cents, zero-priced free-tier usage) and amounts beside the total that are not the total
(`Total excluding tax`, the tax base inside a tax label, `Applied balance`, `Amount paid`, an
`Amount due` that is smaller than the total or 0.00, a service group's sum, a VAT figure in
another currency, a payment history).

Truth rules. `total_amount` is the invoice total (tax included), never the amount due or paid
when they differ. `subtotal_amount` is the printed sum of the lines before tax (`Subtotal`,
`Total pre-tax charges`, `Total excl. VAT`, `Base imponible`); credits, coupons and proration
credits are lines of the table, so the lines always add up to it (or, on a tax-inclusive store
receipt, to the total, which then has no subtotal). `tax_amount` is in the truth when the page
prints the whole tax as one figure (one tax row, a `Total VAT` / `Total Tax` row, a reverse-charge
0.00 row), not when it prints two tax rows without their sum (US state and city, Canadian GST and
PST). `invoice_date` is the date of issue (a receipt's `Date paid` where the receipt has no other
date of its own); `due_date` only where a due date is printed. `vendor_name` is the legal name of
the seller as printed in its address block or `Sold by` line, not the wordmark at the top, not the
marketplace or store that runs the platform. A metered line keeps its unit price as printed
(`0.000125`), its amount is quantity x unit price rounded half up to cents.

Five layout families.

- `checkout` (a subscription invoice or receipt as the hosted billing platforms print it, en / de
  / fr / es): `Invoice` or `Receipt` top left, the brand's wordmark top right, `Invoice number /
  Date of issue / Date due` (or `Receipt number / Invoice number / Date paid / Payment method`),
  the seller's and the customer's blocks side by side, a headline `$1,234.56 USD due November 15,
  2025` (the amount due, not the total, when a balance is applied), `Description / Qty / Unit
  price / Amount` with the period under each line, seats, add-ons, prorations after a seat change
  (`Unused time on 12 × Team (at $15.00 / month) after 15 Nov 2025`), metered usage and a coupon,
  then `Subtotal`, `Total excluding tax`, `VAT - United Kingdom (20% on £240.00)`, `Total`,
  `Applied balance`, `Amount paid`, `Amount due`, and on a receipt a payment history.
- `cloud` (a cloud provider's monthly bill, en): the brand and the billing entity, `Tax Invoice`
  with `Invoice Number / Invoice Date / Account Number / Billing Period / Due Date` (or `Due upon
  receipt`), an invoice summary box, charges grouped by service with the group's sum in the amount
  column, usage lines (`1,284,500 Requests` at `0.000005`), a promotional credit, `Total pre-tax
  charges`, the tax, `Total amount`; a VAT figure converted to the customer's currency, a card
  charge date.
- `store` (a digital store's emailed receipt printed to PDF, en / de / fr): `Receipt`, a grid of
  account, date, order id and invoice number, apps, subscriptions (`Renews 14 Dec 2025`) and
  in-app purchases with the developer under each; European, British and Australian prices include
  VAT or GST (`Includes VAT of £4.16`, lines add up to the total), US and Canadian receipts add the
  tax; store credit applied before the card charge; the store's legal entity in a `Sold by` line.
- `marketplace` (an online marketplace's seller invoice, de / fr / es / en-GB): the marketplace's
  wordmark, `Sold by` the seller, invoice, delivery and order dates, order number and payment
  reference, `Description / Qty / Unit price (excl. VAT) / VAT rate / Item subtotal`, goods at two
  VAT rates, postage and a promotional voucher as lines, VAT per rate on its base and `Total VAT`,
  total, already paid and 0.00 outstanding; a footer saying the platform issued it for the seller.
- `platform` (a B2B subscription-management invoice, en, USD / CAD / AUD / GBP): logo and seller
  left, `INVOICE` with `Invoice # / Invoice Date / Due Date / Terms / PO # / Customer ID /
  Subscription ID` and an `Amount Due` box right, a billing period, a shaded table (`Units`, `Unit
  Price`, `Amount (USD)`) with platform fee, user licences, overage at fractions of a cent,
  prorated charges and credits (negative amounts in parentheses on some), a discount, `Sub Total`,
  sales tax, GST and PST or HST, GST or VAT, `Total`, `Payments`, `Credits Applied`, `Amount Due`,
  a payment history and remittance details with bank numbers.
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
import string
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal, TypedDict

from bench.synth import names
from bench.synth.canvas import A4, LETTER, Canvas
from bench.synth.common import choose
from bench.synth.document import (
    Line,
    Rendered,
    inclusive_tax,
    pick_dates,
    tax_groups,
    truth_fields,
)
from bench.synth.formats import (
    DateStyle,
    MoneyStyle,
    QuantityStyle,
    money,
    truth_number,
)

Color = tuple[float, float, float]
GREY: Color = (0.42, 0.42, 0.45)
LIGHT: Color = (0.93, 0.93, 0.95)
RULE: Color = (0.8, 0.8, 0.82)
ACCENTS: tuple[Color, ...] = (
    (0.39, 0.36, 0.94),
    (0.0, 0.45, 0.73),
    (0.06, 0.55, 0.42),
    (0.85, 0.33, 0.15),
    (0.2, 0.2, 0.25),
    (0.62, 0.14, 0.44),
)

# ----------------------------------------------------------------------------- lines and styles


@dataclass(frozen=True)
class SaasLine(Line):
    """A priced line; `sub` is the grey text printed under the description (a period, a
    developer, a SKU), not part of it. A unit price with more than two decimals (metered usage)
    stays as printed in the truth."""

    sub: str = ""
    by: str = ""
    """A second grey line (the developer of an app), not part of the description either."""

    def truth(self) -> dict[str, str]:
        row = super().truth()
        if fine_price(self.unit_price):
            row["unit_price"] = f"{self.unit_price:f}"
        return row


def fine_price(value: Decimal) -> bool:
    """More than two decimals, as metered prices print (`0.000125`, `0.5000`)."""
    exponent = value.as_tuple().exponent
    return isinstance(exponent, int) and exponent < -2


def metered(
    description: str, qty: Decimal, price: str, *, sub: str = "", unit: str = ""
) -> SaasLine:
    """A usage line. The catalogue only holds prices whose cents-rounding is their own first
    digits (`0.0416`, not `0.0784`), as the self-check reads the price at two decimals."""
    value = Decimal(price)
    assert price.startswith(f"{money(value):.2f}"), price
    return SaasLine(description, qty, value, unit, sub)


@dataclass(frozen=True)
class GroupedQuantity(QuantityStyle):
    """Quantities with thousands grouping, as metered usage prints (`1,284,500`, `1.843,227`)."""

    thousands: str = ","

    def number(self, value: Decimal) -> str:
        text = truth_number(value)
        sign = "-" if text.startswith("-") else ""
        units, _, fraction = text.lstrip("-").partition(".")
        head = len(units) % 3 or 3
        groups = [units[:head]] + [units[i : i + 3] for i in range(head, len(units), 3)]
        grouped = self.thousands.join(groups)
        return f"{sign}{grouped}{self.decimal + fraction if fraction else ''}"


def price_text(style: MoneyStyle, value: Decimal) -> str:
    """A unit price: money at two decimals, or all its decimals when it has more."""
    if not fine_price(value):
        return style.number(value)
    return f"{value:f}".replace(".", style.decimal)


def signed(style: MoneyStyle, value: Decimal, symbol: str | None = None) -> str:
    """An amount with its mark, the minus before the mark (`-$50.00`, `-50,00 €`)."""
    if value < 0:
        return "-" + style.amount(-value, symbol)
    return style.amount(value, symbol)


SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "CAD": "CA$", "AUD": "A$"}


def money_style(
    lang: str, currency: str, *, negative: Literal["minus", "parens"] = "minus"
) -> MoneyStyle:
    symbol = SYMBOLS[currency]
    if lang == "de" or lang == "es":
        return MoneyStyle(".", ",", symbol, symbol_after=True, negative=negative)
    if lang == "fr":
        return MoneyStyle(" ", ",", symbol, symbol_after=True, negative=negative)
    return MoneyStyle(",", ".", symbol, symbol_space=False, negative=negative)


def marks(currency: str) -> tuple[str, ...]:
    return (SYMBOLS[currency], currency)


def rate_text(rate: Decimal, lang: str) -> str:
    text = format(rate.normalize(), "f")
    return text if lang == "en" else text.replace(".", ",")


def pct(rate: Decimal, lang: str) -> str:
    """`20%` in English, `20 %` in German, French and Spanish."""
    return f"{rate_text(rate, lang)}%" if lang == "en" else f"{rate_text(rate, lang)} %"


# ----------------------------------------------------------------------------- dates

SHORT_MONTHS = {
    "en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
    "de": "Jan. Feb. März Apr. Mai Juni Juli Aug. Sept. Okt. Nov. Dez.",
    "fr": "janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc.",
    "es": "ene. feb. mar. abr. may. jun. jul. ago. sept. oct. nov. dic.",
}


def add_months(value: dt.date, months: int) -> dt.date:
    index = value.year * 12 + value.month - 1 + months
    year, month = divmod(index, 12)
    day = min(value.day, calendar.monthrange(year, month + 1)[1])
    return dt.date(year, month + 1, day)


def short_date(lang: str, value: dt.date, *, year: bool = True, us: bool = False) -> str:
    mon = SHORT_MONTHS[lang].split()[value.month - 1]
    if lang == "en" and us:
        return f"{mon} {value.day}, {value.year}" if year else f"{mon} {value.day}"
    if lang == "de":
        return f"{value.day}. {mon} {value.year}" if year else f"{value.day}. {mon}"
    return f"{value.day} {mon} {value.year}" if year else f"{value.day} {mon}"


def period(lang: str, start: dt.date, end: dt.date, *, us: bool = False) -> str:
    """A billing period as billing systems print it: `Nov 1 – Dec 1, 2025`, `1 Nov – 1 Dec 2025`."""
    if start.year == end.year:
        if lang == "en" and us:
            return (
                f"{short_date(lang, start, year=False, us=True)} – {short_date(lang, end, us=True)}"
            )
        return f"{short_date(lang, start, year=False)} – {short_date(lang, end)}"
    return f"{short_date(lang, start, us=us)} – {short_date(lang, end, us=us)}"


def issue_date(rng: random.Random) -> dt.date:
    return dt.date(rng.choice((2023, 2024, 2025)), 1, 1) + dt.timedelta(days=rng.randint(0, 363))


# ----------------------------------------------------------------------------- parties

BRAND_HEADS = (
    "Quill",
    "Lumen",
    "Tally",
    "Orbit",
    "Fern",
    "Cobalt",
    "Kite",
    "Relay",
    "Vela",
    "Mosaic",
    "Juniper",
    "Basalt",
    "Tern",
    "Harbor",
    "Signal",
    "Sprout",
    "Beacon",
    "Alder",
    "Ember",
    "Pylon",
    "Cinder",
    "Marlin",
    "Otter",
    "Prism",
    "Rivet",
    "Sable",
    "Tundra",
    "Wren",
    "Nova",
    "Clover",
)
BRAND_TAILS = (
    "stack",
    "desk",
    "flow",
    "base",
    "board",
    "sync",
    "works",
    "mail",
    "form",
    "path",
    "note",
    "cast",
    "loop",
    "grid",
    "hub",
    "dock",
)
BRAND_WORDS = (
    "Analytics",
    "Cloud",
    "Software",
    "Labs",
    "Systems",
    "HQ",
    "Data",
    "Apps",
)

LEGAL = {
    "us": ("{b}, Inc.", "{b} Inc.", "{b} Labs, Inc.", "{b} Software LLC", "{b} Technologies, Inc."),
    "gb": ("{b} Ltd", "{b} Software Ltd", "{b} Technologies Limited", "{b} UK Limited"),
    "ie": ("{b} Ireland Limited", "{b} Europe Ltd", "{b} Technologies Ireland Ltd"),
    "de": ("{b} GmbH", "{b} Software GmbH", "{b} Deutschland GmbH"),
    "fr": ("{b} SAS", "{b} France SAS", "{b} Technologies SAS"),
    "es": ("{b} S.L.", "{b} Software S.L.", "{b} Iberia S.L."),
    "ca": ("{b} Technologies Inc.", "{b} Software Inc.", "{b} Canada ULC"),
    "au": ("{b} Pty Ltd", "{b} Software Pty Ltd", "{b} Australia Pty Ltd"),
}
COUNTRY = {
    "en": {
        "us": "United States",
        "gb": "United Kingdom",
        "ie": "Ireland",
        "de": "Germany",
        "fr": "France",
        "es": "Spain",
        "ca": "Canada",
        "au": "Australia",
    },
    "de": {"de": "Deutschland", "ie": "Irland", "us": "USA", "fr": "Frankreich", "es": "Spanien"},
    "fr": {"fr": "France", "ie": "Irlande", "us": "États-Unis", "de": "Allemagne", "es": "Espagne"},
    "es": {"es": "España", "ie": "Irlanda", "us": "EE. UU.", "fr": "Francia", "de": "Alemania"},
}


@dataclass(frozen=True)
class Place:
    """A US or Canadian town line and the sales taxes a registered seller charges there:
    (tax, where, rate) per row; none in Oregon."""

    town: str
    code: str
    taxes: tuple[tuple[str, str, Decimal], ...]


def _taxes(*rows: tuple[str, str, str]) -> tuple[tuple[str, str, Decimal], ...]:
    return tuple((name, where, Decimal(rate)) for name, where, rate in rows)


US_PLACES = (
    Place("San Jose, CA 95113", "CA", _taxes(("Sales tax", "California", "7.25"))),
    Place(
        "Brooklyn, NY 11201",
        "NY",
        _taxes(("Sales tax", "New York", "4"), ("Sales tax", "New York City", "4.5")),
    ),
    Place(
        "Seattle, WA 98104",
        "WA",
        _taxes(("Sales tax", "Washington", "6.5"), ("Sales tax", "Seattle", "3.85")),
    ),
    Place(
        "Austin, TX 78701",
        "TX",
        _taxes(("Sales tax", "Texas", "6.25"), ("Sales tax", "Austin", "2")),
    ),
    Place(
        "Denver, CO 80202",
        "CO",
        _taxes(("Sales tax", "Colorado", "2.9"), ("Sales tax", "Denver", "4.81")),
    ),
    Place("Columbus, OH 43215", "OH", _taxes(("Sales tax", "Ohio", "5.75"))),
    Place("Portland, OR 97204", "OR", ()),
    Place("Philadelphia, PA 19103", "PA", _taxes(("Sales tax", "Pennsylvania", "6"))),
    Place("Nashville, TN 37203", "TN", _taxes(("Sales tax", "Tennessee", "7"))),
    Place("Chicago, IL 60601", "IL", _taxes(("Sales tax", "Illinois", "6.25"))),
    Place("Boston, MA 02110", "MA", _taxes(("Sales tax", "Massachusetts", "6.25"))),
    Place("Salt Lake City, UT 84101", "UT", _taxes(("Sales tax", "Utah", "4.85"))),
)
CA_PLACES = (
    Place("Toronto, ON M5V 2T6", "ON", _taxes(("HST", "Ontario", "13"))),
    Place("Ottawa, ON K1P 5G4", "ON", _taxes(("HST", "Ontario", "13"))),
    Place(
        "Vancouver, BC V6B 1A1",
        "BC",
        _taxes(("GST", "Canada", "5"), ("PST", "British Columbia", "7")),
    ),
    Place("Montréal, QC H3B 4W8", "QC", _taxes(("GST", "Canada", "5"), ("QST", "Quebec", "9.975"))),
    Place("Calgary, AB T2P 1J9", "AB", _taxes(("GST", "Canada", "5"))),
)


def place_for(rng: random.Random, region: str) -> Place | None:
    if region == "us":
        return rng.choice(US_PLACES)
    if region == "ca":
        return rng.choice(CA_PLACES)
    return None


def brand(rng: random.Random) -> str:
    head = rng.choice(BRAND_HEADS)
    if rng.random() < 0.7:
        return head + rng.choice(BRAND_TAILS)
    return f"{head} {rng.choice(BRAND_WORDS)}"


def legal_name(rng: random.Random, name: str, region: str) -> str:
    return rng.choice(LEGAL[region]).format(b=name)


def domain(name: str, rng: random.Random) -> str:
    return name.lower().replace(" ", "") + rng.choice((".com", ".io", ".app", ".co"))


def address(
    rng: random.Random, region: str, *, lang: str = "en", place: Place | None = None
) -> list[str]:
    """Street and town lines of a region, then the country in the document's language; a US or
    Canadian customer's town is its `place`, where the taxes are."""
    n = rng.randint(1, 240)
    street = rng.choice(("Harbour", "Grand Canal", "Baggot", "Pearse", "King", "Queen", "George"))
    if region in ("us", "ca") and place is None:
        place = place_for(rng, region)
    if region == "us":
        assert place is not None
        lines = [names.address(rng, "us")[0], place.town]
    elif region == "gb":
        lines = names.address(rng, "en")
    elif region in ("de", "fr", "es"):
        lines = names.address(rng, region)
    elif region == "ie":
        lines = [
            f"{n} {street} Street",
            f"Dublin 2, D02 {rng.choice('ACEFHKNPRTVWXY')}{rng.randint(100, 999)}",
        ]
    elif region == "ca":
        assert place is not None
        lines = [f"{n * 10} {street} Street West, Suite {rng.randint(2, 30)}00", place.town]
    else:
        city = rng.choice(("Sydney NSW 2000", "Melbourne VIC 3000", "Brisbane QLD 4000"))
        lines = [f"Level {rng.randint(2, 40)}, {n} {street} Street", city]
    countries = COUNTRY.get(lang, COUNTRY["en"])
    return [*lines, countries.get(region, COUNTRY["en"][region])]


def tax_id(rng: random.Random, region: str) -> str:
    d = names.digits
    return {
        "us": f"EIN {d(rng, 2)}-{d(rng, 7)}",
        "gb": f"VAT {names.vat_id(rng, 'GB')}",
        "ie": f"VAT IE{d(rng, 7)}{rng.choice('ABCDEFHKLW')}",
        "de": f"USt-IdNr. {names.vat_id(rng, 'DE')}",
        "fr": f"TVA {names.vat_id(rng, 'FR')}",
        "es": f"NIF-IVA {names.vat_id(rng, 'ES').replace(' ', '')}",
        "ca": f"GST/HST {d(rng, 9)} RT0001",
        "au": f"ABN {d(rng, 2)} {d(rng, 3)} {d(rng, 3)} {d(rng, 3)}",
    }[region]


def customer(rng: random.Random, region: str) -> str:
    lang = {"us": "us", "ca": "us", "gb": "en", "ie": "en", "au": "en"}.get(region, region)
    return names.company(rng, lang)


def contact(rng: random.Random, region: str) -> str:
    lang = {"us": "us", "ca": "us", "gb": "en", "ie": "en", "au": "en"}.get(region, region)
    return names.person(rng, lang)


def email_of(person: str, site: str) -> str:
    first, *rest = person.lower().split()
    table = str.maketrans("äöüéèáíóúñłśźżąęćń", "aoueeaiounlszzaecn")
    return f"{first.translate(table)}.{rest[-1].translate(table) if rest else 'x'}@{site}"


def code(
    rng: random.Random, count: int, alphabet: str = string.ascii_uppercase + string.digits
) -> str:
    return "".join(rng.choice(alphabet) for _ in range(count))


def fit(canvas: Canvas, text: str, width: float, size: float, *, bold: bool = False) -> float:
    """The largest size up to `size` at which `text` fits `width` (down to 6 pt)."""
    while size > 6 and canvas.width_of(text, size=size, bold=bold) > width:
        size -= 0.25
    return size


def block(
    canvas: Canvas,
    x: float,
    y: float,
    rows: Sequence[str],
    *,
    size: float = 8.5,
    step: float = 11.5,
    bold_first: bool = False,
    color: Color = (0, 0, 0),
) -> float:
    for index, row in enumerate(rows):
        canvas.text(
            x, y + index * step, row, size=size, bold=bold_first and index == 0, color=color
        )
    return y + len(rows) * step


# ----------------------------------------------------------------------------- taxes


@dataclass(frozen=True)
class TaxRow:
    label: str
    amount: Decimal


def tax_rows_for(
    rng: random.Random,
    region: str,
    lang: str,
    base: Decimal,
    style: MoneyStyle,
    *,
    seller: str,
    place: Place | None,
) -> tuple[list[TaxRow], bool, str]:
    """Tax rows of a subscription invoice to a customer in `region` (at `place` in the US and
    Canada), whether their sum is one printed figure (one row), and a note (reverse charge).
    Labels hold the rate and, outside the US, the base, the way hosted billing prints them."""
    on = {"en": "on", "de": "auf", "fr": "sur", "es": "sobre"}[lang]

    def row(name: str, where: str, rate: Decimal, *, with_base: bool = True) -> TaxRow:
        basis = f" {on} {style.amount(base)}" if with_base else ""
        return TaxRow(f"{name} - {where} ({pct(rate, lang)}{basis})", money(base * rate / 100))

    if place is not None:
        if region == "us" and (not place.taxes or rng.random() < 0.35):
            return [], False, ""
        if region == "us" and len(place.taxes) == 2 and rng.random() < 0.5:
            name, where, _ = place.taxes[0]
            combined = sum((rate for *_, rate in place.taxes), Decimal(0))
            return [row(name, where, combined, with_base=False)], True, ""
        rows = [
            row(name, where, rate, with_base=region == "ca") for name, where, rate in place.taxes
        ]
        return rows, len(rows) == 1, ""
    if region == "au":
        return [row("GST", "Australia", Decimal(10))], True, ""
    if region == "gb":
        return [row("VAT", "United Kingdom", Decimal(20))], True, ""
    rates = {"ie": Decimal(23), "de": Decimal(19), "fr": Decimal(20), "es": Decimal(21)}
    name = {"en": "VAT", "de": "USt.", "fr": "TVA", "es": "IVA"}[lang]
    where = COUNTRY.get(lang, COUNTRY["en"])[region]
    if seller != region and rng.random() < 0.45:
        notes = {
            "en": "Reverse charge: the customer is liable to account for the VAT "
            "(Article 196, Council Directive 2006/112/EC).",
            "de": "Steuerschuldnerschaft des Leistungsempfängers (Reverse-Charge-Verfahren, "
            "Art. 196 MwStSystRL).",
            "fr": "Autoliquidation : TVA due par le preneur (article 196 de la directive "
            "2006/112/CE).",
            "es": "Inversión del sujeto pasivo (artículo 196 de la Directiva 2006/112/CE).",
        }
        return [row(name, where, Decimal(0))], True, notes[lang]
    return [row(name, where, rates[region])], True, ""


# ============================================================================= checkout


class CheckoutWords(TypedDict):
    """One language's vocabulary of the `checkout` layout."""

    invoice: str
    receipt: str
    number: str
    receipt_no: str
    issued: str
    due: str
    paid_on: str
    method: str
    po: str
    bill_to: str
    ship_to: str
    head: tuple[str, str, str, str]
    subtotal: str
    excl: str
    total: str
    applied: str
    paid: str
    amount_due: str
    due_line: str
    paid_line: str
    pay: str
    page: str
    history: str
    history_head: tuple[str, str, str, str]
    questions: str
    renews: str
    thanks: str
    per_seat: str
    plan: str
    annual: str
    unused: str
    remaining: str
    at: str
    coupon: str
    addons: list[tuple[str, str]]
    """(add-on, monthly price as printed)"""
    usage: list[tuple[str, str, tuple[int, int]]]
    """(metered item, unit price as printed, (fewest, most) units)"""
    card: str


CHECKOUT_WORDS: dict[str, CheckoutWords] = {
    "en": {
        "invoice": "Invoice",
        "receipt": "Receipt",
        "number": "Invoice number",
        "receipt_no": "Receipt number",
        "issued": "Date of issue",
        "due": "Date due",
        "paid_on": "Date paid",
        "method": "Payment method",
        "po": "PO number",
        "bill_to": "Bill to",
        "ship_to": "Ship to",
        "head": ("Description", "Qty", "Unit price", "Amount"),
        "subtotal": "Subtotal",
        "excl": "Total excluding tax",
        "total": "Total",
        "applied": "Applied balance",
        "paid": "Amount paid",
        "amount_due": "Amount due",
        "due_line": "{amount} due {date}",
        "paid_line": "{amount} paid on {date}",
        "pay": "Pay online",
        "page": "Page 1 of 1",
        "history": "Payment history",
        "history_head": ("Payment method", "Date", "Amount paid", "Receipt number"),
        "questions": "Questions? Contact {brand} at {mail}.",
        "renews": "Your subscription renews on {date}.",
        "thanks": "Thanks for your business!",
        "per_seat": "{plan} (per seat)",
        "plan": "{plan} plan",
        "annual": "{plan} plan (yearly)",
        "unused": "Unused time on {n} × {product} after {date}",
        "remaining": "Remaining time on {n} × {product} after {date}",
        "at": " (at {price} / month)",
        "coupon": "{code} ({rate} off)",
        "addons": [
            ("Additional storage (100 GB)", "5.00"),
            ("Priority support", "49.00"),
            ("SSO & SCIM add-on", "3.00"),
            ("Extra workspace", "10.00"),
            ("Audit log retention (1 year)", "25.00"),
        ],
        "usage": [
            ("API requests (metered)", "0.000125", (200_000, 4_000_000)),
            ("Emails sent", "0.0009", (8_000, 240_000)),
            ("Automation runs", "0.0012", (2_000, 90_000)),
            ("Tracked events", "0.00015", (100_000, 9_000_000)),
        ],
        "card": "{brand} - {last4}",
    },
    "de": {
        "invoice": "Rechnung",
        "receipt": "Quittung",
        "number": "Rechnungsnummer",
        "receipt_no": "Belegnummer",
        "issued": "Ausstellungsdatum",
        "due": "Fälligkeitsdatum",
        "paid_on": "Zahlungsdatum",
        "method": "Zahlungsmethode",
        "po": "Bestellnummer",
        "bill_to": "Rechnung an",
        "ship_to": "Lieferung an",
        "head": ("Beschreibung", "Menge", "Stückpreis", "Betrag"),
        "subtotal": "Zwischensumme",
        "excl": "Gesamtbetrag ohne Steuern",
        "total": "Gesamt",
        "applied": "Angewendetes Guthaben",
        "paid": "Bezahlter Betrag",
        "amount_due": "Fälliger Betrag",
        "due_line": "{amount} fällig am {date}",
        "paid_line": "{amount} bezahlt am {date}",
        "pay": "Online bezahlen",
        "page": "Seite 1 von 1",
        "history": "Zahlungsverlauf",
        "history_head": ("Zahlungsmethode", "Datum", "Bezahlter Betrag", "Belegnummer"),
        "questions": "Fragen? Kontaktieren Sie {brand} unter {mail}.",
        "renews": "Ihr Abonnement verlängert sich am {date}.",
        "thanks": "Vielen Dank für Ihr Vertrauen!",
        "per_seat": "{plan} (pro Nutzer)",
        "plan": "{plan}-Tarif",
        "annual": "{plan}-Tarif (jährlich)",
        "unused": "Nicht genutzte Zeit für {n} × {product} nach dem {date}",
        "remaining": "Verbleibende Zeit für {n} × {product} nach dem {date}",
        "at": " (zu {price} / Monat)",
        "coupon": "{code} ({rate} Rabatt)",
        "addons": [
            ("Zusätzlicher Speicher (100 GB)", "5.00"),
            ("Priority-Support", "49.00"),
            ("SSO- und SCIM-Erweiterung", "3.00"),
            ("Zusätzlicher Arbeitsbereich", "10.00"),
        ],
        "usage": [
            ("API-Anfragen (nutzungsbasiert)", "0.000125", (200_000, 4_000_000)),
            ("Versendete E-Mails", "0.0009", (8_000, 240_000)),
            ("Automatisierungsläufe", "0.0012", (2_000, 90_000)),
        ],
        "card": "{brand} - {last4}",
    },
    "fr": {
        "invoice": "Facture",
        "receipt": "Reçu",
        "number": "Numéro de facture",
        "receipt_no": "Numéro de reçu",
        "issued": "Date d'émission",
        "due": "Date d'échéance",
        "paid_on": "Date de paiement",
        "method": "Moyen de paiement",
        "po": "Bon de commande",
        "bill_to": "Facturer à",
        "ship_to": "Expédier à",
        "head": ("Description", "Qté", "Prix unitaire", "Montant"),
        "subtotal": "Sous-total",
        "excl": "Total hors taxes",
        "total": "Total",
        "applied": "Solde appliqué",
        "paid": "Montant payé",
        "amount_due": "Montant dû",
        "due_line": "{amount} à payer avant le {date}",
        "paid_line": "{amount} payé le {date}",
        "pay": "Payer en ligne",
        "page": "Page 1 sur 1",
        "history": "Historique des paiements",
        "history_head": ("Moyen de paiement", "Date", "Montant payé", "Numéro de reçu"),
        "questions": "Des questions ? Contactez {brand} à l'adresse {mail}.",
        "renews": "Votre abonnement sera renouvelé le {date}.",
        "thanks": "Merci de votre confiance !",
        "per_seat": "{plan} (par utilisateur)",
        "plan": "Offre {plan}",
        "annual": "Offre {plan} (annuelle)",
        "unused": "Temps non utilisé sur {n} × {product} après le {date}",
        "remaining": "Temps restant sur {n} × {product} après le {date}",
        "at": " (à {price} / mois)",
        "coupon": "{code} ({rate} de réduction)",
        "addons": [
            ("Stockage supplémentaire (100 Go)", "5.00"),
            ("Support prioritaire", "49.00"),
            ("Module SSO et SCIM", "3.00"),
            ("Espace de travail supplémentaire", "10.00"),
        ],
        "usage": [
            ("Requêtes API (à l'usage)", "0.000125", (200_000, 4_000_000)),
            ("E-mails envoyés", "0.0009", (8_000, 240_000)),
            ("Exécutions d'automatisation", "0.0012", (2_000, 90_000)),
        ],
        "card": "{brand} - {last4}",
    },
    "es": {
        "invoice": "Factura",
        "receipt": "Recibo",
        "number": "Número de factura",
        "receipt_no": "Número de recibo",
        "issued": "Fecha de emisión",
        "due": "Fecha de vencimiento",
        "paid_on": "Fecha de pago",
        "method": "Método de pago",
        "po": "Orden de compra",
        "bill_to": "Facturar a",
        "ship_to": "Enviar a",
        "head": ("Descripción", "Cant.", "Precio unitario", "Importe"),
        "subtotal": "Subtotal",
        "excl": "Total sin impuestos",
        "total": "Total",
        "applied": "Saldo aplicado",
        "paid": "Importe pagado",
        "amount_due": "Importe adeudado",
        "due_line": "{amount} con vencimiento el {date}",
        "paid_line": "{amount} pagado el {date}",
        "pay": "Pagar en línea",
        "page": "Página 1 de 1",
        "history": "Historial de pagos",
        "history_head": ("Método de pago", "Fecha", "Importe pagado", "Número de recibo"),
        "questions": "¿Preguntas? Contacta con {brand} en {mail}.",
        "renews": "Tu suscripción se renovará el {date}.",
        "thanks": "¡Gracias por tu confianza!",
        "per_seat": "{plan} (por usuario)",
        "plan": "Plan {plan}",
        "annual": "Plan {plan} (anual)",
        "unused": "Tiempo no utilizado en {n} × {product} después del {date}",
        "remaining": "Tiempo restante en {n} × {product} después del {date}",
        "at": " (a {price} / mes)",
        "coupon": "{code} ({rate} de descuento)",
        "addons": [
            ("Almacenamiento adicional (100 GB)", "5.00"),
            ("Soporte prioritario", "49.00"),
            ("Complemento SSO y SCIM", "3.00"),
            ("Espacio de trabajo adicional", "10.00"),
        ],
        "usage": [
            ("Solicitudes de API (por uso)", "0.000125", (200_000, 4_000_000)),
            ("Correos enviados", "0.0009", (8_000, 240_000)),
            ("Ejecuciones de automatización", "0.0012", (2_000, 90_000)),
        ],
        "card": "{brand} - {last4}",
    },
}
CHECKOUT_DATES = {
    "us": (DateStyle("{month} {d}, {yyyy}"), DateStyle("{mon} {d}, {yyyy}")),
    "gb": (DateStyle("{d} {month} {yyyy}"), DateStyle("{d} {mon} {yyyy}")),
    "ie": (DateStyle("{d} {month} {yyyy}"), DateStyle("{month} {d}, {yyyy}")),
    "ca": (DateStyle("{month} {d}, {yyyy}"), DateStyle("{yyyy}-{mm}-{dd}")),
    "au": (DateStyle("{d} {month} {yyyy}"), DateStyle("{d} {mon} {yyyy}")),
    "de": (DateStyle("{d}. {month} {yyyy}", "de"),),
    "fr": (DateStyle("{d} {month} {yyyy}", "fr"),),
    "es": (DateStyle("{d} de {month} de {yyyy}", "es"),),
}
PLANS = (("Starter", 8), ("Team", 12), ("Pro", 15), ("Business", 25), ("Growth", 39), ("Scale", 49))
CARDS = ("Visa", "Mastercard", "American Express")


def _checkout(rng: random.Random) -> Rendered:
    lang = choose(rng, [(5, "en"), (1.5, "de"), (1.5, "fr"), (1.5, "es")])
    if lang == "en":
        currency = choose(rng, [(4, "USD"), (2, "GBP"), (1.5, "EUR"), (1, "CAD"), (1, "AUD")])
        region = {"USD": "us", "GBP": "gb", "EUR": "ie", "CAD": "ca", "AUD": "au"}[currency]
    else:
        currency, region = "EUR", lang
    words = CHECKOUT_WORDS[lang]
    us = region in ("us", "ca")
    seller = choose(
        rng,
        {
            "us": [(1, "us")],
            "gb": [(2, "gb"), (1, "us")],
            "ie": [(2, "ie"), (1, "us")],
            "ca": [(1, "ca"), (1, "us")],
            "au": [(1, "au"), (1, "us")],
            "de": [(1, "de"), (2, "ie")],
            "fr": [(1, "fr"), (2, "ie")],
            "es": [(1, "es"), (2, "ie")],
        }[region],
    )
    style = money_style(lang, currency)
    dstyle: DateStyle = rng.choice(CHECKOUT_DATES[region])
    quantities = GroupedQuantity(style.decimal, thousands=style.thousands)
    receipt = rng.random() < 0.3
    name = brand(rng)
    vendor = legal_name(rng, name, seller)
    site = domain(name, rng)
    accent = rng.choice(ACCENTS)

    issue = issue_date(rng)
    due = issue + dt.timedelta(days=rng.choice((0, 7, 14, 30)))
    yearly = rng.random() < 0.2
    end = add_months(issue, 12 if yearly else 1)
    plan, base_price = rng.choice(PLANS)
    unit = Decimal(base_price * (10 if yearly else 1))
    if rng.random() < 0.3:
        unit -= Decimal("0.01")
    seats = rng.choice((1, 2, 3, 5, 8, 10, 12, 15, 20, 25, 40))
    product = rng.choice(
        (f"{name} {plan}", words["per_seat"].format(plan=plan), words["plan"].format(plan=plan))
    )
    if yearly:
        product = words["annual"].format(plan=plan)
    span = period(lang, issue, end, us=us)
    lines: list[SaasLine] = []
    plan_line = SaasLine(product, Decimal(seats), unit, "", span)
    if not yearly and rng.random() < 0.4:
        before = add_months(issue, -1)
        change = before + dt.timedelta(days=rng.randint(4, (issue - before).days - 3))
        fraction = Decimal((issue - change).days) / Decimal((issue - before).days)
        share = money(unit * fraction)
        old = max(1, seats - rng.choice((1, 2, 3, 5)))
        when = short_date(lang, change)
        shown = product
        if rng.random() < 0.5:
            shown += words["at"].format(price=style.amount(unit))
        sub = period(lang, change, issue, us=us)
        lines.append(
            SaasLine(
                words["unused"].format(n=old, product=shown, date=when),
                Decimal(old),
                -share,
                "",
                sub,
            )
        )
        lines.append(
            SaasLine(
                words["remaining"].format(n=seats, product=shown, date=when),
                Decimal(seats),
                share,
                "",
                sub,
            )
        )
    lines.append(plan_line)
    for addon, addon_price in rng.sample(words["addons"], rng.choice((0, 0, 1, 1, 2))):
        qty = Decimal(seats) if "SSO" in addon else Decimal(rng.choice((1, 1, 2, 3)))
        addon_unit = Decimal(addon_price) * (10 if yearly else 1)
        lines.append(SaasLine(addon, qty, addon_unit, "", span))
    if rng.random() < 0.35:
        label, usage_price, (low, high) = rng.choice(words["usage"])
        qty = Decimal(rng.randint(low, high))
        usage_span = period(lang, add_months(issue, -1), issue, us=us)
        lines.append(metered(label, qty, usage_price, sub=usage_span))
    if rng.random() < 0.3:
        rate = Decimal(rng.choice((10, 15, 20, 25, 50)))
        coupon = rng.choice(("LAUNCH", "WELCOME", "STARTUP", "ANNUAL", "PARTNER", "BLACKFRIDAY"))
        coupon_code = f"{coupon}{rate}"
        off = money(plan_line.amount * rate / 100)
        lines.append(
            SaasLine(
                words["coupon"].format(code=coupon_code, rate=pct(rate, lang)),
                Decimal(1),
                -off,
            )
        )
    subtotal = sum((line.amount for line in lines), Decimal(0))
    place = place_for(rng, region)
    taxes, one_tax, note = tax_rows_for(
        rng, region, lang, subtotal, style, seller=seller, place=place
    )
    tax = sum((row.amount for row in taxes), Decimal(0))
    total = subtotal + tax
    applied = Decimal(0)
    if rng.random() < 0.25:
        applied = min(total, money(Decimal(rng.randint(5, 400))))
    left = total - applied

    number_text = rng.choice(
        (
            f"{code(rng, 8, '0123456789ABCDEF')}-{rng.randint(1, 60):04d}",
            f"INV-{issue.year}-{rng.randint(1, 9999):04d}",
            f"{code(rng, 8, '0123456789ABCDEF')}-{rng.randint(1, 9999):04d}",
        )
    )
    receipt_no = f"{names.digits(rng, 4)}-{names.digits(rng, 4)}"
    card = words["card"].format(brand=rng.choice(CARDS), last4=names.digits(rng, 4))

    size_paper = LETTER if us else A4
    canvas = Canvas(*size_paper, family=rng.choice(("helv", "helv", "helv", "tiro")))
    width, height = size_paper
    left_x, right = 48.0, width - 48
    title = words["receipt"] if receipt else words["invoice"]
    canvas.text(left_x, 72, title, size=22, bold=True)
    mark = name.lower() if rng.random() < 0.6 else name
    canvas.text(
        right,
        72,
        mark,
        size=fit(canvas, mark, 200, 18, bold=True),
        bold=True,
        color=accent,
        align="right",
    )

    meta: list[tuple[str, str]] = []
    if receipt:
        meta += [
            (words["receipt_no"], f"#{receipt_no}" if lang == "en" else receipt_no),
            (words["number"], number_text),
            (words["paid_on"], dstyle.format(issue)),
            (words["method"], card),
        ]
    else:
        meta += [
            (words["number"], number_text),
            (words["issued"], dstyle.format(issue)),
            (words["due"], dstyle.format(due)),
        ]
        if rng.random() < 0.25:
            meta.append((words["po"], f"PO-{names.digits(rng, 5)}"))
    label_w = max(canvas.width_of(label, size=8.5) for label, _ in meta) + 24
    y = 104.0
    for label, value in meta:
        canvas.text(left_x, y, label, size=8.5, color=GREY)
        canvas.text(left_x + label_w, y, value, size=8.5)
        y += 13

    y += 16
    seller_rows = [vendor, *address(rng, seller, lang=lang), f"billing@{site}"]
    if seller != "us" or rng.random() < 0.3:
        seller_rows.append(tax_id(rng, seller))
    client = customer(rng, region)
    person = contact(rng, region)
    client_rows = [
        client,
        person,
        *address(rng, region, lang=lang, place=place),
        email_of(person, domain(client.split()[0], rng)),
    ]
    if note or (region != "us" and rng.random() < 0.5):
        client_rows.append(tax_id(rng, region))
    column = (right - left_x) / 3
    end_a = block(canvas, left_x, y, seller_rows, bold_first=True)
    canvas.text(left_x + column, y - 13, words["bill_to"], size=8.5, color=GREY)
    end_b = block(canvas, left_x + column, y, client_rows)
    if rng.random() < 0.3:
        canvas.text(left_x + 2 * column, y - 13, words["ship_to"], size=8.5, color=GREY)
        block(
            canvas, left_x + 2 * column, y, [client, *address(rng, region, lang=lang, place=place)]
        )
    y = max(end_a, end_b) + 22

    money_head = style.amount(left)
    if lang == "en" and currency in ("USD", "CAD", "AUD") and rng.random() < 0.6:
        money_head += f" {currency}"
    if receipt:
        headline = words["paid_line"].format(amount=money_head, date=dstyle.format(issue))
    else:
        headline = words["due_line"].format(amount=money_head, date=dstyle.format(due))
    canvas.text(
        left_x, y, headline, size=fit(canvas, headline, right - left_x, 15, bold=True), bold=True
    )
    y += 16
    if not receipt and rng.random() < 0.7:
        canvas.text(left_x, y, words["pay"], size=8.5, color=accent)
        y += 12
    if rng.random() < 0.5:
        memo = (
            words["renews"].format(date=dstyle.format(end))
            if rng.random() < 0.6
            else words["thanks"]
        )
        canvas.text(left_x, y + 2, memo, size=8.5, color=GREY)
        y += 14

    y += 16
    qty_x, unit_x = right - 185, right - 90
    desc_w = qty_x - 40 - left_x
    heads = words["head"]
    canvas.text(left_x, y, heads[0], size=8, color=GREY)
    canvas.text(qty_x, y, heads[1], size=8, color=GREY, align="right")
    canvas.text(unit_x, y, heads[2], size=8, color=GREY, align="right")
    canvas.text(right, y, heads[3], size=8, color=GREY, align="right")
    y += 5
    canvas.line(left_x, y, right, y, width=0.6)
    for line in lines:
        y += 14
        canvas.text(left_x, y, line.description, size=fit(canvas, line.description, desc_w, 9))
        if line.sub:
            canvas.text(left_x, y + 11, line.sub, size=7.5, color=GREY)
        canvas.text(qty_x, y, quantities.number(line.quantity), size=9, align="right")
        canvas.text(unit_x, y, price_text(style, line.unit_price), size=9, align="right")
        canvas.text(right, y, style.number(line.amount), size=9, align="right")
        y += 16 if line.sub else 6
        canvas.line(left_x, y, right, y, width=0.3, color=RULE)

    y += 18
    tx = right - 270
    rows: list[tuple[str, str, bool]] = [(words["subtotal"], signed(style, subtotal), False)]
    if taxes:
        rows.append((words["excl"], signed(style, subtotal), False))
        rows += [(row.label, style.amount(row.amount), False) for row in taxes]
    rows.append((words["total"], style.amount(total), False))
    if applied:
        rows.append((words["applied"], signed(style, -applied), False))
    if receipt:
        rows.append((words["paid"], style.amount(left), True))
    else:
        if rng.random() < 0.3:
            rows.append((words["paid"], style.amount(Decimal(0)), False))
        rows.append((words["amount_due"], style.amount(left), True))
    for label, value, strong in rows:
        canvas.line(tx, y - 11, right, y - 11, width=0.3, color=RULE)
        size = fit(canvas, label, right - tx - 80, 9, bold=strong)
        canvas.text(tx, y, label, size=size, bold=strong)
        canvas.text(right, y, value, size=9, bold=strong, align="right")
        y += 17
    if note:
        y += 6
        canvas.text(left_x, y, note, size=fit(canvas, note, right - left_x, 8), color=GREY)
        y += 12

    if receipt:
        y += 18
        canvas.text(left_x, y, words["history"], size=10, bold=True)
        y += 16
        cols = (left_x, left_x + 170, right - 120, right)
        hh = words["history_head"]
        canvas.text(cols[0], y, hh[0], size=8, color=GREY)
        canvas.text(cols[1], y, hh[1], size=8, color=GREY)
        canvas.text(cols[2], y, hh[2], size=8, color=GREY, align="right")
        canvas.text(cols[3], y, hh[3], size=8, color=GREY, align="right")
        y += 5
        canvas.line(left_x, y, right, y, width=0.4)
        y += 13
        canvas.text(cols[0], y, card, size=8.5)
        canvas.text(cols[1], y, dstyle.format(issue), size=8.5)
        canvas.text(cols[2], y, style.amount(left), size=8.5, align="right")
        canvas.text(cols[3], y, f"#{receipt_no}", size=8.5, align="right")

    foot = height - 36
    canvas.line(left_x, foot - 14, right, foot - 14, width=0.3, color=RULE)
    tail = headline if not receipt else f"{words['receipt']} #{receipt_no}"
    canvas.text(left_x, foot, f"{number_text} · {tail}", size=7.5, color=GREY)
    canvas.text(right, foot, words["page"], size=7.5, color=GREY, align="right")
    canvas.text(
        left_x,
        foot - 24,
        words["questions"].format(brand=name, mail=f"support@{site}"),
        size=7.5,
        color=GREY,
    )

    fields = truth_fields(
        number=number_text,
        issue=issue,
        due=None if receipt else due,
        vendor=vendor,
        total=total,
        subtotal=subtotal,
        tax=tax if taxes and one_tax else None,
        currency=currency,
        lines=lines,
    )
    return Rendered(
        fields,
        lang,
        "receipt" if receipt else "invoice",
        canvas.pdf(title=f"{title} {number_text}"),
        style,
        dstyle,
        quantities,
        marks(currency),
    )


# ============================================================================= cloud

# (service, description, unit, unit price as printed, kind of quantity)
CLOUD_CATALOGUE: tuple[tuple[str, str, str, str, str], ...] = (
    (
        "Compute",
        "Linux instance hours, general purpose g4.large (2 vCPU, 8 GiB)",
        "Hrs",
        "0.0832",
        "hours",
    ),
    ("Compute", "Linux instance hours, compute optimized c4.xlarge", "Hrs", "0.1700", "hours"),
    ("Compute", "Block storage, general purpose SSD", "GB-Mo", "0.0800", "gbmo"),
    ("Compute", "Block storage snapshots", "GB-Mo", "0.0500", "gbmo"),
    ("Object Storage", "Standard storage, first 50 TB / month", "GB-Mo", "0.0230", "gbmo"),
    ("Object Storage", "PUT, COPY, POST or LIST requests", "Requests", "0.000005", "requests"),
    ("Object Storage", "GET and all other requests", "Requests", "0.0000004", "requests"),
    (
        "Data Transfer",
        "Data transfer out to the internet, up to 10 TB / month",
        "GB",
        "0.0900",
        "gb",
    ),
    ("Data Transfer", "Inter-region data transfer out", "GB", "0.0200", "gb"),
    (
        "Managed Database",
        "PostgreSQL db.m5.large Multi-AZ instance hours",
        "Hrs",
        "0.3420",
        "hours",
    ),
    ("Managed Database", "Provisioned storage, Multi-AZ", "GB-Mo", "0.2300", "gbmo"),
    ("Managed Database", "Backup storage beyond the free allocation", "GB-Mo", "0.0210", "gbmo"),
    ("Functions", "Function requests", "Requests", "0.0000002", "requests"),
    ("Functions", "Function compute duration", "GB-Seconds", "0.0000166667", "gbsec"),
    ("Load Balancing", "Application load balancer hours", "Hrs", "0.0225", "hours"),
    ("Load Balancing", "Load balancer capacity units", "LCU-Hrs", "0.0040", "lcu"),
    ("DNS", "Hosted zones", "Zones", "0.50", "zones"),
    ("DNS", "Standard queries", "Queries", "0.0000004", "requests"),
    ("Monitoring", "Custom metrics", "Metrics", "0.3000", "metrics"),
    ("Monitoring", "Log data ingested", "GB", "0.5000", "gb"),
    ("Monitoring", "Archived log storage", "GB-Mo", "0.0300", "gbmo"),
    ("Kubernetes Service", "Cluster management fee", "Hrs", "0.1000", "hours"),
)
CLOUD_ENTITIES = {
    "USD": ("us", "{b} Web Services, Inc."),
    "EUR": ("ie", "{b} Web Services EMEA Limited"),
    "GBP": ("gb", "{b} Web Services UK Limited"),
    "AUD": ("au", "{b} Web Services Australia Pty Ltd"),
    "CAD": ("ca", "{b} Web Services Canada, Inc."),
}


def _cloud_quantity(rng: random.Random, kind: str, hours: int) -> Decimal:
    if kind == "hours":
        return Decimal(hours * rng.choice((1, 1, 2, 3, 4, 6)) - rng.choice((0, 0, 0, 17, 96)))
    if kind == "gbmo":
        return Decimal(rng.randint(10_000, 5_000_000)) / 1000
    if kind == "requests":
        return Decimal(rng.randint(40_000, 60_000_000))
    if kind == "gb":
        return Decimal(rng.randint(5_000, 2_400_000)) / 1000
    if kind == "gbsec":
        return Decimal(rng.randint(500_000, 90_000_000)) / 10
    if kind == "lcu":
        return Decimal(rng.randint(1_000, 40_000)) / 10
    if kind == "zones":
        return Decimal(rng.randint(1, 12))
    return Decimal(rng.randint(10, 400))


def _cloud(rng: random.Random) -> Rendered:
    currency = choose(rng, [(4, "USD"), (2, "EUR"), (2, "GBP"), (1, "AUD"), (1, "CAD")])
    seller, pattern = CLOUD_ENTITIES[currency]
    customer_region = {
        "USD": rng.choice(("us", "us", "gb")),
        "EUR": rng.choice(("ie", "de", "fr")),
    }.get(currency, seller)
    us = customer_region == "us" or currency == "CAD"
    style = money_style("en", currency)
    dstyle = (
        rng.choice((DateStyle("{month} {d}, {yyyy}"), DateStyle("{yyyy}-{mm}-{dd}")))
        if us
        else rng.choice((DateStyle("{d} {month} {yyyy}"), DateStyle("{yyyy}-{mm}-{dd}")))
    )
    quantities = GroupedQuantity(".", thousands=",")
    head = rng.choice(BRAND_HEADS)
    vendor = pattern.format(b=head)
    accent = rng.choice(ACCENTS)

    start_base = issue_date(rng)
    start = min(dt.date(start_base.year, start_base.month, 1), dt.date(2025, 11, 1))
    end = add_months(start, 1) - dt.timedelta(days=1)
    issue = add_months(start, 1) + dt.timedelta(days=rng.randint(0, 3))
    hours = end.day * 24
    due = issue + dt.timedelta(days=rng.choice((15, 30))) if rng.random() < 0.5 else None

    picks = rng.sample(CLOUD_CATALOGUE, rng.randint(4, 9))
    if rng.random() < 0.4:
        picks.append(("Support", "Business support plan (monthly minimum)", "", "100.00", "fixed"))
    order = [service for service, *_ in CLOUD_CATALOGUE] + ["Support"]
    picks.sort(key=lambda pick: order.index(pick[0]))
    groups: dict[str, list[SaasLine]] = {}
    for service, description, unit, price, kind in picks:
        qty = Decimal(1) if kind == "fixed" else _cloud_quantity(rng, kind, hours)
        groups.setdefault(service, []).append(metered(description, qty, price, unit=unit))
    if rng.random() < 0.3:
        service = rng.choice(("Functions", "Object Storage"))
        free = (
            ("Function requests, free tier", Decimal(1_000_000), "Requests")
            if service == "Functions"
            else ("GET requests, free tier", Decimal(20_000), "Requests")
        )
        groups.setdefault(service, []).insert(
            0, SaasLine(free[0], free[1], Decimal("0.00"), free[2])
        )
    lines = [line for group in groups.values() for line in group]
    charges = sum((line.amount for line in lines), Decimal(0))
    if charges < 20:
        extra = metered(
            "Linux instance hours, general purpose g4.large (2 vCPU, 8 GiB)",
            Decimal(hours * 2),
            "0.0832",
            unit="Hrs",
        )
        groups.setdefault("Compute", []).append(extra)
        lines.append(extra)
        charges += extra.amount
    if rng.random() < 0.35:
        credit = min(money(charges * Decimal("0.4")), Decimal(rng.choice((25, 50, 100, 150, 300))))
        promo = SaasLine(
            f"Promotional credit {code(rng, 4)}-{code(rng, 6)}", Decimal(1), -credit, ""
        )
        groups["Credits"] = [promo]
        lines.append(promo)
    subtotal = sum((line.amount for line in lines), Decimal(0))

    place = place_for(rng, customer_region)
    tax_rows: list[tuple[str, Decimal]] = []
    fixed = {
        "gb": ("VAT (20%)", Decimal(20)),
        "ie": ("VAT (23%)", Decimal(23)),
        "de": ("VAT (0%) - reverse charge", Decimal(0)),
        "fr": ("VAT (0%) - reverse charge", Decimal(0)),
        "au": ("GST (10%)", Decimal(10)),
    }
    if customer_region in fixed:
        label, rate = fixed[customer_region]
        tax_rows.append((label, money(subtotal * rate / 100)))
    elif place is not None and customer_region == "ca":
        for name, _, rate in place.taxes:
            label = "GST/HST" if name in ("GST", "HST") else name
            tax_rows.append((f"{label} ({rate_text(rate, 'en')}%)", money(subtotal * rate / 100)))
    elif place is not None and place.taxes and rng.random() < 0.7:
        rate = sum((rate for *_, rate in place.taxes), Decimal(0))
        label = f"US sales tax ({place.code} {rate_text(rate, 'en')}%)"
        tax_rows.append((label, money(subtotal * rate / 100)))
    tax = sum((amount for _, amount in tax_rows), Decimal(0)) if tax_rows else None
    total = subtotal + (tax or Decimal(0))

    prefix = {"USD": "US", "EUR": "EU", "GBP": "GB", "AUD": "AU", "CAD": "CA"}[currency]
    number_text = rng.choice(
        (names.digits(rng, 10), f"{prefix}INV{issue.year % 100}-{names.digits(rng, 7)}")
    )
    account = f"{names.digits(rng, 4)}-{names.digits(rng, 4)}-{names.digits(rng, 4)}"

    paper = LETTER if us else A4
    canvas = Canvas(*paper, family="helv")
    width, height = paper
    left_x, right = 44.0, width - 44
    canvas.text(left_x, 62, head.lower(), size=22, bold=True, color=accent)
    canvas.text(
        left_x + canvas.width_of(head.lower(), size=22, bold=True) + 4,
        62,
        "cloud",
        size=22,
        color=GREY,
    )
    title = "Invoice" if currency == "USD" and customer_region == "us" else "Tax Invoice"
    canvas.text(right, 62, title, size=18, bold=True, align="right")
    seller_rows = [vendor, *address(rng, seller)]
    if seller != "us" or rng.random() < 0.5:
        seller_rows.append(tax_id(rng, seller))
    block(canvas, left_x, 84, seller_rows, size=8, step=10.5, bold_first=True)

    meta = [
        ("Invoice Number:", number_text),
        ("Invoice Date:", dstyle.format(issue)),
        ("Account Number:", account),
        ("Billing Period:", f"{dstyle.format(start)} - {dstyle.format(end)}"),
    ]
    if due is not None:
        meta.append(("Due Date:", dstyle.format(due)))
    else:
        meta.append(("Payment Terms:", "Due upon receipt"))
    box_x = right - 250
    canvas.box(box_x, 76, right, 82 + 13 * len(meta), stroke=RULE, width=0.6)
    y = 90.0
    for label, value in meta:
        canvas.text(box_x + 8, y, label, size=8, bold=True)
        canvas.text(box_x + 92, y, value, size=fit(canvas, value, 150, 8))
        y += 13

    y = max(84 + 10.5 * len(seller_rows), y) + 20
    client = customer(rng, customer_region)
    person = contact(rng, customer_region)
    canvas.text(left_x, y, "Bill to Address:", size=8.5, bold=True)
    bill_end = block(
        canvas,
        left_x,
        y + 13,
        [client, f"ATTN: {person}", *address(rng, customer_region, place=place)],
        size=8.5,
    )
    sx = right - 250
    canvas.box(sx, y - 10, right, y + 64, stroke=None, fill=LIGHT)
    canvas.text(sx + 8, y + 2, "Invoice Summary", size=9, bold=True)
    summary = [("Total pre-tax charges", style.amount(subtotal))]
    if tax is not None:
        summary.append(("Total tax" if len(tax_rows) > 1 else tax_rows[0][0], style.amount(tax)))
    summary.append((f"Total amount ({currency})", style.amount(total)))
    sy = y + 18
    for label, value in summary:
        strong = label.startswith("Total amount")
        canvas.text(sx + 8, sy, label, size=8.5, bold=strong)
        canvas.text(right - 8, sy, value, size=8.5, bold=strong, align="right")
        sy += 13
    if due is None:
        charge_day = issue + dt.timedelta(days=rng.choice((3, 5, 7)))
        canvas.text(
            sx + 8,
            y + 60,
            f"Charged to card ending {names.digits(rng, 4)} on or after "
            f"{short_date('en', charge_day, us=us)}",
            size=6.5,
            color=GREY,
        )
    y = max(bill_end, y + 64) + 24

    canvas.text(
        left_x,
        y,
        f"Charges by service for {dstyle.format(start)} - {dstyle.format(end)}",
        size=10,
        bold=True,
    )
    y += 16
    qty_x, unit_x, rate_x = right - 215, right - 200, right - 80
    canvas.box(left_x, y - 10, right, y + 4, stroke=None, fill=LIGHT)
    canvas.text(left_x + 4, y, "Service / Description", size=7.5, bold=True)
    canvas.text(qty_x, y, "Usage", size=7.5, bold=True, align="right")
    canvas.text(unit_x, y, "Unit", size=7.5, bold=True)
    canvas.text(rate_x, y, "Rate", size=7.5, bold=True, align="right")
    canvas.text(right - 4, y, f"Amount ({currency})", size=7.5, bold=True, align="right")
    y += 6
    for service, group in groups.items():
        y += 14
        group_sum = sum((line.amount for line in group), Decimal(0))
        canvas.text(left_x + 4, y, service, size=8.5, bold=True)
        canvas.text(right - 4, y, style.number(group_sum), size=8.5, bold=True, align="right")
        for line in group:
            y += 12
            desc_w = qty_x - 52 - left_x - 16
            canvas.text(
                left_x + 16, y, line.description, size=fit(canvas, line.description, desc_w, 8)
            )
            canvas.text(qty_x, y, quantities.number(line.quantity), size=8, align="right")
            canvas.text(unit_x, y, line.unit, size=8)
            canvas.text(rate_x, y, price_text(style, line.unit_price), size=8, align="right")
            canvas.text(right - 4, y, style.number(line.amount), size=8, align="right")
        y += 4
        canvas.line(left_x, y, right, y, width=0.3, color=RULE)

    y += 22
    tx = right - 230
    rows = [("Total pre-tax charges", style.amount(subtotal))]
    rows += [(label, style.amount(amount)) for label, amount in tax_rows]
    if len(tax_rows) > 1:
        rows.append(("Total tax", style.amount(tax or Decimal(0))))
    rows.append((f"Total amount ({currency})", style.amount(total)))
    for label, value in rows:
        strong = label.startswith("Total amount")
        canvas.text(tx, y, label, size=9, bold=strong)
        canvas.text(right - 4, y, value, size=9, bold=strong, align="right")
        y += 15
    if currency == "USD" and customer_region == "gb" and tax is not None:
        fx = Decimal(rng.choice(("0.7712", "0.7904", "0.8031", "0.7458")))
        y += 6
        canvas.text(
            left_x,
            y,
            f"For VAT purposes only: VAT amount in GBP £{money(tax * fx):,.2f} "
            f"(exchange rate 1 USD = {fx} GBP).",
            size=7.5,
            color=GREY,
        )
        y += 11
    if customer_region in ("de", "fr"):
        canvas.text(
            left_x,
            y + 4,
            "Services subject to the reverse charge: VAT to be accounted for by the recipient.",
            size=7.5,
            color=GREY,
        )
        y += 12
    y += 24
    canvas.text(left_x, y, "Payment information", size=9, bold=True)
    if due is None:
        pay = [
            "Payment method: credit card on file. No action is required.",
            f"Questions about your bill? Contact {head.lower()} billing support, "
            f"quoting account {account}.",
        ]
    else:
        bank = {
            "USD": f"ABA routing {names.digits(rng, 9)}  ·  Account {names.digits(rng, 10)}",
            "CAD": f"Transit {names.digits(rng, 5)}  ·  Account {names.digits(rng, 7)}",
            "AUD": f"BSB {names.digits(rng, 3)}-{names.digits(rng, 3)}  ·  "
            f"Account {names.digits(rng, 8)}",
        }.get(currency, f"IBAN {names.iban(rng, 'GB' if currency == 'GBP' else 'DE')}")
        pay = [
            f"Please pay by bank transfer to {vendor}: {bank}",
            f"Quote the invoice number {number_text} as the payment reference.",
        ]
    for index, text in enumerate(pay):
        canvas.text(
            left_x,
            y + 13 + index * 11,
            text,
            size=fit(canvas, text, right - left_x, 7.5),
            color=GREY,
        )
    foot = height - 34
    canvas.line(left_x, foot - 12, right, foot - 12, width=0.3, color=RULE)
    canvas.text(
        left_x,
        foot,
        f"Invoice Number: {number_text}  |  Account Number: {account}",
        size=7,
        color=GREY,
    )
    canvas.text(right, foot, "Page 1 of 1", size=7, color=GREY, align="right")

    fields = truth_fields(
        number=number_text,
        issue=issue,
        due=due,
        vendor=vendor,
        total=total,
        subtotal=subtotal,
        tax=tax,
        currency=currency,
        lines=lines,
    )
    return Rendered(
        fields,
        "en",
        "invoice",
        canvas.pdf(title=f"Invoice {number_text}"),
        style,
        dstyle,
        quantities,
        marks(currency),
    )


# ============================================================================= store

StoreKind = Literal["monthly", "yearly", "app", "in_app"]
"""What a store line sells; each kind is also the key of its grey caption in `StoreWords`."""


class StoreWords(TypedDict):
    """One language's vocabulary of the `store` layout."""

    receipt: str
    grid: tuple[str, str, str, str, str]
    head: tuple[str, str, str]
    total: str
    subtotal: str
    includes: str
    credit: str
    charged: str
    sold_by: str
    renews: str
    monthly: str
    yearly: str
    in_app: str
    app: str
    by: str
    problem: str
    legal: str


STORE_WORDS: dict[str, StoreWords] = {
    "en": {
        "receipt": "Receipt",
        "grid": ("ACCOUNT", "DATE", "ORDER ID", "INVOICE NO.", "BILLED TO"),
        "head": ("QTY", "PRICE", "AMOUNT"),
        "total": "TOTAL",
        "subtotal": "Subtotal",
        "includes": "Includes {tax} of {amount}",
        "credit": "Store credit applied",
        "charged": "Charged to {card}",
        "sold_by": "Sold by",
        "renews": "Renews {date}",
        "monthly": "Monthly subscription",
        "yearly": "Yearly subscription",
        "in_app": "In-app purchase",
        "app": "App",
        "by": "Developer: {dev}",
        "problem": "Report a problem",
        "legal": "Terms of Sale  |  Privacy Policy  |  Manage Subscriptions",
    },
    "de": {
        "receipt": "Quittung",
        "grid": ("ACCOUNT", "DATUM", "BESTELL-ID", "RECHNUNGSNR.", "RECHNUNGSADRESSE"),
        "head": ("MENGE", "PREIS", "BETRAG"),
        "total": "GESAMT",
        "subtotal": "Zwischensumme",
        "includes": "inkl. {tax} von {amount}",
        "credit": "Guthaben eingelöst",
        "charged": "Belastet: {card}",
        "sold_by": "Verkauft von",
        "renews": "Verlängert sich am {date}",
        "monthly": "Monatsabo",
        "yearly": "Jahresabo",
        "in_app": "In-App-Kauf",
        "app": "App",
        "by": "Entwickler: {dev}",
        "problem": "Problem melden",
        "legal": "Verkaufsbedingungen  |  Datenschutz  |  Abos verwalten",
    },
    "fr": {
        "receipt": "Reçu",
        "grid": ("COMPTE", "DATE", "N° DE COMMANDE", "N° DE FACTURE", "FACTURÉ À"),
        "head": ("QTÉ", "PRIX", "MONTANT"),
        "total": "TOTAL",
        "subtotal": "Sous-total",
        "includes": "dont {tax} : {amount}",
        "credit": "Crédit appliqué",
        "charged": "Débité sur {card}",
        "sold_by": "Vendu par",
        "renews": "Renouvellement le {date}",
        "monthly": "Abonnement mensuel",
        "yearly": "Abonnement annuel",
        "in_app": "Achat intégré",
        "app": "App",
        "by": "Développeur : {dev}",
        "problem": "Signaler un problème",
        "legal": "Conditions de vente  |  Confidentialité  |  Gérer les abonnements",
    },
}
STORE_APPS: tuple[tuple[str, StoreKind, tuple[str, ...]], ...] = (
    ("Notes Pro", "monthly", ("2.99", "4.99", "5.99")),
    ("Cloud Storage 200 GB", "monthly", ("2.99", "3.99")),
    ("Photo Studio Premium", "yearly", ("29.99", "39.99", "49.99")),
    ("Fitness+ Coach", "monthly", ("9.99", "12.99")),
    ("Budget Planner", "app", ("4.99", "7.99")),
    ("Tactics Arena", "app", ("6.99", "9.99", "19.99")),
    ("Offline Maps Europe", "in_app", ("3.99", "5.99")),
    ("Gem Pack (1,200 Gems)", "in_app", ("9.99", "19.99")),
    ("Remove Ads", "in_app", ("1.99", "2.99")),
    ("VPN Secure", "yearly", ("39.99", "59.99")),
    ("Language Tutor Plus", "monthly", ("7.99", "11.99")),
    ("Coin Bundle (500)", "in_app", ("0.99", "4.99")),
)
STORE_ENTITIES = {
    "gb": ("{s} Media Distribution Ltd", "{s} Digital UK Limited"),
    "ie": ("{s} Digital Services International Limited", "{s} Distribution International Ltd"),
    "us": ("{s} Digital, Inc.", "{s} Store Services LLC"),
    "au": ("{s} Digital Pty Ltd", "{s} Media Australia Pty Ltd"),
    "ca": ("{s} Digital Canada Inc.", "{s} Media Canada ULC"),
}
STORE_REGION = {
    "GBP": ("gb", Decimal(20), "VAT"),
    "EUR": ("ie", Decimal(23), "VAT"),
    "AUD": ("au", Decimal(10), "GST"),
    "USD": ("us", Decimal(0), ""),
    "CAD": ("ca", Decimal(13), "HST"),
}


def _store(rng: random.Random) -> Rendered:
    lang = choose(rng, [(6, "en"), (1.5, "de"), (1.5, "fr")])
    if lang == "en":
        currency = choose(rng, [(3, "USD"), (3, "GBP"), (1, "EUR"), (1.5, "AUD"), (1, "CAD")])
    else:
        currency = "EUR"
    region, rate, tax_name = STORE_REGION[currency]
    if lang == "de":
        region, rate, tax_name = "de", Decimal(19), "MwSt."
    if lang == "fr":
        region, rate, tax_name = "fr", Decimal(20), "TVA"
    words = STORE_WORDS[lang]
    inclusive = currency not in ("USD", "CAD")
    us = currency in ("USD", "CAD")
    style = money_style(lang, currency)
    dstyle = {
        "en": DateStyle("{mon} {d}, {yyyy}") if us else DateStyle("{d} {mon} {yyyy}"),
        "de": DateStyle("{dd}.{mm}.{yyyy}", "de"),
        "fr": DateStyle("{d} {month} {yyyy}", "fr"),
    }[lang]
    if lang == "de":
        dates = pick_dates(rng, dstyle)
        issue = dates.issue
    else:
        issue = issue_date(rng)
    store = rng.choice(("Orchard", "Meadow", "Lantern", "Harbor", "Pinecone", "Summit"))
    seat = "ie" if region in ("ie", "de", "fr") else region
    entity = rng.choice(STORE_ENTITIES[seat]).format(s=store)
    place = place_for(rng, region)
    accent = rng.choice(ACCENTS)

    lines: list[SaasLine] = []
    for app, kind, prices in rng.sample(STORE_APPS, rng.randint(1, 4)):
        developer = legal_name(rng, brand(rng), rng.choice(("us", "gb", "de", "au")))
        title = f"{rng.choice(BRAND_HEADS)} {app}" if rng.random() < 0.6 else app
        cents = Decimal(rng.choice(prices))
        if currency in ("AUD", "CAD") and cents > 3:
            cents += 1
        if kind in ("monthly", "yearly"):
            renew = add_months(issue, 1 if kind == "monthly" else 12)
            shown = dstyle.format(renew) if lang == "de" else short_date(lang, renew, us=us)
            sub = f"{words[kind]} · {words['renews'].format(date=shown)}"
        else:
            sub = words[kind]
        qty = Decimal(rng.choice((1, 1, 2, 3))) if kind == "in_app" else Decimal(1)
        lines.append(SaasLine(title, qty, cents, "", sub, developer))
    gross = sum((line.amount for line in lines), Decimal(0))
    tax_rows: list[tuple[str, Decimal]] = []
    if inclusive:
        tax: Decimal | None = inclusive_tax(gross, rate)
        subtotal = None
        total = gross
    else:
        assert place is not None
        if currency == "USD":
            rate = sum((rate for *_, rate in place.taxes), Decimal(0))
            tax_rows.append(("Tax", money(gross * rate / 100)))
        else:
            for name, _, rate in place.taxes:
                tax_rows.append((f"{name} ({pct(rate, lang)})", money(gross * rate / 100)))
        subtotal = gross
        total = gross + sum((amount for _, amount in tax_rows), Decimal(0))
        tax = total - gross if len(tax_rows) == 1 else None
    credit = Decimal(0)
    if rng.random() < 0.25:
        credit = min(total, Decimal(rng.choice((5, 10, 15, 25))))

    order_id = code(rng, 10, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789")
    invoice_no = rng.choice((names.digits(rng, 12), f"MS{names.digits(rng, 10)}"))
    person = contact(rng, region if region in ("us", "gb", "de", "fr") else "gb")
    mail = email_of(person, rng.choice(("mailbox.com", "inbox.net", "post.example.org")))
    card = f"{rng.choice(('Visa', 'Mastercard', 'AMEX'))} •••• {names.digits(rng, 4)}"

    paper = LETTER if us else A4
    canvas = Canvas(*paper, family="helv")
    width, height = paper
    left_x, right = 80.0, width - 80
    canvas.text(left_x, 76, words["receipt"], size=24, bold=True)
    canvas.text(right, 76, store, size=16, bold=True, color=accent, align="right")
    top = 96.0
    canvas.box(left_x, top, right, top + 84, stroke=None, fill=LIGHT)
    grid = words["grid"]
    col = (right - left_x) / 3
    cells = [
        (left_x + 10, top + 16, grid[0], [mail]),
        (left_x + 10, top + 50, grid[1], [dstyle.format(issue)]),
        (left_x + 10 + col, top + 16, grid[2], [order_id]),
        (left_x + 10 + col, top + 50, grid[3], [invoice_no]),
        (
            left_x + 10 + 2 * col,
            top + 16,
            grid[4],
            [card, person, *address(rng, region, place=place)[:-1]],
        ),
    ]
    for x, y0, label, values in cells:
        canvas.text(x, y0, label, size=6.5, color=GREY)
        for index, value in enumerate(values):
            canvas.text(x, y0 + 10 + index * 9.5, value, size=fit(canvas, value, col - 14, 8))
    y = top + 84 + 26
    canvas.box(left_x, y - 12, right, y + 4, stroke=None, fill=LIGHT)
    canvas.text(left_x + 8, y, f"{store} Store", size=9, bold=True)
    head = words["head"]
    qty_x, price_x = right - 130, right - 60
    canvas.text(qty_x, y, head[0], size=6.5, color=GREY, align="right")
    canvas.text(price_x, y, head[1], size=6.5, color=GREY, align="right")
    canvas.text(right - 6, y, head[2], size=6.5, color=GREY, align="right")
    y += 10
    for line in lines:
        y += 14
        canvas.box(
            left_x + 6, y - 9, left_x + 34, y + 19, stroke=RULE, fill=(0.97, 0.97, 0.98), width=0.5
        )
        tx = left_x + 44
        canvas.text(
            tx,
            y,
            line.description,
            size=fit(canvas, line.description, qty_x - tx - 30, 9, bold=True),
            bold=True,
        )
        canvas.text(tx, y + 10, line.sub, size=7.5, color=GREY)
        canvas.text(tx, y + 19.5, words["by"].format(dev=line.by), size=7.5, color=GREY)
        canvas.text(tx, y + 29, words["problem"], size=7, color=accent)
        canvas.text(qty_x, y, QuantityStyle().number(line.quantity), size=8.5, align="right")
        canvas.text(price_x, y, style.amount(line.unit_price), size=8.5, align="right")
        canvas.text(right - 6, y, style.amount(line.amount), size=8.5, align="right")
        y += 36
        canvas.line(left_x, y - 4, right, y - 4, width=0.3, color=RULE)
    y += 12
    rows: list[tuple[str, str, bool]] = []
    if not inclusive:
        rows.append((words["subtotal"], style.amount(gross), False))
        rows += [(label, style.amount(amount), False) for label, amount in tax_rows]
    rows.append((words["total"], style.amount(total), True))
    if inclusive:
        rows.append(
            (
                words["includes"].format(
                    tax=f"{tax_name} ({pct(rate, lang)})", amount=style.amount(tax or Decimal(0))
                ),
                "",
                False,
            )
        )
    if credit:
        rows.append((words["credit"], signed(style, -credit), False))
        rows.append((words["charged"].format(card=card), style.amount(total - credit), False))
    tx = right - 240
    for label, value, strong in rows:
        canvas.text(tx, y, label, size=10 if strong else 8.5, bold=strong)
        if value:
            canvas.text(right - 6, y, value, size=10 if strong else 8.5, bold=strong, align="right")
        y += 16 if strong else 13
    canvas.line(left_x, height - 96, right, height - 96, width=0.3, color=RULE)
    seller_line = f"{words['sold_by']}: {entity}, {', '.join(address(rng, seat)[:-1])}"
    canvas.text(
        left_x,
        height - 82,
        seller_line,
        size=fit(canvas, seller_line, right - left_x, 7.5),
        color=GREY,
    )
    ident = tax_id(rng, seat)
    canvas.text(left_x, height - 71, ident, size=7.5, color=GREY)
    canvas.text(left_x, height - 56, words["legal"], size=7.5, color=accent)
    canvas.text(
        left_x,
        height - 44,
        f"Copyright © {issue.year} {entity}. All rights reserved.",
        size=7,
        color=GREY,
    )

    fields = truth_fields(
        number=invoice_no,
        issue=issue,
        vendor=entity,
        total=total,
        subtotal=subtotal,
        tax=tax,
        currency=currency,
        lines=lines,
    )
    return Rendered(
        fields,
        lang,
        "receipt",
        canvas.pdf(title=f"{words['receipt']} {order_id}"),
        style,
        dstyle,
        QuantityStyle(),
        marks(currency),
        prices_include_tax=inclusive,
    )


# ============================================================================= marketplace


class MarketWords(TypedDict):
    """One language's vocabulary of the `marketplace` layout."""

    title: str
    sold_by: str
    meta: tuple[str, str, str, str, str, str]
    bill: str
    ship: str
    head: tuple[str, str, str, str, str]
    net: str
    vat_row: str
    vat_total: str
    total: str
    paid: str
    open: str
    shipping: str
    voucher: str
    issued_by: str
    paid_note: str
    methods: tuple[str, ...]
    sku: str


MARKET_WORDS: dict[str, MarketWords] = {
    "de": {
        "title": "Rechnung",
        "sold_by": "Verkauft von",
        "meta": (
            "Rechnungsnummer",
            "Rechnungsdatum",
            "Liefer-/Leistungsdatum",
            "Bestellnummer",
            "Bestelldatum",
            "Zahlungsreferenz",
        ),
        "bill": "Rechnungsadresse",
        "ship": "Lieferadresse",
        "head": ("Beschreibung", "Menge", "Stückpreis (netto)", "USt.", "Gesamt (netto)"),
        "net": "Zwischensumme (netto)",
        "vat_row": "USt. {rate} auf {base}",
        "vat_total": "USt. gesamt",
        "total": "Gesamtbetrag (brutto)",
        "paid": "Bereits bezahlt",
        "open": "Offener Betrag",
        "shipping": "Versandkosten",
        "voucher": "Aktionsgutschein {code}",
        "issued_by": "Diese Rechnung wurde von {platform} im Namen und auf Rechnung von {seller} "
        "ausgestellt.",
        "paid_note": "Bezahlt am {date} per {method}. Vielen Dank für Ihre Bestellung.",
        "methods": ("Kreditkarte", "PayPal", "Lastschrift"),
        "sku": "Artikelnr.",
    },
    "fr": {
        "title": "Facture",
        "sold_by": "Vendu par",
        "meta": (
            "Numéro de facture",
            "Date de facturation",
            "Date de livraison",
            "Numéro de commande",
            "Date de commande",
            "Référence de paiement",
        ),
        "bill": "Adresse de facturation",
        "ship": "Adresse de livraison",
        "head": ("Description", "Qté", "Prix unitaire HT", "TVA", "Total HT"),
        "net": "Total HT",
        "vat_row": "TVA {rate} sur {base}",
        "vat_total": "Total TVA",
        "total": "Total TTC",
        "paid": "Déjà payé",
        "open": "Reste à payer",
        "shipping": "Frais de livraison",
        "voucher": "Bon de réduction {code}",
        "issued_by": "Facture émise par {platform} au nom et pour le compte de {seller}.",
        "paid_note": "Payé le {date} par {method}. Merci pour votre commande.",
        "methods": ("carte bancaire", "PayPal"),
        "sku": "Réf.",
    },
    "es": {
        "title": "Factura",
        "sold_by": "Vendido por",
        "meta": (
            "Número de factura",
            "Fecha de factura",
            "Fecha de entrega",
            "Número de pedido",
            "Fecha del pedido",
            "Referencia de pago",
        ),
        "bill": "Dirección de facturación",
        "ship": "Dirección de envío",
        "head": ("Descripción", "Cant.", "Precio unitario (sin IVA)", "IVA", "Importe (sin IVA)"),
        "net": "Base imponible",
        "vat_row": "IVA {rate} sobre {base}",
        "vat_total": "Total IVA",
        "total": "Total factura",
        "paid": "Importe pagado",
        "open": "Importe pendiente",
        "shipping": "Gastos de envío",
        "voucher": "Cupón promocional {code}",
        "issued_by": "Factura emitida por {platform} en nombre y por cuenta de {seller}.",
        "paid_note": "Pagado el {date} con {method}. Gracias por tu pedido.",
        "methods": ("tarjeta", "PayPal", "Bizum"),
        "sku": "Ref.",
    },
    "en": {
        "title": "VAT Invoice",
        "sold_by": "Sold by",
        "meta": (
            "Invoice number",
            "Invoice date",
            "Delivery date",
            "Order number",
            "Order date",
            "Payment reference",
        ),
        "bill": "Billing address",
        "ship": "Delivery address",
        "head": (
            "Description",
            "Qty",
            "Unit price (excl. VAT)",
            "VAT rate",
            "Item subtotal (excl. VAT)",
        ),
        "net": "Total excl. VAT",
        "vat_row": "VAT {rate} on {base}",
        "vat_total": "Total VAT",
        "total": "Total incl. VAT",
        "paid": "Amount paid",
        "open": "Balance due",
        "shipping": "Postage and packing",
        "voucher": "Promotional voucher {code}",
        "issued_by": "This invoice was issued by {platform} on behalf of {seller}.",
        "paid_note": "Paid on {date} by {method}. Thank you for your order.",
        "methods": ("card", "PayPal"),
        "sku": "SKU",
    },
}
# (description, rate class, price band in cents): "std" standard rate, "red" the food rate,
# "book" the books rate (zero in the UK, 4 % in Spain)
MARKET_ITEMS: dict[str, tuple[tuple[str, str, int, int], ...]] = {
    "de": (
        ("USB-C Ladekabel, 2 m, geflochten", "std", 699, 1999),
        ("Bluetooth-Kopfhörer, Over-Ear", "std", 3999, 14999),
        ("Kaffeebohnen Espresso, 1 kg", "red", 1299, 2499),
        ("Taschenbuch: Der lange Weg nach Süden", "book", 899, 1499),
        ("Schutzhülle für Tablet 11 Zoll", "std", 1199, 2999),
        ("LED-Schreibtischlampe, dimmbar", "std", 2199, 4999),
        ("Bio-Grüntee, 100 Beutel", "red", 499, 1199),
        ("Druckerpatronen-Set XL, 4 Farben", "std", 2499, 5999),
        ("Yogamatte, rutschfest, 6 mm", "std", 1599, 3499),
        ("Kochbuch: Einfach vegetarisch", "book", 1499, 2499),
    ),
    "fr": (
        ("Câble de charge USB-C, 2 m, tressé", "std", 699, 1999),
        ("Casque Bluetooth circum-auriculaire", "std", 3999, 14999),
        ("Café en grains espresso, 1 kg", "red", 1299, 2499),
        ("Livre de poche : Le long chemin du sud", "book", 699, 1199),
        ("Étui de protection pour tablette 11 pouces", "std", 1199, 2999),
        ("Lampe de bureau LED à variateur", "std", 2199, 4999),
        ("Thé vert bio, 100 sachets", "red", 499, 1199),
        ("Lot de cartouches d'encre XL, 4 couleurs", "std", 2499, 5999),
        ("Tapis de yoga antidérapant, 6 mm", "std", 1599, 3499),
    ),
    "es": (
        ("Cable de carga USB-C, 2 m, trenzado", "std", 699, 1999),
        ("Auriculares Bluetooth de diadema", "std", 3999, 14999),
        ("Café en grano espresso, 1 kg", "red", 1299, 2499),
        ("Libro de bolsillo: El largo camino al sur", "book", 799, 1299),
        ("Funda protectora para tablet de 11 pulgadas", "std", 1199, 2999),
        ("Lámpara de escritorio LED regulable", "std", 2199, 4999),
        ("Té verde ecológico, 100 bolsitas", "red", 499, 1199),
        ("Esterilla de yoga antideslizante, 6 mm", "std", 1599, 3499),
    ),
    "en": (
        ("USB-C charging cable, 2 m, braided", "std", 699, 1999),
        ("Over-ear Bluetooth headphones", "std", 3999, 14999),
        ("Paperback: The Long Road South", "book", 699, 1099),
        ("Protective case for 11-inch tablet", "std", 999, 2499),
        ("Dimmable LED desk lamp", "std", 2199, 4999),
        ("Printer ink multipack XL, 4 colours", "std", 2199, 4999),
        ("Non-slip yoga mat, 6 mm", "std", 1299, 2999),
        ("Picture book: The Sleepy Owl", "book", 599, 999),
    ),
}
MARKET_RATES = {
    "de": {"std": Decimal(19), "red": Decimal(7), "book": Decimal(7)},
    "fr": {"std": Decimal(20), "red": Decimal("5.5"), "book": Decimal("5.5")},
    "es": {"std": Decimal(21), "red": Decimal(10), "book": Decimal(4)},
    "en": {"std": Decimal(20), "red": Decimal(0), "book": Decimal(0)},
}


def _marketplace(rng: random.Random) -> Rendered:
    lang = choose(rng, [(2, "de"), (1.5, "fr"), (1, "es"), (1.5, "en")])
    currency = "GBP" if lang == "en" else "EUR"
    region = "gb" if lang == "en" else lang
    words = MARKET_WORDS[lang]
    style = money_style(lang, currency)
    dstyle = {
        "de": DateStyle("{dd}.{mm}.{yyyy}", "de"),
        "fr": DateStyle("{dd}/{mm}/{yyyy}", "fr"),
        "es": DateStyle("{dd}/{mm}/{yyyy}", "es"),
        "en": rng.choice((DateStyle("{d} {month} {yyyy}"), DateStyle("{dd}/{mm}/{yyyy}"))),
    }[lang]
    dates = pick_dates(rng, dstyle)
    issue, ordered = dates.issue, dates.other[0]
    delivered = issue if rng.random() < 0.6 else None
    platform = rng.choice(("shopwell", "marketio", "bazaarly", "dealcart", "kaufhub"))
    platform_legal = rng.choice(
        (f"{platform.title()} EU S.à r.l.", f"{platform.title()} Services Europe S.à r.l.")
    )
    seller = (
        legal_name(rng, brand(rng), region)
        if rng.random() < 0.5
        else names.company(rng, "en" if lang == "en" else lang)
    )
    accent = rng.choice(ACCENTS)
    rate_of = MARKET_RATES[lang]
    standard = rate_of["std"]

    picks = rng.sample(MARKET_ITEMS[lang], rng.randint(1, 4))
    lines: list[SaasLine] = []
    rates: list[Decimal] = []
    for description, kind, low, high in picks:
        unit_price = Decimal(rng.randint(low, high)) / 100
        sku = f"{words['sku']} {code(rng, 10, string.ascii_uppercase + string.digits)}"
        lines.append(
            SaasLine(description, Decimal(rng.choice((1, 1, 1, 2, 3))), unit_price, "", sku)
        )
        rates.append(rate_of[kind])
    if rng.random() < 0.5:
        lines.append(
            SaasLine(
                words["shipping"],
                Decimal(1),
                Decimal(rng.choice(("2.48", "3.35", "4.16", "4.99"))),
                "",
            )
        )
        rates.append(standard)
    std_base = sum(
        (line.amount for line, rate in zip(lines, rates, strict=True) if rate == standard),
        Decimal(0),
    )
    if rng.random() < 0.3 and std_base > 15:
        off = Decimal(rng.choice(("5.00", "8.40", "10.00")))
        lines.append(
            SaasLine(
                words["voucher"].format(
                    code=f"{code(rng, 4, string.ascii_uppercase)}{rng.choice((5, 10, 15))}"
                ),
                Decimal(1),
                -off,
                "",
            )
        )
        rates.append(standard)
    groups = tax_groups(list(lines), rates)  # a list[Line] copy: lists are invariant
    subtotal = sum((line.amount for line in lines), Decimal(0))
    tax = sum((group.tax for group in groups), Decimal(0))
    total = subtotal + tax

    country_code = {"de": "DE", "fr": "FR", "es": "ES", "en": "GB"}[lang]
    number_text = rng.choice(
        (
            f"{country_code}{issue.year % 100}-{code(rng, 3, string.ascii_uppercase)}-"
            f"{names.digits(rng, 6)}",
            f"{country_code}{code(rng, 2, string.ascii_uppercase)}{names.digits(rng, 8)}",
            f"INV-{country_code}-{names.digits(rng, 9)}",
        )
    )
    order_no = f"{names.digits(rng, 3)}-{names.digits(rng, 7)}-{names.digits(rng, 7)}"
    reference = code(rng, 12, string.ascii_uppercase + string.digits)

    canvas = Canvas(*A4, family=rng.choice(("helv", "helv", "tiro")))
    width, height = A4
    left_x, right = 46.0, width - 46
    canvas.text(left_x, 64, platform, size=22, bold=True, color=accent)
    canvas.text(
        left_x + canvas.width_of(platform, size=22, bold=True) + 5,
        64,
        "marketplace",
        size=9,
        color=GREY,
    )
    canvas.text(right, 64, words["title"], size=20, bold=True, align="right")
    canvas.text(right, 78, f"{words['meta'][5]}: {reference}", size=7.5, color=GREY, align="right")

    y = 108.0
    canvas.text(left_x, y, f"{words['sold_by']}:", size=8, color=GREY)
    seller_rows = [seller, *address(rng, region), tax_id(rng, region)]
    end_seller = block(canvas, left_x, y + 12, seller_rows, size=8.5, bold_first=True)
    meta = [
        (words["meta"][0], number_text),
        (words["meta"][1], dstyle.format(issue)),
    ]
    if delivered is not None:
        meta.append((words["meta"][2], dstyle.format(delivered)))
    meta += [(words["meta"][3], order_no), (words["meta"][4], dstyle.format(ordered))]
    mx = right - 235
    for index, (label, value) in enumerate(meta):
        canvas.text(mx, y + index * 13, label, size=8.5, bold=True)
        canvas.text(right, y + index * 13, value, size=8.5, align="right")
    y = max(end_seller, y + len(meta) * 13) + 18
    buyer = contact(rng, region)
    place = address(rng, region)
    canvas.text(left_x, y, words["bill"], size=8.5, bold=True)
    canvas.text(left_x + 240, y, words["ship"], size=8.5, bold=True)
    block(canvas, left_x, y + 12, [buyer, *place])
    if rng.random() < 0.5:
        ship_rows = [buyer, *place]
    else:
        ship_rows = [contact(rng, region), *address(rng, region)]
    end_addr = block(canvas, left_x + 240, y + 12, ship_rows)
    y = end_addr + 24

    cols = (right - 250, right - 170, right - 110, right - 6)
    desc_w = cols[0] - 30 - left_x
    head = words["head"]
    canvas.box(left_x, y - 12, right, y + 5, stroke=None, fill=LIGHT)
    canvas.text(left_x + 6, y, head[0], size=7.5, bold=True)
    for x, text, room in zip(cols, head[1:], (30, 76, 54, 100), strict=True):
        canvas.text(
            x, y, text, size=fit(canvas, text, room, 7.5, bold=True), bold=True, align="right"
        )
    cell = style.number if lang == "en" else style.amount
    y += 6
    for line, rate in zip(lines, rates, strict=True):
        y += 16
        canvas.text(
            left_x + 6, y, line.description, size=fit(canvas, line.description, desc_w, 8.5)
        )
        if line.sub:
            canvas.text(left_x + 6, y + 10, line.sub, size=7, color=GREY)
        canvas.text(cols[0], y, truth_number(line.quantity), size=8.5, align="right")
        canvas.text(cols[1], y, cell(line.unit_price), size=8.5, align="right")
        canvas.text(cols[2], y, pct(rate, lang), size=8.5, align="right")
        canvas.text(cols[3], y, cell(line.amount), size=8.5, align="right")
        y += 10 if line.sub else 2
        canvas.line(left_x, y + 3, right, y + 3, width=0.3, color=RULE)
    y += 26
    rows: list[tuple[str, str, bool]] = [(words["net"], style.amount(subtotal), False)]
    for group in groups:
        rows.append(
            (
                words["vat_row"].format(rate=pct(group.rate, lang), base=style.amount(group.base)),
                style.amount(group.tax),
                False,
            )
        )
    if len(groups) > 1:
        rows.append((words["vat_total"], style.amount(tax), False))
    rows.append((words["total"], style.amount(total), True))
    rows.append((words["paid"], signed(style, -total), False))
    rows.append((words["open"], style.amount(Decimal(0)), False))
    tx = right - 250
    for label, value, strong in rows:
        if strong:
            canvas.line(tx, y - 11, right, y - 11, width=0.6)
        canvas.text(tx, y, label, size=9, bold=strong)
        canvas.text(right - 6, y, value, size=9, bold=strong, align="right")
        y += 15
    y += 16
    paid_note = words["paid_note"].format(
        date=dstyle.format(ordered), method=rng.choice(words["methods"])
    )
    canvas.text(left_x, y, paid_note, size=8, color=GREY)
    foot = height - 40
    issued = words["issued_by"].format(platform=platform_legal, seller=seller)
    canvas.line(left_x, foot - 12, right, foot - 12, width=0.3, color=RULE)
    canvas.text(left_x, foot, issued, size=fit(canvas, issued, right - left_x, 7.5), color=GREY)
    canvas.text(
        left_x,
        foot + 10,
        f"{platform_legal}, 38 avenue John F. Kennedy, L-1855 Luxembourg",
        size=7,
        color=GREY,
    )

    fields = truth_fields(
        number=number_text,
        issue=issue,
        vendor=seller,
        total=total,
        subtotal=subtotal,
        tax=tax,
        currency=currency,
        lines=lines,
    )
    return Rendered(
        fields,
        lang,
        "invoice",
        canvas.pdf(title=f"{words['title']} {number_text}"),
        style,
        dstyle,
        QuantityStyle(),
        marks(currency),
    )


# ============================================================================= platform

PLATFORM_DATES = {
    "us": (
        DateStyle("{mm}/{dd}/{yyyy}"),
        DateStyle("{mon} {d}, {yyyy}"),
        DateStyle("{dd}-{mon}-{yyyy}"),
    ),
    "ca": (DateStyle("{yyyy}-{mm}-{dd}"), DateStyle("{mon} {d}, {yyyy}")),
    "au": (DateStyle("{dd}/{mm}/{yyyy}"), DateStyle("{d} {mon} {yyyy}")),
    "gb": (DateStyle("{dd}/{mm}/{yyyy}"), DateStyle("{d} {month} {yyyy}")),
}


def _platform(rng: random.Random) -> Rendered:
    currency = choose(rng, [(4, "USD"), (1.5, "CAD"), (1.5, "AUD"), (1.5, "GBP")])
    region = {"USD": "us", "CAD": "ca", "AUD": "au", "GBP": "gb"}[currency]
    us = region in ("us", "ca")
    negative: Literal["minus", "parens"] = rng.choice(("minus", "parens"))
    style = money_style("en", currency, negative=negative)
    if currency == "CAD":
        style = MoneyStyle(",", ".", "$", symbol_space=False, negative=negative)
    dstyle: DateStyle = rng.choice(PLATFORM_DATES[region])
    dates = pick_dates(rng, dstyle, due_days=(15, 30, 30, 45))
    issue, due, started = dates.issue, dates.due, dates.other[0]
    quantities = GroupedQuantity(".", thousands=",")
    name = brand(rng)
    vendor = legal_name(rng, name, region)
    site = domain(name, rng)
    accent = rng.choice(ACCENTS)

    start = issue
    end = add_months(issue, 1) - dt.timedelta(days=1)
    plan = rng.choice(("Growth", "Business", "Professional", "Enterprise", "Scale"))
    span = f"{short_date('en', start, us=us)} - {short_date('en', end, us=us)}"
    fee = Decimal(rng.choice((199, 299, 499, 799, 1200, 2400)))
    lines: list[SaasLine] = [
        SaasLine(f"{plan} Plan - Monthly platform fee", Decimal(1), fee, "", span)
    ]
    users = rng.randint(5, 120)
    seat = Decimal(rng.choice(("12.00", "18.00", "24.00", "35.00", "49.00", "65.00")))
    lines.append(SaasLine(f"{plan} Plan - User licenses", Decimal(users), seat, "", span))
    if rng.random() < 0.45:
        changed = start - dt.timedelta(days=rng.randint(6, 20))
        prev_start = add_months(start, -1)
        days_total = (start - prev_start).days
        days_left = (start - changed).days
        share = money(seat * Decimal(days_left) / Decimal(days_total))
        added = rng.choice((2, 3, 5, 8, 10))
        last = start - dt.timedelta(days=1)
        when = f"{short_date('en', changed, us=us)} - {short_date('en', last, us=us)}"
        lines.append(
            SaasLine(
                f"Prorated charge: {added} additional user licenses",
                Decimal(added),
                share,
                "",
                when,
            )
        )
        if rng.random() < 0.5:
            old_fee = money(
                Decimal(rng.choice((99, 149, 199))) * Decimal(days_left) / Decimal(days_total)
            )
            lines.append(
                SaasLine("Credit: unused time on Starter Plan", Decimal(1), -old_fee, "", when)
            )
    if rng.random() < 0.4:
        label, price, (low, high) = rng.choice(
            (
                ("API calls over plan allowance", "0.0015", (40_000, 2_500_000)),
                ("SMS notifications sent", "0.0042", (1_000, 80_000)),
                ("Additional contacts (per contact)", "0.012", (500, 25_000)),
            )
        )
        lines.append(metered(label, Decimal(rng.randint(low, high)), price, sub=span))
    if rng.random() < 0.3:
        lines.append(
            SaasLine(
                "Onboarding & implementation services",
                Decimal(rng.choice((4, 6, 8, 10, 12, "7.5"))),
                Decimal(rng.choice(("150.00", "175.00", "195.00"))),
                "",
                "Professional services, hours",
            )
        )
    if rng.random() < 0.3:
        rate = Decimal(rng.choice((10, 15, 20, 25)))
        coupon_code = f"{rng.choice(('ANNUAL', 'PARTNER', 'NONPROFIT', 'Q4PROMO'))}{rate}"
        lines.append(
            SaasLine(
                f"Discount: {coupon_code} ({rate}% off platform fee)",
                Decimal(1),
                -money(fee * rate / 100),
                "",
            )
        )
    subtotal = sum((line.amount for line in lines), Decimal(0))

    taxes: list[tuple[str, Decimal]] = []
    place = place_for(rng, region)
    if place is not None and region == "us":
        if place.taxes and rng.random() < 0.7:
            if len(place.taxes) == 2 and rng.random() < 0.5:
                (_, _, state_rate), (_, city, city_rate) = place.taxes
                taxes.append(
                    (f"State Tax ({place.code} {state_rate}%)", money(subtotal * state_rate / 100))
                )
                taxes.append(
                    (f"Local Tax ({city} {city_rate}%)", money(subtotal * city_rate / 100))
                )
            else:
                rate = sum((rate for *_, rate in place.taxes), Decimal(0))
                taxes.append((f"Sales Tax ({place.code} {rate}%)", money(subtotal * rate / 100)))
    elif place is not None:
        for name, _, rate in place.taxes:
            taxes.append((f"{name} ({rate}%)", money(subtotal * rate / 100)))
    elif region == "au":
        taxes.append(("GST (10%)", money(subtotal * 10 / 100)))
    else:
        taxes.append(("VAT (20%)", money(subtotal * 20 / 100)))
    tax = sum((amount for _, amount in taxes), Decimal(0))
    total_tax_row = len(taxes) > 1 and rng.random() < 0.5
    total = subtotal + tax
    payments = Decimal(0)
    credits = Decimal(0)
    if rng.random() < 0.3:
        payments = money(total * Decimal(rng.choice(("0.25", "0.5"))))
    if rng.random() < 0.3:
        credits = min(total - payments, Decimal(rng.choice((50, 100, 250))))
    amount_due = total - payments - credits

    number_text = rng.choice(
        (
            f"INV-{issue.year}-{rng.randint(1, 9999):04d}",
            f"INV-{rng.randint(1, 99999):06d}",
            f"{issue.year}-{rng.randint(100, 9999)}",
        )
    )
    customer_id = f"CUS-{names.digits(rng, 6)}"
    subscription_id = code(rng, 14, string.ascii_letters + string.digits)

    paper = LETTER if us else A4
    canvas = Canvas(*paper, family=rng.choice(("helv", "helv", "tiro")))
    width, height = paper
    left_x, right = 44.0, width - 44
    canvas.box(left_x, 44, left_x + 26, 70, stroke=None, fill=accent)
    canvas.text(
        left_x + 13, 62, name[0].upper(), size=15, bold=True, color=(1, 1, 1), align="center"
    )
    canvas.text(left_x + 34, 62, name, size=fit(canvas, name, 180, 16, bold=True), bold=True)
    seller_rows = [vendor, *address(rng, region), f"accounts@{site}", tax_id(rng, region)]
    end_seller = block(canvas, left_x, 92, seller_rows, size=8, step=10.5, bold_first=True)
    canvas.text(right, 64, "INVOICE", size=24, bold=True, color=accent, align="right")
    meta = [
        ("Invoice #", number_text),
        ("Invoice Date", dstyle.format(issue)),
        ("Due Date", dstyle.format(due)),
        ("Terms", f"Net {(due - issue).days}"),
    ]
    if rng.random() < 0.4:
        meta.append(("PO #", f"{rng.choice(('PO', '45'))}{names.digits(rng, 6)}"))
    meta += [("Customer ID", customer_id), ("Subscription ID", subscription_id)]
    y = 88.0
    for label, value in meta:
        canvas.text(right - 118, y, label, size=8, bold=True, align="right")
        canvas.text(right, y, value, size=8, align="right")
        y += 11.5
    y += 6
    canvas.box(right - 200, y, right, y + 30, stroke=None, fill=LIGHT)
    canvas.text(right - 192, y + 19, f"Amount Due ({currency})", size=9, bold=True)
    canvas.text(right - 8, y + 19, style.amount(amount_due), size=12, bold=True, align="right")
    y = max(y + 30, end_seller) + 20
    client = customer(rng, region)
    person = contact(rng, region)
    canvas.text(left_x, y, "Bill To", size=8.5, bold=True, color=accent)
    end_bill = block(
        canvas,
        left_x,
        y + 12,
        [client, f"Attn: {person}", *address(rng, region, place=place)],
        size=8.5,
    )
    canvas.text(left_x + 220, y, "Subscription", size=8.5, bold=True, color=accent)
    sub_rows = [
        f"Billing period: {span}",
        f"Contract date: {dstyle.format(started)}",
        f"Next billing date: {short_date('en', add_months(issue, 1), us=us)}",
    ]
    block(canvas, left_x + 220, y + 12, sub_rows, size=8.5)
    y = end_bill + 22

    cols = (right - 190, right - 100, right - 8)
    canvas.box(left_x, y - 12, right, y + 5, stroke=None, fill=accent)
    white = (1.0, 1.0, 1.0)
    canvas.text(left_x + 8, y, "Description", size=8, bold=True, color=white)
    canvas.text(cols[0], y, "Units", size=8, bold=True, color=white, align="right")
    canvas.text(cols[1], y, "Unit Price", size=8, bold=True, color=white, align="right")
    canvas.text(cols[2], y, f"Amount ({currency})", size=8, bold=True, color=white, align="right")
    y += 5
    for index, line in enumerate(lines):
        row_h = 27 if line.sub else 17
        if index % 2 == 1:
            canvas.box(left_x, y, right, y + row_h, stroke=None, fill=(0.96, 0.96, 0.97))
        base = y + 12
        canvas.text(
            left_x + 8,
            base,
            line.description,
            size=fit(canvas, line.description, cols[0] - 50 - left_x, 8.5),
        )
        if line.sub:
            canvas.text(left_x + 8, base + 10, line.sub, size=7, color=GREY)
        canvas.text(cols[0], base, quantities.number(line.quantity), size=8.5, align="right")
        canvas.text(cols[1], base, price_text(style, line.unit_price), size=8.5, align="right")
        canvas.text(cols[2], base, style.number(line.amount), size=8.5, align="right")
        y += row_h
    canvas.line(left_x, y, right, y, width=0.6)
    y += 18
    rows: list[tuple[str, str, bool]] = [("Sub Total", style.number(subtotal), False)]
    rows += [(label, style.number(amount), False) for label, amount in taxes]
    if total_tax_row:
        rows.append(("Total Tax", style.number(tax), False))
    rows.append(("Total", style.amount(total), True))
    if payments:
        rows.append(("Payments", style.number(-payments), False))
    if credits:
        rows.append(("Credits Applied", style.number(-credits), False))
    rows.append((f"Amount Due ({currency})", style.amount(amount_due), True))
    tx = right - 220
    for label, value, strong in rows:
        canvas.text(tx, y, label, size=9, bold=strong)
        canvas.text(right - 8, y, value, size=9, bold=strong, align="right")
        y += 15
    if payments:
        y += 8
        canvas.text(left_x, y, "Payments", size=9, bold=True)
        y += 13
        paid_day = issue + dt.timedelta(days=rng.randint(1, 5))
        pay_rows = [
            (
                short_date("en", paid_day, us=us),
                "ACH transfer",
                f"TXN{names.digits(rng, 9)}",
                style.amount(payments),
            ),
        ]
        for day, method, ref, value in pay_rows:
            canvas.text(left_x, y, day, size=8)
            canvas.text(left_x + 90, y, method, size=8)
            canvas.text(left_x + 190, y, ref, size=8)
            canvas.text(left_x + 350, y, value, size=8, align="right")
            y += 11
    y += 16
    canvas.text(left_x, y, "Notes", size=8.5, bold=True)
    d = names.digits
    remit = {
        "us": f"Routing {d(rng, 9)} · Account {d(rng, 10)}",
        "au": f"BSB {d(rng, 3)}-{d(rng, 3)} · Account {d(rng, 8)}",
        "gb": f"Sort code {d(rng, 2)}-{d(rng, 2)}-{d(rng, 2)} · Account {d(rng, 8)}",
        "ca": f"Transit {d(rng, 5)} · Institution {d(rng, 3)} · Account {d(rng, 7)}",
    }[region]
    notes = [
        f"Please remit payment within {(due - issue).days} days. Late payments are subject to "
        "1.5% interest per month.",
        f"Remit to: {vendor} · {remit}",
        f"Questions about this invoice? billing@{site}",
    ]
    for index, note in enumerate(notes):
        canvas.text(
            left_x,
            y + 12 + index * 11,
            note,
            size=fit(canvas, note, right - left_x, 7.5),
            color=GREY,
        )
    foot = height - 30
    canvas.text(left_x, foot, f"{vendor} · {number_text}", size=7, color=GREY)
    canvas.text(right, foot, "Page 1 of 1", size=7, color=GREY, align="right")

    fields = truth_fields(
        number=number_text,
        issue=issue,
        due=due,
        vendor=vendor,
        total=total,
        subtotal=subtotal,
        tax=tax if len(taxes) == 1 or total_tax_row else None,
        currency=currency,
        lines=lines,
    )
    currency_marks = ("CAD",) if currency == "CAD" else marks(currency)
    return Rendered(
        fields,
        "en",
        "invoice",
        canvas.pdf(title=f"Invoice {number_text}"),
        style,
        dstyle,
        quantities,
        currency_marks,
    )


# ============================================================================= entry point

LAYOUTS = {
    "checkout": _checkout,
    "cloud": _cloud,
    "store": _store,
    "marketplace": _marketplace,
    "platform": _platform,
}


def build(rng: random.Random) -> Rendered:
    layout = choose(
        rng, [(3, "checkout"), (2, "cloud"), (2, "store"), (2.5, "marketplace"), (2.5, "platform")]
    )
    return LAYOUTS[layout](rng)
