"""Datasette metadata for the store, from ``metadata.yaml`` and the library's questions.

``metadata.yaml`` holds what people read: titles and descriptions in Vietnamese and
English for every table, column and canned query, and the tables' facets and search. The
canned queries' SQL is the library's (``vanban.queries.QUERIES``): one text per question.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from markupsafe import escape

from vanban.queries import QUERIES

WEB = Path(__file__).resolve().parent
NAME = "vanban"  # the database's name in URLs: /vanban/documents
PLUGIN = "vanban"  # the plugin's name in the metadata; its config names the database


@lru_cache(maxsize=1)
def load_spec() -> dict:
    """``metadata.yaml`` as loaded (pairs are ``[vi, en]``)."""
    return yaml.safe_load((WEB / "metadata.yaml").read_text(encoding="utf-8"))


def title(pair: list[str]) -> str:
    """['Văn bản', 'Documents'] -> 'Văn bản · Documents'."""
    vi, en = pair
    return f"{vi} · {en}"


def description_html(pair: list[str]) -> str:
    vi, en = pair
    return f'<p lang="vi">{escape(vi)}</p><p lang="en"><em>{escape(en)}</em></p>'


def _table_metadata(spec: dict) -> dict:
    meta = {
        "title": title(spec["title"]),
        "description_html": description_html(spec["description"]),
        "columns": {column: title(pair) for column, pair in spec["columns"].items()},
    }
    for key in ("facets", "label_column", "sort_desc", "sort", "fts_table", "fts_pk", "hidden"):
        if key in spec:
            meta[key] = spec[key]
    return meta


def canned_queries() -> dict[str, dict]:
    """Every question of the library as a canned query, in the order of ``metadata.yaml``."""
    described = load_spec()["queries"]
    missing, unknown = set(QUERIES) - set(described), set(described) - set(QUERIES)
    if missing or unknown:
        raise ValueError(f"metadata.yaml describes no question {sorted(missing)}; no question {sorted(unknown)}")
    return {
        name: {"sql": QUERIES[name].sql, "params": QUERIES[name].params, "title": title(spec["title"]),
               "description_html": description_html(spec["description"]), "hide_sql": True}
        for name, spec in described.items()
    }


def build_metadata(name: str = NAME) -> dict:
    """Datasette metadata for the store served as database ``name``."""
    spec = load_spec()
    return {
        "title": title(spec["title"]),
        "description_html": description_html(spec["description"]),
        "databases": {
            name: {
                "title": title(spec["title"]),
                "description_html": description_html(spec["description"]),
                "tables": {table: _table_metadata(t) for table, t in spec["tables"].items()},
                "queries": canned_queries(),
            }
        },
        "plugins": {PLUGIN: {"database": name}},
    }
