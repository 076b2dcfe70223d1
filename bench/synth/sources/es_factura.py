"""`es-factura`: a Spanish factura from a small firm (S.L., S.A.) or an autónomo.

Two layouts Spanish invoicing programs print. `cajas`: the issuer top left (sometimes a trade name
in capitals above the legal name), `FACTURA` top right over a ruled row of boxes with the label
above the value (`Nº FACTURA / FECHA / Nº CLIENTE`, the client number an accounting code
`430000123`), a `DATOS DEL CLIENTE` box, a `Código / Descripción / Cant. / Precio / Importe` table,
and the totals as a horizontal strip of boxes at the foot (`BASE IMPONIBLE / % IVA / CUOTA IVA / [%
IRPF / RETENCIÓN] / TOTAL FACTURA`, one row per rate when rates mix, with a sum row only sometimes,
else an `Importe neto` under the table and no tax sum). `lista`: `Factura` as a title with `Nº de
factura:` / `Fecha de expedición:` label pairs (the issue date sometimes `5 de marzo de 2024`), the
issuer right-aligned, `Facturar a:`, and right-aligned totals (`Base imponible`, `IVA 21 %` or `IVA
10 % s/ 200,00` per rate, `TOTAL FACTURA`). Amounts `1.234,56 €`, sometimes ungrouped `1234,56` (as
the RAE prefers); dates `05/03/2024`, `05-03-2024` or `5/3/2024`; IVA 21 %, mixed with 10 % and 4 %.

Decoys and awkward parts: the CIF/NIF of both parties (`B12345678`, `12345678Z`), `Su pedido` and
`Albarán` numbers beside the invoice number, with the delivery-note date; `Albarán nº ... de
02/03/2024` header rows inside the item table in some (not items: no amount, not in the truth); a
`Periodo de facturación` (two more dates); quantities printed as `2,00` in some; autónomos (a
person's name, two surnames) with an `IRPF` withholding (15 % or 7 %), where `TOTAL FACTURA` is base
+ IVA - IRPF (the truth's total), so the IVA quota is printed but left out of the truth (subtotal +
tax would not make the total); an `Entrega a cuenta` deposit after the total with a `TOTAL A PAGAR`
that is not the total; a `Forma de pago` block with the issuer's IBAN for a transfer, or the
client's masked IBAN for a `Recibo domiciliado`, and `Vencimientos` (one due date with its amount;
or two instalments of half the amount, where no single due date exists and the truth has none; or
`Contado`, no due date); the Registro Mercantil inscription (Tomo, Folio, Hoja) and an RGPD notice
in the footer. About a third are scanned images.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Literal

from bench.synth import names
from bench.synth.canvas import A4, Canvas
from bench.synth.common import (
    Column,
    choose,
    draw_table,
    label_pairs,
    line_rates,
    make_lines,
    number,
    total_rows,
)
from bench.synth.document import Rendered, net_totals, pick_dates, truth_fields
from bench.synth.formats import DateStyle, FixedQuantity, MoneyStyle, QuantityStyle, money

GREY = (0.4, 0.4, 0.4)
FILL = (0.86, 0.88, 0.9)
NIF_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def _nif(rng: random.Random) -> str:
    body = rng.randint(10_000_000, 79_999_999)
    return f"{body}{NIF_LETTERS[body % 23]}"


def _cif(rng: random.Random) -> str:
    return f"{rng.choice('BBBA')}{names.digits(rng, 8)}"


def _vendor(rng: random.Random) -> tuple[str, bool]:
    """The issuer's printed name and whether it is an autónomo (a person)."""
    if rng.random() < 0.25:
        first = rng.choice(names.FIRST["es"].split())
        a, b = rng.sample(names.SURNAMES["es"].split(), 2)
        return f"{first} {a} {b}", True
    if rng.random() < 0.3:
        noun = rng.choice(names.NOUNS["es"].split("|"))
        surname = rng.choice(names.SURNAMES["es"].split())
        return f"{noun} {surname} {rng.choice(names.FORMS['es'])}", False
    return names.company(rng, "es"), False


def _end_of_previous_month(day: dt.date) -> dt.date:
    return day.replace(day=1) - dt.timedelta(days=1)


def build(rng: random.Random) -> Rendered:
    grouping = rng.choice((".", ".", ".", ""))
    mark = rng.choice(("€", "€", "EUR"))
    style = MoneyStyle(grouping, ",", mark, symbol_after=True)
    numeric = DateStyle(
        rng.choice(("{dd}/{mm}/{yyyy}", "{dd}/{mm}/{yyyy}", "{dd}-{mm}-{yyyy}", "{d}/{m}/{yyyy}")),
        "es",
    )
    dates = pick_dates(rng, numeric, due_days=(30, 60, 90))
    layout = rng.choice(("cajas", "lista"))
    canvas = Canvas(*A4, family=rng.choice(("helv", "helv", "tiro")))
    size = rng.choice((8, 8.5, 9))
    vendor, autonomo = _vendor(rng)
    vendor_id = (
        ("NIF", _nif(rng)) if autonomo else (rng.choice(("CIF", "NIF", "C.I.F.")), _cif(rng))
    )
    number_text = number(
        rng,
        rng.choice(("{yyyy}/####", "A-{yy}/###", "F{yy}-#####", "FRA-{yyyy}-###", "{yyyy}-A-####")),
        dates.issue.year,
    )
    lines = make_lines(rng, "es", rng.randint(1, 7), high=rng.choice((60, 300, 1200)))
    standard = Decimal(21)
    rates = (
        [standard] * len(lines)
        if autonomo
        else line_rates(
            rng,
            len(lines),
            standard,
            (standard, standard, Decimal(10), Decimal(4)),
            mixed_share=0.25,
        )
    )
    groups, subtotal, tax, total = net_totals(lines, rates)
    mixed = len(groups) > 1
    irpf_rate = (
        rng.choice((Decimal(15), Decimal(15), Decimal(7)))
        if autonomo and rng.random() < 0.7
        else None
    )
    irpf = money(subtotal * irpf_rate / 100) if irpf_rate is not None else Decimal(0)
    invoice_total = total - irpf
    deposit = None
    if irpf_rate is None and rng.random() < 0.18:
        deposit = money(invoice_total * Decimal("0.3")) if invoice_total < 1500 else Decimal(500)
    payable = invoice_total - (deposit or Decimal(0))
    quantities: QuantityStyle = FixedQuantity(",") if rng.random() < 0.4 else QuantityStyle(",")
    rate_text = {rate: f"{rate} %" for rate in (Decimal(21), Decimal(10), Decimal(4))}

    client = names.company(rng, "es")
    client_rows = [client, f"{rng.choice(('CIF', 'NIF'))}: {_cif(rng)}", *names.address(rng, "es")]
    vendor_rows = [
        *names.address(rng, "es"),
        f"{vendor_id[0]}: {vendor_id[1]}",
        f"Tel. {names.phone(rng, 'ES')}",
    ]
    order_ref = rng.choice(
        (f"PED-{dates.issue.year}-{names.digits(rng, 4)}", f"45{names.digits(rng, 8)}")
    )
    albaran = f"ALB-{dates.issue.year % 100:02d}/{names.digits(rng, 5)}"
    albaran_in_table = rng.random() < 0.4
    period = None
    if rng.random() < 0.25:
        end = _end_of_previous_month(dates.issue)
        period = (end.replace(day=1), end)
    overrides: dict[str, DateStyle] = {}

    # Issuer, title and header facts.
    if layout == "cajas":
        y: float = 60
        if not autonomo and rng.random() < 0.35:
            trade = vendor.rsplit(" ", 1)[0].upper()
            canvas.text(50, y, trade, size=18, bold=True, color=(0.15, 0.25, 0.5))
            y += 16
            canvas.text(50, y, vendor, size=size + 1, bold=True)
        else:
            canvas.text(50, y, vendor, size=14, bold=True)
        for offset, row in enumerate(vendor_rows, 1):
            canvas.text(50, y + offset * 11, row, size=size - 0.5)
        canvas.text(545, 62, "FACTURA", size=22, bold=True, align="right")
        client_no = f"430{names.digits(rng, 6)}"
        cells = [
            ("Nº FACTURA", number_text),
            ("FECHA", numeric.format(dates.issue)),
            ("Nº CLIENTE", client_no),
        ]
        left, width = 320, 225 / len(cells)
        canvas.box(left, 76, 545, 90, stroke=None, fill=FILL)
        canvas.box(left, 76, 545, 106)
        for index, (label, value) in enumerate(cells):
            x = left + index * width
            if index:
                canvas.line(x, 76, x, 106, width=0.5)
            canvas.text(x + width / 2, 86, label, size=6.5, bold=True, align="center")
            canvas.text(x + width / 2, 101, value, size=size, align="center")
        canvas.box(320, 118, 545, 200)
        canvas.box(320, 118, 545, 130, stroke=None, fill=FILL)
        canvas.text(326, 127, "DATOS DEL CLIENTE", size=7, bold=True)
        for offset, row in enumerate(client_rows, 1):
            canvas.text(326, 132 + offset * 12, row, size=size, bold=offset == 1)
        refs = [f"Su pedido: {order_ref}"]
        if not albaran_in_table:
            refs.append(f"Albarán: {albaran} de {numeric.format(dates.other[0])}")
        if period:
            refs.append(
                f"Periodo de facturación: {numeric.format(period[0])} - {numeric.format(period[1])}"
            )
        for offset, row in enumerate(refs):
            canvas.text(50, 165 + offset * 12, row, size=size - 0.5)
        top: float = 228
    else:
        canvas.text(50, 72, "Factura", size=26, bold=True)
        long_issue = rng.random() < 0.3
        issue_style = DateStyle("{d} de {month} de {yyyy}", "es") if long_issue else numeric
        if long_issue:
            overrides["invoice_date"] = issue_style
        pairs = [
            (rng.choice(("Nº de factura:", "Factura nº:", "Número:")), number_text),
            (
                rng.choice(("Fecha de expedición:", "Fecha factura:", "Fecha:")),
                issue_style.format(dates.issue),
            ),
            ("Nº pedido:", order_ref),
        ]
        if not albaran_in_table:
            pairs.append(("Albarán:", albaran))
        if period:
            pairs.append(
                ("Periodo:", f"{numeric.format(period[0])} al {numeric.format(period[1])}")
            )
        label_pairs(canvas, 50, 95, pairs, size=size, gap=95, step=12.5)
        canvas.text(545, 60, vendor, size=12, bold=True, align="right")
        for offset, row in enumerate([*vendor_rows, f"{vendor.split()[0].lower()}@correo.es"], 1):
            canvas.text(545, 60 + offset * 11, row, size=size - 0.5, align="right", color=GREY)
        y = 100 + len(pairs) * 12.5 + 14
        canvas.text(50, y, rng.choice(("Facturar a:", "Cliente:")), size=size, bold=True)
        canvas.line(50, y + 3, 250, y + 3, width=0.4)
        for offset, row in enumerate(client_rows, 1):
            canvas.text(50, y + 3 + offset * 11.5, row, size=size)
        top = y + 3 + len(client_rows) * 11.5 + 24

    # Items.
    show_rate = mixed
    columns = [Column("Código", 52), Column("Descripción", 110)]
    columns += [Column("Cant.", 330, "right"), Column("Precio", 400, "right")]
    if show_rate:
        columns.append(Column("% IVA", 445, "right"))
    columns.append(Column("Importe", 540, "right"))
    rows: list[list[str]] = []
    if albaran_in_table:
        header_row = ["", f"Albarán nº {albaran} de {numeric.format(dates.other[0])}", "", ""]
        rows.append(header_row + ([""] if show_rate else []) + [""])
    for line, rate in zip(lines, rates, strict=True):
        item_row = [
            f"{rng.choice('ABCMRS')}{names.digits(rng, 4)}",
            line.description,
            quantities.number(line.quantity),
            style.number(line.unit_price),
        ]
        if show_rate:
            item_row.append(rate_text[rate])
        item_row.append(style.number(line.amount))
        rows.append(item_row)
    y = draw_table(
        canvas,
        top,
        columns,
        rows,
        left=48,
        right=545,
        size=size - 0.5,
        rules=rng.choice(("header", "grid", "zebra")),
        header_fill=FILL,
    )

    # Totals.
    tax_printed = irpf_rate is None
    if layout == "cajas":
        heads = [("BASE IMPONIBLE", 140), ("% IVA", 185), ("CUOTA IVA", 265)]
        if irpf_rate is not None:
            heads += [("% IRPF", 315), ("RETENCIÓN", 390)]
        heads.append(("TOTAL FACTURA", 540))
        strip_top = max(y + 30, 600)
        strip_columns = [Column(label, x, "right") for label, x in heads]
        strip_rows: list[list[str]] = []
        for group in groups:
            strip_row = [style.number(group.base), rate_text[group.rate], style.number(group.tax)]
            if irpf_rate is not None:
                strip_row += [f"{irpf_rate} %", style.number(-irpf)]
            strip_row.append("")
            strip_rows.append(strip_row)
        sum_row = mixed and rng.random() < 0.6
        if sum_row:
            strip_rows.append([style.number(subtotal), "", style.number(tax), ""])
        elif mixed:
            # No sum over the rates in the strip: only the net sum under the table, no tax sum.
            tax_printed = False
            canvas.text(440, y + 12, "Importe neto", size=size - 0.5, bold=True, align="right")
            canvas.text(540, y + 12, style.number(subtotal), size=size - 0.5, align="right")
        strip_rows[-1][-1] = style.amount(invoice_total)
        draw_table(
            canvas,
            strip_top,
            strip_columns,
            strip_rows,
            left=48,
            right=545,
            size=size - 0.5,
            row_height=15,
            rules="grid",
            header_fill=FILL,
        )
        y = strip_top + 18 + 15 * len(strip_rows) + 16
        if deposit is not None:
            y = total_rows(
                canvas,
                360,
                540,
                y,
                [
                    ("Entrega a cuenta", style.amount(-deposit)),
                    ("TOTAL A PAGAR", style.amount(payable)),
                ],
                bold={"TOTAL A PAGAR"},
                size=size,
            )
    else:
        y += 14
        totals = [("Base imponible", style.amount(subtotal))]
        for group in groups:
            label = f"IVA {rate_text[group.rate]}"
            if mixed:
                label += f" s/ {style.number(group.base)}"
            totals.append((label, style.amount(group.tax)))
        if mixed:
            tax_printed = rng.random() < 0.5
            if tax_printed:
                totals.append(("Total IVA", style.amount(tax)))
        if irpf_rate is not None:
            totals.append((f"Retención IRPF {irpf_rate} %", style.amount(-irpf)))
        totals.append(("TOTAL FACTURA", style.amount(invoice_total)))
        if deposit is not None:
            totals += [
                ("Entrega a cuenta", style.amount(-deposit)),
                ("TOTAL A PAGAR", style.amount(payable)),
            ]
        canvas.line(340, y - 11, 545, y - 11, width=0.4)
        y = total_rows(
            canvas, 340, 540, y, totals, bold={"TOTAL FACTURA", "TOTAL A PAGAR"}, size=size
        )
        y += 10

    # Payment.
    method = rng.choice(("transfer", "transfer", "direct", "cash", "split"))
    due_printed = method in ("transfer", "direct")
    y = max(y + 14, 690) if layout == "cajas" else y + 14
    canvas.text(50, y, "FORMA DE PAGO", size=size, bold=True)
    canvas.line(50, y + 3, 300, y + 3, width=0.4)
    pay: list[str] = []
    if method in ("transfer", "split"):
        pay.append("Transferencia bancaria a la cuenta:")
        pay.append(f"IBAN {names.iban(rng, 'ES')}")
    elif method == "direct":
        masked = f"ES{names.digits(rng, 2)} **** **** **** **** {names.digits(rng, 4)}"
        pay.append(f"Recibo domiciliado en {masked}")
    else:
        pay.append("Contado")
    if method == "split":
        first = money(payable / 2)
        second_due = dates.due + dt.timedelta(days=30)
        pay.append(
            f"Vencimientos: {numeric.format(dates.due)}  {style.amount(first)}   "
            f"{numeric.format(second_due)}  {style.amount(payable - first)}"
        )
    elif due_printed:
        label = rng.choice(("Vencimiento:", "Fecha de vencimiento:", "Vto.:"))
        pay.append(f"{label} {numeric.format(dates.due)}  {style.amount(payable)}")
    for offset, row in enumerate(pay, 1):
        canvas.text(50, y + 3 + offset * 12, row, size=size - 0.5)

    footer = []
    if not autonomo:
        city = rng.choice(names.CITIES["es"].split("|"))
        footer.append(
            f"{vendor} - Inscrita en el Registro Mercantil de {city}, "
            f"Tomo {rng.randint(1000, 39999)}, "
            f"Folio {rng.randint(1, 220)}, Hoja {city[0]}-{names.digits(rng, 6)}, Inscripción 1ª - "
            f"{vendor_id[0]} {vendor_id[1]}"
        )
    footer.append(
        "De conformidad con el Reglamento (UE) 2016/679 (RGPD), sus datos serán tratados con la "
        "finalidad de gestionar la relación comercial y la facturación."
    )
    for offset, row in enumerate(footer):
        canvas.text(297, 798 + offset * 9, row, size=6, align="center", color=GREY)

    fields = truth_fields(
        number=number_text,
        issue=dates.issue,
        due=dates.due if due_printed else None,
        vendor=vendor,
        total=invoice_total,
        subtotal=subtotal,
        tax=tax if tax_printed else None,
        currency="EUR",
        lines=lines,
    )
    image: Literal["png", "jpg"] | None = choose(rng, [(7, None), (2, "jpg"), (1, "png")])
    return Rendered(
        fields,
        "es",
        "invoice",
        canvas.pdf(title=number_text),
        style,
        numeric,
        quantities,
        ("€", "EUR"),
        image=image,
        date_overrides=overrides,
    )
