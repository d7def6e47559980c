"""The legal status of documents (hiệu lực) and their diagram (lược đồ), from the store.

What each document does to others (its record's ``effects``: replaces, repeals, amends,
guides, suspends) is kept in the table ``legal_effects``, one row per affected number, and
each loaded document's dates of effect and expiry in ``validity`` (both written with the
document's other rows, so no status reads a record). An
effect names its target through the citation of the same number in the same document,
so it reaches the document ``vanban.resolve`` links that citation to: a stub until the
target is loaded, the loaded document after. Status is computed by query from the
documents loaded now, never stored, so it is the same whatever order they arrived in,
and a stub learns it was replaced as soon as the replacing document is loaded.

- ``classify(doc, effects, on)``: the one rule of status, on a document's dates and the
  effects on it;
- ``status_on(db, doc_id, on)``: the status of one document on an ISO date;
- ``diagram(db, doc_id)``: its lược đồ, grouped as vbpl.vn groups it;
- ``document_status(db, documents, on)``: both, for each document found by
  ``queries.find_documents``;
- ``basis_warnings(db, doc_ids)``: bases that, on the citing document's date of issue,
  had been replaced or repealed, had expired, or were not yet in force (for every loaded
  document at once: only the bases that may not have stood are read, then classified).
"""
from __future__ import annotations

import datetime as _dt
import json
from typing import Iterable

from sqlite_utils import Database

from . import identity

# status code -> Vietnamese label first, then English
STATUS_LABELS = {
    "not_yet_in_force": "Chưa có hiệu lực (not yet in force)",
    "in_force": "Còn hiệu lực (in force)",
    "amended": "Còn hiệu lực, đã được sửa đổi, bổ sung (in force, amended)",
    "partly_expired": "Hết hiệu lực một phần (expired in part)",
    "suspended": "Ngưng hiệu lực (suspended)",
    "expired": "Hết hiệu lực toàn bộ: hết thời hạn (expired)",
    "repealed": "Hết hiệu lực toàn bộ: bị bãi bỏ (repealed)",
    "replaced": "Hết hiệu lực toàn bộ: bị thay thế (replaced)",
}
# Statuses under which a document can no longer be a legal basis.
NOT_A_BASIS = ("not_yet_in_force", "expired", "repealed", "replaced")

# (key, label, direction, relation): "in" lists the documents that do it to this one.
DIAGRAM_GROUPS = (
    ("bases", "Văn bản căn cứ (bases)", "out", "basis"),
    ("guided_by", "Văn bản hướng dẫn (guided by)", "in", "guides"),
    ("guides", "Văn bản được hướng dẫn (guides)", "out", "guides"),
    ("amended_by", "Văn bản sửa đổi, bổ sung (amended by)", "in", "amends"),
    ("amends", "Văn bản bị sửa đổi, bổ sung (amends)", "out", "amends"),
    ("replaced_by", "Văn bản thay thế (replaced by)", "in", "replaces"),
    ("replaces", "Văn bản bị thay thế (replaces)", "out", "replaces"),
    ("repealed_by", "Văn bản bãi bỏ (repealed by)", "in", "repeals"),
    ("repeals", "Văn bản bị bãi bỏ (repeals)", "out", "repeals"),
    ("suspended_by", "Văn bản đình chỉ (suspended by)", "in", "suspends"),
    ("suspends", "Văn bản bị đình chỉ (suspends)", "out", "suspends"),
)


# --- the table -----------------------------------------------------------------------------------


def create_tables(db: Database) -> None:
    """The ``legal_effects`` table (applied by the store's migration ``m003``)."""
    db["legal_effects"].create(
        {
            "id": int, "document_id": int, "position": int, "number": str, "number_key": str, "doc_type": str,
            "relation": str, "scope": str, "pinpoints": str, "date": str, "text": str,
            "span_start": int, "span_end": int,
        },
        pk="id", foreign_keys=[("document_id", "documents", "id")],
    )
    db["legal_effects"].create_index(["document_id", "number_key"])
    db["legal_effects"].create_index(["number_key"])


def create_validity_table(db: Database) -> None:
    """The ``validity`` table (migration ``m006``): each loaded document's date of effect and
    expiry, filled from the records stored, so a status reads a row and not a record."""
    db["validity"].create(
        {"id": int, "document_id": int, "effective_date": str, "expiry_date": str, "expiry_rule": str},
        pk="id", foreign_keys=[("document_id", "documents", "id")],
    )
    db.execute(
        "INSERT INTO validity (document_id, effective_date, expiry_date, expiry_rule) "
        "SELECT id, json_extract(record, '$.effective_date'), json_extract(record, '$.expiry_date'), "
        "json_extract(record, '$.expiry_clause.rule') FROM documents WHERE status = 'loaded' AND record IS NOT NULL"
    )
    db["validity"].create_index(["document_id"], unique=True)


def validity_rows(data: dict) -> list[dict]:
    """The ``validity`` row of a record (as ``model_dump(mode="json")``), before its id."""
    return [{"effective_date": data.get("effective_date"), "expiry_date": data.get("expiry_date"),
             "expiry_rule": (data.get("expiry_clause") or {}).get("rule")}]


def effect_rows(data: dict) -> list[dict]:
    """The ``legal_effects`` rows of a record (as ``model_dump(mode="json")``), before ids."""
    rows = []
    for i, e in enumerate(data.get("effects") or []):
        number = identity.clean_printed_number(e.get("number"))
        span = e.get("span") or (None, None)
        rows.append({
            "position": i, "number": number, "number_key": identity.number_key(number), "doc_type": e.get("doc_type"),
            "relation": e.get("relation"), "scope": e.get("scope") or "whole",
            "pinpoints": json.dumps(e.get("pinpoints") or [], ensure_ascii=False), "date": e.get("date"),
            "text": e.get("text"), "span_start": span[0], "span_end": span[1],
        })
    return rows


# --- queries -------------------------------------------------------------------------------------

_VALIDITY = """
SELECT d.id, d.uri, d.status, d.number, d.doc_type, d.issued_date, d.issuer, d.subject,
       v.effective_date, v.expiry_date, v.expiry_rule
FROM documents d LEFT JOIN validity v ON v.document_id = d.id
"""
# The date an effect takes hold: its clause's, else the acting document's date of effect,
# else its date of issue.
_EFFECT_DATE = "COALESCE(e.date, sv.effective_date, s.issued_date)"
_EFFECT = f"""
SELECT c.target_id AS target, e.relation, e.scope, e.pinpoints, e.text AS clause, {_EFFECT_DATE} AS effect_date,
       s.id, s.uri, s.status, s.number, s.doc_type, s.issued_date AS date, s.issuer
FROM citations c
JOIN legal_effects e ON e.document_id = c.document_id AND e.number_key = c.number_key
JOIN documents s ON s.id = c.document_id
LEFT JOIN validity sv ON sv.document_id = s.id
"""
_INCOMING = _EFFECT + "WHERE c.target_id = ? GROUP BY e.id ORDER BY effect_date, s.uri, e.id"
# Every effect on each of many documents (the basis audit).
_INCOMING_OF = (_EFFECT + "WHERE c.target_id IN (SELECT value FROM json_each(?)) GROUP BY c.target_id, e.id "
                "ORDER BY effect_date, s.uri, e.id")
_OUTGOING = f"""
SELECT e.relation, e.scope, e.pinpoints, e.text AS clause, {_EFFECT_DATE} AS effect_date,
       t.id, t.uri, t.status, COALESCE(t.number, c.number, e.number) AS number,
       COALESCE(t.doc_type, c.doc_type, e.doc_type) AS doc_type, COALESCE(t.issued_date, c.date) AS date,
       COALESCE(t.issuer, c.issuer) AS issuer
FROM legal_effects e
JOIN documents s ON s.id = e.document_id
LEFT JOIN validity sv ON sv.document_id = s.id
LEFT JOIN citations c ON c.document_id = e.document_id AND c.number_key = e.number_key
LEFT JOIN documents t ON t.id = c.target_id
WHERE e.document_id = ?
GROUP BY e.id
ORDER BY e.position
"""
_BASES = """
SELECT c.position, t.id, t.uri, t.status, COALESCE(t.number, c.number) AS number,
       COALESCE(t.doc_type, c.doc_type) AS doc_type, COALESCE(t.issued_date, c.date) AS date,
       COALESCE(t.issuer, c.issuer) AS issuer, c.text AS clause
FROM citations c LEFT JOIN documents t ON t.id = c.target_id
WHERE c.document_id = ? AND c.relation = 'basis' AND c.number IS NOT NULL
ORDER BY c.position
"""


def today() -> str:
    return _dt.date.today().isoformat()


def _item(row: dict) -> dict:
    out = dict(row)
    if "pinpoints" in out:
        out["pinpoints"] = json.loads(out["pinpoints"] or "[]")
    return out


def incoming(db: Database, doc_id: int) -> list[dict]:
    """The effects other loaded documents have on this one, earliest first."""
    return [_item(r) for r in db.query(_INCOMING, [doc_id])]


def outgoing(db: Database, doc_id: int) -> list[dict]:
    """The effects this document has on the documents it cites."""
    return [_item(r) for r in db.query(_OUTGOING, [doc_id])]


def _named_bases(db: Database, doc_id: int) -> list[dict]:
    """Bases cited by name only (``number`` null), with the loaded law they resolve to."""
    row = db.execute("SELECT record FROM documents WHERE id = ?", [doc_id]).fetchone()
    refs = json.loads(row[0]).get("references", []) if row and row[0] else []
    out = []
    for ref in refs:
        if ref.get("number") or ref.get("relation") != "basis" or not ref.get("title"):
            continue
        resolved = ref.get("resolved_number")
        target = db.execute(
            "SELECT id, uri, status, issued_date, issuer FROM documents WHERE number_key = ? AND status = 'loaded' "
            "ORDER BY uri LIMIT 1", [identity.number_key(resolved)],
        ).fetchone() if resolved else None
        out.append({
            "id": target[0] if target else None, "uri": target[1] if target else None,
            "status": target[2] if target else None, "number": resolved, "title": ref["title"],
            "doc_type": ref.get("doc_type"), "date": ref.get("date"),
            "issuer": target[4] if target else None, "clause": ref.get("text"),
        })
    return out


def bases(db: Database, doc_id: int) -> list[dict]:
    """The documents this one rests on: numbered bases, then those cited by name."""
    return list(db.query(_BASES, [doc_id])) + _named_bases(db, doc_id)


def _on_or_before(date: str | None, on: str) -> bool:
    """Has ``date`` come by ``on``? An unknown date counts as come."""
    return date is None or date[: len(on)] <= on


def _one(db: Database, doc_id: int) -> dict:
    return next(db.query(_VALIDITY + "WHERE d.id = ?", [doc_id]))


def classify(doc: dict, effects: list[dict], on: str) -> dict:
    """The status on ``on`` of a document (a ``_VALIDITY`` row) that ``effects`` (its
    incoming effects, earliest first) act on: the one rule of status."""
    effects = [e for e in effects if _on_or_before(e["effect_date"], on)]
    grouped: dict[tuple[str, str | None], list[dict]] = {}
    for e in effects:
        grouped.setdefault((e["relation"], e["scope"]), []).append(e)
        grouped.setdefault((e["relation"], None), []).append(e)

    def by(relation: str, scope: str | None = None) -> list[dict]:
        return grouped.get((relation, scope), [])

    expiry, rule = doc["expiry_date"], doc["expiry_rule"]
    expired = expiry is not None and (expiry < on if rule == "until" else expiry <= on)
    if doc["effective_date"] and doc["effective_date"] > on:
        code, because = "not_yet_in_force", []
    elif by("replaces", "whole"):
        code, because = "replaced", by("replaces", "whole")
    elif by("repeals", "whole"):
        code, because = "repealed", by("repeals", "whole")
    elif expired:
        code, because = "expired", []
    elif by("suspends", "whole"):
        code, because = "suspended", by("suspends", "whole")
    elif [e for e in effects if e["relation"] in ("replaces", "repeals", "suspends")]:
        code, because = "partly_expired", [e for e in effects if e["relation"] in ("replaces", "repeals", "suspends")]
    elif by("amends"):
        code, because = "amended", by("amends")
    else:
        code, because = "in_force", []
    return {
        "on": on, "status": code, "label": STATUS_LABELS[code], "effective_date": doc["effective_date"],
        "expiry_date": expiry, "because": because,
    }


def status_on(db: Database, doc_id: int, on: str | None = None) -> dict:
    """The status of a document on ``on`` (ISO, default today), and the effects that make it."""
    return classify(_one(db, doc_id), incoming(db, doc_id), on or today())


def diagram(db: Database, doc_id: int) -> list[dict]:
    """The lược đồ: one group per ``DIAGRAM_GROUPS`` entry that has documents."""
    ins, outs = incoming(db, doc_id), outgoing(db, doc_id)
    groups = []
    for key, label, direction, relation in DIAGRAM_GROUPS:
        if relation == "basis":
            items = bases(db, doc_id)
        else:
            items = [e for e in (ins if direction == "in" else outs) if e["relation"] == relation]
        if items:
            groups.append({"key": key, "label": label, "documents": items})
    return groups


def document_status(db: Database, documents: list[dict], on: str | None = None) -> list[dict]:
    """Status and diagram of each document (rows of ``queries.find_documents``)."""
    out = []
    for doc in documents:
        out.append({"document": doc, **status_on(db, doc["id"], on), "diagram": diagram(db, doc["id"])})
    return out


# The numbered bases that may not have stood when they were cited (``classify`` decides):
# the target was wholly replaced or repealed by an effect that had taken hold by the citing
# document's date of issue (or has no date), has an expiry, or takes effect after that
# date; the other effects leave a document a basis (``NOT_A_BASIS``). ``{citing}``: every
# loaded document, or those of ``:ids``.
_SUSPECT_BASES = f"""
WITH acted(target_id, first, undated) AS MATERIALIZED (
    SELECT c.target_id, min({_EFFECT_DATE}), max({_EFFECT_DATE} IS NULL)
    FROM legal_effects e
    CROSS JOIN citations c ON c.document_id = e.document_id AND c.number_key = e.number_key
    JOIN documents s ON s.id = e.document_id
    LEFT JOIN validity sv ON sv.document_id = s.id
    WHERE c.target_id IS NOT NULL AND e.relation IN ('replaces', 'repeals') AND e.scope = 'whole'
    GROUP BY c.target_id
)
SELECT c.document_id AS citing, c.position, c.target_id AS id, c.text AS clause
FROM citations c INDEXED BY idx_citations_bases
JOIN documents s ON s.id = c.document_id
LEFT JOIN validity tv ON tv.document_id = c.target_id
LEFT JOIN acted a ON a.target_id = c.target_id
WHERE c.relation = 'basis' AND c.number IS NOT NULL AND c.target_id IS NOT NULL AND c.target_id != c.document_id
  AND s.status = 'loaded' AND s.issued_date IS NOT NULL AND {{citing}}
  AND (a.undated OR substr(a.first, 1, length(s.issued_date)) <= s.issued_date
       OR tv.expiry_date IS NOT NULL OR tv.effective_date > s.issued_date)
ORDER BY c.document_id, c.position
"""
# The documents that cite a basis by name only (resolved through their records).
_NAMED_CITERS = """
SELECT DISTINCT c.document_id FROM citations c JOIN documents s ON s.id = c.document_id
WHERE c.relation = 'basis' AND c.number IS NULL AND s.status = 'loaded' AND s.issued_date IS NOT NULL AND {citing}
"""
_EVERY_CITING, _SOME_CITING = "1", "c.document_id IN (SELECT value FROM json_each(:ids))"


def _rows_by_id(db: Database, ids: Iterable[int]) -> dict[int, dict]:
    ids = sorted(set(ids))
    if not ids:
        return {}
    return {r["id"]: r for r in db.query(_VALIDITY + "WHERE d.id IN (SELECT value FROM json_each(?))", [json.dumps(ids)])}


def basis_warnings(db: Database, doc_ids: Iterable[int] | None = None) -> list[dict]:
    """Every basis that, on the citing document's date of issue, could no longer (or not
    yet) be one, according to the loaded documents (all loaded documents, or ``doc_ids``),
    in the order of the citing documents' URIs, then of their bases (``bases``)."""
    ids = None if doc_ids is None else json.dumps(sorted(set(doc_ids)))
    citing = _EVERY_CITING if ids is None else _SOME_CITING
    found: dict[int, list[dict]] = {}  # citing id -> its bases that may not have stood
    for r in db.query(_SUSPECT_BASES.format(citing=citing), {"ids": ids}):
        found.setdefault(r["citing"], []).append(r)
    for citing_id in [r[0] for r in db.execute(_NAMED_CITERS.format(citing=citing), {"ids": ids})]:
        named = [b for b in _named_bases(db, citing_id) if b["id"] is not None and b["id"] != citing_id]
        found.setdefault(citing_id, []).extend(named)
    if not found:
        return []
    targets = sorted({b["id"] for bases_ in found.values() for b in bases_})
    effects: dict[int, list[dict]] = {}
    for e in db.query(_INCOMING_OF, [json.dumps(targets)]):
        effects.setdefault(e.pop("target"), []).append(_item(e))
    docs = _rows_by_id(db, [*found, *targets])
    warnings = []
    for citing_id in sorted(found, key=lambda i: (docs[i]["uri"] or "", i)):
        doc = docs[citing_id]
        for basis in found[citing_id]:
            cited = docs[basis["id"]]
            state = classify(cited, effects.get(basis["id"], []), doc["issued_date"])
            if state["status"] not in NOT_A_BASIS:
                continue
            warnings.append({
                "document": {k: doc[k] for k in ("id", "uri", "number", "doc_type", "issued_date", "issuer")},
                "basis": {**{k: cited[k] for k in ("id", "uri", "status", "number", "doc_type", "issued_date", "issuer",
                                                    "effective_date", "expiry_date")},
                          "title": basis.get("title"), "clause": basis.get("clause")},
                "status": state["status"], "label": state["label"],
                "by": [{k: e[k] for k in ("uri", "number", "doc_type", "date", "issuer", "relation", "scope",
                                          "effect_date", "clause")} for e in state["because"]],
            })
    return warnings
