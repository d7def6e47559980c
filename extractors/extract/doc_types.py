"""Vietnamese document type words and their codes, read from ``models/doc_types.json``.

Codes follow Nghị định 30/2020/NĐ-CP, Phụ lục III, and the legal-document types (see
../shared/spec/OUTPUT.md). The table is ordered longest first, so that a matcher built
from it in order prefers "Thông tư liên tịch" to "Thông tư" and "Kế hoạch phối hợp" to
"Kế hoạch". ``TYPE_WORDS`` (type word -> code) and ``NATIONAL_ISSUERS`` (symbol of a
national body -> its name) are the tables of ``extractors/common/vocabulary.py``, loaded
on first use. Every entry is tested in tests/test_vocabulary.py.
"""
from __future__ import annotations

from functools import lru_cache

import regex as re

from vanban.extractors.common import vocabulary
from vanban.extractors.common.prefilter import Scan, shortest_literals
from vanban.extractors.common.folding import collapse_spaces, fold_case


def __getattr__(name: str):
    # The tables are data files: read when first asked for, not at import.
    if name == "TYPE_WORDS":
        return vocabulary.type_words()
    if name == "NATIONAL_ISSUERS":
        return vocabulary.national_issuers()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@lru_cache(maxsize=1)
def type_word_regex() -> re.Pattern:
    """Matches any type word (case-insensitive, old/new tone placement of 'hoá/hóa' not needed here)."""
    alternatives = sorted(vocabulary.type_words(), key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in alternatives)
    return re.compile(rf"(?<![\p{{L}}])(?:{body})(?![\p{{L}}])", re.IGNORECASE)


@lru_cache(maxsize=1)
def type_word_literals() -> tuple[str, ...]:
    """The first words of the type words, lower case: every type word starts with one."""
    return shortest_literals(w.split()[0] for w in vocabulary.type_words())


def type_word_scan(text: str) -> Scan:
    """The type words of ``text``: ``.finditer(pos, endpos)`` is ``type_word_regex().finditer``
    tried only where a type word's first word is (one scan of a text serves all its readers)."""
    return Scan(type_word_regex(), text, type_word_literals())


@lru_cache(maxsize=None)
def _lookup() -> dict[str, str]:
    return {fold_case(w): c for w, c in vocabulary.type_words().items()}


def code_for(word: str) -> str | None:
    """Type code for a type word as printed (any case, any spacing): 'KẾ HOẠCH' -> 'KH'."""
    return _lookup().get(fold_case(collapse_spaces(word)))


def match_type_word(text: str) -> tuple[str, str] | None:
    """The type word at the very start of ``text`` (after spaces) and its code."""
    m = type_word_regex().match(text.lstrip())
    if not m:
        return None
    return m.group(0), code_for(m.group(0))  # type: ignore[return-value]
