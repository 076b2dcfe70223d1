"""`receipt-fr`: French tickets de caisse from supermarkets, bakeries, pharmacies and fuel
stations.

Prices include TVA (`TTC`), so item amounts add up to `TOTAL TTC`; the TVA appears in a table
`Taux  HT  TVA  TTC` (one row per rate: 5,5 % food, 10 % prepared food, 20 % other, 2,1 %
reimbursed medicines) and, on small tickets, as a line `dont TVA 5,5 %  0,12`. The HT and TVA
figures are the subtotal and tax when one rate is used or the table prints a `Total` row. Four
layout families:

- **supermarché**: the shop's name, address, `Tél`, `SIRET 123 456 789 00012` and
  `TVA intracom FR12 345678901`, items `LAIT DEMI-ECR 1L   1,05 A` with a TVA code letter, a
  `2 x 1,25` line under multiples, remises `REMISE FIDELITE -0,50`, `TOTAL TTC` or `A PAYER`,
  `NB ARTICLES 7`, then `CB EMV` / `ESPECES` and `RENDU`, the TVA table, `Vous avez économisé`,
  and a card slip (`CARTE BANCAIRE`, `A0000000421010`, `MONTANT= 23,45 EUR`, `No AUTO`).
- **boulangerie**: a short ticket, `1 BAGUETTE TRADITION  1,30`, `dont TVA 5,5 %`, often the
  capital of the company `SARL au capital de 8 000 €` in the footer.
- **pharmacie**: a table `Désignation  Qté  P.U.  Montant` for every line (the only family
  whose truth has `line_items`), rates 2,1 % / 5,5 % / 20 %, and for some a third-party
  payment block `Part AMO`, `Part AMC`, `Reste à payer` (what the customer pays, not the total).
- **station-service**: `Pompe n° 4`, a fuel line `SP95-E10  32,15 L x 1,879 €/L  60,41` (price
  per litre with three decimals), sometimes a shop item, 20 % TVA, and the card slip.

Header lines: `Ticket n° 004512` (the receipt number; `Caisse 3`, `Hôtesse 012`, `No AUTO`, the
SIRET and the pump are decoys), date `14/03/2026 18:42` or `14/03/26 18:42:07`. Amounts
`23,45` with `€` or `EUR`. Most are scanned images, some PDFs.
"""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Literal

from bench.synth import names
from bench.synth.canvas import RECEIPT_WIDTH, Canvas
from bench.synth.common import choose
from bench.synth.document import Line, Rendered, inclusive_tax, pick_dates, price, truth_fields
from bench.synth.formats import DateStyle, MoneyStyle, QuantityStyle, money

SUPER_ITEMS = [
    ("LAIT DEMI-ECR 1L", "5.5"),
    ("BAGUETTE", "5.5"),
    ("COMTE AOP 200G", "5.5"),
    ("PATES FUSILLI 500G", "5.5"),
    ("JAMBON BLANC X4", "5.5"),
    ("EAU MINERALE 6X1,5L", "5.5"),
    ("LESSIVE LIQUIDE", "20"),
    ("PAPIER TOILETTE X12", "20"),
    ("VIN ROUGE AOC 75CL", "20"),
    ("BIERE BLONDE X6", "20"),
    ("YAOURT NATURE X8", "5.5"),
    ("SAC CABAS", "20"),
    ("TOTAL NETTOYANT", "20"),
    ("POMMES GOLDEN KG", "5.5"),
    ("CAFE MOULU 250G", "5.5"),
]
BAKERY_ITEMS = [
    ("BAGUETTE TRADITION", "5.5"),
    ("CROISSANT", "5.5"),
    ("PAIN AU CHOCOLAT", "5.5"),
    ("PAIN DE CAMPAGNE", "5.5"),
    ("TARTE AUX POMMES", "5.5"),
    ("ECLAIR CAFE", "5.5"),
    ("SANDWICH JAMBON BEURRE", "10"),
    ("CAFE", "10"),
    ("FORMULE MIDI", "10"),
]
PHARMA_ITEMS = [
    ("DOLIPRANE 1000MG CPR", "2.1"),
    ("SPASFON LYOC", "2.1"),
    ("SERUM PHYSIO 40 DOSES", "5.5"),
    ("CREME SOLAIRE SPF50", "20"),
    ("GEL HYDROALCOOLIQUE", "20"),
    ("VITAMINE C 500", "5.5"),
    ("PANSEMENTS X20", "20"),
    ("SIROP TOUX SECHE", "2.1"),
    ("BROSSE A DENTS", "20"),
]
FUELS = ("SP95-E10", "GAZOLE", "SP98", "E85")
CODES = {"5.5": "A", "10": "B", "20": "C", "2.1": "D"}


def _rate_text(rate: Decimal, *, short: bool = False) -> str:
    """`5,5` in the `dont TVA` line, `5,50` in the table."""
    text = format(rate.normalize(), "f") if short else f"{rate:.2f}"
    return text.replace(".", ",")


def _code(rate: Decimal) -> str:
    return CODES.get(format(rate.normalize(), "f"), "")


def build(rng: random.Random) -> Rendered:
    family = choose(rng, [(4, "super"), (3, "bakery"), (3, "pharma"), (3, "fuel")])
    mark = rng.choice(("€", "€", "EUR"))
    style = MoneyStyle(" ", ",", mark, symbol_after=True)
    long_year = rng.random() < 0.6
    dates_style = DateStyle("{dd}/{mm}/{yyyy}" if long_year else "{dd}/{mm}/{yy}")
    dates = pick_dates(rng, dates_style)
    canvas = Canvas(RECEIPT_WIDTH, 800, family=rng.choice(("cour", "helv", "cour")))
    size = rng.choice((7, 7.5, 8))
    step = size + 3
    left, right, centre = 10, RECEIPT_WIDTH - 10, RECEIPT_WIDTH / 2
    quantities = QuantityStyle(",")
    name = names.surname(rng, "fr")
    city = names.address(rng, "fr")
    vendor = {
        "super": rng.choice(
            (f"MARCHÉ {name.upper()}", "SUPERETTE DES LILAS", f"PROXI {name.upper()}")
        ),
        "bakery": rng.choice((f"Boulangerie {name}", f"Au Pain de {name}", "Le Fournil du Moulin")),
        "pharma": rng.choice((f"Pharmacie {name}", "Pharmacie du Centre", "Grande Pharmacie")),
        "fuel": rng.choice((f"Station {name}", "Relais des Tilleuls", f"Garage {name}")),
    }[family]
    number_text = names.digits(rng, rng.choice((4, 5, 6)))
    time_text = f"{rng.randint(7, 21):02d}:{rng.randint(0, 59):02d}"
    if not long_year:
        time_text += f":{rng.randint(0, 59):02d}"
    when = f"{dates_style.format(dates.issue)} {time_text}"

    y = 24.0

    def text(
        x: float,
        value: str,
        *,
        align: Literal["left", "right", "center"] = "left",
        grow: float = 0,
        bold: bool = False,
    ) -> None:
        canvas.text(x, y, value, size=size + grow, bold=bold, align=align)

    def row(label: str, value: str, *, bold: bool = False) -> None:
        nonlocal y
        y += step + (1.5 if bold else 0)
        text(left, label, grow=1 if bold else 0, bold=bold)
        text(right, value, align="right", grow=1 if bold else 0, bold=bold)

    def centred(value: str, *, grow: float = -0.5, bold: bool = False) -> None:
        nonlocal y
        y += step
        text(centre, value, align="center", grow=grow, bold=bold)

    y = 24.0
    text(centre, vendor, align="center", grow=3, bold=True)
    y += 2
    for part in city:
        centred(part)
    centred(f"Tél : {names.phone(rng, 'FR')}")
    siret = f"{names.digits(rng, 3)} {names.digits(rng, 3)} {names.digits(rng, 3)} " + names.digits(
        rng, 5
    )
    centred(f"SIRET {siret}")
    if family != "bakery" or rng.random() < 0.5:
        centred(f"TVA intracom FR{names.digits(rng, 2)} {names.digits(rng, 9)}")
    y += step * 0.5
    header_first = rng.random() < 0.5
    if header_first:
        y += step
        text(left, f"Ticket n° {number_text}")
        text(right, f"Caisse {rng.randint(1, 12)}", align="right")
        y += step
        text(left, when)
        text(right, f"Hôtesse {names.digits(rng, 3)}", align="right")
    dash = "-" * int((right - left) / canvas.width_of("-", size=size))
    y += step
    text(left, dash)

    # (description, quantity, unit price, rate); amounts TTC
    items: list[tuple[str, Decimal, Decimal, Decimal]] = []
    table_lines: list[Line] | None = None
    extra_gross = Decimal(0)
    saved = Decimal(0)
    if family == "fuel":
        pump = rng.randint(1, 12)
        y += step
        text(left, f"Pompe n° {pump}")
        fuel = rng.choice(FUELS)
        litres = Decimal(rng.randint(800, 6500)) / 100
        per_litre = Decimal(rng.randint(1659, 1989)) / 1000
        amount = money(litres * per_litre)
        y += step
        text(left, fuel)
        text(right, f"{style.number(amount)} C", align="right")
        y += step
        text(
            left + 8,
            f"{f'{litres:.2f}'.replace('.', ',')} L x {f'{per_litre:.3f}'.replace('.', ',')} €/L",
        )
        extra_gross += amount
        items_fuel_rate = Decimal(20)
        if rng.random() < 0.4:
            for description in rng.sample(["CAFE", "LAVAGE PRESTIGE", "LAVE-GLACE 5L"], 1):
                unit = price(rng, 1.5, 15)
                row(description, f"{style.number(unit)} C")
                items.append((description, Decimal(1), unit, items_fuel_rate))
        gross_lines = [(amount, Decimal(20))]
    elif family == "pharma":
        y += step
        text(left, "Désignation")
        text(right - 95, "Qté", align="right")
        text(right - 50, "P.U.", align="right")
        text(right, "Montant", align="right")
        table_lines = []
        for description, rate_text in rng.sample(PHARMA_ITEMS, rng.randint(1, 6)):
            qty = Decimal(choose(rng, [(7, 1), (2, 2), (1, 3)]))
            unit = price(rng, 1.8, 24)
            line = Line(description, qty, unit)
            table_lines.append(line)
            y += step
            text(left, description[:22] if len(description) > 22 else description)
            text(right - 95, quantities.number(qty), align="right")
            text(right - 50, style.number(unit), align="right")
            text(right, style.number(line.amount), align="right")
            items.append((description, qty, unit, Decimal(rate_text)))
        gross_lines = []
    else:
        pool = SUPER_ITEMS if family == "super" else BAKERY_ITEMS
        for description, rate_text in rng.sample(
            pool, rng.randint(2, 9 if family == "super" else 5)
        ):
            qty = Decimal(choose(rng, [(6, 1), (2, 2), (1, 3), (1, 6)]))
            unit = price(rng, 0.6 if family == "bakery" else 0.9, 4 if family == "bakery" else 18)
            amount = money(qty * unit)
            rate = Decimal(rate_text)
            y += step
            if family == "bakery":
                text(left, f"{quantities.number(qty)} {description}")
                text(right, style.number(amount), align="right")
                if qty > 1:
                    y += step
                    text(left + 14, f"{quantities.number(qty)} x {style.number(unit)}")
            else:
                text(left, description)
                text(right, f"{style.number(amount)} {CODES[rate_text]}", align="right")
                if qty > 1:
                    y += step
                    text(left + 14, f"{quantities.number(qty)} x {style.number(unit)}")
            items.append((description, qty, unit, rate))
            if family == "super" and rng.random() < 0.15:
                off = min(Decimal(rng.choice(("0.30", "0.50", "1.00"))), amount)
                y += step
                text(left + 14, "REMISE FIDELITE")
                text(right, f"-{style.number(off)} {CODES[rate_text]}", align="right")
                items.append(("REMISE", Decimal(1), -off, rate))
                saved += off
        gross_lines = []
    gross_lines += [(money(q * u), r) for _, q, u, r in items]
    total = sum((g for g, _ in gross_lines), Decimal(0))
    by_rate: dict[Decimal, Decimal] = {}
    for gross, rate in gross_lines:
        by_rate[rate] = by_rate.get(rate, Decimal(0)) + gross
    vat_rows = [(rate, inclusive_tax(g, rate), g) for rate, g in sorted(by_rate.items())]
    tax = sum((v for _, v, _ in vat_rows), Decimal(0))
    subtotal = total - tax
    count = sum((q for _, q, u, _ in items if u > 0), Decimal(0)) + (1 if family == "fuel" else 0)

    y += step
    text(left, dash)
    if family == "super" and rng.random() < 0.7:
        centred(f"NB ARTICLES {quantities.number(count)}", grow=0)
    label = rng.choice(("TOTAL TTC", "TOTAL TTC", "A PAYER", "TOTAL"))
    row(label, style.amount(total), bold=True)
    single = len(vat_rows) == 1
    small = family == "bakery" or (single and rng.random() < 0.3)
    if small:
        for rate, vat, _ in vat_rows:
            y += step
            text(left + 8, f"dont TVA {_rate_text(rate, short=True)} %")
            text(right, style.number(vat), align="right")
    reste = None
    if family == "pharma" and rng.random() < 0.5 and total > 10:
        amo = money(total * Decimal("0.6"))
        amc = money((total - amo) * Decimal("0.5"))
        reste = total - amo - amc
        row("Part AMO", style.number(amo))
        row("Part AMC", style.number(amc))
        row("Reste à payer", style.amount(reste), bold=True)
    paid = total if reste is None else reste
    if rng.random() < 0.7 or family == "fuel":
        row("CB EMV", style.number(paid))
    else:
        cash = next(Decimal(n) for n in (5, 10, 20, 50, 100, 200, 500, 1000) if n >= paid)
        row("ESPECES", style.number(cash))
        row("RENDU", style.number(cash - paid))
    sum_row = False
    table = not small or rng.random() < 0.4
    if table:
        y += step * 1.5
        columns = [
            ("Taux", left, "left"),
            ("HT", 100, "right"),
            ("TVA", 150, "right"),
            ("TTC", right, "right"),
        ]
        for title, x, align in columns:
            canvas.text(x, y, title, size=size - 0.5, align=align)  # type: ignore[arg-type]
        rows = [
            (
                f"{_code(rate)} {_rate_text(rate)}%".strip(),
                style.number(g - v),
                style.number(v),
                style.number(g),
            )
            for rate, v, g in vat_rows
        ]
        sum_row = len(rows) > 1 and rng.random() < 0.6
        if sum_row:
            rows.append(("Total", style.number(subtotal), style.number(tax), style.number(total)))
        for cells in rows:
            y += step
            for value, (_, x, align) in zip(cells, columns, strict=True):
                canvas.text(x, y, value, size=size - 0.5, align=align)  # type: ignore[arg-type]
    subtotal_printed = table and (single or sum_row)
    tax_printed = subtotal_printed or (small and single)
    if not header_first:
        y += step * 1.5
        text(left, f"Ticket n° {number_text}")
        text(right, f"Caisse {rng.randint(1, 12)}", align="right")
        y += step
        text(left, when)
        text(right, f"Hôtesse {names.digits(rng, 3)}", align="right")
    if saved:
        centred(f"Vous avez économisé {style.amount(saved)}", grow=0, bold=True)
    if family in ("super", "fuel") and rng.random() < 0.7:
        y += step
        centred("CARTE BANCAIRE")
        centred("CB EMV  A0000000421010")
        centred(f"LE {dates_style.format(dates.issue)} A {time_text}")
        centred(f"No AUTO: {names.digits(rng, 6)}")
        centred(f"MONTANT= {style.number(paid)} EUR", grow=0)
        centred("DEBIT  -  TICKET CLIENT A CONSERVER")
    if family == "bakery" and rng.random() < 0.6:
        centred(f"SARL au capital de {style.amount(Decimal(rng.choice((5000, 8000, 10000))))}")
    y += step
    centred(rng.choice(("MERCI DE VOTRE VISITE", "Merci et à bientôt !", "A BIENTOT")), grow=0)
    canvas.height = y + 30

    fields = truth_fields(
        number=number_text,
        issue=dates.issue,
        vendor=vendor,
        total=total,
        subtotal=subtotal if subtotal_printed else None,
        tax=tax if tax_printed else None,
        currency="EUR",
        lines=table_lines,
    )
    image: Literal["png", "jpg"] | None = choose(rng, [(5, "jpg"), (3, "png"), (2, None)])
    return Rendered(
        fields,
        "fr",
        "receipt",
        canvas.pdf(title=number_text),
        style,
        dates_style,
        quantities,
        ("€", "EUR"),
        prices_include_tax=True,
        image=image,
    )
