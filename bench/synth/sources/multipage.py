"""`multipage`: long German or English invoices whose item table runs over two or three pages.

Each page repeats a compact header (seller, invoice number, `Seite 1 von 2` / `Page 1 of 2`) and
the column heads; a page that continues ends with `Übertrag` / `Carried forward` and the running
net sum, and the next page opens with `Übertrag von Seite 1` / `Brought forward` and the same
figure: amounts that look like totals but are not. Totals and payment terms come only on the
last page. Article numbers sit in the descriptions; the invoice date is printed only on page 1.
"""

from __future__ import annotations

import random
from decimal import Decimal

from bench.synth import names
from bench.synth.canvas import A4, Canvas
from bench.synth.common import Column, draw_table, total_rows
from bench.synth.document import (
    Line,
    Rendered,
    net_totals,
    pick_dates,
    price,
    quantity,
    truth_fields,
)
from bench.synth.formats import DateStyle, MoneyStyle, QuantityStyle
from bench.synth.names import ITEMS

WORDS = {
    "de": {
        "title": "Rechnung",
        "no": "Rechnungsnr.",
        "date": "Rechnungsdatum",
        "due": "Fällig am",
        "page": "Seite {i} von {n}",
        "cf": "Übertrag",
        "bf": "Übertrag von Seite {i}",
        "cols": ("Pos.", "Artikel / Bezeichnung", "Menge", "Preis", "Betrag"),
        "net": "Summe netto",
        "tax": "USt. {r} %",
        "total": "Rechnungsbetrag",
        "cust": "Kunden-Nr.",
        "art": "Art.-Nr.",
    },
    "en": {
        "title": "INVOICE",
        "no": "Invoice number",
        "date": "Invoice date",
        "due": "Payment due",
        "page": "Page {i} of {n}",
        "cf": "Carried forward",
        "bf": "Brought forward",
        "cols": ("No.", "Item / Description", "Qty", "Price", "Amount"),
        "net": "Subtotal",
        "tax": "VAT {r}%",
        "total": "Total due",
        "cust": "Customer ref.",
        "art": "SKU",
    },
}


def build(rng: random.Random) -> Rendered:
    lang = rng.choice(("de", "de", "en"))
    words = WORDS[lang]
    if lang == "de":
        style = MoneyStyle(".", ",", "EUR", symbol_after=True)
        dates_style = DateStyle("{dd}.{mm}.{yyyy}", "de")
        rate, code, marks = Decimal(19), "EUR", ("EUR",)
    else:
        style = MoneyStyle(",", ".", "£", symbol_space=False)
        dates_style = rng.choice((DateStyle("{dd}/{mm}/{yyyy}"), DateStyle("{d} {month} {yyyy}")))
        rate, code, marks = Decimal(20), "GBP", ("£",)
    dates = pick_dates(rng, dates_style, due_days=(14, 30))
    canvas = Canvas(*A4, family=rng.choice(("helv", "tiro", "cour")))
    size = rng.choice((8, 8.5, 9))
    vendor = names.company(rng, lang)
    number_text = f"{dates.issue.year}{names.digits(rng, 5)}"
    per_page = rng.randint(24, 30)
    count = rng.randint(per_page + 3, per_page * 2 + 8)
    pool = ITEMS[lang]
    lines = [
        Line(
            f"{words['art']} {names.digits(rng, 5)} {pool[rng.randrange(len(pool))][0]}",
            quantity(rng, fractional=0.05),
            price(rng, 1, 160),
        )
        for _ in range(count)
    ]
    _, subtotal, tax, total = net_totals(lines, [rate for _ in lines])
    chunks = [lines[i : i + per_page] for i in range(0, count, per_page)]
    pages = len(chunks)

    quantities = QuantityStyle("," if lang == "de" else ".")
    heads = words["cols"]
    columns = [
        Column(heads[0], 50),
        Column(heads[1], 80),
        Column(heads[2], 380, "right"),
        Column(heads[3], 460, "right"),
        Column(heads[4], 545, "right"),
    ]
    running = Decimal(0)
    position = 0
    for page_index, chunk in enumerate(chunks, 1):
        if page_index > 1:
            canvas.new_page()
        canvas.text(50, 50, vendor, size=12, bold=True)
        canvas.text(545, 50, words["page"].format(i=page_index, n=pages), size=8, align="right")
        canvas.text(545, 62, f"{words['no']} {number_text}", size=8, align="right")
        top = 150
        if page_index == 1:
            address = names.address(rng, lang)
            canvas.text(50, 62, " · ".join(address), size=7.5)
            customer = [names.company(rng, lang), *names.address(rng, lang)]
            for offset, row in enumerate(customer):
                canvas.text(50, 110 + offset * 12, row, size=size + 0.5)
            canvas.text(340, 110, words["title"], size=16, bold=True)
            facts = [
                (words["no"], number_text),
                (words["date"], dates_style.format(dates.issue)),
                (words["cust"], names.digits(rng, 6)),
            ]
            for offset, (label, value) in enumerate(facts):
                canvas.text(340, 130 + offset * 12, label, size=size)
                canvas.text(545, 130 + offset * 12, value, size=size, align="right")
            top = 200
        rows = []
        if page_index > 1:
            rows.append(["", words["bf"].format(i=page_index - 1), "", "", style.number(running)])
        for line in chunk:
            position += 1
            rows.append(
                [
                    str(position),
                    line.description,
                    quantities.number(line.quantity),
                    style.number(line.unit_price),
                    style.number(line.amount),
                ]
            )
            running += line.amount
        y = draw_table(
            canvas,
            top,
            columns,
            rows,
            left=48,
            right=547,
            size=size - 0.5,
            row_height=size + 5.5,
            rules="header",
        )
        if page_index < pages:
            canvas.text(80, y + 10, words["cf"], size=size, bold=True)
            canvas.text(545, y + 10, style.number(running), size=size, bold=True, align="right")
            continue
        y += 18
        totals = [
            (words["net"], style.amount(subtotal)),
            (words["tax"].format(r=rate), style.amount(tax)),
            (words["total"], style.amount(total)),
        ]
        y = total_rows(canvas, 340, 545, y, totals, bold={str(words["total"])}, size=size + 0.5)
        canvas.text(50, y + 20, f"{words['due']}: {dates_style.format(dates.due)}", size=size)

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
        lang,
        "invoice",
        canvas.pdf(title=number_text),
        style,
        dates_style,
        quantities,
        marks,
    )
