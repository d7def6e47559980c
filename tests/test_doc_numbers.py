"""The two keys of a document number: spelling (grouping and scoring) and store linking."""
from __future__ import annotations

import pytest

from vanban.extractors.common.doc_numbers import number_key, spelling_key


@pytest.mark.parametrize(
    "a, b",
    [
        ("352 /KH-UBND", "352/kh-ubnd"),
        ("352/KH–UBND", "352/KHUBND"),  # en dash typed for the hyphen
        ("66/NQ-СР", "66/NQ-CP"),  # Cyrillic look-alikes
        ("27/2022/NĐ - CP", "27/2022/nđ-cp"),
    ],
)
def test_spelling_key_ignores_spaces_hyphens_dashes_case(a, b):
    assert spelling_key(a) == spelling_key(b)


@pytest.mark.parametrize("a, b", [("0352/KH-UBND", "352/KH-UBND"), ("352/QĐ-UBND", "352/QD-UBND")])
def test_spelling_key_keeps_zeros_and_letters(a, b):
    # what the store's key ignores, the spelling key does not
    assert spelling_key(a) != spelling_key(b)
    assert number_key(a) == number_key(b)


def test_no_number():
    assert spelling_key(None) == "" and spelling_key("") == ""
    assert number_key("/UBND-VXNV") is None and number_key(None) is None
