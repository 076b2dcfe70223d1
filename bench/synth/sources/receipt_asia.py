"""`receipt-asia`: Malaysian and Singaporean till receipts, mostly as noisy scans.

An 80 mm wide, long page in a receipt font: the shop's name as an unlabelled header block with
its company registration and SST/GST numbers, a `TAX INVOICE` or `RECEIPT` line, bill number,
date and time, cashier and terminal, items in capitals (some containing currency-like words:
`DOLLAR STORE BAG`, `RINGGIT SAVER PACK`, `CASH BOX SMALL`, `CHANGE PURSE`) each with a
`2 x 1.50` line, then `SUBTOTAL`, `SST 6%` or `GST 9%`, `TOTAL`, and after it `ROUNDING`,
`CASH` and `CHANGE` (all amounts that are not the total). `RM` for ringgit, `S$` for Singapore
dollars. Most are rendered to a skewed, blurred, grey JPEG or PNG; some stay PDFs.
"""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Literal

from bench.synth import names
from bench.synth.canvas import RECEIPT_WIDTH, Canvas
from bench.synth.common import choose
from bench.synth.document import Line, Rendered, pick_dates, price, truth_fields
from bench.synth.formats import DateStyle, MoneyStyle, QuantityStyle, money
from bench.synth.names import RECEIPT_ITEMS

SHOP_WORDS = [
    "SENG",
    "HUAT",
    "LIAN",
    "WAH",
    "JAYA",
    "MAJU",
    "SINAR",
    "MEGA",
    "BESTARI",
    "PERDANA",
    "KIM",
    "HENG",
    "TONG",
    "MUTIARA",
    "AIK",
    "CHUAN",
]


def _round_to_five(value: Decimal) -> Decimal:
    return (value / Decimal("0.05")).quantize(Decimal(1)) * Decimal("0.05")


def build(rng: random.Random) -> Rendered:
    malaysia = rng.random() < 0.6
    symbol, code = ("RM", "MYR") if malaysia else (rng.choice(("S$", "$")), "SGD")
    style = MoneyStyle(",", ".", symbol, symbol_space=symbol == "RM")
    dates_style = rng.choice(
        (
            DateStyle("{dd}/{mm}/{yyyy}"),
            DateStyle("{dd}-{mm}-{yyyy}"),
            DateStyle("{dd}/{mm}/{yy}"),
            DateStyle("{yyyy}-{mm}-{dd}"),
        )
    )
    dates = pick_dates(rng, dates_style)
    canvas = Canvas(RECEIPT_WIDTH, 800, family=rng.choice(("cour", "cour", "helv")))
    size = rng.choice((7, 7.5, 8))
    step = size + 3
    left, right, centre = 10, RECEIPT_WIDTH - 10, RECEIPT_WIDTH / 2
    a, b = rng.sample(SHOP_WORDS, 2)
    suffix = (
        rng.choice(("SDN BHD", "ENTERPRISE", "TRADING", "MART"))
        if malaysia
        else rng.choice(("PTE LTD", "MINIMART", "TRADING PTE LTD"))
    )
    vendor = f"{a} {b} {suffix}" if rng.random() < 0.7 else f"KEDAI RUNCIT {a} {b}"
    number_text = rng.choice(
        (
            f"CS{names.digits(rng, 2)}-{names.digits(rng, 6)}",
            names.digits(rng, 6),
            f"{names.digits(rng, 4)}{names.digits(rng, 5)}",
        )
    )
    tax_rate = (
        rng.choice((Decimal(6), Decimal(8), None))
        if malaysia
        else (Decimal(9) if dates.issue.year >= 2024 else Decimal(8))
    )
    pool = RECEIPT_ITEMS["asia"]
    lines = [
        Line(
            description, Decimal(choose(rng, [(6, 1), (2, 2), (1, 3), (1, 6)])), price(rng, 0.8, 28)
        )
        for description in rng.sample(pool, rng.randint(2, 9))
    ]
    subtotal = sum((line.amount for line in lines), Decimal(0))
    tax = money(subtotal * tax_rate / 100) if tax_rate is not None else Decimal(0)
    total = subtotal + tax

    y = 26.0
    canvas.text(centre, y, vendor, size=size + 2, bold=True, align="center")
    header = [
        f"(CO. REG. {names.digits(rng, 12)})" if malaysia else f"UEN {names.digits(rng, 9)}K",
        *names.address(rng, "my" if malaysia else "sg"),
        f"TEL: {names.phone(rng, 'MY' if malaysia else 'SG')}",
    ]
    if tax_rate is not None:
        header.append(
            f"SST REG NO: W10-{names.digits(rng, 4)}-{names.digits(rng, 8)}"
            if malaysia
            else f"GST REG NO: M2-{names.digits(rng, 7)}-{names.digits(rng, 1)}"
        )
    for row in header:
        y += step
        canvas.text(centre, y, row, size=size - 0.5, align="center")
    y += step * 1.5
    canvas.text(
        centre,
        y,
        rng.choice(("TAX INVOICE", "RECEIPT", "CASH BILL")),
        size=size + 1,
        bold=True,
        align="center",
    )
    time_text = f"{rng.randint(8, 21):02d}:{rng.randint(0, 59):02d}"
    facts = [
        (rng.choice(("INV NO", "RECEIPT #", "BILL NO")), number_text),
        ("DATE", f"{dates_style.format(dates.issue)} {time_text}"),
        ("CASHIER", rng.choice(("AMIRAH", "WEI LING", "RAJ", "SITI", "JASON"))),
        ("POS", f"{rng.randint(1, 6):02d}"),
    ]
    for label, value in facts:
        y += step
        canvas.text(left, y, f"{label}:", size=size)
        canvas.text(left + 55, y, value, size=size)
    dash = "-" * int((right - left) / canvas.width_of("-", size=size))
    y += step
    canvas.text(left, y, dash, size=size)
    quantities = QuantityStyle(".")
    for line in lines:
        y += step
        canvas.text(left, y, line.description, size=size)
        y += step
        canvas.text(
            left + 12,
            y,
            f"{quantities.number(line.quantity)} x {style.number(line.unit_price)}",
            size=size,
        )
        canvas.text(right, y, style.number(line.amount), size=size, align="right")
    y += step
    canvas.text(left, y, dash, size=size)
    paid_total = _round_to_five(total)
    cash = next(
        note for note in (Decimal(n) for n in (5, 10, 20, 50, 100, 200, 500)) if note >= paid_total
    )
    if rng.random() < 0.3:
        cash = paid_total
    totals: list[tuple[str, str, bool]] = []
    if tax_rate is not None:
        totals.append(
            (rng.choice(("SUBTOTAL", "SUB TOTAL", "TOTAL EXCL TAX")), style.number(subtotal), False)
        )
        totals.append((f"{'SST' if malaysia else 'GST'} {tax_rate}%", style.number(tax), False))
    total_label = rng.choice(("TOTAL", f"TOTAL ({symbol})", "TOTAL AMOUNT", "GRAND TOTAL"))
    totals.append(
        (total_label, style.amount(total) if "(" not in total_label else style.number(total), True)
    )
    if paid_total != total or malaysia:
        totals.append(("ROUNDING", style.number(paid_total - total), False))
    totals.append(("CASH", style.number(cash), False))
    totals.append(("CHANGE", style.number(cash - paid_total), False))
    for label, value, strong in totals:
        y += step + (2 if strong else 0)
        canvas.text(left, y, label, size=size + (1 if strong else 0), bold=strong)
        canvas.text(right, y, value, size=size + (1 if strong else 0), bold=strong, align="right")
    y += step
    canvas.text(
        left,
        y,
        f"ITEMS: {len(lines)}   QTY: {quantities.number(sum(line.quantity for line in lines))}",
        size=size,
    )
    for row in ("THANK YOU PLEASE COME AGAIN", "GOODS SOLD ARE NOT RETURNABLE"):
        y += step
        canvas.text(centre, y, row, size=size - 0.5, align="center")
    canvas.height = y + 30

    fields = truth_fields(
        number=number_text,
        issue=dates.issue,
        vendor=vendor,
        total=total,
        subtotal=subtotal if tax_rate is not None else None,
        tax=tax if tax_rate is not None else None,
        currency=code,
        lines=lines,
    )
    image: Literal["png", "jpg"] | None = choose(rng, [(5, "jpg"), (2, "png"), (2, None)])
    return Rendered(
        fields,
        "en",
        "receipt",
        canvas.pdf(title=number_text),
        style,
        dates_style,
        quantities,
        (symbol, code),
        image=image,
    )
