"""Datasette hooks for the store. ``vanban.serve`` registers this module; it acts only on
the database named in the ``vanban`` plugin config (``{"database": "vanban"}``).

- SQL functions: the library's (``vanban.queries.functions``), so the canned queries,
  which are the library's SQL, answer as the library does; and ``escape_fts`` folds the
  query first, so the table search boxes find 'Sở Y tế' from 'so y te' and 'Đồng' from
  'dong'. Connections are ``query_only``: the web view never writes.
- Pages: ``/`` (home; its figures and charts read once per state of the database file),
  ``/search?q=``, ``/doc/<uri or number>``, ``/tasks?agency=``
  (and ``/tasks.csv``), ``/file/<document id>/<name>`` (the file a document was loaded
  from: only paths the store records for that document are served).
- Datasette's own pages: Vietnamese templates (``templates/``) that call ``vb`` (column
  headings, value names, the columns a grid shows); cells show names, not codes; the
  documents table opens on the loaded documents and never reads their text or record.
- A page not found answers at once with one log line (no traceback).
"""
from __future__ import annotations

import logging
import mimetypes
from datetime import date
from pathlib import Path
from urllib.parse import quote

from datasette import hookimpl
from datasette.utils import escape_fts
from datasette.utils.asgi import Base400, NotFound, Response, asgi_send_file
from markupsafe import Markup, escape
from sqlite_utils import Database

from .. import identity, queries
from ..queries import functions
from . import document as document_view
from . import labels, pages, tasks as tasks_view
from .home import home_page
from .metadata import PLUGIN, load_spec

LOG = logging.getLogger("vanban.web")
URI_COLUMNS = frozenset({"uri", "citing_uri", "cited_uri", "target_uri", "from_uri", "to_uri"})
AGENCY_TABLES = frozenset({"assignments", "assignment_partners", "agency_aliases"})


def _database_name(datasette) -> str | None:
    return (datasette.plugin_config(PLUGIN) or {}).get("database")


def _escape_fts(text: str | None) -> str:
    return escape_fts(identity.fold(text or ""))


@hookimpl(trylast=True)  # after Datasette's own escape_fts, which ours replaces
def prepare_connection(conn, database, datasette):
    if database != _database_name(datasette):
        return
    functions.register(conn)
    conn.create_function("escape_fts", 1, _escape_fts, deterministic=True)
    conn.execute("PRAGMA query_only = 1")


# --- what Datasette's pages show -------------------------------------------------------------------

_PER_STATE: dict[str, tuple[tuple, object]] = {}  # what -> (state of the database and day, value)


def _state(datasette) -> tuple:
    """The state of the database file and its write-ahead log (a load changes one of them),
    and the day (what is overdue changes with it)."""
    path = Path(datasette.get_database(_database_name(datasette)).path)
    files = (path, path.with_name(path.name + "-wal"))
    return (str(path), date.today().isoformat(),
            *((f.stat().st_mtime_ns, f.stat().st_size) if f.exists() else (0, 0) for f in files))


async def _per_state(datasette, what: str, compute):
    """``await compute()``, once per state of the database (``_state``)."""
    key = _state(datasette)
    hit = _PER_STATE.get(what)
    if hit is None or hit[0] != key:
        hit = _PER_STATE[what] = (key, await compute())
    return hit[1]


async def _agency_names(datasette) -> dict[str, str]:
    """Agency id -> name, read once per state of the database."""
    async def read():
        rows = await datasette.get_database(_database_name(datasette)).execute("SELECT id, name FROM agencies")
        return {r["id"]: r["name"] for r in rows}

    return await _per_state(datasette, "agency names", read)


@hookimpl
def render_cell(value, column, table, database, datasette):
    if database != _database_name(datasette):
        return None
    if column in URI_COLUMNS and isinstance(value, str) and value.startswith(identity.NATIONAL + "/"):
        href = datasette.urls.path("/doc/" + value)
        return Markup(f'<a href="{escape(href)}">{escape(value)}</a>')
    if column.endswith("_vnd") and isinstance(value, int) and not isinstance(value, bool):
        return Markup(f'<span class="vnd">{escape(pages.money(value))}</span>')
    if column == "agency_id" and isinstance(value, str):
        async def agency():
            name = (await _agency_names(datasette)).get(value)
            return Markup(f'<span title="{escape(value)}">{escape(name)}</span>') if name else None
        return agency
    shown = labels.value(column, value)
    return Markup(f'<span title="{escape(value)}">{escape(shown)}</span>') if shown else None


class TemplateHelpers:
    """``vb`` in the templates: headings and names for Datasette's pages."""

    def __init__(self, table: str | None, query: str | None, agencies: dict[str, str], *, every_column: bool = False):
        self.table, self.query, self.agencies, self.every_column = table, query, agencies, every_column

    def heading(self, column: str) -> str:
        return labels.column(column, table=self.table, query=self.query)[0]

    def heading_en(self, column: str) -> str:
        vi, en = labels.column(column, table=self.table, query=self.query)
        return en if en != vi else ""

    def description(self, column: str) -> str | None:
        return labels.description(column, self.table)

    def value(self, column: str, raw) -> str:
        shown = labels.value(column, raw, self.agencies)
        return shown if shown is not None else ("" if raw is None else str(raw))

    def columns(self, display_columns: list) -> list:
        """The columns the grid shows, in the order of ``metadata.yaml`` (``show``)."""
        order = None if self.every_column else labels.shown_columns(self.table)
        if not order:
            return list(display_columns)
        by_name = {c["name"]: c for c in display_columns}
        return [by_name[n] for n in order if n in by_name] or list(display_columns)

    def suggested(self, facets: list) -> list:
        """Datasette's suggested facets, on the columns the grid shows only."""
        order = labels.shown_columns(self.table)
        return [f for f in facets if not order or f["name"] in order]

    def cells(self, row, columns: list) -> list:
        by_column = {cell["column"]: cell for cell in row}
        return [by_column[c["name"]] for c in columns if c["name"] in by_column]

    def param(self, name: str) -> dict:
        return labels.param(name)

    def lookup(self, key: str, display: str) -> str:
        return labels.lookup(key, display)


@hookimpl
def extra_template_vars(datasette, database, table, view_name, request):
    name = _database_name(datasette)
    if not name:
        return {}

    async def inner():
        ours = database == name and request is not None
        canned = request.url_vars.get("table") if ours else None
        agencies = await _agency_names(datasette) if ours and table in AGENCY_TABLES else {}
        return {"vanban_db": name,
                "vb": TemplateHelpers(table if ours else None, canned if canned in queries.QUERIES else None, agencies,
                                      every_column=view_name == "row")}

    return inner


@hookimpl
def extra_css_urls(datasette):
    if _database_name(datasette):
        return [datasette.urls.path("/vanban-static/vanban.css")]
    return []


@hookimpl
def menu_links(datasette):
    name = _database_name(datasette)
    if not name:
        return []
    path = datasette.urls.path
    return [
        {"href": path("/"), "label": "Trang chủ · Home"},
        {"href": path("/search"), "label": "Tìm kiếm · Search"},
        {"href": path(f"/{name}/documents?status=loaded"), "label": "Văn bản · Documents"},
        {"href": path(f"/{name}/unresolved"), "label": "Văn bản chưa nạp · Not loaded"},
        {"href": path(f"/{name}/failed_budget_checks"), "label": "Tổng không khớp · Failing totals"},
    ]


BODY_COLUMNS = ("text", "record")  # whole documents: the grid never shows them


def _without_documents_bodies(scope: dict) -> dict:
    """The documents grid reads neither the text nor the record of its rows (megabytes a
    page): ``_nocol`` for both, unless the address chooses the columns itself."""
    query = scope.get("query_string") or b""
    if b"_col=" in query or b"_nocol=" in query:
        return scope
    extra = "&".join(f"_nocol={c}" for c in BODY_COLUMNS).encode()
    return {**scope, "query_string": query + b"&" + extra if query else extra}


@hookimpl
def asgi_wrapper(datasette):
    """The documents table opens on the loaded documents; a 404 writes one log line."""
    name = _database_name(datasette)

    def wrap(app):
        async def wrapped(scope, receive, send):
            if scope["type"] != "http" or not name:
                return await app(scope, receive, send)
            if scope["path"] == f"/{name}/documents":
                if not scope.get("query_string"):
                    location = datasette.urls.path(f"/{name}/documents?status=loaded")
                    await send({"type": "http.response.start", "status": 302, "headers": [[b"location", location.encode()]]})
                    return await send({"type": "http.response.body", "body": b""})
                scope = _without_documents_bodies(scope)
            return await app(scope, receive, send)

        return wrapped

    return wrap


@hookimpl
def handle_exception(datasette, request, exception):
    """A page not found: the Vietnamese 404 page and one log line, no traceback."""
    if not _database_name(datasette) or not (isinstance(exception, Base400) and exception.status == 404):
        return None

    async def inner():
        LOG.warning("404 %s %s", request.method, request.full_path)
        if request.path.endswith(".json"):
            return Response.json({"ok": False, "error": str(exception), "status": 404}, status=404)
        html = await datasette.render_template("vanban_404.html", {"message": str(exception), "path": request.path},
                                               request=request)
        return Response.html(html, status=404)

    return inner


# --- the vanban pages ------------------------------------------------------------------------------


def _links(db: Database, datasette) -> pages.Links:
    return pages.Links.for_db(db, datasette.urls.path)


async def _run(datasette, fn):
    """``fn(db)`` on a read connection of the store, in Datasette's thread pool."""
    database = datasette.get_database(_database_name(datasette))
    return await database.execute_fn(lambda conn: fn(Database(conn)))


async def _page(datasette, request, template: str, context: dict) -> Response:
    return Response.html(await datasette.render_template(template, context, request=request))


async def home(datasette, request):
    """The home page's figures and charts are read once per state of the database."""
    context = await _per_state(datasette, "home", lambda: _run(datasette, lambda db: home_page(db, links=_links(db, datasette))))
    return await _page(datasette, request, "vanban_home.html", {**context, "queries": _query_list(datasette)})


async def search(datasette, request):
    q = request.args.get("q", "")
    context = await _run(datasette, lambda db: pages.search_page(db, q, links=_links(db, datasette)))
    return await _page(datasette, request, "vanban_search.html", context)


async def document(datasette, request):
    name = request.url_vars["uri"].strip("/")
    raw_id = request.args.get("id")
    doc_id = int(raw_id) if raw_id and raw_id.isdigit() else None

    def view(db: Database):
        links = _links(db, datasette)
        page = document_view.document_page(db, name, doc_id=doc_id, links=links)
        return ("page", page) if page else ("candidates", document_view.candidates(db, name, links=links))

    kind, context = await _run(datasette, view)
    if kind == "page":
        return await _page(datasette, request, "vanban_doc.html", context)
    if len(context) == 1:
        return Response.redirect(context[0]["href"])
    if not context:
        raise NotFound(f"Không có văn bản nào mang tên {name} · no document named {name}")
    return await _page(datasette, request, "vanban_candidates.html", {"name": name, "candidates": context})


async def tasks(datasette, request):
    args = {k: request.args.get(k, "") for k in ("agency", "role", "province")}
    context = await _run(datasette, lambda db: tasks_view.tasks_page(db, args["agency"], role=args["role"],
                                                                      province=args["province"], links=_links(db, datasette)))
    return await _page(datasette, request, "vanban_tasks.html", context)


async def tasks_csv(datasette, request):
    args = {k: request.args.get(k, "") for k in ("agency", "role", "province")}
    body = await _run(datasette, lambda db: tasks_view.tasks_csv(db, args["agency"], role=args["role"], province=args["province"]))
    filename = "nhiem-vu-" + (identity.slug(args["agency"]) or "co-quan") + ".csv"
    return Response(body, content_type="text/csv; charset=utf-8",
                    headers={"content-disposition": f"attachment; filename=\"{filename}\""})


async def download(datasette, request, send):
    """The file document ``id`` was loaded from, if its name is one the store records for
    it and it is still a file there; nothing else on disk."""
    raw_id, name = request.url_vars["id"], request.url_vars["name"]
    files = await _run(datasette, lambda db: queries.files_of(db, int(raw_id)))
    path = next((Path(f["path"]) for f in files if Path(f["path"]).name == name), None)
    if path is None or not path.is_file():
        raise NotFound(f"Không có tệp {name} của văn bản này · no such file")
    kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
    await asgi_send_file(send, str(path), filename=quote(name), content_type=kind,
                         headers={"x-content-type-options": "nosniff", "cache-control": "no-store"})


def _query_list(datasette) -> list[dict]:
    name = _database_name(datasette)
    return [
        {"name": q, "href": datasette.urls.path(f"/{name}/{q}"), "vi": spec["title"][0], "en": spec["title"][1]}
        for q, spec in load_spec()["queries"].items()
    ]


@hookimpl
def register_routes(datasette):
    if not _database_name(datasette):
        return []
    return [
        (r"^/$", home),
        (r"^/search$", search),
        (r"^/doc/(?P<uri>.+)$", document),
        (r"^/tasks$", tasks),
        (r"^/tasks\.csv$", tasks_csv),
        (r"^/file/(?P<id>\d+)/(?P<name>[^/]+)$", download),
    ]
