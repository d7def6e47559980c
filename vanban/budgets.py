"""A plan's budget: its top-level total, kept in the table ``plan_totals`` (one row per
loaded plan that has one) so that the home page's budget chart and the plans behind its
bars (``vanban.queries.charts``) read a few rows instead of every plan's record.

The top-level total of a plan (``doc_type`` KH) is the largest total that a budget check
checks against its parts and that is not itself a part of another check of the plan
(the first such check on a tie); the plan counts once, under the funding source of that
total (``fund`` of the record's amount printed there; ``_`` when it names none). The writer
adds the row with the document's other rows (``vanban.rows``) and removes it with them.
"""
from __future__ import annotations

import json

from sqlite_utils import Database

PLAN_TYPE = "KH"
NO_FUND = "_"


def create_tables(db: Database) -> None:
    """The ``plan_totals`` table (migration ``m006``), filled from the records stored."""
    db["plan_totals"].create(
        {"id": int, "document_id": int, "year": int, "fund": str, "total_vnd": int},
        pk="id", foreign_keys=[("document_id", "documents", "id")],
    )
    db["plan_totals"].create_index(["document_id"])
    db["plan_totals"].create_index(["year", "fund", "total_vnd"])
    rows = []
    for doc_id, doc_type, year, raw in db.execute(
        "SELECT id, doc_type, year, record FROM documents WHERE status = 'loaded' AND doc_type = ? AND record IS NOT NULL "
        "AND id IN (SELECT document_id FROM budget_checks)", [PLAN_TYPE],
    ).fetchall():
        rows += [{**r, "document_id": doc_id} for r in plan_total_rows(json.loads(raw), {"doc_type": doc_type, "year": year})]
    if rows:
        db["plan_totals"].insert_all(rows)


def _start(span) -> int | None:
    return span[0] if span else None


def plan_total_rows(data: dict, document: dict) -> list[dict]:
    """The ``plan_totals`` row of a record (as ``model_dump(mode="json")``) whose documents
    row is ``document``: [] unless it is a plan with a checked total."""
    if document.get("doc_type") != PLAN_TYPE:
        return []
    checks = data.get("budget_checks") or []
    parts = {_start(p.get("span")) for c in checks for p in c.get("parts") or []} - {None}
    tops = [(c["total_vnd"], -i, _start(c.get("span"))) for i, c in enumerate(checks)
            if c.get("total_vnd") is not None and _start(c.get("span")) not in parts]
    if not tops:
        return []
    total, _, start = max(tops)
    fund = next((a.get("fund") for a in data.get("amounts") or [] if start is not None and _start(a.get("span")) == start),
                None)
    year = document.get("year")
    if year is None and (data.get("issued_date") or "")[:4].isdigit():
        year = int(data["issued_date"][:4])
    return [{"year": year, "fund": fund or NO_FUND, "total_vnd": total}]
