"""Tables: ruled grids from vector rules, unruled tables from word positions, `table` fields.

Called by `run_engine` for every `table` field (invoice line items and the like) and usable on
its own (`page_tables`, `region_table`) for generic table extraction. Ruled tables come from
the page's vector rules (`grids.py`: cell geometry only; cell text is rebuilt from the page's
words, which keeps spaces right). Generic unruled tables, found without hints, come from text
alignment (`unruled.py`); `table` fields do not use it. A field's unruled fallback anchors on
a header row whose phrases match the field's column labels, derives column bands from the
header, and reads rows below it until a totals line, a wide gap or the page end; a table cut by
a page break continues on the next page below a repeated header or from the top, and
carried-forward lines are skipped. Description lines without numbers are merged into their row.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from statistics import median

import pymupdf

from extraction.engine import confidence
from extraction.engine.confidence import Evidence
from extraction.engine.fields import DocumentContext
from extraction.engine.grids import Grid, page_grids
from extraction.engine.labels import compact, find_label_hits
from extraction.engine.layout import Line, Phrase, Token, group_lines, union
from extraction.engine.parsers import MONTHS, detect_currency, find_dates, parse_value
from extraction.engine.synonyms import BUILTIN_SYNONYMS, LINE_ITEM_COLUMNS
from extraction.engine.table_checks import column_role, rows_above_arithmetic, rows_arithmetic
from extraction.engine.types import (
    BBox,
    CellResult,
    ColumnSpec,
    FieldResult,
    FieldSpec,
    FieldType,
    PageResult,
    Schema,
    Word,
)
from extraction.engine.unruled import (
    area_table,
    text_extent,
    text_rows_in,
    text_runs,
    unruled_tables,
)

STOP_KEYS = ("total_amount", "subtotal_amount", "tax_amount")


@dataclass(frozen=True)
class Header:
    page: int
    line_index: int
    bottom: float
    columns: tuple[tuple[str, float, float], ...]
    """(column key, x0, x1) for matched columns; an unmatched header phrase gets the key
    `UNNAMED` + its compacted title (`?kpl`, the same on every page that repeats the header),
    so its cells stay apart from the others."""
    titles: tuple[tuple[str, str], ...] = ()
    """(key, printed title) of the unmatched header phrases."""


UNNAMED = "?"
"""Key prefix of a header phrase that names none of the field's columns."""


def _column_spec(column: ColumnSpec) -> FieldSpec:
    extra = LINE_ITEM_COLUMNS.get(column.key, ())
    return FieldSpec(column.key, column.label, column.type, synonyms=(*column.synonyms, *extra))


HEADER_BATCH = 25
"""Lines matched against the column labels in one call: the labels' forms are built once per
call, and the search still stops soon after a full header."""


def find_header(lines: list[Line], spec: FieldSpec, start: int = 0) -> Header | None:
    """The line (from `start`) naming the most distinct columns, at least two."""
    column_specs = tuple(_column_spec(c) for c in spec.columns)
    best: tuple[int, Header] | None = None
    for offset in range(start, len(lines), HEADER_BATCH):
        batch = lines[offset : offset + HEADER_BATCH]
        by_line: dict[int, list] = {}
        for hit in find_label_hits(batch, column_specs):
            by_line.setdefault(hit.line.index, []).append(hit)
        for line in batch:
            hits = by_line.get(line.index, [])
            keys = {hit.key for hit in hits if hit.start == 0 or _at_phrase_start(hit)}
            if len(keys) < 2:
                continue
            header = _header(line, hits, spec)
            if best is None or len(keys) > best[0]:
                best = (len(keys), header)
            if len(keys) >= min(3, len(spec.columns)):
                return header
    return best[1] if best else None


def _header(line: Line, hits: list, spec: FieldSpec) -> Header:
    """Each column key goes to the header phrase that names it best: the column's own label
    before a synonym (`DESCRIPTION` over `ITEM` for `description`), then the closer match."""
    primary = {column.key: compact(column.label) for column in spec.columns}
    hits = [hit for hit in hits if _within_a_phrase(line, hit)]
    ranked = sorted(hits, key=lambda h: (h.variant != primary.get(h.key), -h.score, -h.length))
    phrases = _title_phrases(line, hits)
    owner: dict[int, str] = {}
    for hit in ranked:
        if hit.key in owner.values():
            continue
        index = next(
            (i for i, p in enumerate(phrases) if any(t is p.tokens[0] for t in hit.tokens)),
            None,
        )
        if index is not None and index not in owner:
            owner[index] = hit.key
    unnamed = _unnamed_keys(
        (index, phrase.text) for index, phrase in enumerate(phrases) if index not in owner
    )
    columns = tuple(
        (owner.get(index) or unnamed[index], phrase.bbox[0], phrase.bbox[2])
        for index, phrase in enumerate(phrases)
    )
    titles = tuple((unnamed[index], phrases[index].text) for index in unnamed)
    return Header(line.page, line.index, line.bbox[3], columns, titles)


def _within_a_phrase(line: Line, hit) -> bool:
    return any(all(any(t is u for u in p.tokens) for t in hit.tokens) for p in line.phrases)


def _title_phrases(line: Line, hits: list) -> list[Phrase]:
    """The header's phrases, each split where a matched title ends or begins at a gap wider
    than half the words' height: two headings set close together (`Cantidad  Unidad`, the
    unit a column of its own; `Qty  Unit Price`) are two columns, while one heading's words
    (`Precio unitario`, one space apart) and a qualifier (`Total  EUR`) stay one; a title ends
    after its qualifier (`Amount (AED)   VAT %` is two columns). `hits` lie within one phrase
    (`_header` drops a match across two, `Enhet | Pris` read as `Enhetspris`)."""
    edges = {id(hit.tokens[0]) for hit in hits} | {id(hit.tokens[-1]) for hit in hits}
    phrases: list[Phrase] = []
    for phrase in line.phrases:
        start = 0
        for index in range(1, len(phrase.tokens)):
            before, after = phrase.tokens[index - 1], phrase.tokens[index]
            wide = _wide_gap(before, after)
            qualifier = _qualifies_heading(after.text)
            if qualifier and id(before) in edges:  # `Amount (AED)`: the title goes on
                edges.add(id(after))
            if wide and not qualifier and (id(before) in edges or id(after) in edges):
                phrases.append(replace(phrase, tokens=phrase.tokens[start:index]))
                start = index
        phrases.append(replace(phrase, tokens=phrase.tokens[start:]))
    return phrases


def _wide_gap(before: Token, after: Token) -> bool:
    """A gap between two words of one phrase wider than half their height: wider than a space,
    narrower than the layout's gap between phrases."""
    height = max(before.bbox[3] - before.bbox[1], after.bbox[3] - after.bbox[1])
    return after.bbox[0] - before.bbox[2] > height / 2


def _qualifies_heading(text: str) -> bool:
    """A word that qualifies the heading before it rather than naming a column (`Total   EUR`,
    `Amount (GBP)`, `Rate  %`)."""
    return text.startswith(("(", "[", "%")) or detect_currency(text) is not None


def _unnamed_keys(titled: Iterable[tuple[int, str]]) -> dict[int, str]:
    """Keys for header phrases or cells (position, printed title) that name no column:
    `UNNAMED` + the compacted title (`?kpl`), + their position when a title repeats."""
    keys: dict[int, str] = {}
    for index, title in titled:
        key = f"{UNNAMED}{compact(title)}"
        keys[index] = key if key not in keys.values() else f"{key}{UNNAMED}{index}"
    return keys


def _at_phrase_start(hit) -> bool:
    return hit.phrase_start


def _stop_forms() -> set[str]:
    forms: set[str] = set()
    for key in STOP_KEYS:
        forms.update(compact(s) for s in BUILTIN_SYNONYMS[key])
    return forms


def _is_stop_line(line: Line, stops: set[str]) -> bool:
    first = compact(line.phrases[0].text) if line.phrases else ""
    words = [compact(t.text) for t in line.tokens[:3]]
    joined = ""
    for word in words:
        joined += word
        if joined in stops:
            return True
    return first in stops


def _line_cells(line: Line, header: Header, numeric: list[str]) -> dict[str, list[Token]]:
    """A line's tokens by the column whose header band each falls in (`_assign`), with one
    correction: a description is one phrase, so words of a phrase that reaches into the
    description column belong to it even where they stick out under a neighbouring text
    column (`CNC` of `CNC Machining Charges` under a centred `S.No.` heading). A number after
    the description's start joins it only when its column also holds another phrase of the line
    (`90 x 100` sticking out under `HSN/SAC`, whose code follows); numbers under a number
    column, a number leading the phrase (a position number) and a lone number under an unknown
    heading (`Kpl`) keep their column, unless the phrase begins in the description and runs on
    under a number column with words (`Clave unidad: H87 Objeto imp.: 02 IVA 16%` under
    `Precio unitario`): running text, all of it the description's."""
    placed = [
        [(token, key) for token, key in pairs if not _FOOTNOTE_MARK.fullmatch(token.text)]
        for pairs in _column_phrases(line, header)
    ]
    sources: dict[str, set[int]] = {}
    for index, pairs in enumerate(placed):
        for _, key in pairs:
            sources.setdefault(key, set()).add(index)
    cells: dict[str, list[Token]] = {}
    for pairs in placed:
        keys = [key for _, key in pairs]
        first = keys.index("description") if "description" in keys else None
        runs_on = first == 0 and any(
            key in numeric and re.search(r"[^\W\d_]", token.text) for token, key in pairs
        )
        for position, (token, key) in enumerate(pairs):
            if (runs_on and key in numeric) or (
                first is not None
                and key not in numeric
                and key != "description"
                and (
                    re.search(r"[^\W\d_]", token.text)
                    or (position > first and len(sources[key]) > 1)
                )
            ):
                key = "description"
            cells.setdefault(key, []).append(token)
    return cells


def _column_phrases(line: Line, header: Header) -> list[list[tuple[Token, str]]]:
    """The line's phrases as (token, column) pairs: each word under the heading whose band it
    overlaps; a word under no heading with the nearest heading (`_assign`), but a word of
    letters with the heading its phrase's text began under (`de servicio` after `Unidad`,
    under `Unidad`), unless that is the column of a number the phrase began with (`2 V-Belt
    B-52` under `S.No.`); a phrase is split at a gap wider than half the words' height where the
    column changes (`Unidad de servicio   Impresión`: a unit and a description set closer
    than the layout's phrase gap)."""
    pieces: list[list[tuple[Token, str]]] = []
    for phrase in line.phrases:
        pairs: list[tuple[Token, str]] = []
        text_start: str | None = None  # the band of the phrase's first word with letters
        seen_text = False
        for token in phrase.tokens:
            key = _band(token, header)
            letters = re.search(r"[^\W\d_]", token.text) is not None
            if letters and not seen_text:
                seen_text = True
                # not the column of a number the phrase began with (a position number's)
                text_start = key if not pairs or key != pairs[0][1] else None
            if key is None:
                key = text_start if letters and text_start else _assign(token, header)
            if pairs and _wide_gap(pairs[-1][0], token) and key != pairs[-1][1]:
                pieces.append(pairs)
                pairs = []
            pairs.append((token, key))
        pieces.append(pairs)
    return pieces


def _totals_beside_notes(line: Line, header: Header, numeric: list[str], stops: set[str]) -> bool:
    """A totals label with its one amount to the right of notes on the same line (`Terms: due
    on receipt ... Subtotal 5,075.95`, a footer of two columns): the items have ended. A label
    after a quantity or a price (`2 10.00 GST 20.00`) or before them (`GST 2 100.00 200.00`), a
    tax code column, is part of an item."""
    for index, phrase in enumerate(line.phrases[1:], 1):
        words = [t.text for t in phrase.tokens]
        label = " ".join(itertools.takewhile(lambda w: not re.search(r"\d", w), words))
        if not label or not any(compact(part) in stops for part in re.split(r"\s*/\s*", label)):
            continue
        after = (
            phrase.text[len(label) :] + " " + " ".join(p.text for p in line.phrases[index + 1 :])
        )
        amounts = [w for w in after.split() if re.search(r"\d", w) and "%" not in w]
        before = [t for p in line.phrases[:index] for t in p.tokens]
        if len(amounts) == 1 and not any(
            re.search(r"\d", t.text) and _assign(t, header) in numeric for t in before
        ):
            return True
    return False


def _assign(token: Token, header: Header) -> str:
    """The column whose header band the token falls into (by overlap, else nearest center)."""
    band = _band(token, header)
    if band is not None:
        return band
    cx = (token.bbox[0] + token.bbox[2]) / 2
    nearest = min(header.columns, key=lambda col: min(abs(cx - col[1]), abs(cx - col[2])))
    return nearest[0]


def _band(token: Token, header: Header) -> str | None:
    """The column whose header band the token overlaps most, None when it overlaps none."""
    best_key, best_overlap = None, 0.0
    for key, x0, x1 in header.columns:
        overlap = min(token.bbox[2], x1) - max(token.bbox[0], x0)
        if overlap > best_overlap:
            best_key, best_overlap = key, overlap
    return best_key


def read_rows(
    lines: list[Line], header: Header, spec: FieldSpec, context: DocumentContext | None = None
) -> list[dict[str, CellResult]]:
    """Rows under a header until a totals line, a wide vertical gap or the document's end.

    Carried-forward lines ("Übertrag", "carried forward", "à reporter"...) at a page break are
    neither items nor the table's end; after a page break, a repeated header is looked for
    among the first lines (a brought-forward line may come before it).
    """
    stops = _stop_forms()
    types = {c.key: c.type for c in spec.columns}
    numeric = [c.key for c in spec.columns if c.type in (FieldType.MONEY, FieldType.NUMBER)]
    rows: list[dict[str, list[Token]]] = []
    previous_bottom = header.bottom
    line_height = 12.0
    current_page = header.page
    page_top = False
    """True after a page break until the first item row of the new page."""
    carried = False
    """A carried-forward line was read: the rest of its page is footer, and the next page's
    lines before the first item are its page header."""
    named = {key for key, _, _ in header.columns if not key.startswith(UNNAMED)}
    titles = dict(header.titles)
    body = lines[header.line_index + 1 :]
    for position, line in enumerate(body):
        if line.page != current_page:
            current_page = line.page
            previous_bottom = line.bbox[1]
            page_top = True
        elif carried and not page_top:
            continue
        if page_top:
            repeated = find_header([line], spec)
            if repeated is not None:
                header = replace(repeated, line_index=line.index, bottom=line.bbox[3])
                titles.update(header.titles)
                previous_bottom = line.bbox[3]
                continue
        if _is_carry_line(line, page_top or _near_page_end(body, position)):
            carried = carried or not page_top
            previous_bottom = line.bbox[3]
            continue
        line_height = max(4.0, min(30.0, line.bbox[3] - line.bbox[1]))
        if (
            _is_stop_line(line, stops)
            or _totals_beside_notes(line, header, numeric, stops)
            or line.bbox[1] - previous_bottom > 4 * line_height
        ):
            break
        previous_bottom = line.bbox[3]
        cells = _line_cells(line, header, numeric)
        has_number = any(
            key in cells and _parse(types[key], _text(cells[key]), context) is not None
            for key in numeric
        )
        if carried and page_top and not has_number:
            continue
        if rows and not has_number and _is_footnote_legend(line.text):
            break
        if has_number or not rows:
            if not has_number and not cells.get("description"):
                continue
            rows.append(cells)
            page_top = carried = False
        elif not _is_period(line.text):
            for key, tokens in cells.items():
                if key in numeric and find_dates(_text(tokens)):
                    key = "description"  # a dated note under the item, not its number
                rows[-1].setdefault(key, []).extend(tokens)
    items = [row for row in rows if _is_item(row, numeric, types, context)]
    texts = [{key: _text(tokens) for key, tokens in row.items()} for row in items]
    guessed = _unnamed_columns_read(texts, titles, named, spec, context)
    return [_row_result(row, spec, context, guessed) for row in items]


_FOOTNOTE_MARK = re.compile(r"[*†‡¹²³]{1,3}")
"""A token that only marks a footnote (`Medical consumables *`): no part of any cell."""
_RANGE_WORDS = frozenset(("to", "until", "bis", "au", "al", "tot", "a", "do", "till", "-", "–"))


def _is_footnote_legend(text: str) -> bool:
    """A line that explains a footnote mark (`* GST-free item`, `† Prix soldé`): it follows
    the items, so it ends the table instead of joining the last item's description."""
    return re.match(r"[*†‡¹²³]{1,3}\s*[^\W\d_]", text.strip()) is not None


def _is_period(text: str) -> bool:
    """A line that is only a range of two dates (`6 Mar 2023 – 5 Apr 2023`, the service period
    a subscription invoice prints under each item): not part of the item's description. A
    single date under an item (a delivery date) still joins it."""
    if len(find_dates(text)) < 2:
        return False
    words = re.findall(r"[^\W\d_]+|[-–]", text.lower())
    return all(word in MONTHS or word in _RANGE_WORDS for word in words)


def _unnamed_columns_read(
    items: list[dict[str, str]],
    titles: dict[str, str],
    named: set[str],
    spec: FieldSpec,
    context: DocumentContext | None,
) -> dict[str, tuple[str, bool]]:
    """Number columns of the field whose heading was not recognised (`Cant.`, `Stk.`), read
    from a column under a heading that names none of the field's columns and holds a number in
    at least half the rows: column key -> (unnamed key, whether row arithmetic confirms it in
    two rows or more).

    Left empty, such a column would read as absent and the table as sure as its other cells.
    Where quantity × unit price = amount can be checked, the one unnamed column that makes it
    hold in every row is taken; where it cannot, only a lone unread column and a lone
    candidate are paired. A heading with a `%` (`% IVA`) holds rates, never a candidate. A
    named amount column above quantity × unit price in every row is looked for the same way
    (`_named_amount_above_every_row`). The cells read so are scored as layout guesses
    (`confidence.POSITION_PRIOR`), unless arithmetic confirms them.
    """
    columns = {c.key: c for c in spec.columns}
    unread = [
        c.key
        for c in spec.columns
        if c.type in (FieldType.MONEY, FieldType.NUMBER) and c.key not in named
    ]
    candidates = [
        key
        for key, title in titles.items()
        if "%" not in title and _holds_numbers(items, key, context)
    ]
    if not candidates:
        return {}
    named_values = [
        {k: _cell_value(row.get(k), columns[k].type, context) for k in named} for row in items
    ]
    unread += _named_amount_above_every_row(named_values, named, list(columns))
    if not unread:
        return {}
    read: dict[str, tuple[str, bool]] = {}
    for key in unread:
        agreeing: list[tuple[str, int]] = []
        testable = False
        for candidate in candidates:
            rows = [
                {**values, key: _cell_value(row.get(candidate), columns[key].type, context)}
                for values, row in zip(named_values, items, strict=True)
            ]
            checked, adding_up = rows_arithmetic(rows, list(columns))
            testable = testable or checked > 0
            if checked and adding_up == checked:
                agreeing.append((candidate, checked))
        if testable and len(agreeing) == 1:
            candidate, checked = agreeing[0]
            read[key] = (candidate, checked >= 2)
        elif not testable and len(unread) == 1 and len(candidates) == 1:
            read[key] = (candidates[0], False)
    used = Counter(candidate for candidate, _ in read.values())
    return {key: pair for key, pair in read.items() if used[pair[0]] == 1}


def _named_amount_above_every_row(
    named_values: list[dict[str, object]], named: set[str], keys: list[str]
) -> list[str]:
    """The named amount column, when it is above quantity × unit price in every row that reads
    all three, two rows or more (`Celkem`, the gross line total beside an unknown net `Bez
    DPH`): an unnamed column that makes every row add up is then the amount (see the caller).
    An amount below it (a discount taken off each row) keeps its column."""
    amount = next((k for k in keys if column_role(k) == "amount"), None)
    if amount is None or amount not in named:
        return []
    checked, above = rows_above_arithmetic(named_values, keys)
    return [amount] if checked >= 2 and above == checked else []


_NUMBER_WITH_UNIT = re.compile(r"[-−]?\d[\d.,' ]*\s*[^\W\d_]{1,4}\.?")
"""A quantity with its unit (`2 pz`, `1,5 h`, `3 Stk.`)."""


def _holds_numbers(items: list[dict[str, str]], key: str, context: DocumentContext | None) -> bool:
    """Whether the column holds a number in at least half the rows, and only numbers."""
    texts = [row[key] for row in items if row.get(key)]
    if not texts or len(texts) * 2 < len(items):
        return False
    for text in texts:
        parsed = _parse(FieldType.NUMBER, text, context)
        if parsed is None or not (parsed.exact or _NUMBER_WITH_UNIT.fullmatch(text)):
            return False
    return True


def _cell_value(text: str | None, field_type: str, context: DocumentContext | None) -> object:
    parsed = _parse(field_type, text, context) if text else None
    return parsed.value if parsed else None


CARRY_FORMS = frozenset(
    {
        "ubertrag",
        "uebertrag",
        "vortrag",
        "carriedforward",
        "carryforward",
        "broughtforward",
        "carriedover",
        "broughtover",
        "cf",
        "bf",
        "areporter",
        "reporter",
        "report",
        "reportdelapage",
        "reportpageprecedente",
        "transport",
        "transporter",
        "atransporter",
    }
)
"""Compact forms of carried / brought forward lines of a table broken by a page break."""
WEAK_CARRY_FORMS = frozenset({"transport", "report"})
"""Forms that are also item names (freight): a carry line only right at a page break."""
CARRY_REACH = 4
"""Lines before a page break (footer lines may follow) in which a weak carry form counts."""


def _carry_form(tokens: tuple[Token, ...] | list[Token]) -> str | None:
    """The carry form the first words spell (`Zwischensumme/Übertrag` counts), if any."""
    forms = [compact(t.text) for t in tokens[:5]]
    for start in range(len(forms)):
        joined = ""
        for form in forms[start : start + 4]:
            joined += form
            if joined in CARRY_FORMS:
                return joined
            for carry in CARRY_FORMS - WEAK_CARRY_FORMS:
                if len(carry) > 6 and joined.endswith(carry):
                    return carry
    return None


def _is_carry_line(line: Line, at_page_break: bool) -> bool:
    return _is_carry(line.tokens, at_page_break)


def _is_carry(tokens: tuple[Token, ...] | list[Token], at_page_break: bool) -> bool:
    """Strong forms always; a weak one right at a page break with a single amount (an item
    named Transport has its quantity and prices too)."""
    form = _carry_form(tokens)
    if form is None or form not in WEAK_CARRY_FORMS:
        return form is not None
    amounts = sum(1 for t in tokens if parse_value(FieldType.NUMBER, t.text) is not None)
    return at_page_break and amounts <= 1


def _near_page_end(body: list[Line], position: int) -> bool:
    following = body[position + 1 : position + 1 + CARRY_REACH]
    return len(following) < CARRY_REACH or any(
        other.page != body[position].page for other in following
    )


def _parse(field_type: str, text: str, context: DocumentContext | None):
    """A cell's value read with the document's conventions (decimal comma, date order). A
    date is no number: a note such as `Delivery note 4711 of 12/09/2024` spilling into a
    number column neither makes an item row nor gives a quantity of 12."""
    if field_type in (FieldType.MONEY, FieldType.NUMBER) and find_dates(text):
        return None
    if context is None:
        return parse_value(field_type, text)
    return parse_value(
        field_type, text, date_order=context.date_order, decimal_comma=context.decimal_comma
    )


def _is_item(
    row: dict[str, list[Token]],
    numeric: list[str],
    types: dict[str, str],
    context: DocumentContext | None,
) -> bool:
    return any(key in row and _parse(types[key], _text(row[key]), context) for key in numeric)


def _text(tokens: list[Token]) -> str:
    return " ".join(t.text for t in tokens)


def _row_result(
    row: dict[str, list[Token]],
    spec: FieldSpec,
    context: DocumentContext | None = None,
    guessed: dict[str, tuple[str, bool]] | None = None,
) -> dict[str, CellResult]:
    """An unruled row's cells by column key (see `_cells`)."""
    return _cells(
        {
            key: (_text(tokens), tokens, union([t.bbox for t in tokens]))
            for key, tokens in row.items()
            if tokens
        },
        spec,
        context,
        guessed,
    )


def _cells(
    row: Mapping[str, tuple[str, list[Token], BBox]],
    spec: FieldSpec,
    context: DocumentContext | None = None,
    guessed: dict[str, tuple[str, bool]] | None = None,
) -> dict[str, CellResult]:
    """A row's cells by column key, from its (text, tokens, box) by row key, typed and scored:
    a named column as a table cell; a column placed by `_unnamed_columns_read` (`guessed`:
    column key -> its unnamed key, whether arithmetic confirmed it) read from its unnamed
    column as a layout guess, consistent when arithmetic confirmed it."""
    result: dict[str, CellResult] = {}
    for column in spec.columns:
        key, position, label_score, consistent = column.key, "table", 1.0, None
        if guessed and column.key in guessed:
            key, confirmed = guessed[column.key]
            position, label_score, consistent = "layout", 0.0, True if confirmed else None
        if key not in row:
            result[column.key] = CellResult(None, "", 0)
            continue
        text, tokens, box = row[key]
        parsed = _parse(column.type, text, context)
        evidence = Evidence(
            position,
            label_score=label_score,
            exact=parsed.exact if parsed else False,
            source_confidence=min(t.confidence for t in tokens),
            consistent=consistent,
            doubt=_description_doubt(column, text, tokens),
        )
        value = parsed.value if parsed else None
        score = confidence.score(evidence) if parsed else 0
        result[column.key] = CellResult(value, text, score, tokens[0].page, box)
    return result


WORDLESS_DESCRIPTION_DOUBT = 0.5
"""A description without a word (`433`) is more likely an article number read under the
description's heading than an item's description."""


LABELLED_CONTINUATION_DOUBT = 0.4
"""A description that took in a line of labelled data printed under the item (`Clave
prod./serv.: 43211503 No. identificación: 4868271`, `Serial no.: 1234`) or a line in smaller
type (`20 mars – 20 avr. 2024` under `Offre Growth`): whether such a line belongs to the
description is the issuer's convention, not the page's, so a reviewer says."""


def _description_doubt(column: ColumnSpec, text: str, tokens: list[Token]) -> float:
    if column.key != "description":
        return 0.0
    if not re.search(r"[^\W\d_]", text):
        return WORDLESS_DESCRIPTION_DOUBT
    first_bottom = tokens[0].bbox[3]  # word boxes of adjacent lines may overlap: centres
    later = [t for t in tokens if (t.bbox[1] + t.bbox[3]) / 2 > first_bottom]
    if any(t.text.endswith(":") and re.search(r"[^\W\d_]", t.text) for t in later):
        return LABELLED_CONTINUATION_DOUBT
    first = [t for t in tokens if all(t is not u for u in later)]
    if later and _in_smaller_type(first, later):
        return LABELLED_CONTINUATION_DOUBT
    return 0.0


SMALLER_TYPE = 0.9
"""A text layer's continuation line whose words are at most this share of the first line's
height is in smaller type: a note under the item (a billing period, an article number)."""


def _in_smaller_type(first: list[Token], later: list[Token]) -> bool:
    """Whether the later lines are set in smaller type than the first (text layer only: OCR's
    word boxes vary with the letters in them)."""
    if not first or any(t.confidence < 100 for t in (*first, *later)):
        return False
    height = median(t.bbox[3] - t.bbox[1] for t in first)
    return median(t.bbox[3] - t.bbox[1] for t in later) <= SMALLER_TYPE * height


def extract_table_fields(
    pages: list[PageResult],
    lines: list[Line],
    schema: Schema,
    context: DocumentContext,
    loaded: object,
) -> list[FieldResult]:
    """One FieldResult per table field of the schema; value None, rows in `rows`.

    Two sources: rows read under a header found in the words, and (PDF pages, in any words)
    ruled tables from PyMuPDF whose header row names the field's columns. The more complete
    source wins; ties go to the ruled grid, whose cell boxes are exact.
    """
    pdf = getattr(loaded, "pdf", None)
    results: list[FieldResult] = []
    for spec in schema.fields:
        if spec.type != FieldType.TABLE or not spec.columns:
            continue
        header = find_header(lines, spec)
        rows = read_rows(lines, header, spec, context) if header is not None else []
        page = header.page if header is not None else None
        ruled = ruled_rows(pdf, pages, spec, context) if pdf is not None else []
        if ruled and _completeness(ruled) >= _completeness(rows):
            rows = ruled
            page = next((c.page for row in rows for c in row.values() if c.page), None)
        if page is None:
            results.append(FieldResult(spec.key, None, "", 0))
            continue
        scores = [cell.confidence for row in rows for cell in row.values() if cell.text]
        score = min(scores) if scores else 0
        boxes = [
            cell.bbox for row in rows for cell in row.values() if cell.bbox and cell.page == page
        ]
        bbox: BBox | None = union(boxes) if boxes else None
        results.append(FieldResult(spec.key, None, "", score, page, bbox, tuple(rows)))
    return results


def _completeness(rows: list[dict[str, CellResult]]) -> tuple[int, int]:
    """Cells read with a value, then rows: how much of the table a source recovered."""
    return (sum(1 for row in rows for c in row.values() if c.value is not None), len(rows))


@dataclass
class _Grid:
    """The ruled table being read: its column edges and which grid column holds which key."""

    page: int
    edges: tuple[float, ...]
    keys: dict[int, str]


def ruled_rows(
    pdf: pymupdf.Document,
    pages: list[PageResult],
    spec: FieldSpec,
    context: DocumentContext | None = None,
) -> list[dict[str, CellResult]]:
    """Rows of the field's ruled tables: a grid whose header row names at least two columns,
    continued by headerless grids with the same column edges on the following pages."""
    column_specs = tuple(_column_spec(c) for c in spec.columns)
    types = {c.key: c.type for c in spec.columns}
    numeric = [c.key for c in spec.columns if c.type in (FieldType.MONEY, FieldType.NUMBER)]
    stops = _stop_forms()
    rows: list[dict[str, tuple[str, list[Token], BBox]]] = []
    grid: _Grid | None = None
    named: set[str] = set()
    titles: dict[str, str] = {}
    for page in pages:
        if page.rotation or not 0 < page.number <= pdf.page_count:
            continue
        found = page_grids(pdf[page.number - 1], [w.bbox for w in page.words])
        for table in found:
            table_rows = [list(row) for row in table.rows]
            if not table_rows:
                continue
            edges = _edges(table_rows)
            keys, header_titles = _header_keys(table_rows[0], page, column_specs)
            header_named = {key for key in keys.values() if not key.startswith(UNNAMED)}
            if len(header_named) >= 2:
                grid = _Grid(page.number, edges, keys)
                named |= header_named
                titles.update(header_titles)
                body = table_rows[1:]
            elif grid is not None and page.number > grid.page and _same_edges(edges, grid.edges):
                grid.page = page.number
                body = table_rows
            else:
                continue
            for position, cells in enumerate(body):
                row = _grid_row(cells, grid.keys, page)
                if all(key.startswith(UNNAMED) for key in row):
                    continue  # empty, or text under no named heading (a merged section row)
                if _is_carry_row(cells, page, position in (0, len(body) - 1)):
                    continue
                if _is_stop_row(row, cells, page, stops):
                    grid = None
                    break
                values = {key: text for key, (text, _, _) in row.items()}
                has_number = any(
                    key in values and _parse(types[key], values[key], context) is not None
                    for key in numeric
                )
                if has_number or not rows or not numeric:
                    rows.append(row)
                else:
                    _merge_row(rows[-1], row)
    items = [
        row
        for row in rows
        if not numeric
        or any(key in row and _parse(types[key], row[key][0], context) for key in numeric)
    ]
    texts = [{key: text for key, (text, _, _) in row.items()} for row in items]
    guessed = _unnamed_columns_read(texts, titles, named, spec, context)
    return [_cells(row, spec, context, guessed) for row in items]


def _edges(table_rows: list[list[BBox | None]]) -> tuple[float, ...]:
    """Left edges of the grid columns (-1 for a column without any cell).

    The right edge is left out: PyMuPDF may crop a grid's outer border to the text it holds.
    """
    width = max(len(cells) for cells in table_rows)
    lefts: list[float] = []
    for index in range(width):
        xs = [cells[index][0] for cells in table_rows if index < len(cells) and cells[index]]
        lefts.append(min(xs) if xs else -1.0)
    return tuple(lefts)


def _same_edges(a: tuple[float, ...], b: tuple[float, ...], tolerance: float = 3.0) -> bool:
    return len(a) == len(b) and all(
        x < 0 or y < 0 or abs(x - y) <= tolerance for x, y in zip(a, b, strict=True)
    )


def _cell_lines(cell: BBox, page: PageResult) -> list[Line]:
    inside = [
        w
        for w in page.words
        if cell[0] - 1 <= (w.bbox[0] + w.bbox[2]) / 2 <= cell[2] + 1
        and cell[1] - 1 <= (w.bbox[1] + w.bbox[3]) / 2 <= cell[3] + 1
    ]
    return group_lines(inside, page.number, 0)


def _cell_tokens(cell: BBox, page: PageResult) -> list[Token]:
    return [token for line in _cell_lines(cell, page) for token in line.tokens]


def _header_keys(
    cells: list[BBox | None], page: PageResult, column_specs: tuple[FieldSpec, ...]
) -> tuple[dict[int, str], dict[str, str]]:
    """Grid column index -> column key, for header cells that begin with a column's label,
    and for the other header cells `UNNAMED` + their compacted title; with those keys' titles."""
    candidates: list[tuple[float, int, int, str]] = []
    lines: list[Line] = []
    for index, cell in enumerate(cells):
        if not cell:
            continue
        tokens = tuple(_cell_tokens(cell, page))
        if tokens:
            lines.append(Line(tokens, page.number, index, (Phrase(tokens, page.number, index),)))
    for hit in find_label_hits(lines, column_specs) if lines else []:
        if hit.start == 0:
            candidates.append((hit.score, hit.length, hit.line.index, hit.key))
    keys: dict[int, str] = {}
    for _, _, index, key in sorted(candidates, reverse=True):
        if index not in keys and key not in keys.values():
            keys[index] = key
    unnamed = _unnamed_keys((line.index, line.text) for line in lines if line.index not in keys)
    titles = {unnamed[line.index]: line.text for line in lines if line.index in unnamed}
    return {**keys, **unnamed}, titles


def _grid_row(
    cells: list[BBox | None], keys: dict[int, str], page: PageResult
) -> dict[str, tuple[str, list[Token], BBox]]:
    row: dict[str, tuple[str, list[Token], BBox]] = {}
    for index, key in keys.items():
        cell = cells[index] if index < len(cells) else None
        if not cell:
            continue
        lines = _cell_lines(cell, page)
        kept = [line for line in lines if not _is_period(line.text)] or lines
        tokens = [t for line in kept for t in line.tokens if not _FOOTNOTE_MARK.fullmatch(t.text)]
        if tokens:
            row[key] = (_text(tokens), tokens, tuple(cell))  # type: ignore[assignment]
    return row


def _is_stop_row(
    row: dict[str, tuple[str, list[Token], BBox]],
    cells: list[BBox | None],
    page: PageResult,
    stops: set[str],
) -> bool:
    """A totals row inside the grid: its first filled cell reads like Total / Subtotal / Tax."""
    for cell in cells:
        if not cell:
            continue
        tokens = _cell_tokens(cell, page)
        if tokens:
            joined = ""
            for token in tokens[:3]:
                joined += compact(token.text)
                if joined in stops:
                    return True
            return False
    return False


def _is_carry_row(cells: list[BBox | None], page: PageResult, at_page_break: bool) -> bool:
    """A carried / brought forward row: its first filled cell spells a carry form."""
    for cell in cells:
        tokens = _cell_tokens(cell, page) if cell else []
        if tokens:
            if _carry_form(tokens) is None:
                return False
            row = [token for other in cells if other for token in _cell_tokens(other, page)]
            return _is_carry(row, at_page_break)
    return False


def _merge_row(
    into: dict[str, tuple[str, list[Token], BBox]],
    extra: dict[str, tuple[str, list[Token], BBox]],
) -> None:
    for key, (text, tokens, box) in extra.items():
        if key in into:
            old_text, old_tokens, old_box = into[key]
            if old_box[0] == box[0] and tokens[0].page == old_tokens[0].page:
                box = union([old_box, box])
            else:
                box = old_box
            into[key] = (f"{old_text} {text}", [*old_tokens, *tokens], box)
        else:
            into[key] = (text, tokens, box)


def ruled_tables(page: pymupdf.Page, words: list[Word]) -> list[list[list[str]]]:
    """Ruled tables of a PDF page as rows of cell texts rebuilt from positioned words.

    A cell spanning several grid columns is reported once, in its first column, like tabula.
    """
    return [_grid_texts(grid, words) for grid in page_grids(page, [w.bbox for w in words])]


def _grid_texts(grid: Grid, words: list[Word]) -> list[list[str]]:
    return [[_cell_text(cell, words) if cell else "" for cell in row] for row in grid.rows]


def _cell_text(cell: tuple[float, float, float, float], words: list[Word]) -> str:
    inside = [
        w
        for w in words
        if cell[0] - 1 <= (w.bbox[0] + w.bbox[2]) / 2 <= cell[2] + 1
        and cell[1] - 1 <= (w.bbox[1] + w.bbox[3]) / 2 <= cell[3] + 1
    ]
    lines = group_lines(inside, 0, 0)
    return " ".join(line.text for line in lines)


def stream_table(words: list[Word], area: BBox | None = None) -> list[list[str]]:
    """An unruled table from word positions (`unruled.py`): the words in `area`, or all."""
    runs = text_runs(words)
    if not runs:
        return []
    return area_table(runs, area or text_extent(runs))


def _inside(box: BBox, area: BBox) -> bool:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return area[0] <= cx <= area[2] and area[1] <= cy <= area[3]


ROWS_PER_GRID_ROW = 1.5
"""A ruled grid is read as a table when its text has at most this many rows per grid row;
more means rules frame a block of text (a boxed column, a ruled header over an unruled body)."""


def table_grids(page: pymupdf.Page, words: list[Word]) -> list[Grid]:
    """The page's ruled grids that are tables in their own right: two columns or more, and
    about one row of text per grid row. On ICDAR 2013 such grids read better by their rules;
    the others read better by text alignment."""
    runs = text_runs(words)
    chosen: list[Grid] = []
    for grid in page_grids(page, [w.bbox for w in words]):
        columns = max(sum(1 for cell in row if cell) for row in grid.rows)
        text_rows = len(text_rows_in(runs, grid.bbox))
        if columns >= 2 and 0 < text_rows <= ROWS_PER_GRID_ROW * len(grid.rows):
            chosen.append(grid)
    return chosen


def page_tables(page: pymupdf.Page, words: list[Word]) -> list[list[list[str]]]:
    """Every table of a PDF page, as rows of cell texts: ruled tables (`table_grids`), then
    unruled ones found by text alignment among the words outside them. The page is expected
    to hold a table: with no ruled one and no aligned area, its whole text is one table."""
    grids = table_grids(page, words)
    rest = [w for w in words if not any(_inside(w.bbox, grid.bbox) for grid in grids)]
    return [_grid_texts(grid, words) for grid in grids] + unruled_tables(rest, whole=not grids)


def region_table(page: pymupdf.Page, words: list[Word], area: BBox) -> list[list[str]]:
    """The table in `area` (PyMuPDF space): the rows of its ruled tables when it holds any,
    else its words' columns by text alignment."""
    grids = [grid for grid in table_grids(page, words) if _within(grid.bbox, area)]
    if grids:
        return [row for grid in grids for row in _grid_texts(grid, words)]
    return stream_table([w for w in words if _inside(w.bbox, area)], area)


def _within(box: BBox, area: BBox, slack: float = 5.0) -> bool:
    return (
        box[0] >= area[0] - slack
        and box[1] >= area[1] - slack
        and box[2] <= area[2] + slack
        and box[3] <= area[3] + slack
    )
