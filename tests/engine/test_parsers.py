"""Typed parsers: dates, money, numbers, emails, phones, IBANs, booleans, enums."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from extraction.engine.parsers import (
    Parsed,
    date_order_hint,
    detect_currency,
    iban_is_valid,
    join_split_group,
    normalise_expected,
    parse_boolean,
    parse_date,
    parse_email,
    parse_enum,
    parse_iban,
    parse_money,
    parse_number,
    parse_phone,
    parse_value,
)


def test_money_parser_reads_german_decimal_comma():
    parsed = parse_money("1.234,56 €")
    assert parsed is not None
    assert parsed.value == "1234.56"
    assert parsed.currency == "EUR"


def test_money_parser_reads_english_thousands_comma():
    parsed = parse_money("$1,234.56")
    assert parsed is not None
    assert (parsed.value, parsed.currency) == ("1234.56", "USD")


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("£ 10.00", "GBP"),
        ("Rs 1939", "INR"),
        ("Rupees 1,01,044.00", "INR"),
        ("₹319.00", "INR"),
        ("CHF 12.50", "CHF"),
        ("EUR 49,99", "EUR"),
        ("12.00 USD", "USD"),
    ],
)
def test_money_parser_maps_currency_symbols_and_codes_to_iso_4217(text, currency):
    parsed = parse_money(text)
    assert parsed is not None
    assert parsed.currency == currency


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [("Rs. 56,988.00", "56988.00", "INR"), ("Fr. 1'234.50", "1234.50", "CHF")],
)
def test_a_currency_abbreviation_with_its_full_stop_reads_exactly(text, value, currency):
    assert parse_money(text) == Parsed(value, exact=True, currency=currency)


@pytest.mark.parametrize(
    ("text", "value"),
    [("1,01,044.00", "101044.00"), ("₹ 12,34,567.50", "1234567.50"), ("1,50,000", "150000.00")],
)
def test_money_parser_reads_indian_digit_grouping(text, value):
    parsed = parse_money(text)
    assert parsed is not None
    assert (parsed.value, parsed.exact) == (value, True)


def test_money_parser_uses_document_convention_for_three_decimals():
    assert parse_money("1.500", decimal_comma=True).value == "1500.00"
    assert parse_money("1,500", decimal_comma=False).value == "1500.00"


def test_money_parser_rejects_sentences():
    assert parse_money("ON August 3 , 2014 and more words here") is None


def test_money_parser_keeps_negative_amounts():
    assert parse_money("€ -9,32").value == "-9.32"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("August 3, 2014", "2014-08-03"),
        ("7. Mai 2014", "2014-05-07"),
        ("19 april 2014", "2014-04-19"),
        ("02 Juillet 2015", "2015-07-02"),
        ("29 maart 2014", "2014-03-29"),
        ("5 de enero de 2023", "2023-01-05"),
        ("2022-11-28", "2022-11-28"),
        ("28/11/2022", "2022-11-28"),
        ("Jan 31, 2022", "2022-01-31"),
        ("8-9-2022", "2022-09-08"),
        ("14.03.24", "2024-03-14"),
    ],
)
def test_date_parser_reads_numeric_and_month_name_dates(text, expected):
    parsed = parse_date(text)
    assert parsed is not None
    assert parsed.value == expected


def test_date_parser_marks_ambiguous_day_month_and_follows_order():
    assert parse_date("03/04/2020", "MDY").value == "2020-03-04"
    dmy = parse_date("03/04/2020", "DMY")
    assert dmy.value == "2020-04-03"
    assert dmy.ambiguous_order is True


def test_date_order_hint_comes_from_unambiguous_dates():
    assert date_order_hint("Date 12/20/2020, shipped 01/02/2021") == "MDY"
    assert date_order_hint("Datum 20.12.2020") == "DMY"
    assert date_order_hint("no dates") is None


def test_date_parser_rejects_impossible_dates():
    assert parse_date("31/02/2020") is None


def test_number_parser_normalises_decimals():
    assert parse_number("20").value == "20"
    assert parse_number("1.000,5").value == "1000.5"


def test_email_parser_finds_address_in_text():
    assert parse_email("Mail: Accounts@HeroLimited.com").value == "accounts@herolimited.com"


def test_phone_parser_accepts_grouped_numbers_and_rejects_dates():
    assert parse_phone("555-348-6512").value == "555-348-6512"
    assert parse_phone("+49 6051 916 44 10").value == "+49 6051 916 44 10"
    assert parse_phone("12.03.2020") is None
    assert parse_phone("12") is None


@pytest.mark.parametrize(
    "iban",
    [
        "DE89370400440532013000",
        "GB82WEST12345698765432",
        "NL91ABNA0417164300",
        "FR1420041010050500013M02606",
        "CH9300762011623852957",
    ],
)
def test_iban_is_valid_accepts_valid_ibans(iban):
    assert iban_is_valid(iban)


def test_iban_is_valid_accepts_printed_grouping_and_lower_case():
    assert iban_is_valid("DE89 3704 0044 0532 0130 00")
    assert iban_is_valid("  gb82 west 1234 5698 7654 32 ")
    assert iban_is_valid("DE89\t3704\n0044 0532 0130 00")


@pytest.mark.parametrize(
    "iban",
    [
        "DE89 3704 0044 0532 0130 01",  # last digit changed: mod 97 fails
        "DE88 3704 0044 0532 0130 00",  # check digits changed
        "DE00 1234 5678 9012 3456 78",
        "GB82 WEST 1234 5698 7654 23",  # two digits swapped
    ],
)
def test_iban_is_valid_rejects_a_wrong_checksum(iban):
    assert not iban_is_valid(iban)


def test_iban_is_valid_rejects_wrong_length_for_the_country_and_unknown_countries():
    assert not iban_is_valid("DE8937040044053201300")  # a German IBAN has 22 characters
    assert not iban_is_valid("XX82WEST12345698765432")
    assert not iban_is_valid("")


def test_iban_parser_finds_the_iban_in_text_and_compacts_it():
    assert parse_iban("IBAN: DE89 3704 0044 0532 0130 00").value == "DE89370400440532013000"
    lower = parse_iban("iban gb82 west 1234 5698 7654 32, BIC WESTGB22")
    assert lower is not None
    assert lower.value == "GB82WEST12345698765432"
    unspaced = parse_iban("IBAN: DE89370400440532013000")
    assert unspaced is not None
    assert unspaced.value == "DE89370400440532013000"


def test_iban_parser_rejects_a_wrong_checksum():
    assert parse_iban("IBAN DE00 1234 5678 9012 3456 78") is None
    assert parse_iban("IBAN: DE89 3704 0044 0532 0130 01") is None


def test_boolean_parser_reads_several_languages():
    assert parse_boolean("Ja").value is True
    assert parse_boolean("non").value is False
    assert parse_boolean("maybe") is None


def test_enum_parser_needs_exactly_one_choice():
    assert parse_enum("Paid by card", ("card", "cash")).value == "card"
    assert parse_enum("card or cash", ("card", "cash")) is None


def test_parse_value_applies_pattern_group():
    parsed = parse_value("text", "Ref: AB-123 (copy)", pattern=r"([A-Z]{2}-\d+)")
    assert parsed.value == "AB-123"
    assert parse_value("text", "nothing", pattern=r"\d+") is None


def test_detect_currency_needs_one_kind():
    assert detect_currency("Total € 5") == "EUR"
    assert detect_currency("€ 5 or $ 6") is None


def test_normalise_expected_compares_by_type():
    assert normalise_expected("money", "4.10") == Decimal("4.1")
    assert normalise_expected("date", "2020-01-02") == date(2020, 1, 2)
    assert normalise_expected("text", "  Hero   LIMITED ") == "hero limited"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("(150.00)", "-150.00"),
        ("150.00 CR", "-150.00"),
        ("125.00-", "-125.00"),
        ("125,00- €", "-125.00"),
        ("-£125.00", "-125.00"),
        ("£-125.00", "-125.00"),
        ("- €2.00", "-2.00"),
        ("−12,00 €", "-12.00"),
        ("EUR -5,00", "-5.00"),
        ("125.00", "125.00"),
        ("12.00 - 3.00", "12.00"),
    ],
)
def test_money_parser_keeps_the_sign_in_every_accounting_notation(text, value):
    parsed = parse_money(text)
    assert parsed is not None
    assert parsed.value == value


def test_values_are_read_from_the_nfkc_form_of_the_printed_text():
    assert parse_value("text", "Oﬃce ﬁttings").value == "Office fittings"
    assert parse_value("money", "１２,５０ €", decimal_comma=True).value == "12.50"


@pytest.mark.parametrize(
    ("text", "currency"),
    [("RM 12.50", "MYR"), ("S$ 4.00", "SGD"), ("12,00 zł", "PLN"), ("CHF 3.20", "CHF")],
)
def test_local_currency_symbols_map_to_iso_4217(text, currency):
    assert parse_money(text).currency == currency


def test_a_currency_code_inside_an_item_name_is_not_a_currency():
    assert detect_currency("BALL PEN") is None
    assert detect_currency("BALL PEN 2.50") is None
    assert detect_currency("PEN 45.00") == "PEN"
    assert detect_currency("the rm command") is None


def test_dotted_dates_are_day_first_and_not_ambiguous():
    parsed = parse_date("03.04.2020", "MDY")
    assert parsed.value == "2020-04-03"
    assert not parsed.ambiguous_order
    assert date_order_hint("Lieferdatum 03.04.2020") == "DMY"


def test_a_slashed_date_with_both_parts_under_13_is_marked_ambiguous():
    parsed = parse_date("03/04/2020", "MDY")
    assert parsed.value == "2020-03-04"
    assert parsed.ambiguous_order
    assert not parse_date("13/04/2020", "MDY").ambiguous_order


def test_a_currency_word_after_a_multi_word_amount_label_counts():
    assert detect_currency("ZU ZAHLEN EURO") == "EUR"
    assert detect_currency("EURO BISCUIT 2.00") is None


@pytest.mark.parametrize(
    ("text", "money", "number"),
    [("12,9900", "12.99", "12.99"), ("445,2500", "445.25", "445.25"), ("0.0125", "0.01", "0.0125")],
)
def test_prices_and_quantities_printed_to_four_decimals_keep_their_decimals(text, money, number):
    # Four digits after a separator are never a group of thousands (Brazilian DANFE prices).
    read_money, read_number = parse_money(text), parse_number(text)
    assert read_money is not None
    assert read_money.value == money
    assert read_number is not None
    assert read_number.value == number


def test_an_amount_rounded_to_cents_is_not_read_exactly():
    exact, rounded = parse_money("12,9900"), parse_money("12,9950")
    assert exact is not None
    assert exact.exact
    assert rounded is not None
    assert rounded.value == "13.00"
    assert not rounded.exact


@pytest.mark.parametrize(
    ("text", "currency"),
    [("16.055,82 TL", "TRY"), ("Deska OSB 3 tl. 18 mm", None), ("Router TL-WR841N 2", None)],
)
def test_tl_is_the_lira_only_in_capitals_as_a_word_of_its_own(text, currency):
    assert detect_currency(text) == currency


def test_a_month_and_year_beside_an_amount_is_not_read_as_a_four_decimal_amount():
    parsed = parse_money("03.2024 119,00 €")
    assert parsed is None or parsed.value == "119.00"


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("£37,3 96.61", ("£37,396.61", True)),
        ("EUR 37.3 96,61", ("EUR 37.396,61", True)),
        ("1,234,5 67.89", ("1,234,567.89", True)),
        ("2.5 10.00", ("2.5 10.00", False)),  # hours and a rate: one separator, two numbers
        ("1,5 12.00", ("1,5 12.00", False)),  # a quantity and a price: no mark, no whole group
        ("0,5 10.00", ("0,5 10.00", False)),
        ("3,1 4.15", ("3,1 4.15", False)),  # the pieces make no group of three
        ("1 234,56", ("1 234,56", False)),
    ],
)
def test_an_amount_ocr_cut_inside_a_group_of_thousands_is_joined(text, joined):
    assert join_split_group(text) == joined


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("13/01/2566 13:30", "2023-01-13"),
        ("13 Jan 2566", "2023-01-13"),
        ("12 Agustus 2025", "2025-08-12"),
        ("5 Ogos 2024", "2024-08-05"),
        ("3 Desember 2023", "2023-12-03"),
    ],
)
def test_buddhist_era_years_and_indonesian_and_malay_months_are_read(text, value):
    parsed = parse_date(text)
    assert parsed is not None
    assert parsed.value == value


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("KSh 1,234.00", "KES"),
        ("Kshs 500", "KES"),
        ("GH₵ 1,000.00", "GHS"),
        ("GH¢ 20.00", "GHS"),
        ("Total (THB)", "THB"),
        ("1,500.00 naira", "NGN"),
        ("GHS 5.00", "GHS"),
        # names that are also ordinary words or other codes count only beside a number
        ("Tischplatte Eiche, Rand gefast", None),
        ("Rand Worldwide Inc", None),
        ("GHS hazard labels", None),
    ],
)
def test_african_and_south_east_asian_currencies_are_recognised(text, currency):
    assert detect_currency(text) == currency


def test_a_product_code_with_a_malay_looking_word_is_no_date():
    assert parse_date("2 MAC 15ml") is None


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("Rp310.000", "310000.00", "IDR"),
        ("RM12.50", "12.50", "MYR"),
        ("USD1,200.00", "1200.00", "USD"),
        ("KSh1,234.00", "1234.00", "KES"),
    ],
)
def test_a_currency_printed_against_its_amount_is_read_with_it(text, value, currency):
    parsed = parse_money(text)
    assert parsed is not None
    assert (parsed.value, parsed.currency) == (value, currency)


def test_an_identifier_with_letters_before_its_digits_is_no_amount():
    assert parse_money("INV2024") is None


@pytest.mark.parametrize(
    "text", ["Ngày 28 tháng 04 năm 2024", "Ngày (Date) 28 tháng (month) 04 năm (year) 2024"]
)
def test_a_vietnamese_date_in_words_is_read(text):
    parsed = parse_date(text)
    assert parsed is not None
    assert parsed.value == "2024-04-28"


@pytest.mark.parametrize("text", ["EUR2024", "EUR2024-17", "PEN100", "USD1 Cable"])
def test_a_currency_code_before_digits_without_an_amounts_separator_is_no_amount(text):
    assert parse_money(text) is None
