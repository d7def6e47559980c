"""The web view: Datasette over the store, configured for this data.

``build_metadata`` turns ``vanban/web/metadata.yaml`` and the library's questions into
Datasette metadata (titles and descriptions in Vietnamese and English, facets, full-text
search, canned queries whose SQL is the library's); ``make_datasette`` builds the app
on one database, read-only, with the ``vanban.web`` plugin, templates and static files;
``serve`` runs it. Everything it needs ships with the package: nothing is fetched at run
time. The dependencies go one way: ``serve`` -> ``web.plugin`` -> ``web.pages`` ->
``queries``.

    from vanban.serve import serve
    serve("vanban.db", port=8001)      # http://127.0.0.1:8001/
"""
from __future__ import annotations

import errno
import logging
import socket
import sqlite3
from pathlib import Path

import uvicorn
from datasette.app import Datasette
from datasette.database import Database
from datasette.plugins import pm

import datasette.handle_exception as datasette_exceptions  # after datasette.plugins, which registers it  # noqa: E402

from vanban.extractors.errors import VanbanError

from .store import DatabaseNotFoundError
from .web import plugin
from .web.metadata import NAME, WEB, build_metadata, load_spec

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8001
STATIC_MOUNT = "vanban-static"
SETTINGS = {
    "truncate_cells_html": 160,  # documents.text and .record are whole documents
    "sql_time_limit_ms": 5000,
    "facet_time_limit_ms": 500,
    "default_facet_size": 15,
    "suggest_facets": False,  # the tables' facets are chosen; suggesting more costs seconds on 10,000 documents
}

__all__ = ["NAME", "ServeError", "NotAStoreError", "PortInUseError", "build_metadata", "check_database", "check_port",
           "load_spec", "make_datasette", "serve", "url"]


class ServeError(VanbanError):
    code = "serve_error"


class NotAStoreError(ServeError):
    code = "not_a_store"


class PortInUseError(ServeError):
    code = "port_in_use"


def check_port(host: str, port: int) -> None:
    """Raise ``PortInUseError`` when ``host:port`` cannot be listened on (another server has it)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does: a port in TIME_WAIT is free
        try:
            sock.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise PortInUseError(f"cổng {port} trên {host} đang bận (port in use): stop what listens there, "
                                     f"or choose another with --port") from exc
            raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror}") from exc


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
    path = check_database(path)
    # Datasette prints every exception with its locals when ``rich`` is installed, a page
    # not found included (seconds, and a screenful per 404): plain tracebacks, for errors only.
    datasette_exceptions.rich = None
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
    log = logging.getLogger("vanban.web")
    if not log.handlers:  # one line per page not found
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
        log.addHandler(handler)
        log.propagate = False
    app = make_datasette(path, name=name).app()
    uvicorn.run(app, host=host, port=port, log_level="warning", lifespan="on")
