"""Who a document is, for the application: content hash, matching key of its number,
jurisdiction, URI and agency ids.

The rules live in the extractors (``vanban.extractors.extract.uri``, ``.jurisdiction``,
``.agencies.ids``, and ``common.doc_numbers`` for number keys), which put them on the
record as it is extracted; the store, resolver, queries and web pages reach them through
this one module. Names from the extraction stages are imported on first use, so that
importing the store or the queries loads no extractor.
"""
from __future__ import annotations

import importlib
from functools import lru_cache

from vanban.extractors.common.doc_numbers import clean_printed_number, number_key
from vanban.extractors.common.folding import fold_same_length as fold

_URI = "vanban.extractors.extract.uri"
_JURISDICTION = "vanban.extractors.extract.jurisdiction"
_AGENCIES = "vanban.extractors.extract.agencies.ids"

# name here -> (module, name there)
_LAZY = {
    "NATIONAL": (_URI, "NATIONAL"), "UNKNOWN": (_URI, "UNKNOWN"), "NumberParts": (_URI, "NumberParts"),
    "content_hash": (_URI, "content_hash"), "document_uri": (_URI, "document_uri"),
    "parse_number": (_URI, "parse_number"), "slug": (_URI, "slug"), "year_of": (_URI, "year_of"),
    "MINISTRY_CODES": (_JURISDICTION, "MINISTRY_CODES"), "NATIONAL_ISSUER_WORDS": (_JURISDICTION, "NATIONAL_ISSUER_WORDS"),
    "cited_jurisdiction": (_JURISDICTION, "cited"), "jurisdiction_of": (_JURISDICTION, "document_id"),
    "is_national": (_JURISDICTION, "is_national"), "place_name": (_JURISDICTION, "place_name"),
    "province_of": (_JURISDICTION, "province_of"), "places": (_JURISDICTION, "places"),
    "agency_identity": (_AGENCIES, "agency_identity"),
    "agency_parts": (_AGENCIES, "agency_parts"), "agency_scope": (_AGENCIES, "scope_of"),
}

__all__ = ["agency_key", "clean_printed_number", "fold", "number_key", *_LAZY]


@lru_cache(maxsize=1 << 16)
def agency_key(name: str | None) -> str | None:
    """Matching key of an agency name (case, diacritics, Ủy/Uỷ, abbreviations ignored), or None;
    loads only the agency lexicon (a query naming an agency computes it)."""
    from vanban.extractors.extract.agencies.lexicon import agency_key as key_of

    return (key_of(name) or None) if name and name.strip() else None


def __getattr__(name: str):
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module, attr = _LAZY[name]
    value = getattr(importlib.import_module(module), attr)
    globals()[name] = value
    return value
