"""The outline of a document (vanban.extractors.segment.outline): markers and their tree."""
from __future__ import annotations

import pytest

from vanban.extractors.segment import outline
from vanban.extractors.segment.parts import section_nodes

# --- markers ---------------------------------------------------------------------------------------

MARKERS = [
    # line, kind, number, bullet, text after the marker
    ("PHỤ LỤC", "appendix", None, None, ""),
    ("Phụ lục II", "appendix", "II", None, ""),
    ("PHỤ LỤC SỐ 3:", "appendix", "3", None, ""),
    ("Phụ lục 2a", "appendix", "2a", None, ""),
    ("Phụ lục IV DANH MỤC DỰ ÁN", "appendix", "IV", None, " DANH MỤC DỰ ÁN"),
    ("Chương I", "chapter", "I", None, ""),
    ("CHƯƠNG 2. QUY ĐỊNH CHUNG", "chapter", "2", None, ". QUY ĐỊNH CHUNG"),
    ("Điều 5. Hiệu lực thi hành", "article", "5", None, "Hiệu lực thi hành"),
    ("Điều 12: Trách nhiệm", "article", "12", None, "Trách nhiệm"),
    ("Điều 3", "article", "3", None, ""),
    ("II. NHIỆM VỤ", "roman", "II", None, "NHIỆM VỤ"),
    ("PHẦN I. MỤC TIÊU", "roman", "I", None, "MỤC TIÊU"),
    ("IV - KINH PHÍ", "roman", "IV", None, "KINH PHÍ"),
    ("1.1. Tiểu dự án 1", "multi", "1.1", None, "Tiểu dự án 1"),
    ("2.3.1 Nội dung số 1", "multi", "2.3.1", None, "Nội dung số 1"),
    ("1. Sở Tài chính", "arabic", "1", None, "Sở Tài chính"),
    ("12) Xã Nghi Phú", "arabic", "12", None, "Xã Nghi Phú"),
    ("  3/ Huyện Nam Đàn", "arabic", "3", None, "Huyện Nam Đàn"),
    ("a) Vốn sự nghiệp", "letter", "a", None, "Vốn sự nghiệp"),
    ("đ) Kiểm tra", "letter", "đ", None, "Kiểm tra"),
    ("- a) Kế hoạch vốn", "letter", "a", "-", "a) Kế hoạch vốn"),
    ("- Chủ trì thực hiện", "dash", None, "-", "Chủ trì thực hiện"),
    ("– Phối hợp", "dash", None, "–", "Phối hợp"),
    ("—Báo cáo", "dash", None, "—", "Báo cáo"),
    ("+ Chi đầu tư", "plus", None, "+", "Chi đầu tư"),
    ("* Ghi chú", "star", None, "*", "Ghi chú"),
    ("• Tuyên truyền", "star", None, "•", "Tuyên truyền"),
    ("· Kiểm tra", "star", None, "·", "Kiểm tra"),
]


@pytest.mark.parametrize("line,kind,number,bullet,rest", MARKERS)
def test_marker(line, kind, number, bullet, rest):
    m = outline.marker(line)
    assert m is not None
    assert (m.kind, m.number, m.bullet) == (kind, number, bullet)
    assert line[m.length:] == rest


@pytest.mark.parametrize(
    "line",
    ["Sở Tài chính chủ trì", "2024 là năm", "Vốn: 1.000 triệu đồng", "1.000 triệu đồng", "Điều chỉnh kế hoạch",
     "Chương trình mục tiêu", "Phụ lục kèm theo Kế hoạch này", "-", "---", "a)", "Ivan nói", "15/4/2024"],
)
def test_no_marker(line):
    m = outline.marker(line)
    # '---' is a bullet followed by text ('--'), as the budget audit and the assignments read it
    assert m is None or (line == "---" and m.kind == "dash")


def test_family_tells_the_depth_of_a_multi_number():
    assert outline.marker("1.1. A").family == "multi1"
    assert outline.marker("1.1.2. A").family == "multi2"
    assert outline.marker("3. A").family == "arabic"


# --- the tree ------------------------------------------------------------------------------------


def shape(nodes):
    return [(n.title, shape(n.children)) if n.children else n.title for n in nodes]


TREES = [
    # headings and numbers by rank
    ("I. A\n1. B\n1.1. C\na) D\nb) E\n1.2. F\n2. G\nII. H",
     [("I. A", [("1. B", [("1.1. C", ["a) D", "b) E"]), "1.2. F"]), "2. G"]), "II. H"]),
    # bullets nest in the order the document uses them
    ("1. A\n- b\n+ c\n+ d\n- e\n2. F", [("1. A", [("- b", ["+ c", "+ d"]), "- e"]), "2. F"]),
    ("1. A\n+ b\n- c\n+ d", [("1. A", [("+ b", ["- c"]), "+ d"])]),
    # a chapter closes the articles of the decision before it; an appendix starts a tree
    ("Điều 1. A\n1. b\nĐiều 2. C\nChương I\nĐiều 1. D\nPHỤ LỤC\nI. E",
     [("Điều 1. A", ["1. b"]), "Điều 2. C", ("Chương I", ["Điều 1. D"]), ("PHỤ LỤC", ["I. E"])]),
    # a roman part after articles is their sibling; a number before any heading is a root
    ("1. A\nI. B\n1. C", ["1. A", ("I. B", ["1. C"])]),
    # a letter list above numbers: the number closes it
    ("a) A\n1. B\nb) C", ["a) A", ("1. B", ["b) C"])]),
    # '- a)' is a letter: it closes the letters open
    ("1. A\na) b\n- b) c\n- d", [("1. A", ["a) b", ("- b) c", ["- d"])])]),
]


@pytest.mark.parametrize("text,expected", TREES)
def test_tree(text, expected):
    assert shape(outline.build(text).roots) == expected


def test_plain_lines_and_heads():
    text = "1. A\nTổng: 10, trong đó:\n- x\n- y\nghi chú\n2. B"
    tree = outline.build(text, plain=True, heads={1})
    assert shape(tree.roots) == [("1. A", [("Tổng: 10, trong đó:", ["- x", ("- y", ["ghi chú"])])]), "2. B"]
    assert [n.kind for n in tree.nodes] == ["arabic", "head", "dash", "dash", "plain", "arabic"]
    # without plain lines only the marked ones take part
    assert shape(outline.build(text).roots) == [("1. A", ["- x", "- y"]), "2. B"]


def test_bullets_left_out():
    text = "1. A\n- x\n2. B\n- y"
    assert shape(outline.build(text, bullets=False).roots) == ["1. A", "2. B"]


def test_scope_start_and_skip():
    text = "1. header\nI. A\n1. B\nNơi nhận:\n- x\n2. C"
    start = text.index("I.")
    skip = (text.index("Nơi"), text.index("2. C"))
    tree = outline.build(text, start=start, skip=skip)
    assert shape(tree.roots) == [("I. A", ["1. B", "2. C"])]


def test_node_fields_and_lookup():
    text = "I. MỤC TIÊU\n1. Nội dung\nSở Y tế chủ trì.\nII. KINH PHÍ\n"
    tree = outline.build(text)
    one = tree.nodes[1]
    assert (one.kind, one.number, one.title, one.line, one.level) == ("arabic", "1", "1. Nội dung", 1, 2)
    assert (one.start, one.end) == (text.index("1."), text.index("1.") + len("1. Nội dung"))
    assert one.block == (one.start, text.index("II."))
    assert one.parent is tree.nodes[0] and tree.nodes[0].children == [one]
    at = text.index("Sở Y tế")
    assert [n.title for n in tree.chain_at(at)] == ["I. MỤC TIÊU", "1. Nội dung"]
    assert tree.node_at(0) is tree.nodes[0]
    assert tree.node_at(text.index("II.") + 3).title == "II. KINH PHÍ"
    assert tree.nodes[0].contains(one) and not one.contains(tree.nodes[0])


# --- numbered sections ------------------------------------------------------------------------------

SECTIONS = [
    ("I. A\n1. B\na) C\n5. D\n5.1. E\na) F\n5.2. G\nII. H",
     [("I", 1), ("I.1", 2), ("I.1.a", 3), ("I.5", 2), ("I.5.1", 2), ("I.5.1.a", 3), ("I.5.2", 2), ("II", 1)]),
    ("Chương I\nĐiều 1. A\n1. B\nChương II\nĐiều 2. C",
     [("Chương I", 1), ("Chương I.Điều 1", 2), ("Chương I.Điều 1.1", 3), ("Chương II", 1), ("Chương II.Điều 2", 2)]),
    ("Phụ lục II\nI. A\n1. B", [("Phụ lục II", 1), ("Phụ lục II.I", 2), ("Phụ lục II.I.1", 3)]),
    ("1. A\n- x\n- a) y\nb) z", [("1", 1), ("1.b", 2)]),
]


@pytest.mark.parametrize("text,expected", SECTIONS)
def test_section_paths(text, expected):
    secs = section_nodes(outline.build(text, bullets=False), len(text))
    assert [(s.path, s.level) for s in secs] == expected


def test_a_section_ends_where_one_at_its_level_begins():
    text = "I. A\n1. B\nII. C"
    secs = section_nodes(outline.build(text, bullets=False), len(text))
    assert [(s.start, s.end) for s in secs] == [(0, text.index("II.")), (text.index("1."), text.index("II.")), (text.index("II."), len(text))]
    assert secs[1].numbered_path == "I.1"
