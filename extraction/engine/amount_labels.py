"""What a label next to an amount says the amount is: the total, the net subtotal, the tax, or
something else (a surcharge, a discount, a prepayment, cash handed over).

Called by `fields.py` for the summary money fields (`total_amount`, `subtotal_amount`,
`tax_amount`). Synonym lists alone mislead on unseen layouts: `Gesamtbetrag` is a total but
`Gesamtbetrag der Zuschläge` is a sum of surcharges, `Total` is a total but `Net Total Amount`
is the subtotal and `Total TVA` the tax. This module reads the whole label phrase by its words
(German compounds by their stems) in the languages the engine knows. Pure: text in, role out.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import lru_cache

TOTAL = "total_amount"
SUBTOTAL = "subtotal_amount"
TAX = "tax_amount"
OTHER = "other"


def _vocabulary(text: str) -> frozenset[str]:
    return frozenset(text.split())


_OTHER_WORDS = _vocabulary(
    "discount allowance charge charges surcharge deposit prepaid prepayment paid advance "
    "shipping freight delivery postage handling rounding cash change tendered given card tip "
    "bar forward carried brought previous remise rabais escompte acompte frais port "
    "arrondi rendu especes korting aanbetaling verzendkosten descuento anticipo envio redondeo "
    "zaokrouhleni zaokruhlenie zaloha "
    "cambio sconto acconto trasporto rabat reg registration no nr id number nummer numero "
    "rate satz stawka taux tarief qty quantity items item pcs pieces weight gewicht kg hours "
    "stunden pages savings terms term days tage jours dagen dias giorni idnr ustidnr vatid "
    "vatno taxid siret siren nip cvr iskonto tevkifat bakiye kuru odenen "
    "contract stored earned finish pph ewt lain"
)
"""Words naming an amount that is not the document's charges: discounts, payments, carried
balances, rates and counts, a contract's running figures (`Original contract sum`, `Total
completed and stored to date`, `Balance to finish`), which a progress invoice prints beside its
own amount, withholding taxes (`PPh 23`, `EWT`) and another tax base (`DPP Nilai Lain`)."""
_HELD_BACK_WORDS = _vocabulary(
    "retainage retention retentions retained holdback withheld withholding deduction deductions "
    "retenue retenues ritenuta retencion retenciones retencao cis"
)
"""Amounts held back from a payment (retention, retainage, withholding, the UK Construction
Industry Scheme's `CIS` deduction): `other` unless the label also says what is paid or
before what it stands (`Amount due after retention`, `Subtotal before retention`)."""
_QUALIFIED_OTHER = {
    "completed": frozenset({"date", "stored"}),
    "exempt": frozenset({"sales", "supplies", "purchases"}),
    "zero": frozenset({"sales", "supplies", "purchases"}),
    "rated": frozenset({"sales", "supplies", "purchases"}),
}
"""Words that name something else only beside one of these (`Total completed to date`,
`VAT-Exempt Sales`, `Zero-Rated Sales`; not `Invoice total (completed works)`, `VAT (zero
rated)`)."""
_OTHER_STEMS = _vocabulary(
    "zuschlag zuschlaeg abschlag abschlaeg rabatt skonto anzahlung vorauszahlung versand fracht "
    "porto rundung rueckgeld wechselgeld gegeben bezahlt erhalten uebertrag gutschein pfand "
    "trinkgeld"
)
_NET_WORDS = _vocabulary(
    "net netto nett ht ex excl exkl excluding exclusive without ohne before sub subtotal hors "
    "taxable base basis imponible grondslag exclusief imponibile goods sin neto iliquido sem "
    "eks ekskl zaklad avant produtos mercadorias haric matrah matrahi ara hizmet vatable dpp "
    "hang"
)
_NET_STEMS = _vocabulary(
    "netto zwischensumme subtotal soustotal warenwert positionssumme steuerbasis "
    "bemessungsgrundlage subtotaal bezdph"
)
_GROSS_WORDS = _vocabulary(
    "gross brutto ttc inc incl inkl including inclusive grand due payable pay payer betalen pagar "
    "pagare inclusief owing zaplaty zaplacenia betala betale after con incluido voldoen uhrade "
    "s vc vcetne vratane dahil odenecek genel"
)
_GROSS_STEMS = _vocabulary(
    "brutto zahlbetrag endbetrag rechnungsbetrag zuzahlen apayer montantdu soldedu tevoldoen"
)
_TAX_WORDS = _vocabulary(
    "tax vat mwst ust tva btw iva gst hst pst qst sst tps tvq tvh dph taxe taxes impuesto "
    "impuestos imposta podatek moms mva ipi iss kdv otv vergi vergiler ppn pajak thue gtgt"
)
_TAX_STEMS = _vocabulary("steuer mehrwert umsatz")
_TOTAL_WORDS = _vocabulary(
    "total totals sum gesamt summe totaal somme totale razem suma summa totalt totalbelopp "
    "yhteensa celkem celkom spolu toplam toplami jumlah"
)
_TOTAL_STEMS = _vocabulary("gesamt summe totaal rechnungssumme tongcong")
_IDENTIFIER_ENDINGS = ("nummer", "nr", "idnr", "id", "no")
"""A compound ending so names a number, not an amount (`Steuernummer`, `USt-IdNr`)."""
NEUTRAL_WORDS = _vocabulary(
    "amount betrag montant bedrag importe valor importo kwota value added invoice rechnung "
    "facture the of in der die das des dem den de la le les du zu zur au aux a for fur te do "
    "to eur usd gbp chf sek nok dkk pln czk inr aud cad try tl tutar tutari mal hesaplanan "
    "payment current this sales tong cong tien thanh toan belanja tagihan"
)
"""Words an amount label may hold besides role words without saying anything else."""
"""Words alone too weak to make an amount label (`Amount`, `Betrag` are often column headers)
are in none of these lists."""


def _words(text: str) -> list[str]:
    """The label's words, lowercase without accents: Latin words as `[a-z]+` runs, and runs of
    letters of other scripts (Cyrillic, Greek, Arabic, Hebrew, CJK; compatibility forms such as
    Arabic presentation forms become their plain letters)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.replace("ł", "l").replace("ø", "o").replace("æ", "ae").replace("ı", "i")
    plain = plain.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    return _WORD.findall(plain)


_WORD = re.compile(
    r"[a-z]+|[\u0370-\u03ff\u0400-\u052f\u0590-\u05ff\u0600-\u06ff\u1100-\u11ff"
    r"\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+"
)
"""A Latin word, or a run of letters of a script with a vocabulary here (Greek, Cyrillic,
Hebrew, Arabic, Hangul, kana, Han). Other letters split words and are dropped, as every
non-Latin letter was before (a Thai word beside `Total` leaves it a label), and so do Latin
letters outside a-z that have no decomposition."""


def _script_words(text: str) -> frozenset[str]:
    """Vocabulary of another script, in the form `_words` reads labels in."""
    return frozenset(word for entry in text.split() for word in _words(entry))


# Labels in other scripts. Cyrillic (Russian, Ukrainian, Belarusian, Bulgarian, Serbian,
# Kazakh documents in Russian), Arabic and Hebrew are read by words like the Latin lists; Greek
# only for what is no total (discounts, advances, withholding). Chinese, Japanese and Korean
# labels are runs of characters without spaces (`価税合計`, `합계금액`), so they are stems
# found inside the label.
_OTHER_WORDS |= _script_words(
    "аванс авансом предоплата оплачено оплата получено скидка скидки знижка знижки отстъпка "
    "попуст рабат сдача решта наличными наличные готівка готівкою картой карткою карта "
    "безналичными ставка ставки количество кол номер код ндфл задаток уплачено авансни "
    "εκπτωση προκαταβολη εξοφληθηκε μετρητα ρεστα κρατησεις ποσοτητα "
    "خصم الخصم المدفوع مدفوع الرصيد رصيد نقدا الباقي دفعة مقدمة "
    "הנחה שולם יתרה מקדמה עודף מזומן"
)
_HELD_BACK_WORDS |= _script_words("παρακρατηση παρακρατησης удержание утримання")
_NET_WORDS |= _script_words(
    "без основа основица данъчна облагаема облагаемая قبل الفرعي فرعي الخاضع לפני ללא ביניים"
)
_GROSS_WORDS |= _script_words(
    "оплате оплаты оплати сплати сплаты плащане плащання уплату уплата наплату "
    "включая включно включително "
    "شامل شاملة المستحق مستحق للدفع כולל לתשלום"
)
_TAX_WORDS |= _script_words("ндс пдв ддс ққс налог податок данък ضريبة الضريبة الضريبه מעמ")
_TOTAL_WORDS |= _script_words(
    "итого итог всего разом всього общо обща всичко укупно укупан свега "
    "الاجمالي اجمالي الإجمالي المجموع مجموع סך"
)
NEUTRAL_WORDS |= _script_words(
    "сумма сума сумата суммы износ в т ч том числе числі тому у к на по за до от от від "
    "счету счёту рахунку фактура документу руб рублей грн лв лева дин динара тенге тг "
    "الى القيمة المضافة المبلغ مبلغ بال ريال درهم جنيه دينار "
    "סכום מס ש ח"
)
_SCRIPT_NET_STEMS = _script_words("小計 小计 税抜 税別 稅前 未税 공급가액 공급가 과세표준")
_SCRIPT_GROSS_STEMS = _script_words(
    "税込 価税合計 价税合计 價稅合計 含税 含稅 小写 小寫 請求金額 ご請求 御請求 お支払金額 "
    "応付 应付 應付 合計金額 합계금액 청구금액 결제금액"
)
_SCRIPT_TAX_STEMS = _script_words("消費税 税額 税额 稅額 增值税 營業稅 세액 부가세 부가가치세 מעמ")
_SCRIPT_TOTAL_STEMS = _script_words("合計 合计 總計 总计 総計 합계 총액 총계 סהכ")
_SCRIPT_OTHER_STEMS = _script_words(
    "源泉 預り お預り 釣 おつり 値引 割引 折扣 找零 收款 現金 现金 할인 받은금액 거스름"
)
_NET_STEMS |= _SCRIPT_NET_STEMS
_GROSS_STEMS |= _SCRIPT_GROSS_STEMS
_TAX_STEMS |= _SCRIPT_TAX_STEMS
_TOTAL_STEMS |= _SCRIPT_TOTAL_STEMS
_OTHER_STEMS |= _SCRIPT_OTHER_STEMS
_SCRIPT_PAYABLE_WORDS = _script_words(
    "оплате оплаты оплати сплати сплаты плащане уплату уплата المستحق للدفع לתשלום"
)
_SCRIPT_PAYABLE_STEMS = _script_words("請求金額 ご請求 御請求 応付 应付 應付 청구금액")
_WITH_WORDS = _script_words("с з са со")
"""`with` (`Итого с НДС`, `Разом з ПДВ`, `Укупно са ПДВ`): a gross word only
beside a tax word (`с 01.01 по 31.01` is a period)."""
_NEGATIONS = _script_words("غير لا לא")
"""`not` before a gross word makes it net (`الإجمالي غير شامل ضريبة`, `לא כולל מע"מ`)."""


def _german_form(text: str) -> str:
    lowered = text.lower()
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        lowered = lowered.replace(umlaut, plain)
    return re.sub(r"[^a-z]", "", lowered)


_RATE_QUALIFIER = re.compile(r"\d[\d.,]*\s*%|%\s*\d[\d.,]*")
"""A rate printed in an amount's label (`MwSt. 19 %`, `(7%)`, Turkish `KDV(%20)`); a `%`
without a number heads a column or box of rates."""


def is_rate_heading(label: str) -> bool:
    """Whether `label` heads a rate rather than an amount: a `%` that qualifies no number
    (`%IVA`, `VAT %`, `Tax (%)`), unlike `TVA 20 %`, which names the rate of its amount."""
    return "%" in _RATE_QUALIFIER.sub("", label)


@lru_cache(maxsize=16384)
def amount_role(label: str) -> str | None:
    """`total_amount`, `subtotal_amount`, `tax_amount`, `other`, or None (not an amount label).

    Precedence follows how such labels are built: a `%` that qualifies no number (`%IVA`,
    `VAT %`) heads rates, so `other`; a word for something else (surcharge,
    discount, cash) makes it `other`; a net word (`net`, `ohne USt`, `HT`) makes a subtotal even
    beside a tax or total word; a gross word (`brutto`, `TTC`, `incl. VAT`, `due`) makes a total;
    a tax word alone makes the tax (`Total TVA` is the tax); a total word alone the total.
    """
    words = _words(label)
    if not words:
        return None
    if is_rate_heading(label):
        return OTHER
    joined = _german_form(label) + " " + "".join(words)
    if any(w in _OTHER_WORDS for w in words) and not _charges_in_all(words):
        return OTHER
    if any(s in joined for s in _OTHER_STEMS):
        return OTHER
    if any(w in _QUALIFIED_OTHER and _QUALIFIED_OTHER[w] & set(words) for w in words):
        return OTHER
    held_back = any(w in _HELD_BACK_WORDS for w in words) or "einbehalt" in joined
    if held_back and not (
        set(words) & (_PAYABLE_WORDS | _NET_WORDS | _HELD_QUALIFIERS) or "apayer" in joined
    ):
        return OTHER
    if any(len(w) > 5 and w.endswith(_IDENTIFIER_ENDINGS) for w in words):
        return OTHER
    negated = {after for before, after in itertools.pairwise(words) if before in _NEGATIONS}
    net = (
        any(w in _NET_WORDS for w in words)
        or any(s in joined for s in _NET_STEMS)
        or bool(negated & _GROSS_WORDS)
    )
    tax = any(w in _TAX_WORDS for w in words) or any(s in joined for s in _TAX_STEMS)
    gross = (
        any(w in _GROSS_WORDS and w not in negated for w in words)
        or any(s in joined for s in _GROSS_STEMS)
        or (tax and any(w in _WITH_WORDS for w in words))
    )
    total = any(w in _TOTAL_WORDS for w in words) or any(s in joined for s in _TOTAL_STEMS)
    if net and not gross:
        return SUBTOTAL
    if gross:
        return TOTAL
    if tax:
        return TAX
    if total:
        return TOTAL
    return None


_PAYABLE_WORDS = _vocabulary(
    "due payable pay owing betalen voldoen pagar pagare payer odenecek zaplaty zaplacenia "
    "betala betale uhrade"
)
_PAYABLE_STEMS = _vocabulary("zahlbetrag zuzahlen apayer montantdu soldedu tevoldoen")
_PAYABLE_WORDS |= _SCRIPT_PAYABLE_WORDS
_PAYABLE_STEMS |= _SCRIPT_PAYABLE_STEMS
_HELD_QUALIFIERS = _vocabulary("after apres nach dopo despues con")
"""Words that make a label with a held-back amount name what remains (`Amount due after
retention`, `Total a pagar (con retención)`)."""
_EARLIER_WORDS = _vocabulary(
    "previous prior last opening brought forward anterior vorheriger vorheriges alter ancien "
    "precedent vorig vorige onceki"
)
_ACCOUNT_WORDS = _vocabulary(
    "balance bill invoice statement saldo solde bakiye factura rechnung factuur"
)


def _charges_in_all(words: list[str]) -> bool:
    """`Total charges`, `Total current charges`: the charges in all, the document's total. Any
    other word makes them some charges (`Total service charge`, `Total monthly charges`,
    `Delivery charges`), something else."""
    named = set(words) - NEUTRAL_WORDS
    return (
        {w for w in words if w in _OTHER_WORDS} <= {"charge", "charges"}
        and named <= _TOTAL_WORDS | _GROSS_WORDS | {"charge", "charges", "current"}
        and bool(named & _TOTAL_WORDS)
    )


def is_payable(label: str) -> bool:
    """Whether `label` names what is to be paid (`Amount due`, `Please pay`, `Zahlbetrag`)
    rather than what the document charges (`Total`, `Invoice total`)."""
    words = _words(label)
    joined = _german_form(label) + " " + "".join(words)
    return any(w in _PAYABLE_WORDS for w in words) or any(s in joined for s in _PAYABLE_STEMS)


def carries_a_balance(label: str) -> bool:
    """Whether `label` names an earlier balance or a payment against the account (`Previous
    balance`, `Balance brought forward`, `Payment received - thank you`): the amount to pay
    on such a page may hold more than this document's charges."""
    words = set(_words(label))
    if words & _EARLIER_WORDS and words & _ACCOUNT_WORDS:  # not a table's `Brought forward`
        return True
    return "received" in words and bool(words & {"payment", "payments", "paid"})


def only_label_words(label: str) -> bool:
    """Whether every word of `label` is an amount word or a neutral one (`Value Added Tax`,
    `Rechnungssumme ohne USt.`), so its phrase may be read as an amount label unprompted."""
    words = _words(label)
    vocabulary = (
        _OTHER_WORDS | _NET_WORDS | _GROSS_WORDS | _TAX_WORDS | _TOTAL_WORDS | NEUTRAL_WORDS
    )
    stems = (*_NET_STEMS, *_GROSS_STEMS, *_TAX_STEMS, *_TOTAL_STEMS)
    return bool(words) and all(w in vocabulary or any(stem in w for stem in stems) for w in words)
