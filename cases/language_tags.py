"""Checking a case type's locale: a BCP 47 language tag such as `de-DE`, `en-US`, `fr-CH`.

Called by the `CaseType.locale` validator and by `cases.casetype_definitions` when a case-type
file is read. Pure: a string in, a verdict out; no Django, so the bench tools can use it.

Neither the standard library nor an installed package checks BCP 47 tags (`locale` knows POSIX
names like `de_DE.UTF-8`; Babel and langcodes are not dependencies), so the check is the
`langtag` production of RFC 5646 §2.1 written as one pattern. One restriction on top: the
primary language is an ISO 639 code of two or three letters, which every language subtag in
the IANA registry is today (four letters are reserved, five to eight are for future
registration), so `english` is refused rather than read as a language. Private-use-only tags
(`x-foo`) and the grandfathered irregular ones (`i-klingon`) say nothing about where documents
come from and are refused too. Well-formed is not registered: `de-QQ` passes, as RFC 5646 lets
a parser accept it.
"""

from __future__ import annotations

import re

LANGUAGE_TAG = re.compile(
    r"""
    [a-z]{2,3}(?:-[a-z]{3}){0,3}             # language, up to three extended language subtags
    (?:-[a-z]{4})?                           # script        (Latn, Hant)
    (?:-(?:[a-z]{2}|[0-9]{3}))?              # region        (DE, US, 419)
    (?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))* # variants      (1996, rozaj)
    (?:-[0-9a-wyz](?:-[a-z0-9]{2,8})+)*      # extensions    (u-ca-buddhist)
    (?:-x(?:-[a-z0-9]{1,8})+)?               # private use   (x-casefile)
    """,
    re.VERBOSE | re.IGNORECASE | re.ASCII,
)
MAX_LENGTH = 35
"""RFC 5646 §4.4.1: the length a tag field should hold at least; longer tags need several
variants or extensions, which no case type's locale needs."""


def is_language_tag(value: str) -> bool:
    """Whether `value` is a well-formed BCP 47 language tag (case-insensitive, `-` separated)."""
    return len(value) <= MAX_LENGTH and LANGUAGE_TAG.fullmatch(value) is not None
