"""The home page: what the database holds, the latest documents, and the charts, each the picture of one of the library's questions
(``vanban.queries.charts``) and each bar a link to the rows behind it:

- plans' budgets by year and funding source (top-level totals, each plan once) -> the
  plans of that year and source;
- documents by type and month (the last ``MONTHS`` months up to the latest document) ->
  the documents table filtered to that type and month;
- the most cited documents -> the document's page;
- the agencies with the most tasks, open and overdue -> the agency's tasks page.
"""
from __future__ import annotations

from datetime import date

from sqlite_utils import Database

from .. import queries
from . import svg
from .labels import place, type_name
from .pages import Links, doc_label, money_short, numbered

MONTHS = 24
TYPE_COLORS = ("#2a7ab0", "#3b8f5a", "#d9822b", "#8e5ea2", "#c0504d", "#4bacc6")
OTHER_COLOR = "#9aa5b1"
OPEN_COLOR, OVERDUE_COLOR = "#2a7ab0", "#c0392b"
BUDGET_YEARS = 4


def budget_chart(db: Database, links: Links) -> dict:
    rows = queries.budget_by_year_source(db)
    years = sorted({r["year"] for r in rows if r["year"]}, reverse=True)[:BUDGET_YEARS]
    bars = [
        svg.Bar(
            name=f"{r['year']} · {r['source']}",
            parts=(svg.Part(r["total_vnd"], title=f"{r['plans']} kế hoạch · plans",
                            href=links.query("plan_budgets", year=r["year"], fund=r["fund"])),),
            shown=money_short(r["total_vnd"]),
            href=links.query("plan_budgets", year=r["year"], fund=r["fund"]),
        )
        for r in rows if r["year"] in years and r["total_vnd"]
    ]
    return {"svg": svg.bar_chart(bars, label="Ngân sách kế hoạch theo năm và nguồn vốn · plan budgets by year and source"),
            "plans": sum(r["plans"] for r in rows)}


def _month_range(last: str, n: int) -> list[str]:
    y, m = int(last[:4]), int(last[5:7])
    months = []
    for _ in range(n):
        months.append(f"{y:04d}-{m:02d}")
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    return months[::-1]


def type_month_chart(db: Database, links: Links) -> dict:
    rows = queries.documents_by_type_month(db)
    if not rows:
        return {"svg": svg.Markup(""), "legend": [], "months": []}
    months = _month_range(max(r["month"] for r in rows), MONTHS)
    shown = [r for r in rows if r["month"] >= months[0]]
    totals: dict[str, int] = {}
    for r in shown:
        totals[r["doc_type"] or "?"] = totals.get(r["doc_type"] or "?", 0) + r["documents"]
    top = sorted(totals, key=lambda t: (-totals[t], t))[: len(TYPE_COLORS)]
    color = {t: c for t, c in zip(top, TYPE_COLORS)}
    by_month: dict[str, dict[str, int]] = {m: {} for m in months}
    for r in shown:
        by_month[r["month"]][r["doc_type"] or "?"] = r["documents"]
    columns = []
    for month in months:
        counts = by_month[month]
        parts = [svg.Part(counts[t], color[t], f"{month} · {t} {type_name(t)}: {counts[t]}",
                          links.table("documents", status="loaded", doc_type=t, issued_date__startswith=month))
                 for t in top if counts.get(t)]
        others = sum(n for t, n in counts.items() if t not in color)
        if others:
            parts.append(svg.Part(others, OTHER_COLOR, f"{month} · khác · other: {others}"))
        columns.append(svg.Bar(name=month, parts=tuple(parts),
                               href=links.table("documents", status="loaded", issued_date__startswith=month)))
    legend = [{"code": t, "name": type_name(t), "color": color[t]} for t in top]
    if any(t not in color for t in totals):
        legend.append({"code": "", "name": "Loại khác · other types", "color": OTHER_COLOR})
    return {"svg": svg.column_chart(columns, label="Số văn bản theo loại và tháng · documents by type and month"),
            "legend": legend, "months": [months[0], months[-1]], "older": sum(r["documents"] for r in rows) - sum(totals.values())}


def most_cited_chart(db: Database, links: Links) -> dict:
    bars = [
        svg.Bar(name=f"{doc_label(r)}" + ("" if r["status"] == "loaded" else " (chưa nạp)"),
                parts=(svg.Part(r["citing_documents"], "#2a7ab0" if r["status"] == "loaded" else OTHER_COLOR,
                                f"{r['citing_documents']} văn bản trích dẫn · citing documents", links.doc(r["uri"])),),
                href=links.doc(r["uri"]))
        for r in queries.most_cited(db, limit=10)
    ]
    return {"svg": svg.bar_chart(bars, label="Văn bản được trích dẫn nhiều nhất · most cited documents")}


def open_tasks_chart(db: Database, links: Links, today: str | None = None) -> dict:
    today = today or date.today().isoformat()
    bars = []
    for r in queries.agencies_open_tasks(db, today=today, limit=10):
        where = place(r["jurisdiction"]) if r["jurisdiction"] not in ("local", None) else None
        href = links.tasks(r["name"], province=r["jurisdiction"] if where else None)
        name = r["name"] if not where or where in r["name"] else f"{r['name']} ({where})"
        bars.append(svg.Bar(
            name=name, href=href, shown=f"{r['open_tasks']} còn hạn · {r['overdue_tasks']} quá hạn",
            parts=(svg.Part(r["open_tasks"], OPEN_COLOR, f"{r['open_tasks']} còn hạn · open", href),
                   svg.Part(r["overdue_tasks"], OVERDUE_COLOR, f"{r['overdue_tasks']} quá hạn · overdue", href)),
        ))
    return {"svg": svg.bar_chart(bars, label="Cơ quan có nhiều nhiệm vụ nhất · agencies with the most tasks",
                                 width=680, name_w=250, value_w=170), "today": today}


def home_charts(db: Database, links: Links) -> dict:
    return {"budget": budget_chart(db, links), "types": type_month_chart(db, links),
            "cited": most_cited_chart(db, links), "tasks": open_tasks_chart(db, links)}


def home_page(db: Database, *, links: Links, latest: int = 20) -> dict:
    docs = queries.latest_documents(db, limit=latest)
    for d in docs:
        d.update(label=doc_label(d), numbered=numbered(d), href=links.doc(d["uri"], d["id"]), type_name=type_name(d["doc_type"]))
    return {"stats": queries.stats(db), "latest": docs, "charts": home_charts(db, links)}
