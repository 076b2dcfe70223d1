"""`receipt-nordic`: Swedish, Norwegian and Danish till receipts (kvitto, kvittering, bon).

Prices include VAT, so item amounts add up to the total, and the VAT appears only in a small
table after the payment lines (`Moms%  Moms  Netto  Brutto`, one row per rate: 25 % and the food
rate); the net and VAT figures there are the subtotal and tax. `TOTALT` / `Att betala` /
`I alt`, then the card or cash lines (`Kort`, `Kontant`, `Växel`/`Veksel`/`Byttepenge`), a
masked card number, the organisation number and a receipt number. Amounts `123,44` with `kr`
or the ISO code; item names include `KRONANS SENAP`, `ØRE-SPAR PAKKE`, `PANT 1 KR`. About half
are scanned images. Single items print only their amount (no quantity or unit price), so the truth
has no `line_items` for this source.
"""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Literal

from bench.synth import names
from bench.synth.canvas import RECEIPT_WIDTH, Canvas
from bench.synth.common import choose
from bench.synth.document import (
    Line,
    Rendered,
    inclusive_tax,
    pick_dates,
    price,
    truth_fields,
)
from bench.synth.formats import DateStyle, MoneyStyle, QuantityStyle
from bench.synth.names import RECEIPT_ITEMS

COUNTRIES = {
    "se": {
        "code": "SEK",
        "lang": "sv",
        "food": Decimal(12),
        "date": "{yyyy}-{mm}-{dd}",
        "shop": ("{n}s Livs AB", "{n} Handel AB", "Närbutiken {n}"),
        "total": ("TOTALT", "Att betala"),
        "card": "Kort",
        "cash": "Kontant",
        "change": "Växel",
        "receipt": "Kvitto nr",
        "vat": "Moms",
        "org": "Org.nr",
        "thanks": "Tack för ditt köp!",
        "net": "Netto",
        "gross": "Brutto",
    },
    "no": {
        "code": "NOK",
        "lang": "no",
        "food": Decimal(15),
        "date": "{dd}.{mm}.{yyyy}",
        "shop": ("{n} Dagligvare AS", "{n} Kolonial AS", "Nærbutikken {n}"),
        "total": ("TOTALT", "Å betale"),
        "card": "Bankkort",
        "cash": "Kontant",
        "change": "Veksel",
        "receipt": "Kvittering nr",
        "vat": "MVA",
        "org": "Org.nr",
        "thanks": "Takk for handelen!",
        "net": "Grunnlag",
        "gross": "Sum",
    },
    "dk": {
        "code": "DKK",
        "lang": "da",
        "food": None,
        "date": "{dd}-{mm}-{yyyy}",
        "shop": ("{n} Købmand ApS", "{n} Minimarked ApS", "Brugsen {n}"),
        "total": ("I ALT", "TOTAL"),
        "card": "Dankort",
        "cash": "Kontant",
        "change": "Byttepenge",
        "receipt": "Bon nr",
        "vat": "Moms",
        "org": "CVR",
        "thanks": "Tak for besøget!",
        "net": "Netto",
        "gross": "Brutto",
    },
}


def build(rng: random.Random) -> Rendered:
    country = rng.choice(("se", "se", "no", "dk"))
    spec = COUNTRIES[country]
    mark = rng.choice(("kr", "kr", spec["code"]))
    style = MoneyStyle(" ", ",", mark, symbol_after=True)
    dates_style = DateStyle(spec["date"], "en")
    dates = pick_dates(rng, dates_style)
    canvas = Canvas(RECEIPT_WIDTH, 800, family=rng.choice(("helv", "cour")))
    size = rng.choice((7.5, 8, 8.5))
    step = size + 3.2
    left, right, centre = 10, RECEIPT_WIDTH - 10, RECEIPT_WIDTH / 2
    vendor = rng.choice(spec["shop"]).format(n=names.surname(rng, "nordic"))
    number_text = names.digits(rng, rng.choice((4, 6, 8)))
    pool = RECEIPT_ITEMS["nordic"]
    lines = [
        Line(description, Decimal(choose(rng, [(7, 1), (2, 2), (1, 3)])), price(rng, 5, 95))
        for description in rng.sample(pool, rng.randint(2, 10))
    ]
    food = spec["food"]
    rates = [food if food is not None and rng.random() < 0.7 else Decimal(25) for _ in lines]
    total = sum((line.amount for line in lines), Decimal(0))
    gross_by_rate: dict[Decimal, Decimal] = {}
    for line, rate in zip(lines, rates, strict=True):
        gross_by_rate[rate] = gross_by_rate.get(rate, Decimal(0)) + line.amount
    vat_rows = [
        (rate, inclusive_tax(gross, rate), gross)
        for rate, gross in sorted(gross_by_rate.items(), reverse=True)
    ]
    tax = sum((vat for _, vat, _ in vat_rows), Decimal(0))
    subtotal = total - tax

    y = 28.0
    canvas.text(centre, y, vendor, size=size + 3, bold=True, align="center")
    for row in [
        *names.address(rng, country),
        f"{spec['org']} {names.digits(rng, 6)}-{names.digits(rng, 4)}",
    ]:
        y += step
        canvas.text(centre, y, row, size=size - 0.5, align="center")
    y += step * 1.6
    quantities = QuantityStyle(",")
    for line in lines:
        y += step
        canvas.text(left, y, line.description, size=size)
        if line.quantity != 1:
            y += step
            canvas.text(
                left + 10,
                y,
                f"{quantities.number(line.quantity)} st * {style.number(line.unit_price)}",
                size=size,
            )
        canvas.text(right, y, style.number(line.amount), size=size, align="right")
    y += step
    canvas.line(left, y - 4, right, y - 4, width=0.6)
    y += step
    label = rng.choice(spec["total"])
    canvas.text(left, y, label, size=size + 2, bold=True)
    canvas.text(right, y, style.amount(total), size=size + 2, bold=True, align="right")
    y += step * 1.5
    if rng.random() < 0.6:
        canvas.text(left, y, spec["card"], size=size)
        canvas.text(right, y, style.number(total), size=size, align="right")
        y += step
        canvas.text(left, y, f"VISA ************{names.digits(rng, 4)}", size=size - 0.5)
    else:
        notes = (Decimal(n) for n in (50, 100, 200, 500, 1000) if n >= total)
        cash = next(notes, (total // 100 + 1) * 100)  # a large sum: the next hundred
        canvas.text(left, y, spec["cash"], size=size)
        canvas.text(right, y, style.number(cash), size=size, align="right")
        y += step
        canvas.text(left, y, spec["change"], size=size)
        canvas.text(right, y, style.number(cash - total), size=size, align="right")
    y += step * 1.6
    columns = [
        (f"{spec['vat']}%", left, "left"),
        (spec["vat"], 95, "right"),
        (spec["net"], 150, "right"),
        (spec["gross"], right, "right"),
    ]
    for text, x, align in columns:
        canvas.text(x, y, text, size=size - 0.5, align=align)
    rows = [
        (f"{rate},00", style.number(vat), style.number(gross - vat), style.number(gross))
        for rate, vat, gross in vat_rows
    ]
    sum_row = len(rows) > 1 and rng.random() < 0.6
    if sum_row:
        rows.append(
            (
                "Summa" if country == "se" else "Sum",
                style.number(tax),
                style.number(subtotal),
                style.number(total),
            )
        )
    for row in rows:
        y += step
        for text, (_, x, align) in zip(row, columns, strict=True):
            canvas.text(x, y, text, size=size - 0.5, align=align)
    y += step * 1.6
    time_text = f"{rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}"
    canvas.text(left, y, f"{dates_style.format(dates.issue)} {time_text}", size=size - 0.5)
    canvas.text(right, y, f"{spec['receipt']} {number_text}", size=size - 0.5, align="right")
    y += step
    canvas.text(
        left, y, f"Kassa {rng.randint(1, 9)}  Kassör {rng.randint(100, 999)}", size=size - 0.5
    )
    y += step * 1.6
    canvas.text(centre, y, spec["thanks"], size=size, align="center")
    canvas.height = y + 30

    single = len(vat_rows) == 1
    fields = truth_fields(
        number=number_text,
        issue=dates.issue,
        vendor=vendor,
        total=total,
        subtotal=subtotal if single or sum_row else None,
        tax=tax if single or sum_row else None,
        currency=spec["code"],
    )
    image: Literal["png", "jpg"] | None = choose(rng, [(3, None), (2, "png"), (1, "jpg")])
    return Rendered(
        fields,
        spec["lang"],
        "receipt",
        canvas.pdf(title=number_text),
        style,
        dates_style,
        quantities,
        ("kr", spec["code"]),
        prices_include_tax=True,
        image=image,
    )
