"""`hotel-folio`: what a traveller is handed at checkout. Hotel guest folios and hotel invoices,
and car-rental invoices, in English, German, French, Italian and Spanish, in EUR, CHF, GBP and USD,
from hotels and rental counters in Germany, Austria, Switzerland, France, Italy, Spain, the UK,
Ireland and the US.

Truth rules. `invoice_number` is the invoice number: the `Rechnungs-Nr.` / `Facture N°` /
`Fattura N.` / `Factura Nº` / `Invoice No.` where the page prints one, else (an English `GUEST
FOLIO` or a US folio) the folio number. The confirmation or reservation number, the room number,
the cashier, a membership number, a rental agreement number and the SdI identifier are never it;
on a chain folio that prints both a folio number and an invoice number, the invoice number wins.
`invoice_date` is the date the invoice was printed (`Datum`, `Invoice Date`, `Date de facture`),
often the departure or return date, on a duplicate printed later some days after it; arrival,
departure, posting, pick-up and return dates are decoys. `total_amount` is the gross sum of the
charges (room, breakfast, extras, the tourist tax, VAT included), which is what was paid: never
the `Balance` / `Saldo` / `Solde` of 0.00, the remainder after a deposit, a deposit, a card
pre-authorisation, the estimate made at pick-up, the `Gross` of a VAT summary that leaves the
tourist tax out, or a foreign-currency restatement. `subtotal_amount` and `tax_amount` are in the
truth only where the page prints them as single figures for the whole invoice: the VAT summary's
sum row (its net sum is the subtotal only when the tourist tax, outside VAT, is a row of the
summary), a single VAT row, a net-priced invoice's `Total HT` / `Nettobetrag` / `Subtotal` and
`Total TVA`; per-rate VAT without a sum, and a US hotel's tax postings, leave them out.
`line_items` are the charge rows as printed: one per posting on a folio (quantity 1, each night's
room, breakfast and tourist tax a row of its own, a US folio's tax postings too); nights x rate,
guests x nights x tourist tax, days x daily rate and litres x price per litre on the aggregated
invoices. Payments and deposits are credits, not line items. `vendor_name` is the hotel or rental
brand as its letterhead prints it; the operating company in the small print is a decoy.

Five layouts, as different issuers print them.

- `pms-folio` (a chain or city hotel's property-management print, A4, helv, courier or times):
  hotel name over an address line, the guest (and the company billed) on the left, an info block
  on the right (`Zimmer / Anreise / Abreise / Seite / Folio-Nr. / Reservierungsnr. / Kassierer /
  Rechnungs-Nr. / Datum`, a room rate and a bonus number on some), `RECHNUNG` / `INVOICE` /
  `GUEST FOLIO` / `FACTURE` / `FATTURA` / `FACTURA` (with `KOPIE` / `COPY` on a later reprint), a
  `Datum | Beschreibung | Referenz | Belastung | Zahlung` table of dated postings, one per night and
  kind, the card payment and any deposit as credits, `Summe` with both sums, `Saldo 0,00 EUR`, a VAT
  summary (`7,00 % | Netto | MwSt. | Brutto`, the tourist tax as a `nicht steuerbar` row or left
  out, with or without a sum row) or one sentence of included VAT, a foreign-currency restatement
  on some, and the operator's register and bank details. Printed in the hotel's language or in
  English for a foreign guest; amounts with or without thousands grouping.
- `hotel-letter` (a family-run hotel's invoice, a business letter): letterhead, return line and
  address window (the company, `z. Hd.` / `Spett.le` / `À l'attention de`), an info block, a
  subject line, a salutation, a `Pos. | Zeitraum | Leistung | Anzahl | Einzelpreis | MwSt. |
  Gesamt` table of aggregated charges (`Übernachtung Doppelzimmer 3 x 129,00`, `Kurtaxe 6 x
  2,80`), either gross with the included VAT per rate (`enthaltene MwSt. 7 % aus netto 362,62`) or
  net with `Total HT / TVA 10 % / Total TTC`, then a deposit taken off and the card payment or a
  due date for the company (`Zahlbar bis`, `Date d'échéance`), and country small print (share
  capital, the French 40 € recovery indemnity, the Italian SdI note).
- `us-folio` (a US hotel, Letter): `GUEST FOLIO`, Room / Rate / Arrival / Departure / Folio No. /
  Confirmation No. / Rewards No., postings per night of the room, a destination fee and two or
  three occupancy-tax postings, restaurant and valet charges with check numbers, payments, a
  running balance column on some, `Total Charges / Total Credits / Balance Due $0.00`, points
  earned.
- `rental-invoice` (a European rental counter's invoice, A4): brand bar, `Rechnungsnummer`
  beside `Mietvertrag-Nr.` / `Contrat de location n°` and a reservation number, pick-up and
  return (branch, date and time, odometer, fuel eighths), vehicle and plate, kilometres driven, a
  `Beschreibung | Menge | Einheit | Preis | Betrag` table (days x rate, cover, extras, an airport
  or station surcharge, `Tankservice 23,4 l x 2,39`), net with VAT or gross with the included VAT,
  the deposit pre-authorisation released, the estimate at pick-up, the card payment and `Offener
  Betrag 0,00`.
- `rental-receipt-us` (a US airport rental return receipt, Letter, courier): `RENTAL RECORD /
  RECEIPT`, `RA #` beside `INVOICE #`, renter, vehicle, mileage out/in, fuel, `TIME & MILEAGE 4
  DAYS @ 54.99`, LDW, customer facility charge, concession recovery fee, fuel by the gallon,
  `SUBTOTAL`, one sales tax or a state and a local tax, `TOTAL CHARGES`, the card payment,
  `AMOUNT DUE 0.00`, the estimated charges at pick-up.

Every document is one page; about one in six is a scanned image (one in three US rental
receipts).
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from bench.synth import names
from bench.synth.canvas import A4, LETTER, Canvas
from bench.synth.common import choose
from bench.synth.document import Line, Rendered, inclusive_tax, truth_fields
from bench.synth.formats import DateStyle, FixedQuantity, MoneyStyle, QuantityStyle, money

Layout = Literal["pms-folio", "hotel-letter", "us-folio", "rental-invoice", "rental-receipt-us"]
Scan = Literal["png", "jpg"] | None
Color = tuple[float, float, float]

GREY: Color = (0.38, 0.38, 0.38)
LIGHT: Color = (0.91, 0.91, 0.91)
ACCENTS: tuple[Color, ...] = (
    (0.1, 0.22, 0.42),
    (0.45, 0.12, 0.16),
    (0.08, 0.36, 0.3),
    (0.5, 0.38, 0.12),
    (0.18, 0.18, 0.18),
)
ONE = Decimal(1)
ZERO = Decimal(0)

# ----------------------------------------------------------------------------- places


@dataclass(frozen=True)
class Place:
    """Where the hotel or counter is: language, currency, VAT rates and the tourist tax."""

    code: str
    lang: str
    currency: str
    lodging: Decimal
    food: Decimal
    drinks: Decimal
    standard: Decimal
    tourist_tax: tuple[str, ...]
    tourist_rates: tuple[str, ...]
    towns: tuple[tuple[str, str], ...]
    streets: tuple[str, ...]
    factor: float


def _d(text: str) -> Decimal:
    return Decimal(text)


PLACES: dict[str, Place] = {
    "DE": Place(
        "DE",
        "de",
        "EUR",
        _d("7"),
        _d("19"),
        _d("19"),
        _d("19"),
        ("City Tax", "Beherbergungsteuer", "Kurtaxe", "Kulturförderabgabe", "Übernachtungsteuer"),
        ("1.80", "2.50", "2.80", "3.00", "3.50", "5.00"),
        (
            ("10117", "Berlin"),
            ("20095", "Hamburg"),
            ("80331", "München"),
            ("50667", "Köln"),
            ("60311", "Frankfurt am Main"),
            ("04109", "Leipzig"),
            ("01067", "Dresden"),
            ("79098", "Freiburg im Breisgau"),
            ("87561", "Oberstdorf"),
            ("18055", "Rostock"),
        ),
        ("Bahnhofstraße", "Kaiserstraße", "Am Kurpark", "Seestraße", "Marktplatz", "Schlossallee"),
        1.0,
    ),
    "AT": Place(
        "AT",
        "de",
        "EUR",
        _d("10"),
        _d("10"),
        _d("20"),
        _d("20"),
        ("Ortstaxe", "Nächtigungsabgabe", "Kurtaxe", "Tourismusabgabe"),
        ("2.20", "2.50", "2.95", "3.20", "3.50"),
        (
            ("1010", "Wien"),
            ("5020", "Salzburg"),
            ("6020", "Innsbruck"),
            ("8010", "Graz"),
            ("6370", "Kitzbühel"),
            ("9020", "Klagenfurt"),
        ),
        ("Kärntner Straße", "Getreidegasse", "Maria-Theresien-Straße", "Seepromenade", "Dorfplatz"),
        1.0,
    ),
    "CH-de": Place(
        "CH-de",
        "de",
        "CHF",
        _d("3.8"),
        _d("3.8"),
        _d("8.1"),
        _d("8.1"),
        ("Kurtaxe", "City Tax", "Beherbergungsabgabe"),
        ("2.50", "3.00", "3.50", "4.20", "5.00"),
        (
            ("8001", "Zürich"),
            ("3011", "Bern"),
            ("4051", "Basel"),
            ("6003", "Luzern"),
            ("3920", "Zermatt"),
            ("7500", "St. Moritz"),
        ),
        ("Bahnhofstrasse", "Seestrasse", "Kirchgasse", "Hauptgasse", "Dorfstrasse"),
        1.15,
    ),
    "CH-fr": Place(
        "CH-fr",
        "fr",
        "CHF",
        _d("3.8"),
        _d("3.8"),
        _d("8.1"),
        _d("8.1"),
        ("Taxe de séjour",),
        ("2.50", "3.00", "3.75", "4.20"),
        (
            ("1201", "Genève"),
            ("1003", "Lausanne"),
            ("1820", "Montreux"),
            ("2000", "Neuchâtel"),
            ("1950", "Sion"),
        ),
        ("rue du Rhône", "quai du Mont-Blanc", "avenue de la Gare", "Grand-Rue", "rue du Lac"),
        1.15,
    ),
    "FR": Place(
        "FR",
        "fr",
        "EUR",
        _d("10"),
        _d("10"),
        _d("20"),
        _d("20"),
        ("Taxe de séjour",),
        ("0.99", "1.65", "2.53", "2.88", "3.25", "4.40"),
        (
            ("75008", "Paris"),
            ("69002", "Lyon"),
            ("13001", "Marseille"),
            ("06000", "Nice"),
            ("33000", "Bordeaux"),
            ("67000", "Strasbourg"),
            ("35400", "Saint-Malo"),
            ("74400", "Chamonix-Mont-Blanc"),
        ),
        ("rue de la Paix", "boulevard Haussmann", "quai Saint-Antoine", "place Bellecour"),
        1.0,
    ),
    "IT": Place(
        "IT",
        "it",
        "EUR",
        _d("10"),
        _d("10"),
        _d("10"),
        _d("22"),
        ("Imposta di soggiorno", "Tassa di soggiorno"),
        ("2.00", "3.00", "3.50", "4.00", "5.00", "6.00"),
        (
            ("00187", "Roma (RM)"),
            ("20121", "Milano (MI)"),
            ("50123", "Firenze (FI)"),
            ("30124", "Venezia (VE)"),
            ("80132", "Napoli (NA)"),
            ("39100", "Bolzano (BZ)"),
            ("47921", "Rimini (RN)"),
        ),
        ("Via Roma", "Via Nazionale", "Corso Italia", "Piazza del Duomo", "Lungomare Tintori"),
        1.0,
    ),
    "ES": Place(
        "ES",
        "es",
        "EUR",
        _d("10"),
        _d("10"),
        _d("10"),
        _d("21"),
        ("Tasa turística", "Impuesto estancias turísticas"),
        ("1.10", "2.20", "2.48", "3.30", "4.00"),
        (
            ("28013", "Madrid"),
            ("08002", "Barcelona"),
            ("41004", "Sevilla"),
            ("46002", "Valencia"),
            ("29015", "Málaga"),
            ("07001", "Palma"),
            ("18009", "Granada"),
        ),
        ("Calle Mayor", "Gran Vía", "Paseo Marítimo", "Plaza Nueva", "Calle Larios"),
        0.95,
    ),
    "GB": Place(
        "GB",
        "en",
        "GBP",
        _d("20"),
        _d("20"),
        _d("20"),
        _d("20"),
        (),
        (),
        (
            ("EC1V 9HX", "London"),
            ("EH1 1YZ", "Edinburgh"),
            ("M1 4BT", "Manchester"),
            ("BA1 1LZ", "Bath"),
            ("YO1 7HH", "York"),
            ("B2 4QA", "Birmingham"),
        ),
        ("High Street", "Queen Street", "Princes Street", "Station Road", "The Quay"),
        0.9,
    ),
    "IE": Place(
        "IE",
        "en",
        "EUR",
        _d("13.5"),
        _d("13.5"),
        _d("23"),
        _d("23"),
        (),
        (),
        (
            ("D02 X285", "Dublin 2"),
            ("T12 R2NC", "Cork"),
            ("H91 E2W3", "Galway"),
            ("V93 K2Y6", "Killarney"),
        ),
        ("Dawson Street", "Grand Parade", "Eyre Square", "Main Street", "Quay Street"),
        1.05,
    ),
}
MARKS = {"EUR": ("€", "EUR"), "CHF": ("CHF", "Fr."), "GBP": ("£", "GBP"), "USD": ("$", "USD")}

US_CITIES = (
    (
        "Austin",
        "TX",
        "787",
        (("State Hotel Tax", "6"), ("City Hotel Tax", "9"), ("Venue Tax", "2")),
    ),
    ("Denver", "CO", "802", (("Lodgers Tax", "10.75"), ("Tourism Improvement Fee", "1"))),
    (
        "Chicago",
        "IL",
        "606",
        (("State Hotel Tax", "6"), ("City Hotel Tax", "4.5"), ("Room Tax", "7")),
    ),
    (
        "Nashville",
        "TN",
        "372",
        (("State Sales Tax", "7"), ("Occupancy Tax", "6"), ("Local Tax", "2.25")),
    ),
    ("Seattle", "WA", "981", (("Sales Tax", "10.35"), ("Convention Center Tax", "7"))),
    ("Orlando", "FL", "328", (("State Sales Tax", "6.5"), ("Tourist Development Tax", "6"))),
    ("Boston", "MA", "021", (("State Room Occupancy", "5.7"), ("Local Occupancy Tax", "6.5"))),
    ("San Diego", "CA", "921", (("Transient Occupancy Tax", "10.5"), ("Tourism Assessment", "2"))),
)
US_STREETS = ("Congress Ave", "17th Street", "N Michigan Ave", "Broadway", "Harbor Dr", "Pike St")

# ----------------------------------------------------------------------------- small helpers


def _money_style(rng: random.Random, place: Place, *, grouping: bool = True) -> MoneyStyle:
    """The document's amounts. A PMS print may leave out the thousands grouping."""
    if place.currency == "CHF":
        return MoneyStyle("'" if grouping else "", ".", "CHF")
    if place.currency == "GBP":
        return MoneyStyle("," if grouping else "", ".", "£", symbol_space=False)
    if place.code == "IE":
        return MoneyStyle("," if grouping else "", ".", "€", symbol_space=False)
    if place.lang == "fr":
        return MoneyStyle(" " if grouping else "", ",", rng.choice(("€", "€", "EUR")), True)
    return MoneyStyle("." if grouping else "", ",", rng.choice(("€", "€", "EUR")), True)


def _date_style(rng: random.Random, lang: str, *, short: bool = False) -> DateStyle:
    choices = {
        "de": ("{dd}.{mm}.{yyyy}", "{dd}.{mm}.{yy}"),
        "fr": ("{dd}/{mm}/{yyyy}", "{dd}/{mm}/{yy}"),
        "it": ("{dd}/{mm}/{yyyy}", "{dd}-{mm}-{yyyy}", "{dd}/{mm}/{yy}"),
        "es": ("{dd}/{mm}/{yyyy}", "{dd}-{mm}-{yyyy}", "{dd}/{mm}/{yy}"),
        "en": ("{dd}/{mm}/{yyyy}", "{dd}-{mon}-{yy}", "{dd} {mon} {yyyy}", "{dd}.{mm}.{yy}"),
    }[lang]
    if not short:
        choices = tuple(pattern for pattern in choices if "{yy}" not in pattern) or choices
    return DateStyle(rng.choice(choices), lang)


LONG_DATES = {
    "de": "{d}. {month} {yyyy}",
    "fr": "{d} {month} {yyyy}",
    "it": "{d} {month} {yyyy}",
    "es": "{d} de {month} de {yyyy}",
    "en": "{d} {month} {yyyy}",
}


def _rate_text(rate: Decimal, decimal: str, places: int | None = None) -> str:
    text = f"{rate:.{places}f}" if places is not None else format(rate.normalize(), "f")
    return text.replace(".", decimal)


def _fit(canvas: Canvas, text: str, width: float, size: float, *, bold: bool = False) -> float:
    """The largest size up to `size` at which `text` fits in `width`."""
    while size > 5.5 and canvas.width_of(text, size=size, bold=bold) > width:
        size -= 0.25
    return size


def _digits(rng: random.Random, count: int) -> str:
    first = str(rng.randint(1, 9))
    return first + names.digits(rng, count - 1)


def _pattern(rng: random.Random, pattern: str, year: int) -> str:
    text = pattern.replace("{yyyy}", str(year)).replace("{yy}", f"{year % 100:02d}")
    return "".join(str(rng.randint(0, 9)) if ch == "#" else ch for ch in text)


def _card(rng: random.Random) -> tuple[str, str]:
    """A card brand and its masked number."""
    brand = rng.choice(("VISA", "MASTERCARD", "AMEX", "VISA"))
    last = names.digits(rng, 4)
    mask = rng.choice((f"XXXXXXXXXXXX{last}", f"**** **** **** {last}", f"xxxx{last}"))
    return brand, mask


def _time(rng: random.Random, low: int = 7, high: int = 20) -> str:
    return f"{rng.randint(low, high):02d}:{rng.choice((0, 5, 10, 15, 20, 30, 40, 45, 50)):02d}"


def _price(
    rng: random.Random, low: float, high: float, factor: float = 1.0, *, cents: bool = True
) -> Decimal:
    """A hotel or counter price: whole, .50, .90 or .95 mostly, sometimes any cents (a bar
    bill, a minibar, a price converted from a rate card) unless `cents` is off."""
    value = rng.uniform(low * factor, high * factor)
    ending = rng.random() * (0.8 if not cents else 1)
    if ending < 0.4:
        return Decimal(int(value))
    if ending < 0.55:
        return Decimal(int(value)) + Decimal("0.50")
    if ending < 0.7:
        return Decimal(int(value)) + Decimal("0.90")
    if ending < 0.8:
        return Decimal(int(value)) + Decimal("0.95")
    return money(Decimal(str(value)))


# ----------------------------------------------------------------------------- people and firms

FIRST = {
    "en": (("Oliver", "James", "Thomas", "Daniel"), ("Sophie", "Emily", "Grace", "Hannah")),
    "us": (("Michael", "David", "Brian", "Kevin"), ("Jennifer", "Ashley", "Megan", "Laura")),
    "de": (("Lukas", "Jonas", "Stefan", "Tobias"), ("Anna", "Julia", "Katrin", "Sarah")),
    "fr": (("Louis", "Hugo", "Nicolas", "Julien"), ("Camille", "Chloé", "Manon", "Claire")),
    "it": (("Marco", "Luca", "Matteo", "Davide"), ("Giulia", "Francesca", "Chiara", "Elena")),
    "es": (("Pablo", "Javier", "Álvaro", "Diego"), ("Lucía", "Martina", "Carmen", "Sofía")),
}
IT_SURNAMES = ("Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci")
TITLES = {
    "en": (("Mr",), ("Ms", "Mrs")),
    "us": (("Mr.",), ("Ms.", "Mrs.")),
    "de": (("Herr",), ("Frau",)),
    "fr": (("M.", "Monsieur"), ("Mme", "Madame")),
    "it": (("Sig.", "Dott."), ("Sig.ra", "Dott.ssa")),
    "es": (("Sr.", "D."), ("Sra.", "Dña.")),
}


def _person(rng: random.Random, lang: str) -> tuple[str, str, str]:
    """Title, first name and surname of someone from a country speaking `lang`."""
    female = rng.random() < 0.45
    first = rng.choice(FIRST[lang][female])
    surname = rng.choice(IT_SURNAMES) if lang == "it" else names.surname(rng, lang)
    return rng.choice(TITLES[lang][female]), first, surname


def _company(rng: random.Random, lang: str) -> str:
    if lang == "it":
        noun = rng.choice(("Impianti", "Costruzioni", "Informatica", "Trasporti", "Consulting"))
        return f"{rng.choice(IT_SURNAMES)} {noun} {rng.choice(('S.r.l.', 'S.p.A.', 'S.r.l.'))}"
    return names.company(rng, lang)


def _home_address(rng: random.Random, lang: str) -> list[str]:
    """A customer's street and town line in their own country."""
    if lang == "it":
        town = rng.choice(("20124 Milano (MI)", "10121 Torino (TO)", "40121 Bologna (BO)"))
        return [
            f"{rng.choice(('Via Garibaldi', 'Corso Vercelli', 'Via Mazzini'))}, "
            f"{rng.randint(1, 120)}",
            town,
        ]
    return names.address(rng, {"de": "de", "fr": "fr", "es": "es", "en": "en", "us": "us"}[lang])


def _street_line(place: Place, street: str, number: int) -> str:
    if place.lang in ("de",):
        return f"{street} {number}"
    if place.lang in ("it", "es"):
        return f"{street}, {number}"
    return f"{number} {street}"


def _town_line(place: Place, postcode: str, town: str) -> str:
    if place.code == "GB" or place.code == "IE":
        return f"{town} {postcode}"
    prefix = {"AT": "A-", "CH-de": "CH-", "CH-fr": "CH-"}.get(place.code, "")
    return f"{prefix}{postcode} {town}"


CHAINS = ("Aurelia Hotel", "Corvin Hotel", "Stayfield", "Lumen Suites", "Brightway Hotel")
DISTRICTS = {
    "de": ("City", "Hauptbahnhof", "Messe", "Flughafen", "Zentrum"),
    "fr": ("Centre", "Gare", "Aéroport", "Part-Dieu", "Vieux-Port"),
    "it": ("Centro", "Stazione", "Aeroporto", "Fiera"),
    "es": ("Centro", "Aeropuerto", "Estación", "Plaza"),
    "en": ("City Centre", "Airport", "Riverside", "Station"),
}
INDEPENDENT = {
    "DE": (
        "Hotel Adler",
        "Hotel Zur Post",
        "Parkhotel Lindenhof",
        "Hotel Goldener Hirsch",
        "Landhaus Sonnenhof",
        "Hotel Kaiserhof",
        "Seehotel Schwan",
        "Hotel Garni Rosengarten",
    ),
    "AT": (
        "Alpenhotel Edelweiss",
        "Hotel Goldener Adler",
        "Gasthof Zur Post",
        "Hotel Sonnhof",
        "Hotel Schwarzer Bär",
        "Landhotel Kirchenwirt",
    ),
    "CH-de": (
        "Hotel Alpenrose",
        "Hotel Bären",
        "Seehotel Riviera",
        "Hotel Krone",
        "Berghotel Edelweiss",
    ),
    "CH-fr": ("Hôtel du Lac", "Hôtel des Alpes", "Hôtel de la Couronne", "Hôtel Bellevue"),
    "FR": (
        "Hôtel des Arts",
        "Hôtel du Parc",
        "Hôtel Beau Rivage",
        "Hôtel de la Gare",
        "Le Relais Saint-Jacques",
        "Hôtel Les Tilleuls",
        "Hôtel de la Paix",
    ),
    "IT": (
        "Hotel Bellavista",
        "Albergo Centrale",
        "Hotel Villa Serena",
        "Grand Hotel Miramare",
        "Hotel La Pergola",
        "Hotel Due Torri",
        "Albergo del Sole",
    ),
    "ES": (
        "Hotel Sol de Mar",
        "Hotel Plaza Mayor",
        "Hostal La Giralda",
        "Hotel Costa Azul",
        "Hotel Casa Alba",
        "Hotel Los Olivos",
        "Hotel Mirador",
    ),
    "GB": (
        "The Kingsley Hotel",
        "Harbour View Hotel",
        "The Ashford Arms",
        "Riverside House Hotel",
        "The Grange Hotel",
        "Albion Court Hotel",
    ),
    "IE": (
        "The Shannon Lodge Hotel",
        "Clifden Bay Hotel",
        "The Harbour Mill Hotel",
        "Abbey Court Hotel",
    ),
}


@dataclass(frozen=True)
class Issuer:
    """The hotel or counter: the brand its letterhead prints and the firm behind it."""

    name: str
    street: str
    town: str
    town_name: str
    phone: str
    email: str
    web: str
    operator: str
    legal: tuple[str, ...]


def _slug(text: str) -> str:
    clean = unicodedata.normalize("NFKD", text.lower().replace("ß", "ss"))
    return "".join(ch for ch in clean if ch.isalnum())


def _phone(rng: random.Random, place: Place) -> str:
    return {
        "DE": lambda: names.phone(rng, "DE"),
        "AT": lambda: f"+43 {rng.randint(1, 699)} {names.digits(rng, 6)}",
        "CH-de": lambda: names.phone(rng, "CH"),
        "CH-fr": lambda: names.phone(rng, "CH"),
        "FR": lambda: (
            f"+33 {rng.randint(1, 5)} " + " ".join(names.digits(rng, 2) for _ in range(4))
        ),
        "IT": lambda: f"+39 0{rng.randint(2, 89)} {names.digits(rng, 7)}",
        "ES": lambda: names.phone(rng, "ES"),
        "GB": lambda: names.phone(rng, "GB"),
        "IE": lambda: f"+353 {rng.randint(1, 99)} {names.digits(rng, 3)} {names.digits(rng, 4)}",
    }[place.code]()


BICS = {
    "DE": "COBADEFFXXX",
    "AT": "BKAUATWWXXX",
    "CH": "UBSWCHZH80A",
    "FR": "BNPAFRPPXXX",
    "IT": "BCITITMM",
    "ES": "CAIXESBBXXX",
    "GB": "NWBKGB2L",
    "IE": "AIBKIE2D",
}


def _legal(rng: random.Random, place: Place, operator: str, town: str) -> tuple[str, ...]:
    """The register, tax-id and bank lines of the small print (decoy numbers and amounts)."""
    person = " ".join(_person(rng, place.lang)[1:])
    country = place.code[:2]
    bank = f"IBAN {names.iban(rng, country)} · BIC {BICS[country]}"
    town_plain = town.split(" (")[0]
    if place.code == "DE":
        return (
            f"{operator} · Amtsgericht {town_plain} HRB {_digits(rng, 5)} · "
            f"Geschäftsführer: {person}",
            f"USt-IdNr. {names.vat_id(rng, 'DE')} · Steuernummer {names.digits(rng, 2)}/"
            f"{names.digits(rng, 3)}/{names.digits(rng, 5)}",
            bank,
        )
    if place.code == "AT":
        return (
            f"{operator} · FN {_digits(rng, 6)}a · Landesgericht {town_plain}",
            f"UID ATU{names.digits(rng, 8)} · Geschäftsführung: {person}",
            bank,
        )
    if place.code.startswith("CH"):
        return (f"{operator} · {names.vat_id(rng, 'CH')}", bank)
    if place.code == "FR":
        capital = rng.choice(("10 000", "37 000", "50 000", "150 000"))
        siren = f"{_digits(rng, 3)} {names.digits(rng, 3)} {names.digits(rng, 3)}"
        return (
            f"{operator} au capital de {capital} € · RCS {town_plain} {siren}",
            f"SIRET {siren} {names.digits(rng, 5)} · APE 5510Z · TVA intracom. "
            f"{names.vat_id(rng, 'FR')}",
            bank,
        )
    if place.code == "IT":
        return (
            f"{operator} · P.IVA {_digits(rng, 11)} · REA {town.split('(')[-1][:2]}-"
            f"{_digits(rng, 6)}",
            f"Cap. Soc. € {rng.choice(('10.000,00', '50.000,00', '100.000,00'))} i.v.",
            bank,
        )
    if place.code == "ES":
        return (
            f"{operator} · CIF B{_digits(rng, 8)}",
            f"Inscrita en el Registro Mercantil de {town_plain}, Tomo {_digits(rng, 4)}, "
            f"Folio {rng.randint(1, 220)}, Hoja {_digits(rng, 6)}",
            bank,
        )
    if place.code == "GB":
        return (
            f"{operator} · Registered in England No. 0{_digits(rng, 7)}",
            f"VAT Reg. No. {names.vat_id(rng, 'GB')}",
        )
    return (
        f"{operator} · Registered in Ireland No. {_digits(rng, 6)}",
        f"VAT No. IE{_digits(rng, 7)}{rng.choice('ABCDEFHKTW')}",
    )


def _hotel(rng: random.Random, place: Place, *, chain: bool) -> Issuer:
    postcode, town = rng.choice(place.towns)
    town_plain = town.split(" (")[0]
    if chain:
        brand = rng.choice(CHAINS)
        district = rng.choice(DISTRICTS[place.lang])
        name = f"{brand} {town_plain}" + (f" {district}" if rng.random() < 0.6 else "")
        operator = {
            "de": f"{brand.split()[0]} Hotelbetriebs GmbH",
            "fr": f"{brand.split()[0]} Hôtels SAS",
            "it": f"{brand.split()[0]} Hotels Italia S.r.l.",
            "es": f"{brand.split()[0]} Hoteles España S.L.",
            "en": f"{brand.split()[0]} Hotels (UK) Ltd",
        }[place.lang]
        domain = _slug(brand.split()[0]) + "-hotels.com"
    else:
        name = rng.choice(INDEPENDENT[place.code])
        surname = _person(rng, place.lang)[2]
        operator = {
            "DE": f"{surname} Hotel GmbH & Co. KG",
            "AT": f"{surname} Hotelbetriebs GmbH",
            "CH-de": f"Hotel {surname} AG",
            "CH-fr": f"{surname} Hôtellerie SA",
            "FR": f"SARL Hôtelière {surname}",
            "IT": f"{surname} Turismo S.r.l.",
            "ES": f"Explotaciones Hoteleras {surname} S.L.",
            "GB": f"{surname} Hospitality Ltd",
            "IE": f"{surname} Hotels Limited",
        }[place.code]
        domain = _slug(name) + {
            "DE": ".de",
            "AT": ".at",
            "FR": ".fr",
            "IT": ".it",
            "ES": ".es",
        }.get(place.code, ".ch" if place.code.startswith("CH") else ".co.uk")
    street = _street_line(place, rng.choice(place.streets), rng.randint(1, 120))
    return Issuer(
        name=name,
        street=street,
        town=_town_line(place, postcode, town),
        town_name=town_plain,
        phone=_phone(rng, place),
        email=f"{rng.choice(('info', 'reception', 'frontoffice', 'reservations'))}@{domain}",
        web=f"www.{domain}",
        operator=operator,
        legal=_legal(rng, place, operator, town),
    )


# ----------------------------------------------------------------------------- the stay

WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "room": ("Accommodation", "Room Charge", "Overnight Stay", "Room"),
        "breakfast": ("Breakfast", "Breakfast Buffet"),
        "parking": ("Car Park", "Parking", "Valet Parking"),
        "minibar": ("Minibar",),
        "restaurant": ("Restaurant", "Dinner", "Room Service"),
        "bar": ("Bar", "Lobby Bar"),
        "laundry": ("Laundry", "Dry Cleaning"),
        "spa": ("Spa Treatment", "Massage"),
        "late": ("Late Check-out",),
        "pet": ("Pet Fee", "Dog Fee"),
    },
    "de": {
        "room": ("Übernachtung", "Logis", "Zimmer", "Übernachtung Zimmer"),
        "breakfast": ("Frühstück", "Frühstücksbuffet"),
        "parking": ("Tiefgarage", "Parkplatz", "Garage"),
        "minibar": ("Minibar",),
        "restaurant": ("Restaurant", "Abendessen", "Zimmerservice"),
        "bar": ("Hotelbar", "Bar"),
        "laundry": ("Wäscherei", "Reinigung"),
        "spa": ("Wellness", "Massage"),
        "late": ("Late Check-out", "Spätabreise"),
        "pet": ("Hund", "Haustierpauschale"),
    },
    "fr": {
        "room": ("Hébergement", "Nuitée", "Chambre", "Logement"),
        "breakfast": ("Petit-déjeuner", "Petit déjeuner buffet"),
        "parking": ("Parking", "Garage"),
        "minibar": ("Minibar",),
        "restaurant": ("Restaurant", "Dîner", "Room service"),
        "bar": ("Bar",),
        "laundry": ("Blanchisserie", "Pressing"),
        "spa": ("Spa", "Massage"),
        "late": ("Départ tardif",),
        "pet": ("Supplément animal",),
    },
    "it": {
        "room": ("Pernottamento", "Alloggio", "Camera"),
        "breakfast": ("Prima colazione", "Colazione"),
        "parking": ("Parcheggio", "Garage"),
        "minibar": ("Minibar", "Frigobar"),
        "restaurant": ("Ristorante", "Cena", "Servizio in camera"),
        "bar": ("Bar",),
        "laundry": ("Lavanderia",),
        "spa": ("Centro benessere", "Massaggio"),
        "late": ("Late check-out",),
        "pet": ("Supplemento animali",),
    },
    "es": {
        "room": ("Alojamiento", "Habitación", "Estancia"),
        "breakfast": ("Desayuno", "Desayuno buffet"),
        "parking": ("Parking", "Aparcamiento", "Garaje"),
        "minibar": ("Minibar",),
        "restaurant": ("Restaurante", "Cena", "Servicio de habitaciones"),
        "bar": ("Bar", "Cafetería"),
        "laundry": ("Lavandería",),
        "spa": ("Spa", "Masaje"),
        "late": ("Salida tardía",),
        "pet": ("Suplemento mascota",),
    },
}
EXTRAS = {
    "minibar": (4.5, 28),
    "restaurant": (22, 150),
    "bar": (6, 48),
    "laundry": (8, 45),
    "spa": (45, 140),
    "late": (25, 60),
    "pet": (12, 25),
}
ROOM_TYPES = {
    "en": ("Single Room", "Double Room", "Superior Double", "Junior Suite", "Twin Room"),
    "de": ("Einzelzimmer", "Doppelzimmer", "Komfort-Doppelzimmer", "Juniorsuite"),
    "fr": ("Chambre simple", "Chambre double", "Chambre supérieure", "Suite junior"),
    "it": ("Camera singola", "Camera doppia", "Camera superior", "Junior suite"),
    "es": ("Habitación individual", "Habitación doble", "Doble superior", "Junior suite"),
}


def _vat_class(place: Place, kind: str) -> Decimal | None:
    if kind == "city":
        return None
    if kind in ("room", "late"):
        return place.lodging
    if kind in ("breakfast", "restaurant"):
        return place.food
    if kind in ("minibar", "bar"):
        return place.drinks
    return place.standard


@dataclass(frozen=True)
class Charge:
    """One charge of the stay, dated: a night's room, breakfast, the tourist tax, an extra."""

    day: dt.date
    kind: str
    description: str
    quantity: Decimal
    unit_price: Decimal
    rate: Decimal | None
    """The VAT rate; None for the tourist tax, which is outside VAT."""
    reference: str = ""

    @property
    def amount(self) -> Decimal:
        return money(self.quantity * self.unit_price)

    def line(self) -> Line:
        return Line(self.description, self.quantity, self.unit_price)


@dataclass(frozen=True)
class Stay:
    arrival: dt.date
    departure: dt.date
    issue: dt.date
    guests: int
    room: str
    room_type: str
    rates: tuple[Decimal, ...]
    breakfast: Decimal | None
    tourist: Decimal | None
    tourist_label: str
    parking: Decimal | None
    extras: tuple[tuple[dt.date, str, Decimal], ...]
    words: dict[str, str]

    @property
    def nights(self) -> int:
        return (self.departure - self.arrival).days


def _stay(rng: random.Random, place: Place, lang: str, *, max_nights: int) -> Stay:
    year = rng.choice((2024, 2025))
    arrival = dt.date(year, 1, 2) + dt.timedelta(days=rng.randint(0, 345))
    nights = min(max_nights, choose(rng, [(3, 1), (4, 2), (4, 3), (2, 4), (1.5, 5), (1, 6)]))
    departure = arrival + dt.timedelta(days=nights)
    issue = departure
    if rng.random() < 0.3:
        issue = departure + dt.timedelta(days=rng.randint(1, 12))
    guests = choose(rng, [(5, 1), (4, 2), (0.5, 3)])
    base = _price(rng, 69, 289, place.factor, cents=False)
    if base > 150:
        base = Decimal(int(base))
    rates = [base] * nights
    if nights > 1 and rng.random() < 0.3:
        # Weekend and weekday prices differ on some stays.
        other = base + Decimal(rng.choice((-30, -20, -15, 15, 20, 40)))
        rates = [
            other if (arrival + dt.timedelta(days=i)).weekday() >= 4 else base
            for i in range(nights)
        ]
    breakfast = _price(rng, 12, 32, place.factor, cents=False) if rng.random() < 0.55 else None
    tourist = None
    label = ""
    if place.tourist_tax and rng.random() < 0.85:
        tourist = Decimal(rng.choice(place.tourist_rates))
        label = rng.choice(place.tourist_tax)
    parking = _price(rng, 12, 32, place.factor, cents=False) if rng.random() < 0.3 else None
    if parking is not None:
        parking = Decimal(int(parking))
    extras = []
    for kind in rng.sample(list(EXTRAS), rng.choice((0, 1, 1, 2, 2, 3))):
        low, high = EXTRAS[kind]
        day = arrival + dt.timedelta(days=rng.randint(0, max(0, nights - 1)))
        if kind == "late":
            day = departure
        cents = kind in ("minibar", "restaurant", "bar")
        extras.append((day, kind, _price(rng, low, high, place.factor, cents=cents)))
    words = {kind: rng.choice(options) for kind, options in WORDS[lang].items()}
    words["city"] = label
    return Stay(
        arrival=arrival,
        departure=departure,
        issue=issue,
        guests=guests,
        room=str(rng.choice((rng.randint(101, 418), rng.randint(1, 42), rng.randint(201, 1260)))),
        room_type=rng.choice(ROOM_TYPES[lang]),
        rates=tuple(rates),
        breakfast=breakfast,
        tourist=tourist,
        tourist_label=label,
        parking=parking,
        extras=tuple(sorted(extras)),
        words=words,
    )


def _postings(rng: random.Random, stay: Stay, place: Place, lang: str) -> list[Charge]:
    """One charge per night and kind, as a property-management system posts them."""
    charges: list[Charge] = []
    check = "Chk" if lang == "en" else {"de": "Bon", "fr": "Ticket", "it": "Sc.", "es": "Tk."}[lang]
    for index, rate in enumerate(stay.rates):
        day = stay.arrival + dt.timedelta(days=index)
        charges.append(Charge(day, "room", stay.words["room"], ONE, rate, place.lodging, stay.room))
        if stay.breakfast is not None:
            charges.append(
                Charge(
                    day,
                    "breakfast",
                    stay.words["breakfast"],
                    ONE,
                    stay.breakfast * stay.guests,
                    place.food,
                    stay.room,
                )
            )
        if stay.tourist is not None:
            charges.append(
                Charge(day, "city", stay.tourist_label, ONE, stay.tourist * stay.guests, None)
            )
        if stay.parking is not None:
            charges.append(
                Charge(day, "parking", stay.words["parking"], ONE, stay.parking, place.standard)
            )
    for day, kind, amount in stay.extras:
        reference = f"{check} {names.digits(rng, 4)}" if kind in ("restaurant", "bar") else ""
        charges.append(
            Charge(day, kind, stay.words[kind], ONE, amount, _vat_class(place, kind), reference)
        )
    order = ("room", "breakfast", "city", "parking")
    return sorted(
        charges,
        key=lambda c: (c.day, order.index(c.kind) if c.kind in order else 9),
    )


def _aggregated(stay: Stay, place: Place, lang: str) -> list[Charge]:
    """Nights x rate, guests x nights x breakfast and tourist tax, each extra once."""
    nights = Decimal(stay.nights)
    room_word = {
        "de": ("Übernachtung", "Logis", ""),
        "en": ("Accommodation", "Overnight stay", ""),
        "fr": ("Hébergement", "Nuitée", ""),
        "it": ("Pernottamento", "Soggiorno", ""),
        "es": ("Alojamiento", "Estancia", ""),
    }[lang][stay.arrival.toordinal() % 3]
    if not room_word:
        room_word = stay.room_type
    elif lang == "de":
        room_word = f"{room_word} {stay.room_type}"
    else:
        room_word = f"{room_word} - {stay.room_type}"
    charges = [
        Charge(stay.arrival, "room", room_word, nights, stay.rates[0], place.lodging, stay.room)
    ]
    person_nights = Decimal(stay.guests * stay.nights)
    if stay.breakfast is not None:
        charges.append(
            Charge(
                stay.arrival,
                "breakfast",
                stay.words["breakfast"],
                person_nights,
                stay.breakfast,
                place.food,
            )
        )
    if stay.parking is not None:
        charges.append(
            Charge(
                stay.arrival, "parking", stay.words["parking"], nights, stay.parking, place.standard
            )
        )
    for day, kind, amount in stay.extras:
        charges.append(Charge(day, kind, stay.words[kind], ONE, amount, _vat_class(place, kind)))
    if stay.tourist is not None:
        charges.append(
            Charge(stay.arrival, "city", stay.tourist_label, person_nights, stay.tourist, None)
        )
    return charges


# ----------------------------------------------------------------------------- VAT


@dataclass(frozen=True)
class VatRow:
    rate: Decimal | None
    net: Decimal
    vat: Decimal
    gross: Decimal


def _vat_rows(charges: Sequence[Charge], *, inclusive: bool) -> list[VatRow]:
    """Per rate: gross amounts hold their VAT (rounded per rate), net amounts get it added;
    the tourist tax, outside VAT, is its own row with no VAT, last."""
    sums: dict[Decimal | None, Decimal] = {}
    for charge in charges:
        sums[charge.rate] = sums.get(charge.rate, ZERO) + charge.amount
    rows = []
    for rate in sorted(r for r in sums if r is not None):
        amount = sums[rate]
        if inclusive:
            vat = inclusive_tax(amount, rate)
            rows.append(VatRow(rate, amount - vat, vat, amount))
        else:
            vat = money(amount * rate / 100)
            rows.append(VatRow(rate, amount, vat, amount + vat))
    if None in sums:
        rows.append(VatRow(None, sums[None], ZERO, sums[None]))
    return rows


def _sums(rows: Sequence[VatRow]) -> tuple[Decimal, Decimal, Decimal]:
    net = sum((row.net for row in rows), ZERO)
    vat = sum((row.vat for row in rows), ZERO)
    gross = sum((row.gross for row in rows), ZERO)
    return net, vat, gross


# ----------------------------------------------------------------------------- pms-folio

PMS = {
    "en": {
        "invoice": "INVOICE",
        "folio_title": "GUEST FOLIO",
        "room": "Room",
        "arrival": "Arrival",
        "departure": "Departure",
        "guests": "Adults",
        "page": "Page",
        "of": "of",
        "folio": "Folio No.",
        "conf": "Conf. No.",
        "cashier": "Cashier",
        "number": "Invoice No.",
        "date": "Date",
        "rate": "Room Rate",
        "member": "Membership No.",
        "col_date": "Date",
        "col_desc": "Description",
        "col_ref": "Reference",
        "charges": "Charges",
        "credits": "Credits",
        "total": "Total",
        "balance": "Balance",
        "vat": "VAT",
        "net": "Net",
        "vat_amount": "VAT",
        "gross": "Gross",
        "sum": "Total",
        "outside": "outside scope",
        "included": "Included VAT",
        "thanks": "Thank you for staying with us. We look forward to welcoming you back.",
        "sign": "Guest Signature",
        "copy": "COPY",
        "printed": "Printed",
        "ledger": "Transfer to City Ledger",
        "deposit": "Deposit",
        "cash": "Cash",
        "fx": "Total in {code} for information only ({rate}): {amount}",
        "company": "",
    },
    "de": {
        "invoice": "RECHNUNG",
        "folio_title": "RECHNUNG",
        "room": "Zimmer",
        "arrival": "Anreise",
        "departure": "Abreise",
        "guests": "Personen",
        "page": "Seite",
        "of": "von",
        "folio": "Folio-Nr.",
        "conf": "Reservierungsnr.",
        "cashier": "Kassierer",
        "number": "Rechnungs-Nr.",
        "date": "Datum",
        "rate": "Zimmerpreis",
        "member": "Bonus-Nr.",
        "col_date": "Datum",
        "col_desc": "Beschreibung",
        "col_ref": "Referenz",
        "charges": "Belastung",
        "credits": "Zahlung",
        "total": "Summe",
        "balance": "Saldo",
        "vat": "MwSt.",
        "net": "Netto",
        "vat_amount": "MwSt.",
        "gross": "Brutto",
        "sum": "Gesamt",
        "outside": "nicht steuerbar",
        "included": "Enthaltene MwSt.",
        "thanks": "Vielen Dank für Ihren Aufenthalt. Wir freuen uns auf Ihren nächsten Besuch.",
        "sign": "Unterschrift des Gastes",
        "copy": "KOPIE",
        "printed": "Gedruckt",
        "ledger": "Überweisung auf Firmenkonto",
        "deposit": "Anzahlung",
        "cash": "Bar",
        "fx": "Gesamtbetrag in {code} nur zur Information (Kurs {rate}): {amount}",
        "company": "Firma",
    },
    "fr": {
        "invoice": "FACTURE",
        "folio_title": "FACTURE",
        "room": "Chambre",
        "arrival": "Arrivée",
        "departure": "Départ",
        "guests": "Personnes",
        "page": "Page",
        "of": "sur",
        "folio": "N° de folio",
        "conf": "N° de confirmation",
        "cashier": "Caissier",
        "number": "Facture N°",
        "date": "Date",
        "rate": "Prix chambre",
        "member": "N° de fidélité",
        "col_date": "Date",
        "col_desc": "Libellé",
        "col_ref": "Référence",
        "charges": "Débit",
        "credits": "Crédit",
        "total": "Total",
        "balance": "Solde",
        "vat": "TVA",
        "net": "HT",
        "vat_amount": "TVA",
        "gross": "TTC",
        "sum": "Total",
        "outside": "non soumis",
        "included": "Dont TVA",
        "thanks": "Merci de votre visite. Nous espérons vous accueillir à nouveau très bientôt.",
        "sign": "Signature du client",
        "copy": "DUPLICATA",
        "printed": "Imprimé le",
        "ledger": "Transfert compte débiteur",
        "deposit": "Acompte",
        "cash": "Espèces",
        "fx": "Total en {code} à titre indicatif (taux {rate}) : {amount}",
        "company": "Société",
    },
    "it": {
        "invoice": "FATTURA",
        "folio_title": "FATTURA",
        "room": "Camera",
        "arrival": "Arrivo",
        "departure": "Partenza",
        "guests": "Ospiti",
        "page": "Pagina",
        "of": "di",
        "folio": "N. conto",
        "conf": "N. prenotazione",
        "cashier": "Cassiere",
        "number": "Fattura N.",
        "date": "Data",
        "rate": "Tariffa",
        "member": "N. tessera",
        "col_date": "Data",
        "col_desc": "Descrizione",
        "col_ref": "Riferimento",
        "charges": "Addebiti",
        "credits": "Accrediti",
        "total": "Totale",
        "balance": "Saldo",
        "vat": "IVA",
        "net": "Imponibile",
        "vat_amount": "Imposta",
        "gross": "Totale",
        "sum": "Totale",
        "outside": "fuori campo IVA",
        "included": "Di cui IVA",
        "thanks": "Grazie per aver soggiornato da noi. Arrivederci!",
        "sign": "Firma dell'ospite",
        "copy": "COPIA",
        "printed": "Stampato il",
        "ledger": "Trasferimento a conto aziendale",
        "deposit": "Acconto",
        "cash": "Contanti",
        "fx": "Totale in {code} a titolo informativo (cambio {rate}): {amount}",
        "company": "Ditta",
    },
    "es": {
        "invoice": "FACTURA",
        "folio_title": "FACTURA",
        "room": "Habitación",
        "arrival": "Llegada",
        "departure": "Salida",
        "guests": "Personas",
        "page": "Página",
        "of": "de",
        "folio": "Nº folio",
        "conf": "Nº confirmación",
        "cashier": "Cajero",
        "number": "Factura Nº",
        "date": "Fecha",
        "rate": "Tarifa",
        "member": "Nº socio",
        "col_date": "Fecha",
        "col_desc": "Concepto",
        "col_ref": "Referencia",
        "charges": "Cargos",
        "credits": "Abonos",
        "total": "Total",
        "balance": "Saldo",
        "vat": "IVA",
        "net": "Base",
        "vat_amount": "Cuota",
        "gross": "Total",
        "sum": "Total",
        "outside": "no sujeto",
        "included": "IVA incluido",
        "thanks": "Gracias por su estancia. Esperamos volver a verle pronto.",
        "sign": "Firma del cliente",
        "copy": "COPIA",
        "printed": "Impreso el",
        "ledger": "Traspaso a cuenta de empresa",
        "deposit": "Depósito",
        "cash": "Efectivo",
        "fx": "Total en {code} a título informativo (cambio {rate}): {amount}",
        "company": "Empresa",
    },
}


def _payments(
    rng: random.Random, total: Decimal, lang: str, labels: dict[str, str], stay: Stay
) -> list[tuple[dt.date, str, str, Decimal]]:
    """The credits that bring the folio to zero: a deposit at arrival on some, then the card,
    cash or a transfer to the company's account for the rest."""
    credits: list[tuple[dt.date, str, str, Decimal]] = []
    rest = total
    if rng.random() < 0.3 and total > 150:
        deposit = min(Decimal(rng.choice((50, 100, 150, 200))), money(total / 2))
        brand, mask = _card(rng)
        credits.append((stay.arrival, f"{labels['deposit']} {brand.title()}", mask, deposit))
        rest -= deposit
    mode = rng.random()
    if mode < 0.15:
        credits.append((stay.issue, labels["ledger"], f"A/R {names.digits(rng, 5)}", rest))
    elif mode < 0.25:
        credits.append((stay.departure, labels["cash"], "", rest))
    else:
        brand, mask = _card(rng)
        if lang == "de" and rng.random() < 0.3:
            brand = rng.choice(("EC-Karte", "girocard"))
        credits.append((stay.departure, brand.title() if len(brand) > 4 else brand, mask, rest))
    return credits


def _pms_folio(rng: random.Random) -> Rendered:
    code = choose(
        rng,
        [
            (3, "DE"),
            (1.5, "AT"),
            (1.2, "CH-de"),
            (0.8, "CH-fr"),
            (2, "FR"),
            (2, "IT"),
            (2, "ES"),
            (1.5, "GB"),
            (1, "IE"),
        ],
    )
    place = PLACES[code]
    lang = place.lang if rng.random() < 0.75 else "en"
    labels = PMS[lang]
    style = _money_style(rng, place, grouping=rng.random() < 0.6)
    dates = _date_style(rng, lang, short=True)
    family = rng.choice(("helv", "helv", "cour", "tiro"))
    canvas = Canvas(*A4, family=family)
    mono = family == "cour"
    size = 8 if mono else 8.5
    hotel = _hotel(rng, place, chain=rng.random() < 0.6)
    stay = _stay(rng, place, lang, max_nights=6)
    charges = _postings(rng, stay, place, lang)
    while len(charges) > 24:
        stay = _stay(rng, place, lang, max_nights=max(1, stay.nights - 1))
        charges = _postings(rng, stay, place, lang)
    rows = _vat_rows(charges, inclusive=True)
    net, tax, total = _sums(rows)
    credits = _payments(rng, total, lang, labels, stay)
    accent = rng.choice(ACCENTS)
    left, right = 45.0, 550.0

    # Letterhead.
    if rng.random() < 0.5:
        canvas.text(297, 52, hotel.name, size=17, bold=True, align="center", color=accent)
        canvas.text(
            297,
            66,
            f"{hotel.street} · {hotel.town} · {hotel.phone}",
            size=7.5,
            align="center",
            color=GREY,
        )
        canvas.text(297, 76, f"{hotel.email} · {hotel.web}", size=7.5, align="center", color=GREY)
        canvas.line(left, 84, right, 84, width=0.6, color=accent)
    else:
        canvas.text(left, 56, hotel.name, size=16, bold=True, color=accent)
        for offset, row in enumerate((hotel.street, hotel.town, hotel.phone, hotel.web)):
            canvas.text(right, 44 + offset * 9.5, row, size=7.5, align="right", color=GREY)
        canvas.line(left, 86, right, 86, width=0.6, color=accent)

    # Guest block and info block.
    title, first, surname = _person(rng, place.lang if rng.random() < 0.7 else "en")
    guest = f"{title} {first} {surname}"
    company_lang = rng.choice(("de", "fr", "en", "es", "it"))
    block: list[str] = []
    if rng.random() < 0.5:
        block.append(_company(rng, company_lang))
        block.append(guest)
        block += _home_address(rng, company_lang)
    else:
        block.append(guest)
        block += _home_address(rng, rng.choice(("de", "fr", "en", "es", "it")))
    for offset, row in enumerate(block):
        canvas.text(left, 122 + offset * 12, row, size=9)

    folio = _digits(rng, rng.choice((5, 6, 7)))
    number_kind = rng.random()
    both = number_kind < 0.55
    single_folio = not both and lang == "en"
    invoice_no = _pattern(
        rng,
        rng.choice(("#######", "{yyyy}######", "RE{yy}-#####", "F{yy}#####", "######")),
        stay.issue.year,
    )
    number_text = folio if single_folio else invoice_no
    info: list[tuple[str, str]] = [
        (labels["room"], stay.room),
        (labels["arrival"], dates.format(stay.arrival)),
        (labels["departure"], dates.format(stay.departure)),
    ]
    if rng.random() < 0.5:
        info.append((labels["guests"], str(stay.guests)))
    if rng.random() < 0.4:
        info.append((labels["rate"], style.number(stay.rates[0])))
    if both or single_folio:
        info.append((labels["folio"], folio))
    info.append(
        (labels["conf"], _pattern(rng, rng.choice(("########", "#########", "R######")), 0))
    )
    if rng.random() < 0.5:
        info.append((labels["cashier"], str(rng.randint(1, 99))))
    if rng.random() < 0.25:
        info.append((labels["member"], _digits(rng, 9)))
    if not single_folio:
        info.append((labels["number"], invoice_no))
    info.append((labels["date"], dates.format(stay.issue)))
    info.append((labels["page"], f"1 {labels['of']} 1"))
    label_x, value_x = 330.0, 440.0
    for offset, (label, value) in enumerate(info):
        y = 114 + offset * 11.5
        canvas.text(label_x, y, label, size=8)
        canvas.text(value_x - 6, y, ":", size=8)
        canvas.text(value_x, y, value, size=8, bold=label == labels["number"])

    y = max(122 + len(block) * 12, 114 + len(info) * 11.5) + 22
    heading = labels["folio_title"] if single_folio else labels["invoice"]
    canvas.text(left, y, heading, size=13, bold=True)
    if stay.issue > stay.departure and rng.random() < 0.6:
        canvas.text(right, y, labels["copy"], size=11, bold=True, align="right", color=GREY)

    # Postings.
    show_ref = rng.random() < 0.6
    x_date, x_desc, x_ref = left, left + (58 if mono else 52), 280.0
    x_charge, x_credit = 462.0, right
    y += 22
    canvas.box(left, y - 10, right, y + 4, stroke=None, fill=LIGHT)
    header = [
        (x_date, labels["col_date"], "left"),
        (x_desc, labels["col_desc"], "left"),
        (x_charge, labels["charges"], "right"),
        (x_credit, labels["credits"], "right"),
    ]
    if show_ref:
        header.append((x_ref, labels["col_ref"], "left"))
    for x, text, align in header:
        canvas.text(x, y, text, size=size, bold=True, align=align)  # type: ignore[arg-type]
    y += 16
    entries: list[tuple[dt.date, str, str, Decimal | None, Decimal | None]] = [
        (c.day, c.description, c.reference, c.amount, None) for c in charges
    ]
    payment_rows = [(day, text, ref, None, amount) for day, text, ref, amount in credits]
    for payment in payment_rows:
        at = len(entries)
        for index, entry in enumerate(entries):
            if entry[0] > payment[0]:
                at = index
                break
        entries.insert(at, payment)
    for day, text, ref, debit, credit in entries:
        canvas.text(x_date, y, dates.format(day), size=size)
        if show_ref:
            canvas.text(x_desc, y, text, size=_fit(canvas, text, x_ref - x_desc - 6, size))
            canvas.text(x_ref, y, ref, size=size - 0.5)
        else:
            canvas.text(x_desc, y, f"{text}  {ref}".strip() if ref and credit else text, size=size)
        if debit is not None:
            canvas.text(x_charge, y, style.number(debit), size=size, align="right")
        if credit is not None:
            canvas.text(x_credit, y, style.number(credit), size=size, align="right")
        y += 12.5
    canvas.line(left, y - 7, right, y - 7, width=0.6)
    y += 6
    total_label = labels["total"] + (f" {place.currency}" if rng.random() < 0.5 else "")
    canvas.text(x_desc, y, total_label, size=size + 0.5, bold=True)
    canvas.text(x_charge, y, style.number(total), size=size + 0.5, bold=True, align="right")
    paid = sum((amount for *_, amount in credits), ZERO)
    canvas.text(x_credit, y, style.number(paid), size=size + 0.5, bold=True, align="right")
    y += 15
    canvas.text(x_desc, y, labels["balance"], size=size + 0.5, bold=True)
    canvas.text(
        x_credit,
        y,
        f"{style.number(total - paid)} {place.currency}",
        size=size + 0.5,
        bold=True,
        align="right",
    )
    y += 28

    # VAT: a summary table (the tourist tax in it or left out, with or without a sum row),
    # or one sentence.
    decimal = style.decimal
    taxed = [row for row in rows if row.rate is not None]
    has_city = len(taxed) < len(rows)
    mode = choose(rng, [(3, "table"), (1.2, "sentence")])
    tax_in_truth = False
    subtotal_in_truth = False
    if mode == "table":
        with_city = has_city and rng.random() < 0.5
        shown = rows if with_city else taxed
        with_sum = len(shown) > 1 and rng.random() < 0.6
        columns = (left, 210.0, 280.0, 350.0)
        canvas.text(columns[0], y, labels["vat"], size=size, bold=True)
        for x, text in zip(
            columns[1:], (labels["net"], labels["vat_amount"], labels["gross"]), strict=True
        ):
            canvas.text(x, y, text, size=size, bold=True, align="right")
        canvas.line(left, y + 3, columns[3], y + 3, width=0.4)
        y += 14
        for vat_row in shown:
            label = (
                f"{_rate_text(vat_row.rate, decimal, 2)} %"
                if vat_row.rate is not None
                else labels["outside"]
            )
            canvas.text(columns[0], y, label, size=size)
            for x, figure in zip(
                columns[1:], (vat_row.net, vat_row.vat, vat_row.gross), strict=True
            ):
                canvas.text(x, y, style.number(figure), size=size, align="right")
            y += 12
        if with_sum:
            s_net, s_vat, s_gross = _sums(shown)
            canvas.line(left, y - 8, columns[3], y - 8, width=0.4)
            canvas.text(columns[0], y, labels["sum"], size=size, bold=True)
            for x, figure in zip(columns[1:], (s_net, s_vat, s_gross), strict=True):
                canvas.text(x, y, style.number(figure), size=size, bold=True, align="right")
            y += 12
        tax_in_truth = with_sum or len(taxed) == 1
        # The net is one printed figure for the whole folio: the sum row of a summary that
        # holds every row, or the only row when there is no tourist tax.
        subtotal_in_truth = (with_sum and (with_city or not has_city)) or (
            len(shown) == 1 and not has_city
        )
    else:
        parts = [
            f"{_rate_text(row.rate, decimal)} %: {style.number(row.vat)}"
            for row in taxed
            if row.rate is not None
        ]
        canvas.text(left, y, f"{labels['included']} " + " · ".join(parts), size=size)
        y += 12
        tax_in_truth = len(taxed) == 1
    y += 10
    if rng.random() < 0.15 and place.currency != "USD":
        fx = Decimal(str(round(rng.uniform(1.05, 1.29), 4)))
        text = labels["fx"].format(
            code="USD", rate=_rate_text(fx, decimal), amount=style.number(money(total * fx))
        )
        canvas.text(left, y, text, size=size - 0.5, color=GREY)
        y += 14
    if has_city and rng.random() < 0.5:
        note = {
            "de": f"{stay.tourist_label} ist nicht umsatzsteuerpflichtig.",
            "en": f"{stay.tourist_label} is not subject to VAT.",
            "fr": f"{stay.tourist_label} non soumise à TVA.",
            "it": f"{stay.tourist_label}: fuori campo IVA.",
            "es": f"{stay.tourist_label} no sujeta a IVA.",
        }[lang]
        canvas.text(left, y, note, size=size - 0.5)
        y += 14
    y = max(y + 16, 690)
    canvas.text(left, y, labels["thanks"], size=8)
    canvas.line(380, y + 26, right, y + 26, width=0.4)
    canvas.text(380, y + 35, labels["sign"], size=7, color=GREY)

    # Small print.
    footer = [*hotel.legal]
    if rng.random() < 0.6:
        footer.append(
            f"{labels['printed']} {dates.format(stay.issue)} {_time(rng, 6, 12)} · "
            f"{labels['page']} 1 {labels['of']} 1"
        )
    for offset, row in enumerate(footer):
        text_size = _fit(canvas, row, right - left, 6.5)
        canvas.text(297, 790 + offset * 8.5, row, size=text_size, align="center", color=GREY)

    fields = truth_fields(
        number=number_text,
        issue=stay.issue,
        vendor=hotel.name,
        total=total,
        subtotal=net if subtotal_in_truth else None,
        tax=tax if tax_in_truth else None,
        currency=place.currency,
        lines=[charge.line() for charge in charges],
    )
    return Rendered(
        fields,
        lang,
        "invoice",
        canvas.pdf(title=f"{hotel.name} {number_text}"),
        style,
        dates,
        QuantityStyle(decimal),
        MARKS[place.currency],
        prices_include_tax=True,
    )


# ----------------------------------------------------------------------------- hotel-letter

LETTER_LABELS = {
    "de": {
        "title": "Rechnung",
        "number": "Rechnungsnummer",
        "date": "Rechnungsdatum",
        "room": "Zimmer",
        "arrival": "Anreise",
        "departure": "Abreise",
        "guests": "Personen",
        "booking": "Reservierungsnr.",
        "customer": "Kunden-Nr.",
        "guest": "Gast",
        "attn": "z. Hd.",
        "hello": "Sehr geehrte Damen und Herren,",
        "intro": "vielen Dank für Ihren Aufenthalt in unserem Haus. Wir berechnen Ihnen:",
        "pos": "Pos.",
        "period": "Zeitraum",
        "desc": "Leistung",
        "qty": "Anzahl",
        "unit": "Einzelpreis",
        "vat": "MwSt.",
        "amount": "Gesamt",
        "total_gross": "Gesamtbetrag",
        "total_net": "Summe netto",
        "vat_line": "MwSt. {rate} %",
        "vat_sum": "Summe MwSt.",
        "included": "enthaltene MwSt. {rate} % aus netto {net}",
        "net_sum": "Nettobetrag",
        "deposit": "abzgl. Anzahlung vom {date}",
        "paid": "bezahlt mit {card} am {date}",
        "open": "Offener Betrag",
        "rest": "Zu zahlender Betrag",
        "due": "Zahlbar bis {date} ohne Abzug auf das unten genannte Konto.",
        "outside": "–",
        "closing": "Wir freuen uns, Sie bald wieder bei uns begrüßen zu dürfen.",
        "regards": "Mit freundlichen Grüßen",
        "total_with": "Gesamtbetrag inkl. MwSt.",
    },
    "fr": {
        "title": "Facture",
        "number": "Facture n°",
        "date": "Date",
        "room": "Chambre",
        "arrival": "Arrivée",
        "departure": "Départ",
        "guests": "Personnes",
        "booking": "N° de réservation",
        "customer": "Code client",
        "guest": "Client",
        "attn": "À l'attention de",
        "hello": "Madame, Monsieur,",
        "intro": "Nous vous remercions de votre séjour et vous prions de trouver ci-dessous "
        "le détail de nos prestations.",
        "pos": "N°",
        "period": "Période",
        "desc": "Désignation",
        "qty": "Qté",
        "unit": "P.U.",
        "vat": "TVA",
        "amount": "Montant",
        "total_gross": "Total TTC",
        "total_net": "Total HT",
        "vat_line": "TVA {rate} %",
        "vat_sum": "Total TVA",
        "included": "dont TVA {rate} % sur {net} HT",
        "net_sum": "Total HT",
        "deposit": "Acompte versé le {date}",
        "paid": "Réglé par {card} le {date}",
        "open": "Reste à payer",
        "rest": "Net à payer",
        "due": "Date d'échéance : {date}. Pas d'escompte pour paiement anticipé.",
        "outside": "exo.",
        "closing": "Nous espérons avoir le plaisir de vous accueillir à nouveau.",
        "regards": "Cordialement,",
        "total_with": "Total TTC",
    },
    "it": {
        "title": "Fattura",
        "number": "Fattura n.",
        "date": "Data",
        "room": "Camera",
        "arrival": "Arrivo",
        "departure": "Partenza",
        "guests": "Ospiti",
        "booking": "N. prenotazione",
        "customer": "Cod. cliente",
        "guest": "Ospite",
        "attn": "Spett.le",
        "hello": "Gentile cliente,",
        "intro": "La ringraziamo per il soggiorno presso la nostra struttura. Di seguito il "
        "dettaglio dei servizi.",
        "pos": "Pos.",
        "period": "Periodo",
        "desc": "Descrizione",
        "qty": "Q.tà",
        "unit": "Prezzo",
        "vat": "IVA",
        "amount": "Importo",
        "total_gross": "Totale documento",
        "total_net": "Totale imponibile",
        "vat_line": "IVA {rate}%",
        "vat_sum": "Totale IVA",
        "included": "di cui IVA {rate}% su imponibile {net}",
        "net_sum": "Totale imponibile",
        "deposit": "Acconto del {date}",
        "paid": "Pagato con {card} il {date}",
        "open": "Saldo",
        "rest": "Netto a pagare",
        "due": "Pagamento: bonifico bancario, scadenza {date}.",
        "outside": "F.C.",
        "closing": "Sperando di averLa nuovamente nostro ospite, porgiamo cordiali saluti.",
        "regards": "La Direzione",
        "total_with": "Totale documento",
    },
    "es": {
        "title": "Factura",
        "number": "Nº factura",
        "date": "Fecha",
        "room": "Habitación",
        "arrival": "Entrada",
        "departure": "Salida",
        "guests": "Huéspedes",
        "booking": "Nº reserva",
        "customer": "Nº cliente",
        "guest": "Huésped",
        "attn": "A la atención de",
        "hello": "Estimado cliente:",
        "intro": "Le agradecemos su estancia en nuestro hotel. Le detallamos los servicios:",
        "pos": "Lín.",
        "period": "Periodo",
        "desc": "Concepto",
        "qty": "Cant.",
        "unit": "Precio",
        "vat": "IVA",
        "amount": "Importe",
        "total_gross": "Total factura",
        "total_net": "Base imponible",
        "vat_line": "IVA {rate}%",
        "vat_sum": "Total cuota IVA",
        "included": "IVA {rate}% incluido (base {net})",
        "net_sum": "Base imponible",
        "deposit": "Anticipo del {date}",
        "paid": "Pagado con {card} el {date}",
        "open": "Pendiente",
        "rest": "Importe a pagar",
        "due": "Forma de pago: transferencia. Vencimiento: {date}.",
        "outside": "n.s.",
        "closing": "Esperamos tener el placer de recibirle de nuevo.",
        "regards": "Atentamente,",
        "total_with": "Total factura",
    },
    "en": {
        "title": "Invoice",
        "number": "Invoice No.",
        "date": "Invoice Date",
        "room": "Room",
        "arrival": "Arrival",
        "departure": "Departure",
        "guests": "Guests",
        "booking": "Booking Ref.",
        "customer": "Account No.",
        "guest": "Guest",
        "attn": "FAO",
        "hello": "Dear Sir or Madam,",
        "intro": "Thank you for staying with us. Please find the details of your stay below.",
        "pos": "No.",
        "period": "Dates",
        "desc": "Description",
        "qty": "Qty",
        "unit": "Unit Price",
        "vat": "VAT",
        "amount": "Amount",
        "total_gross": "Total",
        "total_net": "Net total",
        "vat_line": "VAT @ {rate}%",
        "vat_sum": "Total VAT",
        "included": "incl. VAT {rate}% on net {net}",
        "net_sum": "Net total",
        "deposit": "Less deposit received {date}",
        "paid": "Paid by {card} on {date}",
        "open": "Balance",
        "rest": "Amount due",
        "due": "Payment due by {date}. Please quote the invoice number with your payment.",
        "outside": "n/a",
        "closing": "We hope to welcome you back soon.",
        "regards": "Kind regards,",
        "total_with": "Total (incl. VAT)",
    },
}
INVOICE_PATTERNS = {
    "DE": ("RE-{yyyy}-####", "{yyyy}/####", "R{yy}#####"),
    "AT": ("RE {yyyy}/#####", "{yy}-######"),
    "CH-de": ("{yyyy}-#####", "R######"),
    "CH-fr": ("F-{yyyy}-####", "######"),
    "FR": ("FA{yyyy}-#####", "F{yy}######", "{yyyy}#####"),
    "IT": ("###/{yyyy}", "{yyyy}/####", "####/A"),
    "ES": ("A-{yyyy}/#####", "F{yy}-######", "H{yyyy}#####"),
    "GB": ("INV-######", "H{yy}#####", "######"),
    "IE": ("INV{yy}-#####", "######"),
}


def _hotel_letter(rng: random.Random) -> Rendered:
    code = choose(
        rng,
        [
            (2.5, "DE"),
            (1.5, "AT"),
            (1, "CH-de"),
            (0.6, "CH-fr"),
            (2, "FR"),
            (2, "IT"),
            (2, "ES"),
            (1.2, "GB"),
            (0.6, "IE"),
        ],
    )
    place = PLACES[code]
    lang = place.lang
    labels = LETTER_LABELS[lang]
    style = _money_style(rng, place)
    dates = _date_style(rng, lang)
    family = rng.choice(("helv", "helv", "tiro"))
    canvas = Canvas(*A4, family=family)
    hotel = _hotel(rng, place, chain=False)
    stay = _stay(rng, place, lang, max_nights=10)
    charges = _aggregated(stay, place, lang)
    net_priced = lang in ("fr", "it", "es", "en") and rng.random() < 0.4
    rows = _vat_rows(charges, inclusive=not net_priced)
    net, tax, total = _sums(rows)
    accent = rng.choice(ACCENTS)
    left, right = 60.0, 540.0
    decimal = style.decimal
    quantities: QuantityStyle = (
        FixedQuantity(decimal, places=2) if rng.random() < 0.3 else QuantityStyle(decimal)
    )

    # Letterhead: name and contact.
    if rng.random() < 0.5:
        canvas.text(297, 58, hotel.name, size=20, bold=True, align="center", color=accent)
        canvas.text(
            297,
            73,
            f"{hotel.street} · {hotel.town} · Tel. {hotel.phone} · {hotel.email}",
            size=7.5,
            align="center",
            color=GREY,
        )
    else:
        canvas.text(left, 60, hotel.name, size=19, bold=True, color=accent)
        for offset, row in enumerate((hotel.street, hotel.town, hotel.phone, hotel.email)):
            canvas.text(right, 44 + offset * 9.5, row, size=7.5, align="right", color=GREY)
    canvas.line(left, 84, right, 84, width=0.8, color=accent)

    # Address window.
    canvas.text(left, 128, f"{hotel.name} · {hotel.street} · {hotel.town}", size=6.3)
    canvas.line(left, 130, 300, 130, width=0.3)
    title, first, surname = _person(rng, lang if rng.random() < 0.6 else "en")
    guest = f"{title} {first} {surname}"
    billed_company = rng.random() < 0.55
    company_lang = lang if rng.random() < 0.6 else rng.choice(("de", "fr", "en", "es", "it"))
    window: list[str] = []
    if billed_company:
        company = _company(rng, company_lang)
        if lang == "it":
            window += [labels["attn"], company]
        else:
            window.append(company)
            window.append(f"{labels['attn']} {guest}" if lang != "de" else f"z. Hd. {guest}")
        window += _home_address(rng, company_lang)
    else:
        window.append(guest)
        window += _home_address(rng, company_lang)
    for offset, row in enumerate(window):
        canvas.text(left, 146 + offset * 12.5, row, size=9.5)

    number_text = _pattern(rng, rng.choice(INVOICE_PATTERNS[code]), stay.issue.year)
    long_date = DateStyle(LONG_DATES[lang], lang)
    date_in_block = rng.random() < 0.7
    info = [(labels["number"], number_text)]
    if date_in_block:
        info.append((labels["date"], dates.format(stay.issue)))
    info += [
        (labels["room"], stay.room),
        (labels["arrival"], dates.format(stay.arrival)),
        (labels["departure"], dates.format(stay.departure)),
        (labels["guests"], str(stay.guests)),
    ]
    if rng.random() < 0.7:
        info.append((labels["booking"], _pattern(rng, rng.choice(("#######", "B-######")), 0)))
    if rng.random() < 0.4:
        info.append((labels["customer"], _digits(rng, 5)))
    if billed_company:
        info.append((labels["guest"], f"{first} {surname}"))
    for offset, (label, value) in enumerate(info):
        canvas.text(345, 140 + offset * 12, label, size=8)
        canvas.text(right, 140 + offset * 12, value, size=8, align="right")
    y = max(146 + len(window) * 12.5, 140 + len(info) * 12) + 26
    if not date_in_block:
        canvas.text(
            right, y, f"{hotel.town_name}, {long_date.format(stay.issue)}", size=9, align="right"
        )
        y += 22
    canvas.text(left, y, f"{labels['title']} {number_text}", size=13, bold=True)
    y += 22
    canvas.text(left, y, labels["hello"], size=9)
    canvas.text(left, y + 13, labels["intro"], size=_fit(canvas, labels["intro"], 480, 9))
    y += 36

    # Charges table.
    short = DateStyle({"de": "{dd}.{mm}.", "en": "{dd}/{mm}"}.get(lang, "{dd}/{mm}"), lang)
    x_pos, x_period, x_desc = left, left + 26, left + 92
    x_qty, x_unit, x_vat, x_amount = 368.0, 428.0, 470.0, right
    canvas.box(left - 2, y - 10, right + 2, y + 5, stroke=None, fill=LIGHT)
    for x, text, align in (
        (x_pos, labels["pos"], "left"),
        (x_period, labels["period"], "left"),
        (x_desc, labels["desc"], "left"),
        (x_qty, labels["qty"], "right"),
        (x_unit, labels["unit"], "right"),
        (x_vat, labels["vat"], "right"),
        (x_amount, labels["amount"], "right"),
    ):
        canvas.text(x, y, text, size=8, bold=True, align=align)  # type: ignore[arg-type]
    y += 17
    last = stay.departure - dt.timedelta(days=1)
    for index, charge in enumerate(charges, 1):
        if charge.quantity == 1 and charge.kind not in ("room", "breakfast", "city", "parking"):
            period = short.format(charge.day)
        else:
            period = f"{short.format(stay.arrival)}-{short.format(last)}"
            if stay.nights == 1:
                period = short.format(stay.arrival)
        rate_text = (
            f"{_rate_text(charge.rate, decimal)}{' ' if lang in ('de', 'fr') else ''}%"
            if charge.rate is not None
            else labels["outside"]
        )
        canvas.text(x_pos, y, str(index), size=8)
        canvas.text(x_period, y, period, size=_fit(canvas, period, x_desc - x_period - 4, 8))
        canvas.text(x_desc, y, charge.description, size=_fit(canvas, charge.description, 205, 8.5))
        canvas.text(x_qty, y, quantities.number(charge.quantity), size=8.5, align="right")
        canvas.text(x_unit, y, style.number(charge.unit_price), size=8.5, align="right")
        canvas.text(x_vat, y, rate_text, size=8, align="right")
        canvas.text(x_amount, y, style.number(charge.amount), size=8.5, align="right")
        y += 14
    canvas.line(left, y - 8, right, y - 8, width=0.6)
    y += 8

    # Totals: gross with the included VAT, or net with VAT added.
    taxed = [row for row in rows if row.rate is not None]
    has_city = len(taxed) < len(rows)
    totals: list[tuple[str, str, bool]] = []
    tax_in_truth = False
    subtotal_in_truth = False
    if net_priced:
        totals.append((labels["total_net"], style.amount(net), False))
        for vat_row in taxed:
            assert vat_row.rate is not None
            rate = _rate_text(vat_row.rate, decimal)
            totals.append((labels["vat_line"].format(rate=rate), style.amount(vat_row.vat), False))
        vat_sum = len(taxed) > 1 and rng.random() < 0.6
        if vat_sum:
            totals.append((labels["vat_sum"], style.amount(tax), False))
        totals.append((labels["total_gross"], style.amount(total), True))
        subtotal_in_truth = True
        tax_in_truth = vat_sum or len(taxed) == 1
    else:
        totals.append((labels["total_with"], style.amount(total), True))
        for vat_row in taxed:
            assert vat_row.rate is not None
            text = labels["included"].format(
                rate=_rate_text(vat_row.rate, decimal), net=style.number(vat_row.net)
            )
            totals.append((text, style.amount(vat_row.vat), False))
        vat_sum = len(taxed) > 1 and rng.random() < 0.5
        if vat_sum:
            totals.append((labels["vat_sum"], style.amount(tax), False))
        net_line = not has_city and rng.random() < 0.4
        if net_line:
            totals.append((labels["net_sum"], style.amount(net), False))
        tax_in_truth = vat_sum or len(taxed) == 1
        subtotal_in_truth = net_line
    x_label = 300.0
    for label, value, strong in totals:
        size = _fit(canvas, label, x_amount - x_label - 75, 8.5, bold=strong)
        canvas.text(x_label, y, label, size=size, bold=strong)
        canvas.text(x_amount, y, value, size=9 if strong else 8.5, bold=strong, align="right")
        y += 14
        if strong:
            canvas.line(x_label, y - 24, right, y - 24, width=0.5)

    # Payments: a deposit, then the card, or payable to a date (a company on account).
    y += 6
    due: dt.date | None = None
    paid_rows: list[tuple[str, Decimal]] = []
    rest = total
    if rng.random() < 0.35 and total > 150:
        deposit = Decimal(rng.choice((50, 100, 150, 200, 250)))
        deposit = min(deposit, money(total / 2))
        deposit_day = stay.arrival - dt.timedelta(days=rng.randint(5, 60))
        paid_rows.append((labels["deposit"].format(date=dates.format(deposit_day)), deposit))
        rest -= deposit
    on_account = billed_company and rng.random() < 0.45
    if not on_account:
        brand, _ = _card(rng)
        paid_rows.append(
            (labels["paid"].format(card=brand.title(), date=dates.format(stay.departure)), rest)
        )
        rest = ZERO
    canvas.line(x_label, y - 9, right, y - 9, width=0.3)
    for label, paid_amount in paid_rows:
        canvas.text(x_label, y, label, size=_fit(canvas, label, 165, 8))
        canvas.text(x_amount, y, f"-{style.amount(paid_amount)}", size=8.5, align="right")
        y += 13
    canvas.text(x_label, y, labels["rest"] if on_account else labels["open"], size=8.5, bold=True)
    canvas.text(x_amount, y, style.amount(rest), size=8.5, bold=True, align="right")
    y += 26
    notes: list[str] = []
    if on_account:
        due = stay.issue + dt.timedelta(days=rng.choice((10, 14, 30)))
        notes.append(labels["due"].format(date=dates.format(due)))
    if has_city:
        notes.append(
            {
                "de": f"Die {stay.tourist_label} ist nicht umsatzsteuerpflichtig und wird an "
                f"die Gemeinde abgeführt.",
                "fr": "La taxe de séjour est perçue pour le compte de la commune (non soumise "
                "à TVA).",
                "it": f"{stay.tourist_label}: operazione fuori campo IVA, riscossa per conto "
                f"del Comune.",
                "es": f"{stay.tourist_label}: no sujeta a IVA, recaudada por cuenta de la "
                f"administración.",
                "en": f"{stay.tourist_label} is outside the scope of VAT.",
            }[lang]
        )
    if code == "FR":
        notes.append(
            "En cas de retard de paiement : pénalités au taux de 3 fois le taux d'intérêt "
            "légal et indemnité forfaitaire pour frais de recouvrement de 40 €."
        )
    if code == "IT":
        notes.append(
            f"Copia di cortesia. Documento trasmesso al Sistema di Interscambio, "
            f"identificativo SdI {_digits(rng, 10)}."
        )
    for note in notes:
        canvas.text(left, y, note, size=_fit(canvas, note, right - left, 8))
        y += 12
    y += 12
    canvas.text(left, y, labels["closing"], size=9)
    canvas.text(left, y + 22, labels["regards"], size=9)
    canvas.text(left, y + 36, hotel.name, size=9, bold=True)

    canvas.line(left, 778, right, 778, width=0.3, color=GREY)
    for offset, row in enumerate(hotel.legal):
        canvas.text(
            297,
            789 + offset * 8.5,
            row,
            size=_fit(canvas, row, right - left, 6.5),
            align="center",
            color=GREY,
        )

    fields = truth_fields(
        number=number_text,
        issue=stay.issue,
        due=due,
        vendor=hotel.name,
        total=total,
        subtotal=net if subtotal_in_truth else None,
        tax=tax if tax_in_truth else None,
        currency=place.currency,
        lines=[charge.line() for charge in charges],
    )
    return Rendered(
        fields,
        lang,
        "invoice",
        canvas.pdf(title=f"{labels['title']} {number_text}"),
        style,
        dates,
        quantities,
        MARKS[place.currency],
        prices_include_tax=not net_priced,
        date_overrides={} if date_in_block else {"invoice_date": long_date},
    )


# ----------------------------------------------------------------------------- us-folio

US_HOTELS = (
    "Harborview Inn & Suites",
    "The Lakeshore Hotel",
    "Grand Prairie Hotel",
    "The Magnolia House",
    "Capitol Plaza Hotel",
    "Red Canyon Lodge",
)


def _us_folio(rng: random.Random) -> Rendered:
    city, state, zip_prefix, taxes = rng.choice(US_CITIES)
    style = MoneyStyle(",", ".", "$", symbol_space=False, negative=rng.choice(("minus", "parens")))
    dates = DateStyle(rng.choice(("{mm}/{dd}/{yy}", "{mm}/{dd}/{yyyy}")))
    canvas = Canvas(*LETTER, family=rng.choice(("helv", "cour", "helv")))
    if rng.random() < 0.5:
        area = rng.choice(("Downtown", "Airport", "Convention Center"))
        vendor = f"{rng.choice(CHAINS)} {city} {area}"
    else:
        vendor = rng.choice(US_HOTELS)
    upper = rng.random() < 0.3
    year = rng.choice((2024, 2025))
    arrival = dt.date(year, 1, 2) + dt.timedelta(days=rng.randint(0, 345))
    nights = choose(rng, [(3, 1), (4, 2), (3, 3), (2, 4), (1, 5)])
    departure = arrival + dt.timedelta(days=nights)
    rate = Decimal(rng.randint(119, 389)) + Decimal(rng.choice(("0", "0.99", "0.00", "0.95")))
    fee = Decimal(rng.choice((20, 25, 29, 35))) if rng.random() < 0.35 else None
    room = str(rng.randint(201, 2240))
    charges: list[Charge] = []
    for index in range(nights):
        day = arrival + dt.timedelta(days=index)
        charges.append(Charge(day, "room", "Room Charge", ONE, rate, None, room))
        base = rate
        if fee is not None:
            charges.append(Charge(day, "fee", "Destination Fee", ONE, fee, None, room))
            base += fee
        for name, percent in taxes:
            charges.append(
                Charge(day, "tax", name, ONE, money(base * Decimal(percent) / 100), None, room)
            )
    extras = rng.sample(
        [
            ("Valet Parking", 38, 65),
            ("Restaurant", 24, 140),
            ("In-Room Dining", 28, 95),
            ("Lobby Bar", 12, 60),
            ("Market", 4, 22),
        ],
        rng.choice((0, 1, 2, 2, 3)),
    )
    for name, low, high in extras:
        day = arrival + dt.timedelta(days=rng.randint(0, nights - 1))
        ref = f"CHK {names.digits(rng, 5)}" if name not in ("Valet Parking", "Market") else ""
        amount = money(Decimal(str(rng.uniform(low, high))))
        if name == "Valet Parking":
            amount = Decimal(low)
        charges.append(Charge(day, "extra", name, ONE, amount, None, ref))
    charges.sort(key=lambda c: c.day)
    total = sum((c.amount for c in charges), ZERO)
    left, right = 40.0, 572.0

    def up(text: str) -> str:
        return text.upper() if upper else text

    canvas.text(306, 50, up(vendor), size=16, bold=True, align="center")
    street = f"{rng.randint(100, 2400)} {rng.choice(US_STREETS)}"
    zip_code = f"{zip_prefix}{names.digits(rng, 2)}"
    canvas.text(306, 64, f"{street}, {city}, {state} {zip_code}", size=8, align="center")
    canvas.text(
        306,
        74,
        f"Tel {names.phone(rng, 'US')} · {_slug(vendor)[:18]}.com",
        size=8,
        align="center",
        color=GREY,
    )
    canvas.line(left, 84, right, 84, width=0.8)

    _, first, surname = _person(rng, "us")
    block = [f"{first} {surname}".upper() if upper else f"{first} {surname}"]
    if rng.random() < 0.4:
        block.append(names.company(rng, "us"))
    block += names.address(rng, "us")
    for offset, row in enumerate(block):
        canvas.text(left, 112 + offset * 12, row, size=9)
    folio = _digits(rng, rng.choice((6, 7)))
    date_label = rng.choice(("Date", "Invoice Date", "Folio Date"))
    info = [
        ("Room", room),
        ("Room Type", rng.choice(("KING", "QQ", "KSTE", "DBL"))),
        ("Rate", style.number(rate)),
        ("Arrival", dates.format(arrival)),
        ("Departure", dates.format(departure)),
        ("Folio No.", folio),
        ("Confirmation No.", _digits(rng, rng.choice((8, 9, 10)))),
    ]
    if rng.random() < 0.5:
        info.append(("Rewards No.", _digits(rng, 9)))
    info.append((date_label, dates.format(departure)))
    info.append(("Page", "1 of 1"))
    for offset, (label, value) in enumerate(info):
        canvas.text(360, 104 + offset * 11.5, up(label), size=8)
        canvas.text(460, 104 + offset * 11.5, value, size=8)

    y = max(112 + len(block) * 12, 104 + len(info) * 11.5) + 20
    canvas.text(left, y, up("Guest Folio"), size=13, bold=True)
    y += 20
    running = rng.random() < 0.4
    x_date, x_desc, x_ref = left, left + 60, 270.0
    x_charge, x_credit, x_balance = (408.0, 490.0, right) if running else (480.0, right, right)
    canvas.line(left, y - 11, right, y - 11, width=0.6)
    heads = [
        (x_date, "DATE", "left"),
        (x_desc, "DESCRIPTION", "left"),
        (x_ref, "REFERENCE", "left"),
        (x_charge, "CHARGES", "right"),
        (x_credit, "CREDITS", "right"),
    ]
    if running:
        heads.append((x_balance, "BALANCE", "right"))
    for x, text, align in heads:
        canvas.text(x, y, text, size=8, bold=True, align=align)  # type: ignore[arg-type]
    canvas.line(left, y + 4, right, y + 4, width=0.6)
    y += 17
    brand, mask = _card(rng)
    deposit = None
    if rng.random() < 0.25:
        deposit = money(rate * Decimal("1.15"))
    balance = ZERO
    rows: list[tuple[dt.date, str, str, Decimal | None, Decimal | None]] = []
    if deposit is not None:
        rows.append((arrival, "Advance Deposit", mask, None, deposit))
    rows += [(c.day, c.description, c.reference, c.amount, None) for c in charges]
    rows.sort(key=lambda r: r[0])
    rows.append((departure, brand, mask, None, total - (deposit or ZERO)))
    for day, text, ref, debit, credit in rows:
        canvas.text(x_date, y, dates.format(day), size=8)
        canvas.text(x_desc, y, up(text), size=_fit(canvas, up(text), x_ref - x_desc - 6, 8))
        canvas.text(x_ref, y, ref, size=7.5)
        if debit is not None:
            canvas.text(x_charge, y, style.number(debit), size=8, align="right")
            balance += debit
        if credit is not None:
            canvas.text(x_credit, y, style.number(-credit), size=8, align="right")
            balance -= credit
        if running:
            canvas.text(x_balance, y, style.number(balance), size=8, align="right")
        y += 12
    canvas.line(left, y - 6, right, y - 6, width=0.6)
    y += 10
    summary = [
        ("Total Charges", style.amount(total)),
        (
            "Total Credits",
            f"-{style.amount(total)}" if style.negative == "minus" else f"({style.amount(total)})",
        ),
        ("Balance Due", style.amount(ZERO)),
    ]
    for label, value in summary:
        canvas.text(330, y, up(label), size=9, bold=label == "Balance Due")
        canvas.text(right, y, value, size=9, bold=label == "Balance Due", align="right")
        y += 13
    y += 16
    points = rng.randint(8, 40) * nights * 100
    notes = [
        f"Points earned this stay: {points:,}. Points post to your account within 72 hours.",
        "I agree that my liability for this bill is not waived and I agree to be held "
        "personally liable",
        "in the event that the indicated person, company or association fails to pay any "
        "part or the full amount.",
    ]
    if rng.random() < 0.5:
        notes.insert(0, f"Your nightly rate of {style.amount(rate)} excludes applicable taxes.")
    for note in notes:
        canvas.text(left, y, note, size=7.5, color=GREY)
        y += 10
    canvas.line(350, y + 26, right, y + 26, width=0.4)
    canvas.text(350, y + 35, up("Guest Signature"), size=7, color=GREY)
    canvas.text(306, 760, f"Thank you for staying at {vendor}.", size=8, align="center")

    fields = truth_fields(
        number=folio,
        issue=departure,
        vendor=up(vendor),
        total=total,
        subtotal=None,
        tax=None,
        currency="USD",
        lines=[charge.line() for charge in charges],
    )
    fields["line_items"] = [
        {**row, "description": up(row["description"])} for row in fields["line_items"]
    ]
    return Rendered(
        fields,
        "en",
        "invoice",
        canvas.pdf(title=f"Folio {folio}"),
        style,
        dates,
        QuantityStyle("."),
        MARKS["USD"],
        prices_include_tax=True,
    )


# ----------------------------------------------------------------------------- rental-invoice

RENTAL = {
    "de": {
        "title": "Rechnung",
        "number": "Rechnungsnummer",
        "date": "Rechnungsdatum",
        "agreement": "Mietvertrag-Nr.",
        "reservation": "Reservierungs-Nr.",
        "customer": "Kunden-Nr.",
        "driver": "Fahrer",
        "pickup": "Anmietung",
        "return": "Rückgabe",
        "when": "Datum / Uhrzeit",
        "branch": "Station",
        "odometer": "Kilometerstand",
        "driven": "Gefahrene Kilometer",
        "fuel": "Tankinhalt",
        "vehicle": "Fahrzeug",
        "group": "Gruppe",
        "plate": "Kennzeichen",
        "desc": "Beschreibung",
        "qty": "Menge",
        "unit": "Einheit",
        "price": "Preis",
        "amount": "Betrag",
        "net": "Nettobetrag",
        "vat": "MwSt. {rate} %",
        "total": "Gesamtbetrag",
        "included": "enthaltene MwSt. {rate} %",
        "paid": "Bezahlt mit {card} {mask}",
        "open": "Offener Betrag",
        "deposit": "Kaution (Vorautorisierung) {amount} – bei Rückgabe freigegeben",
        "estimate": "Voraussichtlicher Mietpreis bei Anmietung: {amount}",
        "day": "Tag(e)",
        "flat": "pausch.",
        "litre": "l",
        "km": "km",
        "similar": "o. ä.",
        "airport": "Flughafen",
        "station": "Hauptbahnhof",
        "city": "Innenstadt",
        "thanks": "Vielen Dank, dass Sie mit uns gefahren sind!",
        "items": {
            "time": "Mietpreis",
            "week": "Wochenpauschale",
            "cdw": "Haftungsreduzierung (CDW)",
            "tp": "Diebstahlschutz (TP)",
            "driver": "Zusatzfahrer",
            "gps": "Navigationssystem",
            "child": "Kindersitz",
            "airport": "Flughafenzuschlag",
            "station": "Bahnhofszuschlag",
            "winter": "Wintereinrichtung",
            "fuel": "Tankservice",
            "km": "Mehrkilometer",
            "oneway": "Einweggebühr",
            "cleaning": "Sonderreinigung",
            "vignette": "Autobahnvignette",
        },
    },
    "fr": {
        "title": "Facture",
        "number": "Facture n°",
        "date": "Date de facture",
        "agreement": "Contrat de location n°",
        "reservation": "Réservation n°",
        "customer": "Client n°",
        "driver": "Conducteur",
        "pickup": "Départ",
        "return": "Retour",
        "when": "Date / heure",
        "branch": "Agence",
        "odometer": "Kilométrage",
        "driven": "Kilomètres parcourus",
        "fuel": "Carburant",
        "vehicle": "Véhicule",
        "group": "Catégorie",
        "plate": "Immatriculation",
        "desc": "Désignation",
        "qty": "Qté",
        "unit": "Unité",
        "price": "P.U.",
        "amount": "Montant",
        "net": "Total HT",
        "vat": "TVA {rate} %",
        "total": "Total TTC",
        "included": "dont TVA {rate} %",
        "paid": "Payé par {card} {mask}",
        "open": "Reste à payer",
        "deposit": "Dépôt de garantie (pré-autorisation) {amount} – libéré au retour",
        "estimate": "Estimation au départ : {amount}",
        "day": "jour(s)",
        "flat": "forfait",
        "litre": "l",
        "km": "km",
        "similar": "ou similaire",
        "airport": "Aéroport",
        "station": "Gare",
        "city": "Centre-ville",
        "thanks": "Merci d'avoir choisi notre agence. Bonne route !",
        "items": {
            "time": "Location journalière",
            "week": "Forfait semaine",
            "cdw": "Rachat de franchise (CDW)",
            "tp": "Protection vol (TP)",
            "driver": "Conducteur additionnel",
            "gps": "GPS",
            "child": "Siège enfant",
            "airport": "Surcharge aéroport",
            "station": "Surcharge gare",
            "winter": "Équipement hiver",
            "fuel": "Complément carburant",
            "km": "Kilomètres supplémentaires",
            "oneway": "Frais d'abandon",
            "cleaning": "Nettoyage",
            "vignette": "Vignette autoroutière",
        },
    },
    "it": {
        "title": "Fattura",
        "number": "Fattura n.",
        "date": "Data fattura",
        "agreement": "Contratto di noleggio n.",
        "reservation": "Prenotazione n.",
        "customer": "Cliente n.",
        "driver": "Conducente",
        "pickup": "Ritiro",
        "return": "Riconsegna",
        "when": "Data / ora",
        "branch": "Filiale",
        "odometer": "Km",
        "driven": "Km percorsi",
        "fuel": "Carburante",
        "vehicle": "Veicolo",
        "group": "Gruppo",
        "plate": "Targa",
        "desc": "Descrizione",
        "qty": "Q.tà",
        "unit": "U.M.",
        "price": "Prezzo",
        "amount": "Importo",
        "net": "Imponibile",
        "vat": "IVA {rate}%",
        "total": "Totale",
        "included": "di cui IVA {rate}%",
        "paid": "Pagato con {card} {mask}",
        "open": "Saldo",
        "deposit": "Deposito cauzionale (preautorizzazione) {amount} – sbloccato alla riconsegna",
        "estimate": "Preventivo al ritiro: {amount}",
        "day": "gg",
        "flat": "forf.",
        "litre": "l",
        "km": "km",
        "similar": "o simile",
        "airport": "Aeroporto",
        "station": "Stazione Centrale",
        "city": "Centro",
        "thanks": "Grazie per aver scelto il nostro servizio.",
        "items": {
            "time": "Noleggio giornaliero",
            "week": "Tariffa settimanale",
            "cdw": "Riduzione franchigia danni (CDW)",
            "tp": "Protezione furto (TP)",
            "driver": "Guidatore aggiuntivo",
            "gps": "Navigatore",
            "child": "Seggiolino bambino",
            "airport": "Supplemento aeroporto",
            "station": "Supplemento stazione",
            "winter": "Oneri automobilistici",
            "fuel": "Rifornimento carburante",
            "km": "Km extra",
            "oneway": "Supplemento drop-off",
            "cleaning": "Pulizia straordinaria",
            "vignette": "Telepass",
        },
    },
    "es": {
        "title": "Factura",
        "number": "Nº factura",
        "date": "Fecha factura",
        "agreement": "Contrato de alquiler nº",
        "reservation": "Reserva nº",
        "customer": "Cliente nº",
        "driver": "Conductor",
        "pickup": "Recogida",
        "return": "Devolución",
        "when": "Fecha / hora",
        "branch": "Oficina",
        "odometer": "Km",
        "driven": "Km recorridos",
        "fuel": "Combustible",
        "vehicle": "Vehículo",
        "group": "Grupo",
        "plate": "Matrícula",
        "desc": "Concepto",
        "qty": "Cant.",
        "unit": "Ud.",
        "price": "Precio",
        "amount": "Importe",
        "net": "Base imponible",
        "vat": "IVA {rate}%",
        "total": "Total",
        "included": "IVA {rate}% incluido",
        "paid": "Pagado con {card} {mask}",
        "open": "Pendiente",
        "deposit": "Fianza (preautorización) {amount} – liberada en la devolución",
        "estimate": "Importe estimado en la recogida: {amount}",
        "day": "días",
        "flat": "ud.",
        "litre": "l",
        "km": "km",
        "similar": "o similar",
        "airport": "Aeropuerto",
        "station": "Estación AVE",
        "city": "Centro",
        "thanks": "Gracias por confiar en nosotros. ¡Buen viaje!",
        "items": {
            "time": "Alquiler diario",
            "week": "Tarifa semanal",
            "cdw": "Cobertura de daños (CDW)",
            "tp": "Protección antirrobo (TP)",
            "driver": "Conductor adicional",
            "gps": "GPS",
            "child": "Silla infantil",
            "airport": "Suplemento aeropuerto",
            "station": "Suplemento estación",
            "winter": "Cadenas de nieve",
            "fuel": "Servicio de repostaje",
            "km": "Km adicionales",
            "oneway": "Entrega en otra oficina",
            "cleaning": "Limpieza especial",
            "vignette": "Peaje",
        },
    },
    "en": {
        "title": "Invoice",
        "number": "Invoice No.",
        "date": "Invoice Date",
        "agreement": "Rental Agreement No.",
        "reservation": "Reservation No.",
        "customer": "Customer No.",
        "driver": "Driver",
        "pickup": "Pick-up",
        "return": "Return",
        "when": "Date / time",
        "branch": "Branch",
        "odometer": "Mileage",
        "driven": "Miles driven",
        "fuel": "Fuel",
        "vehicle": "Vehicle",
        "group": "Car group",
        "plate": "Registration",
        "desc": "Description",
        "qty": "Qty",
        "unit": "Unit",
        "price": "Rate",
        "amount": "Amount",
        "net": "Net total",
        "vat": "VAT @ {rate}%",
        "total": "Total",
        "included": "incl. VAT @ {rate}%",
        "paid": "Paid by {card} {mask}",
        "open": "Balance due",
        "deposit": "Deposit (pre-authorisation) {amount} – released on return",
        "estimate": "Estimated charges at pick-up: {amount}",
        "day": "day(s)",
        "flat": "each",
        "litre": "litres",
        "km": "miles",
        "similar": "or similar",
        "airport": "Airport",
        "station": "Railway Station",
        "city": "City Centre",
        "thanks": "Thank you for renting with us.",
        "items": {
            "time": "Daily rate",
            "week": "Weekly rate",
            "cdw": "Collision Damage Waiver",
            "tp": "Theft Protection",
            "driver": "Additional driver",
            "gps": "Sat nav",
            "child": "Child seat",
            "airport": "Airport surcharge",
            "station": "Railway station surcharge",
            "winter": "Winter tyres",
            "fuel": "Refuelling charge",
            "km": "Excess mileage",
            "oneway": "One-way fee",
            "cleaning": "Valeting charge",
            "vignette": "Congestion charge",
        },
    },
}
RENTAL_BRANDS = {
    "de": ("Carvia Autovermietung", "Velox Rent", "AutoFlex Mietwagen"),
    "fr": ("Loca'Route", "Velox Rent", "Azur Location"),
    "it": ("Noleggi Arcobaleno", "Velox Rent", "Strada Rent"),
    "es": ("Rutamar Rent a Car", "Velox Rent", "Autos Sierra"),
    "en": ("Driveline Car Hire", "Velox Rent", "Motorway Car Rental"),
}
VEHICLES = (
    ("VW Golf", "CDMR"),
    ("Opel Corsa", "EDMR"),
    ("Skoda Octavia Combi", "CWMR"),
    ("Fiat 500", "MBMR"),
    ("Peugeot 208", "EDMR"),
    ("Renault Clio", "EDMR"),
    ("Seat Leon", "CDMR"),
    ("Toyota Yaris Hybrid", "EDAH"),
    ("Mercedes C 200", "IDAR"),
    ("VW Tiguan", "IFAR"),
    ("Ford Focus", "CDMR"),
)


def _plate(rng: random.Random, code: str) -> str:
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"

    def pick(count: int) -> str:
        return "".join(rng.choice(letters) for _ in range(count))

    return {
        "DE": lambda: (
            f"{rng.choice(('M', 'F', 'B', 'HH', 'K'))}-{pick(2)} {rng.randint(100, 9999)}"
        ),
        "AT": lambda: f"{rng.choice(('W', 'S', 'I'))}-{rng.randint(10000, 99999)}{pick(1)}",
        "CH-de": lambda: f"ZH {rng.randint(100000, 999999)}",
        "CH-fr": lambda: f"GE {rng.randint(10000, 999999)}",
        "FR": lambda: f"{pick(2)}-{rng.randint(100, 999)}-{pick(2)}",
        "IT": lambda: f"{pick(2)} {rng.randint(100, 999)}{pick(2)}",
        "ES": lambda: f"{rng.randint(1000, 9999)} {pick(3)}",
        "GB": lambda: f"{pick(2)}{rng.randint(20, 74)} {pick(3)}",
        "IE": lambda: f"{rng.choice(('231', '241', '242'))}-D-{rng.randint(1000, 99999)}",
    }[code]()


@dataclass(frozen=True)
class Rental:
    pickup: dt.datetime
    back: dt.datetime
    issue: dt.date
    days: int
    odometer: int
    driven: int


def _rental_times(rng: random.Random) -> Rental:
    year = rng.choice((2024, 2025))
    start = dt.datetime(year, 1, 2, rng.randint(7, 18), rng.choice((0, 15, 30, 45)))
    start += dt.timedelta(days=rng.randint(0, 340))
    days = choose(rng, [(3, 1), (4, 2), (4, 3), (3, 4), (2, 5), (1, 6), (1.5, 7), (1, 9)])
    back = start + dt.timedelta(days=days, minutes=-rng.choice((0, 15, 30, 45, 90)))
    issue = back.date() if rng.random() < 0.65 else back.date() + dt.timedelta(rng.randint(1, 5))
    return Rental(start, back, issue, days, rng.randint(3000, 68000), rng.randint(40, 260) * days)


def _rental_lines(
    rng: random.Random, place: Place, words: dict[str, str], rental: Rental, units: dict[str, str]
) -> list[tuple[Line, str]]:
    """The charges of a rental with the unit each prints: days, litres, kilometres, flat."""
    days = Decimal(rental.days)
    f = place.factor
    lines: list[tuple[Line, str]] = []
    if rental.days == 7 and rng.random() < 0.5:
        lines.append((Line(words["week"], ONE, _price(rng, 189, 420, f)), units["flat"]))
    else:
        lines.append((Line(words["time"], days, _price(rng, 29, 119, f)), units["day"]))
    options = [
        ("cdw", 0.7, lambda: _price(rng, 9, 29, f)),
        ("tp", 0.3, lambda: _price(rng, 4, 12, f)),
        ("driver", 0.25, lambda: _price(rng, 6, 15, f)),
        ("gps", 0.15, lambda: _price(rng, 6, 14, f)),
        ("child", 0.15, lambda: _price(rng, 6, 14, f)),
    ]
    for key, share, make in options:
        if rng.random() < share:
            lines.append((Line(words[key], days, make()), units["day"]))
    if rental.pickup.month in (11, 12, 1, 2, 3) and rng.random() < 0.5:
        lines.append((Line(words["winter"], days, _price(rng, 2, 5, f)), units["day"]))
    location = rng.random()
    if location < 0.4:
        lines.append((Line(words["airport"], ONE, _price(rng, 19, 49, f)), units["flat"]))
    elif location < 0.55:
        lines.append((Line(words["station"], ONE, _price(rng, 12, 29, f)), units["flat"]))
    if rng.random() < 0.4:
        litres = Decimal(f"{rng.uniform(4, 42):.1f}")
        per_litre = Decimal(f"{rng.uniform(1.99, 2.99):.2f}")
        lines.append((Line(words["fuel"], litres, per_litre), units["litre"]))
    if rng.random() < 0.15:
        extra = Decimal(rng.randint(40, 380))
        lines.append((Line(words["km"], extra, Decimal(f"0.{rng.randint(19, 39)}")), units["km"]))
    for key, share, low, high in (("oneway", 0.12, 49, 149), ("cleaning", 0.08, 35, 120)):
        if rng.random() < share:
            lines.append((Line(words[key], ONE, _price(rng, low, high, f)), units["flat"]))
    return lines


def _rental_invoice(rng: random.Random) -> Rendered:
    code = choose(
        rng,
        [
            (2.5, "DE"),
            (1, "AT"),
            (0.8, "CH-de"),
            (0.5, "CH-fr"),
            (2, "FR"),
            (2, "IT"),
            (2, "ES"),
            (1.5, "GB"),
            (0.8, "IE"),
        ],
    )
    place = PLACES[code]
    lang = place.lang
    labels = RENTAL[lang]
    words: dict[str, str] = labels["items"]  # type: ignore[assignment]
    style = _money_style(rng, place)
    dates = _date_style(rng, lang)
    decimal = style.decimal
    quantities: QuantityStyle = (
        FixedQuantity(decimal, places=2) if rng.random() < 0.4 else QuantityStyle(decimal)
    )
    canvas = Canvas(*A4, family=rng.choice(("helv", "helv", "tiro")))
    brand = rng.choice(RENTAL_BRANDS[lang])
    accent = rng.choice(ACCENTS)
    rental = _rental_times(rng)
    units = {
        "day": str(labels["day"]),
        "flat": str(labels["flat"]),
        "litre": str(labels["litre"]),
        "km": "km" if code != "GB" else "miles",
    }
    priced = _rental_lines(rng, place, words, rental, units)
    lines = [line for line, _ in priced]
    rate = place.standard
    net_priced = rng.random() < 0.55
    charges = [
        Charge(rental.issue, "x", ln.description, ln.quantity, ln.unit_price, rate) for ln in lines
    ]
    rows = _vat_rows(charges, inclusive=not net_priced)
    net, tax, total = _sums(rows)
    left, right = 45.0, 550.0
    postcode, town = rng.choice(place.towns)
    town_plain = town.split(" (")[0]
    operator = {
        "de": f"{brand.split()[0]} Autovermietung GmbH",
        "fr": f"{brand.split()[0].rstrip(chr(39))} SAS",
        "it": f"{brand.split()[0]} Italia S.p.A.",
        "es": f"{brand.split()[0]} Alquiler de Vehículos S.L.",
        "en": f"{brand.split()[0]} Vehicle Rental Ltd",
    }[lang]
    legal = _legal(rng, place, operator, town)

    # Brand bar.
    canvas.box(0, 0, canvas.width, 64, stroke=None, fill=accent)
    canvas.text(left, 40, brand, size=20, bold=True, color=(1, 1, 1))
    canvas.text(
        right, 40, str(labels["title"]).upper(), size=15, bold=True, align="right", color=(1, 1, 1)
    )
    street = _street_line(place, rng.choice(place.streets), rng.randint(1, 99))
    canvas.text(
        left, 78, f"{operator} · {street} · {_town_line(place, postcode, town)}", size=7, color=GREY
    )

    # Bill-to and the number box.
    title, first, surname = _person(rng, lang)
    driver = f"{first} {surname}"
    company_lang = lang if rng.random() < 0.6 else rng.choice(("de", "fr", "en", "es", "it"))
    block = []
    if rng.random() < 0.5:
        block.append(_company(rng, company_lang))
        block.append(f"{title} {driver}")
    else:
        block.append(f"{title} {driver}")
    block += _home_address(rng, company_lang)
    for offset, row in enumerate(block):
        canvas.text(left, 112 + offset * 12, row, size=9.5)
    number_text = _pattern(
        rng,
        rng.choice(("#########", "{yyyy}########", "R{yy}-######", "#/{yyyy}/######")),
        rental.issue.year,
    )
    agreement = _pattern(rng, rng.choice(("#########", "RA########", "##########")), 0)
    box = [
        (labels["number"], number_text),
        (labels["date"], dates.format(rental.issue)),
        (labels["agreement"], agreement),
    ]
    if rng.random() < 0.6:
        box.append((labels["reservation"], _pattern(rng, rng.choice(("#########", "X#######")), 0)))
    if rng.random() < 0.4:
        box.append((labels["customer"], _digits(rng, 7)))
    order = list(range(len(box)))
    if rng.random() < 0.4:
        order = [2, 0, 1, *order[3:]]  # the agreement number first on some prints
    canvas.box(320, 98, right, 104 + len(box) * 13, stroke=accent, width=0.6)
    for offset, index in enumerate(order):
        label, value = box[index]
        canvas.text(328, 112 + offset * 13, str(label), size=8)
        canvas.text(right - 8, 112 + offset * 13, value, size=8.5, bold=index == 0, align="right")
    y = max(112 + len(block) * 12, 104 + len(box) * 13) + 22

    # Pick-up and return.
    kind = rng.choice(("airport", "station", "city"))
    branch_out = f"{town_plain} {labels[kind]}"
    branch_in = branch_out
    if any(line.description == words["oneway"] for line in lines):
        other = [t for _, t in place.towns if t != town]
        branch_in = f"{rng.choice(other).split(' (')[0]} {labels['city']}"
    fuel_out = rng.choice(("8/8", "8/8", "4/4", "100 %"))
    fuel_in = rng.choice(("5/8", "6/8", "3/4", "8/8", "1/2"))
    when = dates.pattern + " {hh}"
    del when
    canvas.box(left, y - 12, right, y + 58, stroke=(0.7, 0.7, 0.7), width=0.5)
    canvas.text(left + 8, y, str(labels["pickup"]), size=9, bold=True, color=accent)
    canvas.text(300, y, str(labels["return"]), size=9, bold=True, color=accent)
    km_sep = "." if decimal == "," else ","
    if style.thousands == "'":
        km_sep = "'"

    def km(value: int) -> str:
        return f"{value:,}".replace(",", km_sep)

    for column_x, branch, moment, odometer, fuel in (
        (left + 8, branch_out, rental.pickup, rental.odometer, fuel_out),
        (300, branch_in, rental.back, rental.odometer + rental.driven, fuel_in),
    ):
        pairs = [
            (labels["branch"], branch),
            (labels["when"], f"{dates.format(moment.date())} {moment:%H:%M}"),
            (labels["odometer"], f"{km(odometer)} {units['km']}"),
            (labels["fuel"], fuel),
        ]
        for offset, (label, value) in enumerate(pairs):
            canvas.text(column_x, y + 13 + offset * 11, str(label), size=7.5, color=GREY)
            canvas.text(column_x + 90, y + 13 + offset * 11, value, size=8)
    y += 76
    model, group = rng.choice(VEHICLES)
    vehicle = (
        f"{labels['vehicle']}: {model} {labels['similar']} · {labels['group']} {group} · "
        f"{labels['plate']} {_plate(rng, code)} · {labels['driven']}: {km(rental.driven)}"
    )
    canvas.text(left, y, vehicle, size=_fit(canvas, vehicle, right - left, 8.5))
    y += 22

    # Charges.
    x_desc, x_qty, x_unit, x_price, x_amount = left, 330.0, 338.0, 460.0, right
    canvas.line(left, y - 11, right, y - 11, width=0.8, color=accent)
    for x, text, align in (
        (x_desc, labels["desc"], "left"),
        (x_qty, labels["qty"], "right"),
        (x_unit, labels["unit"], "left"),
        (x_price, labels["price"], "right"),
        (x_amount, labels["amount"], "right"),
    ):
        canvas.text(x, y, str(text), size=8.5, bold=True, align=align)  # type: ignore[arg-type]
    canvas.line(left, y + 4, right, y + 4, width=0.5)
    y += 18
    for line, unit in priced:
        canvas.text(x_desc, y, line.description, size=_fit(canvas, line.description, 270, 9))
        canvas.text(x_qty, y, quantities.number(line.quantity), size=9, align="right")
        canvas.text(x_unit, y, unit, size=8.5)
        canvas.text(x_price, y, style.number(line.unit_price), size=9, align="right")
        canvas.text(x_amount, y, style.number(line.amount), size=9, align="right")
        y += 14
    canvas.line(left, y - 8, right, y - 8, width=0.5)
    y += 8
    rate_text = _rate_text(rate, decimal)
    subtotal_in_truth = True
    totals: list[tuple[str, str, bool]] = []
    if net_priced:
        totals += [
            (str(labels["net"]), style.amount(net), False),
            (str(labels["vat"]).format(rate=rate_text), style.amount(tax), False),
            (str(labels["total"]), style.amount(total), True),
        ]
    else:
        totals.append((str(labels["total"]), style.amount(total), True))
        subtotal_in_truth = rng.random() < 0.5
        if subtotal_in_truth:
            totals.append((str(labels["net"]), style.amount(net), False))
        totals.append((str(labels["included"]).format(rate=rate_text), style.amount(tax), False))
    card, mask = _card(rng)
    totals.append(
        (
            str(labels["paid"]).format(card=card.title(), mask=mask[-8:]),
            f"-{style.amount(total)}",
            False,
        )
    )
    totals.append((str(labels["open"]), style.amount(ZERO), True))
    for label, value, strong in totals:
        canvas.text(300, y, label, size=_fit(canvas, label, 160, 9, bold=strong), bold=strong)
        canvas.text(x_amount, y, value, size=9, bold=strong, align="right")
        y += 14
    y += 14
    notes = []
    if rng.random() < 0.6:
        hold = Decimal(rng.choice((200, 250, 300, 500, 800)))
        notes.append(str(labels["deposit"]).format(amount=style.amount(hold)))
    if rng.random() < 0.5:
        estimate = money(total * Decimal(str(round(rng.uniform(0.78, 0.97), 2))))
        notes.append(str(labels["estimate"]).format(amount=style.amount(estimate)))
    notes.append(str(labels["thanks"]))
    for note in notes:
        canvas.text(left, y, note, size=8.5)
        y += 13
    canvas.line(left, 782, right, 782, width=0.3, color=GREY)
    for offset, row in enumerate(legal):
        canvas.text(
            297,
            793 + offset * 8.5,
            row,
            size=_fit(canvas, row, right - left, 6.5),
            align="center",
            color=GREY,
        )

    fields = truth_fields(
        number=number_text,
        issue=rental.issue,
        vendor=brand,
        total=total,
        subtotal=net if subtotal_in_truth else None,
        tax=tax,
        currency=place.currency,
        lines=lines,
    )
    return Rendered(
        fields,
        lang,
        "invoice",
        canvas.pdf(title=f"{brand} {number_text}"),
        style,
        dates,
        quantities,
        MARKS[place.currency],
        prices_include_tax=not net_priced,
    )


# ----------------------------------------------------------------------------- rental-receipt-us

US_AIRPORTS = (
    ("AUS", "Austin-Bergstrom Intl Airport", "TX", ("8.25",)),
    ("DEN", "Denver Intl Airport", "CO", ("4.00", "4.81")),
    ("MCO", "Orlando Intl Airport", "FL", ("6.50",)),
    ("SEA", "Seattle-Tacoma Intl Airport", "WA", ("10.10",)),
    ("BNA", "Nashville Intl Airport", "TN", ("7.00", "2.25")),
    ("PHX", "Phoenix Sky Harbor Intl Airport", "AZ", ("5.60", "2.30")),
    ("SAN", "San Diego Intl Airport", "CA", ("7.75",)),
)
US_BRANDS = ("VELOX RENT A CAR", "DRIVELINE CAR RENTAL", "SUNBELT AUTO RENTAL", "ROADRUNNER RENT")


def _rental_receipt_us(rng: random.Random) -> Rendered:
    airport, airport_name, state, tax_rates = rng.choice(US_AIRPORTS)
    style = MoneyStyle(",", ".", "$", symbol_space=False)
    dates = DateStyle(rng.choice(("{mm}/{dd}/{yy}", "{mm}/{dd}/{yyyy}")))
    canvas = Canvas(*LETTER, family="cour")
    brand = rng.choice(US_BRANDS)
    rental = _rental_times(rng)
    days = Decimal(rental.days)
    lines: list[tuple[Line, str, bool]] = []
    tm = Line("TIME & MILEAGE", days, Decimal(rng.randint(29, 89)) + Decimal("0.99"))
    lines.append((tm, "DAY", True))
    if rng.random() < 0.6:
        ldw = Decimal(rng.randint(19, 34)) + Decimal("0.99")
        lines.append((Line("LOSS DAMAGE WAIVER", days, ldw), "DAY", True))
    if rng.random() < 0.35:
        sli = Decimal(rng.randint(13, 19)) + Decimal("0.99")
        lines.append((Line("SUPPLEMENTAL LIABILITY", days, sli), "DAY", True))
    if rng.random() < 0.2:
        lines.append((Line("ADDITIONAL DRIVER", days, Decimal("13.00")), "DAY", True))
    if rng.random() < 0.15:
        lines.append((Line("CHILD SAFETY SEAT", days, Decimal("13.99")), "DAY", True))
    cfc = Decimal(rng.choice(("6.00", "8.00", "10.00", "4.50")))
    lines.append((Line("CUSTOMER FACILITY CHARGE", days, cfc), "DAY", False))
    vlf = Decimal(rng.choice(("0.99", "1.49", "1.89", "2.49")))
    lines.append((Line("VEHICLE LICENSE FEE", days, vlf), "DAY", True))
    crf = money(tm.amount * Decimal("0.1111"))
    lines.append((Line("CONCESSION RECOVERY FEE", ONE, crf), "", True))
    if rng.random() < 0.35:
        gallons = Decimal(f"{rng.uniform(2, 13):.1f}")
        per_gallon = Decimal(rng.choice(("5.49", "6.99", "7.49", "8.99", "9.99")))
        lines.append((Line("FUEL SERVICE", gallons, per_gallon), "GAL", True))
    subtotal = sum((line.amount for line, _, _ in lines), ZERO)
    taxable = sum((line.amount for line, _, taxed in lines if taxed), ZERO)
    taxes = [(Decimal(r), money(taxable * Decimal(r) / 100)) for r in tax_rates]
    tax = sum((amount for _, amount in taxes), ZERO)
    total = subtotal + tax
    left, right = 40.0, 572.0
    size = 8.5

    canvas.text(306, 48, brand, size=15, bold=True, align="center")
    canvas.text(306, 62, f"{airport_name} ({airport})", size=8, align="center")
    canvas.text(306, 74, "RENTAL RECORD / RECEIPT", size=10, bold=True, align="center")
    canvas.line(left, 82, right, 82, width=0.8)
    number_text = _digits(rng, rng.choice((8, 9, 10)))
    agreement = _digits(rng, 9)
    _, first, surname = _person(rng, "us")
    grid_left = [
        ("RA #", agreement),
        ("RES #", f"{_digits(rng, 8)}{rng.choice('ABCDEFGH')}"),
        ("INVOICE #", number_text),
        ("INVOICE DATE", dates.format(rental.issue)),
        ("RENTER", f"{surname.upper()}, {first.upper()}"),
        ("MEMBER #", _digits(rng, 8)),
    ]
    model, group = rng.choice(
        (*VEHICLES[:8], ("Chevrolet Malibu", "FCAR"), ("Nissan Rogue", "IFAR"))
    )
    grid_right = [
        ("VEHICLE", f"{model.upper()}"),
        ("CLASS", group),
        (
            "LICENSE",
            f"{state} {rng.choice('ABCDEFGHJK')}{names.digits(rng, 2)}-"
            f"{rng.choice('ABCDEFGHJK')}{rng.choice('LMNPRSTUVW')}{names.digits(rng, 2)}",
        ),
        ("MILES OUT", f"{rental.odometer:,}"),
        ("MILES IN", f"{rental.odometer + rental.driven:,}"),
        ("MILES DRIVEN", f"{rental.driven:,}"),
        ("FUEL OUT/IN", f"8/8 {rng.choice(('4/8', '5/8', '6/8', '8/8'))}"),
    ]
    for offset, (label, value) in enumerate(grid_left):
        canvas.text(left, 102 + offset * 12, label, size=size)
        canvas.text(left + 100, 102 + offset * 12, value, size=size, bold=label == "INVOICE #")
    for offset, (label, value) in enumerate(grid_right):
        canvas.text(320, 102 + offset * 12, label, size=size)
        canvas.text(420, 102 + offset * 12, value, size=size)
    y = 102 + max(len(grid_left), len(grid_right)) * 12 + 12
    canvas.text(left, y, "PICKUP", size=size, bold=True)
    canvas.text(
        left + 100,
        y,
        f"{airport} {dates.format(rental.pickup.date())} {rental.pickup:%I:%M %p}",
        size=size,
    )
    canvas.text(320, y, "RETURN", size=size, bold=True)
    canvas.text(
        420, y, f"{airport} {dates.format(rental.back.date())} {rental.back:%I:%M %p}", size=size
    )
    y += 24
    canvas.line(left, y - 10, right, y - 10, width=0.5)
    x_desc, x_qty, x_unit, x_rate, x_amount = left, 330.0, 340.0, 480.0, right
    for x, text, align in (
        (x_desc, "DESCRIPTION", "left"),
        (x_qty, "QTY", "right"),
        (x_unit, "UNIT", "left"),
        (x_rate, "RATE", "right"),
        (x_amount, "AMOUNT", "right"),
    ):
        canvas.text(x, y, text, size=size, bold=True, align=align)  # type: ignore[arg-type]
    y += 4
    canvas.line(left, y, right, y, width=0.5)
    y += 13
    quantities = QuantityStyle(".")
    for line, unit, _ in lines:
        canvas.text(x_desc, y, line.description, size=size)
        if unit:
            canvas.text(x_qty, y, quantities.number(line.quantity), size=size, align="right")
            canvas.text(x_unit, y, unit, size=size)
            canvas.text(x_rate, y, style.number(line.unit_price), size=size, align="right")
        else:
            canvas.text(x_unit, y, "11.11% OF T&M", size=size - 1)
        canvas.text(x_amount, y, style.number(line.amount), size=size, align="right")
        y += 12
    canvas.line(330, y - 4, right, y - 4, width=0.5)
    y += 10
    rows = [("SUBTOTAL", style.number(subtotal))]
    if len(taxes) == 1:
        rows.append((f"SALES TAX {taxes[0][0]}%", style.number(taxes[0][1])))
    else:
        rows.append((f"STATE TAX {taxes[0][0]}%", style.number(taxes[0][1])))
        rows.append((f"LOCAL TAX {taxes[1][0]}%", style.number(taxes[1][1])))
    rows.append(("TOTAL CHARGES", style.amount(total)))
    card, mask = _card(rng)
    rows.append((f"{card} {mask[-8:]}", style.number(-total)))
    rows.append(("AMOUNT DUE", style.amount(ZERO)))
    for label, value in rows:
        strong = label in ("TOTAL CHARGES", "AMOUNT DUE")
        canvas.text(330, y, label, size=size, bold=strong)
        canvas.text(x_amount, y, value, size=size, bold=strong, align="right")
        y += 13
    y += 16
    estimate = money(total * Decimal(str(round(rng.uniform(0.8, 0.97), 2))))
    notes = [
        f"ESTIMATED CHARGES AT PICKUP: {style.amount(estimate)}",
        f"AUTHORIZATION HOLD RELEASED: {style.amount(Decimal(rng.choice((200, 250, 300))))}",
        "CHARGES ARE SUBJECT TO AUDIT. THANK YOU FOR RENTING WITH US.",
    ]
    for note in notes:
        canvas.text(left, y, note, size=size - 0.5)
        y += 12

    lines_only = [line for line, _, _ in lines]
    fields = truth_fields(
        number=number_text,
        issue=rental.issue,
        vendor=brand,
        total=total,
        subtotal=subtotal,
        tax=tax if len(taxes) == 1 else None,
        currency="USD",
        lines=lines_only,
    )
    return Rendered(
        fields,
        "en",
        "invoice",
        canvas.pdf(title=f"{brand} {number_text}"),
        style,
        dates,
        quantities,
        MARKS["USD"],
    )


# ----------------------------------------------------------------------------- build


def build(rng: random.Random) -> Rendered:
    layout: Layout = choose(
        rng,
        [
            (3, "pms-folio"),
            (2.5, "hotel-letter"),
            (1.5, "us-folio"),
            (2, "rental-invoice"),
            (1.2, "rental-receipt-us"),
        ],
    )
    rendered = {
        "pms-folio": _pms_folio,
        "hotel-letter": _hotel_letter,
        "us-folio": _us_folio,
        "rental-invoice": _rental_invoice,
        "rental-receipt-us": _rental_receipt_us,
    }[layout](rng)
    weights: dict[Layout, list[tuple[float, Scan]]] = {
        "pms-folio": [(4, None), (1, "jpg")],
        "hotel-letter": [(6, None), (1, "jpg")],
        "us-folio": [(4, None), (1, "jpg")],
        "rental-invoice": [(5, None), (1, "jpg")],
        "rental-receipt-us": [(3, None), (1, "jpg"), (0.5, "png")],
    }
    rendered.image = choose(rng, weights[layout])
    return rendered
