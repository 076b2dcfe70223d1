"""`africa-invoice`: tax invoices from South Africa, Kenya, Nigeria and Ghana, in English.

Country conventions. South Africa (ZAR): `TAX INVOICE` heading (SARS requires the words), VAT 15 %,
the seller's VAT number (ten digits starting with 4) and company registration number
(`2015/123456/07`), often a B-BBEE level line with its procurement-recognition percentage and a
directors line; amounts `R 12 345,67`, `R12,345.67` or `R 12 345.67`; dates `2024/03/05`,
`05/03/2024`, `5 March 2024` or `05 Mar 2024`; zero-rated lines (basic foods, exports) marked `0%`
or `Z`. Kenya (KES): KRA PIN `P051234567X` of seller and buyer, VAT 16 %, `KES` / `KSh` / `Ksh`, an
eTIMS block (CU serial number, CU invoice number, internal data, receipt signature, a QR code to
verify), exempt lines marked `E` or `A-EX`, M-Pesa paybill or till numbers for payment. Nigeria
(NGN): VAT 7.5 %, TIN `12345678-0001` and RC number, `NGN 1,234.56`, `N1,234.56` or `₦1,234.56` (on
some pages the naira sign is drawn as an `N` with two strokes through it, so the text layer reads
`N`), dates `05/03/2024` or `5th March, 2024`, an `LPO No.`, on some ledger prints a
withholding-tax note under the total (`Less WHT (5%)`, `Net amount payable`), and NUBAN bank
transfer details. Ghana (GHS): `GH¢`, `GHS` or `GHC`, TIN `C0012345678`, a GhanaPost GPS digital
address (`GA-183-8164`), and the taxes of the 2022 regime: NHIL 2.5 %, GETFund levy 2.5 % and
COVID-19 levy 1 % each computed on the net value of supply, then VAT 15 % on the net plus the three
levies (21.9 % in all), each printed on its own row, with on some pages the VAT base (`Total before
VAT`, `Taxable Value`) as a row between.

Four layout families.

- `ledger` (an accounting package's print, Sage-, Xero- or QuickBooks-like, A4): seller block and
  `TAX INVOICE` (or `INVOICE`, `VAT INVOICE`), a label/value block (`Invoice No. / Date / Due Date
  or Terms / Your Reference / Order Date / Sales Rep / Page`), `Bill To` with the customer's VAT
  number, PIN or TIN, a `Deliver To` on some; either a Sage table `Code | Description | Qty | Excl.
  Price | Disc % | VAT % | Excl. Total | Incl. Total` (the inclusive column on some, the discount
  always 0) or `Description | Qty | Rate | VAT | Amount`; totals on the right; amount paid and
  balance due on some; amount in words (rarely in South Africa); banking details; B-BBEE and
  directors footer (South Africa), an eTIMS box with a QR code (Kenya), a WHT note (Nigeria).
- `template` (a small business's Word template, A4, often scanned): centred letterhead,
  `INVOICE` / `TAX INVOICE`, `Bill To` beside `Invoice No / Date / LPO No / Delivery Note No /
  Due Date`, a ruled `S/N | Description | Qty | Unit Price | Amount` grid, totals in the grid,
  on some a deposit taken off (`Less: Deposit paid`, `Balance Due`), amount in words, payment
  terms (`Payment due within 30 days` where no due date is printed), bank details, signature lines.
- `pos` (a retail till slip, 80 mm, usually scanned): shop name and branch, ids, `TAX INVOICE`,
  till, cashier and slip numbers, an invoice or receipt number, date and time, items (`2 x
  12.99`, weighed items `0.856 kg @ 89.99`), `TOTAL`, tendered and change or card lines, items
  count; prices include VAT in South Africa, Kenya and Nigeria (a VAT analysis with the VAT-able
  amount, zero-rated or exempt amounts, and on some `Total excl VAT`), and are net in Ghana,
  where the levies and VAT are added under the items; Kenyan slips end with the eTIMS block and a
  Lipa na M-Pesa till number.
- `services` (a services provider's monthly invoice: fibre, security, waste, cloud, A4): a brand
  bar, `TAX INVOICE` with the account number, invoice number, invoice date, due date and billing
  period, an account summary (`Balance brought forward`, `Payments received`, `Current charges`,
  `Total amount due`), the charges table with the period per row, totals, how to pay (EFT with
  the account number as reference, M-Pesa paybill and account, bank transfer, Mobile Money), and
  small print naming the registered company behind the brand with its registration and VAT
  numbers.

Truth rules. `invoice_number` is the seller's invoice number as printed (`Invoice No.`, `Inv
No`, `Receipt No`, `Document No.`); order, LPO, delivery note, account, slip, till, CU invoice
and receipt-signature numbers are decoys. `invoice_date` is the invoice date; order, delivery,
billing-period and deposit dates are decoys. `due_date` only where a due date is printed (never
on till slips; templates and ledgers that print only terms leave it out). `vendor_name` is the
seller's name as the letterhead prints it (for `services`, the brand in the bar, not the
registered company in the small print). `total_amount` is the invoice total including all taxes
(`Total`, `Grand Total`, `Total Inclusive`, `Current charges`): never the balance due after a
deposit or payment, the net payable after WHT, the amount due including a balance brought
forward, or the tendered cash. `subtotal_amount` is the total before taxes (`Sub Total`, `Total
Exclusive`, `Total excl VAT`; in Ghana the net value before the levies, never the VAT base that
includes them); on tax-inclusive till slips only where `Total excl VAT` is printed (a Ghanaian
slip, net-priced, always prints its `SUB TOTAL`). `tax_amount` is the one
figure of all taxes: the VAT row in South Africa, Kenya and Nigeria (always printed); in Ghana
only where the page prints a total of the levies and VAT (`Total Tax`, `Total Levies & VAT`), and
left out where only the four rows are printed. `line_items` on every family: quantity x unit
price = amount (the exclusive amount where a Sage table also prints an inclusive one); on
tax-inclusive till slips the amounts are gross and add up to the total. `currency` is the ISO code
(ZAR, KES, NGN, GHS) whatever mark the page prints.

Decoys and awkward parts: amounts in words (`Rand`, `Kenya Shillings`, `Naira ... Kobo`, `Ghana
Cedis ... Pesewas`); bank account numbers, branch codes and SWIFT codes; M-Pesa paybill and till
numbers; the customer's VAT number, PIN or TIN beside the seller's; B-BBEE recognition
percentages; a deposit or amount paid and the balance due; balance brought forward and payments
received on services invoices; WHT and net payable; cash tendered and change; the VAT base in
Ghana. About a quarter are scanned images (till slips mostly, templates often).
"""

from __future__ import annotations

import datetime as dt
import random
import string
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from bench.synth import names
from bench.synth.canvas import A4, RECEIPT_WIDTH, Canvas
from bench.synth.common import Column, choose, draw_table
from bench.synth.document import (
    Dates,
    Line,
    Rendered,
    inclusive_tax,
    net_totals,
    pick_dates,
    price,
    quantity,
    truth_fields,
)
from bench.synth.formats import DateStyle, FixedQuantity, MoneyStyle, QuantityStyle, money

Country = Literal["za", "ke", "ng", "gh"]
Family = Literal["ledger", "template", "pos", "services"]
GREY = (0.4, 0.4, 0.4)
LIGHT = (0.9, 0.9, 0.9)

CURRENCY = {"za": "ZAR", "ke": "KES", "ng": "NGN", "gh": "GHS"}
VAT = {"za": Decimal(15), "ke": Decimal(16), "ng": Decimal("7.5"), "gh": Decimal(15)}
SCALE = {"za": 18.0, "ke": 130.0, "ng": 1500.0, "gh": 13.0}
"""Roughly what one US dollar of goods costs in local currency, to scale the item prices."""

SURNAMES = {
    "za": "Naidoo Mokoena Botha Dlamini Pillay Nkosi Khumalo Pretorius Ndlovu Mahlangu Govender "
    "Coetzee Maharaj Venter Molefe",
    "ke": "Kamau Otieno Wanjiru Mwangi Ochieng Njoroge Kiprotich Achieng Mutua Wambui Kariuki "
    "Omondi Chege Kibet",
    "ng": "Adeyemi Okafor Balogun Eze Ibrahim Okonkwo Bello Adebayo Nwosu Chukwu Olawale Abubakar "
    "Ogunleye Danjuma",
    "gh": "Mensah Owusu Boateng Asante Osei Appiah Agyeman Darko Quaye Tetteh Addo Ofori Amoah "
    "Nkrumah",
}
FIRST = {
    "za": "Thandi Sipho Johan Lerato Pieter Ayesha Bongani Naledi Riaan Zanele",
    "ke": "Wanjiku Brian Akinyi Kevin Njeri Dennis Faith Collins Mercy Kiprono",
    "ng": "Chinedu Aisha Tunde Ngozi Emeka Funmilayo Ibrahim Blessing Segun Amaka",
    "gh": "Kwame Akosua Kofi Ama Yaw Efua Kojo Abena Kwabena Adwoa",
}
PLACES = {
    "za": "Highveld Karoo Umhlanga Tablebay Drakensberg Protea Jacana Boland Mzansi Waterberg "
    "Lowveld Cederberg",
    "ke": "Savannah Nyali Tana Amboseli Karura Acacia Westlands Rift Baobab Mara Kilifi Naivasha",
    "ng": "Lekki Crescent Unity Gateway Ikoyi Sahel Cowry Emerald Oduduwa Zuma Benue Atlantic",
    "gh": "Adinkra Volta Akwaaba Kente Ashanti Osu Labadi Sankofa Oti Densu Kakum Tamale",
}
NOUNS = [
    "Trading",
    "Supplies",
    "Technologies",
    "Engineering",
    "Office Solutions",
    "Print & Branding",
    "Hardware",
    "Logistics",
    "Construction",
    "Consulting",
    "Electrical",
    "Catering",
]
FORMS = {
    "za": ["(Pty) Ltd", "(Pty) Ltd", "CC", ""],
    "ke": ["Limited", "Ltd", "Enterprises", "Limited"],
    "ng": ["Limited", "Nig. Ltd", "Global Ventures", "Ltd"],
    "gh": ["Ltd", "Company Limited", "Enterprise", "Ventures"],
}
CITIES = {
    "za": [
        ("Sandton", "2196", "Gauteng"),
        ("Johannesburg", "2001", "Gauteng"),
        ("Midrand", "1685", "Gauteng"),
        ("Centurion", "0157", "Gauteng"),
        ("Cape Town", "8001", "Western Cape"),
        ("Bellville", "7530", "Western Cape"),
        ("Durban", "4001", "KwaZulu-Natal"),
        ("Pinetown", "3610", "KwaZulu-Natal"),
        ("Gqeberha", "6001", "Eastern Cape"),
        ("Bloemfontein", "9301", "Free State"),
    ],
    "ke": [
        ("Nairobi", "00100", "Nairobi"),
        ("Nairobi", "00200", "Nairobi"),
        ("Mombasa", "80100", "Mombasa"),
        ("Kisumu", "40100", "Kisumu"),
        ("Nakuru", "20100", "Nakuru"),
        ("Eldoret", "30100", "Uasin Gishu"),
    ],
    "ng": [
        ("Ikeja", "", "Lagos State"),
        ("Victoria Island", "", "Lagos"),
        ("Lekki Phase 1", "", "Lagos"),
        ("Wuse II", "", "Abuja FCT"),
        ("Garki", "", "Abuja"),
        ("Port Harcourt", "", "Rivers State"),
        ("Ibadan", "", "Oyo State"),
        ("Kano", "", "Kano State"),
    ],
    "gh": [
        ("Accra", "GA", "Greater Accra"),
        ("East Legon, Accra", "GA", "Greater Accra"),
        ("Tema", "GT", "Greater Accra"),
        ("Kumasi", "AK", "Ashanti"),
        ("Takoradi", "WS", "Western"),
        ("Tamale", "NT", "Northern"),
    ],
}
STREETS = {
    "za": ["Rivonia Rd", "Jan Smuts Ave", "Voortrekker Rd", "Long St", "Florida Rd", "Main Rd"],
    "ke": ["Mombasa Road", "Ngong Road", "Kenyatta Avenue", "Moi Avenue", "Waiyaki Way"],
    "ng": ["Allen Avenue", "Adeola Odeku Street", "Awolowo Road", "Aminu Kano Crescent"],
    "gh": ["Oxford Street", "Liberation Road", "Spintex Road", "Ring Road Central"],
}
BANKS = {
    "za": [
        ("First National Bank", "250655"),
        ("Standard Bank", "051001"),
        ("ABSA", "632005"),
        ("Nedbank", "198765"),
        ("Capitec Business", "450105"),
    ],
    "ke": [
        ("Equity Bank", "068"),
        ("KCB Bank", "01"),
        ("Co-operative Bank of Kenya", "11"),
        ("NCBA Bank", "07"),
        ("Stanbic Bank", "31"),
    ],
    "ng": [
        ("Zenith Bank", "057"),
        ("GTBank", "058"),
        ("Access Bank", "044"),
        ("First Bank of Nigeria", "011"),
        ("UBA", "033"),
    ],
    "gh": [
        ("GCB Bank", "040"),
        ("Ecobank Ghana", "130"),
        ("Fidelity Bank", "240"),
        ("CalBank", "140"),
        ("Stanbic Bank Ghana", "190"),
    ],
}
MONEY_WORDS = {
    "za": ("Rand", "Cents"),
    "ke": ("Kenya Shillings", "Cents"),
    "ng": ("Naira", "Kobo"),
    "gh": ("Ghana Cedis", "Pesewas"),
}
Item = tuple[str, float, float]
"""A description and its price range in US dollars (scaled by `SCALE`)."""
GOODS: list[Item] = [
    ("Office desk 1400mm", 90, 260),
    ("Ergonomic office chair", 60, 220),
    ("A4 copy paper (box of 5 reams)", 18, 32),
    ("Toner cartridge black (compatible)", 25, 90),
    ("Laptop 14in i5 8GB/512GB", 480, 900),
    ("CCTV camera 4MP dome", 40, 120),
    ("Network cable Cat6 (305m box)", 80, 160),
    ("Branded T-shirts", 4, 12),
    ("Printing of flyers A5 (1000)", 40, 110),
    ("Inverter battery 200Ah", 150, 320),
    ("Solar panel 450W mono", 110, 220),
    ("Cement 42.5N 50kg bag", 6, 11),
    ("Paint 20L white PVA", 40, 95),
    ("Steel rod Y12 x 6m", 6, 14),
    ("Bottled water 500ml x 24", 3, 7),
    ("Catering - lunch packs", 4, 12),
]
LABOUR: list[Item] = [
    ("Installation labour", 15, 45),
    ("Consulting fee", 40, 120),
    ("Network cabling per point", 20, 60),
    ("Generator servicing", 60, 180),
    ("Site supervision", 25, 70),
    ("Delivery / transport", 15, 80),
    ("Bookkeeping services (monthly)", 120, 450),
    ("Website hosting (12 months)", 60, 240),
]
HOURLY = {"Installation labour", "Consulting fee", "Site supervision"}
ZERO_RATED: dict[str, list[Item]] = {
    "za": [("Export freight (zero-rated)", 60, 300), ("Maize meal 10kg", 6, 9)],
    "ke": [("Training course (exempt)", 80, 300), ("Maize flour 2kg", 1.2, 2)],
    "ng": [("Medical supplies (exempt)", 20, 120), ("Rice 50kg bag", 55, 80)],
}
SHOP = {
    "za": [
        ("White Bread 700g", 1.0, 1.3, False),
        ("Brown Bread 700g", 0.9, 1.2, True),
        ("Full Cream Milk 2L", 1.6, 2.2, True),
        ("Maize Meal 5kg", 3.5, 5.0, True),
        ("Rooibos Tea 80s", 2.2, 3.5, False),
        ("Sunflower Oil 2L", 3.5, 5.0, False),
        ("Large Eggs 18s", 3.5, 4.8, True),
        ("Dishwashing Liquid 750ml", 1.2, 2.5, False),
        ("Cheddar Cheese 900g", 6.5, 9.5, False),
        ("Apples 1.5kg bag", 1.5, 2.5, True),
    ],
    "ke": [
        ("Maize Flour 2kg", 1.2, 1.7, True),
        ("Sugar 1kg", 1.1, 1.5, False),
        ("Fresh Milk 500ml", 0.4, 0.6, True),
        ("Cooking Oil 1L", 2.2, 3.0, False),
        ("Bread 400g", 0.45, 0.6, False),
        ("Washing Powder 1kg", 1.8, 2.6, False),
        ("Rice Pishori 2kg", 2.5, 3.5, True),
        ("Tea Leaves 250g", 1.0, 1.6, False),
        ("Bar Soap 800g", 1.1, 1.6, False),
        ("Sukuma Wiki bunch", 0.2, 0.4, True),
    ],
    "ng": [
        ("Rice 5kg Bag", 5.0, 8.0, False),
        ("Noodles 70g x 40 Carton", 6.0, 9.0, False),
        ("Groundnut Oil 3L", 3.5, 5.5, False),
        ("Evaporated Milk 160g", 0.4, 0.7, False),
        ("Semovita 2kg", 1.8, 2.8, False),
        ("Bottled Water 75cl x 12", 1.2, 2.0, False),
        ("Tomato Paste 400g", 0.8, 1.4, False),
        ("Detergent 900g", 1.5, 2.5, False),
        ("Cabin Biscuits", 0.3, 0.6, False),
    ],
    "gh": [
        ("Gari 1kg", 0.8, 1.3, False),
        ("Perfumed Rice 5kg", 6.0, 9.0, False),
        ("Tomato Paste 400g", 0.9, 1.5, False),
        ("Cocoa Drink 400g", 2.5, 4.0, False),
        ("Sardines 125g", 0.8, 1.3, False),
        ("Vegetable Oil 1L", 1.8, 2.8, False),
        ("Bar Soap x 3", 1.0, 1.8, False),
        ("Mineral Water 1.5L", 0.4, 0.7, False),
        ("Sugar Cubes 500g", 0.9, 1.4, False),
    ],
}
WEIGHED = {
    "za": ("Boerewors per kg", 5.0, 7.0),
    "ke": ("Beef Steak per kg", 4.0, 6.0),
    "ng": ("Frozen Chicken per kg", 3.0, 4.5),
    "gh": ("Tilapia per kg", 3.0, 5.0),
}
SERVICES: dict[str, tuple[str, list[Item]]] = {
    "fibre": (
        "Fibre",
        [
            ("Fibre 100/50 Mbps uncapped", 40, 60),
            ("Router rental", 3, 6),
            ("Static IP address", 4, 8),
            ("Additional mailbox", 1, 3),
            ("Installation fee (once-off)", 40, 90),
        ],
    ),
    "security": (
        "Security",
        [
            ("Armed response monthly fee", 25, 45),
            ("Alarm monitoring", 8, 15),
            ("Panic button rental", 2, 5),
            ("Technician call-out", 20, 40),
            ("Guarding services (day shift)", 300, 600),
        ],
    ),
    "waste": (
        "Waste Management",
        [
            ("Refuse removal 240L bin", 8, 15),
            ("Skip hire 6m3", 60, 120),
            ("Recycling collection", 5, 10),
            ("Medical waste collection", 40, 90),
        ],
    ),
    "cloud": (
        "Cloud Services",
        [
            ("Virtual server 4 vCPU / 8GB", 40, 90),
            ("Backup storage 500GB", 10, 25),
            ("Microsoft 365 Business licence", 6, 13),
            ("Managed firewall", 30, 70),
            ("Support hours", 30, 60),
        ],
    ),
}


@dataclass(frozen=True)
class OrdinalDate(DateStyle):
    """`5th March, 2024`: the pattern's `{d}` gets the English ordinal suffix."""

    def format(self, value: dt.date) -> str:
        day = value.day
        suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
        return self.pattern.format(
            d=f"{day}{suffix}", month=self.month_name(value.month), yyyy=value.year
        )


@dataclass
class Sums:
    subtotal: Decimal
    tax: Decimal
    total: Decimal
    vat: Decimal
    levies: list[tuple[str, Decimal]] = field(default_factory=list)
    """Ghana: NHIL, GETFund and COVID-19 levy on the net, in that order."""
    base: Decimal = Decimal(0)
    """Ghana: the VAT base, net plus levies."""


@dataclass
class Doc:
    rng: random.Random
    country: Country
    family: Family
    canvas: Canvas
    size: float
    style: MoneyStyle
    dates_style: DateStyle
    dates: Dates
    quantities: QuantityStyle
    vendor: str
    number: str
    lines: list[Line]
    rates: list[Decimal]
    sums: Sums
    naira: bool = False
    """Draw the symbol `N` with two strokes through it (the naira sign)."""
    ghana_total_tax: bool = False
    """Ghana: the page prints one figure of all the levies and VAT."""
    net_line: bool = False
    """Till slips of South Africa and Nigeria: the page prints `TOTAL EXCL VAT`."""
    due_printed: bool = True

    def put(
        self,
        x: float,
        y: float,
        text: str,
        *,
        size: float | None = None,
        bold: bool = False,
        align: Literal["left", "right", "center"] = "left",
    ) -> None:
        """An amount; with the naira sign drawn over its leading `N`."""
        size = self.size if size is None else size
        width = self.canvas.text(x, y, text, size=size, bold=bold, align=align)
        if not (self.naira and text[:1] == "N" and text[1:2] in set("-0123456789")):
            return
        left = x - width if align == "right" else x - width / 2 if align == "center" else x
        glyph = self.canvas.width_of("N", size=size, bold=bold)
        for rise in (0.28, 0.46):
            self.canvas.line(
                left - 0.6, y - size * rise, left + glyph + 0.6, y - size * rise, width=size * 0.07
            )


# ---------------------------------------------------------------- helpers


def _words(rng: random.Random, table: dict[str, str], country: Country) -> str:
    return rng.choice(table[country].split())


ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety"


def _number_words(value: int) -> str:
    ones = ONES.split()
    tens = TENS.split()
    if value < 20:
        return ones[value]
    if value < 100:
        return tens[value // 10] + (f"-{ones[value % 10]}" if value % 10 else "")
    if value < 1000:
        rest = value % 100
        return f"{ones[value // 100]} hundred" + (f" and {_number_words(rest)}" if rest else "")
    for divisor, name in ((10**9, "billion"), (10**6, "million"), (1000, "thousand")):
        if value >= divisor:
            head = f"{_number_words(value // divisor)} {name}"
            rest = value % divisor
            if not rest:
                return head
            return f"{head}{' and ' if rest < 100 else ' '}{_number_words(rest)}"
    raise AssertionError(value)


def amount_words(rng: random.Random, country: Country, value: Decimal) -> str:
    """`Twelve Thousand ... Rand and Sixty-Seven Cents`, in one of the usual casings."""
    major, minor = MONEY_WORDS[country]
    units = int(value)
    cents = int((value - units) * 100)
    text = f"{_number_words(units)} {major}"
    if cents:
        text += f" and {_number_words(cents)} {minor}"
    text += rng.choice(("", " only", " Only"))
    case = rng.random()
    if case < 0.4:
        return text.title().replace(" And ", " and ")
    if case < 0.6:
        return text.upper()
    return text[0].upper() + text[1:]


def _vat_no(rng: random.Random) -> str:
    return "4" + names.digits(rng, 9)


def _kra_pin(rng: random.Random) -> str:
    return rng.choice("PPA") + "0" + names.digits(rng, 8) + rng.choice(string.ascii_uppercase)


def _tin(rng: random.Random, country: Country) -> str:
    if country == "ng":
        return f"{names.digits(rng, 8)}-0001"
    return rng.choice("CCP") + "00" + names.digits(rng, 8)


def _gps(rng: random.Random, prefix: str) -> str:
    return f"{prefix}-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}"


def _address(rng: random.Random, country: Country) -> list[str]:
    city, code, region = rng.choice(CITIES[country])
    street = f"{rng.randint(1, 250)} {rng.choice(STREETS[country])}"
    if country == "za":
        park = rng.choice(("Unit 4, ", "Block B, ", "", "", "Suite 12, "))
        return [f"{park}{street}", f"{city}, {code}"]
    if country == "ke":
        building = rng.choice(("Kimathi House", "Westpark Towers", "Mega Plaza", "Landmark Plaza"))
        return [f"{building}, {street}", f"P.O. Box {rng.randint(100, 99999)}-{code}, {city}"]
    if country == "ng":
        return [street, f"{city}, {region}"]
    return [f"{street}, {city}", f"Digital Address: {_gps(rng, code)}"]


def _phone(rng: random.Random, country: Country) -> str:
    if country == "za":
        area = f"0{rng.choice('1238')}{rng.randint(1, 9)}"
        return f"{area} {names.digits(rng, 3)} {names.digits(rng, 4)}"
    if country == "ke":
        return f"+254 7{names.digits(rng, 2)} {names.digits(rng, 3)} {names.digits(rng, 3)}"
    if country == "ng":
        network = rng.choice(("0803", "0806", "0813", "0703", "0909"))
        return f"{network} {names.digits(rng, 3)} {names.digits(rng, 4)}"
    network = rng.choice(("024", "020", "055", "030"))
    return f"{network} {names.digits(rng, 3)} {names.digits(rng, 4)}"


def _handle(vendor: str) -> str:
    return "".join(ch for ch in vendor.split()[0].lower() if ch.isalpha())


def _email(vendor: str, country: Country) -> str:
    tld = {"za": "co.za", "ke": "co.ke", "ng": "com.ng", "gh": "com.gh"}[country]
    return f"accounts@{_handle(vendor)}.{tld}"


def _vendor(rng: random.Random, country: Country) -> str:
    place = _words(rng, PLACES, country)
    noun = rng.choice(NOUNS)
    shape = rng.random()
    if shape < 0.2:
        a, b = rng.sample(SURNAMES[country].split(), 2)
        name = f"{a} & {b} {noun}"
    elif shape < 0.3 and country == "gh":
        name = f"{rng.choice(('God Is Able', 'Blessed', 'Grace Alone', 'Nyame Dua'))} {noun}"
    elif shape < 0.35:
        name = f"{_words(rng, SURNAMES, country)} & Sons {noun}"
    else:
        name = f"{place} {noun}"
    form = rng.choice(FORMS[country])
    return f"{name} {form}".strip()


def _customer(rng: random.Random, country: Country) -> str:
    if rng.random() < 0.2:
        return f"{_words(rng, FIRST, country)} {_words(rng, SURNAMES, country)}"
    return (
        f"{_words(rng, PLACES, country)} {rng.choice(NOUNS)} {rng.choice(FORMS[country])}".strip()
    )


def _seller_ids(rng: random.Random, country: Country, year: int) -> list[str]:
    """The registration lines a letterhead prints for the country."""
    if country == "za":
        reg = (
            f"{rng.randint(1998, year - 1)}/{names.digits(rng, 6)}/{rng.choice(('07', '07', '23'))}"
        )
        return [
            f"{rng.choice(('VAT No:', 'VAT Reg No:', 'VAT Registration No.'))} {_vat_no(rng)}",
            f"{rng.choice(('Reg No:', 'Co. Reg:', 'Registration No.'))} {reg}",
        ]
    if country == "ke":
        return [f"{rng.choice(('KRA PIN:', 'PIN No:', 'PIN:'))} {_kra_pin(rng)}"]
    if country == "ng":
        return [
            f"RC {rng.randint(100000, 1999999)}",
            f"{rng.choice(('TIN:', 'TIN No:'))} {_tin(rng, country)}",
        ]
    return [f"{rng.choice(('TIN:', 'VAT TIN:', 'GRA TIN:'))} {_tin(rng, country)}"]


def _customer_id(rng: random.Random, country: Country) -> str:
    if country == "za":
        return f"{rng.choice(('Customer VAT No:', 'Your VAT No:', 'VAT No:'))} {_vat_no(rng)}"
    if country == "ke":
        return f"{rng.choice(('Customer PIN:', 'PIN:', 'Buyer PIN:'))} {_kra_pin(rng)}"
    return f"{rng.choice(('Customer TIN:', 'TIN:'))} {_tin(rng, country)}"


def _bank_lines(rng: random.Random, country: Country, vendor: str, number: str) -> list[str]:
    bank, code = rng.choice(BANKS[country])
    if country == "za":
        return [
            f"Bank: {bank}",
            f"Account name: {vendor}",
            f"Account no: {names.digits(rng, rng.choice((10, 11)))}",
            f"Branch code: {code}",
            f"Reference: {number}",
        ]
    if country == "ke":
        rows = [
            f"Bank: {bank}, {rng.choice(('Westlands', 'Upper Hill', 'Moi Avenue'))} Branch",
            f"A/C Name: {vendor}",
            f"A/C No: {code}{names.digits(rng, 11)}",
        ]
        if rng.random() < 0.7:
            rows.append(
                f"M-Pesa Paybill: {rng.randint(100000, 999999)}  Account: {number.replace('/', '')}"
            )
        return rows
    if country == "ng":
        return [
            f"Bank: {bank}",
            f"Account Name: {vendor}",
            f"Account Number: {names.digits(rng, 10)}",
            f"Sort Code: {code}{names.digits(rng, 6)}",
        ]
    return [
        f"Bank: {bank}, {rng.choice(('Ring Road', 'Osu', 'Adum', 'Airport City'))} Branch",
        f"Account Name: {vendor}",
        f"Account No: {names.digits(rng, 13)}",
        f"SWIFT: {rng.choice(('GHCB', 'ECOC', 'FBLI', 'ACCC'))}GHAC",
        f"MoMo: {_phone(rng, 'gh')}",
    ]


def _bbbee(rng: random.Random) -> str:
    level, recognition = rng.choice(
        ((1, 135), (2, 125), (3, 110), (4, 100), (4, 100), (8, 10), (2, 125))
    )
    return rng.choice(
        (
            f"B-BBEE Level {level} Contributor ({recognition}% procurement recognition)",
            f"B-BBEE Status: Level {level}  |  Procurement recognition {recognition}%",
            f"Level {level} B-BBEE Contributor - EME",
        )
    )


def _invoice_number(rng: random.Random, family: Family, year: int) -> str:
    if family == "pos":
        return rng.choice(
            (
                f"{rng.randint(1, 99):04d}-{rng.randint(1, 12):03d}-{names.digits(rng, 6)}",
                f"IN{names.digits(rng, 8)}",
                f"{rng.randint(100000, 999999)}",
            )
        )
    if family == "services":
        return rng.choice((f"IN{names.digits(rng, 8)}", f"INV{year}{names.digits(rng, 6)}"))
    if family == "ledger":
        return rng.choice(
            (
                f"INV{rng.randint(1, 99999):06d}",
                f"INV-{rng.randint(1, 9999):04d}",
                f"IN{rng.randint(100000, 199999)}",
                f"SI{year % 100}/{rng.randint(1, 9999):05d}",
            )
        )
    return rng.choice(
        (
            f"{rng.randint(1, 999):04d}",
            f"INV/{year}/{rng.randint(1, 600):03d}",
            f"SI{rng.randint(100, 999)}",
            f"{year % 100}-{rng.randint(1, 400):03d}",
        )
    )


def _qr(canvas: Canvas, rng: random.Random, x: float, y: float, side: float) -> None:
    """A QR-looking square: three finder patterns and random modules."""
    cells = 25
    step = side / cells
    finders = ((0, 0), (cells - 7, 0), (0, cells - 7))
    for fx, fy in finders:
        canvas.box(
            x + fx * step,
            y + fy * step,
            x + (fx + 7) * step,
            y + (fy + 7) * step,
            stroke=None,
            fill=(0, 0, 0),
        )
        canvas.box(
            x + (fx + 1) * step,
            y + (fy + 1) * step,
            x + (fx + 6) * step,
            y + (fy + 6) * step,
            stroke=None,
            fill=(1, 1, 1),
        )
        canvas.box(
            x + (fx + 2) * step,
            y + (fy + 2) * step,
            x + (fx + 5) * step,
            y + (fy + 5) * step,
            stroke=None,
            fill=(0, 0, 0),
        )
    for row in range(cells):
        for col in range(cells):
            if any(fx - 1 <= col <= fx + 7 and fy - 1 <= row <= fy + 7 for fx, fy in finders):
                continue
            if rng.random() < 0.45:
                canvas.box(
                    x + col * step,
                    y + row * step,
                    x + (col + 1) * step,
                    y + (row + 1) * step,
                    stroke=None,
                    fill=(0, 0, 0),
                )


def _etims(rng: random.Random) -> list[tuple[str, str]]:
    serial = f"KRACU0{rng.randint(100, 400)}{names.digits(rng, 7)}"
    alphabet = string.ascii_uppercase + "234567"

    def blocks(count: int) -> str:
        return "-".join("".join(rng.choice(alphabet) for _ in range(4)) for _ in range(count))

    return [
        ("CU Serial No", serial),
        ("CU Invoice No", f"{serial}/{rng.randint(1, 9999)}"),
        ("Internal Data", blocks(6)),
        ("Receipt Signature", blocks(4)),
    ]


def _sums(country: Country, lines: list[Line], rates: list[Decimal], inclusive: bool) -> Sums:
    if inclusive:
        total = sum((line.amount for line in lines), Decimal(0))
        taxable = sum(
            (line.amount for line, rate in zip(lines, rates, strict=True) if rate), Decimal(0)
        )
        vat = inclusive_tax(taxable, VAT[country])
        return Sums(total - vat, vat, total, vat)
    if country == "gh":
        net = sum((line.amount for line in lines), Decimal(0))
        levies = [
            ("nhil", money(net * Decimal("0.025"))),
            ("getfund", money(net * Decimal("0.025"))),
            ("covid", money(net * Decimal("0.01"))),
        ]
        base = net + sum((amount for _, amount in levies), Decimal(0))
        vat = money(base * VAT["gh"] / 100)
        tax = base - net + vat
        return Sums(net, tax, net + tax, vat, levies, base)
    _, subtotal, tax, total = net_totals(lines, rates)
    return Sums(subtotal, tax, total, tax)


def _lines(
    rng: random.Random, country: Country, pool: list[Item], count: int
) -> tuple[list[Line], list[Decimal]]:
    scale = SCALE[country]
    picks = rng.sample(pool, min(count, len(pool)))
    lines = []
    for text, low, high in picks:
        hours = text in HOURLY
        if hours:
            qty = quantity(rng, fractional=0.4)
        elif text in {row[0] for row in LABOUR}:
            qty = Decimal(rng.choice((1, 1, 1, 2, 3, 6, 12)))
        else:
            qty = quantity(rng, fractional=0.0)
        lines.append(Line(text, qty, price(rng, low * scale, high * scale), "hrs" if hours else ""))
    rates = [VAT[country]] * len(lines)
    if country in ZERO_RATED and rng.random() < 0.2:
        text, low, high = rng.choice(ZERO_RATED[country])
        at = rng.randint(0, len(lines))
        lines.insert(
            at,
            Line(text, Decimal(rng.choice((1, 1, 2, 10))), price(rng, low * scale, high * scale)),
        )
        rates.insert(at, Decimal(0))
    return lines, rates


def _tax_rows(doc: Doc, *, short: bool = False) -> list[tuple[str, Decimal]]:
    """The rows printed between the subtotal and the total."""
    rng = doc.rng
    if doc.country != "gh":
        rate = f"{VAT[doc.country].normalize()}%"
        label = rng.choice(
            (f"VAT {rate}", f"VAT @ {rate}", f"VAT ({rate})", "Total VAT" if not short else "VAT")
        )
        return [(label, doc.sums.vat)]
    names_ = {
        "nhil": rng.choice(("NHIL (2.5%)", "NHIL 2.5%", "National Health Ins. Levy 2.5%")),
        "getfund": rng.choice(("GETFund Levy (2.5%)", "GETFL 2.5%", "GETFund 2.5%")),
        "covid": rng.choice(("COVID-19 Levy (1%)", "COVID-19 HRL 1%", "COVID Levy 1%")),
    }
    if short:
        names_ = {"nhil": "NHIL 2.5%", "getfund": "GETFUND 2.5%", "covid": "COVID-19 1%"}
    rows = [(names_[key], amount) for key, amount in doc.sums.levies]
    if rng.random() < 0.5:
        rows.append(
            (
                rng.choice(("Total before VAT", "Taxable Value", "Sub Total incl. Levies")),
                doc.sums.base,
            )
        )
    rows.append((rng.choice(("VAT (15%)", "VAT 15%", "VAT @ 15%")), doc.sums.vat))
    if doc.ghana_total_tax:
        rows.append((rng.choice(("Total Tax", "Total Levies & VAT", "Total Taxes")), doc.sums.tax))
    return rows


def _rate_mark(doc: Doc, rate: Decimal) -> str:
    if doc.country == "gh":
        return "S"
    if rate:
        return f"{VAT[doc.country].normalize()}%"
    return {"za": "0%", "ke": "E", "ng": "EX"}[doc.country]


# ---------------------------------------------------------------- ledger


def _ledger(doc: Doc, seller: list[str], customer: list[str], year: int) -> None:
    rng, canvas, size, country = doc.rng, doc.canvas, doc.size, doc.country
    flavour = rng.choice(("sage", "sage", "xero"))
    title = "TAX INVOICE"
    if country == "ng":
        title = rng.choice(("INVOICE", "TAX INVOICE", "VAT INVOICE"))
    elif country == "gh":
        title = rng.choice(("TAX INVOICE", "VAT INVOICE"))
    elif country == "ke" and rng.random() < 0.3:
        title = "INVOICE"
    left, right = 40, 555
    canvas.text(left, 60, doc.vendor, size=rng.choice((14, 16, 17)), bold=True)
    y = 76.0
    for row in seller:
        canvas.text(left, y, row, size=size - 0.5)
        y += size + 2.5
    canvas.text(right, 62, title, size=rng.choice((18, 20, 22)), bold=True, align="right")

    info: list[tuple[str, str]] = [
        (rng.choice(("Invoice No.", "Document No.", "Invoice Number")), doc.number),
        (
            rng.choice(("Date", "Invoice Date", "Document Date")),
            doc.dates_style.format(doc.dates.issue),
        ),
    ]
    if doc.due_printed:
        info.append(("Due Date", doc.dates_style.format(doc.dates.due)))
    else:
        days = (doc.dates.due - doc.dates.issue).days
        info.append(
            ("Terms", rng.choice((f"{days} Days", f"Net {days}", f"{days} days from invoice")))
        )
    if rng.random() < 0.6:
        info.append(
            (
                "Your Reference",
                rng.choice((f"PO{names.digits(rng, 5)}", f"LPO/{year}/{rng.randint(10, 999)}")),
            )
        )
    if rng.random() < 0.5:
        info.append(("Order Date", doc.dates_style.format(doc.dates.other[0])))
    if rng.random() < 0.4:
        info.append(("Sales Rep", _words(rng, FIRST, country)))
    if rng.random() < 0.4:
        info.append(("Page", "1 of 1"))
    iy = 84.0
    for label, value in info:
        canvas.text(370, iy, label, size=size, bold=True)
        canvas.text(right, iy, value, size=size, align="right")
        iy += size + 4

    by = max(y, iy) + 16
    canvas.box(left, by - 11, 280, by + 3, stroke=None, fill=LIGHT)
    canvas.text(
        left + 4, by, rng.choice(("Bill To", "Invoice To", "Customer")), size=size, bold=True
    )
    for offset, row in enumerate(customer, 1):
        canvas.text(left + 4, by + offset * (size + 3), row, size=size)
    if rng.random() < 0.4:
        canvas.box(300, by - 11, right, by + 3, stroke=None, fill=LIGHT)
        canvas.text(304, by, "Deliver To", size=size, bold=True)
        for offset, row in enumerate(_address(rng, country), 1):
            canvas.text(304, by + offset * (size + 3), row, size=size)
        canvas.text(
            304,
            by + 3 * (size + 3),
            f"Delivery date: {doc.dates_style.format(doc.dates.other[0])}",
            size=size,
        )
    top = by + (len(customer) + 1) * (size + 3) + 14

    qs, st = doc.quantities, doc.style
    if flavour == "sage":
        incl = rng.random() < 0.35 and country != "gh"
        columns = [
            Column("Code", left + 2),
            Column("Description", left + 52),
            Column("Qty", 305, "right"),
            Column("Excl. Price", 365, "right"),
            Column("Disc %", 400, "right"),
            Column("VAT %" if country != "gh" else "Tax", 438, "right"),
            Column("Excl. Total", 497 if incl else right - 2, "right"),
        ]
        if incl:
            columns.append(Column("Incl. Total", right - 2, "right"))
        rows: list[list[str]] = []
        for line, rate in zip(doc.lines, doc.rates, strict=True):
            code = "".join(rng.choice(string.ascii_uppercase) for _ in range(3)) + names.digits(
                rng, 3
            )
            cells = [
                code,
                line.description,
                qs.number(line.quantity),
                st.number(line.unit_price),
                f"0{st.decimal}00",
                _rate_mark(doc, rate),
                st.number(line.amount),
            ]
            if incl:
                cells.append(st.number(money(line.amount * (1 + rate / 100))))
            rows.append(cells)
    else:
        columns = [
            Column("Description", left + 2),
            Column("Qty", 330, "right"),
            Column(rng.choice(("Rate", "Unit Price")), 405, "right"),
            Column("VAT" if country != "gh" else "Tax", 460, "right"),
            Column(f"Amount {CURRENCY[country]}", right - 2, "right"),
        ]
        rows = [
            [
                line.description,
                qs.number(line.quantity),
                st.number(line.unit_price),
                _rate_mark(doc, rate),
                st.number(line.amount),
            ]
            for line, rate in zip(doc.lines, doc.rates, strict=True)
        ]
    y = draw_table(
        canvas,
        top,
        columns,
        rows,
        left=left,
        right=right,
        size=size - 0.5,
        row_height=rng.choice((14, 15, 17)),
        rules=rng.choice(("header", "grid", "zebra")),
        header_fill=rng.choice((None, LIGHT, (0.82, 0.87, 0.93))),
    )
    sub_label = rng.choice(
        ("Total Exclusive", "Sub Total", "Subtotal", "Total Excl. VAT")
        if country != "gh"
        else ("Sub Total", "Total (excl. taxes)", "Value of Supply")
    )
    total_label = rng.choice(
        ("Total Inclusive", "TOTAL", "Grand Total", f"TOTAL {CURRENCY[country]}", "Total Due")
    )
    rows_t: list[tuple[str, Decimal, bool]] = [(sub_label, doc.sums.subtotal, False)]
    if flavour == "sage" and rng.random() < 0.6:
        rows_t.insert(0, ("Total Discount", Decimal(0), False))
    rows_t += [(label, amount, False) for label, amount in _tax_rows(doc)]
    rows_t.append((total_label, doc.sums.total, True))
    paid = Decimal(0)
    if rng.random() < 0.25:
        paid = money(doc.sums.total * Decimal(rng.choice(("0.3", "0.5", "1"))))
        rows_t += [("Amount Paid", paid, False), ("Balance Due", doc.sums.total - paid, True)]
    ty = y + 14
    for label, amount, strong in rows_t:
        canvas.text(370, ty, label, size=size, bold=strong)
        doc.put(
            right - 2,
            ty,
            doc.style.amount(amount) if strong else doc.style.number(amount),
            size=size,
            bold=strong,
            align="right",
        )
        if strong and label == total_label:
            canvas.line(370, ty - size - 3, right, ty - size - 3, width=0.8)
        ty += size + 5
    if country == "ng" and rng.random() < 0.4:
        wht = money(doc.sums.subtotal * Decimal("0.05"))
        canvas.text(370, ty, "Less WHT (5%)", size=size - 0.5, color=GREY)
        doc.put(right - 2, ty, doc.style.number(wht), size=size - 0.5, align="right")
        ty += size + 4
        canvas.text(370, ty, "Net amount payable", size=size - 0.5, color=GREY)
        doc.put(
            right - 2, ty, doc.style.number(doc.sums.total - wht), size=size - 0.5, align="right"
        )
        ty += size + 4

    ly = y + 14
    if country != "za" or rng.random() < 0.15:
        words = amount_words(rng, country, doc.sums.total)
        label = rng.choice(("Amount in words:", f"{MONEY_WORDS[country][0]}:", "Total in words:"))
        canvas.text(left, ly, label, size=size - 0.5, bold=True)
        chunks = _wrap(canvas, words, 300, size - 0.5)
        for offset, chunk in enumerate(chunks, 1):
            canvas.text(left, ly + offset * (size + 1), chunk, size=size - 0.5)
        ly += (len(chunks) + 2) * (size + 1)
    canvas.text(
        left,
        ly,
        rng.choice(("Banking Details", "Payment Details", "Bank Details")),
        size=size,
        bold=True,
    )
    for offset, row in enumerate(_bank_lines(rng, country, doc.vendor, doc.number), 1):
        canvas.text(left, ly + offset * (size + 2), row, size=size - 0.5)
    foot = max(ty, ly + 7 * (size + 2)) + 20
    if country == "ke":
        canvas.box(left, foot, right, foot + 82, width=0.6)
        canvas.text(
            left + 8, foot + 14, "eTIMS / KRA Control Unit Information", size=size, bold=True
        )
        for offset, (label, value) in enumerate(_etims(rng)):
            canvas.text(
                left + 8, foot + 28 + offset * (size + 3), f"{label}: {value}", size=size - 1
            )
        _qr(canvas, rng, right - 76, foot + 5, 72)
        canvas.text(right - 82, foot + 76, "Scan to verify", size=6, align="right", color=GREY)
        foot += 96
    footer: list[str] = []
    if country == "za":
        if rng.random() < 0.7:
            footer.append(_bbbee(rng))
        if rng.random() < 0.6:
            a, b = rng.sample(SURNAMES["za"].split(), 2)
            footer.append(
                f"Directors: {_words(rng, FIRST, 'za')[0]} {a}, {_words(rng, FIRST, 'za')[0]} {b}"
            )
    footer.append(
        rng.choice(
            (
                "Thank you for your business.",
                "E&OE",
                "Goods remain the property of the seller until paid in full.",
            )
        )
    )
    fy = max(foot, 770)
    for offset, row in enumerate(footer):
        canvas.text(297, fy + offset * 10, row, size=6.5, align="center", color=GREY)


def _wrap(canvas: Canvas, text: str, width: float, size: float) -> list[str]:
    words, rows, row = text.split(), [], ""
    for word in words:
        trial = f"{row} {word}".strip()
        if canvas.width_of(trial, size=size) > width and row:
            rows.append(row)
            row = word
        else:
            row = trial
    rows.append(row)
    return rows


# ---------------------------------------------------------------- template


def _template(doc: Doc, seller: list[str], customer: list[str]) -> None:
    rng, canvas, size, country = doc.rng, doc.canvas, doc.size, doc.country
    centre, left, right = 297.0, 50, 545
    canvas.text(
        centre,
        62,
        doc.vendor.upper() if rng.random() < 0.5 else doc.vendor,
        size=rng.choice((16, 18, 20)),
        bold=True,
        align="center",
    )
    canvas.text(
        centre,
        78,
        rng.choice(
            (
                "Dealers in general merchandise and contracts",
                "Your trusted partner",
                "Suppliers | Contractors | Consultants",
                "",
            )
        ),
        size=size - 1,
        align="center",
        color=GREY,
    )
    y = 92.0
    for row in seller:
        canvas.text(centre, y, row, size=size - 0.5, align="center")
        y += size + 2
    canvas.line(left, y, right, y, width=1.2)
    title = "TAX INVOICE" if country in ("za", "gh") or rng.random() < 0.5 else "INVOICE"
    centred = rng.random() < 0.6
    canvas.text(
        centre if centred else right,
        y + 24,
        title,
        size=16,
        bold=True,
        align="center" if centred else "right",
    )
    y += 44
    canvas.text(
        left, y, rng.choice(("Bill To:", "To:", "Customer:", "Invoice To:")), size=size, bold=True
    )
    for offset, row in enumerate(customer, 1):
        canvas.text(left, y + offset * (size + 3), row, size=size)
    order_label = "LPO No:" if country in ("ke", "ng", "gh") else "Order No:"
    info = [
        (rng.choice(("Invoice No:", "Invoice #:", "Inv. No:")), doc.number),
        (rng.choice(("Date:", "Invoice Date:")), doc.dates_style.format(doc.dates.issue)),
    ]
    if rng.random() < 0.6:
        info.append((order_label, f"{rng.randint(100, 9999)}"))
    if rng.random() < 0.5:
        info.append(("Delivery Note No:", f"DN{rng.randint(100, 9999)}"))
    if rng.random() < 0.4:
        info.append(("Delivery Date:", doc.dates_style.format(doc.dates.other[0])))
    if doc.due_printed:
        info.append(("Due Date:", doc.dates_style.format(doc.dates.due)))
    for offset, (label, value) in enumerate(info):
        canvas.text(340, y + offset * (size + 4), label, size=size, bold=True)
        canvas.text(440, y + offset * (size + 4), value, size=size)
    top = y + max(len(customer) + 1, len(info)) * (size + 4) + 14

    sn = rng.random() < 0.7
    columns = [
        Column("S/N" if sn else "Item", left + 4),
        Column("Description", left + 38),
        Column("Qty", 350, "right"),
        Column(rng.choice(("Unit Price", "Rate", "Price")), 440, "right"),
        Column(rng.choice(("Amount", "Total", f"Amount ({doc.style.symbol})")), right - 4, "right"),
    ]
    rows = [
        [
            str(index),
            line.description + (" *" if not rate else ""),
            doc.quantities.number(line.quantity),
            doc.style.number(line.unit_price),
            doc.style.number(line.amount),
        ]
        for index, (line, rate) in enumerate(zip(doc.lines, doc.rates, strict=True), 1)
    ]
    row_height = rng.choice((16, 18, 20))
    for _ in range(rng.randint(0, 4)):
        rows.append(["", "", "", "", ""])
    y = draw_table(
        canvas,
        top,
        columns,
        rows,
        left=left,
        right=right,
        size=size,
        row_height=row_height,
        rules="grid",
    )
    for x in (left + 32, 300, 365, 455):
        canvas.line(x, top, x, y - 4, width=0.4)
    totals = [(rng.choice(("Sub Total", "SUBTOTAL", "Total Excl.")), doc.sums.subtotal, False)]
    totals += [(label, amount, False) for label, amount in _tax_rows(doc)]
    totals.append((rng.choice(("TOTAL", "Grand Total", "Total Amount")), doc.sums.total, True))
    deposit = Decimal(0)
    if rng.random() < 0.3:
        deposit = money(doc.sums.total * Decimal(rng.choice(("0.4", "0.5", "0.6"))))
        totals += [
            (
                rng.choice(("Less: Deposit paid", "Less Deposit", "Advance received")),
                deposit,
                False,
            ),
            (
                rng.choice(("Balance Due", "BALANCE", "Amount Outstanding")),
                doc.sums.total - deposit,
                True,
            ),
        ]
    ty = y - 4
    for label, amount, strong in totals:
        canvas.box(365, ty, right, ty + row_height, width=0.4)
        canvas.text(370, ty + row_height - 5, label, size=size, bold=strong)
        doc.put(
            right - 4,
            ty + row_height - 5,
            doc.style.amount(amount) if strong else doc.style.number(amount),
            size=size,
            bold=strong,
            align="right",
        )
        ty += row_height
    if any(not rate for rate in doc.rates):
        canvas.text(left, y + 8, "* Zero-rated / exempt item", size=size - 1.5, color=GREY)
    wy = ty + 18
    if rng.random() < 0.75:
        words = amount_words(rng, country, doc.sums.total)
        chunks = _wrap(
            canvas, f"{rng.choice(('Amount in words:', 'The sum of:'))} {words}", right - left, size
        )
        for offset, chunk in enumerate(chunks):
            canvas.text(left, wy + offset * (size + 3), chunk, size=size)
        wy += len(chunks) * (size + 3) + 10
    if not doc.due_printed:
        days = (doc.dates.due - doc.dates.issue).days
        canvas.text(
            left,
            wy,
            rng.choice(
                (f"Payment due within {days} days of invoice date.", f"Terms: {days} days nett.")
            ),
            size=size,
        )
        wy += size + 8
    canvas.text(left, wy, "Payment details:", size=size, bold=True)
    for offset, row in enumerate(_bank_lines(rng, country, doc.vendor, doc.number), 1):
        canvas.text(left, wy + offset * (size + 2), row, size=size - 0.5)
    sy = max(wy + 90, 730)
    canvas.line(left, sy, left + 150, sy, width=0.5)
    canvas.text(left, sy + 11, "Authorised Signature", size=size - 1)
    canvas.line(right - 150, sy, right, sy, width=0.5)
    canvas.text(right - 150, sy + 11, "Received by / Date", size=size - 1)
    if rng.random() < 0.5:
        canvas.text(centre, sy + 40, "Thank you for your business!", size=size, align="center")


# ---------------------------------------------------------------- pos


def _pos(doc: Doc, seller: list[str]) -> None:
    rng, canvas, size, country = doc.rng, doc.canvas, doc.size, doc.country
    left, right, centre = 10.0, RECEIPT_WIDTH - 10, RECEIPT_WIDTH / 2
    step = size + 2.5
    y = 26.0
    canvas.text(centre, y, doc.vendor, size=size + 2, bold=True, align="center")
    y += step + 2
    for row in seller:
        canvas.text(centre, y, row, size=size - 1, align="center")
        y += step - 1
    y += 4
    canvas.text(
        centre,
        y,
        rng.choice(("TAX INVOICE", "*** TAX INVOICE ***")),
        size=size + 1,
        bold=True,
        align="center",
    )
    y += step + 2
    cashier = _words(rng, FIRST, country)
    clock = f"{rng.randint(7, 20):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    stamp = f"{doc.dates_style.format(doc.dates.issue)} {clock}"
    meta = [
        f"{rng.choice(('Inv No:', 'Receipt No:', 'Invoice No:'))} {doc.number}",
        stamp,
        f"Till: {rng.randint(1, 24):02d}  Cashier: {cashier}",
    ]
    if rng.random() < 0.5:
        meta.append(f"Slip: {rng.randint(1000, 9999)}  Trans: {names.digits(rng, 5)}")
    rng.shuffle(meta)
    for row in meta:
        canvas.text(left, y, row, size=size - 0.5)
        y += step
    canvas.line(left, y - 4, right, y - 4, width=0.5)
    y += 6
    marks = {"za": ("", "Z"), "ke": ("B", "E"), "ng": ("", ""), "gh": ("", "")}[country]
    two_rows = rng.random() < 0.5 or isinstance(doc.quantities, FixedQuantity)
    for line, rate in zip(doc.lines, doc.rates, strict=True):
        mark = marks[0] if rate else marks[1]
        shown = doc.style.number(line.amount) + (f" {mark}" if mark else "")
        weighed = line.unit == "kg"
        if weighed:
            canvas.text(left, y, line.description, size=size)
            y += step
            canvas.text(
                left + 8,
                y,
                f"{doc.quantities.number(line.quantity)} kg @ {doc.style.number(line.unit_price)}",
                size=size - 0.5,
            )
            doc.put(right, y, shown, size=size, align="right")
        elif line.quantity == 1 and not two_rows:
            canvas.text(left, y, line.description, size=size)
            doc.put(right, y, shown, size=size, align="right")
        else:
            canvas.text(left, y, line.description, size=size)
            y += step
            canvas.text(
                left + 8,
                y,
                f"{doc.quantities.number(line.quantity)} x {doc.style.number(line.unit_price)}",
                size=size - 0.5,
            )
            doc.put(right, y, shown, size=size, align="right")
        y += step
    canvas.line(left, y - 4, right, y - 4, width=0.5)
    y += 8
    count = sum(1 if line.unit == "kg" else int(line.quantity) for line in doc.lines)
    if country == "gh":
        canvas.text(left, y, "SUB TOTAL", size=size)
        doc.put(right, y, doc.style.number(doc.sums.subtotal), size=size, align="right")
        y += step
        for label, amount in _tax_rows(doc, short=True):
            canvas.text(left, y, label.upper(), size=size)
            doc.put(right, y, doc.style.number(amount), size=size, align="right")
            y += step
    canvas.text(left, y, "TOTAL", size=size + 2, bold=True)
    doc.put(right, y, doc.style.amount(doc.sums.total), size=size + 2, bold=True, align="right")
    y += step + 4
    tender = rng.choice(("CASH", "CARD", "M-PESA" if country == "ke" else "TRANSFER"))
    if tender == "CASH":
        note = {"za": 50, "ke": 500, "ng": 1000, "gh": 20}[country]
        cash = Decimal((int(doc.sums.total) // note + 1) * note)
        canvas.text(left, y, "CASH", size=size)
        doc.put(right, y, doc.style.number(cash), size=size, align="right")
        y += step
        canvas.text(left, y, "CHANGE", size=size)
        doc.put(right, y, doc.style.number(cash - doc.sums.total), size=size, align="right")
    else:
        canvas.text(left, y, tender, size=size)
        doc.put(right, y, doc.style.number(doc.sums.total), size=size, align="right")
        if tender == "CARD":
            y += step
            canvas.text(
                left,
                y,
                f"VISA ****{names.digits(rng, 4)}  AUTH {names.digits(rng, 6)}",
                size=size - 1,
            )
        if tender == "M-PESA":
            y += step
            code = "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(10))
            canvas.text(left, y, f"Ref: {code}", size=size - 1)
    y += step + 2
    canvas.text(left, y, f"ITEMS: {count}", size=size - 0.5)
    y += step + 4
    vat_rate = f"{VAT[country].normalize()}%"
    if country == "za":
        zero = sum(
            (line.amount for line, rate in zip(doc.lines, doc.rates, strict=True) if not rate),
            Decimal(0),
        )
        taxable_net = doc.sums.total - zero - doc.sums.vat
        rows = [("VATABLE AMT", taxable_net), (f"VAT {vat_rate}", doc.sums.vat)]
        if zero:
            rows.append(("ZERO RATED", zero))
        if doc.net_line:
            rows.append(("TOTAL EXCL VAT", doc.sums.subtotal))
        for label, amount in rows:
            canvas.text(left, y, label, size=size - 0.5)
            doc.put(right, y, doc.style.number(amount), size=size - 0.5, align="right")
            y += step
        if zero:
            canvas.text(left, y, "Z = Zero rated item", size=size - 1.5)
            y += step
    elif country == "ke":
        exempt = sum(
            (line.amount for line, rate in zip(doc.lines, doc.rates, strict=True) if not rate),
            Decimal(0),
        )
        rows = [
            ("TOTAL A-EX", exempt),
            ("TOTAL B-16.00%", doc.sums.total - exempt),
            ("TOTAL TAX B", doc.sums.vat),
            ("TOTAL TAX", doc.sums.vat),
        ]
        for label, amount in rows:
            canvas.text(left, y, label, size=size - 0.5)
            doc.put(right, y, doc.style.number(amount), size=size - 0.5, align="right")
            y += step
    elif country == "ng":
        label = rng.choice((f"VAT ({vat_rate}) INCL.", f"VAT {vat_rate} Inclusive", "VAT INCLUDED"))
        canvas.text(left, y, label, size=size - 0.5)
        doc.put(right, y, doc.style.number(doc.sums.vat), size=size - 0.5, align="right")
        y += step
        if doc.net_line:
            canvas.text(left, y, "TOTAL EXCL VAT", size=size - 0.5)
            doc.put(right, y, doc.style.number(doc.sums.subtotal), size=size - 0.5, align="right")
            y += step
    y += 6
    if country == "ke":
        canvas.text(centre, y, "CU INFORMATION", size=size, bold=True, align="center")
        y += step
        for label, value in _etims(rng):
            canvas.text(left, y, f"{label}:", size=size - 1.5)
            y += step - 2
            canvas.text(left + 6, y, value, size=size - 1.5)
            y += step - 1
        _qr(canvas, rng, centre - 36, y, 72)
        y += 84
        canvas.text(centre, y, "END OF LEGAL RECEIPT", size=size - 1, align="center")
        y += step
        canvas.text(
            centre,
            y,
            f"Lipa na M-PESA Till No: {rng.randint(100000, 9999999)}",
            size=size - 1,
            align="center",
        )
        y += step
    feet = ["Thank you for shopping with us", "Goods once sold are not returnable"]
    feet.append("Please keep your slip for returns")
    if country != "gh":
        feet.append("Prices include VAT")
    foot = rng.choice(feet)
    canvas.text(centre, y, foot, size=size - 1, align="center")
    canvas.height = y + 30


# ---------------------------------------------------------------- services


def _services(doc: Doc, seller: list[str], legal: str, customer: list[str]) -> None:
    rng, canvas, size, country = doc.rng, doc.canvas, doc.size, doc.country
    left, right = 40, 555
    colour = rng.choice(((0.1, 0.3, 0.55), (0.0, 0.45, 0.4), (0.55, 0.1, 0.15), (0.2, 0.2, 0.2)))
    canvas.box(0, 0, A4[0], 70, stroke=None, fill=colour)
    canvas.text(left, 44, doc.vendor, size=20, bold=True, color=(1, 1, 1))
    canvas.text(
        right,
        44,
        rng.choice(("TAX INVOICE", "TAX INVOICE / STATEMENT")),
        size=14,
        bold=True,
        align="right",
        color=(1, 1, 1),
    )
    y = 90.0
    for row in seller[:3]:
        canvas.text(left, y, row, size=size - 1, color=GREY)
        y += size + 1
    account = names.digits(rng, rng.choice((7, 8, 10)))
    period_start = doc.dates.issue.replace(day=1)
    period_end = (period_start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    period = f"{doc.dates_style.format(period_start)} - {doc.dates_style.format(period_end)}"
    info = [
        ("Account No", account),
        ("Invoice No", doc.number),
        ("Invoice Date", doc.dates_style.format(doc.dates.issue)),
        ("Due Date", doc.dates_style.format(doc.dates.due)),
        ("Billing Period", period),
    ]
    if rng.random() < 0.5:
        info.insert(0, info.pop(1))
    iy = 90.0
    for label, value in info:
        canvas.text(330, iy, label, size=size, bold=True)
        canvas.text(right, iy, value, size=size, align="right")
        iy += size + 4
    cy = max(y, iy) + 14
    for offset, row in enumerate(customer):
        canvas.text(left, cy + offset * (size + 3), row, size=size, bold=offset == 0)

    prev = money(doc.sums.total * Decimal(rng.choice(("0.9", "1", "1", "1.1", "0.8"))))
    paid = prev if rng.random() < 0.65 else money(prev * Decimal("0.5"))
    due_total = prev - paid + doc.sums.total
    sy = cy + (len(customer) + 1) * (size + 3)
    canvas.box(330, sy - 12, right, sy + 4 * (size + 6) + 2, width=0.7)
    canvas.text(336, sy, "Account Summary", size=size, bold=True)
    summary = [
        (rng.choice(("Balance brought forward", "Previous balance", "Opening balance")), prev),
        (
            rng.choice(("Payments received - thank you", "Payments received", "Less payments")),
            -paid,
        ),
        (
            rng.choice(("Current charges", "This invoice", "Current charges (incl. VAT)")),
            doc.sums.total,
        ),
        (rng.choice(("Total amount due", "Amount payable", "Total due")), due_total),
    ]
    for offset, (label, amount) in enumerate(summary, 1):
        strong = offset == 4
        yy = sy + offset * (size + 6) - 4
        canvas.text(336, yy, label, size=size - 0.5, bold=strong)
        doc.put(
            right - 6, yy, doc.style.amount(amount), size=size - 0.5, bold=strong, align="right"
        )

    top = max(sy + 5 * (size + 6) + 10, cy + (len(customer) + 1) * (size + 3) + 8)
    month = f"{period_start.month:02d}/{period_start.year}"
    columns = [
        Column("Description", left + 2),
        Column("Period", 270),
        Column("Qty", 365, "right"),
        Column("Unit Price", 445, "right"),
        Column("Amount (excl. VAT)" if country != "gh" else "Amount", right - 2, "right"),
    ]
    rows = [
        [
            line.description,
            month
            if "once-off" not in line.description and "call-out" not in line.description
            else doc.dates_style.format(doc.dates.other[0]),
            doc.quantities.number(line.quantity),
            doc.style.number(line.unit_price),
            doc.style.number(line.amount),
        ]
        for line in doc.lines
    ]
    y = draw_table(
        canvas,
        top,
        columns,
        rows,
        left=left,
        right=right,
        size=size - 0.5,
        row_height=16,
        rules=rng.choice(("header", "zebra")),
        header_fill=LIGHT,
    )
    totals = [
        (rng.choice(("Total excl. VAT", "Sub Total", "Net charges")), doc.sums.subtotal, False),
        *[(label, amount, False) for label, amount in _tax_rows(doc)],
        (
            rng.choice(("Total current charges", "Invoice total", "Total incl. VAT")),
            doc.sums.total,
            True,
        ),
    ]
    ty = y + 12
    for label, amount, strong in totals:
        canvas.text(350, ty, label, size=size, bold=strong)
        doc.put(right - 2, ty, doc.style.number(amount), size=size, bold=strong, align="right")
        ty += size + 5
    py = ty + 16
    canvas.text(left, py, "How to pay", size=size + 1, bold=True)
    if country == "ke":
        pay = [
            f"M-PESA: Paybill No. {rng.randint(100000, 999999)}, Account No. {account}",
            *_bank_lines(rng, country, doc.vendor, account)[:3],
        ]
    elif country == "za":
        pay = [
            "EFT: please use your account number as reference.",
            *_bank_lines(rng, country, legal, account)[:4],
            "Debit order customers: your debit order will run on the 1st.",
        ]
    elif country == "gh":
        pay = [
            f"Mobile Money: dial *170# > Pay Bill > Merchant ID {rng.randint(100000, 999999)}",
            *_bank_lines(rng, country, legal, account)[:3],
        ]
    else:
        pay = [
            "Bank transfer to:",
            *_bank_lines(rng, country, legal, account)[:3],
            f"Use {account} as your payment reference.",
        ]
    for offset, row in enumerate(pay, 1):
        canvas.text(left, py + offset * (size + 2), row, size=size - 0.5)
    if country == "ke":
        _qr(canvas, rng, right - 70, py - 8, 66)
        canvas.text(
            right - 2,
            py + 70,
            f"CU Invoice No: {_etims(rng)[1][1]}",
            size=6,
            align="right",
            color=GREY,
        )
    small = [f"{doc.vendor} is a trading name of {legal}." if legal != doc.vendor else legal]
    small += seller[3:]
    if country == "za" and rng.random() < 0.6:
        small.append(_bbbee(rng))
    for offset, row in enumerate(small):
        canvas.text(297, 790 + offset * 9, row, size=6.5, align="center", color=GREY)


# ---------------------------------------------------------------- build


def _styles(
    rng: random.Random, country: Country, family: Family
) -> tuple[MoneyStyle, DateStyle, tuple[str, ...]]:
    if country == "za":
        style = rng.choice(
            (
                MoneyStyle(" ", ",", "R"),
                MoneyStyle(",", ".", "R", symbol_space=False),
                MoneyStyle(" ", ".", "R"),
            )
        )
        dates = DateStyle(
            rng.choice(
                (
                    "{yyyy}/{mm}/{dd}",
                    "{yyyy}/{mm}/{dd}",
                    "{dd}/{mm}/{yyyy}",
                    "{d} {month} {yyyy}",
                    "{dd} {mon} {yyyy}",
                    "{yyyy}-{mm}-{dd}",
                )
            )
        )
        return style, dates, ("R", "ZAR")
    if country == "ke":
        symbol = rng.choice(("KES", "KSh", "Ksh", "KES"))
        dates = DateStyle(
            rng.choice(
                ("{dd}/{mm}/{yyyy}", "{dd}/{mm}/{yyyy}", "{d}-{mon}-{yyyy}", "{d} {month} {yyyy}")
            )
        )
        return MoneyStyle(",", ".", symbol), dates, (symbol, "KES")
    if country == "ng":
        symbol = rng.choice(("NGN", "N", "N"))
        style = MoneyStyle(",", ".", symbol, symbol_space=symbol == "NGN")
        if family in ("ledger", "template") and rng.random() < 0.35:
            dates = OrdinalDate("{d} {month}, {yyyy}")
        else:
            dates = DateStyle(
                rng.choice(("{dd}/{mm}/{yyyy}", "{dd}-{mm}-{yyyy}", "{d} {mon} {yyyy}"))
            )
        return style, dates, ("NGN", "N", "₦")
    symbol = rng.choice(("GH¢", "GHS", "GH¢", "GHC"))
    style = MoneyStyle(",", ".", symbol, symbol_space=symbol != "GH¢" or rng.random() < 0.3)
    dates = DateStyle(
        rng.choice(
            ("{dd}/{mm}/{yyyy}", "{dd}-{mon}-{yyyy}", "{month} {d}, {yyyy}", "{d}/{m}/{yyyy}")
        )
    )
    return style, dates, (symbol, "GHS")


def _pos_lines(rng: random.Random, country: Country) -> tuple[list[Line], list[Decimal]]:
    scale = SCALE[country]
    picks = rng.sample(SHOP[country], rng.randint(2, min(8, len(SHOP[country]))))
    lines, rates = [], []
    for text, low, high, zero in picks:
        qty = Decimal(rng.choice((1, 1, 1, 1, 2, 2, 3, 4, 6)))
        lines.append(Line(text, qty, price(rng, low * scale, high * scale)))
        rates.append(Decimal(0) if zero else VAT[country])
    if rng.random() < 0.35:
        text, low, high = WEIGHED[country]
        weight = Decimal(rng.randint(250, 2400)) / 1000
        at = rng.randint(0, len(lines))
        lines.insert(
            at, Line(text, weight, money(Decimal(str(rng.uniform(low, high) * scale))), "kg")
        )
        rates.insert(at, VAT[country])
    return lines, rates


def build(rng: random.Random) -> Rendered:
    country: Country = rng.choice(("za", "za", "ke", "ng", "gh"))
    family: Family = choose(rng, [(3, "ledger"), (3, "template"), (2, "pos"), (2, "services")])
    style, dates_style, marks = _styles(rng, country, family)
    dates = pick_dates(rng, dates_style, due_days=(7, 14, 30, 30))
    year = dates.issue.year
    inclusive = family == "pos" and country != "gh"
    quantities: QuantityStyle = QuantityStyle(".")
    if family == "ledger" and rng.random() < 0.6:
        quantities = FixedQuantity(".", rng.choice((2, 2, 3)))
    if family == "pos" and rng.random() < 0.4:
        quantities = FixedQuantity(".", 3)

    if family == "pos":
        lines, rates = _pos_lines(rng, country)
        shop = rng.choice(("Supermarket", "Superstore", "Cash & Carry", "Mini Mart", "Hyper"))
        vendor = f"{_words(rng, PLACES, country)} {shop}"
        if rng.random() < 0.6:
            vendor = vendor.upper()
        legal = vendor
    elif family == "services":
        label, pool = SERVICES[rng.choice(sorted(SERVICES))]
        vendor = f"{_words(rng, PLACES, country)} {label}"
        group = rng.choice(("Holdings", "Group", "Networks", "Services"))
        legal = f"{vendor.split()[0]} {group} {FORMS[country][0]}"
        picks = rng.sample(pool, rng.randint(1, len(pool)))
        lines = [
            Line(
                text,
                Decimal(rng.choice((1, 1, 1, 2, 3, 5))),
                price(rng, low * SCALE[country], high * SCALE[country]),
            )
            for text, low, high in picks
        ]
        rates = [VAT[country]] * len(lines)
    else:
        vendor = _vendor(rng, country)
        legal = vendor
        pool = GOODS + LABOUR
        lines, rates = _lines(rng, country, pool, rng.randint(1, 7))
    sums = _sums(country, lines, rates, inclusive)
    number = _invoice_number(rng, family, year)

    size = {
        "ledger": rng.choice((8, 8.5, 9)),
        "template": rng.choice((9, 9.5, 10)),
        "pos": rng.choice((7.5, 8)),
        "services": rng.choice((8, 8.5)),
    }[family]
    if family == "pos":
        canvas = Canvas(RECEIPT_WIDTH, 800, family=rng.choice(("cour", "cour", "helv")))
    else:
        font = {
            "ledger": ("helv", "helv", "tiro"),
            "template": ("tiro", "helv", "helv"),
            "services": ("helv",),
        }[family]
        canvas = Canvas(*A4, family=rng.choice(font))
    due_printed = (
        family == "services"
        or (family == "ledger" and rng.random() < 0.8)
        or (family == "template" and rng.random() < 0.5)
    )
    doc = Doc(
        rng,
        country,
        family,
        canvas,
        size,
        style,
        dates_style,
        dates,
        quantities,
        vendor,
        number,
        lines,
        rates,
        sums,
        naira=country == "ng" and style.symbol == "N" and rng.random() < 0.6,
        ghana_total_tax=rng.random() < 0.45,
        net_line=rng.random() < 0.4,
        due_printed=due_printed,
    )

    seller = [*_address(rng, country), f"Tel: {_phone(rng, country)}"]
    if family != "pos" and rng.random() < 0.7:
        seller.append(f"Email: {_email(vendor, country)}")
    seller += _seller_ids(rng, country, year)
    customer = [_customer(rng, country), *_address(rng, country)]
    if rng.random() < 0.7:
        customer.append(_customer_id(rng, country))

    if family == "ledger":
        _ledger(doc, seller, customer, year)
    elif family == "template":
        _template(doc, seller, customer)
    elif family == "pos":
        _pos(doc, seller[:1] + seller[-2:])
    else:
        _services(doc, seller, legal, customer)

    subtotal: Decimal | None = sums.subtotal
    tax: Decimal | None = sums.tax
    if family == "pos" and country != "gh":
        printed_net = doc.net_line and country in ("za", "ng")
        subtotal = sums.subtotal if printed_net else None
    if country == "gh" and not doc.ghana_total_tax:
        tax = None
    fields = truth_fields(
        number=number,
        issue=dates.issue,
        due=dates.due if doc.due_printed and family != "pos" else None,
        vendor=vendor,
        total=sums.total,
        subtotal=subtotal,
        tax=tax,
        currency=CURRENCY[country],
        lines=lines,
    )
    weights: dict[Family, list[tuple[float, Literal["png", "jpg"] | None]]] = {
        "ledger": [(9, None), (1, "jpg")],
        "template": [(6, None), (3, "jpg"), (1, "png")],
        "pos": [(3, None), (5, "jpg"), (2, "png")],
        "services": [(17, None), (3, "jpg")],
    }
    image = choose(rng, weights[family])
    return Rendered(
        fields,
        "en",
        "receipt" if family == "pos" else "invoice",
        canvas.pdf(title=number),
        style,
        dates_style,
        quantities,
        marks,
        prices_include_tax=inclusive,
        image=image,
    )
