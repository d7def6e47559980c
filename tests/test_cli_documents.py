"""The CLI and the database as a user expects them (issue 16, items 1, 2, 3, 5): the real
``vanban`` commands through Click's runner, on real files and real SQLite files."""
from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from vanban.cli import cli
from vanban.formatting import role

from .conftest import DOCS, ROOT

DATA = ROOT / "tests" / "data"

# 011.doc (TCVN3 Word 97) and 012.txt (its transcript) are one document; README.md is no
# document at all; 003 has a blank number (/UBND-VXNV); 001 rests on two bases.
FILES = [DATA / "011.doc", DATA / "012.txt", DATA / "README.md",
         DOCS / "001_0cdea8a3936c5322.txt", DOCS / "002_a9659113dbad71a4.txt", DOCS / "003_e10532ee13340f9e.txt"]


def vanban(*args) -> "CliRunner.invoke":
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def as_json(*args):
    result = vanban(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("archive")
    for f in FILES:
        shutil.copy(f, folder / f.name)
    return folder


@pytest.fixture(scope="module")
def loaded(folder, tmp_path_factory):
    """A database of ``folder`` loaded by ``vanban load``, and what the load printed."""
    db = tmp_path_factory.mktemp("db") / "vanban.db"
    result = vanban("load", folder, "--db", db, "--workers", "0", "--no-progress")
    assert result.exit_code == 0, result.output
    return db, result.output


def digest(path: Path) -> dict:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(path.parent.glob(path.name + "*"))}


# --- 1. one document, one row ------------------------------------------------------------------------


def test_a_document_in_two_files_is_one_row_with_two_files(loaded):
    db, output = loaded
    assert "012.txt: cùng văn bản với 011.doc (vn/btc/qd/2002/144)" in output
    docs = as_json("show", "144/2002/QĐ/BTC", "--db", db)
    assert len(docs) == 1
    assert sorted(Path(p).name for p in docs[0]["files"]) == ["011.doc", "012.txt"]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM documents WHERE uri = 'vn/btc/qd/2002/144' AND status = 'loaded'"
                            ).fetchone()[0] == 1


def test_cites_stats_and_unresolved_count_the_document_once(loaded):
    db, _ = loaded
    cited = as_json("cites", "144/2002/QĐ/BTC", "--db", db)
    assert cited and len(cited) == len({(c["number"], c["position"]) for c in cited})
    assert len({c["number"] for c in cited}) == len(cited)  # no citation twice
    plain = vanban("cites", "144/2002/QĐ/BTC", "--db", db).output.splitlines()
    assert len(plain) == len(set(plain)) == len(cited)
    stats = as_json("stats", "--db", db)
    assert stats["files"] == len(FILES)
    assert stats["by_type"].get("QĐ") == 1
    for row in as_json("unresolved", "--db", db):
        assert row["citing_documents"] == 1 or row["number"] not in {c["number"] for c in cited}


def test_the_document_row_does_not_depend_on_load_order(tmp_path):
    orders = ([DATA / "011.doc", DATA / "012.txt"], [DATA / "012.txt", DATA / "011.doc"])
    seen = []
    for i, order in enumerate(orders):
        db = tmp_path / f"{i}.db"
        for f in order:  # one load per file: the second finds the first loaded
            assert vanban("load", f, "--db", db, "-j", "0", "--no-progress").exit_code == 0
        docs = as_json("show", "vn/btc/qd/2002/144", "--db", db)
        assert len(docs) == 1
        seen.append((docs[0]["source"], len(docs[0]["citations"]), sorted(Path(p).name for p in docs[0]["files"])))
    assert seen[0] == seen[1]


def test_when_the_primary_file_changes_the_other_file_carries_the_document(tmp_path):
    folder = tmp_path / "a"
    folder.mkdir()
    for name in ("011.doc", "012.txt"):
        shutil.copy(DATA / name, folder / name)
    db = tmp_path / "v.db"
    assert vanban("load", folder, "--db", db, "-j", "0", "--no-progress").exit_code == 0
    primary = as_json("show", "vn/btc/qd/2002/144", "--db", db)[0]["source"]
    (folder / primary).write_text("Ghi chú: không phải văn bản.\n", encoding="utf-8")
    assert vanban("load", folder, "--db", db, "-j", "0", "--no-progress").exit_code == 0
    docs = as_json("show", "vn/btc/qd/2002/144", "--db", db)
    assert len(docs) == 1 and docs[0]["status"] == "loaded" and docs[0]["source"] != primary
    assert docs[0]["citations"] and [Path(p).name for p in docs[0]["files"]] == [docs[0]["source"]]


# --- 2. read-only means read-only ----------------------------------------------------------------------


QUERIES = [["stats"], ["errors"], ["unresolved"], ["search", "quyết định"], ["show", "1/KH"], ["cites", "1/KH"],
           ["cited-by", "1/KH"], ["chain", "1/KH"], ["assignments", "--agency", "Sở Y tế"], ["export"]]


@pytest.mark.parametrize("command", QUERIES + [["load", str(DATA / "012.txt"), "-j", "0"]], ids=lambda c: c[0])
def test_a_file_that_is_not_sqlite_is_a_clean_error(tmp_path, command):
    bogus = tmp_path / "notes.db"
    bogus.write_text("Đây không phải cơ sở dữ liệu.\n" * 50, encoding="utf-8")
    before = digest(bogus)
    result = CliRunner().invoke(cli, [*command, "--db", str(bogus)])
    assert result.exit_code == 1, result.output
    assert f"Error: {bogus} is not a SQLite database · không phải cơ sở dữ liệu SQLite" in result.output
    assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)
    assert digest(bogus) == before


@pytest.mark.parametrize("command", QUERIES + [["load", str(DATA / "012.txt"), "-j", "0"]], ids=lambda c: c[0])
def test_a_sqlite_file_of_another_program_is_refused_and_left_alone(tmp_path, command):
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes(id INTEGER PRIMARY KEY, text TEXT)")
        conn.execute("INSERT INTO notes(text) VALUES ('giữ nguyên')")
    conn.close()
    before = digest(other)
    result = CliRunner().invoke(cli, [*command, "--db", str(other)])
    assert result.exit_code == 1, result.output
    assert "not a vanban one" in result.output and "Traceback" not in result.output
    assert digest(other) == before  # no table made, no WAL switch, no -wal file
    with sqlite3.connect(other) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == ["notes"]


def test_an_empty_sqlite_file_gets_no_tables_from_a_query(tmp_path):
    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).close()
    for command in QUERIES:
        result = CliRunner().invoke(cli, [*command, "--db", str(empty)])
        assert result.exit_code == 1 and "not a vanban one" in result.output, (command, result.output)
    assert empty.stat().st_size == 0


def test_queries_write_nothing_to_a_vanban_database(loaded, tmp_path):
    db = tmp_path / "copy.db"
    with sqlite3.connect(loaded[0]) as src, sqlite3.connect(db) as dst:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = DELETE")  # a store copied by hand, out of WAL
    dst.close()
    before = digest(db)
    for command in ([c if c != "1/KH" else "352/KH-UBND" for c in q] for q in QUERIES):
        result = vanban(*command, "--db", db)
        assert result.exit_code == 0, (command, result.output)
    after = digest(db)
    assert after[db.name] == before[db.name]
    wal = db.with_name(db.name + "-wal")  # a reader of a WAL database has SQLite's index (-shm), and writes no page
    assert not wal.exists() or wal.stat().st_size == 0
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # not switched to WAL


# --- 3. not every file is a document -----------------------------------------------------------------


def test_a_file_with_no_header_and_no_news_shape_is_genre_other(loaded):
    readme = json.loads(vanban("extract", DATA / "README.md").output)
    assert readme["genre"] == "other" and readme["jurisdiction"] is None  # it names Cà Mau, it is not of Cà Mau
    assert json.loads(vanban("extract", DOCS / "003_e10532ee13340f9e.txt").output)["genre"] == "official"
    assert json.loads(vanban("extract", DOCS / "002_a9659113dbad71a4.txt").output)["genre"] == "news"
    db, output = loaded
    [readme] = as_json("show", "README.md", "--db", db)
    assert readme["genre"] == "other" and readme["citations"] == [] and readme["assignments"] == []
    assert "; 1 tệp không phải văn bản" in output
    stats = as_json("stats", "--db", db)
    assert stats["other_files"] == 1 and stats["documents"] == 4  # 011/012 (one), 001, 002, 003
    assert as_json("stats", "--db", db, "--include-other")["documents"] == 5


def test_a_file_that_is_no_document_invents_no_citation_and_no_stub(loaded):
    db, _ = loaded
    assert vanban("cites", "README.md", "--db", db).output.strip() == "README.md không trích dẫn văn bản nào (cites no document)"
    unresolved = {r["number"] for r in as_json("unresolved", "--db", db)}
    assert "28/2003/NĐ-CP" not in unresolved  # named only by the README
    assert all(r["citing_source"] != "README.md" for r in as_json("cited-by", "144/2002/QĐ/BTC", "--db", db))


def test_include_other_brings_its_citations_in_and_nothing_prints_none(folder, tmp_path):
    db = tmp_path / "all.db"
    result = vanban("load", folder, "--db", db, "-j", "0", "--no-progress", "--include-other")
    assert result.exit_code == 0, result.output
    assert "28/2003/NĐ-CP" in {r["number"] for r in as_json("unresolved", "--db", db)}
    cited_by = vanban("cited-by", "144/2002/QĐ/BTC", "--db", db).output
    assert "README.md" in cited_by
    outputs = [cited_by] + [vanban(*args, "--db", db).output for args in (
        ["show", "README.md"], ["cites", "README.md"], ["stats"], ["unresolved"], ["search", "quyết định"],
        ["chain", "352/KH-UBND"], ["show", "352/KH-UBND"], ["cited-by", "vn/cp/nd/2022/27"])]
    assert not [o for o in outputs if "None" in o]
    # loaded again without the flag, the README leaves the graph
    vanban("load", folder, "--db", db, "-j", "0", "--no-progress")
    assert "28/2003/NĐ-CP" not in {r["number"] for r in as_json("unresolved", "--db", db)}


def test_load_exclude_skips_the_files_its_globs_match(folder, tmp_path):
    db = tmp_path / "x.db"
    result = vanban("load", folder, "--db", db, "-j", "0", "--no-progress", "--exclude", "README*", "--exclude", "*.doc")
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db) as conn:
        names = sorted(Path(r[0]).name for r in conn.execute("SELECT path FROM files"))
    assert names == sorted(f.name for f in FILES if f.name not in ("README.md", "011.doc"))


# --- 5. identifiers round-trip -----------------------------------------------------------------------

NAMED_BY = ("show", "cites", "cited-by", "chain")


def test_what_a_command_prints_for_a_document_names_it_again(loaded):
    db, _ = loaded
    printed = set()
    for r in as_json("unresolved", "--db", db):
        printed |= {(r["number"], r["uri"]), (r["uri"], r["uri"])}
    for r in as_json("search", "ủy ban", "--db", db):
        printed |= {(r["number"] or r["uri"], r["uri"]), (r["source"], r["uri"])}
    for r in as_json("chain", "352/KH-UBND", "--db", db):
        printed |= {(r["number"], r["to_uri"]), (r["from_number"], r["from_uri"])}
    for r in as_json("cited-by", "27/2022/NĐ-CP", "--db", db):
        printed |= {(r["citing_number"] or r["citing_uri"], r["citing_uri"]), (r["citing_source"], r["citing_uri"])}
    assert ("/UBND-VXNV", "vn/ninh-thuan/ubnd-vxnv/cv/2023/ha211f7fa58") in printed
    assert len(printed) > 10
    for name, uri in sorted(printed):
        [doc] = as_json("show", name, "--db", db)
        assert doc["uri"] == uri, name
        for command in NAMED_BY[1:]:
            result = vanban(command, name, "--db", db)
            assert result.exit_code == 0, (command, name, result.output)


def test_a_blank_number_names_its_document_in_every_command(loaded):
    db, _ = loaded
    assert vanban("show", "/UBND-VXNV", "--db", db).output.startswith("vn/ninh-thuan/ubnd-vxnv/cv/2023/ha211f7fa58")
    assert "249/KHPH-UBND-MTTQ" in vanban("cites", "/UBND-VXNV", "--db", db).output
    assert "249/KHPH-UBND-MTTQ (KH, 2023-03-21)" in vanban("chain", "/UBND-VXNV", "--db", db).output


def test_an_unknown_name_lists_close_matches_and_fails(loaded):
    db, _ = loaded
    for command in NAMED_BY:
        result = CliRunner().invoke(cli, [command, "353/KH-UBND", "--db", str(db)])
        assert result.exit_code == 1, result.output
        assert "close matches" in result.output and "352/KH-UBND (KH, 2023-05-25) vn/nghe-an/ubnd/kh/2023/352" in result.output


CV = """ỦY BAN NHÂN DÂN
TỈNH NINH THUẬN
Số: /UBND-VP
V/v {subject}
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Ninh Thuận, ngày {day} tháng 3 năm 2023

Kính gửi: Các sở, ban, ngành tỉnh.

Ủy ban nhân dân tỉnh đề nghị các sở, ban, ngành {subject}, báo cáo trước ngày 30/3/2023.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn An
"""


def test_an_ambiguous_name_lists_the_documents_it_means_and_fails(tmp_path):
    for i, (subject, day) in enumerate((("tổ chức hội nghị tổng kết", 10), ("rà soát hồ sơ đất đai", 17))):
        (tmp_path / f"cv{i}.txt").write_text(CV.format(subject=subject, day=day), encoding="utf-8")
    db = tmp_path / "v.db"
    assert vanban("load", tmp_path / "cv0.txt", tmp_path / "cv1.txt", "--db", db, "-j", "0").exit_code == 0
    uris = sorted(r["uri"] for r in as_json("search", "UBND VP", "--db", db)) or sorted(
        r["uri"] for r in as_json("search", "so ban nganh", "--db", db))
    assert len(uris) == 2
    for command in NAMED_BY:
        result = CliRunner().invoke(cli, [command, "/UBND-VP", "--db", str(db)])
        assert result.exit_code == 1 and "names 2 documents" in result.output, result.output
        assert all(uri in result.output for uri in uris)
    for uri in uris:
        assert vanban("show", uri, "--db", db).exit_code == 0


def test_chain_prints_numbers_types_and_dates(loaded):
    db, _ = loaded
    output = vanban("chain", "352/KH-UBND", "--db", db).output
    assert "352/KH-UBND -[căn cứ]-> 27/2022/NĐ-CP (NĐ, 2022-04-19) vn/cp/nd/2022/27 (chưa nạp)" in output


def test_show_prints_the_signer_the_tasks_and_the_amounts(loaded):
    db, _ = loaded
    output = vanban("show", "352/KH-UBND", "--db", db).output
    [doc] = as_json("show", "352/KH-UBND", "--db", db)
    assert f"người ký: {doc['signer_name']}" in output
    assert "\n  nhiệm vụ:\n" in output and "Sở Y tế" in output
    assert all(f"[{role(a['role'])}] {a['agency']}" in output for a in doc["assignments"])
    first = doc["amounts"][0]
    assert f"{first['value_vnd']:,}".replace(",", ".") + " đồng" in output


@pytest.mark.parametrize("text, genre", [
    ("# Ghi chú\n\nDanh sách tệp trong thư mục, cập nhật hằng tuần.\n\n| tệp | nội dung |\n| a.pdf | Quyết định 12/QĐ-UBND |\n",
     "other"),
    ("MANIFEST\nfile, sha256, source\n001.md, 8d97…, tai_lieu_noi_bo\n", "other"),
    ("Báo cáo\nTình hình thực hiện kế hoạch năm 2004\nI. Đánh giá tổng quát\nNăm 2004, tỉnh đã hoàn thành các chỉ tiêu.\n",
     "official"),
    ("Phụ lục\nTỔNG HỢP Ý KIẾN GÓP Ý\nSTT Nội dung góp ý Đơn vị góp ý\n1 Đề nghị bổ sung nhiệm vụ.\n", "official"),
    ("ỦY BAN NHÂN DÂN\nTỈNH NINH THUẬN\nSố: 12/UBND-VP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
     "Ninh Thuận, ngày 10 tháng 3 năm 2023\n\nKính gửi: Các sở.\n\nĐề nghị các sở báo cáo.\n", "official"),
])
def test_the_genre_of_a_file_with_no_header(tmp_path, text, genre):
    path = tmp_path / "file.md"
    path.write_text(text, encoding="utf-8")
    assert json.loads(vanban("extract", path).output)["genre"] == genre


def test_load_exclude_reaches_into_folders_and_archives(tmp_path):
    import zipfile

    (tmp_path / "in" / "drafts").mkdir(parents=True)
    shutil.copy(DATA / "012.txt", tmp_path / "in" / "drafts" / "012.txt")
    with zipfile.ZipFile(tmp_path / "in" / "batch.zip", "w") as z:
        z.write(DATA / "README.md", "batch/README.md")
        z.write(DOCS / "003_e10532ee13340f9e.txt", "batch/003.txt")
    db = tmp_path / "x.db"
    result = vanban("load", tmp_path / "in", "--db", db, "-j", "0", "--no-progress", "--exclude", "drafts",
                    "--exclude", "README*")
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db) as conn:
        assert [r[0].split("!", 1)[1] for r in conn.execute("SELECT path FROM files")] == ["batch/003.txt"]
