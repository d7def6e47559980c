"""``vanban audit``: the report a person reads, the JSON a machine reads, the exit status."""
from __future__ import annotations

import json

import pytest
import regex as re
from click.testing import CliRunner

from vanban.audit import line_map
from vanban.cli import cli

from .conftest import DOCS

SEED_001 = DOCS / "001_0cdea8a3936c5322.txt"


def run(*args):
    return CliRunner().invoke(cli, ["audit", *map(str, args)])


def altered_seed(tmp_path, old: str, new: str):
    text = SEED_001.read_text("utf-8")
    assert text.count(old) == 1
    path = tmp_path / "001_altered.txt"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_seed_001_report():
    result = run(SEED_001)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "26 khoản tiền, 3 phép kiểm tra: 3 khớp, 0 sai" in out
    assert out.count("  ĐÚNG ") == 3 and "SAI " not in out
    assert "tổng  1.473.139 triệu đồng  [mục II, dòng 41]" in out
    assert "phần  30.891 triệu đồng  Vốn đầu tư phát triển  [mục III.1, dòng 49]" in out
    assert "cần 632.118.000.000 đồng, cộng được 632.118.000.000 đồng, chênh lệch 0 đồng" in out


def test_altered_figure_is_named_by_its_line(tmp_path):
    path = altered_seed(tmp_path, "Vốn đầu tư phát triển: 30.891 triệu đồng.", "Vốn đầu tư phát triển: 30.991 triệu đồng.")
    result = run(path)
    assert result.exit_code == 1
    blocks = re.split(r"\n  (?=ĐÚNG|SAI)", result.output)
    failing = [b for b in blocks if b.startswith("SAI")]
    assert len(failing) == 1
    assert "30.991 triệu đồng  Vốn đầu tư phát triển  [mục III.1, dòng 49]" in failing[0]
    assert "chênh lệch +100.000.000 đồng" in failing[0]


def test_json_report(tmp_path):
    path = altered_seed(tmp_path, "Vốn sự nghiệp: 2.390 triệu đồng.", "Vốn sự nghiệp: 2.391 triệu đồng.")
    result = run("--json", SEED_001, path)
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert (data["checks"], data["failed"]) == (6, 1)
    clean, changed = data["files"]
    assert clean["failed"] == 0 and changed["failed"] == 1
    (check,) = [c for c in changed["checks"] if not c["holds"]]
    assert check["total"]["source_line"] == 41 and check["difference_vnd"] == 1_000_000
    assert [p["source_line"] for p in check["parts"] if p["text"] == "2.391 triệu đồng"] == [202]


def test_words_that_disagree_are_warned(tmp_path):
    path = altered_seed(tmp_path, "Vốn sự nghiệp: 4.080 triệu đồng.", "Vốn sự nghiệp: 4.080 triệu đồng (bốn tỷ không trăm chín mươi triệu đồng).")
    result = run(path)
    assert result.exit_code == 0
    assert "CẢNH BÁO amount in words disagrees with its figure" in result.output


def test_unreadable_file_exits_2(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = run(empty)
    assert result.exit_code == 2
    assert "không kiểm tra được" in result.output


def test_help_has_an_example():
    result = CliRunner().invoke(cli, ["audit", "--help"])
    assert result.exit_code == 0 and "Example:" in result.output and "--json" in result.output


@pytest.mark.parametrize(
    "source,normalized,expected",
    [
        ("\n\nSố: 1\n\n\nA b c\n", "Số: 1\n\nA b c", {1: 3, 3: 6}),
        ("| 1 | Huyện A | 1.000 |\n| 2 | Huyện B | 500 |\n", "1\nHuyện A\n1.000\n\n2\nHuyện B\n500", {1: 1, 2: 1, 3: 1, 5: 2, 6: 2, 7: 2}),
        ("Kế_hoạch số 5\n", "Kế hoạch số 5", {1: 1}),
    ],
)
def test_line_map(source, normalized, expected):
    assert line_map(source, normalized) == expected
