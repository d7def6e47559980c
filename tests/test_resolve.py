"""Identity of documents (keys, jurisdictions, URIs) and linking citations to them."""
from __future__ import annotations

from itertools import permutations

import pytest

from vanban import identity
from vanban.resolve import Candidate, choose_document, relink_all, stub_identity
from vanban.store import open_db

from .store_helpers import links, put, record, ref


@pytest.fixture
def db():
    database = open_db(":memory:")
    yield database
    database.close()


# --- identity ------------------------------------------------------------------------------------


@pytest.mark.parametrize("a, b", [
    ("352/KH-UBND", "352 /KH-UBND"),
    ("352/KH-UBND", "352/KHUBND"),
    ("27/2022/NĐ-CP", "27/2022/ND-CP"),
    ("27/2022/NĐ-CP", "27/2022/ÐĐ-CP".replace("ÐĐ", "NĐ")),
    ("04-NQ/TU", "4-NQ/TU"),
    ("66/NQ-CP", "66/NQ-СР"),  # Cyrillic С and Р
    ("1719/QĐ-TTg", "1719/qđ-ttg"),
])
def test_number_key_ignores_printing(a, b):
    assert identity.number_key(a) == identity.number_key(b)


@pytest.mark.parametrize("a, b", [("352/KH-UBND", "353/KH-UBND"), ("27/2022/NĐ-CP", "27/2021/NĐ-CP"), ("04-NQ/TU", "04-CT/TU")])
def test_number_key_keeps_what_differs(a, b):
    assert identity.number_key(a) != identity.number_key(b)


def test_blank_number_has_no_key():
    assert identity.number_key("/UBND-VXNV") is None
    assert identity.number_key(None) is None


@pytest.mark.parametrize("number, issuer, national", [
    ("27/2022/NĐ-CP", None, True),
    ("1719/QĐ-TTg", None, True),
    ("15/2022/TT-BTC", None, True),
    ("58/2014/QH13", None, True),
    ("46-CT/TW", None, True),
    ("352/KH-UBND", None, False),
    ("04-NQ/TU", "Ban Chấp hành Đảng bộ tỉnh Sóc Trăng", False),
    ("01/KL-ĐCT", "Đoàn Chủ tịch Ủy ban Trung ương MTTQ Việt Nam", True),
    ("95/QĐ-BCĐ", "Ban Chỉ đạo các Chương trình MTQG tỉnh Lạng Sơn", False),
])
def test_national_documents(number, issuer, national):
    assert identity.is_national(number, issuer) is national


@pytest.mark.parametrize("issuer, place, expected", [
    ("Ủy ban nhân dân tỉnh Nghệ An", "Nghệ An", "nghe-an"),
    ("Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Sóc Trăng", "Sóc Trăng", "soc-trang"),
    ("Ủy ban nhân dân tỉnh", "Ninh Thuận", "ninh-thuan"),
    ("Ủy ban nhân dân huyện Kỳ Sơn tỉnh Nghệ An", None, "nghe-an/huyen-ky-son"),
    ("UBND thành phố Vinh", "Nghệ An", "nghe-an/thanh-pho-vinh"),
    ("Hội đồng nhân dân thành phố Hà Nội", "Hà Nội", "ha-noi"),
    ("Tỉnh ủy Bà Rịa-Vũng Tàu", None, "ba-ria-vung-tau"),
    ("Chính phủ", "Hà Nội", "vn"),
    ("Mic.gov.vn", None, None),
])
def test_jurisdiction_of_documents(issuer, place, expected):
    assert identity.jurisdiction_of(issuer=issuer, place=place) == expected


def test_jurisdiction_of_news_from_its_text():
    assert identity.jurisdiction_of(issuer=None, text="UBND tỉnh Lạng Sơn đã ban hành") == "lang-son"


@pytest.mark.parametrize("number, issuer, citing, expected", [
    ("201/KH-UBND", None, "nghe-an", "nghe-an"),  # a bare number is the citing document's
    ("201/KH-UBND", "UBND tỉnh", "nghe-an/huyen-ky-son", "nghe-an"),  # 'của UBND tỉnh' from a district
    ("12/KH-UBND", "UBND huyện Kỳ Sơn", "nghe-an", "nghe-an/huyen-ky-son"),
    ("64/KH-UBND", "Ủy ban nhân dân tỉnh Lạng Sơn", None, "lang-son"),  # its own words first
    ("27/2022/NĐ-CP", "Chính phủ", "nghe-an", "vn"),
    ("201/KH-UBND", None, "vn", None),  # a local number cited from a national text
])
def test_cited_jurisdiction(number, issuer, citing, expected):
    assert identity.cited_jurisdiction(number=number, issuer=issuer, citing=citing) == expected


@pytest.mark.parametrize("number, doc_type, jurisdiction, year, uri", [
    ("352/KH-UBND", "KH", "nghe-an", 2023, "vn/nghe-an/ubnd/kh/2023/352"),
    ("27/2022/NĐ-CP", "NĐ", "vn", 2022, "vn/cp/nd/2022/27"),
    ("1719/QĐ-TTg", "QĐ", "vn", 2021, "vn/ttg/qd/2021/1719"),
    ("04-NQ/TU", "NQ", "soc-trang", 2021, "vn/soc-trang/tu/nq/2021/4"),
    ("2071/MTTQ-BTT", "CV", "soc-trang", 2023, "vn/soc-trang/mttq-btt/cv/2023/2071"),
    ("201/KH-UBND", "KH", None, None, "vn/_/ubnd/kh/_/201"),
])
def test_document_uri(number, doc_type, jurisdiction, year, uri):
    assert identity.document_uri(number=number, doc_type=doc_type, jurisdiction=jurisdiction, year=year) == uri


def test_uri_of_a_document_without_number_uses_its_hash():
    uri = identity.document_uri(number="/UBND-VXNV", doc_type="CV", jurisdiction="ninh-thuan", year=2023, sha256="ab" * 32)
    assert uri == "vn/ninh-thuan/ubnd-vxnv/cv/2023/h" + "ab" * 5


def test_fold_keeps_offsets_and_folds_d():
    text = "Quyết định của Sở Y tế ĐẮK LẮK, Ðà"
    folded = identity.fold(text)
    assert folded == "quyet dinh cua so y te dak lak, da"
    assert len(folded) == len(text)


def test_content_hash_of_bytes_and_file(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(b"abc")
    assert identity.content_hash(f) == identity.content_hash(b"abc")


# --- choosing a document ---------------------------------------------------------------------------

NA = Candidate(1, "nghe-an", 2023, "vn/nghe-an/ubnd/kh/2023/201", "a")
ST = Candidate(2, "soc-trang", 2023, "vn/soc-trang/ubnd/kh/2023/201", "b")
NA_OLD = Candidate(3, "nghe-an", 2019, "vn/nghe-an/ubnd/kh/2019/201", "c")


@pytest.mark.parametrize("jurisdiction, year, loaded, expected", [
    ("nghe-an", 2023, [NA, ST], 1),
    ("soc-trang", None, [NA, ST], 2),
    (None, 2023, [NA, ST], None),  # which province? ambiguous: not linked
    (None, 2023, [NA], 1),
    ("nghe-an", None, [NA, NA_OLD], None),  # which year? ambiguous
    ("nghe-an", 2019, [NA, NA_OLD], 3),
    ("ha-noi", 2023, [NA, ST], None),
])
def test_choose_document(jurisdiction, year, loaded, expected):
    assert choose_document(jurisdiction, year, loaded) == expected


def test_stub_identity_borrows_the_only_known_year_and_jurisdiction():
    assert stub_identity("nghe-an", None, [("nghe-an", None), ("nghe-an", 2023)]) == ("nghe-an", 2023)
    assert stub_identity("nghe-an", None, [("nghe-an", 2022), ("nghe-an", 2023)]) == ("nghe-an", None)
    assert stub_identity(None, None, [(None, None), ("lang-son", 2022)]) == ("lang-son", 2022)


# --- linking in the store --------------------------------------------------------------------------

PLAN = record("plan.txt", "352/KH-UBND", refs=[
    ref("27/2022/NĐ-CP", doc_type="NĐ", date="2022-04-19", issuer="Chính phủ"),
    ref("201/KH-UBND", doc_type="KH", date="2023-03-28", issuer="UBND tỉnh"),
])
BASE_NGHE_AN = record("base-na.txt", "201/KH-UBND", date="2023-03-28")
BASE_SOC_TRANG = record("base-st.txt", "201/KH-UBND", date="2023-03-28", issuer="Ủy ban nhân dân tỉnh Sóc Trăng",
                        place="Sóc Trăng")
DECREE = record("decree.txt", "27/2022/NĐ-CP", doc_type="NĐ", date="2022-04-19", issuer="Chính phủ", place="Hà Nội")
OTHER_PLAN = record("other.txt", "99/KH-UBND", issuer="Ủy ban nhân dân tỉnh Sóc Trăng", place="Sóc Trăng",
                    refs=[ref("27/2022/NĐ-CP", doc_type="NĐ", issuer="Chính phủ")])


def test_unloaded_citations_get_stubs(db):
    put(db, PLAN)
    assert links(db) == {
        ("vn/nghe-an/ubnd/kh/2023/352", "27/2022/NĐ-CP", "vn/cp/nd/2022/27:stub"),
        ("vn/nghe-an/ubnd/kh/2023/352", "201/KH-UBND", "vn/nghe-an/ubnd/kh/2023/201:stub"),
    }


def test_bare_local_number_links_within_the_jurisdiction(db):
    put(db, BASE_SOC_TRANG, PLAN, BASE_NGHE_AN)
    assert ("vn/nghe-an/ubnd/kh/2023/352", "201/KH-UBND", "vn/nghe-an/ubnd/kh/2023/201:loaded") in links(db)


def test_national_number_is_one_document_whoever_cites_it(db):
    put(db, PLAN, OTHER_PLAN)
    targets = {t for _, n, t in links(db) if n == "27/2022/NĐ-CP"}
    assert targets == {"vn/cp/nd/2022/27:stub"}
    assert db.execute("SELECT count(*) FROM documents WHERE status = 'stub'").fetchone()[0] == 2


@pytest.mark.parametrize("order", list(permutations([PLAN, BASE_NGHE_AN, BASE_SOC_TRANG, DECREE])))
def test_links_do_not_depend_on_load_order(order):
    db = open_db(":memory:")
    for rec in order:  # one batch each: the stub is replaced when its document arrives
        put(db, rec)
    assert links(db) == {
        ("vn/nghe-an/ubnd/kh/2023/352", "27/2022/NĐ-CP", "vn/cp/nd/2022/27:loaded"),
        ("vn/nghe-an/ubnd/kh/2023/352", "201/KH-UBND", "vn/nghe-an/ubnd/kh/2023/201:loaded"),
    }
    assert db.execute("SELECT count(*) FROM documents WHERE status = 'stub'").fetchone()[0] == 0


def test_a_citation_without_year_joins_the_dated_stub(db):
    undated = record("undated.txt", "360/KH-UBND", refs=[ref("201/KH-UBND", doc_type="KH")])
    put(db, undated, PLAN)
    assert {t for _, n, t in links(db) if n == "201/KH-UBND"} == {"vn/nghe-an/ubnd/kh/2023/201:stub"}


def test_stub_goes_when_its_last_citation_goes(db):
    from vanban import store

    put(db, PLAN)
    doc_id = db.execute("SELECT id FROM documents WHERE source = 'plan.txt'").fetchone()[0]
    with db.atomic():
        store.settle(db, store.delete_document(db, doc_id))
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 0


def test_relink_all_is_a_no_op_on_a_settled_database(db):
    put(db, PLAN, BASE_SOC_TRANG, DECREE)
    before = links(db)
    relink_all(db)
    assert links(db) == before


def test_citation_classes_are_the_distinct_pairs_of_a_key(db):
    from vanban.resolve import citation_classes

    db.execute("PRAGMA foreign_keys = OFF")  # citations of no document: only their keys matter here
    db["citations"].insert_all([
        {"document_id": 1, "position": i, "number_key": key, "jurisdiction": j, "year": y}
        for i, (key, j, y) in enumerate([
            ("1/QDUBND", None, None), ("1/QDUBND", None, 2020), ("1/QDUBND", "nghe-an", None),
            ("1/QDUBND", "nghe-an", 2020), ("1/QDUBND", "nghe-an", 2020), ("1/QDUBND", "ha-noi", 2019),
            ("1/QDUBND", "ha-noi", 2021), ("2/QDUBND", "ha-noi", 2018),
        ])
    ])
    expected = [tuple(r) for r in db.execute(
        "SELECT DISTINCT jurisdiction, year FROM citations WHERE number_key = '1/QDUBND' ORDER BY 1, 2")]
    assert citation_classes(db, "1/QDUBND") == expected
    assert expected == [(None, None), (None, 2020), ("ha-noi", 2019), ("ha-noi", 2021), ("nghe-an", None), ("nghe-an", 2020)]
    assert citation_classes(db, "3/QDUBND") == []


@pytest.mark.parametrize("statement", ["UPDATE", "_REPRESENTATIVE"])
def test_relink_reads_index_ranges_only(db, statement):
    """A batch relinks a key without reading every citation of it (no scan, no sort)."""
    from vanban import resolve

    sql = resolve._REPRESENTATIVE if statement == "_REPRESENTATIVE" else (
        "UPDATE citations SET target_id = ? WHERE number_key = ? AND jurisdiction IS ? AND year IS ? AND target_id > ?")
    args = ["k", None, None] if statement == "_REPRESENTATIVE" else [1, "k", None, None, 1]
    plan = " ".join(r[3] for r in db.execute("EXPLAIN QUERY PLAN " + sql, args))
    assert "SEARCH citations USING COVERING INDEX" in plan and "TEMP B-TREE" not in plan, plan
