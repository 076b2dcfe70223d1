"""The API's JSON body parser: DRF's, behind a nesting-depth check that runs before parsing.

Python's `json` recurses once per nested array or object, so a body of a thousand `[` is a
`RecursionError` (a 500) inside the parser. `BoundedJSONParser` first scans the raw bytes for
brackets outside strings (a linear pass over the few characters that matter, no recursion) and
refuses a body nested deeper than `MAX_JSON_DEPTH` with a 400 (`INVALID_BODY`) before any
parsing. No API body needs more than a handful of levels; 64 leaves generous room.

JSON may also escape characters no text column can hold: NUL (`\u0000`, which PostgreSQL's
text and jsonb refuse) and unpaired surrogates (`\ud800`, which are not Unicode scalar values
and cannot be encoded as UTF-8). A body holding one, in a key or a value, is refused with a
400 naming the character, instead of failing later where it is stored or encoded (a 500).
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from typing import IO, Any

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

from cases.storable import unstorable_character

MAX_JSON_DEPTH = 64
_SIGNIFICANT = re.compile(rb'[\[\]{}"\\]')


def json_depth_exceeds(data: bytes, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether the JSON text `data` nests arrays/objects deeper than `limit` (strings skipped).

    Malformed text is not judged here (the parser refuses it); only brackets outside strings
    count, and a backslash inside a string hides the character after it.
    """
    depth = 0
    in_string = False
    skip_until = -1
    for match in _SIGNIFICANT.finditer(data):
        position = match.start()
        if position < skip_until:
            continue
        char = match.group()
        if in_string:
            if char == b"\\":
                skip_until = position + 2
            elif char == b'"':
                in_string = False
        elif char == b'"':
            in_string = True
        elif char in (b"[", b"{"):
            depth += 1
            if depth > limit:
                return True
        elif char in (b"]", b"}"):
            depth -= 1
    return False


class BoundedJSONParser(JSONParser):
    """DRF's `JSONParser`, refusing bodies nested deeper than `MAX_JSON_DEPTH`."""

    def parse(
        self,
        stream: IO[Any] | None,
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        data = stream.read() if stream is not None else b""
        if json_depth_exceeds(data):
            raise ParseError(
                f"The JSON body is nested deeper than {MAX_JSON_DEPTH} levels of arrays and "
                "objects."
            )
        parsed = super().parse(io.BytesIO(data), media_type, parser_context)
        problem = unstorable_character(parsed)
        if problem:
            raise ParseError(f"The JSON body holds {problem}, which cannot be stored as text.")
        return parsed
