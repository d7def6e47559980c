"""Who a document is, for the application: content hash, matching key of its number,
jurisdiction, URI and agency ids.

The rules live in the extractors (``vanban.extractors.extract.uri``, ``.jurisdiction``,
``.agencies.ids``, and ``common.doc_numbers`` for number keys), which put them on the record as it is extracted; the store,
resolver, queries and web pages reach them through this one module.
"""
from __future__ import annotations

from vanban.extractors.common.doc_numbers import clean_printed_number, number_key
from vanban.extractors.common.folding import fold_same_length as fold
from vanban.extractors.extract.agencies.ids import agency_identity, agency_key, agency_parts, scope_of as agency_scope
from vanban.extractors.extract.jurisdiction import (
    MINISTRY_CODES,
    NATIONAL_ISSUER_WORDS,
    cited as cited_jurisdiction,
    document_id as jurisdiction_of,
    is_national,
    place_name,
    province_of,
)
from vanban.extractors.extract.uri import (
    NATIONAL,
    UNKNOWN,
    NumberParts,
    content_hash,
    document_uri,
    parse_number,
    slug,
    year_of,
)

__all__ = [
    "MINISTRY_CODES", "NATIONAL", "NATIONAL_ISSUER_WORDS", "UNKNOWN", "NumberParts", "agency_identity",
    "agency_key", "agency_scope", "agency_parts", "cited_jurisdiction", "clean_printed_number", "content_hash",
    "document_uri", "fold", "is_national", "jurisdiction_of", "number_key", "parse_number",
    "place_name", "province_of", "slug", "year_of",
]
