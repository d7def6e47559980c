"""The SQLite schema (through sqlite-utils): tables, migrations, and opening a database.

Tables (rows are plain dicts; spans are ``span_start``/``span_end`` into ``documents.text``):

- ``documents``: one row per loaded document (``status='loaded'``, unique ``sha256``) and
  one per cited document not loaded yet (``status='stub'``), with ``uri``, ``number_key``,
  ``jurisdiction`` and ``year`` (for a loaded document, as its record gives them).
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
the pending ones.
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


def open_db(path: str | Path | None = None, *, create: bool = True) -> Database:
    """Open (and migrate) the store; WAL so readers can query during a load.

    ``create=False`` is for commands that only read: a missing file is an error, not an
    empty database.
    """
    path = str(path or default_db_path())
    if not create and path != ":memory:" and not Path(path).exists():
        raise DatabaseNotFoundError(f"no database at {path}: run `vanban load PATH... --db {path}` first")
    db = Database(path)
    db.conn.execute("PRAGMA busy_timeout = 60000")
    if path != ":memory:":
        db.enable_wal()
        db.conn.execute("PRAGMA synchronous = NORMAL")
    db.conn.execute("PRAGMA foreign_keys = ON")
    if MIGRATIONS.pending(db):
        MIGRATIONS.apply(db)
    return db
