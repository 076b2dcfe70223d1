"""Layout memory: where reviewers said a field's right value sat, read again on the next document.

Called by `run_engine` (`remember`: fingerprint the document, match it to a remembered layout,
read every remembered position, let agreeing or stronger memory set a field's value and
confidence) and by `extraction.learning` when a reviewed document teaches a layout (`locate`,
`fingerprint_pages`). Pure: layouts arrive as plain data on `EngineInput.memory`
(`RememberedLayout`), results leave as `LayoutReading`; storage lives in `extraction.learning`.

A layout is fingerprinted by the issuer's identity printed outside the buyer's block (VAT ids
and IBANs) and by a signature of the first page's static words (no digits) with coarse
positions. A document matches a remembered layout when the signatures overlap enough
(`MATCH_SIGNATURE`) and the identities share one, or neither side has one; identities that
differ never match, and a shared identity does not make up for a different design. Where both
sides have anchors (words printed once on the first page, with their exact centres), the placed
half of the signature comparison is how many shared words sit where one similarity transform
(shift, scale, a slight turn, fitted robustly to the shared words) puts them: a scan of the
layout shifted or scaled a little still matches, a different design sharing generic words does
not.

Remembered boxes and label offsets are kept in the frame of the document the layout was first
taught from; on a new document they go through the alignment of the layout's anchors onto the
page's before they are read, and a place learned on a later (shifted) document is brought back
into the layout's frame before it is kept.

A remembered position is the value's box (as fractions of the page) and the label words beside
it with the offset between them. It is read on a new document at the label when the label is
found on the page, else at the box; the text there must parse as the field's type
(`fields.parse_with_kind`) or the position reads nothing. Its confidence is its own track
record (`track_score`): right and wrong readings on later reviewed documents of the layout,
shrunk towards the layout's record, itself shrunk towards memory's record on all layouts of the
case type handed to the job, shrunk towards a prior; so a position that keeps being corrected
loses trust, and so does its layout, and a new layout starts from how memory has done on the
others. A reading at the box without its label beside it is marked down and never outvotes a
generic value; a free-text reading (any text parses as a name) is published below T=90 until
its place has read the reviewed value once.
"""

from __future__ import annotations

import cmath
import re
from collections.abc import Iterator
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
"""Pseudo-count with which a position's record is pulled towards its layout's, a layout's
towards memory's record on the case type, and that towards the prior: one wrong reading of a
new position drops it far below 90."""
MAX_SCORE = 99
DISAGREE_PENALTY = 4
"""Points taken off when memory overrides a different generic reading."""
CONFLICT_PENALTY = 25
"""Points taken off when remembered positions of one field read different values."""
MATCH_SIGNATURE = 0.5
"""Signature similarity a document needs to match a layout, whether or not the issuers'
identities share one: an identity says who issued the page, not which of the issuer's designs
it is (one seller's invoices and credit notes, or unrelated issuers printing one demo VAT id,
share identities on pages whose static words sit elsewhere)."""
SIGNATURE_COLUMNS, SIGNATURE_ROWS = 8, 12
ANCHOR_TOLERANCE = 0.015
"""How far (in page widths) a word may sit from where an alignment puts it and still agree."""
MIN_INLIERS = 4
"""Words that must agree with an alignment for it to stand (and for positions to count)."""
MAX_ANCHORS = 160
MAX_HYPOTHESES_FROM = 24
"""Alignments are tried from pairs of at most this many shared words (evenly picked)."""
MAX_SCALE_CHANGE = 0.3
MAX_ROTATION = 0.09
"""Radians (about 5 degrees): a scan's tilt; larger turns are the OCR's orientation's job."""
LABEL_MISSING_PENALTY = 10
"""Points taken off a reading made at the remembered box because its label was not found
there: the value's surroundings no longer confirm the place."""
MAX_SIGNATURE = 400
FREE_TEXT_KINDS = ("name", "person", "text")
"""Kinds any text parses as: the type does not check that a remembered place read a value of
the field rather than a neighbouring line."""
UNPROVEN_TEXT_SCORE = 85
"""The most a free-text reading is published at until its place has read the reviewed value
on a later document once (held at T=90: on the shared corpora, issuers sharing one template
had their name places read a neighbouring line or a cut name on first reuse)."""
DOUBTFUL_OCR = 80.0
"""OCR word confidence (0-100) below which the OCR itself doubts a word it read."""
DOUBTFUL_OCR_SCORE = 85
"""The most a reading is published at when the OCR doubted one of its words (held at T=90):
memory's record says the place is right, not that the text read there is (a handwritten
signature read in pieces)."""
GROWN_KINDS = ("identifier",)
"""Kinds whose value may be longer this time than where it was learned (`INV 2041` then
`INV 2041 mit LV`): read cut at the remembered box, the rest left out."""
GROWN_SCORE = 85
"""The most such a reading is published at when the words right after it on its line are not
among the layout's static words (held at T=90: the value may have grown past its old end)."""
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
    """The trust that decides between readings and against the generic value."""
    ceiling: int = MAX_SCORE
    """The most the reading is published at (an unproven free-text place: below T=90)."""
    at_label: bool = True
    """Read at its label, or at the region with its label beside it (or it has none)."""


# --- Fingerprint and matching -------------------------------------------------------------


def fingerprint(lines: list[Line], pages: list[PageResult]) -> tuple[str, tuple[str, ...]]:
    """(issuer identities joined by `|`, signature) of a document's lines."""
    identities = sorted(_identities(_issuer_text(lines)))
    signature: list[str] = []
    seen: set[str] = set()
    if pages:
        first = pages[0]
        for word, token in _static_words(lines, first):
            column, row = _signature_cell(token.bbox, first)
            entry = f"{word}@{column}.{row}"
            if entry not in seen:
                seen.add(entry)
                signature.append(entry)
    return "|".join(identities), tuple(sorted(signature[:MAX_SIGNATURE]))


def _static_words(lines: list[Line], first: PageResult) -> Iterator[tuple[str, Token]]:
    """(compact word, token) of the first page's words that may be static: three letters or
    more and no digit (numbers, dates and amounts change from document to document)."""
    for line in lines:
        if line.page != first.number:
            continue
        for token in line.tokens:
            word = compact(token.text, fold=False)  # the form stored signatures are in
            if _may_be_static(word, token.text):
                yield word, token


def _may_be_static(word: str, text: str) -> bool:
    """Whether a word (`word` its compact form) may be printed on every page of a layout: three
    letters or more and no digit."""
    return len(word) >= 3 and not any(ch.isdigit() for ch in text)


def _signature_cell(bbox: BBox, page: PageResult) -> tuple[int, int]:
    """The coarse cell (column, row) of the signature grid a box's top-left corner lies in."""
    width, height = max(page.width, 1.0), max(page.height, 1.0)
    column = min(int(bbox[0] / width * SIGNATURE_COLUMNS), SIGNATURE_COLUMNS - 1)
    row = min(int(bbox[1] / height * SIGNATURE_ROWS), SIGNATURE_ROWS - 1)
    return column, row


def _identities(text: str) -> set[str]:
    joined = re.sub(r"(?<=[A-Z0-9])[ .](?=\d)", "", text.upper())
    found = {re.sub(r"[\s.\-]", "", match.group(0)) for match in _VAT.finditer(joined)}
    for line in text.upper().splitlines():
        parsed = parse_iban(line)
        if parsed is not None:
            found.add(str(parsed.value))
    return found


Anchor = tuple[str, float, float]


def anchors(lines: list[Line], pages: list[PageResult]) -> tuple[Anchor, ...]:
    """The first page's words printed once on it (no digits, three letters or more), each with
    its centre in page widths: the points a layout is aligned by."""
    if not pages:
        return ()
    first = pages[0]
    width = max(first.width, 1.0)
    counts: dict[str, int] = {}
    places: dict[str, tuple[float, float]] = {}
    for word, token in _static_words(lines, first):
        counts[word] = counts.get(word, 0) + 1
        x0, y0, x1, y1 = token.bbox
        places[word] = ((x0 + x1) / 2 / width, (y0 + y1) / 2 / width)
    unique = sorted(word for word, count in counts.items() if count == 1)
    return tuple((word, round(places[word][0], 4), round(places[word][1], 4)) for word in unique)[
        :MAX_ANCHORS
    ]


@dataclass(frozen=True)
class Alignment:
    """A similarity transform between two pages' frames (page widths): z -> scale * z + shift,
    with how many of the shared words it puts in place."""

    scale: complex = 1 + 0j
    shift: complex = 0j
    inliers: int = 0
    common: int = 0

    def point(self, x: float, y: float) -> tuple[float, float]:
        z = self.scale * complex(x, y) + self.shift
        return z.real, z.imag

    @property
    def share(self) -> float:
        """The share of the shared words the transform puts in place."""
        return self.inliers / self.common if self.common else 0.0


def align(source: tuple[Anchor, ...], target: tuple[Anchor, ...]) -> Alignment | None:
    """The transform taking `source`'s words onto `target`'s, or None when fewer than
    `MIN_INLIERS` shared words agree on one. Robust to outliers (a word that moved, a variable
    word that happens to repeat): every pair of shared words proposes a transform (bounded
    scale and turn), the one most words agree with wins and is refitted on those words."""
    src = {word: complex(x, y) for word, x, y in source}
    dst = {word: complex(x, y) for word, x, y in target}
    pairs = [(src[word], dst[word]) for word in sorted(src.keys() & dst.keys())]
    if len(pairs) < MIN_INLIERS:
        return None
    step = max(1, -(-len(pairs) // MAX_HYPOTHESES_FROM))
    sample = pairs[::step]
    best: list[tuple[complex, complex]] = []
    hypothesis = (1 + 0j, 0j)
    best_quick = 0
    for i, (a0, b0) in enumerate(sample):
        for a1, b1 in sample[i + 1 :]:
            spread = a1 - a0
            if abs(spread) < 0.1:
                continue
            scale = (b1 - b0) / spread
            if abs(abs(scale) - 1) > MAX_SCALE_CHANGE or abs(cmath.phase(scale)) > MAX_ROTATION:
                continue
            shift = b0 - scale * a0
            # Counted on the sample first; every word only when the sample count improves.
            quick = sum(abs(scale * a + shift - b) <= ANCHOR_TOLERANCE for a, b in sample)
            if quick < best_quick:
                continue
            best_quick = quick
            agree = [(a, b) for a, b in pairs if abs(scale * a + shift - b) <= ANCHOR_TOLERANCE]
            if len(agree) > len(best):
                best, hypothesis = agree, (scale, shift)
        if best_quick >= 0.9 * len(sample):
            break  # nearly every word agrees already: no pair can do much better
    if len(best) < MIN_INLIERS:
        return None
    scale, shift = _fit(best)
    inliers = sum(abs(scale * a + shift - b) <= ANCHOR_TOLERANCE for a, b in pairs)
    if inliers < len(best):  # the refit let words go: keep the transform they agreed on
        (scale, shift), inliers = hypothesis, len(best)
    return Alignment(scale, shift, inliers, len(pairs))


def _fit(pairs: list[tuple[complex, complex]]) -> tuple[complex, complex]:
    """Least-squares similarity transform (complex scale and shift) of the pairs."""
    n = len(pairs)
    mean_a = sum(a for a, _ in pairs) / n
    mean_b = sum(b for _, b in pairs) / n
    spread = sum(abs(a - mean_a) ** 2 for a, _ in pairs)
    if spread < 1e-9:
        return 1 + 0j, mean_b - mean_a
    scale = sum((a - mean_a).conjugate() * (b - mean_b) for a, b in pairs) / spread
    return scale, mean_b - scale * mean_a


def similarity(
    signature: tuple[str, ...],
    other: tuple[str, ...],
    anchors: tuple[Anchor, ...] = (),
    other_anchors: tuple[Anchor, ...] = (),
) -> float:
    """Half the overlap of the static words, half how far their places agree: with anchors on
    both sides, the share of shared words one alignment puts in place (a shifted or scaled scan
    of the layout scores as the layout); without, the overlap of the words at coarse places."""
    if not signature or not other:
        return 0.0
    placed, other_placed = set(signature), set(other)
    words = {entry.split("@")[0] for entry in placed}
    other_words = {entry.split("@")[0] for entry in other_placed}
    word_share = _jaccard(words, other_words)
    if anchors and other_anchors:
        alignment = align(other_anchors, anchors) if word_share > 0.1 else None
        return 0.5 * word_share + 0.5 * (alignment.share if alignment else 0.0)
    return 0.5 * word_share + 0.5 * _jaccard(placed, other_placed)


def _jaccard(a: set[str], b: set[str]) -> float:
    union_size = len(a | b)
    return len(a & b) / union_size if union_size else 0.0


def match_layout(
    issuer: str,
    signature: tuple[str, ...],
    layouts: tuple[RememberedLayout, ...] | list[RememberedLayout],
    schema_slug: str,
    page_anchors: tuple[Anchor, ...] = (),
) -> tuple[RememberedLayout | None, float]:
    """The remembered layout of this schema the document has, with its signature similarity
    (`page_anchors`: the document's, to compare places through an alignment)."""
    mine = set(filter(None, issuer.split("|")))
    best: RememberedLayout | None = None
    best_score = 0.0
    for layout in layouts:
        if layout.schema_slug != schema_slug:
            continue
        theirs = set(filter(None, layout.issuer.split("|")))
        score = similarity(signature, layout.signature, page_anchors, layout.anchors)
        if score < MATCH_SIGNATURE:
            continue
        if mine and theirs:
            if not mine & theirs:
                continue
            score += 1.0  # a shared identity outranks any signature alone
        elif mine or theirs:
            continue
        if score > best_score:
            best, best_score = layout, score
    return best, round(best_score if best_score <= 1 else best_score - 1.0, 4)


# --- Track record ---------------------------------------------------------------------------


def track_score(
    right: int,
    wrong: int,
    *,
    layout_right: int = 0,
    layout_wrong: int = 0,
    memory_right: int = 0,
    memory_wrong: int = 0,
) -> int:
    """A remembered position's confidence from its own, its layout's and memory's record on the
    case type (0-99).

    Memory's accuracy is its record over every layout shrunk towards the prior (19 in 20); the
    layout's is its record shrunk towards memory's; the position's is its own record shrunk
    towards the layout's. Nothing read anywhere yet: 95; each wrong reading costs more than a
    right one earns.
    """
    prior = PRIOR_RIGHT / (PRIOR_RIGHT + PRIOR_WRONG)
    overall = (memory_right + SHRINK * prior) / (memory_right + memory_wrong + SHRINK)
    layout = (layout_right + SHRINK * overall) / (layout_right + layout_wrong + SHRINK)
    own = (right + SHRINK * layout) / (right + wrong + SHRINK)
    return min(MAX_SCORE, int(own * 100))


def layout_record(layout: RememberedLayout) -> tuple[int, int]:
    """(right, wrong) readings of the layout's positions."""
    return (
        sum(position.right for position in layout.positions),
        sum(position.wrong for position in layout.positions),
    )


def memory_record(
    layouts: tuple[RememberedLayout, ...] | list[RememberedLayout], schema_slug: str
) -> tuple[int, int]:
    """(right, wrong) readings of every remembered position of the schema's layouts."""
    records = [layout_record(layout) for layout in layouts if layout.schema_slug == schema_slug]
    return sum(right for right, _ in records), sum(wrong for _, wrong in records)


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
    page_anchors = anchors(lines, pages)
    layout, score = match_layout(issuer, signature, layouts, schema.slug, page_anchors)
    if layout is None or not lines:
        return fields, LayoutReading(issuer, signature)
    record = memory_record(layouts, schema.slug)
    alignment = align(layout.anchors, page_anchors)
    reads = read_layout(context, pages, schema, layout, alignment, memory=record)
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
    context: DocumentContext,
    pages: list[PageResult],
    schema: Schema,
    layout: RememberedLayout,
    alignment: Alignment | None = None,
    *,
    memory: tuple[int, int] = (0, 0),
) -> list[Read]:
    """Every remembered position's reading on this document (those that parse), its boxes
    and label offsets put through `alignment` (the layout's frame onto this document's) when
    there is one; trusted by its record, its layout's and `memory`'s (right, wrong) on the
    case type (`track_score`)."""
    specs = {spec.key: spec for spec in schema.fields}
    layout_right, layout_wrong = layout_record(layout)
    static = _static_places(layout.signature)
    reads: list[Read] = []
    for position in layout.positions:
        spec = specs.get(position.key)
        if spec is None or spec.type == FieldType.TABLE or position.page > len(pages):
            continue
        page = pages[position.page - 1]
        frame = _Frame(layout.page_size, alignment) if alignment and layout.page_size[0] else None
        found = _read_position(context, spec, page, position, frame, static)
        if found is None:
            continue
        value, text, bbox, at_label = found.value, found.text, found.bbox, found.at_label
        score = track_score(
            position.right,
            position.wrong,
            layout_right=layout_right,
            layout_wrong=layout_wrong,
            memory_right=memory[0],
            memory_wrong=memory[1],
        )
        if position.label and not at_label:
            score -= LABEL_MISSING_PENALTY
        ceiling = MAX_SCORE
        if position.right == 0 and semantic_kind(spec.key, spec.type) in FREE_TEXT_KINDS:
            ceiling = UNPROVEN_TEXT_SCORE
        if found.ocr_confidence < DOUBTFUL_OCR:
            ceiling = min(ceiling, DOUBTFUL_OCR_SCORE)
        if found.continued and semantic_kind(spec.key, spec.type) in GROWN_KINDS:
            ceiling = min(ceiling, GROWN_SCORE)
        reads.append(Read(position, value, text, page.number, bbox, score, ceiling, at_label))
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
    is trusted more than the generic reading and read where its label confirms it, and is
    marked down for the disagreement. Trust decides; what is published is at most the winning
    reading's ceiling.
    """
    best = max(reads, key=lambda r: (r.score, r.position.right - r.position.wrong))
    rivals = [r for r in reads if not same_value(spec.type, r.value, best.value)]
    score = best.score - (CONFLICT_PENALTY if rivals else 0)
    if generic.value is not None and same_value(spec.type, generic.value, best.value):
        published = min(score, best.ceiling)
        if published <= generic.confidence:
            return None
        return replace(generic, confidence=published)
    if generic.value is not None and not best.at_label:
        return None  # a place its label no longer confirms does not outvote the generic value
    score -= DISAGREE_PENALTY if generic.value is not None else 0
    if score <= generic.confidence:
        return None
    published = max(min(score, best.ceiling), 0)
    return FieldResult(spec.key, best.value, best.text, published, best.page, best.bbox)


@dataclass(frozen=True)
class _Frame:
    """A layout's frame (its first page's size) and its alignment onto a document's page."""

    size: tuple[float, float]
    alignment: Alignment

    def box(self, bbox: BBox, page: PageResult) -> BBox:
        """A box in fractions of the layout's page, in points of `page`."""
        width, height = self.size
        aspect = height / max(width, 1.0)
        x0, y0 = self.alignment.point(bbox[0], bbox[1] * aspect)
        x1, y1 = self.alignment.point(bbox[2], bbox[3] * aspect)
        scale = page.width
        return (min(x0, x1) * scale, min(y0, y1) * scale, max(x0, x1) * scale, max(y0, y1) * scale)

    def offset(self, offset: tuple[float, float], page: PageResult) -> tuple[float, float]:
        """A label-to-value offset in the layout page's points, in points of `page`."""
        z = self.alignment.scale * complex(*offset) / max(self.size[0], 1.0) * page.width
        return z.real, z.imag


def _read_position(
    context: DocumentContext,
    spec: FieldSpec,
    page: PageResult,
    position: RememberedPosition,
    frame: _Frame | None = None,
    static: dict[str, set[tuple[int, int]]] | None = None,
) -> _Found | None:
    """What a remembered position reads on `page` (`static`: the layout's static words)."""
    kind = semantic_kind(spec.key, spec.type)
    if kind in UNREMEMBERED_KINDS:
        return None
    lines = [line for line in context.lines if line.page == page.number and line.tokens]
    width, height = page.width, page.height
    x0, y0, x1, y1 = position.bbox
    box = (x0 * width, y0 * height, x1 * width, y1 * height)
    offset = position.offset
    if frame is not None:
        box = frame.box(position.bbox, page)
        offset = frame.offset(position.offset, page)
    attempts: list[tuple[BBox, set[int]]] = []
    if position.label:
        label_at = (box[0] - offset[0], box[1] - offset[1])
        for label_tokens in _label_occurrences(lines, position.label, label_at):
            lx, ly = label_tokens[0].bbox[0], min(t.bbox[1] for t in label_tokens)
            shifted = (
                lx + offset[0],
                ly + offset[1],
                lx + offset[0] + (box[2] - box[0]),
                ly + offset[1] + (box[3] - box[1]),
            )
            attempts.append((shifted, {id(t) for t in label_tokens}))
    labelled = len(attempts)
    attempts.append((box, set()))
    free_text = kind in FREE_TEXT_KINDS
    for index, (expected, skip) in enumerate(attempts):
        tokens = _tokens_at(lines, expected, skip, to_gap=free_text)
        runs = _runs_by_fit(tokens, expected)
        if free_text:
            if any(t.text.endswith(":") for t in tokens):
                continue  # a label and its value (`Globale Nummer: 4333741000005`), not a name
            # A name runs on to the column's gap: this one may be longer than the last.
            whole = _without_separators(tokens)
            runs = [whole, *runs] if whole else runs
        for run in runs:
            text = " ".join(token.text for token in run)
            parsed = parse_with_kind(context, spec, kind, text)
            if parsed is not None:
                return _Found(
                    parsed.value,
                    text,
                    union([t.bbox for t in run]),
                    index < labelled or _label_beside(lines, position.label, run),
                    min(t.confidence for t in run),
                    position.page == 1
                    and _continued(
                        lines, page, _core(context, spec, kind, run, parsed.value), static or {}
                    ),
                )
    return None


def _core(
    context: DocumentContext, spec: FieldSpec, kind: str, run: list[Token], value: object
) -> list[Token]:
    """The shortest start of the run that still reads `value` (a parser may drop a trailing
    word the remembered box also caught: `210111 mit` reads 210111)."""
    for size in range(1, len(run)):
        parsed = parse_with_kind(context, spec, kind, " ".join(t.text for t in run[:size]))
        if parsed is not None and same_value(spec.type, parsed.value, value):
            return run[:size]
    return run


@dataclass(frozen=True)
class _Found:
    """A remembered position's reading on one page."""

    value: object
    text: str
    bbox: BBox
    at_label: bool
    """Read at its label, or at the region with its label beside it (or it has none)."""
    ocr_confidence: float
    """The lowest confidence among its words (100 on a trusted text layer)."""
    continued: bool
    """Words that are not the layout's static words follow it closely on its line."""


def _static_places(signature: tuple[str, ...]) -> dict[str, set[tuple[int, int]]]:
    """The signature's static words, each with the coarse cells (column, row) it sits in."""
    places: dict[str, set[tuple[int, int]]] = {}
    for entry in signature:
        word, _, cell = entry.partition("@")
        column, _, row = cell.partition(".")
        if column.isdigit() and row.isdigit():
            places.setdefault(word, set()).add((int(column), int(row)))
    return places


def _continued(
    lines: list[Line], page: PageResult, run: list[Token], static: dict[str, set[tuple[int, int]]]
) -> bool:
    """Whether the run's line goes on right after it, at a word's gap, with a word the layout
    does not print there (`static`: its signature's words and coarse cells; a neighbouring cell
    counts, for a shifted scan): the value may be longer than the remembered box held. Only on
    the layout's first page (the signature's), and only for a word that could be static (three
    letters or more, no digit): a number or a short word after the value proves nothing."""
    if not static:
        return False
    last = run[-1]
    line = next((line for line in lines if any(t is last for t in line.tokens)), None)
    if line is None:
        return False
    at = next(i for i, token in enumerate(line.tokens) if token is last)
    if at + 1 >= len(line.tokens):
        return False
    following = line.tokens[at + 1]
    if following.bbox[0] - last.bbox[2] > 1.5 * max(last.bbox[3] - last.bbox[1], 1.0):
        return False  # another column's text
    word = compact(following.text, fold=False)  # the form the signature's words are in
    if not _may_be_static(word, following.text):
        return False
    column, row = _signature_cell(following.bbox, page)
    cells = static.get(word, set())
    return not any(abs(c - column) <= 1 and abs(r - row) <= 1 for c, r in cells)


def _label_beside(lines: list[Line], label: str, run: list[Token]) -> bool:
    """Whether the label words are printed just left of the run or on the line above it."""
    if not label:
        return True
    wanted = compact(label)
    line = next((line for line in lines if any(t is run[0] for t in line.tokens)), None)
    if line is None:
        return False
    found = _label_for(lines, line.page, run)
    return bool(found) and compact(" ".join(t.text for t in found)).endswith(wanted)


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


SEPARATORS = frozenset("·|•–—")
"""Tokens that divide one printed item from the next on a line (`Name · Street · City`)."""


def _without_separators(tokens: list[Token]) -> list[Token]:
    """The tokens up to the first separator, without separators before them."""
    run: list[Token] = []
    for token in tokens:
        if token.text.strip() in SEPARATORS:
            if run:
                break
            continue
        run.append(token)
    return run


def _tokens_at(
    lines: list[Line], box: BBox, skip: set[int], *, to_gap: bool = False
) -> list[Token]:
    """The tokens of the one line at the box's height that overlap it (a margin either side;
    `to_gap`: on to the right until a wide gap, for a value that may be longer this time)."""
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
    left, right = box[0] - margin, (float("inf") if to_gap else box[2] + margin)
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
    """Where `value` of `spec` is printed: the shortest run of tokens inside `hint` (upload
    page number, box in points: where the engine read it) that reads the value, else every run
    of up to six tokens on one line that parses to it (first `limit`, shortest runs first). The
    engine's box may hold more than the value (its label, a neighbour on the line), which a
    place must not keep: its next reading would start at the label."""
    kind = semantic_kind(spec.key, spec.type)
    if spec.type == FieldType.TABLE or kind in UNREMEMBERED_KINDS or value in (None, ""):
        return []
    numbers = {page.number: index for index, page in enumerate(pages, start=1)}
    lines = [line for line in context.lines if line.page in numbers]
    if hint is not None and hint[0] in numbers:
        page_number, box = hint
        hinted = [
            replace(line, tokens=tuple(t for t in line.tokens if _inside(t.bbox, box)))
            for line in lines
            if line.page == page_number
        ]
        runs = _value_runs(context, spec, kind, hinted, value)
        if runs:
            _, _, run = min(runs, key=lambda item: (item[0], item[1]))
            return [_located(lines, pages[numbers[page_number] - 1], numbers[page_number], run)]
    found: list[tuple[int, int, Located]] = [
        (size, index, _located(lines, pages[numbers[run[0].page] - 1], numbers[run[0].page], run))
        for size, index, run in _value_runs(context, spec, kind, lines, value)
    ]
    found.sort(key=lambda item: (item[0], item[1]))
    unique: list[Located] = []
    for _, _, located in found:
        if all(abs(located.bbox[1] - other.bbox[1]) > 1e-3 for other in unique):
            unique.append(located)
    return unique[:limit]


def _value_runs(
    context: DocumentContext, spec: FieldSpec, kind: str, lines: list[Line], value: object
) -> list[tuple[int, int, tuple[Token, ...]]]:
    """(tokens, line index, run) of every line's first-starting runs of up to six tokens that
    parse to `value`, the shortest from each start."""
    found: list[tuple[int, int, tuple[Token, ...]]] = []
    for line in lines:
        for start in range(len(line.tokens)):
            for size in range(1, 7):
                run = tuple(line.tokens[start : start + size])
                if len(run) < size:
                    break
                parsed = parse_with_kind(context, spec, kind, " ".join(t.text for t in run))
                if parsed is not None and same_value(spec.type, parsed.value, value):
                    found.append((size, line.index, run))
                    break
    return found


def reframe(
    place: Located, page: PageResult, size: tuple[float, float], alignment: Alignment
) -> Located:
    """A place located on `page`, in the frame of a layout whose first page has `size`
    (`alignment`: this document's frame onto the layout's), as the layout keeps it."""
    width = max(page.width, 1.0)
    to_widths = page.height / width
    x0, y0 = alignment.point(place.bbox[0], place.bbox[1] * to_widths)
    x1, y1 = alignment.point(place.bbox[2], place.bbox[3] * to_widths)
    to_fraction = size[0] / max(size[1], 1.0)
    offset = alignment.scale * complex(*place.offset) / width * size[0]
    return Located(
        place.page,
        (min(x0, x1), min(y0, y1) * to_fraction, max(x0, x1), max(y0, y1) * to_fraction),
        place.label,
        (round(offset.real, 2), round(offset.imag, 2)),
    )


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
