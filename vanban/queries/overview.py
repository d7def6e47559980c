"""Questions across the database: budget checks that fail, amounts by funding source,
documents per month, load errors and what the database holds (the rows to export: ``export``)."""
from __future__ import annotations

from sqlite_utils import Database

from .registry import named, run

FAILED_BUDGET_CHECKS = named("failed_budget_checks", """
    SELECT d.uri, d.number, d.source, b.what, b.total_vnd, b.parts_vnd, b.found_vnd, b.difference_vnd,
           b.section, b.span_start, b.span_end, substr(d.text, b.span_start + 1, b.span_end - b.span_start) AS excerpt,
           length(substr(d.text, 1, b.span_start)) - length(replace(substr(d.text, 1, b.span_start), char(10), '')) + 1
               AS line
    FROM budget_checks b JOIN documents d ON d.id = b.document_id
    WHERE b.holds = 0 ORDER BY d.uri, d.id, b.position""", json_columns=("parts_vnd",))

# The funding source of an amount is the record's ``fund`` key (the extractor's
# ``funding_key``, from the reviewed table); a total already checked against its parts is
# not counted again.
AMOUNTS_BY_SOURCE = named("amounts_by_source", """
    WITH funded(document_id, position, fund) AS MATERIALIZED (
        SELECT d.id, CAST(j.key AS integer), json_extract(j.value, '$.fund')
        FROM documents d, json_each(d.record, '$.amounts') j
        WHERE d.status = 'loaded' AND d.id IN (SELECT document_id FROM amounts)
    )
    SELECT vanban_fund_name(f.fund) AS source, f.fund, count(*) AS amounts,
           count(DISTINCT a.document_id) AS documents, sum(a.value_vnd) AS total_vnd
    FROM amounts a JOIN funded f ON f.document_id = a.document_id AND f.position = a.position
    WHERE NOT EXISTS (
        SELECT 1 FROM budget_checks b WHERE b.document_id = a.document_id AND b.span_start = a.span_start
    )
    GROUP BY f.fund
    ORDER BY total_vnd DESC, f.fund""")

DOCUMENTS_PER_MONTH = named("documents_per_month", """
    SELECT substr(issued_date, 1, 7) AS month, count(*) AS documents
    FROM documents
    WHERE status = 'loaded' AND length(issued_date) >= 7
    GROUP BY 1 ORDER BY 1""")


def failed_budget_checks(db: Database) -> list[dict]:
    """Budget checks that fail (a total that is not the sum of its parts), across the
    database, with where they stand in the text (section, and ``line`` of the normalized text)."""
    return run(db, FAILED_BUDGET_CHECKS)


def amounts_by_source(db: Database) -> list[dict]:
    """Amounts summed by funding source (``fund`` key and its name), biggest first."""
    return run(db, AMOUNTS_BY_SOURCE)


def documents_per_month(db: Database) -> list[dict]:
    """Loaded documents by month of issue."""
    return run(db, DOCUMENTS_PER_MONTH)


def load_errors(db: Database) -> list[dict]:
    """Files that could not be loaded, with the reason."""
    return list(db.query("SELECT path, code, message, run_id, at FROM load_errors ORDER BY path"))


def stats(db: Database, *, include_other: bool = False) -> dict:
    """What the database holds: documents by type, citations resolved or not, amounts,
    assignments, errors, the last load. The files that are no document (genre ``other``)
    are counted apart (``other_files``), unless ``include_other``."""
    one = lambda sql, params=(): db.execute(sql, params).fetchone()[0]  # noqa: E731
    pairs = lambda sql: {k if k is not None else "?": v for k, v in db.execute(sql).fetchall()}  # noqa: E731
    last = list(db.query("SELECT * FROM load_runs ORDER BY id DESC LIMIT 1"))
    loaded = "status = 'loaded'" + ("" if include_other else " AND coalesce(genre, '') != 'other'")
    return {
        "documents": one(f"SELECT count(*) FROM documents WHERE {loaded}"),
        "other_files": 0 if include_other else one("SELECT count(*) FROM documents WHERE status = 'loaded' AND genre = 'other'"),
        "by_type": pairs(f"SELECT doc_type, count(*) FROM documents WHERE {loaded} GROUP BY 1 ORDER BY 2 DESC, 1"),
        "by_jurisdiction": pairs(
            f"SELECT jurisdiction, count(*) FROM documents WHERE {loaded} GROUP BY 1 ORDER BY 2 DESC, 1"
        ),
        "files": one("SELECT count(*) FROM files"),
        "citations": one("SELECT count(*) FROM citations"),
        "citations_resolved": one(
            "SELECT count(*) FROM citations c JOIN documents t ON t.id = c.target_id WHERE t.status = 'loaded'"
        ),
        "citations_unresolved": one(
            "SELECT count(*) FROM citations c JOIN documents t ON t.id = c.target_id WHERE t.status = 'stub'"
        ),
        "citations_without_number": one("SELECT count(*) FROM citations WHERE target_id IS NULL"),
        "cited_not_loaded": one("SELECT count(*) FROM documents WHERE status = 'stub'"),
        "amounts": one("SELECT count(*) FROM amounts"),
        "budget_checks": one("SELECT count(*) FROM budget_checks"),
        "budget_checks_failing": one("SELECT count(*) FROM budget_checks WHERE holds = 0"),
        "assignments": one("SELECT count(*) FROM assignments"),
        "agencies": one("SELECT count(*) FROM agencies"),
        "errors": one("SELECT count(*) FROM load_errors"),
        "errors_by_code": pairs("SELECT code, count(*) FROM load_errors GROUP BY 1 ORDER BY 2 DESC, 1"),
        "last_load": last[0] if last else None,
    }
