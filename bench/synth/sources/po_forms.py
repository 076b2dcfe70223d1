"""`po-forms`: purchase orders as companies, universities and councils send them to their
suppliers, in US and UK English, German and French (case type `purchase_order`).

The ordering company prints the order on its own paper: it is the `merchant` (the name in the
letterhead or the logo spot, with its own `phone_number`, `website` and `email` under the name, in
a contact line or in the footer), the supplier is the `vendor_name` (the `Vendor` / `Supplier` /
`Lieferant` / `Fournisseur` block or the address window), and the goods go to the `Ship To` /
`Deliver To` / `Lieferanschrift` / `Adresse de livraison` block: its first line is the
`company_name` (the buyer itself, one of its sites' owners or, for a drop shipment, another
firm), the street and town lines under it the `company_address` (joined with a space, without the
`Attn:` line and the phone), and the phone printed in that block the `company_phone_number`.
`quantity` is the order's quantity where the page gives one: the quantity of a one-line order, or
a printed `Total Qty` / `Total items`; a several-line order without a total leaves it out.
`signature` is the name of the person who signs or authorises the order as printed at the
signature place (`Authorized by: ...`, the typed name under a signature line, `i. A. Name`,
`gez. Name`); a buyer, requester or `Next Approver` printed elsewhere is not a signature, and an
order "valid without signature" or with a blank signature line has none.

Six layout families. `sap` (an SAP-like print, German or English, A4): the buyer's name top right,
a return-address line over the supplier in the envelope window, an info block (`Bestellnummer/Datum
4500012345 / 05.03.2024` in one value or on two rows, `Ansprechpartner/Telefon`, `Ihre
Lieferantennummer bei uns`, `Ihr Angebot ... vom ...`, `Bedarfsanforderung`, `Währung`), the
delivery and invoice addresses, `Pos. / Material / Bezeichnung / Menge / ME / Preis/ME /
Nettowert` with `00010` item numbers and a delivery date under each item, `Gesamtnettowert ohne
MwSt.` (net only) or net, VAT and gross, `i. A.` and a name or "valid without signature", and the
four-column footer with the phone, e-mail, web, bank, register and VAT number. `netsuite` (a
NetSuite-like print, US or UK): name, address and contacts top left, `Purchase Order` / `#PO1042`
/ date top right, grey-headed `Vendor` and `Ship To` blocks, a `Vendor # / Terms / Due Date /
Employee / Ref No.` row, `Item / Description / Qty / Rate / Amount`, the total alone or with
subtotal, tax and shipping, a memo and an approval line (`Approved By` or a `Next Approver`).
`quickbooks` (QuickBooks-like, US or UK): the desktop form with ruled `Date / P.O. No.` boxes, boxed
`Vendor` and `Ship To`, a grid with a `Customer:Job` column, `Total` and the `Phone # / Fax # /
E-mail / Web Site` boxes at the foot; or the online form with a coloured `PURCHASE ORDER`, the
contacts under the name, `VENDOR / SHIP TO / P.O. NO. / DATE` columns and an `Authorized By`
/ `Approved By` line.
`odoo` (Odoo-like, English, French or German): the brand in the logo spot, the address under it,
`Shipping address` left and the vendor right, `Purchase Order #P00042` / `Bon de commande n°...` /
`Bestellung #...`, `Purchase Representative / Your Order Reference / Order Date` blocks,
`Description / Taxes / Date Req. / Qty / Unit Price / Amount` with quantities as `10.00 Units`,
`Untaxed Amount / VAT 20% / Total` and the contacts in the footer. `word` (a small business's own
template, US, UK or French, often printed, signed and scanned): the centred name with a contact
line, a boxed `PURCHASE ORDER` / `BON DE COMMANDE`, `Supplier` block and `PO No. / Date / Your Quote
Ref / Required By` pairs, a `Deliver To` block or `Deliver to: as above`, a ruled template grid with
empty rows, `Sub-Total / VAT @ 20% / Carriage / TOTAL`, `Authorised by` with a scrawl and the typed
name, or `Bon pour accord`. `public` (a state university, county or city, a UK council, NHS trust
or university, a German university or town): the institution and its purchasing office, a boxed
`PURCHASE ORDER No.` with "this number must appear on all invoices", a grid of `PO Date /
Requisition No. / Vendor No. / Buyer / Delivery Required By / F.O.B. / Terms / Ship Via`, `Vendor`,
`Ship To` and `Invoice To` boxes, a tax-exemption line, `Line / Qty / Unit / Description / Unit
Price / Extended` with account and fund codes, the authorised signature with the signer's name and
title (`gez.` in German), and the terms and conditions in small print (on a second page of some).

Conventions: US `$1,234.56` and month-first dates (`03/05/2024`, `3/5/2024`, `March 5, 2024`);
UK `£1,234.56` and day-first dates (`05/03/2024`, `5 March 2024`, `05-Mar-2024`); German
`1.234,56 €` or `EUR 1.234,56` and `05.03.2024`; French `1 234,56 €` and `05/03/2024` or `5 mars
2024`. A third of the numeric dates are ambiguous between day and month.

Decoys and awkward parts: the vendor, ship-to and bill-to / invoice-to blocks side by side, each
with a name, an address and sometimes a phone; the buyer's direct line and fax, the vendor's phone
and e-mail; requisition, quote, vendor, contract, account, fund and cost-centre numbers, SAP
material numbers, `#` before a NetSuite number, number and date in one SAP value; the required-by,
due, delivery (per item), quote and requisition dates beside the order date; the buyer, requester,
employee, next approver and `Attn:` names beside the signer; a customer:job column; freight,
shipping or carriage in the totals (below the subtotal: the tax is then left out of the truth,
since the subtotal and tax no longer make the total; or above a `Net total`: the goods value is
the decoy and the net total the subtotal); orders without tax (exempt public bodies, `prices
exclude VAT`, net-only SAP orders), where the total is the net total; a `Tax 0.00` row (kept as a
tax of 0.00). The truth holds only the keys the page prints (no line items: the case type has no
table). About a third are scanned images, the Word template and the public forms most often.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from bench.synth import names
from bench.synth.canvas import A4, LETTER, Canvas, Color
from bench.synth.common import choose
from bench.synth.document import Rendered, pick_dates, price
from bench.synth.formats import (
    DateStyle,
    FixedQuantity,
    MoneyStyle,
    QuantityStyle,
    money,
    truth_money,
    truth_number,
)

Layout = Literal["sap", "netsuite", "quickbooks", "odoo", "word", "public"]
ImageFormat = Literal["png", "jpg"] | None
Scheme = Literal[
    "total", "sub_total", "sub_zero_tax", "sub_tax", "sub_freight", "sub_freight_tax", "net_freight"
]

GREY: Color = (0.45, 0.45, 0.45)
LIGHT: Color = (0.88, 0.88, 0.88)
INK: Color = (0.08, 0.12, 0.45)


@dataclass(frozen=True)
class Locale:
    code: str
    lang: str
    people: str
    """The `names` key for people and firms."""
    country: str
    """The `names.address` key."""
    currency: str
    paper: tuple[float, float]
    tld: str


LOCALES = {
    "us": Locale("us", "en", "us", "us", "USD", LETTER, "com"),
    "uk": Locale("uk", "en", "en", "en", "GBP", A4, "co.uk"),
    "de": Locale("de", "de", "de", "de", "EUR", A4, "de"),
    "fr": Locale("fr", "fr", "fr", "fr", "EUR", A4, "fr"),
}

LAYOUT_LOCALES: dict[str, list[tuple[float, str]]] = {
    "sap": [(5, "de"), (2, "uk"), (2, "us")],
    "netsuite": [(4, "us"), (1, "uk")],
    "quickbooks": [(4, "us"), (2, "uk")],
    "odoo": [(2, "uk"), (1, "us"), (3, "fr"), (2, "de")],
    "word": [(2, "us"), (3, "uk"), (2, "fr")],
    "public": [(3, "us"), (2, "uk"), (2, "de")],
}

DATE_STYLES = {
    "us": [
        (3, DateStyle("{mm}/{dd}/{yyyy}")),
        (2, DateStyle("{m}/{d}/{yyyy}")),
        (1, DateStyle("{month} {d}, {yyyy}")),
        (1, DateStyle("{mon} {d}, {yyyy}")),
    ],
    "uk": [
        (4, DateStyle("{dd}/{mm}/{yyyy}")),
        (1, DateStyle("{d} {month} {yyyy}")),
        (1, DateStyle("{dd}-{mon}-{yyyy}")),
        (1, DateStyle("{d} {mon} {yyyy}")),
    ],
    "de": [(5, DateStyle("{dd}.{mm}.{yyyy}", "de")), (1, DateStyle("{d}. {month} {yyyy}", "de"))],
    "fr": [(4, DateStyle("{dd}/{mm}/{yyyy}", "fr")), (1, DateStyle("{d} {month} {yyyy}", "fr"))],
}

# Things firms order: (description, unit, kind, low, high). `kind` sets the quantities.
CATALOG: dict[str, list[tuple[str, str, str, float, float]]] = {
    "en": [
        ("Hex bolt M10 x 50, zinc plated (box of 100)", "BX", "bulk", 12, 45),
        ("Nitrile gloves, large (case of 1000)", "CS", "bulk", 38, 95),
        ("Copy paper, 80 gsm (case of 5 reams)", "CS", "bulk", 22, 48),
        ("Safety glasses, clear lens", "EA", "bulk", 3, 14),
        ("Stretch wrap 500 mm x 300 m", "RL", "bulk", 9, 28),
        ("Laptop 14in, 16GB RAM, 512GB SSD", "EA", "unit", 690, 1450),
        ("24in monitor, IPS", "EA", "unit", 129, 329),
        ("USB-C docking station", "EA", "unit", 89, 260),
        ("Cat6 patch cable 2 m", "EA", "bulk", 2, 9),
        ("Toner cartridge, black", "EA", "unit", 45, 180),
        ("Deep groove ball bearing 6204-2RS", "EA", "bulk", 3, 18),
        ("Welding wire 0.9 mm, 15 kg spool", "EA", "unit", 55, 140),
        ("Software maintenance, 12 months", "EA", "unit", 250, 4800),
        ("Installation and commissioning", "HR", "hour", 65, 145),
        ("Office chair, mesh back", "EA", "unit", 149, 520),
        ("Whiteboard markers, assorted (pack of 12)", "PK", "bulk", 6, 19),
        ("Lab coat, white, size M", "EA", "bulk", 18, 42),
        ("Floor cleaner concentrate 5 L", "EA", "bulk", 14, 38),
        ("Shipping carton 400 x 300 x 300 (bundle of 25)", "BDL", "bulk", 24, 60),
        ("Calibration of pressure gauges", "EA", "unit", 45, 120),
        ("Pallet truck 2500 kg", "EA", "unit", 280, 640),
        ("Hydraulic hose assembly 1/2in x 1 m", "EA", "bulk", 19, 65),
    ],
    "de": [
        ("Sechskantschraube M10 x 50 verzinkt (100 Stk.)", "Pak", "bulk", 12, 45),
        ("Nitril-Handschuhe Gr. L (1000 Stk.)", "Ktn", "bulk", 38, 95),
        ("Kopierpapier A4 80 g (5 x 500 Blatt)", "Ktn", "bulk", 22, 48),
        ("Schutzbrille klar", "Stk", "bulk", 3, 14),
        ("Stretchfolie 500 mm x 300 m", "Rolle", "bulk", 9, 28),
        ("Notebook 14 Zoll, 16 GB RAM, 512 GB SSD", "Stk", "unit", 690, 1450),
        ("Monitor 24 Zoll IPS", "Stk", "unit", 129, 329),
        ("USB-C-Dockingstation", "Stk", "unit", 89, 260),
        ("Patchkabel Cat6 2 m", "Stk", "bulk", 2, 9),
        ("Tonerkartusche schwarz", "Stk", "unit", 45, 180),
        ("Rillenkugellager 6204-2RS", "Stk", "bulk", 3, 18),
        ("Schweißdraht 0,8 mm, 15-kg-Spule", "Stk", "unit", 55, 140),
        ("Softwarewartung 12 Monate", "Stk", "unit", 250, 4800),
        ("Montage und Inbetriebnahme", "Std", "hour", 65, 145),
        ("Bürodrehstuhl mit Netzrücken", "Stk", "unit", 149, 520),
        ("Laborkittel weiß Gr. M", "Stk", "bulk", 18, 42),
        ("Bodenreiniger Konzentrat 10 l", "Kan", "bulk", 14, 38),
        ("Faltkarton 400 x 300 x 300 mm", "Stk", "bulk", 1, 4),
        ("Kalibrierung Manometer", "Stk", "unit", 45, 120),
        ("Hydraulikschlauch DN 12, 1 m", "Stk", "bulk", 19, 65),
    ],
    "fr": [
        ("Vis tête hexagonale M10 x 50 zinguée (boîte de 100)", "bte", "bulk", 12, 45),
        ("Gants nitrile taille L (carton de 1000)", "ctn", "bulk", 38, 95),
        ("Papier A4 80 g (carton de 5 ramettes)", "ctn", "bulk", 22, 48),
        ("Lunettes de protection incolores", "u", "bulk", 3, 14),
        ("Film étirable 500 mm x 300 m", "rlx", "bulk", 9, 28),
        ("Ordinateur portable 14 pouces 16 Go", "u", "unit", 690, 1450),
        ("Écran 24 pouces IPS", "u", "unit", 129, 329),
        ("Station d'accueil USB-C", "u", "unit", 89, 260),
        ("Câble réseau Cat6 2 m", "u", "bulk", 2, 9),
        ("Cartouche de toner noir", "u", "unit", 45, 180),
        ("Roulement à billes 6204-2RS", "u", "bulk", 3, 18),
        ("Fil de soudure 0,8 mm, bobine 15 kg", "u", "unit", 55, 140),
        ("Maintenance logicielle 12 mois", "u", "unit", 250, 4800),
        ("Installation et mise en service", "h", "hour", 65, 145),
        ("Fauteuil de bureau dossier résille", "u", "unit", 149, 520),
        ("Blouse de laboratoire blanche T. M", "u", "bulk", 18, 42),
        ("Nettoyant sols concentré 5 L", "bidon", "bulk", 14, 38),
        ("Carton d'emballage 400 x 300 x 300", "u", "bulk", 1, 4),
        ("Étalonnage de manomètres", "u", "unit", 45, 120),
    ],
}

PLACES = {
    "us": "Riverton|Cedar Falls|Maple Grove|Lakewood|Fairview|Brookhaven|Millbrook|Pine Ridge",
    "en": "Westmoor|Kingsbridge|Ashford Vale|Northgate|Harrowfield|Eastleigh Downs|Brackenford",
    "de": "Lindenau|Bergheim am See|Rheinfeld|Wiesental|Altmark-Süd|Eichstetten",
}

TITLES = {
    "us": ["Purchasing Manager", "Director of Operations", "Office Manager", "Procurement Lead"],
    "en": ["Purchasing Manager", "Operations Director", "Office Manager", "Finance Director"],
    "de": ["Leitung Einkauf", "Einkauf", "Geschäftsführung", "Technische Leitung"],
    "fr": ["Responsable des achats", "Directeur administratif", "Gérant", "Acheteuse"],
}


@dataclass
class Party:
    name: str
    address: list[str]
    phone: str = ""
    fax: str = ""
    email: str = ""
    website: str = ""
    attn: str = ""
    extra: list[str] = field(default_factory=list)
    """Lines under the address that are not the address (department, VAT number)."""


@dataclass(frozen=True)
class Item:
    code: str
    description: str
    unit: str
    quantity: Decimal
    unit_price: Decimal
    required: dt.date

    @property
    def amount(self) -> Decimal:
        return money(self.quantity * self.unit_price)


@dataclass
class Doc:
    layout: Layout
    loc: Locale
    lang: str
    style: MoneyStyle
    dates: DateStyle
    qty: QuantityStyle
    number: str
    order_date: dt.date
    required: dt.date
    earlier: dt.date
    buyer: Party
    vendor: Party
    ship: Party | None
    bill: Party | None
    items: list[Item]
    scheme: Scheme
    goods: Decimal
    freight: Decimal
    tax_rate: Decimal
    tax: Decimal
    total: Decimal
    signer: str
    signer_title: str
    buyer_person: str
    buyer_direct: str
    requester: str
    vendor_no: str
    quote_ref: str
    req_no: str
    terms: str
    ship_via: str
    show_phone: bool
    show_web: bool
    show_email: bool
    signed: bool
    total_qty: bool

    def date(self, value: dt.date) -> str:
        return self.dates.format(value)

    @property
    def subtotal(self) -> Decimal:
        """The amount the truth calls the subtotal: the goods, or the net total after freight."""
        return self.goods + self.freight if self.scheme == "net_freight" else self.goods

    @property
    def quantity_sum(self) -> Decimal:
        return sum((item.quantity for item in self.items), Decimal(0))


# Small text helpers.


def _ascii(text: str) -> str:
    text = text.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _slug(name: str) -> str:
    stop = {
        "ltd",
        "ltd.",
        "limited",
        "llp",
        "inc.",
        "llc",
        "corp.",
        "co.",
        "gmbh",
        "ag",
        "kg",
        "sa",
    }
    stop |= {"sarl", "sas", "eurl", "e.k.", "ug", "&", "ets", "fils", "co."}
    words = [w for w in name.split() if w.lower() not in stop and not w.startswith("(")]
    picked = words[:2] if len(words) >= 2 else words
    return re.sub(r"[^a-z0-9]", "", _ascii(" ".join(picked)).lower()) or "firma"


def _phone(rng: random.Random, loc: Locale) -> str:
    if loc.code == "us":
        area, mid, end = rng.randint(201, 989), names.digits(rng, 3), names.digits(rng, 4)
        return choose(
            rng,
            [(3, f"({area}) {mid}-{end}"), (2, f"{area}-{mid}-{end}"), (1, f"{area}.{mid}.{end}")],
        )
    if loc.code == "uk":
        area, mid, end = rng.randint(113, 191), names.digits(rng, 3), names.digits(rng, 4)
        return rng.choice((f"+44 {area} {mid} {end}", f"0{area} {mid} {end}"))
    if loc.code == "de":
        area, line = rng.randint(30, 911), names.digits(rng, rng.choice((5, 6, 7)))
        return rng.choice((f"+49 {area} {line}", f"0{area} {line}", f"+49 {area} {line}-0"))
    pairs = " ".join(names.digits(rng, 2) for _ in range(4))
    first = rng.randint(1, 5)
    return rng.choice((f"0{first} {pairs}", f"+33 {first} {pairs}"))


def _person(rng: random.Random, loc: Locale) -> str:
    return names.person(rng, loc.people)


def _company(rng: random.Random, loc: Locale) -> str:
    return names.company(rng, loc.people)


def _rows(
    canvas: Canvas,
    x: float,
    y: float,
    rows: list[str],
    *,
    size: float = 9,
    step: float = 12,
    bold_first: bool = False,
    align: Literal["left", "right", "center"] = "left",
    color: Color = (0, 0, 0),
) -> float:
    for index, row in enumerate(rows):
        canvas.text(x, y, row, size=size, bold=bold_first and index == 0, align=align, color=color)
        y += step
    return y


def _party_rows(party: Party, phone_label: str, *, email_label: str = "") -> list[str]:
    rows = [party.name]
    if party.attn:
        rows.append(party.attn)
    rows += party.address
    rows += party.extra
    if party.phone:
        rows.append(f"{phone_label}{party.phone}")
    if party.email and email_label:
        rows.append(f"{email_label}{party.email}")
    return rows


def _scrawl(canvas: Canvas, x: float, y: float, width: float, rng: random.Random) -> None:
    """A pen signature: a run of short strokes that wander up and down."""
    steps = rng.randint(10, 16)
    px, py = x, y
    for index in range(1, steps + 1):
        nx = x + width * index / steps
        ny = y + rng.uniform(-9, 5) if index % 2 else y + rng.uniform(-2, 4)
        canvas.line(px, py, nx, ny, width=rng.uniform(0.7, 1.2), color=INK)
        px, py = nx, ny
    canvas.line(x + width * 0.1, y + 3, x + width * 0.75, y - 1, width=0.6, color=INK)


def _grid(
    canvas: Canvas,
    x0: float,
    x1: float,
    top: float,
    cells: list[tuple[str, str]],
    *,
    size: float = 8.5,
    height: float = 26,
    fill: Color | None = LIGHT,
) -> float:
    """One row of ruled cells, a small label over each value; returns the y below."""
    width = (x1 - x0) / len(cells)
    for index, (label, value) in enumerate(cells):
        left = x0 + index * width
        if fill is not None:
            canvas.box(left, top, left + width, top + 10, stroke=None, fill=fill)
        canvas.box(left, top, left + width, top + height, width=0.5)
        canvas.text(left + width / 2, top + 8, label, size=size - 2.5, bold=True, align="center")
        fitted = _fit(canvas, value, width - 6, size)
        canvas.text(left + width / 2, top + height - 5, value, size=fitted, align="center")
    return top + height


Align = Literal["left", "right", "center"]


@dataclass(frozen=True)
class Col:
    """A ruled table's column between two fractions of the table's width."""

    head: str
    start: float
    end: float
    align: Align = "left"


def _fit(canvas: Canvas, text: str, room: float, size: float) -> float:
    """The font size at which `text` fits in `room` points (templates shrink long cells)."""
    while size > 6 and canvas.width_of(text, size=size) > room:
        size -= 0.25
    return size


def _table(
    canvas: Canvas,
    left: float,
    right: float,
    top: float,
    cols: list[Col],
    rows: list[list[str]],
    *,
    size: float = 8.5,
    row_height: float = 15,
    blank: int = 0,
    fill: Color | None = LIGHT,
) -> float:
    """A fully ruled table with a filled header and `blank` empty template rows."""
    span = right - left

    def x_of(col: Col) -> float:
        return left + col.start * span + 4 if col.align == "left" else left + col.end * span - 4

    head = row_height + 1
    if fill is not None:
        canvas.box(left, top, right, top + head, stroke=None, fill=fill)
    for col in cols:
        canvas.text(x_of(col), top + head - 4.5, col.head, size=size, bold=True, align=col.align)
    y = top + head
    canvas.line(left, y, right, y, width=0.6)
    filled: list[list[str] | None] = [*rows, *([None] * blank)]
    for row in filled:
        y += row_height
        if row is not None:
            for col, cell in zip(cols, row, strict=True):
                room = (col.end - col.start) * span - 8
                fitted = _fit(canvas, cell, room, size)
                canvas.text(x_of(col), y - 4, cell, size=fitted, align=col.align)
        canvas.line(left, y, right, y, width=0.3)
    canvas.box(left, top, right, y, width=0.8)
    for col in cols[1:]:
        x = left + col.start * span
        canvas.line(x, top, x, y, width=0.3)
    return y


# The totals block: rows of (label, amount, role); the layouts only pick the labels.


def _total_rows(doc: Doc, labels: dict[str, str]) -> list[tuple[str, Decimal, str]]:
    rate = _rate_text(doc)
    tax_label = labels["tax"].format(rate=rate)
    scheme = doc.scheme
    if scheme == "total":
        return [(labels.get("total_net", labels["total"]), doc.total, "total")]
    rows: list[tuple[str, Decimal, str]] = []
    if scheme == "net_freight":
        rows += [
            (labels["goods"], doc.goods, "goods"),
            (labels["freight"], doc.freight, "freight"),
            (labels["net"], doc.subtotal, "subtotal"),
            (tax_label, doc.tax, "tax"),
        ]
    else:
        rows.append((labels["subtotal"], doc.goods, "subtotal"))
        if scheme in ("sub_freight", "sub_freight_tax"):
            rows.append((labels["freight"], doc.freight, "freight"))
        if scheme in ("sub_tax", "sub_freight_tax", "sub_zero_tax"):
            rows.append((tax_label, doc.tax, "tax"))
    rows.append((labels["total"], doc.total, "total"))
    return rows


def _rate_text(doc: Doc) -> str:
    text = truth_number(doc.tax_rate)
    return text.replace(".", ",") if doc.lang in ("de", "fr") else text


LABELS = {
    "us": {
        "subtotal": "Subtotal",
        "tax": "Sales Tax ({rate}%)",
        "freight": "Shipping & Handling",
        "total": "Total",
        "goods": "Merchandise",
        "net": "Net Total",
    },
    "uk": {
        "subtotal": "Sub-Total",
        "tax": "VAT @ {rate}%",
        "freight": "Carriage",
        "total": "Total",
        "total_net": "Total (excl. VAT)",
        "goods": "Goods",
        "net": "Net Total",
    },
    "de": {
        "subtotal": "Nettobetrag",
        "tax": "zzgl. {rate} % MwSt.",
        "freight": "Frachtkosten",
        "total": "Gesamtbetrag",
        "total_net": "Gesamtsumme netto",
        "goods": "Warenwert",
        "net": "Summe netto",
    },
    "fr": {
        "subtotal": "Total HT",
        "tax": "TVA {rate} %",
        "freight": "Frais de port HT",
        "total": "Total TTC",
        "total_net": "Total HT",
        "goods": "Total marchandises HT",
        "net": "Total HT",
    },
}


def _labels(doc: Doc, **overrides: str) -> dict[str, str]:
    labels = dict(LABELS[doc.loc.code])
    labels.update(overrides)
    return labels


# Layout 1: an SAP-like print.


def _sap(canvas: Canvas, doc: Doc, rng: random.Random) -> None:
    de = doc.lang == "de"
    left, right = 57.0, 538.0
    size = 9.0
    canvas.text(right, 64, doc.buyer.name, size=15, bold=True, align="right")
    if rng.random() < 0.5:
        canvas.text(right, 78, " · ".join(doc.buyer.address), size=7.5, align="right")
    sender = f"{doc.buyer.name} · {doc.buyer.address[0]} · {doc.buyer.address[-1]}"
    canvas.text(left, 128, sender, size=6.3)
    canvas.line(left, 130.5, left + canvas.width_of(sender, size=6.3), 130.5, width=0.3)
    vendor_rows = [doc.vendor.name]
    if doc.vendor.attn:
        vendor_rows.append(doc.vendor.attn)
    _rows(canvas, left, 146, vendor_rows + doc.vendor.address, size=size + 0.5, step=12.5)

    x = 318.0
    canvas.text(x, 112, "Bestellung" if de else "Purchase Order", size=14, bold=True)
    date = doc.date(doc.order_date)
    info: list[tuple[str, str]] = []
    if rng.random() < 0.6:
        info.append(("Bestellnummer/Datum" if de else "PO number/date", f"{doc.number} / {date}"))
    else:
        info += [
            ("Bestellnummer" if de else "Purchase order no.", doc.number),
            ("Bestelldatum" if de else "PO date", date),
        ]
    info.append(
        (
            "Ansprechpartner/Telefon" if de else "Contact person/Telephone",
            f"{doc.buyer_person} / {doc.buyer_direct}",
        )
    )
    info.append(
        ("Ihre Lieferantennummer bei uns" if de else "Your vendor number with us", doc.vendor_no)
    )
    if rng.random() < 0.6:
        quote_date = doc.date(doc.earlier)
        info.append(
            (
                "Ihr Angebot" if de else "Your quotation",
                f"{doc.quote_ref} vom {quote_date}" if de else f"{doc.quote_ref} of {quote_date}",
            )
        )
    if rng.random() < 0.4:
        info.append(("Bedarfsanforderung" if de else "Purchase requisition", doc.req_no))
    info.append(("Währung" if de else "Currency", doc.loc.currency))
    gap = max(canvas.width_of(label, size=7.5) for label, _ in info) + 10
    y = 130.0
    for label, value in info:
        canvas.text(x, y, label, size=7.5, color=GREY)
        canvas.text(x + gap, y, value, size=_fit(canvas, value, right - x - gap, 8.5))
        y += 12

    y = max(y, 210.0) + 22
    blocks_top = y
    if doc.ship is not None:
        canvas.text(left, y, "Lieferanschrift:" if de else "Delivery address:", size=8, bold=True)
        rows = _party_rows(doc.ship, "Tel. " if de else "Tel: ")
        end = _rows(canvas, left, y + 13, rows, size=size, step=11.5)
    else:
        end = y
    if doc.bill is not None:
        canvas.text(318, y, "Rechnungsanschrift:" if de else "Invoice address:", size=8, bold=True)
        end = max(end, _rows(canvas, 318, y + 13, _party_rows(doc.bill, ""), size=size, step=11.5))
    y = max(end, blocks_top) + 14
    intro = (
        "Sehr geehrte Damen und Herren, wir bestellen zu unseren Allgemeinen Einkaufsbedingungen:"
        if de
        else "Please supply the following items in accordance with our general terms and "
        "conditions of purchase:"
    )
    canvas.text(left, y, intro, size=8.5)
    y += 20

    heads = (
        ["Pos.", "Material", "Bezeichnung", "Menge", "ME", "Preis/ME", "Nettowert"]
        if de
        else ["Item", "Material", "Description", "Quantity", "Unit", "Price/Unit", "Net value"]
    )
    edges: list[tuple[float, Align]] = [(left, "left"), (88, "left"), (150, "left")]
    edges += [(392, "right"), (398, "left"), (472, "right"), (right, "right")]
    for head, (edge, align) in zip(heads, edges, strict=True):
        canvas.text(edge, y, head, size=8, bold=True, align=align)
    canvas.line(left, y + 4, right, y + 4, width=0.8)
    y += 17
    for index, item in enumerate(doc.items, 1):
        cells = [
            f"{index * 10:05d}",
            item.code,
            item.description,
            doc.qty.number(item.quantity),
            item.unit,
            doc.style.number(item.unit_price),
            doc.style.number(item.amount),
        ]
        for cell, (edge, align) in zip(cells, edges, strict=True):
            canvas.text(edge, y, cell, size=_fit(canvas, cell, 236, 8.5), align=align)
        y += 11
        when = doc.date(item.required)
        canvas.text(150, y, f"Liefertermin: {when}" if de else f"Delivery date: {when}", size=7.5)
        y += 16
    canvas.line(left, y - 8, right, y - 8, width=0.5)
    y += 6
    labels = _labels(
        doc,
        subtotal="Gesamtnettowert" if de else "Total net value",
        total_net="Gesamtnettowert ohne MwSt." if de else "Total net value excl. tax",
        total="Gesamtbetrag" if de else "Total amount",
        goods="Summe Positionen" if de else "Total of items",
        net="Gesamtnettowert" if de else "Total net value",
        freight="Frachtkosten" if de else "Freight",
    )
    for name, amount, role in _total_rows(doc, labels):
        strong = role == "total"
        canvas.text(300, y, name, size=9, bold=strong)
        canvas.text(448, y, doc.loc.currency, size=9, bold=strong)
        canvas.text(right, y, doc.style.number(amount), size=9, bold=strong, align="right")
        y += 14
    y += 14
    quote = (
        "Bitte geben Sie unsere Bestellnummer auf allen Lieferscheinen und Rechnungen an."
        if de
        else "Please quote our purchase order number on all delivery notes and invoices."
    )
    canvas.text(left, y, quote, size=8.5)
    y += 24
    if doc.signed:
        canvas.text(left, y, "Mit freundlichen Grüßen" if de else "Yours faithfully", size=9)
        canvas.text(left, y + 13, doc.buyer.name, size=9)
        signer = f"i. A. {doc.signer}" if de else doc.signer
        canvas.text(left, y + 40, signer, size=9)
        canvas.text(left, y + 52, doc.signer_title, size=8, color=GREY)
    else:
        canvas.text(
            left,
            y,
            "Dieser Beleg wurde maschinell erstellt und ist ohne Unterschrift gültig."
            if de
            else "This document was generated electronically and is valid without signature.",
            size=8,
            color=GREY,
        )

    # Footer in four columns.
    top = canvas.height - 64
    canvas.line(left, top - 9, right, top - 9, width=0.4)
    city = doc.buyer.address[-1]
    if de:
        city = city.split(" ", 1)[-1]
    col1 = [doc.buyer.name, *doc.buyer.address]
    col2 = []
    if doc.show_phone:
        col2.append(f"{'Telefon' if de else 'Tel:'} {doc.buyer.phone}")
    col2.append(f"{'Telefax' if de else 'Fax:'} {doc.buyer.fax}")
    if doc.show_email:
        col2.append(f"{'E-Mail' if de else 'Email:'} {doc.buyer.email}")
    if doc.show_web:
        col2.append(f"{'Internet' if de else 'Web:'} {doc.buyer.website}")
    if de:
        col3 = [
            rng.choice(("Commerzbank AG", "Deutsche Bank AG", f"Sparkasse {city}")),
            f"IBAN {names.iban(rng, 'DE')}",
            f"BIC {rng.choice(('COBADEFFXXX', 'DEUTDEFFXXX', 'HELADEF1XXX'))}",
        ]
        col4 = [
            f"Sitz: {city}",
            f"Amtsgericht {city} HRB {rng.randint(1000, 99999)}",
            f"Geschäftsführer: {_person(rng, doc.loc)}",
            f"USt-IdNr.: {names.vat_id(rng, 'DE')}",
        ]
    elif doc.loc.code == "uk":
        col3 = [
            rng.choice(("Barclays Bank plc", "Lloyds Bank plc", "NatWest")),
            f"Sort code {names.digits(rng, 2)}-{names.digits(rng, 2)}-{names.digits(rng, 2)}",
            f"Account {names.digits(rng, 8)}",
        ]
        col4 = [
            "Registered in England and Wales",
            f"Company No. {names.digits(rng, 8)}",
            f"VAT Reg. No. {names.vat_id(rng, 'GB')}",
        ]
    else:
        col3 = [
            "Send invoices to:",
            f"ap@{doc.buyer.email.split('@')[-1]}",
            f"EIN {names.digits(rng, 2)}-{names.digits(rng, 7)}",
        ]
        col4 = [f"Page 1 of 1 / {doc.number}"]
    xs = (left, 172.0, 296.0, 416.0, right)
    for index, column in enumerate((col1, col2, col3, col4)):
        room = xs[index + 1] - xs[index] - 6
        for offset, row in enumerate(column):
            canvas.text(xs[index], top + offset * 8, row, size=_fit(canvas, row, room, 6.3))


# Layout 2: a NetSuite-like print.


def _netsuite(canvas: Canvas, doc: Doc, rng: random.Random) -> None:
    left, right = 40.0, canvas.width - 40
    size = 9.0
    us = doc.loc.code == "us"
    rows = list(doc.buyer.address)
    labelled = rng.random() < 0.5
    if doc.show_phone:
        rows.append(f"Phone: {doc.buyer.phone}" if labelled else doc.buyer.phone)
    if doc.show_email:
        rows.append(doc.buyer.email)
    if doc.show_web:
        rows.append(doc.buyer.website)
    canvas.text(left, 60, doc.buyer.name, size=12, bold=True)
    _rows(canvas, left, 74, rows, size=size, step=11)
    canvas.text(right, 62, "Purchase Order", size=20, bold=True, align="right")
    canvas.text(right, 82, f"#{doc.number}", size=12, align="right")
    canvas.text(right, 97, doc.date(doc.order_date), size=10, align="right")

    top = 172.0
    half = (right - left) / 2
    blocks = [("Vendor", doc.vendor), ("Ship To", doc.ship)]
    end = top
    for index, (title, party) in enumerate(blocks):
        if party is None:
            continue
        x = left + index * (half + 10)
        canvas.box(x, top, x + half - 10, top + 14, stroke=None, fill=LIGHT)
        canvas.text(x + 4, top + 10, title, size=8.5, bold=True)
        phone_label = "" if title == "Vendor" else rng.choice(("Phone: ", "Ph: ", ""))
        party_rows = _party_rows(party, phone_label)
        end = max(end, _rows(canvas, x + 4, top + 27, party_rows, size=size, step=11.5))
    y = end + 10
    cells = [("Vendor #", doc.vendor_no), ("Terms", doc.terms)]
    if rng.random() < 0.7:
        cells.append(("Due Date", doc.date(doc.required)))
    if rng.random() < 0.6:
        cells.append(("Employee", doc.buyer_person))
    if rng.random() < 0.5:
        cells.append(("Ref No.", doc.quote_ref))
    y = _grid(canvas, left, right, y, cells, size=8.5, height=26)
    y += 16

    canvas.box(left, y, right, y + 15, stroke=None, fill=LIGHT)
    heads: list[tuple[str, float, Align]] = [("Item", left + 4, "left")]
    heads += [("Description", left + 110, "left"), ("Qty", right - 170, "right")]
    heads += [("Rate", right - 90, "right"), ("Amount", right - 4, "right")]
    for text, x, align in heads:
        canvas.text(x, y + 11, text, size=8.5, bold=True, align=align)
    y += 15
    for item in doc.items:
        y += 15
        canvas.text(left + 4, y, item.code, size=8.5)
        canvas.text(left + 110, y, item.description, size=8.5)
        canvas.text(right - 170, y, doc.qty.number(item.quantity), size=8.5, align="right")
        canvas.text(right - 90, y, doc.style.number(item.unit_price), size=8.5, align="right")
        canvas.text(right - 4, y, doc.style.number(item.amount), size=8.5, align="right")
        canvas.line(left, y + 5, right, y + 5, width=0.2, color=LIGHT)
    y += 26
    labels = _labels(
        doc,
        tax="Tax Total" if rng.random() < 0.5 else LABELS[doc.loc.code]["tax"],
        freight="Shipping Cost" if us else "Delivery",
    )
    for name, amount, role in _total_rows(doc, labels):
        strong = role == "total"
        if strong:
            canvas.line(right - 200, y - 11, right, y - 11, width=0.8)
        canvas.text(right - 200, y, name, size=10 if strong else 9, bold=strong)
        canvas.text(
            right - 4,
            y,
            doc.style.amount(amount),
            size=10 if strong else 9,
            bold=strong,
            align="right",
        )
        y += 15
    y += 20
    memo = rng.choice(
        (
            "Please reference the PO number on all invoices and packing slips.",
            f"Deliver by {doc.date(doc.required)}. Partial shipments accepted.",
            f"Per quote {doc.quote_ref}. Call {doc.buyer_direct} before delivery.",
        )
    )
    canvas.text(left, y, "Memo", size=8.5, bold=True)
    canvas.text(left + 40, y, memo, size=8.5)
    y += 16
    if doc.signed:
        canvas.text(left, y, "Approved By", size=8.5, bold=True)
        canvas.text(left + 70, y, doc.signer, size=8.5)
    else:
        canvas.text(left, y, "Next Approver", size=8.5, bold=True)
        canvas.text(left + 70, y, doc.requester, size=8.5)
    canvas.text(right, canvas.height - 30, "1 of 1", size=7.5, align="right", color=GREY)


# Layout 3: QuickBooks-like, the desktop form or the online one.


def _quickbooks(canvas: Canvas, doc: Doc, rng: random.Random) -> None:
    if rng.random() < 0.5:
        _quickbooks_desktop(canvas, doc, rng)
    else:
        _quickbooks_online(canvas, doc, rng)


def _quickbooks_desktop(canvas: Canvas, doc: Doc, rng: random.Random) -> None:
    left, right = 36.0, canvas.width - 36
    size = 9.0
    canvas.text(left, 56, doc.buyer.name, size=12, bold=True)
    _rows(canvas, left, 70, doc.buyer.address, size=size, step=11)
    canvas.text(right, 60, "Purchase Order", size=18, bold=True, align="right")
    bx = right - 170
    canvas.box(bx, 74, right, 104, width=0.6)
    canvas.line(bx + 85, 74, bx + 85, 104, width=0.6)
    canvas.line(bx, 86, right, 86, width=0.6)
    canvas.text(bx + 42, 83, "Date", size=8, align="center")
    canvas.text(bx + 127, 83, "P.O. No.", size=8, align="center")
    canvas.text(bx + 42, 99, doc.date(doc.order_date), size=size, align="center")
    canvas.text(bx + 127, 99, doc.number, size=size, align="center")

    top = 130.0
    width = 250.0
    for x, title, party in ((left, "Vendor", doc.vendor), (right - width, "Ship To", doc.ship)):
        if party is None:
            continue
        canvas.box(x, top, x + width, top + 84, width=0.6)
        canvas.line(x, top + 13, x + width, top + 13, width=0.6)
        canvas.text(x + 4, top + 10, title, size=8)
        _rows(canvas, x + 6, top + 25, _party_rows(party, "Ph: "), size=size, step=11)
    y = top + 100
    job = rng.random() < 0.5
    if job:
        cols = [Col("Item", 0, 0.14), Col("Description", 0.14, 0.5), Col("Qty", 0.5, 0.57, "right")]
        cols += [Col("Rate", 0.57, 0.68, "right"), Col("Customer:Job", 0.68, 0.84)]
        cols.append(Col("Amount", 0.84, 1, "right"))
    else:
        cols = [Col("Item", 0, 0.16), Col("Description", 0.16, 0.6), Col("Qty", 0.6, 0.68, "right")]
        cols += [Col("Rate", 0.68, 0.82, "right"), Col("Amount", 0.82, 1, "right")]
    customers = [
        f"{names.surname(rng, doc.loc.people)}:{rng.choice(('Remodel', 'Phase 2', 'Fit-out'))}"
        for _ in range(2)
    ]
    rows = []
    for item in doc.items:
        cells = [item.code, item.description, doc.qty.number(item.quantity)]
        cells.append(doc.style.number(item.unit_price))
        if job:
            cells.append(rng.choice(customers))
        cells.append(doc.style.number(item.amount))
        rows.append(cells)
    blank = max(0, 14 - len(rows))
    y = _table(canvas, left, right, y, cols, rows, size=8.5, row_height=15, blank=blank, fill=None)
    for name, amount, role in _total_rows(doc, _labels(doc, freight="Shipping")):
        canvas.box(right - 200, y, right, y + 18, width=0.6)
        strong = role == "total"
        canvas.text(right - 194, y + 13, name, size=10 if strong else 9, bold=strong)
        canvas.text(
            right - 4,
            y + 13,
            doc.style.amount(amount),
            size=10 if strong else 9,
            bold=strong,
            align="right",
        )
        y += 18
    y += 16
    if doc.signed:
        canvas.text(
            left, y, "Authorized by:" if doc.loc.code == "us" else "Authorised by:", size=8.5
        )
        canvas.text(left + 70, y, doc.signer, size=9)
        y += 14
    foot = canvas.height - 80
    footer = [
        ("Phone #", doc.buyer.phone if doc.show_phone else ""),
        ("Fax #", doc.buyer.fax),
        ("E-mail", doc.buyer.email if doc.show_email else ""),
        ("Web Site", doc.buyer.website if doc.show_web else ""),
    ]
    _grid(canvas, left, right, foot, footer, size=8, height=26, fill=None)


def _quickbooks_online(canvas: Canvas, doc: Doc, rng: random.Random) -> None:
    left, right = 48.0, canvas.width - 48
    accent = rng.choice(((0.13, 0.45, 0.3), (0.1, 0.3, 0.55), (0.45, 0.2, 0.5)))
    size = 9.0
    canvas.text(left, 60, doc.buyer.name, size=13, bold=True)
    rows = list(doc.buyer.address)
    if doc.show_phone:
        rows.append(doc.buyer.phone)
    if doc.show_email:
        rows.append(doc.buyer.email)
    if doc.show_web:
        rows.append(doc.buyer.website)
    y = _rows(canvas, left, 75, rows, size=size, step=11)
    y = max(y, 130) + 10
    canvas.text(left, y, "PURCHASE ORDER", size=18, color=accent)
    y += 28
    canvas.text(left, y, "VENDOR", size=8, bold=True, color=GREY)
    canvas.text(left + 180, y, "SHIP TO", size=8, bold=True, color=GREY)
    canvas.text(right - 130, y, "P.O. NO.", size=8, bold=True, color=GREY)
    canvas.text(right, y, doc.number, size=size, align="right")
    canvas.text(right - 130, y + 13, "DATE", size=8, bold=True, color=GREY)
    canvas.text(right, y + 13, doc.date(doc.order_date), size=size, align="right")
    end = _rows(canvas, left, y + 13, _party_rows(doc.vendor, ""), size=size, step=11)
    if doc.ship is not None:
        rows = _party_rows(doc.ship, "")
        end = max(end, _rows(canvas, left + 180, y + 13, rows, size=size, step=11))
    y = end + 20
    canvas.box(left, y, right, y + 16, stroke=None, fill=(0.9, 0.93, 0.95))
    heads: list[tuple[str, float, Align]] = [("ACTIVITY", left + 4, "left")]
    heads += [("QTY", right - 170, "right"), ("RATE", right - 90, "right")]
    heads.append(("AMOUNT", right - 4, "right"))
    for text, x, align in heads:
        canvas.text(x, y + 11, text, size=8, bold=True, color=accent, align=align)
    y += 16
    for item in doc.items:
        y += 14
        canvas.text(left + 4, y, item.code, size=8.5, bold=True)
        canvas.text(right - 170, y, doc.qty.number(item.quantity), size=8.5, align="right")
        canvas.text(right - 90, y, doc.style.number(item.unit_price), size=8.5, align="right")
        canvas.text(right - 4, y, doc.style.number(item.amount), size=8.5, align="right")
        y += 11
        canvas.text(left + 4, y, item.description, size=8)
        y += 6
        canvas.line(left, y, right, y, width=0.2, color=LIGHT)
    y += 24
    labels = _labels(doc, subtotal="SUBTOTAL", total="TOTAL", freight="SHIPPING")
    labels["tax"] = labels["tax"].upper().replace("{RATE}", "{rate}")
    for name, amount, role in _total_rows(doc, labels):
        strong = role == "total"
        shade = (0.0, 0.0, 0.0) if strong else GREY
        canvas.text(right - 200, y, name, size=9, bold=strong, color=shade)
        canvas.text(
            right - 4,
            y,
            doc.style.amount(amount),
            size=12 if strong else 9,
            bold=strong,
            align="right",
        )
        y += 17
    y += 30
    word = "Authorized" if doc.loc.code == "us" else "Approved"
    canvas.text(left, y, f"{word} By", size=8.5, bold=True)
    canvas.line(left + 70, y + 2, left + 250, y + 2, width=0.5)
    canvas.text(left + 280, y, "Date", size=8.5, bold=True)
    canvas.line(left + 305, y + 2, left + 420, y + 2, width=0.5)
    if doc.signed:
        canvas.text(left + 74, y - 2, doc.signer, size=10)


# Layout 4: an Odoo-like print.


def _odoo(canvas: Canvas, doc: Doc, rng: random.Random) -> None:
    lang = doc.lang
    left, right = 45.0, canvas.width - 45
    accent = rng.choice(((0.44, 0.29, 0.4), (0.0, 0.5, 0.55), (0.2, 0.3, 0.6)))
    brand = next((w for w in doc.buyer.name.split() if len(w) > 3), doc.buyer.name).upper()
    canvas.text(left, 58, brand, size=20, bold=True, color=accent)
    tagline = {"en": "Quality you can count on", "fr": "Votre partenaire", "de": "Ihr Partner"}
    canvas.text(right, 58, tagline[lang], size=8, align="right", color=GREY)
    canvas.line(left, 66, right, 66, width=0.8, color=accent)
    _rows(canvas, left, 80, [doc.buyer.name, *doc.buyer.address], size=8.5, step=10.5)

    y = 140.0
    ship_title = {"en": "Shipping address:", "fr": "Adresse de livraison :", "de": "Lieferadresse:"}
    phone_label = {"en": "Tel: ", "fr": "Tél. : ", "de": "Tel.: "}[lang]
    end = y
    if doc.ship is not None:
        canvas.text(left, y, ship_title[lang], size=9, bold=True)
        end = _rows(canvas, left, y + 13, _party_rows(doc.ship, phone_label), size=9, step=11.5)
    vendor_rows = _party_rows(doc.vendor, phone_label)
    end = max(end, _rows(canvas, 330, y + 13, vendor_rows, size=9, step=11.5))
    y = end + 22
    title = {"en": "Purchase Order #", "fr": "Bon de commande n°", "de": "Bestellung #"}[lang]
    canvas.text(left, y, f"{title}{doc.number}", size=17, color=accent)
    y += 26
    blocks = {
        "en": ("Purchase Representative:", "Your Order Reference:", "Order Date:"),
        "fr": ("Acheteur :", "Votre référence de commande :", "Date de commande :"),
        "de": ("Einkäufer:", "Ihre Auftragsreferenz:", "Bestelldatum:"),
    }[lang]
    values = (doc.buyer_person, doc.quote_ref, doc.date(doc.order_date))
    for index, (label, value) in enumerate(zip(blocks, values, strict=True)):
        x = left + index * 170
        canvas.text(x, y, label, size=8.5, bold=True)
        canvas.text(x, y + 12, value, size=9)
    y += 36
    heads = {
        "en": ("Description", "Taxes", "Date Req.", "Qty", "Unit Price", "Amount"),
        "fr": ("Description", "Taxes", "Date req.", "Qté", "Prix unitaire", "Montant"),
        "de": ("Beschreibung", "Steuern", "Bedarfsdatum", "Menge", "Stückpreis", "Betrag"),
    }[lang]
    edges: list[tuple[float, Align]] = [(left, "left"), (238, "left"), (290, "left")]
    edges += [(420, "right"), (488, "right"), (right, "right")]
    for head, (x, align) in zip(heads, edges, strict=True):
        canvas.text(x, y, head, size=8.5, bold=True, align=align)
    canvas.line(left, y + 5, right, y + 5, width=0.8)
    y += 5
    unit_word = {"en": "Units", "fr": "Unité(s)", "de": "Stk"}[lang]
    rate = _rate_text(doc)
    tax_cell = {"en": f"VAT {rate}%", "fr": f"TVA {rate}%", "de": f"{rate}% USt."}[lang]
    if doc.loc.code == "us":
        tax_cell = f"Tax {rate}%"
    if doc.scheme in ("total", "sub_total", "sub_freight"):
        tax_cell = ""
    for item in doc.items:
        y += 16
        desc = f"[{item.code}] {item.description}"
        if canvas.width_of(desc, size=8.5) > 188:
            desc = item.description
        canvas.text(left, y, desc, size=_fit(canvas, desc, 188, 8.5))
        canvas.text(238, y, tax_cell, size=8)
        canvas.text(290, y, doc.date(item.required), size=8.5)
        qty = f"{doc.qty.number(item.quantity)} {unit_word}"
        canvas.text(420, y, qty, size=8.5, align="right")
        canvas.text(488, y, doc.style.number(item.unit_price), size=8.5, align="right")
        canvas.text(right, y, doc.style.amount(item.amount), size=8.5, align="right")
        canvas.line(left, y + 5, right, y + 5, width=0.2, color=LIGHT)
    y += 28
    labels = _labels(
        doc,
        subtotal={"en": "Untaxed Amount", "fr": "Montant HT", "de": "Nettobetrag"}[lang],
        total={"en": "Total", "fr": "Total", "de": "Gesamt"}[lang],
        tax={"en": "VAT {rate}%", "fr": "TVA {rate}%", "de": "MwSt. {rate}%"}[lang]
        if doc.loc.code != "us"
        else "Tax {rate}%",
    )
    for name, amount, role in _total_rows(doc, labels):
        strong = role in ("total", "subtotal")
        canvas.line(right - 220, y - 11, right, y - 11, width=0.5 if strong else 0.2)
        canvas.text(right - 220, y, name, size=9, bold=strong)
        canvas.text(right, y, doc.style.amount(amount), size=9, bold=strong, align="right")
        y += 16
    parts = []
    if doc.show_phone:
        parts.append(f"{phone_label}{doc.buyer.phone}")
    if doc.show_email:
        parts.append(doc.buyer.email)
    if doc.show_web:
        parts.append(doc.buyer.website)
    foot = canvas.height - 42
    canvas.line(left, foot - 12, right, foot - 12, width=0.4, color=GREY)
    canvas.text(canvas.width / 2, foot, "  |  ".join(parts), size=8, align="center")
    page = {"en": "Page: 1 / 1", "fr": "Page : 1 / 1", "de": "Seite: 1 / 1"}[lang]
    canvas.text(canvas.width / 2, foot + 12, page, size=7.5, align="center", color=GREY)


# Layout 5: a small business's Word template.


def _word(canvas: Canvas, doc: Doc, rng: random.Random) -> None:
    fr = doc.lang == "fr"
    us = doc.loc.code == "us"
    left, right = 50.0, canvas.width - 50
    mid = canvas.width / 2
    canvas.text(mid, 62, doc.buyer.name, size=19, bold=True, align="center")
    canvas.text(mid, 78, ", ".join(doc.buyer.address), size=9, align="center")
    parts = []
    tel = "Tél. : " if fr else rng.choice(("Tel: ", "Tel. ", "Phone: "))
    if doc.show_phone:
        parts.append(f"{tel}{doc.buyer.phone}")
    if doc.show_email:
        parts.append(f"{'Courriel : ' if fr else 'Email: '}{doc.buyer.email}")
    if doc.show_web:
        parts.append(doc.buyer.website)
    canvas.text(mid, 91, "   ".join(parts), size=8.5, align="center")
    if fr:
        siret = f"SIRET {names.digits(rng, 3)} {names.digits(rng, 3)} {names.digits(rng, 3)}"
        canvas.text(
            mid,
            102,
            f"{siret} {names.digits(rng, 5)} – TVA {names.vat_id(rng, 'FR')}",
            size=7,
            align="center",
            color=GREY,
        )
    title = "BON DE COMMANDE" if fr else "PURCHASE ORDER"
    width = canvas.width_of(title, size=15, bold=True) + 30
    canvas.box(mid - width / 2, 114, mid + width / 2, 136, width=1)
    canvas.text(mid, 130, title, size=15, bold=True, align="center")

    y = 160.0
    supplier = "Fournisseur :" if fr else rng.choice(("Supplier:", "To:", "Vendor:"))
    canvas.text(left, y, supplier, size=9, bold=True)
    vendor_rows = _party_rows(doc.vendor, "Tél. : " if fr else "Tel: ")
    end = _rows(canvas, left, y + 13, vendor_rows, size=9.5, step=12)
    if fr:
        pairs = [
            ("N° de commande :", doc.number),
            ("Date :", doc.date(doc.order_date)),
            ("Votre devis n° :", doc.quote_ref),
            ("Livraison souhaitée :", doc.date(doc.required)),
            ("Suivi par :", doc.buyer_person),
        ]
    else:
        pairs = [
            (rng.choice(("PO No.:", "P.O. Number:", "Order No.:")), doc.number),
            (rng.choice(("Date:", "Order Date:")), doc.date(doc.order_date)),
            ("Your Quote Ref:", doc.quote_ref),
            (rng.choice(("Required By:", "Delivery Date:")), doc.date(doc.required)),
            ("Our Account No.:", doc.vendor_no),
        ]
    x = 330.0
    py = y
    for label, value in pairs:
        canvas.text(x, py, label, size=9, bold=True)
        canvas.text(x + 105, py, value, size=9.5)
        py += 14
    y = max(end, py) + 12
    deliver = "Adresse de livraison :" if fr else ("Ship To:" if us else "Deliver To:")
    canvas.text(left, y, deliver, size=9, bold=True)
    if doc.ship is not None:
        rows = _party_rows(doc.ship, "Tél. : " if fr else "Tel: ")
        y = _rows(canvas, left, y + 13, rows, size=9.5, step=12)
    else:
        canvas.text(left + 90, y, "Identique à l'adresse ci-dessus" if fr else "As above", size=9.5)
        y += 12
    y += 14

    qty_first = not fr and rng.random() < 0.5
    if fr:
        cols = [Col("Réf.", 0, 0.1), Col("Désignation", 0.1, 0.6), Col("Qté", 0.6, 0.68, "right")]
        cols += [Col("P.U. HT", 0.68, 0.83, "right"), Col("Montant HT", 0.83, 1, "right")]
    elif qty_first:
        cols = [Col("Qty", 0, 0.08, "right"), Col("Description", 0.08, 0.66)]
        cols += [Col("Unit Price", 0.66, 0.83, "right"), Col("Total", 0.83, 1, "right")]
    else:
        cols = [Col("Item", 0, 0.1), Col("Description", 0.1, 0.6), Col("Qty", 0.6, 0.68, "right")]
        cols += [Col("Unit Price", 0.68, 0.83, "right"), Col("Total", 0.83, 1, "right")]
    table_rows: list[list[str]] = []
    for item in doc.items:
        values = {
            "Qty": doc.qty.number(item.quantity),
            "Qté": doc.qty.number(item.quantity),
            "Item": item.code,
            "Réf.": item.code,
            "Description": item.description,
            "Désignation": item.description,
            "Unit Price": doc.style.number(item.unit_price),
            "P.U. HT": doc.style.number(item.unit_price),
            "Total": doc.style.number(item.amount),
            "Montant HT": doc.style.number(item.amount),
        }
        table_rows.append([values[col.head] for col in cols])
    blank = max(0, rng.randint(7, 11) - len(doc.items))
    y = _table(canvas, left, right, y, cols, table_rows, size=9, row_height=16, blank=blank)
    y += 8
    if doc.total_qty:
        label = "Quantité totale :" if fr else rng.choice(("Total Qty:", "Total items:"))
        canvas.text(left, y + 10, label, size=9, bold=True)
        canvas.text(left + 90, y + 10, doc.qty.number(doc.quantity_sum), size=9)
    labels = _labels(doc, total="TOTAL TTC" if fr else "TOTAL")
    for name, amount, role in _total_rows(doc, labels):
        strong = role == "total"
        canvas.box(right - 220, y, right, y + 17, width=0.5)
        canvas.text(right - 214, y + 12, name, size=9, bold=strong)
        canvas.text(
            right - 4, y + 12, doc.style.amount(amount), size=9.5, bold=strong, align="right"
        )
        y += 17
    y += 30
    if fr:
        canvas.text(left, y, "Bon pour accord", size=9, bold=True)
        canvas.text(left, y + 14, "Signature et cachet :", size=9)
        if doc.signed:
            _scrawl(canvas, left + 10, y + 44, 110, rng)
            canvas.text(left, y + 62, f"Nom : {doc.signer}", size=9)
            canvas.text(left, y + 74, doc.signer_title, size=8.5)
    else:
        label = "Authorized by:" if us else "Authorised by:"
        canvas.text(left, y, label, size=9, bold=True)
        canvas.line(left + 80, y + 2, left + 260, y + 2, width=0.5)
        canvas.text(left + 290, y, "Date:", size=9, bold=True)
        canvas.line(left + 320, y + 2, left + 420, y + 2, width=0.5)
        if doc.signed:
            _scrawl(canvas, left + 95, y - 4, 120, rng)
            canvas.text(left + 80, y + 14, f"{doc.signer}, {doc.signer_title}", size=8.5)
    y += 92
    note = (
        "Merci de rappeler notre numéro de commande sur vos bons de livraison et factures."
        if fr
        else "Please quote our order number on all invoices and delivery notes. Goods are "
        "accepted subject to inspection."
    )
    canvas.text(left, min(y, canvas.height - 40), note, size=8, color=GREY)


# Layout 6: a public body's purchase order with terms and conditions.

TERMS_EN = [
    "1. ACCEPTANCE. This order is accepted by shipment of the goods or performance of the "
    "services. No other terms apply unless agreed in writing by the Purchasing Office.",
    "2. INVOICES. Send invoices to the Invoice To address quoting the order number. Invoices "
    "without an order number will be returned unpaid.",
    "3. PAYMENT. Payment will be made 30 days after receipt of a correct invoice or of the "
    "goods, whichever is later. Prices are firm for the life of this order.",
    "4. DELIVERY. Deliveries must be made by the required-by date to the Ship To address between "
    "8:00 and 15:30, Monday to Friday. Time is of the essence.",
    "5. TAXES. The purchaser is exempt from state sales and use taxes; do not add tax to invoices.",
    "6. WARRANTY. The vendor warrants that goods are new, fit for purpose and free from defects "
    "for a period of twelve (12) months from acceptance.",
    "7. TERMINATION. The purchaser may terminate this order in whole or in part for convenience "
    "or where funds are not appropriated.",
]

TERMS_DE = [
    "1. Es gelten ausschließlich unsere Allgemeinen Einkaufsbedingungen (AEB) sowie die VOL/B.",
    "2. Rechnungen sind unter Angabe der Bestellnummer und der Haushaltsstelle einzureichen.",
    "3. Zahlung innerhalb von 30 Tagen nach Eingang der prüffähigen Rechnung und der Ware.",
    "4. Lieferung frei Verwendungsstelle, Anlieferung Mo-Fr 8:00-14:00 Uhr nach Anmeldung.",
    "5. Gerichtsstand und Erfüllungsort ist der Sitz des Auftraggebers.",
]


def _public(canvas: Canvas, doc: Doc, rng: random.Random) -> None:
    de = doc.lang == "de"
    us = doc.loc.code == "us"
    left, right = 40.0, canvas.width - 40
    canvas.text(left, 56, doc.buyer.name, size=13, bold=True)
    office = (
        rng.choice(("Zentraler Einkauf", "Zentrale Vergabestelle", "Beschaffung"))
        if de
        else rng.choice(("Purchasing Services", "Procurement Office", "Procurement Services"))
    )
    rows = [office, *doc.buyer.address]
    contact = []
    if doc.show_phone:
        contact.append(f"{'Tel.' if de else 'Phone:'} {doc.buyer.phone}")
    contact.append(f"Fax{'' if de else ':'} {doc.buyer.fax}")
    rows.append("   ".join(contact))
    if doc.show_email:
        rows.append(f"{'E-Mail:' if de else 'Email:'} {doc.buyer.email}")
    if doc.show_web:
        rows.append(doc.buyer.website)
    _rows(canvas, left, 70, rows, size=8.5, step=10.5)

    bx0, bx1 = right - 200, right
    canvas.box(bx0, 40, bx1, 100, width=1.2)
    canvas.text(
        (bx0 + bx1) / 2,
        60,
        "BESTELLUNG" if de else "PURCHASE ORDER",
        size=14,
        bold=True,
        align="center",
    )
    label = "Bestell-Nr." if de else "No."
    canvas.text((bx0 + bx1) / 2, 82, f"{label} {doc.number}", size=12, bold=True, align="center")
    note = (
        "Bitte bei Lieferung und Rechnung stets angeben."
        if de
        else "This number must appear on all invoices, packing slips and correspondence."
    )
    canvas.text(right, 112, note, size=6.5, align="right")

    y = 150.0
    date = doc.date(doc.order_date)
    if de:
        cells = [
            ("Datum", date),
            ("Bedarfsmeldung", doc.req_no),
            ("Lieferanten-Nr.", doc.vendor_no),
            ("Sachbearbeitung", doc.buyer_person),
            ("Liefertermin", doc.date(doc.required)),
        ]
        cells2 = [
            ("Kostenstelle", f"{rng.randint(1000, 9999)}"),
            ("Haushaltsstelle", f"{names.digits(rng, 4)}.{names.digits(rng, 3)}"),
            ("Zahlungsbedingungen", doc.terms),
        ]
    else:
        cells = [
            ("PO DATE", date),
            ("REQUISITION NO.", doc.req_no),
            ("VENDOR NO.", doc.vendor_no),
            ("BUYER", doc.buyer_person),
            ("REQUIRED BY" if us else "DELIVERY DATE", doc.date(doc.required)),
        ]
        cells2 = [
            ("F.O.B.", "Destination" if us else "Delivered"),
            ("TERMS", doc.terms),
            ("SHIP VIA", doc.ship_via),
            ("QUOTE / BID NO.", doc.quote_ref),
        ]
    y = _grid(canvas, left, right, y, cells, size=8.5, height=26)
    y = _grid(canvas, left, right, y, cells2, size=8.5, height=26)
    y += 12
    third = (right - left) / 3
    titles = (
        ("Lieferant", "Lieferanschrift", "Rechnungsanschrift")
        if de
        else ("VENDOR", "SHIP TO", "INVOICE TO" if rng.random() < 0.6 else "BILL TO")
    )
    parties = (doc.vendor, doc.ship, doc.bill)
    end = y
    for index, (title, party) in enumerate(zip(titles, parties, strict=True)):
        x = left + index * third
        canvas.box(x, y, x + third, y + 92, width=0.6)
        canvas.box(x, y, x + third, y + 12, stroke=None, fill=LIGHT)
        canvas.text(x + 4, y + 9, title, size=7.5, bold=True)
        if party is None:
            continue
        rows = _party_rows(party, "Tel. " if de else "Phone: ")
        _rows(canvas, x + 5, y + 24, rows, size=8, step=10)
    end = y + 92
    y = end + 12
    if us:
        exempt = (
            f"TAX EXEMPT - Exemption Certificate No. {names.digits(rng, 2)}-"
            f"{names.digits(rng, 5)}-{names.digits(rng, 4)}. Do not charge sales tax."
        )
        canvas.text(left, y, exempt, size=7.5, bold=True)
        y += 14
    heads = (
        ["Pos.", "Menge", "Einheit", "Bezeichnung", "Einzelpreis", "Gesamtpreis"]
        if de
        else ["LINE", "QTY", "UNIT", "DESCRIPTION", "UNIT PRICE", "EXTENDED"]
    )
    bounds: list[tuple[float, float, Align]] = [(0, 0.07, "left"), (0.07, 0.15, "right")]
    bounds += [(0.15, 0.24, "left"), (0.24, 0.7, "left"), (0.7, 0.85, "right")]
    bounds.append((0.85, 1, "right"))
    cols = [Col(head, a, b, align) for head, (a, b, align) in zip(heads, bounds, strict=True)]
    table_rows = [
        [
            str(index),
            doc.qty.number(item.quantity),
            item.unit,
            item.description,
            doc.style.number(item.unit_price),
            doc.style.number(item.amount),
        ]
        for index, item in enumerate(doc.items, 1)
    ]
    y = _table(canvas, left, right, y, cols, table_rows, size=8, row_height=14, blank=1)
    y += 14
    account = (
        f"Konto: {names.digits(rng, 5)}  Projekt: P-{names.digits(rng, 4)}"
        if de
        else f"Account: {names.digits(rng, 2)}-{names.digits(rng, 4)}-{names.digits(rng, 4)}"
        f"-{names.digits(rng, 4)}   Fund: {names.digits(rng, 4)}   Dept: {names.digits(rng, 3)}"
    )
    canvas.text(left, y, account, size=7.5)
    if doc.total_qty:
        qlabel = "Gesamtmenge:" if de else "TOTAL QUANTITY:"
        canvas.text(left, y + 13, f"{qlabel} {doc.qty.number(doc.quantity_sum)}", size=8, bold=True)
    labels = _labels(
        doc,
        subtotal="Summe netto" if de else ("SUBTOTAL" if us else "Net Total"),
        total="Gesamtbetrag" if de else ("TOTAL" if us else "Total (incl. VAT)"),
        freight="Fracht/Verpackung" if de else ("SHIPPING/HANDLING" if us else "Delivery"),
        goods="Warenwert" if de else "Goods",
        net="Summe netto" if de else "Net Total",
        tax="zzgl. {rate} % USt" if de else "VAT @ {rate}%",
    )
    ty = y - 4
    for name, amount, role in _total_rows(doc, labels):
        strong = role == "total"
        canvas.text(right - 150, ty, name, size=8.5, bold=strong)
        canvas.text(right - 4, ty, doc.style.amount(amount), size=8.5, bold=strong, align="right")
        ty += 13
    y = max(ty, y + 26) + 20
    sig_x = right - 230
    canvas.line(sig_x, y + 18, right, y + 18, width=0.6)
    if de:
        canvas.text(sig_x, y + 28, "Im Auftrag", size=7.5)
        if doc.signed:
            canvas.text(sig_x, y + 14, f"gez. {doc.signer}", size=9)
            canvas.text(sig_x + 110, y + 28, doc.signer_title, size=7.5)
    else:
        canvas.text(
            sig_x,
            y + 28,
            "AUTHORIZED SIGNATURE" if us else "AUTHORISED SIGNATORY",
            size=7.5,
            bold=True,
        )
        if doc.signed:
            _scrawl(canvas, sig_x + 20, y + 12, 100, rng)
            canvas.text(sig_x, y + 40, f"{doc.signer}, {doc.signer_title}", size=8)
    y += 62
    terms = TERMS_DE if de else TERMS_EN
    if not us and not de:
        terms = [
            t.replace(
                "TAXES. The purchaser is exempt from state sales and use taxes; do not add tax to "
                "invoices.",
                "VAT. Show VAT separately on every invoice with the supplier's VAT number.",
            )
            for t in terms
        ]
    second_page = y + len(terms) * 20 > canvas.height - 30
    if second_page:
        canvas.text(
            left,
            y,
            "Terms and conditions overleaf." if not de else "Bedingungen siehe Rückseite.",
            size=7.5,
            bold=True,
        )
        canvas.new_page()
        y = 60.0
        canvas.text(
            left,
            y - 14,
            "ALLGEMEINE BEDINGUNGEN" if de else "TERMS AND CONDITIONS",
            size=10,
            bold=True,
        )
    else:
        canvas.text(left, y, "BEDINGUNGEN" if de else "TERMS AND CONDITIONS", size=7.5, bold=True)
        y += 10
    for clause in terms:
        y = _wrapped(canvas, left, y, clause, right - left, size=6.5)
        y += 2


def _wrapped(canvas: Canvas, x: float, y: float, text: str, width: float, *, size: float) -> float:
    line = ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if canvas.width_of(trial, size=size) > width and line:
            canvas.text(x, y, line, size=size)
            y += size + 2
            line = word
        else:
            line = trial
    if line:
        canvas.text(x, y, line, size=size)
        y += size + 2
    return y


# Building one document.


def _money_style(rng: random.Random, layout: Layout, loc: Locale) -> MoneyStyle:
    if layout == "sap":
        return MoneyStyle(".", ",") if loc.code == "de" else MoneyStyle(",", ".")
    if loc.code == "us":
        return MoneyStyle(",", ".", "$", symbol_space=False)
    if loc.code == "uk":
        return MoneyStyle(",", ".", "£", symbol_space=False)
    if loc.code == "de":
        return rng.choice(
            (MoneyStyle(".", ",", "€", symbol_after=True), MoneyStyle(".", ",", "EUR"))
        )
    return MoneyStyle(" ", ",", "€", symbol_after=True)


def _scheme(rng: random.Random, layout: Layout, loc: Locale) -> Scheme:
    options: list[tuple[float, Scheme]]
    if layout == "public" and loc.code == "us":
        options = [(5, "total"), (2, "sub_total"), (3, "sub_freight")]
    elif layout == "sap":
        options = [(4, "total"), (5, "sub_tax"), (2, "net_freight")]
    elif loc.code == "us":
        options = [(4, "total"), (2, "sub_total"), (1, "sub_zero_tax"), (3, "sub_tax")]
        options += [(1, "sub_freight"), (1, "sub_freight_tax")]
    elif layout == "odoo":
        options = [(1, "sub_total"), (10, "sub_tax")]
    else:
        options = [(6, "sub_tax"), (2, "net_freight"), (2, "total")]
    if layout == "netsuite":
        options = [(weight, s) for weight, s in options if s != "net_freight"] or [(1, "total")]
    return choose(rng, options)


def _quantity(rng: random.Random, kind: str) -> Decimal:
    if kind == "hour":
        return Decimal(rng.choice(("2", "4", "6", "7.5", "8", "12", "16", "24", "40")))
    if kind == "unit":
        return Decimal(rng.choice((1, 1, 2, 2, 3, 4, 5, 6, 8, 10, 12)))
    return Decimal(rng.choice((5, 10, 10, 12, 20, 24, 25, 40, 50, 100, 150, 200, 250)))


def _items(
    rng: random.Random,
    doc_lang: str,
    count: int,
    layout: Layout,
    required: dt.date,
) -> list[Item]:
    picks = rng.sample(CATALOG[doc_lang], count)
    items = []
    for description, unit, kind, low, high in picks:
        if layout == "sap":
            code = f"{rng.choice(('1000', '2000', '4000'))}{names.digits(rng, 5)}"
        elif layout in ("netsuite", "quickbooks"):
            word = re.sub(r"[^A-Z]", "", _ascii(description.split()[0]).upper())[:4]
            code = f"{word}-{names.digits(rng, 4)}"
        elif layout == "odoo":
            word = re.sub(r"[^A-Z]", "", _ascii(description.split()[0]).upper())[:3]
            code = f"{word}{names.digits(rng, 3)}"
        else:
            code = f"{names.digits(rng, 4)}"
        when = required + dt.timedelta(days=rng.choice((0, 0, 0, 3, 7)))
        items.append(
            Item(code, description, unit, _quantity(rng, kind), price(rng, low, high), when)
        )
    return items


def _buyer(rng: random.Random, loc: Locale, layout: Layout) -> Party:
    if layout == "public":
        place = rng.choice(PLACES[loc.people].split("|"))
        slug = re.sub(r"[^a-z]", "", _ascii(place).lower())
        if loc.code == "us":
            name, web, mail = rng.choice(
                (
                    (
                        f"{place} State University",
                        f"www.{slug}state.edu",
                        f"purchasing@{slug}state.edu",
                    ),
                    (f"City of {place}", f"www.cityof{slug}.gov", f"purchasing@cityof{slug}.gov"),
                    (f"{place} County", f"www.{slug}county.gov", f"procurement@{slug}county.gov"),
                    (
                        f"{place} Unified School District",
                        f"www.{slug}usd.org",
                        f"purchasing@{slug}usd.org",
                    ),
                )
            )
        elif loc.code == "uk":
            name, web, mail = rng.choice(
                (
                    (f"{place} County Council", f"www.{slug}.gov.uk", f"procurement@{slug}.gov.uk"),
                    (f"University of {place}", f"www.{slug}.ac.uk", f"purchasing@{slug}.ac.uk"),
                    (
                        f"{place} NHS Foundation Trust",
                        f"www.{slug}.nhs.uk",
                        f"procurement@{slug}.nhs.uk",
                    ),
                )
            )
        else:
            name, web, mail = rng.choice(
                (
                    (f"Universität {place}", f"www.uni-{slug}.de", f"einkauf@uni-{slug}.de"),
                    (f"Stadt {place}", f"www.{slug}.de", f"vergabestelle@{slug}.de"),
                    (f"Hochschule {place}", f"www.hs-{slug}.de", f"beschaffung@hs-{slug}.de"),
                )
            )
        party = Party(
            name, names.address(rng, loc.country), _phone(rng, loc), _phone(rng, loc), mail, web
        )
        return party
    name = _company(rng, loc)
    slug = _slug(name)
    domain = f"{slug}.{loc.tld}"
    box = {
        "de": ("einkauf", "info", "bestellung"),
        "fr": ("achats", "contact", "commandes"),
    }.get(loc.lang, ("purchasing", "orders", "accounts", "info"))
    web = rng.choice((f"www.{domain}", f"www.{domain}", domain))
    party = Party(
        name,
        names.address(rng, loc.country),
        _phone(rng, loc),
        _phone(rng, loc),
        f"{rng.choice(box)}@{domain}",
        web,
    )
    return party


def build(rng: random.Random) -> Rendered:
    layout: Layout = choose(
        rng,
        [(3, "sap"), (2, "netsuite"), (2, "quickbooks"), (2, "odoo"), (3, "word"), (3, "public")],
    )
    loc = LOCALES[choose(rng, LAYOUT_LOCALES[layout])]
    lang = loc.lang
    dates_style: DateStyle = choose(rng, DATE_STYLES[loc.code])
    if layout == "sap":
        dates_style = (
            DateStyle("{dd}.{mm}.{yyyy}", "de")
            if lang == "de"
            else (
                DateStyle("{mm}/{dd}/{yyyy}") if loc.code == "us" else DateStyle("{dd}/{mm}/{yyyy}")
            )
        )
    dates = pick_dates(rng, dates_style, due_days=(7, 10, 14, 21, 28, 42))
    style = _money_style(rng, layout, loc)
    qty: QuantityStyle = (
        (FixedQuantity(",", 2) if lang in ("de", "fr") else FixedQuantity(".", 2))
        if layout == "odoo"
        else QuantityStyle("," if lang in ("de", "fr") else ".")
    )

    buyer = _buyer(rng, loc, layout)
    vendor = Party(
        _company(rng, loc),
        names.address(rng, loc.country),
        _phone(rng, loc) if rng.random() < 0.5 else "",
    )
    attn_word = {"de": "z. Hd. ", "fr": "À l'attention de "}.get(lang, "Attn: ")
    if rng.random() < 0.4:
        vendor.attn = f"{attn_word}{_person(rng, loc)}"
    year = dates.issue.year
    if layout == "sap":
        number = f"45{names.digits(rng, 8)}"
    elif layout == "netsuite":
        number = f"PO{rng.randint(1000, 99999)}"
    elif layout == "quickbooks":
        number = str(rng.randint(1001, 9999))
    elif layout == "odoo":
        number = f"P{rng.randint(1, 9999):05d}"
    elif layout == "word":
        serial = rng.randint(1, 350)
        if lang == "fr":
            shapes = [f"BC-{year}-{serial:04d}", f"BC{year % 100}{serial:03d}", f"CF{serial:05d}"]
        else:
            shapes = [f"PO-{year}-{serial:03d}", f"{rng.randint(100, 9999):04d}"]
            shapes.append(f"PO {year % 100}/{serial}")
        number = rng.choice(shapes)
    elif loc.code == "de":
        number = f"B{year % 100}-{rng.randint(10000, 99999)}"
    else:
        number = rng.choice((f"P{year % 100}{names.digits(rng, 5)}", f"PO{names.digits(rng, 7)}"))

    # The ship-to: the buyer's own premises most often, another firm on a drop shipment.
    ship: Party | None
    if layout == "word" and rng.random() < 0.2:
        ship = None
    else:
        own = layout == "public" or rng.random() < 0.6
        ship_name = buyer.name if own else _company(rng, loc)
        address = names.address(rng, loc.country)
        if own and (layout == "public" or rng.random() < 0.7):  # a site in the buyer's town
            address[-1] = buyer.address[-1]
        ship = Party(ship_name, address, _phone(rng, loc) if rng.random() < 0.55 else "")
        if rng.random() < 0.45:
            receiving = {
                "de": ("Warenannahme", f"Herrn {names.surname(rng, 'de')}", "Tor 3"),
                "fr": ("Service réception", f"M. {names.surname(rng, 'fr')}", "Magasin"),
            }.get(lang, ("Receiving", "Central Stores", _person(rng, loc), "Goods In"))
            ship.attn = f"{attn_word}{rng.choice(receiving)}"
    # The invoice-to block: always on public forms, on most SAP prints, on a few others.
    bill: Party | None = None
    share = {"public": 1.0, "sap": 0.6}.get(layout, 0.25)
    if rng.random() < share:
        ap = {"de": "Rechnungseingang", "fr": "Service comptabilité"}.get(lang, "Accounts Payable")
        box = {"de": "Postfach", "fr": "BP"}.get(lang, "PO Box")
        bill = Party(
            buyer.name,
            [f"{box} {rng.randint(10, 9999)}", names.address(rng, loc.country)[1]],
            attn=ap,
        )

    count = 1 if rng.random() < 0.22 else rng.randint(2, 6 if layout != "public" else 5)
    items = _items(rng, lang, count, layout, dates.due)
    scheme = _scheme(rng, layout, loc)
    goods = sum((item.amount for item in items), Decimal(0))
    freight = Decimal(0)
    if scheme in ("sub_freight", "sub_freight_tax", "net_freight"):
        freight = Decimal(
            rng.choice(("12.50", "18.00", "25.00", "35.00", "49.95", "65.00", "95.00"))
        )
    rate = {
        "us": Decimal(rng.choice(("6.25", "7", "7.25", "8.25", "8.875", "6"))),
        "uk": Decimal(20),
        "de": Decimal(19),
        "fr": Decimal(20),
    }[loc.code]
    if scheme == "sub_tax":
        tax = money(goods * rate / 100)
    elif scheme == "net_freight":
        tax = money((goods + freight) * rate / 100)
    elif scheme == "sub_freight_tax":
        base = goods + freight if loc.code != "us" or rng.random() < 0.5 else goods
        tax = money(base * rate / 100)
    else:
        tax = Decimal(0)
    total = goods + freight + tax

    signed_share = {"sap": 0.5, "netsuite": 0.5, "quickbooks": 0.45, "odoo": 0.0}
    signed = rng.random() < signed_share.get(layout, 0.8)
    terms = {
        "us": ("Net 30", "Net 45", "2% 10, Net 30", "Due on receipt"),
        "uk": ("30 days net", "30 days EOM", "Net 30 days"),
        "de": ("30 Tage netto", "14 Tage 2 % Skonto, 30 Tage netto"),
        "fr": ("30 jours fin de mois", "45 jours fin de mois", "À réception de facture"),
    }[loc.code]
    ship_via = {
        "us": ("UPS Ground", "FedEx Ground", "Best Way", "Vendor truck", "LTL Freight"),
        "uk": ("Courier", "DPD", "Supplier's transport", "Royal Mail"),
        "de": ("Spedition", "DHL", "frei Haus"),
        "fr": ("Transporteur", "Franco de port"),
    }[loc.code]
    if layout == "public":
        show_phone, show_email, show_web = True, rng.random() < 0.8, rng.random() < 0.7
    elif layout == "quickbooks":
        show_phone, show_email, show_web = True, rng.random() < 0.8, rng.random() < 0.6
    else:
        show_phone = rng.random() < 0.9
        show_email = rng.random() < 0.75
        show_web = rng.random() < 0.65
    total_qty = (
        layout in ("word", "public")
        and count > 1
        and all(item.quantity == item.quantity.to_integral_value() for item in items)
        and rng.random() < 0.35
    )
    doc = Doc(
        layout=layout,
        loc=loc,
        lang=lang,
        style=style,
        dates=dates_style,
        qty=qty,
        number=number,
        order_date=dates.issue,
        required=dates.due,
        earlier=dates.other[0],
        buyer=buyer,
        vendor=vendor,
        ship=ship,
        bill=bill,
        items=items,
        scheme=scheme,
        goods=goods,
        freight=freight,
        tax_rate=rate,
        tax=tax,
        total=total,
        signer=_person(rng, loc),
        signer_title=rng.choice(TITLES[loc.people]),
        buyer_person=_person(rng, loc),
        buyer_direct=_phone(rng, loc),
        requester=_person(rng, loc),
        vendor_no=rng.choice(
            (
                f"V{names.digits(rng, 5)}",
                names.digits(rng, 6),
                f"{rng.randint(10, 99)}{names.digits(rng, 4)}",
            )
        ),
        quote_ref=rng.choice(
            (
                f"Q-{year}-{rng.randint(100, 999)}",
                f"QT{names.digits(rng, 5)}",
                f"AN{year % 100}-{names.digits(rng, 4)}"
                if lang == "de"
                else f"DV{names.digits(rng, 5)}"
                if lang == "fr"
                else f"{rng.randint(10000, 99999)}",
            )
        ),
        req_no=rng.choice(
            (
                f"REQ-{names.digits(rng, 5)}",
                f"R{year % 100}-{names.digits(rng, 5)}",
                f"00{names.digits(rng, 8)}",
            )
        ),
        terms=rng.choice(terms),
        ship_via=rng.choice(ship_via),
        show_phone=show_phone,
        show_web=show_web,
        show_email=show_email,
        signed=signed,
        total_qty=total_qty,
    )
    canvas = Canvas(
        *loc.paper, family="tiro" if layout == "word" and rng.random() < 0.6 else "helv"
    )
    image: ImageFormat
    if layout == "sap":
        _sap(canvas, doc, rng)
        image = choose(rng, [(8, None), (2, "jpg")])
    elif layout == "netsuite":
        _netsuite(canvas, doc, rng)
        image = choose(rng, [(9, None), (1, "jpg")])
    elif layout == "quickbooks":
        _quickbooks(canvas, doc, rng)
        image = choose(rng, [(7, None), (2, "jpg"), (1, "png")])
    elif layout == "odoo":
        _odoo(canvas, doc, rng)
        image = choose(rng, [(9, None), (1, "png")])
    elif layout == "word":
        _word(canvas, doc, rng)
        image = choose(rng, [(4, None), (4, "jpg"), (2, "png")])
    else:
        _public(canvas, doc, rng)
        image = choose(rng, [(5, None), (3, "jpg"), (2, "png")])

    fields = _truth(doc)
    return Rendered(
        fields,
        lang,
        "purchase_order",
        canvas.pdf(title=number),
        style,
        dates_style,
        qty,
        {"USD": ("$", "USD"), "GBP": ("£", "GBP")}.get(loc.currency, ("€", "EUR")),
        image=image,
    )


def _truth(doc: Doc) -> dict[str, Any]:
    """The keys the page prints, in the case type's order."""
    fields: dict[str, Any] = {"merchant": doc.buyer.name}
    if doc.show_phone:
        fields["phone_number"] = doc.buyer.phone
    if doc.show_web:
        fields["website"] = doc.buyer.website
    if doc.show_email:
        fields["email"] = doc.buyer.email
    fields["purchase_order_number"] = doc.number
    fields["order_date"] = doc.order_date.isoformat()
    fields["vendor_name"] = doc.vendor.name
    if doc.ship is not None:
        fields["company_name"] = doc.ship.name
        fields["company_address"] = " ".join(doc.ship.address)
        if doc.ship.phone:
            fields["company_phone_number"] = doc.ship.phone
    if len(doc.items) == 1:
        fields["quantity"] = truth_number(doc.items[0].quantity)
    elif doc.total_qty:
        fields["quantity"] = truth_number(doc.quantity_sum)
    if doc.scheme != "total":
        fields["subtotal_amount"] = truth_money(doc.subtotal)
    # With freight between the subtotal and the total, subtotal + tax no longer make the total:
    # the printed tax is left out, as for a rounding line.
    if doc.scheme in ("sub_tax", "sub_zero_tax", "net_freight"):
        fields["tax_amount"] = truth_money(doc.tax)
    fields["total_amount"] = truth_money(doc.total)
    if doc.signed:
        fields["signature"] = doc.signer
    return fields
