"""Documents in other scripts (Cyrillic, Greek, Chinese, Japanese, Korean, Arabic, Hebrew), each
fault found on the first sight of such documents as a kind, on pages and words made in the test."""

from __future__ import annotations

import pymupdf
import pytest

from extraction.engine import run_engine
from extraction.engine.amount_labels import amount_role, is_payable, only_label_words
from extraction.engine.fields import _identifier, _is_title, _name_like, yen_currency
from extraction.engine.labels import compact
from extraction.engine.layout import Phrase, Token
from extraction.engine.ocr import RapidLine, line_words
from extraction.engine.parsers import Parsed, detect_currency, parse_date, parse_value
from extraction.engine.synonyms import is_legal_form_only, legal_form_words
from extraction.engine.textlayer import _ocr_reads, token_is_plausible
from extraction.engine.types import EngineInput, FieldResult, FieldType
from extraction.schemas import demo_engine_schemas

Placed = tuple[float, float, str, float]


def _fields(lines: list[Placed], font: pymupdf.Font) -> dict[str, FieldResult]:
    """Fields of the shipped invoice case type read from a one-page PDF written in `font`
    (`lines` as x, y, text, size)."""
    document = pymupdf.open()
    page = document.new_page(width=595, height=842)
    writer = pymupdf.TextWriter(page.rect)
    for x, y, text, size in lines:
        writer.append((x, y), text, font, size)
    writer.write_text(page)
    schema = demo_engine_schemas()["invoice"]
    result = run_engine(EngineInput(document.tobytes(), "x.pdf", (schema,)))
    return {f.key: f for f in result.documents[0].fields}


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Итого", "total_amount"),
        ("Всего к оплате", "total_amount"),
        ("Итого без НДС", "subtotal_amount"),
        ("В том числе НДС", "tax_amount"),
        ("Сумма НДС", "tax_amount"),
        ("Разом з ПДВ", "total_amount"),
        ("Разом без ПДВ", "subtotal_amount"),
        ("Данъчна основа", "subtotal_amount"),
        ("ДДС 20%", "tax_amount"),
        ("Сума за плащане", "total_amount"),
        ("Укупно за уплату", "total_amount"),
        ("СДАЧА", "other"),
        ("Скидка", "other"),
        ("с 01.01 по 31.01", None),  # `с` is `with` only beside a tax word: here a period
        # Greek summary amounts stay unknown: the column heads of a Greek VAT table
        # (`ΚΑΘΑΡΗ ΑΞΙΑ | ΑΞΙΑ ΦΠΑ | ΣΥΝΟΛΟ`) would read one rate's row as the totals
        ("Σύνολο", None),
        ("ΦΠΑ 24%", None),
        ("Έκπτωση", "other"),
        ("价税合计", "total_amount"),
        ("合计", "total_amount"),
        ("小計", "subtotal_amount"),
        ("消費税", "tax_amount"),
        ("税込合計", "total_amount"),
        ("お預り", "other"),
        ("공급가액", "subtotal_amount"),
        ("세액", "tax_amount"),
        ("합계금액", "total_amount"),
        ("الإجمالي شامل ضريبة القيمة المضافة", "total_amount"),
        ("الإجمالي غير شامل ضريبة القيمة المضافة", "subtotal_amount"),
        ("ضريبة القيمة المضافة 15%", "tax_amount"),
        ('סה"כ לתשלום', "total_amount"),
        ('סה"כ לפני מע"מ', "subtotal_amount"),
        ('מע"מ 17%', "tax_amount"),
        # the Latin labels read as they did
        ("Total incl. VAT", "total_amount"),
        ("Net Total", "subtotal_amount"),
        ("Total TVA", "tax_amount"),
    ],
)
def test_amount_labels_in_other_scripts_are_read_by_their_words(label, role):
    assert amount_role(label) == role


def test_what_is_to_be_paid_is_payable_in_other_scripts():
    assert is_payable("Всего к оплате")
    assert is_payable("ご請求金額")
    assert not is_payable("Итого")


def test_labels_compare_in_every_script_and_layout_signatures_stay_latin():
    assert compact("Счёт № 12") == "счетno12"
    assert compact("ﺍﻟﻤﺠﻤﻮﻉ") == compact("المجموع") == "المجموع"
    assert compact("合計：") == "合計"
    assert compact("Rechnungs-Nr.") == "rechnungsnr"
    # the form stored layout signatures were computed in is unchanged: Latin letters only
    assert compact("Счёт № 12", fold=False) == "o12"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2025年8月12日", "2025-08-12"),
        ("令和7年8月12日", "2025-08-12"),
        ("令和元年5月1日", "2019-05-01"),
        ("平成31年4月30日", "2019-04-30"),
        ("民國114年8月12日", "2025-08-12"),
        ("114年08月12日", "2025-08-12"),  # a three-digit year is Taiwan's (ROC)
        ("2025년 08월 12일", "2025-08-12"),
        ("«12» августа 2025 г.", "2025-08-12"),
        ("6 марта 2024 г", "2024-03-06"),
        ("16 травня 2026", "2026-05-16"),
        ("10 јун 2023", "2023-06-10"),
        ("5 Μαρτίου 2024", "2024-03-05"),
    ],
)
def test_dates_in_other_scripts_and_eras_are_read(text, iso):
    parsed = parse_date(text)
    assert parsed is not None
    assert parsed.value == iso


def test_a_two_digit_year_without_an_era_is_no_date():
    assert parse_date("25年8月12日") is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("859.14 ГРН", "UAH"),
        ("601.293,60 дин.", "RSD"),
        ("1 234,56 руб.", "RUB"),
        ("Итого: 5 213,95 лв.", "BGN"),
        ("12,904,655.90 ₸", "KZT"),
        ("12,345円", "JPY"),
        ("NT$1,200", "TWD"),
        ("850,300원", "KRW"),
        ("1,150.00 ر.س", "SAR"),
        ('1,170.00 ש"ח', "ILS"),
        ("회원 번호 12345", None),  # `원` ends the word `회원` (member)
        ("회원 12345", None),  # `원` is written after its amount, never before
        ("美元 1,200.00", "USD"),  # dollars, not renminbi: `美元` ends in `元`
        ("欧元 500", "EUR"),
        ("Amount$12.50", "USD"),  # no `NT$`: the `nt` ends a word
        ("AMOUNT$12.50", "USD"),
        ("TotalR$ 1.234,56", "BRL"),  # a capital prefix glued to a word still names its dollar
        ("令和元年5月1日", None),  # `元` of the era's first year is no currency
    ],
)
def test_currencies_of_other_scripts_are_named(text, code):
    assert detect_currency(text) == code


@pytest.mark.parametrize(
    ("page", "code"),
    [
        ("請求書 お支払期限 合計 ¥12,345", "JPY"),  # kana on the page: Japan
        ("請求書 合計 ¥12,345", None),  # kanji alone: Japanese or traditional Chinese
        ("增值税电子普通发票 价税合计 ¥12345.67", "CNY"),  # simplified Chinese: China
        ("電子發票證明聯 總計 100元 統一編號 12345678", "TWD"),
        ("Total ¥12,345", None),  # an English page does not say which
        ("Kyoto Ceramics KK  Fine bone china tea set  Total ¥48,000", None),
    ],
)
def test_the_page_decides_which_currency_a_bare_yen_sign_means(page, code):
    assert yen_currency(page) == code


def test_a_chinese_invoices_yen_sign_is_renminbi_not_yen():
    fields = _fields(
        [
            (200, 60, "电子发票（普通发票）", 16),
            (50, 120, "销售方名称：深圳市瑞丰商贸股份有限公司", 10),
            (50, 400, "合 计", 10),
            (300, 400, "¥2352.40", 10),
            (400, 400, "¥141.14", 10),
            (50, 430, "价税合计（小写）", 10),
            (300, 430, "¥2493.54", 10),
        ],
        pymupdf.Font("cjk"),
    )
    assert fields["currency"].value == "CNY"
    assert fields["total_amount"].value == "2493.54"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("ФАКТУРА", True),
        ("Счет на оплату № 1014 от 6 марта 2024 г.", True),
        ("Рахунок-фактура № 7 від 1 травня 2021", True),
        ("請求書", True),
        ("深圳增值税专 用发票", True),  # a province before the title, spaced by the layer
        ("電子 發票證 明聯", True),
        ("전자세금계산서", True),
        ("فاتورة ضريبية", True),
        ("חשבונית מס", True),
        ("ТОВ «Техноком»", False),
        ("東和商事株式会社", False),
        ("ACME GmbH", False),
    ],
)
def test_document_titles_in_other_scripts_are_titles(text, title):
    assert _is_title(text) is title


def test_a_cyrillic_title_is_not_the_vendor_and_its_line_gives_number_and_date():
    fields = _fields(
        [
            (50, 60, "Счет на оплату № 1014 от 6 марта 2024 г.", 14),
            (50, 100, "Поставщик:", 10),
            (130, 100, "ООО «Ромашка», ИНН 7701234567", 10),
            (50, 120, "Покупатель:", 10),
            (130, 120, "АО «Вектор»", 10),
            (300, 400, "Итого:", 10),
            (450, 400, "1 000,00", 10),
            (300, 415, "В том числе НДС:", 10),
            (450, 415, "166,67", 10),
            (300, 430, "Всего к оплате:", 10),
            (450, 430, "1 000,00", 10),
        ],
        pymupdf.Font("helv"),
    )
    assert fields["invoice_number"].value == "1014"
    assert fields["invoice_date"].value == "2024-03-06"
    assert fields["vendor_name"].value == "ООО «Ромашка»"  # its tax number is no part of it
    assert fields["total_amount"].value == "1000.00"
    assert fields["tax_amount"].value == "166.67"


def test_a_japanese_invoices_addressee_is_not_its_vendor():
    fields = _fields(
        [
            (250, 50, "請求書", 18),
            (50, 100, "株式会社朝日仕出し 御中", 14),
            (350, 130, "東和商事株式会社", 10),
            (350, 145, "発行日 2020年8月25日", 10),
            (300, 400, "小計", 10),
            (450, 400, "¥38,200", 10),
            (300, 415, "消費税", 10),
            (450, 415, "¥3,820", 10),
            (300, 430, "合計", 10),
            (450, 430, "¥42,020", 10),
        ],
        pymupdf.Font("cjk"),
    )
    assert fields["vendor_name"].value == "東和商事株式会社"  # not the addressee `... 御中`
    assert fields["invoice_date"].value == "2020-08-25"
    assert (fields["subtotal_amount"].value, fields["tax_amount"].value) == ("38200.00", "3820.00")
    assert (fields["total_amount"].value, fields["currency"].value) == ("42020.00", "JPY")


def test_a_clock_time_is_no_document_number():
    assert _identifier("19:30") is None
    assert _identifier("23:59:01") is None
    assert _identifier("2024-0042") is not None


def test_numbers_with_units_are_plausible_words_in_any_script():
    assert token_is_plausible("3кг")
    assert token_is_plausible("10шт")
    assert token_is_plausible("5個")
    assert token_is_plausible("АБ123")


def test_a_text_layer_in_a_script_ocr_cannot_read_is_not_checked_against_ocr():
    assert _ocr_reads("Invoice 2024")
    assert _ocr_reads("請求書")
    assert _ocr_reads("Τιμολόγιο")
    assert _ocr_reads("Nº factura 12 µm")  # º and µ are no script
    assert not _ocr_reads("КАССОВЫЙ ЧЕК")
    assert not _ocr_reads("חשבונית מס")
    assert not _ocr_reads("فاتورة")


def test_text_values_keep_what_was_printed_but_the_layers_ligatures_and_shapes():
    def text(value: str) -> object:
        parsed = parse_value(FieldType.TEXT, value)
        return parsed.value if parsed else None

    assert text("ボールペン 0.5mm（10本入）") == "ボールペン 0.5mm（10本入）"
    assert text("ＡＢＣ商事") == "ＡＢＣ商事"
    assert text("Proﬁt GmbH") == "Profit GmbH"
    assert text("ﻓﺎﺗﻮﺭﺓ") == "فاتورة"


def test_a_phrase_of_right_to_left_words_reads_right_to_left():
    def token(text: str, left: float) -> Token:
        return Token(text, (left, 0, left + 30, 10), 100.0, 1)

    hebrew = Phrase((token("עסקי", 0), token("ייעוץ", 40), token("יעל", 80)), 1, 0)
    assert hebrew.text == "יעל ייעוץ עסקי"
    mixed = Phrase((token("Tax", 0), token("Invoice", 40), token("فاتورة", 80)), 1, 0)
    assert mixed.text == "Tax Invoice فاتورة"


def test_legal_forms_of_other_scripts_are_legal_forms_also_glued_to_the_name():
    assert legal_form_words("東和商事株式会社") == 1
    assert legal_form_words("태양로지스(주)") == 1
    assert legal_form_words("ООО «Ромашка»") == 1
    assert legal_form_words("ACME GmbH") == 1
    assert is_legal_form_only("株式会社")
    assert not is_legal_form_only("東和商事株式会社")


def test_the_seller_of_a_chinese_e_invoice_is_beside_its_vertical_heading_not_the_buyer():
    lines: list[Placed] = [(250, 30, "电子发票（普通发票）", 16)]
    for index, (buyer, seller) in enumerate(zip("购买方信息", "销售方信息", strict=True)):
        lines += [(34, 90 + 12 * index, buyer, 10), (348, 90 + 12 * index, seller, 10)]
    lines += [
        (60, 102, "名称：上海东方餐饮管理有限公司", 9),
        (374, 102, "名称：深圳市瑞丰商贸股份有限公司", 9),
        (34, 400, "价税合计（小写）", 10),
        (300, 400, "¥2493.54", 10),
    ]
    fields = _fields(lines, pymupdf.Font("cjk"))
    assert fields["vendor_name"].value == "深圳市瑞丰商贸股份有限公司"


def test_the_values_beside_a_buyer_blocks_labels_are_the_buyers():
    fields = _fields(
        [
            (40, 40, "Марко Петровић ПР Агенција Електро Монтажа Ниш", 10),
            (470, 40, "ФАКТУРА", 16),
            (295, 160, "Купац", 10),
            (295, 173, "Назив:", 10),
            (357, 173, "Србија Трејд д.о.о.", 10),
            (295, 185, "Адреса:", 10),
            (357, 185, "Булевар ослобођења 32, Суботица", 10),
            (40, 800, "Уплату извршити на текући рачун: 160-32392544-51", 10),
        ],
        pymupdf.Font("helv"),
    )
    assert fields["vendor_name"].value != "Србија Трејд д.о.о."


def test_a_label_ends_at_a_full_width_colon():
    fields = _fields(
        [(250, 50, "請求書", 18), (350, 145, "発行日：2021年1月21日", 10)], pymupdf.Font("cjk")
    )
    assert fields["invoice_date"].value == "2021-01-21"


def test_words_of_scripts_without_spaces_are_plausible_with_their_digits_and_punctuation():
    assert token_is_plausible("発行日：2021年1月21日")
    assert token_is_plausible("电子发票（普通发票）")
    assert not token_is_plausible("aBcDeF")


def test_ocr_word_boundaries_never_cut_between_chinese_or_japanese_characters():
    text = "名称:成都恒通物流 Ltd"
    line = RapidLine(
        text,
        (0, 0, 10 * len(text), 10),
        0.99,
        tuple((10.0 * i, 10.0 * i + 9) for i in range(len(text))),
        tuple(0.99 for _ in text),
    )
    # Tesseract, reading Han as Latin, put boundaries inside the name; a Latin one still cuts
    words = line_words(line, {5, 7, 11})
    assert [w.text for w in words] == ["名称:成都恒通物流", "L", "td"]


@pytest.mark.parametrize(
    ("text", "value", "exact"),
    [
        ("24 887-04", "24887.04", True),
        ("481-00", "481.00", True),
        ("29 864-45 руб.", "29864.45", True),
        ("2022-08", "2022.00", False),  # a year and month, not 2022 roubles 8 kopecks
        ("10-15", "10.00", False),  # a range
        ("2023-24", "2023.00", False),  # an Indian financial year
        ("100234-01", "100234.00", False),  # an order and its line
    ],
)
def test_roubles_and_kopecks_after_a_hyphen_are_one_amount(text, value, exact):
    parsed = parse_value(FieldType.MONEY, text)
    assert parsed is not None
    assert (parsed.value, parsed.exact) == (value, exact)


def test_a_name_label_left_alone_is_no_name():
    assert _name_like(Parsed("Name"), "name") is None
    assert _name_like(Parsed("Наименование"), "name") is None
    assert _name_like(Parsed("Name & Co. GmbH"), "name") is not None


def test_a_name_in_slashes_beside_a_signature_line_is_no_party():
    assert _name_like(Parsed("/Иванов И. А./"), "name") is None
    assert _name_like(Parsed("____ /Ivanov I./"), "name") is None


def test_the_rest_of_a_label_in_parentheses_is_no_name():
    assert _name_like(Parsed("(Исполнитель)"), "name") is None
    assert _name_like(Parsed("(Acme) Trading Company"), "name") is not None


def test_a_thai_word_beside_a_latin_amount_label_leaves_it_a_label():
    assert only_label_words("Total ยอดรวม")


def test_only_the_value_after_a_buyer_label_is_the_buyers_not_the_letterhead_beside_it():
    fields = _fields(
        [
            (50, 100, "Customer", 10),
            (50, 115, "Name:", 10),
            (110, 115, "Northwind Traders Inc", 10),
            (380, 115, "Contoso Supplies Ltd", 16),
            (50, 130, "Address:", 10),
            (110, 130, "1 Main St, Springfield", 10),
            (50, 800, "Thank you for your business", 10),
        ],
        pymupdf.Font("helv"),
    )
    assert fields["vendor_name"].value == "Contoso Supplies Ltd"


def test_an_amount_before_its_yuan_or_won_mark_names_its_currency():
    assert parse_value(FieldType.MONEY, "1234元") == Parsed("1234.00", currency="CNY")
    money = parse_value(FieldType.MONEY, "12,345원")
    assert money is not None
    assert money.currency == "KRW"


def test_only_a_registration_number_is_cut_from_a_name_and_never_from_an_address():
    cut = _name_like(Parsed("ACME Ltd, NIP 1234567890"), "name")
    assert cut is not None
    assert (cut.value, cut.exact) == ("ACME Ltd", False)
    kept = _name_like(Parsed("Smith, Unit 123456"), "name")
    assert kept is not None
    assert kept.value == "Smith, Unit 123456"
    address = _name_like(Parsed("350 Fifth Avenue, New York, NY 10118-0110"), "address")
    assert address is not None
    assert address.value == "350 Fifth Avenue, New York, NY 10118-0110"
