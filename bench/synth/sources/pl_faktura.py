"""`pl-faktura`: a Polish Faktura VAT as Polish invoicing services print it.

Place and dates top right (`Data wystawienia`, and `Data sprzedaży`, often the same day), the
title `Faktura VAT nr FV/12/03/2024` centred, `Sprzedawca` and `Nabywca` side by side with their
NIP, a fully ruled nine-column table (`Lp. / Nazwa towaru lub usługi / Ilość / J.m. / Cena netto
/ Wartość netto / VAT / Kwota VAT / Wartość brutto`) with VAT computed per line, a rate summary
table ending in `Razem`, then `Do zapłaty: 1 234,56 zł`, payment method, `Termin płatności` and
the bank account, and two signature lines. Amounts group thousands with a space.
"""

from __future__ import annotations

import random
from decimal import Decimal

from bench.synth import names
from bench.synth.canvas import A4, Canvas
from bench.synth.common import Column, draw_table, make_lines
from bench.synth.document import Rendered, pick_dates, truth_fields
from bench.synth.formats import DateStyle, MoneyStyle, QuantityStyle, money


def build(rng: random.Random) -> Rendered:
    mark = rng.choice(("zł", "zł", "PLN"))
    style = MoneyStyle(" ", ",", mark, symbol_after=True)
    dates_style = rng.choice(
        (DateStyle("{yyyy}-{mm}-{dd}", "pl"), DateStyle("{dd}.{mm}.{yyyy}", "pl"))
    )
    dates = pick_dates(rng, dates_style, due_days=(7, 14, 21, 30))
    canvas = Canvas(*A4, family=rng.choice(("helv", "tiro")))
    size = rng.choice((8, 8.5, 9))
    vendor = names.company(rng, "pl")
    buyer = names.company(rng, "pl")
    number_text = rng.choice(
        (
            f"FV/{rng.randint(1, 240)}/{dates.issue.month:02d}/{dates.issue.year}",
            f"{rng.randint(1, 480)}/{dates.issue.year}",
            f"FV {rng.randint(1, 99)}/{dates.issue.month:02d}/{dates.issue.year % 100}",
        )
    )
    lines = make_lines(rng, "pl", rng.randint(1, 7), low=10, high=rng.choice((200, 900, 4000)))
    rates = [rng.choice((Decimal(23), Decimal(23), Decimal(8))) for _ in lines]
    line_tax = [money(line.amount * rate / 100) for line, rate in zip(lines, rates, strict=True)]
    subtotal = sum((line.amount for line in lines), Decimal(0))
    tax = sum(line_tax, Decimal(0))
    total = subtotal + tax

    city = names.address(rng, "pl")[1].split(" ", 1)[1]
    sale_date = dates.issue if rng.random() < 0.5 else dates.other[0]
    header = [
        ("Miejsce wystawienia:", city),
        ("Data wystawienia:", dates_style.format(dates.issue)),
        (
            rng.choice(("Data sprzedaży:", "Data dostawy/wykonania usługi:")),
            dates_style.format(sale_date),
        ),
    ]
    for offset, (label, value) in enumerate(header):
        canvas.text(430, 50 + offset * 12, label, size=size - 0.5, align="right")
        canvas.text(545, 50 + offset * 12, value, size=size - 0.5, bold=True, align="right")
    title = "Faktura VAT nr" if number_text.startswith("FV") or rng.random() < 0.5 else "Faktura nr"
    canvas.text(297, 110, f"{title} {number_text}", size=15, bold=True, align="center")
    canvas.text(
        297, 124, rng.choice(("ORYGINAŁ", "ORYGINAŁ / KOPIA", "")), size=7.5, align="center"
    )

    for x, label, name in ((50, "Sprzedawca:", vendor), (310, "Nabywca:", buyer)):
        canvas.text(x, 150, label, size=size, bold=True)
        canvas.line(x, 153, x + 230, 153, width=0.4)
        rows = [name, *names.address(rng, "pl"), f"NIP: {names.vat_id(rng, 'PL')}"]
        for offset, row in enumerate(rows, 1):
            canvas.text(x, 153 + offset * 11.5, row, size=size, bold=offset == 1)

    quantities = QuantityStyle(",")
    columns = [
        Column("Lp.", 48),
        Column("Nazwa towaru lub usługi", 66),
        Column("Ilość", 268, "right"),
        Column("J.m.", 273),
        Column("Cena netto", 345, "right"),
        Column("Wart. netto", 400, "right"),
        Column("VAT", 428, "right"),
        Column("Kwota VAT", 480, "right"),
        Column("Wart. brutto", 545, "right"),
    ]
    rows = [
        [
            str(i),
            line.description,
            quantities.number(line.quantity),
            line.unit or "szt.",
            style.number(line.unit_price),
            style.number(line.amount),
            f"{rate}%",
            style.number(vat),
            style.number(line.amount + vat),
        ]
        for i, (line, rate, vat) in enumerate(zip(lines, rates, line_tax, strict=True), 1)
    ]
    y = draw_table(
        canvas,
        225,
        columns,
        rows,
        left=45,
        right=548,
        size=size - 1.5,
        rules="grid",
        header_fill=(0.9, 0.9, 0.9),
        row_height=13,
    )

    summary: dict[Decimal, list[Decimal]] = {}
    for line, rate, vat in zip(lines, rates, line_tax, strict=True):
        base, taxed = summary.setdefault(rate, [Decimal(0), Decimal(0)])
        summary[rate] = [base + line.amount, taxed + vat]
    sum_rows = [
        [f"{rate}%", style.number(base), style.number(vat), style.number(base + vat)]
        for rate, (base, vat) in sorted(summary.items())
    ]
    sum_rows.append(["Razem", style.number(subtotal), style.number(tax), style.number(total)])
    sum_columns = [
        Column("Stawka VAT", 300),
        Column("Wartość netto", 400, "right"),
        Column("Kwota VAT", 470, "right"),
        Column("Wartość brutto", 545, "right"),
    ]
    y = draw_table(
        canvas,
        y + 10,
        sum_columns,
        sum_rows,
        left=297,
        right=548,
        size=size - 1,
        rules="grid",
        row_height=13,
    )

    y += 24
    canvas.text(50, y, f"Do zapłaty: {style.amount(total)}", size=size + 3, bold=True)
    due_printed = rng.random() < 0.85
    payment = [
        (
            "Sposób płatności:",
            rng.choice(("przelew", "przelew 14 dni", "gotówka")) if due_printed else "gotówka",
        )
    ]
    if due_printed:
        payment.append(("Termin płatności:", dates_style.format(dates.due)))
    payment.append(("Numer konta:", names.iban(rng, "PL")))
    for offset, (label, value) in enumerate(payment, 1):
        canvas.text(50, y + offset * 13, label, size=size)
        canvas.text(150, y + offset * 13, value, size=size)
    for x, label in (
        (60, "Osoba upoważniona do odbioru"),
        (340, "Osoba upoważniona do wystawienia"),
    ):
        canvas.line(x, 760, x + 190, 760, width=0.3, color=(0.4, 0.4, 0.4))
        canvas.text(x + 95, 770, label, size=6.5, align="center")

    fields = truth_fields(
        number=number_text,
        issue=dates.issue,
        due=dates.due if due_printed else None,
        vendor=vendor,
        total=total,
        subtotal=subtotal,
        tax=tax,
        currency="PLN",
        lines=lines,
    )
    return Rendered(
        fields,
        "pl",
        "invoice",
        canvas.pdf(title=number_text),
        style,
        dates_style,
        quantities,
        ("zł", "PLN"),
    )
