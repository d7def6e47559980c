"""Writes to the SQLite store: a record's rows in, a document out, files and load runs.

The schema and ``open_db`` are in ``vanban.schema``, a record's rows in ``vanban.rows``;
both are importable from here too.
"""
from __future__ import annotations

import functools
import json
from datetime import datetime, timezone
from typing import Iterable

from sqlite_utils import Database

from . import document_rows, identity
from .document_rows import Touched
from .rows import record_rows
from .sql import insert_rows
from .schema import (
    DEFAULT_DB,
    ENV_DB,
    MIGRATIONS,
    DatabaseNotFoundError,
    DocumentNotFoundError,
    NotSQLiteError,
    NotVanbanDatabaseError,
    StoreError,
    default_db_path,
    open_db,
)

__all__ = [
    "DEFAULT_DB", "ENV_DB", "MIGRATIONS", "DatabaseNotFoundError", "DocumentNotFoundError", "NotSQLiteError", "NotVanbanDatabaseError",
    "StoreError",
    "Touched", "atomic", "default_db_path", "delete_document", "finish_run", "insert_document", "insert_rows",
    "link_file", "now", "open_db", "record_rows", "refresh_agencies", "settle", "start_run", "store_error",
    "store_record",
]


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# --- writes --------------------------------------------------------------------------------------


def atomic(fn):
    """Run a write function in a transaction (a savepoint inside the caller's)."""

    @functools.wraps(fn)
    def wrapper(db: Database, *args, **kwargs):
        with db.atomic():
            return fn(db, *args, **kwargs)

    return wrapper


def _ensure_agencies(db: Database, agencies: dict[str, str]) -> None:
    for agency_id, name in sorted(agencies.items()):
        jurisdiction, head = identity.agency_parts(agency_id)
        db.execute(
            "INSERT OR IGNORE INTO agencies(id, name, jurisdiction, head, key) VALUES (?, ?, ?, ?, ?)",
            [agency_id, name, jurisdiction, head, identity.agency_key(name)],
        )


def _insert_children(db: Database, table: str, document_id: int, rows: list[dict]) -> None:
    insert_rows(db, table, [{**r, "document_id": document_id} for r in rows])


def insert_document(db: Database, rows: dict) -> tuple[int, Touched]:
    """Insert a prepared record (``record_rows``) and its children; returns its id."""
    touched = Touched()
    doc = rows["document"]
    document_id = insert_rows(db, "documents", [doc])
    touched.keys.add(doc["number_key"])
    _insert_children(db, "citations", document_id, rows["citations"])
    touched.keys |= {c["number_key"] for c in rows["citations"]}
    for table in ("amounts", "budget_checks", "recipients", "distribution", "sections", "legal_effects", "plan_totals",
                  "validity"):
        _insert_children(db, table, document_id, rows.get(table, []))
    _ensure_agencies(db, rows["agencies"])
    touched.agencies |= set(rows["agencies"])
    for a in rows["assignments"]:
        row = {k: v for k, v in a.items() if k != "partner_ids"}
        assignment_id = insert_rows(db, "assignments", [{**row, "document_id": document_id}])
        db.execute(
            "INSERT INTO assignments_fts(rowid, agency, task) VALUES (?, ?, ?)",
            [assignment_id, identity.fold(a["agency"]), identity.fold(a["task"])],
        )
        for i, (name, partner_id) in enumerate(a["partner_ids"]):
            insert_rows(db, "assignment_partners",
                        [{"assignment_id": assignment_id, "position": i, "name": name, "agency_id": partner_id}])
    db.execute(
        "INSERT INTO documents_fts(rowid, subject, body) VALUES (?, ?, ?)",
        [document_id, rows["fts"]["subject"], rows["fts"]["body"]],
    )
    return document_id, touched


@atomic
def delete_document(db: Database, document_id: int) -> Touched:
    """Remove a loaded document and everything extracted from it; its best copy (another
    file of the same document, ``vanban.document_rows``) takes its place."""
    touched = document_rows.delete_extracted(db, document_id)
    db.execute("UPDATE files SET document_id = NULL WHERE document_id = ?", [document_id])
    db.execute("DELETE FROM documents WHERE id = ?", [document_id])
    successor = document_rows.best_copy(db, document_id)
    if successor is not None:
        touched.update(_promote(db, successor, replacing=document_id))
    return touched


def _promote(db: Database, copy_id: int, *, replacing: int) -> Touched:
    """Make the copy ``copy_id`` its document's primary row, in place of ``replacing``."""
    rows = document_rows.rows_of_copy(db, copy_id)
    paths = [r[0] for r in db.execute("SELECT path FROM files WHERE document_id = ?", [copy_id])]
    db.execute("UPDATE files SET document_id = NULL WHERE document_id = ?", [copy_id])
    db.execute("DELETE FROM documents WHERE id = ?", [copy_id])
    document_id, touched = insert_document(db, rows)
    for path in paths:
        db.execute("UPDATE files SET document_id = ? WHERE path = ?", [document_id, path])
    db.execute("UPDATE documents SET same_as = ? WHERE same_as IN (?, ?)", [document_id, copy_id, replacing])
    return touched


def _release_file(db: Database, path: str, keep: int | None) -> Touched:
    """Forget what ``path`` used to hold, deleting its document if no other file holds it."""
    row = db.execute("SELECT document_id FROM files WHERE path = ?", [path]).fetchone()
    old = row[0] if row else None
    if old is None or old == keep:
        return Touched()
    others = db.execute("SELECT count(*) FROM files WHERE document_id = ? AND path != ?", [old, path]).fetchone()[0]
    return Touched() if others else delete_document(db, old)


def _file_row(path: str, sha256: str, size: int | None, status: str, document_id: int | None,
              run_id: int | None, extractor_version: str | None) -> dict:
    return {
        "path": path, "sha256": sha256, "size": size, "status": status, "document_id": document_id,
        "extractor_version": extractor_version, "run_id": run_id, "loaded_at": now(),
    }


@atomic
def store_record(db: Database, rows: dict, *, path: str, size: int | None = None, run_id: int | None = None) -> Touched:
    """Store a freshly extracted file: replaces what the path held and any older
    extraction of the same content (``--force``)."""
    doc = rows["document"]
    touched = Touched()
    same = db.execute("SELECT id FROM documents WHERE sha256 = ?", [doc["sha256"]]).fetchone()
    if same:
        touched.update(delete_document(db, same[0]))
    touched.update(_release_file(db, path, keep=None))
    primary = document_rows.primary_at(db, doc["uri"], sha256=doc["sha256"])
    if primary is not None and not document_rows.is_first(doc, primary):  # another file of a loaded document
        document_id = insert_rows(db, "documents", [document_rows.copy_row(doc, primary["id"])])
        touched.keys.add(doc["number_key"])
    else:
        document_id, inserted = insert_document(db, rows)
        touched.update(inserted)
        if primary is not None:
            touched.update(document_rows.demote(db, primary["id"], primary=document_id))
    if same:
        db.execute("UPDATE files SET document_id = ? WHERE sha256 = ? AND document_id IS NULL", [document_id, doc["sha256"]])
    insert_rows(db, "files", [_file_row(path, doc["sha256"], size, "loaded", document_id, run_id, doc["extractor_version"])],
                replace=True)
    db.execute("DELETE FROM load_errors WHERE path = ?", [path])
    return touched


@atomic
def link_file(db: Database, *, path: str, sha256: str, size: int | None = None, run_id: int | None = None,
              extractor_version: str | None = None) -> Touched | None:
    """Point ``path`` at the document already loaded from the same bytes; None if there is none."""
    row = db.execute("SELECT id FROM documents WHERE sha256 = ?", [sha256]).fetchone()
    if row is None:
        return None
    touched = _release_file(db, path, keep=row[0])
    insert_rows(db, "files", [_file_row(path, sha256, size, "loaded", row[0], run_id, extractor_version)], replace=True)
    db.execute("DELETE FROM load_errors WHERE path = ?", [path])
    return touched


@atomic
def store_error(db: Database, *, path: str, sha256: str | None, code: str, message: str, size: int | None = None,
                run_id: int | None = None, extractor_version: str | None = None) -> Touched:
    """Record that ``path`` could not be loaded; what it held before is dropped."""
    touched = _release_file(db, path, keep=None)
    insert_rows(db, "files", [_file_row(path, sha256, size, "error", None, run_id, extractor_version)], replace=True)
    insert_rows(db, "load_errors", [
        {"path": path, "sha256": sha256, "code": code, "message": message, "run_id": run_id, "at": now()}
    ], replace=True)
    return touched


def refresh_agencies(db: Database, agency_ids: Iterable[str]) -> None:
    """Make each agency's aliases the spellings its assignments use; drop unused agencies.

    The name is the longest canonical name its spellings give (ties: alphabetical), so
    it does not depend on which spelling arrived first.
    """
    for agency_id in sorted(a for a in agency_ids if a is not None):
        names = {r[0] for r in db.execute(
            "SELECT agency FROM assignments WHERE agency_id = ? UNION SELECT name FROM assignment_partners WHERE agency_id = ?",
            [agency_id, agency_id],
        ) if r[0]}
        if not names:
            db.execute("DELETE FROM agency_aliases WHERE agency_id = ?", [agency_id])
            db.execute("DELETE FROM agencies WHERE id = ?", [agency_id])
            continue
        known = {r[0] for r in db.execute("SELECT alias FROM agency_aliases WHERE agency_id = ?", [agency_id])}
        if names == known:
            continue
        db.execute(
            f"DELETE FROM agency_aliases WHERE agency_id = ? AND alias NOT IN ({', '.join('?' * len(names))})",
            [agency_id, *names],
        )
        insert_rows(db, "agency_aliases", [
            {"agency_id": agency_id, "alias": n, "alias_key": identity.agency_key(n)} for n in sorted(names - known)
        ])
        jurisdiction = identity.agency_parts(agency_id)[0]
        canonical = {found[1] for n in names if (found := identity.agency_identity(n, jurisdiction))} or names
        db.execute("UPDATE agencies SET name = ? WHERE id = ?", [min(canonical, key=lambda n: (-len(n), n)), agency_id])


@atomic
def settle(db: Database, touched: Touched) -> None:
    """Relink citations and refresh agencies after a batch of writes (same transaction)."""
    from .resolve import relink

    relink(db, touched.keys)
    refresh_agencies(db, touched.agencies)


# --- load runs -----------------------------------------------------------------------------------


def start_run(db: Database, *, paths: list[str], workers: int, force: bool) -> int:
    with db.atomic():
        db.execute(
            "UPDATE load_runs SET status = 'interrupted' WHERE status = 'running'"
        )
        return db["load_runs"].insert({
            "started_at": now(), "status": "running", "paths": json.dumps(paths, ensure_ascii=False),
            "workers": workers, "force": int(force), "files": 0, "extracted": 0, "linked": 0, "skipped": 0, "errors": 0,
        }).last_pk


def finish_run(db: Database, run_id: int, counts: dict, *, seconds: float, status: str = "done") -> None:
    db["load_runs"].update(run_id, {**counts, "finished_at": now(), "seconds": round(seconds, 3), "status": status})
