"""`nl-grid`: a Dutch factuur whose header facts sit in a grid, each label small and grey ABOVE
its value (`Factuurnummer`, `Factuurdatum`, `Vervaldatum`, `Klantnummer`, `Uw referentie`),
not beside it.

The seller's registration facts (KvK, BTW-nummer, IBAN) run down the right margin as
label/value lines, the table is zebra-striped (`Omschrijving / Aantal / Prijs / BTW / Bedrag`),
totals print `€ 1.234,56` with the euro sign first (`Subtotaal`, `BTW 21%`, `Totaal`), and the
payment sentence repeats the total and the due date in running text. Dates `05-03-2024` or
`5 maart 2024`; rates 21 % and 9 %.
"""

from __future__ import annotations

import random
from decimal import Decimal

from bench.synth import names
from bench.synth.canvas import A4, Canvas
from bench.synth.common import Column, draw_table, line_rates, make_lines, number, total_rows
from bench.synth.document import Rendered, net_totals, pick_dates, truth_fields
from bench.synth.formats import DateStyle, MoneyStyle, QuantityStyle

GREY = (0.45, 0.45, 0.45)


def build(rng: random.Random) -> Rendered:
    style = MoneyStyle(".", ",", "€", symbol_after=False, symbol_space=rng.random() < 0.8)
    dates_style = rng.choice(
        (DateStyle("{dd}-{mm}-{yyyy}", "nl"), DateStyle("{d} {month} {yyyy}", "nl"))
    )
    dates = pick_dates(rng, dates_style, due_days=(14, 30))
    canvas = Canvas(*A4, family=rng.choice(("helv", "helv", "tiro")))
    size = rng.choice((8.5, 9, 9.5))
    vendor = names.company(rng, "nl")
    number_text = number(
        rng, rng.choice(("{yyyy}####", "F-#####", "{yyyy}-0###", "####")), dates.issue.year
    )
    lines = make_lines(rng, "nl", rng.randint(1, 8), high=rng.choice((75, 250, 950)))
    rates = line_rates(rng, len(lines), Decimal(21), (Decimal(21), Decimal(9)), mixed_share=0.25)
    groups, subtotal, tax, total = net_totals(lines, rates)

    canvas.text(50, 70, vendor, size=rng.choice((16, 18, 20)), bold=True)
    side = [
        *names.address(rng, "nl"),
        "",
        f"T {names.phone(rng, 'NL')}",
        f"KvK {names.digits(rng, 8)}",
        f"BTW {names.vat_id(rng, 'NL')}",
        f"IBAN {names.iban(rng, 'NL')}",
    ]
    for offset, row in enumerate(side):
        canvas.text(
            420,
            60 + offset * 10.5,
            row,
            size=7.5,
            color=GREY if row.startswith(("KvK", "BTW", "IBAN")) else (0, 0, 0),
        )

    customer = [
        names.company(rng, "nl"),
        f"t.a.v. {names.person(rng, 'nl')}",
        *names.address(rng, "nl"),
    ]
    for offset, row in enumerate(customer):
        canvas.text(50, 150 + offset * 12, row, size=size)
    canvas.text(50, 235, rng.choice(("Factuur", "FACTUUR")), size=20, bold=True)

    cells = [
        ("Factuurnummer", number_text),
        ("Factuurdatum", dates_style.format(dates.issue)),
        ("Vervaldatum", dates_style.format(dates.due)),
        ("Klantnummer", names.digits(rng, 5)),
        ("Uw referentie", rng.choice((f"PO-{names.digits(rng, 4)}", names.person(rng, "nl")))),
    ]
    if rng.random() < 0.4:
        cells.insert(3, ("Leverdatum", dates_style.format(dates.other[0])))
    per_row = rng.choice((3, 5, 6)) if len(cells) == 6 else rng.choice((3, 5))
    width = (545 - 50) / per_row
    top = 255
    for index, (label, value) in enumerate(cells):
        row, col = divmod(index, per_row)
        x0, y0 = 50 + col * width, top + row * 34
        canvas.box(x0, y0, x0 + width, y0 + 34, stroke=(0.6, 0.6, 0.6), width=0.4)
        canvas.text(x0 + 5, y0 + 11, label, size=7, color=GREY)
        canvas.text(x0 + 5, y0 + 26, value, size=size, bold=True)
    y: float = top + ((len(cells) - 1) // per_row + 1) * 34 + 20

    quantities = QuantityStyle(",")
    columns = [
        Column("Omschrijving", 55),
        Column("Aantal", 330, "right"),
        Column("Prijs", 410, "right"),
        Column("BTW", 455, "right"),
        Column("Bedrag", 540, "right"),
    ]
    rows = [
        [
            line.description,
            quantities.number(line.quantity),
            style.amount(line.unit_price),
            f"{rate}%",
            style.amount(line.amount),
        ]
        for line, rate in zip(lines, rates, strict=True)
    ]
    y = draw_table(
        canvas,
        y,
        columns,
        rows,
        left=50,
        right=545,
        size=size - 0.5,
        rules="zebra",
        header_bold=True,
    )

    y += 14
    totals = [("Subtotaal", style.amount(subtotal))]
    totals += [
        (f"BTW {group.rate}% over {style.amount(group.base)}", style.amount(group.tax))
        for group in groups
    ]
    due_label = rng.choice(("Totaal", "Totaal incl. BTW", "Te betalen"))
    totals.append((due_label, style.amount(total)))
    y = total_rows(canvas, 300, 540, y, totals, bold={due_label}, size=size)
    sentence = (
        f"Wij verzoeken u vriendelijk het bedrag van {style.amount(total)} vóór "
        f"{dates_style.format(dates.due)} over te maken"
    )
    canvas.text(50, y + 30, sentence, size=size - 0.5)
    canvas.text(
        50,
        y + 42,
        f"op {names.iban(rng, 'NL')} t.n.v. {vendor} o.v.v. het factuurnummer.",
        size=size - 0.5,
    )

    fields = truth_fields(
        number=number_text,
        issue=dates.issue,
        due=dates.due,
        vendor=vendor,
        total=total,
        subtotal=subtotal,
        tax=tax if len(groups) == 1 else None,
        currency="EUR",
        lines=lines,
    )
    return Rendered(
        fields,
        "nl",
        "invoice",
        canvas.pdf(title=number_text),
        style,
        dates_style,
        quantities,
        ("€",),
    )
