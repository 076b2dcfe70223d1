"""`mena-invoice`: tax invoices and receipts from the Gulf, Egypt, Jordan, Morocco and Israel,
bilingual where the country prints them so: Arabic beside English in Saudi Arabia and the UAE,
Arabic alone (an English name on some) in Egypt and Jordan, French with Arabic in Morocco, Hebrew
in Israel. Arabic and Hebrew are shaped and ordered by MuPDF's HTML engine (`Canvas.shaped`), so
the text layer holds what real Arabic PDFs hold: presentation forms in logical order.

Conventions. Saudi Arabia: ZATCA tax invoices (`فاتورة ضريبية / Tax Invoice`) and simplified tax
invoices (`فاتورة ضريبية مبسطة / Simplified Tax Invoice`), the seller's VAT number (15 digits,
first and last `3`), the commercial registration (`C.R.`, `سجل تجاري`), the national address
(building, street, district, city, postal code, additional number), VAT 5 % until June 2020 and
15 % after, the QR code from December 2021, amounts `1,234.56` with `SAR` / `ر.س`, dates
`2024-03-05` or `05/03/2024` with the Hijri date (`1445/08/24 هـ`) beside on some. UAE: `TRN` (15
digits, `100...`), VAT 5 %, `AED` / `د.إ`. Egypt: the e-invoice print (internal ID, the 64-hex
`UUID`, issue and submission times), the 9-digit tax registration number, VAT 14 %, `EGP` / `ج.م`,
Arabic-Indic digits (`٠١٢٣٤٥٦٧٨٩`) in small shops' addresses, phone and register numbers. Jordan:
general sales tax 16 %, `JOD` / `د.أ` with three decimals (`12.750`). Morocco: `FACTURE` /
`فاتورة`, ICE (15 digits), IF, RC, Patente, CNSS, RIB (24 digits), TVA 20 % (10, 14 and 7 % on
some lines), `1 234,56 DH`, the amount in French words (`Arrêtée la présente facture à la somme
de ...`). Israel: `חשבונית מס`, `חשבונית מס קבלה`, `עוסק מורשה` or `ח.פ.` (9 digits), מע"מ 17 %
(18 % from 2025), `₪` or `ש"ח`, the allocation number (`מספר הקצאה`) from 2024, `שוטף + 30`.

Five layout families.

- `gulf` (an ERP's A4 tax invoice, SA or AE): English letterhead on the left and Arabic on the
  right, a bilingual title band, an info grid of `English label | value | Arabic label` rows
  (number, issue date, Hijri date, supply date, due date or terms, PO number, currency) beside the
  QR code, `Seller البائع` and `Buyer المشتري` boxes, an item table with two-line headings (Arabic
  over English) and per-line `Taxable Amount`, `VAT %`, `VAT Amount` and `Total incl. VAT`, the
  totals as `English | Arabic | amount` rows, an advance and balance on some, the amount in English
  words, bank details (IBAN), signatures; long invoices run over two pages.
- `till` (a POS print on 80 mm paper, SA, AE or EG, mostly scanned): the store's English and Arabic
  names, VAT number, `فاتورة ضريبية مبسطة / Simplified Tax Invoice`, bilingual info rows, items with
  tax-inclusive prices, `Total Excl. VAT`, the VAT, the total, cash and change or a mada / card
  slip, the QR; Egyptian shops print Arabic only (`فاتورة`, `الإجمالي`) and their numbers in
  Arabic-Indic digits in the header.
- `levant` (an accounting program's A4 invoice, EG or JO, right to left): the seller's Arabic
  letterhead on the right (an English name and address on the left on some), `فاتورة ضريبية` /
  `فاتورة مبيعات`, the info block (`رقم الفاتورة`, `التاريخ`, `تاريخ الاستحقاق`, `طريقة الدفع`; the
  Egyptian e-invoice's `الرقم الداخلي`, `UUID`, `تاريخ الإصدار`, `تاريخ التقديم`), `السادة` and the
  buyer's tax number, a right-to-left ruled table (`م / البيان / الوحدة / الكمية / سعر الوحدة /
  القيمة`), totals (`الإجمالي قبل الضريبة`, `الخصم`, the tax, `الإجمالي`), on some Egyptian ones the
  1 % withholding (`ضريبة الخصم والإضافة`) and the net after it, `فقط ... لا غير`, bank, signatures.
- `maghreb` (a Moroccan invoice program, A4, French): company header with an Arabic name on some,
  `FACTURE` / `فاتورة`, `N°`, `Date`, `Échéance` on some, order and delivery-note numbers, the
  client's box with its ICE, `Désignation / Qté / P.U. HT / Montant HT` (a TVA column on mixed
  rates), `Total HT`, TVA per rate, `Total TTC`, an advance and `Reste à payer` on some, the amount
  in words and the legal footer (RC, Patente, IF, CNSS, ICE, RIB).
- `israel` (an invoicing service's A4 print, right to left, Hebrew): business name and `עוסק מורשה`
  on the right, `חשבונית מס` / `חשבונית מס קבלה` with the number, `מקור` / `העתק`, date, `לכבוד`,
  allocation number, a table `# / תיאור / כמות / מחיר ליח' / סה"כ`, `סה"כ לפני מע"מ`, `מע"מ`, `סה"כ
  לתשלום`, on a receipt the payments (transfer, cheque with bank, branch, account and its date,
  card with its last digits and instalments) and a withholding (`ניכוי במקור`) on some, the
  service's footer.

Decoys: VAT numbers, TRNs, CRs, ICE / IF / RC / Patente / CNSS, Egyptian tax registration and
e-invoice UUIDs, Israeli business numbers and allocation numbers, IBANs and RIBs, PO, delivery
note and order numbers; Hijri, supply, submission, delivery-note and cheque dates; per-line VAT
and line totals with VAT, a `Discount 0.00` row, advances, balances and `Reste à payer`,
withholdings and the net after them, cash tendered and change, card digits, amounts in words (or
`فقط ... لا غير`), Arabic-Indic digits in Egyptian shop headers.

Truth rules. Text is as printed, one rule for every bilingual page: `vendor_name` is the seller's
Latin-script name (English or French) where the seller block prints one, else its Arabic or
Hebrew name in logical order, as typed (the PDF's text layer holds Arabic presentation forms, so
compare after Unicode NFKC normalisation). Line descriptions follow the same rule per line: the
English line of a bilingual row, else the Arabic, French or Hebrew one. `invoice_number` is the
document number (`Invoice No.`, `رقم الفاتورة`, the Egyptian `الرقم الداخلي` (internal ID, never
the UUID), `N°`, the Hebrew `מס'`). `invoice_date` is the issue date (Gregorian; the Hijri date is
a decoy); `due_date` only where a due date is printed. `total_amount` is the total with tax,
before any advance, withholding or payment; `subtotal_amount` the amount before tax (`Total
(Excluding VAT)`, `Total HT`, `סה"כ לפני מע"מ`, a till's `Total Excl. VAT`); `tax_amount` the
one tax figure (the `Total TVA` row under the per-rate rows of a mixed-rate Moroccan invoice).
`line_items` are the table rows with the net amount (the `Taxable Amount`
on Gulf invoices; till items are tax-inclusive). Money has two places in the truth; Jordanian
amounts are kept to whole ten-fils so their three printed decimals end in 0. `currency` is the ISO
code, also where only `ر.س`, `DH`, `₪` or `ש"ח` is printed. About a third are scans.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from bench.synth import names
from bench.synth.canvas import A4, RECEIPT_WIDTH, Align, Canvas, Color
from bench.synth.common import choose
from bench.synth.document import Line, Rendered, inclusive_tax, truth_fields
from bench.synth.formats import DateStyle, FixedQuantity, MoneyStyle, QuantityStyle, money

Scan = Literal["png", "jpg"] | None
GREY: Color = (0.4, 0.4, 0.4)
PALE: Color = (0.92, 0.92, 0.92)
ACCENTS: tuple[Color, ...] = (
    (0.05, 0.35, 0.3),
    (0.1, 0.25, 0.5),
    (0.5, 0.15, 0.15),
    (0.35, 0.3, 0.1),
    (0.2, 0.2, 0.2),
)
ZERO = Decimal(0)
ONE = Decimal(1)
INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

# ----------------------------------------------------------------------------- styles


@dataclass(frozen=True)
class Fils(MoneyStyle):
    """Jordanian dinars with three decimals (`1,234.500`); amounts are kept to ten fils."""

    def number(self, value: Decimal) -> str:
        return super().number(value) + "0"


def _hijri(day: dt.date) -> tuple[int, int, int]:
    """The tabular (Kuwaiti) Hijri date: close enough to Umm al-Qura for a printed decoy."""
    jd = day.toordinal() + 1721425
    rest = jd - 1948440 + 10632
    cycle = (rest - 1) // 10631
    rest = rest - 10631 * cycle + 354
    j = ((10985 - rest) // 5316) * ((50 * rest) // 17719) + (rest // 5670) * ((43 * rest) // 15238)
    rest = rest - ((30 - j) // 15) * ((17719 * j) // 50) - (j // 16) * ((15238 * j) // 43) + 29
    month = (24 * rest) // 709
    return 30 * cycle + j - 30, month, rest - (709 * month) // 24


def _day(rng: random.Random) -> dt.date:
    return dt.date(2019, 1, 2) + dt.timedelta(days=rng.randint(0, 2735))


# ----------------------------------------------------------------------------- words


def _words(text: str) -> list[str]:
    """Word tables kept as one string each."""
    return text.split()


ONES = _words(
    "Zero One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen "
    "Fifteen Sixteen Seventeen Eighteen Nineteen"
)
TENS = _words("_ _ Twenty Thirty Forty Fifty Sixty Seventy Eighty Ninety")
FR_ONES = _words(
    "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze "
    "seize dix-sept dix-huit dix-neuf"
)
FR_TENS = _words("_ _ vingt trente quarante cinquante soixante soixante quatre-vingt quatre-vingt")


def _en_small(value: int) -> str:
    hundreds, rest = divmod(value, 100)
    parts = [f"{ONES[hundreds]} Hundred"] if hundreds else []
    if rest >= 20:
        parts.append(TENS[rest // 10] + (f"-{ONES[rest % 10]}" if rest % 10 else ""))
    elif rest:
        parts.append(ONES[rest])
    return " ".join(parts)


def en_words(value: int) -> str:
    if value == 0:
        return "Zero"
    parts = []
    for size, name in ((1_000_000, "Million"), (1000, "Thousand"), (1, "")):
        chunk, value = divmod(value, size)
        if chunk:
            parts.append(f"{_en_small(chunk)} {name}".strip())
    return " ".join(parts)


def _fr_small(value: int) -> str:
    hundreds, rest = divmod(value, 100)
    parts = []
    if hundreds:
        parts.append(
            "cent" if hundreds == 1 else f"{FR_ONES[hundreds]} cent" + ("" if rest else "s")
        )
    if rest:
        tens, unit = divmod(rest, 10)
        if rest < 20:
            parts.append(FR_ONES[rest])
        elif tens in (7, 9):
            link = "-et-" if rest == 71 else "-"
            parts.append(f"{FR_TENS[tens]}{link}{FR_ONES[10 + unit]}")
        elif unit == 0:
            parts.append(FR_TENS[tens] + ("s" if tens == 8 else ""))
        else:
            parts.append(
                FR_TENS[tens] + ("-et-" if unit == 1 and tens != 8 else "-") + FR_ONES[unit]
            )
    return " ".join(parts)


def fr_words(value: int) -> str:
    if value == 0:
        return "zéro"
    parts = []
    millions, value = divmod(value, 1_000_000)
    thousands, value = divmod(value, 1000)
    if millions:
        parts.append(f"{_fr_small(millions)} million" + ("s" if millions > 1 else ""))
    if thousands:
        parts.append("mille" if thousands == 1 else f"{_fr_small(thousands)} mille")
    if value:
        parts.append(_fr_small(value))
    return " ".join(parts)


# ----------------------------------------------------------------------------- names

CORES = [
    ("Al Noor", "النور"),
    ("Al Faisal", "الفيصل"),
    ("Al Rashid", "الراشد"),
    ("Al Madina", "المدينة"),
    ("Al Khaleej", "الخليج"),
    ("Al Yamama", "اليمامة"),
    ("Al Jazeera", "الجزيرة"),
    ("Al Safwa", "الصفوة"),
    ("Al Sharq", "الشرق"),
    ("Al Masar", "المسار"),
    ("Al Waha", "الواحة"),
    ("Al Rawabi", "الروابي"),
    ("Al Qimma", "القمة"),
    ("Al Bayan", "البيان"),
]
ACTIVITIES = [
    ("Trading", "للتجارة", "supplies"),
    ("Contracting", "للمقاولات", "build"),
    ("Technical Services", "للخدمات الفنية", "services"),
    ("Information Technology", "لتقنية المعلومات", "it"),
    ("Office Supplies", "للأدوات المكتبية", "supplies"),
    ("Logistics", "للخدمات اللوجستية", "services"),
    ("Building Materials", "لمواد البناء", "build"),
    ("Computer Systems", "لأنظمة الحاسب", "it"),
]
EG_CORES = ["النيل", "الدلتا", "الأهرام", "المستقبل", "الفتح", "الصعيد", "النصر", "القاهرة"]
JO_CORES = ["البتراء", "الأردن", "عمان", "الرافدين", "السلام", "الزرقاء", "اليرموك", "الكرمل"]
LATIN_OF = {
    "النيل": "Nile",
    "الدلتا": "Delta",
    "الأهرام": "Pyramids",
    "المستقبل": "Future",
    "الفتح": "El Fath",
    "الصعيد": "Upper Egypt",
    "النصر": "El Nasr",
    "القاهرة": "Cairo",
    "البتراء": "Petra",
    "الأردن": "Jordan",
    "عمان": "Amman",
    "الرافدين": "Al Rafidain",
    "السلام": "Al Salam",
    "الزرقاء": "Zarqa",
    "اليرموك": "Yarmouk",
    "الكرمل": "Al Karmel",
}
LEVANT_ACTIVITIES = [
    ("للتوريدات", "Supplies", "supplies"),
    ("للتجارة والتوزيع", "Trading & Distribution", "supplies"),
    ("للمقاولات العامة", "General Contracting", "build"),
    ("للحلول التقنية", "Tech Solutions", "it"),
    ("للخدمات الهندسية", "Engineering Services", "services"),
]
SA_CITIES = [
    ("Riyadh", "الرياض", "Al Olaya", "العليا", "11"),
    ("Riyadh", "الرياض", "Al Malaz", "الملز", "12"),
    ("Jeddah", "جدة", "Al Rawdah", "الروضة", "23"),
    ("Dammam", "الدمام", "Al Faisaliyah", "الفيصلية", "32"),
    ("Khobar", "الخبر", "Al Aqrabiyah", "العقربية", "34"),
    ("Makkah", "مكة المكرمة", "Al Aziziyah", "العزيزية", "24"),
    ("Madinah", "المدينة المنورة", "Quba", "قباء", "42"),
]
SA_STREETS = [
    ("King Fahd Road", "طريق الملك فهد"),
    ("Prince Sultan Street", "شارع الأمير سلطان"),
    ("Olaya Street", "شارع العليا"),
    ("King Abdulaziz Road", "طريق الملك عبدالعزيز"),
    ("Tahlia Street", "شارع التحلية"),
]
AE_PLACES = [
    ("Dubai", "دبي", "Sheikh Zayed Road"),
    ("Dubai", "دبي", "Al Quoz Industrial Area 3"),
    ("Abu Dhabi", "أبوظبي", "Hamdan Street"),
    ("Sharjah", "الشارقة", "Al Wahda Street"),
    ("Ajman", "عجمان", "Sheikh Khalifa Street"),
]
EG_PLACES = [
    "شارع التحرير، الدقي، الجيزة",
    "شارع جامعة الدول العربية، المهندسين",
    "شارع عباس العقاد، مدينة نصر، القاهرة",
    "طريق الحرية، الإسكندرية",
    "المنطقة الصناعية الثالثة، العاشر من رمضان",
]
JO_PLACES = [
    "عمان - شارع وصفي التل",
    "عمان - الشميساني - شارع عبدالحميد شرف",
    "إربد - شارع الجامعة",
    "الزرقاء - المنطقة الحرة",
    "عمان - ماركا الشمالية",
]
MA_CITIES = ["Casablanca", "Rabat", "Tanger", "Marrakech", "Fès", "Agadir", "Kénitra", "Meknès"]
MA_STREETS = [
    "Bd Mohammed V",
    "Av. Hassan II",
    "Rue Ibn Batouta",
    "Bd Zerktouni",
    "Quartier Industriel Sidi Maarouf",
]
MA_BANKS = ["Attijariwafa bank", "BMCE Bank", "Banque Populaire", "CIH Bank"]
MA_NAMES = ["ATLAS", "MAGHREB", "SAHARA", "ANFA", "ZIZ", "OUDAYA", "TOUBKAL", "RIF", "SOUSS"]
MA_ACTIVITIES = [
    ("EQUIPEMENT", "أطلس للتجهيز", "fr_supplies"),
    ("TRAVAUX", "للأشغال", "fr_build"),
    ("INFORMATIQUE", "للمعلوميات", "fr_it"),
    ("NEGOCE", "للتجارة", "fr_supplies"),
    ("SERVICES", "للخدمات", "fr_it"),
]
HE_SURNAMES = ["כהן", "לוי", "מזרחי", "פרץ", "ביטון", "אברהם", "פרידמן", "שפירא", "אזולאי", "דהן"]
HE_FIRST = ["דוד", "משה", "יוסי", "אבי", "רונית", "מיכל", "שרון", "אורי", "נועה", "יעל"]
HE_TRADES = [
    ("שירותי מחשוב", "he_it"),
    ("הנדסה", "he_services"),
    ("שיפוצים", "he_build"),
    ("ייעוץ עסקי", "he_services"),
    ("אחזקה", "he_build"),
    ("פתרונות תוכנה", "he_it"),
]
HE_CITIES = ["תל אביב", "ירושלים", "חיפה", "פתח תקווה", "ראשון לציון", "באר שבע", "נתניה"]
HE_STREETS = ["הרצל", "בן יהודה", "ז'בוטינסקי", "רוטשילד", "העצמאות", "הנביאים", "ויצמן"]

# (English, Arabic, low, high); the Arabic is printed under the English on bilingual rows.
ITEMS: dict[str, list[tuple[str, str, float, float]]] = {
    "supplies": [
        ("Photocopy paper A4 80gsm (box)", "ورق تصوير", 95, 160),
        ("Toner cartridge HP 26A", "حبر طابعة", 220, 480),
        ("Office chair, ergonomic", "كرسي مكتب", 350, 1200),
        ("Filing cabinet, 4 drawers", "خزانة ملفات", 600, 1500),
        ("Whiteboard 120 x 90 cm", "سبورة بيضاء", 180, 420),
        ("Ballpoint pens blue (box of 50)", "أقلام حبر جاف", 35, 80),
        ("Cleaning materials", "مواد تنظيف", 40, 300),
        ("Drinking water 330 ml (carton)", "مياه شرب", 12, 30),
        ("Delivery charges", "رسوم التوصيل", 25, 150),
    ],
    "build": [
        ("Portland cement 50 kg bag", "أسمنت بورتلاندي", 14, 28),
        ("Steel rebar 12 mm (ton)", "حديد تسليح", 2400, 3600),
        ("Concrete blocks 20 cm", "بلوك خرساني", 2, 5),
        ("Ceramic floor tiles 60 x 60 (m2)", "بلاط سيراميك", 25, 90),
        ("Emulsion paint 18 L", "دهان بلاستيك", 120, 320),
        ("PVC pipe 4 inch (6 m)", "مواسير بلاستيك", 40, 110),
        ("Site labour (day)", "عمالة موقع", 150, 400),
        ("Equipment rental - excavator (day)", "تأجير معدات", 900, 2200),
        ("Transport of materials", "نقل مواد", 200, 900),
    ],
    "services": [
        ("AC preventive maintenance (monthly)", "صيانة تكييف", 400, 2500),
        ("Cleaning services (monthly)", "خدمات نظافة", 2000, 9000),
        ("Security guard services (monthly)", "خدمات حراسة", 3500, 12000),
        ("Consulting services", "خدمات استشارية", 500, 5000),
        ("Electrical works", "أعمال كهربائية", 300, 4000),
        ("Plumbing repair", "إصلاح سباكة", 150, 900),
        ("Pest control service", "مكافحة حشرات", 250, 900),
        ("Manpower supply (hours)", "توريد عمالة", 25, 60),
    ],
    "it": [
        ("Laptop Dell Latitude 5440", "حاسب محمول", 3200, 5200),
        ("Network switch 24 port", "محول شبكة", 900, 2800),
        ("Cat6 network cable (m)", "كابل شبكة", 2, 6),
        ("Microsoft 365 Business (annual)", "اشتراك برمجيات", 450, 900),
        ("IT support services (monthly)", "خدمات دعم فني", 1500, 6000),
        ("CCTV camera installation", "تركيب كاميرات مراقبة", 300, 900),
        ("Website hosting (annual)", "استضافة موقع", 400, 1800),
        ("Printer HP LaserJet Pro", "طابعة", 900, 2100),
    ],
}
AR_ITEMS: dict[str, list[tuple[str, str, float, float]]] = {
    "supplies": [
        ("ورق تصوير", "كرتونة", 95, 160),
        ("أحبار طابعات", "قطعة", 220, 480),
        ("أقلام حبر جاف", "علبة", 35, 80),
        ("ملفات بلاستيك", "دستة", 20, 60),
        ("كراسي مكتب", "قطعة", 350, 1200),
        ("مواد تنظيف", "كرتونة", 40, 300),
        ("مياه معدنية", "كرتونة", 12, 30),
        ("مصاريف نقل", "رحلة", 25, 150),
    ],
    "build": [
        ("أسمنت بورتلاندي", "شيكارة", 14, 28),
        ("حديد تسليح", "طن", 2400, 3600),
        ("طوب أحمر", "ألف", 900, 1600),
        ("رمل مغسول", "متر مكعب", 60, 140),
        ("دهانات بلاستيك", "بستلة", 120, 320),
        ("مواسير صرف", "ماسورة", 40, 110),
        ("أعمال مصنعية", "يوم", 150, 400),
    ],
    "services": [
        ("صيانة دورية للتكييفات", "شهر", 400, 2500),
        ("أعمال كهرباء", "مقطوعية", 300, 4000),
        ("أعمال سباكة", "مقطوعية", 150, 900),
        ("خدمات استشارية هندسية", "ساعة", 150, 600),
        ("إشراف على التنفيذ", "شهر", 2000, 8000),
        ("معاينة فنية", "زيارة", 200, 700),
    ],
    "it": [
        ("جهاز حاسب محمول", "جهاز", 3200, 5200),
        ("طابعة ليزر", "جهاز", 900, 2100),
        ("كابلات شبكة", "متر", 2, 6),
        ("تركيب كاميرات مراقبة", "نقطة", 300, 900),
        ("دعم فني شهري", "شهر", 1500, 6000),
        ("برمجة نظام مبيعات", "مقطوعية", 5000, 25000),
    ],
}
FR_ITEMS: dict[str, list[tuple[str, str, float, float]]] = {
    "fr_supplies": [
        ("Rame papier A4 80 g", "u", 38, 60),
        ("Cartouche toner HP 26A", "u", 450, 1100),
        ("Fauteuil de bureau", "u", 900, 2800),
        ("Armoire métallique 2 portes", "u", 1500, 3900),
        ("Produits d'entretien", "lot", 150, 900),
        ("Frais de transport", "forfait", 100, 600),
    ],
    "fr_build": [
        ("Ciment CPJ 45 (sac 50 kg)", "sac", 70, 95),
        ("Fer à béton Ø12", "t", 7800, 9800),
        ("Sable de rivière", "m3", 180, 320),
        ("Travaux de peinture", "m2", 25, 70),
        ("Location engin avec chauffeur", "jour", 1500, 3500),
        ("Main d'oeuvre", "jour", 150, 350),
    ],
    "fr_it": [
        ("Ordinateur portable Lenovo ThinkPad", "u", 7500, 13000),
        ("Maintenance informatique mensuelle", "mois", 1500, 6000),
        ("Installation réseau et câblage", "forfait", 2500, 12000),
        ("Licence antivirus (12 mois)", "u", 250, 600),
        ("Développement site web", "forfait", 8000, 35000),
        ("Formation utilisateurs", "jour", 2500, 6000),
    ],
}
HE_ITEMS: dict[str, list[tuple[str, float, float]]] = {
    "he_it": [
        ("שירותי תמיכה טכנית", 350, 2500),
        ("פיתוח תוכנה", 250, 450),
        ("רישיון תוכנה שנתי", 900, 6000),
        ("התקנת רשת תקשורת", 800, 4500),
        ("אחסון אתר לשנה", 400, 1500),
        ("מחשב נייד", 3200, 6500),
    ],
    "he_services": [
        ("שעות ייעוץ", 250, 650),
        ("ליווי פרויקט", 2500, 12000),
        ("הכנת תוכנית עסקית", 3000, 15000),
        ("פיקוח הנדסי", 1500, 8000),
        ("החזר הוצאות נסיעה", 80, 400),
    ],
    "he_build": [
        ("עבודות חשמל", 400, 5000),
        ("עבודות צבע", 1200, 9000),
        ("החלפת ברז", 250, 700),
        ("תיקון נזילה", 350, 1200),
        ("חומרי בניין", 300, 4000),
        ("פינוי פסולת", 400, 1500),
    ],
}
TILL_ITEMS: dict[str, list[tuple[str, str, float, float]]] = {
    "SA": [
        ("Chicken Shawarma", "شاورما دجاج", 9, 18),
        ("Chicken Kabsa", "كبسة دجاج", 24, 38),
        ("Arabic Coffee (pot)", "قهوة عربية", 12, 25),
        ("Karak Tea", "شاي كرك", 3, 6),
        ("Mineral Water 600ml", "مياه معدنية", 1, 3),
        ("Pepsi 330ml", "بيبسي", 2.5, 4),
        ("Falafel Sandwich", "ساندويتش فلافل", 4, 9),
        ("Kunafa", "كنافة", 15, 30),
        ("Dates Sukkari 1kg", "تمر سكري", 25, 60),
        ("Fresh Orange Juice", "عصير برتقال", 8, 16),
    ],
    "AE": [
        ("Cappuccino Regular", "كابتشينو", 14, 22),
        ("Croissant Zaatar", "كرواسون زعتر", 8, 14),
        ("Water 500ml", "مياه", 1.5, 3),
        ("Laban Up 180ml", "لبن", 1, 2.5),
        ("Chicken Biryani", "برياني دجاج", 22, 38),
        ("Fresh Mango Juice", "عصير مانجو", 12, 20),
        ("Samosa (3 pcs)", "سمبوسة", 6, 12),
        ("Tissue Box", "مناديل", 4, 9),
    ],
}
EG_TILL = [
    ("أرز مصري", 25, 45),
    ("زيت عباد الشمس", 60, 110),
    ("سكر أبيض", 25, 40),
    ("شاي ناعم", 20, 60),
    ("جبنة بيضاء", 40, 120),
    ("مكرونة", 10, 25),
    ("عيش فينو", 5, 15),
    ("مياه معدنية", 5, 12),
    ("منظف صحون", 25, 60),
    ("بسكويت", 5, 20),
]

# ----------------------------------------------------------------------------- helpers


def _digits(rng: random.Random, count: int) -> str:
    return names.digits(rng, count)


def _fit(canvas: Canvas, text: str, width: float, size: float, bold: bool = False) -> float:
    while size > 5 and canvas.width_of(text, size=size, bold=bold) > width:
        size -= 0.25
    return size


def _fit_ar(canvas: Canvas, text: str, width: float, size: float, bold: bool = False) -> float:
    while size > 5 and canvas.shaped_width(text, size=size, bold=bold) > width:
        size -= 0.25
    return size


def _qr(canvas: Canvas, rng: random.Random, x: float, y: float, side: float) -> None:
    """A QR code stand-in: three finder squares and random modules."""
    count = 29
    cell = side / count
    corners = ((0, 0), (count - 7, 0), (0, count - 7))
    for cx, cy in corners:
        for ring, fill in ((0, (0.0, 0.0, 0.0)), (1, (1.0, 1.0, 1.0)), (2, (0.0, 0.0, 0.0))):
            x0, y0 = x + (cx + ring) * cell, y + (cy + ring) * cell
            span = (7 - 2 * ring) * cell
            canvas.box(x0, y0, x0 + span, y0 + span, stroke=None, fill=fill)
    for row in range(count):
        for col in range(count):
            if any(cx - 1 <= col <= cx + 7 and cy - 1 <= row <= cy + 7 for cx, cy in corners):
                continue
            if rng.random() < 0.47:
                x0, y0 = x + col * cell, y + row * cell
                canvas.box(x0, y0, x0 + cell, y0 + cell, stroke=None, fill=(0, 0, 0))


def _iban(rng: random.Random, country: str) -> str:
    length = {"SA": 22, "AE": 19, "EG": 25, "JO": 26}[country]
    raw = f"{country}{rng.randint(10, 99)}{_digits(rng, length)}"
    if country == "JO":
        raw = f"JO{rng.randint(10, 99)}{rng.choice(('ARAB', 'HBHO', 'JONB'))}{_digits(rng, 22)}"
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def _sa_vat(rng: random.Random) -> str:
    return f"3{_digits(rng, 13)}3"


def _quantity(rng: random.Random, unit_price: Decimal) -> Decimal:
    if unit_price > 1500:
        return Decimal(rng.choice((1, 1, 1, 2, 3)))
    if unit_price < 20:
        return Decimal(rng.choice((10, 20, 25, 50, 100, 120, 200)))
    return Decimal(rng.choice((1, 1, 2, 2, 3, 4, 5, 6, 10, 12)))


def _price(rng: random.Random, low: float, high: float, *, scale: float = 1.0) -> Decimal:
    value = rng.uniform(low, high) * scale
    if value > 200:
        return Decimal(int(value / 5) * 5)
    ending = rng.random()
    if ending < 0.5:
        return Decimal(int(value))
    if ending < 0.75:
        return Decimal(int(value)) + Decimal("0.50")
    return money(Decimal(str(value)))


def _line_tax(lines: list[Line], rates: list[Decimal]) -> Decimal:
    """VAT rounded per line, as Gulf ERPs print it in the line's `VAT Amount` column."""
    return sum((money(x.amount * r / 100) for x, r in zip(lines, rates, strict=True)), ZERO)


def _sa_rate(day: dt.date) -> Decimal:
    return Decimal(15) if day >= dt.date(2020, 7, 1) else Decimal(5)


def _il_rate(day: dt.date) -> Decimal:
    return Decimal(18) if day >= dt.date(2025, 1, 1) else Decimal(17)


def _image(rng: random.Random, share: float) -> Scan:
    if rng.random() >= share:
        return None
    return "jpg" if rng.random() < 0.65 else "png"


# ----------------------------------------------------------------------------- gulf


@dataclass
class _GulfParty:
    en: str
    ar: str
    vat: str
    cr: str
    address: list[str]
    address_ar: str


def _gulf_party(rng: random.Random, country: str) -> tuple[_GulfParty, str]:
    core, core_ar = rng.choice(CORES)
    activity, activity_ar, sector = rng.choice(ACTIVITIES)
    if country == "SA":
        shape = rng.randrange(3)
        en = [
            f"{core} {activity} Co. Ltd.",
            f"{core} {activity} Est.",
            f"{core} Company for {activity}",
        ][shape]
        ar = [
            f"شركة {core_ar} {activity_ar} المحدودة",
            f"مؤسسة {core_ar} {activity_ar}",
            f"شركة {core_ar} {activity_ar}",
        ][shape]
        city, city_ar, district, district_ar, prefix = rng.choice(SA_CITIES)
        street, street_ar = rng.choice(SA_STREETS)
        building = rng.randint(1000, 9999)
        postal = f"{prefix}{_digits(rng, 3)}"
        address = [
            f"Building No. {building}, {street}, {district} District",
            f"{city} {postal}, Additional No. {rng.randint(1000, 9999)}, Saudi Arabia",
        ]
        address_ar = f"{city_ar} - حي {district_ar} - {street_ar}"
        vat = _sa_vat(rng)
        cr = f"{rng.choice(('101', '403', '205', '405'))}0{_digits(rng, 6)}"
    else:
        form = rng.choice(("L.L.C", "LLC", "FZE", "Trading L.L.C"))
        en = f"{core} {activity} {form}".replace("Trading Trading", "Trading")
        ar = f"{core_ar} {activity_ar} ذ.م.م"
        city, city_ar, street = rng.choice(AE_PLACES)
        address = [
            f"Office {rng.randint(101, 2408)}, {street}",
            f"P.O. Box {rng.randint(1000, 99999)}, {city}, United Arab Emirates",
        ]
        address_ar = f"{city_ar} - الإمارات العربية المتحدة"
        vat = f"100{_digits(rng, 12)}"
        cr = f"{rng.randint(100000, 999999)}"
    return _GulfParty(en, ar, vat, cr, address, address_ar), sector


def _gulf(rng: random.Random) -> Rendered:
    country = choose(rng, [(3, "SA"), (2, "AE")])
    issue = _day(rng)
    cur, cur_ar = ("SAR", "ر.س") if country == "SA" else ("AED", "د.إ")
    rate = _sa_rate(issue) if country == "SA" else Decimal(5)
    seller, sector = _gulf_party(rng, country)
    buyer, _ = _gulf_party(rng, country)
    long_doc = rng.random() < 0.2
    pool = ITEMS[sector]
    count = rng.randint(16, 26) if long_doc else rng.randint(1, min(8, len(pool)))
    lines: list[Line] = []
    arabic: list[str] = []
    picks = [pool[i % len(pool)] for i in range(count)] if long_doc else rng.sample(pool, count)
    sites = ("Block A", "Block B", "Warehouse 2", "Villa 14", "Tower C", "Branch 3", "Site 7")
    for index, (en, ar, low, high) in enumerate(picks):
        if index >= len(pool):
            en = f"{en} - {sites[(index // len(pool) + index) % len(sites)]}"
        unit_price = _price(rng, low, high)
        lines.append(Line(en, _quantity(rng, unit_price), unit_price))
        arabic.append(ar)
    rates = [rate] * count
    subtotal = sum((line.amount for line in lines), ZERO)
    tax = _line_tax(lines, rates)
    total = subtotal + tax

    family = rng.choice(("helv", "helv", "tiro"))
    canvas = Canvas(*A4, family=family)
    accent = rng.choice(ACCENTS)
    style = MoneyStyle(",", ".", cur, symbol_after=rng.random() < 0.4)
    iso = rng.random() < 0.5 if country == "SA" else rng.random() < 0.2
    dates = DateStyle(
        "{yyyy}-{mm}-{dd}" if iso else rng.choice(("{dd}/{mm}/{yyyy}", "{dd}-{mon}-{yyyy}"))
    )
    quantities: QuantityStyle = FixedQuantity(".", 2) if rng.random() < 0.5 else QuantityStyle(".")
    simplified = country == "SA" and rng.random() < 0.15
    title_en, title_ar = ("Tax Invoice", "فاتورة ضريبية")
    if simplified:
        buyer = _GulfParty("Cash Customer", "عميل نقدي", "-", "-", ["-", ""], "")
        title_en, title_ar = ("Simplified Tax Invoice", "فاتورة ضريبية مبسطة")
    number = rng.choice(
        (
            f"INV-{issue.year}-{rng.randint(1, 99999):06d}",
            f"SINV/{issue.year % 100:02d}/{rng.randint(1, 9999):05d}",
            str(rng.randint(100000, 999999)),
            f"TI-{issue.year}{rng.randint(1, 9999):04d}",
        )
    )
    due = issue + dt.timedelta(days=rng.choice((15, 30, 30, 45, 60, 90)))
    due_printed = rng.random() < 0.55
    left, right = 36.0, 559.0
    page_count = 2 if long_doc else 1

    # Letterhead: English left, Arabic right, a mark in the middle.
    y = 46.0
    canvas.text(
        left, y, seller.en, size=_fit(canvas, seller.en, 215, 12, True), bold=True, color=accent
    )
    canvas.shaped(
        right, y, seller.ar, size=_fit_ar(canvas, seller.ar, 215, 13, True), bold=True, color=accent
    )
    for offset, row in enumerate(seller.address):
        canvas.text(left, y + 13 + offset * 10, row, size=_fit(canvas, row, 215, 7))
    canvas.shaped(right, y + 15, seller.address_ar, size=_fit_ar(canvas, seller.address_ar, 200, 8))
    tax_label = "VAT No." if country == "SA" else "TRN"
    canvas.text(left, y + 33, f"{tax_label}: {seller.vat}", size=7, bold=True)
    canvas.text(
        left,
        y + 43,
        f"{'C.R. No.' if country == 'SA' else 'Trade Licence No.'}: {seller.cr}",
        size=7,
    )
    canvas.shaped(right, y + 31, "الرقم الضريبي", size=8)
    canvas.text(
        right - canvas.shaped_width("الرقم الضريبي", size=8) - 5,
        y + 30,
        seller.vat,
        size=7,
        align="right",
    )
    if country == "SA":
        canvas.shaped(right, y + 45, "السجل التجاري", size=8)
        canvas.text(
            right - canvas.shaped_width("السجل التجاري", size=8) - 5,
            y + 44,
            seller.cr,
            size=7,
            align="right",
        )
    initials = "".join(word[0] for word in seller.en.split()[1:3] if word[0].isalpha())
    canvas.box(282, 32, 314, 64, stroke=accent, fill=None, width=1.2)
    canvas.text(298, 53, initials or "AN", size=12, bold=True, align="center", color=accent)

    # Title band.
    y = 112.0
    canvas.box(left, y - 14, right, y + 6, stroke=None, fill=PALE)
    canvas.text(
        297,
        y,
        title_en.upper() if rng.random() < 0.5 else title_en,
        size=12,
        bold=True,
        align="right",
    )
    canvas.shaped(305, y + 1, title_ar, size=13, bold=True, align="left")

    # Info grid beside the QR code.
    info: list[tuple[str, str, str]] = [("Invoice No.", number, "رقم الفاتورة")]
    info.append(("Issue Date", dates.format(issue), "تاريخ الإصدار"))
    if country == "SA" and rng.random() < 0.45:
        hy, hm, hd = _hijri(issue)
        info.append(("Hijri Date", f"{hy}/{hm:02d}/{hd:02d} H", "التاريخ الهجري"))
    supply = issue - dt.timedelta(days=rng.randint(0, 12))
    if rng.random() < 0.6:
        info.append(("Supply Date", dates.format(supply), "تاريخ التوريد"))
    if due_printed:
        info.append(("Due Date", dates.format(due), "تاريخ الاستحقاق"))
    else:
        info.append(
            ("Payment Terms", rng.choice(("Credit 30 days", "Cash", "Bank transfer")), "شروط الدفع")
        )
    if rng.random() < 0.5:
        info.append(("PO Number", f"PO-{rng.randint(1000, 99999)}", "رقم أمر الشراء"))
    info.append(("Currency", cur, "العملة"))
    y += 18
    grid_right = 420.0
    for en, value, ar in info:
        canvas.box(left, y, grid_right, y + 15, width=0.4)
        canvas.text(left + 4, y + 10.5, en, size=7.5, bold=True)
        canvas.text(left + 112, y + 10.5, value, size=8)
        canvas.shaped(grid_right - 4, y + 11, ar, size=8)
        y += 15
    qr_drawn = country == "SA" and issue >= dt.date(2021, 12, 4)
    if qr_drawn:
        _qr(canvas, rng, 462, 134, 84)
    else:
        canvas.text(right, 150, f"Page 1 of {page_count}", size=7, align="right", color=GREY)
    y = max(y, 222.0) + 10

    # Seller and buyer boxes.
    mid = (left + right) / 2
    rows_for = lambda party: [  # noqa: E731
        ("Name", party.en),
        (tax_label, party.vat),
        ("C.R." if country == "SA" else "Licence", party.cr),
        ("Address", party.address[0]),
        ("", party.address[1]),
    ]
    for x0, x1, caption, caption_ar, party in (
        (left, mid - 4, "Seller", "البائع", seller),
        (mid + 4, right, "Buyer", "المشتري", buyer),
    ):
        canvas.box(x0, y, x1, y + 14, stroke=None, fill=accent)
        canvas.text(x0 + 4, y + 10, caption, size=8, bold=True, color=(1, 1, 1))
        canvas.shaped(x1 - 4, y + 10.5, caption_ar, size=8.5, bold=True, color=(1, 1, 1))
        canvas.box(x0, y, x1, y + 84, width=0.5)
        yy = y + 25
        for label, value in rows_for(party):
            canvas.text(x0 + 4, yy, label, size=6.8, color=GREY)
            canvas.text(x0 + 42, yy, value, size=_fit(canvas, value, x1 - x0 - 48, 7.2))
            yy += 11
        canvas.shaped(x1 - 4, yy + 1, party.ar, size=_fit_ar(canvas, party.ar, x1 - x0 - 10, 7.5))
    y += 96

    # Items.
    columns: list[tuple[str, str, float, Align]] = [
        ("#", "م", left + 3, "left"),
        ("Description", "الوصف", left + 18, "left"),
        ("Qty", "الكمية", 290.0, "right"),
        ("Unit Price", "سعر الوحدة", 342.0, "right"),
        ("Taxable Amount", "المبلغ الخاضع للضريبة", 404.0, "right"),
        ("VAT %", "نسبة الضريبة", 440.0, "right"),
        ("VAT Amount", "مبلغ الضريبة", 494.0, "right"),
        (f"Total ({cur})", "الإجمالي شامل الضريبة", right - 3, "right"),
    ]
    bilingual_rows = rng.random() < 0.5

    def header(top: float) -> float:
        canvas.box(left, top, right, top + 26, stroke=None, fill=PALE)
        for en, ar, x, align in columns:
            width = canvas.width_of(en, size=6.5, bold=True)
            centre = x + width / 2 if align == "left" else x - width / 2
            size = _fit_ar(canvas, ar, 52, 6.8)
            half = canvas.shaped_width(ar, size=size) / 2
            centre = min(centre, right - 2 - half)
            canvas.shaped(centre, top + 10, ar, size=size, align="center")
            canvas.text(x, top + 21, en, size=6.5, bold=True, align=align)
        return top + 26

    y = header(y)
    for index, (line, ar) in enumerate(zip(lines, arabic, strict=True), 1):
        height = 22.0 if bilingual_rows else 13.0
        if y + height > 770:
            canvas.text(right, 815, "Page 1 of 2 / continued", size=7, align="right", color=GREY)
            canvas.new_page()
            canvas.text(left, 46, seller.en, size=10, bold=True, color=accent)
            canvas.text(right, 46, f"{title_en} {number}", size=9, bold=True, align="right")
            canvas.text(right, 58, "Page 2 of 2", size=7, align="right", color=GREY)
            y = header(72.0)
        vat = money(line.amount * rate / 100)
        cells = [
            str(index),
            line.description,
            quantities.number(line.quantity),
            style.number(line.unit_price),
            style.number(line.amount),
            f"{rate}%",
            style.number(vat),
            style.number(line.amount + vat),
        ]
        for (_, _, x, align), cell in zip(columns, cells, strict=True):
            size = _fit(canvas, cell, 250 - left - 18, 7.2) if cell is line.description else 7.2
            canvas.text(x, y + 9.5, cell, size=size, align=align)
        if bilingual_rows:
            canvas.shaped(250, y + 19, ar, size=7, color=GREY)
        y += height
        canvas.line(left, y, right, y, width=0.3, color=GREY)
    y += 14

    # Totals: English | Arabic | amount.
    rows: list[tuple[str, str, str, bool]] = [
        (
            "Total (Excluding VAT)",
            "الإجمالي غير شامل ضريبة القيمة المضافة",
            style.number(subtotal),
            False,
        )
    ]
    if rng.random() < 0.5:
        rows.append(("Discount", "إجمالي الخصم", style.number(ZERO), False))
        rows.append(
            ("Total Taxable Amount", "الإجمالي الخاضع للضريبة", style.number(subtotal), False)
        )
    rows.append((f"Total VAT ({rate}%)", "مجموع ضريبة القيمة المضافة", style.number(tax), False))
    rows.append(("Total Amount Due", "إجمالي المبلغ المستحق", style.amount(total), True))
    advance = ZERO
    if rng.random() < 0.15:
        advance = money(total * Decimal(rng.choice(("0.3", "0.5"))))
        rows.append(("Advance Paid", "الدفعة المقدمة", style.number(advance), False))
        rows.append(("Balance Due", "الرصيد المستحق", style.amount(total - advance), False))
    tx = 290.0
    top = y
    for en, ar, value, strong in rows:
        if strong:
            canvas.box(tx, y - 10, right, y + 5, stroke=None, fill=PALE)
        canvas.text(tx + 4, y, en, size=_fit(canvas, en, 84, 7.5, strong), bold=strong)
        canvas.shaped(478, y + 0.5, ar, size=_fit_ar(canvas, ar, 98, 7.5, strong), bold=strong)
        canvas.text(
            right - 3, y, value, size=_fit(canvas, value, 76, 8, strong), bold=strong, align="right"
        )
        y += 15
    canvas.box(tx, top - 11, right, y - 10, width=0.5)

    # Words, bank and signatures on the left.
    units, cents = divmod(int(total * 100), 100)
    words = {"SAR": ("Saudi Riyals", "Halalas"), "AED": ("UAE Dirhams", "Fils")}[cur]
    text = (
        f"{words[0]} {en_words(units)}"
        + (f" and {cents:02d}/100 {words[1]}" if cents else "")
        + " Only"
    )
    wy = top
    canvas.text(left, wy, "Amount in words", size=7, bold=True)
    canvas.shaped(left + 250, wy, "المبلغ كتابة", size=7.5, bold=True)
    for row in _wrap(canvas, text, 240, 7):
        wy += 10
        canvas.text(left, wy, row, size=7)
    wy += 18
    bank = (
        rng.choice(("Al Rajhi Bank", "Saudi National Bank", "Riyad Bank"))
        if country == "SA"
        else rng.choice(("Emirates NBD", "ADCB", "Mashreq Bank"))
    )
    for label, value in (
        ("Bank", bank),
        ("Account Name", seller.en),
        ("IBAN", _iban(rng, country)),
    ):
        canvas.text(left, wy, label, size=7, color=GREY)
        canvas.text(left + 62, wy, value, size=_fit(canvas, value, 190, 7.2))
        wy += 10
    y = max(y, wy) + 30
    y = min(y, 770.0)
    for x0, en, ar in ((left, "Prepared by", "إعداد"), (mid + 40, "Received by", "المستلم")):
        canvas.line(x0, y, x0 + 150, y, width=0.4)
        canvas.text(x0, y + 10, en, size=7)
        canvas.shaped(x0 + 150, y + 10, ar, size=7.5)
    canvas.text(left, 818, "This is a computer generated invoice.", size=6.5, color=GREY)
    canvas.shaped(right, 818, "هذه فاتورة إلكترونية ولا تحتاج إلى توقيع", size=7, color=GREY)

    fields = truth_fields(
        number=number,
        issue=issue,
        due=due if due_printed else None,
        vendor=seller.en,
        total=total,
        subtotal=subtotal,
        tax=tax,
        currency=cur,
        lines=lines,
    )
    return Rendered(
        fields,
        "ar",
        "invoice",
        canvas.pdf(title=number),
        style,
        dates,
        quantities,
        (cur, cur_ar),
        image=_image(rng, 0.25),
    )


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


# ----------------------------------------------------------------------------- till


def _till(rng: random.Random) -> Rendered:
    country = choose(rng, [(3, "SA"), (2, "AE"), (2, "EG")])
    issue = _day(rng)
    width = RECEIPT_WIDTH
    family = rng.choice(("helv", "cour", "helv"))
    canvas = Canvas(width, 1400, family=family)
    centre, left, right = width / 2, 8.0, width - 8.0
    arabic_only = country == "EG"
    rate = {"SA": _sa_rate(issue), "AE": Decimal(5), "EG": Decimal(14)}[country]
    cur, marks = {
        "SA": ("SAR", ("SAR", "ر.س", "ريال")),
        "AE": ("AED", ("AED", "د.إ", "درهم")),
        "EG": ("EGP", ("EGP", "L.E", "ج.م", "جنيه")),
    }[country]
    style = MoneyStyle(",", ".", "L.E" if country == "EG" and rng.random() < 0.5 else cur)
    dates = DateStyle(rng.choice(("{yyyy}-{mm}-{dd}", "{dd}/{mm}/{yyyy}", "{dd}-{mm}-{yyyy}")))
    quantities = QuantityStyle(".")

    # The shop.
    pool: list[tuple[str, str, float, float]]  # English, Arabic, low and high price
    if arabic_only:
        core = rng.choice(EG_CORES)
        kind = rng.choice(("ماركت", "سوبر ماركت", "هايبر", "بقالة"))
        vendor = f"{kind} {core}"
        pool = [(name, "", low, high) for name, low, high in EG_TILL]
    else:
        core, core_ar = rng.choice(CORES)
        if rng.random() < 0.5:
            vendor, ar_name = f"{core} Restaurant", f"مطعم {core_ar}"
        else:
            vendor, ar_name = f"{core} Cafe", f"مقهى {core_ar}"
        pool = TILL_ITEMS[country]
    count = rng.randint(1, 7)
    picks = rng.sample(pool, count)
    lines = []
    arabic = []
    for en, ar, low, high in picks:
        unit = _price(rng, low, high)
        qty = Decimal(choose(rng, [(6, 1), (2, 2), (1, 3), (1, 4)]))
        lines.append(Line(en, qty, unit))
        arabic.append(ar)
    total = sum((line.amount for line in lines), ZERO)
    tax = inclusive_tax(total, rate)
    subtotal = total - tax

    y = 24.0
    if arabic_only:
        canvas.shaped(
            centre,
            y + 4,
            vendor,
            size=_fit_ar(canvas, vendor, 200, 15, True),
            bold=True,
            align="center",
        )
        y += 20
        street = rng.choice(EG_PLACES)
        address = f"{rng.randint(1, 120)} {street}".translate(INDIC)
        canvas.shaped(centre, y, address, size=_fit_ar(canvas, address, 205, 7.5), align="center")
        y += 12
        for label, value in (
            ("ت:", f"01{rng.choice('0125')}{_digits(rng, 8)}"),
            ("س.ت:", _digits(rng, 5)),
            ("ب.ض:", f"{_digits(rng, 3)}-{_digits(rng, 3)}-{_digits(rng, 3)}"),
        ):
            row = f"{label} {value.translate(INDIC)}"
            canvas.shaped(centre, y, row, size=7.5, align="center")
            y += 11
        title = rng.choice(("فاتورة", "فاتورة ضريبية مبسطة", "إيصال بيع"))
        canvas.shaped(centre, y + 6, title, size=11, bold=True, align="center")
        y += 20
    else:
        if rng.random() < 0.6:
            vendor = vendor.upper()
        canvas.text(
            centre, y, vendor, size=_fit(canvas, vendor, 205, 12, True), bold=True, align="center"
        )
        y += 15
        canvas.shaped(centre, y, ar_name, size=12, bold=True, align="center")
        y += 13
        branch = rng.choice(("Branch", "Br.")) + f" {rng.randint(1, 40):02d}"
        canvas.text(centre, y, branch, size=7, align="center")
        y += 10
        tax_id = _sa_vat(rng) if country == "SA" else f"100{_digits(rng, 12)}"
        label = "VAT No" if country == "SA" else "TRN"
        canvas.text(centre, y, f"{label}: {tax_id}", size=7.5, align="center")
        y += 11
        canvas.shaped(centre, y, "الرقم الضريبي", size=7.5, align="center")
        y += 11
        canvas.text(
            centre,
            y,
            f"Tel: {'+966 11' if country == 'SA' else '+971 4'} {_digits(rng, 3)} "
            f"{_digits(rng, 4)}",
            size=7,
            align="center",
        )
        y += 14
        if country == "SA":
            titles = ("Simplified Tax Invoice", "فاتورة ضريبية مبسطة")
        else:
            titles = ("Tax Invoice", "فاتورة ضريبية")
        canvas.shaped(centre, y, titles[1], size=10, bold=True, align="center")
        y += 12
        canvas.text(centre, y, titles[0], size=9, bold=True, align="center")
        y += 8
    canvas.line(left, y, right, y, width=0.5)
    y += 12

    number = (
        str(rng.randint(10000, 999999))
        if rng.random() < 0.6
        else f"{rng.randint(1, 9)}-{rng.randint(10000, 99999)}"
    )
    time = f"{rng.randint(8, 23):02d}:{rng.randint(0, 59):02d}"
    info: list[tuple[str, str, str]] = [
        ("Invoice No", number, "رقم الفاتورة"),
        ("Date", f"{dates.format(issue)} {time}", "التاريخ"),
        (
            "Cashier",
            rng.choice(("Ahmed", "Mohammed", "Sara", "Omar", "Fatima", "Khalid")),
            "الكاشير",
        ),
    ]
    if not arabic_only and rng.random() < 0.6:
        info.append(("Order No", str(rng.randint(1, 399)), "رقم الطلب"))
    if arabic_only:
        info[2] = ("", rng.choice(("أحمد", "محمد", "منى", "مصطفى", "هبة", "كريم")), "الكاشير")
    for en, value, ar in info:
        if not en:
            canvas.shaped(left, y, value, size=7.5, align="left")
        elif arabic_only:
            canvas.text(left, y, value, size=7.5)
        else:
            canvas.text(left, y, en, size=7)
            canvas.text(left + 52, y, value, size=7.5)
        canvas.shaped(right, y, ar, size=7.5)
        y += 11
    canvas.line(left, y - 4, right, y - 4, width=0.5)
    y += 6

    # Items.
    if arabic_only:
        canvas.shaped(right, y, "الصنف", size=7.5, bold=True)
        canvas.shaped(95, y, "الكمية", size=7.5, bold=True, align="center")
        canvas.shaped(60, y, "السعر", size=7.5, bold=True, align="center")
        canvas.shaped(left + 12, y, "القيمة", size=7.5, bold=True, align="center")
    else:
        canvas.text(left, y, "Item", size=7, bold=True)
        canvas.text(130, y, "Qty", size=7, bold=True, align="right")
        canvas.text(172, y, "Price", size=7, bold=True, align="right")
        canvas.text(right, y, "Total", size=7, bold=True, align="right")
    y += 12
    for line, ar in zip(lines, arabic, strict=True):
        if arabic_only:
            canvas.shaped(
                right, y, line.description, size=_fit_ar(canvas, line.description, 100, 8)
            )
            canvas.text(95, y, quantities.number(line.quantity), size=7.5, align="center")
            canvas.text(72, y, style.number(line.unit_price), size=7.5, align="right")
            canvas.text(left + 28, y, style.number(line.amount), size=7.5, align="right")
            y += 12
            continue
        canvas.text(left, y, line.description, size=_fit(canvas, line.description, 108, 7.5))
        canvas.text(130, y, quantities.number(line.quantity), size=7.5, align="right")
        canvas.text(172, y, style.number(line.unit_price), size=7.5, align="right")
        canvas.text(right, y, style.number(line.amount), size=7.5, align="right")
        y += 10
        if ar:
            canvas.shaped(right - 60, y, ar, size=7, color=GREY)
            y += 11
        else:
            y += 2
    canvas.line(left, y - 4, right, y - 4, width=0.5)
    y += 8

    # Totals.
    if arabic_only:
        rows = [
            ("الإجمالي قبل الضريبة", style.number(subtotal), False),
            (f"ضريبة القيمة المضافة {rate}%", style.number(tax), False),
            ("الإجمالي", style.amount(total), True),
        ]
        for ar, value, strong in rows:
            canvas.shaped(right, y, ar, size=9 if strong else 8, bold=strong)
            canvas.text(left, y, value, size=9.5 if strong else 8, bold=strong)
            y += 14 if strong else 12
    else:
        rows3 = [
            ("Total Excl. VAT", "الإجمالي غير شامل الضريبة", style.number(subtotal), False),
            (f"VAT {rate}%", "ضريبة القيمة المضافة", style.number(tax), False),
            ("Total", "الإجمالي", style.amount(total), True),
        ]
        for en, ar, value, strong in rows3:
            canvas.text(left, y, en, size=8 if strong else 7, bold=strong)
            canvas.shaped(
                140,
                y,
                ar,
                size=_fit_ar(canvas, ar, 70, 8 if strong else 7.5),
                bold=strong,
                align="right",
            )
            canvas.text(right, y, value, size=9 if strong else 7.5, bold=strong, align="right")
            y += 14 if strong else 11
    y += 4
    cash = rng.random() < 0.5
    if cash:
        step = Decimal(rng.choice((10, 50, 100)))
        tendered = ((total // step) + 1) * step
        pays = [("Cash", "نقدا", tendered), ("Change", "الباقي", tendered - total)]
    else:
        card = "mada" if country == "SA" else rng.choice(("VISA", "MASTERCARD"))
        pays = [(card.upper(), "شبكة" if country == "SA" else "بطاقة", total)]
    for en, ar, paid in pays:
        if not arabic_only:
            canvas.text(left, y, en, size=7)
        canvas.shaped(140 if not arabic_only else right, y, ar, size=7.5, align="right")
        canvas.text(
            right if not arabic_only else left,
            y,
            style.number(paid),
            size=7.5,
            align="right" if not arabic_only else "left",
        )
        y += 11
    if not cash:
        canvas.text(left, y, f"**** **** **** {_digits(rng, 4)}   AUTH {_digits(rng, 6)}", size=6.5)
        y += 11
    y += 6
    if country == "SA" and issue >= dt.date(2021, 12, 4):
        _qr(canvas, rng, centre - 40, y, 80)
        y += 92
    thanks = (
        "شكرا لزيارتكم"
        if not arabic_only
        else rng.choice(("شكرا لزيارتكم", "البضاعة المباعة لا ترد ولا تستبدل"))
    )
    canvas.shaped(centre, y, thanks, size=8, align="center")
    y += 11
    if not arabic_only:
        canvas.text(centre, y, "Thank you for your visit", size=7, align="center")
        y += 10
    canvas.height = y + 20

    fields = truth_fields(
        number=number,
        issue=issue,
        vendor=vendor,
        total=total,
        subtotal=subtotal,
        tax=tax,
        currency=cur,
        lines=lines,
    )
    return Rendered(
        fields,
        "ar",
        "receipt",
        canvas.pdf(title=number),
        style,
        dates,
        quantities,
        marks,
        prices_include_tax=True,
        image=_image(rng, 0.7),
    )


# ----------------------------------------------------------------------------- levant


def _levant(rng: random.Random) -> Rendered:
    country = choose(rng, [(3, "EG"), (2, "JO")])
    issue = _day(rng)
    canvas = Canvas(*A4, family=rng.choice(("helv", "tiro")))
    left, right = 36.0, 559.0
    accent = rng.choice(ACCENTS)
    eta = country == "EG" and issue >= dt.date(2021, 7, 1) and rng.random() < 0.6
    if country == "EG":
        rate, tax_name = Decimal(14), "ضريبة القيمة المضافة"
        cur, marks = "EGP", ("EGP", "ج.م", "جنيه")
        style: MoneyStyle = MoneyStyle(",", ".", rng.choice(("EGP", "EGP", "L.E")))
        words = ("جنيه", "قرش")
    else:
        rate, tax_name = Decimal(16), "ضريبة المبيعات العامة"
        cur, marks = "JOD", ("JOD", "د.أ", "دينار")
        style = Fils(",", ".", "JOD")
        words = ("دينار", "فلس")
    dates = DateStyle(
        "{yyyy}-{mm}-{dd}" if eta else rng.choice(("{dd}/{mm}/{yyyy}", "{d}/{m}/{yyyy}"))
    )
    quantities: QuantityStyle = QuantityStyle(".") if rng.random() < 0.6 else FixedQuantity(".", 2)

    core = rng.choice(EG_CORES if country == "EG" else JO_CORES)
    activity, activity_en, sector = rng.choice(LEVANT_ACTIVITIES)
    form = (
        rng.choice(("ش.م.م", "ش.م.م", "ش.ذ.م.م"))
        if country == "EG"
        else rng.choice(("ذ.م.م", "ذ.م.م", ""))
    )
    vendor_ar = (
        f"{'شركة' if form or rng.random() < 0.5 else 'مؤسسة'} {core} {activity} {form}".strip()
    )
    vendor_en = ""
    if rng.random() < 0.45:
        suffix = "Co." if country == "JO" else "S.A.E." if form == "ش.م.م" else "LLC"
        vendor_en = f"{LATIN_OF[core]} {activity_en} {suffix}"
    buyer_core = rng.choice([c for c in (EG_CORES if country == "EG" else JO_CORES) if c != core])
    buyer = f"شركة {buyer_core} {rng.choice(LEVANT_ACTIVITIES)[0]}"
    places = EG_PLACES if country == "EG" else JO_PLACES
    tax_id_label = "رقم التسجيل الضريبي" if country == "EG" else "الرقم الضريبي"
    tax_id = (
        f"{_digits(rng, 3)}-{_digits(rng, 3)}-{_digits(rng, 3)}"
        if country == "EG"
        else _digits(rng, 8)
    )
    buyer_tax = (
        f"{_digits(rng, 3)}-{_digits(rng, 3)}-{_digits(rng, 3)}"
        if country == "EG"
        else _digits(rng, 8)
    )

    pool = AR_ITEMS[sector]
    count = rng.randint(1, min(7, len(pool)))
    lines = []
    units = []
    scale = 1.0 if country == "EG" else 0.1
    for description, unit, low, high in rng.sample(pool, count):
        unit_price = _price(rng, low, high, scale=scale)
        lines.append(
            Line(description, _quantity(rng, unit_price / Decimal(str(scale))), unit_price)
        )
        units.append(unit)
    subtotal = sum((line.amount for line in lines), ZERO)
    tax = money(subtotal * rate / 100)
    total = subtotal + tax

    # Letterhead: Arabic on the right, English or a logo on the left.
    y = 50.0
    canvas.shaped(
        right, y, vendor_ar, size=_fit_ar(canvas, vendor_ar, 260, 15, True), bold=True, color=accent
    )
    place = f"{rng.randint(1, 140)} {rng.choice(places)}"
    if country == "EG" and rng.random() < 0.5:
        place = place.translate(INDIC)
    canvas.shaped(right, y + 16, place, size=8.5)
    canvas.shaped(right, y + 29, tax_id_label, size=8.5)
    canvas.text(
        right - canvas.shaped_width(tax_id_label, size=8.5) - 6,
        y + 28,
        tax_id,
        size=8,
        align="right",
    )
    canvas.shaped(right, y + 42, "سجل تجاري", size=8.5)
    canvas.text(
        right - canvas.shaped_width("سجل تجاري", size=8.5) - 6,
        y + 41,
        _digits(rng, 6),
        size=8,
        align="right",
    )
    if vendor_en:
        canvas.text(
            left, y, vendor_en, size=_fit(canvas, vendor_en, 220, 11, True), bold=True, color=accent
        )
        canvas.text(left, y + 13, "Cairo, Egypt" if country == "EG" else "Amman, Jordan", size=7.5)
        phone = (
            f"+20 2 {_digits(rng, 4)} {_digits(rng, 4)}"
            if country == "EG"
            else f"+962 6 {_digits(rng, 3)} {_digits(rng, 4)}"
        )
        canvas.text(left, y + 23, f"Tel: {phone}", size=7.5)
    else:
        canvas.box(left, y - 16, left + 60, y + 20, stroke=accent, width=1.2)
        canvas.shaped(left + 30, y + 6, core, size=12, bold=True, color=accent, align="center")
    canvas.line(left, y + 52, right, y + 52, width=1, color=accent)

    # Title and the info block.
    y += 78
    title = (
        "فاتورة ضريبية"
        if country == "EG" or rng.random() < 0.5
        else rng.choice(("فاتورة مبيعات", "فاتورة مبيعات آجلة"))
    )
    canvas.shaped(297, y, title, size=16, bold=True, align="center")
    if rng.random() < 0.4:
        canvas.text(297, y + 14, "TAX INVOICE", size=8, align="center", color=GREY)
    y += 30
    number = rng.choice(
        (
            str(rng.randint(100, 9999)),
            f"{issue.year}/{rng.randint(1, 9999):04d}",
            f"INV-{rng.randint(1, 99999):05d}",
        )
    )
    due = issue + dt.timedelta(days=rng.choice((15, 30, 45, 60)))
    due_printed = not eta and rng.random() < 0.45
    info: list[tuple[str, str]] = [("الرقم الداخلي" if eta else "رقم الفاتورة", number)]
    if eta:
        uuid = "".join(rng.choice("0123456789ABCDEF") for _ in range(64))
        stamp = f"{dates.format(issue)} {rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}"
        sent = issue + dt.timedelta(days=rng.choice((0, 0, 1, 2)))
        info += [
            ("تاريخ الإصدار", stamp),
            (
                "تاريخ التقديم",
                f"{dates.format(sent)} {rng.randint(8, 23):02d}:{rng.randint(0, 59):02d}",
            ),
            ("نوع المستند", "I"),
        ]
    else:
        info.append(("التاريخ", dates.format(issue)))
        if due_printed:
            info.append(("تاريخ الاستحقاق", dates.format(due)))
    payment = rng.choice(("نقدي", "آجل", "تحويل بنكي", "شيك"))
    top = y
    for label, value in info:
        canvas.shaped(right, y, label, size=9, bold=True)
        canvas.text(right - 90, y, value, size=9, align="right")
        y += 14
    canvas.shaped(right, y, "طريقة الدفع", size=9, bold=True)
    canvas.shaped(right - 90, y, payment, size=9)
    y += 14
    if eta:
        canvas.text(right, y + 2, f"UUID: {uuid}", size=6, align="right", color=GREY)
        y += 12
    by = top
    canvas.shaped(300, by, "السادة:", size=9, bold=True)
    canvas.shaped(255, by, buyer, size=_fit_ar(canvas, buyer, 210, 9))
    by += 14
    canvas.shaped(300, by, "الرقم الضريبي:", size=9)
    canvas.text(240, by, buyer_tax, size=8.5, align="right")
    by += 14
    canvas.shaped(300, by, "العنوان:", size=9)
    canvas.shaped(255, by, rng.choice(places), size=_fit_ar(canvas, rng.choice(places), 210, 8.5))
    y = max(y, by) + 16

    # The right-to-left table: cells from the right.
    cells = [
        (right, 530.0),
        (530.0, 300.0),
        (300.0, 252.0),
        (252.0, 196.0),
        (196.0, 118.0),
        (118.0, left),
    ]
    heads = ["م", "البيان", "الوحدة", "الكمية", "سعر الوحدة", "القيمة"]
    canvas.box(left, y, right, y + 18, stroke=None, fill=PALE)
    for (x1, x0), head in zip(cells, heads, strict=True):
        canvas.shaped((x0 + x1) / 2, y + 12.5, head, size=8.5, bold=True, align="center")
    body_top = y
    y += 18
    row_h = 16.0
    for index, (line, unit) in enumerate(zip(lines, units, strict=True), 1):
        y += row_h
        canvas.text(544.5, y - 5, str(index), size=8, align="center")
        canvas.shaped(
            526, y - 4.5, line.description, size=_fit_ar(canvas, line.description, 220, 9)
        )
        canvas.shaped(276, y - 4.5, unit, size=8, align="center")
        canvas.text(248, y - 5, quantities.number(line.quantity), size=8.5, align="right")
        canvas.text(192, y - 5, style.number(line.unit_price), size=8.5, align="right")
        canvas.text(114, y - 5, style.number(line.amount), size=8.5, align="right")
        canvas.line(left, y, right, y, width=0.3, color=GREY)
    y += row_h * max(0, rng.choice((2, 4, 6)) - len(lines))
    canvas.box(left, body_top, right, y, width=0.6)
    for x, _ in cells[1:]:
        canvas.line(x, body_top, x, y, width=0.4)
    y += 18

    # Totals under the amount columns, the label on the right of its amount.
    rows: list[tuple[str, str, bool]] = [("الإجمالي قبل الضريبة", style.number(subtotal), False)]
    if rng.random() < 0.5:
        rows.append(("الخصم", style.number(ZERO), False))
    rows.append((f"{tax_name} {rate}%", style.number(tax), False))
    rows.append(("الإجمالي", style.amount(total), True))
    withholding = ZERO
    if country == "EG" and rng.random() < 0.3:
        withholding = money(subtotal / 100)
        rows.append(("ضريبة الخصم والإضافة 1%", style.number(withholding), False))
        rows.append(("صافي المستحق", style.number(total - withholding), False))
    top = y
    for label, value, strong in rows:
        if strong:
            canvas.box(left, y - 11, 300, y + 5, stroke=None, fill=PALE)
        canvas.shaped(296, y, label, size=_fit_ar(canvas, label, 150, 9, strong), bold=strong)
        canvas.text(114, y, value, size=9.5 if strong else 9, bold=strong, align="right")
        y += 16
    canvas.box(left, top - 12, 300, y - 11, width=0.5)

    # Words, bank and signatures.
    y += 10
    whole, frac = divmod(int(total * 100), 100)
    said = f"فقط {style.number(total)} {words[0]} لا غير"
    canvas.shaped(right, y, said, size=9)
    y += 22
    bank = (
        rng.choice(("البنك الأهلي المصري", "بنك مصر", "البنك التجاري الدولي"))
        if country == "EG"
        else rng.choice(("البنك العربي", "بنك الإسكان", "البنك الأردني الكويتي"))
    )
    canvas.shaped(right, y, bank, size=8.5)
    canvas.text(right - 150, y, _iban(rng, country), size=8, align="right")
    y += 40
    for x, label in ((right, "المحاسب"), (390.0, "المدير المالي"), (200.0, "المستلم")):
        canvas.shaped(x, y, label, size=9, bold=True)
        canvas.line(x - 110, y + 22, x, y + 22, width=0.4)
    if eta:
        canvas.text(
            297, 812, "Egyptian Tax Authority - E-Invoice", size=6.5, align="center", color=GREY
        )
    del whole, frac

    fields = truth_fields(
        number=number,
        issue=issue,
        due=due if due_printed else None,
        vendor=vendor_en or vendor_ar,
        total=total,
        subtotal=subtotal,
        tax=tax,
        currency=cur,
        lines=lines,
    )
    return Rendered(
        fields,
        "ar",
        "invoice",
        canvas.pdf(title=number),
        style,
        dates,
        quantities,
        marks,
        image=_image(rng, 0.4),
    )


# ----------------------------------------------------------------------------- maghreb


def _maghreb(rng: random.Random) -> Rendered:
    issue = _day(rng)
    canvas = Canvas(*A4, family=rng.choice(("helv", "helv", "tiro")))
    left, right = 40.0, 555.0
    accent = rng.choice(ACCENTS)
    symbol = rng.choice(("DH", "MAD", "Dhs"))
    style = MoneyStyle(rng.choice((" ", " ", ".")), ",", symbol, symbol_after=True)
    dates = DateStyle(rng.choice(("{dd}/{mm}/{yyyy}", "{dd}/{mm}/{yyyy}", "{dd}-{mm}-{yyyy}")))
    quantities: QuantityStyle = FixedQuantity(",", 2) if rng.random() < 0.6 else QuantityStyle(",")
    word, activity_ar, sector = rng.choice(MA_ACTIVITIES)
    name = rng.choice(MA_NAMES)
    form = rng.choice(("SARL", "SARL AU", "SA", "SARL"))
    vendor = rng.choice(
        (
            f"STE {name} {word} {form}",
            f"{name} {word} {form}",
            f"Société {name.title()} {word.title()} {form}",
        )
    )
    arabic_core = rng.choice(("الأطلس", "المغرب", "الصحراء", "أنفا", "سوس"))
    arabic = f"شركة {arabic_core} {activity_ar.split()[-1]}"
    city = rng.choice(MA_CITIES)
    ice = f"00{_digits(rng, 13)}"
    client_trade = rng.choice(("DISTRIBUTION", "IMMOBILIER", "TRANSPORT", "INDUSTRIE"))
    client_name = rng.choice([n for n in MA_NAMES if n != name])
    client = f"STE {client_name} {client_trade} {rng.choice(('SARL', 'SA'))}"

    pool = FR_ITEMS[sector]
    lines: list[Line] = []
    for description, _unit, low, high in rng.sample(pool, rng.randint(1, len(pool))):
        unit_price = _price(rng, low, high)
        lines.append(Line(description, _quantity(rng, unit_price / 10), unit_price, _unit))
    mixed = sector == "fr_supplies" and rng.random() < 0.3
    rates = [Decimal(rng.choice((20, 20, 10, 14))) if mixed else Decimal(20) for _ in lines]
    groups: dict[Decimal, Decimal] = {}
    for line, rate in zip(lines, rates, strict=True):
        groups[rate] = groups.get(rate, ZERO) + line.amount
    taxes = {rate: money(base * rate / 100) for rate, base in sorted(groups.items())}
    subtotal = sum((line.amount for line in lines), ZERO)
    tax = sum(taxes.values(), ZERO)
    total = subtotal + tax
    number = rng.choice(
        (
            f"FA-{issue.year}-{rng.randint(1, 999):04d}",
            f"F{issue.year % 100:02d}/{rng.randint(1, 9999):04d}",
            f"{issue.year}/{rng.randint(1, 999):03d}",
            str(rng.randint(1000, 9999)),
        )
    )
    due = issue + dt.timedelta(days=rng.choice((30, 60, 90)))
    due_printed = rng.random() < 0.4

    # Header.
    y = 52.0
    canvas.text(left, y, vendor, size=_fit(canvas, vendor, 300, 15, True), bold=True, color=accent)
    if rng.random() < 0.6:
        canvas.shaped(right, y, arabic, size=14, bold=True, color=accent)
    rows = [
        {
            "fr_build": "Travaux divers - Bâtiment",
            "fr_it": "Matériel et services informatiques",
        }.get(sector, "Négoce - Fournitures"),
        f"{rng.randint(1, 250)}, {rng.choice(MA_STREETS)}, {city}",
        f"Tél : 05 {rng.randint(20, 39)} {_digits(rng, 2)} {_digits(rng, 2)} {_digits(rng, 2)}"
        f"  -  Email : contact@{name.lower()}.ma",
    ]
    for row in rows:
        y += 12
        canvas.text(left, y, row, size=8)
    y += 34
    canvas.text(left, y, "FACTURE", size=20, bold=True)
    if rng.random() < 0.7:
        canvas.shaped(
            left + canvas.width_of("FACTURE", size=20, bold=True) + 12,
            y,
            "فاتورة",
            size=16,
            bold=True,
            align="left",
        )
    info = [("N° :", number), ("Date :", dates.format(issue))]
    if due_printed:
        info.append(("Échéance :", dates.format(due)))
    if rng.random() < 0.5:
        info.append(("Bon de commande :", f"BC-{rng.randint(100, 9999)}"))
    if rng.random() < 0.5:
        info.append(
            (
                "BL N° :",
                f"{rng.randint(100, 9999)} du "
                f"{dates.format(issue - dt.timedelta(days=rng.randint(1, 9)))}",
            )
        )
    iy = y + 18
    for label, value in info:
        canvas.text(left, iy, label, size=9, bold=True)
        canvas.text(left + 92, iy, value, size=9)
        iy += 13
    bx = 320.0
    canvas.box(bx, y - 14, right, y + 58, width=0.6)
    canvas.text(bx + 8, y, "Client :", size=8.5, color=GREY)
    canvas.text(
        bx + 8, y + 14, client, size=_fit(canvas, client, right - bx - 16, 10, True), bold=True
    )
    canvas.text(bx + 8, y + 28, f"{rng.choice(MA_CITIES)}", size=8.5)
    canvas.text(bx + 8, y + 42, f"ICE : 00{_digits(rng, 13)}", size=8.5)
    y = max(iy, y + 58) + 18

    # Table.
    with_rates = mixed
    cols: list[tuple[str, float, Align]] = [
        ("Désignation", left + 4, "left"),
        ("Qté", 330.0, "right"),
        ("P.U. HT", 400.0, "right"),
    ]
    if with_rates:
        cols.append(("TVA", 440.0, "right"))
    cols.append(("Montant HT", right - 4, "right"))
    canvas.box(left, y, right, y + 16, stroke=None, fill=accent)
    for label, x, align in cols:
        canvas.text(x, y + 11, label, size=8.5, bold=True, align=align, color=(1, 1, 1))
    top = y
    y += 16
    for line, rate in zip(lines, rates, strict=True):
        y += 15
        cells = [line.description, quantities.number(line.quantity), style.number(line.unit_price)]
        if with_rates:
            cells.append(f"{rate} %")
        cells.append(style.number(line.amount))
        for (_, x, align), cell in zip(cols, cells, strict=True):
            size = _fit(canvas, cell, 330 - left - 50, 8.5) if cell is line.description else 8.5
            canvas.text(x, y - 4, cell, size=size, align=align)
    y += 15 * max(0, 8 - len(lines))
    canvas.box(left, top, right, y + 4, width=0.6)
    for x in [290.0] + [x + 6 for _, x, _ in cols[1:-1]]:
        canvas.line(x, top, x, y + 4, width=0.3)
    y += 22

    # Totals.
    rows3: list[tuple[str, str, bool]] = [("Total HT", style.amount(subtotal), False)]
    for rate, rate_tax in taxes.items():
        rows3.append((f"TVA {rate} %", style.number(rate_tax), False))
    if len(taxes) > 1:
        rows3.append(("Total TVA", style.number(tax), False))
    rows3.append(("Total TTC", style.amount(total), True))
    advance = ZERO
    if rng.random() < 0.15:
        advance = money(total * Decimal("0.3"))
        rows3.append(("Acompte versé", style.number(advance), False))
        rows3.append(("Reste à payer", style.amount(total - advance), False))
    tx = 360.0
    for label, value, strong in rows3:
        if strong:
            canvas.box(tx - 4, y - 11, right, y + 5, stroke=None, fill=PALE)
        canvas.text(tx, y, label, size=9.5 if strong else 9, bold=strong)
        canvas.text(right - 4, y, value, size=9.5 if strong else 9, bold=strong, align="right")
        y += 16
    y += 12
    units, cents = divmod(int(total * 100), 100)
    words = (
        f"Arrêtée la présente facture à la somme de : {fr_words(units)} dirhams"
        + (f" et {fr_words(cents)} centimes" if cents else "")
        + " TTC."
    )
    for row in _wrap(canvas, words[0].upper() + words[1:], right - left, 8.5):
        canvas.text(left, y, row, size=8.5)
        y += 11
    y += 10
    canvas.text(
        left,
        y,
        rng.choice(
            (
                "Mode de règlement : Virement bancaire",
                "Mode de règlement : Chèque",
                "Mode de règlement : Effet à 60 jours",
            )
        ),
        size=8.5,
    )
    canvas.text(right - 120, y + 20, "Cachet et signature", size=8.5, align="center")

    # Legal footer.
    rib = f"{_digits(rng, 3)} {_digits(rng, 3)} {_digits(rng, 16)} {_digits(rng, 2)}"
    footer = [
        f"RC : {city} {rng.randint(10000, 599999)} - Patente : {_digits(rng, 8)} - "
        f"IF : {_digits(rng, 8)} - CNSS : {_digits(rng, 7)}",
        f"ICE : {ice} - RIB : {rib} ({rng.choice(MA_BANKS)})",
    ]
    canvas.line(left, 792, right, 792, width=0.4)
    for offset, row in enumerate(footer):
        canvas.text(
            297,
            804 + offset * 10,
            row,
            size=_fit(canvas, row, right - left, 7),
            align="center",
            color=GREY,
        )

    fields = truth_fields(
        number=number,
        issue=issue,
        due=due if due_printed else None,
        vendor=vendor,
        total=total,
        subtotal=subtotal,
        tax=tax,
        currency="MAD",
        lines=lines,
    )
    return Rendered(
        fields,
        "fr",
        "invoice",
        canvas.pdf(title=number),
        style,
        dates,
        quantities,
        ("DH", "MAD", "Dhs", "dirhams"),
        image=_image(rng, 0.35),
    )


# ----------------------------------------------------------------------------- israel


def _israel(rng: random.Random) -> Rendered:
    issue = _day(rng)
    rate = _il_rate(issue)
    canvas = Canvas(*A4, family="noto")
    left, right = 40.0, 555.0
    accent = rng.choice(ACCENTS)
    mark = rng.choice(("₪", "₪", 'ש"ח'))
    after = mark != "₪" or rng.random() < 0.5
    style = MoneyStyle(",", ".", mark, symbol_after=after, symbol_space=after or rng.random() < 0.5)
    dates = DateStyle(
        rng.choice(("{dd}/{mm}/{yyyy}", "{dd}/{mm}/{yyyy}", "{dd}.{mm}.{yyyy}", "{d}/{m}/{yyyy}"))
    )
    quantities = QuantityStyle(".")
    trade, sector = rng.choice(HE_TRADES)
    surname = rng.choice(HE_SURNAMES)
    shape = rng.randrange(3)
    vendor = [
        f'{surname} {trade} בע"מ',
        f"{rng.choice(HE_FIRST)} {surname} - {trade}",
        f'{surname} ובניו {trade} בע"מ',
    ][shape]
    company = shape != 1
    receipt = rng.random() < 0.45
    title = rng.choice(("חשבונית מס קבלה", "חשבונית מס / קבלה")) if receipt else "חשבונית מס"
    number = str(rng.randint(1001, 99999))
    client = (
        f'{rng.choice(HE_SURNAMES)} {rng.choice(("סחר", "השקעות", "נכסים", "טכנולוגיות"))} בע"מ'
    )

    pool = HE_ITEMS[sector]
    lines = []
    for description, low, high in rng.sample(pool, rng.randint(1, min(5, len(pool)))):
        unit_price = _price(rng, low, high)
        lines.append(Line(description, Decimal(rng.choice((1, 1, 1, 2, 3, 4, 5, 10))), unit_price))
    subtotal = sum((line.amount for line in lines), ZERO)
    tax = money(subtotal * rate / 100)
    total = subtotal + tax
    due = issue + dt.timedelta(days=rng.choice((30, 30, 45, 60)))
    due_printed = not receipt and rng.random() < 0.5

    def money_text(x: float, y: float, value: str, *, size: float = 9, bold: bool = False) -> None:
        """An amount right-aligned at x; the Hebrew `ש"ח` after it goes through shaping."""
        if value.endswith('ש"ח'):
            x -= canvas.shaped(x, y, 'ש"ח', size=size, bold=bold) + 3
            value = value[: -len('ש"ח')].strip()
        canvas.text(x, y, value, size=size, bold=bold, align="right")

    # Header, right to left.
    y = 54.0
    canvas.shaped(
        right, y, vendor, size=_fit_ar(canvas, vendor, 300, 17, True), bold=True, color=accent
    )
    id_label = "ח.פ." if company else "עוסק מורשה"
    business = _digits(rng, 9)
    if company:
        business = f"51{business[2:]}"
    canvas.shaped(right, y + 17, id_label, size=9)
    canvas.text(
        right - canvas.shaped_width(id_label, size=9) - 5, y + 16.5, business, size=9, align="right"
    )
    street = f"{rng.choice(HE_STREETS)} {rng.randint(1, 120)}, {rng.choice(HE_CITIES)}"
    canvas.shaped(right, y + 30, street, size=9)
    canvas.shaped(right, y + 43, "טלפון", size=9)
    canvas.text(
        right - canvas.shaped_width("טלפון", size=9) - 5,
        y + 42.5,
        f"0{rng.choice('23489')}-{_digits(rng, 7)}",
        size=9,
        align="right",
    )
    canvas.shaped(
        left + 50,
        y - 4,
        rng.choice(("מקור", "העתק", "העתק נאמן למקור")),
        size=10,
        bold=True,
        align="center",
        color=GREY,
    )
    canvas.line(left, y + 54, right, y + 54, width=1, color=accent)

    y += 86
    title_width = canvas.shaped_width(title, size=17, bold=True)
    no_width = canvas.shaped_width("מס'", size=14, bold=True)
    block = title_width + 10 + no_width + 6 + canvas.width_of(number, size=15, bold=True)
    x = 297 + block / 2
    canvas.shaped(x, y, title, size=17, bold=True)
    canvas.shaped(x - title_width - 10, y, "מס'", size=14, bold=True)
    canvas.text(x - title_width - 16 - no_width, y, number, size=15, bold=True, align="right")
    y += 30
    top = y
    info: list[tuple[str, str]] = [("תאריך:", dates.format(issue))]
    if due_printed:
        info.append(("לתשלום עד:", dates.format(due)))
    elif not receipt:
        info.append(("תנאי תשלום:", ""))
    if (issue >= dt.date(2024, 5, 5) and subtotal > 20000) or (
        issue >= dt.date(2025, 1, 1) and rng.random() < 0.6
    ):
        info.append(("מספר הקצאה:", _digits(rng, 9)))
    for label, value in info:
        canvas.shaped(right, y, label, size=9.5, bold=True)
        if value:
            canvas.text(right - 80, y, value, size=9.5, align="right")
        else:
            canvas.shaped(right - 80, y, rng.choice(("שוטף + 30", "שוטף + 60", "מזומן")), size=9.5)
        y += 14
    cy = top
    canvas.shaped(300, cy, "לכבוד:", size=9.5, bold=True)
    canvas.shaped(255, cy, client, size=_fit_ar(canvas, client, 200, 9.5))
    cy += 14
    canvas.shaped(300, cy, "ח.פ.", size=9.5)
    canvas.text(255, cy, f"51{_digits(rng, 7)}", size=9.5, align="right")
    y = max(y, cy) + 22

    # Table.
    heads = [("#", 548.0), ("תיאור", 520.0), ("כמות", 250.0), ("מחיר ליח'", 185.0), ('סה"כ', 100.0)]
    canvas.box(left, y - 12, right, y + 6, stroke=None, fill=PALE)
    for head, x in heads:
        canvas.shaped(x, y, head, size=9, bold=True, align="right" if head != "#" else "center")
    y += 6
    for index, line in enumerate(lines, 1):
        y += 17
        canvas.text(548, y - 5, str(index), size=9, align="center")
        canvas.shaped(
            520, y - 5, line.description, size=_fit_ar(canvas, line.description, 250, 9.5)
        )
        canvas.text(250, y - 5, quantities.number(line.quantity), size=9.5, align="right")
        canvas.text(185, y - 5, style.number(line.unit_price), size=9.5, align="right")
        canvas.text(100, y - 5, style.number(line.amount), size=9.5, align="right")
        canvas.line(left, y, right, y, width=0.3, color=GREY)
    y += 24

    # Totals on the left.
    rows: list[tuple[str, str, bool]] = [('סה"כ לפני מע"מ', style.number(subtotal), False)]
    if rng.random() < 0.4:
        rows.append(("הנחה", style.number(ZERO), False))
    rows.append((f'מע"מ {rate}%', style.number(tax), False))
    rows.append(('סה"כ לתשלום', style.amount(total), True))
    top = y
    for label, value, strong in rows:
        if strong:
            canvas.box(left, y - 12, 260, y + 5, stroke=None, fill=PALE)
        canvas.shaped(255, y, label, size=10 if strong else 9.5, bold=strong)
        money_text(112, y, value, size=10.5 if strong else 9.5, bold=strong)
        y += 17
    canvas.box(left, top - 13, 260, y - 12, width=0.5)
    y += 18

    # The receipt part: how it was paid.
    if receipt:
        withholding = (
            money(subtotal * Decimal(rng.choice(("0.02", "0.05")))) if rng.random() < 0.3 else ZERO
        )
        canvas.shaped(right, y, "פרטי תשלום", size=10.5, bold=True)
        y += 18
        pay_heads = [("אמצעי תשלום", 550.0), ("פרטים", 440.0), ("תאריך", 230.0), ("סכום", 110.0)]
        for head, x in pay_heads:
            canvas.shaped(x, y, head, size=9, bold=True)
        canvas.line(left, y + 4, right, y + 4, width=0.5)
        y += 18
        method = rng.choice(("העברה בנקאית", "צ'ק", "כרטיס אשראי"))
        if method == "צ'ק":
            detail = (
                f"בנק {rng.randint(10, 31)} סניף {rng.randint(100, 999)} חשבון {_digits(rng, 6)}"
            )
            when = issue + dt.timedelta(days=rng.choice((0, 30, 60)))
        elif method == "כרטיס אשראי":
            detail = f"ויזה {_digits(rng, 4)} תשלומים {rng.choice((1, 3, 6))}"
            when = issue
        else:
            detail = f"אסמכתא {_digits(rng, 7)}"
            when = issue
        canvas.shaped(550, y, method, size=9)
        canvas.shaped(440, y, detail, size=_fit_ar(canvas, detail, 190, 9))
        canvas.text(230, y, dates.format(when), size=9, align="right")
        money_text(110, y, style.number(total - withholding))
        y += 16
        if withholding:
            canvas.shaped(550, y, "ניכוי במקור", size=9)
            money_text(110, y, style.number(withholding))
            y += 16
        canvas.line(left, y - 4, right, y - 4, width=0.5)
        y += 10
        canvas.shaped(550, y, 'סה"כ שולם', size=9.5, bold=True)
        money_text(110, y, style.amount(total - withholding), bold=True)
        y += 24
    service = rng.choice(("חשבונית ירוקה", "iCount", "EZcount", "רווחית", "חשבשבת"))
    canvas.shaped(297, 800, f"המסמך הופק באמצעות {service}", size=7.5, align="center", color=GREY)
    canvas.shaped(297, 812, "מסמך ממוחשב חתום דיגיטלית", size=7.5, align="center", color=GREY)

    fields = truth_fields(
        number=number,
        issue=issue,
        due=due if due_printed else None,
        vendor=vendor,
        total=total,
        subtotal=subtotal,
        tax=tax,
        currency="ILS",
        lines=lines,
    )
    return Rendered(
        fields,
        "he",
        "receipt" if receipt else "invoice",
        canvas.pdf(title=number),
        style,
        dates,
        quantities,
        ("₪", 'ש"ח', "ILS"),
        image=_image(rng, 0.2),
    )


FAMILIES = {
    "gulf": _gulf,
    "till": _till,
    "levant": _levant,
    "maghreb": _maghreb,
    "israel": _israel,
}


def build(rng: random.Random) -> Rendered:
    family = choose(
        rng, [(3, "gulf"), (2.5, "till"), (2.5, "levant"), (1.5, "maghreb"), (1.5, "israel")]
    )
    return FAMILIES[family](rng)
