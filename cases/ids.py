"""Public identifiers: prefixed random strings, never sequential integers (SPEC §2).

Integer primary keys stay internal; every object an API or URL names carries one of these.
"""

import secrets

_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"


def _random_token(length: int) -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(length))


def prefixed_id(prefix: str, length: int = 16, *, hex_only: bool = False) -> str:
    body = secrets.token_hex(length // 2) if hex_only else _random_token(length)
    return f"{prefix}__{body}"


def new_workspace_id() -> str:
    return prefixed_id("ws", 12)


def new_user_id() -> str:
    return prefixed_id("user", 10)


def new_casetype_id() -> str:
    return prefixed_id("casetype", 12)


def new_stage_id() -> str:
    return prefixed_id("stage", 12)


def new_case_id() -> str:
    return prefixed_id("case", 32, hex_only=True)


def new_document_id() -> str:
    return prefixed_id("doc", 16, hex_only=True)


def new_file_id() -> str:
    return prefixed_id("file", 20)


def new_api_key_id() -> str:
    return prefixed_id("key", 16)


def new_filter_id() -> str:
    return prefixed_id("filter", 12)
