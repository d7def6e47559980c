"""Questions the home page's charts ask: the budgets of plans by year and funding source,
documents by type and month, the most cited documents, the agencies with the most open
tasks. Each bar of a chart is a row of one of these, and links to the rows behind it.

A plan's budget is its top-level total, each plan once, under the funding source of that
total: the rows of ``plan_totals``, whose rule is ``vanban.budgets``'. A task is open until its deadline has passed
(``vanban_overdue``); nothing records a task as done.
"""
from __future__ import annotations

from sqlite_utils import Database

from .registry import named, run

_LIMIT = "LIMIT coalesce(cast(nullif(:limit, '') AS integer), 10)"

BUDGET_BY_YEAR_SOURCE = named("budget_by_year_source", """
    SELECT year, vanban_fund_name(fund) AS source, fund, count(*) AS plans, sum(total_vnd) AS total_vnd
    FROM plan_totals GROUP BY year, fund ORDER BY year DESC, total_vnd DESC, fund""")

PLAN_BUDGETS = named("plan_budgets", """
    SELECT d.uri, d.number, d.issued_date, d.issuer, d.subject, p.year, vanban_fund_name(p.fund) AS source,
           p.fund, p.total_vnd
    FROM plan_totals p JOIN documents d ON d.id = p.document_id
    WHERE (nullif(:year, '') IS NULL OR p.year = cast(:year AS integer))
      AND (nullif(:fund, '') IS NULL OR p.fund = :fund)
    ORDER BY p.total_vnd DESC, d.uri, d.id""")

DOCUMENTS_BY_TYPE_MONTH = named("documents_by_type_month", """
    SELECT substr(issued_date, 1, 7) AS month, doc_type, count(*) AS documents
    FROM documents
    WHERE status = 'loaded' AND issued_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]*'
    GROUP BY 1, 2 ORDER BY 1, 2""")

MOST_CITED = named("most_cited", f"""
    SELECT d.uri, d.number, d.doc_type, d.issued_date, d.issuer, d.status, d.subject,
           count(DISTINCT c.document_id) AS citing_documents, sum(coalesce(c.mentions, 1)) AS mentions
    FROM citations c JOIN documents d ON d.id = c.target_id
    WHERE c.document_id != c.target_id
    GROUP BY d.id ORDER BY citing_documents DESC, mentions DESC, d.uri, d.id {_LIMIT}""")

# Tasks as the assigned agency and as a partner (counted as support), as on an agency's page.
AGENCIES_OPEN_TASKS = named("agencies_open_tasks", f"""
    WITH late(deadline, late) AS MATERIALIZED (  -- one call of vanban_overdue per deadline
        SELECT deadline, vanban_overdue(deadline, :today) FROM assignments WHERE deadline IS NOT NULL GROUP BY deadline
    ),
    task(agency_id, deadline) AS (
        SELECT agency_id, deadline FROM assignments WHERE agency_id IS NOT NULL
        UNION ALL
        SELECT p.agency_id, a.deadline FROM assignment_partners p JOIN assignments a ON a.id = p.assignment_id
        WHERE p.agency_id IS NOT NULL
    ),
    per_agency(agency_id, tasks, overdue_tasks) AS (
        SELECT t.agency_id, count(*), coalesce(sum(l.late), 0) FROM task t LEFT JOIN late l ON l.deadline = t.deadline
        GROUP BY t.agency_id
    )
    SELECT g.id AS agency_id, g.name, g.jurisdiction, t.tasks, t.overdue_tasks, t.tasks - t.overdue_tasks AS open_tasks
    FROM per_agency t JOIN agencies g ON g.id = t.agency_id
    ORDER BY t.tasks DESC, open_tasks DESC, g.id {_LIMIT}""")


def budget_by_year_source(db: Database) -> list[dict]:
    """Plans' top-level budget totals summed by year and funding source, latest year first."""
    return run(db, BUDGET_BY_YEAR_SOURCE)


def plan_budgets(db: Database, *, year: int | None = None, fund: str | None = None) -> list[dict]:
    """The plans behind ``budget_by_year_source``: each with its top-level total."""
    return run(db, PLAN_BUDGETS, year=year, fund=fund)


def documents_by_type_month(db: Database) -> list[dict]:
    """Loaded documents by month of issue and type."""
    return run(db, DOCUMENTS_BY_TYPE_MONTH)


def most_cited(db: Database, *, limit: int | None = 10) -> list[dict]:
    """The documents cited by the most other documents, loaded or not."""
    return run(db, MOST_CITED, limit=limit)


def agencies_open_tasks(db: Database, *, today: str | None = None, limit: int | None = 10) -> list[dict]:
    """Agencies with the most tasks, with how many are open and how many overdue on ``today``
    (ISO date; blank: today)."""
    return run(db, AGENCIES_OPEN_TASKS, today=today, limit=limit)
