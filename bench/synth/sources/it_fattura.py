"""`it-fattura`: an Italian fattura, as a firm's invoicing program prints it or as the courtesy copy
of the electronic invoice (FatturaPA) that went through the SdI.

Two layouts. `gestionale`: the cedente top left (`P.IVA 01234567890 - C.F. ...`, REA and a `Cap.
Soc. € 10.000,00 i.v.` for companies), the cessionario in a box on the right after `Spett.le` (with
`Cod. destinatario` or PEC), then either a ruled row of boxes with the label above the value (`TIPO
DOCUMENTO / NUMERO / DATA / COD. CLIENTE / PAG.`) or one title line `FATTURA N. 45 del 5 marzo 2024`
(number and date in one line, the date sometimes in words), a `Codice / Descrizione / U.M. / Q.tà /
Prezzo / Sc.% / Importo / IVA` table, a `Riepilogo IVA` box (`Aliquota / Imponibile / Imposta`)
beside the totals (`Totale imponibile`, `Totale IVA`, `TOTALE DOCUMENTO`) and `Scadenze`.
`fatturapa`: the two boxes `Cedente/prestatore (fornitore)` and `Cessionario/committente (cliente)`
with `Identificativo fiscale ai fini IVA`, `Codice fiscale`, `Denominazione` (or `Cognome nome:
Esposito Marco` for a professional), `Regime fiscale`; ruled tables `Tipologia documento / Art. 73 /
Numero documento / Data documento / Codice destinatario` (`TD01 fattura`), the lines (`Quantità`
`1,00`, `%IVA` `22,00`, no currency marks, `Divisa: EUR`), `RIEPILOGHI IVA E TOTALI` (one rate),
`Importo bollo / ... / Totale documento`, `Modalità pagamento / IBAN / Istituto / Data scadenza /
Importo`. Amounts `1.234,56` with `€` before or after; dates `05/03/2024`, `05.03.2024`, `5 marzo
2024` or `05-03-2024`; IVA 22 %, mixed with 10 % and 4 % on a quarter of the `gestionale` company
invoices.

Decoys and awkward parts: P.IVA, codice fiscale, REA and share capital; a plain progressive number
(`45`) beside a customer code, an order `Vs. ordine n. ... del ...` and a `DDT n. ... del ...`
(fattura differita), sometimes as description-only rows inside the item table; a `Periodo di
riferimento` and `Scadenza contratto` on service invoices (dates, not the due date); professionals
with a `Ritenuta d'acconto 20%` and a `Netto a pagare` below the total; split payment to public
bodies (`Scissione dei pagamenti art. 17-ter DPR 633/72`, `Netto a pagare` = the taxable amount, a
`CIG`); the regime forfettario (no IVA, `Operazione senza applicazione dell'IVA ...`, `Imposta di
bollo assolta in modo virtuale` with the 2,00 stamp added to `Totale documento`, so the truth has no
tax); payment by `Ri.Ba. 30/60 gg` with two due dates and half amounts (no single due date, none in
the truth) or `Rimessa diretta`; the payment amount, which is the amount to pay, not the document
total; `Documento privo di valenza fiscale` and `Contributo CONAI` notes. About a third are scanned
images.
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
from collections.abc import Sequence
from decimal import Decimal
from typing import Literal

from bench.synth import names
from bench.synth.canvas import A4, Canvas
from bench.synth.common import Column, choose, draw_table, line_rates, total_rows
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

GREY = (0.4, 0.4, 0.4)
FILL = (0.9, 0.9, 0.9)
SURNAMES = [
    "Rossi",
    "Russo",
    "Ferrari",
    "Esposito",
    "Bianchi",
    "Romano",
    "Colombo",
    "Ricci",
    "Marino",
    "Greco",
    "Bruno",
    "Gallo",
    "Conti",
    "De Luca",
    "Mancini",
    "Costa",
    "Giordano",
    "Rizzo",
    "Lombardi",
    "Moretti",
]
FIRST = [
    "Marco",
    "Giulia",
    "Luca",
    "Francesca",
    "Andrea",
    "Chiara",
    "Matteo",
    "Sara",
    "Davide",
    "Elena",
    "Paolo",
    "Silvia",
]
NOUNS = [
    "Impianti Elettrici",
    "Costruzioni",
    "Trasporti",
    "Tipografia",
    "Informatica",
    "Ferramenta",
    "Serramenti",
    "Termoidraulica",
    "Arredamenti",
    "Forniture Ufficio",
    "Edilizia",
]
FORMS = ["S.r.l.", "S.r.l.", "S.p.A.", "S.n.c.", "S.a.s.", "S.r.l.s."]
CITIES = [
    ("Milano", "MI", "201"),
    ("Roma", "RM", "001"),
    ("Torino", "TO", "101"),
    ("Bologna", "BO", "401"),
    ("Firenze", "FI", "501"),
    ("Napoli", "NA", "801"),
    ("Padova", "PD", "351"),
    ("Verona", "VR", "371"),
    ("Bergamo", "BG", "241"),
    ("Brescia", "BS", "251"),
]
STREETS = [
    "Via Roma",
    "Via Garibaldi",
    "Corso Vittorio Emanuele II",
    "Viale Europa",
    "Via G. Mazzini",
    "Piazza della Repubblica",
    "Via dell'Industria",
    "Via Nazionale",
    "Via dei Mille",
]
ITEMS = [
    ("Consulenza tecnica", "h"),
    ("Sedia da ufficio nera", "pz"),
    ("Carta A4 risma 500 fogli", "cf"),
    ("Manutenzione caldaia", "nr"),
    ("Manodopera installazione", "h"),
    ("Staffa in acciaio 40 mm", "pz"),
    ("Spese di trasporto", "nr"),
    ("Toner nero compatibile", "pz"),
    ("Licenza software annuale", "nr"),
    ("Fascette 200 mm (conf. 100)", "cf"),
    ("Pannello LED 60x60", "pz"),
    ("Progettazione grafica", "h"),
    ("Cavo FG16OR16 3G2,5", "m"),
    ("Sopralluogo tecnico", "nr"),
]
SERVICES = [
    ("Prestazione professionale", "nr"),
    ("Consulenza tecnica", "h"),
    ("Redazione pratica edilizia", "nr"),
    ("Sopralluogo tecnico", "nr"),
    ("Assistenza fiscale", "h"),
    ("Progettazione grafica", "h"),
    ("Direzione lavori", "nr"),
    ("Rilievo topografico", "nr"),
]
BANKS = ["Banca Intesa Sanpaolo", "UniCredit S.p.A.", "Banco BPM", "BPER Banca", "Credem"]


def _courtesy_box(
    canvas: Canvas,
    top: float,
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    size: float,
) -> float:
    """One ruled box of the FatturaPA courtesy copy (shaded header, 13 pt rows, full width);
    returns its bottom."""
    return draw_table(
        canvas,
        top,
        columns,
        rows,
        left=50,
        right=545,
        size=size,
        rules="grid",
        header_fill=FILL,
        row_height=13,
    )


def _digits(rng: random.Random, count: int) -> str:
    return names.digits(rng, count)


def _codice_fiscale(rng: random.Random) -> str:
    letters = "ABCDEFGHLMNPRSTVZ"
    head = "".join(rng.choice(letters) for _ in range(6))
    return (
        f"{head}{_digits(rng, 2)}{rng.choice('ABCDEHLMPRST')}{rng.randint(1, 71):02d}"
        f"{rng.choice('ABCDEFGHLM')}{_digits(rng, 3)}{rng.choice(letters)}"
    )


def _iban(rng: random.Random, spaced: bool) -> str:
    raw = f"IT{rng.randint(10, 99)}{rng.choice('ABCDEFGHJKLMNPX')}{_digits(rng, 22)}"
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4)) if spaced else raw


def _place(rng: random.Random) -> tuple[str, str, str, str]:
    """Street line, CAP, city, province code."""
    city, province, cap = rng.choice(CITIES)
    n = rng.randint(1, 160)
    street = f"{rng.choice(STREETS)}, {n}" if rng.random() < 0.6 else f"{rng.choice(STREETS)} {n}/B"
    return street, f"{cap}{rng.randint(0, 9)}{rng.randint(0, 9)}", city, province


def _company(rng: random.Random) -> str:
    a, b = rng.sample(SURNAMES, 2)
    noun = rng.choice(NOUNS)
    form = rng.choice(FORMS)
    return rng.choice(
        (f"{noun} {a} {form}", f"{a} {noun} {form}", f"{a} & {b} {form}", f"{noun} {a} & C. {form}")
    )


def _lines(rng: random.Random, pool: list[tuple[str, str]], count: int, high: float) -> list[Line]:
    picks = rng.sample(pool, min(count, len(pool)))
    return [Line(text, quantity(rng), price(rng, 5, high), unit) for text, unit in picks]


def _end_of_month(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def build(rng: random.Random) -> Rendered:
    layout = rng.choice(("gestionale", "gestionale", "fatturapa"))
    if layout == "fatturapa":
        style = MoneyStyle(".", ",", "")
        numeric: DateStyle = DateStyle("{dd}-{mm}-{yyyy}", "it")
        quantities: QuantityStyle = FixedQuantity(",")
    else:
        after = rng.random() < 0.35
        style = MoneyStyle(".", ",", "€", symbol_after=after)
        numeric = DateStyle(
            rng.choice(("{dd}/{mm}/{yyyy}", "{dd}/{mm}/{yyyy}", "{dd}.{mm}.{yyyy}")), "it"
        )
        quantities = FixedQuantity(",") if rng.random() < 0.5 else QuantityStyle(",")
    dates = pick_dates(rng, numeric, due_days=(30, 60))
    canvas = Canvas(*A4, family=rng.choice(("helv", "helv", "tiro", "cour")))
    size = rng.choice((7.5, 8, 8.5))

    kind = rng.choice(("company", "company", "company", "pro", "forfettario"))
    first, surname = rng.choice(FIRST), rng.choice(SURNAMES)
    if kind == "company":
        vendor = _company(rng)
        partita = _digits(rng, 11)
        fiscal = partita
    else:
        title = rng.choice(("Studio Tecnico Ing.", "Dott.", "Geom.", "Arch."))
        vendor = f"{title} {first} {surname}" if layout == "gestionale" else f"{surname} {first}"
        partita = _digits(rng, 11)
        fiscal = _codice_fiscale(rng)
    public_client = kind != "forfettario" and rng.random() < 0.2
    if public_client:
        client = rng.choice(
            (
                f"Comune di {rng.choice(CITIES)[0]}",
                "Azienda Sanitaria Locale",
                "Istituto Comprensivo Statale",
            )
        )
    else:
        client = _company(rng)

    pool = ITEMS if kind == "company" else SERVICES
    lines = _lines(rng, pool, rng.randint(1, 6), rng.choice((80, 400, 1500)))
    if kind == "forfettario":
        rates = [Decimal(0)] * len(lines)
    elif kind == "pro" or layout == "fatturapa":
        rates = [Decimal(22)] * len(lines)
    else:
        rates = line_rates(
            rng,
            len(lines),
            Decimal(22),
            (Decimal(22), Decimal(22), Decimal(10), Decimal(4)),
            mixed_share=0.25,
        )
    groups, subtotal, tax, total = net_totals(lines, rates)
    bollo = Decimal("2.00") if kind == "forfettario" and subtotal > Decimal("77.47") else None
    document_total = total + (bollo or Decimal(0))
    ritenuta = money(subtotal * Decimal("0.2")) if kind == "pro" and not public_client else None
    split = public_client
    payable = document_total
    if ritenuta is not None:
        payable -= ritenuta
    if split:
        payable -= tax

    year = dates.issue.year
    number_text = rng.choice(
        (
            str(rng.randint(1, 480)),
            f"{rng.randint(1, 480)}/{year}",
            f"{rng.randint(1, 480)}/A",
            f"FPR {rng.randint(1, 99)}/{year % 100:02d}",
            f"{year}/FE/{rng.randint(1, 2400):06d}",
        )
    )
    order = (f"{_digits(rng, 4)}", dates.other[0])
    ddt = (str(rng.randint(1, 900)), dates.other[0] + dt.timedelta(days=rng.randint(0, 1)))
    differita = kind == "company" and rng.random() < 0.4
    service_period = kind != "company" and rng.random() < 0.5

    method = rng.choice(("bonifico", "bonifico", "riba2", "rimessa"))
    if split or kind != "company":
        method = rng.choice(("bonifico", "bonifico", "rimessa"))
    due = dates.due
    dffm = method == "bonifico" and layout == "gestionale" and rng.random() < 0.4
    if dffm:
        due = _end_of_month(dates.issue + dt.timedelta(days=30))
    due_printed = method == "bonifico"
    iban = _iban(rng, spaced=layout == "gestionale")
    bank = rng.choice(BANKS)
    overrides: dict[str, DateStyle] = {}
    street, cap, city, province = _place(rng)
    c_street, c_cap, c_city, c_province = _place(rng)
    sdi = "".join(rng.choice("ABCDEFGHKLMNPRSTUVWXZ0123456789") for _ in range(7))

    if layout == "gestionale":
        y = _gestionale_head(
            canvas,
            rng,
            size,
            vendor,
            kind,
            partita,
            fiscal,
            (street, cap, city, province),
            client,
            (c_street, c_cap, c_city, c_province),
            sdi,
            public_client,
        )
        if rng.random() < 0.5:
            cells = [
                ("TIPO DOCUMENTO", "Fattura differita" if differita else "Fattura"),
                ("NUMERO", number_text),
                ("DATA", numeric.format(dates.issue)),
                ("COD. CLIENTE", f"C{_digits(rng, 5)}"),
                ("PAG.", "1/1"),
            ]
            widths = [110, 95, 85, 85, 40]
            x = 50
            canvas.box(50, y, 545, y + 11, stroke=None, fill=FILL)
            canvas.box(50, y, 545, y + 27)
            for (label, value), width in zip(cells, widths, strict=True):
                if x > 50:
                    canvas.line(x, y, x, y + 27, width=0.5)
                canvas.text(x + 4, y + 8, label, size=6, bold=True)
                canvas.text(x + 4, y + 22, value, size=size + 0.5)
                x += width
            y += 44
        else:
            long_date = rng.random() < 0.5
            issue_style = DateStyle("{d} {month} {yyyy}", "it") if long_date else numeric
            if long_date:
                overrides["invoice_date"] = issue_style
            title = "FATTURA DIFFERITA" if differita else "FATTURA"
            joiner = rng.choice(("N.", "n.", "nr."))
            canvas.text(
                50,
                y + 8,
                f"{title} {joiner} {number_text} del {issue_style.format(dates.issue)}",
                size=13,
                bold=True,
            )
            y += 30
        refs = [f"Vs. ordine n. {order[0]} del {numeric.format(order[1])}"]
        if service_period:
            start = dates.issue.replace(day=1) - dt.timedelta(days=1)
            refs.append(
                f"Periodo di riferimento: dal {numeric.format(start.replace(day=1))} "
                f"al {numeric.format(start)}"
            )
            refs.append(f"Scadenza contratto: {numeric.format(dt.date(year, 12, 31))}")
        if public_client:
            refs.append(f"CIG: Z{_digits(rng, 2)}{rng.choice('ABCDEF')}{_digits(rng, 7)}")
        for row in refs:
            canvas.text(50, y, row, size=size)
            y += 11
        pay_label = {
            "bonifico": "Bonifico bancario 30 gg d.f.f.m."
            if dffm
            else "Bonifico bancario 30 gg d.f.",
            "riba2": "Ri.Ba. 30/60 gg d.f.",
            "rimessa": "Rimessa diretta vista fattura",
        }[method]
        canvas.text(50, y + 2, f"Pagamento: {pay_label}", size=size, bold=True)
        canvas.text(300, y + 2, f"Banca: {bank}", size=size)
        if method != "riba2":
            canvas.text(300, y + 13, f"IBAN: {iban}", size=size)
        y += 30

        columns = [
            Column("Codice", 52),
            Column("Descrizione", 105),
            Column("U.M.", 300),
            Column("Q.tà", 360, "right"),
            Column("Prezzo", 420, "right"),
            Column("Sc.%", 450, "right"),
            Column("Importo", 510, "right"),
            Column("IVA", 540, "right"),
        ]
        rows = []
        if differita:
            rows.append(
                ["", f"DDT n. {ddt[0]} del {numeric.format(ddt[1])}", "", "", "", "", "", ""]
            )
        for line, rate in zip(lines, rates, strict=True):
            rows.append(
                [
                    f"{rng.choice('ABFKMT')}{_digits(rng, 5)}",
                    line.description,
                    line.unit,
                    quantities.number(line.quantity),
                    style.number(line.unit_price),
                    "",
                    style.number(line.amount),
                    "N2.2" if kind == "forfettario" else str(rate),
                ]
            )
        y = draw_table(
            canvas, y, columns, rows, left=48, right=545, size=size - 0.5, rules="header"
        )

        base_top = max(y + 30, 590)
        summary = [
            [
                str(g.rate) if kind != "forfettario" else "N2.2",
                f"{g.rate}%" if kind != "forfettario" else "Non soggetta",
                style.number(g.base),
                style.number(g.tax),
            ]
            for g in groups
        ]
        canvas.text(50, base_top - 6, "Riepilogo IVA", size=size, bold=True)
        draw_table(
            canvas,
            base_top,
            [
                Column("Cod.", 54),
                Column("Aliquota", 84),
                Column("Imponibile", 210, "right"),
                Column("Imposta", 270, "right"),
            ],
            summary,
            left=50,
            right=280,
            size=size - 0.5,
            rules="grid",
            header_fill=FILL,
            row_height=13,
        )
        totals = [("Totale imponibile", style.amount(subtotal))]
        if kind != "forfettario":
            totals.append(("Totale IVA", style.amount(tax)))
        if bollo is not None:
            totals.append(("Imposta di bollo", style.amount(bollo)))
        totals.append(("TOTALE DOCUMENTO", style.amount(document_total)))
        if ritenuta is not None:
            totals.append(("Ritenuta d'acconto 20%", style.amount(-ritenuta)))
        if split:
            totals.append(("IVA scissione pagamenti", style.amount(-tax)))
        if ritenuta is not None or split:
            totals.append(("NETTO A PAGARE", style.amount(payable)))
        canvas.box(320, base_top, 545, base_top + 8 + 14 * len(totals))
        yb = total_rows(
            canvas,
            328,
            538,
            base_top + 14,
            totals,
            bold={"TOTALE DOCUMENTO", "NETTO A PAGARE"},
            size=size,
        )
        y = max(yb, base_top + 18 + 13 * (len(summary) + 1)) + 16
        if method == "bonifico":
            label = rng.choice(("Scadenza:", "Scadenze:", "Data scadenza:"))
            canvas.text(50, y, f"{label} {numeric.format(due)}  {style.amount(payable)}", size=size)
            y += 12
        elif method == "riba2":
            half = money(payable / 2)
            second = due + dt.timedelta(days=30)
            canvas.text(
                50,
                y,
                f"Scadenze: {numeric.format(due)} {style.amount(half)} - "
                f"{numeric.format(second)} {style.amount(payable - half)}",
                size=size,
            )
            y += 12
        notes = _notes(kind, split, bollo)
        for row in notes:
            canvas.text(50, y, row, size=size - 1)
            y += 10
        footer = [
            "Copia di cortesia: documento privo di valenza fiscale ai sensi dell'art. 21 "
            "DPR 633/72. "
            "L'originale è stato trasmesso tramite SdI.",
        ]
        if kind == "company":
            footer.insert(0, "Contributo ambientale CONAI assolto ove dovuto.")
        for offset, row in enumerate(footer):
            canvas.text(297, 800 + offset * 9, row, size=6, align="center", color=GREY)
    else:
        y = _fatturapa_head(
            canvas,
            size,
            vendor,
            kind,
            partita,
            fiscal,
            (street, cap, city, province),
            client,
            (c_street, c_cap, c_city, c_province),
            public_client,
            rng,
        )
        y = draw_table(
            canvas,
            y,
            [
                Column("Tipologia documento", 54),
                Column("Art. 73", 160),
                Column("Numero documento", 215),
                Column("Data documento", 330),
                Column("Codice destinatario", 440),
            ],
            [["TD01 fattura", "", number_text, numeric.format(dates.issue), sdi]],
            left=50,
            right=545,
            size=size - 0.5,
            rules="grid",
            header_fill=FILL,
            row_height=13,
        )
        canvas.text(50, y + 6, "Divisa: EUR", size=size - 1)
        y += 20
        rows = []
        if rng.random() < 0.35:
            ref = f"Vs. ordine n. {order[0]} del {numeric.format(order[1])}"
            rows.append(["", ref, "", "", "", "", "", ""])
        for line, rate in zip(lines, rates, strict=True):
            rows.append(
                [
                    f"{_digits(rng, 6)}" if kind == "company" else "",
                    line.description,
                    quantities.number(line.quantity),
                    style.number(line.unit_price),
                    line.unit.upper(),
                    "",
                    style.number(rate),
                    style.number(line.amount),
                ]
            )
        y = _courtesy_box(
            canvas,
            y,
            [
                Column("Cod. articolo", 54),
                Column("Descrizione", 110),
                Column("Quantità", 320, "right"),
                Column("Prezzo unitario", 385, "right"),
                Column("UM", 392),
                Column("Sconto o magg.", 470, "right"),
                Column("%IVA", 500, "right"),
                Column("Prezzo totale", 543, "right"),
            ],
            rows,
            size - 1,
        )
        y += 10
        canvas.text(50, y, "RIEPILOGHI IVA E TOTALI", size=size, bold=True)
        y += 4
        esig = "S (scissione dei pagamenti)" if split else "I (esigibilità immediata)"
        summary = [
            [
                "N2.2 Non soggette - art. 1 c. 54-89 L. 190/2014"
                if kind == "forfettario"
                else esig,
                style.number(g.rate),
                "",
                "",
                style.number(g.base),
                style.number(g.tax),
            ]
            for g in groups
        ]
        y = _courtesy_box(
            canvas,
            y,
            [
                Column("esigibilità iva / riferimenti normativi", 54),
                Column("%IVA", 290, "right"),
                Column("Spese accessorie", 370, "right"),
                Column("Arr.", 400, "right"),
                Column("Totale imponibile", 475, "right"),
                Column("Totale imposta", 543, "right"),
            ],
            summary,
            size - 1,
        )
        y = _courtesy_box(
            canvas,
            y + 2,
            [
                Column("Importo bollo", 54),
                Column("Sconto/Maggiorazione", 180),
                Column("Arr.", 330),
                Column("Totale documento", 543, "right"),
            ],
            [
                [
                    style.number(bollo) if bollo is not None else "",
                    "",
                    "",
                    style.number(document_total),
                ]
            ],
            size - 1,
        )
        if ritenuta is not None:
            y = _courtesy_box(
                canvas,
                y + 6,
                [
                    Column("Dati ritenuta d'acconto", 54),
                    Column("Aliquota ritenuta", 400, "right"),
                    Column("Importo ritenuta", 543, "right"),
                ],
                [["A - Prestazioni di lavoro autonomo", "20,00", style.number(ritenuta)]],
                size - 1,
            )
        pay_rows = []
        if method == "bonifico":
            pay_rows.append(
                ["MP05 bonifico", iban, bank, numeric.format(due), style.number(payable)]
            )
        elif method == "riba2":
            half = money(payable / 2)
            pay_rows.append(["MP12 RIBA", "", bank, numeric.format(due), style.number(half)])
            second = due + dt.timedelta(days=30)
            pay_rows.append(
                ["MP12 RIBA", "", bank, numeric.format(second), style.number(payable - half)]
            )
        else:
            pay_rows.append(["MP01 contanti", "", "", "", style.number(payable)])
        y = _courtesy_box(
            canvas,
            y + 6,
            [
                Column("Modalità pagamento", 54),
                Column("IBAN", 140),
                Column("Istituto", 290),
                Column("Data scadenza", 400),
                Column("Importo", 543, "right"),
            ],
            pay_rows,
            size - 1,
        )
        for row in _notes(kind, split, bollo):
            y += 10
            canvas.text(50, y, row, size=size - 1.5)

    fields = truth_fields(
        number=number_text,
        issue=dates.issue,
        due=due if due_printed else None,
        vendor=vendor,
        total=document_total,
        subtotal=subtotal,
        tax=None if kind == "forfettario" else tax,
        currency="EUR",
        lines=lines,
    )
    image: Literal["png", "jpg"] | None = choose(rng, [(7, None), (2, "jpg"), (1, "png")])
    return Rendered(
        fields,
        "it",
        "invoice",
        canvas.pdf(title=number_text),
        style,
        numeric,
        quantities,
        ("€", "EUR"),
        image=image,
        date_overrides=overrides,
    )


def _notes(kind: str, split: bool, bollo: Decimal | None) -> list[str]:
    notes = []
    if kind == "forfettario":
        notes.append(
            "Operazione senza applicazione dell'IVA ai sensi dell'art. 1, commi 54-89, L. 190/2014 "
            "(regime forfettario)."
        )
        notes.append(
            "Compenso non soggetto a ritenuta d'acconto ai sensi dell'art. 1, comma 67, "
            "L. 190/2014."
        )
        if bollo is not None:
            notes.append(
                "Imposta di bollo assolta in modo virtuale ai sensi dell'art. 15 DPR 642/72."
            )
    if split:
        notes.append(
            "Scissione dei pagamenti - art. 17-ter DPR 633/72: IVA versata dal cessionario."
        )
    return notes


def _gestionale_head(
    canvas: Canvas,
    rng: random.Random,
    size: float,
    vendor: str,
    kind: str,
    partita: str,
    fiscal: str,
    place: tuple[str, str, str, str],
    client: str,
    c_place: tuple[str, str, str, str],
    sdi: str,
    public_client: bool,
) -> float:
    street, cap, city, province = place
    canvas.text(50, 62, vendor, size=13, bold=True)
    ids = (
        f"C.F. e P.IVA {partita}"
        if fiscal == partita and rng.random() < 0.5
        else f"P.IVA {partita} - C.F. {fiscal}"
    )
    rows = [
        street,
        f"{cap} {city} ({province})",
        ids,
        f"Tel. 0{rng.randint(2, 99)} {_digits(rng, 7)}",
    ]
    if kind == "company":
        capital = rng.choice(("10.000,00", "50.000,00", "100.000,00"))
        rows.append(f"Cap. Soc. € {capital} i.v. - R.E.A. {province}-{_digits(rng, 6)}")
    else:
        rows.append(f"PEC: {vendor.split()[-1].lower()}@pec.it")
    for offset, row in enumerate(rows, 1):
        canvas.text(50, 62 + offset * 10.5, row, size=size)
    c_street, c_cap, c_city, c_province = c_place
    canvas.text(330, 70, "Spett.le", size=size - 0.5, color=GREY)
    canvas.box(325, 76, 545, 150)
    client_rows = [client, c_street, f"{c_cap} {c_city} ({c_province})"]
    client_rows.append(f"C.F. {_digits(rng, 11)}" if public_client else f"P.IVA {_digits(rng, 11)}")
    client_rows.append(
        f"Codice univoco ufficio: UF{_digits(rng, 4)}"
        if public_client
        else f"Cod. destinatario: {sdi}"
    )
    for offset, row in enumerate(client_rows, 1):
        canvas.text(332, 78 + offset * 12, row, size=size + 0.5, bold=offset == 1)
    return 175


def _fatturapa_head(
    canvas: Canvas,
    size: float,
    vendor: str,
    kind: str,
    partita: str,
    fiscal: str,
    place: tuple[str, str, str, str],
    client: str,
    c_place: tuple[str, str, str, str],
    public_client: bool,
    rng: random.Random,
) -> float:
    blocks = []
    street, cap, city, province = place
    regime = "RF19 (forfettario)" if kind == "forfettario" else "RF01 (ordinario)"
    name_label = "Denominazione:" if kind == "company" else "Cognome nome:"
    blocks.append(
        (
            "Cedente/prestatore (fornitore)",
            [
                f"Identificativo fiscale ai fini IVA: IT{partita}",
                f"Codice fiscale: {fiscal}",
                f"{name_label} {vendor}",
                f"Regime fiscale: {regime}",
                f"Indirizzo: {street}",
                f"Comune: {city} Provincia: {province}",
                f"Cap: {cap} Nazione: IT",
            ],
        )
    )
    c_street, c_cap, c_city, c_province = c_place
    client_ids = (
        [f"Codice fiscale: {_digits(rng, 11)}"]
        if public_client
        else [
            f"Identificativo fiscale ai fini IVA: IT{_digits(rng, 11)}",
            f"Codice fiscale: {_digits(rng, 11)}",
        ]
    )
    blocks.append(
        (
            "Cessionario/committente (cliente)",
            [
                *client_ids,
                f"Denominazione: {client}",
                f"Indirizzo: {c_street}",
                f"Comune: {c_city} Provincia: {c_province}",
                f"Cap: {c_cap} Nazione: IT",
            ],
        )
    )
    for x, (title, rows) in zip((50, 302), blocks, strict=True):
        canvas.box(x, 48, x + 243, 150, width=0.6)
        canvas.box(x, 48, x + 243, 61, stroke=None, fill=FILL)
        canvas.text(x + 5, 58, title, size=size, bold=True)
        for offset, row in enumerate(rows, 1):
            canvas.text(x + 5, 60 + offset * 11.5, row, size=size - 1)
    return 170
