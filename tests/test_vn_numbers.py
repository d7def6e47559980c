"""Vietnamese numbers: the vocabulary table entry by entry, the readers and their inverses."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vanban.extractors.extract.amounts.patterns import patterns
from vanban.extractors.extract.amounts.find import find_amounts, parse_amount
from vanban.extractors.extract.amounts.numbers import (
    DATA_PATH,
    NumberFormatError,
    format_figure,
    format_vnd,
    funding_key,
    number_to_words,
    parse_figure,
    parse_words,
    scale_value,
    vocabulary,
)


def _examples(section: str) -> list[tuple[str, str]]:
    """(entry, example) for every entry of a table section that gives an example."""
    raw = json.loads(DATA_PATH.read_text("utf-8"))[section]
    assert set(raw) == set(getattr(vocabulary(), section))
    return [(word, part.strip()) for word, entry in raw.items() for part in entry["example"].split(";")]


def _value_of(phrase: str) -> int:
    return parse_amount(phrase) if any(c.isdigit() for c in phrase) else parse_words(phrase)


# --- every entry of the table -----------------------------------------------------------------------


@pytest.mark.parametrize("word,example", _examples("number_words"))
def test_number_word_entry(word, example):
    phrase, value = example.split(" = ")
    assert word in phrase.lower().split()
    assert parse_words(phrase) == int(value)


@pytest.mark.parametrize("word,example", _examples("scale_words") + _examples("scale_abbreviations"))
def test_scale_entry(word, example):
    phrase, value = example.split(" = ")
    assert _value_of(phrase) == int(value)


@pytest.mark.parametrize("word,example", _examples("currency_words") + _examples("suffix_words"))
def test_currency_and_suffix_entry(word, example):
    found = find_amounts(example)
    assert len(found) == 1 and found[0].value_vnd > 0
    assert word in found[0].text.lower()


@pytest.mark.parametrize("word", sorted(vocabulary().not_money_after_dong))
def test_words_after_dong_that_are_not_money(word):
    assert find_amounts(f"Có 14 triệu đồng {word} tham gia.") == []
    # the same figure is money when nothing of the kind follows
    assert [a.value_vnd for a in find_amounts("Có 14 triệu đồng để tham gia.")] == [14_000_000]


@pytest.mark.parametrize("qualifier", sorted(vocabulary().approximate_qualifiers))
def test_approximate_qualifier_entry(qualifier):
    (found,) = find_amounts(f"Kinh phí {qualifier} 500 triệu đồng.")
    assert found.approx == qualifier and found.value_vnd == 500_000_000


@pytest.mark.parametrize("word", sorted(vocabulary().number_introducers))
def test_number_introducer_entry(word):
    assert patterns().introducer_before.search(f"Nội dung theo {word} ")
    assert patterns().introducer_before.search(f"Nội dung theo {word.upper()}: ")


@pytest.mark.parametrize("header", sorted(vocabulary().quantity_column_headers))
def test_quantity_column_header_entry(header):
    assert patterns().quantity_header.search(f"STT Nội dung {header.capitalize()} Kinh phí")
    assert not patterns().quantity_header.search(f"STT Nội dung {header.capitalize()}x Kinh phí")


@pytest.mark.parametrize(
    "key,spelling",
    [(key, s) for key, entry in vocabulary().funding_sources.items() for s in entry["spellings"]],
)
def test_funding_source_entry(key, spelling):
    assert funding_key(spelling) == key
    assert funding_key(f"- {spelling.upper()} năm 2023") == key


# --- figures in digits ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,value",
    [
        ("1.473.139", Decimal("1473139")),
        ("632.118", Decimal("632118")),
        ("1,5", Decimal("1.5")),
        ("1.260,500", Decimal("1260.5")),
        ("2.000.000,0", Decimal("2000000")),
        ("1500.000,0", Decimal("1500000")),  # misplaced first group
        ("1,473,139", Decimal("1473139")),  # English grouping
        ("2.5", Decimal("2.5")),  # decimal point (read before a scale word only)
        ("500", Decimal("500")),
    ],
)
def test_parse_figure(text, value):
    assert parse_figure(text) == value


@pytest.mark.parametrize("text", ["", "1..2", "1.2.3", "abc", "1,2,3"])
def test_parse_figure_rejects(text):
    with pytest.raises(NumberFormatError):
        parse_figure(text)


@pytest.mark.parametrize(
    "value,text",
    [(Decimal("1473139"), "1.473.139"), (Decimal("1260.5"), "1.260,5"), (Decimal("0"), "0"), (Decimal("999"), "999"), (Decimal("1000"), "1.000")],
)
def test_format_figure(value, text):
    assert format_figure(value) == text


@pytest.mark.parametrize(
    "word,value",
    [("triệu", 10**6), ("tỷ", 10**9), ("nghìn tỷ", 10**12), ("ngàn", 10**3), ("tr.", 10**6), ("", 1), (None, 1)],
)
def test_scale_value(word, value):
    assert scale_value(word) == value


# --- figures in words -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "words,value",
    [
        ("Năm trăm triệu đồng", 500_000_000),
        ("Một tỷ hai trăm triệu đồng chẵn", 1_200_000_000),
        ("hai nghìn sáu trăm mười lăm tỷ đồng", 2_615_000_000_000),
        ("hai nghìn tỷ đồng Việt Nam", 2_000_000_000_000),
        ("Chín mươi một tỷ bốn trăm tám mươi mốt triệu sáu trăm bốn mươi nghìn một trăm bốn mươi năm đồng", 91_481_640_145),
        ("năm mươi nghìn đồng", 50_000),
        ("một trăm linh năm", 105),
        ("hai mươi tư", 24),
        ("một nghìn không trăm năm mươi", 1050),
        ("tám (08) trăm ngàn", 800_000),  # a figure in brackets repeating the word
        ("hai triệu rưỡi", 2_500_000),
        ("một trăm rưỡi", 150),
        ("hai trăm năm", 250),  # spoken shortening of 'hai trăm năm mươi'
        ("MỘT TỶ ĐỒNG", 1_000_000_000),
    ],
)
def test_parse_words(words, value):
    assert parse_words(words) == value


@pytest.mark.parametrize("words", ["năm năm", "tư", "mươi", "mười mốt triệu", "triệu", "hai trăm ba trăm", "bảy ngày", ""])
def test_parse_words_rejects(words):
    with pytest.raises(NumberFormatError):
        parse_words(words)


@pytest.mark.parametrize(
    "value,words",
    [
        (0, "không"),
        (15, "mười lăm"),
        (21, "hai mươi mốt"),
        (24, "hai mươi tư"),
        (105, "một trăm linh năm"),
        (1050, "một nghìn không trăm năm mươi"),
        (1_200_000_000, "một tỷ hai trăm triệu"),
        (1_050_000_000, "một tỷ không trăm năm mươi triệu"),
        (2_615_000_000_000, "hai nghìn sáu trăm mười lăm tỷ"),
    ],
)
def test_number_to_words(value, words):
    assert number_to_words(value) == words


# --- the two ways round -------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**18))
def test_words_round_trip(n):
    assert parse_words(number_to_words(n)) == n


@settings(max_examples=300, deadline=None)
@given(st.decimals(min_value=0, max_value=10**15, places=3, allow_nan=False, allow_infinity=False))
def test_figure_round_trip(d):
    assert parse_figure(format_figure(d)) == d


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=10**16), st.sampled_from(["đồng", "nghìn đồng", "triệu đồng", "tỷ đồng", "VNĐ"]))
def test_vnd_round_trip(n, unit):
    """An integer of đồng printed the Vietnamese way, in any unit, reads back as itself."""
    assert parse_amount(format_vnd(n, unit)) == n
