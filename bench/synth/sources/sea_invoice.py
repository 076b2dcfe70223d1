"""`sea-invoice`: invoices and tax receipts from South-East Asia, in the countries' own languages
and English: Indonesia (Indonesian or English, IDR), Malaysia (English or Malay, MYR), the
Philippines (English, PHP), Singapore (English, SGD), Thailand (English, THB) and Vietnam
(Vietnamese with English glosses, VND).

Conventions. Rupiah as `Rp 1.234.567` (no decimals), `Rp1.234.567,00` or, on an English print,
`IDR 1,234,567.00`; dong always whole with dots (`12.345.000`); ringgit `RM 1,234.50`, pesos
`₱1,234.50`, `PHP 1,234.50` or `P 1,234.50`, Singapore dollars `S$1,234.50`, `SGD` or `$`, baht
`฿1,234.50`, `THB` or `1,234.50 Baht`. Dates day first (`12/08/2025`, `12 Agustus 2025`, `12 Ogos
2025`, `Ngày 12 tháng 08 năm 2025`) except in the Philippines, which print month first
(`08/12/2025`, `August 12, 2025`); Thai documents print Buddhist-era years (`12/08/2568`) alone or
beside the Gregorian date. Tax rates follow the date: Indonesian PPN 10 % until March 2022, 11 %
after, and from 2025 12 % of a `DPP Nilai Lain` of 11/12 of the price (so 11 % in effect); Malaysian
service tax 6 %, 8 % from March 2024, sales tax 10 % or 5 %; Philippine VAT 12 %; Singapore GST 7 %
(2022), 8 % (2023), 9 % (from 2024); Thai VAT 7 %; Vietnamese VAT 10 %, 8 % (the reduced rate of
2022-2025) or 5 %. Amounts in rupiah and dong are whole; tax on them is rounded down to the rupiah
or half up to the dong.

Four layout families.

- `accounting` (an accounting package's invoice, A4, ID/MY/PH/SG/TH): letterhead with the tax
  registration (NPWP `01.234.567.8-901.000` or 16 digits, SST No. `W10-1808-32000123`, `VAT Reg.
  TIN 123-456-789-000`, UEN and GST Reg No, a 13-digit Thai tax ID with `Head Office`), a title
  (`FAKTUR`, `INVOICE`, `INVOIS / INVOICE`, `TAX INVOICE`, `SERVICE INVOICE`, `SALES INVOICE`), an
  info block in a label column or a boxed grid (number, date, due date or terms, PO number,
  delivery-order number and date, salesperson), `Bill To` / `Kepada` / `Tagihan Kepada`, a table
  with a row number, quantity, unit, unit price and amount, and totals: subtotal, a discount
  (either a negative row of the table or a line under the subtotal), the Indonesian `DPP` and `DPP
  Nilai Lain`, the tax line, the total, and on some a withholding line (`PPh 23 (2%)`, `Less: EWT
  2%` / `1%`) with the net payable after it, a deposit already paid and a balance; the amount in
  words (`Terbilang`, `Ringgit Malaysia ... Only`, `Amount in words`) and bank details.
- `booklet` (a pre-printed invoice from a booklet, filled in with a typewriter font, often
  scanned; PH and MY): the printed header (business name, the proprietor's name on some, `VAT Reg.
  TIN`), `SALES INVOICE` / `SERVICE INVOICE` / `CHARGE SALES INVOICE` / `INVOIS / INVOICE` with
  the serial number in red, `Sold to / TIN / Address / Business Style`, `Terms`, `P.O. No.`, a
  ruled table with empty rows, the Philippine VAT box (`VATable Sales / VAT-Exempt Sales /
  Zero-Rated Sales / VAT Amount` beside `Total Sales (VAT Inclusive) / Less: VAT / Amount: Net of
  VAT / Less: SC/PWD Discount / Amount Due / Add: VAT / Less: Withholding Tax / TOTAL AMOUNT DUE`),
  `Pesos:` or `Ringgit Malaysia:` in words, and the printer's footer (`BIR Authority to Print No.`,
  its date issued and validity, the serial range, the printer's accreditation).
- `einvoice` (a government-format e-invoice print): the Vietnamese `HÓA ĐƠN GIÁ TRỊ GIA TĂNG`
  (`Mẫu số`, `Ký hiệu` such as `1C25TAA`, `Số`, `Ngày .. tháng .. năm ..`, `Mã của CQT`, seller and
  buyer with `Mã số thuế`, `STT / Tên hàng hóa, dịch vụ / Đơn vị tính / Số lượng / Đơn giá / Thành
  tiền` over the column numbers `1 2 3 4 5 6=4x5`, `Cộng tiền hàng`, `Thuế suất GTGT`, `Tiền thuế
  GTGT`, `Tổng cộng tiền thanh toán`, `Số tiền viết bằng chữ`, digital-signature box, lookup code;
  a mixed-rate variant with a per-rate summary) and the Indonesian `Faktur Pajak` (e-Faktur or
  Coretax: `Kode dan Nomor Seri Faktur Pajak`, the seller and buyer with NPWP, item rows with `Rp
  150.000,00 x 2,00 Unit` and `Potongan Harga` under the name, `Harga Jual / Penggantian / Uang Muka
  / Termin`, `Dikurangi Potongan Harga`, `Dikurangi Uang Muka`, `Dasar Pengenaan Pajak`, `Jumlah
  PPN`, `Jumlah PPnBM`, and the place and date above the signature).
- `retail` (a till's tax invoice or receipt, 80 mm; TH, SG, MY, PH, ID): the store, the operating
  company, branch and tax number, `TAX INVOICE (ABB) / RECEIPT`, `SALES INVOICE`, `RESIT`,
  `STRUK`, a receipt number beside POS, cashier and terminal numbers, items with tax-inclusive
  prices (`2 x 35.00`), `SUBTOTAL` (the gross), `TOTAL`, the included tax (`VATable 1,153.27 / VAT
  7% 80.73`, `GST 9% incl.`, the Philippine VAT breakdown, `DPP` and `PPN`), cash and change or a
  card, member points; Malaysian cafés add a 6 %/8 % service tax on top.

Decoys and awkward parts: amounts in words (`Terbilang`, `Bằng chữ`, `Pesos`, `Ringgit Malaysia`);
tax bases (`DPP`, `DPP Nilai Lain`, `VATable Sales`, `Amount: Net of VAT`); discounts; withholding
tax and the net payable after it (`PPh 23`, `EWT`), which is NOT the total; deposits and balances;
cash tendered and change; PO, delivery-order, ATP, serial (`Ký hiệu`), tax-authority and lookup
codes, registration numbers; delivery, order, ATP and validity dates; Buddhist-era years; the
operating company beside the store name; the buyer's company name.

Truth rules. `invoice_number` is the document number as printed (`No.`, `Nomor`, `Số`, `Receipt
No.`, the red serial of a booklet, the e-Faktur serial `Kode dan Nomor Seri Faktur Pajak`); the
Vietnamese `Ký hiệu` is not part of it. `invoice_date` is the issue date (Gregorian, also where only
the Buddhist-era date is printed); `due_date` only where a due date is printed (`Jatuh Tempo`,
`Due Date`, `Tarikh Akhir`), never on booklets, e-invoices or receipts. `vendor_name` is the
seller as the header prints it (the store's name on a receipt, not the operating company).
`total_amount` is the invoice total including tax and before any withholding, deposit or payment
(`Total`, `Jumlah Tagihan`, `Total Sales (VAT Inclusive)`, `Tổng cộng tiền thanh toán`); the
Indonesian `Faktur Pajak` prints no total, so it has none. `subtotal_amount` is the amount before
tax when printed as one figure: the subtotal of net-priced lines (discount rows included), the
Philippine `Amount: Net of VAT` / `VATable Sales` (all sales are VATable), a till's `VATable`,
`Total excl. GST` or `DPP`, the Faktur Pajak's `Harga Jual / Penggantian` sum (never its `Dasar
Pengenaan Pajak`, which from 2025 is the `DPP Nilai Lain`); it is left out on tills that print
only the gross (their `SUBTOTAL` is the total). Where a discount is taken off under the subtotal,
the subtotal is the printed sum of the rows and the tax is left out of the truth (subtotal + tax
would not make the total). `tax_amount` is the one tax figure (`PPN`, `SST`, `Service Tax`, `VAT`,
`GST`, `Tiền thuế GTGT` or `Tổng tiền thuế`), the included tax on tills. `line_items` are the
table rows (description as printed, quantity, unit price, amount); a discount row is a line of
quantity 1 and a negative price. Money always with two places in the truth (`1234567.00` for VND
or IDR printed without decimals); `currency` is the ISO code also where only `Rp`, `RM`, `₱`, `P`,
`S$`, `$` or `฿` is printed. About a third are scans: most booklets, some receipts, a few of the
others.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Literal

from bench.synth.canvas import A4, RECEIPT_WIDTH, Canvas
from bench.synth.common import Column, choose, draw_table
from bench.synth.document import Line, Rendered, pick_dates, price, quantity, truth_fields
from bench.synth.formats import DateStyle, FixedQuantity, MoneyStyle, QuantityStyle, money

Scan = Literal["png", "jpg"] | None
Color = tuple[float, float, float]

GREY: Color = (0.4, 0.4, 0.4)
RED: Color = (0.75, 0.1, 0.1)
BLUE: Color = (0.1, 0.2, 0.55)
PALE: Color = (0.92, 0.92, 0.92)
ACCENTS: tuple[Color, ...] = (
    (0.05, 0.3, 0.55),
    (0.55, 0.1, 0.15),
    (0.1, 0.4, 0.3),
    (0.3, 0.3, 0.3),
    (0.45, 0.3, 0.05),
)
ZERO = Decimal(0)
ONE = Decimal(1)

# ----------------------------------------------------------------------------- drawing


def _pairs(
    canvas: Canvas,
    x: float,
    y: float,
    pairs: Sequence[tuple[str, str]],
    *,
    gap: float,
    size: float,
    step: float,
    colon: bool = True,
    bold_labels: bool = False,
) -> float:
    for label, value in pairs:
        canvas.text(x, y, label, size=size, bold=bold_labels)
        canvas.text(x + gap, y, f": {value}" if colon else value, size=size)
        y += step
    return y


def _right_rows(
    canvas: Canvas,
    label_x: float,
    right: float,
    y: float,
    rows: Sequence[tuple[str, str]],
    *,
    size: float,
    step: float,
    bold: Sequence[str] = (),
) -> float:
    for label, value in rows:
        strong = label in bold
        canvas.text(label_x, y, label, size=size, bold=strong)
        canvas.text(right, y, value, size=size, bold=strong, align="right")
        y += step
    return y


def _wrap(canvas: Canvas, text: str, width: float, size: float) -> list[str]:
    words = text.split()
    rows: list[str] = []
    current = ""
    for word in words:
        trial = f"{current} {word}".strip()
        if current and canvas.width_of(trial, size=size) > width:
            rows.append(current)
            current = word
        else:
            current = trial
    if current:
        rows.append(current)
    return rows


# ----------------------------------------------------------------------------- printing styles


def _grouped(digits: str, separator: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return separator.join(parts)


@dataclass(frozen=True)
class WholeMoney(MoneyStyle):
    """Rupiah and dong as most programs print them: whole, dots between thousands."""

    def number(self, value: Decimal) -> str:
        whole = int(money(value).to_integral_value(rounding=ROUND_HALF_UP))
        text = _grouped(str(abs(whole)), self.thousands)
        return text if whole >= 0 else f"-{text}"


MONTHS = {
    "id": "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember",
    "ms": "Januari Februari Mac April Mei Jun Julai Ogos September Oktober November Disember",
}


@dataclass(frozen=True)
class LocalDate(DateStyle):
    """Indonesian and Malay month names (`12 Agustus 2025`, `12 Ogos 2025`)."""

    def month_name(self, month: int) -> str:
        if self.language in MONTHS:
            return MONTHS[self.language].split()[month - 1]
        return super().month_name(month)


@dataclass(frozen=True)
class BuddhistDate(DateStyle):
    """A Thai date in the Buddhist era: the Gregorian year plus 543 (`12/08/2568`)."""

    def format(self, value: dt.date) -> str:
        month = self.month_name(value.month)
        year = value.year + 543
        return self.pattern.format(
            d=value.day,
            dd=f"{value.day:02d}",
            m=value.month,
            mm=f"{value.month:02d}",
            yyyy=year,
            yy=f"{year % 100:02d}",
            month=month,
            mon=month[:3].title(),
        )


# ----------------------------------------------------------------------------- words


def _split(text: str, sep: str | None = None) -> list[str]:
    """Word tables kept as one string each."""
    return text.split(sep)


EN_ONES = _split(
    "Zero One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen "
    "Fifteen Sixteen Seventeen Eighteen Nineteen"
)
EN_TENS = ["_", "_", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"]


def _en_below_thousand(value: int) -> str:
    hundreds, rest = divmod(value, 100)
    parts = []
    if hundreds:
        parts.append(f"{EN_ONES[hundreds]} Hundred")
    if rest >= 20:
        tens, unit = divmod(rest, 10)
        parts.append(EN_TENS[tens] + (f"-{EN_ONES[unit]}" if unit else ""))
    elif rest:
        parts.append(EN_ONES[rest])
    return " ".join(parts)


def en_words(value: int) -> str:
    if value == 0:
        return "Zero"
    parts = []
    for scale, name in ((10**9, "Billion"), (10**6, "Million"), (1000, "Thousand")):
        count, value = divmod(value, scale)
        if count:
            parts.append(f"{_en_below_thousand(count)} {name}")
    if value:
        parts.append(_en_below_thousand(value))
    return " ".join(parts)


ID_UNITS = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]


def _id_below_thousand(value: int) -> list[str]:
    hundreds, rest = divmod(value, 100)
    parts = []
    if hundreds == 1:
        parts.append("seratus")
    elif hundreds:
        parts += [ID_UNITS[hundreds], "ratus"]
    if rest == 10:
        parts.append("sepuluh")
    elif rest == 11:
        parts.append("sebelas")
    elif 12 <= rest < 20:
        parts += [ID_UNITS[rest - 10], "belas"]
    elif rest >= 20:
        tens, unit = divmod(rest, 10)
        parts += [ID_UNITS[tens], "puluh"] + ([ID_UNITS[unit]] if unit else [])
    elif rest:
        parts.append(ID_UNITS[rest])
    return parts


def id_words(value: int) -> str:
    """`Satu juta dua ratus lima puluh ribu` (Indonesian `terbilang`)."""
    if value == 0:
        return "nol"
    parts: list[str] = []
    for scale, name in ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (1000, "ribu")):
        count, value = divmod(value, scale)
        if count == 1 and scale == 1000:
            parts.append("seribu")
        elif count:
            parts += [*_id_below_thousand(count), name]
    parts += _id_below_thousand(value)
    return " ".join(parts)


VI_UNITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


def _vi_group(value: int, full: bool) -> list[str]:
    hundreds, rest = divmod(value, 100)
    tens, unit = divmod(rest, 10)
    parts = []
    if full or hundreds:
        parts += [VI_UNITS[hundreds], "trăm"]
    if tens == 0:
        if unit and (full or hundreds):
            parts.append("lẻ")
    elif tens == 1:
        parts.append("mười")
    else:
        parts += [VI_UNITS[tens], "mươi"]
    if unit:
        if unit == 1 and tens >= 2:
            parts.append("mốt")
        elif unit == 5 and tens >= 1:
            parts.append("lăm")
        else:
            parts.append(VI_UNITS[unit])
    return parts


def vi_words(value: int) -> str:
    """`Mười một triệu hai trăm nghìn` (Vietnamese `bằng chữ`)."""
    if value == 0:
        return "không"
    groups = []
    while value:
        value, group = divmod(value, 1000)
        groups.append(group)
    scales = ["", "nghìn", "triệu", "tỷ", "nghìn tỷ"]
    parts: list[str] = []
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if not group:
            continue
        parts += _vi_group(group, full=index != len(groups) - 1)
        if scales[index]:
            parts.append(scales[index])
    return " ".join(parts)


def _cents(value: Decimal) -> tuple[int, int]:
    whole = int(value)
    return whole, int(((value - whole) * 100).to_integral_value())


def _words_line(country: str, lang: str, value: Decimal) -> str:
    whole, cents = _cents(money(value))
    if country == "ID" and lang == "id":
        return f"Terbilang: {id_words(whole).capitalize()} rupiah"
    if country == "VN":
        return f"{vi_words(whole).capitalize()} đồng."
    words = en_words(whole)
    if country == "PH":
        tail = f" and {cents:02d}/100" if cents else ""
        return f"{words} Pesos{tail} Only"
    if country == "MY":
        tail = f" and Sen {en_words(cents)}" if cents else ""
        return f"Ringgit Malaysia {words}{tail} Only"
    if country == "SG":
        tail = f" and Cents {en_words(cents)}" if cents else ""
        return f"Singapore Dollars {words}{tail} Only"
    if country == "TH":
        tail = f" and {en_words(cents)} Satang" if cents else " Only"
        return f"({words} Baht{tail})"
    return f"{words} Rupiah Only"


# ----------------------------------------------------------------------------- names and items

ID_WORDS = _split(
    "Maju Sentosa Jaya Abadi Nusantara Sejahtera Karya Mandiri Prima Cahaya Bintang Mitra "
    "Sumber Makmur Berkah Utama Sinar Teknik Indah Lestari Gemilang Persada Samudra Anugerah"
)
MY_WORDS = _split(
    "Jaya Maju Teknik Bersatu Cemerlang Gemilang Harmoni Mutiara Perdana Setia Sinar Wawasan "
    "Kenanga Seri Bintang Usaha Lim Tan Wong Ong Chong"
)
PH_WORDS = _split(
    "Golden Pacific Luzon Visayas Mindanao Manila Cebu Bayanihan Mabuhay Sampaguita Narra "
    "Evergreen Sunrise Triumph Alliance Northstar Dela Cruz Santos Reyes Villanueva"
)
SG_WORDS = _split(
    "Merlion Orchard Raffles Marina Kallang Bukit Changi Harbourfront Lion Tanjong Keppel "
    "Pioneer Straits Eastwind Jade Summit"
)
TH_WORDS = _split(
    "Siam Chao Phraya Lanna Rattana Sukhothai Andaman Chai Charoen Sombat Thai Golden Lotus "
    "Mekong Bangkok Eastern Royal"
)
VN_WORDS = _split(
    "AN PHÁT|HOÀNG LONG|MINH KHANG|THÀNH ĐẠT|PHÚ THỊNH|VIỆT TIẾN|ĐẠI NAM|SAO MAI|"
    "HƯNG THỊNH|TÂN PHÚ|NAM VIỆT|KIM NGÂN|TRƯỜNG AN|HẢI ĐĂNG|BẢO MINH|QUANG HUY",
    "|",
)
TRADES = {
    "en": ("Trading", "Engineering", "Technologies", "Supplies", "Solutions", "Logistics"),
    "id": ("Teknik", "Niaga", "Logistik", "Solusi", "Elektrik", "Sarana"),
    "ms": ("Trading", "Enterprise", "Engineering", "Teknologi", "Perkhidmatan", "Supplies"),
    "vi": (
        "THƯƠNG MẠI DỊCH VỤ",
        "XÂY DỰNG",
        "CÔNG NGHỆ",
        "THIẾT BỊ",
        "VẬN TẢI",
        "SẢN XUẤT VÀ THƯƠNG MẠI",
    ),
}


def _company(rng: random.Random, country: str) -> str:
    if country == "ID":
        words = rng.sample(ID_WORDS, rng.choice((1, 2)))
        body = " ".join(words + [rng.choice(TRADES["id"])] * (rng.random() < 0.5))
        return f"{rng.choice(('PT', 'PT', 'PT', 'CV'))} {body}" + (
            " Tbk" if rng.random() < 0.05 else ""
        )
    if country == "MY":
        words = rng.sample(MY_WORDS, rng.choice((1, 2)))
        suffix = rng.choice(("Sdn. Bhd.", "Sdn Bhd", "Sdn. Bhd.", "Enterprise", "Berhad"))
        return f"{' '.join(words)} {rng.choice(TRADES['ms'])} {suffix}"
    if country == "PH":
        words = rng.sample(PH_WORDS, rng.choice((1, 2)))
        suffix = rng.choice(("Corporation", "Corp.", "Inc.", "Enterprises", "Trading", "Co., Inc."))
        return f"{' '.join(words)} {rng.choice(TRADES['en'])} {suffix}".replace(
            "Trading Trading", "Trading"
        )
    if country == "SG":
        words = rng.sample(SG_WORDS, rng.choice((1, 2)))
        return (
            f"{' '.join(words)} {rng.choice(TRADES['en'])} {rng.choice(('Pte. Ltd.', 'Pte Ltd'))}"
        )
    if country == "TH":
        words = rng.sample(TH_WORDS, rng.choice((1, 2)))
        suffix = rng.choice(("Co., Ltd.", "Co., Ltd.", "(Thailand) Co., Ltd.", "Public Co., Ltd."))
        return f"{' '.join(words)} {rng.choice(TRADES['en'])} {suffix}"
    kind = rng.choice(("CÔNG TY TNHH", "CÔNG TY TNHH", "CÔNG TY CỔ PHẦN"))
    return f"{kind} {rng.choice(TRADES['vi'])} {rng.choice(VN_WORDS)}"


def _person(rng: random.Random, country: str) -> str:
    first = {
        "ID": ("Budi", "Siti", "Agus", "Dewi", "Rina", "Hendra", "Wahyu", "Fitri"),
        "MY": ("Ahmad", "Nurul", "Tan Wei Ming", "Siti Aminah", "Rajesh", "Lim Mei Ling"),
        "PH": ("Juan", "Maria", "Jose", "Ana", "Ramon", "Cristina", "Mark", "Liza"),
        "SG": ("Tan", "Lim", "Ng", "Wong", "Goh", "Rachel", "Daniel"),
        "TH": ("Somchai", "Suda", "Anan", "Pim", "Niran", "Kanya"),
    }[country]
    last = {
        "ID": ("Santoso", "Wijaya", "Hidayat", "Kusuma", "Saputra", "Nugroho"),
        "MY": ("bin Abdullah", "binti Hassan", "", "", "a/l Kumar", ""),
        "PH": ("Dela Cruz", "Santos", "Reyes", "Bautista", "Garcia", "Mendoza"),
        "SG": ("Wei Jie", "Hui Min", "Kok Leong", "Tan", "Lim"),
        "TH": ("Srisuk", "Chaiyaporn", "Wongsawat", "Boonmee", "Rattanakul"),
    }[country]
    return f"{rng.choice(first)} {rng.choice(last)}".strip()


ADDRESSES = {
    "ID": (
        ("Jl. Jend. Sudirman Kav. {n}", "Jakarta Selatan 12190"),
        ("Jl. Gatot Subroto No. {n}", "Jakarta 12930"),
        ("Jl. Raya Darmo No. {n}", "Surabaya 60241"),
        ("Jl. Asia Afrika No. {n}", "Bandung 40111"),
        ("Ruko Mega Grosir Blok B{n}", "Tangerang, Banten 15143"),
        ("Jl. Pemuda No. {n}", "Semarang 50132"),
    ),
    "MY": (
        ("No. {n}, Jalan SS 15/4", "47500 Subang Jaya, Selangor"),
        ("Lot {n}, Jalan Perindustrian 3", "81400 Senai, Johor"),
        ("{n}, Jalan Ampang", "50450 Kuala Lumpur"),
        ("No. {n}, Lebuh Pantai", "10300 George Town, Pulau Pinang"),
        ("{n}-1, Jalan Tun Razak", "50400 Kuala Lumpur"),
    ),
    "PH": (
        ("Unit {n}, 8F Tower One, Ayala Ave.", "Makati City 1226"),
        ("{n} E. Rodriguez Sr. Ave.", "Quezon City 1112"),
        ("{n} Osmeña Blvd.", "Cebu City 6000"),
        ("Lot {n} Km. 23 Aguinaldo Hi-way", "Dasmariñas, Cavite 4114"),
        ("{n} J.P. Laurel Ave., Bajada", "Davao City 8000"),
    ),
    "SG": (
        ("{n} Ubi Avenue 1, #05-12", "Singapore 408933"),
        ("{n} Robinson Road, #18-01", "Singapore 068905"),
        ("{n} Kaki Bukit Road 3, #02-20", "Singapore 417818"),
        ("{n} Jurong West Street 81", "Singapore 640831"),
    ),
    "TH": (
        ("{n} Sukhumvit Road, Khlong Toei", "Bangkok 10110"),
        ("{n}/12 Moo 4, Bang Na-Trat Road", "Samut Prakan 10540"),
        ("{n} Rama IV Road, Pathum Wan", "Bangkok 10330"),
        ("{n} Nimmanhaemin Road, Suthep", "Chiang Mai 50200"),
    ),
    "VN": (
        ("Số {n} Nguyễn Huệ, Phường Bến Nghé, Quận 1", "Thành phố Hồ Chí Minh"),
        ("Số {n} Trần Duy Hưng, Phường Trung Hòa, Quận Cầu Giấy", "Hà Nội"),
        ("Lô {n} KCN Tân Bình, Phường Tây Thạnh, Quận Tân Phú", "TP. Hồ Chí Minh"),
        ("Số {n} Lê Duẩn, Phường Thạch Thang, Quận Hải Châu", "Đà Nẵng"),
    ),
}


def _address(rng: random.Random, country: str) -> list[str]:
    street, town = rng.choice(ADDRESSES[country])
    return [street.format(n=rng.randint(2, 188)), town]


def _digits(rng: random.Random, count: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(count))


def _tax_id(rng: random.Random, country: str) -> tuple[str, str]:
    """The seller's tax registration: its label and number."""
    if country == "ID":
        if rng.random() < 0.6:
            d = _digits(rng, 15)
            return "NPWP", f"{d[:2]}.{d[2:5]}.{d[5:8]}.{d[8]}-{d[9:12]}.{d[12:]}"
        return "NPWP", "0" + _digits(rng, 15)
    if country == "MY":
        return "SST No", f"{rng.choice('WBJ')}10-{_digits(rng, 4)}-{_digits(rng, 8)}"
    if country == "PH":
        return "VAT Reg. TIN", f"{_digits(rng, 3)}-{_digits(rng, 3)}-{_digits(rng, 3)}-000"
    if country == "SG":
        return "GST Reg No", f"{rng.randint(199000, 202399)}{_digits(rng, 3)}{rng.choice('KMNRWZ')}"
    if country == "TH":
        return "Tax ID", f"0{rng.choice(('105', '107', '115'))}5{_digits(rng, 8)}"
    return "Mã số thuế", f"0{_digits(rng, 9)}"


ITEMS: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (
        ("Laptop 14in Core i5 8GB/512GB", "unit"),
        ("LED Monitor 24in", "unit"),
        ("A4 Copy Paper 80gsm", "ream"),
        ("Toner Cartridge TN-2480", "pc"),
        ("Network Cabling Cat6", "lot"),
        ("Aircon Preventive Maintenance", "unit"),
        ("Installation Service", "job"),
        ("Technical Consultancy", "hr"),
        ("Monthly Retainer Fee", "mo"),
        ("Software Licence (Annual)", "user"),
        ("Office Chair Mesh", "pc"),
        ("Wireless Router AX1800", "unit"),
        ("Stainless Steel Bolt M10", "box"),
        ("Safety Shoes", "pair"),
        ("Transport / Delivery Charge", "trip"),
        ("PVC Pipe 2in x 3m", "length"),
        ("Cement 40kg", "bag"),
        ("Printing of Brochures A5", "pcs"),
        ("Cleaning Service", "mo"),
        ("Security Guard Service", "mo"),
    ),
    "id": (
        ("Kertas HVS A4 70gr", "rim"),
        ("Jasa Instalasi Jaringan", "paket"),
        ("Sewa Genset 100 KVA", "hari"),
        ("Semen Portland 50kg", "sak"),
        ("Besi Beton 10mm", "batang"),
        ("Jasa Konsultasi Pajak", "bulan"),
        ("Laptop Core i5 RAM 8GB", "unit"),
        ("Tinta Printer Epson 003", "botol"),
        ("Jasa Kebersihan Gedung", "bulan"),
        ("Biaya Pengiriman", "rit"),
        ("Kabel NYM 3x2,5mm", "roll"),
        ("Pemeliharaan AC Split", "unit"),
        ("Cat Tembok 25kg", "pail"),
        ("Sewa Kendaraan Operasional", "bulan"),
        ("Air Mineral Galon", "galon"),
    ),
    "ms": (
        ("Kertas A4 80gsm", "rim"),
        ("Servis Penyelenggaraan Aircond", "unit"),
        ("Kabel Elektrik 2.5mm", "gulung"),
        ("Upah Pemasangan", "kerja"),
        ("Simen 50kg", "beg"),
        ("Caj Penghantaran", "trip"),
        ("Khidmat Nasihat", "jam"),
        ("Paip PVC 2 inci", "batang"),
        ("Cat Dinding 18L", "tin"),
        ("Sewa Lori 3 Tan", "hari"),
    ),
    "vi": (
        ("Giấy in A4 Double A 80gsm", "Ram"),
        ("Máy tính xách tay Dell Vostro", "Chiếc"),
        ("Dịch vụ bảo trì hệ thống", "Tháng"),
        ("Xi măng PCB40", "Tấn"),
        ("Thép cuộn D6", "Kg"),
        ("Cước vận chuyển", "Chuyến"),
        ("Mực in HP 85A", "Hộp"),
        ("Dịch vụ tư vấn", "Gói"),
        ("Bàn làm việc gỗ", "Cái"),
        ("Nước uống đóng chai 500ml", "Thùng"),
        ("Dây cáp điện Cadivi 2.5", "Cuộn"),
        ("Phí dịch vụ phần mềm", "Năm"),
        ("Sơn nước nội thất", "Thùng"),
        ("Ống nhựa PVC D90", "Cây"),
    ),
}

RETAIL_ITEMS = {
    "TH": (
        "Jasmine Rice 5kg",
        "Fish Sauce 700ml",
        "Instant Noodle 6pk",
        "Drinking Water 1.5L",
        "Thai Tea Mix",
        "Shampoo 450ml",
        "Fresh Milk 2L",
        "Dish Soap 500ml",
        "Iced Coffee",
        "Pad Krapow Set",
    ),
    "SG": (
        "Kopi O Kosong",
        "Chicken Rice Set",
        "Mineral Water 600ml",
        "USB-C Cable 1m",
        "Notebook A5",
        "Milo Dinosaur",
        "Laksa",
        "Phone Case",
        "Tissue 10pk",
        "Kaya Toast Set",
    ),
    "MY": (
        "Nasi Lemak Ayam",
        "Teh Tarik",
        "Kopi O Ais",
        "Roti Canai",
        "Mee Goreng Mamak",
        "Milo Ais",
        "Air Mineral",
        "Nasi Goreng Kampung",
        "Teh O Limau",
        "Kuey Teow Goreng",
    ),
    "PH": (
        "Chickenjoy 1pc w/ Rice",
        "Spaghetti Reg",
        "Iced Tea Large",
        "Bear Brand 300g",
        "Lucky Me Pancit Canton",
        "Coke 1.5L",
        "Safeguard Bar 135g",
        "Bigas Dinorado 2kg",
        "Century Tuna 180g",
        "Pandesal 10pcs",
    ),
    "ID": (
        "Indomie Goreng",
        "Aqua 600ml",
        "Teh Botol Sosro",
        "Roti Tawar",
        "Gula Pasir 1kg",
        "Minyak Goreng 2L",
        "Beras Premium 5kg",
        "Sabun Mandi",
        "Kopi Kapal Api",
        "Susu UHT 1L",
    ),
}


def _lines(
    rng: random.Random, lang: str, count: int, *, whole: bool, low: float, high: float
) -> list[Line]:
    pool = ITEMS[lang]
    picks = rng.sample(pool, min(count, len(pool)))
    lines = []
    for description, unit in picks:
        if whole:
            step = rng.choice((500, 1000, 1000, 5000))
            unit_price = Decimal(max(1, round(rng.uniform(low, high) / step)) * step)
            qty = Decimal(rng.choice((1, 1, 2, 3, 4, 5, 10, 12, 20, 25, 50)))
        else:
            unit_price = price(rng, low, high)
            qty = quantity(rng, fractional=0.08)
        lines.append(Line(description, qty, unit_price, unit))
    return lines


# ----------------------------------------------------------------------------- taxes


def _whole(value: Decimal, rounding: str = ROUND_HALF_UP) -> Decimal:
    return value.to_integral_value(rounding=rounding)


def _id_ppn(issue: dt.date) -> tuple[Decimal, bool]:
    """The PPN rate on the issue date, and whether a `DPP Nilai Lain` of 11/12 applies."""
    if issue >= dt.date(2025, 1, 1):
        return Decimal(12), True
    if issue >= dt.date(2022, 4, 1):
        return Decimal(11), False
    return Decimal(10), False


def _id_tax(base: Decimal, issue: dt.date, whole: bool) -> tuple[Decimal, Decimal | None, Decimal]:
    """Rate, the `DPP Nilai Lain` (or None) and the PPN on a tax base."""
    rate, other = _id_ppn(issue)
    if whole:
        dpp_other = _whole(base * 11 / 12, ROUND_DOWN) if other else None
        tax = _whole((dpp_other or base) * rate / 100, ROUND_DOWN)
    else:
        dpp_other = money(base * 11 / 12) if other else None
        tax = money((dpp_other or base) * rate / 100)
    return rate, dpp_other, tax


def _sg_gst(issue: dt.date) -> Decimal:
    return Decimal({2022: 7, 2023: 8}.get(issue.year, 9))


def _my_sst(rng: random.Random, issue: dt.date) -> tuple[str, Decimal]:
    if rng.random() < 0.3:
        return "Sales Tax", Decimal(rng.choice((10, 10, 5)))
    if issue >= dt.date(2024, 3, 1) and rng.random() < 0.85:
        return "Service Tax", Decimal(8)
    return "Service Tax", Decimal(6)


def _rate_text(rate: Decimal) -> str:
    return f"{rate.normalize():f}%"


CURRENCY = {"ID": "IDR", "MY": "MYR", "PH": "PHP", "SG": "SGD", "TH": "THB", "VN": "VND"}


# ----------------------------------------------------------------------------- accounting

LABELS: dict[str, dict[str, tuple[str, ...]]] = {
    "id": {
        "title": ("FAKTUR", "INVOICE", "FAKTUR PENJUALAN", "INVOICE / FAKTUR"),
        "number": ("No. Faktur", "Nomor", "No. Invoice"),
        "date": ("Tanggal", "Tgl. Faktur", "Tanggal Faktur"),
        "due": ("Jatuh Tempo", "Tgl. Jatuh Tempo"),
        "po": ("No. PO", "No. Pesanan"),
        "do": ("No. Surat Jalan",),
        "do_date": ("Tgl. Kirim",),
        "sales": ("Sales",),
        "bill": ("Kepada Yth.", "Tagihan Kepada", "Pelanggan"),
        "no": ("No",),
        "desc": ("Deskripsi", "Nama Barang / Jasa", "Keterangan"),
        "qty": ("Qty", "Kuantitas", "Jml"),
        "unit": ("Satuan",),
        "price": ("Harga Satuan", "Harga"),
        "amount": ("Jumlah", "Total"),
        "subtotal": ("Subtotal", "Total Harga Jual", "Jumlah"),
        "discount": ("Diskon", "Potongan"),
        "total": ("Total", "Jumlah Tagihan", "Grand Total", "Total Tagihan"),
        "paid": ("Uang Muka",),
        "balance": ("Sisa Tagihan",),
        "net_pay": ("Jumlah Dibayar", "Total Yang Harus Dibayar"),
        "bank": ("Pembayaran ditransfer ke:", "Mohon transfer ke rekening:"),
        "sign": ("Hormat kami,",),
    },
    "en": {
        "title": ("INVOICE", "TAX INVOICE", "INVOICE"),
        "number": ("Invoice No.", "Invoice #", "Invoice Number", "No."),
        "date": ("Date", "Invoice Date", "Date Issued"),
        "due": ("Due Date", "Payment Due"),
        "po": ("P.O. No.", "Your Ref.", "PO Number"),
        "do": ("D.O. No.", "Delivery No."),
        "do_date": ("Delivery Date",),
        "sales": ("Sales Rep", "Salesperson"),
        "bill": ("Bill To", "Billed To", "Customer", "Sold To"),
        "no": ("No.", "#"),
        "desc": ("Description", "Item Description", "Particulars"),
        "qty": ("Qty", "Quantity"),
        "unit": ("Unit", "UOM"),
        "price": ("Unit Price", "Rate", "Price"),
        "amount": ("Amount", "Total"),
        "subtotal": ("Subtotal", "Sub Total", "Total Before Tax"),
        "discount": ("Discount", "Less: Discount"),
        "total": ("Total", "Grand Total", "Total Amount", "TOTAL"),
        "paid": ("Less: Deposit Received", "Amount Paid"),
        "balance": ("Balance Due", "Amount Due"),
        "net_pay": ("Net Amount Payable", "Net Payment", "Amount Payable"),
        "bank": ("Payment by bank transfer to:", "Please remit payment to:"),
        "sign": ("Authorised Signature", "For and on behalf of"),
    },
    "ms": {
        "title": ("INVOIS / INVOICE", "INVOIS"),
        "number": ("No. Invois / Invoice No.", "No. Invois"),
        "date": ("Tarikh / Date", "Tarikh"),
        "due": ("Tarikh Akhir / Due Date", "Tarikh Akhir Bayaran"),
        "po": ("No. P.O.", "Rujukan / Ref."),
        "do": ("No. D.O.",),
        "do_date": ("Tarikh Hantar",),
        "sales": ("Jurujual",),
        "bill": ("Kepada / To", "Kepada"),
        "no": ("Bil.",),
        "desc": ("Butiran / Description", "Perkara"),
        "qty": ("Kuantiti", "Kuan."),
        "unit": ("Unit",),
        "price": ("Harga Seunit", "Harga (RM)"),
        "amount": ("Jumlah", "Amaun (RM)"),
        "subtotal": ("Jumlah Kecil / Sub Total", "Jumlah Kecil"),
        "discount": ("Diskaun", "Potongan"),
        "total": ("Jumlah Besar / Grand Total", "Jumlah Keseluruhan", "JUMLAH"),
        "paid": ("Deposit Diterima",),
        "balance": ("Baki / Balance",),
        "net_pay": ("Jumlah Perlu Dibayar",),
        "bank": ("Bayaran ke akaun bank:", "Sila bayar kepada:"),
        "sign": ("Tandatangan Sah", "Disediakan oleh"),
    },
}

BANKS = {
    "ID": ("Bank Central Asia (BCA)", "Bank Mandiri", "BNI", "BRI", "CIMB Niaga"),
    "MY": ("Maybank", "CIMB Bank", "Public Bank", "RHB Bank", "Hong Leong Bank"),
    "PH": ("BDO Unibank", "BPI", "Metrobank", "Security Bank", "UnionBank"),
    "SG": ("DBS Bank", "OCBC Bank", "UOB"),
    "TH": ("Bangkok Bank", "Kasikornbank", "Siam Commercial Bank", "Krungthai Bank"),
}


def _pick(rng: random.Random, lang: str, key: str) -> str:
    return rng.choice(LABELS[lang][key])


def _date_style(rng: random.Random, country: str, lang: str) -> DateStyle:
    if country == "PH":
        return DateStyle(
            rng.choice(
                (
                    "{mm}/{dd}/{yyyy}",
                    "{month} {d}, {yyyy}",
                    "{mon} {d}, {yyyy}",
                    "{dd}-{mon}-{yyyy}",
                )
            )
        )
    if country == "ID" and lang == "id":
        return rng.choice(
            (
                LocalDate("{d} {month} {yyyy}", "id"),
                LocalDate("{dd} {month} {yyyy}", "id"),
                DateStyle("{dd}/{mm}/{yyyy}"),
                DateStyle("{dd}-{mm}-{yyyy}"),
            )
        )
    if country == "MY" and lang == "ms" and rng.random() < 0.5:
        return LocalDate("{d} {month} {yyyy}", "ms")
    if country == "TH" and rng.random() < 0.3:
        return BuddhistDate("{dd}/{mm}/{yyyy}")
    return DateStyle(
        rng.choice(
            ("{dd}/{mm}/{yyyy}", "{d} {mon} {yyyy}", "{dd}-{mon}-{yyyy}", "{dd}.{mm}.{yyyy}")
        )
    )


def _money_style(rng: random.Random, country: str, lang: str, *, noto: bool) -> MoneyStyle:
    if country == "ID":
        if lang == "en":
            return MoneyStyle(",", ".", rng.choice(("IDR", "Rp")))
        if rng.random() < 0.5:
            return WholeMoney(".", ",", "Rp", symbol_space=rng.random() < 0.6)
        return MoneyStyle(".", ",", "Rp", symbol_space=rng.random() < 0.5)
    if country == "VN":
        return WholeMoney(".", ",")
    symbol = {
        "MY": rng.choice(("RM", "RM")),
        "PH": rng.choice(("₱", "₱", "PHP")) if noto else rng.choice(("PHP", "P")),
        "SG": rng.choice(("S$", "SGD", "$")),
        "TH": "THB",
    }[country]
    return MoneyStyle(",", ".", symbol, symbol_space=symbol not in ("S$", "$", "₱"))


def _marks(country: str, style: MoneyStyle) -> tuple[str, ...]:
    extra = {
        "ID": ("Rp", "IDR", "rupiah"),
        "MY": ("RM", "MYR", "Ringgit"),
        "PH": ("₱", "PHP", "Pesos", "P "),
        "SG": ("S$", "SGD", "$"),
        "TH": ("฿", "THB", "Baht"),
        "VN": ("VND", "đồng", "VNĐ"),
    }[country]
    return tuple(dict.fromkeys(((style.symbol,) if style.symbol else ()) + extra))


def _scale(country: str) -> tuple[float, float]:
    return {
        "ID": (15_000, 2_500_000),
        "MY": (5, 950),
        "PH": (80, 9500),
        "SG": (5, 850),
        "TH": (60, 9000),
        "VN": (15_000, 18_000_000),
    }[country]


def _round(value: Decimal, whole: bool) -> Decimal:
    return _whole(value) if whole else money(value)


def _accounting(rng: random.Random) -> Rendered:
    country = choose(rng, [(3, "ID"), (3, "MY"), (3, "PH"), (2, "SG"), (2, "TH")])
    lang = "en"
    if country == "ID" and rng.random() < 0.65:
        lang = "id"
    elif country == "MY" and rng.random() < 0.35:
        lang = "ms"
    noto = country == "PH" and rng.random() < 0.45
    family = "noto" if noto else rng.choice(("helv", "helv", "tiro"))
    canvas = Canvas(*A4, family=family)
    style = _money_style(rng, country, lang, noto=noto)
    dates_style = _date_style(rng, country, lang)
    dates = pick_dates(rng, dates_style, due_days=(14, 30, 30, 45, 60))
    issue = dates.issue
    whole = country == "ID"
    item_lang = {"id": "id", "ms": rng.choice(("ms", "en")), "en": "en"}[lang]
    low, high = _scale(country)
    lines = _lines(rng, item_lang, rng.randint(1, 8), whole=whole, low=low, high=high)
    quantities: QuantityStyle = rng.choice(
        (QuantityStyle("," if style.decimal == "," else "."), FixedQuantity(style.decimal, 2))
    )
    label = lambda key: _pick(rng, lang, key)  # noqa: E731

    discount_mode = choose(rng, [(6, "none"), (2, "row"), (2, "doc")])
    pct = Decimal(rng.choice((2, 5, 5, 10, 15)))
    gross = sum((line.amount for line in lines), ZERO)
    if discount_mode == "row":
        cut = _round(gross * pct / 100, whole)
        text = {"id": f"Diskon {pct}%", "ms": f"Diskaun {pct}%", "en": f"Discount {pct}%"}[lang]
        lines.append(Line(text, ONE, -cut, ""))
    subtotal = sum((line.amount for line in lines), ZERO)
    doc_discount = _round(subtotal * pct / 100, whole) if discount_mode == "doc" else ZERO
    base = subtotal - doc_discount

    # The tax rows each country prints under the subtotal.
    tax_rows: list[tuple[str, Decimal]] = []
    if country == "ID":
        rate, dpp_other, tax = _id_tax(base, issue, whole)
        tax_rows.append(("DPP", base))
        if dpp_other is not None:
            tax_rows.append((rng.choice(("DPP Nilai Lain", "DPP Nilai Lain (11/12)")), dpp_other))
        tax_rows.append((f"PPN {_rate_text(rate)}", tax))
    elif country == "MY":
        kind, rate = _my_sst(rng, issue)
        tax = money(base * rate / 100)
        name = rng.choice((f"{kind} {_rate_text(rate)}", f"SST {_rate_text(rate)}"))
        if lang == "ms":
            malay = "Cukai Perkhidmatan" if kind == "Service Tax" else "Cukai Jualan"
            name = f"{malay} {_rate_text(rate)}"
        tax_rows.append((name, tax))
    elif country == "PH":
        rate = Decimal(12)
        tax = money(base * rate / 100)
        tax_rows.append(("VAT-Exempt Sales", ZERO))
        tax_rows.append(("Zero-Rated Sales", ZERO))
        tax_rows.append((rng.choice(("VAT (12%)", "12% VAT", "Add: VAT 12%")), tax))
    elif country == "SG":
        rate = _sg_gst(issue)
        tax = money(base * rate / 100)
        tax_rows.append(
            (rng.choice((f"GST {_rate_text(rate)}", f"Add GST @ {_rate_text(rate)}")), tax)
        )
    else:
        rate = Decimal(7)
        tax = money(base * rate / 100)
        tax_rows.append((rng.choice(("VAT 7%", "VAT 7.00%", "Value Added Tax 7%")), tax))
    total = base + tax

    withholding = ZERO
    wht_label = ""
    if country in ("ID", "PH", "TH") and rng.random() < 0.35:
        wht_rate = {"ID": Decimal(2), "PH": Decimal(rng.choice((1, 2))), "TH": Decimal(3)}[country]
        withholding = _round(base * wht_rate / 100, whole)
        wht_label = {
            "ID": f"PPh 23 ({_rate_text(wht_rate)})",
            "PH": rng.choice(
                (
                    f"Less: EWT {_rate_text(wht_rate)}",
                    f"Less: Withholding Tax ({_rate_text(wht_rate)})",
                )
            ),
            "TH": f"Withholding Tax {_rate_text(wht_rate)}",
        }[country]
    deposit = ZERO
    if not withholding and rng.random() < 0.2:
        deposit = _round(total * Decimal(rng.choice(("0.3", "0.5"))), whole)

    # Document number, parties, facts.
    year = issue.year
    number = rng.choice(
        {
            "ID": (
                f"INV/{year}/{issue.month:02d}/{rng.randint(1, 999):04d}",
                f"{rng.randint(1, 999):03d}/INV/{_roman(issue.month)}/{year}",
                f"SI.{year % 100}{issue.month:02d}.{rng.randint(1, 9999):05d}",
            ),
            "MY": (
                f"INV-{rng.randint(1000, 99999)}",
                f"IV{year % 100}-{rng.randint(1, 9999):05d}",
                f"I{rng.randint(100000, 999999)}",
            ),
            "PH": (
                f"{rng.randint(1, 9999):06d}",
                f"SI-{rng.randint(1000, 99999)}",
                f"INV-{year}-{rng.randint(1, 9999):04d}",
            ),
            "SG": (
                f"INV-{rng.randint(1000, 99999)}",
                f"SI{year % 100}{rng.randint(1, 9999):05d}",
                f"{year}-{rng.randint(1, 999):04d}",
            ),
            "TH": (
                f"IV{year % 100}{issue.month:02d}-{rng.randint(1, 9999):05d}",
                f"INV{year + 543}{rng.randint(1, 9999):05d}",
                f"TI-{rng.randint(10000, 99999)}",
            ),
        }[country]
    )
    vendor = _company(rng, country)
    customer = _company(rng, country)
    while customer == vendor:
        customer = _company(rng, country)
    tax_label, tax_number = _tax_id(rng, country)
    vendor_rows = _address(rng, country)
    phone = {
        "ID": f"Telp. (021) {_digits(rng, 4)}-{_digits(rng, 4)}",
        "MY": f"Tel: 03-{_digits(rng, 4)} {_digits(rng, 4)}",
        "PH": f"Tel. No. (02) 8{_digits(rng, 3)}-{_digits(rng, 4)}",
        "SG": f"Tel: +65 6{_digits(rng, 3)} {_digits(rng, 4)}",
        "TH": f"Tel. 02-{_digits(rng, 3)}-{_digits(rng, 4)}",
    }[country]
    if country == "MY" and rng.random() < 0.7:
        vendor_rows.append(
            f"Co. Reg. No. {rng.randint(2005, 2022)}01{_digits(rng, 6)}"
            f" ({_digits(rng, 6)}-{rng.choice('ADHKPTUVWX')})"
        )
    if country == "SG":
        vendor_rows.append(f"UEN: {tax_number}")
        tax_label = rng.choice(("GST Reg No", "GST Reg. No."))
    vendor_rows.append(phone)
    tax_row = f"{tax_label}: {tax_number}" + ("   Head Office" if country == "TH" else "")
    vendor_rows.append(tax_row)
    customer_rows = [customer, *_address(rng, country)]
    if rng.random() < 0.5:
        customer_label, customer_tax = _tax_id(rng, country)
        customer_rows.append(f"{customer_label}: {customer_tax}")
    if rng.random() < 0.5:
        customer_rows.append(
            {"id": "Up.", "ms": "U/P", "en": "Attn:"}[lang] + " " + _person(rng, country)
        )

    due_printed = rng.random() < 0.75
    days = (dates.due - issue).days
    facts = [(label("number"), number), (label("date"), dates_style.format(issue))]
    if due_printed:
        facts.append((label("due"), dates_style.format(dates.due)))
    else:
        facts.append(
            (
                {"id": "Termin", "ms": "Terma", "en": "Terms"}[lang],
                f"{days} {'hari' if lang != 'en' else 'days'}",
            )
        )
    if rng.random() < 0.6:
        facts.append((label("po"), f"PO-{_digits(rng, rng.choice((5, 6, 8)))}"))
    if rng.random() < 0.4:
        facts.append((label("do"), f"DO{year % 100}{_digits(rng, 5)}"))
        facts.append((label("do_date"), dates_style.format(dates.other[0])))
    if rng.random() < 0.3:
        facts.append((label("sales"), _person(rng, country)))
    if country == "TH" and isinstance(dates_style, BuddhistDate) is False and rng.random() < 0.5:
        facts[1] = (
            facts[1][0],
            f"{facts[1][1]} ({BuddhistDate('{dd}/{mm}/{yyyy}').format(issue)})",
        )

    title = label("title")
    if country == "PH":
        title = rng.choice(("SERVICE INVOICE", "SALES INVOICE", "BILLING INVOICE"))
    elif country in ("SG", "TH"):
        title = rng.choice(
            ("TAX INVOICE", "TAX INVOICE", "INVOICE")
            if country == "SG"
            else ("TAX INVOICE", "TAX INVOICE / INVOICE", "INVOICE / TAX INVOICE")
        )

    accent = rng.choice(ACCENTS)
    size = rng.choice((8, 8.5, 9))
    left, right = 40.0, 555.0
    header = rng.choice(("left", "center", "band"))
    y = 60.0
    if header == "band":
        canvas.box(0, 0, A4[0], 34, stroke=None, fill=accent)
        canvas.text(right, 23, title, size=16, bold=True, color=(1, 1, 1), align="right")
        y = 64
    if header == "center":
        canvas.text(A4[0] / 2, y, vendor, size=15, bold=True, align="center", color=accent)
        for row in vendor_rows:
            y += size + 3
            canvas.text(A4[0] / 2, y, row, size=size - 0.5, align="center")
        y += 26
        canvas.text(A4[0] / 2, y, title, size=14, bold=True, align="center")
        y += 22
    else:
        canvas.text(left, y, vendor, size=14, bold=True, color=accent)
        for row in vendor_rows:
            y += size + 3
            canvas.text(left, y, row, size=size - 0.5)
        if header == "left":
            canvas.text(right, 62, title, size=18, bold=True, align="right", color=accent)
        y += 24

    # Customer block on the left, facts on the right (a column of labels or boxed cells).
    top = y
    canvas.text(left, top, label("bill"), size=size, bold=True)
    for offset, row in enumerate(customer_rows, 1):
        canvas.text(left, top + offset * (size + 3), row, size=size)
    customer_end = top + (len(customer_rows) + 1) * (size + 3)
    if rng.random() < 0.55:
        gap = max(canvas.width_of(fact[0], size=size) for fact in facts) + 8
        facts_end = _pairs(canvas, 330, top, facts, gap=gap, size=size, step=size + 4)
    else:
        cell_w = (right - 330) / 2
        row_y = top - size - 2
        for index, (name, value) in enumerate(facts):
            col, grid_row = index % 2, index // 2
            x0 = 330 + col * cell_w
            y0 = row_y + grid_row * 28
            canvas.box(x0, y0, x0 + cell_w, y0 + 28, width=0.5)
            canvas.text(x0 + 4, y0 + 10, name, size=size - 1.5, color=GREY)
            canvas.text(x0 + 4, y0 + 23, value, size=size - 0.5)
        facts_end = row_y + ((len(facts) + 1) // 2) * 28 + 10
    y = max(customer_end, facts_end) + 14

    # Table.
    columns = [
        Column(label("no"), left + 4),
        Column(label("desc"), left + 28),
        Column(label("qty"), 345, "right"),
        Column(label("unit"), 355),
        Column(label("price"), 470, "right"),
        Column(label("amount"), right - 4, "right"),
    ]
    rows = [
        [
            str(index),
            line.description,
            quantities.number(line.quantity),
            line.unit,
            style.number(line.unit_price),
            style.number(line.amount),
        ]
        for index, line in enumerate(lines, 1)
    ]
    filler = rng.randint(0, 4)
    rows += [[""] * 6 for _ in range(filler)]
    y = draw_table(
        canvas,
        y,
        columns,
        rows,
        left=left,
        right=right,
        size=size - 0.5,
        row_height=rng.choice((14, 16, 18)),
        rules=rng.choice(("header", "grid", "zebra")),
        header_fill=rng.choice((None, PALE, (0.85, 0.9, 0.95))),
    )

    # Totals.
    sub_label = label("subtotal")
    if country == "PH":
        sub_label = rng.choice(("VATable Sales", "Total Sales (VAT Exclusive)", "Subtotal"))
    total_label = label("total")
    if country == "PH":
        total_label = rng.choice(
            ("Total Amount Due", "TOTAL SALES (VAT Inclusive)", "Total Amount")
        )
    totals: list[tuple[str, str]] = [(sub_label, style.number(subtotal))]
    if doc_discount:
        totals.append((f"{label('discount')} {_rate_text(pct)}", style.number(-doc_discount)))
        if country != "ID":
            totals.append(
                (
                    {
                        "id": "Setelah Diskon",
                        "ms": "Selepas Diskaun",
                        "en": "Amount after Discount",
                    }[lang],
                    style.number(base),
                )
            )
    for name, tax_value in tax_rows:
        if name == "DPP" and not doc_discount and rng.random() < 0.4:
            continue
        totals.append((name, style.number(tax_value)))
    totals.append((total_label, style.amount(total)))
    net_label = label("net_pay")
    if withholding:
        totals.append((wht_label, style.number(-withholding)))
        totals.append((net_label, style.amount(total - withholding)))
    if deposit:
        totals.append((label("paid"), style.number(-deposit)))
        totals.append((label("balance"), style.amount(total - deposit)))
    bold = {total_label, net_label} if withholding else {total_label}
    label_x = 330
    y_totals = y + 10
    end = _right_rows(
        canvas, label_x, right - 4, y_totals + 4, totals, size=size, step=size + 6, bold=tuple(bold)
    )
    total_row = next(i for i, (name, _) in enumerate(totals) if name == total_label)
    line_y = y_totals + 4 + total_row * (size + 6) - size - 2
    canvas.line(label_x, line_y, right, line_y, width=0.8)

    # Left of the totals: amount in words, bank, notes.
    note_y = y_totals + 4
    if rng.random() < {"ID": 0.7, "MY": 0.5, "PH": 0.4, "SG": 0.2, "TH": 0.6}[country]:
        words = _words_line(country, lang, total)
        if lang == "en" and country != "TH":
            words = f"{rng.choice(('Amount in words', 'Amount in Words', 'Say'))}: {words}"
        for row in _wrap(canvas, words, 270, size - 0.5):
            canvas.text(left, note_y, row, size=size - 0.5)
            note_y += size + 3
        note_y += 8
    bank = rng.choice(BANKS[country])
    bank_rows = [
        label("bank"),
        bank,
        f"{'No. Rek.' if lang == 'id' else 'A/C No.'} "
        f"{_digits(rng, 3)}-{_digits(rng, 3)}-{_digits(rng, 4)}",
        f"{'a.n.' if lang == 'id' else 'A/C Name:'} {vendor}",
    ]
    for index, row in enumerate(bank_rows):
        canvas.text(left, note_y, row, size=size - 0.5, bold=index == 0)
        note_y += size + 3
    y = max(end, note_y) + 30
    if y < 760:
        canvas.text(right - 80, y, label("sign"), size=size, align="center")
        canvas.line(right - 150, y + 50, right - 10, y + 50, width=0.5)
        canvas.text(right - 80, y + 62, _person(rng, country), size=size, align="center")
    if rng.random() < 0.5:
        foot = {
            "id": "Barang yang sudah dibeli tidak dapat dikembalikan. "
            "Pembayaran dianggap sah setelah dana diterima.",
            "ms": "Barang yang telah dijual tidak boleh dipulangkan. "
            "This is a computer-generated invoice.",
            "en": "This is a computer-generated invoice. No signature is required.",
        }[lang]
        canvas.text(A4[0] / 2, 815, foot, size=6.5, align="center", color=GREY)

    fields = truth_fields(
        number=number,
        issue=issue,
        due=dates.due if due_printed else None,
        vendor=vendor,
        total=total,
        subtotal=subtotal,
        tax=None if doc_discount else tax,
        currency=CURRENCY[country],
        lines=lines,
    )
    image: Scan = choose(rng, [(17, None), (2, "jpg"), (1, "png")])
    return Rendered(
        fields,
        lang,
        "invoice",
        canvas.pdf(title=number),
        style,
        dates_style,
        quantities,
        _marks(country, style),
        image=image,
    )


def _roman(month: int) -> str:
    return ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"][month - 1]


# ----------------------------------------------------------------------------- booklet

PRINTERS = (
    "Golden Press Printing Services",
    "JMC Printing Press",
    "St. Jude Printing & Publishing",
    "New Dawn Printers",
    "Rex Printing Company, Inc.",
)
MY_PRINTERS = ("Percetakan Seri Maju", "Syarikat Cetak Jaya", "Mega Print Enterprise")
VN_BANKS = ("Vietcombank", "BIDV", "Techcombank", "ACB", "VietinBank")
BUSINESS_STYLES = ("Trading", "Construction", "Retail", "General Merchandise", "Services")


def _booklet(rng: random.Random) -> Rendered:
    country = choose(rng, [(3, "PH"), (1, "MY")])
    ph = country == "PH"
    canvas = Canvas(*A4, family=rng.choice(("helv", "tiro")))
    pen = rng.choice(("cour", "cobo", "cour"))
    style = MoneyStyle(",", ".", "")
    if ph:
        dates_style = DateStyle(
            rng.choice(
                ("{mm}/{dd}/{yyyy}", "{month} {d}, {yyyy}", "{mon} {d}, {yyyy}", "{mm}-{dd}-{yyyy}")
            )
        )
    else:
        dates_style = DateStyle(
            rng.choice(("{dd}/{mm}/{yyyy}", "{dd}-{mm}-{yyyy}", "{d}/{m}/{yyyy}"))
        )
    dates = pick_dates(rng, dates_style)
    issue = dates.issue
    low, high = _scale(country)
    lang = "en" if ph or rng.random() < 0.4 else "ms"
    lines = _lines(rng, lang, rng.randint(1, 6), whole=False, low=low, high=high / 2)
    quantities = QuantityStyle(".")
    total = sum((line.amount for line in lines), ZERO)
    sst = not ph and rng.random() < 0.35
    inclusive = ph or not sst
    subtotal: Decimal | None
    tax: Decimal | None
    if ph:
        tax = money(total * 12 / 112)
        subtotal = total - tax
    elif sst:
        subtotal = total
        tax = (
            money(subtotal * 6 / 100) if issue < dt.date(2024, 3, 1) else money(subtotal * 8 / 100)
        )
        total = subtotal + tax
    else:
        subtotal = tax = None

    vendor = _company(rng, country)
    serial = f"{rng.randint(1, 9999):0{rng.choice((4, 5, 6))}d}"
    accent = rng.choice(ACCENTS)
    left, right = 45.0, 550.0
    y = 58.0
    if rng.random() < 0.6:
        vendor = vendor.upper()
    canvas.text(A4[0] / 2, y, vendor, size=15, bold=True, align="center", color=accent)
    head: list[str] = []
    if ph and rng.random() < 0.5:
        head.append(f"{_person(rng, 'PH').upper()} - Prop.")
    head += [", ".join(_address(rng, country))]
    if ph:
        head.append(
            f"{rng.choice(('VAT Reg. TIN', 'VAT REG. TIN'))} "
            f"{_tax_id(rng, 'PH')[1]}0{rng.randint(0, 9)}"
        )
        head.append(f"Tel. No. {_digits(rng, 3)}-{_digits(rng, 4)}")
    else:
        head.append(
            f"(Co. No. {_digits(rng, 6)}-{rng.choice('ADHKPTUVWX')})"
            f"  Tel: 0{rng.randint(3, 9)}-{_digits(rng, 7)}"
        )
        if sst:
            head.append(f"SST No: {_tax_id(rng, 'MY')[1]}")
    for row in head:
        y += 12
        canvas.text(A4[0] / 2, y, row, size=8.5, align="center")
    y += 28
    if ph:
        title = rng.choice(
            ("SALES INVOICE", "SERVICE INVOICE", "CHARGE SALES INVOICE", "CASH SALES INVOICE")
        )
    else:
        title = rng.choice(("INVOIS / INVOICE", "INVOICE", "INVOIS"))
    canvas.text(left, y, title, size=16, bold=True)
    canvas.text(right - 80, y, "No.", size=11, bold=True)
    canvas.text(right, y, serial, size=16, bold=True, color=RED, align="right", fontname="cobo")
    y += 24

    # The printed labels with their ruled blanks, filled in with the pen font.
    customer = _company(rng, country) if rng.random() < 0.8 else _person(rng, country)
    date_text = dates_style.format(issue)
    if ph:
        blanks = [
            ("Sold to:", customer, "Date:", date_text),
            (
                "TIN:",
                _tax_id(rng, "PH")[1] if rng.random() < 0.6 else "",
                "Terms:",
                rng.choice(("30 days", "COD", "15 days", "Cash", "")),
            ),
            (
                "Address:",
                ", ".join(_address(rng, "PH")),
                "P.O. No.:",
                f"{_digits(rng, 5)}" if rng.random() < 0.5 else "",
            ),
            (
                "Business Style:",
                rng.choice(BUSINESS_STYLES) if rng.random() < 0.5 else "",
                "OSCA/PWD ID No.:",
                "",
            ),
        ]
    else:
        blanks = [
            ("Kepada / To:", customer, "Tarikh / Date:", date_text),
            (
                "Alamat:",
                ", ".join(_address(rng, "MY")),
                "Terma / Terms:",
                rng.choice(("30 hari", "C.O.D.", "Tunai", "")),
            ),
            ("", "", "No. P.O.:", f"{_digits(rng, 5)}" if rng.random() < 0.4 else ""),
        ]
    for a, av, b, bv in blanks:
        if a:
            canvas.text(left, y, a, size=8.5)
            start = left + canvas.width_of(a, size=8.5) + 4
            canvas.line(start, y + 2, 360, y + 2, width=0.4)
            if av:
                canvas.text(start + 4, y - 1, av, size=9, fontname=pen, color=BLUE)
        canvas.text(372, y, b, size=8.5)
        start = 372 + canvas.width_of(b, size=8.5) + 4
        canvas.line(start, y + 2, right, y + 2, width=0.4)
        if bv:
            canvas.text(start + 4, y - 1, bv, size=9, fontname=pen, color=BLUE)
        y += 18
    y += 6

    # The ruled table: the printed grid with empty rows, the typed entries in it.
    heads = (
        ("QTY", "UNIT", "ARTICLES / NATURE OF SERVICE", "UNIT PRICE", "AMOUNT")
        if ph
        else ("KUANTITI", "UNIT", "BUTIR-BUTIR / PARTICULARS", "HARGA / PRICE", "JUMLAH / AMOUNT")
    )
    edges = (left, left + 50, left + 95, 385, 465, right)
    row_h = 17.0
    n_rows = max(len(lines) + 2, rng.randint(9, 13))
    canvas.box(left, y, right, y + 16 + n_rows * row_h, width=0.8)
    canvas.box(left, y, right, y + 16, stroke=None, fill=PALE)
    for x in edges[1:-1]:
        canvas.line(x, y, x, y + 16 + n_rows * row_h, width=0.5)
    for index, head_text in enumerate(heads):
        canvas.text(
            (edges[index] + edges[index + 1]) / 2,
            y + 11,
            head_text,
            size=6.8,
            bold=True,
            align="center",
        )
    y += 16
    for index in range(n_rows):
        canvas.line(left, y + (index + 1) * row_h, right, y + (index + 1) * row_h, width=0.25)
    for index, line in enumerate(lines):
        ry = y + index * row_h + 12
        canvas.text(
            edges[1] - 6,
            ry,
            quantities.number(line.quantity),
            size=9,
            fontname=pen,
            color=BLUE,
            align="right",
        )
        canvas.text(edges[1] + 4, ry, line.unit, size=8, fontname=pen, color=BLUE)
        canvas.text(edges[2] + 4, ry, line.description, size=9, fontname=pen, color=BLUE)
        canvas.text(
            edges[4] - 5,
            ry,
            style.number(line.unit_price),
            size=9,
            fontname=pen,
            color=BLUE,
            align="right",
        )
        canvas.text(
            edges[5] - 5,
            ry,
            style.number(line.amount),
            size=9,
            fontname=pen,
            color=BLUE,
            align="right",
        )
    if rng.random() < 0.5:
        canvas.text(
            edges[2] + 60,
            y + len(lines) * row_h + 12,
            "x x x nothing follows x x x",
            size=8,
            fontname=pen,
            color=BLUE,
        )
    y += n_rows * row_h + 16

    def fill(x: float, yy: float, value: Decimal | None, *, blank: bool = False) -> None:
        canvas.line(x - 75, yy + 2, x, yy + 2, width=0.4)
        if value is not None and not blank:
            canvas.text(
                x - 3, yy - 1, style.number(value), size=9, fontname=pen, color=BLUE, align="right"
            )

    withholding = ZERO
    if ph:
        assert subtotal is not None
        assert tax is not None
        if rng.random() < 0.3:
            withholding = money(subtotal * Decimal(rng.choice((1, 2))) / 100)
        lefts = [
            ("VATable Sales", subtotal),
            ("VAT-Exempt Sales", None),
            ("Zero-Rated Sales", None),
            ("VAT Amount", tax),
        ]
        for offset, (name, value) in enumerate(lefts):
            canvas.text(left, y + offset * 15, name, size=8)
            fill(250, y + offset * 15, value)
        rights: list[tuple[str, Decimal | None]] = [
            ("Total Sales (VAT Inclusive)", total),
            ("Less: VAT", tax),
            ("Amount: Net of VAT", subtotal),
            ("Less: SC/PWD Discount", None),
            ("Amount Due", subtotal),
            ("Add: VAT", tax),
            ("Less: Withholding Tax", withholding or None),
            ("TOTAL AMOUNT DUE", total - withholding),
        ]
        for offset, (name, value) in enumerate(rights):
            canvas.text(300, y + offset * 15, name, size=8, bold=name.startswith("TOTAL"))
            fill(right, y + offset * 15, value)
        y += len(rights) * 15 + 10
        canvas.text(left, y, "Pesos:", size=8.5)
        canvas.line(left + 32, y + 2, right, y + 2, width=0.4)
        words = _words_line("PH", "en", total - withholding if rng.random() < 0.5 else total)
        words = words.replace(" Pesos", "")
        canvas.text(
            left + 36, y - 1, words, size=8 if len(words) < 90 else 6.8, fontname=pen, color=BLUE
        )
        y += 24
        canvas.text(
            left,
            y,
            "SC/PWD/NAAC/MOV/Solo Parent ID No.: ____________   Signature: ____________",
            size=7,
        )
    else:
        rows: list[tuple[str, Decimal | None]] = []
        if sst:
            assert subtotal is not None
            assert tax is not None
            rows = [
                ("Jumlah Kecil / Sub Total", subtotal),
                ("SST " + ("6%" if tax == money(subtotal * 6 / 100) else "8%"), tax),
            ]
        rows.append(("Jumlah / Total RM", total))
        for offset, (name, value) in enumerate(rows):
            canvas.text(330, y + offset * 16, name, size=8.5, bold=name.startswith("Jumlah /"))
            fill(right, y + offset * 16, value)
        canvas.text(left, y, "Ringgit Malaysia:", size=8.5)
        words = _words_line("MY", "en", total).replace("Ringgit Malaysia ", "")
        for offset, row in enumerate(_wrap(canvas, words, 220, 8)):
            canvas.text(left, y + 13 + offset * 11, row, size=8, fontname=pen, color=BLUE)
        y += len(rows) * 16 + 30
        canvas.text(left, y, "Barang-barang yang telah dijual tidak boleh dikembalikan.", size=7)
    y += 40
    canvas.line(right - 170, y, right, y, width=0.5)
    canvas.text(
        right - 85,
        y + 10,
        "Authorized Signature" if ph else "Tandatangan / Signature",
        size=7.5,
        align="center",
    )
    canvas.line(left, y, left + 170, y, width=0.5)
    canvas.text(
        left + 85,
        y + 10,
        "Received the above goods in good order & condition"
        if ph
        else "Diterima oleh / Received by",
        size=6.5,
        align="center",
    )

    # The printer's footer: serial range, ATP and accreditation (decoy numbers and dates).
    atp_date = issue - dt.timedelta(days=rng.randint(120, 900))
    accredited = atp_date - dt.timedelta(days=rng.randint(200, 700))
    valid = atp_date + dt.timedelta(days=5 * 365 + 1)
    printed = DateStyle("{mm}/{dd}/{yyyy}" if ph else "{dd}/{mm}/{yyyy}")
    first = (int(serial) // 2500) * 2500 + 1
    foot = [
        f"{rng.choice((25, 50, 100))} Bklts. (50x{rng.choice((2, 3))})"
        f" {first:04d}-{first + 2499:04d}"
    ]
    if ph:
        foot += [
            f"BIR Authority to Print No. {rng.choice(('OCN', '0AU', '1AU'))}{_digits(rng, 10)}"
            f"  Date of ATP: {printed.format(atp_date)}",
            f"{rng.choice(PRINTERS)}  TIN {_tax_id(rng, 'PH')[1]}"
            f"  Accreditation No. {_digits(rng, 3)}MP{_digits(rng, 8)}",
            f"Date Issued: {printed.format(accredited)}  Valid until {printed.format(valid)}",
            "THIS INVOICE SHALL BE VALID FOR FIVE (5) YEARS FROM THE DATE OF ATP.",
        ]
    else:
        foot.append(f"Dicetak oleh: {rng.choice(MY_PRINTERS)}  Tel: 03-{_digits(rng, 8)}")
    for offset, row in enumerate(foot):
        canvas.text(left, 780 + offset * 9, row, size=6.3, color=GREY)

    fields = truth_fields(
        number=serial,
        issue=issue,
        vendor=vendor,
        total=total,
        subtotal=subtotal,
        tax=tax,
        currency=CURRENCY[country],
        lines=lines,
    )
    image: Scan = choose(rng, [(2, None), (4, "jpg"), (1, "png")])
    marks = ("Pesos", "PHP") if ph else ("RM", "Ringgit")
    return Rendered(
        fields,
        "en" if ph else "ms",
        "invoice",
        canvas.pdf(title=serial),
        style,
        dates_style,
        quantities,
        marks,
        prices_include_tax=inclusive,
        image=image,
    )


# ----------------------------------------------------------------------------- e-invoices

VN_PEOPLE = (
    "Nguyễn Văn An",
    "Trần Thị Bích Ngọc",
    "Lê Hoàng Nam",
    "Phạm Minh Tuấn",
    "Vũ Thị Thu Hà",
    "Đặng Quốc Bảo",
    "Hoàng Thị Mai",
)
VN_PROVIDERS = (
    ("VNPT Invoice", "https://tracuuhoadon.vnpt-invoice.com.vn"),
    ("MISA meInvoice", "https://www.meinvoice.vn/tra-cuu"),
    ("Viettel S-Invoice", "https://vinvoice.viettel.vn/tra-cuu"),
    ("BKAV eHoadon", "https://tracuu.ehoadon.vn"),
)


def _vn_einvoice(rng: random.Random) -> Rendered:
    canvas = Canvas(*A4, family="noto")
    style = WholeMoney(".", ",")
    bilingual = rng.random() < 0.6
    pattern = "Ngày {dd} tháng {mm} năm {yyyy}"
    if bilingual and rng.random() < 0.5:
        pattern = "Ngày (Date) {dd} tháng (month) {mm} năm (year) {yyyy}"
    dates_style = DateStyle(pattern)
    dates = pick_dates(rng, DateStyle("{yyyy}-{mm}-{dd}"))
    issue = dates.issue
    low, high = _scale("VN")
    lines = _lines(rng, "vi", rng.randint(1, 7), whole=True, low=low, high=high)
    quantities: QuantityStyle = rng.choice((QuantityStyle(","), FixedQuantity(",", 2)))
    reduced = Decimal(8) if issue.year in (2022, 2023, 2024, 2025) else Decimal(10)
    mixed = len(lines) > 1 and rng.random() < 0.3
    if mixed:
        rates = [rng.choice((Decimal(10), reduced, Decimal(5))) for _ in lines]
    else:
        rates = [rng.choice((Decimal(10), reduced, reduced, Decimal(5)))] * len(lines)
    groups: dict[Decimal, Decimal] = {}
    for line, rate in zip(lines, rates, strict=True):
        groups[rate] = groups.get(rate, ZERO) + line.amount
    taxes = {rate: _whole(base * rate / 100) for rate, base in groups.items()}
    subtotal = sum(groups.values(), ZERO)
    tax = sum(taxes.values(), ZERO)
    total = subtotal + tax

    def gloss(vi: str, en: str) -> str:
        return f"{vi} ({en})" if bilingual else vi

    vendor = _company(rng, "VN")
    buyer_company = _company(rng, "VN")
    serial = f"1C{issue.year % 100}T{rng.choice('ABCDEGHKLMNPQ')}{rng.choice('AYBK')}"
    number = rng.choice((f"{rng.randint(1, 99999999):08d}", str(rng.randint(1, 9999))))
    left, right = 40.0, 555.0
    size = 8.5
    y = 48.0
    provider, lookup = rng.choice(VN_PROVIDERS)
    # Seller block on top, then the title in the middle (the common e-invoice template).
    canvas.text(left, y, gloss("Đơn vị bán hàng", "Seller") + ":", size=size)
    canvas.text(left + 150, y, vendor, size=size + 1, bold=True)
    seller_rows = [
        (gloss("Mã số thuế", "Tax code"), _tax_id(rng, "VN")[1]),
        (gloss("Địa chỉ", "Address"), ", ".join(_address(rng, "VN"))),
        (gloss("Điện thoại", "Tel"), f"028 {_digits(rng, 4)} {_digits(rng, 4)}"),
        (
            gloss("Số tài khoản", "Account No."),
            f"{_digits(rng, 13)} - {rng.choice(VN_BANKS)}",
        ),
    ]
    for name, value in seller_rows:
        y += size + 5
        canvas.text(left, y, f"{name}:", size=size)
        canvas.text(left + 150, y, value, size=size)
    y += 12
    canvas.line(left, y, right, y, width=0.8, color=RED)
    y += 26
    mid = 250.0
    canvas.text(mid, y, "HÓA ĐƠN GIÁ TRỊ GIA TĂNG", size=15, bold=True, align="center", color=RED)
    if bilingual:
        y += 14
        canvas.text(mid, y, "(VAT INVOICE)", size=10, align="center", color=RED)
    y += 16
    canvas.text(mid, y, dates_style.format(issue), size=size + 0.5, align="center")
    side = [
        (gloss("Mẫu số", "Form"), "1"),
        (gloss("Ký hiệu", "Serial"), serial),
        (gloss("Số", "No."), number),
    ]
    for offset, (name, value) in enumerate(side):
        row_y = y - 34 + offset * 13
        canvas.text(420, row_y, f"{name}:", size=size)
        canvas.text(
            right,
            row_y,
            value,
            size=size + (1 if offset == 2 else 0),
            bold=offset == 2,
            align="right",
            color=RED if offset == 2 else (0, 0, 0),
        )
    if serial[1] == "C":
        y += 13
        code = "".join(rng.choice("0123456789ABCDEF") for _ in range(32))
        canvas.text(
            mid,
            y,
            f"{gloss('Mã của CQT', 'Tax authority code')}: 00{code}",
            size=size - 1,
            align="center",
        )
    y += 22
    buyer_rows = [
        (
            gloss("Họ tên người mua hàng", "Buyer"),
            rng.choice(VN_PEOPLE) if rng.random() < 0.6 else "",
        ),
        (gloss("Tên đơn vị", "Company"), buyer_company),
        (gloss("Mã số thuế", "Tax code"), _tax_id(rng, "VN")[1]),
        (gloss("Địa chỉ", "Address"), ", ".join(_address(rng, "VN"))),
        (
            gloss("Hình thức thanh toán", "Payment method"),
            rng.choice(("TM/CK", "CK", "Chuyển khoản", "TM")),
        ),
    ]
    if rng.random() < 0.4:
        buyer_rows.append((gloss("Đồng tiền thanh toán", "Currency"), "VND"))
    for name, value in buyer_rows:
        canvas.text(left, y, f"{name}: {value}", size=size)
        y += size + 5
    y += 6

    # The table, with the column numbers under the headings.
    heads = [
        "STT",
        gloss("Tên hàng hóa, dịch vụ", "Description"),
        gloss("Đơn vị tính", "Unit"),
        gloss("Số lượng", "Qty"),
        gloss("Đơn giá", "Unit price"),
        gloss("Thành tiền", "Amount"),
    ]
    edges = [left, left + 28, 270, 320, 375, 460, right]
    numbers = ["1", "2", "3", "4", "5", "6 = 4 x 5"]
    if mixed:
        heads.insert(5, gloss("Thuế suất", "VAT rate"))
        numbers = ["1", "2", "3", "4", "5", "6", "7 = 4 x 5"]
        edges = [left, left + 28, 250, 295, 345, 425, 470, right]
    head_h = 30 if bilingual else 20
    canvas.box(left, y, right, y + head_h + 12, stroke=None, fill=(0.95, 0.93, 0.9))
    for index, head_text in enumerate(heads):
        mid = (edges[index] + edges[index + 1]) / 2
        parts = head_text.split(" (")
        canvas.text(mid, y + 12, parts[0], size=7, bold=True, align="center")
        if len(parts) > 1:
            canvas.text(mid, y + 22, "(" + parts[1], size=6.5, align="center")
        canvas.text(mid, y + head_h + 9, numbers[index], size=6.5, align="center")
    top = y
    y += head_h + 12
    row_h = 16.0
    for index, (line, rate) in enumerate(zip(lines, rates, strict=True), 1):
        cells = [
            str(index),
            line.description,
            line.unit,
            quantities.number(line.quantity),
            style.number(line.unit_price),
        ]
        if mixed:
            cells.append(_rate_text(rate))
        cells.append(style.number(line.amount))
        ry = y + 11
        for col, cell in enumerate(cells):
            if col in (0, 2) or (mixed and col == 5):
                canvas.text(
                    (edges[col] + edges[col + 1]) / 2, ry, cell, size=size - 0.5, align="center"
                )
            elif col == 1:
                canvas.text(edges[1] + 3, ry, cell, size=size - 0.5)
            else:
                canvas.text(edges[col + 1] - 3, ry, cell, size=size - 0.5, align="right")
        y += row_h
        canvas.line(left, y, right, y, width=0.2, color=GREY)
    y += row_h * rng.randint(0, 3)
    for x in edges:
        canvas.line(x, top, x, y, width=0.5)
    canvas.line(left, top, right, top, width=0.5)
    canvas.line(left, y, right, y, width=0.5)
    y += 14

    def row(label_text: str, value: str, *, x: float = left, strong: bool = False) -> None:
        canvas.text(x, y, label_text, size=size, bold=strong)
        canvas.text(right - 3, y, value, size=size, bold=strong, align="right")

    if mixed:
        canvas.text(
            left, y, gloss("Tổng hợp theo thuế suất", "Summary by VAT rate"), size=size, bold=True
        )
        y += 13
        cols = (300, 400, right - 3)
        for text_value, x in zip(
            (
                gloss("Thành tiền trước thuế", "Pre-tax"),
                gloss("Tiền thuế GTGT", "VAT"),
                gloss("Cộng", "Total"),
            ),
            cols,
            strict=True,
        ):
            canvas.text(x, y, text_value, size=size - 1, align="right", bold=True)
        for rate in sorted(groups, reverse=True):
            y += 12
            canvas.text(left + 10, y, f"Thuế suất {_rate_text(rate)}", size=size - 0.5)
            for amount, x in zip(
                (groups[rate], taxes[rate], groups[rate] + taxes[rate]), cols, strict=True
            ):
                canvas.text(x, y, style.number(amount), size=size - 0.5, align="right")
        y += 18
        row(gloss("Tổng tiền chưa thuế", "Total before VAT") + ":", style.number(subtotal))
        y += 14
        row(gloss("Tổng tiền thuế GTGT", "Total VAT amount") + ":", style.number(tax))
    else:
        row(gloss("Cộng tiền hàng", "Total amount") + ":", style.number(subtotal))
        y += 14
        rate_text = _rate_text(rates[0])
        canvas.text(left, y, f"{gloss('Thuế suất GTGT', 'VAT rate')}: {rate_text}", size=size)
        canvas.text(300, y, gloss("Tiền thuế GTGT", "VAT amount") + ":", size=size)
        canvas.text(right - 3, y, style.number(tax), size=size, align="right")
    y += 14
    row(gloss("Tổng cộng tiền thanh toán", "Total payment") + ":", style.number(total), strong=True)
    y += 16
    words = _words_line("VN", "vi", total)
    if total % 1000 == 0 and rng.random() < 0.6:
        words = words.replace(" đồng.", " đồng chẵn./.")
    prefix = gloss("Số tiền viết bằng chữ", "Amount in words") + ": "
    for offset, text_row in enumerate(_wrap(canvas, prefix + words, right - left, size)):
        canvas.text(left, y + offset * 12, text_row, size=size)
    y += 50

    # Signatures: the seller's digital-signature stamp carries a date too.
    canvas.text(150, y, gloss("Người mua hàng", "Buyer"), size=size, bold=True, align="center")
    canvas.text(430, y, gloss("Người bán hàng", "Seller"), size=size, bold=True, align="center")
    canvas.text(150, y + 12, "(Ký, ghi rõ họ tên)", size=size - 1.5, align="center", color=GREY)
    canvas.text(430, y + 12, "(Ký, ghi rõ họ tên)", size=size - 1.5, align="center", color=GREY)
    signed = issue + dt.timedelta(days=rng.choice((0, 0, 0, 1, 2)))
    box_top = y + 24
    canvas.box(330, box_top, 540, box_top + 46, stroke=(0.1, 0.5, 0.2), width=0.8)
    canvas.text(336, box_top + 12, "Signature Valid", size=8, bold=True, color=(0.1, 0.5, 0.2))
    signer_rows = _wrap(canvas, f"Ký bởi: {vendor}", 196, 7)
    for offset, text_row in enumerate(signer_rows[:2]):
        canvas.text(336, box_top + 23 + offset * 9, text_row, size=7, color=(0.1, 0.5, 0.2))
    canvas.text(336, box_top + 42, f"Ký ngày: {signed:%d/%m/%Y}", size=7, color=(0.1, 0.5, 0.2))
    lookup_code = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(10))
    foot = [
        f"Tra cứu hóa đơn tại: {lookup}   Mã tra cứu: {lookup_code}",
        "(Cần kiểm tra, đối chiếu khi lập, giao, nhận hóa đơn)",
        f"Phát hành bởi phần mềm {provider} - Công ty cung cấp giải pháp hóa đơn điện tử"
        f" - MST: 0{_digits(rng, 9)}",
    ]
    for offset, text_row in enumerate(foot):
        canvas.text(A4[0] / 2, 790 + offset * 10, text_row, size=6.8, align="center", color=GREY)

    fields = truth_fields(
        number=number,
        issue=issue,
        vendor=vendor,
        total=total,
        subtotal=subtotal,
        tax=tax,
        currency="VND",
        lines=lines,
    )
    image: Scan = choose(rng, [(8, None), (2, "jpg")])
    return Rendered(
        fields,
        "vi",
        "invoice",
        canvas.pdf(title=number),
        style,
        dates_style,
        quantities,
        ("VND", "đồng"),
        image=image,
    )


def _efaktur(rng: random.Random) -> Rendered:
    canvas = Canvas(*A4, family=rng.choice(("helv", "helv", "tiro")))
    style = MoneyStyle(".", ",", "")
    dates_style = LocalDate("{d} {month} {yyyy}", "id")
    dates = pick_dates(rng, dates_style)
    issue = dates.issue
    coretax = issue >= dt.date(2025, 1, 1)
    low, high = _scale("ID")
    lines = _lines(rng, "id", rng.randint(1, 5), whole=True, low=low, high=high)
    quantities = FixedQuantity(",", 2)
    discounts = [
        _whole(line.amount * Decimal(rng.choice((5, 10))) / 100) if rng.random() < 0.2 else ZERO
        for line in lines
    ]
    gross = sum((line.amount for line in lines), ZERO)
    cut = sum(discounts, ZERO)
    base = gross - cut
    _, dpp_other, tax = _id_tax(base, issue, True)
    if coretax:
        number = f"04002{issue.year % 100}{_digits(rng, 10)}"
    else:
        code = rng.choice(("010", "010", "070", "030"))
        number = f"{code}.{_digits(rng, 3)}-{issue.year % 100}.{_digits(rng, 8)}"
    vendor = _company(rng, "ID")
    buyer = _company(rng, "ID")
    left, right = 45.0, 550.0
    size = 8.5
    y = 50.0
    canvas.text(A4[0] / 2, y, "Faktur Pajak", size=14, bold=True, align="center")
    y += 14
    canvas.box(left, y, right, y + 20, width=0.6)
    canvas.text(left + 5, y + 13, f"Kode dan Nomor Seri Faktur Pajak: {number}", size=size)
    y += 20

    def block(title: str, rows: Sequence[tuple[str, str]]) -> None:
        nonlocal y
        height = 18 + len(rows) * 12
        canvas.box(left, y, right, y + height, width=0.6)
        canvas.text(left + 5, y + 13, title, size=size, bold=True)
        for offset, (name, value) in enumerate(rows):
            ry = y + 27 + offset * 12
            canvas.text(left + 5, ry, name, size=size)
            canvas.text(left + 60, ry, f": {value}", size=size)
        y += height

    seller_tax = _tax_id(rng, "ID")[1]
    block(
        "Pengusaha Kena Pajak",
        [("Nama", vendor), ("Alamat", ", ".join(_address(rng, "ID"))), ("NPWP", seller_tax)],
    )
    buyer_rows = [
        ("Nama", buyer),
        ("Alamat", ", ".join(_address(rng, "ID"))),
        ("NPWP", _tax_id(rng, "ID")[1]),
    ]
    if coretax:
        buyer_rows.append(("NIK", "-"))
        buyer_rows.append(("Email", f"finance@{buyer.split()[1].lower()}.co.id"))
    block("Pembeli Barang Kena Pajak / Penerima Jasa Kena Pajak", buyer_rows)

    edges = (left, left + 28, left + 95, 400, right)
    heads = (
        "No.",
        "Kode Barang/\nJasa",
        "Nama Barang Kena Pajak / Jasa Kena Pajak",
        "Harga Jual / Penggantian /\nUang Muka / Termin (Rp)",
    )
    canvas.box(left, y, right, y + 26, width=0.6)
    for index, text_value in enumerate(heads):
        mid = (edges[index] + edges[index + 1]) / 2
        for offset, part in enumerate(text_value.split("\n")):
            canvas.text(mid, y + 11 + offset * 10, part, size=7.5, bold=True, align="center")
    top = y
    y += 26
    for index, (line, disc) in enumerate(zip(lines, discounts, strict=True), 1):
        code = "000000" if rng.random() < 0.6 else f"{_digits(rng, 2)}0000"
        canvas.text(edges[0] + 14, y + 11, str(index), size=size, align="center")
        canvas.text(edges[1] + 4, y + 11, code, size=size)
        sub = [
            line.description,
            f"Rp {style.number(line.unit_price)} x "
            f"{quantities.number(line.quantity)} {line.unit.title()}",
            f"Potongan Harga = Rp {style.number(disc)}",
            "PPnBM (0,00%) = Rp 0,00",
        ]
        for offset, text_value in enumerate(sub):
            canvas.text(
                edges[2] + 4,
                y + 11 + offset * 10,
                text_value,
                size=size if offset == 0 else size - 1,
            )
        canvas.text(right - 4, y + 11, style.number(line.amount), size=size, align="right")
        y += 12 + len(sub) * 10
        canvas.line(left, y, right, y, width=0.4)
    for x in edges:
        canvas.line(x, top, x, y, width=0.6)
    summary = [
        ("Harga Jual / Penggantian / Uang Muka / Termin", gross),
        ("Dikurangi Potongan Harga", cut),
        ("Dikurangi Uang Muka yang telah diterima", ZERO),
        ("Dasar Pengenaan Pajak", dpp_other if dpp_other is not None else base),
        ("Jumlah PPN (Pajak Pertambahan Nilai)", tax),
        ("Jumlah PPnBM (Pajak Penjualan atas Barang Mewah)", ZERO),
    ]
    for name, value in summary:
        canvas.box(left, y, right, y + 15, width=0.5)
        canvas.line(400, y, 400, y + 15, width=0.5)
        canvas.text(left + 5, y + 11, name, size=size)
        canvas.text(right - 4, y + 11, style.number(value), size=size, align="right")
        y += 15
    y += 16
    note = (
        "Sesuai dengan ketentuan yang berlaku, Direktorat Jenderal Pajak mengatur bahwa Faktur "
        "Pajak ini telah ditandatangani secara elektronik sehingga tidak diperlukan tanda tangan "
        "basah pada Faktur Pajak ini."
    )
    for offset, text_value in enumerate(_wrap(canvas, note, 300, 7)):
        canvas.text(left, y + offset * 9, text_value, size=7)
    city = rng.choice(
        ("JAKARTA SELATAN", "JAKARTA PUSAT", "SURABAYA", "BANDUNG", "TANGERANG", "BEKASI")
    )
    canvas.text(460, y, f"{city}, {dates_style.format(issue)}", size=size, align="center")
    canvas.text(460, y + 60, _person(rng, "ID").upper(), size=size, align="center")
    if rng.random() < 0.6:
        canvas.text(
            460, y + 72, "Ditandatangani secara elektronik", size=6.8, align="center", color=GREY
        )
    y += 100
    if coretax:
        canvas.text(
            left,
            y,
            "Referensi: " + f"INV/{issue.year}/{issue.month:02d}/{rng.randint(1, 999):04d}",
            size=7.5,
            color=GREY,
        )
    else:
        canvas.text(
            left,
            y,
            "Pemberitahuan: Faktur Pajak ini telah dilaporkan ke Direktorat Jenderal Pajak dan "
            "telah memperoleh persetujuan sesuai dengan ketentuan peraturan perpajakan yang "
            "berlaku.",
            size=6.3,
            color=GREY,
        )
    canvas.text(right, 815, "1 dari 1", size=7, align="right", color=GREY)

    fields = truth_fields(
        number=number,
        issue=issue,
        vendor=vendor,
        total=ZERO,
        subtotal=gross,
        tax=tax,
        currency="IDR",
        lines=lines,
    )
    del fields["total_amount"]  # a Faktur Pajak prints no total
    image: Scan = choose(rng, [(5, None), (2, "jpg")])
    return Rendered(
        fields,
        "id",
        "invoice",
        canvas.pdf(title=number),
        style,
        dates_style,
        quantities,
        ("Rp",),
        image=image,
    )


# ----------------------------------------------------------------------------- till receipts

STORES = {
    "TH": ("Siam Fresh Mart", "Lotus Kitchen", "Chao Phraya Cafe", "Baan Suan Mini Mart"),
    "SG": ("Kopi Corner", "Orchard Mart", "Tanjong Bakery", "Straits Kitchen"),
    "MY": ("Restoran Seri Bintang", "Kedai Kopi Jaya", "Nasi Kandar Mutiara", "Kafe Kenanga"),
    "PH": ("Mabuhay Mart", "Kainan sa Kanto", "Sampaguita Grocery", "Bayanihan Bakeshop"),
    "ID": ("Toko Sumber Rejeki", "Minimarket Maju Jaya", "Warung Kopi Nusantara", "Toko Berkah"),
}
RETAIL_PRICES = {
    "TH": (15, 390),
    "SG": (1.2, 28),
    "MY": (1.5, 22),
    "PH": (25, 420),
    "ID": (2_000, 85_000),
}
PAYMENTS = {
    "TH": ("PromptPay", "VISA", "MASTERCARD", "TrueMoney"),
    "SG": ("NETS", "VISA", "PayNow", "MASTERCARD"),
    "MY": ("TNG eWallet", "DuitNow QR", "VISA", "MASTERCARD"),
    "PH": ("GCash", "Maya", "VISA", "MASTERCARD"),
    "ID": ("QRIS", "Debit BCA", "OVO", "GoPay"),
}


def _retail_lines(rng: random.Random, country: str) -> list[Line]:
    low, high = RETAIL_PRICES[country]
    picks = rng.sample(RETAIL_ITEMS[country], rng.randint(1, 7))
    lines = []
    for description in picks:
        if country == "ID":
            unit_price = Decimal(round(rng.uniform(low, high) / 500) * 500 or 500)
        elif country == "TH":
            unit_price = Decimal(round(rng.uniform(low, high)))
        elif country == "PH":
            unit_price = Decimal(round(rng.uniform(low, high) * 4)) / 4
        else:
            unit_price = Decimal(round(rng.uniform(low, high) * 10)) / 10
        qty = Decimal(rng.choice((1, 1, 1, 1, 2, 2, 3, 4)))
        lines.append(Line(description, qty, unit_price))
    return lines


def _retail(rng: random.Random) -> Rendered:
    country = choose(rng, [(3, "TH"), (2, "SG"), (2, "MY"), (2, "PH"), (2, "ID")])
    noto = country == "PH" and rng.random() < 0.5
    family = "noto" if noto else rng.choice(("cour", "cour", "helv"))
    canvas = Canvas(RECEIPT_WIDTH, 1400, family=family)
    left, right, mid = 10.0, RECEIPT_WIDTH - 10, RECEIPT_WIDTH / 2
    size = 7.3
    step = size + 3.2
    whole = country == "ID"
    symbol = {
        "TH": rng.choice(("฿", "THB", "")),
        "SG": rng.choice(("S$", "$", "")),
        "MY": "RM",
        "PH": rng.choice(("₱", "PHP")) if noto else rng.choice(("PHP", "P")),
        "ID": "Rp",
    }[country]
    style: MoneyStyle
    if whole:
        style = WholeMoney(".", ",", "Rp", symbol_space=False)
    else:
        style = MoneyStyle(
            ",",
            ".",
            "" if symbol == "฿" else symbol,
            symbol_space=symbol in ("RM", "PHP", "P", "THB"),
        )
    pattern = {
        "TH": ("{dd}/{mm}/{yyyy}",),
        "SG": ("{dd}/{mm}/{yyyy}", "{dd} {mon} {yyyy}", "{dd}-{mm}-{yyyy}"),
        "MY": ("{dd}-{mm}-{yyyy}", "{dd}/{mm}/{yyyy}"),
        "PH": ("{mm}/{dd}/{yyyy}", "{mm}-{dd}-{yyyy}"),
        "ID": ("{dd}.{mm}.{yyyy}", "{dd}/{mm}/{yyyy}", "{dd}-{mm}-{yyyy}"),
    }[country]
    dates_style: DateStyle = DateStyle(rng.choice(pattern))
    buddhist = country == "TH" and rng.random() < 0.6
    if buddhist:
        dates_style = BuddhistDate(dates_style.pattern)
    dates = pick_dates(rng, DateStyle(dates_style.pattern))
    issue = dates.issue
    lines = _retail_lines(rng, country)
    inclusive = country != "MY"
    gross = sum((line.amount for line in lines), ZERO)
    subtotal: Decimal | None = None
    if inclusive:
        total = gross
        if country == "ID":
            tax = _whole(total * 11 / 111, ROUND_DOWN)
        else:
            rate = {"TH": Decimal(7), "SG": _sg_gst(issue), "PH": Decimal(12)}[country]
            tax = money(total * rate / (100 + rate))
    else:
        _, rate = _my_sst(rng, issue)
        rate = Decimal(6) if rate == Decimal(10) or rate == Decimal(5) else rate
        for _ in range(60):  # a Malaysian till rounds to 5 sen: keep bills that need no rounding
            subtotal = sum((line.amount for line in lines), ZERO)
            tax = money(subtotal * rate / 100)
            if (subtotal + tax) * 100 % 5 == 0:
                break
            last = lines[-1]
            lines[-1] = Line(last.description, last.quantity, last.unit_price + Decimal("0.10"))
        subtotal = sum((line.amount for line in lines), ZERO)
        tax = money(subtotal * rate / 100)
        total = subtotal + tax
        gross = subtotal
    rounding_ok = (total * 100) % 5 == 0

    store = rng.choice(STORES[country])
    company = _company(rng, country)
    tax_number = _tax_id(rng, country)[1]
    y = 26.0

    def centre(
        text: str, *, bold: bool = False, grow: float = 0, fontname: str | None = None
    ) -> None:
        nonlocal y
        canvas.text(mid, y, text, size=size + grow, bold=bold, align="center", fontname=fontname)
        y += step + grow

    def pair(label_text: str, value: str, *, bold: bool = False, grow: float = 0) -> None:
        nonlocal y
        canvas.text(left, y, label_text, size=size + grow, bold=bold)
        canvas.text(right, y, value, size=size + grow, bold=bold, align="right")
        y += step + grow

    def dashes() -> None:
        nonlocal y
        canvas.text(
            mid, y - 2, "-" * 44 if family == "cour" else "- " * 30, size=size, align="center"
        )
        y += step - 2

    centre(store, bold=True, grow=3)
    if rng.random() < 0.7:
        centre(f"Operated by {company}" if country != "ID" else company)
    for row in _address(rng, country):
        centre(row)
    if country == "SG":
        centre(f"GST Reg No: {tax_number}")
    elif country == "TH":
        centre(f"TAX ID: {tax_number} (Branch {rng.randint(1, 99):05d})")
    elif country == "PH":
        centre(f"VAT REG TIN: {tax_number}")
        centre(f"MIN: {_digits(rng, 17)}  S/N: {rng.choice('ABCDEFGHJK')}{_digits(rng, 9)}")
    elif country == "MY":
        centre(f"SST ID: {tax_number}")
    else:
        centre(f"NPWP: {tax_number}")
    y += 4
    title = {
        "TH": rng.choice(
            ("TAX INVOICE (ABB) / RECEIPT", "RECEIPT / TAX INVOICE (ABB)", "TAX INVOICE (ABB)")
        ),
        "SG": rng.choice(("TAX INVOICE", "TAX INVOICE / RECEIPT")),
        "MY": rng.choice(("RESIT / RECEIPT", "INVOICE", "RESIT")),
        "PH": "SALES INVOICE",
        "ID": rng.choice(("STRUK PEMBAYARAN", "STRUK BELANJA", "NOTA")),
    }[country]
    if country == "TH" and rng.random() < 0.5:
        centre("ใบกำกับภาษีอย่างย่อ", fontname="thai", grow=1)
    centre(title, bold=True, grow=1)
    number = {
        "TH": f"{rng.choice(('E', 'T', 'ABB'))}{_digits(rng, 4)}-{_digits(rng, 8)}",
        "SG": rng.choice((_digits(rng, 8), f"S{_digits(rng, 2)}-{_digits(rng, 7)}")),
        "MY": rng.choice((f"CS{_digits(rng, 8)}", _digits(rng, 7))),
        "PH": f"{rng.randint(1, 999999):09d}",
        "ID": f"{issue:%y%m%d}-{_digits(rng, 4)}",
    }[country]
    number_label = {
        "TH": rng.choice(("No.", "Tax Inv No.", "Receipt No.")),
        "SG": rng.choice(("Receipt No:", "Inv No:", "Bill No:")),
        "MY": rng.choice(("No. Resit:", "Bill No:", "Receipt #")),
        "PH": rng.choice(("SI No.:", "Invoice #:")),
        "ID": rng.choice(("No. Struk:", "No. Nota:", "No:")),
    }[country]
    clock = f"{rng.randint(8, 21):02d}:{rng.randint(0, 59):02d}"
    date_text = f"{dates_style.format(issue)} {clock}"
    if country == "TH" and not buddhist and rng.random() < 0.5:
        date_text = (
            f"{dates_style.format(issue)} ({BuddhistDate(dates_style.pattern).format(issue)})"
        )
    pair(number_label, number)
    pair({"ID": "Tanggal:", "MY": "Tarikh:"}.get(country, "Date:"), date_text)
    pair(f"POS: {rng.randint(1, 12):02d}", f"Cashier: {_person(rng, country).split()[0]}")
    if country == "PH":
        pair("Sold to:", "________________")
        pair("TIN:", "________________")
    if country == "MY" and rng.random() < 0.6:
        pair(f"Table: {rng.randint(1, 40)}", f"Pax: {rng.randint(1, 6)}")
    dashes()

    item_style = rng.choice(("two-line", "one-line"))
    if not style.symbol or rng.random() < 0.3:
        head = {"TH": "(THB)", "SG": "(SGD)", "MY": "(RM)", "PH": "(PHP)", "ID": "(Rp)"}[country]
        pair(
            "ITEM" if country != "ID" else "NAMA BARANG",
            f"AMOUNT {head}" if country != "ID" else f"HARGA {head}",
        )
    for line in lines:
        if item_style == "two-line":
            canvas.text(left, y, line.description, size=size)
            y += step
            canvas.text(
                left + 12,
                y,
                f"{quantities_text(line.quantity)} x {style.number(line.unit_price)}",
                size=size,
            )
            canvas.text(right, y, style.number(line.amount), size=size, align="right")
        else:
            canvas.text(left, y, f"{quantities_text(line.quantity)} {line.description}", size=size)
            canvas.text(right, y, style.number(line.amount), size=size, align="right")
            y += step
            canvas.text(left + 12, y, f"@ {style.number(line.unit_price)}", size=size - 0.5)
        y += step
    dashes()
    count = sum((line.quantity for line in lines), ZERO)
    pair(f"{len(lines)} item(s)" if country != "ID" else f"{count.normalize():f} barang", "")

    def money_row(label_text: str, value: Decimal, *, bold: bool = False, grow: float = 0) -> None:
        nonlocal y
        canvas.text(left, y, label_text, size=size + grow, bold=bold)
        figure = style.amount(value)
        canvas.text(right, y, figure, size=size + grow, bold=bold, align="right")
        if symbol == "฿":
            width = canvas.width_of(figure, size=size + grow, bold=bold)
            canvas.text(right - width - 2, y, "฿", size=size + grow, align="right", fontname="thai")
        y += step + grow

    if country == "MY":
        assert subtotal is not None
        money_row("Sub Total", subtotal)
        money_row(
            f"Service Tax {_rate_text(rate)}" if rng.random() < 0.5 else f"SST {_rate_text(rate)}",
            tax,
        )
        if rounding_ok:
            money_row("Rounding Adj.", ZERO)
        money_row("TOTAL", total, bold=True, grow=2)
    else:
        if rng.random() < 0.5:
            money_row("SUBTOTAL", gross)
        money_row(
            {"ID": "TOTAL BELANJA", "PH": "TOTAL AMOUNT DUE"}.get(country, "TOTAL"),
            total,
            bold=True,
            grow=2,
        )
    tendered = total
    method = rng.choice(PAYMENTS[country])
    if rng.random() < 0.5:
        note = Decimal({"ID": 50_000, "TH": 100, "PH": 100}.get(country, 10))
        tendered = (total / note).to_integral_value(rounding="ROUND_CEILING") * note
        if tendered == total:
            tendered += note
        money_row({"ID": "TUNAI"}.get(country, "CASH"), tendered)
        money_row({"ID": "KEMBALI"}.get(country, "CHANGE"), tendered - total)
    else:
        money_row(method, total)
        canvas.text(
            left,
            y,
            f"Card/Ref: ************{_digits(rng, 4)}   APPR {_digits(rng, 6)}",
            size=size - 0.5,
        )
        y += step
    dashes()

    # The tax summary: where the included tax is printed.
    if country == "TH":
        if rng.random() < 0.7:
            subtotal = total - tax
            pair("VATable", style.number(subtotal))
        pair("VAT 7%", style.number(tax))
        pair("Total incl. VAT", style.number(total))
    elif country == "SG":
        if rng.random() < 0.4:
            subtotal = total - tax
            pair("Total excl. GST", style.number(subtotal))
        pair(f"GST {_rate_text(_sg_gst(issue))} incl.", style.number(tax))
    elif country == "PH":
        subtotal = total - tax
        pair("VATable Sales", style.number(subtotal))
        pair("VAT-Exempt Sales", style.number(ZERO))
        pair("Zero-Rated Sales", style.number(ZERO))
        pair("VAT Amount (12%)", style.number(tax))
    elif country == "ID":
        subtotal = total - tax
        pair("DPP", style.number(subtotal))
        pair("PPN", style.number(tax))
    y += 4
    if country == "TH" and rng.random() < 0.5:
        centre(f"Member: {_digits(rng, 4)}XXXX{_digits(rng, 2)}  Points +{int(total // 25)}")
    closing = {
        "TH": ("Thank you. Please come again.", "VAT Included"),
        "SG": ("Thank you! See you again.", "Prices are inclusive of GST"),
        "MY": ("Terima kasih. Sila datang lagi.", "Goods sold are not returnable"),
        "PH": ("THIS SERVES AS YOUR SALES INVOICE", "Thank you, come again!"),
        "ID": ("Terima kasih atas kunjungan Anda", "Harga sudah termasuk PPN"),
    }[country]
    for row in closing:
        centre(row)
    if country == "PH":
        centre(
            f"PTU No. FP{issue.month:02d}{issue.year - 2:04d}"
            f"-{_digits(rng, 3)}-{_digits(rng, 7)}-00000"
        )
    canvas.height = y + 24

    quantities = QuantityStyle(".")
    fields = truth_fields(
        number=number,
        issue=issue,
        vendor=store,
        total=total,
        subtotal=subtotal,
        tax=tax,
        currency=CURRENCY[country],
        lines=lines,
    )
    image: Scan = choose(rng, [(6, None), (3, "jpg"), (1, "png")])
    return Rendered(
        fields,
        {"TH": "en", "SG": "en", "PH": "en", "MY": "ms", "ID": "id"}[country],
        "receipt",
        canvas.pdf(title=number),
        style,
        dates_style,
        quantities,
        _marks(country, style) + (("฿",) if symbol == "฿" else ()),
        prices_include_tax=inclusive,
        image=image,
    )


def quantities_text(value: Decimal) -> str:
    return QuantityStyle(".").number(value)


def _einvoice(rng: random.Random) -> Rendered:
    return _vn_einvoice(rng) if rng.random() < 0.6 else _efaktur(rng)


FAMILIES: dict[str, Callable[[random.Random], Rendered]] = {
    "accounting": _accounting,
    "booklet": _booklet,
    "einvoice": _einvoice,
    "retail": _retail,
}


def build(rng: random.Random) -> Rendered:
    family = choose(rng, [(4, "accounting"), (2, "booklet"), (3, "einvoice"), (3, "retail")])
    return FAMILIES[family](rng)
