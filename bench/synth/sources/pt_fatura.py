"""`pt-fatura`: a Portuguese fatura or fatura-recibo as certified invoicing software prints it.

Every document carries what the AT's certification rules require: the seller's NIF (9 digits, a
valid check digit, companies `5...`, sole traders `1...`/`2...`), the buyer's `Contribuinte` /
`NIF` (`999999990` for a `Consumidor final`, an `ESB12345678` for an intra-EU client), the
document number as type code, series and sequence (`FT 2024/123`, `FR 2024A1/45`, `FT A/87`:
the whole of it is the number in the truth), the `ATCUD: JJ37B8QH-123` code (its suffix is the
sequence again), a QR code box and the `Xy1Z-Processado por programa certificado n.º 1234/AT`
line. Amounts `1 234,56 €`, `1.234,56 €` or `1234,56`, with `€` or `EUR` in the totals and bare
figures in the tables; dates `2024-03-05` (most certified programs print ISO dates), `05-03-2024`
or `05/03/2024`; quantities `1,00`, `1,000` or `1`; IVA 23 %, mixed with 13 % and 6 % on some.

Two layouts. `erp` (a desktop ERP's print): the seller top left (sometimes a brand in colour above
the legal name, the truth's vendor), `Capital social` and the `C.R.C.` registration, `ORIGINAL` and
the client in an `Exmo.(s) Sr.(s)` block on the right, the title `Fatura FT 2024/123` with the
ATCUD under it, then a full-width ruled strip with the label above the value (`N.º Cliente /
Contribuinte / Data de emissão / Data de vencimento / Cond. pagamento / V/ Ref.`), an `Artigo /
Descrição / Qtd. / Un. / Preço Unit. / Desc. % / IVA % / Valor` table, a `Quadro resumo do IVA`
(`Taxa / Incidência / Valor IVA`) on the left beside the totals (`Total Ilíquido`, `Desconto
comercial`, `Desconto financeiro`, `Total IVA`, `Total (EUR)` or `Total a pagar`), the QR code at
the foot. `web` (an online invoicing service): the document type large top right over its number and
`Original`, `Data de emissão:` / `Data de vencimento:` / `ATCUD:` label pairs on the left, a
`Cliente` block with its NIF on the right, a `Descrição / Qtd. / Preço Unit. / Desc. % / IVA % /
Valor` table, right-aligned totals with an `IVA 23% (s/ 1 000,00)` row per rate and `Total IVA`, the
QR code beside them, and a `Pagamentos` table on a fatura-recibo (`Data / Meio de pagamento /
Valor`).

Decoys and awkward parts: `Encomenda n.º ENC 2024/77` and `Guia de remessa GR 2024/301` numbers
shaped exactly like the invoice number, with their dates; the ATCUD; both NIFs (and the seller's as
`PT509123456` on some); `Capital social 5.000,00 €`; a `Desc. %` column that is `0,00`, `0` or
blank on every line, and zero `Desconto comercial` / `Desconto financeiro` / `Desconto` rows among
the totals (certified software allows no negative lines: a discount would only show there); an early
payment note (`Desconto de pronto pagamento de 2% (25,30 €) se pago até ...`); a fatura that is
also the transport document (`Local de carga`, `Data de carga` with a time, `Matrícula`); exempt
lines at `0` / `Isento` with a `Motivo de isenção: M07 - Isento artigo 9.º do CIVA` line, whole
invoices exempt (`M10` art. 53.º small traders, `M16` intra-EU, `M30` reverse charge: `Total IVA
0,00`, which the truth keeps as a tax of 0.00); sole traders with an IRS withholding (`Retenção na
fonte IRS (25%)`) after the total and a `Total a pagar` below it (the truth's total is the
document total above it, as `it-fattura` keeps `Totale documento`); a Multibanco payment
reference (`Entidade 21098 / Referência 123 456 789 / Valor`) or the seller's IBAN
(`PT50 ...`); a fatura-recibo's payment lines (`Valor recebido`, `Troco`) and its due date, the
issue date again when printed, absent when not. About a third are scanned images.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import unicodedata
from decimal import Decimal
from typing import Literal

from bench.synth import names
from bench.synth.canvas import A4, Canvas
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

GREY = (0.4, 0.4, 0.4)
FILL = (0.88, 0.88, 0.88)
SURNAMES = [
    "Silva",
    "Santos",
    "Ferreira",
    "Pereira",
    "Oliveira",
    "Costa",
    "Rodrigues",
    "Martins",
    "Sousa",
    "Fernandes",
    "Gonçalves",
    "Gomes",
    "Lopes",
    "Marques",
    "Alves",
    "Almeida",
    "Ribeiro",
    "Pinto",
    "Carvalho",
    "Teixeira",
    "Moreira",
    "Correia",
]
FIRST = [
    "João",
    "Maria",
    "Ana",
    "Pedro",
    "Rui",
    "Sofia",
    "Tiago",
    "Inês",
    "Miguel",
    "Catarina",
    "Nuno",
    "Beatriz",
    "Luís",
    "Joana",
]
NOUNS = [
    "Construções",
    "Climatização",
    "Informática",
    "Serralharia",
    "Transportes",
    "Papelaria",
    "Eletricidade",
    "Carpintaria",
    "Contabilidade",
    "Artes Gráficas",
    "Materiais de Construção",
    "Soluções Digitais",
]
CITIES = [
    ("Lisboa", "1"),
    ("Porto", "4"),
    ("Braga", "47"),
    ("Coimbra", "30"),
    ("Aveiro", "38"),
    ("Faro", "80"),
    ("Setúbal", "29"),
    ("Leiria", "24"),
    ("Viseu", "35"),
    ("Évora", "70"),
    ("Vila Nova de Gaia", "44"),
    ("Guimarães", "48"),
]
STREETS = [
    "Rua de Santa Catarina",
    "Avenida da Liberdade",
    "Rua Augusta",
    "Avenida da República",
    "Rua do Comércio",
    "Rua 25 de Abril",
    "Travessa do Carmo",
    "Estrada Nacional 1",
    "Rua Dr. Manuel de Arriaga",
    "Zona Industrial da Mota, Lote",
]
FLOORS = ["", "", ", 1.º Esq.", ", 2.º Dto.", ", R/C", ", Loja A", ", 3.º andar"]
ITEMS = [
    ("Serviços de consultoria", "H"),
    ("Cadeira de escritório preta", "UN"),
    ("Papel A4 80 g, resma 500 folhas", "UN"),
    ("Manutenção de caldeira", "UN"),
    ("Mão de obra - instalação", "H"),
    ("Cantoneira em aço 40 mm", "UN"),
    ("Portes de envio", "UN"),
    ("Tinteiro preto compatível", "UN"),
    ("Licença de software anual", "UN"),
    ("Abraçadeiras 200 mm (cx. 100)", "CX"),
    ("Painel LED 60x60 40 W", "UN"),
    ("Design gráfico", "H"),
    ("Deslocação", "UN"),
    ("Cimento-cola C1 25 kg", "SC"),
    ("Tubo multicamada 16 mm", "M"),
    ("Assistência técnica", "H"),
    ("Tinta plástica branca 15 L", "UN"),
    ("Alojamento web (12 meses)", "UN"),
    ("Ar condicionado mural 9000 BTU", "UN"),
    ("Cabo elétrico H07V-U 2,5 mm2", "M"),
]
SERVICES = [
    ("Serviços de consultoria", "H"),
    ("Mão de obra - instalação", "H"),
    ("Design gráfico", "H"),
    ("Assistência técnica", "H"),
    ("Deslocação", "UN"),
    ("Manutenção de caldeira", "UN"),
    ("Contabilidade - avença mensal", "UN"),
    ("Tradução técnica (por página)", "UN"),
    ("Desenvolvimento de website", "H"),
]
REDUCED = [
    ("Serviço de catering (refeições)", "UN", Decimal(13)),
    ("Vinho tinto Douro DOC 75 cl", "GF", Decimal(13)),
    ("Água mineral 1,5 L (pack 6)", "PK", Decimal(6)),
    ("Pão de forma 500 g", "UN", Decimal(6)),
    ("Fruta da época (cx. 5 kg)", "CX", Decimal(6)),
    ("Livro técnico - Manual de Obra", "UN", Decimal(6)),
    ("Azeite virgem extra 750 ml", "GF", Decimal(6)),
]
EXEMPT_LINES = [
    ("Formação profissional certificada", "H"),
    ("Ação de formação - Segurança no Trabalho", "UN"),
]
MOTIVOS = {
    "M07": "Isento artigo 9.º do CIVA",
    "M10": "IVA - regime de isenção [art. 53.º do CIVA]",
    "M16": "Isento artigo 14.º do RITI",
    "M30": "IVA - autoliquidação [art. 2.º n.º 1 alínea j) do CIVA]",
}
SOFTWARE = [
    ("PHC CS", "1234"),
    ("Primavera ERP", "2200"),
    ("Sage 50c", "1460"),
    ("Moloni", "1377"),
    ("InvoiceXpress", "1650"),
    ("TOConline", "2398"),
    ("Vendus", "1916"),
]
PAY_METHODS = ["Numerário", "Multibanco", "MB WAY", "Transferência bancária", "Cartão de crédito"]
BANKS = ["Caixa Geral de Depósitos", "Millennium bcp", "Novo Banco", "Santander Totta", "BPI"]
ATCUD_CHARS = "BCDFGHJKLMNPQRSTVWXYZ23456789"


def _nif(rng: random.Random, first: str) -> str:
    """A NIF with a valid mod-11 check digit."""
    body = first + names.digits(rng, 8 - len(first))
    total = sum(int(digit) * (9 - index) for index, digit in enumerate(body))
    check = 11 - total % 11
    return body + str(0 if check >= 10 else check)


def _person(rng: random.Random) -> str:
    a, b = rng.sample(SURNAMES, 2)
    return f"{rng.choice(FIRST)} {a} {b}"


def _company(rng: random.Random) -> tuple[str, str]:
    """A company's legal name and the brand it may print above it."""
    a, b = rng.sample(SURNAMES, 2)
    noun = rng.choice(NOUNS)
    form = rng.choice(("Lda.", "Lda.", "Unipessoal Lda.", "S.A.", "Lda"))
    shape = rng.randrange(4)
    name = [
        f"{a} & {b}, {form}",
        f"{noun} {a}, {form}",
        f"{a} {noun}, {form}",
        f"{noun} {a} {form}",
    ]
    brand = [f"{a[0]}{b[0]} {noun}", f"{noun} {a}", f"{a} {noun}", f"{noun} {a}"]
    return name[shape], brand[shape].upper()


def _address(rng: random.Random) -> list[str]:
    city, prefix = rng.choice(CITIES)
    code = f"{prefix}{names.digits(rng, 4 - len(prefix))}-{names.digits(rng, 3)}"
    street = f"{rng.choice(STREETS)} {rng.randint(1, 420)}{rng.choice(FLOORS)}"
    return [street, f"{code} {city}"]


def _phone(rng: random.Random) -> str:
    if rng.random() < 0.5:
        area = rng.choice(("21", "22", "23", "25", "28")) + names.digits(rng, 1)
        return f"{area} {names.digits(rng, 3)} {names.digits(rng, 3)}"
    return (
        f"9{rng.choice('1236')}{names.digits(rng, 1)} {names.digits(rng, 3)} {names.digits(rng, 3)}"
    )


def _iban(rng: random.Random) -> str:
    raw = f"PT50{rng.choice(('0035', '0033', '0007', '0018', '0010'))}{names.digits(rng, 17)}"
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def _qr(canvas: Canvas, x: float, y: float, side: float, rng: random.Random) -> None:
    """A QR-code-like square: three finder patterns and random modules (a placeholder)."""
    count = 29
    cell = side / count
    canvas.box(x - 2, y - 2, x + side + 2, y + side + 2, stroke=None, fill=(1, 1, 1))
    finders = [(0, 0), (count - 7, 0), (0, count - 7)]
    for fx, fy in finders:
        x0, y0 = x + fx * cell, y + fy * cell
        canvas.box(x0, y0, x0 + 7 * cell, y0 + 7 * cell, stroke=None, fill=(0, 0, 0))
        canvas.box(x0 + cell, y0 + cell, x0 + 6 * cell, y0 + 6 * cell, stroke=None, fill=(1, 1, 1))
        canvas.box(
            x0 + 2 * cell, y0 + 2 * cell, x0 + 5 * cell, y0 + 5 * cell, stroke=None, fill=(0, 0, 0)
        )

    def reserved(col: int, row: int) -> bool:
        return any(fx - 1 <= col <= fx + 7 and fy - 1 <= row <= fy + 7 for fx, fy in finders)

    for row in range(count):
        col = 0
        while col < count:
            if reserved(col, row) or rng.random() < 0.55:
                col += 1
                continue
            start = col
            while col < count and not reserved(col, row) and rng.random() < 0.5:
                col += 1
            col = max(col, start + 1)
            canvas.box(
                x + start * cell,
                y + row * cell,
                x + col * cell,
                y + (row + 1) * cell,
                stroke=None,
                fill=(0, 0, 0),
            )


def _lines(
    rng: random.Random, regime: str, mixed: bool, high: float, sole: bool
) -> tuple[list[Line], list[Decimal], set[str]]:
    """Lines, their IVA rates and the exemption codes the document must explain."""
    pool = SERVICES if sole else ITEMS
    count = rng.randint(1, 4 if sole else 8)
    picks = rng.sample(pool, min(count, len(pool)))
    lines = [Line(text, quantity(rng), price(rng, 3, high), unit) for text, unit in picks]
    motivos: set[str] = set()
    if regime in ("M10", "M16", "M30"):
        return lines, [Decimal(0)] * len(lines), {regime}
    rates = [Decimal(23)] * len(lines)
    if mixed:
        for text, unit, rate in rng.sample(REDUCED, rng.randint(1, 3)):
            at = rng.randint(0, len(lines))
            lines.insert(at, Line(text, quantity(rng), price(rng, 1, 40), unit))
            rates.insert(at, rate)
    if rng.random() < 0.15:
        text, unit = rng.choice(EXEMPT_LINES)
        lines.append(Line(text, Decimal(rng.choice((4, 7, 14, 25))), price(rng, 12, 45), unit))
        rates.append(Decimal(0))
        motivos.add("M07")
    return lines, rates, motivos


def _rate_text(rate: Decimal, variant: int) -> str:
    if rate == 0:
        return ("Isento", "0", "0,00")[variant]
    return (f"{rate}%", f"{rate}", f"{rate},00")[variant]


def build(rng: random.Random) -> Rendered:
    layout = rng.choice(("erp", "erp", "web"))
    grouping = rng.choice((" ", ".", ".", ""))
    mark = rng.choice(("€", "€", "EUR"))
    style = MoneyStyle(grouping, ",", mark, symbol_after=True)
    dates_style = DateStyle(
        rng.choice(
            ("{yyyy}-{mm}-{dd}", "{yyyy}-{mm}-{dd}", "{dd}-{mm}-{yyyy}", "{dd}/{mm}/{yyyy}")
        ),
        "pt",
    )
    quantities: QuantityStyle
    if layout == "erp":
        quantities = FixedQuantity(",", places=rng.choice((2, 2, 3)))
    else:
        quantities = rng.choice((QuantityStyle(","), FixedQuantity(",", places=2)))
    receipt = rng.random() < 0.3  # fatura-recibo: paid when issued
    dates = pick_dates(rng, dates_style, due_days=(15, 30, 30, 60))
    canvas = Canvas(*A4, family=rng.choice(("helv", "helv", "helv", "tiro")))
    size = rng.choice((7.5, 8, 8.5))

    # Who issues and how the IVA works.
    sole = rng.random() < 0.25
    vendor, brand = (_person(rng), "") if sole else _company(rng)
    vendor_nif = _nif(rng, rng.choice("12")) if sole else _nif(rng, rng.choice(("50", "51", "5")))
    regime = "normal"
    roll = rng.random()
    if sole and roll < 0.4:
        regime = "M10"
    elif not sole and roll < 0.1:
        regime = "M16"
    elif not sole and roll < 0.17:
        regime = "M30"
    mixed = regime == "normal" and not sole and rng.random() < 0.25
    lines, rates, motivos = _lines(rng, regime, mixed, rng.choice((60, 250, 900)), sole)
    groups, subtotal, tax, total = net_totals(lines, rates)
    retention_rate = (
        rng.choice((Decimal(25), Decimal("11.5")))
        if sole and regime == "normal" and not receipt and rng.random() < 0.6
        else None
    )
    retention = money(subtotal * retention_rate / 100) if retention_rate is not None else None
    payable = total - (retention or Decimal(0))
    rate_label = str(retention_rate).replace(".", ",")

    code = "FR" if receipt else "FT"
    year = dates.issue.year
    series = rng.choice((f"{year}", f"{year}", f"A{year}", f"{year}A1", f"{code}{year % 100}", "A"))
    sequence = rng.randint(1, 1800)
    seq_text = f"{sequence:04d}" if rng.random() < 0.2 else str(sequence)
    number_text = f"{code} {series}/{seq_text}"
    atcud = "".join(rng.choice(ATCUD_CHARS) for _ in range(8)) + f"-{sequence}"
    doc_name = "Fatura-Recibo" if receipt else "Fatura"
    software, cert = rng.choice(SOFTWARE)
    hash_chars = "".join(
        rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        for _ in range(4)
    )

    # The client.
    if regime == "M16":
        client = f"{rng.choice(('Suministros', 'Distribuciones', 'Reformas'))} "
        client += f"{rng.choice(('García', 'López', 'Navarro'))} S.L."
        client_nif = f"ESB{names.digits(rng, 8)}"
        client_rows = [client, f"Calle Mayor {rng.randint(1, 90)}", "28013 Madrid", "Espanha"]
    elif receipt and regime == "normal" and rng.random() < 0.4:
        client, client_nif = "Consumidor final", "999999990"
        client_rows = [client]
    else:
        # Withholding applies only when the client keeps organised accounts (a firm).
        firm = rng.random() < 0.8 or retention is not None
        client = _company(rng)[0] if firm else _person(rng)
        client_nif = _nif(rng, "5" if firm else "2")
        client_rows = [client, *_address(rng)]
    client_no = rng.choice(
        (f"C{names.digits(rng, 4)}", names.digits(rng, 4), f"CL{names.digits(rng, 5)}")
    )

    # Decoy references.
    order = f"ENC {year}/{rng.randint(1, 400)}" if rng.random() < 0.45 else None
    guide = f"GR {year}/{rng.randint(1, 900)}" if rng.random() < 0.35 else None
    transport = not receipt and rng.random() < 0.2
    early = regime == "normal" and not receipt and rng.random() < 0.25
    due_printed = True
    if receipt:
        due_printed = layout == "erp" and rng.random() < 0.6
    elif layout == "web":
        due_printed = rng.random() < 0.8
    due = dates.issue if receipt else dates.due
    terms = "Pronto pagamento" if receipt else f"{(dates.due - dates.issue).days} dias"

    seller_nif_text = rng.choice(
        (f"NIF: {vendor_nif}", f"Contribuinte n.º {vendor_nif}", f"NIF/NIPC: PT{vendor_nif}")
    )
    seller_rows = [*_address(rng), f"Tel.: {_phone(rng)}", seller_nif_text]
    registry = ""
    if not sole:
        capital = rng.choice((Decimal(5000), Decimal(50000), Decimal(250000), Decimal(1000)))
        city = seller_rows[1].split(" ", 1)[1]
        registry = (
            f"{vendor} - Capital social: {style.amount(capital)} - Matrícula na C.R.C. de {city} "
            f"sob o n.º único de matrícula e de pessoa coletiva {vendor_nif}"
        )
    handle = unicodedata.normalize("NFKD", vendor.split()[0].lower())
    email = f"geral@{''.join(ch for ch in handle if ch.isalnum() and ch.isascii())}.pt"

    table_rows: list[list[str]] = []
    rate_variant = rng.randrange(3)
    desc_variant = rng.choice(("0,00", "0", ""))
    money_rows = []
    for line, rate in zip(lines, rates, strict=True):
        money_rows.append(
            (
                line,
                quantities.number(line.quantity),
                style.number(line.unit_price),
                desc_variant,
                _rate_text(rate, rate_variant),
                style.number(line.amount),
            )
        )

    if layout == "erp":
        y: float = 58
        if brand and rng.random() < 0.3:
            canvas.text(50, y, brand, size=19, bold=True, color=(0.05, 0.35, 0.45))
            y += 16
            canvas.text(50, y, vendor, size=size + 2, bold=True)
        else:
            canvas.text(50, y, vendor, size=13, bold=True)
        for row in [*seller_rows, email]:
            y += size + 2.5
            canvas.text(50, y, row, size=size - 0.5)
        canvas.text(545, 52, "ORIGINAL", size=8, bold=True, align="right")
        canvas.text(330, 98, "Exmo.(s) Sr.(s)", size=size - 1, color=GREY)
        for offset, row in enumerate(client_rows, 1):
            canvas.text(330, 98 + offset * (size + 3), row, size=size + 0.5, bold=offset == 1)
        title_y = max(y + 28, 180)
        title = f"{doc_name} {number_text}"
        if rng.random() < 0.4:
            title = f"{doc_name.upper()} N.º {number_text}"
        canvas.text(50, title_y, title, size=14, bold=True)
        canvas.text(50, title_y + 12, f"ATCUD: {atcud}", size=size - 0.5)
        canvas.text(545, title_y + 12, "Pág. 1 de 1", size=size - 1, align="right", color=GREY)

        strip = [
            ("N.º Cliente", client_no),
            ("Contribuinte", client_nif),
            ("Data de emissão", dates_style.format(dates.issue)),
        ]
        if due_printed:
            strip.append(("Data de vencimento", dates_style.format(due)))
        strip.append(("Cond. pagamento", terms))
        strip.append(("V/ Ref.", f"{rng.choice(('PO', 'Req.', 'NE'))} {names.digits(rng, 5)}"))
        top = title_y + 22
        width = 495 / len(strip)
        canvas.box(50, top, 545, top + 12, stroke=None, fill=FILL)
        canvas.box(50, top, 545, top + 28, width=0.5)
        for index, (label, value) in enumerate(strip):
            x = 50 + index * width
            if index:
                canvas.line(x, top, x, top + 28, width=0.4)
            canvas.text(x + 4, top + 9, label, size=6.5, bold=True)
            canvas.text(x + 4, top + 24, value, size=size)
        y = top + 42
        refs = []
        if order:
            refs.append(f"Encomenda n.º {order} de {dates_style.format(dates.other[0])}")
        if guide:
            refs.append(f"Guia de remessa {guide}")
        if refs:
            canvas.text(50, y, "   |   ".join(refs), size=size - 0.5)
            y += 12
        if transport:
            letters = rng.choice("ABCDEFGHJ") + rng.choice("ABCDEFGHJ")
            plate = f"{names.digits(rng, 2)}-{letters}-{names.digits(rng, 2)}"
            hour = f"{rng.randint(7, 17):02d}:{rng.choice(('00', '15', '30', '45'))}"
            canvas.text(
                50,
                y,
                f"Local de carga: N/ Armazém   Data de carga: "
                f"{dates_style.format(dates.other[0])} {hour}   Local de descarga: "
                f"Morada do cliente   Matrícula: {plate}",
                size=size - 1,
            )
            y += 12
        y += 6
        columns = [
            Column("Artigo", 52),
            Column("Descrição", 100),
            Column("Qtd.", 318, "right"),
            Column("Un.", 324),
            Column("Preço Unit.", 398, "right"),
            Column("Desc. %", 440, "right"),
            Column("IVA %", 478, "right"),
            Column("Valor", 543, "right"),
        ]
        for line, qty, unit_price, disc, rate_cell, amount in money_rows:
            table_rows.append(
                [
                    f"{rng.choice(('A', 'P', 'S', 'MAT'))}{names.digits(rng, 4)}",
                    line.description,
                    qty,
                    line.unit,
                    unit_price,
                    disc,
                    rate_cell,
                    amount,
                ]
            )
        y = draw_table(
            canvas,
            y,
            columns,
            table_rows,
            left=48,
            right=547,
            size=size - 0.5,
            rules=rng.choice(("header", "grid", "zebra")),
            header_fill=FILL,
        )

        # IVA summary left, totals right.
        block = max(y + 24, 540)
        summary = [
            [_rate_text(g.rate, 0), style.number(g.base), style.number(g.tax)] for g in groups
        ]
        canvas.text(50, block - 6, "Quadro resumo do IVA", size=size - 0.5, bold=True)
        after = draw_table(
            canvas,
            block,
            [
                Column("Taxa", 52),
                Column("Incidência", 175, "right"),
                Column("Valor IVA", 255, "right"),
            ],
            summary,
            left=50,
            right=260,
            size=size - 1,
            row_height=12,
            rules="grid",
            header_fill=FILL,
        )
        for motivo in sorted(motivos):
            canvas.text(
                50, after + 8, f"Motivo de isenção: {motivo} - {MOTIVOS[motivo]}", size=size - 1.5
            )
            after += 10
        total_label = rng.choice(("Total (EUR)", "Total a pagar", "TOTAL"))
        rows = [
            ("Total Ilíquido", style.amount(subtotal)),
            ("Desconto comercial", style.amount(Decimal(0))),
            ("Desconto financeiro", style.amount(Decimal(0))),
            ("Total IVA", style.amount(tax)),
        ]
        if retention is not None:
            total_label = "Total do documento"
            rows.append((total_label, style.amount(total)))
            rows.append((f"Retenção na fonte IRS ({rate_label}%)", style.amount(-retention)))
            rows.append(("Total a pagar", style.amount(payable)))
        else:
            rows.append(
                (
                    total_label,
                    style.number(total) if total_label == "Total (EUR)" else style.amount(total),
                )
            )
        canvas.line(330, block - 8, 547, block - 8, width=0.6)
        y = total_rows(
            canvas,
            335,
            543,
            block + 4,
            rows,
            bold={total_label, "Total a pagar"},
            size=size + 0.5,
            step=14,
        )
        y = max(y, after) + 14
        qr_top = max(y + 8, 668)
        _qr(canvas, 50, qr_top, 84, rng)
        canvas.text(50, qr_top + 96, f"ATCUD: {atcud}", size=size - 1.5)
        pay_x, pay_y = 160, qr_top + 8
    else:
        canvas.text(50, 62, vendor, size=14 if len(vendor) < 30 else 11, bold=True)
        for offset, row in enumerate([*seller_rows, email], 1):
            canvas.text(50, 62 + offset * (size + 2.5), row, size=size - 0.5, color=GREY)
        canvas.text(545, 66, doc_name, size=22, bold=True, align="right")
        canvas.text(545, 84, number_text, size=12, bold=True, align="right")
        canvas.text(545, 97, "Original", size=size - 1, align="right", color=GREY)
        pairs = [("Data de emissão:", dates_style.format(dates.issue))]
        if due_printed:
            pairs.append(("Data de vencimento:", dates_style.format(due)))
        pairs.append(("ATCUD:", atcud))
        if order:
            pairs.append(("Encomenda n.º:", order))
        if guide:
            pairs.append(("Guia de remessa:", f"{guide} de {dates_style.format(dates.other[0])}"))
        top = 62 + (len(seller_rows) + 2) * (size + 2.5) + 22
        label_pairs(canvas, 50, top, pairs, size=size, gap=90, step=12.5)
        canvas.text(330, top, "Cliente", size=size, bold=True, color=GREY)
        canvas.line(330, top + 3, 545, top + 3, width=0.4)
        client_lines = [*client_rows, f"NIF: {client_nif}"]
        for offset, row in enumerate(client_lines, 1):
            canvas.text(330, top + 3 + offset * 11.5, row, size=size, bold=offset == 1)
        y = top + max(len(pairs) * 12.5, 3 + len(client_lines) * 11.5) + 24
        columns = [
            Column("Descrição", 52),
            Column("Qtd.", 320, "right"),
            Column("Preço Unit.", 392, "right"),
            Column("Desc. %", 436, "right"),
            Column("IVA %", 478, "right"),
            Column("Valor", 543, "right"),
        ]
        for line, qty, unit_price, disc, rate_cell, amount in money_rows:
            table_rows.append([line.description, qty, unit_price, disc, rate_cell, amount])
        y = draw_table(
            canvas,
            y,
            columns,
            table_rows,
            left=48,
            right=547,
            size=size,
            row_height=16,
            rules=rng.choice(("header", "zebra")),
            header_fill=FILL,
        )
        after = y + 10
        for motivo in sorted(motivos):
            canvas.text(
                50, after, f"Motivo de isenção: {motivo} - {MOTIVOS[motivo]}", size=size - 1
            )
            after += 11
        rows = [("Total Ilíquido", style.amount(subtotal))]
        rows.append(("Desconto", style.amount(Decimal(0))))
        for group in groups:
            rows.append(_web_rate_row(group, style))
        rows.append(("Total IVA", style.amount(tax)))
        total_label = rng.choice(("Total a pagar", "Total", "Total (EUR)"))
        if retention is not None:
            total_label = "Total"
            rows.append((total_label, style.amount(total)))
            rows.append((f"Retenção IRS {rate_label}%", style.amount(-retention)))
            rows.append(("Total a pagar", style.amount(payable)))
        else:
            rows.append((total_label, style.amount(total)))
        block = after + 14
        y = total_rows(
            canvas, 345, 543, block, rows, bold={total_label, "Total a pagar"}, size=size + 0.5
        )
        _qr(canvas, 50, block - 8, 78, rng)
        canvas.text(140, block + 4, f"ATCUD: {atcud}", size=size - 1)
        canvas.text(140, block + 15, f"{code} {series}/{seq_text}", size=size - 1, color=GREY)
        pay_x, pay_y = 50, max(y, block + 84) + 16

    # Payment.
    pay: list[str] = []
    if receipt:
        method = rng.choice(PAY_METHODS)
        if layout == "web":
            canvas.text(pay_x, pay_y, "Pagamentos", size=size, bold=True)
            draw_table(
                canvas,
                pay_y + 4,
                [
                    Column("Data", 52),
                    Column("Meio de pagamento", 150),
                    Column("Valor", 320, "right"),
                ],
                [[dates_style.format(dates.issue), method, style.amount(payable)]],
                left=50,
                right=325,
                size=size - 0.5,
                row_height=13,
            )
            pay_y += 44
        else:
            pay.append(f"Meio de pagamento: {method}")
            if method == "Numerário":
                given = Decimal(math.ceil(payable / 10) * 10)
                pay.append(
                    f"Valor recebido: {style.amount(given)}   "
                    f"Troco: {style.amount(given - payable)}"
                )
            else:
                pay.append(f"Valor recebido: {style.amount(payable)}")
    else:
        if rng.random() < 0.4:
            pay.append("Pagamento por referência Multibanco:")
            pay.append(
                f"Entidade: {rng.randint(10000, 99999)}   Referência: {names.digits(rng, 3)} "
                f"{names.digits(rng, 3)} {names.digits(rng, 3)}   Valor: {style.amount(payable)}"
            )
        else:
            pay.append(f"Pagamento por transferência bancária - {rng.choice(BANKS)}")
            pay.append(
                f"IBAN: {_iban(rng)}   "
                f"BIC/SWIFT: {rng.choice(('CGDIPTPL', 'BCOMPTPL', 'BESCPTPL', 'TOTAPTPL'))}"
            )
        if early:
            early_due = dates.issue + dt.timedelta(days=10)
            pay.append(
                "Desconto de pronto pagamento de 2% "
                f"({style.amount(money(payable * Decimal('0.02')))}) "
                f"se pago até {dates_style.format(early_due)}."
            )
    for offset, row in enumerate(pay):
        canvas.text(pay_x, pay_y + offset * 11, row, size=size - 0.5)

    footer = [
        "Os bens e/ou serviços foram colocados à disposição do adquirente na data do documento."
    ]
    if regime == "M30":
        footer.append("IVA devido pelo adquirente (autoliquidação).")
    if registry:
        footer.append(registry)
    for offset, row in enumerate(footer):
        canvas.text(50, 794 - (len(footer) - 1 - offset) * 8, row, size=6, color=GREY)
    canvas.line(50, 800, 545, 800, width=0.3)
    canvas.text(
        50, 810, f"{hash_chars}-Processado por programa certificado n.º {cert}/AT", size=6.5
    )
    canvas.text(545, 810, f"{software}  |  Pág. 1/1", size=6.5, align="right", color=GREY)

    fields = truth_fields(
        number=number_text,
        issue=dates.issue,
        due=due if due_printed else None,
        vendor=vendor,
        total=total,
        subtotal=subtotal,
        tax=tax,
        currency="EUR",
        lines=lines,
    )
    image: Literal["png", "jpg"] | None = choose(rng, [(7, None), (2, "jpg"), (1, "png")])
    return Rendered(
        fields,
        "pt",
        "invoice",
        canvas.pdf(title=number_text),
        style,
        dates_style,
        quantities,
        ("€", "EUR"),
        image=image,
    )


def _web_rate_row(group: TaxGroup, style: MoneyStyle) -> tuple[str, str]:
    if group.rate == 0:
        return (f"IVA Isento (s/ {style.number(group.base)})", style.amount(group.tax))
    return (f"IVA {group.rate}% (s/ {style.number(group.base)})", style.amount(group.tax))
