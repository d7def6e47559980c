"""An agency's tasks: everything one agency was told to lead or support, across documents,
grouped by document (latest first, the latest ``SHOWN_DOCUMENTS`` on the page) with
deadlines, the overdue ones marked relative to today; filtered by province and role; and
the same rows, all of them, as CSV.

The rows are the library's ``assignments`` (the canned query ``assignments_of_agency``):
an agency named however it is spelled, as the one assigned or as a partner.
"""
from __future__ import annotations

import csv
import io
from datetime import date, timedelta

from sqlite_utils import Database

from .. import queries
from .labels import ROLES, place, role_name, type_name
from .pages import Links, doc_label, numbered

SHOWN_DOCUMENTS = 100  # documents listed on the page, latest first; the CSV has every task
CSV_COLUMNS = (  # (heading, row key)
    ("Cơ quan · agency", "agency"), ("Tên chuẩn · canonical name", "agency_name"), ("Vai trò · role", "role_name"),
    ("Nhiệm vụ · task", "task"), ("Hạn · deadline", "deadline"), ("Quá hạn · overdue", "overdue_text"),
    ("Định kỳ · recurrence", "recurrence"), ("Báo cáo cho · reports to", "report_to"), ("Mục · section", "section"),
    ("Số ký hiệu · number", "number"), ("Loại · type", "doc_type"), ("Ngày ban hành · date", "issued_date"),
    ("Định danh · URI", "uri"), ("Tệp · file", "source"),
)


def _days_late(deadline: str, today: str) -> int:
    """Days from the last day a deadline allows ('2023-06' allows all of June) to ``today``."""
    parts = [int(p) for p in deadline.split("-")]
    year, month = parts[0], parts[1] if len(parts) > 1 else 12
    last = date(year, month, parts[2]) if len(parts) > 2 else (
        date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1))
    return (date.fromisoformat(today) - last).days


def _rows(db: Database, agency: str, role: str | None, province: str | None, today: str) -> list[dict]:
    rows = queries.assignments(db, agency, role=role or None, province=province or None)
    for r in rows:
        r["overdue"] = bool(queries.overdue(r["deadline"], today))
        r["overdue_days"] = _days_late(r["deadline"], today) if r["overdue"] else None
        r["overdue_text"] = f"quá hạn {r['overdue_days']} ngày" if r["overdue"] else ""
        r["role_name"] = role_name(r["role"])
    return rows


def tasks_page(db: Database, agency: str, *, role: str | None = None, province: str | None = None,
               links: Links, today: str | None = None) -> dict:
    """The page's values: the documents (each with its tasks), counts, the filters."""
    agency = (agency or "").strip()
    today = today or date.today().isoformat()
    role = role if role in ROLES else None
    rows = _rows(db, agency, role, province, today) if agency else []
    documents: dict[str, dict] = {}
    for r in rows:
        doc = documents.get(r["uri"])
        if doc is None:
            doc = documents[r["uri"]] = {
                "uri": r["uri"], "href": links.doc(r["uri"]), "label": doc_label(r), "numbered": numbered(r),
                "type_name": type_name(r["doc_type"]), "issued_date": r["issued_date"], "source": r["source"],
                "tasks": [], "overdue": 0,
            }
        doc["tasks"].append(r)
        doc["overdue"] += r["overdue"]
    ordered = sorted(documents.values(), key=lambda d: (d["issued_date"] or "", d["uri"]), reverse=True)
    matched = queries.matching_agencies(db, agency, province=province or None) if agency else []
    provinces = sorted({a["jurisdiction"] for a in queries.matching_agencies(db, agency)} - {"local"}) if agency else []
    return {
        "agency": agency, "role": role or "", "province": province or "", "today": today,
        "documents": ordered[:SHOWN_DOCUMENTS], "documents_total": len(ordered), "tasks": len(rows), "overdue": sum(r["overdue"] for r in rows),
        "agencies": [{**a, "place": place(a["jurisdiction"])} for a in matched],
        "provinces": [(p, place(p)) for p in provinces],
        "province_listed": (province or "") in provinces,
        "roles": [("", "Mọi vai trò · any role")] + [(k, role_name(k)) for k in ROLES],
        "csv": links.tasks(agency, province=province, role=role, csv=True) if agency else None,
        "busiest": [] if agency else [
            {**a, "place": place(a["jurisdiction"]),
             "href": links.tasks(a["name"], province=a["jurisdiction"] if a["jurisdiction"] != "local" else None)}
            for a in queries.agencies_open_tasks(db, today=today, limit=30)],
    }


def tasks_csv(db: Database, agency: str, *, role: str | None = None, province: str | None = None,
              today: str | None = None) -> str:
    """The page's rows as CSV (UTF-8 with a byte order mark, so spreadsheets read the diacritics)."""
    role = role if role in ROLES else None
    rows = _rows(db, agency.strip(), role, province, today or date.today().isoformat()) if agency.strip() else []
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow([heading for heading, _ in CSV_COLUMNS])
    for r in rows:
        writer.writerow(["" if r.get(key) is None else r[key] for _, key in CSV_COLUMNS])
    return out.getvalue()
