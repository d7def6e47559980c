"""The small helpers the assignment rules read text with (invented examples)."""
from __future__ import annotations

import pytest

from vanban.extractors.extract.assignments.cues import fold
from vanban.extractors.extract.assignments.reader import has_word, head_at, heads


@pytest.mark.parametrize(
    ("folded", "words", "expected"),
    [
        ("sở y tế chủ trì", ("chủ trì",), True),
        ("sở y tế chủ trìa", ("chủ trì",), False),          # part of a longer word
        ("xchủ trì", ("chủ trì",), False),
        ("kế hoạch, chủ trì.", ("phối hợp", "chủ trì"), True),  # any of the words
        ("phối hợp", (), False),
        ("số 1 . 2", (".",), True),                         # words are matched as written, not as patterns
        ("số 1 x 2", (".",), False),
    ],
)
def test_has_word(folded, words, expected):
    assert has_word(folded, words) is expected


def test_every_head_is_found_and_the_longest_wins():
    for h in heads():
        text = f"{h[0].upper()}{h[1:]} ươm"
        first = next(g for g in heads() if text.lower().startswith(g) and not text[len(g)].isalnum())
        assert head_at(text, 0, len(text)) == len(first), h


def test_head_needs_a_word_boundary_and_a_capital():
    assert head_at("Ủy ban Ươm Tạo", 0, 14) == len("Ủy ban")
    assert head_at("ủy ban Ươm Tạo", 0, 14) is None   # lower case: no name
    assert head_at("Ủy banh", 0, 7) is None            # 'ủy ban' inside a longer word
    assert head_at("x Ủy ban", 2, 8) == 8              # from the position given


@pytest.mark.parametrize(("text", "expected"), [("Uỷ  Ban\nNhân dân", "ủy ban nhân dân"), ("Hoà BÌNH", "hòa bình")])
def test_fold_is_the_same_for_short_and_long_text(text, expected):
    long = " ".join([text] * 40)  # longer than the windows that are remembered
    assert fold(text) == expected
    assert fold(long) == " ".join([expected] * 40)
