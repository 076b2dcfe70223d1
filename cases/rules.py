"""Declarative validation rules of a case type, checked by the gate (SPEC §4).

A rule is a mapping with a `type`:
- `required`: `{"type": "required", "field": "invoice_number"}`
- `pattern`: `{"type": "pattern", "field": "vat_id", "pattern": "^DE[0-9]{9}$"}`
- `range`: `{"type": "range", "field": "total_amount", "min": "0", "max": "100000"}`
- `date_order`: `{"type": "date_order", "before": "invoice_date", "after": "due_date"}`
- `sum_equals`: `{"type": "sum_equals", "table": "line_items", "column": "amount",
  "field": "subtotal_amount", "tolerance": "0.01"}`
- `fields_sum`: `{"type": "fields_sum", "fields": ["subtotal_amount", "tax_amount"],
  "field": "total_amount", "tolerance": "0.01"}` (the fields add up to `field`)
An optional `message` replaces the default one. Pure: no ORM, so the engine's evaluation and the
review API's checks use the same code; the case type validates its rules on save with
`rules_problems`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

RULE_TYPES = ("required", "pattern", "range", "date_order", "sum_equals", "fields_sum")
_RULE_KEYS = {
    "required": {"field"},
    "pattern": {"field", "pattern"},
    "range": {"field"},
    "date_order": {"before", "after"},
    "sum_equals": {"table", "column", "field"},
    "fields_sum": {"fields", "field"},
}
_OPTIONAL_KEYS = {"type", "message", "min", "max", "tolerance", "name"}


@dataclass(frozen=True)
class Check:
    rule: str
    passed: bool
    message: str
    fields: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "passed": self.passed,
            "message": self.message,
            "fields": list(self.fields),
        }


def rules_problems(rules: Any, field_keys: Sequence[str]) -> list[str]:
    """What is wrong with a case type's rule list (empty when it is valid)."""
    if not isinstance(rules, list):
        return ["validation rules must be a list."]
    problems = []
    for position, rule in enumerate(rules, start=1):
        where = f"rule {position}"
        if not isinstance(rule, dict) or rule.get("type") not in RULE_TYPES:
            problems.append(f"{where}: type must be one of {', '.join(RULE_TYPES)}.")
            continue
        needed = _RULE_KEYS[rule["type"]]
        missing = needed - set(rule)
        unknown = set(rule) - needed - _OPTIONAL_KEYS
        if missing:
            problems.append(f"{where}: needs {', '.join(sorted(missing))}.")
        if unknown:
            problems.append(f"{where}: unknown attributes {sorted(unknown)}.")
        for name in needed - {"pattern", "column", "fields"}:
            if name in rule and rule[name] not in field_keys:
                problems.append(f"{where}: {name} names no field of this case type.")
        if "fields" in needed and "fields" in rule:
            addends = rule["fields"]
            if not isinstance(addends, list) or not addends:
                problems.append(f"{where}: fields must be a non-empty list of field keys.")
            else:
                for key in addends:
                    if key not in field_keys:
                        problems.append(
                            f"{where}: fields names {key!r}, no field of this case type."
                        )
        if rule["type"] == "pattern":
            try:
                re.compile(str(rule.get("pattern", "")))
            except re.error as exc:
                problems.append(f"{where}: pattern is not a valid regular expression ({exc}).")
        for bound in ("min", "max", "tolerance"):
            if bound in rule and _decimal(rule[bound]) is None:
                problems.append(f"{where}: {bound} must be a number.")
    return problems


def rules_check(rules: Sequence[Mapping[str, Any]], values: Mapping[str, Any]) -> list[Check]:
    """Run every rule over field values (`{key: value}`, tables as lists of row dicts)."""
    return [_check(rule, values) for rule in rules]


def _check(rule: Mapping[str, Any], values: Mapping[str, Any]) -> Check:
    kind = rule["type"]
    name = rule.get("name") or kind
    passed, default_message, fields = _CHECKERS[kind](rule, values)
    message = rule.get("message") or default_message
    return Check(rule=name, passed=passed, message=message, fields=fields)


def _missing(value: Any) -> bool:
    return value in (None, "", [])


def _required(rule: Mapping[str, Any], values: Mapping[str, Any]) -> tuple[bool, str, tuple]:
    key = rule["field"]
    passed = not _missing(values.get(key))
    return passed, f"{key} is present." if passed else f"{key} is missing.", (key,)


def _pattern(rule: Mapping[str, Any], values: Mapping[str, Any]) -> tuple[bool, str, tuple]:
    key = rule["field"]
    value = values.get(key)
    if _missing(value):
        return True, f"{key} is empty; nothing to match.", (key,)
    passed = re.fullmatch(rule["pattern"], str(value)) is not None
    verdict = "matches" if passed else "does not match"
    return passed, f"{key} {verdict} {rule['pattern']}.", (key,)


def _range(rule: Mapping[str, Any], values: Mapping[str, Any]) -> tuple[bool, str, tuple]:
    key = rule["field"]
    value = _decimal(values.get(key))
    if value is None:
        return True, f"{key} is empty; nothing to compare.", (key,)
    low, high = _decimal(rule.get("min")), _decimal(rule.get("max"))
    passed = (low is None or value >= low) and (high is None or value <= high)
    bounds = f"[{rule.get('min', '-inf')}, {rule.get('max', 'inf')}]"
    return passed, f"{key} = {value} is {'within' if passed else 'outside'} {bounds}.", (key,)


def _date_order(rule: Mapping[str, Any], values: Mapping[str, Any]) -> tuple[bool, str, tuple]:
    before, after = rule["before"], rule["after"]
    first, second = _date(values.get(before)), _date(values.get(after))
    fields = (before, after)
    if first is None or second is None:
        return True, f"{before} or {after} is empty; nothing to compare.", fields
    passed = first <= second
    relation = "on or before" if passed else "after"
    return passed, f"{before} ({first}) is {relation} {after} ({second}).", fields


def _sum_equals(rule: Mapping[str, Any], values: Mapping[str, Any]) -> tuple[bool, str, tuple]:
    table, column, key = rule["table"], rule["column"], rule["field"]
    fields = (table, key)
    expected = _decimal(values.get(key))
    rows = values.get(table) or []
    cells = [_decimal(row.get(column)) for row in rows if isinstance(row, Mapping)]
    if expected is None or not cells:
        return True, f"{key} or {table} is empty; nothing to compare.", fields
    total = sum((cell for cell in cells if cell is not None), Decimal(0))
    tolerance = _decimal(rule.get("tolerance")) or Decimal("0.01")
    passed = abs(total - expected) <= tolerance
    verdict = "equals" if passed else "does not equal"
    return passed, f"The sum of {table}.{column} ({total}) {verdict} {key} ({expected}).", fields


def _fields_sum(rule: Mapping[str, Any], values: Mapping[str, Any]) -> tuple[bool, str, tuple]:
    addends, key = list(rule["fields"]), rule["field"]
    fields = (*addends, key)
    expected = _decimal(values.get(key))
    parts = [_decimal(values.get(addend)) for addend in addends]
    if expected is None or any(part is None for part in parts):
        return True, f"{' or '.join(fields)} is empty; nothing to compare.", fields
    total = sum((part for part in parts if part is not None), Decimal(0))
    tolerance = _decimal(rule.get("tolerance")) or Decimal("0.01")
    passed = abs(total - expected) <= tolerance
    verdict = "equals" if passed else "does not equal"
    return passed, f"{' + '.join(addends)} ({total}) {verdict} {key} ({expected}).", fields


_CHECKERS = {
    "required": _required,
    "pattern": _pattern,
    "range": _range,
    "date_order": _date_order,
    "sum_equals": _sum_equals,
    "fields_sum": _fields_sum,
}


def _decimal(value: Any) -> Decimal | None:
    if _missing(value) or isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None  # NaN and Infinity compare with nothing


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)) if not _missing(value) else None
    except ValueError:
        return None
