"""The web view's configuration, checked against a real database loaded from the seeds:
metadata for every table and column, facets, search, canned queries, pages, packaging.

Requests go through Datasette's in-process client (the same app ``vanban serve`` runs);
tests/test_web.py drives the real server in a real browser.
"""
from __future__ import annotations

import ast
from html import unescape
import asyncio
import hashlib
import json
import re
import sqlite3
import tomllib
from fnmatch import fnmatch
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from click.testing import CliRunner

from vanban import queries, serve
from vanban.cli import cli
from vanban.load import load
from vanban.store import DatabaseNotFoundError, open_db
from vanban.web import document, pages

from .conftest import ROOT, SEEDS
from .store_helpers import failing_check, put, record, ref

NGHE_AN_PLAN = "vn/nghe-an/ubnd/kh/2023/352"
DECREE = "vn/cp/nd/2022/27"


class Client:
    """Datasette's in-process client on one event loop."""

    def __init__(self, path: Path):
        self.ds = serve.make_datasette(path)
        self.loop = asyncio.new_event_loop()

    def get(self, path: str, **params):
        url = path + ("?" + urlencode(params) if params else "")
        response = self.loop.run_until_complete(self.ds.client.get(url))
        assert response.status_code == 200, (url, response.status_code, response.text[:500])
        return response

    def json(self, path: str, **params) -> list[dict]:
        return self.get(path, **params, _shape="array").json()

    def close(self):
        self.loop.close()


@pytest.fixture(scope="module")
def seeds_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("web") / "seeds.db"
    report = load([str(p) for p in SEEDS], path, workers=0, progress=False)
    assert report.errors == 0
    return path


@pytest.fixture(scope="module")
def client(seeds_path):
    c = Client(seeds_path)
    yield c
    c.close()


@pytest.fixture(scope="module")
def failing_path(tmp_path_factory) -> Path:
    """A database with one document whose total does not add up."""
    path = tmp_path_factory.mktemp("failing") / "failing.db"
    db = open_db(path)
    text = "Tổng vốn 1.000 đồng, gồm 400 đồng và 500 đồng. Căn cứ Nghị định số 27/2022/NĐ-CP."
    put(db, record("a.txt", "5/KH-UBND", text=text, checks=[failing_check()], refs=[ref("27/2022/NĐ-CP")]))
    db.close()
    return path


# --- metadata --------------------------------------------------------------------------------------


def _schema(path: Path) -> dict[str, list[str]]:
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: [r[1] for r in conn.execute(f"PRAGMA table_info([{t}])")] for t in tables}
    finally:
        conn.close()


def _is_fts_shadow(table: str) -> bool:
    return bool(re.search(r"_fts_(data|idx|content|docsize|config)$", table))


def test_every_table_and_column_has_a_vietnamese_and_an_english_title(seeds_path):
    spec = serve.load_spec()["tables"]
    schema = {t: cols for t, cols in _schema(seeds_path).items() if not _is_fts_shadow(t)}
    assert set(schema) == set(spec), "tables in the store and in vanban/web/metadata.yaml differ"
    for table, columns in schema.items():
        described = spec[table]["columns"]
        assert set(columns) == set(described), f"{table}: columns differ from metadata.yaml"
        for pair in [spec[table]["title"], spec[table]["description"], *described.values()]:
            vi, en = pair
            assert vi.strip() and en.strip() and vi != en, (table, pair)


def test_metadata_names_only_real_columns(seeds_path):
    schema = _schema(seeds_path)
    for table, meta in serve.build_metadata()["databases"]["vanban"]["tables"].items():
        columns = set(schema[table])
        named = [*meta.get("facets", []), *(meta[k] for k in ("label_column", "sort_desc", "fts_pk") if k in meta)]
        assert set(named) <= columns, (table, set(named) - columns)
        if "fts_table" in meta:
            assert meta["fts_table"] in schema


def test_facets_cover_type_issuer_province_year_agency_role():
    tables = serve.build_metadata()["databases"]["vanban"]["tables"]
    assert {"doc_type", "issuer", "jurisdiction", "year"} <= set(tables["documents"]["facets"])
    assert {"agency_id", "role"} <= set(tables["assignments"]["facets"])


def test_table_pages_show_bilingual_titles_and_facets(client):
    html = client.get("/vanban/documents", status="loaded").text
    assert "Văn bản · Documents" in html
    for facet in ("doc_type", "issuer", "jurisdiction", "year"):
        assert f'data-column="{facet}"' in html, facet
    assert "Cơ quan ban hành · Issuing body" in html  # a column description
    assert f'href="/doc/{NGHE_AN_PLAN}"' in html  # URIs link to the document page
    facets = client.get("/vanban/assignments.json", _facet="role").json()["facet_results"]
    assert {r["value"] for r in facets["role"]["results"]} >= {"lead", "support"}


# --- search ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["so y te", "Sở Y tế", "SỞ Y TẾ", "sở y te"])
def test_table_search_ignores_diacritics(client, query):
    rows = client.json("/vanban/documents.json", _search=query, _col="uri")
    assert NGHE_AN_PLAN in {r["uri"] for r in rows}


def test_table_search_folds_d_stroke(client):
    with_d = {r["uri"] for r in client.json("/vanban/documents.json", _search="đồng bào", _col="uri")}
    without = {r["uri"] for r in client.json("/vanban/documents.json", _search="dong bao", _col="uri")}
    assert with_d == without and NGHE_AN_PLAN in with_d


def test_assignments_table_search(client):
    rows = client.json("/vanban/assignments.json", _search="so y te")
    assert [r["agency"] for r in rows] == ["Sở Y tế"]


# --- canned queries --------------------------------------------------------------------------------


def test_every_acceptance_question_is_a_canned_query():
    queries = serve.build_metadata()["databases"]["vanban"]["queries"]
    assert {"search", "cites", "cited_by", "chain", "unresolved", "assignments_of_agency", "failed_budget_checks"} <= set(queries)
    for q in queries.values():
        assert " · " in q["title"] and 'lang="en"' in q["description_html"]


def test_search_query(client):
    rows = client.json("/vanban/search.json", q="so y te")
    assert rows[0]["uri"] == NGHE_AN_PLAN


@pytest.mark.parametrize("name", ["352/KH-UBND", "352 /KH-UBND", NGHE_AN_PLAN, SEEDS[1].name])
def test_cites_query_takes_a_number_uri_or_file(client, name):
    rows = client.json("/vanban/cites.json", document=name)
    assert {r["number"] for r in rows} == {"27/2022/NĐ-CP", "201/KH-UBND", "1719/QĐ-TTg"}
    assert {r["target_uri"] for r in rows} >= {DECREE}


def test_cited_by_query(client):
    rows = client.json("/vanban/cited_by.json", document="27/2022/NĐ-CP")
    assert {r["citing_source"] for r in rows} == {SEEDS[1].name, SEEDS[2].name}


def test_chain_query(client):
    rows = client.json("/vanban/chain.json", document="352/KH-UBND")
    assert {(r["depth"], r["to_uri"]) for r in rows} >= {(1, DECREE), (1, "vn/nghe-an/ubnd/kh/2023/201")}
    assert all(r["relation"] in ("basis", "implements") for r in rows)


def test_unresolved_query(client):
    rows = client.json("/vanban/unresolved.json")
    assert rows[0]["uri"] == DECREE and rows[0]["citing_documents"] == 2
    assert all(r["citing_documents"] >= 1 for r in rows)


@pytest.mark.parametrize("agency, expected", [
    ("so y te", "Sở Y tế tỉnh Nghệ An"),
    ("Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn tỉnh Nghệ An"),
    ("Sở Tài chính", "Sở Tài chính tỉnh Ninh Thuận"),
    ("ban dan toc", "Ban Dân tộc tỉnh Lạng Sơn"),
])
def test_assignments_of_agency_query_agrees_with_the_library(client, seeds_path, agency, expected):
    rows = client.json("/vanban/assignments_of_agency.json", agency=agency, role="", province="")
    assert expected.casefold() in {r["agency_name"].casefold() for r in rows}
    db = open_db(seeds_path)
    try:
        library = queries.assignments(db, agency)
    finally:
        db.close()
    key = ("uri", "role", "via", "task")
    assert sorted(tuple(r[k] for k in key) for r in rows) == sorted(tuple(r[k] for k in key) for r in library)


def test_assignments_of_agency_by_role_and_province(client):
    lead = client.json("/vanban/assignments_of_agency.json", agency="Sở Tài chính", role="lead", province="")
    assert {r["uri"] for r in lead} == {NGHE_AN_PLAN, "vn/ninh-thuan/ubnd-vxnv/cv/2023/ha211f7fa58"}
    ninh_thuan = client.json("/vanban/assignments_of_agency.json", agency="Sở Tài chính", role="", province="Ninh Thuận")
    assert {r["uri"] for r in ninh_thuan} == {"vn/ninh-thuan/ubnd-vxnv/cv/2023/ha211f7fa58"}


def test_failed_budget_checks_query(client, failing_path):
    assert client.json("/vanban/failed_budget_checks.json") == []  # every seed total adds up
    other = Client(failing_path)
    try:
        rows = other.json("/vanban/failed_budget_checks.json")
    finally:
        other.close()
    assert [(r["total_vnd"], r["found_vnd"], r["difference_vnd"], r["excerpt"]) for r in rows] == [(1000, 900, 100, "Tổng ")]


def test_chart_queries(client):
    sources = {r["source"]: r["total_vnd"] for r in client.json("/vanban/amounts_by_source.json")}
    # seed 001: the checked totals are not counted twice, only the parts per project
    assert sources == {"Vốn đầu tư phát triển": 632_118_000_000, "Vốn sự nghiệp": 841_021_000_000}
    months = {r["month"]: r["documents"] for r in client.json("/vanban/documents_per_month.json")}
    assert months == {"2023-02": 1, "2023-03": 2, "2023-05": 1, "2023-11": 1}


# --- pages -----------------------------------------------------------------------------------------


def test_document_page(client):
    html = client.get(f"/doc/{NGHE_AN_PLAN}").text
    assert "352/KH-UBND" in html and "Ủy ban nhân dân tỉnh Nghệ An" in html
    link = re.search(r'<a class="hl hl-ref hl-ref-stub" title="[^"]*" id="ref-0" href="([^"]+)">([^<]+)</a>', html)
    assert link and link.groups() == (f"/doc/{DECREE}", "Nghị định số 27/2022/NĐ-CP")
    assert html.count('class="hl hl-amount"') >= 26
    assert "Mọi tổng đều khớp" in html
    assert "<svg" in html and ">27/2022/NĐ-CP</text>" in html


def test_stub_page_lists_its_citers(client):
    html = client.get(f"/doc/{DECREE}").text
    citers = re.findall(r'<tr class="vb-citer">(.*?)</tr>', html, re.S)
    assert len(citers) == 2
    assert SEEDS[1].name in citers[0] and SEEDS[2].name in citers[1]
    assert "chưa có trong cơ sở dữ liệu" in html


def test_failing_total_is_marked_in_the_text(failing_path):
    c = Client(failing_path)
    try:
        uri = c.json("/vanban/documents.json", status="loaded")[0]["uri"]
        html = c.get("/doc/" + uri).text
    finally:
        c.close()
    assert '<mark class="hl hl-check-fail"' in html and "1 tổng không khớp" in html


def test_unknown_document_is_404(client):
    response = client.loop.run_until_complete(client.ds.client.get("/doc/vn/nowhere/1"))
    assert response.status_code == 404


def test_home_page_has_counts_and_charts(client):
    html = client.get("/").text
    assert re.search(r"<b>5</b> văn bản đã nạp", html)
    assert html.count("<svg") >= 4 and "2023 · Ngân sách Trung ương" in html and "2023-05" in html


@pytest.mark.parametrize("path", ["/", "/search?q=so+y+te", f"/doc/{NGHE_AN_PLAN}", f"/doc/{DECREE}", "/vanban/documents?status=loaded"])
def test_pages_fetch_nothing_from_outside(client, path):
    html = client.get(path).text
    for tag in re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", html):
        host = re.search(r"""(?:src|href)=["']?(?:https?:)?//([^/:"']+)""", tag)
        assert host is None or host.group(1) in ("localhost", "127.0.0.1"), tag
    assert "@import" not in html


def test_serving_writes_nothing(seeds_path, client):
    before = hashlib.sha256(seeds_path.read_bytes()).hexdigest()
    for path in ("/", "/search?q=so+y+te", f"/doc/{NGHE_AN_PLAN}", "/vanban/unresolved"):
        client.get(path)
    assert hashlib.sha256(seeds_path.read_bytes()).hexdigest() == before
    database = client.ds.get_database("vanban")
    query_only = client.loop.run_until_complete(database.execute_fn(lambda conn: conn.execute("PRAGMA query_only").fetchone()[0]))
    assert query_only == 1


# --- pieces ----------------------------------------------------------------------------------------


def test_highlight_nests_overlapping_marks():
    marks = [pages.Mark(0, 10, "agency", "a"), pages.Mark(4, 14, "ref", "r", href="/doc/x", anchor="ref-0")]
    html = str(pages.highlight("0123456789abcdef", marks))
    assert html == (
        '<mark class="hl hl-agency" title="a">0123</mark>'
        '<a class="hl hl-ref" title="r" id="ref-0" href="/doc/x"><mark class="hl hl-agency" title="a">456789</mark></a>'
        '<a class="hl hl-ref" title="r" href="/doc/x">abcd</a>ef'
    )


def test_highlight_escapes_text():
    assert str(pages.highlight("<b>&", [pages.Mark(0, 3, "amount", 'x"y')])) == '<mark class="hl hl-amount" title="x&#34;y">&lt;b&gt;</mark>&amp;'


@pytest.mark.parametrize("query, marked", [
    ("so y te", "<m>Sở Y tế</m> và y tế số"),
    ("y te", "Sở <m>Y tế</m> và <m>y tế</m> số"),
    ("y AND so", "<m>Sở</m> <m>Y</m> tế và <m>y</m> tế <m>số</m>"),
    ("tài chính", "Sở Y tế và y tế số"),
])
def test_mark_words(query, marked):
    html = str(pages.mark_words("Sở Y tế và y tế số", query))
    assert html.replace('<mark class="hl hl-match">', "<m>").replace("</mark>", "</m>") == marked


def test_budget_tree_nests_checks(seeds_path):
    conn = sqlite3.connect(seeds_path)
    record_json = conn.execute("SELECT record FROM documents WHERE uri = ?", [NGHE_AN_PLAN]).fetchone()[0]
    conn.close()
    tree = document.budget_tree(json.loads(record_json)["budget_checks"], {})
    assert len(tree) == 1 and tree[0]["check"]["holds"]
    assert tree[0]["money"] == "1.473.139.000.000 đ"
    investment, recurrent = tree[0]["children"]
    assert investment["label"] == "Vốn đầu tư phát triển" and len(investment["children"]) == 7
    assert recurrent["label"] == "Vốn sự nghiệp" and len(recurrent["children"]) == 16
    assert investment["share"] == 42.9


@pytest.mark.parametrize("key, name", [
    ("dau_tu_phat_trien", "Vốn đầu tư phát triển"),
    ("su_nghiep", "Vốn sự nghiệp"),
    ("ngan_sach_trung_uong", "Ngân sách Trung ương"),
    ("von_vay", "Vốn vay"),
    (None, queries.OTHER_FUND),
    ("no_such_source", queries.OTHER_FUND),
])
def test_funding_sources_are_named_by_the_reviewed_table(key, name):
    assert queries.fund_name(key) == name


# --- command and packaging -------------------------------------------------------------------------


def test_serve_command_has_help():
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0 and "--port" in result.output and "Example" in result.output


def test_serve_command_refuses_a_missing_database(tmp_path):
    result = CliRunner().invoke(cli, ["serve", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no database at" in result.output


def test_serve_refuses_a_file_that_is_not_a_store(tmp_path):
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(serve.NotAStoreError):
        serve.check_database(other)
    with pytest.raises(DatabaseNotFoundError):
        serve.check_database(tmp_path / "missing.db")


def test_web_files_ship_with_the_package():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["vanban.web"]
    web = ROOT / "vanban" / "web"
    files = [p.relative_to(web).as_posix() for p in web.rglob("*")
             if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts]
    assert files and all(any(fnmatch(f, pat) for pat in patterns) for f in files), files


def test_files_sharing_a_uri_are_one_document_with_its_files(tmp_path):
    path = tmp_path / "twins.db"
    db = open_db(path)
    put(db, record("a.txt", "5/KH-UBND", text="Bản một."), record("b.txt", "5/KH-UBND", text="Bản hai."))
    [(uri,)] = db.execute("SELECT uri FROM documents WHERE status = 'loaded'").fetchall()
    db.close()
    c = Client(path)
    try:
        page = c.get("/doc/" + uri).text
    finally:
        c.close()
    assert ("Bản một." in page) != ("Bản hai." in page)  # one text: the document's
    assert "a.txt" in page and "b.txt" in page  # its two files


def test_document_links():
    links = pages.Links(prefix=lambda p: "/base" + p, is_shared=lambda uri: uri == "vn/a/1")
    assert links.doc("vn/a/1", 3, "ref-0") == "/base/doc/vn/a/1?id=3#ref-0"
    assert links.doc("vn/b/2", 4) == "/base/doc/vn/b/2"


def _imports(path: Path, module: str, modules: set[str]) -> set[str]:
    """The ``modules`` that ``module`` imports, at the top or inside a function (``from
    package import submodule`` counts the submodule only)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([node.module] if node.module else []))
            for a in node.names:
                found.add(f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base)
    return found & modules


def test_the_web_view_depends_one_way():
    """serve -> web.plugin -> web.pages -> queries, with no cycle among them."""
    modules = {}
    for path in [ROOT / "vanban" / "serve.py", *(ROOT / "vanban" / "web").glob("*.py"), *(ROOT / "vanban" / "queries").glob("*.py")]:
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        modules[name] = path
    graph = {name: _imports(path, name, set(modules)) for name, path in modules.items()}
    assert "vanban.web.plugin" in graph["vanban.serve"]

    def reaches(start: str, goal: str, seen: frozenset = frozenset()) -> bool:
        return any(n == goal or (n not in seen and reaches(n, goal, seen | {n})) for n in graph[start])

    assert [m for m in graph if reaches(m, m)] == []


# --- what a records office types and clicks ---------------------------------------------------------


def _status(client, path):
    return client.loop.run_until_complete(client.ds.client.get(path))


def test_a_number_in_the_url_finds_the_document(client):
    response = _status(client, "/doc/352/KH-UBND")
    assert response.status_code == 302 and response.headers["location"] == f"/doc/{NGHE_AN_PLAN}"


def test_a_number_of_several_documents_lists_them(tmp_path):
    path = tmp_path / "two.db"
    db = open_db(path)
    put(db, record("a.txt", "5/KH-UBND", text="Một."),
        record("b.txt", "5/KH-UBND", text="Hai.", issuer="Ủy ban nhân dân tỉnh Sóc Trăng", place="Sóc Trăng"))
    db.close()
    c = Client(path)
    try:
        html = c.get("/doc/5/KH-UBND").text
    finally:
        c.close()
    assert html.count('<tr class="vb-candidate">') == 2 and "Sóc Trăng" in html


def test_searching_a_number_links_to_the_document(client):
    html = client.get("/search", q="352/KH-UBND").text
    section = re.search(r'<section id="results-number">(.*?)</section>', html, re.S).group(1)
    assert f'href="/doc/{NGHE_AN_PLAN}"' in section


def test_the_original_file_downloads_and_nothing_else(client, seeds_path):
    conn = sqlite3.connect(seeds_path)
    doc_id, path = conn.execute("SELECT d.id, f.path FROM documents d JOIN files f ON f.document_id = d.id WHERE d.uri = ?",
                                [NGHE_AN_PLAN]).fetchone()
    conn.close()
    name = Path(path).name
    assert f'href="/file/{doc_id}/{name}"' in client.get(f"/doc/{NGHE_AN_PLAN}").text
    response = client.get(f"/file/{doc_id}/{name}")
    assert response.content == Path(path).read_bytes() and "attachment" in response.headers["content-disposition"]
    other = ROOT / "pyproject.toml"  # a real file on disk, not loaded
    for crafted in (f"/file/{doc_id}/..%2F..%2F..%2Fpyproject.toml", f"/file/{doc_id}/pyproject.toml",
                    f"/file/{doc_id}/{quote(str(other), safe='')}", "/file/99999/" + name, f"/file/{doc_id}/..",
                    f"/file/{doc_id}/%2Fetc%2Fpasswd", "/file/../pyproject.toml"):
        response = client.loop.run_until_complete(client.ds.client.get(crafted, follow_redirects=True))
        assert response.status_code == 404, crafted
        assert b"[tool" not in response.content and b"root:" not in response.content


def test_tasks_page_groups_by_document_and_marks_overdue(client):
    html = client.get("/tasks", agency="Sở Tài chính").text
    documents = re.findall(r'<section class="vb-task-doc" data-uri="([^"]+)"', html)
    assert set(documents) == {NGHE_AN_PLAN, "vn/ninh-thuan/ubnd-vxnv/cv/2023/ha211f7fa58"}
    assert "is-overdue" in html  # the 2023 deadlines have passed
    lead = client.get("/tasks", agency="Sở Tài chính", role="lead", province="ninh-thuan").text
    assert re.findall(r'data-uri="([^"]+)"', lead) == ["vn/ninh-thuan/ubnd-vxnv/cv/2023/ha211f7fa58"]
    csv_text = client.get("/tasks.csv", agency="Sở Tài chính", role="lead").content.decode("utf-8-sig")
    lines = csv_text.splitlines()
    assert lines[0].startswith("Cơ quan · agency,") and len(lines) == 1 + len(queries.assignments(
        open_db(client.ds.get_database("vanban").path, create=False), "Sở Tài chính", role="lead"))


def test_the_tasks_page_without_an_agency_lists_the_busiest(client):
    html = client.get("/tasks").text
    first = re.search(r'<tr><td><a href="(/tasks\?agency=[^"]+)">', html)
    assert first and html.count('<td class="num">') == 2 * len(queries.agencies_open_tasks(
        open_db(client.ds.get_database("vanban").path, create=False), limit=30))
    assert "vb-task-doc" in client.get(unescape(first.group(1))).text


def test_the_documents_table_opens_on_loaded_documents(client):
    response = _status(client, "/vanban/documents")
    assert response.status_code == 302 and response.headers["location"] == "/vanban/documents?status=loaded"


def test_datasette_pages_speak_vietnamese(client):
    table = client.get("/vanban/documents", status="loaded").text
    query = client.get("/vanban/assignments_of_agency", agency="so y te", role="", province="").text
    facets = client.get("/vanban/assignments", _facet="role").text
    for html in (table, query, facets):
        for english in ("rows sorted by", "Suggested facets", "View and edit SQL", "Custom SQL query", "Query parameters",
                        "This data as", "Powered by"):
            assert english not in html, english
    assert ">Định danh<" in re.sub(r"\s+", "", table).replace("Địnhdanh", "Định danh") or "Định danh" in table
    assert '<th title=' in table and 'data-column="sha256"' not in table
    assert "Cơ quan <small>Agency</small>" in query and '<option value="lead"' in query
    assert "chủ trì · lead" in facets and "word-break: break-all" not in facets


def test_a_page_not_found_is_one_log_line(client, caplog):
    with caplog.at_level("WARNING", logger="vanban.web"):
        response = _status(client, "/doc/vn/nowhere/1")
    assert response.status_code == 404 and "Không tìm thấy" in response.text
    assert [r.getMessage() for r in caplog.records if r.name == "vanban.web"] == ["404 GET /doc/vn/nowhere/1"]


def test_an_error_is_a_vietnamese_page(seeds_path, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("broken on purpose")

    monkeypatch.setattr(pages, "search_page", broken)
    c = Client(seeds_path)
    try:
        response = c.loop.run_until_complete(c.ds.client.get("/search?q=x"))
    finally:
        c.close()
    assert response.status_code == 500 and "Lỗi 500" in response.text


def test_a_row_page_shows_every_column_in_vietnamese(client, seeds_path):
    conn = sqlite3.connect(seeds_path)
    doc_id = conn.execute("SELECT id FROM documents WHERE uri = ?", [NGHE_AN_PLAN]).fetchone()[0]
    columns = [r[1] for r in conn.execute("PRAGMA table_info(documents)")]
    conn.close()
    html = client.get(f"/vanban/documents/{doc_id}").text
    assert html.count("<th ") == len(columns) and "This data as" not in html
    assert "Dòng liên quan ở bảng khác" in html


@pytest.mark.parametrize("deadline, today, late", [
    ("2023-06-15", "2023-06-20", 5), ("2023-06", "2023-07-01", 1), ("2023-12", "2024-01-01", 1), ("2023", "2024-01-02", 2),
])
def test_days_overdue_count_from_the_last_day_allowed(deadline, today, late):
    from vanban.web.tasks import _days_late

    assert queries.overdue(deadline, today) == 1 and _days_late(deadline, today) == late
    assert queries.overdue(deadline, deadline) == 0 and queries.overdue(None, today) == 0 and queries.overdue("sớm", today) == 0


def test_every_heading_and_parameter_is_a_vietnamese_english_pair(seeds_path):
    spec = serve.load_spec()
    pairs = [*spec["labels"].values(), *(v["label"] for v in spec["params"].values()),
             *(v for cols in spec["query_labels"].values() for v in cols.values()),
             *(v for p in spec["params"].values() for v in (p.get("choices") or {}).values())]
    for pair in pairs:
        assert len(pair) == 2 and pair[0] != pair[1], pair  # a comma inside an unquoted label splits it
    used = {p for q in queries.QUERIES.values() for p in q.params}
    assert set(spec["params"]) == used, "metadata.yaml params and the questions' parameters differ"
    schema = _schema(seeds_path)
    for table, columns in spec["show"].items():
        assert set(columns) <= set(schema[table]), (table, set(columns) - set(schema[table]))
