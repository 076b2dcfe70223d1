"""`au-tax-invoice`: an Australian tax invoice from a small business, a tradie or a SaaS company.

A tax invoice must say `Tax Invoice`, carry the seller's ABN (11 digits printed `12 345 678 901`,
with a valid check; a company's ACN is its last nine) and show the GST (10 %). Dates day first
(`05/03/2024`, `5/3/2024`, `5 Mar 2024`, `5 March 2024`); amounts `$1,234.56`, `A$1,234.56` or bare
`1,234.56` under an `Amount AUD` heading (the currency is AUD in the truth even where only `$` is
printed, as `us-invoice` keeps USD); quantities `1`, `2.5` or `1.00`.

Three layouts. `xero` (the accounting package's standard print): `TAX INVOICE` large top left over
the customer, a middle column of labels above values (`Invoice Date / Invoice Number / Reference /
ABN`), the seller's address on the right, `Description / Quantity / Unit Price / GST / Amount AUD`
(the GST column `10%` or `GST Free`), right-aligned `Subtotal / TOTAL GST 10% / TOTAL AUD / Less
Amount Paid / AMOUNT DUE AUD`, `Due Date:` and EFT details, and a `PAYMENT ADVICE` tear-off under a
dashed line repeating the customer, invoice number, amount due and due date beside `Amount
Enclosed`. `trades` (a tradie's MYOB- or template-made invoice): the business name and ABN with a
licence number, `TAX INVOICE` on the right over a block of labels in a left column with the values
right-aligned (`Invoice No. / Invoice Date / Due Date / Job No. / Order No.`), `Bill To` and `Job
Site` addresses, either `Item / Hours / Rate / Amount` (labour and call-outs) or `Description / Qty
/ Unit Price / GST / Amount` with MYOB tax codes `GST` / `FRE`, GST-free lines marked `*` after the
description (the star is not part of the truth's description) with a `* GST-free item` legend, a
totals box with left-column labels and right-aligned values (`Subtotal (ex GST) / GST / Total (inc
GST) / Amount Paid / Balance Due`), `Payment terms: 14 days`, a BPAY box (`Biller Code`, `Ref`) and
EFT details (`BSB: 062-000`, `Account: 1234 5678`), and a `REMITTANCE ADVICE` tear-off at the foot.
`saas` (a Stripe-style subscription invoice): `Tax Invoice` with `Invoice number / Date of issue /
Date due` in a label column, the seller with its ABN and `Bill to` with the customer's ABN, a
headline `A$1,100.00 due 19 March 2024`, `Description / Qty / Unit price / Tax / Amount` with the
billing period printed under each description, `Subtotal / Total excluding tax / GST - Australia
(10% on A$1,000.00) / Total / Amount paid / Amount due`, and the number and amount due again in the
page footer.

Decoys and awkward parts: the ABN and ACN of the seller and sometimes the customer's ABN; BSB
`062-000`, account numbers, the BPAY biller code and customer reference number, the `Reference` (a
PO or job number), `Job No.`, `Quote No.` and licence numbers; a `Date of service` and the billing
periods (dates, not the due date); partial payments, so `Amount Due` / `Balance Due` is less than
the total (the truth's total is the invoice total, `Total (inc GST)` / `TOTAL AUD`), and paid SaaS
invoices with `Amount due A$0.00`; GST-free lines, so the GST is not 10 % of the subtotal, and
invoices with every line GST-free (`GST 0.00`, kept as a tax of 0.00); a card surcharge note with
its own percentage; some trades invoices print only `Payment terms: 14 days` and no due date (no due
date in the truth). About a quarter are scanned images (tradies' invoices most often).
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Literal

from bench.synth import names
from bench.synth.canvas import A4, Canvas
from bench.synth.common import Column, choose, draw_table, total_rows
from bench.synth.document import (
    Line,
    Rendered,
    net_totals,
    pick_dates,
    price,
    quantity,
    truth_fields,
)
from bench.synth.formats import DateStyle, FixedQuantity, MoneyStyle, QuantityStyle, money

GREY = (0.42, 0.42, 0.42)
GST = Decimal(10)
FREE = Decimal(0)
SURNAMES = [
    "Smith",
    "Nguyen",
    "Kelly",
    "O'Brien",
    "Walsh",
    "Papadopoulos",
    "Murray",
    "Campbell",
    "Thompson",
    "Russo",
    "Chen",
    "McDonald",
    "Harris",
    "Fraser",
    "Singh",
    "Doyle",
]
FIRST = ["Jack", "Mia", "Liam", "Chloe", "Noah", "Isla", "Lachlan", "Ruby", "Cooper", "Sienna"]
PLACES = [
    "Coastal",
    "Southern Cross",
    "Bluegum",
    "Wattle",
    "Ironbark",
    "Redgum",
    "Harbourside",
    "Banksia",
    "Jacaranda",
    "Outback",
]
TRADES = ["Electrical", "Plumbing", "Carpentry", "Air Conditioning", "Roofing", "Landscaping"]
FIRMS = ["Bookkeeping", "Cleaning Services", "Design Studio", "IT Solutions", "Consulting"]
SAAS = ["Tallyroo", "Ledgerbird", "Wattleworks", "Rosterhub", "Shiftly", "Quokka Cloud"]
SUBURBS = [
    ("Parramatta", "NSW", "2150"),
    ("Newtown", "NSW", "2042"),
    ("Fitzroy", "VIC", "3065"),
    ("Geelong", "VIC", "3220"),
    ("Fortitude Valley", "QLD", "4006"),
    ("Southport", "QLD", "4215"),
    ("Subiaco", "WA", "6008"),
    ("Glenelg", "SA", "5045"),
    ("Hobart", "TAS", "7000"),
    ("Braddon", "ACT", "2612"),
    ("Darwin City", "NT", "0800"),
]
STREETS = ["George St", "Smith St", "Chapel St", "Beach Rd", "Pacific Hwy", "Station St", "King St"]
OFFICE = [
    ("Office chairs - ergonomic", ""),
    ("A4 copy paper (box of 5 reams)", ""),
    ("Toner cartridge TN-2450", ""),
    ("Website maintenance (monthly)", ""),
    ("Freight", ""),
    ("Graphic design - logo refresh", ""),
    ("Laptop setup and data transfer", ""),
    ("Monthly IT support retainer", ""),
    ("Printing - flyers A5 (500)", ""),
]
TRADE_GOODS = [
    ("Supply & install LED downlights", ""),
    ("Split system air conditioner 7.1 kW", ""),
    ("Hot water system service", ""),
    ("Copper pipe 15 mm (3 m length)", ""),
    ("Merbau decking 90 x 19 (lm)", "lm"),
    ("Safety switch (RCD) replacement", ""),
    ("Call-out fee", ""),
    ("Colorbond gutter 5 m", ""),
    ("Double power point (GPO)", ""),
    ("Mixer tap - chrome", ""),
]
TRADE_LABOUR = [
    ("Labour - tradesperson", "hrs"),
    ("Labour - apprentice", "hrs"),
    ("Travel time", "hrs"),
    ("Site supervision", "hrs"),
    ("After-hours call-out labour", "hrs"),
    ("Rubbish removal and site clean-up", "hrs"),
]
OFFICE_LABOUR = [
    ("Bookkeeping - BAS preparation", "hrs"),
    ("Consulting", "hrs"),
    ("Project management", "hrs"),
    ("Office cleaning (weekly)", "hrs"),
    ("Payroll processing", "hrs"),
]
LICENCES = {
    "Electrical": "Electrical Contractor Licence",
    "Plumbing": "Plumbing Licence No.",
    "Air Conditioning": "ARCtick Licence",
    "Roofing": "QBCC Licence",
    "Carpentry": "Builders Licence",
    "Landscaping": "Contractor Licence",
}
GST_FREE = [
    ("Council permit fee", ""),
    ("Bottled water 24 x 600 ml", ""),
    ("Fresh fruit box", ""),
    ("Export freight to Auckland", ""),
    ("First aid course HLTAID011 (accredited)", ""),
    ("Medical consumables", ""),
]
PLANS = [
    "Pro plan",
    "Team plan - additional users",
    "Storage add-on 100 GB",
    "Premium support",
    "SMS credits (1,000)",
    "Payroll module",
    "Starter plan",
]


def _abn(rng: random.Random) -> str:
    """A valid ABN, printed `12 345 678 901`: the weighted sum (first digit less one) is a
    multiple of 89."""
    weights = (10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19)
    tail = [rng.randint(0, 9) for _ in range(9)]
    rest = sum(d * w for d, w in zip(tail, weights[2:], strict=True))
    head = (-rest) % 89
    digits = [head // 10 + 1, head % 10, *tail]
    assert (sum(d * w for d, w in zip(digits, weights, strict=True)) - 10) % 89 == 0
    text = "".join(map(str, digits))
    return f"{text[:2]} {text[2:5]} {text[5:8]} {text[8:]}"


def _address(rng: random.Random) -> list[str]:
    suburb, state, code = rng.choice(SUBURBS)
    unit = f"Unit {rng.randint(1, 12)}, " if rng.random() < 0.25 else ""
    return [f"{unit}{rng.randint(1, 240)} {rng.choice(STREETS)}", f"{suburb} {state} {code}"]


def _phone(rng: random.Random) -> str:
    return rng.choice(
        (
            f"(0{rng.choice('2378')}) {names.digits(rng, 4)} {names.digits(rng, 4)}",
            f"04{names.digits(rng, 2)} {names.digits(rng, 3)} {names.digits(rng, 3)}",
            f"1300 {names.digits(rng, 3)} {names.digits(rng, 3)}",
        )
    )


def _handle(vendor: str) -> str:
    """The e-mail domain a business would pick: its first word, letters only."""
    word = vendor.split()[0].lower().removesuffix("'s")
    return "".join(ch for ch in word if ch.isalpha())


def _dashed(canvas: Canvas, y: float) -> None:
    x = 30.0
    while x < 565:
        canvas.line(x, y, x + 4, y, width=0.6)
        x += 8


def _pairs_right(
    canvas: Canvas,
    x: float,
    right: float,
    y: float,
    pairs: list[tuple[str, str]],
    *,
    size: float,
    step: float = 13,
    bold_labels: bool = True,
) -> float:
    """Labels in a left column at `x`, values right-aligned at `right`."""
    for label, value in pairs:
        canvas.text(x, y, label, size=size, bold=bold_labels)
        canvas.text(right, y, value, size=size, align="right")
        y += step
    return y


def _vendor(rng: random.Random, layout: str) -> tuple[str, bool]:
    """The printed business name and whether it is a company (Pty Ltd, so it has an ACN)."""
    if layout == "saas":
        return f"{rng.choice(SAAS)} {rng.choice(('Pty Ltd', 'Pty. Ltd.'))}", True
    if layout == "trades":
        shape = rng.randrange(4)
        trade = rng.choice(TRADES)
        if shape == 0:
            return f"{rng.choice(FIRST)}'s {trade}", False
        if shape == 1:
            return f"{rng.choice(SURNAMES)} {trade}", False
        return f"{rng.choice(PLACES)} {trade} Pty Ltd", True
    if rng.random() < 0.5:
        return f"{rng.choice(PLACES)} {rng.choice(FIRMS)} Pty Ltd", True
    a, b = rng.sample(SURNAMES, 2)
    return f"{a} & {b} {rng.choice(FIRMS)}", False


def _customer(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return f"{rng.choice(FIRST)} {rng.choice(SURNAMES)}"
    return f"{rng.choice(PLACES)} {rng.choice(FIRMS + TRADES)} Pty Ltd"


def _lines(
    rng: random.Random, pool: list[tuple[str, str]], count: int, high: float, free_share: float
) -> tuple[list[Line], list[Decimal]]:
    picks = rng.sample(pool, min(count, len(pool)))
    lines = [
        Line(text, quantity(rng, fractional=0.4), price(rng, 65, 165), unit)
        if unit == "hrs"
        else Line(text, Decimal(rng.choice((1, 1, 1, 2, 3, 4, 6, 10))), price(rng, 8, high), unit)
        for text, unit in picks
    ]
    rates = [GST] * len(lines)
    if rng.random() < free_share:
        for text, unit in rng.sample(GST_FREE, rng.randint(1, 2)):
            at = rng.randint(0, len(lines))
            lines.insert(at, Line(text, Decimal(rng.choice((1, 1, 2))), price(rng, 20, 400), unit))
            rates.insert(at, FREE)
        if rng.random() < 0.15:
            rates = [FREE] * len(lines)
    return lines, rates


def build(rng: random.Random) -> Rendered:
    layout = rng.choice(("xero", "xero", "trades", "trades", "saas"))
    dates_style = DateStyle(
        {
            "xero": rng.choice(("{d} {mon} {yyyy}", "{d} {mon} {yyyy}", "{dd}/{mm}/{yyyy}")),
            "trades": rng.choice(("{dd}/{mm}/{yyyy}", "{d}/{m}/{yyyy}", "{d} {mon} {yyyy}")),
            "saas": rng.choice(("{d} {month} {yyyy}", "{d} {mon} {yyyy}")),
        }[layout]
    )
    dates = pick_dates(rng, dates_style, due_days=(7, 14, 14, 30))
    days = (dates.due - dates.issue).days
    canvas = Canvas(*A4, family=rng.choice(("helv", "helv", "helv", "tiro")))
    size = rng.choice((8, 8.5, 9))
    vendor, company = _vendor(rng, layout)
    abn = _abn(rng)
    abn_label = rng.choice(("ABN", "ABN:", "A.B.N."))
    customer = _customer(rng)
    customer_rows = [customer, *_address(rng)]
    year = dates.issue.year
    bank = rng.choice(("062", "063", "082", "083", "033", "034", "484", "932"))
    bsb = f"{bank}-{names.digits(rng, 3)}"
    account = f"{names.digits(rng, 4)} {names.digits(rng, 4)}"
    if rng.random() < 0.3:
        account = f"{names.digits(rng, 3)} {names.digits(rng, 3)} {names.digits(rng, 3)}"
    symbol = "$"

    if layout == "xero":
        number_text = f"INV-{rng.randint(1, 4800):04d}"
        lines, rates = _lines(rng, OFFICE + OFFICE_LABOUR, rng.randint(1, 8), 600, 0.3)
        quantities: QuantityStyle = FixedQuantity(".")
    elif layout == "trades":
        number_text = rng.choice(
            (
                f"{rng.randint(100, 9999):05d}",
                f"T-{year}-{rng.randint(1, 400):03d}",
                str(rng.randint(1000, 2999)),
            )
        )
        hours_table = rng.random() < 0.45
        pool = TRADE_LABOUR if hours_table else TRADE_GOODS + TRADE_LABOUR[:3]
        lines, rates = _lines(rng, pool, rng.randint(1, 7), 900, 0.35)
        quantities = QuantityStyle(".") if rng.random() < 0.6 else FixedQuantity(".")
    else:
        prefix = "".join(rng.choice("ABCDEF0123456789") for _ in range(8))
        number_text = f"{prefix}-{rng.randint(1, 40):04d}"
        plans = rng.sample(PLANS, rng.randint(1, 3))
        lines = [
            Line(plan, Decimal(rng.choice((1, 1, 1, 3, 5, 12))), price(rng, 9, 180))
            for plan in plans
        ]
        rates = [GST] * len(lines)
        quantities = QuantityStyle(".")
        symbol = rng.choice(("A$", "A$", "$"))
    style = MoneyStyle(",", ".", symbol, symbol_space=False)
    _, subtotal, tax, total = net_totals(lines, rates)
    free_lines = any(rate == FREE for rate in rates)

    paid = Decimal(0)
    if layout == "saas":
        if rng.random() < 0.45:
            paid = total
    elif rng.random() < 0.3:
        paid = money(total * Decimal(rng.choice(("0.25", "0.3", "0.5"))))
        if layout == "trades" and rng.random() < 0.5:
            paid = Decimal(rng.choice((200, 250, 500))) if total > 1000 else paid
    due_amount = total - paid
    due_printed = True
    terms_line = f"Payment terms: {days} days" if days in (7, 14, 30) else ""
    if layout == "trades" and terms_line and rng.random() < 0.25:
        due_printed = False

    # The surcharge note, the payment lines and the remittance slip all layouts may print.
    surcharge = rng.choice(("1.5", "1.2", "2.2"))
    eft = [
        f"Account name: {vendor}",
        f"BSB: {bsb}   Account: {account}",
        f"Reference: {number_text}",
    ]

    if layout == "xero":
        canvas.text(50, 72, "TAX INVOICE", size=24, bold=True)
        for offset, row in enumerate(customer_rows):
            canvas.text(50, 100 + offset * (size + 3), row, size=size)
        reference = rng.choice(
            (f"PO {names.digits(rng, 5)}", f"Job {rng.randint(100, 999)}", customer.split()[0])
        )
        facts = [
            ("Invoice Date", dates_style.format(dates.issue)),
            ("Invoice Number", number_text),
            ("Reference", reference),
            ("ABN", abn),
        ]
        y: float = 62
        for label, value in facts:
            canvas.text(300, y, label, size=size - 0.5, bold=True)
            canvas.text(300, y + size + 2, value, size=size)
            y += 2 * size + 9
        seller = [vendor, *_address(rng), _phone(rng)]
        if company:
            seller.append(f"ACN {abn[3:]}")
        seller_size = size - 0.5 if len(vendor) < 30 else size - 1.5
        for offset, row in enumerate(seller):
            canvas.text(425, 62 + offset * (size + 3), row, size=seller_size)
        top = max(y + 20, 62 + len(seller) * (size + 3) + 30, 100 + 3 * (size + 3) + 30)
        columns = [
            Column("Description", 50),
            Column("Quantity", 330, "right"),
            Column("Unit Price", 405, "right"),
            Column("GST", 460, "right"),
            Column("Amount AUD", 545, "right"),
        ]
        rows = [
            [
                line.description,
                quantities.number(line.quantity),
                style.number(line.unit_price),
                "10%" if rate == GST else "GST Free",
                style.number(line.amount),
            ]
            for line, rate in zip(lines, rates, strict=True)
        ]
        y = draw_table(
            canvas,
            top,
            columns,
            rows,
            left=48,
            right=547,
            size=size - 0.5,
            row_height=18,
            rules="grid",
        )
        totals = [("Subtotal", style.number(subtotal)), ("TOTAL GST 10%", style.number(tax))]
        y = total_rows(canvas, 470, 545, y + 12, totals, bold=(), size=size, label_align="right")
        canvas.line(380, y - 9, 547, y - 9, width=1.2)
        after = [("TOTAL AUD", style.number(total))]
        if paid or rng.random() < 0.4:
            after += [
                ("Less Amount Paid", style.number(paid)),
                ("AMOUNT DUE AUD", style.number(due_amount)),
            ]
        y = total_rows(
            canvas,
            470,
            545,
            y + 3,
            after,
            bold={"TOTAL AUD", "AMOUNT DUE AUD"},
            size=size,
            label_align="right",
        )
        y += 14
        canvas.text(50, y, f"Due Date: {dates_style.format(dates.due)}", size=size + 1, bold=True)
        pay = [
            "Please pay by EFT (direct deposit) to:",
            *eft,
            f"Credit card payments incur a {surcharge}% surcharge.",
        ]
        for offset, row in enumerate(pay, 1):
            canvas.text(50, y + offset * 11, row, size=size - 1)

        tear = max(y + len(pay) * 11 + 40, 640)
        _dashed(canvas, tear)
        canvas.text(50, tear + 30, "PAYMENT ADVICE", size=16, bold=True)
        canvas.text(50, tear + 50, "To:", size=size - 0.5)
        for offset, row in enumerate(seller[:3]):
            canvas.text(72, tear + 50 + offset * (size + 2), row, size=size - 0.5)
        advice = [
            ("Customer", customer),
            ("Invoice Number", number_text),
            ("Amount Due", style.number(due_amount)),
            ("Due Date", dates_style.format(dates.due)),
            ("Amount Enclosed", ""),
        ]
        end = _pairs_right(canvas, 330, 545, tear + 30, advice, size=size - 0.5, step=15)
        canvas.line(440, end - 17, 545, end - 17, width=0.5)
        canvas.text(545, end - 3, "Enter the amount you are paying above", size=6.5, align="right")
    elif layout == "trades":
        licence = next(
            (text for trade, text in LICENCES.items() if trade in vendor), "Contractor Licence"
        )
        canvas.text(50, 66, vendor, size=18, bold=True)
        head = [
            f"{abn_label} {abn}" + (f"   ACN {abn[3:]}" if company else ""),
            f"{licence} {rng.randint(10000, 999999)}{rng.choice(('', 'C', 'E'))}",
            ", ".join(_address(rng)),
            f"Ph {_phone(rng)}   accounts@{_handle(vendor)}.com.au",
        ]
        for offset, row in enumerate(head):
            canvas.text(50, 84 + offset * (size + 3), row, size=size - 0.5)
        canvas.text(545, 112, "TAX INVOICE", size=16, bold=True, align="right")
        info = [("Invoice No.", number_text), ("Invoice Date", dates_style.format(dates.issue))]
        if due_printed:
            info.append(("Due Date", dates_style.format(dates.due)))
        info.append(("Job No.", f"J{rng.randint(1000, 9999)}"))
        if rng.random() < 0.5:
            info.append(("Order No.", f"PO-{names.digits(rng, 6)}"))
        if rng.random() < 0.4:
            info.append(("Quote No.", f"Q{year % 100}{rng.randint(100, 999)}"))
        info_end = _pairs_right(canvas, 360, 545, 132, info, size=size, step=13)
        canvas.line(360, 120, 545, 120, width=0.6)
        canvas.line(360, info_end - 8, 545, info_end - 8, width=0.6)
        canvas.text(50, 140, "Bill To:", size=size, bold=True)
        for offset, row in enumerate(customer_rows, 1):
            canvas.text(50, 140 + offset * (size + 3), row, size=size)
        site_y = 140 + (len(customer_rows) + 1) * (size + 3) + 6
        canvas.text(50, site_y, "Job Site:", size=size, bold=True)
        canvas.text(100, site_y, ", ".join(_address(rng)), size=size)
        if rng.random() < 0.5:
            canvas.text(
                50,
                site_y + size + 4,
                f"Date of service: {dates_style.format(dates.other[0])}",
                size=size,
            )
        top = max(info_end + 10, site_y + 30)
        marker = "star" if hours_table or rng.random() < 0.5 else "code"

        def described(line: Line, rate: Decimal) -> str:
            return (
                f"{line.description} *" if marker == "star" and rate == FREE else line.description
            )

        if hours_table:
            columns = [
                Column("Item", 50),
                Column("Hours", 360, "right"),
                Column("Rate", 440, "right"),
                Column("Amount", 545, "right"),
            ]
            rows = [
                [
                    described(line, rate),
                    quantities.number(line.quantity),
                    style.amount(line.unit_price),
                    style.amount(line.amount),
                ]
                for line, rate in zip(lines, rates, strict=True)
            ]
        else:
            columns = [
                Column("Description", 50),
                Column("Qty", 340, "right"),
                Column("Unit Price", 415, "right"),
                Column("GST", 460, "right"),
                Column("Amount", 545, "right"),
            ]
            rows = [
                [
                    described(line, rate),
                    quantities.number(line.quantity),
                    style.number(line.unit_price),
                    ("GST" if rate == GST else "FRE") if marker == "code" else "",
                    style.number(line.amount),
                ]
                for line, rate in zip(lines, rates, strict=True)
            ]
        y = draw_table(
            canvas,
            top,
            columns,
            rows,
            left=48,
            right=547,
            size=size - 0.5,
            rules=rng.choice(("header", "zebra", "grid")),
            header_fill=(0.85, 0.88, 0.92),
        )
        if free_lines and marker == "star":
            canvas.text(50, y + 8, "* GST-free item", size=size - 1.5, color=GREY)
        box_top = y + 18
        totals = [
            ("Subtotal (ex GST)", style.amount(subtotal)),
            ("GST", style.amount(tax)),
            ("Total (inc GST)", style.amount(total)),
        ]
        due_label = "Balance Due"
        if paid or rng.random() < 0.5:
            totals += [("Amount Paid", style.amount(paid)), (due_label, style.amount(due_amount))]
        else:
            due_label = "Amount Due"
            totals.append((due_label, style.amount(due_amount)))
        canvas.box(340, box_top, 547, box_top + len(totals) * 15 + 8, width=0.6)
        for offset, (label, value) in enumerate(totals):
            strong = label in (due_label, "Total (inc GST)")
            row_y = box_top + 15 + offset * 15
            canvas.text(348, row_y, label, size=size, bold=strong)
            canvas.text(540, row_y, value, size=size, bold=strong, align="right")
        y = box_top + len(totals) * 15 + 24
        notes = []
        if terms_line:
            notes.append(terms_line + ("" if due_printed else " from the invoice date."))
        notes.append(f"Card payments incur a {surcharge}% surcharge. Thank you for your business!")
        for offset, row in enumerate(notes):
            canvas.text(50, y + offset * 11, row, size=size - 0.5)
        y += len(notes) * 11 + 12
        canvas.text(50, y, "How to pay", size=size + 1, bold=True)
        biller = names.digits(rng, rng.choice((4, 5, 6)))
        crn = f"{names.digits(rng, 4)} {names.digits(rng, 4)} {names.digits(rng, 2)}"
        canvas.box(50, y + 8, 210, y + 52, width=0.8)
        canvas.text(58, y + 22, "BPAY", size=11, bold=True, color=(0.1, 0.2, 0.5))
        canvas.text(58, y + 34, f"Biller Code: {biller}", size=size - 0.5)
        canvas.text(58, y + 46, f"Ref: {crn}", size=size - 0.5)
        canvas.text(240, y + 22, "EFT / Direct deposit", size=size, bold=True)
        for offset, row in enumerate(eft, 1):
            canvas.text(240, y + 22 + offset * 11, row, size=size - 0.5)
        tear = max(y + 76, 700)
        canvas.text(
            297,
            tear - 6,
            "Please detach and return this portion with your payment",
            size=6.5,
            align="center",
            color=GREY,
        )
        _dashed(canvas, tear)
        canvas.text(50, tear + 22, "REMITTANCE ADVICE", size=12, bold=True)
        canvas.text(50, tear + 36, vendor, size=size - 0.5)
        canvas.text(50, tear + 47, f"{abn_label} {abn}", size=size - 0.5)
        slip = [
            ("Invoice No.", number_text),
            ("Customer", customer),
            ("Amount Due", style.amount(due_amount)),
        ]
        if due_printed:
            slip.append(("Due Date", dates_style.format(dates.due)))
        slip.append(("Amount Paid", "$ ______________"))
        _pairs_right(canvas, 340, 545, tear + 22, slip, size=size - 0.5, step=12.5)
    else:
        canvas.text(50, 70, "Tax Invoice", size=20, bold=True)
        canvas.text(
            545, 70, vendor.split()[0], size=16, bold=True, align="right", color=(0.35, 0.3, 0.8)
        )
        facts = [
            ("Invoice number", number_text),
            ("Date of issue", dates_style.format(dates.issue)),
            ("Date due", dates_style.format(dates.due)),
        ]
        for offset, (label, value) in enumerate(facts):
            canvas.text(50, 96 + offset * 13, label, size=size, bold=True)
            canvas.text(150, 96 + offset * 13, value, size=size)
        block = 96 + len(facts) * 13 + 18
        seller = [
            vendor,
            *_address(rng),
            "Australia",
            f"billing@{_handle(vendor)}.com",
            f"ABN {abn}",
        ]
        for offset, row in enumerate(seller):
            canvas.text(50, block + offset * 11, row, size=size - 0.5, bold=offset == 0)
        bill = ["Bill to", *customer_rows, "Australia"]
        if rng.random() < 0.5 and customer.endswith("Pty Ltd"):
            bill.append(f"AU ABN {_abn(rng)}")
        for offset, row in enumerate(bill):
            canvas.text(230, block + offset * 11, row, size=size - 0.5, bold=offset == 0)
        y = block + max(len(seller), len(bill)) * 11 + 22
        if due_amount:
            headline = f"{style.amount(due_amount)} due {dates_style.format(dates.due)}"
        else:
            headline = f"{style.amount(total)} paid on {dates_style.format(dates.issue)}"
        canvas.text(50, y, headline, size=15, bold=True)
        canvas.text(50, y + 14, "Pay online", size=size, color=(0.35, 0.3, 0.8))
        y += 40
        heads = [
            Column("Description", 50),
            Column("Qty", 340, "right"),
            Column("Unit price", 415, "right"),
            Column("Tax", 460, "right"),
            Column("Amount", 545, "right"),
        ]
        for column in heads:
            canvas.text(
                column.edge, y, column.header, size=size - 1, align=column.align, color=GREY
            )
        canvas.line(50, y + 5, 545, y + 5, width=0.5)
        y += 20
        yearly = rng.random() < 0.3
        period_end = dates.issue + dt.timedelta(days=364 if yearly else rng.choice((29, 30)))
        period = f"{dates_style.format(dates.issue)} – {dates_style.format(period_end)}"
        for line in lines:
            cells = [
                line.description,
                quantities.number(line.quantity),
                style.amount(line.unit_price),
                "10%",
                style.amount(line.amount),
            ]
            for column, cell in zip(heads, cells, strict=True):
                canvas.text(column.edge, y, cell, size=size, align=column.align)
            canvas.text(50, y + 11, period, size=size - 1.5, color=GREY)
            y += 26
        canvas.line(300, y - 6, 545, y - 6, width=0.4)
        totals = [
            ("Subtotal", style.amount(subtotal)),
            ("Total excluding tax", style.amount(subtotal)),
            (f"GST - Australia (10% on {style.amount(subtotal)})", style.amount(tax)),
            ("Total", style.amount(total)),
            ("Amount paid", style.amount(paid)),
            ("Amount due", style.amount(due_amount)),
        ]
        y = _pairs_right(canvas, 300, 545, y + 8, totals, size=size, step=15, bold_labels=False)
        canvas.text(
            50,
            y + 20,
            f"Questions? Contact {vendor} at billing@{_handle(vendor)}.com",
            size=size - 1,
        )
        canvas.text(
            50,
            805,
            f"{number_text} · {style.amount(due_amount)} due {dates_style.format(dates.due)}",
            size=7,
            color=GREY,
        )
        canvas.text(545, 805, "Page 1 of 1", size=7, align="right", color=GREY)

    fields = truth_fields(
        number=number_text,
        issue=dates.issue,
        due=dates.due if due_printed else None,
        vendor=vendor,
        total=total,
        subtotal=subtotal,
        tax=tax,
        currency="AUD",
        lines=lines,
    )
    weights: dict[str, list[tuple[float, Literal["png", "jpg"] | None]]] = {
        "xero": [(9, None), (1, "jpg")],
        "trades": [(5, None), (3, "jpg"), (2, "png")],
        "saas": [(1, None)],
    }
    image = choose(rng, weights[layout])
    return Rendered(
        fields,
        "en",
        "invoice",
        canvas.pdf(title=number_text),
        style,
        dates_style,
        quantities,
        ("$", "AUD", "A$"),
        image=image,
    )
