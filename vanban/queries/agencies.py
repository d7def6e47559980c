"""Questions about agencies: which agencies a name means, and the tasks given to them.

An agency name matches however it is spelled: abbreviations, Ủy/Uỷ, with or without
diacritics ('so y te', 'Sở NN&PTNT'); a part of a name matches whole words. A name that
says where ('Sở Y tế tỉnh Nghệ An') is that body; one that does not ('Sở Y tế') is the
same body everywhere.
"""
from __future__ import annotations

import difflib

from sqlite_utils import Database

from vanban import identity
from vanban.extractors.errors import VanbanError

from .registry import named, run

# The agencies :agency (and :province, when given) mean, as the CTE ``matched(id, name,
# jurisdiction)``. Names go into LIKE patterns through ``vanban_like`` (their % and _ literal).
MATCHED = """
    agency_arg AS MATERIALIZED (
        SELECT vanban_agency_key(:agency) AS key, vanban_like(vanban_agency_key(:agency)) AS key_like,
               vanban_agency_id(:agency) AS id, vanban_agency_local_head(:agency) AS head,
               vanban_province(nullif(:province, '')) AS province,
               vanban_like(vanban_province(nullif(:province, ''))) AS province_like
    ),
    matched(id, name, jurisdiction) AS MATERIALIZED (
        SELECT DISTINCT g.id, g.name, g.jurisdiction
        FROM agency_arg p, agencies g LEFT JOIN agency_aliases s ON s.agency_id = g.id
        WHERE p.key IS NOT NULL
          AND (g.head = p.head OR g.id = p.id
               OR ' ' || g.key || ' ' LIKE '% ' || p.key_like || ' %' ESCAPE '\\'
               OR ' ' || s.alias_key || ' ' LIKE '% ' || p.key_like || ' %' ESCAPE '\\')
          AND (p.province IS NULL OR g.jurisdiction = p.province OR g.jurisdiction LIKE p.province_like || '/%' ESCAPE '\\')
    )"""

MATCHING_AGENCIES = named("matching_agencies", f"""
    WITH {MATCHED}
    SELECT id, name, jurisdiction FROM matched ORDER BY jurisdiction, id""")

# As the one assigned (via = 'assignment') or named as a partner of another agency's task
# (via = 'partner', counted as support); :role (lead, support, executes) may be blank.
_TASK = """d.uri, d.number, d.doc_type, d.issued_date, d.source, a.section, a.deadline, a.recurrence,
           a.report_to, a.task, a.targets, g.name AS agency_name, g.jurisdiction AS agency_jurisdiction, a.position"""
ASSIGNMENTS = named("assignments_of_agency", f"""
    WITH {MATCHED}
    SELECT a.agency, a.agency_id, a.role, 'assignment' AS via, {_TASK}
    FROM matched m JOIN assignments a ON a.agency_id = m.id
    JOIN documents d ON d.id = a.document_id JOIN agencies g ON g.id = a.agency_id
    WHERE nullif(:role, '') IS NULL OR a.role = :role
    UNION ALL
    SELECT p.name AS agency, p.agency_id, 'support' AS role, 'partner' AS via, {_TASK}
    FROM matched m JOIN assignment_partners p ON p.agency_id = m.id JOIN assignments a ON a.id = p.assignment_id
    JOIN documents d ON d.id = a.document_id JOIN agencies g ON g.id = p.agency_id
    WHERE coalesce(:role, '') IN ('', 'support')
    ORDER BY issued_date, uri, via, agency, position""", json_columns=("targets",))


def matching_agencies(db: Database, agency: str, *, province: str | None = None) -> list[dict]:
    """Agencies an agency name means (see the module doc), of ``province`` if given."""
    return run(db, MATCHING_AGENCIES, agency=agency, province=province)


def assignments(db: Database, agency: str, *, role: str | None = None, province: str | None = None) -> list[dict]:
    """Tasks given to an agency: as the one assigned (``via='assignment'``) or named as a
    partner of another agency's task (``via='partner'``, counted as ``support``)."""
    return run(db, ASSIGNMENTS, agency=agency, role=role, province=province)


class UnknownProvinceError(VanbanError):
    code = "unknown_province"


def province_id(text: str) -> str:
    """The province (or 'vn', national) a name means: 'Nghệ An', 'nghe an', 'nghe-an' ->
    'nghe-an'; a name that is none is an ``UnknownProvinceError`` listing the close ones."""
    found = identity.province_of(text)
    if found:
        return found
    if identity.slug(text) in (identity.NATIONAL, "trung-uong"):
        return identity.NATIONAL
    names = {identity.slug(row["name"]): row["name"] for row in identity.places()["provinces"]}
    close = difflib.get_close_matches(identity.slug(text), names, n=3, cutoff=0.6)
    hint = f"; gần giống (did you mean): {', '.join(names[c] for c in close)}" if close else ""
    raise UnknownProvinceError(f"không có tỉnh, thành phố nào tên {text!r} (unknown province){hint}")
