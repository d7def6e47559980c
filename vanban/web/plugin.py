"""Datasette hooks for the store. ``vanban.serve`` registers this module; it acts only on
the database named in the ``vanban`` plugin config (``{"database": "vanban"}``).

- SQL functions: the library's (``vanban.queries.functions``), so the canned queries,
  which are the library's SQL, answer as the library does; and ``escape_fts`` folds the
  query first, so the table search boxes find 'Sở Y tế' from 'so y te' and 'Đồng' from
  'dong'. Connections are ``query_only``: the web view never writes.
- Pages: ``/`` (home: counts, charts, latest documents), ``/search?q=``, ``/doc/<uri>``.
- Cells: URIs link to the document's page, ``*_vnd`` figures get thousands separators.
"""
from __future__ import annotations

from datasette import hookimpl
from datasette.utils import escape_fts
from datasette.utils.asgi import NotFound, Response
from markupsafe import Markup, escape
from sqlite_utils import Database

from .. import identity
from ..queries import functions
from . import pages
from .metadata import PLUGIN, load_spec

URI_COLUMNS = frozenset({"uri", "citing_uri", "cited_uri", "target_uri", "from_uri", "to_uri"})


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


@hookimpl
def render_cell(value, column, database, datasette):
    if database != _database_name(datasette):
        return None
    if column in URI_COLUMNS and isinstance(value, str) and value.startswith(identity.NATIONAL + "/"):
        href = datasette.urls.path("/doc/" + value)
        return Markup(f'<a href="{escape(href)}">{escape(value)}</a>')
    if column.endswith("_vnd") and isinstance(value, int) and not isinstance(value, bool):
        return Markup(f'<span class="vnd">{escape(pages.money(value))}</span>')
    return None


@hookimpl
def extra_css_urls(datasette):
    if _database_name(datasette):
        return [datasette.urls.path("/vanban-static/vanban.css")]
    return []


@hookimpl
def extra_template_vars(datasette):
    name = _database_name(datasette)
    return {"vanban_db": name} if name else {}


@hookimpl
def menu_links(datasette):
    name = _database_name(datasette)
    if not name:
        return []
    path = datasette.urls.path
    return [
        {"href": path("/"), "label": "Trang chủ · Home"},
        {"href": path("/search"), "label": "Tìm kiếm · Search"},
        {"href": path(f"/{name}/unresolved"), "label": "Văn bản chưa nạp · Not loaded"},
        {"href": path(f"/{name}/failed_budget_checks"), "label": "Tổng không khớp · Failing totals"},
    ]


def _links(db: Database, datasette) -> pages.Links:
    return pages.Links.for_db(db, datasette.urls.path)


async def _run(datasette, fn):
    """``fn(db)`` on a read connection of the store, in Datasette's thread pool."""
    database = datasette.get_database(_database_name(datasette))
    return await database.execute_fn(lambda conn: fn(Database(conn)))


async def _page(datasette, request, template: str, context: dict) -> Response:
    return Response.html(await datasette.render_template(template, context, request=request))


async def home(datasette, request):
    context = await _run(datasette, lambda db: pages.home_page(db, links=_links(db, datasette)))
    return await _page(datasette, request, "vanban_home.html", {**context, "queries": _query_list(datasette)})


async def search(datasette, request):
    q = request.args.get("q", "")
    context = await _run(datasette, lambda db: pages.search_page(db, q, links=_links(db, datasette)))
    return await _page(datasette, request, "vanban_search.html", context)


async def document(datasette, request):
    uri = request.url_vars["uri"].strip("/")
    raw_id = request.args.get("id")
    doc_id = int(raw_id) if raw_id and raw_id.isdigit() else None
    context = await _run(datasette, lambda db: pages.document_page(db, uri, doc_id=doc_id, links=_links(db, datasette)))
    if context is None:
        raise NotFound(f"Không có văn bản {uri} · no document {uri}")
    return await _page(datasette, request, "vanban_doc.html", context)


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
    ]
