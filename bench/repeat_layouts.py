"""`python -m bench.repeat_layouts OUT_DIR [--vendors N] [--per-vendor M] [--seed S] [--scan]`.

Invoices from a handful of vendors, several per vendor: what accounts payable sees and what
`manage.py evaluate --learn` measures layout memory on. A vendor fixes its layout once (its own
label words, where its header block and totals sit, label beside or above the value, its number
and date formats, a decoy or two, its VAT id and IBAN in the footer); each of its invoices
changes the values, the customer and the number of line items, which moves the totals down the
page. Written to `OUT_DIR/<vendor-slug>/NAME.pdf` beside `NAME.json` in `evaluate`'s format,
with `"layout"` naming the vendor. With `--scan` every invoice is written as a page image
instead (`NAME.png`), each scanned with its own jitter (`jittered_scan`: shifted by up to 3% of
the page, scaled by up to 4%, turned by up to 1.5 degrees, grey paper, blur and noise), so
that documents of one layout never sit at the same place twice: what memory must align.
Development tooling: Casefile never imports it.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import numpy as np
import pymupdf
from PIL import Image, ImageFilter

from bench.synth import names
from bench.synth.canvas import A4, Canvas

LABELS = {
    "en": {
        "invoice_number": ("Invoice No.", "Document no.", "Our reference", "Bill #", "Ref."),
        "invoice_date": ("Invoice date", "Issued", "Bill date", "Document date", "Date"),
        "due_date": ("Due date", "Pay by", "Payable until", "Settle by"),
        "subtotal_amount": ("Subtotal", "Net", "Goods value", "Net value"),
        "tax_amount": ("VAT 20%", "Sales tax", "Tax", "VAT"),
        "total_amount": ("Total", "Amount payable", "Please pay", "Balance", "Gross"),
        "decoys": ("Customer no.", "Order no.", "Delivery note", "Account"),
    },
    "de": {
        "invoice_number": ("Rechnungsnummer", "Beleg-Nr.", "Unser Zeichen", "Rechnung Nr."),
        "invoice_date": ("Rechnungsdatum", "Datum", "Belegdatum", "Ausgestellt am"),
        "due_date": ("Fällig am", "Zahlbar bis", "Fälligkeit"),
        "subtotal_amount": ("Nettobetrag", "Warenwert", "Summe netto", "Zwischensumme"),
        "tax_amount": ("MwSt 19%", "USt. 19 %", "Umsatzsteuer"),
        "total_amount": ("Gesamtbetrag", "Zu zahlen", "Endbetrag", "Rechnungsbetrag"),
        "decoys": ("Kundennummer", "Auftragsnummer", "Lieferschein", "Bestellung"),
    },
    "fr": {
        "invoice_number": ("Facture n°", "N° de pièce", "Référence", "Numéro"),
        "invoice_date": ("Date de facture", "Date", "Émise le"),
        "due_date": ("Échéance", "À régler avant le", "Date limite"),
        "subtotal_amount": ("Total HT", "Montant HT", "Sous-total"),
        "tax_amount": ("TVA 20 %", "TVA", "Montant TVA"),
        "total_amount": ("Total TTC", "Net à payer", "Montant TTC"),
        "decoys": ("N° client", "Commande", "Bon de livraison"),
    },
}
COUNTRY = {"en": "GB", "de": "DE", "fr": "FR"}
RATE = {"en": Decimal(20), "de": Decimal(19), "fr": Decimal(20)}
CURRENCY = {"en": ("GBP", "£"), "de": ("EUR", "€"), "fr": ("EUR", "€")}
ITEMS = ("Consulting hours", "Widget A", "Service fee", "Licence", "Cable set", "Support plan")


@dataclass(frozen=True)
class Vendor:
    slug: str
    lang: str
    name: str
    address: tuple[str, ...]
    vat: str
    iban: str
    labels: dict[str, str]
    decoys: tuple[str, ...]
    header_x: float
    value_dx: float
    below: bool
    name_at: str
    totals_x: float
    number_pattern: str
    date_format: str
    size: float
    family: str


def vendor(rng: random.Random, index: int) -> Vendor:
    lang = rng.choice(("en", "de", "fr"))
    table = LABELS[lang]
    country = COUNTRY[lang]
    name = names.company(rng, lang if lang != "en" else "en")
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:30]
    return Vendor(
        slug=f"{index:02d}-{slug}",
        lang=lang,
        name=name,
        address=tuple(names.address(rng, lang)),
        vat=names.vat_id(rng, country),
        iban=names.iban(rng, country),
        labels={key: rng.choice(options) for key, options in table.items() if key != "decoys"},
        decoys=tuple(rng.sample(table["decoys"], 2)),
        header_x=rng.choice((60.0, 330.0, 360.0)),
        value_dx=rng.choice((95.0, 110.0, 125.0)),
        below=rng.random() < 0.3,
        name_at=rng.choice(("left", "right", "centre")),
        totals_x=rng.choice((380.0, 400.0, 420.0)),
        number_pattern=rng.choice(("INV-#####", "####/{yy}", "{yyyy}-###", "R######", "A-####-B")),
        date_format=rng.choice(("{dd}.{mm}.{yyyy}", "{dd}/{mm}/{yyyy}", "{yyyy}-{mm}-{dd}"))
        if lang != "en"
        else rng.choice(("{dd}/{mm}/{yyyy}", "{yyyy}-{mm}-{dd}", "{d} {mon} {yyyy}")),
        size=rng.choice((9.0, 9.5, 10.0)),
        family=rng.choice(("helv", "tiro")),
    )


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _date(value: date, pattern: str) -> str:
    return (
        pattern.replace("{dd}", f"{value.day:02d}")
        .replace("{d}", str(value.day))
        .replace("{mm}", f"{value.month:02d}")
        .replace("{mon}", MONTHS[value.month - 1])
        .replace("{yyyy}", str(value.year))
    )


def _number(rng: random.Random, pattern: str, year: int) -> str:
    text = pattern.replace("{yyyy}", str(year)).replace("{yy}", f"{year % 100:02d}")
    return "".join(str(rng.randint(0, 9)) if ch == "#" else ch for ch in text)


def _money(amount: Decimal, lang: str) -> str:
    text = f"{amount:,.2f}"
    if lang == "en":
        return text
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def invoice(v: Vendor, rng: random.Random) -> tuple[bytes, dict[str, str]]:
    canvas = Canvas(*A4, family=v.family)
    size = v.size
    if v.name_at == "left":
        canvas.text(60, 60, v.name, size=16, bold=True)
    elif v.name_at == "right":
        canvas.text(535, 60, v.name, size=16, bold=True, align="right")
    else:
        canvas.text(297, 60, v.name, size=16, bold=True, align="center")
    canvas.text(
        60 if v.name_at != "right" else 535,
        74,
        " · ".join(v.address),
        size=7,
        align="left" if v.name_at != "right" else "right",
    )
    customer = names.company(rng, v.lang)
    window_x = 330.0 if v.header_x < 200 else 60.0
    for offset, row in enumerate((customer, *names.address(rng, v.lang))):
        canvas.text(window_x, 130 + offset * 12, row, size=size)
    issue = date(2024, 1, 1) + timedelta(days=rng.randint(0, 360))
    due = issue + timedelta(days=rng.choice((14, 30)))
    number = _number(rng, v.number_pattern, issue.year)
    header = [
        (v.labels["invoice_number"], number),
        (v.decoys[0], str(rng.randint(10000, 99999))),
        (v.labels["invoice_date"], _date(issue, v.date_format)),
        (v.labels["due_date"], _date(due, v.date_format)),
    ]
    y = 130.0
    for label, value in header:
        canvas.text(v.header_x, y, label, size=size, bold=v.below)
        if v.below:
            canvas.text(v.header_x, y + 12, value, size=size)
            y += 28
        else:
            canvas.text(v.header_x + v.value_dx, y, value, size=size)
            y += 14
    y = max(y, 200.0) + 30
    canvas.text(
        60,
        y,
        {"en": "Description", "de": "Bezeichnung", "fr": "Désignation"}[v.lang],
        size=size,
        bold=True,
    )
    canvas.text(
        535,
        y,
        {"en": "Amount", "de": "Betrag", "fr": "Montant"}[v.lang],
        size=size,
        bold=True,
        align="right",
    )
    canvas.line(60, y + 4, 535, y + 4)
    subtotal = Decimal(0)
    for _ in range(rng.randint(1, 8)):
        y += 15
        amount = Decimal(rng.randint(500, 90000)) / 100
        subtotal += amount
        canvas.text(60, y, rng.choice(ITEMS), size=size)
        canvas.text(535, y, _money(amount, v.lang), size=size, align="right")
    tax = (subtotal * RATE[v.lang] / 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
    total = subtotal + tax
    code, symbol = CURRENCY[v.lang]
    y += 30
    for key, amount in (
        ("subtotal_amount", subtotal),
        ("tax_amount", tax),
        ("total_amount", total),
    ):
        bold = key == "total_amount"
        label_x = min(v.totals_x, 455 - canvas.width_of(v.labels[key], size=size, bold=bold))
        canvas.text(label_x, y, v.labels[key], size=size, bold=bold)
        canvas.text(
            535, y, f"{_money(amount, v.lang)} {symbol}", size=size, bold=bold, align="right"
        )
        y += 15
    canvas.text(60, 780, f"{v.name} · VAT {v.vat} · IBAN {v.iban}", size=7)
    canvas.text(60, 790, f"{v.decoys[1]}: {rng.randint(100, 999)}", size=7)
    truth = {
        "invoice_number": number,
        "invoice_date": issue.isoformat(),
        "due_date": due.isoformat(),
        "vendor_name": v.name,
        "subtotal_amount": f"{subtotal:.2f}",
        "tax_amount": f"{tax:.2f}",
        "total_amount": f"{total:.2f}",
        "currency": code,
    }
    return canvas.pdf(title=number), truth


def jittered_scan(pdf: bytes, rng: random.Random, *, dpi: int = 150) -> bytes:
    """The first page as a PNG scan placed a little differently each time: on a sheet of the
    page's size, shifted (up to 3% of the width either way), scaled (0.96-1.04) and turned
    (up to 1.5 degrees), on grey paper with a light blur and sensor noise."""
    scale = rng.uniform(0.96, 1.04)
    with pymupdf.open("pdf", pdf) as document:
        page = document[0]
        sheet = (round(page.rect.width * dpi / 72), round(page.rect.height * dpi / 72))
        zoom = dpi / 72 * scale
        pixmap = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), colorspace=pymupdf.csGRAY)
        printed = Image.frombytes("L", (pixmap.width, pixmap.height), pixmap.samples)
    paper = rng.randint(215, 240)
    image = Image.new("L", sheet, 255)
    dx = round(rng.uniform(-0.03, 0.03) * sheet[0])
    dy = round(rng.uniform(-0.03, 0.03) * sheet[0])
    image.paste(printed, (dx, dy))
    image = image.rotate(
        rng.uniform(-1.5, 1.5), resample=Image.Resampling.BICUBIC, fillcolor=255, expand=False
    )
    pixels = np.asarray(image, dtype=np.float32) / 255.0
    pixels = 25 + pixels * (paper - 25)
    noise = np.random.default_rng(rng.getrandbits(32))
    pixels += noise.normal(0, rng.uniform(2, 5), pixels.shape).astype(np.float32)
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "L")
    image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.7)))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def write(
    out_dir: Path, vendors: int, per_vendor: int, seed: int, *, scan: bool = False
) -> list[Path]:
    written = []
    for index in range(vendors):
        v = vendor(random.Random(f"repeat-layouts:{seed}:vendor:{index}"), index)
        folder = out_dir / v.slug
        folder.mkdir(parents=True, exist_ok=True)
        for n in range(per_vendor):
            pdf, truth = invoice(v, random.Random(f"repeat-layouts:{seed}:{index}:{n}"))
            name = f"{v.slug}-{n:02d}"
            if scan:
                jitter = random.Random(f"repeat-layouts:{seed}:{index}:{n}:scan")
                (folder / f"{name}.png").write_bytes(jittered_scan(pdf, jitter))
            else:
                (folder / f"{name}.pdf").write_bytes(pdf)
            record = {"case_type": "invoice", "fields": truth, "layout": v.slug}
            (folder / f"{name}.json").write_text(json.dumps(record, indent=2, ensure_ascii=False))
            written.append(folder / f"{name}.json")
    return written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.repeat_layouts", description=__doc__)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--vendors", type=int, default=8)
    parser.add_argument("--per-vendor", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--scan", action="store_true", help="Write each invoice as a jittered page image."
    )
    options = parser.parse_args(argv)
    written = write(
        options.out_dir, options.vendors, options.per_vendor, options.seed, scan=options.scan
    )
    print(f"{len(written)} documents of {options.vendors} vendors -> {options.out_dir}")


if __name__ == "__main__":
    main()
