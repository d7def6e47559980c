"""The one document a name means, for the commands that take one (show, cites, cited-by,
chain): whatever a command prints for a document names it again (its URI, its number,
a number left blank as printed, ``/UBND-VXNV``, the file it was loaded from).

``resolve_document`` answers the library's ``find_documents`` (the ``NAMED`` rules); a
name that matches several documents is ``AmbiguousDocumentError``, one that matches none
``DocumentNotFoundError``, each listing the documents whose names are closest (difflib).
"""
from __future__ import annotations

import difflib

from sqlite_utils import Database

from .. import identity
from ..schema import DocumentNotFoundError, StoreError
from .documents import find_documents

MAX_MATCHES = 8


class AmbiguousDocumentError(StoreError):
    code = "ambiguous_document"

    def __init__(self, message: str, matches: list[dict]):
        super().__init__(message)
        self.matches = matches


def label(doc: dict) -> str:
    """'352/KH-UBND (KH, 2023-05-25) vn/nghe-an/ubnd/kh/2023/352 · 001_….txt': what names it, and what it is."""
    about = ", ".join(str(v) for v in (doc.get("doc_type"), doc.get("issued_date")) if v)
    loaded = doc.get("status") == "loaded"
    parts = [doc.get("number") or "", f"({about})" if about else "", doc.get("uri") or "",
             f"· {doc['source']}" if loaded and doc.get("source") else "" if loaded else "· chưa nạp"]
    return " ".join(p for p in parts if p)


def _fold(text: str | None) -> str:
    return " ".join(identity.fold(text or "").lower().split())


def close_matches(db: Database, name: str, *, limit: int = MAX_MATCHES) -> list[dict]:
    """The documents whose number, URI or file name are closest to ``name``, closest first."""
    names: dict[str, set[int]] = {}
    for row in db.query("SELECT coalesce(same_as, id) AS id, number, uri, source FROM documents"):
        for value in (row["number"], row["uri"], row["source"]):
            if value:
                names.setdefault(_fold(value), set()).add(row["id"])
    wanted = _fold(name)
    score: dict[int, float] = {}
    for close in difflib.get_close_matches(wanted, list(names), n=limit * 2, cutoff=0.6):
        ratio = difflib.SequenceMatcher(None, wanted, close).ratio()
        for i in names[close]:
            score[i] = max(score.get(i, 0.0), ratio)
    if not score:
        return []
    rows = {r["id"]: r for r in db.query(
        f"SELECT id, uri, status, number, doc_type, issued_date, source FROM documents WHERE id IN ({', '.join('?' * len(score))})",
        list(score))}
    # closest first; of two as close, a loaded document before one only cited
    ranked = sorted(rows, key=lambda i: (-score[i], rows[i]["status"] != "loaded", rows[i]["uri"] or "", i))
    return [rows[i] for i in ranked[:limit]]


def _listing(docs: list[dict]) -> str:
    return "".join(f"\n  {label(d)}" for d in docs)


def resolve_document(db: Database, name: str) -> dict:
    """The one document ``name`` means (a ``find_documents`` row)."""
    name = name.strip()
    try:
        found = find_documents(db, name)
    except DocumentNotFoundError:
        matches = close_matches(db, name)
        hint = f"; gần giống · close matches:{_listing(matches)}" if matches else " (give a number, URI or file · số, URI hoặc tệp)"
        raise DocumentNotFoundError(f"không có văn bản nào khớp · no document in the database matches {name!r}{hint}")
    if len(found) > 1:
        raise AmbiguousDocumentError(
            f"{name!r} chỉ {len(found)} văn bản · names {len(found)} documents; give one of · hãy chọn một:{_listing(found)}",
            found)
    return found[0]
