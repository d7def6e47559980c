"""Agency ids as the record and the store carry them.

An agency named in a document takes the province of the document's jurisdiction
(``scope_of``): 'Sở Y tế' in a Nghệ An plan, or in a plan of one of its districts, is
``nghe-an/so-y-te``. ``agency_identity`` gives the id and the canonical name; the
extractor fills ``Assignment.agency_id`` with it and the store names its agencies with
it, so both agree.
"""
from __future__ import annotations

from functools import lru_cache

import regex as re

from vanban.extractors.extract import jurisdiction as _jurisdiction
from vanban.extractors.extract.agencies import lexicon


def scope_of(document_jurisdiction: str | None) -> str | None:
    """The jurisdiction id the agencies a document names are placed in: its province."""
    return document_jurisdiction.split("/")[0] if document_jurisdiction else None


@lru_cache(maxsize=1 << 16)
def agency_identity(name: str | None, jurisdiction: str | None) -> tuple[str, str] | None:
    """(agency id, canonical name) of an agency named in ``jurisdiction`` (an id):
    ('Sở Y tế', 'nghe-an') -> ('nghe-an/so-y-te', 'Sở Y tế tỉnh Nghệ An')."""
    if not (name and name.strip() and lexicon.agency_key(name)):
        return None
    return lexicon.canonical_agency(name, _jurisdiction.from_id(jurisdiction))


def document_agency_id(name: str | None, document_jurisdiction: str | None) -> str | None:
    """The id of an agency a document of ``document_jurisdiction`` names."""
    found = agency_identity(name, scope_of(document_jurisdiction))
    return found[0] if found else None


def agency_parts(agency_id: str) -> tuple[str, str]:
    """(jurisdiction, head) of an agency id: 'nghe-an/group/ubnd-cac-huyen' -> ('nghe-an', 'ubnd-cac-huyen')."""
    jurisdiction, _, head = agency_id.rpartition("/")
    return re.sub(r"/group$", "", jurisdiction), head
