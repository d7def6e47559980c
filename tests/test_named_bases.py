"""Bases cited by name and date: the reviewed table models/laws.json, entry by entry, and
the finder through the real pipeline."""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
import regex as re

from vanban import models
from vanban.extractors.extract.named_bases import find_named_bases, resolve_law
from vanban.extractors.pipeline import extract_text

LAWS = models.load_json("laws.json")["laws"]
# legislature of the National Assembly by the years it sat (the symbol's number)
TERMS = {"10": (1997, 2002), "11": (2002, 2007), "12": (2007, 2011), "13": (2011, 2016), "14": (2016, 2021),
         "15": (2021, 2026)}


def _vn_date(iso: str) -> str:
    d = dt.date.fromisoformat(iso)
    return f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"


def test_table_has_the_laws_most_cited():
    have = {(e["name"], e["adopted"][:4]) for e in LAWS}
    for name, year in [("Tổ chức chính quyền địa phương", "2015"), ("Tổ chức chính quyền địa phương", "2025"),
                       ("Ngân sách nhà nước", "2015"), ("Ngân sách nhà nước", "2025"), ("Đầu tư công", "2019"),
                       ("Đầu tư công", "2024"), ("Ban hành văn bản quy phạm pháp luật", "2015"),
                       ("Ban hành văn bản quy phạm pháp luật", "2025"), ("Tổ chức Chính phủ", "2015"),
                       ("Tổ chức Chính phủ", "2025"), ("Cán bộ, công chức", "2008"), ("Cán bộ, công chức", "2025"),
                       ("Viên chức", "2010"), ("Đất đai", "2013"), ("Đất đai", "2024"), ("Xây dựng", "2014"),
                       ("Bảo vệ môi trường", "2020"), ("Đấu thầu", "2023"), ("Quy hoạch", "2017"),
                       ("Phòng, chống tham nhũng", "2018"), ("Giáo dục", "2019")]:
        assert (name, year) in have, (name, year)


def test_table_entries_are_unique():
    keys = [(e["kind"], e["name"].casefold(), e["adopted"]) for e in LAWS]
    assert len(keys) == len(set(keys))
    numbers = [e["number"] for e in LAWS]
    assert len(numbers) == len(set(numbers))


@pytest.mark.parametrize("entry", LAWS, ids=lambda e: f"{e['number']}")
def test_entry_is_consistent(entry):
    """The number's year is the year of adoption, and its legislature sat that year."""
    m = re.fullmatch(r"(\d{1,3})/(\d{4})/(QH|(?:PL-)?UBTVQH)(\d{2})", entry["number"])
    assert m, entry["number"]
    adopted = dt.date.fromisoformat(entry["adopted"])
    assert int(m.group(2)) == adopted.year
    first, last = TERMS[m.group(4)]
    assert first <= adopted.year <= last
    assert entry["kind"] in ("Luật", "Bộ luật", "Pháp lệnh") and entry["note"]
    assert (entry["kind"] == "Pháp lệnh") == m.group(3).endswith("UBTVQH")


@pytest.mark.parametrize("entry", LAWS, ids=lambda e: f"{e['number']}")
def test_entry_resolves_from_a_basis(entry):
    """"Căn cứ <kind> <name> ngày …;" finds the law and resolves it to its number."""
    text = f"Căn cứ {entry['kind']} {entry['name']} {_vn_date(entry['adopted'])};\n"
    found = find_named_bases(SimpleNamespace(text=text, genre="official"))
    assert [(r.title, r.date, r.resolved_number, r.number, r.relation) for r in found] == [
        (f"{entry['kind']} {entry['name']}", entry["adopted"], entry["number"], None, "basis")]
    assert resolve_law(entry["kind"], entry["name"].lower(), entry["adopted"])["number"] == entry["number"]


def test_wrong_date_resolves_nothing():
    assert resolve_law("Luật", "Tổ chức chính quyền địa phương", "2015-06-20") is None
    assert resolve_law("Luật", "Tổ chức chính quyền địa phương", "2016") is None
    assert resolve_law("Luật", "Tổ chức chính quyền địa phương", "2015-06") is None
    assert resolve_law("Luật", "Tổ chức chính quyền địa phương", None) is None


FORMS = [
    ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
     [("Luật Tổ chức chính quyền địa phương", "2015-06-19", "77/2015/QH13")]),
    ("Căn cứ Luật Tổ chức Chính phủ ngày 19/6/2015, Luật Tổ chức chính quyền địa phương ngày 19/6/2015 và "
     "Bộ luật Lao động ngày 20 tháng 11 năm 2019;",
     [("Luật Tổ chức Chính phủ", "2015-06-19", "76/2015/QH13"),
      ("Luật Tổ chức chính quyền địa phương", "2015-06-19", "77/2015/QH13"),
      ("Bộ luật Lao động", "2019-11-20", "45/2019/QH14")]),
    ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của "
     "Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;",
     [("Luật Tổ chức chính quyền địa phương", "2015-06-19", "77/2015/QH13"),
      ("Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương",
       "2019-11-22", "47/2019/QH14")]),
    # numbered laws are the references extractor's; a law named in another's description is no basis
    ("Căn cứ Luật Đất đai số 31/2024/QH15 và Luật Xây dựng ngày 18 tháng 6 năm 2014;",
     [("Luật Xây dựng", "2014-06-18", "50/2014/QH13")]),
    ("Căn cứ Nghị định số 15/2021/NĐ-CP quy định chi tiết một số nội dung của Luật Xây dựng về quản lý dự án;", []),
    ("Căn cứ Luật Thư viện ngày 21 tháng 11 năm 2019;", [("Luật Thư viện", "2019-11-21", None)]),
    ("Thực hiện Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", []),
    # a name in lower case, as older documents print it: only with its date
    ("Căn cứ Luật tổ chức Chính phủ ngày 19/6/2015 và Luật tổ chức chính quyền địa phương ngày 19/6/2015;",
     [("Luật tổ chức Chính phủ", "2015-06-19", "76/2015/QH13"),
      ("Luật tổ chức chính quyền địa phương", "2015-06-19", "77/2015/QH13")]),
    ("Căn cứ Pháp lệnh phát hành công trái xây dựng Tổ quốc ngày 27 tháng 4 năm 1999;",
     [("Pháp lệnh phát hành công trái xây dựng Tổ quốc", "1999-04-27", "12/1999/PL-UBTVQH10")]),
    ("Căn cứ Luật này và các văn bản hướng dẫn;", []),
    # the year only: the one law of that name adopted that year
    ("Căn cứ Luật Bảo vệ môi trường năm 2014 và Bộ luật Lao động năm 2019;",
     [("Luật Bảo vệ môi trường năm 2014", None, "55/2014/QH13"), ("Bộ luật Lao động năm 2019", None, "45/2019/QH14")]),
    ("Căn cứ Luật Thư viện năm 2019;", [("Luật Thư viện năm 2019", None, None)]),
    ("Căn cứ Pháp lệnh phát hành công trái số 12/1999/PL-UBTVQH10 ngày 27 tháng 4 năm 1999;", []),
    ("Căn cứ Luật hiện hành ngày 01 tháng 01 năm 2020;", []),
    # an amending law of several laws, one entry
    ("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Mặt trận Tổ quốc Việt Nam, Luật Công đoàn, Luật Thanh niên, "
     "Luật Thực hiện dân chủ ở cơ sở ngày 27 tháng 6 năm 2025;",
     [("Luật sửa đổi, bổ sung một số điều của Luật Mặt trận Tổ quốc Việt Nam, Luật Công đoàn, Luật Thanh niên, "
       "Luật Thực hiện dân chủ ở cơ sở", "2025-06-27", "97/2025/QH15")]),
]


@pytest.mark.parametrize("text, expected", FORMS)
def test_named_basis_forms(text, expected):
    found = find_named_bases(SimpleNamespace(text=text + "\n", genre="official"))
    assert [(r.title, r.date, r.resolved_number) for r in found] == expected


def test_pipeline_appends_named_bases_once():
    text = ("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\nSố: 12/2024/QĐ-UBND\nNghệ An, ngày 05 tháng 3 năm 2024\n\nQUYẾT ĐỊNH\n"
            "Về việc ban hành quy định\n\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
            "Căn cứ Luật Ngân sách nhà nước số 83/2015/QH13;\nCăn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;\n\n"
            "QUYẾT ĐỊNH:\nĐiều 1. Ban hành quy định.\n")
    refs = extract_text(text).references
    named = [r for r in refs if r.number is None]
    assert [(r.title, r.resolved_number) for r in named] == [("Luật Tổ chức chính quyền địa phương", "77/2015/QH13")]
    assert [r.number for r in refs if r.number] == ["83/2015/QH13"]
