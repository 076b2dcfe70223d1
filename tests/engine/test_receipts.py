"""Till receipts: the unlabelled shop name, the payable total among cash lines, local money."""

from __future__ import annotations

from extraction.engine import run_engine
from extraction.engine.types import EngineInput
from extraction.schemas import demo_engine_schemas
from tests.engine.conftest import build_pdf

RECEIPT = [
    (60, 40, "SINAR PERDANA TRADING"),
    (70, 55, "NO 84, JALAN BUKIT BINTANG"),
    (70, 70, "SST REG NO: W10-2929-09783517"),
    (20, 100, "INV NO: 968722"),
    (20, 115, "DATE: 19/03/2022"),
    (20, 140, "BALL PEN BLUE"),
    (200, 140, "10.50"),
    (20, 155, "EGGS GRADE A 10S"),
    (200, 155, "30.00"),
    (20, 180, "TOTAL EXCL TAX"),
    (200, 180, "40.50"),
    (20, 195, "SST 6%"),
    (200, 195, "2.43"),
    (20, 210, "TOTAL (RM)"),
    (200, 210, "42.93"),
    (20, 225, "ROUNDING"),
    (200, 225, "0.02"),
    (20, 240, "CASH"),
    (200, 240, "50.00"),
    (20, 255, "CHANGE"),
    (200, 255, "7.05"),
]


def _fields(lines) -> dict:
    schema = demo_engine_schemas()["invoice"]
    result = run_engine(EngineInput(build_pdf([list(lines)]), "r.pdf", (schema,)))
    return {f.key: f for f in result.documents[0].fields}


def test_a_receipts_total_is_the_payable_total_not_rounding_cash_or_change():
    fields = _fields(RECEIPT)
    assert fields["total_amount"].value == "42.93"
    assert fields["subtotal_amount"].value == "40.50"
    assert fields["tax_amount"].value == "2.43"


def test_a_receipts_currency_comes_from_its_local_symbol_not_an_item_name():
    assert _fields(RECEIPT)["currency"].value == "MYR"


def test_a_receipts_unlabelled_header_line_is_the_vendor_with_doubt():
    vendor = _fields(RECEIPT)["vendor_name"]
    assert vendor.value == "SINAR PERDANA TRADING"
    assert vendor.confidence < 90


def test_a_registration_number_is_not_the_tax_amount():
    lines = [line for line in RECEIPT if not line[2].startswith(("SST 6%", "2.43"))]
    assert _fields(lines)["tax_amount"].value != "968722.00"


def test_a_bare_dollar_is_the_dollar_of_the_country_the_receipt_names():
    lines = [
        (60, 40, "LIAN SENG MART"),
        (60, 55, "12 ORCHARD ROAD, SINGAPORE 238826"),
        (20, 100, "TOTAL"),
        (200, 100, "$12.50"),
    ]
    assert _fields(lines)["currency"].value == "SGD"


def test_a_bare_dollar_without_a_country_is_usd_with_doubt():
    lines = [(60, 40, "Corner Shop"), (20, 100, "TOTAL"), (200, 100, "$12.50")]
    currency = _fields(lines)["currency"]
    assert currency.value == "USD"
    assert currency.confidence < 90
