"""`cz-faktura`: Czech and Slovak invoices (`Faktura – daňový doklad`, Slovak `Faktúra`) as the
accounting programs, the online invoicing services and the tradesperson's own Word template print
them.

Every document carries the parties side by side, `Dodavatel` / `Odběratel` (Slovak `Dodávateľ` /
`Odberateľ`), each with an `IČ` or `IČO` (8 digits with the mod-11 check digit) and, for VAT
payers, a `DIČ` (`CZ12345678` for a firm, `CZ` and a birth number for a sole trader; in Slovakia a
10-digit `DIČ` and an `IČ DPH: SK2020123456`); the payment block (`Bankovní účet 19-2000145399/0800`
with its IBAN and SWIFT, `Variabilní symbol`, `Konstantní symbol 0308`, `Forma úhrady: převodem`);
three dates (`Datum vystavení`, `Datum splatnosti` and the `Datum uskutečnění zdanitelného plnění`,
Slovak `Dátum dodania`); and the commercial-register line (`Zapsáno v obchodním rejstříku vedeném
Krajským soudem v Brně, oddíl C, vložka 48213`, `Fyzická osoba zapsaná v živnostenském rejstříku`,
`Zapísaná v Obchodnom registri Okresného súdu Žilina, oddiel: Sro, vložka č. 12345/L`).

Three layouts. `pohoda` (a Pohoda- or Money-S3-like print, everything in ruled boxes): a title band
`FAKTURA - DAŇOVÝ DOKLAD` with `č. 240100123` on the right, the supplier box with its register line
and the client box with the client's `IČ` / `DIČ` on top, a payment box (account, IBAN, SWIFT and
the three symbols) beside a dates box (order number and date, issue, due and tax-point dates, `Forma
úhrady`), `Fakturujeme Vám za dodané zboží či služby:`, an `Označení dodávky / Počet / MJ / J.cena /
DPH % / Bez DPH / DPH / Celkem` table closed by a `Součet položek` row (its VAT column is the sum of
per-line VAT, a cent off the recapitulation at times), a `Rekapitulace DPH` grid with every rate of
the year (21 %, 12 % and 0 %; 21/15/10 % before 2024; Slovak 20/10 % or 23/19/5 %) including the
empty ones, the totals (`Celkem bez DPH`, `DPH celkem`, `Zaokrouhlení`, a boxed `Celkem k úhradě`),
the `QR Platba` code, `Vystavil:` and a `Razítko a podpis` box. `online` (a Fakturoid- or
SuperFaktúra-like online invoice): `Faktura 2024-0123` large with `daňový doklad` under it, an
optional brand top right, `DODAVATEL` / `ODBĚRATEL` columns, label-value rows for the payment and
the dates with the QR code (`PAY by square` on Slovak ones), an `Označení dodávky / Množství / MJ /
Cena za MJ / DPH / Bez DPH / Celkem` table, a small recapitulation per used rate and a tinted
`Celkem k úhradě` bar, the register line and the service's footer. `word` (a small tradesperson's
own template, often printed, signed and scanned): a centred `FAKTURA č. 12/2024` in Times, the
tradesperson by name with the trade under it, the client in a drawn box, `Label: value` rows, `Na
základě objednávky Vám fakturuji:` with a `Místo plnění` address, a full grid `Č. / Popis / Množství
/ MJ / Cena za MJ / Celkem`, totals with a `DPH 21 % z 12 000,00` row per rate, `Převzal:` and
signature lines.

Conventions: amounts `1 234,50` in the tables and `1 234,50 Kč` (or `CZK`) in the totals, `1.234,50`
or `1234,50` on some; Slovak invoices and some Czech ones in euros (`1 234,50 €` / `EUR`); dates
`05.03.2024`, `5.3.2024` or `5. 3. 2024` (day first, so a third are ambiguous); quantities `1,00`
(programs) or `1`, `2,5`.

Decoys and awkward parts: the `Variabilní symbol` repeats the invoice number (digits only: `122024`
for `12/2024`) or is another number altogether (an order or contract number); `Konstantní symbol
0308`, `Specifický symbol`, both parties' IČ and DIČ, the bank account with its bank code, the
IBAN; the tax-point date, often the issue date again and otherwise the delivery date or the last
day of the previous month; the order date and a delivery note number shaped like the invoice
number; the line table's VAT and gross columns beside the net amount the truth keeps; the
recapitulation's zero rows; a CZK rounding (`Zaokrouhlení 0,40`) to whole crowns before `Celkem k
úhradě` (the truth's total is the rounded amount to pay; the VAT, printed, is left out of the truth
when the rounding is not zero, since the subtotal and VAT no longer make the total); the
non-VAT-payer invoice (`Nejsem plátce DPH.`, `Nie som platiteľ DPH.`: plain `Faktura`, no VAT
anywhere, no VAT in the truth, the subtotal is the printed sum of the items); a Czech invoice in
euros to a domestic client with the VAT restated in crowns at the ČNB rate (`Přepočet DPH kurzem ČNB
25,215 CZK/EUR`), and intra-EU supplies in euros under `§ 64` or `Daň odvede zákazník` at 0 %
(kept as a tax of 0.00); a `Místo plnění` address; a due date printed only as `Splatnost: 14 dní`
on some Word templates (no due date in the truth); the late-payment interest note. About a third
are scanned images, the Word template most often.
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from bench.synth import names
from bench.synth.canvas import A4, Canvas, Color
from bench.synth.common import Column, choose, draw_table, label_pairs, total_rows
from bench.synth.document import (
    Line,
    Rendered,
    TaxGroup,
    net_totals,
    pick_dates,
    price,
    quantity,
    truth_fields,
)
from bench.synth.formats import DateStyle, FixedQuantity, MoneyStyle, QuantityStyle, money

GREY: Color = (0.4, 0.4, 0.4)
FILL: Color = (0.87, 0.87, 0.87)
PALE: Color = (0.95, 0.95, 0.95)
ACCENTS: list[Color] = [
    (0.0, 0.42, 0.52),
    (0.13, 0.33, 0.62),
    (0.55, 0.18, 0.32),
    (0.2, 0.45, 0.25),
]
ImageFormat = Literal["png", "jpg"] | None
Lang = Literal["cs", "sk"]

# People, firms and places.

PEOPLE = {
    "cs": [
        ("Novák", "Nováková"),
        ("Svoboda", "Svobodová"),
        ("Novotný", "Novotná"),
        ("Dvořák", "Dvořáková"),
        ("Černý", "Černá"),
        ("Procházka", "Procházková"),
        ("Kučera", "Kučerová"),
        ("Veselý", "Veselá"),
        ("Horák", "Horáková"),
        ("Němec", "Němcová"),
        ("Pokorný", "Pokorná"),
        ("Pospíšil", "Pospíšilová"),
        ("Hájek", "Hájková"),
        ("Král", "Králová"),
        ("Jelínek", "Jelínková"),
        ("Růžička", "Růžičková"),
        ("Beneš", "Benešová"),
        ("Fiala", "Fialová"),
        ("Sedláček", "Sedláčková"),
        ("Zeman", "Zemanová"),
    ],
    "sk": [
        ("Horváth", "Horváthová"),
        ("Kováč", "Kováčová"),
        ("Varga", "Vargová"),
        ("Tóth", "Tóthová"),
        ("Baláž", "Balážová"),
        ("Molnár", "Molnárová"),
        ("Lukáč", "Lukáčová"),
        ("Kollár", "Kollárová"),
        ("Oravec", "Oravcová"),
        ("Šimko", "Šimková"),
        ("Hudák", "Hudáková"),
        ("Polák", "Poláková"),
        ("Mikuš", "Mikušová"),
        ("Ďurica", "Ďuricová"),
    ],
}
FIRST = {
    "cs": (
        "Jan Petr Martin Tomáš Jiří Pavel Lukáš Jakub Ondřej Michal Radek Zdeněk",
        "Jana Petra Lucie Kateřina Eva Markéta Tereza Veronika Hana Lenka Martina",
    ),
    "sk": (
        "Peter Martin Ján Michal Juraj Marek Tomáš Jozef Miroslav Ľuboš",
        "Zuzana Katarína Mária Lucia Jana Veronika Monika Ľubica Andrea",
    ),
}
TITLES = ["Ing.", "Ing.", "Mgr.", "Bc."]
TRADES = {
    "cs": "Stavebniny|Elektro|Instalatérství|Truhlářství|Tiskárna|Autoservis|Účetnictví|"
    "Zámečnictví|Kovovýroba|Topenářství|Malířství|Zahradnictví|Doprava|IT služby|Podlahy",
    "sk": "Stavebniny|Elektro|Inštalatérstvo|Stolárstvo|Tlačiareň|Autoservis|Účtovníctvo|"
    "Kovovýroba|Kúrenárstvo|Maliarstvo|Záhradníctvo|Doprava|IT služby|Podlahy",
}
TRADE_LINES = {
    "cs": [
        "Elektroinstalační práce",
        "Instalatérské a topenářské práce",
        "Truhlářské práce",
        "Malířské a natěračské práce",
        "Grafický design a sazba",
        "Vývoj software",
        "Zednické práce",
        "Účetní a daňové služby",
        "Podlahářské práce",
    ],
    "sk": [
        "Elektroinštalačné práce",
        "Inštalatérske a kúrenárske práce",
        "Stolárske práce",
        "Maliarske a natieračské práce",
        "Grafický dizajn",
        "Vývoj softvéru",
        "Murárske práce",
        "Účtovnícke služby",
    ],
}
BRANDS = "ELTECH|AQUATERM|STAVMAT|PROFIDATA|KOVO|DŘEVOS|TERMOSERVIS|ALFA PRINT|GEOTRADE|VIAPLAN"
FORMS = {
    "cs": ["s.r.o.", "s.r.o.", "s.r.o.", "spol. s r.o.", "a.s.", "v.o.s."],
    "sk": ["s.r.o.", "s. r. o.", "s.r.o.", "a.s.", "a. s.", "k.s."],
}
CITIES: dict[str, list[tuple[str, ...]]] = {
    "cs": [
        ("Praha 4", "140 00", "Městským soudem v Praze"),
        ("Praha 9", "190 00", "Městským soudem v Praze"),
        ("Brno", "602 00", "Krajským soudem v Brně"),
        ("Ostrava", "702 00", "Krajským soudem v Ostravě"),
        ("Plzeň", "301 00", "Krajským soudem v Plzni"),
        ("Olomouc", "779 00", "Krajským soudem v Ostravě"),
        ("Liberec", "460 01", "Krajským soudem v Ústí nad Labem"),
        ("České Budějovice", "370 01", "Krajským soudem v Českých Budějovicích"),
        ("Hradec Králové", "500 02", "Krajským soudem v Hradci Králové"),
        ("Pardubice", "530 02", "Krajským soudem v Hradci Králové"),
        ("Zlín", "760 01", "Krajským soudem v Brně"),
        ("Jihlava", "586 01", "Krajským soudem v Brně"),
        ("Kladno", "272 01", "Městským soudem v Praze"),
        ("Uherské Hradiště", "686 01", "Krajským soudem v Brně"),
        ("Tábor", "390 02", "Krajským soudem v Českých Budějovicích"),
    ],
    "sk": [
        ("Bratislava", "821 09", "Mestského súdu Bratislava III", "B"),
        ("Bratislava", "811 02", "Mestského súdu Bratislava III", "B"),
        ("Košice", "040 01", "Okresného súdu Košice I", "V"),
        ("Žilina", "010 01", "Okresného súdu Žilina", "L"),
        ("Banská Bystrica", "974 01", "Okresného súdu Banská Bystrica", "S"),
        ("Nitra", "949 01", "Okresného súdu Nitra", "N"),
        ("Trnava", "917 01", "Okresného súdu Trnava", "T"),
        ("Prešov", "080 01", "Okresného súdu Prešov", "P"),
        ("Trenčín", "911 01", "Okresného súdu Trenčín", "R"),
    ],
}
STREETS = {
    "cs": "Masarykova|Husova|Palackého|Nádražní|Komenského|Dlouhá|Školní|Zahradní|Jiráskova|"
    "Tyršova|Průmyslová|Smetanova|Sokolská|Na Výsluní|U Stadionu|Havlíčkova",
    "sk": "Hlavná|Štúrova|Hviezdoslavova|Mierová|Priemyselná|Jesenského|Dlhá|Záhradná|"
    "Školská|Kukučínova|Námestie SNP",
}
COUNTRY_NAME = {"cs": {"sk": "Slovenská republika"}, "sk": {"cs": "Česká republika"}}

# Line items: description, unit, price range in CZK and the kind of VAT rate.

ITEMS = {
    "cs": [
        ("Konzultační služby", "hod", 650, 1900, "std"),
        ("Kancelářská židle, černá", "ks", 2200, 6900, "std"),
        ("Papír A4 80 g, 500 listů", "bal", 89, 169, "std"),
        ("Servis plynového kotle", "kpl", 1200, 3500, "std"),
        ("Montážní práce", "hod", 450, 950, "std"),
        ("Úhelník ocelový 40 mm", "ks", 18, 65, "std"),
        ("Doprava", "km", 12, 28, "std"),
        ("Toner černý HP 85A", "ks", 690, 2400, "std"),
        ("Roční licence software", "ks", 3900, 24000, "std"),
        ("Stahovací pásky 200 mm (100 ks)", "bal", 45, 140, "std"),
        ("LED panel 60 x 60 cm, 40 W", "ks", 690, 1890, "std"),
        ("Grafické práce", "hod", 500, 1400, "std"),
        ("Elektroinstalační materiál", "kpl", 800, 9500, "std"),
        ("Kabel CYKY-J 3x2,5", "m", 21, 48, "std"),
        ("Revize elektroinstalace", "kpl", 2500, 8900, "std"),
        ("Vývoj webové aplikace", "hod", 900, 2200, "std"),
        ("Správa serveru – měsíční paušál", "měs", 1500, 6000, "std"),
        ("Malování stěn", "m2", 35, 90, "std"),
        ("Sádrokartonová deska RB 12,5 mm", "ks", 160, 290, "std"),
        ("Pronájem lešení", "den", 300, 1200, "std"),
    ],
    "sk": [
        ("Konzultačné služby", "hod", 650, 1900, "std"),
        ("Kancelárska stolička, čierna", "ks", 2200, 6900, "std"),
        ("Papier A4 80 g, 500 listov", "bal", 89, 169, "std"),
        ("Servis plynového kotla", "kpl", 1200, 3500, "std"),
        ("Montážne práce", "hod", 450, 950, "std"),
        ("Doprava", "km", 12, 28, "std"),
        ("Toner čierny HP 85A", "ks", 690, 2400, "std"),
        ("Ročná licencia softvéru", "ks", 3900, 24000, "std"),
        ("LED panel 60 x 60 cm, 40 W", "ks", 690, 1890, "std"),
        ("Grafické práce", "hod", 500, 1400, "std"),
        ("Elektroinštalačný materiál", "kpl", 800, 9500, "std"),
        ("Kábel CYKY-J 3x2,5", "m", 21, 48, "std"),
        ("Revízia elektroinštalácie", "kpl", 2500, 8900, "std"),
        ("Vývoj webovej aplikácie", "hod", 900, 2200, "std"),
        ("Maľovanie stien", "m2", 35, 90, "std"),
        ("Prenájom lešenia", "deň", 300, 1200, "std"),
    ],
}
REDUCED = {
    "cs": [
        ("Ubytování – noc", "noc", 900, 2600, "stay"),
        ("Balená voda 1,5 l (6 ks)", "bal", 59, 110, "food"),
        ("Káva zrnková 1 kg", "ks", 320, 690, "food"),
        ("Dodávka tepla", "GJ", 450, 900, "heat"),
        ("Odborná publikace – Stavební zákon", "ks", 290, 890, "book"),
        ("Pojištění zásilky", "ks", 30, 250, "exempt"),
        ("Poštovné", "ks", 79, 180, "exempt"),
    ],
    "sk": [
        ("Ubytovanie – noc", "noc", 900, 2600, "stay"),
        ("Odborná publikácia – Stavebný zákon", "ks", 290, 890, "book"),
        ("Káva zrnková 1 kg", "ks", 320, 690, "food"),
        ("Poistenie zásielky", "ks", 30, 250, "exempt"),
    ],
}

LABELS: dict[Lang, dict[str, str]] = {
    "cs": {
        "supplier": "Dodavatel",
        "client": "Odběratel",
        "ic": "IČ",
        "ico": "IČO",
        "dic": "DIČ",
        "icdph": "IČ DPH",
        "issue": "Datum vystavení",
        "due": "Datum splatnosti",
        "duzp": "Datum uskutečnění zdanitelného plnění",
        "duzp_mid": "Datum zdanitelného plnění",
        "duzp_short": "DUZP",
        "delivery": "Datum dodání",
        "vs": "Variabilní symbol",
        "ks": "Konstantní symbol",
        "ss": "Specifický symbol",
        "method": "Forma úhrady",
        "transfer": "převodem",
        "transfer_alt": "Příkazem",
        "bank_transfer": "Bankovní převod",
        "cash": "hotově",
        "account": "Bankovní účet",
        "account_alt": "Číslo účtu",
        "order": "Objednávka č.",
        "of": "ze dne",
        "order_date": "Datum objednávky",
        "dl": "Dodací list",
        "item": "Označení dodávky",
        "desc": "Popis",
        "count": "Počet",
        "qty": "Množství",
        "unit": "MJ",
        "price": "J.cena",
        "unit_price": "Cena za MJ",
        "rate": "Sazba DPH",
        "rate_short": "DPH %",
        "net": "Bez DPH",
        "vat": "DPH",
        "gross": "Celkem",
        "recap": "Rekapitulace DPH",
        "base": "Základ",
        "sub": "Celkem bez DPH",
        "vat_total": "DPH celkem",
        "round": "Zaokrouhlení",
        "pay": "Celkem k úhradě",
        "sum": "Součet položek",
        "total": "Celkem",
        "invoice": "Faktura",
        "tax_doc": "daňový doklad",
        "no": "č.",
        "number": "Číslo faktury",
        "issued_by": "Vystavil",
        "stamp": "Razítko a podpis",
        "signature": "Razítko a podpis dodavatele",
        "received": "Převzal",
        "intro": "Fakturujeme Vám za dodané zboží či služby:",
        "intro_word": "Na základě objednávky Vám fakturuji:",
        "place": "Místo plnění",
        "qr": "QR Platba",
        "tel": "Tel.",
        "page": "Strana 1 z 1",
        "terms": "Splatnost",
        "days": "dní",
        "interest": "Při prodlení s úhradou účtujeme úrok z prodlení 0,05 % za každý den prodlení.",
        "reverse_goods": "Dodání zboží do jiného členského státu, osvobozeno od daně dle § 64 "
        "zákona o DPH.",
        "reverse_services": "Daň odvede zákazník (přenesení daňové povinnosti).",
        "thanks": "Děkujeme za Vaši objednávku.",
    },
    "sk": {
        "supplier": "Dodávateľ",
        "client": "Odberateľ",
        "ic": "IČO",
        "ico": "IČO",
        "dic": "DIČ",
        "icdph": "IČ DPH",
        "issue": "Dátum vystavenia",
        "due": "Dátum splatnosti",
        "duzp": "Dátum dodania tovaru alebo služby",
        "duzp_mid": "Dátum dodania",
        "duzp_short": "Dátum dodania",
        "delivery": "Dátum dodania",
        "vs": "Variabilný symbol",
        "ks": "Konštantný symbol",
        "ss": "Špecifický symbol",
        "method": "Spôsob úhrady",
        "transfer": "prevodom",
        "transfer_alt": "Prevodný príkaz",
        "bank_transfer": "Bankový prevod",
        "cash": "v hotovosti",
        "account": "Bankový účet",
        "account_alt": "IBAN",
        "order": "Objednávka č.",
        "of": "zo dňa",
        "order_date": "Dátum objednávky",
        "dl": "Dodací list",
        "item": "Označenie dodávky",
        "desc": "Popis",
        "count": "Počet",
        "qty": "Množstvo",
        "unit": "MJ",
        "price": "J.cena",
        "unit_price": "Cena za MJ",
        "rate": "Sadzba DPH",
        "rate_short": "DPH %",
        "net": "Bez DPH",
        "vat": "DPH",
        "gross": "Spolu",
        "recap": "Rekapitulácia DPH",
        "base": "Základ dane",
        "sub": "Celkom bez DPH",
        "vat_total": "DPH celkom",
        "round": "Zaokrúhlenie",
        "pay": "Celkom k úhrade",
        "sum": "Súčet položiek",
        "total": "Celkom",
        "invoice": "Faktúra",
        "tax_doc": "daňový doklad",
        "no": "č.",
        "number": "Číslo faktúry",
        "issued_by": "Vystavil",
        "stamp": "Pečiatka a podpis",
        "signature": "Pečiatka a podpis dodávateľa",
        "received": "Prevzal",
        "intro": "Fakturujeme Vám za dodaný tovar alebo služby:",
        "intro_word": "Na základe objednávky Vám fakturujem:",
        "place": "Miesto plnenia",
        "qr": "PAY by square",
        "tel": "Tel.",
        "page": "Strana 1 z 1",
        "terms": "Splatnosť",
        "days": "dní",
        "interest": "Pri omeškaní s úhradou účtujeme úrok z omeškania 0,05 % za každý deň.",
        "reverse_goods": "Dodanie tovaru do iného členského štátu oslobodené od dane podľa § 43 "
        "zákona o DPH.",
        "reverse_services": "Prenesenie daňovej povinnosti.",
        "thanks": "Ďakujeme za Vašu objednávku.",
    },
}
NON_PAYER = {
    "cs": ["Nejsem plátce DPH.", "Nejsem plátce DPH.", "Dodavatel není plátcem DPH."],
    "sk": ["Nie som platiteľ DPH.", "Dodávateľ nie je platiteľom DPH."],
}
BANKS = {
    "cs": [
        ("0800", "GIBACZPX", "Česká spořitelna"),
        ("0100", "KOMBCZPP", "Komerční banka"),
        ("0300", "CEKOCZPP", "ČSOB"),
        ("2010", "FIOBCZPP", "Fio banka"),
        ("0600", "AGBACZPP", "MONETA Money Bank"),
        ("5500", "RZBCCZPP", "Raiffeisenbank"),
        ("2700", "BACXCZPP", "UniCredit Bank"),
        ("3030", "AIRACZPP", "Air Bank"),
    ],
    "sk": [
        ("0900", "GIBASKBX", "Slovenská sporiteľňa"),
        ("1100", "TATRSKBX", "Tatra banka"),
        ("0200", "SUBASKBX", "VÚB banka"),
        ("7500", "CEKOSKBX", "ČSOB"),
        ("5600", "KOMASK2X", "Prima banka"),
    ],
}
SOFTWARE = {
    "pohoda": ("Vystaveno v ekonomickém systému POHODA", "Vystavené v ekonomickom systéme POHODA"),
    "money": ("Money S3 – Ekonomický a informační systém", "Money S3 – Ekonomický systém"),
}
ONLINE_FOOTER = {
    "cs": [
        "Vystaveno v online fakturaci Fakturoid",
        "Vytvořeno v iDoklad",
        "Vystaveno v Fakturoid",
    ],
    "sk": ["Vystavené v SuperFaktúra.sk", "Vytvorené v online fakturácii"],
}


# Identifiers.


def _ic(rng: random.Random) -> str:
    """An IČ / IČO: seven digits and the mod-11 check digit."""
    body = str(rng.randint(1, 9)) + names.digits(rng, 6)
    rest = sum(int(d) * w for d, w in zip(body, range(8, 1, -1), strict=True)) % 11
    check = {0: 1, 1: 0}.get(rest, 11 - rest)
    return f"{body}{check}"


def _birth_number(rng: random.Random, female: bool) -> str:
    """A Czech birth number as sole traders' DIČ carry it (yymmdd + 4 digits)."""
    year = rng.randint(55, 99)
    month = rng.randint(1, 12) + (50 if female else 0)
    return f"{year:02d}{month:02d}{rng.randint(1, 28):02d}{names.digits(rng, 4)}"


def _iban(country: str, bank: str, prefix: str, account: str) -> str:
    """A CZ or SK IBAN from the domestic account, with real check digits."""
    bban = f"{bank}{prefix.zfill(6)}{account.zfill(10)}"
    letters = "".join(str(ord(ch) - 55) for ch in country)
    check = 98 - int(f"{bban}{letters}00") % 97
    raw = f"{country}{check:02d}{bban}"
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def _phone(rng: random.Random, lang: Lang) -> str:
    mobile = rng.choice(("603", "605", "602", "724", "731", "777", "608"))
    if lang == "sk":
        mobile = rng.choice(("905", "903", "911", "917", "944", "948"))
    head = "+421 " if lang == "sk" else rng.choice(("+420 ", ""))
    return f"{head}{mobile} {names.digits(rng, 3)} {names.digits(rng, 3)}"


def _handle(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name.lower())
    words = [w for w in plain.replace(",", " ").split() if "." not in w and w != "&"]
    picked = "".join(ch for ch in "".join(words[:2]) if ch.isalnum() and ch.isascii())
    return picked or "firma"


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


def _qr(canvas: Canvas, rng: random.Random, x: float, y: float, side: float) -> None:
    """A payment QR code stand-in: a quiet zone, three finder squares and random modules."""
    count = 25
    cell = side / count
    canvas.box(x - 3, y - 3, x + side + 3, y + side + 3, stroke=None, fill=(1, 1, 1))
    corners = ((0, 0), (count - 7, 0), (0, count - 7))
    for cx, cy in corners:
        for ring, colour in ((0, (0.0, 0.0, 0.0)), (1, (1.0, 1.0, 1.0)), (2, (0.0, 0.0, 0.0))):
            x0 = x + (cx + ring) * cell
            y0 = y + (cy + ring) * cell
            span = (7 - 2 * ring) * cell
            canvas.box(x0, y0, x0 + span, y0 + span, stroke=None, fill=colour)
    for row in range(count):
        for col in range(count):
            if any(cx - 1 <= col <= cx + 7 and cy - 1 <= row <= cy + 7 for cx, cy in corners):
                continue
            if rng.random() < 0.48:
                canvas.box(
                    x + col * cell,
                    y + row * cell,
                    x + (col + 1) * cell,
                    y + (row + 1) * cell,
                    stroke=None,
                    fill=(0, 0, 0),
                )


# The document, shared by the three layouts.


@dataclass
class _Party:
    name: str
    rows: list[str]
    """Trade line (sole traders), street, postcode and town, country."""
    ic: str = ""
    dic: str = ""
    vat_id: str = ""
    """Slovak `IČ DPH`."""
    phone: str = ""
    email: str = ""


@dataclass
class _Doc:
    lang: Lang
    labels: dict[str, str]
    payer: bool
    reverse: str
    """"" for a domestic invoice, else the note of an intra-EU supply taxed at 0 %."""
    currency: str
    style: MoneyStyle
    dates_style: DateStyle
    quantities: QuantityStyle
    vendor: _Party
    client: _Party
    sole: bool
    number: str
    vs: str
    ks: str
    ss: str
    issue: dt.date
    due: dt.date
    due_printed: bool
    duzp: dt.date
    order: str
    order_date: dt.date
    delivery_note: str
    lines: list[Line]
    rates: list[Decimal]
    groups: list[TaxGroup]
    all_rates: list[Decimal]
    subtotal: Decimal
    tax: Decimal
    rounding: Decimal | None
    total: Decimal
    account: str
    iban: str
    swift: str
    bank: str
    registration: str
    issued_by: str
    czk_rate: Decimal | None
    non_payer_note: str
    tax_printed: bool = True

    def date(self, value: dt.date) -> str:
        return self.dates_style.format(value)

    def rate(self, value: Decimal, spaced: bool = True) -> str:
        return f"{value} %" if spaced else f"{value}%"

    def line_tax(self, line: Line, rate: Decimal) -> Decimal:
        return money(line.amount * rate / 100)


def _person(rng: random.Random, lang: Lang) -> tuple[str, bool]:
    female = rng.random() < 0.4
    male_pair = PEOPLE[lang]
    surname = rng.choice(male_pair)[1 if female else 0]
    first = rng.choice(FIRST[lang][1 if female else 0].split())
    return f"{first} {surname}", female


def _place(rng: random.Random, lang: Lang) -> tuple[list[str], tuple[str, ...]]:
    city = rng.choice(CITIES[lang])
    street = rng.choice(STREETS[lang].split("|"))
    if lang == "cs" and rng.random() < 0.7:
        street_no = f"{rng.randint(100, 3200)}/{rng.randint(1, 90)}"
    else:
        street_no = str(rng.randint(1, 160))
    return [f"{street} {street_no}", f"{city[1]} {city[0]}"], city


def _company_name(rng: random.Random, lang: Lang) -> tuple[str, str]:
    surname = rng.choice(PEOPLE[lang])[0]
    other = rng.choice(PEOPLE[lang])[0]
    trade = rng.choice(TRADES[lang].split("|"))
    form = rng.choice(FORMS[lang])
    city = rng.choice(CITIES[lang])[0].split()[0]
    brand = rng.choice(BRANDS.split("|"))
    shape = rng.randrange(5)
    comma = ", " if form.startswith("spol.") or rng.random() < 0.25 else " "
    if shape == 0:
        return f"{trade} {surname}{comma}{form}", f"{trade} {surname}".upper()
    if shape == 1:
        return f"{brand} {city}{comma}{form}", brand
    if shape == 2:
        return f"{surname} & {other}{comma}{form}", ""
    if shape == 3:
        return f"{brand}{comma}{form}", brand
    return f"{surname} {trade}{comma}{form}", surname.upper()


def _vendor(rng: random.Random, lang: Lang, sole: bool, payer: bool) -> tuple[_Party, str, str]:
    """The supplier, its register line and the brand some layouts print as a logo."""
    rows, city = _place(rng, lang)
    ic = _ic(rng)
    if sole:
        name, female = _person(rng, lang)
        if rng.random() < 0.2:
            name = f"{rng.choice(TITLES)} {name}"
        rows = [rng.choice(TRADE_LINES[lang]), *rows]
        if lang == "cs":
            dic = f"CZ{_birth_number(rng, female)}" if payer else ""
            registration = rng.choice(
                (
                    "Fyzická osoba zapsaná v živnostenském rejstříku.",
                    f"Podnikatel zapsaný v živnostenském rejstříku, evidující úřad MÚ {city[0]}.",
                )
            )
        else:
            dic = "10" + names.digits(rng, 8)
            registration = (
                f"Zapísaný v Živnostenskom registri Okresného úradu {city[0]}, "
                f"č. živ. reg. {rng.randint(101, 899)}-{names.digits(rng, 5)}."
            )
        brand = ""
    else:
        name, brand = _company_name(rng, lang)
        if lang == "cs":
            dic = f"CZ{ic}"
            section = "B" if "a.s." in name else "A" if "v.o.s." in name else "C"
            insert = rng.randint(1200, 320000) if section == "C" else rng.randint(300, 12000)
            lead = rng.choice(
                (
                    "Zapsáno v obchodním rejstříku vedeném",
                    "Společnost je zapsána v obchodním rejstříku vedeném",
                    "Zapsaná v OR vedeném",
                )
            )
            registration = f"{lead} {city[2]}, oddíl {section}, vložka {insert}."
        else:
            dic = "20" + names.digits(rng, 8)
            section = "Sa" if "a." in name.split()[-1] else "Sro"
            registration = (
                f"Zapísaná v Obchodnom registri {city[2]}, oddiel: {section}, "
                f"vložka č. {rng.randint(1000, 99999)}/{city[3]}."
            )
    vat_id = f"SK{dic}" if lang == "sk" and payer else ""
    domain = "sk" if lang == "sk" else "cz"
    email = f"{rng.choice(('info', 'fakturace', 'obchod', 'kancelar'))}@{_handle(name)}.{domain}"
    if lang == "sk":
        email = email.replace("fakturace", "fakturacia").replace("kancelar", "office")
    party = _Party(name, rows, ic, dic, vat_id, _phone(rng, lang), email)
    return party, registration, brand


def _client(rng: random.Random, lang: Lang, abroad: str) -> _Party:
    """The buyer: a firm at home (or in the other country, or Germany, for a supply in euros), or
    a private person on some tradesperson invoices."""
    if abroad == "de":
        name = names.company(rng, "de")
        return _Party(name, [*names.address(rng, "de"), "Německo"], "", f"DE{names.digits(rng, 9)}")
    country: Lang = "sk" if abroad == "sk" else "cs" if abroad == "cs" else lang
    rows, _ = _place(rng, country)
    if abroad:
        rows.append(COUNTRY_NAME[lang][country])
    if rng.random() < 0.12 and not abroad:
        return _Party(_person(rng, country)[0], rows)
    name = _company_name(rng, country)[0]
    ic = _ic(rng)
    if country == "cs":
        return _Party(name, rows, ic, f"CZ{ic}")
    dic = "20" + names.digits(rng, 8)
    return _Party(name, rows, ic, dic, f"SK{dic}")


def _rate_for(kind: str, lang: Lang, year: int) -> Decimal:
    if kind == "exempt":
        return Decimal(0)
    if lang == "cs":
        if kind == "std":
            return Decimal(21)
        if kind == "book":
            return Decimal(0) if year >= 2024 else Decimal(10)
        if kind == "heat" and year < 2024:
            return Decimal(10)
        return Decimal(12) if year >= 2024 else Decimal(15)
    if year >= 2025:
        return {"std": Decimal(23), "food": Decimal(19)}.get(kind, Decimal(5))
    return {"std": Decimal(20), "food": Decimal(20)}.get(kind, Decimal(10))


def _program_rates(lang: Lang, year: int) -> list[Decimal]:
    """The rates a Czech or Slovak accounting program lists in its recapitulation."""
    if lang == "cs":
        values = (0, 12, 21) if year >= 2024 else (0, 10, 15, 21)
    else:
        values = (0, 5, 19, 23) if year >= 2025 else (0, 10, 20)
    return [Decimal(v) for v in values]


def _lines(
    rng: random.Random, lang: Lang, year: int, count: int, *, euro: bool, mixed: bool
) -> tuple[list[Line], list[Decimal]]:
    scale = Decimal(25) if euro else Decimal(1)
    picks = rng.sample(ITEMS[lang], count)
    if mixed:
        for extra in rng.sample(REDUCED[lang], rng.randint(1, 2)):
            picks.insert(rng.randint(0, len(picks)), extra)
    lines, rates = [], []
    for text, unit, low, high, kind in picks:
        if unit in ("hod",):
            amount = quantity(rng, fractional=0.4)
        elif unit in ("m", "m2", "km"):
            amount = Decimal(rng.choice((8, 12, 25, 40, 50, 85, 120, 150)))
        elif unit in ("kpl", "měs", "noc", "den", "deň"):
            amount = Decimal(rng.choice((1, 1, 1, 2, 3)))
        else:
            amount = Decimal(rng.choice((1, 1, 2, 2, 3, 4, 5, 6, 10, 12, 20)))
        unit_price = price(rng, float(low / scale), float(high / scale))
        if not euro and rng.random() < 0.6:
            unit_price = Decimal(int(unit_price))
        lines.append(Line(text, amount, unit_price, unit))
        rates.append(_rate_for(kind, lang, year))
    return lines, rates


def _number(rng: random.Random, layout: str, year: int) -> str:
    yy = f"{year % 100:02d}"
    seq = rng.randint(1, 480)
    if layout == "pohoda":
        return rng.choice(
            (
                f"{yy}0100{seq:03d}",
                f"{yy}1{seq:04d}",
                f"{year}0{seq:03d}",
                f"FV{yy}{seq:04d}",
                f"{year}FV{seq:04d}",
            )
        )
    if layout == "online":
        return rng.choice((f"{year}-{seq:04d}", f"{year}{seq:04d}", f"{year}-{seq:03d}"))
    small = rng.randint(1, 60)
    return rng.choice(
        (f"{small}/{year}", f"{year}{small:03d}", f"FA-{year}-{small:03d}", f"{small:02d}{year}")
    )


def _money_style(rng: random.Random, layout: str, currency: str) -> MoneyStyle:
    if currency == "EUR":
        mark = rng.choice(("€", "€", "EUR"))
    else:
        mark = rng.choice(("Kč", "Kč", "Kč", "CZK"))
    grouping = " "
    if layout == "pohoda":
        grouping = rng.choice((" ", " ", " ", "."))
    elif layout == "word":
        grouping = rng.choice((" ", " ", "", "."))
    return MoneyStyle(grouping, ",", mark, symbol_after=True)


def build(rng: random.Random) -> Rendered:
    layout = choose(rng, [(4, "pohoda"), (3, "online"), (3, "word")])
    lang: Lang = "sk" if rng.random() < 0.25 else "cs"
    labels = LABELS[lang]

    # Who invoices whom, in which currency, and whether VAT applies.
    sole = layout == "word" or rng.random() < {"pohoda": 0.1, "online": 0.55, "word": 1}[layout]
    payer = not sole or rng.random() >= {"pohoda": 0.3, "online": 0.6, "word": 0.6}[layout]
    abroad = ""
    currency = "EUR" if lang == "sk" else "CZK"
    czk_restated = False
    if lang == "cs" and layout != "word" and payer and rng.random() < 0.16:
        currency = "EUR"
        if rng.random() < 0.5:
            abroad = rng.choice(("sk", "de"))
        else:
            czk_restated = True
    elif lang == "sk" and payer and rng.random() < 0.08:
        abroad = "cs"

    style = _money_style(rng, layout, currency)
    date_pattern = {
        "pohoda": ("{dd}.{mm}.{yyyy}", "{dd}.{mm}.{yyyy}", "{d}.{m}.{yyyy}"),
        "online": ("{d}. {m}. {yyyy}", "{d}. {m}. {yyyy}", "{dd}.{mm}.{yyyy}"),
        "word": ("{d}.{m}.{yyyy}", "{d}. {m}. {yyyy}", "{dd}.{mm}.{yyyy}"),
    }[layout]
    dates_style = DateStyle(rng.choice(date_pattern))
    quantities: QuantityStyle = (
        FixedQuantity(",", places=2)
        if layout == "pohoda" or rng.random() < 0.2
        else QuantityStyle(",")
    )
    dates = pick_dates(rng, dates_style, due_days=(14, 14, 14, 7, 21, 30))
    year = dates.issue.year

    vendor, registration, brand = _vendor(rng, lang, sole, payer)
    client = _client(rng, lang, abroad)
    if layout == "word" and rng.random() < 0.3 and not abroad:
        client = _Party(_person(rng, lang)[0], _place(rng, lang)[0])

    # Lines and VAT.
    count = rng.randint(1, {"pohoda": 7, "online": 5, "word": 4}[layout])
    mixed = payer and not abroad and rng.random() < 0.3
    lines, rates = _lines(rng, lang, year, count, euro=currency == "EUR", mixed=mixed)
    if not payer or abroad:
        rates = [Decimal(0)] * len(lines)
    groups, subtotal, tax, raw_total = net_totals(lines, rates)
    if not payer:
        groups, tax = [], Decimal(0)
    rounding: Decimal | None = None
    if currency == "CZK" and rng.random() < {"pohoda": 0.5, "online": 0.3, "word": 0.4}[layout]:
        rounding = raw_total.quantize(Decimal(1), rounding=ROUND_HALF_UP) - raw_total
    total = raw_total + (rounding or Decimal(0))

    # Numbers, symbols and dates.
    number_text = _number(rng, layout, year)
    digits_only = "".join(ch for ch in number_text if ch.isdigit())[-10:]
    order = rng.choice(
        (f"OBJ-{year}-{rng.randint(10, 999):04d}", f"{rng.randint(1, 400)}/{year}", "")
    )
    if rng.random() < 0.35:
        order = f"45{names.digits(rng, 8)}"
    vs = digits_only
    if rng.random() < 0.22:
        vs = "".join(ch for ch in order if ch.isdigit())[-10:] or names.digits(rng, 8)
    ks = rng.choice(("0308", "0308", "0308", "0008", ""))
    ss = rng.choice(("", "", "", names.digits(rng, 4), names.digits(rng, 6)))
    roll = rng.random()
    if roll < 0.55:
        duzp = dates.issue
    elif roll < 0.85:
        duzp = dates.other[0]
    else:
        duzp = dates.issue.replace(day=1) - dt.timedelta(days=1)
    order_date = min(dates.other[0], duzp) - dt.timedelta(days=rng.randint(0, 9))
    if number_text.isdigit():
        delivery_note = f"{number_text[:2]}03{names.digits(rng, len(number_text) - 4)}"
    else:
        delivery_note = f"DL{year % 100:02d}{names.digits(rng, 4)}"
    due_printed = not (layout == "word" and rng.random() < 0.12)

    # Bank.
    bank_code, swift, bank = rng.choice(BANKS[lang])
    prefix = rng.choice(("", "", "", "19", "107", "35"))
    account_no = str(rng.randint(10**5, 10**10 - 1))
    account = f"{prefix + '-' if prefix else ''}{account_no}/{bank_code}"
    iban = _iban("SK" if lang == "sk" else "CZ", bank_code, prefix, account_no)

    reverse = ""
    if abroad:
        reverse = labels["reverse_goods"] if rng.random() < 0.5 else labels["reverse_services"]
    czk_rate = Decimal(f"{rng.uniform(24.2, 25.6):.3f}") if czk_restated else None
    issued_by = _person(rng, lang)[0] if not sole else vendor.name

    doc = _Doc(
        lang=lang,
        labels=labels,
        payer=payer,
        reverse=reverse,
        currency=currency,
        style=style,
        dates_style=dates_style,
        quantities=quantities,
        vendor=vendor,
        client=client,
        sole=sole,
        number=number_text,
        vs=vs,
        ks=ks,
        ss=ss,
        issue=dates.issue,
        due=dates.due,
        due_printed=due_printed,
        duzp=duzp,
        order=order,
        order_date=order_date,
        delivery_note=delivery_note,
        lines=lines,
        rates=rates,
        groups=groups,
        all_rates=_program_rates(lang, year),
        subtotal=subtotal,
        tax=tax,
        rounding=rounding,
        total=total,
        account=account,
        iban=iban,
        swift=swift,
        bank=bank,
        registration=registration,
        issued_by=issued_by,
        czk_rate=czk_rate,
        non_payer_note=rng.choice(NON_PAYER[lang]),
    )
    canvas = Canvas(*A4, family="tiro" if layout == "word" and rng.random() < 0.7 else "helv")
    if layout == "pohoda":
        _pohoda(canvas, doc, rng)
        image: ImageFormat = choose(rng, [(6, None), (2, "jpg"), (1, "png")])
    elif layout == "online":
        _online(canvas, doc, rng, brand)
        image = choose(rng, [(8, None), (1, "jpg")])
    else:
        _word(canvas, doc, rng)
        image = choose(rng, [(9, None), (8, "jpg"), (3, "png")])

    # VAT is in the truth only when the page prints a sum that, with the subtotal, makes the total.
    keep_tax = payer and doc.tax_printed and not rounding
    fields = truth_fields(
        number=number_text,
        issue=dates.issue,
        due=dates.due if due_printed else None,
        vendor=vendor.name,
        total=total,
        subtotal=subtotal,
        tax=tax if keep_tax else None,
        currency=currency,
        lines=lines,
    )
    return Rendered(
        fields,
        lang,
        "invoice",
        canvas.pdf(title=number_text),
        style,
        dates_style,
        quantities,
        ("€", "EUR") if currency == "EUR" else ("Kč", "CZK"),
        image=image,
    )


# Pieces the layouts share.


def _title(doc: _Doc, rng: random.Random, *, upper: bool) -> str:
    name = doc.labels["invoice"]
    if doc.payer and rng.random() < 0.75:
        dash = rng.choice((" – ", " - "))
        name = f"{name}{dash}{doc.labels['tax_doc']}"
    return name.upper() if upper else name


def _party_ids(doc: _Doc, party: _Party, ic_label: str) -> list[str]:
    rows = []
    if party.ic:
        rows.append(f"{ic_label}: {party.ic}")
    if party.dic:
        rows.append(f"{doc.labels['dic']}: {party.dic}")
    if party.vat_id:
        rows.append(f"{doc.labels.get('icdph', 'DIČ')}: {party.vat_id}")
    return rows


def _recap_rows(doc: _Doc, rates: list[Decimal], spaced: bool = True) -> list[list[str]]:
    by_rate = {group.rate: group for group in doc.groups}
    rows = []
    for rate in rates:
        group = by_rate.get(rate, TaxGroup(rate, Decimal(0), Decimal(0)))
        rows.append(
            [
                doc.rate(rate, spaced),
                doc.style.number(group.base),
                doc.style.number(group.tax),
                doc.style.number(group.base + group.tax),
            ]
        )
    return rows


def _czk_restatement(doc: _Doc) -> list[str]:
    """A Czech invoice in euros states its VAT in crowns as well (at the ČNB rate)."""
    if doc.czk_rate is None:
        return []
    czk = MoneyStyle(" ", ",", "Kč", symbol_after=True)
    rate_text = f"{doc.czk_rate}".replace(".", ",")
    base = money(doc.subtotal * doc.czk_rate)
    tax = money(doc.tax * doc.czk_rate)
    return [
        f"Přepočet DPH kurzem ČNB {rate_text} CZK/EUR ze dne {doc.date(doc.duzp)}:",
        f"Základ daně {czk.amount(base)}   DPH {czk.amount(tax)}   Celkem {czk.amount(base + tax)}",
    ]


def _amount_rows(doc: _Doc) -> list[tuple[str, str]]:
    """`Celkem bez DPH`, `DPH celkem` and the rounding (non-payers: the sum of the items)."""
    labels = doc.labels
    if not doc.payer:
        rows = [(labels["sum"], doc.style.amount(doc.subtotal))]
    else:
        rows = [
            (labels["sub"], doc.style.amount(doc.subtotal)),
            (labels["vat_total"], doc.style.amount(doc.tax)),
        ]
    return rows


# Layout 1: an accounting program's boxed print (Pohoda, Money S3).


def _pohoda(canvas: Canvas, doc: _Doc, rng: random.Random) -> None:
    labels = doc.labels
    left, right, mid = 36.0, 559.0, 300.0
    size = rng.choice((7.5, 8.0))
    money_program = rng.random() < 0.35

    # Title band.
    canvas.box(left, 34, right, 60, fill=PALE)
    canvas.text(left + 8, 52, _title(doc, rng, upper=not money_program), size=13, bold=True)
    number_label = labels["no"] if rng.random() < 0.6 else f"{labels['number']}:"
    canvas.text(right - 8, 52, f"{number_label} {doc.number}", size=12, bold=True, align="right")

    # Supplier and client boxes (drawn once their height is known).
    top = 64.0
    canvas.text(left + 6, top + 11, f"{labels['supplier']}:", size=7, bold=True, color=GREY)
    y = top + 26
    canvas.text(left + 6, y, doc.vendor.name, size=10.5, bold=True)
    for row in doc.vendor.rows:
        y += size + 3
        canvas.text(left + 6, y, row, size=size)
    ids = _party_ids(doc, doc.vendor, labels["ic"])
    y += size + 6
    canvas.text(left + 6, y, "     ".join(ids[:2]), size=size)
    if len(ids) > 2:
        y += size + 3
        canvas.text(left + 6, y, ids[2], size=size)
    for row in _wrap(canvas, doc.registration, mid - left - 12, 6):
        y += 8
        canvas.text(left + 6, y, row, size=6, color=GREY)
    y += 10
    canvas.text(
        left + 6, y, f"{labels['tel']}: {doc.vendor.phone}   {doc.vendor.email}", size=size - 1
    )

    canvas.text(mid + 6, top + 11, f"{labels['client']}:", size=7, bold=True, color=GREY)
    client_ids = _party_ids(doc, doc.client, labels["ic"])
    canvas.text(right - 6, top + 11, "   ".join(client_ids[:2]), size=size - 0.5, align="right")
    if len(client_ids) > 2:
        canvas.text(right - 6, top + 21, client_ids[2], size=size - 0.5, align="right")
    supplier_end = y
    y = top + 52
    canvas.text(mid + 24, y, doc.client.name, size=10, bold=True)
    for row in doc.client.rows:
        y += size + 4
        canvas.text(mid + 24, y, row, size=size + 0.5)
    bottom = max(184.0, supplier_end + 8, y + 10)
    canvas.box(left, top, mid, bottom, width=0.7)
    canvas.box(mid, top, right, bottom, width=0.7)

    # Payment and dates boxes.
    top, bottom = bottom, bottom + 82
    canvas.box(left, top, mid, bottom, width=0.7)
    canvas.box(mid, top, right, bottom, width=0.7)
    pay = [
        ("IBAN:", doc.iban),
        ("SWIFT:", f"{doc.swift}   {doc.bank}"),
        (f"{labels['vs']}:", doc.vs),
        (f"{labels['ks']}:", doc.ks),
    ]
    if doc.lang == "cs":
        account_label = labels["account_alt" if money_program else "account"]
        pay.insert(0, (f"{account_label}:", doc.account))
    if doc.ss:
        pay.append((f"{labels['ss']}:", doc.ss))
    gap = max(canvas.width_of(label, size=size) for label, _ in pay) + 8
    label_pairs(canvas, left + 6, top + 13, pay, size=size, gap=gap, step=11, bold_labels=False)
    dates = []
    if doc.order:
        dates.append((f"{labels['order']}:", doc.order))
        dates.append((f"{labels['order_date']}:", doc.date(doc.order_date)))
    dates.append((f"{labels['issue']}:", doc.date(doc.issue)))
    dates.append((f"{labels['due']}:", doc.date(doc.due)))
    if doc.payer:
        dates.append(
            (f"{labels['duzp' if not money_program else 'duzp_mid']}:", doc.date(doc.duzp))
        )
    method = labels["transfer_alt"] if rng.random() < 0.5 else labels["transfer"]
    dates.append((f"{labels['method']}:", method))
    if rng.random() < 0.3:
        dates.append((f"{labels['dl']}:", doc.delivery_note))
    gap = max(canvas.width_of(label, size=size) for label, _ in dates) + 8
    label_pairs(canvas, mid + 6, top + 13, dates, size=size, gap=gap, step=11, bold_labels=False)

    # Items.
    y = bottom + 16
    canvas.text(left + 2, y, labels["intro"], size=size)
    y += 6
    rows: list[list[str]] = []
    q = doc.quantities
    if doc.payer:
        columns = [
            Column(labels["item"], left + 4),
            Column(labels["count"], 280, "right"),
            Column(labels["unit"], 284),
            Column(labels["price"], 346, "right"),
            Column(labels["rate_short"], 378, "right"),
            Column(labels["net"], 433, "right"),
            Column(labels["vat"], 488, "right"),
            Column(labels["gross"], right - 4, "right"),
        ]
        sums = [Decimal(0), Decimal(0)]
        for line, rate in zip(doc.lines, doc.rates, strict=True):
            line_tax = doc.line_tax(line, rate)
            sums[0] += line.amount
            sums[1] += line_tax
            rows.append(
                [
                    line.description,
                    q.number(line.quantity),
                    line.unit,
                    doc.style.number(line.unit_price),
                    str(rate),
                    doc.style.number(line.amount),
                    doc.style.number(line_tax),
                    doc.style.number(line.amount + line_tax),
                ]
            )
    else:
        columns = [
            Column(labels["item"], left + 4),
            Column(labels["count"], 340, "right"),
            Column(labels["unit"], 346),
            Column(labels["price"], 450, "right"),
            Column(labels["total"], right - 4, "right"),
        ]
        for line in doc.lines:
            rows.append(
                [
                    line.description,
                    q.number(line.quantity),
                    line.unit,
                    doc.style.number(line.unit_price),
                    doc.style.number(line.amount),
                ]
            )
    y = draw_table(
        canvas,
        y,
        columns,
        rows,
        left=left,
        right=right,
        size=size,
        row_height=14,
        rules=rng.choice(("header", "grid")),
        header_fill=FILL,
    )
    if doc.payer:
        y += 8
        canvas.text(left + 4, y, labels["sum"], size=size, bold=True)
        canvas.text(433, y, doc.style.number(sums[0]), size=size, bold=True, align="right")
        canvas.text(488, y, doc.style.number(sums[1]), size=size, bold=True, align="right")
        canvas.text(
            right - 4, y, doc.style.number(sums[0] + sums[1]), size=size, bold=True, align="right"
        )
        y += 4

    # Recapitulation left, totals right.
    block = y + 16
    notes: list[str] = []
    after = block
    if doc.payer:
        program_rates = [Decimal(0)] if doc.reverse else doc.all_rates
        canvas.text(
            left + 2, block - 4, f"{labels['recap']} v {doc.currency}:", size=size, bold=True
        )
        after = draw_table(
            canvas,
            block,
            [
                Column(labels["rate"], left + 4),
                Column(labels["base"], 150, "right"),
                Column(labels["vat"], 210, "right"),
                Column(labels["gross"], 286, "right"),
            ],
            _recap_rows(doc, program_rates),
            left=left,
            right=290,
            size=size - 0.5,
            row_height=12,
            rules="grid",
            header_fill=FILL,
        )
        notes += _czk_restatement(doc)
    else:
        notes.append(doc.non_payer_note)
    if doc.reverse:
        notes.append(doc.reverse)
    for note in notes:
        for row in _wrap(canvas, note, 250, size - 0.5):
            after += 10
            canvas.text(left + 2, after, row, size=size - 0.5)

    rows_right = _amount_rows(doc)
    rows_right.append((labels["round"], doc.style.amount(doc.rounding or Decimal(0))))
    y_right = total_rows(canvas, 330, right - 6, block + 6, rows_right, bold=(), size=size + 0.5)
    canvas.box(322, y_right - 6, right, y_right + 16, fill=FILL, width=0.8)
    canvas.text(330, y_right + 9, f"{labels['pay']}:", size=11, bold=True)
    canvas.text(
        right - 6, y_right + 9, doc.style.amount(doc.total), size=12, bold=True, align="right"
    )
    y = max(after, y_right + 16) + 22

    # QR payment, issuer, stamp.
    if rng.random() < 0.75:
        _qr(canvas, rng, left + 4, y, 68)
        canvas.text(left + 4, y + 80, labels["qr"], size=7, bold=True)
        x_issuer = left + 90
    else:
        x_issuer = left + 4
    canvas.text(x_issuer, y + 10, f"{labels['issued_by']}: {doc.issued_by}", size=size)
    canvas.text(x_issuer, y + 22, f"{labels['tel']}: {doc.vendor.phone}", size=size)
    canvas.text(x_issuer, y + 34, f"E-mail: {doc.vendor.email}", size=size)
    canvas.text(x_issuer, y + 52, f"{labels['received']}:", size=size)
    canvas.box(380, y, right, y + 70, width=0.5)
    canvas.text(386, y + 10, f"{labels['stamp']}:", size=size - 1, color=GREY)

    canvas.line(left, 806, right, 806, width=0.3)
    software = SOFTWARE["money" if money_program else "pohoda"][doc.lang == "sk"]
    canvas.text(left, 816, software, size=6, color=GREY)
    canvas.text(right, 816, labels["page"], size=6, color=GREY, align="right")


# Layout 2: an online invoicing service.


def _online(canvas: Canvas, doc: _Doc, rng: random.Random, brand: str) -> None:
    labels = doc.labels
    accent = rng.choice(ACCENTS)
    left, right, col2 = 50.0, 545.0, 305.0
    size = 9.0

    canvas.text(left, 70, f"{labels['invoice']} {doc.number}", size=21, bold=True)
    if doc.payer:
        canvas.text(left, 86, labels["tax_doc"], size=9, color=GREY)
    if brand and rng.random() < 0.6:
        canvas.text(right, 66, brand, size=16, bold=True, color=accent, align="right")

    # Parties.
    top = 122.0
    parties_end = top
    for x, caption, party in (
        (left, labels["supplier"], doc.vendor),
        (col2, labels["client"], doc.client),
    ):
        canvas.text(x, top, caption.upper(), size=7.5, bold=True, color=accent)
        y = top + 16
        canvas.text(x, y, party.name, size=10.5, bold=True)
        for row in party.rows:
            y += 12
            canvas.text(x, y, row, size=size)
        y += 6
        for row in _party_ids(doc, party, labels["ico"]):
            y += 12
            label, value = row.split(": ", 1)
            canvas.text(x, y, label, size=size - 0.5, color=GREY)
            canvas.text(x + 48, y, value, size=size)
        parties_end = max(parties_end, y)
    if rng.random() < 0.5:
        parties_end += 18
        contact = f"{doc.vendor.email} · {doc.vendor.phone}"
        canvas.text(left, parties_end, contact, size=8, color=GREY)

    # Payment, dates and the QR code.
    top = parties_end + 44
    canvas.line(left, top - 14, right, top - 14, width=0.4, color=GREY)
    pay = [
        (labels["account"], doc.account if doc.lang == "cs" else doc.iban),
        (labels["vs"], doc.vs),
    ]
    if doc.lang == "cs" and rng.random() < 0.6:
        pay.insert(1, ("IBAN", doc.iban))
    if doc.ks and rng.random() < 0.5:
        pay.append((labels["ks"], doc.ks))
    pay.append((labels["method"], rng.choice((labels["bank_transfer"], labels["transfer"]))))
    dates = [(labels["issue"], doc.date(doc.issue)), (labels["due"], doc.date(doc.due))]
    if doc.payer:
        label = labels["duzp_short"] if rng.random() < 0.5 else labels["duzp_mid"]
        dates.append((label, doc.date(doc.duzp)))
    if doc.order and rng.random() < 0.5:
        dates.append((labels["order"].rstrip(" č."), doc.order))
    gaps = [
        max(canvas.width_of(label, size=size - 0.5) for label, _ in rows) + 12
        for rows in (pay, dates)
    ]
    end = label_pairs(
        canvas, left, top, pay, size=size - 0.5, gap=gaps[0], step=14, bold_labels=False
    )
    end2 = label_pairs(
        canvas, col2, top, dates, size=size - 0.5, gap=gaps[1], step=14, bold_labels=False
    )
    qr = rng.random() < 0.7
    if qr:
        _qr(canvas, rng, right - 62, top - 6, 62)
        canvas.text(right - 31, top + 68, labels["qr"], size=6.5, color=GREY, align="center")
    y = max(end, end2, top + 74 if qr else 0.0) + 6
    if not doc.payer:
        canvas.text(left, y, doc.non_payer_note, size=size - 0.5, bold=True)
        y += 12
    y += 10

    # Items.
    q = doc.quantities
    rows: list[list[str]] = []
    if doc.payer:
        columns = [
            Column(labels["item"], left + 2),
            Column(labels["qty"], 318, "right"),
            Column(labels["unit"], 322),
            Column(labels["unit_price"], 395, "right"),
            Column(labels["vat"], 428, "right"),
            Column(labels["net"], 486, "right"),
            Column(labels["gross"], right - 2, "right"),
        ]
        for line, rate in zip(doc.lines, doc.rates, strict=True):
            rows.append(
                [
                    line.description,
                    q.number(line.quantity),
                    line.unit,
                    doc.style.number(line.unit_price),
                    doc.rate(rate, False),
                    doc.style.number(line.amount),
                    doc.style.number(line.amount + doc.line_tax(line, rate)),
                ]
            )
    else:
        columns = [
            Column(labels["item"], left + 2),
            Column(labels["qty"], 350, "right"),
            Column(labels["unit"], 356),
            Column(labels["unit_price"], 460, "right"),
            Column(labels["total"], right - 2, "right"),
        ]
        for line in doc.lines:
            rows.append(
                [
                    line.description,
                    q.number(line.quantity),
                    line.unit,
                    doc.style.number(line.unit_price),
                    doc.style.number(line.amount),
                ]
            )
    y = draw_table(
        canvas,
        y,
        columns,
        rows,
        left=left,
        right=right,
        size=size - 0.5,
        row_height=18,
        rules=rng.choice(("header", "zebra")),
        header_bold=False,
    )

    # Recapitulation per used rate, then the amount due.
    y += 14
    if doc.payer:
        recap = _recap_rows(doc, [group.rate for group in doc.groups], spaced=True)
        y = draw_table(
            canvas,
            y,
            [
                Column(labels["rate"], 300),
                Column(labels["base"], 392, "right"),
                Column(labels["vat"], 462, "right"),
                Column(labels["gross"], right - 2, "right"),
            ],
            recap,
            left=296,
            right=right,
            size=size - 1,
            row_height=14,
            rules="header",
            header_bold=False,
        )
        y += 6
    rows_right = _amount_rows(doc)
    if doc.rounding:
        rows_right.append((labels["round"], doc.style.amount(doc.rounding)))
    y = total_rows(canvas, 300, right - 2, y + 8, rows_right, bold=(), size=size)
    canvas.box(296, y - 4, right, y + 22, stroke=None, fill=_tint(accent))
    canvas.text(304, y + 13, labels["pay"], size=11, bold=True)
    canvas.text(right - 8, y + 13, doc.style.amount(doc.total), size=13, bold=True, align="right")
    y += 40
    notes = _czk_restatement(doc)
    if doc.reverse:
        notes.append(doc.reverse)
    for note in notes:
        canvas.text(left, y, note, size=size - 1)
        y += 12

    # Footer.
    footer = _wrap(canvas, doc.registration, right - left, 7)
    for offset, row in enumerate(footer):
        canvas.text(left, 790 + offset * 9 - (len(footer) - 1) * 9, row, size=7, color=GREY)
    canvas.line(left, 798, right, 798, width=0.3, color=GREY)
    canvas.text(left, 810, rng.choice(ONLINE_FOOTER[doc.lang]), size=7, color=GREY)
    canvas.text(right, 810, "1 / 1", size=7, color=GREY, align="right")


def _tint(color: Color) -> Color:
    r, g, b = color
    return (0.85 + r * 0.15, 0.85 + g * 0.15, 0.85 + b * 0.15)


# Layout 3: a tradesperson's own Word template.


def _word(canvas: Canvas, doc: _Doc, rng: random.Random) -> None:
    labels = doc.labels
    left, right = 60.0, 535.0
    size = rng.choice((10.0, 10.5))

    title = f"{_title(doc, rng, upper=True)} {labels['no']} {doc.number}"
    canvas.text((left + right) / 2, 64, title, size=15, bold=True, align="center")
    canvas.line(left, 74, right, 74, width=1.0)

    # Supplier left, client in a box right.
    top = 96.0
    caption = f"{labels['supplier']}:"
    canvas.text(left, top, caption, size=size, bold=True)
    canvas.line(left, top + 2, left + canvas.width_of(caption, size=size, bold=True), top + 2)
    y = top + 16
    canvas.text(left, y, doc.vendor.name, size=size + 1.5, bold=True)
    for row in doc.vendor.rows:
        y += size + 3
        canvas.text(left, y, row, size=size)
    y += 4
    for row in _party_ids(doc, doc.vendor, labels["ic"]):
        y += size + 3
        canvas.text(left, y, row, size=size)
    y += size + 3
    canvas.text(left, y, f"{labels['tel']}: {doc.vendor.phone}", size=size)
    y += size + 3
    canvas.text(left, y, f"E-mail: {doc.vendor.email}", size=size)
    supplier_end = y

    box_left = 310.0
    canvas.text(box_left, top, f"{labels['client']}:", size=size, bold=True)
    client_rows = [*doc.client.rows, *_party_ids(doc, doc.client, labels["ic"])]
    box_bottom = top + 22 + (len(client_rows) + 1) * (size + 3)
    canvas.box(box_left - 6, top + 6, right, box_bottom, width=0.8)
    y = top + 22
    canvas.text(box_left, y, doc.client.name, size=size + 0.5, bold=True)
    for row in client_rows:
        y += size + 3
        canvas.text(box_left, y, row, size=size)

    # Dates and payment.
    y = max(supplier_end, box_bottom) + 26
    left_pairs = [(f"{labels['issue']}:", doc.date(doc.issue))]
    if doc.due_printed:
        left_pairs.append((f"{labels['due']}:", doc.date(doc.due)))
    else:
        days = (doc.due - doc.issue).days
        left_pairs.append((f"{labels['terms']}:", f"{days} {labels['days']}"))
    if doc.payer:
        left_pairs.append((f"{labels['duzp_mid']}:", doc.date(doc.duzp)))
    elif rng.random() < 0.4:
        left_pairs.append((f"{labels['delivery']}:", doc.date(doc.duzp)))
    left_pairs.append((f"{labels['method']}:", labels["transfer"]))
    right_pairs = [
        (f"{labels['account_alt']}:", doc.account if doc.lang == "cs" else doc.iban),
        (f"{labels['vs']}:", doc.vs),
    ]
    if doc.ks:
        right_pairs.append((f"{labels['ks']}:", doc.ks))
    gap = max(canvas.width_of(label, size=size, bold=True) for label, _ in left_pairs) + 14
    end = label_pairs(canvas, left, y, left_pairs, size=size, gap=gap, step=size + 4)
    gap2 = max(canvas.width_of(label, size=size, bold=True) for label, _ in right_pairs) + 10
    widest = max(canvas.width_of(value, size=size) for _, value in right_pairs)
    x_pairs = min(box_left, right - gap2 - widest)
    end2 = label_pairs(canvas, x_pairs, y, right_pairs, size=size, gap=gap2, step=size + 4)
    y = max(end, end2) + 14

    canvas.text(left, y, labels["intro_word"], size=size)
    if rng.random() < 0.4:
        place = _place(rng, doc.lang)[0]
        y += size + 4
        canvas.text(left, y, f"{labels['place']}: {', '.join(place)}", size=size)
    y += 10

    # The grid.
    q = doc.quantities
    rows: list[list[str]] = []
    with_rate = doc.payer and (len(doc.groups) > 1 or rng.random() < 0.5)
    for index, (line, rate) in enumerate(zip(doc.lines, doc.rates, strict=True), 1):
        cells = [
            f"{index}.",
            line.description,
            q.number(line.quantity),
            line.unit,
            doc.style.number(line.unit_price),
        ]
        if with_rate:
            cells.append(doc.rate(rate))
        cells.append(doc.style.number(line.amount))
        rows.append(cells)
    columns = [
        Column("Č.", left + 3),
        Column(labels["desc"], left + 24),
        Column(labels["qty"], 338, "right"),
        Column(labels["unit"], 344),
        Column(labels["unit_price"], 436 if with_rate else 452, "right"),
    ]
    if with_rate:
        columns.append(Column(labels["vat"], 474, "right"))
    columns.append(Column(labels["net"] if doc.payer else labels["total"], right - 3, "right"))
    y = draw_table(
        canvas,
        y,
        columns,
        rows,
        left=left,
        right=right,
        size=size - 1,
        row_height=17,
        rules="grid",
    )

    # Totals.
    y += 14
    totals: list[tuple[str, str]] = []
    strong = labels["pay"] + ":"
    if doc.payer:
        totals.append((f"{labels['sub']}:", doc.style.amount(doc.subtotal)))
        for group in doc.groups:
            totals.append(
                (
                    f"{labels['vat']} {doc.rate(group.rate)} z {doc.style.number(group.base)}:",
                    doc.style.amount(group.tax),
                )
            )
        if len(doc.groups) > 1:
            if rng.random() < 0.5:
                totals.append((f"{labels['vat_total']}:", doc.style.amount(doc.tax)))
            else:
                doc.tax_printed = False
    else:
        totals.append((f"{labels['total']}:", doc.style.amount(doc.subtotal)))
    if doc.rounding:
        totals.append((f"{labels['round']}:", doc.style.amount(doc.rounding)))
    totals.append((strong, doc.style.amount(doc.total)))
    y = total_rows(canvas, 300, right, y, totals, bold={strong}, size=size, step=size + 5)
    canvas.line(300, y - size - 14, right, y - size - 14, width=0.6)
    if not doc.payer:
        y += 6
        canvas.text(left, y, doc.non_payer_note, size=size, bold=True)
    if doc.reverse:
        y += 6
        canvas.text(left, y, doc.reverse, size=size - 1.5)
    y += 18
    canvas.text(left, y, labels["interest"], size=size - 2)
    y += size + 2
    canvas.text(left, y, labels["thanks"], size=size - 1)

    # Signatures and the register line.
    y = max(y + 40, 700.0)
    received_x = left
    if rng.random() < 0.3:
        _qr(canvas, rng, left, y - 22, 54)
        canvas.text(left, y + 44, labels["qr"], size=7)
        received_x = left + 80
    canvas.line(330, y + 20, right, y + 20, width=0.4)
    canvas.text(330, y + 32, labels["signature"], size=size - 2)
    canvas.text(received_x, y + 32, f"{labels['received']}: ....................", size=size - 2)
    for offset, row in enumerate(_wrap(canvas, doc.registration, right - left, 8)):
        canvas.text(left, 800 + offset * 10, row, size=8, color=GREY)
