"""Legal status in the store: a chain of real files loaded into a real SQLite file with the
real loader, in every order, and the commands over it."""
from __future__ import annotations

import itertools
import json

import pytest
from click.testing import CliRunner

from vanban.cli import cli
from vanban.load import load
from vanban.queries import find_documents
from vanban.status import basis_warnings, document_status, status_on
from vanban.store import open_db

DECREE = """CHÍNH PHỦ
Số: 10/2020/NĐ-CP
Hà Nội, ngày 10 tháng 01 năm 2020

NGHỊ ĐỊNH
Quy định về quản lý chợ

Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;

Chính phủ ban hành Nghị định quy định về quản lý chợ.
Điều 1. Phạm vi điều chỉnh
Nghị định này quy định về quản lý chợ.
Điều 2. Hiệu lực thi hành
Nghị định này có hiệu lực thi hành kể từ ngày ký ban hành.
"""
REPLACING = """CHÍNH PHỦ
Số: 20/2022/NĐ-CP
Hà Nội, ngày 01 tháng 3 năm 2022

NGHỊ ĐỊNH
Về phát triển và quản lý chợ

Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;

Chính phủ ban hành Nghị định về phát triển và quản lý chợ.
Điều 1. Phạm vi điều chỉnh
Nghị định này quy định về phát triển và quản lý chợ.
Điều 2. Hiệu lực thi hành
Nghị định này có hiệu lực thi hành từ ngày 01 tháng 4 năm 2022 và thay thế Nghị định số 10/2020/NĐ-CP ngày 10 tháng 01 năm 2020 của Chính phủ.
"""


def plan(number: str, date: str) -> str:
    return f"""ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN
Số: {number}
Nghệ An, {date}

KẾ HOẠCH
Phát triển chợ trên địa bàn tỉnh

Căn cứ Nghị định số 10/2020/NĐ-CP ngày 10 tháng 01 năm 2020 của Chính phủ về quản lý chợ;

I. MỤC ĐÍCH
1. Phát triển mạng lưới chợ.
"""


FILES = {
    "decree.txt": DECREE,
    "replacing.txt": REPLACING,
    "plan_after.txt": plan("55/KH-UBND", "ngày 05 tháng 5 năm 2023"),
    "plan_before.txt": plan("33/KH-UBND", "ngày 01 tháng 6 năm 2021"),
}


@pytest.fixture(scope="module")
def chain_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("chain")
    for name, text in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _state(db_path) -> tuple:
    db = open_db(db_path)
    try:
        decree = [d for d in find_documents(db, "10/2020/NĐ-CP")]
        assert len(decree) == 1
        now = status_on(db, decree[0]["id"], "2024-01-01")
        before = status_on(db, decree[0]["id"], "2022-03-15")
        warnings = basis_warnings(db)
        loaded = [r[0] for r in db.execute("SELECT id FROM documents WHERE status = 'loaded' ORDER BY uri, id")]
        assert [w for i in loaded for w in basis_warnings(db, [i])] == warnings  # one document at a time: the same rows
        return (
            decree[0]["status"], now["status"], [e["number"] for e in now["because"]], before["status"],
            [(w["document"]["number"], w["basis"]["number"], w["status"], [b["number"] for b in w["by"]]) for w in warnings],
        )
    finally:
        db.close()


@pytest.mark.parametrize("order", list(itertools.permutations(FILES)), ids="-".join)
def test_chain_in_every_order(order, chain_files, tmp_path):
    db_path = tmp_path / "chain.db"
    for i, name in enumerate(order):
        load([str(chain_files / name)], db_path, workers=0, progress=False)
        if "replacing.txt" in order[: i + 1]:
            # a stub or the loaded decree: replaced as soon as the replacing decree is in
            db = open_db(db_path)
            try:
                target = find_documents(db, "10/2020/NĐ-CP")[0]
                assert status_on(db, target["id"], "2024-01-01")["status"] == "replaced"
            finally:
                db.close()
    assert _state(db_path) == (
        "loaded", "replaced", ["20/2022/NĐ-CP"], "in_force",
        [("55/KH-UBND", "10/2020/NĐ-CP", "replaced", ["20/2022/NĐ-CP"])],
    )


@pytest.fixture(scope="module")
def chain_db(chain_files, tmp_path_factory):
    db_path = tmp_path_factory.mktemp("chain-db") / "chain.db"
    load([str(chain_files)], db_path, workers=0, progress=False)
    return db_path


def test_status_command(chain_db):
    out = CliRunner().invoke(cli, ["status", "10/2020/NĐ-CP", "--db", str(chain_db), "--on", "2024-01-01"])
    assert out.exit_code == 0, out.output
    assert "Hết hiệu lực toàn bộ: bị thay thế" in out.output
    assert "Văn bản thay thế (replaced by):" in out.output and "20/2022/NĐ-CP" in out.output
    before = CliRunner().invoke(cli, ["status", "10/2020/NĐ-CP", "--db", str(chain_db), "--on", "2022-03-31"])
    assert "Còn hiệu lực" in before.output


def test_status_json_and_diagram(chain_db):
    out = CliRunner().invoke(cli, ["status", "20/2022/NĐ-CP", "--db", str(chain_db), "--json", "--on", "2022-03-15"])
    entry = json.loads(out.output)[0]
    assert entry["status"] == "not_yet_in_force" and entry["effective_date"] == "2022-04-01"
    groups = {g["key"]: g for g in entry["diagram"]}
    assert [d["number"] for d in groups["replaces"]["documents"]] == ["10/2020/NĐ-CP"]
    assert [(d["title"], d["number"]) for d in groups["bases"]["documents"]] == [("Luật Tổ chức Chính phủ", "76/2015/QH13")]


def test_check_bases_command(chain_db):
    out = CliRunner().invoke(cli, ["check-bases", "--db", str(chain_db)])
    assert out.exit_code == 1
    assert out.output.count("căn cứ 10/2020/NĐ-CP") == 1 and "55/KH-UBND" in out.output and "20/2022/NĐ-CP" in out.output
    ok = CliRunner().invoke(cli, ["check-bases", "33/KH-UBND", "--db", str(chain_db)])
    assert ok.exit_code == 0 and "every legal basis was in force" in ok.output


def test_basis_not_yet_in_force(tmp_path):
    (tmp_path / "law.txt").write_text(REPLACING, encoding="utf-8")
    (tmp_path / "early.txt").write_text(plan("77/KH-UBND", "ngày 15 tháng 3 năm 2022").replace(
        "10/2020/NĐ-CP ngày 10 tháng 01 năm 2020", "20/2022/NĐ-CP ngày 01 tháng 3 năm 2022"), encoding="utf-8")
    db_path = tmp_path / "v.db"
    load([str(tmp_path)], db_path, workers=0, progress=False)
    db = open_db(db_path)
    try:
        assert [(w["document"]["number"], w["status"]) for w in basis_warnings(db)] == [("77/KH-UBND", "not_yet_in_force")]
    finally:
        db.close()


def test_status_of_a_document_nobody_acts_on(chain_db):
    db = open_db(chain_db)
    try:
        [entry] = document_status(db, find_documents(db, "55/KH-UBND"), "2024-01-01")
        assert entry["status"] == "in_force" and entry["because"] == []
    finally:
        db.close()


def test_synthetic_corpus_has_replacement_chains():
    """scripts/synth.py: decisions and decrees that replace an earlier one of their kind of
    issuer, written so that extraction finds the effect, and later documents that still
    rest on the replaced one (what the benchmark's basis audit finds at scale)."""
    from vanban.extractors.pipeline import extract_text

    from .conftest import script

    synth = script("synth")
    docs = list(synth.generate(1500, seed=1, kb=2.0))
    replacing = [d for d in docs if any(r["relation"] == "replaces" for r in d.gold["references"])]
    assert len(replacing) >= 20
    replaced = {}
    for d in replacing:
        [ref] = [r for r in d.gold["references"] if r["relation"] == "replaces"]
        assert ref["doc_type"] == d.entry.doc_type and ref["date"] < d.gold["issued_date"]
        replaced.setdefault(ref["number"], d.gold["issued_date"])
    stale = [d for d in docs if any(r["relation"] == "basis" and replaced.get(r["number"], "9999") < d.gold["issued_date"]
                                    for r in d.gold["references"])]
    assert stale, "some later document still cites a replaced one as its basis"
    record = extract_text(replacing[0].text()).model_dump(mode="json")
    [ref] = [r for r in replacing[0].gold["references"] if r["relation"] == "replaces"]
    assert [(e["number"], e["relation"], e["scope"]) for e in record["effects"]] == [(ref["number"], "replaces", "whole")]
