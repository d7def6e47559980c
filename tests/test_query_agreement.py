"""Every question asked of the library and of the web view gives the same rows.

The web side is a real Datasette app (the one ``vanban serve`` runs) over a real SQLite
file, asked through its in-process client; the library side is the function the CLI calls.
Two databases: the bundled corpus (docs and held-out docs, PDFs aside) loaded for real,
and a small one built by hand with what the corpus lacks (a citation cycle, a failing
total, two documents sharing a URI).
"""
from __future__ import annotations

import json
import re
import sqlite3
from html import unescape
from pathlib import Path

import pytest

from vanban import queries, serve
from vanban.extractors.extract.amounts.numbers import vocabulary
from vanban.load import load
from vanban.store import DocumentNotFoundError, open_db

from .conftest import CORPUS, SEEDS
from .store_helpers import failing_check, put, record, ref, task
from .test_serve_config import Client

NGHE_AN_PLAN = "vn/nghe-an/ubnd/kh/2023/352"
DECREE = "vn/cp/nd/2022/27"


@pytest.fixture(scope="module")
def corpus_path(tmp_path_factory) -> Path:
    """The bundled corpus but its PDFs (their reading takes minutes; nothing here needs them)."""
    path = tmp_path_factory.mktemp("agreement") / "corpus.db"
    files = sorted(p for folder in (CORPUS / "docs", CORPUS / "heldout" / "docs") for p in folder.iterdir()
                   if p.is_file() and p.suffix != ".pdf")
    report = load([str(p) for p in files], path, workers=2, progress=False)
    assert report.errors == 0 and report.extracted == len(files) >= 50
    return path


@pytest.fixture(scope="module")
def handmade_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("agreement") / "handmade.db"
    db = open_db(path)
    put(
        db,
        record("a.txt", "1/KH-UBND", refs=[ref("2/KH-UBND", date="2023-01-01"), ref("9/QĐ-TTg", relation="cites")],
               tasks=[task("Sở Y tế", "Chủ trì kiểm tra", partners=["Sở Tài chính"])], checks=[failing_check()],
               text="Tổng vốn 1.000 đồng, gồm 400 đồng và 500 đồng. Căn cứ Kế hoạch số 2/KH-UBND."),
        record("b.txt", "2/KH-UBND", date="2023-01-01", refs=[ref("1/KH-UBND", date="2023-05-25")],
               tasks=[task("Sở Y tế tỉnh Nghệ An", "Báo cáo kết quả", role="support")]),
        record("c.txt", "7/KH-UBND", issuer="Ủy ban nhân dân tỉnh Sóc Trăng", place="Sóc Trăng",
               tasks=[task("Sở Y tế", "Phối hợp thực hiện", role="support")], refs=[ref("9/QĐ-TTg")]),
        record("twin-1.txt", "5/KH-UBND", text="Bản một. Căn cứ Kế hoạch số 1/KH-UBND.", refs=[ref("1/KH-UBND")]),
        record("twin-2.txt", "5/KH-UBND", text="Bản hai. Căn cứ Kế hoạch số 2/KH-UBND.", refs=[ref("2/KH-UBND")]),
    )
    db.close()
    return path


class Asker(Client):
    """One database, asked through the library and through the web view."""

    def __init__(self, path: Path):
        super().__init__(path)
        self.path = path
        self.db = open_db(path, create=False)

    def web(self, name: str, **params) -> list[dict]:
        return self.json(f"/vanban/{name}.json", **params)

    def close(self):
        super().close()
        self.db.close()


def _asked(path: Path):
    asker = Asker(path)
    yield asker
    asker.close()


@pytest.fixture(scope="module")
def corpus(corpus_path):
    yield from _asked(corpus_path)


@pytest.fixture(scope="module")
def handmade(handmade_path):
    yield from _asked(handmade_path)


def _decoded(value, like):
    """A web value decoded as the library decodes a JSON column (text or null -> list)."""
    if isinstance(like, list) and (value is None or isinstance(value, str)):
        return json.loads(value) if value else []
    return value


def _as_served(web: list[dict], library: list[dict]) -> list[dict]:
    """The web's rows with the JSON text of a column decoded where the library decodes it."""
    return [{k: _decoded(v, lib.get(k)) for k, v in w.items()} for w, lib in zip(web, library)] + web[len(library):]


def assert_same(web: list[dict], library: list[dict]) -> None:
    assert [list(r) for r in web] == [list(r) for r in library], "columns differ"
    assert _as_served(web, library) == library


# --- the questions ---------------------------------------------------------------------------------

DOCUMENT_NAMES = [
    "352/KH-UBND", "352 /KH-UBND", "27/2022/NĐ-CP", "1719/QĐ-TTg", "83/2015/QH13",
    NGHE_AN_PLAN, DECREE, SEEDS[1].name, SEEDS[2].name, "vn/lang-son/_/tin/2023/h330c3b9069",
    "31/CT-TTg", "83/2025/QH15", "vn/ttg/qd/2018/773",  # loaded, and cited by a loaded document
]
AGENCIES = [
    "Sở Y tế", "Sở Y tế tỉnh Nghệ An", "so y te", "SỞ Y TẾ TỈNH BẮC NINH", "Sở Tài chính", "Sở Tài chính tỉnh Ninh Thuận",
    "so tai chinh thanh pho ha noi", "Sở NN&PTNT", "ban dan toc", "UBND các huyện", "Sở Giao thông vận tải tỉnh Cà Mau",
]
SEARCHES = ["so y te", "nghi dinh", "quyết định giao rừng", '"y te" OR "tai chinh"', "von su nghiep", "kiem tra", "xyzzy"]

# (id, library call, canned query, its parameters)
CASES = [
    *[(f"find_documents {n}", lambda db, n=n: queries.find_documents(db, n), "find_documents", {"document": n})
      for n in DOCUMENT_NAMES],
    *[(f"cites {n}", lambda db, n=n: queries.cites(db, n), "cites", {"document": n}) for n in DOCUMENT_NAMES],
    *[(f"cited_by {n}", lambda db, n=n: queries.cited_by(db, n), "cited_by", {"document": n}) for n in DOCUMENT_NAMES],
    *[(f"chain {n}", lambda db, n=n: queries.chain(db, n), "chain", {"document": n, "relations": "", "max_depth": ""})
      for n in DOCUMENT_NAMES],
    ("chain with cites, depth 2", lambda db: queries.chain(db, "352/KH-UBND", relations=("basis", "implements", "cites"), max_depth=2),
     "chain", {"document": "352/KH-UBND", "relations": "basis implements cites", "max_depth": "2"}),
    ("unresolved", lambda db: queries.unresolved(db), "unresolved", {"limit": ""}),
    ("unresolved, 7", lambda db: queries.unresolved(db, limit=7), "unresolved", {"limit": "7"}),
    *[(f"matching_agencies {a}", lambda db, a=a: queries.matching_agencies(db, a), "matching_agencies",
       {"agency": a, "province": ""}) for a in AGENCIES],
    *[(f"assignments {a}", lambda db, a=a: queries.assignments(db, a), "assignments_of_agency",
       {"agency": a, "role": "", "province": ""}) for a in AGENCIES],
    ("assignments Sở Tài chính, lead", lambda db: queries.assignments(db, "Sở Tài chính", role="lead"),
     "assignments_of_agency", {"agency": "Sở Tài chính", "role": "lead", "province": ""}),
    ("assignments Sở Tài chính, support", lambda db: queries.assignments(db, "Sở Tài chính", role="support"),
     "assignments_of_agency", {"agency": "Sở Tài chính", "role": "support", "province": ""}),
    ("assignments so y te, Nghệ An", lambda db: queries.assignments(db, "so y te", province="Nghệ An"),
     "assignments_of_agency", {"agency": "so y te", "role": "", "province": "Nghệ An"}),
    ("assignments Sở Y tế tỉnh Nghệ An, nghe-an", lambda db: queries.assignments(db, "Sở Y tế tỉnh Nghệ An", province="nghe-an"),
     "assignments_of_agency", {"agency": "Sở Y tế tỉnh Nghệ An", "role": "", "province": "nghe-an"}),
    *[(f"search {q}", lambda db, q=q: queries.search(db, q), "search", {"q": q, "limit": ""}) for q in SEARCHES],
    ("search, 3", lambda db: queries.search(db, "ke hoach", limit=3), "search", {"q": "ke hoach", "limit": "3"}),
    *[(f"search_tasks {q}", lambda db, q=q: queries.search_tasks(db, q), "search_tasks", {"q": q, "limit": ""})
      for q in SEARCHES],
    ("failed_budget_checks", lambda db: queries.failed_budget_checks(db), "failed_budget_checks", {}),
    ("amounts_by_source", lambda db: queries.amounts_by_source(db), "amounts_by_source", {}),
    ("documents_per_month", lambda db: queries.documents_per_month(db), "documents_per_month", {}),
    ("budget_by_year_source", lambda db: queries.budget_by_year_source(db), "budget_by_year_source", {}),
    ("plan_budgets", lambda db: queries.plan_budgets(db), "plan_budgets", {"year": "", "fund": ""}),
    ("plan_budgets 2023", lambda db: queries.plan_budgets(db, year=2023, fund="ngan_sach_trung_uong"), "plan_budgets",
     {"year": "2023", "fund": "ngan_sach_trung_uong"}),
    ("documents_by_type_month", lambda db: queries.documents_by_type_month(db), "documents_by_type_month", {}),
    ("most_cited", lambda db: queries.most_cited(db), "most_cited", {"limit": ""}),
    ("most_cited, 3", lambda db: queries.most_cited(db, limit=3), "most_cited", {"limit": "3"}),
    ("agencies_open_tasks", lambda db: queries.agencies_open_tasks(db), "agencies_open_tasks", {"today": "", "limit": ""}),
    ("agencies_open_tasks 2023-05-01", lambda db: queries.agencies_open_tasks(db, today="2023-05-01", limit=20),
     "agencies_open_tasks", {"today": "2023-05-01", "limit": "20"}),
]
HANDMADE_NAMES = ["1/KH-UBND", "2/KH-UBND", "5/KH-UBND", "9/QĐ-TTg", "a.txt", "twin-2.txt"]
HANDMADE_CASES = [
    *[(f"{question} {n}", lambda db, q=question, n=n: getattr(queries, q)(db, n), question, {"document": n})
      for question in ("find_documents", "cites", "cited_by") for n in HANDMADE_NAMES],
    *[(f"chain {n}", lambda db, n=n: queries.chain(db, n), "chain", {"document": n, "relations": "", "max_depth": ""})
      for n in HANDMADE_NAMES],
    *[(f"assignments {a}", lambda db, a=a: queries.assignments(db, a), "assignments_of_agency",
       {"agency": a, "role": "", "province": ""}) for a in ("Sở Y tế", "Sở Y tế tỉnh Nghệ An", "so y te tinh soc trang")],
    ("failed_budget_checks", lambda db: queries.failed_budget_checks(db), "failed_budget_checks", {}),
    ("unresolved", lambda db: queries.unresolved(db), "unresolved", {"limit": ""}),
]


@pytest.mark.parametrize("ask, name, params", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_the_corpus_gets_one_answer(corpus, ask, name, params):
    library = ask(corpus.db)
    assert_same(corpus.web(name, **params), library)


@pytest.mark.parametrize("ask, name, params", [c[1:] for c in HANDMADE_CASES], ids=[c[0] for c in HANDMADE_CASES])
def test_the_handmade_database_gets_one_answer(handmade, ask, name, params):
    assert_same(handmade.web(name, **params), ask(handmade.db))


def test_the_answers_are_not_empty(corpus, handmade):
    """The cases compare something: every question finds rows in some case."""
    answered = {name for _, ask, name, _ in CASES if ask(corpus.db)}
    assert answered == {name for _, _, name, _ in CASES}
    assert {name for _, ask, name, _ in HANDMADE_CASES if ask(handmade.db)} == {name for _, _, name, _ in HANDMADE_CASES}
    assert [r["cycle"] for r in queries.chain(handmade.db, "1/KH-UBND")] == [0, 1]
    assert len(queries.failed_budget_checks(corpus.db)) == 1


def test_a_name_with_a_place_is_that_body_only(corpus):
    names = {r["agency_name"] for r in corpus.web("assignments_of_agency", agency="Sở Y tế tỉnh Nghệ An", role="", province="")}
    assert names == {"Sở Y tế tỉnh Nghệ An"}
    everywhere = {r["agency_name"] for r in corpus.web("assignments_of_agency", agency="Sở Y tế", role="", province="")}
    assert {"Sở Y tế tỉnh Nghệ An", "Sở Y tế tỉnh Bắc Ninh"} <= everywhere


@pytest.mark.parametrize("question", ["cites", "cited_by", "chain", "find_documents"])
def test_a_name_of_no_document(corpus, question):
    with pytest.raises(DocumentNotFoundError):
        getattr(queries, question)(corpus.db, "999/KH-XYZ")
    params = {"document": "999/KH-XYZ", **({"relations": "", "max_depth": ""} if question == "chain" else {})}
    assert corpus.web(question, **params) == []


def test_a_file_path_names_its_document(corpus):
    path = str(SEEDS[1])
    assert [r["uri"] for r in queries.find_documents(corpus.db, path)] == [NGHE_AN_PLAN]
    assert_same(corpus.web("cites", document=path), queries.cites(corpus.db, path))


def test_every_canned_query_is_a_library_question():
    canned = serve.build_metadata()["databases"]["vanban"]["queries"]
    assert {name: q["sql"] for name, q in canned.items()} == {name: q.sql for name, q in queries.QUERIES.items()}
    assert {name for _, _, name, _ in CASES} == set(canned)


# --- the home page's budget chart ------------------------------------------------------------------


def _plan_totals(path: Path) -> dict[tuple[int, str], int]:
    """Per (year, funding source name): each plan's top-level checked total, from the records."""
    names = {key: entry["name"] for key, entry in vocabulary().funding_sources.items()}
    totals: dict[tuple[int, str], int] = {}
    conn = sqlite3.connect(path)
    try:
        for text, year in conn.execute("SELECT record, year FROM documents WHERE status = 'loaded' AND doc_type = 'KH'"):
            rec = json.loads(text)
            parts = {p["span"][0] for c in rec.get("budget_checks") or [] for p in c.get("parts") or [] if p.get("span")}
            roots = [c for c in rec.get("budget_checks") or [] if not (c.get("span") and c["span"][0] in parts)]
            if not roots:
                continue
            top = max(roots, key=lambda c: c["total_vnd"])
            fund = next((a.get("fund") for a in rec["amounts"] if top.get("span") and a["span"][0] == top["span"][0]), None)
            key = (year, names.get(fund, queries.OTHER_FUND))
            totals[key] = totals.get(key, 0) + top["total_vnd"]
    finally:
        conn.close()
    return totals


def test_the_budget_chart_counts_each_plan_once(corpus):
    expected = _plan_totals(corpus.path)
    assert expected
    rows = {(r["year"], r["source"]): r["total_vnd"] for r in corpus.web("budget_by_year_source")}
    assert rows == expected
    chart = re.search(r'<section id="chart-budget">(.*?)</section>', corpus.get("/").text, re.S).group(1)
    bars = re.findall(r'<g class="bar" data-value="(\d+)"><title>(.*?):', chart)
    shown_years = sorted({y for y, _ in expected}, reverse=True)[:4]
    assert {unescape(name): int(value) for value, name in bars} == {
        f"{y} · {s}": t for (y, s), t in expected.items() if y in shown_years}

