"""Label anchoring: find where a field's label is printed and propose the values around it.

Called by `fields.py`. A label is any of the field's label, its synonyms and the built-in
synonyms of its key, matched fuzzily on whole words (spacing and punctuation ignored, so OCR's
`VendorName:` still matches `Vendor Name`). Where labels overlap, the longest wins: `Invoice Date`
is not also an `Invoice` label. Value candidates are the rest of the label's phrase, the next
phrases to the right on the same line, and the phrases just below that overlap the label
horizontally. This module proposes; parsing and scoring happen in `fields.py`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from extraction.engine.layout import Line, Phrase, Token
from extraction.engine.synonyms import (
    BUILTIN_SYNONYMS,
    OF_WORDS,
    OTHER_EVENT_WORDS,
    REFERENCE_AFTER_WORDS,
    REFERENCE_WORDS,
)
from extraction.engine.types import FieldSpec


@lru_cache(maxsize=65536)
def compact(text: str, *, fold: bool = True) -> str:
    """Lowercase alphanumerics without accents: the form labels are compared in, letters of
    every script kept (`Итого`, `合計`, `المجموع`: compatibility forms such as Arabic
    presentation forms and full-width letters become their plain letters).

    `fold=False` is the form stored layout signatures were computed in, kept as it was: Latin
    letters and digits only, and letters without a decomposition (`_UNDECOMPOSED`) dropped
    instead of folded."""
    lowered = text.casefold().translate(_UNDECOMPOSED) if fold else text.lower()
    decomposed = unicodedata.normalize("NFKD", lowered)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    if not fold:
        return _LATIN_DROPPED.sub("", stripped.replace("º", "°"))
    # lowercase again: a compatibility form may decompose to capitals (`№` is `No`)
    return _ANY_SCRIPT_DROPPED.sub("", stripped.replace("º", "°").lower())


_ANY_SCRIPT_DROPPED = re.compile(r"[^\w#°]|_")
_LATIN_DROPPED = re.compile(r"[^0-9a-z#°]")


_UNDECOMPOSED = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae"})
"""Letters without a decomposition to a base letter: Turkish dotless `ı` (its capital is `I`,
so `ALICI` and `Alıcı` are one label), `ł`, `ø`, `đ`, `ß`, `æ`."""


@lru_cache(maxsize=1024)
def label_variants(spec: FieldSpec) -> tuple[str, ...]:
    """Distinct compact label forms for the field, its synonyms first, built-ins after."""
    seen: list[str] = []
    for text in (spec.label, *spec.synonyms, *BUILTIN_SYNONYMS.get(spec.key, ())):
        form = compact(text)
        if form and form not in seen:
            seen.append(form)
    return tuple(seen)


Option = tuple[str, int, float]
"""A compact label form, its length and its fuzzy-match threshold."""


@lru_cache(maxsize=1024)
def _variants_by_initial(spec: FieldSpec) -> dict[str, tuple[Option, ...]]:
    """The label forms grouped by first character: a token is only compared with its own."""
    grouped: dict[str, list[Option]] = {}
    for form in label_variants(spec):
        grouped.setdefault(form[0], []).append((form, len(form), _threshold(form)))
    return {initial: tuple(options) for initial, options in grouped.items()}


def _threshold(form: str) -> float:
    if len(form) <= 4:
        return 100.0
    if len(form) <= 7:
        return 90.0
    return 85.0


@dataclass(frozen=True)
class LabelHit:
    key: str
    line: Line
    start: int
    end: int
    """Token span [start, end) of the label within the line."""
    score: float
    """0-1 similarity of the printed label to the closest variant."""
    length: int
    """Compact length of the printed label; the longest overlapping label wins."""
    variant: str = ""
    """The compact label form that matched."""
    partial_tail: str = ""
    """Text glued after the label inside its last token (`Date:12/20/2020` -> `12/20/2020`)."""
    inferred: bool = False
    """Found by what the phrase's words mean (`amount_labels`), not by a synonym: its value
    is looked for on its own line only."""

    @property
    def tokens(self) -> tuple[Token, ...]:
        return self.line.tokens[self.start : self.end]

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        boxes = [t.bbox for t in self.tokens]
        return (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )

    def qualified(self, label_tokens: set[int]) -> bool:
        """A word that is no label precedes this one in its phrase (`Order Date` is no `Date`
        label); `label_tokens` holds ids of tokens inside any label."""
        if self.phrase_start or self.start == 0:
            return False
        token = self.line.tokens[self.start - 1]
        if id(token) in label_tokens:
            return False
        previous = token.text
        return sum(ch.isalpha() for ch in previous) >= 2 and not previous.endswith(":")

    def refers_elsewhere(self) -> bool:
        """The label names another document's value (`Original Invoice`, `Bezug: Rechnung`,
        `Facture d'origine`, `Your order no`) or another event's (`Date of Supply`, `Datum der
        Lieferung`, `Datum objednávky`): a word just before or after it says so, the event's
        within the label's own phrase (in a row of labels, the next one names its own value)."""
        tokens = self.line.tokens
        before = compact(tokens[self.start - 1].text) if self.start else ""
        following = compact(tokens[self.end].text) if self.end < len(tokens) else ""
        if before in REFERENCE_WORDS or following in REFERENCE_AFTER_WORDS:
            return True
        phrase = phrase_of(self.line, self.end - 1)
        last = next(
            (i for i, t in enumerate(phrase.tokens) if t is tokens[self.end - 1]),
            len(phrase.tokens),
        )
        after = [compact(t.text) for t in phrase.tokens[last + 1 : last + 3]]
        if after[:1] and after[0] in OF_WORDS:
            after = after[1:]  # `Date of Supply`; `Datum objednávky` names its event at once
        event = OTHER_EVENT_WORDS.get(after[0]) if after else None
        return event is not None and event not in self.key

    @property
    def phrase_start(self) -> bool:
        return any(p.tokens[0] is self.line.tokens[self.start] for p in self.line.phrases)


def find_label_hits(lines: list[Line], specs: tuple[FieldSpec, ...]) -> list[LabelHit]:
    """Every label occurrence of every field, overlaps resolved in favour of longer labels."""
    variants = [(spec.key, _variants_by_initial(spec)) for spec in specs]
    hits: list[LabelHit] = []
    for line in lines:
        forms = [compact(token.text) for token in line.tokens]
        for start in range(len(line.tokens)):
            if not forms[start]:
                continue
            initial = forms[start][0]
            joins: list[tuple[int, str, int]] | None = None
            for key, by_initial in variants:
                options = by_initial.get(initial)
                if not options:
                    continue
                if joins is None:
                    joins = _joins(forms, start)
                hit = _best_hit(key, line, forms, start, options, joins)
                if hit is not None:
                    hits.append(hit)
    return _resolve_overlaps(hits)


def _joins(forms: list[str], start: int) -> list[tuple[int, str, int]]:
    """(end, joined compact text, its length) for the up to six tokens from `start`."""
    joins: list[tuple[int, str, int]] = []
    joined = ""
    for end in range(start, min(len(forms), start + 6)):
        joined += forms[end]
        joins.append((end, joined, len(joined)))
    return joins


def _best_hit(
    key: str,
    line: Line,
    forms: list[str],
    start: int,
    options: tuple[Option, ...],
    joins: list[tuple[int, str, int]],
) -> LabelHit | None:
    """The best match of `options` (forms sharing the token's first character) from `start`."""
    best: LabelHit | None = None
    for option, size, threshold in options:
        for end, joined, length in joins:
            if length > size + 3:
                hit = _glued_hit(key, line, forms, start, end, joined, option)
                if hit and (best is None or hit.score > best.score):
                    best = hit
                break
            if length >= size + 3:
                continue  # the printed label says more (`Verkäufer-BIC` is no `Verkäufer`)
            if 200 * min(length, size) / (length + size) < threshold:
                continue  # even a perfect overlap could not reach the threshold
            if _missing_a_word(joined, option) and not line.tokens[end].text.rstrip(":").endswith(
                "."
            ):
                continue  # `Montant` is no `Montant HT`; `Rechnungsdat.` is `Rechnungsdatum`
            score = fuzz.ratio(joined, option)
            if option in _PRINTED_EXACTLY and not _printed_exactly(line, start, end, option, score):
                continue
            better = best is None or (score / 100, length) > (best.score, best.length)
            if score >= threshold and better:
                best = LabelHit(key, line, start, end + 1, score / 100, length, option)
    return best


_PRINTED_EXACTLY = {"tarikh": 1, "sino": 2}
"""Short labels that are near other words (`Tarikh` of `Tarik`, a name, and Turkish `Tarih`;
`SI No.` of `Sino`, a company, and a `Sí No` checkbox): matched only as printed, over at least
this many words, the last ending in `.` or `:` when there are two."""


def _printed_exactly(line: Line, start: int, end: int, option: str, score: float) -> bool:
    words = _PRINTED_EXACTLY[option]
    if score < 100 or end - start + 1 < words:
        return False
    return words == 1 or line.tokens[end].text.endswith((".", ":"))


def _missing_a_word(printed: str, option: str) -> bool:
    """Whether `printed` is `option` without its first or last two characters or more:
    `Montant` is not `Montant HT`. Fuzzy matching forgives misread characters, not a missing
    qualifier, which is often the very word that says what the label is (`HT`: before tax)."""
    return len(option) - len(printed) >= 2 and (
        option.startswith(printed) or option.endswith(printed)
    )


def _glued_hit(
    key: str, line: Line, forms: list[str], start: int, end: int, joined: str, option: str
) -> LabelHit | None:
    """A label printed with its value in one token, separated by a colon (`Email:a@b.c`)."""
    raw = line.tokens[end].text
    if ":" not in raw:
        return None
    head, _, tail = raw.partition(":")
    before = "".join(forms[start:end]) + compact(head)
    if not tail or fuzz.ratio(before, option) < _threshold(option):
        return None
    return LabelHit(
        key,
        line,
        start,
        end + 1,
        fuzz.ratio(before, option) / 100,
        len(before),
        option,
        partial_tail=tail,
    )


def _resolve_overlaps(hits: list[LabelHit]) -> list[LabelHit]:
    ordered = sorted(hits, key=lambda h: (-h.length, -h.score))
    kept: list[LabelHit] = []
    claimed: dict[tuple[int, int], int] = {}
    for hit in ordered:
        spans = [(hit.line.index, i) for i in range(hit.start, hit.end)]
        if any(claimed.get(span, hit.length) > hit.length for span in spans):
            continue
        kept.append(hit)
        for span in spans:
            claimed[span] = max(claimed.get(span, 0), hit.length)
    return kept


@dataclass(frozen=True)
class ValueSpot:
    """Where a candidate value was found relative to its label."""

    text: str
    tokens: tuple[Token, ...]
    position: str
    """`inline` (same phrase), `right` (later phrase, same line), `below`."""
    steps: int
    """0 for the nearest spot of its kind; each skipped phrase or line adds one."""


def value_spots(hit: LabelHit, lines: list[Line], label_tokens: set[int]) -> list[ValueSpot]:
    """Candidate value texts around a label, nearest first within each direction."""
    spots: list[ValueSpot] = []
    line = hit.line
    phrase = phrase_of(line, hit.end - 1)
    if _is_sentence(phrase.text) or _inside_an_aside(hit, phrase) or _is_a_list(phrase.text):
        return spots
    after = [t for t in phrase.tokens if line.tokens.index(t) >= hit.end]
    inline_tokens = tuple(after)
    inline_text = " ".join(t.text for t in after)
    if hit.partial_tail:
        inline_text = (hit.partial_tail + " " + inline_text).strip()
        inline_tokens = (line.tokens[hit.end - 1], *after)
    inline_text = _strip_lead(inline_text)
    in_prose = _inside_a_sentence(hit, phrase)
    if inline_text and not (in_prose and inline_text[:1].islower()):
        # In running text a label word followed by lower-case words goes on with the sentence
        # (`payments received from the Owner, and that current`): no value follows it.
        spots.append(ValueSpot(inline_text, inline_tokens, "inline", 0))
    later = [p for p in line.phrases if p.tokens[0].bbox[0] > hit.bbox[2] and p is not phrase]
    for steps, right in enumerate(later[:3]):
        if _is_label(right, label_tokens):
            break
        text = _strip_lead(right.text)
        if text:
            spots.append(ValueSpot(text, right.tokens, "right", steps))
    if not in_prose:
        spots.extend(_below(hit, lines, label_tokens))
    return spots


def _is_sentence(text: str) -> bool:
    """A phrase of four words or more that starts in lower case and ends with a full stop
    (`from your bank on May 29, 2023.`, the end of a sentence begun on the line above): a
    label word in it names no value."""
    return text[:1].islower() and text.rstrip().endswith(".") and len(text.split()) >= 4


LIST_SEPARATOR = re.compile(r"\s[|•·]\s")
"""A separator between the items of a list printed on one line (`Suppliers | Contractors`)."""


def _is_a_list(text: str) -> bool:
    """A letterhead's list of trades or services (`Suppliers | Contractors | Consultants`):
    three items or more between separators, each one to three words of letters without a colon.
    A label word among them names no value."""
    items = [item.strip() for item in LIST_SEPARATOR.split(text)]
    return len(items) >= 3 and all(
        item
        and len(item.split()) <= 3
        and ":" not in item
        and all(ch.isalpha() or ch in " &-'." for ch in item)
        for item in items
    )


def _inside_an_aside(hit: LabelHit, phrase: Phrase) -> bool:
    """A label word inside parentheses after other words (`(Line 6 from prior Certificate)`,
    `(Lines 5a + 5b, or Total in Column I)`): a note on the line, naming no value. A label that
    opens its parentheses (`Rechnungsdatum (Invoice date):`) is a label in another language."""
    first = hit.line.tokens[hit.start]
    before = next((i for i, t in enumerate(phrase.tokens) if t is first), 0)
    prefix = " ".join(t.text for t in phrase.tokens[:before]) + " "
    opening = prefix.rfind("(")
    if opening < 0 or ")" in prefix[opening:]:
        return False
    return any(ch.isalnum() for ch in prefix[opening + 1 :])


def _inside_a_sentence(hit: LabelHit, phrase: Phrase) -> bool:
    """A label word after three words or more of its phrase, one of them in lower case
    (`professional services rendered from ...`; not `FACTURE / INVOICE`, nor the second of two
    labels run together, `Totale imponibile Totale imposta`): it may name a value beside it,
    but heads no block below."""
    first = hit.line.tokens[hit.start]
    before = next((i for i, t in enumerate(phrase.tokens) if t is first), 0)
    words = [t.text for t in phrase.tokens[:before] if sum(ch.isalpha() for ch in t.text) >= 2]
    return len(words) >= 3 and any(word[0].islower() for word in words)


def phrase_of(line: Line, token_index: int) -> Phrase:
    token = line.tokens[token_index]
    for phrase in line.phrases:
        if any(t is token for t in phrase.tokens):
            return phrase
    return line.phrases[-1]


def _is_label(phrase: Phrase, label_tokens: set[int], line: Line | None = None) -> bool:
    """A phrase that starts with a known label, or with words of its own followed by a colon
    (`Delivered: 03/28/2024`), or followed on its line by a phrase that starts with one
    (`Nummer | : 12345`): the value after it belongs to that other label."""
    if id(phrase.tokens[0]) in label_tokens:
        return True
    if label_head(phrase.text) is not None:
        return True
    if line is not None:
        later = [p for p in line.phrases if p.bbox[0] > phrase.bbox[2]]
        return bool(later) and later[0].text.lstrip().startswith(":")
    return False


def label_head(text: str) -> str | None:
    """The words before a colon when they read as a label of their own (`Delivered:`,
    `Nome/Razão Social:`: letters, at most four words, no digit), else None."""
    head = text.split(":", 1)[0] if ":" in text else ""
    if (
        head
        and sum(ch.isalpha() for ch in head) >= 2
        and len(head.split()) <= 4
        and not re.search(r"\d", head)
        and (head[-1].isalpha() or head[-1] == ".")
    ):
        return head
    return None


def is_section_heading(hit: LabelHit) -> bool:
    """A label alone on its line (`Verkäufer:`, `Bill to`): it heads a block of lines below
    rather than naming one value beside it."""
    return len(hit.line.phrases) == 1 and hit.end == len(hit.line.tokens) and not hit.partial_tail


_LEAD = re.compile(
    r"^(?:(?:[\s:#.=|]|[\-–](?![€$£¥₹]?\d))+|(?:n°|nº)\s*[:.]?\s*|"
    r"(?:no|nr)(?![a-z])\.?\s*[:.]?\s*)",
    re.IGNORECASE,
)
"""Separators before a value; a minus before a number is its sign, not a separator."""


def _strip_lead(text: str) -> str:
    """Drop separators and number words between a label and its value (`No: #`)."""
    previous = None
    while previous != text:
        previous = text
        text = _LEAD.sub("", text)
    return text.strip()


def _strip_cell(hit: LabelHit) -> tuple[float, float] | None:
    """The cell of a label in a strip of labels (`Exkl. moms | Moms | Att betala`, each above
    its value in a box): from the label to the next one. Values in such boxes are often
    right-aligned under a left-aligned label, so they may not overlap it, and may overlap the
    next label instead; a value below such a label is read from its cell alone. None unless
    the label's line is three or more phrases without digits."""
    phrases = hit.line.phrases
    if len(phrases) < 3 or any(re.search(r"\d", p.text) for p in phrases):
        return None
    own = phrase_of(hit.line, hit.start)
    later = [p.bbox[0] for p in phrases if p.bbox[0] > own.bbox[2]]
    height = max(hit.bbox[3] - hit.bbox[1], 4.0)
    return own.bbox[0] - height, min(later) if later else own.bbox[2] + 12 * height


def _below(hit: LabelHit, lines: list[Line], label_tokens: set[int]) -> list[ValueSpot]:
    spots: list[ValueSpot] = []
    x0, _, x1, y1 = hit.bbox
    height = max(hit.bbox[3] - hit.bbox[1], 4.0)
    steps = 0
    heading = is_section_heading(hit)  # under a heading, sub-label lines are skipped
    band = _strip_cell(hit)
    for line in lines[hit.line.index + 1 : hit.line.index + 5]:
        if line.page != hit.line.page or line.bbox[1] - y1 > 3.5 * height * (steps + 1):
            break
        overlapping: list[tuple[float, Phrase]] = []
        for phrase in line.phrases:
            px0, _, px1, _ = phrase.bbox
            overlap = min(px1, x1 + height) - max(px0, x0 - height)
            if band is not None:
                if band[0] <= (px0 + px1) / 2 < band[1]:
                    overlapping.append((max(overlap, 0.0), phrase))
            elif overlap > 0:
                width = max(min(px1 - px0, x1 - x0 + 2 * height), 1.0)
                overlapping.append((overlap / width, phrase))
        overlapping.sort(key=lambda item: -item[0])
        for rank, (_, phrase) in enumerate(overlapping):
            if _is_label(phrase, label_tokens, line):
                if rank == 0 and not heading:
                    return spots
                continue
            spots.append(ValueSpot(_strip_lead(phrase.text), phrase.tokens, "below", steps + rank))
        steps += 1
        if spots:
            break
    return spots
