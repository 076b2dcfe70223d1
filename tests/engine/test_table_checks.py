"""Table checks: row arithmetic, the sum against the subtotal, required cells, confidence."""

from __future__ import annotations

from extraction.engine.table_checks import (
    FAILED_CHECK_CAP,
    REQUIRED_CELL_MISSING,
    ROW_ARITHMETIC,
    SUM_MISMATCH,
    UNREADABLE_CELL,
    check_table,
)
from extraction.engine.types import CellResult, ColumnSpec, FieldResult, FieldSpec

SPEC = FieldSpec(
    "line_items",
    "Line items",
    "table",
    columns=(
        ColumnSpec("description", "Description", "text", required=True),
        ColumnSpec("quantity", "Quantity", "number"),
        ColumnSpec("unit_price", "Unit price", "money"),
        ColumnSpec("amount", "Amount", "money", required=True),
    ),
)


def _cell(value: str | None, confidence: int = 95, text: str | None = None) -> CellResult:
    return CellResult(value, value if text is None else text, confidence if value else 0)


def _row(description, quantity, price, amount, confidence=95) -> dict[str, CellResult]:
    return {
        "description": _cell(description, confidence),
        "quantity": _cell(quantity, confidence),
        "unit_price": _cell(price, confidence),
        "amount": _cell(amount, confidence),
    }


def _table(*rows: dict[str, CellResult]) -> FieldResult:
    return FieldResult("line_items", None, "", 95, 1, None, tuple(rows))


def _subtotal(value: str) -> dict[str, FieldResult]:
    return {"subtotal_amount": FieldResult("subtotal_amount", value, value, 95)}


def _issues(result: FieldResult) -> set[tuple[int, str, str]]:
    return {
        (index, key, issue)
        for index, row in enumerate(result.rows)
        for key, cell in row.items()
        for issue in cell.issues
    }


def test_a_table_whose_rows_and_sum_check_out_keeps_its_weakest_cells_confidence():
    table = _table(
        _row("Screws", "10", "1.50", "15.00", 97), _row("Plugs", "100", "0.05", "5.00", 93)
    )
    checked = check_table(table, SPEC, _subtotal("20.00"))
    assert _issues(checked) == set()
    assert checked.confidence == 93


def test_a_row_whose_quantity_times_price_is_not_its_amount_marks_its_three_cells():
    table = _table(_row("Screws", "10", "1.50", "15.00"), _row("Plugs", "100", "0.05", "50.00"))
    checked = check_table(table, SPEC, {})
    assert _issues(checked) == {
        (1, "quantity", ROW_ARITHMETIC),
        (1, "unit_price", ROW_ARITHMETIC),
        (1, "amount", ROW_ARITHMETIC),
    }
    assert checked.confidence <= FAILED_CHECK_CAP


def test_row_arithmetic_allows_rounding_of_a_printed_unit_price():
    # 3 × 3.333 printed as 3.33 = 9.99, billed 10.00.
    checked = check_table(_table(_row("Hours", "3", "3.33", "10.00")), SPEC, {})
    assert _issues(checked) == set()


def test_amounts_that_do_not_add_up_to_the_subtotal_mark_the_amount_column():
    table = _table(_row("Screws", "10", "1.50", "15.00"), _row("Plugs", "100", "0.05", "5.00"))
    checked = check_table(table, SPEC, _subtotal("25.00"))
    assert _issues(checked) == {(0, "amount", SUM_MISMATCH), (1, "amount", SUM_MISMATCH)}
    assert checked.confidence <= FAILED_CHECK_CAP


def test_an_empty_required_cell_is_marked_and_drives_the_confidence_to_zero():
    table = _table(_row("Screws", "10", "1.50", "15.00"), _row("Plugs", None, None, None))
    checked = check_table(table, SPEC, {})
    assert (1, "amount", REQUIRED_CELL_MISSING) in _issues(checked)
    assert checked.confidence == 0


def test_text_that_does_not_parse_as_its_column_type_is_marked_unreadable():
    row = _row("Screws", "10", "1.50", "15.00")
    row["quantity"] = CellResult(None, "ten", 0)
    checked = check_table(_table(row), SPEC, {})
    assert (0, "quantity", UNREADABLE_CELL) in _issues(checked)


def test_a_table_without_rows_is_returned_unchanged():
    empty = FieldResult("line_items", None, "", 0)
    assert check_table(empty, SPEC, _subtotal("10.00")) is empty


def test_a_number_cell_missing_from_a_column_other_rows_fill_holds_the_table():
    # OCR missed one row's quantity: the rows that were read check, the missing one cannot.
    gap = _table(
        _row("Doliprane", "", "7.81", "7.81"),
        _row("Spasfon", "1", "8.87", "8.87"),
        _row("Gel", "1", "20.50", "20.50"),
    )
    assert check_table(gap, SPEC, {}).confidence < 90
    full = _table(
        _row("Doliprane", "1", "7.81", "7.81"),
        _row("Spasfon", "1", "8.87", "8.87"),
        _row("Gel", "1", "20.50", "20.50"),
    )
    assert check_table(full, SPEC, {}).confidence == 95


def test_a_row_with_an_amount_alone_is_no_missed_cell():
    # A shipping line prints no quantity or price: nothing was missed.
    table = _table(
        _row("Widget A", "2", "10.00", "20.00"),
        _row("Widget B", "3", "5.00", "15.00"),
        _row("Shipping", "", "", "7.50"),
    )
    assert check_table(table, SPEC, {}).confidence == 95
