"""Questions asked of the store; each returns plain dicts (the CLI only prints them, the
web view shows them).

Every question is one named function with one SQL text (``registry.QUERIES``): the
library runs it here, and ``vanban serve`` serves the same text as the canned query of
that name, with the same SQL functions (``functions``) on its connections, so both
answer alike.

- ``documents``: ``find_documents``, ``cites``, ``cited_by``, ``chain``, ``unresolved``,
  ``show`` (a document is named by its URI, a file or its number);
- ``names``: ``resolve_document`` (the one document a name means, or close matches);
- ``agencies``: ``matching_agencies``, ``assignments`` (any spelling of a name);
- ``search``: ``search``, ``search_tasks`` (diacritics optional);
- ``charts``: ``budget_by_year_source``, ``plan_budgets``, ``documents_by_type_month``,
  ``most_cited``, ``agencies_open_tasks`` (the home page's charts);
- ``overview``: ``failed_budget_checks``, ``amounts_by_source``, ``documents_per_month``,
  ``load_errors``, ``stats``;
- ``export``: ``export_rows`` (records or a table's rows, filtered by status, type, date).
"""
from __future__ import annotations

from .agencies import UnknownProvinceError, assignments, matching_agencies, province_id
from .charts import agencies_open_tasks, budget_by_year_source, documents_by_type_month, most_cited, plan_budgets
from .documents import (
    BASIS_RELATIONS,
    CHILD_TABLES,
    SUMMARY,
    chain,
    children,
    cited_by,
    cites,
    documents_at,
    files_of,
    find_documents,
    latest_documents,
    show,
    unresolved,
    uri_is_shared,
)
from .names import AmbiguousDocumentError, close_matches, resolve_document
from .functions import OTHER_FUND, fts_query, fund_name, overdue
from .export import EXPORT_TABLES, export_rows
from .overview import amounts_by_source, documents_per_month, failed_budget_checks, load_errors, stats
from .registry import QUERIES, Query, run
from .search import SearchSyntaxError, search, search_tasks

__all__ = [
    "AmbiguousDocumentError", "close_matches", "resolve_document",
    "BASIS_RELATIONS", "CHILD_TABLES", "SearchSyntaxError", "UnknownProvinceError", "province_id", "EXPORT_TABLES", "OTHER_FUND", "QUERIES", "SUMMARY", "Query",
    "agencies_open_tasks", "amounts_by_source", "assignments", "budget_by_year_source", "documents_by_type_month",
    "files_of", "most_cited", "overdue", "plan_budgets", "chain", "children", "cited_by", "cites", "documents_at",
    "documents_per_month", "export_rows", "failed_budget_checks", "find_documents", "fts_query", "fund_name",
    "latest_documents", "load_errors", "matching_agencies", "run", "search", "search_tasks", "show", "stats",
    "unresolved", "uri_is_shared",
]
