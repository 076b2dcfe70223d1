"""`fr-facture`: a French facture from a small firm (SARL, SAS, EURL).

The title block top right (`FACTURE`, `N° F2024-0153`, `Date : 5 mars 2024`), the client in a
framed block, a fully ruled `Désignation / Qté / P.U. HT / TVA / Montant HT` table, then
`Total HT`, `TVA 20 %` (or several rates), `Total TTC` and sometimes an `Acompte versé` with a
`Net à payer` that differs from the TTC total. Amounts `1 234,56 €` (space, narrow no-break
space or dot grouping). The legal footer carries the share capital, SIRET, RCS, the intra-EU VAT
number and the statutory 40 € recovery indemnity, all decoys.
"""

from __future__ import annotations

import random
from decimal import Decimal

from bench.synth import names
from bench.synth.canvas import A4, Canvas
from bench.synth.common import Column, draw_table, line_rates, make_lines, number, total_rows
from bench.synth.document import Rendered, net_totals, pick_dates, truth_fields
from bench.synth.formats import DateStyle, MoneyStyle, QuantityStyle, money


def build(rng: random.Random) -> Rendered:
    grouping = rng.choice((" ", "\u202f", ".", " "))
    mark = rng.choice(("€", "€", "EUR"))
    style = MoneyStyle(grouping, ",", mark, symbol_after=True)
    dates_style = rng.choice(
        (DateStyle("{d} {month} {yyyy}", "fr"), DateStyle("{dd}/{mm}/{yyyy}", "fr"))
    )
    dates = pick_dates(rng, dates_style, due_days=(30, 45, 60))
    canvas = Canvas(*A4, family=rng.choice(("helv", "tiro", "tiro")))
    size = rng.choice((8.5, 9, 9.5))
    vendor = names.company(rng, "fr")
    number_text = number(
        rng,
        rng.choice(
            ("F{yyyy}-####", "FA-######", f"{{yyyy}}{dates.issue.month:02d}-###", "FAC/{yy}/####")
        ),
        dates.issue.year,
    )
    lines = make_lines(rng, "fr", rng.randint(1, 8), high=rng.choice((60, 300, 900)))
    rates = line_rates(
        rng, len(lines), Decimal(20), (Decimal(20), Decimal(10), Decimal("5.5")), mixed_share=0.2
    )
    groups, subtotal, tax, total = net_totals(lines, rates)

    canvas.text(50, 62, vendor, size=14, bold=True)
    for offset, row in enumerate(
        [*names.address(rng, "fr"), f"Tél. : {names.phone(rng, 'FR')}"], 1
    ):
        canvas.text(50, 62 + offset * 11, row, size=size - 0.5)
    canvas.text(545, 62, "FACTURE", size=22, bold=True, align="right")
    canvas.text(545, 82, f"N° {number_text}", size=size + 1, align="right")
    canvas.text(545, 96, f"Date : {dates_style.format(dates.issue)}", size=size, align="right")

    canvas.box(320, 130, 545, 205)
    canvas.text(
        328, 143, rng.choice(("Client :", "Adressé à :", "Facturé à :")), size=size - 1, bold=True
    )
    client = [
        names.company(rng, "fr"),
        f"À l'attention de {names.person(rng, 'fr')}",
        *names.address(rng, "fr"),
    ]
    for offset, row in enumerate(client, 1):
        canvas.text(328, 143 + offset * 12, row, size=size)
    refs = [
        f"Réf. client : C{names.digits(rng, 5)}",
        f"Bon de commande : BC-{names.digits(rng, 4)}",
        f"Date de livraison : {dates_style.format(dates.other[0])}",
    ]
    for offset, row in enumerate(refs):
        canvas.text(50, 150 + offset * 12, row, size=size - 0.5)

    quantities = QuantityStyle(",")
    columns = [
        Column("Désignation", 56),
        Column("Qté", 320, "right"),
        Column("P.U. HT", 395, "right"),
        Column("TVA", 440, "right"),
        Column("Montant HT", 538, "right"),
    ]
    rows = [
        [
            line.description,
            quantities.number(line.quantity),
            style.number(line.unit_price),
            f"{str(rate).replace('.', ',')} %",
            style.number(line.amount),
        ]
        for line, rate in zip(lines, rates, strict=True)
    ]
    y = draw_table(
        canvas,
        235,
        columns,
        rows,
        left=50,
        right=545,
        size=size - 0.5,
        rules="grid",
        header_fill=(0.88, 0.88, 0.92),
    )

    y += 16
    totals = [("Total HT", style.amount(subtotal))]
    for group in groups:
        totals.append((f"TVA {str(group.rate).replace('.', ',')} %", style.amount(group.tax)))
    tax_printed = len(groups) == 1 or rng.random() < 0.6
    if len(groups) > 1 and tax_printed:
        totals.append(("Total TVA", style.amount(tax)))
    totals.append(("Total TTC", style.amount(total)))
    if rng.random() < 0.25:
        deposit = money(total * Decimal("0.3"))
        totals += [
            ("Acompte versé", style.amount(-deposit)),
            ("Net à payer", style.amount(total - deposit)),
        ]
    elif rng.random() < 0.5:
        totals.append(("Net à payer", style.amount(total)))
    y = total_rows(canvas, 360, 538, y, totals, bold={"Total TTC", "Net à payer"}, size=size)

    due_printed = rng.random() < 0.8
    y += 18
    if due_printed:
        label = rng.choice(("Date d'échéance", "Échéance", "À régler avant le"))
        canvas.text(50, y, f"{label} : {dates_style.format(dates.due)}", size=size)
    else:
        canvas.text(50, y, "Conditions de paiement : à réception de facture", size=size)
    canvas.text(50, y + 13, f"Règlement par virement : IBAN {names.iban(rng, 'FR')}", size=size - 1)
    canvas.text(50, y + 26, "Escompte pour paiement anticipé : néant.", size=size - 1)

    siren = f"{names.digits(rng, 3)} {names.digits(rng, 3)} {names.digits(rng, 3)}"
    city = rng.choice(("Lyon", "Nantes", "Bordeaux", "Lille"))
    capital = rng.choice((1000, 7500, 10000, 50000))
    legal = [
        "En cas de retard de paiement, pénalités au taux de 3 fois le taux d'intérêt légal ; "
        f"indemnité forfaitaire pour frais de recouvrement : {style.amount(Decimal(40))}.",
        f"{vendor} au capital de {style.amount(Decimal(capital)).replace(',00', '')} - "
        f"RCS {city} {siren} - "
        f"SIRET {siren} {names.digits(rng, 5)} - TVA intracommunautaire {names.vat_id(rng, 'FR')}",
    ]
    for offset, row in enumerate(legal):
        canvas.text(297, 790 + offset * 10, row, size=6.3, align="center")

    fields = truth_fields(
        number=number_text,
        issue=dates.issue,
        due=dates.due if due_printed else None,
        vendor=vendor,
        total=total,
        subtotal=subtotal,
        tax=tax if tax_printed else None,
        currency="EUR",
        lines=lines,
    )
    return Rendered(
        fields,
        "fr",
        "invoice",
        canvas.pdf(title=number_text),
        style,
        dates_style,
        quantities,
        ("€", "EUR"),
    )
