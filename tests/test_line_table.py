"""Segmentation's line table (``Lines``) and the outline's line reader give the lines
``text.split("\\n")`` gives, with their offsets, without holding them all."""
from __future__ import annotations

import pytest

from vanban.extractors.segment import outline
from vanban.extractors.segment.parts import Line, Lines

TEXTS = ["", "\n", "\n\n", "một dòng", "a\nb", "a\nb\n", "\nĐiều 1. Phạm vi\n\n  - a) Kế hoạch\n", "x" * 50 + "\n" * 3 + "y"]


@pytest.fixture(params=["short", "long"], autouse=True)
def length(request, monkeypatch):
    """Each test twice: texts read as short ones (lines made at once) and as long ones (made
    when read, the outline reading one line at a time)."""
    if request.param == "long":
        monkeypatch.setattr(outline, "LONG_TEXT", 0)
    return request.param


def split_lines(text: str) -> list[Line]:
    """The lines as a list, the way they were made before the table."""
    lines, pos = [], 0
    for raw in text.split("\n"):
        lines.append(Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return lines


@pytest.mark.parametrize("text", TEXTS)
def test_the_table_reads_as_the_list_of_lines(text, length):
    expected = split_lines(text)
    lines = Lines(text)
    assert (lines._made is None) == (length == "long")
    assert len(lines) == len(expected)
    assert list(lines) == expected
    assert [lines[i] for i in range(len(lines))] == expected
    assert [lines[i] for i in range(-len(lines), 0)] == expected
    assert lines[1:3] == expected[1:3] and lines[:-1] == expected[:-1] and lines[::2] == expected[::2]
    for bad in (len(lines), -len(lines) - 1):
        with pytest.raises(IndexError):
            lines[bad]


@pytest.mark.parametrize("text", TEXTS)
def test_index_at_is_the_line_holding_an_offset(text):
    lines = Lines(text)
    for offset in range(-1, len(text) + 2):
        holding = [k for k, ln in enumerate(split_lines(text)) if ln.start <= offset]
        assert lines.index_at(offset) == (holding[-1] if holding else 0)


@pytest.mark.parametrize("text", TEXTS)
def test_the_outline_reads_the_lines_split_gives(text):
    assert [raw for _, raw in outline.iter_lines(text)] == text.split("\n")
    assert [s for s, raw in outline.iter_lines(text)] == [ln.start for ln in split_lines(text)]


def test_an_unlinked_outline_has_no_links_left():
    text = "I. MỤC ĐÍCH\n1. Một\na) Hai\n- Ba\n2. Bốn\nII. TỔ CHỨC\n1. Năm"
    tree = outline.build(text)
    assert any(n.children for n in tree.nodes) and any(n.parent for n in tree.nodes)
    outline.unlink(tree.roots)
    assert all(not n.children and n.parent is None for n in tree.nodes)


def test_an_outline_without_titles_has_the_same_shape():
    text = "I. MỤC ĐÍCH\nNội dung\n1. Một\na) Hai\n- Ba\n2. Bốn\nII. TỔ CHỨC\n1. Năm"
    full = outline.build(text, plain=True)
    bare = outline.build(text, plain=True, titles=False)
    shape = lambda t: [(n.line, n.start, n.end, n.kind, n.number, n.block_end, n.depth) for n in t.nodes]  # noqa: E731
    assert shape(full) == shape(bare)
    assert all(n.title for n in full.nodes) and not any(n.title for n in bare.nodes)
