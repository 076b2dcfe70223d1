"""`el-timologio`: Greek invoices and retail receipts in Greek script, as a desktop ERP, a
freelancer's or small firm's simple invoicing program (often set up by its accounting office), an
e-shop's invoicing plugin, the AADE's free `timologio` application and a shop's cash register
print them, every one with its myDATA marks.

Every document names the document type the way myDATA does (`ΤΙΜΟΛΟΓΙΟ ΠΩΛΗΣΗΣ`, `ΤΙΜΟΛΟΓΙΟ -
ΔΕΛΤΙΟ ΑΠΟΣΤΟΛΗΣ`, `ΤΙΜΟΛΟΓΙΟ ΠΑΡΟΧΗΣ ΥΠΗΡΕΣΙΩΝ`, `ΑΠΟΔΕΙΞΗ ΛΙΑΝΙΚΗΣ ΠΩΛΗΣΗΣ`), the issuer's
`ΑΦΜ` (9 digits with the real check digit, `EL` before it on some) and `ΔΟΥ` (a tax office:
`Α' ΑΘΗΝΩΝ`, `ΦΑΕ ΘΕΣΣΑΛΟΝΙΚΗΣ`, `ΚΕΦΟΔΕ ΑΤΤΙΚΗΣ`), the `Επάγγελμα` (activity), a `Αρ. ΓΕΜΗ` for
firms, the client's ΑΦΜ and ΔΟΥ, `Σειρά` and `Αριθμός` (`Α.Α.`), the `Ημερομηνία έκδοσης`, and the
myDATA block: the `ΜΑΡΚ` (15 digits, `400001...`), the `UID` (40 hex digits), an `Authentication
Code` and the provider's licence line on provider-issued prints, and a QR code. Amounts `1.234,56
€` (`1.234,56€` on e-shops, `1234,56 €` on some small programs), bare `1.234,56` in the tables;
dates `05/03/2024`, `5/3/2024`, `05-03-2024`, `05-03-24` on cash registers and `5 Μαρτίου 2024` on
some e-shops (day first, so a third are ambiguous); ΦΠΑ 24 % / 13 % / 6 %, or 17 / 9 / 4 % for a
seller on Lesvos, Chios, Samos or Kos; quantities `2,00` (ERP, AADE app), `2` or `2,000` (cash
register). Firms' names are in capitals without accents (`ΤΕΧΝΙΚΗ ΕΤΑΙΡΕΙΑ ΑΙΓΑΙΟΥ ΜΟΝΟΠΡΟΣΩΠΗ
Ι.Κ.Ε.`, `ΠΑΠΑΔΟΠΟΥΛΟΣ Γ. & ΣΙΑ Ο.Ε.`, Latin names with Greek legal forms: `NEOTECH SOLUTIONS
Ι.Κ.Ε.`), sole traders are printed surname first (`ΚΑΡΑΓΙΑΝΝΗ ΕΛΕΝΗ`, `Παπαδόπουλος Γεώργιος`)
with the father's name (`του Ιωάννη`) on its own line.

Five layouts. `erp` (an Entersoft- or SoftOne-like print): the letterhead with the firm's
distinctive title (`διακριτικός τίτλος`) large above its legal name (the truth's vendor), a boxed
document header with cells `ΣΕΙΡΑ / ΑΡΙΘΜΟΣ / ΗΜΕΡΟΜΗΝΙΑ / ΩΡΑ` (bilingual `ΣΕΙΡΑ / SERIES` on a
third), a `ΣΤΟΙΧΕΙΑ ΠΕΛΑΤΗ` box (customer code, `ΕΠΩΝΥΜΙΑ`, `ΕΠΑΓΓΕΛΜΑ`, `Α.Φ.Μ.`, `Δ.Ο.Υ.`) beside
a dispatch and payment box (`ΤΡΟΠΟΣ ΠΛΗΡΩΜΗΣ: ΕΠΙ ΠΙΣΤΩΣΕΙ`, `ΗΜ/ΝΙΑ ΛΗΞΗΣ` on some, `ΣΚΟΠΟΣ
ΔΙΑΚΙΝΗΣΗΣ`, `ΤΟΠΟΣ ΦΟΡΤΩΣΗΣ`, the lorry's plate, `ΣΧΕΤ. ΠΑΡΑΣΤΑΤΙΚΑ`), a column-ruled table
`Α/Α / ΚΩΔΙΚΟΣ / ΠΕΡΙΓΡΑΦΗ / Μ.Μ. / ΠΟΣΟΤΗΤΑ / ΤΙΜΗ / ΕΚΠ.% / ΚΑΘ. ΑΞΙΑ / ΦΠΑ%` padded with empty
rows, an `ΑΝΑΛΥΣΗ ΦΠΑ` grid with every rate (zeros included), the customer's previous and new
balance, a totals box (`ΑΞΙΑ ΠΡΟ ΕΚΠΤΩΣΗΣ`, `ΕΚΠΤΩΣΗ 0,00`, `ΚΑΘΑΡΗ ΑΞΙΑ`, `ΑΞΙΑ ΦΠΑ`, `ΠΛΗΡΩΤΕΟ
ΠΟΣΟ`), `Ο ΕΚΔΟΣΑΣ / Ο ΠΑΡΑΛΑΒΩΝ` and the myDATA block. `office` (a freelancer's or small firm's
invoicing program, printed, signed and often scanned): the issuer centred at the top, the title,
`Σειρά / Αριθμός / Ημερομηνία` rows beside a `Προς:` client block, a full grid, a reason line with
the contract date or the service period, per-rate ΦΠΑ rows, and for a freelancer billing a firm
over 300 € the income-tax withholding (`Παρακράτηση φόρου εισοδήματος 20%`) with a `Πληρωτέο ποσό`
below the `Σύνολο`, the IBAN, the MARK and UID in small type and the accounting office's credit
line. `eshop` (an e-shop's invoicing plugin): a brand in colour (`officeplus.gr`), a `ΤΙΜΟΛΟΓΙΟ
ΠΩΛΗΣΗΣ` for a firm (net prices) or an `ΑΠΟΔΕΙΞΗ ΛΙΑΝΙΚΗΣ ΠΩΛΗΣΗΣ` for a consumer (prices with
ΦΠΑ), one document code joining series and number (`ΤΠ-0001245`), the order number `#10234` and
order date, billing and shipping addresses, `Προϊόν / Κωδικός / Ποσότητα / Τιμή / Σύνολο` (bilingual
headings on some), the courier charge as a line, a ΦΠΑ analysis, the provider's myDATA footer.
`aade` (the AADE's `timologio` app): `Εκδότης` and `Λήπτης` boxes, a strip of cells `Είδος
παραστατικού / Σειρά / Α.Α. / Ημερομηνία έκδοσης / ΜΑΡΚ / Νόμισμα`, a nine-column grid, a `Τρόποι
πληρωμής` box and a totals box listing every myDATA category (`Σύνολο παρακρατήσεων`, `χαρτοσήμου`,
`τελών`, `λοιπών φόρων`, `κρατήσεων`, all `0,00`) before the `Συνολική αξία`. `receipt` (a cash
register or POS print on 80 mm paper, mostly scanned): the shop's sign, its owner's name (the
truth's vendor), `ΑΠΟΔΕΙΞΗ ΛΙΑΝΙΚΗΣ ΠΩΛΗΣΗΣ`, `ΑΡ.ΑΠΟΔ.`, date and time, items with a ΦΠΑ letter
(`2,40 Β`) and `2 x 1,20` under multiples, or a POS table with quantity, price and value for every
line (only those have line items in the truth), `ΣΥΝΟΛΟ`, `ΜΕΤΡΗΤΑ` and `ΡΕΣΤΑ` or a card slip, a
`ΦΠΑ% / ΚΑΘΑΡΗ / ΦΠΑ / ΣΥΝΟΛΟ` table, the MARK, the cash register's `Z` counter and signature.

Decoys and awkward parts: the series printed beside the number (`Α`, `ΤΔΑ`, `ΑΘ`: where series and
number print apart the truth is the number alone, where the print joins them into one code the
whole code); Greek capitals that look like Latin ones in series, codes and plates (`Α`, `Τ`, `Ρ`,
`ΙΚΥ-4521`); the MARK, UID, authentication code, both parties' ΑΦΜ, the ΓΕΜΗ number, IBANs
(`GR16 0110 ...`), the customer code; a related order or delivery note (`ΠΑΡ-Α 1187`, `ΔΑ 3345`)
shaped like the invoice number with its own date; the e-shop order number and order date; the
shipping start, print and contract dates and a service period; `ΣΥΝ. ΠΟΣΟΤΗΤΑ`, zero discounts,
previous and new balance, `ΜΕΤΡΗΤΑ` / `ΡΕΣΤΑ`; the withholding and the `Πληρωτέο ποσό` after it
(the truth's total is the document total above it, as `it-fattura` keeps `Totale documento`); a
commercial rent invoice exempt from ΦΠΑ (`άρθρο 22`) with `Χαρτόσημο 3,6%` added to the amount to
pay (the truth's total is that amount; the tax, not a sum that makes it, is left out); the small
business exemption (`άρθρο 39 Κώδικα ΦΠΑ`, ΦΠΑ `0,00`, kept as a tax of 0.00); a due date only as
`Επί πιστώσει` or `30 ημέρες` on many (no due date in the truth); the accounting office's name and
phone at the foot. The tax is left out of the truth when the page prints only one ΦΠΑ row per rate
and no sum. About a third are scanned images: most cash-register receipts and many office prints.
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from bench.synth import names
from bench.synth.canvas import A4, RECEIPT_WIDTH, Canvas, Color
from bench.synth.common import Column, choose, draw_table, total_rows
from bench.synth.document import (
    Line,
    Rendered,
    TaxGroup,
    inclusive_tax,
    net_totals,
    pick_dates,
    price,
    truth_fields,
)
from bench.synth.formats import DateStyle, FixedQuantity, MoneyStyle, QuantityStyle, money

GREY: Color = (0.4, 0.4, 0.4)
FILL: Color = (0.86, 0.86, 0.86)
PALE: Color = (0.94, 0.94, 0.94)
ACCENTS: list[Color] = [(0.05, 0.33, 0.6), (0.0, 0.45, 0.45), (0.6, 0.15, 0.2), (0.15, 0.4, 0.2)]
ImageFormat = Literal["png", "jpg"] | None
Kind = Literal["invoice", "receipt"]

MONTHS_GENITIVE = [
    "Ιανουαρίου",
    "Φεβρουαρίου",
    "Μαρτίου",
    "Απριλίου",
    "Μαΐου",
    "Ιουνίου",
    "Ιουλίου",
    "Αυγούστου",
    "Σεπτεμβρίου",
    "Οκτωβρίου",
    "Νοεμβρίου",
    "Δεκεμβρίου",
]


class GreekDate(DateStyle):
    """A date with the Greek month in the genitive (`5 Μαρτίου 2024`), as e-shops print it."""

    def month_name(self, month: int) -> str:
        return MONTHS_GENITIVE[month - 1]


# People, firms and places.

SURNAMES = [
    ("Παπαδόπουλος", "Παπαδοπούλου"),
    ("Γεωργίου", "Γεωργίου"),
    ("Νικολάου", "Νικολάου"),
    ("Οικονόμου", "Οικονόμου"),
    ("Κωνσταντίνου", "Κωνσταντίνου"),
    ("Δημητρίου", "Δημητρίου"),
    ("Ιωάννου", "Ιωάννου"),
    ("Παπανικολάου", "Παπανικολάου"),
    ("Αντωνίου", "Αντωνίου"),
    ("Μαυρίδης", "Μαυρίδου"),
    ("Καραγιάννης", "Καραγιάννη"),
    ("Βασιλείου", "Βασιλείου"),
    ("Αθανασίου", "Αθανασίου"),
    ("Χριστοδούλου", "Χριστοδούλου"),
    ("Πετρίδης", "Πετρίδου"),
    ("Σταματόπουλος", "Σταματοπούλου"),
    ("Λαμπράκης", "Λαμπράκη"),
    ("Τσολάκης", "Τσολάκη"),
    ("Κυριακίδης", "Κυριακίδου"),
    ("Αλεξίου", "Αλεξίου"),
    ("Μπακάλης", "Μπακάλη"),
    ("Φραγκιαδάκης", "Φραγκιαδάκη"),
    ("Σπανός", "Σπανού"),
    ("Ζαχαρίου", "Ζαχαρίου"),
]
FIRST = (
    [
        "Γεώργιος",
        "Ιωάννης",
        "Κωνσταντίνος",
        "Δημήτριος",
        "Νικόλαος",
        "Παναγιώτης",
        "Βασίλειος",
        "Χρήστος",
        "Αθανάσιος",
        "Μιχαήλ",
        "Ευάγγελος",
        "Σπυρίδων",
    ],
    [
        "Μαρία",
        "Ελένη",
        "Αικατερίνη",
        "Βασιλική",
        "Σοφία",
        "Αγγελική",
        "Δήμητρα",
        "Ευαγγελία",
        "Χριστίνα",
        "Παρασκευή",
    ],
)
FATHERS = [
    "Ιωάννη",
    "Γεωργίου",
    "Κωνσταντίνου",
    "Δημητρίου",
    "Νικολάου",
    "Παναγιώτη",
    "Βασιλείου",
    "Χρήστου",
]
INVARIANT = [m for m, f in SURNAMES if m == f]
"""Surnames in the genitive already (`Νικολάου`): `ΑΦΟΙ ΝΙΚΟΛΑΟΥ Ο.Ε.` reads right with them."""

# (town, postcode prefixes, phone area code, tax offices, island with reduced rates)
CITIES: list[tuple[str, tuple[str, ...], str, tuple[str, ...], bool]] = [
    ("Αθήνα", ("104", "105", "106", "112", "113", "115"), "210", ("Α' ΑΘΗΝΩΝ", "Δ' ΑΘΗΝΩΝ",
     "ΙΓ' ΑΘΗΝΩΝ", "ΦΑΕ ΑΘΗΝΩΝ", "ΙΖ' ΑΘΗΝΩΝ"), False),
    ("Πειραιάς", ("185",), "210", ("Α' ΠΕΙΡΑΙΑ", "ΦΑΕ ΠΕΙΡΑΙΑ"), False),
    ("Μαρούσι", ("151",), "210", ("ΑΜΑΡΟΥΣΙΟΥ",), False),
    ("Καλλιθέα", ("176",), "210", ("ΚΑΛΛΙΘΕΑΣ",), False),
    ("Χαλάνδρι", ("152",), "210", ("ΧΑΛΑΝΔΡΙΟΥ",), False),
    ("Γλυφάδα", ("166",), "210", ("ΓΛΥΦΑΔΑΣ",), False),
    ("Θεσσαλονίκη", ("546",), "2310", ("Α' ΘΕΣΣΑΛΟΝΙΚΗΣ", "Δ' ΘΕΣΣΑΛΟΝΙΚΗΣ",
     "ΦΑΕ ΘΕΣΣΑΛΟΝΙΚΗΣ", "Ζ' ΘΕΣΣΑΛΟΝΙΚΗΣ"), False),
    ("Πάτρα", ("262",), "2610", ("Α' ΠΑΤΡΩΝ",), False),
    ("Ηράκλειο", ("712",), "2810", ("ΗΡΑΚΛΕΙΟΥ",), False),
    ("Λάρισα", ("412",), "2410", ("Α' ΛΑΡΙΣΑΣ",), False),
    ("Βόλος", ("383",), "24210", ("ΒΟΛΟΥ",), False),
    ("Ιωάννινα", ("453",), "26510", ("ΙΩΑΝΝΙΝΩΝ",), False),
    ("Χανιά", ("731",), "28210", ("ΧΑΝΙΩΝ",), False),
    ("Καλαμάτα", ("241",), "27210", ("ΚΑΛΑΜΑΤΑΣ",), False),
    ("Μυτιλήνη", ("811",), "22510", ("ΜΥΤΙΛΗΝΗΣ",), True),
    ("Χίος", ("821",), "22710", ("ΧΙΟΥ",), True),
    ("Σάμος", ("831",), "22730", ("ΣΑΜΟΥ",), True),
    ("Κως", ("853",), "22420", ("ΚΩ",), True),
]  # fmt: skip
STREETS = [
    "Ερμού",
    "Αθηνάς",
    "Πατησίων",
    "Λεωφ. Κηφισίας",
    "Λεωφ. Συγγρού",
    "Εγνατίας",
    "Τσιμισκή",
    "Αγίου Δημητρίου",
    "Μαιζώνος",
    "Κορίνθου",
    "25ης Μαρτίου",
    "Εθνικής Αντιστάσεως",
    "Ελ. Βενιζέλου",
    "Καποδιστρίου",
    "Παπαναστασίου",
    "Ανδρέα Παπανδρέου",
    "Ιπποκράτους",
    "28ης Οκτωβρίου",
    "Μεγάλου Αλεξάνδρου",
    "Κολοκοτρώνη",
]
FORMS = ["Α.Ε.", "Α.Ε.", "Ο.Ε.", "Ε.Ε.", "Ε.Π.Ε.", "Ι.Κ.Ε.", "ΜΟΝΟΠΡΟΣΩΠΗ Ι.Κ.Ε.", "Α.Β.Ε.Ε."]
REGIONS = ["ΑΙΓΑΙΟΥ", "ΒΟΡΕΙΟΥ ΕΛΛΑΔΟΣ", "ΑΤΤΙΚΗΣ", "ΚΡΗΤΗΣ", "ΘΕΣΣΑΛΙΑΣ", "ΗΠΕΙΡΟΥ", "ΙΟΝΙΟΥ"]
LATIN = ["NEOTECH", "AEGEAN", "DATAWAVE", "OLYMPUS", "HELIOS", "PRISMA", "DELTA", "ARGO", "ZENITH"]
LATIN_NOUNS = ["SOLUTIONS", "SUPPLIES", "SYSTEMS", "TRADING", "SERVICES", "GROUP"]
BRANDS = ["ΦΩΤΟΔΟΜΗ", "ΧΑΡΤΟΠΟΛΙΣ", "ΤΕΧΝΟΘΕΡΜ", "ΗΛΕΚΤΡΟΝ", "ΔΟΜΟΣ", "ΓΡΑΦΙΣ", "ΠΡΟΟΔΟΣ"]
BANKS = [
    ("011", "Εθνική Τράπεζα"),
    ("014", "Alpha Bank"),
    ("017", "Τράπεζα Πειραιώς"),
    ("026", "Eurobank"),
]
PROVIDERS = [
    ("Ψηφιακά Παραστατικά Α.Ε.", "www.psifiaka-parastatika.gr"),
    ("e-DocHub Ι.Κ.Ε.", "www.edochub.gr"),
    ("TaxFlow Services Α.Ε.", "einvoicing.taxflow.gr"),
    ("ΗΛΕΚΤΡΟΝΙΚΗ ΤΙΜΟΛΟΓΗΣΗ ΕΛΛΑΔΟΣ Α.Ε.", "www.eti-hellas.gr"),
]
ERP_FOOTERS = ["ERP Business Suite 5.40", "Εμπορική Διαχείριση v9.2", "ERP Series 7 - Ver. 7.10"]

# Sectors: activity, the noun firms of that sector put in their name, and their items
# (description, unit, price range, category: std 24 %, food 13 %, book 6 %, rent exempt).

Item = tuple[str, str, float, float, str]
SECTORS: dict[str, tuple[str, str, list[Item]]] = {
    "elec": ("ΕΜΠΟΡΙΟ ΗΛΕΚΤΡΟΛΟΓΙΚΟΥ ΥΛΙΚΟΥ", "ΗΛΕΚΤΡΟΛΟΓΙΚΑ", [
        ("Καλώδιο NYM 3x2,5", "μ.", 0.9, 2.4, "std"),
        ("Λάμπα LED E27 10W", "τεμ.", 1.8, 6, "std"),
        ("Πίνακας διανομής 24 θέσεων", "τεμ.", 35, 95, "std"),
        ("Ασφαλειοδιακόπτης 16A", "τεμ.", 3.5, 9, "std"),
        ("Ρελέ διαρροής 40A 30mA", "τεμ.", 18, 45, "std"),
        ("Πρίζα σούκο λευκή", "τεμ.", 2.2, 7.5, "std"),
        ("Φωτιστικό οροφής LED 18W", "τεμ.", 12, 48, "std"),
        ("Σωλήνας σπιράλ Φ16", "μ.", 0.25, 0.8, "std"),
        ("Ταινία μονωτική 19mm", "τεμ.", 0.6, 1.9, "std"),
        ("Διακόπτης αλέ-ρετούρ", "τεμ.", 3, 9, "std"),
    ]),
    "office": ("ΧΟΝΔΡΙΚΟ ΕΜΠΟΡΙΟ ΕΙΔΩΝ ΓΡΑΦΕΙΟΥ", "ΧΑΡΤΙΚΑ", [
        ("Χαρτί φωτοαντιγραφικό A4 80gr", "δεσμ.", 3.2, 5.5, "std"),
        ("Toner HP 85A μαύρο", "τεμ.", 24, 85, "std"),
        ("Στυλό διαρκείας μπλε (κουτί 50)", "κουτ.", 6, 18, "std"),
        ("Ντοσιέ με λάστιχο", "τεμ.", 0.6, 2.1, "std"),
        ("Κλασέρ 8/32 μπλε", "τεμ.", 1.9, 4.5, "std"),
        ("Καρέκλα γραφείου μαύρη", "τεμ.", 65, 240, "std"),
        ("Ετικέτες αυτοκόλλητες A4 (100 φύλλα)", "πακ.", 8, 22, "std"),
        ("Μελάνι εκτυπωτή έγχρωμο", "τεμ.", 15, 48, "std"),
        ("Ημερολόγιο γραφείου ημερήσιο", "τεμ.", 5, 16, "std"),
        ("Βιβλίο: Κώδικας Φορολογίας Εισοδήματος", "τεμ.", 18, 45, "book"),
        ("Νερό εμφιαλωμένο 0,5 lt (24 τεμ.)", "κιβ.", 3.5, 6.5, "food"),
    ]),
    "it": ("ΠΑΡΟΧΗ ΥΠΗΡΕΣΙΩΝ ΠΛΗΡΟΦΟΡΙΚΗΣ", "ΠΛΗΡΟΦΟΡΙΚΗ", [
        ("Τεχνική υποστήριξη", "ώρες", 25, 60, "std"),
        ("Συντήρηση δικτύου - μηνιαία", "μήνας", 80, 350, "std"),
        ("Άδεια χρήσης λογισμικού (12 μήνες)", "τεμ.", 120, 900, "std"),
        ("Φιλοξενία ιστοσελίδας (ετήσια)", "τεμ.", 60, 240, "std"),
        ("Ανάπτυξη εφαρμογής", "ώρες", 30, 70, "std"),
        ("Οθόνη 24'' Full HD", "τεμ.", 95, 210, "std"),
        ("Πληκτρολόγιο USB ελληνικό", "τεμ.", 9, 28, "std"),
        ("Εγκατάσταση και παραμετροποίηση", "ώρες", 30, 55, "std"),
        ("Δρομολογητής Wi-Fi", "τεμ.", 45, 160, "std"),
    ]),
    "build": ("ΕΜΠΟΡΙΟ ΔΟΜΙΚΩΝ ΥΛΙΚΩΝ", "ΔΟΜΙΚΑ ΥΛΙΚΑ", [
        ("Τσιμέντο σε σάκο 25 kg", "τεμ.", 4.5, 7.9, "std"),
        ("Πλακάκι δαπέδου 60x60", "τ.μ.", 9, 32, "std"),
        ("Γυψοσανίδα 12,5 mm", "τεμ.", 6, 11, "std"),
        ("Κόλλα πλακιδίων 25 kg", "τεμ.", 6.5, 14, "std"),
        ("Χρώμα πλαστικό λευκό 9 lt", "τεμ.", 22, 58, "std"),
        ("Σωλήνας PVC Φ100", "μ.", 2.5, 7, "std"),
        ("Σίδηρος οπλισμού Φ12", "κιλά", 0.8, 1.4, "std"),
        ("Άμμος λατομείου", "κ.μ.", 18, 35, "std"),
        ("Μεταφορικά", "υπηρ.", 25, 120, "std"),
    ]),
    "food": ("ΧΟΝΔΡΙΚΟ ΕΜΠΟΡΙΟ ΤΡΟΦΙΜΩΝ", "ΤΡΟΦΙΜΑ", [
        ("Ελαιόλαδο έξτρα παρθένο 5 lt", "τεμ.", 28, 55, "food"),
        ("Φέτα ΠΟΠ", "κιλά", 8, 13, "food"),
        ("Ζάχαρη λευκή 1 kg", "τεμ.", 0.9, 1.5, "food"),
        ("Αλεύρι για όλες τις χρήσεις 1 kg", "τεμ.", 0.8, 1.4, "food"),
        ("Ρύζι καρολίνα 500 g", "τεμ.", 1.1, 2.2, "food"),
        ("Μακαρόνια Νο 6 500 g", "τεμ.", 0.7, 1.4, "food"),
        ("Νερό εμφιαλωμένο 1,5 lt (εξάδα)", "τεμ.", 1.5, 3.2, "food"),
        ("Απορρυπαντικό πιάτων 1 lt", "τεμ.", 1.4, 3.5, "std"),
        ("Χαρτί κουζίνας (2 ρολά)", "τεμ.", 1.5, 3.9, "std"),
    ]),
    "tech": ("ΤΕΧΝΙΚΗ ΕΤΑΙΡΕΙΑ", "ΤΕΧΝΙΚΗ", [
        ("Συντήρηση λέβητα πετρελαίου", "υπηρ.", 60, 140, "std"),
        ("Εργασία εγκατάστασης", "ώρες", 20, 45, "std"),
        ("Αντλία κυκλοφορίας (ανταλλακτικό)", "τεμ.", 90, 260, "std"),
        ("Επισκευή κλιματιστικού", "υπηρ.", 45, 180, "std"),
        ("Έλεγχος πυρασφάλειας", "υπηρ.", 80, 300, "std"),
        ("Μετάβαση τεχνικού", "υπηρ.", 15, 40, "std"),
        ("Ψυκτικό υγρό R32", "κιλά", 25, 60, "std"),
    ]),
    "consult": ("ΥΠΗΡΕΣΙΕΣ ΣΥΜΒΟΥΛΩΝ ΕΠΙΧΕΙΡΗΣΕΩΝ", "ΣΥΜΒΟΥΛΕΥΤΙΚΗ", [
        ("Συμβουλευτικές υπηρεσίες", "ώρες", 40, 120, "std"),
        ("Σύνταξη επιχειρηματικού σχεδίου", "υπηρ.", 400, 2500, "std"),
        ("Υποβολή φακέλου χρηματοδότησης", "υπηρ.", 300, 1500, "std"),
        ("Εκπαίδευση προσωπικού", "ώρες", 35, 90, "std"),
        ("Μελέτη σκοπιμότητας", "υπηρ.", 600, 3500, "std"),
    ]),
    "print": ("ΕΚΤΥΠΩΣΕΙΣ - ΓΡΑΦΙΚΕΣ ΤΕΧΝΕΣ", "ΓΡΑΦΙΚΕΣ ΤΕΧΝΕΣ", [
        ("Φυλλάδια A5 τετραχρωμία (1000 τεμ.)", "συσκ.", 45, 140, "std"),
        ("Επαγγελματικές κάρτες (500 τεμ.)", "πακ.", 18, 45, "std"),
        ("Αφίσα A2 τετραχρωμία", "τεμ.", 1.2, 4.5, "std"),
        ("Σχεδιασμός λογοτύπου", "υπηρ.", 150, 600, "std"),
        ("Έντυπη έκδοση βιβλίου 120 σελ.", "τεμ.", 4, 11, "book"),
        ("Roll-up banner 85x200", "τεμ.", 45, 110, "std"),
        ("Γραφιστική επιμέλεια", "ώρες", 25, 60, "std"),
    ]),
}  # fmt: skip
RENT_SECTOR = ("ΕΚΜΙΣΘΩΣΗ ΑΚΙΝΗΤΩΝ", "ΑΚΙΝΗΤΑ")
RENTED = ["Μίσθωμα καταστήματος", "Μίσθωμα γραφείου", "Μίσθωμα αποθήκης"]
FREELANCERS: dict[str, list[Item]] = {
    "Πολιτικός Μηχανικός": [
        ("Αμοιβή μηχανικού για έκδοση άδειας δόμησης", "υπηρ.", 800, 3500, "std"),
        ("Στατική μελέτη", "υπηρ.", 500, 2500, "std"),
        ("Επίβλεψη έργου", "μήνας", 300, 1200, "std"),
        ("Πιστοποιητικό ενεργειακής απόδοσης (ΠΕΑ)", "υπηρ.", 80, 250, "std"),
        ("Τακτοποίηση αυθαιρέτου", "υπηρ.", 250, 1200, "std"),
    ],
    "Δικηγόρος": [
        ("Νομική συμβουλή", "ώρες", 60, 150, "std"),
        ("Σύνταξη σύμβασης", "υπηρ.", 200, 900, "std"),
        ("Παράσταση ενώπιον δικαστηρίου", "υπηρ.", 150, 600, "std"),
        ("Έλεγχος τίτλων ακινήτου", "υπηρ.", 250, 800, "std"),
    ],
    "Γραφίστας": [
        ("Σχεδιασμός λογοτύπου", "υπηρ.", 150, 600, "std"),
        ("Γραφιστική επιμέλεια εντύπου", "ώρες", 25, 60, "std"),
        ("Σχεδιασμός συσκευασίας", "υπηρ.", 200, 900, "std"),
    ],
    "Σύμβουλος Επιχειρήσεων": [
        ("Συμβουλευτικές υπηρεσίες", "ώρες", 40, 120, "std"),
        ("Σύνταξη επιχειρηματικού σχεδίου", "υπηρ.", 400, 2500, "std"),
        ("Υποβολή φακέλου χρηματοδότησης", "υπηρ.", 300, 1500, "std"),
    ],
    "Λογιστής - Φοροτεχνικός": [
        ("Λογιστική παρακολούθηση μηνός", "μήνας", 80, 400, "std"),
        ("Σύνταξη και υποβολή δήλωσης ΦΠΑ", "υπηρ.", 30, 90, "std"),
        ("Μισθοδοσία προσωπικού", "μήνας", 40, 200, "std"),
        ("Δήλωση φορολογίας εισοδήματος", "υπηρ.", 50, 200, "std"),
    ],
    "Μεταφραστής": [
        ("Μετάφραση κειμένου (ανά σελίδα)", "σελ.", 8, 22, "std"),
        ("Επικύρωση μετάφρασης", "υπηρ.", 10, 30, "std"),
    ],
    "Προγραμματιστής": [
        ("Ανάπτυξη εφαρμογής", "ώρες", 30, 70, "std"),
        ("Συντήρηση ιστοσελίδας", "μήνας", 50, 250, "std"),
        ("Ενσωμάτωση συστήματος πληρωμών", "υπηρ.", 300, 1200, "std"),
    ],
    "Φωτογράφος": [
        ("Φωτογράφιση προϊόντων", "ώρες", 40, 90, "std"),
        ("Επεξεργασία φωτογραφιών", "τεμ.", 2, 8, "std"),
    ],
}
ACCOUNTANTS = ["Λογιστικό Γραφείο", "Λογιστικές - Φοροτεχνικές Υπηρεσίες", "Λογιστικό γραφείο"]

# Shops for the cash-register receipts: sign, activity, items (printed name, category, price).

SHOPS: dict[str, tuple[str, str, list[tuple[str, str, float, float]]]] = {
    "bakery": ("ΑΡΤΟΠΟΙΕΙΟ", "ΑΡΤΟΠΟΙΕΙΟ - ΖΑΧΑΡΟΠΛΑΣΤΕΙΟ", [
        ("ΨΩΜΙ ΧΩΡΙΑΤΙΚΟ 1ΚΙΛ", "food", 1.6, 2.6),
        ("ΚΟΥΛΟΥΡΙ ΘΕΣΣΑΛΟΝΙΚΗΣ", "food", 0.5, 0.9),
        ("ΤΥΡΟΠΙΤΑ ΚΟΥΡΟΥ", "food", 1.6, 2.8),
        ("ΣΠΑΝΑΚΟΠΙΤΑ", "food", 1.8, 2.9),
        ("ΚΡΟΥΑΣΑΝ ΣΟΚΟΛΑΤΑ", "food", 1.2, 2.2),
        ("ΚΟΥΛΟΥΡΑΚΙΑ ΒΟΥΤΥΡΟΥ 500ΓΡ", "food", 4.5, 7.5),
        ("ΓΛΥΚΑ ΤΑΨΙΟΥ ΚΙΛ", "food", 11, 18),
        ("ΧΥΜΟΣ ΠΟΡΤΟΚΑΛΙ 250ML", "food", 1.2, 2.4),
    ]),
    "market": ("MINI MARKET", "ΠΑΝΤΟΠΩΛΕΙΟ", [
        ("ΓΑΛΑ ΦΡΕΣΚΟ 1LT", "food", 1.3, 2.1),
        ("ΦΕΤΑ ΠΟΠ 400ΓΡ", "food", 4.2, 6.5),
        ("ΓΙΑΟΥΡΤΙ ΣΤΡΑΓΓΙΣΤΟ 1ΚΙΛ", "food", 3.2, 5.4),
        ("ΑΥΓΑ ΦΡΕΣΚΑ 6ΤΕΜ", "food", 2.1, 3.4),
        ("ΜΑΚΑΡΟΝΙΑ ΝΟ6 500ΓΡ", "food", 0.8, 1.6),
        ("ΝΕΡΟ 1,5LT", "food", 0.4, 0.7),
        ("ΑΠΟΡΡΥΠΑΝΤΙΚΟ ΠΙΑΤΩΝ", "std", 1.6, 3.9),
        ("ΧΑΡΤΙ ΥΓΕΙΑΣ 8 ΡΟΛΑ", "std", 3.5, 6.9),
        ("ΟΔΟΝΤΟΚΡΕΜΑ 75ML", "std", 1.9, 3.9),
        ("ΜΠΑΤΑΡΙΕΣ ΑΑ 4ΤΕΜ", "std", 3.5, 7.5),
        ("ΕΦΗΜΕΡΙΔΑ", "book", 1.5, 3.5),
    ]),
    "books": ("ΒΙΒΛΙΟΠΩΛΕΙΟ", "ΒΙΒΛΙΟΠΩΛΕΙΟ - ΧΑΡΤΟΠΩΛΕΙΟ", [
        ("ΒΙΒΛΙΟ ΜΥΘΙΣΤΟΡΗΜΑ", "book", 9, 22),
        ("ΤΕΤΡΑΔΙΟ ΣΠΙΡΑΛ 3 ΘΕΜΑΤΩΝ", "std", 2.5, 4.9),
        ("ΣΤΥΛΟ ΜΠΛΕ", "std", 0.5, 1.6),
        ("ΜΑΡΚΑΔΟΡΟΙ 12ΤΕΜ", "std", 2.9, 6.5),
        ("ΧΑΡΤΙ Α4 500Φ", "std", 4.2, 6.9),
        ("ΕΦΗΜΕΡΙΔΑ", "book", 1.5, 3.5),
        ("ΠΕΡΙΟΔΙΚΟ", "book", 2.5, 5.5),
    ]),
    "pharmacy": ("ΦΑΡΜΑΚΕΙΟ", "ΦΑΡΜΑΚΕΙΟ", [
        ("ΠΑΡΑΚΕΤΑΜΟΛΗ 500MG 20ΔΙΣ", "book", 1.6, 3.2),
        ("ΙΒΟΥΠΡΟΦΑΙΝΗ 400MG 20ΔΙΣ", "book", 2.5, 4.8),
        ("ΒΙΤΑΜΙΝΗ C 1000MG", "std", 5.5, 12),
        ("ΑΝΤΙΗΛΙΑΚΗ ΚΡΕΜΑ SPF50", "std", 12, 24),
        ("ΟΔΟΝΤΟΒΟΥΡΤΣΑ MEDIUM", "std", 2.5, 5.5),
        ("ΦΥΣΙΟΛΟΓΙΚΟΣ ΟΡΟΣ 5ML", "book", 3, 6),
    ]),
}  # fmt: skip
ESHOP_DOMAINS = {
    "office": ["officeplus.gr", "xartika-online.gr", "grafeio24.gr"],
    "it": ["techstore.gr", "pcmania.gr", "netshop.gr"],
    "elec": ["ilektrologika-shop.gr", "ledworld.gr", "fotistiko.gr"],
    "print": ["printhub.gr", "typografeio-online.gr"],
    "food": ["delicatessen.gr", "ellinika-proionta.gr"],
}
COURIERS = ["ACS Courier", "ΕΛΤΑ Courier", "Speedex", "Geniki Taxydromiki", "BOX NOW"]

# Identifiers.


def _caps(text: str) -> str:
    """Greek capitals drop the tonos (`Παπαδόπουλος` -> `ΠΑΠΑΔΟΠΟΥΛΟΣ`)."""
    plain = unicodedata.normalize("NFD", text)
    plain = "".join(ch for ch in plain if ch != "\u0301")
    return unicodedata.normalize("NFC", plain).upper()


def _afm(rng: random.Random, company: bool) -> str:
    """A ΑΦΜ: eight digits and the check digit (weights 2^8..2, mod 11, mod 10)."""
    while True:
        lead = rng.choice(("09", "80", "99", "08")) if company else rng.choice(("0", "1"))
        body = lead + names.digits(rng, 8 - len(lead))
        check = sum(int(d) * 2 ** (8 - i) for i, d in enumerate(body)) % 11 % 10
        if body.strip("0"):
            return f"{body}{check}"


def _iban(rng: random.Random) -> tuple[str, str]:
    """A Greek IBAN (bank, branch, 16-digit account) with real check digits, and its bank."""
    code, bank = rng.choice(BANKS)
    bban = f"{code}{names.digits(rng, 4)}{names.digits(rng, 16)}"
    check = 98 - int(f"{bban}162700") % 97
    raw = f"GR{check:02d}{bban}"
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4)), bank


def _hex(rng: random.Random, count: int) -> str:
    return "".join(rng.choice("0123456789ABCDEF") for _ in range(count))


def _mark(rng: random.Random) -> str:
    return f"40000{rng.randint(1, 4)}{names.digits(rng, 9)}"


def _plate(rng: random.Random) -> str:
    letters = "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ"
    return f"{''.join(rng.choice(letters) for _ in range(3))}-{rng.randint(1000, 9999)}"


def _wrap(canvas: Canvas, text: str, width: float, size: float, bold: bool = False) -> list[str]:
    rows: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and canvas.width_of(trial, size=size, bold=bold) > width:
            rows.append(current)
            current = word
        else:
            current = trial
    if current:
        rows.append(current)
    return rows


def _fit(canvas: Canvas, text: str, width: float, size: float, bold: bool = False) -> float:
    """The largest size up to `size` at which `text` fits in `width` (one line, never wrapped)."""
    while size > 5 and canvas.width_of(text, size=size, bold=bold) > width:
        size -= 0.25
    return size


def _qr(canvas: Canvas, rng: random.Random, x: float, y: float, side: float) -> None:
    """A QR code stand-in: a quiet zone, three finder squares and random modules."""
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
                x0, y0 = x + col * cell, y + row * cell
                canvas.box(x0, y0, x0 + cell, y0 + cell, stroke=None, fill=(0, 0, 0))


# The parties and the document.


@dataclass
class _Party:
    name: str
    """As printed, and for the issuer the truth's vendor."""
    activity: str
    street: str
    town: str
    postcode: str
    afm: str
    doy: str
    phone: str
    email: str = ""
    gemi: str = ""
    brand: str = ""
    father: str = ""
    island: bool = False

    def town_line(self, caps: bool) -> str:
        town = _caps(self.town) if caps else self.town
        return f"{self.postcode} {town}"


@dataclass
class _Doc:
    layout: str
    title: str
    kind: Kind
    vendor: _Party
    client: _Party | None
    series: str
    number: str
    number_truth: str
    issue: dt.date
    due: dt.date
    due_printed: bool
    other: dt.date
    lines: list[Line]
    rates: list[Decimal]
    groups: list[TaxGroup]
    subtotal: Decimal
    tax: Decimal
    total: Decimal
    style: MoneyStyle
    dates: DateStyle
    quantities: QuantityStyle
    all_rates: list[Decimal]
    mark: str
    uid: str
    auth: str
    provider: tuple[str, str]
    payment: str
    bilingual: bool
    withholding: Decimal | None = None
    stamp: Decimal | None = None
    exempt_note: str = ""
    iban: str = ""
    bank: str = ""
    time: str = ""
    notes: list[str] = field(default_factory=list)
    tax_printed: bool = True
    subtotal_printed: bool = True
    line_items: bool = True

    @property
    def payable(self) -> Decimal:
        return self.total - (self.withholding or Decimal(0))

    def date(self, value: dt.date) -> str:
        return self.dates.format(value)

    def rate(self, value: Decimal, places: bool = False) -> str:
        return f"{value:.2f}".replace(".", ",") if places else f"{value}"

    def bi(self, greek: str, english: str, sep: str = " / ") -> str:
        return f"{greek}{sep}{english}" if self.bilingual else greek


def _place(rng: random.Random, island_ok: bool = True) -> tuple[str, str, str, str, str, bool]:
    """Street, town, postcode, phone, tax office and whether the town has the island rates."""
    pool = CITIES if island_ok and rng.random() < 0.1 else [c for c in CITIES if not c[4]]
    town, prefixes, area, offices, island = rng.choice(pool)
    street = f"{rng.choice(STREETS)} {rng.randint(1, 180)}"
    postcode = f"{rng.choice(prefixes)} {names.digits(rng, 2)}"
    phone = f"{area} {names.digits(rng, 10 - len(area))}"
    return street, town, postcode, phone, rng.choice(offices), island


def _person(rng: random.Random) -> tuple[str, str, bool]:
    female = rng.random() < 0.4
    surname = rng.choice(SURNAMES)[1 if female else 0]
    return surname, rng.choice(FIRST[1 if female else 0]), female


def _company_name(rng: random.Random, noun: str) -> tuple[str, str]:
    """A firm's legal name and, for some, the distinctive title it trades under."""
    form = rng.choice(FORMS)
    surname = _caps(rng.choice(SURNAMES)[0])
    initial = _caps(rng.choice(FIRST[0]))[0]
    shape = rng.randrange(6)
    brand = ""
    if shape == 0:
        name = f"{noun} {rng.choice(REGIONS)} {form}"
    elif shape == 1:
        name = f"{surname} {initial}. & ΣΙΑ {rng.choice(('Ο.Ε.', 'Ε.Ε.'))}"
    elif shape == 2:
        name = f"ΑΦΟΙ {_caps(rng.choice(INVARIANT))} {rng.choice(('Ο.Ε.', 'Α.Ε.'))}"
    elif shape == 3:
        latin = rng.choice(LATIN)
        name = f"{latin} {rng.choice(LATIN_NOUNS)} {rng.choice(('Ι.Κ.Ε.', 'Α.Ε.', 'Μ.Ι.Κ.Ε.'))}"
        brand = latin
    elif shape == 4:
        name = f"{surname} {noun} {form}"
    else:
        brand = rng.choice(BRANDS)
        name = f"{initial}. {surname} ΚΑΙ ΣΙΑ {rng.choice(('Ο.Ε.', 'Ε.Ε.'))}"
    if not brand and rng.random() < 0.35:
        brand = rng.choice(BRANDS)
    return name, brand


def _email(rng: random.Random, name: str) -> str:
    base = rng.choice(("info", "sales", "logistirio", "office"))
    words = [w for w in name.split() if "." not in w and w not in ("&", "ΚΑΙ", "ΣΙΑ", "ΑΦΟΙ")]
    handle = _latin(words[0]) if words else "etaireia"
    if len(words) > 1 and rng.random() < 0.5:
        handle += "-" + _latin(words[1])
    return f"{base}@{handle}.gr"


def _company(rng: random.Random, sector: str, *, island_ok: bool = True) -> _Party:
    activity, noun = RENT_SECTOR if sector == "rent" else SECTORS[sector][:2]
    name, brand = _company_name(rng, noun)
    street, town, postcode, phone, doy, island = _place(rng, island_ok)
    if name.endswith(("Α.Ε.", "Α.Β.Ε.Ε.")) and rng.random() < 0.3 and phone.startswith("210"):
        doy = "ΚΕΦΟΔΕ ΑΤΤΙΚΗΣ"
    return _Party(
        name,
        activity,
        street,
        town,
        postcode,
        _afm(rng, True),
        doy,
        phone,
        _email(rng, name),
        f"{names.digits(rng, 9)}000",
        brand,
        island=island,
    )


def _freelancer(rng: random.Random, activity: str, *, caps: bool) -> _Party:
    surname, first, _ = _person(rng)
    name = f"{surname} {first}"
    street, town, postcode, phone, doy, island = _place(rng)
    mobile = f"69{rng.choice('3457')} {names.digits(rng, 7)}"
    father = f"του {rng.choice(FATHERS)}"
    return _Party(
        _caps(name) if caps else name,
        _caps(activity) if caps else activity,
        street,
        town,
        postcode,
        _afm(rng, False),
        doy,
        rng.choice((phone, mobile)),
        f"{rng.choice(('info', 'grafeio', 'contact'))}@{_latin(surname)}.gr",
        father=_caps(father) if caps else father,
        island=island,
    )


def _latin(greek: str) -> str:
    """A Latin handle for an e-mail address (`Παπαδόπουλος` -> `papadopoulos`)."""
    table = {
        "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th",
        "ι": "i", "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p",
        "ρ": "r", "σ": "s", "ς": "s", "τ": "t", "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps",
        "ω": "o", "ϊ": "i", "ϋ": "y",
    }  # fmt: skip
    text = _caps(greek).lower().replace("ου", "ou").replace("αι", "ai").replace("ει", "ei")
    return "".join(table.get(ch, ch) for ch in text)


def _client_company(rng: random.Random) -> _Party:
    return _company(rng, rng.choice(list(SECTORS)), island_ok=False)


def _rate(category: str, island: bool) -> Decimal:
    rates = {"std": 24, "food": 13, "book": 6, "rent": 0}
    value = Decimal(rates[category])
    if island and value:
        value = {Decimal(24): Decimal(17), Decimal(13): Decimal(9), Decimal(6): Decimal(4)}[value]
    return value


def _program_rates(island: bool) -> list[Decimal]:
    return [Decimal(v) for v in ((17, 9, 4) if island else (24, 13, 6))]


def _amount(rng: random.Random, unit: str) -> Decimal:
    if unit in ("ώρες",):
        return Decimal(rng.choice((1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 2.5, 1.5)))
    if unit in ("μ.", "τ.μ.", "κιλά", "κ.μ."):
        return Decimal(rng.choice((5, 10, 12, 20, 25, 40, 50, 100, 150, 7.5)))
    if unit in ("υπηρ.", "μήνας", "σελ."):
        return Decimal(rng.choice((1, 1, 1, 1, 2, 3)))
    return Decimal(rng.choice((1, 1, 2, 2, 3, 4, 5, 6, 10, 12, 20, 24, 50)))


def _pick_lines(
    rng: random.Random, pool: list[Item], count: int, island: bool
) -> tuple[list[Line], list[Decimal]]:
    picks = rng.sample(pool, min(count, len(pool)))
    lines, rates = [], []
    for description, unit, low, high, category in picks:
        lines.append(Line(description, _amount(rng, unit), price(rng, low, high), unit))
        rates.append(_rate(category, island))
    return lines, rates


def _inclusive(
    lines: list[Line], rates: list[Decimal]
) -> tuple[list[TaxGroup], Decimal, Decimal, Decimal]:
    """Groups of tax-inclusive lines: base = gross less the tax it contains."""
    gross: dict[Decimal, Decimal] = {}
    for line, rate in zip(lines, rates, strict=True):
        gross[rate] = gross.get(rate, Decimal(0)) + line.amount
    groups = []
    for rate, value in sorted(gross.items()):
        tax = inclusive_tax(value, rate)
        groups.append(TaxGroup(rate, value - tax, tax))
    total = sum(gross.values(), Decimal(0))
    tax = sum((group.tax for group in groups), Decimal(0))
    return groups, total - tax, tax, total


def _caps_lines(lines: list[Line]) -> list[Line]:
    return [Line(_caps(x.description), x.quantity, x.unit_price, _caps(x.unit)) for x in lines]


# The myDATA block the invoice layouts share.


def _mydata_block(
    canvas: Canvas,
    doc: _Doc,
    rng: random.Random,
    x: float,
    y: float,
    *,
    size: float = 6.5,
    qr_side: float = 58,
    provider: bool = True,
) -> float:
    _qr(canvas, rng, x, y, qr_side)
    tx = x + qr_side + 12
    rows = [f"ΜΑΡΚ: {doc.mark}", f"UID: {doc.uid}"]
    if provider:
        rows.append(f"Authentication Code: {doc.auth}")
        name, site = doc.provider
        licence = f"{rng.choice((2021, 2022))}_{rng.randint(1, 40):03d}"
        rows.append(f"Πάροχος Ηλεκτρονικής Τιμολόγησης: {name} - Αρ. Άδειας ΑΑΔΕ: {licence}")
        rows.append(f"Διαδικτυακός τόπος ελέγχου: {site}")
    else:
        rows.append("Διαβιβάστηκε στην ΑΑΔΕ (myDATA) μέσω ERP")
    for offset, row in enumerate(rows):
        canvas.text(tx, y + 10 + offset * (size + 3), row, size=size, color=GREY)
    return y + qr_side + 6


# Layout 1: a desktop ERP's print.


def _erp(canvas: Canvas, doc: _Doc, rng: random.Random) -> None:
    left, right = 30.0, 565.0
    size = rng.choice((7.0, 7.5))
    accent = rng.choice(ACCENTS)
    v = doc.vendor
    bi = doc.bi

    # Letterhead.
    y = 50.0
    if v.brand:
        canvas.text(left, y, v.brand, size=18, bold=True, color=accent)
        y += 16
        canvas.text(left, y, v.name, size=_fit(canvas, v.name, 300, 9.5, True), bold=True)
    else:
        canvas.text(left, y, v.name, size=_fit(canvas, v.name, 300, 12, True), bold=True)
    rows = [
        v.activity,
        f"{_caps(v.street)} - {v.town_line(True)}",
        f"ΑΦΜ: {'EL' if rng.random() < 0.2 else ''}{v.afm} - ΔΟΥ: {v.doy}",
        f"Τηλ.: {v.phone} - E-mail: {v.email}",
        f"Αρ. ΓΕΜΗ: {v.gemi}",
    ]
    for row in rows:
        y += size + 3
        canvas.text(left, y, row, size=size)

    # Document box.
    bx0, bx1, by0 = 335.0, right, 34.0
    canvas.box(bx0, by0, bx1, by0 + 22, fill=FILL, width=0.7)
    title_size = _fit(canvas, doc.title, bx1 - bx0 - 12, 10.5, True)
    canvas.text((bx0 + bx1) / 2, by0 + 15, doc.title, size=title_size, bold=True, align="center")
    cells_top = by0 + 22
    if doc.bilingual:
        english = "INVOICE" if "ΥΠΗΡΕΣΙΩΝ" not in doc.title else "SERVICE INVOICE"
        if "ΔΕΛΤΙΟ" in doc.title:
            english = "INVOICE - DELIVERY NOTE"
        canvas.box(bx0, cells_top, bx1, cells_top + 11, width=0.7)
        canvas.text((bx0 + bx1) / 2, cells_top + 8, english, size=6.5, align="center")
        cells_top += 11
    header_cells = [
        (bi("ΣΕΙΡΑ", "SERIES", "/"), doc.series, 50.0),
        (bi("ΑΡΙΘΜΟΣ", "No", "/"), doc.number, 62.0),
        (bi("ΗΜΕΡΟΜΗΝΙΑ", "DATE", "/"), doc.date(doc.issue), 68.0),
        (bi("ΩΡΑ", "TIME", "/"), doc.time, 0.0),
    ]
    x = bx0
    for label, value, width in header_cells:
        x1 = x + width if width else bx1
        canvas.box(x, cells_top, x1, cells_top + 28, width=0.7)
        canvas.text(x + 3, cells_top + 9, label, size=5.8, color=GREY)
        canvas.text(x + 4, cells_top + 22, value, size=8.5, bold=True)
        x = x1
    canvas.text(bx1, cells_top + 38, "ΠΡΩΤΟΤΥΠΟ - Σελίδα 1/1", size=6, color=GREY, align="right")

    # Customer and dispatch boxes.
    top = max(y, cells_top + 40) + 14
    client = doc.client
    assert client is not None
    customer = [
        ("ΚΩΔΙΚΟΣ", f"30.00.{rng.randint(1, 2999):04d}"),
        ("ΕΠΩΝΥΜΙΑ", client.name),
        ("ΕΠΑΓΓΕΛΜΑ", client.activity),
        ("ΔΙΕΥΘΥΝΣΗ", _caps(client.street)),
        ("ΠΟΛΗ - Τ.Κ.", f"{_caps(client.town)} - {client.postcode}"),
        ("Α.Φ.Μ.", client.afm),
        ("Δ.Ο.Υ.", client.doy),
        ("ΤΗΛΕΦΩΝΟ", client.phone),
    ]
    dispatch = [("ΤΡΟΠΟΣ ΠΛΗΡΩΜΗΣ", doc.payment)]
    if doc.due_printed:
        dispatch.append((bi("ΗΜ/ΝΙΑ ΛΗΞΗΣ", "DUE DATE"), doc.date(doc.due)))
    elif doc.payment == "ΕΠΙ ΠΙΣΤΩΣΕΙ" and rng.random() < 0.5:
        dispatch.append(("ΟΡΟΙ ΠΛΗΡΩΜΗΣ", f"{(doc.due - doc.issue).days} ΗΜΕΡΕΣ"))
    if "ΔΕΛΤΙΟ" in doc.title:
        dispatch += [
            ("ΣΚΟΠΟΣ ΔΙΑΚΙΝΗΣΗΣ", "ΠΩΛΗΣΗ"),
            ("ΤΟΠΟΣ ΦΟΡΤΩΣΗΣ", "ΕΔΡΑ ΜΑΣ"),
            ("ΤΟΠΟΣ ΠΡΟΟΡΙΣΜΟΥ", rng.choice(("ΕΔΡΑ ΠΕΛΑΤΗ", _caps(client.street)))),
            ("ΑΡ. ΚΥΚΛ. ΟΧΗΜΑΤΟΣ", _plate(rng)),
            ("ΕΝΑΡΞΗ ΑΠΟΣΤΟΛΗΣ", f"{doc.date(doc.issue)} {doc.time}"),
        ]
    if rng.random() < 0.6:
        related = rng.choice(("ΠΑΡ-Α", "ΔΑ", "ΔΑ-Α", "ΠΡΦ"))
        dispatch.append(
            ("ΣΧΕΤ. ΠΑΡΑΣΤΑΤΙΚΑ", f"{related} {rng.randint(100, 9999)} / {doc.date(doc.other)}")
        )
    dispatch.append(("ΠΩΛΗΤΗΣ", _caps(rng.choice(SURNAMES)[0])))
    mid = 300.0
    height = max(len(customer), len(dispatch)) * (size + 4) + 20
    for x0, x1, caption, pairs, gap in (
        (left, mid - 4, bi("ΣΤΟΙΧΕΙΑ ΠΕΛΑΤΗ", "CUSTOMER"), customer, 56.0),
        (mid + 4, right, "ΣΤΟΙΧΕΙΑ ΑΠΟΣΤΟΛΗΣ - ΠΛΗΡΩΜΗΣ", dispatch, 86.0),
    ):
        canvas.box(x0, top, x1, top + 12, fill=FILL, width=0.6)
        canvas.box(x0, top, x1, top + height, width=0.6)
        canvas.text(x0 + 4, top + 9, caption, size=6.8, bold=True)
        yy = top + 12
        for label, value in pairs:
            yy += size + 4
            canvas.text(x0 + 4, yy, label, size=size - 1, color=GREY)
            vsize = _fit(canvas, value, x1 - x0 - gap - 8, size, label == "ΕΠΩΝΥΜΙΑ")
            canvas.text(x0 + gap, yy, value, size=vsize, bold=label == "ΕΠΩΝΥΜΙΑ")
    y = top + height + 12

    # Items, ruled by columns, padded with empty rows.
    q = doc.quantities
    with_vat_value = rng.random() < 0.5
    columns: list[tuple[str, float, Literal["left", "right"]]] = [
        ("Α/Α", left + 3, "left"),
        ("ΚΩΔ./CODE" if doc.bilingual else "ΚΩΔΙΚΟΣ", left + 22, "left"),
        (bi("ΠΕΡΙΓΡΑΦΗ", "DESCRIPTION"), left + 70, "left"),
        ("Μ.Μ.", 296, "left"),
        (bi("ΠΟΣΟΤ.", "QTY", "/"), 356, "right"),
        (bi("ΤΙΜΗ", "PRICE", "/"), 404, "right"),
        ("ΕΚΠ.%", 432, "right"),
        (bi("ΚΑΘ. ΑΞΙΑ", "NET", "/"), 486 if with_vat_value else 522, "right"),
        ("ΦΠΑ%", 512 if with_vat_value else right - 4, "right"),
    ]
    if with_vat_value:
        columns.append(("ΑΞΙΑ ΦΠΑ", right - 4, "right"))
    dividers = [left + 19, left + 67, 293, 322, 362, 410, 436, 490 if with_vat_value else 526]
    if with_vat_value:
        dividers.append(516)
    head = 14.0
    canvas.box(left, y, right, y + head, fill=FILL, width=0.7)
    for label, x, align in columns:
        canvas.text(x, y + 10, label, size=size - 1, bold=True, align=align)
    row_h = size + 5.5
    body = max(len(doc.lines), rng.choice((10, 12, 14))) * row_h + 6
    canvas.box(left, y, right, y + head + body, width=0.7)
    for x in dividers:
        canvas.line(x, y, x, y + head + body, width=0.4)
    yy = y + head
    code_head = rng.choice(("10.", "20.", "ΥΠ-", "Ε-"))
    rate_places = rng.random() < 0.5
    for index, (line, rate) in enumerate(zip(doc.lines, doc.rates, strict=True), 1):
        yy += row_h
        cells = [
            str(index),
            f"{code_head}{rng.randint(1, 99):02d}.{rng.randint(1, 999):03d}",
            line.description,
            line.unit,
            q.number(line.quantity),
            doc.style.number(line.unit_price),
            "0,00",
            doc.style.number(line.amount),
            doc.rate(rate, places=rate_places),
        ]
        if with_vat_value:
            cells.append(doc.style.number(money(line.amount * rate / 100)))
        for (label, x, align), cell in zip(columns, cells, strict=True):
            cell_size = size
            if label.startswith("ΠΕΡΙΓΡΑΦΗ"):
                cell_size = _fit(canvas, cell, 293 - left - 72, size)
            canvas.text(x, yy, cell, size=cell_size, align=align)
    y = y + head + body + 12

    # VAT analysis and balance on the left, totals on the right.
    rates = list(doc.all_rates)
    if doc.stamp is not None:
        rates.append(Decimal(0))
    by_rate = {group.rate: group for group in doc.groups}
    analysis = []
    for rate in rates:
        group = by_rate.get(rate, TaxGroup(rate, Decimal(0), Decimal(0)))
        analysis.append(
            [
                f"{rate}%",
                doc.style.number(group.base),
                doc.style.number(group.tax),
                doc.style.number(group.base + group.tax),
            ]
        )
    after = draw_table(
        canvas,
        y,
        [
            Column(bi("ΣΥΝΤ. ΦΠΑ", "VAT", "/"), left + 4),
            Column("ΚΑΘΑΡΗ ΑΞΙΑ", 150, "right"),
            Column("ΑΞΙΑ ΦΠΑ", 210, "right"),
            Column("ΣΥΝΟΛΟ", 286, "right"),
        ],
        analysis,
        left=left,
        right=292,
        size=size - 0.5,
        row_height=11,
        rules="grid",
        header_fill=PALE,
    )
    qty_sum = sum((line.quantity for line in doc.lines), Decimal(0))
    notes = [f"ΣΥΝ. ΠΟΣΟΤΗΤΑ: {FixedQuantity(',', 2).number(qty_sum)}"]
    if doc.payment == "ΕΠΙ ΠΙΣΤΩΣΕΙ" and rng.random() < 0.7:
        previous = Decimal(rng.randint(0, 800000)) / 100
        notes.append(f"ΠΡΟΗΓ. ΥΠΟΛΟΙΠΟ: {doc.style.number(previous)}")
        notes.append(f"ΝΕΟ ΥΠΟΛΟΙΠΟ: {doc.style.number(previous + doc.payable)}")
    for note in notes:
        after += size + 3
        canvas.text(left + 2, after, note, size=size)
    if doc.exempt_note:
        for row in _wrap(canvas, doc.exempt_note, 262, size - 0.5):
            after += size + 2
            canvas.text(left + 2, after, row, size=size - 0.5)
    after += size + 6
    canvas.text(left + 2, after, "ΠΑΡΑΤΗΡΗΣΕΙΣ:", size=size, bold=True)
    remarks = [f"IBAN: {doc.iban} ({doc.bank})"]
    remarks += doc.notes
    for row in remarks:
        after += size + 3
        canvas.text(left + 2, after, row, size=size - 0.5)

    totals = [
        ("ΑΞΙΑ ΠΡΟ ΕΚΠΤΩΣΗΣ", doc.style.number(doc.subtotal)),
        ("ΕΚΠΤΩΣΗ", doc.style.number(Decimal(0))),
        (bi("ΚΑΘΑΡΗ ΑΞΙΑ", "NET AMOUNT"), doc.style.number(doc.subtotal)),
        (bi("ΑΞΙΑ ΦΠΑ", "VAT"), doc.style.number(doc.tax)),
    ]
    if doc.stamp is not None:
        totals.append(("ΧΑΡΤΟΣΗΜΟ 3,6%", doc.style.number(doc.stamp)))
    tx0 = 330.0
    box_bottom = y + len(totals) * 13 + 8
    canvas.box(tx0, y, right, box_bottom, width=0.7)
    total_rows(canvas, tx0 + 6, right - 6, y + 12, totals, bold=(), size=size + 0.5, step=13)
    due_label = rng.choice(("ΠΛΗΡΩΤΕΟ ΠΟΣΟ", "ΣΥΝΟΛΙΚΗ ΑΞΙΑ", "ΓΕΝΙΚΟ ΣΥΝΟΛΟ"))
    canvas.box(tx0, box_bottom, right, box_bottom + 20, fill=FILL, width=0.7)
    canvas.text(tx0 + 6, box_bottom + 14, bi(due_label, "TOTAL"), size=size + 1.5, bold=True)
    canvas.text(
        right - 6, box_bottom + 14, doc.style.amount(doc.total), size=10, bold=True, align="right"
    )
    y = max(after, box_bottom + 20) + 34

    # Signatures, the myDATA block, the footer.
    for x, label in ((left + 40, "Ο ΕΚΔΟΣΑΣ"), (400, "Ο ΠΑΡΑΛΑΒΩΝ")):
        canvas.line(x, y, x + 130, y, width=0.4)
        canvas.text(x + 65, y + 10, label, size=size, align="center")
    y = max(y + 26, 712.0)
    _mydata_block(canvas, doc, rng, left, y, provider=rng.random() < 0.6)
    canvas.line(left, 800, right, 800, width=0.3)
    printed = doc.issue + dt.timedelta(days=rng.randint(0, 6))
    footer = f"{rng.choice(ERP_FOOTERS)}   Εκτύπωση: {doc.date(printed)} {doc.time}"
    canvas.text(left, 810, footer, size=6, color=GREY)
    canvas.text(right, 810, "Σελίδα 1 από 1", size=6, color=GREY, align="right")


# Layout 2: a freelancer's or small firm's simple invoicing program.


def _office(canvas: Canvas, doc: _Doc, rng: random.Random, accountant: str) -> None:
    left, right = 56.0, 540.0
    centre = (left + right) / 2
    size = rng.choice((9.0, 9.5))
    v = doc.vendor

    y = 60.0
    canvas.text(
        centre,
        y,
        v.name,
        size=_fit(canvas, v.name, right - left, 14, True),
        bold=True,
        align="center",
    )
    header = [v.activity]
    if v.father:
        header = [v.father, v.activity]
    header += [
        f"{v.street}, {v.town_line(False)}",
        f"ΑΦΜ: {v.afm}  -  ΔΟΥ: {v.doy}",
        f"Τηλ.: {v.phone}  -  Email: {v.email}",
    ]
    if v.gemi and rng.random() < 0.6:
        header.append(f"Αρ. ΓΕΜΗ: {v.gemi}")
    for row in header:
        y += size + 3
        canvas.text(centre, y, row, size=size - 0.5, align="center")
    y += 10
    canvas.line(left, y, right, y, width=1.0)
    y += 26
    canvas.text(centre, y, doc.title, size=13, bold=True, align="center")
    y += 28

    # Document data on the left, the client on the right.
    pairs = []
    if doc.series:
        pairs.append(("Σειρά:", doc.series))
    pairs += [("Αριθμός:", doc.number), ("Ημερομηνία:", doc.date(doc.issue))]
    if doc.due_printed:
        pairs.append(("Προθεσμία πληρωμής:", doc.date(doc.due)))
    pairs.append(("Τρόπος πληρωμής:", doc.payment))
    gap = max(canvas.width_of(label, size=size, bold=True) for label, _ in pairs) + 8
    end = y
    for label, value in pairs:
        canvas.text(left, end, label, size=size, bold=True)
        canvas.text(left + gap, end, value, size=size)
        end += size + 5
    client = doc.client
    assert client is not None
    cx = 300.0
    canvas.text(cx, y, "Προς:", size=size, bold=True)
    crow = y
    client_rows = [
        client.name,
        client.activity,
        f"{_caps(client.street)}, {client.town_line(True)}",
        f"ΑΦΜ: {client.afm}  ΔΟΥ: {client.doy}",
    ]
    for index, row in enumerate(client_rows):
        crow += size + 4
        canvas.text(
            cx,
            crow,
            row,
            size=_fit(canvas, row, right - cx, size - 0.5, index == 0),
            bold=index == 0,
        )
    y = max(end, crow + size) + 16

    # The grid.
    q = doc.quantities
    with_rate = len(doc.groups) > 1
    rows = []
    for index, (line, rate) in enumerate(zip(doc.lines, doc.rates, strict=True), 1):
        cells = [str(index), line.description, q.number(line.quantity)]
        cells += [doc.style.number(line.unit_price)]
        if with_rate:
            cells.append(f"{rate}%")
        cells.append(doc.style.number(line.amount))
        rows.append(cells)
    columns = [
        Column("Α/Α", left + 4),
        Column("Περιγραφή", left + 30),
        Column("Ποσότητα", 366, "right"),
        Column("Τιμή μονάδας", 438 if with_rate else 452, "right"),
    ]
    if with_rate:
        columns.append(Column("ΦΠΑ", 472, "right"))
    columns.append(Column("Αξία", right - 4, "right"))
    y = draw_table(
        canvas,
        y,
        columns,
        rows,
        left=left,
        right=right,
        size=size - 1,
        row_height=18,
        rules="grid",
        header_fill=PALE,
    )

    # The reason for the charge: a contract date or a service period (decoy dates).
    y += 8
    if rng.random() < 0.5:
        reason = f"Αιτιολογία: Αμοιβή σύμφωνα με τη σύμβαση της {doc.date(doc.other)}."
    else:
        start = doc.other.replace(day=1)
        end_day = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        reason = f"Περίοδος παροχής υπηρεσιών: {doc.date(start)} - {doc.date(end_day)}"
    canvas.text(left, y, reason, size=size - 1)

    # Totals.
    y += 18
    totals = [("Καθαρή αξία:", doc.style.amount(doc.subtotal))]
    if doc.exempt_note:
        totals.append(("ΦΠΑ 0%:", doc.style.amount(Decimal(0))))
    else:
        for group in doc.groups:
            totals.append((f"ΦΠΑ {group.rate}%:", doc.style.amount(group.tax)))
        if len(doc.groups) > 1:
            if rng.random() < 0.5:
                totals.append(("Σύνολο ΦΠΑ:", doc.style.amount(doc.tax)))
            else:
                doc.tax_printed = False
    strong = "Σύνολο:" if doc.withholding is not None else "Πληρωτέο ποσό:"
    if doc.withholding is None and rng.random() < 0.5:
        strong = "Γενικό σύνολο:"
    totals.append((strong, doc.style.amount(doc.total)))
    if doc.withholding is not None:
        totals.append(("Παρακράτηση φόρου εισοδήματος 20%:", doc.style.amount(-doc.withholding)))
        totals.append(("Πληρωτέο ποσό:", doc.style.amount(doc.payable)))
    tx = 290.0
    end = total_rows(
        canvas, tx, right, y, totals, bold={strong, "Πληρωτέο ποσό:"}, size=size, step=size + 6
    )
    canvas.line(tx, y - size - 4, right, y - size - 4, width=0.6)
    notes_y = y
    if doc.exempt_note:
        for row in _wrap(canvas, doc.exempt_note, tx - left - 16, size - 1.5):
            canvas.text(left, notes_y, row, size=size - 1.5)
            notes_y += size
    if doc.iban:
        notes_y += 6
        canvas.text(left, notes_y, "Τραπεζικός λογαριασμός:", size=size - 1, bold=True)
        canvas.text(left, notes_y + size + 1, doc.bank, size=size - 1)
        canvas.text(left, notes_y + 2 * (size + 1), doc.iban, size=size - 1)
        notes_y += 3 * (size + 1)
    y = max(end, notes_y) + 40

    # Signature, MARK and UID, the accounting office.
    canvas.text(right - 80, y, "Ο εκδότης", size=size, align="center")
    canvas.line(right - 150, y + 36, right - 10, y + 36, width=0.4)
    y = max(y + 50, 716.0)
    if rng.random() < 0.6:
        _mydata_block(canvas, doc, rng, left, y, size=6.5, qr_side=50, provider=False)
    else:
        canvas.text(left, y + 10, f"ΜΑΡΚ {doc.mark}", size=7)
        canvas.text(left, y + 20, f"UID {doc.uid}", size=7)
    canvas.line(left, 790, right, 790, width=0.3, color=GREY)
    canvas.text(left, 801, accountant, size=6.5, color=GREY)


# Layout 3: an e-shop's invoicing plugin.


def _eshop(canvas: Canvas, doc: _Doc, rng: random.Random, domain: str, shipping: str) -> None:
    left, right = 44.0, 551.0
    size = 8.5
    accent = rng.choice(ACCENTS)
    v = doc.vendor
    bi = doc.bi

    canvas.text(left, 62, domain, size=20, bold=True, color=accent)
    y = 80.0
    for row in (
        v.name,
        f"{v.street}, {v.town_line(False)}",
        f"ΑΦΜ: {v.afm} | ΔΟΥ: {v.doy} | ΓΕΜΗ: {v.gemi}",
        f"{v.email} | {v.phone}",
    ):
        canvas.text(left, y, row, size=7.5, bold=row == v.name, color=(0, 0, 0))
        y += 10

    title_size = _fit(canvas, doc.title, 230, 14, True)
    canvas.text(right, 62, doc.title, size=title_size, bold=True, align="right", color=accent)
    if doc.bilingual:
        english = "INVOICE" if doc.kind == "invoice" else "RECEIPT"
        canvas.text(right, 74, english, size=8, color=GREY, align="right")
    order = f"#{rng.randint(10000, 99999)}"
    pairs = [
        (bi("Αριθμός παραστατικού", "Document No"), doc.number),
        (bi("Ημερομηνία", "Date"), doc.date(doc.issue)),
        (bi("Αρ. παραγγελίας", "Order"), order),
        ("Ημ/νία παραγγελίας", doc.date(doc.other)),
        (bi("Τρόπος πληρωμής", "Payment"), doc.payment),
    ]
    py = 92.0
    label_x = right - 230
    for label, value in pairs:
        canvas.text(label_x, py, f"{label}:", size=7.5, color=GREY)
        canvas.text(right, py, value, size=8, bold=label.startswith("Αριθμός"), align="right")
        py += 11
    y = max(y, py) + 18

    # Billing and shipping.
    client = doc.client
    assert client is not None
    billing = [client.name]
    if doc.kind == "invoice":
        billing += [client.activity, f"ΑΦΜ: {client.afm} - ΔΟΥ: {client.doy}"]
    billing += [client.street, client.town_line(False), client.phone]
    surname, first, _ = _person(rng)
    shipping_rows = [f"{first} {surname}", client.street, client.town_line(False)]
    if rng.random() < 0.4:
        street, town, postcode, *_ = _place(rng, island_ok=False)
        shipping_rows = [f"{first} {surname}", street, f"{postcode} {town}"]
    shipping_rows.append(f"{bi('Αποστολή', 'Shipping')}: {shipping}")
    for x, caption, block_lines in (
        (left, bi("Στοιχεία τιμολόγησης", "Billing"), billing),
        (300.0, bi("Στοιχεία αποστολής", "Shipping address"), shipping_rows),
    ):
        canvas.text(x, y, _caps(caption), size=7, bold=True, color=accent)
        yy = y + 4
        for row in block_lines:
            yy += 11
            fit = _fit(canvas, row, 245, size, row == block_lines[0])
            canvas.text(x, yy, row, size=fit, bold=row == block_lines[0])
    y += 16 + 11 * max(len(billing), len(shipping_rows)) + 12

    # Items.
    q = doc.quantities
    rows = []
    sku_head = rng.choice(("SKU-", "", "P", "ΚΩΔ."))
    for line in doc.lines:
        sku = f"{sku_head}{rng.randint(1000, 99999)}"
        if line.description.startswith("Έξοδα αποστολής"):
            sku = "SHIP"
        rows.append(
            [
                line.description,
                sku,
                q.number(line.quantity),
                doc.style.amount(line.unit_price),
                doc.style.amount(line.amount),
            ]
        )
    price_label = bi("Τιμή", "Price") + (" (χωρίς ΦΠΑ)" if doc.kind == "invoice" else "")
    if doc.bilingual and doc.kind == "invoice":
        price_label = "Τιμή / Net price"
    y = draw_table(
        canvas,
        y,
        [
            Column(bi("Προϊόν", "Product"), left + 4),
            Column(bi("Κωδ.", "SKU"), 262),
            Column(bi("Ποσ.", "Qty"), 348, "right"),
            Column(price_label, 448, "right"),
            Column(bi("Σύνολο", "Total"), right - 4, "right"),
        ],
        rows,
        left=left,
        right=right,
        size=size - 0.5,
        row_height=18,
        rules="zebra",
        header_fill=_tint(accent),
    )

    # VAT analysis left, totals right.
    y += 16
    analysis = [
        [f"{group.rate}%", doc.style.number(group.base), doc.style.number(group.tax)]
        for group in doc.groups
    ]
    sums = len(analysis) > 1 and (doc.kind == "invoice" or rng.random() < 0.5)
    if sums:
        analysis.append(["Σύνολο", doc.style.number(doc.subtotal), doc.style.number(doc.tax)])
    draw_table(
        canvas,
        y,
        [
            Column(bi("ΦΠΑ", "VAT"), left + 4),
            Column(bi("Καθαρή αξία", "Net"), 170, "right"),
            Column(bi("Αξία ΦΠΑ", "VAT"), 284, "right"),
        ],
        analysis,
        left=left,
        right=290,
        size=7.5,
        row_height=13,
        rules="header",
        header_bold=False,
    )
    if doc.kind == "invoice":
        totals = [(bi("Καθαρή αξία", "Subtotal") + ":", doc.style.amount(doc.subtotal))]
        for group in doc.groups:
            totals.append((f"ΦΠΑ {group.rate}%:", doc.style.amount(group.tax)))
        if len(doc.groups) > 1:
            totals.append(("Σύνολο ΦΠΑ:", doc.style.amount(doc.tax)))
    else:
        totals = [("Υποσύνολο:", doc.style.amount(doc.total))]
        doc.subtotal_printed = len(doc.groups) == 1 or sums
        doc.tax_printed = doc.subtotal_printed
    strong = bi("Σύνολο", "Total") + ":"
    end = total_rows(canvas, 330, right - 6, y + 10, totals, bold=(), size=size, step=14)
    canvas.box(322, end - 6, right, end + 16, stroke=None, fill=_tint(accent))
    canvas.text(330, end + 9, strong, size=11, bold=True)
    canvas.text(right - 6, end + 9, doc.style.amount(doc.total), size=12, bold=True, align="right")
    if doc.kind == "receipt":
        canvas.text(
            right - 6, end + 28, "Οι τιμές περιλαμβάνουν ΦΠΑ.", size=7, color=GREY, align="right"
        )
    y = end + 50
    thanks = rng.choice(("Ευχαριστούμε για την αγορά σας!", "Ευχαριστούμε που μας προτιμήσατε!"))
    canvas.text(left, y, thanks, size=9, bold=True, color=accent)
    canvas.text(left, y + 13, f"Επιστροφές εντός 14 ημερών - {v.email}", size=7.5, color=GREY)
    _mydata_block(canvas, doc, rng, left, max(y + 40, 720.0), size=6.5, qr_side=56)


def _tint(color: Color) -> Color:
    r, g, b = color
    return (0.85 + r * 0.15, 0.85 + g * 0.15, 0.85 + b * 0.15)


# Layout 4: the AADE's free `timologio` application.


def _aade(canvas: Canvas, doc: _Doc, rng: random.Random) -> None:
    left, right = 36.0, 559.0
    size = 8.0
    v = doc.vendor
    client = doc.client
    assert client is not None

    canvas.text(left, 52, doc.title, size=14, bold=True)
    canvas.text(right, 52, "myDATA", size=10, bold=True, color=GREY, align="right")
    top = 66.0
    mid = (left + right) / 2
    boxes = (
        (left, mid - 4, "Στοιχεία Εκδότη", v, v.father),
        (mid + 4, right, "Στοιχεία Λήπτη", client, ""),
    )
    heights = []
    for x0, x1, caption, party, father in boxes:
        party_rows = [("Επωνυμία", party.name)]
        if father:
            party_rows.append(("Πατρώνυμο", father))
        party_rows += [
            ("ΑΦΜ", party.afm),
            ("ΔΟΥ", party.doy),
            ("Δραστηριότητα", party.activity),
            ("Διεύθυνση", f"{party.street}, {party.town_line(False)}"),
            ("Χώρα", "Ελλάδα"),
        ]
        canvas.box(x0, top, x1, top + 13, fill=FILL, width=0.6)
        canvas.text(x0 + 5, top + 9.5, caption, size=7.5, bold=True)
        yy = top + 13
        for label, value in party_rows:
            yy += size + 4
            canvas.text(x0 + 5, yy, label, size=size - 1, color=GREY)
            width = x1 - x0 - 72
            canvas.text(
                x0 + 66,
                yy,
                value,
                size=_fit(canvas, value, width, size, label == "Επωνυμία"),
                bold=label == "Επωνυμία",
            )
        heights.append(yy + 6 - top)
    height = max(heights)
    for x0, x1, *_ in boxes:
        canvas.box(x0, top, x1, top + height, width=0.6)

    # The document strip.
    y = top + height + 10
    kind_code = "2.1" if "ΥΠΗΡΕΣΙΩΝ" in _caps(doc.title) else "1.1"
    strip = [
        ("Είδος", kind_code, 40.0),
        ("Σειρά", doc.series or "0", 50.0),
        ("Α.Α.", doc.number, 60.0),
        ("Ημερομηνία έκδοσης", doc.date(doc.issue), 92.0),
        ("ΜΑΡΚ", doc.mark, 110.0),
        ("Νόμισμα", "EUR", 50.0),
        ("Τρόπος πληρωμής", doc.payment, 0.0),
    ]
    x = left
    for label, value, width in strip:
        x1 = x + width if width else right
        canvas.box(x, y, x1, y + 26, width=0.6)
        canvas.text(x + 4, y + 9, label, size=6.5, color=GREY)
        canvas.text(x + 4, y + 21, value, size=_fit(canvas, value, x1 - x - 8, 8.5), bold=True)
        x = x1
    y += 40

    # Lines.
    q = doc.quantities
    rows = []
    for index, (line, rate) in enumerate(zip(doc.lines, doc.rates, strict=True), 1):
        vat = money(line.amount * rate / 100)
        rows.append(
            [
                str(index),
                line.description,
                q.number(line.quantity),
                line.unit,
                doc.style.number(line.unit_price),
                doc.style.number(line.amount),
                f"{rate}%",
                doc.style.number(vat),
                doc.style.number(line.amount + vat),
            ]
        )
    y = draw_table(
        canvas,
        y,
        [
            Column("Α/Α", left + 3),
            Column("Περιγραφή", left + 24),
            Column("Ποσότητα", 300, "right"),
            Column("Μ.Μ.", 306),
            Column("Τιμή μον.", 378, "right"),
            Column("Καθαρή αξία", 436, "right"),
            Column("ΦΠΑ", 462, "right"),
            Column("Αξία ΦΠΑ", 508, "right"),
            Column("Σύνολο", right - 3, "right"),
        ],
        rows,
        left=left,
        right=right,
        size=size - 0.5,
        row_height=16,
        rules="grid",
        header_fill=PALE,
    )

    # Payment methods and notes left, all the myDATA totals right.
    y += 14
    canvas.box(left, y, 290, y + 58, width=0.6)
    canvas.text(left + 5, y + 11, "Τρόποι πληρωμής", size=7.5, bold=True)
    canvas.text(left + 5, y + 25, doc.payment, size=size)
    canvas.text(284, y + 25, doc.style.number(doc.total), size=size, align="right")
    canvas.text(left + 5, y + 41, "Σχόλια:", size=7.5, bold=True)
    if doc.exempt_note:
        canvas.text(left + 40, y + 41, doc.exempt_note[:60], size=6.5)
    rows_right = [
        ("Σύνολο καθαρής αξίας", doc.style.number(doc.subtotal)),
        ("Σύνολο ΦΠΑ", doc.style.number(doc.tax)),
        ("Σύνολο παρακρατήσεων", "0,00"),
        ("Σύνολο χαρτοσήμου", "0,00"),
        ("Σύνολο τελών", "0,00"),
        ("Σύνολο λοιπών φόρων", "0,00"),
        ("Σύνολο κρατήσεων", "0,00"),
    ]
    end = total_rows(canvas, 318, right - 6, y + 11, rows_right, bold=(), size=size, step=12)
    canvas.box(310, y, right, end - 4, width=0.6)
    canvas.box(310, end - 4, right, end + 16, fill=FILL, width=0.6)
    canvas.text(318, end + 10, "Συνολική αξία", size=9.5, bold=True)
    canvas.text(right - 6, end + 10, doc.style.amount(doc.total), size=10, bold=True, align="right")
    y = max(y + 58, end + 16) + 30
    _qr(canvas, rng, right - 70, y, 70)
    canvas.text(left, y + 10, f"UID: {doc.uid}", size=7, color=GREY)
    canvas.text(left, y + 21, f"ΜΑΡΚ: {doc.mark}", size=7, color=GREY)
    canvas.text(left, y + 32, f"Ημερομηνία εκτύπωσης: {doc.date(doc.issue)}", size=7, color=GREY)
    canvas.text(left, 806, "Εκδόθηκε μέσω της εφαρμογής timologio της ΑΑΔΕ", size=6.5, color=GREY)


# Layout 5: a cash register's or POS's retail receipt.


def _receipt(canvas: Canvas, doc: _Doc, rng: random.Random, pos: bool) -> float:
    size = rng.choice((7.0, 7.5))
    step = size + 3
    left, right, centre = 10.0, RECEIPT_WIDTH - 10, RECEIPT_WIDTH / 2
    v = doc.vendor
    y = 20.0

    def put(
        x: float,
        text: str,
        *,
        align: Literal["left", "right", "center"] = "left",
        bold: bool = False,
        grow: float = 0,
    ) -> None:
        fit = size + grow
        if align == "center":
            fit = _fit(canvas, text, right - left, size + grow, bold)
        canvas.text(x, y, text, size=fit, bold=bold, align=align)

    def centred(text: str, *, bold: bool = False, grow: float = 0) -> None:
        nonlocal y
        y += step + grow
        put(centre, text, align="center", bold=bold, grow=grow)

    def pair(label: str, value: str, *, bold: bool = False) -> None:
        nonlocal y
        y += step + (2 if bold else 0)
        put(left, label, bold=bold, grow=1.5 if bold else 0)
        put(right, value, align="right", bold=bold, grow=1.5 if bold else 0)

    dash = "-" * int((right - left) / canvas.width_of("-", size=size))
    centred(v.brand, bold=True, grow=2)
    centred(v.name)
    centred(v.activity)
    centred(f"{_caps(v.street)} - {v.town_line(True)}")
    centred(f"ΑΦΜ: {v.afm}  ΔΟΥ: {v.doy}")
    centred(f"ΤΗΛ: {v.phone}")
    y += step
    put(left, dash)
    centred(doc.title, bold=True)
    y += step
    number_label = rng.choice(("ΑΡ.ΑΠΟΔ.:", "ΑΡΙΘΜΟΣ:", "Α/Α:"))
    put(left, f"ΣΕΙΡΑ: {doc.series}" if doc.series else f"ΤΑΜΕΙΟ: {rng.randint(1, 4)}")
    put(right, f"{number_label} {doc.number}", align="right")
    y += step
    put(left, f"ΗΜ/ΝΙΑ: {doc.date(doc.issue)}")
    put(right, f"ΩΡΑ: {doc.time}", align="right")
    y += step
    put(left, dash)

    q = doc.quantities
    letters = {"book": "Α", "food": "Β", "std": "Γ"}
    rate_letter = {_rate(cat, v.island): letter for cat, letter in letters.items()}
    if pos:
        y += step
        put(left, "ΠΕΡΙΓΡΑΦΗ", bold=True)
        put(right - 88, "ΠΟΣ.", align="right", bold=True)
        put(right - 44, "ΤΙΜΗ", align="right", bold=True)
        put(right, "ΑΞΙΑ", align="right", bold=True)
        for line, rate in zip(doc.lines, doc.rates, strict=True):
            y += step
            put(left, line.description)
            y += step
            put(left + 4, f"ΦΠΑ {rate}%", grow=-1)
            put(right - 88, q.number(line.quantity), align="right")
            put(right - 44, doc.style.number(line.unit_price), align="right")
            put(right, doc.style.number(line.amount), align="right")
    else:
        for line, rate in zip(doc.lines, doc.rates, strict=True):
            y += step
            put(left, line.description)
            put(right, f"{doc.style.number(line.amount)} {rate_letter[rate]}", align="right")
            if line.quantity != 1:
                y += step
                put(left + 12, f"{q.number(line.quantity)} x {doc.style.number(line.unit_price)}")
    y += step
    put(left, dash)
    count = sum((line.quantity for line in doc.lines), Decimal(0))
    if rng.random() < 0.5:
        y += step
        put(left, f"ΤΕΜΑΧΙΑ: {QuantityStyle(',').number(count)}")
    pair("ΣΥΝΟΛΟ", doc.style.amount(doc.total), bold=True)
    if doc.payment == "ΜΕΤΡΗΤΑ":
        cash = next(Decimal(n) for n in (5, 10, 20, 50, 100, 200) if n >= doc.total)
        pair("ΜΕΤΡΗΤΑ", doc.style.number(cash))
        pair("ΡΕΣΤΑ", doc.style.number(cash - doc.total))
    else:
        pair("ΚΑΡΤΑ", doc.style.number(doc.total))
        centred("ΠΛΗΡΩΜΗ ΜΕ ΚΑΡΤΑ - POS")
        centred(f"TID: {names.digits(rng, 8)}  ΕΓΚΡΙΣΗ: {names.digits(rng, 6)}")
    y += step
    put(left, dash)
    y += step
    columns: tuple[tuple[str, float, Literal["left", "right"]], ...] = (
        ("ΦΠΑ%", left, "left"),
        ("ΚΑΘΑΡΗ", 110, "right"),
        ("ΦΠΑ", 160, "right"),
        ("ΣΥΝΟΛΟ", right, "right"),
    )
    for title, x, align in columns:
        put(x, title, align=align, grow=-0.5)
    table = []
    for group in doc.groups:
        label = f"{rate_letter.get(group.rate, '')} {group.rate}%".strip()
        table.append((label, group.base, group.tax, group.base + group.tax))
    sums = len(table) > 1 and rng.random() < 0.6
    if sums:
        table.append(("ΣΥΝΟΛΑ", doc.subtotal, doc.tax, doc.total))
    for label, base, tax, gross in table:
        y += step
        cells = (label, doc.style.number(base), doc.style.number(tax), doc.style.number(gross))
        for value, (_, x, align) in zip(cells, columns, strict=True):
            put(x, value, align=align, grow=-0.5)
    doc.subtotal_printed = doc.tax_printed = len(table) == 1 or sums
    y += step
    put(left, dash)
    centred(f"ΜΑΡΚ: {doc.mark}")
    y += 8
    _qr(canvas, rng, centre - 34, y, 68)
    y += 72
    if not pos:
        centred(
            f"Z: {rng.randint(1, 1400):04d}   ΦΗΜ: {rng.choice('ΑΒΓΔΕ')}ΒΓ{names.digits(rng, 8)}"
        )
        centred(_hex(rng, 40))
    centred(rng.choice(("ΕΥΧΑΡΙΣΤΟΥΜΕ ΠΟΛΥ", "ΚΑΛΗ ΣΥΝΕΧΕΙΑ!", "ΕΥΧΑΡΙΣΤΟΥΜΕ - ΚΑΛΗ ΜΕΡΑ")))
    if pos:
        name, site = doc.provider
        centred(f"Πάροχος: {name}")
        centred(site)
    return y + 24


# The document.


def build(rng: random.Random) -> Rendered:
    layout = choose(rng, [(3, "erp"), (2.5, "office"), (2, "eshop"), (1.5, "aade"), (2, "receipt")])
    bilingual = layout in ("erp", "eshop") and rng.random() < 0.3

    # Styles.
    if layout == "eshop":
        style = MoneyStyle(".", ",", "€", symbol_after=True, symbol_space=rng.random() < 0.3)
    elif layout == "office" and rng.random() < 0.3:
        style = MoneyStyle("", ",", "€", symbol_after=True)
    else:
        style = MoneyStyle(".", ",", "€", symbol_after=True)
    patterns = {
        "erp": ("{dd}/{mm}/{yyyy}", "{dd}/{mm}/{yyyy}", "{dd}-{mm}-{yyyy}"),
        "office": ("{dd}/{mm}/{yyyy}", "{d}/{m}/{yyyy}", "{dd}-{mm}-{yyyy}"),
        "eshop": ("{dd}/{mm}/{yyyy}",),
        "aade": ("{dd}/{mm}/{yyyy}",),
        "receipt": ("{dd}/{mm}/{yyyy}", "{dd}-{mm}-{yy}", "{dd}/{mm}/{yyyy}"),
    }[layout]
    dates_style: DateStyle = DateStyle(rng.choice(patterns))
    if layout == "eshop" and rng.random() < 0.4:
        dates_style = GreekDate("{d} {month} {yyyy}")
    quantities: QuantityStyle = QuantityStyle(",")
    if layout in ("erp", "aade"):
        quantities = FixedQuantity(",", places=2 if rng.random() < 0.8 else 3)
    elif layout == "receipt" and rng.random() < 0.3:
        quantities = FixedQuantity(",", places=3)
    dates = pick_dates(rng, dates_style, due_days=(30, 30, 60, 90, 15))
    year = dates.issue.year

    # Who issues what to whom.
    kind: Kind = "invoice"
    client: _Party | None = _client_company(rng)
    freelancer = False
    rent = False
    shop = ""
    domain = ""
    if layout == "erp":
        rent = rng.random() < 0.08
        sector = "rent" if rent else rng.choice(list(SECTORS))
        vendor = _company(rng, sector)
    elif layout in ("office", "aade"):
        freelancer = rng.random() < (0.7 if layout == "office" else 0.6)
        if freelancer:
            activity = rng.choice(list(FREELANCERS))
            vendor = _freelancer(rng, activity, caps=rng.random() < 0.4)
            sector = ""
        else:
            sector = rng.choice(("tech", "print", "consult", "it"))
            vendor = _company(rng, sector)
            if layout == "aade":
                vendor.brand = ""
    elif layout == "eshop":
        sector = rng.choice(list(ESHOP_DOMAINS))
        vendor = _company(rng, sector)
        domain = rng.choice(ESHOP_DOMAINS[sector])
        if rng.random() < 0.45:
            kind = "receipt"
            surname, first, _ = _person(rng)
            street, town, postcode, phone, doy, _ = _place(rng, island_ok=False)
            mobile = f"69{rng.choice('3457')} {names.digits(rng, 7)}"
            client = _Party(f"{first} {surname}", "", street, town, postcode, "", "", mobile)
    else:
        kind = "receipt"
        client = None
        shop = rng.choice(list(SHOPS))
        sign, activity, _ = SHOPS[shop]
        surname, first, _ = _person(rng)
        street, town, postcode, phone, doy, island = _place(rng)
        if rng.random() < 0.5:
            name = _caps(f"{surname} {first}")
        else:
            name = f"{_caps(surname)} {_caps(first)[0]}. & ΣΙΑ Ο.Ε."
        brand_word = rng.choice(("Ο ΑΓΙΟΣ ΓΕΩΡΓΙΟΣ", "Η ΣΤΑΧΥΑ", "ΤΟ ΣΤΕΚΙ", "Η ΓΩΝΙΑ", "ΚΕΝΤΡΙΚΟ"))
        vendor = _Party(
            name,
            activity,
            street,
            town,
            postcode,
            _afm(rng, False),
            doy,
            phone,
            brand=f"{sign} «{brand_word}»",
            island=island,
        )
        sector = ""
    island = vendor.island

    # Lines and totals.
    withholding: Decimal | None = None
    stamp: Decimal | None = None
    exempt_note = ""
    courier = ""
    if layout == "receipt":
        shop_pool = SHOPS[shop][2]
        picks = rng.sample(shop_pool, rng.randint(1, min(8, len(shop_pool))))
        lines, rates = [], []
        for description, category, low, high in picks:
            amount = Decimal(choose(rng, [(7, 1), (2, 2), (1, 3)]))
            lines.append(Line(description, amount, price(rng, low, high)))
            rates.append(_rate(category, island))
        groups, subtotal, tax, total = _inclusive(lines, rates)
    else:
        if freelancer:
            pool = FREELANCERS[vendor.activity if vendor.activity in FREELANCERS else activity]
        elif rent:
            pool = []
        else:
            pool = SECTORS[sector][2]
        count = rng.randint(1, {"erp": 8, "office": 4, "eshop": 5, "aade": 5}[layout])
        if rent:
            month = dates.issue.month - 1
            lines = [
                Line(
                    f"{rng.choice(RENTED)} μηνός {MONTHS_GENITIVE[month]} {year}",
                    Decimal(1),
                    Decimal(rng.randint(40, 350) * 10),
                    "μήν.",
                )
            ]
            rates = [Decimal(0)]
        else:
            lines, rates = _pick_lines(rng, pool, count, island)
        if layout == "eshop":
            fee = Decimal(rng.choice(("3.50", "4.00", "2.90", "5.00", "3.00")))
            courier = rng.choice(COURIERS)
            lines.append(Line(f"Έξοδα αποστολής - {courier}", Decimal(1), fee, "υπηρ."))
            rates.append(_rate("std", island))
        if kind == "receipt":
            groups, subtotal, tax, total = _inclusive(lines, rates)
        else:
            small_exempt = freelancer and rng.random() < 0.15
            if small_exempt:
                rates = [Decimal(0)] * len(lines)
                exempt_note = (
                    "Απαλλαγή από ΦΠΑ βάσει του άρθρου 39 του Κώδικα ΦΠΑ "
                    "(ειδικό καθεστώς μικρών επιχειρήσεων)."
                )
            groups, subtotal, tax, total = net_totals(lines, rates)
            if rent:
                stamp = money(subtotal * Decimal("0.036"))
                total = subtotal + stamp
                exempt_note = (
                    "Απαλλάσσεται του ΦΠΑ (άρθρο 22 παρ. 1 περ. ιστ' Κώδικα ΦΠΑ). "
                    "Χαρτόσημο 3,6% (3% + ΟΓΑ 20%) επί του μισθώματος."
                )
            if freelancer and layout == "office" and subtotal > 300 and rng.random() < 0.8:
                withholding = money(subtotal * Decimal("0.2"))
    if layout == "erp" and rng.random() < 0.5:
        lines = _caps_lines(lines)

    # Titles, numbers, payment.
    services = freelancer or rent or (sector in ("it", "consult", "tech") and rng.random() < 0.6)
    if kind == "receipt":
        title = "Απόδειξη Λιανικής Πώλησης"
    elif services:
        title = "Τιμολόγιο Παροχής Υπηρεσιών"
    elif layout == "erp" and rng.random() < 0.5:
        title = "Τιμολόγιο - Δελτίο Αποστολής"
    else:
        title = "Τιμολόγιο Πώλησης"
    if layout not in ("office", "aade") or rng.random() < 0.5:
        title = _caps(title)
    seq = rng.randint(1, 4800)
    series = ""
    if layout == "erp":
        series = rng.choice(("Α", "Β", "ΤΔΑ", "ΤΠΥ", "ΑΘ", "ΘΕΣ", "Α1", "ΤΙΜ"))
        number = rng.choice((str(seq), f"{seq:06d}", f"{seq:08d}"))
        number_truth = number
    elif layout == "office":
        series = rng.choice(("Α", "Α", "Β", "ΤΠΥ", ""))
        number = str(rng.randint(1, 180))
        number_truth = number
    elif layout == "aade":
        series = rng.choice(("Α", "", "ΤΠΥ", "Β"))
        number = str(rng.randint(1, 240))
        number_truth = number
    elif layout == "eshop":
        prefix = rng.choice(
            ("ΤΠ-", "ΤΙΜ ", "Α-", "INV-") if kind == "invoice" else ("ΑΛΠ-", "ΑΛ ", "Β-", "RCP-")
        )
        number = f"{prefix}{seq:07d}" if rng.random() < 0.6 else f"{prefix}{seq}"
        number_truth = number
    else:
        series = rng.choice(("Α", "", ""))
        number = f"{seq:06d}" if rng.random() < 0.5 else str(seq)
        number_truth = number
    if layout == "receipt":
        payment = rng.choice(("ΜΕΤΡΗΤΑ", "ΜΕΤΡΗΤΑ", "ΚΑΡΤΑ"))
    elif layout == "eshop":
        payment = rng.choice(
            ("Πιστωτική/Χρεωστική κάρτα", "Αντικαταβολή", "Τραπεζική κατάθεση", "PayPal")
        )
    elif layout == "erp":
        payment = rng.choice(("ΕΠΙ ΠΙΣΤΩΣΕΙ", "ΕΠΙ ΠΙΣΤΩΣΕΙ", "ΜΕΤΡΗΤΑ", "ΚΑΤΑΘΕΣΗ ΣΕ ΤΡΑΠΕΖΑ"))
    elif layout == "office":
        payment = rng.choice(("Κατάθεση σε τραπεζικό λογαριασμό", "Επί πιστώσει", "Μετρητά"))
    else:
        payment = rng.choice(("Επί πιστώσει", "Επαγγελματικός λογαριασμός πληρωμών", "Μετρητά"))
    due_printed = (layout == "erp" and payment == "ΕΠΙ ΠΙΣΤΩΣΕΙ" and rng.random() < 0.5) or (
        layout == "office" and payment != "Μετρητά" and rng.random() < 0.45
    )
    iban, bank = _iban(rng)
    office_name = _caps(rng.choice(SURNAMES)[0])
    area = rng.choice(CITIES)[2]
    accountant = (
        f"{rng.choice(ACCOUNTANTS)} {office_name} - Τηλ. {area} {names.digits(rng, 10 - len(area))}"
    )

    doc = _Doc(
        layout=layout,
        title=title,
        kind=kind,
        vendor=vendor,
        client=client,
        series=series,
        number=number,
        number_truth=number_truth,
        issue=dates.issue,
        due=dates.due,
        due_printed=due_printed,
        other=dates.other[0],
        lines=lines,
        rates=rates,
        groups=groups,
        subtotal=subtotal,
        tax=tax,
        total=total,
        style=style,
        dates=dates_style,
        quantities=quantities,
        all_rates=_program_rates(island),
        mark=_mark(rng),
        uid=_hex(rng, 40),
        auth=_hex(rng, 40),
        provider=rng.choice(PROVIDERS),
        payment=payment,
        bilingual=bilingual,
        withholding=withholding,
        stamp=stamp,
        exempt_note=exempt_note,
        iban=iban if layout in ("erp", "office") else "",
        bank=bank,
        time=f"{rng.randint(7, 20):02d}:{rng.randint(0, 59):02d}",
    )
    if layout == "erp" and rng.random() < 0.4:
        doc.notes.append("Παρακαλούμε αναγράφετε τον αριθμό του παραστατικού στην κατάθεση.")

    if layout == "receipt":
        canvas = Canvas(RECEIPT_WIDTH, 900, family=rng.choice(("cour", "cour", "helv")))
        pos = rng.random() < 0.4
        canvas.height = _receipt(canvas, doc, rng, pos)
        doc.line_items = pos
        image: ImageFormat = choose(rng, [(3, None), (5, "jpg"), (2, "png")])
    else:
        family = "tiro" if layout == "office" and rng.random() < 0.6 else "helv"
        canvas = Canvas(*A4, family=family)
        if layout == "erp":
            _erp(canvas, doc, rng)
            image = choose(rng, [(7, None), (2, "jpg"), (1, "png")])
        elif layout == "office":
            _office(canvas, doc, rng, accountant)
            image = choose(rng, [(5, None), (4, "jpg"), (1, "png")])
        elif layout == "eshop":
            _eshop(canvas, doc, rng, domain, courier)
            image = choose(rng, [(19, None), (1, "jpg")])
        else:
            _aade(canvas, doc, rng)
            image = choose(rng, [(8, None), (2, "jpg")])

    # The stamp duty makes the amount to pay: no VAT sum adds up to it, so no tax in the truth.
    keep_tax = doc.tax_printed and stamp is None
    fields = truth_fields(
        number=number_truth,
        issue=dates.issue,
        due=dates.due if due_printed else None,
        vendor=vendor.name,
        total=total,
        subtotal=subtotal if doc.subtotal_printed else None,
        tax=tax if keep_tax else None,
        currency="EUR",
        lines=lines if doc.line_items else None,
    )
    return Rendered(
        fields,
        "el",
        kind,
        canvas.pdf(title=number_truth),
        style,
        dates_style,
        quantities,
        ("€", "EUR"),
        prices_include_tax=kind == "receipt",
        image=image,
    )
