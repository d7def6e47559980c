"""The SQL functions the questions' SQL calls, registered on every connection that asks
them: the library's own (``register``) and the web view's (``vanban.web.plugin``), so one
SQL text gives one answer wherever it runs.

- names: ``vanban_number_key`` ('352 /KH-UBND' -> '352/KHUBND'), ``vanban_file_sha256``
  and ``vanban_file_path`` (a name that is a file on this machine);
- agencies: ``vanban_agency_key``, ``vanban_agency_id`` ('Sở Y tế tỉnh Nghệ An' ->
  'nghe-an/so-y-te'), ``vanban_agency_local_head`` (the head of a name that says no place:
  'Sở Y tế' -> 'so-y-te', the same body everywhere), ``vanban_province``;
- search: ``vanban_fold``, ``vanban_fts_query``, ``vanban_excerpt``, ``vanban_excerpt_marked``;
- money: ``vanban_fund_name`` (a funding-source key of the reviewed table in
  ``models/vn_numbers.json`` -> its name);
- tasks: ``vanban_overdue`` (whether a deadline has passed on a day).
"""
from __future__ import annotations

import sqlite3
import stat
from datetime import date
from functools import lru_cache, wraps
from pathlib import Path

import regex as re

from vanban.extractors.errors import VanbanError

from .. import identity

# Bounds on what one call may be given, so that no SQL (the web view's SQL box included) can
# make one call run long or fill memory: a name longer than NAME_CHARS is no name, a text
# longer than TEXT_CHARS is not folded; SQLite holds no string or blob over LENGTH_LIMIT.
NAME_CHARS = 1_000  # an agency name, a number, a place, a path, a query
TEXT_CHARS = 2_000_000  # a text folded; an excerpt searches this much of a text
LENGTH_LIMIT = 128 * 1024 * 1024  # bytes of one SQLite value (a document's text: at most ~40 MB)
MAX_HASHED_BYTES = 64 * 1024 * 1024  # the largest file a load reads

OTHER_FUND = "Khác · other"  # amounts whose label names no funding source
LOCAL = "local"  # the jurisdiction of an agency named without a place


# --- names -----------------------------------------------------------------------------------------


def file_sha256(name: str | None) -> str | None:
    """The content hash of the file ``name`` names on this machine, if it is a regular file
    no larger than a file a load reads (a FIFO or a device is never opened); computed once
    per file state."""
    try:
        path = Path(name.strip()) if name and name.strip() else None
        st = path.stat() if path is not None else None
    except (OSError, ValueError):
        return None
    if st is None or not stat.S_ISREG(st.st_mode) or st.st_size > MAX_HASHED_BYTES:
        return None
    return _hash_of(str(path.resolve()), st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


@lru_cache(maxsize=256)
def _hash_of(path: str, dev: int, ino: int, size: int, mtime_ns: int) -> str | None:
    try:
        return identity.content_hash(path)
    except (OSError, ValueError, VanbanError):
        return None


def file_path(name: str | None) -> str | None:
    """``name`` as an absolute path (how ``files.path`` keeps the paths loaded)."""
    try:
        return str(Path(name.strip()).resolve()) if name and name.strip() else None
    except (OSError, RuntimeError, ValueError):
        return None


# --- agencies --------------------------------------------------------------------------------------


def agency_id(name: str | None) -> str | None:
    found = identity.agency_identity(name, None) if name else None
    return found[0] if found else None


def agency_local_head(name: str | None) -> str | None:
    """The head of the agency a name means when it says no place ('Sở Y tế' is the Sở Y tế
    of every province); None for a name that says where ('Sở Y tế tỉnh Nghệ An')."""
    found = agency_id(name)
    if not found:
        return None
    where, head = identity.agency_parts(found)
    return head if where == LOCAL else None


def province(text: str | None) -> str | None:
    """'Nghệ An' or 'nghe-an' -> 'nghe-an'; None for no province asked."""
    return (identity.province_of(text) or identity.slug(text)) if text else None


# --- search ----------------------------------------------------------------------------------------

_FTS_SYNTAX = re.compile(r'["*()]|\b(?:AND|OR|NOT|NEAR)\b')
_OPERATORS = ("AND", "OR", "NOT", "NEAR")


def fts_query(text: str | None) -> str:
    """An FTS5 query over the folded columns: plain words are one phrase ('so y te' finds
    'Sở Y tế'); a query with FTS5 syntax (quotes, AND/OR/NOT, *) keeps it, words folded."""
    text = text or ""
    if not _FTS_SYNTAX.search(text):
        words = re.findall(r"[\p{L}\p{N}]+", identity.fold(text))
        return '"' + " ".join(words) + '"' if words else '""'
    return re.sub(r"[^\W\d_]+|\d+", lambda m: m.group(0) if m.group(0) in _OPERATORS else identity.fold(m.group(0)), text)


_QUERY_OPERATORS = re.compile(r"\b(?:AND|OR|NOT|NEAR)\b")
_WORD = re.compile(r"[\p{L}\p{N}]+")
HIT_MARK = "\x01"  # what ``highlight()`` puts before each matched term of the folded body


def excerpt(text: str | None, query: str | None, width: int = 90, marked: str | None = None) -> str | None:
    """About ``width`` characters of ``text`` around the first place the query matches.

    ``marked`` is the folded body as FTS5's ``highlight()`` returns it, ``HIT_MARK`` before
    each matched term: the folded body has the length of the text, so the first mark is
    the offset of the first hit and the text is not folded again here. Without a mark (a
    hit in the subject only) the query's words are looked for in the folded text.
    """
    if not text:
        return None
    at = marked.find(HIT_MARK) if marked else -1
    if at < 0:
        words = _WORD.findall(identity.fold(_QUERY_OPERATORS.sub(" ", (query or "")[:NAME_CHARS])))
        folded = identity.fold(text[:TEXT_CHARS])
        patterns = [r"\W+".join(map(re.escape, words))] + [re.escape(w) for w in words] if words else []
        at = next((m.start() for p in patterns for m in [re.search(rf"(?<![\p{{L}}\p{{N}}]){p}", folded)] if m), 0)
    start = max(0, at - width // 3)
    return ("…" if start else "") + " ".join(text[start:start + width].split()) + ("…" if start + width < len(text) else "")


def excerpt_marked(text: str | None, query: str | None, marked: str | None) -> str | None:
    """``excerpt`` from the first mark of ``highlight()`` (SQL cannot pass a keyword)."""
    return excerpt(text, query, marked=marked)


# --- money -----------------------------------------------------------------------------------------


def fund_name(key: str | None) -> str:
    """The name of a funding source of the reviewed table (``su_nghiep`` -> 'Vốn sự nghiệp')."""
    from vanban.extractors.extract.amounts.numbers import vocabulary  # the data table only, on first use

    entry = vocabulary().funding_sources.get(key) if key else None
    return entry["name"] if entry else OTHER_FUND


# --- tasks ---------------------------------------------------------------------------------------

_ISO_DEADLINE = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?")


def overdue(deadline: str | None, today: str | None = None) -> int:
    """1 when a task's ISO deadline ('2023-06-15', '2023-06', '2023') has passed on
    ``today`` (ISO date; blank: today), else 0 (no deadline, or one not in ISO form)."""
    if not deadline or not _ISO_DEADLINE.fullmatch(deadline):
        return 0
    today = today or date.today().isoformat()
    return int(deadline < today[: len(deadline)])


def like_literal(text: str | None) -> str | None:
    """``text`` matched literally inside a LIKE pattern (with ``ESCAPE '\\'``): its ``%``,
    ``_`` and ``\\`` escaped, so that an agency named '%' matches no other agency."""
    if text is None:
        return None
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _bounded(fn, limit: int):
    """``fn`` that answers NULL for a text argument over ``limit`` characters."""

    @wraps(fn)
    def call(*args):
        if any(isinstance(a, str) and len(a) > limit for a in args):
            return None
        return fn(*args)

    return call


# name -> (function, number of arguments, the longest text argument it takes)
FUNCTIONS = {
    "vanban_number_key": (identity.number_key, 1, NAME_CHARS),
    "vanban_file_sha256": (file_sha256, 1, NAME_CHARS),
    "vanban_file_path": (file_path, 1, NAME_CHARS),
    "vanban_agency_key": (identity.agency_key, 1, NAME_CHARS),
    "vanban_agency_id": (agency_id, 1, NAME_CHARS),
    "vanban_agency_local_head": (agency_local_head, 1, NAME_CHARS),
    "vanban_province": (province, 1, NAME_CHARS),
    "vanban_like": (like_literal, 1, NAME_CHARS),
    "vanban_fold": (identity.fold, 1, TEXT_CHARS),
    "vanban_fts_query": (fts_query, 1, NAME_CHARS),
    "vanban_excerpt": (excerpt, 2, None),  # bounded inside: the text is searched up to TEXT_CHARS
    "vanban_excerpt_marked": (excerpt_marked, 3, None),
    "vanban_fund_name": (fund_name, 1, NAME_CHARS),
    "vanban_overdue": (overdue, 2, NAME_CHARS),
}


def register(conn: sqlite3.Connection) -> None:
    """Make the functions callable from SQL on ``conn``, each bounded (``NAME_CHARS``,
    ``TEXT_CHARS``), and bound the length of any value on it (``LENGTH_LIMIT``). All are
    deterministic within a statement (the two file functions read the file system, which
    a statement does not change), so SQLite computes a call on a parameter once."""
    if hasattr(conn, "setlimit"):
        conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, min(LENGTH_LIMIT, conn.getlimit(sqlite3.SQLITE_LIMIT_LENGTH)))
    for name, (fn, arity, limit) in FUNCTIONS.items():
        conn.create_function(name, arity, _bounded(fn, limit) if limit else fn, deterministic=True)
