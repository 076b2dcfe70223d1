"""Word lists for the synthetic sources: company names with their legal forms, people, addresses,
identifiers (VAT ids, IBANs, phone numbers) and line-item descriptions, per country.

All made up from common words and surnames; any likeness to a real firm is chance.
"""

from __future__ import annotations

import random

SURNAMES = {
    "en": "Harper Whitfield Ashworth Pennington Carter Bramley Holt Fenwick Marsh Kendall Thornton "
    "Radcliffe Lowe Ellison Barrow Hughes Pryce Oakley Sutton Griffiths",
    "us": "Miller Johnson Reyes Walker Brooks Sullivan Nguyen Foster Hayes Coleman Price Bennett "
    "Ramirez Jenkins Perry Russell Patterson Hughes Ortiz Long",
    "de": "Müller Schmidt Schneider Fischer Weber Becker Hoffmann Schäfer Koch Richter Wolf "
    "Neumann Schwarz Zimmermann Krüger Hartmann Lange Köhler Brandt Vogel",
    "fr": "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent "
    "Lefèvre Michel Garnier Roux Fournier Girard Mercier Chevalier",
    "nl": "Jansen Bakker Visser Smit Meijer Mulder Bos Vos Peters Hendriks Dekker Brouwer Kok "
    "Willems Verhoeven Kuiper Postma Vermeulen",
    "pl": "Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański "
    "Woźniak Dąbrowski Kozłowski Jankowski Mazur Krawczyk",
    "es": "García Fernández González Rodríguez López Martínez Sánchez Pérez Gómez Martín Jiménez "
    "Ruiz Hernández Díaz Moreno Álvarez Romero Navarro",
    "ch": "Meier Keller Weber Huber Schneider Brunner Baumann Frei Gerber Widmer Steiner Moser "
    "Zbinden Bühler Rüegg Fankhauser",
    "nordic": "Lindqvist Berg Strand Holm Dahl Lund Nyström Sandberg Eklund Fjeld Hansen Nielsen "
    "Larsen Jensen Olsen Bakke",
}

FIRST = {
    "en": "Oliver Amelia Jack Sophie Harry Grace Thomas Emily James Chloe",
    "us": "Michael Jennifer David Ashley Chris Megan Brian Nicole Kevin Laura",
    "de": "Anna Lukas Julia Jonas Laura Felix Sarah Tobias Katrin Stefan",
    "fr": "Camille Louis Chloé Hugo Léa Nicolas Manon Julien Claire Antoine",
    "nl": "Daan Emma Sem Sanne Lars Fleur Bram Anouk Ruben Lotte",
    "pl": "Anna Piotr Katarzyna Tomasz Magdalena Paweł Agnieszka Marcin Joanna Łukasz",
    "es": "Lucía Hugo Martina Pablo Sofía Javier Carmen Álvaro Elena Diego",
    "ch": "Luca Lea Noah Mia Jan Nina Reto Sandra Urs Corinne",
}

NOUNS = {
    "en": "Engineering|Supplies|Logistics|Consulting|Print|Joinery|Electrical|Software|Catering|"
    "Packaging|Analytics|Hardware|Design|Facilities|Plumbing|Signs",
    "us": "Supply|Logistics|Consulting|Printing|Electric|Software|Solutions|Industries|Hardware|"
    "Labs|Services|Systems|Outfitters|Fabrication",
    "de": "Haustechnik|Metallbau|Elektrotechnik|Bürobedarf|Druckerei|Logistik|Holzbau|"
    "Maschinenbau|Software|Gebäudereinigung|Dachdeckerei|Sanitär|Messtechnik",
    "fr": "Bâtiment|Électricité|Imprimerie|Transports|Menuiserie|Informatique|Conseil|Plomberie|"
    "Fournitures|Nettoyage|Signalétique|Emballages",
    "nl": "Installatietechniek|Bouw|Transport|Drukwerk|Schoonmaak|Automatisering|Advies|"
    "Metaalbewerking|Tuinen|Verpakkingen",
    "pl": "Usługi Budowlane|Transport|Instalacje|Poligrafia|Serwis|Handel|Technika Grzewcza|"
    "Meble|Elektronika|Doradztwo",
    "es": "Construcciones|Suministros|Instalaciones|Transportes|Asesoría|Imprenta|Carpintería|"
    "Informática|Limpiezas|Reformas",
    "ch": "Treuhand|Schreinerei|Informatik|Sanitär|Gartenbau|Elektro|Malerei|Holzbau|Druck",
}

ADJECTIVES = {
    "en": "Northern Summit Bluebell Redwood Harbour Granite Oakfield Meridian Westgate Kestrel",
    "us": "Pacific Evergreen Liberty Sierra Keystone Prairie Summit Cascade Ironwood Bayside",
}

FORMS = {
    "en": ["Ltd", "Limited", "Ltd.", "LLP", "Ltd"],
    "us": ["Inc.", "LLC", "Corp.", "Co.", "Inc."],
    "de": ["GmbH", "GmbH", "GmbH & Co. KG", "AG", "UG (haftungsbeschränkt)", "e.K.", "KG"],
    "fr": ["SARL", "SAS", "EURL", "SA", "SARL"],
    "nl": ["B.V.", "B.V.", "V.O.F."],
    "pl": ["Sp. z o.o.", "Sp. z o.o.", "S.A.", "Sp. j."],
    "es": ["S.L.", "S.L.", "S.A.", "S.L.U."],
    "ch": ["AG", "GmbH", "AG", "Sàrl"],
}


def _words(table: dict[str, str], key: str) -> list[str]:
    return table[key].split()


def surname(rng: random.Random, lang: str) -> str:
    return rng.choice(_words(SURNAMES, lang))


def person(rng: random.Random, lang: str) -> str:
    return f"{rng.choice(_words(FIRST, lang))} {surname(rng, lang)}"


def company(rng: random.Random, lang: str) -> str:
    """A company name with its legal form, shaped the way firms in that country name themselves."""
    noun = rng.choice(NOUNS[lang].split("|"))
    form = rng.choice(FORMS[lang])
    a, b = rng.sample(_words(SURNAMES, lang), 2)
    shape = rng.randrange(3)
    if lang in ADJECTIVES and shape == 2:
        return f"{rng.choice(_words(ADJECTIVES, lang))} {noun} {form}"
    if lang == "fr":
        return [f"{noun} {a} {form}", f"{a} & Fils {form}", f"Ets {a} {noun} {form}"][shape]
    if lang == "pl":
        return [f"{noun} {a} {form}", f"P.H.U. {a}", f"{a} i {b} {form}"][shape]
    if lang in ("de", "ch") and shape == 2:
        return f"{noun} {a} {form}"
    return [f"{a} {noun} {form}", f"{a} & {b} {form}", f"{a} {noun} {form}"][shape]


def _digits(rng: random.Random, count: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(count))


STREETS = {
    "en": "High Mill Station Church Victoria Park Queen's Bridge Albion Kingsway",
    "us": "Oak Maple Washington Lake Park Cedar Elm Main Hillcrest Franklin",
    "de": "Haupt Bahnhof Garten Schiller Goethe Linden Industrie Mühlen Berliner Rosen",
    "ch": "Bahnhof Dorf Kirch See Industrie Zürcher Berner Weiher",
    "nl": "Kerk Molen Stations Dorps Kade Industrie Nieuwe Parallel",
    "nordic": "Stor Kyrko Skol Hamn Norr Söder Strand Kongens",
}
STREET_NAMES = {
    "fr": "rue Victor Hugo|avenue Jean Jaurès|rue des Lilas|rue du Moulin|boulevard Gambetta|"
    "impasse des Tilleuls|rue de la République",
    "pl": "Mickiewicza|Długa|Polna|Kościuszki|Słowackiego|Lipowa|Piłsudskiego|Ogrodowa",
    "es": "C/ Mayor|Avda. de la Constitución|C/ del Sol|Gran Vía|C/ San Vicente|"
    "Paseo de la Castellana",
    "my": "JALAN SS 2/24|JALAN BUKIT BINTANG|JALAN TUN RAZAK|JALAN IPOH|JALAN PERMAS 10/2|"
    "LORONG MAJU",
    "sg": "TAMPINES AVE 4|ANG MO KIO ST 21|JURONG WEST ST 52|BEDOK NORTH RD|TOA PAYOH LOR 8",
}
"""Whole street names where the country's streets do not take a suffix to a word in `STREETS`."""
CITIES = {
    "en": "Leeds|Bristol|Norwich|Sheffield|Reading|Exeter|Derby|York|Cardiff|Leicester",
    "us": "Austin, TX|Denver, CO|Columbus, OH|Portland, OR|Raleigh, NC|Madison, WI|Tucson, AZ",
    "de": "Berlin|Hamburg|München|Köln|Leipzig|Dresden|Hannover|Nürnberg|Bremen|Freiburg",
    "fr": "Lyon|Nantes|Bordeaux|Lille|Rennes|Toulouse|Dijon|Grenoble|Angers",
    "nl": "Utrecht|Eindhoven|Groningen|Haarlem|Zwolle|Tilburg|Leiden|Arnhem",
    "pl": "Kraków|Wrocław|Poznań|Gdańsk|Łódź|Lublin|Katowice|Rzeszów",
    "es": "Madrid|Valencia|Sevilla|Zaragoza|Bilbao|Málaga|Murcia|Valladolid",
    "ch": "Zürich|Bern|Basel|Luzern|Winterthur|St. Gallen|Aarau|Thun",
    "sg": "SINGAPORE",
    "my": "KUALA LUMPUR|PETALING JAYA|JOHOR BAHRU|IPOH|GEORGE TOWN|SHAH ALAM",
    "se": "Göteborg|Malmö|Uppsala|Västerås|Örebro",
    "no": "Bergen|Trondheim|Stavanger|Drammen",
    "dk": "Aarhus|Odense|Aalborg|Esbjerg",
}


def _street(rng: random.Random, country: str) -> str:
    return rng.choice(STREET_NAMES[country].split("|"))


def address(rng: random.Random, country: str) -> list[str]:
    """Street line and postcode-city line in the country's order and postcode format."""
    n = rng.randint(1, 180)
    city = rng.choice(CITIES[country].split("|"))
    if country == "en":
        street = rng.choice(STREETS["en"].split())
        kind = rng.choice(("Road", "Street", "Lane", "Way", "Close"))
        letters = "ABCDEFGHJKLMNPRSTUWY"
        postcode = (
            f"{rng.choice(letters)}{rng.choice(letters)}{rng.randint(1, 28)} "
            f"{rng.randint(1, 9)}{rng.choice(letters)}{rng.choice(letters)}"
        )
        return [f"{n} {street} {kind}", f"{city} {postcode}"]
    if country == "us":
        street = rng.choice(STREETS["us"].split())
        kind = rng.choice(("St", "Ave", "Blvd", "Dr", "Rd"))
        suite = f", Suite {rng.randint(100, 950)}" if rng.random() < 0.4 else ""
        return [f"{n * 10 + rng.randint(0, 9)} {street} {kind}{suite}", f"{city} {_digits(rng, 5)}"]
    if country in ("de", "ch"):
        street = rng.choice(STREETS[country].split())
        suffix = "straße" if country == "de" else "strasse"
        code = (
            f"{rng.randint(10, 99)}{_digits(rng, 3)}"
            if country == "de"
            else str(rng.randint(1000, 9658))
        )
        return [f"{street}{suffix} {n}", f"{code} {city}"]
    if country == "fr":
        street = _street(rng, country)
        return [f"{n} {street}", f"{rng.randint(10, 95)}{_digits(rng, 3)} {city}"]
    if country == "nl":
        street = rng.choice(STREETS["nl"].split())
        return [
            f"{street}straat {n}",
            f"{rng.randint(1000, 9999)} {rng.choice('ABCDEGHJKLMNPRST')}"
            f"{rng.choice('ABCDEGHJKLMNPRSTVWXZ')} {city}",
        ]
    if country == "pl":
        street = _street(rng, country)
        return [f"ul. {street} {n}", f"{rng.randint(10, 99)}-{_digits(rng, 3)} {city}"]
    if country == "es":
        street = _street(rng, country)
        return [f"{street}, {n}", f"{rng.randint(10, 52)}{_digits(rng, 3)} {city}"]
    if country == "my":
        street = _street(rng, country)
        return [f"NO {n}, {street}", f"{rng.randint(10, 98)}{_digits(rng, 3)} {city}"]
    if country == "sg":
        street = _street(rng, country)
        return [
            f"BLK {n} {street} #01-{rng.randint(10, 99)}",
            f"SINGAPORE {rng.randint(100000, 829999)}",
        ]
    street = rng.choice(STREETS["nordic"].split())
    if country == "se":
        return [f"{street}gatan {n}", f"{rng.randint(100, 985)} {_digits(rng, 2)} {city}"]
    if country == "no":
        return [f"{street}gata {n}", f"{rng.randint(1000, 9990)} {city}"]
    return [f"{street}gade {n}", f"{rng.randint(1000, 9990)} {city}"]


def iban(rng: random.Random, country: str) -> str:
    lengths = {"DE": 18, "FR": 23, "NL": 14, "PL": 24, "ES": 20, "CH": 17, "GB": 18}
    body = _digits(rng, lengths.get(country, 18))
    if country == "NL":
        body = rng.choice(("ABNA", "INGB", "RABO")) + body[4:]
    if country == "GB":
        body = rng.choice(("BARC", "NWBK", "LOYD")) + body[4:]
    raw = f"{country}{rng.randint(10, 99)}{body}"
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def vat_id(rng: random.Random, country: str) -> str:
    return {
        "DE": f"DE{_digits(rng, 9)}",
        "FR": f"FR{_digits(rng, 2)} {_digits(rng, 3)} {_digits(rng, 3)} {_digits(rng, 3)}",
        "NL": f"NL{_digits(rng, 9)}B0{rng.randint(1, 9)}",
        "GB": f"GB {_digits(rng, 3)} {_digits(rng, 4)} {_digits(rng, 2)}",
        "ES": f"ES B{_digits(rng, 8)}",
        "CH": f"CHE-{_digits(rng, 3)}.{_digits(rng, 3)}.{_digits(rng, 3)} MWST",
        "PL": f"{_digits(rng, 3)}-{_digits(rng, 3)}-{_digits(rng, 2)}-{_digits(rng, 2)}",
    }[country]


def phone(rng: random.Random, country: str) -> str:
    return {
        "GB": f"+44 {rng.randint(113, 191)} {_digits(rng, 3)} {_digits(rng, 4)}",
        "US": f"({rng.randint(201, 989)}) {_digits(rng, 3)}-{_digits(rng, 4)}",
        "DE": f"+49 {rng.randint(30, 911)} {_digits(rng, 6)}",
        "FR": f"0{rng.randint(1, 5)} " + " ".join(_digits(rng, 2) for _ in range(4)),
        "NL": f"0{rng.randint(10, 79)}-{_digits(rng, 7)}",
        "PL": f"+48 {_digits(rng, 3)} {_digits(rng, 3)} {_digits(rng, 3)}",
        "ES": f"+34 9{_digits(rng, 2)} {_digits(rng, 3)} {_digits(rng, 3)}",
        "CH": f"+41 {rng.randint(21, 91)} {_digits(rng, 3)} {_digits(rng, 2)} {_digits(rng, 2)}",
        "MY": f"03-{_digits(rng, 4)} {_digits(rng, 4)}",
        "SG": f"6{_digits(rng, 3)} {_digits(rng, 4)}",
        "SE": f"0{rng.randint(8, 90)}-{_digits(rng, 3)} {_digits(rng, 2)} {_digits(rng, 2)}",
    }[country]


def digits(rng: random.Random, count: int) -> str:
    return _digits(rng, count)


ITEMS = {
    "en": [
        ("Consulting services", "hrs"),
        ("Office chair, black", ""),
        ("A4 copier paper, 500 sheets", ""),
        ("Website maintenance", ""),
        ("Installation labour", "hrs"),
        ("Steel bracket 40 mm", ""),
        ("Delivery charge", ""),
        ("Toner cartridge TN-2420", ""),
        ("Annual software licence", ""),
        ("Cable ties 200 mm (pack of 100)", ""),
        ("LED panel 600 x 600", ""),
        ("Design work", "hrs"),
        ("Travel expenses", ""),
        ("Training session, half day", ""),
        ("Pallet wrap 500 mm", ""),
        ("Laptop stand, aluminium", ""),
        ("Call-out fee", ""),
        ("Safety boots size 42", ""),
    ],
    "de": [
        ("Beratungsleistung", "Std."),
        ("Bürostuhl schwarz", "Stk"),
        ("Kopierpapier A4, 500 Blatt", "Pkt"),
        ("Wartung Heizungsanlage", "pausch."),
        ("Montagearbeiten", "Std."),
        ("Winkelprofil 40 mm", "m"),
        ("Frachtkosten", "pausch."),
        ("Tonerkartusche schwarz", "Stk"),
        ("Softwarelizenz (12 Monate)", "Stk"),
        ("Kabelbinder 200 mm, 100 Stück", "Pkt"),
        ("LED-Panel 62 x 62", "Stk"),
        ("Grafikdesign", "Std."),
        ("Anfahrtspauschale", "pausch."),
        ("Schulung Mitarbeiter", "Tag"),
        ("Dachlatten 30/50", "m"),
        ("Kupferrohr 15 mm", "m"),
        ("Entsorgung Altmaterial", "pausch."),
        ("Schrauben 4 x 40 (Karton)", "Ktn"),
    ],
    "fr": [
        ("Prestation de conseil", "h"),
        ("Chaise de bureau noire", "u"),
        ("Ramette papier A4", "u"),
        ("Maintenance chaudière", "forfait"),
        ("Main d'œuvre installation", "h"),
        ("Équerre acier 40 mm", "u"),
        ("Frais de port", "forfait"),
        ("Cartouche de toner noir", "u"),
        ("Licence logicielle annuelle", "u"),
        ("Colliers de serrage (lot de 100)", "lot"),
        ("Dalle LED 60 x 60", "u"),
        ("Création graphique", "h"),
        ("Déplacement", "forfait"),
        ("Formation du personnel", "jour"),
        ("Peinture acrylique 10 L", "u"),
    ],
    "nl": [
        ("Advieswerkzaamheden", "uur"),
        ("Bureaustoel zwart", "st"),
        ("Kopieerpapier A4, 500 vel", "pak"),
        ("Onderhoud cv-ketel", ""),
        ("Montage", "uur"),
        ("Hoekprofiel 40 mm", "m"),
        ("Verzendkosten", ""),
        ("Tonercassette zwart", "st"),
        ("Softwarelicentie (jaar)", "st"),
        ("Tiewraps 200 mm (100 st)", "pak"),
        ("LED-paneel 60 x 60", "st"),
        ("Ontwerp huisstijl", "uur"),
        ("Voorrijkosten", ""),
    ],
    "pl": [
        ("Usługa doradcza", "godz."),
        ("Krzesło biurowe czarne", "szt."),
        ("Papier ksero A4 (ryza)", "szt."),
        ("Serwis kotła gazowego", "usł."),
        ("Robocizna montaż", "godz."),
        ("Kątownik stalowy 40 mm", "mb"),
        ("Koszt transportu", "usł."),
        ("Toner czarny", "szt."),
        ("Licencja oprogramowania (rok)", "szt."),
        ("Opaski kablowe 200 mm (100 szt.)", "op."),
        ("Panel LED 60 x 60", "szt."),
        ("Projekt graficzny", "godz."),
        ("Rura miedziana 15 mm", "mb"),
        ("Szkolenie pracowników", "usł."),
    ],
    "es": [
        ("Servicios de consultoría", "h"),
        ("Silla de oficina negra", "ud"),
        ("Papel A4, paquete 500 hojas", "ud"),
        ("Mantenimiento caldera", ""),
        ("Mano de obra instalación", "h"),
        ("Escuadra de acero 40 mm", "ud"),
        ("Portes", ""),
        ("Cartucho de tóner negro", "ud"),
        ("Licencia de software anual", "ud"),
        ("Bridas 200 mm (bolsa 100)", "ud"),
        ("Panel LED 60 x 60", "ud"),
        ("Diseño gráfico", "h"),
        ("Desplazamiento", ""),
    ],
    "ch": [
        ("Beratung", "Std."),
        ("Bürostuhl schwarz", "Stk."),
        ("Kopierpapier A4, 500 Blatt", "Pkt."),
        ("Service Heizung", "psch."),
        ("Montage", "Std."),
        ("Winkelprofil 40 mm", "m"),
        ("Fahrspesen", "psch."),
        ("Tonerkassette schwarz", "Stk."),
        ("Softwarelizenz (Jahr)", "Stk."),
        ("Buchhaltung Quartal", "psch."),
        ("Holzarbeiten Küche", "Std."),
        ("Kleinmaterial", "psch."),
    ],
}

RECEIPT_ITEMS = {
    "asia": [
        "BALL PEN BLUE",
        "DOLLAR STORE BAG",
        "EURO BISCUIT 200G",
        "MILO 1KG",
        "GARDENIA BREAD",
        "MINERAL WATER 1.5L",
        "RINGGIT SAVER PACK",
        "TOTAL CLEAN DETERGENT",
        "CASH BOX SMALL",
        "AA BATTERY 4S",
        "INSTANT NOODLE 5S",
        "KOPI O BAG 20S",
        "TISSUE BOX 3PLY",
        "CHANGE PURSE",
        "A4 PAPER 70GSM",
        "SAMBAL 300G",
        "RICE 5KG",
        "EGGS GRADE A 10S",
        "TAX FORM FOLDER",
        "NET PRICE BUNDLE",
    ],
    "nordic": [
        "MJÖLK 1,5%",
        "KAFFE BRYGG 450G",
        "BRÖD LEVAIN",
        "KRONANS SENAP",
        "SMÖR 500G",
        "BANAN",
        "ÄGG 12-P",
        "TOTALRENS",
        "KASSE PAPIR",
        "ØRE-SPAR PAKKE",
        "KNÄCKEBRÖD",
        "OST HERRGÅRD",
        "BATTERI AA 4P",
        "BLOMKÅL",
        "PANT 1 KR",
        "KORT-LEKER",
    ],
}
