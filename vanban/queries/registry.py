"""The named questions: one SQL text each, asked by the library's functions and served by
the web view as canned queries (``vanban.web.metadata`` reads ``QUERIES``).

A question's parameters are ``:named``; a blank one ('' from a web form, ``None`` from
Python) means "not given", and the SQL itself says what that is, so the library and the
web answer alike.
"""
from __future__ import annotations

import json
import weakref
from dataclasses import dataclass

import regex as re
from sqlite_utils import Database

from vanban.extractors.common.file_names import storable

from . import functions

_PARAM = re.compile(r":(\w+)")
_LITERAL = re.compile(r"'(?:[^']|'')*'")


@dataclass(frozen=True)
class Query:
    """A question: its ``name`` (the canned query's), its SQL, and the columns that hold
    JSON text, which the library returns decoded."""

    name: str
    sql: str
    json_columns: tuple[str, ...] = ()

    @property
    def params(self) -> list[str]:
        """The named parameters, in the order the SQL first uses them."""
        return list(dict.fromkeys(_PARAM.findall(_LITERAL.sub("", self.sql))))

    def decode(self, row: dict) -> dict:
        for column in self.json_columns:
            value = row.get(column)
            row[column] = json.loads(value) if value else []
        return row


QUERIES: dict[str, Query] = {}


def named(name: str, sql: str, *, json_columns: tuple[str, ...] = ()) -> Query:
    """Register the question ``name``."""
    if name in QUERIES:
        raise ValueError(f"two questions named {name!r}")
    QUERIES[name] = query = Query(name, sql.strip(), json_columns)
    return query


_PREPARED: weakref.WeakSet = weakref.WeakSet()  # the Databases whose connection has the functions


def prepare(db: Database) -> None:
    """Register the SQL functions on the library's connection (once per ``Database``)."""
    if db not in _PREPARED:
        functions.register(db.conn)
        _PREPARED.add(db)


def run(db: Database, query: Query, **values) -> list[dict]:
    """The rows ``query`` answers for ``values`` (every parameter; ``None`` is blank)."""
    unknown = set(values) - set(query.params)
    if unknown:
        raise TypeError(f"{query.name}: no parameter {', '.join(sorted(unknown))}")
    prepare(db)
    params = {p: _bindable(values.get(p)) for p in query.params}
    return [query.decode(row) for row in db.query(query.sql, params)]


_SQLITE_INT = (-(2**63), 2**63 - 1)


def _bindable(value):
    """A value as SQLite takes it: None is blank, text with the stand-ins of bytes that are
    not UTF-8 (an argument of any bytes) written ``\\xNN``, an integer within SQLite's range
    (a limit of 10**30 is no limit)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return storable(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return min(max(value, _SQLITE_INT[0]), _SQLITE_INT[1])
    return value
