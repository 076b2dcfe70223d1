"""`us-invoice`: a US small-business invoice on Letter paper, the QuickBooks/Wave look.

`INVOICE` large in a colour at the top left, the seller at the top right, `Bill To` and
`Ship To` side by side, a right-hand block of `Invoice #`, `Invoice Date`, `P.O. #`, `Terms`
and `Due Date`, a table with a dark header band in white type (`Item / Description / Qty / Rate
/ Amount`, the item column holding SKUs), then `Subtotal`, `Sales Tax (8.25%)`, `Total`,
`Payments/Credits` and `Balance Due` (which differs from the total when a payment was made).
Dates month-first (`03/05/2024`, `March 5, 2024`); some tax-exempt invoices print no tax line.
"""

from __future__ import annotations

import random
from decimal import Decimal

from bench.synth import names
from bench.synth.canvas import LETTER, Canvas
from bench.synth.common import make_lines, number, total_rows
from bench.synth.document import Line, Rendered, pick_dates, truth_fields
from bench.synth.formats import DateStyle, MoneyStyle, QuantityStyle, money


def build(rng: random.Random) -> Rendered:
    style = MoneyStyle(",", ".", "$", symbol_space=False)
    dates_style = rng.choice(
        (
            DateStyle("{mm}/{dd}/{yyyy}"),
            DateStyle("{mm}/{dd}/{yyyy}"),
            DateStyle("{month} {d}, {yyyy}"),
            DateStyle("{m}/{d}/{yyyy}"),
        )
    )
    dates = pick_dates(rng, dates_style, due_days=(15, 30, 45))
    canvas = Canvas(*LETTER, family=rng.choice(("helv", "helv", "tiro", "cour")))
    size = rng.choice((8.5, 9, 10))
    accent = rng.choice(((0.1, 0.25, 0.5), (0.15, 0.4, 0.3), (0.35, 0.35, 0.35), (0.5, 0.1, 0.1)))
    vendor = names.company(rng, "us")
    number_text = number(
        rng, rng.choice(("####", "INV-#####", "10##", "{yyyy}-###")), dates.issue.year
    )
    lines = make_lines(rng, "en", rng.randint(1, 10), high=rng.choice((120, 600, 2500)))
    if rng.random() < 0.3:
        lines.append(
            Line("Shipping & handling", Decimal(1), Decimal(rng.choice(("9.95", "14.50", "35.00"))))
        )
    rate = rng.choice(
        (Decimal("8.25"), Decimal("6.25"), Decimal("7"), Decimal("5.3"), Decimal("9.5"), None)
    )
    subtotal = sum((line.amount for line in lines), Decimal(0))
    tax = money(subtotal * rate / 100) if rate is not None else Decimal(0)
    total = subtotal + tax

    canvas.text(50, 70, "INVOICE", size=28, bold=True, color=accent)
    right = 562
    canvas.text(right, 60, vendor, size=size + 3, bold=True, align="right")
    contact = [
        *names.address(rng, "us"),
        names.phone(rng, "US"),
        f"billing@{vendor.split()[0].lower()}.com",
        f"EIN {names.digits(rng, 2)}-{names.digits(rng, 7)}",
    ]
    for offset, row in enumerate(contact, 1):
        canvas.text(right, 60 + offset * 11, row, size=size - 1, align="right")

    top = 150
    customer = names.company(rng, "us")
    bill = [customer, names.person(rng, "us"), *names.address(rng, "us")]
    ship = [customer, *names.address(rng, "us")]
    canvas.text(50, top, "BILL TO", size=size - 1, bold=True, color=accent)
    canvas.text(200, top, "SHIP TO", size=size - 1, bold=True, color=accent)
    for offset, row in enumerate(bill, 1):
        canvas.text(50, top + offset * 12, row, size=size - 0.5)
    for offset, row in enumerate(ship, 1):
        canvas.text(200, top + offset * 12, row, size=size - 0.5)
    terms = f"Net {(dates.due - dates.issue).days}"
    block = [
        ("Invoice #", number_text),
        ("Invoice Date", dates_style.format(dates.issue)),
        ("P.O. #", names.digits(rng, 5)),
        ("Terms", terms),
        ("Due Date", dates_style.format(dates.due)),
    ]
    if rng.random() < 0.4:
        block.insert(3, ("Ship Date", dates_style.format(dates.other[0])))
    for offset, (label, value) in enumerate(block):
        canvas.text(440, top + offset * 13, label, size=size - 0.5, bold=True, align="right")
        canvas.text(right, top + offset * 13, value, size=size - 0.5, align="right")

    y: float = top + max(len(bill), len(block)) * 13 + 30
    canvas.box(50, y, right, y + 17, stroke=None, fill=accent)
    heads = [
        ("ITEM", 56, "left"),
        ("DESCRIPTION", 130, "left"),
        ("QTY", 390, "right"),
        ("RATE", 470, "right"),
        ("AMOUNT", 556, "right"),
    ]
    for text, x, align in heads:
        canvas.text(x, y + 12, text, size=size - 1, bold=True, color=(1, 1, 1), align=align)
    y += 17
    quantities = QuantityStyle(".")
    for line in lines:
        y += 15
        canvas.text(
            56,
            y,
            f"{rng.choice('ABCDKMPS')}{rng.choice('ABCDKMPS')}-{names.digits(rng, 4)}",
            size=size - 1,
        )
        canvas.text(130, y, line.description, size=size - 0.5)
        canvas.text(390, y, quantities.number(line.quantity), size=size - 0.5, align="right")
        canvas.text(470, y, style.number(line.unit_price), size=size - 0.5, align="right")
        canvas.text(556, y, style.number(line.amount), size=size - 0.5, align="right")
        canvas.line(50, y + 5, right, y + 5, width=0.2, color=(0.7, 0.7, 0.7))

    y += 30
    totals = [("Subtotal", style.amount(subtotal))]
    if rate is not None:
        totals.append((f"Sales Tax ({rate}%)", style.amount(tax)))
    totals.append(("Total", style.amount(total)))
    paid = money(total * Decimal(rng.choice(("0.25", "0.5")))) if rng.random() < 0.3 else Decimal(0)
    if paid or rng.random() < 0.5:
        totals.append(("Payments/Credits", style.amount(-paid)))
    due_label = rng.choice(("Balance Due", "Amount Due", "BALANCE DUE"))
    totals.append((due_label, style.amount(total - paid)))
    y = total_rows(
        canvas,
        470,
        556,
        y,
        totals,
        bold={"Total", due_label},
        size=size,
        step=15,
        label_align="right",
    )
    canvas.text(50, 700, "Thank you for your business!", size=size, bold=True)
    canvas.text(
        50,
        714,
        f"Please make checks payable to {vendor}. Questions? Call {names.phone(rng, 'US')}.",
        size=size - 1.5,
    )

    fields = truth_fields(
        number=number_text,
        issue=dates.issue,
        due=dates.due,
        vendor=vendor,
        total=total,
        subtotal=subtotal,
        tax=tax if rate is not None else None,
        currency="USD",
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
        ("$",),
    )
