"""The miner of the table of laws (scripts/mine_laws.py) on invented texts, and through its
command line on a real file and a real copy of the table."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import mine_laws  # noqa: E402

TEXT = """Căn cứ Luật Đầu tư công số 58/2024/QH15 ngày 29 tháng 11 năm 2024;
Căn cứ Bộ luật Lao động số 45/2019/QH14, được Quốc hội thông qua ngày 20/11/2019;
Căn cứ Luật Thư viện số 46/2019/QH14 ngày 21 tháng 11 năm 2019 và được sửa đổi, bổ sung một số điều tại
Luật số 12/2024/QH15, ngày 01/6/2024;
Căn cứ Luật số 97/2025/QH15, ngày 27/6/2025 về sửa đổi, bổ sung một số điều của Luật Công đoàn, Luật Thanh niên;
Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Xây dựng số 62/2020/QH14 ngày 17 tháng 6 năm 2020;
Căn cứ Pháp lệnh phát hành công trái số 12/1999/PL-UBTVQH10 ngày 27 tháng 4 năm 1999;
Căn cứ Luật Đất đai số 31/2024/QH15;
Căn cứ Luật Quy hoạch số 21/2017/QH14 ngày 24 tháng 11 năm 2018;
Căn cứ Luật Giá số 16/2023/QH13 ngày 19 tháng 6 năm 2023;
Căn cứ Pháp lệnh Dân số số 06/2003/QH11 ngày 09 tháng 01 năm 2003;
theo quy định của Luật này và Luật số 20/2023/QH15 ngày 22/6/2023;
Căn cứ Nghị định số 15/2021/NĐ-CP ngày 03 tháng 3 năm 2021 quy định chi tiết Luật Xây dựng;
"""


def test_mines_name_number_and_date_together():
    found = [(e["kind"], e["name"], e["number"], e["adopted"]) for e in mine_laws.mine_text(TEXT)]
    assert found == [
        ("Luật", "Đầu tư công", "58/2024/QH15", "2024-11-29"),
        ("Bộ luật", "Lao động", "45/2019/QH14", "2019-11-20"),
        ("Luật", "Thư viện", "46/2019/QH14", "2019-11-21"),
        ("Luật", "sửa đổi, bổ sung một số điều của Luật Thư viện", "12/2024/QH15", "2024-06-01"),
        ("Luật", "sửa đổi, bổ sung một số điều của Luật Xây dựng", "62/2020/QH14", "2020-06-17"),
        ("Pháp lệnh", "phát hành công trái", "12/1999/PL-UBTVQH10", "1999-04-27"),
        ("Luật", "sửa đổi, bổ sung một số điều của Luật Công đoàn, Luật Thanh niên", "97/2025/QH15", "2025-06-27"),
    ]


@pytest.mark.parametrize("kind, number, adopted, ok", [
    ("Luật", "58/2024/QH15", "2024-11-29", True),
    ("Luật", "21/2017/QH14", "2018-11-24", False),  # the number's year is not the year of adoption
    ("Luật", "16/2023/QH13", "2023-06-19", False),  # khóa XIII did not sit in 2023
    ("Pháp lệnh", "06/2003/QH11", "2003-01-09", False),  # an ordinance is the Standing Committee's
    ("Luật", "02/2020/UBTVQH14", "2020-12-09", False),
    ("Pháp lệnh", "12/1999/PL-UBTVQH10", "1999-04-27", True),
])
def test_number_agrees_with_date_and_kind(kind, number, adopted, ok):
    assert mine_laws._consistent(kind, number, adopted) is ok


def test_command_line_writes_only_new_entries_with_their_source(tmp_path):
    doc = tmp_path / "qd.txt"
    doc.write_text(TEXT, encoding="utf-8")
    other = tmp_path / "kh.txt"  # the same law under another number: a conflict, never written
    other.write_text("Căn cứ Luật Thư viện số 47/2019/QH14 ngày 21 tháng 11 năm 2019;\n", encoding="utf-8")
    table = tmp_path / "laws.json"
    table.write_text(json.dumps({"_about": "x", "laws": [
        {"kind": "Luật", "name": "Đầu tư công", "number": "58/2024/QH15", "adopted": "2024-11-29", "note": "x"}]},
        ensure_ascii=False), encoding="utf-8")
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "mine_laws.py"), "--write", "--table", str(table),
                          str(doc), str(other)], capture_output=True, text=True, check=True)
    laws = json.loads(table.read_text(encoding="utf-8"))["laws"]
    assert [e["number"] for e in laws] == ["58/2024/QH15", "45/2019/QH14", "12/2024/QH15", "62/2020/QH14",
                                          "12/1999/PL-UBTVQH10", "97/2025/QH15"]
    assert laws[1]["note"] == f"Quốc hội khóa XIV; nguồn: {tmp_path.name}/qd.txt"
    assert laws[4]["note"].startswith("Ủy ban Thường vụ Quốc hội khóa X;")
    assert "Luật Thư viện" in run.stderr and "46/2019/QH14" in run.stderr  # the conflict reported
