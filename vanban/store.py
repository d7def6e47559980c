"""The SQLite store (through sqlite-utils): schema, migrations and writes.

Tables (rows are plain dicts; spans are ``span_start``/``span_end`` into ``documents.text``):

- ``documents``: one row per loaded document (``status='loaded'``, unique ``sha256``) and
  one per cited document not loaded yet (``status='stub'``), with ``uri``, ``number_key``,
  ``jurisdiction`` and ``year`` from ``vanban.identity``.
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

import functools
import json
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable

from sqlite_utils import Database, Migrations

from vanban.extractors.errors import VanbanError

from . import identity
from .sql import insert_rows

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


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _dump(value: Any) -> str | None:
    return json.dumps(value, ensure_ascii=False) if value not in (None, [], {}) else None


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


# --- a record as rows (pure: runs in the extraction workers) -------------------------------------


def _span(span) -> dict:
    start, end = (span or (None, None))[:2] if span else (None, None)
    return {"span_start": start, "span_end": end}


def record_rows(record, *, sha256: str, extractor_version: str | None = None) -> dict:
    """The rows a ``DocumentRecord`` becomes, before ids are known.

    Children carry ``position`` (their index in the record); the writer adds
    ``document_id`` and the agency ids.
    """
    data = record.model_dump(mode="json")
    text = data.pop("text", "") or ""
    number = identity.clean_printed_number(data.get("number"))
    jurisdiction = identity.jurisdiction_of(
        issuer=data.get("issuer"), place=data.get("place"), text=text, number=number
    )
    year = identity.year_of(number, data.get("issued_date"))
    parts = identity.parse_number(number)
    signer = data.get("signer") or {}
    document = {
        "uri": identity.document_uri(
            number=number, doc_type=data.get("doc_type"), jurisdiction=jurisdiction, year=year, sha256=sha256
        ),
        "status": "loaded", "sha256": sha256, "source": data.get("source"), "genre": data.get("genre"),
        "doc_type": data.get("doc_type"), "number": number, "number_key": identity.number_key(number),
        "num": parts.num, "year": year, "issued_date": data.get("issued_date"), "place": data.get("place"),
        "issuer": data.get("issuer"), "jurisdiction": jurisdiction,
        "national": int(jurisdiction == identity.NATIONAL), "subject": data.get("subject"),
        "signer_name": signer.get("name"), "signer_position": signer.get("position"),
        "signer_authority": signer.get("authority"), "format": data.get("format"),
        "encoding": data.get("encoding"), "normalization": _dump(data.get("normalization")),
        "pages": _dump(data.get("pages")), "ocr": _dump(data.get("ocr")), "warnings": _dump(data.get("warnings")),
        "text": text, "record": json.dumps(data, ensure_ascii=False), "extractor_version": extractor_version,
    }
    citations = []
    for i, ref in enumerate(data.get("references") or []):
        ref_number = identity.clean_printed_number(ref.get("number"))
        citations.append({
            "position": i, "doc_type": ref.get("doc_type"), "number": ref_number,
            "number_key": identity.number_key(ref_number), "date": ref.get("date"),
            "year": identity.year_of(ref_number, ref.get("date")), "issuer": ref.get("issuer"),
            "jurisdiction": identity.cited_jurisdiction(number=ref_number, issuer=ref.get("issuer"), citing=jurisdiction),
            "relation": ref.get("relation"), "pinpoint": ref.get("pinpoint"), **_span(ref.get("span")),
            "mentions": ref.get("mentions"), "text": ref.get("text"),
        })
    amounts = [
        {"position": i, **{k: a.get(k) for k in ("value_vnd", "unit", "text", "label", "section")}, **_span(a.get("span"))}
        for i, a in enumerate(data.get("amounts") or [])
    ]
    checks = [
        {
            "position": i, **{k: c.get(k) for k in ("what", "total_vnd", "found_vnd", "difference_vnd", "section")},
            "parts_vnd": _dump(c.get("parts_vnd")), "holds": int(bool(c.get("holds"))), **_span(c.get("span")),
        }
        for i, c in enumerate(data.get("budget_checks") or [])
    ]
    agency_jurisdiction = jurisdiction.split("/")[0] if jurisdiction else None
    agencies: dict[str, str] = {}

    def agency(name: str | None) -> str | None:
        found = identity.agency_identity(name, agency_jurisdiction)
        if found:
            agencies.setdefault(found[0], found[1])
        return found[0] if found else None

    assignments = []
    for i, a in enumerate(data.get("assignments") or []):
        assignments.append({
            "position": i, "agency": a.get("agency"), "agency_id": agency(a.get("agency")),
            "role": a.get("role"), "task": a.get("task"), "targets": _dump(a.get("targets")),
            "partners": _dump(a.get("partners")),
            "partner_ids": [(p, agency(p)) for p in a.get("partners") or []],
            **{k: a.get(k) for k in ("deadline", "recurrence", "report_to", "section")}, **_span(a.get("span")),
        })
    from .status import effect_rows

    return {
        "document": document,
        "citations": citations,
        "legal_effects": effect_rows(data),
        "amounts": amounts,
        "budget_checks": checks,
        "assignments": assignments,
        "agencies": agencies,
        "recipients": [{"position": i, "text": t, "key": identity.agency_key(t)} for i, t in enumerate(data.get("recipients") or [])],
        "distribution": [{"position": i, "text": t, "key": identity.agency_key(t)} for i, t in enumerate(data.get("distribution") or [])],
        "sections": [
            {"position": i, "path": s.get("path"), "title": s.get("title"), "level": s.get("level"), **_span(s.get("span"))}
            for i, s in enumerate(data.get("sections") or [])
        ],
        "fts": {"subject": identity.fold(data.get("subject")), "body": identity.fold(text)},
    }


# --- writes --------------------------------------------------------------------------------------


def atomic(fn):
    """Run a write function in a transaction (a savepoint inside the caller's)."""

    @functools.wraps(fn)
    def wrapper(db: Database, *args, **kwargs):
        with db.atomic():
            return fn(db, *args, **kwargs)

    return wrapper


@dataclass
class Touched:
    """What a write changed that the batch must settle before it commits."""

    keys: set[str] = field(default_factory=set)  # number keys whose citations must be relinked
    agencies: set[int] = field(default_factory=set)  # agencies whose aliases must be refreshed

    def update(self, other: "Touched") -> None:
        self.keys |= other.keys
        self.agencies |= other.agencies


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
    for table in ("amounts", "budget_checks", "recipients", "distribution", "sections", "legal_effects"):
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
    """Remove a loaded document and everything extracted from it.

    Citations that named it are unlinked here and relinked by the batch (to another
    copy, or to a stub).
    """
    touched = Touched()
    row = db.execute("SELECT number_key FROM documents WHERE id = ?", [document_id]).fetchone()
    if row is None:
        return touched
    touched.keys.add(row[0])
    touched.keys |= {r[0] for r in db.execute("SELECT DISTINCT number_key FROM citations WHERE document_id = ?", [document_id])}
    touched.agencies |= {r[0] for r in db.execute(
        "SELECT agency_id FROM assignments WHERE document_id = ? UNION "
        "SELECT p.agency_id FROM assignment_partners p JOIN assignments a ON a.id = p.assignment_id WHERE a.document_id = ?",
        [document_id, document_id],
    )}
    touched.agencies.discard(None)
    assignment_ids = "SELECT id FROM assignments WHERE document_id = ?"
    db.execute(f"DELETE FROM assignments_fts WHERE rowid IN ({assignment_ids})", [document_id])
    db.execute(f"DELETE FROM assignment_partners WHERE assignment_id IN ({assignment_ids})", [document_id])
    for table in ("citations", "amounts", "budget_checks", "assignments", "recipients", "distribution", "sections",
                  "legal_effects"):
        db.execute(f"DELETE FROM {table} WHERE document_id = ?", [document_id])
    db.execute("UPDATE citations SET target_id = NULL WHERE target_id = ?", [document_id])
    db.execute("DELETE FROM documents_fts WHERE rowid = ?", [document_id])
    db.execute("UPDATE files SET document_id = NULL WHERE document_id = ?", [document_id])
    db.execute("DELETE FROM documents WHERE id = ?", [document_id])
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
    document_id, inserted = insert_document(db, rows)
    touched.update(inserted)
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
