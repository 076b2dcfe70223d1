"""Checks on a table field's rows, and the table's confidence that follows from its cells.

Called by `run_engine` after the table reader (`tables.py`) and the summary fields (`fields.py`)
are done. A table is only as trustworthy as its weakest cell, and arithmetic printed on the page
is evidence a machine can check: each row's quantity × unit price should equal its amount (up to
rounding of the printed unit price), and the amounts should add up to the subtotal. Failed checks
are recorded on the cells (`CellResult.issues`) so that the gate holds the table and the review
page shows where; they also cap the table's confidence. Pure: frozen results in, frozen out.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal, InvalidOperation

from extraction.engine.types import CellResult, FieldResult, FieldSpec

ROW_ARITHMETIC = "row_arithmetic"
"""quantity × unit price differs from the row's amount by more than rounding."""
SUM_MISMATCH = "sum_mismatch"
"""The row amounts do not add up to the document's subtotal."""
REQUIRED_CELL_MISSING = "required_cell_missing"
"""A cell of a required column is empty."""
UNREADABLE_CELL = "unreadable_cell"
"""A cell holds text that does not parse as its column's type."""
CELL_ISSUES = (ROW_ARITHMETIC, SUM_MISMATCH, REQUIRED_CELL_MISSING, UNREADABLE_CELL)

FAILED_CHECK_CAP = 40
"""Highest confidence a table with a failed check may publish: below any sensible threshold."""
SUBTOTAL_KEYS = ("subtotal_amount", "net_amount", "subtotal")

_QUANTITY = ("quantity", "qty", "count", "units")
_UNIT_PRICE = ("unit_price", "price", "rate", "unit_cost")
_AMOUNT = ("amount", "line_total", "total", "net_amount", "line_amount")


def column_role(key: str) -> str | None:
    """`quantity`, `unit_price` or `amount` for the columns row arithmetic uses, by key."""
    for role, names in (("quantity", _QUANTITY), ("unit_price", _UNIT_PRICE), ("amount", _AMOUNT)):
        if key in names:
            return role
    return None


def check_table(
    result: FieldResult, spec: FieldSpec, summary: dict[str, FieldResult]
) -> FieldResult:
    """The table with failed checks marked on its cells and a confidence that reflects them.

    `summary` holds the document's other fields by key (the subtotal is read from it). The
    confidence is the lowest of the filled cells' (0 for an empty required cell), capped at
    `FAILED_CHECK_CAP` when any check failed. A table without rows is returned unchanged.
    """
    if not result.rows:
        return result
    roles = {role: key for key in (c.key for c in spec.columns) if (role := column_role(key))}
    required = [c.key for c in spec.columns if c.required]
    issues: list[dict[str, list[str]]] = [{key: [] for key in row} for row in result.rows]
    for row, marks in zip(result.rows, issues, strict=True):
        for key, cell in row.items():
            if cell.text and cell.value is None:
                marks[key].append(UNREADABLE_CELL)
        for key in required:
            cell = row.get(key)
            if cell is None or cell.value in (None, ""):
                marks.setdefault(key, []).append(REQUIRED_CELL_MISSING)
        if not _row_adds_up(row, roles):
            for role in ("quantity", "unit_price", "amount"):
                marks[roles[role]].append(ROW_ARITHMETIC)
    amount_key = roles.get("amount")
    subtotal = next((summary[k] for k in SUBTOTAL_KEYS if k in summary), None)
    if amount_key and subtotal is not None and not _sums_to(result.rows, amount_key, subtotal):
        for marks in issues:
            marks[amount_key].append(SUM_MISMATCH)
    rows = tuple(
        {key: replace(cell, issues=tuple(marks.get(key, ()))) for key, cell in row.items()}
        for row, marks in zip(result.rows, issues, strict=True)
    )
    return replace(result, rows=rows, confidence=table_confidence(rows, required))


def table_confidence(rows: tuple[dict[str, CellResult], ...], required: list[str]) -> int:
    """Lowest confidence among filled cells and required cells, capped after a failed check."""
    scores = [
        cell.confidence for row in rows for key, cell in row.items() if cell.text or key in required
    ]
    score = min(scores) if scores else 0
    if any(cell.issues for row in rows for cell in row.values()):
        score = min(score, FAILED_CHECK_CAP)
    return score


def _decimal(cell: CellResult | None) -> Decimal | None:
    if cell is None or cell.value in (None, ""):
        return None
    try:
        return Decimal(str(cell.value))
    except InvalidOperation:
        return None


def _row_adds_up(row: dict[str, CellResult], roles: dict[str, str]) -> bool:
    """True unless quantity, unit price and amount are all read and disagree.

    Printed unit prices are rounded: the tolerance is half a cent per unit, at least a cent.
    """
    if not all(role in roles for role in ("quantity", "unit_price", "amount")):
        return True
    quantity = _decimal(row.get(roles["quantity"]))
    price = _decimal(row.get(roles["unit_price"]))
    amount = _decimal(row.get(roles["amount"]))
    if quantity is None or price is None or amount is None:
        return True
    tolerance = max(Decimal("0.01"), abs(quantity) * Decimal("0.005")) + Decimal("0.001")
    return abs(quantity * price - amount) <= tolerance


def _sums_to(rows: tuple[dict[str, CellResult], ...], key: str, subtotal: FieldResult) -> bool:
    """Whether the amounts add up to the subtotal, a cent of rounding allowed per row; true
    when the subtotal or any amount could not be read (nothing to compare)."""
    try:
        expected = Decimal(str(subtotal.value))
    except (InvalidOperation, TypeError):
        return True
    if subtotal.value is None:
        return True
    amounts = [_decimal(row.get(key)) for row in rows]
    if any(amount is None for amount in amounts):
        return True
    total = sum(a for a in amounts if a is not None)
    return abs(total - expected) <= Decimal("0.01") * max(1, len(amounts))
