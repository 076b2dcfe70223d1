"""The strict comparison and table cell scoring shared by evaluate, bench and calibration."""

from __future__ import annotations

from extraction.evaluation.compare import PredictedCell, table_cells, values_match

COLUMNS = {"description": "text", "quantity": "number", "amount": "money"}


def test_text_differing_only_in_whitespace_is_equal():
    assert values_match("text", "ACME  Supplies\nGmbH ", " ACME Supplies GmbH")


def test_a_ligature_is_not_its_letters():
    assert not values_match("text", "Profile GmbH", "Proﬁle GmbH")


def test_case_differences_are_errors():
    assert not values_match("text", "ACME Supplies", "Acme Supplies")
    assert not values_match("text", "INV-1", "inv-1")


def test_money_numbers_and_dates_compare_as_values():
    assert values_match("money", "23.8", "23.80")
    assert values_match("number", "20", "20.0")
    assert not values_match("money", "23.80", "23.08")
    assert values_match("date", "2024-03-14", "2024-03-14")
    assert not values_match("date", "2024-03-14", "2024-04-13")


def test_a_missing_prediction_is_wrong_and_iban_ignores_spacing():
    assert not values_match("money", "23.80", None)
    assert values_match("iban", "DE89 3704 0044 0532 0130 00", "DE89370400440532013000")


def _row(**cells: object) -> dict[str, PredictedCell]:
    return {key: PredictedCell(value, 90) for key, value in cells.items()}


def test_table_cells_scores_every_expected_cell():
    expected = [
        {"description": "Bolts", "quantity": "10", "amount": "15.00"},
        {"description": "Dowels", "amount": "5.00"},
    ]
    predicted = [
        _row(description="Bolts", quantity="10", amount="15"),
        _row(description="dowels", quantity="100", amount="5.00"),
    ]
    cells = table_cells(COLUMNS, expected, predicted)
    assert [(c.row, c.column, c.correct) for c in cells] == [
        (0, "description", True),
        (0, "quantity", True),
        (0, "amount", True),
        (1, "description", False),
        (1, "amount", True),
    ]
    assert cells[0].confidence == 90


def test_an_extra_predicted_row_does_not_shift_the_rows_after_it():
    expected = [{"description": "Bolts"}, {"description": "Dowels"}]
    predicted = [
        _row(description="Bolts"),
        _row(description="Subtotal"),
        _row(description="Dowels"),
    ]
    cells = table_cells(COLUMNS, expected, predicted)
    assert all(cell.correct for cell in cells)


def test_a_missing_row_scores_its_cells_as_not_found():
    expected = [{"description": "Bolts"}, {"description": "Dowels"}, {"description": "Nuts"}]
    predicted = [_row(description="Bolts"), _row(description="Nuts")]
    cells = table_cells(COLUMNS, expected, predicted)
    assert [(c.predicted, c.correct) for c in cells] == [
        ("Bolts", True),
        (None, False),
        ("Nuts", True),
    ]
