"""Queries over the store: on records built by hand, and on the real seeds loaded."""
from __future__ import annotations

import pytest

from vanban import queries
from vanban.load import load
from vanban.store import DocumentNotFoundError, open_db

from .conftest import SEEDS
from .store_helpers import failing_check, put, record, ref, task


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory):
    """The five seeds, extracted for real and loaded."""
    path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    report = load([str(p) for p in SEEDS], path, workers=0, progress=False)
    assert report.errors == 0
    db = open_db(path)
    yield db
    db.close()


# --- the acceptance questions, on the real seeds --------------------------------------------------


def test_cited_by_the_decree_lists_seeds_001_and_002(seeds_db):
    sources = {r["citing_source"] for r in queries.cited_by(seeds_db, "27/2022/NĐ-CP")}
    assert sources == {SEEDS[1].name, SEEDS[2].name}


def test_cites_of_the_nghe_an_plan(seeds_db):
    rows = queries.cites(seeds_db, "352/KH-UBND")
    assert {r["number"] for r in rows} == {"27/2022/NĐ-CP", "201/KH-UBND", "1719/QĐ-TTg"}
    by_number = {r["number"]: r for r in rows}
    assert by_number["201/KH-UBND"]["target_uri"] == "vn/nghe-an/ubnd/kh/2023/201"
    assert by_number["201/KH-UBND"]["target_status"] == "stub"
    assert by_number["27/2022/NĐ-CP"]["target_uri"] == "vn/cp/nd/2022/27"


def test_assignments_of_so_y_te_without_diacritics(seeds_db):
    rows = queries.assignments(seeds_db, "so y te")
    assert rows and {r["source"] for r in rows} == {SEEDS[1].name}
    assert {r["agency_id"] for r in rows} == {"nghe-an/so-y-te"}
    assert all(r["task"] for r in rows)


def test_a_document_is_found_by_number_uri_and_file(seeds_db):
    by_number = queries.find_documents(seeds_db, "352/KH-UBND")
    assert [d["uri"] for d in by_number] == ["vn/nghe-an/ubnd/kh/2023/352"]
    assert queries.find_documents(seeds_db, "vn/nghe-an/ubnd/kh/2023/352") == by_number
    assert queries.find_documents(seeds_db, str(SEEDS[1])) == by_number
    assert queries.find_documents(seeds_db, SEEDS[1].name) == by_number
    with pytest.raises(DocumentNotFoundError):
        queries.find_documents(seeds_db, "999/KH-XYZ")


def test_search_ignores_diacritics_and_folds_d(seeds_db):
    assert SEEDS[1].name in {r["source"] for r in queries.search(seeds_db, "so y te")}
    hits = queries.search(seeds_db, "nghi dinh")
    assert hits and all("nghị định" in r["excerpt"].lower() for r in hits)
    assert queries.search(seeds_db, "Nghị định") == hits


def test_stats_of_the_seeds(seeds_db):
    s = queries.stats(seeds_db)
    assert s["documents"] == 5 and s["errors"] == 0
    assert s["by_type"]["TIN"] == 2
    assert s["citations"] == s["citations_resolved"] + s["citations_unresolved"] + s["citations_without_number"]
    assert s["assignments"] > 0 and s["amounts"] > 0



def test_stats_counts_documents_from_indexes_only(seeds_db):
    """The home page and `vanban stats` count the loaded documents, leaving out the files that
    are no document: every count of the documents table reads an index holding the columns it
    needs, never the rows (each holds a document's text and record)."""
    statements: list[str] = []
    seeds_db.conn.set_trace_callback(statements.append)
    try:
        queries.stats(seeds_db)
    finally:
        seeds_db.conn.set_trace_callback(None)
    on_documents = [s for s in statements if "FROM documents" in s and " JOIN " not in s]
    assert len(on_documents) >= 4
    for sql in on_documents:
        plan = " ".join(r[3] for r in seeds_db.execute("EXPLAIN QUERY PLAN " + sql))
        assert "COVERING INDEX" in plan, (sql, plan)

# --- on records built by hand ----------------------------------------------------------------------

DECREE = record("decree.txt", "27/2022/NĐ-CP", doc_type="NĐ", date="2022-04-19", issuer="Chính phủ", place="Hà Nội",
                subject="Quy định cơ chế quản lý các chương trình mục tiêu quốc gia",
                refs=[ref("83/2015/QH13", doc_type="LUAT", issuer="Quốc hội")])
PROGRAM = record("program.txt", "201/KH-UBND", date="2023-03-28", subject="Triển khai Chương trình",
                 refs=[ref("27/2022/NĐ-CP", doc_type="NĐ", issuer="Chính phủ")])
PLAN = record(
    "plan.txt", "352/KH-UBND", subject="Thực hiện Chương trình năm 2023",
    refs=[ref("201/KH-UBND", doc_type="KH", date="2023-03-28"), ref("1719/QĐ-TTg", relation="cites")],
    tasks=[task("Sở Nông nghiệp và Phát triển nông thôn", "Chủ trì dự án 2", partners=["Sở Tài chính"]),
           task("Sở Tài chính", "Bố trí vốn", deadline="2023-06-15"),
           task("Các sở, ngành", "Phối hợp thực hiện", role="support")],
    checks=[failing_check("Tổng vốn dự án 2")],
    text="Kế hoạch số 352/KH-UBND. Quyết định giao vốn cho Sở Y tế. Tổng vốn dự án 2.",
)
SOC_TRANG = record("st.txt", "12/KH-UBND", issuer="Ủy ban nhân dân tỉnh Sóc Trăng", place="Sóc Trăng",
                   tasks=[task("Sở NN&PTNT", "Chủ trì dự án 1")], refs=[ref("1719/QĐ-TTg")])


@pytest.fixture(scope="module")
def db():
    database = open_db(":memory:")
    put(database, DECREE, PROGRAM, PLAN, SOC_TRANG)
    yield database
    database.close()


def test_chain_follows_bases_transitively(db):
    rows = queries.chain(db, "352/KH-UBND")
    assert [(r["depth"], r["to_uri"], r["status"]) for r in rows] == [
        (1, "vn/nghe-an/ubnd/kh/2023/201", "loaded"),
        (2, "vn/cp/nd/2022/27", "loaded"),
        (3, "vn/qh13/luat/2015/83", "stub"),
    ]
    cited_too = queries.chain(db, "352/KH-UBND", relations=("basis", "cites"))
    assert "vn/ttg/qd/_/1719" in {r["to_uri"] for r in cited_too}


def test_chain_stops_on_a_cycle():
    db = open_db(":memory:")
    put(db, record("a.txt", "1/KH-UBND", refs=[ref("2/KH-UBND", date="2023-01-01")]),
        record("b.txt", "2/KH-UBND", date="2023-01-01", refs=[ref("1/KH-UBND", date="2023-05-25")]))
    rows = queries.chain(db, "1/KH-UBND")
    assert [(r["depth"], r["to_uri"], r["cycle"]) for r in rows] == [
        (1, "vn/nghe-an/ubnd/kh/2023/2", 0), (2, "vn/nghe-an/ubnd/kh/2023/1", 1)]


def test_unresolved_counts_citing_documents(db):
    rows = {r["number"]: r for r in queries.unresolved(db)}
    assert rows["1719/QĐ-TTg"]["citing_documents"] == 2
    assert "201/KH-UBND" not in rows
    assert queries.unresolved(db, limit=1)[0]["number"] == "1719/QĐ-TTg"


@pytest.mark.parametrize("spelling", ["Sở NN&PTNT", "so nong nghiep va phat trien nong thon", "SỞ NÔNG NGHIỆP VÀ PTNT"])
def test_assignments_by_any_spelling(db, spelling):
    rows = queries.assignments(db, spelling)
    assert {(r["source"], r["task"]) for r in rows} == {("plan.txt", "Chủ trì dự án 2"), ("st.txt", "Chủ trì dự án 1")}


def test_assignments_by_province_and_role(db):
    assert [r["source"] for r in queries.assignments(db, "Sở NN&PTNT", province="Sóc Trăng")] == ["st.txt"]
    assert [r["source"] for r in queries.assignments(db, "Sở NN&PTNT tỉnh Sóc Trăng")] == ["st.txt"]
    lead = queries.assignments(db, "so tai chinh", role="lead")
    assert [(r["task"], r["deadline"], r["via"]) for r in lead] == [("Bố trí vốn", "2023-06-15", "assignment")]
    support = queries.assignments(db, "so tai chinh", role="support")
    assert [(r["task"], r["via"]) for r in support] == [("Chủ trì dự án 2", "partner")]
    assert queries.assignments(db, "Sở Giao thông vận tải") == []


def test_search_tasks(db):
    rows = queries.search_tasks(db, "bo tri von")
    assert [r["agency"] for r in rows] == ["Sở Tài chính"]


def test_search_keeps_fts_syntax(db):
    assert {r["source"] for r in queries.search(db, '"quyet dinh" OR "trien khai"')} == {"plan.txt", "program.txt"}
    assert queries.fts_query("Sở Y tế") == '"so y te"'


def test_failed_budget_checks_across_the_database(db):
    rows = queries.failed_budget_checks(db)
    assert [(r["number"], r["what"], r["difference_vnd"], r["parts_vnd"]) for r in rows] == [
        ("352/KH-UBND", "Tổng vốn dự án 2", 100, [400, 500])]
    assert rows[0]["excerpt"] == "Kế ho"


def test_show_gathers_a_document(db):
    [doc] = queries.show(db, "352/KH-UBND")
    assert doc["uri"] == "vn/nghe-an/ubnd/kh/2023/352"
    assert len(doc["citations"]) == 2 and len(doc["assignments"]) == 3 and "text" not in doc
    [base] = queries.show(db, "201/KH-UBND")
    assert [c["citing_uri"] for c in base["cited_by"]] == ["vn/nghe-an/ubnd/kh/2023/352"]


def test_export_records_and_tables(db):
    records = list(queries.export_rows(db, records=True))
    assert len(records) == 4 and all("text" not in r and r["uri"] for r in records)
    plan = next(r for r in records if r["number"] == "352/KH-UBND")
    assert plan["assignments"][1]["agency_id"] == "nghe-an/so-tai-chinh"
    rows = list(queries.export_rows(db, table="documents"))
    assert rows and "text" not in rows[0] and {r["status"] for r in rows} == {"loaded", "stub"}
    with pytest.raises(ValueError):
        list(queries.export_rows(db, table="sqlite_master"))


def test_search_excerpt_comes_from_the_first_hit_of_a_long_text(tmp_path):
    from vanban.identity import fold
    from vanban.queries.functions import HIT_MARK, excerpt

    text = "Mở đầu. " + "Nội dung chung. " * 2000 + "Sở Nông nghiệp và Phát triển nông thôn chủ trì."
    db = open_db(tmp_path / "long.db")
    doc = record("long.txt", "9/KH-UBND", text=text)
    put(db, doc)
    [hit] = [r for r in queries.search(db, "so nong nghiep") if r["source"] == "long.txt"]
    assert hit["excerpt"].startswith("…") and "Sở Nông nghiệp" in hit["excerpt"]
    assert hit["excerpt"] == excerpt(text, "so nong nghiep")
    marked = fold(text).replace("so nong", HIT_MARK + "so nong", 1)
    assert excerpt(text, "anything", marked=marked) == hit["excerpt"]
