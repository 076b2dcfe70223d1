"""`hu-ro-szamla`: Hungarian számlák and Romanian facturi, as the invoicing programs, online
invoicing services and the pre-printed forms of the two countries print them.

Hungarian invoices are in forints (`127 000 Ft`, whole forints; some programs print `127 000,00
Ft` or `127.000 Ft`) or in euros with the VAT restated in forints at the MNB rate, as the law asks
of a foreign-currency invoice. Every one carries the seller (`Eladó` / `Szállító`) and the buyer
(`Vevő`) with their `Adószám` (`12345678-2-42`: the 8-digit core with its check digit, the VAT
code, the NAV directorate), the seller's `Bankszámlaszám` (`11773016-01234567-00000000`, each block
with its check digit) and often its `Cégjegyzékszám` (`01-09-123456`) and EU VAT number; three
dates (`Számla kelte` or `Kelt`, the tax point `Teljesítés dátuma`, and `Fizetési határidő`) with
`Fizetési mód: átutalás`; ÁFA at 27 %, 18 % (accommodation, dairy) and 5 % (meat, books,
restaurant meals), or `AAM` for the sole trader who is exempt (`alanyi adómentes`).

Romanian invoices are in lei (`1.234,56 lei`, `RON`) or in euros with the `Curs BNR`; the
`Furnizor` and the `Cumpărător` / `Client` with their `CIF` / `CUI` (`RO12345678`, check digit by
the 753217532 key), `Nr. Reg. Com.` (`J40/1234/2019`), bank and `IBAN` (check digits computed);
`Seria ... nr. ...`, `Data emiterii`, `Data scadenței`; TVA at 19 %, 9 % (food, accommodation) and
5 % (books), and 21 % / 11 % on invoices issued from August 2025.

Five layouts.

- `hu-online` (a Számlázz.hu- or Billingo-like online invoicing service): `Számla` large, the number
  (`E-KOVAC-2024-57`), `Eladó` / `Vevő` under grey bands, a strip of four cells `Fizetési mód /
  Teljesítés dátuma / Számla kelte / Fizetési határidő`, an optional `Megjegyzés` with the order
  number, the item table `Megnevezés / Menny. / Me. / Nettó egységár / Nettó érték / ÁFA / ÁFA
  érték / Bruttó érték`, an `ÁFA kulcs / Nettó / ÁFA / Bruttó` summary ending in `Összesen`, a large
  `Fizetendő` and the NAV Online Számla note with its transaction id. Paid in cash or by card, the
  deadline is the issue date again.
- `hu-erp` (a desktop ERP print in ruled boxes, sometimes printed and scanned): the seller as a
  letterhead with every registration number, a `SZÁMLA` box with `Sorszám` and `Eredeti példány`,
  the buyer box with a `Vevőkód` beside a delivery address, a row of six cells `Teljesítés kelte /
  Számla kelte / Fizetési határidő / Fizetés módja / Rendelésszám / Szállítólevél`, a
  `Cikkszám / Megnevezés / VTSZ/SZJ / Menny. / Me. / Egységár / Nettó érték / ÁFA %` grid, a totals
  box (`Nettó összesen / ÁFA összesen / Bruttó összesen`), the amount in words (`azaz
  százhuszonhétezer forint`), and signatures. Service, transport and hotel firms' invoices are
  often in euros, with the forint VAT (`Az áthárított ÁFA összege forintban`) and the MNB rate in a
  box of their own.
- `hu-brand` (a designer template of a small firm): a coloured band with the trade name in
  capitals, `Számla sorszáma` and label-value dates on the right, `Szállító` / `Vevő`, a zebra
  table, right-aligned totals (`Nettó összeg`, `ÁFA 27%` per rate, `ÁFA összesen` when rates mix,
  `Bruttó végösszeg`) and, on half of them, the total in euros for information at the MNB rate.
  Sole traders (`e.v.`) who are exempt print `AAM` and `ÁFA összesen: 0 Ft`.
- `ro-tipizat` (the classic pre-printed Romanian invoice form, filled by a program or a printer,
  a third scanned): `Furnizor` block (name, `Nr. ord. reg. com./an`, `C.I.F.`, `Sediul`, `Județul`,
  `Capital social`, `Cod IBAN`, `Banca`), the centre box `FACTURĂ`, `Seria CJX nr. 0457`, `Data
  (ziua, luna, anul)`, `Nr. aviz însoțire a mărfii`, `Cota T.V.A.`, the `Cumpărător` block, the
  numbered-column grid (`Nr. crt. / Denumirea produselor sau a serviciilor / U.M. / Cantitatea /
  Prețul unitar (fără T.V.A.) -lei- / Valoarea -lei- / Valoarea T.V.A. -lei-`, `0 1 2 3 4 5(3x4) 6`)
  padded with empty rows, and the foot: signature and stamp, `Date privind expediția` (the
  delegate's ID card series and number, the vehicle, the date and hour of dispatch), `Total`,
  `Semnătura de primire`, `Total de plată (col. 5 + col. 6)`.
- `ro-online` (a SmartBill- or Oblio-like online service): the seller as a letterhead, `FACTURĂ`
  with the series and number on rows of their own (`Seria: SBV`, `Nr.: 0123`) or joined (`Nr.
  factură: SBV0123`), `Data emiterii`, `Data scadenței` and sometimes `Data livrării`, a tinted
  `Client` / `Cumpărător` box, a table with `Cota TVA` and `Valoare TVA` per line, `Total fără TVA
  / TVA / Total de plată`. Service, transport and hotel firms' invoices are often in euros, with
  `Curs BNR 1 EUR = 4,9743 lei` and the total and VAT repeated in lei; some lei invoices say the
  prices were computed at the BNR rate; `TVA la încasare`, the art. 319 no-signature note and the
  SPV upload index in the footer; a due date only as `Termen de plată: 30 zile` on some.

Truth rules. The invoice number is what the page gives as the invoice's number: where the form
prints the series and the number apart (`Seria CJX nr. 0457`, `Seria:` / `Nr.:` rows) the number
alone (`0457`), as `el-timologio` keeps it; where the print joins them (`SBV0123`,
`E-KOVAC-2024-57`) the whole code.
The vendor is the legal name in the seller's block (not the trade name in the band). The invoice
date is `Számla kelte` / `Kelt` / `Data emiterii` / `Data (ziua, luna, anul)`, never the tax point
or delivery date; the due date only where a date is printed (`Termen de plată: 15 zile` is not one).
The amounts are the invoice currency's: for a euro invoice, never the forint VAT or the lei totals.
An AAM invoice keeps a tax of 0.00.

Decoys and awkward parts: both parties' tax numbers, EU VAT numbers, registration numbers,
account numbers and IBANs; the `Teljesítés dátuma` (the tax point, the issue date or a few days
earlier), the `Data livrării`, the dispatch date and hour, the BNR or MNB rate date, an accounting
month in the item text (`Könyvelési díj – 2024. február`); order, delivery note and aviz numbers
shaped like the invoice number, the customer code, the product codes and the VTSZ/SZJ tariff
numbers, the delegate's ID card number, the NAV transaction id and the SPV upload index; the VAT
and gross column beside the net one, the `Bruttó érték` of each line, the forint VAT of a euro
invoice, the lei totals of a euro invoice and the euro total of a forint one; `Cota T.V.A. 19%`
and the VAT summary rows. Dates are `2024.03.05.`, `2024. 03. 05.` or `2024. március 5.` in
Hungarian (year first, never ambiguous), `05.03.2024` or `05/03/2024` in Romanian (day first, a
third ambiguous).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from bench.synth.canvas import A4, Canvas, Color
from bench.synth.common import choose
from bench.synth.document import Line, Rendered, pick_dates, truth_fields
from bench.synth.formats import DateStyle, FixedQuantity, MoneyStyle, QuantityStyle, money

Lang = Literal["hu", "ro"]
Align = Literal["left", "right", "center"]
Rate = Decimal | None
"""A VAT rate in percent; None is the Hungarian `AAM` (the seller is exempt)."""

BLACK: Color = (0, 0, 0)
GREY: Color = (0.38, 0.38, 0.38)
BAND: Color = (0.88, 0.88, 0.88)
PALE: Color = (0.95, 0.95, 0.95)
ACCENTS: list[Color] = [
    (0.09, 0.32, 0.55),
    (0.62, 0.16, 0.2),
    (0.1, 0.45, 0.36),
    (0.36, 0.25, 0.55),
    (0.8, 0.42, 0.06),
]

# Printing conventions.


def _grouped(digits: str, separator: str) -> str:
    if not separator:
        return digits
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return separator.join(parts)


@dataclass(frozen=True)
class WholeMoney(MoneyStyle):
    """Forints as most Hungarian programs print them: whole, no decimal part (`127 000`)."""

    def number(self, value: Decimal) -> str:
        whole = int(money(value).to_integral_value(rounding=ROUND_HALF_UP))
        text = _grouped(str(abs(whole)), self.thousands)
        return text if whole >= 0 else f"-{text}"


MONTH_NAMES = {
    "hu": "január február március április május június július augusztus szeptember október "
    "november december",
    "ro": "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie "
    "noiembrie decembrie",
}


@dataclass(frozen=True)
class LocalDate(DateStyle):
    """A date with Hungarian or Romanian month names (`2024. március 5.`, `5 martie 2024`)."""

    def month_name(self, month: int) -> str:
        return MONTH_NAMES[self.language].split()[month - 1]


def _hu_below_thousand(value: int, *, compound: bool) -> str:
    ones = ["", "egy", "kettő", "három", "négy", "öt", "hat", "hét", "nyolc", "kilenc"]
    joined = ["", "egy", "két", "három", "négy", "öt", "hat", "hét", "nyolc", "kilenc"]
    alone = ["", "tíz", "húsz", "harminc", "negyven", "ötven", "hatvan", "hetven", "nyolcvan"]
    alone.append("kilencven")
    prefix = ["", "tizen", "huszon", *alone[3:]]
    hundreds, rest = divmod(value, 100)
    tens, unit = divmod(rest, 10)
    text = ""
    if hundreds:
        text += ("" if hundreds == 1 else joined[hundreds]) + "száz"
    if tens:
        text += alone[tens] if unit == 0 else prefix[tens]
    if unit:
        text += (joined if compound else ones)[unit]
    return text


def hu_words(value: int) -> str:
    """A forint amount in Hungarian words: one word up to 2000, hyphens between the thousands
    groups above it (`huszonhétezer-kilencszáznegyven`)."""
    if value == 0:
        return "nulla"
    millions, rest = divmod(value, 1_000_000)
    thousands, units = divmod(rest, 1000)
    parts = []
    if millions:
        parts.append(_hu_below_thousand(millions, compound=True) + "millió")
    if thousands:
        lone = thousands == 1 and not millions
        parts.append(("" if lone else _hu_below_thousand(thousands, compound=True)) + "ezer")
    if units:
        parts.append(_hu_below_thousand(units, compound=False))
    return "-".join(parts) if value > 2000 else "".join(parts)


# Registration numbers, with their real check digits.


def _digits(rng: random.Random, count: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(count))


def _weighted_check(body: str) -> str:
    """The 9-7-3-1 check digit of Hungarian tax numbers and account number blocks."""
    weights = (9, 7, 3, 1)
    total = sum(int(d) * weights[i % 4] for i, d in enumerate(body))
    return str((10 - total % 10) % 10)


def hu_tax_number(rng: random.Random, vat_code: str, area: int) -> str:
    core = str(rng.randint(1, 3)) + _digits(rng, 6)
    return f"{core}{_weighted_check(core)}-{vat_code}-{area:02d}"


def hu_account(rng: random.Random, bank: str, *, long: bool) -> str:
    first = bank + _digits(rng, 7 - len(bank))
    second = _digits(rng, 7)
    blocks = [first + _weighted_check(first), second + _weighted_check(second)]
    if long:
        third = _digits(rng, 7)
        blocks.append("00000000" if rng.random() < 0.6 else third + _weighted_check(third))
    return "-".join(blocks)


def _iban_check(country: str, bban: str) -> str:
    text = bban + country + "00"
    numeric = "".join(str(int(ch, 36)) for ch in text)
    return f"{98 - int(numeric) % 97:02d}"


def hu_iban(account: str) -> str:
    bban = account.replace("-", "").ljust(24, "0")
    return f"HU{_iban_check('HU', bban)}{bban}"


def ro_iban(rng: random.Random, bank: str) -> str:
    if bank == "BTRL":
        body = "RONCRT" + _digits(rng, 4) + rng.choice("ABCDEFGH") + _digits(rng, 5)
    elif bank == "TREZ":
        body = _digits(rng, 3) + "5069XXX" + _digits(rng, 6)
    else:
        body = {
            "RNCB": "00" + _digits(rng, 14),
            "BRDE": _digits(rng, 3) + "SV" + _digits(rng, 11),
            "CECE": "B" + _digits(rng, 5) + "RON" + _digits(rng, 7),
            "BACX": "0000000" + _digits(rng, 9),
        }.get(bank, "0000" + _digits(rng, 12))
    return f"RO{_iban_check('RO', bank + body)}{bank}{body}"


def spaced(iban: str) -> str:
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))


def ro_cif(rng: random.Random) -> str:
    """A Romanian fiscal code: 6 to 9 digits and the control digit by the 753217532 key."""
    body = str(rng.randint(10**5, 4 * 10**7))
    key = "753217532"
    padded = body.rjust(9, "0")
    total = sum(int(a) * int(b) for a, b in zip(padded, key, strict=True))
    control = total * 10 % 11
    return body + str(0 if control == 10 else control)


# People, firms and places.


def _words(text: str) -> list[str]:
    return text.split()


HU_SURNAMES = _words(
    "Nagy Kovács Tóth Szabó Horváth Varga Kiss Molnár Németh Farkas Balogh Papp Takács Juhász "
    "Mészáros Oláh Simon Rácz Fekete Szűcs Fehér Bíró Sipos Lengyel Vörös Pintér Szőke Kőszegi "
    "Gulyás Vadász Bodnár Csizmadia Hegedűs Török"
)
HU_FIRST = _words(
    "László István Zoltán Gábor Péter Attila Csaba Győző Ödön Tamás Erzsébet Katalin Ildikó "
    "Zsuzsanna Tünde Ágnes Éva Krisztina Judit Anikó"
)
HU_PLACES = _words(
    "Dunamenti Tiszai Alföldi Bakonyi Mátrai Pannon Mecsek Balatoni Zempléni Őrségi Kőrösi "
    "Rábaközi Hajdúsági Vértesi Börzsönyi Jászsági"
)
HU_CITIES: list[tuple[str, str, int]] = [
    # (postcode, city, NAV directorate / court code)
    ("1134", "Budapest", 41),
    ("1117", "Budapest", 43),
    ("1095", "Budapest", 43),
    ("1051", "Budapest", 41),
    ("1148", "Budapest", 42),
    ("1211", "Budapest", 44),
    ("4025", "Debrecen", 9),
    ("6720", "Szeged", 6),
    ("7621", "Pécs", 2),
    ("9021", "Győr", 8),
    ("3525", "Miskolc", 5),
    ("8000", "Székesfehérvár", 7),
    ("6000", "Kecskemét", 3),
    ("2800", "Tatabánya", 11),
    ("9700", "Szombathely", 18),
    ("5000", "Szolnok", 16),
    ("8200", "Veszprém", 19),
    ("2040", "Budaörs", 13),
    ("2600", "Vác", 13),
    ("4400", "Nyíregyháza", 15),
]
HU_STREETS = [
    "Váci út",
    "Kossuth Lajos utca",
    "Petőfi Sándor u.",
    "Rákóczi út",
    "Széchenyi tér",
    "Bartók Béla út",
    "Dózsa György út",
    "Fő utca",
    "Ady Endre u.",
    "Jókai Mór utca",
    "Hunyadi János út",
    "Gyár utca",
    "Ipari park",
    "Szőlőskert u.",
    "Kőrösi Csoma Sándor út",
    "Árpád fejedelem útja",
    "Üllői út",
]
HU_BANKS = [
    ("OTP Bank Nyrt.", "117"),
    ("K&H Bank Zrt.", "104"),
    ("Erste Bank Hungary Zrt.", "116"),
    ("Raiffeisen Bank Zrt.", "120"),
    ("UniCredit Bank Hungary Zrt.", "109"),
    ("CIB Bank Zrt.", "107"),
    ("MBH Bank Nyrt.", "103"),
]

RO_SURNAMES = _words(
    "Popescu Ionescu Popa Dumitru Stan Stoica Gheorghe Matei Ciobanu Rusu Munteanu Constantin "
    "Mihai Marin Tudor Dinu Florea Nistor Lazăr Vasilescu Țurcanu Ștefănescu Văduva Bălan "
    "Preda Neagu Moldovan Pușcaș"
)
RO_FIRST = _words(
    "Andrei Ioana Mihai Elena Bogdan Alexandra Cristian Ștefan Răzvan Oana Mircea Gheorghița "
    "Ionuț Cătălina Adrian Florin"
)
RO_WORDS = _words(
    "Carpați Dunărea Transilvania Bucovina Moldova Olt Mureș Someș Delta Argeș Ceahlău Bihor "
    "Prahova Crișana Bârsa Siret Vlăsia Făget"
)
RO_CITIES: list[tuple[str, str, str, int]] = [
    # (city, county as printed, postcode prefix, Reg. Com. county number)
    ("București", "Sector 1", "011", 40),
    ("București", "Sector 2", "021", 40),
    ("București", "Sector 3", "031", 40),
    ("București", "Sector 6", "061", 40),
    ("Cluj-Napoca", "Cluj", "400", 12),
    ("Timișoara", "Timiș", "300", 35),
    ("Iași", "Iași", "700", 22),
    ("Constanța", "Constanța", "900", 13),
    ("Brașov", "Brașov", "500", 8),
    ("Sibiu", "Sibiu", "550", 32),
    ("Oradea", "Bihor", "410", 5),
    ("Ploiești", "Prahova", "100", 29),
    ("Craiova", "Dolj", "200", 16),
    ("Pitești", "Argeș", "110", 3),
    ("Suceava", "Suceava", "720", 33),
    ("Târgu Mureș", "Mureș", "540", 26),
]
RO_STREETS = [
    "Str. Mihai Eminescu",
    "Bd. Unirii",
    "Calea Victoriei",
    "Str. Avram Iancu",
    "Șos. Pantelimon",
    "Str. Ștefan cel Mare",
    "Bd. Tudor Vladimirescu",
    "Str. Republicii",
    "Str. Memorandumului",
    "Calea Dorobanților",
    "Str. Fabricii",
    "Bd. Independenței",
    "Str. Zăvoiului",
    "Aleea Teiului",
]
RO_BANKS = [
    ("Banca Transilvania", "BTRL"),
    ("BRD - Groupe Société Générale", "BRDE"),
    ("Banca Comercială Română", "RNCB"),
    ("ING Bank N.V.", "INGB"),
    ("Raiffeisen Bank", "RZBR"),
    ("CEC Bank", "CECE"),
    ("UniCredit Bank", "BACX"),
]


@dataclass(frozen=True)
class Item:
    text: str
    unit: str
    low: float
    high: float
    rate: Literal["std", "mid", "low"] = "std"
    hourly: bool = False


@dataclass(frozen=True)
class Trade:
    words: tuple[str, ...]
    short: str
    items: tuple[Item, ...]


HU_TRADES = [
    Trade(
        ("Informatikai", "Számítástechnikai", "IT Szolgáltató"),
        "Soft",
        (
            Item("Rendszergazdai szolgáltatás", "óra", 9000, 18000, hourly=True),
            Item("Üzemeltetési díj – {period}", "hó", 45000, 180000),
            Item("Laptop Lenovo ThinkPad E14 G5", "db", 290000, 420000),
            Item("Toner HP CF259X", "db", 28000, 69000),
            Item("Microsoft 365 Business Standard", "licenc", 4500, 5400),
            Item("Webtárhely (12 hónap)", "db", 18000, 96000),
            Item("Hálózati szerelés", "óra", 8000, 14000, hourly=True),
            Item("Kiszállási díj", "alkalom", 5000, 15000),
        ),
    ),
    Trade(
        ("Könyvelő", "Könyvviteli", "Adótanácsadó"),
        "Konto",
        (
            Item("Könyvelési díj – {period}", "hó", 25000, 150000),
            Item("Bérszámfejtés", "fő", 3500, 8000),
            Item("Éves beszámoló készítése", "db", 60000, 250000),
            Item("ÁFA-bevallás elkészítése", "db", 8000, 20000),
            Item("Adótanácsadás", "óra", 12000, 30000, hourly=True),
        ),
    ),
    Trade(
        ("Építőanyag Kereskedelmi", "Tüzép", "Építőipari"),
        "Bau",
        (
            Item("Betonacél B500B Ø12 mm", "kg", 380, 520),
            Item("Gipszkarton 12,5 mm 1200×2000", "tábla", 2600, 3900),
            Item("Csemperagasztó flexibilis 25 kg", "zsák", 4500, 9900),
            Item("Portlandcement CEM II 25 kg", "zsák", 2200, 3600),
            Item("Falazóelem 30 cm", "db", 1400, 2400),
            Item("Zsalukő 20×50×25", "db", 450, 780),
            Item("Szállítási díj", "fuvar", 8000, 35000),
        ),
    ),
    Trade(
        ("Fuvarozó", "Logisztikai", "Szállítmányozási"),
        "Trans",
        (
            Item("Belföldi fuvardíj Budapest–Győr", "fuvar", 45000, 140000),
            Item("Belföldi fuvardíj Szeged–Kecskemét", "fuvar", 38000, 98000),
            Item("Rakodás, anyagmozgatás", "óra", 6000, 12000, hourly=True),
            Item("Várakozási díj", "óra", 5000, 9000, hourly=True),
            Item("Raklapcsere (EUR raklap)", "db", 3500, 6000),
        ),
    ),
    Trade(
        ("Élelmiszer-nagykereskedelmi", "Élelmiszer Kereskedelmi"),
        "Food",
        (
            Item("Trappista sajt", "kg", 2800, 4200, "mid"),
            Item("Sertéskaraj, csont nélkül", "kg", 2200, 3600, "low"),
            Item("Csirkemellfilé", "kg", 1900, 2900, "low"),
            Item("Tej 2,8% 1 l", "l", 320, 480, "low"),
            Item("Ásványvíz szénsavas 1,5 l", "karton", 1200, 2400),
            Item("Kávé, szemes 1 kg", "csomag", 5500, 9800),
            Item("Tejföl 20% 330 g", "db", 420, 690, "mid"),
        ),
    ),
    Trade(
        ("Szálloda", "Vendéglátó", "Turisztikai"),
        "Hotel",
        (
            Item("Szállásszolgáltatás – kétágyas szoba", "éj", 22000, 48000, "mid"),
            Item("Szállásszolgáltatás – egyágyas szoba", "éj", 18000, 36000, "mid"),
            Item("Éttermi menü", "adag", 2500, 5500, "low"),
            Item("Konferenciaterem bérlet", "nap", 60000, 250000),
            Item("Parkolás", "nap", 2000, 5000),
        ),
    ),
    Trade(
        ("Könyvkiadó", "Könyvkereskedelmi"),
        "Book",
        (
            Item("Számviteli kézikönyv", "db", 6900, 14900, "low"),
            Item("Munkajogi kommentár", "db", 8900, 18900, "low"),
            Item("Irodaszer csomag", "csomag", 3000, 12000),
            Item("Asztali naptár", "db", 1500, 3900),
        ),
    ),
]

RO_TRADES = [
    Trade(
        ("Soft", "IT Solutions", "Computers"),
        "IT",
        (
            Item("Servicii mentenanță IT", "ore", 120, 300, hourly=True),
            Item("Abonament suport tehnic {period}", "luna", 450, 2500),
            Item("Licență antivirus 1 an", "buc", 89, 260),
            Item("Laptop Dell Latitude 5440", "buc", 3900, 6400),
            Item("Cartuș toner HP 59X", "buc", 380, 890),
            Item("Monitor LED 27 inch", "buc", 850, 1900),
            Item("Găzduire web anuală", "an", 240, 990),
        ),
    ),
    Trade(
        ("Expert Contabil", "Consulting", "Audit"),
        "CONT",
        (
            Item("Servicii contabilitate {period}", "luna", 500, 3500),
            Item("Întocmire bilanț contabil", "serv.", 800, 4000),
            Item("Servicii salarizare", "pers.", 40, 90),
            Item("Depunere declarații fiscale", "buc", 50, 200),
            Item("Consultanță fiscală", "ore", 150, 400, hourly=True),
        ),
    ),
    Trade(
        ("Construct", "Materiale de Construcții", "Instal"),
        "CONS",
        (
            Item("Ciment Portland CEM II 40 kg", "sac", 28, 42),
            Item("BCA 600x250x200 mm", "buc", 9, 14),
            Item("Oțel beton PC52 Ø10", "kg", 4.2, 6.8),
            Item("Plasă sudată 100x100x4", "buc", 45, 95),
            Item("Adeziv gresie flexibil 25 kg", "sac", 35, 80),
            Item("Transport materiale", "cursă", 150, 600),
            Item("Manoperă zidărie", "mp", 45, 120),
        ),
    ),
    Trade(
        ("Distribuție", "Prod Com", "Food"),
        "DIST",
        (
            Item("Pâine albă feliată 500 g", "buc", 3.2, 6.5, "mid"),
            Item("Lapte UHT 3,5% 1 l", "buc", 5.5, 9.9, "mid"),
            Item("Ulei floarea-soarelui 1 l", "buc", 7.5, 12, "mid"),
            Item("Făină albă 000 1 kg", "buc", 3.5, 6.5, "mid"),
            Item("Detergent rufe 3 l", "buc", 25, 55),
            Item("Hârtie igienică 10 role", "bax", 18, 35),
        ),
    ),
    Trade(
        ("Trans", "Logistic", "Transport Internațional"),
        "TRS",
        (
            Item("Transport marfă București – Cluj-Napoca", "cursă", 1800, 4200),
            Item("Transport marfă Constanța – Brașov", "cursă", 1500, 3800),
            Item("Manipulare marfă", "palet", 25, 60),
            Item("Taxă staționare", "ore", 60, 120, hourly=True),
        ),
    ),
    Trade(
        ("Turism", "Hotel", "Resort"),
        "HTL",
        (
            Item("Cazare cameră dublă", "noapte", 250, 600, "mid"),
            Item("Cazare cameră single", "noapte", 200, 450, "mid"),
            Item("Mic dejun", "pers.", 35, 70, "mid"),
            Item("Închiriere sală conferință", "zi", 800, 2500),
            Item("Parcare", "zi", 20, 50),
        ),
    ),
    Trade(
        ("Print", "Books", "Media"),
        "CRT",
        (
            Item("Carte: Contabilitate practică", "buc", 49, 149, "low"),
            Item("Carte: Codul fiscal comentat", "buc", 89, 229, "low"),
            Item("Rechizite birou (set)", "set", 25, 120),
            Item("Agendă datată A5", "buc", 19, 65),
        ),
    ),
]

EURO_TRADES = ("Soft", "Trans", "Hotel", "IT", "CONT", "TRS", "HTL")
"""Trades that bill foreign or large clients in euros (services, transport, hotels)."""

EURO_RATES: dict[str, dict[int, tuple[float, float]]] = {
    "HUF": {2022: (380, 430), 2023: (372, 400), 2024: (385, 410), 2025: (396, 415)},
    "RON": {2022: (4.90, 4.95), 2023: (4.92, 4.98), 2024: (4.96, 4.98), 2025: (4.97, 5.10)},
}


def euro_rate(rng: random.Random, currency: str, day: dt.date) -> Decimal:
    """An MNB (2 decimals) or BNR (4 decimals) euro rate of about that year's level."""
    low, high = EURO_RATES[currency].get(day.year, EURO_RATES[currency][2025])
    places = "0.01" if currency == "HUF" else "0.0001"
    return Decimal(str(rng.uniform(low, high))).quantize(Decimal(places))


HU_FORMS = ["Kft.", "Kft.", "Kft.", "Zrt.", "Bt."]
RO_FORMS = ["SRL", "SRL", "S.R.L.", "S.R.L.", "S.A."]


@dataclass
class Party:
    name: str
    street: str
    city: str
    postcode: str
    tax_id: str
    eu_tax_id: str = ""
    reg_no: str = ""
    bank: str = ""
    account: str = ""
    iban: str = ""
    county: str = ""
    email: str = ""
    phone: str = ""
    capital: str = ""
    brand: str = ""


def _ascii(text: str) -> str:
    table = str.maketrans("áéíóöőúüűÁÉÍÓÖŐÚÜŰăâîșțĂÂÎȘȚ", "aeiooouuuAEIOOOUUUaaistAAIST")
    return text.translate(table)


def _hu_party(rng: random.Random, trade: Trade, *, seller: bool, sole: bool = False) -> Party:
    surname = rng.choice(HU_SURNAMES)
    if sole:
        name = f"{surname} {rng.choice(HU_FIRST)} e.v."
        brand = surname.upper()
    else:
        word = rng.choice(trade.words)
        pattern = choose(rng, [(3, 0), (1, 1), (2, 2), (2, 3)])
        form = rng.choice(HU_FORMS)
        if pattern == 0:
            place = rng.choice(HU_PLACES)
            name = f"{place} {word} {form}"
            brand = place.upper()
        elif pattern == 1:
            name = f"{surname} és Társa {word} {'Bt.' if form == 'Bt.' else 'Kft.'}"
            brand = f"{surname.upper()} & TÁRSA"
        elif pattern == 2:
            name = f"{surname}-{trade.short} {form}"
            brand = f"{_ascii(surname).upper()}{trade.short.upper()}"
        else:
            place = rng.choice(HU_PLACES)
            name = f"{place}-{trade.short} {word} és Szolgáltató {form}"
            brand = f"{place.upper()}-{trade.short.upper()}"
    postcode, city, area = rng.choice(HU_CITIES)
    street = f"{rng.choice(HU_STREETS)} {rng.randint(1, 148)}{rng.choice(('', '', '/A', '/B'))}."
    vat_code = rng.choice("112") if sole and seller else rng.choice("2222223")
    tax_id = hu_tax_number(rng, vat_code, area)
    party = Party(name, street, city, postcode, tax_id, brand=brand)
    if not sole:
        form_code = {"Kft.": "09", "Zrt.": "10", "Bt.": "06"}.get(name.rsplit(" ", 1)[-1], "09")
        court = 1 if city == "Budapest" else area
        party.reg_no = f"{court:02d}-{form_code}-{rng.randint(60000, 999999):06d}"
        party.eu_tax_id = "HU" + tax_id[:8]
    bank, prefix = rng.choice(HU_BANKS)
    party.bank = bank
    party.account = hu_account(rng, prefix, long=rng.random() < 0.5)
    party.iban = hu_iban(party.account)
    local = _ascii(surname).lower() if sole else rng.choice(("info", "iroda", "szamlazas"))
    domain = _ascii(brand).lower().replace(" & ", "").replace(" ", "").replace("-", "")
    party.email = f"{local}@{domain}.hu"
    area_code = "1" if city == "Budapest" else str(rng.randint(22, 99))
    party.phone = f"+36 {area_code} {_digits(rng, 3)} {_digits(rng, 4 if area_code == '1' else 3)}"
    return party


def _ro_party(rng: random.Random, trade: Trade, *, seller: bool) -> Party:
    surname = rng.choice(RO_SURNAMES)
    pattern = rng.randint(0, 4)
    word = rng.choice(trade.words)
    form = rng.choice(RO_FORMS)
    if pattern == 0:
        name = f"{rng.choice(RO_WORDS)} {word} {form}"
    elif pattern == 1:
        name = f"SC {rng.choice(RO_WORDS).upper()} {word.upper()} SRL"
    elif pattern == 2:
        name = f"{surname} {word} {form}"
    elif pattern == 3:
        name = f"{surname.upper()} {trade.short} {form}"
    else:
        name = f"{rng.choice(RO_WORDS)} {trade.short} Group {form}"
    city, county, prefix, reg = rng.choice(RO_CITIES)
    street = f"{rng.choice(RO_STREETS)} nr. {rng.randint(1, 210)}"
    if rng.random() < 0.35:
        street += f", bl. {rng.choice('ABCDM')}{rng.randint(1, 12)}, ap. {rng.randint(1, 80)}"
    postcode = prefix + _digits(rng, 3)
    year = rng.randint(1995, 2022)
    bank, code = rng.choice(RO_BANKS)
    party = Party(
        name,
        street,
        city,
        postcode,
        "RO" + ro_cif(rng) if seller or rng.random() < 0.8 else ro_cif(rng),
        reg_no=f"J{reg:02d}/{rng.randint(12, 24000)}/{year}",
        bank=bank,
        iban=ro_iban(rng, code),
        county=county,
        capital=f"{rng.choice((200, 200, 1000, 5000, 45000, 100000)):,}".replace(",", ".") + " lei",
    )
    domain = _ascii(name.removeprefix("SC ").split()[0]).lower()
    party.email = f"{rng.choice(('office', 'contact', 'facturare'))}@{domain}.ro"
    party.phone = f"07{rng.randint(20, 89)} {_digits(rng, 3)} {_digits(rng, 3)}"
    return party


# The sale.


@dataclass
class Sale:
    lines: list[Line]
    rates: list[Rate]
    line_tax: list[Decimal]
    subtotal: Decimal
    tax: Decimal
    total: Decimal

    def groups(self) -> list[tuple[Rate, Decimal, Decimal]]:
        """Base and tax per rate, highest rate first; the exempt (`AAM`) group last."""
        bases: dict[Rate, list[Decimal]] = {}
        for line, rate, tax in zip(self.lines, self.rates, self.line_tax, strict=True):
            base, taxed = bases.setdefault(rate, [Decimal(0), Decimal(0)])
            bases[rate] = [base + line.amount, taxed + tax]
        order = sorted(bases, key=lambda r: -1 if r is None else -r)
        ordered = [r for r in order if r is not None] + [r for r in order if r is None]
        return [(rate, bases[rate][0], bases[rate][1]) for rate in ordered]

    @property
    def mixed(self) -> bool:
        return len(set(self.rates)) > 1


def _period(lang: Lang, issue: dt.date) -> str:
    last = issue.replace(day=1) - dt.timedelta(days=1)
    month = MONTH_NAMES[lang].split()[last.month - 1]
    return f"{last.year}. {month}" if lang == "hu" else f"{month} {last.year}"


def _rates(lang: Lang, issue: dt.date) -> dict[str, Decimal]:
    if lang == "hu":
        return {"std": Decimal(27), "mid": Decimal(18), "low": Decimal(5)}
    if issue >= dt.date(2025, 8, 1):
        return {"std": Decimal(21), "mid": Decimal(11), "low": Decimal(11)}
    return {"std": Decimal(19), "mid": Decimal(9), "low": Decimal(5)}


def _sale(
    rng: random.Random,
    lang: Lang,
    trade: Trade,
    issue: dt.date,
    *,
    whole: bool,
    rate_to_eur: Decimal | None = None,
    exempt: bool = False,
    count: int | None = None,
    single_rate: bool = False,
) -> Sale:
    """Lines priced in forints (whole when `whole`), lei, or euros (`rate_to_eur`: forints or lei
    per euro, the catalogue price converted); the VAT per line rounded to the currency's unit."""
    count = count or rng.choice((1, 2, 2, 3, 3, 4, 5, 6, 7))
    pool = list(trade.items)
    if single_rate:
        kind = rng.choice(pool).rate
        pool = [item for item in pool if item.rate == kind]
    picks = rng.sample(pool, min(count, len(pool)))
    rates = _rates(lang, issue)
    unit = Decimal(1) if whole else Decimal("0.01")
    lines: list[Line] = []
    line_rates: list[Rate] = []
    for item in picks:
        base = rng.uniform(item.low, item.high)
        if item.hourly:
            qty = Decimal(rng.choice(("0.5", "1", "1.5", "2", "2.5", "3", "4", "6", "8", "12")))
        elif item.unit in ("hó", "luna", "an"):
            qty = Decimal(rng.choice((1, 1, 1, 1, 2, 3)))
        elif item.unit in ("kg", "zsák", "sac", "buc", "db", "l") and item.high < 1000:
            qty = Decimal(rng.choice((10, 20, 24, 25, 40, 48, 50, 60, 100, 120, 250, 480)))
        else:
            qty = Decimal(rng.choice((1, 1, 1, 2, 2, 3, 4, 5, 6, 10, 12)))
        if rate_to_eur is not None:
            price = (Decimal(str(base)) / rate_to_eur).quantize(Decimal("0.01"))
        elif whole:
            step = 10 if base < 5000 else 100 if base < 100000 else 1000
            price = Decimal(int(base / step) * step)
        else:
            price = Decimal(str(round(base, 2)))
            if rng.random() < 0.4:
                price = Decimal(int(base))
        price = max(price, Decimal("0.05"))
        text = item.text.format(period=_period(lang, issue))
        lines.append(Line(text, qty, price, item.unit))
        line_rates.append(None if exempt else rates[item.rate])
    line_tax = [
        Decimal(0)
        if rate is None
        else (line.amount * rate / 100).quantize(unit, rounding=ROUND_HALF_UP)
        for line, rate in zip(lines, line_rates, strict=True)
    ]
    subtotal = sum((line.amount for line in lines), Decimal(0))
    tax = sum(line_tax, Decimal(0))
    return Sale(lines, line_rates, line_tax, subtotal, tax, subtotal + tax)


# Drawing helpers.


def _fit(canvas: Canvas, text: str, width: float, size: float, *, bold: bool = False) -> float:
    while size > 5 and canvas.width_of(text, size=size, bold=bold) > width:
        size -= 0.25
    return size


def _put(
    canvas: Canvas,
    x0: float,
    x1: float,
    y: float,
    text: str,
    *,
    size: float,
    bold: bool = False,
    align: Align = "left",
    color: Color = BLACK,
    pad: float = 3,
) -> None:
    """Text inside the cell from x0 to x1, shrunk to fit."""
    fitted = _fit(canvas, text, x1 - x0 - 2 * pad, size, bold=bold)
    x = {"left": x0 + pad, "right": x1 - pad, "center": (x0 + x1) / 2}[align]
    canvas.text(x, y, text, size=fitted, bold=bold, align=align, color=color)


@dataclass(frozen=True)
class Col:
    header: str
    """Header text; `\\n` splits it over lines."""
    x0: float
    x1: float
    align: Align = "right"


def _grid(
    canvas: Canvas,
    top: float,
    cols: Sequence[Col],
    rows: Sequence[Sequence[str]],
    *,
    size: float,
    row_height: float = 14,
    header_size: float | None = None,
    header_fill: Color | None = BAND,
    header_color: Color = BLACK,
    vertical: bool = True,
    horizontal: bool = True,
    zebra: bool = False,
    numbers: bool = False,
    blank_rows: int = 0,
) -> float:
    """A table with per-cell fitting; headers may take several lines. `numbers` adds the
    numbered-column row of Romanian forms. Returns the y below the last row."""
    left, right = cols[0].x0, cols[-1].x1
    header_size = header_size or size
    depth = max(col.header.count("\n") + 1 for col in cols)
    header_h = depth * (header_size + 1.5) + 6
    if header_fill is not None:
        canvas.box(left, top, right, top + header_h, stroke=None, fill=header_fill)
    for col in cols:
        parts = col.header.split("\n")
        start = top + (header_h - len(parts) * (header_size + 1.5)) / 2 + header_size
        for k, part in enumerate(parts):
            _put(
                canvas,
                col.x0,
                col.x1,
                start + k * (header_size + 1.5),
                part,
                size=header_size,
                bold=True,
                align="center",
                color=header_color,
            )
    y = top + header_h
    canvas.line(left, y, right, y, width=0.7)
    if numbers:
        for k, col in enumerate(cols):
            label = str(k)
            if k == 5 and len(cols) == 7:
                label = "5 (3 x 4)"
            _put(canvas, col.x0, col.x1, y + 8, label, size=6, align="center")
        y += 11
        canvas.line(left, y, right, y, width=0.4)
    for index, row in enumerate([*rows, *([[""] * len(cols)] * blank_rows)]):
        if zebra and index % 2 == 1:
            canvas.box(left, y, right, y + row_height, stroke=None, fill=PALE)
        for col, cell in zip(cols, row, strict=True):
            if cell:
                _put(canvas, col.x0, col.x1, y + row_height - 4, cell, size=size, align=col.align)
        y += row_height
        if horizontal:
            canvas.line(left, y, right, y, width=0.25, color=GREY)
    if vertical:
        for col in cols[1:]:
            canvas.line(col.x0, top, col.x0, y, width=0.35)
        canvas.box(left, top, right, y, width=0.6)
    elif not horizontal:
        canvas.line(left, y + 1, right, y + 1, width=0.6)
    return y


def _cells(
    canvas: Canvas,
    x0: float,
    x1: float,
    y: float,
    cells: Sequence[tuple[str, str]],
    *,
    size: float,
    height: float = 26,
    fill: Color | None = None,
) -> float:
    """Equal boxes with a small label on top and the value under it; returns the y below."""
    width = (x1 - x0) / len(cells)
    for k, (label, value) in enumerate(cells):
        left = x0 + k * width
        if fill is not None:
            canvas.box(left, y, left + width, y + 11, stroke=None, fill=fill)
        canvas.box(left, y, left + width, y + height, width=0.5)
        _put(canvas, left, left + width, y + 8, label, size=size - 1.5, color=GREY, align="center")
        _put(
            canvas, left, left + width, y + height - 5, value, size=size, bold=True, align="center"
        )
    return y + height


def _rows(
    canvas: Canvas,
    x: float,
    y: float,
    rows: Sequence[tuple[str, str]],
    *,
    size: float,
    gap: float,
    step: float,
    bold_first: bool = False,
    label_color: Color = GREY,
) -> float:
    """`Label value` rows (an empty label prints the value alone at `x`)."""
    for k, (label, value) in enumerate(rows):
        bold = bold_first and k == 0
        if label:
            canvas.text(x, y, label, size=size, color=label_color)
            canvas.text(x + gap, y, value, size=size, bold=bold)
        else:
            canvas.text(x, y, value, size=size, bold=bold)
        y += step
    return y


def _rate_text(rate: Rate, *, space: bool = False) -> str:
    if rate is None:
        return "AAM"
    return f"{rate} %" if space else f"{rate}%"


def _image(rng: random.Random, share: float) -> Literal["png", "jpg"] | None:
    if rng.random() >= share:
        return None
    return rng.choice(("jpg", "jpg", "png"))


# Hungarian layouts.

HU_DATE_STYLES = [
    LocalDate("{yyyy}.{mm}.{dd}.", "hu"),
    LocalDate("{yyyy}.{mm}.{dd}.", "hu"),
    LocalDate("{yyyy}. {mm}. {dd}.", "hu"),
    LocalDate("{yyyy}-{mm}-{dd}", "hu"),
]
LONG_HU = LocalDate("{yyyy}. {month} {d}.", "hu")


def _hu_money(rng: random.Random, currency: str) -> MoneyStyle:
    if currency == "EUR":
        return MoneyStyle(" ", ",", rng.choice(("EUR", "EUR", "€")), symbol_after=True)
    mark = rng.choice(("Ft", "Ft", "Ft", "HUF"))
    return choose(
        rng,
        [
            (6, WholeMoney(" ", ",", mark, symbol_after=True)),
            (2, MoneyStyle(" ", ",", mark, symbol_after=True)),
            (1, WholeMoney(".", ",", mark, symbol_after=True)),
        ],
    )


def _hu_quantities(rng: random.Random) -> QuantityStyle:
    return rng.choice((QuantityStyle(","), QuantityStyle(","), FixedQuantity(",", 2)))


def _hu_payment(rng: random.Random) -> str:
    return choose(rng, [(6, "Átutalás"), (2, "átutalás"), (1, "Banki átutalás")])


def _hu_prefix(name: str) -> str:
    letters = "".join(ch for ch in _ascii(name).upper() if ch.isalpha())
    return letters[:5]


def _nav_note(rng: random.Random) -> str:
    ident = "".join(rng.choice("0123456789ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(15))
    return (
        f"A számla adatai a NAV Online Számla rendszerébe beküldésre kerültek. Tranzakció: {ident}"
    )


def hu_online(rng: random.Random) -> Rendered:
    trade = rng.choice(HU_TRADES)
    sole = rng.random() < 0.15
    seller = _hu_party(rng, trade, seller=True, sole=sole)
    buyer = _hu_party(rng, rng.choice(HU_TRADES), seller=False)
    date_style = rng.choice(HU_DATE_STYLES)
    dates = pick_dates(rng, date_style, due_days=(8, 8, 15, 30))
    payment = _hu_payment(rng)
    due = dates.due
    if rng.random() < 0.12:
        payment, due = rng.choice(("Készpénz", "Bankkártya")), dates.issue
    style = _hu_money(rng, "HUF")
    whole = True
    exempt = sole and seller.tax_id[9] == "1"
    sale = _sale(rng, "hu", trade, dates.issue, whole=whole, exempt=exempt)
    quantities = _hu_quantities(rng)
    year = dates.issue.year
    number = rng.choice(
        (
            f"E-{_hu_prefix(seller.name)}-{year}-{rng.randint(1, 480)}",
            f"{_hu_prefix(seller.name)[:3]}-{year}-{rng.randint(1, 999):03d}",
            f"{year}/{rng.randint(1, 2400):06d}",
        )
    )
    delivery = dates.issue if rng.random() < 0.55 else dates.other[0]
    canvas = Canvas(*A4, family="helv")
    size = 8.5
    left, right = 40.0, 555.0

    canvas.text(left, 62, "Számla", size=24, bold=True)
    canvas.text(
        right,
        48,
        rng.choice(("Eredeti", "Eredeti példány", "1. példány")),
        size=8,
        align="right",
        color=GREY,
    )
    canvas.text(right, 66, f"Számlaszám: {number}", size=10.5, bold=True, align="right")
    if rng.random() < 0.5:
        canvas.text(right, 78, "Elektronikus számla", size=7, align="right", color=GREY)

    mid = (left + right) / 2
    top = 100
    for x0, x1, label, party, own in (
        (left, mid - 8, "Eladó", seller, True),
        (mid + 8, right, "Vevő", buyer, False),
    ):
        canvas.box(x0, top, x1, top + 14, stroke=None, fill=BAND)
        canvas.text(x0 + 5, top + 10, label, size=9, bold=True)
        rows: list[tuple[str, str]] = [
            ("", party.name),
            ("", f"{party.postcode} {party.city}"),
            ("", party.street),
            ("Adószám:", party.tax_id),
        ]
        if own:
            if party.eu_tax_id and rng.random() < 0.6:
                rows.append(("EU adószám:", party.eu_tax_id))
            rows.append(("Bankszámlaszám:", party.account))
            if party.reg_no:
                rows.append(("Cégjegyzékszám:", party.reg_no))
            if sole:
                rows.append(("Nyilvántartási szám:", _digits(rng, 8)))
            rows.append(("E-mail:", party.email))
        elif party.eu_tax_id and rng.random() < 0.3:
            rows.append(("EU adószám:", party.eu_tax_id))
        _party_rows(canvas, x0 + 5, x1, top + 28, rows, size=size)
    top = 232
    cells = [
        ("Fizetési mód", payment),
        (rng.choice(("Teljesítés dátuma", "Teljesítés kelte")), date_style.format(delivery)),
        (rng.choice(("Számla kelte", "Kelt")), date_style.format(dates.issue)),
        ("Fizetési határidő", date_style.format(due)),
    ]
    y = _cells(canvas, left, right, top, cells, size=9, height=28, fill=PALE)
    if rng.random() < 0.55:
        order = f"RD-{year % 100:02d}/{rng.randint(100, 9999):04d}"
        note = rng.choice(
            (
                f"Megjegyzés: Rendelésszám: {order}",
                f"Megjegyzés: Hivatkozás: {order}, {date_style.format(dates.other[0])}",
                f"Megjegyzés: Szerződésszám: SZ-{year - 1}/{rng.randint(10, 99)}",
            )
        )
        canvas.text(left, y + 14, note, size=8)
        y += 16
    cols = [
        Col("Megnevezés", left, 212, "left"),
        Col("Menny.", 212, 248),
        Col("Me.", 248, 280, "center"),
        Col("Nettó\negységár", 280, 336),
        Col("Nettó érték", 336, 398),
        Col("ÁFA", 398, 428, "center"),
        Col("ÁFA érték", 428, 486),
        Col("Bruttó érték", 486, right),
    ]
    rows_out = [
        [
            line.description,
            quantities.number(line.quantity),
            line.unit,
            style.number(line.unit_price),
            style.number(line.amount),
            _rate_text(rate),
            style.number(tax),
            style.number(line.amount + tax),
        ]
        for line, rate, tax in zip(sale.lines, sale.rates, sale.line_tax, strict=True)
    ]
    y = _grid(
        canvas,
        y + 12,
        cols,
        rows_out,
        size=7.8,
        header_size=7.5,
        vertical=False,
        header_fill=BAND,
        row_height=15,
    )

    summary_cols = [
        Col("ÁFA kulcs", 300, 360, "center"),
        Col("Nettó", 360, 425),
        Col("ÁFA", 425, 485),
        Col("Bruttó", 485, right),
    ]
    summary_rows = [
        [_rate_text(rate), style.number(base), style.number(tax), style.number(base + tax)]
        for rate, base, tax in sale.groups()
    ]
    summary_rows.append(
        ["Összesen", style.number(sale.subtotal), style.number(sale.tax), style.number(sale.total)]
    )
    y = _grid(
        canvas,
        y + 14,
        summary_cols,
        summary_rows,
        size=8,
        vertical=False,
        header_fill=PALE,
        row_height=14,
    )
    canvas.line(300, y - 14, right, y - 14, width=0.7)
    y += 26
    canvas.box(330, y - 16, right, y + 8, stroke=None, fill=BAND)
    canvas.text(338, y, "Fizetendő:", size=12, bold=True)
    canvas.text(right - 8, y, style.amount(sale.total), size=12, bold=True, align="right")
    if exempt:
        canvas.text(left, y, "Alanyi adómentes.", size=8.5, bold=True)
    if isinstance(style, WholeMoney) and rng.random() < 0.5:
        words = f"azaz {hu_words(int(sale.total))} forint"
        canvas.text(right, y + 18, words, size=7.5, align="right", color=GREY)
    canvas.text(left, 770, _nav_note(rng), size=6.5, color=GREY)
    canvas.line(left, 790, right, 790, width=0.3, color=GREY)
    canvas.text(left, 802, "Készült a SzámlaPont online számlázó programmal", size=6.5, color=GREY)
    canvas.text(right, 802, "1 / 1. oldal", size=6.5, align="right", color=GREY)

    fields = truth_fields(
        number=number,
        issue=dates.issue,
        due=due,
        vendor=seller.name,
        total=sale.total,
        subtotal=sale.subtotal,
        tax=sale.tax,
        currency="HUF",
        lines=sale.lines,
    )
    return Rendered(
        fields,
        "hu",
        "invoice",
        canvas.pdf(title=number),
        style,
        date_style,
        quantities,
        ("Ft", "HUF"),
    )


def _party_rows(
    canvas: Canvas, x: float, x1: float, y: float, rows: Sequence[tuple[str, str]], *, size: float
) -> float:
    for k, (label, value) in enumerate(rows):
        if not label:
            bold = k == 0
            _put(canvas, x - 3, x1, y, value, size=size + (1 if bold else 0), bold=bold)
        else:
            canvas.text(x, y, label, size=size - 0.5, color=GREY)
            gap = canvas.width_of(label, size=size - 0.5) + 4
            _put(canvas, x + gap - 3, x1, y, value, size=size)
        y += size + 3.5 if k else size + 5
    return y


def _hu_item_codes(rng: random.Random, line: Line) -> tuple[str, str]:
    """An article code and a VTSZ (customs tariff) or SZJ/TESZOR (service) number."""
    code = rng.choice(
        (f"CK-{_digits(rng, 5)}", _digits(rng, 6), f"{_digits(rng, 3)}-{_digits(rng, 3)}")
    )
    if line.unit in ("óra", "hó", "alkalom", "fuvar", "éj", "nap", "fő", "licenc", "adag"):
        tariff = f"{rng.randint(49, 85)}.{rng.randint(10, 99)}.{rng.randint(10, 39)}"
    else:
        tariff = f"{_digits(rng, 4)} {_digits(rng, 2)} {_digits(rng, 2)}"
    return code, tariff


def hu_erp(rng: random.Random) -> Rendered:
    trade = rng.choice(HU_TRADES)
    seller = _hu_party(rng, trade, seller=True)
    buyer = _hu_party(rng, rng.choice(HU_TRADES), seller=False)
    date_style = rng.choice(HU_DATE_STYLES)
    dates = pick_dates(rng, date_style, due_days=(15, 30, 30, 45, 60))
    euro = trade.short in EURO_TRADES and rng.random() < 0.6
    currency = "EUR" if euro else "HUF"
    style = _hu_money(rng, currency)
    mnb = euro_rate(rng, "HUF", dates.issue)
    sale = _sale(rng, "hu", trade, dates.issue, whole=not euro, rate_to_eur=mnb if euro else None)
    quantities = _hu_quantities(rng)
    year = dates.issue.year
    number = rng.choice(
        (
            f"{year}/{rng.randint(1, 9999):06d}",
            f"SZ{year % 100:02d}-{rng.randint(1, 99999):05d}",
            f"VSZ-{year}/{rng.randint(1, 4000):05d}",
        )
    )
    delivery = dates.issue if rng.random() < 0.5 else dates.other[0]
    canvas = Canvas(*A4, family=rng.choice(("helv", "helv", "tiro")))
    left, right = 40.0, 555.0

    _put(canvas, left - 3, 380, 52, seller.name, size=13, bold=True)
    head = [
        f"{seller.postcode} {seller.city}, {seller.street}",
        f"Adószám: {seller.tax_id}   Közösségi adószám: {seller.eu_tax_id}",
        f"Cégjegyzékszám: {seller.reg_no}",
        f"Bankszámlaszám: {seller.account} ({seller.bank})",
        f"IBAN: {spaced(seller.iban)}",
        f"Tel.: {seller.phone}   E-mail: {seller.email}",
    ]
    for k, row in enumerate(head):
        _put(canvas, left - 3, 385, 66 + k * 10, row, size=7.5)
    canvas.box(395, 36, right, 118, width=0.9)
    canvas.text((395 + right) / 2, 58, "SZÁMLA", size=17, bold=True, align="center")
    canvas.text(400, 78, "Sorszám:", size=8.5)
    _put(canvas, 440, right, 78, number, size=10, bold=True, align="right")
    copy = rng.choice(("Eredeti példány", "1. példány (eredeti)", "Eredeti"))
    canvas.text(400, 94, copy, size=8)
    canvas.text(right - 5, 94, "Oldal: 1/1", size=7, align="right")
    if euro:
        canvas.text(400, 109, "Pénznem: EUR", size=8, bold=True)
    canvas.line(left, 132, right, 132, width=0.9)

    top = 140
    canvas.box(left, top, 300, top + 82, width=0.6)
    canvas.text(left + 5, top + 11, "Vevő:", size=7.5, bold=True, color=GREY)
    customer = f"V-{rng.randint(10, 9999):05d}"
    canvas.text(296, top + 11, f"Vevőkód: {customer}", size=7.5, align="right", color=GREY)
    buyer_rows = [
        buyer.name,
        f"{buyer.postcode} {buyer.city}",
        buyer.street,
        f"Adószám: {buyer.tax_id}",
    ]
    for k, row in enumerate(buyer_rows):
        _put(canvas, left + 2, 300, top + 27 + k * 12, row, size=9 if k == 0 else 8, bold=k == 0)
    canvas.box(308, top, right, top + 82, width=0.6)
    canvas.text(313, top + 11, "Szállítási cím:", size=7.5, bold=True, color=GREY)
    if rng.random() < 0.5:
        postcode, city, _ = rng.choice(HU_CITIES)
        site = [buyer.name, f"{postcode} {city}", f"{rng.choice(HU_STREETS)} {rng.randint(1, 90)}."]
    else:
        site = ["azonos a vevő címével"]
    for k, row in enumerate(site):
        _put(canvas, 310, right, top + 27 + k * 12, row, size=8)

    order = f"R{year % 100:02d}-{rng.randint(100, 99999):05d}"
    note = f"SZL-{year % 100:02d}/{rng.randint(100, 9999):04d}"
    cells = [
        ("Teljesítés kelte", date_style.format(delivery)),
        ("Számla kelte", date_style.format(dates.issue)),
        ("Fizetési határidő", date_style.format(dates.due)),
        ("Fizetés módja", _hu_payment(rng)),
        ("Rendelésszám", order),
        ("Szállítólevél", note),
    ]
    y = _cells(canvas, left, right, top + 90, cells, size=8.5, height=26)

    cols = [
        Col("Cikkszám", left, 90, "left"),
        Col("Megnevezés", 90, 250, "left"),
        Col("VTSZ/SZJ", 250, 300, "center"),
        Col("Menny.", 300, 336),
        Col("Me.", 336, 364, "center"),
        Col("Egységár", 364, 420),
        Col("Nettó érték", 420, 482),
        Col("ÁFA %", 482, 512, "center"),
        Col("ÁFA érték", 512, right),
    ]
    rows = []
    for line, rate, tax in zip(sale.lines, sale.rates, sale.line_tax, strict=True):
        code, tariff = _hu_item_codes(rng, line)
        rows.append(
            [
                code,
                line.description,
                tariff,
                quantities.number(line.quantity),
                line.unit,
                style.number(line.unit_price),
                style.number(line.amount),
                _rate_text(rate),
                style.number(tax),
            ]
        )
    y = _grid(
        canvas,
        y + 10,
        cols,
        rows,
        size=7.3,
        header_size=7.3,
        row_height=14,
        blank_rows=max(0, 6 - len(rows)),
    )

    # VAT summary on the left, totals box on the right.
    summary = [
        Col("ÁFA %", left, 90, "center"),
        Col("Adóalap", 90, 160),
        Col("ÁFA", 160, 220),
        Col("Bruttó", 220, 290),
    ]
    summary_rows = [
        [_rate_text(rate), style.number(base), style.number(tax), style.number(base + tax)]
        for rate, base, tax in sale.groups()
    ]
    _grid(canvas, y + 12, summary, summary_rows, size=7.5, row_height=13, header_fill=PALE)
    box_top = y + 12
    canvas.box(330, box_top, right, box_top + 62, width=0.8)
    totals = [
        ("Nettó összesen:", style.amount(sale.subtotal)),
        ("ÁFA összesen:", style.amount(sale.tax)),
        ("Bruttó összesen:", style.amount(sale.total)),
    ]
    for k, (label, value) in enumerate(totals):
        strong = k == 2
        ty = box_top + 15 + k * 16
        canvas.text(337, ty, label, size=9.5 if strong else 8.5, bold=strong)
        canvas.text(right - 6, ty, value, size=10 if strong else 8.5, bold=strong, align="right")
    canvas.line(330, box_top + 39, right, box_top + 39, width=0.4)
    y = box_top + 74
    if euro:
        rate_day = dates.issue - dt.timedelta(days=rng.choice((0, 1, 1, 3)))
        huf_tax = (sale.tax * mnb).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        canvas.box(330, y, right, y + 36, width=0.5, fill=PALE)
        canvas.text(337, y + 13, "Az áthárított ÁFA összege forintban:", size=7.8)
        canvas.text(
            right - 6,
            y + 13,
            f"{_grouped(str(huf_tax), ' ')} Ft",
            size=8.5,
            bold=True,
            align="right",
        )
        rate_text = f"{mnb:.2f}".replace(".", ",")
        _put(
            canvas,
            334,
            right,
            y + 28,
            f"Árfolyam: 1 EUR = {rate_text} HUF (MNB, {date_style.format(rate_day)})",
            size=7.5,
        )
        y += 46
    else:
        _put(canvas, left - 3, right, y + 6, f"Azaz: {hu_words(int(sale.total))} forint", size=8.5)
        y += 16

    sign = max(y + 40, 700)
    clerk = f"{rng.choice(HU_SURNAMES)} {rng.choice(HU_FIRST)}"
    canvas.text(left, sign - 24, f"Kiállította: {clerk}", size=8)
    for x, label in ((left, "Kiállító aláírása"), (350, "Átvevő aláírása")):
        canvas.line(x, sign, x + 170, sign, width=0.4)
        canvas.text(x + 85, sign + 10, label, size=7, align="center")
    notes = [
        "Késedelmes fizetés esetén a Ptk. 6:155. § szerinti késedelmi kamatot és 40 eurónak "
        "megfelelő forintösszegű behajtási költségátalányt számítunk fel.",
        "Az áru ellenértékének teljes kiegyenlítéséig az áru az eladó tulajdonát képezi.",
    ]
    for k, row in enumerate(notes):
        _put(canvas, left - 3, right, 790 + k * 9, row, size=6.3, color=GREY)
    canvas.text(
        right, 818, f"Nyomtatva: KontírERP 7.{rng.randint(1, 9)}", size=6, align="right", color=GREY
    )

    fields = truth_fields(
        number=number,
        issue=dates.issue,
        due=dates.due,
        vendor=seller.name,
        total=sale.total,
        subtotal=sale.subtotal,
        tax=sale.tax,
        currency=currency,
        lines=sale.lines,
    )
    return Rendered(
        fields,
        "hu",
        "invoice",
        canvas.pdf(title=number),
        style,
        date_style,
        quantities,
        ("EUR", "€") if euro else ("Ft", "HUF"),
        image=_image(rng, 0.25),
    )


def hu_brand(rng: random.Random) -> Rendered:
    trade = rng.choice(HU_TRADES)
    sole = rng.random() < 0.3
    seller = _hu_party(rng, trade, seller=True, sole=sole)
    buyer = _hu_party(rng, rng.choice(HU_TRADES), seller=False)
    date_style = LONG_HU if rng.random() < 0.4 else rng.choice(HU_DATE_STYLES)
    dates = pick_dates(rng, date_style, due_days=(8, 14, 15, 30))
    style = _hu_money(rng, "HUF")
    exempt = sole and seller.tax_id[9] == "1"
    sale = _sale(rng, "hu", trade, dates.issue, whole=True, exempt=exempt)
    quantities = _hu_quantities(rng)
    year = dates.issue.year
    prefix = _hu_prefix(seller.brand)[:3]
    number = rng.choice(
        (f"{prefix}-{year}-{rng.randint(1, 9999):05d}", f"{prefix}{year}/{rng.randint(1, 999):04d}")
    )
    accent = rng.choice(ACCENTS)
    white: Color = (1, 1, 1)
    canvas = Canvas(*A4, family="helv")
    left, right = 40.0, 555.0

    canvas.box(0, 0, A4[0], 74, stroke=None, fill=accent)
    _put(canvas, left - 3, 380, 44, seller.brand, size=21, bold=True, color=white)
    canvas.text(left, 60, rng.choice(trade.words).lower(), size=8.5, color=white)
    canvas.text(right, 48, "SZÁMLA", size=20, bold=True, align="right", color=white)

    canvas.text(left, 100, "Szállító", size=8, bold=True, color=accent)
    seller_rows = [
        ("", seller.name),
        ("", f"{seller.postcode} {seller.city}, {seller.street}"),
        ("Adószám:", seller.tax_id),
        ("Bankszámlaszám:", seller.account),
    ]
    if seller.reg_no:
        seller_rows.append(("Cégjegyzékszám:", seller.reg_no))
    _party_rows(canvas, left, 310, 114, seller_rows, size=8.5)
    info_rows = [
        ("Számla sorszáma:", number),
        ("Számla kelte:", date_style.format(dates.issue)),
        ("Teljesítés dátuma:", date_style.format(rng.choice((dates.issue, dates.other[0])))),
        ("Fizetési határidő:", date_style.format(dates.due)),
        ("Fizetési mód:", _hu_payment(rng).lower()),
    ]
    for k, (label, value) in enumerate(info_rows):
        ty = 104 + k * 14
        canvas.text(340, ty, label, size=8.5, color=GREY)
        canvas.text(right, ty, value, size=9.5 if k == 0 else 8.5, bold=k == 0, align="right")

    canvas.text(left, 200, "Vevő", size=8, bold=True, color=accent)
    buyer_rows = [
        ("", buyer.name),
        ("", f"{buyer.postcode} {buyer.city}, {buyer.street}"),
        ("Adószám:", buyer.tax_id),
    ]
    _party_rows(canvas, left, 330, 214, buyer_rows, size=8.5)
    if rng.random() < 0.5:
        canvas.text(340, 214, "Projekt / hivatkozás:", size=8, color=GREY)
        canvas.text(right, 214, f"P-{year % 100}{rng.randint(100, 999)}", size=8, align="right")

    cols = [
        Col("#", left, 58, "center"),
        Col("Tétel megnevezése", 58, 240, "left"),
        Col("Mennyiség", 240, 292),
        Col("Egység", 292, 330, "center"),
        Col("Nettó egységár", 330, 398),
        Col("ÁFA", 398, 428, "center"),
        Col("Nettó érték", 428, 490),
        Col("Bruttó érték", 490, right),
    ]
    rows = [
        [
            str(k),
            line.description,
            quantities.number(line.quantity),
            line.unit,
            style.number(line.unit_price),
            _rate_text(rate),
            style.number(line.amount),
            style.number(line.amount + tax),
        ]
        for k, (line, rate, tax) in enumerate(
            zip(sale.lines, sale.rates, sale.line_tax, strict=True), 1
        )
    ]
    y = _grid(
        canvas,
        262,
        cols,
        rows,
        size=8,
        header_size=7.5,
        row_height=17,
        header_fill=accent,
        header_color=white,
        vertical=False,
        horizontal=False,
        zebra=True,
    )

    totals: list[tuple[str, str]] = [("Nettó összeg", style.amount(sale.subtotal))]
    groups = sale.groups()
    if exempt:
        totals.append(("ÁFA összesen (AAM)", style.amount(Decimal(0))))
    else:
        for rate, base, tax in groups:
            label = f"ÁFA {_rate_text(rate)}"
            if len(groups) > 1:
                label += f" ({style.number(base)} után)"
            totals.append((label, style.amount(tax)))
        if len(groups) > 1:
            totals.append(("ÁFA összesen", style.amount(sale.tax)))
    y += 22
    for label, value in totals:
        canvas.text(330, y, label, size=8.5, color=GREY)
        canvas.text(right, y, value, size=8.5, align="right")
        y += 14
    canvas.line(330, y - 6, right, y - 6, width=0.8, color=accent)
    y += 10
    canvas.text(330, y, "Bruttó végösszeg", size=11.5, bold=True, color=accent)
    canvas.text(right, y, style.amount(sale.total), size=12, bold=True, align="right")
    if exempt:
        canvas.text(left, y, "Az eladó alanyi adómentes (AAM).", size=8, bold=True)
    y += 30
    if rng.random() < 0.5:
        mnb = euro_rate(rng, "HUF", dates.issue)
        eur = money(sale.total / mnb)
        rate_text = f"{mnb:.2f}".replace(".", ",")
        canvas.box(left, y - 12, right, y + 18, stroke=None, fill=PALE)
        canvas.text(left + 8, y, "Tájékoztató adatok:", size=7.8, bold=True)
        eur_text = f"{eur:.2f}".replace(".", ",")
        canvas.text(left + 95, y, f"Bruttó végösszeg EUR-ban: {eur_text} EUR", size=7.8)
        canvas.text(
            left + 8,
            y + 11,
            f"MNB középárfolyam ({date_style.format(dates.other[0])}): 1 EUR = {rate_text} HUF",
            size=7.3,
            color=GREY,
        )
        y += 34
    canvas.text(
        left, y + 8, "Kérjük, az átutalás közleményében tüntesse fel a számla sorszámát.", size=8
    )
    canvas.text(left, y + 22, "Köszönjük, hogy minket választott!", size=8, bold=True, color=accent)
    canvas.line(left, 792, right, 792, width=0.4, color=accent)
    canvas.text(left, 805, f"{seller.email}  ·  {seller.phone}", size=7, color=GREY)
    canvas.text(right, 805, f"IBAN: {spaced(seller.iban)}", size=7, align="right", color=GREY)
    canvas.text(left, 816, _nav_note(rng), size=6, color=GREY)

    fields = truth_fields(
        number=number,
        issue=dates.issue,
        due=dates.due,
        vendor=seller.name,
        total=sale.total,
        subtotal=sale.subtotal,
        tax=sale.tax,
        currency="HUF",
        lines=sale.lines,
    )
    return Rendered(
        fields,
        "hu",
        "invoice",
        canvas.pdf(title=number),
        style,
        date_style,
        quantities,
        ("Ft", "HUF"),
    )


# Romanian layouts.

RO_DATE_STYLES = [
    LocalDate("{dd}.{mm}.{yyyy}", "ro"),
    LocalDate("{dd}.{mm}.{yyyy}", "ro"),
    LocalDate("{dd}/{mm}/{yyyy}", "ro"),
]


def _ro_money(rng: random.Random, currency: str) -> MoneyStyle:
    mark = "EUR" if currency == "EUR" else rng.choice(("lei", "lei", "RON"))
    return choose(
        rng,
        [
            (6, MoneyStyle(".", ",", mark, symbol_after=True)),
            (2, MoneyStyle("", ",", mark, symbol_after=True)),
            (1, MoneyStyle(",", ".", mark, symbol_after=True)),
        ],
    )


def _ro_quantities(rng: random.Random) -> QuantityStyle:
    return choose(
        rng,
        [
            (3, FixedQuantity(",", 2)),
            (3, QuantityStyle(",")),
            (1, FixedQuantity(",", 3)),
        ],
    )


def _ro_series(rng: random.Random, name: str) -> str:
    words = [w for w in _ascii(name).upper().replace("SC ", "").split() if w.isalpha()]
    initials = "".join(w[0] for w in words if w not in ("SRL", "SA"))
    series = initials[:3] if len(initials) >= 2 else words[0][:3]
    return rng.choice((series, series, series + "F", f"{series}{rng.randint(1, 9)}"))


def _ro_number(rng: random.Random, name: str) -> tuple[str, str, str]:
    """Series, number, and the truth: the number alone when printed apart from the series."""
    series = _ro_series(rng, name)
    count = rng.randint(1, 4800)
    digits = rng.choice((f"{count:04d}", f"{count:05d}", str(count)))
    return series, digits, digits


def _rate_ro(rate: Rate) -> str:
    return f"{rate}%"


def ro_tipizat(rng: random.Random) -> Rendered:
    trade = rng.choice(RO_TRADES)
    seller = _ro_party(rng, trade, seller=True)
    buyer = _ro_party(rng, rng.choice(RO_TRADES), seller=False)
    date_style = rng.choice(RO_DATE_STYLES)
    dates = pick_dates(rng, date_style, due_days=(15, 30, 30, 60))
    style = _ro_money(rng, "RON")
    style = MoneyStyle(style.thousands, style.decimal, "lei", symbol_after=True)
    sale = _sale(
        rng,
        "ro",
        trade,
        dates.issue,
        whole=False,
        single_rate=True,
        count=rng.choice((1, 2, 3, 3, 4, 5)),
    )
    quantities = _ro_quantities(rng)
    series, digits, number = _ro_number(rng, seller.name)
    rate = sale.rates[0]
    due_printed = rng.random() < 0.6
    canvas = Canvas(*A4, family=rng.choice(("helv", "tiro")))
    left, right = 36.0, 559.0
    size = 7.6

    def block(x0: float, x1: float, title: str, party: Party) -> None:
        canvas.text(x0, 50, title, size=8, bold=True)
        _put(
            canvas,
            x0 + canvas.width_of(title, size=8, bold=True) + 1,
            x1,
            50,
            party.name,
            size=9,
            bold=True,
        )
        rows = [
            ("Nr. ord. reg. com./an:", party.reg_no),
            ("C.I.F.:", party.tax_id),
            ("Sediul:", party.street),
            ("Localitatea:", f"{party.city}, cod {party.postcode}"),
            ("Județul:", party.county),
            ("Cod IBAN:", party.iban),
            ("Banca:", party.bank),
        ]
        if title.startswith("Furnizor"):
            rows.append(("Capital social:", party.capital))
        for k, (label, value) in enumerate(rows):
            ty = 64 + k * 11
            canvas.text(x0, ty, label, size=size)
            gap = canvas.width_of(label, size=size) + 3
            _put(canvas, x0 + gap - 3, x1, ty, value, size=size, bold=True)

    block(left, 222, "Furnizor:", seller)
    block(378, right, "Cumpărător:", buyer)
    canvas.box(230, 38, 370, 156, width=0.9)
    canvas.text(
        300, 58, rng.choice(("FACTURĂ", "FACTURĂ", "FACTURA")), size=15, bold=True, align="center"
    )
    canvas.text(240, 76, "Seria", size=8)
    canvas.text(262, 76, series, size=9.5, bold=True)
    canvas.text(300, 76, "nr.", size=8)
    canvas.text(315, 76, digits, size=9.5, bold=True)
    canvas.text(240, 92, "Data (ziua, luna, anul):", size=7)
    canvas.text(300, 104, date_style.format(dates.issue), size=9, bold=True, align="center")
    aviz = f"{rng.randint(1, 9999):04d}" if rng.random() < 0.5 else ""
    canvas.text(240, 120, f"Nr. aviz însoțire a mărfii: {aviz}", size=7)
    canvas.text(240, 134, "Cota T.V.A.:", size=7)
    canvas.text(290, 134, _rate_ro(rate), size=9, bold=True)
    if due_printed:
        canvas.text(240, 148, f"Data scadenței: {date_style.format(dates.due)}", size=7, bold=True)
    else:
        canvas.text(240, 148, f"Termen de plată: {rng.choice((15, 30, 45))} zile", size=7)

    cols = [
        Col("Nr.\ncrt.", left, 60, "center"),
        Col("Denumirea produselor\nsau a serviciilor", 60, 262, "left"),
        Col("U.M.", 262, 296, "center"),
        Col("Cantitatea", 296, 346),
        Col("Prețul unitar\n(fără T.V.A.)\n-lei-", 346, 414),
        Col("Valoarea\n-lei-", 414, 486),
        Col("Valoarea\nT.V.A.\n-lei-", 486, right),
    ]
    rows = [
        [
            str(k),
            line.description,
            line.unit,
            quantities.number(line.quantity),
            style.number(line.unit_price),
            style.number(line.amount),
            style.number(tax),
        ]
        for k, (line, tax) in enumerate(zip(sale.lines, sale.line_tax, strict=True), 1)
    ]
    y = _grid(
        canvas,
        172,
        cols,
        rows,
        size=8,
        header_size=7,
        row_height=16,
        header_fill=None,
        horizontal=False,
        numbers=True,
        blank_rows=max(0, 16 - len(rows)),
    )

    # The foot of the form.
    foot = y
    canvas.box(left, foot, right, foot + 110, width=0.8)
    canvas.line(150, foot, 150, foot + 110, width=0.5)
    canvas.line(414, foot, 414, foot + 110, width=0.5)
    canvas.line(486, foot, 486, foot + 26, width=0.5)
    canvas.line(414, foot + 26, right, foot + 26, width=0.5)
    _put(canvas, left, 150, foot + 12, "Semnătura și", size=7, align="center")
    _put(canvas, left, 150, foot + 21, "ștampila furnizorului", size=7, align="center")
    delegate = f"{rng.choice(RO_SURNAMES)} {rng.choice(RO_FIRST)}"
    plate = f"{rng.choice(('B', 'CJ', 'TM', 'IS', 'BV', 'AG'))}-{rng.randint(10, 99)}-" + "".join(
        rng.choice("ABCDEFGHKLMPRSTVXZ") for _ in range(3)
    )
    dispatch = dates.issue if rng.random() < 0.7 else dates.other[0]
    hour = f"{rng.randint(7, 18)}:{rng.choice(('00', '15', '30', '45'))}"
    expedition = [
        "Date privind expediția",
        f"Numele delegatului: {delegate}",
        f"B.I./C.I. seria {rng.choice(('CJ', 'RX', 'XB', 'TZ', 'IZ', 'KX'))} nr. {_digits(rng, 6)}",
        f"Mijlocul de transport: auto nr. {plate}",
        "Expedierea s-a efectuat în prezența noastră",
        f"la data de {date_style.format(dispatch)} ora {hour}",
        "Semnăturile: ....................",
    ]
    for k, row in enumerate(expedition):
        _put(canvas, 150, 414, foot + 11 + k * 11.5, row, size=7, bold=k == 0)
    canvas.text(418, foot + 10, "Total", size=7.5, bold=True)
    _put(
        canvas, 414, 486, foot + 21, style.number(sale.subtotal), size=8.5, bold=True, align="right"
    )
    _put(canvas, 486, right, foot + 21, style.number(sale.tax), size=8.5, bold=True, align="right")
    canvas.line(486, foot + 26, 486, foot + 110, width=0.5)
    _put(canvas, 414, 486, foot + 38, "Semnătura", size=7, align="center")
    _put(canvas, 414, 486, foot + 47, "de primire", size=7, align="center")
    _put(canvas, 486, right, foot + 38, "Total de plată", size=7.5, bold=True, align="center")
    _put(canvas, 486, right, foot + 47, "(col. 5 + col. 6)", size=6.5, align="center")
    _put(canvas, 486, right, foot + 72, style.number(sale.total), size=10, bold=True, align="right")
    if rng.random() < 0.6:
        canvas.text(
            left,
            foot + 126,
            "Factura circulă fără semnătură și ștampilă conform art. 319 alin. (29) "
            "din Legea nr. 227/2015 privind Codul fiscal.",
            size=6.5,
            color=GREY,
        )
    canvas.text(
        right, 818, f"Tipizat cod 14-4-10/A  ·  {seller.email}", size=6, align="right", color=GREY
    )

    fields = truth_fields(
        number=number,
        issue=dates.issue,
        due=dates.due if due_printed else None,
        vendor=seller.name,
        total=sale.total,
        subtotal=sale.subtotal,
        tax=sale.tax,
        currency="RON",
        lines=sale.lines,
    )
    return Rendered(
        fields,
        "ro",
        "invoice",
        canvas.pdf(title=f"{series} {digits}"),
        style,
        date_style,
        quantities,
        ("lei", "RON"),
        image=_image(rng, 0.35),
    )


def ro_online(rng: random.Random) -> Rendered:
    trade = rng.choice(RO_TRADES)
    seller = _ro_party(rng, trade, seller=True)
    buyer = _ro_party(rng, rng.choice(RO_TRADES), seller=False)
    date_style = rng.choice(RO_DATE_STYLES)
    dates = pick_dates(rng, date_style, due_days=(14, 15, 30, 30, 45))
    euro = trade.short in EURO_TRADES and rng.random() < 0.55
    currency = "EUR" if euro else "RON"
    style = _ro_money(rng, currency)
    bnr = euro_rate(rng, "RON", dates.issue)
    sale = _sale(rng, "ro", trade, dates.issue, whole=False, rate_to_eur=bnr if euro else None)
    quantities = _ro_quantities(rng)
    series, digits, number = _ro_number(rng, seller.name)
    joined = rng.random() < 0.45
    if joined:
        number = f"{series}{digits}" if rng.random() < 0.6 else f"{series}-{digits}"
    due_printed = rng.random() < 0.8
    accent = rng.choice(ACCENTS)
    canvas = Canvas(*A4, family="helv")
    left, right = 40.0, 555.0
    code = "EUR" if euro else "RON"

    _put(canvas, left - 3, 330, 52, seller.name, size=13, bold=True)
    seller_rows = [
        ("CIF:", seller.tax_id),
        ("Reg. Com.:", seller.reg_no),
        ("Adresa:", f"{seller.street}, {seller.city}"),
        ("Județ:", seller.county),
        ("IBAN:", seller.iban),
        ("Banca:", seller.bank),
        ("Capital social:", seller.capital),
    ]
    _party_rows(canvas, left, 330, 66, seller_rows, size=7.8)
    canvas.text(right, 54, "FACTURĂ", size=22, bold=True, align="right", color=accent)
    head: list[tuple[str, str]] = []
    if joined:
        head.append(("Nr. factură:", number))
    else:
        head.append(("Seria:", series))
        head.append(("Nr.:", digits))
    head.append(("Data emiterii:", date_style.format(dates.issue)))
    if due_printed:
        head.append(("Data scadenței:", date_style.format(dates.due)))
    if rng.random() < 0.4:
        head.append(("Data livrării:", date_style.format(dates.other[0])))
    if euro:
        head.append(("Moneda:", "EUR"))
    for k, (label, value) in enumerate(head):
        ty = 74 + k * 13
        canvas.text(420, ty, label, size=8, color=GREY, align="right")
        canvas.text(right, ty, value, size=9 if k < 2 else 8.5, bold=k < 2, align="right")

    top = 170
    canvas.box(left, top, right, top + 70, stroke=None, fill=PALE)
    canvas.text(
        left + 8, top + 13, rng.choice(("Client", "Cumpărător")), size=8, bold=True, color=accent
    )
    _put(canvas, left + 5, 330, top + 27, buyer.name, size=10, bold=True)
    buyer_rows = [
        ("CIF:", buyer.tax_id),
        ("Reg. Com.:", buyer.reg_no),
        ("Adresa:", f"{buyer.street}, {buyer.city}, jud. {buyer.county}"),
    ]
    _party_rows(canvas, left + 8, 540, top + 40, buyer_rows, size=7.8)
    if rng.random() < 0.5:
        _put(
            canvas, 340, right - 5, top + 27, f"Cont: {spaced(buyer.iban)}", size=7.3, align="right"
        )

    cols = [
        Col("Nr.\ncrt.", left, 62, "center"),
        Col("Denumire produs / serviciu", 62, 244, "left"),
        Col("U.M.", 244, 276, "center"),
        Col("Cant.", 276, 318),
        Col(f"Preț unitar\n(fără TVA)\n-{code}-", 318, 380),
        Col(f"Valoare\n-{code}-", 380, 444),
        Col("Cota\nTVA", 444, 478, "center"),
        Col(f"Valoare TVA\n-{code}-", 478, right),
    ]
    rows = [
        [
            str(k),
            line.description,
            line.unit,
            quantities.number(line.quantity),
            style.number(line.unit_price),
            style.number(line.amount),
            _rate_ro(rate),
            style.number(tax),
        ]
        for k, (line, rate, tax) in enumerate(
            zip(sale.lines, sale.rates, sale.line_tax, strict=True), 1
        )
    ]
    y = _grid(
        canvas,
        258,
        cols,
        rows,
        size=8,
        header_size=7,
        row_height=16,
        header_fill=accent,
        header_color=(1, 1, 1),
        vertical=False,
    )

    y += 20
    totals: list[tuple[str, str]] = [("Total fără TVA", style.amount(sale.subtotal))]
    groups = sale.groups()
    if len(groups) > 1:
        for rate, base, tax in groups:
            totals.append((f"TVA {_rate_ro(rate)} (bază {style.number(base)})", style.amount(tax)))
        totals.append(("Total TVA", style.amount(sale.tax)))
    else:
        totals.append((f"TVA {_rate_ro(groups[0][0])}", style.amount(sale.tax)))
    for label, value in totals:
        canvas.text(320, y, label, size=8.5, color=GREY)
        canvas.text(right, y, value, size=8.5, align="right")
        y += 14
    canvas.box(315, y - 6, right + 4, y + 16, stroke=None, fill=accent)
    canvas.text(322, y + 9, "Total de plată", size=11, bold=True, color=(1, 1, 1))
    canvas.text(
        right - 2,
        y + 9,
        style.amount(sale.total),
        size=11.5,
        bold=True,
        align="right",
        color=(1, 1, 1),
    )
    y += 40
    rate_day = dates.issue - dt.timedelta(days=rng.choice((1, 1, 2, 3)))
    bnr_text = f"{bnr:.4f}".replace(".", ",")
    if euro:
        lei_total = money(sale.total * bnr)
        lei_tax = money(sale.tax * bnr)
        lei = MoneyStyle(style.thousands, style.decimal, "lei", symbol_after=True)
        canvas.box(left, y - 12, right, y + 30, width=0.5)
        canvas.text(
            left + 8,
            y,
            f"Curs BNR din {date_style.format(rate_day)}: 1 EUR = {bnr_text} lei",
            size=8,
            bold=True,
        )
        canvas.text(left + 8, y + 13, "Total de plată în lei:", size=8)
        canvas.text(250, y + 13, lei.amount(lei_total), size=8)
        canvas.text(left + 8, y + 24, "din care TVA în lei:", size=8)
        canvas.text(250, y + 24, lei.amount(lei_tax), size=8)
        y += 46
    elif rng.random() < 0.35:
        _put(
            canvas,
            left - 3,
            right,
            y,
            f"Prețurile au fost calculate la cursul BNR din {date_style.format(rate_day)}: "
            f"1 EUR = {bnr_text} lei.",
            size=7.8,
        )
        y += 16
    if not due_printed:
        canvas.text(
            left, y, f"Termen de plată: {rng.choice((15, 30, 45))} zile de la emitere", size=8
        )
        y += 14
    notes = []
    if rng.random() < 0.3:
        notes.append("TVA la încasare")
    notes.append(
        "Factura circulă fără semnătură și ștampilă cf. art. 319 alin. (29) din Legea nr. "
        "227/2015 privind Codul fiscal."
    )
    if rng.random() < 0.6:
        notes.append(f"Index încărcare SPV: {rng.randint(3000000000, 4999999999)}")
    clerk = f"{rng.choice(RO_SURNAMES)} {rng.choice(RO_FIRST)}"
    notes.append(f"Întocmit de: {clerk}")
    for k, row in enumerate(notes):
        _put(canvas, left - 3, right, max(y + 10, 700) + k * 11, row, size=7.3, color=GREY)
    canvas.line(left, 800, right, 800, width=0.4, color=GREY)
    canvas.text(left, 812, f"{seller.email}  ·  {seller.phone}", size=6.8, color=GREY)
    canvas.text(
        right,
        812,
        "Pagina 1 din 1  ·  Generat cu FacturaRapidă",
        size=6.8,
        align="right",
        color=GREY,
    )

    fields = truth_fields(
        number=number,
        issue=dates.issue,
        due=dates.due if due_printed else None,
        vendor=seller.name,
        total=sale.total,
        subtotal=sale.subtotal,
        tax=sale.tax,
        currency=currency,
        lines=sale.lines,
    )
    return Rendered(
        fields,
        "ro",
        "invoice",
        canvas.pdf(title=number),
        style,
        date_style,
        quantities,
        ("EUR",) if euro else ("lei", "RON"),
    )


LAYOUTS = {
    "hu-online": hu_online,
    "hu-erp": hu_erp,
    "hu-brand": hu_brand,
    "ro-tipizat": ro_tipizat,
    "ro-online": ro_online,
}


def build(rng: random.Random) -> Rendered:
    layout = choose(
        rng,
        [(2, "hu-online"), (2, "hu-erp"), (2, "hu-brand"), (2, "ro-tipizat"), (2, "ro-online")],
    )
    return LAYOUTS[layout](rng)
