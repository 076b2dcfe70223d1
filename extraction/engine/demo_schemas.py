"""The two demo case types as plain engine schemas: invoice and purchase_order.

Read by the Django `bootstrap` command (which stores them as case types) and by tests and
evaluation. Field keys match eval/README.md; labels and synonyms come from `synonyms.py` so that
the stored case types show the reviewer which labels the engine looks for.
"""

from __future__ import annotations

from extraction.engine.synonyms import BUILTIN_SYNONYMS, LINE_ITEM_COLUMNS
from extraction.engine.types import ColumnSpec, FieldSpec, Schema


def _field(
    key: str, label: str, field_type: str = "text", *, required: bool = False, **extra: object
) -> FieldSpec:
    synonyms = tuple(s for s in BUILTIN_SYNONYMS.get(key, ()) if s != label)
    return FieldSpec(
        key=key, label=label, type=field_type, required=required, synonyms=synonyms, **extra
    )  # type: ignore[arg-type]


LINE_ITEMS = FieldSpec(
    key="line_items",
    label="Line items",
    type="table",
    columns=(
        ColumnSpec("description", "Description", "text", LINE_ITEM_COLUMNS["description"][1:]),
        ColumnSpec("quantity", "Quantity", "number", LINE_ITEM_COLUMNS["quantity"][1:]),
        ColumnSpec("unit_price", "Unit price", "money", LINE_ITEM_COLUMNS["unit_price"][1:]),
        ColumnSpec("amount", "Amount", "money", LINE_ITEM_COLUMNS["amount"][1:]),
    ),
)

INVOICE = Schema(
    slug="invoice",
    fields=(
        _field("invoice_number", "Invoice number", required=True),
        _field("invoice_date", "Invoice date", "date", required=True),
        _field("due_date", "Due date", "date"),
        _field("vendor_name", "Vendor name"),
        _field("total_amount", "Total amount", "money", required=True),
        _field("subtotal_amount", "Subtotal", "money"),
        _field("tax_amount", "Tax amount", "money"),
        _field("currency", "Currency", choices=()),
        LINE_ITEMS,
    ),
    keywords=(
        "invoice",
        "tax invoice",
        "bill",
        "receipt",
        "rechnung",
        "facture",
        "factuur",
        "factura",
        "invoice number",
        "amount due",
        "vat",
        "mwst",
        "tva",
        "btw",
        "iva",
        "payment terms",
    ),
)

PURCHASE_ORDER = Schema(
    slug="purchase_order",
    fields=(
        _field("merchant", "Merchant"),
        _field("phone_number", "Company phone", "phone"),
        _field("website", "Website"),
        _field("email", "Email", "email"),
        _field("purchase_order_number", "Purchase order number", required=True),
        _field("order_date", "Order date", "date"),
        _field("vendor_name", "Vendor name"),
        _field("company_name", "Company name"),
        _field("company_address", "Address"),
        _field("company_phone_number", "Phone", "phone"),
        _field("quantity", "Quantity", "number"),
        _field("subtotal_amount", "Subtotal", "money"),
        _field("tax_amount", "Tax", "money"),
        _field("total_amount", "Total", "money"),
        _field("signature", "Signature"),
    ),
    keywords=(
        "purchase order",
        "po number",
        "order date",
        "shipped to",
        "shipped from",
        "ship to",
        "bestellung",
        "bon de commande",
        "bestelling",
        "orden de compra",
        "pedido",
    ),
)

DEMO_SCHEMAS: tuple[Schema, ...] = (INVOICE, PURCHASE_ORDER)
