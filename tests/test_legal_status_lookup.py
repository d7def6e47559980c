"""The legal-status stage's fast lookups give the answers of the plain scans they replace:
the mentions between two offsets found by bisection, and the clauses of a cue searched only
near its cues, on a table of invented cases (one long text among them)."""
from __future__ import annotations

import pytest

from vanban.extractors.extract import effective
from vanban.extractors.extract.effects import _Mentions
from vanban.schemas import Reference


def _ref(number: str, *spans: tuple[int, int]) -> Reference:
    return Reference(number=number, span=spans[0], mention_spans=list(spans))


MENTIONS = _Mentions([_ref("5/2020/QĐ-UBND", (10, 25), (300, 315)), _ref("7/2021/NĐ-CP", (10, 22), (40, 52)),
                      _ref("9/2019/TT-BTC", (120, 133)), _ref("12/2024/QĐ-UBND", (60, 75))], "12/2024/QĐ-UBND")


@pytest.mark.parametrize("start,end", [
    (0, 0), (0, 10), (0, 11), (10, 10), (10, 11), (9, 40), (10, 41), (11, 40), (40, 300), (60, 121),
    (120, 120), (121, 400), (0, 1000), (300, 301), (301, 1000), (50, 20), (-5, 12),
])
def test_mentions_between_as_the_plain_scan(start: int, end: int) -> None:
    plain = [t for t in MENTIONS.items if start <= t[0] < end]
    assert MENTIONS.between(start, end) == plain


def test_mentions_leave_out_the_document_itself() -> None:
    assert [t[0] for t in MENTIONS.items] == [10, 10, 40, 120, 300]


CLAUSE = "Điều 3. Quyết định này có hiệu lực kể từ ngày ký."
FILLER = "Các sở, ngành triển khai thực hiện kế hoạch theo đúng tiến độ đã đề ra. " * 40
TEXTS = [
    "",
    CLAUSE,
    FILLER,
    FILLER + CLAUSE + FILLER,
    # two cues within reach of one another, a clause each
    CLAUSE + " Quy định này có hiệu lực thi hành kể từ ngày 01/4/2024.",
    # the subject far before its cue (more than the gap): no clause
    "Quyết định này " + "x" * 400 + " có hiệu lực kể từ ngày ký.",
    # a cue with no subject, then a clause well after it
    "Văn bản có hiệu lực pháp lý cao. " + FILLER * 3 + CLAUSE,
    # expiry forms
    "Quyết định này hết hiệu lực kể từ ngày 31/12/2025. " + FILLER + "Nghị quyết này hết hiệu lực thi hành.",
    # a long text: the clauses far apart, cues with and without a subject in between
    (FILLER + CLAUSE + "\n\n" + FILLER + "Hợp đồng có hiệu lực. " + FILLER * 2
     + "Kế hoạch này có hiệu lực từ ngày 01 tháng 7 năm 2025 đến hết ngày 31/12/2025.\n\n") * 5,
]


@pytest.mark.parametrize("name", ["in_force", "expires"])
@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_clauses_as_the_whole_text_scan(name: str, text: str) -> None:
    pattern = effective.cue_patterns()[name]
    plain = [(m.span(), m.group("subj"), m.group("cue")) for m in pattern.finditer(text)]
    assert [(m.span(), m.group("subj"), m.group("cue")) for m in effective._clauses(name, text)] == plain


def test_the_long_text_has_clauses_to_compare() -> None:
    assert len(list(effective._clauses("in_force", TEXTS[-1]))) == 15  # "Hợp đồng" is a type word too


# --- budget: whether a subtree has figures of a fund, with no list built ---------------------------

def _node(figure: str | None = None, parts: tuple[str | None, ...] = (), children: tuple = ()):
    from types import SimpleNamespace

    from vanban.extractors.extract.amounts.budget import Node

    return Node(line=0, start=0, end=0, kind="plain", figure=SimpleNamespace(fund=figure) if figure else None,
                inline_parts=[SimpleNamespace(fund=f) for f in parts], children=list(children))


TREES = [
    _node(),
    _node("ngân sách trung ương"),
    _node(parts=("ngân sách địa phương", None)),
    _node(children=(_node(), _node(children=(_node(), _node("ngân sách địa phương"))))),
    _node("vốn khác", children=(_node("ngân sách trung ương"), _node(parts=("ngân sách trung ương",)))),
    _node(children=tuple(_node(children=(_node(parts=(None,)),)) for _ in range(5))),
]


@pytest.mark.parametrize("tree", TREES, ids=range(len(TREES)))
@pytest.mark.parametrize("fund", ["ngân sách trung ương", "ngân sách địa phương", "vốn khác", None])
def test_has_fund_figures_as_the_list(tree, fund) -> None:
    from vanban.extractors.extract.amounts.budget import _fund_figures, _has_fund_figures

    memo: dict = {}
    for node in tree.walk():
        assert _has_fund_figures(node, fund, memo) == bool(_fund_figures(node, fund)), node
