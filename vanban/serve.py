"""The web view: Datasette over the store, configured for this data.

``build_metadata`` turns ``vanban/web/metadata.yaml`` into Datasette metadata (titles
and descriptions in Vietnamese and English, facets, full-text search, canned queries);
``make_datasette`` builds the app on one database, read-only, with the ``vanban.web``
plugin, templates and static files; ``serve`` runs it. Everything it needs ships with
the package: nothing is fetched at run time.

    from vanban.serve import serve
    serve("vanban.db", port=8001)      # http://127.0.0.1:8001/
"""
from __future__ import annotations

import sqlite3
from functools import lru_cache
from pathlib import Path

from markupsafe import escape

from vanban.extractors.errors import VanbanError

from .store import DatabaseNotFoundError

WEB = Path(__file__).resolve().parent / "web"
NAME = "vanban"  # the database's name in URLs: /vanban/documents
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8001
STATIC_MOUNT = "vanban-static"
SETTINGS = {
    "truncate_cells_html": 160,  # documents.text and .record are whole documents
    "sql_time_limit_ms": 5000,
    "facet_time_limit_ms": 500,
    "default_facet_size": 15,
}


class ServeError(VanbanError):
    code = "serve_error"


class NotAStoreError(ServeError):
    code = "not_a_store"


@lru_cache(maxsize=1)
def load_spec() -> dict:
    """``vanban/web/metadata.yaml`` as loaded (pairs are ``[vi, en]``)."""
    import yaml

    return yaml.safe_load((WEB / "metadata.yaml").read_text(encoding="utf-8"))


def canned_sql() -> dict[str, str]:
    """Name -> SQL of every canned query."""
    return {name: spec["sql"] for name, spec in load_spec()["queries"].items()}


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
                "queries": {
                    query: {"sql": q["sql"], "title": title(q["title"]), "description_html": description_html(q["description"]),
                            "hide_sql": True}
                    for query, q in spec["queries"].items()
                },
            }
        },
        "plugins": {"vanban": {"database": name}},
    }


def check_database(path: str | Path) -> Path:
    """The store at ``path``, opened read-only to check it is one; raises a clear error if not."""
    path = Path(path)
    if not path.is_file():
        raise DatabaseNotFoundError(f"no database at {path}: run `vanban load PATH... --db {path}` first")
    try:
        conn = sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise NotAStoreError(f"{path} is not a SQLite database: {exc}") from exc
    if not {"documents", "citations", "documents_fts"} <= tables:
        raise NotAStoreError(f"{path} is not a vanban database (no documents table): load documents into it with `vanban load`")
    return path


def make_datasette(path: str | Path, *, name: str = NAME):
    """A Datasette app on the store at ``path`` (read-only), named ``name`` in URLs."""
    from datasette.app import Datasette
    from datasette.database import Database
    from datasette.plugins import pm

    from .web import plugin

    path = check_database(path)
    if not pm.is_registered(plugin):
        pm.register(plugin, name="vanban")
    ds = Datasette(
        metadata=build_metadata(name),
        template_dir=str(WEB / "templates"),
        static_mounts=[(STATIC_MOUNT, str(WEB / "static"))],
        settings=SETTINGS,
    )
    ds.remove_database("_memory")  # Datasette adds it when given no files
    ds.add_database(Database(ds, path=str(path.resolve()), is_mutable=True), name=name)
    return ds


def url(host: str, port: int) -> str:
    return f"http://{host}:{port}/"


def serve(path: str | Path, *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, name: str = NAME) -> None:
    """Serve the store at ``path`` until interrupted."""
    import uvicorn

    app = make_datasette(path, name=name).app()
    uvicorn.run(app, host=host, port=port, log_level="warning", lifespan="on")
