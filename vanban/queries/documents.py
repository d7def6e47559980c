"""Questions about documents and their citations: which documents a name means, what they
cite, who cites them, the chain of their legal bases, what is cited but not loaded.

A document is named by its URI (``vn/nghe-an/ubnd/kh/2023/352``), a file (the path of a
file on this machine, or the name it was loaded from) or its number (``352/KH-UBND``; every
document with that number, loaded or cited, matches; a number left blank, ``/UBND-VXNV``,
as printed); the first of these that matches anything decides (``NAMED``). The other
files of a document (``vanban.document_rows``) name the document.
"""
from __future__ import annotations

import json

from sqlite_utils import Database

from ..store import DocumentNotFoundError
from .registry import named, run

SUMMARY = "d.id, d.uri, d.status, d.number, d.doc_type, d.issued_date, d.issuer, d.subject, d.source, d.jurisdiction"
BASIS_RELATIONS = ("basis", "implements")
MAX_DEPTH = 20

# The documents :document names, as the CTE ``found(id)``: by URI, else by the content of
# the file it is, else by the name or path it was loaded from, else by number.
NAMED = """
    name(text) AS MATERIALIZED (SELECT trim(:document, ' ' || char(9, 10, 13))),
    arg AS MATERIALIZED (
        SELECT text, vanban_file_sha256(text) AS sha256, vanban_file_path(text) AS path,
               vanban_number_key(text) AS number_key FROM name
    ),
    candidate(id, rank) AS (
        SELECT d.id, 1 FROM arg JOIN documents d ON d.uri = arg.text
        UNION ALL SELECT d.id, 2 FROM arg JOIN documents d ON d.sha256 = arg.sha256
        UNION ALL SELECT d.id, 3 FROM arg JOIN documents d ON d.source = arg.text
        UNION ALL SELECT f.document_id, 3 FROM arg JOIN files f ON f.path = arg.path WHERE f.document_id IS NOT NULL
        UNION ALL SELECT d.id, 4 FROM arg JOIN documents d ON d.number_key = arg.number_key
        UNION ALL SELECT d.id, 4 FROM arg JOIN documents d ON d.number = arg.text WHERE arg.number_key IS NULL
    ),
    found(id) AS MATERIALIZED (
        SELECT DISTINCT coalesce(d.same_as, d.id) FROM candidate c JOIN documents d ON d.id = c.id
        WHERE c.rank = (SELECT min(rank) FROM candidate)
    )"""

FIND_DOCUMENTS = named("find_documents", f"""
    WITH {NAMED}
    SELECT {SUMMARY} FROM found JOIN documents d ON d.id = found.id
    ORDER BY d.status, d.uri, d.id""")

CITES = named("cites", f"""
    WITH {NAMED}
    SELECT d.uri AS citing_uri, c.number, c.doc_type, c.date, c.issuer, c.relation, c.pinpoint, c.mentions,
           t.uri AS target_uri, t.status AS target_status, t.source AS target_source, t.subject AS target_subject,
           t.issuer AS target_issuer, t.id AS target_id, d.id AS citing_id, c.position, c.text,
           c.span_start, c.span_end
    FROM found JOIN citations c ON c.document_id = found.id
    JOIN documents d ON d.id = c.document_id LEFT JOIN documents t ON t.id = c.target_id
    ORDER BY d.uri, d.id, c.position""")

CITED_BY = named("cited_by", f"""
    WITH {NAMED}
    SELECT t.uri AS cited_uri, d.uri AS citing_uri, d.number AS citing_number, d.doc_type AS citing_doc_type,
           d.issued_date AS citing_date, d.source AS citing_source, d.subject AS citing_subject,
           c.relation, c.pinpoint, c.number AS cited_as, c.mentions, d.issuer AS citing_issuer,
           d.status AS citing_status, d.id AS citing_id, t.id AS cited_id, c.position, c.text AS cited_text
    FROM found JOIN citations c ON c.target_id = found.id
    JOIN documents d ON d.id = c.document_id JOIN documents t ON t.id = c.target_id
    ORDER BY t.uri, t.id, d.issued_date, d.uri, d.id, c.position""")

# One row per edge, with its depth; an edge back to a document already on the path is
# listed (cycle = 1), not followed. :relations is a list of relations ('basis implements').
CHAIN = named("chain", f"""
    WITH RECURSIVE {NAMED},
    walk_params(relations, max_depth) AS MATERIALIZED (
        SELECT ' ' || coalesce(nullif(trim(replace(:relations, ',', ' ')), ''), '{" ".join(BASIS_RELATIONS)}') || ' ',
               coalesce(cast(nullif(:max_depth, '') AS integer), {MAX_DEPTH})
    ),
    walk(citation_id, to_id, depth, seen, cycle) AS (
        SELECT c.id, c.target_id, 1, ',' || c.document_id || ',' || c.target_id || ',', c.target_id = c.document_id
        FROM found JOIN citations c ON c.document_id = found.id, walk_params p
        WHERE c.target_id IS NOT NULL AND instr(p.relations, ' ' || c.relation || ' ') > 0
        UNION ALL
        SELECT c.id, c.target_id, w.depth + 1, w.seen || c.target_id || ',', instr(w.seen, ',' || c.target_id || ',') > 0
        FROM walk w JOIN citations c ON c.document_id = w.to_id, walk_params p
        WHERE NOT w.cycle AND c.target_id IS NOT NULL AND instr(p.relations, ' ' || c.relation || ' ') > 0
          AND w.depth < p.max_depth
    )
    SELECT w.depth, f.uri AS from_uri, f.number AS from_number, t.uri AS to_uri, t.number, t.doc_type, t.issued_date, t.issuer,
           t.status, c.relation, w.cycle, t.subject
    FROM (SELECT citation_id, min(depth) AS depth, max(cycle) AS cycle FROM walk GROUP BY citation_id) w
    JOIN citations c ON c.id = w.citation_id
    JOIN documents f ON f.id = c.document_id JOIN documents t ON t.id = c.target_id
    ORDER BY w.depth, f.uri, f.id, c.position""")

UNRESOLVED = named("unresolved", """
    SELECT d.uri, d.number, d.doc_type, d.issued_date, d.issuer, count(DISTINCT c.document_id) AS citing_documents,
           sum(coalesce(c.mentions, 1)) AS mentions
    FROM documents d JOIN citations c ON c.target_id = d.id
    WHERE d.status = 'stub' GROUP BY d.id ORDER BY citing_documents DESC, mentions DESC, d.uri, d.id
    LIMIT coalesce(cast(nullif(:limit, '') AS integer), -1)""")


def _named_or_raise(db: Database, rows: list[dict], name: str) -> list[dict]:
    """``rows``, after making sure that ``name`` names a document when there are none."""
    if not rows:
        find_documents(db, name)
    return rows


def find_documents(db: Database, name: str) -> list[dict]:
    """Documents named by a URI, a file or a number (see the module doc). Raises
    ``DocumentNotFoundError`` when none matches."""
    found = run(db, FIND_DOCUMENTS, document=name)
    if not found:
        raise DocumentNotFoundError(f"no document in the database matches {name.strip()!r} (give a number, URI or file)")
    return found


def cites(db: Database, name: str) -> list[dict]:
    """What the named document(s) cite, in the order of the text, each with the
    document it was linked to (``target_status`` is ``stub`` when not loaded)."""
    return _named_or_raise(db, run(db, CITES, document=name), name)


def cited_by(db: Database, name: str) -> list[dict]:
    """The documents that cite the named document(s)."""
    return _named_or_raise(db, run(db, CITED_BY, document=name), name)


def chain(db: Database, name: str, *, relations: tuple[str, ...] = BASIS_RELATIONS, max_depth: int = MAX_DEPTH) -> list[dict]:
    """The transitive bases of the named document(s): what they rest on ('Căn cứ',
    'Thực hiện'), what those rest on, and so on; one row per edge, with its depth.
    An edge back to a document already on the path is listed (``cycle`` = 1), not followed."""
    rows = run(db, CHAIN, document=name, relations=" ".join(relations), max_depth=max_depth)
    return _named_or_raise(db, rows, name)


def unresolved(db: Database, *, limit: int | None = None) -> list[dict]:
    """Documents cited but not loaded (stubs), most cited first."""
    return run(db, UNRESOLVED, limit=limit)


# --- one document, as stored -----------------------------------------------------------------------

CHILD_TABLES = ("amounts", "budget_checks", "assignments", "recipients", "distribution", "sections")


def documents_at(db: Database, uri: str) -> list[dict]:
    """Every row (text and record included) of the documents at ``uri``, loaded first (a
    document's other files are its files, not other documents: ``files_of``)."""
    return list(db.query(
        "SELECT * FROM documents WHERE uri = ? AND status != 'copy' ORDER BY status = 'loaded' DESC, id", [uri]))


def uri_is_shared(db: Database, uri: str) -> bool:
    """Whether several documents have the URI ``uri``."""
    return db.execute("SELECT count(*) FROM (SELECT 1 FROM documents WHERE uri = ? LIMIT 2)", [uri]).fetchone()[0] > 1


def children(db: Database, table: str, doc_id: int) -> list[dict]:
    """The rows of one of the record's lists (``CHILD_TABLES``), in the record's order."""
    if table not in CHILD_TABLES:
        raise ValueError(f"unknown table {table!r}; one of {', '.join(CHILD_TABLES)}")
    return list(db.query(f"SELECT * FROM [{table}] WHERE document_id = ? ORDER BY position", [doc_id]))


def files_of(db: Database, doc_id: int) -> list[dict]:
    """The files loaded as the document ``doc_id``, its copies' included (``vanban.document_rows``;
    absolute paths, as loaded), by path."""
    return list(db.query(
        "SELECT path, size, sha256 FROM files WHERE document_id = ? OR document_id IN "
        "(SELECT id FROM documents WHERE same_as = ?) ORDER BY path", [doc_id, doc_id]))


def latest_documents(db: Database, *, limit: int = 20) -> list[dict]:
    """The loaded documents issued last."""
    return list(db.query(
        "SELECT id, uri, number, doc_type, issued_date, issuer, subject, source, status FROM documents "
        "WHERE status = 'loaded' ORDER BY issued_date DESC, id DESC LIMIT ?", [limit]
    ))


def show(db: Database, name: str, *, with_text: bool = False) -> list[dict]:
    """Everything stored about the named document(s)."""
    out = []
    for doc in find_documents(db, name):
        row = db["documents"].get(doc["id"])
        full = {k: v for k, v in row.items() if k not in ("record", "text") and v is not None}
        for key in ("normalization", "pages", "warnings", "ocr"):
            if key in full:
                full[key] = json.loads(full[key])
        if with_text:
            full["text"] = row["text"]
        full["citations"] = cites(db, doc["uri"]) if doc["status"] == "loaded" else []
        full["cited_by"] = cited_by(db, doc["uri"])
        for table in CHILD_TABLES:
            full[table] = [{k: v for k, v in r.items() if k not in ("id", "document_id") and v is not None}
                           for r in children(db, table, doc["id"])]
        full["files"] = [r["path"] for r in files_of(db, doc["id"])]
        out.append(full)
    return out
