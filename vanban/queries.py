"""Questions asked of the store; each returns plain dicts (the CLI only prints them).

A document is named by its URI (``vn/nghe-an/ubnd/kh/2023/352``), a file (path of a file,
or the name it was loaded from) or its number (``352/KH-UBND``; every document with that
number, loaded or cited, matches). ``find_documents`` does that lookup; the others use it.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

import regex as re
from sqlite_utils import Database

from . import identity
from .store import DocumentNotFoundError

SUMMARY = "d.id, d.uri, d.status, d.number, d.doc_type, d.issued_date, d.issuer, d.subject, d.source, d.jurisdiction"
BASIS_RELATIONS = ("basis", "implements")


def _rows(db: Database, sql: str, params=()) -> list[dict]:
    return list(db.query(sql, params))


def _ids(rows: list[dict]) -> list[int]:
    return [r["id"] for r in rows]


def _marks(values) -> str:
    return ", ".join("?" for _ in values)


# --- finding documents ---------------------------------------------------------------------------


def find_documents(db: Database, name: str) -> list[dict]:
    """Documents named by a URI, a file or a number (see module doc). Raises
    ``DocumentNotFoundError`` when none matches."""
    name = name.strip()
    found: list[dict] = []
    if name.startswith(identity.NATIONAL + "/"):
        found = _rows(db, f"SELECT {SUMMARY} FROM documents d WHERE d.uri = ? ORDER BY d.id", [name])
    path = Path(name)
    if not found and path.is_file():
        found = _rows(db, f"SELECT {SUMMARY} FROM documents d WHERE d.sha256 = ?", [identity.content_hash(path)])
    if not found:
        found = _rows(
            db,
            f"SELECT {SUMMARY} FROM documents d WHERE d.source = ? UNION "
            f"SELECT {SUMMARY} FROM files f JOIN documents d ON d.id = f.document_id WHERE f.path = ? ORDER BY 1",
            [name, str(path.resolve())],
        )
    key = identity.number_key(name)
    if not found and key:
        found = _rows(
            db, f"SELECT {SUMMARY} FROM documents d WHERE d.number_key = ? ORDER BY d.status, d.uri, d.id", [key]
        )
    if not found:
        raise DocumentNotFoundError(f"no document in the database matches {name!r} (give a number, URI or file)")
    return found


# --- citations -----------------------------------------------------------------------------------


def cites(db: Database, name: str) -> list[dict]:
    """What the named document(s) cite, in the order of the text, each with the
    document it was linked to (``target_status`` is ``stub`` when not loaded)."""
    docs = find_documents(db, name)
    ids = _ids(docs)
    return _rows(
        db,
        f"""SELECT d.uri AS citing_uri, c.number, c.doc_type, c.date, c.issuer, c.relation, c.pinpoint,
                   c.mentions, t.uri AS target_uri, t.status AS target_status, t.source AS target_source,
                   t.subject AS target_subject
            FROM citations c JOIN documents d ON d.id = c.document_id LEFT JOIN documents t ON t.id = c.target_id
            WHERE c.document_id IN ({_marks(ids)}) ORDER BY d.uri, c.position""",
        ids,
    )


def cited_by(db: Database, name: str) -> list[dict]:
    """The documents that cite the named document(s)."""
    ids = _ids(find_documents(db, name))
    return _rows(
        db,
        f"""SELECT t.uri AS cited_uri, d.uri AS citing_uri, d.number AS citing_number, d.doc_type AS citing_doc_type,
                   d.issued_date AS citing_date, d.source AS citing_source, d.subject AS citing_subject,
                   c.relation, c.pinpoint, c.number AS cited_as, c.mentions
            FROM citations c JOIN documents d ON d.id = c.document_id JOIN documents t ON t.id = c.target_id
            WHERE c.target_id IN ({_marks(ids)}) ORDER BY t.uri, d.issued_date, d.uri""",
        ids,
    )


def chain(db: Database, name: str, *, relations: tuple[str, ...] = BASIS_RELATIONS, max_depth: int = 20) -> list[dict]:
    """The transitive bases of the named document(s): what they rest on ('Căn cứ',
    'Thực hiện'), what those rest on, and so on; one row per edge, with its depth.
    An edge back to a document already on the path is listed (``cycle`` = 1), not followed."""
    ids = _ids(find_documents(db, name))
    return _rows(
        db,
        f"""WITH RECURSIVE walk(citation_id, to_id, depth, seen, cycle) AS (
                SELECT c.id, c.target_id, 1, ',' || c.document_id || ',' || c.target_id || ',',
                       c.target_id = c.document_id
                FROM citations c
                WHERE c.document_id IN ({_marks(ids)}) AND c.target_id IS NOT NULL AND c.relation IN ({_marks(relations)})
                UNION ALL
                SELECT c.id, c.target_id, w.depth + 1, w.seen || c.target_id || ',',
                       instr(w.seen, ',' || c.target_id || ',') > 0
                FROM walk w JOIN citations c ON c.document_id = w.to_id
                WHERE NOT w.cycle AND c.target_id IS NOT NULL AND c.relation IN ({_marks(relations)}) AND w.depth < ?
            )
            SELECT w.depth, f.uri AS from_uri, t.uri AS to_uri, t.number, t.doc_type, t.issued_date, t.issuer,
                   t.status, c.relation, w.cycle, t.subject
            FROM (SELECT citation_id, min(depth) AS depth, max(cycle) AS cycle FROM walk GROUP BY citation_id) w
            JOIN citations c ON c.id = w.citation_id
            JOIN documents f ON f.id = c.document_id JOIN documents t ON t.id = c.target_id
            ORDER BY w.depth, f.uri, c.position""",
        [*ids, *relations, *relations, max_depth],
    )


def unresolved(db: Database, *, limit: int | None = None) -> list[dict]:
    """Documents cited but not loaded (stubs), most cited first."""
    return _rows(
        db,
        """SELECT d.uri, d.number, d.doc_type, d.issued_date, d.issuer, count(DISTINCT c.document_id) AS citing_documents,
                  sum(coalesce(c.mentions, 1)) AS mentions
           FROM documents d JOIN citations c ON c.target_id = d.id
           WHERE d.status = 'stub' GROUP BY d.id ORDER BY citing_documents DESC, mentions DESC, d.uri
           LIMIT ?""",
        [limit if limit else -1],
    )


# --- assignments ---------------------------------------------------------------------------------


def _province_id(province: str) -> str:
    return identity.province_of(province) or identity.slug(province)


def matching_agencies(db: Database, agency: str, *, province: str | None = None) -> list[dict]:
    """Agencies an agency name means, however spelled: abbreviations, Ủy/Uỷ, with or
    without diacritics ('so y te', 'Sở NN&PTNT'); a part of a name matches whole words."""
    key = identity.agency_key(agency)
    if not key:
        return []
    found = identity.agency_identity(agency, None)
    canonical_id = found[0] if found else ""
    where, head = identity.agency_parts(canonical_id) if canonical_id else ("", "")
    # a name that says where ('Sở Y tế tỉnh Nghệ An') is that body; one that does not is
    # the same body everywhere ('Sở Y tế' of every province)
    same = ("a.head = ?", head) if where == "local" else ("a.id = ?", canonical_id)
    pattern = f"% {key} %"
    sql = f"""SELECT DISTINCT a.id, a.name, a.jurisdiction FROM agencies a LEFT JOIN agency_aliases s ON s.agency_id = a.id
             WHERE ({same[0]} OR ' ' || a.key || ' ' LIKE ? OR ' ' || s.alias_key || ' ' LIKE ?)"""
    params: list = [same[1], pattern, pattern]
    if province:
        pid = _province_id(province)
        sql += " AND (a.jurisdiction = ? OR a.jurisdiction LIKE ?)"
        params += [pid, pid + "/%"]
    return _rows(db, sql + " ORDER BY a.jurisdiction, a.id", params)


def assignments(db: Database, agency: str, *, role: str | None = None, province: str | None = None) -> list[dict]:
    """Tasks given to an agency: as the one assigned (``via='assignment'``) or named as a
    partner of another agency's task (``via='partner'``, counted as ``support``)."""
    agencies = matching_agencies(db, agency, province=province)
    if not agencies:
        return []
    ids = [a["id"] for a in agencies]
    select = """d.uri, d.number, d.doc_type, d.issued_date, d.source, a.section, a.deadline, a.recurrence,
                a.report_to, a.task, a.targets, g.name AS agency_name"""
    parts, params = [], []
    if role in (None, "lead", "support", "executes"):
        role_sql = " AND a.role = ?" if role else ""
        parts.append(
            f"""SELECT a.agency, a.agency_id, a.role, 'assignment' AS via, {select}
                FROM assignments a JOIN documents d ON d.id = a.document_id JOIN agencies g ON g.id = a.agency_id
                WHERE a.agency_id IN ({_marks(ids)}){role_sql}"""
        )
        params += [*ids, *([role] if role else [])]
    if role in (None, "support"):
        parts.append(
            f"""SELECT p.name AS agency, p.agency_id, 'support' AS role, 'partner' AS via, {select}
                FROM assignment_partners p JOIN assignments a ON a.id = p.assignment_id
                JOIN documents d ON d.id = a.document_id JOIN agencies g ON g.id = p.agency_id
                WHERE p.agency_id IN ({_marks(ids)})"""
        )
        params += ids
    rows = _rows(db, " UNION ALL ".join(parts) + " ORDER BY issued_date, uri, via, agency", params)
    for row in rows:
        row["targets"] = json.loads(row["targets"]) if row["targets"] else []
    return rows


# --- search --------------------------------------------------------------------------------------

_FTS_SYNTAX = re.compile(r'["*()]|\b(?:AND|OR|NOT|NEAR)\b')


def fts_query(text: str) -> str:
    """An FTS5 query over the folded columns: plain words are one phrase ('so y te' finds
    'Sở Y tế'); a query with FTS5 syntax (quotes, AND/OR/NOT, *) keeps it, words folded."""
    if not _FTS_SYNTAX.search(text):
        words = re.findall(r"[\p{L}\p{N}]+", identity.fold(text))
        return '"' + " ".join(words) + '"' if words else '""'
    return re.sub(r"[^\W\d_]+|\d+", lambda m: m.group(0) if m.group(0) in ("AND", "OR", "NOT", "NEAR") else identity.fold(m.group(0)), text)


def _excerpt(text: str | None, query: str, width: int = 90) -> str | None:
    if not text:
        return None
    words = re.findall(r"[\p{L}\p{N}]+", identity.fold(re.sub(r"\b(?:AND|OR|NOT|NEAR)\b", " ", query)))
    folded = identity.fold(text)
    patterns = [r"\W+".join(map(re.escape, words))] + [re.escape(w) for w in words] if words else []
    at = next((m.start() for p in patterns for m in [re.search(rf"(?<![\p{{L}}\p{{N}}]){p}", folded)] if m), 0)
    start = max(0, at - width // 3)
    return ("…" if start else "") + " ".join(text[start:start + width].split()) + ("…" if start + width < len(text) else "")


def search(db: Database, text: str, *, limit: int = 20, tasks: bool = False) -> list[dict]:
    """Full-text search, diacritics and 'đ' ignored; best first. ``tasks`` searches the
    assignments' agencies and tasks instead of the documents' subjects and text."""
    query = fts_query(text)
    if tasks:
        rows = _rows(
            db,
            """SELECT a.agency, a.role, a.task, a.deadline, d.uri, d.number, d.source
               FROM assignments_fts f JOIN assignments a ON a.id = f.rowid JOIN documents d ON d.id = a.document_id
               WHERE assignments_fts MATCH ? ORDER BY bm25(assignments_fts), a.id LIMIT ?""",
            [query, limit],
        )
        return rows
    rows = _rows(
        db,
        f"""SELECT {SUMMARY}, d.text FROM documents_fts f JOIN documents d ON d.id = f.rowid
            WHERE documents_fts MATCH ? ORDER BY bm25(documents_fts, 5.0, 1.0), d.id LIMIT ?""",
        [query, limit],
    )
    for row in rows:
        row["excerpt"] = _excerpt(row.pop("text"), text)
    return rows


# --- one document --------------------------------------------------------------------------------

_CHILD_TABLES = ("amounts", "budget_checks", "assignments", "recipients", "distribution", "sections")


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
        for table in _CHILD_TABLES:
            full[table] = [
                {k: v for k, v in r.items() if k not in ("id", "document_id") and v is not None}
                for r in db.query(f"SELECT * FROM {table} WHERE document_id = ? ORDER BY position", [doc["id"]])
            ]
        full["files"] = [r["path"] for r in db.query("SELECT path FROM files WHERE document_id = ? ORDER BY path", [doc["id"]])]
        out.append(full)
    return out


# --- audit, stats, errors, export ----------------------------------------------------------------


def failed_budget_checks(db: Database) -> list[dict]:
    """Budget checks that fail (a total that is not the sum of its parts), across the
    database, with where they stand in the text."""
    rows = _rows(
        db,
        """SELECT d.uri, d.number, d.source, b.what, b.total_vnd, b.parts_vnd, b.found_vnd, b.difference_vnd,
                  b.section, b.span_start, b.span_end, substr(d.text, b.span_start + 1, b.span_end - b.span_start) AS excerpt
           FROM budget_checks b JOIN documents d ON d.id = b.document_id
           WHERE b.holds = 0 ORDER BY d.uri, b.position""",
    )
    for row in rows:
        row["parts_vnd"] = json.loads(row["parts_vnd"]) if row["parts_vnd"] else []
    return rows


def load_errors(db: Database) -> list[dict]:
    """Files that could not be loaded, with the reason."""
    return _rows(db, "SELECT path, code, message, run_id, at FROM load_errors ORDER BY path")


def stats(db: Database) -> dict:
    """What the database holds: documents by type, citations resolved or not, amounts,
    assignments, errors, the last load."""
    one = lambda sql, params=(): db.execute(sql, params).fetchone()[0]  # noqa: E731
    pairs = lambda sql: {k if k is not None else "?": v for k, v in db.execute(sql).fetchall()}  # noqa: E731
    last = _rows(db, "SELECT * FROM load_runs ORDER BY id DESC LIMIT 1")
    return {
        "documents": one("SELECT count(*) FROM documents WHERE status = 'loaded'"),
        "by_type": pairs("SELECT doc_type, count(*) FROM documents WHERE status = 'loaded' GROUP BY 1 ORDER BY 2 DESC, 1"),
        "by_jurisdiction": pairs(
            "SELECT jurisdiction, count(*) FROM documents WHERE status = 'loaded' GROUP BY 1 ORDER BY 2 DESC, 1"
        ),
        "files": one("SELECT count(*) FROM files"),
        "citations": one("SELECT count(*) FROM citations"),
        "citations_resolved": one(
            "SELECT count(*) FROM citations c JOIN documents t ON t.id = c.target_id WHERE t.status = 'loaded'"
        ),
        "citations_unresolved": one(
            "SELECT count(*) FROM citations c JOIN documents t ON t.id = c.target_id WHERE t.status = 'stub'"
        ),
        "citations_without_number": one("SELECT count(*) FROM citations WHERE target_id IS NULL"),
        "cited_not_loaded": one("SELECT count(*) FROM documents WHERE status = 'stub'"),
        "amounts": one("SELECT count(*) FROM amounts"),
        "budget_checks": one("SELECT count(*) FROM budget_checks"),
        "budget_checks_failing": one("SELECT count(*) FROM budget_checks WHERE holds = 0"),
        "assignments": one("SELECT count(*) FROM assignments"),
        "agencies": one("SELECT count(*) FROM agencies"),
        "errors": one("SELECT count(*) FROM load_errors"),
        "errors_by_code": pairs("SELECT code, count(*) FROM load_errors GROUP BY 1 ORDER BY 2 DESC, 1"),
        "last_load": last[0] if last else None,
    }


EXPORT_TABLES = ("documents", "citations", "amounts", "budget_checks", "assignments", "agencies", "load_errors")


def export_rows(db: Database, *, table: str = "documents", records: bool = False) -> Iterator[dict]:
    """Rows to export. ``records``: the loaded documents as document records (the JSON
    contract, with ``uri`` and the assignments' ``agency_id``); else the rows of ``table``
    (documents without their text)."""
    if records:
        for row in db.query("SELECT id, uri, record FROM documents WHERE status = 'loaded' ORDER BY uri, id"):
            record = {"uri": row["uri"], **json.loads(row["record"])}
            agency_ids = dict(db.execute("SELECT position, agency_id FROM assignments WHERE document_id = ?", [row["id"]]).fetchall())
            for i, assignment in enumerate(record.get("assignments") or []):
                assignment["agency_id"] = agency_ids.get(i)
            yield record
        return
    if table not in EXPORT_TABLES:
        raise ValueError(f"unknown table {table!r}; one of {', '.join(EXPORT_TABLES)}")
    columns = [c.name for c in db[table].columns if c.name not in ("text", "record")]
    yield from db.query(f"SELECT {', '.join(columns)} FROM {table} ORDER BY rowid")
