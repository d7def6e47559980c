"""Budget checks: totals against the sum of their parts, on real documents and altered copies."""
from __future__ import annotations

import pytest

from vanban.extractors.extract.amounts.budget import build_outline, is_exact
from vanban.extractors.segment.outline import marker
from vanban.extractors.pipeline import extract_file, extract_text
from vanban.schemas import Amount

from .conftest import DOCS

SEED_001 = DOCS / "001_0cdea8a3936c5322.txt"


def checks_of(path):
    record = extract_file(path)
    assert record.error is None
    return record, record.budget_checks


def altered(tmp_path, path, old: str, new: str):
    text = path.read_text("utf-8")
    assert text.count(old) == 1
    out = tmp_path / path.name
    out.write_text(text.replace(old, new), encoding="utf-8")
    return out


# --- seed 001: the three checks -------------------------------------------------------------------------


def test_seed_001_three_checks_hold():
    _, checks = checks_of(SEED_001)
    assert [(c.kind, c.total_vnd, c.holds) for c in checks] == [
        ("inline", 1_473_139_000_000, True),
        ("by_section", 632_118_000_000, True),
        ("by_section", 841_021_000_000, True),
    ]
    inline, dtpt, sn = checks
    assert inline.parts_vnd == [632_118_000_000, 841_021_000_000]
    assert len(dtpt.parts) == 7 and {p.label for p in dtpt.parts} == {"Vốn đầu tư phát triển"}
    assert len(sn.parts) == 16 and {p.label for p in sn.parts} == {"Vốn sự nghiệp"}
    assert [p.section for p in dtpt.parts] == ["III.1", "III.2", "III.4", "III.5.1", "III.6", "III.7", "III.9.1"]
    assert all(c.section == "II" and c.difference_vnd == 0 for c in checks)


def test_altered_part_fails_only_its_check(tmp_path):
    path = altered(tmp_path, SEED_001, "Vốn đầu tư phát triển: 30.891 triệu đồng.", "Vốn đầu tư phát triển: 30.991 triệu đồng.")
    record, checks = checks_of(path)
    failing = [c for c in checks if not c.holds]
    assert [(c.kind, c.total_vnd) for c in failing] == [("by_section", 632_118_000_000)]
    (check,) = failing
    assert check.found_vnd - check.total_vnd == check.difference_vnd == 100_000_000
    changed = [p for p in check.parts if p.text == "30.991 triệu đồng"]
    assert len(changed) == 1 and changed[0].section == "III.1"
    assert record.text.split("\n")[changed[0].line - 1].endswith("30.991 triệu đồng.")


def test_altered_total_fails_both_checks_it_is_in(tmp_path):
    path = altered(tmp_path, SEED_001, "Vốn đầu tư phát triển: 632.118", "Vốn đầu tư phát triển: 632.218")
    _, checks = checks_of(path)
    assert [(c.kind, c.difference_vnd) for c in checks if not c.holds] == [
        ("inline", 100_000_000),
        ("by_section", -100_000_000),
    ]


def test_altered_figure_outside_the_budget_changes_nothing(tmp_path):
    path = altered(tmp_path, SEED_001, "Hỗ trợ nhà ở: 179 hộ.", "Hỗ trợ nhà ở: 180 hộ.")
    _, checks = checks_of(path)
    assert len(checks) == 3 and all(c.holds for c in checks)


# --- lists: a figure line and the items under it --------------------------------------------------------------


def test_budget_estimate_tree_holds():
    _, checks = checks_of(DOCS / "dev-031.txt.ws")
    assert len(checks) == 9 and all(c.holds for c in checks)
    # 'Tổng chi' is cut two ways (by source, by purpose): each cut is checked alone
    cuts = [c for c in checks if c.total_vnd == 1_617_352_000_000]
    assert sorted(len(c.parts) for c in cuts) == [2, 6]


def test_budget_estimate_with_a_wrong_item(tmp_path):
    path = altered(tmp_path, DOCS / "dev-031.txt.ws", "Đảng : 28,085", "Đảng : 28,185")
    _, checks = checks_of(path)
    (failing,) = [c for c in checks if not c.holds]
    assert failing.total_vnd == 188_682_000_000 and failing.difference_vnd == 100_000_000


def test_real_discrepancy_of_one_dong_is_reported():
    """dev-010 states 24.030.035.989đ over four parts that add up to 24.030.035.988đ."""
    _, checks = checks_of(DOCS / "dev-010.txt.ws")
    failing = [c for c in checks if not c.holds]
    assert [(c.total_vnd, c.difference_vnd) for c in failing] == [(24_030_035_989, -1)]
    # the total is also cut by year ('d) Phân kỳ đầu tư:'), and that cut holds
    by_year = [c for c in checks if c.total_vnd == 91_481_640_145 and len(c.parts) == 7]
    assert len(by_year) == 1 and by_year[0].holds


def test_trong_do_line_takes_the_list_after_it():
    text = (
        "Điều 1. Giao vốn như sau:\n"
        "Tổng vốn năm 2010: 3.000 triệu đồng.\n"
        "Trong đó:\n"
        "1. Vốn cân đối: 1.000 triệu đồng.\n"
        "2. Vốn không cân đối: 2.000 triệu đồng.\n"
        "Điều 2. Tổ chức thực hiện.\n"
    )
    (check,) = extract_text(text).budget_checks
    assert check.kind == "list" and check.holds and check.parts_vnd == [1_000_000_000, 2_000_000_000]


# --- what does not take part ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Tổng kinh phí khoảng 10 tỷ đồng (Vốn A: 3 tỷ đồng; Vốn B: 4 tỷ đồng).",  # an approximate total
        "Hỗ trợ từ 5 đến 10 tỷ đồng (Vốn A: 3 tỷ đồng; Vốn B: 4 tỷ đồng).",  # a range
        "Tổng vốn 10 tỷ đồng, trong đó vốn đầu tư phát triển 3 tỷ đồng, vốn sự nghiệp 3 tỷ đồng, vốn ODA 1 tỷ đồng, vốn ODA 2 tỷ đồng.",
        "Tổng vốn 10 tỷ đồng, trong đó có 3 tỷ đồng cho xã A và 4 tỷ đồng cho xã B.",  # 'trong đó' may name only some
    ],
)
def test_no_check(text):
    assert extract_text(text).budget_checks == []


def test_rounded_total_within_its_printed_precision():
    holds = extract_text("Tổng kinh phí: 1,5 tỷ đồng (Vốn A: 700 triệu đồng; Vốn B: 800,4 triệu đồng).").budget_checks
    fails = extract_text("Tổng kinh phí: 1,5 tỷ đồng (Vốn A: 700 triệu đồng; Vốn B: 860 triệu đồng).").budget_checks
    assert [(c.holds, c.tolerance_vnd) for c in holds] == [(True, 50_000_000)]
    assert [(c.holds, c.difference_vnd) for c in fails] == [(False, 60_000_000)]


@pytest.mark.parametrize(
    "extra,exact",
    [({"kind": "digits"}, True), ({"kind": "range"}, False), ({"per": "/tháng"}, False), ({"approx": "khoảng"}, False), ({"approx": "ước đạt"}, True)],
)
def test_is_exact(extra, exact):
    assert is_exact(Amount(value_vnd=1, **extra)) is exact


# --- tables -------------------------------------------------------------------------------------------------------


def test_table_total_row_against_its_rows():
    _, checks = checks_of(DOCS / "dev-003.md")
    (check,) = checks
    assert check.kind == "table" and check.holds and len(check.parts) == 27


def test_table_with_a_wrong_row(tmp_path):
    path = altered(tmp_path, DOCS / "dev-003.md", "CAO BẰNG\n|\n68.900", "CAO BẰNG\n|\n69.900")
    _, checks = checks_of(path)
    (check,) = checks
    assert not check.holds and check.difference_vnd == 1_000_000_000
    assert any(p.text == "69.900" and p.label == "CAO BẰNG" for p in check.parts)


def test_table_columns_and_sub_rows(tmp_path):
    table = (
        "Số: 5/QĐ-UBND\n\nĐơn vị tính: triệu đồng\n\n"
        "| STT | Nội dung | Tổng số | Vốn ĐTPT | Vốn sự nghiệp |\n| --- | --- | --- | --- | --- |\n"
        "| | Tổng cộng | 600 | 400 | 200 |\n"
        "| I | Dự án 1 | 350 | 250 | 100 |\n| 1 | Tiểu dự án 1 | 200 | 150 | 50 |\n| 2 | Tiểu dự án 2 | 150 | 100 | 50 |\n"
        "| II | Dự án 2 | 250 | 150 | 100 |\n"
    )
    path = tmp_path / "t.md"
    path.write_text(table, encoding="utf-8")
    _, checks = checks_of(path)
    assert [(c.total_vnd, c.found_vnd, c.holds) for c in checks] == [
        (600_000_000, 600_000_000, True),
        (400_000_000, 400_000_000, True),
        (200_000_000, 200_000_000, True),
    ]


# --- the outline ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line,kind",
    [
        ("III. NỘI DUNG", "roman"),
        ("1. Dự án 1", "arabic"),
        ("3.1. Tiểu dự án 1", "multi1"),
        ("1.1 - Chi từ nguồn", "multi1"),
        ("a) Kế hoạch vốn", "letter"),
        ("- a) Kế hoạch vốn", "letter"),
        ("- Vốn sự nghiệp", "dash"),
        ("+ Chi sự nghiệp", "plus"),
        ("Điều 1. Phạm vi", "article"),
        ("Vốn sự nghiệp: 1 tỷ đồng", "plain"),
    ],
)
def test_marker_kind(line, kind):
    m = marker(line)
    assert (m.family if m else "plain") == kind


def test_outline_nests_by_markers():
    text = "I. A\n1. B\n- c\n+ d\nplain\n- e\n2. F\nII. G"
    roots = build_outline(text, [])
    shape = lambda n: (text[n.start:n.end], [shape(c) for c in n.children])  # noqa: E731
    assert [shape(r) for r in roots] == [
        ("I. A", [("1. B", [("- c", [("+ d", [("plain", [])])]), ("- e", [])]), ("2. F", [])]),
        ("II. G", []),
    ]
