"""Factories for the store tests: records built by hand, stored without extraction, and
a snapshot of a database that ignores surrogate ids and times (for comparing loads)."""
from __future__ import annotations

import hashlib

from vanban.schemas import Assignment, BudgetCheck, DocumentRecord, Reference
from vanban import store


def ref(number: str, *, doc_type: str | None = None, date: str | None = None, issuer: str | None = None,
        relation: str = "basis") -> Reference:
    return Reference(number=number, doc_type=doc_type, date=date, issuer=issuer, relation=relation)


def task(agency: str, text: str = "thực hiện nhiệm vụ", *, role: str = "lead", partners=(), deadline=None) -> Assignment:
    return Assignment(agency=agency, role=role, task=text, partners=list(partners), deadline=deadline)


def record(source: str, number: str | None, *, doc_type: str = "KH", date: str = "2023-05-25",
           issuer: str = "Ủy ban nhân dân tỉnh Nghệ An", place: str | None = "Nghệ An", subject: str = "Kế hoạch",
           refs=(), tasks=(), checks=(), text: str | None = None) -> DocumentRecord:
    return DocumentRecord(
        source=source, number=number, doc_type=doc_type, issued_date=date, issuer=issuer, place=place,
        subject=subject, references=list(refs), assignments=list(tasks), budget_checks=list(checks),
        text=text if text is not None else f"{subject}. Số {number}.",
    )


def failing_check(what: str = "Tổng vốn") -> BudgetCheck:
    return BudgetCheck(what=what, total_vnd=1000, parts_vnd=[400, 500], found_vnd=900, difference_vnd=100,
                       holds=False, section="II", span=(0, 5))


def sha_of(rec: DocumentRecord) -> str:
    return hashlib.sha256(rec.model_dump_json().encode()).hexdigest()


def put(db, *records: DocumentRecord) -> None:
    """Store records as the loader does: one transaction, settled at the end."""
    touched = store.Touched()
    with db.atomic():
        for rec in records:
            rows = store.record_rows(rec, sha256=sha_of(rec))
            touched.update(store.store_record(db, rows, path=f"/docs/{rec.source}"))
        store.settle(db, touched)


def links(db) -> set[tuple[str, str, str]]:
    """(citing uri, cited number, target uri) of every citation."""
    return {tuple(r) for r in db.execute(
        "SELECT d.uri, c.number, t.uri || ':' || t.status FROM citations c JOIN documents d ON d.id = c.document_id "
        "JOIN documents t ON t.id = c.target_id"
    )}


_VOLATILE = {"id", "run_id", "loaded_at", "at", "document_id", "target_id", "same_as", "assignment_id", "rowid"}


def snapshot(db) -> dict[str, list]:
    """Every table's rows with ids replaced by the URIs or paths they stand for, sorted."""
    uri = dict(db.execute("SELECT id, uri || '#' || ifnull(sha256, 'stub') FROM documents").fetchall())
    assignment = dict(db.execute("SELECT id, document_id || ':' || position FROM assignments").fetchall())

    def rows(table: str) -> list:
        out = []
        for row in db.query(f"SELECT rowid AS rowid, * FROM {table}"):
            keep = {k: v for k, v in row.items() if k not in _VOLATILE}
            for k in ("document_id", "target_id", "same_as"):
                if k in row:
                    keep[k] = uri.get(row[k])
            if "assignment_id" in row:
                doc_id, position = assignment[row["assignment_id"]].split(":")
                keep["assignment"] = f"{uri[int(doc_id)]}:{position}"
            out.append(repr(sorted(keep.items())))
        return sorted(out)

    tables = [t for t in db.table_names() if not t.startswith(("_", "load_runs")) and "_fts" not in t]
    snap = {t: rows(t) for t in tables}
    snap["documents_fts"] = sorted(
        (uri[r[0]], r[1]) for r in db.execute("SELECT rowid, subject FROM documents_fts")
    )
    snap["assignments_fts"] = sorted(r[0] for r in db.execute("SELECT agency || '|' || task FROM assignments_fts"))
    return snap


def snap(path) -> dict[str, list]:
    """``snapshot`` of the database file at ``path``, opened and closed."""
    db = store.open_db(path)
    try:
        return snapshot(db)
    finally:
        db.close()
