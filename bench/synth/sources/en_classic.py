"""`en-classic`: a British or Irish small-business invoice from an accounting package.

Vendor block top left, "INVOICE" top right, `Label: value` pairs down the left (invoice number,
dates, customer and order numbers), the customer to the right, an underlined item table with a
VAT column and a ruled totals box at the bottom right. Dates are day-first (`05/03/2024`,
`5 March 2024`, `05-Mar-2024`), so some are ambiguous. Decoys: company and VAT registration
numbers, sort code and account, delivery date, a deposit and balance below the box, an early
settlement discount in the footer.
"""

from __future__ import annotations

import random
from decimal import Decimal

from bench.synth import names
from bench.synth.canvas import A4, Canvas
from bench.synth.common import (
    Column,
    draw_table,
    label_pairs,
    line_rates,
    make_lines,
    number,
    total_rows,
)
from bench.synth.document import Rendered, net_totals, pick_dates, truth_fields
from bench.synth.formats import DateStyle, MoneyStyle, QuantityStyle, money


def build(rng: random.Random) -> Rendered:
    irish = rng.random() < 0.25
    symbol, code = ("€", "EUR") if irish else ("£", "GBP")
    style = MoneyStyle(",", ".", symbol, symbol_after=False, symbol_space=False)
    dates_style = rng.choice(
        [
            DateStyle("{dd}/{mm}/{yyyy}"),
            DateStyle("{d} {month} {yyyy}"),
            DateStyle("{dd}-{mon}-{yyyy}"),
            DateStyle("{dd}/{mm}/{yyyy}"),
        ]
    )
    dates = pick_dates(rng, dates_style, due_days=(7, 14, 30))
    family = rng.choice(("helv", "helv", "tiro", "cour"))
    canvas = Canvas(*A4, family=family)
    size = rng.choice((8.5, 9, 9.5))
    vendor = names.company(rng, "en")
    customer = names.company(rng, "en")
    number_text = number(
        rng, rng.choice(("INV-{yyyy}-####", "#####", "SI-######", "INV####")), dates.issue.year
    )
    standard = Decimal("23") if irish else Decimal("20")
    reduced = Decimal("13.5") if irish else Decimal("5")
    lines = make_lines(rng, "en", rng.randint(1, 9), high=rng.choice((90, 400, 1500)))
    rates = line_rates(rng, len(lines), standard, (standard, standard, reduced), mixed_share=0.2)
    groups, subtotal, tax, total = net_totals(lines, rates)

    # Vendor block and title.
    y = 60
    canvas.text(50, y, vendor, size=size + 7, bold=True)
    for row in [
        *names.address(rng, "en"),
        f"Tel: {names.phone(rng, 'GB')}",
        f"VAT Reg No: {names.vat_id(rng, 'GB')}",
    ]:
        y += size + 3
        canvas.text(50, y, row, size=size - 0.5)
    title = rng.choice(("INVOICE", "TAX INVOICE", "Invoice", "SALES INVOICE"))
    canvas.text(545, 66, title, size=rng.choice((18, 22, 26)), bold=True, align="right")

    # Label: value pairs left, customer right.
    top = max(y + 30, 150 + rng.randint(-10, 20))
    pairs = [
        ("Invoice No:", number_text),
        ("Invoice Date:", dates_style.format(dates.issue)),
        ("Due Date:", dates_style.format(dates.due)),
        ("Account No:", names.digits(rng, 6)),
        ("Your Order No:", f"PO{names.digits(rng, 5)}"),
    ]
    if rng.random() < 0.6:
        pairs.insert(3, ("Delivery Date:", dates_style.format(dates.other[0])))
    rng.shuffle(pairs[3:])
    label_pairs(canvas, 50, top, pairs, size=size, gap=rng.choice((80, 95, 110)))
    canvas.text(
        330, top, rng.choice(("Invoice To:", "Bill To:", "Customer:")), size=size, bold=True
    )
    for offset, row in enumerate([customer, names.person(rng, "en"), *names.address(rng, "en")], 1):
        canvas.text(330, top + offset * (size + 3), row, size=size)

    # Items.
    table_top = top + len(pairs) * 13 + 30
    columns = [
        Column("Description", 50),
        Column("Qty", 330, "right"),
        Column("Unit Price", 405, "right"),
        Column("VAT %", 455, "right"),
        Column(f"Amount {code}" if rng.random() < 0.5 else "Amount", 545, "right"),
    ]
    quantities = QuantityStyle(".")
    rows = [
        [
            line.description,
            quantities.number(line.quantity),
            style.number(line.unit_price),
            f"{rate.normalize()}%",
            style.number(line.amount),
        ]
        for line, rate in zip(lines, rates, strict=True)
    ]
    y = draw_table(
        canvas,
        table_top,
        columns,
        rows,
        left=48,
        right=547,
        size=size - 0.5,
        rules=rng.choice(("header", "zebra", "grid")),
        header_fill=rng.choice((None, (0.85, 0.85, 0.85))),
    )

    # Totals box.
    box_left, box_top = 340, y + 16
    vat_label = "VAT" if len(groups) > 1 else f"VAT @ {groups[0].rate.normalize()}%"
    total_label = rng.choice(("Total", f"Total {code}", "Invoice Total"))
    totals = [
        ("Subtotal", style.number(subtotal)),
        (vat_label, style.number(tax)),
        (total_label, style.amount(total)),
    ]
    canvas.box(box_left, box_top, 547, box_top + 18 * len(totals) + 6)
    total_rows(
        canvas, box_left + 8, 540, box_top + 16, totals, bold={total_label}, size=size, step=18
    )
    y = box_top + 18 * len(totals) + 22
    if rng.random() < 0.3:
        deposit = money(total * Decimal(rng.choice(("0.2", "0.25", "0.5"))))
        canvas.text(box_left + 8, y, "Less deposit received", size=size)
        canvas.text(540, y, style.number(deposit), size=size, align="right")
        canvas.text(box_left + 8, y + 14, "Balance Due", size=size, bold=True)
        canvas.text(540, y + 14, style.amount(total - deposit), size=size, bold=True, align="right")
        y += 30

    # Footer.
    foot = 760
    canvas.line(50, foot - 14, 545, foot - 14, width=0.3)
    discount = money(total * Decimal("0.02"))
    notes = [
        f"Payment terms: {(dates.due - dates.issue).days} days. "
        f"Please quote {number_text} with your payment.",
        f"Bank: Sort code {names.digits(rng, 2)}-{names.digits(rng, 2)}-{names.digits(rng, 2)}  "
        f"Account {names.digits(rng, 8)}  IBAN {names.iban(rng, 'GB')}",
        f"Registered in England and Wales No. {names.digits(rng, 8)}",
    ]
    if rng.random() < 0.4:
        notes.insert(
            1,
            f"A 2% early settlement discount ({style.amount(discount)}) applies "
            "if paid within 7 days.",
        )
    for index, note in enumerate(notes):
        canvas.text(50, foot + index * 11, note, size=7)

    fields = truth_fields(
        number=number_text,
        issue=dates.issue,
        due=dates.due,
        vendor=vendor,
        total=total,
        subtotal=subtotal,
        tax=tax,
        currency=code,
        lines=lines,
    )
    return Rendered(
        fields,
        "en",
        "invoice",
        canvas.pdf(title=number_text),
        style,
        dates_style,
        quantities,
        (symbol, code),
    )
