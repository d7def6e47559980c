"""The SQLite schema (through sqlite-utils): tables, migrations, and opening a database.

Tables (rows are plain dicts; spans are ``span_start``/``span_end`` into ``documents.text``):

- ``documents``: one row per loaded document (``status='loaded'``, unique ``sha256``), one
  per other file of a loaded document (``status='copy'``, ``same_as`` = the document's id,
  no rows of its own: ``vanban.document_rows``) and one per cited document not loaded yet
  (``status='stub'``), with ``uri``, ``number_key``, ``jurisdiction`` and ``year`` (for a
  loaded document, as its record gives them); ``genre`` is ``other`` for a file that is no
  document (kept out of the graph unless the load includes it).
- ``citations``: the record's ``references``; ``target_id`` is the document each one names
  (set by ``vanban.resolve.relink``, never dangling: a stub when the target is not loaded).
- ``amounts``, ``budget_checks``, ``assignments`` (+ ``assignment_partners``),
  ``recipients``, ``distribution``, ``sections``: the record's lists, with ``position``.
- ``agencies`` (one per agency key and jurisdiction) and ``agency_aliases`` (spellings seen).
- ``files`` (path -> content hash -> document), ``load_errors`` (one per failing path),
  ``load_runs`` (one per ``vanban load``).
- ``documents_fts`` (subject, body) and ``assignments_fts`` (agency, task): FTS5 over the
  text folded by ``identity.fold`` (``đ`` -> ``d``, no diacritics), rowid = the row's id.

Every schema change is a new function registered on ``MIGRATIONS``; ``open_db`` applies
the pending ones. The queries open the store read-only (``open_db(create=False)``) and
refuse a file that is not SQLite (``NotSQLiteError``) or not a store
(``NotVanbanDatabaseError``); ``database_kind`` tells them apart without writing.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from sqlite_utils import Database, Migrations

from vanban.extractors.errors import VanbanError

DEFAULT_DB = "vanban.db"
ENV_DB = "VANBAN_DB"

MIGRATIONS = Migrations("vanban")


class StoreError(VanbanError):
    code = "store_error"


class DatabaseNotFoundError(StoreError):
    code = "database_not_found"


class DocumentNotFoundError(StoreError):
    code = "document_not_found"


class NotSQLiteError(StoreError):
    code = "not_sqlite"


class NotVanbanDatabaseError(StoreError):
    code = "not_vanban_database"


def default_db_path() -> str:
    return os.environ.get(ENV_DB) or DEFAULT_DB


# --- schema --------------------------------------------------------------------------------------

_SPAN = {"span_start": int, "span_end": int}
_CHILD = {"id": int, "document_id": int, "position": int}
_DOC_FK = [("document_id", "documents", "id")]


@MIGRATIONS()
def m001_initial(db: Database) -> None:
    db["documents"].create(
        {
            "id": int, "uri": str, "status": str, "sha256": str, "source": str, "genre": str,
            "doc_type": str, "number": str, "number_key": str, "num": str, "year": int,
            "issued_date": str, "place": str, "issuer": str, "jurisdiction": str, "national": int,
            "subject": str, "signer_name": str, "signer_position": str, "signer_authority": str,
            "format": str, "encoding": str, "normalization": str, "pages": str, "ocr": str,
            "warnings": str, "text": str, "record": str, "extractor_version": str,
        },
        pk="id",
        not_null=["uri", "status"],
    )
    db["documents"].create_index(["sha256"], unique=True)
    db["documents"].create_index(["uri"])
    db["documents"].create_index(["number_key", "status"])
    db["documents"].create_index(["jurisdiction"])
    db["documents"].create_index(["doc_type"])
    db["documents"].create_index(["issued_date"])
    db["documents"].create_index(["source"])
    db.execute("CREATE UNIQUE INDEX idx_documents_stub ON documents(number_key, uri) WHERE status = 'stub'")
    db["citations"].create(
        {
            **_CHILD, "doc_type": str, "number": str, "number_key": str, "date": str, "year": int,
            "issuer": str, "jurisdiction": str, "relation": str, "pinpoint": str, **_SPAN,
            "mentions": int, "text": str, "target_id": int,
        },
        pk="id",
        foreign_keys=[*_DOC_FK, ("target_id", "documents", "id")],
    )
    db["citations"].create_index(["document_id"])
    db["citations"].create_index(["target_id"])
    db["citations"].create_index(["number_key", "jurisdiction", "year"])
    db["amounts"].create(
        {**_CHILD, "value_vnd": int, "unit": str, "text": str, "label": str, "section": str, **_SPAN},
        pk="id", foreign_keys=_DOC_FK,
    )
    db["budget_checks"].create(
        {
            **_CHILD, "what": str, "total_vnd": int, "parts_vnd": str, "found_vnd": int,
            "difference_vnd": int, "holds": int, "section": str, **_SPAN,
        },
        pk="id", foreign_keys=_DOC_FK,
    )
    db["budget_checks"].create_index(["holds"])
    db["agencies"].create(
        {"id": str, "name": str, "jurisdiction": str, "head": str, "key": str}, pk="id"
    )
    db["agencies"].create_index(["jurisdiction"])
    db["agencies"].create_index(["head"])
    db["agency_aliases"].create(
        {"id": int, "agency_id": str, "alias": str, "alias_key": str},
        pk="id", foreign_keys=[("agency_id", "agencies", "id")],
    )
    db["agency_aliases"].create_index(["agency_id", "alias"], unique=True)
    db["agency_aliases"].create_index(["alias_key"])
    db["assignments"].create(
        {
            **_CHILD, "agency": str, "agency_id": str, "role": str, "task": str, "targets": str,
            "partners": str, "deadline": str, "recurrence": str, "report_to": str, "section": str, **_SPAN,
        },
        pk="id", foreign_keys=[*_DOC_FK, ("agency_id", "agencies", "id")],
    )
    db["assignments"].create_index(["agency_id", "role"])
    db["assignment_partners"].create(
        {"id": int, "assignment_id": int, "position": int, "name": str, "agency_id": str},
        pk="id", foreign_keys=[("assignment_id", "assignments", "id"), ("agency_id", "agencies", "id")],
    )
    db["assignment_partners"].create_index(["assignment_id"])
    db["assignment_partners"].create_index(["agency_id"])
    for table in ("recipients", "distribution"):
        db[table].create({**_CHILD, "text": str, "key": str}, pk="id", foreign_keys=_DOC_FK)
        db[table].create_index(["key"])
    db["sections"].create({**_CHILD, "path": str, "title": str, "level": int, **_SPAN}, pk="id", foreign_keys=_DOC_FK)
    for table in ("amounts", "budget_checks", "assignments", "recipients", "distribution", "sections"):
        db[table].create_index(["document_id"])
    db["files"].create(
        {
            "path": str, "sha256": str, "size": int, "status": str, "document_id": int,
            "extractor_version": str, "run_id": int, "loaded_at": str,
        },
        pk="path", foreign_keys=_DOC_FK,
    )
    db["files"].create_index(["sha256"])
    db["files"].create_index(["document_id"])
    db["files"].create_index(["status"])
    db["load_errors"].create(
        {"path": str, "sha256": str, "code": str, "message": str, "run_id": int, "at": str}, pk="path"
    )
    db["load_errors"].create_index(["code"])
    db["load_runs"].create(
        {
            "id": int, "started_at": str, "finished_at": str, "status": str, "paths": str,
            "workers": int, "force": int, "files": int, "extracted": int, "linked": int,
            "skipped": int, "errors": int, "seconds": float,
        },
        pk="id",
    )
    tokenizer = "tokenize = \"unicode61 remove_diacritics 2 tokenchars '&'\""
    db.execute(f"CREATE VIRTUAL TABLE documents_fts USING fts5(subject, body, {tokenizer})")
    db.execute(f"CREATE VIRTUAL TABLE assignments_fts USING fts5(agency, task, {tokenizer})")


@MIGRATIONS()
def m002_documents_status_index(db: Database) -> None:
    """For the stubs (``vanban unresolved``) and the loaded documents (``stats``)."""
    db["documents"].create_index(["status", "doc_type"])


@MIGRATIONS()
def m003_legal_effects(db: Database) -> None:
    """What each document does to others, for the status of documents (``vanban.status``)."""
    from .status import create_tables

    create_tables(db)


@MIGRATIONS()
def m004_record_identity(db: Database) -> None:
    """Records stored before they carried their identity get the one their rows have:
    ``uri``, ``jurisdiction``, and each assignment's ``agency_id``."""
    for doc_id, uri, jurisdiction, raw in db.execute(
        "SELECT id, uri, jurisdiction, record FROM documents WHERE status = 'loaded' AND record IS NOT NULL"
    ).fetchall():
        record = json.loads(raw)
        if "uri" in record:
            continue
        ids = dict(db.execute("SELECT position, agency_id FROM assignments WHERE document_id = ?", [doc_id]).fetchall())
        for i, assignment in enumerate(record.get("assignments") or []):
            assignment["agency_id"] = ids.get(i)
        record["jurisdiction"], record["uri"] = jurisdiction, uri
        db.execute("UPDATE documents SET record = ? WHERE id = ?", [json.dumps(record, ensure_ascii=False), doc_id])


@MIGRATIONS()
def m005_citation_class_indexes(db: Database) -> None:
    """For ``vanban.resolve``: a batch relinks a number key by index ranges, whatever the
    number of citations of that key already loaded (target_id in the class index; the
    representative citation of a class is the first entry of the second index)."""
    db.execute("DROP INDEX IF EXISTS idx_citations_number_key_jurisdiction_year")
    db.execute("CREATE INDEX idx_citations_class_target ON citations(number_key, jurisdiction, year, target_id)")
    db.execute(
        "CREATE INDEX idx_citations_representative ON citations(number_key, jurisdiction, year, "
        "date IS NULL, issuer IS NULL, doc_type IS NULL, number, doc_type, issuer, date)"
    )


@MIGRATIONS()
def m006_plan_totals_validity_and_page_indexes(db: Database) -> None:
    """Each plan's top-level budget total (``vanban.budgets``), each document's dates of
    effect and expiry (``vanban.status``), and the indexes the web view's pages read: the
    documents table's sort and facets on the loaded documents, the most cited documents,
    the agencies' tasks; and the legal bases of each document."""
    from .budgets import create_tables
    from .status import create_validity_table

    create_tables(db)
    create_validity_table(db)
    db["documents"].create_index(["status", "issued_date", "doc_type"])
    # One index per facet of the documents table holding every column its filters use, so a
    # facet, over the whole table or a filtered list (a chart bar, another facet's value),
    # reads its index only.
    filters = ("doc_type", "issued_date", "issuer", "jurisdiction", "year")
    for facet in ("issuer", "jurisdiction", "year"):
        db["documents"].create_index(["status", facet, *(c for c in filters if c != facet)],
                                     index_name=f"idx_documents_status_{facet}_facet")
    db["citations"].create_index(["target_id", "document_id", "mentions"])
    db["assignments"].create_index(["agency_id", "deadline"])
    # The legal bases of each document, numbered and named only (the basis audit, the diagram).
    db.execute("CREATE INDEX idx_citations_bases ON citations(document_id, position, target_id) "
               "WHERE relation = 'basis' AND number IS NOT NULL")
    db.execute("CREATE INDEX idx_citations_named_bases ON citations(document_id) WHERE relation = 'basis' AND number IS NULL")


@MIGRATIONS()
def m007_one_row_per_document(db: Database) -> None:
    """One document, one row (``vanban.document_rows``): the other files of a loaded
    document are rows with ``status = 'copy'`` and ``same_as`` = its id. Documents loaded
    twice before (the same URI from two files) become one."""
    db["documents"].add_column("same_as", int)
    db["documents"].create_index(["same_as"])
    db["documents"].create_index(["number"])  # a blank number ('/UBND-VXNV') names documents as printed
    from .document_rows import Touched, demote, rank
    from .resolve import relink

    touched = Touched()
    for uri, in db.execute(
        "SELECT uri FROM documents WHERE status = 'loaded' GROUP BY uri HAVING count(*) > 1"
    ).fetchall():
        rows = list(db.query("SELECT id, format, sha256 FROM documents WHERE uri = ? AND status = 'loaded'", [uri]))
        rows.sort(key=lambda r: rank(r["format"], r["sha256"]))
        for other in rows[1:]:
            touched.update(demote(db, other["id"], primary=rows[0]["id"]))
    relink(db, touched.keys)  # the agencies of a copy's tasks are the primary's



@MIGRATIONS()
def m008_documents_genre_index(db: Database) -> None:
    """The counts of the loaded documents that are documents (``stats``: the home page, `vanban
    stats`) leave out the files that are none (genre ``other``): one index holding the status,
    the genre and the columns they are counted by, so they read no row of the table."""
    db.execute("DROP INDEX IF EXISTS idx_documents_status_doc_type")  # its columns lead the new one
    db["documents"].create_index(["status", "doc_type", "genre"])
    db["documents"].create_index(["status", "jurisdiction", "genre"])

def _not_sqlite(path: str) -> NotSQLiteError:
    return NotSQLiteError(f"{path} is not a SQLite database · không phải cơ sở dữ liệu SQLite")


def _not_vanban(path: str) -> NotVanbanDatabaseError:
    return NotVanbanDatabaseError(
        f"{path} is a SQLite database but not a vanban one · không phải cơ sở dữ liệu của vanban "
        f"(no vanban tables); give the --db of a `vanban load`"
    )


def database_kind(path: str | Path) -> str:
    """What the file at ``path`` is, read without writing to it: ``vanban`` (a store),
    ``empty`` (a SQLite file with no table, or an empty file), ``other`` (a SQLite file
    with other tables). Raises ``NotSQLiteError`` for a file that is not SQLite."""
    import sqlite3

    path = Path(path)
    if path.stat().st_size == 0:
        return "empty"
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            vanban = MIGRATIONS.migrations_table in tables and conn.execute(
                f"SELECT count(*) FROM [{MIGRATIONS.migrations_table}] WHERE migration_set = ?", [MIGRATIONS.name]
            ).fetchone()[0] > 0
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        raise _not_sqlite(str(path))
    return "vanban" if vanban else "other" if tables else "empty"


def check_loadable(path: str | Path) -> str | None:
    """Refuse, without writing anything, a file a load must not write to: one that is not
    SQLite, or a SQLite file of another program. A missing file (None), an empty one or a
    vanban store passes, and its ``database_kind`` is returned."""
    path = str(path)
    kind = None if path == ":memory:" or not Path(path).exists() else database_kind(path)
    if kind == "other":
        raise _not_vanban(path)
    return kind


def open_db(path: str | Path | None = None, *, create: bool = True) -> Database:
    """Open the store.

    ``create=True`` (a load): the file is made if missing, migrated, in WAL so readers
    can query during a load; a SQLite file that holds other tables is refused.
    ``create=False`` (the queries): read-only (SQLite ``mode=ro``): a missing file, a
    file that is not SQLite or a SQLite file that is not a vanban store is an error, and
    nothing is written to it (a store of an older vanban is migrated first).
    """
    path = str(path or default_db_path())
    memory = path == ":memory:"
    if not create and not memory:
        kind = database_kind(path) if Path(path).exists() else None
        if kind is None:
            raise DatabaseNotFoundError(f"no database at {path}: run `vanban load PATH... --db {path}` first")
        if kind != "vanban":
            raise _not_vanban(path)
        db = _read_only(path)
        if MIGRATIONS.pending(db):  # an older store: migrated, then read
            db.close()
            open_db(path, create=True).close()
            db = _read_only(path)
        return db
    check_loadable(path)
    db = Database(path)
    db.conn.execute("PRAGMA busy_timeout = 60000")
    if not memory:
        db.enable_wal()
        db.conn.execute("PRAGMA synchronous = NORMAL")
    db.conn.execute("PRAGMA foreign_keys = ON")
    if MIGRATIONS.pending(db):
        MIGRATIONS.apply(db)
    return db


def _read_only(path: str) -> Database:
    import sqlite3

    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    conn.execute("PRAGMA busy_timeout = 60000")
    return Database(conn)
