"""What the review page draws: boxes in percent of the page, pending fields first, cell errors."""

from __future__ import annotations

import pytest

from extraction.models import DocumentPage
from review.field_rows import (
    FieldError,
    box_from_bbox,
    confidence_level,
    field_view_for,
    review_view_build,
)


def a4(number: int = 1) -> DocumentPage:
    return DocumentPage(number=number, source_page=number, width=595, height=842)


def test_a_box_is_its_bbox_in_percent_of_its_page():
    box = box_from_bbox([59.5, 84.2, 119.0, 168.4], 1, {1: a4()})
    assert (box.left, box.top, box.width, box.height) == pytest.approx((10, 10, 10, 10))
    assert box.style == "left:10.000%;top:10.000%;width:10.000%;height:10.000%"


@pytest.mark.parametrize(
    ("bbox", "page"), [(None, 1), ([1, 2, 3], 1), ([0, 0, 10, 10], 2), ([0, 0, 10, 10], None)]
)
def test_no_box_without_a_bbox_or_a_known_page(bbox, page):
    assert box_from_bbox(bbox, page, {1: a4()}) is None


def test_a_box_never_leaves_its_page():
    box = box_from_bbox([500, 800, 700, 900], 1, {1: a4()})
    assert box.left + box.width == pytest.approx(100)
    assert box.top + box.height == pytest.approx(100)


@pytest.mark.parametrize(
    ("confidence", "level"),
    [(100, "high"), (90, "high"), (89, "medium"), (70, "medium"), (69, "low"), (0, "low")],
)
def test_confidence_levels(confidence, level):
    assert confidence_level(confidence) == level


def test_pending_fields_come_first_and_decisions_wait_for_them(held_document):
    held_document.fields.update(flagged=True, flags=["low_confidence"], reviewed=False)
    held_document.fields.filter(key="invoice_number").update(flagged=False, flags=[])
    view = review_view_build(held_document)
    assert view.fields[-1].key == "invoice_number"
    assert all(field.pending for field in view.fields[:-1])
    assert view.decidable
    assert not view.approvable
    assert {box.field_key for box in view.pages[0].boxes} == {f.key for f in view.fields}


def test_a_refused_value_opens_its_field_with_the_message(held_document):
    error = FieldError(key="invoice_date", message="not a date", value="soon")
    row = field_view_for(held_document, "invoice_date", error=error)
    assert (row.editing, row.error, row.input_value) == (True, "not a date", "soon")
    other = field_view_for(held_document, "total_amount", error=error)
    assert (other.editing, other.error) == (False, "")
    assert field_view_for(held_document, "no_such_field") is None


def test_table_cells_carry_their_own_boxes_and_errors(held_table_document):
    error = FieldError(key="line_items", message="bad", value="x", row=1, column="amount")
    row = field_view_for(held_table_document, "line_items", error=error)
    assert row.is_table
    assert [column for column, _ in row.columns] == [
        "description",
        "quantity",
        "unit_price",
        "amount",
    ]
    cells = {(cell.row, cell.column): cell for table_row in row.rows for cell in table_row.cells}
    assert cells[(1, "amount")].error == "bad"
    assert cells[(1, "amount")].input_value == "x"
    assert cells[(0, "amount")].error == ""
    assert cells[(0, "description")].box is not None
    assert cells[(0, "description")].dom_id == "cell-line_items-0-description"
