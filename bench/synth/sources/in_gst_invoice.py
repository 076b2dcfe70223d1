"""`in-gst-invoice`: an Indian GST tax invoice from a trader, a manufacturer or a service firm.

Every document says `Tax Invoice` and carries what the GST rules ask for: the supplier's and the
recipient's GSTIN (15 characters: the two-digit state code, the PAN with its holder letter `C` / `F`
/ `P` at the fourth place and the name's initial at the fifth, the entity number, `Z` and a valid
mod-36 check character), the state name and code of each party, the `Place of Supply`, an HSN
(goods, 4 to 8 digits) or SAC (services, `99....`) code per line and the tax as CGST + SGST (within
a state, each half the rate: `9%` + `9%` of 18 %, `2.5%` + `2.5%` of 5 %) or as IGST (between
states), 5 / 12 / 18 / 28 %. Amounts mostly in Indian grouping (`1,23,456.00`), some in Western
grouping (`123,456.00`), bare or after `Rs.` or `INR`; the rupee sign is not in the Base-14 fonts,
so where a print shows `₹` it is drawn as a small vector glyph (no text under it, as on many PDFs
and every scan). Dates `5-Mar-24` / `05-Mar-2024` (Tally), `05/03/2024`, `05-03-2024` or
`05.03.2024` (day first); quantities `10`, `2.5` or `10.00` followed by the unit (`Nos`, `Kgs`,
`Mtr`, `Bag`).

The truth. `total_amount` is the rounded grand total (`Total` / `Total Amount after Tax`, the figure
also spelled out in `Amount Chargeable (in words)`), after the `Round Off` line. `tax_amount` is the
whole GST (CGST + SGST, or the IGST), and it is in the truth only where the page prints that sum:
always in the Tally print (`Total Tax Amount` of the HSN summary) and the template print (`Total Tax
Amount`), in the cloud print only when it has a `Total Tax` row or a single IGST row (two rows
`CGST9 (9%)` / `SGST9 (9%)` and nothing else print no sum). `subtotal_amount` is the taxable value
(the sum of the lines, quantity x rate). When the round-off is not zero, taxable value + tax is not
the total, and the bench keeps subtotal + tax = total: such a document leaves out either the tax or
the taxable value with the line items (one at random per document); documents priced in round
hundreds have a zero round-off and keep everything. Line amounts are the taxable amounts (quantity x
rate), never a column that adds the line's tax. The due date is in the truth only where printed (the
cloud print, some template prints); Tally prints `Mode/Terms of Payment: 30 Days` instead.

Three layouts. `tally` (TallyPrime / Tally.ERP 9's boxed print): `Tax Invoice` centred over the box
with `(ORIGINAL FOR RECIPIENT)` at the right, on e-invoices an `IRN` (64 hex characters), `Ack No.`
(15 digits), `Ack Date` and a QR code above it; the supplier cell (name, address, `GSTIN/UIN`,
`State Name : Maharashtra, Code : 27`, CIN, e-mail), `Consignee (Ship to)` and `Buyer (Bill to)`
cells on the left, a grid of label-over-value cells on the right (`Invoice No. / Dated`, `Delivery
Note / Mode/Terms of Payment`, `Reference No. & Date. / Other References`, `Buyer's Order No. /
Dated`, `Dispatch Doc No. / Delivery Note Date`, `Dispatched through / Destination`, sometimes
`e-Way Bill No.` and `Motor Vehicle No.`, `Terms of Delivery`), the `Sl No. / Description of Goods /
HSN/SAC / [GST Rate] / Quantity / Rate / per / Amount` table with the taxable subtotal, the tax
ledgers (`CGST` / `Output SGST @ 9%` in bold italic, the rate in the `Rate` column on some) and
`Round Off` (`(-)0.35`) as rows of the same table, the `Total` row with the summed quantity (`35
Nos`), `Amount Chargeable (in words)` / `E. & O.E`, the HSN summary (`HSN/SAC / Taxable Value /
Central Tax Rate Amount / State/UT Tax Rate Amount / Total Tax Amount`, or `Integrated Tax`), `Tax
Amount (in words)`, `Company's PAN`, the declaration, `Company's Bank Details` (`A/c No.`, `Branch &
IFS Code`), `for <supplier>` / `Authorised Signatory` and `SUBJECT TO PUNE JURISDICTION`. `cloud` (a
Zoho-Books-like online print): a logo square, the supplier top left, `TAX INVOICE`, `#
INV/2024-25/0123` and `Balance Due` top right, `Bill To` / `Ship To`, right-aligned `Invoice Date /
Terms / Due Date / P.O.# / Place Of Supply` pairs, a dark-banded table with the tax per line in
column pairs (`CGST % / Amt`, `SGST % / Amt` or `IGST % / Amt`) and either an `Amount` (taxable)
column or (between states) `Taxable Value` plus a `Total` that includes the line's tax,
right-aligned `Sub Total / CGST9 (9%) / SGST9 (9%) / [Total Tax] / [Round Off] / Total`, sometimes
`Payment Made (-)` and `Balance Due`, `Total In Words: Indian Rupee One Lakh Twenty-Three Thousand
... Only`, bank details with a UPI id, terms and `Authorized Signature`; some carry an `IRN` / `Ack
No.` line under the header. `classic` (the spreadsheet GST template small traders print): a boxed
page with the supplier's name centred in large type, `GSTIN` and mobile number in the corners, a
`TAX INVOICE` band, three copy boxes (`Original for Recipient / Duplicate for Transporter /
Triplicate for Supplier`, one ticked), `Reverse Charge / Invoice No. / Invoice Date / State / Code`
beside `Transport Mode / Vehicle Number / Date of Supply / Place of Supply / E-Way Bill No.`, `Bill
to Party` and `Ship to Party` blocks (`Name / Address / GSTIN / State / Code`), an `S.No. / Product
Description / HSN/SAC / Qty / UOM / Rate / Amount / Disc. / Taxable Value` grid padded with empty
rows and a `Total` row (the quantities summed whatever their units), and a summary on the right
(`Total Amount before Tax`, `Add : CGST @ 9%`, `Add : SGST @ 9%`, `Add : IGST @ 18%` with 0.00 on
the unused tax, `Total Tax Amount`, `Round Off`, `Total Amount after Tax`, `GST on Reverse Charge`)
beside `Rupees ... Only`, bank details and terms.

Decoys and awkward parts: two GSTINs, the PAN, CIN and Udyam numbers, state codes; HSN / SAC codes
that look like amounts or years (`8413`, `998314`); the e-way bill number (12 digits), the IRN and
the 15-digit Ack No.; `Buyer's Order No.` (`PO/2024-25/0871` or a 10-digit SAP number), `Dispatch
Doc No.` (`DC/24-25/0456`) and `Delivery Note` numbers shaped like the invoice number, with their
own dates (the order date before the invoice date, on ambiguous day-first dates sometimes the only
date that settles the order); financial years in every number (`2024-25`, `24-25`); the taxable
subtotal and the tax printed twice (ledger rows and HSN summary); per-line tax amounts and, in one
cloud variant, line totals that include the tax; `Payment Made` and a `Balance Due` below the total
(and in the headline); the round-off, positive or `(-)0.35`; the total in words (lakh and crore) and
the tax in words with paise; bank account numbers and IFSC; a vehicle number and an LR number;
vendor names printed in capitals in some Tally prints (the truth then in capitals too) and the `FOR
SUPPLIER NAME` signature line in capitals on template prints. About a third are scanned images (the
Tally and template prints most often).
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from bench.synth import names
from bench.synth.canvas import A4, Canvas
from bench.synth.common import choose
from bench.synth.document import Line, Rendered, pick_dates, quantity, truth_fields
from bench.synth.formats import DateStyle, FixedQuantity, MoneyStyle, QuantityStyle, money

GREY = (0.42, 0.42, 0.42)
LIGHT = (0.88, 0.88, 0.88)
RULE = (0.75, 0.75, 0.75)
BAND = (0.2, 0.24, 0.32)
WHITE = (1.0, 1.0, 1.0)
ZERO = Decimal(0)
ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ITALIC_BOLD = {"helv": "hebi", "tiro": "tibi", "cour": "cobi"}
ITALIC = {"helv": "heit", "tiro": "tiit", "cour": "coit"}

STATES: dict[str, tuple[str, str, list[tuple[str, str]]]] = {
    "27": (
        "Maharashtra",
        "MH",
        [("Mumbai", "400069"), ("Pune", "411026"), ("Nagpur", "440010"), ("Thane", "400604")],
    ),
    "29": (
        "Karnataka",
        "KA",
        [("Bengaluru", "560034"), ("Mysuru", "570001"), ("Hubballi", "580029")],
    ),
    "33": ("Tamil Nadu", "TN", [("Chennai", "600032"), ("Coimbatore", "641018")]),
    "07": ("Delhi", "DL", [("New Delhi", "110020"), ("Delhi", "110035")]),
    "24": ("Gujarat", "GJ", [("Ahmedabad", "380009"), ("Surat", "395003"), ("Rajkot", "360002")]),
    "09": (
        "Uttar Pradesh",
        "UP",
        [("Noida", "201301"), ("Lucknow", "226010"), ("Kanpur", "208012")],
    ),
    "19": ("West Bengal", "WB", [("Kolkata", "700091"), ("Howrah", "711101")]),
    "36": ("Telangana", "TG", [("Hyderabad", "500081"), ("Secunderabad", "500003")]),
    "32": ("Kerala", "KL", [("Kochi", "682024"), ("Thiruvananthapuram", "695014")]),
    "08": ("Rajasthan", "RJ", [("Jaipur", "302017"), ("Jodhpur", "342003")]),
    "06": ("Haryana", "HR", [("Gurugram", "122015"), ("Faridabad", "121003")]),
    "23": ("Madhya Pradesh", "MP", [("Indore", "452010"), ("Bhopal", "462011")]),
    "03": ("Punjab", "PB", [("Ludhiana", "141003"), ("Jalandhar", "144001")]),
    "37": ("Andhra Pradesh", "AP", [("Visakhapatnam", "530016"), ("Vijayawada", "520010")]),
}
PREMISES = [
    "Plot No. {n}, Industrial Area Phase II",
    "Shop No. {n}, Ganesh Market",
    "Gala No. {n}, Sai Industrial Estate",
    "Office No. {n}, 2nd Floor, Shanti Complex",
    "Survey No. {n}/2, Near Railway Crossing",
    "No. {n}, 3rd Cross, 1st Main",
    "{n}, Transport Nagar",
    "B-{n}, Sector 5",
    "Unit {n}, Ground Floor, Laxmi Chambers",
]
AREAS = [
    "M.G. Road",
    "Station Road",
    "Ring Road",
    "Civil Lines",
    "Gandhi Nagar",
    "Nehru Nagar",
    "Main Bazaar",
    "Opp. Bus Stand",
    "Near Water Tank",
    "Industrial Estate",
    "Old City",
    "Model Town",
]
PIOUS = ["Shree", "Shri", "Sri", "Jai", "Om"]
DEITIES = ["Ganesh", "Balaji", "Sai", "Krishna", "Laxmi", "Durga", "Hanuman", "Ambika", "Umiya"]
TRADER = ["Traders", "Enterprises", "Agencies", "Trading Co.", "Sales Corporation"]
SURNAMES = [
    "Mehta",
    "Shah",
    "Patel",
    "Agarwal",
    "Gupta",
    "Iyer",
    "Reddy",
    "Nair",
    "Kulkarni",
    "Joshi",
    "Banerjee",
    "Malhotra",
    "Chopra",
    "Deshpande",
    "Rao",
    "Menon",
    "Bhatia",
    "Jain",
    "Goyal",
    "Sethi",
]
PLACES = [
    "Sahyadri",
    "Deccan",
    "Kaveri",
    "Narmada",
    "Himalaya",
    "Coromandel",
    "Malabar",
    "Indus",
    "Aravali",
    "Konark",
    "Vindhya",
    "Ganga",
]
BUYER_NOUNS = [
    "Infra Projects",
    "Constructions",
    "Hospitality",
    "Retail",
    "Auto Components",
    "Pharma",
    "Foods",
    "Technologies",
    "Textiles",
    "Polymers",
    "Engineering",
    "Healthcare",
]
BANKS = [
    ("State Bank of India", "SBIN"),
    ("HDFC Bank", "HDFC"),
    ("ICICI Bank", "ICIC"),
    ("Axis Bank", "UTIB"),
    ("Kotak Mahindra Bank", "KKBK"),
    ("Bank of Baroda", "BARB"),
    ("Punjab National Bank", "PUNB"),
    ("Canara Bank", "CNRB"),
]
UPI_BANKS = ("hdfcbank", "icici", "axis", "sbi")
TRANSPORTERS = [
    "By Road",
    "VRL Logistics",
    "Gati Ltd",
    "Safexpress",
    "TCI Freight",
    "Self Vehicle",
    "Blue Dart",
]

Item = tuple[str, str, str, int, float, float]
"""Description, unit, HSN/SAC, GST rate %, price low, price high."""

TRADES: dict[str, tuple[list[str], list[Item]]] = {
    "electrical": (
        ["Electricals", "Electric Corporation", "Switchgears", "Power Solutions"],
        [
            ("LED Panel Light 18W Round", "Nos", "9405", 18, 180, 900),
            ("Copper Wire 2.5 sq mm FR (90 m)", "Nos", "8544", 18, 1800, 4200),
            ("PVC Conduit Pipe 20 mm", "Nos", "3917", 18, 40, 160),
            ("MCB 32A Double Pole", "Nos", "8536", 18, 220, 780),
            ("Modular Switch 6A 1 Way", "Nos", "8536", 18, 28, 95),
            ("Ceiling Fan 1200 mm", "Nos", "8414", 18, 1450, 3600),
            ("Cable Tray 100 mm (2.5 m)", "Nos", "7308", 18, 450, 1300),
            ("Armoured Cable 4 Core 16 sq mm", "Mtr", "8544", 18, 180, 420),
            ("Installation Charges", "Job", "995461", 18, 1500, 25000),
        ],
    ),
    "building": (
        ["Hardware", "Building Materials", "Steel Traders", "Hardware & Paints"],
        [
            ("MS Pipe 25 mm ERW Class B", "Mtr", "7306", 18, 80, 400),
            ("Cement OPC 53 Grade (50 kg)", "Bag", "2523", 28, 340, 420),
            ("Vitrified Floor Tiles 600x600", "Box", "6907", 18, 450, 1200),
            ("Paint Emulsion White (20 L)", "Nos", "3209", 18, 3200, 6800),
            ("SS Kitchen Sink 24 x 18", "Nos", "7324", 18, 2400, 9000),
            ("TMT Bar Fe 500D 12 mm", "Kgs", "7214", 18, 58, 72),
            ("Wall Hung WC with Seat Cover", "Nos", "6910", 18, 4200, 12500),
            ("Plywood 18 mm BWP (8 x 4)", "Nos", "4412", 18, 2100, 4800),
            ("Wall Putty (40 kg)", "Bag", "3214", 18, 650, 980),
        ],
    ),
    "industrial": (
        ["Engineering Works", "Industries", "Machine Tools", "Hydraulics"],
        [
            ("Ball Bearing 6205 ZZ", "Nos", "8482", 18, 90, 450),
            ("Submersible Pump 1 HP", "Nos", "8413", 18, 6500, 18000),
            ("Hydraulic Hose Assembly 1/2 inch", "Nos", "4009", 18, 350, 1800),
            ("Induction Motor 3 HP 1440 RPM", "Nos", "8501", 18, 9500, 21000),
            ("V-Belt B-52", "Nos", "4010", 18, 120, 380),
            ("Welding Electrodes 3.15 mm", "Kgs", "8311", 18, 140, 260),
            ("Hex Bolt M12 x 50 (HT)", "Nos", "7318", 18, 6, 22),
            ("CNC Machining Charges", "Hrs", "998873", 18, 650, 1800),
            ("Gear Box Overhauling", "Job", "998719", 18, 4500, 38000),
        ],
    ),
    "grocery": (
        ["Foods", "Agro Products", "Provision Stores", "Wholesale Traders"],
        [
            ("Basmati Rice (25 kg bag)", "Bag", "1006", 5, 1600, 3200),
            ("CTC Tea Dust", "Kgs", "0902", 5, 180, 420),
            ("Kachi Ghani Mustard Oil 15 L", "Nos", "1514", 5, 1900, 2800),
            ("Sugar M-30 (50 kg bag)", "Bag", "1701", 5, 1850, 2300),
            ("Desi Ghee 1 L Pouch", "Nos", "0405", 12, 520, 680),
            ("Biscuits Family Pack 600 g", "Box", "1905", 18, 900, 1600),
            ("Instant Coffee 200 g Jar", "Nos", "2101", 18, 380, 620),
            ("Namkeen Bhujia 1 kg", "Nos", "2106", 12, 180, 260),
        ],
    ),
    "office": (
        ["Infotech", "Business Solutions", "Office Systems", "Technologies"],
        [
            ("A4 Copier Paper 75 GSM (Ream)", "Nos", "4802", 12, 230, 340),
            ("Toner Cartridge 88A", "Nos", "8443", 18, 650, 3200),
            ("Laptop Core i5 16 GB / 512 GB", "Nos", "8471", 18, 48000, 72000),
            ("Annual Maintenance Charges", "Nos", "998713", 18, 4000, 45000),
            ("Software Development Services", "Hrs", "998314", 18, 800, 2500),
            ("Consultancy Charges", "Nos", "998311", 18, 5000, 60000),
            ("Office Chair Mesh High Back", "Nos", "9401", 18, 3800, 9500),
            ("Printing of Brochures A4", "Nos", "998912", 18, 8, 40),
        ],
    ),
    "textile": (
        ["Textiles", "Fabrics", "Garments", "Handlooms"],
        [
            ("Cotton Shirting Fabric 58 inch", "Mtr", "5208", 5, 90, 380),
            ("Polyester Suiting Fabric", "Mtr", "5407", 5, 140, 520),
            ("Men's Cotton Shirt (Size 40)", "Pcs", "6205", 5, 380, 950),
            ("Double Bedsheet Cotton 90 x 100", "Pcs", "6302", 5, 420, 980),
            ("Sewing Thread Cone 5000 m", "Nos", "5401", 12, 85, 210),
            ("Job Work Charges (Stitching)", "Pcs", "998821", 5, 35, 140),
            ("Woollen Shawl Printed", "Pcs", "6214", 12, 1100, 2600),
        ],
    ),
}
FRACTIONAL_UNITS = ("Mtr", "Kgs", "Hrs")
DECLARATION = (
    "We declare that this invoice shows the actual price of the goods described and that all "
    "particulars are true and correct."
)

ONES = [
    "Zero",
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "Eleven",
    "Twelve",
    "Thirteen",
    "Fourteen",
    "Fifteen",
    "Sixteen",
    "Seventeen",
    "Eighteen",
    "Nineteen",
]
TENS = ["", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"]


@dataclass(frozen=True)
class IndianMoney(MoneyStyle):
    """Amounts in Indian grouping: the last three digits, then pairs (`12,34,567.50`)."""

    def number(self, value: Decimal) -> str:
        value = money(value)
        units, paise = f"{abs(value):.2f}".split(".")
        head, groups = units[:-3], [units[-3:]]
        while head:
            groups.insert(0, head[-2:])
            head = head[:-2]
        text = f"{','.join(groups)}.{paise}"
        return f"-{text}" if value < 0 else text


@dataclass(frozen=True)
class Party:
    name: str
    address: tuple[str, ...]
    gstin: str
    pan: str
    code: str
    state: str
    city: str
    phone: str


@dataclass(frozen=True)
class Row:
    line: Line
    hsn: str
    rate: Decimal


@dataclass(frozen=True)
class Slab:
    """One tax row: a line, an HSN code or a rate with its taxable base and the tax on it."""

    key: str
    rate: Decimal
    base: Decimal
    central: Decimal
    state: Decimal
    integrated: Decimal

    @property
    def tax(self) -> Decimal:
        return self.central + self.state + self.integrated


@dataclass
class Invoice:
    """What every layout prints, worked out before any layout draws."""

    number: str
    issue: dt.date
    due: dt.date
    order_date: dt.date
    seller: Party
    buyer: Party
    consignee: Party
    rows: list[Row]
    slabs: list[Slab]
    intra: bool
    style: MoneyStyle
    dates: DateStyle
    quantities: QuantityStyle
    subtotal: Decimal
    tax: Decimal
    grand: Decimal
    round_off: Decimal
    bank: tuple[str, str, str, str]
    copy: str
    order_no: str
    dispatch_no: str
    eway: str | None
    vehicle: str
    terms_days: int
    einvoice: bool


def _check(fourteen: str) -> str:
    """The GSTIN check character: mod-36 Luhn over the first 14 characters."""
    total = 0
    for index, char in enumerate(fourteen):
        product = ALNUM.index(char) * (1 if index % 2 == 0 else 2)
        total += product // 36 + product % 36
    return ALNUM[(36 - total % 36) % 36]


def _pan(rng: random.Random, holder: str, initial: str) -> str:
    head = "".join(rng.choice(LETTERS) for _ in range(3))
    return f"{head}{holder}{initial}{names.digits(rng, 4)}{rng.choice(LETTERS)}"


def _gstin(rng: random.Random, code: str, pan: str) -> str:
    body = f"{code}{pan}{rng.choice('1111112')}Z"
    return body + _check(body)


def _business(rng: random.Random, nouns: list[str]) -> tuple[str, str, str]:
    """A business name, its PAN holder letter and the PAN's fifth character."""
    shape = rng.randrange(5)
    noun = rng.choice(nouns)
    surname = rng.choice(SURNAMES)
    if shape == 0:
        return f"{rng.choice(PIOUS)} {rng.choice(DEITIES)} {rng.choice(TRADER)}", "P", surname[0]
    if shape == 1:
        form = rng.choice(("Pvt. Ltd.", "Private Limited", "Pvt Ltd"))
        return f"{surname} {noun} {form}", "C", surname[0]
    if shape == 2:
        place = rng.choice(PLACES)
        form = rng.choice(("Pvt. Ltd.", "Limited", "LLP"))
        return f"{place} {noun} {form}", "F" if form == "LLP" else "C", place[0]
    if shape == 3:
        return f"{surname} {rng.choice(('& Sons', '& Co.', 'Brothers'))}", "F", surname[0]
    return f"{surname} {noun}", "P", surname[0]


def _party(rng: random.Random, name: str, code: str, pan: str, gstin: str | None = None) -> Party:
    state, _, cities = STATES[code]
    city, pin = rng.choice(cities)
    first = rng.choice(PREMISES).format(n=rng.randint(1, 240))
    address = (first, rng.choice(AREAS), f"{city} - {pin}")
    phone = f"+91 {rng.choice('6789')}{names.digits(rng, 4)} {names.digits(rng, 5)}"
    return Party(name, address, gstin or _gstin(rng, code, pan), pan, code, state, city, phone)


def _handle(name: str) -> str:
    return "".join(ch for ch in name.split()[0].lower() if ch.isalpha()) or "accounts"


def _rate_text(rate: Decimal) -> str:
    return format(rate.normalize(), "f")


def _price(rng: random.Random, low: float, high: float, round_prices: bool) -> Decimal:
    value = rng.uniform(low, high)
    if round_prices:
        return Decimal(max(100, int(value) // 100 * 100)) if high >= 500 else Decimal(int(value))
    roll = rng.random()
    if roll < 0.5:
        return Decimal(int(value))
    if roll < 0.65:
        return Decimal(int(value)) + Decimal("0.50")
    return Decimal(str(round(value, 2)))


def _rows(rng: random.Random, pool: list[Item], count: int, round_prices: bool) -> list[Row]:
    rows = []
    for text, unit, hsn, rate, low, high in rng.sample(pool, min(count, len(pool))):
        unit_price = _price(rng, low, high, round_prices)
        if round_prices and high < 500:
            amount_qty = Decimal(rng.choice((100, 200, 500)))
        elif unit in FRACTIONAL_UNITS and not round_prices:
            amount_qty = quantity(rng, fractional=0.45)
        elif high > 20000:
            amount_qty = Decimal(rng.choice((1, 1, 1, 2, 3)))
        elif high < 100:
            amount_qty = Decimal(rng.choice((50, 100, 200, 250, 500, 1000)))
        else:
            amount_qty = Decimal(rng.choice((1, 2, 2, 4, 5, 6, 10, 12, 20, 25, 50)))
        rows.append(Row(Line(text, amount_qty, unit_price, unit), hsn, Decimal(rate)))
    return rows


def _slab(key: str, rate: Decimal, base: Decimal, intra: bool) -> Slab:
    if intra:
        half = money(base * rate / 200)
        return Slab(key, rate, base, half, half, ZERO)
    return Slab(key, rate, base, ZERO, ZERO, money(base * rate / 100))


def _slabs(rows: list[Row], intra: bool, by: str) -> list[Slab]:
    """Tax per line (`line`), per HSN code and rate (`hsn`) or per rate (`rate`)."""
    if by == "line":
        return [_slab(row.hsn, row.rate, row.line.amount, intra) for row in rows]
    bases: dict[tuple[str, Decimal], Decimal] = {}
    for row in rows:
        key = (row.hsn if by == "hsn" else "", row.rate)
        bases[key] = bases.get(key, ZERO) + row.line.amount
    keys = list(bases) if by == "hsn" else sorted(bases, key=lambda k: k[1])
    return [_slab(key, rate, bases[(key, rate)], intra) for key, rate in keys]


def _per_rate(slabs: list[Slab]) -> list[Slab]:
    """Slabs summed per rate, in rising rate order (the tax ledgers and summary rows)."""
    merged: dict[Decimal, Slab] = {}
    for slab in slabs:
        seen = merged.get(slab.rate)
        if seen is None:
            merged[slab.rate] = Slab(
                "", slab.rate, slab.base, slab.central, slab.state, slab.integrated
            )
        else:
            merged[slab.rate] = Slab(
                "",
                slab.rate,
                seen.base + slab.base,
                seen.central + slab.central,
                seen.state + slab.state,
                seen.integrated + slab.integrated,
            )
    return [merged[rate] for rate in sorted(merged)]


def _below_hundred(n: int, hyphen: bool) -> str:
    if n < 20:
        return ONES[n]
    tens, unit = divmod(n, 10)
    if not unit:
        return TENS[tens]
    return f"{TENS[tens]}{'-' if hyphen else ' '}{ONES[unit]}"


def _words(n: int, *, hyphen: bool = False, british: bool = False) -> str:
    """A whole number in Indian-English words: crore, lakh, thousand, hundred."""
    if n == 0:
        return "Zero"
    parts = []
    for size, name in ((10**7, "Crore"), (10**5, "Lakh"), (1000, "Thousand"), (100, "Hundred")):
        count, n = divmod(n, size)
        if count:
            parts.append(f"{_words(count, hyphen=hyphen)} {name}")
    if n:
        if british and parts:
            parts.append("and")
        parts.append(_below_hundred(n, hyphen))
    return " ".join(parts)


def _amount_words(
    value: Decimal, prefix: str, *, hyphen: bool = False, british: bool = False
) -> str:
    rupees = int(value)
    paise = int((value - rupees) * 100)
    text = f"{prefix} {_words(rupees, hyphen=hyphen, british=british)}"
    if paise:
        text += f" and {_below_hundred(paise, hyphen)} paise"
    return f"{text} Only"


def _wrap(canvas: Canvas, text: str, width: float, size: float, *, bold: bool = False) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and canvas.width_of(trial, size=size, bold=bold) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines


def _rupee(canvas: Canvas, x: float, y: float, size: float) -> float:
    """The ₹ sign drawn as strokes (no glyph for it in the Base-14 fonts); returns its advance."""
    s = size
    pen = max(0.5, s * 0.07)
    canvas.line(x, y - 0.7 * s, x + 0.5 * s, y - 0.7 * s, width=pen)
    canvas.line(x, y - 0.52 * s, x + 0.5 * s, y - 0.52 * s, width=pen)
    bowl = [(0.1, -0.7), (0.3, -0.66), (0.36, -0.56), (0.3, -0.44), (0.06, -0.38)]
    for (x0, y0), (x1, y1) in itertools.pairwise(bowl):
        canvas.line(x + x0 * s, y + y0 * s, x + x1 * s, y + y1 * s, width=pen)
    canvas.line(x + 0.06 * s, y - 0.38 * s, x + 0.44 * s, y, width=pen)
    return 0.68 * s


def _money_with_sign(
    canvas: Canvas, right: float, y: float, figure: str, size: float, *, bold: bool = True
) -> None:
    """A right-aligned amount with the drawn rupee sign before it."""
    width = canvas.text(right, y, figure, size=size, bold=bold, align="right")
    _rupee(canvas, right - width - 0.72 * size, y, size)


def _qr(canvas: Canvas, rng: random.Random, x: float, y: float, side: float) -> None:
    cells = 25
    cell = side / cells
    for corner_x, corner_y in ((0, 0), (cells - 7, 0), (0, cells - 7)):
        x0, y0 = x + corner_x * cell, y + corner_y * cell
        canvas.box(x0, y0, x0 + 7 * cell, y0 + 7 * cell, stroke=None, fill=(0, 0, 0))
        canvas.box(x0 + cell, y0 + cell, x0 + 6 * cell, y0 + 6 * cell, stroke=None, fill=WHITE)
        canvas.box(
            x0 + 2 * cell, y0 + 2 * cell, x0 + 5 * cell, y0 + 5 * cell, stroke=None, fill=(0, 0, 0)
        )
    for col in range(cells):
        for row in range(cells):
            finder = (
                (col < 8 and row < 8)
                or (col >= cells - 8 and row < 8)
                or (col < 8 and row >= cells - 8)
            )
            if not finder and rng.random() < 0.48:
                x0, y0 = x + col * cell, y + row * cell
                canvas.box(x0, y0, x0 + cell, y0 + cell, stroke=None, fill=(0, 0, 0))


def _signed(style: MoneyStyle, value: Decimal, kind: str) -> str:
    """The round-off as each program prints it: Tally `(-)0.35`, others `-0.35` or `(-) 0.35`."""
    figure = style.number(abs(value))
    if value >= 0:
        return figure
    return {"tally": f"(-){figure}", "minus": f"-{figure}", "spaced": f"(-) {figure}"}[kind]


def _quantity_sum(rows: list[Row], quantities: QuantityStyle) -> str:
    units = {row.line.unit for row in rows}
    if len(units) != 1:
        return ""
    total = sum((row.line.quantity for row in rows), ZERO)
    return f"{quantities.number(total)} {units.pop()}"


def _tally(canvas: Canvas, rng: random.Random, inv: Invoice, vendor: str) -> tuple[bool, bool]:
    """Tally's boxed print; returns (tax sum printed, due date printed)."""
    left, right, mid = 28.0, 567.0, 300.0
    half = (mid + right) / 2
    size = rng.choice((7.0, 7.5, 7.5, 8.0))
    step = size + 2.5
    style, dates = inv.style, inv.dates
    italic_bold = ITALIC_BOLD[canvas.regular]
    canvas.text(297.6, 34, "Tax Invoice", size=12, bold=True, align="center")
    canvas.text(
        right, 34, f"({inv.copy.upper()})", size=6.5, align="right", fontname=ITALIC[canvas.regular]
    )
    y = 42.0
    if inv.einvoice:
        irn = "".join(rng.choice("0123456789abcdef") for _ in range(64))
        ack = f"1{names.digits(rng, 2)}2{names.digits(rng, 11)}"
        canvas.text(left, y + 18, f"IRN        : {irn}", size=6.5)
        canvas.text(left, y + 30, f"Ack No.   : {ack}", size=6.5, bold=True)
        canvas.text(left, y + 42, f"Ack Date : {dates.format(inv.issue)}", size=6.5, bold=True)
        canvas.text(right - 62, y + 8, "e-Invoice", size=7, bold=True, align="right")
        _qr(canvas, rng, right - 54, y, 52)
        y += 58
    top = y

    # Left: supplier, consignee, buyer.
    seller, buyer, consignee = inv.seller, inv.buyer, inv.consignee
    yy = top + step + 2
    canvas.text(left + 4, yy, vendor, size=size + 1.5, bold=True)
    seller_rows = [*seller.address, f"GSTIN/UIN: {seller.gstin}"]
    seller_rows.append(f"State Name : {seller.state}, Code : {seller.code}")
    if "Pvt" in vendor or "Private" in vendor or "PVT" in vendor or "PRIVATE" in vendor:
        abbr = STATES[seller.code][1]
        seller_rows.append(
            f"CIN: U{names.digits(rng, 5)}{abbr}{rng.randint(1998, 2019)}PTC{names.digits(rng, 6)}"
        )
    if rng.random() < 0.4:
        seller_rows.append(f"Contact : {seller.phone}")
    seller_rows.append(f"E-Mail : accounts@{_handle(vendor)}.in")
    for text in seller_rows:
        yy += step
        canvas.text(left + 4, yy, text, size=size)
    yy += 5
    canvas.line(left, yy, mid, yy, width=0.5)
    for label, party in (("Consignee (Ship to)", consignee), ("Buyer (Bill to)", buyer)):
        yy += step
        canvas.text(left + 4, yy, label, size=size - 1)
        yy += step
        canvas.text(left + 4, yy, party.name, size=size, bold=True)
        party_rows = [*party.address, f"GSTIN/UIN      : {party.gstin}"]
        party_rows.append(f"State Name     : {party.state}, Code : {party.code}")
        if label.startswith("Buyer") and rng.random() < 0.6:
            party_rows.append(f"Place of Supply : {consignee.state}")
        for text in party_rows:
            yy += step
            canvas.text(left + 4, yy, text, size=size)
        yy += 5
        if label.startswith("Consignee"):
            canvas.line(left, yy, mid, yy, width=0.5)
    left_bottom = yy

    # Right: the grid of label-over-value cells.
    ledger_date = dates.format(inv.issue)
    cells: list[tuple[tuple[str, str], tuple[str, str]]] = [
        (("Invoice No.", inv.number), ("Dated", ledger_date)),
    ]
    if inv.eway is not None:
        cells.append((("e-Way Bill No.", inv.eway), ("Dated", ledger_date)))
    delivery_note = rng.random() < 0.5
    terms = rng.choice((f"{inv.terms_days} Days", "Immediate", f"Credit {inv.terms_days} Days", ""))
    cells += [
        (
            ("Delivery Note", f"DN-{inv.dispatch_no[-4:]}" if delivery_note else ""),
            ("Mode/Terms of Payment", terms),
        ),
        (
            ("Reference No. & Date.", ""),
            ("Other References", rng.choice(("", "", "As per quotation"))),
        ),
        (("Buyer's Order No.", inv.order_no), ("Dated", dates.format(inv.order_date))),
        (
            ("Dispatch Doc No.", inv.dispatch_no),
            ("Delivery Note Date", ledger_date if delivery_note else ""),
        ),
        (("Dispatched through", rng.choice(TRANSPORTERS)), ("Destination", consignee.city)),
    ]
    if rng.random() < 0.5:
        cells.append(
            (
                ("Bill of Lading/LR-RR No.", f"LR {names.digits(rng, 6)}"),
                ("Motor Vehicle No.", inv.vehicle),
            )
        )
    cell_height = 2 * step + 3
    gy = top
    for (label_a, value_a), (label_b, value_b) in cells:
        for x, label, value in ((mid, label_a, value_a), (half, label_b, value_b)):
            canvas.text(x + 3, gy + step - 1, label, size=size - 1)
            if value:
                canvas.text(x + 3, gy + 2 * step - 1, value, size=size, bold=True)
        gy += cell_height
        canvas.line(mid, gy, right, gy, width=0.5)
    canvas.line(half, top, half, gy, width=0.5)
    canvas.text(mid + 3, gy + step - 1, "Terms of Delivery", size=size - 1)
    delivery = rng.choice(("", "Door Delivery", "Ex-Works", "F.O.R. Destination"))
    if delivery:
        canvas.text(mid + 3, gy + 2 * step - 1, delivery, size=size, bold=True)
    block_bottom = max(left_bottom, gy + 2 * step + 6)
    canvas.line(mid, top, mid, block_bottom, width=0.5)
    canvas.line(left, block_bottom, right, block_bottom, width=0.5)

    # The items table, the tax ledgers and the total.
    with_rate = rng.random() < 0.4
    if with_rate:
        edges = [left, left + 22, 236, 282, 318, 372, 424, 450, right]
        heads = [
            "Sl\nNo.",
            "Description of Goods",
            "HSN/SAC",
            "GST\nRate",
            "Quantity",
            "Rate",
            "per",
            "Amount",
        ]
    else:
        edges = [left, left + 22, 250, 300, 362, 420, 446, right]
        heads = ["Sl\nNo.", "Description of Goods", "HSN/SAC", "Quantity", "Rate", "per", "Amount"]
    col = {head.split("\n")[0]: (edges[i], edges[i + 1]) for i, head in enumerate(heads)}
    table_top = block_bottom
    header_height = 2 * step + 4
    for (x0, x1), head in zip(itertools.pairwise(edges), heads, strict=True):
        parts = head.split("\n")
        for offset, part in enumerate(parts):
            base = table_top + (step + 1 if len(parts) == 1 else step - 1) + offset * step + 2
            canvas.text((x0 + x1) / 2, base, part, size=size - 0.5, align="center")
    ry = table_top + header_height
    canvas.line(left, ry, right, ry, width=0.5)
    desc_x0, desc_x1 = col["Description of Goods"]
    qty_x1 = col["Quantity"][1]
    rate_x1 = col["Rate"][1]
    per_x0 = col["per"][0]
    ry += 3
    for index, row in enumerate(inv.rows, 1):
        ry += step + 2
        line = row.line
        canvas.text(left + 11, ry, str(index), size=size, align="center")
        canvas.text(desc_x0 + 3, ry, line.description, size=size, bold=True)
        canvas.text(col["HSN/SAC"][0] + 3, ry, row.hsn, size=size)
        if with_rate:
            canvas.text(
                col["GST"][1] - 3, ry, f"{_rate_text(row.rate)} %", size=size, align="right"
            )
        canvas.text(
            qty_x1 - 3,
            ry,
            f"{inv.quantities.number(line.quantity)} {line.unit}",
            size=size,
            bold=True,
            align="right",
        )
        canvas.text(rate_x1 - 3, ry, style.number(line.unit_price), size=size, align="right")
        canvas.text(per_x0 + 3, ry, line.unit, size=size)
        canvas.text(right - 3, ry, style.number(line.amount), size=size, align="right")
    ry += 7
    canvas.line(col["Amount"][0] + 6, ry, right - 2, ry, width=0.4)
    ry += step
    canvas.text(right - 3, ry, style.number(inv.subtotal), size=size, align="right")
    labels = rng.choice(
        (
            ("CGST", "SGST", "IGST"),
            ("Output CGST", "Output SGST", "Output IGST"),
            ("CGST @", "SGST @", "IGST @"),
        )
    )
    rate_in_column = not labels[0].endswith("@") and rng.random() < 0.6
    for slab in _per_rate(inv.slabs):
        entries = (
            [(labels[0], slab.rate / 2, slab.central), (labels[1], slab.rate / 2, slab.state)]
            if inv.intra
            else [(labels[2], slab.rate, slab.integrated)]
        )
        for label, rate, amount in entries:
            ry += step + 1
            text = (
                f"{label} {_rate_text(rate)}%"
                if label.endswith("@") or (len(_per_rate(inv.slabs)) > 1 and not rate_in_column)
                else label
            )
            canvas.text(desc_x1 - 4, ry, text, size=size, align="right", fontname=italic_bold)
            if rate_in_column:
                canvas.text(rate_x1 - 3, ry, _rate_text(rate), size=size, align="right")
                canvas.text(per_x0 + 3, ry, "%", size=size)
            canvas.text(right - 3, ry, style.number(amount), size=size, bold=True, align="right")
    if inv.round_off:
        ry += step + 1
        label = "Less : Round Off" if inv.round_off < 0 and rng.random() < 0.5 else "Round Off"
        canvas.text(desc_x1 - 4, ry, label, size=size, align="right", fontname=italic_bold)
        canvas.text(
            right - 3,
            ry,
            _signed(style, inv.round_off, "tally"),
            size=size,
            bold=True,
            align="right",
        )
    ry += rng.randint(6, 26)
    canvas.line(left, ry, right, ry, width=0.5)
    ry += step + 2
    canvas.text(desc_x1 - 4, ry, "Total", size=size, bold=True, align="right")
    summed = _quantity_sum(inv.rows, inv.quantities)
    if summed:
        canvas.text(qty_x1 - 3, ry, summed, size=size, bold=True, align="right")
    if rng.random() < 0.5:
        _money_with_sign(canvas, right - 3, ry, style.number(inv.grand), size + 1)
    else:
        canvas.text(right - 3, ry, style.number(inv.grand), size=size + 1, bold=True, align="right")
    ry += 5
    canvas.line(left, ry, right, ry, width=0.5)
    for x in edges[1:-1]:
        canvas.line(x, table_top, x, ry, width=0.5)

    # In words, then the HSN summary.
    ry += step
    canvas.text(left + 4, ry, "Amount Chargeable (in words)", size=size - 1)
    canvas.text(
        right - 4, ry, "E. & O.E", size=size - 1, align="right", fontname=ITALIC[canvas.regular]
    )
    ry += step + 1
    canvas.text(left + 4, ry, _amount_words(inv.grand, "INR"), size=size, bold=True)
    ry += 8
    canvas.line(left, ry, right, ry, width=0.5)
    summary_top = ry
    if inv.intra:
        s_edges = [left, 170, 250, 285, 345, 380, 440, right]
        groups = [("Central Tax", 2), ("State/UT Tax", 4)]
    else:
        s_edges = [left, 220, 320, 365, 455, right]
        groups = [("Integrated Tax", 2)]
    singles = {0: ["HSN/SAC"], 1: ["Taxable", "Value"], len(s_edges) - 2: ["Total", "Tax Amount"]}
    for index, parts in singles.items():
        x0, x1 = s_edges[index], s_edges[index + 1]
        for offset, part in enumerate(parts):
            canvas.text(
                (x0 + x1) / 2,
                ry + step + offset * step - (0 if len(parts) > 1 else -5),
                part,
                size=size - 0.5,
                align="center",
            )
    for name, first in groups:
        x0, x1 = s_edges[first], s_edges[first + 2]
        canvas.text((x0 + x1) / 2, ry + step, name, size=size - 0.5, align="center")
        canvas.line(x0, ry + step + 3, x1, ry + step + 3, width=0.4)
        canvas.text(
            (x0 + s_edges[first + 1]) / 2,
            ry + 2 * step + 1,
            "Rate",
            size=size - 0.5,
            align="center",
        )
        canvas.text(
            (s_edges[first + 1] + x1) / 2,
            ry + 2 * step + 1,
            "Amount",
            size=size - 0.5,
            align="center",
        )
    ry += 2 * step + 5
    canvas.line(left, ry, right, ry, width=0.5)
    summary = inv.slabs
    for slab in summary:
        ry += step
        if inv.intra:
            cells_text = [
                style.number(slab.base),
                f"{_rate_text(slab.rate / 2)}%",
                style.number(slab.central),
                f"{_rate_text(slab.rate / 2)}%",
                style.number(slab.state),
                style.number(slab.tax),
            ]
        else:
            cells_text = [
                style.number(slab.base),
                f"{_rate_text(slab.rate)}%",
                style.number(slab.integrated),
                style.number(slab.tax),
            ]
        canvas.text(left + 4, ry, slab.key, size=size)
        for index, text in enumerate(cells_text, 1):
            x1 = s_edges[index + 1]
            canvas.text(x1 - 3, ry, text, size=size, align="right")
    ry += 4
    canvas.line(left, ry, right, ry, width=0.5)
    ry += step
    totals = [style.number(inv.subtotal)]
    if inv.intra:
        central = sum((slab.central for slab in summary), ZERO)
        state = sum((slab.state for slab in summary), ZERO)
        totals += ["", style.number(central), "", style.number(state), style.number(inv.tax)]
    else:
        totals += ["", style.number(inv.tax), style.number(inv.tax)]
    canvas.text(s_edges[1] - 4, ry, "Total", size=size, bold=True, align="right")
    for index, text in enumerate(totals, 1):
        if text:
            canvas.text(s_edges[index + 1] - 3, ry, text, size=size, bold=True, align="right")
    ry += 4
    canvas.line(left, ry, right, ry, width=0.5)
    inner = {s_edges[first + 1] for _, first in groups}
    for x in s_edges[1:-1]:
        start = summary_top + step + 3 if x in inner else summary_top
        canvas.line(x, start, x, ry, width=0.5)
    ry += step + 2
    canvas.text(left + 4, ry, "Tax Amount (in words) :", size=size - 0.5)
    canvas.text(left + 100, ry, _amount_words(inv.tax, "INR"), size=size, bold=True)

    # PAN, declaration, bank details, signatory.
    ry += step + 6
    foot_top = ry
    canvas.text(left + 4, ry, "Company's PAN", size=size - 0.5)
    canvas.text(left + 80, ry, f":  {seller.pan}", size=size, bold=True)
    bank_name, account, ifsc, branch = inv.bank
    bank_rows = [
        ("A/c Holder's Name", vendor),
        ("Bank Name", bank_name),
        ("A/c No.", account),
        ("Branch & IFS Code", f"{branch} & {ifsc}"),
    ]
    canvas.text(mid + 4, ry, "Company's Bank Details", size=size - 0.5)
    by = ry
    for label, value in bank_rows:
        by += step
        canvas.text(mid + 4, by, label, size=size - 0.5)
        canvas.text(mid + 78, by, f":  {value}", size=size - 0.5, bold=True)
    dy = ry + step + 4
    canvas.text(left + 4, dy, "Declaration", size=size - 0.5)
    canvas.line(
        left + 4,
        dy + 1.5,
        left + 4 + canvas.width_of("Declaration", size=size - 0.5),
        dy + 1.5,
        width=0.4,
    )
    for text in _wrap(canvas, DECLARATION, mid - left - 14, size - 1):
        dy += step - 1
        canvas.text(left + 4, dy, text, size=size - 1)
    sign_top = max(by, dy) + 6
    canvas.line(mid, sign_top, right, sign_top, width=0.5)
    canvas.line(mid, sign_top, mid, sign_top + 48, width=0.5)
    canvas.text(right - 4, sign_top + step, f"for {vendor}", size=size, bold=True, align="right")
    canvas.text(right - 4, sign_top + 44, "Authorised Signatory", size=size - 0.5, align="right")
    if rng.random() < 0.5:
        canvas.text(left + 4, sign_top + 44, "Customer's Seal and Signature", size=size - 0.5)
    bottom = sign_top + 48
    canvas.line(left, foot_top - step, right, foot_top - step, width=0.5)
    canvas.box(left, top, right, bottom, width=0.8)
    canvas.text(
        297.6, bottom + 12, f"SUBJECT TO {seller.city.upper()} JURISDICTION", size=7, align="center"
    )
    canvas.text(297.6, bottom + 22, "This is a Computer Generated Invoice", size=7, align="center")
    assert bottom + 22 < A4[1] - 8, bottom
    return True, False


def _cloud(canvas: Canvas, rng: random.Random, inv: Invoice, paid: Decimal) -> tuple[bool, bool]:
    """The online invoicing service's print; returns (tax sum printed, due date printed)."""
    left, right = 36.0, 559.0
    style, dates = inv.style, inv.dates
    seller, buyer, consignee = inv.seller, inv.buyer, inv.consignee
    vendor = seller.name
    size = rng.choice((7.5, 8.0))
    step = size + 3.5
    sign = rng.random() < 0.5

    # Header: logo, supplier, title, number and the balance due.
    initials = "".join(word[0] for word in vendor.split()[:2] if word[0].isalpha()).upper()
    canvas.box(
        left,
        36,
        left + 42,
        78,
        stroke=None,
        fill=rng.choice(((0.85, 0.33, 0.1), (0.1, 0.4, 0.65), (0.15, 0.5, 0.3))),
    )
    canvas.text(left + 21, 62, initials, size=15, bold=True, align="center", color=WHITE)
    canvas.text(left + 52, 46, vendor, size=12, bold=True)
    head_rows = [
        *seller.address,
        seller.state,
        f"GSTIN {seller.gstin}",
        f"{seller.phone}  |  accounts@{_handle(vendor)}.com",
    ]
    y = 46.0
    for text in head_rows:
        y += step
        canvas.text(left + 52, y, text, size=size - 0.5)
    canvas.text(right, 30, inv.copy.upper(), size=6.5, align="right", color=GREY)
    canvas.text(right, 56, "TAX INVOICE", size=20, bold=True, align="right")
    canvas.text(right, 70, f"# {inv.number}", size=9, bold=True, align="right")
    balance = inv.grand - paid
    canvas.text(right, 88, "Balance Due", size=size, align="right", color=GREY)
    if sign:
        _money_with_sign(canvas, right, 102, style.number(balance), 11)
    else:
        canvas.text(right, 102, style.amount(balance), size=11, bold=True, align="right")
    y = max(y, 102) + 14
    if inv.einvoice:
        irn = "".join(rng.choice("0123456789abcdef") for _ in range(64))
        canvas.text(left, y, f"IRN: {irn}", size=6.5, color=GREY)
        ack = f"1{names.digits(rng, 2)}2{names.digits(rng, 11)}"
        canvas.text(
            left,
            y + 9,
            f"Ack No: {ack}   Ack Date: {dates.format(inv.issue)}",
            size=6.5,
            color=GREY,
        )
        y += 20
    canvas.line(left, y, right, y, width=0.4, color=RULE)

    # Bill to, ship to and the invoice facts.
    y += 16
    block_top = y
    for x, label, party in ((left, "Bill To", buyer), (200.0, "Ship To", consignee)):
        yy = block_top
        canvas.text(x, yy, label, size=size, bold=True, color=GREY)
        yy += step
        canvas.text(x, yy, party.name, size=size, bold=True)
        for text in (*party.address, f"{party.state}, India", f"GSTIN {party.gstin}"):
            yy += step - 0.5
            canvas.text(x, yy, text, size=size - 0.5)
        y = max(y, yy)
    facts = [
        ("Invoice Date :", dates.format(inv.issue)),
        ("Terms :", f"Net {inv.terms_days}"),
        ("Due Date :", dates.format(inv.due)),
    ]
    if rng.random() < 0.6:
        facts.append(("P.O.# :", inv.order_no))
    if inv.eway is not None:
        facts.append(("E-Way Bill No. :", inv.eway))
    facts.append(("Place Of Supply :", f"{consignee.state} ({consignee.code})"))
    fy = block_top
    for label, value in facts:
        canvas.text(372, fy, label, size=size, color=GREY)
        canvas.text(right, fy, value, size=size, align="right")
        fy += step + 1
    y = max(y, fy) + 14

    # The table, the tax per line in column pairs.
    taxable_column = not inv.intra and rng.random() < 0.6
    pair = ["CGST", "SGST"] if inv.intra else ["IGST"]
    widths: list[tuple[str, float]] = [("HSN/SAC", 44), ("Qty", 44), ("Rate", 54)]
    if taxable_column:
        widths.append(("Taxable Value", 60))
    for name in pair:
        widths += [(f"{name}|%", 28), (f"{name}|Amt", 50)]
    widths.append(("Total" if taxable_column else "Amount", 60))
    desc_x = left + 18
    fixed = sum(width for _, width in widths)
    x = right - fixed
    spans: list[tuple[str, float, float]] = []
    for name, width in widths:
        spans.append((name, x, x + width))
        x += width
    header_height = 26.0
    canvas.box(left, y, right, y + header_height, stroke=None, fill=BAND)
    head_size = size - 0.5
    canvas.text(left + 4, y + 16, "#", size=head_size, bold=True, color=WHITE)
    canvas.text(desc_x, y + 16, "Item & Description", size=head_size, bold=True, color=WHITE)
    for name, x0, x1 in spans:
        if "|" in name:
            group, part = name.split("|")
            canvas.text(x1 - 3, y + 21, part, size=head_size, bold=True, align="right", color=WHITE)
            if part == "%":
                canvas.text(
                    x0 + 39, y + 10, group, size=head_size, bold=True, align="center", color=WHITE
                )
                canvas.line(x0 + 4, y + 13, x0 + 74, y + 13, width=0.4, color=WHITE)
        elif name == "HSN/SAC":
            canvas.text(x0 + 2, y + 16, name, size=head_size, bold=True, color=WHITE)
        else:
            canvas.text(x1 - 3, y + 16, name, size=head_size, bold=True, align="right", color=WHITE)
    y += header_height
    for index, (row, slab) in enumerate(zip(inv.rows, inv.slabs, strict=True), 1):
        line = row.line
        y += 16
        tax_cells: list[str] = []
        if inv.intra:
            tax_cells = [
                f"{_rate_text(row.rate / 2)}%",
                style.number(slab.central),
                f"{_rate_text(row.rate / 2)}%",
                style.number(slab.state),
            ]
        else:
            tax_cells = [f"{_rate_text(row.rate)}%", style.number(slab.integrated)]
        cells = [
            row.hsn,
            inv.quantities.number(line.quantity)
            + ("" if line.unit in ("Nos", "Job") else f" {line.unit}"),
            style.number(line.unit_price),
        ]
        if taxable_column:
            cells.append(style.number(line.amount))
        cells += tax_cells
        cells.append(
            style.number(line.amount + slab.tax) if taxable_column else style.number(line.amount)
        )
        canvas.text(left + 4, y - 4, str(index), size=size)
        canvas.text(desc_x, y - 4, line.description, size=size)
        for (name, x0, x1), cell in zip(spans, cells, strict=True):
            if name == "HSN/SAC":
                canvas.text(x0 + 2, y - 4, cell, size=size)
            else:
                canvas.text(x1 - 3, y - 4, cell, size=size, align="right")
        canvas.line(left, y, right, y, width=0.3, color=RULE)

    # Totals on the right, words, bank and terms on the left.
    y += 16
    words_top = y
    totals: list[tuple[str, str]] = [("Sub Total", style.number(inv.subtotal))]
    per_rate = _per_rate(inv.slabs)
    for slab in per_rate:
        if inv.intra:
            h = _rate_text(slab.rate / 2)
            totals += [
                (f"CGST{h} ({h}%)", style.number(slab.central)),
                (f"SGST{h} ({h}%)", style.number(slab.state)),
            ]
        else:
            r = _rate_text(slab.rate)
            totals.append((f"IGST{r} ({r}%)", style.number(slab.integrated)))
    total_tax_row = rng.random() < 0.45
    if total_tax_row:
        totals.append(
            (rng.choice(("Total Tax", "Total GST", "Total Tax Amount")), style.number(inv.tax))
        )
    if inv.round_off:
        totals.append(
            (
                rng.choice(("Round Off", "Rounding", "Rounded Off")),
                _signed(style, inv.round_off, rng.choice(("minus", "spaced"))),
            )
        )
    ty = y
    for label, value in totals:
        canvas.text(360, ty, label, size=size)
        canvas.text(right - 4, ty, value, size=size, align="right")
        ty += step + 2
    canvas.box(352, ty - step + 1, right, ty + 6, stroke=None, fill=(0.94, 0.94, 0.94))
    ty += 2
    canvas.text(360, ty, "Total", size=size + 1.5, bold=True)
    if sign:
        _money_with_sign(canvas, right - 4, ty, style.number(inv.grand), size + 1.5)
    else:
        canvas.text(
            right - 4, ty, style.amount(inv.grand), size=size + 1.5, bold=True, align="right"
        )
    ty += step + 6
    if paid:
        canvas.text(360, ty, "Payment Made", size=size)
        canvas.text(
            right - 4,
            ty,
            f"(-) {style.number(paid)}",
            size=size,
            align="right",
            color=(0.75, 0.1, 0.1),
        )
        ty += step + 2
        canvas.text(360, ty, "Balance Due", size=size, bold=True)
        canvas.text(right - 4, ty, style.amount(balance), size=size, bold=True, align="right")
        ty += step + 2
    wy = words_top
    canvas.text(left, wy, "Total In Words", size=size, bold=True)
    words = _amount_words(inv.grand, "Indian Rupee", hyphen=True)
    for text in _wrap(canvas, words, 300, size, bold=True):
        wy += step
        canvas.text(left, wy, text, size=size, bold=True, fontname=ITALIC_BOLD[canvas.regular])
    wy += step + 8
    canvas.text(left, wy, "Notes", size=size, bold=True)
    wy += step
    canvas.text(
        left,
        wy,
        rng.choice(("Thanks for your business.", "Looking forward for your business.")),
        size=size - 0.5,
    )
    wy += step + 8
    bank_name, account, ifsc, branch = inv.bank
    canvas.text(left, wy, "Bank Details", size=size, bold=True)
    bank_rows = [
        f"Bank: {bank_name}, {branch}",
        f"A/c No: {account}   IFSC: {ifsc}",
        f"UPI: {_handle(vendor)}{names.digits(rng, 2)}@ok{rng.choice(UPI_BANKS)}",
    ]
    for text in bank_rows:
        wy += step
        canvas.text(left, wy, text, size=size - 0.5)
    wy += step + 8
    canvas.text(left, wy, "Terms & Conditions", size=size, bold=True)
    terms = [
        f"Interest @ 18% p.a. will be charged if payment is not made within {inv.terms_days} days.",
        "Goods once sold will not be taken back.",
    ]
    for text in terms:
        wy += step
        canvas.text(left, wy, text, size=size - 0.5)
    sy = max(wy, ty) + 46
    canvas.line(right - 150, sy - 10, right, sy - 10, width=0.5)
    canvas.text(right - 75, sy, "Authorized Signature", size=size, align="center")
    canvas.text(left, A4[1] - 24, "This is a computer generated invoice.", size=6.5, color=GREY)
    assert sy < A4[1] - 30, sy
    tax_printed = total_tax_row or (not inv.intra and len(per_rate) == 1)
    return tax_printed, True


def _classic(canvas: Canvas, rng: random.Random, inv: Invoice) -> tuple[bool, bool]:
    """The spreadsheet template's print; returns (tax sum printed, due date printed)."""
    left, right = 30.0, 565.0
    mid = (left + right) / 2
    style, dates = inv.style, inv.dates
    seller, buyer, consignee = inv.seller, inv.buyer, inv.consignee
    vendor = seller.name
    size = rng.choice((7.5, 8.0))
    step = size + 4
    top = 30.0
    canvas.text(left + 4, top + 12, f"GSTIN : {seller.gstin}", size=size, bold=True)
    canvas.text(right - 4, top + 12, f"Mob. : {seller.phone}", size=size, align="right")
    canvas.text(mid, top + 36, vendor, size=17, bold=True, align="center")
    canvas.text(
        mid, top + 49, ", ".join(seller.address) + f", {seller.state}", size=size, align="center"
    )
    mailbox = f"{_handle(vendor)}{rng.choice(('', '.sales', '123'))}@gmail.com"
    email = f"Email : {mailbox}   |   PAN : {seller.pan}"
    if rng.random() < 0.4:
        udyam = f"UDYAM-{STATES[seller.code][1]}-{rng.randint(10, 35)}-{names.digits(rng, 7)}"
        email += f"   |   Udyam : {udyam}"
    canvas.text(mid, top + 61, email, size=size - 0.5, align="center")
    y = top + 68
    canvas.box(left, y, right, y + 18, stroke=None, fill=LIGHT)
    canvas.line(left, y, right, y, width=0.6)
    canvas.text(mid, y + 13, "TAX INVOICE", size=12, bold=True, align="center")
    y += 18
    canvas.line(left, y, right, y, width=0.6)
    copies = ["Original for Recipient", "Duplicate for Transporter", "Triplicate for Supplier"]
    ticked = {"ORIGINAL FOR RECIPIENT": 0, "DUPLICATE FOR TRANSPORTER": 1}.get(inv.copy.upper(), 2)
    x = left + 60
    for index, text in enumerate(copies):
        canvas.box(x, y + 4, x + 7, y + 11, width=0.5)
        if index == ticked:
            canvas.text(x + 3.5, y + 10.2, "X", size=7, bold=True, align="center")
        canvas.text(x + 11, y + 10.5, text, size=size - 0.5)
        x += 160
    y += 14
    canvas.line(left, y, right, y, width=0.6)

    # The invoice facts in two columns.
    issue = dates.format(inv.issue)
    due_printed = rng.random() < 0.3
    left_pairs = [
        ("Reverse Charge", rng.choice(("No", "N"))),
        ("Invoice No.", inv.number),
        ("Invoice Date", issue),
    ]
    if due_printed:
        left_pairs.append(("Due Date", dates.format(inv.due)))
    left_pairs.append(("State", seller.state))
    supply = dates.format(inv.issue + dt.timedelta(days=rng.choice((0, 0, 1))))
    right_pairs = [
        ("Transport Mode", rng.choice(("By Road", "Road", "Courier", "Hand Delivery"))),
        ("Vehicle Number", inv.vehicle),
        ("Date of Supply", supply),
        ("Place of Supply", f"{consignee.state} ({consignee.code})"),
    ]
    if inv.eway is not None:
        right_pairs.append(("E-Way Bill No.", inv.eway))
    fy = y
    for label, value in left_pairs:
        fy += step
        canvas.text(left + 4, fy, label, size=size)
        canvas.text(left + 80, fy, f":  {value}", size=size, bold=label == "Invoice No.")
    canvas.text(mid - 50, fy, "Code", size=size)
    canvas.box(mid - 28, fy - size - 1, mid - 4, fy + 3, width=0.5)
    canvas.text(mid - 16, fy, seller.code, size=size, align="center")
    ry = y
    for label, value in right_pairs:
        ry += step
        canvas.text(mid + 4, ry, label, size=size)
        canvas.text(mid + 80, ry, f":  {value}", size=size)
    y = max(fy, ry) + 6
    canvas.line(left, y, right, y, width=0.6)
    canvas.line(mid, y - (max(len(left_pairs), len(right_pairs)) * step + 6), mid, y, width=0.6)

    # Bill to / ship to.
    canvas.box(left, y, right, y + 14, stroke=None, fill=LIGHT)
    canvas.text((left + mid) / 2, y + 10, "Bill to Party", size=size, bold=True, align="center")
    canvas.text((mid + right) / 2, y + 10, "Ship to Party", size=size, bold=True, align="center")
    y += 14
    canvas.line(left, y, right, y, width=0.6)
    party_top = y
    for x0, party in ((left, buyer), (mid, consignee)):
        yy = party_top
        party_rows = [
            ("Name", party.name),
            ("Address", party.address[0]),
            ("", party.address[1]),
            ("", party.address[2]),
            ("GSTIN", party.gstin),
            ("State", party.state),
        ]
        for label, value in party_rows:
            yy += step
            canvas.text(x0 + 4, yy, label, size=size)
            canvas.text(
                x0 + 48, yy, f"{':' if label else ' '}  {value}", size=size, bold=label == "Name"
            )
        canvas.text(x0 + 170, yy, f"Code :  {party.code}", size=size)
        y = max(y, yy)
    y += 6
    canvas.line(mid, party_top, mid, y, width=0.6)
    canvas.line(left, y, right, y, width=0.6)

    # The item grid.
    edges = [left, left + 26, 236, 280, 318, 348, 408, 470, 505, right]
    heads = [
        "S.No.",
        "Product Description",
        "HSN/SAC",
        "Qty",
        "UOM",
        "Rate",
        "Amount",
        "Disc.",
        "Taxable\nValue",
    ]
    table_top = y
    canvas.box(left, y, right, y + 24, stroke=None, fill=LIGHT)
    for (x0, x1), head in zip(itertools.pairwise(edges), heads, strict=True):
        parts = head.split("\n")
        for offset, part in enumerate(parts):
            canvas.text(
                (x0 + x1) / 2,
                y + (15 if len(parts) == 1 else 10) + offset * 9,
                part,
                size=size - 0.5,
                bold=True,
                align="center",
            )
    y += 24
    canvas.line(left, y, right, y, width=0.6)
    row_height = 13.0
    blank = rng.choice(("0.00", "-", ""))
    for index, row in enumerate(inv.rows, 1):
        line = row.line
        y += row_height
        cells = [
            str(index),
            line.description,
            row.hsn,
            inv.quantities.number(line.quantity),
            line.unit,
            style.number(line.unit_price),
            style.number(line.amount),
            blank,
            style.number(line.amount),
        ]
        for column, cell in enumerate(cells):
            x0, x1 = edges[column], edges[column + 1]
            if column in (0, 4):
                canvas.text((x0 + x1) / 2, y - 4, cell, size=size, align="center")
            elif column in (1, 2):
                canvas.text(x0 + 3, y - 4, cell, size=size)
            else:
                canvas.text(x1 - 3, y - 4, cell, size=size, align="right")
        canvas.line(left, y, right, y, width=0.3)
    for _ in range(max(0, rng.choice((6, 8, 10)) - len(inv.rows))):
        y += row_height
        canvas.line(left, y, right, y, width=0.3)
    y += row_height + 2
    canvas.text(edges[2] - 4, y - 4, "Total", size=size, bold=True, align="right")
    total_qty = sum((row.line.quantity for row in inv.rows), ZERO)
    canvas.text(
        edges[4] - 3, y - 4, inv.quantities.number(total_qty), size=size, bold=True, align="right"
    )
    canvas.text(
        edges[7] - 3, y - 4, style.number(inv.subtotal), size=size, bold=True, align="right"
    )
    canvas.text(edges[8] - 3, y - 4, blank, size=size, bold=True, align="right")
    canvas.text(
        edges[9] - 3, y - 4, style.number(inv.subtotal), size=size, bold=True, align="right"
    )
    canvas.line(left, y, right, y, width=0.6)
    for x in edges[1:-1]:
        canvas.line(x, table_top, x, y, width=0.4)

    # Summary on the right, words, bank and terms on the left.
    split = 340.0
    block_top = y
    summary_rows: list[tuple[str, str, bool]] = [
        ("Total Amount before Tax", style.number(inv.subtotal), False)
    ]
    per_rate = _per_rate(inv.slabs)
    single = len(per_rate) == 1
    rate = per_rate[0].rate if single else None
    central = sum((slab.central for slab in per_rate), ZERO)
    state = sum((slab.state for slab in per_rate), ZERO)
    integrated = sum((slab.integrated for slab in per_rate), ZERO)
    if single and rate is not None:
        half_text, full_text = f" @ {_rate_text(rate / 2)}%", f" @ {_rate_text(rate)}%"
        if inv.intra:
            full_text = ""
        else:
            half_text = ""
    else:
        half_text = full_text = ""
    summary_rows += [
        (f"Add : CGST{half_text}", style.number(central), False),
        (f"Add : SGST{half_text}", style.number(state), False),
        (f"Add : IGST{full_text}", style.number(integrated), False),
        ("Total Tax Amount", style.number(inv.tax), False),
        ("Round Off", _signed(style, inv.round_off, "minus"), False),
        ("Total Amount after Tax", style.amount(inv.grand), True),
        ("GST on Reverse Charge", "0.00", False),
    ]
    sy = block_top
    for label, value, strong in summary_rows:
        sy += step + 1
        canvas.text(split + 4, sy, label, size=size, bold=strong)
        canvas.text(right - 4, sy, value, size=size, bold=strong, align="right")
        canvas.line(split, sy + 4, right, sy + 4, width=0.3)
    wy = block_top
    canvas.box(left, wy, split, wy + 13, stroke=None, fill=LIGHT)
    canvas.text(
        (left + split) / 2,
        wy + 9.5,
        "Total Invoice Amount in Words",
        size=size,
        bold=True,
        align="center",
    )
    wy += 13
    for text in _wrap(
        canvas, _amount_words(inv.grand, "Rupees", british=True), split - left - 10, size, bold=True
    ):
        wy += step
        canvas.text(left + 4, wy, text, size=size, bold=True)
    wy += 6
    canvas.box(left, wy, split, wy + 13, stroke=None, fill=LIGHT)
    canvas.text((left + split) / 2, wy + 9.5, "Bank Details", size=size, bold=True, align="center")
    wy += 13
    bank_name, account, ifsc, branch = inv.bank
    for label, value in (
        ("Bank Name", bank_name),
        ("Bank A/C", account),
        ("Bank IFSC", ifsc),
        ("Branch", branch),
    ):
        wy += step
        canvas.text(left + 4, wy, label, size=size)
        canvas.text(left + 70, wy, f":  {value}", size=size)
    wy += 6
    canvas.box(left, wy, split, wy + 13, stroke=None, fill=LIGHT)
    canvas.text(
        (left + split) / 2, wy + 9.5, "Terms & Conditions", size=size, bold=True, align="center"
    )
    wy += 13
    terms = [
        "1. Goods once sold will not be taken back.",
        f"2. Interest @ 18% p.a. charged on bills unpaid after {inv.terms_days} days.",
        f"3. Subject to {seller.city} jurisdiction only.",
    ]
    for text in terms:
        wy += step
        canvas.text(left + 4, wy, text, size=size - 0.5)
    wy += 6
    sy += 10
    canvas.text(
        (split + right) / 2,
        sy + 4,
        "Certified that the particulars given above are true and correct.",
        size=size - 1.5,
        align="center",
    )
    for_name = vendor.upper() if rng.random() < 0.6 else vendor
    canvas.text(
        (split + right) / 2, sy + 18, f"For {for_name}", size=size, bold=True, align="center"
    )
    canvas.text(
        (split + right) / 2, sy + 58, "Authorised Signatory", size=size, bold=True, align="center"
    )
    bottom = max(wy, sy + 64)
    canvas.line(split, block_top, split, bottom, width=0.6)
    canvas.text(
        (left + split) / 2, bottom - 6, "Common Seal", size=size - 0.5, align="center", color=GREY
    )
    canvas.line(left, bottom, right, bottom, width=0.6)
    canvas.box(left, top, right, bottom, width=0.9)
    assert bottom < A4[1] - 20, bottom
    return True, due_printed


def build(rng: random.Random) -> Rendered:
    layout = rng.choice(("tally", "tally", "cloud", "cloud", "classic"))
    patterns = {
        "tally": ("{d}-{mon}-{yy}", "{d}-{mon}-{yy}", "{dd}-{mon}-{yyyy}", "{d}-{mon}-{yyyy}"),
        "cloud": ("{dd}/{mm}/{yyyy}", "{dd}-{mm}-{yyyy}", "{dd} {mon} {yyyy}"),
        "classic": ("{dd}.{mm}.{yyyy}", "{dd}/{mm}/{yyyy}", "{dd}-{mm}-{yyyy}"),
    }
    dates_style = DateStyle(rng.choice(patterns[layout]))
    terms_days = rng.choice((15, 30, 30, 45, 60))
    dates = pick_dates(rng, dates_style, due_days=(terms_days,))
    issue = dates.issue
    fy_start = issue.year if issue.month >= 4 else issue.year - 1
    fy_long = f"{fy_start}-{(fy_start + 1) % 100:02d}"
    fy_short = f"{fy_start % 100:02d}-{(fy_start + 1) % 100:02d}"
    canvas = Canvas(*A4, family=rng.choice(("helv", "helv", "helv", "tiro")))

    # Who sells what to whom, and where.
    trade = rng.choice(sorted(TRADES))
    nouns, pool = TRADES[trade]
    seller_code = rng.choice(sorted(STATES))
    intra = rng.random() < 0.55
    buyer_code = (
        seller_code if intra else rng.choice([c for c in sorted(STATES) if c != seller_code])
    )
    vendor, holder, initial = _business(rng, nouns)
    if layout == "tally" and rng.random() < 0.25:
        vendor = vendor.upper()
    seller = _party(rng, vendor, seller_code, _pan(rng, holder, initial))
    buyer_name, buyer_holder, buyer_initial = _business(rng, BUYER_NOUNS)
    while buyer_name.lower() == vendor.lower():
        buyer_name, buyer_holder, buyer_initial = _business(rng, BUYER_NOUNS)
    buyer = _party(rng, buyer_name, buyer_code, _pan(rng, buyer_holder, buyer_initial))
    consignee = buyer
    if rng.random() < 0.35:
        consignee = _party(rng, buyer_name, buyer_code, buyer.pan, buyer.gstin)

    # Lines and the tax.
    einvoice = rng.random() < {"tally": 0.35, "cloud": 0.2, "classic": 0.0}[layout]
    limit = {"tally": 4 if einvoice else 6, "cloud": 8, "classic": 9}[layout]
    round_prices = rng.random() < 0.3
    rows = _rows(rng, pool, rng.randint(1, limit), round_prices)
    slabs = _slabs(rows, intra, {"tally": "hsn", "cloud": "line", "classic": "rate"}[layout])
    subtotal = sum((row.line.amount for row in rows), ZERO)
    tax = sum((slab.tax for slab in slabs), ZERO)
    raw = subtotal + tax
    grand = raw.quantize(Decimal(1), rounding=ROUND_HALF_UP)

    style: MoneyStyle
    symbol = {
        "tally": "",
        "cloud": rng.choice(("Rs.", "INR", "")),
        "classic": rng.choice(("Rs.", "")),
    }[layout]
    indian = rng.random() < 0.85
    style = IndianMoney(",", ".", symbol) if indian else MoneyStyle(",", ".", symbol)
    quantities: QuantityStyle = (
        FixedQuantity(".", places=2)
        if layout != "classic" and rng.random() < 0.35
        else QuantityStyle(".")
    )

    patterns_no = {
        "tally": (
            "{n}",
            f"{{n:03d}}/{fy_short}",
            f"TI/{fy_short}/{{n:04d}}",
            f"SI-{{n}}/{fy_long}",
        ),
        "cloud": (
            f"INV/{fy_long}/{{n:04d}}",
            "INV-{n:06d}",
            f"INV-{fy_short.replace('-', '')}-{{n:04d}}",
        ),
        "classic": (
            f"GST/{fy_short}/{{n}}",
            "{n:03d}",
            f"{vendor[0].upper()}T/{{n:03d}}/{fy_short}",
        ),
    }
    number_text = rng.choice(patterns_no[layout]).format(n=rng.randint(1, 1450))
    bank_name, prefix = rng.choice(BANKS)
    account = names.digits(rng, rng.choice((11, 12, 14, 15)))
    branch = rng.choice(AREAS)
    abbr = STATES[seller_code][1]
    series = rng.choice(LETTERS) + rng.choice(LETTERS)
    vehicle = f"{abbr} {rng.randint(1, 50):02d} {series} {names.digits(rng, 4)}"
    order_no = rng.choice(
        (
            f"PO/{fy_long}/{rng.randint(1, 2400):04d}",
            f"45000{names.digits(rng, 5)}",
            f"PO-{names.digits(rng, 5)}",
        )
    )
    inv = Invoice(
        number=number_text,
        issue=issue,
        due=dates.due,
        order_date=dates.other[0],
        seller=seller,
        buyer=buyer,
        consignee=consignee,
        rows=rows,
        slabs=slabs,
        intra=intra,
        style=style,
        dates=dates_style,
        quantities=quantities,
        subtotal=subtotal,
        tax=tax,
        grand=grand,
        round_off=grand - raw,
        bank=(bank_name, account, f"{prefix}0{names.digits(rng, 6)}", branch),
        copy=rng.choice(
            ("Original for Recipient",) * 3
            + ("Duplicate for Transporter", "Triplicate for Supplier")
        ),
        order_no=order_no,
        dispatch_no=f"DC/{fy_short}/{rng.randint(1, 2400):04d}",
        eway=f"{rng.choice('1234567')}{names.digits(rng, 11)}"
        if grand > 50000 and rng.random() < 0.7
        else None,
        vehicle=vehicle,
        terms_days=terms_days,
        einvoice=einvoice,
    )
    if layout == "tally":
        tax_printed, due_printed = _tally(canvas, rng, inv, vendor)
    elif layout == "cloud":
        paid = ZERO
        if rng.random() < 0.25 and grand > 2000:
            paid = Decimal(int(grand * Decimal(rng.choice(("0.25", "0.4", "0.5")))) // 100 * 100)
        tax_printed, due_printed = _cloud(canvas, rng, inv, paid)
    else:
        tax_printed, due_printed = _classic(canvas, rng, inv)

    # The bench keeps subtotal + tax = total: with a round-off, one of them stays out.
    keep_tax, keep_subtotal = tax_printed, True
    if inv.round_off and tax_printed:
        if rng.random() < 0.5:
            keep_tax = False
        else:
            keep_subtotal = False
    fields = truth_fields(
        number=number_text,
        issue=issue,
        due=dates.due if due_printed else None,
        vendor=vendor,
        total=grand,
        subtotal=subtotal if keep_subtotal else None,
        tax=tax if keep_tax else None,
        currency="INR",
        lines=[row.line for row in rows] if keep_subtotal else None,
    )
    weights: dict[str, list[tuple[float, Literal["png", "jpg"] | None]]] = {
        "tally": [(6, None), (3, "jpg"), (1, "png")],
        "cloud": [(9, None), (1, "jpg")],
        "classic": [(5, None), (4, "jpg"), (1, "png")],
    }
    image = choose(rng, weights[layout])
    return Rendered(
        fields,
        "en",
        "invoice",
        canvas.pdf(title=number_text),
        style,
        dates_style,
        quantities,
        ("INR", "Rs.", "Rupee"),
        image=image,
    )
