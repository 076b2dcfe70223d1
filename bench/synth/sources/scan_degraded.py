"""`scan-degraded`: invoices and till receipts as they reach accounts payable from phones, office
scanners and fax machines, in English (UK), German, French and Dutch. Every document is an image;
the point of the source is the capture, so it makes its own (below) instead of the corpus writer's
plain grey scan.

Four layouts, each as a different kind of issuer prints it:

- `typed` (a tradesman's or small firm's own word-processor or typewriter invoice, A4): letterhead
  left, centred or right, a DIN-style return-address line over the customer in the window (not in
  the UK), then either a label block (`Rechnungsnummer / Datum / Kunden-Nr. / Ihr Auftrag vom /
  Leistungsdatum`, `Invoice No. / Date / Account / Your ref`, `Facture n° / Date / Code client /
  Devis n° ... du`, `Factuurnummer / Factuurdatum / Klantnummer / Offerte d.d.`) or, in German,
  French and Dutch letters, a `Leipzig, 12.03.2024` date line and the number in the subject line
  (`Rechnung Nr. 2024-117`); a job or site line, a Pos/Description/Qty/Unit/Price/Amount table,
  net, VAT and total (or the total alone with the small-business note: `Gemäß § 19 UStG wird keine
  Umsatzsteuer berechnet`, `TVA non applicable, art. 293 B du CGI`, `Not registered for VAT`,
  `Vrijgesteld van btw (KOR)`; its lines then add up to the total), terms with a due date, with a
  Skonto date and the discounted amount beside the net due date, or with no date at all, a
  greeting, and a three-column footer of bank and tax identifiers.
- `till` (a thermal till receipt, 58 or 80 mm, tax included): a shop's (bakery, hardware, grocery,
  kiosk) list of `description  amount  code` with `3 x 0,45` under multiples, or a café's bill of
  `qty  item  price  amount` rows (the only receipts whose truth has `line_items`); the total
  (`SUMME EUR`, `TOTAL`, `TOTAL TTC`, `Totaal`), cash given and change or a card slip, a VAT
  table per rate (the tax and net are in the truth only where one rate is used or the table prints
  a sum row), the receipt number (`Bon-Nr.`, `Receipt No`, `Ticket n°`, `Bonnummer`) beside till,
  cashier, table and terminal numbers, and on German receipts the TSE block with its transaction
  number, serial and ISO start and stop times.
- `wholesale` (a cash-and-carry or catering wholesaler's ERP print, A4): letterhead with phone and
  fax, bill-to and delivery addresses, a boxed side grid or a band of cells with invoice number,
  date, customer number, delivery note number, delivery date, order number and date, route and
  page; `Pos / Art.-Nr. / Description / Qty / Unit / Price / VAT / Amount` rows with SAP-like
  positions, six-digit article numbers, EAN lines under some, quantities with fixed decimals on
  some, mixed VAT rates by code; item, parcel and weight counts, a VAT summary per rate, net, VAT
  and total (or the VAT per rate without a sum: the tax is then not in the truth), and terms
  (due date, Skonto, a SEPA direct debit date that is no due date, the French late-payment
  mentions with their 40 € recovery fee).
- `carbon` (a pre-printed invoice pad filled in and torn off as the customer's carbon copy, A5):
  form ink in red, green, blue or grey, the pad's red serial number (the invoice number), the
  issuer's rubber company stamp in the stamp box (the vendor), the customer box (`Kunde`, `To`,
  `Doit`, `Aan`), ruled rows filled with a typewriter in carbon blue, misregistered by a few
  points, net, `__ % VAT` and total boxes (or the total alone), tick boxes for cash or transfer,
  `Betrag dankend erhalten` and the pad maker's form number and sheet count in the margin. No
  handwriting font is available to the generator, so the pad is filled by typewriter.

Captures (the image is made here from the PDF's page, deterministic for the seed):

- `phone`: colour JPEG of the sheet lying on a desk, rotated 0.5-3 degrees, a slight perspective,
  the desk around it with the sheet's drop shadow, paper tint, a light gradient and vignette,
  sometimes the shadow of the phone or a hand across a corner, a colour cast, mild blur and sensor
  noise; receipts at 200-280 dpi, A4 at 160-210.
- `flatbed`: greyscale or colour, JPEG or PNG at 200-250 dpi, skewed 0.5-3 degrees on the scanner
  lid, the lid around the paper edge, a gradient along the spine, dust.
- `mfp`: an office copier's scan-to-mail, greyscale JPEG at 150-200 dpi, harder contrast, a faint
  streak from the glass.
- `fax`: 1-bit PNG at 200 dpi, thresholded from a slightly skewed page with ragged edges, specks
  and a lost scan line, and the sending machine's header line on top (transmission date and time,
  sender's number and name, page count).

On most invoices and pads the paper itself adds a rubber stamp (`BEZAHLT`, `EINGANG`, `GEBUCHT`,
`PAID`, `RECEIVED`, `PAYÉ`, `REÇU LE`, `ACQUITTÉ`, `BETAALD`, `ONTVANGEN`) with a later date,
placed where it covers no printed truth value nor its label row; office-filed paper gets punched
holes or a staple shadow; letters and receipts a fold line between rows. Every truth value stays
legible: the degradation never covers or breaks a value's row.

Traps: other dates (order, quote, service or delivery date, Skonto date, direct-debit date,
the stamp's date, the fax header's transmission date, the TSE times), other numbers (customer,
order, quote, delivery note, article, EAN, till, cashier, terminal, TSE transaction, the pad's
form number, VAT, SIRET, KvK and company numbers, phone and fax numbers, IBANs), other amounts near
the total (the Skonto discount and the discounted amount, cash given and change, VAT bases, the
40 € recovery fee, weights), and the customer's name and the delivery address beside the vendor.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import math
import random
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

import numpy as np
import pymupdf
from PIL import Image, ImageDraw, ImageFilter

from bench.synth import names
from bench.synth.canvas import A4, Canvas, Color, font, text_width
from bench.synth.common import Column, Rules, choose, draw_table, number
from bench.synth.document import (
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

Lang = Literal["en", "de", "fr", "nl"]
Layout = Literal["typed", "till", "wholesale", "carbon"]
Capture = Literal["phone", "flatbed", "mfp", "fax"]
ImageFormat = Literal["png", "jpg"]
Paper = Literal["a4", "a5", "roll"]

A5 = (419.53, 595.28)
LANGS: tuple[Lang, ...] = ("en", "de", "fr", "nl")
COUNTRY: dict[Lang, str] = {"en": "GB", "de": "DE", "fr": "FR", "nl": "NL"}
CURRENCY: dict[Lang, str] = {"en": "GBP", "de": "EUR", "fr": "EUR", "nl": "EUR"}
MARKS: dict[Lang, tuple[str, ...]] = {
    "en": ("£", "GBP"),
    "de": ("€", "EUR"),
    "fr": ("€", "EUR"),
    "nl": ("€", "EUR"),
}
STANDARD: dict[Lang, Decimal] = {
    "en": Decimal(20),
    "de": Decimal(19),
    "fr": Decimal(20),
    "nl": Decimal(21),
}
REDUCED: dict[Lang, Decimal] = {
    "en": Decimal(0),
    "de": Decimal(7),
    "fr": Decimal("5.5"),
    "nl": Decimal(9),
}
NUMERIC_DATES: dict[Lang, tuple[str, ...]] = {
    "en": ("{dd}/{mm}/{yyyy}",),
    "de": ("{dd}.{mm}.{yyyy}",),
    "fr": ("{dd}/{mm}/{yyyy}",),
    "nl": ("{dd}-{mm}-{yyyy}", "{dd}-{mm}-{yyyy}", "{d}-{m}-{yyyy}"),
}
LONG_DATES: dict[Lang, str] = {
    "en": "{d} {month} {yyyy}",
    "de": "{d}. {month} {yyyy}",
    "fr": "{d} {month} {yyyy}",
    "nl": "{d} {month} {yyyy}",
}
SHORT_DATES: dict[Lang, str] = {
    "en": "{dd}/{mm}/{yy}",
    "de": "{dd}.{mm}.{yy}",
    "fr": "{dd}/{mm}/{yy}",
    "nl": "{dd}-{mm}-{yy}",
}
STAMP_MONTHS: dict[Lang, str] = {
    "en": "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC",
    "de": "JAN FEB MRZ APR MAI JUN JUL AUG SEP OKT NOV DEZ",
    "fr": "JANV FÉVR MARS AVR MAI JUIN JUIL AOÛT SEPT OCT NOV DÉC",
    "nl": "JAN FEB MRT APR MEI JUN JUL AUG SEP OKT NOV DEC",
}

GREY: Color = (0.38, 0.38, 0.38)
CARBON: Color = (0.16, 0.18, 0.52)
"""The typewriter-through-carbon ink of the filled-in pads (split into its own layer)."""
STAMP_INK: Color = (0.36, 0.2, 0.55)
"""The issuer's company rubber stamp on the pads."""
SERIAL_RED: Color = (0.78, 0.1, 0.12)


# --- vocabulary -------------------------------------------------------------------------------

Item = tuple[str, str, float, float]
"""Description, unit, lowest and highest unit price."""


@dataclass(frozen=True)
class Trade:
    names: tuple[str, ...]
    """Name patterns: `{s}` a surname, `{p}` a person."""
    tagline: str
    intro: str
    items: tuple[Item, ...]


TRADES: dict[Lang, tuple[Trade, ...]] = {
    "de": (
        Trade(
            ("Malerbetrieb {s} GmbH", "{s} Malerfachbetrieb e.K.", "Farbe & Raum {s} GmbH"),
            "Maler- und Lackierarbeiten · Fassaden · Bodenbeläge",
            "für die in Ihrem Auftrag ausgeführten Malerarbeiten berechnen wir Ihnen:",
            (
                ("Wandflächen spachteln und schleifen", "m²", 6, 14),
                ("Dispersionsanstrich weiß, 2-fach", "m²", 5, 12),
                ("Abdeck- und Schutzarbeiten", "pausch.", 45, 140),
                ("Türzarge lackieren", "Stk", 38, 85),
                ("Gesellenstunde", "Std.", 44, 58),
                ("Raufaser tapezieren", "m²", 7, 15),
                ("Kleinmaterial", "pausch.", 12, 60),
            ),
        ),
        Trade(
            ("Elektro {s} GmbH", "{s} Elektrotechnik e.K.", "Elektroinstallation {p}"),
            "Elektroinstallation · E-Check · Photovoltaik",
            "für die ausgeführten Elektroarbeiten erlauben wir uns zu berechnen:",
            (
                ("Steckdose UP setzen inkl. Material", "Stk", 28, 55),
                ("Leitung NYM-J 3x1,5 verlegen", "m", 4, 9),
                ("Fehlersuche und Messung", "Std.", 55, 78),
                ("Anfahrtspauschale", "pausch.", 25, 45),
                ("FI-Schutzschalter 40 A montieren", "Stk", 85, 160),
                ("E-Check mit Prüfprotokoll", "pausch.", 60, 120),
                ("Monteurstunde", "Std.", 52, 68),
            ),
        ),
        Trade(
            ("{s} IT-Service GmbH", "IT-Dienstleistungen {p}", "{s} EDV-Beratung UG"),
            "Netzwerke · Arbeitsplätze · Datensicherung",
            "für unsere Leistungen in Ihrem Büro stellen wir Ihnen in Rechnung:",
            (
                ("Vor-Ort-Einsatz Techniker", "Std.", 75, 110),
                ("Einrichtung Arbeitsplatz-PC", "Stk", 90, 180),
                ("Fernwartung (je 15 Min.)", "Einh.", 18, 28),
                ("Netzwerkkabel Cat.6, 5 m", "Stk", 6, 14),
                ("Virenschutz-Lizenz, 1 Jahr", "Stk", 29, 49),
                ("Datensicherung NAS einrichten", "pausch.", 120, 260),
            ),
        ),
        Trade(
            ("Gartenbau {s} GmbH", "{s} Garten- und Landschaftsbau", "Grünpflege {p}"),
            "Gartenpflege · Baumschnitt · Pflasterarbeiten",
            "für die Pflegearbeiten auf Ihrem Grundstück berechnen wir:",
            (
                ("Heckenschnitt inkl. Abfuhr", "Std.", 42, 56),
                ("Rasenfläche vertikutieren", "m²", 0.6, 1.4),
                ("Grünschnitt entsorgen", "m³", 28, 45),
                ("Rindenmulch liefern und einbauen", "m³", 55, 95),
                ("Pflanzarbeiten", "Std.", 40, 54),
                ("Maschineneinsatz Häcksler", "Std.", 35, 60),
            ),
        ),
    ),
    "en": (
        Trade(
            ("{s} Plumbing & Heating Ltd", "{s} & Sons Plumbing", "{p} Heating Services"),
            "Gas Safe registered · Boilers · Bathrooms",
            "Work carried out at the above address as agreed:",
            (
                ("Annual boiler service", "", 70, 110),
                ("Labour", "hrs", 40, 65),
                ("Thermostatic radiator valve", "", 18, 35),
                ("15mm copper pipe", "m", 4, 9),
                ("Call-out charge", "", 45, 85),
                ("Magnetic system filter fitted", "", 95, 160),
                ("Power flush, 10 radiators", "", 350, 480),
            ),
        ),
        Trade(
            ("{s} Decorators Ltd", "{p} Painting & Decorating", "{s} Interiors Ltd"),
            "Interior and exterior decorating · Wallpapering",
            "Decorating work as per our quotation:",
            (
                ("Prepare and paint walls, two coats", "m²", 6, 12),
                ("Gloss skirting boards", "m", 4, 8),
                ("Hang lining paper", "m²", 5, 9),
                ("Day rate, decorator", "days", 160, 220),
                ("Materials", "", 30, 120),
                ("Ceiling, mist coat and two coats", "m²", 7, 12),
            ),
        ),
        Trade(
            ("{s} Bookkeeping Ltd", "{p} Accounting Services", "{s} Accounts LLP"),
            "Bookkeeping · Payroll · VAT returns",
            "Professional services for the period:",
            (
                ("Monthly bookkeeping", "", 120, 280),
                ("Quarterly VAT return", "", 90, 160),
                ("Payroll, per employee", "", 8, 14),
                ("Year-end accounts", "", 450, 900),
                ("Ad hoc advice", "hrs", 45, 75),
                ("Confirmation statement filing", "", 35, 60),
            ),
        ),
        Trade(
            ("{p} Photography", "{s} Studio Ltd", "{s} Media Ltd"),
            "Commercial · Events · Portraits",
            "Photography as booked:",
            (
                ("Half-day shoot", "", 350, 600),
                ("Image editing", "hrs", 40, 65),
                ("Online gallery, 12 months", "", 25, 50),
                ("A3 fine art print", "", 35, 60),
                ("Travel", "", 20, 60),
            ),
        ),
    ),
    "fr": (
        Trade(
            ("Plomberie {s} SARL", "{s} Chauffage Sanitaire SAS", "EURL {s} Plomberie"),
            "Plomberie · Chauffage · Dépannage",
            "Suite à notre intervention, veuillez trouver le détail de nos prestations :",
            (
                ("Remplacement robinet thermostatique", "u", 45, 90),
                ("Main d'œuvre", "h", 42, 60),
                ("Déplacement", "forfait", 30, 55),
                ("Entretien chaudière gaz", "forfait", 95, 150),
                ("Tube cuivre 14/16", "m", 6, 12),
                ("Remplacement groupe de sécurité", "u", 80, 140),
            ),
        ),
        Trade(
            ("{s} Peinture SARL", "Peinture et Décoration {s}", "Atelier {s} Peinture"),
            "Peinture intérieure et extérieure · Revêtements",
            "Travaux réalisés conformément à notre devis :",
            (
                ("Préparation des supports", "m²", 5, 11),
                ("Peinture murs, deux couches", "m²", 9, 18),
                ("Peinture plafond", "m²", 10, 19),
                ("Protection des sols et du mobilier", "forfait", 60, 150),
                ("Fourniture peinture acrylique", "u", 35, 70),
                ("Pose toile de verre", "m²", 8, 14),
            ),
        ),
        Trade(
            ("{s} Informatique SAS", "Services Informatiques {s}", "{s} Conseil Informatique"),
            "Maintenance · Réseaux · Sauvegarde",
            "Prestations réalisées dans vos locaux :",
            (
                ("Intervention sur site", "h", 55, 90),
                ("Installation poste de travail", "u", 80, 150),
                ("Sauvegarde et restauration", "forfait", 90, 180),
                ("Câble réseau RJ45 5 m", "u", 6, 14),
                ("Licence antivirus 1 an", "u", 29, 49),
                ("Télémaintenance (30 min)", "u", 25, 45),
            ),
        ),
        Trade(
            ("{s} Paysages SARL", "Jardins {s}", "Espaces Verts {s} EURL"),
            "Entretien de jardins · Élagage · Aménagements",
            "Entretien de votre jardin :",
            (
                ("Taille de haies", "h", 35, 50),
                ("Tonte et ramassage", "forfait", 40, 90),
                ("Évacuation des déchets verts", "m³", 25, 40),
                ("Paillage écorces de pin", "m³", 60, 95),
                ("Plantation arbustes", "u", 12, 30),
            ),
        ),
    ),
    "nl": (
        Trade(
            ("Schildersbedrijf {s} B.V.", "{s} Schilderwerken", "Schildersbedrijf {p}"),
            "Binnen- en buitenschilderwerk · Behangwerk",
            "Voor de uitgevoerde werkzaamheden brengen wij u in rekening:",
            (
                ("Schilderwerk binnen, muren", "m²", 9, 16),
                ("Kozijnen schuren en lakken", "m", 12, 22),
                ("Afplakken en afdekken", "", 45, 120),
                ("Arbeidsloon schilder", "uur", 42, 55),
                ("Grondverf en lak", "liter", 18, 32),
                ("Voorrijkosten", "", 25, 45),
            ),
        ),
        Trade(
            ("Installatiebedrijf {s} B.V.", "{s} Installatietechniek V.O.F.", "Loodgieter {p}"),
            "Cv-ketels · Sanitair · Lekkages",
            "Hierbij ontvangt u de factuur voor de volgende werkzaamheden:",
            (
                ("Onderhoud cv-ketel", "", 85, 140),
                ("Thermostaatkraan vervangen", "st", 45, 85),
                ("Koperen buis 15 mm", "m", 5, 10),
                ("Arbeidsloon monteur", "uur", 48, 65),
                ("Voorrijkosten", "", 30, 50),
                ("Lekkage opsporen", "uur", 55, 80),
            ),
        ),
        Trade(
            ("Administratiekantoor {s}", "{s} Boekhouding B.V.", "{p} Financieel Advies"),
            "Administratie · Belastingaangiften · Salarissen",
            "Voor onze dienstverlening in de afgelopen periode:",
            (
                ("Maandelijkse administratie", "", 120, 260),
                ("Btw-aangifte kwartaal", "", 75, 150),
                ("Loonadministratie per medewerker", "", 9, 16),
                ("Jaarrekening", "", 450, 950),
                ("Advies", "uur", 65, 95),
            ),
        ),
        Trade(
            ("Hoveniersbedrijf {s}", "{s} Tuinen B.V.", "Groenvoorziening {p}"),
            "Tuinonderhoud · Snoeiwerk · Bestrating",
            "Voor het onderhoud van uw tuin:",
            (
                ("Snoeiwerk hagen", "uur", 38, 52),
                ("Gazon maaien", "", 35, 80),
                ("Afvoeren groenafval", "m³", 25, 45),
                ("Boomschors leveren en verwerken", "m³", 60, 95),
                ("Beplanting", "st", 8, 25),
            ),
        ),
    ),
}

Goods = tuple[str, str, float, float, bool]
"""Description, unit, lowest and highest unit price, reduced VAT rate."""

WHOLESALE: dict[Lang, tuple[tuple[str, ...], str, tuple[Goods, ...]]] = {
    "de": (
        ("Gastro-Großhandel {s} GmbH & Co. KG", "{s} Frischdienst GmbH", "{s} Großverbraucher KG"),
        "Großhandel für Gastronomie, Hotellerie und Gemeinschaftsverpflegung",
        (
            ("Weizenmehl Type 405, 25 kg", "Sack", 14, 24, True),
            ("Sonnenblumenöl 10 l", "Kan", 16, 32, True),
            ("Kaffee Crema ganze Bohne 1 kg", "Btl", 12, 22, True),
            ("Mineralwasser medium 12 x 1,0 l", "Kiste", 5, 9, False),
            ("Spülmittel Konzentrat 5 l", "Kan", 8, 18, False),
            ("Servietten 3-lagig 33 x 33, 250 St.", "Pkg", 6, 12, False),
            ("Zucker raffiniert 10 kg", "Sack", 9, 16, True),
            ("Tomaten geschält 2,5 kg", "Dose", 2.5, 5, True),
            ("Alufolie 45 cm x 150 m", "Rolle", 14, 26, False),
            ("Frischhaltefolie 30 cm x 300 m", "Rolle", 7, 14, False),
            ("Vollmilch 3,5 % 1 l, 12 St.", "Kart", 10, 16, True),
            ("Orangensaft 100 % 6 x 1 l", "Kart", 7, 13, False),
            ("Pommes frites 9 mm TK 4 x 2,5 kg", "Kart", 12, 22, True),
            ("Müllsäcke 120 l, 25 St.", "Rolle", 3, 7, False),
            ("Gouda mittelalt 48 % am Stück", "kg", 6, 11, True),
        ),
    ),
    "en": (
        ("{s} Cash & Carry Ltd", "{s} Foodservice Ltd", "{s} Catering Supplies Ltd"),
        "Wholesale food, drink and catering disposables",
        (
            ("Basmati rice 10kg", "bag", 14, 24, True),
            ("Plain flour 16kg", "bag", 9, 15, True),
            ("Vegetable oil 20L", "drum", 22, 38, True),
            ("Thick bleach 5L", "each", 3, 6, False),
            ("Blue centrefeed roll x6", "case", 9, 16, False),
            ("Still water 24 x 500ml", "case", 3.5, 7, False),
            ("Tea bags x1100", "box", 12, 22, True),
            ("Takeaway containers 650cc x250", "case", 14, 24, False),
            ("Granulated sugar 5kg", "bag", 4, 7, True),
            ("Chopped tomatoes 2.5kg tin", "tin", 2.5, 5, True),
            ("Nitrile gloves M x100", "box", 4, 9, False),
            ("Cola 24 x 330ml", "case", 9, 16, False),
            ("Frozen chips 4 x 2.5kg", "case", 11, 19, True),
            ("Mild cheddar 5kg block", "each", 24, 40, True),
        ),
    ),
    "fr": (
        ("{s} Distribution SAS", "Comptoir {s} SARL", "{s} Restauration Services SAS"),
        "Grossiste alimentaire et produits d'hygiène pour la restauration",
        (
            ("Farine T55 sac 25 kg", "sac", 14, 24, True),
            ("Huile de tournesol bidon 5 L", "bid", 9, 16, True),
            ("Café en grains 1 kg", "pqt", 12, 22, True),
            ("Eau minérale 6 x 1,5 L", "pack", 2.5, 5, True),
            ("Liquide vaisselle 5 L", "bid", 7, 15, False),
            ("Serviettes 2 plis 38 x 38 x 100", "pqt", 3, 7, False),
            ("Sucre en poudre 5 kg", "sac", 5, 9, True),
            ("Film étirable 45 cm x 300 m", "rlx", 8, 15, False),
            ("Gobelets carton 20 cl x 50", "pqt", 3, 6, False),
            ("Beurre doux 500 g", "u", 3, 6, True),
            ("Crème liquide 35 % 1 L", "u", 4, 7, True),
            ("Sacs poubelle 110 L x 25", "rlx", 4, 8, False),
            ("Frites surgelées 4 x 2,5 kg", "crt", 11, 19, True),
            ("Emmental râpé 1 kg", "sac", 7, 12, True),
        ),
    ),
    "nl": (
        ("Groothandel {s} B.V.", "{s} Horeca Groothandel B.V.", "{s} Foodservice B.V."),
        "Groothandel voor horeca, catering en instellingen",
        (
            ("Tarwebloem 25 kg", "zak", 14, 24, True),
            ("Zonnebloemolie 10 l", "can", 16, 30, True),
            ("Koffiebonen 1 kg", "zak", 12, 22, True),
            ("Bronwater 24 x 0,5 l", "tray", 5, 9, True),
            ("Afwasmiddel 5 l", "can", 7, 14, False),
            ("Servetten 33 x 33 3-laags (250)", "pak", 6, 12, False),
            ("Kristalsuiker 5 kg", "zak", 5, 9, True),
            ("Aluminiumfolie 45 cm x 150 m", "rol", 14, 25, False),
            ("Vuilniszakken 120 l (20 st)", "rol", 3, 7, False),
            ("Frituurvet 10 kg", "doos", 18, 30, True),
            ("Pils krat 24 x 0,3 l", "krat", 14, 22, False),
            ("Handschoenen nitril M (100)", "doos", 4, 9, False),
            ("Jonge Goudse kaas 48+", "kg", 7, 11, True),
            ("Friet 9 mm diepvries 4 x 2,5 kg", "doos", 11, 19, True),
        ),
    ),
}

PAD_TRADES: dict[Lang, tuple[tuple[tuple[str, ...], tuple[Item, ...]], ...]] = {
    "de": (
        (
            ("Fahrradwerkstatt {s}", "Zweirad {s}", "Radhaus {s}"),
            (
                ("Fahrradschlauch 28 Zoll", "", 5, 9),
                ("Bremsbeläge V-Brake", "", 8, 16),
                ("Kette 8-fach", "", 18, 32),
                ("Arbeitslohn", "Std.", 35, 52),
                ("Inspektion", "", 39, 69),
                ("Reifen 28 x 1,75", "", 22, 38),
            ),
        ),
        (
            ("Schlüsseldienst {s}", "Sicherheitstechnik {s}", "Schloss & Schlüssel {s}"),
            (
                ("Türöffnung", "", 65, 120),
                ("Profilzylinder 30/30", "", 25, 60),
                ("Anfahrt", "", 25, 45),
                ("Nachschlüssel", "", 4, 9),
                ("Arbeitszeit", "Std.", 45, 65),
            ),
        ),
    ),
    "en": (
        (
            ("{s} Cycles", "{s}'s Bike Repairs", "{s} Bike Works"),
            (
                ("Inner tube 700c", "", 5, 9),
                ("Brake pads", "", 8, 15),
                ("Chain 8 speed", "", 15, 30),
                ("Labour", "hrs", 30, 45),
                ("Full service", "", 35, 65),
                ("Tyre 700 x 32c", "", 18, 32),
            ),
        ),
        (
            ("{s} Locksmiths", "{s} Security", "{s} Keys & Locks"),
            (
                ("Emergency lock-out", "", 65, 110),
                ("Euro cylinder 35/35", "", 25, 55),
                ("Call out", "", 30, 60),
                ("Key cutting", "", 4, 9),
                ("Labour", "hrs", 40, 60),
            ),
        ),
    ),
    "fr": (
        (
            ("Cycles {s}", "Atelier Vélo {s}", "{s} Cycles et Motos"),
            (
                ("Chambre à air 700", "", 6, 10),
                ("Plaquettes de frein", "", 9, 18),
                ("Main d'œuvre", "h", 32, 48),
                ("Révision complète", "", 45, 79),
                ("Chaîne 9 vitesses", "", 18, 35),
                ("Pneu 700 x 32", "", 19, 34),
            ),
        ),
        (
            ("Serrurerie {s}", "{s} Clés Minute", "Dépannage Serrures {s}"),
            (
                ("Ouverture de porte", "", 70, 130),
                ("Cylindre de serrure", "", 28, 65),
                ("Reproduction de clé", "", 4, 10),
                ("Déplacement", "", 25, 45),
                ("Main d'œuvre", "h", 40, 60),
            ),
        ),
    ),
    "nl": (
        (
            ("Rijwielhandel {s}", "Fietsenmaker {s}", "Tweewielers {s}"),
            (
                ("Binnenband 28 inch", "", 5, 9),
                ("Remblokken", "", 8, 15),
                ("Arbeidsloon", "uur", 35, 50),
                ("Onderhoudsbeurt", "", 39, 69),
                ("Ketting", "", 15, 30),
                ("Buitenband 28 x 1,75", "", 19, 34),
            ),
        ),
        (
            ("Sleutelservice {s}", "Slotenmaker {s}", "{s} Sloten en Sleutels"),
            (
                ("Deur openen", "", 65, 120),
                ("Cilinderslot vervangen", "", 30, 65),
                ("Sleutel bijmaken", "", 4, 9),
                ("Voorrijkosten", "", 25, 45),
                ("Arbeidsloon", "uur", 40, 60),
            ),
        ),
    ),
}

Ware = tuple[str, float, float, bool]
"""A till item: description, lowest and highest price, reduced VAT rate."""

SHOPS: dict[Lang, tuple[tuple[tuple[str, ...], tuple[Ware, ...]], ...]] = {
    "de": (
        (
            ("Bäckerei {s}", "{s}s Backstube", "Bäckerei-Konditorei {s}"),
            (
                ("Roggenmischbrot 1kg", 3.2, 4.9, True),
                ("Brötchen", 0.4, 0.6, True),
                ("Laugenbrezel", 0.8, 1.3, True),
                ("Butterkuchen", 1.6, 2.6, True),
                ("Kaffee to go", 2.1, 3.4, False),
                ("Mohnschnecke", 1.5, 2.4, True),
                ("Mineralwasser 0,5l", 1.2, 1.9, False),
            ),
        ),
        (
            ("Eisenwaren {s}", "{s} Werkzeug & Beschlag", "Haushaltswaren {s}"),
            (
                ("Schrauben 4x40 verz. 100St", 3.9, 6.9, False),
                ("Dübel 6mm 50St", 2.5, 4.5, False),
                ("Kabelbinder 200mm 100St", 2.9, 5.5, False),
                ("Malerkrepp 30mm x 50m", 2.2, 4.9, False),
                ("Arbeitshandschuhe Gr. 9", 3.5, 7.9, False),
                ("Silikon transparent 310ml", 4.9, 8.9, False),
                ("Batterien Mignon AA 4er", 3.9, 6.5, False),
            ),
        ),
        (
            ("Kiosk am {s}platz", "Getränke {s}", "Lotto-Toto {s}"),
            (
                ("Tageszeitung", 1.9, 2.6, True),
                ("Cola 0,5l", 1.8, 2.4, False),
                ("Vollmilch 1l", 1.1, 1.6, True),
                ("Schokolade 100g", 1.3, 2.2, True),
                ("Kaugummi", 0.9, 1.5, True),
                ("Apfelschorle 0,5l", 1.5, 2.2, False),
                ("Briefmarke 0,85", 0.85, 0.85, False),
            ),
        ),
    ),
    "en": (
        (
            ("{s}'s Hardware", "{s} DIY Centre", "{s} Tools & Fixings"),
            (
                ("Screws 4x40mm 100pk", 3.49, 6.99, False),
                ("Wall plugs 6mm 50pk", 1.99, 3.99, False),
                ("Masking tape 25mm", 1.79, 3.49, False),
                ("AA batteries 4pk", 2.99, 5.49, False),
                ("Work gloves L", 2.99, 6.99, False),
                ("Clear silicone 310ml", 3.99, 7.49, False),
                ("Cable ties 200mm 100pk", 2.49, 4.99, False),
            ),
        ),
        (
            ("{s} Convenience Store", "{s}'s Corner Shop", "{s} Newsagents"),
            (
                ("Semi skimmed milk 2pt", 1.15, 1.65, True),
                ("Wholemeal loaf 800g", 1.25, 1.85, True),
                ("Free range eggs 6", 1.69, 2.49, True),
                ("Crisps multipack", 1.99, 3.25, False),
                ("Still water 500ml", 0.75, 1.25, False),
                ("Daily newspaper", 1.2, 2.0, True),
                ("Chocolate bar", 0.85, 1.45, False),
            ),
        ),
    ),
    "fr": (
        (
            ("Quincaillerie {s}", "Bricolage {s}", "Droguerie {s}"),
            (
                ("Vis agglo 4x40 boîte 200", 4.9, 8.9, False),
                ("Chevilles nylon 6 mm x50", 2.9, 4.9, False),
                ("Ruban de masquage 30 mm", 2.5, 4.9, False),
                ("Piles LR6 x4", 3.9, 6.9, False),
                ("Gants de travail T9", 3.5, 7.9, False),
                ("Ampoule LED E27 9W", 3.9, 7.5, False),
                ("Mastic silicone blanc", 4.9, 8.9, False),
            ),
        ),
        (
            ("Épicerie {s}", "Alimentation {s}", "Au Panier de {s}"),
            (
                ("Lait demi-écrémé 1 L", 0.95, 1.45, True),
                ("Pain de mie complet", 1.6, 2.6, True),
                ("Confiture abricot 370 g", 2.1, 3.6, True),
                ("Jus d'orange 1 L", 1.6, 2.9, True),
                ("Eau gazeuse 1 L", 0.6, 1.1, True),
                ("Liquide vaisselle", 1.5, 2.9, False),
                ("Tablette chocolat noir", 1.4, 2.6, True),
            ),
        ),
    ),
    "nl": (
        (
            ("Bakkerij {s}", "Warme Bakker {s}", "Banketbakkerij {s}"),
            (
                ("Volkoren brood heel", 2.6, 3.9, True),
                ("Krentenbollen 6 st", 2.4, 3.6, True),
                ("Appeltaart punt", 2.2, 3.4, True),
                ("Witte bollen 4 st", 1.6, 2.4, True),
                ("Stroopwafels", 2.1, 3.5, True),
                ("Saucijzenbroodje", 1.6, 2.6, True),
            ),
        ),
        (
            ("IJzerhandel {s}", "{s} Bouwmaterialen", "Doe-het-zelf {s}"),
            (
                ("Schroeven 4x40 (100)", 3.9, 6.9, False),
                ("Pluggen 6 mm (50)", 2.5, 4.5, False),
                ("Afplaktape 30 mm", 2.2, 4.9, False),
                ("Werkhandschoenen", 3.5, 7.5, False),
                ("Batterijen AA 4 st", 3.9, 6.5, False),
                ("Kitkoker transparant", 4.9, 8.9, False),
            ),
        ),
    ),
}

CAFES: dict[Lang, tuple[tuple[str, ...], tuple[Ware, ...]]] = {
    "de": (
        ("Café {s}", "Gasthaus Zur Linde", "Bistro am Markt", "Restaurant {s}"),
        (
            ("Cappuccino", 3.1, 3.9, False),
            ("Milchkaffee", 3.4, 4.2, False),
            ("Apfelschorle 0,4", 3.2, 4.1, False),
            ("Käsekuchen", 3.6, 4.6, False),
            ("Flammkuchen Elsässer Art", 9.5, 12.9, False),
            ("Weizenbier 0,5", 4.2, 5.2, False),
            ("Tagessuppe", 5.5, 7.5, False),
            ("Schnitzel Wiener Art", 14.9, 19.5, False),
        ),
    ),
    "en": (
        ("The {s} Arms", "{s}'s Café", "The Old Bakehouse Café"),
        (
            ("Flat white", 2.9, 3.6, False),
            ("Americano", 2.6, 3.3, False),
            ("Bacon roll", 3.5, 4.9, False),
            ("Full English", 8.5, 11.9, False),
            ("Pot of tea", 2.4, 3.2, False),
            ("Scone with jam", 2.9, 3.9, False),
            ("Orange juice", 2.2, 2.9, False),
        ),
    ),
    "fr": (
        ("Café du Commerce", "Brasserie {s}", "Le Bistrot de {s}"),
        (
            ("Café expresso", 1.6, 2.4, True),
            ("Café crème", 2.8, 3.8, True),
            ("Croque-monsieur", 6.5, 9.5, True),
            ("Salade niçoise", 11.5, 15.9, True),
            ("Demi pression", 3.2, 4.5, False),
            ("Verre de côtes-du-rhône", 4.0, 5.5, False),
            ("Plat du jour", 12.5, 16.9, True),
            ("Diabolo menthe", 3.0, 4.2, True),
        ),
    ),
    "nl": (
        ("Eetcafé {s}", "Café De Zwaan", "Lunchroom {s}"),
        (
            ("Koffie", 2.6, 3.4, True),
            ("Cappuccino", 3.1, 3.9, True),
            ("Verse muntthee", 3.2, 4.1, True),
            ("Tosti ham/kaas", 4.9, 6.5, True),
            ("Uitsmijter", 8.9, 11.5, True),
            ("Appeltaart met slagroom", 4.2, 5.5, True),
            ("Pils 0,25", 3.0, 3.9, False),
            ("Bitterballen (8)", 6.5, 8.5, True),
        ),
    ),
}
SHOP_NUMBER_LABEL: dict[Lang, tuple[str, ...]] = {
    "de": ("Bon-Nr.", "Bon-Nr:", "Beleg-Nr."),
    "en": ("Receipt No", "Receipt No.", "Rcpt No"),
    "fr": ("Ticket n°", "N° ticket", "Ticket"),
    "nl": ("Bonnummer", "Bonnr.", "Bon"),
}


# --- small helpers ----------------------------------------------------------------------------


def _pct(rate: Decimal, lang: Lang) -> str:
    """`19 %` (German, French), `20%` (English, Dutch), `5,5 %`."""
    text = format(rate.normalize(), "f")
    if lang != "en":
        text = text.replace(".", ",")
    return f"{text} %" if lang in ("de", "fr") else f"{text}%"


def _slug(text: str) -> str:
    plain = text.replace("ß", "ss").replace("ø", "o")
    plain = unicodedata.normalize("NFKD", plain).encode("ascii", "ignore").decode()
    return "".join(ch for ch in plain.lower() if ch.isalnum())


def _money_style(rng: random.Random, lang: Lang, *, grouped: bool = True) -> MoneyStyle:
    if lang == "en":
        return MoneyStyle("," if grouped else "", ".", "£", symbol_space=False)
    mark = rng.choice(("€", "€", "EUR"))
    if lang == "de":
        return MoneyStyle("." if grouped else "", ",", mark, symbol_after=True)
    if lang == "fr":
        return MoneyStyle(" " if grouped else "", ",", "€", symbol_after=True)
    return MoneyStyle("." if grouped else "", ",", mark)


def _wrap(text: str, width: float, fontname: str, size: float) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and text_width(trial, fontname, size) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines


def _fit(canvas: Canvas, text: str, size: float, width: float, *, bold: bool = False) -> float:
    """The largest size up to `size` at which `text` fits `width`."""
    while size > 5.5 and canvas.width_of(text, size=size, bold=bold) > width:
        size -= 0.25
    return size


def _person_line(rng: random.Random, lang: Lang) -> str:
    person = names.person(rng, lang)
    first, last = person.split(" ", 1)
    return {
        "de": rng.choice((person, f"Familie {last}", f"{first[0]}. {last}")),
        "en": rng.choice((person, f"{first[0]} {last}", f"Mr & Mrs {last}")),
        "fr": rng.choice((person, f"M. et Mme {last}", f"Famille {last}")),
        "nl": rng.choice((person, f"Fam. {last}", f"{first[0]}. {last}")),
    }[lang]


def _customer(rng: random.Random, lang: Lang) -> list[str]:
    if rng.random() < 0.55:
        head = [names.company(rng, lang)]
        if rng.random() < 0.5:
            attn = {"de": "z. Hd. ", "en": "FAO ", "fr": "À l'att. de ", "nl": "t.a.v. "}[lang]
            head.append(attn + names.person(rng, lang))
    else:
        head = [_person_line(rng, lang)]
    return head + names.address(rng, lang)


def _email(rng: random.Random, lang: Lang, surname: str) -> str:
    tld = {"de": "de", "fr": "fr", "nl": "nl"}.get(lang, "co.uk")
    word = _slug(surname) or "info"
    box = {"de": "buero", "en": "accounts", "fr": "contact", "nl": "administratie"}[lang]
    return rng.choice((f"info@{word}.{tld}", f"{box}@{word}-online.{tld}", f"{word}@mail.{tld}"))


@dataclass
class Draft:
    """A laid-out document before its capture: the page, its truth and what the capture needs."""

    canvas: Canvas
    fields: dict[str, Any]
    lang: Lang
    kind: Literal["invoice", "receipt"]
    money: MoneyStyle
    dates: DateStyle
    quantities: QuantityStyle
    issue: dt.date
    paper: Paper
    vendor: str
    truths: list[str]
    """The truth values as the page prints them: a capture covers no row holding one."""
    prices_include_tax: bool = False
    date_overrides: dict[str, DateStyle] = field(default_factory=dict)
    stamp: bool = True
    fax_number: str = ""


def _truth_strings(
    fields: dict[str, Any],
    money_style: MoneyStyle,
    dates: DateStyle,
    overrides: dict[str, DateStyle] | None = None,
) -> list[str]:
    overrides = overrides or {}
    out = [fields.get("invoice_number", ""), fields.get("vendor_name", "")]
    for key in ("invoice_date", "due_date"):
        if key in fields:
            out.append(overrides.get(key, dates).format(dt.date.fromisoformat(fields[key])))
    for key in ("total_amount", "subtotal_amount", "tax_amount"):
        if key in fields:
            out.append(money_style.number(Decimal(fields[key])))
    for row in fields.get("line_items", []):
        out += [
            row["description"],
            money_style.number(Decimal(row["unit_price"])),
            money_style.number(Decimal(row["amount"])),
        ]
    return [value for value in out if value]


def _footer_columns(
    canvas: Canvas, left: float, right: float, top: float, columns: list[list[str]], size: float
) -> None:
    width = (right - left) / len(columns)
    for index, rows in enumerate(columns):
        for row, text in enumerate(rows):
            canvas.text(left + index * width, top + row * (size + 2.2), text, size=size, color=GREY)


# --- typed: a small business's own invoice ----------------------------------------------------

TYPED_WORDS: dict[Lang, dict[str, tuple[str, ...]]] = {
    "de": {
        "title": ("Rechnung", "RECHNUNG"),
        "number": ("Rechnungsnummer", "Rechnungs-Nr.", "Rechnung Nr."),
        "date": ("Rechnungsdatum", "Datum"),
        "customer": ("Kunden-Nr.", "Kundennummer"),
        "order": ("Ihr Auftrag vom", "Angebot vom"),
        "service": ("Leistungsdatum", "Ausführung am"),
        "due": ("Fällig am", "Zahlbar bis"),
        "site": ("Objekt:", "Baustelle:", "Leistungsort:"),
        "table": ("Pos.", "Bezeichnung", "Menge", "Einheit", "Einzelpreis", "Gesamt"),
        "net": ("Nettobetrag", "Summe netto", "Zwischensumme"),
        "vat": ("zzgl. {rate} MwSt.", "Umsatzsteuer {rate}", "MwSt. {rate}"),
        "total": ("Rechnungsbetrag", "Gesamtbetrag", "Endbetrag"),
        "plain": ("Gesamtbetrag", "Rechnungsbetrag", "Summe"),
        "small": ("Gemäß § 19 UStG wird keine Umsatzsteuer berechnet.",),
        "greeting": ("Sehr geehrte Damen und Herren,", "Guten Tag,"),
        "closing": ("Mit freundlichen Grüßen", "Freundliche Grüße"),
        "thanks": ("Vielen Dank für Ihren Auftrag!", "Wir danken für Ihr Vertrauen."),
    },
    "en": {
        "title": ("INVOICE", "Invoice", "SALES INVOICE"),
        "number": ("Invoice No.", "Invoice number", "Invoice #"),
        "date": ("Invoice date", "Date", "Date / tax point"),
        "customer": ("Account", "Customer ref"),
        "order": ("Quote dated", "Your order of"),
        "service": ("Work completed", "Date of work"),
        "due": ("Due date", "Payment due"),
        "site": ("Job:", "Site address:", "Re:"),
        "table": ("Item", "Description", "Qty", "Unit", "Rate", "Amount"),
        "net": ("Subtotal", "Net total", "Total net"),
        "vat": ("VAT @ {rate}", "VAT {rate}", "Plus VAT at {rate}"),
        "total": ("Total due", "TOTAL", "Invoice total"),
        "plain": ("Total due", "TOTAL", "Amount due"),
        "small": ("Not registered for VAT.", "No VAT is charged: not VAT registered."),
        "greeting": ("",),
        "closing": ("Kind regards", "Many thanks"),
        "thanks": ("Thank you for your business.", "Thank you for choosing us."),
    },
    "fr": {
        "title": ("FACTURE", "Facture"),
        "number": ("Facture n°", "N° de facture", "Facture N°"),
        "date": ("Date", "Date de facture", "Date d'émission"),
        "customer": ("Code client", "Client n°"),
        "order": ("Devis accepté le", "Votre commande du"),
        "service": ("Date d'intervention", "Date de réalisation"),
        "due": ("Échéance", "Date d'échéance"),
        "site": ("Chantier :", "Lieu d'intervention :", "Objet :"),
        "table": ("N°", "Désignation", "Qté", "Unité", "P.U. HT", "Montant HT"),
        "net": ("Total HT", "Montant HT"),
        "vat": ("TVA {rate}", "TVA à {rate}"),
        "total": ("Total TTC", "Net à payer", "Montant TTC"),
        "plain": ("Net à payer", "Total à payer", "Montant total"),
        "small": ("TVA non applicable, art. 293 B du CGI.",),
        "greeting": ("Madame, Monsieur,",),
        "closing": ("Cordialement,", "Salutations distinguées,"),
        "thanks": ("Merci de votre confiance.", "Nous vous remercions de votre confiance."),
    },
    "nl": {
        "title": ("FACTUUR", "Factuur"),
        "number": ("Factuurnummer", "Factuurnr.", "Factuur nr."),
        "date": ("Factuurdatum", "Datum"),
        "customer": ("Klantnummer", "Debiteurnr."),
        "order": ("Offerte d.d.", "Uw opdracht van"),
        "service": ("Uitgevoerd op", "Datum werkzaamheden"),
        "due": ("Vervaldatum", "Uiterste betaaldatum"),
        "site": ("Project:", "Adres werk:", "Betreft:"),
        "table": ("Nr.", "Omschrijving", "Aantal", "Eenheid", "Prijs", "Bedrag"),
        "net": ("Subtotaal", "Totaal excl. btw", "Totaal exclusief BTW"),
        "vat": ("Btw {rate}", "BTW {rate}", "{rate} btw"),
        "total": ("Totaal", "Totaal incl. btw", "Te betalen"),
        "plain": ("Totaal", "Te betalen", "Totaalbedrag"),
        "small": ("Vrijgesteld van btw op grond van de kleineondernemersregeling (KOR).",),
        "greeting": ("Geachte heer, mevrouw,", "Beste klant,"),
        "closing": ("Met vriendelijke groet,", "Met vriendelijke groeten,"),
        "thanks": ("Hartelijk dank voor uw opdracht.", "Bedankt voor het vertrouwen."),
    },
}


def _terms(
    rng: random.Random,
    lang: Lang,
    mode: str,
    *,
    due: str,
    skonto_date: str,
    skonto: str,
    pay: str,
    iban: str,
) -> str:
    """The payment sentence: `due` names the due date, `skonto` adds an earlier discount date and
    its amounts, `none` gives only a number of days or `on receipt`."""
    texts = {
        "de": {
            "due": (
                f"Bitte überweisen Sie den Rechnungsbetrag bis zum {due} ohne Abzug auf das "
                "unten genannte Konto.",
                f"Zahlbar bis {due} ohne Abzug.",
            ),
            "skonto": (
                f"Zahlbar bis {due} ohne Abzug oder bis {skonto_date} abzüglich 2 % Skonto "
                f"({skonto}), Zahlbetrag dann {pay}.",
            ),
            "none": (
                "Zahlbar innerhalb von 14 Tagen nach Rechnungsdatum ohne Abzug.",
                "Der Rechnungsbetrag ist sofort nach Erhalt ohne Abzug fällig.",
            ),
        },
        "en": {
            "due": (
                f"Payment is due by {due}. Please use the invoice number as your reference.",
                f"Please pay by {due} by bank transfer.",
            ),
            "skonto": (
                f"A prompt payment discount of 2% ({skonto}) applies if paid by {skonto_date}, "
                f"i.e. {pay}; otherwise the full amount is due by {due}.",
            ),
            "none": (
                "Payment terms: strictly 14 days from the date of this invoice.",
                "Payment within 30 days of invoice, please.",
            ),
        },
        "fr": {
            "due": (
                f"Paiement par virement au plus tard le {due}.",
                f"Règlement à réception, au plus tard le {due}.",
            ),
            "skonto": (
                f"Escompte de 2 % ({skonto}) pour paiement avant le {skonto_date}, soit {pay} ; "
                f"à défaut, règlement au plus tard le {due}.",
            ),
            "none": ("Règlement à réception de facture.", "Paiement à 30 jours date de facture."),
        },
        "nl": {
            "due": (
                f"Wij verzoeken u vriendelijk het bedrag vóór {due} over te maken op {iban} "
                "onder vermelding van het factuurnummer.",
                f"Gelieve te betalen vóór {due}.",
            ),
            "skonto": (
                f"Bij betaling vóór {skonto_date} mag u 2% betalingskorting ({skonto}) in "
                f"mindering brengen en betaalt u {pay}; uiterlijk {due} netto.",
            ),
            "none": (
                "Betaling binnen 14 dagen na factuurdatum.",
                f"Betaling binnen 30 dagen op {iban}.",
            ),
        },
    }
    return rng.choice(texts[lang][mode])


def _typed(rng: random.Random, lang: Lang) -> Draft:
    words = {key: rng.choice(value) for key, value in TYPED_WORDS[lang].items()}
    trade = rng.choice(TRADES[lang])
    family = choose(rng, [(4, "tiro"), (4, "helv"), (2, "cour")])
    canvas = Canvas(*A4, family=family)
    size = 8.8 if family == "cour" else 9.5
    left = rng.uniform(60, 72)
    right = A4[0] - rng.uniform(50, 60)
    style = _money_style(rng, lang)
    quantities = QuantityStyle("." if lang == "en" else ",")
    dates_style = DateStyle(rng.choice(NUMERIC_DATES[lang]), lang)
    dates = pick_dates(rng, dates_style, due_days=(14, 21, 30))
    letter = lang != "en" and rng.random() < 0.45
    overrides: dict[str, DateStyle] = {}
    issue_style = dates_style
    if letter and rng.random() < 0.4:
        issue_style = DateStyle(LONG_DATES[lang], lang)
        overrides["invoice_date"] = issue_style
    person = names.person(rng, lang)
    surname = person.split(" ", 1)[1] if rng.random() < 0.5 else names.surname(rng, lang)
    vendor = rng.choice(trade.names).format(s=surname, p=person)
    street, town = names.address(rng, lang)
    phone = names.phone(rng, COUNTRY[lang])
    email = _email(rng, lang, person.split(" ", 1)[1] if "{p}" in vendor else surname)
    iban = names.iban(rng, COUNTRY[lang])
    year = dates.issue.year
    invoice_no = number(
        rng,
        rng.choice(("{yyyy}-0###", "RE-{yy}###", "{yyyy}/##", "F{yyyy}-###", "INV-####", "###")),
        year,
    )
    vat_registered = rng.random() < 0.78
    rate = STANDARD[lang]
    lines = [
        Line(description, _qty(rng, unit), _unit_price(rng, low, high), unit)
        for description, unit, low, high in rng.sample(
            trade.items, rng.randint(1, min(6, len(trade.items)))
        )
    ]
    _, subtotal, tax, total = net_totals(lines, [rate] * len(lines))
    if not vat_registered:
        tax, total = Decimal(0), subtotal

    # letterhead
    header = rng.choice(("left", "centre", "right"))
    contact = [street, town, f"Tel. {phone}" if lang != "en" else f"Tel: {phone}", email]
    if header == "centre":
        canvas.text(A4[0] / 2, 58, vendor, size=17, bold=True, align="center")
        canvas.text(A4[0] / 2, 73, trade.tagline, size=8.5, align="center", color=GREY)
        canvas.text(A4[0] / 2, 86, f"{street} · {town} · {contact[2]}", size=7.5, align="center")
        canvas.line(left, 94, right, 94, width=0.8)
    else:
        edge, align = (left, "left") if header == "left" else (right, "right")
        other, other_align = (right, "right") if header == "left" else (left, "left")
        canvas.text(edge, 62, vendor, size=15.5, bold=True, align=align)  # type: ignore[arg-type]
        canvas.text(edge, 76, trade.tagline, size=8, color=GREY, align=align)  # type: ignore[arg-type]
        for index, text in enumerate(contact):
            canvas.text(other, 52 + index * 10.5, text, size=7.8, align=other_align)  # type: ignore[arg-type]
        if rng.random() < 0.6:
            canvas.line(left, 100, right, 100, width=0.5, color=GREY)

    # address window and information block
    if lang != "en":
        canvas.text(left, 138, f"{vendor} · {street} · {town}", size=6.3, color=GREY)
        canvas.line(left, 140.5, left + 230, 140.5, width=0.3, color=GREY)
    y = 156.0
    for text in _customer(rng, lang):
        canvas.text(left, y, text, size=size)
        y += size + 3.5
    issue_text = issue_style.format(dates.issue)
    due_text = dates_style.format(dates.due)
    customer_no = number(rng, rng.choice(("1####", "K-####", "D####", "####")), year)
    due_mode = choose(
        rng, [(3, "terms"), (2, "meta"), (2, "none")] + [(2, "skonto")] * (lang != "en")
    )
    if lang == "en" and rng.random() < 0.15:
        due_mode = "skonto"
    pairs: list[tuple[str, str]] = []
    if not letter:
        pairs += [(words["number"], invoice_no), (words["date"], issue_text)]
    pairs.append((words["customer"], customer_no))
    if rng.random() < 0.6:
        pairs.append((words["order"], dates_style.format(dates.other[0])))
    service_day = dates.issue - dt.timedelta(days=rng.randint(1, 9))
    if rng.random() < 0.5:
        pairs.append((words["service"], dates_style.format(service_day)))
    if due_mode == "meta":
        pairs.append((words["due"], due_text))
    label_x = right - 205
    meta_y = 156.0
    for label, value in pairs:
        canvas.text(label_x, meta_y, label, size=size - 0.6, bold=family != "cour")
        canvas.text(right, meta_y, value, size=size - 0.6, align="right")
        meta_y += size + 4
    y = max(y, meta_y) + 26

    if letter:
        place = town.split(" ", 1)[1] if " " in town else town
        canvas.text(right, y, f"{place}, {issue_text}", size=size, align="right")
        y += 28
        subject = {"de": "Rechnung Nr.", "fr": "Facture n°", "nl": "Factuur"}[lang]
        canvas.text(left, y, f"{subject} {invoice_no}", size=12, bold=True)
    else:
        canvas.text(left, y, words["title"], size=rng.choice((14, 16, 18)), bold=True)
    y += 22
    if rng.random() < 0.6:
        site = ", ".join(names.address(rng, lang))
        canvas.text(left, y, f"{words['site']} {site}", size=size)
        y += size + 8
    if words["greeting"] and rng.random() < 0.7:
        canvas.text(left, y, words["greeting"], size=size)
        y += size + 4
        for text in _wrap(trade.intro, right - left, canvas.regular, size):
            canvas.text(left, y, text, size=size)
            y += size + 4
        y += 6
    elif rng.random() < 0.5:
        canvas.text(left, y, trade.intro, size=size)
        y += size + 8

    # table
    table_size = size - 0.8
    qty_edge, unit_x, price_edge = right - 172, right - 164, right - 72
    desc_x = left + 26
    labels = TYPED_WORDS[lang]["table"]
    columns = [
        Column(labels[0], left),
        Column(labels[1], desc_x),
        Column(labels[2], qty_edge, "right"),
        Column(labels[3], unit_x),
        Column(labels[4], price_edge, "right"),
        Column(labels[5], right, "right"),
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
    rules: Rules = rng.choice(("header", "grid", "none", "zebra"))
    y = draw_table(
        canvas,
        y,
        columns,
        rows,
        left=left - 4,
        right=right + 4,
        size=table_size,
        row_height=table_size + 7,
        rules=rules,
        header_fill=(0.88, 0.88, 0.88) if rules in ("grid", "zebra") else None,
    )
    y += 12

    # totals
    label_x = right - 200
    total_rows: list[tuple[str, str, bool]] = []
    if vat_registered:
        total_rows += [
            (words["net"], style.amount(subtotal), False),
            (words["vat"].format(rate=_pct(rate, lang)), style.amount(tax), False),
        ]
        total_rows.append((words["total"], style.amount(total), True))
    else:
        total_rows.append((words["plain"], style.amount(total), True))
    for label, value, strong in total_rows:
        if strong and len(total_rows) > 1:
            canvas.line(label_x, y - size - 1, right, y - size - 1, width=0.6)
        canvas.text(label_x, y, label, size=size + (1 if strong else 0), bold=strong)
        canvas.text(right, y, value, size=size + (1 if strong else 0), bold=strong, align="right")
        y += size + 6
    if not vat_registered:
        canvas.text(left, y + 4, words["small"], size=size - 0.8)
        y += size + 6
    y += 16

    # terms, greeting, footer
    skonto_day = dates.issue + dt.timedelta(days=rng.choice((7, 8, 10)))
    skonto = money(total * Decimal("0.02"))
    terms = _terms(
        rng,
        lang,
        "due" if due_mode == "terms" else ("none" if due_mode == "meta" else due_mode),
        due=due_text,
        skonto_date=dates_style.format(skonto_day),
        skonto=style.amount(skonto),
        pay=style.amount(total - skonto),
        iban=iban,
    )
    for text in _wrap(terms, right - left, canvas.regular, size):
        canvas.text(left, y, text, size=size)
        y += size + 4
    if lang == "fr":
        canvas.text(
            left,
            y,
            "Indemnité forfaitaire pour frais de recouvrement en cas de retard : 40 €.",
            size=size - 1.5,
            color=GREY,
        )
        y += size + 2
    y += 10
    canvas.text(left, y, words["thanks"], size=size)
    y += size + 12
    canvas.text(left, y, words["closing"], size=size)
    canvas.text(left, y + 30, person, size=size)

    bank = {
        "de": rng.choice(("Sparkasse", "Volksbank", "Commerzbank", "Postbank")),
        "en": rng.choice(("Barclays", "NatWest", "Lloyds Bank", "HSBC UK")),
        "fr": rng.choice(("Crédit Agricole", "BNP Paribas", "Banque Populaire", "LCL")),
        "nl": rng.choice(("Rabobank", "ING", "ABN AMRO")),
    }[lang]
    tax_ids = {
        "de": [f"St.-Nr. {names.digits(rng, 3)}/{names.digits(rng, 3)}/{names.digits(rng, 5)}"]
        + ([f"USt-IdNr. {names.vat_id(rng, 'DE')}"] if vat_registered else []),
        "en": [f"Company No. {names.digits(rng, 8)}"]
        + ([f"VAT Reg. No. {names.vat_id(rng, 'GB')}"] if vat_registered else []),
        "fr": [
            f"SIRET {names.digits(rng, 3)} {names.digits(rng, 3)} {names.digits(rng, 3)} "
            f"{names.digits(rng, 5)}",
            f"APE {names.digits(rng, 4)}Z",
        ]
        + ([f"TVA {names.vat_id(rng, 'FR')}"] if vat_registered else []),
        "nl": [f"KvK {names.digits(rng, 8)}"]
        + ([f"Btw-id {names.vat_id(rng, 'NL')}"] if vat_registered else []),
    }[lang]
    footer_y = 792
    canvas.line(left, footer_y - 11, right, footer_y - 11, width=0.4, color=GREY)
    _footer_columns(
        canvas,
        left,
        right,
        footer_y,
        [[vendor, street, town], [bank, iban, f"{phone}"], tax_ids],
        6.6,
    )

    fields = truth_fields(
        number=invoice_no,
        issue=dates.issue,
        due=dates.due if due_mode != "none" else None,
        vendor=vendor,
        total=total,
        subtotal=subtotal if vat_registered else None,
        tax=tax if vat_registered else None,
        currency=CURRENCY[lang],
        lines=lines,
    )
    return Draft(
        canvas,
        fields,
        lang,
        "invoice",
        style,
        dates_style,
        quantities,
        dates.issue,
        "a4",
        vendor,
        _truth_strings(fields, style, dates_style, overrides),
        prices_include_tax=not vat_registered,
        date_overrides=overrides,
    )


def _qty(rng: random.Random, unit: str) -> Decimal:
    """Hours and days in halves, areas and lengths in whole or half metres, pieces whole."""
    if unit in ("Std.", "hrs", "h", "uur", "days"):
        return Decimal(rng.randint(1, 24)) / 2
    if unit in ("m²", "m"):
        return Decimal(rng.randint(8, 180)) / 2
    if unit in ("m³", "liter"):
        return Decimal(rng.randint(1, 8))
    return Decimal(choose(rng, [(6, 1), (2, 2), (1, 3), (1, 4), (1, 6)]))


def _unit_price(rng: random.Random, low: float, high: float) -> Decimal:
    if low == high:
        return Decimal(str(low))
    return price(rng, low, high)


# --- wholesale: a cash-and-carry or catering wholesaler's ERP invoice --------------------------

WHOLESALE_WORDS: dict[Lang, dict[str, Any]] = {
    "de": {
        "title": ("RECHNUNG", "Rechnung"),
        "number": "Rechnungs-Nr.",
        "date": "Rechnungsdatum",
        "customer": "Kunden-Nr.",
        "note": "Lieferschein-Nr.",
        "delivered": "Lieferdatum",
        "order": "Ihre Bestellung",
        "route": "Tour / Fahrer",
        "page": ("Seite", "1 von 1"),
        "ship_to": "Lieferanschrift:",
        "cols": ("Pos", "Art.-Nr.", "Bezeichnung", "Menge", "ME", "Preis/ME", "MwSt", "Betrag"),
        "counts": ("Positionen", "Colli", "Gewicht"),
        "vat_head": ("MwSt-Satz", "Netto", "MwSt", "Brutto"),
        "net": "Warenwert netto",
        "vat": "MwSt gesamt",
        "vat_rate": "MwSt {rate}",
        "total": ("Rechnungsbetrag", "Endbetrag", "Gesamtbetrag EUR"),
        "phone": "Telefon",
        "fax": "Telefax",
        "hours": "Abholmarkt Mo–Fr 6–18 Uhr, Sa 7–12 Uhr",
        "codes": (("1", "2"), ("A", "B"), None),
    },
    "en": {
        "title": ("INVOICE", "TAX INVOICE", "Sales Invoice"),
        "number": "Invoice No",
        "date": "Invoice Date",
        "customer": "Account No",
        "note": "Delivery Note",
        "delivered": "Delivery Date",
        "order": "Your Order",
        "route": "Route / Van",
        "page": ("Page", "1 of 1"),
        "ship_to": "Deliver to:",
        "cols": ("Line", "Code", "Description", "Qty", "Unit", "Price", "VAT", "Value"),
        "counts": ("Lines", "Cases", "Weight"),
        "vat_head": ("VAT Rate", "Net", "VAT", "Gross"),
        "net": "Goods (ex VAT)",
        "vat": "Total VAT",
        "vat_rate": "VAT @ {rate}",
        "total": ("Invoice Total", "TOTAL DUE", "Amount Payable"),
        "phone": "Tel",
        "fax": "Fax",
        "hours": "Trade counter Mon-Fri 6am-6pm, Sat 7am-12pm",
        "codes": (("Z", "S"),),
    },
    "fr": {
        "title": ("FACTURE", "Facture"),
        "number": "N° facture",
        "date": "Date facture",
        "customer": "Code client",
        "note": "N° BL",
        "delivered": "Date livraison",
        "order": "Votre commande",
        "route": "Tournée",
        "page": ("Page", "1/1"),
        "ship_to": "Livré à :",
        "cols": ("Lig.", "Réf.", "Désignation", "Qté", "U", "P.U. HT", "TVA", "Montant HT"),
        "counts": ("Lignes", "Colis", "Poids"),
        "vat_head": ("Taux TVA", "Base HT", "TVA", "TTC"),
        "net": "Total HT",
        "vat": "Total TVA",
        "vat_rate": "TVA {rate}",
        "total": ("Total TTC", "Net à payer TTC", "NET A PAYER"),
        "phone": "Tél.",
        "fax": "Fax",
        "hours": "Libre-service ouvert du lundi au vendredi de 6 h à 18 h",
        "codes": (("1", "2"), None),
    },
    "nl": {
        "title": ("FACTUUR", "Factuur"),
        "number": "Factuurnr.",
        "date": "Factuurdatum",
        "customer": "Debiteurnr.",
        "note": "Pakbonnr.",
        "delivered": "Leverdatum",
        "order": "Uw order",
        "route": "Route",
        "page": ("Pagina", "1 van 1"),
        "ship_to": "Afleveradres:",
        "cols": ("Regel", "Art.nr.", "Omschrijving", "Aantal", "Eenh.", "Prijs", "BTW", "Bedrag"),
        "counts": ("Regels", "Colli", "Gewicht"),
        "vat_head": ("BTW", "Grondslag", "BTW-bedrag", "Incl."),
        "net": "Totaal excl. BTW",
        "vat": "Totaal BTW",
        "vat_rate": "BTW {rate}",
        "total": ("Totaal incl. BTW", "Te betalen", "TOTAAL"),
        "phone": "Tel.",
        "fax": "Fax",
        "hours": "Cash & carry ma t/m vr 6.00-18.00 uur, za 7.00-12.00 uur",
        "codes": (("L", "H"), None),
    },
}


def _wholesale_terms(
    rng: random.Random,
    lang: Lang,
    mode: str,
    *,
    due: str,
    other: str,
    skonto: str,
    iban: str,
) -> list[str]:
    raw = iban.replace(" ", "")
    masked = f"{raw[:4]} **** **** {raw[-4:]}"
    creditor = f"DE{names.digits(rng, 2)}ZZZ0000{names.digits(rng, 7)}"
    texts: dict[Lang, dict[str, list[str]]] = {
        "de": {
            "due": [f"Zahlbar bis {due} rein netto."],
            "skonto": [
                f"Zahlbar bis {due} netto; bei Zahlung bis {other} 2 % Skonto = {skonto}.",
            ],
            "debit": [
                f"Der Rechnungsbetrag wird am {other} per SEPA-Lastschrift von Ihrem Konto "
                f"{masked} eingezogen.",
                f"Mandatsreferenz K{names.digits(rng, 6)}, Gläubiger-ID {creditor}.",
            ],
        },
        "en": {
            "due": [f"Payment due: {due}. Overdue accounts may be placed on stop."],
            "skonto": [
                f"Payment due: {due}. Settlement discount {skonto} if paid by {other}.",
            ],
            "debit": [
                f"This invoice will be collected by Direct Debit on or after {other} "
                f"from account {masked}.",
            ],
        },
        "fr": {
            "due": [
                f"Échéance : {due} - règlement par virement.",
                "Pas d'escompte pour paiement anticipé. Pénalités de retard : trois fois le taux "
                "d'intérêt légal.",
            ],
            "skonto": [
                f"Échéance : {due}. Escompte 2 % pour paiement avant le {other} : {skonto}.",
                "Pénalités de retard : trois fois le taux d'intérêt légal.",
            ],
            "debit": [
                f"Prélèvement SEPA le {other} sur le compte {masked}.",
                "Pas d'escompte pour paiement anticipé.",
            ],
        },
        "nl": {
            "due": [f"Vervaldatum: {due}. Betaling op {iban} o.v.v. factuurnummer."],
            "skonto": [
                f"Vervaldatum: {due}. Bij betaling vóór {other} 2% kredietbeperking: {skonto}.",
            ],
            "debit": [
                f"Het bedrag wordt op of na {other} automatisch geïncasseerd van rekening "
                f"{masked}.",
            ],
        },
    }
    out = texts[lang][mode]
    if lang == "fr":
        out = [*out, "Indemnité forfaitaire pour frais de recouvrement : 40,00 €."]
    return out


def _wholesale(rng: random.Random, lang: Lang) -> Draft:
    words = WHOLESALE_WORDS[lang]
    vendor_names, tagline, goods = WHOLESALE[lang]
    canvas = Canvas(*A4, family="helv")
    left, right = 36.0, A4[0] - 36.0
    style = _money_style(rng, lang)
    quantities: QuantityStyle = (
        FixedQuantity("." if lang == "en" else ",", rng.choice((2, 3)))
        if rng.random() < 0.5
        else QuantityStyle("." if lang == "en" else ",")
    )
    dates_style = DateStyle(NUMERIC_DATES[lang][0], lang)
    dates = pick_dates(rng, dates_style, due_days=(10, 14, 30))
    surname = names.surname(rng, lang)
    vendor = rng.choice(vendor_names).format(s=surname)
    street, town = names.address(rng, lang)
    country = COUNTRY[lang]
    phone, fax = names.phone(rng, country), names.phone(rng, country)
    iban = names.iban(rng, country)
    year = dates.issue.year
    patterns = {
        "de": ("9{yy}######", "RG{yy}-#####", "7#######"),
        "en": ("SI{yy}#####", "INV######", "7#######"),
        "fr": ("FA{yy}#####", "{yy}######", "F-######"),
        "nl": ("{yyyy}#####", "VF{yy}-#####", "7#######"),
    }
    invoice_no = number(rng, rng.choice(patterns[lang]), year)

    picks = rng.sample(goods, rng.randint(5, 14))
    lines = [
        Line(
            description,
            quantity(rng, fractional=0.8) if unit == "kg" else Decimal(rng.randint(1, 24)),
            price(rng, low, high),
            unit,
        )
        for description, unit, low, high, _ in picks
    ]
    rates = [REDUCED[lang] if reduced else STANDARD[lang] for *_, reduced in picks]
    groups, subtotal, tax, total = net_totals(lines, rates)
    codes = rng.choice(words["codes"])

    def code(rate: Decimal) -> str:
        if codes is None:
            return _pct(rate, lang).replace(" ", "")
        return codes[0] if rate == REDUCED[lang] else codes[1]

    # letterhead
    x = left
    if rng.random() < 0.5:
        initials = "".join(part[0] for part in vendor.split()[:2]).upper()
        canvas.box(left, 30, left + 38, 68, stroke=None, fill=(0.2, 0.2, 0.2))
        canvas.text(left + 19, 54, initials, size=14, bold=True, align="center", color=(1, 1, 1))
        x = left + 48
    canvas.text(x, 46, vendor, size=_fit(canvas, vendor, 15, 290, bold=True), bold=True)
    canvas.text(x, 58, tagline, size=7.2, color=GREY)
    canvas.text(x, 69, f"{street} · {town}", size=7.2)
    contact = [
        (words["phone"], phone),
        (words["fax"], fax),
        ("E-Mail", f"{_mailbox(rng, lang)}@{_slug(surname)}-{_site(lang)}"),
        ("Web", f"www.{_slug(surname)}-{_site(lang)}"),
    ]
    for index, (label, value) in enumerate(contact):
        canvas.text(right - 150, 38 + index * 9.5, label, size=7)
        canvas.text(right, 38 + index * 9.5, value, size=7, align="right")
    canvas.text(right, 38 + 4 * 9.5 + 2, words["hours"], size=6.2, align="right", color=GREY)
    canvas.line(left, 86, right, 86, width=1.2)

    # addresses and information
    canvas.text(left, 110, f"{vendor} · {street} · {town}", size=5.8, color=GREY)
    y = 124.0
    customer = [names.company(rng, lang), *names.address(rng, lang)]
    for text in customer:
        canvas.text(left, y, text, size=9)
        y += 12
    customer_no = names.digits(rng, rng.choice((5, 6)))
    note_no = number(rng, "8#######", year)
    order_no = number(rng, rng.choice(("PO-####", "####", "B{yy}/###")), year)
    delivered = dates.issue - dt.timedelta(days=rng.randint(0, 3))
    order_day = dates.other[0]
    info = [
        (words["number"], invoice_no),
        (words["date"], dates_style.format(dates.issue)),
        (words["customer"], customer_no),
        (words["note"], note_no),
        (words["delivered"], dates_style.format(delivered)),
        (words["order"], f"{order_no} / {dates_style.format(order_day)}"),
        (words["route"], f"{rng.randint(1, 40)} / {names.surname(rng, lang)}"),
        (words["page"][0], words["page"][1]),
    ]
    side = rng.random() < 0.5
    ship = rng.random() < 0.55
    if side:
        box_x, box_y = right - 215, 104
        step = 13.0
        canvas.box(box_x, box_y, right, box_y + step * len(info) + 4, width=0.6)
        for index, (label, value) in enumerate(info):
            row_y = box_y + 11 + index * step
            canvas.text(box_x + 6, row_y, label, size=7.5, color=GREY)
            canvas.text(right - 6, row_y, value, size=8.2, align="right", bold=index < 2)
        y = max(y, box_y + step * len(info) + 4)
        if ship:
            y += 8
            canvas.text(left, y, words["ship_to"], size=7.5, bold=True)
            for text in [names.company(rng, lang), names.address(rng, lang)[0]]:
                y += 10.5
                canvas.text(left, y, text, size=8)
        y += 26
        title = rng.choice(words["title"])
        canvas.text(left, y, title, size=15, bold=True)
        y += 14
    else:
        if ship:
            ship_y = 124.0
            canvas.text(310, ship_y - 12, words["ship_to"], size=7.5, bold=True)
            for text in [names.company(rng, lang), *names.address(rng, lang)]:
                canvas.text(310, ship_y, text, size=8.5)
                ship_y += 11.5
        y = 190.0
        title = rng.choice(words["title"])
        canvas.text(left, y + 12, title, size=15, bold=True)
        y += 22
        band = info[:7]
        width = (right - left) / len(band)
        canvas.box(left, y, right, y + 28, width=0.6)
        canvas.box(left, y, right, y + 11, stroke=None, fill=(0.9, 0.9, 0.9))
        for index, (label, value) in enumerate(band):
            cx = left + index * width
            if index:
                canvas.line(cx, y, cx, y + 28, width=0.4)
            canvas.text(cx + 3, y + 8.5, label, size=_fit(canvas, label, 6.4, width - 5))
            canvas.text(
                cx + 3, y + 23, value, size=_fit(canvas, value, 8, width - 5), bold=index < 2
            )
        y += 40

    # line table
    cols = words["cols"]
    edges = (left + 3, left + 27, left + 72, right - 200, right - 194, right - 115, right - 100)
    ean = len(lines) <= 9 and rng.random() < 0.5
    header_h = 14.0
    canvas.box(left, y, right, y + header_h, stroke=None, fill=(0.86, 0.86, 0.86))
    heads = [
        (cols[0], edges[0], "left"),
        (cols[1], edges[1], "left"),
        (cols[2], edges[2], "left"),
        (cols[3], edges[3], "right"),
        (cols[4], edges[4], "left"),
        (cols[5], edges[5], "right"),
        (cols[6], edges[6], "left"),
        (cols[7], right - 3, "right"),
    ]
    for text, hx, align in heads:
        canvas.text(hx, y + 10, text, size=7.5, bold=True, align=align)  # type: ignore[arg-type]
    y += header_h
    row_h = 12.5
    positions = rng.choice((1, 10))
    zebra = rng.random() < 0.5
    weight = Decimal(0)
    parcels = 0
    for index, (line, rate) in enumerate(zip(lines, rates, strict=True)):
        height = row_h + (8 if ean else 0)
        if zebra and index % 2 == 1:
            canvas.box(left, y, right, y + height, stroke=None, fill=(0.955, 0.955, 0.955))
        base = y + 9.3
        article = names.digits(rng, 6)
        cells = [
            (str((index + 1) * positions).zfill(3 if positions == 10 else 1), edges[0], "left"),
            (article, edges[1], "left"),
            (line.description, edges[2], "left"),
            (quantities.number(line.quantity), edges[3], "right"),
            (line.unit, edges[4], "left"),
            (style.number(line.unit_price), edges[5], "right"),
            (code(rate), edges[6], "left"),
            (style.number(line.amount), right - 3, "right"),
        ]
        for text, cx, align in cells:
            canvas.text(cx, base, text, size=8, align=align)  # type: ignore[arg-type]
        if ean:
            canvas.text(edges[2], base + 8, f"EAN {names.digits(rng, 13)}", size=6, color=GREY)
        y += height
        weight += (line.quantity * Decimal(rng.randint(5, 120)) / 10).quantize(Decimal("0.1"))
        parcels += max(int(line.quantity), 1)
    canvas.line(left, y + 1, right, y + 1, width=0.8)
    y += 13
    counts = words["counts"]
    weight_text = f"{weight:.2f}".replace(".", "." if lang == "en" else ",")
    canvas.text(
        left,
        y,
        f"{counts[0]}: {len(lines)}    {counts[1]}: {parcels}    {counts[2]}: {weight_text} kg",
        size=7.5,
    )
    y += 20

    # VAT summary (left) and totals (right)
    heads4 = words["vat_head"]
    vx = (left, left + 95, left + 160, left + 225)
    canvas.text(vx[0], y, heads4[0], size=7.5, bold=True)
    for text, cx in zip(heads4[1:], vx[1:], strict=True):
        canvas.text(cx, y, text, size=7.5, bold=True, align="right")
    canvas.line(left, y + 3, vx[3], y + 3, width=0.4)
    vy = y
    for group in groups:
        vy += 11
        label = (
            _pct(group.rate, lang)
            if codes is None
            else f"{code(group.rate)} = {_pct(group.rate, lang)}"
        )
        canvas.text(vx[0], vy, label, size=7.5)
        for figure, cx in zip((group.base, group.tax, group.base + group.tax), vx[1:], strict=True):
            canvas.text(cx, vy, style.number(figure), size=7.5, align="right")
    tax_sum = len(groups) == 1 or rng.random() < 0.75
    ty = y
    label_x = right - 190
    rows: list[tuple[str, str, bool]] = [(words["net"], style.number(subtotal), False)]
    if tax_sum:
        rows.append((words["vat"], style.number(tax), False))
    else:
        rows += [
            (words["vat_rate"].format(rate=_pct(g.rate, lang)), style.number(g.tax), False)
            for g in groups
        ]
    rows.append((rng.choice(words["total"]), style.amount(total), True))
    for label, value, strong in rows:
        if strong:
            canvas.box(label_x - 4, ty - 10.5, right, ty + 4.5, width=0.9)
        canvas.text(label_x, ty, label, size=8.5 + strong, bold=strong)
        canvas.text(right - 4, ty, value, size=8.5 + strong, bold=strong, align="right")
        ty += 15
    y = max(vy, ty) + 22

    mode = choose(rng, [(4, "due"), (3, "skonto"), (2, "debit")])
    other_day = (
        dates.issue + dt.timedelta(days=rng.choice((7, 8, 10)))
        if mode != "debit"
        else dates.issue + dt.timedelta(days=rng.randint(3, 9))
    )
    skonto = money(total * Decimal("0.02"))
    for text in _wholesale_terms(
        rng,
        lang,
        mode,
        due=dates_style.format(dates.due),
        other=dates_style.format(other_day),
        skonto=style.amount(skonto),
        iban=iban,
    ):
        for part in _wrap(text, right - left, "helv", 7.8):
            canvas.text(left, y, part, size=7.8)
            y += 10.5
    if lang == "de":
        canvas.text(left, y + 4, "Es gelten unsere Allgemeinen Geschäftsbedingungen.", size=7)

    tax_ids = {
        "de": [
            f"Amtsgericht {town.split(' ', 1)[-1]} HRA {names.digits(rng, 5)}",
            f"USt-IdNr. {names.vat_id(rng, 'DE')}",
        ],
        "en": [
            f"Registered in England No. {names.digits(rng, 8)}",
            f"VAT Reg No {names.vat_id(rng, 'GB')}",
        ],
        "fr": [
            f"RCS {town.split(' ', 1)[-1]} B {names.digits(rng, 9)}",
            f"TVA {names.vat_id(rng, 'FR')}",
        ],
        "nl": [f"KvK {names.digits(rng, 8)}", f"BTW {names.vat_id(rng, 'NL')}"],
    }[lang]
    canvas.line(left, 784, right, 784, width=0.4)
    _footer_columns(
        canvas,
        left,
        right,
        794,
        [[vendor, street, town], [iban, f"BIC {_bic(rng, lang)}"], tax_ids],
        6.3,
    )

    fields = truth_fields(
        number=invoice_no,
        issue=dates.issue,
        due=dates.due if mode != "debit" else None,
        vendor=vendor,
        total=total,
        subtotal=subtotal,
        tax=tax if tax_sum else None,
        currency=CURRENCY[lang],
        lines=lines,
    )
    return Draft(
        canvas,
        fields,
        lang,
        "invoice",
        style,
        dates_style,
        quantities,
        dates.issue,
        "a4",
        vendor,
        _truth_strings(fields, style, dates_style),
        fax_number=fax,
    )


def _mailbox(rng: random.Random, lang: Lang) -> str:
    return rng.choice(
        {
            "de": ("info", "verkauf", "buchhaltung"),
            "en": ("sales", "accounts", "orders"),
            "fr": ("contact", "commandes", "compta"),
            "nl": ("info", "verkoop", "debiteuren"),
        }[lang]
    )


def _site(lang: Lang) -> str:
    return {
        "de": "gh.de",
        "en": "wholesale.co.uk",
        "fr": "distribution.fr",
        "nl": "groothandel.nl",
    }[lang]


def _bic(rng: random.Random, lang: Lang) -> str:
    bank = {"de": "COBADEFF", "en": "NWBKGB2L", "fr": "AGRIFRPP", "nl": "RABONL2U"}[lang]
    return bank + ("" if rng.random() < 0.5 else names.digits(rng, 3))


# --- carbon: a pre-printed invoice pad, the customer's carbon copy -----------------------------

PAD_WORDS: dict[Lang, dict[str, Any]] = {
    "de": {
        "title": "RECHNUNG",
        "number": "Nr.",
        "date": "Datum",
        "stamp": "Firmenstempel",
        "to": "Kunde:",
        "cols": ("Menge", "Bezeichnung", "Einzelpreis €", "Betrag €"),
        "net": "Netto",
        "vat": "% MwSt.",
        "total": "Gesamt",
        "pay": ("Zahlungsart:", "bar", "Überweisung", "EC-Karte"),
        "received": "Betrag dankend erhalten",
        "sign": "Datum, Unterschrift",
        "copy": "Durchschrift für den Kunden",
        "maker": "Formular {n} · 2 x 50 Blatt · selbstdurchschreibend",
    },
    "en": {
        "title": "INVOICE",
        "number": "No.",
        "date": "Date",
        "stamp": "Company stamp",
        "to": "To:",
        "cols": ("Qty", "Description", "Price £", "Amount £"),
        "net": "Sub-total",
        "vat": "% VAT",
        "total": "Total",
        "pay": ("Paid by:", "cash", "cheque", "card"),
        "received": "Received with thanks",
        "sign": "Signed",
        "copy": "CUSTOMER COPY",
        "maker": "Duplicate book {n} · 50 sets · NCR carbonless",
    },
    "fr": {
        "title": "FACTURE",
        "number": "N°",
        "date": "Date",
        "stamp": "Cachet de l'entreprise",
        "to": "Doit :",
        "cols": ("Qté", "Désignation", "Prix unit. €", "Montant €"),
        "net": "Total HT",
        "vat": "% TVA",
        "total": "Total TTC",
        "pay": ("Règlement :", "espèces", "chèque", "CB"),
        "received": "Pour acquit",
        "sign": "Date et signature",
        "copy": "DUPLICATA - Exemplaire client",
        "maker": "Manifold {n} · 50 dupli · autocopiant",
    },
    "nl": {
        "title": "FACTUUR",
        "number": "Nr.",
        "date": "Datum",
        "stamp": "Firmastempel",
        "to": "Aan:",
        "cols": ("Aantal", "Omschrijving", "Prijs €", "Bedrag €"),
        "net": "Subtotaal",
        "vat": "% BTW",
        "total": "Totaal",
        "pay": ("Betaald:", "contant", "pin", "op rekening"),
        "received": "Voor voldaan",
        "sign": "Datum en handtekening",
        "copy": "Kopie voor de klant",
        "maker": "Factuurboek {n} · 2 x 50 vel · zelfkopiërend",
    },
}
FORM_INKS: tuple[Color, ...] = (
    (0.72, 0.16, 0.2),
    (0.1, 0.42, 0.3),
    (0.15, 0.3, 0.62),
    (0.32, 0.32, 0.32),
)


def _carbon(rng: random.Random, lang: Lang) -> Draft:
    words = PAD_WORDS[lang]
    width, height = A5
    canvas = Canvas(width, height, family="helv")
    ink = rng.choice(FORM_INKS)
    tint: Color = tuple(1 - (1 - c) * 0.18 for c in ink)  # type: ignore[assignment]
    left, right = 24.0, width - 24.0
    style = (
        MoneyStyle("", ".", "£", symbol_space=False)
        if lang == "en"
        else MoneyStyle("", ",", "€", symbol_after=True)
    )
    quantities = QuantityStyle("." if lang == "en" else ",")
    dates_style = DateStyle(rng.choice((SHORT_DATES[lang], NUMERIC_DATES[lang][0])), lang)
    dates = pick_dates(rng, dates_style)
    shift_x, shift_y = rng.uniform(-2.5, 2.5), rng.uniform(-2.0, 2.0)

    def fill(x: float, y: float, text: str, *, align: str = "left", size: float = 9.5) -> None:
        """Typed through the carbon: the whole sheet shifted, each entry a little more."""
        canvas.text(
            x + shift_x + rng.uniform(-0.8, 0.8),
            y + shift_y + rng.uniform(-0.7, 0.7),
            text,
            size=size,
            align=align,  # type: ignore[arg-type]
            color=CARBON,
            fontname="cobo",
        )

    # pre-printed form
    canvas.box(left, 22, left + 196, 98, stroke=ink, width=0.7)
    canvas.text(left + 4, 95, words["stamp"], size=5.5, color=ink)
    canvas.text(right, 46, words["title"], size=21, bold=True, align="right", color=ink)
    canvas.text(right - 88, 70, words["number"], size=9, color=ink)
    serial = names.digits(rng, 6) if rng.random() < 0.7 else names.digits(rng, 4)
    canvas.text(
        right, 71, serial, size=13, bold=True, align="right", color=SERIAL_RED, fontname="cobo"
    )
    canvas.text(right - 88, 91, words["date"], size=9, color=ink)
    canvas.line(right - 58, 93, right, 93, width=0.5, color=ink)
    canvas.box(left, 108, right, 170, stroke=ink, width=0.7)
    canvas.text(left + 4, 119, words["to"], size=7.5, color=ink)
    for line_y in (134, 150, 166):
        canvas.line(left + 46, line_y, right - 6, line_y, width=0.3, color=ink)
    cols = (left, left + 46, left + 236, left + 301, right)
    top = 182.0
    head_h, row_h, rows = 16.0, 17.0, 12
    bottom = top + head_h + rows * row_h
    canvas.box(left, top, right, top + head_h, stroke=None, fill=tint)
    canvas.box(left, top, right, bottom, stroke=ink, width=0.8)
    for cx in cols[1:-1]:
        canvas.line(cx, top, cx, bottom, width=0.5, color=ink)
    for index in range(rows):
        rule_y = top + head_h + index * row_h
        canvas.line(left, rule_y, right, rule_y, width=0.3 if index else 0.6, color=ink)
    for text, (x0, x1) in zip(words["cols"], itertools.pairwise(cols), strict=True):
        canvas.text((x0 + x1) / 2, top + 11, text, size=7.2, bold=True, align="center", color=ink)
    label_x, value_x = cols[2] + 4, cols[3]
    sums_top = bottom
    for index, label in enumerate((words["net"], words["vat"], words["total"])):
        row_top = sums_top + index * 18
        canvas.box(cols[2], row_top, right, row_top + 18, stroke=ink, width=0.6)
        canvas.line(value_x, row_top, value_x, row_top + 18, width=0.5, color=ink)
        if index == 1:
            canvas.line(label_x, row_top + 13, label_x + 16, row_top + 13, width=0.4, color=ink)
            canvas.text(label_x + 18, row_top + 12.5, label, size=7.5, color=ink)
        else:
            canvas.text(label_x, row_top + 12.5, label, size=7.5, bold=index == 2, color=ink)
    pay = words["pay"]
    canvas.text(left, sums_top + 14, pay[0], size=7.5, color=ink)
    boxes = []
    for index, text in enumerate(pay[1:]):
        bx = left + 4 + index * 62
        canvas.box(bx, sums_top + 22, bx + 7, sums_top + 29, stroke=ink, width=0.5)
        canvas.text(bx + 10, sums_top + 28.5, text, size=7.2, color=ink)
        boxes.append((bx, sums_top + 22))
    sign_y = sums_top + 96
    canvas.text(left, sign_y - 24, words["received"], size=8, color=ink)
    canvas.line(left, sign_y, left + 170, sign_y, width=0.4, color=ink)
    canvas.text(left, sign_y + 8, words["sign"], size=5.8, color=ink)
    canvas.text(left, height - 26, words["copy"], size=7, bold=True, color=ink)
    canvas.text(
        right,
        height - 14,
        words["maker"].format(n=rng.choice(("1712", "6304", "526", "1733"))),
        size=5.2,
        align="right",
        color=ink,
    )

    # the issuer's company stamp in the stamp box
    surname = names.surname(rng, lang)
    names_, items = rng.choice(PAD_TRADES[lang])
    vendor = rng.choice(names_).format(s=surname)
    street, town = names.address(rng, lang)
    sx, sy = left + 8 + rng.uniform(0, 14), 38 + rng.uniform(-3, 4)
    canvas.text(
        sx, sy, vendor, size=_fit(canvas, vendor, 11, 170, bold=True), bold=True, color=STAMP_INK
    )
    for index, text in enumerate(
        [street, town, f"Tel. {names.phone(rng, COUNTRY[lang])}"], start=1
    ):
        canvas.text(sx, sy + index * 10, text, size=7.8, color=STAMP_INK)

    # filled in
    lines = [
        Line(description, _qty(rng, unit), _unit_price(rng, low, high), unit)
        for description, unit, low, high in rng.sample(items, rng.randint(1, 5))
    ]
    vat = rng.random() < 0.7
    rate = STANDARD[lang]
    _, subtotal, tax, total = net_totals(lines, [rate] * len(lines))
    if not vat:
        tax, total = Decimal(0), subtotal
    fill(right - 56, 90, dates_style.format(dates.issue))
    customer = _customer(rng, lang)[:3]
    for index, text in enumerate(customer):
        fill(left + 50, 131 + index * 16, text)
    for index, line in enumerate(lines):
        base = top + head_h + index * row_h + 12.5
        fill(cols[1] - 6, base, quantities.number(line.quantity), align="right")
        fill(cols[1] + 5, base, line.description, size=_fit(canvas, line.description, 9.5, 180))
        fill(cols[3] - 5, base, style.number(line.unit_price), align="right")
        fill(right - 5, base, style.number(line.amount), align="right")
    if vat:
        fill(right - 5, sums_top + 13, style.number(subtotal), align="right")
        fill(label_x + 2, sums_top + 18 + 12, format(rate.normalize(), "f"), size=9)
        fill(right - 5, sums_top + 18 + 13, style.number(tax), align="right")
    fill(right - 5, sums_top + 36 + 13, style.number(total), align="right")
    bx, by = rng.choice(boxes)
    fill(bx + 0.5, by + 6.5, "X", size=9)
    # a signature scrawl over the line
    px, py = left + 20 + rng.uniform(0, 30), sign_y - 4
    for _ in range(rng.randint(7, 12)):
        nx, ny = px + rng.uniform(6, 14), sign_y - rng.uniform(0, 14)
        canvas.line(px, py, nx, ny, width=0.9, color=CARBON)
        px, py = nx, ny

    fields = truth_fields(
        number=serial,
        issue=dates.issue,
        vendor=vendor,
        total=total,
        subtotal=subtotal if vat else None,
        tax=tax if vat else None,
        currency=CURRENCY[lang],
        lines=lines,
    )
    return Draft(
        canvas,
        fields,
        lang,
        "invoice",
        style,
        dates_style,
        quantities,
        dates.issue,
        "a5",
        vendor,
        _truth_strings(fields, style, dates_style),
        prices_include_tax=not vat,
    )


# --- till: a thermal till receipt ---------------------------------------------------------------

TILL_WORDS: dict[Lang, dict[str, Any]] = {
    "de": {
        "total": ("SUMME EUR", "Summe", "ZU ZAHLEN"),
        "count": "Anzahl Artikel: {n}",
        "cash": ("Gegeben BAR", "Rückgeld"),
        "card": ("EC-Karte", "girocard"),
        "vat_head": ("MwSt", "Netto", "Steuer", "Brutto"),
        "vat_sum": "Summe",
        "till": ("Kasse {n}", "Bed. {n}"),
        "bye": ("Vielen Dank für Ihren Einkauf!", "Danke und bis bald!"),
        "cafe_number": ("Rechnung Nr.", "Beleg-Nr."),
        "table": ("Tisch {n}", "Bedienung: {p}", "Gäste: {n}"),
        "cafe_cols": ("Anz", "Artikel", "Preis", "Betrag"),
        "cafe_total": ("Gesamt", "SUMME"),
    },
    "en": {
        "total": ("TOTAL", "BALANCE DUE", "TOTAL TO PAY"),
        "count": "{n} ITEMS",
        "cash": ("CASH", "CHANGE"),
        "card": ("CARD", "CONTACTLESS"),
        "vat_head": ("RATE", "NET", "VAT", "GROSS"),
        "vat_sum": "TOTAL",
        "till": ("Till {n}", "Op {n}"),
        "bye": ("Thank you for shopping with us", "Please retain for your records"),
        "cafe_number": ("Bill No", "Check #"),
        "table": ("Table {n}", "Served by {p}", "Covers {n}"),
        "cafe_cols": ("Qty", "Item", "Each", "Amount"),
        "cafe_total": ("TOTAL", "Bill total"),
    },
    "fr": {
        "total": ("TOTAL TTC", "TOTAL", "A PAYER"),
        "count": "Nb articles : {n}",
        "cash": ("Espèces", "Rendu"),
        "card": ("CB", "Carte bancaire"),
        "vat_head": ("Taux", "HT", "TVA", "TTC"),
        "vat_sum": "Total",
        "till": ("Caisse {n}", "Vendeur {n}"),
        "bye": ("Merci de votre visite", "A bientôt !"),
        "cafe_number": ("Note n°", "Addition n°"),
        "table": ("Table {n}", "Serveur : {p}", "Couverts : {n}"),
        "cafe_cols": ("Qté", "Désignation", "P.U.", "Montant"),
        "cafe_total": ("TOTAL TTC", "Total"),
    },
    "nl": {
        "total": ("Totaal", "TOTAAL", "Te betalen"),
        "count": "Aantal artikelen: {n}",
        "cash": ("Contant", "Wisselgeld"),
        "card": ("PIN", "Pinbetaling"),
        "vat_head": ("BTW", "Over", "BTW", "Incl."),
        "vat_sum": "Totaal",
        "till": ("Kassa {n}", "Medewerker {n}"),
        "bye": ("Bedankt en tot ziens!", "Ruilen binnen 14 dagen met kassabon"),
        "cafe_number": ("Rekening nr.", "Bonnummer"),
        "table": ("Tafel {n}", "Bediend door: {p}", "Personen: {n}"),
        "cafe_cols": ("St", "Omschrijving", "Prijs", "Bedrag"),
        "cafe_total": ("Totaal", "TOTAAL"),
    },
}


def _retail_price(rng: random.Random, low: float, high: float, *, cafe: bool) -> Decimal:
    """A shelf price ending in .x9, .x5 or .99; a menu price in tens of cents."""
    if low == high:
        return Decimal(str(low))
    base = Decimal(int(rng.uniform(low, high)))
    if cafe:
        return base + Decimal(rng.choice((0, 10, 20, 40, 50, 60, 80, 90))) / 100
    cents = rng.choice((9, 19, 29, 39, 45, 49, 59, 69, 79, 89, 95, 99))
    return max(base + Decimal(cents) / 100, Decimal("0.29"))


def _till(rng: random.Random, lang: Lang) -> Draft:
    words = TILL_WORDS[lang]
    cafe = rng.random() < 0.4
    wide = cafe or rng.random() < 0.6
    width = 226.77 if wide else 164.41
    canvas = Canvas(width, 1400, family=rng.choice(("cour", "cour", "helv")))
    size = (7.6 if canvas.regular == "cour" else 7.8) if wide else 6.4
    step = size + 2.8
    left, right = (12.0, width - 12.0) if wide else (8.0, width - 8.0)
    centre = width / 2
    style = _money_style(rng, lang, grouped=False)
    if lang == "de":
        style = MoneyStyle("", ",", rng.choice(("€", "EUR")), symbol_after=True)
    quantities = QuantityStyle("." if lang == "en" else ",")
    dates_style = DateStyle(rng.choice((SHORT_DATES[lang], NUMERIC_DATES[lang][0])), lang)
    dates = pick_dates(rng, dates_style)
    surname = names.surname(rng, lang)
    if cafe:
        vendor_names, wares = CAFES[lang]
    else:
        vendor_names, wares = rng.choice(SHOPS[lang])
    vendor = rng.choice(vendor_names).format(s=surname)
    if rng.random() < 0.4:
        vendor = vendor.upper()
    street, town = names.address(rng, lang)
    y = 26.0

    def at(
        x: float, text: str, *, align: str = "left", grow: float = 0, bold: bool = False
    ) -> None:
        canvas.text(
            x,
            y,
            text,
            size=size + grow,
            bold=bold,
            align=align,  # type: ignore[arg-type]
        )

    def centred(text: str, *, grow: float = 0, bold: bool = False) -> None:
        nonlocal y
        y += step + grow
        at(centre, text, align="center", grow=grow, bold=bold)

    def row(label: str, value: str, *, grow: float = 0, bold: bool = False) -> None:
        nonlocal y
        y += step + grow
        at(left, label, grow=grow, bold=bold)
        at(right, value, align="right", grow=grow, bold=bold)

    def rule(char: str = "-") -> None:
        nonlocal y
        y += step
        count = int((right - left) / canvas.width_of(char, size=size))
        at(left, char * count)

    at(centre, vendor, align="center", grow=3, bold=True)
    y += 3
    centred(street)
    centred(town)
    centred(f"Tel. {names.phone(rng, COUNTRY[lang])}")
    tax_id = {
        "de": rng.choice(
            (
                f"St.-Nr. {names.digits(rng, 2)}/{names.digits(rng, 3)}/{names.digits(rng, 5)}",
                f"USt-IdNr. {names.vat_id(rng, 'DE')}",
            )
        ),
        "en": f"VAT No. {names.vat_id(rng, 'GB')}",
        "fr": f"SIRET {names.digits(rng, 9)} {names.digits(rng, 5)}",
        "nl": f"BTW {names.vat_id(rng, 'NL')}",
    }[lang]
    centred(tax_id)
    receipt_no = names.digits(rng, rng.choice((4, 5, 6)))
    number_label = rng.choice(words["cafe_number"] if cafe else SHOP_NUMBER_LABEL[lang])
    clock = f"{rng.randint(7, 21):02d}:{rng.randint(0, 59):02d}"
    seconds = f"{rng.randint(0, 59):02d}"
    when = f"{dates_style.format(dates.issue)} {clock}"
    till_no = rng.choice(words["till"]).format(n=rng.randint(1, 9))

    def meta() -> None:
        nonlocal y
        row(f"{number_label} {receipt_no}", till_no)
        y += step
        at(left, when)
        if cafe:
            at(right, words["table"][0].format(n=rng.randint(1, 40)), align="right")
            y += step
            at(left, words["table"][1].format(p=names.person(rng, lang).split()[0]))
            at(right, words["table"][2].format(n=rng.randint(1, 6)), align="right")

    head_meta = rng.random() < 0.6 or cafe
    y += 4
    if head_meta:
        meta()
    rule()

    # items: gross amounts, taxes included
    picks = rng.sample(wares, min(len(wares), rng.randint(2, 8 if wide else 6)))
    lines: list[Line] = []
    rates: list[Decimal] = []
    for description, low, high, reduced in picks:
        qty = Decimal(choose(rng, [(6, 1), (2, 2), (1, 3)]))
        if description in ("Brötchen", "Witte bollen 4 st", "Laugenbrezel"):
            qty = Decimal(rng.choice((2, 4, 6, 8)))
        unit = _retail_price(rng, low, high, cafe=cafe)
        lines.append(Line(description, qty, unit))
        rates.append(REDUCED[lang] if reduced else STANDARD[lang])
    codes = {"de": ("B", "A"), "en": ("Z", "S"), "fr": ("1", "2"), "nl": ("L", "H")}[lang]

    def code(rate: Decimal) -> str:
        return codes[0] if rate == REDUCED[lang] else codes[1]

    if cafe:
        heads = words["cafe_cols"]
        y += step
        at(left, heads[0])
        at(left + 20, heads[1])
        at(right - 42, heads[2], align="right")
        at(right, heads[3], align="right")
        room = right - 42 - canvas.width_of("00,00", size=size) - 4 - (left + 20)
        for line in lines:
            y += step
            at(left + 12, quantities.number(line.quantity), align="right")
            fitted = _fit(canvas, line.description, size, room)
            canvas.text(left + 20, y, line.description, size=fitted)
            at(right - 42, style.number(line.unit_price), align="right")
            at(right, style.number(line.amount), align="right")
    else:
        times = "@" if lang == "en" else "x"
        for line, rate in zip(lines, rates, strict=True):
            if line.quantity > 1 and lang == "de":
                y += step
                at(
                    left + 6,
                    f"{quantities.number(line.quantity)} {times} {style.number(line.unit_price)}",
                )
            y += step
            at(left, line.description)
            at(right, f"{style.number(line.amount)} {code(rate)}", align="right")
            if line.quantity > 1 and lang != "de":
                y += step
                at(
                    left + 10,
                    f"{quantities.number(line.quantity)} {times} {style.number(line.unit_price)}",
                )
    total = sum((line.amount for line in lines), Decimal(0))
    gross: dict[Decimal, Decimal] = {}
    for line, rate in zip(lines, rates, strict=True):
        gross[rate] = gross.get(rate, Decimal(0)) + line.amount
    vat_rows = [
        (rate, inclusive_tax(amount, rate), amount) for rate, amount in sorted(gross.items())
    ]
    tax = sum((vat for _, vat, _ in vat_rows), Decimal(0))
    subtotal = total - tax

    rule()
    if not cafe and rng.random() < 0.6:
        count = sum((line.quantity for line in lines), Decimal(0))
        y += step
        at(left, words["count"].format(n=quantities.number(count)))
    label = rng.choice(words["cafe_total"] if cafe else words["total"])
    total_text = style.number(total) if label.endswith("EUR") else style.amount(total)
    row(label, total_text, grow=2.5, bold=True)
    rule("=")
    cash = rng.random() < 0.4
    if cash:
        notes = [Decimal(n) for n in (5, 10, 20, 50, 100)]
        given = next((n for n in notes if n >= total), Decimal(200))
        row(words["cash"][0], style.number(given))
        row(words["cash"][1], style.number(given - total))
    else:
        row(rng.choice(words["card"]), style.number(total))

    # VAT table
    y += step * 0.6
    heads = words["vat_head"]
    vat_x = (left, left + (right - left) * 0.45, left + (right - left) * 0.7, right)
    y += step
    at(vat_x[0], heads[0])
    for text, cx in zip(heads[1:], vat_x[1:], strict=True):
        at(cx, text, align="right")
    for rate, vat, amount in vat_rows:
        y += step
        at(vat_x[0], f"{code(rate)} {_pct(rate, lang).replace(' ', '')}")
        for value, cx in zip((amount - vat, vat, amount), vat_x[1:], strict=True):
            at(cx, style.number(value), align="right")
    sum_row = len(vat_rows) > 1 and rng.random() < 0.5
    if sum_row:
        y += step
        at(vat_x[0], words["vat_sum"])
        for value, cx in zip((subtotal, tax, total), vat_x[1:], strict=True):
            at(cx, style.number(value), align="right")
    printed_split = len(vat_rows) == 1 or sum_row

    if not cash:
        y += step * 0.6
        slip = {
            "de": [
                "Kartenzahlung",
                "girocard kontaktlos",
                f"Terminal-ID {names.digits(rng, 8)}",
                f"TA-Nr. {names.digits(rng, 6)}   Trace-Nr. {names.digits(rng, 4)}",
                f"Betrag EUR {style.number(total)}",
                "Zahlung erfolgt",
            ],
            "en": [
                "VISA DEBIT",
                f"************{names.digits(rng, 4)}",
                "CONTACTLESS",
                f"AUTH CODE {names.digits(rng, 6)}",
                f"MERCHANT {names.digits(rng, 8)}",
                "PLEASE KEEP THIS RECEIPT",
            ],
            "fr": [
                "CARTE BANCAIRE",
                "SANS CONTACT",
                "A0000000421010",
                f"No AUTO {names.digits(rng, 6)}",
                f"MONTANT {style.number(total)} EUR",
                "DEBIT - TICKET CLIENT",
            ],
            "nl": [
                "Maestro",
                f"Terminal {names.digits(rng, 8)}",
                f"Transactie {names.digits(rng, 8)}",
                f"Autorisatiecode {names.digits(rng, 6)}",
                f"Totaal {style.number(total)} EUR",
                "Contactloos",
            ],
        }[lang]
        for text in slip:
            centred(text, grow=-0.4)
    if not head_meta:
        y += step * 0.6
        meta()
    if cafe and lang == "de" and rng.random() < 0.7:
        y += step * 0.5
        for text in (
            "Angaben zum Nachweis von",
            "Bewirtungsaufwendungen",
            "Bewirtete Person(en):",
            "_" * 24,
            "Anlass der Bewirtung:",
            "_" * 24,
            "Ort, Datum:",
            "_" * 24,
        ):
            y += step
            at(left, text)
    elif cafe:
        note = {"en": "Service not included", "fr": "Service compris", "nl": "Fooi: ________"}
        centred(note.get(lang, ""))
    if lang == "de":
        start = dt.datetime.combine(
            dates.issue, dt.time(int(clock[:2]), int(clock[3:]), int(seconds))
        )
        stop = start + dt.timedelta(seconds=rng.randint(8, 95))
        y += step * 0.5
        for text in (
            f"TSE-Transaktion: {names.digits(rng, 5)}",
            f"TSE-Signaturzähler: {names.digits(rng, 6)}",
            f"TSE-Start: {start.isoformat()}.000",
            f"TSE-Stop: {stop.isoformat()}.000",
            f"TSE-Seriennr.: {''.join(rng.choice('0123456789abcdef') for _ in range(20))}",
        ):
            y += step - 0.8
            canvas.text(left, y, text, size=size - 1.2)
    y += step * 0.5
    centred(rng.choice(words["bye"]), grow=0.4)
    canvas.height = y + 28

    fields = truth_fields(
        number=receipt_no,
        issue=dates.issue,
        vendor=vendor,
        total=total,
        subtotal=subtotal if printed_split else None,
        tax=tax if printed_split else None,
        currency=CURRENCY[lang],
        lines=lines if cafe else None,
    )
    return Draft(
        canvas,
        fields,
        lang,
        "receipt",
        style,
        dates_style,
        quantities,
        dates.issue,
        "roll",
        vendor,
        _truth_strings(fields, style, dates_style),
        prices_include_tax=True,
        stamp=False,
    )


# --- the capture ----------------------------------------------------------------------------------

Box = tuple[float, float, float, float]
"""x0, y0, x1, y1 in points from the top-left of the page."""

STAMPS: dict[Lang, tuple[tuple[str, str], ...]] = {
    "de": (("BEZAHLT", "am {num}"), ("EINGANG", "{mon}"), ("GEBUCHT", "{mon}"), ("BEZAHLT", "")),
    "en": (("PAID", "{mon}"), ("RECEIVED", "{mon}"), ("ENTERED", "{num}"), ("PAID", "")),
    "fr": (("PAYÉ", "le {num}"), ("REÇU LE", "{mon}"), ("ACQUITTÉ", "{num}"), ("RECU", "")),
    "nl": (
        ("BETAALD", "d.d. {num}"),
        ("ONTVANGEN", "{mon}"),
        ("GEBOEKT", "{mon}"),
        ("BETAALD", ""),
    ),
}
STAMP_COLOURS: tuple[Color, ...] = ((0.8, 0.12, 0.15), (0.14, 0.24, 0.66), (0.45, 0.2, 0.58))
DESKS: tuple[Color, ...] = (
    (0.45, 0.32, 0.21),
    (0.56, 0.56, 0.58),
    (0.17, 0.17, 0.19),
    (0.82, 0.8, 0.76),
    (0.33, 0.36, 0.4),
)
COPY_SHEETS: tuple[Color, ...] = (
    (1.0, 0.95, 0.7),
    (1.0, 0.87, 0.89),
    (0.87, 0.96, 0.86),
    (0.98, 0.97, 0.94),
)


def _render(pdf: bytes, dpi: int, *, gray: bool = False) -> np.ndarray:
    """The first page in [0, 1]: HxW for grey, HxWx3 for colour."""
    with pymupdf.open("pdf", pdf) as document:
        colorspace = pymupdf.csGRAY if gray else pymupdf.csRGB
        pixmap = document[0].get_pixmap(dpi=dpi, colorspace=colorspace, alpha=False)
        channels = 1 if gray else 3
        raw = np.frombuffer(pixmap.samples, dtype=np.uint8).reshape(pixmap.height, pixmap.stride)
        samples = raw[:, : pixmap.width * channels].reshape(pixmap.height, pixmap.width, channels)
    pixels: np.ndarray = samples.astype(np.float32) / 255
    return pixels[:, :, 0] if gray else pixels


def _layer(canvas: Canvas, colours: Sequence[Color], *, keep: bool) -> bytes:
    """The page with only (or without) the texts and lines in `colours`; boxes stay with the
    rest."""
    copy = Canvas(canvas.width, canvas.height)
    page = canvas.pages[0]
    copy.page.texts = [t for t in page.texts if (t[5] in colours) == keep]
    copy.page.lines = [ln for ln in page.lines if (ln[5] in colours) == keep]
    copy.page.boxes = [] if keep else list(page.boxes)
    return copy.pdf(title="layer")


def _field(
    noise: np.random.Generator, shape: tuple[int, int], cells: int, low: float, high: float
) -> np.ndarray:
    """A smooth random field between `low` and `high`, about `cells` bumps across."""
    height, width = shape
    longest = max(height, width)
    grid = (max(2, round(cells * height / longest) + 1), max(2, round(cells * width / longest) + 1))
    small = Image.fromarray(noise.random(grid).astype(np.float32))
    smooth = np.asarray(small.resize((width, height), Image.Resampling.BICUBIC), np.float32)
    return low + np.clip(smooth, 0, 1) * (high - low)


def _blur(values: np.ndarray, radius: float) -> np.ndarray:
    image = Image.fromarray((np.clip(values, 0, 1) * 255).astype(np.uint8))
    return np.asarray(image.filter(ImageFilter.GaussianBlur(radius)), np.float32) / 255


def _guards(draft: Draft) -> list[Box]:
    """Each row that prints a truth value, from its first text to its last (the value, its label
    and the gap between them), padded."""
    texts = draft.canvas.pages[0].texts
    rows = [y for _, y, text, *_ in texts if any(value in text for value in draft.truths)]
    boxes = []
    for row in rows:
        spans = [
            (x, y - size, x + text_width(text, name, size), y + size * 0.35)
            for x, y, text, name, size, _ in texts
            if abs(y - row) <= 2.5
        ]
        boxes.append(
            (
                min(s[0] for s in spans) - 4,
                min(s[1] for s in spans) - 4,
                max(s[2] for s in spans) + 4,
                max(s[3] for s in spans) + 4,
            )
        )
    return boxes


def _hits(box: Box, boxes: Sequence[Box]) -> bool:
    x0, y0, x1, y1 = box
    return any(x0 < b[2] and b[0] < x1 and y0 < b[3] and b[1] < y1 for b in boxes)


def _paper(
    draft: Draft, pdf: bytes, dpi: int, rng: random.Random, noise: np.random.Generator
) -> np.ndarray:
    """The page printed on its paper: tint, ink strength (thermal fade), carbon and stamp ink."""
    canvas = draft.canvas
    layered = draft.paper == "a5"
    base = _render(_layer(canvas, (CARBON, STAMP_INK), keep=False) if layered else pdf, dpi)
    shape = base.shape[:2]
    if draft.paper == "roll":
        tint = np.array([rng.uniform(0.93, 0.98)] * 2 + [rng.uniform(0.9, 0.97)], np.float32)
        strength = _field(noise, shape, 3, rng.uniform(0.55, 0.7), rng.uniform(0.78, 0.9))
        streaks = 1 - 0.12 * _field(noise, (8, shape[1]), 40, 0, 1)[0]
        strength = strength * streaks[None, :]
    elif layered:
        tint = np.array(rng.choice(COPY_SHEETS), np.float32)
        strength = _field(noise, shape, 4, 0.8, 0.95)
    else:
        tint = np.array([rng.uniform(0.95, 0.99), rng.uniform(0.94, 0.98), rng.uniform(0.9, 0.96)])
        strength = _field(noise, shape, 4, 0.86, 0.97)
    page = tint[None, None, :] * (1 - (1 - base) * strength[:, :, None])
    if layered:
        for colour, blur, grain in ((CARBON, rng.uniform(0.6, 1.0), 0.35), (STAMP_INK, 0.6, 0.5)):
            alpha = 1 - _render(_layer(canvas, (colour,), keep=True), dpi, gray=True)
            alpha = _blur(alpha, blur * dpi / 200)
            alpha *= _field(noise, shape, 6, 0.7, 1.0)
            alpha *= 1 - grain * noise.random(shape).astype(np.float32) ** 3
            ink = np.array(colour, np.float32)
            page *= 1 - np.clip(alpha * 1.5, 0, 1)[:, :, None] * (1 - ink)[None, None, :]
    return page.astype(np.float32)


def _stamp_lines(rng: random.Random, lang: Lang, issue: dt.date) -> list[tuple[str, float]]:
    head, tail = rng.choice(STAMPS[lang])
    when = issue + dt.timedelta(days=rng.randint(2, 35))
    month = STAMP_MONTHS[lang].split()[when.month - 1]
    numeric = DateStyle(NUMERIC_DATES[lang][0], lang).format(when)
    text = tail.format(num=numeric, mon=f"{when.day:02d} {month} {when.year}")
    lines = [(head, rng.uniform(17, 23))]
    if text:
        lines.append((text, rng.uniform(9, 11.5)))
    if head in ("EINGANG", "RECEIVED", "ONTVANGEN") and rng.random() < 0.5:
        lines.append(({"de": "Erl.: ____", "en": "Ref: ____", "nl": "Afd.: ____"}[lang], 8.0))
    return lines


def _stamp_mask(lines: list[tuple[str, float]], dpi: int) -> np.ndarray:
    bold = font("hebo")
    widths = [bold.text_length(text, fontsize=size) for text, size in lines]
    width = max(widths) + 28
    height = sum(size * 1.18 for _, size in lines) + 18
    document = pymupdf.open()
    page = document.new_page(width=width, height=height)
    page.draw_rect(pymupdf.Rect(2, 2, width - 2, height - 2), color=(0, 0, 0), width=2.4)
    page.draw_rect(pymupdf.Rect(5.5, 5.5, width - 5.5, height - 5.5), color=(0, 0, 0), width=0.8)
    writer = pymupdf.TextWriter(page.rect)
    y = 8.0
    for (text, size), line_width in zip(lines, widths, strict=True):
        y += size * 1.0
        writer.append(((width - line_width) / 2, y), text, font=bold, fontsize=size)
        y += size * 0.18
    writer.write_text(page)
    pixmap = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
    raw = np.frombuffer(pixmap.samples, dtype=np.uint8).reshape(pixmap.height, pixmap.stride)
    alpha = 1 - raw[:, : pixmap.width].astype(np.float32) / 255
    document.close()
    return alpha


def _rubber_stamp(
    page: np.ndarray,
    draft: Draft,
    guards: Sequence[Box],
    dpi: int,
    rng: random.Random,
    noise: np.random.Generator,
) -> None:
    """A rubber stamp with a later date, turned a little, where it covers no guarded row."""
    scale = dpi / 72
    mask = _stamp_mask(_stamp_lines(rng, draft.lang, draft.issue), dpi)
    angle = rng.uniform(4, 20) * rng.choice((-1, 1))
    turned = Image.fromarray(mask).rotate(angle, resample=Image.Resampling.BICUBIC, expand=True)
    alpha: np.ndarray = np.clip(np.asarray(turned, np.float32), 0, 1)
    height, width = alpha.shape
    page_h, page_w = page.shape[:2]
    margin = int(14 * scale)
    if width + 2 * margin >= page_w or height + 2 * margin >= page_h:
        return
    for _ in range(400):
        x0 = rng.randint(margin, page_w - width - margin)
        y0 = rng.randint(margin, page_h - height - margin)
        box = (x0 / scale, y0 / scale, (x0 + width) / scale, (y0 + height) / scale)
        if not _hits(box, guards):
            break
    else:
        return
    alpha = alpha * _field(noise, alpha.shape, 5, 0.45, 1.0)
    alpha *= noise.random(alpha.shape).astype(np.float32) > rng.uniform(0.04, 0.18)
    alpha = _blur(alpha, 0.6 * dpi / 200) * rng.uniform(0.75, 0.95)
    ink = np.array(rng.choice(STAMP_COLOURS), np.float32)
    region = page[y0 : y0 + height, x0 : x0 + width]
    region *= 1 - alpha[:, :, None] * (1 - ink)[None, None, :]


def _holes_or_staple(
    page: np.ndarray, draft: Draft, guards: Sequence[Box], dpi: int, rng: random.Random
) -> None:
    scale = dpi / 72
    page_h, page_w = page.shape[:2]
    height_pt = page_h / scale
    if rng.random() < 0.6:
        radius = 7.8
        centre_x = 34.0 if draft.paper == "a4" else 28.0
        spacing = 113.4 if draft.paper == "a4" else 90.0
        holes = [(centre_x, height_pt / 2 - spacing / 2), (centre_x, height_pt / 2 + spacing / 2)]
        if draft.paper == "a4" and rng.random() < 0.3:
            holes = [(centre_x, height_pt / 2 - 113.4), (centre_x, height_pt / 2 + 113.4)]
        reach = radius + 3
        if any(_hits((cx - reach, cy - reach, cx + reach, cy + reach), guards) for cx, cy in holes):
            return
        behind = rng.choice((rng.uniform(0.12, 0.3), rng.uniform(0.8, 0.92)))
        r = radius * scale
        for cx, cy in holes:
            x, y = cx * scale, cy * scale
            x0, x1 = int(x - r - 4), int(x + r + 5)
            y0, y1 = int(y - r - 4), int(y + r + 5)
            yy, xx = np.mgrid[y0:y1, x0:x1].astype(np.float32)
            distance = np.hypot(xx - x, yy - y)
            inside = np.clip(r - distance + 0.5, 0, 1)
            rim = np.clip(1 - np.abs(distance - r - 1.2) / 1.8, 0, 1) * 0.35
            region = page[y0:y1, x0:x1]
            region *= (1 - rim)[:, :, None]
            region[:] = region * (1 - inside)[:, :, None] + behind * inside[:, :, None]
        return
    # a staple in the top-left corner, with its shadow
    start = (rng.uniform(8, 14), rng.uniform(26, 34))
    end = (start[0] + rng.uniform(13, 18), start[1] - rng.uniform(13, 18))
    box = (start[0] - 4, end[1] - 4, end[0] + 4, start[1] + 4)
    if _hits(box, guards):
        return
    mask = Image.new("L", (page_w, page_h), 0)
    draw = ImageDraw.Draw(mask)
    points = [(start[0] * scale, start[1] * scale), (end[0] * scale, end[1] * scale)]
    draw.line(points, fill=255, width=max(2, round(2.2 * scale)))
    shade = Image.new("L", (page_w, page_h), 0)
    offset = 2.5 * scale
    ImageDraw.Draw(shade).line(
        [(x + offset, y + offset) for x, y in points], fill=255, width=max(3, round(3 * scale))
    )
    shadow = _blur(np.asarray(shade, np.float32) / 255, 2.5 * scale)
    metal = np.asarray(mask, np.float32) / 255
    page *= (1 - 0.45 * shadow)[:, :, None]
    page[:] = page * (1 - metal)[:, :, None] + rng.uniform(0.45, 0.6) * metal[:, :, None]


def _fold(
    page: np.ndarray, draft: Draft, guards: Sequence[Box], dpi: int, rng: random.Random
) -> None:
    """A fold line between rows, never through a text line or a guarded row."""
    scale = dpi / 72
    height_pt = page.shape[0] / scale
    nominal = height_pt / 3 if draft.paper == "a4" and rng.random() < 0.6 else height_pt / 2
    texts = [
        (y - size * 0.8 - 1, y + size * 0.3 + 1)
        for _, y, _text, _name, size, _ in draft.canvas.pages[0].texts
    ]
    bands = texts + [(b[1], b[3]) for b in guards]
    for offset in sorted(range(-70, 71), key=abs):
        line = nominal + offset
        if not any(low <= line <= high for low, high in bands):
            break
    else:
        return
    rows = np.arange(page.shape[0], dtype=np.float32) - line * scale
    width = rng.uniform(0.8, 1.6) * scale / 2.8
    crease = 1 - rng.uniform(0.1, 0.22) * np.exp(-((rows / width) ** 2))
    side = rng.choice((1, -1))
    broad = rng.uniform(12, 35) * scale / 2.8
    shade = 1 - rng.uniform(0.03, 0.08) * np.exp(-np.clip(side * rows, 0, None) / broad)
    shade = np.where(side * rows >= 0, shade, 1.0)
    page *= (crease * shade).astype(np.float32)[:, None, None]


def _lighting(image: np.ndarray, rng: random.Random, *, phone: bool) -> np.ndarray:
    height, width = image.shape[:2]
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
    theta = rng.uniform(0, 2 * math.pi)
    along = (xx * math.cos(theta) + yy * math.sin(theta)) / max(height, width)
    along = (along - along.min()) / max(float(along.max() - along.min()), 1e-6)
    light = 1 - rng.uniform(0.08, 0.26 if phone else 0.08) * along
    if phone:
        radius = ((xx / width - 0.5) ** 2 + (yy / height - 0.5) ** 2) * 2
        light *= 1 - rng.uniform(0.04, 0.16) * radius
        if rng.random() < 0.5:
            # the phone's or a hand's shadow across one corner
            corner_x, corner_y = rng.choice((0, width)), rng.choice((0, height))
            reach = rng.uniform(0.25, 0.5) * min(height, width)
            slope = np.hypot(xx - corner_x, yy - corner_y)
            edge = rng.uniform(0.04, 0.1) * min(height, width)
            cover = np.clip((reach - slope) / edge + 0.5, 0, 1)
            light *= 1 - rng.uniform(0.2, 0.36) * cover
    return image * light.astype(np.float32)[:, :, None]


def _perspective(out: Sequence[tuple[float, float]], src: Sequence[tuple[float, float]]) -> list:
    """PIL's PERSPECTIVE coefficients mapping output pixels `out` to source pixels `src`."""
    matrix, rhs = [], []
    for (x, y), (u, v) in zip(out, src, strict=True):
        matrix.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rhs.append(u)
        matrix.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        rhs.append(v)
    return [float(c) for c in np.linalg.solve(np.array(matrix), np.array(rhs))]


def _to_image(values: np.ndarray) -> Image.Image:
    pixels = (np.clip(values, 0, 1) * 255 + 0.5).astype(np.uint8)
    return Image.fromarray(pixels)


def _phone(
    page: np.ndarray, rng: random.Random, noise: np.random.Generator
) -> tuple[ImageFormat, bytes]:
    """The sheet photographed on a desk: rotation, perspective, light, blur, noise, JPEG."""
    height, width = page.shape[:2]
    angle = math.radians(rng.uniform(0.5, 3.0) * rng.choice((-1, 1)))
    keystone = rng.uniform(0.004, 0.03)
    top_narrow = rng.random() < 0.6
    corners = []
    for cx, cy in ((-0.5, -0.5), (0.5, -0.5), (0.5, 0.5), (-0.5, 0.5)):
        squeeze = 1 - keystone if (cy < 0) == top_narrow else 1.0
        x = cx * width * squeeze + rng.uniform(-0.006, 0.006) * width
        y = cy * height + rng.uniform(-0.006, 0.006) * height
        corners.append(
            (x * math.cos(angle) - y * math.sin(angle), x * math.sin(angle) + y * math.cos(angle))
        )
    xs, ys = [c[0] for c in corners], [c[1] for c in corners]
    margin_x = rng.uniform(0.04, 0.1) * width + 12
    margin_y = rng.uniform(0.03, 0.07) * height + 12
    out_w = math.ceil(max(xs) - min(xs) + 2 * margin_x)
    out_h = math.ceil(max(ys) - min(ys) + 2 * margin_y)
    placed = [(x - min(xs) + margin_x, y - min(ys) + margin_y) for x, y in corners]
    source = [(0.0, 0.0), (float(width), 0.0), (float(width), float(height)), (0.0, float(height))]
    coeffs = _perspective(placed, source)
    perspective = Image.Transform.PERSPECTIVE
    sheet = _to_image(page).transform(
        (out_w, out_h), perspective, coeffs, resample=Image.Resampling.BICUBIC
    )
    mask_image = Image.new("L", (width, height), 255).transform(
        (out_w, out_h), perspective, coeffs, resample=Image.Resampling.BILINEAR
    )
    mask = np.asarray(mask_image, np.float32) / 255
    desk = np.array(rng.choice(DESKS), np.float32)
    background = desk[None, None, :] * _field(noise, (out_h, out_w), 5, 0.85, 1.1)[:, :, None]
    background *= 1 + noise.normal(0, 0.03, (out_h, out_w, 1)).astype(np.float32)
    shift = (rng.randint(3, 10), rng.randint(5, 14))
    shadow = np.roll(_blur(mask, rng.uniform(6, 16)), shift, axis=(0, 1))
    background *= (1 - 0.5 * shadow)[:, :, None]
    image = np.asarray(sheet, np.float32) / 255 * mask[:, :, None] + background * (
        1 - mask[:, :, None]
    )
    image = _lighting(image, rng, phone=True)
    cast = rng.choice(((1.0, 0.98, 0.93), (0.96, 0.99, 1.0), (1.0, 1.0, 1.0)))
    image *= np.array(cast, np.float32)[None, None, :]
    photo = _to_image(image).filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 1.0)))
    pixels = np.asarray(photo, np.float32) + noise.normal(0, rng.uniform(1.5, 4.5), image.shape)
    out = io.BytesIO()
    Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)).save(
        out, format="JPEG", quality=rng.randint(62, 88)
    )
    return "jpg", out.getvalue()


def _scanner(
    page: np.ndarray, capture: Capture, rng: random.Random, noise: np.random.Generator
) -> tuple[ImageFormat, bytes]:
    """Flatbed, copier or fax: the sheet skewed on the glass, then each device's own finish."""
    height, width = page.shape[:2]
    grey = capture != "flatbed" or rng.random() < 0.6
    page = _lighting(page, rng, phone=False) if capture == "flatbed" else page
    if capture == "flatbed":
        spine = rng.choice((0, width))
        xx = np.arange(width, dtype=np.float32)
        dim = 1 - rng.uniform(0.05, 0.12) * np.exp(-np.abs(xx - spine) / (0.04 * width))
        page = page * dim[None, :, None]
    lid = rng.uniform(0.9, 0.99) if capture != "mfp" else rng.uniform(0.93, 1.0)
    pad = [rng.randint(4, 24), rng.randint(4, 24), rng.randint(10, 60), rng.randint(10, 60)]
    if capture == "fax":
        pad, lid = [2, 2, 2, 2], 1.0
    top, left_pad, bottom, right_pad = pad
    framed = np.full((height + top + bottom, width + left_pad + right_pad, 3), lid, np.float32)
    framed[top : top + height, left_pad : left_pad + width] = page
    if capture != "fax":
        edge = 0.72
        framed[top - 1, left_pad - 1 : left_pad + width + 1] *= edge
        framed[top + height, left_pad - 1 : left_pad + width + 1] *= edge
        framed[top - 1 : top + height + 1, left_pad - 1] *= edge
        framed[top - 1 : top + height + 1, left_pad + width] *= edge
    if grey:
        luminance = framed @ np.array([0.299, 0.587, 0.114], np.float32)
        image = _to_image(luminance)
        fill: Any = int(lid * 255)
    else:
        image = _to_image(framed)
        fill = (int(lid * 255),) * 3
    low, high = (0.5, 1.5) if capture == "fax" else ((0.5, 1.8) if capture == "mfp" else (0.5, 3))
    angle = rng.uniform(low, high) * rng.choice((-1, 1))
    image = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=fill)
    out = io.BytesIO()
    if capture == "fax":
        values = np.asarray(image, np.float32) / 255
        values = values + noise.normal(0, 0.07, values.shape).astype(np.float32)
        black = values < rng.uniform(0.5, 0.6)
        specks = noise.random(black.shape) < rng.uniform(4e-5, 2e-4)
        black |= specks | np.roll(specks, 1, axis=1)
        for _ in range(rng.randint(0, 2)):
            black[rng.randrange(black.shape[0])] = False
        bits = Image.fromarray(np.where(black, 0, 255).astype(np.uint8)).convert(
            "1", dither=Image.Dither.NONE
        )
        bits.save(out, format="PNG", optimize=True)
        return "png", out.getvalue()
    image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.8)))
    values = np.asarray(image, np.float32) / 255
    if capture == "mfp":
        floor, ceiling = rng.uniform(0.1, 0.2), rng.uniform(0.8, 0.88)
        values = np.clip((values - floor) / (ceiling - floor), 0, 1)
        column = rng.randrange(values.shape[1] - 4)
        values[:, column : column + rng.randint(1, 3)] *= rng.uniform(0.92, 0.96)
    specks = noise.random(values.shape[:2]) < rng.uniform(2e-5, 1.2e-4)
    dark = np.where(specks, rng.uniform(0.2, 0.5), 1.0).astype(np.float32)
    dark = np.minimum(dark, np.roll(dark, 1, axis=0))
    values = values * (dark if values.ndim == 2 else dark[:, :, None])
    values = values + noise.normal(0, rng.uniform(0.004, 0.012), values.shape)
    final = _to_image(values)
    if capture == "flatbed" and grey and rng.random() < 0.4:
        final.save(out, format="PNG", optimize=False)
        return "png", out.getvalue()
    quality = rng.randint(55, 75) if capture == "mfp" else rng.randint(62, 88)
    final.save(out, format="JPEG", quality=quality)
    return "jpg", out.getvalue()


def _fax_header(draft: Draft, rng: random.Random) -> None:
    """The sending machine's line across the top: when, from which number and whom, pages."""
    sent = draft.issue + dt.timedelta(days=rng.randint(0, 5))
    month = STAMP_MONTHS["en"].split()[sent.month - 1]
    when = rng.choice(
        (
            DateStyle(NUMERIC_DATES[draft.lang][0], draft.lang).format(sent),
            f"{month}-{sent.day:02d}-{sent.year}",
            f"{sent.day:02d}-{month}-{sent.year % 100:02d}",
        )
    )
    sender = " ".join(_slug(word).upper() for word in draft.vendor.split()[:2])
    number_ = draft.fax_number or names.phone(rng, COUNTRY[draft.lang])
    words = {"de": ("VON", "S."), "en": ("FROM", "P."), "fr": ("DE", "P."), "nl": ("VAN", "BLZ")}
    from_, page = words[draft.lang]
    text = (
        f"{when} {rng.randint(7, 18):02d}:{rng.randint(0, 59):02d}   {from_}: {number_}   "
        f"{sender}   {page} 001/001"
    )
    draft.canvas.text(22, 15, text, size=7.4, fontname="cour")


def _capture(
    draft: Draft, pdf: bytes, capture: Capture, rng: random.Random
) -> tuple[ImageFormat, bytes]:
    noise = np.random.default_rng(rng.getrandbits(32))
    roll = draft.paper == "roll"
    dpi = {
        "phone": rng.randint(200, 280) if roll else rng.randint(160, 210),
        "flatbed": rng.randint(200, 250),
        "mfp": rng.randint(150, 200),
        "fax": 200,
    }[capture]
    page = _paper(draft, pdf, dpi, rng, noise)
    guards = _guards(draft)
    if draft.stamp and rng.random() < 0.7:
        _rubber_stamp(page, draft, guards, dpi, rng, noise)
    if not roll and capture != "phone" and rng.random() < 0.55:
        _holes_or_staple(page, draft, guards, dpi, rng)
    if rng.random() < (0.55 if draft.paper != "a5" else 0.25):
        _fold(page, draft, guards, dpi, rng)
    if capture == "phone":
        return _phone(page, rng, noise)
    return _scanner(page, capture, rng, noise)


# --- the source -------------------------------------------------------------------------------

CAPTURES: dict[Layout, list[tuple[float, Capture]]] = {
    "typed": [(3, "phone"), (3, "flatbed"), (2, "fax"), (2, "mfp")],
    "till": [(7, "phone"), (3, "flatbed")],
    "wholesale": [(4, "fax"), (3, "mfp"), (2, "flatbed"), (1, "phone")],
    "carbon": [(5, "phone"), (4, "flatbed"), (1, "mfp")],
}


def build(rng: random.Random) -> Rendered:
    layout: Layout = choose(rng, [(3, "typed"), (3, "till"), (3, "wholesale"), (2, "carbon")])
    lang: Lang = rng.choice(LANGS)
    draft = {"typed": _typed, "till": _till, "wholesale": _wholesale, "carbon": _carbon}[layout](
        rng, lang
    )
    capture = choose(rng, CAPTURES[layout])
    if capture == "fax":
        _fax_header(draft, rng)
    pdf = draft.canvas.pdf(title=draft.fields["invoice_number"])
    image_format, image = _capture(draft, pdf, capture, rng)
    return Rendered(
        draft.fields,
        lang,
        draft.kind,
        pdf,
        draft.money,
        draft.dates,
        draft.quantities,
        MARKS[lang],
        prices_include_tax=draft.prices_include_tax,
        image=image_format,
        image_bytes=image,
        date_overrides=draft.date_overrides,
    )
