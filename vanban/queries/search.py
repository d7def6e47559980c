"""Full-text search over the folded text (diacritics and 'đ' ignored), best first: plain
words are one phrase ('so y te' finds 'Sở Y tế'); FTS5 syntax ("a" OR "b", prefix*) is
kept. An FTS5 syntax error (an unbalanced quote, a bare AND) is a ``SearchSyntaxError``
whose message says how to quote. The excerpt starts from where
FTS5's own ``highlight()`` marks the first hit in the folded body (only for the rows
returned), so its cost does not grow with the length of the texts.
"""
from __future__ import annotations

import sqlite3

from sqlite_utils import Database

from vanban.extractors.errors import VanbanError

from .documents import SUMMARY
from .registry import named, run

LIMIT = 20
_LIMIT = f"LIMIT coalesce(cast(nullif(:limit, '') AS integer), {LIMIT})"

SEARCH = named("search", f"""
    WITH hit(id, score) AS MATERIALIZED (
        SELECT f.rowid, bm25(documents_fts, 5.0, 1.0) FROM documents_fts f
        WHERE documents_fts MATCH vanban_fts_query(:q) ORDER BY 2, 1 {_LIMIT}
    )
    SELECT {SUMMARY}, vanban_excerpt_marked(d.text, :q, (
        SELECT highlight(documents_fts, 1, char(1), '') FROM documents_fts
        WHERE documents_fts MATCH vanban_fts_query(:q) AND rowid = h.id)) AS excerpt
    FROM hit h JOIN documents d ON d.id = h.id ORDER BY h.score, d.id""")

SEARCH_TASKS = named("search_tasks", f"""
    SELECT a.agency, a.role, a.task, a.deadline, d.uri, d.number, d.source
    FROM assignments_fts f JOIN assignments a ON a.id = f.rowid JOIN documents d ON d.id = a.document_id
    WHERE assignments_fts MATCH vanban_fts_query(:q) ORDER BY bm25(assignments_fts), a.id {_LIMIT}""")


class SearchSyntaxError(VanbanError):
    code = "search_syntax"


QUOTING_HINT = ('cú pháp tìm kiếm không hợp lệ (search syntax error): {query!r}. Gợi ý (how to quote): đóng đủ ngoặc kép, '
                '"so y te"; AND, OR, NOT cần một cụm từ ở mỗi bên, "so y te" OR "so tai chinh"; '
                'tìm chính chữ AND: "AND".')
# what SQLite says of a query FTS5 cannot parse
_SYNTAX_MESSAGES = ("fts5: syntax error", "unterminated string", "unknown special query", "no such column")


def _run(db: Database, query, text: str, limit: int) -> list[dict]:
    try:
        return run(db, query, q=text, limit=limit)
    except sqlite3.OperationalError as exc:
        if any(m in str(exc) for m in _SYNTAX_MESSAGES):
            raise SearchSyntaxError(QUOTING_HINT.format(query=text)) from exc
        raise


def search(db: Database, text: str, *, limit: int = LIMIT) -> list[dict]:
    """Documents whose subject or text matches, each with an excerpt around the match."""
    return _run(db, SEARCH, text, limit)


def search_tasks(db: Database, text: str, *, limit: int = LIMIT) -> list[dict]:
    """Assignments whose agency or task matches."""
    return _run(db, SEARCH_TASKS, text, limit)
