"""Every entry of the vocabulary of models/ (abbreviations.json, doc_types.json,
citation_symbols.json) does what it says where it says it applies."""
from __future__ import annotations

import pytest

from vanban import models
from vanban.evaluate import name_key
from vanban.extractors.common import vocabulary
from vanban.extractors.extract import doc_types
from vanban.extractors.extract.agencies.lexicon import agency_key
from vanban.extractors.extract.agencies.lexicon import expand_abbreviations as agency_display
from vanban.extractors.extract.header import expand_abbreviations as header_issuer
from vanban.extractors.extract.header import symbol_parts
from vanban.extractors.extract.references.find import Place, _complete
from vanban.extractors.extract.references.patterns import parse_number

from .test_agencies import _build_script

ENTRIES = vocabulary.abbreviation_entries()


def _cases(where):
    return [(e["abbreviation"], e["expansion"]) for e in ENTRIES if where in e["applies"]]


def test_entries_are_well_formed():
    seen = set()
    for e in ENTRIES:
        assert set(e) == {"abbreviation", "expansion", "applies"}
        assert e["applies"] and set(e["applies"]) <= set(vocabulary.PLACES)
        for where in e["applies"]:
            # one expansion per abbreviation and place
            assert (e["abbreviation"], where) not in seen, (e, where)
            seen.add((e["abbreviation"], where))


@pytest.mark.parametrize("abbr, expansion", _cases("header_issuer"))
def test_header_issuer_abbreviation(abbr, expansion):
    assert header_issuer(f"{abbr} tỉnh Nghệ An") == f"{expansion} tỉnh Nghệ An"
    assert header_issuer(f"X{abbr}") == f"X{abbr}"  # only as a whole word


@pytest.mark.parametrize("abbr, expansion", _cases("citation_issuer"))
def test_citation_issuer_abbreviation(abbr, expansion):
    assert _complete(f"{abbr} tỉnh", Place(None, None)) == f"{expansion} tỉnh"


@pytest.mark.parametrize("abbr, expansion", _cases("agency_key"))
def test_agency_key_abbreviation(abbr, expansion):
    assert agency_key(f"Sở {abbr} tỉnh") == agency_key(f"Sở {expansion} tỉnh")


@pytest.mark.parametrize("abbr, expansion", _cases("agency_display"))
def test_agency_display_abbreviation(abbr, expansion):
    # the generated name patterns print the abbreviation in place of its expansion
    assert f"Ban {abbr} tỉnh" in _build_script().name_variants(f"Ban {expansion} tỉnh", [])
    if " " not in abbr or abbr.isupper():
        # display names write a word out (a phrase, "UB nhân dân", is left to its words)
        assert agency_display(f"Sở {abbr}") == f"Sở {expansion}"


@pytest.mark.parametrize("abbr, expansion", _cases("scoring"))
def test_scoring_abbreviation(abbr, expansion):
    assert name_key(f"Sở {abbr} tỉnh") == name_key(f"Sở {expansion} tỉnh")


def test_not_displayed_forms_stay_as_printed():
    for abbr, _ in set(_cases("agency_key")) - set(_cases("agency_display")):
        assert agency_display(f"Văn bản {abbr}") == f"Văn bản {abbr}"


# --- type words, national bodies, symbol type codes -------------------------------------------

TYPE_WORDS = {k: v for k, v in models.load_json("doc_types.json")["type_words"].items() if k != "_about"}
NATIONAL = {k: v for k, v in models.load_json("doc_types.json")["national_issuers"].items() if k != "_about"}
SYMBOL_CODES = {k: v for k, v in models.load_json("citation_symbols.json")["symbol_type_codes"].items() if k != "_about"}


@pytest.mark.parametrize("word, code", TYPE_WORDS.items())
def test_type_word_finds_its_code(word, code):
    assert doc_types.code_for(word) == code
    assert doc_types.match_type_word(f"{word.upper()} số 12/UBND") == (word.upper(), code)


def test_type_words_are_longest_first_where_one_contains_another():
    words = list(TYPE_WORDS)
    for i, w in enumerate(words):
        assert not any(w in longer and w != longer for longer in words[i + 1:]), w


@pytest.mark.parametrize("symbol, name", NATIONAL.items())
def test_national_issuer(symbol, name):
    assert doc_types.NATIONAL_ISSUERS[symbol] == name
    assert vocabulary.symbol_tables()["national_issuers"][symbol] == name


@pytest.mark.parametrize("symbol, code", SYMBOL_CODES.items())
def test_symbol_type_part_gives_its_code(symbol, code):
    # the header and the citation finder read a symbol's type part with one function
    assert vocabulary.symbol_type_code(symbol) == code
    assert symbol_parts(f"12/{symbol}-UBND") == (code, ["UBND"])
    assert parse_number(f"12/{symbol}-UBND").type_code == code


def test_symbol_codes_are_type_codes():
    assert set(SYMBOL_CODES.values()) <= set(TYPE_WORDS.values())


def test_party_number_reads_tt_as_thong_tri():
    assert vocabulary.symbol_type_code("TT", party=True) == "TTri"
    assert symbol_parts("04-TT/TU") == ("TTri", ["TU"])
    assert parse_number("04-TT/TU").type_code == "TTri"
