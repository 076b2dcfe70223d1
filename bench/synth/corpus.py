"""The source registry and the writer: which sources exist, and how a corpus lands on disk.

Every document gets its own `random.Random` seeded from (seed, source, index), so a document does
not change when another source or a larger `--per-source` is generated, and the same seed gives
byte-identical truth files.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

from bench.synth import raster
from bench.synth.document import Rendered
from bench.synth.sources import (
    africa_invoice,
    au_tax_invoice,
    br_nota,
    ca_invoice,
    ch_rechnung,
    construction_progress,
    credit_notes,
    cyrillic_invoice,
    cz_faktura,
    de_din5008,
    east_asia_invoice,
    el_timologio,
    en_classic,
    es_factura,
    fr_facture,
    freight_invoice,
    hotel_folio,
    hu_ro_szamla,
    in_gst_invoice,
    it_fattura,
    mena_invoice,
    multipage,
    mx_cfdi,
    nl_grid,
    nordic_faktura,
    pl_faktura,
    po_forms,
    professional_services,
    pt_fatura,
    receipt_asia,
    receipt_fr,
    receipt_nordic,
    receipt_us,
    saas_billing,
    scan_degraded,
    sea_invoice,
    tr_fatura,
    us_invoice,
    utility_bill,
)

SOURCES: dict[str, Callable[[random.Random], Rendered]] = {
    "en-classic": en_classic.build,
    "de-din5008": de_din5008.build,
    "fr-facture": fr_facture.build,
    "us-invoice": us_invoice.build,
    "nl-grid": nl_grid.build,
    "pl-faktura": pl_faktura.build,
    "ch-rechnung": ch_rechnung.build,
    "credit-notes": credit_notes.build,
    "receipt-asia": receipt_asia.build,
    "receipt-nordic": receipt_nordic.build,
    "multipage": multipage.build,
    "es-factura": es_factura.build,
    "it-fattura": it_fattura.build,
    "pt-fatura": pt_fatura.build,
    "au-tax-invoice": au_tax_invoice.build,
    "receipt-us": receipt_us.build,
    "receipt-fr": receipt_fr.build,
    "ca-invoice": ca_invoice.build,
    "nordic-faktura": nordic_faktura.build,
    "in-gst-invoice": in_gst_invoice.build,
    "cz-faktura": cz_faktura.build,
    "mx-cfdi": mx_cfdi.build,
    "hotel-folio": hotel_folio.build,
    "hu-ro-szamla": hu_ro_szamla.build,
    "saas-billing": saas_billing.build,
    "scan-degraded": scan_degraded.build,
    "el-timologio": el_timologio.build,
    "freight-invoice": freight_invoice.build,
    "po-forms": po_forms.build,
    "tr-fatura": tr_fatura.build,
    "br-nota": br_nota.build,
    "utility-bill": utility_bill.build,
    "construction-progress": construction_progress.build,
    "africa-invoice": africa_invoice.build,
    "professional-services": professional_services.build,
    "sea-invoice": sea_invoice.build,
    "cyrillic-invoice": cyrillic_invoice.build,
    "east-asia-invoice": east_asia_invoice.build,
    "mena-invoice": mena_invoice.build,
}


def document_rng(seed: int, source: str, index: int) -> random.Random:
    return random.Random(f"casefile-synth:{seed}:{source}:{index}")


def generate(source: str, index: int, seed: int) -> Rendered:
    """One document; scanned sources also get their image made from the PDF here, unless the
    source made its own (`scan-degraded`, whose capture is the subject)."""
    rng = document_rng(seed, source, index)
    rendered = SOURCES[source](rng)
    if rendered.image is not None and rendered.image_bytes is None:
        rendered.image_bytes = raster.scan(rendered.pdf, rng, fmt=rendered.image)
    return rendered


def write_source(out_dir: Path, source: str, count: int, seed: int) -> list[Path]:
    """Write `count` documents of `source` under `out_dir/source/`; returns the truth files."""
    folder = out_dir / source
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for index in range(count):
        rendered = generate(source, index, seed)
        name = f"{source}-{index:03d}"
        if rendered.image is None:
            (folder / f"{name}.pdf").write_bytes(rendered.pdf)
        else:
            assert rendered.image_bytes is not None
            (folder / f"{name}.{rendered.image}").write_bytes(rendered.image_bytes)
        truth = folder / f"{name}.json"
        truth.write_text(
            json.dumps(rendered.truth(source), indent=2, ensure_ascii=False) + "\n",
            encoding="utf-8",
        )
        written.append(truth)
    return written
