"""Link each citation to the document it names; stubs for documents not loaded yet.

A citation names a document partly: its number (compared by ``identity.number_key``),
and, when the text gives them, its jurisdiction and year (``citations.jurisdiction`` and
``citations.year``, filled by the store from the citation and the citing document). All
citations of one number key that agree on (jurisdiction, year) form a *class* and name
the same document.

``relink(db, keys)`` recomputes the target of every class of the given keys from the
documents loaded now, so the result depends only on what is loaded, never on the order it
arrived in:

1. a loaded document with the same key whose jurisdiction and year agree (unknown agrees
   with anything; an exact match wins; a class that leaves its jurisdiction or year open
   links only when the loaded documents leave a single choice);
2. otherwise a stub row (``documents.status = 'stub'``), one per (key, URI): a class that
   leaves its jurisdiction or year open shares the stub of the only class of the same key
   that gives it;
3. stubs no citation names any more are deleted.

The store calls it inside the transaction of each batch, with the keys that batch touched.
Every query here reads an index range (the citation indexes of migration
``m005_citation_class_indexes``): a key's classes are found by skipping from one to the
next, its representative is the first entry of an index, and only citations whose target
differs are written, so a batch costs the same however many citations of the key the
database already holds.
"""
from __future__ import annotations

from typing import Iterable, NamedTuple

from sqlite_utils import Database

from . import identity
from .sql import insert_rows


class Candidate(NamedTuple):
    id: int
    jurisdiction: str | None
    year: int | None
    uri: str
    sha256: str


def _agrees(a, b) -> bool:
    return a is None or b is None or a == b


def choose_document(jurisdiction: str | None, year: int | None, loaded: list[Candidate]) -> int | None:
    """The loaded document a class of citations names, or None (see module doc, step 1)."""
    fits = [d for d in loaded if _agrees(jurisdiction, d.jurisdiction) and _agrees(year, d.year)]
    if not fits:
        return None
    if jurisdiction is None and len({d.jurisdiction for d in fits}) > 1:
        return None
    if year is None and len({d.year for d in fits}) > 1:
        return None
    best = min(fits, key=lambda d: (d.jurisdiction != jurisdiction, d.year != year, d.uri, d.sha256))
    return best.id


def stub_identity(jurisdiction: str | None, year: int | None, open_classes: list[tuple]) -> tuple:
    """(jurisdiction, year) of the stub for a class with no loaded document (step 2)."""
    if jurisdiction is None:
        known = {j for j, _ in open_classes if j is not None}
        jurisdiction = known.pop() if len(known) == 1 else None
    if year is None:
        known = {y for j, y in open_classes if y is not None and _agrees(jurisdiction, j)}
        year = known.pop() if len(known) == 1 else None
    return jurisdiction, year


# The ORDER BY is the expression index idx_citations_representative: one index probe.
_REPRESENTATIVE = """
SELECT number, doc_type, issuer, date FROM citations
WHERE number_key = ? AND jurisdiction IS ? AND year IS ?
ORDER BY date IS NULL, issuer IS NULL, doc_type IS NULL, number, doc_type, issuer, date
LIMIT 1
"""


def _representative(db: Database, key: str, classes: list[tuple]) -> dict:
    rows = [db.execute(_REPRESENTATIVE, [key, j, y]).fetchone() for j, y in classes]
    number, doc_type, issuer, date = min(
        (r for r in rows if r), key=lambda r: (r[3] is None, r[2] is None, r[1] is None, r[0] or "", r[1] or "", r[2] or "", r[3] or "")
    )
    return {"number": number, "doc_type": doc_type, "issuer": issuer, "date": date}


def _stub_id(db: Database, key: str, jurisdiction: str | None, year: int | None, classes: list[tuple]) -> int:
    rep = _representative(db, key, classes)
    uri = identity.document_uri(number=rep["number"], doc_type=rep["doc_type"], jurisdiction=jurisdiction, year=year)
    parts = identity.parse_number(rep["number"])
    row = {
        "uri": uri, "status": "stub", "number_key": key, "number": rep["number"], "doc_type": rep["doc_type"],
        "num": parts.num, "year": year, "issued_date": rep["date"], "issuer": rep["issuer"],
        "jurisdiction": jurisdiction, "national": int(jurisdiction == identity.NATIONAL),
    }
    found = db.execute(
        f"SELECT id, {', '.join(row)} FROM documents WHERE status = 'stub' AND number_key = ? AND uri = ?", [key, uri]
    ).fetchone()
    if found is None:
        return insert_rows(db, "documents", [row])
    if list(found[1:]) != list(row.values()):
        db.execute(f"UPDATE documents SET {', '.join(f'{k} = ?' for k in row)} WHERE id = ?", [*row.values(), found[0]])
    return found[0]


_NONE = object()


def _next_value(db: Database, column: str, where: str, args: list, after=_NONE) -> object:
    """The smallest non-NULL value of ``column`` (above ``after``) among the rows ``where`` selects."""
    above, more = ("IS NOT NULL", []) if after is _NONE else ("> ?", [after])
    row = db.execute(
        f"SELECT {column} FROM citations WHERE {where} AND {column} {above} ORDER BY {column} LIMIT 1", [*args, *more]
    ).fetchone()
    return row[0] if row else _NONE


def _values(db: Database, column: str, where: str, args: list) -> list:
    """The distinct values of ``column`` (NULL first, then ascending) among the rows ``where``
    selects, one index probe per value instead of a scan of every row."""
    values: list = []
    if db.execute(f"SELECT 1 FROM citations WHERE {where} AND {column} IS NULL LIMIT 1", args).fetchone():
        values.append(None)
    value = _next_value(db, column, where, args)
    while value is not _NONE:
        values.append(value)
        value = _next_value(db, column, where, args, value)
    return values


def citation_classes(db: Database, key: str) -> list[tuple]:
    """The (jurisdiction, year) classes of one number key, sorted (NULL first)."""
    classes = []
    for jurisdiction in _values(db, "jurisdiction", "number_key = ?", [key]):
        for year in _values(db, "year", "number_key = ? AND jurisdiction IS ?", [key, jurisdiction]):
            classes.append((jurisdiction, year))
    return classes


def relink_key(db: Database, key: str) -> None:
    """Recompute the targets of every citation of one number key."""
    classes = citation_classes(db, key)
    loaded = [Candidate(*r) for r in db.execute(
        "SELECT id, jurisdiction, year, uri, sha256 FROM documents WHERE number_key = ? AND status = 'loaded'", [key]
    )]
    targets = {c: choose_document(*c, loaded) for c in classes}
    open_classes = [c for c, t in targets.items() if t is None]
    stubs: dict[tuple, list[tuple]] = {}
    for c in open_classes:
        stubs.setdefault(stub_identity(*c, open_classes), []).append(c)
    for (jurisdiction, year), members in sorted(stubs.items(), key=str):
        stub = _stub_id(db, key, jurisdiction, year, members)
        targets.update({c: stub for c in members})
    for (jurisdiction, year), target in targets.items():
        # 'target_id IS NOT ?' as three index ranges: the citations already linked are not read.
        for test in ("IS NULL", "< ?", "> ?"):
            db.execute(
                f"UPDATE citations SET target_id = ? WHERE number_key = ? AND jurisdiction IS ? AND year IS ? AND target_id {test}",
                [target, key, jurisdiction, year] + ([target] if "?" in test else []),
            )
    db.execute(
        "DELETE FROM documents WHERE status = 'stub' AND number_key = ? "
        "AND NOT EXISTS (SELECT 1 FROM citations c WHERE c.target_id = documents.id)",
        [key],
    )


def relink(db: Database, keys: Iterable[str | None]) -> None:
    """Relink the citations of the given number keys (see module doc)."""
    for key in sorted({k for k in keys if k}):
        relink_key(db, key)


def relink_all(db: Database) -> None:
    """Relink every citation: for a database written by an older resolver."""
    keys = [r[0] for r in db.execute(
        "SELECT number_key FROM citations WHERE number_key IS NOT NULL UNION "
        "SELECT number_key FROM documents WHERE number_key IS NOT NULL"
    )]
    with db.atomic():
        relink(db, keys)
