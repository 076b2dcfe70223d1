"""`credit-notes`: credit notes in English, German and French (Credit Note, Gutschrift, Avoir).

Every amount is negative and each document prints negatives its own way: `-125.00`,
`(150.00)`, `150.00 CR` in English, `125,00-` or `-125,00` in German, `-125,00` in French.
Returned quantities are negative too. The title sits top left in a shaded band with the seller to
the right; a facts block gives the credit note number and date AND the original invoice's number
and date (decoys a reader must not take), a reason line, the table, and net / tax / total with
a double rule under the total. No due date.
"""

from __future__ import annotations

import random
from decimal import Decimal

from bench.synth import names
from bench.synth.canvas import A4, LETTER, Canvas
from bench.synth.common import Column, draw_table, make_lines, number, total_rows
from bench.synth.document import (
    Line,
    Rendered,
    net_totals,
    pick_dates,
    truth_fields,
)
from bench.synth.formats import DateStyle, MoneyStyle, QuantityStyle

WORDS = {
    "en": {
        "titles": ("CREDIT NOTE", "Credit Note", "CREDIT MEMO"),
        "no": "Credit Note No.",
        "date": "Date",
        "orig": "Original Invoice",
        "of": "dated",
        "reason": "Reason",
        "reasons": (
            "Returned goods",
            "Pricing error on invoice",
            "Damaged in transit",
            "Cancelled order",
        ),
        "cols": ("Description", "Qty", "Unit Price", "Amount"),
        "net": "Net",
        "tax": "VAT",
        "total": ("Total Credit", "Credit Total", "Total"),
        "customer": "Customer",
    },
    "de": {
        "titles": ("Gutschrift", "GUTSCHRIFT", "Rechnungskorrektur"),
        "no": "Gutschrift-Nr.",
        "date": "Datum",
        "orig": "zur Rechnung",
        "of": "vom",
        "reason": "Grund",
        "reasons": ("Warenrücksendung", "Preiskorrektur", "Transportschaden", "Stornierung"),
        "cols": ("Bezeichnung", "Menge", "Einzelpreis", "Betrag"),
        "net": "Nettobetrag",
        "tax": "USt",
        "total": ("Gutschriftsbetrag", "Gesamtbetrag", "Summe Gutschrift"),
        "customer": "Kunde",
    },
    "fr": {
        "titles": ("AVOIR", "Avoir", "Facture d'avoir"),
        "no": "Avoir n°",
        "date": "Date",
        "orig": "Facture d'origine",
        "of": "du",
        "reason": "Motif",
        "reasons": (
            "Retour de marchandise",
            "Erreur de prix",
            "Marchandise endommagée",
            "Annulation",
        ),
        "cols": ("Désignation", "Qté", "P.U. HT", "Montant HT"),
        "net": "Total HT",
        "tax": "TVA",
        "total": ("Total TTC", "Montant de l'avoir", "Total TTC"),
        "customer": "Client",
    },
}


def build(rng: random.Random) -> Rendered:
    lang = rng.choice(("en", "en", "de", "fr"))
    words = WORDS[lang]
    if lang == "en":
        uk = rng.random() < 0.6
        style = MoneyStyle(
            ",",
            ".",
            "£" if uk else "$",
            symbol_space=False,
            negative=rng.choice(("minus", "parens", "cr")),
        )
        code, marks, rate = ("GBP", ("£",), Decimal(20)) if uk else ("USD", ("$",), Decimal("7.25"))
        dates_style = DateStyle("{dd}/{mm}/{yyyy}") if uk else DateStyle("{month} {d}, {yyyy}")
        page, vat_label = (A4, "VAT") if uk else (LETTER, "Sales Tax")
        country = "en" if uk else "us"
    elif lang == "de":
        style = MoneyStyle(
            ".", ",", "€", symbol_after=True, negative=rng.choice(("trailing", "minus"))
        )
        code, marks, rate, page, vat_label, country = "EUR", ("€",), Decimal(19), A4, "USt", "de"
        dates_style = DateStyle("{dd}.{mm}.{yyyy}", "de")
    else:
        style = MoneyStyle(" ", ",", "€", symbol_after=True, negative="minus")
        code, marks, rate, page, vat_label, country = "EUR", ("€",), Decimal(20), A4, "TVA", "fr"
        dates_style = DateStyle("{d} {month} {yyyy}", "fr")
    dates = pick_dates(rng, dates_style)
    canvas = Canvas(*page, family=rng.choice(("helv", "tiro", "cour")))
    width = page[0]
    size = rng.choice((8.5, 9, 9.5))
    vendor = names.company(rng, "us" if country == "us" else lang)
    number_text = number(
        rng, rng.choice(("CN-{yyyy}-###", "GS####", "AV-{yyyy}-###", "C#####")), dates.issue.year
    )
    original = number(
        rng, rng.choice(("INV-{yyyy}-####", "RE-####", "F{yyyy}-####")), dates.issue.year
    )
    items_lang = "en" if lang == "en" else lang
    positive = make_lines(rng, items_lang, rng.randint(1, 4), high=rng.choice((60, 300, 900)))
    lines = [
        Line(line.description, -line.quantity, line.unit_price, line.unit) for line in positive
    ]
    _, subtotal, tax, total = net_totals(lines, [rate for _ in lines])

    canvas.box(0, 30, width * 0.55, 80, stroke=None, fill=(0.88, 0.88, 0.88))
    canvas.text(45, 66, rng.choice(words["titles"]), size=24, bold=True)
    canvas.text(width - 45, 50, vendor, size=12, bold=True, align="right")
    for offset, row in enumerate(names.address(rng, country), 1):
        canvas.text(width - 45, 50 + offset * 11, row, size=7.5, align="right")

    canvas.text(45, 120, f"{words['customer']}:", size=size, bold=True)
    for offset, row in enumerate(
        [names.company(rng, "us" if country == "us" else lang), *names.address(rng, country)], 1
    ):
        canvas.text(45, 120 + offset * 12, row, size=size)
    facts = [
        (words["no"], number_text),
        (words["date"], dates_style.format(dates.issue)),
        (words["orig"], f"{original} {words['of']} {dates_style.format(dates.other[0])}"),
    ]
    for offset, (label, value) in enumerate(facts):
        canvas.text(width - 250, 120 + offset * 13, label, size=size, bold=True)
        canvas.text(width - 45, 120 + offset * 13, value, size=size, align="right")
    canvas.text(45, 195, f"{words['reason']}: {rng.choice(words['reasons'])}", size=size)

    quantities = QuantityStyle("." if lang == "en" else ",")
    heads = words["cols"]
    columns = [
        Column(heads[0], 50),
        Column(heads[1], width - 230, "right"),
        Column(heads[2], width - 140, "right"),
        Column(heads[3], width - 50, "right"),
    ]
    rows = [
        [
            line.description,
            quantities.number(line.quantity),
            style.number(line.unit_price),
            style.number(line.amount),
        ]
        for line in lines
    ]
    y = draw_table(
        canvas,
        220,
        columns,
        rows,
        left=45,
        right=width - 45,
        size=size - 0.5,
        rules=rng.choice(("header", "grid")),
    )
    y += 16
    rate_text = f"{rate}" if lang == "en" else f"{rate}".replace(".", ",")
    total_label = rng.choice(words["total"])
    totals = [
        (str(words["net"]), style.amount(subtotal)),
        (f"{vat_label} {rate_text} %", style.amount(tax)),
        (total_label, style.amount(total)),
    ]
    y = total_rows(
        canvas, width - 260, width - 50, y, totals, bold={total_label}, size=size, step=15
    )
    canvas.line(width - 150, y - 10, width - 45, y - 10, width=0.5)
    canvas.line(width - 150, y - 8, width - 45, y - 8, width=0.5)
    note = {
        "en": "This amount will be refunded or offset against your next invoice.",
        "de": "Der Betrag wird mit der nächsten Rechnung verrechnet.",
        "fr": "Ce montant sera déduit de votre prochaine facture.",
    }[lang]
    canvas.text(45, y + 30, note, size=size - 1)

    fields = truth_fields(
        number=number_text,
        issue=dates.issue,
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
        "credit_note",
        canvas.pdf(title=number_text),
        style,
        dates_style,
        quantities,
        marks,
    )
