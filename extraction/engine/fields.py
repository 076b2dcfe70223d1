"""Field extraction for one document and one schema: candidates, choice, cross-checks, scores.

Called by `run_engine` (and by classification to count field hits). Candidates come from label
anchoring (`labels.py`), from patterns found anywhere in the document (emails, websites, the
currency) and from layout cues (the issuer's name in large type at the top, a signature above a
job title). Each candidate is parsed with the field's type parser and checked against the shape
its key implies (an identifier holds a digit, a name holds letters). Candidates reading the same
value support each other; different values compete. Money totals are cross-checked
(subtotal + tax = total). Pure: takes lines, returns frozen `FieldResult`s.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from rapidfuzz import fuzz

from extraction.engine import confidence
from extraction.engine.amount_labels import (
    OTHER,
    amount_role,
    carries_a_balance,
    is_payable,
    is_rate_heading,
    only_label_words,
)
from extraction.engine.confidence import Evidence
from extraction.engine.labels import (
    LIST_SEPARATOR,
    LabelHit,
    ValueSpot,
    compact,
    find_label_hits,
    is_section_heading,
    label_head,
    phrase_of,
    value_spots,
)
from extraction.engine.language import date_order_evidence, document_language
from extraction.engine.layout import Line, Phrase, Token, union
from extraction.engine.parsers import (
    Parsed,
    detect_currency,
    find_dates,
    join_split_group,
    parse_money,
    parse_value,
    printed_text,
)
from extraction.engine.synonyms import (
    ISSUER_KEYS,
    JOB_TITLES,
    is_legal_form_only,
    legal_extension,
    legal_form_words,
    semantic_kind,
)
from extraction.engine.types import BBox, FieldResult, FieldSpec, FieldType, Schema


@dataclass(frozen=True)
class DocumentContext:
    """What every field's extraction shares: lines and document-wide reading hints."""

    lines: tuple[Line, ...]
    text: str
    date_order: str
    decimal_comma: bool | None
    currency: str | None
    currency_support: int
    language: str | None = None
    date_order_evidence: str = "none"
    """`dates`, `locale`, `language`, `currency` or `none`: see `language.date_order_evidence`."""
    credit_note: bool = False
    """The document calls itself a credit note: its totals are negative amounts."""
    dollar: str | None = None
    """The dollar a bare `$` means here (`dollar_currency`); None when no country says."""
    yen: str | None = None
    """The currency a bare `¥` or `元` means here (`yen_currency`); None when the text does
    not say."""


DATE_ORDER_DOUBT = {
    "dates": 0.05,
    "locale": 0.12,
    "language": 0.2,
    "currency": 0.3,
    "none": 0.45,
}
"""How much an ambiguous date (03/04/2020) is doubted, by the evidence for its order. A case
type's locale is stated by whoever set the case type up, so it is trusted more than a language
guessed from stop words, less than the page's own dates."""


def build_context(lines: list[Line]) -> DocumentContext:
    text = "\n".join(line.text for line in lines)
    issuer_text = _issuer_text(lines)
    yen = yen_currency(text)
    currency, support = _document_currency(lines, issuer_text, yen)
    language = document_language(text)
    order, evidence = date_order_evidence(text, language=language, currency=currency)
    return DocumentContext(
        tuple(lines),
        text,
        order,
        _decimal_comma(text),
        currency,
        support,
        language,
        evidence,
        is_credit_note(lines),
        dollar_currency(issuer_text),
        yen,
    )


def _issuer_text(lines: list[Line]) -> str:
    """The document's text without the buyer's block: where the issuer's country is named."""
    if not lines:
        return ""
    first_page = [line for line in lines if line.page == lines[0].page]
    buyer = _buyer_phrases(first_page)
    return "\n".join(p.text for line in lines for p in line.phrases if id(p) not in buyer)


def context_for_schema(context: DocumentContext, schema: Schema) -> DocumentContext:
    """The context with the schema's locale weighed in as evidence for the date order.

    The context is built before classification picks the schema, so its date order knows only
    the page; once the schema is known, its locale (`language.locale_date_order`) outranks the
    document's language and currency, never the page's own dates.
    """
    if schema.locale is None or context.date_order_evidence == "dates":
        return context
    order, evidence = date_order_evidence(
        context.text, language=context.language, currency=context.currency, locale=schema.locale
    )
    return replace(context, date_order=order, date_order_evidence=evidence)


CREDIT_NOTE_TITLES = (
    "credit note",
    "credit memo",
    "creditnote",
    "gutschrift",
    "stornorechnung",
    "avoir",
    "facture d'avoir",
    "note de crédit",
    "creditnota",
    "nota de crédito",
    "nota di credito",
)
"""Titles of documents whose amounts are owed back. Correction invoices (`Rechnungskorrektur`,
`factura rectificativa`) are left out: they may correct upwards."""


def is_credit_note(lines: list[Line]) -> bool:
    """A credit-note title heading the first page: a phrase that is the title itself, or the
    title with its number (`Credit Note No. 12`), among the first lines, with no invoice title
    before it (`Rechnung` ... `Gutschrift 2024-17 wird verrechnet` is an invoice)."""
    if not lines:
        return False
    first_page = lines[0].page
    for line in lines[:25]:
        if line.page != first_page:
            break
        for phrase in line.phrases:
            words = " ".join(phrase.text.lower().split()).rstrip(":")
            if _CREDIT_NOTE_TITLE.fullmatch(words):
                return True
            if _is_title(phrase.text, with_kind=False):
                return False  # `CREDIT INVOICE`, `Original Invoice` above a credit note's title
    return False


_CREDIT_NOTE_TITLE = re.compile(
    "(?:"
    + "|".join(re.escape(title) for title in CREDIT_NOTE_TITLES)
    + r")(?:\s*(?:nr|no|n°|nº|number|nummer|numéro|#)\.?\s*:?\s*\S+)?"
)
"""A credit-note title alone, or with its number (`Credit Note No. 12`)."""


def _decimal_comma(text: str) -> bool | None:
    comma = len(re.findall(r"\d,\d{2}(?!\d)", text))
    dot = len(re.findall(r"\d\.\d{2}(?!\d)", text))
    if comma == dot:
        return None
    return comma > dot


def _document_currency(
    lines: list[Line], issuer_text: str, yen: str | None
) -> tuple[str | None, int]:
    """The currency the document's amounts are in, and by how many mentions it leads.

    Mentions are read line by line with the same rules as a value (`detect_currency`): a code
    inside an item name (`BALL PEN`) does not count, local symbols (`RM`, `kr`) do. A bare `$`
    is the dollar of the country the issuer's text (`_issuer_text`) names, USD otherwise; a
    bare `¥` or `元` the currency `yen` (`yen_currency` of the page), else its own reading.
    """
    dollar, krone = dollar_currency(issuer_text), krone_currency(issuer_text)
    counts: Counter[str] = Counter()
    for line in lines:
        for phrase in line.phrases:
            code = detect_currency(phrase.text)
            if code == "USD" and _bare_dollar(phrase.text):
                code = dollar or "USD"
            if code in ("JPY", "CNY") and _bare_yen(phrase.text):
                code = yen or code
            if code == "SEK" and _bare_krone(phrase.text):
                code = krone or "SEK"
            if code:
                counts[code] += 1
    if not counts:
        return None, 0
    (code, count), *rest = counts.most_common()
    return code, count - (rest[0][1] if rest else 0)


DOLLAR_COUNTRIES = {
    "singapore": "SGD",
    "australia": "AUD",
    "canada": "CAD",
    "new zealand": "NZD",
    "hong kong": "HKD",
    "mexico": "MXN",
    "méxico": "MXN",
    "taiwan": "TWD",
    "台灣": "TWD",
    "臺灣": "TWD",
    "香港": "HKD",
    "新加坡": "SGD",
    "jamaica": "JMD",
    "united states": "USD",
    "usa": "USD",
}


KRONE_COUNTRIES = {
    "sverige": "SEK",
    "sweden": "SEK",
    "norge": "NOK",
    "norway": "NOK",
    "mva": "NOK",
    "foretaksregisteret": "NOK",
    "danmark": "DKK",
    "denmark": "DKK",
    "cvr": "DKK",
    "ísland": "ISK",
    "iceland": "ISK",
}


US_STATE_ZIP = re.compile(
    r"\b(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|"
    r"S[CD]|T[NX]|UT|V[AT]|W[AIVY])\s+\d{5}(?:-\d{4})?\b"
)
"""A US state code and ZIP code (`Austin, TX 78701`): an address in the United States."""


CANADIAN_ADDRESS_OR_TAX_NUMBER = re.compile(
    r"\b(?:AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT|Qu[ée]bec\)?|Ontario\)?)\s+"
    r"[ABCEGHJ-NPRSTVXY]\d[A-Z]\s?\d[A-Z]\d\b"
    r"|\b\d{9,10}\s?(?:RT|TQ)\s?\d{4}\b"
)
"""A province with its postal code (`Laval, QC H4V 8S6`, `Lévis (Québec) G5T 8N6`) or a
Canadian GST/HST or QST registration number (`123456789 RT0001`, `1234567890 TQ0001`)."""


def dollar_currency(text: str) -> str | None:
    """Which dollar a bare `$` means, from the country the document names, if exactly one.

    Callers pass the issuer's text (not the buyer's block): a US seller shipping to Toronto
    bills in USD. A US state with its ZIP code names the United States; a Canadian province
    with its postal code, or a Canadian tax registration number, names Canada."""
    named = _named_country(text, DOLLAR_COUNTRIES, all_found=True)
    if US_STATE_ZIP.search(text):
        named.add("USD")
    if CANADIAN_ADDRESS_OR_TAX_NUMBER.search(text):
        named.add("CAD")
    return named.pop() if len(named) == 1 else None


def krone_currency(text: str) -> str | None:
    """Which crown `kr` means (SEK, NOK, DKK, ISK), from the country or its VAT word."""
    return _named_country(text, KRONE_COUNTRIES)


def _named_country(text: str, countries: dict[str, str], *, all_found: bool = False) -> Any:
    """The one currency whose country `text` names (None unless exactly one); with
    `all_found`, the set of all of them. `New Mexico` names no country."""
    lowered = text.lower()
    found = {
        code
        for country, code in countries.items()
        if re.search(rf"(?<![a-z])(?<!new ){re.escape(country)}(?![a-z])", lowered)
    }
    if all_found:
        return found
    return found.pop() if len(found) == 1 else None


def _bare_krone(text: str) -> bool:
    return bool(re.search(r"(?<![A-Za-z])kr\b", text, re.IGNORECASE)) and "SEK" not in text


_KANA = re.compile(r"[\u3041-\u30ff]|円")
_TAIWAN = re.compile(r"[臺台]灣|新[臺台]幣|統一編號|民國|NT\$")
_SIMPLIFIED = re.compile(r"[发计价额书请开销购买务电话项总实应单码专东门车]")
"""Characters of invoices written only in simplified Chinese: Japanese and traditional Chinese
write them otherwise (`発`/`發`, `計`, `価`/`價`, `額`, `書`, `請`, ...)."""


def yen_currency(text: str) -> str | None:
    """Which currency a bare `¥`, `￥` or `元` means: the yen on a Japanese page (kana or `円`),
    the New Taiwan dollar on a Taiwanese one, the renminbi on a page in simplified Chinese;
    None when the page does not say (an English page, kanji without kana), where the mark's own
    reading (JPY, CNY) stands with doubt."""
    if _KANA.search(text):
        return "JPY"
    if _TAIWAN.search(text):
        return "TWD"
    if _SIMPLIFIED.search(text):
        return "CNY"
    return None


def _bare_yen(text: str) -> bool:
    return bool(re.search(r"[¥￥元]", text)) and not re.search(
        r"JPY|CNY|RMB|TWD|円|人民[币幣]|新[臺台]幣", text
    )


def _bare_dollar(text: str) -> bool:
    return "$" in text and not re.search(r"US\$|USD|[A-Z]{1,2}\$", text)


@dataclass(frozen=True)
class Candidate:
    key: str
    value: object
    text: str
    page: int
    bbox: BBox
    evidence: Evidence
    currency: str | None = None
    order: int = 0
    """Reading position of the label, to prefer the first of equal candidates."""
    label_length: int = 0
    """Compact length of the label that led here; longer labels are more specific."""

    @property
    def strength(self) -> float:
        return confidence.raw_probability(self.evidence)

    @property
    def structural_strength(self) -> float:
        """Strength without OCR's confidence: how well label and position fit."""
        return confidence.raw_probability(replace(self.evidence, source_confidence=100.0))


def extract_fields(context: DocumentContext, schema: Schema) -> tuple[FieldResult, ...]:
    specs = tuple(spec for spec in schema.fields if spec.type != FieldType.TABLE)
    hits = [
        hit for hit in find_label_hits(list(context.lines), specs) if not _inside_company_name(hit)
    ]
    label_tokens = {id(hit.line.tokens[hit.start]) for hit in hits}
    own_labels = {compact(spec.label): spec.key for spec in specs}
    # The document's issuer is one party: a purchase order's `merchant`, never also its vendor.
    issuer = next((key for key in ISSUER_KEYS if any(s.key == key for s in specs)), None)
    candidates = {
        spec.key: field_candidates(
            context, spec, hits, label_tokens, own_labels, issuer=spec.key == issuer
        )
        for spec in specs
    }
    chosen = {key: choose(cands) for key, cands in candidates.items()}
    spec_kinds = {spec.key: semantic_kind(spec.key, spec.type) for spec in specs}
    chosen = cross_check_money(chosen, candidates, context)
    chosen = _credit_note_signs(context, chosen)
    chosen = _doubt_an_outgrown_total(context, chosen)
    chosen = _fill_currency(context, specs, chosen)
    chosen = _confirm_issuer_by_domain(context, chosen)
    chosen = {key: _dotted_i_doubt(context, spec_kinds[key], c) for key, c in chosen.items()}
    chosen = _doubt_spots_read_twice(chosen, spec_kinds)
    results: list[FieldResult] = []
    for spec in schema.fields:
        if spec.type == FieldType.TABLE:
            continue
        best = chosen.get(spec.key)
        if best is None:
            results.append(FieldResult(spec.key, None, "", 0))
            continue
        results.append(
            FieldResult(
                spec.key,
                best.value,
                best.text,
                confidence.score(best.evidence),
                best.page,
                best.bbox,
            )
        )
    return tuple(results)


OUTGROWN_TOTAL_DOUBT = 0.3
"""A total printed beside another amount with which it adds up to a larger amount of the page
(`Total 7.172,00  1.362,68` over `Total de plată 8.534,68`: the net and the VAT of a form whose
payable label is not known): it may be a subtotal. Doubted, not replaced: the page may also
print the total plus something else (an earlier balance)."""


def _doubt_an_outgrown_total(
    context: DocumentContext, chosen: dict[str, Candidate | None]
) -> dict[str, Candidate | None]:
    """Doubt the total (`OUTGROWN_TOTAL_DOUBT`) when an amount with cents on its line, added
    to it, makes a larger amount printed on its page, to the cent."""
    total = chosen.get("total_amount")
    value = _decimal(total)
    if total is None or value is None or value <= 0:
        return chosen
    line = next((line for line in context.lines if _holds(line, total)), None)
    if line is None:
        return chosen
    beside = _amounts(context, [line]) - {value}
    larger = _amounts(context, [ln for ln in context.lines if ln.page == total.page])
    if not any(value + amount in larger for amount in beside if amount > 0):
        return chosen
    doubt = max(total.evidence.doubt, OUTGROWN_TOTAL_DOUBT)
    return {**chosen, "total_amount": replace(total, evidence=replace(total.evidence, doubt=doubt))}


def _holds(line: Line, candidate: Candidate) -> bool:
    """Whether some word of the line lies in the candidate's box (same page)."""
    x0, y0, x1, y1 = candidate.bbox
    return line.page == candidate.page and any(
        t.bbox[0] < x1 and x0 < t.bbox[2] and t.bbox[1] < y1 and y0 < t.bbox[3] for t in line.tokens
    )


def _amounts(context: DocumentContext, lines: list[Line]) -> set[Decimal]:
    """Every amount printed with cents on these lines, once each (a phrase that reads as one)."""
    found: set[Decimal] = set()
    for line in lines:
        for phrase in line.phrases:
            if not _CENTS.search(phrase.text):
                continue
            parsed = parse_money(phrase.text, context.decimal_comma)
            if parsed is not None:
                found.add(Decimal(str(parsed.value)))
    return found


_CENTS = re.compile(r"\d[.,]\d{2}(?!\d)")


SPOT_READ_TWICE_DOUBT = 0.4
"""Two fields of one kind that read the same words of the page (`phone_number` and
`company_phone_number` both from one `Phone:` line): each has its own label, so at least one
of them is another field's value, and the page alone does not say which."""

SPOT_EXCLUSIVE_KINDS = frozenset(
    {"identifier", "url", FieldType.DATE, FieldType.PHONE, FieldType.EMAIL, FieldType.IBAN}
)
"""Kinds whose one printed value answers one field. Names, addresses and amounts may rightly
be one spot for two fields (a merchant who is also the ship-to company; a subtotal that is the
total)."""


def _doubt_spots_read_twice(
    chosen: dict[str, Candidate | None], spec_kinds: dict[str, str]
) -> dict[str, Candidate | None]:
    """Doubt (`SPOT_READ_TWICE_DOUBT`) every field of an exclusive kind whose chosen value is
    the same page and box as another field's of that kind."""
    spots: dict[tuple[str, int, BBox], list[str]] = {}
    for key, candidate in chosen.items():
        kind = spec_kinds.get(key, "")
        if candidate is not None and kind in SPOT_EXCLUSIVE_KINDS and candidate.bbox:
            spots.setdefault((kind, candidate.page, candidate.bbox), []).append(key)
    doubted = dict(chosen)
    for keys in spots.values():
        if len(keys) < 2:
            continue
        for key in keys:
            candidate = chosen[key]
            if candidate is None:
                continue
            doubt = max(candidate.evidence.doubt, SPOT_READ_TWICE_DOUBT)
            doubted[key] = replace(candidate, evidence=replace(candidate.evidence, doubt=doubt))
    return doubted


TURKISH_OCR_DOUBT = 0.3
"""Text read by OCR on a Turkish page with a capital `I` in it: the recogniser drops the dot of
`İ` (`ELEKTRIK` for `ELEKTRİK`), which the page alone cannot tell."""


def _dotted_i_doubt(
    context: DocumentContext, kind: str, chosen: Candidate | None
) -> Candidate | None:
    if (
        chosen is None
        or context.language != "tr"
        or kind not in ("name", "person", "address", "text")
        or chosen.evidence.source_confidence >= 100
        or not re.search(r"[IÍÌ]", str(chosen.value))
    ):
        return chosen
    doubt = max(chosen.evidence.doubt, TURKISH_OCR_DOUBT)
    return replace(chosen, evidence=replace(chosen.evidence, doubt=doubt))


def field_candidates(
    context: DocumentContext,
    spec: FieldSpec,
    hits: list[LabelHit],
    label_tokens: set[int],
    own_labels: dict[str, str] | None = None,
    *,
    issuer: bool = True,
) -> list[Candidate]:
    """Candidates from every label hit of the field; pattern or layout fallbacks without one
    (the issuer's name from the letterhead only for the schema's `issuer` key).

    A hit through a synonym that is another field's own label (`Phone` for `phone_number`
    when `company_phone_number` is labelled `Phone`) counts less than a hit through the
    field's own words.
    """
    kind = semantic_kind(spec.key, spec.type)
    found: list[Candidate] = []
    inside_labels = {id(t) for h in hits for t in h.tokens}
    key_hits = [h for h in hits if h.key == spec.key]
    if spec.key in TOTAL_KEYS and spec.type == FieldType.MONEY:
        key_hits = _amount_hits(context, spec.key, key_hits)
    carried: bool | None = None
    for order, hit in enumerate(key_hits):
        if kind in ("identifier", "date") and hit.refers_elsewhere():
            continue
        if kind == "name" and hit.qualified(inside_labels) and _near_word(hit):
            # A near-word inside a phrase (`Supplies` of `Cebu Supplies Enterprises` for
            # `Supplier`): a word of a name, not a misread label.
            continue
        owner = (own_labels or {}).get(hit.variant)
        if owner is not None and owner != spec.key:
            hit = replace(hit, score=hit.score * 0.85)
        if hit.qualified(inside_labels):
            hit = replace(hit, score=hit.score * 0.8)
        header = spec.type in (FieldType.MONEY, FieldType.NUMBER) and _is_header_row(
            hit.line, label_tokens
        )
        taken: set[str] = set()
        spots = value_spots(hit, list(context.lines), label_tokens)
        crowded = spec.type == FieldType.MONEY and _several_amounts_beside(spots)
        for spot in spots:
            if spot.position in taken or "exact-inline" in taken:
                continue
            if hit.inferred and spot.position == "below":
                continue
            candidate = _candidate_from_spot(context, spec, kind, hit, spot, header, order)
            if candidate is not None and crowded and spot.position in ("inline", "right"):
                candidate = replace(
                    candidate, evidence=replace(candidate.evidence, ambiguity=CROWDED_AMBIGUITY)
                )
            if candidate is not None and spec.key == "total_amount" and carried is None:
                carried = _carries_a_balance(context)
            if candidate is not None and carried and is_payable(_label_part(hit.line, hit.start)):
                doubt = max(candidate.evidence.doubt, CARRIED_BALANCE_DOUBT)
                candidate = replace(candidate, evidence=replace(candidate.evidence, doubt=doubt))
            if candidate is not None and spec.key == "total_amount" and _is_zero(candidate):
                doubt = max(candidate.evidence.doubt, ZERO_TOTAL_DOUBT)
                candidate = replace(candidate, evidence=replace(candidate.evidence, doubt=doubt))
            if candidate is not None:
                found.append(candidate)
                taken.add(spot.position)
                if spot.position == "inline" and candidate.evidence.exact:
                    taken.add("exact-inline")
    if kind == "name":
        found.extend(_section_name_candidates(context, spec, key_hits))
    if kind in ("identifier", "date") and spec.key in TITLE_LINE_KEYS:
        found.extend(_title_line_candidates(context, spec, kind))
    if not found and (issuer or spec.key not in ISSUER_KEYS):
        found.extend(_fallback_candidates(context, spec, kind))
    return found


CARRIED_BALANCE_DOUBT = 0.35
"""An amount to pay (`Amount due`, `Please pay`) as the total of a page that also carries an
earlier balance or a payment (`Previous balance`, `Payment received`, a utility bill's or a
statement's account summary): it may hold other bills' charges or lack paid ones."""

ZERO_TOTAL_DOUBT = 0.5
"""A total of zero (`AMOUNT DUE $0.00` on a receipt paid by card, `Balance 0.00` on a hotel
folio): what is left to pay after payments, almost never what the document charges."""


def _is_zero(candidate: Candidate) -> bool:
    """Whether the candidate reads as an amount of exactly zero."""
    value = _decimal(candidate)
    return value is not None and value == 0


def _carries_a_balance(context: DocumentContext) -> bool:
    """A line labelled, in five words or fewer, as an earlier balance or a payment against the
    account, with an amount other than zero on it (`Balance forward 0.00` carries nothing; a
    sentence about the last invoice is no account line)."""
    for line in context.lines:
        if not re.search(r"[1-9]", line.text):
            continue
        for index, phrase in enumerate(line.phrases):
            words = phrase.text.split()
            label_words = list(itertools.takewhile(lambda w: not re.search(r"\d", w), words))
            if (
                not label_words
                or len(label_words) > 5
                or not carries_a_balance(" ".join(label_words))
            ):
                continue
            after = " ".join(words[len(label_words) :])  # the amount beside the label
            if not after and index + 1 < len(line.phrases):
                after = line.phrases[index + 1].text
            amount = parse_money(after, context.decimal_comma)
            if amount is not None and Decimal(str(amount.value)) != 0:
                return True
    return False


def _inside_company_name(hit: LabelHit) -> bool:
    """A label word inside a company name (`Lieferant GmbH`, `ACME Supplies Ltd`): no separator
    after it and a legal form later in its phrase."""
    phrase = phrase_of(hit.line, hit.start)
    if hit.tokens[-1].text.endswith((":", ".")) or hit.partial_tail:
        return False
    rest = " ".join(t.text for t in phrase.tokens if hit.line.tokens.index(t) >= hit.end)
    return legal_form_words(rest) > 0


SUB_LABEL_NAMES = frozenset(
    {
        "name",
        "firma",
        "firmenname",
        "company",
        "companyname",
        "nom",
        "raisonsociale",
        "naam",
        "bedrijfsnaam",
        "nombre",
        "razonsocial",
        "ragionesociale",
        "nazwa",
    }
    | {
        compact(name)
        for name in ("Наименование", "Назва", "Назив", "Име", "名称", "名稱", "상호", "الاسم", "שם")
    }
)


def _section_name_candidates(
    context: DocumentContext, spec: FieldSpec, hits: list[LabelHit]
) -> list[Candidate]:
    """Under a party heading (`Verkäufer`, `Seller:`), the value of its `Name:` line."""
    found: list[Candidate] = []
    for order, hit in enumerate(hits):
        if not is_section_heading(hit):
            continue
        for line in context.lines[hit.line.index + 1 : hit.line.index + 7]:
            if line.page != hit.line.page or len(line.phrases) > 3:
                break
            first = line.phrases[0]
            text = first.text.replace("：", ":")  # a full-width colon after a CJK label
            label = compact(text.split(":", 1)[0])
            if label not in SUB_LABEL_NAMES:
                continue
            inline = text.split(":", 1)[1].strip() if ":" in text else ""
            # the value glued to its label in one word (`名称：成都恒通物流股份有限公司`)
            value_tokens = (first.tokens[1:] or first.tokens[:1]) if inline else ()
            if not inline and len(line.phrases) > 1:
                inline = line.phrases[1].text.lstrip(": ").strip()
                value_tokens = line.phrases[1].tokens
            parsed = _name_like(Parsed(inline), "name") if inline else None
            if parsed is None or not value_tokens:
                break
            evidence = Evidence(
                "right",
                label_score=hit.score,
                steps=1,
                source_confidence=min(t.confidence for t in value_tokens),
            )
            found.append(
                Candidate(
                    spec.key,
                    parsed.value,
                    inline,
                    line.page,
                    union([t.bbox for t in value_tokens]),
                    evidence,
                    order=hit.line.index * 1000 + order,
                    label_length=hit.length,
                )
            )
            break
    return found


TITLE_LINE_KEYS = ("invoice_number", "invoice_date", "credit_note_number", "document_number")
_TITLE_LINE = re.compile(
    r"^\s*(?P<title>[\w\-]*(?:rechnung|gutschrift|invoice|credit\s?note|facture|avoir|factuur|"
    r"factura|fattura|faktura|receipt|quittung))\b\.?(?:\s*\(\d+\))?\s*"
    r"(?:(?:nr|no|n°|nº|num|number|nummer|numéro|numero|#)\.?\s*:?\s*)"
    r"(?P<number>(?=[A-Z0-9\-/._]{0,40}\d)[A-Z0-9][A-Z0-9\-/._]{0,39})"
    r"(?:\s+(?:vom|du|of|dated|del|van|from|d\.d\.|z\s+dnia)\s+(?P<date>.+))?\s*$",
    re.IGNORECASE,
)


_TITLE_LINE_CYRILLIC = re.compile(
    r"^\s*(?P<title>(?:сч[её]т|рахунок|фактура|рачун|видаткова\s+накладна)"
    r"(?:[\s-]+(?:на\s+оплату|фактура))?)\s*(?:№|no\.?|бр\.?|број)\s*"
    r"(?P<number>(?=[\w\-/.]{0,40}\d)[\w][\w\-/.]{0,39})"
    r"(?:\s+(?:от|від|од|из)\s+(?P<date>.+))?\s*$",
    re.IGNORECASE,
)
"""A title line in Cyrillic: `Счет на оплату № 1014 от 6 марта 2024 г.`, `Рахунок-фактура № 7
від 1 травня 2021`, `Рачун бр. 218/2021 од 08.05.2021`."""


def _title_line_candidates(context: DocumentContext, spec: FieldSpec, kind: str) -> list[Candidate]:
    """The number and date inside a title line: `Rechnung Nr. 471102 vom 15.11.2024`,
    `Invoice No. INV-7 dated 3 March 2024`."""
    for line in context.lines[:60]:
        if len(line.text) > 200:
            continue
        match = _TITLE_LINE.match(line.text) or _TITLE_LINE_CYRILLIC.match(line.text)
        if match is None:
            continue
        group = "number" if kind == "identifier" else "date"
        text = match.group(group)
        if not text:
            return []
        parsed = (
            _identifier(text)
            if kind == "identifier"
            else parse_with_kind(context, spec, kind, text)
        )
        if parsed is None:
            return []
        tokens = [t for t in line.tokens if t.text.strip(".,") in text.split()]
        source = min((t.confidence for t in tokens), default=100.0)
        spacing_doubt = (
            _identifier_spacing(parsed, text, ocr=source < 100) if kind == "identifier" else 0.0
        )
        evidence = Evidence(
            "inline",
            label_score=0.95,
            exact=parsed.exact,
            source_confidence=source,
            doubt=max(spacing_doubt, _reading_doubt(context, parsed)),
        )
        bbox = union([t.bbox for t in tokens]) if tokens else line.bbox
        return [
            Candidate(spec.key, parsed.value, text, line.page, bbox, evidence, order=line.index)
        ]
    return []


CROWDED_AMBIGUITY = 0.6
"""Rivalry assumed when a label has several amounts beside it on its line (a tax summary row
`Razem 39 783,83 8 950,26 48 734,09`): which one it names is a guess."""


def _several_amounts_beside(spots: list[ValueSpot]) -> bool:
    beside = [
        spot
        for spot in spots
        if spot.position in ("inline", "right") and parse_money(spot.text) is not None
    ]
    return len(beside) >= 2


def _amount_hits(context: DocumentContext, key: str, hits: list[LabelHit]) -> list[LabelHit]:
    """Label hits of a summary amount, read by the whole label phrase (`amount_labels`).

    A synonym found inside a label that names something else is dropped (`Gesamtbetrag der
    Zuschläge` is no total, `Net Total Amount` no total, `Total TVA` no total), so is one in
    the middle of a phrase followed by other words (`Meeting re: tax planning 5.75`), and a phrase
    whose words name this amount becomes a label even when no synonym matched it
    (`Rechnungssumme ohne USt.`, `Gross Total Amount`).
    """
    kept = [
        hit
        for hit in hits
        if amount_role(_label_part(hit.line, hit.start)) != OTHER
        and amount_role(_label_part(hit.line, hit.start, from_hit=True)) in (None, key)
        and (hit.phrase_start or only_label_words(_label_part(hit.line, hit.start, from_hit=True)))
    ]
    covered = {(hit.line.index, hit.start) for hit in kept}
    for line in context.lines:
        for phrase in line.phrases:
            start = next(i for i, t in enumerate(line.tokens) if t is phrase.tokens[0])
            label = _label_part(line, start)
            if (line.index, start) in covered or amount_role(label) != key:
                continue
            if not only_label_words(label):
                continue
            label_tokens = _label_tokens(phrase)
            end = start + len(label_tokens)
            kept.append(
                LabelHit(
                    key, line, start, end, 0.9, len(compact(label)), compact(label), inferred=True
                )
            )
    return kept


def _label_tokens(phrase: Phrase) -> tuple[Token, ...]:
    """The phrase's words before its first amount (`Umsatzsteuer (19 %)` keeps the rate)."""
    tokens: list[Token] = []
    for token in phrase.tokens:
        if tokens and _AMOUNT_TOKEN.match(token.text) and "%" not in token.text:
            break
        tokens.append(token)
    return tuple(tokens)


_AMOUNT_TOKEN = re.compile(r"^[-−(]?[€$£]?\d[\d.,']*\)?[€$£]?$")


def _label_part(line: Line, start: int, *, from_hit: bool = False) -> str:
    """The label words of the phrase holding token `start`: the whole phrase's, or from that
    token on (`tax planning` of `Meeting re: tax planning 5.75`, `total` of `Line 3: INV-7
    total 12.50 EUR`), up to the first amount."""
    phrase = phrase_of(line, start)
    if from_hit:
        first = next((i for i, t in enumerate(phrase.tokens) if t is line.tokens[start]), 0)
        phrase = replace(phrase, tokens=phrase.tokens[first:])
    return " ".join(t.text for t in _label_tokens(phrase))


def _is_header_row(line: Line, label_tokens: set[int]) -> bool:
    """A row of three or more short text phrases: a table header, whose 'below' is a cell. A
    heading may hold a digit where OCR misread a sign (`MVA8` for `MVA%`), never an amount."""
    if len(line.phrases) < 3:
        return False
    return all(len(p.text) < 30 and _heading_text(p.text) for p in line.phrases)


def _heading_text(text: str) -> bool:
    return not re.search(r"\d", text) or re.fullmatch(r"[^\W\d_]{2,}\d", text) is not None


def _near_word(hit: LabelHit) -> bool:
    """A label matched only approximately and not followed by a colon (`Supplies`, not
    `Suppl1er:`)."""
    return hit.score < 1.0 and not hit.inferred and not hit.tokens[-1].text.endswith(":")


def _candidate_from_spot(
    context: DocumentContext,
    spec: FieldSpec,
    kind: str,
    hit: LabelHit,
    spot: ValueSpot,
    header: bool,
    order: int,
) -> Candidate | None:
    text = spot.text
    tokens = spot.tokens
    if (
        header
        and spec.type == FieldType.MONEY
        and spot.position == "below"
        and _column_continues(context, spot)
    ):
        return None
    if kind == "address":
        text, tokens = _address_text(context, spot)
    parsed = parse_with_kind(context, spec, kind, text)
    if parsed is None:
        return None
    label_source = min((t.confidence for t in hit.tokens), default=100.0)
    source = min((t.confidence for t in tokens), default=100.0)
    if label_source < 60:
        source = min(source, label_source)
    spacing_doubt = (
        _identifier_spacing(parsed, text, ocr=source < 100) if kind == "identifier" else 0.0
    )
    steps = spot.steps + (1 if header and spot.position == "below" else 0)
    specificity = min(1.0, hit.length / 10)
    evidence = Evidence(
        position=spot.position,
        label_score=hit.score * (0.93 + 0.07 * specificity),
        steps=steps,
        exact=parsed.exact,
        source_confidence=source,
        doubt=max(
            spacing_doubt,
            _reading_doubt(context, parsed, text if spec.type == FieldType.MONEY else ""),
        ),
    )
    bbox = union([t.bbox for t in tokens]) if tokens else hit.bbox
    page = tokens[0].page if tokens else hit.line.page
    return Candidate(
        spec.key,
        parsed.value,
        text,
        page,
        bbox,
        evidence,
        parsed.currency,
        hit.line.index * 1000 + order,
        hit.length,
    )


def _column_continues(context: DocumentContext, spot: ValueSpot) -> bool:
    """Whether the line after a value under a header holds another number in the same column:
    then the header names a table column (line items), not one summary value. A sentence
    across the column (`Betala till bankgiro 7842-1096 ...`) is no table cell."""
    if not spot.tokens:
        return False
    first = spot.tokens[0]
    x0, x1 = first.bbox[0], spot.tokens[-1].bbox[2]
    index = next(
        (line.index for line in context.lines if any(t is first for t in line.tokens)), None
    )
    if index is None or index + 1 >= len(context.lines):
        return False
    following = context.lines[index + 1]
    return (
        any(
            min(p.bbox[2], x1) > max(p.bbox[0], x0)
            and re.search(r"\d", p.text)
            and sum(1 for w in p.text.split() if sum(ch.isalpha() for ch in w) >= 2) < 3
            for p in following.phrases
        )
        and following.page == first.page
    )


def _reading_doubt(context: DocumentContext, parsed: Parsed, money_text: str = "") -> float:
    """Known reasons to doubt a reading: an ambiguous date order, an amount (`money_text`
    is the printed amount) joined again where OCR cut it (`£37,3 96.61`), or one without cents
    on a document whose amounts have them."""
    if parsed.ambiguous_order:
        return DATE_ORDER_DOUBT.get(context.date_order_evidence, DATE_ORDER_DOUBT["none"])
    if money_text and join_split_group(money_text)[1]:
        return SPACING_DOUBT
    has_cents = re.search(r"\d[.,]\d{2}(?!\d)", money_text)
    if money_text and context.decimal_comma is not None and not has_cents:
        return WHOLE_NUMBER_DOUBT
    return 0.0


WHOLE_NUMBER_DOUBT = 0.3
"""An amount printed without cents on a document whose amounts have them (`417969` beside
`12.50`) is more likely a number of another kind (a registration or phone number)."""


def _address_text(context: DocumentContext, spot: ValueSpot) -> tuple[str, tuple[Token, ...]]:
    """An address continues on the next lines that start where the first value line starts."""
    if not spot.tokens:
        return spot.text, spot.tokens
    tokens = list(spot.tokens)
    parts = [spot.text]
    first = spot.tokens[0]
    x0 = first.bbox[0]
    height = first.bbox[3] - first.bbox[1]
    line_index = next(
        (line.index for line in context.lines if any(t is first for t in line.tokens)), None
    )
    if line_index is None:
        return spot.text, spot.tokens
    bottom = first.bbox[3]
    for line in context.lines[line_index + 1 : line_index + 4]:
        if line.page != first.page or line.bbox[1] - bottom > 1.2 * height:
            break
        phrase = _phrase_covering(line, x0, height)
        if phrase is None or phrase.tokens[0].text.endswith(":"):
            break
        kept: list[Token] = []
        for token in phrase.tokens:
            if token.text.endswith(":"):
                break
            kept.append(token)
        parts.append(" ".join(t.text for t in kept))
        tokens.extend(kept)
        bottom = phrase.bbox[3]
    return " ".join(parts), tuple(tokens)


def _phrase_covering(line: Line, x0: float, height: float) -> Phrase | None:
    """The phrase starting where the address's first line starts, in the same type size."""
    for phrase in line.phrases:
        same_size = abs((phrase.bbox[3] - phrase.bbox[1]) - height) <= 0.3 * height
        if abs(phrase.bbox[0] - x0) <= 1.5 * height and same_size:
            return phrase
    return None


_URL = re.compile(
    r"\b((?:https?://)?(?:www\.)?[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,6}(?:/\S*)?)", re.IGNORECASE
)
_MONEY_LIKE = re.compile(r"^[-−]?\d{1,3}(?:[.,\s]\d{3})*[.,]\d{2}$")


def parse_with_kind(
    context: DocumentContext, spec: FieldSpec, kind: str, text: str
) -> Parsed | None:
    """Type parsing plus the shape the key implies; None when the text cannot be the value."""
    if kind == "identifier":
        return _identifier(text)
    if kind == "currency":
        code = detect_currency(text)
        if code == "USD" and _bare_dollar(text) and context.dollar:
            code = context.dollar
        return Parsed(code) if code else None
    if kind == "url":
        match = _URL.search(text)
        if match is None or "@" in text:
            return None
        return Parsed(match.group(1).rstrip("/."), exact=match.group(0) == text.strip())
    parsed = parse_value(
        spec.type,
        text,
        date_order=context.date_order,
        decimal_comma=context.decimal_comma,
        choices=spec.choices,
        pattern=spec.pattern,
    )
    if parsed is None:
        return None
    if kind == "person":
        name, comma, title = str(parsed.value).partition(",")
        if comma and len(name.split()) >= 2 and _is_job_title(title.strip()):
            # `Brian Patterson, Procurement Lead`: the person, not their title (never the
            # `Fischer, Lea` of a surname first)
            parsed = replace(parsed, value=name.strip())
    if kind in ("name", "person", "address"):
        return _name_like(parsed, kind)
    if (
        spec.type == FieldType.MONEY
        and parsed.currency == "USD"
        and _bare_dollar(text)
        and context.dollar
    ):
        parsed = replace(parsed, currency=context.dollar)
    if (
        spec.type == FieldType.MONEY
        and parsed.currency in ("JPY", "CNY")
        and _bare_yen(text)
        and context.yen
    ):
        parsed = replace(parsed, currency=context.yen)
    if spec.type == FieldType.MONEY and parsed.currency is None and context.currency:
        parsed = replace(parsed, currency=context.currency)
    return parsed


_CODE = re.compile(r"[A-Z0-9_/\-.#]*[A-Z0-9][A-Z0-9_/\-.#]*")


def _identifier(text: str) -> Parsed | None:
    """The first token when it holds a digit; else the phrase's code-like tokens joined
    (OCR splits `IBZY2087` into `IBZY 2087`), marked inexact."""
    parts = text.split()
    token = parts[0].strip(".,;:()") if parts else ""
    if (
        (len(token) < 3 or not re.search(r"\d", token))
        and 1 < len(parts) <= 4
        and all(_CODE.fullmatch(part) for part in parts)
    ):
        joined = "".join(parts).strip("#")
        if re.search(r"\d", joined) and len(joined) >= 4:
            return Parsed(joined, exact=False)
    if len(token) < 3 or not re.search(r"\d", token):
        return None
    if _MONEY_LIKE.match(token) or re.search(r"[€$£¥₹]", token):
        return None
    if re.fullmatch(r"\d{1,3}[.,]\d{1,3}", token):
        return None  # a decimal or a version (`2.6`), not a document number
    if _CLOCK_TIME.fullmatch(token):
        return None  # `19:30` beside a receipt's number: the time of the sale
    if find_dates(token) and re.fullmatch(r"[\d./\-]+", token):
        return None
    return Parsed(token, exact=len(text.split()) == 1)


_CLOCK_TIME = re.compile(r"(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?")

SPACING_DOUBT = 0.2
"""Doubt on an identifier read by joining words (`FT A2024/12` -> `FTA2024/12`) or read before
a group of digits (`3841 52`): OCR splits codes (`IBZY 2087`, `384152`), but a text layer's
space may be printed (a Portuguese series and number), and which words belong to the number is
a guess either way."""


def _identifier_spacing(parsed: Parsed, text: str, *, ocr: bool) -> float:
    """`SPACING_DOUBT` when `_identifier` joined several words of `text` into `parsed`, or
    read by OCR the first of digit groups that may be one number (`3841 52`: OCR split
    `384152`), else 0. The joined value is kept (memory and the review compare identifiers in
    that form)."""
    parts = text.split()
    if len(parts) < 2:
        return 0.0
    if str(parsed.value) == "".join(parts).strip("#"):
        return SPACING_DOUBT
    if ocr and str(parsed.value) == parts[0].strip(".,;:()") and _split_digits(parts[1:]):
        return SPACING_DOUBT
    return 0.0


def _split_digits(rest: list[str]) -> bool:
    """Whether the words after a number start with a group of digits alone (`52`) that may
    continue it: not a year (`2024`), nor a page count (`1 of 2`, `1 / 2`)."""
    word, after = rest[0], rest[1:2]
    if not word.isdigit() or re.fullmatch(r"(19|20)\d\d", word):
        return False
    return not (after and after[0].lower() in ("of", "/", "von", "de", "sur", "van", "di"))


_TAX_ID_AFTER_NAME = re.compile(
    r",\s*(?:ИНН|КПП|ОГРН|ИИН|БИН|ЄДРПОУ|ІПН|ЕИК|ПИБ|NIP|VAT|TIN|ABN|UID|CIF|NIF)\.?:?\s*"
    r"\d[\d\s/-]{5,}$"
)
"""A registration number after a name (`ООО «Ромашка», ИНН 7701234567`, `ACME Ltd, NIP
1234567890`): not part of the name. Only after one of these words, never in an address."""
_SIGNATURE_DECIPHER = re.compile(r"[_\s]*/[^/]+/[_\s]*")
"""A signer's name in slashes beside a signature line (`____ /Иванов И. А./`)."""


def _name_like(parsed: Parsed, kind: str) -> Parsed | None:
    """A name or address as read, or None for what is no name: a legal form alone, another
    party's heading (`ODBĚRATEL` beside `DODAVATEL`), the rest of a sentence (`Dodavatel
    není plátcem DPH.`: the supplier is no VAT payer). Ligatures and presentation forms of the
    text layer become plain letters (`printed_text`)."""
    text = printed_text(str(parsed.value))
    if kind != "address" and _TAX_ID_AFTER_NAME.search(text):
        text = _TAX_ID_AFTER_NAME.sub("", text)
        parsed = replace(parsed, exact=False)
    parsed = replace(parsed, value=text)
    if _SIGNATURE_DECIPHER.fullmatch(text):
        return None  # `/Иванов И. А./` after a signature line: a signer, not a party
    if text.startswith("(") and text.endswith(")") and "(" not in text[1:]:
        return None  # `Поставщик (Исполнитель)`: the rest of the label, in parentheses
    letters = sum(ch.isalpha() for ch in text)
    form = compact(text)
    if (
        letters < 2
        or "@" in text
        or is_legal_form_only(text)
        or form in BUYER_HEADINGS
        or form in _NAME_LABEL_WORDS  # the label left alone (`Name`), not a name
    ):
        return None
    if kind != "address" and LIST_SEPARATOR.search(text):
        # A name and what follows it on its line (`Bright Sparks Electrical | 07700 900123`)
        return _name_like(Parsed(LIST_SEPARATOR.split(text)[0].strip(), exact=False), kind)
    words = text.split()
    if (
        len(words) >= 2
        and text[0].islower()
        and text.rstrip().endswith(".")
        and not legal_form_words(text)
        and not re.search(r"\d", text)
    ):
        return None  # a sentence; not `eBay Inc.`, `van der Meer B.V.`, `c/o Regus, 100 Main St.`
    if kind != "address" and (len(words) > 7 or letters < len(text.replace(" ", "")) / 2):
        return None
    if kind == "address" and not re.search(r"\d", text):
        return Parsed(text, exact=False)
    return parsed


def _fallback_candidates(context: DocumentContext, spec: FieldSpec, kind: str) -> list[Candidate]:
    """Values found without a label: patterns anywhere, or layout cues for names."""
    if kind == "email":
        return _pattern_candidates(context, spec, kind)
    if kind == "url":
        return _pattern_candidates(context, spec, kind)
    if kind == "name" and spec.key in ISSUER_KEYS:
        return _issuer_candidates(context, spec)
    if kind == "person":
        return _signature_candidates(context, spec)
    if kind == "date" and "due" not in spec.key:
        return _first_date_candidates(context, spec)
    return []


def _pattern_candidates(context: DocumentContext, spec: FieldSpec, kind: str) -> list[Candidate]:
    found: list[Candidate] = []
    for line in context.lines:
        for token in line.tokens:
            if kind == "email" and "@" not in token.text:
                continue
            if kind == "url" and not re.search(r"www\.|https?://", token.text, re.IGNORECASE):
                continue
            parsed = parse_with_kind(context, spec, kind, token.text)
            if parsed is None:
                continue
            evidence = Evidence("document", source_confidence=token.confidence, exact=parsed.exact)
            found.append(
                Candidate(
                    spec.key,
                    parsed.value,
                    token.text,
                    token.page,
                    token.bbox,
                    evidence,
                    order=line.index,
                )
            )
    return found


def _issuer_candidates(context: DocumentContext, spec: FieldSpec) -> list[Candidate]:
    """The issuer's name where no label names it, from layout.

    In order of trust: the legal name of a brand printed large at the top (`_branded_legal_name`);
    a company name (one with a legal form) heading the first page or given
    as the sender line above an address window (`Global Goods Inc. · 789 Commerce Street`), the
    more so when the document repeats it (footers do); else the largest text at the top when it
    stands out. Names under a buyer heading (`Bill to`, `Kunde`, `Nabywca`) and the recipient in
    the address window are the customer's, never the issuer's.
    """
    first_page = [line for line in context.lines if line.page == context.lines[0].page]
    if not first_page:
        return []
    bottom = max(line.bbox[3] for line in first_page)
    buyer = _buyer_phrases(first_page)
    everywhere = [(p, compact(p.text)) for other in context.lines for p in other.phrases]

    def repeats_of(phrase: Phrase, name: str) -> int:
        form = compact(name)
        return sum(1 for p, text in everywhere if p is not phrase and form in text)

    named: list[tuple[float, Phrase, str]] = []
    for line in first_page:
        if line.bbox[1] > 0.4 * bottom:
            break
        for phrase in line.phrases:
            if id(phrase) in buyer or _is_title(phrase.text):
                continue
            labelled = label_head(phrase.text)
            if labelled is not None and not _names_a_party(labelled):
                continue  # `Bank: Deutsche Bank AG`, `Auftraggeber: ...`: not the issuer's name
            # a name read from layout never includes its label (`Nome/Razão Social: ACME LTDA`)
            value = phrase.text.split(":", 1)[1].strip() if labelled is not None else ""
            name = _sender_name(phrase.text) or value or phrase.text.strip()
            if legal_form_words(name) == 0 or _name_like(Parsed(name), "name") is None:
                continue
            repeats = repeats_of(phrase, name)
            height = phrase.bbox[3] - phrase.bbox[1]
            named.append((height * (1 + 0.25 * min(repeats, 2)) - line.index * 0.01, phrase, name))
    branded = _branded_legal_name(context, first_page, buyer)
    if branded is not None:
        evidence = Evidence("layout", source_confidence=branded.confidence, support=1)
        return [
            Candidate(spec.key, branded.text, branded.text, branded.page, branded.bbox, evidence)
        ]
    if named:
        _, phrase, name = max(named, key=lambda item: item[0])
        repeats = repeats_of(phrase, name)
        evidence = Evidence("layout", source_confidence=phrase.confidence, support=min(repeats, 2))
        return [Candidate(spec.key, name, phrase.text, phrase.page, phrase.bbox, evidence)]
    return _largest_top_phrase(context, spec, first_page, buyer)


_NAME_LABEL_WORDS = frozenset(
    [
        "name",
        "names",
        "nome",
        "nombre",
        "nom",
        "naam",
        "razao",
        "razon",
        "raison",
        "social",
        "firma",
        "company",
        "empresa",
        "unvan",
        "unvani",
        "denominacion",
        "denominazione",
    ]
) | {compact(word) for word in ("名称", "名稱", "Наименование", "Назва", "Назив", "상호")}


def _names_a_party(label: str) -> bool:
    """Whether a label asks for a party's name (`Nome/Razão Social`, `Company name`)."""
    return bool({compact(word) for word in re.split(r"[\s/]+", label)} & _NAME_LABEL_WORDS)


def _branded_legal_name(
    context: DocumentContext, first_page: list[Line], buyer: set[int]
) -> Phrase | None:
    """The legal name of a brand printed large at the top (`FORSBERG PLÅT` above the address,
    `Forsberg Plåt HB` in the footer): the issuer, ahead of any other company name near the
    top (an address window's customer has a legal form too)."""
    bottom = max(line.bbox[3] for line in first_page)
    top = [
        p
        for line in first_page
        if line.bbox[1] < 0.25 * bottom
        for p in line.phrases
        if sum(ch.isalpha() for ch in p.text) >= 3 and not _is_title(p.text) and id(p) not in buyer
    ]
    if not top:
        return None
    heights = sorted(p.bbox[3] - p.bbox[1] for line in first_page for p in line.phrases)
    brand = max(top, key=lambda p: p.bbox[3] - p.bbox[1])
    if brand.bbox[3] - brand.bbox[1] < 1.4 * heights[len(heights) // 2]:
        return None
    return _legal_name_of(context, brand)


def _legal_name_of(context: DocumentContext, brand: Phrase) -> Phrase | None:
    name = brand.text.strip()
    return next(
        (p for line in context.lines for p in line.phrases if legal_extension(name, p.text)),
        None,
    )


def _largest_top_phrase(
    context: DocumentContext, spec: FieldSpec, first_page: list[Line], buyer: set[int]
) -> list[Candidate]:
    """The largest text in the top quarter of the first page, when it is not a title word."""
    del context
    bottom = max(line.bbox[3] for line in first_page)
    top_lines = [line for line in first_page if line.bbox[1] < 0.25 * bottom]
    phrases = [
        p
        for line in top_lines
        for p in line.phrases
        if sum(ch.isalpha() for ch in p.text) >= 3 and not _is_title(p.text) and id(p) not in buyer
    ]
    if not phrases:
        return []
    heights = sorted(p.bbox[3] - p.bbox[1] for line in first_page for p in line.phrases)
    typical = heights[len(heights) // 2]
    phrase = max(phrases, key=lambda p: p.bbox[3] - p.bbox[1])
    if phrase.bbox[3] - phrase.bbox[1] >= 1.4 * typical:
        evidence = Evidence("layout", source_confidence=phrase.confidence)
        return [Candidate(spec.key, phrase.text, phrase.text, phrase.page, phrase.bbox, evidence)]
    return _header_block_name(spec, first_page, buyer)


def _header_block_name(spec: FieldSpec, lines: list[Line], buyer: set[int]) -> list[Candidate]:
    """A receipt's shop name: the first line of the page when it is a lone phrase of words
    (the centred header block above the address), not a title or a label. Unlabelled and
    unverified, so it is offered with a rival's doubt."""
    first = lines[0]
    if len(first.phrases) != 1 or id(first.phrases[0]) in buyer:
        return []
    phrase = first.phrases[0]
    words = phrase.text.split()
    letters = sum(ch.isalpha() for ch in phrase.text)
    if (
        len(words) < 2
        or letters < 0.7 * len(phrase.text.replace(" ", ""))
        or _is_title(phrase.text)
        or ":" in phrase.text
    ):
        return []
    evidence = Evidence("layout", source_confidence=phrase.confidence, ambiguity=0.5)
    return [Candidate(spec.key, phrase.text, phrase.text, phrase.page, phrase.bbox, evidence)]


_SENDER_SEPARATORS = re.compile(r"\s+[·•|–]\s+|\s+-\s+|,\s+")


def _sender_name(text: str) -> str | None:
    """The name in a sender line above an address window: its first part, when the line is a
    name followed by the address (`ACME GmbH · Hauptstr. 5 · 10115 Berlin`)."""
    parts = [p.strip() for p in _SENDER_SEPARATORS.split(text) if p.strip()]
    if len(parts) < 2 or not any(re.search(r"\d", part) for part in parts[1:]):
        return None
    return None if re.search(r"\d", parts[0]) else parts[0]


BUYER_HEADINGS = frozenset(
    compact(text)
    for text in (
        "Bill to",
        "Billed to",
        "Sold to",
        "Ship to",
        "Invoice to",
        "Customer",
        "Client",
        "Buyer",
        "Recipient",
        "Deliver to",
        "Kunde",
        "Odběratel",
        "Odberateľ",
        "Kupující",
        "Käufer",
        "Rechnungsempfänger",
        "Leistungsempfänger",
        "Empfänger",
        "Lieferanschrift",
        "Rechnungsadresse",
        "Destinataire",
        "Facturé à",
        "Adresse de facturation",
        "Acheteur",
        "Klant",
        "Afnemer",
        "Cliente",
        "Facturar a",
        "Nabywca",
        "Odbiorca",
        "Kupujący",
        "Committente",
        "Destinatario",
        "Receptor",
        "Tomador",
        "Müşteri",
        "Auftraggeber",
        "Покупатель",
        "Заказчик",
        "Плательщик",
        "Грузополучатель",
        "Покупець",
        "Замовник",
        "Платник",
        "Одержувач",
        "Получател",
        "Купувач",
        "Купац",
        "购货单位",
        "購貨單位",
        "Πελάτης",
        "Στοιχεία Πελάτη",
        "购买方",
        "購買方",
        "购方",
        "買受人",
        "공급받는자",
        "العميل",
        "المشتري",
        "اسم العميل",
        "לכבוד",
        "לקוח",
    )
)
_BUYER_HEADING_FORMS = tuple(BUYER_HEADINGS)
_LONG_BUYER_HEADING_FORMS = tuple(form for form in BUYER_HEADINGS if len(form) > 5)
"""Buyer headings as `str.startswith` / `str.endswith` take them; a short one only starts a
heading (`Kunde`), a long one may also end one (`Rechnungsempfänger` of `Ihr ...`)."""
WHOLE_BUYER_HEADINGS = frozenset(compact(text) for text in ("Sayın", "Alıcı", "Sacado"))
"""Buyer headings matched only as the whole phrase or before a colon: as a prefix they would
take in names (`Alicia Ramos`)."""


SHORT_BUYER_HEADINGS = frozenset({"to", "attn", "attention", "an", "a", "z", "para", "aan"})
"""Headings that name the customer only when followed by a colon (`To:`, `Attn:`)."""


def _buyer_phrases(lines: list[Line]) -> set[int]:
    """Ids of the phrases that name the customer: the block under a buyer heading, and the
    recipient lines of an address window (those right under a sender line, which is printed
    smaller than the page's usual text)."""
    buyer: set[int] = set()
    heights = sorted(p.bbox[3] - p.bbox[1] for line in lines for p in line.phrases)
    typical = heights[len(heights) // 2] if heights else 0.0
    for index, line in enumerate(lines):
        for phrase in line.phrases:
            head, colon, _ = phrase.text.partition(":")
            heading = compact(head)
            short = bool(colon) and heading in SHORT_BUYER_HEADINGS
            if (
                short
                or heading in WHOLE_BUYER_HEADINGS
                or heading.startswith(_BUYER_HEADING_FORMS)
                or heading.endswith(_LONG_BUYER_HEADING_FORMS)
            ):
                below = _block_below(lines, index, phrase)
                buyer.update(id(p) for p in below)
                buyer.update(id(p) for p in _values_of_labels(lines, below))
                tail = phrase.text.split(":", 1)[1].strip() if ":" in phrase.text else ""
                if tail:
                    buyer.add(id(phrase))
            elif _sender_name(phrase.text) and phrase.bbox[3] - phrase.bbox[1] <= 1.1 * typical:
                buyer.update(id(p) for p in _block_below(lines, index, phrase))
            elif _ADDRESSEE.search(phrase.text):
                buyer.add(id(phrase))
    buyer.update(_beside_stacked_buyer_headings(lines))
    return buyer


def _beside_stacked_buyer_headings(lines: list[Line]) -> set[int]:
    """Ids of the phrases in the box beside a buyer heading set vertically, one character a
    line (`购 买 方 信 息` at the left of the buyer's box of a Chinese e-invoice, `공급받는자`
    on a Korean tax invoice): from the heading to the next such heading on its right."""
    singles: dict[int, list[Phrase]] = {}
    for line in lines:
        for phrase in line.phrases:
            if len(phrase.text) == 1 and phrase.text.isalpha() and not phrase.text.isascii():
                singles.setdefault(round(phrase.bbox[0] / 4), []).append(phrase)
    stacks = []
    for column in singles.values():
        run = [column[0]]
        for phrase in column[1:]:
            height = run[-1].bbox[3] - run[-1].bbox[1]
            if phrase.bbox[1] - run[-1].bbox[3] <= 0.8 * height:
                run.append(phrase)
                continue
            stacks.append(run)
            run = [phrase]
        stacks.append(run)
    stacks = [run for run in stacks if len(run) >= 2]
    found: set[int] = set()
    for run in stacks:
        if not compact("".join(p.text for p in run)).startswith(_BUYER_HEADING_FORMS):
            continue
        top, bottom, left = run[0].bbox[1], run[-1].bbox[3], run[0].bbox[2]
        right = min(
            (o[0].bbox[0] for o in stacks if o[0].bbox[0] > left and o[0].bbox[1] < bottom),
            default=float("inf"),
        )
        found.update(
            id(p)
            for line in lines
            for p in line.phrases
            if left <= p.bbox[0] < right and p.bbox[1] >= top - 2 and p.bbox[3] <= bottom + 2
        )
    return found


def _values_of_labels(lines: list[Line], block: list[Phrase]) -> list[Phrase]:
    """The phrase right after each of the block's labels on its line (`Назив:` then, a gap to
    its right, `Србија Трејд д.о.о.`): the values of a party's block of labelled lines. Only
    that one: what stands further right is another column (the seller's letterhead)."""
    by_index = {line.index: line for line in lines}
    values: list[Phrase] = []
    for label in block:
        line = by_index.get(label.line)
        if line is None or not label.text.rstrip().endswith(":"):
            continue
        after = [p for p in line.phrases if p.bbox[0] > label.bbox[2]]
        if after:
            values.append(min(after, key=lambda p: p.bbox[0]))
    return values


_ADDRESSEE = re.compile(r"(?:御中|様|殿|貴中|귀하|귀중)\s*$")
"""The honorific after the addressee's name (`株式会社朝日 御中`, `山田太郎 様`, `(주)한빛 귀하`):
that line names the customer."""


def _block_below(lines: list[Line], index: int, head: Phrase) -> list[Phrase]:
    """The phrases starting where `head` starts on the next few lines (an address block); under
    a heading alone on its line and centred across the page (`TOMADOR DE SERVIÇOS` over a form's
    full-width box), the phrases starting where the next line starts."""
    block: list[Phrase] = []
    height = max(head.bbox[3] - head.bbox[1], 6.0)
    below = [line for line in lines[index + 1 : index + 5] if line.page == head.page]
    left = head.bbox[0]
    if (
        below
        and len(lines[index].phrases) == 1
        and not any(abs(p.bbox[0] - left) <= 2 * height for p in below[0].phrases)
    ):
        page = [line.bbox for line in lines if line.page == head.page]
        page_left, page_right = min(b[0] for b in page), max(b[2] for b in page)
        centre = (head.bbox[0] + head.bbox[2]) / 2
        if abs(centre - (page_left + page_right) / 2) <= 0.05 * (page_right - page_left):
            left = below[0].bbox[0]
    for line in below:
        match = [p for p in line.phrases if abs(p.bbox[0] - left) <= 2 * height]
        if not match:
            break
        block.extend(match[:1])
    return block


_TITLE_WORDS = {
    "invoice",
    "purchaseorder",
    "order",
    "receipt",
    "bill",
    "rechnung",
    "facture",
    "factuur",
    "factura",
    "quote",
    "quotation",
    "creditnote",
    "statement",
    "paymentreceipt",
    "taxinvoice",
    "bestellung",
    "commande",
    "bestelling",
    "pedido",
    "lieferschein",
    "deliverynote",
    "faktura",
    "fattura",
    "fatura",
    "kvitto",
    "kvittering",
    "kreditnota",
    "kreditfaktura",
    "ricevuta",
    "recibo",
    "quittung",
    "faktur",
    "fakturpajak",
    "invois",
    "struk",
    "strukbelanja",
    "hoadon",
    "hoadongiatrigiatang",
}


_TITLE_QUALIFIERS = frozenset(
    {
        "tax",
        "service",
        "sales",
        "commercial",
        "proforma",
        "pro",
        "forma",
        "vat",
        "gst",
        "simplified",
        "official",
        "final",
        "interim",
        "original",
        "copy",
        "duplicate",
        "electronic",
        "summary",
        "retail",
        "cash",
        "credit",
        "debit",
    }
)
"""Words that name a kind of document before its title word (`SERVICE INVOICE`, `Official
Receipt`, `Commercial Invoice`)."""


_SCRIPT_TITLES = tuple(
    compact(title)
    for title in (
        "Счет на оплату",
        "Счет-фактура",
        "Счет",
        "Универсальный передаточный документ",
        "УПД",
        "Рахунок на оплату",
        "Рахунок-фактура",
        "Рахунок",
        "Видаткова накладна",
        "Товарная накладная",
        "Фактура",
        "Рачун",
        "Кассовый чек",
        "Товарный чек",
        "Фискальный чек",
        "Фіскальний чек",
        "Касовий чек",
        "Чек",
        "Τιμολόγιο",
        "Απόδειξη",
        "請求書",
        "領収書",
        "領収証",
        "納品書",
        "見積書",
        "レシート",
        "发票",
        "發票",
        "發票證明聯",
        "收据",
        "收據",
        "세금계산서",
        "계산서",
        "거래명세서",
        "명세서",
        "영수증",
        "فاتورة",
        "فاتورة ضريبية",
        "فاتورة ضريبية مبسطة",
        "إيصال",
        "חשבונית",
        "חשבונית מס",
        "חשבונית מס קבלה",
        "קבלה",
    )
)
"""Document titles in other scripts, compact. Chinese, Japanese and Korean titles are words
run together with what qualifies them (`上海增值税专用发票`, `電子發票證明聯`, `전자세금계산서`),
and titles in any of these scripts head a line with the number (`Счет на оплату № 739 от ...`)."""
_SCRIPT_TITLE_LINE = re.compile(
    "^(?:" + "|".join(sorted(map(re.escape, _SCRIPT_TITLES), key=len, reverse=True)) + ")"
    r"(?:no|n°|#)?\d"
)


def _is_script_title(form: str) -> bool:
    """A compact form that is a title in another script, ends with one, or is a title line."""
    if not form or form.isascii():
        return False
    return any(form.endswith(title) for title in _SCRIPT_TITLES) or bool(
        _SCRIPT_TITLE_LINE.match(form)
    )


def _is_title(text: str, *, with_kind: bool = True) -> bool:
    """A document title (`Invoice`, `Credit note`); `with_kind` also takes one led by words
    naming its kind (`SERVICE INVOICE`, `Official Receipt`). Titles in other scripts:
    `_is_script_title`."""
    form = compact(text)
    words = [compact(word) for word in text.split()]
    return (
        _is_script_title(form)
        or form in _TITLE_WORDS
        or form.rstrip("s") in _TITLE_WORDS
        or any(form == compact(title) for title in CREDIT_NOTE_TITLES)
        or (
            with_kind
            and 2 <= len(words) <= 3
            and words[-1] in _TITLE_WORDS
            and all(word in _TITLE_QUALIFIERS for word in words[:-1])
        )
    )


def _signature_candidates(context: DocumentContext, spec: FieldSpec) -> list[Candidate]:
    """A signature block: a name line above a job title; the topmost name line is the sign."""
    lines = list(context.lines)
    for index, line in enumerate(lines):
        for phrase in line.phrases:
            if not _is_job_title(phrase.text):
                continue
            names = _names_above(lines, index, phrase)
            if names:
                top = names[-1]
                evidence = Evidence(
                    "layout", source_confidence=top.confidence, support=len(names) - 1
                )
                return [Candidate(spec.key, top.text, top.text, top.page, top.bbox, evidence)]
    return []


def _is_job_title(text: str) -> bool:
    """A short phrase holding a job title word, allowing one typo (`Supply Manger`)."""
    words = text.split()
    if not 1 <= len(words) <= 4:
        return False
    titles = [compact(t) for t in JOB_TITLES]
    return any(fuzz.ratio(compact(word), title) >= 85 for word in words for title in titles)


def _names_above(lines: list[Line], index: int, title: Phrase) -> list[Phrase]:
    found: list[Phrase] = []
    height = title.bbox[3] - title.bbox[1]
    center = (title.bbox[0] + title.bbox[2]) / 2
    bottom = title.bbox[1]
    for line in reversed(lines[max(0, index - 3) : index]):
        if line.page != title.page or bottom - line.bbox[3] > 4 * height:
            break
        match = [p for p in line.phrases if p.bbox[0] - height <= center <= p.bbox[2] + height]
        if not match or not re.fullmatch(
            r"[A-ZÀ-Ý][\w'’.\-]+(?: [A-ZÀ-Ý][\w'’.\-]+){1,3}", match[0].text
        ):
            break
        found.append(match[0])
        bottom = match[0].bbox[1]
    return found


def _first_date_candidates(context: DocumentContext, spec: FieldSpec) -> list[Candidate]:
    for line in context.lines[:40]:
        for offset, parsed in find_dates(line.text, context.date_order):
            del offset
            evidence = Evidence(
                "layout",
                exact=parsed.exact,
                source_confidence=min(t.confidence for t in line.tokens),
                doubt=_reading_doubt(context, parsed),
            )
            return [Candidate(spec.key, parsed.value, line.text, line.page, line.bbox, evidence)]
    return []


def choose(candidates: list[Candidate]) -> Candidate | None:
    """The strongest value, its support (agreeing candidates) and ambiguity (rivals) recorded."""
    if not candidates:
        return None
    groups: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        groups.setdefault(_value_key(candidate.value), []).append(candidate)
    ranked = sorted(
        groups.values(),
        key=lambda group: (-_group_strength(group), min(c.order for c in group)),
    )
    top = max(_group_strength(g, structural=True) for g in ranked)
    top_label = max(c.label_length for c in ranked[0])
    close = [
        g
        for g in ranked
        if _group_strength(g, structural=True) >= 0.95 * top
        and max(c.label_length for c in g) >= top_label
    ] or ranked[:1]
    best_group = min(close, key=lambda group: min(c.order for c in group))
    ranked = [best_group, *[g for g in ranked if g is not best_group]]
    best = max(best_group, key=lambda c: (c.strength, -c.order))
    rival = _group_strength(ranked[1]) if len(ranked) > 1 else 0.0
    ambiguity = _ambiguity(_group_strength(best_group), rival)
    positions = {(c.page, c.bbox) for c in best_group}
    evidence = replace(
        best.evidence,
        ambiguity=max(ambiguity, best.evidence.ambiguity),
        support=len(positions) - 1,
    )
    return replace(best, evidence=evidence)


def _value_key(value: object) -> str:
    return " ".join(str(value).split()).casefold()


def _group_strength(group: list[Candidate], *, structural: bool = False) -> float:
    """Best candidate's strength, raised a little by each agreeing candidate."""
    best = max(c.structural_strength if structural else c.strength for c in group)
    return 1.0 - (1.0 - best) * (0.85 ** (len(group) - 1))


def _ambiguity(best: float, rival: float) -> float:
    if best <= 0 or rival <= 0:
        return 0.0
    ratio = rival / best
    return min(1.0, max(0.0, (ratio - 0.6) / 0.4))


TOTAL_KEYS = ("total_amount", "subtotal_amount", "tax_amount")


def cross_check_money(
    chosen: dict[str, Candidate | None],
    candidates: dict[str, list[Candidate]],
    context: DocumentContext | None = None,
) -> dict[str, Candidate | None]:
    """Prefer the total, subtotal and tax that add up; mark agreeing values consistent. A
    subtotal equal to the total adds up only on a document without a tax read: beside a tax
    (a card slip's `MONTANT=` under a receipt's VAT table) the three disagree and are marked
    so, as when nothing adds up; this holds an invoice whose subtotal already includes its tax
    too, which the arithmetic alone cannot tell apart."""
    if not all(key in candidates for key in ("total_amount", "subtotal_amount")):
        return chosen
    totals = _top_values(candidates["total_amount"])
    subtotals = _top_values(candidates["subtotal_amount"])
    taxes: list[Candidate | None] = [*_top_values(candidates.get("tax_amount", []))]
    if not _decimal(chosen.get("tax_amount")):
        taxes.append(None)  # no tax at all: only then may the subtotal equal the total
    best: tuple[float, Candidate, Candidate, Candidate | None] | None = None
    for total in totals:
        for subtotal in subtotals:
            for tax in taxes:
                if not _adds_up(total, subtotal, tax):
                    continue
                weight = total.strength + subtotal.strength + (tax.strength if tax else 0.0)
                if best is None or weight > best[0]:
                    best = (weight, total, subtotal, tax)
    if best is None:
        return _mark_inconsistent(_derive_missing(chosen), _other_amounts(context))
    _, total, subtotal, tax = best
    updated = dict(chosen)
    for key, candidate in (
        ("total_amount", total),
        ("subtotal_amount", subtotal),
        ("tax_amount", tax),
    ):
        if candidate is None or key not in chosen:
            continue
        previous = chosen.get(key)
        agreed = choose([c for c in candidates[key] if c.value == candidate.value])
        agreed = agreed or candidate
        evidence = replace(agreed.evidence, consistent=True)
        if previous is not None and previous.value != candidate.value:
            evidence = replace(evidence, ambiguity=max(evidence.ambiguity, 0.3))
        updated[key] = replace(agreed, evidence=evidence)
    return updated


def _mark_inconsistent(
    chosen: dict[str, Candidate | None], others: list[Decimal]
) -> dict[str, Candidate | None]:
    """Total, subtotal and tax that were all found but do not add up (in any combination of
    their candidates, nor with the page's other amounts: a discount, shipping, a deposit)
    doubt each other; so does a total smaller than its subtotal with nothing to explain it."""
    total, subtotal = chosen.get("total_amount"), chosen.get("subtotal_amount")
    tax = chosen.get("tax_amount")
    t, s = _decimal(total), _decimal(subtotal)
    if total is None or subtotal is None or t is None or s is None:
        return chosen
    if subtotal.evidence.position == "derived":
        return chosen
    x = _decimal(tax) or Decimal(0)
    if _explained_by(t - s - x, others):
        return chosen
    smaller = abs(t) < abs(s)
    if tax is None and not smaller:
        return chosen
    updated = dict(chosen)
    for key in TOTAL_KEYS:
        candidate = chosen.get(key)
        if candidate is not None:
            updated[key] = replace(
                candidate, evidence=replace(candidate.evidence, consistent=False)
            )
    return updated


def _other_amounts(context: DocumentContext | None) -> list[Decimal]:
    """Amounts beside labels of something other than the totals (discount, shipping, deposit,
    surcharge), at most six, as printed."""
    if context is None:
        return []
    found: list[Decimal] = []
    for line in context.lines:
        label = line.phrases[0].text if line.phrases else ""
        if len(line.phrases) < 2 or amount_role(label) != OTHER or is_rate_heading(label):
            continue  # a rate (`VAT %: 20`) is no amount that could explain a gap
        parsed = parse_money(line.phrases[-1].text, context.decimal_comma)
        if parsed is not None:
            found.append(Decimal(str(parsed.value)))
    return found[:6]


def _explained_by(gap: Decimal, others: list[Decimal]) -> bool:
    """Whether some of `others`, each added or taken off, make up `gap` (to the cent)."""
    if abs(gap) <= Decimal("0.011"):
        return True
    sums = {Decimal(0)}
    for amount in others:
        sums |= {s + amount for s in sums} | {s - amount for s in sums}
    return any(abs(gap - s) <= Decimal("0.011") for s in sums)


def _top_values(cands: list[Candidate]) -> list[Candidate]:
    by_value: dict[str, Candidate] = {}
    for candidate in sorted(cands, key=lambda c: -c.strength):
        by_value.setdefault(str(candidate.value), candidate)
    return list(by_value.values())[:5]


def _decimal(candidate: Candidate | None) -> Decimal | None:
    if candidate is None:
        return None
    try:
        return Decimal(str(candidate.value))
    except InvalidOperation:
        return None


def _adds_up(total: Candidate, subtotal: Candidate, tax: Candidate | None) -> bool:
    t, s, x = _decimal(total), _decimal(subtotal), _decimal(tax)
    if t is None or s is None:
        return False
    if t == 0 or s * t <= 0:
        return False
    if x is None:
        return s == t
    return abs(s + x - t) <= Decimal("0.011")


def _derive_missing(chosen: dict[str, Candidate | None]) -> dict[str, Candidate | None]:
    """Without a consistent triple, a missing subtotal is the total less the tax shown (or the
    total itself when no tax is shown)."""
    total = chosen.get("total_amount")
    if total is None or "subtotal_amount" not in chosen or chosen.get("subtotal_amount"):
        return chosen
    tax = chosen.get("tax_amount")
    if tax is not None and (tax.strength < 0.7 or tax.evidence.position == "below"):
        tax = None
    total_value, tax_value = _decimal(total), _decimal(tax)
    if total_value is None or (tax is not None and tax_value is None):
        return chosen
    value = total_value - (tax_value or Decimal(0))
    if value * total_value <= 0:
        return chosen
    updated = dict(chosen)
    evidence = Evidence("derived", source_confidence=total.evidence.source_confidence)
    updated["subtotal_amount"] = replace(
        total, key="subtotal_amount", value=f"{value:.2f}", evidence=evidence
    )
    return updated


def _credit_note_signs(
    context: DocumentContext, chosen: dict[str, Candidate | None]
) -> dict[str, Candidate | None]:
    """A credit note's totals are negative, also where it prints them without a sign."""
    if not context.credit_note or _SIGNED_AMOUNT.search(context.text):
        return chosen
    updated = dict(chosen)
    for key in TOTAL_KEYS:
        candidate = chosen.get(key)
        amount = _decimal(candidate)
        if candidate is not None and amount is not None and amount > 0:
            evidence = replace(candidate.evidence, doubt=max(candidate.evidence.doubt, 0.1))
            updated[key] = replace(candidate, value=f"{-amount:.2f}", evidence=evidence)
    return updated


_SIGNED_AMOUNT = re.compile(
    r"(?<![\w\-])[-−]\s?[€$£]?\s?\d[\d.,]*[.,]\d{2}\b|\(\s?[€$£]?\s?\d[\d.,]*[.,]\d{2}\s?\)|"
    r"\d[.,]\d{2}\s?(?:CR\b|-(?!\d))"
)
"""An amount printed negative: then the document shows its own signs and none is added."""


def _confirm_issuer_by_domain(
    context: DocumentContext, chosen: dict[str, Candidate | None]
) -> dict[str, Candidate | None]:
    """An issuer name guessed from layout is confirmed when a web or mail domain on the page
    spells it (`Hero Limited` and `herolimited.com`)."""
    domains = {
        compact(match.group(1).split(".")[0])
        for match in re.finditer(
            r"(?:@|www\.|https?://)([a-z0-9\-]+\.[a-z.]{2,})", context.text, re.IGNORECASE
        )
    }
    updated = dict(chosen)
    for key, candidate in chosen.items():
        if candidate is None or key not in ISSUER_KEYS or candidate.evidence.position != "layout":
            continue
        name = compact(str(candidate.value))
        if len(name) >= 4 and any(
            name in domain or domain in name for domain in domains if len(domain) >= 4
        ):
            updated[key] = replace(candidate, evidence=replace(candidate.evidence, consistent=True))
    return updated


BARE_DOLLAR_DOUBT = 0.3
"""A `$` or `kr` with no country named and no code printed: several currencies write it so."""


OCR_POUND_DOUBT = 0.4
"""A `£` read by OCR, with `GBP` printed nowhere, on a page in a language other than English:
the recogniser takes the Turkish lira's `₺` for it."""


def _pound_read_by_ocr(context: DocumentContext, code: str) -> bool:
    if code != "GBP" or "GBP" in context.text or context.language in (None, "en"):
        return False
    return any("£" in t.text and t.confidence < 100 for line in context.lines for t in line.tokens)


def _fill_currency(
    context: DocumentContext, specs: tuple[FieldSpec, ...], chosen: dict[str, Candidate | None]
) -> dict[str, Candidate | None]:
    """A currency field without a labelled value takes the totals' or the document's currency."""
    keys = [s.key for s in specs if semantic_kind(s.key, s.type) == "currency"]
    if not keys:
        return chosen
    updated = dict(chosen)
    for key in keys:
        if updated.get(key) is not None:
            continue
        money = [c for c in chosen.values() if c is not None and c.currency]
        code = money[0].currency if money else context.currency
        if code is None:
            continue
        agreeing = sum(1 for c in money if c.currency == code)
        guessed_dollar = (
            (code == "USD" and context.dollar is None and "USD" not in context.text)
            or (
                code == "SEK" and "SEK" not in context.text and krone_currency(context.text) is None
            )
            or (code in ("JPY", "CNY") and context.yen is None and code not in context.text)
        )
        doubt = BARE_DOLLAR_DOUBT if guessed_dollar else 0.0
        if _pound_read_by_ocr(context, code):
            doubt = max(doubt, OCR_POUND_DOUBT)
        evidence = Evidence(
            "document",
            support=min(agreeing + max(context.currency_support, 0), 3),
            ambiguity=0.0 if context.currency in (None, code) else 0.6,
            doubt=doubt,
        )
        anchor = money[0] if money else None
        updated[key] = Candidate(
            key,
            code,
            code,
            anchor.page if anchor else context.lines[0].page,
            anchor.bbox if anchor else context.lines[0].bbox,
            evidence,
        )
    return updated
