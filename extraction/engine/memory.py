"""Layout memory: where reviewers said a field's right value sat, read again on the next document.

Called by `run_engine` (`remember`: fingerprint the document, match it to a remembered layout,
read every remembered position, let agreeing or stronger memory set a field's value and
confidence) and by `extraction.learning` when a reviewed document teaches a layout (`locate`,
`fingerprint_pages`). Pure: layouts arrive as plain data on `EngineInput.memory`
(`RememberedLayout`), results leave as `LayoutReading`; storage lives in `extraction.learning`.

A layout is fingerprinted by the issuer's identity printed outside the buyer's block (VAT ids and
IBANs) and by a signature of the first page's static words (no digits) with coarse positions. A
document matches a remembered layout when the identities share one and the signatures overlap a
little, or, without an identity on either side, when the signatures overlap a lot; identities
that differ never match.

A remembered position is the value's box (as fractions of the page) and the label words beside
it with the offset between them. It is read on a new document at the label when the label is
found on the page, else at the box; the text there must parse as the field's type
(`fields.parse_with_kind`) or the position reads nothing. Its confidence is its own track record
(`track_score`): right and wrong readings on later reviewed documents of the layout, shrunk
towards the layout's record, itself shrunk towards a prior, so a position that keeps being
corrected loses trust, and so does its layout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

from extraction.engine.fields import DocumentContext, _issuer_text, parse_with_kind
from extraction.engine.labels import compact
from extraction.engine.layout import Line, Token, union
from extraction.engine.parsers import parse_iban
from extraction.engine.synonyms import semantic_kind
from extraction.engine.types import (
    BBox,
    FieldResult,
    FieldSpec,
    FieldType,
    LayoutReading,
    PageResult,
    RememberedLayout,
    RememberedPosition,
    Schema,
)

PRIOR_RIGHT, PRIOR_WRONG = 9.5, 0.5
"""Before any reuse is known, a remembered position is trusted like 19 in 20 (score 95)."""
SHRINK = 4.0
"""Pseudo-count with which a position's record is pulled towards its layout's, and a layout's
towards the prior: one wrong reading of a new position drops it far below 90."""
MAX_SCORE = 99
DISAGREE_PENALTY = 4
"""Points taken off when memory overrides a different generic reading."""
CONFLICT_PENALTY = 25
"""Points taken off when remembered positions of one field read different values."""
MATCH_WITH_ISSUER = 0.2
"""Signature similarity enough when the issuers' identities share one."""
MATCH_WITHOUT_ISSUER = 0.5
"""Signature similarity needed when neither side has an identity."""
SIGNATURE_COLUMNS, SIGNATURE_ROWS = 8, 12
MAX_SIGNATURE = 400
UNREMEMBERED_KINDS = ("address",)
"""Multi-line values are left to the generic extractor."""

_VAT = re.compile(
    r"\b(?:ATU\d{8}|BE\s?0?\d{9,10}|CHE[-\s]?\d{3}\.?\d{3}\.?\d{3}|DE\s?\d{9}|DK\s?\d{8}"
    r"|ES\s?[0-9A-Z]\d{7}[0-9A-Z]|FI\s?\d{8}|FR\s?[0-9A-Z]{2}\s?\d{9}|GB\s?\d{9}(?:\d{3})?"
    r"|IE\s?\d[0-9A-Z]\d{5}[A-Z]{1,2}|IT\s?\d{11}|LU\s?\d{8}|NL\s?\d{9}B\d{2}|PL\s?\d{10}"
    r"|PT\s?\d{9}|SE\s?\d{12})\b"
)


_VALUE_LIKE = re.compile(r"\d[.,/:\-]\d|\d{3}")


@dataclass(frozen=True)
class Read:
    """What one remembered position reads on a document."""

    position: RememberedPosition
    value: object
    text: str
    page: int
    bbox: BBox
    score: int


# --- Fingerprint and matching -------------------------------------------------------------


def fingerprint(lines: list[Line], pages: list[PageResult]) -> tuple[str, tuple[str, ...]]:
    """(issuer identities joined by `|`, signature) of a document's lines."""
    identities = sorted(_identities(_issuer_text(lines)))
    signature: list[str] = []
    seen: set[str] = set()
    if pages:
        first = pages[0]
        width, height = max(first.width, 1.0), max(first.height, 1.0)
        for line in lines:
            if line.page != first.number:
                continue
            for token in line.tokens:
                word = compact(token.text)
                if len(word) < 3 or any(ch.isdigit() for ch in token.text):
                    continue
                column = min(int(token.bbox[0] / width * SIGNATURE_COLUMNS), SIGNATURE_COLUMNS - 1)
                row = min(int(token.bbox[1] / height * SIGNATURE_ROWS), SIGNATURE_ROWS - 1)
                entry = f"{word}@{column}.{row}"
                if entry not in seen:
                    seen.add(entry)
                    signature.append(entry)
    return "|".join(identities), tuple(sorted(signature[:MAX_SIGNATURE]))


def _identities(text: str) -> set[str]:
    joined = re.sub(r"(?<=[A-Z0-9])[ .](?=\d)", "", text.upper())
    found = {re.sub(r"[\s.\-]", "", match.group(0)) for match in _VAT.finditer(joined)}
    for line in text.upper().splitlines():
        parsed = parse_iban(line)
        if parsed is not None:
            found.add(str(parsed.value))
    return found


def similarity(signature: tuple[str, ...], other: tuple[str, ...]) -> float:
    """Half the overlap of the static words, half the overlap of the words at their places."""
    if not signature or not other:
        return 0.0
    placed, other_placed = set(signature), set(other)
    words = {entry.split("@")[0] for entry in placed}
    other_words = {entry.split("@")[0] for entry in other_placed}
    return 0.5 * _jaccard(words, other_words) + 0.5 * _jaccard(placed, other_placed)


def _jaccard(a: set[str], b: set[str]) -> float:
    union_size = len(a | b)
    return len(a & b) / union_size if union_size else 0.0


def match_layout(
    issuer: str,
    signature: tuple[str, ...],
    layouts: tuple[RememberedLayout, ...] | list[RememberedLayout],
    schema_slug: str,
) -> tuple[RememberedLayout | None, float]:
    """The remembered layout of this schema the document has, with its signature similarity."""
    mine = set(filter(None, issuer.split("|")))
    best: RememberedLayout | None = None
    best_score = 0.0
    for layout in layouts:
        if layout.schema_slug != schema_slug:
            continue
        theirs = set(filter(None, layout.issuer.split("|")))
        score = similarity(signature, layout.signature)
        if mine and theirs:
            if not mine & theirs or score < MATCH_WITH_ISSUER:
                continue
            score += 1.0  # a shared identity outranks any signature alone
        elif mine or theirs or score < MATCH_WITHOUT_ISSUER:
            continue
        if score > best_score:
            best, best_score = layout, score
    return best, round(best_score if best_score <= 1 else best_score - 1.0, 4)


# --- Track record ---------------------------------------------------------------------------


def track_score(right: int, wrong: int, *, layout_right: int = 0, layout_wrong: int = 0) -> int:
    """A remembered position's confidence from its own and its layout's record (0-99).

    The layout's accuracy is its record shrunk towards the prior (19 in 20); the position's is
    its own record shrunk towards the layout's. Nothing read yet: 95; each wrong reading costs
    more than a right one earns.
    """
    prior = PRIOR_RIGHT / (PRIOR_RIGHT + PRIOR_WRONG)
    layout = (layout_right + SHRINK * prior) / (layout_right + layout_wrong + SHRINK)
    own = (right + SHRINK * layout) / (right + wrong + SHRINK)
    return min(MAX_SCORE, int(own * 100))


def layout_record(layout: RememberedLayout) -> tuple[int, int]:
    return (
        sum(position.right for position in layout.positions),
        sum(position.wrong for position in layout.positions),
    )


# --- Reading remembered positions -----------------------------------------------------------


def remember(
    context: DocumentContext,
    pages: list[PageResult],
    schema: Schema,
    layouts: tuple[RememberedLayout, ...],
    fields: dict[str, FieldResult],
) -> tuple[dict[str, FieldResult], LayoutReading]:
    """The document's fields with layout memory applied, and what memory saw and read."""
    lines = list(context.lines)
    issuer, signature = fingerprint(lines, pages)
    layout, score = match_layout(issuer, signature, layouts, schema.slug)
    if layout is None or not lines:
        return fields, LayoutReading(issuer, signature)
    reads = read_layout(context, pages, schema, layout)
    updated = dict(fields)
    from_memory: list[str] = []
    specs = {spec.key: spec for spec in schema.fields}
    for key, key_reads in _by_key(reads).items():
        spec = specs.get(key)
        if spec is None:
            continue
        result = _merge(spec, fields.get(key) or FieldResult(key, None, "", 0), key_reads)
        if result is not None:
            updated[key] = result
            from_memory.append(key)
    return updated, LayoutReading(
        issuer,
        signature,
        layout.id,
        score,
        tuple((r.position.id, r.position.key, value_text(r.value)) for r in reads),
        tuple(from_memory),
    )


def read_layout(
    context: DocumentContext, pages: list[PageResult], schema: Schema, layout: RememberedLayout
) -> list[Read]:
    """Every remembered position's reading on this document (those that parse)."""
    specs = {spec.key: spec for spec in schema.fields}
    layout_right, layout_wrong = layout_record(layout)
    reads: list[Read] = []
    for position in layout.positions:
        spec = specs.get(position.key)
        if spec is None or spec.type == FieldType.TABLE or position.page > len(pages):
            continue
        page = pages[position.page - 1]
        found = _read_position(context, spec, page, position)
        if found is None:
            continue
        value, text, bbox = found
        score = track_score(
            position.right, position.wrong, layout_right=layout_right, layout_wrong=layout_wrong
        )
        reads.append(Read(position, value, text, page.number, bbox, score))
    return reads


def _by_key(reads: list[Read]) -> dict[str, list[Read]]:
    grouped: dict[str, list[Read]] = {}
    for read in reads:
        grouped.setdefault(read.position.key, []).append(read)
    return grouped


def _merge(spec: FieldSpec, generic: FieldResult, reads: list[Read]) -> FieldResult | None:
    """The field as memory would publish it, or None to keep the generic result.

    The best-trusted reading wins; readings of other values lower it. Agreeing with the generic
    value, the field keeps the higher of both confidences; disagreeing, memory wins only when it
    is trusted more than the generic reading, and is marked down for the disagreement.
    """
    best = max(reads, key=lambda r: (r.score, r.position.right - r.position.wrong))
    rivals = [r for r in reads if not same_value(spec.type, r.value, best.value)]
    score = best.score - (CONFLICT_PENALTY if rivals else 0)
    if generic.value is not None and same_value(spec.type, generic.value, best.value):
        if score <= generic.confidence:
            return None
        return replace(generic, confidence=score)
    score -= DISAGREE_PENALTY if generic.value is not None else 0
    if score <= generic.confidence:
        return None
    return FieldResult(spec.key, best.value, best.text, max(score, 0), best.page, best.bbox)


def _read_position(
    context: DocumentContext, spec: FieldSpec, page: PageResult, position: RememberedPosition
) -> tuple[object, str, BBox] | None:
    kind = semantic_kind(spec.key, spec.type)
    if kind in UNREMEMBERED_KINDS:
        return None
    lines = [line for line in context.lines if line.page == page.number and line.tokens]
    width, height = page.width, page.height
    x0, y0, x1, y1 = position.bbox
    box = (x0 * width, y0 * height, x1 * width, y1 * height)
    attempts: list[tuple[BBox, set[int]]] = []
    if position.label:
        label_at = (box[0] - position.offset[0], box[1] - position.offset[1])
        for label_tokens in _label_occurrences(lines, position.label, label_at):
            lx, ly = label_tokens[0].bbox[0], min(t.bbox[1] for t in label_tokens)
            shifted = (
                lx + position.offset[0],
                ly + position.offset[1],
                lx + position.offset[0] + (box[2] - box[0]),
                ly + position.offset[1] + (box[3] - box[1]),
            )
            attempts.append((shifted, {id(t) for t in label_tokens}))
    attempts.append((box, set()))
    for expected, skip in attempts:
        tokens = _tokens_at(lines, expected, skip)
        for run in _runs_by_fit(tokens, expected):
            text = " ".join(token.text for token in run)
            parsed = parse_with_kind(context, spec, kind, text)
            if parsed is not None:
                return parsed.value, text, union([t.bbox for t in run])
    return None


def _runs_by_fit(tokens: list[Token], box: BBox) -> list[list[Token]]:
    """Contiguous runs of the tokens, the one spanning most like the remembered box first
    (horizontal overlap over union): a neighbour caught by the margin is left out."""
    runs = [tokens[i:j] for i in range(len(tokens)) for j in range(i + 1, len(tokens) + 1)]

    def fit(run: list[Token]) -> float:
        x0, x1 = run[0].bbox[0], run[-1].bbox[2]
        overlap = max(0.0, min(x1, box[2]) - max(x0, box[0]))
        return overlap / max(max(x1, box[2]) - min(x0, box[0]), 1e-6)

    return sorted(runs, key=lambda run: (-fit(run), -len(run)))[:6]


def _label_occurrences(
    lines: list[Line], label: str, near: tuple[float, float]
) -> list[tuple[Token, ...]]:
    """Runs of tokens whose compact text is the label, nearest the expected place first."""
    wanted = compact(label)
    size = len(label.split())
    found: list[tuple[Token, ...]] = []
    for line in lines:
        tokens = line.tokens
        for start in range(len(tokens)):
            run = tokens[start : start + size]
            if len(run) == size and compact(" ".join(t.text for t in run)) == wanted:
                found.append(run)
    found.sort(key=lambda run: abs(run[0].bbox[0] - near[0]) + abs(run[0].bbox[1] - near[1]))
    return found[:2]


def _tokens_at(lines: list[Line], box: BBox, skip: set[int]) -> list[Token]:
    """The tokens of the one line at the box's height that overlap it (a margin either side)."""
    height = max(box[3] - box[1], 4.0)
    centre = (box[1] + box[3]) / 2
    best: Line | None = None
    best_gap = 0.6 * height
    for line in lines:
        line_box = line.bbox
        gap = abs((line_box[1] + line_box[3]) / 2 - centre)
        if gap <= best_gap:
            best, best_gap = line, gap
    if best is None:
        return []
    margin = min(max(0.25 * (box[2] - box[0]), 6.0), 24.0)
    left, right = box[0] - margin, box[2] + margin
    picked = [
        token
        for token in best.tokens
        if id(token) not in skip and token.bbox[2] > left and token.bbox[0] < right
    ]
    if not picked:
        return []
    # Keep one run: stop at a wide gap (another column's text).
    run = [picked[0]]
    for token in picked[1:]:
        gap = token.bbox[0] - run[-1].bbox[2]
        if gap > 2.5 * (token.bbox[3] - token.bbox[1]):
            break
        run.append(token)
    return run


# --- Learning a position from a reviewed value ----------------------------------------------


@dataclass(frozen=True)
class Located:
    """A place on a document where a field's reviewed value is printed, as memory keeps it."""

    page: int
    """1-based page of the document."""
    bbox: BBox
    """Fractions of the page."""
    label: str
    offset: tuple[float, float]


def locate(
    context: DocumentContext,
    pages: list[PageResult],
    spec: FieldSpec,
    value: object,
    *,
    hint: tuple[int, BBox] | None = None,
    limit: int = 3,
) -> list[Located]:
    """Where `value` of `spec` is printed: at `hint` (upload page number, box in points) when
    the text there reads the value, else every run of up to six tokens on one line that parses
    to it (first `limit`, shortest runs first)."""
    kind = semantic_kind(spec.key, spec.type)
    if spec.type == FieldType.TABLE or kind in UNREMEMBERED_KINDS or value in (None, ""):
        return []
    numbers = {page.number: index for index, page in enumerate(pages, start=1)}
    lines = [line for line in context.lines if line.page in numbers]
    if hint is not None and hint[0] in numbers:
        tokens = [
            token
            for line in lines
            if line.page == hint[0]
            for token in line.tokens
            if _inside(token.bbox, hint[1])
        ]
        parsed = parse_with_kind(context, spec, kind, " ".join(t.text for t in tokens))
        if tokens and parsed is not None and same_value(spec.type, parsed.value, value):
            return [_located(lines, pages[numbers[hint[0]] - 1], numbers[hint[0]], tokens)]
    found: list[tuple[int, int, Located]] = []
    for line in lines:
        for start in range(len(line.tokens)):
            for size in range(1, 7):
                run = line.tokens[start : start + size]
                if len(run) < size:
                    break
                parsed = parse_with_kind(context, spec, kind, " ".join(t.text for t in run))
                if parsed is not None and same_value(spec.type, parsed.value, value):
                    page = pages[numbers[line.page] - 1]
                    found.append((size, line.index, _located(lines, page, numbers[line.page], run)))
                    break
    found.sort(key=lambda item: (item[0], item[1]))
    unique: list[Located] = []
    for _, _, located in found:
        if all(abs(located.bbox[1] - other.bbox[1]) > 1e-3 for other in unique):
            unique.append(located)
    return unique[:limit]


def _inside(box: BBox, outer: BBox, tolerance: float = 1.5) -> bool:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return (
        outer[0] - tolerance <= cx <= outer[2] + tolerance
        and outer[1] - tolerance <= cy <= outer[3] + tolerance
    )


def _located(
    lines: list[Line], page: PageResult, index: int, tokens: list[Token] | tuple[Token, ...]
) -> Located:
    box = union([t.bbox for t in tokens])
    label = _label_for(lines, page.number, tokens)
    offset = (0.0, 0.0)
    if label:
        offset = (box[0] - label[0].bbox[0], box[1] - min(t.bbox[1] for t in label))
    width, height = max(page.width, 1.0), max(page.height, 1.0)
    return Located(
        index,
        (box[0] / width, box[1] / height, box[2] / width, box[3] / height),
        " ".join(t.text for t in label),
        (round(offset[0], 2), round(offset[1], 2)),
    )


def _label_for(
    lines: list[Line], page_number: int, tokens: list[Token] | tuple[Token, ...]
) -> tuple[Token, ...]:
    """Up to four static tokens left of the value on its line, else on the line just above."""
    ids = {id(t) for t in tokens}
    first = tokens[0]
    own = next((line for line in lines if any(id(t) in ids for t in line.tokens)), None)
    if own is not None:
        left = [t for t in own.tokens if t.bbox[2] <= first.bbox[0] + 0.5 and id(t) not in ids]
        label = _static_tail(left)
        if label:
            return label
    height = first.bbox[3] - first.bbox[1]
    above = [
        line
        for line in lines
        if line.page == page_number
        and line.bbox[3] <= first.bbox[1] + 0.5
        and first.bbox[1] - line.bbox[3] <= 2.5 * height
    ]
    for line in sorted(above, key=lambda line: -line.bbox[3]):
        over = [
            t
            for t in line.tokens
            if t.bbox[2] > first.bbox[0] - height and t.bbox[0] < first.bbox[2]
        ]
        label = _static_tail(over)
        if label:
            return label
    return ()


def _static_tail(tokens: list[Token]) -> tuple[Token, ...]:
    """The last up-to-four tokens, cut at any token that reads like a value (an amount, a
    date, a long number); needs a letter (`USt. 19 %` is a label, `Ref. 12345` ends at `Ref.`)."""
    tail: list[Token] = []
    for token in reversed(tokens[-4:]):
        if _VALUE_LIKE.search(token.text):
            break
        tail.insert(0, token)
    if not any(any(ch.isalpha() for ch in t.text) for t in tail):
        return ()
    return tuple(tail)


# --- Values -----------------------------------------------------------------------------------


def value_text(value: object) -> str:
    """A value as memory stores and compares it."""
    return "" if value is None else str(value)


def same_value(field_type: str, a: object, b: object) -> bool:
    """Equal as the field's type reads them: amounts as decimals, text by its words."""
    if a is None or b is None:
        return a is None and b is None
    if field_type in (FieldType.MONEY, FieldType.NUMBER) and not isinstance(a, bool):
        try:
            return Decimal(str(a).strip()) == Decimal(str(b).strip())
        except InvalidOperation:
            pass
    if field_type == FieldType.IBAN:
        return re.sub(r"\s", "", str(a)).upper() == re.sub(r"\s", "", str(b)).upper()
    if field_type == FieldType.BOOLEAN:
        return str(a).lower() == str(b).lower()
    return " ".join(str(a).split()) == " ".join(str(b).split())
