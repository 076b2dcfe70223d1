"""`ca-invoice`: a Canadian invoice, English, Québec French or bilingual (`Facture / Invoice`).

Canada taxes a sale with the federal GST (5 %) and a provincial tax beside it, or with one
harmonized HST: GST + PST in British Columbia (7 %) and Saskatchewan (6 %), GST + PST/RST in
Manitoba (7 %), GST + QST (9.975 %, not compounded since 2013; `TPS` / `TVQ` in French) in
Québec, HST 13 % in Ontario and 15 % in New Brunswick, Newfoundland and Labrador and PEI, GST
alone in Alberta. Each tax is printed on its own line, and the seller's registration numbers are
printed with them or in the header: the business number with its GST program account
(`GST/HST No. 123456789 RT0001`), the QST file (`QST No. 1234567890 TQ0001`), BC's `PST-1234-5678`,
Saskatchewan's `PST No. 1234567`, Manitoba's `RST No. 123456-7`. English layouts print `$1,234.56`
(or the bare figure in tables), French layouts `1 234,56 $` with the dollar sign after; some
print `CAD` beside the amount due. Dates `2024-03-05` (ISO, common in Canada), `05/03/2024` (the
day first, as QuickBooks Canada prints by default), `March 5, 2024` or `5 mars 2024`. Letter paper.

Tax rule of the truth: `tax_amount` is in the truth only where the page prints the invoice's
whole tax as one amount: the one HST/GST line of a single-tax invoice, or a `Total taxes` / `Total
des taxes` line beside GST + PST or TPS + TVQ. Where two taxes are printed without their sum, the
truth leaves the tax out, as every source does for a tax split over rates without a sum (the
reader would have to add it up); a zero-rated export prints `0.00` and the truth keeps a tax of
0.00. The total is the invoice total (subtotal plus taxes), never the
`Balance due` / `Solde dû` after a deposit, a payment, a retainer or a previous balance.

Three layouts. `quickbooks` (an online small-business accounting program, English or French):
the business with its address and registration numbers top left, a coloured logo block on the
right, `INVOICE` / `FACTURE` in colour, `BILL TO` / `SHIP TO` blocks beside an `INVOICE # / DATE /
TERMS / DUE DATE` block (`N° DE FACTURE / DATE / MODALITÉS / ÉCHÉANCE`), an optional per-line
service `DATE` column, `ACTIVITY / TAX / QTY / RATE / AMOUNT` with the tax code of each line
(`GST/PST BC`, `GST`, `HST ON`, `TPS/TVQ QC`), totals with the base in the label (`GST @ 5% on
1,234.00`), a `PAYMENT` or `DEPOSIT` row and a large `BALANCE DUE`, and a `TAX SUMMARY` table
(`RATE / TAX / NET`) repeating each tax and its base. `contractor` (a renovation contractor's
bilingual invoice, Québec or New Brunswick): the contractor's name with `Entrepreneur général /
General Contractor` and an RBQ licence (`Licence RBQ : 5734-2211-01`), a framed `FACTURE /
INVOICE` box with `N° / No.` and `Date`, `Facturé à / Bill to` and `Lieu des travaux / Job site`,
the quote and P.O. numbers, a ruled `Description / Qté / Qty / Prix unitaire / Unit price /
Montant / Amount` table with bilingual descriptions and square-foot quantities, `Sous-total /
Subtotal`, `TPS / GST (5 %) 123456789 RT0001`, `TVQ / QST (9,975 %) 1234567890 TQ0001` (or `TVH /
HST 15 %`), sometimes `Total des taxes / Total taxes`, `TOTAL`, a `Dépôt reçu / Deposit received`
and `Solde dû / Balance due`, the interest clause and a customer signature line. `professional`
(an accounting, law, engineering or IT firm, English or French): the firm with its profession
under its name and its address right-aligned, `Invoice No. / Date / Client No. / Matter No.`, a
`Re:` line, `For professional services rendered from ... to ...`, a `Date / By / Description /
Hours / Rate / Amount` table (hours × rate, the date and the timekeeper's initials beside each
description), a `Disbursements` table (photocopies, courier, mileage in km, non-taxable
government fees), `Total fees / Total disbursements / Subtotal`, the taxes with their numbers,
`Total this invoice`, an account summary (`Previous balance / Payments received / Retainer
applied / Balance due`) and a remittance stub. One professional invoice in six is billed in US
dollars to a US client (`All amounts in US dollars`, `USD` beside the totals, the GST/HST zero-rated
at 0.00), some with a `CAD equivalent` note at a Bank of Canada rate.

Decoys and awkward parts: the business, QST, PST and RBQ numbers; client, matter, quote, P.O.
and transit/account numbers; the matter number shaped like the invoice number; per-line service
dates, the billing period and a fiscal year-end in the `Re:` line; PST charged on goods only
(services are exempt), and non-taxable disbursements, so a tax's base is not the subtotal and
the tax base is printed beside each tax; the base repeated in the tax summary; `Balance due`
above the total (a previous balance) or below it (a deposit, a payment, a retainer); `Total fees`
equal to the subtotal when there are no disbursements; the interest clause (`2 % par mois (26,82
% par année)`); a CAD equivalent of a USD total; terms left as `Net 30` / `Payable upon receipt`
with no due date (no due date in the truth). About a third are scanned images, contractors'
invoices most often.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from bench.synth import names
from bench.synth.canvas import LETTER, Canvas
from bench.synth.common import Column, choose, draw_table, total_rows
from bench.synth.document import Line, Rendered, pick_dates, price, truth_fields
from bench.synth.formats import DateStyle, FixedQuantity, MoneyStyle, QuantityStyle, money

GREY = (0.4, 0.4, 0.4)
GST_RATE = Decimal(5)

Layout = Literal["quickbooks", "contractor", "professional"]


@dataclass(frozen=True)
class Province:
    code: str
    name_en: str
    name_fr: str
    provincial: str
    """`PST`, `RST` or `QST` beside the GST; `HST` for one harmonized tax; `` for GST alone."""
    rate: Decimal
    """The provincial rate, or the HST rate."""
    cities: tuple[str, ...]
    postal: str
    """First letters of its postal codes."""
    areas: tuple[int, ...]


PROVINCES = {
    p.code: p
    for p in (
        Province(
            "BC",
            "British Columbia",
            "Colombie-Britannique",
            "PST",
            Decimal(7),
            ("Vancouver", "Victoria", "Kelowna", "Surrey", "Burnaby", "Nanaimo"),
            "V",
            (604, 778, 250),
        ),
        Province(
            "SK",
            "Saskatchewan",
            "Saskatchewan",
            "PST",
            Decimal(6),
            ("Regina", "Saskatoon", "Moose Jaw", "Prince Albert"),
            "S",
            (306, 639),
        ),
        Province(
            "MB",
            "Manitoba",
            "Manitoba",
            "RST",
            Decimal(7),
            ("Winnipeg", "Brandon", "Steinbach", "Selkirk"),
            "R",
            (204, 431),
        ),
        Province(
            "QC",
            "Quebec",
            "Québec",
            "QST",
            Decimal("9.975"),
            ("Montréal", "Québec", "Laval", "Gatineau", "Sherbrooke", "Trois-Rivières", "Lévis"),
            "HGJ",
            (514, 438, 418, 819, 450),
        ),
        Province(
            "ON",
            "Ontario",
            "Ontario",
            "HST",
            Decimal(13),
            ("Toronto", "Ottawa", "Mississauga", "Hamilton", "London", "Kingston", "Barrie"),
            "MKLN",
            (416, 647, 613, 905, 519),
        ),
        Province(
            "NB",
            "New Brunswick",
            "Nouveau-Brunswick",
            "HST",
            Decimal(15),
            ("Moncton", "Fredericton", "Saint John", "Dieppe", "Bathurst"),
            "E",
            (506,),
        ),
        Province(
            "NL",
            "Newfoundland and Labrador",
            "Terre-Neuve-et-Labrador",
            "HST",
            Decimal(15),
            ("St. John's", "Mount Pearl", "Corner Brook"),
            "A",
            (709,),
        ),
        Province(
            "PE",
            "Prince Edward Island",
            "Île-du-Prince-Édouard",
            "HST",
            Decimal(15),
            ("Charlottetown", "Summerside"),
            "C",
            (902,),
        ),
        Province(
            "AB",
            "Alberta",
            "Alberta",
            "",
            Decimal(0),
            ("Calgary", "Edmonton", "Red Deer", "Lethbridge"),
            "T",
            (403, 587, 780),
        ),
    )
}

SURNAMES_QC = [
    "Tremblay",
    "Gagnon",
    "Roy",
    "Côté",
    "Bouchard",
    "Gauthier",
    "Morin",
    "Lavoie",
    "Fortin",
    "Gagné",
    "Ouellet",
    "Pelletier",
    "Bélanger",
    "Lévesque",
    "Bergeron",
    "Paquette",
    "Girard",
    "Simard",
    "Boucher",
    "Caron",
]
SURNAMES_EN = [
    "MacDonald",
    "Campbell",
    "Stewart",
    "Fraser",
    "Singh",
    "Chen",
    "Wilson",
    "Anderson",
    "Thompson",
    "MacLeod",
    "Patel",
    "Nguyen",
    "Brown",
    "Taylor",
    "Wong",
    "Martin",
    "Reid",
    "Grant",
    "Sinclair",
    "Kowalchuk",
]
SURNAMES_NB = [
    "LeBlanc",
    "Cormier",
    "Gallant",
    "Arsenault",
    "Richard",
    "Landry",
    "Doucet",
    "Robichaud",
    "Savoie",
]
FIRST_QC = "Mathieu Julie Sébastien Isabelle Marc-André Geneviève Simon Caroline Éric Nathalie"
FIRST_EN = "Ryan Emily Tyler Jessica Brandon Sarah Kyle Megan Justin Amanda"
PLACES = [
    "Sea to Sky",
    "Prairie Sky",
    "Red River",
    "Northshore",
    "Lakehead",
    "Maple Ridge",
    "Coastal Mountain",
    "Fraser Valley",
    "Okanagan",
    "Great Plains",
    "Bluewater",
    "Rideau",
    "Kawartha",
    "Cabot",
    "Fundy",
]

# (description, unit, goods): goods carry the provincial sales tax, services do not.
QB_EN = [
    ("Business cards, 500 ct", "", True),
    ("Vinyl banner 3 x 8 ft", "", True),
    ("Graphic design", "hrs", False),
    ("Lawn maintenance - weekly visit", "", False),
    ("Black mulch (cu yd)", "", True),
    ("Toner cartridge HP 58A", "", True),
    ("Copy paper, case of 10 reams", "", True),
    ("Delivery", "", False),
    ("Installation labour", "hrs", False),
    ("Snow removal - monthly contract", "", False),
    ("Printer repair - labour", "hrs", False),
    ("Window cleaning", "", False),
    ("Screened topsoil (cu yd)", "", True),
    ("Hedge trimming", "hrs", False),
    ("Ergonomic task chair", "", True),
    ("Corrugated boxes 18 x 12 x 12 (bundle)", "", True),
    ("Website hosting - annual", "", False),
    ("Coroplast sign 18 x 24 in", "", True),
]
QB_FR = [
    ("Cartes professionnelles (500)", "", True),
    ("Bannière vinyle 3 x 8 pi", "", True),
    ("Conception graphique", "h", False),
    ("Entretien de pelouse - visite", "", False),
    ("Paillis noir (vg3)", "", True),
    ("Cartouche d'encre HP 58A", "", True),
    ("Papier à photocopie, caisse de 10", "", True),
    ("Livraison", "", False),
    ("Main-d'œuvre installation", "h", False),
    ("Déneigement - contrat mensuel", "", False),
    ("Réparation d'imprimante", "h", False),
    ("Lavage de vitres", "", False),
    ("Terre à jardin tamisée (vg3)", "", True),
    ("Chaise de bureau ergonomique", "", True),
    ("Hébergement web - annuel", "", False),
    ("Affiche coroplast 18 x 24 po", "", True),
]
# (bilingual description, unit kind): "h" hours, "sqft" square feet, "" each.
CONTRACTOR = [
    ("Main-d'œuvre / Labour", "h"),
    ("Démolition / Demolition", "h"),
    ("Pose de céramique / Ceramic tile installation", "sqft"),
    ("Gypse 1/2 po / Drywall 1/2 in.", ""),
    ("Peinture / Painting", "h"),
    ("Plancher flottant / Floating floor", "sqft"),
    ("Location de conteneur / Dumpster rental", ""),
    ("Matériaux divers / Misc. materials", ""),
    ("Porte intérieure / Interior door", ""),
    ("Isolant R-20 / R-20 insulation", "sqft"),
    ("Plomberie / Plumbing", "h"),
    ("Électricité / Electrical work", "h"),
    ("Déplacement / Travel", ""),
    ("Moulures / Trim and moulding", ""),
    ("Vanité 36 po / 36 in. vanity", ""),
]
FIRMS = {
    "accounting": (
        "CPA",
        "Chartered Professional Accountants",
        "Comptables professionnels agréés",
    ),
    "law": ("Law", "Barristers & Solicitors", "Avocats"),
    "engineering": ("Engineering", "Consulting Engineers", "Ingénieurs-conseils"),
    "it": ("Digital", "IT Consulting", "Services-conseils en TI"),
}
FEES_EN = {
    "accounting": [
        "Preparation of year-end financial statements",
        "Corporate tax return (T2) preparation",
        "Review of GST/HST filings",
        "Bookkeeping adjustments and reconciliations",
        "Meeting with client re: tax planning",
        "T4 and T5 slips preparation",
        "Correspondence with CRA",
    ],
    "law": [
        "Review of agreement of purchase and sale",
        "Telephone call with client",
        "Drafting of shareholder agreement",
        "Title search and review",
        "Preparation of closing documents",
        "Correspondence with opposing counsel",
        "Attendance at closing",
    ],
    "engineering": [
        "Site inspection and report",
        "Structural calculations",
        "Design review meeting",
        "Preparation of drawings, rev. B",
        "Review of shop drawings",
        "Project coordination",
    ],
    "it": [
        "Software development - sprint work",
        "Database migration",
        "Project management",
        "Server maintenance and patching",
        "Security review",
        "Remote support",
    ],
}
FEES_FR = {
    "accounting": [
        "Préparation des états financiers annuels",
        "Déclarations de revenus T2 et CO-17",
        "Révision des déclarations TPS/TVQ",
        "Conciliations bancaires",
        "Rencontre avec le client - planification fiscale",
        "Correspondance avec Revenu Québec",
        "Préparation des relevés 1 et T4",
    ],
    "law": [
        "Analyse du bail commercial",
        "Appel téléphonique avec le client",
        "Rédaction de la convention d'actionnaires",
        "Recherche au registre foncier",
        "Préparation de la mise en demeure",
        "Correspondance avec l'avocat de la partie adverse",
    ],
    "engineering": [
        "Inspection du chantier et rapport",
        "Calculs de structure",
        "Réunion de revue de conception",
        "Préparation des plans, rév. B",
        "Coordination de projet",
    ],
    "it": [
        "Développement logiciel - sprint",
        "Migration de la base de données",
        "Gestion de projet",
        "Maintenance des serveurs",
        "Soutien à distance",
    ],
}
# (description, quantity range, unit price choices, taxable)
DISBURSEMENTS_EN = [
    ("Photocopies", (20, 240), ("0.25", "0.20", "0.15"), True),
    ("Courier", (1, 2), ("18.50", "24.75", "32.40"), True),
    ("Mileage (km)", (30, 260), ("0.70", "0.68", "0.72"), True),
    ("Corporate registry search (non-taxable)", (1, 2), ("12.00", "25.00", "50.00"), False),
    ("Land title registration fee (non-taxable)", (1, 1), ("75.30", "89.00", "110.00"), False),
    ("Long-distance calls", (1, 1), ("6.40", "11.85"), True),
]
DISBURSEMENTS_FR = [
    ("Photocopies", (20, 240), ("0.25", "0.20", "0.15"), True),
    ("Messagerie", (1, 2), ("18.50", "24.75", "32.40"), True),
    ("Kilométrage (km)", (30, 260), ("0.60", "0.65", "0.70"), True),
    ("Recherche au registre (non taxable)", (1, 2), ("12.00", "25.00", "50.00"), False),
    ("Frais d'inscription au registre foncier (non taxable)", (1, 1), ("75.30", "89.00"), False),
]
US_CITIES = ("Seattle, WA 98101", "Boston, MA 02110", "Chicago, IL 60606", "Denver, CO 80202")


@dataclass(frozen=True)
class Tax:
    kind: str
    """`GST`, `HST`, `PST`, `RST` or `QST` (the English name)."""
    rate: Decimal
    base: Decimal
    amount: Decimal
    number: str
    """The seller's registration number for this tax."""

    def name(self, french: bool) -> str:
        if not french:
            return self.kind
        return {"GST": "TPS", "HST": "TVH", "QST": "TVQ", "PST": "TVP", "RST": "TVD"}[self.kind]


def _rate(rate: Decimal, french: bool) -> str:
    text = format(rate.normalize(), "f")
    return f"{text.replace('.', ',')} %" if french else f"{text}%"


def _bn(rng: random.Random) -> str:
    return f"{rng.randint(1, 9)}{names.digits(rng, 8)}"


def _registrations(rng: random.Random, province: Province) -> tuple[str, str]:
    """The GST/HST number and the provincial number (empty under HST or in Alberta)."""
    gst = f"{_bn(rng)} RT0001"
    provincial = {
        "QST": f"{rng.randint(1, 9)}{names.digits(rng, 9)} TQ0001",
        "PST": f"PST-{names.digits(rng, 4)}-{names.digits(rng, 4)}"
        if province.code == "BC"
        else names.digits(rng, 7),
        "RST": f"{names.digits(rng, 6)}-{rng.randint(0, 9)}",
    }.get(province.provincial, "")
    return gst, provincial


def _taxes(
    province: Province,
    lines: list[Line],
    federal: list[bool],
    provincial: list[bool],
    numbers: tuple[str, str],
) -> list[Tax]:
    """Each tax on its own base (the lines it applies to), rounded per tax."""
    fed_base = sum((line.amount for line, on in zip(lines, federal, strict=True) if on), Decimal(0))
    prov_base = sum(
        (line.amount for line, on in zip(lines, provincial, strict=True) if on), Decimal(0)
    )
    if province.provincial == "HST":
        return [
            Tax("HST", province.rate, fed_base, money(fed_base * province.rate / 100), numbers[0])
        ]
    taxes = [Tax("GST", GST_RATE, fed_base, money(fed_base * GST_RATE / 100), numbers[0])]
    if province.provincial:
        taxes.append(
            Tax(
                province.provincial,
                province.rate,
                prov_base,
                money(prov_base * province.rate / 100),
                numbers[1],
            )
        )
    return taxes


def _postal(rng: random.Random, province: Province) -> str:
    letters = "ABCEGHJKLMNPRSTVWXYZ"
    return (
        f"{rng.choice(province.postal)}{rng.randint(0, 9)}{rng.choice(letters)} "
        f"{rng.randint(0, 9)}{rng.choice(letters)}{rng.randint(0, 9)}"
    )


def _address(rng: random.Random, province: Province, french: bool) -> list[str]:
    city = rng.choice(province.cities)
    n = rng.randint(10, 9800)
    if french:
        street = rng.choice(
            (
                "rue Saint-Denis",
                "boulevard René-Lévesque",
                "rue Principale",
                "chemin Sainte-Foy",
                "rue King Ouest",
                "boulevard Taschereau",
                "avenue du Parc",
                "rue Notre-Dame Est",
            )
        )
        suite = f", bureau {rng.randint(100, 650)}" if rng.random() < 0.3 else ""
        where = f"{city} ({province.name_fr})" if rng.random() < 0.6 else f"{city}, {province.code}"
        return [f"{n}, {street}{suite}", f"{where} {_postal(rng, province)}"]
    street = rng.choice(
        (
            "Main Street",
            "King Street West",
            "Portage Avenue",
            "Granville Street",
            "Albert Street",
            "Jasper Avenue",
            "Water Street",
            "Queen Street",
            "Broadway",
        )
    )
    unit = f"Unit {rng.randint(1, 40)} - " if rng.random() < 0.25 else ""
    return [f"{unit}{n} {street}", f"{city}, {province.code} {_postal(rng, province)}"]


def _phone(rng: random.Random, province: Province) -> str:
    area = rng.choice(province.areas)
    if rng.random() < 0.5:
        return f"{area}-{names.digits(rng, 3)}-{names.digits(rng, 4)}"
    return f"({area}) {names.digits(rng, 3)}-{names.digits(rng, 4)}"


def _domain(vendor: str) -> str:
    word = vendor.split()[0].lower()
    letters = "".join(ch for ch in word if ch.isascii() and ch.isalpha())
    return letters or "info"


def _person(rng: random.Random, french: bool) -> str:
    first = rng.choice((FIRST_QC if french else FIRST_EN).split())
    return f"{first} {rng.choice(SURNAMES_QC if french else SURNAMES_EN)}"


def _customer(rng: random.Random, french: bool) -> tuple[str, bool]:
    """A customer's name and whether it is a business (not a person)."""
    if rng.random() < 0.35:
        return _person(rng, french), False
    if french:
        name = rng.choice(
            (
                f"Les Entreprises {rng.choice(SURNAMES_QC)} inc.",
                f"Clinique dentaire {rng.choice(SURNAMES_QC)}",
                f"Restaurant Chez {rng.choice(FIRST_QC.split())}",
                f"Gestion {rng.choice(SURNAMES_QC)} inc.",
            )
        )
        return name, True
    name = rng.choice(
        (
            f"{rng.choice(PLACES)} Property Management Inc.",
            f"{rng.choice(SURNAMES_EN)} Dental Clinic",
            f"{rng.choice(PLACES)} Brewing Co.",
            f"{rng.choice(SURNAMES_EN)} Holdings Ltd.",
        )
    )
    return name, True


def _money_style(french: bool, grouping: str = " ") -> MoneyStyle:
    if french:
        return MoneyStyle(grouping, ",", "$", symbol_after=True)
    return MoneyStyle(",", ".", "$", symbol_space=False)


def _dashed(canvas: Canvas, y: float, left: float = 40, right: float = 572) -> None:
    x = left
    while x < right:
        canvas.line(x, y, x + 4, y, width=0.6)
        x += 8


def _hours(rng: random.Random, tenths: bool) -> Decimal:
    if tenths:
        return Decimal(rng.randint(1, 45)) / 10
    return Decimal(rng.randint(1, 24)) / 4


def _light(color: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b = (1 - (1 - c) * 0.18 for c in color)
    return (r, g, b)


def _quickbooks(rng: random.Random) -> Rendered:
    """An online accounting program's standard invoice template."""
    province = PROVINCES[rng.choice(("BC", "BC", "SK", "MB", "QC", "QC", "ON", "ON", "NB", "AB"))]
    french = province.code == "QC" and rng.random() < 0.5
    style = _money_style(french, rng.choice((" ", "\u00a0")))
    patterns = ["{yyyy}-{mm}-{dd}", "{dd}/{mm}/{yyyy}"]
    if not french:
        patterns.append("{month} {d}, {yyyy}")
    dates_style = DateStyle(rng.choice(patterns), "fr" if french else "en")
    dates = pick_dates(rng, dates_style, due_days=(15, 30, 30, 45))
    days = (dates.due - dates.issue).days
    canvas = Canvas(*LETTER, family=rng.choice(("helv", "helv", "helv", "tiro")))
    size = rng.choice((8.5, 9))
    accent = rng.choice(((0.13, 0.55, 0.33), (0.1, 0.3, 0.6), (0.45, 0.2, 0.5), (0.3, 0.3, 0.3)))

    if french:
        surname = rng.choice(SURNAMES_QC)
        noun = rng.choice(("Imprimerie", "Paysagement", "Entretien", "Enseignes", "Fournitures"))
        vendor = rng.choice(
            (
                f"{noun} {surname} inc.",
                f"{noun} {surname} et Fils inc.",
                f"9{names.digits(rng, 3)}-{names.digits(rng, 4)} Québec inc.",
            )
        )
        pool = QB_FR
    else:
        noun = rng.choice(
            ("Landscaping", "Print & Sign", "Office Supply", "Cleaning Services", "Graphics")
        )
        forms = (
            ("Ltd.", "Inc.", "Corp.", "Ltée")
            if province.code in ("QC", "NB")
            else (
                "Ltd.",
                "Inc.",
                "Corp.",
            )
        )
        vendor = rng.choice(
            (
                f"{rng.choice(PLACES)} {noun} {rng.choice(forms)}",
                f"{rng.choice(SURNAMES_EN)} {noun} {rng.choice(forms)}",
            )
        )
        pool = QB_EN
    number_text = str(rng.randint(1001, 4999))
    gst_no, prov_no = _registrations(rng, province)

    lines: list[Line] = []
    goods: list[bool] = []
    for text, unit, is_goods in rng.sample(pool, rng.randint(1, 7)):
        if unit:
            line = Line(text, _hours(rng, False), price(rng, 45, 125), unit)
        elif is_goods:
            qty = Decimal(rng.choice((1, 1, 2, 3, 4, 5, 10, 12, 20)))
            line = Line(text, qty, price(rng, 6, 380))
        else:
            line = Line(text, Decimal(rng.choice((1, 1, 1, 2, 4))), price(rng, 30, 650))
        lines.append(line)
        goods.append(is_goods)
    provincial = [is_goods if province.provincial in ("PST", "RST") else True for is_goods in goods]
    taxes = _taxes(province, lines, [True] * len(lines), provincial, (gst_no, prov_no))
    taxes = [tax for tax in taxes if tax.kind == "GST" or tax.base or tax.kind == "HST"]
    subtotal = sum((line.amount for line in lines), Decimal(0))
    tax_total = sum((tax.amount for tax in taxes), Decimal(0))
    total = subtotal + tax_total
    paid = Decimal(0)
    if rng.random() < 0.35:
        paid = money(total * Decimal(rng.choice(("0.25", "0.5", "1"))))
    balance = total - paid

    labels = (
        {
            "title": "FACTURE",
            "bill": "FACTURER À",
            "ship": "EXPÉDIER À",
            "number": "N° DE FACTURE",
            "date": "DATE",
            "terms": "MODALITÉS",
            "due": "ÉCHÉANCE",
            "when": "DATE",
            "activity": "ACTIVITÉ",
            "tax": "TAXE",
            "qty": "QTÉ",
            "rate": "TAUX",
            "amount": "MONTANT",
            "subtotal": "SOUS-TOTAL",
            "total": "TOTAL",
            "paid": rng.choice(("PAIEMENT", "DÉPÔT")),
            "balance": "SOLDE DÛ",
            "on": "sur",
            "summary": "SOMMAIRE DES TAXES",
            "net": "NET",
        }
        if french
        else {
            "title": "INVOICE",
            "bill": "BILL TO",
            "ship": "SHIP TO",
            "number": "INVOICE #",
            "date": "DATE",
            "terms": "TERMS",
            "due": "DUE DATE",
            "when": "DATE",
            "activity": "ACTIVITY",
            "tax": "TAX",
            "qty": "QTY",
            "rate": "RATE",
            "amount": "AMOUNT",
            "subtotal": "SUBTOTAL",
            "total": "TOTAL",
            "paid": rng.choice(("PAYMENT", "DEPOSIT")),
            "balance": "BALANCE DUE",
            "on": "on",
            "summary": "TAX SUMMARY",
            "net": "NET",
        }
    )

    canvas.text(40, 56, vendor, size=13, bold=True)
    head = [*_address(rng, province, french), _phone(rng, province)]
    head.append(f"{rng.choice(('info', 'accounts', 'billing'))}@{_domain(vendor)}.ca")
    if french:
        head.append(f"N° d'inscription TPS/TVH : {gst_no}")
        if prov_no:
            head.append(f"N° d'inscription TVQ : {prov_no}")
    else:
        head.append(f"GST/HST Registration No.: {gst_no}")
        if prov_no:
            head.append(
                {
                    "QST": f"QST Registration No.: {prov_no}",
                    "PST": f"PST No.: {prov_no}",
                    "RST": f"RST No.: {prov_no}",
                }[province.provincial]
            )
    for offset, row in enumerate(head, 1):
        canvas.text(40, 56 + offset * (size + 2.5), row, size=size - 0.5)
    canvas.box(492, 40, 572, 88, stroke=None, fill=accent)
    initials = "".join(word[0] for word in vendor.split()[:2] if word[0].isalpha()).upper()
    canvas.text(532, 71, initials or "Q", size=20, bold=True, align="center", color=(1, 1, 1))

    title_y = 56 + len(head) * (size + 2.5) + 30
    canvas.text(40, title_y, labels["title"], size=18, color=accent)
    block = title_y + 24
    customer, _ = _customer(rng, french)
    bill = [customer, *_address(rng, province, french)]
    canvas.text(40, block, labels["bill"], size=size - 1, bold=True)
    for offset, row in enumerate(bill, 1):
        canvas.text(40, block + offset * (size + 2.5), row, size=size)
    if rng.random() < 0.5:
        ship = [customer, *_address(rng, province, french)]
        canvas.text(210, block, labels["ship"], size=size - 1, bold=True)
        for offset, row in enumerate(ship, 1):
            canvas.text(210, block + offset * (size + 2.5), row, size=size)
    terms = ""
    if days in (15, 30, 45):
        terms = f"Net {days}" if not french or rng.random() < 0.5 else f"{days} jours net"
    facts = [(labels["number"], number_text), (labels["date"], dates_style.format(dates.issue))]
    if terms:
        facts.append((labels["terms"], terms))
    facts.append((labels["due"], dates_style.format(dates.due)))
    for offset, (label, value) in enumerate(facts):
        canvas.text(400, block + offset * (size + 4), label, size=size - 1, bold=True)
        canvas.text(485, block + offset * (size + 4), value, size=size)
    top = block + max(len(bill), len(facts)) * (size + 4) + 22

    with_date = rng.random() < 0.4
    left = 40.0
    columns = []
    if with_date:
        columns.append(Column(labels["when"], left))
        left = 40 + canvas.width_of(dates_style.format(dates.issue), size=size - 0.5) + 14
    columns += [
        Column(labels["activity"], left),
        Column(labels["tax"], 352),
        Column(labels["qty"], 428, "right"),
        Column(labels["rate"], 492, "right"),
        Column(labels["amount"], 570, "right"),
    ]
    quantities = QuantityStyle("," if french else ".")
    rows = []
    span = max((dates.issue - dates.other[0]).days, 1)
    for line, is_prov in zip(lines, provincial, strict=True):
        if province.provincial == "HST":
            code = f"{'TVH' if french else 'HST'} {province.code}"
        elif province.provincial == "QST":
            code = "TPS/TVQ QC" if french else "GST/QST QC"
        elif province.provincial and is_prov:
            code = f"GST/{province.provincial} {province.code}"
        else:
            code = "GST"
        cells = [
            line.description,
            code,
            quantities.number(line.quantity),
            style.number(line.unit_price),
            style.number(line.amount),
        ]
        if with_date:
            served = dates.other[0] + dt.timedelta(days=rng.randint(0, span))
            cells.insert(0, dates_style.format(served))
        rows.append(cells)
    y = draw_table(
        canvas,
        top,
        columns,
        rows,
        left=38,
        right=574,
        size=size - 0.5,
        row_height=18,
        rules="header",
        header_fill=_light(accent),
        header_bold=False,
    )
    _dashed(canvas, y + 6, 38, 574)
    y += 24

    totals = [(labels["subtotal"], style.number(subtotal))]
    for tax in taxes:
        name = tax.name(french)
        if tax.kind in ("PST", "RST") and rng.random() < 0.6:
            name = f"{name} ({province.code})"
        label = f"{name} @ {_rate(tax.rate, french)}"
        if rng.random() < 0.7 or tax.base != subtotal:
            label += f" {labels['on']} {style.number(tax.base)}"
        totals.append((label, style.number(tax.amount)))
    totals.append((labels["total"], style.number(total)))
    if paid:
        paid_label = labels["paid"] if paid < total else ("PAIEMENT" if french else "PAYMENT")
        totals.append((paid_label, style.number(paid)))
    end = total_rows(canvas, 350, 570, y, totals, bold=(), size=size, step=15)
    canvas.line(350, end - 2, 574, end - 2, width=0.5)
    due_text = style.amount(balance)
    if rng.random() < 0.4:
        due_text = f"CAD {due_text}" if not french else f"{style.number(balance)} $ CA"
    canvas.text(350, end + 16, labels["balance"], size=size)
    canvas.text(570, end + 18, due_text, size=size + 6, bold=True, align="right")
    right_end = end + 30

    notes = (
        ["Merci de votre confiance !", f"Virement Interac : paiements@{_domain(vendor)}.ca"]
        if french
        else [
            "Thank you for your business!",
            f"Pay by Interac e-Transfer to payments@{_domain(vendor)}.ca",
        ]
    )
    for offset, row in enumerate(notes):
        canvas.text(40, y + offset * 12, row, size=size - 0.5)
    left_end = y + len(notes) * 12 + 10
    if rng.random() < 0.6:
        ty = left_end + 8
        canvas.text(40, ty, labels["summary"], size=size - 1, bold=True)
        canvas.text(40, ty + 14, labels["rate"], size=size - 1.5, color=GREY)
        canvas.text(215, ty + 14, labels["tax"], size=size - 1.5, color=GREY, align="right")
        canvas.text(300, ty + 14, labels["net"], size=size - 1.5, color=GREY, align="right")
        for offset, tax in enumerate(taxes):
            row_y = ty + 27 + offset * 12
            canvas.text(40, row_y, f"{tax.name(french)} @ {_rate(tax.rate, french)}", size=size - 1)
            canvas.text(215, row_y, style.number(tax.amount), size=size - 1, align="right")
            canvas.text(300, row_y, style.number(tax.base), size=size - 1, align="right")
        left_end = ty + 27 + len(taxes) * 12
    footer = max(left_end, right_end) + 30
    if footer < 760:
        canvas.text(306, 770, "Page 1 / 1" if french else "Page 1 of 1", size=7, align="center")

    fields = truth_fields(
        number=number_text,
        issue=dates.issue,
        due=dates.due,
        vendor=vendor,
        total=total,
        subtotal=subtotal,
        tax=tax_total if len(taxes) == 1 else None,
        currency="CAD",
        lines=lines,
    )
    return Rendered(
        fields,
        "fr" if french else "en",
        "invoice",
        canvas.pdf(title=number_text),
        style,
        dates_style,
        quantities,
        ("$", "CAD"),
    )


def _contractor(rng: random.Random) -> Rendered:
    """A renovation contractor's bilingual invoice from a word-processor template."""
    province = PROVINCES[rng.choice(("QC", "QC", "QC", "NB"))]
    quebec = province.code == "QC"
    french = rng.random() < (0.7 if quebec else 0.25)
    style = _money_style(french, rng.choice((" ", "\u00a0")))
    quantities = QuantityStyle("," if french else ".")
    dates_style = rng.choice(
        (
            DateStyle("{yyyy}-{mm}-{dd}"),
            DateStyle("{yyyy}-{mm}-{dd}"),
            DateStyle("{d} {month} {yyyy}", "fr"),
            DateStyle("{month} {d}, {yyyy}"),
        )
    )
    dates = pick_dates(rng, dates_style, due_days=(15, 30))
    days = (dates.due - dates.issue).days
    canvas = Canvas(*LETTER, family=rng.choice(("helv", "tiro", "helv")))
    size = rng.choice((8.5, 9))
    year = dates.issue.year
    if quebec:
        surname = rng.choice(SURNAMES_QC)
        vendor = rng.choice(
            (
                f"Rénovations {surname} inc.",
                f"Construction {surname} & Fils inc.",
                f"Toitures {surname} ltée",
                f"9{names.digits(rng, 3)}-{names.digits(rng, 4)} Québec inc.",
            )
        )
    else:
        surname = rng.choice(SURNAMES_NB)
        vendor = rng.choice(
            (
                f"Construction {surname} Ltée",
                f"{surname} Renovations Ltd.",
                f"Rénovations {surname} Inc.",
            )
        )
    number_text = rng.choice(
        (
            f"{rng.randint(100, 2500):04d}",
            f"F-{year}-{rng.randint(1, 300):03d}",
            f"{year % 100}-{rng.randint(1, 400):03d}",
        )
    )
    gst_no, prov_no = _registrations(rng, province)

    lines = []
    for text, kind in rng.sample(CONTRACTOR, rng.randint(2, 7)):
        if kind == "h":
            lines.append(Line(text, _hours(rng, False) * rng.choice((1, 2, 4)), price(rng, 55, 95)))
        elif kind == "sqft":
            lines.append(Line(text, Decimal(rng.randint(40, 450)), price(rng, 2, 13)))
        else:
            lines.append(Line(text, Decimal(rng.choice((1, 1, 1, 2, 3, 6))), price(rng, 25, 900)))
    flags = [True] * len(lines)
    taxes = _taxes(province, lines, flags, flags, (gst_no, prov_no))
    subtotal = sum((line.amount for line in lines), Decimal(0))
    tax_total = sum((tax.amount for tax in taxes), Decimal(0))
    total = subtotal + tax_total
    deposit = Decimal(0)
    if rng.random() < 0.45:
        deposit = money(total * Decimal(rng.choice(("0.25", "0.3", "0.5"))))
        if deposit > 200:
            deposit = Decimal(int(deposit / 100) * 100)
    balance = total - deposit
    due_printed = rng.random() < 0.45

    canvas.text(40, 62, vendor, size=17, bold=True)
    trade = rng.choice(
        (
            "Entrepreneur général / General Contractor",
            "Entrepreneur en rénovation / Renovation Contractor",
            "Rénovation résidentielle et commerciale / Residential & Commercial Renovation",
        )
    )
    head = [trade, ", ".join(_address(rng, province, quebec))]
    head.append(f"Tél. / Tel. : {_phone(rng, province)}    Cell. : {_phone(rng, province)}")
    if quebec:
        head.append(
            f"Licence RBQ : {names.digits(rng, 4)}-{names.digits(rng, 4)}-{names.digits(rng, 2)}"
        )
    else:
        head.append(f"WorkSafeNB # {names.digits(rng, 7)}")
    for offset, row in enumerate(head, 1):
        canvas.text(
            40,
            64 + offset * (size + 3),
            row,
            size=size - 0.5,
            color=GREY if offset == 1 else (0, 0, 0),
        )

    box_rows = [("N° / No. :", number_text), ("Date :", dates_style.format(dates.issue))]
    if due_printed:
        box_rows.append(("Échéance / Due :", dates_style.format(dates.due)))
    box_bottom = 72 + len(box_rows) * 15 + 4
    canvas.box(395, 40, 572, box_bottom + 4, width=1.2)
    canvas.text(483, 58, "FACTURE / INVOICE", size=12, bold=True, align="center")
    for offset, (label, value) in enumerate(box_rows):
        canvas.text(403, 78 + offset * 15, label, size=size - 0.5, bold=True)
        canvas.text(564, 78 + offset * 15, value, size=size, align="right")

    block = max(64 + (len(head) + 2) * (size + 3), box_bottom + 30)
    customer, _ = _customer(rng, quebec and rng.random() < 0.8)
    bill = [customer, *_address(rng, province, quebec)]
    canvas.text(40, block, "Facturé à / Bill to :", size=size, bold=True)
    for offset, row in enumerate(bill, 1):
        canvas.text(40, block + offset * (size + 3), row, size=size)
    canvas.text(310, block, "Lieu des travaux / Job site :", size=size, bold=True)
    site = _address(rng, province, quebec)
    for offset, row in enumerate(site, 1):
        canvas.text(310, block + offset * (size + 3), row, size=size)
    refs_y = block + (len(bill) + 1) * (size + 3) + 6
    refs = [f"Soumission / Quote : S-{year % 100}-{rng.randint(1, 250):03d}"]
    if rng.random() < 0.5:
        refs.append(f"Bon de commande / P.O. : {names.digits(rng, 5)}")
    refs.append(f"Travaux du / Work date : {dates_style.format(dates.other[0])}")
    canvas.text(40, refs_y, "     ".join(refs), size=size - 0.5)

    columns = [
        Column("Description", 46),
        Column("Qté / Qty", 345, "right"),
        Column("Prix unitaire / Unit price", 458, "right"),
        Column("Montant / Amount", 566, "right"),
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
    y = draw_table(
        canvas,
        refs_y + 16,
        columns,
        rows,
        left=40,
        right=572,
        size=size - 0.5,
        row_height=17,
        rules="grid",
        header_fill=(0.9, 0.9, 0.9),
    )

    def rate(tax: Tax) -> str:
        return _rate(tax.rate, french)

    totals = [("Sous-total / Subtotal", style.number(subtotal))]
    for tax in taxes:
        both = f"{tax.name(True)} / {tax.kind}"
        totals.append((f"{both} {rate(tax)}  n° {tax.number}", style.number(tax.amount)))
    taxes_summed = len(taxes) == 1 or rng.random() < 0.35
    if len(taxes) > 1 and taxes_summed:
        totals.append(("Total des taxes / Total taxes", style.number(tax_total)))
    totals.append(("TOTAL", style.amount(total)))
    if deposit:
        totals.append(("Dépôt reçu / Deposit received", style.number(deposit)))
        totals.append(("Solde dû / Balance due", style.amount(balance)))
    elif rng.random() < 0.5:
        totals.append(("Solde dû / Balance due", style.amount(balance)))
    box_top = y + 10
    box_end = box_top + len(totals) * 15 + 8
    canvas.box(300, box_top, 572, box_end, width=0.8)
    for offset, (label, value) in enumerate(totals):
        strong = label in ("TOTAL", "Solde dû / Balance due")
        row_y = box_top + 15 + offset * 15
        if label == "TOTAL":
            canvas.line(300, row_y - 11, 572, row_y - 11, width=0.6)
        canvas.text(308, row_y, label, size=size - 0.5, bold=strong)
        canvas.text(564, row_y, value, size=size, bold=strong, align="right")

    if due_printed and days == 30:
        terms = "Net 30 jours / Net 30 days"
    elif due_printed:
        terms = f"Payable dans les {days} jours / Due in {days} days"
    else:
        terms = rng.choice(
            ("Payable sur réception / Payable upon receipt", "Net 30 jours / Net 30 days")
        )
    notes = [
        f"Conditions / Terms : {terms}",
        "Intérêts de 2 % par mois (26,82 % par année)",
        "sur les comptes en souffrance.",
        "Interest of 2% per month (26.82% per annum)",
        "charged on overdue accounts.",
        f"Virement Interac / e-Transfer : {_domain(vendor)}@outlook.com",
    ]
    for offset, row in enumerate(notes):
        canvas.text(40, box_top + 15 + offset * 12, row, size=size - 1)
    y = max(box_end, box_top + 15 + len(notes) * 12) + 46
    canvas.line(40, y, 250, y, width=0.5)
    canvas.text(40, y + 11, "Signature du client / Customer signature", size=size - 1.5, color=GREY)
    canvas.line(330, y, 480, y, width=0.5)
    canvas.text(330, y + 11, "Date", size=size - 1.5, color=GREY)
    canvas.text(
        306, min(y + 50, 770), "Merci ! / Thank you!", size=size + 1, bold=True, align="center"
    )

    fields = truth_fields(
        number=number_text,
        issue=dates.issue,
        due=dates.due if due_printed else None,
        vendor=vendor,
        total=total,
        subtotal=subtotal,
        tax=tax_total if taxes_summed else None,
        currency="CAD",
        lines=lines,
    )
    return Rendered(
        fields,
        "fr" if quebec else "en",
        "invoice",
        canvas.pdf(title=number_text),
        style,
        dates_style,
        quantities,
        ("$",),
    )


def _firm(rng: random.Random, kind: str, french: bool) -> str:
    a, b = rng.sample(SURNAMES_QC if french else SURNAMES_EN, 2)
    place = rng.choice(PLACES)
    if french:
        return rng.choice(
            {
                "accounting": (f"{a} {b} CPA inc.", f"{a} {b} s.e.n.c.r.l."),
                "law": (f"{a} {b} Avocats s.e.n.c.r.l.", f"{a} Avocats inc."),
                "engineering": (f"Groupe conseil {a} inc.", f"{a} {b} ingénieurs inc."),
                "it": (f"Solutions {a} inc.", f"{a} Numérique inc."),
            }[kind]
        )
    return rng.choice(
        {
            "accounting": (f"{a} {b} LLP", f"{a} & Associates CPA Professional Corp."),
            "law": (f"{a} {b} LLP", f"{a} & {b} LLP", f"{a} Law Professional Corporation"),
            "engineering": (f"{place} Engineering Ltd.", f"{a} Structural Consultants Inc."),
            "it": (f"{place} Digital Inc.", f"{a} Technology Consulting Ltd."),
        }[kind]
    )


def _professional(rng: random.Random) -> Rendered:
    """An accounting, law, engineering or IT firm's invoice for hours billed."""
    kind = rng.choice(list(FIRMS))
    usd = rng.random() < 1 / 6
    if usd:
        province = PROVINCES[rng.choice(("ON", "ON", "BC", "QC", "AB"))]
        french = False
    else:
        province = PROVINCES[rng.choice(("ON", "ON", "QC", "QC", "BC", "AB", "NB"))]
        french = province.code == "QC" and rng.random() < 0.75
    style = _money_style(french, rng.choice((" ", "\u00a0")))
    quantities = FixedQuantity("," if french else ".", 2)
    if french:
        dates_style = rng.choice(
            (DateStyle("{d} {month} {yyyy}", "fr"), DateStyle("{yyyy}-{mm}-{dd}", "fr"))
        )
    else:
        dates_style = rng.choice((DateStyle("{month} {d}, {yyyy}"), DateStyle("{yyyy}-{mm}-{dd}")))
    dates = pick_dates(rng, dates_style, due_days=(30,))
    canvas = Canvas(*LETTER, family=rng.choice(("tiro", "helv", "tiro")))
    size = rng.choice((8, 8.5))
    accent = rng.choice(((0.1, 0.2, 0.4), (0.35, 0.1, 0.15), (0.2, 0.2, 0.2)))
    vendor = _firm(rng, kind, french)
    year = dates.issue.year
    shape = rng.randrange(3)
    number_text = [
        f"{year}-{rng.randint(1, 2400):04d}",
        f"INV-{rng.randint(10000, 48000)}",
        str(rng.randint(20000, 89999)),
    ][shape]
    matter = [
        f"{year - rng.choice((0, 1))}-{rng.randint(1, 999):04d}",
        f"M{rng.randint(1000, 9999)}",
        f"{rng.randint(10000, 19999)}.{rng.randint(1, 9):03d}",
    ][shape]
    client_no = f"{rng.choice('ABCDEFGHKLMPRST')}{rng.randint(100, 9999):04d}"
    gst_no, prov_no = _registrations(rng, province)

    # The billing period: the month before the issue date.
    period_end = dates.issue.replace(day=1) - dt.timedelta(days=1)
    period_start = period_end.replace(day=1)
    people = [_person(rng, french) for _ in range(rng.randint(1, 3))]
    rates = sorted((price(rng, 95, 460) for _ in people), reverse=True)
    rates = [Decimal(int(r / 5) * 5) for r in rates]
    pool = (FEES_FR if french else FEES_EN)[kind]
    descriptions = rng.sample(pool, min(rng.randint(2, 7), len(pool)))
    served = sorted(
        period_start + dt.timedelta(days=rng.randint(0, (period_end - period_start).days))
        for _ in descriptions
    )
    fees = []
    fee_rows = []
    for text, day in zip(descriptions, served, strict=True):
        who = rng.randrange(len(people))
        line = Line(text, _hours(rng, kind == "law"), rates[who], "h")
        fees.append(line)
        initials = "".join(part[0] for part in people[who].replace("-", " ").split())
        fee_rows.append(
            [
                day.isoformat(),
                initials,
                text,
                quantities.number(line.quantity),
                style.number(line.unit_price),
                style.number(line.amount),
            ]
        )
    disbursements: list[Line] = []
    disb_taxable: list[bool] = []
    if rng.random() < 0.55:
        table = DISBURSEMENTS_FR if french else DISBURSEMENTS_EN
        for text, (low, high), unit_prices, taxable in rng.sample(table, rng.randint(1, 3)):
            qty = Decimal(rng.randint(low, high))
            disbursements.append(Line(text, qty, Decimal(rng.choice(unit_prices))))
            disb_taxable.append(taxable)
    lines = fees + disbursements
    federal = [True] * len(fees) + disb_taxable
    provincial_on = province.provincial == "QST" or (province.provincial == "PST" and kind == "law")
    provincial = [flag and provincial_on for flag in federal]
    fee_total = sum((line.amount for line in fees), Decimal(0))
    disb_total = sum((line.amount for line in disbursements), Decimal(0))
    subtotal = fee_total + disb_total
    if usd:
        federal_kind = "HST" if province.provincial == "HST" else "GST"
        taxes = [Tax(federal_kind, Decimal(0), subtotal, Decimal(0), gst_no)]
    else:
        taxes = _taxes(province, lines, federal, provincial, (gst_no, prov_no))
        taxes = [tax for tax in taxes if tax.kind in ("GST", "HST", "QST") or tax.base]
    tax_total = sum((tax.amount for tax in taxes), Decimal(0))
    total = subtotal + tax_total

    previous = Decimal(0)
    received = Decimal(0)
    retainer = Decimal(0)
    summary = rng.random() < 0.6
    if summary:
        if rng.random() < 0.5:
            previous = money(Decimal(rng.uniform(400, 6000)))
            received = previous if rng.random() < 0.6 else money(previous / 2)
        if rng.random() < 0.3:
            retainer = min(Decimal(rng.choice((500, 1000, 1500, 2000))), total)
    balance = previous - received - retainer + total

    def cash(value: Decimal) -> str:
        return f"US{style.amount(value)}" if usd else style.amount(value)

    # Header: the firm left, its address right-aligned, a rule.
    name_size = 15.0
    while canvas.width_of(vendor, size=name_size, bold=True) > 330:
        name_size -= 1
    canvas.text(40, 58, vendor, size=name_size, bold=True, color=accent)
    canvas.text(40, 72, FIRMS[kind][2 if french else 1], size=size, color=GREY)
    contact = [
        *_address(rng, province, french),
        f"{'Tél.' if french else 'Tel.'} {_phone(rng, province)}",
        f"www.{_domain(vendor)}.ca",
    ]
    for offset, row in enumerate(contact):
        canvas.text(572, 48 + offset * 10, row, size=size - 1, align="right")
    canvas.line(40, 94, 572, 94, width=1.0, color=accent)

    title = "FACTURE" if french else rng.choice(("INVOICE", "Invoice"))
    canvas.text(40, 118, title, size=14, bold=True)
    client, company = _customer(rng, french)
    client_rows = [client]
    if company:
        client_rows.append(
            f"{'À l’attention de' if french else 'Attention:'} {_person(rng, french)}"
        )
    if usd:
        street = names.address(rng, "us")[0]
        client_rows += [street, rng.choice(US_CITIES), "USA"]
    else:
        client_rows += _address(rng, province, french)
    for offset, row in enumerate(client_rows):
        canvas.text(40, 136 + offset * (size + 3), row, size=size, bold=offset == 0)
    if french:
        facts = [
            ("Facture n°", number_text),
            ("Date", dates_style.format(dates.issue)),
            ("N° de client", client_no),
            ("N° de dossier", matter),
        ]
    else:
        facts = [
            ("Invoice No.", number_text),
            ("Invoice Date", dates_style.format(dates.issue)),
            ("Client No.", client_no),
            ("Project No." if kind in ("engineering", "it") else "Matter No.", matter),
        ]
    due_printed = rng.random() < 0.5
    if due_printed:
        facts.append(("Échéance" if french else "Due Date", dates_style.format(dates.due)))
    for offset, (label, value) in enumerate(facts):
        canvas.text(360, 118 + offset * (size + 4), label, size=size, bold=True)
        canvas.text(450, 118 + offset * (size + 4), value, size=size)
    y = max(136 + len(client_rows) * (size + 3), 118 + len(facts) * (size + 4)) + 14

    fiscal = dt.date(year - 1, 12, 31)
    subject = {
        "accounting": (
            f"Mission de fin d'exercice - exercice terminé le {dates_style.format(fiscal)}"
            if french
            else f"Year-end engagement - fiscal year ended {dates_style.format(fiscal)}"
        ),
        "law": (f"Dossier {matter} - {client}" if french else f"Matter {matter} - {client}"),
        "engineering": (
            f"Projet {matter} - agrandissement de l'entrepôt"
            if french
            else f"Project {matter} - warehouse expansion"
        ),
        "it": "Contrat de services gérés" if french else "Managed services agreement",
    }[kind]
    canvas.text(40, y, f"Objet : {subject}" if french else f"Re: {subject}", size=size, bold=True)
    period = (
        f"Pour services professionnels rendus du {dates_style.format(period_start)} "
        f"au {dates_style.format(period_end)} :"
        if french
        else f"For professional services rendered from {dates_style.format(period_start)} "
        f"to {dates_style.format(period_end)}:"
    )
    canvas.text(40, y + 14, period, size=size)
    columns = [
        Column("Date", 40),
        Column("Prof." if french else "By", 98),
        Column("Description", 130),
        Column("Heures" if french else "Hours", 430, "right"),
        Column("Taux" if french else "Rate", 495, "right"),
        Column("Montant" if french else "Amount", 570, "right"),
    ]
    y = draw_table(canvas, y + 26, columns, fee_rows, left=40, right=572, size=size, rules="header")
    if disbursements:
        y += 14
        canvas.text(40, y, "Débours" if french else "Disbursements", size=size + 0.5, bold=True)
        disb_columns = [
            Column("Description", 40),
            Column("Qté" if french else "Qty", 430, "right"),
            Column("Prix unitaire" if french else "Unit cost", 495, "right"),
            Column("Montant" if french else "Amount", 570, "right"),
        ]
        disb_rows = [
            [
                line.description,
                quantities.number(line.quantity),
                style.number(line.unit_price),
                style.number(line.amount),
            ]
            for line in disbursements
        ]
        y = draw_table(
            canvas, y + 4, disb_columns, disb_rows, left=40, right=572, size=size, rules="header"
        )

    y += 12
    words = (
        {
            "fees": "Total des honoraires",
            "disb": "Total des débours",
            "subtotal": "Sous-total",
            "on": "sur",
            "taxes": "Total des taxes",
            "total": "Total de la facture",
            "previous": "Solde antérieur",
            "received": "Paiements reçus - merci",
            "retainer": "Provision appliquée",
            "balance": "Solde dû",
            "no": "N° d'inscription",
        }
        if french
        else {
            "fees": "Total fees",
            "disb": "Total disbursements",
            "subtotal": "Subtotal",
            "on": "on",
            "taxes": "Total taxes",
            "total": "Total this invoice",
            "previous": "Previous balance",
            "received": "Payments received - thank you",
            "retainer": "Retainer applied",
            "balance": "Balance due",
            "no": "Registration No.",
        }
    )
    rows: list[tuple[str, str, str]] = [(words["fees"], style.number(fee_total), "")]
    if disbursements:
        rows.append((words["disb"], style.number(disb_total), ""))
        rows.append((words["subtotal"], style.number(subtotal), ""))
    for tax in taxes:
        if usd:
            label = f"GST/HST {_rate(tax.rate, False)} - zero-rated (services to a non-resident)"
        else:
            label = f"{tax.name(french)} {_rate(tax.rate, french)}"
            if tax.base != subtotal or rng.random() < 0.4:
                label += f" {words['on']} {style.number(tax.base)}"
        rows.append((label, style.number(tax.amount), f"{words['no']} {tax.number}"))
    taxes_summed = len(taxes) == 1 or rng.random() < 0.4
    if len(taxes) > 1 and taxes_summed:
        rows.append((words["taxes"], style.number(tax_total), ""))
    rows.append((words["total"], cash(total), ""))
    if summary:
        if previous:
            rows.append((words["previous"], style.number(previous), ""))
            rows.append((words["received"], f"({style.number(received)})", ""))
        if retainer:
            rows.append((words["retainer"], f"({style.number(retainer)})", ""))
        rows.append((words["balance"], cash(balance), ""))
    label_x = 300 if usd else 330
    for label, value, note in rows:
        strong = label in (words["total"], words["balance"])
        if label == words["total"]:
            canvas.line(label_x, y - 10, 572, y - 10, width=0.6)
        canvas.text(label_x, y, label, size=size, bold=strong)
        canvas.text(570, y, value, size=size, bold=strong, align="right")
        y += 13
        if note:
            canvas.text(label_x + 8, y - 3, note, size=size - 2, color=GREY)
            y += 9

    y += 14
    if french:
        notes = [
            "Payable dans les 30 jours suivant la date de facturation.",
            "Des intérêts de 1,5 % par mois (19,56 % par année) sont exigés sur les comptes "
            "en souffrance.",
            f"Paiement par virement : transit {names.digits(rng, 5)}, institution "
            f"{rng.choice(('815', '006', '003'))}, compte {names.digits(rng, 7)}",
        ]
    else:
        notes = [
            rng.choice(("Payment due within 30 days of invoice date.", "Terms: Net 30 days")),
            "Interest at 1.5% per month (19.56% per annum) is charged on overdue accounts.",
            f"EFT: Transit {names.digits(rng, 5)}  Institution "
            f"{rng.choice(('001', '002', '003', '004'))}  Account {names.digits(rng, 7)}",
        ]
    if usd:
        notes.insert(0, "All amounts in US dollars.")
        if rng.random() < 0.5:
            fx = Decimal(rng.randint(12900, 14200)) / 10000
            notes.insert(
                1,
                f"CAD equivalent at the Bank of Canada rate of {fx}: "
                f"CAD {style.number(money(total * fx))}",
            )
    for offset, row in enumerate(notes):
        canvas.text(40, y + offset * 11, row, size=size - 1)
    y += len(notes) * 11 + 16

    stub = max(y, 660)
    if stub + 80 < 780:
        _dashed(canvas, stub)
        canvas.text(
            40, stub + 20, "Talon de remise" if french else "REMITTANCE", size=11, bold=True
        )
        canvas.text(
            40,
            stub + 33,
            "Veuillez joindre ce talon à votre paiement."
            if french
            else "Please return this portion with your payment.",
            size=size - 1,
            color=GREY,
        )
        canvas.text(40, stub + 46, vendor, size=size - 1)
        slip = [
            ("Facture n°" if french else "Invoice No.", number_text),
            ("N° de client" if french else "Client No.", client_no),
            (words["balance"], cash(balance)),
            ("Montant versé" if french else "Amount enclosed", "________________"),
        ]
        for offset, (label, value) in enumerate(slip):
            canvas.text(340, stub + 20 + offset * 13, label, size=size, bold=True)
            canvas.text(570, stub + 20 + offset * 13, value, size=size, align="right")

    fields = truth_fields(
        number=number_text,
        issue=dates.issue,
        due=dates.due if due_printed else None,
        vendor=vendor,
        total=total,
        subtotal=subtotal,
        tax=tax_total if taxes_summed else None,
        currency="USD" if usd else "CAD",
        lines=lines,
    )
    return Rendered(
        fields,
        "fr" if french else "en",
        "invoice",
        canvas.pdf(title=number_text),
        style,
        dates_style,
        quantities,
        ("US$", "USD") if usd else ("$",),
    )


def build(rng: random.Random) -> Rendered:
    layout: Layout = choose(rng, [(3.5, "quickbooks"), (3, "contractor"), (3.5, "professional")])
    rendered = {
        "quickbooks": _quickbooks,
        "contractor": _contractor,
        "professional": _professional,
    }[layout](rng)
    weights: dict[Layout, list[tuple[float, Literal["png", "jpg"] | None]]] = {
        "quickbooks": [(5, None), (1, "jpg")],
        "contractor": [(4, None), (4, "jpg"), (2, "png")],
        "professional": [(4, None), (1, "jpg")],
    }
    rendered.image = choose(rng, weights[layout])
    return rendered
