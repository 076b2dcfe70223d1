"""`mx-cfdi`: the printed representation of a Mexican CFDI 4.0 (`Comprobante Fiscal Digital por
Internet`), type `I - Ingreso`, as ERPs, online billing portals and professionals print it.

Every print carries what the SAT's annex 20 puts in the XML: the issuer (`Emisor`) and the client
(`Receptor`) with their RFC (12 characters for a company, `ABC010203XY4`; 13 for a person,
`LOGM850412AB7`; `XAXX010101000` for `PUBLICO EN GENERAL`), their `Régimen fiscal` (`601 - General
de Ley Personas Morales`, `612 - Personas Físicas con Actividades Empresariales y Profesionales`,
`626 - Régimen Simplificado de Confianza`), the client's `Domicilio fiscal` postcode and `Uso CFDI`
(`G03 - Gastos en general`), the `Folio fiscal (UUID)` (36 characters), `Serie` and `Folio`, the
`Fecha de emisión` (`2024-03-05T10:15:22` as the XML holds it, or `05/03/2024 10:15:22`), the
`Lugar de expedición (C.P.)`, `Método de pago` (`PUE - Pago en una sola exhibición`, or `PPD -
Pago en parcialidades o diferido` with `Forma de pago: 99 - Por definir`), `Forma de pago`
(`03 - Transferencia electrónica de fondos`), `Moneda: MXN - Peso Mexicano` (or `USD - Dólar
americano` with `Tipo de cambio: 17.0523`), the concepts with their `Clave prod./serv.` (8
digits), `Clave unidad` (`H87`, `E48`, `KGM`) and `Objeto imp.` (`02`), the taxes, the total in
words (`DOCE MIL TRESCIENTOS CUARENTA Y CINCO PESOS 67/100 M.N.`, `... DOLARES 67/100 USD`), and
the stamp (`timbre`): `Sello digital del CFDI` and `Sello del SAT` (344 base64 characters each),
the `Cadena original del complemento de certificación digital del SAT` (`||1.1|UUID|...||`),
`No. de serie del certificado del SAT` and of the issuer's (20 digits), `Fecha y hora de
certificación`, the certifying provider's RFC, a QR code and `Este documento es una
representación impresa de un CFDI`. Amounts print with a bare `$` (`$12,345.67` or `$ 12,345.67`,
the figure alone in some tables) in pesos and dollars alike; `MXN` / `USD` only in the `Moneda`
field (and in the words). Letter paper.

The invoice number. CFDI has no single number field: `Serie` (optional, letters such as `A`,
`FAC`, `MTY`) and `Folio` (`1234` or zero-padded `000567`) are separate, and every print also
shows them joined in its headline or in a `Serie y folio` field (`A 1234`, `A-1234`, `FAC000567`).
The truth's number is that joined form exactly as the page prints it; a print without a serie has
the folio alone. The `Folio fiscal` (UUID) is never the number.

The truth. `vendor_name` is the `Emisor` name (CFDI 4.0 wants the name as registered with the
SAT: companies in capitals without `S.A. de C.V.`, people as `MARIA FERNANDA LOPEZ GARCIA`), not
the trade name of the letterhead. `subtotal_amount` is the CFDI `Subtotal`, before the discount:
the `Importe` of the concepts is quantity x unit price, also before their discount. `tax_amount`
is the transferred IVA (`Impuestos trasladados`), in the truth only when subtotal + tax is the
total: not on invoices with a discount (`Subtotal - Descuento + IVA = Total`) and not on invoices
with withholdings (`Subtotal + IVA - ISR retenido - IVA retenido = Total`). The due date is in the
truth only where an ERP print shows a `Fecha de vencimiento` (CFDI itself has none; most prints
say `Condiciones de pago: CREDITO 30 DIAS` or nothing). Currency MXN, or USD where `Moneda: USD`.

Three layouts. `erp` (an ERP's or PAC's dense boxed print): a coloured logo square and the trade
name, the Emisor's legal name, RFC, régimen and address beside it, a `FACTURA` box top right with
the joined serie and folio, the UUID and the issue date; two rows of label-over-value cells (`Serie
/ Folio / Tipo de comprobante / Exportación / Versión / Lugar de expedición (C.P.)`, `No. de
certificado / Método de pago / Forma de pago / Moneda / Tipo de cambio / Condiciones de pago [/
Fecha de vencimiento]`), a `Receptor` box with the order number, remission and client number beside
it, the ten-column concept grid with vertical rules (`Clave prod./serv. / No. identificación /
Cantidad / Clave unidad / Unidad / Descripción / Valor unitario / Importe / Descuento / Objeto
imp.`), on half of them each concept's tax in a row under it (`Traslado Impuesto: 002 IVA Base:
1,250.00 Tipo factor: Tasa Tasa o cuota: 0.160000 Importe: 200.00`), unit prices with six decimals
on some (`1,250.000000`), quantities `1.00`, `1.000` or `1.000000`; the words and sometimes `CFDI
relacionados` (`04 - Sustitución de los CFDI previos` and another UUID) left of a totals box
(`Subtotal / Descuento / Impuestos trasladados / IVA 16% / [IVA 0%] / Total impuestos trasladados /
Total`), a dollar invoice's `Equivalente en moneda nacional` below it; the stamp block with the QR
code on the left, and the legal name with its legal form in the footer (`SUMINISTROS ROMERO, S.A.
DE C.V.`). `portal` (a small business's online billing service): the business name large (a
person's trade name on some, the registered name under `Emisor`), `Factura` with `Serie y folio: A
123` or `Folio: 123` and the UUID on the right, `Emisor` / `Receptor` columns, one line of payment
facts, a light `Cantidad / Unidad / Descripción / Precio unitario / Importe` table with the SAT
keys in grey under each description, right-aligned totals (`Subtotal / IVA 16% / Total`), the total
in words, a CLABE on some, the QR code with the certificate facts beside it and the seals under
both; some bill `PUBLICO EN GENERAL` (`S01 - Sin efectos fiscales`). `honorarios` (a professional's
fee invoice: accountant, lawyer, architect, IT consultant, persona física in 612 or RESICO 626):
the name centred, mostly in serif type (`C.P. María Fernanda López García` or the legal capitals)
with the profession and `Cédula profesional`, a place-and-date line, a framed `FACTURA` box with
the number and a stack of CFDI facts, a `Clave SAT / Cantidad / Unidad / Concepto / Precio unitario
/ Importe` table with the billing period (`Periodo: febrero 2024`) and on some the unit key and
`Objeto imp.` in grey under a concept, totals with the withholdings a company client must make
(`IVA trasladado 16%`, `ISR retenido 10%` or `1.25%` under RESICO, `IVA retenido 10.6667%`,
negative), `Total impuestos trasladados` / `Total impuestos retenidos` on some, the bank's CLABE,
`Efectos fiscales al pago.` on a PPD invoice, and the stamp block with the QR code on the right.

Decoys and awkward parts: three RFCs (issuer, client, certifying provider) and two 20-digit
certificate numbers; the UUID under a `Folio fiscal` label beside the `Folio`; the certification
date and time (within minutes, or up to two days after the issue date; in ISO form even where the
issue date is day-first, so it settles `05/03/2024`); postcodes (`06600`) and the 8-digit product
keys that look like numbers; order, remission and client numbers with the order's date; line
discounts and the per-concept tax rows; IVA at 0 % on food and medicine lines, `01 - No objeto de
impuesto` lines outside the IVA base, 8 % IVA in the northern border region (`IVA 8% (Estímulo
región fronteriza norte)`); the exchange rate and the peso equivalent of a dollar total; the
withholdings after the IVA (total below subtotal + IVA); `Total impuestos trasladados` /
`Total impuestos retenidos` labels holding `Total`; the total in words; long base64 seals; a
salesperson's name; a trade name or a title-case name with `C.P.` / `Lic.` / `Arq.` / `Ing.` above
the registered name. About a third are scanned images (half the ERP prints, fewer of the others).
"""

from __future__ import annotations

import base64
import datetime as dt
import random
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from bench.synth import names
from bench.synth.canvas import LETTER, Canvas
from bench.synth.common import choose, total_rows
from bench.synth.document import Line, Rendered, pick_dates, price, quantity, truth_fields
from bench.synth.formats import DateStyle, FixedQuantity, MoneyStyle, QuantityStyle, money

Layout = Literal["erp", "portal", "honorarios"]
GREY = (0.42, 0.42, 0.42)
WHITE = (1.0, 1.0, 1.0)
ZERO = Decimal(0)
IVA_RET = Decimal("10.6667")
"""CFDI's `TasaOCuota` 0.106667: two thirds of the 16 % IVA, withheld by a company client."""

REGIMES = {
    "601": "General de Ley Personas Morales",
    "603": "Personas Morales con Fines no Lucrativos",
    "612": "Personas Físicas con Actividades Empresariales y Profesionales",
    "616": "Sin obligaciones fiscales",
    "626": "Régimen Simplificado de Confianza",
}
USES = {
    "G01": "Adquisición de mercancías",
    "G03": "Gastos en general",
    "I04": "Equipo de computo y accesorios",
    "I08": "Otra maquinaria y equipo",
    "S01": "Sin efectos fiscales",
}
FORMS_OF_PAYMENT = {
    "01": "Efectivo",
    "02": "Cheque nominativo",
    "03": "Transferencia electrónica de fondos",
    "04": "Tarjeta de crédito",
    "28": "Tarjeta de débito",
    "99": "Por definir",
}
METHODS = {"PUE": "Pago en una sola exhibición", "PPD": "Pago en parcialidades o diferido"}

# (city as printed, state abbreviation, postcode prefix, northern border region)
CITIES = [
    ("Ciudad de México", "CDMX", "06", False),
    ("Ciudad de México", "CDMX", "03", False),
    ("Ciudad de México", "CDMX", "11", False),
    ("Guadalajara", "Jal.", "44", False),
    ("Zapopan", "Jal.", "45", False),
    ("Monterrey", "N.L.", "64", False),
    ("San Pedro Garza García", "N.L.", "66", False),
    ("Puebla", "Pue.", "72", False),
    ("Querétaro", "Qro.", "76", False),
    ("León", "Gto.", "37", False),
    ("Mérida", "Yuc.", "97", False),
    ("Toluca", "Méx.", "50", False),
    ("Aguascalientes", "Ags.", "20", False),
    ("Tijuana", "B.C.", "22", True),
    ("Ciudad Juárez", "Chih.", "32", True),
    ("Reynosa", "Tamps.", "88", True),
    ("Nogales", "Son.", "84", True),
]
STREETS = [
    "Av. Insurgentes Sur",
    "Calle Morelos",
    "Blvd. Adolfo López Mateos",
    "Av. Constitución",
    "Calz. Independencia Norte",
    "Av. Vallarta",
    "Calle Hidalgo",
    "Av. Revolución",
    "Periférico Sur",
    "Calle 60",
    "Av. Juárez",
    "Blvd. Díaz Ordaz",
]
COLONIAS = [
    "Col. Centro",
    "Col. Del Valle",
    "Col. Juárez",
    "Col. Americana",
    "Col. Industrial",
    "Col. Obispado",
    "Col. Roma Norte",
    "Parque Industrial",
    "Col. Moderna",
    "Fracc. Las Águilas",
]
FIRST = [
    "JOSE LUIS",
    "MARIA GUADALUPE",
    "JUAN CARLOS",
    "ANA KAREN",
    "MIGUEL ANGEL",
    "LAURA ELENA",
    "FRANCISCO JAVIER",
    "ALEJANDRA",
    "JORGE",
    "VERONICA",
    "RICARDO",
    "DIANA",
    "MARIA FERNANDA",
    "LUIS ENRIQUE",
    "GABRIELA",
    "OSCAR",
]
SURNAMES = [
    "HERNANDEZ",
    "GARCIA",
    "MARTINEZ",
    "LOPEZ",
    "GONZALEZ",
    "RODRIGUEZ",
    "PEREZ",
    "SANCHEZ",
    "RAMIREZ",
    "CRUZ",
    "FLORES",
    "GOMEZ",
    "MORALES",
    "VAZQUEZ",
    "REYES",
    "JIMENEZ",
    "TORRES",
    "DIAZ",
    "GUTIERREZ",
    "RUIZ",
    "MENDOZA",
    "AGUILAR",
    "ORTIZ",
    "CASTILLO",
    "PEÑA",
    "IBARRA",
]
ACCENTED = {
    "JOSE": "José",
    "MARIA": "María",
    "MIGUEL ANGEL": "Miguel Ángel",
    "HERNANDEZ": "Hernández",
    "MARTINEZ": "Martínez",
    "LOPEZ": "López",
    "GONZALEZ": "González",
    "RODRIGUEZ": "Rodríguez",
    "PEREZ": "Pérez",
    "SANCHEZ": "Sánchez",
    "RAMIREZ": "Ramírez",
    "GOMEZ": "Gómez",
    "VAZQUEZ": "Vázquez",
    "JIMENEZ": "Jiménez",
    "DIAZ": "Díaz",
    "GUTIERREZ": "Gutiérrez",
    "RUIZ": "Ruiz",
    "OSCAR": "Óscar",
    "VERONICA": "Verónica",
}
COMPANY_HEADS = [
    "COMERCIALIZADORA",
    "DISTRIBUIDORA",
    "SERVICIOS INTEGRALES",
    "GRUPO INDUSTRIAL",
    "CONSTRUCTORA",
    "TECNOLOGIAS",
    "FERRETERA",
    "PAPELERIA",
    "LOGISTICA",
    "SUMINISTROS",
    "MAQUINADOS",
    "ABARROTES",
]
COMPANY_TAILS = [
    "DEL BAJIO",
    "DEL NORTE",
    "DEL PACIFICO",
    "DE OCCIDENTE",
    "DEL CENTRO",
    "DEL GOLFO",
    "SANTA FE",
    "HERMANOS GARZA",
    "ROMERO",
    "VALLE ALTO",
    "CUMBRES",
    "TRES RIOS",
]
LEGAL_FORMS = ["S.A. de C.V.", "S.A. de C.V.", "S. de R.L. de C.V.", "S.A.P.I. de C.V."]
TRADES = [
    ("Taller Eléctrico", "Instalaciones eléctricas"),
    ("Imprenta", "Impresión digital y offset"),
    ("Refaccionaria", "Refacciones automotrices"),
    ("Papelería", "Papelería y artículos de oficina"),
    ("Ferretería", "Ferretería y materiales"),
    ("Soluciones TI", "Soporte y equipo de cómputo"),
]

# (description, clave prod./serv., clave unidad, unidad, lowest and highest unit price in MXN)
Item = tuple[str, str, str, str, int, int]
GOODS: list[Item] = [
    ('Tornillo hexagonal galv. 3/8" x 2"', "31161500", "H87", "Pieza", 3, 12),
    ("Cable THW-LS cal. 12 rojo", "26121600", "MTR", "Metro", 8, 19),
    ("Papel bond carta 75 g (caja 10 paq.)", "14111507", "XBX", "Caja", 700, 1100),
    ("Tóner compatible 58A negro", "44103103", "H87", "Pieza", 350, 1400),
    ('Laptop 14" Core i5 16 GB RAM', "43211503", "H87", "Pieza", 12000, 24000),
    ('Monitor LED 24" Full HD', "43211902", "H87", "Pieza", 2400, 4800),
    ("Silla ejecutiva ergonómica", "56101504", "H87", "Pieza", 1800, 6500),
    ("Cemento gris CPC 30R 50 kg", "30111601", "XSA", "Saco", 190, 290),
    ("Pintura vinílica blanca 19 L", "31211502", "XBJ", "Cubeta", 900, 2600),
    ("Guantes de nitrilo (caja 100)", "46181504", "XBX", "Caja", 120, 260),
    ("Aceite hidráulico ISO 68, 19 L", "15121501", "XBJ", "Cubeta", 1100, 2200),
    ('Tubo PVC hidráulico 1/2" x 6 m', "40142008", "H87", "Pieza", 60, 160),
    ("Etiqueta térmica 4 x 6 (rollo)", "55121606", "XRO", "Rollo", 90, 240),
    ("Rodamiento 6205 2RS", "31171504", "H87", "Pieza", 45, 180),
    ('Varilla corrugada 3/8" x 12 m', "30102403", "H87", "Pieza", 130, 260),
    ('Disco de corte 4 1/2"', "27111703", "H87", "Pieza", 18, 45),
    ("Cinta canela 48 mm x 150 m", "31201517", "H87", "Pieza", 25, 55),
    ("Lámpara LED 18 W luz de día", "39101600", "H87", "Pieza", 45, 160),
]
SERVICES: list[Item] = [
    ("Servicio de mantenimiento preventivo", "72101507", "E48", "Unidad de servicio", 1500, 9500),
    ("Flete local", "78101802", "E48", "Unidad de servicio", 450, 3500),
    ("Mano de obra instalación eléctrica", "72151500", "E48", "Unidad de servicio", 800, 6500),
    ("Renta de andamio (semana)", "72141700", "E48", "Unidad de servicio", 600, 1800),
    ("Soporte técnico remoto", "81111800", "HUR", "Hora", 350, 900),
    ("Licencia antivirus 12 meses", "43233205", "E48", "Unidad de servicio", 450, 1200),
    ("Impresión de volantes a color (millar)", "82121500", "E48", "Unidad de servicio", 380, 1200),
]
ZERO_RATED: list[Item] = [
    ("Garrafón de agua purificada 20 L", "50202301", "H87", "Pieza", 35, 60),
    ("Tortilla de maíz", "50221300", "KGM", "Kilogramo", 18, 28),
    ("Huevo blanco (caja 360 pzas)", "50131702", "XBX", "Caja", 520, 850),
    ("Frijol negro 1 kg", "50221001", "H87", "Pieza", 28, 45),
    ("Paracetamol 500 mg (caja 20 tab.)", "51142106", "XBX", "Caja", 25, 90),
    ("Azúcar estándar 50 kg", "50161509", "XSA", "Saco", 900, 1500),
]
NOT_TAXED: Item = ("Depósito por envase retornable", "24112700", "H87", "Pieza", 50, 150)
PROFESSIONS = {
    "contable": (
        "Contador Público",
        "C.P.",
        [
            ("Honorarios por servicios contables", "84111500"),
            ("Elaboración de declaraciones mensuales", "84111502"),
            ("Asesoría fiscal", "84111500"),
            ("Cálculo de nómina", "84111600"),
        ],
    ),
    "legal": (
        "Licenciado en Derecho",
        "Lic.",
        [
            ("Honorarios por asesoría jurídica", "80121600"),
            ("Elaboración de contrato de arrendamiento", "80121704"),
            ("Representación en audiencia laboral", "80121500"),
        ],
    ),
    "arquitectura": (
        "Arquitecto",
        "Arq.",
        [
            ("Proyecto arquitectónico ejecutivo", "81101500"),
            ("Supervisión de obra", "81101510"),
            ("Trámite de licencia de construcción", "80101600"),
        ],
    ),
    "sistemas": (
        "Ingeniero en Sistemas Computacionales",
        "Ing.",
        [
            ("Desarrollo de software a la medida", "81111500"),
            ("Soporte y mantenimiento de sistema", "81112200"),
            ("Consultoría en tecnologías de información", "81111800"),
        ],
    ),
}
SERVICE_UNITS = [("E48", "Unidad de servicio"), ("ACT", "Actividad"), ("HUR", "Hora")]
PORTALS = ["FacturaFácil", "MiFactura en Línea", "Factura Express", "eFactura Pyme"]
BANKS = [("BBVA", "012"), ("Banorte", "072"), ("Santander", "014"), ("HSBC", "021")]
MONTHS = "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
RFC_ALNUM = "ABCDEFGHIJKLMNPQRSTUVWXYZ123456789"


# -- Parties and identifiers ------------------------------------------------------------------


@dataclass(frozen=True)
class Party:
    name: str
    rfc: str
    regime: str
    postcode: str
    address: tuple[str, ...]
    city: str
    border: bool

    @property
    def person(self) -> bool:
        return len(self.rfc) == 13


def _rfc(rng: random.Random, letters: str, born: dt.date) -> str:
    homoclave = "".join(rng.choice(RFC_ALNUM) for _ in range(2)) + rng.choice("0123456789A")
    return f"{letters}{born:%y%m%d}{homoclave}"


def _birth(rng: random.Random, low: int, high: int) -> dt.date:
    return dt.date(rng.randint(low, high), rng.randint(1, 12), rng.randint(1, 28))


def _place(rng: random.Random) -> tuple[str, str, str, bool]:
    city, state, prefix, border = rng.choice(CITIES)
    return city, state, f"{prefix}{names.digits(rng, 3)}", border


def _address(rng: random.Random, city: str, state: str, postcode: str) -> tuple[str, ...]:
    street = f"{rng.choice(STREETS)} {rng.randint(12, 4890)}"
    if rng.random() < 0.3:
        street += f" Int. {rng.choice(('A', 'B', '3', '12', '201'))}"
    return (f"{street}, {rng.choice(COLONIAS)}", f"C.P. {postcode}, {city}, {state}")


def _company(rng: random.Random, *, regime: str = "601") -> tuple[Party, str]:
    """A company as registered (capitals, no legal form) and the trade name it prints."""
    head, tail = rng.choice(COMPANY_HEADS), rng.choice(COMPANY_TAILS)
    name = f"{head} {tail}"
    initials = "".join(word[0] for word in name.replace("DEL ", "").replace("DE ", "").split())
    letters = (initials + "XXX")[:3]  # SAT's rule: a name of fewer words pads its RFC with X
    city, state, postcode, border = _place(rng)
    party = Party(
        name,
        _rfc(rng, letters, _birth(rng, 1988, 2019)),
        regime,
        postcode,
        _address(rng, city, state, postcode),
        city,
        border,
    )
    trade = rng.choice(
        (
            f"{head.title()} {tail.title()}",
            f"Grupo {tail.title()}",
            tail.title().replace("Del ", "").replace("De ", "") + f" {head.title()}",
        )
    )
    return party, trade


def _person_name(rng: random.Random) -> str:
    a, b = rng.sample(SURNAMES, 2)
    return f"{rng.choice(FIRST)} {a} {b}"


def _person(rng: random.Random, regime: str) -> Party:
    name = _person_name(rng)
    parts = name.split()
    first, paternal, maternal = parts[0], parts[-2], parts[-1]
    vowel = next((ch for ch in paternal[1:] if ch in "AEIOU"), "X")
    letters = f"{paternal[0]}{vowel}{maternal[0]}{first[0]}".replace("Ñ", "X")
    city, state, postcode, border = _place(rng)
    return Party(
        name,
        _rfc(rng, letters, _birth(rng, 1962, 1996)),
        regime,
        postcode,
        _address(rng, city, state, postcode),
        city,
        border,
    )


def _title_case(name: str) -> str:
    """A registered name in the letterhead's spelling: `María Fernanda López García`."""
    for plain, accented in ACCENTED.items():
        name = name.replace(plain, accented.upper())
    return " ".join(word.capitalize() if word.isupper() else word for word in name.split())


def _public() -> Party:
    return Party("PUBLICO EN GENERAL", "XAXX010101000", "616", "", (), "", False)


def _certificate(rng: random.Random) -> str:
    return f"0000100000050{rng.randint(1000000, 9999999)}"


def _seal(rng: random.Random) -> str:
    return base64.b64encode(bytes(rng.getrandbits(8) for _ in range(256))).decode("ascii")


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4)).upper()


# -- Concepts and totals ----------------------------------------------------------------------


@dataclass(frozen=True)
class Concept:
    line: Line
    clave: str
    sku: str
    unit_code: str
    unit_name: str
    rate: Decimal | None
    """The IVA rate (16, 8 or 0); None for `01 - No objeto de impuesto`."""
    discount: Decimal = ZERO
    note: str = ""

    @property
    def base(self) -> Decimal:
        return self.line.amount - self.discount

    @property
    def objeto(self) -> str:
        return "01" if self.rate is None else "02"


@dataclass(frozen=True)
class Totals:
    subtotal: Decimal
    discount: Decimal
    transfers: list[tuple[Decimal, Decimal, Decimal]]
    """(rate, base, tax) per IVA rate, highest rate first."""
    withholdings: list[tuple[str, str, Decimal]]
    """(tax, printed rate, amount): ISR then IVA."""

    @property
    def transferred(self) -> Decimal:
        return sum((tax for _, _, tax in self.transfers), ZERO)

    @property
    def withheld(self) -> Decimal:
        return sum((amount for _, _, amount in self.withholdings), ZERO)

    @property
    def total(self) -> Decimal:
        return self.subtotal - self.discount + self.transferred - self.withheld


def _totals(concepts: list[Concept], isr_rate: Decimal | None) -> Totals:
    bases: dict[Decimal, Decimal] = {}
    for concept in concepts:
        if concept.rate is not None:
            bases[concept.rate] = bases.get(concept.rate, ZERO) + concept.base
    transfers = [
        (rate, base, money(base * rate / 100)) for rate, base in sorted(bases.items(), reverse=True)
    ]
    subtotal = sum((concept.line.amount for concept in concepts), ZERO)
    discount = sum((concept.discount for concept in concepts), ZERO)
    withholdings: list[tuple[str, str, Decimal]] = []
    if isr_rate is not None:
        base = subtotal - discount
        withholdings.append(("ISR", f"{isr_rate.normalize():f}%", money(base * isr_rate / 100)))
        withholdings.append(("IVA", f"{IVA_RET}%", money(base * IVA_RET / 100)))
    return Totals(subtotal, discount, transfers, withholdings)


def _sku(rng: random.Random) -> str:
    return rng.choice(
        (
            f"{rng.choice(('PRD', 'ART', 'SKU'))}-{names.digits(rng, 5)}",
            names.digits(rng, 7),
            f"{rng.choice('ABCFMT')}{names.digits(rng, 4)}",
        )
    )


def _concept(rng: random.Random, item: Item, rate: Decimal | None, usd: bool = False) -> Concept:
    """A concept priced within the item's range (in dollars at about 17 pesos on a USD invoice);
    cheap items come by the dozen or hundred."""
    text, clave, unit_code, unit_name, low, high = item
    if usd:
        low, high = max(low // 17, 2), max(high // 17, 4)
    if unit_code == "E48":
        qty = Decimal(rng.choice((1, 1, 1, 2, 3, 4)))
    elif high < 60:
        qty = Decimal(rng.choice((10, 12, 20, 25, 50, 100, 200)))
    elif low > 5000:
        qty = Decimal(rng.choice((1, 1, 2, 3, 5)))
    else:
        qty = quantity(rng, fractional=0.3 if unit_code in ("MTR", "KGM", "HUR") else 0)
    line = Line(text, qty, price(rng, low, high), unit_name)
    return Concept(line, clave, _sku(rng), unit_code, unit_name, rate)


def _goods_concepts(
    rng: random.Random, count: int, standard: Decimal, *, zero_share: float, usd: bool = False
) -> list[Concept]:
    pool = GOODS + SERVICES
    picks = rng.sample(pool, count)
    concepts = [_concept(rng, item, standard, usd) for item in picks]
    if rng.random() < zero_share:
        for item in rng.sample(ZERO_RATED, rng.randint(1, 2)):
            at = rng.randint(0, len(concepts))
            concepts.insert(at, _concept(rng, item, ZERO, usd))
    return concepts


# -- Text helpers -----------------------------------------------------------------------------

UNITS = [
    "",
    "UNO",
    "DOS",
    "TRES",
    "CUATRO",
    "CINCO",
    "SEIS",
    "SIETE",
    "OCHO",
    "NUEVE",
    "DIEZ",
    "ONCE",
    "DOCE",
    "TRECE",
    "CATORCE",
    "QUINCE",
    "DIECISEIS",
    "DIECISIETE",
    "DIECIOCHO",
    "DIECINUEVE",
    "VEINTE",
    "VEINTIUNO",
    "VEINTIDOS",
    "VEINTITRES",
    "VEINTICUATRO",
    "VEINTICINCO",
    "VEINTISEIS",
    "VEINTISIETE",
    "VEINTIOCHO",
    "VEINTINUEVE",
]
TENS = ["", "", "", "TREINTA", "CUARENTA", "CINCUENTA", "SESENTA", "SETENTA", "OCHENTA", "NOVENTA"]
HUNDREDS = [
    "",
    "CIENTO",
    "DOSCIENTOS",
    "TRESCIENTOS",
    "CUATROCIENTOS",
    "QUINIENTOS",
    "SEISCIENTOS",
    "SETECIENTOS",
    "OCHOCIENTOS",
    "NOVECIENTOS",
]


def _hundreds(n: int) -> str:
    if n == 100:
        return "CIEN"
    h, rest = divmod(n, 100)
    parts = [HUNDREDS[h]] if h else []
    if 0 < rest < 30:
        parts.append(UNITS[rest])
    elif rest:
        tens, unit = divmod(rest, 10)
        parts.append(TENS[tens] + (f" Y {UNITS[unit]}" if unit else ""))
    return " ".join(parts)


def _apocope(text: str) -> str:
    """`UNO` before a noun is `UN`: `VEINTIUN MIL`, `CIENTO UN PESOS`."""
    return text[:-1] if text.endswith("UNO") else text


def spelled(n: int) -> str:
    """A whole number in Spanish capitals as Mexican invoices spell it (up to 999 999 999)."""
    if n == 0:
        return "CERO"
    millions, rest = divmod(n, 1_000_000)
    thousands, units = divmod(rest, 1000)
    parts = []
    if millions:
        parts.append("UN MILLON" if millions == 1 else f"{_apocope(_hundreds(millions))} MILLONES")
    if thousands:
        parts.append("MIL" if thousands == 1 else f"{_apocope(_hundreds(thousands))} MIL")
    if units:
        parts.append(_hundreds(units))
    return _apocope(" ".join(parts))


def amount_in_words(value: Decimal, currency: str) -> str:
    whole = int(value)
    cents = int((value - whole) * 100)
    words = spelled(whole)
    if whole >= 1_000_000 and whole % 1_000_000 == 0:
        words += " DE"
    if currency == "USD":
        unit = "DOLAR" if whole == 1 else "DOLARES"
        return f"{words} {unit} {cents:02d}/100 USD"
    unit = "PESO" if whole == 1 else "PESOS"
    return f"{words} {unit} {cents:02d}/100 M.N."


def _wrap(
    canvas: Canvas, text: str, width: float, size: float, *, chars: bool = False
) -> list[str]:
    """Lines of `text` no wider than `width`: by words, or by characters for seals and chains.

    Widths are summed piece by piece (the base-14 fonts have no kerning, so a line's width is
    the sum of its pieces'): measuring each candidate line whole made a seal quadratic."""
    pieces = list(text) if chars else text.split(" ")
    glue = "" if chars else " "
    glue_width = canvas.width_of(glue, size=size) if glue else 0.0
    lines: list[str] = []
    current, current_width = "", 0.0
    for piece in pieces:
        piece_width = canvas.width_of(piece, size=size)
        if current and current_width + glue_width + piece_width > width:
            lines.append(current)
            current, current_width = piece, piece_width
        elif current:
            current, current_width = (
                f"{current}{glue}{piece}",
                current_width + glue_width + piece_width,
            )
        else:
            current, current_width = piece, piece_width
    if current:
        lines.append(current)
    return lines


def _fit(canvas: Canvas, text: str, width: float, size: float, *, bold: bool = False) -> float:
    while size > 5 and canvas.width_of(text, size=size, bold=bold) > width:
        size -= 0.25
    return size


def _qr(canvas: Canvas, rng: random.Random, x: float, y: float, side: float) -> None:
    """The verification QR code's look: finder squares in three corners, random modules between
    (the SAT's URL with the UUID, both RFCs and the total is what a real one encodes)."""
    modules = 33
    cell = side / modules
    dark: set[tuple[int, int]] = set()
    corners = ((0, 0), (modules - 7, 0), (0, modules - 7))
    for cx, cy in corners:
        for i in range(7):
            for j in range(7):
                ring = max(abs(i - 3), abs(j - 3))
                if ring != 2:
                    dark.add((cx + i, cy + j))
    for col in range(modules):
        for row in range(modules):
            near = any(cx - 1 <= col <= cx + 7 and cy - 1 <= row <= cy + 7 for cx, cy in corners)
            if not near and (col == 6 or row == 6):
                if (col + row) % 2 == 0:
                    dark.add((col, row))
            elif not near and rng.random() < 0.47:
                dark.add((col, row))
    canvas.box(x - 3, y - 3, x + side + 3, y + side + 3, stroke=None, fill=WHITE)
    for row in range(modules):
        col = 0
        while col < modules:
            if (col, row) not in dark:
                col += 1
                continue
            start = col
            while (col, row) in dark:
                col += 1
            canvas.box(
                x + start * cell,
                y + row * cell,
                x + col * cell,
                y + (row + 1) * cell,
                stroke=None,
                fill=(0, 0, 0),
            )


# -- The document -----------------------------------------------------------------------------


@dataclass
class Cfdi:
    issuer: Party
    client: Party
    use: str
    serie: str
    folio: str
    number: str
    uuid: str
    issuer_certificate: str
    sat_certificate: str
    issued: dt.datetime
    certified: dt.datetime
    provider: str
    seal: str
    sat_seal: str
    method: str
    form: str
    currency: str
    rate: Decimal | None
    concepts: list[Concept]
    totals: Totals

    @property
    def chain(self) -> str:
        stamp = self.certified.strftime("%Y-%m-%dT%H:%M:%S")
        return f"||1.1|{self.uuid}|{stamp}|{self.provider}|{self.seal}|{self.sat_certificate}||"

    @property
    def currency_text(self) -> str:
        return "USD - Dólar americano" if self.currency == "USD" else "MXN - Peso Mexicano"

    def regime_text(self, party: Party) -> str:
        return f"{party.regime} - {REGIMES[party.regime]}"


def _cfdi(
    rng: random.Random,
    issuer: Party,
    client: Party,
    issue: dt.date,
    concepts: list[Concept],
    *,
    serie: str,
    folio: str,
    number: str,
    use: str,
    method: str,
    form: str,
    currency: str = "MXN",
    isr_rate: Decimal | None = None,
) -> Cfdi:
    issued = dt.datetime.combine(issue, dt.time(rng.randint(8, 19), rng.randint(0, 59)))
    issued += dt.timedelta(seconds=rng.randint(0, 59))
    if rng.random() < 0.85:
        certified = issued + dt.timedelta(seconds=rng.randint(4, 900))
    else:
        certified = issued + dt.timedelta(hours=rng.randint(20, 60), seconds=rng.randint(0, 3599))
    provider = _rfc(
        rng, "".join(rng.choice("ABCDEFGHLMPSTV") for _ in range(3)), _birth(rng, 2005, 2018)
    )
    rate = Decimal(rng.randint(165000, 205000)) / 10000 if currency == "USD" else None
    return Cfdi(
        issuer,
        client,
        use,
        serie,
        folio,
        number,
        _uuid(rng),
        _certificate(rng),
        _certificate(rng),
        issued,
        certified,
        provider,
        _seal(rng),
        _seal(rng),
        method,
        form,
        currency,
        rate,
        concepts,
        _totals(concepts, isr_rate),
    )


def _issue_text(cfdi: Cfdi, style: DateStyle, iso_t: bool) -> str:
    """The issue date with its time: `2024-03-05T10:15:22` or `05/03/2024 10:15:22`."""
    clock = cfdi.issued.strftime("%H:%M:%S")
    return f"{style.format(cfdi.issued.date())}{'T' if iso_t else ' '}{clock}"


def _certified_text(cfdi: Cfdi) -> str:
    return cfdi.certified.strftime("%Y-%m-%dT%H:%M:%S")


def _stamp_texts(
    canvas: Canvas, cfdi: Cfdi, x: float, y: float, width: float, size: float, step: float
) -> float:
    """The three seal paragraphs, each a bold heading over base64 wrapped by character."""
    for heading, body in (
        ("Sello digital del CFDI:", cfdi.seal),
        ("Sello del SAT:", cfdi.sat_seal),
        ("Cadena original del complemento de certificación digital del SAT:", cfdi.chain),
    ):
        canvas.text(x, y, heading, size=size + 0.5, bold=True)
        y += step
        for row in _wrap(canvas, body, width, size, chars=True):
            canvas.text(x, y, row, size=size)
            y += step
        y += 2
    return y


def _rate_text(rate: Decimal) -> str:
    return f"{rate.normalize():f}%"


def _transfer_label(rate: Decimal, border: bool) -> str:
    label = f"IVA {_rate_text(rate)}"
    if rate == 8 and border:
        label += " (Estímulo región fronteriza norte)"
    return label


def _finish(
    canvas: Canvas,
    cfdi: Cfdi,
    style: MoneyStyle,
    dates: DateStyle,
    quantities: QuantityStyle,
    *,
    due: dt.date | None = None,
    vendor: str | None = None,
) -> Rendered:
    totals = cfdi.totals
    plain = totals.discount == 0 and not totals.withholdings
    fields = truth_fields(
        number=cfdi.number,
        issue=cfdi.issued.date(),
        due=due,
        vendor=vendor or cfdi.issuer.name,
        total=totals.total,
        subtotal=totals.subtotal,
        tax=totals.transferred if plain else None,
        currency=cfdi.currency,
        lines=[concept.line for concept in cfdi.concepts],
    )
    return Rendered(
        fields,
        "es",
        "invoice",
        canvas.pdf(title=f"CFDI {cfdi.uuid}"),
        style,
        dates,
        quantities,
        ("USD",) if cfdi.currency == "USD" else ("$", "MXN"),
    )


def _number(
    rng: random.Random, series: tuple[str, ...], joiners: tuple[str, ...]
) -> tuple[str, str, str]:
    """Serie, folio and the two joined as the print's headline shows them."""
    serie = rng.choice(series)
    folio = str(rng.randint(12, 9800))
    if rng.random() < 0.35:
        folio = folio.zfill(6)
    if not serie:
        return serie, folio, folio
    return serie, folio, f"{serie}{rng.choice(joiners)}{folio}"


# -- Layout: erp ------------------------------------------------------------------------------


def _cells(
    canvas: Canvas,
    top: float,
    cells: list[tuple[str, str]],
    left: float,
    right: float,
    size: float,
    fill: tuple[float, float, float],
) -> float:
    """A ruled row of label-over-value cells, each as wide as its text needs; returns its bottom."""
    needs = [
        max(canvas.width_of(label, size=size - 1, bold=True), canvas.width_of(value, size=size)) + 8
        for label, value in cells
    ]
    scale = (right - left) / sum(needs)
    height = 22.0
    canvas.box(left, top, right, top + 9, stroke=None, fill=fill)
    canvas.box(left, top, right, top + height, width=0.5)
    x = left
    for (label, value), need in zip(cells, needs, strict=True):
        width = need * scale
        if x > left:
            canvas.line(x, top, x, top + height, width=0.4)
        canvas.text(x + 3, top + 7, label, size=size - 1, bold=True)
        canvas.text(x + 3, top + 18, value, size=_fit(canvas, value, width - 5, size))
        x += width
    return top + height


@dataclass(frozen=True)
class GridColumn:
    header: tuple[str, ...]
    width: float
    align: Literal["left", "right", "center"] = "left"


def _erp(rng: random.Random) -> Rendered:
    canvas = Canvas(*LETTER, family=rng.choice(("helv", "helv", "helv", "tiro")))
    left, right = 30.0, 582.0
    accent = rng.choice(((0.08, 0.22, 0.45), (0.55, 0.08, 0.1), (0.1, 0.35, 0.2), (0.2, 0.2, 0.2)))
    light = (0.86, 0.88, 0.9)
    size = rng.choice((6.5, 7.0))
    iso = rng.random() < 0.7
    dates_style = DateStyle("{yyyy}-{mm}-{dd}") if iso else DateStyle("{dd}/{mm}/{yyyy}", "es")
    dates = pick_dates(rng, dates_style, due_days=(15, 30, 45, 60))
    style = MoneyStyle(",", ".", "$", symbol_space=rng.random() < 0.4)
    quantities = FixedQuantity(".", rng.choice((2, 2, 3, 6)))
    six = rng.random() < 0.35
    usd = rng.random() < 0.2

    issuer, trade = _company(rng)
    client, _ = _company(rng)
    standard = Decimal(8) if issuer.border and rng.random() < 0.7 else Decimal(16)
    concepts = _goods_concepts(rng, rng.randint(1, 6), standard, zero_share=0.2, usd=usd)
    if rng.random() < 0.25:
        pcts = [rng.choice((0, 5, 10, 15)) for _ in concepts]
        pcts[rng.randrange(len(pcts))] = rng.choice((5, 10, 15))
        concepts = [
            Concept(
                c.line,
                c.clave,
                c.sku,
                c.unit_code,
                c.unit_name,
                c.rate,
                money(c.line.amount * p / 100),
            )
            for c, p in zip(concepts, pcts, strict=True)
        ]
    if rng.random() < 0.1:
        concepts.append(_concept(rng, NOT_TAXED, None, usd))
    serie, folio, number_text = _number(
        rng, ("A", "F", "FA", "FAC", "MTY", "GDL", "FV"), ("-", "-", " ", "")
    )
    method = "PPD" if rng.random() < 0.45 else "PUE"
    form = "99" if method == "PPD" else rng.choice(("03", "03", "03", "02", "04"))
    laptops = any(c.clave.startswith("4321") for c in concepts)
    use = "I04" if laptops and rng.random() < 0.5 else rng.choice(("G01", "G01", "G03"))
    cfdi = _cfdi(
        rng,
        issuer,
        client,
        dates.issue,
        concepts,
        serie=serie,
        folio=folio,
        number=number_text,
        use=use,
        method=method,
        form=form,
        currency="USD" if usd else "MXN",
    )
    totals = cfdi.totals
    due_printed = method == "PPD" and rng.random() < 0.5
    days = (dates.due - dates.issue).days

    # Letterhead: logo square, trade name, the Emisor's registered data.
    canvas.box(left, 30, left + 58, 88, stroke=None, fill=accent)
    initials = "".join(word[0] for word in trade.split() if word[0].isupper())[:3]
    canvas.text(left + 29, 65, initials, size=18, bold=True, color=WHITE, align="center")
    x0 = left + 68
    canvas.text(
        x0, 44, trade, size=_fit(canvas, trade, 300, 13, bold=True), bold=True, color=accent
    )
    canvas.text(x0, 57, issuer.name, size=8, bold=True)
    domain = trade.lower().replace(" ", "").replace("á", "a").replace("í", "i")[:18]
    rows = [
        f"RFC: {issuer.rfc}",
        f"Régimen fiscal: {cfdi.regime_text(issuer)}",
        *issuer.address,
        f"Tel. {rng.randint(33, 999)} {names.digits(rng, 3)} {names.digits(rng, 4)}   "
        f"ventas@{domain}.com.mx",
    ]
    for offset, row in enumerate(rows):
        canvas.text(x0, 67 + offset * 9, row, size=size)

    # The FACTURA box.
    bx = 404.0
    canvas.box(bx, 30, right, 44, stroke=None, fill=accent)
    canvas.box(bx, 30, right, 110, width=0.6)
    canvas.text((bx + right) / 2, 40, "FACTURA", size=9, bold=True, color=WHITE, align="center")
    canvas.text(bx + 5, 56, "Serie y folio:", size=size, bold=True)
    canvas.text(right - 5, 57, number_text, size=11, bold=True, align="right")
    canvas.text(bx + 5, 69, "Folio fiscal (UUID):", size=size, bold=True)
    canvas.text(bx + 5, 79, cfdi.uuid, size=_fit(canvas, cfdi.uuid, right - bx - 10, 7))
    canvas.text(bx + 5, 92, "Fecha de emisión:", size=size, bold=True)
    canvas.text(right - 5, 92, _issue_text(cfdi, dates_style, iso), size=size, align="right")
    canvas.text(bx + 5, 103, "Lugar de expedición (C.P.):", size=size, bold=True)
    canvas.text(right - 5, 103, issuer.postcode, size=size, align="right")

    # Two rows of CFDI facts.
    y = _cells(
        canvas,
        118,
        [
            ("Serie", serie),
            ("Folio", folio),
            ("Tipo de comprobante", "I - Ingreso"),
            ("Exportación", "01 - No aplica"),
            ("Versión", "4.0"),
            ("Lugar de expedición (C.P.)", issuer.postcode),
        ],
        left,
        right,
        size,
        light,
    )
    terms = f"CREDITO {days} DIAS" if method == "PPD" else "CONTADO"
    second = [
        ("No. de certificado", cfdi.issuer_certificate),
        ("Método de pago", f"{method} - {METHODS[method]}"),
        ("Forma de pago", f"{form} - {FORMS_OF_PAYMENT[form]}"),
        ("Moneda", cfdi.currency_text),
        ("Tipo de cambio", f"{cfdi.rate}" if cfdi.rate else "1"),
        ("Condiciones de pago", terms),
    ]
    if due_printed:
        second.append(("Fecha de vencimiento", dates_style.format(dates.due)))
    y = _cells(canvas, y, second, left, right, size, light)

    # Receptor and the order references.
    top = y + 8
    mid = 372.0
    canvas.box(left, top, mid, top + 11, stroke=None, fill=light)
    canvas.text(left + 4, top + 8, "RECEPTOR", size=size, bold=True)
    receptor = [
        ("Nombre:", client.name),
        ("RFC:", client.rfc),
        ("Domicilio fiscal (C.P.):", client.postcode),
        ("Régimen fiscal:", cfdi.regime_text(client)),
        ("Uso CFDI:", f"{use} - {USES[use]}"),
    ]
    step = size + 3
    for offset, (label, value) in enumerate(receptor):
        row_y = top + 20 + offset * step
        canvas.text(left + 4, row_y, label, size=size, bold=True)
        canvas.text(left + 92, row_y, value, size=size, bold=offset == 0)
    order = f"45{names.digits(rng, 8)}" if rng.random() < 0.6 else f"OC-{names.digits(rng, 5)}"
    refs = [
        ("Orden de compra:", order),
        ("Fecha O.C.:", dates_style.format(dates.other[0])),
        ("Remisión:", f"R-{rng.randint(10000, 99999)}"),
        ("No. cliente:", f"C-{names.digits(rng, 5)}"),
        (
            "Vendedor:",
            _title_case(_person_name(rng)).split()[0] + " " + _title_case(rng.choice(SURNAMES)),
        ),
    ]
    canvas.box(mid + 8, top, right, top + 11, stroke=None, fill=light)
    canvas.text(mid + 12, top + 8, "DATOS ADICIONALES", size=size, bold=True)
    for offset, (label, value) in enumerate(refs):
        row_y = top + 20 + offset * step
        canvas.text(mid + 12, row_y, label, size=size, bold=True)
        canvas.text(mid + 82, row_y, value, size=size)
    bottom = top + 20 + 4 * step + 5
    canvas.box(left, top, mid, bottom, width=0.5)
    canvas.box(mid + 8, top, right, bottom, width=0.5)

    # The concept grid.
    columns = [
        GridColumn(("Clave", "prod./serv."), 42),
        GridColumn(("No.", "identificación"), 46),
        GridColumn(("Cantidad",), 40, "right"),
        GridColumn(("Clave", "unidad"), 28, "center"),
        GridColumn(("Unidad",), 52),
        GridColumn(("Descripción",), 164),
        GridColumn(("Valor", "unitario"), 56, "right"),
        GridColumn(("Importe",), 54, "right"),
        GridColumn(("Descuento",), 42, "right"),
        GridColumn(("Objeto", "imp."), 28, "center"),
    ]
    top = bottom + 10
    head = 18.0
    canvas.box(left, top, right, top + head, stroke=None, fill=accent)
    edges = [left]
    for column in columns:
        edges.append(edges[-1] + column.width)
    for column, x in zip(columns, edges, strict=False):
        centre = x + column.width / 2
        first = top + (11.5 if len(column.header) == 1 else 7.5)
        for index, word in enumerate(column.header):
            canvas.text(
                centre, first + index * 7, word, size=5.8, bold=True, color=WHITE, align="center"
            )
    cell = size - 0.5
    per_line_tax = rng.random() < 0.5
    y = top + head
    ruled = [(top, y)]
    for concept in concepts:
        line = concept.line
        unit_price = style.number(line.unit_price)
        if six:
            unit_price += "0000"
        values = [
            concept.clave,
            concept.sku,
            quantities.number(line.quantity),
            concept.unit_code,
            concept.unit_name,
            line.description,
            unit_price,
            style.number(line.amount),
            style.number(concept.discount),
            concept.objeto,
        ]
        row_y = y + 9
        for column, x, value in zip(columns, edges, values, strict=False):
            fitted = _fit(canvas, value, column.width - 4, cell)
            if column.align == "left":
                canvas.text(x + 2, row_y, value, size=fitted)
            elif column.align == "right":
                canvas.text(x + column.width - 2, row_y, value, size=fitted, align="right")
            else:
                canvas.text(x + column.width / 2, row_y, value, size=fitted, align="center")
        y += 12
        ruled.append((y - 12, y))
        if per_line_tax:
            if concept.rate is None:
                note = "Objeto imp.: 01 - No objeto de impuesto"
            else:
                note = (
                    f"Traslado   Impuesto: 002 IVA   Base: {style.number(concept.base)}   "
                    f"Tipo factor: Tasa   Tasa o cuota: {concept.rate / 100:.6f}   "
                    f"Importe: {style.number(money(concept.base * concept.rate / 100))}"
                )
            canvas.text(edges[1] + 2, y + 6, note, size=5.2, color=GREY)
            canvas.line(edges[1], y, right, y, width=0.2, color=(0.75, 0.75, 0.75))
            y += 9
        canvas.line(left, y, right, y, width=0.25, color=(0.6, 0.6, 0.6))
    grid_bottom = max(y, top + head + 96)
    # The column rules run through the concept rows only, where a tax line spans under them.
    ruled = ruled if per_line_tax else [(top, y)]
    ruled.append((y, grid_bottom))
    for x in edges[1:-1]:
        for y0, y1 in ruled:
            canvas.line(x, y0, x, y1, width=0.3)
    canvas.box(left, top, right, grid_bottom, width=0.7)

    # Words and references left, totals box right.
    y = grid_bottom + 12
    words_label = rng.choice(("Importe con letra:", "Cantidad con letra:", "Total con letra:"))
    canvas.text(left, y, words_label, size=size, bold=True)
    words = f"({amount_in_words(totals.total, cfdi.currency)})"
    for offset, row in enumerate(_wrap(canvas, words, 330, size + 0.5)):
        canvas.text(left, y + 10 + offset * 9, row, size=size + 0.5)
    left_y = y + 10 + len(_wrap(canvas, words, 330, size + 0.5)) * 9 + 6
    if rng.random() < 0.12:
        canvas.text(left, left_y, "CFDI relacionados:", size=size, bold=True)
        canvas.text(
            left, left_y + 9, "Tipo de relación: 04 - Sustitución de los CFDI previos", size=size
        )
        canvas.text(left, left_y + 18, f"UUID: {_uuid(rng)}", size=size)
        left_y += 28
    notes = [f"Pedido {order}. Favor de referenciar el folio {number_text} en su pago."]
    if method == "PPD":
        notes.append("Los pagos se acreditarán mediante el complemento para recepción de pagos.")
    for row in notes:
        for piece in _wrap(canvas, row, 330, size - 0.5):
            canvas.text(left, left_y, piece, size=size - 0.5, color=GREY)
            left_y += 8

    tx, tr = 404.0, right - 5
    rows_money: list[tuple[str, str, bool]] = [
        ("Subtotal", style.amount(totals.subtotal), False),
        ("Descuento", style.amount(totals.discount), False),
        ("Impuestos trasladados", "", True),
    ]
    for rate, _, tax in totals.transfers:
        rows_money.append((f"   {_transfer_label(rate, False)}", style.amount(tax), False))
    if rng.random() < 0.7:
        rows_money.append(("Total impuestos trasladados", style.amount(totals.transferred), False))
    box_top = grid_bottom + 4
    ty = box_top + 10
    for label, value, strong in rows_money:
        canvas.text(tx + 4, ty, label, size=size, bold=strong)
        if value:
            canvas.text(tr, ty, value, size=size, align="right")
        ty += size + 3.5
    canvas.box(tx, ty - 7, right, ty + 6, stroke=None, fill=accent)
    canvas.text(tx + 4, ty + 2.5, "Total", size=size + 1.5, bold=True, color=WHITE)
    canvas.text(
        tr,
        ty + 2.5,
        style.amount(totals.total),
        size=size + 1.5,
        bold=True,
        color=WHITE,
        align="right",
    )
    canvas.box(tx, box_top, right, ty + 6, width=0.6)
    ty += 16
    if usd and cfdi.rate is not None and rng.random() < 0.5:
        pesos = money(totals.total * cfdi.rate)
        canvas.text(
            tx, ty, f"Equivalente en moneda nacional: {style.amount(pesos)} MXN", size=size - 0.5
        )
        canvas.text(tx, ty + 8, f"Tipo de cambio: {cfdi.rate}", size=size - 0.5)
        ty += 18

    # The stamp.
    top = max(ty, left_y) + 8
    qr_side = 92.0
    _qr(canvas, rng, left + 6, top + 8, qr_side)
    tx0 = left + qr_side + 18
    y = _stamp_texts(canvas, cfdi, tx0, top + 10, right - tx0 - 6, 5.2, 6.3)
    facts = [
        f"No. de serie del certificado del SAT: {cfdi.sat_certificate}",
        f"Fecha y hora de certificación: {_certified_text(cfdi)}",
        f"RFC del proveedor de certificación: {cfdi.provider}",
    ]
    canvas.text(
        tx0, y + 2, "     ".join(facts), size=_fit(canvas, "     ".join(facts), right - tx0 - 6, 6)
    )
    bottom = max(y + 8, top + qr_side + 16)
    canvas.box(left, top, right, bottom, width=0.5)
    canvas.text(
        306,
        bottom + 14,
        "Este documento es una representación impresa de un CFDI",
        size=7,
        bold=True,
        align="center",
    )
    canvas.text(right, 772, "Página 1 de 1", size=6, align="right", color=GREY)
    legal = f"{issuer.name}, {rng.choice(LEGAL_FORMS).upper()}"
    canvas.text(left, 772, legal, size=6, color=GREY)
    rendered = _finish(
        canvas, cfdi, style, dates_style, quantities, due=dates.due if due_printed else None
    )
    rendered.image = choose(rng, [(5, None), (4, "jpg"), (1, "png")])
    return rendered


# -- Layout: portal ---------------------------------------------------------------------------


def _portal(rng: random.Random) -> Rendered:
    canvas = Canvas(*LETTER, family="helv")
    left, right = 48.0, 564.0
    accent = rng.choice(((0.0, 0.45, 0.55), (0.35, 0.2, 0.55), (0.85, 0.35, 0.1), (0.1, 0.3, 0.6)))
    size = 8.0
    iso = rng.random() < 0.4
    dates_style = DateStyle("{yyyy}-{mm}-{dd}") if iso else DateStyle("{dd}/{mm}/{yyyy}", "es")
    dates = pick_dates(rng, dates_style)
    style = MoneyStyle(",", ".", "$", symbol_space=False)
    quantities: QuantityStyle = rng.choice((QuantityStyle("."), FixedQuantity(".", 2)))

    person = rng.random() < 0.55
    if person:
        issuer = _person(rng, rng.choice(("612", "626", "626")))
        trade_word, activity = rng.choice(TRADES)
        surname = _title_case(issuer.name.split()[-2])
        header = f"{trade_word} {surname}" if rng.random() < 0.6 else issuer.name
    else:
        issuer, _ = _company(rng)
        activity = rng.choice(TRADES)[1]
        header = issuer.name
    if rng.random() < 0.2:
        client = _public()
        client = Party(client.name, client.rfc, client.regime, issuer.postcode, (), "", False)
        use = "S01"
    else:
        client = _company(rng)[0] if rng.random() < 0.7 else _person(rng, "612")
        use = rng.choice(("G03", "G03", "G01"))
    standard = Decimal(8) if issuer.border and rng.random() < 0.7 else Decimal(16)
    concepts = _goods_concepts(rng, rng.randint(1, 5), standard, zero_share=0.1)
    serie, folio, number_text = _number(rng, ("A", "A", "F", "", "", "FAC"), (" ", "-"))
    method = "PPD" if rng.random() < 0.15 else "PUE"
    form = "99" if method == "PPD" else rng.choice(("03", "03", "01", "04", "28"))
    cfdi = _cfdi(
        rng,
        issuer,
        client,
        dates.issue,
        concepts,
        serie=serie,
        folio=folio,
        number=number_text,
        use=use,
        method=method,
        form=form,
    )
    totals = cfdi.totals

    # Header: the business left, the document right.
    canvas.text(left, 64, header, size=_fit(canvas, header, 290, 16, bold=True), bold=True)
    contact = [activity]
    handle = "".join(ch for ch in header.lower() if ch.isascii() and ch.isalnum())[:16]
    contact.append(f"Tel. {rng.randint(33, 999)} {names.digits(rng, 3)} {names.digits(rng, 4)}")
    contact.append(f"{handle}@gmail.com" if person else f"contacto@{handle}.mx")
    for offset, row in enumerate(contact):
        canvas.text(left, 78 + offset * 10, row, size=size - 0.5, color=GREY)
    canvas.text(right, 64, "Factura", size=22, bold=True, color=accent, align="right")
    label = "Serie y folio:" if serie else "Folio:"
    width = canvas.text(right, 80, number_text, size=10, bold=True, align="right")
    canvas.text(right - width - 4, 80, label, size=10, align="right", color=GREY)
    canvas.text(right, 93, f"Folio fiscal: {cfdi.uuid}", size=7, align="right")
    canvas.text(
        right,
        104,
        f"Fecha de emisión: {_issue_text(cfdi, dates_style, False)}",
        size=7,
        align="right",
    )
    canvas.text(
        right,
        115,
        "Tipo de comprobante: I - Ingreso   Versión 4.0",
        size=7,
        align="right",
        color=GREY,
    )

    # Emisor and Receptor.
    top = 142.0
    mid = 306.0
    for x, title in ((left, "Emisor"), (mid + 6, "Receptor")):
        canvas.text(x, top, title, size=size + 1, bold=True, color=accent)
        canvas.line(x, top + 4, x + 252, top + 4, width=0.8, color=accent)
    emisor = [
        issuer.name,
        f"RFC: {issuer.rfc}",
        f"Régimen fiscal: {cfdi.regime_text(issuer)}",
        f"Lugar de expedición (C.P.): {issuer.postcode}",
    ]
    receptor = [
        client.name,
        f"RFC: {client.rfc}",
        f"Domicilio fiscal (C.P.): {client.postcode}",
        f"Régimen fiscal: {cfdi.regime_text(client)}",
        f"Uso CFDI: {use} - {USES[use]}",
    ]
    for x, block in ((left, emisor), (mid + 6, receptor)):
        for offset, row in enumerate(block):
            canvas.text(
                x,
                top + 17 + offset * 11,
                row,
                size=_fit(canvas, row, 250, size - 0.5),
                bold=offset == 0,
            )
    y = top + 17 + 5 * 11 + 8

    # Payment facts.
    facts = [
        ("Método de pago", f"{method} - {METHODS[method]}"),
        ("Forma de pago", f"{form} - {FORMS_OF_PAYMENT[form]}"),
        ("Moneda", cfdi.currency_text),
    ]
    canvas.box(left, y, right, y + 26, stroke=None, fill=(0.95, 0.95, 0.95))
    for index, (name, value) in enumerate(facts):
        x = left + 6 + index * 172
        canvas.text(x, y + 10, name, size=6.5, color=GREY)
        canvas.text(x, y + 21, value, size=_fit(canvas, value, 166, size - 0.5))
    y += 44

    # Concepts.
    canvas.text(left + 44, y, "Cantidad", size=size - 0.5, bold=True, align="right")
    canvas.text(left + 52, y, "Unidad", size=size - 0.5, bold=True)
    canvas.text(left + 128, y, "Descripción", size=size - 0.5, bold=True)
    canvas.text(472, y, "Precio unitario", size=size - 0.5, bold=True, align="right")
    canvas.text(right, y, "Importe", size=size - 0.5, bold=True, align="right")
    y += 5
    canvas.line(left, y, right, y, width=1.0, color=accent)
    for concept in concepts:
        line = concept.line
        canvas.text(left + 44, y + 12, quantities.number(line.quantity), size=size, align="right")
        canvas.text(
            left + 52, y + 12, concept.unit_name, size=_fit(canvas, concept.unit_name, 72, size)
        )
        canvas.text(left + 128, y + 12, line.description, size=size)
        canvas.text(472, y + 12, style.amount(line.unit_price), size=size, align="right")
        canvas.text(right, y + 12, style.amount(line.amount), size=size, align="right")
        keys = (
            f"Clave prod./serv.: {concept.clave}   No. identificación: {concept.sku}   "
            f"Clave unidad: {concept.unit_code}   Objeto imp.: {concept.objeto}"
        )
        if concept.rate is not None:
            keys += f"   IVA {_rate_text(concept.rate)}"
        canvas.text(left + 128, y + 21, keys, size=6, color=GREY)
        y += 27
        canvas.line(left, y, right, y, width=0.3, color=(0.75, 0.75, 0.75))

    # Totals right, words left.
    y += 16
    rows = [("Subtotal", style.amount(totals.subtotal))]
    for rate, _, tax in totals.transfers:
        rows.append((_transfer_label(rate, issuer.border), style.amount(tax)))
    rows.append(("Total", style.amount(totals.total)))
    label_x = 380.0 if any(rate == 8 for rate, _, _ in totals.transfers) else 420.0
    end = total_rows(canvas, label_x, right, y, rows[:-1], bold=(), size=size, step=13)
    canvas.line(label_x, end - 8, right, end - 8, width=0.6)
    canvas.text(label_x, end + 6, "Total", size=size + 3, bold=True, color=accent)
    canvas.text(right, end + 6, rows[-1][1], size=size + 3, bold=True, align="right")
    canvas.text(left, y, "Total con letra", size=6.5, color=GREY)
    words = amount_in_words(totals.total, cfdi.currency)
    wrapped = _wrap(canvas, words, 300, size - 0.5)
    for offset, row in enumerate(wrapped):
        canvas.text(left, y + 11 + offset * 10, row, size=size - 0.5, bold=True)
    y = max(end + 20, y + 11 + len(wrapped) * 10 + 6)
    if rng.random() < 0.5:
        bank, code = rng.choice(BANKS)
        clabe = f"{code}{names.digits(rng, 15)}"
        canvas.text(left, y, f"Datos para transferencia: {bank}  CLABE {clabe}", size=size - 0.5)
        y += 12

    # Stamp: the QR and the certificate facts side by side, the seals under them.
    top = max(y + 14, 540.0)
    _qr(canvas, rng, left, top, 84)
    facts_rows = [
        ("Folio fiscal:", cfdi.uuid),
        ("No. de serie del certificado del emisor:", cfdi.issuer_certificate),
        ("No. de serie del certificado del SAT:", cfdi.sat_certificate),
        ("Fecha y hora de certificación:", _certified_text(cfdi)),
        ("RFC del proveedor de certificación:", cfdi.provider),
    ]
    for offset, (name, value) in enumerate(facts_rows):
        row_y = top + 10 + offset * 12
        canvas.text(left + 98, row_y, name, size=7, bold=True)
        canvas.text(left + 262, row_y, value, size=7)
    y = _stamp_texts(canvas, cfdi, left, top + 100, right - left, 5.0, 6.0)
    portal = rng.choice(PORTALS)
    canvas.line(left, 752, right, 752, width=0.3, color=GREY)
    canvas.text(
        left,
        762,
        "Este documento es una representación impresa de un CFDI 4.0",
        size=6.5,
        color=GREY,
    )
    canvas.text(right, 762, f"Generado en {portal}", size=6.5, color=GREY, align="right")
    rendered = _finish(canvas, cfdi, style, dates_style, quantities)
    rendered.image = choose(rng, [(8, None), (2, "jpg")])
    return rendered


# -- Layout: honorarios -----------------------------------------------------------------------


def _honorarios(rng: random.Random) -> Rendered:
    canvas = Canvas(*LETTER, family=rng.choice(("tiro", "tiro", "helv")))
    left, right = 48.0, 564.0
    size = 8.0
    dates_style = DateStyle("{dd}/{mm}/{yyyy}", "es")
    dates = pick_dates(rng, dates_style)
    style = MoneyStyle(",", ".", "$", symbol_space=rng.random() < 0.5)
    quantities = FixedQuantity(".", 2)

    kind = rng.choice(list(PROFESSIONS))
    profession, prefix, services = PROFESSIONS[kind]
    regime = "612" if rng.random() < 0.65 else "626"
    issuer = _person(rng, regime)
    company_client = rng.random() < 0.85
    client = _company(rng)[0] if company_client else _person(rng, "612")
    isr_rate = (Decimal(10) if regime == "612" else Decimal("1.25")) if company_client else None
    use = "G03"

    period_end = dates.issue.replace(day=1) - dt.timedelta(days=1)
    period = f"Periodo: {MONTHS.split()[period_end.month - 1]} {period_end.year}"
    concepts = []
    for index, (text, clave) in enumerate(
        rng.sample(services, rng.randint(1, min(3, len(services))))
    ):
        unit_code, unit_name = rng.choice(SERVICE_UNITS)
        if unit_code == "HUR":
            qty = Decimal(rng.choice((2, 4, 6, 8, 10, 12, 16, 20)))
            unit_price = Decimal(rng.choice((450, 600, 750, 900, 1200, 1500)))
        else:
            qty = Decimal(1)
            unit_price = Decimal(rng.randint(30, 600) * 50)
        note = period if index == 0 and unit_code != "HUR" and rng.random() < 0.6 else ""
        concepts.append(
            Concept(
                Line(text, qty, unit_price, unit_name),
                clave,
                "",
                unit_code,
                unit_name,
                Decimal(16),
                note=note,
            )
        )
    serie, folio, number_text = _number(rng, ("H", "HON", "A", "", ""), ("-", " "))
    method = "PPD" if rng.random() < 0.4 else "PUE"
    form = "99" if method == "PPD" else rng.choice(("03", "03", "02"))
    cfdi = _cfdi(
        rng,
        issuer,
        client,
        dates.issue,
        concepts,
        serie=serie,
        folio=folio,
        number=number_text,
        use=use,
        method=method,
        form=form,
        isr_rate=isr_rate,
    )
    totals = cfdi.totals

    # Letterhead centred.
    title_case = rng.random() < 0.5
    header = f"{prefix} {_title_case(issuer.name)}" if title_case else issuer.name
    canvas.text(306, 58, header, size=15, bold=True, align="center")
    cedula = f"Cédula profesional {rng.randint(1_000_000, 12_999_999)}"
    canvas.text(306, 72, f"{profession}  ·  {cedula}", size=size + 0.5, align="center", color=GREY)
    canvas.text(306, 84, "  ·  ".join(issuer.address), size=size - 0.5, align="center")
    if title_case:
        canvas.text(
            306, 95, f"Emisor: {issuer.name}   RFC: {issuer.rfc}", size=size - 0.5, align="center"
        )
    else:
        canvas.text(306, 95, f"RFC: {issuer.rfc}", size=size - 0.5, align="center")
    canvas.text(
        306, 106, f"Régimen fiscal: {cfdi.regime_text(issuer)}", size=size - 0.5, align="center"
    )
    canvas.line(left, 114, right, 114, width=1.2)
    canvas.line(left, 116.5, right, 116.5, width=0.4)

    # Client left, the framed document box right.
    day = dates.issue
    long_date = f"{issuer.city}, a {day.day} de {MONTHS.split()[day.month - 1]} de {day.year}"
    canvas.text(left, 136, long_date, size=size)
    canvas.text(left, 156, "Cliente", size=size + 1, bold=True)
    client_rows = [
        client.name,
        f"RFC: {client.rfc}",
        f"Domicilio fiscal (C.P.): {client.postcode}",
        f"Régimen fiscal: {cfdi.regime_text(client)}",
        f"Uso CFDI: {use} - {USES[use]}",
    ]
    for offset, row in enumerate(client_rows):
        canvas.text(
            left, 169 + offset * 11, row, size=_fit(canvas, row, 280, size), bold=offset == 0
        )
    bx = 350.0
    canvas.box(bx, 126, right, 138, stroke=None, fill=(0.9, 0.9, 0.9))
    canvas.text((bx + right) / 2, 135, "FACTURA", size=9, bold=True, align="center")
    canvas.text((bx + right) / 2, 154, number_text, size=14, bold=True, align="center")
    stack = []
    if serie:
        stack.append(f"Serie: {serie}     Folio: {folio}")
    stack += [
        "Folio fiscal:",
        cfdi.uuid,
        f"Fecha de emisión: {_issue_text(cfdi, dates_style, False)}",
        f"Lugar de expedición (C.P.): {issuer.postcode}",
        "Tipo de comprobante: I - Ingreso",
        f"Método de pago: {method} - {METHODS[method]}",
        f"Forma de pago: {form} - {FORMS_OF_PAYMENT[form]}",
        f"Moneda: {cfdi.currency_text}",
        "Exportación: 01 - No aplica",
    ]
    for offset, row in enumerate(stack):
        canvas.text(bx + 6, 168 + offset * 9.5, row, size=_fit(canvas, row, right - bx - 12, 7))
    box_bottom = 168 + len(stack) * 9.5
    canvas.box(bx, 126, right, box_bottom, width=0.6)

    # Concepts.
    y = max(box_bottom, 169 + len(client_rows) * 11) + 18
    heads = [
        ("Clave SAT", left, "left"),
        ("Cantidad", 150.0, "right"),
        ("Unidad", 158.0, "left"),
        ("Concepto", 232.0, "left"),
        ("Precio unitario", 478.0, "right"),
        ("Importe", right, "right"),
    ]
    canvas.line(left, y - 10, right, y - 10, width=0.8)
    for text, x, align in heads:
        canvas.text(x, y, text, size=size, bold=True, align="right" if align == "right" else "left")
    canvas.line(left, y + 4, right, y + 4, width=0.5)
    y += 4
    keys_shown = rng.random() < 0.5
    for concept in concepts:
        line = concept.line
        row_y = y + 13
        canvas.text(left, row_y, concept.clave, size=size)
        canvas.text(150, row_y, quantities.number(line.quantity), size=size, align="right")
        canvas.text(
            158, row_y, concept.unit_name, size=_fit(canvas, concept.unit_name, 70, size - 0.5)
        )
        canvas.text(232, row_y, line.description, size=_fit(canvas, line.description, 196, size))
        canvas.text(478, row_y, style.number(line.unit_price), size=size, align="right")
        canvas.text(right, row_y, style.number(line.amount), size=size, align="right")
        extra = [concept.note] if concept.note else []
        if keys_shown:
            extra.append(
                f"Clave unidad: {concept.unit_code}   Objeto imp.: 02 - Sí objeto de impuesto"
            )
        for offset, row in enumerate(extra, 1):
            canvas.text(232, row_y + offset * 9, row, size=size - 1.5, color=GREY)
        y = row_y + len(extra) * 9 + 5
    canvas.line(left, y + 4, right, y + 4, width=0.8)

    # Totals with the withholdings.
    y += 20
    rows = [("Subtotal", style.amount(totals.subtotal))]
    for rate, _, tax in totals.transfers:
        rows.append((f"IVA trasladado {_rate_text(rate)}", style.amount(tax)))
    for tax_name, rate_text, amount in totals.withholdings:
        label = f"{tax_name} retenido {rate_text}"
        rows.append((label, f"-{style.amount(amount)}"))
    if totals.withholdings and rng.random() < 0.4:
        rows.append(("Total impuestos trasladados", style.amount(totals.transferred)))
        rows.append(("Total impuestos retenidos", style.amount(totals.withheld)))
    rows.append(("Total", style.amount(totals.total)))
    label_x = 372.0
    end = total_rows(canvas, label_x, right, y, rows, bold={"Total"}, size=size + 0.5, step=13)
    canvas.line(label_x, end - 23, right, end - 23, width=0.5)
    canvas.text(left, y, "Importe con letra:", size=size, bold=True)
    words = amount_in_words(totals.total, cfdi.currency)
    wrapped = _wrap(canvas, words, 290, size)
    for offset, row in enumerate(wrapped):
        canvas.text(left, y + 12 + offset * 10, row, size=size)
    pay_y = y + 12 + len(wrapped) * 10 + 12
    bank, code = rng.choice(BANKS)
    clabe = f"{code} {names.digits(rng, 3)} {names.digits(rng, 11)} {names.digits(rng, 1)}"
    for offset, row in enumerate((f"Datos bancarios: {bank}", f"CLABE: {clabe}")):
        canvas.text(left, pay_y + offset * 10, row, size=size - 0.5)
    if method == "PPD":
        canvas.text(left, pay_y + 22, "Efectos fiscales al pago.", size=size - 0.5, color=GREY)

    # The stamp with the QR on the right.
    top = max(end, pay_y + 30) + 12
    side = 86.0
    canvas.line(left, top, right, top, width=0.4)
    _qr(canvas, rng, right - side, top + 10, side)
    width = right - side - left - 14
    y = _stamp_texts(canvas, cfdi, left, top + 12, width, 5.0, 6.0)
    facts = [
        f"No. de serie del certificado del emisor: {cfdi.issuer_certificate}",
        f"No. de serie del certificado del SAT: {cfdi.sat_certificate}",
        f"Fecha y hora de certificación: {_certified_text(cfdi)}",
        f"RFC del proveedor de certificación: {cfdi.provider}",
    ]
    for offset, row in enumerate(facts):
        canvas.text(left, y + 4 + offset * 8, row, size=6.5)
    canvas.text(
        306, 772, "Este documento es una representación impresa de un CFDI", size=7, align="center"
    )
    rendered = _finish(canvas, cfdi, style, dates_style, quantities)
    rendered.image = choose(rng, [(6, None), (3, "jpg"), (1, "png")])
    return rendered


def build(rng: random.Random) -> Rendered:
    layout: Layout = choose(rng, [(4, "erp"), (3.5, "portal"), (2.5, "honorarios")])
    return {"erp": _erp, "portal": _portal, "honorarios": _honorarios}[layout](rng)
