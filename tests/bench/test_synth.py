"""bench.synth: printing conventions, arithmetic of the truth, values printed where the truth says,
determinism and the command line. A few documents per source, each generated once per run and
shared by the test processes, keep it fast."""

from __future__ import annotations

import datetime as dt
import functools
import json
import pickle
import random
import re
import unicodedata
from decimal import Decimal
from pathlib import Path

import pymupdf
import pytest
from filelock import FileLock

from bench.synth.__main__ import main
from bench.synth.canvas import A4, Canvas
from bench.synth.common import line_rates, total_rows
from bench.synth.corpus import SOURCES, generate, write_source
from bench.synth.document import Line, Rendered, net_totals, pick_dates, truth_fields
from bench.synth.formats import DateStyle, MoneyStyle, QuantityStyle

PER_SOURCE = 3
MONEY_KEYS = ("total_amount", "subtotal_amount", "tax_amount")
TEXT_KEYS = (
    "invoice_number",
    "vendor_name",
    "purchase_order_number",
    "merchant",
    "company_name",
    "email",
    "website",
    "signature",
)
"""Truth values printed as they are (addresses and phone numbers are reformatted or joined)."""


def _page_text(pdf: bytes) -> str:
    """The pages' text, NFKC-normalised: a shaped Arabic text layer holds presentation forms."""
    with pymupdf.open("pdf", pdf) as document:
        text = " ".join(page.get_text() for page in document)
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text))


def _printed(text: str, value: str) -> bool:
    return re.sub(r"\s+", " ", value) in text


@pytest.mark.parametrize(
    ("style", "value", "expected"),
    [
        (MoneyStyle(".", ",", "€", symbol_after=True), "1234.56", "1.234,56 €"),
        (MoneyStyle(" ", ",", "zł", symbol_after=True), "1234567.8", "1 234 567,80 zł"),
        (MoneyStyle("'", ".", "CHF"), "1234.5", "CHF 1'234.50"),
        (MoneyStyle(",", ".", "$", symbol_space=False), "1234.56", "$1,234.56"),
        (MoneyStyle(",", ".", negative="parens"), "-150", "(150.00)"),
        (MoneyStyle(",", ".", negative="cr"), "-150", "150.00 CR"),
        (MoneyStyle(".", ",", negative="trailing"), "-125", "125,00-"),
        (MoneyStyle(",", ".", "£", symbol_space=False), "-125", "£-125.00"),
        (MoneyStyle(",", "."), "999.995", "1,000.00"),
    ],
)
def test_money_style_prints_each_convention(style, value, expected):
    assert style.amount(Decimal(value)) == expected


def test_date_and_quantity_styles_print_each_convention():
    day = dt.date(2024, 3, 5)
    assert DateStyle("{d} {month} {yyyy}", "fr").format(day) == "5 mars 2024"
    assert DateStyle("{d}. {month} {yyyy}", "de").format(day) == "5. März 2024"
    assert DateStyle("{mm}/{dd}/{yyyy}").format(day) == "03/05/2024"
    assert DateStyle("{dd}-{mon}-{yyyy}").format(day) == "05-Mar-2024"
    assert DateStyle("{month} {d}, {yyyy}").format(day) == "March 5, 2024"
    assert DateStyle("{dd}/{mm}/{yy}").day_month_ambiguous
    assert not DateStyle("{yyyy}-{mm}-{dd}").day_month_ambiguous
    assert QuantityStyle(",").number(Decimal("2.50")) == "2,5"


def test_pick_dates_mixes_clear_settled_and_unsettled_ambiguous_issue_dates():
    style = DateStyle("{dd}/{mm}/{yyyy}")
    kinds = set()
    for seed in range(60):
        dates = pick_dates(random.Random(seed), style)
        assert dates.issue < dates.due
        if dates.issue.day > 12:
            kinds.add("clear")
        elif any(other.day > 12 for other in (dates.due, *dates.other)):
            kinds.add("settled")
        else:
            kinds.add("unsettled")
    assert kinds == {"clear", "settled", "unsettled"}


def test_net_totals_sums_the_tax_per_rate_and_adds_it_to_the_subtotal():
    lines = [
        Line("a", Decimal(1), Decimal("10.05")),
        Line("b", Decimal(1), Decimal("10.05")),
        Line("c", Decimal(3), Decimal("2.50")),
    ]
    groups, subtotal, tax, total = net_totals(lines, [Decimal(19), Decimal(19), Decimal(7)])
    assert [(group.rate, group.base, group.tax) for group in groups] == [
        (Decimal(7), Decimal("7.50"), Decimal("0.53")),
        (Decimal(19), Decimal("20.10"), Decimal("3.82")),
    ]
    assert (subtotal, tax, total) == (Decimal("27.60"), Decimal("4.35"), Decimal("31.95"))


def test_truth_fields_formats_values_and_leaves_out_what_the_page_does_not_print():
    line = Line("Beratung", Decimal("1.5"), Decimal("80"))
    fields = truth_fields(
        number="R-1",
        issue=dt.date(2024, 3, 5),
        vendor="Weber GmbH",
        total=Decimal("142.8"),
        subtotal=Decimal(120),
        tax=None,
        currency="EUR",
        lines=[line],
    )
    assert fields == {
        "invoice_number": "R-1",
        "invoice_date": "2024-03-05",
        "vendor_name": "Weber GmbH",
        "total_amount": "142.80",
        "subtotal_amount": "120.00",
        "currency": "EUR",
        "line_items": [line.truth()],
    }
    bare = truth_fields(
        number="7",
        issue=dt.date(2024, 3, 5),
        due=dt.date(2024, 4, 4),
        vendor="Holm",
        total=Decimal(5),
        subtotal=None,
        tax=None,
        currency="SEK",
    )
    printed = ["invoice_number", "invoice_date", "due_date", "vendor_name", "total_amount"]
    assert list(bare) == [*printed, "currency"]


def test_total_rows_puts_labels_at_x_amounts_right_aligned_and_bolds_the_amount_due():
    canvas = Canvas(*A4)
    rows = [("Subtotal", "100.00"), ("VAT", "20.00"), ("Total", "120.00")]
    y = total_rows(canvas, 300, 540, 400, rows, bold={"Total"}, size=9, step=15)
    assert y == 445
    texts = canvas.page.texts
    assert [(text, round(ty)) for _, ty, text, *_ in texts] == [
        ("Subtotal", 400),
        ("100.00", 400),
        ("VAT", 415),
        ("20.00", 415),
        ("Total", 430),
        ("120.00", 430),
    ]
    assert [name for _, _, _, name, *_ in texts] == ["helv"] * 4 + ["hebo"] * 2
    assert texts[0][0] == 300
    assert texts[1][0] == 540 - canvas.width_of("100.00", size=9)


def test_line_rates_mixes_rates_only_on_the_share_of_documents_that_mix():
    standard, reduced = Decimal(19), Decimal(7)
    assert line_rates(random.Random(1), 4, standard, (reduced,), mixed_share=0) == [standard] * 4
    mixed = [
        line_rates(random.Random(seed), 6, standard, (standard, reduced), mixed_share=1)
        for seed in range(5)
    ]
    assert all(set(rates) <= {standard, reduced} for rates in mixed)
    assert any(reduced in rates for rates in mixed)


DOCUMENTS = [(source, index) for source in SOURCES for index in range(PER_SOURCE)]
IDS = [f"{source}-{index}" for source, index in DOCUMENTS]


SEED = 7


@pytest.fixture(scope="session")
def shared_folder(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    """A folder every test process of this run sees, and no other run: in an xdist worker the
    base temporary folder is the worker's own `popen-gwN` inside the run's folder, so the
    parent; without workers the run's folder itself (its parent outlives the run)."""
    base = tmp_path_factory.getbasetemp()
    in_worker = hasattr(request.config, "workerinput")  # set by xdist on its workers only
    folder = (base.parent if in_worker else base) / f"synth-seed-{SEED}"
    folder.mkdir(exist_ok=True)
    return folder


@functools.cache
def _rendered(folder: Path, source: str, index: int) -> Rendered:
    """Each document is generated once per run, by the first process that needs it, and read
    from its pickle by the others (not at collection: `-k` runs stay cheap). The lock keeps two
    workers from generating one document at once."""
    path = folder / f"{source}-{index}.pickle"
    with FileLock(path.with_suffix(".lock")):
        if path.exists():
            return pickle.loads(path.read_bytes())
        rendered = generate(source, index, seed=SEED)
        partial = path.with_suffix(".partial")  # a run cut short leaves no truncated pickle
        partial.write_bytes(pickle.dumps(rendered))
        partial.replace(path)
    return rendered


@pytest.fixture
def rendered(shared_folder: Path, source: str, index: int) -> Rendered:
    return _rendered(shared_folder, source, index)


def test_there_are_at_least_eight_sources_in_several_languages_and_kinds(shared_folder):
    assert len(SOURCES) >= 8
    documents = [_rendered(shared_folder, source, index) for source, index in DOCUMENTS]
    languages = {rendered.language for rendered in documents}
    kinds = {rendered.kind for rendered in documents}
    assert {"en", "de", "fr", "nl", "pl"} <= languages
    assert kinds == {"invoice", "credit_note", "receipt", "purchase_order"}


@pytest.mark.parametrize(("source", "index"), DOCUMENTS, ids=IDS)
def test_truth_is_internally_consistent(source, index, rendered):
    fields = rendered.fields
    money = {key: Decimal(fields[key]) for key in MONEY_KEYS if key in fields}
    for key in money:
        assert re.fullmatch(r"-?\d+\.\d\d", fields[key]), key
    if {"subtotal_amount", "tax_amount"} <= money.keys():
        assert money["subtotal_amount"] + money["tax_amount"] == money["total_amount"]
    rows = fields.get("line_items", [])
    for row in rows:
        product = Decimal(row["quantity"]) * Decimal(row["unit_price"])
        assert Decimal(row["amount"]) == product.quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
    if rows:
        lines_sum = sum(Decimal(row["amount"]) for row in rows)
        target = "total_amount" if rendered.prices_include_tax else "subtotal_amount"
        assert lines_sum == Decimal(fields[target])
    if rendered.case_type == "invoice":
        assert re.fullmatch(r"[A-Z]{3}", fields["currency"])
    for key in ("invoice_date", "due_date", "order_date"):
        if key in fields:
            dt.date.fromisoformat(fields[key])
    if rendered.kind == "credit_note":
        assert money["total_amount"] < 0
    truth = rendered.truth(source)
    assert truth["case_type"] == (
        "purchase_order" if rendered.kind == "purchase_order" else "invoice"
    )
    assert truth["source"] == f"synth:{source}"


@pytest.mark.parametrize(("source", "index"), DOCUMENTS, ids=IDS)
def test_every_truth_value_is_printed_in_the_documents_format(source, index, rendered):
    """PyMuPDF's own text of the PDF (for scans: the PDF the image was rendered from) holds each
    truth value formatted the way this document prints it."""
    text = _page_text(rendered.pdf)
    fields = rendered.fields
    missing = []
    for key in TEXT_KEYS:
        if key in fields and not _printed(text, fields[key]):
            missing.append((key, fields[key]))
    for key in ("invoice_date", "due_date", "order_date"):
        if key in fields:
            printed = rendered.date_style(key).format(dt.date.fromisoformat(fields[key]))
            if not _printed(text, printed):
                missing.append((key, printed))
    for key in MONEY_KEYS:
        if key in fields:
            printed = rendered.money.number(Decimal(fields[key]))
            if not _printed(text, printed):
                missing.append((key, printed))
    if not any(mark in text for mark in rendered.currency_marks):
        missing.append(("currency", rendered.currency_marks))
    for row in fields.get("line_items", []):
        printed = [
            row["description"],
            rendered.quantities.number(Decimal(row["quantity"])),
            rendered.money.number(Decimal(row["unit_price"])),
            rendered.money.number(Decimal(row["amount"])),
        ]
        missing += [("line_items", value) for value in printed if not _printed(text, value)]
    assert not missing, missing


@pytest.mark.parametrize(("source", "index"), DOCUMENTS, ids=IDS)
def test_scanned_documents_are_images_of_their_pdf(source, index, rendered):
    if rendered.image is None:
        return
    assert rendered.image_bytes is not None
    magic = b"\x89PNG" if rendered.image == "png" else b"\xff\xd8\xff"
    assert rendered.image_bytes.startswith(magic)


def test_same_seed_gives_identical_files_and_another_seed_other_documents(tmp_path):
    for run in ("a", "b", "c"):
        for source in ("de-din5008", "receipt-asia"):
            write_source(tmp_path / run, source, 2, seed=1 if run != "c" else 2)
    files = sorted(path.relative_to(tmp_path / "a") for path in (tmp_path / "a").rglob("*.*"))
    assert files
    for relative in files:
        assert (tmp_path / "a" / relative).read_bytes() == (tmp_path / "b" / relative).read_bytes()
    truth = "de-din5008/de-din5008-000.json"
    assert (tmp_path / "a" / truth).read_bytes() != (tmp_path / "c" / truth).read_bytes()


def test_command_writes_a_folder_per_source_with_documents_beside_truth(tmp_path, capsys):
    main(
        [
            str(tmp_path),
            "--per-source",
            "1",
            "--seed",
            "3",
            "--source",
            "multipage",
            "--source",
            "receipt-nordic",
        ]
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["multipage", "receipt-nordic"]
    for folder in tmp_path.iterdir():
        truth_files = list(folder.glob("*.json"))
        assert len(truth_files) == 1
        document = [path for path in folder.iterdir() if path.suffix in (".pdf", ".png", ".jpg")]
        assert [path.stem for path in document] == [truth_files[0].stem]
        truth = json.loads(truth_files[0].read_text(encoding="utf-8"))
        assert set(truth) == {"case_type", "fields", "source", "language", "kind"}
    with pymupdf.open(tmp_path / "multipage" / "multipage-000.pdf") as document:
        assert document.page_count >= 2
    assert "multipage" in capsys.readouterr().out


def test_a_nordic_receipt_paid_in_cash_over_the_largest_note_is_still_made():
    """Seed 5, document 7 totals more than 1000 and is paid in cash: the change is counted
    from the next hundred (generating it used to stop the whole corpus)."""
    rendered = generate("receipt-nordic", 7, seed=5)
    assert rendered.fields["total_amount"]
