"""One document, one row, whatever number of files carry it.

A legacy ``.doc`` and its transcript, a ``.pdf`` and its ``.txt``: different bytes, one
document (the same URI). The store keeps one ``documents`` row for it, the *primary*, with
the citations, amounts, tasks and text search of the file whose extraction ranks first
(``rank``: born-digital text before PDF, legacy Word and OCR, then the content hash, so the
result never depends on the order the files arrived in). Each other file's record is kept
as a row with ``status = 'copy'`` and ``same_as`` = the primary's id, with no rows of its
own: the queries, which read ``status = 'loaded'``, count the document once. When the
primary's file goes, the best copy takes its place (``rows_of_copy``).

The decisions are here, with the two writes that move a document's rows (``delete_extracted``,
``demote``); ``vanban.store`` calls them in its transactions.
"""
from __future__ import annotations

import json

from dataclasses import dataclass, field

from sqlite_utils import Database

from .rows import record_rows

# Readers whose text is the document's own first: a transcript beats its legacy source.
FORMAT_RANK = ("docx", "md", "txt", "html", "pdf", "doc", "ocr")

COPY = "copy"


@dataclass
class Touched:
    """What a write changed that the batch must settle before it commits."""

    keys: set[str] = field(default_factory=set)  # number keys whose citations must be relinked
    agencies: set[int] = field(default_factory=set)  # agencies whose aliases must be refreshed

    def update(self, other: "Touched") -> None:
        self.keys |= other.keys
        self.agencies |= other.agencies


OTHER = "other"  # the genre of a file that is no document (no official header, no news shape)
# What a document says of others and of money and tasks; a file that is no document keeps
# its text, sections and record, and none of these (unless the load asks for them).
GRAPH_TABLES = ("citations", "amounts", "budget_checks", "assignments", "legal_effects", "plan_totals", "validity")

# Paths of files that are no document whose rows are in the graph (1) or not (0) otherwise
# than the load asks (:include, 1 or 0).
OTHER_FILES_TO_REGRAPH = """
    SELECT f.path FROM files f JOIN documents d ON d.id = f.document_id
    WHERE d.genre = 'other' AND ? != EXISTS (
        SELECT 1 FROM citations WHERE document_id = d.id UNION ALL SELECT 1 FROM assignments WHERE document_id = d.id
        UNION ALL SELECT 1 FROM amounts WHERE document_id = d.id)"""


def outside_graph(rows: dict) -> dict:
    """The rows of a record, without the graph's (``GRAPH_TABLES``, agencies) when it is no document."""
    if rows["document"].get("genre") != OTHER:
        return rows
    return {**rows, **{table: [] for table in GRAPH_TABLES}, "agencies": {}}


def rank(fmt: str | None, sha256: str | None) -> tuple:
    """Sort key of a file's extraction as the primary row of its document (lowest first)."""
    position = FORMAT_RANK.index(fmt) if fmt in FORMAT_RANK else len(FORMAT_RANK)
    return position, sha256 or ""


def primary_at(db: Database, uri: str | None, *, sha256: str) -> dict | None:
    """The loaded document (another file's) that has the URI ``uri``, if any."""
    if not uri:
        return None
    rows = list(db.query(
        "SELECT id, format, sha256, source FROM documents WHERE uri = ? AND status = 'loaded' AND sha256 != ? "
        "ORDER BY id LIMIT 1", [uri, sha256]))
    return rows[0] if rows else None


def is_first(document: dict, primary: dict) -> bool:
    """Whether the new ``document`` row ranks before the loaded ``primary``."""
    return rank(document.get("format"), document.get("sha256")) < rank(primary["format"], primary["sha256"])


def copy_row(document: dict, same_as: int) -> dict:
    """The row a file's record becomes when another file is its document's primary."""
    return {**document, "status": COPY, "same_as": same_as}


def best_copy(db: Database, document_id: int) -> int | None:
    """The copy of ``document_id`` that takes its place when it goes, or None."""
    copies = list(db.query("SELECT id, format, sha256 FROM documents WHERE same_as = ? AND status = ?", [document_id, COPY]))
    if not copies:
        return None
    return min(copies, key=lambda r: rank(r["format"], r["sha256"]))["id"]


def rows_of_copy(db: Database, copy_id: int) -> dict:
    """The rows (``vanban.rows.record_rows``) of a copy's stored record, to make it the primary."""
    from vanban.schemas import DocumentRecord

    row = db.execute("SELECT record, text, sha256, extractor_version FROM documents WHERE id = ?", [copy_id]).fetchone()
    record = DocumentRecord.model_validate({**json.loads(row[0]), "text": row[1] or ""})
    return record_rows(record, sha256=row[2], extractor_version=row[3])


def files_of_document(db: Database, document_id: int) -> list[str]:
    """The paths of every file that carries the document ``document_id`` (its own and its copies')."""
    return [r[0] for r in db.execute(
        "SELECT path FROM files WHERE document_id = ? OR document_id IN (SELECT id FROM documents WHERE same_as = ?) "
        "ORDER BY path", [document_id, document_id])]


def same_document(db: Database, path: str) -> dict | None:
    """For a file just stored: the other files of its document, and its URI (None when it is alone)."""
    row = db.execute(
        "SELECT coalesce(d.same_as, d.id), d.uri FROM files f JOIN documents d ON d.id = f.document_id WHERE f.path = ?",
        [path]).fetchone()
    if row is None:
        return None
    others = [p for p in files_of_document(db, row[0]) if p != path]
    return {"path": path, "same_as": others, "uri": row[1]} if others else None


# --- writes (``vanban.store`` calls them in its transactions) ---------------------------------------


def delete_extracted(db: Database, document_id: int) -> Touched:
    """Remove what was extracted from a document (its child rows, its text search), and
    unlink the citations that named it; the batch relinks them (to another copy, or to a stub)."""
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
                  "legal_effects", "plan_totals", "validity"):
        db.execute(f"DELETE FROM {table} WHERE document_id = ?", [document_id])
    db.execute("UPDATE citations SET target_id = NULL WHERE target_id = ?", [document_id])
    db.execute("DELETE FROM documents_fts WHERE rowid = ?", [document_id])
    return touched


def demote(db: Database, document_id: int, *, primary: int) -> Touched:
    """Make the loaded ``document_id`` a copy of ``primary`` (another file of the same document)."""
    touched = delete_extracted(db, document_id)
    db.execute("UPDATE documents SET status = ?, same_as = ? WHERE id = ?", [COPY, primary, document_id])
    db.execute("UPDATE documents SET same_as = ? WHERE same_as = ?", [primary, document_id])
    return touched
