"""The shipped case types as engine schemas, for tests that run the engine without a database.

Read from `cases/casetypes/*.yaml` through `extraction.schemas`, the same path `evaluate`,
`make bench` and calibration use, so a test exercises the case types users get.
"""

from __future__ import annotations

from extraction.schemas import demo_engine_schemas

SCHEMAS = demo_engine_schemas()
INVOICE = SCHEMAS["invoice"]
PURCHASE_ORDER = SCHEMAS["purchase_order"]
