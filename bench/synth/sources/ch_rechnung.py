"""`ch-rechnung`: a Swiss invoice (German or French) with a QR-bill payment part at the foot.

Swiss letters put the address window on the RIGHT; the invoice facts sit on the left. Amounts
use the apostrophe (`CHF 1'234.50`), VAT is `MWST 8.1 %` (7.7 % before 2024) or `TVA 8,1 %`,
the due date is often only a sentence (`Zahlbar innert 30 Tagen`, no date printed), and the
QR-bill below the scissors line repeats the total in its own format (`1 234.50`, space grouping)
beside `Währung CHF` / `Monnaie CHF`, the creditor IBAN and a 27-digit reference. Decoys: the
order date, UID number, customer number and the QR reference.
"""

from __future__ import annotations

import random
from decimal import Decimal

from bench.synth import names
from bench.synth.canvas import A4, Canvas
from bench.synth.common import Column, draw_table, make_lines, number, total_rows
from bench.synth.document import Rendered, net_totals, pick_dates, truth_fields
from bench.synth.formats import DateStyle, MoneyStyle, QuantityStyle

LABELS = {
    "de": {
        "title": "Rechnung",
        "no": "Rechnung Nr.",
        "date": "Datum",
        "customer": "Kunden-Nr.",
        "order": "Ihre Bestellung vom",
        "pos": "Pos.",
        "desc": "Bezeichnung",
        "qty": "Menge",
        "price": "Preis",
        "total": "Total CHF",
        "net": "Total exkl. MWST",
        "vat": "MWST",
        "gross": "Total inkl. MWST",
        "due": "Zahlbar bis",
        "terms": "Zahlbar innert {n} Tagen netto.",
        "receipt": "Empfangsschein",
        "pay": "Zahlteil",
        "account": "Konto / Zahlbar an",
        "ref": "Referenz",
        "currency": "Währung",
        "amount": "Betrag",
        "by": "Zahlbar durch",
    },
    "fr": {
        "title": "Facture",
        "no": "Facture n°",
        "date": "Date",
        "customer": "N° client",
        "order": "Votre commande du",
        "pos": "Pos.",
        "desc": "Désignation",
        "qty": "Quantité",
        "price": "Prix",
        "total": "Total CHF",
        "net": "Total hors TVA",
        "vat": "TVA",
        "gross": "Total TVA incluse",
        "due": "Payable jusqu'au",
        "terms": "Payable à {n} jours net.",
        "receipt": "Récépissé",
        "pay": "Section paiement",
        "account": "Compte / Payable à",
        "ref": "Référence",
        "currency": "Monnaie",
        "amount": "Montant",
        "by": "Payable par",
    },
}


def _qr_rows(
    canvas: Canvas,
    x: float,
    y: float,
    rows: list[tuple[str, list[str]]],
    *,
    sizes: tuple[float, float],
    steps: tuple[float, float],
) -> None:
    """The account, reference and payer rows that both parts of the QR-bill print, each part at
    its own scale: `sizes` is (heading, value), `steps` is (line to line, gap after a row)."""
    for label, values in rows:
        canvas.text(x, y, label, size=sizes[0], bold=True)
        for value in values:
            y += steps[0]
            canvas.text(x, y, value, size=sizes[1])
        y += steps[1]


def build(rng: random.Random) -> Rendered:
    lang = "fr" if rng.random() < 0.3 else "de"
    words = LABELS[lang]
    style = MoneyStyle("'", ".", "CHF", symbol_after=False)
    qr_style = MoneyStyle(" ", ".", "")
    dates_style = DateStyle("{dd}.{mm}.{yyyy}", lang)
    dates = pick_dates(rng, dates_style, due_days=(10, 30))
    canvas = Canvas(*A4, family=rng.choice(("helv", "helv", "tiro")))
    size = rng.choice((8.5, 9, 9.5))
    vendor = names.company(rng, "ch")
    if lang == "fr" and vendor.endswith(("AG", "GmbH")):
        vendor = vendor.rsplit(" ", 1)[0] + " Sàrl"
    vendor_address = names.address(rng, "ch")
    number_text = number(rng, rng.choice(("{yyyy}-####", "R-#####", "######")), dates.issue.year)
    standard = Decimal("8.1") if dates.issue.year >= 2024 else Decimal("7.7")
    lines = make_lines(rng, "ch", rng.randint(1, 7), high=rng.choice((90, 400, 2400)))
    rates = [standard for _ in lines]
    _, subtotal, tax, total = net_totals(lines, rates)

    canvas.text(57, 60, vendor, size=15, bold=True)
    canvas.text(
        57, 73, f"{vendor_address[0]}, {vendor_address[1]} · {names.phone(rng, 'CH')}", size=7.5
    )
    canvas.text(57, 84, names.vat_id(rng, "CH"), size=7.5)
    window = [names.company(rng, "ch"), names.person(rng, "ch"), *names.address(rng, "ch")]
    for offset, row in enumerate(window):
        canvas.text(334, 142 + offset * 12.5, row, size=size + 0.5)
    canvas.text(57, 150, words["title"], size=18, bold=True)
    info = [
        (words["no"], number_text),
        (f"{words['date']}:", dates_style.format(dates.issue)),
        (words["customer"], names.digits(rng, 6)),
        (words["order"], dates_style.format(dates.other[0])),
    ]
    for offset, (label, value) in enumerate(info):
        canvas.text(57, 172 + offset * 12, label, size=size)
        canvas.text(175, 172 + offset * 12, value, size=size)

    quantities = QuantityStyle(".")
    columns = [
        Column(words["pos"], 57),
        Column(words["desc"], 85),
        Column(words["qty"], 360, "right"),
        Column(words["price"], 450, "right"),
        Column(words["total"], 538, "right"),
    ]
    rows = [
        [
            str(i * 10),
            line.description,
            quantities.number(line.quantity),
            style.number(line.unit_price),
            style.number(line.amount),
        ]
        for i, line in enumerate(lines, 1)
    ]
    y = draw_table(
        canvas,
        250,
        columns,
        rows,
        left=55,
        right=540,
        size=size - 0.5,
        rules=rng.choice(("header", "none")),
    )
    y += 14
    vat_text = f"{standard}" if lang == "de" else f"{standard}".replace(".", ",")
    totals = [
        (words["net"], style.number(subtotal)),
        (f"{words['vat']} {vat_text} %", style.number(tax)),
        (words["gross"], style.amount(total)),
    ]
    y = total_rows(canvas, 330, 538, y, totals, bold={words["gross"]}, size=size)
    due_printed = rng.random() < 0.5
    sentence = (
        f"{words['due']} {dates_style.format(dates.due)}."
        if due_printed
        else words["terms"].format(n=(dates.due - dates.issue).days)
    )
    canvas.text(57, y + 20, sentence, size=size)

    # QR-bill payment part: receipt (left) and payment part (right) below a scissors line.
    top = 540
    canvas.line(0, top, 595, top, width=0.4, color=(0.3, 0.3, 0.3))
    canvas.line(176, top, 176, 842, width=0.4, color=(0.3, 0.3, 0.3))
    iban = names.iban(rng, "CH")
    reference = " ".join([names.digits(rng, 2)] + [names.digits(rng, 5) for _ in range(5)])
    for x, heading in ((14, words["receipt"]), (190, words["pay"])):
        canvas.text(x, top + 22, heading, size=11, bold=True)
    qr_rows = [
        (words["account"], [iban, vendor, *vendor_address]),
        (words["ref"], [reference]),
        (words["by"], [window[0], *window[2:]]),
    ]
    _qr_rows(canvas, 14, top + 40, qr_rows, sizes=(6, 7.5), steps=(9, 12))
    canvas.text(14, 760, words["currency"], size=6, bold=True)
    canvas.text(60, 760, words["amount"], size=6, bold=True)
    canvas.text(14, 772, "CHF", size=8)
    canvas.text(60, 772, qr_style.number(total), size=8)
    canvas.box(190, top + 40, 326, top + 176, stroke=(0, 0, 0), width=0.8)
    canvas.text(258, top + 112, "QR", size=20, bold=True, align="center", color=(0.75, 0.75, 0.75))
    canvas.text(190, 740, words["currency"], size=7, bold=True)
    canvas.text(240, 740, words["amount"], size=7, bold=True)
    canvas.text(190, 753, "CHF", size=9)
    canvas.text(240, 753, qr_style.number(total), size=9)
    _qr_rows(canvas, 340, top + 40, qr_rows, sizes=(7, 8.5), steps=(10, 13))

    fields = truth_fields(
        number=number_text,
        issue=dates.issue,
        due=dates.due if due_printed else None,
        vendor=vendor,
        total=total,
        subtotal=subtotal,
        tax=tax,
        currency="CHF",
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
        ("CHF",),
    )
