"""`receipt-us`: US till receipts from grocery and big-box stores, pharmacies and restaurants.

Prices exclude sales tax: the item amounts (less coupons) add up to `SUBTOTAL`, one or two tax
lines follow, then `TOTAL`. Three layout families:

- **grocery / big-box**: the store name with a slogan and `Mgr:` line, the address, then
  `ST# 1234 OP# 00012 TE# 07 TR# 04521` (the transaction number `TR#` is the receipt number),
  item lines `DESCRIPTION  012345678901  3.49 N` (UPC, price, tax flag `T`/`N`/`F`), a
  `2 @ 3.49` line above multiples, coupon lines `MFR COUPON  1.00-`, `SUBTOTAL`,
  `TAX 1 8.875 %` (sometimes a second `TAX 2` line for the local rate), `TOTAL`,
  `VISA TEND` / `DEBIT TEND` / `CASH TEND`, `CHANGE DUE`, `# ITEMS SOLD 7`, a date
  `03/14/26 18:42:07`, card lines (`APPR # 123456`, `REF # 000123`, `AID A0000000031010`) and
  `YOU SAVED $4.50` / `TOTAL SAVINGS` banners.
- **pharmacy**: `STORE #1234` and `REG#03 TRN#2456 CSHR#1234567` on one line (`TRN#` is the
  receipt number), items `1 VITAMIN D3 1000IU  9.99T` with the flag glued to the price, loyalty
  `EXTRABUCKS REWARDS EARNED $2.00`, `SALES TAX 7.25%`, `TOTAL`, `RETURN VALUE` lines, and a
  `RX` line with its own copay.
- **restaurant**: the name, address and phone, `Server: MARIA  Table 12  Guests 2`,
  `Check #4521`, items with the quantity first (`2 Iced Tea  6.00`), `Subtotal`, `Sales Tax`,
  `Total`, then the merchant copy's `Tip: ________` and a second `Total: ________` left blank
  for the guest to write in, and `Suggested gratuity` lines (18 % / 20 % / 22 % with their
  amounts), all amounts that are not the total.

Decoys: the store number, operator, terminal and approval numbers beside the receipt number;
`YOU SAVED` amounts and the change due; the card number and the phone number; the dates are
month-first (`03/04/25` reads as either order, the `$` and the US address settle it). The `$`
appears on the total only in most layouts. Single items print only their amount, so the truth
has no `line_items` for this source (as `receipt-nordic`). A second tax line means the tax as
one figure is not printed, so `tax_amount` is then left out of the truth. Most are scanned
images (grey, skewed, blurred), some PDFs.
"""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Literal

from bench.synth import names
from bench.synth.canvas import RECEIPT_WIDTH, Canvas
from bench.synth.common import choose
from bench.synth.document import Rendered, pick_dates, price, truth_fields
from bench.synth.formats import DateStyle, MoneyStyle, QuantityStyle, money

GROCERY_ITEMS = [
    ("BANANAS", "F"),
    ("GV 2% MILK GAL", "F"),
    ("WHT BREAD 20OZ", "F"),
    ("LG EGGS 12CT", "F"),
    ("PAPER TOWEL 6PK", "T"),
    ("DISH SOAP 24OZ", "T"),
    ("CHEDDAR SHRED", "F"),
    ("GRND BEEF 80/20", "F"),
    ("COLA 12PK", "T"),
    ("AA BATTERIES 8", "T"),
    ("TOTAL CEREAL", "F"),
    ("CHANGE PURSE", "T"),
    ("TAX FREE SNACK", "N"),
    ("DOLLAR SAVER BAG", "T"),
    ("PEANUT BUTTER", "F"),
    ("TRASH BAGS 30CT", "T"),
    ("ROMA TOMATOES", "F"),
    ("GREEK YOGURT", "F"),
    ("SUBTOTAL NOTEBOOK", "T"),
]
PHARMACY_ITEMS = [
    "VITAMIN D3 1000IU",
    "IBUPROFEN 200MG 100CT",
    "CVT TOOTHPASTE",
    "HAND SANITIZER 8OZ",
    "GREETING CARD",
    "BAND-AID 30CT",
    "COUGH DROPS 30CT",
    "SUNSCREEN SPF50",
    "CONTACT SOLUTION",
    "NASAL SPRAY",
    "LIP BALM 2PK",
    "WATER 1L",
]
RESTAURANT_ITEMS = [
    "Cheeseburger",
    "Caesar Salad",
    "Iced Tea",
    "Fish Tacos",
    "Chicken Wings",
    "Fries",
    "Draft Beer",
    "Club Sandwich",
    "Soup of the Day",
    "Lemonade",
    "Brownie Sundae",
    "Coffee",
    "Total Nachos",
]
RATES = ("8.875", "6.25", "7.25", "8.25", "6.00", "9.50", "7.00")
SLOGANS = ("Save money. Live better.", "Fresh every day!", "Low prices. Every day.")


def _vendor(rng: random.Random, family: str) -> str:
    name = names.surname(rng, "us")
    if family == "grocery":
        return rng.choice(
            (
                f"{name.upper()} FOODS",
                "FRESHWAY MARKET",
                f"{name.upper()}'S SUPERMARKET",
                "VALUMART",
            )
        )
    if family == "pharmacy":
        return rng.choice((f"{name} Drug", "CareRite Pharmacy", f"{name.upper()} PHARMACY"))
    return rng.choice((f"The {name} Grill", f"{name}'s Diner", "Blue Heron Bistro", f"Café {name}"))


def build(rng: random.Random) -> Rendered:
    family = choose(rng, [(5, "grocery"), (3, "pharmacy"), (3, "restaurant")])
    style = MoneyStyle(",", ".", "$", symbol_space=rng.random() < 0.4)
    dates_style = rng.choice((DateStyle("{mm}/{dd}/{yy}"), DateStyle("{mm}/{dd}/{yyyy}")))
    dates = pick_dates(rng, dates_style)
    canvas = Canvas(RECEIPT_WIDTH, 800, family=rng.choice(("cour", "cour", "helv")))
    size = rng.choice((7, 7.5, 8))
    step = size + 3
    left, right, centre = 10, RECEIPT_WIDTH - 10, RECEIPT_WIDTH / 2
    vendor = _vendor(rng, family)
    quantities = QuantityStyle(".")
    dash = "-" * int((right - left) / canvas.width_of("-", size=size))
    time_text = f"{rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}"
    if rng.random() < 0.6:
        time_text += f":{rng.randint(0, 59):02d}"
    when = f"{dates_style.format(dates.issue)} {time_text}"
    rate = Decimal(rng.choice(RATES))
    two_taxes = family == "grocery" and rng.random() < 0.25
    number_text = ""

    y = 24.0

    def row(label: str, value: str, *, bold: bool = False, indent: float = 0) -> None:
        nonlocal y
        y += step + (1.5 if bold else 0)
        canvas.text(left + indent, y, label, size=size + (1 if bold else 0), bold=bold)
        canvas.text(right, y, value, size=size + (1 if bold else 0), bold=bold, align="right")

    def centred(text: str, *, grow: float = 0, bold: bool = False) -> None:
        nonlocal y
        y += step + grow
        canvas.text(centre, y, text, size=size - 0.5 + grow, bold=bold, align="center")

    y = 24.0
    canvas.text(centre, y, vendor, size=size + 3, bold=True, align="center")
    y += 3
    street, city = names.address(rng, "us")
    phone = names.phone(rng, "US")

    subtotal = Decimal(0)
    taxable = Decimal(0)
    saved = Decimal(0)
    count = 0
    if family == "grocery":
        if rng.random() < 0.6:
            centred(rng.choice(SLOGANS))
        centred(f"{phone} Mgr:{names.person(rng, 'us').upper()}")
        centred(street.upper())
        centred(city.upper())
        number_text = names.digits(rng, 5)
        y += step * 0.5
        canvas_line = (
            f"ST# {names.digits(rng, 4)} OP# {names.digits(rng, 6)} "
            f"TE# {names.digits(rng, 2)} TR# {number_text}"
        )
        centred(canvas_line)
        for description, flag in rng.sample(GROCERY_ITEMS, rng.randint(3, 10)):
            qty = choose(rng, [(7, 1), (2, 2), (1, 3)])
            unit = price(rng, 0.79, 14)
            amount = money(unit * qty)
            if qty > 1:
                y += step
                canvas.text(left + 8, y, f"{qty} @ {style.number(unit)}", size=size)
            y += step
            canvas.text(left, y, description, size=size)
            canvas.text(right - 90, y, names.digits(rng, 12), size=size - 1.5)
            canvas.text(right - 10, y, style.number(amount), size=size, align="right")
            canvas.text(right, y, flag, size=size, align="right")
            count += qty
            subtotal += amount
            if flag == "T":
                taxable += amount
            if rng.random() < 0.2:
                off = min(Decimal(rng.choice(("0.50", "1.00", "0.75", "2.00"))), amount)
                y += step
                label = rng.choice(("MFR COUPON", "SC COUPON", "BONUS CARD SAVINGS"))
                canvas.text(left + 8, y, label, size=size)
                canvas.text(right - 10, y, f"{style.number(off)}-", size=size, align="right")
                canvas.text(right, y, flag, size=size, align="right")
                subtotal -= off
                saved += off
                if flag == "T":
                    taxable -= off
        taxes = []
        if two_taxes:
            state = Decimal(rng.choice(("4.000", "6.000", "4.500")))
            local = rate - state
            taxes = [
                (f"TAX 1 {state:.3f} %", money(taxable * state / 100)),
                (f"TAX 2 {local:.3f} %", money(taxable * local / 100)),
            ]
        else:
            taxes = [(f"TAX 1 {rate:.3f} %", money(taxable * rate / 100))]
        tax = sum((value for _, value in taxes), Decimal(0))
        total = subtotal + tax
        y += step * 0.4
        row("SUBTOTAL", style.number(subtotal), indent=40)
        for label, value in taxes:
            row(label, style.number(value), indent=40)
        row("TOTAL", style.amount(total), bold=True, indent=40)
        tender = rng.choice(("VISA TEND", "DEBIT TEND", "MCARD TEND", "CASH TEND"))
        paid = total
        if tender == "CASH TEND":
            paid = next(Decimal(n) for n in (5, 10, 20, 40, 50, 100, 200, 500, 1000) if n >= total)
        row(tender, style.number(paid), indent=40)
        if tender != "CASH TEND":
            y += step
            canvas.text(
                left,
                y,
                f"{tender.split()[0]} **** **** **** {names.digits(rng, 4)} I 0",
                size=size - 0.5,
            )
            y += step
            canvas.text(
                left,
                y,
                f"APPR # {names.digits(rng, 6)}  REF # {names.digits(rng, 12)}",
                size=size - 0.5,
            )
            y += step
            canvas.text(left, y, "AID A0000000031010", size=size - 0.5)
        row("CHANGE DUE", style.number(paid - total), indent=40)
        y += step * 0.5
        centred(f"# ITEMS SOLD {count}", grow=0.5)
        if saved:
            centred(f"YOU SAVED {style.amount(saved)} TODAY!", bold=True)
        y += step * 0.5
        centred(when)
    elif family == "pharmacy":
        centred(f"STORE #{names.digits(rng, 4)}")
        centred(street.upper())
        centred(city.upper())
        centred(phone)
        number_text = names.digits(rng, 4)
        y += step * 0.5
        y += step
        canvas.text(
            left,
            y,
            f"REG#{rng.randint(1, 9):02d} TRN#{number_text} CSHR#{names.digits(rng, 7)} "
            f"STR#{names.digits(rng, 4)}",
            size=size - 0.5,
        )
        if rng.random() < 0.4:
            copay = price(rng, 2, 25)
            row(f"RX#{names.digits(rng, 7)} COPAY", f"{style.number(copay)}N")
            subtotal += copay
            count += 1
        for description in rng.sample(PHARMACY_ITEMS, rng.randint(2, 7)):
            qty = choose(rng, [(8, 1), (2, 2)])
            unit = price(rng, 1.49, 19.99)
            amount = money(unit * qty)
            flag = "T" if rng.random() < 0.8 else "N"
            row(f"{qty} {description}", f"{style.number(amount)}{flag}")
            if qty > 1:
                y += step
                canvas.text(left + 12, y, f"{qty} @ {style.number(unit)}", size=size - 0.5)
            subtotal += amount
            count += qty
            if flag == "T":
                taxable += amount
            if rng.random() < 0.25:
                off = min(Decimal(rng.choice(("1.00", "2.00", "3.00"))), amount)
                row("  CAREPASS SAVINGS", f"{style.number(off)}-")
                subtotal -= off
                saved += off
                if flag == "T":
                    taxable -= off
        tax = money(taxable * rate / 100)
        total = subtotal + tax
        y += step * 0.4
        row("SUBTOTAL", style.number(subtotal))
        row(f"SALES TAX {rate}%" if rng.random() < 0.6 else "SALES TAX", style.number(tax))
        row("TOTAL", style.amount(total), bold=True)
        tender = rng.choice(("VISA", "CHARGE", "DEBIT", "AMEX"))
        row(tender, style.number(total))
        y += step
        canvas.text(left, y, f"ACCT # ************{names.digits(rng, 4)}", size=size - 0.5)
        y += step
        canvas.text(left, y, f"AUTH CODE {names.digits(rng, 6)}", size=size - 0.5)
        row("CHANGE", style.number(Decimal(0)))
        y += step * 0.5
        centred(f"RETURN VALUE {style.amount(total)}")
        centred(f"{count} ITEMS")
        y += step * 0.5
        centred(when)
        if rng.random() < 0.7:
            centred(f"EXTRABUCKS REWARDS EARNED {style.amount(Decimal(rng.choice((2, 3, 5))))}")
        if saved:
            centred(f"TODAY YOU SAVED {style.amount(saved)}", bold=True)
    else:
        centred(street)
        centred(city)
        centred(phone)
        y += step * 0.5
        number_text = names.digits(rng, rng.choice((3, 4)))
        server = rng.choice(("MARIA", "JOSH", "TANYA", "LUIS", "KELSEY"))
        y += step
        canvas.text(left, y, f"Server: {server}", size=size)
        canvas.text(right, y, f"Table {rng.randint(1, 40)}", size=size, align="right")
        y += step
        canvas.text(left, y, f"Check #{number_text}", size=size)
        canvas.text(right, y, f"Guests {rng.randint(1, 6)}", size=size, align="right")
        y += step
        canvas.text(left, y, when, size=size)
        y += step
        canvas.text(left, y, dash, size=size)
        for description in rng.sample(RESTAURANT_ITEMS, rng.randint(2, 7)):
            qty = choose(rng, [(7, 1), (3, 2), (1, 4)])
            unit = price(rng, 2.5, 24)
            amount = money(unit * qty)
            row(f"{qty} {description}", style.number(amount))
            subtotal += amount
        tax = money(subtotal * rate / 100)
        total = subtotal + tax
        y += step * 0.4
        row("Subtotal", style.number(subtotal))
        row("Sales Tax" if rng.random() < 0.5 else f"Tax {rate}%", style.number(tax))
        row("Total", style.amount(total), bold=True)
        y += step * 0.6
        y += step
        canvas.text(left, y, f"VISA XXXXXXXXXXXX{names.digits(rng, 4)}", size=size - 0.5)
        y += step
        canvas.text(left, y, f"Auth: {names.digits(rng, 6)}", size=size - 0.5)
        if rng.random() < 0.7:
            y += step * 0.5
            centred("Suggested Gratuity:")
            for share in (18, 20, 22):
                centred(f"{share}% = {style.amount(money(total * share / 100))}")
        y += step * 1.5
        canvas.text(left, y, "Tip:", size=size + 1)
        canvas.text(right, y, "______________", size=size + 1, align="right")
        y += step * 2
        canvas.text(left, y, "Total:", size=size + 1, bold=True)
        canvas.text(right, y, "______________", size=size + 1, align="right")
        y += step * 2
        canvas.text(left, y, "X_______________________________", size=size)
        centred("MERCHANT COPY")
    y += step
    centred(
        rng.choice(("THANK YOU FOR SHOPPING WITH US", "Thank you! Come again", "*** THANK YOU ***"))
    )
    canvas.height = y + 30

    fields = truth_fields(
        number=number_text,
        issue=dates.issue,
        vendor=vendor,
        total=total,
        subtotal=subtotal,
        tax=None if two_taxes else tax,
        currency="USD",
    )
    image: Literal["png", "jpg"] | None = choose(rng, [(5, "jpg"), (3, "png"), (2, None)])
    return Rendered(
        fields,
        "en",
        "receipt",
        canvas.pdf(title=number_text),
        style,
        dates_style,
        quantities,
        ("$",),
        image=image,
    )
