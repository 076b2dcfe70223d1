"""`freight-invoice`: freight, logistics and courier invoices in English from Singapore, the UAE,
the UK and the US: a forwarder's ocean or air freight invoice, a smaller forwarder's
freight-software print, a US LTL carrier's freight bill, a courier's multi-shipment account
invoice and a small carrier's Word invoice.

The truth, where disbursements and two currencies meet:

- `currency` is the billing currency, the one the invoice total is stated and payable in. A
  Singapore or Dubai forwarder's charges table mixes US-dollar lines (ocean or air freight,
  surcharges, filing fees) with local lines (THC, delivery order, clearance, haulage), each with
  its own currency, foreign amount and exchange-rate column, and converts them all to the billing
  currency: usually the local one (SGD, AED, GBP), on some invoices US dollars with the local
  lines converted at the printed inverse rate. A dollar invoice also restates the GST/VAT (and
  often the total) in local currency, as Singapore and UAE rules ask: those restatements, and
  a local invoice's `Invoice value in USD` note, are decoys.
- `total_amount` is the invoice total in the billing currency: every charge, the disbursements
  (customs duty, import GST/VAT, port charges paid to the authorities on the customer's behalf)
  and the carrier's own GST/VAT. It is never the `Balance Payable` after an advance, a US
  courier's `Total account balance` (previous balance, payments), a trucker's `BALANCE DUE`
  after a fuel advance, nor a converted figure.
- `tax_amount` is the GST/VAT the carrier charges on its own services (standard-rated lines),
  printed as one figure (`GST @ 9% ON 830.00`, `Total VAT`, `VAT 5%`). Import GST/VAT paid to
  customs for the customer is a disbursement, not the invoice's tax: it is outside the scope
  (`OS` / `OOS` / `O`) and sits in the total as a charge, and under UK postponed VAT accounting it
  is only a note that is not in the total at all. Zero-rated invoices (exports, international
  courier shipments) print a tax of 0.00, which the truth keeps. US freight bills and US courier
  invoices carry no tax line and have no tax in the truth; a US Word template that prints
  `SALES TAX 0.00` keeps 0.00.
- `subtotal_amount` is in the truth only where the page prints the total before the carrier's
  tax as one figure, disbursements included (`TOTAL EXCLUDING VAT`, `Total Excl. VAT`, `Total
  excl. GST`, a Word invoice's `Subtotal`), so that subtotal + tax = total. A print that splits
  the net into `Total Taxable Amount / Total Zero Rated Amount / Disbursements (Out of Scope)` or
  a tax-code summary (`SR / ZR / OS` with their nets) without the sum, and a courier invoice that
  adds `Duties & taxes paid on your behalf` after its `Total charges before VAT`, leave it out.
- `invoice_number`: a US LTL carrier identifies its freight bill by the PRO number. Where the
  bill is titled `FREIGHT BILL` and its number box says `PRO NUMBER`, that is the invoice number;
  where it is an `INVOICE` with its own `INVOICE NO.`, the PRO number beside it is a decoy. A
  CargoWise-style invoice is often numbered after its shipment (`S00123456/A` beside `SHIPMENT
  S00123456`).
- `due_date` only where a date is printed (`DUE DATE`, `Payment due date`); `Credit Terms: 30
  Days`, `Net 30` and `30 days from invoice date` alone leave it out.
- `line_items` only where the rows are quantity x unit price in the billing currency adding up
  to the subtotal (or, with no subtotal and no tax printed, to the total): the freight-software
  print when no line is converted from another currency and the net is printed as one figure,
  and the small carrier's invoice. Converted lines (quantity x a dollar rate x an exchange rate),
  hundredweight rating with a percentage discount (LTL) and one row per shipment with freight,
  fuel and surcharge columns (courier) are not line items in that sense.
- `vendor_name` as printed in the letterhead (in capitals where the letterhead is in capitals).

Five layouts.

- `forwarder` (a large forwarder's CargoWise-like print, SG / AE / GB, A4): the forwarder with
  its GST Reg No / TRN / VAT number top left, `TAX INVOICE` top right over a boxed
  label-over-value grid (`INVOICE NUMBER / INVOICE DATE / CUSTOMER ID / DUE DATE or TERMS /
  CURRENCY / PAGE`), a `BILL TO` box, a shipment grid (`SHIPMENT / CONSOL / MODE / INCOTERMS /
  SHIPPER / CONSIGNEE / ORIGIN / ETD / DESTINATION / ETA / VESSEL / VOYAGE or FLIGHT / OCEAN BILL
  OF LADING or MASTER AWB / HOUSE BILL / PERMIT NO, DECLARATION NO or MRN / PACKAGES / WEIGHT /
  VOLUME / CHARGEABLE / CONTAINERS / GOODS / ORDER NUMBERS`), a charges table (`DESCRIPTION` with
  `2 CNTR @ USD 1,450.00` under it, a tax code, `CHARGE IN FC`, `EX. RATE`, `AMOUNT SGD`), then
  either `TOTAL EXCLUDING GST / GST @ 9% ON ... / TOTAL SGD` or a tax-code summary with `TOTAL GST
  / INVOICE TOTAL SGD`, the amount in words on some, bank details and the trading conditions.
- `freight-software` (a smaller forwarder's local freight-software print, half from Dubai): a
  coloured band or a centred letterhead, an underlined `TAX INVOICE`, a `Customer :` box with the
  customer's own TRN beside `Invoice No / Invoice Date / Job No / Customer Code / Credit Terms /
  Due Date / Sales Person`, a shipment box (`MBL No / HBL No / Vessel / Voy / POL / POD / ETA /
  Pkgs / Gross Wt / Volume / Container / Dec. No`), an eleven-column grid (`S.No / Description /
  Qty / Unit / Curr / Rate / Ex.Rate / Amount (AED) / VAT % / VAT Amt / Total (AED)`, quantities
  with two or three decimals), `Total Excl. VAT / VAT @ 5% / Grand Total (AED)` or the bucket
  totals, sometimes `Less: Advance Received` and `Balance Payable`, `Amount in words: UAE Dirhams
  ... and Fils ... Only`, bank details and `For <FORWARDER> / Authorised Signatory`.
- `ltl` (a US LTL carrier's freight bill, Letter, in Helvetica or in Courier as printed on a
  continuous form): the carrier with SCAC, MC and USDOT numbers, a `FREIGHT BILL` or `INVOICE` box
  (`PRO NUMBER` or `INVOICE NO.` and `PRO NO.`, `BILL DATE` / `INVOICE DATE`, `DUE DATE` on some,
  `CUSTOMER NO.`), `SHIPPER / CONSIGNEE / BILL TO (THIRD PARTY)` boxes (the payer follows the
  prepaid / collect / third-party terms), `PICKUP DATE / DELIVERY DATE / B/L NUMBER / P.O. NUMBER
  / TERMS / ORIGIN / DESTINATION`, the rated table (`PCS / TYPE / HM / DESCRIPTION OF ARTICLES`
  with NMFC item and class, weight in pounds, rate per hundredweight, charges), `GROSS CHARGES`,
  `DISCOUNT 72.50%` as `-1,234.56`, `(1,234.56)` or `1,234.56-`, `FUEL SURCHARGE 31.4%`,
  accessorials (liftgate, residential, notify), `TOTAL PIECES / TOTAL WEIGHT / DECLARED VALUE /
  C.O.D. AMOUNT / TOTAL CHARGES`, `PLEASE PAY THIS AMOUNT`, the delivery signature, the tariff
  and claims terms and a remittance stub.
- `courier` (a courier's account invoice, GB / SG / AE / US, one or two pages, born digital): a
  brand bar, the legal entity and its tax number, `TAX INVOICE` / `VAT INVOICE` / `INVOICE` with
  `Invoice number / Invoice date / Account number / Billing period / Payment due date or Payment
  terms / Currency / Page`, an `INVOICE SUMMARY` (shipment count, transportation charges, fuel
  surcharge with its percentage, other surcharges, `Total excl. VAT`, VAT, duties and taxes paid
  on the customer's behalf on some SG and UAE invoices, `Total amount due`; in the US `Total
  current charges` and on some an account summary with previous balance, payments and `Total
  account balance`), `How to pay` with a direct-debit date on some, a separate duty invoice
  mentioned on some UK invoices, and a shipment table (date, 10- or 12-digit waybill or `1Z`
  tracking number, reference, destination, service, pieces, kg or lb, freight, fuel, other, VAT,
  total) continued on a second page when long.
- `small-carrier` (an owner-operator's, a UK haulier's or a Singapore lorry company's Word
  invoice, Times or Helvetica): the name centred or left with MC# / USDOT#, company and VAT
  registration or UEN / GST Reg No, `INVOICE` or `TAX INVOICE`, `BILL TO:` a freight broker or
  `Invoice To:`, `Invoice # / Date / Due Date or Terms` with the broker's `Load #`, `Rate Con #`
  and `BOL #` (or `Account Ref / Your Order No`, `D/O No / Your P.O.`), the pickup and delivery
  or collection dates, vehicle and trailer numbers, a `Description / Qty / Rate / Amount` table
  (line haul, fuel surcharge per loaded mile, detention, lumper, pallets, waiting time, manpower
  hours) padded with empty rows, `TOTAL DUE` alone or `Subtotal`, `VAT @ 20%` / `GST 9%` or a
  `SALES TAX 0.00` row, a fuel advance and `BALANCE DUE` on some, and a factoring company's notice
  of assignment on some US invoices.

Decoys and awkward parts: PRO, B/L, house and master bill, AWB (with its mod-7 check digit),
container (ISO 6346 with its check digit), booking, job, consol, shipment, customer, account, load,
rate-confirmation, D/O, permit, declaration and MRN numbers, several shaped like the invoice number;
ETD, ETA, pickup, delivery, collection, service, billing-period and direct-debit dates beside the
invoice and due dates (day first outside the US and numeric on many prints, so some are ambiguous);
weights in kg and lb, volumes in CBM, chargeable weight, pieces, declared value, C.O.D. amount and
the customs (CIF) value; exchange rates at four or six decimals; foreign-currency amounts per line;
per-line tax and line totals including tax; the import GST/VAT disbursement beside the carrier's own
GST/VAT; the tax restated in local currency and the total converted; Singapore's GST at 7, 8 or 9 %
by year; the gross charges and the discount of a freight bill; the shipper, consignee, broker and
factoring company as other names; the amount in words. About a quarter are scanned images: the LTL
bills and small carriers' invoices most often, some freight-software prints, few forwarder prints
and no courier invoices.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from bench.synth import names
from bench.synth.canvas import A4, LETTER, Canvas, Color
from bench.synth.common import Column, Rules, choose, draw_table
from bench.synth.document import Dates, Line, Rendered, pick_dates, truth_fields
from bench.synth.formats import DateStyle, FixedQuantity, MoneyStyle, QuantityStyle, money

Country = Literal["SG", "AE", "GB", "US"]
Layout = Literal["forwarder", "freight-software", "ltl", "courier", "small-carrier"]
Scan = Literal["png", "jpg"] | None

BLACK: Color = (0, 0, 0)
GREY: Color = (0.4, 0.4, 0.4)
LIGHT: Color = (0.9, 0.9, 0.9)
WHITE: Color = (1, 1, 1)
ACCENTS: tuple[Color, ...] = (
    (0.0, 0.22, 0.45),
    (0.6, 0.08, 0.1),
    (0.0, 0.4, 0.35),
    (0.85, 0.42, 0.0),
    (0.2, 0.2, 0.25),
    (0.35, 0.15, 0.5),
)

LOCAL = {"SG": "SGD", "AE": "AED", "GB": "GBP", "US": "USD"}
TAX_NAME = {"SG": "GST", "AE": "VAT", "GB": "VAT", "US": "Tax"}
COUNTRY_NAME = {
    "SG": "Singapore",
    "AE": "United Arab Emirates",
    "GB": "United Kingdom",
    "US": "USA",
}
CENTS = Decimal("0.01")


def _tax_rate(country: Country, year: int) -> Decimal:
    """Singapore's GST went from 7 % to 8 % in 2023 and to 9 % in 2024."""
    if country == "SG":
        return Decimal({2022: 7, 2023: 8}.get(year, 9))
    return Decimal({"AE": 5, "GB": 20, "US": 0}[country])


def _rate_text(rate: Decimal) -> str:
    return f"{format(rate.normalize(), 'f')}%"


def _money_style(rng: random.Random, currency: str) -> MoneyStyle:
    """The amount's mark: a symbol without a space, a code with one."""
    mark = rng.choice(
        {
            "GBP": ("£", "£", "GBP"),
            "USD": ("$", "USD", "US$"),
            "SGD": ("S$", "SGD", "SGD"),
            "AED": ("AED", "AED", "Dhs"),
        }[currency]
    )
    return MoneyStyle(",", ".", mark, symbol_space=mark.isalpha())


def _marks(style: MoneyStyle, currency: str) -> tuple[str, ...]:
    return (style.symbol, currency) if style.symbol else (currency,)


# --- Parties -------------------------------------------------------------------------------

FORWARDER_WORDS = {
    "SG": "Kestrel|Straits|Lion Gate|Meridian|Harbourfront|Orchid|Eastwind|Jade Line|Tanjong|"
    "Bayfront",
    "AE": "Al Noor|Gulf Horizon|Al Safa|Falcon Crest|Desert Star|Creekside|Al Mina|Pearl Coast|"
    "Sahara Link|Al Hamriya",
    "GB": "Thamesway|Pennine|Solent|Humber|Albion|Northgate|Medway|Severn|Mersey|Wessex",
}
FORWARDER_FORMS = {
    "SG": (
        "Logistics Pte Ltd",
        "Freight Services Pte. Ltd.",
        "Shipping & Forwarding Pte Ltd",
        "Global Logistics (S) Pte Ltd",
        "Cargo Express Pte Ltd",
        "Worldwide Logistics Pte. Ltd.",
    ),
    "AE": (
        "Shipping & Cargo LLC",
        "Freight Services L.L.C",
        "Logistics FZE",
        "Cargo Services FZCO",
        "Global Shipping L.L.C.",
        "Freight Forwarding LLC",
    ),
    "GB": (
        "Freight Services Ltd",
        "International Logistics Ltd",
        "Shipping Limited",
        "Global Forwarding Ltd",
        "Freight Management Ltd",
        "Cargo Ltd",
    ),
}
CUSTOMER_WORDS = {
    "SG": "Tiong Bahru|Eng Hup|Sin Kee|Golden Bay|Pacific Orient|Seletar|Kallang|Woodlands|"
    "Hock Lee",
    "AE": "Al Majd|Bin Rashid|Royal Falcon|Al Wasl|Gulf Pearl|Emirates Crown|Al Qusais|Ras Al Khor",
}
CUSTOMER_FORMS = {
    "SG": (
        "Electronics Pte Ltd",
        "Trading Pte Ltd",
        "Industries (S) Pte Ltd",
        "Engineering Pte. Ltd.",
        "Marine Supplies Pte Ltd",
        "Foods Pte Ltd",
    ),
    "AE": (
        "General Trading LLC",
        "Trading Co. L.L.C",
        "Electronics FZE",
        "Building Materials Trading LLC",
        "Foodstuff Trading L.L.C",
        "Auto Spare Parts Trading LLC",
    ),
}
OVERSEAS = (
    "Ningbo Huaxin Industrial Co., Ltd.",
    "Shenzhen Topway Technology Co., Ltd.",
    "Foshan Meiya Furniture Co., Ltd.",
    "Qingdao Ocean Star Tyre Co., Ltd.",
    "Saigon Textile Export JSC",
    "Chennai Auto Components Pvt. Ltd.",
    "Hamburg Maschinenhandel GmbH",
    "Rotterdam Food Trading B.V.",
    "Busan Marine Parts Co., Ltd.",
    "Siam Rubber Products Co., Ltd.",
    "Anadolu Tekstil Dis Ticaret A.S.",
    "Osaka Precision Tools K.K.",
    "Pacific Organic Foods Inc.",
    "Guangzhou Brightlite Lighting Co., Ltd.",
)
GOODS = (
    "FURNITURE",
    "LED LIGHTING FIXTURES",
    "AUTO SPARE PARTS",
    "GARMENTS",
    "CERAMIC TILES",
    "ELECTRONIC COMPONENTS",
    "FROZEN FOOD",
    "TYRES",
    "MACHINERY PARTS",
    "PLASTIC RESIN",
    "HOUSEHOLD APPLIANCES",
    "STEEL FITTINGS",
)


def _forwarder_name(rng: random.Random, country: Country) -> str:
    word = rng.choice(FORWARDER_WORDS[country].split("|"))
    return f"{word} {rng.choice(FORWARDER_FORMS[country])}"


def _customer(rng: random.Random, country: Country) -> str:
    if country in CUSTOMER_WORDS:
        word = rng.choice(CUSTOMER_WORDS[country].split("|"))
        return f"{word} {rng.choice(CUSTOMER_FORMS[country])}"
    return names.company(rng, "en" if country == "GB" else "us")


def _address(rng: random.Random, country: Country) -> list[str]:
    if country == "SG":
        street = rng.choice(
            (
                "Pioneer Road North",
                "Tuas South Avenue 2",
                "Changi South Lane",
                "Penjuru Road",
                "Alexandra Road",
                "Loyang Way",
                "Ubi Avenue 1",
                "Jalan Buroh",
            )
        )
        return [
            f"{rng.randint(1, 90)} {street} #0{rng.randint(1, 9)}-{rng.randint(10, 99)}",
            f"Singapore {rng.randint(100000, 829999)}",
        ]
    if country == "AE":
        if rng.random() < 0.4:
            return [
                f"Plot {rng.choice('SWN')}{rng.randint(10000, 69999)}, Jebel Ali Free Zone",
                f"P.O. Box {rng.randint(16000, 263999)}, Dubai, U.A.E.",
            ]
        building = rng.choice(
            (
                "Al Moosa Tower 2, Sheikh Zayed Road",
                "Makateb Building, Port Saeed",
                "Al Shafar Building, Al Quoz 3",
                "Sharaf Building, Khalid Bin Al Waleed Road",
                "Dubai Airport Free Zone, Building 6W",
                "Al Fattan Plaza, Al Garhoud",
            )
        )
        return [
            f"Office {rng.randint(101, 1908)}, {building}",
            f"P.O. Box {rng.randint(1000, 99999)}, Dubai, United Arab Emirates",
        ]
    if country == "GB":
        return names.address(rng, "en")
    return names.address(rng, "us")


def _tax_id(rng: random.Random, country: Country) -> tuple[str, str]:
    """The seller's tax registration label and number."""
    if country == "SG":
        return (
            "GST Reg No",
            f"{rng.choice(('19', '20'))}{names.digits(rng, 7)}{rng.choice('KMNRWZ')}",
        )
    if country == "AE":
        return "TRN", f"100{names.digits(rng, 11)}3"
    if country == "GB":
        return "VAT Reg No", names.vat_id(rng, "GB")
    return "Federal Tax ID", f"{names.digits(rng, 2)}-{names.digits(rng, 7)}"


def _phone(rng: random.Random, country: Country) -> str:
    if country == "AE":
        return f"+971 4 {names.digits(rng, 3)} {names.digits(rng, 4)}"
    if country == "SG":
        return f"+65 {names.phone(rng, 'SG')}"
    return names.phone(rng, country)


def _domain(name: str) -> str:
    word = "".join(ch for ch in name.split()[0].lower() if ch.isalpha())
    return f"{word or 'cargo'}{'-' + name.split()[1].lower() if len(name.split()) > 2 else ''}"


def _bank(rng: random.Random, country: Country, currency: str) -> list[str]:
    if country == "SG":
        bank = rng.choice(("DBS Bank Ltd", "OCBC Bank", "United Overseas Bank Ltd"))
        swift = {"DBS Bank Ltd": "DBSSSGSG", "OCBC Bank": "OCBCSGSG"}.get(bank, "UOVBSGSG")
        return [
            f"Bank: {bank}   {currency} A/C No: {names.digits(rng, 3)}-{names.digits(rng, 6)}-"
            f"{names.digits(rng, 1)}   SWIFT: {swift}",
        ]
    if country == "AE":
        bank = rng.choice(("Emirates NBD", "Mashreq Bank", "Abu Dhabi Commercial Bank"))
        return [
            f"Bank: {bank}   A/C No: {names.digits(rng, 13)}   Currency: {currency}",
            f"IBAN: AE{rng.randint(10, 99)} 0{names.digits(rng, 2)}0 {names.digits(rng, 4)} "
            f"{names.digits(rng, 4)} {names.digits(rng, 4)} {names.digits(rng, 3)}",
        ]
    if country == "GB":
        return [
            f"{rng.choice(('Barclays Bank PLC', 'HSBC UK Bank plc', 'NatWest'))}   Sort code "
            f"{names.digits(rng, 2)}-{names.digits(rng, 2)}-{names.digits(rng, 2)}   Account "
            f"{names.digits(rng, 8)}",
            f"IBAN {names.iban(rng, 'GB')}",
        ]
    return [
        f"ACH/Wire: Routing {names.digits(rng, 9)}   Account {names.digits(rng, 10)}",
    ]


# --- Identifiers ---------------------------------------------------------------------------


def _iso6346_values() -> dict[str, int]:
    """ISO 6346 letter values: from 10 upwards, skipping the multiples of 11."""
    values: dict[str, int] = {}
    value = 10
    for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        if value % 11 == 0:
            value += 1
        values[letter] = value
        value += 1
    return values


ISO6346 = _iso6346_values()
OWNERS = ("MSCU", "MSKU", "TGHU", "CMAU", "TCNU", "SEGU", "BMOU", "FCIU", "OOLU", "HLXU", "TRHU")
SEA_LINES = (
    ("MEDU", "MSC"),
    ("MAEU", "MAERSK"),
    ("ONEY", "ONE"),
    ("COSU", "COSCO"),
    ("HLCU", "HAPAG-LLOYD"),
    ("CMDU", "CMA CGM"),
    ("EGLV", "EVERGREEN"),
)
VESSELS = (
    "AURORA BRIDGE",
    "KOTA HARUM",
    "NORTHERN VALOUR",
    "ORIENT GLORY",
    "CAPE TALLIS",
    "STAR MERIDIAN",
    "PACIFIC DAWN",
    "JADE HORIZON",
    "EVER LUMEN",
    "SEA PROSPER",
)
AIRLINES = (
    ("176", "EK"),
    ("618", "SQ"),
    ("125", "BA"),
    ("160", "CX"),
    ("157", "QR"),
    ("020", "LH"),
)


def _container(rng: random.Random) -> str:
    """An ISO 6346 container number with its check digit."""
    owner = rng.choice(OWNERS)
    serial = names.digits(rng, 6)
    total = sum(
        (ISO6346[ch] if ch.isalpha() else int(ch)) * 2**i for i, ch in enumerate(owner + serial)
    )
    return f"{owner}{serial}{total % 11 % 10}"


def _awb(rng: random.Random, prefix: str) -> str:
    """An air waybill number: airline prefix, seven digits and their remainder mod 7."""
    serial = rng.randint(1000000, 9999999)
    return f"{prefix}-{serial}{serial % 7}"


# --- Shipments and charges -----------------------------------------------------------------

LOCAL_SEA = {
    "SG": (("SGSIN", "SINGAPORE"),),
    "AE": (("AEJEA", "JEBEL ALI"), ("AEKHL", "KHALIFA PORT")),
    "GB": (("GBFXT", "FELIXSTOWE"), ("GBSOU", "SOUTHAMPTON"), ("GBLGP", "LONDON GATEWAY")),
}
LOCAL_AIR = {
    "SG": (("SIN", "SINGAPORE CHANGI"),),
    "AE": (("DXB", "DUBAI INTL"), ("DWC", "DUBAI WORLD CENTRAL")),
    "GB": (("LHR", "LONDON HEATHROW"), ("MAN", "MANCHESTER")),
}
FOREIGN_SEA = (
    ("CNSHA", "SHANGHAI, CN"),
    ("CNNGB", "NINGBO, CN"),
    ("CNYTN", "YANTIAN, CN"),
    ("HKHKG", "HONG KONG, HK"),
    ("INNSA", "NHAVA SHEVA, IN"),
    ("VNSGN", "HO CHI MINH, VN"),
    ("DEHAM", "HAMBURG, DE"),
    ("NLRTM", "ROTTERDAM, NL"),
    ("KRPUS", "BUSAN, KR"),
    ("THLCH", "LAEM CHABANG, TH"),
    ("USLAX", "LOS ANGELES, US"),
    ("TRAMR", "AMBARLI, TR"),
)
FOREIGN_AIR = (
    ("PVG", "SHANGHAI PUDONG, CN"),
    ("HKG", "HONG KONG, HK"),
    ("FRA", "FRANKFURT, DE"),
    ("JFK", "NEW YORK JFK, US"),
    ("BOM", "MUMBAI, IN"),
    ("NRT", "TOKYO NARITA, JP"),
    ("ICN", "SEOUL INCHEON, KR"),
    ("BKK", "BANGKOK, TH"),
)
USD_PER = {"SG": (13200, 13900), "AE": (36725, 36725), "GB": (7650, 8250)}
"""Local currency per US dollar, in ten-thousandths (the dirham is pegged at 3.6725)."""


@dataclass
class Shipment:
    mode: Literal["SEA FCL", "SEA LCL", "AIR"]
    direction: Literal["IMPORT", "EXPORT"]
    origin: tuple[str, str]
    destination: tuple[str, str]
    etd: dt.date
    eta: dt.date
    voyage: str
    """Vessel and voyage, or the flight."""
    master: str
    house: str
    containers: list[tuple[str, str]]
    packages: str
    weight: Decimal
    volume: Decimal
    chargeable: Decimal
    """Kilograms for air, cubic metres (W/M) for LCL, the volume for FCL."""
    shipper: str
    consignee: str
    incoterm: str
    goods: str
    customs: tuple[str, str]
    """The customs declaration's label and number ("" when none)."""
    job: str
    consol: str
    order: str
    cif: Decimal
    """Customs value in local currency (the base of duty and import tax)."""
    booking: str
    carrier: str

    @property
    def sea(self) -> bool:
        return self.mode != "AIR"

    def container_summary(self) -> str:
        counts: dict[str, int] = {}
        for _, kind in self.containers:
            counts[kind] = counts.get(kind, 0) + 1
        return ", ".join(f"{n} x {kind}" for kind, n in counts.items())


def _shipment(
    rng: random.Random, country: Country, customer: str, dates: Dates, rate: Decimal
) -> Shipment:
    mode: Literal["SEA FCL", "SEA LCL", "AIR"] = choose(
        rng, [(5, "SEA FCL"), (2, "SEA LCL"), (3, "AIR")]
    )
    direction: Literal["IMPORT", "EXPORT"] = "IMPORT" if rng.random() < 0.6 else "EXPORT"
    local = rng.choice((LOCAL_AIR if mode == "AIR" else LOCAL_SEA)[country])
    foreign = rng.choice(FOREIGN_AIR if mode == "AIR" else FOREIGN_SEA)
    origin, destination = (foreign, local) if direction == "IMPORT" else (local, foreign)
    transit = rng.randint(1, 3) if mode == "AIR" else rng.randint(9, 34)
    if direction == "IMPORT":
        eta = dates.issue - dt.timedelta(days=rng.randint(0, 6))
        etd = eta - dt.timedelta(days=transit)
    else:
        etd = dates.issue - dt.timedelta(days=rng.randint(0, 5))
        eta = etd + dt.timedelta(days=transit)
    partner = rng.choice(OVERSEAS)
    shipper, consignee = (partner, customer) if direction == "IMPORT" else (customer, partner)
    yy, mm = dates.issue.strftime("%y"), dates.issue.strftime("%m")
    prefix = "".join(word[0] for word in customer.split()[:2]).upper()
    containers: list[tuple[str, str]] = []
    if mode == "AIR":
        airline, code = rng.choice(AIRLINES)
        master = _awb(rng, airline)
        house = f"{rng.choice(('H', 'HAWB', ''))}{local[0][:3]}{yy}{names.digits(rng, 5)}"
        voyage = f"{code} {rng.randint(1, 9899):04d} / {etd.strftime('%d%b').upper()}"
        pieces = rng.randint(1, 40)
        weight = Decimal(rng.randint(30, 4800)) / 2
        volume = Decimal(rng.randint(10, 1800)) / 100
        volumetric = volume * 1000 / 6  # IATA 1:6000, kilograms per cubic metre
        chargeable = Decimal(math.ceil(max(weight, volumetric) * 2)) / 2
        packages = f"{pieces} {rng.choice(('CTN', 'PKG', 'PLT'))}"
        carrier = code
    else:
        scac, line = rng.choice(SEA_LINES)
        master = f"{scac}{names.digits(rng, rng.choice((8, 9, 10)))}"
        house = f"{prefix}{local[0][2:]}{yy}{mm}{names.digits(rng, 4)}"
        voyage = f"{rng.choice(VESSELS)} / {rng.randint(100, 499)}{rng.choice('EWNS')}"
        if mode == "SEA FCL":
            kind = rng.choice(("20GP", "40GP", "40HC", "40HC"))
            containers = [
                (_container(rng), kind) for _ in range(choose(rng, [(5, 1), (3, 2), (1, 3)]))
            ]
            volume = Decimal(rng.randint(1800, 6600 if "40" in kind else 3200)) / 100
            volume *= len(containers)
            weight = Decimal(rng.randint(4000, 21000)) * len(containers)
        else:
            volume = Decimal(rng.randint(80, 1450)) / 100
            weight = Decimal(rng.randint(150, 6200))
        chargeable = max(volume, weight / 1000).quantize(CENTS)
        packages = f"{rng.randint(4, 900)} {rng.choice(('CTNS', 'PKGS', 'PLTS', 'CASES'))}"
        carrier = line
    low, high = {"SEA FCL": (150, 1600), "SEA LCL": (30, 400), "AIR": (20, 600)}[mode]
    value_usd = Decimal(rng.randint(low, high)) * 100 * (len(containers) or 1)
    cif = money(value_usd * rate)
    customs = ("", "")
    if country == "AE":
        customs = (
            "DECLARATION NO",
            f"{rng.choice(('101', '201', '301'))}-{names.digits(rng, 8)}-{yy}",
        )
    elif country == "SG":
        customs = (
            "PERMIT NO",
            f"{rng.choice('ABDGJKM')}{rng.choice('AEGJKN')}{yy}{mm}{names.digits(rng, 5)}"
            f"{rng.choice('BCDFGHK')}",
        )
    elif country == "GB":
        alnum = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
        customs = ("MRN", f"{yy}GB" + "".join(rng.choice(alnum) for _ in range(14)))
    job_prefix = {("SEA", "IMPORT"): "SI", ("SEA", "EXPORT"): "SE", ("AIR", "IMPORT"): "AI"}.get(
        (mode[:3], direction), "AE"
    )
    return Shipment(
        mode=mode,
        direction=direction,
        origin=origin,
        destination=destination,
        etd=etd,
        eta=eta,
        voyage=voyage,
        master=master,
        house=house,
        containers=containers,
        packages=packages,
        weight=weight,
        volume=volume,
        chargeable=chargeable,
        shipper=shipper,
        consignee=consignee,
        incoterm=rng.choice(
            ("FCA", "EXW", "CPT", "CIP", "DAP")
            if mode == "AIR"
            else ("FOB", "EXW", "CIF", "CFR", "DAP")
        ),
        goods=rng.choice(GOODS),
        customs=customs,
        job=f"{job_prefix}{yy}{mm}{names.digits(rng, 4)}",
        consol=f"C{names.digits(rng, 8)}",
        order=f"PO {rng.choice(('45', '47', '88'))}{names.digits(rng, 6)}",
        cif=cif,
        booking=rng.choice(
            (
                f"{names.digits(rng, 9)}",
                f"{local[0][2:]}{names.digits(rng, 7)}",
                f"BKG{yy}{mm}{names.digits(rng, 5)}",
            )
        ),
        carrier=carrier,
    )


@dataclass
class Charge:
    description: str
    quantity: Decimal
    unit: str
    rate: Decimal
    currency: str
    fx: Decimal
    """Printed exchange rate to the billing currency (1 when the line is in it)."""
    code: Literal["SR", "ZR", "OS"]
    """Standard-rated, zero-rated, or outside the scope (a disbursement)."""
    vat_rate: Decimal
    converted: bool = False

    @property
    def foreign(self) -> Decimal:
        return money(self.quantity * self.rate)

    @property
    def amount(self) -> Decimal:
        return money(self.foreign * self.fx) if self.converted else self.foreign

    @property
    def vat(self) -> Decimal:
        return money(self.amount * self.vat_rate / 100) if self.code == "SR" else Decimal(0)

    @property
    def disbursement(self) -> bool:
        return self.code == "OS"

    def line(self) -> Line:
        return Line(self.description, self.quantity, self.rate, self.unit)


LOCAL_MULT = {"SG": Decimal("1.35"), "AE": Decimal("3.67"), "GB": Decimal("0.8")}


def _local_price(rng: random.Random, country: Country, low: float, high: float) -> Decimal:
    """A local tariff price from a range in US dollars: whole, or to five, as tariffs are."""
    value = Decimal(str(rng.uniform(low, high))) * LOCAL_MULT[country]
    if value >= 40:
        return Decimal(int(value / 5) * 5)
    if value >= 5:
        return Decimal(int(value))
    return value.quantize(CENTS)


def _usd_price(rng: random.Random, low: float, high: float) -> Decimal:
    value = Decimal(str(rng.uniform(low, high)))
    if value >= 100:
        return Decimal(int(value / 25) * 25)
    return value.quantize(CENTS)


def _charges(
    rng: random.Random,
    country: Country,
    s: Shipment,
    billing: str,
    usd_rate: Decimal,
    vat_rate: Decimal,
) -> tuple[list[Charge], list[str]]:
    """The shipment's charges and the notes that go with them (import VAT under PVA).

    `usd_rate` is local currency per dollar. Local-currency lines on a dollar invoice are
    converted at its printed inverse, dollar lines on a local invoice at `usd_rate`."""
    local = LOCAL[country]
    inverse = (1 / usd_rate).quantize(Decimal("0.000001"))
    charges: list[Charge] = []
    notes: list[str] = []
    cntr = Decimal(len(s.containers) or 1)
    one = Decimal(1)

    def add(
        description: str,
        qty: Decimal,
        unit: str,
        rate: Decimal,
        currency: str,
        code: Literal["SR", "ZR", "OS"],
    ) -> None:
        converted = currency != billing
        fx = (usd_rate if currency == "USD" else inverse) if converted else Decimal(1)
        charges.append(
            Charge(description, qty, unit, rate, currency, fx, code, vat_rate, converted)
        )

    importing = s.direction == "IMPORT"
    local_service: Literal["SR", "ZR"] = "SR" if importing else "ZR"
    collect = s.incoterm in ("FOB", "EXW", "FCA")
    freight = collect if importing else not collect  # the buyer of the main carriage pays it
    if s.mode == "SEA FCL":
        if freight:
            add("Ocean Freight", cntr, "CNTR", _usd_price(rng, 650, 2600), "USD", "ZR")
            if rng.random() < 0.4:
                add("Bunker Surcharge (BAF)", cntr, "CNTR", _usd_price(rng, 80, 320), "USD", "ZR")
        thc = "Terminal Handling Charges" if importing else "Export THC"
        add(thc, cntr, "CNTR", _local_price(rng, country, 150, 260), local, "ZR")
    elif s.mode == "SEA LCL":
        if freight:
            add(
                "LCL Ocean Freight (W/M)", s.chargeable, "CBM", _usd_price(rng, 18, 85), "USD", "ZR"
            )
        add("CFS Charges", s.chargeable, "CBM", _local_price(rng, country, 12, 28), local, "ZR")
    else:
        if freight:
            add("Air Freight", s.chargeable, "KG", _usd_price(rng, 1.9, 6.8), "USD", "ZR")
            add("Fuel Surcharge (FSC)", s.chargeable, "KG", _usd_price(rng, 0.7, 1.6), "USD", "ZR")
            if rng.random() < 0.6:
                add(
                    "Security Surcharge (SSC)",
                    s.chargeable,
                    "KG",
                    _usd_price(rng, 0.1, 0.25),
                    "USD",
                    "ZR",
                )
        handling = "Terminal Handling (per kg)" if importing else "Screening / X-Ray Fee"
        add(handling, s.chargeable, "KG", _local_price(rng, country, 0.06, 0.2), local, "ZR")
    if importing:
        add(
            "Delivery Order Fee" if s.sea else "Airline D/O & Handover Fee",
            one,
            "BL" if s.sea else "AWB",
            _local_price(rng, country, 40, 110),
            local,
            "ZR",
        )
    else:
        add(
            "B/L Documentation Fee" if s.sea else "AWB Fee",
            one,
            "BL" if s.sea else "AWB",
            _local_price(rng, country, 25, 70),
            local,
            "ZR",
        )
        if s.mode == "SEA FCL" and rng.random() < 0.6:
            add("VGM Submission Fee", cntr, "CNTR", _local_price(rng, country, 8, 25), local, "ZR")
        if s.sea and rng.random() < 0.3:
            add("ENS / AMS Filing", one, "BL", _usd_price(rng, 25, 45), "USD", "ZR")
    declaration = {
        "SG": "Import Permit Declaration" if importing else "Export Permit Declaration",
        "AE": "Customs Clearance & Bill of Entry" if importing else "Export Declaration Charges",
        "GB": "Customs Entry (up to 5 lines)" if importing else "Export Customs Declaration",
    }[country]
    add(declaration, one, "SHPT", _local_price(rng, country, 45, 140), local, local_service)
    if rng.random() < 0.75:
        place = {
            "SG": rng.choice(("Tuas", "Jurong", "Changi South", "Loyang", "Woodlands")),
            "AE": rng.choice(("Al Quoz", "DIP", "Jebel Ali FZ", "Sharjah", "Al Qusais")),
            "GB": rng.choice(("Birmingham", "Leeds", "Milton Keynes", "Bristol", "Manchester")),
        }[country]
        if s.mode == "SEA FCL":
            text = (
                f"Haulage to {place} (return empty)"
                if importing
                else f"Haulage from {place} to port"
            )
            add(text, cntr, "CNTR", _local_price(rng, country, 180, 520), local, local_service)
        else:
            text = f"Delivery to {place}" if importing else f"Pick-up from {place}"
            add(text, one, "TRIP", _local_price(rng, country, 60, 220), local, local_service)
    if rng.random() < 0.35:
        add("Handling Fee", one, "SHPT", _local_price(rng, country, 25, 60), local, local_service)
    if importing:
        cif = s.cif
        if country == "AE":
            duty = money(cif * 5 / 100)
            add("Customs Duty 5% (paid on your behalf)", one, "LS", duty, local, "OS")
            if rng.random() < 0.5:
                add(
                    "DP World Port Charges (disbursement)",
                    one,
                    "LS",
                    _local_price(rng, country, 20, 90),
                    local,
                    "OS",
                )
        elif country == "SG":
            gst = money(cif * vat_rate / 100)
            add(
                f"GST on imports paid to Customs ({_rate_text(vat_rate)})",
                one,
                "LS",
                gst,
                local,
                "OS",
            )
        else:
            duty_rate = Decimal(rng.choice((0, 2, 3.5, 4, 6.5, 12)))
            duty = money(cif * duty_rate / 100)
            if duty:
                add("Import Duty (disbursement)", one, "LS", duty, local, "OS")
            import_vat = money((cif + duty) * 20 / 100)
            if rng.random() < 0.5:
                add("Import VAT (disbursement)", one, "LS", import_vat, local, "OS")
                add("Disbursement Fee", one, "LS", _local_price(rng, country, 18, 40), local, "SR")
            else:
                notes.append(
                    f"Import VAT of GBP {import_vat:,.2f} to be accounted for on your VAT return "
                    "(postponed VAT accounting) - not included in this invoice."
                )
    return charges, notes


# --- Drawing helpers -----------------------------------------------------------------------


def _cells(
    canvas: Canvas,
    x: float,
    y: float,
    cells: list[tuple[float, str, list[str]]],
    *,
    label_size: float = 6,
    value_size: float = 8,
    bold_values: bool = False,
    label_fill: Color | None = None,
) -> float:
    """One row of boxed label-over-value cells (width, label, value lines); returns the y below."""
    lines = max(len(values) for _, _, values in cells) or 1
    height = 11 + lines * (value_size + 2) + 2
    cx = x
    for width, label, values in cells:
        if label_fill is not None:
            canvas.box(cx, y, cx + width, y + 9, stroke=None, fill=label_fill)
        canvas.box(cx, y, cx + width, y + height, width=0.5)
        canvas.text(cx + 3, y + 7, label, size=label_size, color=GREY, bold=True)
        for index, value in enumerate(values):
            canvas.text(
                cx + 3,
                y + 10 + (index + 1) * (value_size + 2),
                value,
                size=value_size,
                bold=bold_values,
            )
        cx += width
    return y + height


def _fit(canvas: Canvas, text: str, width: float, size: float) -> str:
    """Cut a value to its box, the way a fixed-width print field truncates."""
    while text and canvas.width_of(text, size=size) > width:
        text = text[:-1]
    return text


ONES = (
    *("Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"),
    *("Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen"),
    *("Eighteen", "Nineteen"),
)
TENS = ("", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety")


def _words(n: int) -> str:
    ones = ONES
    tens = TENS
    if n < 20:
        return ones[n]
    if n < 100:
        return tens[n // 10] + (f"-{ones[n % 10]}" if n % 10 else "")
    if n < 1000:
        return f"{ones[n // 100]} Hundred" + (f" {_words(n % 100)}" if n % 100 else "")
    for size, name in ((10**9, "Billion"), (10**6, "Million"), (1000, "Thousand")):
        if n >= size:
            rest = n % size
            return f"{_words(n // size)} {name}" + (f" {_words(rest)}" if rest else "")
    return ""


def _in_words(value: Decimal, currency: str) -> str:
    major, minor = {
        "AED": ("UAE Dirhams", "Fils"),
        "SGD": ("Singapore Dollars", "Cents"),
        "USD": ("US Dollars", "Cents"),
        "GBP": ("Pounds Sterling", "Pence"),
    }[currency]
    units = int(value)
    cents = int((value - units) * 100)
    text = f"{major} {_words(units)}"
    if cents:
        text += f" and {minor} {_words(cents)}"
    return f"{text} Only"


def _nominal(dates: Dates, terms: tuple[int, ...]) -> int:
    """The payment terms in days as printed: the nearest usual term to the due date's distance
    (a due date moved off an ambiguous day is still `30 days`)."""
    days = (dates.due - dates.issue).days
    return min(terms, key=lambda term: abs(term - days))


def _qty_text(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral() else f"{value:.2f}"


# --- Layout 1: the forwarder's print (CargoWise-like) --------------------------------------


def _forwarder(rng: random.Random) -> Rendered:
    country: Country = choose(rng, [(4, "SG"), (4, "AE"), (3, "GB")])
    local = LOCAL[country]
    usd_billing = rng.random() < {"SG": 0.3, "AE": 0.25, "GB": 0.1}[country]
    billing = "USD" if usd_billing else local
    style = _money_style(rng, billing)
    plain = MoneyStyle(",", ".")
    dates_style = DateStyle(
        rng.choice(("{dd}-{mon}-{yy}", "{dd}-{mon}-{yy}", "{dd}-{mon}-{yyyy}", "{dd}/{mm}/{yyyy}"))
    )
    dates = pick_dates(rng, dates_style, due_days=(30, 30, 45, 60))
    vat_rate = _tax_rate(country, dates.issue.year)
    tax_name = TAX_NAME[country]
    low, high = USD_PER[country]
    usd_rate = Decimal(rng.randint(low, high)) / 10000
    vendor = _forwarder_name(rng, country)
    customer = _customer(rng, country)
    shipment = _shipment(rng, country, customer, dates, usd_rate)
    charges, notes = _charges(rng, country, shipment, billing, usd_rate, vat_rate)
    subtotal = sum((c.amount for c in charges), Decimal(0))
    taxable = sum((c.amount for c in charges if c.code == "SR"), Decimal(0))
    tax = money(taxable * vat_rate / 100)
    total = subtotal + tax
    accent = rng.choice(ACCENTS)
    canvas = Canvas(*A4)
    left, right = 30.0, 565.0

    # Header: the forwarder top left, the title and the invoice grid top right.
    canvas.text(left, 48, vendor, size=13, bold=True, color=accent)
    label, tax_id = _tax_id(rng, country)
    contact = [
        *_address(rng, country),
        f"Tel {_phone(rng, country)}   accounts@{_domain(vendor)}.com",
        f"{label}: {tax_id}"
        + (f"   Co. Reg. No: {tax_id}" if country == "SG" and rng.random() < 0.5 else ""),
    ]
    for index, row in enumerate(contact):
        canvas.text(left, 61 + index * 10, row, size=7.5)
    title = "TAX INVOICE" if country in ("SG", "AE") else rng.choice(("INVOICE", "TAX INVOICE"))
    canvas.text(right, 48, title, size=15, bold=True, align="right")
    shipment_no = f"S{names.digits(rng, 8)}"
    branch = {
        "SG": "SIN",
        "AE": rng.choice(("DXB", "JEA")),
        "GB": rng.choice(("LHR", "FXT", "MAN")),
    }[country]
    if rng.random() < 0.4:
        number_text = f"{shipment_no}/{rng.choice('AAAB')}"
    else:
        number_text = f"{branch}{dates.issue:%y}{names.digits(rng, 6)}"
    words = [word for word in customer.split() if word.isalpha()] + ["XX", "XX"]
    customer_id = (words[0][:3] + words[1][:3] + branch).upper()
    due_printed = rng.random() < 0.85
    terms = rng.choice(("30 DAYS FROM INVOICE", "NET 30 DAYS", "45 DAYS", "60 DAYS EOM"))
    grid_x = 335.0
    y = _cells(
        canvas,
        grid_x,
        58,
        [
            (115, "INVOICE NUMBER", [number_text]),
            (115, "INVOICE DATE", [dates_style.format(dates.issue)]),
        ],
        value_size=9,
        bold_values=True,
    )
    y = _cells(
        canvas,
        grid_x,
        y,
        [
            (115, "CUSTOMER ID", [customer_id]),
            (
                115,
                "DUE DATE" if due_printed else "TERMS",
                [dates_style.format(dates.due) if due_printed else terms],
            ),
        ],
        value_size=8.5,
    )
    y = _cells(
        canvas,
        grid_x,
        y,
        [(115, "CURRENCY", [billing]), (115, "PAGE", ["1 of 1"])],
        value_size=8.5,
    )

    # Bill-to.
    y = max(y, 61 + len(contact) * 10) + 10
    canvas.box(left, y, 320, y + 62, width=0.5)
    canvas.text(left + 4, y + 9, "BILL TO", size=6.5, bold=True, color=GREY)
    canvas.text(left + 4, y + 21, customer, size=9, bold=True)
    for index, row in enumerate(_address(rng, country)):
        canvas.text(left + 4, y + 32 + index * 10, row, size=8)
    if country in ("SG", "AE"):
        cust_label, cust_id = _tax_id(rng, country)
        canvas.text(left + 4, y + 54, f"Customer {cust_label}: {cust_id}", size=7.5)
    canvas.text(330, y + 21, "Attn: Accounts Payable", size=8)
    canvas.text(330, y + 33, f"Your ref: {shipment.order}", size=8)
    y += 72

    # Shipment details.
    s = shipment
    quarter = (right - left) / 4
    air = s.mode == "AIR"
    fill = (0.93, 0.93, 0.93)

    def cell(width: float, label: str, value: str) -> tuple[float, str, list[str]]:
        return (width, label, [_fit(canvas, value, width - 6, 7.5)])

    y = _cells(
        canvas,
        left,
        y,
        [
            cell(quarter, "SHIPMENT", shipment_no),
            cell(quarter, "CONSOL", s.consol),
            cell(quarter, "MODE", f"{s.mode} {s.direction}"),
            cell(quarter, "INCOTERMS", s.incoterm),
        ],
        value_size=7.5,
        label_fill=fill,
    )
    y = _cells(
        canvas,
        left,
        y,
        [cell(quarter * 2, "SHIPPER", s.shipper), cell(quarter * 2, "CONSIGNEE", s.consignee)],
        value_size=7.5,
        label_fill=fill,
    )
    y = _cells(
        canvas,
        left,
        y,
        [
            cell(quarter, "ORIGIN", f"{s.origin[0]} = {s.origin[1]}"),
            cell(quarter, "ETD", dates_style.format(s.etd)),
            cell(quarter, "DESTINATION", f"{s.destination[0]} = {s.destination[1]}"),
            cell(quarter, "ETA", dates_style.format(s.eta)),
        ],
        value_size=7.5,
        label_fill=fill,
    )
    y = _cells(
        canvas,
        left,
        y,
        [
            cell(quarter, "FLIGHT" if air else "VESSEL / VOYAGE", s.voyage),
            cell(quarter, "MASTER AWB" if air else "OCEAN BILL OF LADING", s.master),
            cell(quarter, "HOUSE AWB" if air else "HOUSE BILL OF LADING", s.house),
            cell(quarter, s.customs[0] or "CUSTOMS REF", s.customs[1]),
        ],
        value_size=7.5,
        label_fill=fill,
    )
    weight = f"{s.weight:,.3f} KG"
    y = _cells(
        canvas,
        left,
        y,
        [
            cell(quarter, "PACKAGES", s.packages),
            cell(quarter, "WEIGHT", weight),
            cell(quarter, "VOLUME", f"{s.volume:,.3f} M3"),
            cell(quarter, "CHARGEABLE", f"{s.chargeable:,.3f} {'KG' if air else 'M3'}"),
        ],
        value_size=7.5,
        label_fill=fill,
    )
    if s.containers:
        listed = "  ".join(f"{no} {kind}" for no, kind in s.containers)
        y = _cells(
            canvas,
            left,
            y,
            [cell(right - left, "CONTAINERS", listed)],
            value_size=7.5,
            label_fill=fill,
        )
    y = _cells(
        canvas,
        left,
        y,
        [
            cell(quarter, "GOODS DESCRIPTION", s.goods),
            cell(quarter, "CUSTOMS VALUE (CIF)", f"{local} {plain.number(s.cif)}")
            if s.direction == "IMPORT"
            else cell(quarter, "BOOKING", s.booking),
            cell(quarter * 2, "ORDER NUMBERS / OWNER'S REFERENCE", s.order),
        ],
        value_size=7.5,
        label_fill=fill,
    )

    # Charges.
    y += 14
    code_names = {"SG": ("SR", "ZR", "OS"), "AE": ("SR", "ZR", "OOS"), "GB": ("S", "Z", "O")}[
        country
    ]
    code_of = dict(zip(("SR", "ZR", "OS"), code_names, strict=True))
    canvas.box(left, y, right, y + 14, stroke=None, fill=accent)
    heads = [
        (left + 3, "DESCRIPTION", "left"),
        (318, tax_name, "left"),
        (420, "CHARGE IN FC", "right"),
        (478, "EX. RATE", "right"),
        (right - 3, f"AMOUNT {billing}", "right"),
    ]
    for x, text, align in heads:
        canvas.text(x, y + 10, text, size=7, bold=True, color=WHITE, align=align)  # type: ignore[arg-type]
    y += 14
    for charge in charges:
        canvas.text(left + 3, y + 10, charge.description, size=8)
        detail = (
            f"{_qty_text(charge.quantity)} {charge.unit} @ {charge.currency} "
            f"{plain.number(charge.rate)}"
        )
        canvas.text(left + 8, y + 18, detail, size=6, color=GREY)
        canvas.text(318, y + 10, code_of[charge.code], size=7.5)
        if charge.converted:
            canvas.text(
                420,
                y + 10,
                f"{charge.currency} {plain.number(charge.foreign)}",
                size=7.5,
                align="right",
            )
            canvas.text(
                478,
                y + 10,
                f"{charge.fx:.6f}" if billing == "USD" else f"{charge.fx:.4f}",
                size=7.5,
                align="right",
            )
        canvas.text(right - 3, y + 10, plain.number(charge.amount), size=8, align="right")
        y += 21
    canvas.line(left, y, right, y, width=0.8)
    y += 14

    # Totals.
    subtotal_printed = rng.random() < 0.65
    if subtotal_printed:
        rows = [
            (f"TOTAL EXCLUDING {tax_name}", style.amount(subtotal), False),
            (
                f"{tax_name} @ {_rate_text(vat_rate)} ON {plain.number(taxable)}",
                style.amount(tax),
                False,
            ),
            (f"TOTAL {billing}", style.amount(total), True),
        ]
    else:
        bases = {
            code: sum((c.amount for c in charges if c.code == code), Decimal(0))
            for code in ("SR", "ZR", "OS")
        }
        cols = [(330, "left"), (420, "right"), (480, "right"), (right - 3, "right")]
        for (x, align), text in zip(
            cols, (f"{tax_name} CODE", "RATE", "NET", tax_name), strict=True
        ):
            canvas.text(x, y, text, size=6.5, bold=True, color=GREY, align=align)  # type: ignore[arg-type]
        y += 11
        for code in ("SR", "ZR", "OS"):
            if not bases[code]:
                continue
            cells = (
                code_of[code],
                _rate_text(vat_rate) if code == "SR" else ("0%" if code == "ZR" else "N/A"),
                plain.number(bases[code]),
                plain.number(tax if code == "SR" else Decimal(0)),
            )
            for (x, align), text in zip(cols, cells, strict=True):
                canvas.text(x, y, text, size=7.5, align=align)  # type: ignore[arg-type]
            y += 10
        y += 8
        rows = [
            (f"TOTAL {tax_name}", style.amount(tax), False),
            (f"INVOICE TOTAL {billing}", style.amount(total), True),
        ]
    for text, value, strong in rows:
        if strong:
            canvas.box(330, y - 10, right, y + 4, stroke=None, fill=(0.9, 0.92, 0.95))
        canvas.text(334, y, text, size=8, bold=strong)
        canvas.text(right - 3, y, value, size=9 if strong else 8, bold=strong, align="right")
        y += 15

    # Notes: local-currency restatement of a dollar invoice, PVA, words, bank, conditions.
    y += 4
    extra: list[str] = []
    if usd_billing:
        extra.append(
            f"Exchange rate: 1 USD = {usd_rate:.4f} {local}.  {tax_name} payable in {local}: "
            f"{local} {plain.number(money(tax * usd_rate))}.  Invoice total in {local}: "
            f"{local} {plain.number(money(total * usd_rate))}"
        )
    extra += notes
    if country == "AE" or rng.random() < 0.3:
        extra.append(f"Amount in words: {_in_words(total, billing)}")
    extra.append(
        f"Please remit to {vendor.upper() if rng.random() < 0.3 else vendor} quoting invoice "
        f"number {number_text}."
    )
    extra += _bank(rng, country, billing)
    for row in extra:
        canvas.text(left, y, _fit(canvas, row, right - left, 7), size=7)
        y += 10
    conditions = {
        "SG": "All business is undertaken subject to the Singapore Logistics Association "
        "Standard Trading Conditions, a copy of which is available on request.",
        "AE": "All business is transacted subject to our Standard Trading Conditions. Any "
        "discrepancy must be reported within 7 days of the invoice date.",
        "GB": "All business is undertaken subject to the BIFA Standard Trading Conditions "
        "2021 edition. Interest is charged on overdue accounts.",
    }[country]
    canvas.text(left, max(y + 8, 812), conditions, size=6, color=GREY)

    fields = truth_fields(
        number=number_text,
        issue=dates.issue,
        due=dates.due if due_printed else None,
        vendor=vendor,
        total=total,
        subtotal=subtotal if subtotal_printed else None,
        tax=tax,
        currency=billing,
    )
    return Rendered(
        fields,
        "en",
        "invoice",
        canvas.pdf(title=number_text),
        style,
        dates_style,
        QuantityStyle(),
        _marks(style, billing),
    )


# --- Layout 2: a smaller forwarder's freight-software print ---------------------------------


def _kv(
    canvas: Canvas,
    x: float,
    y: float,
    pairs: list[tuple[str, str]],
    *,
    gap: float,
    size: float = 8,
    step: float = 11,
    bold_values: bool = False,
) -> float:
    """`Label : value` rows with the colons aligned; returns the y below."""
    for label, value in pairs:
        canvas.text(x, y, label, size=size)
        canvas.text(x + gap - 6, y, ":", size=size)
        canvas.text(x + gap, y, value, size=size, bold=bold_values)
        y += step
    return y


def _freight_software(rng: random.Random) -> Rendered:
    country: Country = choose(rng, [(5, "AE"), (3, "SG"), (2, "GB")])
    local = LOCAL[country]
    usd_billing = country != "GB" and rng.random() < 0.2
    billing = "USD" if usd_billing else local
    style = _money_style(rng, billing)
    plain = MoneyStyle(",", ".")
    dates_style = DateStyle(
        rng.choice(
            ("{dd}/{mm}/{yyyy}", "{dd}/{mm}/{yyyy}", "{dd}-{mm}-{yyyy}", "{dd}-{mon}-{yyyy}")
        )
    )
    dates = pick_dates(rng, dates_style, due_days=(30, 30, 45, 60, 90))
    vat_rate = _tax_rate(country, dates.issue.year)
    tax_name = TAX_NAME[country]
    low, high = USD_PER[country]
    usd_rate = Decimal(rng.randint(low, high)) / 10000
    if country == "AE":
        usd_rate = Decimal(rng.choice(("3.6725", "3.6730", "3.6750", "3.6700")))
    vendor = _forwarder_name(rng, country)
    customer = _customer(rng, country)
    shipment = _shipment(rng, country, customer, dates, usd_rate)
    charges, notes = _charges(rng, country, shipment, billing, usd_rate, vat_rate)
    places = rng.choice((2, 3))
    quantities = FixedQuantity(".", places)
    subtotal = sum((c.amount for c in charges), Decimal(0))
    tax = sum((c.vat for c in charges), Decimal(0))
    total = subtotal + tax
    accent = rng.choice(ACCENTS)
    canvas = Canvas(*A4, family=rng.choice(("helv", "helv", "tiro")))
    left, right = 30.0, 565.0
    label, tax_id = _tax_id(rng, country)
    address = _address(rng, country)

    # Letterhead: a coloured band or a centred block.
    if rng.random() < 0.5:
        canvas.box(0, 18, A4[0], 66, stroke=None, fill=accent)
        contact = [
            *address,
            f"Tel: {_phone(rng, country)}  Email: ops@{_domain(vendor)}.com",
            f"{label}: {tax_id}",
        ]
        block = max(canvas.width_of(row, size=6.5) for row in contact)
        name_size = 15.0
        while (
            name_size > 10
            and left + canvas.width_of(vendor.upper(), size=name_size, bold=True) + 16
            > right - block
        ):
            name_size -= 0.5
        canvas.text(left, 44, vendor.upper(), size=name_size, bold=True, color=WHITE)
        canvas.text(
            left,
            58,
            "Freight Forwarders  |  Customs Brokers  |  NVOCC  |  Warehousing",
            size=7.5,
            color=WHITE,
        )
        fits = (
            left + canvas.width_of(vendor.upper(), size=name_size, bold=True) + 16 <= right - block
        )
        for index, row in enumerate(contact):
            if fits:
                canvas.text(right, 30 + index * 9, row, size=6.5, color=WHITE, align="right")
            else:
                canvas.text(
                    left + (index % 2) * 270, 78 + (index // 2) * 9, row, size=6.5, color=GREY
                )
        printed_vendor = vendor.upper()
        y = 88.0 if fits else 110.0
    else:
        middle = A4[0] / 2
        canvas.text(middle, 42, vendor, size=16, bold=True, align="center", color=accent)
        canvas.text(middle, 55, ", ".join(address), size=7.5, align="center")
        canvas.text(
            middle,
            65,
            f"Tel: {_phone(rng, country)}   Email: accounts@{_domain(vendor)}.com   "
            f"{label}: {tax_id}",
            size=7.5,
            align="center",
        )
        canvas.line(left, 72, right, 72, width=1.2, color=accent)
        printed_vendor = vendor
        y = 92.0
    title = "TAX INVOICE" if country != "GB" or rng.random() < 0.3 else "INVOICE"
    width = canvas.text(A4[0] / 2, y, title, size=13, bold=True, align="center")
    canvas.line(A4[0] / 2 - width / 2, y + 2, A4[0] / 2 + width / 2, y + 2, width=0.8)
    y += 14

    # Customer box and the invoice particulars.
    canvas.box(left, y, 300, y + 74, width=0.6)
    canvas.text(left + 4, y + 11, "Customer :", size=7.5, bold=True)
    canvas.text(left + 4, y + 23, customer, size=8.5, bold=True)
    for index, row in enumerate(_address(rng, country)):
        canvas.text(left + 4, y + 34 + index * 10, row, size=7.5)
    if country != "GB":
        cust_label, cust_id = _tax_id(rng, country)
        canvas.text(left + 4, y + 56, f"{cust_label} : {cust_id}", size=7.5)
    canvas.text(left + 4, y + 67, f"Attn : {names.person(rng, 'en')}", size=7.5)
    yy = dates.issue.strftime("%y")
    number_text = rng.choice(
        (
            f"INV-{yy}-{names.digits(rng, 5)}",
            f"{'DXB' if country == 'AE' else local[:2]}/INV/{yy}{dates.issue:%m}/"
            f"{names.digits(rng, 4)}",
            f"TI/{dates.issue.year}/{names.digits(rng, 5)}",
            f"SI{yy}{names.digits(rng, 6)}",
        )
    )
    due_printed = rng.random() < 0.7
    credit_days = _nominal(dates, (30, 45, 60, 90))
    pairs = [
        ("Invoice No", number_text),
        ("Invoice Date", dates_style.format(dates.issue)),
        ("Job No", shipment.job),
        ("Customer Code", f"C{names.digits(rng, 5)}"),
        ("Credit Terms", f"{credit_days} Days"),
    ]
    if due_printed:
        pairs.append(("Due Date", dates_style.format(dates.due)))
    pairs.append(("Sales Person", names.person(rng, "en").upper()))
    _kv(canvas, 318, y + 11, pairs, gap=70, size=8, step=10.5, bold_values=False)
    y += 84

    # Shipment particulars.
    s = shipment
    air = s.mode == "AIR"
    left_pairs = [
        ("MAWB No" if air else "MBL No", s.master),
        ("HAWB No" if air else "HBL No", s.house),
        ("Flight" if air else "Vessel / Voy", s.voyage),
        ("POL", f"{s.origin[1]}"),
        ("POD", f"{s.destination[1]}"),
        ("Shipper", _fit(canvas, s.shipper, 190, 7.5))
        if s.direction == "IMPORT"
        else ("Booking No", s.booking),
    ]
    right_pairs = [
        (
            "ETD" if s.direction == "EXPORT" else "ETA",
            dates_style.format(s.etd if s.direction == "EXPORT" else s.eta),
        ),
        ("Pkgs", s.packages),
        ("Gross Wt", f"{s.weight:,.2f} KGS"),
        ("Volume", f"{s.volume:,.3f} CBM"),
        (
            "Container" if s.containers else "Chargeable",
            s.containers[0][0] + f" ({s.container_summary()})"
            if s.containers
            else f"{s.chargeable} {'KG' if air else 'CBM'}",
        ),
        (
            {"DECLARATION NO": "Dec. No", "PERMIT NO": "Permit No"}.get(s.customs[0], "MRN"),
            s.customs[1],
        ),
    ]
    box_top = y
    end_left = _kv(canvas, left + 4, y + 10, left_pairs, gap=58, size=7.5, step=10)
    end_right = _kv(canvas, 300, y + 10, right_pairs, gap=62, size=7.5, step=10)
    y = max(end_left, end_right)
    canvas.box(left, box_top, right, y - 4, width=0.6)
    y += 6

    # The charges grid.
    converted = any(c.converted for c in charges)
    columns = [
        Column("S.No", left + 2),
        Column("Description", left + 22),
        Column("Qty", 243, "right"),
        Column("Unit", 247),
        Column("Curr", 274),
        Column("Rate", 343, "right"),
        Column("Ex.Rate", 384, "right"),
        Column(f"Amount ({billing})", 442, "right"),
        Column(f"{tax_name} %", 470, "right"),
        Column(f"{tax_name} Amt", 514, "right"),
        Column(f"Total ({billing})", right - 2, "right"),
    ]
    rows = []
    for index, c in enumerate(charges, start=1):
        rows.append(
            [
                str(index),
                c.description,
                quantities.number(c.quantity),
                c.unit,
                c.currency,
                plain.number(c.rate),
                f"{c.fx:.4f}" if not c.converted or billing != "USD" else f"{c.fx:.6f}",
                plain.number(c.amount),
                _rate_text(c.vat_rate) if c.code == "SR" else ("0%" if c.code == "ZR" else "-"),
                plain.number(c.vat),
                plain.number(c.amount + c.vat),
            ]
        )
    size = 7.0
    for table_row in rows:
        while canvas.width_of(table_row[1], size=size) > 170 and size > 5.5:
            size -= 0.25
    y = draw_table(
        canvas,
        y,
        columns,
        rows,
        left=left,
        right=right,
        size=size,
        row_height=13,
        rules="grid",
        header_fill=(0.88, 0.9, 0.93),
    )
    y += 6

    # Totals.
    buckets = rng.random() < 0.35
    if buckets:
        bases = {
            code: sum((c.amount for c in charges if c.code == code), Decimal(0))
            for code in ("SR", "ZR", "OS")
        }
        rows_t = [
            (f"Total Taxable Amount ({_rate_text(vat_rate)})", plain.number(bases["SR"])),
            ("Total Zero Rated Amount", plain.number(bases["ZR"])),
        ]
        if bases["OS"]:
            rows_t.append(("Disbursements (Out of Scope)", plain.number(bases["OS"])))
        rows_t.append((f"Total {tax_name}", plain.number(tax)))
        rows_t.append((f"Net Amount Payable ({billing})", style.amount(total)))
    else:
        rows_t = [
            (f"Total Excl. {tax_name}", plain.number(subtotal)),
            (f"{tax_name} @ {_rate_text(vat_rate)}", plain.number(tax)),
            (f"Grand Total ({billing})", style.amount(total)),
        ]
    advance = Decimal(0)
    if rng.random() < 0.2:
        advance = money(total * Decimal(rng.choice(("0.3", "0.5", "0.25"))))
        advance = Decimal(int(advance / 100) * 100) or Decimal(100)
        rows_t.append(
            (
                f"Less: Advance Received (RV-{yy}-{names.digits(rng, 4)})",
                f"({plain.number(advance)})",
            )
        )
        rows_t.append(("Balance Payable", style.amount(total - advance)))
    for text, value in rows_t:
        strong = text.startswith(("Grand Total", "Net Amount", "Balance"))
        canvas.text(330, y + 8, text, size=7.5, bold=strong)
        canvas.text(right - 2, y + 8, value, size=8 if strong else 7.5, bold=strong, align="right")
        canvas.line(326, y + 11, right, y + 11, width=0.3)
        y += 12.5
    y += 8
    words_line = f"Amount in words: {_in_words(total, billing)}"
    canvas.text(left, y, _fit(canvas, words_line, right - left, 7.5), size=7.5, bold=True)
    y += 14
    extra: list[str] = []
    if converted:
        if usd_billing:
            extra.append(
                f"{tax_name} amount in {local}: {local} {plain.number(money(tax * usd_rate))} "
                f"(1 USD = {usd_rate:.4f} {local})"
            )
        else:
            extra.append(
                f"Invoice value in USD: USD {plain.number(money(total / usd_rate))} "
                f"(Ex. rate {usd_rate:.4f})"
            )
    extra += notes
    extra.append("Bank details:")
    extra += _bank(rng, country, billing)
    extra += [
        f'Cheques to be drawn in favour of "{vendor.upper()}".',
        "Any discrepancy in this invoice must be notified within 7 days, otherwise it will be "
        "deemed correct.",
        "Container detention and demurrage, if any, will be charged as per shipping line tariff.",
    ]
    for row in extra:
        canvas.text(left, y, _fit(canvas, row, right - left, 7), size=7)
        y += 10
    y += 20
    canvas.text(right, y, f"For {vendor.upper()}", size=7.5, bold=True, align="right")
    canvas.text(right, y + 30, "Authorised Signatory", size=7.5, align="right")
    canvas.text(left, y + 30, "This is a computer generated invoice.", size=6.5, color=GREY)

    with_lines = not converted and not buckets
    fields = truth_fields(
        number=number_text,
        issue=dates.issue,
        due=dates.due if due_printed else None,
        vendor=printed_vendor,
        total=total,
        subtotal=None if buckets else subtotal,
        tax=tax,
        currency=billing,
        lines=[c.line() for c in charges] if with_lines else None,
    )
    return Rendered(
        fields,
        "en",
        "invoice",
        canvas.pdf(title=number_text),
        style,
        dates_style,
        quantities,
        _marks(style, billing),
    )


# --- Layout 3: a US LTL carrier's freight bill ----------------------------------------------

CARRIER_WORDS = (
    "Keystone",
    "Prairie",
    "Ironwood",
    "Blue Ridge",
    "Cascade",
    "Red River",
    "Great Lakes",
    "Sierra",
    "Heartland",
    "Lone Star",
    "Allegheny",
    "Tri-State",
)
CARRIER_FORMS = (
    "Freight Lines, Inc.",
    "Express, Inc.",
    "Transport LLC",
    "Motor Freight Corp.",
    "Freightways, Inc.",
    "Trucking Co.",
)
TERMINALS = (
    "Harrisburg, PA 17111",
    "Columbus, OH 43207",
    "Memphis, TN 38118",
    "Dallas, TX 75241",
    "Atlanta, GA 30336",
    "Indianapolis, IN 46241",
    "Kansas City, MO 64120",
    "Charlotte, NC 28208",
    "Chicago, IL 60638",
    "Nashville, TN 37210",
    "Denver, CO 80216",
    "Phoenix, AZ 85043",
    "Louisville, KY 40218",
    "Reno, NV 89502",
)
LTL_ITEMS = (
    ("FURNITURE, KD, NMFC 82280 SUB 3", ("85", "100")),
    ("AUTO PARTS, NOI, NMFC 23000", ("85",)),
    ("PLASTIC ARTICLES, NMFC 156600", ("65", "70")),
    ("MACHINE PARTS, IRON/STEEL, NMFC 114140", ("50", "55")),
    ("PAPER PRODUCTS, NMFC 150400", ("55", "60")),
    ("ELECTRICAL EQUIPMENT, NMFC 61700", ("77.5", "85")),
    ("FOODSTUFFS, CANNED, NMFC 74140", ("55", "60")),
    ("HOUSEHOLD GOODS, NMFC 100240", ("100", "125")),
    ("CLEANING COMPOUNDS, NMFC 48580", ("60", "65")),
    ("STORE FIXTURES, NMFC 81000", ("125", "150")),
)
ACCESSORIALS = (
    ("LIFTGATE SERVICE - DELIVERY", (75, 160)),
    ("RESIDENTIAL DELIVERY", (95, 165)),
    ("INSIDE DELIVERY", (85, 180)),
    ("NOTIFY PRIOR TO DELIVERY", (25, 45)),
    ("LIMITED ACCESS DELIVERY", (90, 150)),
    ("APPOINTMENT DELIVERY", (20, 40)),
    ("REWEIGH / INSPECTION CORRECTION", (30, 60)),
    ("HAZARDOUS MATERIAL CHARGE", (35, 85)),
)


def _ltl(rng: random.Random) -> Rendered:
    style = MoneyStyle(",", ".", "$", symbol_space=False)
    figures = MoneyStyle(",", ".", negative=rng.choice(("minus", "parens", "trailing")))
    dates_style = DateStyle(rng.choice(("{mm}/{dd}/{yyyy}", "{mm}/{dd}/{yy}", "{mm}/{dd}/{yyyy}")))
    dates = pick_dates(rng, dates_style, due_days=(30,))
    courier = rng.random() < 0.4
    canvas = Canvas(*LETTER, family="cour" if courier else "helv")
    left, right = 36.0, 576.0
    word = rng.choice(CARRIER_WORDS)
    vendor = f"{word} {rng.choice(CARRIER_FORMS)}"
    scac = (
        word.replace(" ", "").replace("-", "")[:2] + rng.choice(("FL", "XP", "TL", "MF"))
    ).upper()
    home = rng.choice(TERMINALS)
    accent = rng.choice(ACCENTS)

    pickup = dates.other[0]
    delivered = min(pickup + dt.timedelta(days=rng.randint(1, 4)), dates.issue)
    pro = rng.choice(
        (
            names.digits(rng, 10),
            f"{names.digits(rng, 3)}-{names.digits(rng, 7)}",
            f"{rng.randint(1, 9)}{names.digits(rng, 8)}",
        )
    )
    pro_is_number = rng.random() < 0.55
    number_text = pro if pro_is_number else f"{rng.randint(5, 9)}{names.digits(rng, 6)}"
    customer_no = f"{names.digits(rng, 6)}"
    bol = names.digits(rng, rng.choice((8, 10)))
    po = rng.choice(
        (f"PO {names.digits(rng, 7)}", f"{names.digits(rng, 5)}-{names.digits(rng, 2)}")
    )
    due_printed = rng.random() < 0.6

    # Rating: hundredweight rates, a tariff discount, fuel surcharge on the net, accessorials.
    items = rng.sample(LTL_ITEMS, choose(rng, [(6, 1), (3, 2), (1, 3)]))
    rated = []
    for description, classes in items:
        weight = Decimal(rng.randint(180, 6500))
        cls = rng.choice(classes)
        rate = Decimal(rng.randint(2400, 14800)) / 100
        pieces = rng.randint(1, 14)
        kind = rng.choice(("PLT", "SKD", "CTN", "CRT"))
        rated.append((pieces, kind, description, cls, weight, rate, money(weight / 100 * rate)))
    gross = sum((row[-1] for row in rated), Decimal(0))
    discount_pct = Decimal(rng.randint(550, 820)) / 10
    discount = money(gross * discount_pct / 100)
    net = gross - discount
    fuel_pct = Decimal(rng.randint(220, 395)) / 10
    fuel = money(net * fuel_pct / 100)
    extras = [
        (text, Decimal(rng.randint(low, high)))
        for text, (low, high) in rng.sample(ACCESSORIALS, choose(rng, [(3, 0), (4, 1), (2, 2)]))
    ]
    total = net + fuel + sum((amount for _, amount in extras), Decimal(0))

    # Header.
    canvas.text(left, 52, vendor.upper() if courier else vendor, size=15, bold=True, color=accent)
    printed_vendor = vendor.upper() if courier else vendor
    canvas.text(left, 65, "LTL  -  TRUCKLOAD  -  LOGISTICS", size=7, color=GREY)
    canvas.text(left, 77, f"P.O. Box {rng.randint(100, 9999)}, {home}", size=7.5)
    canvas.text(
        left,
        87,
        f"Customer Service 1-800-{names.digits(rng, 3)}-{names.digits(rng, 4)}   "
        f"www.{_domain(vendor)}.com",
        size=7.5,
    )
    canvas.text(
        left,
        97,
        f"SCAC: {scac}   MC-{names.digits(rng, 6)}   USDOT {names.digits(rng, 7)}",
        size=7.5,
    )
    title = "FREIGHT BILL" if pro_is_number else "INVOICE"
    box_left = 372.0
    canvas.box(box_left, 36, right, 54, stroke=None, fill=accent)
    canvas.text((box_left + right) / 2, 49, title, size=12, bold=True, color=WHITE, align="center")
    if pro_is_number:
        pairs = [
            ("PRO NUMBER", number_text),
            (
                "BILL DATE" if rng.random() < 0.5 else "INVOICE DATE",
                dates_style.format(dates.issue),
            ),
        ]
    else:
        pairs = [
            ("INVOICE NO.", number_text),
            ("INVOICE DATE", dates_style.format(dates.issue)),
            ("PRO NO.", pro),
        ]
    if due_printed:
        pairs.append(("DUE DATE", dates_style.format(dates.due)))
    pairs.append(("CUSTOMER NO.", customer_no))
    y = 54.0
    for index, (label, value) in enumerate(pairs):
        canvas.box(box_left, y, right, y + 15, width=0.5)
        canvas.text(box_left + 4, y + 10.5, label, size=7, bold=True)
        canvas.text(
            right - 4,
            y + 10.5,
            value,
            size=9.5 if index == 0 else 8.5,
            bold=index == 0,
            align="right",
        )
        y += 15
    y = max(y, 104) + 10

    # Shipper, consignee, bill-to.
    # Prepaid bills the shipper, collect the consignee, third party someone else (a 3PL).
    terms = choose(rng, [(5, "PREPAID"), (2, "COLLECT"), (3, "THIRD PARTY")])
    shipper = names.company(rng, "us")
    consignee = names.company(rng, "us")
    payer = {"PREPAID": shipper, "COLLECT": consignee}.get(terms) or rng.choice(BROKERS)
    third_word = "BILL TO (THIRD PARTY)" if terms == "THIRD PARTY" else "BILL TO"
    width = (right - left) / 3
    origin_city = rng.choice(TERMINALS)
    dest_city = rng.choice([t for t in TERMINALS if t != origin_city])
    blocks = [
        ("SHIPPER", [shipper, names.address(rng, "us")[0], origin_city]),
        ("CONSIGNEE", [consignee, names.address(rng, "us")[0], dest_city]),
        (third_word, [payer, "ATTN: ACCOUNTS PAYABLE", *names.address(rng, "us")]),
    ]
    for index, (label, block_lines) in enumerate(blocks):
        x = left + index * width
        canvas.box(x, y, x + width, y + 12, stroke=None, fill=LIGHT)
        canvas.box(x, y, x + width, y + 58, width=0.5)
        canvas.text(x + 4, y + 9, label, size=7, bold=True)
        for line_no, row in enumerate(block_lines[:4]):
            canvas.text(x + 4, y + 22 + line_no * 9.5, _fit(canvas, row, width - 8, 7.5), size=7.5)
    y += 64

    seventh = (right - left) / 7
    y = _cells(
        canvas,
        left,
        y,
        [
            (seventh, "PICKUP DATE", [dates_style.format(pickup)]),
            (seventh, "DELIVERY DATE", [dates_style.format(delivered)]),
            (seventh, "B/L NUMBER", [bol]),
            (seventh, "P.O. NUMBER", [po]),
            (seventh, "TERMS", [terms]),
            (seventh, "ORIGIN", [origin_city.split(",")[0].upper()]),
            (seventh, "DESTINATION", [dest_city.split(",")[0].upper()]),
        ],
        value_size=7.5,
        label_fill=LIGHT,
    )
    y += 8

    # The rated lines, discount, fuel and accessorials in one table.
    columns = [
        Column("PCS", left + 22, "right"),
        Column("TYPE", left + 28),
        Column("HM", left + 58),
        Column("DESCRIPTION OF ARTICLES", left + 76),
        Column("CLASS", 388, "right"),
        Column("WEIGHT", 440, "right"),
        Column("RATE", 500, "right"),
        Column("CHARGES", right - 4, "right"),
    ]
    rows = [
        [
            str(p),
            k,
            "X" if "HAZARD" in " ".join(e for e, _ in extras) and i == 0 else "",
            d,
            c,
            f"{w:,}",
            figures.number(r),
            figures.number(a),
        ]
        for i, (p, k, d, c, w, r, a) in enumerate(rated)
    ]
    rows.append(["", "", "", "GROSS CHARGES", "", "", "", figures.number(gross)])
    rows.append(
        ["", "", "", f"DISCOUNT {discount_pct:.2f}%", "", "", "", figures.number(-discount)]
    )
    rows.append(["", "", "", f"FUEL SURCHARGE {fuel_pct:.1f}%", "", "", "", figures.number(fuel)])
    for text, amount in extras:
        rows.append(["", "", "", text, "", "", "", figures.number(amount)])
    y = draw_table(
        canvas,
        y,
        columns,
        rows,
        left=left,
        right=right,
        size=7.5,
        row_height=13,
        rules="header",
        header_fill=LIGHT,
    )
    pieces = sum(row[0] for row in rated)
    weight_total = sum(row[4] for row in rated)
    y += 4
    cod = rng.random() < 0.2
    y = _cells(
        canvas,
        left,
        y,
        [
            (width * 0.45, "TOTAL PIECES", [str(pieces)]),
            (width * 0.6, "TOTAL WEIGHT", [f"{weight_total:,} LBS"]),
            (
                width * 0.65,
                "DECLARED VALUE",
                [
                    style.amount(Decimal(rng.randint(5, 400)) * 100)
                    if rng.random() < 0.4
                    else "NONE"
                ],
            ),
            (
                width * 0.65,
                "C.O.D. AMOUNT",
                [
                    style.amount(Decimal(rng.randint(800, 24000)))
                    if cod
                    else style.amount(Decimal(0))
                ],
            ),
            (right - left - width * 2.35, "TOTAL CHARGES", [style.amount(total)]),
        ],
        value_size=8.5,
        bold_values=True,
        label_fill=LIGHT,
    )
    y += 12
    canvas.box(352, y, right, y + 24, width=1.2)
    canvas.text(358, y + 15, "PLEASE PAY THIS AMOUNT", size=8, bold=True)
    canvas.text(right - 6, y + 16, style.amount(total), size=11, bold=True, align="right")
    signer = f"{rng.choice('ABCDEJKLMRST')}. {names.surname(rng, 'us').upper()}"
    canvas.text(
        left,
        y + 9,
        f"DELIVERED {dates_style.format(delivered)} "
        f"{rng.randint(7, 17):02d}:{rng.randint(0, 59):02d}",
        size=7.5,
    )
    canvas.text(left, y + 19, f"RECEIVED IN GOOD ORDER BY: {signer}", size=7.5)
    y += 40
    small = [
        "TERMS: NET 30 DAYS FROM INVOICE DATE. A SERVICE CHARGE OF 1.5% PER MONTH WILL BE ADDED TO"
        " PAST DUE BALANCES.",
        f"SUBJECT TO THE RULES AND CHARGES OF {scac} 100 TARIFF. CLAIMS MUST BE FILED IN WRITING "
        "WITHIN 9 MONTHS OF DELIVERY.",
        "DISCOUNTS SHOWN ARE CONTINGENT ON PAYMENT WITHIN TERMS.",
    ]
    for row in small:
        canvas.text(left, y, _fit(canvas, row, right - left, 6.2), size=6.2, color=GREY)
        y += 8.5

    # The remittance stub.
    stub = max(y + 14, 676)
    x = left
    while x < right:
        canvas.line(x, stub, x + 5, stub, width=0.6)
        x += 9
    canvas.text(
        left,
        stub + 14,
        "PLEASE DETACH AND RETURN THIS PORTION WITH YOUR PAYMENT",
        size=7,
        bold=True,
    )
    canvas.text(left, stub + 28, "REMIT TO:", size=7.5, bold=True)
    canvas.text(left, stub + 39, vendor, size=7.5)
    canvas.text(left, stub + 49, f"P.O. Box {rng.randint(10000, 99999)}", size=7.5)
    canvas.text(left, stub + 59, rng.choice(TERMINALS), size=7.5)
    stub_pairs = [
        ("PRO NUMBER" if pro_is_number else "INVOICE NO.", number_text),
        ("CUSTOMER NO.", customer_no),
        ("AMOUNT DUE", style.amount(total)),
        ("AMOUNT PAID", "$____________"),
    ]
    for index, (label, value) in enumerate(stub_pairs):
        canvas.text(330, stub + 28 + index * 11, label, size=7.5, bold=True)
        canvas.text(right - 4, stub + 28 + index * 11, value, size=7.5, align="right")

    fields = truth_fields(
        number=number_text,
        issue=dates.issue,
        due=dates.due if due_printed else None,
        vendor=printed_vendor,
        total=total,
        subtotal=None,
        tax=None,
        currency="USD",
    )
    return Rendered(
        fields,
        "en",
        "invoice",
        canvas.pdf(title=number_text),
        style,
        dates_style,
        QuantityStyle(),
        ("$", "USD"),
    )


# --- Layout 4: a courier's multi-shipment account invoice -----------------------------------

COURIER_BRANDS = (
    "SkyLink Express",
    "ParcelJet",
    "Velox Courier",
    "Apex Worldwide Express",
    "SwiftWing Express",
    "Orbit Express",
    "Northstar Parcel",
)
DESTINATIONS = (
    "LONDON GB",
    "SYDNEY AU",
    "HONG KONG HK",
    "NEW YORK US",
    "PARIS FR",
    "MUMBAI IN",
    "TOKYO JP",
    "DUBAI AE",
    "SINGAPORE SG",
    "FRANKFURT DE",
    "TORONTO CA",
    "RIYADH SA",
    "SHANGHAI CN",
    "KUALA LUMPUR MY",
    "AMSTERDAM NL",
)
DOMESTIC = {
    "GB": ("LEEDS", "BRISTOL", "GLASGOW", "LONDON", "NORWICH", "CARDIFF", "MANCHESTER"),
    "SG": ("SINGAPORE",),
    "AE": ("ABU DHABI", "SHARJAH", "DUBAI", "AL AIN", "RAS AL KHAIMAH"),
    "US": (
        "AUSTIN TX",
        "DENVER CO",
        "COLUMBUS OH",
        "PORTLAND OR",
        "RALEIGH NC",
        "BOSTON MA",
        "MIAMI FL",
        "SEATTLE WA",
    ),
}


BRANCHES = {
    "GB": ("LHR", "GB", "EMA"),
    "SG": ("SIN", "SG"),
    "AE": ("DXB", "AE"),
    "US": ("MEM", "INV", "US"),
}


@dataclass
class Parcel:
    day: dt.date
    waybill: str
    reference: str
    destination: str
    service: str
    pieces: int
    weight: Decimal
    freight: Decimal
    fuel: Decimal
    other: Decimal
    vat: Decimal

    @property
    def net(self) -> Decimal:
        return self.freight + self.fuel + self.other

    @property
    def total(self) -> Decimal:
        return self.net + self.vat


def _courier(rng: random.Random) -> Rendered:
    country: Country = choose(rng, [(3, "GB"), (2, "SG"), (2, "AE"), (3, "US")])
    currency = LOCAL[country]
    style = _money_style(rng, currency)
    plain = MoneyStyle(",", ".")
    patterns = {
        "GB": ("{dd}/{mm}/{yyyy}", "{d} {mon} {yyyy}", "{dd} {month} {yyyy}"),
        "SG": ("{dd}/{mm}/{yyyy}", "{dd} {mon} {yyyy}", "{dd}-{mon}-{yyyy}"),
        "AE": ("{dd}/{mm}/{yyyy}", "{dd}-{mon}-{yyyy}", "{dd} {mon} {yyyy}"),
        "US": ("{mm}/{dd}/{yyyy}", "{month} {d}, {yyyy}", "{mon} {d}, {yyyy}"),
    }[country]
    dates_style = DateStyle(rng.choice(patterns))
    short = DateStyle("{mm}/{dd}" if country == "US" else "{dd}/{mm}")
    dates = pick_dates(rng, dates_style, due_days=(14, 14, 21, 30))
    vat_rate = _tax_rate(country, dates.issue.year)
    tax_name = TAX_NAME[country]
    brand = rng.choice(COURIER_BRANDS)
    vendor = {
        "GB": f"{brand} (UK) Limited",
        "SG": f"{brand} (Singapore) Pte Ltd",
        "AE": f"{brand} Courier Services LLC",
        "US": f"{brand}, Inc.",
    }[country]
    customer = _customer(rng, country)
    accent = rng.choice(ACCENTS)
    size = LETTER if country == "US" else A4
    canvas = Canvas(*size)
    left, right = 30.0, size[0] - 30

    # The period's shipments.
    period_end = dates.issue - dt.timedelta(days=rng.randint(1, 3))
    period_days = rng.choice((6, 13, 14))
    period_start = period_end - dt.timedelta(days=period_days)
    waybill_kind = rng.choice(("ten", "twelve", "1z"))
    fuel_pct = Decimal(rng.randint(165, 315)) / 10
    count = choose(
        rng, [(3, rng.randint(4, 12)), (4, rng.randint(13, 28)), (2, rng.randint(29, 44))]
    )
    lbs = country == "US"
    parcels: list[Parcel] = []
    for _ in range(count):
        day = period_start + dt.timedelta(days=rng.randint(0, period_days))
        domestic = rng.random() < (0.55 if country == "US" else 0.3)
        if waybill_kind == "ten":
            waybill = names.digits(rng, 10)
        elif waybill_kind == "twelve":
            waybill = names.digits(rng, 12)
        else:
            alnum = "ABCDEFGHJKLMNPRSTUVWXY0123456789"
            waybill = "1Z" + "".join(rng.choice(alnum) for _ in range(6)) + names.digits(rng, 10)
        if lbs:
            weight = Decimal(rng.randint(1, 70))
            per = Decimal(rng.randint(90, 260)) / 100
        else:
            weight = Decimal(rng.randint(1, 60)) / 2
            per = Decimal(rng.randint(200, 900)) / 100 * LOCAL_MULT.get(country, Decimal(1))
        base = Decimal(rng.randint(900, 4500)) / 100 * LOCAL_MULT.get(country, Decimal(1))
        freight = money(base + per * weight * (1 if domestic else 3))
        fuel = money(freight * fuel_pct / 100)
        other = Decimal(0)
        if rng.random() < 0.2:
            other = Decimal(rng.choice(("4.75", "12.50", "18.00", "25.00", "31.40")))
        if domestic:
            destination = rng.choice(DOMESTIC[country])
            service = rng.choice(
                ("PRIORITY OVERNIGHT", "STANDARD OVERNIGHT", "2DAY", "GROUND")
                if country == "US"
                else ("DOMESTIC EXPRESS", "NEXT DAY 12:00", "SAME DAY")
            )
        else:
            destination = rng.choice([d for d in DESTINATIONS if not d.endswith(country)])
            service = rng.choice(
                ("INTL PRIORITY", "INTL ECONOMY")
                if country == "US"
                else ("EXPRESS WORLDWIDE", "ECONOMY SELECT", "EXPRESS 12:00")
            )
        vat = money((freight + fuel + other) * vat_rate / 100) if domestic else Decimal(0)
        reference = rng.choice(
            ("", "", f"ORD-{names.digits(rng, 5)}", f"PO {names.digits(rng, 6)}", "SAMPLES", "DOCS")
        )
        pieces = choose(rng, [(6, 1), (2, 2), (1, rng.randint(3, 6))])
        parcels.append(
            Parcel(
                day,
                waybill,
                reference,
                destination,
                service,
                pieces,
                weight,
                freight,
                fuel,
                other,
                vat,
            )
        )
    parcels.sort(key=lambda p: (p.day, p.waybill))
    freight_sum = sum((p.freight for p in parcels), Decimal(0))
    fuel_sum = sum((p.fuel for p in parcels), Decimal(0))
    other_sum = sum((p.other for p in parcels), Decimal(0))
    net = freight_sum + fuel_sum + other_sum
    tax = sum((p.vat for p in parcels), Decimal(0))
    duties = Decimal(0)
    if country in ("SG", "AE") and rng.random() < 0.4:
        duties = money(Decimal(rng.randint(4000, 160000)) / 100)
    total = net + tax + duties

    # Brand bar and header.
    canvas.box(0, 0, size[0], 40, stroke=None, fill=accent)
    canvas.text(left, 27, brand.upper(), size=17, bold=True, color=WHITE)
    canvas.text(right, 25, "Account Invoice", size=10, color=WHITE, align="right")
    label, tax_id = _tax_id(rng, country)
    canvas.text(left, 58, vendor, size=9, bold=True)
    for index, row in enumerate(
        [
            *_address(rng, country),
            f"{label}: {tax_id}"
            if country != "US"
            else f"Billing enquiries 1-800-{names.digits(rng, 3)}-{names.digits(rng, 4)}",
        ]
    ):
        canvas.text(left, 69 + index * 9.5, row, size=7.5)
    title = {
        "GB": rng.choice(("INVOICE", "VAT INVOICE")),
        "SG": "TAX INVOICE",
        "AE": "TAX INVOICE",
        "US": "INVOICE",
    }[country]
    canvas.text(right, 60, title, size=14, bold=True, align="right")
    number_text = rng.choice(
        (
            names.digits(rng, 9),
            f"{rng.choice(BRANCHES[country])}{names.digits(rng, 8)}",
            f"{names.digits(rng, 1)}-{names.digits(rng, 3)}-{names.digits(rng, 5)}",
        )
    )
    account = f"{rng.choice(('95', '96', '6'))}{names.digits(rng, 7)}"
    due_printed = rng.random() < 0.7
    pairs = [
        ("Invoice number", number_text),
        ("Invoice date", dates_style.format(dates.issue)),
        ("Account number", account),
        (
            "Billing period",
            f"{dates_style.format(period_start)} - {dates_style.format(period_end)}",
        ),
    ]
    if due_printed:
        pairs.append(("Payment due date", dates_style.format(dates.due)))
    else:
        days = _nominal(dates, (14, 21, 30))
        pairs.append(("Payment terms", f"{days} days from invoice date"))
    pages = 2 if count > 28 else 1
    pairs += [("Currency", currency), ("Page", f"1 of {pages}")]
    y = 76.0
    widest = max(canvas.width_of(value, size=7.5, bold=True) for _, value in pairs)
    label_x = min(right - 150, right - widest - 72)
    for label_text, value in pairs:
        canvas.text(label_x, y, label_text, size=7.5, color=GREY)
        canvas.text(right, y, value, size=7.5, bold=label_text == "Invoice number", align="right")
        y += 10
    bill_y = 118.0
    canvas.text(left, bill_y, "Bill to", size=7, bold=True, color=GREY)
    canvas.text(left, bill_y + 11, customer, size=8.5, bold=True)
    for index, row in enumerate(["Attn: Accounts Payable", *_address(rng, country)]):
        canvas.text(left, bill_y + 21 + index * 9.5, row, size=7.5)
    y = max(y, bill_y + 55) + 8

    # Summary box.
    canvas.box(left, y, right, y + 14, stroke=None, fill=accent)
    canvas.text(left + 5, y + 10, "INVOICE SUMMARY", size=8, bold=True, color=WHITE)
    canvas.text(right - 5, y + 10, f"{count} shipments", size=7.5, color=WHITE, align="right")
    y += 26
    summary: list[tuple[str, str, bool]] = [
        ("Transportation charges", plain.number(freight_sum), False),
        (f"Fuel surcharge ({fuel_pct:.1f}%)", plain.number(fuel_sum), False),
        ("Other surcharges", plain.number(other_sum), False),
    ]
    subtotal_printed = False
    if country == "US":
        summary.append(("Total current charges", style.amount(total), True))
    else:
        if not duties:
            summary.append((f"Total excl. {tax_name}", plain.number(net), False))
            subtotal_printed = True
        else:
            summary.append((f"Total charges before {tax_name}", plain.number(net), False))
        summary.append((f"{tax_name} {_rate_text(vat_rate)}", plain.number(tax), False))
        if duties:
            summary.append(
                ("Duties & taxes paid on your behalf (disbursement)", plain.number(duties), False)
            )
        summary.append((f"Total amount due ({currency})", style.amount(total), True))
    x_amount = left + 330
    for text, value, strong in summary:
        if strong:
            canvas.line(left + 5, y - 9, x_amount, y - 9, width=0.6)
        canvas.text(left + 5, y, text, size=8, bold=strong)
        canvas.text(x_amount, y, value, size=8.5 if strong else 8, bold=strong, align="right")
        y += 12
    # Right of the summary: how to pay, and the decoys that go with it.
    pay = [
        "How to pay",
        f"Quote account {account} and invoice {number_text}.",
        "Bank transfer:",
        *_bank(rng, country, currency),
    ]
    if rng.random() < 0.35:
        debit = dates.issue + dt.timedelta(days=rng.randint(7, 12))
        pay.append(f"Direct debit will be collected on or after {dates_style.format(debit)}.")
    pay_x = x_amount + 25
    for index, row in enumerate(pay):
        canvas.text(
            pay_x,
            y - 12 * len(summary) + index * 9.5,
            _fit(canvas, row, right - pay_x, 6.5),
            size=6.5,
            bold=index == 0,
        )
    y += 4
    if country == "US" and rng.random() < 0.45:
        previous = money(Decimal(rng.randint(20000, 900000)) / 100)
        paid = previous if rng.random() < 0.6 else money(previous * Decimal("0.6"))
        account_rows = [
            ("Previous balance", plain.number(previous)),
            ("Payments received - thank you", f"-{plain.number(paid)}"),
            ("Current charges", plain.number(total)),
            ("Total account balance", style.amount(previous - paid + total)),
        ]
        canvas.text(left + 5, y, "ACCOUNT SUMMARY", size=7, bold=True, color=GREY)
        y += 10
        for text, value in account_rows:
            canvas.text(left + 5, y, text, size=7.5)
            canvas.text(x_amount, y, value, size=7.5, align="right")
            y += 10
    if country == "GB" and rng.random() < 0.4:
        duty_no = names.digits(rng, 9)
        canvas.text(
            left + 5,
            y,
            f"Import duty and VAT on inbound shipments are billed separately on duty invoice "
            f"{duty_no} ({style.amount(money(Decimal(rng.randint(3000, 90000)) / 100))}).",
            size=6.5,
            color=GREY,
        )
        y += 10
    y += 10

    # Shipment detail table, continued on a second page.
    if lbs:
        heads = [
            "Ship date",
            "Tracking number",
            "Reference",
            "Destination",
            "Service",
            "Pcs",
            "Wt lb",
            "Transport",
            "Fuel",
            "Surch.",
            "Total",
        ]
    else:
        heads = [
            "Date",
            "Waybill no.",
            "Reference",
            "Destination",
            "Service",
            "Pcs",
            "Kg",
            "Freight",
            "Fuel",
            "Other",
            tax_name,
            "Total",
        ]
    width = right - left
    if lbs:
        edges = [0, 34, 118, 166, 234, 318, 340, 370, 412, 446, 476, width]
    else:
        edges = [0, 28, 100, 148, 218, 300, 318, 342, 384, 414, 442, 472, width]
    edges = [left + e * (width / edges[-1]) for e in edges]
    numeric_from = 5

    def header(top: float) -> float:
        canvas.box(left, top, right, top + 12, stroke=None, fill=LIGHT)
        for index, text in enumerate(heads):
            if index >= numeric_from:
                canvas.text(
                    edges[index + 1] - 2, top + 8.5, text, size=6.3, bold=True, align="right"
                )
            else:
                canvas.text(edges[index] + 2, top + 8.5, text, size=6.3, bold=True)
        return top + 12

    canvas.text(left, y, "SHIPMENT DETAILS", size=8, bold=True)
    y = header(y + 4)
    first_page = 28 if pages == 2 else count
    for index, p in enumerate(parcels):
        if index == first_page:
            canvas.text(
                right,
                820 if not lbs else 772,
                "continued overleaf",
                size=6.5,
                color=GREY,
                align="right",
            )
            canvas.new_page()
            canvas.box(0, 0, size[0], 22, stroke=None, fill=accent)
            canvas.text(left, 15, brand.upper(), size=10, bold=True, color=WHITE)
            canvas.text(
                right,
                15,
                f"Invoice {number_text}  |  Account {account}  |  Page 2 of 2",
                size=7,
                color=WHITE,
                align="right",
            )
            canvas.text(left, 42, "SHIPMENT DETAILS (continued)", size=8, bold=True)
            y = header(48)
        cells = [
            short.format(p.day),
            p.waybill,
            p.reference,
            p.destination,
            p.service,
            str(p.pieces),
            str(p.weight) if lbs else f"{p.weight:.1f}",
            plain.number(p.freight),
            plain.number(p.fuel),
            plain.number(p.other) if p.other else "-",
        ]
        if not lbs:
            cells.append(plain.number(p.vat) if p.vat else "0.00")
        cells.append(plain.number(p.total))
        for col, text in enumerate(cells):
            if col >= numeric_from:
                canvas.text(edges[col + 1] - 2, y + 8.5, text, size=6.3, align="right")
            else:
                canvas.text(
                    edges[col] + 2,
                    y + 8.5,
                    _fit(canvas, text, edges[col + 1] - edges[col] - 3, 6.3),
                    size=6.3,
                )
        y += 11
        if index % 2 == 1:
            canvas.line(left, y, right, y, width=0.2, color=LIGHT)
    canvas.line(left, y + 1, right, y + 1, width=0.6)
    totals = [
        plain.number(freight_sum),
        plain.number(fuel_sum),
        plain.number(other_sum),
        *([] if lbs else [plain.number(tax)]),
        plain.number(net + tax),
    ]
    canvas.text(edges[0] + 2, y + 10, f"Total {count} shipments", size=6.5, bold=True)
    for offset, text in enumerate(totals):
        col = 7 + offset
        canvas.text(edges[col + 1] - 2, y + 10, text, size=6.3, bold=True, align="right")

    fields = truth_fields(
        number=number_text,
        issue=dates.issue,
        due=dates.due if due_printed else None,
        vendor=vendor,
        total=total,
        subtotal=net if subtotal_printed else None,
        tax=None if country == "US" else tax,
        currency=currency,
    )
    return Rendered(
        fields,
        "en",
        "invoice",
        canvas.pdf(title=number_text),
        style,
        dates_style,
        QuantityStyle(),
        _marks(style, currency),
    )


# --- Layout 5: a small carrier's Word invoice -----------------------------------------------

BROKERS = (
    "Summit Freight Solutions LLC",
    "Pinnacle Logistics Brokerage Inc.",
    "Bluegrass Transportation Services LLC",
    "Redline Freight Brokers Inc.",
    "Heartland Load Partners LLC",
    "Coastline Logistics Group Inc.",
)
FACTORS = (
    "Triumph Funding Partners LLC",
    "Capital Freight Factoring LLC",
    "Apex Carrier Capital Inc.",
    "OTR Cashflow Solutions LLC",
)
SG_TRANSPORT = (
    "Hock Seng",
    "Kim Huat",
    "Teck Lee",
    "Soon Hock",
    "Chin Leong",
    "Ah Huat",
    "Guan Heng",
)
SG_PLACES = ("Tuas", "Jurong", "Pandan", "Changi", "Woodlands", "Senoko", "Kallang", "Loyang")
GB_TOWNS = (
    "Leeds",
    "Wakefield",
    "Doncaster",
    "Sheffield",
    "Hull",
    "Bradford",
    "Derby",
    "Crewe",
    "Warrington",
    "Daventry",
    "Northampton",
    "Peterborough",
)


def _small_lines(rng: random.Random, country: Country, origin: str, dest: str) -> list[Line]:
    one = Decimal(1)
    if country == "US":
        miles = Decimal(rng.randint(180, 1450))
        lines = [
            Line(f"Line haul - {origin} to {dest}", one, Decimal(rng.randint(120, 520) * 10)),
            Line("Fuel surcharge (per loaded mile)", miles, Decimal(rng.randint(38, 78)) / 100),
        ]
        extras = [
            Line(
                "Detention (after 2 hrs free)",
                Decimal(rng.randint(2, 12)) / 2,
                Decimal(rng.choice((50, 60, 75))),
            ),
            Line("Lumper fee (receipt attached)", one, Decimal(rng.randint(120, 380))),
            Line("Layover", one, Decimal(rng.choice((150, 200, 250, 300)))),
            Line("Stop-off charge", Decimal(rng.randint(1, 2)), Decimal(rng.choice((75, 100)))),
            Line("Tarp fee", one, Decimal(rng.choice((75, 100, 125)))),
            Line("Driver assist / unload", one, Decimal(rng.choice((75, 100, 150)))),
        ]
    elif country == "GB":
        pallets = Decimal(rng.randint(1, 26))
        lines = [
            Line(f"Pallet delivery {origin} to {dest}", pallets, Decimal(rng.randint(38, 96))),
        ]
        extras = [
            Line(
                f"Full load 13.6m trailer {origin} - {dest}",
                one,
                Decimal(rng.randint(45, 115) * 10),
            ),
            Line("Tail-lift delivery", one, Decimal(rng.choice((25, 30, 35, 45)))),
            Line(
                "Waiting time (per hour)",
                Decimal(rng.randint(2, 8)) / 2,
                Decimal(rng.choice((40, 45, 50, 55))),
            ),
            Line("Timed delivery / booking-in", one, Decimal(rng.choice((15, 20, 25)))),
            Line("Fuel surcharge", one, Decimal(rng.randint(1800, 9500)) / 100),
        ]
    else:
        lines = [
            Line(
                f"24ft lorry with tailgate - {origin} to {dest}",
                Decimal(rng.randint(1, 6)),
                Decimal(rng.randint(12, 26) * 10),
            ),
        ]
        extras = [
            Line(
                f"40' container haulage PSA Pasir Panjang to {dest}",
                Decimal(rng.randint(1, 3)),
                Decimal(rng.randint(28, 45) * 10),
            ),
            Line(
                "Manpower for loading / unloading (per man-hour)",
                Decimal(rng.randint(4, 24)),
                Decimal(rng.choice((25, 28, 30, 35))),
            ),
            Line(
                "Waiting time (per hour)",
                Decimal(rng.randint(1, 4)),
                Decimal(rng.choice((30, 40, 50))),
            ),
            Line("Crane truck 10 ton (4 hrs min)", one, Decimal(rng.randint(45, 80) * 10)),
            Line("ERP & parking charges", one, Decimal(rng.randint(800, 4500)) / 100),
        ]
    return lines + rng.sample(extras, rng.randint(0, 3))


def _small_carrier(rng: random.Random) -> Rendered:
    country: Country = choose(rng, [(5, "US"), (3, "GB"), (2, "SG")])
    currency = LOCAL[country]
    style = {
        "US": MoneyStyle(",", ".", "$", symbol_space=False),
        "GB": MoneyStyle(",", ".", "£", symbol_space=False),
        "SG": _money_style(rng, "SGD"),
    }[country]
    patterns = {
        "US": ("{mm}/{dd}/{yyyy}", "{m}/{d}/{yyyy}", "{month} {d}, {yyyy}"),
        "GB": ("{dd}/{mm}/{yyyy}", "{d} {month} {yyyy}", "{dd}.{mm}.{yyyy}"),
        "SG": ("{dd}/{mm}/{yyyy}", "{d} {mon} {yyyy}", "{dd}-{mm}-{yyyy}"),
    }[country]
    dates_style = DateStyle(rng.choice(patterns))
    dates = pick_dates(rng, dates_style, due_days=(15, 30, 30))
    vat_rate = _tax_rate(country, dates.issue.year)
    registered = country == "GB" or (country == "SG" and rng.random() < 0.7)
    page = LETTER if country == "US" else A4
    canvas = Canvas(*page, family=rng.choice(("tiro", "tiro", "helv")))
    left, right = 54.0, page[0] - 54
    middle = page[0] / 2
    accent = rng.choice(ACCENTS)

    if country == "US":
        surname = names.surname(rng, "us")
        initials = f"{rng.choice('ABCDJKLMRT')}&{rng.choice('ABCDJKLMRT')}"
        vendor = rng.choice(
            (
                f"{initials} {surname} Trucking LLC",
                f"{surname} Transport LLC",
                f"{surname} Hauling Inc.",
                f"{surname} & Sons Express LLC",
            )
        )
        origin, dest = rng.sample([t.rsplit(" ", 1)[0] for t in TERMINALS], 2)
        customer = rng.choice(BROKERS)
        contact = [
            *names.address(rng, "us"),
            f"Phone {names.phone(rng, 'US')}   {surname.lower()}trucking@gmail.com",
            f"MC# {names.digits(rng, 6)}   USDOT# {names.digits(rng, 7)}",
        ]
    elif country == "GB":
        surname = names.surname(rng, "en")
        vendor = rng.choice(
            (
                f"{surname} Haulage Ltd",
                f"{surname} Transport Ltd",
                f"{surname} & Sons (Haulage) Ltd",
                f"{surname} Logistics Limited",
            )
        )
        origin, dest = rng.sample(GB_TOWNS, 2)
        customer = names.company(rng, "en")
        contact = [
            ", ".join(names.address(rng, "en")),
            f"Tel {names.phone(rng, 'GB')}   accounts@{surname.lower()}haulage.co.uk",
            f"Company Reg. No. {names.digits(rng, 8)}   VAT Reg. No. {names.vat_id(rng, 'GB')}",
        ]
    else:
        word = rng.choice(SG_TRANSPORT)
        form = rng.choice(
            ("Transport Pte Ltd", "Transport Services Pte. Ltd.", "Logistics & Transport Pte Ltd")
        )
        vendor = f"{word} {form}"
        origin, dest = rng.sample(SG_PLACES, 2)
        customer = _customer(rng, "SG")
        label, tax_id = _tax_id(rng, "SG")
        contact = [
            ", ".join(_address(rng, "SG")),
            f"Tel: {names.phone(rng, 'SG')}  Fax: {names.phone(rng, 'SG')}",
            f"UEN: {tax_id}" + (f"   {label}: {tax_id}" if registered else ""),
        ]

    lines = _small_lines(rng, country, origin, dest)
    subtotal = sum((line.amount for line in lines), Decimal(0))
    tax = money(subtotal * vat_rate / 100) if registered else Decimal(0)
    total = subtotal + tax

    # Letterhead, centred or left.
    centred = rng.random() < 0.5
    if centred:
        canvas.text(middle, 58, vendor, size=17, bold=True, align="center", color=accent)
        for index, row in enumerate(contact):
            canvas.text(middle, 73 + index * 11, row, size=8.5, align="center")
        y: float = 73 + len(contact) * 11 + 8
        canvas.line(left, y - 6, right, y - 6, width=1, color=accent)
        title_y = y + 24
        canvas.text(
            middle,
            title_y,
            "TAX INVOICE" if registered and country == "SG" else "INVOICE",
            size=20,
            bold=True,
            align="center",
        )
        y = title_y + 22
    else:
        canvas.text(left, 62, vendor, size=16, bold=True, color=accent)
        for index, row in enumerate(contact):
            canvas.text(left, 77 + index * 11, row, size=8.5)
        canvas.text(
            right,
            66,
            "TAX INVOICE" if registered and country == "SG" else "INVOICE",
            size=22,
            bold=True,
            align="right",
            color=GREY,
        )
        y = 77 + len(contact) * 11 + 16

    # Invoice particulars beside the customer.
    yy = dates.issue.strftime("%y")
    number_text = rng.choice(
        {
            "US": (
                str(rng.randint(1001, 1480)),
                f"INV-{rng.randint(1, 999):04d}",
                f"{dates.issue.year}-{rng.randint(1, 140):03d}",
            ),
            "GB": (
                f"INV-{rng.randint(1000, 9999)}",
                str(rng.randint(10000, 29999)),
                f"SI-{rng.randint(100, 4000):05d}",
            ),
            "SG": (
                f"INV{yy}{rng.randint(1, 999):04d}",
                f"{rng.randint(1000, 9999)}",
                f"TI-{yy}-{rng.randint(1, 999):03d}",
            ),
        }[country]
    )
    due_printed = rng.random() < 0.5
    pairs = [
        ("Invoice #" if country == "US" else "Invoice No", number_text),
        (
            "Date" if country != "GB" else rng.choice(("Invoice Date", "Date / Tax Point")),
            dates_style.format(dates.issue),
        ),
    ]
    days = _nominal(dates, (15, 30))
    if due_printed:
        pairs.append(("Due Date", dates_style.format(dates.due)))
    else:
        pairs.append(("Terms", f"Net {days}" if country == "US" else f"{days} days"))
    if country == "US":
        pairs += [
            (
                "Load #",
                rng.choice(
                    (f"LD{names.digits(rng, 7)}", names.digits(rng, 8), f"{names.digits(rng, 6)}-A")
                ),
            ),
            ("Rate Con #", names.digits(rng, 7)),
            ("BOL #", names.digits(rng, rng.choice((6, 9)))),
        ]
    elif country == "GB":
        pairs += [
            ("Account Ref", f"{customer.split()[0][:4].upper()}{rng.randint(1, 99):03d}"),
            ("Your Order No", f"PO{names.digits(rng, 6)}"),
        ]
    else:
        pairs += [
            ("D/O No", f"DO-{yy}-{names.digits(rng, 4)}"),
            ("Your P.O.", f"PO{names.digits(rng, 5)}"),
        ]
    _kv(canvas, right - 190, y, pairs, gap=78, size=9, step=13)
    canvas.text(left, y, "BILL TO:" if country == "US" else "Invoice To:", size=9, bold=True)
    bill = [customer]
    if country == "US":
        bill += [*names.address(rng, "us"), "Attn: Carrier Payables"]
    elif country == "GB":
        bill += names.address(rng, "en")
    else:
        bill += _address(rng, "SG")
    for index, row in enumerate(bill):
        canvas.text(left, y + 13 + index * 12, row, size=9, bold=index == 0)
    y += max(len(pairs) * 13, 13 + len(bill) * 12) + 12

    # Trip details.
    pickup = dates.other[0]
    delivered = min(pickup + dt.timedelta(days=rng.randint(1, 4)), dates.issue)
    if country == "US":
        trip = [
            f"Pickup: {origin} on {dates_style.format(pickup)}",
            f"Delivery: {dest} on {dates_style.format(delivered)}",
            f"Equipment: {rng.choice(('53 ft dry van', '53 ft reefer', '48 ft flatbed'))}   "
            f"Truck # {rng.randint(1, 40)}   Trailer # {rng.randint(100, 990)}",
        ]
    elif country == "GB":
        trip = [
            f"Collection {dates_style.format(pickup)}  -  delivered "
            f"{dates_style.format(delivered)}",
            f"Vehicle reg. {rng.choice(('YX', 'LK', 'MA', 'BD'))}{rng.randint(15, 24)} "
            + "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3)),
        ]
    else:
        trip = [
            f"Date of service: {dates_style.format(pickup)}",
            f"Vehicle No: {rng.choice(('XD', 'YN', 'XE', 'YL'))}{rng.randint(1000, 9999)}"
            f"{rng.choice('ABCDEGHJKLMPRSTUXYZ')}",
        ]
    for row in trip:
        canvas.text(left, y, row, size=9)
        y += 12
    y += 8

    # Lines.
    quantities = QuantityStyle()
    columns = [
        Column("DESCRIPTION" if country == "US" else "Description", left + 4),
        Column("QTY" if country == "US" else "Qty", right - 170, "right"),
        Column("RATE" if country == "US" else "Unit Price", right - 90, "right"),
        Column("AMOUNT" if country == "US" else "Amount", right - 4, "right"),
    ]
    rows = [
        [
            line.description,
            quantities.number(line.quantity),
            style.number(line.unit_price),
            style.number(line.amount),
        ]
        for line in lines
    ]
    rules: Rules = rng.choice(("grid", "header"))
    y = draw_table(
        canvas,
        y,
        columns,
        rows + [["", "", "", ""]] * rng.randint(0, 3),
        left=left,
        right=right,
        size=9,
        row_height=16,
        rules=rules,
        header_fill=LIGHT if rules == "grid" else None,
    )
    y += 10

    # Totals.
    shapes = ("total", "subtotal", "zero-tax") if country == "US" else ("total", "subtotal")
    shape = "vat" if registered else rng.choice(shapes)
    tax_in_truth: Decimal | None = None
    subtotal_in_truth: Decimal | None = None
    totals: list[tuple[str, str]] = []
    if shape == "vat":
        name = TAX_NAME[country]
        totals = [
            ("Sub-total" if country == "SG" else "Subtotal", style.number(subtotal)),
            (
                f"{name} @ {_rate_text(vat_rate)}"
                if country == "GB"
                else f"{name} {_rate_text(vat_rate)}",
                style.number(tax),
            ),
            (f"Total ({currency})" if country == "SG" else "Total", style.amount(total)),
        ]
        tax_in_truth, subtotal_in_truth = tax, subtotal
    elif shape == "subtotal":
        totals = [
            ("Subtotal", style.number(subtotal)),
            ("TOTAL DUE" if country == "US" else "TOTAL", style.amount(total)),
        ]
        subtotal_in_truth = subtotal
    elif shape == "zero-tax":
        totals = [
            ("SUBTOTAL", style.number(subtotal)),
            ("TAX RATE", "0.00%"),
            ("SALES TAX", style.number(Decimal(0))),
            ("TOTAL", style.amount(total)),
        ]
        tax_in_truth, subtotal_in_truth = Decimal(0), subtotal
    else:
        totals = [("TOTAL DUE" if country == "US" else "TOTAL", style.amount(total))]
    if country == "US" and rng.random() < 0.3:
        advance = Decimal(rng.choice((200, 300, 400, 500)))
        totals.append(
            (f"Less fuel advance (Comchek #{names.digits(rng, 10)})", f"({style.number(advance)})")
        )
        totals.append(("BALANCE DUE", style.amount(total - advance)))
    for label, value in totals:
        strong = label.upper().startswith(("TOTAL", "BALANCE"))
        canvas.text(
            right - 180,
            y,
            label,
            size=9.5,
            bold=strong,
            align="right" if len(label) > 28 else "left",
        )
        canvas.text(right - 4, y, value, size=9.5, bold=strong, align="right")
        y += 14
    if country == "US" and rng.random() < 0.35:
        canvas.text(left, y - 14 * len(totals), "Currency: USD", size=8, color=GREY)
    y += 18

    # Footer: payment instructions, a factoring assignment on some US invoices.
    if country == "US":
        if rng.random() < 0.4:
            factor = rng.choice(FACTORS)
            notes = [
                "NOTICE OF ASSIGNMENT",
                f"This account has been assigned and must be paid only to {factor},",
                f"P.O. Box {rng.randint(1000, 99999)}, {rng.choice(TERMINALS)}. Payment to any "
                "other "
                "party will not discharge the debt.",
            ]
        else:
            notes = [f"Make all checks payable to {vendor}.", "Thank you for your business!"]
    elif country == "GB":
        notes = [
            "Payment terms: 30 days from date of invoice."
            if not due_printed
            else "Please pay by the due date above.",
            *_bank(rng, "GB", "GBP"),
            "Interest may be charged on late payments under the Late Payment of Commercial Debts "
            "(Interest) Act 1998.",
        ]
    else:
        notes = [
            f'All cheques should be crossed and made payable to "{vendor.upper()}"',
            f"PayNow UEN: {contact[-1].split()[1]}",
            "Goods carried at owner's risk. E. & O. E.",
        ]
    for index, row in enumerate(notes):
        canvas.text(left, y + index * 12, row, size=8.5, bold=index == 0 and row.isupper())
    y += len(notes) * 12 + 30
    if country != "US":
        canvas.text(
            right,
            y,
            f"for {vendor}" if rng.random() < 0.5 else "Authorised Signature",
            size=8.5,
            align="right",
        )
        canvas.line(right - 150, y - 12, right, y - 12, width=0.4)

    fields = truth_fields(
        number=number_text,
        issue=dates.issue,
        due=dates.due if due_printed else None,
        vendor=vendor,
        total=total,
        subtotal=subtotal_in_truth,
        tax=tax_in_truth,
        currency=currency,
        lines=lines,
    )
    return Rendered(
        fields,
        "en",
        "invoice",
        canvas.pdf(title=number_text),
        style,
        dates_style,
        quantities,
        _marks(style, currency),
        prices_include_tax=subtotal_in_truth is None,
    )


def build(rng: random.Random) -> Rendered:
    layout: Layout = choose(
        rng,
        [
            (2.2, "forwarder"),
            (2.2, "freight-software"),
            (2, "ltl"),
            (1.8, "courier"),
            (1.8, "small-carrier"),
        ],
    )
    rendered = {
        "forwarder": _forwarder,
        "freight-software": _freight_software,
        "ltl": _ltl,
        "courier": _courier,
        "small-carrier": _small_carrier,
    }[layout](rng)
    weights: dict[Layout, list[tuple[float, Scan]]] = {
        "forwarder": [(9, None), (1, "jpg")],
        "freight-software": [(7, None), (2, "jpg"), (1, "png")],
        "ltl": [(6, None), (3, "jpg"), (1, "png")],
        "courier": [(1, None)],
        "small-carrier": [(5, None), (4, "jpg"), (1, "png")],
    }
    rendered.image = choose(rng, weights[layout])
    return rendered
