"""`cyrillic-invoice`: invoices and till receipts in Cyrillic script from Russia, Ukraine,
Kazakhstan, Bulgaria and Serbia, as 1С / BAS accounting programs, the Russian and Kazakh tax
forms, Bulgarian and Serbian invoicing programs and online cash registers print them.

Conventions. Russia: `Счет на оплату № 123 от 12 августа 2025 г.` (the 1С print, date in words
with `г.`), bank details in a grid (`Банк получателя`, `БИК`, `Сч. №` twice: the correspondent and
the settlement account, `ИНН`, `КПП`, `Получатель`), `ООО "Ромашка"` / `ООО «Ромашка»`, `АО`,
`ИП Иванов Иван Иванович`; amounts `1 234,56` (some older programs `1 234-56`, web services
`1 234,56 ₽`), amounts in words (`Одна тысяча двести тридцать четыре рубля 56 копеек`); НДС 20 %
(22 % from 2026), 10 % on food and books, 5 % / 7 % for simplified-regime sellers from 2025, or
`Без налога (НДС)`. Ukraine: `Рахунок на оплату № 123 від 12 серпня 2025 р.` and `Видаткова
накладна`, ТОВ / ПП / ФОП, `код за ЄДРПОУ`, `ІПН`, `IBAN UA..` with its МФО, ПДВ 20 % (7 %
medicines, 14 % farm produce), `грн`, `Разом без ПДВ / ПДВ / Всього з ПДВ` or `У тому числі ПДВ`.
Kazakhstan: the 1С `Счет на оплату` with its payment-order grid (`Бенефициар`, `ИИК`, `Кбе`, `Банк
бенефициара`, `БИК`, `Код назначения платежа`), the `Счет-фактура`, ТОО / АО / ИП, `БИН`, `тенге`
/ `₸` / `KZT`, НДС 12 % (16 % from 2026), `тиын`. Bulgaria: `ФАКТУРА` with `Оригинал`, a ten-digit
number, `Дата на издаване`, `Дата на данъчно събитие`, `Получател` / `Доставчик` boxes with `ЕИК`,
`ИН по ЗДДС` and `МОЛ`, `Данъчна основа`, `ДДС 20 %` (9 % on accommodation), `Сума за плащане`,
`Словом: ...`, `лв.`; from 2026 in euro with the lev equivalent at 1,95583 (and in late 2025 in
lev with the euro equivalent). Serbia: `РАЧУН` / `ФАКТУРА` / `РАЧУН-ОТПРЕМНИЦА`, `ПИБ`, `Матични
број`, `Текући рачун 160-...-..`, dates `12.08.2025.`, `1.234,56`, `РСД` / `дин.`, ПДВ 20 % / 10 %,
`Словима`, `Позив на број`. Receipts: the Russian `КАССОВЫЙ ЧЕК / Приход` with `ИТОГ =1234.56`,
`СУММА НДС 20%`, `ФН`, `ФД`, `ФП`, `РН ККТ`, `ЗН ККТ`; the Ukrainian `ФІСКАЛЬНИЙ ЧЕК` of a ПРРО
(`СУМА`, `ПДВ А 20,00%`, `ФН ПРРО`, `ФН чека`); the Kazakh online-ККМ check (`ИТОГО`, `в т.ч. НДС`,
`ФП`, `РНМ`, `ЗНМ`, the fiscal-data operator).

Four layout families.

- `schet` (a payment invoice from 1С / BAS, A4 portrait; RU, UA, KZ): the Russian bank grid, the
  Ukrainian supplier block with IBAN, or the Kazakh payment-order grid; the title with number and
  date in words; supplier and buyer lines (`Поставщик (Исполнитель)`, `Покупатель (Заказчик)`,
  `Основание`, `Постачальник`, `Покупець`, `Договір`); a ruled table (`№ / Товары (работы, услуги)
  / Кол-во / Ед. / Цена / Сумма`); `Итого` with `В том числе НДС` (prices with tax) or `НДС` added
  to a net `Итого`; `Всего к оплате`; `Всего наименований 3, на сумму ...`; the amount in words; a
  payment deadline on some (`Оплатить не позднее 19.08.2025`, `Рахунок дійсний до сплати до`);
  the conditions of sale and signatures. The Ukrainian `Видаткова накладна` is a variant with
  `Місце складання` and no deadline. Long orders run onto a second page.
- `faktura` (the tax form, A4 landscape; RU and KZ): the Russian `Счет-фактура` or `Универсальный
  передаточный документ` (`Статус: 1`) with its numbered header lines (`(1)`, `(2)`, `(2а)` ...,
  `Валюта: наименование, код Российский рубль, 643 (7)`) and numbered columns (`1 / 1а / 1б / 2 /
  2а / 3 / 4 / 5 / 6 / 7 / 8 / 9 / 10 / 10а / 11`), `без акциза`, `Всего к оплате (9)`; the Kazakh
  `Счет-фактура` with `Дата совершения оборота`, `ИИК поставщика`, `Договор (контракт)`,
  `Грузоотправитель` / `Грузополучатель` and `Всего по счету`.
- `balkan` (an invoicing program's A4 print; BG and RS): the Bulgarian `ФАКТУРА` / `Оригинал` with
  the `Получател` and `Доставчик` boxes or the Serbian `РАЧУН` with `Продавац` / `Купац`, place and
  dates of issue and supply, a table, the tax-base and tax rows per rate, `Сума за плащане` /
  `Укупно за уплату`, the amount in words, payment method and bank account, the legal notes.
- `check` (a till receipt, 80 mm, mostly scanned; RU, UA, KZ): organisation and shop, items with
  `2 x 89.90`, totals, tax sums per rate, cash and change or card, the fiscal block and a QR code.

Decoys: both parties' tax ids (ИНН 10/12 digits, КПП, ОГРН, ЄДРПОУ, ІПН, БИН, ЕИК, ПИБ, МБ),
bank BIK, correspondent and settlement accounts, IBANs, the contract number and date
(`Основание: Договор № 45/2024 от 15.01.2024`), the payment-document and shipment-document numbers
and dates on the tax forms, the date of the taxable event and of supply, the amount in words, `Всего
наименований N, на сумму X`, the lev / euro equivalent, an advance already paid (`Аванс`, Serbia),
the shift, ФД, ФП, ФН, РН ККТ and ЗН ККТ numbers on receipts, cash tendered and change, the Serbian
`Валута плаћања` (which is a due date in days, not a currency).

Truth rules. `invoice_number` is the number after `№` / `Број` as printed (the Bulgarian ten
digits with their zeros, the Serbian `123/2025`, the receipt's `Чек №` / `ЧЕК №`, never the ФД).
`invoice_date` is the date in the title or `Дата на издаване` / `Датум издавања`; `due_date` only
where a date to pay by is printed (`Оплатить не позднее`, `Рахунок дійсний до сплати до`, `Срок
за плащане`, `Рок плаћања` / `Датум доспећа`). `vendor_name` is the seller (Поставщик, Продавец,
Постачальник, Доставчик, Продавац; on receipts the organisation, not the shop sign) as printed,
legal form and quotes included. `total_amount` is `Всего к оплате`, `Всього з ПДВ` (or `Разом`
with tax included), `Всего по счету` (column 9 on the Kazakh form), `Сума за плащане`, `Укупан
износ` before any advance, the receipt's `ИТОГ` / `СУМА` / `ИТОГО`. `subtotal_amount` is the net
sum where printed as one figure (`Итого` of net prices, `Разом без ПДВ`, column 5, `Данъчна
основа`, `Основица`); it is left out where the prices include tax (the `Итого` there is the
total) and on receipts. `tax_amount` is the one tax sum (`В том числе НДС`, `НДС`, column 8, `ДДС`,
`Укупан ПДВ`, the receipt's `СУММА НДС` when there is one rate); left out on `Без НДС` documents
that print no figure (a Bulgarian seller outside VAT prints `ДДС: 0,00`, kept as 0.00) and where
several rates print without a sum. On documents without VAT the subtotal is the one net figure
(`Итого`, `Данъчна основа`, `Укупно`), equal to the total. `currency` is RUB, UAH, KZT,
BGN, EUR (Bulgaria from 2026) or RSD. `line_items` are the table rows (net on net-priced
documents, gross where the prices include tax). About a third are scans.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from bench.synth.canvas import A4, RECEIPT_WIDTH, Canvas, Color
from bench.synth.common import choose
from bench.synth.document import Line, Rendered, TaxGroup, inclusive_tax, price, truth_fields
from bench.synth.formats import DateStyle, FixedQuantity, MoneyStyle, QuantityStyle, money

Scan = Literal["png", "jpg"] | None
Align = Literal["left", "right", "center"]
GREY: Color = (0.35, 0.35, 0.35)
PALE: Color = (0.92, 0.92, 0.92)
ACCENTS: tuple[Color, ...] = ((0.1, 0.25, 0.5), (0.5, 0.1, 0.1), (0.1, 0.35, 0.25), (0.2, 0.2, 0.2))
ZERO = Decimal(0)
ONE = Decimal(1)
LANDSCAPE = (A4[1], A4[0])
BGN_PER_EUR = Decimal("1.95583")

CURRENCY = {"RU": "RUB", "UA": "UAH", "KZ": "KZT", "BG": "BGN", "RS": "RSD"}
MARKS = {
    "RUB": ("руб", "₽", "RUB", "рубл", "Российский рубль"),
    "UAH": ("грн", "ГРН", "гривн", "UAH"),
    "KZT": ("₸", "тенге", "KZT"),
    "BGN": ("лв", "BGN", "лева"),
    "EUR": ("€", "EUR", "евро"),
    "RSD": ("РСД", "дин", "RSD", "динар"),
}
SCALE = {"RUB": 95, "UAH": 45, "KZT": 520, "BGN": 1.95, "EUR": 1, "RSD": 117}
"""Local units per euro of the item price ranges."""

# ----------------------------------------------------------------------------- dates

MONTHS = {
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "uk": "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
    "bg": "януари февруари март април май юни юли август септември октомври ноември декември",
    "sr": "јануар фебруар март април мај јун јул август септембар октобар новембар децембар",
}


@dataclass(frozen=True)
class CyrDate(DateStyle):
    """A date with the month in words in Russian or Ukrainian (genitive), Bulgarian or Serbian."""

    def month_name(self, month: int) -> str:
        return MONTHS[self.language].split()[month - 1]


def _issue_date(rng: random.Random) -> dt.date:
    """An issue date from 2019 to mid-2026; a third have a day of 12 or less."""
    start = dt.date(2019, 1, 1)
    value = start + dt.timedelta(days=rng.randint(0, (dt.date(2026, 6, 30) - start).days))
    if rng.random() < 1 / 3 and value.day > 12:
        value = value.replace(day=rng.randint(1, 12))
    return value


# ----------------------------------------------------------------------------- amounts in words

RU_WORDS = {
    "ones_m": "ноль один два три четыре пять шесть семь восемь девять",
    "ones_f": "ноль одна две три четыре пять шесть семь восемь девять",
    "teens": "десять одиннадцать двенадцать тринадцать четырнадцать пятнадцать шестнадцать "
    "семнадцать восемнадцать девятнадцать",
    "tens": "- - двадцать тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят девяносто",
    "hundreds": "- сто двести триста четыреста пятьсот шестьсот семьсот восемьсот девятьсот",
    "thousand": "тысяча тысячи тысяч",
    "million": "миллион миллиона миллионов",
}
UK_WORDS = {
    "ones_m": "нуль один два три чотири п'ять шість сім вісім дев'ять",
    "ones_f": "нуль одна дві три чотири п'ять шість сім вісім дев'ять",
    "teens": "десять одинадцять дванадцять тринадцять чотирнадцять п'ятнадцять шістнадцять "
    "сімнадцять вісімнадцять дев'ятнадцять",
    "tens": "- - двадцять тридцять сорок п'ятдесят шістдесят сімдесят вісімдесят дев'яносто",
    "hundreds": "- сто двісті триста чотириста п'ятсот шістсот сімсот вісімсот дев'ятсот",
    "thousand": "тисяча тисячі тисяч",
    "million": "мільйон мільйони мільйонів",
}
SR_WORDS = {
    "ones_m": "нула један два три четири пет шест седам осам девет",
    "ones_f": "нула једна две три четири пет шест седам осам девет",
    "teens": "десет једанаест дванаест тринаест четрнаест петнаест шеснаест седамнаест "
    "осамнаест деветнаест",
    "tens": "- - двадесет тридесет четрдесет педесет шездесет седамдесет осамдесет деведесет",
    "hundreds": "- сто двеста триста четиристо петсто шестсто седамсто осамсто деветсто",
    "thousand": "хиљада хиљаде хиљада",
    "million": "милион милиона милиона",
}
BG_ONES = {
    "m": ["-", "един", "два", "три", "четири", "пет", "шест", "седем", "осем", "девет"],
    "f": ["-", "една", "две", "три", "четири", "пет", "шест", "седем", "осем", "девет"],
    "n": ["-", "едно", "две", "три", "четири", "пет", "шест", "седем", "осем", "девет"],
}
BG_TEENS = [
    *("десет", "единадесет", "дванадесет", "тринадесет", "четиринадесет", "петнадесет"),
    *("шестнадесет", "седемнадесет", "осемнадесет", "деветнадесет"),
]
BG_TENS = "- - двадесет тридесет четиридесет петдесет шестдесет седемдесет осемдесет деветдесет"
BG_HUNDREDS = (
    "- сто двеста триста четиристотин петстотин шестстотин седемстотин осемстотин деветстотин"
)


def _plural(count: int, forms: str) -> str:
    """The Slavic form for `count`: one, few (2-4) or many, `forms` as `one few many`."""
    one, few, many = forms.split()
    if 11 <= count % 100 <= 14:
        return many
    if count % 10 == 1:
        return one
    if 2 <= count % 10 <= 4:
        return few
    return many


def _triple(value: int, table: dict[str, str], feminine: bool) -> list[str]:
    ones = table["ones_f" if feminine else "ones_m"].split()
    hundreds, rest = divmod(value, 100)
    parts = [table["hundreds"].split()[hundreds]] if hundreds else []
    if 10 <= rest < 20:
        parts.append(table["teens"].split()[rest - 10])
    else:
        tens, unit = divmod(rest, 10)
        if tens:
            parts.append(table["tens"].split()[tens])
        if unit:
            parts.append(ones[unit])
    return parts


def slavic_words(value: int, table: dict[str, str], *, feminine: bool = False) -> str:
    """A whole number in Russian, Ukrainian or Serbian words (`одна тысяча двести ...`)."""
    if value == 0:
        return table["ones_m"].split()[0]
    parts: list[str] = []
    millions, rest = divmod(value, 10**6)
    thousands, units = divmod(rest, 1000)
    if millions:
        parts += [*_triple(millions, table, False), _plural(millions, table["million"])]
    if thousands:
        if table is SR_WORDS and thousands == 1:
            parts.append("хиљаду")
        else:
            parts += [*_triple(thousands, table, True), _plural(thousands, table["thousand"])]
    parts += _triple(units, table, feminine)
    return " ".join(parts)


def _bg_triple(value: int, gender: str) -> list[str]:
    hundreds, rest = divmod(value, 100)
    parts = [BG_HUNDREDS.split()[hundreds]] if hundreds else []
    if 10 <= rest < 20:
        parts.append(BG_TEENS[rest - 10])
    else:
        tens, unit = divmod(rest, 10)
        if tens:
            parts.append(BG_TENS.split()[tens])
        if unit:
            parts.append(BG_ONES[gender][unit])
    if len(parts) > 1:
        parts.insert(len(parts) - 1, "и")
    return parts


def bg_words(value: int, gender: str = "m") -> str:
    """A whole number in Bulgarian words (`хиляда двеста тридесет и четири`)."""
    if value == 0:
        return "нула"
    millions, rest = divmod(value, 10**6)
    thousands, units = divmod(rest, 1000)
    parts: list[str] = []
    if millions:
        parts += ["един", "милион"] if millions == 1 else [*_bg_triple(millions, "m"), "милиона"]
    if thousands:
        parts += ["хиляда"] if thousands == 1 else [*_bg_triple(thousands, "f"), "хиляди"]
    if units:
        low = _bg_triple(units, gender)
        if parts and "и" not in low:
            low = ["и", *low]
        parts += low
    return " ".join(parts)


def _split_money(value: Decimal) -> tuple[int, int]:
    value = money(value)
    whole = int(value)
    return whole, int((value - whole) * 100)


def amount_in_words(currency: str, value: Decimal) -> str:
    """The amount in words the way each country's programs print it."""
    whole, cents = _split_money(value)
    if currency == "RUB":
        words = slavic_words(whole, RU_WORDS)
        rub = _plural(whole, "рубль рубля рублей")
        return f"{words.capitalize()} {rub} {cents:02d} {_plural(cents, 'копейка копейки копеек')}"
    if currency == "KZT":
        return f"{slavic_words(whole, RU_WORDS).capitalize()} тенге {cents:02d} тиын"
    if currency == "UAH":
        words = slavic_words(whole, UK_WORDS, feminine=True)
        grn = _plural(whole, "гривня гривні гривень")
        return f"{words.capitalize()} {grn} {cents:02d} {_plural(cents, 'копійка копійки копійок')}"
    if currency == "RSD":
        words = slavic_words(whole, SR_WORDS)
        dinar = "динар" if whole % 10 == 1 and whole % 100 != 11 else "динара"
        return f"{words} {dinar} и {cents:02d}/100"
    if currency == "EUR":
        return f"{bg_words(whole, 'n').capitalize()} евро и {cents:02d} евроцента"
    lev = "лев" if whole == 1 else "лева"
    return f"{bg_words(whole).capitalize()} {lev} и {cents:02d} ст."


# ----------------------------------------------------------------------------- identifiers


def _digits(rng: random.Random, count: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(count))


def _weighted(digits: str, weights: Sequence[int], modulus: int = 11) -> int:
    return sum(int(d) * w for d, w in zip(digits, weights, strict=False)) % modulus % 10


def inn(rng: random.Random, person: bool, region: str) -> str:
    """A Russian ИНН with its check digits: 10 for a firm, 12 for an individual."""
    if not person:
        body = region + _digits(rng, 7)
        return body + str(_weighted(body, (2, 4, 10, 3, 5, 9, 4, 6, 8)))
    body = region + _digits(rng, 8)
    body += str(_weighted(body, (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)))
    return body + str(_weighted(body, (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)))


def ogrn(rng: random.Random, person: bool, year: int) -> str:
    if person:
        body = f"3{year % 100:02d}{rng.randint(10, 89)}{_digits(rng, 9)}"
        return body + str(int(body) % 13 % 10)
    body = f"1{year % 100:02d}{rng.randint(10, 89)}{_digits(rng, 7)}"
    return body + str(int(body) % 11 % 10)


def iban(country: str, bban: str) -> str:
    """An IBAN with real check digits."""
    digits = "".join(str(int(ch, 36)) for ch in bban + country + "00")
    return f"{country}{98 - int(digits) % 97:02d}{bban}"


def _spaced(text: str) -> str:
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def eik(rng: random.Random) -> str:
    """A Bulgarian ЕИК (9 digits) with its check digit."""
    body = str(rng.randint(1, 2)) + _digits(rng, 7)
    check = sum(int(d) * w for d, w in zip(body, range(1, 9), strict=True)) % 11
    if check == 10:
        check = sum(int(d) * w for d, w in zip(body, range(3, 11), strict=True)) % 11 % 10
    return body + str(check)


def pib(rng: random.Random) -> str:
    """A Serbian ПИБ (9 digits, ISO 7064 MOD 11,10)."""
    body = "1" + _digits(rng, 7)
    rest = 10
    for d in body:
        rest = (rest + int(d)) % 10 or 10
        rest = rest * 2 % 11
    return body + str((11 - rest) % 10)


def rs_account(rng: random.Random, bank: str) -> str:
    """A Serbian current account `160-0000000123456-78` (control 98 - n*100 mod 97)."""
    account = "0" * rng.randint(5, 7)
    account += _digits(rng, 13 - len(account))
    control = 98 - int(f"{bank}{account}00") % 97
    if rng.random() < 0.4:
        return f"{bank}-{account.lstrip('0')}-{control:02d}"
    return f"{bank}-{account}-{control:02d}"


def bin_kz(rng: random.Random, year: int) -> str:
    """A Kazakh БИН: registration year and month, the legal-entity digit, serial and check."""
    body = f"{year % 100:02d}{rng.randint(1, 12):02d}4{rng.choice('0124')}{_digits(rng, 5)}"
    check = sum(int(d) * w for d, w in zip(body, range(1, 12), strict=True)) % 11
    if check == 10:
        weights = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)
        check = sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11 % 10
    return body + str(check)


# ----------------------------------------------------------------------------- places and names

RU_CITIES = [
    ("Москва", "1", "77", "495"), ("Санкт-Петербург", "19", "78", "812"),
    ("Екатеринбург", "620", "66", "343"), ("Новосибирск", "630", "54", "383"),
    ("Казань", "420", "16", "843"), ("Нижний Новгород", "603", "52", "831"),
    ("Самара", "443", "63", "846"), ("Краснодар", "350", "23", "861"),
    ("Ростов-на-Дону", "344", "61", "863"), ("Пермь", "614", "59", "342"),
    ("Воронеж", "394", "36", "473"), ("Челябинск", "454", "74", "351"),
    ("Тверь", "170", "69", "4822"), ("Ярославль", "150", "76", "4852"),
]  # fmt: skip
RU_STREETS = "Ленина|Мира|Советская|Садовая|Гагарина|Пушкина|Лесная|Заводская|Промышленная|"
RU_STREETS += "Профсоюзная|Октябрьская|Кирова|Московская|Комсомольская|Строителей"
UA_CITIES = [
    ("Київ", "0", "044"), ("Львів", "79", "032"), ("Харків", "61", "057"), ("Дніпро", "49", "056"),
    ("Одеса", "65", "048"), ("Вінниця", "21", "0432"), ("Полтава", "36", "0532"),
    ("Житомир", "10", "0412"), ("Черкаси", "18", "0472"), ("Ужгород", "88", "0312"),
]  # fmt: skip
UA_STREETS = "Хрещатик|Шевченка|Івана Франка|Соборна|Незалежності|Грушевського|Січових Стрільців|"
UA_STREETS += "Городоцька|Європейська|Лесі Українки|Героїв Майдану|Київська"
KZ_CITIES = [
    ("Алматы", "050", "727"), ("Астана", "010", "7172"), ("Шымкент", "160", "7252"),
    ("Караганда", "100", "7212"), ("Актобе", "030", "7132"), ("Атырау", "060", "7122"),
    ("Павлодар", "140", "7182"), ("Усть-Каменогорск", "070", "7232"),
]  # fmt: skip
KZ_STREETS = "Абая|Толе би|Сатпаева|Кабанбай батыра|Республики|Желтоксан|Достык|Туран|Кунаева|"
KZ_STREETS += "Жибек жолы|Сейфуллина|Богенбай батыра"
BG_CITIES = [
    ("София", "1"), ("Пловдив", "40"), ("Варна", "90"), ("Бургас", "80"), ("Русе", "70"),
    ("Стара Загора", "60"), ("Плевен", "58"), ("Велико Търново", "50"), ("Благоевград", "27"),
]  # fmt: skip
BG_STREETS = "Витоша|Цар Симеон|Княз Борис I|Васил Левски|Христо Ботев|Иван Вазов|Шипка|"
BG_STREETS += "Александър Стамболийски|Граф Игнатиев|Раковски"
RS_CITIES = [
    ("Београд", "11"), ("Нови Сад", "21"), ("Ниш", "18"), ("Крагујевац", "34"),
    ("Суботица", "24"), ("Чачак", "32"), ("Краљево", "36"), ("Ваљево", "14"),
]  # fmt: skip
RS_STREETS = "Кнеза Милоша|Булевар ослобођења|Немањина|Цара Душана|Карађорђева|Војводе Степе|"
RS_STREETS += "Николе Тесле|Краља Петра|Булевар краља Александра|Јована Цвијића"

RU_NAMES = [
    "Ромашка", "Вектор", "СтройМонтаж", "ТехноСервис", "Альфа-Трейд", "Северный ветер", "Гранит",
    "Спектр", "Меридиан", "ПромСнаб", "ИнфоСистемы", "Бизнес-Логистик", "Уралкомплект",
    "Сибирская торговая компания", "Волга-Электро", "КанцОпт", "Эталон", "Прогресс Плюс",
    "Партнер-М", "Невские технологии", "ТД Ресурс", "АйТи Решения",
]  # fmt: skip
UA_NAMES = [
    "Будпостач", "Агросвіт", "Техноком", "Дніпро-Логістик", "Карпати Трейд", "Світанок",
    "Київбудматеріали", "Інтерпласт", "Поділля Агро", "Електромонтаж-Сервіс", "Файна Оселя",
    "Офіс Центр", "Галицька торгова компанія", "Смарт Солюшнз",
]  # fmt: skip
KZ_NAMES = [
    "Астана Строй Сервис", "KazTrade Group", "Алатау Техника", "Степной ветер", "Жетысу-Снаб",
    "Сарыарка Логистик", "Байтерек Консалтинг", "Каспий Ойл Сервис", "Нур Трейд", "Эверест-KZ",
    "Техно Снаб Казахстан", "Altyn Print",
]  # fmt: skip
BG_NAMES = [
    "Техномаркет България", "Строймат", "Балкан Логистик", "Родопа Трейд", "Дунав Консулт",
    "Пирин Софт", "Витоша Принт", "Тракия Агро", "Мегаофис", "Черноморие Билд", "Елпром",
    "Арт Дизайн Студио",
]  # fmt: skip
RS_NAMES = [
    "Техно Пласт", "Шумадија Градња", "Панонија Логистика", "Инфо Систем", "Морава Пак",
    "Ђурђевак", "Србија Трејд", "Електро Монтажа", "Дрина Комерц", "Београдска канцеларија",
    "Војводина Аграр", "Фрушка Принт",
]  # fmt: skip

RU_PEOPLE = [
    ("Иванов", "Иванова"), ("Смирнов", "Смирнова"), ("Кузнецов", "Кузнецова"),
    ("Попов", "Попова"), ("Соколов", "Соколова"), ("Лебедев", "Лебедева"), ("Козлов", "Козлова"),
    ("Новиков", "Новикова"), ("Морозов", "Морозова"), ("Волков", "Волкова"),
    ("Зайцев", "Зайцева"), ("Павлов", "Павлова"), ("Семенов", "Семенова"),
]  # fmt: skip
RU_FIRST = (
    "Иван Алексей Сергей Дмитрий Андрей Михаил Николай Павел Олег Игорь",
    "Ольга Елена Наталья Татьяна Ирина Светлана Анна Марина Юлия Екатерина",
)
RU_PATRONYMIC = (
    "Иванович Петрович Сергеевич Александрович Николаевич Викторович Андреевич",
    "Ивановна Петровна Сергеевна Александровна Николаевна Викторовна Андреевна",
)
UA_PEOPLE = [
    ("Петренко", "Петренко"), ("Коваленко", "Коваленко"), ("Шевченко", "Шевченко"),
    ("Бондаренко", "Бондаренко"), ("Ткаченко", "Ткаченко"), ("Мельник", "Мельник"),
    ("Кравчук", "Кравчук"), ("Олійник", "Олійник"), ("Савчук", "Савчук"), ("Лисенко", "Лисенко"),
]  # fmt: skip
UA_FIRST = (
    "Олександр Андрій Сергій Василь Микола Тарас Богдан",
    "Олена Ірина Наталія Оксана Ольга",
)
UA_PATRONYMIC = (
    "Олександрович Іванович Петрович Васильович Миколайович",
    "Олександрівна Іванівна Петрівна Василівна Миколаївна",
)
BG_PEOPLE = "Иван Петров|Георги Димитров|Мария Иванова|Николай Стоянов|Елена Георгиева|"
BG_PEOPLE += "Стефан Николов|Десислава Тодорова|Петър Василев|Красимир Ангелов|Цветелина Маринова"
RS_PEOPLE = "Марко Петровић|Јелена Јовановић|Милан Николић|Ана Ђорђевић|Душан Стојановић|"
RS_PEOPLE += "Милица Илић|Никола Павловић|Бојана Марковић|Стефан Живковић|Драгана Лукић"

RU_BANKS = [
    ("ПАО СБЕРБАНК", "044525225", "30101810400000000225"),
    ('АО "АЛЬФА-БАНК"', "044525593", "30101810200000000593"),
    ("БАНК ВТБ (ПАО)", "044525187", "30101810700000000187"),
    ('АО "ТБанк"', "044525974", "30101810145250000974"),
    ('ПАО "Промсвязьбанк"', "044525555", "30101810400000000555"),
    ('АО "Райффайзенбанк"', "044525700", "30101810200000000700"),
]
UA_BANKS = [
    ("АТ КБ «ПРИВАТБАНК»", "305299"), ("АТ «Ощадбанк»", "300465"),
    ("АТ «Райффайзен Банк»", "380805"), ("АТ «УКРСИББАНК»", "351005"),
    ("АТ «УНІВЕРСАЛ БАНК»", "322001"), ("АТ «ПУМБ»", "334851"),
]  # fmt: skip
KZ_BANKS = [
    ("АО «Kaspi Bank»", "CASPKZKA", "722"), ("АО «Народный Банк Казахстана»", "HSBKKZKX", "601"),
    ("АО «ForteBank»", "IRTYKZKA", "965"), ("АО «Банк ЦентрКредит»", "KCJBKZKX", "856"),
    ("АО «Отбасы банк»", "HCSKKZKA", "009"),
]  # fmt: skip
BG_BANKS = [
    ("УниКредит Булбанк АД", "UNCRBGSF"), ("Банка ДСК АД", "STSABGSF"),
    ("Обединена българска банка АД", "UBBSBGSF"), ("Юробанк България АД", "BPBIBGSF"),
    ("Първа инвестиционна банка АД", "FINVBGSF"),
]  # fmt: skip
RS_BANKS = [
    ("Banca Intesa а.д. Београд", "160"), ("ОТП банка Србија а.д.", "325"),
    ("Raiffeisen banka а.д.", "265"), ("UniCredit Bank Srbija а.д.", "170"),
    ("Поштанска штедионица а.д.", "200"), ("АИК банка а.д.", "105"),
]  # fmt: skip


@dataclass
class Party:
    name: str
    """As printed; for the seller the truth's vendor."""
    country: str
    street: str
    city: str
    postcode: str
    phone: str
    tax_id: str
    person: bool = False
    kpp: str = ""
    reg: str = ""
    vat_id: str = ""
    bank: str = ""
    bank_code: str = ""
    corr: str = ""
    account: str = ""
    boss: str = ""
    accountant: str = ""
    vat_payer: bool = True

    def address(self, style: int = 0) -> str:
        """The address in the country's order; `style` picks between the program's variants."""
        if self.country == "RU":
            if style == 1:
                return f"{self.postcode}, {self.city} г, {self.street}"
            return f"{self.postcode}, г. {self.city}, {self.street}"
        if self.country == "UA":
            return f"{self.street}, м. {self.city}, {self.postcode}"
        if self.country == "KZ":
            return f"{self.postcode}, Республика Казахстан, г. {self.city}, {self.street}"
        if self.country == "BG":
            return f"гр. {self.city} {self.postcode}, {self.street}"
        return f"{self.street}, {self.postcode} {self.city}"


def _person(rng: random.Random, country: str) -> tuple[str, str]:
    """A full name and its `Surname I. I.` short form."""
    if country in ("RU", "KZ"):
        female = rng.random() < 0.45
        surname = rng.choice(RU_PEOPLE)[female]
        first = rng.choice(RU_FIRST[female].split())
        middle = rng.choice(RU_PATRONYMIC[female].split())
        return f"{surname} {first} {middle}", f"{surname} {first[0]}. {middle[0]}."
    if country == "UA":
        female = rng.random() < 0.45
        surname = rng.choice(UA_PEOPLE)[female]
        first = rng.choice(UA_FIRST[female].split())
        middle = rng.choice(UA_PATRONYMIC[female].split())
        return f"{surname} {first} {middle}", f"{surname} {first[0]}. {middle[0]}."
    pool = BG_PEOPLE if country == "BG" else RS_PEOPLE
    full = rng.choice(pool.split("|"))
    first, last = full.split()
    return full, f"{first[0]}. {last}"


def _quote(rng: random.Random, name: str, straight: bool) -> str:
    return f'"{name}"' if straight else f"«{name}»"


def _buyer(rng: random.Random, country: str, issue: dt.date, seller: Party) -> Party:
    """A customer company whose name shares no word with the seller's."""
    forms = {"ООО", "АО", "ТОВ", "ПП", "ПрАТ", "ТОО", "ЕООД", "ООД", "АД", "д.о.о.", "доо", "а.д."}
    taken = {w.strip('«»"„“,') for w in seller.name.split()} - forms
    while True:
        buyer = _party(rng, country, issue, seller=False)
        if not taken & {w.strip('«»"„“,') for w in buyer.name.split()}:
            return buyer


def _party(rng: random.Random, country: str, issue: dt.date, *, seller: bool) -> Party:
    year = rng.randint(2004, issue.year - 1)
    straight = rng.random() < 0.5
    person = seller and rng.random() < 0.18
    full, short = _person(rng, country)
    boss = _person(rng, country)[1]
    accountant = _person(rng, country)[1]
    if country == "RU":
        city, prefix, region, area = rng.choice(RU_CITIES)
        postcode = prefix + _digits(rng, 6 - len(prefix))
        kind = rng.choice(("ул.", "ул.", "пр-т", "пер."))
        street = f"{kind} {rng.choice(RU_STREETS.split('|'))}, д. {rng.randint(1, 120)}"
        if rng.random() < 0.5:
            street += rng.choice((f", оф. {rng.randint(1, 420)}", f", стр. {rng.randint(1, 9)}"))
        phone = f"+7 ({area}) {_digits(rng, 7 - len(area) + 3)}"
        phone = f"{phone[:-4]}-{phone[-4:-2]}-{phone[-2:]}"
        bank, bik, corr = rng.choice(RU_BANKS)
        if person:
            name = rng.choice(
                (f"ИП {full}", f"ИП {short}", f"Индивидуальный предприниматель {full}")
            )
            return Party(
                name, country, street, city, postcode, phone, inn(rng, True, region), True,
                "", ogrn(rng, True, year), "", bank, bik, corr, "40802810" + _digits(rng, 12),
                short, "", vat_payer=False,
            )  # fmt: skip
        form = rng.choice(("ООО", "ООО", "ООО", "АО"))
        name = f"{form} {_quote(rng, rng.choice(RU_NAMES), straight)}"
        kpp = f"{region}{rng.randint(1, 51):02d}01001"
        return Party(
            name, country, street, city, postcode, phone, inn(rng, False, region), False, kpp,
            ogrn(rng, False, year), "", bank, bik, corr, "40702810" + _digits(rng, 12), boss,
            accountant,
        )  # fmt: skip
    if country == "UA":
        city, prefix, area = rng.choice(UA_CITIES)
        postcode = prefix + _digits(rng, 5 - len(prefix))
        if city == "Київ":
            postcode = f"0{rng.randint(1, 4)}{_digits(rng, 3)}"
        street = f"вул. {rng.choice(UA_STREETS.split('|'))}, буд. {rng.randint(1, 140)}"
        phone = f"({area}) {_digits(rng, 3)}-{_digits(rng, 2)}-{_digits(rng, 2)}"
        bank, mfo = rng.choice(UA_BANKS)
        account = iban("UA", mfo + "0000026" + _digits(rng, 12))
        if person:
            return Party(
                f"ФОП {full}", country, street, city, postcode, phone, _digits(rng, 10), True,
                bank=bank, bank_code=mfo, account=account, boss=short, vat_payer=False,
            )  # fmt: skip
        form = rng.choice(("ТОВ", "ТОВ", "ТОВ", "ПП", "ПрАТ"))
        name = f"{form} «{rng.choice(UA_NAMES)}»"
        return Party(
            name, country, street, city, postcode, phone, f"{rng.randint(30, 45)}{_digits(rng, 6)}",
            vat_id=_digits(rng, 12), bank=bank, bank_code=mfo, account=account, boss=boss,
            accountant=accountant, vat_payer=rng.random() < 0.85,
        )  # fmt: skip
    if country == "KZ":
        city, prefix, area = rng.choice(KZ_CITIES)
        postcode = prefix + _digits(rng, 3)
        street = f"ул. {rng.choice(KZ_STREETS.split('|'))}, д. {rng.randint(1, 250)}"
        if rng.random() < 0.5:
            street += f", офис {rng.randint(1, 500)}"
        phone = f"+7 ({area}) {_digits(rng, 10 - len(area))}"
        bank, bic, code = rng.choice(KZ_BANKS)
        account = iban("KZ", code + rng.choice("ABCDEFGHKS") + _digits(rng, 12))
        if person:
            name = f"ИП {_quote(rng, rng.choice(KZ_NAMES), straight)}"
            return Party(
                name, country, street, city, postcode, phone, _digits(rng, 12), True,
                bank=bank, bank_code=bic, account=account, boss=short, vat_payer=False,
            )  # fmt: skip
        form = rng.choice(("ТОО", "ТОО", "ТОО", "АО"))
        name = f"{form} {_quote(rng, rng.choice(KZ_NAMES), straight)}"
        return Party(
            name, country, street, city, postcode, phone, bin_kz(rng, year), bank=bank,
            bank_code=bic, account=account, boss=boss, accountant=accountant,
            vat_payer=rng.random() < 0.85,
        )  # fmt: skip
    if country == "BG":
        city, prefix = rng.choice(BG_CITIES)
        postcode = prefix + _digits(rng, 4 - len(prefix))
        street = f"ул. „{rng.choice(BG_STREETS.split('|'))}“ № {rng.randint(1, 160)}"
        if rng.random() < 0.3:
            street = f"ж.к. Младост {rng.randint(1, 4)}, бл. {rng.randint(1, 400)}, вх. А"
        phone = f"+359 {rng.randint(2, 98)} {_digits(rng, 3)} {_digits(rng, 3)}"
        bank, bic = rng.choice(BG_BANKS)
        account = iban("BG", bic[:4] + _digits(rng, 6) + _digits(rng, 8))
        number = eik(rng)
        base = rng.choice(BG_NAMES)
        form = rng.choice(("ЕООД", "ЕООД", "ООД", "АД"))
        name = f"{base} {form}" if rng.random() < 0.6 else f"„{base}“ {form}"
        if person:
            name = f"ЕТ „{full} - {rng.choice(BG_NAMES).split()[0]}“"
        vat_payer = rng.random() < 0.85
        return Party(
            name, country, street, city, postcode, phone, number,
            vat_id=f"BG{number}" if vat_payer else "", bank=bank, bank_code=bic, account=account,
            boss=full, vat_payer=vat_payer,
        )  # fmt: skip
    city, prefix = rng.choice(RS_CITIES)
    postcode = prefix + _digits(rng, 3)
    street = f"{rng.choice(RS_STREETS.split('|'))} {rng.randint(1, 180)}"
    phone = f"+381 {rng.randint(11, 37)} {_digits(rng, 3)} {_digits(rng, 3)}"
    bank, code = rng.choice(RS_BANKS)
    base = rng.choice(RS_NAMES)
    name = f"{base} {rng.choice(('д.о.о.', 'д.о.о.', 'доо', 'а.д.'))}"
    if rng.random() < 0.4:
        name += f" {city}"
    vat_payer = True
    if person:
        name = f"{full} ПР {rng.choice(('Радионица', 'Агенција', 'Студио'))} {base} {city}"
        vat_payer = rng.random() < 0.4
    return Party(
        name, country, street, city, postcode, phone, pib(rng), person,
        reg=f"{rng.randint(6, 21):02d}{_digits(rng, 6)}", bank=bank, bank_code=code,
        account=rs_account(rng, code), boss=full, vat_payer=vat_payer,
    )  # fmt: skip


# ----------------------------------------------------------------------------- items and rates

# (description, unit, low, high in euro, category: std, food, med, agri, hotel)
Item = tuple[str, str, float, float, str]
ITEMS: dict[str, list[Item]] = {
    "ru": [
        ("Бумага офисная SvetoCopy A4, 500 л.", "пач", 3, 6, "std"),
        ("Картридж HP 85A (CE285A)", "шт", 25, 80, "std"),
        ("Услуги по технической поддержке ПО", "ч", 15, 40, "std"),
        ("Монтаж системы видеонаблюдения", "усл. ед.", 150, 900, "std"),
        ("Кабель ВВГнг-LS 3х2,5", "м", 0.8, 2, "std"),
        ("Автоматический выключатель IEK ВА47-29 1P 16А", "шт", 2, 6, "std"),
        ("Цемент М500 Д0, 50 кг", "шт", 4, 8, "std"),
        ("Гипсокартон Knauf 12,5 мм", "шт", 5, 9, "std"),
        ("Перчатки рабочие х/б", "пар", 0.3, 1.2, "std"),
        ("Доставка груза", "усл. ед.", 20, 150, "std"),
        ("Абонентское обслуживание 1С (месяц)", "мес", 60, 300, "std"),
        ("Лицензия Kaspersky Endpoint Security, 1 год", "шт", 20, 60, "std"),
        ("Ноутбук Lenovo ThinkPad E15", "шт", 600, 1100, "std"),
        ("Монитор Samsung 24 дюйма", "шт", 110, 220, "std"),
        ("Кресло офисное", "шт", 60, 250, "std"),
        ("Разработка дизайн-макета", "усл. ед.", 100, 600, "std"),
        ("Транспортные услуги по маршруту Москва - Тверь", "усл. ед.", 150, 500, "std"),
        ("Уборка офисных помещений", "м2", 0.5, 1.5, "std"),
        ("Профнастил С8 оцинкованный", "м2", 4, 9, "std"),
        ("Саморез кровельный 4,8х35 (250 шт)", "упак", 4, 9, "std"),
        ("Молоко 3,2% 1 л", "шт", 0.8, 1.4, "food"),
        ("Сахар-песок 1 кг", "шт", 0.7, 1.2, "food"),
        ("Крупа гречневая 900 г", "шт", 0.9, 1.8, "food"),
        ("Книга «Бухгалтерский учет» (учебник)", "шт", 6, 18, "food"),
    ],
    "uk": [
        ("Папір офісний А4, 500 арк.", "пач.", 3, 6, "std"),
        ("Картридж HP 85A", "шт.", 25, 80, "std"),
        ("Послуги з технічної підтримки", "год", 12, 35, "std"),
        ("Монтаж системи відеоспостереження", "посл.", 150, 900, "std"),
        ("Кабель ВВГ 3х2,5", "м", 0.7, 1.8, "std"),
        ("Цемент ПЦ-500, 25 кг", "міш.", 3, 6, "std"),
        ("Доставка вантажу", "посл.", 15, 120, "std"),
        ("Ноутбук Lenovo IdeaPad 3", "шт.", 450, 900, "std"),
        ("Стілець офісний", "шт.", 40, 180, "std"),
        ("Фарба інтер'єрна Sniezka 10 л", "шт.", 20, 45, "std"),
        ("Розробка логотипу", "посл.", 80, 400, "std"),
        ("Обслуговування сайту (місяць)", "міс.", 50, 250, "std"),
        ("Плитка керамічна 30х60", "м2", 8, 25, "std"),
        ("Парацетамол 500 мг №20", "уп.", 0.8, 2, "med"),
        ("Пшениця 3 клас", "т", 150, 220, "agri"),
        ("Соняшник", "т", 300, 420, "agri"),
    ],
    "bg": [
        ("Хартия за копиране А4, 500 л.", "пакет", 3, 6, "std"),
        ("Тонер касета HP 85A", "бр.", 25, 80, "std"),
        ("Кабел СВТ 3х2,5", "м", 0.8, 2, "std"),
        ("Абонаментна поддръжка", "мес.", 50, 300, "std"),
        ("Консултантски услуги", "час", 25, 70, "std"),
        ("Транспортни услуги", "услуга", 30, 200, "std"),
        ("Лаптоп Lenovo ThinkPad E14", "бр.", 600, 1100, "std"),
        ("Монтаж на климатик", "бр.", 60, 150, "std"),
        ("Боя латекс бяла 15 л", "бр.", 20, 45, "std"),
        ("Уеб дизайн и програмиране", "час", 20, 50, "std"),
        ("Офис стол", "бр.", 50, 220, "std"),
        ("Почистване на офис", "кв.м", 0.8, 2, "std"),
        ("Нощувка в двойна стая", "нощ.", 35, 120, "hotel"),
    ],
    "sr": [
        ("Папир за копирање А4, 500 листова", "пак", 3, 6, "std"),
        ("Тонер HP 85A", "ком", 25, 80, "std"),
        ("Кабл PP-Y 3x2,5", "м", 0.8, 2, "std"),
        ("Одржавање софтвера", "мес", 50, 300, "std"),
        ("Консултантске услуге", "сат", 20, 60, "std"),
        ("Превоз робе", "услуга", 30, 200, "std"),
        ("Лаптоп Lenovo ThinkPad E15", "ком", 600, 1100, "std"),
        ("Канцеларијска столица", "ком", 50, 220, "std"),
        ("Цемент 25 кг", "ком", 4, 7, "std"),
        ("Израда веб сајта", "услуга", 300, 1500, "std"),
        ("Графички дизајн", "сат", 15, 40, "std"),
        ("Хлеб бели 500 г", "ком", 0.5, 1, "food"),
        ("Млеко 2,8% 1 л", "ком", 0.8, 1.3, "food"),
        ("Јестиво уље 1 л", "ком", 1.5, 2.5, "food"),
    ],
}
OKEI = {"шт": "796", "кг": "166", "м": "006", "м2": "055", "л": "112", "ч": "356", "пар": "715",
        "упак": "778", "усл. ед.": "876", "мес": "362", "т": "168"}  # fmt: skip
RECEIPT_ITEMS: dict[str, list[tuple[str, float, float, str]]] = {
    "RU": [
        ("Молоко Простоквашино 3,2% 930мл", 85, 130, "food"),
        ("Хлеб Бородинский 400г", 45, 75, "food"),
        ("Сыр Российский 200г", 150, 260, "food"),
        ("Кофе Jacobs Monarch 95г", 280, 420, "std"),
        ("Вода Святой Источник 1,5л", 45, 80, "std"),
        ("Пакет-майка", 5, 12, "std"),
        ("Шоколад Alpen Gold 85г", 70, 110, "std"),
        ("Яйцо куриное С1 10шт", 90, 140, "food"),
        ("Масло сливочное 82,5% 180г", 150, 240, "food"),
        ("Стиральный порошок Tide 3кг", 550, 900, "std"),
        ("Батарейки Duracell AA 4шт", 250, 450, "std"),
        ("Гречка Увелка 800г", 80, 130, "food"),
        ("Зубная паста Colgate 100мл", 120, 220, "std"),
    ],
    "UA": [
        ("Молоко Яготинське 2,6% 900г", 38, 52, "std"),
        ("Хліб Український 750г", 25, 40, "std"),
        ("Сир Звенигора 50% ваг", 80, 140, "std"),
        ("Кава Jacobs Monarch 95г", 120, 190, "std"),
        ("Вода Моршинська 1,5л", 20, 32, "std"),
        ("Пакет майка", 2, 4, "std"),
        ("Шоколад Корона 90г", 38, 60, "std"),
        ("Яйця С1 10шт", 50, 80, "std"),
        ("Масло вершкове 73% 200г", 70, 110, "std"),
        ("Батарейки Varta AA 4шт", 120, 220, "std"),
    ],
    "KZ": [
        ("Молоко Лактел 2,5% 1л", 480, 690, "std"),
        ("Хлеб пшеничный 550г", 150, 260, "std"),
        ("Вода Тассай 1,5л", 180, 290, "std"),
        ("Шоколад Казахстанский 100г", 550, 900, "std"),
        ("Кофе Jacobs Monarch 95г", 1800, 2900, "std"),
        ("Сыр Голландский 200г", 1200, 1900, "std"),
        ("Яйцо куриное С1 10шт", 650, 990, "std"),
        ("Пакет", 30, 60, "std"),
        ("Масло сливочное 72,5% 180г", 900, 1400, "std"),
        ("Чай Пиала гранулированный 250г", 900, 1500, "std"),
    ],
}


def _rate(country: str, issue: dt.date, category: str) -> Decimal:
    if country == "RU":
        return Decimal(10 if category == "food" else (22 if issue.year >= 2026 else 20))
    if country == "KZ":
        return Decimal(16 if issue.year >= 2026 else 12)
    if country == "UA":
        return Decimal({"med": 7, "agri": 14}.get(category, 20))
    if country == "BG":
        return Decimal(9 if category == "hotel" else 20)
    return Decimal(10 if category == "food" else 20)


def _quantity(rng: random.Random, unit: str) -> Decimal:
    if unit in ("м", "м2", "кв.м", "т", "кг"):
        return Decimal(rng.choice(("2.5", "12", "25", "40", "50", "100", "150", "7.5", "18.4")))
    if unit in ("ч", "год", "час", "сат"):
        return Decimal(rng.choice((1, 2, 4, 6, 8, 10, 16, 24, 40, "1.5", "2.5")))
    if unit in ("усл. ед.", "посл.", "услуга", "мес", "міс.", "мес.", "нощ."):
        return Decimal(rng.choice((1, 1, 1, 1, 2, 3)))
    return Decimal(rng.choice((1, 1, 2, 2, 3, 4, 5, 6, 10, 12, 20, 24, 50, 100)))


def _lines(
    rng: random.Random, lang: str, currency: str, count: int, country: str, issue: dt.date
) -> tuple[list[Line], list[Decimal]]:
    """Rows from the language's list; a long order repeats items with article numbers."""
    pool = list(ITEMS[lang])
    if rng.random() < 0.75:
        pool = [item for item in pool if item[4] in ("std",)] or pool
    scale = SCALE[currency]
    lines: list[Line] = []
    rates: list[Decimal] = []
    picks = rng.sample(pool, min(count, len(pool)))
    while len(picks) < count:
        picks.append(rng.choice(pool))
    seen: set[str] = set()
    for description, unit, low, high, category in picks:
        text = description
        if count > len(pool) or text in seen:
            text = f"{description}, арт. {rng.randint(10000, 99999)}"
        seen.add(text)
        unit_price = price(rng, low * scale, high * scale)
        if (currency in ("KZT", "RSD") and rng.random() < 0.6) or unit_price > 5000:
            unit_price = Decimal(int(unit_price))
        lines.append(Line(text, _quantity(rng, unit), unit_price, unit))
        rates.append(_rate(country, issue, category))
    return lines, rates


def _net_groups(lines: list[Line], rates: list[Decimal]) -> list[TaxGroup]:
    bases: dict[Decimal, Decimal] = {}
    for line, rate in zip(lines, rates, strict=True):
        bases[rate] = bases.get(rate, ZERO) + line.amount
    return [TaxGroup(r, b, money(b * r / 100)) for r, b in sorted(bases.items())]


def _gross_groups(lines: list[Line], rates: list[Decimal]) -> list[TaxGroup]:
    """Tax-inclusive rows per rate: base = gross less the tax it contains."""
    gross: dict[Decimal, Decimal] = {}
    for line, rate in zip(lines, rates, strict=True):
        gross[rate] = gross.get(rate, ZERO) + line.amount
    groups = []
    for rate, value in sorted(gross.items()):
        tax = inclusive_tax(value, rate)
        groups.append(TaxGroup(rate, value - tax, tax))
    return groups


# ----------------------------------------------------------------------------- drawing


def _wrap(canvas: Canvas, tokens: Sequence[str], width: float, size: float, bold: bool = False):
    """Words (or unbreakable tokens) into rows no wider than `width`."""
    rows: list[str] = []
    current = ""
    for token in tokens:
        trial = f"{current} {token}".strip()
        if current and canvas.width_of(trial, size=size, bold=bold) > width:
            rows.append(current)
            current = token
        else:
            current = trial
    if current:
        rows.append(current)
    return rows


def _fit(canvas: Canvas, text: str, width: float, size: float, bold: bool = False) -> float:
    while size > 4.5 and canvas.width_of(text, size=size, bold=bold) > width:
        size -= 0.25
    return size


def _paragraph(
    canvas: Canvas,
    x: float,
    y: float,
    tokens: Sequence[str],
    width: float,
    *,
    size: float,
    bold: bool = False,
    step: float | None = None,
    color: Color = (0, 0, 0),
) -> float:
    """Wrapped text from `y` (first baseline); returns the baseline after the last row."""
    step = step or size + 2.5
    for row in _wrap(canvas, tokens, width, size, bold):
        canvas.text(x, y, row, size=size, bold=bold, color=color)
        y += step
    return y


@dataclass(frozen=True)
class Col:
    header: str
    x0: float
    x1: float
    align: Align = "left"
    number: str = ""


def _cell(canvas: Canvas, col: Col, y: float, text: str, size: float, bold: bool = False) -> None:
    if not text:
        return
    fitted = _fit(canvas, text, col.x1 - col.x0 - 4, size, bold)
    if col.align == "right":
        canvas.text(col.x1 - 2, y, text, size=fitted, bold=bold, align="right")
    elif col.align == "center":
        canvas.text((col.x0 + col.x1) / 2, y, text, size=fitted, bold=bold, align="center")
    else:
        canvas.text(col.x0 + 2, y, text, size=fitted, bold=bold)


def _header(
    canvas: Canvas, cols: Sequence[Col], top: float, size: float, fill: Color | None
) -> float:
    """A ruled header with wrapped, centred captions and an optional row of column numbers."""
    sizes = [
        min(_fit(canvas, word, col.x1 - col.x0 - 3, size) for word in col.header.split() or [""])
        for col in cols
    ]
    wrapped = [
        _wrap(canvas, col.header.split(), col.x1 - col.x0 - 3, fitted)
        for col, fitted in zip(cols, sizes, strict=True)
    ]
    height = max(len(rows) for rows in wrapped) * (size + 1.5) + 5
    left, right = cols[0].x0, cols[-1].x1
    if fill is not None:
        canvas.box(left, top, right, top + height, stroke=None, fill=fill)
    for col, rows, fitted in zip(cols, wrapped, sizes, strict=True):
        y = top + (height - len(rows) * (size + 1.5)) / 2 + size
        for row in rows:
            canvas.text((col.x0 + col.x1) / 2, y, row, size=fitted, align="center")
            y += size + 1.5
    bottom = top + height
    canvas.line(left, top, right, top, width=0.8)
    canvas.line(left, bottom, right, bottom, width=0.6)
    if any(col.number for col in cols):
        for col in cols:
            canvas.text((col.x0 + col.x1) / 2, bottom + size + 1, col.number, size=size - 0.5,
                        align="center")  # fmt: skip
        bottom += size + 4
        canvas.line(left, bottom, right, bottom, width=0.6)
    return bottom


def grid_table(
    canvas: Canvas,
    top: float,
    cols: Sequence[Col],
    rows: Sequence[Sequence[str]],
    *,
    size: float,
    header_size: float,
    row_height: float,
    bottom: float,
    continued: Callable[[], float],
    fill: Color | None = None,
) -> float:
    """A fully ruled table that continues on a new page (with its header again) when it would
    pass `bottom`; `continued` draws the top of a continuation page and returns where the table
    starts there. Returns the y under the last row."""
    left, right = cols[0].x0, cols[-1].x1
    block_top = top
    y = _header(canvas, cols, top, header_size, fill)

    def close(y_end: float) -> None:
        for col in cols:
            canvas.line(col.x0, block_top, col.x0, y_end, width=0.5)
        canvas.line(right, block_top, right, y_end, width=0.5)

    for row in rows:
        if y + row_height > bottom:
            close(y)
            canvas.new_page()
            block_top = continued()
            y = _header(canvas, cols, block_top, header_size, fill)
        for col, text in zip(cols, row, strict=True):
            _cell(canvas, col, y + row_height - 4, text, size)
        y += row_height
        canvas.line(left, y, right, y, width=0.4)
    close(y)
    return y


def _qr(canvas: Canvas, rng: random.Random, x: float, y: float, side: float) -> None:
    """A QR code stand-in: three finder squares and random modules."""
    count = 25
    cell = side / count
    corners = ((0, 0), (count - 7, 0), (0, count - 7))
    for cx, cy in corners:
        for ring, shade in ((0, 0.0), (1, 1.0), (2, 0.0)):
            x0, y0 = x + (cx + ring) * cell, y + (cy + ring) * cell
            span = (7 - 2 * ring) * cell
            canvas.box(x0, y0, x0 + span, y0 + span, stroke=None, fill=(shade, shade, shade))
    for row in range(count):
        for col in range(count):
            if any(cx - 1 <= col <= cx + 7 and cy - 1 <= row <= cy + 7 for cx, cy in corners):
                continue
            if rng.random() < 0.47:
                x0, y0 = x + col * cell, y + row * cell
                canvas.box(x0, y0, x0 + cell, y0 + cell, stroke=None, fill=(0, 0, 0))


def _signature(canvas: Canvas, rng: random.Random, x: float, y: float, width: float) -> None:
    """A scribble over a signature line."""
    points = [(x + 6, y - 3)]
    for step in range(1, 7):
        points.append((x + 6 + step * width / 8, y - 3 - rng.uniform(0, 11)))
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        canvas.line(x0, y0, x1, y1, width=0.7, color=(0.1, 0.15, 0.45))


def _money_rows(
    canvas: Canvas,
    label_right: float,
    right: float,
    y: float,
    rows: Sequence[tuple[str, str]],
    *,
    size: float,
    step: float,
    bold: bool = True,
) -> float:
    """Totals: the label right-aligned against `label_right`, the amount at `right`."""
    for label, value in rows:
        canvas.text(label_right, y, label, size=size, bold=bold, align="right")
        if value:
            canvas.text(right, y, value, size=size, bold=bold, align="right")
        y += step
    return y


def _rate_text(rate: Decimal) -> str:
    return f"{rate}%"


def _doc_number(rng: random.Random, country: str, issue: dt.date, nakladna: bool) -> str:
    n = rng.randint(1, 2400)
    yy = issue.year % 100
    if country == "RU":
        return choose(rng, [(6, str(n)), (1.5, f"ЦБ-{n}"), (1.5, f"{n}/{yy}"), (1, f"СЧ-{n:05d}")])
    if country == "UA":
        if nakladna:
            return rng.choice((f"РН-{n:07d}", f"{n}", f"ВН-{n:05d}"))
        return rng.choice((f"СФ-{n:07d}", str(n), f"{n}/{yy}"))
    return rng.choice((str(n), f"{n:011d}", f"ТД-{n:06d}"))


RU_TERMS = [
    "Оплата данного счета означает согласие с условиями поставки товара. Уведомление об "
    "оплате обязательно, в противном случае не гарантируется наличие товара на складе. Товар "
    "отпускается по факту прихода денег на р/с Поставщика, самовывозом, при наличии доверенности "
    "и паспорта.",
    "Счет действителен в течение 5 банковских дней. В назначении платежа обязательно укажите "
    "номер счета.",
    "Услуги оказываются после поступления предоплаты на расчетный счет Исполнителя.",
]
KZ_TERMS = (
    "Внимание! Оплата данного счета означает согласие с условиями поставки товара. Уведомление "
    "об оплате обязательно, в противном случае не гарантируется наличие товара на складе. Товар "
    "отпускается по факту прихода денег на р/с Поставщика, самовывозом, при наличии доверенности "
    "и документов удостоверяющих личность."
)


def _schet(rng: random.Random) -> Rendered:
    country = choose(rng, [(5, "RU"), (3, "UA"), (2, "KZ")])
    issue = _issue_date(rng)
    currency = CURRENCY[country]
    seller = _party(rng, country, issue, seller=True)
    buyer = _buyer(rng, country, issue, seller)
    lang = "uk" if country == "UA" else "ru"
    nakladna = country == "UA" and rng.random() < 0.3
    long_doc = rng.random() < 0.12
    count = rng.randint(38, 58) if long_doc else choose(rng, [(3, 1), (5, 3), (4, 6), (2, 9)])
    count = max(1, count if count > 3 else rng.randint(1, count))
    lines, rates = _lines(rng, lang, currency, count, country, issue)

    # The tax regime and how the totals print.
    if not seller.vat_payer:
        mode = "none"
    elif country == "RU":
        mode = "incl" if rng.random() < 0.6 else "net"
        if issue >= dt.date(2025, 1, 1) and rng.random() < 0.15:
            rates = [Decimal(rng.choice((5, 7)))] * len(lines)
    elif country == "UA":
        mode = "net" if nakladna or rng.random() < 0.6 else "incl"
    else:
        mode = "incl" if rng.random() < 0.8 else "net"
    if mode == "incl":
        groups = _gross_groups(lines, rates)
        total = sum((line.amount for line in lines), ZERO)
        tax: Decimal | None = sum((g.tax for g in groups), ZERO)
        subtotal: Decimal | None = None
    elif mode == "net":
        groups = _net_groups(lines, rates)
        subtotal = sum((line.amount for line in lines), ZERO)
        tax = sum((g.tax for g in groups), ZERO)
        total = subtotal + tax
    else:
        groups = []
        subtotal = total = sum((line.amount for line in lines), ZERO)
        tax = None

    # Styles.
    symbol = ""
    style = MoneyStyle(" ", ",")
    if country == "RU":
        pick = rng.random()
        if pick < 0.1:
            style = MoneyStyle(" ", "-")
        elif pick < 0.22:
            style = MoneyStyle(" ", ",", "₽", symbol_after=True)
            symbol = "₽"
    if lang == "uk":
        dates: DateStyle = CyrDate("{d} {month} {yyyy} р.", "uk")
    elif country == "RU" and rng.random() < 0.15:
        dates = CyrDate("«{dd}» {month} {yyyy} г.", "ru")
    else:
        dates = CyrDate("{d} {month} {yyyy} г.", "ru")
    numeric = DateStyle("{dd}.{mm}.{yyyy}")
    quantities: QuantityStyle = QuantityStyle(",")
    if rng.random() < 0.3:
        quantities = FixedQuantity(",", 3)
    number = _doc_number(rng, country, issue, nakladna)
    due = issue + dt.timedelta(days=rng.choice((3, 5, 5, 7, 10, 14)))
    due_printed = not nakladna and rng.random() < (0.3 if country == "KZ" else 0.45)
    contract_date = issue - dt.timedelta(days=rng.randint(20, 700))
    family = choose(rng, [(6, "helv"), (2, "tiro"), (2, "noto")])
    canvas = Canvas(*A4, family=family)
    left, right = 40.0, 555.0
    size = rng.choice((8.0, 8.5))

    if lang == "uk":
        title_word = "Видаткова накладна" if nakladna else "Рахунок на оплату"
        title = f"{title_word} № {number} від {dates.format(issue)}"
    else:
        title = f"Счет на оплату № {number} от {dates.format(issue)}"
    if country == "RU" and rng.random() < 0.25:
        title = title.replace("Счет", "Счёт")

    def continued() -> float:
        canvas.text(left, 40, title, size=7.5, color=GREY)
        canvas.text(right, 40, f"Лист {len(canvas.pages)}", size=7.5, color=GREY, align="right")
        return 52.0

    y = 40.0
    kz_note = rng.random() < 0.6
    if country == "RU":
        y = _ru_bank_grid(canvas, rng, seller, left, right, y)
    elif country == "KZ":
        y = _kz_bank_grid(canvas, rng, seller, left, right, y, kz_note)
    y += 28
    canvas.text(left, y, title, size=_fit(canvas, title, right - left, 13.5, True), bold=True)
    y += 6
    canvas.line(left, y, right, y, width=1.6)
    y += 16

    # Parties.
    if country == "RU":
        seller_tokens = [f"{seller.name},", "ИНН", f"{seller.tax_id},"]
        if seller.kpp:
            seller_tokens += ["КПП", f"{seller.kpp},"]
        style_address = rng.randrange(2)
        seller_tokens += [*seller.address(style_address).split(), "тел.:", seller.phone]
        buyer_tokens = [f"{buyer.name},", "ИНН", f"{buyer.tax_id},", "КПП", f"{buyer.kpp},"]
        buyer_tokens += buyer.address(style_address).split()
        contract = rng.choice(
            (
                f"Договор № {rng.randint(1, 180)}/{contract_date.year} от "
                f"{numeric.format(contract_date)}",
                "Основной договор",
                f"Договор поставки № {rng.randint(1, 99)}-П от {numeric.format(contract_date)}",
            )
        )
        blocks = [
            (("Поставщик", "(Исполнитель):"), seller_tokens),
            (("Покупатель", "(Заказчик):"), buyer_tokens),
            (("Основание:",), contract.split()),
        ]
        gap = 78.0
    elif country == "KZ":
        seller_tokens = ["БИН", "/", "ИИН", f"{seller.tax_id},", f"{seller.name},"]
        seller_tokens += [*seller.address().split(), "тел.:", seller.phone]
        buyer_tokens = ["БИН", "/", "ИИН", f"{buyer.tax_id},", f"{buyer.name},"]
        buyer_tokens += buyer.address().split()
        contract = rng.choice(
            (f"Договор № {rng.randint(1, 90)} от {numeric.format(contract_date)}", "Без договора")
        )
        blocks = [
            (("Поставщик:",), seller_tokens),
            (("Покупатель:",), buyer_tokens),
            (("Договор:",), contract.split()),
        ]
        gap = 70.0
    else:
        payer = (
            "Платник податку на прибуток на загальних підставах"
            if seller.vat_payer
            else "Платник єдиного податку 3 групи"
        )
        ids = f"код за ЄДРПОУ {seller.tax_id}"
        if seller.person:
            ids = f"РНОКПП {seller.tax_id}"
        elif seller.vat_payer:
            ids += f", ІПН {seller.vat_id}"
        seller_tokens = [seller.name]
        yy = contract_date.year % 100
        agreement = rng.choice(
            ("Основний договір", f"№ {rng.randint(1, 99)}/{yy} від {numeric.format(contract_date)}")
        )
        blocks = [
            (("Постачальник:",), seller_tokens),
            ((), [f"IBAN {_spaced(seller.account)}", "у", *seller.bank.split(), "МФО",
                  seller.bank_code]),
            ((), [*seller.address().split(), "тел.", seller.phone]),
            ((), ids.split()),
            ((), payer.split()),
            (("Покупець:",), [buyer.name]),
            ((), ["тел.", buyer.phone]),
            (("Договір:",), agreement.split()),
        ]  # fmt: skip
        if nakladna:
            blocks.append((("Місце складання:",), [f"м. {seller.city}"]))
        gap = 84.0
    for captions, tokens in blocks:
        label_y = y
        for row in captions:
            canvas.text(left, label_y, row, size=size)
            label_y += size + 2
        bold = bool(captions) and captions[0] in ("Поставщик", "Покупатель", "Постачальник:",
                                              "Покупець:", "Поставщик:", "Покупатель:")  # fmt: skip
        end = _paragraph(canvas, left + gap, y, tokens, right - left - gap, size=size, bold=bold)
        y = max(end, label_y) + (2 if not captions or lang == "uk" else 5)
    y += 8

    # Table.
    if lang == "uk":
        if mode == "incl":
            heads = ("№", "Товар", "Кіл-сть", "Од.", "Ціна з ПДВ", "Сума з ПДВ")
        else:
            heads = ("№", "Товар", "Кіл-сть", "Од.", "Ціна без ПДВ", "Сума без ПДВ")
    elif country == "KZ":
        heads = ("№", "Наименование", "Кол-во", "Ед.", "Цена", "Сумма")
    else:
        heads = ("№", "Товары (работы, услуги)", "Кол-во", "Ед.", "Цена", "Сумма")
    cols = [
        Col(heads[0], left, left + 22, "center"),
        Col(heads[1], left + 22, 330, "left"),
        Col(heads[2], 330, 383, "right"),
        Col(heads[3], 383, 416, "left"),
        Col(heads[4], 416, 485, "right"),
        Col(heads[5], 485, right, "right"),
    ]
    rows = [
        [str(i), line.description, quantities.number(line.quantity), line.unit,
         style.number(line.unit_price), style.number(line.amount)]
        for i, line in enumerate(lines, 1)
    ]  # fmt: skip
    y = grid_table(
        canvas, y, cols, rows, size=size - 0.5, header_size=size, row_height=13.5, bottom=790,
        continued=continued, fill=rng.choice((None, PALE)),
    )  # fmt: skip
    if y > 610:
        canvas.new_page()
        y = continued() + 10
    y += 14

    # Totals.
    def amt(value: Decimal) -> str:
        return style.amount(value) if symbol else style.number(value)

    single = len(groups) == 1
    totals: list[tuple[str, str]] = []
    if lang == "uk":
        if mode == "net":
            assert subtotal is not None
            assert tax is not None
            totals.append(("Разом без ПДВ:", amt(subtotal)))
            if single:
                totals.append(
                    (rng.choice(("ПДВ:", f"ПДВ {_rate_text(groups[0].rate)}:")), amt(tax))
                )
            else:
                totals += [(f"ПДВ {_rate_text(g.rate)}:", amt(g.tax)) for g in groups]
            totals.append(("Всього з ПДВ:", amt(total)))
        elif mode == "incl":
            totals.append(("Разом:", amt(total)))
            totals += [
                ("У тому числі ПДВ:" if single else f"У т.ч. ПДВ {_rate_text(g.rate)}:", amt(g.tax))
                for g in groups
            ]
        else:
            totals += [("Разом:", amt(total)), ("Без ПДВ", "")]
    else:
        if mode == "net":
            assert subtotal is not None
            totals.append(("Итого:", amt(subtotal)))
            if single:
                tax_label = rng.choice(("НДС:", "Сумма НДС:", f"НДС {_rate_text(groups[0].rate)}:"))
                totals.append((tax_label, amt(groups[0].tax)))
            else:
                totals += [(f"НДС {_rate_text(g.rate)}:", amt(g.tax)) for g in groups]
        elif mode == "incl":
            totals.append(("Итого:", amt(total)))
            for g in groups:
                label = "В том числе НДС:" if single else f"В том числе НДС {_rate_text(g.rate)}:"
                totals.append((label, amt(g.tax)))
        else:
            totals.append(("Итого:", amt(total)))
            totals.append(("Без налога (НДС)", "-") if country == "RU" else ("Без НДС", ""))
        if country == "RU":
            totals.append(("Всего к оплате:", amt(total)))
    y = _money_rows(canvas, 483, right - 2, y, totals, size=size + 0.5, step=size + 5)
    if not single:
        tax = None
    y += 4
    unit_word = {"RUB": "руб.", "UAH": "грн.", "KZT": "KZT"}[currency]
    if lang == "uk":
        summary = f"Всього найменувань {len(lines)}, на суму {style.number(total)} {unit_word}"
    else:
        summary = f"Всего наименований {len(lines)}, на сумму {style.number(total)} {unit_word}"
    canvas.text(left, y, summary, size=size)
    y += size + 5
    words = amount_in_words(currency, total)
    if country == "KZ":
        words = f"Всего к оплате: {words}"
    y = _paragraph(canvas, left, y, words.split(), right - left, size=size + 0.5, bold=True)
    if lang == "uk" and mode != "none" and single and rng.random() < 0.6:
        assert tax is not None
        vat_words = f"У т.ч. ПДВ: {amount_in_words(currency, tax)}"
        y = _paragraph(canvas, left, y, vat_words.split(), right - left, size=size)
    y += 6
    if due_printed:
        due_label = {
            "RU": "Оплатить не позднее",
            "KZ": "Оплатить не позднее",
            "UA": "Рахунок дійсний до сплати до",
        }[country]
        canvas.text(left, y, f"{due_label} {numeric.format(due)}", size=size + 0.5, bold=True)
        y += size + 6
    if country == "RU" and rng.random() < 0.8:
        terms = rng.choice(RU_TERMS)
        if due_printed and "5 банковских" in terms:
            terms = RU_TERMS[0]
        y = _paragraph(canvas, left, y, terms.split(), right - left, size=7)
    elif country == "UA" and not nakladna and rng.random() < 0.5:
        note = "У призначенні платежу обов'язково вказуйте номер рахунку."
        y = _paragraph(canvas, left, y, note.split(), right - left, size=7)
    elif country == "KZ" and not kz_note and rng.random() < 0.6:
        y = _paragraph(canvas, left, y, KZ_TERMS.split(), right - left, size=7)
    y += 8
    canvas.line(left, y, right, y, width=1.6)
    y += 28

    # Signatures.
    pairs: list[tuple[str, str]]
    if country == "RU":
        if seller.person:
            pairs = [("Предприниматель", seller.boss)]
        else:
            pairs = [("Руководитель", seller.boss), ("Бухгалтер", seller.accountant)]
    elif country == "KZ":
        pairs = [("Исполнитель", f"/{seller.boss}/")]
    elif nakladna:
        pairs = [("Від постачальника*", seller.boss), ("Отримав(ла)", "")]
    else:
        pairs = [("Виписав(ла):", seller.accountant or seller.boss)]
    x = left
    for label, who in pairs:
        width = canvas.width_of(label, size=size, bold=True)
        canvas.text(x, y, label, size=size, bold=True)
        canvas.line(x + width + 6, y + 2, x + width + 96, y + 2, width=0.5)
        if who and rng.random() < 0.7:
            _signature(canvas, rng, x + width + 10, y, 80)
        canvas.text(x + width + 100, y, who, size=size)
        x += 262
    if not seller.person and country != "UA" and rng.random() < 0.5:
        canvas.text(left + 40, y + 30, "М.П.", size=size)
    if nakladna:
        canvas.text(left, y + 30, f"За довіреністю № {rng.randint(10, 999)} від "
                    f"{numeric.format(issue)}", size=size - 1)  # fmt: skip
        canvas.text(left, y + 42, "* Відповідальний за здійснення господарської операції і "
                    "правильність її оформлення", size=6.5, color=GREY)  # fmt: skip

    fields = truth_fields(
        number=number,
        issue=issue,
        due=due if due_printed else None,
        vendor=seller.name,
        total=total,
        subtotal=subtotal,
        tax=tax,
        currency=currency,
        lines=lines,
    )
    image: Scan = None
    if len(canvas.pages) == 1:
        image = choose(rng, [(7.5, None), (2, "jpg"), (0.5, "png")])
    return Rendered(
        fields, lang, "invoice", canvas.pdf(title=number), style, dates, quantities,
        MARKS[currency], prices_include_tax=mode == "incl", image=image,
        date_overrides={"due_date": numeric},
    )  # fmt: skip


def _ru_bank_grid(
    canvas: Canvas, rng: random.Random, seller: Party, left: float, right: float, y: float
) -> float:
    """The 1С payment details: bank, BIK and both accounts, ИНН / КПП and the recipient."""
    if rng.random() < 0.4:
        canvas.text((left + right) / 2, y + 4, "Образец заполнения платежного поручения",
                    size=9, bold=True, align="center")  # fmt: skip
        y += 14
    top = y
    mid, key = 330.0, 376.0
    half = left + (mid - left) / 2
    canvas.box(left, top, right, top + 76, width=0.8)
    canvas.line(mid, top, mid, top + 76)
    canvas.line(key, top, key, top + 76)
    canvas.line(left, top + 31, right, top + 31)
    canvas.line(left, top + 46, mid, top + 46)
    canvas.line(half, top + 31, half, top + 46)
    bank = f"{seller.bank} г. Москва"
    canvas.text(left + 3, top + 11, bank, size=_fit(canvas, bank, mid - left - 6, 9))
    canvas.text(left + 3, top + 27, "Банк получателя", size=7)
    canvas.text(mid + 3, top + 11, "БИК", size=8.5)
    canvas.text(key + 4, top + 11, seller.bank_code, size=9)
    canvas.text(mid + 3, top + 26, "Сч. №", size=8.5)
    canvas.text(key + 4, top + 26, seller.corr, size=9)
    canvas.text(left + 3, top + 42, f"ИНН {seller.tax_id}", size=8.5)
    canvas.text(half + 3, top + 42, f"КПП {seller.kpp}".strip(), size=8.5)
    canvas.text(mid + 3, top + 42, "Сч. №", size=8.5)
    canvas.text(key + 4, top + 42, seller.account, size=9)
    canvas.text(left + 3, top + 58, seller.name, size=_fit(canvas, seller.name, mid - left - 6, 9))
    canvas.text(left + 3, top + 72, "Получатель", size=7)
    return top + 76


def _kz_bank_grid(
    canvas: Canvas,
    rng: random.Random,
    seller: Party,
    left: float,
    right: float,
    y: float,
    note: bool,
) -> float:
    """The Kazakh 1С `Образец платежного поручения` grid."""
    if note:
        y = _paragraph(canvas, left, y, KZ_TERMS.split(), right - left, size=7)
        y += 4
    canvas.text(left, y + 4, "Образец платежного поручения", size=9, bold=True)
    top = y + 10
    c1, c2 = 330.0, 470.0
    canvas.box(left, top, right, top + 78, width=0.8)
    canvas.line(c1, top, c1, top + 78)
    canvas.line(c2, top, c2, top + 78)
    canvas.line(left, top + 42, right, top + 42)
    canvas.text(left + 3, top + 10, "Бенефициар:", size=8, bold=True)
    name_size = _fit(canvas, seller.name, c1 - left - 6, 9, True)
    canvas.text(left + 3, top + 23, seller.name, size=name_size,
                bold=True)  # fmt: skip
    canvas.text(left + 3, top + 36, f"БИН: {seller.tax_id}", size=8.5)
    canvas.text(c1 + 3, top + 10, "ИИК", size=8, bold=True)
    account_size = _fit(canvas, seller.account, c2 - c1 - 6, 9, True)
    canvas.text(c1 + 3, top + 23, seller.account, size=account_size,
                bold=True)  # fmt: skip
    canvas.text(c2 + 3, top + 10, "Кбе", size=8, bold=True)
    canvas.text((c2 + right) / 2, top + 23, "17", size=9, bold=True, align="center")
    canvas.text(left + 3, top + 52, "Банк бенефициара:", size=8)
    canvas.text(left + 3, top + 65, seller.bank, size=9)
    canvas.text(c1 + 3, top + 52, "БИК", size=8, bold=True)
    canvas.text(c1 + 3, top + 65, seller.bank_code, size=9, bold=True)
    canvas.text(c2 + 3, top + 52, "Код назначения", size=6.5)
    canvas.text(c2 + 3, top + 59, "платежа", size=6.5)
    canvas.text((c2 + right) / 2, top + 73, rng.choice(("710", "859")), size=9, bold=True,
                align="center")  # fmt: skip
    return top + 78


# ----------------------------------------------------------------------------- family 2: tax forms


def _form_line(
    canvas: Canvas, x: float, right: float, y: float, label: str, value: str, number: str,
    *, size: float, bold_value: bool = False,
) -> None:  # fmt: skip
    """One line of the form's header: `Label: value ........ (2а)`, the value underlined."""
    width = canvas.width_of(label, size=size)
    canvas.text(x, y, label, size=size)
    value_x = x + width + 4
    end = right - (22 if number else 0)
    value_size = _fit(canvas, value, end - value_x - 2, size, bold_value)
    canvas.text(value_x, y, value, size=value_size, bold=bold_value)
    canvas.line(value_x, y + 1.5, end, y + 1.5, width=0.4)
    if number:
        canvas.text(right, y, f"({number})", size=size - 0.5, align="right")


def _faktura(rng: random.Random) -> Rendered:
    country = choose(rng, [(7, "RU"), (3, "KZ")])
    issue = _issue_date(rng)
    currency = CURRENCY[country]
    seller = _party(rng, country, issue, seller=True)
    buyer = _buyer(rng, country, issue, seller)
    upd = country == "RU" and rng.random() < 0.55
    long_doc = rng.random() < 0.12
    count = rng.randint(16, 30) if long_doc else rng.randint(1, 7)
    lines, rates = _lines(rng, "ru", currency, count, country, issue)
    vat = seller.vat_payer or (country == "RU" and not upd)
    if not vat:
        rates = [ZERO] * len(lines)
    line_tax = [money(line.amount * rate / 100) for line, rate in zip(lines, rates, strict=True)]
    subtotal = sum((line.amount for line in lines), ZERO)
    tax = sum(line_tax, ZERO)
    total = subtotal + tax
    style = MoneyStyle(" ", ",")
    dates: DateStyle = CyrDate("{d} {month} {yyyy} г.", "ru")
    if country == "KZ" and rng.random() < 0.5:
        dates = DateStyle("{dd}.{mm}.{yyyy}")
    numeric = DateStyle("{dd}.{mm}.{yyyy}")
    quantities: QuantityStyle = FixedQuantity(",", 3) if rng.random() < 0.7 else QuantityStyle(",")
    n = rng.randint(1, 9999)
    number = rng.choice(
        (str(n), f"{n:08d}" if country == "KZ" else f"ЦБ-{n}", f"{n}/{issue.month}")
    )
    family = choose(rng, [(6, "helv"), (2, "tiro"), (2, "noto")])
    canvas = Canvas(*LANDSCAPE, family=family)
    left, right = 20.0, LANDSCAPE[0] - 20
    title_date = dates.format(issue)
    cols_spec: list[tuple[str, int, Align, str]]  # header, width (0: the rest), align, number

    def continued() -> float:
        canvas.text(left, 28, f"Счет-фактура № {number} от {title_date}", size=6.5, color=GREY)
        canvas.text(right, 28, f"Лист {len(canvas.pages)}", size=6.5, color=GREY, align="right")
        return 38.0

    y = 26.0
    if country == "RU":
        edition = (
            "(в ред. Постановления Правительства РФ от 02.04.2021 № 534)"
            if issue >= dt.date(2021, 7, 1)
            else "(в ред. Постановления Правительства РФ от 19.08.2017 № 981)"
        )
        for note in ("Приложение № 1", "к постановлению Правительства Российской Федерации",
                     "от 26 декабря 2011 г. № 1137", edition):  # fmt: skip
            canvas.text(right, y, note, size=5.5, align="right")
            y += 6.5
        x = left
        if upd:
            box_right = left + 105
            canvas.box(left, 30, box_right, 140, width=0.6)
            canvas.text(left + 4, 42, "Универсальный", size=8, bold=True)
            canvas.text(left + 4, 52, "передаточный", size=8, bold=True)
            canvas.text(left + 4, 62, "документ", size=8, bold=True)
            status = "1" if vat else "2"
            canvas.text(left + 4, 80, "Статус:", size=7.5)
            canvas.box(left + 38, 71, left + 54, 83, width=0.6)
            canvas.text(left + 46, 80, status, size=8, bold=True, align="center")
            for i, note in enumerate(("1 — счет-фактура и передаточный", "документ (акт)",
                                      "2 — передаточный документ (акт)")):  # fmt: skip
                canvas.text(left + 4, 96 + i * 8, note, size=5.5)
            x = box_right + 8
        y = 42.0
        canvas.text(x, y, f"Счет-фактура № {number} от {title_date}", size=11, bold=True)
        canvas.text(x + 380, y, "(1)", size=6.5)
        y += 11
        canvas.text(x, y, "Исправление № -- от --", size=8)
        canvas.text(x + 380, y, "(1а)", size=6.5)
        y += 12
        payment = "-- от --"
        if rng.random() < 0.5:
            payment_date = issue - dt.timedelta(days=rng.randint(1, 20))
            payment = f"№ {rng.randint(100, 9999)} от {numeric.format(payment_date)}"
        shipment = f"№ п/п 1-{len(lines)} № {number} от {numeric.format(issue)}"
        consignee = rng.choice(("он же", f"{buyer.name}, {buyer.address()}"))
        header_rows = [
            ("Продавец:", seller.name, "2"),
            ("Адрес:", seller.address(), "2а"),
            ("ИНН/КПП продавца:", f"{seller.tax_id}/{seller.kpp}" if seller.kpp else
             seller.tax_id, "2б"),
            ("Грузоотправитель и его адрес:", rng.choice(("он же", "--")), "3"),
            ("Грузополучатель и его адрес:", consignee, "4"),
            ("К платежно-расчетному документу", payment, "5"),
            ("Документ об отгрузке", shipment, "5а"),
            ("Покупатель:", buyer.name, "6"),
            ("Адрес:", buyer.address(), "6а"),
            ("ИНН/КПП покупателя:", f"{buyer.tax_id}/{buyer.kpp}", "6б"),
            ("Валюта: наименование, код", "Российский рубль, 643", "7"),
            ("Идентификатор государственного контракта, договора (соглашения) (при наличии):",
             "", "8"),
        ]  # fmt: skip
        if issue < dt.date(2021, 7, 1):
            header_rows = [row for row in header_rows if row[2] != "5а"]
        for label, value, num in header_rows:
            _form_line(canvas, x, x + 400, y, label, value, num, size=7.5)
            y += 10
        y += 6
        cols_spec = [
            ("№ п/п", 18, "center", "А" if upd else "1"),
            ("Код товара/ работ, услуг", 44, "center", "Б"),
            ("Наименование товара (описание выполненных работ, оказанных услуг), "
             "имущественного права", 0, "left", "1" if upd else "1а"),
            ("Код вида товара", 24, "center", "1а" if upd else "1б"),
            ("Единица измерения: код", 28, "center", "2"),
            ("условное обозначение (национальное)", 38, "center", "2а"),
            ("Количество (объем)", 42, "right", "3"),
            ("Цена (тариф) за единицу измерения", 54, "right", "4"),
            ("Стоимость товаров (работ, услуг), имущественных прав без налога - всего", 62,
             "right", "5"),
            ("В том числе сумма акциза", 36, "center", "6"),
            ("Налоговая ставка", 30, "center", "7"),
            ("Сумма налога, предъявляемая покупателю", 54, "right", "8"),
            ("Стоимость товаров (работ, услуг), имущественных прав с налогом - всего", 62,
             "right", "9"),
            ("Страна происхождения товара: цифровой код", 40, "center", "10"),
            ("краткое наименование", 40, "center", "10а"),
            ("Регистрационный номер декларации на товары или регистрационный номер партии "
             "товара, подлежащего прослеживаемости", 60, "center", "11"),
        ]  # fmt: skip
        if not upd:
            cols_spec = [spec for spec in cols_spec if spec[3] != "Б"]
    else:
        y = 40.0
        canvas.text(right, 26, "Форма счета-фактуры на бумажном носителе", size=6, align="right")
        title = f"Счет-фактура № {number} от {title_date}"
        canvas.text((left + right) / 2, y, title, size=11.5, bold=True, align="center")
        y += 14
        canvas.text((left + right) / 2, y, f"Дата совершения оборота: {numeric.format(issue)}",
                    size=8, align="center")  # fmt: skip
        y += 14
        contract_date = issue - dt.timedelta(days=rng.randint(30, 500))
        waybill = f"№ {rng.randint(10, 9999)} от {numeric.format(issue)}"
        header_rows = [
            ("Поставщик:", seller.name, ""),
            ("БИН и адрес места нахождения поставщика:", f"{seller.tax_id}, {seller.address()}",
             ""),
            ("ИИК поставщика:", f"{seller.account} в банке {seller.bank}, БИК {seller.bank_code}",
             ""),
            ("Договор (контракт) на поставку товаров (работ, услуг):",
             f"№ {rng.randint(1, 300)} от {numeric.format(contract_date)}", ""),
            ("Условия оплаты по договору (контракту):",
             rng.choice(("безналичный расчет", "предоплата 100%", "отсрочка 30 дней")), ""),
            ("Пункт назначения поставляемых товаров (работ, услуг):",
             f"г. {buyer.city}, {buyer.street}", ""),
            ("Способ отправления:", rng.choice(("автотранспорт", "самовывоз", "ж/д")), ""),
            ("Товарно-транспортная накладная:", waybill, ""),
            ("Грузоотправитель:", rng.choice((seller.name, "он же")), ""),
            ("Грузополучатель:", buyer.name, ""),
            ("Получатель:", buyer.name, ""),
            ("БИН и адрес места нахождения получателя:", f"{buyer.tax_id}, {buyer.address()}", ""),
            ("ИИК получателя:", f"{buyer.account} в банке {buyer.bank}", ""),
        ]  # fmt: skip
        for label, value, num in header_rows:
            _form_line(canvas, left, left + 560, y, label, value, num, size=7.5)
            y += 10
        y += 6
        cols_spec = [
            ("№ п/п", 22, "center", "1"),
            ("Наименование товаров (работ, услуг)", 0, "left", "2"),
            ("Ед. изм.", 36, "center", "3"),
            ("Кол-во (объем)", 55, "right", "4"),
            ("Цена (KZT)", 66, "right", "5"),
            ("Стоимость товаров (работ, услуг) без НДС", 78, "right", "6"),
            ("НДС: ставка", 40, "center", "7"),
            ("НДС: сумма", 66, "right", "8"),
            ("Всего стоимость реализации", 78, "right", "9"),
            ("Акциз: ставка", 40, "center", "10"),
            ("Акциз: сумма", 50, "right", "11"),
        ]
    fixed = sum(spec[1] for spec in cols_spec)
    cols: list[Col] = []
    x = left
    for header, width, align, num in cols_spec:
        span = width or right - left - fixed
        cols.append(Col(header, x, x + span, align, num))
        x += span

    rows: list[list[str]] = []
    for index, (line, rate, lt) in enumerate(zip(lines, rates, line_tax, strict=True), 1):
        rate_text = f"{rate}%" if vat else "без НДС"
        tax_text = style.number(lt) if vat else "без НДС"
        gross = style.number(line.amount + lt)
        if country == "RU":
            imported = rng.random() < 0.2 and line.unit in ("шт", "упак")
            origin = ("156", "КИТАЙ") if imported else ("--", "--")
            gtd = f"10702070/{issue:%d%m%y}/{rng.randint(3000000, 3999999)}/{rng.randint(1, 9)}"
            row = [str(index), f"00-{rng.randint(10000, 99999):08d}", line.description, "--",
                   OKEI.get(line.unit, "796"), line.unit, quantities.number(line.quantity),
                   style.number(line.unit_price), style.number(line.amount), "без акциза",
                   rate_text, tax_text, gross, *origin, gtd if imported else "--"]  # fmt: skip
            if not upd:
                row.pop(1)
        else:
            row = [str(index), line.description, line.unit, quantities.number(line.quantity),
                   style.number(line.unit_price), style.number(line.amount), rate_text, tax_text,
                   gross, "", ""]  # fmt: skip
        rows.append(row)
    y = grid_table(
        canvas, y, cols, rows, size=6.8, header_size=5.6, row_height=12.5, bottom=560,
        continued=continued,
    )  # fmt: skip
    # The total row: `Всего к оплате (9)` under columns 1-4, then 5, 6, 7, 8 and 9.
    amount_col = next(
        i for i, c in enumerate(cols) if c.number in ("5", "6") and c.align == "right"
    )
    if country == "KZ":
        amount_col = 5
    label = "Всего к оплате (9)" if country == "RU" else "Всего по счету:"
    if y + 13 > 565:
        canvas.new_page()
        y = continued()
    canvas.text(cols[amount_col].x0 - 4, y + 9, label, size=7.5, bold=True, align="right")
    tax_sum = style.number(tax) if vat else "без НДС"
    sums = [style.number(subtotal), "X", "X", tax_sum, style.number(total)]
    if country == "KZ":
        sums = [style.number(subtotal), "", tax_sum, style.number(total)]
    sum_cols = cols[amount_col : amount_col + len(sums)]
    for col, text in zip(sum_cols, sums, strict=True):
        _cell(canvas, col, y + 9, text, 7, bold=True)
    canvas.box(sum_cols[0].x0, y, sum_cols[-1].x1, y + 13, width=0.6)
    for col in sum_cols[1:]:
        canvas.line(col.x0, y, col.x0, y + 13)
    y += 30

    # Signatures.
    if y > 520:
        canvas.new_page()
        y = continued() + 10
    half = (left + right) / 2
    if country == "RU":
        sig = [
            ("Руководитель организации или иное уполномоченное лицо", seller.boss, left),
            ("Главный бухгалтер или иное уполномоченное лицо", seller.accountant, half),
        ]
        if seller.person:
            sig = [("Индивидуальный предприниматель или иное уполномоченное лицо", seller.boss,
                    left)]  # fmt: skip
    else:
        sig = [("Руководитель организации:", seller.boss, left),
               ("Главный бухгалтер:", seller.accountant, half)]  # fmt: skip
    for caption, who, x0 in sig:
        rows_caption = _wrap(canvas, caption.split(), 150, 7)
        for i, row in enumerate(rows_caption):
            canvas.text(x0, y + i * 8.5, row, size=7)
        canvas.line(x0 + 155, y + 2, x0 + 230, y + 2)
        if rng.random() < 0.6:
            _signature(canvas, rng, x0 + 160, y, 60)
        canvas.text(x0 + 192, y + 9, "(подпись)", size=5.5, align="center")
        canvas.text(x0 + 240, y, who, size=7.5)
        canvas.line(x0 + 236, y + 2, x0 + 330, y + 2)
        canvas.text(x0 + 283, y + 9, "(ф.и.о.)", size=5.5, align="center")
    y += 30
    if upd and y < 470:
        canvas.line(left, y - 8, right, y - 8, width=0.8)
        contract_date = issue - dt.timedelta(days=rng.randint(20, 600))
        basis = (
            f"Договор № {rng.randint(1, 99)}-{issue.year % 100} от {numeric.format(contract_date)}"
        )
        ship_date = CyrDate("«{dd}» {month} {yyyy} г.", "ru").format(issue)
        rows_bottom = [
            ("Основание передачи (сдачи) / получения (приемки)", basis, "8"),
            ("Данные о транспортировке и грузе", "", "9"),
            ("Товар (груз) передал / услуги, результаты работ, права сдал", seller.boss, "10"),
            ("Дата отгрузки, передачи (сдачи)", ship_date, "11"),
            ("Товар (груз) получил / услуги, результаты работ, права принял", "", "15"),
            ("Дата получения (приемки)", "«__» __________ 20__ г.", "16"),
        ]
        for label, value, num in rows_bottom:
            _form_line(canvas, left, half + 120, y, label, value, num, size=7)
            y += 11
        author = f"{seller.name}, ИНН/КПП {seller.tax_id}/{seller.kpp}".rstrip("/")
        canvas.text(left, y + 4, "Наименование экономического субъекта - составителя документа "
                    f"(в т.ч. комиссионера / агента): {author}", size=6.5)  # fmt: skip
    elif country == "KZ":
        canvas.text(left, y, "ВЫДАЛ (ответственное лицо поставщика)", size=7)
        canvas.line(left + 150, y + 2, left + 400, y + 2)
        canvas.text(left + 160, y, f"менеджер {seller.boss}", size=7)
        canvas.text(left + 460, y, "М.П.", size=7.5)
        note = "Примечание. Без печати недействительно. Оригинал (первый экземпляр) - покупателю. "
        canvas.text(left, y + 16, note + "Копия (второй экземпляр) - поставщику.", size=6)

    fields = truth_fields(
        number=number,
        issue=issue,
        vendor=seller.name,
        total=total,
        subtotal=subtotal,
        tax=tax if vat else None,
        currency=currency,
        lines=lines,
    )
    image: Scan = None
    if len(canvas.pages) == 1:
        image = choose(rng, [(3, None), (1, "jpg"), (0.3, "png")])
    return Rendered(
        fields, "ru", "invoice", canvas.pdf(title=number), style, dates, quantities,
        MARKS[currency], image=image,
    )  # fmt: skip


# ----------------------------------------------------------------------------- family 3: BG / RS

BG_FOOTER = (
    "Съгласно чл. 6, ал. 1 от Закона за счетоводството, чл. 114 от ЗДДС и чл. 78 от ППЗДДС "
    "печатът и подписът не са задължителни реквизити на фактурата."
)


def _box_rows(
    canvas: Canvas, x0: float, x1: float, top: float, title: str, rows: Sequence[tuple[str, str]],
    *, size: float, gap: float,
) -> float:  # fmt: skip
    """A framed block of `Label: value` rows under a bold caption; returns its bottom."""
    y = top + size + 5
    canvas.text(x0 + 5, y, title, size=size + 0.5, bold=True)
    y += size + 5
    for label, value in rows:
        canvas.text(x0 + 5, y, label, size=size, color=GREY)
        value_size = _fit(canvas, value, x1 - x0 - gap - 8, size, True)
        canvas.text(
            x0 + 5 + gap, y, value, size=value_size, bold=label.startswith(("Име", "Назив"))
        )
        y += size + 4
    canvas.box(x0, top, x1, y, width=0.7)
    return y


def _balkan(rng: random.Random) -> Rendered:
    country = choose(rng, [(1, "BG"), (1, "RS")])
    issue = _issue_date(rng)
    seller = _party(rng, country, issue, seller=True)
    buyer = _buyer(rng, country, issue, seller)
    lang = "bg" if country == "BG" else "sr"
    currency = CURRENCY[country]
    if country == "BG" and issue >= dt.date(2026, 1, 1):
        currency = "EUR"
    count = rng.randint(1, 8) if rng.random() < 0.9 else rng.randint(30, 44)
    lines, rates = _lines(rng, lang, currency, count, country, issue)
    vat = seller.vat_payer
    if not vat:
        rates = [ZERO] * len(lines)
    groups = _net_groups(lines, rates)
    subtotal = sum((line.amount for line in lines), ZERO)
    tax = sum((g.tax for g in groups), ZERO)
    total = subtotal + tax

    if country == "BG":
        mark = "€" if currency == "EUR" else "лв."
        if currency == "BGN" and rng.random() < 0.35:
            style = MoneyStyle("", ".", mark, symbol_after=True)
        else:
            style = MoneyStyle(" ", ",", mark, symbol_after=True)
        dates = DateStyle(rng.choice(("{dd}.{mm}.{yyyy}", "{dd}.{mm}.{yyyy} г.")))
        number = f"{rng.randint(1, 99999):010d}"
        quantities: QuantityStyle = FixedQuantity(style.decimal, rng.choice((2, 3)))
    else:
        mark = rng.choice(("РСД", "дин."))
        style = MoneyStyle(".", ",", mark, symbol_after=True)
        dates = DateStyle("{dd}.{mm}.{yyyy}.")
        n = rng.randint(1, 2500)
        number = rng.choice((f"{n}/{issue.year}", f"{issue.year}-{n:05d}", f"Р-{n}/{issue:%y}"))
        quantities = FixedQuantity(",", 2)
    due = issue + dt.timedelta(days=rng.choice((7, 10, 14, 15, 30, 30, 45)))
    pay = rng.choice(("По банков път", "По банков път", "В брой", "С карта"))
    due_printed = rng.random() < 0.65 and (country == "RS" or pay == "По банков път")
    family = choose(rng, [(5, "helv"), (2, "tiro"), (3, "noto")])
    canvas = Canvas(*A4, family=family)
    left, right = 40.0, 555.0
    size = 8.0
    accent = rng.choice(ACCENTS)

    def continued() -> float:
        canvas.text(left, 40, f"{'Фактура' if country == 'BG' else 'Рачун'} № {number}", size=7.5,
                    color=GREY)  # fmt: skip
        canvas.text(right, 40, f"стр. {len(canvas.pages)}", size=7.5, color=GREY, align="right")
        return 52.0

    y = 52.0
    if country == "BG":
        canvas.text((left + right) / 2, y, "ФАКТУРА", size=20, bold=True, align="center",
                    color=accent)  # fmt: skip
        y += 16
        canvas.text((left + right) / 2, y, "Оригинал", size=10, align="center")
        y += 16
        canvas.text((left + right) / 2, y, f"№ {number} / {dates.format(issue)}", size=11,
                    bold=True, align="center")  # fmt: skip
        y += 14
        mid = (left + right) / 2
        buyer_rows = [("Име на фирма:", buyer.name), ("ЕИК:", buyer.tax_id)]
        if buyer.vat_id:
            buyer_rows.append(("ИН по ЗДДС:", buyer.vat_id))
        buyer_rows += [("Адрес:", buyer.address()), ("МОЛ:", buyer.boss)]
        seller_rows = [("Име на фирма:", seller.name), ("ЕИК:", seller.tax_id)]
        if seller.vat_id:
            seller_rows.append(("ИН по ЗДДС:", seller.vat_id))
        seller_rows += [("Адрес:", seller.address()), ("МОЛ:", seller.boss),
                        ("Тел.:", seller.phone)]  # fmt: skip
        end1 = _box_rows(canvas, left, mid - 5, y, "Получател", buyer_rows, size=size, gap=62)
        end2 = _box_rows(canvas, mid + 5, right, y, "Доставчик", seller_rows, size=size, gap=62)
        y = max(end1, end2) + 16
        event = issue - dt.timedelta(days=rng.choice((0, 0, 0, 1, 2, 5)))
        facts = [
            ("Дата на издаване:", dates.format(issue)),
            ("Дата на данъчно събитие:", dates.format(event)),
            ("Място на сделката:", f"гр. {seller.city}"),
        ]
        x = left
        for label, value in facts:
            canvas.text(x, y, label, size=size - 0.5, color=GREY)
            canvas.text(x, y + 11, value, size=size + 0.5, bold=True)
            x += 172
        y += 26
        heads = ("№", "Наименование на стоката/услугата", "Мярка", "Количество", "Ед. цена",
                 "Стойност")  # fmt: skip
        cols = [
            Col(heads[0], left, left + 22, "center"),
            Col(heads[1], left + 22, 318, "left"),
            Col(heads[2], 318, 358, "center"),
            Col(heads[3], 358, 412, "right"),
            Col(heads[4], 412, 480, "right"),
            Col(heads[5], 480, right, "right"),
        ]
        rows = [
            [str(i), line.description, line.unit, quantities.number(line.quantity),
             style.number(line.unit_price), style.number(line.amount)]
            for i, line in enumerate(lines, 1)
        ]  # fmt: skip
    else:
        canvas.text(left, y, seller.name, size=_fit(canvas, seller.name, 300, 13, True), bold=True,
                    color=accent)  # fmt: skip
        info = [
            seller.address(),
            f"ПИБ: {seller.tax_id}    Матични број: {seller.reg}",
            f"Текући рачун: {seller.account} ({seller.bank})",
            f"Шифра делатности: {rng.choice(('4690', '6201', '4321', '7311', '4941', '4752'))}",
            f"Тел: {seller.phone}",
        ]
        for info_line in info:
            y += size + 3.5
            canvas.text(left, y, info_line, size=size - 0.5)
        title = rng.choice(("РАЧУН", "ФАКТУРА", "РАЧУН-ОТПРЕМНИЦА"))
        canvas.text(right, 56, title, size=17, bold=True, align="right", color=accent)
        canvas.text(right, 74, f"број: {number}", size=11, bold=True, align="right")
        facts = [
            ("Место издавања:", seller.city),
            ("Датум издавања:", dates.format(issue)),
            ("Датум промета:", dates.format(issue - dt.timedelta(days=rng.choice((0, 0, 1, 3))))),
        ]
        if due_printed:
            facts.append((rng.choice(("Рок плаћања:", "Датум доспећа:")), dates.format(due)))
        else:
            facts.append(("Валута плаћања:", f"{(due - issue).days} дана"))
        fy = 92.0
        for label, value in facts:
            canvas.text(right - 70, fy, label, size=size - 0.5, align="right", color=GREY)
            canvas.text(right, fy, value, size=size, align="right")
            fy += size + 4
        y = max(y, fy) + 16
        buyer_rows = [("Назив:", buyer.name), ("Адреса:", buyer.address()), ("ПИБ:", buyer.tax_id),
                      ("Матични број:", buyer.reg)]  # fmt: skip
        y = _box_rows(canvas, left + 250, right, y, "Купац", buyer_rows, size=size, gap=62) + 18
        rabat = rng.random() < 0.5
        vat_cols = vat
        spec: list[tuple[str, float, Align]] = [("Р.бр.", 24, "center"), ("Опис", 0, "left"),
            ("Ј.м.", 32, "center"), ("Кол.", 40, "right"),
            ("Цена без ПДВ", 58, "right")]  # fmt: skip
        if rabat:
            spec.append(("Рабат %", 34, "center"))
        spec.append(("Основица", 62, "right"))
        if vat_cols:
            spec += [("ПДВ %", 32, "center"), ("Износ ПДВ", 54, "right"), ("Укупно", 62, "right")]
        fixed = sum(width for _, width, _ in spec)
        cols = []
        x = left
        for header, width, align in spec:
            span = width or right - left - fixed
            cols.append(Col(header, x, x + span, align))
            x += span
        rows = []
        for i, (line, rate) in enumerate(zip(lines, rates, strict=True), 1):
            row = [str(i), line.description, line.unit, quantities.number(line.quantity),
                   style.number(line.unit_price)]  # fmt: skip
            if rabat:
                row.append("0,00")
            row.append(style.number(line.amount))
            if vat_cols:
                line_tax = money(line.amount * rate / 100)
                row += [f"{rate}", style.number(line_tax), style.number(line.amount + line_tax)]
            rows.append(row)
    y = grid_table(
        canvas, y, cols, rows, size=size - 0.5, header_size=size - 0.5, row_height=14,
        bottom=790, continued=continued, fill=rng.choice((PALE, None)),
    )  # fmt: skip
    if y > 600:
        canvas.new_page()
        y = continued() + 10
    y += 16

    # Totals.
    totals: list[tuple[str, str]] = []
    advance = ZERO
    if country == "BG":
        if vat:
            for g in groups:
                totals.append((f"Данъчна основа {g.rate} %:", style.amount(g.base)))
            if len(groups) > 1:
                totals.append(("Общо данъчна основа:", style.amount(subtotal)))
            for g in groups:
                totals.append((f"Начислен ДДС {g.rate} %:", style.amount(g.tax)))
            if len(groups) > 1:
                totals.append(("Общо ДДС:", style.amount(tax)))
        else:
            totals += [("Данъчна основа:", style.amount(subtotal)), ("ДДС:", style.amount(ZERO))]
        totals.append(("Сума за плащане:", style.amount(total)))
    else:
        if vat:
            for g in groups:
                totals.append((f"Основица за ПДВ {g.rate}%:", style.number(g.base)))
                totals.append((f"Износ ПДВ {g.rate}%:", style.number(g.tax)))
            totals.append(("Укупна основица:", style.number(subtotal)))
            totals.append(("Укупан ПДВ:", style.number(tax)))
            totals.append(("УКУПАН ИЗНОС:", style.amount(total)))
        else:
            totals.append(("Укупно:", style.amount(total)))
        if vat and rng.random() < 0.2:
            advance = money(total * Decimal(rng.choice(("0.3", "0.5"))))
            totals.append(("Примљени аванс:", style.number(advance)))
        totals.append(("УКУПНО ЗА УПЛАТУ:", style.amount(total - advance)))
    end = _money_rows(canvas, 470, right - 2, y, totals, size=size + 0.5, step=size + 5)
    canvas.line(330, end - size - 2 - (size + 5), right, end - size - 2 - (size + 5), width=0.8)

    # Beside and under the totals: words, bank, dates, notes.
    ny = y
    words = amount_in_words(currency, total - advance)
    word_label = "Словом:" if country == "BG" else "Словима:"
    ny = _paragraph(canvas, left, ny, [word_label, *words.split()], 250, size=size)
    ny += 6
    if country == "BG":
        notes = [f"Начин на плащане: {pay}"]
        if pay == "По банков път":
            notes += [f"IBAN: {_spaced(seller.account)}", f"BIC: {seller.bank_code}",
                      f"Банка: {seller.bank}"]  # fmt: skip
        if due_printed:
            notes.append(f"Срок за плащане: {dates.format(due)}")
        if currency == "EUR" and issue <= dt.date(2026, 8, 8):
            lev = money(total * BGN_PER_EUR)
            notes.append(f"Сума за плащане в лева: {MoneyStyle(' ', ',').number(lev)} лв.")
            notes.append("Фиксиран курс: 1 EUR = 1,95583 BGN")
        elif issue >= dt.date(2025, 8, 8) and currency == "BGN":
            eur = money(total / BGN_PER_EUR)
            notes.append(f"Сума за плащане в евро: {MoneyStyle(' ', ',').number(eur)} €")
        if not vat:
            notes.append("Основание за неначисляване на ДДС: чл. 113, ал. 9 от ЗДДС")
    else:
        notes = [f"Позив на број: 97 {rng.randint(10, 98)}-{number.replace('/', '-')}"]
        notes.append(f"Уплату извршити на текући рачун: {seller.account}")
        if not vat:
            notes.append("Обвезник није у систему ПДВ-а (чл. 33 Закона о ПДВ).")
        elif rng.random() < 0.5:
            notes.append("Рок за рекламације је 8 дана од дана пријема робе.")
        if issue.year >= 2023 and rng.random() < 0.6:
            notes.append(f"Рачун је послат преко система е-фактура (СЕФ), ID: {_digits(rng, 8)}")
    for note in notes:
        ny = _paragraph(canvas, left, ny, note.split(), 270, size=size - 0.5)
    y = max(end, ny) + 30
    if y > 760:
        canvas.new_page()
        y = continued() + 30
    if country == "BG":
        canvas.text(left, y, "Получил:", size=size)
        canvas.line(left + 45, y + 2, left + 180, y + 2)
        canvas.text(330, y, "Съставил:", size=size)
        canvas.line(380, y + 2, 515, y + 2)
        canvas.text(448, y + 12, seller.boss, size=size - 1, align="center")
        if rng.random() < 0.6:
            _signature(canvas, rng, 390, y, 100)
        if rng.random() < 0.7:
            footer = _wrap(canvas, BG_FOOTER.split(), right - left, 6.5)
            for i, row in enumerate(footer):
                canvas.text(left, 805 + i * 8, row, size=6.5, color=GREY)
    else:
        canvas.text(left, y, "Фактурисао:", size=size)
        canvas.line(left + 55, y + 2, left + 200, y + 2)
        canvas.text(left + 128, y + 12, seller.boss, size=size - 1, align="center")
        canvas.text(330, y, "Примио:", size=size)
        canvas.line(370, y + 2, 515, y + 2)
        canvas.text(290, y + 8, "М.П.", size=size)

    fields = truth_fields(
        number=number,
        issue=issue,
        due=due if due_printed else None,
        vendor=seller.name,
        total=total,
        subtotal=subtotal,
        tax=tax if vat or country == "BG" else None,
        currency=currency,
        lines=lines,
    )
    image: Scan = None
    if len(canvas.pages) == 1:
        image = choose(rng, [(7, None), (2, "jpg"), (1, "png")])
    return Rendered(
        fields, lang, "invoice", canvas.pdf(title=number), style, dates, quantities,
        MARKS[currency], image=image,
    )  # fmt: skip


# ----------------------------------------------------------------------------- family 4: receipts

SHOP_SIGNS = {
    "RU": ("Продукты у дома", "Магнолия", "Семейный", "Пятёрочка у дома", "Светофор-Экспресс"),
    "UA": ("Продукти", "Наш край", "Сільпо-Експрес", "Крамниця біля дому", "Копійка"),
    "KZ": ("Минимаркет Береке", "Magnum Express", "Дастархан", "Продукты 24", "Алтын"),
}


class _Till:
    """A receipt printer: monospaced rows between two margins, growing downwards."""

    def __init__(self, canvas: Canvas, size: float) -> None:
        self.canvas = canvas
        self.size = size
        self.left = 12.0
        self.right = RECEIPT_WIDTH - 12
        self.y = 26.0

    def row(self, text: str, *, bold: bool = False, grow: float = 0) -> None:
        self.y += self.size + 3 + grow
        fitted = _fit(self.canvas, text, self.right - self.left, self.size + grow, bold)
        self.canvas.text(self.left, self.y, text, size=fitted, bold=bold)

    def centred(self, text: str, *, bold: bool = False, grow: float = 0) -> None:
        self.y += self.size + 3 + grow
        fitted = _fit(self.canvas, text, self.right - self.left, self.size + grow, bold)
        middle = (self.left + self.right) / 2
        self.canvas.text(middle, self.y, text, size=fitted, bold=bold, align="center")

    def pair(self, label: str, value: str, *, bold: bool = False, grow: float = 0) -> None:
        self.y += self.size + 3 + grow
        self.canvas.text(self.left, self.y, label, size=self.size + grow, bold=bold)
        self.canvas.text(self.right, self.y, value, size=self.size + grow, bold=bold, align="right")

    def rule(self, char: str = "-") -> None:
        width = self.canvas.width_of(char, size=self.size)
        self.row(char * int((self.right - self.left) / width))


def _check(rng: random.Random) -> Rendered:
    country = choose(rng, [(5, "RU"), (3, "UA"), (2, "KZ")])
    issue = _issue_date(rng)
    currency = CURRENCY[country]
    seller = _party(rng, country, issue, seller=True)
    sign = rng.choice(SHOP_SIGNS[country])
    quote = "«»" if rng.random() < 0.5 else '""'
    shop = f"Магазин {quote[0]}{sign}{quote[1]}"
    pool = RECEIPT_ITEMS[country]
    picks = rng.sample(pool, rng.randint(1, min(9, len(pool))))
    lines: list[Line] = []
    rates: list[Decimal] = []
    for description, low, high, category in picks:
        unit_price = price(rng, low, high)
        if country == "KZ":
            unit_price = Decimal(int(unit_price))
        weighed = "ваг" in description or rng.random() < 0.08
        if weighed:
            amount = Decimal(rng.randint(150, 2400)) / 1000
        else:
            amount = Decimal(choose(rng, [(7, 1), (2, 2), (1, 3), (0.5, 4)]))
        lines.append(Line(description, amount, unit_price))
        rates.append(_rate(country, issue, category))
    vat = seller.vat_payer and not seller.person
    groups = _gross_groups(lines, rates) if vat else []
    total = sum((line.amount for line in lines), ZERO)
    tax = sum((g.tax for g in groups), ZERO) if len(groups) == 1 else None

    family = choose(rng, [(6, "cour"), (3, "helv"), (1, "noto")])
    canvas = Canvas(RECEIPT_WIDTH, 1400, family=family)
    till = _Till(canvas, 7.0 if family == "cour" else 7.5)
    if country == "RU":
        style = MoneyStyle("", ".")
        dates = DateStyle(rng.choice(("{dd}.{mm}.{yy}", "{dd}.{mm}.{yyyy}")))
    elif country == "UA":
        style = MoneyStyle("", rng.choice((".", ",")))
        dates = DateStyle("{dd}.{mm}.{yyyy}")
    else:
        style = MoneyStyle(" ", rng.choice((".", ",")))
        dates = DateStyle("{dd}.{mm}.{yyyy}")
    quantities = QuantityStyle(style.decimal)
    shift = rng.randint(1, 480)
    number = str(rng.randint(1, 320))
    clock = f"{rng.randint(8, 22):02d}:{rng.randint(0, 59):02d}"
    card = rng.random() < 0.55

    till.centred(seller.name, bold=True)
    if rng.random() < 0.7:
        till.centred(shop)
    for row in _wrap(canvas, seller.address().split(), till.right - till.left, till.size):
        till.centred(row)
    if country == "RU":
        till.centred(f"ИНН {seller.tax_id}")
        till.y += 4
        till.centred("КАССОВЫЙ ЧЕК", bold=True, grow=1)
        till.centred("ПРИХОД")
        till.pair(f"Смена № {shift}", f"Чек № {number}")
        till.pair(dates.format(issue), clock)
        till.row(f"Кассир: {_person(rng, country)[1]}")
        till.rule()
        ruble = rng.random() < 0.5
        if not ruble:
            till.pair("Наименование", "Сумма, руб.")
        for index, (line, rate) in enumerate(zip(lines, rates, strict=True), 1):
            till.row(f"{index}. {line.description}")
            calc = f"{quantities.number(line.quantity)} x {style.number(line.unit_price)}"
            till.pair(f"   {calc}", f"={style.number(line.amount)}")
            till.row(f"   НДС {rate}%" if vat else "   НДС не облагается", grow=-0.5)
        till.rule()
        tail = " ₽" if ruble else ""
        till.pair("ИТОГ", f"={style.number(total)}{tail}", bold=True, grow=2.5)
        if card:
            till.pair("БЕЗНАЛИЧНЫМИ", f"={style.number(total)}")
        else:
            cash = next(Decimal(n) for n in (100, 200, 500, 1000, 2000, 5000, 10**5) if n >= total)
            till.pair("НАЛИЧНЫМИ", f"={style.number(cash)}")
            till.pair("СДАЧА", f"={style.number(cash - total)}")
        for g in groups:
            till.pair(f"СУММА НДС {g.rate}%", f"={style.number(g.tax)}")
        if not vat:
            till.pair("СУММА БЕЗ НДС", f"={style.number(total)}")
        regime = "ОСН" if vat else rng.choice(("УСН доход", "УСН доход-расход", "ПСН"))
        till.row(f"СНО: {regime}")
        till.row(f"Место расчетов: {shop}")
        till.row(f"РН ККТ: {_digits(rng, 10)}0{rng.randint(10000, 99999)}")
        till.row(f"ЗН ККТ: 00{_digits(rng, 14)}")
        till.row(f"ФН: 99604403{_digits(rng, 8)}")
        till.pair(f"ФД: {rng.randint(1000, 99999)}", f"ФП: {_digits(rng, 10)}")
        till.row("Сайт ФНС: www.nalog.gov.ru")
    elif country == "UA":
        till.centred(f"ІД {seller.tax_id}")
        if vat:
            till.centred(f"ПН {seller.vat_id}")
        till.rule()
        for line in lines:
            till.row(line.description)
            letter = " А" if vat else ""
            calc = f"{quantities.number(line.quantity)} x {style.number(line.unit_price)}"
            till.pair(calc, f"{style.number(line.amount)}{letter}")
        till.rule()
        till.pair("СУМА", f"{style.number(total)} ГРН", bold=True, grow=2)
        for g in groups:
            till.pair(f"ПДВ А {g.rate}.00%", style.number(g.tax))
        if not vat:
            till.row("Без ПДВ")
        if card:
            till.pair("БЕЗГОТІВКОВА", style.number(total))
            till.row(f"КАРТКА: **** **** **** {_digits(rng, 4)}")
            till.row(f"КОД АВТ. {_digits(rng, 6)}  RRN {_digits(rng, 12)}")
        else:
            cash = next(Decimal(n) for n in (50, 100, 200, 500, 1000, 10**5) if n >= total)
            till.pair("ГОТІВКА", style.number(cash))
            till.pair("РЕШТА", style.number(cash - total))
        till.rule()
        till.pair(f"ЧЕК № {number}", f"Касир: {_person(rng, country)[1]}")
        till.row(f"ФН чека: {rng.randint(100000000, 999999999)}")
        till.row(f"ФН ПРРО: 4000{_digits(rng, 6)}")
        till.row(f"{dates.format(issue)} {clock}:{rng.randint(0, 59):02d}")
        till.centred("ФІСКАЛЬНИЙ ЧЕК", bold=True)
        till.centred(rng.choice(("ОНЛАЙН", "checkbox", "ПРРО")))
    else:
        till.centred(f"БИН {seller.tax_id}")
        till.y += 4
        till.centred("ФИСКАЛЬНЫЙ ЧЕК", bold=True, grow=1)
        till.centred("Продажа")
        till.pair(f"Смена № {shift}", f"Чек № {number}")
        till.row(f"Время: {dates.format(issue)} {clock}")
        till.row(f"Кассир: {_person(rng, country)[1]}")
        till.rule()
        for index, line in enumerate(lines, 1):
            till.row(f"{index}. {line.description}")
            calc = f"{quantities.number(line.quantity)} x {style.number(line.unit_price)}"
            till.pair(f"   {calc}", f"= {style.number(line.amount)}")
        till.rule()
        till.pair("ИТОГО:", f"{style.number(total)} ₸", bold=True, grow=2)
        if card:
            till.pair("Банковская карта:", style.number(total))
        else:
            cash = next(Decimal(n) for n in (1000, 2000, 5000, 10000, 20000, 10**7) if n >= total)
            till.pair("Наличные:", style.number(cash))
            till.pair("Сдача:", style.number(cash - total))
        for g in groups:
            till.pair(f"в т.ч. НДС {g.rate}%:", style.number(g.tax))
        if not vat:
            till.row("Без НДС")
        till.row(f"ФП: {_digits(rng, 10)}")
        till.pair(
            f"РНМ: {_digits(rng, 12)}", f"ЗНМ: {rng.choice(('SWK', 'WBR', 'KZ'))}{_digits(rng, 8)}"
        )
        till.row("Оператор фискальных данных:")
        till.row(rng.choice(("АО «Казахтелеком»", "ТОО «Транстелеком»", "АО «KazakhTelecom»")))
        till.row("Для проверки чека зайдите на сайт:")
        till.row("consumer.oofd.kz")
    till.y += 8
    _qr(canvas, rng, RECEIPT_WIDTH / 2 - 36, till.y, 72)
    till.y += 72
    till.centred(rng.choice(("СПАСИБО ЗА ПОКУПКУ!", "ДЯКУЄМО ЗА ПОКУПКУ!" if country == "UA"
                             else "Спасибо! Ждем Вас снова!")))  # fmt: skip
    canvas.height = till.y + 30

    fields = truth_fields(
        number=number,
        issue=issue,
        vendor=seller.name,
        total=total,
        subtotal=None,
        tax=tax,
        currency=currency,
        lines=lines,
    )
    image: Scan = choose(rng, [(4, None), (4, "jpg"), (2, "png")])
    lang = "uk" if country == "UA" else "ru"
    return Rendered(
        fields, lang, "receipt", canvas.pdf(title=number), style, dates, quantities,
        MARKS[currency], prices_include_tax=True, image=image,
    )  # fmt: skip


# ----------------------------------------------------------------------------- the document


def build(rng: random.Random) -> Rendered:
    family = choose(rng, [(4, "schet"), (2.5, "faktura"), (3, "balkan"), (2.5, "check")])
    if family == "schet":
        return _schet(rng)
    if family == "faktura":
        return _faktura(rng)
    if family == "balkan":
        return _balkan(rng)
    return _check(rng)
