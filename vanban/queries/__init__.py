"""Questions asked of the store; each returns plain dicts (the CLI only prints them, the
web view shows them).

Every question is one named function with one SQL text (``registry.QUERIES``): the
library runs it here, and ``vanban serve`` serves the same text as the canned query of
that name, with the same SQL functions (``functions``) on its connections, so both
answer alike.

- ``documents``: ``find_documents``, ``cites``, ``cited_by``, ``chain``, ``unresolved``,
  ``show`` (a document is named by its URI, a file or its number);
- ``agencies``: ``matching_agencies``, ``assignments`` (any spelling of a name);
- ``search``: ``search``, ``search_tasks`` (diacritics optional);
- ``overview``: ``failed_budget_checks``, ``amounts_by_source``, ``documents_per_month``,
  ``load_errors``, ``stats``, ``export_rows``.
"""
from __future__ import annotations

from .agencies import assignments, matching_agencies
from .documents import (
    BASIS_RELATIONS,
    CHILD_TABLES,
    SUMMARY,
    chain,
    children,
    cited_by,
    cites,
    documents_at,
    find_documents,
    latest_documents,
    show,
    unresolved,
    uri_is_shared,
)
from .functions import OTHER_FUND, fts_query, fund_name
from .overview import (
    EXPORT_TABLES,
    amounts_by_source,
    documents_per_month,
    export_rows,
    failed_budget_checks,
    load_errors,
    stats,
)
from .registry import QUERIES, Query, run
from .search import search, search_tasks

__all__ = [
    "BASIS_RELATIONS", "CHILD_TABLES", "EXPORT_TABLES", "OTHER_FUND", "QUERIES", "SUMMARY", "Query",
    "amounts_by_source", "assignments", "chain", "children", "cited_by", "cites", "documents_at",
    "documents_per_month", "export_rows", "failed_budget_checks", "find_documents", "fts_query", "fund_name",
    "latest_documents", "load_errors", "matching_agencies", "run", "search", "search_tasks", "show", "stats",
    "unresolved", "uri_is_shared",
]
