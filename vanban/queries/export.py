"""The rows ``vanban export`` writes: the document records, or one table's rows, of the
documents a filter keeps (loaded only, of some types, issued since a date).

A citation's row carries the number, URI and status of the document it names, and the
citing document's number and URI, so that a spreadsheet of citations reads alone.
"""
from __future__ import annotations

import json
from typing import Iterator

from sqlite_utils import Database

EXPORT_TABLES = ("documents", "citations", "amounts", "budget_checks", "assignments", "agencies", "load_errors")
# the tables whose rows belong to a document, which the filters apply to
DOCUMENT_TABLES = ("documents", "citations", "amounts", "budget_checks", "assignments")
_CITATION_EXTRA = ("d.uri AS document_uri, d.number AS document_number, "
                   "t.number AS target_number, t.uri AS target_uri, t.status AS target_status")


class ExportFilterError(ValueError):
    """A filter that does not apply to the table asked for."""


def _where(*, loaded_only: bool, doc_types: tuple[str, ...], since: str | None, table: str) -> tuple[str, dict]:
    conditions, params = [], {}
    if loaded_only:
        # a citation is kept when the document it names is loaded too; other rows belong to loaded documents
        conditions.append("t.status = 'loaded'" if table == "citations" else "d.status = 'loaded'")
    if doc_types:
        names = [f"type{i}" for i in range(len(doc_types))]
        conditions.append(f"d.doc_type IN ({', '.join(':' + n for n in names)})")
        params.update(zip(names, doc_types))
    if since:
        conditions.append("d.issued_date >= :since")
        params["since"] = since
    return (" WHERE " + " AND ".join(conditions)) if conditions else "", params


def export_rows(db: Database, *, table: str = "documents", records: bool = False, loaded_only: bool = False,
                doc_types: tuple[str, ...] = (), since: str | None = None) -> Iterator[dict]:
    """Rows to export. ``records``: the loaded documents as document records (the JSON
    contract as extracted; its ``uri``, ``jurisdiction`` and assignments' ``agency_id``
    are the rows'); else the rows of ``table`` (documents without their text).

    ``loaded_only`` leaves out the documents only cited (and the citations of them),
    ``doc_types`` keeps the documents of these types, ``since`` those issued on or after
    this ISO date (a year or a month is a date: '2023', '2023-05'); a filter given for a
    table of no document (agencies, load_errors) is an ``ExportFilterError``."""
    filtered = loaded_only or doc_types or since
    if records:
        where, params = _where(loaded_only=True, doc_types=doc_types, since=since, table="documents")
        for row in db.query(f"SELECT d.record FROM documents d{where} ORDER BY d.uri, d.id", params):
            yield json.loads(row["record"])
        return
    if table not in EXPORT_TABLES:
        raise ValueError(f"unknown table {table!r}; one of {', '.join(EXPORT_TABLES)}")
    if filtered and table not in DOCUMENT_TABLES:
        raise ExportFilterError(f"the filters apply to {', '.join(DOCUMENT_TABLES)}, not to {table}")
    columns = ", ".join(f"x.{c.name}" for c in db[table].columns if c.name not in ("text", "record"))
    if table == "documents":
        where, params = _where(loaded_only=loaded_only, doc_types=doc_types, since=since, table=table)
        sql = f"SELECT {columns.replace('x.', 'd.')} FROM documents d{where} ORDER BY d.rowid"
    elif table in DOCUMENT_TABLES:
        where, params = _where(loaded_only=loaded_only, doc_types=doc_types, since=since, table=table)
        extra, join = "", ""
        if table == "citations":
            extra, join = f", {_CITATION_EXTRA}", " LEFT JOIN documents t ON t.id = x.target_id"
        sql = f"SELECT {columns}{extra} FROM {table} x JOIN documents d ON d.id = x.document_id{join}{where} ORDER BY x.rowid"
    else:
        sql, params = f"SELECT {columns} FROM {table} x ORDER BY x.rowid", {}
    yield from db.query(sql, params)
