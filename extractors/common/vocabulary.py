"""The reviewed vocabulary of ``models/``, loaded lazily, once, through ``vanban.models``:

- ``models/abbreviations.json``: abbreviations and their expansions, each with the places
  it applies (``abbreviations(where)``, ``expand_abbreviations(text, where)``);
- ``models/doc_types.json``: type words -> type codes (``type_words()``) and the national
  bodies a number's symbol names (``national_issuers()``);
- ``models/citation_symbols.json``: the codes inside a number's symbol
  (``symbol_tables()``, ``symbol_type_code(type_symbol)``).

Entries marked ``_about`` are notes, dropped here. Every entry is tested in
tests/test_vocabulary.py.
"""
from __future__ import annotations

from functools import lru_cache

import regex as re

from vanban import models

# Where an abbreviation applies (the "applies" list of each entry of abbreviations.json).
PLACES = ("header_issuer", "citation_issuer", "agency_key", "agency_display", "scoring")


def _without_notes(table: dict) -> dict:
    return {k: v for k, v in table.items() if k != "_about"}


# --- abbreviations ---------------------------------------------------------------------------


def abbreviation_entries() -> list[dict]:
    """Every entry of ``models/abbreviations.json``: abbreviation, expansion, applies."""
    return models.load_json("abbreviations.json")["abbreviations"]


@lru_cache(maxsize=None)
def abbreviations(where: str) -> tuple[tuple[str, str], ...]:
    """(abbreviation, expansion) pairs that apply in ``where`` (one of ``PLACES``), in file order."""
    if where not in PLACES:
        raise ValueError(f"unknown place {where!r}; one of {PLACES}")
    return tuple((e["abbreviation"], e["expansion"]) for e in abbreviation_entries() if where in e["applies"])


@lru_cache(maxsize=None)
def _abbreviation_pattern(where: str) -> tuple[re.Pattern, dict[str, str]]:
    pairs = dict(abbreviations(where))
    alternatives = sorted(pairs, key=len, reverse=True)
    body = "|".join(re.escape(a) for a in alternatives)
    return re.compile(rf"(?<![\p{{L}}])(?:{body})(?![\p{{L}}])"), pairs


def expand_abbreviations(text: str, where: str) -> str:
    """``text`` with the abbreviations of ``where`` written out, each where it stands as a
    whole word (no letter touching it): 'UBND tỉnh' -> 'Ủy ban nhân dân tỉnh'."""
    pattern, pairs = _abbreviation_pattern(where)
    return pattern.sub(lambda m: pairs[m.group(0)], text)


# --- type words and national bodies --------------------------------------------------------


@lru_cache(maxsize=1)
def type_words() -> dict[str, str]:
    """Type word as written in running text -> type code: 'Kế hoạch' -> 'KH' (longest first)."""
    return _without_notes(models.load_json("doc_types.json")["type_words"])


@lru_cache(maxsize=1)
def national_issuers() -> dict[str, str]:
    """Symbol of a national body -> its name: 'CP' -> 'Chính phủ', 'TTg' -> 'Thủ tướng Chính phủ'."""
    return _without_notes(models.load_json("doc_types.json")["national_issuers"])


# --- codes inside a number's symbol ------------------------------------------------------


@lru_cache(maxsize=1)
def symbol_tables() -> dict:
    """``models/citation_symbols.json`` without its notes; ``national_issuers`` holds the
    national bodies of ``doc_types.json`` (CP, TTg, QH, …) and the ministries."""
    raw = models.load_json("citation_symbols.json")
    tables = {k: _without_notes(v) for k, v in raw.items() if k != "_about"}
    tables["national_issuers"] = {**national_issuers(), **tables["national_issuers"]}
    return tables


def symbol_type_code(type_symbol: str | None, *, party: bool = False) -> str | None:
    """Type code (OUTPUT.md) of the type part of a symbol: 'KHPH' -> 'KH', 'QĐ' -> 'QĐ';
    in a Party number (``04-TT/TU``, ``party=True``) 'TT' is a Thông tri; None if unknown."""
    if not type_symbol:
        return None
    tables = symbol_tables()
    if party and type_symbol in tables["party_type_codes"]:
        return tables["party_type_codes"][type_symbol]
    return tables["symbol_type_codes"].get(type_symbol)
