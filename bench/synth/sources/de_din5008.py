"""`de-din5008`: a German business letter invoice (DIN 5008 form B).

A return-address line above the address window, the customer in the window, an information
block to the right (`Rechnungsnummer`, `Kundennummer`, `Lieferdatum` or `Leistungszeitraum`,
`Datum`), a bold subject line, a salutation, a `Pos. Menge Einheit Bezeichnung Einzelpreis
Gesamtpreis` table, then `Nettobetrag / zzgl. USt 19 % / Gesamtbetrag` right-aligned, a payment
sentence (`Zahlbar bis 19.03.2024`, Skonto offers, or `sofort ohne Abzug` and no due date) and a
three-column footer with Amtsgericht, IBAN and USt-IdNr. Amounts `1.234,56 €`; mixed 19 % and
7 % rates print one tax line each, and the total tax only sometimes.
"""

from __future__ import annotations

import random
from decimal import Decimal

from bench.synth import names
from bench.synth.canvas import A4, Canvas
from bench.synth.common import Column, draw_table, make_lines, number
from bench.synth.document import Rendered, net_totals, pick_dates, truth_fields
from bench.synth.formats import DateStyle, MoneyStyle, QuantityStyle, money


def build(rng: random.Random) -> Rendered:
    mark = rng.choice(("€", "€", "EUR"))
    style = MoneyStyle(".", ",", mark, symbol_after=rng.random() < 0.85)
    numeric = DateStyle("{dd}.{mm}.{yyyy}", "de")
    long_date = DateStyle("{d}. {month} {yyyy}", "de")
    dates = pick_dates(rng, numeric, due_days=(10, 14, 30))
    canvas = Canvas(*A4, family=rng.choice(("helv", "helv", "tiro")))
    size = rng.choice((9, 9.5, 10))
    vendor = names.company(rng, "de")
    vendor_address = names.address(rng, "de")
    number_text = number(
        rng, rng.choice(("RE-{yyyy}-####", "{yyyy}/###", "R######", "{yy}-#####")), dates.issue.year
    )
    lines = make_lines(rng, "de", rng.randint(1, 8), high=rng.choice((80, 350, 1200)))
    mixed = rng.random() < 0.3
    rates = [rng.choice((Decimal(19), Decimal(7))) if mixed else Decimal(19) for _ in lines]
    groups, subtotal, tax, total = net_totals(lines, rates)

    # Letterhead, right or centred.
    if rng.random() < 0.5:
        canvas.text(540, 55, vendor, size=15, bold=True, align="right")
        canvas.text(540, 68, " | ".join(vendor_address), size=7.5, align="right")
    else:
        canvas.text(297, 50, vendor, size=16, bold=True, align="center")
        canvas.line(70, 58, 525, 58, width=0.4)

    # Address window with the return line.
    canvas.text(71, 138, f"{vendor} · {vendor_address[0]} · {vendor_address[1]}", size=6.5)
    canvas.line(71, 140, 300, 140, width=0.3)
    customer = names.company(rng, "de")
    window = [
        customer,
        f"z. Hd. {rng.choice(('Herrn', 'Frau'))} {names.person(rng, 'de')}",
        *names.address(rng, "de"),
    ]
    for offset, row in enumerate(window):
        canvas.text(71, 156 + offset * 12.5, row, size=size)

    # Information block.
    info = [
        ("Rechnungsnummer:", number_text),
        ("Kundennummer:", names.digits(rng, 5)),
        ("Auftragsnummer:", f"AB-{names.digits(rng, 6)}"),
    ]
    if rng.random() < 0.5:
        info.append(("Lieferdatum:", numeric.format(dates.other[0])))
    else:
        start = dates.other[0].replace(day=1)
        info.append(
            ("Leistungszeitraum:", f"{numeric.format(start)} - {numeric.format(dates.other[0])}")
        )
    info.append(("Ihr Ansprechpartner:", names.person(rng, "de")))
    date_in_block = rng.random() < 0.6
    if date_in_block:
        info.insert(
            rng.randint(1, 2),
            (rng.choice(("Rechnungsdatum:", "Datum:")), numeric.format(dates.issue)),
        )
    for offset, (label, value) in enumerate(info):
        canvas.text(354, 150 + offset * 12, label, size=size - 1.5)
        canvas.text(545, 150 + offset * 12, value, size=size - 1.5, align="right")

    y = 150 + len(info) * 12 + 40
    if not date_in_block:
        city = vendor_address[1].split(" ", 1)[1]
        canvas.text(
            545, y - 20, f"{city}, {long_date.format(dates.issue)}", size=size, align="right"
        )
    canvas.text(
        71,
        y,
        rng.choice((f"Rechnung Nr. {number_text}", "Rechnung", f"Rechnung {number_text}")),
        size=size + 2,
        bold=True,
    )
    canvas.text(71, y + 24, "Sehr geehrte Damen und Herren,", size=size)
    canvas.text(
        71, y + 38, "wir erlauben uns, Ihnen folgende Leistungen in Rechnung zu stellen:", size=size
    )

    quantities = QuantityStyle(",")
    columns = [
        Column("Pos.", 71),
        Column("Menge", 130, "right"),
        Column("Einheit", 138),
        Column("Bezeichnung", 180),
        Column("Einzelpreis", 455, "right"),
        Column("Gesamtpreis", 535, "right"),
    ]
    rows = [
        [
            str(i),
            quantities.number(line.quantity),
            line.unit or "Stk",
            line.description,
            style.number(line.unit_price),
            style.number(line.amount),
        ]
        for i, line in enumerate(lines, 1)
    ]
    if mixed:
        columns.insert(5, Column("USt", 480, "right"))
        columns[4] = Column("Einzelpreis", 445, "right")
        for row, rate in zip(rows, rates, strict=True):
            row.insert(5, f"{rate} %")
    y = draw_table(
        canvas,
        y + 52,
        columns,
        rows,
        left=69,
        right=540,
        size=size - 1,
        rules=rng.choice(("header", "grid", "header")),
    )

    # Totals.
    totals: list[tuple[str, str, bool]] = []
    if rng.random() < 0.3:
        totals.append(("Gesamtbetrag der Zuschläge", style.amount(Decimal(0)), False))
    totals.append(
        (rng.choice(("Nettobetrag", "Summe netto", "Zwischensumme")), style.amount(subtotal), False)
    )
    for group in groups:
        label = rng.choice(("zzgl. USt", "zzgl. MwSt.", "USt")) if len(groups) == 1 else "zzgl. USt"
        totals.append((f"{label} {group.rate} %", style.amount(group.tax), False))
    tax_printed = len(groups) == 1 or rng.random() < 0.5
    if len(groups) > 1 and tax_printed:
        totals.append(("Summe USt", style.amount(tax), False))
    totals.append(
        (
            rng.choice(("Gesamtbetrag", "Rechnungsbetrag", "Gesamtsumme brutto")),
            style.amount(total),
            True,
        )
    )
    y += 12
    for label, value, strong in totals:
        if strong:
            canvas.line(340, y - 10, 540, y - 10, width=0.6)
        canvas.text(340, y, label, size=size - 0.5, bold=strong)
        canvas.text(535, y, value, size=size - 0.5, bold=strong, align="right")
        y += 14

    # Payment terms.
    y += 16
    terms = rng.random()
    due_printed = terms < 0.75
    if terms < 0.4:
        sentence = f"Zahlbar bis {numeric.format(dates.due)} ohne Abzug."
    elif terms < 0.75:
        skonto_date = dates.issue + (dates.due - dates.issue) / 2
        skonto = money(total * Decimal("0.02"))
        canvas.text(
            71,
            y,
            f"Bei Zahlung bis {numeric.format(skonto_date)} gewähren wir 2 % Skonto "
            f"({style.amount(skonto)}).",
            size=size - 1,
        )
        y += 13
        sentence = f"Zahlungsziel: {numeric.format(dates.due)} netto."
    else:
        sentence = "Zahlbar sofort ohne Abzug."
    canvas.text(71, y, sentence, size=size - 1)
    canvas.text(71, y + 24, "Mit freundlichen Grüßen", size=size - 1)

    # Footer columns.
    court = rng.choice(("Amtsgericht Charlottenburg", "Amtsgericht Hamburg", "Amtsgericht München"))
    footer = [
        [vendor, *vendor_address, f"Tel. {names.phone(rng, 'DE')}"],
        [f"Geschäftsführer: {names.person(rng, 'de')}", court, f"HRB {names.digits(rng, 5)}"],
        [
            rng.choice(("Sparkasse", "Volksbank", "Commerzbank")),
            f"IBAN {names.iban(rng, 'DE')}",
            f"BIC {rng.choice(('COBADEFFXXX', 'GENODEF1S10', 'HASPDEHHXXX'))}",
        ],
        [
            f"USt-IdNr.: {names.vat_id(rng, 'DE')}",
            f"St.-Nr.: {names.digits(rng, 2)}/{names.digits(rng, 3)}/{names.digits(rng, 5)}",
        ],
    ]
    canvas.line(71, 775, 525, 775, width=0.3)
    for column_index, column in enumerate(footer):
        for row_index, row in enumerate(column):
            canvas.text(71 + column_index * 118, 786 + row_index * 8.5, row, size=6.2)

    fields = truth_fields(
        number=number_text,
        issue=dates.issue,
        due=dates.due if due_printed else None,
        vendor=vendor,
        total=total,
        subtotal=subtotal,
        tax=tax if tax_printed else None,
        currency="EUR",
        lines=lines,
    )
    overrides = {} if date_in_block else {"invoice_date": long_date}
    return Rendered(
        fields,
        "de",
        "invoice",
        canvas.pdf(title=number_text),
        style,
        numeric,
        quantities,
        ("€", "EUR"),
        date_overrides=overrides,
    )
