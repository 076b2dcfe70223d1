"""Checks on a table field's rows, and the table's confidence that follows from its cells.

Called by `run_engine` after the table reader (`tables.py`) and the summary fields (`fields.py`)
are done. A table is only as trustworthy as its weakest cell, and arithmetic printed on the page
is evidence a machine can check: each row's quantity × unit price should equal its amount (up to
rounding of the printed unit price), and the amounts should add up to the subtotal. Failed checks
are recorded on the cells (`CellResult.issues`) so that the gate holds the table and the review
page shows where; they also cap the table's confidence. Pure: frozen results in, frozen out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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
    subtotal = next((summary[k].value for k in SUBTOTAL_KEYS if k in summary), None)
    marks = row_issues(
        [{key: (cell.value, cell.text) for key, cell in row.items()} for row in result.rows],
        [(c.key, c.required) for c in spec.columns],
        subtotal,
    )
    rows = tuple(
        {key: replace(cell, issues=tuple(found.get(key, ()))) for key, cell in row.items()}
        for row, found in zip(result.rows, marks, strict=True)
    )
    required = [c.key for c in spec.columns if c.required]
    return replace(result, rows=rows, confidence=table_confidence(rows, required))


def row_issues(
    rows: Sequence[Mapping[str, tuple[object, str]]],
    columns: Sequence[tuple[str, bool]],
    subtotal: object,
) -> list[dict[str, list[str]]]:
    """The checks each cell fails, for rows of `column -> (value, printed text)`.

    `columns` are (key, required) pairs in schema order; `subtotal` is the document's subtotal
    value or None. Shared by the engine (machine rows) and the review services (rows after a
    reviewer's corrections), so a table is judged by one rule wherever it is.
    """
    roles: dict[str, str] = {}
    for key, _ in columns:
        role = column_role(key)
        if role is not None:
            roles.setdefault(role, key)
    required = [key for key, is_required in columns if is_required]
    marks: list[dict[str, list[str]]] = [{key: [] for key in row} for row in rows]
    for row, found in zip(rows, marks, strict=True):
        for key, (value, text) in row.items():
            if text and value is None:
                found[key].append(UNREADABLE_CELL)
        for key in required:
            value, _ = row.get(key, (None, ""))
            if value in (None, ""):
                found.setdefault(key, []).append(REQUIRED_CELL_MISSING)
        if not _row_adds_up(row, roles):
            for role in ("quantity", "unit_price", "amount"):
                found.setdefault(roles[role], []).append(ROW_ARITHMETIC)
    amount_key = roles.get("amount")
    if amount_key and subtotal is not None and not _sums_to(rows, amount_key, subtotal):
        for found in marks:
            found.setdefault(amount_key, []).append(SUM_MISMATCH)
    return marks


MISSED_CELL_CAP = 75
"""Highest confidence of a table with a number cell left empty in a column two other rows or
more fill (`DOLIPRANE 1000MG CPR | | 7,81 | 7,81` among rows with quantities): a read that
was missed, or a row without one (a shipping line), which a reviewer tells apart."""


def table_confidence(rows: tuple[dict[str, CellResult], ...], required: list[str]) -> int:
    """Lowest confidence among filled cells and required cells, capped after a failed check
    (`FAILED_CHECK_CAP`) or with a number cell missing from a filled column (`MISSED_CELL_CAP`)."""
    scores = [
        cell.confidence for row in rows for key, cell in row.items() if cell.text or key in required
    ]
    score = min(scores) if scores else 0
    if any(cell.issues for row in rows for cell in row.values()):
        score = min(score, FAILED_CHECK_CAP)
    if _number_cell_missed(rows):
        score = min(score, MISSED_CELL_CAP)
    return score


def _number_cell_missed(rows: tuple[dict[str, CellResult], ...]) -> bool:
    """A quantity or unit price left empty in a row whose other two arithmetic cells are read,
    in a column two other rows or more fill (a shipping, discount or fee row with an amount
    alone is no gap)."""
    roles = {column_role(key): key for row in rows for key in row if column_role(key)}
    if len(roles) < 3:
        return False
    for missing in ("quantity", "unit_price"):
        key = roles[missing]
        partners = [roles[role] for role in ("quantity", "unit_price", "amount") if role != missing]
        filled = sum(1 for row in rows if key in row and row[key].text)
        for row in rows:
            empty = key not in row or not row[key].text
            read = all(other in row and row[other].text for other in partners)
            if empty and read and filled >= 2:
                return True
    return False


def _decimal(cell: tuple[object, str] | None) -> Decimal | None:
    if cell is None or cell[0] in (None, ""):
        return None
    try:
        return Decimal(str(cell[0]))
    except InvalidOperation:
        return None


def rows_arithmetic(rows: Sequence[Mapping[str, object]], keys: Sequence[str]) -> tuple[int, int]:
    """(rows with quantity, unit price and amount all read, how many of those add up), for
    rows of column key -> value; `keys` are the columns, their roles found by `column_role`.
    (0, 0) when the columns do not hold all three roles."""
    roles = _arithmetic_roles(keys)
    rows_read = _rows_read(rows, roles)
    return len(rows_read), sum(_row_adds_up(cells, roles) for cells in rows_read)


def rows_above_arithmetic(
    rows: Sequence[Mapping[str, object]], keys: Sequence[str]
) -> tuple[int, int]:
    """(rows with quantity, unit price and amount all read, how many of those have an amount
    above quantity × unit price by more than rounding: a gross line total beside the net), for
    rows and keys as `rows_arithmetic` takes them."""
    roles = _arithmetic_roles(keys)
    rows_read = _rows_read(rows, roles)
    return len(rows_read), sum(_row_over(cells, roles) for cells in rows_read)


def _arithmetic_roles(keys: Sequence[str]) -> dict[str, str]:
    """Role -> the first column key with it (`column_role`)."""
    roles: dict[str, str] = {}
    for key in keys:
        role = column_role(key)
        if role is not None:
            roles.setdefault(role, key)
    return roles


def _rows_read(
    rows: Sequence[Mapping[str, object]], roles: dict[str, str]
) -> list[dict[str, tuple[object, str]]]:
    """The rows, as cells, that read all three arithmetic roles; none without all three roles."""
    if len(roles) < 3:
        return []
    cells = [{key: (value, "") for key, value in row.items()} for row in rows]
    return [
        row for row in cells if all(_decimal(row.get(key)) is not None for key in roles.values())
    ]


def _row_adds_up(row: Mapping[str, tuple[object, str]], roles: dict[str, str]) -> bool:
    """True unless quantity, unit price and amount are all read and disagree beyond rounding
    (`_rounding`)."""
    if not all(role in roles for role in ("quantity", "unit_price", "amount")):
        return True
    quantity = _decimal(row.get(roles["quantity"]))
    price = _decimal(row.get(roles["unit_price"]))
    amount = _decimal(row.get(roles["amount"]))
    if quantity is None or price is None or amount is None:
        return True
    return abs(quantity * price - amount) <= _rounding(quantity)


def _row_over(row: Mapping[str, tuple[object, str]], roles: dict[str, str]) -> bool:
    """Whether a row that reads all three has an amount above quantity × unit price by more
    than rounding (`_rounding`)."""
    quantity = _decimal(row.get(roles["quantity"]))
    price = _decimal(row.get(roles["unit_price"]))
    amount = _decimal(row.get(roles["amount"]))
    if quantity is None or price is None or amount is None:
        return False
    return amount - quantity * price > _rounding(quantity)


def _rounding(quantity: Decimal) -> Decimal:
    """Printed unit prices are rounded: half a cent per unit, at least a cent."""
    return max(Decimal("0.01"), abs(quantity) * Decimal("0.005")) + Decimal("0.001")


def _sums_to(rows: Sequence[Mapping[str, tuple[object, str]]], key: str, subtotal: object) -> bool:
    """Whether the amounts add up to the subtotal, a cent of rounding allowed per row; true
    when the subtotal or any amount could not be read (nothing to compare). Signs are compared
    apart: a credit note prints positive rows under a negative subtotal."""
    try:
        expected = Decimal(str(subtotal))
    except InvalidOperation:
        return True
    amounts = [_decimal(row.get(key)) for row in rows]
    if any(amount is None for amount in amounts):
        return True
    total = sum(a for a in amounts if a is not None)
    return abs(abs(total) - abs(expected)) <= Decimal("0.01") * max(1, len(amounts))
