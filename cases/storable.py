"""Text a database column can hold: PostgreSQL refuses NUL characters in text, and no UTF-8
column can hold an unpaired surrogate (which JSON's `\\ud800` escapes can produce). Pure, so the
API's parser and the case-type file reader share one check."""

from __future__ import annotations

from typing import Any


def unstorable_character(value: Any) -> str:
    """The first character of a parsed JSON value's strings (keys included) that no text
    column can hold, described ("a NUL character (\\u0000)", "an unpaired surrogate
    (\\ud800)"), or "" when there is none. Iterative: the depth was checked before parsing."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
        elif isinstance(item, str):
            if "\x00" in item:
                return "a NUL character (\\u0000)"
            try:
                item.encode("utf-8")
            except UnicodeEncodeError as exc:
                return f"an unpaired surrogate (\\u{ord(item[exc.start]):04x})"
    return ""
