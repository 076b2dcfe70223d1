"""`nordic-faktura`: Swedish, Danish and Norwegian business invoices (not till receipts, which
`receipt-nordic` covers), as the small-business invoicing programs of each country print them.

Three layouts, one per country. `se` (a Fortnox- or Visma-like Swedish `Faktura`): either the
Fortnox shape (the seller's name alone top left, `Faktura` top right over `Fakturadatum /
Fakturanr / Kundnr / OCR` with `Sida 1 (1)`, the seller's address only in the footer) or the Visma
shape (`FAKTURA` right, the seller's address and `Org.nr` top left, `Fakturanummer / Fakturadatum
/ Förfallodatum / Kundnummer / OCR-nummer` label pairs); the customer in the envelope window on the
right, an `Er referens / Vår referens / Ert ordernr / Leveransdatum` and `Betalningsvillkor /
Förfallodatum / Dröjsmålsränta` block, an `Art.nr / Benämning / Lev ant / Enh / À-pris / Summa` or
`Artikelnr / Benämning / Antal / Enhet / Pris / Moms % / Belopp` table, the totals as a ruled strip
of labels above values (`Exkl. moms / Moms / Öresavrundning / Att betala SEK`) or right-aligned
rows (`Belopp exkl. moms / Moms 25 % / Öresavrundning / Att betala`), a `Momsspecifikation` (`Moms
% / Underlag / Moms`) when 25 % mixes with 12 % or 6 %, the payment and `dröjsmålsränta` terms,
and a four-column footer (`Adress / Telefon / Bankgiro / Org.nr`, `Momsreg.nr SE556...01`,
`Godkänd för F-skatt`). Most carry a bankgiro or plusgiro payment slip (`INBETALNING/GIRERING AVI`)
under a dashed tear line: the recipient, the OCR number, the amount split into `Kronor` and `Öre`
boxes (`1250` / `00`), and the machine line `# 104265 #   1250 00   4 >   50501055#41#`. `no` (a
Norwegian `FAKTURA`): the seller with `Org.nr. 923 456 789 MVA` top left, the customer in a left
window, `Fakturanr. / Fakturadato / Forfallsdato / Kundenr. / Deres ref. / Vår ref. /
Leveringsdato / KID / Kontonr.` on the right, a `Varenr. / Beskrivelse / Antall / Enhet / Pris /
MVA / Beløb` table, `Sum eks. mva / MVA 25 % av ... / Sum inkl. mva / Å betale`, and on most a
GIRO strip (`KVITTERING`, `Betalingsinformasjon`, `Betalt av / Betalt til`, `Betalingsfrist`, and
the `Kundeidentifikasjon (KID) / Kroner / Øre / Til konto` machine row). `dk` (an e-conomic-like
Danish `Faktura`): the seller's name and address right-aligned top right with its `CVR-nr.`, the
customer top left, `Fakturanr. / Fakturadato / Kundenr. / Ordrenr. / Side 1 af 1` on the right,
`Faktura` as a heading over `Varenr. / Beskrivelse / Antal / Enhed / Stk. pris / Beløb`,
`Subtotal` (or `Momspligtigt beløb` and `Momsfrit beløb` with outlay lines) / `Moms 25%` / `I alt
DKK` or `Total DKK`, `Betalingsbetingelser: Netto 8 dage` with the `Forfaldsdato`, a bank
transfer (`Reg.nr.` / `Kontonr.`) or an FI line (`+71<000000010452343+85123456<`), the interest
terms and a one-line footer.

Conventions: amounts `1 234,56` (Sweden, Norway), `1.234,56` (Denmark, some others) or `1234,56`,
bare in the tables, with `kr`, `kr.`, `SEK`, `DKK` or `NOK` on the total (or the code in the
label: `Att betala SEK`, `Total DKK`); dates `2024-03-05` (Sweden, some Norwegian),
`05.03.2024` (Norway, Denmark), `05-03-2024` or `5. marts 2024` (Denmark); quantities `1,00` or
`1,5`; VAT 25 % with 12 % / 6 % (Sweden) or 15 % food / 12 % (Norway) on some.

Decoys and awkward parts: the OCR number and KID (both contain the invoice number, with a length
and a check digit), the customer number, `Ert ordernr` / `Ordrenr.`, the bankgiro, plusgiro and
Norwegian account numbers, IBANs, `Org.nr`, `Momsreg.nr`, `CVR-nr.` (the customer's too on some
Danish invoices), a `Leveransdatum` / `Leveringsdato` before the issue date, the interest rate
(`Dröjsmålsränta 8,00 %`, `0,70% pr. påbegyndt måned`), reminder fees (`Purregebyr kr 35,-`,
`rykkergebyr 100,00 kr.`), an invoice fee line (`Fakturaavgift`, `Fakturagebyr`) among the items;
the payment slip's amount split into kronor and öre and its machine line. Swedish öre rounding:
`Öresavrundning -0,38` before `Att betala 1 250,00` (the truth's total is the amount to pay, and
the tax, printed, is left out of the truth when the rounding is not zero, since subtotal + tax no
longer make the total); Swedish construction services under reverse charge (`Omvänd
betalningsskyldighet`, moms 0,00, kept as a tax of 0.00); Danish outlays without VAT, so the VAT is
not 25 % of the subtotal; a Danish `Løbende måned + 30 dage` with no due date printed (none in the
truth). About a third are scanned images, paper invoices with a giro slip most often.
"""

from __future__ import annotations

import random
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
from bench.synth.formats import DateStyle, FixedQuantity, MoneyStyle, QuantityStyle

GREY: Color = (0.42, 0.42, 0.42)
FILL: Color = (0.9, 0.9, 0.9)
ImageFormat = Literal["png", "jpg"] | None

MONTHS = {
    "da": "januar februar marts april maj juni juli august september oktober november december",
    "no": "januar februar mars april mai juni juli august september oktober november desember",
}


@dataclass(frozen=True)
class _LongDate(DateStyle):
    """A long-form Danish or Norwegian date (`5. marts 2024`), month names the shared table
    does not carry."""

    def month_name(self, month: int) -> str:
        return MONTHS[self.language].split()[month - 1]


SURNAMES = {
    "se": "Lindqvist Berg Nyström Sandberg Eklund Johansson Andersson Karlsson Nilsson Eriksson "
    "Lundgren Holmberg Björk Wallin Sjöberg Forsberg",
    "no": "Hansen Johansen Olsen Larsen Andersen Pedersen Nilsen Berg Haugen Bakke Fjeld Solberg "
    "Moen Strand Løvås Aasen",
    "dk": "Jensen Nielsen Hansen Pedersen Andersen Christensen Larsen Sørensen Rasmussen "
    "Jørgensen Madsen Kristensen Holm Dahl Møller Bech",
}
FIRST = {
    "se": "Anna Erik Karin Lars Maria Johan Eva Per Sofia Magnus Lena Anders",
    "no": "Ingrid Ole Kari Lars Silje Espen Hanne Morten Tone Jonas Marit Knut",
    "dk": "Mette Søren Anne Jens Camilla Rasmus Louise Mads Pia Henrik Line Niels",
}
TRADES = {
    "se": "Bygg|Elektriska|Måleri|VVS|Konsult|Redovisning|Data|Trädgård|Transport|Snickeri|Plåt",
    "no": "Elektro|Rør|Bygg|Regnskap|Maling|Transport|Data|Anlegg|Tak|Ventilasjon",
    "dk": "Tømrer|El-service|VVS|Revision|Data|Vognmand|Anlæg|Tag|Maskinstation",
}
FORMS = {"se": ("AB", "AB", "AB", "HB"), "no": ("AS", "AS", "AS"), "dk": ("ApS", "ApS", "A/S")}
STREETS = {
    "se": [
        "Storgatan",
        "Kungsgatan",
        "Kyrkogatan",
        "Industrivägen",
        "Hamngatan",
        "Drottninggatan",
        "Järnvägsgatan",
        "Verkstadsvägen",
        "Södra Långgatan",
    ],
    "no": [
        "Kirkegata",
        "Storgata",
        "Industriveien",
        "Strandgata",
        "Kongens gate",
        "Sandviksveien",
        "Havnegata",
        "Bryggeveien",
    ],
    "dk": [
        "Nørregade",
        "Vestergade",
        "Søndergade",
        "Industrivej",
        "Havnegade",
        "Kirkevej",
        "Jernbanegade",
        "Håndværkervej",
        "Stationsvej",
    ],
}
CITIES = {
    "se": "Göteborg Malmö Uppsala Västerås Örebro Borås Luleå Umeå",
    "no": "Bergen Trondheim Stavanger Drammen Bodø Hamar Moss",
    "dk": "Aarhus Odense Aalborg Esbjerg Vejle Horsens Roskilde",
}

# (description, unit, rate); the rate is the standard one unless given.
ITEMS: dict[str, list[tuple[str, str]]] = {
    "se": [
        ("Konsulttjänster", "tim"),
        ("Installation el", "tim"),
        ("Kontorsstol svart", "st"),
        ("Kopieringspapper A4 500 ark", "fp"),
        ("Serviceavtal värmepump", "st"),
        ("Resekostnad", "st"),
        ("Tonerkassett svart", "st"),
        ("Programlicens 12 mån", "st"),
        ("Kabel EKK 3G1,5", "m"),
        ("LED-panel 60x60", "st"),
        ("Grafisk formgivning", "tim"),
        ("Frakt", "st"),
        ("Bokföring och bokslut", "tim"),
        ("Webbhotell 12 mån", "st"),
        ("Mattservice", "st"),
    ],
    "no": [
        ("Konsulenttimer", "timer"),
        ("Elektrikerarbeid", "timer"),
        ("Rørleggerarbeid", "timer"),
        ("Kontorstol sort", "stk"),
        ("Kopipapir A4 500 ark", "pk"),
        ("Service varmepumpe", "stk"),
        ("Kjøring", "km"),
        ("Toner sort", "stk"),
        ("Programvarelisens 12 mnd", "stk"),
        ("Kabel PFSP 3x1,5", "m"),
        ("LED-panel 60x60", "stk"),
        ("Grafisk design", "timer"),
        ("Frakt", "stk"),
        ("Materialer iht. tilbud", "stk"),
        ("Regnskapsførsel", "timer"),
    ],
    "dk": [
        ("Konsulentbistand", "timer"),
        ("Tømrerarbejde", "timer"),
        ("Elarbejde", "timer"),
        ("Kontorstol sort", "stk."),
        ("Kopipapir A4 500 ark", "pk."),
        ("Service af varmepumpe", "stk."),
        ("Kørsel", "km"),
        ("Toner sort", "stk."),
        ("Softwarelicens 12 mdr.", "stk."),
        ("Kabel PVIKJ 3G1,5", "m"),
        ("LED-panel 60x60", "stk."),
        ("Grafisk design", "timer"),
        ("Fragt", "stk."),
        ("Materialer ifølge tilbud", "stk."),
        ("Bogføring, kvartal", "stk."),
    ],
}
CONSTRUCTION = [
    ("Arbetstid snickare", "tim"),
    ("Arbetstid elektriker", "tim"),
    ("Rivning badrum", "tim"),
    ("Montering gipsvägg", "tim"),
    ("Byggmaterial enl. spec.", "st"),
    ("Takläkt 25x48", "m"),
]
REDUCED: dict[str, list[tuple[str, str, Decimal]]] = {
    "se": [
        ("Lunch konferens", "st", Decimal(12)),
        ("Hotellrum enkelrum", "natt", Decimal(12)),
        ("Kaffe och fikabröd", "st", Decimal(12)),
        ("Facklitteratur", "st", Decimal(6)),
        ("Persontransport buss", "st", Decimal(6)),
    ],
    "no": [
        ("Lunsj møterom", "stk", Decimal(15)),
        ("Kaffe og bakevarer", "stk", Decimal(15)),
        ("Fruktkurv", "stk", Decimal(15)),
        ("Hotellovernatting", "natt", Decimal(12)),
        ("Persontransport", "stk", Decimal(12)),
    ],
    "dk": [
        ("Udlæg, parkering", "stk.", Decimal(0)),
        ("Udlæg, gebyr Skattestyrelsen", "stk.", Decimal(0)),
        ("Udlæg, tinglysningsafgift", "stk.", Decimal(0)),
    ],
}
FEE = {"se": "Fakturaavgift", "no": "Fakturagebyr", "dk": "Fakturagebyr"}
UNIT_FEE = {"se": "st", "no": "stk", "dk": "stk."}


# Check digits and identifiers.


def _luhn(payload: str) -> str:
    """The mod-10 (Luhn) check digit of `payload`, as OCR numbers, KID and giro numbers use."""
    total = 0
    for index, ch in enumerate(reversed(payload)):
        value = int(ch) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return str((10 - total % 10) % 10)


def _mod11(payload: str, weights: tuple[int, ...]) -> int | None:
    """The mod-11 check digit (Norwegian org. and account numbers); None where none exists."""
    check = 11 - sum(int(d) * w for d, w in zip(payload, weights, strict=True)) % 11
    if check == 10:
        return None
    return 0 if check == 11 else check


def _se_org(rng: random.Random) -> str:
    body = rng.choice(("556", "559", "969")) + names.digits(rng, 6)
    digits = body + _luhn(body)
    return f"{digits[:6]}-{digits[6:]}"


def _bankgiro(rng: random.Random) -> str:
    body = names.digits(rng, rng.choice((6, 7)))
    body = str(rng.randint(1, 9)) + body[1:]
    digits = body + _luhn(body)
    return f"{digits[:-4]}-{digits[-4:]}"


def _plusgiro(rng: random.Random) -> str:
    body = str(rng.randint(1, 9)) + names.digits(rng, 5)
    digits = body + _luhn(body)
    return f"{digits[0:2]} {digits[2:4]} {digits[4:6]}-{digits[6]}"


def _no_org(rng: random.Random) -> str:
    while True:
        body = rng.choice("89") + names.digits(rng, 7)
        check = _mod11(body, (3, 2, 7, 6, 5, 4, 3, 2))
        if check is not None:
            digits = f"{body}{check}"
            return f"{digits[:3]} {digits[3:6]} {digits[6:]}"


def _no_account(rng: random.Random) -> str:
    while True:
        body = rng.choice(("1503", "1506", "3000", "9710", "1254", "1822")) + names.digits(rng, 6)
        check = _mod11(body, (5, 4, 3, 2, 7, 6, 5, 4, 3, 2))
        if check is not None:
            digits = f"{body}{check}"
            return f"{digits[:4]}.{digits[4:6]}.{digits[6:]}"


def _cvr(rng: random.Random) -> str:
    weights = (2, 7, 6, 5, 4, 3, 2)
    while True:
        body = str(rng.randint(1, 4)) + names.digits(rng, 6)
        check = (-sum(int(d) * w for d, w in zip(body, weights, strict=True))) % 11
        if check < 10:
            return f"{body}{check}"


def _iban(country: str, body: str, rng: random.Random) -> str:
    raw = f"{country}{rng.randint(10, 99)}{body}"
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def _phone(rng: random.Random, country: str) -> str:
    if country == "se":
        return names.phone(rng, "SE")
    pairs = " ".join(names.digits(rng, 2) for _ in range(3))
    if country == "no":
        if rng.random() < 0.4:
            return f"+47 9{names.digits(rng, 2)} {names.digits(rng, 2)} {names.digits(rng, 3)}"
        return f"+47 {rng.choice(('22', '55', '73', '51', '32', '75'))} {pairs}"
    return f"+45 {rng.randint(20, 99)} {pairs}"


def _address(rng: random.Random, country: str) -> list[str]:
    """Street line and postcode line, spelled the country's way (`Storgatan 12`, `123 45
    Uppsala`; `Kirkegata 4`, `5003 Bergen`; `Nørregade 7, 1. th.`, `8000 Aarhus C`)."""
    number = rng.randint(1, 160)
    city = rng.choice(CITIES[country].split())
    street = rng.choice(STREETS[country])
    if country == "se":
        code = f"{rng.randint(100, 985)} {names.digits(rng, 2)}"
        return [f"{street} {number}", f"{code} {city}"]
    if country == "no":
        letter = rng.choice(("", "", "", " B"))
        return [f"{street} {number}{letter}", f"{rng.randint(1000, 9990):04d} {city}"]
    floor = rng.choice(("", "", "", ", 1. th.", ", st. tv.", ", 2."))
    return [f"{street} {number}{floor}", f"{rng.randint(1000, 9990)} {city}"]


def _company(rng: random.Random, country: str) -> tuple[str, str]:
    """A firm's legal name and the shorter brand some print as a logo (empty when none)."""
    a, b = rng.sample(SURNAMES[country].split(), 2)
    trade = rng.choice(TRADES[country].split("|"))
    form = rng.choice(FORMS[country])
    city = rng.choice(CITIES[country].split())
    shape = rng.randrange(5)
    if shape == 0:
        return f"{a} & {b} {form}", ""
    if shape == 1:
        return f"{city} {trade} {form}", f"{city} {trade}".upper()
    if shape == 2 and country == "dk":
        firm = rng.choice(("Malerfirmaet", "Tømrerfirmaet", "VVS-firmaet", "Murerfirmaet"))
        return f"{firm} {a} {form}", ""
    if shape == 2 and country == "se":
        return f"{a}s {trade} {form}", f"{a}s {trade}".upper()
    return f"{a} {trade} {form}", f"{a} {trade}".upper()


def _person(rng: random.Random, country: str) -> str:
    return f"{rng.choice(FIRST[country].split())} {rng.choice(SURNAMES[country].split())}"


def _lines(
    rng: random.Random,
    country: str,
    count: int,
    *,
    standard: Decimal,
    mixed: bool,
    fee: bool,
    pool: list[tuple[str, str]] | None = None,
) -> tuple[list[Line], list[Decimal]]:
    picks = rng.sample(pool or ITEMS[country], count)
    lines = []
    for text, unit in picks:
        if unit in ("tim", "timer"):
            lines.append(Line(text, quantity(rng, fractional=0.45), price(rng, 450, 1350), unit))
        elif unit == "km":
            lines.append(
                Line(
                    text, Decimal(rng.randint(12, 240)), Decimal(rng.choice(("3.79", "4.50"))), unit
                )
            )
        elif unit == "m":
            lines.append(
                Line(text, Decimal(rng.choice((10, 25, 50, 100))), price(rng, 4, 60), unit)
            )
        else:
            pieces = Decimal(rng.choice((1, 1, 1, 2, 2, 3, 4, 5, 6, 10, 12)))
            lines.append(Line(text, pieces, price(rng, 40, 2400), unit))
    rates = [standard] * len(lines)
    if mixed:
        for text, unit, rate in rng.sample(REDUCED[country], rng.randint(1, 2)):
            at = rng.randint(0, len(lines))
            pieces = Decimal(1 if rate == 0 else rng.choice((1, 2, 4, 8, 12)))
            lines.insert(at, Line(text, pieces, price(rng, 35, 1400), unit))
            rates.insert(at, rate)
    if fee:
        charge = Decimal(rng.choice((29, 39, 49, 59, 65)))
        lines.append(Line(FEE[country], Decimal(1), charge, UNIT_FEE[country]))
        rates.append(standard)
    return lines, rates


def _rate(rate: Decimal) -> str:
    return f"{rate} %"


def _kronor_ore(amount: Decimal) -> tuple[str, str]:
    """An amount as the giro slips print it: whole kronor and öre in separate boxes."""
    units, cents = f"{amount:.2f}".split(".")
    return units, cents


def _dashed(canvas: Canvas, y: float) -> None:
    x = 20.0
    while x < 575:
        canvas.line(x, y, x + 5, y, width=0.6, color=GREY)
        x += 9


def _field(
    canvas: Canvas,
    x0: float,
    y0: float,
    x1: float,
    y1: float,
    label: str,
    values: list[str],
    *,
    size: float,
    align: Literal["left", "right"] = "left",
    bold: bool = False,
) -> None:
    """A slip box: a small label in the top-left corner and the values below it."""
    canvas.box(x0, y0, x1, y1, width=0.6)
    canvas.text(x0 + 3, y0 + 7, label, size=5.5, color=GREY)
    for offset, value in enumerate(values):
        x = x1 - 5 if align == "right" else x0 + 5
        canvas.text(x, y0 + 18 + offset * (size + 2), value, size=size, bold=bold, align=align)


def _group_rows(
    groups: list[TaxGroup], style: MoneyStyle, label: str, *, on: str = ""
) -> list[tuple[str, str]]:
    rows = []
    for group in groups:
        base = f" {on} {style.number(group.base)}" if on else ""
        rows.append((f"{label} {_rate(group.rate)}{base}", style.number(group.tax)))
    return rows


def build(rng: random.Random) -> Rendered:
    country = choose(rng, [(5, "se"), (3, "no"), (3, "dk")])
    if country == "se":
        return _swedish(rng)
    if country == "no":
        return _norwegian(rng)
    return _danish(rng)


# Sweden: Fortnox / Visma with a bankgiro or plusgiro slip.


def _swedish(rng: random.Random) -> Rendered:
    giro = rng.random() < 0.65
    shape = rng.choice(("fortnox", "visma"))
    grouping = choose(rng, [(6, " "), (2, ""), (1, ".")])
    mark = rng.choice(("kr", "SEK", ""))
    style = MoneyStyle(grouping, ",", mark, symbol_after=True)
    dates_style = DateStyle("{yyyy}-{mm}-{dd}")
    dates = pick_dates(rng, dates_style, due_days=(10, 15, 20, 30, 30))
    quantities: QuantityStyle = (
        FixedQuantity(",", places=2) if rng.random() < 0.6 else QuantityStyle(",")
    )
    canvas = Canvas(*A4, family=rng.choice(("helv", "helv", "tiro")))
    size = rng.choice((8, 8.5, 9))
    small = size - 1.5

    vendor, brand = _company(rng, "se")
    seller_address = _address(rng, "se")
    org = _se_org(rng)
    vat_no = f"SE{org.replace('-', '')}01"
    customer, _ = _company(rng, "se")
    contact = _person(rng, "se")
    customer_rows = [customer, f"Att: {contact}", *_address(rng, "se")]
    number_text = str(rng.randint(1001, 9999) if rng.random() < 0.6 else rng.randint(10001, 59999))
    customer_no = str(rng.randint(1001, 1999))
    length = str((len(number_text) + 2) % 10)
    ocr = number_text + length + _luhn(number_text + length)
    use_ocr = rng.random() < (0.85 if giro else 0.5)
    plusgiro = rng.random() < 0.2
    giro_no = _plusgiro(rng) if plusgiro else _bankgiro(rng)
    giro_label = "Plusgiro" if plusgiro else "Bankgiro"

    reverse = rng.random() < 0.1
    mixed = not reverse and rng.random() < 0.25
    most = 5 if giro else 9
    if reverse:
        lines, rates = _lines(
            rng,
            "se",
            rng.randint(1, min(most, 5)),
            standard=Decimal(0),
            mixed=False,
            fee=False,
            pool=CONSTRUCTION,
        )
    else:
        fee = rng.random() < 0.3
        lines, rates = _lines(
            rng,
            "se",
            rng.randint(1, most - (2 if mixed else 0) - (1 if fee else 0)),
            standard=Decimal(25),
            mixed=mixed,
            fee=fee,
        )
    groups, subtotal, tax, total = net_totals(lines, rates)
    rounds = rng.random() < 0.6
    payable = total.quantize(Decimal(1), rounding=ROUND_HALF_UP) if rounds else total
    rounding = payable - total
    days = (dates.due - dates.issue).days
    interest = rng.choice(("8,00 %", "8 % + referensränta", "12,00 %", "Enl. räntelagen"))

    # Header.
    facts: list[tuple[str, str]]
    canvas.text(545, 36, "Sida 1 (1)", size=small, align="right", color=GREY)
    if shape == "fortnox":
        if brand:
            canvas.text(50, 70, brand, size=17, bold=True, color=(0.1, 0.3, 0.55))
        else:
            canvas.text(50, 70, vendor, size=15, bold=True)
        canvas.text(330, 66, "Faktura", size=18, bold=True)
        facts = [
            ("Fakturadatum", dates_style.format(dates.issue)),
            ("Fakturanr", number_text),
            ("Kundnr", customer_no),
        ]
        if use_ocr:
            facts.append(("OCR", ocr))
        label_pairs(canvas, 330, 86, facts, size=size, gap=80, step=12, bold_labels=False)
    else:
        canvas.text(50, 62, vendor, size=14, bold=True)
        for offset, row in enumerate([*seller_address, f"Org.nr {org}"], 1):
            canvas.text(50, 62 + offset * (size + 2), row, size=size - 0.5)
        canvas.text(545, 64, "FAKTURA", size=20, bold=True, align="right")
        facts = [
            ("Fakturanummer", number_text),
            ("Fakturadatum", dates_style.format(dates.issue)),
            ("Förfallodatum", dates_style.format(dates.due)),
            ("Kundnummer", customer_no),
        ]
        if use_ocr:
            facts.append(("OCR-nummer", ocr))
        label_pairs(canvas, 360, 86, facts, size=size, gap=90, step=12)
    for offset, row in enumerate(customer_rows):
        canvas.text(330, 165 + offset * (size + 3), row, size=size + 0.5, bold=offset == 0)
    if shape == "fortnox" and rng.random() < 0.4:
        canvas.text(50, 165, "Leveransadress", size=small, color=GREY)
        for offset, row in enumerate([customer, *_address(rng, "se")], 1):
            canvas.text(50, 165 + offset * (size + 2), row, size=size)

    left = [("Er referens", contact), ("Vår referens", _person(rng, "se"))]
    if rng.random() < 0.5:
        left.append(("Ert ordernr", f"{rng.choice(('PO', 'IO', ''))}{names.digits(rng, 5)}"))
    if rng.random() < 0.5:
        left.append(("Leveransdatum", dates_style.format(dates.other[0])))
    right = [("Betalningsvillkor", f"{days} dagar netto")]
    if shape == "fortnox":
        right.append(("Förfallodatum", dates_style.format(dates.due)))
    right.append(("Dröjsmålsränta", interest))
    if rng.random() < 0.4:
        right.append(("Leveransvillkor", rng.choice(("Fritt vårt lager", "Fritt kund", "FCA"))))
    ref_top = 232
    canvas.line(50, ref_top - 11, 545, ref_top - 11, width=0.4, color=GREY)
    end_left = label_pairs(canvas, 50, ref_top, left, size=size, gap=78, step=12, bold_labels=False)
    end_right = label_pairs(
        canvas, 330, ref_top, right, size=size, gap=88, step=12, bold_labels=False
    )
    top = max(end_left, end_right) + 6

    # Items.
    article = [
        "" if line.description == FEE["se"] else rng.choice(("", f"{rng.randint(100, 9999)}"))
        for line in lines
    ]
    if shape == "fortnox":
        columns = [
            Column("Art.nr", 52),
            Column("Benämning", 100),
            Column("Lev ant", 345, "right"),
            Column("Enh", 352),
            Column("À-pris", 450, "right"),
            Column("Summa", 543, "right"),
        ]
        rows = [
            [
                code,
                line.description,
                quantities.number(line.quantity),
                line.unit,
                style.number(line.unit_price),
                style.number(line.amount),
            ]
            for code, line in zip(article, lines, strict=True)
        ]
    else:
        columns = [
            Column("Artikelnr", 52),
            Column("Benämning", 105),
            Column("Antal", 320, "right"),
            Column("Enhet", 328),
            Column("Pris", 420, "right"),
            Column("Moms %", 470, "right"),
            Column("Belopp", 543, "right"),
        ]
        rows = [
            [
                code,
                line.description,
                quantities.number(line.quantity),
                line.unit,
                style.number(line.unit_price),
                str(rate),
                style.number(line.amount),
            ]
            for code, line, rate in zip(article, lines, rates, strict=True)
        ]
    y = draw_table(
        canvas,
        top,
        columns,
        rows,
        left=48,
        right=547,
        size=size - 0.5,
        row_height=13.5,
        rules=rng.choice(("header", "zebra")) if shape == "visma" else "header",
        header_fill=FILL if shape == "visma" else None,
    )
    if reverse:
        canvas.text(
            50,
            y + 10,
            "Omvänd betalningsskyldighet för byggtjänster gäller. "
            f"Köparens momsreg.nr SE{names.digits(rng, 10)}01",
            size=size - 0.5,
            bold=True,
        )
        y += 14

    # Totals.
    total_label = "Att betala" if mark else "Att betala SEK"
    if shape == "fortnox":
        y += 12
        if len(groups) > 1:
            canvas.text(50, y, "Momsspecifikation", size=small, bold=True)
            spec = [["Moms %", "Underlag", "Moms"]] + [
                [_rate(g.rate), style.number(g.base), style.number(g.tax)] for g in groups
            ]
            for offset, (a, b, c) in enumerate(spec, 1):
                row_y = y + offset * (small + 3)
                canvas.text(50, row_y, a, size=small, color=GREY if offset == 1 else (0, 0, 0))
                canvas.text(180, row_y, b, size=small, align="right")
                canvas.text(250, row_y, c, size=small, align="right")
            y += (len(spec) + 1) * (small + 3)
        cells = [("Exkl. moms", style.number(subtotal)), ("Moms", style.number(tax))]
        if rounds:
            cells.append(("Öresavrundning", style.number(rounding)))
        cells.append((total_label, style.amount(payable)))
        width = 495 / len(cells)
        canvas.box(50, y, 545, y + 30, width=0.6)
        for index, (label, value) in enumerate(cells):
            x0 = 50 + index * width
            last = index == len(cells) - 1
            if index:
                canvas.line(x0, y, x0, y + 30, width=0.4)
            if last:
                canvas.box(x0, y, 545, y + 30, stroke=None, fill=FILL)
            canvas.text(x0 + 4, y + 9, label, size=6.5, bold=last)
            canvas.text(
                x0 + width - 5,
                y + 24,
                value,
                size=size + (1 if last else 0),
                bold=last,
                align="right",
            )
        y += 44
    else:
        y += 14
        totals = [("Belopp exkl. moms", style.number(subtotal))]
        if len(groups) > 1:
            totals += _group_rows(groups, style, "Moms", on="på")
            totals.append(("Summa moms", style.number(tax)))
        else:
            totals.append((f"Moms {_rate(groups[0].rate)}", style.number(tax)))
        if rounds:
            totals.append(("Öresavrundning", style.number(rounding)))
        totals.append((total_label, style.amount(payable)))
        canvas.line(320, y - 10, 545, y - 10, width=0.4)
        y = total_rows(canvas, 320, 543, y, totals, bold={total_label}, size=size, step=13)
        y += 8

    pay = []
    if use_ocr:
        pay.append(
            f"Betala till {giro_label.lower()} {giro_no}. Ange OCR-nummer {ocr} vid betalning."
        )
    else:
        pay.append(
            f"Betala till {giro_label.lower()} {giro_no}. "
            f"Ange fakturanummer {number_text} som referens."
        )
    if "%" in interest:
        pay.append(f"Vid betalning efter förfallodagen debiteras dröjsmålsränta med {interest}.")
    else:
        pay.append("Vid försenad betalning debiteras dröjsmålsränta enligt räntelagen.")
    if rng.random() < 0.4:
        pay.append("Påminnelseavgift 60 kr debiteras vid påminnelse.")
    for offset, row in enumerate(pay):
        canvas.text(50, y + offset * (size + 2.5), row, size=size - 0.5)
    y += len(pay) * (size + 2.5)

    # Footer: address, contact, payment, registration.
    footer_y = max(520.0, y + 14) if giro else 772.0
    assert (footer_y <= 532) if giro else (y < 760), (y, footer_y)
    plain = vendor.split()[0].lower().translate(str.maketrans("åäö", "aao"))
    domain = "".join(ch for ch in plain if ch.isalpha() and ch.isascii())
    payment_rows = [f"{giro_label} {giro_no}"]
    if rng.random() < 0.5:
        payment_rows.append(f"IBAN {_iban('SE', names.digits(rng, 20), rng)}")
        payment_rows.append(f"BIC {rng.choice(('ESSESESS', 'HANDSESS', 'NDEASESS', 'SWEDSESS'))}")
    blocks = [
        ("Adress", [vendor, *seller_address]),
        (
            "Telefon / E-post",
            [_phone(rng, "se"), f"info@{domain or 'firma'}.se", f"www.{domain or 'firma'}.se"],
        ),
        ("Betalning", payment_rows),
        ("Organisationsnr", [org, f"Momsreg.nr {vat_no}", "Godkänd för F-skatt"]),
    ]
    canvas.line(50, footer_y - 9, 545, footer_y - 9, width=0.5)
    for index, (label, rows_text) in enumerate(blocks):
        x = 50 + index * 124
        canvas.text(x, footer_y, label, size=6.5, bold=True)
        for offset, row in enumerate(rows_text, 1):
            canvas.text(x, footer_y + offset * 8, row, size=6.2)

    if giro:
        _swedish_slip(
            canvas,
            rng,
            vendor=vendor,
            customer_rows=[customer, *customer_rows[2:]],
            plusgiro=plusgiro,
            giro_no=giro_no,
            reference=ocr if use_ocr else number_text,
            ocr=use_ocr,
            amount=payable,
            due=dates_style.format(dates.due),
            size=size,
        )

    fields = truth_fields(
        number=number_text,
        issue=dates.issue,
        due=dates.due,
        vendor=vendor,
        total=payable,
        subtotal=subtotal,
        tax=tax if rounding == 0 else None,
        currency="SEK",
        lines=lines,
    )
    image: ImageFormat = choose(
        rng, [(5, None), (4, "jpg"), (1, "png")] if giro else [(7, None), (2, "png")]
    )
    return Rendered(
        fields,
        "sv",
        "invoice",
        canvas.pdf(title=f"Faktura {number_text}"),
        style,
        dates_style,
        quantities,
        ("kr", "SEK"),
        image=image,
    )


def _swedish_slip(
    canvas: Canvas,
    rng: random.Random,
    *,
    vendor: str,
    customer_rows: list[str],
    plusgiro: bool,
    giro_no: str,
    reference: str,
    ocr: bool,
    amount: Decimal,
    due: str,
    size: float,
) -> None:
    """The bankgiro or plusgiro slip (`inbetalningskort`) under the tear line."""
    top = 574.0
    _dashed(canvas, top)
    canvas.text(50, top + 20, "INBETALNING/GIRERING AVI", size=10, bold=True)
    canvas.text(
        545,
        top + 20,
        "PlusGirot" if plusgiro else "Bankgirot",
        size=13,
        bold=True,
        align="right",
        color=(0.15, 0.15, 0.45),
    )
    kronor, ore = _kronor_ore(amount)
    _field(
        canvas,
        50,
        top + 28,
        300,
        top + 58,
        "Till plusgirokonto" if plusgiro else "Till bankgironummer",
        [giro_no],
        size=size + 1,
        bold=True,
    )
    _field(canvas, 305, top + 28, 545, top + 58, "Betalningsmottagare", [vendor], size=size)
    _field(
        canvas,
        50,
        top + 62,
        300,
        top + 92,
        "OCR-nummer" if ocr else "Meddelande / referens",
        [reference],
        size=size + 1,
    )
    _field(canvas, 305, top + 62, 460, top + 92, "Kronor", [kronor], size=size + 1, align="right")
    _field(canvas, 465, top + 62, 545, top + 92, "Öre", [ore], size=size + 1, align="right")
    _field(
        canvas,
        50,
        top + 96,
        300,
        top + 96 + 22 + len(customer_rows) * (size + 2),
        "Inbetalare",
        customer_rows,
        size=size,
    )
    if rng.random() < 0.6:
        _field(canvas, 305, top + 96, 460, top + 126, "Sista betalningsdag", [due], size=size)
    canvas.text(
        305,
        top + 150,
        "Använd inte detta kort vid betalning via internetbank.",
        size=6,
        color=GREY,
    )
    check = _luhn(kronor + ore)
    account = giro_no.replace("-", "").replace(" ", "")
    code = "#14#" if plusgiro else "#41#"
    reference_part = f"#  {reference} #" if ocr else "#        #"
    canvas.text(60, 800, reference_part, size=11, fontname="cour")
    canvas.text(330, 800, f"{kronor} {ore}   {check} >", size=11, fontname="cour", align="right")
    canvas.text(540, 800, f"{account}{code}", size=11, fontname="cour", align="right")


# Norway: an invoice with a KID giro strip.


def _norwegian(rng: random.Random) -> Rendered:
    strip = rng.random() < 0.6
    grouping = choose(rng, [(5, " "), (2, "."), (2, "")])
    mark = rng.choice(("kr", "NOK", ""))
    style = MoneyStyle(grouping, ",", mark, symbol_after=mark != "NOK" or rng.random() < 0.5)
    dates_style = DateStyle(
        rng.choice(("{dd}.{mm}.{yyyy}", "{dd}.{mm}.{yyyy}", "{yyyy}-{mm}-{dd}"))
    )
    dates = pick_dates(rng, dates_style, due_days=(10, 14, 14, 30))
    quantities: QuantityStyle = (
        FixedQuantity(",", places=2) if rng.random() < 0.5 else QuantityStyle(",")
    )
    canvas = Canvas(*A4, family=rng.choice(("helv", "helv", "tiro")))
    size = rng.choice((8, 8.5, 9))

    vendor, _ = _company(rng, "no")
    org = _no_org(rng)
    org_text = rng.choice(
        (f"Org.nr. {org} MVA", f"Foretaksregisteret NO {org} MVA", f"Org.nr: NO {org} MVA")
    )
    account = _no_account(rng)
    customer, _ = _company(rng, "no")
    contact = _person(rng, "no")
    customer_rows = [customer, f"Att.: {contact}", *_address(rng, "no")]
    number_text = str(rng.randint(10001, 99999) if rng.random() < 0.7 else rng.randint(1001, 9999))
    customer_no = str(rng.randint(10001, 10999))
    kid_body = f"{customer_no}{int(number_text):06d}"
    kid = kid_body + _luhn(kid_body)
    use_kid = rng.random() < (0.9 if strip else 0.6)

    mixed = rng.random() < 0.25
    fee = rng.random() < 0.3
    most = 5 if strip else 9
    lines, rates = _lines(
        rng,
        "no",
        rng.randint(1, most - (2 if mixed else 0) - (1 if fee else 0)),
        standard=Decimal(25),
        mixed=mixed,
        fee=fee,
    )
    groups, subtotal, tax, total = net_totals(lines, rates)
    days = (dates.due - dates.issue).days

    canvas.text(50, 64, vendor, size=15 if len(vendor) < 28 else 12, bold=True)
    seller_rows = [*_address(rng, "no"), org_text, f"Tlf. {_phone(rng, 'no')}"]
    for offset, row in enumerate(seller_rows, 1):
        canvas.text(50, 68 + offset * (size + 2), row, size=size - 0.5, color=GREY)
    canvas.text(545, 64, "FAKTURA", size=20, bold=True, align="right")
    facts = [
        ("Fakturanr.", number_text),
        ("Fakturadato", dates_style.format(dates.issue)),
        ("Forfallsdato", dates_style.format(dates.due)),
        ("Kundenr.", customer_no),
        ("Deres ref.", contact),
        ("Vår ref.", _person(rng, "no")),
    ]
    if rng.random() < 0.5:
        facts.append(("Leveringsdato", dates_style.format(dates.other[0])))
    if use_kid:
        facts.append(("KID", kid))
    facts.append(("Kontonr.", account))
    fact_y = 90.0
    for label, value in facts:
        canvas.text(345, fact_y, label, size=size, bold=label in ("Fakturanr.", "Forfallsdato"))
        canvas.text(545, fact_y, value, size=size, align="right")
        fact_y += 12
    canvas.line(345, fact_y - 7, 545, fact_y - 7, width=0.4)
    window = 68 + (len(seller_rows) + 1) * (size + 2) + 22
    for offset, row in enumerate(customer_rows):
        canvas.text(50, window + offset * (size + 3), row, size=size + 0.5, bold=offset == 0)
    top = max(fact_y + 14, window + len(customer_rows) * (size + 3) + 18)
    if rng.random() < 0.5:
        canvas.text(
            50,
            top,
            f"Deres ordrenr.: {names.digits(rng, 6)}   Prosjekt: {rng.randint(100, 999)}",
            size=size - 0.5,
        )
        top += 12

    columns = [
        Column("Varenr.", 52),
        Column("Beskrivelse", 100),
        Column("Antall", 325, "right"),
        Column("Enhet", 332),
        Column("Pris", 425, "right"),
        Column("MVA", 470, "right"),
        Column("Beløb", 543, "right"),
    ]
    rows = [
        [
            "" if line.description == FEE["no"] else str(rng.randint(100, 9999)),
            line.description,
            quantities.number(line.quantity),
            line.unit,
            style.number(line.unit_price),
            _rate(rate),
            style.number(line.amount),
        ]
        for line, rate in zip(lines, rates, strict=True)
    ]
    y = draw_table(
        canvas,
        top,
        columns,
        rows,
        left=48,
        right=547,
        size=size - 0.5,
        row_height=13.5,
        rules=rng.choice(("header", "zebra", "grid")),
        header_fill=(0.86, 0.9, 0.94),
    )
    total_label = "Å betale" if mark else "Å betale NOK"
    totals = [("Sum eks. mva", style.number(subtotal))]
    totals += _group_rows(groups, style, "MVA", on="av")
    if len(groups) > 1:
        totals.append(("Sum MVA", style.number(tax)))
    if rng.random() < 0.5:
        totals.append(("Sum inkl. mva", style.number(total)))
    totals.append((total_label, style.amount(total)))
    y = total_rows(canvas, 330, 543, y + 16, totals, bold={total_label}, size=size, step=13)
    pay = [
        f"Betales til konto {account} innen {dates_style.format(dates.due)}"
        + (
            f". Husk å bruke KID {kid}."
            if use_kid
            else f", merk betalingen med fakturanr. {number_text}."
        ),
        f"Betalingsbetingelser: {days} dager netto. Ved for sen betaling beregnes "
        "forsinkelsesrente etter forsinkelsesrenteloven.",
    ]
    if rng.random() < 0.5:
        pay.append("Purregebyr kr 35,- tilkommer ved purring.")
    y += 8
    for offset, row in enumerate(pay):
        canvas.text(50, y + offset * (size + 2.5), row, size=size - 0.5)
    y += len(pay) * (size + 2.5)

    limit = 560.0 if strip else 780.0
    assert y < limit - 16, (y, limit)
    footer = f"{vendor}  ·  {org_text}  ·  Kontonr. {account}"
    if not strip:
        footer += f"  ·  IBAN {_iban('NO', account.replace('.', ''), rng)}"
    canvas.line(50, limit - 12, 545, limit - 12, width=0.3, color=GREY)
    canvas.text(297, limit - 3, footer, size=6.2, align="center", color=GREY)

    if strip:
        _norwegian_strip(
            canvas,
            rng,
            vendor=vendor,
            customer_rows=[customer, *customer_rows[2:]],
            account=account,
            kid=kid if use_kid else "",
            amount=total,
            number_text=number_text,
            issue=dates_style.format(dates.issue),
            due=dates_style.format(dates.due),
            size=size,
        )

    fields = truth_fields(
        number=number_text,
        issue=dates.issue,
        due=dates.due,
        vendor=vendor,
        total=total,
        subtotal=subtotal,
        tax=tax,
        currency="NOK",
        lines=lines,
    )
    image: ImageFormat = choose(rng, [(5, None), (3, "jpg"), (2, "png")] if strip else [(1, None)])
    return Rendered(
        fields,
        "no",
        "invoice",
        canvas.pdf(title=f"Faktura {number_text}"),
        style,
        dates_style,
        quantities,
        ("kr", "NOK"),
        image=image,
    )


def _norwegian_strip(
    canvas: Canvas,
    rng: random.Random,
    *,
    vendor: str,
    customer_rows: list[str],
    account: str,
    kid: str,
    amount: Decimal,
    number_text: str,
    issue: str,
    due: str,
    size: float,
) -> None:
    """The GIRO form at the foot: receipt part, payment information, payer and payee boxes
    and the machine row with the KID, the amount in kroner and øre and the account."""
    top = 566.0
    _dashed(canvas, top)
    tint = (0.98, 0.93, 0.85)
    canvas.box(30, top + 6, 565, 836, stroke=None, fill=tint)
    kronor, ore = _kronor_ore(amount)
    canvas.text(40, top + 20, "KVITTERING", size=9, bold=True)
    _field(canvas, 250, top + 10, 400, top + 36, "Innbetalt til konto", [account], size=size)
    _field(
        canvas, 405, top + 10, 555, top + 36, "Beløp", [f"{kronor},{ore}"], size=size, align="right"
    )
    canvas.text(40, top + 32, "Betalerens kontonummer   Blankettnummer", size=5.5, color=GREY)
    canvas.line(30, top + 42, 565, top + 42, width=0.8)
    _field(
        canvas,
        40,
        top + 50,
        300,
        top + 112,
        "Betalingsinformasjon",
        [f"Fakturanr. {number_text}", f"Fakturadato {issue}"],
        size=size,
    )
    canvas.text(555, top + 70, "GIRO", size=22, bold=True, align="right")
    _field(canvas, 405, top + 80, 555, top + 112, "Betalingsfrist", [due], size=size)
    if rng.random() < 0.5:
        canvas.text(320, top + 105, "Underskrift ved girering", size=5.5, color=GREY)
    payer_bottom = top + 122 + 20 + len(customer_rows) * (size + 2)
    _field(canvas, 40, top + 122, 300, payer_bottom, "Betalt av", customer_rows, size=size)
    _field(canvas, 305, top + 122, 555, payer_bottom, "Betalt til", [vendor], size=size)
    heads = [("Kundeidentifikasjon (KID)", 40), ("Kroner", 270), ("Øre", 315), ("Til konto", 400)]
    for text, x in heads:
        canvas.text(x, 792, text, size=5.5, color=GREY)
    canvas.box(30, 798, 565, 824, stroke=None, fill=(1, 1, 1))
    check = _luhn(kronor + ore)
    canvas.text(40, 816, kid, size=11, fontname="cour")
    canvas.text(305, 816, kronor, size=11, fontname="cour", align="right")
    canvas.text(315, 816, f"{ore}  <{check}>", size=11, fontname="cour")
    canvas.text(400, 816, f"{account.replace('.', '')}  <", size=11, fontname="cour")


# Denmark: an e-conomic-like invoice.


def _danish(rng: random.Random) -> Rendered:
    grouping = choose(rng, [(6, "."), (2, ""), (1, " ")])
    mark = rng.choice(("kr.", "DKK", ""))
    style = MoneyStyle(grouping, ",", mark, symbol_after=mark == "kr." or rng.random() < 0.5)
    pattern = choose(rng, [(4, "{dd}.{mm}.{yyyy}"), (3, "{dd}-{mm}-{yyyy}"), (3, "long")])
    dates_style = (
        _LongDate("{d}. {month} {yyyy}", "da") if pattern == "long" else DateStyle(pattern)
    )
    dates = pick_dates(rng, dates_style, due_days=(8, 8, 14, 30))
    quantities: QuantityStyle = (
        FixedQuantity(",", places=2) if rng.random() < 0.6 else QuantityStyle(",")
    )
    canvas = Canvas(*A4, family=rng.choice(("helv", "helv", "tiro")))
    size = rng.choice((8, 8.5, 9))
    small = size - 1.5

    vendor, brand = _company(rng, "dk")
    cvr = _cvr(rng)
    seller_address = _address(rng, "dk")
    customer, _ = _company(rng, "dk")
    contact = _person(rng, "dk")
    customer_rows = [customer, f"Att.: {contact}", *_address(rng, "dk")]
    if rng.random() < 0.4:
        customer_rows.append(f"CVR-nr. {_cvr(rng)}")
    number_text = str(rng.randint(1001, 29999))
    customer_no = str(rng.randint(100, 2999))
    reg = f"{rng.randint(1000, 9899)}"
    konto = names.digits(rng, 10)
    fi = rng.random() < 0.4
    creditor = f"8{names.digits(rng, 7)}"
    fi_body = f"{int(number_text):014d}"
    fi_line = f"+71<{fi_body}{_luhn(fi_body)}+{creditor}<"

    outlay = rng.random() < 0.25
    fee = rng.random() < 0.15
    lines, rates = _lines(
        rng,
        "dk",
        rng.randint(1, 9 - (2 if outlay else 0) - (1 if fee else 0)),
        standard=Decimal(25),
        mixed=outlay,
        fee=fee,
    )
    groups, subtotal, tax, total = net_totals(lines, rates)
    running = rng.random() < 0.2
    days = (dates.due - dates.issue).days

    # Seller top right, customer top left, facts on the right.
    if brand and rng.random() < 0.5:
        canvas.text(545, 62, brand, size=17, bold=True, align="right", color=(0.55, 0.1, 0.1))
        seller_rows = [vendor, *seller_address, f"CVR-nr. {cvr}"]
    else:
        canvas.text(545, 62, vendor, size=14, bold=True, align="right")
        seller_rows = [*seller_address, f"CVR-nr. {cvr}"]
    for offset, row in enumerate(seller_rows, 1):
        canvas.text(545, 64 + offset * (size + 2), row, size=size - 0.5, align="right", color=GREY)
    for offset, row in enumerate(customer_rows):
        canvas.text(50, 140 + offset * (size + 3), row, size=size + 0.5, bold=offset == 0)
    facts = [
        ("Fakturanr.", number_text),
        ("Fakturadato", dates_style.format(dates.issue)),
        ("Kundenr.", customer_no),
    ]
    if rng.random() < 0.5:
        facts.append(("Ordrenr.", str(rng.randint(1001, 29999))))
    if rng.random() < 0.5:
        facts.append(("Deres ref.", contact))
    facts.append(("Side", "1 af 1"))
    fact_top = 64 + (len(seller_rows) + 2) * (size + 2) + 6
    for offset, (label, value) in enumerate(facts):
        row_y = fact_top + offset * 12
        canvas.text(380, row_y, label, size=size)
        canvas.text(545, row_y, value, size=size, align="right")
    heading_y = max(140 + len(customer_rows) * (size + 3), fact_top + len(facts) * 12) + 26
    canvas.text(50, heading_y, "Faktura", size=18, bold=True)
    if rng.random() < 0.4:
        canvas.text(
            545,
            heading_y,
            f"Leveringsdato: {dates_style.format(dates.other[0])}",
            size=size,
            align="right",
        )

    columns = [
        Column("Varenr.", 52),
        Column("Beskrivelse", 100),
        Column("Antal", 330, "right"),
        Column("Enhed", 338),
        Column("Stk. pris", 440, "right"),
        Column("Beløb", 543, "right"),
    ]
    rows = [
        [
            "" if line.description == FEE["dk"] else f"{rng.randint(1, 999):03d}",
            line.description,
            quantities.number(line.quantity),
            line.unit,
            style.number(line.unit_price),
            style.number(line.amount),
        ]
        for line in lines
    ]
    y = draw_table(
        canvas,
        heading_y + 10,
        columns,
        rows,
        left=48,
        right=547,
        size=size - 0.5,
        row_height=14,
        rules=rng.choice(("header", "none", "zebra")),
    )
    total_label = rng.choice(("I alt", "Total")) + ("" if mark else " DKK")
    free = sum((g.base for g in groups if g.rate == 0), Decimal(0))
    taxed = subtotal - free
    totals = [("Subtotal", style.number(subtotal))]
    vat_label = rng.choice(("Moms 25%", "Moms (25%)", "25% moms"))
    if free:
        totals.append(("Heraf momsfrit beløb", style.number(free)))
        vat_label = f"Moms 25% af {style.number(taxed)}"
    totals.append((vat_label, style.number(tax)))
    totals.append((total_label, style.amount(total)))
    canvas.line(330, y + 4, 547, y + 4, width=0.5)
    y = total_rows(canvas, 335, 543, y + 18, totals, bold={total_label}, size=size + 0.5, step=14)
    canvas.line(330, y - 10, 547, y - 10, width=0.5)
    canvas.line(330, y - 8, 547, y - 8, width=0.5)

    notes = []
    if running:
        terms = f"Løbende måned + {rng.choice((15, 30))} dage"
        notes.append(f"Betalingsbetingelser: {terms}")
    else:
        notes.append(
            f"Betalingsbetingelser: Netto {days} dage - Forfaldsdato: "
            f"{dates_style.format(dates.due)}"
        )
    if fi:
        notes.append(f"Betales via FI-kort: {fi_line}")
    else:
        notes.append(f"Beløbet bedes indbetalt på bankkonto: Reg.nr. {reg} / Kontonr. {konto}")
        notes.append(f"Fakturanr. {number_text} bedes angivet ved bankoverførsel.")
    rate = rng.choice(("0,70", "0,80", "1,00"))
    notes.append(
        f"Ved betaling efter forfald tilskrives der renter på {rate}% pr. påbegyndt måned, "
        f"samt et rykkergebyr på {style.number(Decimal(100))} kr."
    )
    y += 14
    for offset, row in enumerate(notes):
        canvas.text(50, y + offset * (size + 3), row, size=size - 0.5, bold=offset == 1 and fi)
    y += len(notes) * (size + 3)
    assert y < 770, y

    footer = [
        f"{vendor}  ·  {'  '.join(seller_address)}  ·  CVR-nr. {cvr}  ·  Tlf. {_phone(rng, 'dk')}",
        f"{rng.choice(('Danske Bank', 'Nordea', 'Jyske Bank', 'Sydbank', 'Arbejdernes Landsbank'))}"
        f"  ·  Reg.nr. {reg}  ·  Kontonr. {konto}  ·  IBAN {_iban('DK', reg + konto, rng)}",
    ]
    canvas.line(50, 790, 545, 790, width=0.4, color=GREY)
    for offset, row in enumerate(footer):
        canvas.text(297, 800 + offset * 9, row, size=small - 0.3, align="center", color=GREY)

    fields = truth_fields(
        number=number_text,
        issue=dates.issue,
        due=None if running else dates.due,
        vendor=vendor,
        total=total,
        subtotal=subtotal,
        tax=tax,
        currency="DKK",
        lines=lines,
    )
    image: ImageFormat = choose(rng, [(7, None), (3, "jpg")])
    return Rendered(
        fields,
        "da",
        "invoice",
        canvas.pdf(title=f"Faktura {number_text}"),
        style,
        dates_style,
        quantities,
        ("kr", "DKK"),
        image=image,
    )
